"""Linked Data: /id/ pages and /describe, HTML (escaped, linked) and RDF by content negotiation."""

from __future__ import annotations

import re

import pyoxigraph
import pytest
from pyoxigraph import RdfFormat

from server_testlib import BASE

BROWSER = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


@pytest.fixture
def client(readonly_server):
    with readonly_server.client() as c:
        yield c


def test_event_page_links_to_sources_and_evidence(client):
    response = client.get("/id/article/a1/event/e1", headers=BROWSER)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    html = response.text
    assert "<h1>Flooding in Porto Alegre</h1>" in html
    # IRIs under the base become local links: the source article, its evidence span, the place, the graph.
    for href in ('href="/id/article/a1"', 'href="/id/article/a1#char=0,42"', 'href="/id/entity/Q40269"', 'href="/id/article/a1/graph"'):
        assert href in html, href
    # Other IRIs go to /describe.
    assert 'href="/describe?iri=http%3A%2F%2Fsemanticweb.cs.vu.nl%2F2009%2F11%2Fsem%2FEvent"' in html
    # The claim graph that mentions the event is shown as the graph of the incoming statement.
    assert "Statements pointing to it" not in html or "claim/c1" in html


def test_article_page_describes_its_text_spans(client):
    html = client.get("/id/article/a1", headers=BROWSER).text
    assert 'id="char=0,42"' in html and 'id="char=100,160"' in html
    assert "Floods hit Porto Alegre on the first of May" in html
    assert "&quot;This is the worst flood in our history,&quot; the governor said" in html


def test_html_escapes_every_literal(client):
    html = client.get("/id/article/a2", headers=BROWSER).text
    assert "<img" not in html and "<script" not in html
    assert "Paris summit &lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;" in html
    event = client.get("/id/article/a2/event/e1", headers=BROWSER).text
    assert "&lt;script&gt;window.__xss=2&lt;/script&gt;Climate summit talks" in event
    assert "default-src 'self'" in client.get("/id/article/a2", headers=BROWSER).headers["content-security-policy"]


@pytest.mark.parametrize("accept, fmt", [("text/turtle", RdfFormat.TURTLE), ("application/ld+json", RdfFormat.JSON_LD), ("application/trig", RdfFormat.TRIG), ("application/n-quads", RdfFormat.N_QUADS)])
def test_rdf_by_content_negotiation(client, accept, fmt):
    response = client.get("/id/article/a1/event/e1", headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == fmt.media_type
    quads = list(pyoxigraph.parse(response.content, format=fmt))
    event = f"{BASE}article/a1/event/e1"
    assert any(q.subject.value == event and q.predicate.value.endswith("hasBeginTimeStamp") for q in quads)
    if fmt in (RdfFormat.TRIG, RdfFormat.N_QUADS):
        graphs = {q.graph_name.value for q in quads}
        assert f"{BASE}article/a1/graph" in graphs and f"{BASE}article/a1/claim/c1" in graphs


def test_format_parameter_and_links_to_other_formats(client):
    response = client.get("/id/entity/Q40269", params={"format": "nt"})
    assert response.headers["content-type"].startswith("application/n-triples")
    html = client.get("/id/entity/Q40269", headers=BROWSER).text
    assert 'href="/id/entity/Q40269?format=turtle"' in html


def test_unknown_iri_is_404_and_describe_for_outside_iris(client):
    assert client.get("/id/article/nope", headers=BROWSER).status_code == 404
    outside = client.get("/describe", params={"iri": "http://semanticweb.cs.vu.nl/2009/11/sem/Event"}, headers=BROWSER)
    assert outside.status_code == 200
    assert len(re.findall(r'href="/id/article/a\d/event/e\d"', outside.text)) == 4
    inside = client.get("/describe", params={"iri": f"{BASE}article/a1"}, follow_redirects=False)
    assert inside.status_code == 303 and inside.headers["location"] == "/id/article/a1"


def test_graph_iri_page_lists_graph_contents(client):
    html = client.get("/id/article/a1/claim/c1", headers=BROWSER).text
    assert "Contents of this graph" in html and "worst in history" in html
