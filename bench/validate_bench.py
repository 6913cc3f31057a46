"""Validation benchmark: one pySHACL run over the whole graph against newskg's per-article
validation (pySHACL and the fast engine, one process) and the full parallel `newskg validate`
run, on synthetic collections of 10k and 100k triples (``--big`` adds 1M), in the same run.

    python bench/validate_bench.py [--sizes 10000 100000] [--big] [--skip-whole-above N]

The collection is realistic data: the curated annotations of every seed article, mapped
again and again under renamed article ids (``bench-00042-003``), so each copy is a real
article of ~600 to ~1,900 quads in its own graphs. Prints a table of medians and ratios;
memory is the peak RSS of the validating worker processes, the
validate run being started in a fresh process as the command is.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import resource
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ingest import checks  # noqa: E402
from ingest.article import Article, read_articles  # noqa: E402
from ingest.curation import load_annotation  # noqa: E402
from ingest.mapping import map_article  # noqa: E402
from ingest.validate import (  # noqa: E402
    ShapeSpec, core_shapes, to_rdflib, validate_graph, validate_quads,
)

BASE = "https://w3id.org/newskg/id/"


def templates() -> list[tuple[Article, object]]:
    out = []
    for item in read_articles([ROOT / "seeds"]):
        assert isinstance(item, Article) and item.annotation_path is not None
        out.append((item, load_annotation(item.annotation_path, item.text, item.sha256)))
    return out


def articles(n_triples: int):  # noqa: ANN201 - yields (id, quads)
    """Articles until the collection holds about ``n_triples`` quads."""
    tpl = templates()
    total, i = 0, 0
    while total < n_triples:
        article, annotation = tpl[i % len(tpl)]
        aid = f"bench-{i:05d}-{article.id[:3]}"
        copy = replace(article, meta=replace(article.meta, id=aid))
        graph = map_article(copy, annotation.model_copy(update={"article": aid}), BASE)  # type: ignore[attr-defined]
        total += len(graph.quads)
        i += 1
        yield aid, graph.quads


def rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def run_validate(nq: str, engine: str, jobs: int) -> tuple[float, int, bool, float]:
    """`newskg validate nq`: seconds, results, any failed, peak RSS of its worker processes."""
    spec = ShapeSpec(ShapeSpec().files, engine, ())
    t0 = time.perf_counter()
    results = checks.run([Path(nq)], None, checks.Options(BASE, spec, jobs))
    seconds = time.perf_counter() - t0
    return seconds, len(results), any(r.failed() for r in results), rss_mb(resource.RUSAGE_CHILDREN)


def bench(size: int, jobs: int, whole: bool, sample: int) -> dict[str, object]:
    row: dict[str, object] = {"size": size}
    with tempfile.TemporaryDirectory() as tmp:
        nq = Path(tmp) / "collection.nq"
        count, n_articles, per_article = 0, 0, []
        with nq.open("wb") as fh:
            for aid, quads in articles(size):
                fh.write(ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"")
                count += len(quads)
                n_articles += 1
                if len(per_article) < sample:
                    per_article.append(quads)
        row.update(triples=count, articles=n_articles)

        # per-article latency, one process: what ingest pays per article
        core_shapes()
        for engine in ("pyshacl", "fast"):
            validate_quads(per_article[0], engine=engine)  # warm up (compile, caches)
            times = []
            for quads in per_article:
                t0 = time.perf_counter()
                report = validate_quads(quads, engine=engine)
                times.append((time.perf_counter() - t0) * 1e3)
                assert report.conforms
            row[f"{engine}_p50_ms"] = statistics.median(times)

        # the full `newskg validate collection.nq` run: per article, in `jobs` processes
        # in a fresh process, as the command runs: forked workers start with their parent's
        # resident memory, so run here they would also carry this benchmark's own
        workers_rss = 0.0
        for engine in ("fast", "pyshacl") if size <= 10_000 else ("fast",):
            ctx = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as one:
                seconds, n_results, failed, rss = one.submit(run_validate, str(nq), engine, jobs).result()
            row[f"run_{engine}_s"] = seconds
            workers_rss = max(workers_rss, rss)
            assert n_results == n_articles and not failed
        row["workers_rss_mb"] = workers_rss

        # one pySHACL run over the whole graph
        if whole:
            t0 = time.perf_counter()
            store = ox.Store()
            store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
            data = to_rdflib(store.quads_for_pattern(None, None, None))
            report = validate_graph(data, core_shapes())
            row["whole_pyshacl_s"] = time.perf_counter() - t0
            assert report.conforms
            del data, store
    row["main_rss_mb"] = rss_mb()
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--big", action="store_true", help="add a 1M-triple collection")
    parser.add_argument("--jobs", type=int, default=checks.default_jobs())
    parser.add_argument("--skip-whole-above", type=int, default=150_000,
                        help="skip the whole-graph pySHACL run above this many triples (it takes minutes)")
    parser.add_argument("--sample", type=int, default=30, help="articles timed one by one")
    args = parser.parse_args()
    sizes = args.sizes + ([1_000_000] if args.big else [])
    rows = [bench(s, args.jobs, s <= args.skip_whole_above, args.sample) for s in sizes]

    print(f"\nnewskg validate benchmark ({os.cpu_count()} cores, {args.jobs} workers; medians)\n")
    print("| triples | articles | per article pySHACL | per article fast | speed-up | "
          "whole graph pySHACL | newskg validate (fast, parallel) | ratio | newskg validate (pySHACL, parallel) | "
          "worker peak RSS |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        whole = r.get("whole_pyshacl_s")
        run_fast = r["run_fast_s"]
        ratio = f"{whole / run_fast:.1f}x" if whole else "n/a"
        run_py = f"{r['run_pyshacl_s']:.1f} s" if "run_pyshacl_s" in r else "n/a"
        print(f"| {r['triples']:,} | {r['articles']:,} | {r['pyshacl_p50_ms']:.0f} ms | {r['fast_p50_ms']:.1f} ms | "
              f"{r['pyshacl_p50_ms'] / r['fast_p50_ms']:.0f}x | "
              f"{f'{whole:.1f} s' if whole else 'skipped'} | {run_fast:.1f} s | {ratio} | {run_py} | "
              f"{r['workers_rss_mb']:.0f} MB |")


if __name__ == "__main__":
    main()
