"""Stage 5: validate one article's graphs against the SHACL shapes (pySHACL).

Validation runs per article: the data graph is the union of the article's own graphs, a
few hundred triples, which keeps pySHACL fast (tens of milliseconds) and lets ingest store
every valid article while reporting the invalid ones. Each violation names the focus node,
its label, the shape, the message and, where the node has one, the text span behind it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox
import rdflib
from pyshacl import validate as shacl_validate
from rdflib.namespace import RDFS, SH

from .vocab import GAF, NIF, NKGNS, SHAPES_DIR

CORE_SHAPES = SHAPES_DIR / "core.ttl"


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

    @property
    def is_violation(self) -> bool:
        return self.severity == "Violation"


@dataclass(frozen=True)
class Report:
    conforms: bool
    violations: tuple[Violation, ...]

    @property
    def errors(self) -> tuple[Violation, ...]:
        return tuple(v for v in self.violations if v.is_violation)


class ShapesError(Exception):
    """A shapes file that does not parse or is not SHACL."""


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
    for q in quads:
        graph.add((_term(q.subject), _term(q.predicate), _term(q.object)))
    return graph


def load_shapes(paths: Sequence[Path]) -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in paths:
        try:
            graph.parse(path, format="turtle")
        except Exception as err:  # rdflib raises many parser exception types
            raise ShapesError(f"{path}: shapes do not parse: {err}") from None
    if not any(graph.triples((None, rdflib.RDF.type, SH.NodeShape))) and not any(
        graph.triples((None, rdflib.RDF.type, SH.PropertyShape))
    ):
        raise ShapesError(f"{', '.join(map(str, paths))}: no sh:NodeShape or sh:PropertyShape: not SHACL shapes")
    return graph


@cache
def core_shapes() -> rdflib.Graph:
    return load_shapes((CORE_SHAPES,))


def _span_of(data: rdflib.Graph, node: rdflib.term.Node) -> TextSpan | None:
    """The text span behind a node: itself if it is a span, else its evidence or first mention."""
    candidates = [node]
    for prop in (rdflib.URIRef(NKGNS.evidence.value), rdflib.URIRef(GAF.denotedBy.value)):
        candidates.extend(sorted(data.objects(node, prop)))
    begin_p, end_p, anchor_p = (rdflib.URIRef(NIF[t].value) for t in ("beginIndex", "endIndex", "anchorOf"))
    for candidate in candidates:
        begin, end = data.value(candidate, begin_p), data.value(candidate, end_p)
        if begin is not None and end is not None:
            try:
                return TextSpan(int(begin), int(end), str(data.value(candidate, anchor_p) or ""))
            except ValueError:
                continue
    return None


def validate_graph(data: rdflib.Graph, shapes: rdflib.Graph | None = None) -> Report:
    conforms, results, _ = shacl_validate(
        data,
        shacl_graph=shapes if shapes is not None else core_shapes(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    violations = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        severity = results.value(result, SH.resultSeverity)
        label = data.value(focus, RDFS.label) if focus is not None else None
        value = results.value(result, SH.value)
        path = results.value(result, SH.resultPath)
        shape = results.value(result, SH.sourceShape)
        message = results.value(result, SH.resultMessage)
        violations.append(
            Violation(
                focus=str(focus),
                focus_label=str(label) if label is not None else None,
                shape=str(shape) if isinstance(shape, rdflib.URIRef) else _shape_name(results, shape),
                path=str(path) if isinstance(path, rdflib.URIRef) else None,
                message=str(message) if message is not None else "constraint violated",
                severity=str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
                value=str(value) if value is not None else None,
                span=_span_of(data, focus) if focus is not None else None,
            )
        )
    violations.sort(key=lambda v: (v.focus, v.message, v.path or ""))
    return Report(bool(conforms), tuple(violations))


def _shape_name(results: rdflib.Graph, shape: rdflib.term.Node | None) -> str | None:
    """A readable name for a blank-node property shape: its path."""
    if shape is None:
        return None
    path = results.value(shape, SH.path)
    return f"property shape on {path}" if path is not None else None


def validate_quads(quads: Iterable[ox.Quad], shapes: rdflib.Graph | None = None) -> Report:
    return validate_graph(to_rdflib(quads), shapes)
