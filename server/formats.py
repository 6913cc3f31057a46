"""Media types the server speaks, and the ``format`` parameter's short names."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import QueryResultsFormat, RdfFormat


@dataclass(frozen=True)
class Format:
    media_type: str  # what we send in Content-Type
    name: str  # pyoxigraph enum member name
    extension: str
    aliases: tuple[str, ...] = ()  # other media types clients send for it
    short: tuple[str, ...] = ()  # values of the ``format`` parameter

    @property
    def content_type(self) -> str:
        text = self.media_type.startswith("text/") or self.media_type.endswith(("+json", "+xml", "/json", "/trig", "/n-triples", "/n-quads"))
        return f"{self.media_type}; charset=utf-8" if text else self.media_type

    def results_format(self) -> QueryResultsFormat:
        return getattr(QueryResultsFormat, self.name)

    def rdf_format(self) -> RdfFormat:
        return getattr(RdfFormat, self.name)


# Order is the server's preference when the client has none.
RESULTS_FORMATS: tuple[Format, ...] = (
    Format("application/sparql-results+json", "JSON", "srj", ("application/json",), ("json", "srj")),
    Format("application/sparql-results+xml", "XML", "srx", ("application/xml", "text/xml"), ("xml", "srx")),
    Format("text/csv", "CSV", "csv", (), ("csv",)),
    Format("text/tab-separated-values", "TSV", "tsv", (), ("tsv",)),
)

GRAPH_FORMATS: tuple[Format, ...] = (
    Format("text/turtle", "TURTLE", "ttl", ("application/x-turtle",), ("turtle", "ttl")),
    Format("application/n-triples", "N_TRIPLES", "nt", ("text/plain",), ("ntriples", "n-triples", "nt")),
    Format("application/rdf+xml", "RDF_XML", "rdf", ("application/xml", "text/xml"), ("rdfxml", "rdf/xml", "rdf", "xml")),
    Format("application/ld+json", "JSON_LD", "jsonld", ("application/json",), ("jsonld", "json-ld", "json")),
    Format("application/trig", "TRIG", "trig", ("application/x-trig",), ("trig",)),
    Format("application/n-quads", "N_QUADS", "nq", ("text/x-nquads",), ("nquads", "n-quads", "nq")),
)

HTML = Format("text/html", "HTML", "html", ("application/xhtml+xml",), ("html",))

RESULTS_BY_MEDIA_TYPE = {f.media_type: f for f in RESULTS_FORMATS}
GRAPH_BY_MEDIA_TYPE = {f.media_type: f for f in GRAPH_FORMATS}


def by_media_type(media_type: str) -> Format | None:
    return RESULTS_BY_MEDIA_TYPE.get(media_type) or GRAPH_BY_MEDIA_TYPE.get(media_type)


def from_parameter(value: str, candidates: tuple[Format, ...]) -> Format | None:
    """Resolve a ``format=`` value (short name or media type) among ``candidates``."""
    value = value.strip().lower()
    media = value.split(";", 1)[0].strip()
    for fmt in candidates:
        if value in fmt.short or media == fmt.media_type or media in fmt.aliases:
            return fmt
    return None
