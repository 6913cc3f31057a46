"""SPARQL 1.1 Protocol request parsing: parameters, content types, encodings, size limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote_to_bytes

from starlette.requests import Request

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"


class ProtocolError(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


def parse_params(raw: bytes, where: str) -> dict[str, list[str]]:
    """``application/x-www-form-urlencoded`` decoding that refuses invalid UTF-8 instead of guessing."""
    params: dict[str, list[str]] = {}
    for pair in raw.split(b"&"):
        if not pair:
            continue
        key, _, value = pair.partition(b"=")
        try:
            name = unquote_to_bytes(key.replace(b"+", b" ")).decode("utf-8")
            text = unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ProtocolError(400, f"The {where} is not valid UTF-8 after percent-decoding: {exc}") from None
        params.setdefault(name, []).append(text)
    return params


def media_type_of(content_type: str | None) -> tuple[str, dict[str, str]]:
    if not content_type:
        return "", {}
    main, *rest = content_type.split(";")
    params = {}
    for item in rest:
        key, _, value = item.partition("=")
        params[key.strip().lower()] = value.strip().strip('"')
    return main.strip().lower(), params


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 as soon as it is longer than ``limit`` bytes."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise ProtocolError(413, f"Request body of {int(declared)} bytes exceeds the limit of {limit} bytes.")
        except ValueError:
            raise ProtocolError(400, "Invalid Content-Length header.") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ProtocolError(413, f"Request body exceeds the limit of {limit} bytes.")
        chunks.append(chunk)
    return b"".join(chunks)


def decode_utf8(body: bytes, charset: str | None, what: str) -> str:
    if charset and charset.lower().replace("_", "-") not in ("utf-8", "utf8", "us-ascii", "ascii"):
        raise ProtocolError(415, f"The {what} must be UTF-8 encoded, not {charset}.")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ProtocolError(400, f"The {what} is not valid UTF-8: {exc}") from None


def single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name)
    if not values:
        return None
    if len(values) > 1:
        raise ProtocolError(400, f"Exactly one '{name}' parameter is allowed; got {len(values)}.")
    return values[0]


@dataclass
class Operation:
    """A query or update request, protocol-decoded."""

    text: str
    params: dict[str, list[str]] = field(default_factory=dict)

    def graphs(self, name: str) -> list[str]:
        return self.params.get(name, [])

    def get(self, name: str) -> str | None:
        return single(self.params, name)


async def read_operation(
    request: Request, field_name: str, direct_type: str, limit: int, url_params: dict[str, list[str]] | None = None
) -> Operation:
    """Decode a query (``field_name='query'``) or update request per SPARQL 1.1 Protocol §2.1/§2.2.

    ``url_params``: the URL's parameters, if the caller parsed them already."""
    if request.method in ("GET", "HEAD") and len(request.scope.get("query_string", b"")) > limit:
        raise ProtocolError(414, f"The URL query string exceeds the limit of {limit} bytes; POST the {field_name} instead.")
    if url_params is None:
        url_params = parse_params(request.scope.get("query_string", b""), "URL query string")
    if request.method in ("GET", "HEAD"):
        if field_name == "update":
            raise ProtocolError(405, "SPARQL updates must be sent with POST.", {"Allow": "POST"})
        text = single(url_params, field_name)
        if text is None:
            raise ProtocolError(400, f"Missing '{field_name}' parameter.")
        return Operation(text, url_params)
    if request.method != "POST":
        raise ProtocolError(405, f"Method {request.method} is not allowed here; use GET or POST.", {"Allow": "GET, POST"})
    media_type, ct_params = media_type_of(request.headers.get("content-type"))
    if media_type == FORM:
        body = await read_body(request, limit)
        try:
            body.decode("ascii")
        except UnicodeDecodeError:
            raise ProtocolError(400, "A form-urlencoded body must be ASCII (percent-encode UTF-8 bytes).") from None
        if ct_params.get("charset") and ct_params["charset"].lower() not in ("utf-8", "utf8", "us-ascii", "ascii"):
            raise ProtocolError(415, f"The form must be UTF-8 encoded, not {ct_params['charset']}.")
        form = parse_params(body, "form body")
        if field_name in url_params:
            raise ProtocolError(400, f"The '{field_name}' parameter must be in the body only, not also in the URL.")
        merged = {**url_params}
        for key, values in form.items():
            merged.setdefault(key, []).extend(values)
        text = single(merged, field_name)
        if text is None:
            other = "update" if field_name == "query" else "query"
            hint = f" ('{other}' belongs to the other endpoint)" if other in merged else ""
            raise ProtocolError(400, f"Missing '{field_name}' parameter in the form body{hint}.")
        return Operation(text, merged)
    if media_type == direct_type:
        if field_name in url_params:
            raise ProtocolError(400, f"A direct POST carries the {field_name} in its body; a '{field_name}' URL parameter is not allowed too.")
        body = await read_body(request, limit)
        return Operation(decode_utf8(body, ct_params.get("charset"), field_name), url_params)
    shown = media_type or "no Content-Type"
    raise ProtocolError(415, f"Unsupported Content-Type {shown!r} for a SPARQL {field_name}; use {FORM} or {direct_type}.")
