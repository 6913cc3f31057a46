"""A speaker named only by a role ("the governor said"): the person named in that role before,
else an unnamed holder of the role; never dropped."""

from __future__ import annotations

import warnings

from ingest.extract import ExtractionWarning, extract

from .conftest import make_article


def _statements(nlp, text: str) -> list[tuple[str, str, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractionWarning)
        annotation = extract(make_article(text), nlp)
    ents = {e.id: e for e in annotation.entities}
    return [(ents[s.speaker].label, ents[s.speaker].type, s.span.text) for s in annotation.statements]


def test_unnamed_role_holder_is_an_anonymous_source(nlp) -> None:
    got = _statements(nlp, "The provincial police chief said on Monday that four militants were killed in a clash near the border.")
    assert [(label, typ) for label, typ, _ in got] == [("provincial police chief", "anonymous_source")]
    assert got[0][2] == "four militants were killed in a clash near the border"


def test_role_resolves_to_the_person_named_in_it(nlp) -> None:
    got = _statements(nlp, "Kandahar's governor, Ahmad Wali, said on Monday that four militants were killed in a clash. "
                           "The governor added that two soldiers were wounded.")
    assert [(label, typ) for label, typ, _ in got] == [("Ahmad Wali", "person"), ("Ahmad Wali", "person")]
    assert got[1][2] == "two soldiers were wounded"


def test_indefinite_role_is_not_resolved_to_a_named_person(nlp) -> None:
    got = _statements(nlp, "Kandahar's governor, Ahmad Wali, said four militants were killed in a clash. "
                           "A commander said two soldiers were wounded in the clash.")
    assert ("commander", "anonymous_source") in {(label, typ) for label, typ, _ in got}
