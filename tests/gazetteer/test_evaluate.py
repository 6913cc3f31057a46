"""Linking quality on the gold annotations against the hand-checked expected-links table."""

from __future__ import annotations

import pytest

from ingest.gazetteer.evaluate import (DEFAULT_PATHS, DEFAULT_TABLE, evaluate_linking, format_table,
                                       gold_annotations, read_expected)


def gold_files_on_disk() -> int:
    """Curated annotations present (seeds + Wikinews gold), so new gold needs no test edit."""
    return sum(len(list(p.glob("*.ann.yaml"))) for p in DEFAULT_PATHS)


@pytest.fixture(scope="module")
def gold():
    pairs = gold_annotations()
    assert len(pairs) == gold_files_on_disk() >= 36  # every seed + Wikinews gold article is read
    return pairs


def test_table_covers_every_gold_place_and_nothing_else(gold):
    expected = read_expected()
    places = {(a.id, e.id) for a, ann in gold for e in ann.entities if e.is_place}
    assert places <= set(expected), sorted(places - set(expected))
    known = {(a.id, e.id) for a, ann in gold for e in ann.entities}
    assert set(expected) <= known, sorted(set(expected) - known)


def test_precision_one_recall_at_least_0_9(gold, gaz, capsys):
    res = evaluate_linking(annotations=gold, gazetteer=gaz)
    with capsys.disabled():
        print("\n" + format_table(res, all_rows=False))
    assert res.count("fp") == 0, [r for r in res.rows if r.verdict == "fp"]
    assert res.precision == 1.0
    assert res.recall >= 0.9
    assert res.count("tp") >= 100


def test_unreviewed_link_counts_as_wrong(gold, gaz, tmp_path):
    lines = DEFAULT_TABLE.read_text(encoding="utf-8").splitlines(keepends=True)
    table = tmp_path / "t.tsv"
    table.write_text("".join(ln for ln in lines if "\tsanaa\t" not in ln), encoding="utf-8")
    res = evaluate_linking(annotations=gold, gazetteer=gaz, table=table)
    assert [(r.entity, r.expected) for r in res.rows if r.verdict == "fp"] == [("sanaa", "(no row)")]


def test_bad_table_rejected(tmp_path):
    t = tmp_path / "t.tsv"
    t.write_text("article\tentity\ttype\tlabel\texpected\tsource_row\tnote\na\tb\tcountry\tX\tQ0x\t-\t\n")
    with pytest.raises(ValueError, match="expected must be"):
        read_expected(t)
