"""Optional online lookup of names the offline gazetteer could not link - **off by default**.

Enabled with ``NEWSKG_WIKIDATA_ONLINE=1`` (the pipeline's ``link`` stage) or
``newskg gazetteer lookup NAME --online``.  Two Wikidata API calls, standard library only:

1. ``wbsearchentities`` (search=NAME, language=en, type=item): candidate items whose
   ``match`` is an English **label or alias equal to the name** (after case/accent
   normalisation) - never a fuzzy or prefix match;
2. ``wbgetentities`` (props=labels|aliases|claims, languages=en) on those candidates: the
   name must again equal the English label or an alias, and one of the item's ``P31``
   (instance of) values must be a class compatible with the entity type (``classes_for``).

Exactly one distinct item must pass; two or more is a tie and nothing is linked (no guessed
QIDs).  The link gets ``method`` ``exact_label``/``alias``, score 0.9/0.85 and
``source = "wikidata-api:wbsearchentities+wbgetentities@<retrieval date>"``.

Every response is cached on disk (``$NEWSKG_WIKIDATA_CACHE`` or ``~/.cache/newskg/wikidata``,
one JSON file per request URL with the URL and the retrieval date), so a name is asked once
and re-runs are reproducible offline; requests are spaced by at least ``min_interval``
seconds (default 1.0) and carry a descriptive User-Agent, as the Wikimedia API etiquette
asks.  Tests inject a fake ``transport`` (url, headers) -> bytes and never touch the network.

Type compatibility (``classes_for``): the P31 classes accepted for an entity type are

* those listed in ``P31_CLASSES`` below, each with the source file that shows it in use -
  only ``person -> Q5`` today (``wd:Q42 wdt:P31 wd:Q5``: Douglas Adams, a human, in
  ``shared/wikidata/wdqs/Q42.ttl`` and the real ``wbgetentities-Q6-Q42-P31.json``);
* for places, the P31 values that the gazetteer's own entries of the compatible kinds carry
  (from Wikidata inputs merged with ``newskg gazetteer build --wikidata-dump/--wbgetentities``).
  The shipped gazetteer is built from dr5hn and has no P31, so until a Wikidata extract is
  merged (or verified classes are added to ``P31_CLASSES`` with their source) the online
  lookup accepts **no** place: nothing is written from memory.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .normalize import norm
from .wikidata import WikidataEntity, entity_from_json

API = "https://www.wikidata.org/w/api.php"
USER_AGENT = "newskg/0.1 (offline news knowledge graph; https://w3id.org/newskg) python-urllib"
CACHE_ENV = "NEWSKG_WIKIDATA_CACHE"
SEARCH_LIMIT = 7
TIMEOUT = 20.0

# entity type -> {class QID: where it is shown in use}
P31_CLASSES: dict[str, dict[str, str]] = {
    "person": {"Q5": "shared/wikidata/wdqs/Q42.ttl (wd:Q42 wdt:P31 wd:Q5), Wikidata-Toolkit test data"},
}
# entity type -> gazetteer kinds whose entries' P31 values count as compatible classes
PLACE_KINDS: dict[str, tuple[str, ...]] = {
    "country": ("country",),
    "province": ("admin1",),
    "district": ("district", "admin2"),
    "settlement": ("city",),
    "region": ("admin1", "admin2", "place"),
}
SCORES = {"exact_label": 0.9, "alias": 0.85}

Transport = Callable[[str, dict[str, str]], bytes]


class OnlineLookupError(RuntimeError):
    """The API could not be reached or answered something unreadable."""


def urllib_transport(url: str, headers: dict[str, str]) -> bytes:  # pragma: no cover - network
    req = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(req, timeout=TIMEOUT) as resp:  # noqa: S310 - https API URL only
        return resp.read()


def default_cache_dir() -> Path:
    env = os.environ.get(CACHE_ENV)
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "newskg" / "wikidata"


def classes_for(entity_type: str, gazetteer: Any = None) -> frozenset[str]:
    """P31 classes compatible with an entity type (see the module docstring)."""
    out = set(P31_CLASSES.get(entity_type, {}))
    kinds = PLACE_KINDS.get(entity_type)
    if kinds and gazetteer is not None:
        for e in gazetteer.entries.values():
            if e.kind in kinds:
                out.update(e.p31)
    return frozenset(out)


@dataclass(frozen=True)
class OnlineMatch:
    qid: str
    label: str | None
    method: str  # exact_label | alias
    p31: tuple[str, ...]
    retrieved: str  # ISO date of the (cached) response

    @property
    def source(self) -> str:
        return f"wikidata-api:wbsearchentities+wbgetentities@{self.retrieved}"


class WikidataClient:
    """Wikidata API client with an on-disk cache and a rate limit; see the module docstring."""

    def __init__(self, transport: Transport | None = None, cache_dir: Path | str | None = None,
                 min_interval: float = 1.0, gazetteer: Any = None,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 today: Callable[[], dt.date] = dt.date.today, api: str = API):
        self.transport = transport or urllib_transport
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.min_interval = min_interval
        self.gazetteer = gazetteer
        self.clock, self.sleep, self.today = clock, sleep, today
        self.api = api
        self.requests = 0  # network requests made (cache misses)
        self._last: float | None = None

    # ------------------------------------------------------------------ transport + cache
    def _url(self, params: dict[str, str]) -> str:
        return self.api + "?" + urllib.parse.urlencode(sorted({**params, "format": "json"}.items()))

    def _cache_path(self, url: str) -> Path:
        return self.cache_dir / (hashlib.sha256(url.encode("utf-8")).hexdigest()[:32] + ".json")

    def get(self, params: dict[str, str]) -> tuple[dict[str, Any], str]:
        """(response JSON, retrieval date) for one API call, from the cache when present."""
        url = self._url(params)
        path = self._cache_path(url)
        if path.is_file():
            try:
                rec = json.loads(path.read_text(encoding="utf-8"))
                if rec.get("url") == url:
                    return rec["response"], rec["retrieved"]
            except (OSError, ValueError, KeyError):
                pass  # a damaged cache file is fetched again
        if self._last is not None:
            wait = self.min_interval - (self.clock() - self._last)
            if wait > 0:
                self.sleep(wait)
        try:
            raw = self.transport(url, {"User-Agent": USER_AGENT, "Accept": "application/json"})
        except OSError as err:
            raise OnlineLookupError(f"{url}: {err}") from None
        finally:
            self._last = self.clock()
        self.requests += 1
        try:
            data = json.loads(raw)
        except ValueError as err:
            raise OnlineLookupError(f"{url}: not JSON: {err}") from None
        if not isinstance(data, dict) or "error" in data:
            raise OnlineLookupError(f"{url}: API error: {data.get('error') if isinstance(data, dict) else data!r}")
        retrieved = self.today().isoformat()
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"url": url, "retrieved": retrieved, "response": data},
                                  ensure_ascii=False, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
        return data, retrieved

    # ------------------------------------------------------------------ API calls
    def search(self, name: str, limit: int = SEARCH_LIMIT) -> tuple[list[dict[str, Any]], str]:
        data, when = self.get({"action": "wbsearchentities", "search": name, "language": "en",
                               "uselang": "en", "type": "item", "limit": str(limit)})
        hits = data.get("search")
        return (hits if isinstance(hits, list) else []), when

    def entities(self, ids: Iterable[str]) -> tuple[dict[str, WikidataEntity], str]:
        ids = sorted(set(ids))
        if not ids:
            return {}, self.today().isoformat()
        data, when = self.get({"action": "wbgetentities", "ids": "|".join(ids),
                               "props": "labels|aliases|claims", "languages": "en"})
        out: dict[str, WikidataEntity] = {}
        for qid, obj in (data.get("entities") or {}).items():
            if not isinstance(obj, dict) or "missing" in obj or obj.get("type") != "item":
                continue
            out[qid] = entity_from_json(obj)
        return out, when

    # ------------------------------------------------------------------ lookup
    def candidates(self, name: str, entity_type: str) -> list[OnlineMatch]:
        """Items passing both checks (exact English label/alias, compatible P31)."""
        key = norm(name)
        if not key:
            return []
        hits, when1 = self.search(name)
        exact_ids = []
        for h in hits:
            match = h.get("match") or {}
            if (match.get("type") in ("label", "alias") and norm(str(match.get("text", ""))) == key
                    and isinstance(h.get("id"), str)):
                exact_ids.append(h["id"])
        if not exact_ids:
            return []
        ents, when2 = self.entities(exact_ids)
        classes = classes_for(entity_type, self.gazetteer)
        out = []
        for qid in dict.fromkeys(exact_ids):
            ent = ents.get(qid)
            if ent is None:
                continue
            if ent.label is not None and norm(ent.label) == key:
                method = "exact_label"
            elif any(norm(a) == key for a in ent.aliases):
                method = "alias"
            else:
                continue
            if not classes.intersection(ent.p31):
                continue
            out.append(OnlineMatch(qid, ent.label, method, ent.p31, max(when1, when2)))
        return out

    def lookup(self, name: str, entity_type: str) -> OnlineMatch | None:
        """The one item that passes, else None (none, or a tie)."""
        found = self.candidates(name, entity_type)
        return found[0] if len({m.qid for m in found}) == 1 else None

    def link_entity(self, entity: Any) -> Any:
        """A ``Link`` for an annotation ``Entity`` from its label, or None.  Network errors
        leave the entity unlinked (the pipeline never fails for the optional lookup)."""
        from ..model import Link

        if not classes_for(entity.type, self.gazetteer):
            return None  # no compatible class known for this type: nothing can pass
        if not any(ch.isupper() for ch in entity.label):
            return None
        try:
            m = self.lookup(entity.label, entity.type)
        except OnlineLookupError:
            return None
        if m is None:
            return None
        return Link(qid=m.qid, method=m.method, score=SCORES[m.method], source=m.source)
