"""Date expressions as the article writes them -> DateRef (resolution is ingest.dates' job)."""

from __future__ import annotations

import re

from ..model import DateRef, Span

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

RELATIVE = [
    (re.compile(r"\b(today|this (?:morning|afternoon|evening)|tonight)\b", re.I), "today"),
    (re.compile(r"\b(yesterday|last night|the previous (?:night|day)|overnight)\b", re.I), "yesterday"),
    (re.compile(r"\btomorrow\b", re.I), "tomorrow"),
    (re.compile(r"\bearlier this month\b|\bthis month\b", re.I), "earlier_this_month"),
    (re.compile(r"\blast month\b|\bthe previous month\b", re.I), "last_month"),
    (re.compile(r"\bthis week\b|\bearlier this week\b", re.I), "this_week"),
    (re.compile(r"\blast week\b|\bthe previous week\b", re.I), "last_week"),
    (re.compile(r"\bearlier this year\b|\bthis year\b", re.I), "earlier_this_year"),
    (re.compile(r"\blast year\b|\bthe previous year\b", re.I), "last_year"),
]
_MD = re.compile(r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?")
_DM = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>[A-Za-z]{3,9})\.?(?:,?\s+(?P<year>\d{4}))?")
_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_MY = re.compile(r"\b(?P<month>[A-Za-z]{3,9})\s+(?P<year>\d{4})\b")
_M = re.compile(r"^(?:in |during |early |late |mid-?)*(?P<month>[A-Za-z]{3,9})$", re.I)
_Y = re.compile(r"^(?:in |during )?(?P<year>(?:19|20)\d{2})$")
_WD = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")(?:'s|’s)?\b", re.I)
VAGUE = re.compile(r"\b(past|recent|coming|next|few|several|decades?|years|months|weeks|ago|age|old|since|century|centuries|season)\b", re.I)


def _month(word: str) -> int | None:
    return MONTHS.get(word.lower().rstrip("."))


def parse_date(text: str, start: int) -> DateRef | None:
    """A DateRef for a date expression starting at character ``start``; None if vague."""
    t = text.strip()
    if not t:
        return None
    lead = len(text) - len(text.lstrip())
    span = Span(start=start + lead, end=start + lead + len(t), text=t)
    low = t.lower()
    for pattern in (_ISO, _MD, _DM):
        m = pattern.search(t)
        if m:
            month = int(m["month"]) if m["month"].isdigit() else _month(m["month"])
            day = int(m["day"])
            year = int(m["year"]) if m["year"] else None
            if month and 1 <= day <= 31:
                try:
                    return DateRef(text=t, year=year, month=month, day=day, span=span)
                except ValueError:
                    return None
    m = _MY.search(t)
    if m and _month(m["month"]):
        return DateRef(text=t, year=int(m["year"]), month=_month(m["month"]), span=span)
    for pattern, rel in RELATIVE:
        if pattern.search(low):
            return DateRef(text=t, relative=rel, span=span)
    m = _WD.search(t)
    if m and not VAGUE.search(low.replace(m.group(0).lower(), "")):
        return DateRef(text=t, relative="weekday", weekday=m.group(1).lower(), span=span)
    m = _M.match(low)
    if m and _month(m["month"]) and m["month"] != "may":
        return DateRef(text=t, month=_month(m["month"]), span=span)
    m = _Y.match(low)
    if m:
        return DateRef(text=t, year=int(m["year"]), span=span)
    return None
