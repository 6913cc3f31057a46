"""A small SPARQL tokenizer used *before* the real parser, for checks pyoxigraph does not offer.

- ``nesting_depth``: refuse absurdly nested queries up front (the Rust parser recurses and would
  overflow its stack; the worker process would survive that, but a clear 400 is nicer).
- ``apply_using_graphs``: the protocol's ``using-graph-uri``/``using-named-graph-uri`` for updates,
  which pyoxigraph's ``Store.update`` cannot take as arguments, written into the update text as
  ``USING`` clauses of each ``DELETE/INSERT ... WHERE`` operation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"|'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<word>[A-Za-z_][A-Za-z0-9_\-]*)
  | (?P<escape>\\.)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class Token:
    kind: str
    text: str
    start: int
    depth: int  # brace/paren/bracket depth *before* this token


def tokens(text: str) -> Iterator[Token]:
    depth = 0
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or "other"
        if kind in ("ws", "comment"):
            continue
        if kind == "close":
            depth = max(0, depth - 1)
        yield Token(kind, match.group(), match.start(), depth)
        if kind == "open":
            depth += 1


def nesting_depth(text: str, limit: int | None = None) -> int:
    """The deepest bracket nesting outside strings, IRIs and comments.  With ``limit``, a text with
    at most ``limit`` opening brackets in all is not tokenized (it cannot be nested deeper)."""
    if limit is not None and text.count("{") + text.count("(") + text.count("[") <= limit:
        return 0
    deepest = 0
    for token in tokens(text):
        if token.kind == "open":
            deepest = max(deepest, token.depth + 1)
    return deepest


class UsingConflict(ValueError):
    """The protocol's using graphs and the update's own USING/WITH clauses cannot both apply."""


def apply_using_graphs(update: str, using: list[str], using_named: list[str]) -> str:
    """Insert ``USING``/``USING NAMED`` before the ``WHERE`` of every top-level modify operation."""
    if not using and not using_named:
        return update
    clause = "".join(f" USING <{iri}>" for iri in using) + "".join(f" USING NAMED <{iri}>" for iri in using_named) + " "
    insert_at: list[int] = []
    previous: Token | None = None
    for token in tokens(update):
        if token.depth == 0 and token.kind == "word":
            word = token.text.upper()
            if word in ("USING", "WITH"):
                raise UsingConflict(
                    "the update has its own USING/WITH clause, so using-graph-uri/using-named-graph-uri cannot be applied"
                )
            if word == "WHERE" and not (previous and previous.kind == "word" and previous.text.upper() == "DELETE"):
                insert_at.append(token.start)
        previous = token
    for position in reversed(insert_at):
        update = update[:position] + clause + update[position:]
    return update


_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def _unescape_codepoints(text: str) -> str:
    # SPARQL 1.1 §19.2: \uXXXX / \UXXXXXXXX escapes are replaced before parsing, keywords included.
    def replace(match: re.Match[str]) -> str:
        try:
            return chr(int(match.group(1) or match.group(2), 16))
        except (ValueError, OverflowError):
            return match.group(0)

    return _CODEPOINT.sub(replace, text) if "\\u" in text or "\\U" in text else text


def uses_service(text: str) -> bool:
    """Whether a query or update contains the ``SERVICE`` keyword (federation).

    Errs on the side of yes: the keyword counts anywhere outside strings, IRIs and comments, unless
    it is glued to ``?``/``$`` (a variable) or to a ``:`` (part of a prefixed name)."""
    text = _unescape_codepoints(text)
    if "service" not in text.lower():
        return False
    previous: Token | None = None
    for token in tokens(text):
        if token.kind == "word" and token.text.upper() == "SERVICE":
            glued_before = previous is not None and previous.start + len(previous.text) == token.start and previous.text in ("?", "$", ":")
            end = token.start + len(token.text)
            glued_after = text[end : end + 1] == ":"
            if not glued_before and not glued_after:
                return True
        previous = token
    return False
