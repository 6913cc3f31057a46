"""Demonyms are not places: "Tajik border guards" names an actor's nationality, not a
location.  ``demonym()`` maps such words to a country key.

Two sources, both recorded on the result:

* ``dr5hn_csc`` - the ``nationality`` column of dr5hn countries.csv, stored on country
  entries as ``demonyms`` (e.g. "Afghan", "Tajikistani");
* ``newskg-demonyms-v1`` - the table below, written for this project from general
  knowledge (demonyms are facts of English usage, no identifiers involved); it adds forms
  dr5hn lacks ("Tajik", "Uzbek", plural nouns) for the region the corpus covers.

Ethnonyms that are also demonyms (Tajik, Uzbek, Turkmen, Pashtun...) are flagged
``ethnic=True``: in Afghan news "Tajik" may mean the ethnic group, not Tajikistan.
"""

from __future__ import annotations

from dataclasses import dataclass

TABLE_SOURCE = "newskg-demonyms-v1"

# iso2 -> (forms, ethnic-group ambiguity)
TABLE: dict[str, tuple[tuple[str, ...], bool]] = {
    "AF": (("Afghan", "Afghans", "Afghanistani"), False),
    "TJ": (("Tajik", "Tajiks", "Tadjik", "Tajikistani"), True),
    "RU": (("Russian", "Russians"), False),
    "UZ": (("Uzbek", "Uzbeks", "Uzbekistani"), True),
    "TM": (("Turkmen", "Turkmens", "Turkmenistani"), True),
    "KG": (("Kyrgyz", "Kirghiz", "Kyrgyzstani"), True),
    "KZ": (("Kazakh", "Kazakhs", "Kazakhstani"), True),
    "PK": (("Pakistani", "Pakistanis"), False),
    "IR": (("Iranian", "Iranians"), False),
    "IN": (("Indian", "Indians"), False),
    "CN": (("Chinese",), False),
    "US": (("American", "Americans"), False),
    "GB": (("British", "Briton", "Britons"), False),
    "IQ": (("Iraqi", "Iraqis"), False),
    "SY": (("Syrian", "Syrians"), False),
    "YE": (("Yemeni", "Yemenis"), False),
    "SD": (("Sudanese",), False),
    "SS": (("South Sudanese",), False),
    "TR": (("Turkish", "Turk", "Turks"), False),
    "SA": (("Saudi", "Saudis"), False),
    "DE": (("German", "Germans"), False),
    "FR": (("French",), False),
    "UA": (("Ukrainian", "Ukrainians"), False),
}


@dataclass(frozen=True, slots=True)
class Demonym:
    country: str  # gazetteer key, e.g. "country/tj"
    form: str
    source: str
    ethnic: bool = False
