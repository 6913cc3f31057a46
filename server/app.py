"""The FastAPI application: ``create_app(settings)``."""

from __future__ import annotations

import asyncio
import gc
import sys
from contextlib import asynccontextmanager
from typing import AsyncIterator

import anyio
from fastapi import FastAPI
from pyoxigraph import Store
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from . import routes_articles, routes_graph_store, routes_linked_data, routes_sparql, routes_ui
from .examples import load_examples
from .execution import ClientGone, QueryExecutor, QueryFailed
from .metrics import CONTENT_TYPE, Metrics
from .pool import WorkerPool
from .protocol import ProtocolError
from .responses import error_response
from .settings import Settings
from .snapshots import Snapshots
from .state import AppState


def open_primary(settings: Settings) -> Store:
    settings.store.mkdir(parents=True, exist_ok=True)
    try:
        return Store(str(settings.store))
    except OSError as exc:
        raise SystemExit(
            f"newskg: cannot open the store at {settings.store} for the server ({exc}). "
            "Is another process (e.g. 'newskg ingest') using it? Stop it, or send writes through the server."
        ) from None


class HttpMetricsMiddleware:
    """Counts requests by route template and status code."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status = {"code": 500}

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            route = scope.get("route")
            path = getattr(route, "path", None) or "unmatched"
            self.metrics.http.inc(route=path, status=str(status["code"]))


class _RouteInfo:
    def __init__(self, path: str) -> None:
        self.path = path


class SparqlFastPath:
    """Serves ``GET``/``HEAD``/``POST /sparql`` directly, without FastAPI's router and dependency
    machinery (a large share of a cheap query's time).  It sits inside the CORS and metrics
    middleware, so both still apply; errors become the same plain-text responses as elsewhere.
    Other methods on ``/sparql`` fall through to the router (405)."""

    ROUTE = _RouteInfo("/sparql")

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != "/sparql" or scope["method"] not in ("GET", "HEAD", "POST"):
            await self.app(scope, receive, send)
            return
        scope["route"] = self.ROUTE
        try:
            response = await routes_sparql.sparql(Request(scope, receive))
        except ProtocolError as exc:
            response = error_response(exc.status, exc.message, exc.headers)
        await response(scope, receive, send)


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    """The app for ``settings``; ``store`` is the already opened primary store, else opened at start-up."""
    settings = settings or Settings.from_env()
    opened = [store]
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        given = opened.pop() if opened else None
        store = given if given is not None else open_primary(settings)  # (an empty Store is falsy)
        snapshots = Snapshots(settings.store)
        snapshots.reset()
        await anyio.to_thread.run_sync(snapshots.take, store)
        pool = WorkerPool(snapshots, settings.min_idle_workers, settings.max_workers)
        await pool.start()
        state = AppState(
            settings=settings,
            store=store,
            write_lock=asyncio.Lock(),
            pool=pool,
            executor=QueryExecutor(pool, metrics),
            metrics=metrics,
            examples=load_examples(settings.queries_dir),
        )
        metrics.add_gauge(
            "newskg_query_workers",
            "Query worker processes by state.",
            lambda: {(("state", "idle"),): len(pool.idle), (("state", "busy"),): len(pool.busy), (("state", "starting"),): pool.starting},
        )
        metrics.add_gauge("newskg_query_workers_killed_total", "Workers killed (deadline, disconnect, crash) since start.", lambda: {(): pool.killed_total})
        app.state.newskg = state
        try:
            yield
        finally:
            await pool.close()
            snapshots.close()
            store.flush()
            del app.state.newskg, state, store
            gc.collect()

    app = FastAPI(
        title="newskg SPARQL endpoint",
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.add_middleware(SparqlFastPath)
    app.add_middleware(HttpMetricsMiddleware, metrics=metrics)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"],
            allow_headers=["Accept", "Authorization", "Content-Type"],
            expose_headers=["Content-Type", "Location", "X-Row-Limit"],
            max_age=600,
        )

    @app.exception_handler(ProtocolError)
    async def protocol_error(request: Request, exc: ProtocolError) -> Response:
        return error_response(exc.status, exc.message, exc.headers)

    @app.exception_handler(QueryFailed)
    async def query_failed(request: Request, exc: QueryFailed) -> Response:
        return error_response(exc.status, exc.message)

    @app.exception_handler(ClientGone)
    async def client_gone(request: Request, exc: ClientGone) -> Response:
        return error_response(499, "Client closed the request.")

    @app.get("/health", include_in_schema=False)
    async def health(request: Request) -> Response:
        state: AppState = request.app.state.newskg
        return JSONResponse(
            {
                "status": "ok",
                "store": str(settings.store),
                "writes_enabled": settings.writes_enabled,
                "union_default_graph": settings.union_default_graph,
                "workers": {"idle": len(state.pool.idle), "busy": len(state.pool.busy), "starting": state.pool.starting, "max": state.pool.max_workers},
            }
        )

    @app.get("/metrics", include_in_schema=False)
    async def prometheus(request: Request) -> Response:
        return Response(metrics.exposition(), media_type=CONTENT_TYPE)

    app.include_router(routes_sparql.router)
    app.include_router(routes_graph_store.router)
    app.include_router(routes_articles.router)
    app.include_router(routes_linked_data.router)
    app.include_router(routes_ui.router)
    return app


def log(message: str) -> None:
    print(f"newskg: {message}", file=sys.stderr)
