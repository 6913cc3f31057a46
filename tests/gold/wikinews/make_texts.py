"""Regenerate the .txt and .meta.json files of the Wikinews gold set from the shared corpus.

    .venv/bin/python tests/gold/wikinews/make_texts.py            # the ids in ROWS
    .venv/bin/python tests/gold/wikinews/make_texts.py wn2019_019  # selected ids

An id ``wnYYYY_NNN`` names data row NNN (0-based, header not counted) of
``../shared/corpus/wikinews/wikinews_YYYY.csv`` (the copy of vanatteveldt/wikinews
data/wikinews_YYYY.csv at commit 347254178bf343f3801aac1d03c41cc09c35decb kept in
/work/shared/corpus/wikinews; that copy leaves out a few upstream rows, so upstream row
numbers can be higher -- the URL is the stable key and is checked below).

Text rule (the one the development articles 008 and 010 used): take the CSV ``text`` column,
strip trailing whitespace from every line, collapse every run of blank lines to a single blank
line (three or more newlines become two), and strip leading and trailing whitespace from the
whole text. Files are written as UTF-8 with no newline translation.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[2].parent / "shared" / "corpus" / "wikinews"
if not CORPUS.is_dir():
    CORPUS = Path("/work/shared/corpus/wikinews")
UPSTREAM_COMMIT = "347254178bf343f3801aac1d03c41cc09c35decb"

# id -> URL as stored in the CSV (checked, so a changed corpus copy is noticed).
ROWS = {
    "wn2019_000": "https://en.wikinews.org//wiki/Magnitogorsk_apartment_building_collapses_after_explosion,_dozens_dead",
    "wn2019_011": "https://en.wikinews.org//wiki/Arrest_made_as_mayor_of_Gda%C5%84sk,_Poland_stabbed_on_stage",
    "wn2019_019": "https://en.wikinews.org//wiki/Mokha,_Yemen_bomb_kills_photojournalist,_at_least_five_others",
    "wn2019_040": "https://en.wikinews.org//wiki/New_Zealand_mosque_murder_suspect_appears_in_court_at_Christchurch",
    "wn2019_063": "https://en.wikinews.org//wiki/Hong_Kong_protesters_surround_downtown_police_complex",
    "wn2019_066": "https://en.wikinews.org//wiki/Charlottesville,_Virginia_killer_sentenced_to_life_in_prison",
    "wn2019_073": "https://en.wikinews.org//wiki/Four_teenagers_shot_at_Pennsylvania_graduation_party",
    "wn2019_080": "https://en.wikinews.org//wiki/Gunman_opens_fire_in_El_Paso,_Texas_superstore;_more_than_20_dead",
    "wn2019_084": "https://en.wikinews.org//wiki/Hong_Kong_protests_continue_through_police_opposition,_rainstorms",
    "wn2019_092": "https://en.wikinews.org//wiki/Kennedy_assassin_Sirhan_Sirhan_stabbed_in_California_prison",
    "wn2019_106": "https://en.wikinews.org//wiki/US_President_Trump_says_Osama_bin_Laden%27s_son_killed",
    "wn2019_112": "https://en.wikinews.org//wiki/Iran%27s_President_Rouhani_tells_foreign_powers_to_leave_Persian_Gulf",
    "wn2019_118": "https://en.wikinews.org//wiki/Fianc%C3%A9e_of_murdered_Saudi_journalist_demands_justice_at_UN_General_Assembly",
    "wn2019_123": "https://en.wikinews.org//wiki/Police_shoot_teenage_protester_as_Hong_Kong_demonstrations_continue",
    "wn2019_126": "https://en.wikinews.org//wiki/Four_stabbed_to_death_at_Paris_police_headquarters",
    "wn2019_131": "https://en.wikinews.org//wiki/US_President_Trump_announces_troop_withdrawal_from_Syria",
    "wn2019_136": "https://en.wikinews.org//wiki/Indonesian_security_minister_Wiranto_stabbed",
    "wn2019_142": "https://en.wikinews.org//wiki/Hong_Kong%27s_Carrie_Lam_delivers_speech_on_video_after_protests_in_legislature",
    "wn2019_160": "https://en.wikinews.org//wiki/Bystanders_foil_knife-weilding_man_on_London_Bridge_with_fire_extinguisher,_whale_tusk",
    "wn2020_001": "https://en.wikinews.org//wiki/United_States_military_kills_Qasem_Soleimani",
    "wn2020_002": "https://en.wikinews.org//wiki/Iraqi_Parliament_votes_for_expulsion_of_United_States_troops",
    "wn2020_003": "https://en.wikinews.org//wiki/Stampede_during_funeral_procession_of_Qasem_Soleimani_causes_deaths,_delays_burial",
    "wn2020_014": "https://en.wikinews.org//wiki/Police_shoot_man_dead_after_%27terrorist-related%27_knife_attack_in_London",
    "wn2020_061": "https://en.wikinews.org//wiki/Yemeni_journalist_Nabil_Hasan_al-Quaety_shot_dead_in_Aden",
    "wn2020_068": "https://en.wikinews.org//wiki/Three_killed,_three_others_injured_in_stabbing_attack_in_Reading,_UK",
    "wn2020_071": "https://en.wikinews.org//wiki/Iran_issues_arrest_warrants_for_36_people,_including_US_President_Trump;_seeks_Interpol%27s_aid",
    "wn2020_076": "https://en.wikinews.org//wiki/Serbian_protesters_try_to_storm_Parliament;_fourth_day_of_protests",
    "wn2020_092": "https://en.wikinews.org//wiki/South_London_police_officer_Matt_Ratana_shot_in_custody_centre",
    "wn2020_110": "https://en.wikinews.org//wiki/Violence_breaks_out_in_Washington,_DC_at_pro-Trump_protest",
    "wn2020_112": "https://en.wikinews.org//wiki/Suspect_in_Kenosha,_Wisconsin_protester_killings_released_from_jail_on_US$2_million_bond",
}


def normalise(text: str) -> str:
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def load_rows(year: str) -> list[dict[str, str]]:
    csv.field_size_limit(10**8)
    with open(CORPUS / f"wikinews_{year}.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def make(ident: str, url_expected: str | None = None) -> None:
    m = re.fullmatch(r"wn(\d{4})_(\d{3})", ident)
    if not m:
        raise SystemExit(f"bad id {ident!r}: use wnYYYY_NNN")
    year, row = m.group(1), int(m.group(2))
    record = load_rows(year)[row]
    if url_expected and record["url"] != url_expected:
        raise SystemExit(f"{ident}: row {row} is {record['url']}, expected {url_expected}")
    text = normalise(record["text"])
    with open(HERE / f"{ident}.txt", "w", encoding="utf-8", newline="") as handle:
        handle.write(text)
    assert (HERE / f"{ident}.txt").read_bytes() == text.encode("utf-8")
    meta = {
        "id": ident,
        "title": record["title"],
        "publisher": "Wikinews (en.wikinews.org)",
        "published": record["date"],
        "url": record["url"].replace("org//wiki/", "org/wiki/"),
        "language": "en",
        "origin": f"vanatteveldt/wikinews data/wikinews_{year}.csv row {row} "
        f"(0-based data row of the copy in shared/corpus/wikinews, upstream commit {UPSTREAM_COMMIT}; "
        f"url as stored: {record['url']})",
        "licence": "CC BY 2.5, Wikinews contributors",
        "notes": "Text: the CSV text column with trailing whitespace stripped from each line, runs of "
        "blank lines collapsed to one, and the whole text stripped (tests/gold/wikinews/make_texts.py).",
    }
    (HERE / f"{ident}.meta.json").write_text(
        json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def main(ids: list[str]) -> None:
    for ident in ids or list(ROWS):
        make(ident, ROWS.get(ident))
        print(ident)


if __name__ == "__main__":
    main(sys.argv[1:])
