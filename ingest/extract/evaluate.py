"""Score the extractor against curated gold annotations.

Gold articles are ``NAME.txt`` (+ ``NAME.meta.json``) with ``NAME.ann.yaml`` beside them.
``seeds/`` articles are tuning material; ``tests/gold/wikinews/README.md`` splits the Wikinews
gold into tuning and held-out articles (an article listed under a heading that says
"held-out"/"held out"/"test" is held out; one under "tuning"/"dev" is tuning; one in neither is
reported as "unsplit"). Held-out articles are always reported apart.

Matching (one-to-one, greedy, best overlap first):

* entities: the same Wikidata QID or gazetteer key, or overlapping mentions, or the same
  normalised label (persons: the same surname). A predicted *place* also matches a gold place
  of type area/facility when it is that place's ``located_in`` parent ("Darqad district" for
  "the border area of Darqad district").
* statements: speaker matches, stance equal, and the spans overlap by at least half of the
  shorter span (``|P ∩ G| >= 0.5 * min(|P|, |G|)``). Curators differ on whether a span
  includes the attribution ("X said") or is the content clause only; this rule accepts either
  as long as the two cover mostly the same words.
* events: type equal and place matches (a gold event without a place matches any place).
* event dates: a predicted and a gold event of the same type with overlapping mentions, whose
  dates resolve (ingest.dates, against the publication date) to the same day or the same
  bounds. Precision over predicted events with a date, recall over gold events with a date.
* casualties: kind equal, the same count (or the same bounds), and the group matches (entity
  match, or the same head noun, or -- when the figures' spans overlap -- a shared content
  word: "in", "the" and other function words do not count).
* channels / roles: for statements matched as above, the channel entity matches / the role
  text is the same after lower-casing and dropping articles (or shares >= 60% of its words).
  Precision over predicted statements with a channel/role, recall over gold ones.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import typer

from .. import dates
from ..article import Article, read_text_article
from ..curation import load_annotation
from ..model import Annotation, Entity

CATEGORIES = ("statements", "events", "event_dates", "casualties", "channels", "roles")
ROOT = Path(__file__).resolve().parents[2]
DEFAULT_GOLD = (ROOT / "seeds", ROOT / "tests" / "gold" / "wikinews")


@dataclass
class Score:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else (1.0 if not self.pred else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def as_dict(self) -> dict:
        return {"tp": self.tp, "pred": self.pred, "gold": self.gold, "precision": round(self.precision, 3),
                "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class ArticleResult:
    article: str
    split: str
    scores: dict[str, Score]
    errors: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- matching helpers

def _norm(text: str | None) -> str:
    t = re.sub(r"\s*\([^)]*\)", "", text or "")  # "officials (unnamed)": the note is no part of the name
    t = t.lower().replace("’", "'").replace("‘", "'")
    t = re.sub(r"\b(the|a|an)\b", " ", t)
    t = re.sub(r"[^a-z0-9' ]+", " ", t)
    return " ".join(t.split())


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


class _Side:
    def __init__(self, ann: Annotation) -> None:
        self.ann = ann
        self.ents = {e.id: e for e in ann.entities}


def _entity_match(p: Entity | None, g: Entity | None, gold: _Side | None = None, place: bool = False) -> bool:
    if p is None or g is None:
        return False
    if p.link and g.link:
        if p.link.qid and p.link.qid == g.link.qid:
            return True
        if p.link.key and p.link.key == g.link.key:
            return True
    for a in p.mentions:
        for b in g.mentions:
            if _overlap((a.start, a.end), (b.start, b.end)) > 0:
                return True
    np_, ng = _norm(p.label), _norm(g.label)
    if np_ and np_ == ng:
        return True
    if p.type == g.type == "media_outlet" and np_.split()[:1] == ng.split()[:1]:
        return True
    if p.type == g.type == "media_outlet" and not p.mentions and not g.mentions:
        return True  # both the article's own (unnamed) publisher
    if p.type == "person" and g.type == "person" and np_.split()[-1:] == ng.split()[-1:]:
        return True
    if place and gold is not None and g.type in ("area", "facility") and g.located_in:
        return _entity_match(p, gold.ents.get(g.located_in), None, False)
    return False


def _greedy(pairs: list[tuple[float, int, int]]) -> int:
    used_p, used_g, tp = set(), set(), 0
    for _score, i, j in sorted(pairs, key=lambda x: -x[0]):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        tp += 1
    return tp


def _greedy_pairs(pairs: list[tuple[float, int, int]]) -> list[tuple[int, int]]:
    used_p, used_g, out = set(), set(), []
    for _score, i, j in sorted(pairs, key=lambda x: -x[0]):
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _resolved(ref, published):  # noqa: ANN001, ANN202
    if ref is None:
        return None
    r = dates.resolve(ref, published)
    if not r.is_resolved and r.month_day is None:
        # no publication date: the expression itself ("earlier this month", "Monday")
        key = (ref.year, ref.month, ref.day, ref.relative, ref.weekday)
        return key if any(key) else None
    return (r.exact, r.earliest, r.latest, r.month_day)


def _role_match(a: str | None, b: str | None) -> bool:
    na, nb = _norm(a), _norm(b)
    if not na or not nb:
        return False
    if na == nb:
        return True
    sa, sb = set(na.split()), set(nb.split())
    return len(sa & sb) / len(sa | sb) >= 0.6


def score_article(pred: Annotation, gold: Annotation, published=None) -> dict[str, Score]:  # noqa: ANN001
    P, G = _Side(pred), _Side(gold)
    out = {c: Score() for c in CATEGORIES}

    # statements
    ps, gs = list(pred.statements), list(gold.statements)
    pairs = []
    for i, p in enumerate(ps):
        for j, g in enumerate(gs):
            if p.stance != g.stance:
                continue
            if not _entity_match(P.ents.get(p.speaker), G.ents.get(g.speaker)):
                continue
            ov = _overlap((p.span.start, p.span.end), (g.span.start, g.span.end))
            shorter = min(p.span.end - p.span.start, g.span.end - g.span.start)
            if ov >= 0.5 * shorter:
                pairs.append((ov / max(p.span.end - p.span.start, g.span.end - g.span.start), i, j))
    matched = _greedy_pairs(pairs)
    out["statements"] = Score(len(matched), len(ps), len(gs))
    ch, rl = Score(), Score()
    ch.pred = sum(1 for p in ps if p.channel)
    ch.gold = sum(1 for g in gs if g.channel)
    rl.pred = sum(1 for p in ps if p.role)
    rl.gold = sum(1 for g in gs if g.role)
    for i, j in matched:
        p, g = ps[i], gs[j]
        if p.channel and g.channel and _entity_match(P.ents.get(p.channel), G.ents.get(g.channel)):
            ch.tp += 1
        if p.role and g.role and _role_match(p.role, g.role):
            rl.tp += 1
    out["channels"], out["roles"] = ch, rl

    # events: type + place
    pe, ge = list(pred.events), list(gold.events)
    pairs = []
    for i, p in enumerate(pe):
        for j, g in enumerate(ge):
            if p.type != g.type:
                continue
            if g.place and not _entity_match(P.ents.get(p.place) if p.place else None, G.ents.get(g.place), G, place=True):
                continue
            ov = sum(_overlap((a.start, a.end), (b.start, b.end)) for a in p.mentions for b in g.mentions)
            pairs.append((1 + ov, i, j))
    out["events"] = Score(_greedy(pairs), len(pe), len(ge))

    # event dates
    pairs = []
    for i, p in enumerate(pe):
        for j, g in enumerate(ge):
            if p.type != g.type or p.date is None or g.date is None:
                continue
            ov = sum(_overlap((a.start, a.end), (b.start, b.end)) for a in p.mentions for b in g.mentions)
            if ov and _resolved(g.date, published) is not None and _resolved(p.date, published) == _resolved(g.date, published):
                pairs.append((ov, i, j))
    out["event_dates"] = Score(_greedy(pairs), sum(1 for p in pe if p.date), sum(1 for g in ge if g.date))

    # casualties
    pc, gc = list(pred.casualties), list(gold.casualties)
    pairs = []
    for i, p in enumerate(pc):
        for j, g in enumerate(gc):
            if p.kind != g.kind or (p.count, p.at_least, p.at_most) != (g.count, g.at_least, g.at_most):
                continue
            pg, gg = P.ents.get(p.group), G.ents.get(g.group)
            ok = _entity_match(pg, gg)
            if not ok and pg is not None and gg is not None:
                ok = _norm(pg.label).split()[-1:] == _norm(gg.label).split()[-1:]
            if not ok and p.span and g.span:
                ok = _overlap((p.span.start, p.span.end), (g.span.start, g.span.end)) > 0 and bool(pg and gg and _content_words(pg.label) & _content_words(gg.label))
            if ok:
                ov = _overlap((p.span.start, p.span.end), (g.span.start, g.span.end)) if p.span and g.span else 0
                pairs.append((1 + ov, i, j))
    out["casualties"] = Score(_greedy(pairs), len(pc), len(gc))
    return out


_FUNCTION_WORDS = frozenset(
    "a an the of in on at by for with to from into during after before and or as who which that "
    "their his her its was were been being is are".split()
)


def _content_words(label: str) -> set[str]:
    return set(_norm(label).split()) - _FUNCTION_WORDS


# ---------------------------------------------------------------------------- gold discovery

def read_split(readme: Path) -> dict[str, str]:
    """article id -> "held-out" / "tuning" from the gold README's headings and lists."""
    split: dict[str, str] = {}
    if not readme.is_file():
        return split
    ids = {p.name.removesuffix(".ann.yaml") for p in readme.parent.glob("*.ann.yaml")}
    ids |= {p.stem for p in readme.parent.glob("*.txt")}
    current = None
    for line in readme.read_text(encoding="utf-8").splitlines():
        low = line.lower()
        if line.lstrip().startswith("|"):
            cells = [c.strip().lower() for c in line.strip().strip("|").split("|")]
            tag = next((c for c in cells if c in ("tuning", "tune", "dev", "held out", "held-out", "heldout", "test")), None)
            ident = next((i for i in ids if any(c.strip("`*") == i.lower() for c in cells)), None)
            if tag and ident:
                split[ident] = "tuning" if tag in ("tuning", "tune", "dev") else "held-out"
                continue
        is_heading = line.lstrip().startswith("#") or low.rstrip().endswith(":") or low.startswith("**")
        label = None
        if re.search(r"held[- ]?out|\btest\b|heldout", low):
            label = "held-out"
        elif re.search(r"\btun(ing|e)\b|\bdev\b|development", low):
            label = "tuning"
        if is_heading and label:
            current = label
        elif is_heading and line.lstrip().startswith("#"):
            current = None
        for ident in ids:
            if ident in line:
                where = label if (label and not is_heading and not current) else current
                if where:
                    split.setdefault(ident, where)
    return split


def gold_articles(paths: list[Path]) -> list[tuple[Article, Path, str]]:
    out = []
    for base in paths:
        if not base.exists():
            continue
        files = sorted(base.glob("*.ann.yaml")) if base.is_dir() else [base]
        split = read_split(base / "README.md") if base.is_dir() else {}
        for ann in files:
            stem = ann.name.removesuffix(".ann.yaml")
            txt = ann.with_name(stem + ".txt")
            if not txt.is_file():
                continue
            article = read_text_article(txt)
            if base.name == "seeds" or (base.is_dir() and base.resolve() == (ROOT / "seeds").resolve()):
                where = "tuning"
            else:
                where = split.get(stem) or split.get(article.id) or "unsplit"
            out.append((article, ann, where))
    return out


def evaluate(
    paths: list[Path] | None = None, nlp=None, only: str | None = None  # noqa: ANN001
) -> tuple[list[ArticleResult], dict[str, dict[str, Score]]]:
    """Extract every gold article and score it; ``only`` keeps one split ("tuning", "held-out")."""
    from . import ExtractionWarning, extract_many

    items = gold_articles(list(paths or DEFAULT_GOLD))
    if only is not None:
        items = [item for item in items if item[2] == only]
    results: list[ArticleResult] = []
    totals: dict[str, dict[str, Score]] = {}
    golds = []
    for article, ann_path, where in items:
        try:
            golds.append(load_annotation(ann_path, article.text, article.sha256))
        except Exception as err:  # noqa: BLE001
            golds.append(err)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ExtractionWarning)
        preds = list(extract_many([a for a, _, _ in items], nlp=nlp))
    for (article, ann_path, where), gold, pred in zip(items, golds, preds, strict=True):
        if isinstance(gold, Exception):
            results.append(ArticleResult(article.id, where, {}, [f"gold not loadable: {gold}"]))
            continue
        scores = score_article(pred, gold, article.meta.published)
        results.append(ArticleResult(article.id, where, scores))
        agg = totals.setdefault(where, {c: Score() for c in CATEGORIES})
        for c, s in scores.items():
            agg[c].add(s)
    return results, totals


TARGETS = {"statements": 0.85, "events": 0.85, "casualties": 0.9, "event_dates": 0.8}


def format_table(totals: dict[str, dict[str, Score]], results: list[ArticleResult]) -> str:
    lines = []
    order = [s for s in ("tuning", "held-out", "unsplit") if s in totals]
    for split in order:
        n = sum(1 for r in results if r.split == split and r.scores)
        lines.append(f"\n{split} ({n} articles)")
        lines.append(f"  {'category':<12} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'pred':>5} {'gold':>5}  target")
        for c in CATEGORIES:
            s = totals[split][c]
            target = TARGETS.get(c)
            mark = "" if target is None else (f"{target:.2f} {'ok' if s.f1 >= target else 'MISSED'}")
            lines.append(f"  {c:<12} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5d} {s.pred:5d} {s.gold:5d}  {mark}")
    for r in results:
        if r.errors:
            lines.append(f"! {r.article}: {'; '.join(r.errors)}")
    return "\n".join(lines).lstrip("\n")


def evaluate_command(
    gold: list[Path] = typer.Argument(None, help="Gold folders or .ann.yaml files (default: seeds/ and tests/gold/wikinews/)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    per_article: bool = typer.Option(False, "--per-article", help="Also print each article's scores."),
    split: str = typer.Option(
        None, "--split", help="Score one split only: 'tuning' (while writing rules) or 'held-out'."
    ),
) -> None:
    """Precision, recall and F1 of automatic extraction against curated gold, tuning and held-out apart."""
    from ..gazetteer.evaluate import evaluate_linking

    if split is not None and split not in ("tuning", "held-out", "unsplit"):
        raise typer.BadParameter(f"--split {split!r}: use 'tuning', 'held-out' or 'unsplit'")
    results, totals = evaluate(list(gold) if gold else None, only=split)
    # Wikidata linking is scored by the same command: the linker on the gold entities (curated
    # links removed) against the hand-checked expected-links table.
    linking = evaluate_linking().summary() if not gold else None
    if as_json:
        data = {
            "splits": {s: {c: sc.as_dict() for c, sc in cats.items()} for s, cats in totals.items()},
            "articles": [{"article": r.article, "split": r.split, "errors": r.errors,
                          "scores": {c: sc.as_dict() for c, sc in r.scores.items()}} for r in results],
            "linking": linking,
        }
        typer.echo(json.dumps(data, indent=2))
        return
    typer.echo(format_table(totals, results))
    if linking is not None:
        typer.echo(
            f"\nlinking (gold entities, {linking['articles']} articles): precision {linking['precision']:.3f}, "
            f"recall {linking['recall']:.3f} (tp {linking['tp']}, fp {linking['fp']}, fn {linking['fn']})"
        )
    if per_article:
        for r in results:
            if r.scores:
                cells = "  ".join(f"{c}={r.scores[c].tp}/{r.scores[c].pred}/{r.scores[c].gold}" for c in CATEGORIES)
                typer.echo(f"{r.split:<9} {r.article:<40} {cells}")
