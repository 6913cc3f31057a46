"""Read-only by default; /update, the Graph Store Protocol and POST /articles need the bearer token."""

from __future__ import annotations

import importlib.util
import json

import httpx
import pytest

from server_testlib import BASE, TOKEN

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
INSERT = "INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> 'new' } }"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def count(server) -> int:
    response = httpx.get(server.url + "/sparql", params={"query": COUNT}, timeout=30)
    return int(json.loads(response.text)["results"]["bindings"][0]["n"]["value"])


def write_attempts(headers: dict[str, str]) -> list[httpx.Request]:
    return [
        httpx.Request("POST", "/update", content=INSERT.encode(), headers={**headers, "Content-Type": "application/sparql-update"}),
        httpx.Request("POST", "/update", data={"update": INSERT}, headers=headers),
        httpx.Request("PUT", "/store?graph=http://example.org/g", content=b"<http://a> <http://b> <http://c> .", headers={**headers, "Content-Type": "application/n-triples"}),
        httpx.Request("POST", "/store?default", content=b"<http://a> <http://b> <http://c> .", headers={**headers, "Content-Type": "application/n-triples"}),
        httpx.Request("DELETE", f"/store?graph={BASE}article/a1/graph", headers=headers),
        httpx.Request("POST", "/articles", json={"text": "Hello", "metadata": {}}, headers=headers),
    ]


def test_read_only_server_refuses_every_write(readonly_server):
    before = count(readonly_server)
    with readonly_server.client() as client:
        for headers in ({}, AUTH):
            for request in write_attempts(headers):
                response = client.send(client.build_request(request.method, request.url, content=request.content, headers=request.headers))
                assert response.status_code == 403, (request.method, request.url, response.text)
                assert "read-only" in response.text
    assert count(readonly_server) == before


def test_missing_or_wrong_token(writable_server):
    before = count(writable_server)
    with writable_server.client() as client:
        for headers, status in (({}, 401), ({"Authorization": "Bearer wrong"}, 403), ({"Authorization": f"Basic {TOKEN}"}, 401)):
            for request in write_attempts(headers):
                response = client.send(client.build_request(request.method, request.url, content=request.content, headers=request.headers))
                assert response.status_code == status, (request.method, request.url, response.text)
                if status == 401:
                    assert response.headers["www-authenticate"].startswith("Bearer")
    assert count(writable_server) == before


def test_update_with_token_is_visible_to_queries(writable_server):
    before = count(writable_server)
    with writable_server.client() as client:
        response = client.post("/update", content=INSERT.encode(), headers={**AUTH, "Content-Type": "application/sparql-update"})
        assert response.status_code == 204, response.text
        assert count(writable_server) == before + 1
        bad = client.post("/update", data={"update": "INSERT DATA { <x> "}, headers=AUTH)
        assert bad.status_code == 400 and "Malformed update" in bad.text
        assert count(writable_server) == before + 1
        deleted = client.post("/update", data={"update": "DELETE DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> 'new' } }"}, headers=AUTH)
        assert deleted.status_code == 204
    assert count(writable_server) == before


def test_graph_store_protocol_round_trip(writable_server):
    graph = "http://example.org/gsp"
    turtle = b"@prefix ex: <http://example.org/> . ex:a ex:b ex:c , ex:d ."
    with writable_server.client() as client:
        assert client.get("/store", params={"graph": graph}).status_code == 404
        created = client.put("/store", params={"graph": graph}, content=turtle, headers={**AUTH, "Content-Type": "text/turtle"})
        assert created.status_code == 201
        replaced = client.put("/store", params={"graph": graph}, content=turtle, headers={**AUTH, "Content-Type": "text/turtle"})
        assert replaced.status_code == 204
        got = client.get("/store", params={"graph": graph}, headers={"Accept": "application/n-triples"})
        assert got.status_code == 200 and len(got.text.strip().splitlines()) == 2
        merged = client.post("/store", params={"graph": graph}, content=b"<http://example.org/x> <http://example.org/y> \"1\" .", headers={**AUTH, "Content-Type": "application/n-triples"})
        assert merged.status_code == 204
        got = client.get("/store", params={"graph": graph, "format": "nt"})
        assert len(got.text.strip().splitlines()) == 3
        broken = client.put("/store", params={"graph": graph}, content=b"ex:a ex:b", headers={**AUTH, "Content-Type": "text/turtle"})
        assert broken.status_code == 400
        assert len(client.get("/store", params={"graph": graph, "format": "nt"}).text.strip().splitlines()) == 3  # unchanged
        wrong_type = client.put("/store", params={"graph": graph}, content=b"x", headers={**AUTH, "Content-Type": "image/png"})
        assert wrong_type.status_code == 415
        assert client.delete("/store", params={"graph": graph}, headers=AUTH).status_code == 204
        assert client.get("/store", params={"graph": graph}).status_code == 404
        assert client.delete("/store", params={"graph": graph}, headers=AUTH).status_code == 404


def test_upload_size_limit(start_server):
    server = start_server(env={"NEWSKG_WRITE_TOKEN": TOKEN, "NEWSKG_MAX_UPLOAD_BYTES": "1000"})
    body = b"".join(b"<http://example.org/s%d> <http://example.org/p> 1 .\n" % i for i in range(100))
    response = httpx.put(server.url + "/store?graph=http://example.org/big", content=body, headers={**AUTH, "Content-Type": "application/n-triples"}, timeout=30)
    assert response.status_code == 413
    assert httpx.get(server.url + "/store?graph=http://example.org/big", timeout=30).status_code == 404


def test_articles_without_pipeline_or_bad_body(writable_server):
    with writable_server.client() as client:
        assert client.post("/articles", content=b"text", headers={**AUTH, "Content-Type": "text/plain"}).status_code == 415
        assert client.post("/articles", json={"text": ""}, headers=AUTH).status_code == 422
        if importlib.util.find_spec("ingest.pipeline") is None:
            response = client.post("/articles", json={"text": "Floods hit the city.", "metadata": {}}, headers=AUTH)
            assert response.status_code == 501
            assert "ingest.pipeline.ingest_text" in response.text


# --- Wiring to the ingest pipeline: runs only once ingest.pipeline.ingest_text exists. ---------------
def _has_ingest_text() -> bool:
    try:
        from ingest.pipeline import ingest_text  # noqa: F401
    except Exception:
        return False
    return True


@pytest.mark.skipif(not _has_ingest_text(), reason="ingest.pipeline.ingest_text is not available yet (pipeline wiring pending)")
def test_post_article_through_the_pipeline(writable_server):
    before = count(writable_server)
    text = "Heavy floods hit Porto Alegre on 1 May 2024, the governor said."
    response = httpx.post(writable_server.url + "/articles", json={"text": text, "metadata": {"title": "Floods", "date": "2024-05-02"}}, headers=AUTH, timeout=300)
    assert response.status_code == 201, response.text
    assert count(writable_server) > before
