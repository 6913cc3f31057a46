"""Speed benchmark of automatic extraction on the Wikinews corpus.

    .venv/bin/python bench/extract_bench.py [--corpus DIR] [--processes N] [--batch-size B] [--limit N]

Reads every article of the Wikinews CSVs (``/work/shared/corpus/wikinews`` or
``../shared/corpus/wikinews`` relative to the repository root), then times, on the same texts:

* bare spaCy: ``nlp.pipe`` over the prepared text pieces, nothing else;
* the whole extractor: ``ingest.extract.extract_many`` (text preparation, ``nlp.pipe``, the
  rules, building and validating the annotation model);
* optionally (``--map``) the extractor plus the RDF mapping of every annotation.

Each run uses the same batch size and number of processes. Peak resident memory is sampled
after each quarter of the articles so that growth with the number of articles shows.
Prints a table; ``--json`` prints the numbers as JSON too.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import resource
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.article import Article, ArticleMeta  # noqa: E402


def corpus_dir(given: str | None) -> Path:
    for cand in ([Path(given)] if given else []) + [Path("/work/shared/corpus/wikinews"), ROOT.parent / "shared" / "corpus" / "wikinews"]:
        if cand.is_dir():
            return cand
    raise SystemExit("Wikinews corpus not found (give --corpus)")


def read_corpus(folder: Path) -> list[Article]:
    csv.field_size_limit(10_000_000)
    out = []
    for path in sorted(folder.glob("*.csv")):
        year = "".join(c for c in path.stem if c.isdigit())[-4:] or path.stem
        with path.open(encoding="utf-8", newline="") as handle:
            for row_no, row in enumerate(csv.DictReader(handle)):
                text = row.get("text") or ""
                if not text.strip():
                    continue
                try:
                    published = dt.date.fromisoformat((row.get("date") or "")[:10])
                except ValueError:
                    published = None
                meta = ArticleMeta(id=f"wn{year}_{row_no:03d}", title=row.get("title") or None,
                                   publisher="Wikinews", published=published, url=row.get("url") or None)
                out.append(Article(meta, text, path, line=row_no + 2))
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus")
    ap.add_argument("--processes", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--map", action="store_true", help="also map every annotation to RDF")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from ingest.extract import ExtractionWarning, extract_many
    from ingest.extract.pipeline import chunks, load_pipeline, prepare

    warnings.simplefilter("ignore", ExtractionWarning)
    articles = read_corpus(corpus_dir(args.corpus))
    if args.limit:
        articles = articles[: args.limit]
    n = len(articles)
    chars = sum(len(a.text) for a in articles)
    nlp = load_pipeline()
    list(nlp.pipe(["Warm-up sentence."]))
    rows = []

    # bare spaCy on the same pieces of text
    texts = []
    for a in articles:
        p = prepare(a.text)
        texts += [p.text[s:e] for s, e in chunks(p.text, p.limit)]
    t0 = time.perf_counter()
    for _doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=args.processes):
        pass
    bare = time.perf_counter() - t0
    rows.append(("bare spaCy nlp.pipe", bare, None))

    # the whole extractor
    mem = []
    t0 = time.perf_counter()
    counts = {"statements": 0, "events": 0, "casualties": 0, "failed": 0}
    for i, ann in enumerate(extract_many(articles, nlp=nlp, batch_size=args.batch_size, n_process=args.processes), 1):
        counts["statements"] += len(ann.statements)
        counts["events"] += len(ann.events)
        counts["casualties"] += len(ann.casualties)
        if ann.provenance.note and "extraction failed" in ann.provenance.note:
            counts["failed"] += 1
        if i % max(1, n // 4) == 0:
            mem.append((i, round(peak_mb(), 1)))
    full = time.perf_counter() - t0
    rows.append(("extractor (extract_many)", full, full / bare if bare else None))

    if args.map:
        from ingest.mapping import map_article

        t0 = time.perf_counter()
        quads = 0
        for a, ann in zip(articles, extract_many(articles, nlp=nlp, batch_size=args.batch_size, n_process=args.processes), strict=True):
            quads += len(map_article(a, ann, "https://newskg.example/").quads)
        mapped = time.perf_counter() - t0
        rows.append(("extractor + RDF mapping", mapped, mapped / bare if bare else None))

    print(f"{n} articles, {chars:,} characters, {args.processes} process(es), batch size {args.batch_size}, pipeline {nlp.meta.get('name')}-{nlp.meta.get('version')}")
    print(f"{'run':<28} {'seconds':>8} {'articles/s':>11} {'chars/s':>10} {'vs bare':>8}")
    for name, secs, ratio in rows:
        print(f"{name:<28} {secs:8.2f} {n / secs:11.1f} {chars / secs:10,.0f} {('%.2fx' % ratio) if ratio else '':>8}")
    overhead = (full / bare - 1) * 100 if bare else float("nan")
    print(f"rules overhead over bare spaCy: {overhead:+.1f}% (goal: <= +20%)")
    print("peak RSS of the main process (MB) after k articles: " + ", ".join(f"{k}: {m}" for k, m in mem))
    print(f"output: {counts['statements']} statements, {counts['events']} events, {counts['casualties']} casualty figures, {counts['failed']} failed articles")
    if args.json:
        print(json.dumps({"articles": n, "chars": chars, "processes": args.processes, "batch_size": args.batch_size,
                          "runs": [{"name": r[0], "seconds": round(r[1], 3), "ratio": r[2]} for r in rows],
                          "overhead_pct": round(overhead, 1), "peak_rss_mb": mem, "counts": counts}))


if __name__ == "__main__":
    main()
