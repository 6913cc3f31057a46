"""Gazetteer benchmark: Wikidata JSON dump reading/building throughput and peak memory,
gazetteer load time and lookup time per name.

    .venv/bin/python bench/gazetteer_bench.py [--entities 200000] [--gzip]

A dump of N synthetic place entities is written to a temp dir in the shape of the real
sample ../shared/wikidata/wdtk/mock-dump-for-testing.json (one entity per line inside
[ ], trailing commas), with labels/aliases/descriptions in 3 languages, P31, P17, P131 and
P625 claims and sitelinks (~1.3 kB a line). The synthetic ids (Q900000001...) and labels
exist only in the temp file. Each measurement runs in a fresh subprocess so that
ru_maxrss is that measurement's peak.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SAMPLE = REPO.parent / "shared" / "wikidata" / "wdtk" / "mock-dump-for-testing.json"


_TEMPLATE: dict = {}


def _template() -> dict:
    if not _TEMPLATE:
        _TEMPLATE.update(json.loads(SAMPLE.read_text().splitlines()[1].rstrip(",")))
    return _TEMPLATE


def synth_entity(i: int, rnd: random.Random) -> dict:
    template = _template()  # real item shape
    qid = f"Q{900000000 + i}"
    ent = {k: template[k] for k in ("type",)}

    def item(prop: str, n: int) -> dict:
        return {"rank": "normal", "type": "statement", "id": f"{qid}${prop}-{n}",
                "mainsnak": {"snaktype": "value", "property": prop, "datatype": "wikibase-item",
                             "datavalue": {"type": "wikibase-entityid",
                                           "value": {"entity-type": "item", "numeric-id": n, "id": f"Q{n}"}}}}

    name = f"Synthplace {i}"
    ent.update({
        "id": qid,
        "labels": {lang: {"language": lang, "value": name} for lang in ("en", "de", "fr")},
        "aliases": {"en": [{"language": "en", "value": f"Synth {i}"}, {"language": "en", "value": f"SP-{i}"}],
                    "de": [{"language": "de", "value": f"Synthort {i}"}]},
        "descriptions": {lang: {"language": lang, "value": f"synthetic benchmark place number {i}"}
                         for lang in ("en", "de", "fr")},
        "sitelinks": {w: {"site": w, "title": name, "badges": []} for w in ("enwiki", "dewiki", "frwiki")},
        "claims": {
            "P31": [item("P31", 910000000 + i % 7)],
            "P17": [item("P17", 920000000 + i % 50)],
            "P131": [item("P131", 900000000 + rnd.randrange(max(i, 1)))],
            "P625": [{"rank": "normal", "type": "statement", "id": f"{qid}$P625",
                      "mainsnak": {"snaktype": "value", "property": "P625", "datatype": "globe-coordinate",
                                   "datavalue": {"type": "globecoordinate", "value": {
                                       "latitude": rnd.uniform(-60, 70), "longitude": rnd.uniform(-180, 180),
                                       "altitude": None, "precision": 0.0001,
                                       "globe": "http://www.wikidata.org/entity/Q2"}}}}],
        },
    })
    return ent


def write_dump(path: Path, n: int, compress: bool) -> None:
    rnd = random.Random(42)
    opener = gzip.open if compress else open
    with opener(path, "wt", encoding="utf-8") as fh:
        fh.write("[\n")
        for i in range(1, n + 1):
            fh.write(json.dumps(synth_entity(i, rnd), separators=(",", ":")) + (",\n" if i < n else "\n"))
        fh.write("]\n")


def child(mode: str, path: str) -> None:
    from ingest.gazetteer.build import BuildResult, merge_wikidata
    from ingest.gazetteer.model import Report, SourceInfo
    from ingest.gazetteer.store import read_gazetteer, render
    from ingest.gazetteer.wikidata import iter_dump

    t = time.perf_counter()
    rep = Report()
    if mode == "read":
        n = sum(1 for _ in iter_dump(path, rep))
        extra = ""
    else:  # build: shipped gazetteer + dump -> rendered file in memory
        header, entries = read_gazetteer(REPO / "ingest/gazetteer/data/gazetteer.jsonl")
        base = BuildResult(entries, [SourceInfo(**s) for s in header["sources"]], rep)
        counter = [0]

        def counted():
            for e in iter_dump(path, rep):
                counter[0] += 1
                yield e

        res = merge_wikidata(base, counted(), SourceInfo("bench", "synthetic", "0", "CC0-1.0"))
        data = render(res.entries, res.sources)
        n = counter[0]
        extra = f"{len(res.entries)} entries, {len(data) / 1e6:.1f} MB out"
    dt = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB
    print(json.dumps({"mode": mode, "n": n, "seconds": dt, "rss_mb": rss, "extra": extra}))


def run_child(mode: str, path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, str(path)], check=True,
                         capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def bench_lookup() -> list[tuple[str, float, str]]:
    from ingest.gazetteer import Gazetteer
    from ingest.gazetteer.store import DEFAULT_PATH

    t = time.perf_counter()
    g = Gazetteer.load(DEFAULT_PATH)
    load = time.perf_counter() - t
    rows = [("load shipped gazetteer (s)", load, f"{len(g)} entries")]
    for name in ["Takhar", "Darqad", "Dasht-e Qala", "Kunduz Province", "Tajik", "Badakshan", "Tahara"]:
        reps = 200
        t = time.perf_counter()
        for _ in range(reps):
            ms = g.lookup(name, context_keys=["country/af"])
        per = (time.perf_counter() - t) / reps
        rows.append((f"lookup {name!r} (us)", per * 1e6, f"{ms[0].key} {ms[0].method}" if ms else "no match"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--entities", type=int, default=200_000)
    ap.add_argument("--gzip", action="store_true")
    ap.add_argument("--child", nargs=2)
    args = ap.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / ("dump.json.gz" if args.gzip else "dump.json")
        t = time.perf_counter()
        write_dump(path, args.entities, args.gzip)
        size = path.stat().st_size
        print(f"synthetic dump: {args.entities} entities, {size / 1e6:.1f} MB"
              f"{' gzip' if args.gzip else ''}, written in {time.perf_counter() - t:.1f} s")
        print(f"{'measurement':32} {'entities/s':>12} {'seconds':>8} {'peak RSS MB':>12}  note")
        for mode in ("read", "build"):
            r = run_child(mode, path)
            print(f"{'dump ' + mode:32} {r['n'] / r['seconds']:12,.0f} {r['seconds']:8.2f} {r['rss_mb']:12.1f}  {r['extra']}")
    for label, val, note in bench_lookup():
        print(f"{label:32} {val:12,.1f} {'':8} {'':12}  {note}")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus")


if __name__ == "__main__":
    main()
