"""Responses: plain-text errors and the streaming query response."""

from __future__ import annotations

import sys

import anyio
from starlette.responses import PlainTextResponse, Response
from starlette.types import Receive, Scope, Send

from .execution import RunningQuery, StreamAborted

COMMON_HEADERS = {"X-Content-Type-Options": "nosniff"}


def error_response(status: int, message: str, headers: dict[str, str] | None = None) -> Response:
    return PlainTextResponse(message + "\n", status_code=status, headers={**COMMON_HEADERS, **(headers or {})})


class QueryResultsResponse(Response):
    """Streams a running query's chunks with back-pressure; stops the worker if the client leaves.

    If the query fails after the status line was sent (deadline while streaming, worker crash), the
    connection is cut without the final chunk, so clients see an incomplete response, not a short
    but seemingly valid one.
    """

    def __init__(self, running: RunningQuery, headers: dict[str, str]) -> None:
        self.status_code = 200
        self.background = None
        self.body = b""
        all_headers = {**COMMON_HEADERS, **headers, "content-type": running.format.content_type}
        self.raw_headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in all_headers.items()]
        self.running = running

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        aborted: StreamAborted | None = None
        try:
            await send({"type": "http.response.start", "status": self.status_code, "headers": self.raw_headers})
            if scope.get("method") == "HEAD":
                await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            async with anyio.create_task_group() as group:

                async def watch_disconnect() -> None:
                    while True:
                        message = await receive()
                        if message["type"] == "http.disconnect":
                            group.cancel_scope.cancel()
                            return

                group.start_soon(watch_disconnect)
                chunks = self.running.chunks()
                try:
                    async for chunk in chunks:
                        await send({"type": "http.response.body", "body": chunk, "more_body": True})
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                except StreamAborted as exc:
                    aborted = exc
                finally:
                    group.cancel_scope.cancel()
                    await chunks.aclose()
        finally:
            self.running.finish("cancelled")  # no-op when the stream ended normally
        if aborted is not None:
            print(f"newskg: response aborted: {aborted}", file=sys.stderr)
            raise aborted
