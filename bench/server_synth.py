"""Synthetic newskg-shaped data for the server benchmark (same IRI conventions as the pipeline)."""

from __future__ import annotations

import random
from datetime import date, timedelta

BASE = "https://w3id.org/newskg/id/"
NKG = "https://w3id.org/newskg/ontology#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
RDFS_LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PROV = "<http://www.w3.org/ns/prov#wasDerivedFrom>"
XSD_DATE = "<http://www.w3.org/2001/XMLSchema#date>"
PLACES = 200
TRIPLES_PER_ARTICLE = 40


def n_quads(triples: int, seed: int = 7) -> tuple[str, list[str], list[str]]:
    """About ``triples`` quads as N-Quads text, plus the event IRIs and place IRIs generated."""
    rng = random.Random(seed)
    lines: list[str] = []
    events: list[str] = []
    places = [f"{BASE}entity/Q{1000 + i}" for i in range(PLACES)]
    for place in places:
        lines.append(f'<{place}> {RDFS_LABEL} "Place {place[-4:]}"@en <{BASE}gazetteer> .')
        lines.append(f"<{place}> {RDF_TYPE} <{NKG}Place> <{BASE}gazetteer> .")
    start = date(2020, 1, 1)
    for a in range(max(1, triples // TRIPLES_PER_ARTICLE)):
        article = f"{BASE}article/a{a}"
        graph = f"<{article}/graph>"
        day = start + timedelta(days=rng.randrange(4 * 365))
        lines += [
            f"<{article}> {RDF_TYPE} <{NKG}Article> {graph} .",
            f'<{article}> {RDFS_LABEL} "Article {a} about things" {graph} .',
            f'<{article}> <http://purl.org/dc/terms/date> "{day.isoformat()}"^^{XSD_DATE} {graph} .',
        ]
        for e in range(3):
            event = f"{article}/event/e{e}"
            events.append(event)
            when = day - timedelta(days=rng.randrange(10))
            span = f"<{article}#char={e * 100},{e * 100 + 60}>"
            lines += [
                f"<{event}> {RDF_TYPE} <{SEM}Event> {graph} .",
                f'<{event}> {RDFS_LABEL} "Event {e} of article {a}" {graph} .',
                f'<{event}> <{SEM}hasBeginTimeStamp> "{when.isoformat()}"^^{XSD_DATE} {graph} .',
                f"<{event}> <{SEM}hasPlace> <{rng.choice(places)}> {graph} .",
                f"<{event}> <{SEM}eventType> <{NKG}Type{rng.randrange(12)}> {graph} .",
                f"<{event}> <{NKG}evidence> {span} {graph} .",
                f"<{event}> {PROV} <{article}> {graph} .",
                f'{span} {RDFS_LABEL} "span {e} of article {a}" {graph} .',
            ]
        for s in range(2):
            statement = f"{article}/statement/s{s}"
            claim = f"<{article}/claim/c{s}>"
            lines += [
                f"<{statement}> {RDF_TYPE} <{NKG}Statement> {graph} .",
                f'<{statement}> {RDFS_LABEL} "Someone said something {s}" {graph} .',
                f"<{statement}> <{NKG}speaker> <{article}/entity/p{s}> {graph} .",
                f"<{statement}> <{NKG}claim> {claim} {graph} .",
                f"<{statement}> {PROV} <{article}> {graph} .",
                f'<{article}/entity/p{s}> {RDFS_LABEL} "Person {s} of {a}" {graph} .',
                f"<{article}/event/e0> <{NKG}claimed> \"yes\" {claim} .",
            ]
    return "\n".join(lines) + "\n", events, places
