"""What the running app holds: the primary store, the write lock, the worker pool, metrics, examples."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import asyncio

import anyio
from pyoxigraph import Store
from starlette.requests import Request

from .examples import Example
from .execution import QueryExecutor
from .metrics import Metrics
from .pool import WorkerPool
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
        new snapshot so that queries from now on see the change.  Running queries keep their snapshot."""
        async with self.write_lock:
            try:
                result = await anyio.to_thread.run_sync(action, *args)
            except BaseException:
                self.metrics.updates.inc(route=route, outcome="failed")
                raise
            finally:
                # Even a failed action may have committed part of its work (e.g. a pipeline's own writes).
                await anyio.to_thread.run_sync(self.pool.snapshots.take, self.store)
        self.metrics.updates.inc(route=route, outcome="ok")
        return result

    async def read(self, action: Callable[..., T], *args: Any) -> T:
        """A short look-up on the primary store (bounded by the caller), in a thread."""
        return await anyio.to_thread.run_sync(action, *args)


def get_state(request: Request) -> AppState:
    return request.app.state.newskg


def endpoint_url(request: Request, settings: Settings, path: str) -> str:
    if settings.public_url:
        return settings.public_url.rstrip("/") + path
    return str(request.url.replace(path=path, query="", fragment=""))
