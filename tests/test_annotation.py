"""The annotation model and curated YAML files: checks with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.article import read_articles
from ingest.curation import AnnotationError, dump_annotation, load_annotation, parse_yaml_with_lines
from ingest.model import Annotation

from .conftest import SEED_ID, SEEDS


def seed_article():
    (article,) = read_articles([SEEDS / f"{SEED_ID}.txt"])
    return article


def test_every_curated_file_in_seeds_loads_and_matches_its_text() -> None:
    files = sorted(SEEDS.glob("*.ann.yaml"))
    assert files, "seeds/ has curated annotations"
    for f in files:
        article_id = f.name.removesuffix(".ann.yaml")
        (article,) = [a for a in read_articles([SEEDS]) if getattr(a, "id", None) == article_id]
        annotation = load_annotation(f, article.text, article.sha256)
        assert annotation.article == article_id


def test_seed_annotation_content() -> None:
    article = seed_article()
    ann = load_annotation(article.annotation_path, article.text, article.sha256)
    assert {e.qid for e in ann.entities if e.qid} == {"Q889", "Q863", "Q159", "Q186395"}
    denials = [s for s in ann.statements if s.stance == "denies"]
    assert {s.speaker for s in denials} == {"tajik_ministry_source", "russian_defence_ministry"}
    assert all(s.polarity == "negative" for s in denials)


def _write_modified(tmp_path: Path, old: str, new: str) -> Path:
    source = (SEEDS / f"{SEED_ID}.ann.yaml").read_text(encoding="utf-8")
    assert old in source
    target = tmp_path / f"{SEED_ID}.ann.yaml"
    target.write_text(source.replace(old, new, 1), encoding="utf-8")
    return target


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_offsets_that_do_not_match_the_text_name_file_and_line(tmp_path: Path) -> None:
    article = seed_article()
    bad = _write_modified(tmp_path, "span: {start: 371, end: 434,", "span: {start: 372, end: 435,")
    with pytest.raises(AnnotationError) as info:
        load_annotation(bad, article.text, article.sha256)
    message = str(info.value)
    assert f"{bad}:{_line_of(bad, 'id: asir_clash_taliban')}: statement asir_clash_taliban" in message
    assert "occurs at [371, 434)" in message


def test_unresolved_reference_and_schema_errors_have_lines(tmp_path: Path) -> None:
    article = seed_article()
    bad = _write_modified(tmp_path, "speaker: khalil_asir", "speaker: khalil_asirr")
    with pytest.raises(AnnotationError) as info:
        load_annotation(bad, article.text, article.sha256)
    assert "unknown entity 'khalil_asirr'" in str(info.value)
    bad = _write_modified(tmp_path, "count: 8", "count: -8")
    with pytest.raises(AnnotationError) as info:
        load_annotation(bad, article.text, article.sha256)
    assert f"{bad}:{_line_of(bad, 'count: -8')}: casualties.1.count" in str(info.value)


def test_denial_with_positive_polarity_is_rejected(tmp_path: Path) -> None:
    article = seed_article()
    bad = _write_modified(tmp_path, "    stance: denies\n    polarity: negative\n", "    stance: denies\n")
    with pytest.raises(AnnotationError, match="a denial carries negative polarity"):
        load_annotation(bad, article.text, article.sha256)


def test_yaml_syntax_error_line_and_changed_text(tmp_path: Path) -> None:
    article = seed_article()
    bad = _write_modified(tmp_path, "entities:\n", "entities:\n  - [unclosed\n")
    with pytest.raises(AnnotationError) as info:
        load_annotation(bad, article.text, article.sha256)
    assert "YAML syntax error" in str(info.value) and f"{bad}:" in str(info.value)
    with pytest.raises(AnnotationError, match="the article changed"):
        load_annotation(SEEDS / f"{SEED_ID}.ann.yaml", article.text + " ", "0" * 64)


def test_yaml_round_trip_keeps_the_model() -> None:
    article = seed_article()
    ann = load_annotation(article.annotation_path, article.text, article.sha256)
    data, lines = parse_yaml_with_lines(dump_annotation(ann))
    assert Annotation.model_validate(data) == ann
    assert lines[("statements", 0)] > lines[("entities", 0)]


def test_every_gold_annotation_maps_and_conforms_to_the_core_shapes() -> None:
    """The curated gold (seeds/ and the Wikinews gold set) is valid newskg data, not only
    loadable YAML: each file maps to RDF that the core SHACL shapes accept."""
    from ingest.article import read_articles
    from ingest.curation import load_annotation
    from ingest.mapping import map_article
    from ingest.validate import validate_quads
    from ingest.vocab import DEFAULT_BASE

    root = Path(__file__).resolve().parents[1]
    paths = sorted((root / "seeds").glob("*.txt")) + sorted((root / "tests" / "gold" / "wikinews").glob("*.txt"))
    checked, problems = 0, []
    for article in read_articles(paths):
        if article.annotation_path is None:
            continue
        annotation = load_annotation(article.annotation_path, article.text, article.sha256)
        report = validate_quads(map_article(article, annotation, DEFAULT_BASE).quads)
        checked += 1
        problems += [f"{article.annotation_path.name}: {v.message}" for v in report.errors]
    assert checked >= 30
    assert problems == []
