"""Ingest benchmark: many articles through the pipeline, against pyoxigraph's bare bulk load
of the same quads, in the same run.

    python bench/ingest_bench.py [--articles 200]

The articles are copies of the seed article with its curated annotation under distinct ids
(about 1,200 quads each). Two measurements:

* stages: map, validate and load timed per article (load in the pipeline's batches);
* end to end: ``ingest.pipeline.run`` over a folder of the copies -- read, load the curated
  YAML, link, map, validate, store -- as ``newskg ingest`` runs it.

The baseline is ``Store.bulk_extend`` of the same quads into an empty store. Memory is the
process's peak RSS sampled during the end-to-end run, to show it does not grow with the
number of articles. Prints medians and ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import pipeline  # noqa: E402
from ingest.article import Article, read_articles  # noqa: E402
from ingest.curation import load_annotation  # noqa: E402
from ingest.mapping import map_article  # noqa: E402
from ingest.validate import validate_quads  # noqa: E402

BASE = "https://w3id.org/newskg/id/"
SEED = ROOT / "seeds" / "000_73f83590a77fdeae"


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_folder(folder: Path, n: int) -> None:
    text = SEED.with_suffix(".txt").read_bytes()
    meta = json.loads(SEED.with_suffix(".meta.json").read_text(encoding="utf-8"))
    ann = (SEED.parent / (SEED.name + ".ann.yaml")).read_text(encoding="utf-8")
    for i in range(n):
        aid = f"bench-{i:05d}"
        (folder / f"{aid}.txt").write_bytes(text)
        (folder / f"{aid}.meta.json").write_text(json.dumps({**meta, "id": aid}), encoding="utf-8")
        (folder / f"{aid}.ann.yaml").write_text(ann.replace(f"article: {SEED.name}", f"article: {aid}"), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="worker processes for the parallel run")
    args = parser.parse_args()
    n = args.articles

    (seed,) = read_articles([SEED.with_suffix(".txt")])
    assert isinstance(seed, Article)
    annotation = load_annotation(seed.annotation_path, seed.text, seed.sha256)
    graphs = []
    for i in range(n):
        aid = f"bench-{i:05d}"
        graphs.append(map_article(replace(seed, meta=replace(seed.meta, id=aid)),
                                  annotation.model_copy(update={"article": aid}), BASE))
    validate_quads(graphs[0].quads)  # warm the shapes cache
    all_quads = [q for g in graphs for q in g.quads]
    q = len(all_quads)

    map_ms, val_ms = [], []
    for i, g in enumerate(graphs):
        aid = f"bench-{i:05d}"
        t0 = time.perf_counter()
        map_article(replace(seed, meta=replace(seed.meta, id=aid)), annotation.model_copy(update={"article": aid}), BASE)
        t1 = time.perf_counter()
        assert validate_quads(g.quads).conforms
        t2 = time.perf_counter()
        map_ms.append((t1 - t0) * 1e3)
        val_ms.append((t2 - t1) * 1e3)

    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        batched = ox.Store(str(tmp_path / "batched"))
        t0 = time.perf_counter()
        for start in range(0, n, pipeline.BATCH_ARTICLES):
            batched.extend([quad for g in graphs[start:start + pipeline.BATCH_ARTICLES] for quad in g.quads])
            batched.flush()
        load_s = time.perf_counter() - t0

        bulk = ox.Store(str(tmp_path / "bulk"))
        t0 = time.perf_counter()
        bulk.bulk_extend(all_quads)
        bulk_s = time.perf_counter() - t0

        folder = tmp_path / "articles"
        folder.mkdir()
        make_folder(folder, n)
        del graphs, all_quads
        marks = []
        e2e: dict[int, float] = {}
        for jobs in (1, args.jobs):
            store = ox.Store(str(tmp_path / f"pipeline-{jobs}"))
            t0 = time.perf_counter()
            stored = 0
            for outcome in pipeline.run([folder], BASE, store, jobs=jobs):
                assert outcome.status == "stored", outcome
                stored += 1
                if jobs == 1 and stored in {n // 4, n // 2, n}:
                    marks.append((stored, rss_mb()))
            e2e[jobs] = time.perf_counter() - t0
            del store
        shutil.rmtree(folder)
        e2e_s = min(e2e.values())

    map_med, val_med = statistics.median(map_ms), statistics.median(val_ms)
    load_per = load_s / n * 1e3
    total = map_med + val_med + load_per
    engine = os.environ.get("NEWSKG_SHACL_ENGINE", "default")
    print(f"{n} articles, {q:,} quads ({q // n} per article); SHACL engine: {engine}\n")
    print(f"{'stage':<34}{'ms/article':>12}{'share':>8}")
    for name, ms in (("map (annotation -> quads)", map_med), ("validate (SHACL), median", val_med),
                     (f"load (batches of {pipeline.BATCH_ARTICLES})", load_per)):
        print(f"{name:<34}{ms:>12.2f}{ms / total:>8.0%}")
    print()
    print(f"{'run':<44}{'seconds':>9}{'articles/s':>12}{'quads/s':>12}")
    for name, secs in (("end to end, 1 process (read..store)", e2e[1]),
                       (f"end to end, {args.jobs} worker processes", e2e[args.jobs]),
                       ("stages: map + validate + batched load", total * n / 1e3),
                       ("baseline: pyoxigraph bulk_extend", bulk_s)):
        print(f"{name:<44}{secs:>9.2f}{n / secs:>12.1f}{q / secs:>12,.0f}")
    print()
    print(f"ratio end to end / bulk load:        {e2e_s / bulk_s:6.1f}x  (goal <= 3x; best of the two runs)")
    print(f"ratio stages (map+validate+load) / bulk load: {total * n / 1e3 / bulk_s:6.1f}x")
    print(f"share of the stages spent in SHACL:  {val_med / total:6.0%}")
    print("end-to-end peak RSS (MB, 1 process) after n articles: " + ", ".join(f"{k}: {v:.0f}" for k, v in marks))


if __name__ == "__main__":
    main()
