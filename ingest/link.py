"""Linking stage: fill places (and country-named actors) with a Wikidata QID or a
gazetteer key, with link provenance, and fill located-in parents from the gazetteer.

``link(annotation, gazetteer)`` is a pure function: it returns a new ``Annotation`` and
never changes a link that is already there (curated links are never overridden; an earlier
automatic link is kept unless ``relink=True``).

Order of work:

1. context = gazetteer keys of the entities already linked (curated QIDs via
   ``Gazetteer.by_qid``);
2. pass 1 links each unlinked place whose best candidate is unique (no tie);
   its key joins the context;
3. pass 2 links the ties using the context (also the entity's own ``located_in``
   entity): a tie broken by context gets ``method="context"``; a tie nothing breaks is
   linked to the kind-order winner with its score multiplied by ``UNRESOLVED_FACTOR``;
4. located-in: a linked place without ``located_in`` gets the nearest gazetteer ancestor
   that is another entity of the annotation; a state force / government body without
   ``country`` whose label starts with a demonym ("Tajik border guards") gets the
   entity linked to that country, if the annotation has one.

Entity type -> gazetteer kinds: country -> country; province -> admin1; district ->
district/admin2; settlement -> city; region -> admin1/admin2/place.  Facilities and areas
are not looked up (the gazetteer has none); nor are descriptions without a capital letter.  Actors are linked only to countries and only
on an exact label/alias ("Russia" the state as an actor), never via a demonym.
"""

from __future__ import annotations

from collections.abc import Iterable

from .gazetteer.gazetteer import Gazetteer, Match
from .model import Annotation, Entity, Link

TYPE_KINDS: dict[str, tuple[str, ...]] = {
    "country": ("country",),
    "province": ("admin1",),
    "district": ("district", "admin2"),
    "settlement": ("city",),
    "region": ("admin1", "admin2", "place"),
}
ACTOR_COUNTRY_TYPES = frozenset({"government_body", "state_force", "organization"})
DEMONYM_ACTOR_TYPES = frozenset({"state_force", "government_body"})
METHOD = {"exact-label": "exact_label", "alias": "alias", "variant": "alias", "fuzzy": "fuzzy"}
UNRESOLVED_FACTOR = 0.7
MIN_SCORE = 0.5


def _source(m: Match) -> str:
    return f"gazetteer:{m.entry.source}@{m.entry.source_version}"


def _names(e: Entity) -> Iterable[str]:
    """Label, aliases and mention texts that look like proper names (have a capital
    letter): "the border town" or "the area targeted" are descriptions, never looked up."""
    for name in (e.label, *e.aliases, *(sp.text for sp in e.mentions)):
        if any(ch.isupper() for ch in name):
            yield name


def _candidates(e: Entity, gaz: Gazetteer, context: list[str]) -> list[Match]:
    if e.is_place:
        kinds = TYPE_KINDS.get(e.type)
        if kinds is None:
            return []
        for name in dict.fromkeys(_names(e)):
            ms = gaz.lookup(name, kinds=kinds, context_keys=context)
            if ms:
                return ms
        return []
    if e.type in ACTOR_COUNTRY_TYPES:
        ms = gaz.lookup(e.label, kinds=("country",), fuzzy=False)
        return [m for m in ms if m.method in ("exact-label", "alias")]
    return []


def _tied(ms: list[Match]) -> bool:
    return len(ms) > 1 and ms[0].score == ms[1].score


def _make_link(m: Match, method: str, score: float) -> Link:
    return Link(qid=m.entry.qid, key=m.entry.key, method=method, score=round(max(0.0, min(score, 1.0)), 4),
                source=_source(m))


def link(annotation: Annotation, gazetteer: Gazetteer | None = None, *, relink: bool = False,
         fill_located_in: bool = True) -> Annotation:
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
    for eid in todo:  # pass 1: unambiguous
        ms = _candidates(ents[eid], gaz, [])
        if not ms or ms[0].score < MIN_SCORE:
            new_links[eid] = None
        elif _tied(ms):
            ties.append(eid)
        else:
            m = ms[0]
            new_links[eid] = _make_link(m, METHOD[m.method], m.score)
            key_of[eid] = m.key
    for eid in ties:  # pass 2: disambiguate by the article's other places
        e = ents[eid]
        context = [k for other, k in key_of.items() if other != eid]
        if e.located_in and e.located_in in key_of:
            context.append(key_of[e.located_in])
        ms = _candidates(e, gaz, context)
        plain = _candidates(e, gaz, [])
        m = ms[0]
        if m.context and not _tied(ms):
            new_links[eid] = _make_link(m, "context", min(m.score, plain[0].score))
        else:
            new_links[eid] = _make_link(m, METHOD[m.method], m.score * UNRESOLVED_FACTOR)
        key_of[eid] = m.key

    entity_of_key: dict[str, str] = {}
    for eid, k in key_of.items():
        entity_of_key.setdefault(k, eid)
    country_entity: dict[str, str] = {k: eid for eid, k in key_of.items()
                                      if gaz.get(k) is not None and gaz.get(k).kind == "country"}

    out: list[Entity] = []
    for e in annotation.entities:
        upd: dict = {}
        if e.id in new_links and new_links[e.id] is not None:
            upd["link"] = new_links[e.id]
        k = key_of.get(e.id)
        if fill_located_in and e.is_place and k and e.located_in is None:
            for anc in gaz.ancestors(k):
                target = entity_of_key.get(anc.key)
                if target and target != e.id and ents[target].is_place:
                    upd["located_in"] = target
                    break
        if (fill_located_in and not e.is_place and e.type in DEMONYM_ACTOR_TYPES
                and e.country is None and " " in e.label):
            first = e.label.split()[0]
            ck = gaz.demonym(first)
            if ck and ck in country_entity and country_entity[ck] != e.id:
                upd["country"] = country_entity[ck]
        out.append(e.model_copy(update=upd) if upd else e)
    return annotation.model_copy(update={"entities": tuple(out)})
