"""A fast SHACL engine: SHACL Core shapes compiled to SPARQL, run by pyoxigraph.

pySHACL is newskg's reference engine. It walks every shape and focus node in Python over an
rdflib graph, which costs ~200 ms for one article. This engine compiles the shapes once into
one SPARQL query per top-level shape (a UNION with one branch per constraint; every branch
returns the violating focus nodes and value nodes), loads an article's quads into an
in-memory ``pyoxigraph.Store`` and runs the queries there: a few milliseconds per article.

Supported constraint components: class, datatype, nodeKind, minCount, maxCount, in, hasValue,
pattern (with flags), minLength, maxLength, min/maxInclusive, min/maxExclusive, languageIn,
uniqueLang, equals, disjoint, lessThan, lessThanOrEquals, not, and, or, xone, node, property,
closed (with ignoredProperties) and SPARQL-based constraints (sh:sparql with sh:select on
top-level shapes); targets: targetClass (with rdfs:subClassOf), implicit class targets,
targetNode, targetSubjectsOf, targetObjectsOf; sh:deactivated; all SHACL property paths.
Shapes using anything else (qualifiedValueShape, SPARQL-based targets, constraint components
defined in SPARQL, blank-node constants) are refused with ``Unsupported``: callers fall back
to pySHACL, so a refusal is never a wrong answer.

Datatype well-formedness follows pySHACL exactly: a literal whose datatype matches but that
Oxigraph cannot cast (or that has an unusual year) is checked again in Python with rdflib's
own conversion, the test pySHACL applies.
"""

from __future__ import annotations

import itertools
import json
import logging
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache

import pyoxigraph as ox
import rdflib
from rdflib import RDF, RDFS, XSD
from rdflib.collection import Collection
from rdflib.namespace import SH

SHNS = str(SH)
MAX_DEPTH = 8
MAX_COUNT = 6

# sh: predicates on a shape that are not constraints (or are handled as part of another).
_NON_CONSTRAINT = {
    SH[t] for t in (
        "path", "message", "severity", "name", "description", "order", "group", "defaultValue",
        "targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf", "deactivated",
        "declare", "prefixes", "ignoredProperties", "flags", "labelTemplate",
    )
}
_CONSTRAINTS = {
    SH[t] for t in (
        "class", "datatype", "nodeKind", "minCount", "maxCount", "in", "hasValue", "pattern",
        "minLength", "maxLength", "minInclusive", "maxInclusive", "minExclusive", "maxExclusive",
        "languageIn", "uniqueLang", "equals", "disjoint", "lessThan", "lessThanOrEquals",
        "not", "and", "or", "xone", "node", "property", "closed", "sparql",
    )
}
_COMPONENT = {
    "class": "ClassConstraintComponent", "datatype": "DatatypeConstraintComponent",
    "nodeKind": "NodeKindConstraintComponent", "minCount": "MinCountConstraintComponent",
    "maxCount": "MaxCountConstraintComponent", "in": "InConstraintComponent",
    "hasValue": "HasValueConstraintComponent", "pattern": "PatternConstraintComponent",
    "minLength": "MinLengthConstraintComponent", "maxLength": "MaxLengthConstraintComponent",
    "minInclusive": "MinInclusiveConstraintComponent", "maxInclusive": "MaxInclusiveConstraintComponent",
    "minExclusive": "MinExclusiveConstraintComponent", "maxExclusive": "MaxExclusiveConstraintComponent",
    "languageIn": "LanguageInConstraintComponent", "uniqueLang": "UniqueLangConstraintComponent",
    "equals": "EqualsConstraintComponent", "disjoint": "DisjointConstraintComponent",
    "lessThan": "LessThanConstraintComponent", "lessThanOrEquals": "LessThanOrEqualsConstraintComponent",
    "not": "NotConstraintComponent", "and": "AndConstraintComponent", "or": "OrConstraintComponent",
    "xone": "XoneConstraintComponent", "node": "NodeConstraintComponent",
    "closed": "ClosedConstraintComponent", "sparql": "SPARQLConstraintComponent",
}
_COMPARE = {"minInclusive": ">=", "maxInclusive": "<=", "minExclusive": ">", "maxExclusive": "<"}
_NODE_KIND = {
    "IRI": "!isIRI({v})", "BlankNode": "!isBlank({v})", "Literal": "!isLiteral({v})",
    "BlankNodeOrIRI": "isLiteral({v})", "BlankNodeOrLiteral": "isIRI({v})", "IRIOrLiteral": "isBlank({v})",
}
_TYPE_PATH = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>/<http://www.w3.org/2000/01/rdf-schema#subClassOf>*"
_STRINGS = {str(XSD.string), str(RDF.langString)}
# Datatypes Oxigraph can cast a string to (a failed cast means an ill-formed literal).
_CASTABLE = {str(XSD[t]) for t in ("boolean", "float", "double", "decimal", "integer", "dateTime", "date",
                                     "time", "duration")}


class Unsupported(Exception):
    """The shapes use a feature this engine does not implement; use pySHACL."""


@dataclass(frozen=True)
class Check:
    """One constraint of one shape: what a result row of its branch means."""

    shape: rdflib.term.Node
    component: str
    path: rdflib.term.Node | None
    severity: str
    message: str | None
    value_is_focus: bool = False
    datatype: str | None = None  # rows of a datatype check still to be confirmed in Python


@dataclass(frozen=True)
class RawResult:
    focus: ox.NamedNode | ox.BlankNode | ox.Literal
    value: ox.NamedNode | ox.BlankNode | ox.Literal | None
    path: rdflib.term.Node | ox.NamedNode | None
    check: Check


def sparql_literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def term_sparql(term: rdflib.term.Node) -> str:
    if isinstance(term, rdflib.URIRef):
        return f"<{term}>"
    if isinstance(term, rdflib.Literal):
        if term.language:
            return f"{sparql_literal(str(term))}@{term.language}"
        if term.datatype is not None and str(term.datatype) != str(XSD.string):
            return f"{sparql_literal(str(term))}^^<{term.datatype}>"
        return sparql_literal(str(term))
    raise Unsupported(f"blank node constant {term!r} in a shape")


def path_sparql(g: rdflib.Graph, path: rdflib.term.Node, depth: int = 0) -> str:
    """A SHACL property path as a SPARQL property path."""
    if depth > 20:
        raise Unsupported("property path too deep")
    if isinstance(path, rdflib.URIRef):
        return f"<{path}>"
    if isinstance(path, rdflib.Literal):
        raise Unsupported(f"literal as property path: {path}")
    if (path, RDF.first, None) in g:
        items = [path_sparql(g, p, depth + 1) for p in Collection(g, path)]
        if len(items) < 2:
            raise Unsupported("sequence path with fewer than two members")
        return "(" + "/".join(items) + ")"
    for prop, fmt in ((SH.inversePath, "^({})"), (SH.zeroOrMorePath, "({})*"),
                      (SH.oneOrMorePath, "({})+"), (SH.zeroOrOnePath, "({})?")):
        inner = g.value(path, prop)
        if inner is not None:
            return fmt.format(path_sparql(g, inner, depth + 1))
    alts = g.value(path, SH.alternativePath)
    if alts is not None:
        return "(" + "|".join(path_sparql(g, p, depth + 1) for p in Collection(g, alts)) + ")"
    raise Unsupported(f"unknown property path {path!r}")


def path_text(g: rdflib.Graph, path: rdflib.term.Node | None) -> str | None:
    """A readable, canonical form of a path: the IRI itself for a predicate path."""
    if path is None:
        return None
    if isinstance(path, rdflib.URIRef):
        return str(path)
    try:
        return path_sparql(g, path)
    except Unsupported:
        return None


@contextmanager
def quiet_rdflib() -> Iterator[None]:
    """rdflib logs a traceback for every ill-typed literal; the reports say it better."""
    logger = logging.getLogger("rdflib.term")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


@lru_cache(maxsize=65536)
def rdflib_datatype_ok(lexical: str, datatype: str) -> bool:
    """pySHACL's verdict on a literal whose datatype IRI equals sh:datatype."""
    with quiet_rdflib():
        lit = rdflib.Literal(lexical, datatype=rdflib.URIRef(datatype))
    if lit.ill_typed is True:
        return False
    import datetime as _dt
    from decimal import Decimal

    value = lit.value
    expected = {
        str(XSD.integer): int, str(XSD.float): float, str(XSD.decimal): Decimal, str(XSD.boolean): bool,
        str(XSD.date): _dt.date, str(XSD.time): _dt.time, str(XSD.dateTime): _dt.datetime,
    }.get(datatype)
    return expected is None or isinstance(value, expected)


class _Vars:
    def __init__(self) -> None:
        self._n = itertools.count()

    def __call__(self, stem: str = "v") -> str:
        return f"?_{stem}{next(self._n)}"


class CompiledShapes:
    """The shapes compiled to one SPARQL query per top-level shape."""

    def __init__(self, shapes: rdflib.Graph) -> None:
        self.g = shapes
        self.checks: list[Check] = []
        self.queries: list[str] = []
        self.sparql: list[tuple[str, str, Check, str | None]] = []  # (focus query, select, check, path)
        self._vars = _Vars()
        for shape in self._top_level_shapes():
            self._compile_top(shape)

    # -- shape discovery ------------------------------------------------------------------
    def _top_level_shapes(self) -> list[rdflib.term.Node]:
        g = self.g
        found: set[rdflib.term.Node] = set()
        for p in (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf):
            found.update(g.subjects(p, None))
        for shape_cls in (SH.NodeShape, SH.PropertyShape):
            for s in g.subjects(RDF.type, shape_cls):
                if (s, RDF.type, RDFS.Class) in g:
                    found.add(s)
        if any(g.subjects(SH.target, None)):
            raise Unsupported("SPARQL-based targets (sh:target)")
        return sorted(found, key=lambda n: (isinstance(n, rdflib.BNode), str(n)))

    # -- helpers --------------------------------------------------------------------------
    def _severity(self, shape: rdflib.term.Node) -> str:
        sev = self.g.value(shape, SH.severity)
        return str(sev).rsplit("#", 1)[-1] if sev is not None else "Violation"

    def _message(self, shape: rdflib.term.Node) -> str | None:
        msgs = sorted(str(m) for m in self.g.objects(shape, SH.message))
        return msgs[0] if msgs else None

    def _deactivated(self, shape: rdflib.term.Node) -> bool:
        value = self.g.value(shape, SH.deactivated)
        return value is not None and str(value).lower() in ("true", "1")

    def _list(self, node: rdflib.term.Node) -> list[rdflib.term.Node]:
        if node == RDF.nil:
            return []
        if (node, RDF.first, None) not in self.g:
            raise Unsupported(f"{node!r} is not a list")
        return list(Collection(self.g, node))

    def _focus(self, shape: rdflib.term.Node) -> str:
        g = self.g
        parts = []
        for c in g.objects(shape, SH.targetClass):
            parts.append(f"?this {_TYPE_PATH} {term_sparql(c)} .")
        if (shape, RDF.type, RDFS.Class) in g:
            parts.append(f"?this {_TYPE_PATH} {term_sparql(shape)} .")
        for n in g.objects(shape, SH.targetNode):
            parts.append(f"VALUES ?this {{ {term_sparql(n)} }}")
        for p in g.objects(shape, SH.targetSubjectsOf):
            parts.append(f"?this {term_sparql(p)} [] .")
        for p in g.objects(shape, SH.targetObjectsOf):
            parts.append(f"[] {term_sparql(p)} ?this .")
        if len(parts) == 1:
            return parts[0]
        # Duplicated focus nodes only duplicate rows, which SELECT DISTINCT removes.
        return " UNION ".join(f"{{ {p} }}" for p in parts)

    # -- compilation ----------------------------------------------------------------------
    def _compile_top(self, shape: rdflib.term.Node) -> None:
        if self._deactivated(shape):
            return
        focus = self._focus(shape)
        branches: list[str] = []
        for check, body, value_var, path_var, focus_var in self._violations(shape, "?this", 0, top=True):
            if check.component == SHNS + _COMPONENT["sparql"]:
                continue
            index = len(self.checks)
            self.checks.append(check)
            value = f"BIND({value_var} AS ?value)" if value_var and value_var != "?value" else ""
            rpath = f"BIND({path_var} AS ?rpath)" if path_var else ""
            branches.append(f"{{ {focus} {body} {value} {rpath} BIND({focus_var} AS ?focus) BIND({index} AS ?k) }}")
        if branches:
            body = "\nUNION\n".join(branches)
            self.queries.append("SELECT DISTINCT ?focus ?value ?rpath ?k ?extra WHERE {\n" + body + "\n}")


    def _violations(self, shape: rdflib.term.Node, f: str, depth: int, top: bool = False
                    ) -> list[tuple[Check, str, str | None, str | None, str]]:
        """Every (check, pattern, value var, result-path var, focus var) of ``shape`` with
        focus ``f`` bound."""
        if depth > MAX_DEPTH:
            raise Unsupported("shapes nested too deep (recursive shapes?)")
        g = self.g
        if self._deactivated(shape):
            return []
        for p in g.predicates(shape, None):
            if str(p).startswith(SHNS) and p not in _CONSTRAINTS and p not in _NON_CONSTRAINT:
                raise Unsupported(f"constraint {p} is not implemented")
        if any(True for _ in g.objects(shape, SH.qualifiedValueShape)):
            raise Unsupported("sh:qualifiedValueShape")
        path = g.value(shape, SH.path)
        sev, msg = self._severity(shape), self._message(shape)
        vars_ = self._vars
        if path is not None:
            psp = path_sparql(g, path)
            v = vars_()
            vals = f"{f} {psp} {v} ."
        else:
            psp, v, vals = None, f, ""

        out: list[tuple[Check, str, str | None, str | None, str]] = []

        def add(name: str, body: str, value: str | None = v, value_is_focus: bool = False,
                datatype: str | None = None, path_var: str | None = None) -> None:
            check = Check(shape, SHNS + _COMPONENT[name], path, sev, msg,
                          value_is_focus=value_is_focus, datatype=datatype)
            out.append((check, body, value, path_var, f))

        node_value = path is None  # node shapes: the value node is the focus node
        for c in g.objects(shape, SH["class"]):
            add("class", f"{vals} FILTER NOT EXISTS {{ {v} {_TYPE_PATH} {term_sparql(c)} }}",
                value_is_focus=node_value)
        for d in g.objects(shape, SH.datatype):
            dt = term_sparql(d)
            wrong = f"(!isLiteral({v}) || !sameTerm(datatype({v}), {dt}))"
            if str(d) == str(RDFS.Literal):
                wrong = f"!isLiteral({v})"
                add("datatype", f"{vals} FILTER({wrong})", value_is_focus=node_value)
            elif str(d) in _STRINGS:
                add("datatype", f"{vals} FILTER({wrong})", value_is_focus=node_value)
            else:
                castable = (f"COALESCE(isLiteral({dt}(STR({v}))), false)" if str(d) in _CASTABLE
                            else ("false" if top else "true"))
                odd_year = f"REGEX(STR({v}), \"^-|^0000|^[0-9]{{5}}\")"
                if top:
                    suspicious = f"(!{castable} || {odd_year})"
                    add("datatype", f"{vals} FILTER({wrong} || {suspicious}) "
                                    f"BIND(IF({wrong}, \"wrong\", \"check\") AS ?extra)",
                        value_is_focus=node_value, datatype=str(d))
                else:
                    add("datatype", f"{vals} FILTER({wrong} || !{castable})", value_is_focus=node_value)
        for k in g.objects(shape, SH.nodeKind):
            kind = str(k).rsplit("#", 1)[-1]
            if kind not in _NODE_KIND:
                raise Unsupported(f"unknown node kind {k}")
            add("nodeKind", f"{vals} FILTER({_NODE_KIND[kind].format(v=v)})", value_is_focus=node_value)
        for n in g.objects(shape, SH.minCount):
            count = int(n)
            if count <= 0:
                continue
            if count > MAX_COUNT or path is None:
                raise Unsupported("sh:minCount above 6 or on a node shape")
            add("minCount", f"FILTER NOT EXISTS {{ {self._distinct(f, psp, count)} }}", value=None)
        for n in g.objects(shape, SH.maxCount):
            count = int(n)
            if count + 1 > MAX_COUNT or path is None:
                raise Unsupported("sh:maxCount above 5 or on a node shape")
            add("maxCount", f"FILTER EXISTS {{ {self._distinct(f, psp, count + 1)} }}", value=None)
        for lst in g.objects(shape, SH["in"]):
            members = self._list(lst)
            cond = " || ".join(f"sameTerm({v}, {term_sparql(m)})" for m in members) or "false"
            add("in", f"{vals} FILTER(!({cond}))", value_is_focus=node_value)
        for hv in g.objects(shape, SH.hasValue):
            if path is None:
                add("hasValue", f"FILTER(!sameTerm({f}, {term_sparql(hv)}))", value=None)
            else:
                add("hasValue", f"FILTER NOT EXISTS {{ {f} {psp} {term_sparql(hv)} }}", value=None)
        for pat in g.objects(shape, SH.pattern):
            flags = g.value(shape, SH.flags)
            regex_args = sparql_literal(str(pat)) + (f", {sparql_literal(str(flags))}" if flags is not None else "")
            add("pattern", f"{vals} FILTER(isBlank({v}) || !COALESCE(REGEX(STR({v}), {regex_args}), false))",
                value_is_focus=node_value)
        for name, op in (("minLength", "<"), ("maxLength", ">")):
            for n in g.objects(shape, SH[name]):
                add(name, f"{vals} FILTER(isBlank({v}) || STRLEN(STR({v})) {op} {int(n)})",
                    value_is_focus=node_value)
        for name, op in _COMPARE.items():
            for bound in g.objects(shape, SH[name]):
                add(name, f"{vals} FILTER(!COALESCE({v} {op} {term_sparql(bound)}, false))",
                    value_is_focus=node_value)
        for lst in g.objects(shape, SH.languageIn):
            langs = [str(x) for x in self._list(lst)]
            cond = " || ".join(f"langMatches(lang({v}), {sparql_literal(x)})" for x in langs) or "false"
            add("languageIn", f"{vals} FILTER(!isLiteral({v}) || !({cond}))", value_is_focus=node_value)
        for flag in g.objects(shape, SH.uniqueLang):
            if str(flag).lower() not in ("true", "1") or path is None:
                continue
            w = vars_()
            add("uniqueLang", f"{vals} {f} {psp} {w} . FILTER(!sameTerm({v}, {w}) && lang({v}) != \"\" "
                              f"&& LCASE(lang({v})) = LCASE(lang({w}))) BIND(LCASE(lang({v})) AS ?extra)",
                value=None)
        for other in g.objects(shape, SH.equals):
            o, e = term_sparql(other), vars_("e")
            if path is None:
                add("equals", f"{f} {o} {e} . FILTER(!sameTerm({e}, {f}))", value=e)
                add("equals", f"FILTER NOT EXISTS {{ {f} {o} {f} }}", value=f, value_is_focus=True)
            else:
                add("equals", f"{f} {psp} {e} . FILTER NOT EXISTS {{ {f} {o} {e} }}", value=e)
                add("equals", f"{f} {o} {e} . FILTER NOT EXISTS {{ {f} {psp} {e} }}", value=e)
        for other in g.objects(shape, SH.disjoint):
            o = term_sparql(other)
            if path is None:
                add("disjoint", f"{f} {o} {f} .", value=f, value_is_focus=True)
            else:
                add("disjoint", f"{vals} {f} {o} {v} .")
        for name, op in (("lessThan", "<"), ("lessThanOrEquals", "<=")):
            for other in g.objects(shape, SH[name]):
                if path is None:
                    raise Unsupported(f"sh:{name} on a node shape")
                w = vars_()
                add(name, f"{vals} {f} {term_sparql(other)} {w} . FILTER(!COALESCE({v} {op} {w}, false))")
        for inner in g.objects(shape, SH["not"]):
            add("not", f"{vals} FILTER NOT EXISTS {{ {self._any(inner, v, depth + 1)} }}",
                value_is_focus=node_value)
        for lst in g.objects(shape, SH["and"]):
            members = self._list(lst)
            cond = " || ".join(f"EXISTS {{ {self._any(m, v, depth + 1)} }}" for m in members) or "false"
            add("and", f"{vals} FILTER({cond})", value_is_focus=node_value)
        for lst in g.objects(shape, SH["or"]):
            members = self._list(lst)
            cond = " && ".join(f"EXISTS {{ {self._any(m, v, depth + 1)} }}" for m in members) or "true"
            add("or", f"{vals} FILTER({cond})", value_is_focus=node_value)
        for lst in g.objects(shape, SH.xone):
            members = self._list(lst)
            total = " + ".join(f"IF(EXISTS {{ {self._any(m, v, depth + 1)} }}, 0, 1)" for m in members) or "0"
            add("xone", f"{vals} FILTER(({total}) != 1)", value_is_focus=node_value)
        for inner in g.objects(shape, SH.node):
            add("node", f"{vals} FILTER EXISTS {{ {self._any(inner, v, depth + 1)} }}", value_is_focus=node_value)
        for flag in g.objects(shape, SH.closed):
            if str(flag).lower() not in ("true", "1"):
                continue
            allowed = {p for prop in g.objects(shape, SH.property)
                       if isinstance(p := g.value(prop, SH.path), rdflib.URIRef)}
            for lst in g.objects(shape, SH.ignoredProperties):
                allowed.update(self._list(lst))
            p_var, o_var = vars_("p"), vars_("o")
            cond = " && ".join(f"!sameTerm({p_var}, {term_sparql(a)})" for a in sorted(allowed)) or "true"
            add("closed", f"{vals} {v} {p_var} {o_var} . FILTER({cond})", value=o_var,
                path_var=p_var)
        for prop in g.objects(shape, SH.property):
            for check, body, value, path_var, focus_var in self._violations(prop, v, depth + 1, top=top):
                out.append((check, f"{vals} {body}", value, path_var, focus_var))
        for constraint in g.objects(shape, SH.sparql):
            if not top or depth > 0 and path is not None:
                raise Unsupported("SPARQL-based constraints inside nested shapes")
            self._compile_sparql(shape, constraint, f, vals, v, psp, depth)
            add("sparql", "", value=None)
        return out

    def _distinct(self, f: str, psp: str, n: int) -> str:
        vs = [self._vars() for _ in range(n)]
        triples = " ".join(f"{f} {psp} {x} ." for x in vs)
        filters = " && ".join(f"!sameTerm({a}, {b})" for a, b in itertools.combinations(vs, 2))
        return triples + (f" FILTER({filters})" if filters else "")

    def _any(self, shape: rdflib.term.Node, f: str, depth: int) -> str:
        """A pattern with a solution iff the node bound to ``f`` does not conform to ``shape``."""
        branches = [body for _, body, _, _, _ in self._violations(shape, f, depth)]
        if not branches:
            return "FILTER(false)"
        return " UNION ".join(f"{{ {b} }}" for b in branches)

    def _compile_sparql(self, shape: rdflib.term.Node, constraint: rdflib.term.Node, f: str,
                        vals: str, v: str, psp: str | None, depth: int) -> None:
        g = self.g
        if self._deactivated(constraint):
            return
        select = g.value(constraint, SH.select)
        if select is None:
            raise Unsupported("sh:sparql without sh:select")
        if depth > 0:
            raise Unsupported("SPARQL-based constraints on nested shapes")
        prefixes = []
        for decl_node in g.objects(constraint, SH.prefixes):
            for decl in g.objects(decl_node, SH.declare):
                prefix, ns = g.value(decl, SH.prefix), g.value(decl, SH.namespace)
                if prefix is not None and ns is not None:
                    prefixes.append(f"PREFIX {prefix}: <{ns}>")
        text = str(select)
        for forbidden in ("$shapesGraph", "$currentShape"):
            if forbidden in text:
                raise Unsupported(f"{forbidden} in a SPARQL-based constraint")
        if psp is not None:
            text = text.replace("$PATH", psp)
        text = text.replace("$this", "?this")
        messages = sorted(str(m) for m in g.objects(constraint, SH.message))
        check = Check(shape, SHNS + _COMPONENT["sparql"], g.value(shape, SH.path), self._severity(shape),
                      messages[0] if messages else self._message(shape), value_is_focus=psp is None)
        focus_query = f"SELECT DISTINCT ?this WHERE {{ {self._focus(shape)} }}"
        self.sparql.append((focus_query, "\n".join(prefixes) + "\n" + text, check, psp))

    # -- running --------------------------------------------------------------------------
    def run(self, store: ox.Store) -> list[RawResult]:
        """Validate everything in ``store`` as one data graph (the union of its graphs)."""
        results = self._rows(store, self.queries)
        results.extend(self._sparql(store, None))
        return results

    def _rows(self, store: ox.Store, queries: list[str]) -> list[RawResult]:
        results: list[RawResult] = []
        for query in queries:
            for row in store.query(query, use_default_graph_as_union=True):
                check = self.checks[int(row["k"].value)]
                value = row["value"]
                if check.datatype is not None and row["extra"] is not None and row["extra"].value == "check":
                    if rdflib_datatype_ok(value.value, check.datatype):
                        continue
                if check.value_is_focus and value is None:
                    value = row["focus"]
                rpath = row["rpath"]
                results.append(RawResult(row["focus"], value, rpath if rpath is not None else check.path, check))
        return results

    def _sparql(self, store: ox.Store, graph: ox.NamedNode | None) -> list[RawResult]:
        results: list[RawResult] = []
        scope = {"default_graph": [graph]} if graph is not None else {"use_default_graph_as_union": True}
        for focus_query, select, check, _psp in self.sparql:
            focus = {row["this"] for row in store.query(focus_query, **scope)}
            if not focus:
                continue
            solutions = store.query(select, **scope)
            names = {v.value for v in solutions.variables}
            for row in solutions:
                this = row["this"] if "this" in names else None
                if this is None or this not in focus:
                    continue
                if "failure" in names and row["failure"] is not None and row["failure"].value in ("true", "1"):
                    raise RuntimeError("a SPARQL-based constraint reported a failure")
                value = row["value"] if "value" in names else None
                if value is None and check.value_is_focus:
                    value = this
                path = row["path"] if "path" in names and row["path"] is not None else check.path
                found = check
                if check.message:
                    message = check.message
                    for name in names:
                        if row[name] is not None:
                            message = message.replace(f"{{?{name}}}", row[name].value).replace(
                                f"{{${name}}}", row[name].value)
                    if message != check.message:
                        found = Check(check.shape, check.component, check.path, check.severity, message,
                                      check.value_is_focus)
                results.append(RawResult(this, value, path, found))
        return results


def store_of(quads: Iterable[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store
