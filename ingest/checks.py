"""`newskg validate`: SHACL checks on article folders, exported RDF files or the store.

Every source is cut into per-article groups of quads (an article's document graph and its
claim graphs) and each group is validated on its own, as ingest does.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import typer
from rich.console import Console

from . import pipeline
from .article import is_article_file
from .store import StoreError, open_store
from .validate import Report, core_shapes, validate_quads

RDF_FORMATS = {
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".nquads": ox.RdfFormat.N_QUADS,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
}


@dataclass(frozen=True)
class Checked:
    """The validation of one article (or one unreadable input)."""

    source: str
    article_id: str | None
    report: Report | None
    errors: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors and (self.report is None or not self.report.errors)


class InputError(Exception):
    """An input that cannot be read at all (exit code 2)."""


def group_by_article(quads: Iterable[ox.Quad], base: str) -> dict[str, list[ox.Quad]]:
    """Quads grouped by the article whose graphs hold them; other graphs under "" (shared)."""
    pattern = re.compile(re.escape(base) + r"article/([^/#]+)/")
    groups: dict[str, list[ox.Quad]] = defaultdict(list)
    for q in quads:
        graph = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
        match = pattern.match(graph)
        groups[match.group(1) if match else ""].append(q)
    return groups


def read_rdf(path: Path) -> list[ox.Quad]:
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown data format {path.suffix!r} (use .trig, .nq, .ttl or .nt)")
    try:
        return list(ox.parse(path=str(path), format=fmt))
    except SyntaxError as e:
        raise InputError(f"{path}: {e}") from None
    except OSError as e:
        raise InputError(f"{path}: cannot read: {e}") from None


def check_groups(source: str, groups: dict[str, list[ox.Quad]]) -> Iterator[Checked]:
    shapes = core_shapes()
    for article_id in sorted(k for k in groups if k):
        yield Checked(source, article_id, validate_quads(groups[article_id], shapes))


def check_store(store: ox.Store, base: str) -> Iterator[Checked]:
    pattern = re.compile(re.escape(base) + r"article/([^/#]+)/graph$")
    ids = sorted(
        m.group(1) for g in store.named_graphs() if isinstance(g, ox.NamedNode) and (m := pattern.match(g.value))
    )
    shapes = core_shapes()
    for article_id in ids:
        prefix = f"{base}article/{article_id}/"
        graphs = [g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(prefix)]
        quads = [q for g in graphs for q in store.quads_for_pattern(None, None, None, g)]
        yield Checked(f"store:{article_id}", article_id, validate_quads(quads, shapes))


def check_targets(targets: list[Path], base: str) -> Iterator[Checked]:
    for target in targets:
        if not target.exists():
            raise InputError(f"{target}: no such file or folder")
        if target.is_file() and target.suffix.lower() in RDF_FORMATS:
            yield from check_groups(str(target), group_by_article(read_rdf(target), base))
        elif target.is_dir() or is_article_file(target):
            for outcome in pipeline.run([target], base, store=None):
                errors = outcome.errors
                yield Checked(str(outcome.source), outcome.article_id, outcome.report, errors)
        else:
            raise InputError(f"{target}: neither an article nor RDF data (.txt, .json, .jsonl, .trig, .nq, .ttl, .nt)")


def print_text(results: list[Checked], out: Console) -> None:
    for r in results:
        if r.errors:
            for line in r.errors:
                out.print(f"[red]error[/] {line}", highlight=False, soft_wrap=True)
            continue
        if r.report is None:
            continue
        for v in r.report.violations:
            label = f" ({v.focus_label})" if v.focus_label else ""
            span = f" at [{v.span.start}, {v.span.end}) {v.span.text!r}" if v.span else ""
            value = f" value {v.value}" if v.value and v.value != v.focus else ""
            out.print(
                f"{r.source}: {v.severity}: {v.focus}{label}: {v.message}{value}{span}",
                highlight=False, soft_wrap=True,
            )


def validate_command(targets: list[Path] | None, store: Path | None, base: str, out: Console, err: Console) -> None:
    try:
        if targets:
            results = list(check_targets(targets, base))
        else:
            try:
                db = open_store(store, read_only=True)
            except StoreError as e:
                raise InputError(str(e)) from None
            results = list(check_store(db, base))
    except InputError as e:
        err.print(f"[bold red]error:[/] {e}", highlight=False)
        raise typer.Exit(2) from None
    print_text(results, out)
    failed = [r for r in results if not r.ok]
    violations = sum(len(r.report.errors) for r in results if r.report)
    err.print(
        f"{len(results)} articles checked, {len(failed)} failing, {violations} violations",
        highlight=False,
    )
    if failed:
        raise typer.Exit(1)
