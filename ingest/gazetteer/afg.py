"""Reader for abubaker47/afghanistan-provinces-districts-villages (MIT)
``provinces-and-districts.json``: 34 provinces (+ an "N/A" bucket) with districts, no QIDs.

Province join to dr5hn's Afghan states (tested in tests/gazetteer/test_afg.py):

1. ``norm`` of the province name equals ``norm`` of the dr5hn name or of its bare alias
   ("Ghor" = "Ghōr", "Kunduz" = "Kunduz Province");
2. otherwise the reviewed crosswalk ``PROVINCE_CROSSWALK`` (spelling -> ISO 3166-2 code,
   the code then looked up in dr5hn).  No fuzzy join: "Paktya" vs "Paktika" would be a trap;
3. otherwise the province is reported as unjoined and its districts are skipped.
   A join must be one-to-one; a second province joining the same state is an error.

District cleaning (each rule counted in the report):

* D1 whitespace trimmed/collapsed, trailing "." removed;
* D2 a double space inside the raw name marks a garbled suffix; the part before it is the
  name ("Darqad  bad" -> "Darqad"; the Dari name درقد has no suffix either);
* D3 "X (Y)" -> label X, alias Y ("Kuz Kunar (Khewa)");
* D4 placeholders ("N/A") and numbered urban police districts ("PD 7", "District 6",
  "3rd City District", "Zone 9") are skipped - they are city nahias without coordinates;
* D5 coordinates 0/0 mean "unknown" -> none;
* D6 the same cleaned name twice in one province ("Nijrab", "Nijrab.") is one district:
  the record with coordinates (then the lower id) is kept, the other reported;
* keys ``af-district/<province slug>/<district slug>``.  The province slug is the slug of the dr5hn name without its
  type word ("Kunduz Province" -> "kunduz"), so it is stable across the two sources.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .model import Entry, Report
from .normalize import clean, norm, slug

SOURCE = "afg_provinces_districts"

# Reviewed by hand against dr5hn states.csv (name, ISO 3166-2).  Spelling -> code.
PROVINCE_CROSSWALK: dict[str, str] = {
    "Joz jan": "AF-JOW",  # Jowzjan
    "Daikundi": "AF-DAY",  # Daykundi
    "Sar e pul": "AF-SAR",  # Sar-e Pol
    "Kundoz": "AF-KDZ",  # Kunduz Province
    "Nimroz": "AF-NIM",  # Nimruz
    "Panjsher": "AF-PAN",  # Panjshir
    "Paktya": "AF-PIA",  # Paktia (NOT Paktika, AF-PKA)
}

_PLACEHOLDER = re.compile(r"^n\s*/\s*a$", re.I)
_URBAN = re.compile(
    r"^(?:(?:pd|zone|(?:city )?district)\s*\d+"
    r"|\d+\s*pd"
    r"|\d+(?:st|nd|rd|th)\s+(?:city\s+)?district)$",
    re.I,
)
_PAREN = re.compile(r"^(?P<main>[^()]+?)\s*\(\s*(?P<alt>[^()]+?)\s*\)$")


def province_slug(state: Entry) -> str:
    name = state.aliases[0] if state.aliases else state.label
    return slug(name)


def clean_district_name(raw: str) -> tuple[str | None, tuple[str, ...], str]:
    """Return (label or None if skipped, aliases, rule tag)."""
    rule = "D1"
    name = raw.strip()
    if "  " in name:
        rule = "D2"
        name = name.split("  ", 1)[0]
    name = clean(name).rstrip(".").strip()
    if not name or _PLACEHOLDER.match(name):
        return None, (), "D4-placeholder"
    if _URBAN.match(name):
        return None, (), "D4-urban"
    m = _PAREN.match(name)
    if m:
        return clean(m["main"]), (clean(m["alt"]),), "D3"
    return name, (), rule


def _coord(value: object) -> float | None:
    try:
        f = round(float(value), 6)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return f


def join_province(name: str, af_states: list[Entry]) -> tuple[Entry | None, str]:
    n = norm(name)
    for st in af_states:
        if n in {norm(x) for x in st.names}:
            return st, "name"
    code = PROVINCE_CROSSWALK.get(clean(name))
    if code:
        for st in af_states:
            if st.iso == code:
                return st, "crosswalk"
    return None, "unjoined"


def read_afg(path: Path, af_states: list[Entry], version: str,
             report: Report | None = None) -> tuple[list[Entry], dict[str, tuple[str, ...]]]:
    """Districts as entries, plus extra aliases for the joined dr5hn provinces
    (the source's own spelling, e.g. "Paktya" for Paktia) keyed by state key."""
    report = report if report is not None else Report()
    src = f"{SOURCE}/{path.name}"
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON array of provinces")
    admin1 = [e for e in af_states if e.kind == "admin1" and e.country == "country/af"]
    joined_to: dict[str, str] = {}
    province_aliases: dict[str, tuple[str, ...]] = {}
    out: list[Entry] = []
    stats: dict[str, int] = {}
    for prov in data:
        pname = clean(str(prov.get("name", "")))
        state, how = join_province(pname, admin1)
        if state is None:
            report.warn(src, f"province {pname!r} (id {prov.get('id')}) not joined to dr5hn; "
                             f"{len(prov.get('districts') or [])} districts skipped")
            continue
        if state.key in joined_to:
            raise ValueError(f"{src}: provinces {joined_to[state.key]!r} and {pname!r} both join {state.key}")
        joined_to[state.key] = pname
        report.info(src, f"province {pname!r} -> {state.key} ({how})")
        if norm(pname) not in {norm(x) for x in state.names}:
            province_aliases[state.key] = (pname,)
        pslug = province_slug(state)
        chosen: dict[str, Entry] = {}
        for d in prov.get("districts") or []:
            raw = str(d.get("name", ""))
            label, aliases, rule = clean_district_name(raw)
            stats[rule] = stats.get(rule, 0) + 1
            if label is None:
                report.info(src, f"district {raw!r} in {pname} skipped ({rule})")
                continue
            key = f"af-district/{pslug}/{slug(label)}"
            lat, lon = _coord(d.get("latitude")), _coord(d.get("longitude"))
            if not lat and not lon:
                lat = lon = None
            entry = Entry(
                key=key,
                kind="district",
                label=label,
                aliases=aliases,
                country="country/af",
                parent=state.key,
                lat=lat,
                lon=lon,
                source=SOURCE,
                source_version=version,
                source_id=str(d.get("id")),
                source_name=raw if raw != label else None,
            )
            old = chosen.get(key)
            if old is not None:
                keep, drop = (old, entry) if (old.lat is not None or entry.lat is None) else (entry, old)
                stats["D6"] = stats.get("D6", 0) + 1
                report.info(src, f"district {drop.source_name or drop.label!r} (id {drop.source_id}) in "
                                 f"{pname} duplicates id {keep.source_id}; skipped (D6)")
                chosen[key] = keep
            else:
                chosen[key] = entry
        out.extend(chosen.values())
    for st in admin1:
        if st.key not in joined_to:
            report.warn(src, f"dr5hn province {st.label!r} ({st.key}) has no district list")
    report.info(src, "district rules: " + ", ".join(f"{k}={v}" for k, v in sorted(stats.items())))
    return out, province_aliases
