"""The seed's 15 competency questions, each answered by its query file on the ingested seed.

Labels are compared in a canonical form (lower case, without articles, notes in parentheses
or British/American spelling differences), so the same tests judge the curated graph and the
extractor's graph of the same article (tests/test_competency_extracted.py)."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from .conftest import QUERIES, select


def canon(value: str | None) -> str | None:
    if value is None:
        return None
    text = re.sub(r"\([^)]*\)", " ", value.lower()).replace("defense", "defence").replace("’", "'")
    text = re.sub(r"\b(a|an|the)\b", " ", text)
    return " ".join(text.split()).strip(" .,;:")


AIR, CLASH, ATTACK = "air strike", "armed clash", "attack"
OFFICIALS = canon("Afghan officials (unnamed)")
ASIR, HEJRI, MUJAHID = (canon(n) for n in ("Khalil Asir", "Mohammad Jawid Hejri", "Zabihullah Mujahid"))
TAJIK_SOURCE = canon("official source at the Tajik defence ministry (anonymous)")
RU_MOD = canon("Ministry of Defence of Russia")
AGENCY = canon("Afghan news agency (unnamed)")
C = canon


def cq(store: ox.Store, n: int) -> list[dict[str, str | None]]:
    rows = select(store, (QUERIES / f"cq{n:02d}.rq").read_text(encoding="utf-8"))
    return [{k: (v if k in {"event", "claim", "article", "wikidata"} else canon(v)) for k, v in r.items()} for r in rows]


def test_every_query_file_has_a_title_line() -> None:
    files = sorted(QUERIES.glob("cq*.rq"))
    assert [f.name for f in files] == [f"cq{n:02d}.rq" for n in range(1, 16)]
    for f in files:
        assert f.read_text(encoding="utf-8").startswith(f"# CQ{int(f.stem[2:])} ")


def test_cq01_events_with_type_date_place(seed_store: ox.Store) -> None:
    rows = {r["type"]: r for r in cq(seed_store, 1)}
    assert set(rows) == {AIR, CLASH, ATTACK}
    assert rows[AIR]["date"] == rows[CLASH]["date"] == C("2018-08-26")
    assert rows[AIR]["place"] == rows[CLASH]["place"] == C("border area of Darqad District")
    for kind in (AIR, CLASH):
        assert {C("Darqad District"), C("Takhar Province"), C("Afghanistan")} <= set(rows[kind]["locatedIn"].split(", "))
    attack = rows[ATTACK]
    assert attack["date"] is None
    assert (attack["earliest"], attack["latest"]) == (C("2018-08-01"), C("2018-08-27"))
    assert C("Dasht-e Qala District") in attack["locatedIn"]


def test_cq02_nobody_is_certain_who_struck(seed_store: ox.Store) -> None:
    rows = cq(seed_store, 2)
    asserted = {(r["attacker"], r["speaker"], r["certainty"]) for r in rows if r["polarity"] == C("positive") and r["hedge"] is None}
    assert asserted == {
        (C("Tajikistan"), OFFICIALS, C("possible")), (C("Russia"), OFFICIALS, C("possible")),
        (C("Tajikistan"), HEJRI, C("possible")), (C("Russia"), HEJRI, C("possible")),
    }
    assert {r["alternatives"] for r in rows} == {C("a Tajik or a Russian plane carried out the air strike")}


def test_cq03_who_denied_their_country_struck(seed_store: ox.Store) -> None:
    rows = {r["country"]: r for r in cq(seed_store, 3)}
    assert set(rows) == {C("Tajikistan"), C("Russia")}
    assert rows[C("Tajikistan")]["speaker"] == TAJIK_SOURCE
    assert rows[C("Tajikistan")]["onBehalfOf"] == C("Ministry of Defence of Tajikistan")
    assert (rows[C("Tajikistan")]["channel"], rows[C("Tajikistan")]["date"]) == (C("Asia-Plus"), C("2018-08-27"))
    assert (rows[C("Russia")]["speaker"], rows[C("Russia")]["channel"], rows[C("Russia")]["date"]) == (RU_MOD, C("RIA"), C("2018-08-27"))


def test_cq04_asserted_and_denied(seed_store: ox.Store) -> None:
    rows = {r["proposition"]: r for r in cq(seed_store, 4)}
    assert set(rows) == {C("Tajikistan carried out the air strike"), C("Russia carried out the air strike")}
    tj, ru = rows[C("Tajikistan carried out the air strike")], rows[C("Russia carried out the air strike")]
    assert set(tj["assertedBy"].split(" | ")) == {OFFICIALS, HEJRI, AGENCY}
    assert tj["deniedBy"] == TAJIK_SOURCE
    assert set(ru["assertedBy"].split(" | ")) == {OFFICIALS, HEJRI}
    assert ru["deniedBy"] == RU_MOD


def test_cq05_who_clashed_per_source(seed_store: ox.Store) -> None:
    rows = cq(seed_store, 5)
    assert {(r["party"], r["speaker"]) for r in rows} == {
        (C("Taliban"), ASIR),
        (C("drug smugglers (identity unknown)"), HEJRI),
        (C("drug smugglers (identity unknown)"), MUJAHID),
    }
    assert all(r["conflictsWith"] for r in rows), C("the two versions are marked as conflicting")


def test_cq06_casualties_and_sources(seed_store: ox.Store) -> None:
    rows = {(r["group"], r["kind"], r["count"], r["atLeast"], r["speaker"]) for r in cq(seed_store, 6)}
    assert rows == {
        (C("Tajik border guards"), C("killed"), C("2"), None, ASIR),
        (C("Taliban"), C("killed"), C("8"), None, ASIR),
        (C("Taliban"), C("wounded"), C("6"), None, ASIR),
        (C("Afghan border police"), C("killed"), None, C("12"), C("Asia-Plus")),
    }


def test_cq07_totals_of_the_incident_per_source(seed_store: ox.Store) -> None:
    rows = {(r["speaker"], r["kind"]): r["total"] for r in cq(seed_store, 7)}
    assert rows == {(ASIR, C("killed")): C("10"), (ASIR, C("wounded")): C("6")}


def test_cq08_statement_dates(seed_store: ox.Store) -> None:
    dates: dict[str, set[str | None]] = {}
    for r in cq(seed_store, 8):
        dates.setdefault(r["speaker"], set()).add(r["date"])
    for speaker in (OFFICIALS, ASIR, RU_MOD, TAJIK_SOURCE):
        assert dates[speaker] == {C("2018-08-27")}, speaker
    assert dates[HEJRI] == {None} and dates[MUJAHID] == {None}
    today = [r for r in cq(seed_store, 8) if r["speaker"] == TAJIK_SOURCE][0]
    assert (today["expression"], today["basis"]) == (C("today"), C("relative to publication date"))


def test_cq09_reporting_chain(seed_store: ox.Store) -> None:
    rows = cq(seed_store, 9)
    channels = {r["speaker"]: r["channel"] for r in rows}
    assert channels[ASIR] == channels[OFFICIALS] == C("Radio Liberty")
    assert channels[RU_MOD] == C("RIA")
    assert channels[HEJRI] is None and channels[MUJAHID] is None
    direct = [r for r in rows if r["speaker"] == TAJIK_SOURCE]
    assert direct[0]["channel"] == direct[0]["outlet"] == C("Asia-Plus") and direct[0]["directly"] == C("true")
    assert {r["hedge"] for r in rows if r["speaker"] == HEJRI} == {None, C("reportedly")}
    assert {r["outlet"] for r in rows} == {C("Asia-Plus")}


def test_cq10_events_in_takhar_and_afghanistan(seed_store: ox.Store) -> None:
    assert sorted(r["type"] for r in cq(seed_store, 10)) == [AIR, CLASH, ATTACK]


def test_cq11_exact_evidence_for_the_taliban_clash(seed_store: ox.Store) -> None:
    (row,) = cq(seed_store, 11)
    assert (row["begin"], row["end"]) == (C("371"), C("434"))
    assert row["text"] == C("two Tajik border guards were killed in a clash with the Taliban")
    assert row["speaker"] == ASIR


def test_cq12_hedged_content(seed_store: ox.Store) -> None:
    rows = {(r["proposition"], r["speaker"], r["certainty"], r["hedge"]) for r in cq(seed_store, 12)}
    assert rows == {
        (C("Tajikistan carried out the air strike"), OFFICIALS, C("possible"), None),
        (C("Russia carried out the air strike"), OFFICIALS, C("possible"), None),
        (C("Tajikistan carried out the air strike"), HEJRI, C("possible"), None),
        (C("Russia carried out the air strike"), HEJRI, C("possible"), None),
        (C("A border incident broke out in Darqad District on 26 August"), HEJRI, C("certain"), C("reportedly")),
        (C("Tajikistan carried out the air strike"), AGENCY, C("certain"), C("allegedly")),
    }


def test_cq13_who_controls_the_bombed_area(seed_store: ox.Store) -> None:
    rows = {(r["speaker"], r["property"], r["value"]) for r in cq(seed_store, 13)}
    assert rows == {
        (HEJRI, C("outside the control of"), C("Government of Afghanistan")),
        (HEJRI, C("controlled by"), C("Taliban")),
        (MUJAHID, C("described as"), C("forested area")),
        (MUJAHID, C("used by"), C("drug smugglers (identity unknown)")),
    }


def test_cq14_behalf_roles_and_stances(seed_store: ox.Store) -> None:
    rows = {r["speaker"]: r for r in cq(seed_store, 14)}
    assert (rows[ASIR]["onBehalfOf"], rows[ASIR]["stances"]) == (C("Takhar provincial police"), C("asserts"))
    assert rows[HEJRI]["onBehalfOf"] == C("Office of the Takhar provincial governor")
    assert set(rows[HEJRI]["stances"].split(", ")) == {C("asserts"), C("confirms")}
    assert rows[MUJAHID]["onBehalfOf"] == C("Taliban")
    assert set(rows[MUJAHID]["stances"].split(", ")) == {C("asserts"), C("confirms")}
    assert rows[TAJIK_SOURCE]["stances"] == rows[RU_MOD]["stances"] == C("denies")
    assert rows[TAJIK_SOURCE]["onBehalfOf"] == C("Ministry of Defence of Tajikistan")


def test_cq15_wikidata_anchors(seed_store: ox.Store) -> None:
    rows = {r["wikidata"].rsplit(C("/"), 1)[-1]: r["label"] for r in cq(seed_store, 15)}
    assert {"Q889", "Q863", "Q159", "Q186395"} <= set(rows)
    assert rows["Q889"] == C("Afghanistan") and rows["Q186395"] == C("Takhar Province")
    # Only verified QIDs: the curated file gives these four; nothing else may be guessed.
    assert set(rows) == {"Q889", "Q863", "Q159", "Q186395"}


@pytest.mark.parametrize("n", range(1, 16))
def test_queries_run_through_the_cli(seed_store_path, n: int) -> None:  # noqa: ANN001
    from .conftest import run_cli

    result = run_cli("query", "--store", seed_store_path, "--format", "json", "-f", QUERIES / f"cq{n:02d}.rq")
    assert result.exit_code == 0, result.output
    assert '"results"' in result.stdout
