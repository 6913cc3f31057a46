"""to_quads: WDQS-style queries offline on the gazetteer's Wikidata-terms graph."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from ingest.gazetteer.rdf import place_iri, wikidata_graph

PREFIX = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
PREFIX nkg: <https://w3id.org/newskg/ontology#>
"""


@pytest.fixture(scope="module")
def store(gaz):
    s = ox.Store()
    s.bulk_extend(gaz.to_quads())
    return s


def rows(store, q):
    return [[str(v) if v is not None else None for v in r] for r in store.query(PREFIX + q)]


def test_graph_name(monkeypatch):
    monkeypatch.delenv("NEWSKG_BASE", raising=False)
    assert wikidata_graph().value == "https://w3id.org/newskg/id/graph/wikidata"
    monkeypatch.setenv("NEWSKG_BASE", "http://example.org/kg/")
    assert wikidata_graph().value == "http://example.org/kg/graph/wikidata"
    assert place_iri("af-district/takhar/darqad").value == "http://example.org/kg/place/af-district/takhar/darqad"


def test_takhar_facts(store):
    g = "<https://w3id.org/newskg/id/graph/wikidata>"
    assert store.query(PREFIX + f"ASK {{ GRAPH {g} {{ wd:Q186395 wdt:P131 wd:Q889 ; wdt:P17 wd:Q889 ; "
                       'rdfs:label "Takhar"@en ; wdt:P300 "AF-TAK" ; nkg:adminType "province" } }')
    (pt,) = rows(store, "SELECT ?p WHERE { GRAPH ?g { wd:Q186395 wdt:P625 ?p } }")
    assert pt[0] == '"Point(69.7939 36.594073)"^^<http://www.opengis.net/ont/geosparql#wktLiteral>'
    assert rows(store, "SELECT ?c WHERE { GRAPH ?g { wd:Q889 wdt:P297 ?c } }") == [['"AF"']]


def test_no_unsourced_p31(store, gaz):
    # the shipped build has no Wikidata source, so no wdt:P31 at all
    assert rows(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s wdt:P31 ?o } }")[0][0].startswith('"0"')


def test_districts_of_takhar(store):
    res = rows(store, """SELECT ?l WHERE { GRAPH ?g { ?d wdt:P131 wd:Q186395 ; rdfs:label ?l ;
                           nkg:gazetteerKey ?k FILTER(STRSTARTS(?k, "af-district/")) } } ORDER BY ?l""")
    labels = [r[0] for r in res]
    assert '"Darqad"@en' in labels and '"Dashti Qala"@en' in labels and len(labels) == 17


def test_transitive_located_in(store):
    # WDQS idiom: everything located (transitively) in Afghanistan, incl. districts and cities
    n = rows(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { GRAPH ?g { ?x wdt:P131+ wd:Q889 } }")[0][0]
    # 34 provinces + 438 districts + 100 cities - 2: dr5hn gives two pairs of Afghan towns
    # one QID each (Q5194960, Q21765090; warned by the build), so they are one subject each
    assert int(re.match(r'"(\d+)"', n).group(1)) == 34 + 438 + 100 - 2


def test_one_label_per_qid(store):
    # QIDs shared by several dr5hn rows still get a single rdfs:label
    res = rows(store, """SELECT ?s (COUNT(?l) AS ?n) WHERE { GRAPH ?g { ?s rdfs:label ?l } }
                          GROUP BY ?s HAVING (COUNT(?l) > 1)""")
    assert res == []


def test_dataset_provenance(store):
    res = rows(store, "SELECT ?s WHERE { GRAPH ?g { ?g <http://purl.org/dc/terms/source> ?s } } ORDER BY ?s")
    assert [r[0] for r in res] == [
        "<https://github.com/abubaker47/afghanistan-provinces-districts-villages/tree/3d75bcbb9f093d9a3cf1077ab045b3f7336c0bf3>",
        "<https://github.com/dr5hn/countries-states-cities-database/tree/7fda0afd3e75391d9480c22ed3a2b91f50e08eb6>",
    ]


def test_keys_are_iri_and_link_safe(gaz):
    pat = re.compile(r"^[a-z0-9][a-z0-9_\-/]*$")  # ingest.model.Link.key
    assert all(pat.match(k) for k in gaz.entries)
