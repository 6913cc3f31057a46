"""dr5hn and Afghan provinces-districts readers on the real shared files."""

from __future__ import annotations

import pytest

from ingest.gazetteer import afg, dr5hn
from ingest.gazetteer.model import Entry, Report
from ingest.gazetteer.origin import origin_for, parse_origin


@pytest.fixture(scope="module")
def states(shared):
    return dr5hn.read_states(shared / "gazetteer/dr5hn_csc/states.csv", "v", Report())


def test_origin_table(shared):
    rows = parse_origin((shared / "gazetteer/ORIGIN.md").read_text())
    d = origin_for(rows, "dr5hn_csc")
    a = origin_for(rows, "afg_provinces_districts")
    assert d.repo == "dr5hn/countries-states-cities-database"
    assert d.commit == "7fda0afd3e75391d9480c22ed3a2b91f50e08eb6"
    assert d.licence.startswith("ODbL-1.0")
    assert a.commit == "3d75bcbb9f093d9a3cf1077ab045b3f7336c0bf3" and a.licence.startswith("MIT")
    # "same" repeats the previous repo
    assert all(r.repo == d.repo for r in rows if r.local_path.startswith("dr5hn_csc/"))


def test_countries(shared):
    rep = Report()
    cs = dr5hn.read_countries(shared / "gazetteer/dr5hn_csc/countries.csv", "v", rep)
    assert len(cs) == 250 and all(c.qid for c in cs)
    by = {c.iso: c for c in cs}
    assert (by["AF"].qid, by["TJ"].qid, by["RU"].qid) == ("Q889", "Q863", "Q159")
    assert by["AF"].key == "country/af" and by["AF"].iso3 == "AFG"
    assert (by["AF"].lat, by["AF"].lon) == (33.0, 65.0)
    assert by["AF"].demonyms == ("Afghan",)
    assert by["UZ"].demonyms == ("Uzbekistani", "Uzbek")


def test_states(states):
    assert len(states) == 5308
    tak = next(s for s in states if s.iso == "AF-TAK")
    assert (tak.key, tak.kind, tak.label, tak.qid) == ("admin1/af-tak", "admin1", "Takhar", "Q186395")
    assert tak.parent == "country/af" and tak.admin_type == "province"
    af = [s for s in states if s.country == "country/af"]
    assert len(af) == 34 and all(s.qid and s.iso for s in af)
    kdz = next(s for s in states if s.iso == "AF-KDZ")
    assert kdz.label == "Kunduz Province" and kdz.aliases == ("Kunduz",)  # type word stripped
    # "NULL" is not a QID
    assert not any(s.qid == "NULL" for s in states)
    assert sum(1 for s in states if s.qid is None) == 88  # 86 blank + 2 "NULL"
    # rows with a parent_id are second-level, parented to that row
    sub = [s for s in states if s.kind == "admin2"]
    assert len(sub) == 1268
    keys = {s.key for s in states}
    assert all(s.parent in keys for s in sub)
    assert len(keys) == len(states)
    # codes shared by two rows get the dr5hn id appended
    assert any(s.key.startswith("admin1/fr-973-dr5hn") for s in states)


def test_native_names_not_used(states):
    # ORIGIN.md: dr5hn's "native" for Paktia/Paktika is wrong ("بسته") - never an alias
    for s in states:
        if s.country == "country/af":
            assert all(a.isascii() for a in s.aliases), s


def test_cities(shared, states):
    rep = Report()
    files = sorted((shared / "gazetteer/dr5hn_csc/cities").glob("*.json"))
    cities = dr5hn.read_cities(files, states, "v", rep)
    assert len(cities) == 1533
    assert len({c.key for c in cities}) == 1533
    tq = next(c for c in cities if c.key == "city/af/taloqan")
    assert tq.qid == "Q477238" and tq.parent == "admin1/af-tak" and tq.country == "country/af"
    assert not rep.of("warning")


def test_afg_province_join(shared, states):
    rep = Report()
    path = shared / "gazetteer/afg_provinces_districts/provinces-and-districts.json"
    districts, prov_aliases = afg.read_afg(path, states, "v", rep)
    joined = [i.message for i in rep.of("info") if "->" in i.message]
    assert len(joined) == 34
    assert sum("(crosswalk)" in m for m in joined) == len(afg.PROVINCE_CROSSWALK) == 7
    assert "province 'Paktya' -> admin1/af-pia (crosswalk)" in joined
    assert "province 'Paktika' -> admin1/af-pka (name)" in joined
    assert "province 'Ghor' -> admin1/af-gho (name)" in joined  # dr5hn "Ghōr", accent folded
    assert "province 'Kundoz' -> admin1/af-kdz (crosswalk)" in joined
    # the "N/A" bucket is reported as unjoined
    (w,) = rep.of("warning")
    assert "'N/A'" in w.message and "not joined" in w.message
    assert prov_aliases["admin1/af-pia"] == ("Paktya",)
    assert "admin1/af-tak" not in prov_aliases  # same spelling, no alias needed
    assert len(districts) == 438
    assert all(d.parent.startswith("admin1/af-") and d.qid is None for d in districts)


def test_afg_join_rules_unit():
    st = [Entry(key="admin1/af-pka", kind="admin1", label="Paktika", source="s", source_version="v",
                iso="AF-PKA", country="country/af")]
    assert afg.join_province("Paktya", st) == (None, "unjoined")  # no fuzzy join to Paktika
    assert afg.join_province("PAKTIKA", st)[1] == "name"


@pytest.mark.parametrize("raw,label,aliases,rule", [
    ("Darqad  bad", "Darqad", (), "D2"),
    ("Chal  ahib", "Chal", (), "D2"),
    ("Farkhar  I-Zal", "Farkhar", (), "D2"),
    ("Herat  ", "Herat", (), "D1"),
    ("Nijrab.", "Nijrab", (), "D1"),
    ("Kuz Kunar (Khewa)", "Kuz Kunar", ("Khewa",), "D3"),
    ("Tirzayi ( Ali Sher )", "Tirzayi", ("Ali Sher",), "D3"),
    ("N/A", None, (), "D4-placeholder"),
    ("N/ A", None, (), "D4-placeholder"),
    ("PD 7", None, (), "D4-urban"),
    ("1 PD", None, (), "D4-urban"),
    ("District 6", None, (), "D4-urban"),
    ("City District 13", None, (), "D4-urban"),
    ("5th City District.", None, (), "D4-urban"),
    ("7th CIty District ", None, (), "D4-urban"),
    ("Zone 9", None, (), "D4-urban"),
    ("Kohistan-1", "Kohistan-1", (), "D1"),  # real district of Kapisa, kept
])
def test_district_cleaning(raw, label, aliases, rule):
    assert afg.clean_district_name(raw) == (label, aliases, rule)


def test_afg_districts_content(shared, states):
    path = shared / "gazetteer/afg_provinces_districts/provinces-and-districts.json"
    rep = Report()
    districts, _ = afg.read_afg(path, states, "v", rep)
    by = {d.key: d for d in districts}
    dq = by["af-district/takhar/darqad"]
    assert dq.label == "Darqad" and dq.source_name == "Darqad  bad"
    assert (dq.lat, dq.lon) == (37.411663, 69.521562)
    assert by["af-district/takhar/dashti-qala"].label == "Dashti Qala"
    assert by["af-district/takhar/khwaja-baha"].lat is None  # 0/0 -> unknown (D5)
    assert by["af-district/kunduz/kunduz"].parent == "admin1/af-kdz"  # slug without "Province"
    # D6: "Nijrab" and "Nijrab." are one district; the one with coordinates is kept
    nij = [d for d in districts if d.label == "Nijrab"]
    assert len(nij) == 1 and nij[0].key == "af-district/kapisa/nijrab"
    assert any("(D6)" in i.message for i in rep.of("info"))
    # same district name in two provinces -> two keys
    assert {"af-district/takhar/baharak", "af-district/badakhshan/baharak"} <= by.keys()
