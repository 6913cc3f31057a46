"""The optional online Wikidata lookup, against recorded real wbgetentities responses
(shared/wikidata/wdtk) and constructed wbsearchentities fixtures (tests/gazetteer/data),
through a fake transport: these tests never touch the network."""

from __future__ import annotations

import datetime as dt
import json
import urllib.parse
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ingest.gazetteer import online
from ingest.gazetteer.online import OnlineLookupError, WikidataClient, classes_for
from ingest.link import link
from ingest.model import Annotation

from .conftest import WDTK

DATA = Path(__file__).parent / "data"
SEARCH = {"Douglas Adams": "wbsearchentities-douglas-adams.json",
          "Douglas Adam": "wbsearchentities-douglas-adam.json",
          "cosmos": "wbsearchentities-cosmos.json"}
GET = {"Q42": "wbgetentities-Q6-Q42-P31.json", "Q42|Q6": "wbgetentities-Q6-Q42-P31.json",
       "Q1": "wbgetentities-Q1.json"}
DAY = dt.date(2026, 1, 15)


class FakeTransport:
    def __init__(self) -> None:
        self.calls: list[tuple[str, dict]] = []

    def __call__(self, url: str, headers: dict[str, str]) -> bytes:
        self.calls.append((url, headers))
        assert url.startswith("https://www.wikidata.org/w/api.php?")
        q = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query))
        assert q["format"] == "json"
        if q["action"] == "wbsearchentities":
            name = SEARCH.get(q["search"])
            return (DATA / name).read_bytes() if name else b'{"searchinfo":{},"search":[],"success":1}'
        if q["action"] == "wbgetentities":
            return (WDTK / GET[q["ids"]]).read_bytes()
        raise AssertionError(url)


class Clock:
    def __init__(self) -> None:
        self.t = 100.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, s: float) -> None:
        self.slept.append(s)
        self.t += s


@pytest.fixture()
def client(tmp_path):
    clock = Clock()
    c = WikidataClient(FakeTransport(), tmp_path / "cache", min_interval=1.0, clock=clock, sleep=clock.sleep,
                       today=lambda: DAY)
    c.clock_ = clock
    return c


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(url, headers):  # noqa: ANN001, ANN202
        raise AssertionError(f"network access in a test: {url}")

    monkeypatch.setattr(online, "urllib_transport", refuse)
    monkeypatch.delenv("NEWSKG_WIKIDATA_ONLINE", raising=False)


def ann(entities: list[dict]) -> Annotation:
    return Annotation.model_validate({"article": "t", "provenance": {"kind": "curated", "agent": "test"},
                                      "entities": entities})


def test_exact_label_and_p31_accepted_with_retrieval_date(client):
    m = client.lookup("Douglas Adams", "person")
    assert (m.qid, m.method, m.p31) == ("Q42", "exact_label", ("Q5",))
    assert m.source == "wikidata-api:wbsearchentities+wbgetentities@2026-01-15"
    assert client.requests == 2
    actions = [dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(u).query))["action"] for u, _ in client.transport.calls]
    assert actions == ["wbsearchentities", "wbgetentities"]
    assert all("newskg" in h["User-Agent"] for _, h in client.transport.calls)
    # Q6 came back "missing" in the recorded response and P31 is a property: both ignored


def test_cache_on_disk_answers_the_second_time(client, tmp_path):
    client.lookup("Douglas Adams", "person")
    files = sorted((tmp_path / "cache").glob("*.json"))
    assert len(files) == 2
    rec = json.loads(files[0].read_text(encoding="utf-8"))
    assert rec["retrieved"] == "2026-01-15" and rec["url"].startswith(online.API)
    again = WikidataClient(FakeTransport(), tmp_path / "cache", today=lambda: dt.date(2030, 1, 1))
    m = again.lookup("Douglas Adams", "person")
    assert m.qid == "Q42" and again.requests == 0 and again.transport.calls == []
    assert m.source.endswith("@2026-01-15")  # the date the data was retrieved, not today


def test_rate_limit_spaces_requests(client):
    client.lookup("Douglas Adams", "person")
    assert client.clock_.slept == [pytest.approx(1.0)]  # second request waited for the interval
    client.lookup("Douglas Adams", "person")  # cached: no wait
    assert len(client.clock_.slept) == 1


def test_wrong_type_rejected(client, monkeypatch):
    monkeypatch.setitem(online.P31_CLASSES, "region", {"Q1454986": "test: Q1's P31 in wbgetentities-Q1.json"})
    assert client.lookup("Douglas Adams", "region") is None  # a human is not a region
    m = client.lookup("cosmos", "region")  # an English alias of Q1, with a compatible P31
    assert (m.qid, m.method) == ("Q1", "alias")
    assert client.lookup("cosmos", "person") is None


def test_never_fuzzy(client):
    assert client.lookup("Douglas Adam", "person") is None
    assert client.requests == 1  # the search hit was not an exact match: no wbgetentities call


def test_no_class_no_lookup(client, gaz):
    # the shipped gazetteer carries no P31, so no place type has a class yet: nothing is asked
    assert classes_for("settlement", gaz) == frozenset()
    assert client.link_entity(ann([{"id": "x", "type": "settlement", "label": "Douglas Adams"}]).entities[0]) is None
    assert client.requests == 0


def test_errors_leave_the_entity_unlinked(tmp_path):
    def broken(url, headers):  # noqa: ANN001, ANN202
        raise OSError("connection refused")

    c = WikidataClient(broken, tmp_path, min_interval=0)
    e = ann([{"id": "p", "type": "person", "label": "Douglas Adams"}]).entities[0]
    assert c.link_entity(e) is None
    with pytest.raises(OnlineLookupError, match="connection refused"):
        c.lookup("Douglas Adams", "person")
    c2 = WikidataClient(lambda u, h: b'{"error": {"code": "badvalue"}}', tmp_path / "2", min_interval=0)
    with pytest.raises(OnlineLookupError, match="API error"):
        c2.lookup("Douglas Adams", "person")
    assert not list((tmp_path / "2").glob("*.json"))  # errors are not cached


def test_link_uses_online_only_when_asked(client, gaz, monkeypatch):
    a = ann([{"id": "p", "type": "person", "label": "Douglas Adams"},
             {"id": "k", "type": "province", "label": "Takhar"}])
    off = {e.id: e for e in link(a, gaz).entities}  # default: env var unset -> offline
    assert off["p"].link is None and off["k"].link.qid == "Q186395"
    on = {e.id: e for e in link(a, gaz, online=client).entities}
    p = on["p"].link
    assert (p.qid, p.method, p.score, p.source) == ("Q42", "exact_label", 0.9,
                                                     "wikidata-api:wbsearchentities+wbgetentities@2026-01-15")
    assert on["k"].link.source.startswith("gazetteer:")  # the gazetteer answered: not asked online
    assert len(client.transport.calls) == 2


def test_env_var_enables_default_client(gaz, monkeypatch, tmp_path):
    fake = FakeTransport()
    monkeypatch.setattr(online, "urllib_transport", fake)
    monkeypatch.setenv("NEWSKG_WIKIDATA_CACHE", str(tmp_path))
    monkeypatch.setenv("NEWSKG_WIKIDATA_ONLINE", "1")
    out = link(ann([{"id": "p", "type": "person", "label": "Douglas Adams"}]), gaz)
    assert out.entities[0].link.qid == "Q42" and fake.calls
    assert list(tmp_path.glob("*.json"))


def test_cli_online(monkeypatch, tmp_path):
    from ingest.gazetteer.cli import gazetteer_app

    monkeypatch.setattr(online, "urllib_transport", FakeTransport())
    monkeypatch.setenv("NEWSKG_WIKIDATA_CACHE", str(tmp_path))
    r = CliRunner().invoke(gazetteer_app, ["lookup", "Douglas Adams", "--online", "--type", "person"])
    assert r.exit_code == 0, r.output
    assert "Q42" in r.output and "wikidata-api:" in r.output
    r = CliRunner().invoke(gazetteer_app, ["lookup", "Douglas Adams"])  # offline by default
    assert r.exit_code == 1 and "no match" in r.output
    r = CliRunner().invoke(gazetteer_app, ["lookup", "Douglas Adams", "--online", "--type", "settlement"])
    assert r.exit_code == 1
