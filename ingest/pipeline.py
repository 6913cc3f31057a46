"""The pipeline: read article -> annotate (curated file or extractor) -> link -> map to RDF ->
validate -> load. Each stage is its own module; this one only chains them and reports, per
article, what happened. An article that fails any stage is reported and not stored; the
others go on, and nothing already stored is touched by a failure.
"""

from __future__ import annotations

import hashlib
import importlib
import multiprocessing
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import pyoxigraph as ox
import rdflib

from .article import Article, ArticleError, parse_meta, read_articles, _check_text
from .curation import AnnotationError, load_annotation
from .link import link as link_entities
from .mapping import ArticleGraph, MappingError, map_article
from .model import Annotation
from .store import replace_article
from .validate import Report, core_shapes, validate_quads

Status = Literal["stored", "valid", "invalid", "error"]


@dataclass(frozen=True)
class Outcome:
    """What happened to one article (or one unreadable input)."""

    source: Path
    article_id: str | None
    status: Status
    annotation: Literal["curated", "extracted"] | None = None
    quads: int = 0
    report: Report | None = None
    errors: tuple[str, ...] = ()
    line: int | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("stored", "valid")

    def article_iri(self, base: str) -> str | None:
        return f"{base}article/{self.article_id}" if self.article_id else None


class NoAnnotator(Exception):
    """No curated annotation and no extractor available."""


def annotate(article: Article) -> Annotation:
    """The curated annotation beside the article if there is one, else the extractor's."""
    if article.annotation_path is not None:
        return load_annotation(article.annotation_path, article.text, article.sha256)
    try:
        extract_module = importlib.import_module("ingest.extract")
    except ImportError as err:
        raise NoAnnotator(
            f"no curated annotation ({article.id}.ann.yaml) and the extractor is unavailable: {err}"
        ) from None
    try:
        return extract_module.extract(article)
    except (OSError, RuntimeError, ValueError) as err:  # a missing pipeline, a bad model
        raise NoAnnotator(f"the extractor failed on {article.id}: {err}") from None


def link(annotation: Annotation) -> Annotation:
    """Wikidata linking against the offline gazetteer; curated links are kept."""
    return link_entities(annotation)


def build(article: Article, base: str, shapes: rdflib.Graph | None = None) -> tuple[Annotation, ArticleGraph, Report]:
    """Annotate, link, map and validate one article; no store involved."""
    annotation = link(annotate(article))
    graph = map_article(article, annotation, base)
    report = validate_quads(graph.quads, shapes if shapes is not None else core_shapes())
    return annotation, graph, report


def prepare(article: Article, base: str, shapes: rdflib.Graph | None = None) -> tuple[Outcome, ArticleGraph | None]:
    """Annotate, link, map and validate one article: its outcome ("valid", "invalid" or
    "error") and, when valid, the graph to store."""
    try:
        annotation, graph, report = build(article, base, shapes)
    except AnnotationError as err:
        return Outcome(article.source, article.id, "error", errors=tuple(str(err).splitlines()), line=article.line), None
    except (MappingError, NoAnnotator) as err:
        return Outcome(article.source, article.id, "error", errors=(f"{article.source}: {err}",), line=article.line), None
    kind = annotation.provenance.kind
    if not report.conforms and report.errors:
        return Outcome(article.source, article.id, "invalid", kind, len(graph.quads), report, line=article.line), None
    return Outcome(article.source, article.id, "valid", kind, len(graph.quads), report, line=article.line), graph


def _stored(outcome: Outcome) -> Outcome:
    return replace(outcome, status="stored")


def _write_failed(outcome: Outcome, err: OSError) -> Outcome:
    return replace(outcome, status="error", errors=(f"{outcome.source}: store write failed: {err}",))


def process(article: Article, base: str, store: ox.Store | None, shapes: rdflib.Graph | None = None) -> Outcome:
    """One article through every stage; stored (replacing any earlier version) when valid."""
    outcome, graph = prepare(article, base, shapes)
    if store is None or graph is None:
        return outcome
    return _replace(store, base, outcome, graph)


def _replace(store: ox.Store, base: str, outcome: Outcome, graph: ArticleGraph) -> Outcome:
    """Store one article, atomically replacing any earlier version of it."""
    try:
        replace_article(store, base, graph)
    except OSError as err:
        return _write_failed(outcome, err)
    return _stored(outcome)


BATCH_ARTICLES = 50
"""New articles written together in one transaction (and then flushed). One transaction per
batch instead of per article makes loading about 2x faster, and flushing after each batch
keeps memory flat: without it the store's write buffers grow by about 1 MB per article."""


def _prepare_item(item: Article | ArticleError, base: str, shapes: rdflib.Graph | None = None) -> tuple[Outcome, ArticleGraph | None]:
    if isinstance(item, ArticleError):
        return Outcome(item.path, None, "error", errors=(str(item),), line=item.line), None
    return prepare(item, base, shapes)


def _prepared(paths: list[Path], base: str, shapes: rdflib.Graph | None, jobs: int) -> Iterator[tuple[Outcome, ArticleGraph | None]]:
    """Each input's outcome and graph, in input order. With jobs > 1 the articles are prepared
    (annotated, linked, mapped, validated) in worker processes, a bounded number ahead of the
    writer, so memory stays flat however many articles there are."""
    items = read_articles(paths)
    if jobs <= 1:
        for item in items:
            yield _prepare_item(item, base, shapes)
        return
    window = jobs * 4
    # "spawn": workers start clean, without the parent's open store and its threads.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        queue: deque[Future[tuple[Outcome, ArticleGraph | None]] | tuple[Outcome, None]] = deque()

        def result(entry: Future[tuple[Outcome, ArticleGraph | None]] | tuple[Outcome, None]) -> tuple[Outcome, ArticleGraph | None]:
            return entry.result() if isinstance(entry, Future) else entry

        for item in items:
            # Read errors are settled here: only articles travel to the workers.
            queue.append(_prepare_item(item, base) if isinstance(item, ArticleError) else pool.submit(prepare, item, base))
            if len(queue) >= window:
                yield result(queue.popleft())
        while queue:
            yield result(queue.popleft())


def run(paths: list[Path], base: str, store: ox.Store | None, shapes: rdflib.Graph | None = None,
        jobs: int = 1) -> Iterator[Outcome]:
    """Process every article under ``paths``; with ``store=None`` validate only.

    Articles new to the store are written in batches of BATCH_ARTICLES, each batch one
    transaction (all of it or none of it); an article the store already holds is replaced at
    once by one atomic update. An outcome says "stored" only once its data is written.
    ``jobs`` > 1 prepares articles in that many worker processes (custom ``shapes`` need
    jobs=1)."""
    if shapes is not None and jobs > 1:
        raise ValueError("custom shapes are validated in this process only: use jobs=1")
    pending: list[tuple[Outcome, ArticleGraph]] = []

    def commit() -> list[Outcome]:
        if not pending or store is None:
            return []
        batch = list(pending)
        pending.clear()
        try:
            store.extend([q for _, graph in batch for q in graph.quads])
            store.flush()
        except OSError as err:
            return [_write_failed(outcome, err) for outcome, _ in batch]
        return [_stored(outcome) for outcome, _ in batch]

    for outcome, graph in _prepared(paths, base, shapes, jobs):
        if store is None or graph is None:
            yield outcome
        elif store.contains_named_graph(graph.document_graph):
            yield from commit()
            yield _replace(store, base, outcome, graph)
        else:
            pending.append((outcome, graph))
            if len(pending) >= BATCH_ARTICLES:
                yield from commit()
    yield from commit()


def ingest_text(store: ox.Store, text: str, metadata: dict[str, Any], base: str | None = None) -> Outcome:
    """Ingest one article given as text plus metadata (the server's POST /articles).
    Raises ValueError naming every problem when the article is not stored."""
    from .vocab import base_iri

    default_id = "req-" + hashlib.sha256(text.encode("utf-8", "replace")).hexdigest()[:16]
    source = Path(f"<request:{metadata.get('id') or default_id}>")
    try:
        meta = parse_meta(source, metadata, default_id)
        article = Article(meta, _check_text(source, text), source)
    except ArticleError as err:
        raise ValueError(str(err)) from None
    outcome = process(article, base_iri(base), store)
    if not outcome.ok:
        problems = list(outcome.errors)
        if outcome.report is not None:
            problems += [f"{v.focus}: {v.message}" for v in outcome.report.errors]
        raise ValueError(f"article {article.id} was not stored: " + "; ".join(problems))
    return outcome
