"""newskg SPARQL 1.1 server: protocol-complete endpoint, Linked Data and a query page over the store.

Kept import-light on purpose: query workers (``python -m server.worker``) import this package too.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from .settings import Settings

__all__ = ["create_app", "run"]


def create_app(settings: "Settings | None" = None) -> "FastAPI":
    from .app import create_app as _create_app

    return _create_app(settings)


def run(store_path: Path | str | None = None, host: str = "127.0.0.1", port: int = 8000, **settings: Any) -> None:
    """Serve the store at ``store_path`` (else ``NEWSKG_STORE``, else ``.newskg/store``) until interrupted.

    Extra keyword arguments are ``server.settings.Settings`` fields (e.g. ``query_timeout=10``,
    ``union_default_graph=False``); unset ones come from ``NEWSKG_*`` environment variables.
    ``log_level`` is passed to uvicorn.
    """
    import uvicorn

    from .app import create_app as _create_app
    from .app import open_primary
    from .settings import Settings

    log_level = settings.pop("log_level", "info")
    config = Settings.from_env(store=Path(store_path) if store_path is not None else None, **settings)
    store = open_primary(config)  # fails fast, with one clear line, if the store is locked
    uvicorn.run(
        _create_app(config, store),
        host=host,
        port=port,
        log_level=log_level,
        proxy_headers=False,
        timeout_graceful_shutdown=5,
        h11_max_incomplete_event_size=config.max_query_bytes + 16 * 1024,
    )
