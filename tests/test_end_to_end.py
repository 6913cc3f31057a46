"""The README's main job end to end: `newskg ingest seeds/` then `newskg serve`, used by a real
SPARQL client and a Linked Data request over loopback."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from SPARQLWrapper import CSV, SPARQLWrapper

from .conftest import QUERIES, ROOT, SEED_ID

NEWSKG = str(Path(sys.executable).with_name("newskg"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def served_seeds(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    store = tmp_path_factory.mktemp("e2e") / "store"
    ingest = subprocess.run([NEWSKG, "ingest", "seeds/", "--store", str(store), "-q"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert ingest.returncode == 0, ingest.stderr
    assert "6 stored" in ingest.stderr
    port = free_port()
    proc = subprocess.Popen([NEWSKG, "serve", "--store", str(store), "--port", str(port)], cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.3)
    else:
        os.killpg(proc.pid, signal.SIGKILL)
        pytest.fail("the server did not start: " + (proc.stdout.read().decode() if proc.stdout else ""))
    yield url
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    shutil.rmtree(store.parent, ignore_errors=True)


def test_competency_query_through_sparqlwrapper(served_seeds: str) -> None:
    client = SPARQLWrapper(served_seeds + "/sparql")
    client.setQuery((QUERIES / "cq11.rq").read_text(encoding="utf-8"))
    client.setReturnFormat(CSV)
    rows = client.query().convert().decode().splitlines()
    assert rows[0].startswith("begin,end,text,speaker")
    assert rows[1].startswith("371,434,two Tajik border guards were killed in a clash with the Taliban,Khalil Asir")


def test_all_six_articles_are_served(served_seeds: str) -> None:
    response = httpx.get(served_seeds + "/sparql", params={
        "query": "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <http://schema.org/NewsArticle> }"},
        headers={"Accept": "application/sparql-results+json"})
    assert response.json()["results"]["bindings"][0]["n"]["value"] == "6"


def test_statement_dereferences_to_its_evidence(served_seeds: str) -> None:
    page = httpx.get(f"{served_seeds}/id/article/{SEED_ID}/statement/tajik_denial", headers={"Accept": "text/html"})
    assert page.status_code == 200
    assert "#char=1400,1617" in page.text, "the statement links to its evidence span"
    article = httpx.get(f"{served_seeds}/id/article/{SEED_ID}", headers={"Accept": "text/html"})
    assert article.status_code == 200
    assert 'id="char=1400,1617"' in article.text or "char=1400,1617" in article.text
    assert "does not correspond to the facts" in article.text
    turtle = httpx.get(f"{served_seeds}/id/article/{SEED_ID}/statement/tajik_denial", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200 and "Denies" in turtle.text
