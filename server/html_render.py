"""Server-side HTML for Linked Data pages.  Every piece of data goes through ``html.escape``."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Triple

from .describe import Description, Section

PREFIXES = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "nkg": "https://w3id.org/newskg/ontology#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "dcterms": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "oa": "http://www.w3.org/ns/oa#",
    "wd": "http://www.wikidata.org/entity/",
}


class Linker:
    """Maps IRIs to links on this server: under the base -> ``/id/...``, others -> ``/describe?iri=``."""

    def __init__(self, base: str) -> None:
        self.base = base

    def href(self, iri: str) -> str:
        if iri.startswith(self.base) and len(iri) > len(self.base):
            return "/id/" + iri[len(self.base):]
        return "/describe?iri=" + quote(iri, safe="")

    def compact(self, iri: str) -> str:
        if iri.startswith(self.base):
            return "id:" + iri[len(self.base):]
        for prefix, namespace in PREFIXES.items():
            if iri.startswith(namespace) and len(iri) > len(namespace):
                return f"{prefix}:{iri[len(namespace):]}"
        return iri


def term_html(term: object, linker: Linker, labels: dict[str, str]) -> str:
    if isinstance(term, NamedNode):
        label = labels.get(term.value)
        shown = escape(linker.compact(term.value))
        text = f'{escape(label)} <span class="iri">{shown}</span>' if label else shown
        external = ""
        if not term.value.startswith(linker.base) and term.value.startswith(("http://", "https://")):
            external = f' <a class="ext" href="{escape(term.value)}" rel="noopener noreferrer" title="open the original IRI">&#8599;</a>'
        return f'<a href="{escape(linker.href(term.value))}">{text}</a>{external}'
    if isinstance(term, BlankNode):
        return f'<span class="bnode">_:{escape(term.value)}</span>'
    if isinstance(term, Literal):
        suffix = ""
        if term.language:
            suffix = f'<span class="lang">@{escape(term.language)}</span>'
        elif term.datatype.value != PREFIXES["xsd"] + "string":
            suffix = f'<span class="dt">^^{escape(linker.compact(term.datatype.value))}</span>'
        return f'<span class="literal">{escape(term.value)}</span>{suffix}'
    if isinstance(term, Triple):
        return "&lt;&lt; " + " ".join(term_html(t, linker, labels) for t in (term.subject, term.predicate, term.object)) + " &gt;&gt;"
    if isinstance(term, DefaultGraph):
        return '<span class="bnode">default graph</span>'
    return escape(str(term))


def _table(title: str, section: Section, columns: tuple[str, ...], linker: Linker, labels: dict[str, str]) -> str:
    if not section.quads:
        return ""
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    rows = []
    for quad in section.quads:
        cells = {"subject": quad.subject, "predicate": quad.predicate, "object": quad.object, "graph": quad.graph_name}
        rows.append("<tr>" + "".join(f"<td>{term_html(cells[c], linker, labels)}</td>" for c in columns) + "</tr>")
    more = '<p class="note">Only the first rows are shown; query <a href="/">the SPARQL endpoint</a> for all of them.</p>' if section.truncated else ""
    return f"<h2>{escape(title)}</h2><table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>{more}"


def _sections(description: Description, linker: Linker, labels: dict[str, str]) -> str:
    return (
        _table("Statements about it", description.as_subject, ("predicate", "object", "graph"), linker, labels)
        + _table("Statements pointing to it", description.as_object, ("subject", "predicate", "graph"), linker, labels)
        + _table("Contents of this graph", description.in_graph, ("subject", "predicate", "object"), linker, labels)
    )


def page(description: Description, linker: Linker, formats: list[tuple[str, str]]) -> str:
    labels = description.labels
    iri = description.iri
    title = labels.get(iri) or linker.compact(iri)
    body = _sections(description, linker, labels)
    for fragment_iri, fragment in description.fragments.items():
        anchor = fragment_iri.split("#", 1)[1]
        label = labels.get(fragment_iri) or fragment.labels.get(fragment_iri) or "#" + anchor
        merged = {**fragment.labels, **labels}
        body += (
            f'<section class="fragment" id="{escape(anchor)}"><h2>Text span {escape(label)}</h2>'
            f'<p class="iri">{escape(fragment_iri)}</p>{_sections(fragment, linker, merged).replace("<h2>", "<h3>").replace("</h2>", "</h3>")}</section>'
        )
    if description.empty:
        body = "<p>The store has no statement about this IRI.</p>"
    links = " · ".join(f'<a href="{escape(href)}">{escape(name)}</a>' for name, href in formats)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} — newskg</title><link rel="stylesheet" href="/static/app.css"></head>
<body class="ld"><header><a class="home" href="/">newskg</a> <span class="sub">Linked Data</span></header>
<main><h1>{escape(title)}</h1><p class="iri">{escape(iri)}</p><p class="formats">Also as: {links}</p>{body}</main></body></html>
"""
