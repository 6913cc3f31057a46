"""The seed article without its curated file: what the competency questions need."""

from __future__ import annotations

import datetime as dt

from ingest import dates
from ingest.mapping import map_article
from ingest.model import check_spans


def ents(ann):
    return {e.id: e for e in ann.entities}


def by_speaker(ann, surname):
    e = ents(ann)
    return [s for s in ann.statements if e[s.speaker].label.endswith(surname)]


def claim_content(ann, claim):
    return ([ev for ev in ann.events if ev.claim == claim], [p for p in ann.participants if p.claim == claim],
            [c for c in ann.casualties if c.claim == claim])


def test_provenance_and_offsets(seed, seed_article):
    assert seed.provenance.kind == "extracted"
    assert seed.provenance.agent == "newskg-extract"
    assert seed.provenance.version and "core_web_sm" in seed.provenance.version
    assert check_spans(seed, seed_article.text) == []
    assert seed.text_sha256 == seed_article.sha256
    for item in (*seed.entities, *seed.events, *seed.statements, *seed.casualties, *seed.participants):
        assert 0 < item.confidence <= 1


def test_maps_to_rdf(seed, seed_article):
    graph = map_article(seed_article, seed, "https://newskg.example/")
    assert len(graph.quads) > 500
    assert len(graph.claim_graphs) == len(seed.claims)


def test_ner_corrections(seed):
    e = ents(seed)
    labels = {x.label: x for x in seed.entities}
    assert labels["Khalil Asir"].type == "person"
    assert labels["Mohammad Jawid Hejri"].type == "person"  # spaCy says ORG
    assert labels["Zabihullah Mujahid"].type == "person"
    assert "Tajik" not in labels  # spaCy says PERSON: it is a demonym
    assert labels["RIA"].type == "media_outlet"  # spaCy misses it
    assert labels["Radio Liberty"].type == "media_outlet"
    dq = [x for x in seed.entities if x.link and x.link.key and "dashti-qala" in x.link.key]
    assert dq and any(m.text == "Dasht-e Qala district" for m in dq[0].mentions)  # not cut at the hyphen
    takhar = [x for x in seed.entities if x.qid == "Q186395"]
    assert takhar and e[takhar[0].located_in].qid == "Q889"
    assert {"Q889", "Q863", "Q159", "Q186395"} <= {x.qid for x in seed.entities if x.qid}


def test_events_merged_dated_and_placed(seed, seed_article):
    e = ents(seed)
    types = [ev.type for ev in seed.events]
    assert types.count("air_strike") == 1 and types.count("armed_clash") == 1 and "attack" in types
    strike = next(ev for ev in seed.events if ev.type == "air_strike")
    assert len(strike.mentions) >= 5  # "air strike", "the bombing", "a strike by fighter jets", ...
    assert dates.resolve(strike.date, seed_article.meta.published).exact == dt.date(2018, 8, 26)
    assert e[strike.place].label.startswith("Darqad")
    attack = next(ev for ev in seed.events if ev.type == "attack")
    r = dates.resolve(attack.date, seed_article.meta.published)
    assert (r.earliest, r.latest) == (dt.date(2018, 8, 1), dt.date(2018, 8, 27))
    town = e[attack.place]  # "the border town in Takhar's Dasht-e Qala district"
    assert town.label == "border town" and town.type == "settlement"
    assert "Dasht" in e[town.located_in].label and e[e[town.located_in].located_in].qid == "Q186395"
    # "no permission to clash" is no event mention
    mentions = [m.start for ev in seed.events for m in ev.mentions]
    assert seed_article.text.index("permission to clash") + 14 not in mentions


def test_casualties(seed):
    e = ents(seed)
    figures = {(c.kind, c.count, c.at_least, e[c.group].label) for c in seed.casualties}
    assert ("killed", 2, None, "Tajik border guards") in figures
    assert ("killed", 8, None, "Taliban") in figures
    assert ("wounded", 6, None, "Taliban") in figures  # "six others": the militants before
    assert any(k == "killed" and least == 12 for k, _, least, _ in figures)
    # "Eight ... killed and six others were wounded, Asir said": both figures by Asir
    asir = by_speaker(seed, "Asir")
    taliban = [c for c in seed.casualties if e[c.group].label == "Taliban"]
    for c in taliban:
        assert any(c.claim in s.claims for s in asir)


def test_speakers_roles_channels_dates(seed, seed_article):
    e = ents(seed)
    asir = by_speaker(seed, "Asir")
    assert asir and any(s.role == "spokesman for Takhar provincial police" for s in asir)
    assert any(s.channel and e[s.channel].label == "Radio Liberty" for s in asir)
    hejri = by_speaker(seed, "Hejri")
    assert any(s.stance == "confirms" and s.hedge == "reportedly" for s in hejri)
    assert len(hejri) >= 4  # "He said ...": the pronoun is Hejri
    officials = [s for s in seed.statements if e[s.speaker].label == "Afghan officials"]
    assert officials and e[officials[0].speaker].type == "collective_source"
    assert dates.resolve(officials[0].date, seed_article.meta.published).exact == dt.date(2018, 8, 27)
    assert e[officials[0].channel].label == "Radio Liberty"
    mujahid = by_speaker(seed, "Mujahid")
    assert any(s.role == "Taliban spokesman" and e[s.on_behalf_of].label == "Taliban" for s in mujahid)


def test_denials(seed, seed_article):
    e = ents(seed)
    denials = [s for s in seed.statements if s.stance == "denies"]
    speakers = {e[s.speaker].type: s for s in denials}
    tajik = speakers["anonymous_source"]
    assert tajik.polarity == "negative" and e[tajik.channel].label == "Asia-Plus"
    assert dates.resolve(tajik.date, seed_article.meta.published).exact == dt.date(2018, 8, 27)
    russian = next(s for s in denials if "Defense Ministry" in e[s.speaker].label)
    assert e[russian.channel].label == "RIA"
    for s, country in ((tajik, "Q863"), (russian, "Q159")):
        parts = [p for c in s.claims for p in claim_content(seed, c)[1]]
        assert any(p.role == "attacker" and e[p.actor].qid == country for p in parts)
    # the Afghan agency's report, known through the Tajik source, hedged "allegedly"
    inner = [s for s in seed.statements if s.embedded_in == tajik.id]
    assert inner and inner[0].hedge == "allegedly"


def test_alternatives_and_conflicts(seed):
    e = ents(seed)
    assert seed.alternatives
    alt = seed.alternatives[0]
    actors = {e[p.actor].qid for p in seed.participants if p.claim in alt.claims}
    assert actors == {"Q863", "Q159"}
    assert alt.span.text == "Tajik or Russian plane"
    officials = [s for s in seed.statements if e[s.speaker].label == "Afghan officials"]
    assert any(s.certainty == "possible" and set(alt.claims) <= set(s.claims) for s in officials)
    claims = {c.id: c for c in seed.claims}
    clash = [p for p in seed.participants if p.role == "participant"]
    taliban = next(p.claim for p in clash if e[p.actor].label == "Taliban")
    smugglers = next(p.claim for p in clash if "smugglers" in e[p.actor].label)
    assert smugglers in claims[taliban].conflicts_with or taliban in claims[smugglers].conflicts_with
    # Asir says Taliban; Hejri and Mujahid say drug smugglers
    says = lambda claim: {e[s.speaker].label.split()[-1] for s in seed.statements if claim in s.claims}  # noqa: E731
    assert says(taliban) == {"Asir"}
    assert says(smugglers) == {"Hejri", "Mujahid"}
