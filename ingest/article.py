"""Stage 1: read articles.

Three input forms, all giving the same typed ``Article``:

* ``NAME.txt`` -- the exact article text, with an optional metadata sidecar ``NAME.meta.json``;
* ``NAME.json`` -- one article as a JSON object with a ``text`` field and metadata fields;
* ``NAME.jsonl`` -- JSON Lines, one such object per line, for bulk input.

The text is decoded from the file's bytes exactly as stored (no newline translation, no
stripping), because every character offset in the graph refers to it. Offsets count Unicode
code points, as NIF does.

Errors are ``ArticleError`` values that name the file and, where there is one, the line.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MAX_TEXT_CHARS = 2_000_000
"""Longest article text accepted (about 2 MB); a longer one is refused with an error."""

ARTICLE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]{0,199}$")
SIDECAR_SUFFIX = ".meta.json"
ANNOTATION_SUFFIX = ".ann.yaml"
METADATA_FIELDS = (
    "id",
    "title",
    "publisher",
    "published",
    "published_basis",
    "url",
    "language",
    "origin",
    "licence",
    "notes",
)


@dataclass(frozen=True)
class ArticleError(Exception):
    path: Path
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class ArticleMeta:
    id: str
    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    published_basis: str | None = None
    url: str | None = None
    language: str = "en"
    origin: str | None = None
    licence: str | None = None
    notes: str | None = None


@dataclass(frozen=True)
class Article:
    meta: ArticleMeta
    text: str
    source: Path
    line: int | None = None
    annotation_path: Path | None = None
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sha256", hashlib.sha256(self.text.encode("utf-8")).hexdigest())

    @property
    def id(self) -> str:
        return self.meta.id


def _decode(path: Path, data: bytes) -> str:
    if b"\x00" in data:
        raise ArticleError(path, "binary file (contains NUL bytes), not a text article")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise ArticleError(
            path, f"invalid UTF-8 at byte {err.start}: {err.reason}", line=line
        ) from None


def _check_text(path: Path, text: object, line: int | None = None) -> str:
    if not isinstance(text, str):
        raise ArticleError(path, "the article has no 'text' string", line)
    if not text.strip():
        raise ArticleError(path, "empty article text", line)
    if len(text) > MAX_TEXT_CHARS:
        raise ArticleError(
            path, f"article text is {len(text):,} characters, over the limit of {MAX_TEXT_CHARS:,}", line
        )
    return text


def parse_published(value: object) -> dt.date | None:
    """A publication date from metadata: YYYY-MM-DD or an ISO date-time. Raises ValueError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"published must be a date string, not {type(value).__name__}")
    text = value.strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError as err:
            raise ValueError(f"published {value!r} is not a valid date: {err}") from None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise ValueError(f"published {value!r} is not a date (YYYY-MM-DD)") from None


def parse_meta(path: Path, data: dict[str, Any], default_id: str, line: int | None = None) -> ArticleMeta:
    values = {k: data.get(k) for k in METADATA_FIELDS if data.get(k) is not None}
    ident = str(values.pop("id", default_id))
    if not ARTICLE_ID.match(ident):
        raise ArticleError(path, f"article id {ident!r} must be letters, digits, '_', '-' or '.'", line)
    try:
        published = parse_published(values.pop("published", None))
    except ValueError as err:
        raise ArticleError(path, str(err), line) from None
    for key in ("origin", "licence", "notes"):
        if key in values and not isinstance(values[key], str):
            values[key] = json.dumps(values[key], ensure_ascii=False, sort_keys=True)
    for key, value in values.items():
        if not isinstance(value, str):
            raise ArticleError(path, f"metadata field {key!r} must be a string", line)
    return ArticleMeta(id=ident, published=published, **values)


def _annotation_beside(path: Path, article_id: str) -> Path | None:
    candidate = path.with_name(article_id + ANNOTATION_SUFFIX)
    return candidate if candidate.is_file() else None


def _read_bytes(path: Path) -> bytes:
    # UTF-8 needs at most 4 bytes a character: a file larger than that cannot fit the limit,
    # and is refused before it is read into memory.
    size = path.stat().st_size
    if size > MAX_TEXT_CHARS * 4:
        raise ArticleError(path, f"file is {size:,} bytes, over the limit for one article ({MAX_TEXT_CHARS:,} characters)")
    return path.read_bytes()


def read_text_article(path: Path) -> Article:
    text = _check_text(path, _decode(path, _read_bytes(path)))
    sidecar = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX)
    data: dict[str, Any] = {}
    if sidecar.is_file():
        try:
            data = json.loads(_decode(sidecar, sidecar.read_bytes()))
        except json.JSONDecodeError as err:
            raise ArticleError(sidecar, f"metadata is not valid JSON: {err.msg}", err.lineno) from None
        if not isinstance(data, dict):
            raise ArticleError(sidecar, "metadata must be a JSON object")
        meta = parse_meta(sidecar, data, path.stem)
    else:
        meta = ArticleMeta(id=path.stem)
    return Article(meta, text, path, annotation_path=_annotation_beside(path, meta.id))


def _article_from_object(path: Path, obj: object, default_id: str, line: int | None) -> Article:
    if not isinstance(obj, dict):
        raise ArticleError(path, "an article must be a JSON object with a 'text' field", line)
    text = _check_text(path, obj.get("text"), line)
    meta = parse_meta(path, obj, default_id, line)
    return Article(meta, text, path, line=line, annotation_path=_annotation_beside(path, meta.id))


def read_json_article(path: Path) -> Article:
    try:
        obj = json.loads(_decode(path, _read_bytes(path)))
    except json.JSONDecodeError as err:
        raise ArticleError(path, f"not valid JSON: {err.msg}", err.lineno) from None
    return _article_from_object(path, obj, path.stem, None)


def read_jsonl(path: Path) -> Iterator[Article | ArticleError]:
    """Each line's article, or the error for that line; one bad line does not stop the rest."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                line_text = _decode(path, raw)
                try:
                    obj = json.loads(line_text)
                except json.JSONDecodeError as err:
                    raise ArticleError(path, f"not valid JSON: {err.msg}", number) from None
                yield _article_from_object(path, obj, f"{path.stem}-{number}", number)
            except ArticleError as err:
                yield ArticleError(err.path, err.message, number)


def is_article_file(path: Path) -> bool:
    name = path.name
    if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
        return False
    return path.suffix in {".txt", ".json", ".jsonl"}


def discover(paths: list[Path]) -> Iterator[Path]:
    """Article files under the given files and folders, in a stable (sorted) order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and is_article_file(p))
        else:
            yield path


def read_articles(paths: list[Path]) -> Iterator[Article | ArticleError]:
    """Every article under ``paths``, or an error naming the file (and line). Duplicate
    article ids are errors for the second and later occurrences."""
    seen: dict[str, Path] = {}
    for path in discover(paths):
        items: list[Article | ArticleError] | Iterator[Article | ArticleError]
        try:
            if not path.exists():
                items = [ArticleError(path, "no such file or folder")]
            elif path.suffix == ".jsonl":
                items = read_jsonl(path)
            elif path.suffix == ".json":
                items = [read_json_article(path)]
            elif path.suffix == ".txt":
                items = [read_text_article(path)]
            else:
                items = [ArticleError(path, f"unknown article format {path.suffix!r} (use .txt, .json or .jsonl)")]
        except ArticleError as err:
            items = [err]
        except OSError as err:
            items = [ArticleError(path, f"cannot read: {err.strerror or err}")]
        for item in items:
            if isinstance(item, Article):
                first = seen.get(item.id)
                if first is not None:
                    item = ArticleError(
                        item.source, f"duplicate article id {item.id!r} (first read from {first})", item.line
                    )
                else:
                    seen[item.id] = item.source
            yield item
