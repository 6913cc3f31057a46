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


def nesting_depth(text: str) -> int:
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
