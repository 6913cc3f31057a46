"""The rules: from parsed spaCy docs of one article to the pieces of an annotation.

One ``ArticleRules`` object per article. ``feed(doc, offset)`` is called for each parsed
piece of the text in order (most articles are one piece); ``finish()`` builds the
``Annotation``. Every character offset is an offset into the article text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..model import (
    AlternativeSet,
    Annotation,
    Casualty,
    Claim,
    DateRef,
    Event,
    Participant,
    Provenance,
    Relation,
    Span,
    Statement,
)
from . import lexicon as L
from .datexp import parse_date
from .medium import medium_of
from .entities import DESIGNATED_PLACE, DESIGNATOR_TYPE, MEDIA_PATTERN, Ent, EntityTable, norm, slug

PLACE_TYPES = {"country", "province", "district", "settlement", "region", "facility", "area"}
PLACE_DEPTH = {"country": 0, "region": 1, "province": 1, "district": 2, "settlement": 3, "area": 4, "facility": 4}
DESCRIBE_UNATTRIBUTED = True  # measured on the tuning set (19 articles): statements F1 0.638 -> 0.672
SPLIT_QUOTES = False  # one statement per quoted sentence: measured on the tuning set, F1 0.681 vs 0.684 joined (most gold quotes are whole)
DATELINE = re.compile(r"^[A-Z][A-Z .,'’()/-]{1,40}?\s*[-–—]+\s+")
MEDIA_AFTER = re.compile(r"\b(news agency|news firm|agency|newspaper|broadcaster|station|TV station|channel|network|outlet)[ \t]+((?:[A-Z][\w\-/]*|[A-Z]{2,}-[A-Z]+)(?:[ \t]+[A-Z][\w\-/]*){0,2})")
KNOWN_MEDIA_RE = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(x) for x in sorted(L.KNOWN_MEDIA, key=len, reverse=True) if len(x) > 2) + r")(?![\w-])", re.I)
TITLE_BEFORE = re.compile(r"((?:(?:[A-Z][\w.'’-]*|of|for|the|and)\s+){1,8})$")
PERSONISH_ORG = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3}$")


@dataclass
class Mention:
    start: int
    end: int
    tok_start: int  # character offset of the trigger token
    type: str
    definite: bool
    generic: bool
    modality: str
    sent_start: int
    sent_end: int
    place: str | None = None
    date: DateRef | None = None
    negated: bool = False
    group: str = ""  # mentions of different groups never merge ("police shot the attacker")
    ordinal: str = ""  # "second" (a part: "the second blast"), "new" ("fresh clashes"), or ""
    own_type: bool = False  # joins only events of its own type
    civilian: bool = False  # the attack's target is civilians
    patient: str = ""  # "26 Somali pirates": who was arrested or kidnapped


@dataclass
class Ev:
    id: str
    type: str
    group: str = ""
    ordinal: str = ""
    after: "Ev | None" = None  # the earlier event of the kind a "further"/"second" one follows
    civilian: bool = False  # an attack on civilians
    mentions: list[Mention] = field(default_factory=list)
    place: str | None = None
    place_conf: float = 0.0
    date: DateRef | None = None
    date_conf: float = 0.0
    modality: str = "asserted"

    @property
    def first(self) -> int:
        return self.mentions[0].start


@dataclass
class Item:
    """A piece of claim content with where it sits in the text."""

    kind: str  # event / participant / casualty / relation
    pos: int  # a character offset that decides which statement contains it
    claim: str
    negated: bool = False
    ref_only: bool = False  # "looking into the incident": mentions an event, asserts nothing about it


@dataclass
class Stmt:
    speaker: str
    span: tuple[int, int]
    stance: str
    verb_pos: int
    polarity: str = "positive"
    certainty: str = "certain"
    role: str | None = None
    on_behalf_of: str | None = None
    channel: str | None = None
    date: DateRef | None = None
    hedge: str | None = None
    embedded_in: int | None = None  # index of the containing statement
    confidence: float = 0.7
    exclude: list[tuple[int, int]] = field(default_factory=list)
    claims: list[str] = field(default_factory=list)
    subject_pos: int | None = None
    subject_tok: object = None
    subject_off: int = 0
    about: str | None = None  # what a quotation without a named subject is taken to describe


def _tok_span(tokens) -> tuple[int, int]:  # noqa: ANN001
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].is_space or toks[0].dep_ in ("mark", "cc")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].is_space or toks[-1].dep_ == "cc"):
        toks = toks[:-1]
    if not toks:
        return (0, 0)
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _first(tokens):  # noqa: ANN001, ANN202
    """The first token that is not whitespace."""
    real = [t for t in tokens if not t.is_space and not t.is_punct] or list(tokens)
    return min(real, key=lambda t: t.i)


def _subtree_minus(root, excluded_roots=()) -> list:  # noqa: ANN001
    excluded = set()
    for ex in excluded_roots:
        excluded.update(t.i for t in ex.subtree)
    return [t for t in root.subtree if t.i not in excluded]


def _negated(tok) -> bool:  # noqa: ANN001
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if tok.dep_ in ("pobj", "dobj", "nsubj", "nsubjpass", "attr") and any(c.lower_ in ("no", "never") and c.dep_ == "det" for c in tok.children):
        return True
    return False


class ArticleRules:
    def __init__(self, article, gazetteer, agent: str, version: str) -> None:  # noqa: ANN001
        self.article = article
        self.text = article.text
        self.published = article.meta.published
        self.table = EntityTable(self.text, gazetteer)
        self.agent, self.version = agent, version
        self.events: list[Ev] = []
        self.items: list[Item] = []
        self.claims: dict[str, str] = {}  # id -> label
        self.claim_keys: dict[tuple, str] = {}
        self.stmts: list[Stmt] = []
        self.participants: list[Participant] = []
        self.casualties: list[Casualty] = []
        self.relations: list[Relation] = []
        self.alternatives: list[AlternativeSet] = []
        self.last_person: str | None = None
        self.last_group: str | None = None
        self.last_he = None  # the last singular person subject of an earlier sentence ("a man ... entered")
        self.sent_subjects: list = []
        self.last_civilians = None
        self.victim_groups: set[str] = set()
        self.sent_no, self.last_figure_sent = 0, -10  # the last plural noun for civilians ("refugees"): who "no dead" are
        self.last_org: str | None = None
        self.last_speaker: str | None = None
        self.sentence_ranges: list[tuple[int, int]] = []
        self.voiced_sents: set[int] = set()  # sentence starts of speech the rules did not attribute
        self.trigger_at: dict[int, Ev] = {}
        self.participant_keys: set[tuple[str, str, str]] = set()
        self.casualty_ids: set[str] = set()
        self.report_sentences: set[int] = set()
        self.absorbed: set[int] = set()  # reporting verbs whose stance an outer statement took
        self.actor_places: set[int] = set()  # offsets of place names used as actors ("Turkey began", "the US statement")
        self.publisher = None
        pub = article.meta.publisher
        if not pub:
            self.publisher = self.table.add("media_outlet", f"publisher of article {article.id} (not named)",
                                            key="actor:publisher", confidence=0.5)
        if pub:
            self.publisher = self.table.add("media_outlet", pub, key=f"actor:{norm(pub)}", confidence=0.9)
            for m in re.finditer(re.escape(pub), self.text):
                self.table.mention(self.publisher.id, m.start(), m.end())

    # ================================================================== claims
    def claim(self, key: tuple, label: str) -> str:
        if key in self.claim_keys:
            return self.claim_keys[key]
        ident = slug("_".join(str(k) for k in key))[:100]
        base, n = ident, 2
        while ident in self.claims:
            ident, n = f"{base}_{n}", n + 1
        self.claims[ident] = label[:300] or ident
        self.claim_keys[key] = ident
        return ident

    def _medium(self, verb_pos: int, sent_of) -> str | None:  # noqa: ANN001
        """The medium ("in a statement", "tweeted") named near the reporting verb, in its sentence."""
        start = sent_of(verb_pos)
        if start < 0:
            return None
        end = next((b for a, b in self.sentence_ranges if a == start), len(self.text))
        return medium_of(self.text[start:end], verb_pos - start)

    # ================================================================== feeding
    def feed(self, doc, offset: int) -> None:  # noqa: ANN001
        self.o = offset
        self.doc = doc
        # Doc.text and Doc.ents are rebuilt on every access: read them once per piece
        self.doc_text = doc.text
        self.doc_ents = tuple(doc.ents)
        for sent in doc.sents:
            toks = [t for t in sent if not t.is_space]
            if toks:
                self.sentence_ranges.append((offset + toks[0].idx, offset + toks[-1].idx + len(toks[-1].text)))
                if self._voiced(toks):
                    self.voiced_sents.add(offset + toks[0].idx)
        self._entities(doc)
        for sent in doc.sents:
            if not sent.text.strip():
                continue
            self._place_uses(sent)
            self._events(sent)
            self._casualties(sent)
            self._participants(sent)
            self._relations(sent)
            self._statements(sent)
            self._reportedly(sent)
            self._person_roles(sent)
            self._track_actors(sent)

    @staticmethod
    def _voiced(toks) -> bool:  # noqa: ANN001
        """A sentence that is someone's speech, not the outlet's narration: a reporting verb or
        noun the rules could not attribute ("Neighbors told a TV station that ...", "Statements
        of condemnation have come from ..."), a signature line ("—The mayor"), a sentence not
        in English (a quoted tweet)."""
        if toks[0].text[:1] in ("—", "–", "(") or toks[0].text.startswith("(("):
            return True
        stops = 0
        quoted = any(t.text in ("\"", "“", "”") for t in toks)
        for t in toks:
            low = t.lemma_.lower()
            if t.pos_ == "VERB" and not _negated(t):
                if low in L.REPORT_VERBS and (quoted or any(c.dep_ in ("ccomp", "parataxis") or c.dep_ == "xcomp" and c.pos_ == "VERB"
                                                            or c.text == ":" for c in t.children)):
                    return True
                if (low in L.EVALUATIVE_VERBS or low in L.SPEECH_VERBS) and any(c.dep_ == "nsubj" for c in t.children):
                    return True
            if t.lower_ in L.ATTRIBUTION_NOUNS or t.lower_ in L.SPEECH_NOUNS:
                return True
            stops += t.is_stop
        words = sum(1 for t in toks if t.is_alpha)
        return words >= 6 and stops < 0.15 * words

    def c(self, tok) -> int:  # noqa: ANN001
        return self.o + tok.idx

    def ce(self, tok) -> int:  # noqa: ANN001
        return self.o + tok.idx + len(tok.text)

    def ent_of(self, tok) -> Ent | None:  # noqa: ANN001
        return self.table.at(self.c(tok), self.ce(tok))

    # ================================================================== entities
    def _entities(self, doc) -> None:  # noqa: ANN001
        t = self.table
        o = self.o
        text = doc.text
        taken: list[tuple[int, int]] = []

        def free(s: int, e: int) -> bool:
            return all(e <= a or s >= b for a, b in taken)

        # places named with a designator ("Dasht-e Qala district", "Takhar Province")
        for m in DESIGNATED_PLACE.finditer(text):
            name, designator = m.group(1), m.group(2)
            words = name.split()
            while words and words[0] in ("The", "A", "In", "On", "At", "Near", "From", "Recall"):
                words = words[1:]
            if not words:
                continue
            name = " ".join(words)
            s = o + m.start(2) - len(name) - (m.start(2) - m.end(1))
            s = o + m.end(1) - len(name)
            e = o + m.end(2)
            ent = t.place_from_gazetteer(name, s, e, designator.lower())
            if ent is None:
                ent = t.add(DESIGNATOR_TYPE.get(designator.lower(), "area"), f"{name} {designator.title()}", s, e,
                            key=f"place:{norm(name)}|{designator.lower()}", confidence=0.6)
            taken.append((s, e))
        # media outlets ("the RIA news agency")
        for m in MEDIA_PATTERN.finditer(text):
            name = m.group(1)
            if name.split()[0] in ("The", "A", "An"):
                name = " ".join(name.split()[1:])
            if not name or t.is_demonym(name.split()[-1]) and len(name.split()) == 1:
                continue
            s = o + m.end(1) - len(name)
            e = o + m.end(2)
            if not free(s, e):
                continue
            t.add("media_outlet", name, s, e, confidence=0.8)
            taken.append((s, e))
        # outlets named after their kind ("news agency PA Media", "CBS station KDKA-TV") and
        # known outlets and platforms spaCy did not tag ("told The Age", "a Twitter post")
        for m in MEDIA_AFTER.finditer(text):
            name = m.group(2)
            s, e = o + m.start(2), o + m.end(2)
            if free(s, e) and t.at(s, e) is None and not t.is_demonym(name.split()[0]):
                t.add("media_outlet", name, s, e, confidence=0.7)
                taken.append((s, e))
        for m in KNOWN_MEDIA_RE.finditer(text):
            name = m.group(0)
            if not all(w[:1].isupper() for w in name.split()) or len(name) < 3:
                continue
            s, e = o + m.start(), o + m.end()
            if free(s, e) and t.at(s, e) is None:
                t.add("media_outlet", name, s, e, confidence=0.8)
                taken.append((s, e))
        # names spaCy missed: "Khalil Asir, spokesman for ...", "... spokesman Zia Durrani said"
        ent_tokens = {x.i for e_ in doc.ents if e_.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC") for x in e_}
        for tok in doc:
            if tok.pos_ != "PROPN" or tok.i in ent_tokens or tok.dep_ == "compound" or t.is_demonym(tok.text):
                continue
            name = [x for x in tok.lefts if x.dep_ == "compound" and x.pos_ == "PROPN"] + [tok]
            if not (2 <= len(name) <= 4) or not all(x.text[:1].isupper() and x.is_alpha for x in name):
                continue
            has_role = any(a.dep_ == "appos" and (a.lemma_.lower() in L.ROLE_NOUNS) for a in tok.children) or (
                tok.dep_ == "appos" and tok.head.lemma_.lower() in L.ROLE_NOUNS)
            says = tok.dep_ == "nsubj" and tok.head.lemma_ in L.REPORT_VERBS
            according = tok.dep_ == "pobj" and tok.head.lower_ == "to" and tok.head.head.lower_ == "according"
            while name and name[0].lower_ in L.TITLE_WORDS:
                name = name[1:]
            if not name or (len(name) < 2 and not according):
                continue
            if (has_role or says or according) and not any(x.lower_ in L.ORG_WORDS for x in name):
                s0, e0 = o + name[0].idx, o + tok.idx + len(tok.text)
                if free(s0, e0):
                    self._person(self.text[s0:e0], s0, e0, 0.6)
                    taken.append((s0, e0))
        # spaCy's entities, corrected
        for ent in doc.ents:
            s, e = o + ent.start_char, o + ent.end_char
            toks = [x for x in ent if x.lower_ not in ("the", "a", "an")]
            if not toks:
                continue
            s = o + toks[0].idx
            label_text = self.text[s:e]
            low = norm(label_text)
            if not free(s, e):
                continue
            if ent.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "LANGUAGE", "LAW", "WORK_OF_ART", "EVENT", "PRODUCT"):
                continue
            if low in L.KNOWN_MEDIA:
                t.add("media_outlet", label_text, s, e, confidence=0.9)
                taken.append((s, e))
                continue
            if low in L.KNOWN_ARMED_GROUPS or low.rstrip("s") in L.KNOWN_ARMED_GROUPS:
                t.add("armed_group", label_text, s, e, key=f"actor:{low.rstrip('s') if low.rstrip('s') in L.KNOWN_ARMED_GROUPS else low}", confidence=0.9)
                taken.append((s, e))
                continue
            if len(toks) == 1 and t.is_demonym(toks[0].text):
                continue  # "Tajik" is a nationality, not a person or an organisation
            if ent.label_ == "NORP":
                if t.gaz is not None and len(toks) == 1:
                    hits = t.gaz.lookup(label_text, kinds=("country",), fuzzy=False)
                    if hits:
                        t.gazetteer_entity(hits[0].entry, s, e, hits[0].method, hits[0].score)
                        taken.append((s, e))
                continue
            if ent.label_ in ("GPE", "LOC", "FAC"):
                if self._media_context(toks[0], toks[-1]):
                    t.add("media_outlet", label_text, s, e, confidence=0.7)
                    taken.append((s, e))
                    continue
                place = t.place_from_gazetteer(label_text, s, e)
                if place is None:
                    kind = {"GPE": "settlement", "LOC": "region", "FAC": "facility"}[ent.label_]
                    t.add(kind, label_text, s, e, confidence=0.5)
                taken.append((s, e))
                continue
            if ent.label_ == "PERSON":
                self._person(label_text, s, e)
                taken.append((s, e))
                continue
            if ent.label_ == "ORG":
                known = self._known_person(label_text)
                if known is not None:
                    t.mention(known.id, s, e)
                elif self._looks_like_person(toks):
                    self._person(label_text, s, e, confidence=0.6)
                elif self._media_context(toks[0], toks[-1]) or (toks[-1].lower_ in L.MEDIA_WORDS and toks[-1].lower_ not in ("service",)):
                    t.add("media_outlet", label_text, s, e, confidence=0.7)
                else:
                    place = t.place_from_gazetteer(label_text, s, e) if len(toks) <= 3 and self._placeish(toks) else None
                    if place is None:
                        t.add(self._org_type(toks), self._org_label(label_text), s, e, confidence=0.7)
                taken.append((s, e))
        # armed groups spaCy missed
        for m in re.finditer(r"\b(Taliban|Islamic State|al-Qaeda|al-Shabaab|Boko Haram|Hezbollah|Hamas|Houthis?|ISIS|ISIL|Daesh)\b", text):
            s, e = o + m.start(), o + m.end()
            if free(s, e) and t.at(s, e) is None:
                label = m.group(1)
                t.add("armed_group", label, s, e, key=f"actor:{norm(label).rstrip('s')}", confidence=0.85)

    def _placeish(self, toks) -> bool:  # noqa: ANN001
        return all(x.pos_ == "PROPN" for x in toks) and not any(x.lower_ in L.ORG_WORDS for x in toks)

    def _media_context(self, first, last) -> bool:  # noqa: ANN001
        head = last.head
        if last.dep_ in ("dobj", "dative") and head.lemma_ == "tell":
            return True
        if last.dep_ == "appos" and head.dep_ in ("dobj", "dative") and head.head.lemma_ == "tell":
            return True
        if last.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according":
            return True
        if last.dep_ == "pobj" and head.lower_ == "with" and head.head.lower_ in ("interview", "interviews"):
            return True
        if last.dep_ == "nsubj" and head.lemma_ in ("report", "cite", "quote", "broadcast", "publish"):
            return True
        return False

    def _looks_like_person(self, toks) -> bool:  # noqa: ANN001
        toks = [x for x in toks if x.tag_ != "HYPH"]  # "Al-Sawarmi Khalid"
        if not (2 <= len(toks) <= 4) or any(x.lower_ in L.ORG_WORDS for x in toks):
            return False
        if not all(x.pos_ == "PROPN" and x.text[:1].isupper() for x in toks):
            return False
        last = toks[-1]
        if any(c.dep_ == "appos" and (c.lemma_.lower() in L.ROLE_NOUNS or any(g.lemma_.lower() in L.ROLE_NOUNS for g in c.subtree)) for c in last.children):
            return True
        if last.dep_ in ("nsubj",) and last.head.lemma_ in L.REPORT_VERBS:
            return True
        if last.dep_ == "appos" and last.head.lemma_.lower() in L.ROLE_NOUNS and last.head.pos_ == "NOUN":
            return True  # "a State Department spokesperson, Morgan Ortagus,"
        if any(x.lower_ in L.ROLE_NOUNS for x in last.lefts):
            return True
        return False

    def _known_person(self, text: str) -> Ent | None:
        words = norm(text).split()
        if not words:
            return None
        for e in self.table.by_id.values():
            if e.type == "person":
                parts = norm(e.label).split()
                if words == parts or (len(words) == 1 and words[0] in parts[1:] + parts[:1] and len(words[0]) > 2):
                    return e
        return None

    def _trim(self, a: int, b: int) -> tuple[int, int]:
        """A sentence's offsets without the quotes and spaces before it and the punctuation
        after it (the end may fall before the start when nothing is left)."""
        txt = self.text[a:b]
        return a + len(txt) - len(txt.lstrip(" \t\n\"”’'")), b - (len(txt) - len(txt.rstrip(" \t\n.!?;:")))

    def _trimmed(self, a: int, b: int) -> tuple[int, int]:
        """``_trim``, or the whole range when nothing would be left."""
        a2, b2 = self._trim(a, b)
        return (a2, b2) if b2 > a2 else (a, b)

    def _role_holder(self, role_word: str, before: int) -> Ent | None:
        """The person last mentioned before ``before`` whose role names ``role_word``."""
        best, best_at = None, -1
        for e in self.table.by_id.values():
            if e.type != "person" or not e.role or role_word not in norm(e.role).split():
                continue
            at = max((m[0] for m in e.mentions if m[0] < before), default=-1)
            if at > best_at:
                best, best_at = e, at
        return best

    def _person(self, label: str, s: int, e: int, confidence: float = 0.8) -> Ent:
        known = self._known_person(label)
        if known is not None:
            self.table.mention(known.id, s, e)
            return known
        # a full name seen later ("Asir" first, "Khalil Asir" after) keeps one entity
        return self.table.add("person", label, s, e, confidence=confidence)

    def _org_label(self, text: str) -> str:
        return re.sub(r"^(the|a|an)\s+", "", text, flags=re.I)

    def _org_type(self, toks) -> str:  # noqa: ANN001
        words = {x.lower_ for x in toks}
        if words & L.MEDIA_WORDS and words & {"agency", "radio", "news", "times", "post", "press", "tv", "television"}:
            return "media_outlet"
        if words & {"army", "forces", "military", "navy", "guard", "guards", "troops", "brigade", "battalion", "corps"}:
            return "state_force"
        if words & L.GOVERNMENT_WORDS:
            return "government_body"
        return "organization"

    # ------------------------------------------------------------------ noun phrases as actors
    def np_actor(self, head, *, speaker: bool = False) -> Ent | None:  # noqa: ANN001
        """The actor a noun phrase names: a named entity in it, or a group/source entity."""
        if head is None:
            return None
        if head.pos_ == "PRON":
            return self._pronoun(head)
        ent = self.ent_of(head)
        if ent is not None and ent.type not in PLACE_TYPES:
            return ent
        low = head.lower_
        if head.pos_ not in ("NOUN", "PROPN") and low not in ("others", "more"):
            return ent
        mods = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod", "poss", "nummod", "quantmod", "det") ]
        named = None
        country = None
        for m in mods:
            for x in m.subtree:
                e2 = self.ent_of(x)
                if e2 is not None and e2.type not in PLACE_TYPES and e2.type != "person":
                    named = named or e2
                if e2 is not None and e2.type == "country":
                    country = country or e2
                if self.table.is_demonym(x.text):
                    country = country or self.table.country_of_demonym(x.text)
        if named is not None and named.type == "armed_group" and low in L.ARMED_GROUP_MEMBER_NOUNS:
            self.table.mention(named.id, self.c(head), self.ce(head)) if False else None
            return named
        if named is not None and low in L.ORG_WORDS and named.type != "media_outlet":
            return named
        last = self.table.by_id[self.last_group] if self.last_group else None
        if low in ("others", "more") and (last is None or last.id in self.victim_groups):
            return None  # "killed nine people and injured 50 more": the victims of the event, of the new kind
        if low in ("others", "more") and last is not None and last.type != "person" and norm(last.label).split()[-1:] != [] and norm(last.label).split()[-1] not in L.PERSON_NOUNS:
            return self.table.by_id[self.last_group]  # "killed a woman and injured 19 others": not her
        words = [x for x in head.subtree if x.i <= head.i and x.dep_ not in ("det", "nummod", "quantmod", "punct", "predet", "advmod") and not x.like_num and x.lower_ not in ("least", "at", "more", "than", "about", "some", "around", "nearly", "over")]
        # start from the first contiguous modifier before the head
        words = [x for x in words if x.i >= min((w.i for w in words if w.i >= head.i - 4), default=head.i)]
        label_toks = []
        for x in words:
            if x.i < head.i and x.head.i != head.i and x.head not in label_toks:
                continue
            label_toks.append(x)
        if not label_toks:
            label_toks = [head]
        s, e = self.c(label_toks[0]), self.ce(label_toks[-1])
        label = self.text[s:e]
        plural = head.tag_ in ("NNS", "NNPS") or low in ("police", "people")
        if speaker and low in L.ROLE_NOUNS and low not in L.SOURCE_NOUNS and head.tag_ == "NN":
            # "the governor said", "the provincial police chief said": the person the article
            # named in that role before, else an unnamed holder of the role
            if any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "one") for c in head.children):
                holder = self._role_holder(low, self.c(head))
                if holder is not None:
                    self.table.mention(holder.id, self.c(head), self.ce(head))
                    return holder
            role_label = re.sub(r"^(the|a|an|one)\s+", "", label, flags=re.I)
            return self.table.add("anonymous_source", role_label, s, e, key=f"actor:anon:{norm(role_label)}",
                                  confidence=0.5, country=country.id if country else None)
        if speaker and low in L.SOURCE_NOUNS and low not in ("police",):
            full = [x for x in head.subtree if x.dep_ != "punct"]
            if head.dep_ in ("ROOT", "nsubj"):  # a misparsed clause: the speaker's verb is an "acl" of it
                cut = [c for c in head.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
                full = [x for x in full if x.i < min((c.i for c in cut), default=len(head.doc))]
            fs, fe = _tok_span(full)
            if head.dep_ == "appos" or any(c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in head.children) or not plural:
                aff = None
                for c in head.rights:
                    if c.dep_ == "prep" and c.lower_ in ("at", "in", "from", "of", "with"):
                        for p in c.children:
                            if p.dep_ == "pobj":
                                aff = self.np_actor(p)
                label = re.sub(r"^(the|a|an|one)\s+", "", self.text[self.o + fs:self.o + fe] if False else self.text[fs + self.o - self.o:fe], flags=re.I)
                return self.table.add("anonymous_source", label, fs, fe, key=f"actor:anon:{norm(label)}",
                                      confidence=0.6, affiliation=aff.id if aff else None,
                                      country=country.id if country else None)
            return self.table.add("collective_source", label, s, e, key=f"actor:coll:{norm(label)}", confidence=0.6,
                                  country=country.id if country else None)
        if low in L.FORCE_WORDS or low in ("officers", "policemen"):
            return self.table.add("state_force", label, s, e, confidence=0.6, country=country.id if country else None)
        if low in L.ARMED_NOUNS:
            if named is not None and named.type == "armed_group":
                return named
            return self.table.add("armed_group" if plural else "people_group", label, s, e, confidence=0.5,
                                  country=country.id if country else None)
        if low in L.PEOPLE_NOUNS:
            return self.table.add("people_group", label, s, e, confidence=0.5, country=country.id if country else None)
        if low in L.GOVERNMENT_WORDS or low in ("ministry", "government"):
            return self.table.add("government_body", label, s, e, confidence=0.5, country=country.id if country else None)
        if low in L.ORG_WORDS:
            return self.table.add(self._org_type([*label_toks]), label, s, e, confidence=0.5, country=country.id if country else None)
        if ent is not None:
            return ent
        return None

    def _pronoun(self, tok) -> Ent | None:  # noqa: ANN001
        low = tok.lower_
        if low in ("he", "she", "him", "her"):
            ident = self.last_speaker if self.last_speaker and self.table.by_id[self.last_speaker].type == "person" else self.last_person
        elif low in ("they", "them"):
            ident = self.last_group or self.last_org
        elif low in ("it",):
            ident = self.last_org
        elif low in ("we",):
            ident = self.last_speaker
        else:
            ident = None
        return self.table.by_id.get(ident) if ident else None

    def _person_roles(self, sent) -> None:  # noqa: ANN001
        """The role a person is introduced with, wherever they are named ("South Sudan's
        president Salva Kiir", "Susan Bro, Heather Heyer's mother,"), for statements that
        name them only by surname or pronoun."""
        for tok in sent:
            if tok.pos_ != "PROPN" or tok.dep_ == "compound":
                continue
            ent = self.ent_of(tok)
            if ent is None or ent.type != "person" or ent.role:
                continue
            role_toks = None
            ap = next((c for c in tok.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                       and (c.lemma_.lower() in L.ROLE_NOUNS or c.lemma_.lower() in L.KIN_NOUNS)), None)
            if ap is not None:
                nested = {y.i for c in ap.children if c.dep_ in ("appos", "relcl", "acl") for y in c.subtree}
                role_toks = [x for x in ap.subtree if x.i not in nested and not x.is_punct]
            elif tok.dep_ == "appos" and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() in L.ROLE_NOUNS:
                own = {y.i for y in tok.subtree}
                role_toks = [x for x in tok.head.subtree if x.i not in own and not x.is_punct and x.i < tok.i]
            elif any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                # "Lucy Fischer of The Times": the role is her organisation
                of = next(c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of")
                org = next((self.ent_of(p) for p in of.children if p.dep_ == "pobj"), None)
                if org is not None and org.type not in PLACE_TYPES and org.type != "person":
                    role_toks = [x for x in of.subtree if not x.is_punct]
            if role_toks is None:
                chain = [x for x in tok.lefts if x.dep_ in ("compound", "amod", "nmod", "poss") and self.ent_of(x) is not ent]
                chain_toks = [y for x in chain for y in x.subtree if self.ent_of(y) is not ent]
                if chain_toks and any(y.lemma_.lower() in L.ROLE_NOUNS for y in chain_toks):
                    role_toks = [y for y in chain_toks if y.dep_ != "det" and not y.is_punct]
            if role_toks:
                rs, re_ = _tok_span(role_toks)
                if 0 < re_ - rs <= 100:
                    ent.role = re.sub(r"^(a|an)\s+", "", self.text[self.o + rs:self.o + re_], flags=re.I)
                continue
            # a capitalised title right before the name, however the parser attached it
            # ("US Special Representative for Iran Brian Hook", "Minister of Information X")
            first = tok.left_edge if all(x.dep_ == "compound" and x.pos_ == "PROPN" for x in tok.lefts) else tok
            name_start = min((x.idx for x in tok.lefts if x.dep_ == "compound" and x.pos_ == "PROPN"), default=tok.idx)
            before = self.doc_text[max(sent.start_char, name_start - 80):name_start] if first is not None else ""
            m = TITLE_BEFORE.search(before)
            if m:
                title = re.sub(r"^(?:(?:the|of|for|and)\s+)+", "", m.group(1).strip(), flags=re.I)
                words = title.split()
                if words and any(w.lower() in L.ROLE_NOUNS for w in words) and words[-1].lower() not in ("of", "for", "the", "and"):
                    ent.role = title

    def _track_actors(self, sent) -> None:  # noqa: ANN001
        for tok in sent:
            ent = self.ent_of(tok)
            if ent is None:
                continue
            if ent.type == "person" and tok.dep_ in ("nsubj", "nsubjpass"):
                self.last_person = ent.id
            elif ent.type in ("government_body", "organization", "media_outlet", "armed_group", "state_force") and tok.dep_ in ("nsubj", "nsubjpass"):
                self.last_org = ent.id

    # ================================================================== events
    def _place_uses(self, sent) -> None:  # noqa: ANN001
        """Note place names the sentence uses as actors, not as where something happened:
        subjects ("Turkey began an offensive"), possessors ("Sudan's army"), modifiers of a
        non-place noun ("the US statement", "the Red Sea port town of Mokha"), agents and
        "the government of Syria"."""
        group: list = []
        groups = []
        last = None
        for tok in sent:
            ent = self.ent_of(tok) if not tok.is_space else None
            ident = ent.id if ent is not None and ent.type in PLACE_TYPES else None
            if ident is not None and ident == last and group:
                group.append(tok)
            else:
                if group:
                    groups.append(group)
                group = [tok] if ident is not None else []
            last = ident
        if group:
            groups.append(group)
        for g in groups:
            idx = {x.i for x in g}
            root = next((x for x in g if x.head.i not in idx or x.head.i == x.i), g[-1])
            head = root.head
            dep = root.dep_
            actor = dep in ("nsubj", "nsubjpass", "poss", "csubj") and head.lemma_ not in (
                "be", "see", "witness", "experience", "suffer", "host", "endure", "face", "remain", "become")  # "Yemen has seen fighting"
            if dep in ("compound", "amod", "nmod") and head.pos_ in ("NOUN", "PROPN") and self.ent_of(head) is None:
                actor = head.lemma_.lower() not in L.FACILITY_NOUNS or any(
                    c.dep_ == "prep" and c.lower_ == "of" for c in head.children)
            if dep == "pobj" and head.lower_ == "by" and head.dep_ == "agent":
                actor = True
            if dep == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in (L.ORG_WORDS | L.ROLE_NOUNS | L.FORCE_WORDS):
                actor = True
            if actor:
                self.actor_places.update(self.c(x) for x in g)

    def _trigger(self, tok) -> tuple[str, int, int] | None:  # noqa: ANN001
        """(type, start token index, end token index) for an event trigger token."""
        low, lemma = tok.lower_, tok.lemma_.lower()
        if tok.pos_ in ("NOUN", "PROPN"):
            # compounds: "air strike", "suicide bombing", "roadside bomb"
            mods = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod")]
            for m in mods:
                key = (m.lower_, low)
                key2 = (m.lower_, lemma)
                typ = L.PHRASE_TRIGGERS.get(key, L.PHRASE_TRIGGERS.get(key2))
                if typ is not None:
                    return (typ, m.i, tok.i) if typ else None
            if low in ("air-strike", "airstrike", "airstrikes", "air-strikes"):
                return ("air_strike", tok.i, tok.i)
            typ = L.NOUN_TRIGGERS.get(lemma) or L.NOUN_TRIGGERS.get(low)
            if typ is None and lemma in L.AGREEMENT_NOUNS:
                # "reached an agreement", "entered into a deal with", "an accord was signed"
                verb = tok.head.head if tok.dep_ == "pobj" else tok.head
                if tok.dep_ in ("dobj", "nsubjpass", "pobj") and verb.lemma_ in L.AGREEMENT_VERBS:
                    return ("agreement", tok.i, tok.i)
            if typ is None:
                return None
            if lemma == "strike":
                if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in tok.lefts) and any(e.type == "air_strike" for e in self.events):
                    return ("air_strike", tok.i, tok.i)  # "The strike took place at ...": the air strike named before
                if any(w.lower_ in L.AIR_WORDS for w in tok.subtree) or any(w.lower_ in L.AIR_WORDS and w.lower_ != "air" for w in tok.sent):
                    return ("air_strike", tok.i, tok.i)
                if not any(w.lemma_ in ("military", "missile", "drone", "rocket", "bomb") for w in tok.sent):
                    return None
            if lemma in ("bomb",) and tok.dep_ in ("compound",):
                return None
            if lemma == "fighting" and tok.pos_ != "NOUN":
                return None
            if lemma in ("explosion", "blast") and not any(w.lemma_ in ("bomb", "attack", "militant", "suicide", "explosive", "ied", "terrorist", "bomber", "insurgent", "claim") for w in tok.sent):
                # "three further explosions" after a bombing the article already named
                if not (self._event_word(tok) and any(L.EVENT_FAMILY.get(e.type) == "violence" for e in self.events)):
                    return None
            if lemma in ("arrest", "detention", "custody") and (tok.dep_ in ("compound", "nmod") or (
                    tok.dep_ == "amod" and tok.head.pos_ == "NOUN")):
                return None  # "arrest warrants", "the custody centre"
            if lemma == "custody" and tok.dep_ == "pobj" and tok.head.head.lemma_ in ("remain", "stay", "die", "keep"):
                return None  # "remain in custody": no arrest now
            if typ in ("attack", "piracy") and tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in L.FOIL_VERBS:
                return ("foiled_attack", tok.i, tok.i)  # "the navy foiled an attack"
            return (typ, tok.i, tok.i)
        if tok.pos_ == "VERB":
            typ = L.VERB_TRIGGERS.get(lemma)
            if typ is None and self._taken(tok) is not None:
                return ("territory_taken", tok.i, tok.i)
            if lemma in ("explode", "hit", "land", "strike", "slam") or (typ is None and lemma in ("fall",)):
                # "three tank shells exploded", "a shell hit a house": shelling
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lemma_.lower() in L.SHELL_NOUNS:
                    return ("shelling", tok.i, tok.i)
            if typ is None and lemma == "open" and any(c.dep_ == "dobj" and c.lower_ == "fire" for c in tok.children):
                return ("attack", tok.i, max(c.i for c in tok.children if c.dep_ == "dobj" and c.lower_ == "fire"))  # "opened fire at"
            if typ is None and self._surrendered(tok):
                return ("arrest", tok.i, tok.i)
            if typ is None and self._entered(tok):
                return ("deployment", tok.i, tok.i)
            if typ is None and lemma == "go" and any(c.dep_ == "prt" and c.lower_ == "off" for c in tok.children):
                # "the bomb went off"
                subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                if subj is not None and subj.lemma_.lower() in ("bomb", "device", "explosive", "ied", "grenade", "mine"):
                    prt = next(c for c in tok.children if c.dep_ == "prt" and c.lower_ == "off")
                    return ("bombing", tok.i, prt.i)
            if typ is None:
                return None
            if lemma == "fight" and any(c.dep_ == "dobj" and c.lemma_.lower() in ("war", "campaign", "insurgency") for c in tok.children):
                return None  # "groups fighting its proxy war": the war, no clash of its own
            if lemma == "bomb":
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                if subj and (subj[0].lower_ in L.AIR_WORDS or any(w.lower_ in L.AIR_WORDS for w in subj[0].subtree)):
                    return ("air_strike", tok.i, tok.i)
            if lemma in ("arrest", "detain") and not any(c.dep_ in ("nsubjpass", "auxpass") for c in tok.children) and not any(
                    w.lower_ in ("police", "forces", "troops", "authorities", "security") for w in tok.sent):  # "was arrested" needs no police word
                return None
            if typ == "protest" and any(c.dep_ in ("ccomp", "dobj") for c in tok.children):
                return None  # "the minister protested that ...", "protested the decision": a speech act
            return (typ, tok.i, tok.i)
        return None

    def _taken(self, verb):  # noqa: ANN001, ANN202
        """The place an armed actor takes: "Sanaa fell under Houthi control", "the town fell to
        the rebels", "took control of X", "took over X", "captured/seized/overran <place>"."""
        lemma = verb.lemma_.lower()
        kids = list(verb.children)

        def place_of(tok):  # noqa: ANN001, ANN202
            if tok is None:
                return None
            if tok.lower_ == "it" and verb.dep_ == "advcl":
                # "Mokha is less affected, since it was recaptured in 2017": the main clause's subject
                tok = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if tok is None:
                    return None
            cands = [tok] + [c for c in tok.children if c.dep_ == "appos"]
            for x in cands:
                ent = self.ent_of(x)
                if ent is not None and ent.type in PLACE_TYPES:
                    return ent
            for x in cands:
                # a name the tagger missed ("the capital, Sanaa, fell"): a settlement
                known = self.ent_of(x)
                misread = known is not None and known.type == "person" and x is not tok and tok.lemma_.lower() in (
                    "capital", "city", "town", "village", "port")  # "the capital, Sanaa" tagged as a person
                if x.pos_ == "PROPN" and x.text[:1].isupper() and (known is None or misread) and not self.table.is_demonym(x.text):
                    toks = sorted([c for c in x.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [x], key=lambda t: t.i)
                    return self.table.add("settlement", self.text[self.c(toks[0]):self.ce(toks[-1])], self.c(toks[0]), self.ce(toks[-1]), confidence=0.5)
            return None

        if lemma == "fall":
            for p in kids:
                if p.dep_ == "prep" and p.lower_ in ("under", "to", "into"):
                    for o in p.children:
                        if o.dep_ != "pobj":
                            continue
                        ent = self.ent_of(o)
                        if (p.lower_ in ("under", "into") and o.lemma_.lower() in ("control", "hand", "hands")) or (
                                p.lower_ == "to" and (o.lemma_.lower() in L.ARMED_NOUNS | L.FORCE_WORDS or (ent is not None and ent.type in ("armed_group", "state_force")))):
                            return place_of(next((c for c in kids if c.dep_ == "nsubj"), None)) or False
            return None
        if lemma in ("take", "seize", "gain", "assume", "wrest"):
            for o in kids:
                if o.dep_ == "dobj" and o.lemma_.lower() == "control":
                    for p in o.children:
                        if p.dep_ == "prep" and p.lower_ == "of":
                            return place_of(next((c for c in p.children if c.dep_ == "pobj"), None)) or False
            if lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "over" for c in kids):
                obj = next((c for c in kids if c.dep_ == "dobj"), None)
                ent = place_of(obj)
                if ent is None and obj is not None:
                    ent = place_of(next((o for p in obj.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"), None))
                return ent
        if lemma in ("capture", "seize", "overrun", "retake", "recapture"):
            return place_of(next((c for c in kids if c.dep_ in ("dobj", "nsubjpass")), None))
        return None

    def _surrendered(self, verb) -> bool:  # noqa: ANN001
        """"surrendered (himself) to police", "turned himself in to authorities": in custody."""
        lemma = verb.lemma_.lower()
        if lemma == "turn" and not any(c.dep_ in ("prt", "advmod", "prep") and c.lower_ == "in" for c in verb.children):
            return False
        if lemma not in ("surrender", "turn"):
            return False
        for p in verb.subtree:
            if p.dep_ == "prep" and p.lower_ == "to" and p.head in (verb, *verb.children):
                for o in p.children:
                    ent = self.ent_of(o)
                    if o.dep_ == "pobj" and (o.lower_ in ("police", "authorities", "officers", "troops", "forces", "officials")
                                             or (ent is not None and ent.type in ("state_force", "government_body"))):
                        return True
        return False

    def _entered(self, verb) -> list:  # noqa: ANN001
        """"The Syrian Army entered Tell Tamer and Ain Issa": the places armed forces entered
        (a name the tagger took for a person is a settlement here)."""
        if verb.lemma_.lower() != "enter" or verb.pos_ != "VERB":
            return []
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return []
        ent = self.ent_of(subj)
        if not (subj.lower_ in L.FORCE_WORDS or subj.lemma_.lower() in L.FORCE_WORDS or subj.lower_ in L.ARMED_NOUNS
                or (ent is not None and ent.type in ("state_force", "armed_group"))):
            return []
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:
            return []
        doc = verb.doc
        heads = [obj] + [x for x in obj.subtree if x.dep_ == "conj" and x.pos_ == "PROPN"]
        out, seen = [], set()
        for h in heads:
            if h.i in seen:
                continue
            known = self.ent_of(h)
            if known is not None and known.type in PLACE_TYPES:
                out.append(known)
                seen.add(h.i)
                continue
            if h.pos_ != "PROPN":
                continue
            a = b = h.i
            while a - 1 > verb.i and doc[a - 1].pos_ == "PROPN" and doc[a - 1].dep_ not in ("cc", "conj"):
                a -= 1
            while b + 1 < len(doc) and doc[b + 1].pos_ == "PROPN" and doc[b + 1].dep_ != "conj" and b + 1 - a < 3:
                b += 1
            seen.update(range(a, b + 1))
            s0, e0 = self.c(doc[a]), self.ce(doc[b])
            out.append(self.table.add("settlement", self.text[s0:e0], s0, e0, key=f"place:{norm(self.text[s0:e0])}|entered", confidence=0.5))
        return out

    @staticmethod
    def _ordinal(tok) -> str:  # noqa: ANN001
        """"second" for "the second blast" / "the second bomb went off", "new" for "fresh
        clashes" / "three further explosions", "" otherwise."""
        noun = tok
        if tok.pos_ in ("VERB", "AUX"):
            noun = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if noun is None:
                return ""
        head = noun.head
        if noun.dep_ == "nsubj" and not any(c.dep_ in ("det", "poss") for c in noun.lefts) and (
                head.lemma_ in ("erupt", "flare") or (head.lemma_ == "break" and any(c.dep_ == "prt" and c.lower_ == "out" for c in head.children))):
            return "new"  # "fighting has also broken out in Blue Nile": another outbreak
        for c in noun.lefts:
            if c.dep_ in ("amod", "det", "advmod", "nummod", "quantmod") or (c.dep_ == "compound" and c.pos_ == "ADJ"):
                if c.lower_ in L.ORDINAL_WORDS:
                    return c.lower_
                if c.lower_ in L.NEW_EVENT_WORDS and not (c.lower_ == "more" and noun.lemma_ not in ("explosion", "blast", "clash")):
                    return "new"
        return ""

    @staticmethod
    def _on_civilians(tok) -> bool:  # noqa: ANN001
        """"a mass shooting", "shot shoppers", "an attack on journalists", "a shooting at a party"."""
        if any(c.lower_ == "mass" for c in tok.lefts):
            return True
        if tok.pos_ == "VERB":
            # the victim of a passive ("X, a journalist, died after being shot"): a civilian by role
            victims = [c for c in tok.children if c.dep_ == "nsubjpass"]
            if not victims and tok.dep_ in ("pcomp", "advcl") and not any(c.dep_ == "nsubj" for c in tok.children):
                up = tok.head.head if tok.dep_ == "pcomp" else tok.head
                victims = [c for c in up.children if c.dep_ in ("nsubj", "nsubjpass")]
            for v in victims:
                roles = [c for c in v.children if c.dep_ in ("appos", "compound")]
                roles += [c for r in roles for c in r.children if c.dep_ == "conj"]  # "a photo- and videojournalist"
                for x in [v, *roles]:
                    word = x.lemma_.lower()
                    if word in L.CIVILIAN_TARGETS or word.endswith("journalist") or word in ("photographer", "cameraman"):
                        return True
        for c in tok.children:
            if c.dep_ == "dobj" and tok.pos_ == "VERB" and c.lemma_.lower() in L.CIVILIAN_TARGETS and tok.tag_ != "VB":  # not "attack the tourists!"
                return True
            if c.dep_ == "prep" and c.lower_ in ("on", "against", "of", "at", "in", "inside"):
                for o in c.children:
                    if o.dep_ != "pobj":
                        continue
                    lemma = o.lemma_.lower()
                    if c.lower_ in ("on", "against", "of") and lemma in L.CIVILIAN_TARGETS:
                        return True
                    if c.lower_ in ("at", "in", "inside") and lemma in L.CIVILIAN_VENUES:
                        return True
        return False

    @staticmethod
    def _event_word(tok) -> bool:  # noqa: ANN001
        """A blast the text counts or sets apart ("three further explosions", "another blast")."""
        return any(c.lower_ in L.NEW_EVENT_WORDS or c.lower_ in L.ORDINAL_WORDS or c.like_num for c in tok.lefts)

    def _hypothetical(self, tok) -> bool:  # noqa: ANN001
        if tok.pos_ == "VERB" and (tok.dep_ in ("xcomp", "acl", "advcl", "ccomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)):
            head = tok.head
            if head.lemma_ in L.HYPOTHETICAL_HEADS or head.lower_ in L.HYPOTHETICAL_HEADS:
                return True
        for anc in list(tok.ancestors)[:3]:
            if anc.lemma_ in ("permission", "plan", "threat", "possibility", "threaten") :
                return True
        if any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may", "will", "should") for c in tok.children):
            return True
        return False

    def _events(self, sent) -> None:  # noqa: ANN001
        for tok in sent:
            trig = self._trigger(tok)
            if trig is None:
                continue
            typ, i0, i1 = trig
            doc = tok.doc
            if any(c.lower_ in L.HABITUAL_MODS for c in tok.children):
                continue
            if tok.pos_ == "VERB" and self._hypothetical(tok):
                continue  # "no permission to clash" is no event
            if tok.pos_ == "VERB" and typ == "armed_clash" and not any(c.dep_ in ("nsubj", "prep") for c in tok.children):
                continue
            gov = tok.head.head if tok.dep_ == "pobj" else tok.head
            negated = _negated(tok) or (tok.dep_ in ("nsubj", "dobj", "pobj") and gov.lemma_ in ("happen", "occur", "take", "carry", "launch", "conduct", "be") and _negated(gov) and tok.head.lower_ not in ("behind",))
            modality = "asserted"
            if tok.pos_ == "NOUN" and self._hypothetical(tok.head) and tok.dep_ in ("dobj",):
                modality = "hypothetical"
            if any(c.lower_ in ("alleged", "suspected", "purported", "reported") for c in tok.lefts):
                modality = "alleged"
            if tok.pos_ == "VERB" and any(c.lower_ in ("allegedly", "reportedly") for c in tok.children):
                modality = "alleged"
            if negated:
                modality = "negated"
            det = [c for c in tok.lefts if c.dep_ in ("det", "poss")]
            definite = bool(det and det[0].lower_ in ("the", "this", "that", "these", "those", "its", "their", "his", "her")) or bool(det and det[0].dep_ == "poss" and not self.ent_of(det[0]))
            if tok.pos_ == "NOUN" and any(c.dep_ == "compound" and c.pos_ == "PROPN" and (self.ent_of(c) is not None and self.ent_of(c).type in PLACE_TYPES) for c in tok.lefts):
                definite = True  # "the El Paso shooting": named by its place, an event already known
            # the noun phrase the trigger heads, for the mention span
            if tok.pos_ == "NOUN":
                left = [c for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "nmod", "poss", "nummod") and c.i >= i0 - 3]
                s_tok = doc[min([i0] + [c.i for c in left])]
                e_tok = doc[i1]
                for c in tok.rights:
                    if c.dep_ == "prep" and c.lower_ in ("by", "on", "in", "against", "with", "near", "at"):
                        sub = list(c.subtree)
                        if len(sub) <= 6 and not any(x.dep_ in ("relcl", "acl") for x in sub):
                            e_tok = sub[-1]
                        break
                if s_tok.dep_ == "poss" and self.ent_of(s_tok) is not None:
                    pass
                start, end = self.c(s_tok), self.ce(e_tok)
            else:
                start, end = self.c(doc[i0]), self.ce(doc[i1])
            mention = Mention(start, end, self.c(tok), typ, definite, typ == "incident" or tok.lemma_ in L.GENERIC_TRIGGERS,
                              modality, self.o + sent.start_char, self.o + sent.end_char, negated=negated)
            mention.ordinal = self._ordinal(tok)
            if typ in ("arrest", "kidnapping") and tok.pos_ == "VERB":
                obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if obj is not None and any(c.like_num for c in obj.children):
                    mention.patient = " ".join(x.lower_ for x in obj.subtree if x.dep_ in ("nummod", "amod", "compound") or x is obj)
            mention.civilian = typ == "attack" and self._on_civilians(tok)
            if typ == "armed_clash" and tok.lemma_ == "war":
                mention.group = "war"  # a war is not one of its clashes
            # "a large explosion": not the air strike named before it
            mention.own_type = typ == "bombing" and tok.lemma_ in ("explosion", "blast") and not definite
            if tok.pos_ == "VERB" and tok.lemma_ == "shoot":
                agents = [c for c in tok.children if c.dep_ == "nsubj"] + [p for c in tok.children if c.dep_ == "agent" for p in c.children]
                if not agents and tok.dep_ == "conj":  # "Police arrived and shot him dead"
                    agents = [c for c in tok.head.children if c.dep_ == "nsubj"]
                if any(a.lemma_.lower() in ("police", "officer", "policeman", "soldier", "troop", "force", "guard", "officers") for a in agents):
                    mention.group = "security_response"
            mention.place = self._event_place(tok)
            if typ == "territory_taken" and tok.pos_ == "VERB":
                taken = self._taken(tok)
                if taken:
                    mention.place = taken.id
            entered = self._entered(tok) if typ == "deployment" else []
            if entered:
                mention.place = entered[0].id
                mention.ordinal = "new"  # entering a place is a move of its own
            mention.date = self._event_date(tok)
            ev = self._cluster(mention)
            for extra in entered[1:]:
                # "entered Tell Tamer and Ain Issa": one deployment per place entered
                m2 = Mention(**{**mention.__dict__, "place": extra.id})
                ident, n = f"ev_{typ}", 2
                while any(e.id == ident for e in self.events):
                    ident, n = f"ev_{typ}_{n}", n + 1
                ev2 = Ev(ident, typ, group=m2.group, mentions=[m2], place=extra.id, place_conf=0.7, date=m2.date, date_conf=0.8 if m2.date else 0.0, modality=m2.modality)
                self.events.append(ev2)
                self.items.append(Item("event", m2.tok_start, self._event_claim(ev2)))
            ref_only = (definite and tok.dep_ in ("pobj", "dobj") and mention.place is None and mention.date is None
                        and not any(c.dep_ in ("relcl", "acl", "prep") for c in tok.children)
                        and tok.head.lemma_ not in L.OBJECT_CONTENT_VERBS and tok.head.head.lemma_ not in ("kill", "wound", "injure", "die"))
            self.items.append(Item("event", mention.tok_start, self._event_claim(ev), ref_only=ref_only))

    def _event_claim(self, ev: Ev) -> str:
        return self.claim(("ev", ev.id), ev.id.replace("_", " "))

    def _cluster(self, m: Mention) -> Ev:
        # the same event mentioned again: same type (or a generic word for an earlier one),
        # no conflicting place or date
        candidates = []
        for ev in reversed(self.events):
            same = ev.type == m.type
            compatible = same or (m.type == "incident" and m.definite and ev.type != "incident") or (
                m.generic and m.type != "incident" and L.EVENT_FAMILY.get(m.type) and L.EVENT_FAMILY.get(m.type) == L.EVENT_FAMILY.get(ev.type) and m.definite
            ) or (m.type == "bombing" and ev.type == "air_strike") or (m.type == "attack" and ev.type in ("air_strike", "bombing", "suicide_bombing", "car_bombing", "shelling", "ied") and m.definite) or (m.type == "air_strike" and ev.type == "bombing" and any(x.type == "bombing" and x.generic for x in ev.mentions) and False)
            if not compatible or m.group != ev.group or (m.own_type and ev.type != m.type):
                continue
            if m.ordinal and m.ordinal != "new" and ev.ordinal != m.ordinal:
                continue  # "the second blast" is not the first one
            if m.ordinal == "new":
                continue  # "fresh clashes", "three further explosions": another one
            if m.place and ev.place and not self._places_compatible(m.place, ev.place):
                continue
            if m.place and ev.place and not m.definite and m.tok_start > ev.mentions[-1].sent_end and self._distinct_scenes(m.place, ev.place):
                continue  # "a shell hit a house in the Beach camp" after the attack on the school: another one
            if m.date and ev.date and not self._dates_compatible(m.date, ev.date):
                continue
            candidates.append(ev)
        # a mention without an ordinal names the whole, not one of its numbered parts
        candidates.sort(key=lambda e: bool(e.ordinal and e.ordinal != "new") and not m.ordinal)
        ev = candidates[0] if candidates else None
        if ev is None and m.type == "incident" and m.definite and m.place is None and m.date is None and self.events:
            pool = [e for e in self.events if not e.ordinal or e.ordinal == "new"] or self.events
            ev = max(pool, key=lambda e: max(x.tok_start for x in e.mentions))  # "this incident": the latest event
        if ev is not None and m.type == ev.type and m.type in ("arrest", "kidnapping") and not m.definite and not (
                m.patient and any(x.patient == m.patient for x in ev.mentions)):
            ev = None  # another arrest, unless of the same "26 Somali pirates"
        if ev is None:
            ident = f"ev_{m.type}"
            n = 2
            while any(e.id == ident for e in self.events):
                ident, n = f"ev_{m.type}_{n}", n + 1
            ev = Ev(ident, m.type, group=m.group, ordinal=m.ordinal)
            if m.ordinal:
                # the earlier event of the same kind: its scene, unless the text names another
                same = [e for e in self.events if e.type == m.type and e.group == m.group]
                kin = [e for e in self.events if L.EVENT_FAMILY.get(e.type) and L.EVENT_FAMILY.get(e.type) == L.EVENT_FAMILY.get(m.type)]
                ev.after = (same or kin or [None])[-1]
            self.events.append(ev)
        elif ev.type in ("bombing", "attack") and m.type == "air_strike":
            ev.type = "air_strike"
        ev.mentions.append(m)
        ev.civilian = ev.civilian or m.civilian or bool(m.ordinal and ev.after is not None and ev.after.civilian)
        self.trigger_at[m.tok_start] = ev
        if m.place:
            self._set_place(ev, m.place, 0.8)
        if m.date and (ev.date is None or ev.date_conf < 0.8):
            ev.date, ev.date_conf = m.date, 0.8
        if m.modality == "asserted" or ev.modality == "asserted" and len(ev.mentions) > 1:
            ev.modality = "asserted" if m.modality == "asserted" or ev.modality == "asserted" else ev.modality
        if len(ev.mentions) == 1:
            ev.modality = m.modality
        return ev

    def _ancestors(self, ident: str) -> list[str]:
        out = []
        seen = {ident}
        e = self.table.by_id.get(ident)
        while e is not None and e.located_in and e.located_in not in seen:
            out.append(e.located_in)
            seen.add(e.located_in)
            e = self.table.by_id.get(e.located_in)
        return out

    def _distinct_scenes(self, a: str, b: str) -> bool:
        """Two named scenes, neither inside the other, with no word of their names in common."""
        if a == b or a in self._ancestors(b) or b in self._ancestors(a):
            return False
        ea, eb = self.table.by_id[a], self.table.by_id[b]
        if ea.type not in ("facility", "area", "settlement") or eb.type not in ("facility", "area", "settlement"):
            return False
        wa, wb = set(norm(ea.label).split()), set(norm(eb.label).split())
        return not (wa & wb)

    def _places_compatible(self, a: str, b: str) -> bool:
        return a == b or a in self._ancestors(b) or b in self._ancestors(a) or (
            self.table.by_id[a].type not in ("country", "province", "district") or self.table.by_id[b].type not in ("country", "province", "district"))

    def _dates_compatible(self, a: DateRef, b: DateRef) -> bool:
        if a.month and b.month and (a.month, a.day) != (b.month, b.day):
            return False
        if a.year and b.year and a.year != b.year:
            return False  # "recaptured in 2017" / "fell under Houthi control in 2014"
        if a.relative and b.relative and (a.relative, a.weekday) != (b.relative, b.weekday):
            return False
        return not ((a.relative is None) != (b.relative is None) and a.relative in ("earlier_this_month", "last_month", "last_year", "last_week"))

    def _set_place(self, ev: Ev, place: str, conf: float) -> None:
        if ev.place is None:
            ev.place, ev.place_conf = place, conf
            return
        if place == ev.place:
            return
        new, old = self.table.by_id[place], self.table.by_id[ev.place]
        if ev.place in self._ancestors(place) or (PLACE_DEPTH.get(new.type, 0) > PLACE_DEPTH.get(old.type, 0) and old.type in ("country",)):
            ev.place, ev.place_conf = place, conf

    def _place_in(self, tok, depth: int = 0):  # noqa: ANN001
        """The most specific place named in a prepositional phrase's object."""
        best = None
        for x in tok.subtree:
            ent = self.ent_of(x)
            if ent is not None and ent.type in PLACE_TYPES:
                if best is None or ent.id in [best.located_in] or best.id in self._ancestors(ent.id) or PLACE_DEPTH.get(ent.type, 0) > PLACE_DEPTH.get(best.type, 0):
                    best = ent
        return best

    def _event_place(self, tok) -> str | None:  # noqa: ANN001
        if tok.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in tok.children):
            # "South Kordofan, a state north of the border where rebels have been fighting"
            x = tok.head
            for _ in range(5):
                ent = self.ent_of(x)
                if ent is not None and ent.type in PLACE_TYPES:
                    return ent.id
                if x.pos_ in ("VERB", "AUX") or x.head is x:
                    break
                x = x.head
        preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "on", "outside", "inside", "across", "along", "into", "within", "throughout")]
        head = tok.head
        if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj", "attr") and head.pos_ in ("VERB", "AUX", "ADP"):
            verb = head if head.pos_ != "ADP" else head.head
            if verb.lemma_ not in L.REPORT_VERBS:
                preps += [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "outside", "inside", "into", "within")]
        if tok.pos_ == "VERB":
            # "forces fought rebels in South Kordofan": where the object was is the scene
            for obj in tok.children:
                if obj.dep_ == "dobj":
                    preps += [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("in", "at", "near", "inside")]
        best = None
        for p in preps:
            ent = self._place_in(p)
            fac = None
            for pobj in p.children:
                if pobj.dep_ == "pobj" and p.lower_ in ("in", "at", "on", "inside", "outside", "into", "within"):
                    fac = self._facility(pobj, ent)
            if fac is not None:
                return fac.id
            if ent is None:
                continue
            if ent.type == "country" and p.lower_ in ("on", "near", "along", "across"):
                continue
            if best is None or PLACE_DEPTH.get(ent.type, 0) > PLACE_DEPTH.get(best.type, 0):
                best = ent
        if tok.dep_ == "nsubj" and tok.head.lemma_ in ("strike", "hit", "target", "rock", "destroy", "damage", "tear"):
            # "Twin bombings struck the Jolo Cathedral in Mindanao": what was hit is the scene
            for c in tok.head.children:
                if c.dep_ == "dobj":
                    ent = self.ent_of(c)
                    if ent is not None and ent.type in PLACE_TYPES:
                        inner = self._place_in(c)
                        return (inner if inner is not None and inner.type in ("facility", "area") else ent).id
                    fac = self._facility(c, self._place_in(c))
                    if fac is not None:
                        return fac.id
        if tok.pos_ == "VERB":
            # "A refugee camp in Unity state was bombed": the thing hit is the scene
            for c in tok.children:
                if c.dep_ in ("nsubjpass", "dobj"):
                    fac = self._facility(c, self._place_in(c))
                    if fac is not None:
                        return fac.id
        # "a Taliban attack on the border town in Takhar's Dasht-e Qala district"
        if best is None:
            for p in preps:
                for x in p.subtree:
                    for c in x.children:
                        if c.dep_ == "prep" and c.lower_ in ("in", "at", "near"):
                            ent = self._place_in(c)
                            if ent is not None and (best is None or PLACE_DEPTH.get(ent.type, 0) > PLACE_DEPTH.get(best.type, 0)):
                                best = ent
        return best.id if best else None

    def _facility(self, noun, inside) -> Ent | None:  # noqa: ANN001
        """"a police post in central Ghazni province" -> a facility located in Ghazni."""
        if noun.lemma_.lower() in L.GATHERING_NOUNS and noun.dep_ == "pobj" and noun.head.lower_ == "at":
            pass  # "a shooting at a graduation party": the gathering is the scene
        elif noun.lower_ not in L.FACILITY_NOUNS and noun.lemma_.lower() not in L.FACILITY_NOUNS:
            return None
        if noun.pos_ != "NOUN" and not (noun.pos_ == "PROPN" and any(x.dep_ == "compound" and x.pos_ == "PROPN" for x in noun.lefts)):
            return None  # a named facility: "the Jolo Cathedral"
        if self.ent_of(noun) is not None and self.ent_of(noun).type in PLACE_TYPES:
            return None
        mods = [x for x in noun.lefts if x.dep_ in ("compound", "amod", "nmod") and x.lower_ not in L.HABITUAL_MODS]
        toks = [x for m in mods for x in m.subtree if x.dep_ not in ("det", "poss", "case")] + [noun]
        toks = sorted({x.i: x for x in toks}.values(), key=lambda x: x.i)
        start, end = self.c(toks[0]), self.ce(toks[-1])
        label = self.text[start:end]
        if inside is not None and inside.type not in PLACE_TYPES:
            inside = None
        if noun.lower_ in ("border", "borders", "frontier") or (inside is not None and inside.type == "country" and any(c.dep_ == "poss" for c in noun.children)):
            return None  # "Tajikistan's border": where, exactly, is not said
        lemma = noun.lemma_.lower()
        typ = "settlement" if lemma in ("town", "village") else "area" if lemma in L.AREA_NOUNS else "facility"
        key = f"place:fac:{norm(label)}|{inside.id if inside else ''}"
        return self.table.add(typ, label, start, end, key=key, confidence=0.5, located_in=inside.id if inside else None)

    def _event_date(self, tok) -> DateRef | None:  # noqa: ANN001
        cands = [tok]
        if tok.dep_ in ("dobj", "nsubj", "nsubjpass", "pobj") and tok.head.pos_ in ("VERB", "AUX") and tok.head.lemma_ not in L.REPORT_VERBS:
            cands.append(tok.head)
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.head.pos_ in ("VERB", "AUX") and tok.head.head.lemma_ not in L.REPORT_VERBS:
            cands.append(tok.head.head)
        for c in tok.children:
            if c.dep_ == "relcl":
                cands.append(c)
        # "began to stab", "entered a store ... and began to stab", "died on Tuesday after being
        # shot": the verbs the trigger's clause hangs from share its time
        node = tok if tok.pos_ == "VERB" else None
        for _ in range(5):
            if node is None or node.dep_ not in ("xcomp", "conj", "advcl", "pcomp"):
                break
            up = node.head.head if node.dep_ == "pcomp" else node.head
            if up.pos_ not in ("VERB", "AUX") or up.lemma_ in L.REPORT_VERBS:
                break
            cands.append(up)
            node = up
        for node in cands:
            for c in node.children:
                if c.dep_ in ("prep", "npadvmod", "poss", "nmod", "compound", "advmod", "nummod") and c.i != tok.i:
                    ref = self._date_in(c)
                    if ref is not None:
                        return ref
        # a date elsewhere in the verb's own clause ("fought rebels ... south of Taludi Thursday")
        for node in cands:
            if node.pos_ not in ("VERB", "AUX") or node.lemma_ in L.REPORT_VERBS:
                continue
            if tok.pos_ != "VERB" and not (node is tok.head and tok.dep_ in ("dobj", "nsubj", "nsubjpass")):
                continue  # a noun: only the clause of the verb it is subject or object of ("Last March, he reached a deal")
            ref = self._clause_date(node)
            if ref is not None:
                return ref
        return None

    def _clause_date(self, verb) -> DateRef | None:  # noqa: ANN001
        inner = set()
        for c in verb.children:
            if c.dep_ in ("ccomp", "relcl", "advcl", "acl", "parataxis", "csubj") or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
                inner.update(x.i for x in c.subtree)
        own = {x.i for x in verb.subtree} - inner
        lo, hi = min(own), max(own)
        for ent in (self.doc_ents if verb.doc is self.doc else verb.doc.ents):
            if ent.label_ != "DATE" or ent.start < lo or ent.end > hi + 1 or not all(i in own for i in range(ent.start, ent.end)):
                continue
            ref = parse_date(re.sub(r"(?:'s|’s)$", "", ent.text), self.o + ent.start_char)
            if ref is not None:
                return ref
        return None

    def _date_in(self, tok) -> DateRef | None:  # noqa: ANN001
        sub = list(tok.subtree)
        if len(sub) > 8:
            sub = sub[:8]
        for ent in (self.doc_ents if tok.doc is self.doc else tok.doc.ents):
            if ent.label_ in ("DATE", "TIME") and ent.start >= sub[0].i and ent.end <= sub[-1].i + 1:
                txt = ent.text
                if ent.label_ == "TIME" and not re.search(r"night|morning|evening|yesterday|today", txt, re.I):
                    continue
                txt = re.sub(r"(?:'s|’s)$", "", txt)
                ref = parse_date(txt, self.o + ent.start_char)
                if ref is not None:
                    return ref
        return None

    # ================================================================== casualties
    def _count(self, noun):  # noqa: ANN001
        """(count, at_least, at_most, first token) from a noun's number modifiers."""
        nums = [c for c in noun.children if c.dep_ in ("nummod", "quantmod") or (c.dep_ == "amod" and (
            c.lower_ in L.VAGUE_COUNTS or c.lower_ in L.NUMBER_WORDS and c.lower_ not in ("a", "an", "single")))]  # "Eleven" tagged ADJ
        if noun.like_num and not any(c.like_num or c.lower_ in L.NUMBER_WORDS or c.lower_ in L.VAGUE_COUNTS for c in nums):
            nums = []  # "more than 100": "than" is no number, the noun is
        if not nums:
            if noun.lower_ in L.VAGUE_COUNTS:
                return None, L.VAGUE_COUNTS[noun.lower_], None, noun
            if noun.like_num:
                nums = [noun]
            else:
                return None
        num = nums[0]
        toks = sorted([x for x in num.subtree if not x.is_space], key=lambda x: x.i) or [num]
        words = " ".join(x.lower_ for x in toks)
        value = self._number(toks)
        if value is None:
            if num.lower_ in L.VAGUE_COUNTS:
                return None, L.VAGUE_COUNTS[num.lower_], None, toks[0]
            return None
        before = noun.doc[max(0, toks[0].i - 3): toks[0].i].text.lower() + " " + words
        def has(bounds) -> bool:  # whole words: "recovered 12" is not "over 12"
            return any(re.search(r"\b" + re.escape(b) + r"\b", before) for b in bounds)
        if "no more than" in before or "not more than" in before:
            return None, None, value, toks[0]
        if has(L.STRICT_LOWER_BOUND) or re.search(r"\bmore\s+" + re.escape(words) + "$", before):
            return None, value + 1, None, toks[0]  # "more than 50" -> at least 51 (guidelines)
        if has(L.LOWER_BOUND):
            return None, value, None, toks[0]
        if has(L.UPPER_BOUND):
            return None, None, value, toks[0]
        return value, None, None, toks[0]

    def _number(self, toks) -> int | None:  # noqa: ANN001
        total, current, seen = 0, 0, False
        for x in toks:
            w = x.lower_.replace(",", "")
            if w.isdigit():
                current = current + int(w) if current and int(w) < 100 else int(w)
                seen = True
            elif w in L.SCALES and seen:
                current *= L.SCALES[w]
            elif w in L.NUMBER_WORDS and w not in ("a", "an", "both") :
                current += L.NUMBER_WORDS[w]
                seen = True
            elif "-" in w and all(p in L.NUMBER_WORDS for p in w.split("-")):
                current += sum(L.NUMBER_WORDS[p] for p in w.split("-"))
                seen = True
        total += current
        return total if seen else None

    def _toll_list(self, tok) -> list[tuple]:  # noqa: ANN001
        """"The (confirmed) deaths are fourteen civilians, five soldiers and one member of the
        Coast Guard": one figure per victim group of the list."""
        if tok.lemma_ not in ("be", "include"):
            return []
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        kind = L.TOLL_NOUNS.get(subj.lower_) if subj is not None else None
        if kind is None:
            return []
        items = []
        todo = [c for c in tok.children if c.dep_ in ("attr", "dobj") or c.dep_ == "conj" and c.pos_ == "NOUN"]
        if not any(c.dep_ in ("attr", "dobj") for c in todo):
            return []
        while todo:
            x = todo.pop(0)
            if x.i in {y.i for y in items}:
                continue
            items.append(x)
            todo += [c for c in x.children if c.dep_ in ("conj", "appos")]
        out = []
        for x in sorted(items, key=lambda y: y.i):
            cnt = self._count(x)
            if cnt is None or x.pos_ not in ("NOUN", "PROPN"):
                continue
            count, at_least, at_most, first = cnt
            group = None
            named = [y for y in x.subtree if y.i != x.i and (y.dep_ == "compound" and y.head.i == x.i or y.dep_ == "pobj" and y.head.head.i == x.i)]
            for y in named:
                for z in y.subtree:
                    e = self.ent_of(z)
                    if e is not None and e.type not in PLACE_TYPES:
                        group = group or e
            if group is None:
                group = self.np_actor(x)
            if group is None:
                group = self.table.add("people_group", x.text, self.c(x), self.ce(x), confidence=0.5)
            if group.type in PLACE_TYPES:
                continue
            end = self.ce(x.right_edge) if x.right_edge.i - x.i < 6 else self.ce(x)
            out.append((tok, group, kind, count, at_least, at_most, self.c(first), end))
        return out if len(out) >= 1 else []

    def _casualties(self, sent) -> None:  # noqa: ANN001
        found: list[tuple] = []
        self.sent_no += 1
        if self.sent_subjects:
            x = next((x for x in reversed(self.sent_subjects) if self._he_candidate(x) is not None), None)
            if x is not None:
                self.last_he = (self._he_candidate(x), self.o)
        self.sent_subjects = []
        for tok in sent:
            if tok.tag_ == "NNS" and tok.lower_ in L.CIVILIAN_NOUNS:
                self.last_civilians = (tok, self.sent_no, self.o)
            if tok.dep_ in ("nsubj", "nsubjpass") and tok.pos_ != "PRON":
                self.sent_subjects.append(tok)
            toll = self._toll_list(tok)
            if toll:
                found += toll
                self.last_group = toll[-1][1].id
                continue
            lemma = tok.lemma_.lower()
            kind = None
            group_tok = None
            part = (self._victims_were(tok) or self._among_the_dead(tok)) if lemma == "be" else None
            if part is not None:
                found.append(part)
                self.last_group = part[1].id
                continue
            if found and tok.pos_ == "NUM" and tok.dep_ not in ("nummod", "quantmod", "compound"):
                parts = self._from_list(tok, found[-1][2])
                if parts:
                    found += parts
                    self.last_group = parts[-1][1].id
                    continue
            lives = next((c for c in tok.children if c.dep_ == "dobj" and c.lower_ in ("lives", "life")), None)
            hurt = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in ("injury", "wound")), None)
            zero = self._zero_figures(tok, found)
            if zero:
                found += zero
                continue
            toll = self._toll_figure(tok)
            if toll is not None:
                found.append(toll)
                self.last_group = toll[1].id
                continue
            if hurt is not None and lemma in ("sustain", "suffer", "receive", "have") and not _negated(tok):
                # "X sustained a stabbing injury to his hand": X was wounded
                group_tok = next((c for c in tok.children if c.dep_ == "nsubj"), None)
                v = tok
                while group_tok is None and v.dep_ == "conj" and v.head.i != v.i:
                    v = v.head
                    group_tok = next((c for c in v.children if c.dep_ == "nsubj"), None)
                kind = "wounded"
            elif lives is not None and lemma in ("lose", "claim", "take", "cost"):
                own = any(c.lower_ == "own" for c in lives.children)  # "took his own life": the subject
                group_tok = lives if lemma != "lose" and not own else next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                kind = "killed"
            elif tok.pos_ == "NOUN" and tok.lower_ in L.DEATH_NOUNS and (nominal := self._death_of(tok, found)) is not None:
                found.append(nominal)
                self.last_group = nominal[1].id
                continue
            elif tok.pos_ == "VERB" and lemma in L.BODY_VERBS and (body := next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() == "body"), None)) is not None:
                # "rescuers recovered 12 bodies", "the bodies of five soldiers were found"
                if _negated(tok):
                    continue
                kind = "killed"
                of = next((c for c in body.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                group_tok = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else body
                if group_tok is None or (group_tok is body and self._count(body) is None):
                    continue
            elif tok.pos_ == "VERB" and lemma in ("identify", "name") and (named := self._dead_identified(tok, found)):
                found += named  # "The deceased seaman was identified as Jaypee Galicha"
                self.last_group = named[-1][1].id
                continue
            elif tok.pos_ in ("VERB", "AUX") and self._gave_up(tok):
                # "the suspect surrendered (himself) to police", "X turned himself in": captured
                kind, group_tok = "captured", next((c for c in tok.children if c.dep_ == "nsubj"), None)
            elif tok.pos_ in ("VERB", "AUX") and lemma in ("hit", "strike", "graze") and any(
                    c.dep_ == "nsubj" and c.lemma_.lower() in L.PROJECTILES for c in tok.children) and not _negated(tok):
                # "a bullet hit him in the neck": wounded
                kind, group_tok = "wounded", next((c for c in tok.children if c.dep_ == "dobj" and (
                    c.pos_ == "PRON" or c.lower_ in L.PEOPLE_NOUNS or c.lower_ in L.PERSON_NOUNS or c.ent_type_ == "PERSON")), None)
            elif tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBD", "VBG"):
                kind = L.CASUALTY_VERBS.get(lemma)
                to_death = any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children) for c in tok.children)
                if to_death:
                    kind = "killed"  # "stabbed / beaten / burned to death"
                elif self._to_hospital(tok):
                    kind = "wounded"  # "taken to hospital with stab wounds", "treated for injuries"
                if kind is None or _negated(tok):
                    continue
                auxes = {c.lower_ for c in tok.children if c.dep_ == "aux"}
                if auxes & {"would", "could", "should"}:
                    continue  # "he would have died": not a casualty
                maybe = bool(auxes & {"may", "might"}) and "have" in auxes  # "may have killed two": a possible past figure
                if tok.tag_ == "VB" or (self._hypothetical(tok) and not maybe) or tok.dep_ == "csubj" and any(
                        c.dep_ == "aux" and c.lower_ in ("would", "could", "should", "might", "will", "may") for c in tok.head.children):
                    continue  # "to find and arrest a person", "executing him would not bring her back"
                if any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in tok.children) and not any(c.dep_ == "aux" for c in tok.children):
                    continue  # "events where four or more people are killed": generic present
                if lemma in ("take",) and kind == "captured" and not any(c.lower_ == "hostage" or (c.dep_ == "prep" and any(g.lower_ == "custody" for g in c.children)) for c in tok.children):
                    continue
                if lemma in ("shoot",) and not to_death and not any(c.lower_ in ("dead",) for c in tok.children):
                    continue
                if lemma in ("take", "leave") and kind == "wounded":
                    lemma = "wound"
                passive = [c for c in tok.children if c.dep_ in ("nsubjpass",)]
                active = [c for c in tok.children if c.dep_ == "dobj"]
                subj = [c for c in tok.children if c.dep_ == "nsubj"]
                if lemma in ("die", "perish", "miss"):
                    group_tok = (subj or passive or [None])[0]
                else:
                    group_tok = (passive or active or [None])[0]
                    if group_tok is None and tok.dep_ in ("acl", "amod") and tok.head.pos_ in ("NOUN", "PRON", "NUM"):
                        group_tok = tok.head
                    if group_tok is None and subj and (subj[0].like_num or tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children)
                                                       and any(c.dep_ == "nummod" for c in subj[0].children)):
                        group_tok = subj[0]  # "16 injured", "with 25 others injured"
                if lemma == "miss" and not any(c.lower_ == "missing" for c in [tok]):
                    continue
                if group_tok is None and not subj and tok.dep_ == "xcomp" and tok.head.lemma_.lower() in L.RAISING_VERBS:
                    # "X was said / reported / believed to have been injured": X
                    group_tok = next((c for c in tok.head.children if c.dep_ in ("nsubjpass", "nsubj")), None)
                if group_tok is not None and group_tok.lemma_.lower() in L.BODY_PARTS:
                    group_tok = self._body_owner(group_tok)  # "whose eye was injured", "his leg was broken"
                if group_tok is not None and group_tok.lower_ in L.REFLEXIVES and group_tok.dep_ == "dobj":
                    group_tok = next((c for c in tok.children if c.dep_ == "nsubj"), None)  # "the attacker killed himself"
                head_lemma = tok.head.lemma_.lower()
                if group_tok is None and tok.dep_ == "conj" and (head_lemma in L.CASUALTY_VERBS or head_lemma in L.VERB_TRIGGERS or any(
                        c.dep_ == "auxpass" for c in tok.head.children)) and (
                        lemma in ("die", "perish") or tok.tag_ == "VBN" and not any(c.dep_ == "aux" for c in tok.children)):
                    # "He was stabbed several times and died in hospital": the subject of the first verb
                    want = ("nsubj", "nsubjpass") if lemma in ("die", "perish") else ("nsubjpass",)
                    if any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in tok.head.children) and not any(c.dep_ == "aux" for c in tok.head.children):
                        continue  # "where four or more people are killed or injured": generic present
                    group_tok = next((c for c in tok.head.children if c.dep_ in want), None)
                if group_tok is None and passive == [] and tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children):
                    group_tok = self._stranded_more(tok)
                if group_tok is None and not subj and tok.dep_ in ("pcomp", "advcl") and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in tok.children):
                    # "The alleged shooter was at the centre after being detained": the main subject
                    gov = tok.head.head if tok.dep_ == "pcomp" else tok.head
                    group_tok = next((c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            elif tok.lower_ in L.CASUALTY_ADJ and tok.dep_ in ("acomp", "oprd", "amod", "attr", "appos", "conj", "advmod", "dobj", "nsubj", "xcomp", "ccomp", "npadvmod"):
                kind = L.CASUALTY_ADJ[tok.lower_]
                if tok.dep_ == "amod":
                    group_tok = tok.head
                elif tok.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "attr") and any(c.dep_ == "nummod" for c in tok.children):
                    group_tok = tok  # "left at least five dead": the number is on the adjective
                elif tok.dep_ in ("acomp", "oprd", "xcomp", "ccomp", "attr"):
                    order = ("dobj", "nsubjpass", "nsubj") if tok.head.lemma_ in ("leave", "shoot", "find", "declare", "pronounce") else ("nsubj", "nsubjpass", "dobj")
                    s = sorted([c for c in tok.head.children if c.dep_ in order], key=lambda c: order.index(c.dep_))
                    group_tok = s[0] if s else None
                    if tok.dep_ in ("ccomp", "xcomp") and group_tok is None:
                        s = [c for c in tok.children if c.dep_ in ("nsubj",)]
                        group_tok = s[0] if s else None
                elif tok.lower_ in ("fatalities", "deaths", "casualties", "injuries") and self._count(tok):
                    group_tok = tok
                    comp = [c for c in tok.children if c.dep_ in ("compound", "amod") and c.pos_ in ("NOUN", "PROPN")]
                    if comp:
                        cnt0 = self._count(tok)
                        g = self.np_actor(comp[-1])
                        if g is not None and cnt0 is not None:
                            count, at_least, at_most, first = cnt0
                            found.append((tok, g, kind, count, at_least, at_most, min(self.c(first), self.c(tok)), self.ce(tok)))
                            self.last_group = g.id
                            continue
                elif tok.dep_ == "npadvmod" or tok.dep_ == "advmod":
                    group_tok = tok.head if tok.head.pos_ in ("NOUN", "NUM", "PRON") else None
                else:
                    group_tok = tok.head if tok.head.pos_ in ("NOUN", "NUM") else None
                if group_tok is None and any(c.dep_ == "nummod" for c in tok.children):
                    group_tok = tok  # "left at least five dead"
            if kind is None or group_tok is None:
                continue
            cnt = self._count(group_tok)
            pron_group = None
            if cnt is None and group_tok.pos_ == "PRON" and group_tok.lower_ in ("him", "her", "he", "she", "his"):
                pron_group = self._victim_pronoun(group_tok)
                cnt = (1, None, None, group_tok) if pron_group is not None else None
            conj = [c for c in group_tok.conjuncts if c.pos_ in ("NOUN", "PROPN", "NUM")] if group_tok.lower_ not in L.CASUALTY_ADJ else []
            if conj and group_tok.pos_ in ("NOUN", "PROPN"):
                total, ok = 0, True
                for g in [group_tok] + conj:
                    c2 = self._count(g)
                    if c2 is not None and c2[0] is not None:
                        total += c2[0]
                    elif any(d.lower_ in ("a", "an", "one") for d in g.children) or (g.tag_ == "NN" and g.pos_ == "NOUN"):
                        total += 1
                    else:
                        ok = False
                if ok and total:
                    first_tok = _first([x for g in [group_tok] + conj for x in g.subtree])
                    cnt = (total, None, None, first_tok)
            elif cnt is None and group_tok.pos_ == "NOUN" and group_tok.tag_ == "NN" and any(
                    c.dep_ in ("det", "poss") and c.lower_ in ("a", "an", "the", "his", "her", "their", "this", "that")
                    or c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN") for c in group_tok.children):
                cnt = (1, None, None, _first(list(group_tok.subtree)))
            elif cnt is None and group_tok.lower_ == "old" and any(c.dep_ == "npadvmod" and c.lower_ == "year" for c in group_tok.children) and any(
                    c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in group_tok.children):
                # "police arrested a 17-year-old": one person (the age is no count)
                age = [x for x in group_tok.subtree if x.dep_ != "det" and x.i <= group_tok.i]
                s_, e_ = self.c(age[0]), self.ce(group_tok)
                pron_group = self.table.add("person", self.text[s_:e_], s_, e_, key=f"actor:person-np:{s_}", confidence=0.4)
                cnt = (1, None, None, _first(list(group_tok.subtree)))
            elif cnt is None and group_tok.lower_ in ("accused", "deceased") and any(c.dep_ == "det" and c.lower_ == "the" for c in group_tok.children):
                # "police arrested the accused": one person
                pron_group = self.table.add("person", group_tok.text, self.c(group_tok), self.ce(group_tok),
                                            key=f"actor:person-np:{self.c(group_tok)}", confidence=0.4)
                cnt = (1, None, None, _first(list(group_tok.subtree)))
            elif cnt is None and group_tok.pos_ == "PROPN":
                person = self.ent_of(group_tok)
                if (person is None and group_tok.tag_ == "NNP" and group_tok.ent_type_ in ("", "PERSON") and group_tok.text.istitle()
                        and group_tok.dep_ in ("nsubj", "nsubjpass", "dobj") and group_tok.head.lemma_ != "be"):
                    # a name the NER missed ("Łukasz ... sustained a stabbing injury")
                    names = [x for x in group_tok.lefts if x.dep_ == "compound" and x.pos_ == "PROPN"] + [group_tok]
                    if not any(x.lower_ in L.ORG_WORDS or self.table.is_demonym(x.text) for x in names):
                        person = self._person(self.text[self.c(names[0]):self.ce(group_tok)], self.c(names[0]), self.ce(group_tok), confidence=0.5)
                if person is not None and person.type == "person":
                    pron_group, cnt = person, (1, None, None, group_tok)
            if cnt is None:
                # "the death toll rose to 12": not handled; "killing 12 people" via dobj handled above
                continue
            count, at_least, at_most, first = cnt
            if count == 0 and at_least is None:
                continue
            head_noun = group_tok
            if (group_tok.like_num or group_tok.lower_ in L.VAGUE_COUNTS) and group_tok.dep_ in ("nsubj", "nsubjpass", "dobj"):
                ofs = [c for c in group_tok.children if c.dep_ == "prep" and c.lower_ == "of"]
                if ofs:
                    po = [c for c in ofs[0].children if c.dep_ == "pobj"]
                    if po:
                        head_noun = po[0]
            if head_noun is group_tok and (group_tok.like_num or group_tok.lower_ in L.VAGUE_COUNTS) and group_tok.dep_ == "dobj":
                head_noun = self._attacked_group(tok) or head_noun
            if pron_group is not None:
                group = pron_group
            elif conj and group_tok.pos_ in ("NOUN", "PROPN"):
                gs_, ge_ = _tok_span([x for g in [group_tok] + conj for x in g.subtree if x.dep_ not in ("nummod",)])
                label = re.sub(r"^(the|a|an)\s+", "", self.text[self.o + gs_:self.o + ge_], flags=re.I)
                group = self.table.add("people_group", label, self.o + gs_, self.o + ge_, confidence=0.5)
            else:
                group = None if (head_noun.like_num or head_noun.lower_ in L.VAGUE_COUNTS) else self.np_actor(head_noun)
                if group is None and head_noun.pos_ in ("NOUN", "PROPN") and head_noun.lower_ not in L.CASUALTY_ADJ and head_noun.lower_ not in ("lives", "life"):
                    toks = [x for x in head_noun.subtree if x.i <= head_noun.i and x.dep_ in ("compound", "amod", "nmod")] + [head_noun]
                    toks = sorted({x.i: x for x in toks}.values(), key=lambda x: x.i)
                    gs_, ge_ = self.c(toks[0]), self.ce(toks[-1])
                    group = self.table.add("people_group", self.text[gs_:ge_], gs_, ge_, confidence=0.5)
            start = min(self.c(first), self.c(tok), self.c(group_tok))
            end = max(self.ce(tok), self.ce(group_tok))
            prev = found[-1][1] if found else None
            if (group is None and head_noun.like_num and prev is not None and found[-1][2] != kind and prev.id not in self.victim_groups
                    and prev.type != "person" and norm(prev.label).split()[-1:] != [] and norm(prev.label).split()[-1] not in L.PERSON_NOUNS):
                group = prev  # "Two Turkish soldiers were killed and five wounded": five soldiers
            if group is None or (group.type == "people_group" and norm(group.label) in L.GENERIC_VICTIMS):
                group = self._generic_victims(tok, group_tok, kind, (count, at_least, at_most), start, end, found)
            if group.type in PLACE_TYPES:
                continue
            found.append((tok, group, kind, count, at_least, at_most, start, end))
            self.last_group = group.id
        dedup = []
        for f in found:
            if any(f[1].id == g[1].id and f[2] == g[2] and f[3:6] == g[3:6] and f[6] < g[7] and g[6] < f[7] for g in dedup):
                continue
            dedup.append(f)
        found = dedup
        if not found:
            return
        self.last_figure_sent = self.sent_no
        # the event each figure belongs to: "killed in a clash" -> the clash; else the
        # nearest event in the sentence; else the latest event in the article
        for tok, group, kind, count, at_least, at_most, start, end in found:
            ev = self._event_for(tok, start, end, kind)
            claim = self.claim(("cas", ev.id, start // 1), f"casualties of {ev.id.replace('_', ' ')}: {self.text[start:end]}")
            cid = slug(f"cas_{kind}_{group.id}")
            base, n = cid, 2
            while cid in self.casualty_ids:
                cid, n = f"{base}_{n}", n + 1
            self.casualty_ids.add(cid)
            self.casualties.append(Casualty(
                id=cid, event=ev.id, kind=kind, group=group.id, claim=claim, count=count, at_least=at_least,
                at_most=at_most, span=Span(start=start, end=end, text=self.text[start:end]), confidence=0.7))
            self.items.append(Item("casualty", start, claim))
        # one claim per sentence of figures (the same statement reports them together), for
        # the figures of the first figure's event; a figure of another event keeps its claim
        # (and its item: a claim no item carries would be attributed to no statement)
        claims = {c.claim for c in self.casualties[-len(found):]}
        if len(claims) > 1:
            keep = self.casualties[-len(found)].claim
            ev0 = self.casualties[-len(found)].event
            for i in range(len(self.casualties) - len(found), len(self.casualties)):
                c = self.casualties[i]
                if c.claim != keep and c.event == ev0:
                    self.casualties[i] = c.model_copy(update={"claim": keep})
            used = {c.claim for c in self.casualties}
            for it in self.items[-3 * len(found):]:
                if it.kind == "casualty" and it.claim in claims and it.claim not in used:
                    it.claim = keep
            for cl in claims - used:
                self.claims.pop(cl, None)

    def _he_candidate(self, tok):  # noqa: ANN001
        """The person a subject token names: a person entity, or a singular person noun."""
        ent = self.ent_of(tok)
        if ent is not None:
            return ent if ent.type == "person" else None
        if tok.tag_ == "NN" and tok.lower_ in L.PERSON_NOUNS and not any(c.dep_ == "poss" for c in tok.children):
            return tok
        return None

    def _victim_pronoun(self, pron):  # noqa: ANN001
        """"he"/"him" of a figure: a person subject earlier in the same sentence ("Ratana
        underwent surgery ..., but he was later pronounced dead"; not the subject of the
        verb "him" is the object of), else the last person subject of an earlier sentence
        ("a man wearing a fake vest entered a store ... The officers shot him dead"), else
        the speaker or person named last."""
        binder = pron.head if pron.dep_ in ("dobj", "pobj") else None
        cand, o = None, self.o
        for x in pron.doc[pron.sent.start:pron.i]:
            if x.dep_ in ("nsubj", "nsubjpass") and x.pos_ != "PRON" and (binder is None or x.head.i != binder.i):
                cand = self._he_candidate(x) or cand
        if cand is None and self.last_he is not None:
            cand, o = self.last_he
        if cand is None:
            return self._pronoun(pron)
        if isinstance(cand, Ent):
            return cand
        toks = [x for x in cand.subtree if x.dep_ not in ("det", "punct")] if len(list(cand.subtree)) <= 8 else [cand]
        s, e = _tok_span([x for x in toks if x.i >= cand.i or x.dep_ in ("amod", "compound")] or [cand])
        s, e = s + o, e + o
        return self.table.add("person", self.text[s:e], s, e, key=f"actor:person-np:{s}", confidence=0.4)

    def _dead_identified(self, verb, found: list) -> list[tuple]:  # noqa: ANN001
        """"The deceased seaman was identified as Jaypee Galicha", "the dead man was named as
        X": X was killed (once per article and person)."""
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        as_ = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"), None)
        name = next((c for c in as_.children if c.dep_ == "pobj" and c.pos_ == "PROPN"), None) if as_ is not None else None
        if subj is None or name is None or _negated(verb):
            return []
        if not any(c.dep_ == "amod" and c.lower_ in ("deceased", "dead", "slain", "murdered", "killed") for c in subj.children):
            return []
        out = []
        for nm in [name] + [c for c in name.conjuncts if c.pos_ == "PROPN"]:
            names = [x for x in nm.lefts if x.dep_ == "compound" and x.pos_ == "PROPN"] + [nm]
            person = self.ent_of(nm)
            if person is None or person.type != "person":
                person = self._person(self.text[self.c(names[0]):self.ce(nm)], self.c(names[0]), self.ce(nm), confidence=0.6)
            if any(c.group == person.id and c.kind == "killed" for c in self.casualties) or any(f[1].id == person.id for f in found + out):
                continue
            out.append((verb, person, "killed", 1, None, None, self.c(_first(list(subj.subtree))) if nm is name else self.c(names[0]), self.ce(nm)))
        if out:
            found[:] = [f for f in found if not (f[0].dep_ == "amod" and f[0].head.i == subj.i)]  # "the dead man" is this figure
        return out

    def _gave_up(self, verb) -> bool:  # noqa: ANN001
        """"surrendered (himself) to police", "turned himself in", "handed himself over"."""
        lemma = verb.lemma_.lower()
        refl = any(c.dep_ == "dobj" and c.lower_ in L.REFLEXIVES for c in verb.children)
        if lemma == "surrender":
            return refl or any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children) and not any(c.dep_ == "dobj" for c in verb.children)
        if lemma in ("turn", "hand", "give"):
            return refl and any(c.dep_ == "prt" and c.lower_ in ("in", "over", "up") for c in verb.children)
        return False

    def _death_of(self, noun, found: list):  # noqa: ANN001
        """"the killing of Qasem Soleimani", "caused the death of at least 50 people": a
        figure from a death noun and its "of" object (a person once per article, and only
        for killing/murder/assassination: "the death of X" may be a natural one)."""
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None or _negated(noun.head) or any(a.lemma_.lower() in L.HYPOTHETICAL_HEADS for a in list(noun.ancestors)[:2]):
            return None
        cnt = self._count(pobj)
        if cnt is not None:
            count, at_least, at_most, first = cnt
            start, end = min(self.c(noun), self.c(first)), self.ce(pobj)
            group = None if pobj.like_num else self.np_actor(pobj)
            if group is None or (group.type == "people_group" and norm(group.label) in L.GENERIC_VICTIMS):
                group = self._generic_victims(noun, pobj, "killed", (count, at_least, at_most), start, end, found)
            return None if group.type in PLACE_TYPES else (noun, group, "killed", count, at_least, at_most, start, end)
        person = self.ent_of(pobj)
        if noun.lower_ in ("death", "deaths") or person is None or person.type != "person" or pobj.tag_ != "NNP":
            return None
        if any(c.group == person.id and c.kind == "killed" for c in self.casualties) or any(f[1].id == person.id for f in found):
            return None
        return (noun, person, "killed", 1, None, None, self.c(noun), self.ce(pobj))

    def _zero_figures(self, tok, found: list) -> list[tuple]:  # noqa: ANN001
        """"There were no dead or wounded", "no fatalities have emerged", "no one was
        killed": figures with count 0, for the group of the figure before (else the
        civilians named last)."""
        kinds = []
        low = tok.lower_
        if low in L.ZERO_NOUNS and any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
            kinds.append((L.ZERO_NOUNS[low], tok))
            for x in tok.doc[tok.i + 1: min(tok.i + 4, tok.sent.end)]:
                if x.lower_ in L.ZERO_NOUNS and L.ZERO_NOUNS[x.lower_] != kinds[0][0] and x.nbor(-1).lower_ in ("or", "nor", "and"):
                    kinds.append((L.ZERO_NOUNS[x.lower_], x))
                    break
        elif tok.tag_ == "VBN" and L.CASUALTY_VERBS.get(tok.lemma_.lower()) in ("killed", "wounded"):
            subj = next((c for c in tok.children if c.dep_ in ("nsubjpass", "nsubj")), None)
            if subj is not None and (subj.lower_ in ("nobody", "none", "noone") or subj.lower_ in ("one", "people", "civilians") and any(
                    c.dep_ == "det" and c.lower_ == "no" for c in subj.children)):
                kinds.append((L.CASUALTY_VERBS[tok.lemma_.lower()], tok))
        if not kinds:
            return []
        # only a figure or civilians of the last few sentences ("No injuries were recorded" after
        # an earthquake paragraphs later is about other people)
        group = found[-1][1] if found else None
        if group is None and self.casualties and self.sent_no - self.last_figure_sent <= 2:
            group = self.table.by_id.get(self.casualties[-1].group)
        if group is None and self.last_civilians is not None and self.sent_no - self.last_civilians[1] <= 3:
            tok0, o = self.last_civilians[0], self.o
            group = self.np_actor(tok0) if o == self.last_civilians[2] else None
        if group is None or group.type in PLACE_TYPES:
            return []
        start = min(self.c(tok), *(self.c(x) for _, x in kinds))
        start = min([start] + [self.c(c) for c in tok.children if c.dep_ == "det" and c.lower_ == "no"])
        end = max(self.ce(x) for _, x in kinds)
        return [(tok, group, kind, 0, None, None, start, end) for kind, _ in kinds]

    def _toll_figure(self, tok):  # noqa: ANN001
        """"The death toll rose to 22", "the toll stands at 30", "an earlier toll of 27 dead"."""
        toll, num = None, None
        if tok.lower_ in ("toll", "tally") and tok.pos_ == "NOUN":
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            num = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            toll = tok
        elif tok.pos_ in ("VERB", "AUX"):
            toll = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ in ("toll", "tally") or self._number_of_dead(c))), None)
            if toll is None and tok.lemma_.lower() in ("put", "bring", "raise", "revise"):
                # "officials put the death toll at 43", "bringing to 10 the number of Israelis who have been killed"
                toll = next((c for c in tok.children if c.dep_ == "dobj" and (c.lower_ in ("toll", "tally") or self._number_of_dead(c))), None)
                if toll is not None:
                    num = next((g for p in tok.children if p.dep_ == "prep" and p.lower_ in ("at", "to") for g in p.children if g.dep_ == "pobj"), None)
                    toll = toll if num is not None else None
            elif toll is not None:
                num = next((c for c in tok.children if c.dep_ in ("dobj", "attr")), None)
                for p in tok.children:
                    if num is None and p.dep_ == "prep" and p.lower_ in ("to", "at"):
                        num = next((c for c in p.children if c.dep_ == "pobj"), None)
        if toll is None or num is None or _negated(tok):
            return None
        mods = {c.lower_ for c in toll.children if c.dep_ in ("compound", "amod")}
        dead_of = self._number_of_dead(toll)
        if dead_of:
            kind, mods = dead_of[0], {"death"} if dead_of[0] == "killed" else {"injury"}
        if mods & {"injury", "injuries"}:
            kind = "wounded"
        elif mods & {"death", "casualty", "fatality"} or not mods - {"earlier", "official", "final", "new", "previous", "latest", "initial", "revised", "overall", "total"}:
            kind = "killed"
        else:
            return None
        cnt = self._count(num)
        if cnt is None:
            return None
        count, at_least, at_most, first = cnt
        if num.lower_ in L.CASUALTY_ADJ:
            kind = L.CASUALTY_ADJ[num.lower_]
        start, end = min(self.c(toll), self.c(first)), max(self.ce(num), self.ce(toll))
        group = None
        if num.pos_ in ("NOUN", "PROPN") and num.lower_ not in L.CASUALTY_ADJ:
            group = self.np_actor(num)
        if group is None and dead_of and dead_of[1] is not None:
            g = dead_of[1]  # "the number of Israelis who have been killed"
            group = self.np_actor(g)
            if (group is None or group.type in PLACE_TYPES) and g.tag_ in ("NNS", "NNPS"):
                country = self.table.country_of_demonym(g.text) if self.table.is_demonym(g.text) else None
                group = self.table.add("people_group", g.text, self.c(g), self.ce(g), confidence=0.5, country=country.id if country else None)
        if group is None or (group.type == "people_group" and norm(group.label) in L.GENERIC_VICTIMS):
            group = self._generic_victims(tok, num, kind, (count, at_least, at_most), start, end, [])
        return (tok, group, kind, count, at_least, at_most, start, end)

    def _number_of_dead(self, noun):  # noqa: ANN001
        """"the number of dead / injured / of those killed / of Israelis who have been killed":
        (kind, the group noun or None), else None."""
        if noun.lower_ != "number":
            return None
        of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            return None
        if pobj.lower_ in L.ZERO_NOUNS:
            return (L.ZERO_NOUNS[pobj.lower_], None)
        verb = next((c for c in [*pobj.children, *noun.children] if c.dep_ in ("acl", "relcl") and L.CASUALTY_VERBS.get(c.lemma_.lower()) in ("killed", "wounded")), None)
        if verb is None:
            return None
        return (L.CASUALTY_VERBS[verb.lemma_.lower()], pobj if pobj.pos_ in ("NOUN", "PROPN") and pobj.lower_ not in ("those", "people") else None)

    def _from_list(self, tok, kind: str) -> list[tuple]:  # noqa: ANN001
        """"90 civilians were wounded, as were seventeen from the Armed Forces, and two each
        from the Coast Guard and the National Police": one figure per group after "from"."""
        frm = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        pobj = next((c for c in frm.children if c.dep_ == "pobj"), None) if frm is not None else None
        value = self._number([tok])
        if pobj is None or value is None:
            return []
        each = any(c.lower_ == "each" for c in tok.children)
        out = []
        for g in [pobj] + (list(pobj.conjuncts) if each else []):
            group = self.np_actor(g)
            if group is None or group.type in PLACE_TYPES:
                continue
            out.append((tok, group, kind, value, None, None, self.c(tok), self.ce(g)))
        return out

    def _stranded_more(self, verb):  # noqa: ANN001
        """"...; around twenty more, including X, were injured": the parser left the passive
        verb without a subject; "N more/others" before it in the same clause is the group."""
        for x in reversed(verb.doc[verb.sent.start:verb.i]):
            if x.text in (";", ":") or (x.pos_ == "VERB" and x.lemma_.lower() in L.CASUALTY_VERBS):
                return None
            if x.lower_ in ("more", "others") and any(c.dep_ == "nummod" for c in x.children):
                return x
        return None

    def _body_owner(self, part):  # noqa: ANN001
        """The person whose body part a figure names: "a woman whose eye was injured" -> the
        woman; "his hand" -> him; "the boy's leg" -> the boy."""
        poss = next((c for c in part.children if c.dep_ == "poss"), None)
        if poss is None:
            return None
        if poss.lower_ == "whose":
            v = part.head
            while v.dep_ not in ("relcl", "ROOT") and v.head.i != v.i:
                v = v.head
            return v.head if v.dep_ == "relcl" and v.head.pos_ in ("NOUN", "PROPN") else None
        if poss.pos_ == "PRON":
            return poss if poss.lower_ in ("his", "her") else None
        return poss

    def _to_hospital(self, verb) -> bool:  # noqa: ANN001
        """"taken/rushed/airlifted to hospital with injuries", "treated in hospital", "treated
        40 people for injuries": wounded."""
        lemma = verb.lemma_.lower()
        preps = {c.lower_: [g for g in c.children if g.dep_ == "pobj"] for c in verb.children if c.dep_ == "prep"}
        hurt = any(g.lemma_.lower() in ("injury", "wound") for gs in preps.values() for g in gs) or any(
            c.dep_ == "prep" and c.lower_ == "with" and any(g.lemma_.lower() in ("injury", "wound") for g in c.children)
            for gs in preps.values() for g in gs for c in g.children)
        hospital = any(g.lower_ in ("hospital", "hospitals") for k in ("in", "at", "to") for g in preps.get(k, []))
        if lemma == "treat":
            return hurt or hospital
        if lemma in ("take", "rush", "airlift", "transport", "fly", "evacuate"):
            return hospital and hurt
        if lemma == "leave":  # "left 50 people with serious injuries", "was left with injuries"
            withs = preps.get("with", []) + [g for o in verb.children if o.dep_ == "dobj" for c in o.children
                                             if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            return any(g.lemma_.lower() in ("injury", "wound") for g in withs)
        return False

    def _among_the_dead(self, tok):  # noqa: ANN001
        """"Two police officers were among the dead", "five soldiers were among those killed"."""
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        among = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "among"), None)
        pobj = next((c for c in among.children if c.dep_ == "pobj"), None) if among is not None else None
        if subj is None or pobj is None or _negated(tok):
            return None
        kind = L.ZERO_NOUNS.get(pobj.lower_) if pobj.lower_ != "deaths" else None
        if pobj.lower_ in ("those", "people"):
            verb = next((c for c in pobj.children if c.dep_ in ("acl", "relcl", "amod") and c.lemma_.lower() in L.CASUALTY_VERBS), None)
            kind = L.CASUALTY_VERBS.get(verb.lemma_.lower()) if verb is not None else None
        cnt = self._count(subj)
        if kind is None:
            return None
        if cnt is None and subj.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "the") for c in subj.children):
            cnt = (1, None, None, _first(list(subj.subtree)))  # "A police officer was among those injured"
        if cnt is None and subj.pos_ == "PROPN" and self.ent_of(subj) is not None and self.ent_of(subj).type == "person":
            person = self.ent_of(subj)
            return (tok, person, kind, 1, None, None, self.c(subj), self.ce(pobj))
        if cnt is None:
            return None
        count, at_least, at_most, first = cnt
        group = self.np_actor(subj)
        if group is None and subj.pos_ == "NOUN":
            toks = sorted([x for x in subj.lefts if x.dep_ in ("compound", "amod")] + [subj], key=lambda x: x.i)
            group = self.table.add("people_group", self.text[self.c(toks[0]):self.ce(subj)], self.c(toks[0]), self.ce(subj), confidence=0.5)
        if group is None or group.type in PLACE_TYPES:
            return None
        return (tok, group, kind, count, at_least, at_most, self.c(first), self.ce(pobj))

    def _victims_were(self, tok):  # noqa: ANN001
        """"Three of the victims were police officers", "two of the dead were children": a
        figure for the group in the predicate."""
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in tok.children if c.dep_ == "attr" and c.pos_ in ("NOUN", "PROPN")), None)
        if subj is None or attr is None or _negated(tok):
            return None
        if not (subj.like_num or subj.lower_ in L.NUMBER_WORDS):
            return None
        of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is None:
            return None
        low = pobj.lower_
        kind = L.CASUALTY_ADJ.get(low) if low not in ("casualties",) else None
        if low in ("those", "people"):
            verb = next((c for c in pobj.children if c.dep_ in ("acl", "relcl", "amod") and c.lemma_.lower() in L.CASUALTY_VERBS), None)
            kind = L.CASUALTY_VERBS.get(verb.lemma_.lower()) if verb is not None else None
        elif low in ("victims", "casualties") and self.casualties:
            kind = self.casualties[-1].kind  # the victims of the figure before
        if kind is None:
            return None
        value = self._number([subj])
        group = self.np_actor(attr)
        if value is None or group is None or group.type in PLACE_TYPES:
            return None
        start, end = self.c(subj), self.ce(attr)
        return (tok, group, kind, value, None, None, start, end)

    def _attacked_group(self, verb):  # noqa: ANN001
        """"Forces fought rebels ..., killing dozens": the victims of a bare "killing N" are
        the object of the fighting verb it depends on."""
        if verb.dep_ not in ("advcl", "conj", "xcomp"):
            return None
        head = verb.head
        if L.VERB_TRIGGERS.get(head.lemma_.lower()) not in L.COMBAT_TYPES and head.lemma_.lower() not in L.COMBAT_VERBS:
            return None
        obj = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is None or obj.i > verb.i:
            return None
        actor = self.np_actor(obj)
        if actor is None or actor.type in PLACE_TYPES or actor.type in ("media_outlet", "government_body"):
            return None
        return obj

    def _generic_victims(self, tok, group_tok, kind: str, bounds: tuple, start: int, end: int, found: list) -> Ent:  # noqa: ANN001
        """The group of a figure that names no group ("at least 20 were killed", "killed 40
        people", "claimed 660 lives"): the group of an earlier figure of the same event with the
        same kind and count (a toll repeated; any event for tolls of ten or more), else the victims of the figure's event ("people
        killed in the bombing")."""
        ev = self._event_for(tok, start, end, kind)
        for c in reversed(self.casualties):
            same_event = c.event == ev.id or (bounds[0] or bounds[1] or 0) >= 10  # a large toll is distinctive
            if same_event and c.kind == kind and (c.count, c.at_least, c.at_most) == bounds:
                g = self.table.by_id.get(c.group)
                if g is not None and norm(g.label) not in L.GENERIC_VICTIMS and not g.label.startswith("people "):
                    self.table.mention(g.id, self.c(group_tok), self.ce(group_tok))
                    return g
        kind_word = {"affected": "hurt"}.get(kind, kind)
        label = f"people {kind_word} in the {ev.type.replace('_', ' ')}"
        group = self.table.add("people_group", label, self.c(group_tok), self.ce(group_tok),
                               key=f"actor:victims:{ev.id}:{kind}", confidence=0.4)
        self.victim_groups.add(group.id)
        return group

    def _event_for(self, tok, start: int, end: int, kind: str | None = None) -> Ev:  # noqa: ANN001
        # the figure's own verb when it is a trigger ("police arrested the accused after the
        # shooting": the arrest), else an event trigger in the figure's clause ("killed in a clash")
        if self.c(tok) in self.trigger_at:
            return self.trigger_at[self.c(tok)]
        for c in tok.subtree:
            if c.i != tok.i and self.c(c) in self.trigger_at:
                return self.trigger_at[self.c(c)]
        sent_s, sent_e = self.o + tok.sent.start_char, self.o + tok.sent.end_char
        # a death or an injury is no part of an arrest, a protest or a deployment when a violent
        # event is at hand ("several police lost their lives" after "the suspect's wife was
        # taken into custody": the attack)
        fits = (lambda ev: ev.type not in L.NONVIOLENT_EVENTS) if kind in ("killed", "wounded") else (lambda ev: True)
        best, dist = None, None
        for pos, ev in self.trigger_at.items():
            if sent_s <= pos < sent_e:
                d = abs(pos - start) + (0 if fits(ev) else 10_000)
                if dist is None or d < dist:
                    best, dist = ev, d
        if best is not None:
            return best
        asserted = [ev for ev in self.events if ev.modality == "asserted" and ev.type != "incident"]
        if asserted:
            return next((ev for ev in reversed(asserted) if fits(ev)), asserted[-1])
        if self.events:
            return self.events[-1]
        # figures without any event trigger: an unspecified incident at the figure's verb
        m = Mention(self.c(tok), self.ce(tok), self.c(tok), "incident", False, True, "asserted", sent_s, sent_e)
        ev = self._cluster(m)
        self.items.append(Item("event", m.tok_start, self._event_claim(ev)))
        return ev

    # ================================================================== participants
    def _event_at(self, tok) -> Ev | None:  # noqa: ANN001
        return self.trigger_at.get(self.c(tok))

    def _add_participant(self, ev: Ev, actor: Ent, role: str, pos: int, negated: bool = False, conf: float = 0.7,
                         claim: str | None = None) -> str:
        if actor.type in ("anonymous_source", "collective_source", "media_outlet"):
            return ""
        what = ev.type.replace("_", " ")
        claim = claim or self.claim(("part", ev.id, actor.id, role), f"{actor.label} {'carried out the' if role == 'attacker' else 'was targeted in the' if role == 'target' else 'took part in the'} {what}")
        if (ev.id, actor.id, role, claim) not in self.participant_keys:
            self.participant_keys.add((ev.id, actor.id, role, claim))
            self.participants.append(Participant(event=ev.id, actor=actor.id, role=role, claim=claim, confidence=conf))
        self.items.append(Item("participant", pos, claim, negated))
        return claim

    def _actors_coordinated(self, tok):  # noqa: ANN001
        """The actors of a (possibly coordinated) noun phrase, and whether it is "A or B"."""
        heads = [tok] + [c for c in tok.conjuncts]
        is_or = any(c.lower_ == "or" for h in heads for c in h.children if c.dep_ == "cc")
        out = []
        for h in heads:
            a = None
            if self.table.is_demonym(h.text):
                a = self.table.country_of_demonym(h.text)
            if a is None:
                e = self.ent_of(h)
                if e is not None and e.type == "country":
                    a = e
            if a is None:
                a = self.np_actor(h)
            if a is not None:
                out.append(a)
        return out, is_or

    def _countries_of_vehicle(self, noun):  # noqa: ANN001
        """"A Tajik or Russian plane" -> ([Tajikistan, Russia], True)."""
        for c in noun.lefts:
            if c.dep_ in ("amod", "compound", "nmod") and (self.table.is_demonym(c.text) or (self.ent_of(c) and self.ent_of(c).type == "country")):
                return self._actors_coordinated(c) + (c,)
        for c in noun.rights:
            if c.dep_ == "prep" and c.lower_ in ("from", "of"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self._actors_coordinated(p) + (p,)
        return None

    def _alternatives(self, claims: list[str], actors, start: int, end: int, ev: Ev) -> None:
        claims = [c for c in dict.fromkeys(claims) if c]
        if len(claims) < 2:
            return
        for alt in self.alternatives:
            if set(alt.claims) == set(claims):
                return
        label = " or ".join(a.label for a in actors) + f" carried out the {ev.id.replace('ev_', '').replace('_', ' ')}"
        self.alternatives.append(AlternativeSet(id=f"alt_{len(self.alternatives) + 1}", label=label, claims=tuple(claims),
                                                exclusive=True, span=Span(start=start, end=end, text=self.text[start:end])))

    def _participants(self, sent) -> None:  # noqa: ANN001
        for tok in sent:
            ev = self._event_at(tok)
            if ev is not None:
                neg = _negated(tok)
                # "a clash with the Taliban", "clashes between X and Y", "an attack on Y", "a strike by Z"
                for c in tok.children:
                    if c.dep_ in ("prep", "agent"):
                        for p in c.children:
                            if p.dep_ != "pobj":
                                continue
                            if c.lower_ in ("with", "between"):
                                actors, _ = self._actors_coordinated(p)
                                for a in actors:
                                    if a.type not in PLACE_TYPES:
                                        self._add_participant(ev, a, "participant", self.c(p), neg)
                            elif c.lower_ in ("by",):
                                actors, is_or = self._actors_coordinated(p)
                                for a in actors:
                                    if a.type not in PLACE_TYPES:
                                        self._add_participant(ev, a, "attacker", self.c(p), neg)
                            elif c.lower_ in ("on", "against", "targeting") and ev.type not in ("armed_clash",):
                                a = self.np_actor(p)
                                if a is not None and a.type not in PLACE_TYPES and a.type not in ("media_outlet",):
                                    self._add_participant(ev, a, "target", self.c(p), neg)
                # "a Taliban attack": an armed group named before the trigger
                for c in tok.lefts:
                    if c.dep_ in ("compound", "poss", "nmod", "amod"):
                        a = self.ent_of(c)
                        if a is not None and a.type in ("armed_group", "state_force"):
                            self._add_participant(ev, a, "attacker", self.c(c), neg)
                # verbs: "X clashed with Y", "X attacked Y"
                if tok.pos_ == "VERB":
                    for c in tok.children:
                        if c.dep_ == "nsubj":
                            if c.lower_ in L.AIRCRAFT_NOUNS or c.lemma_ in L.AIRCRAFT_NOUNS:
                                continue
                            actors, _ = self._actors_coordinated(c)
                            for a in actors:
                                if a.type not in PLACE_TYPES:
                                    self._add_participant(ev, a, "participant" if ev.type == "armed_clash" else "attacker", self.c(c), neg)
                        if c.dep_ == "dobj" and ev.type not in ("armed_clash",):
                            a = self.np_actor(c)
                            if a is not None and a.type not in PLACE_TYPES:
                                self._add_participant(ev, a, "target", self.c(c), neg)
                            elif (a is None or a.type in ("area", "facility")) and c.lemma_ in L.AREA_NOUNS | {"zone", "territory", "region", "base", "camp", "position", "positions", "hideout"}:
                                self._target_area(ev, c)
                # "the clash broke out between X and Y"
                if tok.dep_ in ("nsubj",) and tok.head.lemma_ in ("break", "erupt", "occur", "take", "start"):
                    self._parties_between(ev, tok.head, neg)
                # "A carried out / launched E": subject is the attacker
                if tok.dep_ == "dobj" and tok.head.lemma_ in L.PERPETRATION_VERBS:
                    verb = tok.head
                    for s in verb.children:
                        if s.dep_ != "nsubj":
                            continue
                        self._attackers_from_subject(s, ev, _negated(verb))
                # "X was (not) behind E"
                if tok.dep_ == "pobj" and tok.head.lower_ in ("behind",) and tok.head.head.pos_ in ("AUX", "VERB"):
                    verb = tok.head.head
                    for s in verb.children:
                        if s.dep_ == "nsubj":
                            self._attackers_from_subject(s, ev, _negated(verb))
            # "it broke out between X and Y": "it" is the latest event
            if tok.lower_ == "it" and tok.dep_ == "nsubj" and tok.head.lemma_ in ("break", "erupt", "occur", "happen", "start", "begin") and self.events:
                ev_it = max(self.events, key=lambda e: max(m.tok_start for m in e.mentions))
                self.items.append(Item("event", self.c(tok), self._event_claim(ev_it)))
                self._parties_between(ev_it, tok.head, False)
            # "the warplane was from Russia or Tajikistan": an aircraft of the latest air strike
            if tok.lemma_ in L.AIRCRAFT_NOUNS and tok.dep_ in ("nsubj",) and tok.head.lemma_ in ("be", "come", "belong"):
                air = [e for e in self.events if e.type == "air_strike"]
                if air:
                    got = self._countries_of_vehicle(tok.head) if False else None
                    for c in tok.head.children:
                        if c.dep_ == "prep" and c.lower_ in ("from", "of", "to"):
                            for p in c.children:
                                if p.dep_ == "pobj":
                                    actors, is_or = self._actors_coordinated(p)
                                    claims = [self._add_participant(air[-1], a, "attacker", self.c(p), _negated(tok.head), 0.6) for a in actors if a.type in ("country", "state_force", "armed_group", "government_body")]
                                    if is_or:
                                        sub = [x for x in p.subtree]
                                        pre = [x for x in c.lefts if x.dep_ == "preconj"] + [x for x in c.children if x.dep_ == "preconj"]
                                        s0 = min([self.c(x) for x in sub + pre])
                                        self._alternatives(claims, actors, s0, self.ce(sub[-1]), air[-1])

    def _target_area(self, ev: Ev, noun) -> None:  # noqa: ANN001
        """"bombed a forested area used by smugglers": the target, what it was, who used it."""
        mods = [x for x in noun.lefts if x.dep_ in ("amod", "compound")]
        start = self.c(mods[0]) if mods else self.c(noun)
        label = self.text[start:self.ce(noun)]
        area = self.ent_of(noun)
        if area is None or area.type not in ("area", "facility"):
            area = self.table.add("area", label, start, self.ce(noun), key=f"place:target:{ev.id}:{norm(label)}", confidence=0.5,
                                  located_in=ev.place)
        claim = self.claim(("target", ev.id, area.id), f"the {ev.type.replace('_', ' ')} targeted {label}")
        self._add_participant(ev, area, "target", self.c(noun), claim=claim, conf=0.5)
        if mods:
            self.relations.append(Relation(subject=area.id, predicate="described_as", value=label, claim=claim, confidence=0.5))
        for c in noun.children:
            if c.dep_ == "acl" and c.lemma_ in ("use", "control", "hold", "occupy"):
                for a in c.children:
                    if a.dep_ == "agent":
                        for p in a.children:
                            user = self.np_actor(p) if p.dep_ == "pobj" else None
                            if user is not None and user.type not in PLACE_TYPES:
                                pred = "used_by" if c.lemma_ == "use" else "controlled_by"
                                self.relations.append(Relation(subject=area.id, predicate=pred, object=user.id, claim=claim, confidence=0.5))

    def _parties_between(self, ev, verb, neg: bool) -> None:  # noqa: ANN001
        """"... broke out between X and Y" / "... with X": the parties of the event."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ in ("between", "with"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        actors, _ = self._actors_coordinated(p)
                        for a in actors:
                            if a.type not in PLACE_TYPES:
                                self._add_participant(ev, a, "participant", self.c(p), neg)

    def _attackers_from_subject(self, s, ev: Ev, neg: bool) -> None:  # noqa: ANN001
        if s.lemma_ in L.AIRCRAFT_NOUNS or s.lower_ in L.AIRCRAFT_NOUNS:
            got = self._countries_of_vehicle(s)
            if got:
                actors, is_or, anchor = got
                claims = [self._add_participant(ev, a, "attacker", self.c(anchor), neg, 0.6) for a in actors]
                if is_or:
                    left = [x for x in s.subtree if x.dep_ != "det"]
                    start, end = _tok_span(left)
                    self._alternatives(claims, actors, self.o + start, self.o + end, ev)
            return
        actors, is_or = self._actors_coordinated(s)
        claims = [self._add_participant(ev, a, "attacker", self.c(s), neg) for a in actors if a.type not in PLACE_TYPES or a.type == "country"]
        if is_or:
            start, end = _tok_span(list(s.subtree))
            self._alternatives(claims, actors, self.o + start, self.o + end, ev)

    # ================================================================== relations
    def _relations(self, sent) -> None:  # noqa: ANN001
        for tok in sent:
            # "E1 started after E2" / "E1 came before E2"
            if tok.dep_ == "mark" and tok.lower_ in ("after", "before") and tok.head.dep_ == "advcl":
                sub_clause = tok.head
                main = sub_clause.head
                e_main = self._first_event_in(main, exclude=sub_clause)
                e_sub = self._first_event_in(sub_clause)
                if e_main and e_sub and e_main.id != e_sub.id:
                    first, second = (e_sub, e_main) if tok.lower_ == "after" else (e_main, e_sub)
                    claim = self.claim(("before", first.id, second.id), f"{first.id} happened before {second.id}")
                    if not any(r.claim == claim for r in self.relations):
                        self.relations.append(Relation(subject=first.id, predicate="before", object=second.id, claim=claim, confidence=0.6))
                    self.items.append(Item("relation", self.c(tok), claim))
            # "X is under Taliban control", "outside of government's control"
            if tok.lemma_ == "control" and tok.dep_ == "pobj" and tok.head.lower_ in ("under", "outside", "of", "beyond"):
                prep = tok.head
                outside = prep.lower_ in ("outside", "beyond") or (prep.lower_ == "of" and prep.head.lower_ in ("outside", "out"))
                controller = None
                for c in tok.children:
                    if c.dep_ in ("compound", "poss", "nmod", "amod"):
                        controller = self.np_actor(c) or controller
                if controller is None:
                    continue
                verb = prep.head
                while verb.pos_ not in ("AUX", "VERB") and verb.dep_ != "ROOT":
                    verb = verb.head
                subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None and verb.dep_ == "conj":
                    subj = next((c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is None:
                    continue
                place = self._subject_place(subj)
                if place is None:
                    continue
                pred = "outside_control_of" if outside else "controlled_by"
                claim = self.claim(("control", place.id, self.c(sent[0])), f"{place.label}: control")
                self.relations.append(Relation(subject=place.id, predicate=pred, object=controller.id, claim=claim, confidence=0.5))
                self.items.append(Item("relation", self.c(tok), claim))
                hit = next((c for c in subj.children if c.dep_ in ("acl", "amod") and c.lemma_ in ("target", "bomb", "hit", "strike", "attack", "shell")), None)
                if hit is not None and place.type in ("area", "facility", "settlement"):
                    ev = next((e for e in reversed(self.events) if e.type in ("air_strike", "bombing", "shelling", "attack")), None)
                    if ev is not None and (ev.id, place.id, "target", claim) not in self.participant_keys:
                        self._add_participant(ev, place, "target", self.c(subj), claim=claim, conf=0.5)
            # "the identity of X is not known"
            if tok.lemma_ == "identity" and tok.dep_ in ("nsubj", "nsubjpass"):
                verb = tok.head
                if verb.lemma_ in ("know", "unknown", "clear", "be") and (_negated(verb) or verb.lower_ == "unknown"):
                    for c in tok.children:
                        if c.dep_ == "prep" and c.lower_ == "of":
                            for p in c.children:
                                if p.dep_ == "pobj":
                                    a = self.np_actor(p)
                                    if a is not None:
                                        claim = self.claim(("identity", a.id), f"the identity of {a.label} is not known")
                                        self.relations.append(Relation(subject=a.id, predicate="identity_known", value=False, claim=claim, confidence=0.6))
                                        self.items.append(Item("relation", self.c(tok), claim))

    def _subject_place(self, subj) -> Ent | None:  # noqa: ANN001
        ent = self.ent_of(subj)
        if ent is not None and ent.type in PLACE_TYPES:
            return ent
        if subj.lemma_ in ("area", "region", "village", "town", "district", "zone", "territory"):
            start, end = _tok_span([x for x in subj.subtree])
            label = re.sub(r"^(the|a|an)\s+", "", self.text[self.o + start:self.o + end])
            # an area of the latest event's place
            located = next((ev.place for ev in reversed(self.events) if ev.place), None)
            return self.table.add("area", label, self.o + start, self.o + end, key=f"place:area:{norm(label)}", confidence=0.5,
                                  located_in=located)
        return None

    def _first_event_in(self, root, exclude=None) -> Ev | None:  # noqa: ANN001
        skip = {t.i for t in exclude.subtree} if exclude is not None else set()
        for t in root.subtree:
            if t.i in skip:
                continue
            ev = self._event_at(t)
            if ev is not None:
                return ev
        return None

    # ================================================================== statements
    def _statements(self, sent) -> None:  # noqa: ANN001
        according = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
                according.append(tok)  # after the reporting verbs: "According to ISNA, X said ..." is X through ISNA
                continue
            if lemma in ("cite", "quote") and any(c.lower_ == "as" for c in tok.children):
                self._cited_as_saying(tok)
                continue
            if lemma == "issue" and any(c.dep_ == "dobj" and c.lower_ in L.DENIAL_NOUNS for c in tok.children):
                self._issued_denial(tok)
                continue
            if tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children) and self._passive_agent(tok):
                continue
            if lemma == "come" and self._came_from(tok):
                continue
            if lemma == "charge" and self._accused(tok):
                continue
            if lemma in ("speak", "talk") and self._spoke_of(tok):
                continue
            if (lemma not in L.REPORT_VERBS and lemma not in L.EVALUATIVE_VERBS) or tok.pos_ not in ("VERB",):
                continue
            if tok.dep_ in ("pcomp", "xcomp") and tok.head.lemma_ in ("cite", "quote", "as", "decline", "refuse"):
                continue
            if tok.dep_ == "amod" or tok.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in tok.children) and tok.dep_ not in ("ROOT", "conj", "ccomp", "parataxis"):
                continue
            if self.c(tok) in self.absorbed:
                continue
            self._report(tok)
        for tok in according:
            self._according_to(tok)

    def _reportedly(self, sent) -> None:  # noqa: ANN001
        self._reportedly_main(sent)
        # "reportedly" inside a clause of a sentence ("who reportedly works there", "stabbed
        # reportedly several people") and "By reports on Saturday, ...": unnamed reports
        # say that clause
        for adv in sent:
            by_reports = adv.lower_ == "reports" and adv.dep_ == "pobj" and adv.head.lower_ == "by" and adv.head.head.pos_ in ("VERB", "AUX")
            if not (adv.lower_ == "reportedly" or by_reports):
                continue
            pos = self.c(adv)
            if any(st.span[0] <= pos < st.span[1] or st.verb_pos == pos for st in self.stmts):
                continue
            head = adv.head.head if by_reports else adv.head
            if head.lemma_ in L.REPORT_VERBS:
                continue
            if not by_reports and head.pos_ in ("ADJ", "DET", "NUM") and head.head.pos_ == "NOUN" and head.head.dep_ in ("dobj", "pobj"):
                noun = head.head  # "stabbed reportedly several people": the verb and its object
                verb = noun.head if noun.dep_ == "dobj" else noun.head.head
                toks = [verb] + [t for t in noun.subtree]
            elif by_reports:
                toks = list(sent)
            elif head.dep_ == "ROOT" or head.pos_ not in ("VERB", "AUX"):
                toks = [t for t in head.subtree] if head.dep_ != "ROOT" else [t for t in head.subtree if t.i >= adv.i or t.dep_ not in ("nsubj", "nsubjpass")]
                if head.dep_ == "ROOT":
                    continue  # the whole sentence: handled by _reportedly_main
            else:
                toks = list(head.subtree)
            toks = [t for t in toks if not t.is_punct or t.i not in (toks[0].i, toks[-1].i)]
            if not toks:
                continue
            s, e = _tok_span(toks)
            src = self.table.add("anonymous_source", "unnamed reports", self.c(adv), self.ce(adv), key="actor:anon:unnamed reports", confidence=0.4)
            st = Stmt(src.id, (self.o + s, self.o + e), "asserts", pos, hedge="reportedly" if not by_reports else None, confidence=0.5,
                      about=self._about_before(self.o + s))
            self.stmts.append(st)

    def _reportedly_main(self, sent) -> None:  # noqa: ANN001
        """"Reportedly he injured a man": unnamed reports say so."""
        adv = next((t for t in sent if t.lower_ in ("reportedly", "allegedly") and t.dep_ == "advmod" and t.head.pos_ in ("VERB", "AUX")), None)
        if adv is None or adv.head.lemma_ in L.REPORT_VERBS:
            return
        root = adv.head
        for st in reversed(self.stmts):
            if st.verb_pos < self.o + sent.start_char:
                break
            if st.verb_pos < self.o + sent.end_char:
                return
        # "allegedly" with no one named: an accusation by unnamed accusers (guidelines)
        label, stance = ("unnamed accusers", "accuses") if adv.lower_ == "allegedly" else ("unnamed reports", "asserts")
        src = self.table.add("anonymous_source", label, self.c(adv), self.ce(adv), key=f"actor:anon:{label}", confidence=0.4)
        s, e = _tok_span([t for t in root.subtree if not (t.dep_ == "conj" and t.head.i == root.i and t.i > adv.i + 3)] if root.dep_ != "ROOT" else list(sent))
        st = Stmt(src.id, (self.o + s, self.o + e), stance, self.c(adv), hedge=adv.lower_, confidence=0.5)
        self._stance_from_content(st, list(sent), root)
        self.stmts.append(st)

    def _blocked(self, verb) -> bool:  # noqa: ANN001
        if _negated(verb):
            return True
        if verb.lemma_ == "deny" and (any(c.dep_ == "dative" for c in verb.children) or sum(c.dep_ == "dobj" for c in verb.children) >= 2):
            return True  # "deny terrorism any victory": refusing something, not a denial
        if any(c.dep_ == "dobj" and c.lower_ in L.EMPTY_OBJECTS for c in verb.children):
            return True
        if verb.dep_ == "xcomp" and verb.head.lemma_ in L.BLOCKING_HEADS:
            return True
        if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "could", "may", "might") for c in verb.children):
            return True
        return False

    def _subject(self, verb):  # noqa: ANN001
        subj = next((c for c in verb.children if c.dep_ in ("nsubj",)), None)
        if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.dep_ == "nsubj":
            return verb.head  # "The security chief, X, announced ... there were ...": a misparse
        if subj is None:
            # "The Committee to Protect Journalists reports ...": the parser made the name a clause
            cs = next((c for c in verb.children if c.dep_ == "csubj"), None)
            inner = next((c for c in cs.children if c.dep_ == "nsubj"), None) if cs is not None else None
            ent = self.ent_of(inner) if inner is not None else None
            if ent is not None and ent.type not in PLACE_TYPES and any(
                    self.c(inner) >= a and self.ce(cs.right_edge) <= b for a, b, i in self.table.spans if i == ent.id):
                return inner
        if subj is None and verb.tag_ == "VBG" and verb.dep_ == "advcl":
            # "An eyewitness described how it unfolded, stating, "...": the parser made the
            # speaker the root noun and its verb an "acl"; the participle's speaker is that noun
            root = verb
            while root.head.i != root.i and root.pos_ != "NOUN":
                root = root.head
            if root.pos_ == "NOUN" and root.lemma_.lower() not in L.REPORT_NOUNS and any(
                    c.dep_ == "acl" and c.tag_ in ("VBN", "VBD") and c.i < verb.i for c in root.children):
                return root
        if subj is None and verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.dep_ == "ccomp" and verb.head.head.lemma_ in L.REPORT_VERBS:
            # "X said A, adding B" with "adding" hung on A's verb: X adds
            outer = verb.head.head
            found = next((c for c in outer.children if c.dep_ == "nsubj"), None)
            if found is not None:
                return found
        v = verb
        while subj is None and v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
            v = v.head
            subj = next((c for c in v.children if c.dep_ in ("nsubj",)), None)
            if v.dep_ not in ("conj", "xcomp", "advcl"):
                break
        if subj is None and verb.dep_ == "conj":
            # "...is not known and added that": a reporting verb coordinated inside a content clause
            anc = verb.head
            while anc is not None and anc.dep_ != "ccomp" and anc.head.i != anc.i:
                anc = anc.head
            if anc is not None and anc.dep_ == "ccomp":
                subj = next((c for c in anc.head.children if c.dep_ == "nsubj"), None)
        return subj

    def _speaker(self, subj):  # noqa: ANN001
        """(speaker entity, role text, affiliation entity)"""
        if subj is None:
            return None, None, None
        # dateline "KABUL -" is never a speaker
        if subj.text.isupper() and len(subj.text) > 3 and subj.i + 1 < len(subj.doc) and subj.doc[subj.i + 1].text in ("-", "—", "–"):
            return None, None, None
        cands = [subj] + [c for c in subj.children if c.dep_ == "appos"]
        person = None
        role_tok = None
        for c in cands:
            if c.pos_ == "NOUN" and c.tag_ == "NNS" and c.text[:1].isupper() and self.ent_of(c) is None:
                # a surname the tagger took for a plural noun ("Mijares further claimed")
                known = self._known_person(c.text)
                if known is not None:
                    self.table.mention(known.id, self.c(c), self.ce(c))
            if c.pos_ == "PROPN" and self.ent_of(c) is None and not self.table.is_demonym(c.text):
                name = [x for x in c.lefts if x.dep_ == "compound" and x.pos_ == "PROPN"] + [c]
                has_role = any(a.dep_ == "appos" and a.lemma_.lower() in L.ROLE_NOUNS for a in c.children) or (
                    c.i != subj.i and subj.lemma_.lower() in L.ROLE_NOUNS)
                if 1 <= len(name) <= 4 and all(x.text[:1].isupper() for x in name) and (len(name) > 1 and has_role or has_role and len(name) == 1 or self._known_person(c.text)):
                    self._person(self.text[self.c(name[0]):self.ce(name[-1])], self.c(name[0]), self.ce(name[-1]), 0.6)
        for c in cands:
            e = self.ent_of(c)
            if e is not None and e.type == "person":
                person = (c, e)
                break
        if person is None and subj.lemma_.lower() in L.ROLE_NOUNS:
            for x in subj.subtree:
                e = self.ent_of(x) if x.dep_ == "appos" else None
                if e is not None and e.type == "person":
                    person = (x, e)
                    appos_sub = {y.i for y in x.subtree}
                    toks = [y for y in subj.subtree if y.i not in appos_sub and not y.is_punct]
                    rs, re_ = _tok_span(toks)
                    role = self.text[self.o + rs:self.o + re_]
                    e.role = e.role or role
                    aff = None
                    for y in toks:
                        oe = self.ent_of(y)
                        if oe is not None and oe.type not in ("person",) and oe.type not in PLACE_TYPES:
                            aff = oe
                    return e, role, aff
        if person is not None:
            tok, ent = person
            role_tok = next((c for c in cands if c.i != tok.i and c.pos_ in ("NOUN", "PROPN") and self.ent_of(c) is None), None)
            if role_tok is None:
                role_tok = next((c for c in tok.children if c.dep_ == "appos"), None)
            role, aff = None, None
            if role_tok is not None:
                appos_sub = {y.i for c in role_tok.children if c.dep_ == "appos" for y in c.subtree}
                toks = [x for x in role_tok.subtree if x.i not in appos_sub]
                toks = [x for x in toks if not (x.i > role_tok.i and x.dep_ == "punct")]
                rs, re_ = _tok_span(toks)
                role = self.text[self.o + rs:self.o + re_]
                aff = self._affiliation(role_tok)
            else:
                # "Taliban spokesman Zabihullah Mujahid"
                lefts = [x for x in tok.lefts if x.dep_ in ("compound", "amod", "nmod") and self.ent_of(x) is not ent]
                chain = []
                for x in lefts:
                    if self.table.at(self.c(x), self.ce(x)) is ent:
                        continue
                    chain.extend(list(x.subtree))
                if chain and any(x.lemma_.lower() in L.ROLE_NOUNS for x in chain):
                    rs, re_ = _tok_span([x for x in chain if x.dep_ != "det"])
                    role = self.text[self.o + rs:self.o + re_]
                    aff = next((self.ent_of(x) for x in chain if self.ent_of(x) is not None and self.ent_of(x).type not in ("person",) and self.ent_of(x).type not in PLACE_TYPES), None)
            if role:
                role = re.sub(r"^(a|an)\s+", "", role, flags=re.I)
                ent.role = role
            else:
                role = ent.role
            if aff is not None and ent.affiliation is None and aff.id != ent.id:
                ent.affiliation = aff.id
            aff = aff or (self.table.by_id.get(ent.affiliation) if ent.affiliation else None)
            return ent, role, aff
        e = self.ent_of(subj)
        if e is not None and e.type not in PLACE_TYPES:
            return e, None, None
        if e is not None and e.type == "country":
            return e, None, None
        # "Recall, an official source at ..." -- a discourse word with the speaker in apposition
        for c in cands:
            a = self.np_actor(c, speaker=True)
            if a is not None and a.type not in PLACE_TYPES:
                aff = self.table.by_id.get(a.affiliation) if a.affiliation else None
                # "he said": the person's role as introduced before
                return a, a.role if c.pos_ == "PRON" and a.type == "person" else None, aff
        return None, None, None

    def _affiliation(self, role_tok) -> Ent | None:  # noqa: ANN001
        """The body a role belongs to: "spokesman for Takhar provincial police", "the provincial governor's spokesman"."""
        for c in role_tok.children:
            if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "in", "with", "to"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self._body(p)
            if c.dep_ in ("poss", "compound", "nmod", "amod"):
                e = self.ent_of(c)
                if e is not None and e.type not in ("person",) and e.type not in PLACE_TYPES:
                    return e
                if c.dep_ == "poss" and c.pos_ == "NOUN":
                    return self._body(c)
        return None

    def _body(self, tok) -> Ent | None:  # noqa: ANN001
        e = self.ent_of(tok)
        if e is not None and e.type not in PLACE_TYPES and e.type != "person":
            if any(x.lower_ in L.ORG_WORDS for x in tok.subtree) and e.label.lower() not in self.text[self.o + tok.left_edge.idx:self.ce(tok)].lower():
                pass
            else:
                return e
        toks = [x for x in tok.subtree if x.dep_ not in ("det", "case", "punct")]
        if not toks:
            return None
        s, e2 = self.c(toks[0]), self.ce(toks[-1])
        label = self.text[s:e2]
        low = tok.lower_
        country = None
        for x in toks:
            if self.table.is_demonym(x.text):
                country = self.table.country_of_demonym(x.text)
            ent = self.ent_of(x)
            if ent is not None and ent.type == "country":
                country = ent
        if low in ("police", "army", "military", "forces"):
            typ = "government_body" if low == "police" else "state_force"
        elif low in L.GOVERNMENT_WORDS or low in ("governor", "ministry", "mayor", "president", "government"):
            typ = "government_body"
        elif low in L.ORG_WORDS:
            typ = self._org_type(toks)
        else:
            return None
        return self.table.add(typ, label, s, e2, confidence=0.6, country=country.id if country else None)

    def _content_roots(self, verb) -> list:  # noqa: ANN001
        roots = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.i != verb.i]
        if not roots and verb.dep_ == "acl" and verb.tag_ == "VBD" and verb.head.dep_ == "nsubj" and verb.head.head.i > verb.i:
            return [verb.head.head]
        if verb.lemma_ in L.OBJECT_CONTENT_VERBS and not roots:
            roots = [c for c in verb.children if c.dep_ in ("dobj",) and c.lower_ not in ("responsibility",)]
        if not roots and verb.lemma_ in L.XCOMP_CONTENT_VERBS:
            # "He claimed to have bought the gun", "denied having fired": the infinitive or gerund
            roots = [c for c in verb.children if c.dep_ in ("xcomp", "pcomp") and c.pos_ in ("VERB", "AUX")]
        if not roots and verb.dep_ in ("ROOT",):
            # "X, Y said." where the parser hung the clause elsewhere
            roots = [c for c in verb.children if c.dep_ in ("advcl",) and c.i < verb.i and not any(m.dep_ == "mark" for m in c.children)]
        return roots

    def _passive_agent(self, verb) -> bool:  # noqa: ANN001
        """"The operation was condemned by members of the EU", "Attributions of responsibility
        were made by Saba and al-Eryani", "described as 'knife-obsessed' by the police": the
        agent speaks the clause."""
        lemma = verb.lemma_.lower()
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        stance = None
        if lemma == "make" and subj is not None and subj.lower_ in L.ATTRIBUTION_NOUNS:
            stance = L.ATTRIBUTION_NOUNS[subj.lower_]
        elif lemma in L.PASSIVE_REPORT_VERBS:
            stance = L.REPORT_VERBS.get(lemma, "asserts")
        if stance is None or self._blocked(verb):
            return False
        agent = next(c for c in verb.children if c.dep_ == "agent")
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return False
        speakers = [sp for sp, _role, _aff in self._listed_speakers(pobj)]
        if not speakers:
            return False
        agent_toks = {t.i for t in agent.subtree}
        clause = [t for t in verb.subtree if t.i not in agent_toks and not t.is_punct] if verb.dep_ != "ROOT" else [t for t in verb.sent if t.i not in agent_toks and not t.is_punct]
        if verb.dep_ == "relcl":
            clause = [verb.head] + clause  # "Amman, who was described as ... by the police"
        s, e = _tok_span(sorted(clause, key=lambda t: t.i))
        for sp in speakers:
            st = Stmt(sp.id, (self.o + s, self.o + e), stance, self.c(verb), confidence=0.6, about=self._about_before(self.o + s))
            self.stmts.append(st)
        return True

    def _listed_speakers(self, tok) -> list:  # noqa: ANN001
        """Speakers named in a list, with appositions ("by state news firm Saba and al-Eryani",
        "from OIC head Yousef Al-Othaimeen, Pope Francis, and a spokesperson for X"):
        (entity, role, affiliation) each."""
        cands, stack, seen = [], [tok], set()
        while stack:
            x = stack.pop()
            if x.i in seen:
                continue
            seen.add(x.i)
            cands.append(x)
            stack.extend(c for c in x.children if c.dep_ in ("conj", "appos"))
        out = []
        for x in sorted(cands, key=lambda y: y.i):
            sp, role, aff = self._speaker(x) if x.pos_ == "PROPN" or x.lemma_.lower() in L.ROLE_NOUNS else (None, None, None)
            sp = sp or self.ent_of(x) or self.np_actor(x, speaker=True)
            if sp is not None and sp.type not in PLACE_TYPES and all(sp.id != y[0].id for y in out):
                out.append((sp, role, aff))
        return out

    def _spoke_of(self, verb) -> bool:  # noqa: ANN001
        """"X talked of Sudan's 'pending invasion'", "the US statement spoke of Turkey
        assuming the duty": X (the statement's owner) said so; the clause is the statement."""
        of = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "about")), None)
        if of is None or not any(c.dep_ == "pobj" for c in of.children) or self._blocked(verb):
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None:
            return False
        if subj.lower_ in L.REPORT_NOUNS:
            owner = next((self.ent_of(c) for c in subj.children if c.dep_ in ("compound", "amod", "poss", "nmod") and self.ent_of(c) is not None), None)
            speaker, role, aff = (owner, None, None) if owner is not None and owner.type in ("country", "government_body", "organization", "state_force", "armed_group", "person") else (None, None, None)
        else:
            speaker, role, aff = self._speaker(subj)
        if speaker is None:
            return False
        toks = list(verb.sent) if verb.dep_ == "ROOT" else [x for x in verb.subtree]
        s, e = _tok_span(toks)
        st = Stmt(speaker.id, (self.o + s, self.o + e), "asserts", self.c(verb), confidence=0.5, role=role,
                  on_behalf_of=aff.id if aff is not None and aff.id != speaker.id else None, about=self._about_before(self.o + s))
        self.stmts.append(st)
        return True

    def _came_from(self, verb) -> bool:  # noqa: ANN001
        """"Statements of condemnation have come from X, Y and Z": each of them said so (the
        whole sentence is the statement)."""
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        frm = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        if subj is None or frm is None or subj.lower_ not in L.ATTRIBUTION_NOUNS or self._blocked(verb):
            return False
        if any(y.lower_ in ("condolences", "thanks", "sympathy", "prayers") for y in subj.subtree):
            return False  # no propositional content (guidelines)
        pobj = next((c for c in frm.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return False
        speakers = self._listed_speakers(pobj)
        if not speakers:
            return False
        s, e = _tok_span(list(verb.sent))
        for sp, role, aff in speakers:
            st = Stmt(sp.id, (self.o + s, self.o + e), L.ATTRIBUTION_NOUNS[subj.lower_], self.c(verb), confidence=0.5, role=role,
                      on_behalf_of=aff.id if aff is not None and aff.id != sp.id else None, about=self._about_before(self.o + s))
            self.stmts.append(st)
        return True

    def _accused(self, verb) -> bool:  # noqa: ANN001
        """"X is accused of ...", "Y has been charged with ..." (main clause, no agent): the
        accusation of unnamed accusers, from the subject on."""
        if not (verb.lemma_ in ("accuse", "charge") and verb.dep_ in ("ROOT", "conj") and any(c.dep_ == "auxpass" for c in verb.children)
                and not any(c.dep_ == "agent" for c in verb.children)
                and any(c.dep_ == "prep" and c.lower_ in ("of", "with", "for") for c in verb.children)):
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        start = min([subj.i] + [c.i for c in subj.lefts if c.dep_ in ("compound", "det", "amod")]) if subj is not None else 0
        toks = [x for x in verb.subtree if x.i >= start]
        s, e = _tok_span(toks)
        src = self.table.add("anonymous_source", "unnamed accusers", self.c(verb), self.ce(verb), key="actor:anon:unnamed accusers", confidence=0.4)
        self.stmts.append(Stmt(src.id, (self.o + s, self.o + e), "accuses", self.c(verb), confidence=0.5,
                               about=self._about_before(self.o + s)))
        return True

    def _passive_or_inverted(self, verb) -> bool:  # noqa: ANN001
        """"A bombing was reported to have killed ..." (unnamed reports);
        "..., stated Minister of Information Moammar al-Eryani." (the parser lost the subject)."""
        sent = verb.sent
        if any(c.dep_ == "auxpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
            if self._accused(verb):
                return True
            if verb.lemma_ not in ("report", "say", "claim", "allege", "state"):
                return False
            src = self.table.add("anonymous_source", "unnamed reports", self.c(verb), self.ce(verb), key="actor:anon:unnamed reports", confidence=0.4)
            s, e = _tok_span(list(sent))
            st = Stmt(src.id, (self.o + s, self.o + e), "asserts", self.c(verb), hedge="reported" if verb.lemma_ == "report" else None, confidence=0.5)
            self._stance_from_content(st, list(sent), verb)
            self.stmts.append(st)
            return True
        before = [t for t in sent if t.i < verb.i]
        if not before or before[-1].text not in (",", "\"", "”", ",\"", ",”") and not (len(before) > 1 and before[-2].text == ","):
            return False
        for t in sent:
            if t.i <= verb.i or t.i > verb.i + 8:
                continue
            ent = self.ent_of(t)
            if ent is not None and ent.type in ("person", "organization", "government_body", "state_force", "armed_group", "media_outlet"):
                role = self.text[self.c(sent[verb.i - sent.start + 1]):self.c(t)].strip() if t.i > verb.i + 1 else None
                content = [x for x in before if not x.is_punct]
                s, e = _tok_span(content)
                if e <= s:
                    return False
                s1, e1 = self._extend_quote(self.o + s, self.o + e)
                if role:
                    role = re.sub(r"\s*(?:" + "|".join(re.escape(w) for w in ent.label.split()) + r")\s*$", "", role).strip() or None
                channel = self._channel_of(verb)
                if channel is ent:
                    continue
                st = Stmt(ent.id, (s1, e1), L.REPORT_VERBS.get(verb.lemma_.lower(), "asserts"), self.c(verb), role=role if role and len(role) < 80 else None,
                          channel=channel.id if channel is not None else None)
                root = next((x for x in before if x.dep_ == "ROOT" or x.head.i == x.i), before[-1])
                self._stance_from_content(st, content, root)
                self.stmts.append(st)
                self.last_speaker = ent.id
                if ent.type == "person":
                    self.last_person = ent.id
                return True
        return False

    def _colon_content(self, verb):  # noqa: ANN001
        """`X said: "..."` -- the text after the colon up to the end of the quote or paragraph."""
        doc = verb.doc
        doc_text = self.doc_text if doc is self.doc else doc.text
        for k in range(verb.i + 1, min(verb.i + 6, len(doc))):
            if doc[k].text == ":":
                start = doc[k].idx + 1
                para_end = doc_text.find("\n", start)
                para_end = len(doc_text) if para_end < 0 else para_end
                chunk = doc_text[start:para_end]
                lead = len(chunk) - len(chunk.lstrip(" \t\"“'‘"))
                body = chunk.strip()
                if body[:1] in "\"“":
                    close = max(chunk.rfind("\""), chunk.rfind("”"))
                    if close > lead:
                        para_end = start + close
                s0 = start + lead
                e0 = para_end
                while e0 > s0 and doc_text[e0 - 1] in " \t\"”'’.,":
                    e0 -= 1
                if e0 - s0 > 3:
                    return (s0, e0)
                return None
            if doc[k].pos_ in ("VERB", "NOUN") and doc[k].dep_ in ("ccomp", "dobj"):
                return None
        return None

    def _extend_quote(self, s: int, e: int) -> tuple[int, int]:
        """A quotation that began sentences earlier: the statement starts at its opening mark."""
        para = self.text.rfind("\n", 0, s) + 1
        before = self.text[para:s]
        if self.text[s - 1:s] in ("\"", "“") or before.rstrip()[-1:] in ("\"", "“"):
            # a quotation that goes on after this sentence: the statement ends at its closing mark
            close = min([i for i in (self.text.find("\"", e), self.text.find("”", e)) if i >= 0] or [-1])
            para_end = self.text.find("\n", e)
            if close > 0 and (para_end < 0 or close < para_end) and close - e < 2000:
                return s, close
            return s, e
        if not before:
            return self._quote_from_lines_before(para, s, e)
        straight = before.count("\"")
        opens, closes = before.count("“"), before.count("”")
        if straight % 2 == 1:
            q = before.rfind("\"")
        elif opens > closes:
            q = before.rfind("“")
        else:
            return s, e
        return para + q + 1, e

    def _quote_from_lines_before(self, line_start: int, s: int, e: int) -> tuple[int, int]:
        """A line that closes a quotation opened on an earlier line ('"These people must
        answer.\nThey must obey the law," he told reporters'): the statement starts at the
        opening mark (one-sentence-per-line texts)."""
        text = self.text
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[e:line_end]
        if not (rest.lstrip(" ,.!?")[:1] in ("\"", "”") and text[line_start:e].count("\"") == 0 and "“" not in text[line_start:e]):
            return s, e
        end = line_start - 1
        for _ in range(4):
            if end <= 0:
                return s, e
            start = text.rfind("\n", 0, end) + 1
            line = text[start:end]
            body = line.lstrip()
            quotes = line.count("\"") + line.count("“") + line.count("”")
            if quotes == 0 and body:
                end = start - 1
                continue
            if body[:1] in ("\"", "“") and quotes == 1:
                return start + len(line) - len(body) + 1, e
            return s, e
        return s, e

    def _report(self, verb) -> None:  # noqa: ANN001
        if self._blocked(verb):
            return
        subj = self._subject(verb)
        if subj is None or (subj.dep_ == "nsubjpass"):
            if self._passive_or_inverted(verb):
                return
        via = None
        if subj is not None and subj.pos_ == "PROPN":
            # "According to news agency X, the prosecutor, Y, said ...": the parser made the
            # outlet the subject; the speaker is in its apposition, the outlet is the channel
            acc = next((t for t in subj.head.children if t.lower_ == "according" and t.i < subj.i
                        and not any(p.dep_ == "pobj" for c in t.children for p in c.children)), None)
            out = self.ent_of(subj)
            ap = next((c for c in subj.children if c.dep_ == "appos"), None)
            if acc is not None and out is not None and out.type == "media_outlet" and ap is not None:
                via, subj = out, ap
        subjects = [subj] + (list(subj.conjuncts) if subj is not None else [])
        speakers = []
        for x in subjects:
            sp = self._speaker(x)
            if sp[0] is not None and all(sp[0].id != y[0].id for y in speakers):
                speakers.append(sp)
        if not speakers:
            return
        lemma = verb.lemma_.lower()
        roots = self._content_roots(verb)
        colon = None
        accused = []
        resp = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_ == "responsibility"), None)
        if resp is not None and lemma in ("claim", "accept", "admit"):
            evs = [(self._event_at(x), x) for x in resp.subtree]
            evs = [(ev, x) for ev, x in evs if ev is not None]
            if not evs and not any(c.dep_ == "prep" for c in resp.children):
                # "X claimed responsibility." (nothing named): the event reported last
                last = self._about_before(self.c(verb))
                ev = next((e for e in self.events if e.id == last), None)
                evs = [(ev, resp)] if ev is not None else []
            if not evs:
                return
            for speaker, role, aff in speakers:
                claims = [self._add_participant(ev, speaker, "attacker", self.c(x)) for ev, x in evs]
                unit = [x for x in verb.subtree if not any(x.i == y.i for z in subjects for y in z.subtree)]
                s0, e0 = _tok_span([x for x in unit if x.i >= verb.i])
                st = Stmt(speaker.id, (self.o + s0, self.o + e0), "claims_responsibility", self.c(verb), role=role,
                          on_behalf_of=aff.id if aff is not None and aff.id != speaker.id else None)
                self.stmts.append(st)
            self.last_speaker = speakers[0][0].id
            return
        if lemma in L.EVALUATIVE_VERBS and not roots:
            if not any(c.dep_ in ("dobj",) for c in verb.children) or any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children):
                return
            if lemma in L.AS_VERBS and not any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
                return  # "identified the suspect as X", not "identified the body"
            roots = [verb]
        if lemma in ("accuse", "blame", "attribute") and not roots:
            roots = [verb]
            for c in verb.children:
                if c.dep_ == "dobj" and lemma != "attribute":
                    accused, _ = self._actors_coordinated(c)
                if c.dep_ == "prep" and c.lower_ == "to" and lemma == "attribute":
                    for p in c.children:
                        if p.dep_ == "pobj":
                            accused, _ = self._actors_coordinated(p)
        if not roots:
            colon = self._colon_content(verb)
            if colon is None:
                return
        stance = L.REPORT_VERBS.get(lemma, "asserts")
        if stance == "asserts" and len(roots) == 1 and L.REPORT_VERBS.get(roots[0].lemma_.lower(), "asserts") in ("confirms", "denies"):
            # "A spokesman for X said the group confirmed ...": the speaker's own body's
            # confirmation/denial is the speaker's; one statement with the inner stance
            inner = roots[0]
            isubj = next((c for c in inner.children if c.dep_ == "nsubj"), None)
            if isubj is not None and (isubj.pos_ == "PRON" and isubj.lower_ in ("it", "we", "they") or isubj.pos_ == "NOUN"
                                      and isubj.lower_ in L.ORG_WORDS | {"group", "organisation", "organization"}
                                      and any(d.lower_ == "the" for d in isubj.children)):
                stance = L.REPORT_VERBS[inner.lemma_.lower()]
                self.absorbed.add(self.c(inner))
        hedge = next((c.lower_ for c in verb.children if c.dep_ == "advmod" and c.lower_ in L.HEDGES), None)
        if hedge is None and lemma in L.HEDGE_VERBS:
            hedge = L.HEDGE_VERBS[lemma]
        channel = via or self._channel_of(verb)
        date = None
        for c in verb.children:
            if c.dep_ in ("prep", "npadvmod", "advmod"):
                date = date or self._date_in(c)
        # the verb's content, split at "after/before" clauses and coordinated reporting verbs
        planned: list[tuple[int, int, list, object, list]] = []
        if colon is not None:
            planned.append((colon[0], colon[1], [], None, []))
        for root in roots:
            if root.i == verb.i:
                unit = [x for x in verb.subtree if not any(x.i == y.i for z in subjects for y in z.subtree) and x.dep_ != "punct"]
                s0, e0 = _tok_span(unit)
                for ev_tok in unit:
                    ev = self._event_at(ev_tok)
                    if ev is not None:
                        for a in accused:
                            self._add_participant(ev, a, "attacker", self.c(ev_tok))
                planned.append((self.o + s0, self.o + e0, unit, root, []))
                continue
            excluded = [c for c in root.subtree if (c.dep_ == "conj" or c.dep_ == "advcl" and c.tag_ == "VBG") and c.lemma_ in L.REPORT_VERBS and c.i != root.i]
            if verb.dep_ == "acl" and verb.head.head.i == root.i:
                excluded.append(verb.head)  # the speaker's phrase is inside the clause the parser made
            adv = [c for c in root.children if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("after", "before", "when") for m in c.children)]
            main = _subtree_minus(root, excluded + adv)
            if adv:
                marks = [m for a in adv for m in a.children if m.dep_ == "mark"]
                main = sorted(main + marks, key=lambda x: x.i)
            units = [main]
            for a in adv:
                units.append([x for x in _subtree_minus(a, excluded) if x.dep_ != "mark" or x.head.i != a.i])
            if verb.lemma_ in L.OBJECT_CONTENT_VERBS and root.dep_ == "dobj":
                lead = [verb] + [c for c in verb.children if c.dep_ == "advmod" and c.lower_ in L.HEDGES]
                units = [sorted(lead + u, key=lambda x: x.i) for u in units]
            for unit in units:
                s0, e0 = _tok_span(unit)
                if e0 <= s0:
                    continue
                s1, e1 = self._extend_quote(self.o + s0, self.o + e0)
                planned.append((s1, e1, unit, root, excluded))
        for speaker, role, aff in speakers:
            for s1, e1, unit, root, excluded in planned:
                st = Stmt(speaker.id, (s1, e1), stance, self.c(verb), role=role,
                          on_behalf_of=aff.id if aff is not None and aff.id != speaker.id else None,
                          channel=channel.id if channel else None, date=date, hedge=hedge)
                if excluded:
                    st.exclude = [(self.c(x.left_edge), self.ce(x.right_edge)) for x in excluded]
                if root is not None:
                    subj_tok = next((c for c in root.children if c.dep_ in (("dobj",) if root.i == verb.i else ("nsubj", "nsubjpass"))), None)
                    if subj_tok is not None and subj_tok.pos_ != "PRON":
                        st.subject_pos = self.c(subj_tok)
                        st.subject_tok = subj_tok
                        st.subject_off = self.o
                    self._stance_from_content(st, unit, root)
                self.stmts.append(st)
                if unit:
                    self._embedded_reports(unit, len(self.stmts) - 1)
        speaker = speakers[0][0]
        if speaker.type == "person":
            self.last_person = speaker.id
        elif speaker.type in ("collective_source",):
            self.last_group = speaker.id
        elif speaker.type not in PLACE_TYPES:
            self.last_org = speaker.id
        self.last_speaker = speaker.id

    def _channel_of(self, verb):  # noqa: ANN001
        """The outlet a reporting verb speaks through: "told Asia-Plus", "said on Facebook", "in
        an interview with X", "described for news agency X" (also for a participle "stating"
        that goes on its head verb)."""
        channel = None
        verbs = [verb] + ([verb.head] if verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.pos_ == "VERB" else [])
        if verb.tag_ == "VBG" and verb.dep_ == "advcl":
            # "An eyewitness described for news agency X how ..., stating": the parser made the
            # speaker the root noun and its verb an "acl"
            top = verb
            for _ in range(4):
                if top.head.i == top.i:
                    break
                top = top.head
                if top.pos_ == "VERB" and top.lemma_ in ("describe", "explain", "tell", "say", "speak"):
                    verbs.append(top)
                if top.pos_ == "NOUN":
                    verbs += [c for c in top.children if c.dep_ == "acl" and c.pos_ == "VERB"]
        for v in verbs:
            for c in v.children:
                if c.dep_ in ("dobj", "dative") and v.lemma_ == "tell":
                    e = self.ent_of(c)
                    if e is not None and e.type == "media_outlet":
                        channel = e
                if c.dep_ == "prep" and (c.lower_ in ("to", "on", "via") and v.lemma_ in L.REPORT_VERBS or c.lower_ == "for" and v.lemma_ in ("describe", "tell", "say", "write", "explain")):
                    for p in c.children:
                        e = self.ent_of(p)
                        if e is not None and e.type == "media_outlet":
                            channel = e
                if c.dep_ == "prep" and c.lower_ in ("in", "for"):
                    for p in c.children:
                        if p.lower_ in ("interview", "interviews", "remarks"):
                            for q in p.subtree:
                                e = self.ent_of(q)
                                if e is not None and e.type == "media_outlet":
                                    channel = e
            if channel is not None:
                return channel
        return None

    def _stance_from_content(self, st: Stmt, unit, root) -> None:  # noqa: ANN001
        words = {x.lower_ for x in unit}
        lemmas = {x.lemma_.lower() for x in unit}
        if any(x.lower_ == "or" and x.dep_ == "cc" for x in unit) and (words & {"either"} or any(x.head.lemma_ in L.AIRCRAFT_NOUNS or x.head.head.lemma_ in L.AIRCRAFT_NOUNS for x in unit if x.lower_ == "or")):
            st.certainty = "possible"
        elif words & L.POSSIBLE_WORDS - {"either"}:
            st.certainty = "possible"
        elif (words | lemmas) & L.PROBABLE_WORDS:
            st.certainty = "probable"
        # a denial: "X was not behind", "does not correspond to the facts", "is false"
        head = root
        neg = _negated(head)
        deny = False
        if neg and (head.lemma_ in L.DENIAL_PREDICATES or any(c.lower_ in L.DENIAL_PREDICATES for c in head.children if c.dep_ in ("prep", "acomp", "prt", "attr"))):
            deny = True
        if any(c.dep_ == "acomp" and c.lower_ in L.FALSE_WORDS for c in head.children):
            deny = True
        if neg and head.pos_ == "VERB" and (head.lemma_.lower() in L.VERB_TRIGGERS or head.lemma_.lower() in L.PERPETRATION_VERBS):
            deny = True  # "Sudan had not bombed anywhere in South Sudan's territory"
        if deny and st.stance in ("asserts", "confirms"):
            st.stance = "denies"
        elif st.stance == "asserts" and not neg and head.pos_ == "VERB" and self._names_perpetrator(head, st.speaker):
            st.stance = "accuses"  # "Tamim claimed Houthis have attacked journalists"
        if st.stance == "denies":
            st.polarity = "negative"

    def _names_perpetrator(self, verb, speaker: str) -> bool:  # noqa: ANN001
        """The content says a named actor other than the speaker attacked / carried out an attack."""
        lemma = verb.lemma_.lower()
        violent = L.VERB_TRIGGERS.get(lemma) in L.EVENT_FAMILY and lemma not in ("fight", "clash")
        if not violent and lemma in L.PERPETRATION_VERBS - {"claim", "order"}:
            violent = any(c.dep_ == "dobj" and self.c(c) in self.trigger_at for c in verb.children) or any(
                c.dep_ == "dobj" and (c.lemma_.lower() in L.NOUN_TRIGGERS) for c in verb.children)
        if not violent:
            return False
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.pos_ == "PRON":
            return False
        ent = self.ent_of(subj) or next((self.ent_of(c) for c in subj.children if c.dep_ in ("compound", "amod") and self.ent_of(c)), None)
        return ent is not None and ent.id != speaker and ent.type in ("armed_group", "country", "state_force", "government_body", "organization", "person")

    def _embedded_reports(self, unit, outer: int) -> None:  # noqa: ANN001
        """"a report released by an Afghan news agency that Tajikistan has allegedly launched ...":
        the report's source said the inner clause; the outer statement is about it."""
        ids = {x.i for x in unit}
        for x in unit:
            if x.lower_ not in L.REPORT_NOUNS:
                continue
            clause = next((c for c in x.children if c.dep_ in ("relcl", "acl", "ccomp") and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
            if clause is None:
                continue
            source = None
            for c in x.children:
                if c.dep_ == "acl":
                    for a in c.children:
                        if a.dep_ == "agent":
                            for p in a.children:
                                if p.dep_ == "pobj":
                                    source = p
                if c.dep_ == "prep" and c.lower_ in ("by", "from", "of", "in"):
                    for p in c.children:
                        if p.dep_ == "pobj":
                            source = p
            if source is None:
                continue
            sp = self.ent_of(source)
            if sp is None or sp.type in PLACE_TYPES:
                toks = [y for y in source.subtree]
                s, e = _tok_span(toks)
                label = re.sub(r"^(the|a|an)\s+", "", self.text[self.o + s:self.o + e], flags=re.I)
                country = next((self.table.country_of_demonym(y.text) for y in toks if self.table.is_demonym(y.text)), None)
                sp = self.table.add("anonymous_source", label, self.o + s, self.o + e, key=f"actor:anon:{norm(label)}", confidence=0.5,
                                    country=country.id if country else None)
            inner = [y for y in clause.subtree if y.i in ids]
            s, e = _tok_span(inner)
            hedge = next((y.lower_ for y in inner if y.lower_ in L.HEDGES), None)
            st = Stmt(sp.id, (self.o + s, self.o + e), "asserts", self.c(x), hedge=hedge, embedded_in=outer, confidence=0.5)
            self.stmts.append(st)

    def _according_to(self, tok) -> None:  # noqa: ANN001
        to = next(c for c in tok.children if c.lower_ == "to")
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return
        srcs = []
        post_channel: dict[str, str] = {}
        for x in [pobj] + list(pobj.conjuncts):
            if x.lower_ in ("post", "tweet", "statement", "message", "interview", "letter", "video"):
                # "according to a Twitter post by X": X speaks
                by = next((c for c in x.children if c.dep_ == "prep" and c.lower_ in ("by", "from")), None)
                author = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
                if author is not None and author.pos_ == "PROPN":
                    name = [y for y in author.lefts if y.dep_ == "compound" and y.pos_ == "PROPN"] + [author]
                    if self.ent_of(author) is None and 2 <= len(name) <= 4:
                        self._person(self.text[self.c(name[0]):self.ce(name[-1])], self.c(name[0]), self.ce(name[-1]), 0.6)
                    e = self.ent_of(author)
                    if e is not None and e.type not in PLACE_TYPES:
                        # "a Twitter post by X": X through Twitter
                        platform = next((self.ent_of(c) for c in x.children if c.dep_ in ("compound", "amod", "nmod")
                                         and self.ent_of(c) is not None and self.ent_of(c).type == "media_outlet"), None)
                        if platform is not None:
                            post_channel[e.id] = platform.id
                        x = author
            src = self.ent_of(x) or self.np_actor(x, speaker=True)
            if src is None and x.pos_ == "NOUN":
                toks = [y for y in x.subtree if y.i <= x.i or (y.dep_ in ("acl", "prep", "pobj", "amod", "compound") and y.i - x.i < 6)]
                toks = [y for y in toks if not (y.i > x.i and y.dep_ == "cc")]
                ls, le = _tok_span([y for y in toks if y.dep_ != "det"] or [x])
                label = self.text[self.o + ls:self.o + le]
                low = x.lower_
                country = next((self.table.country_of_demonym(y.text) for y in toks if self.table.is_demonym(y.text)), None)
                if low in ("media", "press", "newspaper", "newspapers", "television", "tv", "outlet", "outlets", "agency", "broadcaster"):
                    src = self.table.add("media_outlet", label, self.o + ls, self.o + le, confidence=0.5)
                elif low in ("report", "reports", "account", "accounts", "video", "videos", "footage", "post", "posts", "sources", "source", "estimates", "figures", "data", "statement", "statements"):
                    typ = "collective_source" if x.tag_ == "NNS" else "anonymous_source"
                    label = label if x.lower_ not in ("report", "reports") or label.lower() != low else f"unnamed {label}"
                    src = self.table.add(typ, label, self.o + ls, self.o + le, key=f"actor:anon:{norm(label)}", confidence=0.5,
                                         country=country.id if country else None)
            if src is not None and src.type not in PLACE_TYPES:
                role = aff = None
                if src.type == "person":
                    sp, role, aff = self._speaker(x)
                    if role is None:
                        titles = [y for y in x.lefts if y.dep_ == "compound" and y.lower_ in L.TITLE_WORDS]
                        if titles:
                            role = self.text[self.c(titles[0]):self.ce(titles[-1])]
                            src.role = src.role or role
                    rest = [c for c in x.children if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")]
                    if rest and role:
                        role = role + " " + self.text[self.c(rest[0]):self.ce(rest[0].right_edge)]
                        aff = aff or self._affiliation(x)
                srcs.append((src, role, aff))
        if not srcs:
            return
        for extra, role, aff in srcs[1:]:
            self._according_one(tok, extra, role, aff, channel=post_channel.get(extra.id))
        self._according_one(tok, *srcs[0], channel=post_channel.get(srcs[0][0].id))

    def _according_one(self, tok, src, role=None, aff=None, channel=None) -> None:  # noqa: ANN001
        head = tok.head
        # an attribution verb already in the clause: the source is its channel
        report_verb = head if head.lemma_ in L.REPORT_VERBS else None
        if report_verb is not None and src.type == "media_outlet":
            recent = [st for st in self.stmts[-20:] if st.verb_pos == self.c(report_verb)]
            for st in recent:
                if st.channel is None:
                    st.channel = src.id
            if recent:
                return
        sent = tok.sent
        excl = {x.i for x in tok.subtree}
        content = [x for x in sent if x.i not in excl]
        s, e = _tok_span(content)
        if e <= s:
            return
        st = Stmt(src.id, (self.o + s, self.o + e), "asserts", self.c(tok), confidence=0.6, role=role or src.role,
                  on_behalf_of=aff.id if aff is not None and aff.id != src.id else None, channel=channel)
        self._stance_from_content(st, content, head)
        self.stmts.append(st)
        self.last_speaker = src.id

    def _cited_as_saying(self, verb) -> None:  # noqa: ANN001
        channel_tok = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        spk_tok = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if spk_tok is None:
            return
        speaker, role, aff = self._speaker(spk_tok)
        if speaker is None:
            return
        channel = self.ent_of(channel_tok) if channel_tok is not None else None
        roots = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis")]
        as_ = next((c for c in verb.children if c.lower_ == "as"), None)
        date = None
        if as_ is not None:
            for x in as_.subtree:
                if x.dep_ in ("pcomp", "pobj") and x.lemma_ == "say":
                    roots += [c for c in x.children if c.dep_ == "ccomp"]
                    for c in x.children:
                        date = date or (self._date_in(c) if c.dep_ in ("prep", "npadvmod") else None)
        for root in roots:
            unit = list(root.subtree)
            s, e = _tok_span(unit)
            st = Stmt(speaker.id, (self.o + s, self.o + e), "asserts", self.c(verb), role=role,
                      on_behalf_of=aff.id if aff else None, channel=channel.id if channel and channel.type == "media_outlet" else None,
                      date=date)
            self._stance_from_content(st, unit, root)
            self.stmts.append(st)
        self.last_speaker = speaker.id

    def _issued_denial(self, verb) -> None:  # noqa: ANN001
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        speaker, role, aff = self._speaker(subj)
        if speaker is None:
            return
        sent = verb.sent
        s, e = _tok_span(list(sent))
        st = Stmt(speaker.id, (self.o + s, self.o + e), "denies", self.c(verb), polarity="negative", role=role,
                  on_behalf_of=aff.id if aff else None, confidence=0.4)
        self.stmts.append(st)

    def _describe(self, st: Stmt) -> list[str]:
        """A statement whose content the rules cannot break down: the content clause as a
        description of the first actor, place or event it names (low confidence)."""
        s, e = st.span
        subject = None
        if st.subject_pos is not None:
            ent = self.table.at(st.subject_pos)
            if ent is not None:
                subject = ent.id
            else:
                subject = next((ev.id for ev in self.events for m in ev.mentions if m.start <= st.subject_pos < m.end), None)
            if subject is None and st.subject_tok is not None and st.subject_tok.pos_ == "NOUN":
                saved = self.o
                self.o = st.subject_off  # the token's own piece of the text
                try:
                    made = self.np_actor(st.subject_tok)
                finally:
                    self.o = saved
                subject = made.id if made is not None else None
        if subject is None:
            firsts = sorted((a, i) for a, b, i in self.table.spans if s <= a < e and i != st.speaker)
            firsts += sorted((m.start, ev.id) for ev in self.events for m in ev.mentions if s <= m.start < e)
            if not firsts and st.about is None:
                return []
            subject = min(firsts)[1] if firsts else st.about
        if subject == st.speaker:
            return []
        value = " ".join(self.text[s:e].split())
        if len(value) > 300:
            value = value[:299].rstrip() + "…"
        claim = self.claim(("desc", s, e), value[:120])
        self.relations.append(Relation(subject=subject, predicate="described_as", value=value, claim=claim, confidence=0.3))
        return [claim]

    # ================================================================== output
    def _about_before(self, pos: int) -> str | None:
        """The event mentioned last before pos (what a bare quotation is about)."""
        best = None
        for ev in self.events:
            for m in ev.mentions:
                if m.start < pos and (best is None or m.start > best[0]):
                    best = (m.start, ev.id)
        return best[1] if best else None

    def _inherit_quote_stance(self, qchars) -> None:  # noqa: ANN001
        """A quotation right after the same speaker's accusation or denial goes on with it
        ('X accused Y of the attack.\n"They must answer for it," he said': an accusation)."""
        ranges = sorted(self.sentence_ranges)
        starts = [a for a, _b in ranges]

        def sent_index(pos: int) -> int:
            return bisect.bisect_right(starts, pos) - 1

        by_pos = sorted((st.verb_pos, k) for k, st in enumerate(self.stmts) if st.embedded_in is None)
        prev_of: dict[str, Stmt] = {}
        for _pos, k in by_pos:
            st = self.stmts[k]
            quoted = self.text[max(0, st.span[0] - 1):st.span[0]] in qchars
            before = prev_of.get(st.speaker)
            if (quoted and st.stance == "asserts" and before is not None and before.stance in ("accuses", "denies")
                    and not (before.span[0] <= st.span[0] < before.span[1])
                    and 0 <= sent_index(st.span[0]) - sent_index(before.verb_pos) <= 1
                    and before.verb_pos < st.span[0]):
                st.stance = before.stance
                if st.stance == "denies":
                    st.polarity = "negative"
            prev_of[st.speaker] = st

    def _known_role(self, ent: Ent) -> str | None:
        """The role a speaker was introduced with anywhere in the article ("Kiir said" after
        "South Sudan's president Salva Kiir"); an unnamed source named by its role ("a
        Coast Guard spokesperson") has that role."""
        if ent.type == "person":
            if ent.role is None and ent.label.split():
                # "Lam" and "Carrie Lam": one person named twice
                surname = ent.label.split()[-1]
                other = next((x for x in self.table.by_id.values() if x.type == "person" and x is not ent and x.role
                              and x.label.split()[-1:] == [surname]), None)
                return other.role if other is not None else None
            return ent.role
        if ent.type == "anonymous_source":
            words = re.sub(r"\s*\(.*?\)\s*", " ", ent.label).split(",")[0].split()
            head = next((w for w in words if w.lower() in L.ROLE_NOUNS), None)
            if head is not None and len(words) <= 10:
                return " ".join(words)
        return None

    def _inside_quotation(self, a: int, b: int) -> bool:
        """A sentence inside a quotation (opened before it in its paragraph, or closed in it)."""
        para = self.text.rfind("\n", 0, a) + 1
        before = self.text[para:a]
        if before.count("\"") % 2 == 1 or before.count("“") > before.count("”"):
            return True
        inner = self.text[a:b]
        first_close = min([i for i in (inner.find("”"),) if i >= 0] or [len(inner)])
        first_open = min([i for i in (inner.find("“"),) if i >= 0] or [len(inner)])
        return first_close < first_open or (inner.count("\"") % 2 == 1 and inner.rstrip(" .,")[-1:] == "\"")

    def _quote_pass(self) -> None:
        """Quotations over several sentences: one statement per sentence; a paragraph that is
        only a quotation continues the quoted speaker of the paragraph before."""
        text = self.text
        qchars = ("\"", "“", "”")
        starts = [a for a, _b in self.sentence_ranges]
        self._inherit_quote_stance(qchars)
        # free-standing quotation paragraphs
        pos = 0
        prev_line = None
        for line in text.split("\n"):
            a, b = pos, pos + len(line)
            pos = b + 1
            body = line.strip()
            if not body:
                continue
            la = a + len(line) - len(line.lstrip())
            lb = a + len(line.rstrip())
            if (body[0] in qchars[:2] and body.rstrip(".,")[-1:] in qchars and body[1:-1].count("\"") == 0
                    and body.count("“") <= 1 and prev_line is not None
                    and not any(la <= x.verb_pos < lb for x in self.stmts)):
                pa, pb = prev_line
                prev = [x for x in self.stmts if pa <= x.verb_pos < pb and x.embedded_in is None
                        and (self.publisher is None or x.speaker != self.publisher.id)
                        and (text[x.span[1]:x.span[1] + 1] in qchars or text[max(0, x.span[0] - 1):x.span[0]] in qchars)]
                if prev and text[pa:pb].rstrip().endswith((".", "\"", "”")):
                    src = prev[-1]
                    st = Stmt(src.speaker, (la + 1, lb - (2 if body[-2:-1] in qchars else 1) if body[-1] in ".," else lb - 1), "asserts", la,
                              role=src.role, on_behalf_of=src.on_behalf_of, channel=src.channel, confidence=0.5,
                              about=self._about_before(la))
                    self.stmts.append(st)
                    self.last_speaker = src.speaker
            prev_line = (la, lb)
        # a sentence that opens a quotation after a quoted sentence of the same paragraph
        # ('"...", X told the press. "More words."'): the same speaker
        ranges = sorted(self.sentence_ranges)
        for k in range(1, len(ranges)):
            a, b = ranges[k]
            pa, pb = ranges[k - 1]
            if text[a:a + 1] not in qchars[:2] or "\n" in text[pb:a]:
                continue
            close = min([i for i in (text.find("\"", a + 1), text.find("”", a + 1)) if i >= 0] or [-1])
            para_end = text.find("\n", a)
            para_end = len(text) if para_end < 0 else para_end
            if close < 0 or close > para_end or text[close + 1:para_end].strip(" .,") != "":
                continue  # the quotation is not the rest of the paragraph (a speaker follows)
            if any(a <= x.verb_pos < para_end for x in self.stmts):
                continue
            prev = [x for x in self.stmts if pa <= x.verb_pos < pb and x.embedded_in is None
                    and (self.publisher is None or x.speaker != self.publisher.id)
                    and any(q in text[pa:pb] for q in qchars)]
            if not prev:
                continue
            src = prev[-1]
            end = close - 1 if text[close - 1:close] == "," else close
            self.stmts.append(Stmt(src.speaker, (a + 1, end), "asserts", a, role=src.role, on_behalf_of=src.on_behalf_of,
                                   channel=src.channel, confidence=0.5, about=self._about_before(a)))
        # one statement per quoted sentence
        if not SPLIT_QUOTES:
            return
        for i in range(len(self.stmts)):
            st = self.stmts[i]
            s, e = st.span
            if st.embedded_in is not None or not (text[max(0, s - 1):s] in qchars or text[s:s + 1] in qchars):
                continue
            if any(q in text[s:e].strip("".join(qchars) + " ,.") for q in qchars):
                continue  # not one quotation
            cuts = [k for k in starts if s + 1 < k < e - 1]
            if not cuts or len(cuts) > 8:
                continue
            bounds = [s, *cuts, e]
            pieces = []
            for a, b in zip(bounds, bounds[1:], strict=False):
                seg = text[a:b]
                a2 = a + len(seg) - len(seg.lstrip(" \t\n\"“”"))
                b2 = b - (len(seg) - len(seg.rstrip(" \t\n\"“”,")))
                if b2 - a2 >= 3:
                    pieces.append((a2, b2))
            if len(pieces) < 2:
                continue
            st.span = pieces[0]
            st.about = st.about or self._about_before(pieces[0][0])
            for a2, b2 in pieces[1:]:
                self.stmts.append(Stmt(st.speaker, (a2, b2), st.stance if st.stance != "denies" else "asserts", st.verb_pos,
                                       role=st.role, on_behalf_of=st.on_behalf_of, channel=st.channel, date=st.date,
                                       hedge=st.hedge, confidence=0.5, about=self._about_before(a2)))

    def _attribute_orphans(self, stmts_out: list, used_claims: set, items_sorted: list, sent_of) -> list:  # noqa: ANN001
        """A claim with content that no statement carries after all the merging above is the
        outlet's own (newskg never stores unattributed content): one statement per sentence."""
        if self.publisher is None:
            return stmts_out
        attributed = {c for x in stmts_out for c in x.claims}
        orphans = [c for c in self.claims if c in used_claims and c not in attributed]
        if not orphans:
            return stmts_out
        pos_of = {}
        for it in items_sorted:
            pos_of.setdefault(it.claim, it.pos)
        for key, ident in self.claim_keys.items():
            if key and key[0] == "desc" and len(key) > 1 and isinstance(key[1], int):
                pos_of.setdefault(ident, key[1])
        ends = dict(self.sentence_ranges)
        by_sent: dict[int, list[str]] = {}
        for c in orphans:
            k = sent_of(pos_of[c]) if c in pos_of else -1
            by_sent.setdefault(k, []).append(c)
        for k, claims in by_sent.items():
            a, b = (k, ends[k]) if k in ends else (self.sentence_ranges[0] if self.sentence_ranges else (0, len(self.text)))
            a2, b2 = self._trimmed(a, b)
            stmts_out.append(Statement(
                id=f"st_{len(stmts_out) + 1}_o", speaker=self.publisher.id, claims=tuple(claims),
                span=Span(start=a2, end=b2, text=self.text[a2:b2]), stance="asserts", confidence=0.3))
        return stmts_out

    def finish(self, warnings: list[str]) -> Annotation:
        t = self.table
        self._quote_pass()
        # events -> model
        events_out = []
        starts = [a for a, _b in self.sentence_ranges]

        def sent_of(pos: int) -> int:
            k = bisect.bisect_right(starts, pos) - 1
            return starts[k] if k >= 0 else -1

        places_in: dict[int, list[str]] = {}
        for s0, _e0, ident in t.spans:
            if t.by_id[ident].type in PLACE_TYPES and s0 not in self.actor_places:
                places_in.setdefault(sent_of(s0), []).append(ident)
        events_in: dict[int, list[Ev]] = {}
        for ev in self.events:
            for m in ev.mentions:
                events_in.setdefault(sent_of(m.tok_start), []).append(ev)
        for ev in self.events:
            if not ev.mentions:
                continue
            conf = 0.8 if ev.modality == "asserted" else 0.6
            sents = list(dict.fromkeys(sent_of(m.tok_start) for m in ev.mentions))[:50]
            if ev.place is None and ev.after is not None and ev.after.place and not places_in.get(sents[0]):
                # "three further explosions": where the earlier ones were, unless the sentence says
                ev.place, ev.place_conf = ev.after.place, 0.4
            if ev.place is None:
                # a place from the sentence of a mention: the most specific place there
                for k in sents:
                    for ident in places_in.get(k, [])[:20]:
                        if ev.group == "war" and ev.place is not None:
                            break  # a war is fought in the country named, not in the town named with it
                        self._set_place(ev, ident, 0.5)
                    for o in events_in.get(k, []):
                        if o is not ev and o.place and not (ev.group == "war" and ev.place is not None):
                            self._set_place(ev, o.place, 0.5)
            if ev.place is None and ev.group == "security_response":
                # "Police arrived and shot him dead": where the attacker was last placed
                k = bisect.bisect_right(starts, ev.mentions[0].tok_start) - 1
                for j in range(k - 1, max(-1, k - 4), -1):
                    cands = [t.by_id[i] for i in places_in.get(starts[j], [])]
                    if cands:
                        best = max(enumerate(cands), key=lambda x: (PLACE_DEPTH.get(x[1].type, 0), x[0]))[1]
                        ev.place, ev.place_conf = best.id, 0.4
                        break
            if ev.date is None and ev.ordinal and ev.ordinal != "new" and ev.after is not None and ev.after.date:
                ev.date, ev.date_conf = ev.after.date, 0.4  # "the second attack": the same day as the pair
            if ev.date is None:
                for k in sents:
                    other = [o for o in events_in.get(k, []) if o is not ev and o.date]
                    if other:
                        ev.date, ev.date_conf = other[0].date, 0.5
                        break
                        break
            mentions = []
            seen = set()
            for m in ev.mentions:
                if (m.start, m.end) in seen:
                    continue
                seen.add((m.start, m.end))
                mentions.append(Span(start=m.start, end=m.end, text=self.text[m.start:m.end]))
            typ = "attack_on_civilians" if ev.type == "attack" and ev.civilian else ev.type
            events_out.append(Event(
                id=ev.id, type=typ, claim=self._event_claim(ev), label=f"{ev.type.replace('_', ' ')}",
                date=ev.date, place=ev.place, modality=ev.modality, mentions=tuple(mentions),
                confidence=round(conf * (0.7 + 0.3 * min(1.0, len(ev.mentions) / 2)), 3)))
        # statements: attach claims of the content inside their spans
        items_sorted = sorted(self.items, key=lambda it: it.pos)
        item_pos = [it.pos for it in items_sorted]
        stmts_out: list[Statement] = []
        index_map: dict[int, str] = {}
        covered: set[str] = set()
        for i, st in enumerate(self.stmts):
            s, e = st.span
            lo, hi = bisect.bisect_left(item_pos, s), bisect.bisect_left(item_pos, e)
            inside = [it for it in items_sorted[lo:hi] if not any(a <= it.pos < b for a, b in st.exclude)]
            if inside and all(it.ref_only for it in inside) and st.stance not in ("confirms", "denies"):
                inside = []
            claims = list(dict.fromkeys(it.claim for it in inside))
            if st.stance == "denies":
                # a denial denies who did it, not that something happened (when it names who)
                parts = [it.claim for it in inside if it.kind in ("participant",)]
                if parts:
                    claims = list(dict.fromkeys(parts))
                    # a denied statement's inner report: the same claims
            if not claims and st.stance == "denies" and st.embedded_in is None:
                inner = [x for x in self.stmts[i + 1:] if x.embedded_in == i]
                for x in inner:
                    lo, hi = bisect.bisect_left(item_pos, x.span[0]), bisect.bisect_left(item_pos, x.span[1])
                    claims += [it.claim for it in items_sorted[lo:hi] if it.kind == "participant"]
            if not claims:
                if st.about is None and (self.publisher is None or st.speaker != self.publisher.id):
                    # a quoted speaker's content without a named subject: about the event
                    # the article last mentioned before it
                    st.about = self._about_before(st.span[0])
                claims = self._describe(st)
            if not claims:
                continue
            m = DATELINE.match(self.text[s:e])
            if m and e - s > m.end():
                s += m.end()
            ident = f"st_{len(stmts_out) + 1}"
            index_map[i] = ident
            covered.update(claims)
            # alternatives in the content make it a statement of possibilities
            certainty = st.certainty
            if any(set(a.claims) <= set(claims) for a in self.alternatives):
                certainty = "possible"
            ent = t.by_id[st.speaker]
            conf = st.confidence * (0.9 if ent.type != "person" or st.role else 0.85)
            if st.role is None:
                st.role = self._known_role(ent)
            stmts_out.append(Statement(
                id=ident, speaker=st.speaker, claims=tuple(claims),
                span=Span(start=s, end=e, text=self.text[s:e]), stance=st.stance, certainty=certainty,
                polarity="negative" if st.stance == "denies" else st.polarity, role=st.role, on_behalf_of=st.on_behalf_of, channel=st.channel,
                medium=self._medium(st.verb_pos, sent_of),
                date=st.date, hedge=st.hedge, embedded_in=None, confidence=round(min(1.0, conf), 3)))
        # a person quoted again without a channel speaks through the one channel named for them
        # in the same paragraph or the next one ("Mr X said" paragraphs later is a new occasion)
        channels_of: dict[str, set[str]] = {}
        paras_of: dict[str, set[int]] = {}
        para_starts = [m.end() for m in re.finditer(r"\n\s*", self.text)]
        for x in stmts_out:
            if x.channel and t.by_id[x.speaker].type == "person":
                channels_of.setdefault(x.speaker, set()).add(x.channel)
                paras_of.setdefault(x.speaker, set()).add(bisect.bisect_right(para_starts, x.span.start))

        def near(x: Statement) -> bool:
            k = bisect.bisect_right(para_starts, x.span.start)
            return any(0 <= k - q <= 1 for q in paras_of.get(x.speaker, ()))
        stmts_out = [x.model_copy(update={"channel": next(iter(channels_of[x.speaker]))})
                     if x.channel is None and len(channels_of.get(x.speaker, ())) == 1 and x.embedded_in is None and near(x) else x
                     for x in stmts_out]
        # a statement through a channel that an earlier statement dates: the same report, the
        # same date ("Afghan officials said on August 27, according to Radio Liberty" ... "Asir
        # told Radio Liberty")
        dated = {}
        for x in stmts_out:
            if x.channel and x.date is not None:
                dated.setdefault(x.channel, x.date)
        stmts_out = [x.model_copy(update={"date": dated[x.channel]}) if x.channel in dated and x.date is None else x
                     for x in stmts_out]
        # embedded_in links (only to statements that survived)
        fixed = []
        for i, st in enumerate(self.stmts):
            if i not in index_map:
                continue
            out = next(x for x in stmts_out if x.id == index_map[i])
            if st.embedded_in is not None and st.embedded_in in index_map:
                out = out.model_copy(update={"embedded_in": index_map[st.embedded_in]})
            fixed.append(out)
        stmts_out = fixed
        # content nobody is quoted for: the publisher's own voice
        if self.publisher is not None:
            loose: dict[tuple[int, int], list[str]] = {}
            in_statement = set()
            for x in stmts_out:
                lo, hi = bisect.bisect_left(item_pos, x.span.start), bisect.bisect_left(item_pos, x.span.end)
                in_statement.update(id(it) for it in items_sorted[lo:hi])
            ends = {a: b for a, b in self.sentence_ranges}
            report_sents = {sent_of(x.verb_pos) for x in self.stmts}
            for it in items_sorted:
                if id(it) in in_statement or it.ref_only:
                    continue
                k = sent_of(it.pos)
                if it.claim in covered and k in report_sents:
                    continue
                sent = (k, ends[k]) if k in ends and it.pos < ends[k] else None
                if sent is not None:
                    loose.setdefault(sent, []).append(it.claim)
            for (a, b), claims in loose.items():
                claims = list(dict.fromkeys(claims))
                if not claims:
                    continue
                covered.update(claims)
                a2, b2 = self._trim(a, b)
                if a2 >= b:
                    continue
                prev = stmts_out[-1] if stmts_out else None
                if (prev is not None and prev.speaker == self.publisher.id and prev.confidence == 0.5
                        and 0 <= a2 - prev.span.end <= 3 and "\n" not in self.text[prev.span.end:a2]):
                    stmts_out[-1] = prev.model_copy(update={"claims": tuple(dict.fromkeys((*prev.claims, *claims))),
                                                            "span": Span(start=prev.span.start, end=b2, text=self.text[prev.span.start:b2])})
                    continue
                stmts_out.append(Statement(
                    id=f"st_{len(stmts_out) + 1}", speaker=self.publisher.id, claims=tuple(claims),
                    span=Span(start=a2, end=b2, text=self.text[a2:b2]), stance="asserts", confidence=0.5))
        # sentences nobody is quoted for and with nothing the rules break down: the
        # publisher's description of what the sentence names (low confidence)
        if self.publisher is not None and DESCRIBE_UNATTRIBUTED:
            taken = sorted((x.span.start, x.span.end) for x in stmts_out)
            verb_sents = {sent_of(x.verb_pos) for x in self.stmts}
            for a, b in self.sentence_ranges:
                if a in verb_sents or a in self.voiced_sents or any(x < b and a < y for x, y in taken):
                    continue
                if self._inside_quotation(a, b):
                    continue
                a2, b2 = self._trim(a, b)
                if b2 - a2 < 20 or "\n" in self.text[a2:b2]:
                    continue
                st = Stmt(self.publisher.id, (a2, b2), "asserts", a2, confidence=0.3, about=self._about_before(a2))
                claims = self._describe(st)
                if not claims:
                    continue
                stmts_out.append(Statement(
                    id=f"st_{len(stmts_out) + 1}", speaker=self.publisher.id, claims=tuple(claims),
                    span=Span(start=a2, end=b2, text=self.text[a2:b2]), stance="asserts", confidence=0.3))
        # every claim with content is attributed: what no statement carries is the publisher's
        if self.publisher is not None:
            referenced = {c for x in stmts_out for c in x.claims}
            pending: dict[int, list[str]] = {}
            for it in items_sorted:
                if it.claim not in referenced:
                    pending.setdefault(sent_of(it.pos), []).append(it.claim)
                    referenced.add(it.claim)
            ends = {a: b for a, b in self.sentence_ranges}
            for k, claims in pending.items():
                existing = next((i for i, x in enumerate(stmts_out) if x.speaker == self.publisher.id and k in ends and x.span.start >= k and x.span.end <= ends[k]), None)
                if existing is not None:
                    x = stmts_out[existing]
                    stmts_out[existing] = x.model_copy(update={"claims": tuple(dict.fromkeys((*x.claims, *claims)))})
                    continue
                a, b = (k, ends[k]) if k in ends else (0, len(self.text))
                a2, b2 = self._trimmed(a, b)
                stmts_out.append(Statement(
                    id=f"st_{len(stmts_out) + 1}", speaker=self.publisher.id, claims=tuple(dict.fromkeys(claims)),
                    span=Span(start=a2, end=b2, text=self.text[a2:b2]), stance="asserts", confidence=0.4))
        # a party every account of a clash names (as participant or casualty) is part of the
        # event itself; the other parties stay separate, attributed claims
        speakers_of: dict[str, set[str]] = {}
        for x in stmts_out:
            for c in x.claims:
                speakers_of.setdefault(c, set()).add(x.speaker)
        ev_claim = {e.id: e.claim for e in events_out}
        moved = []
        for ev in events_out:
            if ev.type not in ("armed_clash", "battle"):
                continue
            parts = [p for p in self.participants if p.event == ev.id and p.role == "participant"]
            accounts = set().union(*(speakers_of.get(p.claim, set()) for p in parts)) if parts else set()
            if len(accounts) < 2:
                continue
            naming: dict[str, set[str]] = {}
            for p in parts:
                naming.setdefault(p.actor, set()).update(speakers_of.get(p.claim, set()))
            for c in self.casualties:
                if c.event == ev.id and t.by_id[c.group].type in ("state_force", "armed_group", "people_group"):
                    naming.setdefault(c.group, set()).update(speakers_of.get(c.claim, set()))
            for actor, who in naming.items():
                if who >= accounts:
                    moved.append(Participant(event=ev.id, actor=actor, role="participant", claim=ev_claim[ev.id], confidence=0.7))
                    self.participants = [p for p in self.participants if not (p.event == ev.id and p.actor == actor and p.role == "participant")]
        self.participants.extend(moved)
        # conflicting accounts: different speakers name different participants of one event
        claim_speakers: dict[str, set[str]] = {}
        for st in stmts_out:
            for c in st.claims:
                claim_speakers.setdefault(c, set()).add(st.speaker)
        conflicts: dict[str, set[str]] = {}
        in_alt = {c for a in self.alternatives for c in a.claims}
        by_event: dict[tuple[str, str], list[Participant]] = {}
        for p in self.participants:
            by_event.setdefault((p.event, p.role), []).append(p)
        for (_ev, _role), ps in by_event.items():
            for p in ps:
                for q in ps:
                    if p.claim >= q.claim or p.claim in in_alt or q.claim in in_alt:
                        continue
                    sp, sq = claim_speakers.get(p.claim, set()), claim_speakers.get(q.claim, set())
                    if sp and sq and not (sp & sq):
                        # each speaker names one and not the other; a party both name is shared
                        conflicts.setdefault(p.claim, set()).add(q.claim)
        # keep only claims with content
        used_claims = ({e.claim for e in events_out} | {p.claim for p in self.participants}
                       | {c.claim for c in self.casualties} | {r.claim for r in self.relations})
        stmts_out = [s.model_copy(update={"claims": tuple(c for c in s.claims if c in used_claims)}) for s in stmts_out]
        stmts_out = [s for s in stmts_out if s.claims]
        stmts_out = self._attribute_orphans(stmts_out, used_claims, items_sorted, sent_of)
        claims_out = [Claim(id=c, label=self.claims[c], conflicts_with=tuple(sorted(conflicts.get(c, ())))) for c in self.claims if c in used_claims]
        alternatives = [a for a in self.alternatives if all(c in used_claims for c in a.claims)]
        used_entities = ({s.speaker for s in stmts_out} | {s.channel for s in stmts_out if s.channel}
                         | {s.on_behalf_of for s in stmts_out if s.on_behalf_of}
                         | {p.actor for p in self.participants} | {c.group for c in self.casualties}
                         | {e.place for e in events_out if e.place}
                         | {r.subject for r in self.relations} | {r.object for r in self.relations if r.object})
        used_entities |= {e.id for e in t.by_id.values() if e.mentions and e.type in PLACE_TYPES | {"person", "armed_group", "media_outlet", "government_body", "state_force", "organization"}}
        used_entities -= {e.id for e in events_out}
        entities = t.entities({u for u in used_entities if u in t.by_id})
        note = "; ".join(warnings) if warnings else None
        return Annotation(
            article=self.article.id, text_sha256=self.article.sha256,
            provenance=Provenance(kind="extracted", agent=self.agent, version=self.version, note=note),
            entities=tuple(entities), claims=tuple(claims_out), events=tuple(events_out),
            participants=tuple(self.participants), casualties=tuple(self.casualties),
            relations=tuple(self.relations), alternatives=tuple(alternatives), statements=tuple(stmts_out),
        )
