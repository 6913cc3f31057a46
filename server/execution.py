"""Running one SPARQL query on a worker: deadline, cancellation, first-chunk error reporting, streaming.

Each query holds one timer, set at its deadline.  When it fires — or when the client leaves — the
query is *aborted*: its worker is killed (SIGKILL), which is the only way to stop pyoxigraph, and
whatever awaits the worker's next frame sees the end of the pipe and reports the reason.  No task
or ``wait_for`` is created per frame.
"""

from __future__ import annotations

import asyncio
import json
import signal
import time
from dataclasses import dataclass
from typing import AsyncIterator

from . import wire
from .formats import GRAPH_FORMATS, RESULTS_FORMATS, Format
from .metrics import Metrics
from .pool import Worker, WorkerCrashed, WorkerPool

FORMATS_BY_KIND = {
    "triples": {f.name: f for f in GRAPH_FORMATS},
    "quads": {f.name: f for f in GRAPH_FORMATS},
    "solutions": {f.name: f for f in RESULTS_FORMATS},
    "boolean": {f.name: f for f in RESULTS_FORMATS},
}

#: A query still running after this many seconds gets the lowest CPU priority (see ``server.pool``).
SLOW_AFTER = 0.25


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
    op: str = "query"  # or "dump": the whole dataset in ``graph_format``

    def message(self, generation: int, store: str) -> str:
        return json.dumps(
            {
                "op": self.op,
                "generation": generation,
                "store": store,
                "query": self.query,
                "base_iri": self.base_iri,
                "union_default_graph": self.union_default_graph,
                "default_graphs": self.default_graphs,
                "named_graphs": self.named_graphs,
                "results_format": self.results_format,
                "graph_format": self.graph_format,
                "max_rows": self.max_rows,
            }
        )


class QueryFailed(Exception):
    def __init__(self, status: int, message: str, outcome: str = "client_error") -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.outcome = outcome


class StreamAborted(Exception):
    """The response had started when the query failed; the connection must be cut."""


class ClientGone(Exception):
    """The client closed the connection before the first result byte."""


def _crash_message(exc: WorkerCrashed) -> str:
    code = exc.returncode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"The query worker crashed ({name}); the query may be too deeply nested or too complex."
    return f"The query worker exited unexpectedly (exit code {code})."


class RunningQuery:
    """One query from request to last byte: its worker, snapshot, deadline timer and outcome."""

    def __init__(self, executor: "QueryExecutor", timeout: float) -> None:
        self.executor = executor
        self.pool = executor.pool
        self.timeout = timeout
        loop = asyncio.get_running_loop()
        self.started = time.perf_counter()
        self.deadline = loop.time() + timeout
        self.reason: str | None = None  # why it was aborted: "timeout" or "client"
        self.worker: Worker | None = None
        self.waiting: asyncio.Future[None] | None = None  # while in line for a worker
        self.kind = "unknown"
        self.format: Format | None = None
        self.first = b""  # result bytes already in hand
        self.done = False  # the worker sent END: ``first`` is the whole result
        self._finished = False
        self.generation, self.snapshot = self.pool.snapshots.acquire()
        self._timer = loop.call_at(self.deadline, self.abort, "timeout")
        self._slow_timer: asyncio.TimerHandle | None = None

    # -- cancellation -------------------------------------------------------------------------

    def abort(self, reason: str) -> None:
        """Stop the query now (deadline or client gone): kill its worker or leave the line."""
        if self._finished or self.reason is not None:
            return
        self.reason = reason
        if self.worker is not None:
            self.pool.kill(self.worker)
        if self.waiting is not None and not self.waiting.done():
            self.waiting.cancel()

    def _aborted(self) -> Exception:
        if self.reason == "client":
            return ClientGone()
        if self.worker is None:
            return QueryFailed(
                503, f"All {self.pool.max_workers} query workers stayed busy for the whole query timeout ({self.timeout:g} s).", "timeout"
            )
        return QueryFailed(503, f"Query timed out after {self.timeout:g} s; it was stopped.", "timeout")

    def _lower_priority(self) -> None:
        if self.worker is not None and not self._finished:
            self.worker.lower_priority()

    # -- reading --------------------------------------------------------------------------------

    async def _read(self) -> tuple[bytes, bytes]:
        assert self.worker is not None
        try:
            return await self.worker.read_frame()
        except WorkerCrashed as exc:
            if self.reason is not None:
                raise self._aborted() from None
            raise QueryFailed(500, _crash_message(exc), "error") from None

    async def begin(self, job: QueryJob) -> None:
        """Run ``job`` until its first chunk; errors before that raise ``QueryFailed`` with an HTTP status."""
        try:
            worker = await self.pool.acquire(self)
        except asyncio.CancelledError:
            if self.reason is None:
                raise
            raise self._aborted() from None
        if self.reason is not None:  # aborted just as a worker became free
            self.pool.release(worker)
            raise self._aborted()
        self.worker = worker
        worker.send_raw(job.message(self.generation, str(self.snapshot)))
        self._slow_timer = asyncio.get_running_loop().call_later(SLOW_AFTER, self._lower_priority)
        head: dict | None = None
        while True:
            frame_kind, payload = await self._read()
            if frame_kind == wire.HEAD:
                head = json.loads(payload)
                self.kind = head["kind"]
                continue
            if frame_kind == wire.ERROR:
                error = json.loads(payload)
                end_kind, _ = await self._read()
                self.done = end_kind == wire.END
                status = int(error["status"])
                raise QueryFailed(status, error["message"], "client_error" if status < 500 else "error")
            if head is None:
                raise QueryFailed(500, f"Query worker protocol error (frame {frame_kind!r} before head).", "error")
            self.format = FORMATS_BY_KIND[self.kind][head["format"]]
            if frame_kind == wire.END:
                self.done = True
                return
            self.first = payload
            if len(payload) < wire.CHUNK_SIZE:
                # A short DATA frame is the last one; the worker sent it with its END in one write.
                frame_kind, payload = await self._read()
                if frame_kind == wire.END:
                    self.done = True
                else:
                    self._pending = (frame_kind, payload)
            return

    _pending: tuple[bytes, bytes] | None = None

    async def chunks(self) -> AsyncIterator[bytes]:
        """The rest of the result after ``first``; ``StreamAborted`` if it cannot be completed."""
        outcome = "cancelled"
        try:
            while not self.done:
                if self._pending is not None:
                    kind, payload = self._pending
                    self._pending = None
                else:
                    try:
                        kind, payload = await self._read()
                    except QueryFailed as exc:
                        outcome = exc.outcome
                        if exc.outcome == "timeout":
                            raise StreamAborted(f"query timed out after {self.timeout:g} s while streaming results") from None
                        raise StreamAborted(exc.message) from None
                    except ClientGone:
                        raise StreamAborted("client closed the connection") from None
                if kind == wire.DATA:
                    yield payload
                elif kind == wire.END:
                    self.done = True
                elif kind == wire.ERROR:
                    outcome = "error"
                    await self._read()  # its END
                    self.done = True
                    raise StreamAborted(json.loads(payload)["message"])
            outcome = "ok"
        finally:
            self.finish(outcome)

    def finish(self, outcome: str) -> None:
        if self._finished:
            return
        self._finished = True
        self._timer.cancel()
        if self._slow_timer is not None:
            self._slow_timer.cancel()
        if self.worker is not None:
            if self.done and self.reason is None:
                self.pool.release(self.worker)
            else:
                self.pool.discard(self.worker)
        self.pool.snapshots.release(self.generation)
        if outcome == "timeout" or (outcome == "cancelled" and self.reason == "timeout"):
            outcome = "timeout"
            self.executor.metrics.timeouts.inc()
        self.executor.record(self.kind, outcome, self.started)


class QueryExecutor:
    def __init__(self, pool: WorkerPool, metrics: Metrics) -> None:
        self.pool = pool
        self.metrics = metrics

    def record(self, kind: str, outcome: str, started: float) -> None:
        self.metrics.queries.inc(kind=kind, outcome=outcome)
        self.metrics.query_seconds.observe(time.perf_counter() - started, kind=kind)

    async def start(self, job: QueryJob, timeout: float, running: RunningQuery | None = None) -> RunningQuery:
        """Run ``job`` until its first chunk (``running`` lets the caller abort it meanwhile)."""
        running = running or RunningQuery(self, timeout)
        try:
            await running.begin(job)
        except QueryFailed as exc:
            running.finish(exc.outcome)
            raise
        except ClientGone:
            running.finish("cancelled")
            raise
        except BaseException:
            running.finish("cancelled")
            raise
        if running.done:
            running.finish("ok")
        return running
