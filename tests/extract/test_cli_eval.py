"""The JSON output schema, the CLI command, batch extraction and the evaluation harness."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import typer
from typer.testing import CliRunner

from ingest.curation import dump_annotation, load_annotation
from ingest.extract import ExtractionWarning, extract, extract_many
from ingest.extract.cli import extract_command
from ingest.extract.evaluate import CATEGORIES, evaluate_command, read_split, score_article

from .conftest import ROOT, SEED, make_article

app = typer.Typer()
app.command("extract")(extract_command)
app.command("evaluate")(evaluate_command)


def check_schema(data: dict) -> None:
    assert data["schema"] == "newskg-extract/1"
    for key in ("statements", "events", "casualties", "warnings", "alternatives"):
        assert isinstance(data[key], list)
    for s in data["statements"]:
        assert isinstance(s["speaker"], str) and s["speaker"]
        assert s["stance"] in {"asserts", "confirms", "denies", "claims_responsibility", "accuses"}
        assert isinstance(s["start"], int) and isinstance(s["end"], int) and s["end"] > s["start"]
        assert s["channel"] is None or isinstance(s["channel"], str)
    for e in data["events"]:
        assert isinstance(e["type"], str)
        assert e["date"] is None or isinstance(e["date"], str)
        assert e["place"] is None or isinstance(e["place"], str)
    for c in data["casualties"]:
        assert c["kind"] in {"killed", "wounded", "captured", "missing", "displaced", "affected"}
        assert c["count"] is None or isinstance(c["count"], int)
        assert isinstance(c["group"], str)


def test_json_for_text_article_with_sidecar():
    result = CliRunner().invoke(app, ["extract", str(SEED), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check_schema(data)
    assert data["article"] == "000_73f83590a77fdeae"
    text = SEED.read_text(encoding="utf-8")
    for s in data["statements"]:
        assert text[s["start"]:s["end"]] == s["text"]
    assert {"Radio Liberty", "Asia-Plus", "RIA"} <= {s["channel"] for s in data["statements"]}
    strike = next(e for e in data["events"] if e["type"] == "air_strike")
    assert strike["date"] == "2018-08-26"
    attack = next(e for e in data["events"] if e["type"] == "attack")
    assert attack["date"] == "2018-08-01/2018-08-27"  # "earlier this month" as bounds
    assert {(c["kind"], c["count"], c["group"]) for c in data["casualties"]} >= {("killed", 8, "Taliban"), ("wounded", 6, "Taliban")}


def test_json_for_json_article(tmp_path: Path):
    path = tmp_path / "a1.json"
    path.write_text(json.dumps({"id": "a1", "published": "2020-01-05", "publisher": "Example Wire",
                                "text": "Two soldiers were killed in an ambush in Kunar province on Saturday, the army said."}))
    result = CliRunner().invoke(app, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    check_schema(data)
    assert data["events"][0]["type"] == "ambush" and data["events"][0]["date"] == "2020-01-04"
    assert data["casualties"][0]["count"] == 2
    assert [s["speaker"] for s in data["statements"]] == ["army"]


def test_yaml_draft_round_trips(tmp_path: Path, seed, seed_article):
    result = CliRunner().invoke(app, ["extract", str(SEED)])
    assert result.exit_code == 0
    assert "provenance:" in result.stdout and "kind: extracted" in result.stdout
    path = tmp_path / "draft.ann.yaml"
    path.write_text(dump_annotation(seed), encoding="utf-8")
    again = load_annotation(path, seed_article.text, seed_article.sha256)
    assert again == seed


def test_extract_many_matches_extract(nlp, seed_article):
    arts = [seed_article, make_article("Four people were wounded in a blast in Kabul, police said.", "b2"),
            make_article("   ", "b3"), make_article("Nothing happened here.", "b4")]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractionWarning)
        batch = list(extract_many(iter(arts), nlp=nlp, batch_size=2))
        single = [extract(a, nlp) for a in arts]
    assert [a.article for a in batch] == ["000_73f83590a77fdeae", "b2", "b3", "b4"]
    assert batch == single


def test_scores_gold_against_itself_perfectly():
    gold = load_annotation(ROOT / "seeds" / "000_73f83590a77fdeae.ann.yaml")
    scores = score_article(gold, gold)
    for c in CATEGORIES:
        assert scores[c].f1 == 1.0, c


def test_scores_extraction_on_seed(seed):
    gold = load_annotation(ROOT / "seeds" / "000_73f83590a77fdeae.ann.yaml")
    scores = score_article(seed, gold)
    assert scores["statements"].recall >= 0.85
    assert scores["casualties"].f1 == 1.0
    assert scores["events"].tp >= 3


def test_split_from_readme(tmp_path: Path):
    (tmp_path / "x1.ann.yaml").write_text("")
    (tmp_path / "x2.ann.yaml").write_text("")
    (tmp_path / "README.md").write_text("| id | split |\n|---|---|\n| x1 | tuning |\n| x2 | held out |\n")
    assert read_split(tmp_path / "README.md") == {"x1": "tuning", "x2": "held-out"}
    real = read_split(ROOT / "tests" / "gold" / "wikinews" / "README.md")
    if real:
        assert set(real.values()) <= {"tuning", "held-out"}


def test_evaluate_command_reports_splits_apart():
    result = CliRunner().invoke(app, ["evaluate", str(ROOT / "seeds"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["splits"]) == {"tuning"}
    assert data["splits"]["tuning"]["statements"]["gold"] > 0


def test_evaluate_split_option_scores_one_split_only():
    """`--split tuning` never extracts or prints a held-out article (rule writers use it)."""
    result = CliRunner().invoke(app, ["evaluate", "--split", "tuning", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data["splits"]) == {"tuning"}
    assert data["articles"] and all(a["split"] == "tuning" for a in data["articles"])
    bad = CliRunner().invoke(app, ["evaluate", "--split", "test"])
    assert bad.exit_code == 2
    assert "--split 'test'" in bad.output


def test_casualty_groups_do_not_match_through_function_words():
    from ingest.extract.evaluate import _content_words

    assert not _content_words("people wounded in the attack") & _content_words("Palestinians sheltering in the school")
    assert _content_words("Afghan border police") & _content_words("border police officers") == {"border", "police"}
