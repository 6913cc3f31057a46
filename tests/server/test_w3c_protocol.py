"""The W3C SPARQL 1.1 Protocol test suite, replayed over HTTP against a live server.

The manifest's requests all target ``/sparql/``; as the manifest allows, update requests go to
``/update`` (with the write token) and query requests to ``/sparql``.  Before each test the store is
emptied and the test's ``ut:graphData`` loaded through the Graph Store Protocol.
"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection

from server_testlib import REPO_ROOT, TOKEN

SUITE = REPO_ROOT.parent / "shared" / "w3c" / "rdf-tests" / "sparql" / "sparql11" / "protocol"
MANIFEST = SUITE / "manifest.ttl"

MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
HTS = "http://www.w3.org/2011/http-statusCodes#StatusCode"

#: test name -> passed; read by conftest.py for the summary line.
W3C_PROTOCOL_RESULTS: dict[str, bool] = {}
W3C_TOTAL_IN_MANIFEST = 0


def load_tests() -> list[dict]:
    global W3C_TOTAL_IN_MANIFEST
    if not MANIFEST.exists():
        return []
    graph = Graph()
    graph.parse(MANIFEST, format="turtle", publicID="http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/manifest")
    manifest = next(graph.subjects(MF.entries, None))
    entries = list(Collection(graph, graph.value(manifest, MF.entries)))
    W3C_TOTAL_IN_MANIFEST = len(entries)
    tests = []
    for entry in entries:
        name = str(entry).rsplit("#", 1)[-1]
        data = []
        for graph_data in graph.objects(entry, UT.graphData):
            data.append((str(graph.value(graph_data, RDFS.label)), Path(str(graph.value(graph_data, UT.graph)).replace("file://", ""))))
        action = graph.value(entry, MF.action)
        requests = []
        for request in Collection(graph, graph.value(action, HT.requests)):
            headers = {}
            header_list = graph.value(request, HT.headers)
            if header_list is not None:
                for header in Collection(graph, header_list):
                    headers[str(graph.value(header, HT.fieldName))] = str(graph.value(header, HT.fieldValue))
            body_node = graph.value(request, HT.body)
            response = graph.value(request, HT.resp)
            requests.append(
                {
                    "method": str(graph.value(request, HT.methodName)),
                    "path": str(graph.value(request, HT.absolutePath)),
                    "headers": headers,
                    "body": None if body_node is None else str(graph.value(body_node, CNT.chars)),
                    "status": {str(s).replace(HTS, "") for s in graph.objects(response, MF.expectedStatus)},
                    "format": (lambda v: None if v is None else str(v))(graph.value(response, MF.expectedFormat)),
                    "boolean": (lambda v: None if v is None else v.toPython())(graph.value(response, MF.expectedBoolean)),
                }
            )
        tests.append({"name": name, "label": str(graph.value(entry, MF.name)), "data": data, "requests": requests})
    return tests


TESTS = load_tests()


def is_update(request: dict) -> bool:
    content_type = request["headers"].get("content-type", "")
    body = request["body"] or ""
    path = request["path"]
    return (
        content_type.startswith("application/sparql-update")
        or body.startswith("update=")
        or any(marker in path for marker in ("update=", "using-graph-uri", "using-named-graph-uri"))
    )


def check(response: httpx.Response, expected: dict) -> str | None:
    """None if the response meets the manifest's expectations, else why not."""
    status_class = f"{response.status_code // 100}xx"
    if status_class not in expected["status"]:
        return f"status {response.status_code}, expected {sorted(expected['status'])}: {response.text[:300]}"
    media_type = response.headers.get("content-type", "").split(";")[0].strip()
    if expected["format"] == "boolean":
        if media_type == "application/sparql-results+json":
            value = json.loads(response.text).get("boolean")
        elif media_type == "application/sparql-results+xml":
            value = "<boolean>true</boolean>" in response.text
        else:
            return f"boolean result as {media_type}"
        if expected["boolean"] is not None and value is not expected["boolean"]:
            return f"boolean {value}, expected {expected['boolean']}"
    elif expected["format"] == "tabular":
        if media_type not in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv", "text/tab-separated-values"):
            return f"tabular result as {media_type}"
    elif expected["format"] == "RDF":
        if media_type not in ("application/rdf+xml", "text/turtle", "application/n-triples", "application/ld+json", "application/trig", "application/n-quads"):
            return f"RDF result as {media_type}"
    return None


@pytest.fixture(scope="module")
def protocol_server(start_server_module):
    return start_server_module


@pytest.fixture(scope="module")
def start_server_module(tmp_path_factory, server_logs):
    from server_testlib import LiveServer, make_store

    store = make_store(tmp_path_factory.mktemp("w3c") / "store", trig=None)
    server = LiveServer(store, env={"NEWSKG_WRITE_TOKEN": TOKEN}).start(server_logs)
    yield server
    server.stop()


def test_suite_is_present():
    if not MANIFEST.exists():
        pytest.skip(f"W3C protocol suite not found at {MANIFEST}")
    assert W3C_TOTAL_IN_MANIFEST == 34
    assert len(TESTS) == 34


@pytest.mark.parametrize("test", TESTS, ids=[t["name"] for t in TESTS])
def test_w3c_protocol(test, protocol_server):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with protocol_server.client() as client:
        reset = client.post("/update", content=b"DROP ALL", headers={**auth, "Content-Type": "application/sparql-update"})
        assert reset.status_code == 204, reset.text
        for graph_iri, path in test["data"]:
            loaded = client.put(
                "/store", params={"graph": graph_iri}, content=(SUITE / path.name).read_bytes(), headers={**auth, "Content-Type": "application/n-triples"}
            )
            assert loaded.status_code in (201, 204), loaded.text
        failure = None
        for request in test["requests"]:
            update = is_update(request)
            path = request["path"].replace("/sparql/", "/update" if update else "/sparql", 1)
            headers = dict(request["headers"])
            if update:
                headers.update(auth)
            body = None
            if request["body"] is not None:
                charset = headers.get("content-type", "").lower()
                body = request["body"].encode("utf-16" if "utf-16" in charset else "utf-8")
            response = client.request(request["method"], path, content=body, headers=headers)
            failure = check(response, request)
            if failure:
                break
    W3C_PROTOCOL_RESULTS[test["name"]] = failure is None
    assert failure is None, f"{test['name']} ({test['label']}): {failure}"
