"""SPARQL 1.1 Graph Store HTTP Protocol at ``/store`` (``?default`` or ``?graph=IRI``).

``GET /store`` without either returns the whole dataset (TriG or N-Quads).  Reads stream through the query workers like any query; writes need the bearer token.
"""

from __future__ import annotations

import pyoxigraph
from fastapi import APIRouter
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat
from starlette.requests import Request
from starlette.responses import Response

from .auth import require_writer
from .execution import QueryJob
from .formats import GRAPH_FORMATS, Format
from .negotiation import UnknownFormat, negotiate
from .protocol import ProtocolError, media_type_of, parse_params, read_body
from .responses import COMMON_HEADERS, QueryResponse
from .state import AppState, get_state

router = APIRouter()

TRIPLE_FORMATS = tuple(f for f in GRAPH_FORMATS if f.name in ("TURTLE", "N_TRIPLES", "RDF_XML", "JSON_LD"))
DATASET_FORMATS = tuple(f for f in GRAPH_FORMATS if f.name in ("TRIG", "N_QUADS", "JSON_LD"))
DUMP_FORMATS = tuple(f for f in GRAPH_FORMATS if f.name in ("TRIG", "N_QUADS"))


def _target(request: Request) -> tuple[NamedNode | DefaultGraph | None, dict[str, list[str]]]:
    params = parse_params(request.scope.get("query_string", b""), "URL query string")
    graphs = params.get("graph", [])
    if "default" in params and graphs:
        raise ProtocolError(400, "Use either '?default' or '?graph=IRI', not both.")
    if len(graphs) > 1:
        raise ProtocolError(400, "Exactly one 'graph' parameter is allowed.")
    if "default" in params:
        return DefaultGraph(), params
    if graphs:
        try:
            return NamedNode(graphs[0]), params
        except ValueError as exc:
            raise ProtocolError(400, f"Invalid graph IRI {graphs[0]!r}: {exc}") from None
    return None, params


def _upload_format(request: Request, allowed: tuple[Format, ...]) -> Format:
    media_type, params = media_type_of(request.headers.get("content-type"))
    if params.get("charset") and params["charset"].lower() not in ("utf-8", "utf8"):
        raise ProtocolError(415, "RDF uploads must be UTF-8 encoded.")
    for fmt in allowed:
        if media_type == fmt.media_type or media_type in fmt.aliases:
            return fmt
    raise ProtocolError(415, f"Unsupported Content-Type {media_type or '(none)'!r}; use one of: {', '.join(f.media_type for f in allowed)}.")


def _parse(body: bytes, fmt: Format, base_iri: str, graph: NamedNode | DefaultGraph | None) -> list[Quad]:
    try:
        parsed = list(pyoxigraph.parse(body, format=fmt.rdf_format(), base_iri=base_iri))
    except (SyntaxError, ValueError) as exc:
        raise ProtocolError(400, f"Could not parse the {fmt.media_type} body: {exc}") from None
    if graph is None:
        return parsed
    return [Quad(q.subject, q.predicate, q.object, graph) for q in parsed]


def _graph_exists(state: AppState, graph: NamedNode | DefaultGraph) -> bool:
    return isinstance(graph, DefaultGraph) or state.store.contains_named_graph(graph)


@router.api_route("/store", methods=["GET", "HEAD"])
async def read_graph(request: Request) -> Response:
    state = get_state(request)
    graph, params = _target(request)
    if graph is None:
        return _whole_dataset(request, state, params)
    try:
        fmt = negotiate(request.headers.get("accept"), (params.get("format") or [None])[0], GRAPH_FORMATS)
    except UnknownFormat as exc:
        raise ProtocolError(400, f"Unknown format {exc}.") from None
    if fmt is None:
        raise ProtocolError(406, "Graphs are available as " + ", ".join(f.media_type for f in GRAPH_FORMATS) + ".")
    if not await state.read(_graph_exists, state, graph):
        raise ProtocolError(404, f"No graph {graph} in the store.")
    where = "{ ?s ?p ?o }" if isinstance(graph, DefaultGraph) else f"{{ GRAPH {graph} {{ ?s ?p ?o }} }}"
    job = QueryJob(
        query=f"CONSTRUCT {{ ?s ?p ?o }} WHERE {where}",
        base_iri=None,
        union_default_graph=False,
        default_graphs=None,
        named_graphs=None,
        results_format=None,
        graph_format=fmt.name,
    )
    return QueryResponse(state.executor, job, state.settings.max_query_timeout, {"Vary": "Accept"})


def _whole_dataset(request: Request, state: AppState, params: dict[str, list[str]]) -> Response:
    """``GET /store`` without a graph: every graph, as TriG or N-Quads, streamed by a worker."""
    try:
        fmt = negotiate(request.headers.get("accept"), (params.get("format") or [None])[0], DUMP_FORMATS)
    except UnknownFormat as exc:
        raise ProtocolError(400, f"Unknown format {exc} for the whole dataset; use trig or nq.") from None
    if fmt is None:
        raise ProtocolError(
            406,
            "The whole dataset is available as " + " or ".join(f.media_type for f in DUMP_FORMATS) + "; name a graph ('?graph=IRI' or '?default') for triple formats.",
        )
    job = QueryJob(
        query="",
        base_iri=None,
        union_default_graph=False,
        default_graphs=None,
        named_graphs=None,
        results_format=None,
        graph_format=fmt.name,
        op="dump",
    )
    return QueryResponse(state.executor, job, state.settings.max_query_timeout, {"Vary": "Accept"})


@router.api_route("/store", methods=["PUT", "POST", "DELETE"])
async def write_graph(request: Request) -> Response:
    state = get_state(request)
    require_writer(request, state.settings)
    graph, _ = _target(request)
    store = state.store
    if request.method == "DELETE":
        if graph is None:
            raise ProtocolError(400, "Name the graph to delete: '/store?graph=IRI' or '/store?default'.")

        def delete() -> bool:
            if isinstance(graph, DefaultGraph):
                store.clear_graph(graph)
                return True
            if not store.contains_named_graph(graph):
                return False
            store.remove_graph(graph)
            return True

        if not await state.write(delete, route="graph_store"):
            raise ProtocolError(404, f"No graph {graph} in the store.")
        return Response(status_code=204, headers=COMMON_HEADERS)

    if graph is None and request.method == "PUT":
        raise ProtocolError(400, "Name the graph to replace: '/store?graph=IRI' or '/store?default'.")
    allowed = DATASET_FORMATS + tuple(f for f in TRIPLE_FORMATS if f not in DATASET_FORMATS) if graph is None else TRIPLE_FORMATS
    fmt = _upload_format(request, allowed)
    body = await read_body(request, state.settings.max_upload_bytes)
    base_iri = graph.value if isinstance(graph, NamedNode) else str(request.url.replace(query="", fragment=""))
    if graph is None and fmt not in DATASET_FORMATS:
        raise ProtocolError(400, "POSTing triples to '/store' needs a target graph ('?graph=IRI' or '?default').")
    quads = _parse(body, fmt, base_iri, graph)

    def put() -> bool:
        assert graph is not None
        existed = _graph_exists(state, graph)
        if existed:
            store.clear_graph(graph)
        elif isinstance(graph, NamedNode):
            store.add_graph(graph)
        store.extend(quads)
        return existed

    def post() -> bool:
        existed = graph is None or _graph_exists(state, graph)
        if isinstance(graph, NamedNode) and not existed:
            store.add_graph(graph)
        store.extend(quads)
        return existed

    existed = await state.write(put if request.method == "PUT" else post, route="graph_store")
    return Response(status_code=204 if existed else 201, headers=COMMON_HEADERS)
