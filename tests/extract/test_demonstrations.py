"""Demonstrations (ACLED "Protests" and "Riots"): the event types in the scheme, their
extraction, and the RDF they map to."""

from __future__ import annotations

import warnings

import pyoxigraph as ox
import pytest

from ingest.extract import ExtractionWarning, extract
from ingest.link import link
from ingest.mapping import map_article
from ingest.validate import validate_quads
from ingest.vocab import DEFAULT_BASE, ONTOLOGY_DIR, event_types

from .conftest import make_article

EVT = "https://w3id.org/newskg/event-type/"


def test_scheme_has_demonstrations_aligned_to_acled_and_cameo() -> None:
    assert {"demonstration", "protest", "riot"} <= set(event_types())
    store = ox.Store()
    store.load(path=str(ONTOLOGY_DIR / "event-types.ttl"), format=ox.RdfFormat.TURTLE)
    rows = {
        r["t"].value.removeprefix(EVT): (r["acled"].value, r["code"].value)
        for r in store.query(
            """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
               PREFIX nkg: <https://w3id.org/newskg/ontology#>
               SELECT ?t ?acled ?code WHERE {
                 ?t skos:broader <https://w3id.org/newskg/event-type/demonstration> ;
                    nkg:acledEventType ?acled ; skos:notation ?code }""")
    }
    assert rows == {"protest": ("Protests", "141"), "riot": ("Riots", "145")}


def _events(nlp, text: str) -> list[tuple[str, str | None, str | None]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractionWarning)
        annotation = extract(make_article(text), nlp)
    labels = {e.id: e.label for e in annotation.entities}
    return [(e.type, labels.get(e.place), e.date.text if e.date else None) for e in annotation.events]


@pytest.mark.parametrize(("text", "expected"), [
    ("Thousands of people protested in Belgrade on Tuesday against the new curfew.",
     [("protest", "Belgrade", "Tuesday")]),
    ("Police fired tear gas at protesters during a demonstration outside parliament on Friday.",
     [("protest", "parliament", "Friday")]),
    ("A rally in support of the president was held in the main square.", [("protest", "main square", None)]),
    ("Riots broke out in the capital on Sunday after the election, police said.", [("riot", None, "Sunday")]),
])
def test_demonstrations_are_extracted(nlp, text: str, expected: list) -> None:
    assert _events(nlp, text) == expected


@pytest.mark.parametrize("text", [
    "The minister protested that the figures were wrong.",  # a speech act, not a demonstration
    "Students protested the decision.",
    "The market rallied after the announcement.",
])
def test_not_demonstrations(nlp, text: str) -> None:
    assert _events(nlp, text) == []


def test_protest_maps_to_its_concept_and_conforms(nlp) -> None:
    article = make_article("Farmers protested outside the ministry in Belgrade on Monday, police said.")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractionWarning)
        graph = map_article(article, link(extract(article, nlp)), DEFAULT_BASE)
    sem_type = ox.NamedNode("http://semanticweb.cs.vu.nl/2009/11/sem/eventType")
    assert {q.object for q in graph.quads if q.predicate == sem_type} == {ox.NamedNode(EVT + "protest")}
    assert validate_quads(graph.quads).conforms
