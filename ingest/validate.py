"""Stage 5: validate one article's graphs against the SHACL shapes.

Two engines give the same results: pySHACL, the reference, and newskg's fast engine
(``ingest/fastshacl.py``: the shapes compiled to SPARQL, run by pyoxigraph), which ingest uses
by default; shapes the fast engine does not support fall back to pySHACL.

Validation runs per article: the data graph is the union of the article's own graphs, a
few hundred triples, which keeps pySHACL fast (tens of milliseconds) and lets ingest store
every valid article while reporting the invalid ones. Each violation names the focus node,
its label, the shape, the message and, where the node has one, the text span behind it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import RDFS, SH

from . import fastshacl
from .vocab import GAF, NIF, NKGNS, SHAPES_DIR

CORE_SHAPES = SHAPES_DIR / "core.ttl"
QUALITY_SHAPES = SHAPES_DIR / "quality.ttl"
NKGSH = "https://w3id.org/newskg/shapes#"


@dataclass(frozen=True)
class TextSpan:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Violation:
    focus: str
    focus_label: str | None
    shape: str | None
    path: str | None
    message: str
    severity: str
    value: str | None = None
    span: TextSpan | None = None
    component: str | None = None
    # Exact identities of the terms, for comparing engines and the W3C test suite:
    # IRIs as <iri>, blank nodes as _:id, literals as JSON [lexical, datatype, language].
    focus_key: str | None = None
    value_key: str | None = None
    shape_key: str | None = None

    @property
    def is_violation(self) -> bool:
        return self.severity == "Violation"

    @property
    def key(self) -> tuple[str | None, ...]:
        """What identifies a result (the W3C suite compares these): focus, path, value, shape,
        component, severity."""
        return (self.focus_key or self.focus, self.path, self.value_key, self.shape_key, self.component, self.severity)


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: tuple[Violation, ...]
    engine: str = "pyshacl"

    @property
    def errors(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.is_violation)

    @property
    def warnings(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if not v.is_violation)


class ShapesError(Exception):
    """A shapes file that does not parse or is not SHACL."""


def term_key(term: object) -> str | None:
    """One string per RDF term, equal across rdflib and pyoxigraph."""
    if term is None:
        return None
    if isinstance(term, (rdflib.URIRef, ox.NamedNode)):
        return f"<{term if isinstance(term, rdflib.URIRef) else term.value}>"
    if isinstance(term, rdflib.BNode):
        return f"_:{term}"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, rdflib.Literal):
        dt = str(term.datatype) if term.datatype else (str(rdflib.RDF.langString) if term.language else str(XSD_STRING))
        return json.dumps([str(term), dt, (term.language or "").lower()], ensure_ascii=False)
    if isinstance(term, ox.Literal):
        with fastshacl.quiet_rdflib():
            return term_key(_term(term))  # rdflib's normal form, as pySHACL reports it
    return str(term)


XSD_STRING = rdflib.XSD.string


def _term(node: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> rdflib.term.Node:
    if isinstance(node, ox.NamedNode):
        return rdflib.URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return rdflib.BNode(node.value)
    if isinstance(node, ox.Literal):
        if node.language:
            return rdflib.Literal(node.value, lang=node.language)
        return rdflib.Literal(node.value, datatype=rdflib.URIRef(node.datatype.value))
    raise TypeError(f"unsupported term {node!r}")


def to_rdflib(quads: Iterable[ox.Quad]) -> rdflib.Graph:
    """The union of the quads' triples as an in-memory rdflib graph, pySHACL's input."""
    graph = rdflib.Graph()
    with fastshacl.quiet_rdflib():
        for q in quads:
            graph.add((_term(q.subject), _term(q.predicate), _term(q.object)))
    return graph


def parse_shapes_file(path: Path) -> list[ox.Quad]:
    """A Turtle shapes file's triples; a syntax error names the file, line and column."""
    try:
        return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=path.resolve().as_uri()))
    except SyntaxError as err:
        raise ShapesError(f"{path}: shapes do not parse: {err}") from None
    except (OSError, ValueError) as err:
        raise ShapesError(f"{path}: cannot read shapes: {err}") from None


def _is_shacl(graph: rdflib.Graph) -> bool:
    markers = (
        (None, rdflib.RDF.type, SH.NodeShape), (None, rdflib.RDF.type, SH.PropertyShape),
        (None, SH.targetClass, None), (None, SH.targetNode, None), (None, SH.targetSubjectsOf, None),
        (None, SH.targetObjectsOf, None), (None, SH.path, None), (None, SH.property, None),
    )
    return any(any(True for _ in graph.triples(m)) for m in markers)


def load_shapes(paths: Sequence[Path]) -> rdflib.Graph:
    quads: list[ox.Quad] = []
    for path in paths:
        file_quads = parse_shapes_file(path)
        if not _is_shacl(to_rdflib(file_quads)):
            raise ShapesError(f"{path}: no sh:NodeShape, sh:PropertyShape or target: not SHACL shapes")
        quads.extend(file_quads)
    return to_rdflib(quads)


@cache
def core_shapes() -> rdflib.Graph:
    return load_shapes((CORE_SHAPES,))


# ---------------------------------------------------------------------------------- shape sets

ENGINES = ("pyshacl", "fast")
COLLECTION_SCOPE = rdflib.URIRef(NKGSH + "Collection")
SCOPE = rdflib.URIRef(NKGSH + "scope")


@dataclass(frozen=True)
class ShapeSpec:
    """Which shapes, which engine and which Python-side checks: small and picklable, so that
    worker processes can build the same ``ShapeSet``."""

    files: tuple[Path, ...] = (CORE_SHAPES,)
    engine: str = "pyshacl"
    python_checks: tuple[str, ...] = ()

    def build(self) -> "ShapeSet":
        return _build_shape_set(self)


@cache
def _build_shape_set(spec: ShapeSpec) -> "ShapeSet":
    return ShapeSet(_load_cached(spec.files), spec)


@cache
def _load_cached(files: tuple[Path, ...]) -> rdflib.Graph:
    """One graph per set of files, so that every engine sees the same blank nodes."""
    return load_shapes(files)


class ShapeSet:
    """Loaded shapes, split into per-article shapes and collection-wide ones (shapes that say
    ``nkgsh:scope nkgsh:Collection``), compiled for the fast engine when it can."""

    def __init__(self, graph: rdflib.Graph, spec: ShapeSpec | None = None) -> None:
        self.spec = spec or ShapeSpec()
        self.graph, self.collection = split_collection(graph)
        self.engine = self.spec.engine
        if self.engine not in ENGINES:
            raise ShapesError(f"unknown engine {self.engine!r} (use {' or '.join(ENGINES)})")
        self._compiled: dict[int, object] = {}
        self.fallback: str | None = None
        self._check_pyshacl_loads()

    def _check_pyshacl_loads(self) -> None:
        """pySHACL refuses malformed constraints (sh:minCount "x") only when it runs: run it once
        on an empty graph so that bad shapes are a usage error before any article."""
        try:
            with fastshacl.quiet_rdflib():
                shacl_validate(rdflib.Graph(), shacl_graph=self.graph, inference="none", advanced=True,
                               allow_warnings=True)
        except Exception as err:  # pySHACL's load errors have no common base class
            files = ", ".join(str(f) for f in self.spec.files)
            raise ShapesError(f"{files}: shapes are not valid SHACL: {str(err).strip().splitlines()[0]}") from None

    def compiled(self, which: str = "article") -> "fastshacl.CompiledShapes | None":
        """The fast engine's compilation, or None when the shapes need pySHACL."""
        graph = self.graph if which == "article" else self.collection
        key = id(graph)
        if key not in self._compiled:
            try:
                self._compiled[key] = fastshacl.CompiledShapes(graph)
            except fastshacl.Unsupported as err:
                self._compiled[key] = None
                self.fallback = str(err)
        return self._compiled[key]  # type: ignore[return-value]

    @property
    def has_collection_shapes(self) -> bool:
        return any(True for _ in self.collection.subjects(SCOPE, COLLECTION_SCOPE))


_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)


def split_collection(graph: rdflib.Graph) -> tuple[rdflib.Graph, rdflib.Graph]:
    """(per-article shapes, collection shapes). A collection shape is run once over the whole
    collection (every article and the shared graphs); the others run article by article.
    Each half is the whole shapes graph with the other half's targets removed."""
    roots = set(graph.subjects(SCOPE, COLLECTION_SCOPE))
    if not roots:
        return graph, rdflib.Graph()
    per_article, collection = rdflib.Graph(), rdflib.Graph()
    for triple in graph:
        per_article.add(triple)
        collection.add(triple)
    targeted = {s for p in _TARGETS for s in graph.subjects(p, None)} | set(
        graph.subjects(rdflib.RDF.type, rdflib.RDFS.Class))
    for shape in targeted:
        drop_from = per_article if shape in roots else collection
        for p in _TARGETS:
            for o in list(graph.objects(shape, p)):
                drop_from.remove((shape, p, o))
        drop_from.remove((shape, rdflib.RDF.type, rdflib.RDFS.Class))
    return per_article, collection


# ---------------------------------------------------------------------------------- labels, spans

def _span_of(data: rdflib.Graph, node: rdflib.term.Node) -> TextSpan | None:
    """The text span behind a node: itself if it is a span, else its evidence or first mention."""
    candidates = [node]
    for prop in (rdflib.URIRef(NKGNS.evidence.value), rdflib.URIRef(GAF.denotedBy.value)):
        candidates.extend(sorted(data.objects(node, prop), key=str))
    begin_p, end_p, anchor_p = (rdflib.URIRef(NIF[t].value) for t in ("beginIndex", "endIndex", "anchorOf"))
    for candidate in candidates:
        begin, end = data.value(candidate, begin_p), data.value(candidate, end_p)
        if begin is not None and end is not None:
            try:
                return TextSpan(int(begin), int(end), str(data.value(candidate, anchor_p) or ""))
            except ValueError:
                continue
    return None


def _label_of(data: rdflib.Graph, node: rdflib.term.Node) -> str | None:
    labels = sorted(str(x) for x in data.objects(node, RDFS.label))
    return labels[0] if labels else None


def _ox_objects(store: ox.Store, node: object, pred: ox.NamedNode, graph: ox.NamedNode | None = None
                ) -> list[object]:
    if not isinstance(node, (ox.NamedNode, ox.BlankNode)):
        return []
    return [q.object for q in store.quads_for_pattern(node, pred, None, graph)]


def _ox_span_of(store: ox.Store, node: object, graph: ox.NamedNode | None = None) -> TextSpan | None:
    candidates = [node]
    for prop in (NKGNS.evidence, GAF.denotedBy):
        candidates.extend(sorted(_ox_objects(store, node, prop, graph), key=lambda t: str(getattr(t, "value", t))))
    for candidate in candidates:
        begin = _ox_objects(store, candidate, NIF.beginIndex, graph)
        end = _ox_objects(store, candidate, NIF.endIndex, graph)
        if begin and end:
            anchor = _ox_objects(store, candidate, NIF.anchorOf, graph)
            try:
                return TextSpan(int(begin[0].value), int(end[0].value), anchor[0].value if anchor else "")
            except ValueError:
                continue
    return None


def _ox_label_of(store: ox.Store, node: object, graph: ox.NamedNode | None = None) -> str | None:
    labels = sorted(x.value for x in _ox_objects(store, node, ox.NamedNode(str(RDFS.label)), graph))
    return labels[0] if labels else None


def _shape_name(graph: rdflib.Graph, shape: rdflib.term.Node | None) -> str | None:
    """A readable name for a shape: its IRI, or for a blank-node property shape its path."""
    if shape is None:
        return None
    if isinstance(shape, rdflib.URIRef):
        return str(shape)
    path = fastshacl.path_text(graph, graph.value(shape, SH.path))
    return f"property shape on {path}" if path is not None else None


# ---------------------------------------------------------------------------------- engines

def validate_graph(data: rdflib.Graph, shapes: rdflib.Graph | None = None) -> Report:
    """pySHACL, the reference engine, on an rdflib data graph."""
    shapes_graph = shapes if shapes is not None else core_shapes()
    with fastshacl.quiet_rdflib():
        conforms, results, _ = shacl_validate(
            data,
            shacl_graph=shapes_graph,
            inference="none",
            advanced=True,
            allow_warnings=True,
        )
    violations = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        value = results.value(result, SH.value)
        path = results.value(result, SH.resultPath)
        shape = results.value(result, SH.sourceShape)
        message = results.value(result, SH.resultMessage)
        component = results.value(result, SH.sourceConstraintComponent)
        violations.append(
            Violation(
                focus=str(focus),
                focus_label=_label_of(data, focus) if focus is not None else None,
                shape=_shape_name(shapes_graph, shape) or _shape_name(results, shape),
                path=fastshacl.path_text(results, path),
                message=str(message) if message is not None else "constraint violated",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=str(value) if value is not None else None,
                span=_span_of(data, focus) if focus is not None else None,
                component=str(component) if component is not None else None,
                focus_key=term_key(focus),
                value_key=term_key(value),
                shape_key=term_key(shape),
            )
        )
    return _report(violations, "pyshacl")


def _report(violations: list[Violation], engine: str) -> Report:
    # A total order: two results may share focus, message, path and value but come from
    # different constraints (sh:datatype and sh:minInclusive on one property shape).
    unique = sorted(set(violations), key=lambda v: (v.focus, v.message, v.path or "", v.value or "", v.shape or "",
                                                    v.component or "", v.severity))
    return Report(not any(v.is_violation for v in unique), tuple(unique), engine)


def _default_message(raw: "fastshacl.RawResult") -> str:
    name = raw.check.component.rsplit("#", 1)[-1].removesuffix("ConstraintComponent")
    return f"{name} constraint not satisfied"


def validate_store_fast(store: ox.Store, compiled: "fastshacl.CompiledShapes", shapes_graph: rdflib.Graph,
                        raws: "list[fastshacl.RawResult] | None" = None, graph: ox.NamedNode | None = None
                        ) -> Report:
    """The fast engine on quads already in a pyoxigraph store (in memory or on disk); with
    ``raws`` and ``graph``, results already computed for the quads of ``graph``."""
    violations = []
    for raw in (raws if raws is not None else compiled.run(store)):
        check = raw.check
        path = raw.path
        if isinstance(path, ox.NamedNode):
            path_str: str | None = path.value
        else:
            path_str = fastshacl.path_text(shapes_graph, path)
        violations.append(
            Violation(
                focus=str(getattr(raw.focus, "value", raw.focus)),
                focus_label=_ox_label_of(store, raw.focus, graph),
                shape=_shape_name(shapes_graph, check.shape),
                path=path_str,
                message=check.message or _default_message(raw),
                severity=check.severity,
                value=raw.value.value if raw.value is not None else None,
                span=_ox_span_of(store, raw.focus, graph),
                component=check.component,
                focus_key=term_key(raw.focus),
                value_key=term_key(raw.value),
                shape_key=term_key(check.shape),
            )
        )
    return _report(violations, "fast")


def validate_quads(quads: Iterable[ox.Quad], shapes: "rdflib.Graph | ShapeSet | None" = None,
                   engine: str | None = None) -> Report:
    """Validate one article's quads. ``shapes``: an rdflib shapes graph (pySHACL unless
    ``engine="fast"``) or a ``ShapeSet`` (its engine, Python-side checks included)."""
    shape_set = shapes if isinstance(shapes, ShapeSet) else None
    graph = shape_set.graph if shape_set else (shapes if shapes is not None else core_shapes())
    engine = engine or (shape_set.engine if shape_set else default_engine())
    quads = list(quads)
    compiled = None
    if engine == "fast":
        compiled = shape_set.compiled() if shape_set else _compiled_for(graph)
    if compiled is not None:
        store = fastshacl.store_of(quads)
        report = validate_store_fast(store, compiled, graph)
    else:
        report = validate_graph(to_rdflib(quads), graph)
    if shape_set and shape_set.spec.python_checks:
        from .quality import python_checks

        extra = python_checks(quads, shape_set.spec.python_checks)
        if extra:
            report = _report([*report.violations, *extra], report.engine)
    return report


def default_engine() -> str:
    """The engine ingest uses: the fast one (proven equal to pySHACL on newskg's shapes, see
    tests/validate/test_engines.py), or ``$NEWSKG_SHACL_ENGINE`` (``pyshacl`` or ``fast``)."""
    engine = os.environ.get("NEWSKG_SHACL_ENGINE") or "fast"
    return engine if engine in ENGINES else "fast"


_COMPILED: dict[int, "fastshacl.CompiledShapes | None"] = {}


def _compiled_for(graph: rdflib.Graph) -> "fastshacl.CompiledShapes | None":
    key = id(graph)
    if key not in _COMPILED:
        try:
            _COMPILED[key] = fastshacl.CompiledShapes(graph)
        except fastshacl.Unsupported:
            _COMPILED[key] = None
    return _COMPILED[key]

