"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import datetime as dt
import warnings
from pathlib import Path

import pytest

from ingest.article import Article, ArticleMeta, read_text_article

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_73f83590a77fdeae.txt"


@pytest.fixture(scope="session")
def nlp():
    from ingest.extract.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_article() -> Article:
    return read_text_article(SEED)


@pytest.fixture(scope="session")
def seed(nlp, seed_article):
    from ingest.extract import ExtractionWarning, extract

    with warnings.catch_warnings():
        warnings.simplefilter("error", ExtractionWarning)  # the seed is clean text: no warnings
        return extract(seed_article, nlp)


def make_article(text: str, ident: str = "t1", published: dt.date | None = dt.date(2019, 10, 15),
                 publisher: str | None = "Test News") -> Article:
    return Article(ArticleMeta(id=ident, published=published, publisher=publisher), text, Path(f"{ident}.txt"))


@pytest.fixture(scope="session")
def run(nlp):
    """extract() on a text, with the warnings it gave."""
    from ingest.extract import ExtractionWarning, extract

    def _run(text: str, **kw):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ExtractionWarning)
            ann = extract(make_article(text, **kw), nlp)
        return ann, [str(w.message) for w in caught if issubclass(w.category, ExtractionWarning)]

    return _run
