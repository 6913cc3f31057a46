"""Build the gazetteer from the shared source folders and optional Wikidata files."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import afg, dr5hn
from .model import Entry, Report, SourceInfo
from .origin import origin_for, parse_origin, sha256_file
from .wikidata import WikidataEntity

AFG_FILE = "afg_provinces_districts/provinces-and-districts.json"


def default_shared_dir(repo_root: Path | None = None) -> Path:
    """``<repo root>/../shared`` (the CI layout); the repo root is found from this file."""
    root = repo_root or Path(__file__).resolve().parents[2]
    return root.parent / "shared"


@dataclass
class BuildResult:
    entries: list[Entry]
    sources: list[SourceInfo]
    report: Report = field(default_factory=Report)


def _licence(cell: str) -> str:
    return cell.split()[0] if cell else "unknown"


def build_shared(shared: Path, report: Report | None = None) -> BuildResult:
    """Countries, first-level (and dr5hn second-level) divisions, dr5hn cities and the
    Afghan districts from ``<shared>/gazetteer``."""
    report = report if report is not None else Report()
    gdir = Path(shared) / "gazetteer"
    if not gdir.is_dir():
        raise FileNotFoundError(f"{gdir} not found (expected the shared gazetteer sources)")
    origin_text = (gdir / "ORIGIN.md").read_text(encoding="utf-8")
    rows = parse_origin(origin_text)
    o_dr5hn, o_afg = origin_for(rows, "dr5hn_csc"), origin_for(rows, "afg_provinces_districts")
    if o_dr5hn is None or o_afg is None:
        raise ValueError(f"{gdir / 'ORIGIN.md'}: no provenance rows for dr5hn_csc / afg_provinces_districts")
    ddir = gdir / "dr5hn_csc"
    city_files = sorted((ddir / "cities").glob("*.json"))
    dr_files = [ddir / "countries.csv", ddir / "states.csv", *city_files]
    countries = dr5hn.read_countries(ddir / "countries.csv", o_dr5hn.commit, report)
    states = dr5hn.read_states(ddir / "states.csv", o_dr5hn.commit, report)
    cities = dr5hn.read_cities(city_files, states, o_dr5hn.commit, report)
    districts, prov_aliases = afg.read_afg(gdir / AFG_FILE, states, o_afg.commit, report)
    tag = f"{afg.SOURCE}@{o_afg.commit}"
    states = [
        s.with_(aliases=tuple(dict.fromkeys(s.aliases + prov_aliases[s.key])),
                extra_sources=s.extra_sources + (tag,))
        if s.key in prov_aliases else s
        for s in states
    ]
    _report_shared_qids([*countries, *states, *cities], report)
    sources = [
        SourceInfo(dr5hn.SOURCE, o_dr5hn.repo, o_dr5hn.commit, _licence(o_dr5hn.licence),
                   {str(p.relative_to(gdir)): sha256_file(p) for p in dr_files}),
        SourceInfo(afg.SOURCE, o_afg.repo, o_afg.commit, _licence(o_afg.licence),
                   {AFG_FILE: sha256_file(gdir / AFG_FILE)}),
    ]
    return BuildResult(countries + states + cities + districts, sources, report)


def _report_shared_qids(entries: list[Entry], report: Report) -> None:
    """One QID on several rows: expected across kinds (Puerto Rico is a dr5hn country and
    a US state), suspicious within one kind (two different towns) - warned, kept as given."""
    by: dict[tuple[str, str], list[str]] = {}
    for e in entries:
        if e.qid:
            by.setdefault((e.qid, e.kind), []).append(e.key)
    for (qid, kind), keys in sorted(by.items()):
        if len(keys) > 1:
            report.warn(dr5hn.SOURCE, f"{qid} is given to {len(keys)} {kind} rows: {', '.join(keys)}")


def merge_wikidata(result: BuildResult, entities: Iterable[WikidataEntity], source: SourceInfo,
                   *, keep_all: bool = False) -> BuildResult:
    """Add Wikidata entities (streamed) to a build.

    * an entity whose QID is already in the gazetteer enriches those entries: English
      aliases, P31/P17/P131, coordinates only where missing; the source is appended to
      ``extra_sources``;
    * otherwise it becomes a ``wd/<qid lower-case>`` entry if it has an English label and a place
      feature (P625, P131, P297 or P300; P17 alone is not one - languages and firms have it) - or always with ``keep_all``; kind
      ``country`` when it has an ISO 3166-1 code (P297), else ``place``;
    * P131/P17 are resolved to ``parent``/``country`` keys at the end when the target QID
      is in the gazetteer.
    """
    report = result.report
    tag = f"{source.id}@{source.commit}"
    by_qid: dict[str, list[int]] = {}
    entries = list(result.entries)
    for i, e in enumerate(entries):
        if e.qid:
            by_qid.setdefault(e.qid, []).append(i)
    added = enriched = skipped = 0
    for ent in entities:
        if ent.id in by_qid:
            for i in by_qid[ent.id]:
                e = entries[i]
                names = {e.label}
                aliases = tuple(dict.fromkeys(
                    [*e.aliases, *(a for a in ((ent.label,) if ent.label else ()) + ent.aliases
                                   if a not in names)]))
                lat, lon = (e.lat, e.lon) if e.lat is not None else (ent.coord or (None, None))
                entries[i] = e.with_(
                    aliases=aliases, lat=lat, lon=lon,
                    p31=tuple(dict.fromkeys(e.p31 + ent.p31)),
                    p17=tuple(dict.fromkeys(e.p17 + ent.p17)),
                    p131=tuple(dict.fromkeys(e.p131 + ent.p131)),
                    extra_sources=tuple(dict.fromkeys(e.extra_sources + (tag,))),
                )
            enriched += 1
            continue
        placey = ent.coord or ent.p131 or ent.p297 or ent.p300  # P17 alone: languages, firms...
        if ent.label is None or not (placey or keep_all):
            skipped += 1
            continue
        entries.append(Entry(
            key=f"wd/{ent.id.lower()}",  # keys are lower-case (annotation Link.key pattern)
            kind="country" if ent.p297 else "place",
            label=ent.label,
            qid=ent.id,
            aliases=tuple(a for a in ent.aliases if a != ent.label),
            iso=ent.p297 or ent.p300,
            lat=ent.coord[0] if ent.coord else None,
            lon=ent.coord[1] if ent.coord else None,
            p31=ent.p31, p17=ent.p17, p131=ent.p131,
            source=source.id, source_version=source.commit, source_id=ent.id,
        ))
        by_qid.setdefault(ent.id, []).append(len(entries) - 1)
        added += 1
    # resolve P131 / P17 to keys where the gazetteer has no parent yet
    primary = {q: entries[idx[0]].key for q, idx in by_qid.items()}
    kinds = {e.key: e.kind for e in entries}
    for i, e in enumerate(entries):
        if e.parent is None and e.p131:
            parent = next((primary[q] for q in e.p131 if q in primary and primary[q] != e.key), None)
            if parent:
                entries[i] = e = e.with_(parent=parent)
        if e.country is None and e.p17 and e.kind != "country":
            country = next((primary[q] for q in e.p17 if kinds.get(primary.get(q, "")) == "country"), None)
            if country:
                entries[i] = e = e.with_(country=country)
        if e.parent is None and e.country and e.kind != "country":
            entries[i] = e.with_(parent=e.country)
    report.info(source.id, f"wikidata: {added} added, {enriched} enriched, {skipped} skipped (no English label or no place feature)")
    return BuildResult(entries, [*result.sources, source], report)
