"""The gazetteer file: JSON Lines, UTF-8, one header object then one entry per line,
sorted by key, keys of each object sorted - byte-for-byte reproducible from the same
sources.  A ``.gz`` name is read and written gzip-compressed (mtime 0)."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .model import FORMAT, FORMAT_VERSION, Entry, SourceInfo

DATA_DIR = Path(__file__).resolve().parent / "data"
DEFAULT_PATH = DATA_DIR / "gazetteer.jsonl"


class GazetteerFormatError(ValueError):
    """The file is not a newskg gazetteer or has an unsupported version."""


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def render(entries: Iterable[Entry], sources: Iterable[SourceInfo]) -> bytes:
    ents = sorted(entries, key=lambda e: e.key)
    keys = [e.key for e in ents]
    if len(keys) != len(set(keys)):
        dup = sorted({k for k in keys if keys.count(k) > 1})[:5]
        raise ValueError(f"duplicate gazetteer keys: {dup}")
    counts: dict[str, int] = {}
    for e in ents:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    header = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "sources": [s.to_json() for s in sorted(sources, key=lambda s: s.id)],
        "counts": dict(sorted(counts.items())),
        "entries": len(ents),
    }
    lines = [_dumps(header)] + [_dumps(e.to_json()) for e in ents]
    return ("\n".join(lines) + "\n").encode("utf-8")


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temp file in the target directory, fsync, then rename over ``path``:
    a reader never sees a half-written gazetteer, and a failed build leaves the old one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        data = gzip.compress(data, compresslevel=9, mtime=0)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_gazetteer(path: Path, entries: Iterable[Entry], sources: Iterable[SourceInfo]) -> bytes:
    data = render(entries, sources)
    write_atomic(path, data)
    return data


def read_gazetteer(path: Path) -> tuple[dict[str, Any], list[Entry]]:
    path = Path(path)
    with open(path, "rb") as fh:
        raw = fh.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    text = raw.decode("utf-8")
    first, _, rest = text.partition("\n")
    try:
        header = json.loads(first)
    except json.JSONDecodeError:
        raise GazetteerFormatError(f"{path}: first line is not a JSON header") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise GazetteerFormatError(f"{path}: not a {FORMAT} file")
    if header.get("version") != FORMAT_VERSION:
        raise GazetteerFormatError(
            f"{path}: gazetteer format version {header.get('version')!r}, this code reads "
            f"version {FORMAT_VERSION}; rebuild it with `newskg gazetteer build`")
    entries = []
    for n, line in enumerate(rest.splitlines(), start=2):
        if line:
            try:
                entries.append(Entry.from_json(json.loads(line)))
            except (json.JSONDecodeError, TypeError) as exc:
                raise GazetteerFormatError(f"{path}:{n}: bad entry ({exc})") from None
    if header.get("entries") is not None and header["entries"] != len(entries):
        raise GazetteerFormatError(
            f"{path}: header says {header['entries']} entries, file has {len(entries)} (truncated?)")
    return header, entries
