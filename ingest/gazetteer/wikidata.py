"""Readers for Wikidata JSON: the JSON dump (``latest-all.json[.gz|.bz2]``) and
``wbgetentities`` API responses.  Only the fields the gazetteer needs are kept.

JSON dump format: a JSON array written one entity per line::

    [
    {"type":"item","id":"Q1",...},
    {"type":"item","id":"Q8",...}
    ]

``iter_dump`` streams it line by line (constant memory), opening gzip/bz2 by magic bytes.
Problems are reported with the 1-based line number:

* malformed JSON or a truncated compressed stream -> ``WikidataDumpError`` (``strict=True``)
  or an ``error`` issue in the report and the line is skipped (``strict=False``);
* missing ``[`` / ``]`` (truncated file) -> error (strict) / error issue;
* item without an English label -> warning (entity still yielded, ``label`` is None);
* a QID seen twice -> warning, the second one is skipped (``strict`` -> error).

Repeated warnings are capped per kind in the ``Report`` (then only counted), and the
duplicate check is a bitmap over Q-numbers, so memory stays bounded on a full dump.
"""

from __future__ import annotations

import bz2
import gzip
import io
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .model import Report

LANG = "en"


class WikidataDumpError(ValueError):
    """Malformed Wikidata JSON input; message contains ``path:line``."""

    def __init__(self, path: str | Path, line: int | None, message: str):
        self.path, self.line = str(path), line
        where = f"{path}:{line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class WikidataEntity:
    id: str
    type: str
    label: str | None
    aliases: tuple[str, ...] = ()
    description: str | None = None
    p31: tuple[str, ...] = ()
    p17: tuple[str, ...] = ()
    p131: tuple[str, ...] = ()
    coord: tuple[float, float] | None = None  # (lat, lon), P625 on Earth
    p297: str | None = None  # ISO 3166-1 alpha-2
    p300: str | None = None  # ISO 3166-2
    modified: str | None = None
    line: int | None = None


def _best_statements(claims: dict[str, Any], prop: str) -> list[dict[str, Any]]:
    """Statements of ``prop`` with a value, preferred rank if any, never deprecated."""
    stmts = [s for s in claims.get(prop) or []
             if s.get("rank") != "deprecated" and (s.get("mainsnak") or {}).get("snaktype") == "value"]
    preferred = [s for s in stmts if s.get("rank") == "preferred"]
    return preferred or stmts


def _item_ids(claims: dict[str, Any], prop: str) -> tuple[str, ...]:
    out: list[str] = []
    for s in _best_statements(claims, prop):
        v = s["mainsnak"].get("datavalue", {}).get("value")
        if not isinstance(v, dict):
            continue
        qid = v.get("id") or (f"Q{v['numeric-id']}" if v.get("entity-type", "item") == "item"
                              and "numeric-id" in v else None)
        if qid and qid not in out:
            out.append(qid)
    return tuple(out)


def _string(claims: dict[str, Any], prop: str) -> str | None:
    for s in _best_statements(claims, prop):
        v = s["mainsnak"].get("datavalue", {}).get("value")
        if isinstance(v, str):
            return v
    return None


EARTH = "http://www.wikidata.org/entity/Q2"


def _coord(claims: dict[str, Any]) -> tuple[float, float] | None:
    for s in _best_statements(claims, "P625"):
        v = s["mainsnak"].get("datavalue", {}).get("value")
        if isinstance(v, dict) and "latitude" in v and v.get("globe", EARTH) == EARTH:
            return (round(float(v["latitude"]), 6), round(float(v["longitude"]), 6))
    return None


def entity_from_json(obj: dict[str, Any], line: int | None = None) -> WikidataEntity:
    labels = obj.get("labels") or {}
    aliases = obj.get("aliases") or {}
    descs = obj.get("descriptions") or {}
    claims = obj.get("claims") or {}
    if isinstance(claims, list):  # an empty claims map is sometimes serialised as []
        claims = {}
    lab = labels.get(LANG, {}).get("value") if isinstance(labels, dict) else None
    als = tuple(dict.fromkeys(a["value"] for a in (aliases.get(LANG) or []) if a.get("value"))) \
        if isinstance(aliases, dict) else ()
    return WikidataEntity(
        id=str(obj.get("id")),
        type=str(obj.get("type", "")),
        label=lab,
        aliases=als,
        description=descs.get(LANG, {}).get("value") if isinstance(descs, dict) else None,
        p31=_item_ids(claims, "P31"),
        p17=_item_ids(claims, "P17"),
        p131=_item_ids(claims, "P131"),
        coord=_coord(claims),
        p297=_string(claims, "P297"),
        p300=_string(claims, "P300"),
        modified=obj.get("modified"),
        line=line,
    )


def open_maybe_compressed(path: str | Path) -> IO[bytes]:
    """Open plain, gzip or bz2 by magic bytes (not by file name)."""
    raw = open(path, "rb")
    magic = raw.read(3)
    raw.seek(0)
    if magic[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=raw, mode="rb")  # type: ignore[return-value]
    if magic == b"BZh":
        return bz2.BZ2File(raw, mode="rb")  # type: ignore[return-value]
    return raw


def _fail(strict: bool, report: Report, path: str | Path, line: int | None, msg: str,
          level: str = "error", code: str | None = None) -> None:
    if strict:
        raise WikidataDumpError(path, line, msg)
    report.add(level, str(path), msg, line, code)


class _SeenIds:
    """Entity ids already read: a paged bitmap over the numeric part of Q-ids (64 KiB pages
    of 524,288 ids, allocated when touched: ~16 MB for all of Wikidata's Q1..Q134M) and a
    set for other ids."""

    PAGE_BITS = 19  # 2**19 ids per page -> 64 KiB

    def __init__(self) -> None:
        self.pages: dict[int, bytearray] = {}
        self.other: set[str] = set()

    def add(self, eid: str) -> bool:
        """Record ``eid``; False if it was already there."""
        if eid[:1] == "Q" and eid[1:].isdigit():
            n = int(eid[1:])
            page = self.pages.get(n >> self.PAGE_BITS)
            if page is None:
                page = self.pages[n >> self.PAGE_BITS] = bytearray(1 << (self.PAGE_BITS - 3))
            off = n & ((1 << self.PAGE_BITS) - 1)
            byte, bit = off >> 3, 1 << (off & 7)
            if page[byte] & bit:
                return False
            page[byte] |= bit
            return True
        if eid in self.other:
            return False
        self.other.add(eid)
        return True


def iter_dump(path: str | Path, report: Report | None = None, *, strict: bool = True,
              types: tuple[str, ...] = ("item",)) -> Iterator[WikidataEntity]:
    """Stream entities of the given ``types`` from a Wikidata JSON dump."""
    report = report if report is not None else Report()
    seen = _SeenIds()
    lineno = 0
    opened = False
    closed = False
    last_had_comma = False
    fh = open_maybe_compressed(path)
    try:
        text = io.TextIOWrapper(fh, encoding="utf-8", errors="strict", newline="\n")
        while True:
            try:
                raw = text.readline()
            except (EOFError, OSError, zlib.error, UnicodeDecodeError) as exc:
                _fail(True, report, path, lineno + 1, f"unreadable/truncated stream ({exc})")
                return
            if not raw:
                break
            lineno += 1
            line = raw.strip()
            if not line:
                continue
            if not opened:
                if line == "[":
                    opened = True
                    continue
                if line.startswith("[{") or line.startswith("[ {"):
                    opened, line = True, line[1:].lstrip()  # array opened on the same line
                else:
                    _fail(True, report, path, lineno, "not a Wikidata JSON dump: expected '[' on the first line")
            if closed:
                _fail(strict, report, path, lineno, "content after the closing ']'")
                continue
            if line == "]":
                closed = True
                if last_had_comma:
                    report.info(str(path), "trailing comma before closing ']'", lineno - 1)
                continue
            last_had_comma = line.endswith(",")
            body = line[:-1] if last_had_comma else line
            try:
                obj = json.loads(body)
            except json.JSONDecodeError as exc:
                if body.endswith("]"):  # last entity and "]" on the same line
                    try:
                        obj = json.loads(body[:-1])
                        closed = True
                    except json.JSONDecodeError:
                        obj = None
                else:
                    obj = None
                if obj is None:
                    _fail(strict, report, path, lineno,
                          f"malformed or truncated entity JSON ({exc.msg} at column {exc.colno})",
                          code="malformed")
                    continue
            if not isinstance(obj, dict) or "id" not in obj:
                _fail(strict, report, path, lineno, "line is not an entity object with an 'id'")
                continue
            if obj.get("type") not in types:
                continue
            ent = entity_from_json(obj, lineno)
            if not seen.add(ent.id):
                _fail(strict, report, path, lineno, f"duplicate entity {ent.id}; second copy skipped",
                      "warning", "duplicate")
                continue
            if ent.label is None:
                report.warn(str(path), f"{ent.id} has no English label", lineno, "no-english-label")
            yield ent
    finally:
        fh.close()
    if not opened:
        _fail(strict, report, path, None, "empty file: no '[' found")
    elif not closed:
        _fail(strict, report, path, lineno, "truncated dump: no closing ']' (last line read)")


def read_wbgetentities(path: str | Path, report: Report | None = None,
                       types: tuple[str, ...] = ("item",)) -> list[WikidataEntity]:
    """Entities of a ``wbgetentities`` response (``{"entities": {...}, "success": 1}``).

    Missing entities (``"missing": ""``) are reported as warnings; other entity types
    (properties, lexemes) are skipped with an info note.  A response with an ``error``
    member raises ``WikidataDumpError``.
    """
    report = report if report is not None else Report()
    with open_maybe_compressed(path) as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as exc:
            raise WikidataDumpError(path, exc.lineno, f"malformed JSON ({exc.msg})") from None
    if not isinstance(data, dict):
        raise WikidataDumpError(path, None, "not a wbgetentities response (expected an object)")
    if "error" in data:
        raise WikidataDumpError(path, None, f"API error response: {data['error']}")
    ents = data.get("entities")
    if not isinstance(ents, dict):
        if "id" in data and "type" in data:  # a single entity document (Special:EntityData)
            ents = {data["id"]: data}
        else:
            raise WikidataDumpError(path, None, "no 'entities' object")
    out: list[WikidataEntity] = []
    for qid, obj in ents.items():
        if "missing" in obj:
            report.warn(str(path), f"entity {qid} is missing")
            continue
        if obj.get("type") not in types:
            report.info(str(path), f"{qid}: {obj.get('type')} skipped")
            continue
        ent = entity_from_json(obj)
        if ent.label is None:
            report.warn(str(path), f"{ent.id} has no English label")
        out.append(ent)
    return out
