from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # until the project installs itself / sets pytest pythonpath
    sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
WDTK = SHARED / "wikidata" / "wdtk"
MOCK_DUMP = WDTK / "mock-dump-for-testing.json"


@pytest.fixture(scope="session")
def shared() -> Path:
    assert (SHARED / "gazetteer" / "ORIGIN.md").is_file(), f"shared sources missing at {SHARED}"
    return SHARED


@pytest.fixture(scope="session")
def gaz():
    from ingest.gazetteer import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="session")
def mock_lines() -> list[str]:
    """The real mock dump's lines (with their trailing commas), '[' and ']' included."""
    return MOCK_DUMP.read_text(encoding="utf-8").splitlines()


def dump_line(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def place_entity(qid: str, label: str, *, lat: float | None = None, lon: float | None = None,
                 p131: tuple[str, ...] = (), p17: tuple[str, ...] = (), aliases: tuple[str, ...] = (),
                 p300: str | None = None) -> dict:
    """An entity in the Wikidata JSON dump shape (as in mock-dump-for-testing.json and
    item.json).  Callers pass only QIDs/values that the shared source files give."""

    def item_stmt(prop: str, q: str) -> dict:
        return {"rank": "normal", "type": "statement", "id": f"{qid}$test-{prop}-{q}",
                "mainsnak": {"snaktype": "value", "property": prop, "datatype": "wikibase-item",
                             "datavalue": {"type": "wikibase-entityid",
                                           "value": {"entity-type": "item", "numeric-id": int(q[1:]), "id": q}}}}

    claims: dict[str, list] = {}
    for q in p131:
        claims.setdefault("P131", []).append(item_stmt("P131", q))
    for q in p17:
        claims.setdefault("P17", []).append(item_stmt("P17", q))
    if lat is not None:
        claims["P625"] = [{"rank": "normal", "type": "statement", "id": f"{qid}$test-P625",
                           "mainsnak": {"snaktype": "value", "property": "P625", "datatype": "globe-coordinate",
                                        "datavalue": {"type": "globecoordinate", "value": {
                                            "latitude": lat, "longitude": lon, "altitude": None,
                                            "precision": 0.0001, "globe": "http://www.wikidata.org/entity/Q2"}}}}]
    if p300:
        claims["P300"] = [{"rank": "normal", "type": "statement", "id": f"{qid}$test-P300",
                           "mainsnak": {"snaktype": "value", "property": "P300", "datatype": "string",
                                        "datavalue": {"type": "string", "value": p300}}}]
    return {"type": "item", "id": qid,
            "labels": {"en": {"language": "en", "value": label}},
            "aliases": {"en": [{"language": "en", "value": a} for a in aliases]} if aliases else {},
            "descriptions": {}, "sitelinks": {}, "claims": claims}


def write_dump(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
