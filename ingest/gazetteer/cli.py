"""``newskg gazetteer ...`` - build the gazetteer and look names up.

Mount with ``app.add_typer(gazetteer_app, name="gazetteer")``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .build import BuildResult, build_shared, default_shared_dir, merge_wikidata
from .gazetteer import Gazetteer
from .model import Report, SourceInfo
from .origin import sha256_file
from .store import DEFAULT_PATH, read_gazetteer, write_gazetteer
from .wikidata import WikidataDumpError, iter_dump, read_wbgetentities

gazetteer_app = typer.Typer(help="Offline gazetteer (dr5hn, Afghan districts, Wikidata JSON).",
                            no_args_is_help=True)


def _wd_source(path: Path, kind: str, version: str | None) -> SourceInfo:
    digest = sha256_file(path)
    return SourceInfo(f"{kind}:{path.name}", "wikidata.org", version or f"sha256:{digest[:16]}",
                      "CC0-1.0", {path.name: digest})


@gazetteer_app.command()
def build(
    shared: Optional[Path] = typer.Option(None, "--shared", help="Shared sources folder (default ../shared "
                                          "of the repo); its gazetteer/ is read."),
    base: Optional[Path] = typer.Option(None, "--base", help="Start from this gazetteer file instead of "
                                        "the shared sources."),
    wikidata_dump: list[Path] = typer.Option([], "--wikidata-dump", help="Wikidata JSON dump "
                                             "(.json/.gz/.bz2), repeatable."),
    wbgetentities: list[Path] = typer.Option([], "--wbgetentities", help="wbgetentities responses, repeatable."),
    out: Path = typer.Option(DEFAULT_PATH, "--out", help="Output file (.jsonl, or .jsonl.gz)."),
    lenient: bool = typer.Option(False, "--lenient", help="Skip malformed dump lines (reported) "
                                 "instead of failing."),
    keep_all: bool = typer.Option(False, "--all-items", help="Keep Wikidata items without place features."),
    source_version: Optional[str] = typer.Option(None, "--source-version", help="Version recorded for "
                                                 "Wikidata inputs (default: sha256 of the file)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Print info-level notes too."),
) -> None:
    """Build the gazetteer; written atomically (temp file + rename)."""
    report = Report()
    if base is not None:
        header, entries = read_gazetteer(base)
        result = BuildResult(entries, [SourceInfo(**s) for s in header.get("sources", [])], report)
    else:
        result = build_shared(shared or default_shared_dir(), report)
    try:
        for dump in wikidata_dump:
            ents = iter_dump(dump, report, strict=not lenient)
            result = merge_wikidata(result, ents, _wd_source(dump, "wikidata-dump", source_version),
                                    keep_all=keep_all)
        for resp in wbgetentities:
            ents = read_wbgetentities(resp, report)
            result = merge_wikidata(result, ents, _wd_source(resp, "wbgetentities", source_version),
                                    keep_all=keep_all)
    except WikidataDumpError as exc:
        typer.echo(f"error: {exc}", err=True)
        typer.echo(f"{out} left unchanged.", err=True)
        raise typer.Exit(2) from None
    data = write_gazetteer(out, result.entries, result.sources)
    for issue in report.issues:
        if verbose or issue.level != "info":
            typer.echo(str(issue), err=True)
    counts: dict[str, int] = {}
    for e in result.entries:
        counts[e.kind] = counts.get(e.kind, 0) + 1
    typer.echo(f"wrote {out} ({len(data)} bytes, {len(result.entries)} entries: "
               + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")")


@gazetteer_app.command()
def lookup(
    name: str,
    kind: list[str] = typer.Option([], "--kind", help="Restrict to kinds (country, admin1, district, city...)."),
    context: list[str] = typer.Option([], "--context", help="Gazetteer keys of other places in the article."),
    path: Optional[Path] = typer.Option(None, "--gazetteer", help="Gazetteer file (default: shipped)."),
    online: bool = typer.Option(False, "--online", help="When the gazetteer has no match, ask the Wikidata "
                                "API (cached on disk, rate-limited; exact label/alias and compatible P31 only)."),
    entity_type: str = typer.Option("settlement", "--type", help="Entity type for the online P31 check "
                                    "(person, country, province, district, settlement, region...)."),
) -> None:
    """Look a place name up; prints candidates best first."""
    g = Gazetteer.load(path)
    dem = g.demonym_info(name)
    if dem:
        typer.echo(f"{name!r} is a demonym of {dem.country} (source {dem.source}"
                   + (", also an ethnonym" if dem.ethnic else "") + ")")
    matches = g.lookup(name, kinds=kind or None, context_keys=context)
    if not matches and online:
        from .online import OnlineLookupError, WikidataClient, classes_for

        client = WikidataClient(gazetteer=g)
        if not classes_for(entity_type, g):
            typer.echo(f"online: no P31 class known for type {entity_type!r}; nothing can be accepted "
                       "(see ingest/gazetteer/online.py)", err=True)
            raise typer.Exit(1)
        try:
            found = client.candidates(name, entity_type)
        except OnlineLookupError as err:
            typer.echo(f"online lookup failed: {err}", err=True)
            raise typer.Exit(2) from None
        if len({m.qid for m in found}) == 1:
            m = found[0]
            typer.echo(f"online {m.method:12} {m.qid:10} {m.label}  P31 {','.join(m.p31)}  [{m.source}]")
            return
        typer.echo("online: " + ("tie: " + ", ".join(m.qid for m in found) + " (not linked)" if found
                                 else "no exact label/alias with a compatible P31"))
        raise typer.Exit(1)
    if not matches and not dem:
        typer.echo("no match")
        raise typer.Exit(1)
    for m in matches:
        chain = " < ".join(a.label for a in g.ancestors(m.key))
        typer.echo(f"{m.score:.3f} {m.method:12} {m.key:40} {m.qid or '-':10} {m.entry.label}"
                   + (f"  [{chain}]" if chain else "") + ("  (context)" if m.context else ""))


if __name__ == "__main__":  # pragma: no cover
    gazetteer_app()
