"""The query page at ``/`` and its JSON helpers; every asset is served from ``server/static``."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, Response

from .protocol import ProtocolError
from .state import get_state

router = APIRouter()
STATIC = Path(__file__).resolve().parent / "static"
ASSETS = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


@router.get("/", include_in_schema=False)
async def query_page() -> Response:
    return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8", headers=PAGE_HEADERS)


@router.get("/static/{name}", include_in_schema=False)
async def asset(name: str) -> Response:
    if name not in ASSETS:
        raise ProtocolError(404, "No such asset.")
    return FileResponse(STATIC / name, media_type=ASSETS[name], headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"})


@router.get("/api/examples")
async def examples(request: Request) -> Response:
    state = get_state(request)
    return JSONResponse([{"id": e.id, "title": e.title, "query": e.query} for e in state.examples])


@router.get("/api/config")
async def config(request: Request) -> Response:
    settings = get_state(request).settings
    return JSONResponse(
        {
            "base": settings.base,
            "union_default_graph": settings.union_default_graph,
            "default_timeout": settings.default_timeout,
            "max_timeout": settings.max_query_timeout,
            "max_rows": settings.max_rows,
            "writes_enabled": settings.writes_enabled,
        }
    )
