"""Responses: plain-text errors and the query response (runs the query, then sends or streams it)."""

from __future__ import annotations

import asyncio
import sys

from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send

from .execution import ClientGone, QueryExecutor, QueryFailed, QueryJob, RunningQuery, StreamAborted

COMMON_HEADERS = {"X-Content-Type-Options": "nosniff"}

#: The client's connection is watched for a disconnect only once a query has run this long (seconds):
#: most queries are done sooner, and watching costs a task per request.
WATCH_AFTER = 0.02


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers={**COMMON_HEADERS, **(headers or {})})


async def _watch_disconnect(receive: Receive, running: RunningQuery) -> None:
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            running.abort("client")
            return


class QueryResponse(Response):
    """Runs ``job`` on a worker when sent.

    Errors before the first result byte become plain-text error responses with their status.  A
    result that arrives whole (the usual case) is sent with ``Content-Length``; a longer one streams
    in chunks with back-pressure.  If the query fails after the status line was sent (deadline while
    streaming, worker crash), the connection is cut without the final chunk, so clients see an
    incomplete response, not a short but seemingly valid one.  A client that leaves gets its worker
    killed, before or during streaming.
    """

    def __init__(self, executor: QueryExecutor, job: QueryJob, timeout: float, headers: dict[str, str]) -> None:
        self.status_code = 200
        self.background = None
        self.body = b""
        self.executor = executor
        self.job = job
        self.timeout = timeout
        self.headers_in = headers
        self.raw_headers = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        loop = asyncio.get_running_loop()
        running = RunningQuery(self.executor, self.timeout)
        watcher: asyncio.Task[None] | None = None

        def watch() -> None:
            nonlocal watcher
            if watcher is None:
                watcher = loop.create_task(_watch_disconnect(receive, running))

        handle = loop.call_later(WATCH_AFTER, watch)
        aborted: StreamAborted | None = None
        try:
            try:
                await self.executor.start(self.job, self.timeout, running)
            except QueryFailed as exc:
                await error_response(exc.status, exc.message)(scope, receive, send)
                return
            except ClientGone:
                await error_response(499, "Client closed the request.")(scope, receive, send)
                return
            assert running.format is not None
            headers = [
                *((k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in {**COMMON_HEADERS, **self.headers_in}.items()),
                (b"content-type", running.format.content_type.encode("latin-1")),
            ]
            head_only = scope.get("method") == "HEAD"
            if running.done:
                body = running.first
                headers.append((b"content-length", str(len(body)).encode()))
                await send({"type": "http.response.start", "status": 200, "headers": headers})
                await send({"type": "http.response.body", "body": b"" if head_only else body})
                return
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            if head_only:
                await send({"type": "http.response.body", "body": b""})
                return
            watch()
            chunks = running.chunks()
            try:
                if running.first:
                    await send({"type": "http.response.body", "body": running.first, "more_body": True})
                async for chunk in chunks:
                    await send({"type": "http.response.body", "body": chunk, "more_body": True})
                await send({"type": "http.response.body", "body": b"", "more_body": False})
            except StreamAborted as exc:
                if running.reason != "client":
                    aborted = exc
            finally:
                await chunks.aclose()
        finally:
            handle.cancel()
            if watcher is not None:
                watcher.cancel()
            running.finish("cancelled")  # no-op when the query ended normally
        if aborted is not None:
            print(f"newskg: response aborted: {aborted}", file=sys.stderr)
            raise aborted
