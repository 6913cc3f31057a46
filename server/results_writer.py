"""SELECT result serializers for the row-limited path.

Without a row cap the workers let pyoxigraph serialize results itself (``QuerySolutions.serialize``);
pyoxigraph cannot stop after *n* rows, so with ``max_rows`` set the worker iterates the solutions and
writes them with these functions, in the same four formats.
"""

from __future__ import annotations

import json
from typing import BinaryIO, Callable, Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

from pyoxigraph import BlankNode, Literal, NamedNode, QuerySolution, Triple

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
RDF_DIR_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#dirLangString"


def _json_term(term: object) -> dict:
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        out: dict = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, Triple):
        return {
            "type": "triple",
            "value": {
                "subject": _json_term(term.subject),
                "predicate": _json_term(term.predicate),
                "object": _json_term(term.object),
            },
        }
    raise TypeError(f"unexpected term {term!r}")


def _xml_term(term: object) -> str:
    if isinstance(term, NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, Triple):
        return (
            f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}</predicate>"
            f"<object>{_xml_term(term.object)}</object></triple>"
        )
    raise TypeError(f"unexpected term {term!r}")


def _csv_value(term: object | None) -> str:
    if term is None:
        return ""
    if isinstance(term, BlankNode):
        value = f"_:{term.value}"
    elif isinstance(term, (NamedNode, Literal)):
        value = term.value
    else:
        value = str(term)
    if any(c in value for c in '",\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def _tsv_value(term: object | None) -> str:
    if term is None:
        return ""
    return str(term).replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _rows(solutions: Iterable[QuerySolution], variables: Sequence[str]) -> Iterable[list]:
    for solution in solutions:
        yield [solution[name] for name in variables]


def write_json(out: BinaryIO, variables: Sequence[str], solutions: Iterable[QuerySolution]) -> None:
    out.write(b'{"head":{"vars":' + json.dumps(list(variables)).encode() + b'},"results":{"bindings":[')
    first = True
    for row in _rows(solutions, variables):
        binding = {name: _json_term(term) for name, term in zip(variables, row) if term is not None}
        out.write((b"" if first else b",") + json.dumps(binding, ensure_ascii=False).encode())
        first = False
    out.write(b"]}}")


def write_xml(out: BinaryIO, variables: Sequence[str], solutions: Iterable[QuerySolution]) -> None:
    head = "".join(f"<variable name={quoteattr(v)}/>" for v in variables)
    out.write(f'<?xml version="1.0"?><sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>{head}</head><results>'.encode())
    for row in _rows(solutions, variables):
        bindings = "".join(
            f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>" for name, term in zip(variables, row) if term is not None
        )
        out.write(f"<result>{bindings}</result>".encode())
    out.write(b"</results></sparql>")


def write_csv(out: BinaryIO, variables: Sequence[str], solutions: Iterable[QuerySolution]) -> None:
    out.write((",".join(_csv_value(Literal(v)) for v in variables) + "\r\n").encode())
    for row in _rows(solutions, variables):
        out.write((",".join(_csv_value(term) for term in row) + "\r\n").encode())


def write_tsv(out: BinaryIO, variables: Sequence[str], solutions: Iterable[QuerySolution]) -> None:
    out.write(("\t".join(f"?{v}" for v in variables) + "\n").encode())
    for row in _rows(solutions, variables):
        out.write(("\t".join(_tsv_value(term) for term in row) + "\n").encode())


WRITERS: dict[str, Callable[[BinaryIO, Sequence[str], Iterable[QuerySolution]], None]] = {
    "JSON": write_json,
    "XML": write_xml,
    "CSV": write_csv,
    "TSV": write_tsv,
}
