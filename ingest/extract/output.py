"""The stable machine-readable summary that ``newskg extract FILE --format json`` prints.

Schema ``newskg-extract/1`` (outside tools read it; add fields, never rename or remove):

{
  "schema": "newskg-extract/1",
  "article": str, "extractor": str, "version": str, "warnings": [str],
  "statements": [{"id", "speaker" (label), "speaker_type", "stance", "polarity", "certainty",
                  "start", "end", "text", "channel" (label or null), "medium" (null or one of
                  written_statement, interview, press_conference, social_media_post, speech,
                  report), "role", "on_behalf_of",
                  "date" (ISO date or null), "date_text", "hedge", "claims": [str],
                  "confidence"}],
  "events": [{"id", "type", "date" (ISO date, or "earliest/latest" interval, or null),
              "date_text", "time" ("HH:MM" local, "HH:MMZ" UTC, or null), "place" (label
              or null), "place_qid", "modality",
              "mentions": [{"start", "end", "text"}], "confidence"}],
  "casualties": [{"id", "kind", "count", "at_least", "at_most", "group" (label), "event",
                  "start", "end", "speakers": [label], "confidence"}],
  "alternatives": [{"id", "label", "claims": [str]}],
  "annotation": the full annotation model (only with include_annotation=True)
}
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .. import dates
from ..model import Annotation, DateRef

SCHEMA = "newskg-extract/1"


def _date(ref: DateRef | None, published: dt.date | None) -> tuple[str | None, str | None]:
    if ref is None:
        return None, None
    r = dates.resolve(ref, published)
    if r.exact:
        return r.exact.isoformat(), ref.text
    if r.earliest or r.latest:
        return f"{r.earliest.isoformat() if r.earliest else '..'}/{r.latest.isoformat() if r.latest else '..'}", ref.text
    if r.month_day:
        return f"--{r.month_day[0]:02d}-{r.month_day[1]:02d}", ref.text
    return None, ref.text


def summary(annotation: Annotation, published: dt.date | None = None, warnings: list[str] | None = None,
            include_annotation: bool = False) -> dict[str, Any]:
    ents = {e.id: e for e in annotation.entities}

    def label(ident: str | None) -> str | None:
        return ents[ident].label if ident and ident in ents else None

    speakers_of: dict[str, list[str]] = {}
    statements = []
    for s in annotation.statements:
        for c in s.claims:
            speakers_of.setdefault(c, []).append(label(s.speaker) or s.speaker)
        date, date_text = _date(s.date, published)
        statements.append({
            "id": s.id, "speaker": label(s.speaker) or s.speaker,
            "speaker_type": ents[s.speaker].type if s.speaker in ents else None,
            "stance": s.stance, "polarity": s.polarity, "certainty": s.certainty,
            "start": s.span.start, "end": s.span.end, "text": s.span.text,
            "channel": label(s.channel), "medium": s.medium, "role": s.role, "on_behalf_of": label(s.on_behalf_of),
            "date": date, "date_text": date_text, "hedge": s.hedge, "claims": list(s.claims),
            "confidence": s.confidence,
        })
    events = []
    for ev in annotation.events:
        date, date_text = _date(ev.date, published)
        place = ents.get(ev.place) if ev.place else None
        events.append({
            "id": ev.id, "type": ev.type, "date": date, "date_text": date_text,
            "time": (ev.date.time + ("Z" if ev.date.time_utc else "")) if ev.date and ev.date.time else None,
            "place": place.label if place else None, "place_qid": place.qid if place else None,
            "modality": ev.modality,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in ev.mentions],
            "confidence": ev.confidence,
        })
    casualties = [{
        "id": c.id, "kind": c.kind, "count": c.count, "at_least": c.at_least, "at_most": c.at_most,
        "group": label(c.group) or c.group, "event": c.event,
        "start": c.span.start if c.span else None, "end": c.span.end if c.span else None,
        "speakers": sorted(set(speakers_of.get(c.claim, []))), "confidence": c.confidence,
    } for c in annotation.casualties]
    out: dict[str, Any] = {
        "schema": SCHEMA, "article": annotation.article,
        "extractor": annotation.provenance.agent, "version": annotation.provenance.version,
        "warnings": list(warnings or []),
        "statements": statements, "events": events, "casualties": casualties,
        "alternatives": [{"id": a.id, "label": a.label, "claims": list(a.claims)} for a in annotation.alternatives],
    }
    if include_annotation:
        out["annotation"] = annotation.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    return out
