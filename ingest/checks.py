"""`newskg validate`: SHACL checks on article folders, exported RDF files or the store.

Every source is cut into articles (an article's document graph and its claim graphs) and
each article is validated on its own, as ingest does, in worker processes (one per core)
when there are enough articles to pay for them. Memory stays flat: at most a few articles
per worker are in flight, and exported files are first bulk-loaded into a temporary on-disk
store instead of being held in Python. Shapes that declare ``nkgsh:scope nkgsh:Collection``
are run once, over everything (all articles and the shared graphs), after the articles.

Results are placed in files (see ``ingest/report.py``) and rendered as text, Turtle (the
SHACL validation report), JSON, JUnit XML or GitHub Actions annotations.
Exit codes: 0 valid, 1 violations (or warnings with ``--strict``) or unreadable articles,
2 usage or I/O errors.
"""

from __future__ import annotations

import ctypes
import gc
import os
import re
import shutil
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import multiprocessing
import pyoxigraph as ox

from .article import Article, ArticleError, is_article_file, read_articles
from .report import ArticleResult, Location, place_article, place_rdf, first_lines
from .store import StoreError, article_graphs, open_store
from .validate import (
    CORE_SHAPES, QUALITY_SHAPES, Report, ShapeSet, ShapeSpec, ShapesError, fastshacl, to_rdflib,
    validate_graph, validate_quads, validate_store_fast,
)
from .vocab import NIF

RDF_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}
MIN_PARALLEL = 8  # fewer articles than this are validated in-process (workers cost ~1 s to start)


class InputError(Exception):
    """An input that cannot be read at all, or bad options (exit code 2)."""


@dataclass(frozen=True)
class Options:
    base: str
    spec: ShapeSpec
    jobs: int = 1


# ----------------------------------------------------------------------------- shapes

def shape_spec(shapes_dirs: Iterable[Path] = (), engine: str = "fast", quality: bool = True) -> ShapeSpec:
    """Core shapes, quality shapes (warnings; with the gazetteer check) and the user's own."""
    files: list[Path] = [CORE_SHAPES]
    if quality:
        files.append(QUALITY_SHAPES)
    for folder in shapes_dirs:
        if folder.is_file() and folder.suffix == ".ttl":
            files.append(folder)
            continue
        if not folder.is_dir():
            raise InputError(f"{folder}: --shapes wants a folder of .ttl files")
        found = sorted(folder.glob("*.ttl"))
        if not found:
            raise InputError(f"{folder}: no .ttl shapes files in this folder")
        files.extend(found)
    return ShapeSpec(tuple(files), engine, ("gazetteer",) if quality else ())


def load_shape_set(spec: ShapeSpec) -> ShapeSet:
    try:
        return spec.build()
    except ShapesError as e:
        raise InputError(str(e)) from None


# ----------------------------------------------------------------------------- one article

def _error_location(line: str, default: Path | str) -> tuple[Location, str]:
    m = re.match(r"^(.*?):(\d+): (.*)$", line, re.S)
    if m:
        return Location(m.group(1), int(m.group(2))), m.group(3)
    m = re.match(r"^(\S.*?): (.*)$", line, re.S)
    if m and (Path(m.group(1)).suffix or m.group(1).startswith("<")):
        return Location(m.group(1)), m.group(2)
    return Location(str(default)), line


def check_article(article: Article | ArticleError, options: Options, keep_quads: bool = False) -> ArticleResult:
    """Build one article in memory (annotate, link, map), validate it, place the results."""
    from . import pipeline

    if isinstance(article, ArticleError):
        return ArticleResult(str(article.path), None, errors=[(Location(str(article.path), article.line), article.message)])
    shapes = options.spec.build()
    outcome = pipeline.process(article, options.base, None, shapes)  # type: ignore[arg-type]
    result = ArticleResult(str(article.source), article.id)
    if outcome.status == "error":
        result.errors = [_error_location(e, article.source) for e in outcome.errors]
        return result
    if outcome.report is not None:
        text_file = str(article.source)
        findings = place_article(outcome.report.violations, options.base, article.id,
                                 article.text if article.source.suffix == ".txt" else None,
                                 text_file, article.annotation_path)
        if article.source.suffix != ".txt":
            findings = [f if f.where.line else type(f)(f.violation, Location(text_file, article.line), f.text)
                        for f in findings]
        result.findings = findings
    if keep_quads:
        from .article import Article as _A  # noqa: F401 - the quads come from a rebuild below
        from .mapping import map_article

        result.quads = list(map_article(article, pipeline.link(pipeline.annotate(article)), options.base).quads)
    return result


def _article_text(quads: Iterable[ox.Quad], base: str, article_id: str) -> str | None:
    node = f"{base}article/{article_id}"
    for q in quads:
        if q.predicate == NIF.isString and isinstance(q.subject, ox.NamedNode) and q.subject.value == node:
            return q.object.value
    return None


def check_quads(source: str, article_id: str, quads: list[ox.Quad], options: Options,
                data_file: Path | None = None) -> ArticleResult:
    report = validate_quads(quads, options.spec.build())
    lines = first_lines(data_file, {v.focus for v in report.violations}) if data_file and report.violations else None
    findings = place_rdf(report.violations, _article_text(quads, options.base, article_id), source, lines)
    return ArticleResult(source, article_id, findings)


def _article_quads(store: ox.Store, base: str, article_id: str) -> list[ox.Quad]:
    return [q for g in article_graphs(store, base, article_id) for q in store.quads_for_pattern(None, None, None, g)]


_WORKER_STORE: dict[str, tuple[ox.Store, int]] = {}
# A read-only store keeps what it has read from its files (index and filter blocks, table
# readers), so a worker's memory grew with the part of the collection it had visited. Opening
# it again every so many articles (15 ms, against ~40 ms per article) bounds that.
STORE_REOPEN_EVERY = 100


def check_stored(store_dir: str, source: str, article_id: str, options: Options, data_file: str | None) -> ArticleResult:
    store, used = _WORKER_STORE.get(store_dir, (None, 0))
    if store is None or used >= STORE_REOPEN_EVERY:
        del store
        _WORKER_STORE.pop(store_dir, None)
        store, used = ox.Store.read_only(store_dir), 0
    _WORKER_STORE[store_dir] = (store, used + 1)
    quads = _article_quads(store, options.base, article_id)
    return check_quads(source, article_id, quads, options, Path(data_file) if data_file else None)


def article_ids(store: ox.Store, base: str) -> list[str]:
    pattern = re.compile(re.escape(base) + r"article/([^/#]+)/graph$")
    return sorted(m.group(1) for g in store.named_graphs()
                  if isinstance(g, ox.NamedNode) and (m := pattern.match(g.value)))


# ----------------------------------------------------------------------------- running

def release_freed_memory() -> None:
    """Give memory that is free but still held by the C allocator back to the system.

    Bulk-loading an export (pyoxigraph, RocksDB) leaves hundreds of megabytes freed but kept
    by glibc's malloc (1M triples: 340 MB resident after the loader is gone, 64 MB after a
    trim). Worker processes are forked from this process and start with its resident memory,
    so without this each worker's footprint grew with the size of the collection.
    No-op where there is no ``malloc_trim`` (not glibc)."""
    gc.collect()
    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


def _worker_init(spec: ShapeSpec) -> None:
    spec.build()  # load and compile the shapes once per worker


def run_parallel(tasks: Iterable[tuple[Callable[..., ArticleResult], tuple]], jobs: int, spec: ShapeSpec,
                 count: int) -> Iterator[ArticleResult]:
    """Run (function, args) tasks in order, in ``jobs`` processes when worth it, keeping at
    most a few tasks per worker in flight so that memory does not grow with the input."""
    if jobs <= 1 or count < MIN_PARALLEL:
        for fn, args in tasks:
            yield fn(*args)
        return
    release_freed_memory()  # the workers fork from this process: start them small
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_worker_init, initargs=(spec,)) as pool:
        pending: deque[Future[ArticleResult]] = deque()
        for fn, args in tasks:
            pending.append(pool.submit(fn, *args))
            if len(pending) >= jobs * 4:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def check_folders(targets: list[Path], options: Options, shapes: ShapeSet) -> Iterator[ArticleResult]:
    from .article import discover

    count = sum(1 for _ in discover(targets))
    keep = shapes.has_collection_shapes
    tasks = ((check_article, (item, options, keep)) for item in read_articles(targets))
    yield from run_parallel(tasks, options.jobs, options.spec, count)


def read_rdf_into(path: Path, store: ox.Store) -> None:
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown data format {path.suffix!r} (use .trig, .nq, .nquads, .ttl or .nt)")
    try:
        store.bulk_load(path=str(path), format=fmt)
    except SyntaxError as e:
        raise InputError(f"{path}: {e}") from None
    except (OSError, ValueError) as e:
        raise InputError(f"{path}: cannot read: {e}") from None


def check_store_dir(store_dir: Path, source_of: Callable[[str], str], options: Options,
                    data_file: Path | None) -> Iterator[ArticleResult]:
    try:
        store = ox.Store.read_only(str(store_dir))
    except OSError as e:
        raise InputError(f"{store_dir}: cannot open the store: {e}") from None
    ids = article_ids(store, options.base)
    whole = None
    if not ids and len(store):
        # No article graphs (a Turtle or N-Triples export, say): the whole file is one unit.
        whole = list(store.quads_for_pattern(None, None, None))
    del store
    gc.collect()
    if whole is not None:
        ids_in = sorted({q.object.value for q in whole if q.predicate == ox.NamedNode("http://purl.org/dc/terms/identifier")})
        aid = ids_in[0] if len(ids_in) == 1 else ""
        yield check_quads(source_of(aid), aid or None, whole, options, data_file)  # type: ignore[arg-type]
        return
    tasks = ((check_stored, (str(store_dir), source_of(i), i, options, str(data_file) if data_file else None))
             for i in ids)
    yield from run_parallel(tasks, options.jobs, options.spec, len(ids))
    _WORKER_STORE.pop(str(store_dir), None)
    gc.collect()


def check_collection(store: ox.Store, shapes: ShapeSet, source: str) -> ArticleResult | None:
    """The collection-wide shapes, once, over the whole data (every graph)."""
    if not shapes.has_collection_shapes:
        return None
    compiled = shapes.compiled("collection") if shapes.engine == "fast" else None
    if compiled is not None:
        report = validate_store_fast(store, compiled, shapes.collection)
    else:
        report = validate_graph(to_rdflib(store.quads_for_pattern(None, None, None)), shapes.collection)
    return ArticleResult(source, None, place_rdf(report.violations, None, source))


def run(targets: list[Path] | None, store: Path | None, options: Options) -> list[ArticleResult]:
    shapes = load_shape_set(options.spec)
    results: list[ArticleResult] = []
    if not targets:
        try:
            db = open_store(store, read_only=True)
        except StoreError as e:
            raise InputError(str(e)) from None
        path = Path(db_path(store))
        del db
        gc.collect()
        results.extend(check_store_dir(path, lambda i: f"store:{i}", options, None))
        extra = check_collection(ox.Store.read_only(str(path)), shapes, f"store:{path}")
        if extra:
            results.append(extra)
        return results
    for target in targets:
        if not target.exists():
            raise InputError(f"{target}: no such file or folder")
        if not (target.is_dir() or is_article_file(target) or target.suffix.lower() in RDF_FORMATS):
            raise InputError(
                f"{target}: neither an article nor RDF data (.txt, .json, .jsonl, .trig, .nq, .nquads, .ttl, .nt)")
    for target in targets:
        if target.is_file() and target.suffix.lower() in RDF_FORMATS:
            tmp = Path(tempfile.mkdtemp(prefix="newskg-validate-"))
            try:
                loader = ox.Store(str(tmp / "store"))
                read_rdf_into(target, loader)
                loader.flush()
                del loader
                release_freed_memory()
                results.extend(check_store_dir(tmp / "store", lambda i, t=target: str(t), options, target))
                extra = check_collection(ox.Store.read_only(str(tmp / "store")), shapes, str(target))
                if extra:
                    results.append(extra)
            finally:
                gc.collect()
                shutil.rmtree(tmp, ignore_errors=True)
        else:
            folder_results = list(check_folders([target], options, shapes))
            if shapes.has_collection_shapes:
                union = ox.Store()
                for r in folder_results:
                    union.extend(r.quads or [])
                extra = check_collection(union, shapes, str(target))
                if extra:
                    folder_results.append(extra)
            for r in folder_results:
                r.quads = None
            results.extend(folder_results)
    return results


def db_path(store: Path | None) -> str:
    from .store import store_path

    return str(store_path(store))


def exit_code(results: list[ArticleResult], strict: bool) -> int:
    return 1 if any(r.failed(strict) for r in results) else 0


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


__all__ = ["InputError", "Options", "Report", "run", "shape_spec", "exit_code", "default_jobs", "fastshacl"]
