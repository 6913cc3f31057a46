"""Lookup, disambiguation, demonyms and hierarchy on the shipped gazetteer."""

from __future__ import annotations

import pytest

from ingest.gazetteer import Gazetteer
from ingest.gazetteer.model import Entry
from ingest.gazetteer.normalize import norm, skeleton, slug


def top(gaz, name, **kw):
    ms = gaz.lookup(name, **kw)
    assert ms, f"no match for {name!r}"
    return ms[0]


def test_load_is_cached(gaz):
    assert Gazetteer.load() is gaz
    assert len(gaz) == 7529


def test_takhar(gaz):
    m = top(gaz, "Takhar")
    assert (m.key, m.qid, m.method) == ("admin1/af-tak", "Q186395", "exact-label")
    assert [a.qid for a in gaz.ancestors(m.key)] == ["Q889"]
    for name in ("Takhar Province", "Takhar province", "TAKHAR", "the Takhar province"):
        assert top(gaz, name).qid == "Q186395", name


def test_countries(gaz):
    assert top(gaz, "Afghanistan").qid == "Q889"
    assert top(gaz, "Tajikistan").qid == "Q863"
    assert top(gaz, "Russia").qid == "Q159"


def test_darqad_district(gaz):
    m = top(gaz, "Darqad")
    assert m.key == "af-district/takhar/darqad" and m.entry.kind == "district" and m.qid is None
    assert [a.key for a in gaz.ancestors(m.key)] == ["admin1/af-tak", "country/af"]
    assert top(gaz, "Darqad district").key == m.key
    assert top(gaz, "Darqad District", kinds=["district"]).key == m.key


@pytest.mark.parametrize("name,method", [
    ("Dashti Qala", "exact-label"),
    ("Dasht-e Qala", "variant"),
    ("Dasht-i-Qala", "variant"),
    ("Dasht-e-Qala district", "variant"),
    ("Dasht Qalah", "fuzzy"),
])
def test_dasht_e_qala_variants(gaz, name, method):
    m = top(gaz, name)
    assert m.key == "af-district/takhar/dashti-qala" and m.method == method


def test_no_substring_nonsense(gaz):
    assert gaz.lookup("Tahara") == []
    assert all(m.entry.label != "Kafr Takhārīm" for m in gaz.lookup("Takhar"))
    assert gaz.lookup("Takh") == []
    assert gaz.lookup("har") == []
    # and a synthetic gazetteer where both exist: no cross-match in either direction
    g = Gazetteer([
        Entry(key="x/takhar", kind="admin1", label="Takhar", source="t", source_version="1"),
        Entry(key="x/tahara", kind="city", label="Tahara", source="t", source_version="1"),
    ])
    assert [m.key for m in g.lookup("Takhar")] == ["x/takhar"]
    assert [m.key for m in g.lookup("Tahara")] == ["x/tahara"]
    assert g.lookup("Takharr")[0].key == "x/takhar"  # one typo is fuzzy-matched
    assert g.lookup("Tahar") == []  # too short / too far for fuzzy


def test_demonyms_are_not_places(gaz):
    for word, key in [("Tajik", "country/tj"), ("Afghan", "country/af"), ("Russian", "country/ru"),
                      ("Afghans", "country/af"), ("Tajikistani", "country/tj"), ("Uzbek", "country/uz")]:
        assert gaz.lookup(word) == [], word
        assert gaz.demonym(word) == key, word
    assert gaz.demonym_info("Afghan").source == "dr5hn_csc"  # nationality column
    tj = gaz.demonym_info("Tajik")
    assert tj.source == "newskg-demonyms-v1" and tj.ethnic
    assert gaz.demonym("Takhar") is None and gaz.demonym("Afghanistan") is None


def test_alias_and_crosswalk_spellings(gaz):
    m = top(gaz, "Paktya")
    assert m.key == "admin1/af-pia" and m.method == "alias"
    assert top(gaz, "Nimroz").key == "admin1/af-nim"
    assert top(gaz, "Ghor").qid == "Q186392"  # dr5hn "Ghōr"


def test_kind_tie_break_and_filter(gaz):
    ms = gaz.lookup("Kunduz")
    assert [m.key for m in ms] == ["city/af/kunduz", "af-district/kunduz/kunduz", "admin1/af-kdz"]
    assert ms[2].method == "alias"
    assert top(gaz, "Kunduz", kinds=["admin1"]).qid == "Q186418"
    assert top(gaz, "Kunduz Province").key == "admin1/af-kdz"  # designator prefers admin1
    assert top(gaz, "Herat").key == "city/af/herat"


def test_context_disambiguation(gaz):
    ms = gaz.lookup("Baharak")
    assert {m.key for m in ms} == {"af-district/takhar/baharak", "af-district/badakhshan/baharak"}
    assert ms[0].score == ms[1].score and not ms[0].context
    m = top(gaz, "Baharak", context_keys=["admin1/af-tak"])
    assert m.key == "af-district/takhar/baharak" and m.context and m.score > ms[0].score
    m = top(gaz, "Baharak", context_keys=["af-district/takhar/darqad"])  # sibling -> not ancestor
    assert not m.context
    m = top(gaz, "Baharak", context_keys=["admin1/af-bds"])
    assert m.key == "af-district/badakhshan/baharak"


def test_context_same_place_already_mentioned(gaz):
    # "Khost" is a city, a province and a district; the article already named the province
    ms = gaz.lookup("Khost", context_keys=["admin1/af-kho"])
    assert all(m.context for m in ms)  # the province itself and the places inside it


def test_context_prefers_candidate_in_mentioned_country(gaz):
    # "Nawa": a district of Ghazni (AF) and a town in Syria (dr5hn cities)
    plain = gaz.lookup("Nawa")
    assert {m.entry.country for m in plain} == {"country/af", "country/sy"}
    assert plain[0].score == plain[1].score
    m = top(gaz, "Nawa", context_keys=["country/af"])
    assert m.key == "af-district/ghazni/nawa" and m.context
    m = top(gaz, "Nawa", context_keys=["country/sy"])
    assert m.entry.country == "country/sy" and m.qid == "Q1758024"
    m = top(gaz, "Musa Khel", context_keys=["admin1/af-kho"])
    assert m.key == "af-district/khost/musa-khel"


def test_normalize_functions():
    assert norm("  Ghōr ") == "ghor"
    assert norm("Sar-e Pol") == "sar e pol"
    assert skeleton("Dasht-e Qala") == skeleton("Dasht-i-Qala") == skeleton("Dashti Qala") == "dashtqala"
    assert skeleton("Takhar") != skeleton("Tahara")
    assert slug("Kunduz Province") == "kunduz-province" and slug("Ghōr") == "ghor"


def test_lookup_speed(gaz):
    import time

    t = time.perf_counter()
    for _ in range(200):
        gaz.lookup("Takhar")
    assert (time.perf_counter() - t) / 200 < 0.005
