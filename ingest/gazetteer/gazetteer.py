"""Lookup API over a loaded gazetteer file."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal


from .demonyms import TABLE, TABLE_SOURCE, Demonym
from .model import KIND_RANK, Entry
from .normalize import levenshtein, norm, skeleton
from .store import DEFAULT_PATH, read_gazetteer

if TYPE_CHECKING:
    from pyoxigraph import NamedNode, Quad

Method = Literal["exact-label", "alias", "variant", "fuzzy"]

# base scores per tier; context / designator adjust them (capped at 1.0)
SCORES: dict[str, float] = {"exact-label": 0.95, "alias": 0.9, "variant": 0.85}
FUZZY_MAX = 0.8
FUZZY_MIN_SIMILARITY = 0.84
FUZZY_MIN_LENGTH = 5
CONTEXT_BOOST = 0.05
DESIGNATOR_BOOST = 0.02
DESIGNATOR_PENALTY = 0.1

# "Takhar Province", "Darqad district": the trailing word is a hint, not part of the name.
DESIGNATORS: dict[str, frozenset[str]] = {
    "province": frozenset({"admin1"}),
    "provincial": frozenset({"admin1"}),
    "district": frozenset({"district", "admin2"}),
    "city": frozenset({"city"}),
    "town": frozenset({"city"}),
    "region": frozenset({"admin1", "admin2"}),
    "state": frozenset({"admin1"}),
    "oblast": frozenset({"admin1"}),
    "governorate": frozenset({"admin1"}),
    "county": frozenset({"admin1", "admin2"}),
}


@dataclass(frozen=True, slots=True)
class Match:
    entry: Entry
    method: Method
    score: float
    matched: str  # the gazetteer name that matched
    context: bool = False  # inside / containing a place given in context_keys

    @property
    def key(self) -> str:
        return self.entry.key

    @property
    def qid(self) -> str | None:
        return self.entry.qid


_CACHE: dict[tuple[str, int, int], "Gazetteer"] = {}


class Gazetteer:
    def __init__(self, entries: Iterable[Entry], header: dict[str, Any] | None = None,
                 path: Path | None = None):
        self.entries: dict[str, Entry] = {e.key: e for e in entries}
        self.header = header or {}
        self.path = path
        self._by_qid: dict[str, list[str]] = {}
        self._exact: dict[str, list[str]] = {}
        self._alias: dict[str, list[str]] = {}
        self._variant: dict[str, list[str]] = {}
        self._fuzzy: dict[tuple[str, int], list[str]] = {}  # (first letter, length) -> skeletons
        self._demonyms: dict[str, Demonym] = {}
        for e in self.entries.values():
            if e.qid:
                self._by_qid.setdefault(e.qid, []).append(e.key)
            self._exact.setdefault(norm(e.label), []).append(e.key)
            for a in e.aliases:
                self._alias.setdefault(norm(a), []).append(e.key)
            for n in e.names:
                sk = skeleton(n)
                if sk:
                    lst = self._variant.setdefault(sk, [])
                    if e.key not in lst:
                        lst.append(e.key)
        for sk, keys in self._variant.items():
            if len(sk) >= FUZZY_MIN_LENGTH:
                self._fuzzy.setdefault((sk[0], len(sk)), []).append(sk)
        for e in self.entries.values():
            if e.kind == "country":
                for form in e.demonyms:
                    self._demonyms.setdefault(norm(form), Demonym(e.key, form, e.source))
        for iso2, (forms, ethnic) in TABLE.items():
            key = f"country/{iso2.lower()}"
            if key in self.entries:
                for form in forms:
                    n = norm(form)
                    old = self._demonyms.get(n)
                    self._demonyms[n] = Demonym(key, form, old.source if old else TABLE_SOURCE, ethnic)

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | os.PathLike[str] | None = None) -> "Gazetteer":
        """Load (and cache per path + mtime) a gazetteer file; default: the shipped one."""
        p = Path(path) if path is not None else DEFAULT_PATH
        st = p.stat()
        ck = (str(p.resolve()), st.st_mtime_ns, st.st_size)
        if ck not in _CACHE:
            header, entries = read_gazetteer(p)
            _CACHE.clear()  # keep one gazetteer in memory
            _CACHE[ck] = cls(entries, header, p)
        return _CACHE[ck]

    # ------------------------------------------------------------------ access
    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, key: object) -> bool:
        return key in self.entries

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def by_qid(self, qid: str) -> list[Entry]:
        return [self.entries[k] for k in self._by_qid.get(qid, [])]

    @property
    def version(self) -> str:
        """A short description of the sources, for link provenance."""
        return ";".join(f"{s['id']}@{s['commit'][:12]}" for s in self.header.get("sources", []))

    def ancestors(self, key: str) -> list[Entry]:
        """Located-in chain, nearest first (district -> province -> country)."""
        out: list[Entry] = []
        seen = {key}
        e = self.entries.get(key)
        while e is not None and e.parent and e.parent not in seen:
            seen.add(e.parent)
            e = self.entries.get(e.parent)
            if e is not None:
                out.append(e)
        return out

    def demonym(self, name: str) -> str | None:
        """Country key for a demonym ("Tajik" -> "country/tj"), else None."""
        d = self.demonym_info(name)
        return d.country if d else None

    def demonym_info(self, name: str) -> Demonym | None:
        return self._demonyms.get(norm(name))

    # ------------------------------------------------------------------ lookup
    def lookup(self, name: str, kinds: Iterable[str] | None = None,
               context_keys: Sequence[str] = (), *, limit: int = 10,
               allow_demonym: bool = False, fuzzy: bool = True) -> list[Match]:
        """Candidates for a place name, best first.

        Tiers (the first tier that yields a candidate wins; no substring matching):
        exact label + alias, then variant (transliteration skeleton), then fuzzy (edit
        distance on skeletons, same first letter, similarity >= 0.84).  A trailing designator
        ("Province", "district") is tried stripped and used as a kind hint.  ``kinds``
        filters hard.  Candidates inside (or containing) a place in ``context_keys`` get
        ``context=True`` and a boost.  Demonyms ("Tajik") return [] unless
        ``allow_demonym``.
        """
        n = norm(name)
        if n.startswith("the "):
            n = n[4:]
        if not n or (not allow_demonym and n in self._demonyms):
            return []
        kindset = frozenset(kinds) if kinds else None
        queries: list[tuple[str, frozenset[str] | None]] = [(n, None)]
        parts = n.rsplit(" ", 1)
        if len(parts) == 2 and parts[1] in DESIGNATORS:
            queries.append((parts[0], DESIGNATORS[parts[1]]))

        found: dict[str, tuple[Method, float, str]] = {}
        hint: frozenset[str] | None = None

        def take(keys: list[str], method: Method, score: float, matched_name: str | None = None) -> None:
            for k in keys:
                e = self.entries[k]
                if kindset and e.kind not in kindset:
                    continue
                if k not in found or found[k][1] < score:
                    found[k] = (method, score, matched_name or e.label)

        # tier 1: exact labels and aliases together; tier 2: variants; tier 3: fuzzy
        for q, h in queries:
            take(self._exact.get(q, []), "exact-label", SCORES["exact-label"])
            for k in self._alias.get(q, []):
                alias = next((a for a in self.entries[k].aliases if norm(a) == q), q)
                take([k], "alias", SCORES["alias"], alias)
            if found:
                hint = h
                break
        if not found:
            for q, h in queries:
                take(self._variant.get(skeleton(q), []), "variant", SCORES["variant"])
                if found:
                    hint = h
                    break
        if not found and fuzzy:
            for q, h in queries:
                sk = skeleton(q)
                if len(sk) < FUZZY_MIN_LENGTH:
                    continue
                for length in range(len(sk) - 2, len(sk) + 3):
                    longest = max(length, len(sk))
                    limit = int((1.0 - FUZZY_MIN_SIMILARITY) * longest + 1e-9)
                    for cand_sk in self._fuzzy.get((sk[0], length), []):
                        dist = levenshtein(sk, cand_sk, limit)
                        if dist > limit:
                            continue
                        sim = 1.0 - dist / longest
                        if sim >= FUZZY_MIN_SIMILARITY:
                            take(self._variant[cand_sk], "fuzzy", round(FUZZY_MAX * sim, 4))
                if found:
                    hint = h
                    break
        if not found:
            return []

        ctx = [k for k in context_keys if k in self.entries]
        ctx_anc = {k: {a.key for a in self.ancestors(k)} for k in ctx}
        out: list[Match] = []
        for k, (method, score, matched) in found.items():
            e = self.entries[k]
            if hint is not None:
                score += DESIGNATOR_BOOST if e.kind in hint else -DESIGNATOR_PENALTY
            anc = {a.key for a in self.ancestors(k)}
            in_ctx = any(c == k or c in anc or k in ctx_anc[c] for c in ctx)
            if in_ctx:
                score += CONTEXT_BOOST
            out.append(Match(e, method, round(min(score, 1.0), 4), matched, in_ctx))
        out.sort(key=lambda m: (-m.score, KIND_RANK.get(m.entry.kind, 9), m.entry.key))
        return out[:limit]

    # ------------------------------------------------------------------ RDF
    def to_quads(self, graph: "NamedNode | None" = None, base: str | None = None,
                 include_unlinked: bool = True) -> list["Quad"]:
        """Wikidata-terms quads for ``{base}graph/wikidata`` (see ``rdf.py``)."""
        from .rdf import iter_quads

        return list(iter_quads(self.entries, self.header, graph, base, include_unlinked))
