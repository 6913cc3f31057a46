"""Build reproducibility, file format/version, atomic writes, Wikidata merge."""

from __future__ import annotations

import gzip
import json
import os

import pytest

from ingest.gazetteer import Gazetteer, GazetteerFormatError
from ingest.gazetteer.build import BuildResult, build_shared, merge_wikidata
from ingest.gazetteer.model import Entry, Report, SourceInfo
from ingest.gazetteer.store import DEFAULT_PATH, read_gazetteer, render, write_atomic, write_gazetteer
from ingest.gazetteer.wikidata import WikidataDumpError, iter_dump, read_wbgetentities

from .conftest import MOCK_DUMP, WDTK, dump_line, place_entity, write_dump


@pytest.fixture(scope="module")
def built(shared):
    return build_shared(shared, Report())


def test_shipped_file_reproduced_byte_for_byte(built):
    assert render(built.entries, built.sources) == DEFAULT_PATH.read_bytes()


def test_shared_qids_warned(built):
    msgs = [i.message for i in built.report.of("warning")]
    assert any(m.startswith("Q5194960 is given to 2 city rows") for m in msgs)


def test_shipped_file_content(built):
    header, entries = read_gazetteer(DEFAULT_PATH)
    assert header["format"] == "newskg-gazetteer" and header["version"] == 1
    assert header["counts"] == {"admin1": 4040, "admin2": 1268, "city": 1533, "country": 250, "district": 438}
    src = {s["id"]: s for s in header["sources"]}
    assert src["dr5hn_csc"]["licence"] == "ODbL-1.0" and src["afg_provinces_districts"]["licence"] == "MIT"
    assert src["dr5hn_csc"]["commit"] == "7fda0afd3e75391d9480c22ed3a2b91f50e08eb6"
    assert len(src["dr5hn_csc"]["files"]["dr5hn_csc/states.csv"]) == 64
    keys = [e.key for e in entries]
    assert keys == sorted(keys)
    for e in entries:
        assert e.source in src and e.source_version == src[e.source]["commit"]
    assert all(e.iso and e.qid for e in entries if e.kind == "country")
    assert sum(1 for e in entries if e.kind in ("admin1", "admin2") and not e.iso) == 8
    af1 = [e for e in entries if e.kind == "admin1" and e.country == "country/af"]
    assert len(af1) == 34 and all(e.qid and e.iso and e.lat is not None for e in af1)
    assert (DEFAULT_PATH.parent / "ATTRIBUTION.md").is_file()


def test_wrong_version_is_clear_error(tmp_path):
    lines = DEFAULT_PATH.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    header["version"] = 99
    p = tmp_path / "g.jsonl"
    p.write_text("\n".join([json.dumps(header)] + lines[1:3]) + "\n", encoding="utf-8")
    with pytest.raises(GazetteerFormatError, match=r"format version 99, this code reads version 1"):
        Gazetteer.load(p)
    p.write_text('{"hello": 1}\n')
    with pytest.raises(GazetteerFormatError, match="not a newskg-gazetteer file"):
        read_gazetteer(p)


def test_truncated_gazetteer_detected(tmp_path):
    p = tmp_path / "g.jsonl"
    p.write_bytes(DEFAULT_PATH.read_bytes()[:50_000])
    with pytest.raises(GazetteerFormatError):
        read_gazetteer(p)


def test_gzip_round_trip_deterministic(tmp_path, built):
    a, b = tmp_path / "a.jsonl.gz", tmp_path / "b.jsonl.gz"
    small = built.entries[:50]
    write_gazetteer(a, small, built.sources)
    write_gazetteer(b, small, built.sources)
    assert a.read_bytes() == b.read_bytes()
    assert gzip.decompress(a.read_bytes()) == render(small, built.sources)
    assert [e.key for e in read_gazetteer(a)[1]] == sorted(e.key for e in small)


def test_atomic_write_keeps_old_file_on_failure(tmp_path, built):
    p = tmp_path / "g.jsonl"
    write_gazetteer(p, built.entries[:10], built.sources)
    good = p.read_bytes()
    dup = [built.entries[0], built.entries[0]]
    with pytest.raises(ValueError, match="duplicate gazetteer keys"):
        write_gazetteer(p, dup, built.sources)

    with pytest.raises(TypeError):
        write_atomic(p, None)  # type: ignore[arg-type]  # fails while writing the temp file
    assert p.read_bytes() == good
    assert sorted(os.listdir(tmp_path)) == ["g.jsonl"]  # no temp file left behind
    assert oct(p.stat().st_mode & 0o777) != oct(0o600)


def _src(name: str) -> SourceInfo:
    return SourceInfo(name, "wikidata.org", "test", "CC0-1.0")


def test_merge_enriches_existing_qid(tmp_path, built):
    # facts from dr5hn: Takhar Q186395 in Afghanistan Q889, AF-TAK
    e = place_entity("Q186395", "Takhar Province", aliases=("Takhar",), p131=("Q889",), p17=("Q889",),
                     p300="AF-TAK", lat=36.59, lon=69.79)
    p = write_dump(tmp_path / "d.json", ["[", dump_line(e), "]"])
    res = merge_wikidata(built, iter_dump(p), _src("wikidata-dump:d.json"))
    (tak,) = [x for x in res.entries if x.qid == "Q186395"]
    assert tak.key == "admin1/af-tak" and tak.label == "Takhar"
    assert "Takhar Province" in tak.aliases
    assert (tak.lat, tak.lon) == (36.594073, 69.7939)  # dr5hn coordinates not overwritten
    assert tak.p131 == ("Q889",) and "wikidata-dump:d.json@test" in tak.extra_sources
    assert len(res.entries) == len(built.entries)


def test_merge_adds_new_place_and_resolves_parent(tmp_path):
    base = BuildResult([Entry(key="country/af", kind="country", label="Afghanistan", qid="Q889",
                              source="dr5hn_csc", source_version="v", iso="AF")], [], Report())
    e = place_entity("Q186395", "Takhar", p131=("Q889",), lat=36.594073, lon=69.7939)
    p = write_dump(tmp_path / "d.json", ["[", dump_line(e) + ",", *MOCK_DUMP.read_text().splitlines()[1:]])
    rep = Report()
    res = merge_wikidata(BuildResult(base.entries, [], rep), iter_dump(p, rep), _src("dump"))
    new = {x.key: x for x in res.entries}
    assert set(new) == {"country/af", "wd/q186395"}  # Q1/Q8 (no English label) skipped
    assert new["wd/q186395"].parent == "country/af" and new["wd/q186395"].kind == "place"
    g = Gazetteer(res.entries)
    assert [a.key for a in g.ancestors("wd/q186395")] == ["country/af"]


def test_merge_skips_non_places_from_real_samples(built):
    """item.json (a language with P17) and Q42 (a person) are not places."""
    ents = read_wbgetentities(WDTK / "item.json") + read_wbgetentities(WDTK / "wbgetentities-Q6-Q42-P31.json")
    res = merge_wikidata(built, ents, _src("wbgetentities"))
    assert len(res.entries) == len(built.entries)
    kept = merge_wikidata(built, ents, _src("wbgetentities"), keep_all=True)
    assert {"wd/q34987", "wd/q42"} <= {e.key for e in kept.entries}


def test_cli_build_failure_leaves_file(tmp_path, shared, mock_lines):
    from typer.testing import CliRunner

    from ingest.gazetteer.cli import gazetteer_app

    out = tmp_path / "g.jsonl"
    out.write_text("previous good file\n")
    bad = write_dump(tmp_path / "bad.json", mock_lines[:2] + [mock_lines[2][:50]])
    r = CliRunner().invoke(gazetteer_app, ["build", "--shared", str(shared), "--wikidata-dump", str(bad),
                                           "--out", str(out)])
    assert r.exit_code == 2
    assert "bad.json:3" in r.output
    assert out.read_text() == "previous good file\n"
    with pytest.raises(WikidataDumpError):
        list(iter_dump(bad))
