"""Stage 6: load into the embedded pyoxigraph store.

One article's graphs are replaced in a single SPARQL update, which Oxigraph applies as one
transaction: the old graphs go and the new ones arrive together, or nothing changes. So
re-ingesting an article replaces it, never duplicates it, and an ingest that fails midway
leaves the previous state intact.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox

from .mapping import ArticleGraph
from .vocab import NKG, ONTOLOGY_DIR, Iris

DEFAULT_STORE = Path(".newskg/store")
ONTOLOGY_GRAPH_SUFFIX = "graph/ontology"


class StoreError(Exception):
    """The store cannot be opened or written."""


def store_path(value: Path | str | None = None) -> Path:
    return Path(value or os.environ.get("NEWSKG_STORE") or DEFAULT_STORE)


def open_store(path: Path | str | None = None, *, read_only: bool = False) -> ox.Store:
    target = store_path(path)
    try:
        if read_only:
            if not target.exists():
                raise StoreError(f"{target}: no store here (run `newskg ingest` first)")
            return ox.Store.read_only(str(target))
        target.mkdir(parents=True, exist_ok=True)
        return ox.Store(str(target))
    except OSError as err:
        raise StoreError(f"{target}: cannot open the store: {err}") from None


def _owned_graphs_query(iris: Iris) -> str:
    return f"""SELECT DISTINCT ?g WHERE {{
        GRAPH <{iris.graph.value}> {{ ?g a <{NKG}Claim> }} }}"""


def article_graphs(store: ox.Store, base: str, article_id: str) -> list[ox.NamedNode]:
    """The graphs the store holds for one article: its document graph and claim graphs."""
    iris = Iris(base, article_id)
    found = [sol["g"] for sol in store.query(_owned_graphs_query(iris))]  # type: ignore[union-attr]
    if store.contains_named_graph(iris.graph):
        found.append(iris.graph)
    return found


def _insert_data(quads: Iterable[ox.Quad]) -> str:
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    blocks = "\n".join(f"GRAPH {g} {{\n" + "\n".join(triples) + "\n}" for g, triples in by_graph.items())
    return f"INSERT DATA {{\n{blocks}\n}}"


def replace_article(store: ox.Store, base: str, graph: ArticleGraph) -> None:
    """Atomically drop whatever the store holds for this article and write the new graphs.

    A new article is written with one transactional ``extend``; an article already stored is
    replaced by one SPARQL update (drops and inserts in one transaction), which costs more."""
    stale = {g.value for g in article_graphs(store, base, graph.article_id)}
    stale |= {g.value for g in graph.graphs if store.contains_named_graph(g)}
    if not stale:
        store.extend(graph.quads)
        return
    drops = "".join(f"DROP SILENT GRAPH <{g}> ;\n" for g in sorted(stale))
    store.update(drops + _insert_data(graph.quads))


def remove_article(store: ox.Store, base: str, article_id: str) -> int:
    graphs = article_graphs(store, base, article_id)
    if graphs:
        store.update("".join(f"DROP SILENT GRAPH <{g.value}> ;\n" for g in graphs).rstrip(" ;\n"))
    return len(graphs)


def ontology_graph(base: str) -> ox.NamedNode:
    return ox.NamedNode(base + ONTOLOGY_GRAPH_SUFFIX)


def ontology_quads(base: str) -> Iterator[ox.Quad]:
    """The ontology files, as quads in the store's ontology graph."""
    graph = ontology_graph(base)
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        for triple in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE):
            yield ox.Quad(triple.subject, triple.predicate, triple.object, graph)


def load_ontology(store: ox.Store, base: str) -> None:
    """Replace the store's copy of the ontology, so queries can read labels and schemes."""
    quads = list(ontology_quads(base))
    store.update(f"DROP SILENT GRAPH <{ontology_graph(base).value}> ;\n" + _insert_data(quads))


def wikidata_graph(base: str) -> ox.NamedNode:
    return ox.NamedNode(base + "graph/wikidata")


def load_gazetteer(store: ox.Store, base: str) -> int:
    """The offline gazetteer's facts in Wikidata's own terms (wd:, wdt:) in {base}graph/wikidata,
    so researchers can write Wikidata Query Service queries offline. Skipped when the graph
    already holds this gazetteer version."""
    from .gazetteer import Gazetteer

    gazetteer = Gazetteer.load()
    graph = wikidata_graph(base)
    version = ox.Literal(gazetteer.version)
    marker = ox.NamedNode(NKG + "gazetteerVersion")
    if store.contains_named_graph(graph) and any(store.quads_for_pattern(graph, marker, version, graph)):
        return 0
    quads = gazetteer.to_quads(graph=graph, base=base)
    store.remove_graph(graph)
    store.bulk_extend([*quads, ox.Quad(graph, marker, version, graph)])
    return len(quads)
