"""Ingest benchmark: many articles' annotations through map -> validate -> load, against
pyoxigraph's bare bulk load of the same quads, in the same run.

    python bench/ingest_bench.py [--articles 200]

The articles are copies of the seed article and its curated annotation under distinct ids,
so every one maps to the same ~1,200 quads in its own graphs. Prints a table of medians and
the ratios; memory is the process's peak RSS sampled as the run goes, to show it does not
grow with the number of articles.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest.article import Article, read_articles  # noqa: E402
from ingest.curation import load_annotation  # noqa: E402
from ingest.mapping import map_article  # noqa: E402
from ingest.pipeline import FLUSH_EVERY  # noqa: E402
from ingest.store import replace_article  # noqa: E402
from ingest.validate import core_shapes, validate_quads  # noqa: E402

BASE = "https://w3id.org/newskg/id/"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()

    (seed,) = read_articles([ROOT / "seeds" / "000_73f83590a77fdeae.txt"])
    assert isinstance(seed, Article)
    annotation = load_annotation(seed.annotation_path, seed.text, seed.sha256)
    core_shapes()

    map_ms, shacl_ms, load_ms = [], [], []
    quad_count = 0
    rss_marks = []
    with tempfile.TemporaryDirectory() as tmp:
        store = ox.Store(str(Path(tmp) / "pipeline"))
        start = time.perf_counter()
        for i in range(args.articles):
            aid = f"bench-{i:05d}"
            article = replace(seed, meta=replace(seed.meta, id=aid))
            t0 = time.perf_counter()
            graph = map_article(article, annotation.model_copy(update={"article": aid}), BASE)
            t1 = time.perf_counter()
            report = validate_quads(graph.quads)
            t2 = time.perf_counter()
            assert report.conforms
            replace_article(store, BASE, graph)
            if (i + 1) % FLUSH_EVERY == 0:
                store.flush()  # as ingest.pipeline.run does
            t3 = time.perf_counter()
            map_ms.append((t1 - t0) * 1e3)
            shacl_ms.append((t2 - t1) * 1e3)
            load_ms.append((t3 - t2) * 1e3)
            quad_count += len(graph.quads)
            if i + 1 in {args.articles // 4, args.articles // 2, args.articles}:
                rss_marks.append((i + 1, rss_mb()))
        pipeline_s = time.perf_counter() - start

        # The baseline's quads are made after the pipeline run, so that the pipeline's memory
        # readings above are not inflated by them.
        all_quads: list[ox.Quad] = []
        for i in range(args.articles):
            aid = f"bench-{i:05d}"
            article = replace(seed, meta=replace(seed.meta, id=aid))
            all_quads.extend(map_article(article, annotation.model_copy(update={"article": aid}), BASE).quads)
        assert len(all_quads) == quad_count
        bulk = ox.Store(str(Path(tmp) / "bulk"))
        t0 = time.perf_counter()
        bulk.bulk_extend(all_quads)
        bulk_s = time.perf_counter() - t0
        per_article_bulk = ox.Store(str(Path(tmp) / "bulk-per-article"))
        t0 = time.perf_counter()
        size = len(all_quads) // args.articles
        for i in range(args.articles):
            per_article_bulk.extend(all_quads[i * size : (i + 1) * size])
        extend_s = time.perf_counter() - t0

    n, q = args.articles, len(all_quads)
    total_median = statistics.median(a + b + c for a, b, c in zip(map_ms, shacl_ms, load_ms))
    print(f"{n} articles, {q:,} quads ({q // n} per article)\n")
    print(f"{'stage':<28}{'median ms/article':>18}{'share':>8}")
    for name, values in (("map (annotation -> quads)", map_ms), ("validate (pySHACL)", shacl_ms), ("load (atomic replace)", load_ms)):
        print(f"{name:<28}{statistics.median(values):>18.2f}{statistics.median(values) / total_median:>8.0%}")
    print()
    print(f"{'run':<40}{'seconds':>9}{'articles/s':>12}{'quads/s':>12}")
    for name, secs in (("whole pipeline (map+validate+load)", pipeline_s),
                       ("pipeline without SHACL (map+load)", (sum(map_ms) + sum(load_ms)) / 1e3),
                       ("baseline: pyoxigraph bulk_extend", bulk_s),
                       ("baseline: pyoxigraph extend per article", extend_s)):
        print(f"{name:<40}{secs:>9.2f}{n / secs:>12.1f}{q / secs:>12,.0f}")
    print()
    print(f"ratio whole pipeline / bulk load:        {pipeline_s / bulk_s:8.1f}x  (goal <= 3x)")
    print(f"ratio pipeline without SHACL / bulk load: {(sum(map_ms) + sum(load_ms)) / 1e3 / bulk_s:7.1f}x")
    print(f"share of the pipeline spent in SHACL:    {sum(shacl_ms) / 1e3 / pipeline_s:8.0%}")
    print("pipeline peak RSS (MB) after n articles: " + ", ".join(f"{k}: {v:.0f}" for k, v in rss_marks))


if __name__ == "__main__":
    main()
