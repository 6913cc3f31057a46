"""What the running app holds: the primary store, the write lock, the worker pool, metrics, examples."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, TypeVar

import asyncio
import sys

import anyio
from pyoxigraph import Store
from starlette.requests import Request

from .examples import Example
from .execution import QueryExecutor
from .metrics import Metrics
from .pool import WorkerPool
from .protocol import ProtocolError
from .settings import Settings

T = TypeVar("T")


@dataclass
class AppState:
    settings: Settings
    store: Store  # the primary (read-write) instance; queries never run on it, only writes and look-ups
    write_lock: asyncio.Lock
    pool: WorkerPool
    executor: QueryExecutor
    metrics: Metrics
    examples: list[Example]

    async def write(self, action: Callable[..., T], *args: Any, route: str) -> T:
        """Run ``action(*args)`` on the primary store in a thread (one write at a time), then publish a
        new snapshot so that queries from now on see the change.  Running queries keep their snapshot.

        The request waits at most ``update_timeout`` seconds (for the lock and the write together),
        then gets 503.  A write cannot be killed — it runs in this process, on the one store instance
        that may write — so one that is already running goes on, keeps the lock, and commits or fails
        on its own; the 503 says so."""
        timeout = self.settings.update_timeout
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            await asyncio.wait_for(self.write_lock.acquire(), timeout)
        except asyncio.TimeoutError:
            self.metrics.updates.inc(route=route, outcome="timeout")
            raise ProtocolError(503, f"Another write was still running after {timeout:g} s; this one was not started. Try again later.") from None
        task = loop.create_task(self._locked_write(action, args, route))
        try:
            return await asyncio.wait_for(asyncio.shield(task), max(0.001, deadline - loop.time()))
        except asyncio.TimeoutError:
            self.metrics.updates.inc(route=route, outcome="timeout")
            task.add_done_callback(_log_late_failure)
            raise ProtocolError(
                503,
                f"The write was still running after {timeout:g} s. It cannot be stopped: it goes on in the background "
                "and will be applied unless it fails; later writes wait for it.",
            ) from None

    async def _locked_write(self, action: Callable[..., T], args: tuple, route: str) -> T:
        try:
            try:
                result = await anyio.to_thread.run_sync(action, *args)
            except BaseException:
                self.metrics.updates.inc(route=route, outcome="failed")
                raise
            finally:
                # Even a failed action may have committed part of its work (e.g. a pipeline's own writes).
                await anyio.to_thread.run_sync(self.pool.snapshots.take, self.store)
        finally:
            self.write_lock.release()
        self.metrics.updates.inc(route=route, outcome="ok")
        return result

    async def read(self, action: Callable[..., T], *args: Any) -> T:
        """A short look-up on the primary store (bounded by the caller), in a thread."""
        return await anyio.to_thread.run_sync(action, *args)


def _log_late_failure(task: "asyncio.Task[Any]") -> None:
    if not task.cancelled() and task.exception() is not None:
        exc = task.exception()
        print(f"newskg: a write that outlived its request failed: {getattr(exc, 'message', exc)}", file=sys.stderr)


def get_state(request: Request) -> AppState:
    return request.app.state.newskg


def endpoint_url(request: Request, settings: Settings, path: str) -> str:
    if settings.public_url:
        return settings.public_url.rstrip("/") + path
    scope = request.scope
    host = None
    for name, value in scope["headers"]:
        if name == b"host":
            host = value
            break
    return _endpoint_url(scope.get("scheme", "http"), host, scope.get("server"), scope.get("root_path", ""), path)


@lru_cache(maxsize=256)
def _endpoint_url(scheme: str, host: bytes | None, server: tuple[str, int] | None, root_path: str, path: str) -> str:
    headers = [(b"host", host)] if host is not None else []
    scope = {"type": "http", "scheme": scheme, "server": server, "root_path": root_path, "path": path, "query_string": b"", "headers": headers}
    return str(Request(scope).url)
