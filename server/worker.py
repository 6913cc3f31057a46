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
    """File-like object pyoxigraph serializes into; sends a DATA frame every ``CHUNK_SIZE`` bytes."""

    def __init__(self, out: BinaryIO) -> None:
        self._out = out
        self._buffer = bytearray()

    def write(self, data: bytes) -> int:
        self._buffer += data
        if len(self._buffer) >= wire.CHUNK_SIZE:
            self.flush_frame()
        return len(data)

    def flush(self) -> None:  # pyoxigraph may call it; frames are sent on our own schedule
        pass

    def flush_frame(self) -> None:
        if self._buffer:
            self._out.write(wire.frame(wire.DATA, bytes(self._buffer)))
            self._buffer.clear()


class QueryError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _graph(iri: str) -> NamedNode | DefaultGraph:
    return NamedNode(iri)


def run_query(store: Store, job: dict[str, Any], out: BinaryIO) -> None:
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
    out.write(wire.json_frame(wire.HEAD, head))

    writer = FrameWriter(out)
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
    writer.flush_frame()


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
        try:
            if store is None or job["generation"] != generation:
                store = None  # close the previous snapshot first
                store = Store.read_only(job["store"])
                generation = job["generation"]
            run_query(store, job, out)
        except QueryError as exc:
            out.write(wire.json_frame(wire.ERROR, {"status": exc.status, "message": exc.message}))
        except Exception as exc:  # noqa: BLE001 - reported to the client, the worker lives on
            out.write(wire.json_frame(wire.ERROR, {"status": 500, "message": f"{type(exc).__name__}: {exc}"}))
        out.write(wire.json_frame(wire.END, {}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
