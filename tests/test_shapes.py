"""The core SHACL shapes catch what they promise, on a real mapped article."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from ingest.validate import validate_quads
from ingest.vocab import GRASPF, NIF, NKGNS, RDFS, SKOS, XSD

from .test_mapping import seed_graph


def mutated(replace=None, drop=None, add=()):  # noqa: ANN001, ANN201
    _, graph = seed_graph()
    quads = []
    for q in graph.quads:
        if drop and drop(q):
            continue
        quads.append(replace(q) if replace else q)
    return quads + list(add)


def messages(quads) -> set[str]:  # noqa: ANN001
    return {v.message for v in validate_quads(quads).errors}


def test_seed_conforms() -> None:
    _, graph = seed_graph()
    assert validate_quads(graph.quads).conforms


def test_denial_with_positive_polarity() -> None:
    def flip(q: ox.Quad) -> ox.Quad:
        if q.predicate == NKGNS.polarity and q.subject.value.endswith("statement/russian_denial"):
            return ox.Quad(q.subject, q.predicate, GRASPF.positive, q.graph_name)
        return q
    assert "a denial must carry negative polarity" in messages(mutated(replace=flip))


def test_wrong_offsets_are_caught_with_the_span() -> None:
    def shift(q: ox.Quad) -> ox.Quad:
        if q.predicate == NIF.beginIndex and q.subject.value.endswith("#char=371,434"):
            return ox.Quad(q.subject, q.predicate, ox.Literal("372", datatype=XSD.integer), q.graph_name)
        return q
    report = validate_quads(mutated(replace=shift))
    (v,) = [v for v in report.errors if "between its offsets" in v.message]
    assert v.value.endswith("#char=371,434")


def test_negative_count_missing_stance_bad_qid_missing_labels() -> None:
    def bad(q: ox.Quad) -> ox.Quad:
        if q.predicate == NKGNS.count:
            return ox.Quad(q.subject, q.predicate, ox.Literal("-2", datatype=XSD.integer), q.graph_name)
        if q.predicate == SKOS.exactMatch and q.object.value.endswith("Q863"):
            return ox.Quad(q.subject, q.predicate, ox.NamedNode("http://www.wikidata.org/wiki/Tajikistan"), q.graph_name)
        return q
    found = messages(mutated(replace=bad, drop=lambda q: q.predicate in (NKGNS.stance, RDFS.label)))
    assert {
        "a casualty count is a non-negative integer",
        "a statement has exactly one stance from nkg:StanceScheme",
        "a Wikidata link is a well-formed entity IRI (http://www.wikidata.org/entity/Q…)",
        "every actor has a label",
        "every place has a label",
    } <= found


def test_invalid_date_literal_is_caught() -> None:
    def bad(q: ox.Quad) -> ox.Quad:
        if q.predicate == NKGNS.statementDate:
            return ox.Quad(q.subject, q.predicate, ox.Literal("2018-02-30", datatype=XSD.date), q.graph_name)
        return q
    assert "a statement date is one valid xsd:date" in messages(mutated(replace=bad))


@pytest.mark.parametrize("cls", ["Claim"])
def test_unattributed_claim(cls: str) -> None:
    found = messages(mutated(drop=lambda q: q.predicate == NKGNS.claim and q.object.value.endswith("claim/incident")))
    assert "a claim that no statement attributes: newskg never stores unattributed content" in found
