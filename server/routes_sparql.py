"""``/sparql`` (queries, service description) and ``/update`` (SPARQL Update, token only)."""

from __future__ import annotations

from functools import lru_cache

from fastapi import APIRouter
from pyoxigraph import NamedNode
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from .auth import require_writer
from .execution import QueryJob
from .formats import GRAPH_FORMATS, HTML, RESULTS_FORMATS, Format
from .negotiation import UnknownFormat, negotiate
from .protocol import SPARQL_QUERY, SPARQL_UPDATE, Operation, ProtocolError, parse_params, read_operation
from .responses import COMMON_HEADERS, QueryResponse
from .service_description import render, service_description_turtle
from .sparql_text import UsingConflict, apply_using_graphs, nesting_depth, uses_service
from .settings import Settings
from .state import AppState, endpoint_url, get_state

router = APIRouter()

BOOLEAN_PARAMS = {"true": True, "1": True, "yes": True, "false": False, "0": False, "no": False}


def _iris(values: list[str], name: str) -> list[str]:
    for value in values:
        try:
            NamedNode(value)
        except ValueError as exc:
            raise ProtocolError(400, f"Invalid IRI in '{name}': {value!r} ({exc})") from None
    return values


def _check_text(text: str, state: AppState, what: str = "query") -> None:
    settings = state.settings
    depth = nesting_depth(text, settings.max_nesting)
    if depth > settings.max_nesting:
        raise ProtocolError(400, f"The {what} is nested {depth} levels deep; this server allows at most {settings.max_nesting}.")
    if not settings.allow_service and uses_service(text):
        raise ProtocolError(
            400,
            f"This server does not allow SERVICE (federated queries): remove the SERVICE clause from the {what}. "
            "(The operator turned federation off with --no-service / NEWSKG_ALLOW_SERVICE=false.)",
        )


def _timeout(op: Operation, state: AppState) -> float:
    raw = op.get("timeout")
    settings = state.settings
    if raw is None or raw.strip() == "":
        return settings.default_timeout
    try:
        value = float(raw)
    except ValueError:
        raise ProtocolError(400, f"'timeout' must be a number of seconds, not {raw!r}.") from None
    if not value > 0:
        raise ProtocolError(400, "'timeout' must be positive.")
    return min(value, settings.max_query_timeout)


def _union(op: Operation, state: AppState) -> bool:
    raw = op.get("union-default-graph")
    if raw is None:
        return state.settings.union_default_graph
    if raw.lower() not in BOOLEAN_PARAMS:
        raise ProtocolError(400, f"'union-default-graph' must be true or false, not {raw!r}.")
    return BOOLEAN_PARAMS[raw.lower()]


def _formats(request: Request, op: Operation) -> tuple[str | None, str | None]:
    return _formats_for(request.headers.get("accept"), op.get("format"))


@lru_cache(maxsize=1024)
def _formats_for(accept: str | None, format_param: str | None) -> tuple[str | None, str | None]:
    """(results format, graph format) names for this Accept header and ``format`` parameter; cached."""
    chosen = []
    unknown = 0
    for candidates in (RESULTS_FORMATS, GRAPH_FORMATS):
        try:
            fmt = negotiate(accept, format_param, candidates)
        except UnknownFormat:
            fmt, unknown = None, unknown + 1
        chosen.append(fmt.name if fmt else None)
    if unknown == 2:
        known = sorted({s for f in (*RESULTS_FORMATS, *GRAPH_FORMATS) for s in f.short})
        raise ProtocolError(400, f"Unknown format {format_param!r}; use a media type or one of: {', '.join(known)}.")
    if chosen == [None, None]:
        offered = ", ".join(f.media_type for f in (*RESULTS_FORMATS, *GRAPH_FORMATS))
        raise ProtocolError(406, f"Cannot produce any media type acceptable per 'Accept: {accept}'. Available: {offered}.")
    return chosen[0], chosen[1]


@router.api_route("/sparql", methods=["GET", "HEAD", "POST"])
async def sparql(request: Request) -> Response:
    state = get_state(request)
    settings = state.settings
    url_params = None
    if request.method in ("GET", "HEAD"):
        url_params = parse_params(request.scope.get("query_string", b""), "URL query string")
        if "query" not in url_params:
            if "update" in url_params:
                raise ProtocolError(405, "SPARQL updates must be POSTed to /update.", {"Allow": "GET, POST"})
            return service_description(request, state, url_params)
    op = await read_operation(request, "query", SPARQL_QUERY, settings.max_query_bytes, url_params)
    _check_text(op.text, state)
    default_graphs = _iris(op.graphs("default-graph-uri"), "default-graph-uri")
    named_graphs = _iris(op.graphs("named-graph-uri"), "named-graph-uri")
    dataset_given = bool(default_graphs or named_graphs)
    results_format, graph_format = _formats(request, op)
    job = QueryJob(
        query=op.text,
        base_iri=endpoint_url(request, settings, "/sparql"),
        union_default_graph=_union(op, state) and not dataset_given,
        default_graphs=default_graphs if dataset_given else None,
        named_graphs=named_graphs if dataset_given else None,
        results_format=results_format,
        graph_format=graph_format,
        max_rows=settings.max_rows,
    )
    timeout = _timeout(op, state)
    headers = {"Vary": "Accept", "Cache-Control": "no-store"}
    if settings.max_rows:
        headers["X-Row-Limit"] = str(settings.max_rows)
    return QueryResponse(state.executor, job, timeout, headers)


def service_description(request: Request, state: AppState, params: dict[str, list[str]]) -> Response:
    format_param = (params.get("format") or [None])[0]
    try:
        fmt = negotiate(request.headers.get("accept"), format_param, (*GRAPH_FORMATS, HTML))
    except UnknownFormat:
        raise ProtocolError(400, f"Unknown format {format_param!r} for the service description.") from None
    if fmt is None:
        raise ProtocolError(406, "The service description is available as " + ", ".join(f.media_type for f in GRAPH_FORMATS) + ".")
    if fmt is HTML:
        return RedirectResponse("/", status_code=303)
    settings = state.settings
    body = _service_description(endpoint_url(request, settings, "/sparql"), endpoint_url(request, settings, "/update"), settings, fmt)
    return Response(body, media_type=fmt.content_type, headers={**COMMON_HEADERS, "Vary": "Accept"})


@lru_cache(maxsize=64)
def _service_description(endpoint: str, update_endpoint: str, settings: Settings, fmt: Format) -> bytes:
    """Rendered once per endpoint URL and format (settings are fixed while the server runs)."""
    return render(service_description_turtle(endpoint, update_endpoint, settings), fmt)


@router.api_route("/update", methods=["GET", "HEAD", "POST"])
async def update(request: Request) -> Response:
    state = get_state(request)
    if request.method != "POST":
        raise ProtocolError(405, "SPARQL updates must be sent with POST.", {"Allow": "POST"})
    require_writer(request, state.settings)
    op = await read_operation(request, "update", SPARQL_UPDATE, state.settings.max_query_bytes)
    _check_text(op.text, state, "update")
    using = _iris(op.graphs("using-graph-uri"), "using-graph-uri")
    using_named = _iris(op.graphs("using-named-graph-uri"), "using-named-graph-uri")
    try:
        text = apply_using_graphs(op.text, using, using_named)
    except UsingConflict as exc:
        raise ProtocolError(400, str(exc)) from None
    base_iri = endpoint_url(request, state.settings, "/update")

    def run() -> None:
        try:
            state.store.update(text, base_iri=base_iri)
        except SyntaxError as exc:
            raise ProtocolError(400, f"Malformed update: {exc}") from None
        except ValueError as exc:
            raise ProtocolError(400, f"Invalid update: {exc}") from None
        except OSError as exc:
            raise ProtocolError(500, f"Update failed: {exc}") from None

    await state.write(run, route="update")
    return Response(status_code=204, headers=COMMON_HEADERS)
