"""The store and the CLI: idempotent re-ingest, atomic replacement, validate, export, query."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox

from .conftest import ROOT, SEED_ID, run_cli


def dump(store_path: Path) -> bytes:
    store = ox.Store.read_only(str(store_path))
    return b"\n".join(sorted((store.dump(format=ox.RdfFormat.N_QUADS) or b"").splitlines()))


def test_reingest_is_idempotent(tmp_path: Path, seed_copy: Path) -> None:
    store = tmp_path / "store"
    assert run_cli("ingest", seed_copy, "--store", store, "-q").exit_code == 0
    first = dump(store)
    assert run_cli("ingest", seed_copy, "--store", store, "-q").exit_code == 0
    assert dump(store) == first and first


def test_changed_annotation_replaces_and_broken_one_keeps_previous(tmp_path: Path, seed_copy: Path) -> None:
    store = tmp_path / "store"
    assert run_cli("ingest", seed_copy, "--store", store, "-q").exit_code == 0
    before = dump(store)
    ann = seed_copy / f"{SEED_ID}.ann.yaml"
    text = ann.read_text(encoding="utf-8")
    ann.write_text(text.replace("label: Eight Taliban militants were killed and six wounded",
                                "label: Eight Taliban fighters were killed and six wounded"), encoding="utf-8")
    assert run_cli("ingest", seed_copy, "--store", store, "-q").exit_code == 0
    after = dump(store)
    assert b"Eight Taliban fighters" in after and b"Eight Taliban militants were killed and six wounded" not in after
    assert len(after.splitlines()) == len(before.splitlines())
    ann.write_text(text.replace("count: 8", "count: eight"), encoding="utf-8")
    result = run_cli("ingest", seed_copy, "--store", store, "-q")
    assert result.exit_code == 1
    assert f"{SEED_ID}.ann.yaml" in result.stderr and "casualties.1.count" in result.stderr
    assert dump(store) == after, "a failed ingest leaves the stored article untouched"


def test_bad_articles_are_reported_and_the_rest_stored(tmp_path: Path, seed_copy: Path) -> None:
    (seed_copy / "empty.txt").write_text("")
    (seed_copy / "bin.txt").write_bytes(b"\x00\x01\x02")
    store = tmp_path / "store"
    result = run_cli("ingest", seed_copy, "--store", store, "-q")
    assert result.exit_code == 1
    assert "empty.txt: empty article text" in result.stderr and "bin.txt: binary file" in result.stderr
    assert "1 stored" in result.stderr
    assert f"article/{SEED_ID}/graph".encode() in dump(store)


def test_validate_store_exports_and_broken_export(tmp_path: Path, seed_store_path: Path) -> None:
    assert run_cli("validate", "--store", seed_store_path).exit_code == 0
    trig = tmp_path / "all.trig"
    assert run_cli("export", "--store", seed_store_path, "--format", "trig", "-o", trig).exit_code == 0
    assert run_cli("validate", trig).exit_code == 0
    nq = tmp_path / "all.nq"
    assert run_cli("export", "--store", seed_store_path, "--format", "nquads", "-o", nq).exit_code == 0
    stripped = tmp_path / "nolabels.nq"
    stripped.write_text("\n".join(
        line for line in nq.read_text(encoding="utf-8").splitlines()
        if "<http://www.w3.org/2000/01/rdf-schema#label>" not in line) + "\n", encoding="utf-8")
    result = run_cli("validate", stripped)
    assert result.exit_code == 1
    assert "every actor has a label" in result.stdout and "every place has a label" in result.stdout
    assert "entity/Q889" in result.stdout and "khalil_asir" in result.stdout


def test_validate_usage_errors_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.trig"
    bad.write_text("<a> <b> .")
    result = run_cli("validate", bad)
    assert result.exit_code == 2 and "bad.trig" in result.stderr
    assert run_cli("validate", tmp_path / "missing.nq").exit_code == 2
    (tmp_path / "x.csv").write_text("a,b")
    assert run_cli("validate", tmp_path / "x.csv").exit_code == 2


def test_validate_article_folder_without_storing(tmp_path: Path, seed_copy: Path) -> None:
    result = run_cli("validate", seed_copy)
    assert result.exit_code == 0, result.output
    assert not (Path.cwd() / ".newskg" / "probe").exists()


def test_query_formats(seed_store_path: Path) -> None:
    ask = run_cli("query", "--store", seed_store_path, "--format", "json", "ASK { ?s nkg:stance nkg:Denies }")
    assert json.loads(ask.stdout)["boolean"] is True
    csv = run_cli("query", "--store", seed_store_path, "--format", "csv",
                  "SELECT ?l WHERE { ?e skos:exactMatch wd:Q889 ; rdfs:label ?l }")
    assert csv.stdout.splitlines()[:2] == ["l", "Afghanistan"]
    ttl = run_cli("query", "--store", seed_store_path, "--format", "turtle",
                  "CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e skos:exactMatch wd:Q863 ; rdfs:label ?l }")
    assert "Tajikistan" in ttl.stdout
    bad = run_cli("query", "--store", seed_store_path, "SELECT WHERE {")
    assert bad.exit_code == 2 and "error" in bad.stderr
    wrong = run_cli("query", "--store", seed_store_path, "--format", "turtle", "ASK {}")
    assert wrong.exit_code == 2


def test_stats_lists_counts_and_unlinked(seed_store_path: Path) -> None:
    result = run_cli("stats", "--store", seed_store_path)
    assert result.exit_code == 0
    assert "statements" in result.stdout and "17" in result.stdout
    assert "Khalil Asir" in result.stdout


def test_console_script_runs(tmp_path: Path) -> None:
    exe = Path(sys.executable).with_name("newskg")
    result = subprocess.run([str(exe), "--help"], capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0 and "ingest" in result.stdout and "validate" in result.stdout
    missing = subprocess.run([str(exe), "query", "--store", str(tmp_path / "none"), "ASK {}"],
                             capture_output=True, text=True, check=False)
    assert missing.returncode == 2 and "no store here" in missing.stderr


def test_ingest_text_stores_or_refuses_with_reasons() -> None:
    from ingest.pipeline import ingest_text

    from .conftest import SEED_TXT

    store = ox.Store()
    import pytest

    with pytest.raises(ValueError, match="empty article text"):
        ingest_text(store, "   ", {"id": "blank"})
    with pytest.raises(ValueError, match="2018-02-30"):
        ingest_text(store, "A clash.", {"id": "x", "published": "2018-02-30"})
    assert not list(store.named_graphs())
    # The seed's own text and metadata through the whole pipeline (extractor, no curated file).
    outcome = ingest_text(store, SEED_TXT.read_text(encoding="utf-8"), {"id": "posted", "publisher": "Asia-Plus",
                                                                       "published": "2018-08-27"})
    assert outcome.status == "stored" and outcome.annotation == "extracted"
    assert store.contains_named_graph(ox.NamedNode("https://w3id.org/newskg/id/article/posted/graph"))


def test_parallel_ingest_gives_the_same_store(tmp_path: Path, seed_copy: Path) -> None:
    from .conftest import SEEDS

    folder = tmp_path / "many"
    folder.mkdir()
    for f in SEEDS.iterdir():
        if f.name[:3] in {"001", "003", "004", "008", "010"} or f.name.startswith(SEED_ID):
            (folder / f.name).write_bytes(f.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00")
    one, two = tmp_path / "one", tmp_path / "two"
    first = run_cli("ingest", folder, "--store", one, "-q", "--jobs", "1")
    second = run_cli("ingest", folder, "--store", two, "-q", "--jobs", "2")
    assert first.exit_code == second.exit_code == 1
    assert "6 stored" in first.stderr and "6 stored" in second.stderr and "broken.txt" in second.stderr
    assert dump(one) == dump(two)


def test_remove_an_article(tmp_path: Path, seed_copy: Path) -> None:
    store = tmp_path / "store"
    assert run_cli("ingest", seed_copy, "--store", store, "-q").exit_code == 0
    result = run_cli("remove", SEED_ID, "--store", store)
    assert result.exit_code == 0 and "removed" in result.stderr
    assert f"article/{SEED_ID}/".encode() not in dump(store)
    assert b"graph/ontology" in dump(store), "shared graphs stay"
    again = run_cli("remove", SEED_ID, "--store", store)
    assert again.exit_code == 1 and "not in the store" in again.stderr
