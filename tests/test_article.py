"""Reading articles: the three input forms and every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

from ingest.article import MAX_TEXT_CHARS, Article, ArticleError, read_articles

from .conftest import SEED_TXT


def read(*paths: Path) -> list[Article | ArticleError]:
    return list(read_articles(list(paths)))


def test_seed_text_is_read_exactly_with_its_sidecar() -> None:
    (article,) = read(SEED_TXT)
    assert isinstance(article, Article)
    assert article.text == SEED_TXT.read_bytes().decode("utf-8")
    assert article.text[371:434] == "two Tajik border guards were killed in a clash with the Taliban"
    assert article.meta.publisher == "Asia-Plus" and str(article.meta.published) == "2018-08-27"
    assert article.meta.published_basis and "contemporaneous" in article.meta.published_basis
    assert article.annotation_path is not None and article.annotation_path.name.endswith(".ann.yaml")


def test_crlf_and_trailing_space_are_kept(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(b"KABUL -\r\nTwo killed.  \r\n")
    (article,) = read(f)
    assert article.text == "KABUL -\r\nTwo killed.  \r\n"


def test_json_and_jsonl_articles(tmp_path: Path) -> None:
    (tmp_path / "one.json").write_text(json.dumps({"id": "one", "text": "A clash.", "publisher": "X"}))
    (tmp_path / "bulk.jsonl").write_text(
        json.dumps({"id": "two", "text": "B."}) + "\n" + "{broken\n" + json.dumps({"text": "C."}) + "\n"
    )
    items = read(tmp_path)
    ok = {i.id for i in items if isinstance(i, Article)}
    errors = [i for i in items if isinstance(i, ArticleError)]
    assert ok == {"one", "two", "bulk-3"}
    assert len(errors) == 1 and errors[0].line == 2 and "bulk.jsonl:2" in str(errors[0])


def test_bad_inputs_get_clear_errors_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "latin1.txt").write_bytes(b"line one\nline two caf\xe9\n")
    (tmp_path / "huge.txt").write_text("x" * (MAX_TEXT_CHARS + 1))
    (tmp_path / "badmeta.txt").write_text("Text.")
    (tmp_path / "badmeta.meta.json").write_text('{"publisher": "X",\n "published": }')
    (tmp_path / "baddate.txt").write_text("Text.")
    (tmp_path / "baddate.meta.json").write_text('{"published": "2018-02-30"}')
    (tmp_path / "good.txt").write_text("A clash broke out.")
    items = {Path(getattr(i, "path", getattr(i, "source", ""))).name: i for i in read(tmp_path)}
    messages = {k: str(v) for k, v in items.items() if isinstance(v, ArticleError)}
    assert "empty article text" in messages["empty.txt"]
    assert "binary file" in messages["binary.txt"]
    assert messages["latin1.txt"].startswith(f"{tmp_path / 'latin1.txt'}:2: invalid UTF-8")
    assert "over the limit" in messages["huge.txt"]
    assert messages["badmeta.meta.json"].startswith(f"{tmp_path / 'badmeta.meta.json'}:2:")
    assert "2018-02-30" in messages["baddate.meta.json"]
    assert isinstance(items["good.txt"], Article)


def test_duplicate_article_ids(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("First.")
    (tmp_path / "b.json").write_text(json.dumps({"id": "a", "text": "Second."}))
    first, second = read(tmp_path / "a.txt", tmp_path / "b.json")
    assert isinstance(first, Article)
    assert isinstance(second, ArticleError) and "duplicate article id 'a'" in str(second)


def test_no_publication_date_means_none(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("On August 26 a clash broke out.")
    (article,) = read(tmp_path / "x.txt")
    assert article.meta.published is None and article.meta.publisher is None


def test_a_50_mb_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB of NULs without writing them
    (error,) = read(big)
    assert isinstance(error, ArticleError) and "over the limit" in str(error) and "big.txt" in str(error)
