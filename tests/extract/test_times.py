"""Clock times: read from the text, attached to the event whose date they stand next to,
kept in the annotation model and mapped to xsd:time / xsd:dateTime that the shapes check."""

from __future__ import annotations

import datetime as dt
import warnings

import pyoxigraph as ox
import pytest
from pydantic import ValidationError

from ingest.curation import dump_annotation, parse_yaml_with_lines
from ingest.extract import ExtractionWarning, extract
from ingest.extract.times import find_times, time_near
from ingest.link import link
from ingest.mapping import map_article
from ingest.model import Annotation, DateRef, Span
from ingest.validate import validate_quads
from ingest.vocab import DEFAULT_BASE, NKGNS

from .conftest import make_article


@pytest.mark.parametrize(("text", "expected"), [
    ("at 3 p.m. on Sunday", [("15:00", False, "3 p.m.")]),
    ("shortly after 10:30am", [("10:30", False, "10:30am")]),
    ("at 12 a.m.", [("00:00", False, "12 a.m.")]),
    ("at 12 p.m.", [("12:00", False, "12 p.m.")]),
    ("at 3 p.m. (1200 GMT)", [("15:00", False, "3 p.m."), ("12:00", True, "1200 GMT")]),
    ("around 2am local time (0100 UTC)", [("02:00", False, "2am"), ("01:00", True, "0100 UTC")]),
    ("at 14:30 UTC", [("14:30", True, "14:30 UTC")]),
    ("by noon", [("12:00", False, "noon")]),
    # not clock times: a score, a year, a ratio, an hour out of range, "I am"
    ("the team won 2:1 in 2019", []),
    ("at 13 pm", []),
    ("I am sure that 5 men came", []),
])
def test_find_times(text: str, expected: list) -> None:
    assert [(t.time, t.utc, text[t.start:t.end]) for t in find_times(text)] == expected


def test_time_near_prefers_utc_and_stays_in_the_sentence() -> None:
    text = "On Sunday at 3 p.m. (1200 GMT) a bomb exploded. Police arrived at 5 p.m. on Monday."
    sunday = text.index("Sunday")
    assert time_near(text, sunday, sunday + 6).time == "12:00"
    monday = text.index("Monday")
    assert time_near(text, monday, monday + 6).time == "17:00"
    far = "On Sunday a bomb exploded in the market of the old town near the mosque, and the police, who arrived at 5 p.m., closed it."
    assert time_near(far, far.index("Sunday"), far.index("Sunday") + 6) is None


def _extract(nlp, text: str) -> Annotation:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractionWarning)
        return extract(make_article(text, published=dt.date(2019, 10, 15)), nlp)


def test_extracted_event_time_maps_to_time_and_instant(nlp) -> None:
    text = "On Sunday at about 3 p.m. (1200 GMT) a bomb exploded in Kabul, killing three people, police said."
    annotation = _extract(nlp, text)
    (event,) = annotation.events
    assert (event.type, event.date.text, event.date.time, event.date.time_utc) == ("bombing", "Sunday", "12:00", True)
    assert event.date.time_span.text == "1200 GMT"

    graph = map_article(make_article(text, published=dt.date(2019, 10, 15)), link(annotation), DEFAULT_BASE)
    values = {q.predicate: q.object for q in graph.quads if q.predicate in (NKGNS.timeOfDay, NKGNS.dateTime, NKGNS.timeExpression)}
    assert values == {
        NKGNS.timeOfDay: ox.Literal("12:00:00Z", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#time")),
        NKGNS.dateTime: ox.Literal("2019-10-13T12:00:00Z", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#dateTime")),
        NKGNS.timeExpression: ox.Literal("1200 GMT"),
    }
    assert validate_quads(graph.quads).conforms

    # an invalid time literal is caught by the core shapes
    bad = [ox.Quad(q.subject, q.predicate, ox.Literal("25:00:00", datatype=q.object.datatype), q.graph_name)
           if q.predicate == NKGNS.timeOfDay else q for q in graph.quads]
    assert "an event's time of day is one valid xsd:time" in {v.message for v in validate_quads(bad).errors}


def test_event_without_time_near_its_date_has_none(nlp) -> None:
    annotation = _extract(nlp, "On Friday, a man stabbed two people in Reading. Police arrived at 7 pm.")
    assert [e.date.time for e in annotation.events if e.date] == [None]


def test_time_in_the_model_round_trips_through_curation_yaml() -> None:
    text = "The blast came at 3 p.m. on Sunday."
    day, clock = text.index("Sunday"), text.index("3 p.m.")
    ref = DateRef(text="Sunday", relative="weekday", weekday="sunday", span=Span(start=day, end=day + 6, text="Sunday"),
                  time="15:00", time_span=Span(start=clock, end=clock + 6, text="3 p.m."))
    assert ref.time == "15:00"
    with pytest.raises(ValidationError):
        DateRef(text="Sunday", time="3pm")
    with pytest.raises(ValidationError):
        DateRef(text="Sunday", time_utc=True)
    dumped = dump_annotation(_extract_free_annotation(ref))
    assert "time: '15:00'" in dumped or 'time: "15:00"' in dumped
    reloaded = Annotation.model_validate(parse_yaml_with_lines(dumped)[0])
    assert reloaded.events[0].date == ref


def _extract_free_annotation(ref: DateRef) -> Annotation:
    return Annotation.model_validate({
        "article": "t1",
        "provenance": {"kind": "curated", "agent": "test"},
        "entities": [{"id": "kabul", "type": "settlement", "label": "Kabul"}],
        "claims": [{"id": "c1", "label": "a blast in Kabul"}],
        "events": [{"id": "e1", "type": "bombing", "claim": "c1", "place": "kabul", "date": ref.model_dump(exclude_none=True)}],
        "statements": [{"id": "s1", "speaker": "kabul", "claims": ["c1"], "span": {"start": 0, "end": 9, "text": "The blast"}}],
    })


def test_local_time_with_utc_in_brackets_takes_the_utc_one() -> None:
    text = "On Saturday evening in the town gardens, shortly before 19:00 local time (1800 UTC), a man attacked people."
    t = time_near(text, text.index("Saturday"), text.index("Saturday") + 8)
    assert (t.time, t.utc, text[t.start:t.end]) == ("18:00", True, "1800 UTC")


def test_an_event_dated_from_another_sentence_does_not_take_its_time(nlp) -> None:
    annotation = _extract(nlp, "On Saturday at 7 p.m. a man stabbed three people in Reading. "
                               "He was arrested at the scene by police.")
    times = {e.type: e.date.time for e in annotation.events if e.date}
    assert times.get("attack") == "19:00" or times.get("attack_on_civilians") == "19:00"
    assert times.get("arrest") is None


def test_time_next_to_a_mention_when_the_day_is_in_another_sentence(nlp) -> None:
    annotation = _extract(nlp, "A bomb exploded in the market of Jolo on Thursday, police said.\n\n"
                               "Witnesses said the bomb exploded at 3 p.m. (1200 GMT), as the market was full.")
    (event,) = [e for e in annotation.events if e.type == "bombing"]
    assert (event.date.text, event.date.time, event.date.time_utc) == ("Thursday", "12:00", True)
