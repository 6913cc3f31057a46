"""What the running app holds: the primary store, the gate, the worker pool, metrics, examples."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, TypeVar

import anyio
from pyoxigraph import Store
from starlette.requests import Request

from .examples import Example
from .execution import QueryExecutor
from .gate import GateTimeout, ReadWriteGate
from .metrics import Metrics
from .pool import WorkerPool
from .protocol import ProtocolError
from .settings import Settings

T = TypeVar("T")


@dataclass
class AppState:
    settings: Settings
    store: Store  # the primary (read-write) instance; queries never run on it, only writes and look-ups
    gate: ReadWriteGate
    pool: WorkerPool
    executor: QueryExecutor
    metrics: Metrics
    examples: list[Example]

    async def write(self, action: Callable[..., T], *args: Any, route: str) -> T:
        """Run ``action(*args)`` in a thread while no query reads the store; workers reopen afterwards."""
        timeout = self.settings.max_query_timeout + 5
        try:
            await self.gate.acquire_write(timeout)
        except GateTimeout:
            self.metrics.updates.inc(route=route, outcome="busy")
            raise ProtocolError(503, f"The store stayed busy with queries for {timeout:g} s; try the write again.") from None
        try:
            result = await anyio.to_thread.run_sync(action, *args)
            await anyio.to_thread.run_sync(self.store.flush)
        except BaseException:
            self.metrics.updates.inc(route=route, outcome="failed")
            raise
        finally:
            self.pool.generation += 1
            self.gate.release_write()
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
