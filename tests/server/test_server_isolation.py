"""Execution: slow queries never block cheap ones; deadlines kill the worker; results stream."""

from __future__ import annotations

import json
import socket
import threading
import time

import httpx
import pyoxigraph

from server_testlib import BASE, children_of, rss_kib

# 53 quads -> 53^4 ≈ 7.9 million combinations, counted before a single row can be sent.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
CHEAP = "ASK { ?s a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> }"


def wait_until(predicate, limit: float = 30.0) -> bool:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def busy_workers(server) -> int:
    return httpx.get(server.url + "/health", timeout=10).json()["workers"]["busy"]


def test_cheap_query_completes_while_slow_query_runs(start_server):
    server = start_server(env={"NEWSKG_QUERY_TIMEOUT": "120"})
    slow_result: dict = {}

    def run_slow() -> None:
        response = httpx.get(server.url + "/sparql", params={"query": SLOW, "timeout": "6"}, timeout=60)
        slow_result["status"] = response.status_code
        slow_result["text"] = response.text

    slow = threading.Thread(target=run_slow)
    slow.start()
    assert wait_until(lambda: busy_workers(server) >= 1), "the slow query never started"
    for _ in range(3):
        response = httpx.get(server.url + "/sparql", params={"query": CHEAP}, timeout=60)
        assert response.status_code == 200
        assert json.loads(response.text)["boolean"] is True
    # Ordering, not timing: all cheap answers arrived while the slow query was still running.
    assert slow.is_alive()
    slow.join(60)
    assert slow_result["status"] == 503
    assert "timed out after 6 s" in slow_result["text"]


def test_timeout_kills_the_worker_process(start_server):
    server = start_server()
    before = children_of(server.pid)
    response = httpx.get(server.url + "/sparql", params={"query": SLOW, "timeout": "1.5"}, timeout=60)
    assert response.status_code == 503
    assert "timed out" in response.text
    assert server.metric("newskg_sparql_query_timeouts_total") == 1
    assert server.metric("newskg_query_workers_killed_total") == 1
    # The worker that ran it is gone (really cancelled, not left computing in the background).
    assert wait_until(lambda: len(before - children_of(server.pid)) == 1, 10)
    # The server goes on answering, with a fresh worker.
    assert httpx.get(server.url + "/sparql", params={"query": CHEAP}, timeout=30).status_code == 200


def test_timeout_parameter_is_capped_by_the_server(start_server):
    server = start_server(env={"NEWSKG_QUERY_TIMEOUT": "60", "NEWSKG_MAX_QUERY_TIMEOUT": "1"})
    response = httpx.get(server.url + "/sparql", params={"query": SLOW, "timeout": "1000"}, timeout=60)
    assert response.status_code == 503
    assert "timed out after 1 s" in response.text


def test_client_disconnect_stops_the_query(start_server):
    server = start_server()
    request = ("GET /sparql?query=" + httpx.QueryParams({"q": SLOW})["q"].replace(" ", "%20") + " HTTP/1.1\r\nHost: x\r\n\r\n").encode()
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(request)
        assert wait_until(lambda: busy_workers(server) == 1)
    # Connection closed: the worker is killed long before the 30 s default deadline.
    assert wait_until(lambda: server.metric("newskg_query_workers_killed_total") == 1, 20)
    assert busy_workers(server) == 0
    assert server.metric("newskg_sparql_query_timeouts_total") == 0


def test_large_result_streams_in_constant_memory(start_server, tmp_path):
    # 200 triples -> 200^2 = 40,000 rows per pattern pair; x 3 patterns = 8 million rows would be too many,
    # so: 1000 subjects x 1000 = 1,000,000 rows of two IRIs each.
    lines = "".join(f"<http://example.org/s{i}> <http://example.org/p> <http://example.org/o{i}> <http://example.org/g> .\n" for i in range(1000))
    from server_testlib import make_store

    store = make_store(tmp_path / "big", trig=None, extra_nt=lines)
    server = start_server(store=store)
    query = "SELECT ?a ?b WHERE { ?a <http://example.org/p> ?x . ?b <http://example.org/p> ?y }"
    baseline = rss_kib(server.pid)
    peak = baseline
    received = 0
    rows = 0
    with httpx.stream("GET", server.url + "/sparql", params={"query": query, "format": "tsv"}, timeout=120) as response:
        assert response.status_code == 200
        assert response.headers.get("transfer-encoding") == "chunked"
        for chunk in response.iter_bytes():
            received += len(chunk)
            rows += chunk.count(b"\n")
            if rows % 50 == 0:
                peak = max(peak, rss_kib(server.pid))
    assert rows == 1_000_001  # header + one million rows
    assert received > 50_000_000
    # The server process never held the result: its memory grew by far less than the 50 MB sent.
    assert (peak - baseline) < 40_000, (baseline, peak)


def test_row_limit(start_server):
    server = start_server(env={"NEWSKG_MAX_ROWS": "2"})
    query = "SELECT ?s WHERE { ?s a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> } ORDER BY ?s"
    for fmt, parse in (("json", "JSON"), ("xml", "XML"), ("csv", "CSV"), ("tsv", "TSV")):
        response = httpx.get(server.url + "/sparql", params={"query": query, "format": fmt}, timeout=30)
        assert response.status_code == 200
        assert response.headers["x-row-limit"] == "2"
        if fmt == "csv":  # lossy format: pyoxigraph refuses to parse it
            assert response.text.splitlines()[1:] == [f"{BASE}article/a1/event/e1", f"{BASE}article/a2/event/e1"]
            continue
        solutions = list(pyoxigraph.parse_query_results(response.content, getattr(pyoxigraph.QueryResultsFormat, parse)))
        assert [s["s"].value for s in solutions] == [f"{BASE}article/a1/event/e1", f"{BASE}article/a2/event/e1"], (fmt, response.text)
    construct = httpx.get(server.url + "/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }", "format": "nt"}, timeout=30)
    assert len(construct.text.strip().splitlines()) == 2
