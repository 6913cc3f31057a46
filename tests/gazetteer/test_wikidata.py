from __future__ import annotations

import bz2
import gzip
import json
import tracemalloc

import pytest

from ingest.gazetteer.model import Report
from ingest.gazetteer.wikidata import (
    WikidataDumpError,
    entity_from_json,
    iter_dump,
    read_wbgetentities,
)

from .conftest import MOCK_DUMP, WDTK, dump_line, place_entity, write_dump


def test_mock_dump_real_sample_items_only():
    rep = Report()
    ents = list(iter_dump(MOCK_DUMP, rep))
    assert [e.id for e in ents] == ["Q1", "Q8"]  # property P16 and lexeme L1 skipped
    assert ents[0].p31 == ("Q1454986",)  # old-style datavalue with numeric-id only
    assert ents[1].p31 == ("Q331769", "Q9415")
    assert ents[0].line == 2 and ents[1].line == 3
    # the mock has German labels only -> warning per item, with the line number
    warns = rep.of("warning")
    assert [(w.line, w.message) for w in warns] == [(2, "Q1 has no English label"),
                                                    (3, "Q8 has no English label")]
    assert all(e.label is None for e in ents)


def test_mock_dump_types_property():
    ents = list(iter_dump(MOCK_DUMP, types=("item", "property")))
    assert [e.id for e in ents] == ["Q1", "Q8", "P16"]


@pytest.mark.parametrize("compress", [gzip.compress, bz2.compress])
def test_compressed_by_magic_bytes(tmp_path, compress):
    p = tmp_path / "dump.data"  # no telling extension: detection is by content
    p.write_bytes(compress(MOCK_DUMP.read_bytes()))
    assert [e.id for e in iter_dump(p, Report())] == ["Q1", "Q8"]


def test_truncated_line_is_error_with_line_number(tmp_path, mock_lines):
    lines = mock_lines[:2] + [mock_lines[2][:120]]  # cut inside entity on line 3
    p = write_dump(tmp_path / "cut.json", lines)
    with pytest.raises(WikidataDumpError) as ei:
        list(iter_dump(p))
    assert ei.value.line == 3
    assert f"{p}:3: malformed or truncated entity JSON" in str(ei.value)


def test_truncated_line_lenient_reports_and_continues(tmp_path, mock_lines):
    lines = [mock_lines[0], mock_lines[1][:-40], *mock_lines[2:]]
    p = write_dump(tmp_path / "bad.json", lines)
    rep = Report()
    ids = [e.id for e in iter_dump(p, rep, strict=False)]
    assert ids == ["Q8"]
    errs = rep.of("error")
    assert len(errs) == 1 and errs[0].line == 2


def test_missing_closing_bracket(tmp_path, mock_lines):
    p = write_dump(tmp_path / "noend.json", mock_lines[:-1])
    with pytest.raises(WikidataDumpError, match=r"noend.json:5: truncated dump: no closing"):
        list(iter_dump(p))
    rep = Report()
    assert len(list(iter_dump(p, rep, strict=False))) == 2
    assert "truncated dump" in rep.of("error")[0].message


def test_truncated_gzip_stream(tmp_path):
    data = gzip.compress(MOCK_DUMP.read_bytes())
    p = tmp_path / "cut.json.gz"
    p.write_bytes(data[: len(data) // 2])
    with pytest.raises(WikidataDumpError, match="truncated"):
        list(iter_dump(p, strict=False))  # a broken stream is fatal even when lenient


def test_not_a_dump(tmp_path):
    p = tmp_path / "x.json"
    p.write_text('{"entities": {}}\n')
    with pytest.raises(WikidataDumpError, match=r"x.json:1: not a Wikidata JSON dump"):
        list(iter_dump(p))


def test_duplicate_qid(tmp_path, mock_lines):
    p = write_dump(tmp_path / "dup.json", [mock_lines[0], mock_lines[1], mock_lines[1], mock_lines[3], "]"])
    with pytest.raises(WikidataDumpError, match=r"dup.json:3: duplicate entity Q1"):
        list(iter_dump(p))
    rep = Report()
    assert [e.id for e in iter_dump(p, rep, strict=False)] == ["Q1"]
    assert any(i.line == 3 and "duplicate" in i.message for i in rep.of("warning"))


def test_last_entity_without_comma_and_one_line_array(tmp_path):
    e1 = place_entity("Q186395", "Takhar", lat=36.594073, lon=69.7939, p131=("Q889",))
    e2 = place_entity("Q889", "Afghanistan")
    p = write_dump(tmp_path / "a.json", ["[", dump_line(e1) + ",", dump_line(e2), "]"])
    assert [e.id for e in iter_dump(p)] == ["Q186395", "Q889"]
    p2 = tmp_path / "b.json"
    p2.write_text("[" + dump_line(e1) + ",\n" + dump_line(e2) + "]\n")
    assert [e.id for e in iter_dump(p2)] == ["Q186395", "Q889"]


def test_place_fields_parsed(tmp_path):
    e = place_entity("Q186395", "Takhar", aliases=("Takhar Province",), lat=36.594073, lon=69.7939,
                     p131=("Q889",), p17=("Q889",), p300="AF-TAK")
    ent = entity_from_json(e)
    assert ent.label == "Takhar" and ent.aliases == ("Takhar Province",)
    assert ent.coord == (36.594073, 69.7939)
    assert ent.p131 == ("Q889",) and ent.p17 == ("Q889",) and ent.p300 == "AF-TAK"


def test_rank_handling():
    e = place_entity("Q186395", "Takhar", p131=("Q889", "Q863"))
    e["claims"]["P131"][1]["rank"] = "deprecated"
    assert entity_from_json(e).p131 == ("Q889",)
    e["claims"]["P131"][1]["rank"] = "preferred"
    assert entity_from_json(e).p131 == ("Q863",)


def test_wbgetentities_real_samples():
    rep = Report()
    ents = read_wbgetentities(WDTK / "wbgetentities-Q6-Q42-P31.json", rep)
    assert [e.id for e in ents] == ["Q42"]
    assert ents[0].label == "Douglas Adams"
    assert ents[0].p31 == ("Q5",)
    assert "Douglas Noel Adams" in ents[0].aliases
    assert any("Q6 is missing" in i.message for i in rep.of("warning"))
    assert any("P31: property skipped" in i.message for i in rep.of("info"))
    q1 = read_wbgetentities(WDTK / "wbgetentities-Q1.json")
    assert q1[0].id == "Q1" and q1[0].label == "universe" and q1[0].p31 == ("Q1454986",)


def test_single_entity_document():
    (ent,) = read_wbgetentities(WDTK / "item.json")
    assert ent.id == "Q34987" and ent.label == "Bile" and ent.p17 == ("Q1033",)


def test_wbgetentities_errors(tmp_path):
    p = tmp_path / "err.json"
    p.write_text(json.dumps({"error": {"code": "no-such-entity"}}))
    with pytest.raises(WikidataDumpError, match="API error"):
        read_wbgetentities(p)
    p.write_text('{"entities": {"Q1": \n{"id": ')
    with pytest.raises(WikidataDumpError, match=r"err.json:2: malformed JSON"):
        read_wbgetentities(p)


def test_streaming_constant_memory(tmp_path, mock_lines):
    """Peak traced memory while streaming 20k entities stays far below the file size."""
    body = mock_lines[1]
    obj = json.loads(body.rstrip(","))
    with open(tmp_path / "big.json", "w", encoding="utf-8") as fh:
        fh.write("[\n")
        for i in range(20000):
            obj["id"] = f"Q{i + 1}"
            fh.write(dump_line(obj) + (",\n" if i < 19999 else "\n"))
        fh.write("]\n")
    size = (tmp_path / "big.json").stat().st_size
    tracemalloc.start()
    rep = Report()
    n = sum(1 for _ in iter_dump(tmp_path / "big.json", rep, strict=False))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert n == 20000
    assert peak < 1_000_000, (peak, size)
    assert rep.counts["no-english-label"] == 20000 and rep.suppressed["no-english-label"] == 19900
