"""The medium of a statement ("in a statement", "tweeted", "in an interview"): the pure cue
reader, the extractor's use of it, the RDF it maps to and the shape that checks it."""

from __future__ import annotations

import warnings

import pyoxigraph as ox
import pytest

from ingest.extract import ExtractionWarning, extract
from ingest.extract.medium import medium_of
from ingest.extract.output import summary
from ingest.link import link
from ingest.mapping import map_article
from ingest.validate import validate_quads
from ingest.vocab import DEFAULT_BASE, NKGNS

from .conftest import make_article


@pytest.mark.parametrize(("sentence", "verb", "expected"), [
    ("The ministry denied the report in a statement on Friday.", "denied", "written_statement"),
    ("In a brief written statement, the army said two soldiers had died.", "said", "written_statement"),
    ("The group issued a statement saying it had no part in the raid.", "saying", "written_statement"),
    ("Police said in a statement sent to media that the road was closed.", "said", "written_statement"),
    ("The governor told the radio station in an interview that the town was calm.", "told", "interview"),
    ("The colonel said at a news conference that the operation was over.", "said", "press_conference"),
    ("Speaking during a briefing, the spokeswoman said the talks had failed.", "said", "press_conference"),
    ("The mayor tweeted that the bridge would stay closed.", "tweeted", "social_media_post"),
    ("\"We are safe,\" the minister wrote on Twitter.", "wrote", "social_media_post"),
    ("The rebels said in a post on Telegram that they had taken the hill.", "said", "social_media_post"),
    ("In a televised speech, the president said the army would withdraw.", "said", "speech"),
    ("The agency said in its annual report that attacks had doubled.", "said", "report"),
    # no medium: "statement" as content, a tweet someone else wrote, nothing said about the form
    ("The spokesman said the statement was false.", "said", None),
    ("The senator criticised the president for the tweet, his aides said.", "said", None),
    ("Officials said three people were killed.", "said", None),
])
def test_medium_of(sentence: str, verb: str, expected: str | None) -> None:
    assert medium_of(sentence, sentence.index(verb)) == expected


def test_cue_far_from_the_verb_is_not_taken() -> None:
    sentence = ("In a statement issued last week the company announced a merger with its largest rival "
                "and a new factory in the north, while the union's leader, interviewed later, said the jobs were safe.")
    assert medium_of(sentence, sentence.index("said the jobs")) is None


def test_extracted_statement_carries_its_medium_into_json_rdf_and_shapes(nlp) -> None:
    article = make_article(
        "Provincial police said in a statement on Monday that four militants were killed "
        "in a clash near the border.\n\nThe militant group denied the claim on Twitter.\n"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractionWarning)
        annotation = extract(article, nlp)
    labels = {e.id: e.label for e in annotation.entities}
    media = {(labels[s.speaker], s.stance, s.medium) for s in annotation.statements}
    assert ("Provincial police", "asserts", "written_statement") in media
    assert ("militant group", "denies", "social_media_post") in media
    data = summary(annotation, article.meta.published)
    assert {s["medium"] for s in data["statements"]} >= {"written_statement", "social_media_post"}

    graph = map_article(article, link(annotation), DEFAULT_BASE)
    media = {q.object for q in graph.quads if q.predicate == NKGNS.medium}
    assert media == {NKGNS.WrittenStatement, NKGNS.SocialMediaPost}
    assert validate_quads(graph.quads).conforms

    # a medium outside nkg:MediumScheme is caught by the core shapes
    bad = [ox.Quad(q.subject, q.predicate, NKGNS.Rumour, q.graph_name) if q.predicate == NKGNS.medium else q
           for q in graph.quads]
    messages = {v.message for v in validate_quads(bad).errors}
    assert "a statement has at most one medium from nkg:MediumScheme" in messages
