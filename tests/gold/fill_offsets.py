"""Fill in character offsets of the spans of a curated annotation file, in place.

A curator writes spans as ``{text: "..."}`` (first occurrence), ``{text: "...", n: 2}``
(second occurrence) or ``{text: "...", after: "anchor"}`` (first occurrence at or after the
first occurrence of ``anchor``; ``n`` then counts from there). This script replaces each with
``{start: S, end: E, text: "..."}`` computed with ``str.find`` on the article text, re-checks
spans that already have offsets, sets ``text_sha256: auto`` to the text's hash, and then loads
the file with ``ingest.curation.load_annotation`` and maps it with ``ingest.mapping.map_article``.

    .venv/bin/python tests/gold/fill_offsets.py seeds/001.ann.yaml tests/gold/wikinews/*.ann.yaml

The article text is the ``.txt`` file beside the annotation (same stem).
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

import yaml

QUOTED = r"(\"(?:[^\"\\]|\\.)*\"|'(?:[^']|'')*')"
DRAFT = re.compile(r"\{text: " + QUOTED + r"(?:, n: (\d+))?(?:, after: " + QUOTED + r")?\}")
FILLED = re.compile(r"\{start: (\d+), end: (\d+), text: " + QUOTED + r"\}")


def _unquote(literal: str) -> str:
    return yaml.safe_load(literal)


def fill(ann_path: Path) -> list[str]:
    txt_path = ann_path.with_name(ann_path.name.removesuffix(".ann.yaml") + ".txt")
    text = txt_path.read_bytes().decode("utf-8")
    source = ann_path.read_text(encoding="utf-8")
    problems: list[str] = []

    def draft(m: re.Match[str]) -> str:
        quoted, n, anchor = m.group(1), m.group(2), m.group(3)
        wanted = _unquote(quoted)
        pos = 0
        if anchor is not None:
            pos = text.find(_unquote(anchor))
            if pos < 0:
                problems.append(f"anchor {anchor} not in text")
                return m.group(0)
        start = -1
        for _ in range(int(n or 1)):
            start = text.find(wanted, pos)
            if start < 0:
                break
            pos = start + 1
        if start < 0:
            problems.append(f"span {quoted} (n={n}, after={anchor}) not in text")
            return m.group(0)
        return f"{{start: {start}, end: {start + len(wanted)}, text: {quoted}}}"

    def check(m: re.Match[str]) -> str:
        start, end, wanted = int(m.group(1)), int(m.group(2)), _unquote(m.group(3))
        if text[start:end] != wanted:
            problems.append(f"filled span [{start}, {end}) is {text[start:end]!r}, not {wanted!r}")
        return m.group(0)

    FILLED.sub(check, source)
    out = DRAFT.sub(draft, source)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    out = re.sub(r"^text_sha256: auto$", f"text_sha256: {sha}", out, flags=re.M)
    if out != source:
        ann_path.write_text(out, encoding="utf-8")
    return problems


def verify(ann_path: Path) -> list[str]:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from ingest.article import read_articles
    from ingest.curation import AnnotationError, load_annotation
    from ingest.mapping import map_article

    txt_path = ann_path.with_name(ann_path.name.removesuffix(".ann.yaml") + ".txt")
    (article,) = list(read_articles([txt_path]))
    if not hasattr(article, "text"):
        return [str(article)]
    try:
        ann = load_annotation(ann_path, article.text, article.sha256)
    except AnnotationError as err:
        return [str(err)]
    try:
        map_article(article, ann, "https://w3id.org/newskg/")
    except Exception as err:  # noqa: BLE001 - report any mapping failure
        return [f"map_article: {type(err).__name__}: {err}"]
    return []


def main(paths: list[str]) -> int:
    bad = 0
    for p in paths:
        path = Path(p)
        problems = fill(path) or verify(path)
        print(f"{path}: {'OK' if not problems else 'PROBLEMS'}")
        for problem in problems:
            print("   ", problem)
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
