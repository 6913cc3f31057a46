"""Name normalisation for gazetteer matching.

Three levels, each a pure function of the string (the same function is applied to the
gazetteer's names and to the query, so matching is symmetric):

* ``norm``      - Unicode NFKD, accents removed, case-folded, punctuation -> space,
                  whitespace collapsed.  "Ghōr" -> "ghor", "Sar-e Pol" -> "sar e pol".
* ``skeleton``  - ``norm`` plus transliteration folding for Persian/Pashto names:
                  ezafe particles dropped ("Dasht-e Qala", "Dasht-i-Qala" -> "dashtqala"),
                  a non-final token's ezafe ``-i`` suffix dropped ("Dashti Qala" -> "dashtqala"),
                  doubled letters and "ou"/"oo" -> "u", "ee" -> "i", then spaces removed.
* ``similarity``- normalised Levenshtein similarity used for the fuzzy tier only.

Matching never uses substrings: "Takhar" does not match "Tahara" or "Kafr Takharim".
"""

from __future__ import annotations

import re
import unicodedata

_PUNCT = re.compile(r"[\s\-\u2010-\u2015_'\u2019\u02bc`.,;:/()\[\]\"]+")
_EZAFE = frozenset({"e", "i", "ye", "yi"})


def fold(text: str) -> str:
    """Strip accents/diacritics (NFKD, drop combining marks)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def clean(text: str) -> str:
    """Trim and collapse whitespace; keep case and punctuation (display form)."""
    return " ".join(text.split())


def norm(text: str) -> str:
    """Case- and accent-insensitive comparison key (tier: exact label / alias)."""
    return " ".join(_PUNCT.sub(" ", fold(text).casefold()).split())


def skeleton(text: str) -> str:
    """Transliteration-tolerant key (tier: variant). See module docstring."""
    tokens = norm(text).split()
    if not tokens:
        return ""
    kept = [t for t in tokens if t not in _EZAFE] or tokens
    out = []
    for i, tok in enumerate(kept):
        if i < len(kept) - 1 and len(tok) >= 5 and tok.endswith("i"):
            tok = tok[:-1]  # ezafe written as suffix: "Dashti Qala" = "Dasht-i Qala"
        out.append(tok)
    s = "".join(out)
    s = s.replace("ou", "u").replace("oo", "u").replace("ee", "i")
    s = re.sub(r"(.)\1+", r"\1", s)  # doubled letters: "Hassas" / "Hasas"
    return s


def slug(text: str) -> str:
    """Stable ASCII key fragment: "Dashti Qala" -> "dashti-qala", "Ghōr" -> "ghor"."""
    s = norm(text)
    s = re.sub(r"[^a-z0-9 ]+", "", s)
    return "-".join(s.split()) or "x"


def levenshtein(a: str, b: str, limit: int | None = None) -> int:
    """Edit distance; stops early (returns limit+1) once every path exceeds ``limit``."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    if limit is not None and len(a) - len(b) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if limit is not None and min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def similarity(a: str, b: str) -> float:
    """1 - distance / max length, in [0, 1]."""
    if not a and not b:
        return 1.0
    longest = max(len(a), len(b))
    return 1.0 - levenshtein(a, b) / longest
