"""Hostile or broken input: each gets a clear 4xx/5xx, the server keeps serving, nothing is written."""

from __future__ import annotations

import http.client
import json
import socket

import httpx
import pytest

from server_testlib import TOKEN

CHEAP = "ASK { ?s ?p ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def still_serving(server) -> int:
    response = httpx.get(server.url + "/sparql", params={"query": COUNT}, timeout=30)
    assert response.status_code == 200
    return int(json.loads(response.text)["results"]["bindings"][0]["n"]["value"])


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends


def raw_get(server, path: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    connection.putrequest("GET", path, skip_accept_encoding=True)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, response.read().decode(errors="replace")


@pytest.fixture(scope="module")
def server(writable_server):
    return writable_server  # a token is set, so "nothing written" is meaningful


def test_bad_inputs_each_get_a_clear_error(server):
    before = still_serving(server)
    port = closed_port()
    cases = [
        ("malformed", dict(method="GET", url="/sparql", params={"query": "SELEKT * {}"}), 400, "Malformed query"),
        ("10 MB query", dict(method="POST", url="/sparql", content=b"ASK {} #" + b"x" * 10_000_000, headers={"Content-Type": "application/sparql-query"}), 413, "exceeds the limit"),
        ("10 MB form", dict(method="POST", url="/sparql", content=b"query=" + b"x" * 10_000_000, headers={"Content-Type": "application/x-www-form-urlencoded"}), 413, "exceeds the limit"),
        ("unknown format", dict(method="GET", url="/sparql", params={"query": CHEAP, "format": "xlsx"}), 400, "Unknown format"),
        ("deeply nested", dict(method="GET", url="/sparql", params={"query": "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000}), 400, "nested 5000 levels"),
        ("invalid UTF-8 body", dict(method="POST", url="/sparql", content=b"ASK { ?s ?p \"\xff\xfe\" }", headers={"Content-Type": "application/sparql-query"}), 400, "not valid UTF-8"),
        ("invalid UTF-8 form", dict(method="POST", url="/sparql", content=b"query=ASK%20%7B%7D%FF", headers={"Content-Type": "application/x-www-form-urlencoded"}), 400, "not valid UTF-8"),
        ("invalid UTF-8 URL", dict(method="GET", url="/sparql?query=ASK%20%7B%7D%C3%28"), 400, "not valid UTF-8"),
        (
            "SERVICE to a closed port",
            dict(method="GET", url="/sparql", params={"query": f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}", "timeout": "10"}),
            500,
            "Query evaluation failed",
        ),
        ("malformed update", dict(method="POST", url="/update", data={"update": "DROP EVERYTHING"}, headers={"Authorization": f"Bearer {TOKEN}"}), 400, "Malformed update"),
        ("update by GET", dict(method="GET", url="/update", params={"update": "CLEAR ALL"}), 405, "POST"),
    ]
    with server.client() as client:
        for name, request, status, message in cases:
            response = client.request(**request)
            assert response.status_code == status, (name, response.status_code, response.text[:300])
            assert message in response.text, (name, response.text[:300])
            assert response.headers["content-type"].startswith("text/plain")
    assert still_serving(server) == before


def test_worker_crash_is_contained(start_server):
    # Let the nesting guard through so that the Rust parser itself overflows its stack.
    server = start_server(env={"NEWSKG_MAX_NESTING": "1000000"})
    query = "SELECT * WHERE " + "{ " * 100_000 + "?s ?p ?o" + " }" * 100_000
    response = httpx.post(server.url + "/sparql", data={"query": query}, timeout=60)
    assert response.status_code == 500
    assert "crashed" in response.text
    assert still_serving(server) > 0
    assert server.alive()


@pytest.mark.parametrize(
    "path",
    [
        "/id/../../etc/passwd",
        "/id/%2e%2e/%2e%2e/etc/passwd",
        "/id/article/%2E%2E/x",
        "/id/article//x",
        "/id/article/a%00b",
        "/id/article/a%3Cscript%3E",
        "/id/article/a%20b",
        "/id/article/%FF",
    ],
)
def test_linked_data_path_traversal_and_bad_iris(server, path):
    status, body = raw_get(server, path)
    assert 400 <= status < 500, (path, status, body)
    assert "root:" not in body
    assert server.alive()


def test_describe_rejects_bad_iris(server):
    with server.client() as client:
        assert client.get("/describe", params={"iri": "not an iri"}).status_code == 400
        assert client.get("/describe", params={"iri": "file:///etc/passwd"}).status_code == 404
        assert client.get("/describe").status_code == 400
