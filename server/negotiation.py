"""HTTP content negotiation (RFC 9110 §12.5.1): q-values, wildcards, most specific range wins."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .formats import Format, from_parameter


class NotAcceptable(Exception):
    """No format we can produce is acceptable to the client (HTTP 406)."""


class UnknownFormat(Exception):
    """The ``format`` parameter names nothing we know (HTTP 400)."""


@dataclass(frozen=True)
class MediaRange:
    type: str
    subtype: str
    q: float
    specificity: int  # 0 = */*, 1 = type/*, 2 = type/subtype

    def matches(self, media_type: str) -> bool:
        main, _, sub = media_type.partition("/")
        return (self.type in ("*", main)) and (self.subtype in ("*", sub))


def parse_accept(header: str | None) -> list[MediaRange]:
    """Parse an Accept header; malformed members are skipped, as browsers and servers do."""
    if not header or not header.strip():
        return [MediaRange("*", "*", 1.0, 0)]
    ranges: list[MediaRange] = []
    for member in header.split(","):
        parts = [p.strip() for p in member.split(";")]
        media = parts[0].lower()
        if "/" not in media:
            if media == "*":
                media = "*/*"
            else:
                continue
        main, _, sub = media.partition("/")
        if not main or not sub or (main == "*" and sub != "*"):
            continue
        q = 1.0
        for param in parts[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value.strip())))
                except ValueError:
                    q = 0.0
        specificity = 0 if main == "*" else 1 if sub == "*" else 2
        ranges.append(MediaRange(main, sub, q, specificity))
    return ranges


def _quality(ranges: list[MediaRange], media_types: tuple[str, ...]) -> tuple[float, int]:
    """(q, specificity) of the most specific range matching the format's media type (first) or aliases."""
    best: tuple[float, int] | None = None
    for index, media_type in enumerate(media_types):
        # Aliases (e.g. text/xml for SPARQL XML results) count only when named exactly, not via wildcards.
        matching = [r for r in ranges if r.matches(media_type) and (index == 0 or r.specificity == 2)]
        if not matching:
            continue
        top = max(r.specificity for r in matching)
        q = max(r.q for r in matching if r.specificity == top)
        if best is None or (q, top) > best:
            best = (q, top)
    return best or (0.0, -1)


def choose(accept: str | None, candidates: tuple[Format, ...]) -> Format | None:
    """The candidate the client prefers; ties go to the more explicit match, then the server's order."""
    ranges = parse_accept(accept)
    best: Format | None = None
    best_key: tuple[float, int, int] | None = None
    for index, fmt in enumerate(candidates):
        q, specificity = _quality(ranges, (fmt.media_type, *fmt.aliases))
        if q <= 0:
            continue
        key = (q, specificity, -index)
        if best_key is None or key > best_key:
            best, best_key = fmt, key
    return best


@lru_cache(maxsize=1024)
def negotiate(accept: str | None, format_param: str | None, candidates: tuple[Format, ...]) -> Format | None:
    """``format`` parameter first (``UnknownFormat`` if it names nothing here), else the Accept header.

    Cached: clients send the same few Accept headers over and over."""
    if format_param:
        fmt = from_parameter(format_param, candidates)
        if fmt is None:
            raise UnknownFormat(format_param)
        return fmt
    return choose(accept, candidates)
