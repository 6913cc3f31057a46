"""Read the provenance table of a shared ``ORIGIN.md`` (local path | repo | path | commit | licence)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class OriginRow:
    local_path: str
    repo: str
    commit: str
    licence: str


def parse_origin(text: str) -> list[OriginRow]:
    """Parse the first markdown table whose header has 'local path', 'commit' and 'licence'.

    A repo cell reading "same" repeats the previous row's repo (and commit if blank).
    """
    rows: list[OriginRow] = []
    header: list[str] | None = None
    prev_repo = prev_commit = ""
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("|"):
            if header is not None and rows:
                break
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if header is None:
            low = [c.lower() for c in cells]
            if "local path" in low and "commit" in low:
                header = low
            continue
        if set("".join(cells)) <= set("-: "):
            continue
        rec = dict(zip(header, cells))
        repo = rec.get("source repo", rec.get("repo", ""))
        commit = rec.get("commit", "")
        if repo == "same":
            repo = prev_repo
            commit = commit or prev_commit
        rows.append(OriginRow(rec["local path"], repo, commit, rec.get("licence", "")))
        prev_repo, prev_commit = repo, commit
    return rows


def origin_for(rows: list[OriginRow], top_dir: str) -> OriginRow | None:
    """The first row whose local path lies under ``top_dir`` (e.g. "dr5hn_csc")."""
    for r in rows:
        if r.local_path.split("/", 1)[0] == top_dir:
            return r
    return None


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 16), b""):
            h.update(block)
    return h.hexdigest()
