"""Describing one IRI from the primary store: quads with it as subject, as object, and inside it as a graph."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


@dataclass
class Section:
    quads: list[Quad]
    truncated: bool


@dataclass
class Description:
    iri: str
    as_subject: Section
    as_object: Section
    in_graph: Section
    fragments: dict[str, "Description"] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.as_subject.quads or self.as_object.quads or self.in_graph.quads or self.fragments)

    def all_quads(self) -> list[Quad]:
        quads = self.as_subject.quads + self.as_object.quads + self.in_graph.quads
        for fragment in self.fragments.values():
            quads += fragment.all_quads()
        seen: set[Quad] = set()
        return [q for q in quads if not (q in seen or seen.add(q))]


def _section(iterator, limit: int) -> Section:
    quads = list(itertools.islice(iterator, limit + 1))
    return Section(quads[:limit], len(quads) > limit)


def describe(store: Store, iri: str, limit: int, with_fragments: bool = False) -> Description:
    node = NamedNode(iri)
    description = Description(
        iri=iri,
        as_subject=_section(store.quads_for_pattern(node, None, None, None), limit),
        as_object=_section(store.quads_for_pattern(None, None, node, None), limit),
        in_graph=_section(store.quads_for_pattern(None, None, None, node), limit),
    )
    if with_fragments:
        # Text spans ``<article>#char=a,b`` are described on the article's own page.
        prefix = iri + "#"
        candidates: list[Quad] = description.as_subject.quads + description.as_object.quads + description.in_graph.quads
        doc_graph = NamedNode(iri + "/graph")
        candidates += list(itertools.islice(store.quads_for_pattern(None, None, None, doc_graph), limit * 5))
        fragment_iris: list[str] = []
        for quad in candidates:
            for term in (quad.subject, quad.object):
                if isinstance(term, NamedNode) and term.value.startswith(prefix) and term.value not in fragment_iris:
                    fragment_iris.append(term.value)
        for fragment in fragment_iris[:200]:
            description.fragments[fragment] = describe(store, fragment, min(limit, 200))
    description.labels = labels_for(store, description)
    return description


def labels_for(store: Store, description: Description, cap: int = 600) -> dict[str, str]:
    iris: list[str] = []
    for quad in description.all_quads():
        for term in (quad.subject, quad.predicate, quad.object, quad.graph_name):
            if isinstance(term, NamedNode) and term.value not in iris:
                iris.append(term.value)
    labels: dict[str, str] = {}
    for iri in iris[:cap]:
        best = None
        for quad in itertools.islice(store.quads_for_pattern(NamedNode(iri), RDFS_LABEL, None, None), 8):
            language = getattr(quad.object, "language", None)
            if best is None or language in ("en", None):
                best = quad.object.value
                if language in ("en", None):
                    break
        if best is not None:
            labels[iri] = best
    return labels


def graph_label(graph) -> str:
    return "default graph" if isinstance(graph, DefaultGraph) else graph.value
