"""Running one SPARQL query on a worker: deadline, first-chunk error reporting, streaming, cleanup."""

from __future__ import annotations

import asyncio
import json
import signal
import time
from dataclasses import asdict, dataclass, field
from typing import AsyncIterator

from . import wire
from .formats import GRAPH_FORMATS, RESULTS_FORMATS, Format
from .metrics import Metrics
from .pool import PoolExhausted, Worker, WorkerCrashed, WorkerPool


@dataclass(frozen=True)
class QueryJob:
    query: str
    base_iri: str | None
    union_default_graph: bool
    default_graphs: list[str] | None
    named_graphs: list[str] | None
    results_format: str | None  # Format.name among RESULTS_FORMATS, None if not acceptable
    graph_format: str | None  # Format.name among GRAPH_FORMATS
    max_rows: int | None = None

    def message(self, generation: int, store: str) -> dict:
        return {"op": "query", "generation": generation, "store": store, **asdict(self)}


class QueryFailed(Exception):
    def __init__(self, status: int, message: str, outcome: str = "client_error") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.outcome = outcome


class StreamAborted(Exception):
    """The response had started when the query failed; the connection must be cut."""


def _crash_message(exc: WorkerCrashed) -> str:
    code = exc.returncode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"The query worker crashed ({name}); the query may be too deeply nested or too complex."
    return f"The query worker exited unexpectedly (exit code {code})."


@dataclass
class RunningQuery:
    """A query whose first chunk (or whole result) is in hand; ``chunks()`` streams the rest."""

    executor: "QueryExecutor"
    worker: Worker
    kind: str
    format: Format
    deadline: float
    started: float
    first: bytes
    done: bool
    timeout: float
    generation: int
    _finished: bool = field(default=False)

    async def chunks(self) -> AsyncIterator[bytes]:
        outcome = "cancelled"
        try:
            if self.first:
                yield self.first
            while not self.done:
                remaining = self.deadline - asyncio.get_running_loop().time()
                try:
                    kind, payload = await asyncio.wait_for(self.worker.read_frame(), max(0.0, remaining))
                except asyncio.TimeoutError:
                    outcome = "timeout"
                    self.executor.metrics.timeouts.inc()
                    raise StreamAborted(f"query timed out after {self.timeout:g} s while streaming results") from None
                except WorkerCrashed as exc:
                    outcome = "error"
                    raise StreamAborted(_crash_message(exc)) from None
                if kind == wire.DATA:
                    yield payload
                elif kind == wire.END:
                    self.done = True
                elif kind == wire.ERROR:
                    outcome = "error"
                    await self.worker.read_frame()  # its END
                    self.done = True
                    raise StreamAborted(json.loads(payload)["message"])
            outcome = "ok"
        finally:
            self.finish(outcome)

    def finish(self, outcome: str) -> None:
        if self._finished:
            return
        self._finished = True
        if self.done:
            self.executor.pool.release(self.worker)
        else:
            self.executor.pool.discard(self.worker)
        self.executor.pool.snapshots.release(self.generation)
        self.executor.record(self.kind, outcome, self.started)


async def unless_disconnected(request_receive, work: "asyncio.Future | asyncio.Task") -> None:
    """Wait for ``work``; if the client disconnects first, cancel it (which kills its worker)."""

    async def disconnected() -> None:
        while True:
            message = await request_receive()
            if message["type"] == "http.disconnect":
                return

    watcher = asyncio.ensure_future(disconnected())
    try:
        await asyncio.wait({work, watcher}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watcher.cancel()
    if not work.done():
        work.cancel()
        try:
            await work
        except asyncio.CancelledError:
            pass
        raise ClientGone()


class ClientGone(Exception):
    """The client closed the connection before the first result byte."""


class QueryExecutor:
    def __init__(self, pool: WorkerPool, metrics: Metrics) -> None:
        self.pool = pool
        self.metrics = metrics

    def record(self, kind: str, outcome: str, started: float) -> None:
        self.metrics.queries.inc(kind=kind, outcome=outcome)
        self.metrics.query_seconds.observe(time.perf_counter() - started, kind=kind)

    async def start_for(self, receive, job: QueryJob, timeout: float) -> RunningQuery:
        """``start``, abandoned (worker killed) if the client disconnects meanwhile."""
        task = asyncio.ensure_future(self.start(job, timeout))
        await unless_disconnected(receive, task)
        return task.result()

    async def start(self, job: QueryJob, timeout: float) -> RunningQuery:
        """Run ``job`` until its first chunk; errors before that raise ``QueryFailed`` with an HTTP status."""
        loop = asyncio.get_running_loop()
        started = time.perf_counter()
        deadline = loop.time() + timeout
        generation, snapshot = self.pool.snapshots.acquire()
        worker: Worker | None = None
        kind = "unknown"
        try:
            try:
                worker = await self.pool.acquire(max(0.0, deadline - loop.time()))
            except PoolExhausted:
                raise QueryFailed(
                    503, f"All {self.pool.max_workers} query workers stayed busy for the whole query timeout ({timeout:g} s).", "timeout"
                ) from None
            worker.send(job.message(generation, str(snapshot)))
            head: dict | None = None
            while True:
                try:
                    frame_kind, payload = await asyncio.wait_for(worker.read_frame(), max(0.0, deadline - loop.time()))
                except asyncio.TimeoutError:
                    self.metrics.timeouts.inc()
                    raise QueryFailed(503, f"Query timed out after {timeout:g} s; it was stopped.", "timeout") from None
                except WorkerCrashed as exc:
                    raise QueryFailed(500, _crash_message(exc), "error") from None
                if frame_kind == wire.HEAD:
                    head = json.loads(payload)
                    kind = head["kind"]
                    continue
                if frame_kind == wire.ERROR:
                    error = json.loads(payload)
                    end_kind, _ = await asyncio.wait_for(worker.read_frame(), max(1.0, deadline - loop.time()))
                    if end_kind == wire.END:
                        self.pool.release(worker)
                        worker = None
                    status = int(error["status"])
                    raise QueryFailed(status, error["message"], "client_error" if status < 500 else "error")
                if head is None:
                    raise QueryFailed(500, f"Query worker protocol error (frame {frame_kind!r} before head).", "error")
                formats = GRAPH_FORMATS if kind == "triples" else RESULTS_FORMATS
                fmt = next(f for f in formats if f.name == head["format"])
                running = RunningQuery(
                    executor=self,
                    worker=worker,
                    kind=kind,
                    format=fmt,
                    deadline=deadline,
                    started=started,
                    first=payload if frame_kind == wire.DATA else b"",
                    done=frame_kind == wire.END,
                    timeout=timeout,
                    generation=generation,
                )
                worker = None  # owned by ``running`` now, and so is the snapshot
                return running
        except QueryFailed as exc:
            if worker is not None:
                self.pool.discard(worker)
            self.pool.snapshots.release(generation)
            self.record(kind, exc.outcome, started)
            raise
        except BaseException:
            if worker is not None:
                self.pool.discard(worker)
            self.pool.snapshots.release(generation)
            self.record(kind, "cancelled", started)
            raise
