"""Namespaces, the project's IRI scheme, and the controlled vocabularies read from ontology/.

The ontology files are the source of truth for the terms; this module only names them for
Python. ``Iris`` mints every data IRI from one configurable base, deterministically.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
SHAPES_DIR = ROOT / "shapes"
QUERIES_DIR = ROOT / "queries"

DEFAULT_BASE = "https://w3id.org/newskg/id/"
NKG = "https://w3id.org/newskg/ontology#"
EVT = "https://w3id.org/newskg/event-type/"

PREFIXES: dict[str, str] = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dct": "http://purl.org/dc/terms/",
    "prov": "http://www.w3.org/ns/prov#",
    "schema": "http://schema.org/",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "gaf": "http://groundedannotationframework.org/gaf#",
    "grasp": "http://groundedannotationframework.org/grasp#",
    "graspf": "http://groundedannotationframework.org/grasp/factuality#",
    "nif": "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
    "oa": "http://www.w3.org/ns/oa#",
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
    "nkg": NKG,
    "evt": EVT,
}


class NS:
    """A namespace: ``NS(base).term`` or ``NS(base)["term"]`` gives a NamedNode."""

    def __init__(self, base: str) -> None:
        self.base = base

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("__"):
            raise AttributeError(name)
        return ox.NamedNode(self.base + name)

    def __getitem__(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(self.base + name)


RDF, RDFS, XSD, SKOS, DCT, PROV, SCHEMA, SEM, GAF, GRASP, GRASPF, NIF, OA, WD, NKGNS, EVTNS = (
    NS(PREFIXES[p])
    for p in ("rdf", "rdfs", "xsd", "skos", "dct", "prov", "schema", "sem", "gaf", "grasp",
              "graspf", "nif", "oa", "wd", "nkg", "evt")
)
A = RDF.type


def slug(text: str) -> str:
    """A lower-case ASCII slug: "Asia-Plus" -> "asia-plus", "Erdoğan" -> "erdogan"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"


def base_iri(value: str | None = None) -> str:
    base = value or os.environ.get("NEWSKG_BASE") or DEFAULT_BASE
    if not re.match(r"^[a-z][a-z0-9+.\-]*:", base):
        raise ValueError(f"base IRI {base!r} is not an absolute IRI")
    return base if base.endswith(("/", "#")) else base + "/"


@dataclass(frozen=True)
class Iris:
    """Every data IRI of one article, minted from the base IRI and local ids."""

    base: str
    article_id: str

    @property
    def article(self) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}article/{self.article_id}")

    @property
    def graph(self) -> ox.NamedNode:
        """The article's document graph: the article, its text, spans, statements, entities."""
        return ox.NamedNode(f"{self.base}article/{self.article_id}/graph")

    def _local(self, kind: str, ident: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}article/{self.article_id}/{kind}/{ident}")

    def claim(self, ident: str) -> ox.NamedNode:
        return self._local("claim", ident)

    def statement(self, ident: str) -> ox.NamedNode:
        return self._local("statement", ident)

    def event(self, ident: str) -> ox.NamedNode:
        return self._local("event", ident)

    def casualty(self, ident: str) -> ox.NamedNode:
        return self._local("casualty", ident)

    def alternatives(self, ident: str) -> ox.NamedNode:
        return self._local("alternatives", ident)

    def link(self, ident: str) -> ox.NamedNode:
        return self._local("link", ident)

    def local_entity(self, ident: str) -> ox.NamedNode:
        return self._local("entity", ident)

    @property
    def annotation(self) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}article/{self.article_id}/annotation")

    def span(self, start: int, end: int) -> ox.NamedNode:
        # RFC 5147-style fragment, as NIF uses: the span is part of the article.
        return ox.NamedNode(f"{self.base}article/{self.article_id}#char={start},{end}")

    def linked_entity(self, qid: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}entity/{qid}")

    def gazetteer_place(self, key: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}place/{key}")

    def outlet(self, name: str) -> ox.NamedNode:
        return ox.NamedNode(f"{self.base}outlet/{slug(name)}")

    def agent(self, kind: str, name: str, version: str | None) -> ox.NamedNode:
        suffix = f"/{slug(version)}" if version else ""
        return ox.NamedNode(f"{self.base}agent/{kind}/{slug(name)}{suffix}")

    @property
    def prefix(self) -> str:
        """Every graph this article owns starts with this."""
        return f"{self.base}article/{self.article_id}/"


@cache
def event_types() -> frozenset[str]:
    """The local names of the event-type concepts in ontology/event-types.ttl."""
    store = ox.Store()
    store.load(path=str(ONTOLOGY_DIR / "event-types.ttl"), format=ox.RdfFormat.TURTLE)
    query = f"""PREFIX skos: <{PREFIXES['skos']}>
        SELECT ?c WHERE {{ ?c skos:inScheme <{EVT}scheme> }}"""
    return frozenset(
        sol["c"].value.removeprefix(EVT)
        for sol in store.query(query)  # type: ignore[union-attr]
        if sol["c"].value.startswith(EVT)
    )


def event_type_iri(type_id: str) -> ox.NamedNode:
    return ox.NamedNode(EVT + type_id.replace("_", "-"))
