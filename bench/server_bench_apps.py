"""Comparison servers for bench/server_bench.py, each run as ``python bench/server_bench_apps.py KIND STORE_OR_NQ PORT``.

- ``minimal``: a FastAPI handler calling pyoxigraph directly (thread pool, no isolation, no timeouts).
- ``rdflib``: rdflib-endpoint on an rdflib Dataset (rdflib's pure-Python SPARQL engine).
"""

from __future__ import annotations

import sys

import uvicorn


def minimal(store_path: str):
    import pyoxigraph
    from fastapi import FastAPI
    from fastapi.responses import Response

    store = pyoxigraph.Store.read_only(store_path)
    app = FastAPI()

    @app.get("/sparql")
    def sparql(query: str) -> Response:  # sync: FastAPI runs it in its thread pool
        results = store.query(query, use_default_graph_as_union=True)
        return Response(results.serialize(format=pyoxigraph.QueryResultsFormat.JSON), media_type="application/sparql-results+json")

    return app


def rdflib_endpoint(nquads_path: str):
    from rdflib import Dataset
    from rdflib_endpoint import SparqlEndpoint

    dataset = Dataset(default_union=True)
    dataset.parse(nquads_path, format="nquads")
    return SparqlEndpoint(graph=dataset, path="/sparql", cors_enabled=False)


if __name__ == "__main__":
    kind, source, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    app = minimal(source) if kind == "minimal" else rdflib_endpoint(source)
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")
