"""Bad input: no crash, a warning, an annotation with whatever was found."""

from __future__ import annotations

from ingest.extract.pipeline import MAX_EXTRACT_CHARS, chunks, prepare
from ingest.mapping import map_article
from ingest.model import check_spans

from .conftest import make_article


def test_no_sentences(run):
    ann, warns = run("... --- ,,, 123 !!!")
    assert ann.statements == () and ann.events == ()
    assert any("no words" in w for w in warns)
    assert ann.provenance.note and "no words" in ann.provenance.note


def test_one_megabyte_on_one_line(run):
    sentence = "Three soldiers were killed in an ambush in Helmand province on Monday, officials said. "
    text = sentence * (1_000_000 // len(sentence) + 1)
    assert "\n" not in text and len(text) > 1_000_000
    ann, warns = run(text)
    assert any("only the first" in w for w in warns)
    assert ann.casualties and ann.events  # found something in the part analysed
    assert all(m.end <= MAX_EXTRACT_CHARS for ev in ann.events for m in ev.mentions)
    assert check_spans(ann, text) == []


def test_non_english(run):
    ann, warns = run("В понедельник в провинции Гильменд в засаде были убиты три солдата, сообщили официальные лица.")
    assert any("English" in w for w in warns)
    assert ann.article == "t1"


def test_html_markup(run):
    text = "<html><body><p>Five people were <b>killed</b> in a car bombing in Mogadishu, police said.</p><script>var x = '<p>';</script></body></html>"
    ann, warns = run(text)
    assert any("HTML" in w for w in warns)
    assert [(c.kind, c.count) for c in ann.casualties] == [("killed", 5)]
    assert check_spans(ann, text) == []
    # spans are offsets into the text as given (markup included), never starting or ending in a tag
    assert all(not s.span.text.startswith("<") and not s.span.text.endswith(">") for s in ann.statements)


def test_control_characters(run):
    text = "Two\x00 policemen were\x07 wounded in a shelling\x1b attack in Donetsk, the army said.\x0c"
    ann, warns = run(text)
    assert any("control characters" in w for w in warns)
    assert ann.casualties and ann.casualties[0].count == 2
    assert check_spans(ann, text) == []


def test_prepare_keeps_offsets():
    text = "A <b>bold</b> &amp; x\x01y"
    p = prepare(text)
    assert len(p.text) == len(text)
    assert p.text.index("bold") == text.index("bold")


def test_chunks_cover_text():
    text = ("word " * 30000).strip()
    pieces = chunks(text, size=20000)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:], strict=False))
    assert all(e - s <= 20000 for s, e in pieces)


def test_bad_input_maps_to_rdf(run):
    ann, _ = run("<p>\x00</p> ??")
    article = make_article("<p>\x00</p> ??")
    graph = map_article(article, ann, "https://newskg.example/")
    assert graph.quads


def test_long_article_in_pieces_keeps_offsets(run):
    """Statements in the first and a later piece of a long text: spans point into the whole text."""
    from ingest.extract.pipeline import CHUNK_CHARS

    filler = "The weather was calm and the market was open as usual on that day in the town.\n\n"
    said = "Officials said the victims were mostly students from the nearby school.\n\n"
    text = said + filler * (CHUNK_CHARS // len(filler) + 5) + said
    ann, _ = run(text)
    assert not (ann.provenance.note and "extraction failed" in (ann.provenance.note or ""))
    assert check_spans(ann, text) == []
    e = {x.id: x for x in ann.entities}
    st = [s for s in ann.statements if e[s.speaker].label == "Officials"]
    assert len(st) == 2 and all(s.span.text.startswith("the victims were mostly students") for s in st)
    victims = [x for x in ann.entities if x.label == "victims"]
    assert victims and all(m.text == "victims" for m in victims[0].mentions)
    assert len(victims[0].mentions) == 2
