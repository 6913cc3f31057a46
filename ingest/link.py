"""Linking stage: fill places (and country-named actors) with a Wikidata QID or a
gazetteer key, with link provenance, and complete the located-in chain from the gazetteer.

``link(annotation, gazetteer)`` is a pure function: it returns a new ``Annotation`` and
never changes a link that is already there (curated links are never overridden; an earlier
automatic link is kept unless ``relink=True``).

Order of work:

1. context = gazetteer keys of the entities already linked (curated QIDs via
   ``Gazetteer.by_qid``);
2. pass 1 links each unlinked place whose best candidate is unique (no tie);
   its key joins the context;
3. pass 2 links the ties using the context (also the entity's own ``located_in``
   entity): a tie broken by context gets ``method="context"`` and records the best rejected
   candidate in ``runner_up``.  **A tie nothing breaks is left unlinked** - newskg never
   guesses a QID ("Gaza" alone is a province of Mozambique and a Palestinian governorate);
4. a name still unlinked that is a spelling variant (loose key, similarity >= 0.8) of
   exactly one type-compatible place *inside a place the article links* gets it
   (``method="fuzzy"``, score 0.75 x similarity): "Taludi" in an article about South
   Kordofan is Talodi; without such a place nothing is matched by spelling alone;
5. optional online lookup (off by default, ``online=`` or ``NEWSKG_WIKIDATA_ONLINE=1``):
   names still unlinked are looked up with the Wikidata API, accepted only on an exact
   label/alias and a compatible P31, never fuzzy (``ingest/gazetteer/online.py``);
6. located-in (``ancestors_for``): a linked place without ``located_in`` gets its
   gazetteer parent - the annotation's own entity for it when there is one, otherwise a
   new entity for the parent (method ``hierarchy``), and so on up to the country, so
   ``?place nkg:locatedIn* ?afghanistan`` finds an event placed only in "Darqad district";
   a state force / government body without ``country`` whose label starts with a demonym
   ("Tajik border guards") gets the entity linked to that country, if the annotation has
   one.  Demonyms are never places: "Tajik" / "Afghan" are affiliations.

Entity type -> gazetteer kinds: country -> country (and dr5hn first-level units whose type
word is "country": England); province -> admin1; district -> district (and dr5hn units
typed "district", first- or second-level: Hong Kong's Tsuen Wan; not London boroughs,
unitary authorities, counties - GB-CRY "Croydon" is the borough, not the district of South
London); settlement -> city; region -> admin1/admin2/place.  Facilities and areas are not
looked up (the gazetteer has none); nor are descriptions without a capital letter.  A place
named exactly as a country's label or alias is looked up even when that name is also the
country's demonym (dr5hn's nationality for New Zealand is "New Zealand").  Actors are
linked only to countries and only on an exact label/alias ("Russia" the state as an
actor), never via a demonym.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

from .gazetteer.gazetteer import DESIGNATORS, Gazetteer, Match
from .gazetteer.model import Entry
from .gazetteer.normalize import levenshtein, norm, skeleton
from .model import Annotation, Entity, Link

TYPE_KINDS: dict[str, tuple[str, ...]] = {
    "country": ("country",),
    "province": ("admin1",),
    "district": ("district",),
    "settlement": ("city",),
    "region": ("admin1", "admin2", "place"),
}
# dr5hn files some units one level off; accepted only with the source's own type word.
# (Not plain "city": dr5hn's "London" row, GB-LND, is ISO 3166-2's "London, City of".)
CITY_ADMIN_TYPES = frozenset({"capital city", "autonomous city", "capital district", "state city",
                              "metropolitan collectivity with special status", "special administrative region"})
EXTRA_KINDS: dict[str, dict[str, frozenset[str]]] = {
    "country": {"admin1": frozenset({"country"})},
    # second-level rows too only when dr5hn calls them districts: its other admin2 units
    # (London borough, unitary authority, county...) are named after their towns
    "district": {"admin1": frozenset({"district"}), "admin2": frozenset({"district"})},
    "settlement": {"admin1": CITY_ADMIN_TYPES},
}
# context-restricted fuzzy: only places inside a place the article links, loose spelling key
CONTEXT_FUZZY_MIN_SIMILARITY = 0.8
CONTEXT_FUZZY_MIN_LENGTH = 5
CONTEXT_FUZZY_FACTOR = 0.75
# gazetteer kind -> entity type of an ancestor entity added by ``ancestors_for``
KIND_TYPE = {"country": "country", "admin1": "province", "admin2": "district", "district": "district",
             "city": "settlement", "place": "region"}
ACTOR_COUNTRY_TYPES = frozenset({"government_body", "state_force", "organization"})
DEMONYM_ACTOR_TYPES = frozenset({"state_force", "government_body"})
METHOD = {"exact-label": "exact_label", "alias": "alias", "variant": "variant", "fuzzy": "fuzzy"}
MIN_SCORE = 0.5
ONLINE_ENV = "NEWSKG_WIKIDATA_ONLINE"


def source_of(entry: Entry) -> str:
    """Link provenance for a gazetteer entry: ``gazetteer:<dataset>@<commit>``."""
    return f"gazetteer:{entry.source}@{entry.source_version}"


def _source(m: Match) -> str:
    return source_of(m.entry)


def _names(e: Entity) -> Iterable[str]:
    """Label, aliases and mention texts that look like proper names (have a capital
    letter): "the border town" or "the area targeted" are descriptions, never looked up."""
    for name in (e.label, *e.aliases, *(sp.text for sp in e.mentions)):
        if any(ch.isupper() for ch in name):
            yield name


def _kind_ok(etype: str, entry: Entry) -> bool:
    if entry.kind in TYPE_KINDS.get(etype, ()):
        return True
    extra = EXTRA_KINDS.get(etype, {}).get(entry.kind)
    return extra is not None and entry.admin_type in extra


def _country_own_name(gaz: Gazetteer, name: str) -> bool:
    """A demonym that is also the label or an alias of its own country ("New Zealand"):
    as a place name it names the country, so it is looked up like any other name."""
    d = gaz.demonym_info(name)
    if d is None:
        return False
    entry = gaz.get(d.country)
    n = norm(name)
    return entry is not None and any(norm(x) == n for x in (entry.label, *entry.aliases))


def candidates(e: Entity, gaz: Gazetteer, context: list[str] | tuple[str, ...] = (),
               memo: dict | None = None) -> list[Match]:
    """Gazetteer candidates for one entity, best first (the first of its names that
    yields any).  Places: by type-compatible kind; actors: exact country names only.
    ``memo`` (one article's) saves repeated lookups of the same name."""
    memo = {} if memo is None else memo
    ctx = tuple(sorted(set(context)))

    def look(name: str, kinds: tuple[str, ...], fuzzy: bool = True, country_name: bool = False) -> list[Match]:
        k = (name, kinds, ctx, fuzzy, country_name)
        if k not in memo:
            memo[k] = gaz.lookup(name, kinds=kinds, context_keys=ctx, limit=50, fuzzy=fuzzy,
                                 allow_demonym=country_name and _country_own_name(gaz, name))
        return memo[k]

    if e.is_place:
        kinds = TYPE_KINDS.get(e.type)
        if kinds is None:
            return []
        wanted = (*kinds, *EXTRA_KINDS.get(e.type, {}))
        for name in dict.fromkeys(_names(e)):
            ms = [m for m in look(name, wanted, country_name=True) if _kind_ok(e.type, m.entry)]
            if ms:
                return ms
        return []
    if e.type in ACTOR_COUNTRY_TYPES:
        ms = look(e.label, ("country",), fuzzy=False)
        return [m for m in ms if m.method in ("exact-label", "alias")]
    return []


def _target(m: Match) -> str:
    return m.entry.qid or m.entry.key


def _tied(ms: list[Match]) -> bool:
    """Two best candidates with the same score that are different places (two gazetteer
    rows sharing one QID - Martinique the country and the French region - are one place)."""
    return len(ms) > 1 and ms[0].score == ms[1].score and _target(ms[0]) != _target(ms[1])


def _runner_up(ms: list[Match]) -> str | None:
    for m in ms[1:]:
        if _target(m) != _target(ms[0]):
            return _target(m)
    return None


def _make_link(m: Match, method: str, score: float, runner_up: str | None = None) -> Link:
    return Link(qid=m.entry.qid, key=m.entry.key, method=method, score=round(max(0.0, min(score, 1.0)), 4),
                source=_source(m), runner_up=runner_up)


_ARTICLES = frozenset({"al", "el"})
_CHILDREN: dict[int, dict[str, list[str]]] = {}


def loose_key(name: str) -> str:
    """A looser spelling key than the gazetteer's skeleton, for context-restricted fuzzy
    matching only: a trailing designator and a leading Arabic article dropped, o = u
    (Taludi = Talodi, Mokha = Al Mukha)."""
    tokens = norm(name).split()
    if tokens and tokens[0] == "the":
        tokens = tokens[1:]
    if len(tokens) > 1 and tokens[-1] in DESIGNATORS:
        tokens = tokens[:-1]
    if len(tokens) > 1 and tokens[0] in _ARTICLES:
        tokens = tokens[1:]
    return skeleton(" ".join(tokens)).replace("o", "u")


_LOOSE: dict[int, dict[str, tuple[str, ...]]] = {}


def _children(gaz: Gazetteer) -> dict[str, list[str]]:
    """parent key -> child keys, and every entry's loose keys; built once per gazetteer."""
    idx = _CHILDREN.get(id(gaz))
    if idx is None:
        idx = {}
        for e in gaz.entries.values():
            if e.parent:
                idx.setdefault(e.parent, []).append(e.key)
        _CHILDREN.clear()
        _LOOSE.clear()
        _CHILDREN[id(gaz)] = idx
        _LOOSE[id(gaz)] = {}  # filled on demand
    return idx


def _loose_keys(gaz: Gazetteer, key: str) -> tuple[str, ...]:
    cache = _LOOSE[id(gaz)]
    got = cache.get(key)
    if got is None:
        got = cache[key] = tuple(dict.fromkeys(loose_key(n) for n in gaz.entries[key].names))
    return got


def context_fuzzy(e: Entity, gaz: Gazetteer, context: Iterable[str]) -> tuple[Match, float, str | None] | None:
    """The one type-compatible gazetteer place *inside a place the article links* whose
    loose spelling key is within edit-distance similarity 0.8 of one of the entity's names;
    ``None`` when there is none or two (no guessing).  Returns (match, similarity, runner-up)."""
    children = _children(gaz)
    inside: set[str] = set()
    stack = [k for k in context if k in gaz]
    while stack:
        k = stack.pop()
        for c in children.get(k, ()):
            if c not in inside:
                inside.add(c)
                stack.append(c)
    if not inside:
        return None
    names = [loose_key(n) for n in dict.fromkeys(_names(e))]
    names = [n for n in names if len(n) >= CONTEXT_FUZZY_MIN_LENGTH]
    if not names:
        return None
    best: dict[str, float] = {}
    for k in inside:
        entry = gaz.entries[k]
        if not _kind_ok(e.type, entry):
            continue
        for ck in _loose_keys(gaz, k):
            for n in names:
                longest = max(len(n), len(ck))
                limit = int((1.0 - CONTEXT_FUZZY_MIN_SIMILARITY) * longest + 1e-9)
                if abs(len(n) - len(ck)) > limit:
                    continue
                d = levenshtein(n, ck, limit)
                if d <= limit:
                    sim = 1.0 - d / longest
                    if sim >= CONTEXT_FUZZY_MIN_SIMILARITY and sim > best.get(k, 0.0):
                        best[k] = sim
    if not best:
        return None
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0]))
    top_key, top_sim = ranked[0]
    top = gaz.entries[top_key]
    rivals = [k for k, s in ranked[1:] if (gaz.entries[k].qid or k) != (top.qid or top_key)]
    if rivals and best[rivals[0]] == top_sim:
        return None  # two places fit equally: not guessed
    match = Match(top, "fuzzy", round(top_sim, 4), top.label, True)
    return match, top_sim, (gaz.entries[rivals[0]].qid or rivals[0]) if rivals else None


def online_enabled() -> bool:
    return os.environ.get(ONLINE_ENV, "").strip().lower() in ("1", "true", "yes", "on")


def link(annotation: Annotation, gazetteer: Gazetteer | None = None, *, relink: bool = False,
         fill_located_in: bool = True, online: "object | bool | None" = None) -> Annotation:
    """Link ``annotation``'s entities; see the module docstring.

    ``online``: ``None`` (default) follows ``$NEWSKG_WIKIDATA_ONLINE``; ``False`` never goes
    online; ``True`` uses a default ``WikidataClient``; or pass a client (tests pass one
    with a fake transport)."""
    gaz = gazetteer or Gazetteer.load()
    ents: dict[str, Entity] = {e.id: e for e in annotation.entities}
    key_of: dict[str, str] = {}  # entity id -> gazetteer key

    def remember(eid: str, ln: Link | None) -> None:
        if ln is None:
            return
        if ln.key and ln.key in gaz:
            key_of[eid] = ln.key
        elif ln.qid:
            hits = gaz.by_qid(ln.qid)
            if hits:
                key_of[eid] = sorted(hits, key=lambda x: (x.kind != "country", x.key))[0].key

    todo: list[str] = []
    for e in annotation.entities:
        keep = e.link is not None and (e.link.method == "curated" or not relink)
        if keep:
            remember(e.id, e.link)
        else:
            todo.append(e.id)

    new_links: dict[str, Link | None] = {}
    ties: list[str] = []
    memo: dict = {}
    for eid in todo:  # pass 1: unambiguous
        ms = candidates(ents[eid], gaz, [], memo)
        if not ms or ms[0].score < MIN_SCORE:
            new_links[eid] = None
        elif _tied(ms):
            ties.append(eid)
        else:
            m = ms[0]
            new_links[eid] = _make_link(m, METHOD[m.method], m.score)
            key_of[eid] = m.key
    for eid in ties:  # pass 2: disambiguate by the article's other places, or leave unlinked
        e = ents[eid]
        context = [k for other, k in key_of.items() if other != eid]
        if e.located_in and e.located_in in key_of:
            context.append(key_of[e.located_in])
        ms = candidates(e, gaz, context, memo)
        plain = candidates(e, gaz, [], memo)
        m = ms[0]
        if m.context and not _tied(ms):
            new_links[eid] = _make_link(m, "context", min(m.score, plain[0].score), _runner_up(ms))
            key_of[eid] = m.key
        else:
            new_links[eid] = None  # an unresolved tie: no guessed QID

    for eid in todo:  # pass 3: a spelling variant of a place inside the article's places
        e = ents[eid]
        if new_links.get(eid) is None and e.is_place and e.type in TYPE_KINDS:
            context = [k for other, k in key_of.items() if other != eid]
            found = context_fuzzy(e, gaz, context)
            if found is not None:
                m, sim, runner = found
                new_links[eid] = _make_link(m, "fuzzy", CONTEXT_FUZZY_FACTOR * sim, runner)
                key_of[eid] = m.key

    client = _online_client(online, gaz)
    if client is not None:  # optional, off by default: exact label/alias + compatible P31 only
        for eid in todo:
            if new_links.get(eid) is None:
                new_links[eid] = client.link_entity(ents[eid])

    out: list[Entity] = []
    for e in annotation.entities:
        if e.id in new_links and new_links[e.id] is not None:
            out.append(e.model_copy(update={"link": new_links[e.id]}))
        else:
            out.append(e)
    linked = annotation.model_copy(update={"entities": tuple(out)})
    if not fill_located_in:
        return linked
    return _with_hierarchy(linked, gaz, key_of)


def _online_client(online: object, gaz: Gazetteer) -> object | None:
    if online is False or (online is None and not online_enabled()):
        return None
    if online is True or online is None:
        from .gazetteer.online import WikidataClient

        return WikidataClient(gazetteer=gaz)
    return online


# ---------------------------------------------------------------------------- hierarchy

_ID_BAD = re.compile(r"[^a-z0-9_\-]+")


def _keys_of(annotation: Annotation, gaz: Gazetteer) -> dict[str, str]:
    key_of: dict[str, str] = {}
    for e in annotation.entities:
        ln = e.link
        if ln is None:
            continue
        if ln.key and ln.key in gaz:
            key_of[e.id] = ln.key
        elif ln.qid:
            hits = gaz.by_qid(ln.qid)
            if hits:
                key_of[e.id] = sorted(hits, key=lambda x: (x.kind != "country", x.key))[0].key
    return key_of


def ancestors_for(annotation: Annotation, gazetteer: Gazetteer | None = None,
                  key_of: dict[str, str] | None = None) -> tuple[tuple[Entity, ...], dict[str, str], dict[str, str]]:
    """What completes the annotation's place hierarchy from the gazetteer.

    Returns ``(extra, located_in, country)``: new place entities for gazetteer ancestors
    the article does not mention (each with a ``hierarchy`` link and its own
    ``located_in``), ``{entity id: parent entity id}`` for linked places without
    ``located_in``, and ``{actor id: country entity id}`` for demonym-named state forces /
    government bodies.  Background knowledge from the gazetteer, never from the text:
    the new entities have no mentions."""
    gaz = gazetteer or Gazetteer.load()
    key_of = dict(key_of) if key_of is not None else _keys_of(annotation, gaz)
    ents = {e.id: e for e in annotation.entities}
    place_of_key: dict[str, str] = {}
    for eid, k in key_of.items():
        if ents[eid].is_place:
            place_of_key.setdefault(k, eid)
    used_ids = set(ents)
    extra: dict[str, Entity] = {}  # gazetteer key -> new entity
    located: dict[str, str] = {}

    def entity_for(entry: Entry) -> str:
        if entry.key in place_of_key:
            return place_of_key[entry.key]
        base = "gaz-" + _ID_BAD.sub("-", entry.key.lower().replace("/", "-")).strip("-")
        base = base[:110]
        eid, n = base, 1
        while eid in used_ids:
            n += 1
            eid = f"{base}-{n}"
        used_ids.add(eid)
        place_of_key[entry.key] = eid
        parent = gaz.get(entry.parent) if entry.parent else None
        parent_id = entity_for(parent) if parent is not None and parent.key != entry.key else None
        extra[entry.key] = Entity(
            id=eid, type=KIND_TYPE.get(entry.kind, "region"), label=entry.label,
            link=Link(qid=entry.qid, key=entry.key, method="hierarchy", score=1.0, source=source_of(entry)),
            located_in=parent_id,
        )
        return eid

    for e in annotation.entities:
        k = key_of.get(e.id)
        if not e.is_place or k is None or e.located_in is not None:
            continue
        for anc in gaz.ancestors(k):
            target = place_of_key.get(anc.key)
            if target == e.id:
                continue
            located[e.id] = entity_for(anc)  # the immediate parent (the article's own entity if any)
            break

    country_entity: dict[str, str] = {}
    for eid, k in key_of.items():
        entry = gaz.get(k)
        if entry is not None and entry.kind == "country":
            country_entity.setdefault(k, eid)
    countries: dict[str, str] = {}
    for e in annotation.entities:
        if not e.is_place and e.type in DEMONYM_ACTOR_TYPES and e.country is None and " " in e.label:
            ck = gaz.demonym(e.label.split()[0])
            if ck and ck in country_entity and country_entity[ck] != e.id:
                countries[e.id] = country_entity[ck]
    return tuple(extra.values()), located, countries


def _with_hierarchy(annotation: Annotation, gaz: Gazetteer, key_of: dict[str, str]) -> Annotation:
    extra, located, countries = ancestors_for(annotation, gaz, {**_keys_of(annotation, gaz), **key_of})
    if not (extra or located or countries):
        return annotation
    out: list[Entity] = []
    for e in annotation.entities:
        upd: dict = {}
        if e.id in located:
            upd["located_in"] = located[e.id]
        if e.id in countries:
            upd["country"] = countries[e.id]
        out.append(e.model_copy(update=upd) if upd else e)
    return annotation.model_copy(update={"entities": (*out, *extra)})
