"""Gazetteer data model: entries, source descriptions and build diagnostics."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any, Literal

FORMAT = "newskg-gazetteer"
FORMAT_VERSION = 1

Kind = Literal["country", "admin1", "admin2", "district", "city", "place"]
KINDS: tuple[str, ...] = ("country", "admin1", "admin2", "district", "city", "place")
# Tie-break order when two candidates score equally (news usage: "Kabul", "Herat" are
# cities more often than provinces).
KIND_RANK = {"country": 0, "city": 1, "admin1": 2, "admin2": 3, "district": 4, "place": 5}

QID_RE = re.compile(r"^Q[1-9][0-9]*$")


def is_qid(value: str | None) -> bool:
    return bool(value) and bool(QID_RE.match(value or ""))


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place.

    ``key`` is stable and IRI-safe (the pipeline mints ``{base}place/<key>`` for places
    without a QID).  ``qid`` is set only when a source file gave it; ``source`` /
    ``source_version`` name that file's dataset and commit.
    """

    key: str
    kind: str
    label: str
    source: str
    source_version: str
    qid: str | None = None
    aliases: tuple[str, ...] = ()
    country: str | None = None  # key of the country entry
    parent: str | None = None  # key of the next larger unit (located-in)
    iso: str | None = None  # ISO 3166-1 alpha-2 (countries) or ISO 3166-2 (subdivisions)
    iso3: str | None = None  # ISO 3166-1 alpha-3 (countries)
    lat: float | None = None
    lon: float | None = None
    admin_type: str | None = None  # source's own type word, e.g. dr5hn "province"
    source_id: str | None = None  # row/record id in the source
    source_name: str | None = None  # raw source spelling when it was cleaned
    demonyms: tuple[str, ...] = ()  # countries: source's nationality words ("Afghan")
    p31: tuple[str, ...] = ()  # instance-of QIDs, only from Wikidata sources
    p17: tuple[str, ...] = ()  # country QIDs from Wikidata sources (resolved to ``country``)
    p131: tuple[str, ...] = ()  # located-in QIDs from Wikidata sources (resolved to ``parent``)
    extra_sources: tuple[str, ...] = ()  # "dataset@version" of sources that enriched it

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            if v is None or v == ():
                continue
            out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Entry":
        kw = dict(data)
        for name in ("aliases", "demonyms", "p31", "p17", "p131", "extra_sources"):
            if name in kw:
                kw[name] = tuple(kw[name])
        return cls(**kw)

    def with_(self, **changes: Any) -> "Entry":
        return replace(self, **changes)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.label, *self.aliases)


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A source dataset as recorded in the gazetteer header."""

    id: str
    repo: str
    commit: str
    licence: str
    files: dict[str, str] = field(default_factory=dict)  # relative path -> sha256

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Issue:
    level: Literal["error", "warning", "info"]
    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{self.level}: {where}: {self.message}"


@dataclass
class Report:
    """Diagnostics collected while reading sources (unjoined rows, warnings...).

    Issues given a ``code`` are kept in detail up to ``max_per_code`` times, then only
    counted (``suppressed``), so a 100M-entity dump cannot fill memory with warnings.
    """

    issues: list[Issue] = field(default_factory=list)
    max_per_code: int = 100
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, level: str, source: str, message: str, line: int | None = None,
            code: str | None = None) -> None:
        if code is not None:
            n = self.counts[code] = self.counts.get(code, 0) + 1
            if n > self.max_per_code:
                return
        self.issues.append(Issue(level, source, message, line))  # type: ignore[arg-type]

    def warn(self, source: str, message: str, line: int | None = None, code: str | None = None) -> None:
        self.add("warning", source, message, line, code)

    def info(self, source: str, message: str, line: int | None = None, code: str | None = None) -> None:
        self.add("info", source, message, line, code)

    @property
    def suppressed(self) -> dict[str, int]:
        """code -> number of issues counted but not kept."""
        return {c: n - self.max_per_code for c, n in self.counts.items() if n > self.max_per_code}

    def of(self, level: str) -> list[Issue]:
        return [i for i in self.issues if i.level == level]
