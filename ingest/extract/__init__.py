"""Automatic extraction: article text and metadata -> the annotation model.

>>> from ingest.extract import extract
>>> annotation = extract(article)          # loads the spaCy pipeline once per process

``extract_many`` streams articles through ``nlp.pipe`` (batched, optionally several
processes) and yields one annotation per article, in order. Both are pure apart from loading
the pipeline and the gazetteer once. Problems with the input (no sentences, markup, control
characters, non-English text, very long text) never raise: they give an
``ExtractionWarning`` and an annotation with whatever was found, the warnings in
``provenance.note``.

A curated annotation, where one exists, wins over extraction: see ``annotation_for``.
"""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterable, Iterator

from ..article import Article
from ..model import Annotation, Provenance
from .pipeline import chunks, load_pipeline, model_name, pipeline_id, prepare

EXTRACTOR_NAME = "newskg-extract"
EXTRACTOR_VERSION = "0.2.0"

log = logging.getLogger(__name__)


class ExtractionWarning(UserWarning):
    """The article was odd; extraction carried on with what it could find."""


_GAZ = None


def _gazetteer():  # noqa: ANN202
    global _GAZ
    if _GAZ is None:
        try:
            from ..gazetteer import Gazetteer

            _GAZ = Gazetteer.load()
        except Exception as err:  # noqa: BLE001 - extraction works without it, less well
            log.warning("gazetteer unavailable (%s): places stay unlinked", err)
            _GAZ = False
    return _GAZ or None


def version_string(nlp=None) -> str:  # noqa: ANN001
    nlp = nlp or load_pipeline()
    return f"{EXTRACTOR_VERSION}+{pipeline_id(nlp)}"


def _empty(article: Article, version: str, notes: list[str]) -> Annotation:
    return Annotation(
        article=article.id, text_sha256=article.sha256,
        provenance=Provenance(kind="extracted", agent=EXTRACTOR_NAME, version=version,
                              note="; ".join(notes) or None),
    )


def _warn(article: Article, messages: Iterable[str]) -> None:
    for message in messages:
        warnings.warn(f"{article.id}: {message}", ExtractionWarning, stacklevel=3)


def _run(article: Article, docs, prepared, nlp) -> Annotation:  # noqa: ANN001
    from .rules import ArticleRules
    from .times import attach_times

    version = version_string(nlp)
    notes = list(prepared.warnings)
    rules = ArticleRules(article, _gazetteer(), EXTRACTOR_NAME, version)
    try:
        for doc, offset in docs:
            rules.feed(doc, offset)
        return attach_times(rules.finish(notes), prepared.text)
    except Exception as err:  # noqa: BLE001 - one odd sentence must not lose the article
        log.exception("extraction failed for %s", article.id)
        notes.append(f"extraction failed: {type(err).__name__}: {err}")
        _warn(article, [notes[-1]])
        return _empty(article, version, notes)


def _pieces(prepared) -> list[tuple[int, int]]:  # noqa: ANN001
    if not any(c.isalpha() for c in prepared.text[: prepared.limit]):
        return []
    return chunks(prepared.text, prepared.limit)


def extract(article: Article, nlp=None) -> Annotation:  # noqa: ANN001
    """The annotation model for one article, extracted automatically."""
    nlp = nlp or load_pipeline()
    prepared = prepare(article.text)
    _warn(article, prepared.warnings)
    pieces = _pieces(prepared)
    docs = ((nlp(prepared.text[s:e]), s) for s, e in pieces)
    return _run(article, docs, prepared, nlp)


def extract_many(articles: Iterable[Article], nlp=None, batch_size: int = 16,
                 n_process: int = 1) -> Iterator[Annotation]:  # noqa: ANN001
    """Annotations for many articles, in order, streaming through ``nlp.pipe``."""
    nlp = nlp or load_pipeline()

    def texts() -> Iterator[tuple[str, tuple[int, int, int]]]:
        for n, (art, prepared, pieces) in enumerate(staged()):
            for k, (s, e) in enumerate(pieces):
                yield prepared.text[s:e], (n, k, s)

    pending: list = []

    def staged():  # noqa: ANN202
        for art in articles:
            prepared = prepare(art.text)
            pieces = _pieces(prepared)
            pending.append((art, prepared, pieces))
            yield art, prepared, pieces

    current: list = []
    current_n = 0
    for doc, (n, k, s) in nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process):
        # every article before n is complete (pieces come in order)
        while current_n < n:
            art, prepared, pieces = pending[0]
            _warn(art, prepared.warnings)
            yield _run(art, current, prepared, nlp) if pieces else _empty(art, version_string(nlp), list(prepared.warnings))
            pending.pop(0)
            current, current_n = [], current_n + 1
        current.append((doc, s))
    while pending:
        art, prepared, pieces = pending.pop(0)
        _warn(art, prepared.warnings)
        yield _run(art, current, prepared, nlp) if pieces else _empty(art, version_string(nlp), list(prepared.warnings))
        current = []


def annotation_for(article: Article, nlp=None) -> tuple[Annotation, str]:  # noqa: ANN001
    """The curated annotation beside the article if there is one, else an extracted one;
    with "curated" or "extracted"."""
    if article.annotation_path is not None:
        from ..curation import load_annotation

        return load_annotation(article.annotation_path, article.text, article.sha256), "curated"
    return extract(article, nlp), "extracted"


__all__ = [
    "EXTRACTOR_NAME",
    "EXTRACTOR_VERSION",
    "ExtractionWarning",
    "annotation_for",
    "extract",
    "extract_many",
    "model_name",
    "version_string",
]
