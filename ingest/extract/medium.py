"""The medium of a statement: the form it took, read from the words around its reporting verb.

"Kiir denied those claims in a statement Thursday" -> ``written_statement``; "told Radio Liberty
in an interview" -> ``interview``; "tweeted" -> ``social_media_post``. The channel (through whom
the statement reached the article) is a separate field; the medium says in what form it was made.
Values are those of ``ingest.model.Medium`` (``nkg:MediumScheme`` in the ontology).

Pure: one sentence's text and the reporting verb's offset in it in, a medium or ``None`` out.
"""

from __future__ import annotations

import re

from ..model import Medium

_DET = r"(?:a|an|the|its|his|her|their|one|another|a\s+later|an\s+earlier)"
_ADJ = r"(?:[a-z-]+\s+){0,3}"  # "a brief written", "a televised national", "a joint"

# Each cue is a regular expression over the sentence; the medium of the cue nearest to the
# reporting verb wins. "statement" alone is not a cue ("the statement was false" is content);
# it takes a preposition or a verb of issuing before it.
_CUES: tuple[tuple[Medium, re.Pattern[str]], ...] = (
    ("written_statement", re.compile(
        rf"\b(?:in|via|through|with)\s+{_DET}\s+{_ADJ}(?:statement|press\s+release|communiqu[eé]|news\s+release)\b"
        rf"|\b(?:issued|released|published|sent|put\s+out)\s+{_DET}\s+{_ADJ}(?:statement|press\s+release|communiqu[eé])\b"
        rf"|\b{_DET}\s+{_ADJ}statement\s+(?:sent|released|issued|posted|published|given)\s+to\b"
        r"|\bissued\s+(?:denials?|a\s+denial)\b",
        re.I)),
    ("interview", re.compile(rf"\b(?:in|during)\s+{_DET}\s+{_ADJ}interview\b|\binterviewed\s+by\b", re.I)),
    ("press_conference", re.compile(
        rf"\b(?:at|during|in)\s+{_DET}\s+{_ADJ}(?:press|news)\s+(?:conference|briefing)\b"
        rf"|\b(?:at|during|in)\s+{_DET}\s+{_ADJ}briefing\b|\btold\s+(?:a\s+)?(?:reporters|journalists)\s+at\b",
        re.I)),
    ("social_media_post", re.compile(
        rf"\b(?:re-?)?tweet(?:ed|ing)\b|\b(?:in|via)\s+{_DET}\s+{_ADJ}tweets?\b"
        r"|\b(?:on|via|in\s+a\s+post\s+on)\s+(?:his|her|its|their|the\s+\w+\s+)?(?:official\s+)?"
        r"(?:Twitter|Facebook|Telegram|Instagram|Weibo|WeChat|VKontakte)\b(?:\s+(?:account|page|channel|feed))?"
        rf"|\bin\s+{_DET}\s+{_ADJ}(?:social[\s-]media\s+)?post\b|\bposted\s+(?:on|to)\b",
        re.I)),
    ("speech", re.compile(rf"\b(?:in|during)\s+{_DET}\s+{_ADJ}(?:speech|address)\b|\baddressing\s+(?:the|a)\b", re.I)),
    ("report", re.compile(
        rf"\b(?:in|according\s+to)\s+{_DET}\s+{_ADJ}report\b(?!\s+(?:that|from|by)\s+(?:the\s+)?(?:media|news))",
        re.I)),
)

# The cue must be this close to the reporting verb: another statement in a long sentence has its
# own medium.
WINDOW = 90


def medium_of(sentence: str, verb_at: int) -> Medium | None:
    """The medium named around the reporting verb at offset ``verb_at`` of ``sentence``.

    >>> medium_of("Kiir denied those claims in a statement Thursday.", 5)
    'written_statement'
    >>> medium_of("The mayor tweeted that the bridge was closed.", 10)
    'social_media_post'
    >>> medium_of("The spokesman said the statement was false.", 14) is None
    True
    """
    best: tuple[int, Medium] | None = None
    for medium, cue in _CUES:
        for m in cue.finditer(sentence):
            if m.start() <= verb_at < m.end():
                distance = 0
            elif m.end() <= verb_at:
                distance = verb_at - m.end()
            else:
                distance = m.start() - verb_at
            if distance > WINDOW:
                continue
            if best is None or distance < best[0]:
                best = (distance, medium)
    return best[1] if best else None
