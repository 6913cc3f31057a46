"""Entities: spaCy's NER, corrected with the gazetteer and rules, kept in one table per article."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Entity, Link, Span
from . import lexicon as L

PLACE_KIND = {"country": "country", "admin1": "province", "admin2": "district", "district": "district",
              "city": "settlement", "place": "area"}
DESIGNATOR_TYPE = {"province": "province", "district": "district", "city": "settlement", "town": "settlement",
                   "village": "settlement", "region": "region", "county": "district", "governorate": "province",
                   "state": "province", "oblast": "province"}
NAME_WORD = r"[A-Z][A-Za-z]*(?:-[A-Za-z]+)*"
DESIGNATED_PLACE = re.compile(
    rf"(?<![\w’'-])({NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,3}})[ \t]+((?i:province|district|city|town|village|region|county|governorate|oblast))\b"
)
MEDIA_PATTERN = re.compile(
    r"(?<![\w-])((?:[A-Z][\w\-/]*[ \t]+){0,3}[A-Z][\w\-/]*)[ \t]+(news agency|agency|newspaper|daily|broadcaster|television|TV|radio|news website|website)\b"
)


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")
    return (s or "x")[:60].strip("_") or "x"


def norm(text: str) -> str:
    t = re.sub(r"[’'`]", "'", text.lower())
    t = re.sub(r"^(the|a|an)\s+", "", t)
    return re.sub(r"\s+", " ", t).strip(" .,;:")


@dataclass
class Ent:
    id: str
    type: str
    label: str
    mentions: list[tuple[int, int]] = field(default_factory=list)
    link: Link | None = None
    located_in: str | None = None
    affiliation: str | None = None
    country: str | None = None
    confidence: float = 0.7
    role: str | None = None  # last role seen for a person
    gaz_key: str | None = None
    mention_set: set = field(default_factory=set)


class EntityTable:
    def __init__(self, text: str, gazetteer=None) -> None:  # noqa: ANN001
        self.text = text
        self.gaz = gazetteer
        self.by_id: dict[str, Ent] = {}
        self.by_key: dict[str, str] = {}
        self.by_gaz: dict[str, str] = {}
        self.char_entity: dict[int, str] = {}  # start offset of a mention -> entity id
        self.spans: list[tuple[int, int, str]] = []
        self.cover: dict[int, list[tuple[int, int, str]]] = {}  # character -> mentions over it

    # ------------------------------------------------------------------ basics
    def _new_id(self, label: str) -> str:
        base = slug(label)
        ident, n = base, 2
        while ident in self.by_id:
            ident, n = f"{base}_{n}", n + 1
        return ident

    def add(self, type_: str, label: str, start: int | None = None, end: int | None = None, *,
            key: str | None = None, confidence: float = 0.7, **attrs) -> Ent:  # noqa: ANN003
        k = key or f"{'place' if type_ in PLACE_KIND.values() or type_ in ('region', 'facility', 'area') else 'actor'}:{norm(label)}"
        ident = self.by_key.get(k)
        if ident is None:
            ident = self._new_id(label)
            ent = Ent(ident, type_, label, confidence=confidence)
            self.by_id[ident] = ent
            self.by_key[k] = ident
        ent = self.by_id[ident]
        for name, value in attrs.items():
            if value is not None and getattr(ent, name, None) is None:
                setattr(ent, name, value)
        ent.confidence = max(ent.confidence, confidence)
        if start is not None and end is not None:
            self.mention(ent.id, start, end)
        return ent

    def mention(self, ident: str, start: int, end: int) -> None:
        while end > start and self.text[end - 1] in " \t\n,.;:":
            end -= 1
        while start < end and self.text[start] in " \t\n\"“”'‘’(":
            start += 1
        if end <= start:
            return
        ent = self.by_id[ident]
        if (start, end) not in ent.mention_set:
            ent.mention_set.add((start, end))
            ent.mentions.append((start, end))
            self.spans.append((start, end, ident))
            for i in range(start, end):
                self.cover.setdefault(i, []).append((start, end, ident))

    def at(self, start: int, end: int | None = None) -> Ent | None:
        """The entity with a mention covering [start, end)."""
        end = start + 1 if end is None else end
        best = None
        for s, e, ident in self.cover.get(start, ()):
            if s <= start and end <= e:
                if best is None or (e - s) < (best[1] - best[0]):
                    best = (s, e, ident)
        return self.by_id[best[2]] if best else None

    def overlapping(self, start: int, end: int) -> list[Ent]:
        return [self.by_id[i] for s, e, i in self.spans if s < end and start < e]

    # ------------------------------------------------------------------ places
    def place_from_gazetteer(self, name: str, start: int, end: int, designator: str | None = None,
                             context: tuple[str, ...] = ()) -> Ent | None:
        if self.gaz is None:
            return None
        query = f"{name} {designator}" if designator else name
        try:
            matches = self.gaz.lookup(query, context_keys=context, fuzzy=bool(designator))
        except Exception:  # noqa: BLE001 - a bad gazetteer must not stop extraction
            return None
        if not matches:
            return None
        m = matches[0]
        if m.method == "fuzzy" and m.score < 0.7:
            return None
        return self.gazetteer_entity(m.entry, start, end, m.method, m.score)

    def gazetteer_entity(self, entry, start: int | None, end: int | None, method: str = "exact-label",
                         score: float = 0.95) -> Ent:  # noqa: ANN001
        ident = self.by_gaz.get(entry.key)
        if ident is None:
            parent = None
            for anc in self.gaz.ancestors(entry.key)[:1]:
                parent = self.gazetteer_entity(anc, None, None, "exact-label", 0.9).id
            link_method = {"exact-label": "exact_label", "alias": "alias", "variant": "alias", "fuzzy": "fuzzy"}.get(method, "context")
            link = Link(qid=entry.qid, key=entry.key if re.match(r"^[a-z0-9][a-z0-9_\-/]*$", entry.key) else None,
                        method=link_method, score=min(1.0, score), source=f"newskg gazetteer ({entry.source})")
            if link.qid is None and link.key is None:
                link = None
            ent = self.add(PLACE_KIND.get(entry.kind, "area"), entry.label, key=f"gaz:{entry.key}",
                           confidence=min(1.0, score), link=link, located_in=parent, gaz_key=entry.key)
            self.by_gaz[entry.key] = ent.id
            ident = ent.id
        if start is not None and end is not None:
            self.mention(ident, start, end)
            # "Takhar Province": the name as the article writes it, with its designator
            ent = self.by_id[ident]
            said = re.sub(r"^(the|The)\s+", "", self.text[start:end]).strip()
            words = said.split()
            if (len(words) >= 2 and norm(" ".join(words[:-1])) == norm(entry.label)
                    and words[-1].lower() in ("province", "district", "region", "governorate", "oblast", "county")
                    and ent.label == entry.label):
                ent.label = " ".join(words[:-1]) + " " + words[-1].title()
        return self.by_id[ident]

    def country_of_demonym(self, word: str) -> Ent | None:
        if self.gaz is None:
            return None
        key = self.gaz.demonym(word)
        if not key:
            return None
        entry = self.gaz.get(key)
        return self.gazetteer_entity(entry, None, None, "alias", 0.9) if entry else None

    def is_demonym(self, word: str) -> bool:
        return bool(self.gaz is not None and self.gaz.demonym(word))

    # ------------------------------------------------------------------ output
    def entities(self, used: set[str]) -> list[Entity]:
        keep = set(used)
        # keep the located-in / affiliation / country chains of used entities
        changed = True
        while changed:
            changed = False
            for ident in list(keep):
                e = self.by_id[ident]
                for ref in (e.located_in, e.affiliation, e.country):
                    if ref and ref not in keep:
                        keep.add(ref)
                        changed = True
        out = []
        for e in self.by_id.values():
            if e.id not in keep:
                continue
            mentions = tuple(Span(start=s, end=t, text=self.text[s:t]) for s, t in sorted(e.mentions))
            located = e.located_in if e.type in PLACE_KIND.values() or e.type in ("region", "facility", "area") else None
            out.append(Entity(
                id=e.id, type=e.type, label=e.label, link=e.link, located_in=located,
                affiliation=e.affiliation if e.affiliation != e.id else None,
                country=e.country if e.country != e.id else None, mentions=mentions,
                confidence=round(min(1.0, max(0.0, e.confidence)), 3),
            ))
        return out
