"""SPARQL 1.1 Protocol at /sparql against a live server: methods, datasets, formats, negotiation, errors."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import quote

import pyoxigraph
import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat

from server_testlib import BASE

EVENTS = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
SELECT ?event WHERE { ?event a sem:Event } ORDER BY ?event"""
EVENT_IRIS = [f"{BASE}article/a1/event/e1", f"{BASE}article/a2/event/e1", f"{BASE}article/a3/event/e1", f"{BASE}article/a3/event/e2"]
CONSTRUCT = "PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> CONSTRUCT { ?e a sem:Event } WHERE { ?e a sem:Event }"


def values(body: bytes, fmt: QueryResultsFormat, var: str = "event") -> list[str]:
    return [solution[var].value for solution in pyoxigraph.parse_query_results(body, fmt)]


@pytest.fixture
def client(readonly_server):
    with readonly_server.client() as c:
        yield c


def test_get_post_form_and_post_direct_agree(client):
    get = client.get("/sparql", params={"query": EVENTS})
    form = client.post("/sparql", data={"query": EVENTS})
    direct = client.post("/sparql", content=EVENTS.encode(), headers={"Content-Type": "application/sparql-query"})
    for response in (get, form, direct):
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].startswith("application/sparql-results+json")
        assert values(response.content, QueryResultsFormat.JSON) == EVENT_IRIS


def test_union_default_graph_is_the_default_and_can_be_turned_off(client):
    assert json.loads(client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).text)["boolean"] is True
    off = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }", "union-default-graph": "false"})
    assert json.loads(off.text)["boolean"] is False  # all data is in named graphs


def test_default_graph_uri_and_named_graph_uri_override(client):
    a1 = f"{BASE}article/a1/graph"
    a3 = f"{BASE}article/a3/graph"
    only_a1 = client.get("/sparql", params={"query": EVENTS, "default-graph-uri": a1})
    assert values(only_a1.content, QueryResultsFormat.JSON) == [EVENT_IRIS[0]]
    both = client.post("/sparql", data={"query": EVENTS, "default-graph-uri": [a1, a3]})
    assert values(both.content, QueryResultsFormat.JSON) == [EVENT_IRIS[0], EVENT_IRIS[2], EVENT_IRIS[3]]
    named = client.post(
        "/sparql?" + "named-graph-uri=" + quote(a3, safe=""),
        content=b"SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert values(named.content, QueryResultsFormat.JSON, "g") == [a3]


@pytest.mark.parametrize(
    "accept, media_type, fmt",
    [
        ("application/sparql-results+json", "application/sparql-results+json", QueryResultsFormat.JSON),
        ("application/sparql-results+xml", "application/sparql-results+xml", QueryResultsFormat.XML),
        ("text/csv", "text/csv", QueryResultsFormat.CSV),
        ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
        ("text/csv;q=0.5, text/tab-separated-values;q=0.9", "text/tab-separated-values", QueryResultsFormat.TSV),
        ("application/sparql-results+json;q=0.1, application/sparql-results+xml", "application/sparql-results+xml", QueryResultsFormat.XML),
        ("text/*, */*;q=0.1", "text/csv", QueryResultsFormat.CSV),
        ("application/json", "application/sparql-results+json", QueryResultsFormat.JSON),
    ],
)
def test_select_formats_by_accept(client, accept, media_type, fmt):
    response = client.get("/sparql", params={"query": EVENTS}, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].split(";")[0] == media_type
    if fmt is QueryResultsFormat.CSV:
        assert [row["event"] for row in csv.DictReader(io.StringIO(response.text))] == EVENT_IRIS
    else:
        assert values(response.content, fmt) == EVENT_IRIS


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_ask_in_every_results_format(client, fmt):
    response = client.get("/sparql", params={"query": "ASK { ?s a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }", "format": fmt})
    assert response.status_code == 200, response.text
    if fmt in ("json", "xml"):
        parsed = pyoxigraph.parse_query_results(response.content, getattr(QueryResultsFormat, fmt.upper()))
        assert bool(parsed) is True
    else:
        assert "true" in response.text.lower()


@pytest.mark.parametrize(
    "accept, fmt",
    [
        ("text/turtle", RdfFormat.TURTLE),
        ("application/n-triples", RdfFormat.N_TRIPLES),
        ("application/rdf+xml", RdfFormat.RDF_XML),
        ("application/ld+json", RdfFormat.JSON_LD),
        ("application/trig", RdfFormat.TRIG),
        ("application/n-quads", RdfFormat.N_QUADS),
        ("application/n-quads;q=0.2, application/trig;q=0.3", RdfFormat.TRIG),
    ],
)
def test_construct_and_describe_formats(client, accept, fmt):
    for query in (CONSTRUCT, f"DESCRIBE <{EVENT_IRIS[0]}>"):
        response = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
        assert response.status_code == 200, response.text
        assert response.headers["content-type"].split(";")[0] == fmt.media_type
        quads = list(pyoxigraph.parse(response.content, format=fmt))
        assert quads, response.text
        subjects = {q.subject.value for q in quads}
        if query is CONSTRUCT:
            assert subjects == set(EVENT_IRIS)
        else:
            assert EVENT_IRIS[0] in subjects


def test_format_parameter_beats_accept(client):
    response = client.get("/sparql", params={"query": EVENTS, "format": "tsv"}, headers={"Accept": "application/sparql-results+xml"})
    assert response.headers["content-type"].startswith("text/tab-separated-values")
    response = client.get("/sparql", params={"query": CONSTRUCT, "format": "application/n-triples"})
    assert response.headers["content-type"].startswith("application/n-triples")


def test_406_when_nothing_acceptable(client):
    response = client.get("/sparql", params={"query": EVENTS}, headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/sparql-results+json" in response.text
    # CONSTRUCT cannot be given as CSV, even though CSV is acceptable for SELECT.
    response = client.get("/sparql", params={"query": CONSTRUCT}, headers={"Accept": "text/csv"})
    assert response.status_code == 406
    # q=0 removes a type that a wildcard would otherwise allow.
    response = client.get("/sparql", params={"query": EVENTS}, headers={"Accept": "application/sparql-results+*;q=0, application/sparql-results+json;q=0, text/*;q=0"})
    assert response.status_code in (200, 406)
    response = client.get("/sparql", params={"query": EVENTS}, headers={"Accept": "*/*;q=0"})
    assert response.status_code == 406


def test_400_with_parser_message(client):
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p }"})
    assert response.status_code == 400
    assert "error at 1:" in response.text  # pyoxigraph's own position and expectation
    assert response.headers["content-type"].startswith("text/plain")


def test_415_for_wrong_content_type(client):
    for content_type in ("text/plain", "application/json", None):
        headers = {"Content-Type": content_type} if content_type else {}
        response = client.post("/sparql", content=b"ASK {}", headers=headers)
        assert response.status_code == 415, (content_type, response.text)
    response = client.post("/sparql", content="ASK {}".encode("utf-16"), headers={"Content-Type": "application/sparql-query; charset=UTF-16"})
    assert response.status_code == 415


def test_unknown_format_and_bad_parameters(client):
    assert client.get("/sparql", params={"query": EVENTS, "format": "yaml"}).status_code == 400
    assert client.get("/sparql", params={"query": EVENTS, "timeout": "soon"}).status_code == 400
    assert client.get("/sparql", params={"query": EVENTS, "default-graph-uri": "not an iri"}).status_code == 400
    assert client.get("/sparql", params=[("query", "ASK {}"), ("query", "ASK {}")]).status_code == 400
    assert client.put("/sparql", params={"query": "ASK {}"}).status_code == 405


def test_relative_iris_resolve_against_the_endpoint(client, readonly_server):
    response = client.post("/sparql", data={"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"}, headers={"Accept": "application/n-triples"})
    assert response.status_code == 200
    assert f"<{readonly_server.url}/s>" in response.text


def test_service_description(client, readonly_server):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    store = pyoxigraph.Store()
    store.load(response.content, format=RdfFormat.TURTLE)
    sd = "http://www.w3.org/ns/sparql-service-description#"
    rows = list(
        store.query(
            f"""PREFIX sd: <{sd}> SELECT ?endpoint WHERE {{
                ?service a sd:Service ; sd:endpoint ?endpoint ; sd:supportedLanguage sd:SPARQL11Query ;
                         sd:feature sd:UnionDefaultGraph ;
                         sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_CSV> }}"""
        )
    )
    assert [r["endpoint"].value for r in rows] == [readonly_server.url + "/sparql"]
    # No update language advertised on a read-only server.
    assert not store.query(f"ASK {{ ?s <{sd}supportedLanguage> <{sd}SPARQL11Update> }}")
    jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert jsonld.headers["content-type"].startswith("application/ld+json")
    json.loads(jsonld.text)
    browser = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}, follow_redirects=False)
    assert browser.status_code == 303 and browser.headers["location"] == "/"


def test_head_request(client):
    response = client.head("/sparql", params={"query": EVENTS})
    assert response.status_code == 200
    assert response.content == b""
