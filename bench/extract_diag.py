"""Tuning-only diagnostics: unmatched gold / predicted statements, events, casualties.

Refuses held-out articles (they must never be looked at while writing rules).
    .venv/bin/python bench/extract_diag.py [statements|events|casualties] [ARTICLE_ID...]
"""
import sys
import warnings

from ingest.curation import load_annotation  # noqa: F401
from ingest.extract import ExtractionWarning, extract
from ingest.extract.evaluate import DEFAULT_GOLD, _entity_match, _overlap, _Side, gold_articles, load_annotation as _load


def main() -> None:
    cat = sys.argv[1] if len(sys.argv) > 1 else "statements"
    only = set(sys.argv[2:])
    for article, ann, where in gold_articles(list(DEFAULT_GOLD)):
        if where != "tuning" or (only and article.id not in only and ann.name.split(".")[0] not in only):
            continue
        gold = _load(ann, article.text, article.sha256)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ExtractionWarning)
            pred = extract(article)
        P, G = _Side(pred), _Side(gold)
        t = article.text
        print(f"=== {ann.name}")
        if cat == "statements":
            ps, gs = list(pred.statements), list(gold.statements)
            used = set()
            for g in gs:
                hit = None
                for i, p in enumerate(ps):
                    if i in used or p.stance != g.stance or not _entity_match(P.ents.get(p.speaker), G.ents.get(g.speaker)):
                        continue
                    ov = _overlap((p.span.start, p.span.end), (g.span.start, g.span.end))
                    if ov >= 0.5 * min(p.span.end - p.span.start, g.span.end - g.span.start):
                        hit = i
                        break
                if hit is None:
                    sp = G.ents.get(g.speaker)
                    print(f"  MISS gold [{sp.label if sp else None}|{g.stance}] {t[g.span.start:g.span.end][:160]!r}")
                else:
                    used.add(hit)
            for i, p in enumerate(ps):
                if i not in used:
                    sp = P.ents.get(p.speaker)
                    print(f"  EXTRA pred [{sp.label if sp else None}|{p.stance}] {t[p.span.start:p.span.end][:160]!r}")
        elif cat == "events":
            for label, side, S in (("gold", gold, G), ("pred", pred, P)):
                for e in side.events:
                    pl = S.ents.get(e.place) if e.place else None
                    m = e.mentions[0] if e.mentions else None
                    print(f"  {label} {e.type} place={pl.label if pl else None} date={e.date} m={t[m.start:m.end] if m else None!r}@{m.start if m else None}")
        else:
            for label, side, S in (("gold", gold, G), ("pred", pred, P)):
                for c in side.casualties:
                    grp = S.ents.get(c.group)
                    sp = t[c.span.start:c.span.end] if c.span else None
                    print(f"  {label} {c.kind} {c.count}/{c.at_least}/{c.at_most} group={grp.label if grp else None} {sp!r}")


if __name__ == "__main__":
    main()
