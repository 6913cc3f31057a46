"""Run the extractor over the whole Wikinews corpus and check every result end to end:
no crash, every span exact, the annotation maps to RDF, linking applies, and the graph passes
the core SHACL shapes (ingest.pipeline's own annotate -> link -> map -> validate path).

    .venv/bin/python bench/extract_corpus_check.py [--corpus DIR] [--limit N]
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from extract_bench import corpus_dir, read_corpus  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()

    from ingest.extract import ExtractionWarning, extract_many
    from ingest.link import link as link_entities
    from ingest.mapping import map_article
    from ingest.model import check_spans
    from ingest.validate import core_shapes, validate_quads

    warnings.simplefilter("ignore", ExtractionWarning)
    articles = read_corpus(corpus_dir(args.corpus))
    if args.limit:
        articles = articles[: args.limit]
    shapes = core_shapes()
    problems: collections.Counter[str] = collections.Counter()
    failures = []
    t0 = time.perf_counter()
    for article, ann in zip(articles, extract_many(articles), strict=True):
        if ann.provenance.note and "extraction failed" in ann.provenance.note:
            failures.append((article.id, "crash", [ann.provenance.note]))
            continue
        try:
            spans = check_spans(ann, article.text)
            if spans:
                failures.append((article.id, "spans", spans[:2]))
                continue
            graph = map_article(article, link_entities(ann), "https://newskg.example/")
            report = validate_quads(graph.quads, shapes)
            if not report.conforms and report.errors:
                for v in report.errors:
                    problems[v.message[:120]] += 1
                failures.append((article.id, "shacl", [v.message for v in report.errors][:3]))
        except Exception as err:  # noqa: BLE001 - counted and shown
            failures.append((article.id, "crash", [f"{type(err).__name__}: {err}"]))
    secs = time.perf_counter() - t0
    print(f"{len(articles)} articles in {secs:.1f} s: {len(articles) - len(failures)} ok, {len(failures)} failed")
    for ident, kind, detail in failures[:20]:
        print(f"  {ident} {kind}: {detail}")
    for message, n in problems.most_common(10):
        print(f"  {n:4d} x {message}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
