"""Stage 4: map an article and its annotation to RDF quads.

Pure and deterministic: the same article and annotation give the same IRIs and the same
sorted quads on every run (no blank nodes, no clock). The article owns its named graphs:

* ``{base}article/{id}/graph`` -- the document graph: the article and its exact text, the
  text spans, the statements (who said what, how), the entities as this article describes
  them, claim and alternative-set descriptions, and the annotation's provenance;
* ``{base}article/{id}/claim/{cid}`` -- one graph per claim: the proposition itself (events,
  participants, casualty figures, relations), never asserted as fact by newskg, only
  attributed through statements.

ontology/newskg.ttl documents every term used here.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

from . import dates
from .article import Article
from .model import Annotation, DateRef, Entity, Span
from .vocab import (
    A,
    DCT,
    GAF,
    GRASPF,
    NIF,
    NKGNS,
    OA,
    PROV,
    RDFS,
    SCHEMA,
    SEM,
    SKOS,
    WD,
    XSD,
    Iris,
    event_type_iri,
    event_types,
)

ENTITY_CLASS = {
    "person": "Person",
    "organization": "Organization",
    "government_body": "GovernmentBody",
    "armed_group": "ArmedGroup",
    "state_force": "StateForce",
    "media_outlet": "MediaOutlet",
    "anonymous_source": "AnonymousSource",
    "collective_source": "CollectiveSource",
    "people_group": "PeopleGroup",
    "country": "Country",
    "province": "Province",
    "district": "District",
    "settlement": "Settlement",
    "region": "Region",
    "facility": "Facility",
    "area": "Area",
}
STANCE = {
    "asserts": "Asserts",
    "confirms": "Confirms",
    "denies": "Denies",
    "claims_responsibility": "ClaimsResponsibility",
    "accuses": "Accuses",
}
MEDIUM = {
    "written_statement": "WrittenStatement",
    "interview": "Interview",
    "press_conference": "PressConference",
    "social_media_post": "SocialMediaPost",
    "speech": "Speech",
    "report": "PublishedReport",
}
MODALITY = {"alleged": "Alleged", "negated": "Negated", "hypothetical": "Hypothetical"}
ROLE = {"attacker": "hasAttacker", "target": "hasTarget", "participant": "hasParticipant"}
RELATION = {
    "before": "before",
    "controlled_by": "controlledBy",
    "outside_control_of": "outsideControlOf",
    "used_by": "usedBy",
    "operated_near": "operatedNear",
    "responsible_for": "responsibleFor",
    "member_of": "memberOf",
    "located_in": "locatedIn",
    "described_as": "describedAs",
    "identity_known": "identityKnown",
}
QUOTE_CONTEXT = 32


class MappingError(ValueError):
    """The annotation cannot be mapped (for example, an unknown event type)."""


@dataclass(frozen=True)
class ArticleGraph:
    """The output of mapping: every quad of one article, sorted, and the graphs it owns."""

    article_id: str
    document_graph: ox.NamedNode
    claim_graphs: tuple[ox.NamedNode, ...]
    quads: tuple[ox.Quad, ...]

    @property
    def graphs(self) -> tuple[ox.NamedNode, ...]:
        return (self.document_graph, *self.claim_graphs)

    def nquads(self) -> bytes:
        return ox.serialize(self.quads, format=ox.RdfFormat.N_QUADS) or b""

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        # Between processes an article graph travels as N-Quads: pickling ~1,200 pyoxigraph
        # terms one by one costs about 10x more than serialising and parsing them.
        claims = tuple(g.value for g in self.claim_graphs)
        return (_from_nquads, (self.article_id, self.document_graph.value, claims, self.nquads()))


def _from_nquads(article_id: str, document_graph: str, claim_graphs: tuple[str, ...], data: bytes) -> ArticleGraph:
    quads = tuple(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    return ArticleGraph(article_id, ox.NamedNode(document_graph), tuple(map(ox.NamedNode, claim_graphs)), quads)


def _str(value: str) -> ox.Literal:
    return ox.Literal(value)


def _int(value: int, datatype: ox.NamedNode = XSD.integer) -> ox.Literal:
    return ox.Literal(str(value), datatype=datatype)


def _date(value) -> ox.Literal:  # noqa: ANN001 - a datetime.date
    return ox.Literal(value.isoformat(), datatype=XSD.date)


def _decimal(value: float) -> ox.Literal:
    return ox.Literal(f"{value:.3f}", datatype=XSD.decimal)


def _bool(value: bool) -> ox.Literal:
    return ox.Literal("true" if value else "false", datatype=XSD.boolean)


class _Writer:
    def __init__(self) -> None:
        self.quads: set[ox.Quad] = set()

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal, g: ox.NamedNode) -> None:
        self.quads.add(ox.Quad(s, p, o, g))

    def opt(self, s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal | None, g: ox.NamedNode) -> None:
        if o is not None:
            self.add(s, p, o, g)


def entity_iri(iris: Iris, entity: Entity) -> ox.NamedNode:
    """Linked entities are shared across articles (one IRI per QID or gazetteer place);
    media outlets by name; everything else belongs to its article."""
    if entity.link and entity.link.qid:
        return iris.linked_entity(entity.link.qid)
    if entity.link and entity.link.key:
        return iris.gazetteer_place(entity.link.key)
    if entity.type == "media_outlet":
        return iris.outlet(entity.label)
    return iris.local_entity(entity.id)


def map_article(article: Article, annotation: Annotation, base: str) -> ArticleGraph:
    if annotation.article != article.id:
        raise MappingError(f"annotation is for article {annotation.article!r}, not {article.id!r}")
    known_types = event_types()
    for ev in annotation.events:
        if ev.type.replace("_", "-") not in known_types:
            raise MappingError(
                f"event {ev.id}: unknown event type {ev.type!r} (see ontology/event-types.ttl)"
            )

    iris = Iris(base, article.id)
    w = _Writer()
    doc = iris.graph
    art = iris.article
    text = article.text
    published = article.meta.published

    def span(sp: Span) -> ox.NamedNode:
        node = iris.span(sp.start, sp.end)
        w.add(node, A, NIF.OffsetBasedString, doc)
        w.add(node, A, OA.TextQuoteSelector, doc)
        w.add(node, NIF.referenceContext, art, doc)
        w.add(node, NIF.beginIndex, _int(sp.start), doc)
        w.add(node, NIF.endIndex, _int(sp.end), doc)
        w.add(node, NIF.anchorOf, _str(sp.text), doc)
        w.add(node, OA.exact, _str(sp.text), doc)
        w.add(node, OA.prefix, _str(text[max(0, sp.start - QUOTE_CONTEXT) : sp.start]), doc)
        w.add(node, OA.suffix, _str(text[sp.end : sp.end + QUOTE_CONTEXT]), doc)
        return node

    def confidence(node: ox.NamedNode, value: float, graph: ox.NamedNode) -> None:
        if value < 1.0:
            w.add(node, NKGNS.confidence, _decimal(value), graph)

    # -- the article ---------------------------------------------------------------------
    meta = article.meta
    w.add(art, A, SCHEMA.NewsArticle, doc)
    w.add(art, A, NIF.Context, doc)
    w.add(art, DCT.identifier, _str(meta.id), doc)
    w.add(art, NIF.isString, _str(text), doc)
    w.add(art, NKGNS.textSha256, _str(article.sha256), doc)
    w.add(art, DCT.language, _str(meta.language), doc)
    w.opt(art, SCHEMA.headline, _str(meta.title) if meta.title else None, doc)
    w.opt(art, SCHEMA.datePublished, _date(published) if published else None, doc)
    w.opt(art, NKGNS.publishedBasis, _str(meta.published_basis) if meta.published_basis else None, doc)
    w.opt(art, SCHEMA.url, ox.NamedNode(meta.url) if meta.url and _is_iri(meta.url) else None, doc)
    w.opt(art, NKGNS.origin, _str(meta.origin) if meta.origin else None, doc)
    w.opt(art, SCHEMA.license, _str(meta.licence) if meta.licence else None, doc)
    if meta.publisher:
        publisher = iris.outlet(meta.publisher)
        w.add(art, SCHEMA.publisher, publisher, doc)
        w.add(publisher, A, NKGNS.MediaOutlet, doc)
        w.add(publisher, A, SEM.Actor, doc)
        w.add(publisher, RDFS.label, _str(meta.publisher), doc)

    # -- provenance of the annotation ----------------------------------------------------
    prov = annotation.provenance
    activity = iris.annotation
    agent = iris.agent("curator" if prov.kind == "curated" else "extractor", prov.agent, prov.version)
    w.add(activity, A, PROV.Activity, doc)
    w.add(activity, A, NKGNS.Annotation, doc)
    w.add(activity, NKGNS.annotationMethod, _str(prov.kind), doc)
    w.add(activity, NKGNS.schemaVersion, _str(annotation.schema_), doc)
    w.add(activity, PROV.used, art, doc)
    w.add(activity, PROV.wasAssociatedWith, agent, doc)
    w.opt(activity, DCT.date, _date(prov.date) if prov.date else None, doc)
    w.opt(activity, RDFS.comment, _str(prov.note) if prov.note else None, doc)
    w.add(agent, A, PROV.Person if prov.kind == "curated" else PROV.SoftwareAgent, doc)
    w.add(agent, RDFS.label, _str(prov.agent), doc)
    w.opt(agent, SCHEMA.softwareVersion, _str(prov.version) if prov.version else None, doc)
    w.add(doc, PROV.wasGeneratedBy, activity, doc)
    w.add(doc, PROV.wasDerivedFrom, art, doc)

    # -- entities --------------------------------------------------------------------------
    entities = {e.id: e for e in annotation.entities}
    node_of = {e.id: entity_iri(iris, e) for e in annotation.entities}
    events = {ev.id: iris.event(ev.id) for ev in annotation.events}
    acting = (
        {p.actor for p in annotation.participants}
        | {s.speaker for s in annotation.statements}
        | {s.on_behalf_of for s in annotation.statements if s.on_behalf_of}
        | {c.group for c in annotation.casualties}
    )
    for e in annotation.entities:
        node = node_of[e.id]
        w.add(node, A, NKGNS[ENTITY_CLASS[e.type]], doc)
        w.add(node, A, SEM.Place if e.is_place else SEM.Actor, doc)
        if e.is_place and e.id in acting:
            w.add(node, A, SEM.Actor, doc)
        w.add(node, RDFS.label, _str(e.label), doc)
        for alias in e.aliases:
            w.add(node, SKOS.altLabel, _str(alias), doc)
        if e.located_in:
            w.add(node, NKGNS.locatedIn, node_of[e.located_in], doc)
        if e.affiliation:
            w.add(node, NKGNS.affiliatedWith, node_of[e.affiliation], doc)
        if e.country:
            w.add(node, NKGNS.country, node_of[e.country], doc)
        for m in e.mentions:
            w.add(node, GAF.denotedBy, span(m), doc)
        confidence(node, e.confidence, doc)
        if e.link:
            link = iris.link(e.id)
            w.add(link, A, NKGNS.EntityLink, doc)
            w.add(link, NKGNS.linkSubject, node, doc)
            w.add(link, NKGNS.linkMethod, _str(e.link.method), doc)
            w.add(link, NKGNS.linkScore, _decimal(e.link.score), doc)
            w.opt(link, DCT.source, _str(e.link.source) if e.link.source else None, doc)
            w.opt(link, NKGNS.runnerUp, _str(e.link.runner_up) if e.link.runner_up else None, doc)
            if e.link.qid:
                w.add(node, SKOS.exactMatch, WD[e.link.qid], doc)
                w.add(link, NKGNS.linkTarget, WD[e.link.qid], doc)
            if e.link.key:
                w.add(link, NKGNS.gazetteerKey, _str(e.link.key), doc)

    # -- claims, with their content in their own graphs ------------------------------------
    claims = {c.id: iris.claim(c.id) for c in annotation.claims}
    for c in annotation.claims:
        g = claims[c.id]
        w.add(g, A, NKGNS.Claim, doc)
        w.add(g, RDFS.label, _str(c.label), doc)
        w.add(g, PROV.wasDerivedFrom, art, doc)
        w.add(g, PROV.wasGeneratedBy, activity, doc)
        for other in c.conflicts_with:
            w.add(g, NKGNS.conflictsWith, claims[other], doc)
            w.add(claims[other], NKGNS.conflictsWith, g, doc)

    def event_date(node: ox.NamedNode, ref: DateRef, g: ox.NamedNode) -> None:
        r = dates.resolve(ref, published)
        if r.exact:
            w.add(node, SEM.hasBeginTimeStamp, _date(r.exact), g)
        if r.earliest:
            w.add(node, SEM.hasEarliestBeginTimeStamp, _date(r.earliest), g)
        if r.latest:
            w.add(node, SEM.hasLatestEndTimeStamp, _date(r.latest), g)
        if r.month_day:
            month, day = r.month_day
            w.add(node, NKGNS.monthDay, ox.Literal(f"--{month:02d}-{day:02d}", datatype=XSD.gMonthDay), g)
        if r.month:
            w.add(node, NKGNS.month, ox.Literal(f"--{r.month:02d}", datatype=XSD.gMonth), g)
        w.opt(node, NKGNS.dateExpression, _str(r.expression) if r.expression else None, g)
        w.opt(node, NKGNS.dateBasis, _str(r.basis) if r.basis else None, g)
        clock_time(node, ref, r.exact, g)

    def clock_time(node: ox.NamedNode, ref: DateRef, day, g: ox.NamedNode) -> None:  # noqa: ANN001
        """"at 3 p.m. (1200 GMT)": the time of day, and the instant when the day is known."""
        if ref.time is None:
            return
        zone = "Z" if ref.time_utc else ""
        w.add(node, NKGNS.timeOfDay, ox.Literal(f"{ref.time}:00{zone}", datatype=XSD.time), g)
        if day is not None:
            w.add(node, NKGNS.dateTime, ox.Literal(f"{day.isoformat()}T{ref.time}:00{zone}", datatype=XSD.dateTime), g)
        if ref.time_span is not None:
            w.add(node, NKGNS.timeExpression, _str(ref.time_span.text), g)

    for ev in annotation.events:
        node, g = events[ev.id], claims[ev.claim]
        w.add(node, A, SEM.Event, g)
        w.add(node, SEM.eventType, event_type_iri(ev.type), g)
        w.opt(node, RDFS.label, _str(ev.label) if ev.label else None, g)
        if ev.place:
            w.add(node, SEM.hasPlace, node_of[ev.place], g)
        if ev.date:
            event_date(node, ev.date, g)
        if ev.subevent_of:
            w.add(events[ev.subevent_of], SEM.hasSubEvent, node, g)
        if ev.modality != "asserted":
            w.add(node, NKGNS.modality, NKGNS[MODALITY[ev.modality]], g)
        confidence(node, ev.confidence, g)
        for m in ev.mentions:
            w.add(node, GAF.denotedBy, span(m), doc)

    for p in annotation.participants:
        g = claims[p.claim]
        w.add(events[p.event], NKGNS[ROLE[p.role]], node_of[p.actor], g)
        w.add(events[p.event], SEM.hasActor, node_of[p.actor], g)

    for c in annotation.casualties:
        node, g = iris.casualty(c.id), claims[c.claim]
        group = entities[c.group]
        w.add(node, A, NKGNS.CasualtyFigure, g)
        w.add(node, NKGNS.ofEvent, events[c.event], g)
        w.add(node, NKGNS.casualtyKind, NKGNS[c.kind.capitalize()], g)
        w.add(node, NKGNS.affectedGroup, node_of[c.group], g)
        w.opt(node, NKGNS.count, _int(c.count) if c.count is not None else None, g)
        w.opt(node, NKGNS.countAtLeast, _int(c.at_least) if c.at_least is not None else None, g)
        w.opt(node, NKGNS.countAtMost, _int(c.at_most) if c.at_most is not None else None, g)
        figure = c.count if c.count is not None else (
            f"at least {c.at_least}" if c.at_least is not None else f"at most {c.at_most}")
        w.add(node, RDFS.label, _str(f"{figure} {c.kind}: {group.label}"), g)
        confidence(node, c.confidence, g)
        if c.span:
            w.add(node, GAF.denotedBy, span(c.span), doc)

    nodes = {**node_of, **events}
    for r in annotation.relations:
        g = claims[r.claim]
        obj: ox.NamedNode | ox.Literal
        if r.object is not None:
            obj = nodes[r.object]
        elif isinstance(r.value, bool):
            obj = _bool(r.value)
        else:
            obj = _str(str(r.value))
        w.add(nodes[r.subject], NKGNS[RELATION[r.predicate]], obj, g)

    for alt in annotation.alternatives:
        node = iris.alternatives(alt.id)
        w.add(node, A, NKGNS.AlternativeSet, doc)
        w.add(node, RDFS.label, _str(alt.label), doc)
        w.add(node, NKGNS.exclusive, _bool(alt.exclusive), doc)
        for c in alt.claims:
            w.add(node, NKGNS.alternative, claims[c], doc)
        if alt.span:
            w.add(node, GAF.denotedBy, span(alt.span), doc)

    # -- statements: who said what, how ------------------------------------------------------
    for s in annotation.statements:
        node = iris.statement(s.id)
        speaker = entities[s.speaker]
        w.add(node, A, NKGNS.Statement, doc)
        w.add(node, RDFS.label, _str(f"{speaker.label}: {_short(s.span.text)}"), doc)
        w.add(node, PROV.wasDerivedFrom, art, doc)
        w.add(node, NKGNS.speaker, node_of[s.speaker], doc)
        w.add(node, NKGNS.stance, NKGNS[STANCE[s.stance]], doc)
        w.add(node, NKGNS.certainty, GRASPF[s.certainty], doc)
        w.add(node, NKGNS.polarity, GRASPF[s.polarity], doc)
        w.add(node, NKGNS.evidence, span(s.span), doc)
        for c in s.claims:
            w.add(node, NKGNS.claim, claims[c], doc)
        w.opt(node, NKGNS.speakerRole, _str(s.role) if s.role else None, doc)
        if s.on_behalf_of:
            w.add(node, NKGNS.onBehalfOf, node_of[s.on_behalf_of], doc)
        if s.channel:
            w.add(node, NKGNS.channel, node_of[s.channel], doc)
        if s.medium:
            w.add(node, NKGNS.medium, NKGNS[MEDIUM[s.medium]], doc)
        w.opt(node, NKGNS.hedge, _str(s.hedge) if s.hedge else None, doc)
        if s.embedded_in:
            w.add(node, NKGNS.embeddedIn, iris.statement(s.embedded_in), doc)
        if s.date:
            r = dates.resolve(s.date, published)
            w.opt(node, NKGNS.statementDate, _date(r.exact) if r.exact else None, doc)
            w.opt(node, NKGNS.statementDateEarliest, _date(r.earliest) if r.earliest else None, doc)
            w.opt(node, NKGNS.statementDateLatest, _date(r.latest) if r.latest else None, doc)
            w.opt(node, NKGNS.statementDateExpression, _str(r.expression) if r.expression else None, doc)
            w.opt(node, NKGNS.statementDateBasis, _str(r.basis) if r.basis else None, doc)
            clock_time(node, s.date, r.exact, doc)
        confidence(node, s.confidence, doc)

    quads = tuple(sorted(w.quads, key=str))
    return ArticleGraph(article.id, doc, tuple(claims[c.id] for c in annotation.claims), quads)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _is_iri(value: str) -> bool:
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return "://" in value
