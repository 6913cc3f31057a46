"""Mapping: deterministic IRIs and quads, offsets into the exact text, no invented years."""

from __future__ import annotations

import re
from pathlib import Path

import pyoxigraph as ox
import pytest

from ingest.article import read_articles
from ingest.mapping import MappingError, map_article
from ingest.model import Annotation, Entity, Provenance
from ingest.pipeline import annotate, link
from ingest.vocab import NKG, ONTOLOGY_DIR

from .conftest import SEED_ID, SEEDS

BASE = "https://w3id.org/newskg/id/"


def seed_graph(base: str = BASE):
    (article,) = read_articles([SEEDS / f"{SEED_ID}.txt"])
    return article, map_article(article, link(annotate(article)), base)


def test_same_input_gives_identical_sorted_nquads() -> None:
    _, first = seed_graph()
    _, second = seed_graph()
    assert first.nquads() == second.nquads()
    lines = first.nquads().decode().splitlines()
    assert lines == sorted(lines) or len(lines) == len(first.quads)
    assert not any(isinstance(t, ox.BlankNode) for q in first.quads for t in (q.subject, q.object))


def test_every_quad_is_in_one_of_the_articles_graphs() -> None:
    _, graph = seed_graph()
    owned = {g.value for g in graph.graphs}
    assert {q.graph_name.value for q in graph.quads} == owned
    assert all(g.startswith(f"{BASE}article/{SEED_ID}/") for g in owned)
    assert len(graph.claim_graphs) == 15


def test_span_iri_and_offsets() -> None:
    article, graph = seed_graph()
    span = ox.NamedNode(f"{BASE}article/{SEED_ID}#char=371,434")
    anchors = [q.object.value for q in graph.quads if q.subject == span and q.predicate.value.endswith("#anchorOf")]
    assert anchors == [article.text[371:434]]


def test_base_iri_is_configurable() -> None:
    _, graph = seed_graph("http://example.org/kg/")
    iris = {t.value for q in graph.quads for t in (q.subject, q.graph_name) if isinstance(t, ox.NamedNode)}
    assert all(i.startswith("http://example.org/kg/") for i in iris)


def test_without_metadata_no_year_is_invented(tmp_path: Path) -> None:
    for f in SEEDS.glob(f"{SEED_ID}.*"):
        if not f.name.endswith(".meta.json"):
            (tmp_path / f.name).write_bytes(f.read_bytes())
    (article,) = read_articles([tmp_path / f"{SEED_ID}.txt"])
    assert article.meta.published is None
    graph = map_article(article, annotate(article), BASE)
    text = graph.nquads().decode()
    assert "2018" not in text.replace(article.text, "")
    assert '"--08-26"^^<http://www.w3.org/2001/XMLSchema#gMonthDay>' in text


def test_unknown_event_type_is_an_error() -> None:
    article, _ = seed_graph()
    ann = annotate(article)
    bad = ann.model_copy(update={"events": (ann.events[0].model_copy(update={"type": "alien_invasion"}),) + ann.events[1:]})
    with pytest.raises(MappingError, match="unknown event type 'alien_invasion'"):
        map_article(article, bad, BASE)


def test_linked_entities_share_one_iri_across_articles() -> None:
    article, graph = seed_graph()
    subjects = {q.subject.value for q in graph.quads}
    assert f"{BASE}entity/Q889" in subjects and f"{BASE}outlet/asia-plus" in subjects


def test_every_project_term_is_declared_in_the_ontology() -> None:
    declared = set()
    for path in ONTOLOGY_DIR.glob("*.ttl"):
        for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            if isinstance(t.subject, ox.NamedNode):
                declared.add(t.subject.value)
    _, graph = seed_graph()
    used = {t.value for q in graph.quads for t in (q.predicate, q.object)
            if isinstance(t, ox.NamedNode) and t.value.startswith(NKG)}
    assert used and used <= declared, sorted(used - declared)
    evt = {q.object.value for q in graph.quads if q.predicate.value.endswith("eventType")}
    assert evt <= declared


def test_article_graph_survives_pickling_between_processes() -> None:
    import pickle

    _, graph = seed_graph()
    copy = pickle.loads(pickle.dumps(graph))
    assert copy == graph and copy.nquads() == graph.nquads()
