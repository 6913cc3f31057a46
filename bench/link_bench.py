"""Linking benchmark: what the link stage adds to per-article extraction time.

    .venv/bin/python bench/link_bench.py [--repeat 5]

On the 16 articles with gold annotations (seeds/ and tests/gold/wikinews/), per article:

* extract - ``ingest.extract.extract`` (spaCy + rules), when the extractor is available;
* link(extracted) - ``ingest.link.link`` on that extracted annotation (what the pipeline
  runs for an article without a curated file);
* link(gold) - ``link`` on the curated annotation with its links removed (more places,
  every tier and the context passes exercised);
* map - ``ingest.mapping.map_article`` of the linked gold annotation (the reference when the
  extractor is unavailable).

Each figure is the median of ``--repeat`` runs after one warm-up (the gazetteer and the spaCy
pipeline are loaded once, outside the timings).  Goal: linking adds at most 10% to
per-article extraction time.  Offline only (the online lookup is never enabled here).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.pop("NEWSKG_WIKIDATA_ONLINE", None)

from ingest.gazetteer import Gazetteer  # noqa: E402
from ingest.gazetteer.evaluate import gold_annotations, strip_links  # noqa: E402
from ingest.link import link  # noqa: E402
from ingest.mapping import map_article  # noqa: E402

BASE = "https://w3id.org/newskg/id/"


def timed(fn, repeat: int) -> tuple[float, object]:  # noqa: ANN001
    fn()  # warm-up
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    t0 = time.perf_counter()
    gaz = Gazetteer.load()
    load_gaz = time.perf_counter() - t0
    try:
        from ingest.extract import extract, load_pipeline

        t0 = time.perf_counter()
        nlp = load_pipeline()
        load_nlp = time.perf_counter() - t0
    except Exception as err:  # noqa: BLE001 - the benchmark still compares with mapping
        print(f"extractor unavailable ({err}); comparing with mapping time only", file=sys.stderr)
        extract, nlp, load_nlp = None, None, None

    pairs = gold_annotations()
    rows = []
    for article, gold in pairs:
        stripped = strip_links(gold)
        t_link_gold, linked_gold = timed(lambda: link(stripped, gaz, online=False), args.repeat)
        t_map, _ = timed(lambda: map_article(article, linked_gold, BASE), args.repeat)
        t_ext = t_link_ext = None
        if extract is not None:
            t_ext, extracted = timed(lambda: extract(article, nlp), max(1, args.repeat // 2))
            t_link_ext, _ = timed(lambda: link(extracted, gaz, online=False), args.repeat)
        rows.append((article.id, len(article.text), t_ext, t_link_ext, t_link_gold, t_map))

    ms = lambda s: f"{1000 * s:9.2f}" if s is not None else f"{'-':>9}"  # noqa: E731
    print(f"gazetteer load {load_gaz:.2f} s" + (f", spaCy pipeline load {load_nlp:.2f} s" if load_nlp else "")
          + f"; {len(rows)} articles, median of {args.repeat} runs each (ms)\n")
    print(f"{'article':22} {'chars':>6} {'extract':>9} {'link(ext)':>9} {'link(gold)':>10} {'map':>9} {'link/extract':>12}")
    for aid, n, te, tle, tlg, tm in rows:
        ratio = f"{100 * max(tle, tlg) / te:11.1f}%" if te else f"{'-':>12}"
        print(f"{aid:22} {n:6d} {ms(te)} {ms(tle)} {ms(tlg):>10} {ms(tm)} {ratio}")
    med = lambda i: statistics.median(r[i] for r in rows) if rows[0][i] is not None else None  # noqa: E731
    te, tle, tlg, tm = med(2), med(3), med(4), med(5)
    print(f"{'median':22} {'':6} {ms(te)} {ms(tle)} {ms(tlg):>10} {ms(tm)}")
    print()
    if te:
        total_e = sum(r[2] for r in rows)
        print(f"linking / extraction, medians:  extracted annotation {100 * tle / te:.1f}%, "
              f"gold annotation {100 * tlg / te:.1f}%")
        print(f"linking / extraction, totals:   extracted annotation {100 * sum(r[3] for r in rows) / total_e:.1f}%, "
              f"gold annotation {100 * sum(r[4] for r in rows) / total_e:.1f}%")
        worst = max(max(r[3], r[4]) / r[2] for r in rows)
        print(f"worst article: {100 * worst:.1f}%   goal: <= 10%  ->  {'met' if worst <= 0.10 else 'NOT met'}")
    print(f"linking / mapping, medians:     gold annotation {100 * tlg / tm:.1f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
