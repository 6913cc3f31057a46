"""Example queries for the query page, read once at start-up from ``<repo>/queries/*.rq``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Example:
    id: str
    title: str
    query: str


def load_examples(folder: Path) -> list[Example]:
    """Each file's first line ``# title`` names it; a missing or unreadable folder gives no examples."""
    if not folder.is_dir():
        return []
    examples = []
    for path in sorted(folder.glob("*.rq")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        first = text.lstrip("\ufeff").splitlines()[0].strip() if text.strip() else ""
        title = first.lstrip("#").strip() if first.startswith("#") else path.stem
        examples.append(Example(path.stem, title or path.stem, text))
    return examples
