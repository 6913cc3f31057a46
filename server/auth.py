"""Bearer-token check for the write routes (read-only unless ``NEWSKG_WRITE_TOKEN`` is set)."""

from __future__ import annotations

import hmac

from starlette.requests import Request

from .protocol import ProtocolError
from .settings import Settings

CHALLENGE = {"WWW-Authenticate": 'Bearer realm="newskg"'}


def require_writer(request: Request, settings: Settings) -> None:
    """Raise 403 if writes are disabled, 401 without credentials, 403 for a wrong token."""
    if settings.write_token is None:
        raise ProtocolError(403, "This server is read-only: writes are enabled only when NEWSKG_WRITE_TOKEN is set.")
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise ProtocolError(401, "This route needs 'Authorization: Bearer <token>'.", CHALLENGE)
    if not hmac.compare_digest(token.strip().encode(), settings.write_token.encode()):
        raise ProtocolError(403, "The bearer token is not valid for writing.")
