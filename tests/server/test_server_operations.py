"""Operator settings and whole-store operations: SERVICE off, the whole dataset from /store,
the write timeout, and slow queries giving way to cheap ones (worker priority)."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx
import pyoxigraph

from server_testlib import FIXTURE, TOKEN, children_of
from test_server_isolation import SLOW, busy_workers, wait_until

AUTH = {"Authorization": f"Bearer {TOKEN}"}
FEDERATED = "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } } LIMIT 1"


def test_service_can_be_turned_off(start_server):
    for server in (start_server(args=["--no-service"]), start_server(env={"NEWSKG_ALLOW_SERVICE": "false", "NEWSKG_WRITE_TOKEN": TOKEN})):
        with server.client() as client:
            for query in (FEDERATED, "select * { service silent <http://example.org/sparql> { ?s ?p ?o } }"):
                response = client.get("/sparql", params={"query": query})
                assert response.status_code == 400, response.text
                assert "does not allow SERVICE" in response.text
                assert response.headers["content-type"].startswith("text/plain")
            # Not federation: a variable and a prefixed name that merely contain the word.
            ok = client.get("/sparql", params={"query": "PREFIX service: <http://example.org/> SELECT ?service WHERE { ?service service:p ?o }"})
            assert ok.status_code == 200, ok.text
            sd = client.get("/sparql", headers={"Accept": "application/n-triples"}).text
            assert "BasicFederatedQuery" not in sd
        if "NEWSKG_WRITE_TOKEN" in server.env:
            update = "INSERT { GRAPH <http://example.org/g> { ?s ?p ?o } } WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"
            response = httpx.post(server.url + "/update", data={"update": update}, headers=AUTH, timeout=30)
            assert response.status_code == 400
            assert "does not allow SERVICE" in response.text


def test_service_is_allowed_by_default(readonly_server):
    sd = httpx.get(readonly_server.url + "/sparql", headers={"Accept": "application/n-triples"}, timeout=30).text
    assert "BasicFederatedQuery" in sd
    # The query reaches pyoxigraph (which fails to connect), instead of being refused up front.
    response = httpx.get(readonly_server.url + "/sparql", params={"query": "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"}, timeout=30)
    assert response.status_code == 500
    assert "does not allow SERVICE" not in response.text


def _fixture_quads() -> set[pyoxigraph.Quad]:
    return set(pyoxigraph.parse(path=str(FIXTURE), format=pyoxigraph.RdfFormat.TRIG))


def test_whole_dataset_from_store(readonly_server):
    expected = _fixture_quads()
    with readonly_server.client() as client:
        for accept, fmt, media in (
            ("application/n-quads", pyoxigraph.RdfFormat.N_QUADS, "application/n-quads"),
            ("application/trig", pyoxigraph.RdfFormat.TRIG, "application/trig"),
            ("*/*", pyoxigraph.RdfFormat.TRIG, "application/trig"),
        ):
            response = client.get("/store", headers={"Accept": accept})
            assert response.status_code == 200, response.text
            assert response.headers["content-type"].startswith(media)
            assert set(pyoxigraph.parse(response.content, format=fmt)) == expected
        by_param = client.get("/store", params={"format": "nq"})
        assert set(pyoxigraph.parse(by_param.content, format=pyoxigraph.RdfFormat.N_QUADS)) == expected
        refused = client.get("/store", headers={"Accept": "text/turtle"})
        assert refused.status_code == 406
        assert "?graph=IRI" in refused.text


def test_whole_dataset_streams(start_server, tmp_path):
    from server_testlib import make_store

    lines = "".join(f"<http://example.org/s{i}> <http://example.org/p> \"{'x' * 200}\" <http://example.org/g{i % 7}> .\n" for i in range(20000))
    server = start_server(store=make_store(tmp_path / "big", trig=None, extra_nt=lines))
    with httpx.stream("GET", server.url + "/store", headers={"Accept": "application/n-quads"}, timeout=60) as response:
        assert response.status_code == 200
        assert response.headers.get("transfer-encoding") == "chunked"
        body = b"".join(response.iter_bytes())
    assert len(body.splitlines()) == 20000


def test_small_results_carry_content_length(readonly_server):
    response = httpx.get(readonly_server.url + "/sparql", params={"query": "ASK {}"}, timeout=30)
    assert response.status_code == 200
    assert int(response.headers["content-length"]) == len(response.content)
    assert json.loads(response.text)["boolean"] is True


def test_update_timeout_answers_503_and_the_update_still_completes(start_server):
    server = start_server(env={"NEWSKG_WRITE_TOKEN": TOKEN, "NEWSKG_UPDATE_TIMEOUT": "0.2"})
    # Millions of combinations counted before the insert: far longer than 0.2 s.
    update = (
        "INSERT { GRAPH <http://example.org/slow> { <http://example.org/s> <http://example.org/n> ?n } } WHERE { "
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g1 { ?a ?b ?c } GRAPH ?g2 { ?d ?e ?f } GRAPH ?g3 { ?h ?i ?j } GRAPH ?g4 { ?k ?l ?m } } }"
    )
    response = httpx.post(server.url + "/update", data={"update": update}, headers=AUTH, timeout=60)
    assert response.status_code == 503, response.text
    assert "still running" in response.text and "cannot be stopped" in response.text
    ask = "ASK { GRAPH <http://example.org/slow> { ?s ?p ?o } }"
    assert wait_until(lambda: json.loads(httpx.get(server.url + "/sparql", params={"query": ask}, timeout=30).text)["boolean"], 120)
    assert server.metric("newskg_sparql_updates_total", outcome="timeout") == 1


def _nice(pid: int) -> int:
    return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16])


def test_slow_query_gets_low_priority_and_cheap_ones_do_not(start_server):
    server = start_server()
    result: dict = {}

    def run_slow() -> None:
        result["status"] = httpx.get(server.url + "/sparql", params={"query": SLOW, "timeout": "5"}, timeout=60).status_code

    slow = threading.Thread(target=run_slow)
    slow.start()
    assert wait_until(lambda: busy_workers(server) == 1)
    assert wait_until(lambda: any(_nice(pid) == 19 for pid in children_of(server.pid)), 20), "the slow query's worker kept its priority"
    assert httpx.get(server.url + "/sparql", params={"query": "ASK {}"}, timeout=30).status_code == 200
    assert slow.is_alive()
    slow.join(60)
    assert result["status"] == 503
    # The slow worker was killed at the deadline; the others run at normal priority.
    assert wait_until(lambda: all(_nice(pid) == 0 for pid in children_of(server.pid)), 20)
