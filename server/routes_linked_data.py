"""Linked Data: ``/id/{path}`` dereferences ``{base}{path}``; ``/describe?iri=`` any other IRI."""

from __future__ import annotations

from urllib.parse import quote, unquote

import pyoxigraph
from fastapi import APIRouter
from pyoxigraph import NamedNode
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from .describe import describe
from .formats import GRAPH_FORMATS, HTML
from .html_render import Linker, page
from .negotiation import UnknownFormat, negotiate
from .protocol import ProtocolError, parse_params
from .responses import COMMON_HEADERS
from .state import AppState, get_state

router = APIRouter()

LD_FORMATS = (HTML, *GRAPH_FORMATS)
FORBIDDEN = set('<>"{}|^`\\ ') | {chr(c) for c in range(0x20)} | {"\x7f"}


def iri_from_path(raw: str, base: str) -> str:
    """``{base}{path}`` for a raw request path, refusing traversal and characters IRIs cannot hold."""
    decoded = unquote(raw, errors="strict")
    if not decoded:
        raise ProtocolError(404, "Give a path after /id/, e.g. /id/article/<id>.")
    segments = decoded.split("#", 1)[0].split("/")
    if any(segment in ("", ".", "..") for segment in segments):
        raise ProtocolError(400, "Invalid Linked Data path: empty, '.' or '..' segments are not allowed.")
    if any(ch in FORBIDDEN for ch in decoded):
        raise ProtocolError(400, "Invalid Linked Data path: it contains characters that cannot appear in an IRI.")
    iri = base + decoded
    try:
        NamedNode(iri)
    except ValueError as exc:
        raise ProtocolError(400, f"Invalid IRI {iri!r}: {exc}") from None
    return iri


def _format_links(path: str, separator: str) -> list[tuple[str, str]]:
    return [(f.short[0], f"{path}{separator}format={f.short[0]}") for f in GRAPH_FORMATS]


async def _respond(request: Request, state: AppState, iri: str, self_path: str, separator: str) -> Response:
    params = parse_params(request.scope.get("query_string", b""), "URL query string")
    try:
        fmt = negotiate(request.headers.get("accept"), (params.get("format") or [None])[0], LD_FORMATS)
    except UnknownFormat as exc:
        raise ProtocolError(400, f"Unknown format {exc}.") from None
    if fmt is None:
        raise ProtocolError(406, "Linked Data is available as " + ", ".join(f.media_type for f in LD_FORMATS) + ".")
    settings = state.settings
    is_article = iri.startswith(settings.base + "article/") and "/" not in iri[len(settings.base + "article/"):] and "#" not in iri
    description = await state.read(describe, state.store, iri, settings.describe_limit, is_article)
    status = 404 if description.empty else 200
    headers = {**COMMON_HEADERS, "Vary": "Accept"}
    if fmt is HTML:
        html = page(description, Linker(settings.base), _format_links(self_path, separator))
        return HTMLResponse(html, status_code=status, headers={**headers, "Content-Security-Policy": "default-src 'self'"})
    quads = description.all_quads()
    rdf_format = fmt.rdf_format()
    if rdf_format.supports_datasets:
        data = pyoxigraph.serialize(quads, format=rdf_format)
    else:
        seen = set()
        triples = [q.triple for q in quads if not (q.triple in seen or seen.add(q.triple))]
        prefixes = {"id": settings.base} if fmt.name in ("TURTLE",) else None
        data = pyoxigraph.serialize(triples, format=rdf_format, prefixes=prefixes)
    return Response(data or b"", status_code=status, media_type=fmt.content_type, headers=headers)


@router.api_route("/id/{path:path}", methods=["GET", "HEAD"])
async def linked_data(request: Request, path: str) -> Response:
    state = get_state(request)
    raw_path = request.scope.get("raw_path") or request.url.path.encode()
    raw = raw_path.decode("latin-1").split("?", 1)[0]
    prefix = request.scope.get("root_path", "") + "/id/"
    if not raw.startswith(prefix):
        raise ProtocolError(400, "Invalid Linked Data path.")
    try:
        iri = iri_from_path(raw[len(prefix):], state.settings.base)
    except UnicodeDecodeError:
        raise ProtocolError(400, "Invalid Linked Data path: percent-encoded bytes are not UTF-8.") from None
    return await _respond(request, state, iri, raw, "?")


@router.api_route("/describe", methods=["GET", "HEAD"])
async def describe_any(request: Request) -> Response:
    state = get_state(request)
    params = parse_params(request.scope.get("query_string", b""), "URL query string")
    values = params.get("iri", [])
    if len(values) != 1:
        raise ProtocolError(400, "Give exactly one 'iri' parameter.")
    iri = values[0]
    try:
        NamedNode(iri)
    except ValueError as exc:
        raise ProtocolError(400, f"Invalid IRI {iri!r}: {exc}") from None
    base = state.settings.base
    if iri.startswith(base) and len(iri) > len(base):
        target = "/id/" + quote(iri[len(base):], safe="/:@!$&'()*+,;=-._~#%")
        fmt = params.get("format")
        return RedirectResponse(target + (f"?format={quote(fmt[0])}" if fmt else ""), status_code=303)
    return await _respond(request, state, iri, "/describe?iri=" + quote(iri, safe=""), "&")


