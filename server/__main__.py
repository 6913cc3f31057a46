"""``python -m server --store DIR [--host H] [--port P]`` (the same as ``newskg serve``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from . import run


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m server", description="Serve a newskg store as a SPARQL 1.1 endpoint.")
    parser.add_argument("--store", type=Path, default=None, help="store directory (default: $NEWSKG_STORE or .newskg/store)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--base", default=None, help="base IRI of the data (default: $NEWSKG_BASE or https://w3id.org/newskg/id/)")
    parser.add_argument("--no-union-default-graph", dest="union_default_graph", action="store_false", default=None,
                        help="make the default graph the store's (empty) default graph instead of the union of all graphs")
    parser.add_argument("--no-service", dest="allow_service", action="store_false", default=None,
                        help="refuse queries and updates that use SERVICE (federation), with 400; allowed by default")
    parser.add_argument("--update-timeout", dest="update_timeout", type=float, default=None,
                        help="seconds a write may take before the request gets 503 (default 120; see docs/server.md)")
    parser.add_argument("--timeout", dest="query_timeout", type=float, default=None, help="default query timeout in seconds (default 30)")
    parser.add_argument("--max-timeout", dest="max_query_timeout", type=float, default=None, help="cap on the per-request 'timeout' (default 300)")
    parser.add_argument("--max-rows", type=int, default=None, help="cap on result rows/triples per query (default: none)")
    parser.add_argument("--workers", dest="max_workers", type=int, default=None, help="maximum query worker processes (default 8)")
    parser.add_argument("--idle-workers", dest="min_idle_workers", type=int, default=None, help="idle workers kept ready (default 2)")
    parser.add_argument("--cors", dest="cors_origins", default=None, help="comma-separated origins allowed by CORS ('*' for any); off by default")
    parser.add_argument("--queries", dest="queries_dir", type=Path, default=None, help="folder of example .rq files for the query page")
    parser.add_argument("--log-level", default="info")
    args = vars(parser.parse_args(argv))
    store, host, port = args.pop("store"), args.pop("host"), args.pop("port")
    run(store, host=host, port=port, **args)


if __name__ == "__main__":
    main()
