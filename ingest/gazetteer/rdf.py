"""The gazetteer's facts as Wikidata-terms quads for the ``{base}graph/wikidata`` graph,
so that WDQS-style queries run offline::

    wd:Q186395 rdfs:label "Takhar"@en ; wdt:P131 wd:Q889 ; wdt:P17 wd:Q889 ;
               wdt:P300 "AF-TAK" ; wdt:P625 "Point(69.7939 36.594073)"^^geo:wktLiteral .

Only facts a source gave are written: P31 only from Wikidata sources (dr5hn's "type"
word goes to ``nkg:adminType``); P131/P17 from the located-in chain built from the
sources.  Places without a QID (Afghan districts) are written under ``{base}place/<key>``
with the same predicates, so ``?d wdt:P131 wd:Q186395`` finds Takhar's districts.
Every subject carries ``nkg:gazetteerKey``.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

from pyoxigraph import Literal, NamedNode, Quad

from .model import KIND_RANK, Entry

WD = "http://www.wikidata.org/entity/"
WDT = "http://www.wikidata.org/prop/direct/"
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
SKOS_ALT = NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
GEO_WKT = NamedNode("http://www.opengis.net/ont/geosparql#wktLiteral")
NKG = "https://w3id.org/newskg/ontology#"
DCT = "http://purl.org/dc/terms/"
DEFAULT_BASE = "https://w3id.org/newskg/id/"

LICENCE_IRIS = {
    "ODbL-1.0": "https://opendatacommons.org/licenses/odbl/1-0/",
    "MIT": "https://spdx.org/licenses/MIT.html",
}


def base_iri(base: str | None = None) -> str:
    return base or os.environ.get("NEWSKG_BASE") or DEFAULT_BASE


def wikidata_graph(base: str | None = None) -> NamedNode:
    return NamedNode(f"{base_iri(base)}graph/wikidata")


def place_iri(key: str, base: str | None = None) -> NamedNode:
    """IRI the pipeline mints for a gazetteer place without a QID."""
    return NamedNode(f"{base_iri(base)}place/{key}")


def _wdt(p: str) -> NamedNode:
    return NamedNode(WDT + p)


def point(lat: float, lon: float) -> Literal:
    return Literal(f"Point({lon!r} {lat!r})", datatype=GEO_WKT)


def iter_quads(entries: dict[str, Entry], header: dict, graph: NamedNode | None = None,
               base: str | None = None, include_unlinked: bool = True) -> Iterator[Quad]:
    g = graph or wikidata_graph(base)
    en = "en"

    def subject(e: Entry) -> NamedNode | None:
        if e.qid:
            return NamedNode(WD + e.qid)
        return place_iri(e.key, base) if include_unlinked else None

    # one primary entry per QID (several dr5hn rows can share one, e.g. a territory listed
    # as a country and as a state): its label is rdfs:label, the others' labels altLabel
    primary: dict[str, Entry] = {}
    for e in sorted(entries.values(), key=lambda e: (KIND_RANK.get(e.kind, 9), e.key)):
        if e.qid and e.qid not in primary:
            primary[e.qid] = e
    for e in sorted(entries.values(), key=lambda e: e.key):
        s = subject(e)
        if s is None:
            continue
        is_primary = not e.qid or primary[e.qid].key == e.key
        yield Quad(s, RDFS_LABEL if is_primary else SKOS_ALT, Literal(e.label, language=en), g)
        for a in e.aliases:
            yield Quad(s, SKOS_ALT, Literal(a, language=en), g)
        yield Quad(s, NamedNode(NKG + "gazetteerKey"), Literal(e.key), g)
        for q in e.p31:
            yield Quad(s, _wdt("P31"), NamedNode(WD + q), g)
        country = entries.get(e.country) if e.country else None
        if e.kind != "country" and country is not None and country.qid:
            yield Quad(s, _wdt("P17"), NamedNode(WD + country.qid), g)
        parent = entries.get(e.parent) if e.parent else None
        if parent is not None:
            ps = subject(parent)
            if ps is not None:
                yield Quad(s, _wdt("P131"), ps, g)
        if e.lat is not None and e.lon is not None:
            yield Quad(s, _wdt("P625"), point(e.lat, e.lon), g)
        if e.iso:
            yield Quad(s, _wdt("P297" if e.kind == "country" else "P300"), Literal(e.iso), g)
        if e.admin_type and e.kind in ("admin1", "admin2"):
            yield Quad(s, NamedNode(NKG + "adminType"), Literal(e.admin_type), g)
    for src in header.get("sources", []):
        repo = src.get("repo", "")
        if "/" in repo and not repo.startswith("http"):
            yield Quad(g, NamedNode(DCT + "source"),
                       NamedNode(f"https://github.com/{repo}/tree/{src.get('commit', '')}"), g)
        lic = LICENCE_IRIS.get(src.get("licence", ""))
        if lic:
            yield Quad(g, NamedNode(DCT + "license"), NamedNode(lic), g)
