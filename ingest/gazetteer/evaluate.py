"""Linking evaluation against a hand-checked expected-links table.

The gold annotations (``seeds/*.ann.yaml``, ``tests/gold/wikinews/*.ann.yaml``) carry no
QIDs (except the seed's four verified ones), so linking is scored against a separate table,
``tests/gazetteer/expected_links.tsv``: one row per place entity of those files (and any
actor the linker could link), with the expected target - a QID, ``key:<gazetteer key>`` for
a gazetteer place without a QID, or ``none`` - and the gazetteer source row it was checked
against.  The table was written by hand; every QID in it is the one the gazetteer's source
row gives (dr5hn ``wikiDataId``), checked against the article text for the referent.

Scoring (``evaluate_linking``): curated links are **removed** first, so the seed's four
verified QIDs are found by the linker too, then ``ingest.link.link`` runs on each
annotation.  For every gold entity:

* linked to the expected target            -> true positive;
* linked to anything else, or linked while the table says ``none``, or linked while the
  table has no row for it                  -> false positive (a wrong QID);
* not linked while the table expects one   -> false negative.

precision = tp / (tp + fp), recall = tp / (tp + fn): recall is over the entities whose
target is in the gazetteer.  Entities the linker adds for the place hierarchy
(method ``hierarchy``) are reported apart (``hierarchy``): they come from the gazetteer's
own parent links, not from the text.
"""

from __future__ import annotations

import csv
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_TABLE = REPO / "tests" / "gazetteer" / "expected_links.tsv"
DEFAULT_PATHS = (REPO / "seeds", REPO / "tests" / "gold" / "wikinews")
COLUMNS = ("article", "entity", "type", "label", "expected", "source_row", "note")


@dataclass(frozen=True)
class Expected:
    article: str
    entity: str
    type: str
    label: str
    expected: str  # "Q…", "key:<gazetteer key>" or "none"
    source_row: str
    note: str

    def matches(self, qid: str | None, key: str | None) -> bool:
        if self.expected == "none":
            return False
        if self.expected.startswith("key:"):
            return key == self.expected[4:]
        return qid == self.expected


@dataclass(frozen=True)
class Row:
    article: str
    entity: str
    label: str
    expected: str
    got: str  # "Q… (key)" / "key:…" / "none"
    method: str | None
    score: float | None
    verdict: str  # tp, fp, fn, tn


@dataclass
class LinkingResult:
    rows: list[Row] = field(default_factory=list)
    hierarchy: list[tuple[str, str, str, str]] = field(default_factory=list)  # article, child, parent label, target
    seconds: float = 0.0
    articles: int = 0

    def count(self, verdict: str) -> int:
        return sum(1 for r in self.rows if r.verdict == verdict)

    @property
    def precision(self) -> float:
        tp, fp = self.count("tp"), self.count("fp")
        return tp / (tp + fp) if tp + fp else 1.0

    @property
    def recall(self) -> float:
        tp, fn = self.count("tp"), self.count("fn")
        return tp / (tp + fn) if tp + fn else 1.0

    def summary(self) -> dict[str, float | int]:
        return {"articles": self.articles, "tp": self.count("tp"), "fp": self.count("fp"),
                "fn": self.count("fn"), "tn": self.count("tn"),
                "precision": round(self.precision, 4), "recall": round(self.recall, 4)}


def read_expected(path: Path | str = DEFAULT_TABLE) -> dict[tuple[str, str], Expected]:
    """The expected-links table (TSV with a header; ``#`` lines are comments)."""
    out: dict[tuple[str, str], Expected] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t")
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(f"{path}: header must be the tab-separated columns {COLUMNS}")
    for n, rec in enumerate(reader, 2):
        exp = Expected(**{c: (rec[c] or "").strip() for c in COLUMNS})
        if not (exp.expected == "none" or exp.expected.startswith("key:")
                or (exp.expected.startswith("Q") and exp.expected[1:].isdigit())):
            raise ValueError(f"{path}: row {n}: expected must be a QID, key:<key> or none, not {exp.expected!r}")
        if (exp.article, exp.entity) in out:
            raise ValueError(f"{path}: row {n}: duplicate row for {exp.article}/{exp.entity}")
        out[(exp.article, exp.entity)] = exp
    return out


def strip_links(annotation):  # noqa: ANN001, ANN201 - Annotation -> Annotation
    """The annotation with every entity link removed (curated ones too)."""
    ents = tuple(e.model_copy(update={"link": None}) if e.link else e for e in annotation.entities)
    return annotation.model_copy(update={"entities": ents})


def gold_annotations(paths: Sequence[Path | str] = DEFAULT_PATHS) -> list:
    """(article, curated annotation) pairs of every article with an ``.ann.yaml``."""
    from ..article import ArticleError, read_articles
    from ..curation import load_annotation

    out = []
    for item in read_articles([Path(p) for p in paths]):
        if isinstance(item, ArticleError) or item.annotation_path is None:
            continue
        out.append((item, load_annotation(item.annotation_path, item.text, item.sha256)))
    return out


def evaluate_linking(paths: Sequence[Path | str] = DEFAULT_PATHS, table: Path | str = DEFAULT_TABLE,
                     gazetteer=None, annotations: Iterable | None = None) -> LinkingResult:  # noqa: ANN001
    """Run the linker on the gold annotations (curated links removed) and score it
    against the expected-links table; see the module docstring."""
    from ..link import link
    from .gazetteer import Gazetteer

    gaz = gazetteer or Gazetteer.load()
    expected = read_expected(table)
    pairs = list(annotations) if annotations is not None else gold_annotations(paths)
    result = LinkingResult(articles=len(pairs))
    for article, annotation in pairs:
        t0 = time.perf_counter()
        linked = link(strip_links(annotation), gaz, online=False)
        result.seconds += time.perf_counter() - t0
        gold_ids = {e.id for e in annotation.entities}
        by_id = {e.id: e for e in linked.entities}
        for e in linked.entities:
            if e.id not in gold_ids:
                if e.link is not None and e.link.method == "hierarchy":
                    children = [c.label for c in linked.entities if c.located_in == e.id]
                    result.hierarchy.append((article.id, ", ".join(children), e.label,
                                             e.link.qid or f"key:{e.link.key}"))
                continue
            exp = expected.get((article.id, e.id))
            ln = e.link
            got = "none" if ln is None else (ln.qid or f"key:{ln.key}")
            if ln is not None and ln.qid and ln.key:
                got = f"{ln.qid} ({ln.key})"
            if exp is None:
                if ln is None:
                    continue  # not a place the table covers, and not linked: nothing to score
                verdict = "fp"  # a link on an entity nobody reviewed counts as wrong
                exp_value = "(no row)"
            else:
                exp_value = exp.expected
                if ln is None:
                    verdict = "tn" if exp.expected == "none" else "fn"
                else:
                    verdict = "tp" if exp.matches(ln.qid, ln.key) else "fp"
            result.rows.append(Row(article.id, e.id, by_id[e.id].label, exp_value, got,
                                   ln.method if ln else None, ln.score if ln else None, verdict))
    return result


def format_table(result: LinkingResult, *, all_rows: bool = True) -> str:
    """A plain-text table: every scored entity, then totals."""
    lines = [f"{'article':22} {'entity':26} {'expected':10} {'linked':32} {'method':12} {'score':>5}  verdict"]
    for r in result.rows:
        if not all_rows and r.verdict == "tn":
            continue
        score = f"{r.score:.2f}" if r.score is not None else ""
        lines.append(f"{r.article:22} {r.entity[:26]:26} {r.expected:10} {r.got[:32]:32} {r.method or '':12} "
                     f"{score:>5}  {r.verdict}")
    s = result.summary()
    lines.append("")
    lines.append(f"articles {s['articles']}  tp {s['tp']}  fp {s['fp']}  fn {s['fn']}  tn {s['tn']}  "
                 f"precision {s['precision']:.3f}  recall {s['recall']:.3f}  "
                 f"linking {1000 * result.seconds / max(result.articles, 1):.2f} ms/article")
    if result.hierarchy:
        lines.append(f"hierarchy entities added from the gazetteer: {len(result.hierarchy)}")
        for art, child, parent, target in result.hierarchy:
            lines.append(f"  {art:22} {child} -> {parent} ({target})")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:  # pragma: no cover - thin CLI
    import argparse

    ap = argparse.ArgumentParser(description="Score the linker against the expected-links table.")
    ap.add_argument("paths", nargs="*", type=Path, default=list(DEFAULT_PATHS))
    ap.add_argument("--table", type=Path, default=DEFAULT_TABLE)
    args = ap.parse_args(argv)
    res = evaluate_linking(args.paths, args.table)
    print(format_table(res))
    return 0 if res.count("fp") == 0 else 1


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
