"""The SPARQL 1.1 Service Description (``sd:Service``) returned by ``GET /sparql`` without a query."""

from __future__ import annotations

import pyoxigraph

from .formats import GRAPH_FORMATS, RESULTS_FORMATS, Format
from .settings import Settings


def service_description_turtle(endpoint: str, update_endpoint: str, settings: Settings) -> str:
    languages = ["sd:SPARQL11Query"] + (["sd:SPARQL11Update"] if settings.writes_enabled else [])
    features = (["sd:BasicFederatedQuery"] if settings.allow_service else []) + (["sd:UnionDefaultGraph"] if settings.union_default_graph else [])
    result_formats = [f.results_format().iri for f in RESULTS_FORMATS] + [f.rdf_format().iri for f in GRAPH_FORMATS]
    formats = ", ".join(f"<{iri}>" for iri in result_formats)
    lines = [
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix ent: <http://www.w3.org/ns/entailment/> .",
        "@prefix void: <http://rdfs.org/ns/void#> .",
        "",
        "[] a sd:Service ;",
        f"  rdfs:label {_literal('newskg SPARQL endpoint')} ;",
        f"  rdfs:comment {_literal(_comment(settings))} ;",
        f"  sd:endpoint <{endpoint}> ;",
        f"  sd:supportedLanguage {', '.join(languages)} ;",
        f"  sd:feature {', '.join(features)} ;",
        f"  sd:resultFormat {formats} ;",
        "  sd:defaultEntailmentRegime ent:Simple ;",
        "  sd:defaultDataset [ a sd:Dataset ;",
        "    sd:defaultGraph [ a sd:Graph ] ;",
        f"    void:uriSpace {_literal(settings.base)} ] .",
    ]
    if settings.writes_enabled:
        lines += ["", f"[] a sd:Service ; sd:endpoint <{update_endpoint}> ; sd:supportedLanguage sd:SPARQL11Update ."]
    return "\n".join(lines) + "\n"


def _comment(settings: Settings) -> str:
    union = (
        "Without default-graph-uri/named-graph-uri, the default graph is the union of all named graphs."
        if settings.union_default_graph
        else "The default graph is the store's default graph (empty in newskg stores); use GRAPH or default-graph-uri."
    )
    return f"{union} Queries time out after {settings.default_timeout:g} s unless the 'timeout' parameter asks for less (at most {settings.max_query_timeout:g} s)."


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


PREFIXES = {
    "sd": "http://www.w3.org/ns/sparql-service-description#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "void": "http://rdfs.org/ns/void#",
    "ent": "http://www.w3.org/ns/entailment/",
    "formats": "http://www.w3.org/ns/formats/",
}


def render(turtle: str, fmt: Format) -> bytes:
    quads = pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE)
    return pyoxigraph.serialize(quads, format=fmt.rdf_format(), prefixes=PREFIXES if fmt.name in ("TURTLE", "TRIG") else None) or b""
