"""The annotation model: one typed, versioned document per article.

It is the single interface between extraction (or a human curator) and the RDF mapping. A
curated annotation file (``<article>.ann.yaml``) is this model written as YAML; the extractor
produces the same model. Every item carries the character spans of the article text that
support it, so every triple the mapping writes can be traced back to the exact characters.

Identifiers (``id`` fields and references to them) are local to one annotation; the mapping
turns them into IRIs. The model checks that every reference resolves; ``check_spans`` checks
every span against the article text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

SCHEMA_VERSION = "newskg-annotation/1"

LocalId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_\-]*$", max_length=120)]
Qid = Annotated[str, Field(pattern=r"^Q[1-9][0-9]*$")]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]

ActorType = Literal[
    "person",
    "organization",
    "government_body",
    "armed_group",
    "state_force",
    "media_outlet",
    "anonymous_source",
    "collective_source",
    "people_group",
]
PlaceType = Literal["country", "province", "district", "settlement", "region", "facility", "area"]
EntityType = Literal[ActorType, PlaceType]
ACTOR_TYPES: frozenset[str] = frozenset(ActorType.__args__)  # type: ignore[attr-defined]
PLACE_TYPES: frozenset[str] = frozenset(PlaceType.__args__)  # type: ignore[attr-defined]

Stance = Literal["asserts", "confirms", "denies", "claims_responsibility", "accuses"]
# The form a statement took ("in a statement", "in an interview", "tweeted"): nkg:MediumScheme.
Medium = Literal["written_statement", "interview", "press_conference", "social_media_post", "speech", "report"]
Certainty = Literal["certain", "probable", "possible", "underspecified"]
Polarity = Literal["positive", "negative"]
Modality = Literal["asserted", "alleged", "negated", "hypothetical"]
CasualtyKind = Literal["killed", "wounded", "captured", "missing", "displaced", "affected"]
ParticipantRole = Literal["attacker", "target", "participant"]
RelativeDate = Literal[
    "today",
    "yesterday",
    "tomorrow",
    "weekday",
    "this_week",
    "last_week",
    "earlier_this_month",
    "last_month",
    "earlier_this_year",
    "last_year",
]
Weekday = Literal["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

# Relations between entities and events that are claims in their own right. Each maps to one
# property of the ontology (see ingest/mapping.py and ontology/newskg.ttl).
RelationPredicate = Literal[
    "before",  # event -> event: the subject happened before the object
    "controlled_by",  # place -> actor
    "outside_control_of",  # place -> actor
    "used_by",  # place -> actor
    "operated_near",  # actor -> place
    "responsible_for",  # actor -> event (claimed or attributed responsibility)
    "member_of",  # actor -> actor
    "located_in",  # event/place -> place, as a claim rather than background fact
    "described_as",  # anything -> text value ("a forested area")
    "identity_known",  # actor -> boolean value
]


class _Item(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Span(_Item):
    """Half-open character range [start, end) into the unmodified article text."""

    start: int = Field(ge=0)
    end: int = Field(gt=0)
    text: str = Field(min_length=1)

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end <= self.start:
            raise ValueError(f"span end {self.end} must be greater than start {self.start}")
        if self.end - self.start != len(self.text):
            raise ValueError(
                f"span [{self.start}, {self.end}) is {self.end - self.start} characters long "
                f"but its text {self.text!r} has {len(self.text)}"
            )
        return self


class DateRef(_Item):
    """A date as the article expresses it. The year may be missing ("on August 26"); relative
    expressions ("today", "earlier this month") are resolved against the publication date by
    ingest.dates; nothing is invented when the article has no publication date."""

    text: str | None = None
    year: int | None = Field(default=None, ge=1, le=9999)
    month: int | None = Field(default=None, ge=1, le=12)
    day: int | None = Field(default=None, ge=1, le=31)
    relative: RelativeDate | None = None
    weekday: Weekday | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    span: Span | None = None
    # the clock time, when the article gives one ("at 3 p.m. (1200 GMT)"): 24-hour "HH:MM";
    # time_utc says it is in UTC/GMT, otherwise it is local time of unknown zone
    time: str | None = Field(default=None, pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    time_utc: bool = False
    time_span: Span | None = None

    @model_validator(mode="after")
    def _consistent(self) -> DateRef:
        if (self.time_utc or self.time_span is not None) and self.time is None:
            raise ValueError("time_utc and time_span need a time")
        if self.relative == "weekday" and self.weekday is None:
            raise ValueError("relative: weekday needs a weekday")
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.year is not None and self.month is not None and self.day is not None:
            dt.date(self.year, self.month, self.day)  # raises ValueError for 2018-02-30
        if self.month is not None and self.day is not None:
            dt.date(2000, self.month, self.day)  # a leap year: 02-29 is a valid month-day
        if self.earliest and self.latest and self.earliest > self.latest:
            raise ValueError(f"earliest {self.earliest} is after latest {self.latest}")
        if not any(
            (self.year, self.month, self.relative, self.earliest, self.latest, self.text)
        ):
            raise ValueError("a date needs at least a text, a year, a month, bounds or a relative expression")
        return self


class Link(_Item):
    """How an entity was linked to Wikidata (or to a gazetteer place without a QID).

    ``method``: ``curated`` (a person), ``exact_label`` / ``alias`` (the name is the
    gazetteer's label / one of its aliases), ``variant`` (same transliteration skeleton,
    e.g. Dasht-e Qala = Dashti Qala), ``fuzzy`` (edit distance), ``context`` (a tie broken by
    the article's other places), ``hierarchy`` (a gazetteer ancestor of a linked place, added
    so the located-in chain is complete). ``source`` names the gazetteer dataset and version
    (``gazetteer:<dataset>@<commit>``) or the online API and retrieval date.
    ``runner_up``: the best rejected candidate (QID or gazetteer key), when there was one."""

    qid: Qid | None = None
    key: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9_\-/]*$")
    method: Literal["curated", "exact_label", "alias", "variant", "fuzzy", "context", "hierarchy"] = "curated"
    score: Confidence = 1.0
    source: str | None = None
    runner_up: str | None = None

    @model_validator(mode="after")
    def _target(self) -> Link:
        if self.qid is None and self.key is None:
            raise ValueError("a link needs a qid or a gazetteer key")
        return self


class Entity(_Item):
    """An actor or a place, as the article names it."""

    id: LocalId
    type: EntityType
    label: str = Field(min_length=1)
    aliases: tuple[str, ...] = ()
    link: Link | None = None
    located_in: LocalId | None = None
    affiliation: LocalId | None = None
    country: LocalId | None = None
    mentions: tuple[Span, ...] = ()
    confidence: Confidence = 1.0

    @model_validator(mode="before")
    @classmethod
    def _qid_shorthand(cls, data: object) -> object:
        # "qid: Q889" on an entity is shorthand for a curated link.
        if isinstance(data, dict) and "qid" in data:
            data = dict(data)
            qid = data.pop("qid")
            source = data.pop("qid_source", None)
            if data.get("link") is not None:
                raise ValueError("give either qid or link, not both")
            data["link"] = {"qid": qid, "method": "curated", "source": source}
        return data

    @property
    def is_place(self) -> bool:
        return self.type in PLACE_TYPES

    @property
    def qid(self) -> str | None:
        return self.link.qid if self.link else None


class Claim(_Item):
    """One atomic proposition: it becomes one named graph. Its content is every event,
    participant, casualty figure and relation whose ``claim`` names it."""

    id: LocalId
    label: str = Field(min_length=1)
    conflicts_with: tuple[LocalId, ...] = ()


class Event(_Item):
    id: LocalId
    type: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    claim: LocalId
    label: str | None = None
    date: DateRef | None = None
    place: LocalId | None = None
    subevent_of: LocalId | None = None
    modality: Modality = "asserted"
    mentions: tuple[Span, ...] = ()
    confidence: Confidence = 1.0


class Participant(_Item):
    event: LocalId
    actor: LocalId
    role: ParticipantRole = "participant"
    claim: LocalId
    confidence: Confidence = 1.0


class Casualty(_Item):
    id: LocalId
    event: LocalId
    kind: CasualtyKind
    group: LocalId
    claim: LocalId
    count: int | None = Field(default=None, ge=0)
    at_least: int | None = Field(default=None, ge=0)
    at_most: int | None = Field(default=None, ge=0)
    span: Span | None = None
    confidence: Confidence = 1.0

    @model_validator(mode="after")
    def _figure(self) -> Casualty:
        if self.count is None and self.at_least is None and self.at_most is None:
            raise ValueError("a casualty figure needs count, at_least or at_most")
        if self.count is not None and (self.at_least is not None or self.at_most is not None):
            raise ValueError("give an exact count or bounds, not both")
        if self.at_least is not None and self.at_most is not None and self.at_least > self.at_most:
            raise ValueError(f"at_least {self.at_least} is greater than at_most {self.at_most}")
        return self


class Relation(_Item):
    subject: LocalId
    predicate: RelationPredicate
    object: LocalId | None = None
    value: str | bool | None = None
    claim: LocalId
    confidence: Confidence = 1.0

    @model_validator(mode="after")
    def _one_object(self) -> Relation:
        if (self.object is None) == (self.value is None):
            raise ValueError("a relation needs exactly one of object (an id) or value (a literal)")
        literal_predicates = {"described_as", "identity_known"}
        if (self.predicate in literal_predicates) != (self.value is not None):
            kind = "a value" if self.predicate in literal_predicates else "an object"
            raise ValueError(f"predicate {self.predicate} takes {kind}")
        return self


class AlternativeSet(_Item):
    """Mutually exclusive (or just alternative) claims: "a Tajik or Russian plane"."""

    id: LocalId
    label: str = Field(min_length=1)
    claims: tuple[LocalId, ...] = Field(min_length=2)
    exclusive: bool = True
    span: Span | None = None


class Statement(_Item):
    """Who said what (the claims), in which role, through which channel, when, with which
    stance, certainty and polarity. A denial is the denied claim with negative polarity."""

    id: LocalId
    speaker: LocalId
    claims: tuple[LocalId, ...] = Field(min_length=1)
    span: Span
    stance: Stance = "asserts"
    certainty: Certainty = "certain"
    polarity: Polarity = "positive"
    role: str | None = None
    on_behalf_of: LocalId | None = None
    channel: LocalId | None = None
    medium: Medium | None = None
    date: DateRef | None = None
    hedge: str | None = None
    embedded_in: LocalId | None = None
    confidence: Confidence = 1.0

    @model_validator(mode="after")
    def _denial_is_negative(self) -> Statement:
        if self.stance == "denies" and self.polarity != "negative":
            raise ValueError("a denial carries negative polarity")
        return self


class Provenance(_Item):
    """Who or what made this annotation, and when."""

    kind: Literal["curated", "extracted"]
    agent: str = Field(min_length=1)
    version: str | None = None
    date: dt.date | None = None
    note: str | None = None


class Annotation(_Item):
    schema_: Literal["newskg-annotation/1"] = Field(default=SCHEMA_VERSION, alias="schema")
    article: str = Field(min_length=1)
    text_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    provenance: Provenance
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    events: tuple[Event, ...] = ()
    participants: tuple[Participant, ...] = ()
    casualties: tuple[Casualty, ...] = ()
    relations: tuple[Relation, ...] = ()
    alternatives: tuple[AlternativeSet, ...] = ()
    statements: tuple[Statement, ...] = ()

    @field_validator(
        "entities", "claims", "events", "casualties", "alternatives", "statements", mode="after"
    )
    @classmethod
    def _unique_ids(cls, items: tuple[BaseModel, ...]) -> tuple[BaseModel, ...]:
        seen: set[str] = set()
        for item in items:
            ident = item.id  # type: ignore[attr-defined]
            if ident in seen:
                raise ValueError(f"duplicate id {ident!r}")
            seen.add(ident)
        return items

    @model_validator(mode="after")
    def _references_resolve(self) -> Annotation:
        problems = list(self.reference_problems())
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def reference_problems(self) -> Iterator[str]:
        entities = {e.id: e for e in self.entities}
        events = {e.id for e in self.events}
        claims = {c.id for c in self.claims}
        statements = {s.id for s in self.statements}
        nodes = set(entities) | events

        def need(kind: str, where: str, ref: str | None, pool: set[str] | dict) -> Iterator[str]:
            if ref is not None and ref not in pool:
                yield f"{where}: unknown {kind} {ref!r}"

        for e in self.entities:
            yield from need("entity", f"entity {e.id} located_in", e.located_in, entities)
            yield from need("entity", f"entity {e.id} affiliation", e.affiliation, entities)
            yield from need("entity", f"entity {e.id} country", e.country, entities)
            if e.located_in and e.located_in in entities and not entities[e.located_in].is_place:
                yield f"entity {e.id} located_in: {e.located_in!r} is not a place"
        for c in self.claims:
            for other in c.conflicts_with:
                yield from need("claim", f"claim {c.id} conflicts_with", other, claims)
        for ev in self.events:
            yield from need("claim", f"event {ev.id}", ev.claim, claims)
            yield from need("entity", f"event {ev.id} place", ev.place, entities)
            yield from need("event", f"event {ev.id} subevent_of", ev.subevent_of, events)
            if ev.place and ev.place in entities and not entities[ev.place].is_place:
                yield f"event {ev.id} place: {ev.place!r} is not a place"
        for i, p in enumerate(self.participants):
            yield from need("event", f"participant #{i + 1}", p.event, events)
            yield from need("entity", f"participant #{i + 1}", p.actor, entities)
            yield from need("claim", f"participant #{i + 1}", p.claim, claims)
        for c in self.casualties:
            yield from need("event", f"casualty {c.id}", c.event, events)
            yield from need("entity", f"casualty {c.id} group", c.group, entities)
            yield from need("claim", f"casualty {c.id}", c.claim, claims)
        for i, r in enumerate(self.relations):
            yield from need("entity or event", f"relation #{i + 1} subject", r.subject, nodes)
            yield from need("entity or event", f"relation #{i + 1} object", r.object, nodes)
            yield from need("claim", f"relation #{i + 1}", r.claim, claims)
        for a in self.alternatives:
            for c in a.claims:
                yield from need("claim", f"alternatives {a.id}", c, claims)
        for s in self.statements:
            yield from need("entity", f"statement {s.id} speaker", s.speaker, entities)
            yield from need("entity", f"statement {s.id} on_behalf_of", s.on_behalf_of, entities)
            yield from need("entity", f"statement {s.id} channel", s.channel, entities)
            yield from need("statement", f"statement {s.id} embedded_in", s.embedded_in, statements)
            for c in s.claims:
                yield from need("claim", f"statement {s.id}", c, claims)
        used = (
            {e.claim for e in self.events}
            | {p.claim for p in self.participants}
            | {c.claim for c in self.casualties}
            | {r.claim for r in self.relations}
        )
        for c in self.claims:
            if c.id not in used:
                yield f"claim {c.id} has no content (no event, participant, casualty or relation names it)"

    def spans(self) -> Iterator[tuple[str, Span]]:
        """Every span in the annotation with a readable location, for checking."""
        for e in self.entities:
            for m in e.mentions:
                yield f"entity {e.id} mention", m
        for ev in self.events:
            for m in ev.mentions:
                yield f"event {ev.id} mention", m
            if ev.date and ev.date.span:
                yield f"event {ev.id} date", ev.date.span
            if ev.date and ev.date.time_span:
                yield f"event {ev.id} time", ev.date.time_span
        for c in self.casualties:
            if c.span:
                yield f"casualty {c.id}", c.span
        for a in self.alternatives:
            if a.span:
                yield f"alternatives {a.id}", a.span
        for s in self.statements:
            yield f"statement {s.id}", s.span
            if s.date and s.date.span:
                yield f"statement {s.id} date", s.date.span
            if s.date and s.date.time_span:
                yield f"statement {s.id} time", s.date.time_span


def check_spans(annotation: Annotation, text: str) -> list[str]:
    """Each span whose offsets do not select exactly its quoted text, as a message."""
    problems = []
    for where, span in annotation.spans():
        actual = text[span.start : span.end]
        if span.end > len(text):
            problems.append(
                f"{where}: span [{span.start}, {span.end}) ends past the end of the text ({len(text)} characters)"
            )
        elif actual != span.text:
            found = text.find(span.text)
            hint = f"; the quoted text occurs at [{found}, {found + len(span.text)})" if found >= 0 else ""
            problems.append(
                f"{where}: text[{span.start}:{span.end}] is {actual!r}, not {span.text!r}{hint}"
            )
    return problems
