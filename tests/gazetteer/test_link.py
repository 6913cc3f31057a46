"""ingest.link on the seed annotation and on small synthetic annotations."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ingest.link import link
from ingest.model import Annotation

from .conftest import REPO

SEED = REPO / "seeds" / "000_73f83590a77fdeae.ann.yaml"


def ann(entities: list[dict]) -> Annotation:
    return Annotation.model_validate({
        "article": "t", "provenance": {"kind": "curated", "agent": "test"}, "entities": entities})


@pytest.fixture(scope="module")
def seed() -> Annotation:
    if not SEED.is_file():
        pytest.skip("seed annotation not present")
    return Annotation.model_validate(yaml.safe_load(SEED.read_text(encoding="utf-8")))


def ents(a: Annotation) -> dict:
    return {e.id: e for e in a.entities}


def test_seed_places_linked(seed, gaz):
    out = ents(link(seed, gaz))
    d = out["darqad"].link
    assert (d.key, d.qid, d.method, d.score) == ("af-district/takhar/darqad", None, "exact_label", 0.97)
    assert d.source == "gazetteer:afg_provinces_districts@3d75bcbb9f093d9a3cf1077ab045b3f7336c0bf3"
    dq = out["dasht_e_qala"].link
    assert dq.key == "af-district/takhar/dashti-qala" and dq.method == "variant"  # transliteration variant
    # descriptions are not looked up
    for eid in ("darqad_border_area", "targeted_area", "dasht_e_qala_border_town", "afghan_tajik_border"):
        assert out[eid].link is None, eid
    # actors: people, groups, outlets untouched
    assert out["taliban"].link is None and out["tajik_border_guards"].link is None


def test_curated_never_overridden(seed, gaz):
    out = ents(link(seed, gaz, relink=True))
    for eid, qid in [("afghanistan", "Q889"), ("tajikistan", "Q863"), ("russia", "Q159"), ("takhar", "Q186395")]:
        assert out[eid].link.method == "curated" and out[eid].link.qid == qid
        assert out[eid].link == ents(seed)[eid].link


def test_pure_function(seed, gaz):
    before = seed.model_dump()
    link(seed, gaz)
    assert seed.model_dump() == before


def test_located_in_filled_from_gazetteer(seed, gaz):
    data = seed.model_dump(by_alias=True, exclude_none=True)
    for e in data["entities"]:
        if e["id"] in ("darqad", "takhar", "dasht_e_qala"):
            e.pop("located_in", None)
    stripped = Annotation.model_validate(data)
    out = ents(link(stripped, gaz))
    assert out["darqad"].located_in == "takhar"
    assert out["dasht_e_qala"].located_in == "takhar"
    assert out["takhar"].located_in == "afghanistan"  # curated link, parent still filled


def test_demonym_actor_country(gaz):
    a = ann([
        {"id": "tajikistan", "type": "country", "label": "Tajikistan", "qid": "Q863"},
        {"id": "guards", "type": "state_force", "label": "Tajik border guards"},
        {"id": "people", "type": "people_group", "label": "Tajik villagers"},
    ])
    out = ents(link(a, gaz))
    assert out["guards"].country == "tajikistan" and out["guards"].link is None
    assert out["people"].country is None  # ethnonym: not assumed to be the state
    # no country entity in the annotation -> nothing invented
    out2 = ents(link(ann([{"id": "guards", "type": "state_force", "label": "Tajik border guards"}]), gaz))
    assert out2["guards"].country is None


def test_demonym_place_not_linked(gaz):
    out = ents(link(ann([{"id": "x", "type": "region", "label": "Tajik"}]), gaz))
    assert out["x"].link is None


def test_context_disambiguation(gaz):
    a = ann([
        {"id": "takhar", "type": "province", "label": "Takhar", "qid": "Q186395"},
        {"id": "baharak", "type": "district", "label": "Baharak"},
    ])
    out = ents(link(a, gaz))
    b = out["baharak"].link
    assert (b.key, b.method, b.score) == ("af-district/takhar/baharak", "context", 0.95)
    assert out["baharak"].located_in == "takhar"
    a2 = ann([
        {"id": "bd", "type": "province", "label": "Badakhshan"},
        {"id": "baharak", "type": "district", "label": "Baharak"},
    ])
    out2 = ents(link(a2, gaz))
    assert out2["bd"].link.qid == "Q165376" and out2["bd"].link.method == "exact_label"
    assert out2["baharak"].link.key == "af-district/badakhshan/baharak"
    assert out2["baharak"].link.method == "context"


def test_unresolved_tie_is_not_linked(gaz):
    """No guessed QIDs: a tie nothing in the article breaks stays unlinked."""
    out = ents(link(ann([{"id": "b", "type": "district", "label": "Baharak"}]), gaz))
    assert out["b"].link is None and out["b"].located_in is None
    out = ents(link(ann([{"id": "il", "type": "country", "label": "Israel"},
                         {"id": "g", "type": "region", "label": "Gaza"}]), gaz))
    assert out["g"].link is None  # Mozambique's province or a Palestinian governorate: not guessed


def test_context_records_runner_up(gaz):
    a = ann([{"id": "takhar", "type": "province", "label": "Takhar", "qid": "Q186395"},
             {"id": "baharak", "type": "district", "label": "Baharak"}])
    b = ents(link(a, gaz))["baharak"].link
    assert b.method == "context" and b.runner_up == "af-district/badakhshan/baharak"


def test_same_qid_rows_are_not_a_tie(gaz):
    out = ents(link(ann([{"id": "m", "type": "region", "label": "Martinique"}]), gaz))
    assert out["m"].link.qid == "Q17054"  # the country row and the French region row share it


def test_located_in_context_used(gaz):
    a = ann([
        {"id": "p", "type": "province", "label": "Takhar", "qid": "Q186395"},
        {"id": "nawa", "type": "district", "label": "Nawa"},  # only a Ghazni district
        {"id": "k", "type": "settlement", "label": "Nawa"},  # a Syrian town (dr5hn)
    ])
    out = ents(link(a, gaz))
    assert out["nawa"].link.key == "af-district/ghazni/nawa"
    assert out["k"].link.qid == "Q1758024" and out["k"].link.method == "exact_label"
    # Ghazni is not in the annotation (and Takhar is not its parent): added from the gazetteer
    ghazni = out[out["nawa"].located_in]
    assert ghazni.link.key == "admin1/af-gha" and ghazni.link.method == "hierarchy" and not ghazni.mentions


def test_kind_from_type(gaz):
    a = ann([{"id": "k", "type": "province", "label": "Kunduz"},
             {"id": "c", "type": "settlement", "label": "Kunduz"},
             {"id": "ru", "type": "government_body", "label": "Russia"}])
    out = ents(link(a, gaz))
    assert out["k"].link.qid == "Q186418" and out["k"].link.method == "alias"
    assert out["c"].link.key == "city/af/kunduz"
    assert out["ru"].link.qid == "Q159"  # an actor named exactly as a country


def test_context_restricted_fuzzy(gaz):
    a = ann([{"id": "sk", "type": "province", "label": "South Kordofan"},
             {"id": "t", "type": "settlement", "label": "Taludi"}])
    t = ents(link(a, gaz))["t"].link
    assert (t.qid, t.key, t.method) == ("Q2390680", "city/sd/talodi", "fuzzy") and t.score == pytest.approx(0.75)
    # no linked place around it: never matched by spelling alone
    assert ents(link(ann([{"id": "t", "type": "settlement", "label": "Taludi"}]), gaz))["t"].link is None
    y = ents(link(ann([{"id": "ye", "type": "country", "label": "Yemen"},
                       {"id": "m", "type": "settlement", "label": "Mokha"}]), gaz))["m"].link
    assert y.qid == "Q1650840"  # Al Mukhā’ (cities/YE.json)


def test_city_like_admin_units_and_not_london(gaz):
    out = ents(link(ann([{"id": "p", "type": "settlement", "label": "Paris"},
                         {"id": "l", "type": "settlement", "label": "London"},
                         {"id": "e", "type": "country", "label": "England"}]), gaz))
    assert out["p"].link.qid == "Q90"  # states.csv FR-75C, a city-level collectivity
    assert out["l"].link is None  # the only London row is GB-LND, the City of London
    assert out["e"].link.qid == "Q21"  # states.csv GB-ENG, type "country"


def test_district_takes_second_level_rows_only_when_dr5hn_calls_them_districts(gaz):
    out = ents(link(ann([{"id": "c", "type": "district", "label": "Croydon"},
                         {"id": "g", "type": "district", "label": "Gulu"},
                         {"id": "k", "type": "district", "label": "Kandy District"}]), gaz))
    # GB-CRY "Croydon" is the London borough (Q26888), not the district of South London
    assert out["c"].link is None
    assert out["g"].link.qid == "Q1028215"  # states.csv UG-304 Gulu, type "district"
    assert out["k"].link.qid == "Q723002"  # states.csv LK-21 Kandy, type "district"


def test_country_named_like_its_demonym(gaz):
    # dr5hn's nationality for New Zealand is "New Zealand": the country's own name still links
    out = ents(link(ann([{"id": "nz", "type": "country", "label": "New Zealand"},
                         {"id": "t", "type": "region", "label": "Tajik"},
                         {"id": "hk", "type": "settlement", "label": "Hong Kong"}]), gaz))
    assert out["nz"].link.qid == "Q664" and out["nz"].link.method == "exact_label"
    assert out["t"].link is None  # a demonym only: never a place
    assert out["hk"].link is None  # "Hong Kong" is not the label of "Hong Kong S.A.R."
