"""Server settings: one frozen dataclass, filled from keyword arguments and ``NEWSKG_*`` variables."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping

DEFAULT_BASE = "https://w3id.org/newskg/id/"
DEFAULT_STORE = Path(".newskg/store")
REPO_ROOT = Path(__file__).resolve().parent.parent


def _bool(value: str) -> bool:
    lowered = value.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"not a boolean: {value!r}")


def _optional_int(value: str) -> int | None:
    value = value.strip()
    return int(value) if value and value.lower() not in {"none", "0"} else None


def _csv(value: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in value.split(",") if item.strip())


@dataclass(frozen=True)
class Settings:
    """Everything the server can be told.  Each field may be set by ``NEWSKG_<FIELD>`` (upper case)."""

    store: Path = DEFAULT_STORE
    #: IRIs starting with this prefix are served as Linked Data under ``/id/``.
    base: str = DEFAULT_BASE
    #: Without ``default-graph-uri``/``named-graph-uri`` the default graph is the union of all graphs.
    union_default_graph: bool = True
    #: Seconds a query may run (including streaming its results) unless the request asks for less.
    query_timeout: float = 30.0
    #: Upper bound for the per-request ``timeout`` parameter.
    max_query_timeout: float = 300.0
    #: Cap on SELECT rows / CONSTRUCT triples returned by ``/sparql``; ``None`` means no cap.
    max_rows: int | None = None
    #: Query worker processes kept idle, ready for the next query.
    min_idle_workers: int = 2
    #: Hard cap on query worker processes; further queries wait in line (until their deadline).
    max_workers: int = 8
    #: Bearer token enabling ``/update``, the Graph Store Protocol writes and ``POST /articles``.
    write_token: str | None = None
    #: Origins allowed by CORS; empty means CORS is off.  ``*`` allows any origin.
    cors_origins: tuple[str, ...] = ()
    #: Maximum size of a query or update request body (bytes).
    max_query_bytes: int = 1 << 20
    #: Maximum size of an uploaded graph or article (bytes).
    max_upload_bytes: int = 64 << 20
    #: Queries nested deeper than this (braces/brackets/parentheses) are refused before parsing.
    max_nesting: int = 200
    #: Folder of ``*.rq`` example queries for the query page (missing folder: no examples).
    queries_dir: Path = field(default_factory=lambda: REPO_ROOT / "queries")
    #: Quads listed per direction (as subject / as object) on a Linked Data page.
    describe_limit: int = 2000
    #: Allow ``SERVICE`` (federated queries, e.g. to Wikidata).  Off: queries and updates using it get 400.
    allow_service: bool = True
    #: Seconds a SPARQL update (or other write) may run before the request gets 503 (see docs/server.md).
    update_timeout: float = 120.0
    #: Public URL of the service (for the service description and base IRIs); derived from the request if unset.
    public_url: str | None = None

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> "Settings":
        """Defaults, then ``NEWSKG_*`` variables, then explicit ``overrides`` (``None`` values are ignored)."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(f"NEWSKG_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(f.name, raw)
        for name, value in overrides.items():
            if name not in {f.name for f in fields(cls)}:
                raise TypeError(f"unknown setting: {name}")
            if value is not None:
                values[name] = value
        settings = cls(**values)
        return settings.validated()

    def validated(self) -> "Settings":
        changes: dict[str, Any] = {"store": Path(self.store), "queries_dir": Path(self.queries_dir)}
        if isinstance(self.cors_origins, str):
            changes["cors_origins"] = _csv(self.cors_origins)
        if not self.write_token:
            changes["write_token"] = None
        settings = replace(self, **changes)
        if not settings.base.startswith(("http://", "https://")):
            raise ValueError(f"base must be an http(s) IRI, got {settings.base!r}")
        if settings.query_timeout <= 0 or settings.max_query_timeout <= 0 or settings.update_timeout <= 0:
            raise ValueError("timeouts must be positive")
        if settings.min_idle_workers < 1 or settings.max_workers < settings.min_idle_workers:
            raise ValueError("need 1 <= min_idle_workers <= max_workers")
        if settings.max_rows is not None and settings.max_rows < 1:
            raise ValueError("max_rows must be positive (or unset)")
        return settings

    @property
    def default_timeout(self) -> float:
        return min(self.query_timeout, self.max_query_timeout)

    @property
    def writes_enabled(self) -> bool:
        return self.write_token is not None


_PARSERS = {
    "store": Path,
    "queries_dir": Path,
    "union_default_graph": _bool,
    "allow_service": _bool,
    "update_timeout": float,
    "query_timeout": float,
    "max_query_timeout": float,
    "max_rows": _optional_int,
    "min_idle_workers": int,
    "max_workers": int,
    "max_query_bytes": int,
    "max_upload_bytes": int,
    "max_nesting": int,
    "describe_limit": int,
    "cors_origins": _csv,
}


def _parse(name: str, raw: str) -> Any:
    parser = _PARSERS.get(name)
    try:
        return parser(raw) if parser else raw
    except ValueError as exc:
        raise ValueError(f"NEWSKG_{name.upper()}: {exc}") from exc
