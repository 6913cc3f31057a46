"""Real SPARQL clients against the live server: SPARQLWrapper and rdflib's SPARQLStore."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, POST, TURTLE, XML, SPARQLWrapper

from server_testlib import BASE

EVENTS = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event ?label WHERE { ?event a sem:Event ; rdfs:label ?label } ORDER BY ?event"""


def test_sparqlwrapper_select_ask_construct(readonly_server):
    endpoint = readonly_server.url + "/sparql"
    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(EVENTS)
    sparql.setReturnFormat(JSON)
    rows = sparql.query().convert()["results"]["bindings"]
    assert [r["event"]["value"] for r in rows][0] == f"{BASE}article/a1/event/e1"
    assert len(rows) == 4

    sparql = SPARQLWrapper(endpoint)
    sparql.setMethod(POST)
    sparql.setQuery("ASK { ?e <http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace> <https://w3id.org/newskg/id/entity/Q90> }")
    sparql.setReturnFormat(XML)
    assert sparql.query().convert().getElementsByTagName("boolean")[0].firstChild.data == "true"

    sparql = SPARQLWrapper(endpoint)
    sparql.setQuery(f"DESCRIBE <{BASE}entity/Q40269>")
    sparql.setReturnFormat(TURTLE)
    graph = Graph().parse(data=sparql.query().convert(), format="turtle")
    assert (URIRef(f"{BASE}entity/Q40269"), None, None) in graph


def test_rdflib_sparqlstore(readonly_server):
    store = SPARQLStore(readonly_server.url + "/sparql")
    graph = Graph(store=store)
    rows = list(graph.query(EVENTS))
    assert len(rows) == 4
    assert str(rows[1].label).startswith("<script>")  # data comes back verbatim; escaping is the page's job
    assert bool(graph.query("ASK { ?s ?p ?o }").askAnswer) is True
    constructed = graph.query("CONSTRUCT { ?e a ?t } WHERE { ?e a ?t } LIMIT 3").graph
    assert len(constructed) == 3
