"""Clock times of events: "at 3 p.m. (1200 GMT)", "around 2am local time", "at 14:30 UTC".

A time is attached to an event whose date the extractor found, when the time expression stands
in the same sentence close to that date ("On Sunday at about 3 p.m. a bomb exploded"), or close
to one of the event's mentions ("three further explosions at 3 p.m."). A time
the article gives in UTC/GMT wins over a local one, because it pins the instant; a local time
has no zone (the article rarely says which). "midnight" is left alone: "just before midnight
on Tuesday" belongs to Tuesday, "at midnight on Tuesday" may mean its start or its end.

Pure: text and annotation in, annotation out (``attach_times``); ``find_times`` reads one
stretch of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Annotation, Span

_AMPM = r"(?P<ampm>a\.\s?m\.|p\.\s?m\.|am\b|pm\b)"
_ZONE = r"(?:\s*\(?\s*(?P<zone>GMT|UTC|Z\b)\)?)?"
_PATTERNS = (
    # "3 p.m.", "3:30pm", "10.15 a.m.", with an optional "GMT"/"UTC"
    re.compile(rf"\b(?P<h>[01]?\d)(?:[:.](?P<m>[0-5]\d))?\s?{_AMPM}{_ZONE}", re.I),
    # "1200 GMT", "0100 UTC": military time with a zone
    re.compile(r"\b(?P<h>[01]\d|2[0-3])(?P<m>[0-5]\d)\s?(?P<zone>GMT|UTC)\b"),
    # "at 14:30", "around 09:15 local time", "14:30 GMT"
    re.compile(r"(?:\b(?:at|around|about|approximately|roughly|by|until|from|after|before|since)\s+)"
               r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b" + _ZONE),
    re.compile(r"\b(?P<noon>noon|midday)\b", re.I),
)
# a time farther than this from the date (in characters) belongs to something else
WINDOW = 80
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])|\n")


@dataclass(frozen=True)
class ClockTime:
    time: str  # "HH:MM", 24-hour
    utc: bool
    start: int
    end: int


def find_times(text: str, offset: int = 0) -> list[ClockTime]:
    """Every clock time in ``text``; offsets are ``offset`` + position in ``text``."""
    found: dict[tuple[int, int], ClockTime] = {}
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in found):
                continue  # overlaps one found by an earlier pattern
            groups = m.groupdict()
            if groups.get("noon"):
                hour, minute = 12, 0
            else:
                hour, minute = int(groups["h"]), int(groups.get("m") or 0)
                ampm = (groups.get("ampm") or "").lower().replace(" ", "").replace(".", "")
                if ampm:
                    if not 1 <= hour <= 12:
                        continue
                    hour = hour % 12 + (12 if ampm == "pm" else 0)
            zone = groups.get("zone")
            start = m.start("noon") if groups.get("noon") else m.start("h")  # not the "at" before it
            end = m.end()
            while end > start and text[end - 1] in " )":
                end -= 1
            found[(m.start(), m.end())] = ClockTime(f"{hour:02d}:{minute:02d}", bool(zone), offset + start, offset + end)
    return sorted(found.values(), key=lambda t: t.start)


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _SENTENCE_END.finditer(text, end)), len(text))
    return left, right


def time_near(text: str, start: int, end: int, sentence: tuple[int, int] | None = None) -> ClockTime | None:
    """The clock time for a date at ``text[start:end]``: in its sentence (``sentence``, when
    the caller has it), within WINDOW characters; a UTC/GMT time before a local one, then the
    nearest."""
    s0, e0 = sentence or _sentence_around(text, start, end)
    times = find_times(text[s0:e0], s0)
    candidates = []
    for t in times:
        distance = max(0, t.start - end, start - t.end)
        if distance <= WINDOW:
            candidates.append((not t.utc, distance, t))
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (c[0], c[1]))[2]
    if not best.utc:
        # "19:00 local time (1800 UTC)": the UTC rendering right after the local time
        best = next((t for t in times if t.utc and 0 <= t.start - best.end <= 30), best)
    return best


def attach_times(annotation: Annotation, text: str) -> Annotation:
    """Set ``time``/``time_utc``/``time_span`` on the dates of events that have a clock time
    near their date expression, or near one of their mentions."""
    if not any(ev.date is not None for ev in annotation.events) or not find_times(text):
        return annotation  # most articles give no clock time
    events = []
    changed = False
    for ev in annotation.events:
        date = ev.date
        if date is not None and date.span is not None and date.time is None:
            s0, e0 = _sentence_around(text, date.span.start, date.span.end)
            # only for an event named in the sentence of its date (a later "arrested" that
            # inherits "On Saturday" does not inherit the attack's hour)
            here = any(s0 <= m.start and m.end <= e0 for m in ev.mentions)
            t = time_near(text, date.span.start, date.span.end, (s0, e0)) if here else None
            # else a time next to one of the event's own mentions ("three further
            # explosions at 3 p.m." with the day given in an earlier sentence)
            for m in ev.mentions if t is None else ():
                t = time_near(text, m.start, m.end)
                if t is not None:
                    break
            if t is not None:
                date = date.model_copy(update={
                    "time": t.time, "time_utc": t.utc,
                    "time_span": Span(start=t.start, end=t.end, text=text[t.start:t.end]),
                })
                ev = ev.model_copy(update={"date": date})
                changed = True
        events.append(ev)
    return annotation.model_copy(update={"events": tuple(events)}) if changed else annotation
