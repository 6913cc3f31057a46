"""A query worker process: ``python -m server.worker SNAPSHOT GENERATION``.

It opens a snapshot of the store read-only (see ``server.snapshots``), reopening the newer one a
job names, then runs one query at a time as told on stdin and streams framed
results on stdout (see ``server.wire``).  The server kills it at a query's deadline, which is how
timeouts really stop work: pyoxigraph has no cancellation of its own.  It exits when the server
dies (parent-death signal, or end of stdin).
"""

from __future__ import annotations

import itertools
import json
import os
import signal
import sys
from typing import Any, BinaryIO

import pyoxigraph
from pyoxigraph import DefaultGraph, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, Store

from . import wire


class FrameWriter:
    """File-like object pyoxigraph serializes into.

    Everything a job produces (HEAD, DATA, ERROR, END frames) is gathered in one buffer and sent when
    it reaches ``CHUNK_SIZE`` bytes or the job ends, so a small result crosses the pipe in a single
    write and wakes the server once.
    """

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self._frames = bytearray()  # complete frames not yet sent
        self._data = bytearray()  # result bytes not yet framed
        self.sent = False  # whether any frame of this job left the process

    def write(self, data: bytes) -> int:
        self._data += data
        if len(self._data) >= wire.CHUNK_SIZE:
            self._frame_data()
            self.send()
        return len(data)

    def flush(self) -> None:  # pyoxigraph may call it; frames are sent on our own schedule
        pass

    def frame(self, kind: bytes, payload: bytes) -> None:
        self._frame_data()
        self._frames += wire.frame(kind, payload)

    def _frame_data(self) -> None:
        if self._data:
            self._frames += wire.frame(wire.DATA, bytes(self._data))
            self._data.clear()

    def discard(self) -> None:
        """Forget what was not sent yet (a failed job reports only its error, if nothing left)."""
        self._frames.clear()
        self._data.clear()

    def send(self) -> None:
        self._frame_data()
        if self._frames:
            view = memoryview(self._frames)
            while view:
                view = view[self._out.write(view) :]
            view.release()
            self._frames.clear()
            self.sent = True


class QueryError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _graph(iri: str) -> NamedNode | DefaultGraph:
    return NamedNode(iri)


def run_job(store: Store, job: dict[str, Any], writer: FrameWriter) -> None:
    if job.get("op") == "dump":
        dump_dataset(store, job, writer)
    else:
        run_query(store, job, writer)


def dump_dataset(store: Store, job: dict[str, Any], writer: FrameWriter) -> None:
    """The whole dataset (every graph), for ``GET /store`` without a graph."""
    format_name = job["graph_format"]
    writer.frame(wire.HEAD, json.dumps({"kind": "quads", "format": format_name}).encode())
    try:
        store.dump(writer, getattr(RdfFormat, format_name))
    except (OSError, ValueError) as exc:
        raise QueryError(500, f"Dumping the store failed: {exc}") from exc


def run_query(store: Store, job: dict[str, Any], writer: FrameWriter) -> None:
    kwargs: dict[str, Any] = {"base_iri": job.get("base_iri")}
    default_graphs = job.get("default_graphs")
    named_graphs = job.get("named_graphs")
    if default_graphs is not None or named_graphs is not None:
        # The protocol's dataset replaces the query's FROM/FROM NAMED; an omitted part is empty.
        kwargs["default_graph"] = [_graph(g) for g in default_graphs or []]
        kwargs["named_graphs"] = [_graph(g) for g in named_graphs or []]
    elif job.get("union_default_graph"):
        kwargs["use_default_graph_as_union"] = True
    try:
        results = store.query(job["query"], **kwargs)
    except SyntaxError as exc:
        raise QueryError(400, f"Malformed query: {exc}") from exc
    except ValueError as exc:
        raise QueryError(400, f"Invalid query: {exc}") from exc

    if isinstance(results, QuerySolutions):
        kind, format_name = "solutions", job.get("results_format")
    elif isinstance(results, QueryBoolean):
        kind, format_name = "boolean", job.get("results_format")
    else:
        kind, format_name = "triples", job.get("graph_format")
    if not format_name:
        wanted = "query results" if kind != "triples" else "RDF graphs"
        raise QueryError(406, f"None of the requested media types can represent {wanted} (the query's result)")
    head: dict[str, Any] = {"kind": kind, "format": format_name}
    if kind == "solutions":
        head["variables"] = [v.value for v in results.variables]
    writer.frame(wire.HEAD, json.dumps(head).encode())

    max_rows = job.get("max_rows")
    try:
        if kind == "triples":
            fmt = getattr(RdfFormat, format_name)
            if max_rows:
                pyoxigraph.serialize(itertools.islice(results, max_rows), writer, fmt)
            else:
                results.serialize(writer, fmt)
        else:
            fmt = getattr(QueryResultsFormat, format_name)
            if kind == "solutions" and max_rows:
                from .results_writer import WRITERS

                WRITERS[format_name](writer, head["variables"], itertools.islice(results, max_rows))
            else:
                results.serialize(writer, fmt)
    except OSError as exc:
        raise QueryError(500, f"Query evaluation failed: {exc}") from exc
    except (ValueError, TypeError) as exc:
        raise QueryError(500, f"Query evaluation failed: {exc}") from exc


def _die_with_parent() -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # not Linux: end of stdin still stops us between queries
        pass


def main(argv: list[str]) -> int:
    _die_with_parent()
    store_path, generation = argv[1], int(argv[2]) if len(argv) > 2 else 0
    # Keep the framed channel private: anything printed by accident goes to stderr.
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)
    store: Store | None = Store.read_only(store_path)
    out.write(wire.json_frame(wire.READY, {"pid": os.getpid()}))
    for line in sys.stdin.buffer:
        job = json.loads(line)
        writer = FrameWriter(out)
        try:
            if store is None or job["generation"] != generation:
                store = None  # close the previous snapshot first
                store = Store.read_only(job["store"])
                generation = job["generation"]
            run_job(store, job, writer)
        except QueryError as exc:
            writer.discard()
            writer.frame(wire.ERROR, json.dumps({"status": exc.status, "message": exc.message}).encode())
        except Exception as exc:  # noqa: BLE001 - reported to the client, the worker lives on
            writer.discard()
            writer.frame(wire.ERROR, json.dumps({"status": 500, "message": f"{type(exc).__name__}: {exc}"}).encode())
        writer.frame(wire.END, b"{}")
        writer.send()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
