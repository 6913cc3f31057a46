"""Readers for dr5hn/countries-states-cities-database (ODbL-1.0): countries.csv, states.csv,
cities/<CC>.json.

Rules (tested in tests/gazetteer/test_dr5hn.py):

* ``wikiDataId`` is taken only if it looks like a QID ("NULL" and blanks -> no QID).
* Countries: key ``country/<iso2 lower>``; ISO 3166-1 alpha-2/alpha-3 from the row.
* States: rows without ``parent_id`` are first-level (kind ``admin1``), rows with one are
  ``admin2`` whose parent is that state.  Key ``admin1/<iso3166_2 lower>`` (``admin2/...``);
  if a code is missing or shared by several rows, the dr5hn id is appended.
  A name ending in its own type word ("Kunduz Province") gets the bare name as alias.
  ``native`` names are NOT used (ORIGIN.md: wrong for several Afghan provinces).
* Cities: key ``city/<cc>/<slug>``; name clashes in a country get ``-<state_code>``
  then ``-<id>``.  Parent = the state row (``state_id``).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from .model import Entry, Report, is_qid
from .normalize import clean, norm, slug

SOURCE = "dr5hn_csc"


def _qid(value: str | None) -> str | None:
    value = (value or "").strip()
    return value if is_qid(value) else None


def _coord(value: object) -> float | None:
    if value in (None, "", "NULL"):
        return None
    try:
        return round(float(value), 6)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def country_key(iso2: str) -> str:
    return f"country/{iso2.strip().lower()}"


def read_countries(path: Path, version: str, report: Report | None = None) -> list[Entry]:
    report = report if report is not None else Report()
    out: list[Entry] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, row in enumerate(csv.DictReader(fh), start=2):
            iso2 = (row.get("iso2") or "").strip()
            if not iso2:
                report.warn(f"{SOURCE}/countries.csv", f"row without iso2 skipped: {row.get('name')!r}", lineno)
                continue
            qid = _qid(row.get("wikiDataId"))
            if qid is None:
                report.warn(f"{SOURCE}/countries.csv", f"no QID for {row.get('name')!r}", lineno)
            out.append(
                Entry(
                    key=country_key(iso2),
                    kind="country",
                    label=clean(row["name"]),
                    qid=qid,
                    iso=iso2.upper(),
                    iso3=(row.get("iso3") or "").strip().upper() or None,
                    demonyms=tuple(dict.fromkeys(
                        clean(n) for n in (row.get("nationality") or "").split(",") if n.strip())),
                    lat=_coord(row.get("latitude")),
                    lon=_coord(row.get("longitude")),
                    source=SOURCE,
                    source_version=version,
                    source_id=row.get("id") or None,
                )
            )
    return out


def _state_aliases(name: str, type_word: str) -> tuple[str, ...]:
    if type_word and norm(name).endswith(" " + norm(type_word)):
        bare = clean(name[: len(name) - len(type_word)])
        if bare:
            return (bare,)
    return ()


def read_states(path: Path, version: str, report: Report | None = None) -> list[Entry]:
    report = report if report is not None else Report()
    with open(path, encoding="utf-8", newline="") as fh:
        rows = [(i, r) for i, r in enumerate(csv.DictReader(fh), start=2)]
    code_count = Counter((r.get("iso3166_2") or "").strip().lower() for _, r in rows)
    keys: dict[str, str] = {}  # dr5hn id -> key
    for _, r in rows:
        code = (r.get("iso3166_2") or "").strip().lower()
        kind = "admin2" if (r.get("parent_id") or "").strip() else "admin1"
        if not code:
            frag = f"{(r.get('country_code') or 'xx').lower()}-dr5hn{r['id']}"
        elif code_count[code] > 1:
            frag = f"{code}-dr5hn{r['id']}"
        else:
            frag = code
        keys[r["id"]] = f"{kind}/{frag}"
    out: list[Entry] = []
    for lineno, r in rows:
        parent_id = (r.get("parent_id") or "").strip()
        cc = (r.get("country_code") or "").strip()
        if parent_id and parent_id not in keys:
            report.warn(f"{SOURCE}/states.csv", f"parent_id {parent_id} not found for {r['name']!r}", lineno)
        qid = _qid(r.get("wikiDataId"))
        code = (r.get("iso3166_2") or "").strip().upper() or None
        if code and code_count[code.lower()] > 1:
            report.info(f"{SOURCE}/states.csv", f"ISO 3166-2 code {code} shared by several rows", lineno)
        type_word = clean(r.get("type") or "")
        out.append(
            Entry(
                key=keys[r["id"]],
                kind="admin2" if parent_id else "admin1",
                label=clean(r["name"]),
                qid=qid,
                aliases=_state_aliases(clean(r["name"]), type_word),
                country=country_key(cc) if cc else None,
                parent=keys.get(parent_id) if parent_id else (country_key(cc) if cc else None),
                iso=code,
                lat=_coord(r.get("latitude")),
                lon=_coord(r.get("longitude")),
                admin_type=type_word or None,
                source=SOURCE,
                source_version=version,
                source_id=r["id"],
            )
        )
    return out


def read_cities(paths: Iterable[Path], states: list[Entry], version: str,
                report: Report | None = None) -> list[Entry]:
    report = report if report is not None else Report()
    state_key = {e.source_id: e.key for e in states}
    rows: list[tuple[str, dict]] = []
    for p in sorted(paths):
        with open(p, encoding="utf-8") as fh:
            data = json.load(fh)
        if not isinstance(data, list):
            raise ValueError(f"{p}: expected a JSON array of cities")
        rows.extend((p.name, r) for r in data)
    rows.sort(key=lambda t: int(t[1]["id"]))
    base_count = Counter((r["country_code"], slug(r["name"])) for _, r in rows)
    state_count = Counter((r["country_code"], slug(r["name"]), r.get("state_code")) for _, r in rows)
    out: list[Entry] = []
    for fname, r in rows:
        cc = r["country_code"]
        s = slug(r["name"])
        key = f"city/{cc.lower()}/{s}"
        if base_count[(cc, s)] > 1:
            key += f"-{slug(str(r.get('state_code') or 'x'))}"
            if state_count[(cc, s, r.get("state_code"))] > 1:
                key += f"-{r['id']}"
        parent = state_key.get(str(r.get("state_id")))
        if parent is None:
            report.warn(f"{SOURCE}/cities/{fname}", f"state_id {r.get('state_id')} of {r['name']!r} not in states.csv")
        qid = _qid(r.get("wikiDataId"))
        out.append(
            Entry(
                key=key,
                kind="city",
                label=clean(r["name"]),
                qid=qid,
                country=country_key(cc),
                parent=parent or country_key(cc),
                lat=_coord(r.get("latitude")),
                lon=_coord(r.get("longitude")),
                admin_type=r.get("type") or None,
                source=SOURCE,
                source_version=version,
                source_id=str(r["id"]),
            )
        )
    return out
