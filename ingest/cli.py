"""The `newskg` command line.

Exit codes: 0 success; 1 validation failures or per-article errors (the other articles are
still processed); 2 usage or I/O errors.
"""

from __future__ import annotations

import gc
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import pyoxigraph as ox
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import pipeline
from .article import discover
from .store import StoreError, load_gazetteer, load_ontology, open_store, remove_article, store_path
from .vocab import PREFIXES, base_iri

app = typer.Typer(
    name="newskg",
    help="Turn news articles into a knowledge graph of events, actors, places and attributed statements.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True, soft_wrap=True)

StoreOpt = Annotated[
    Optional[Path], typer.Option("--store", help="Store folder (default: $NEWSKG_STORE or .newskg/store).")
]
BaseOpt = Annotated[
    Optional[str], typer.Option("--base", help="Base IRI of the data (default: $NEWSKG_BASE or https://w3id.org/newskg/id/).")
]


def _fail(message: str, code: int = 2) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False)
    return typer.Exit(code)


def _base(value: str | None) -> str:
    try:
        return base_iri(value)
    except ValueError as e:
        raise _fail(str(e)) from None


def _open(store: Path | None, read_only: bool = False) -> ox.Store:
    try:
        return open_store(store, read_only=read_only)
    except StoreError as e:
        raise _fail(str(e)) from None


def print_outcome(outcome: pipeline.Outcome) -> None:
    where = f"{outcome.source}:{outcome.line}" if outcome.line else str(outcome.source)
    if outcome.status == "error":
        for line in outcome.errors:
            err.print(f"[red]error[/] {line}", highlight=False, soft_wrap=True)
    elif outcome.status == "invalid" and outcome.report is not None:
        err.print(f"[red]invalid[/] {where} (article {outcome.article_id}): not stored", highlight=False)
        for v in outcome.report.errors:
            label = f" ({v.focus_label})" if v.focus_label else ""
            span = f" at [{v.span.start}, {v.span.end}) {v.span.text!r}" if v.span else ""
            err.print(f"  {v.severity}: {v.focus}{label}: {v.message}{span}", highlight=False, soft_wrap=True)


def _ingest_into(db: ox.Store, targets: list[Path], base_value: str, quiet: bool, jobs: int | None) -> tuple[dict[str, int], int]:
    try:
        load_ontology(db, base_value)
        load_gazetteer(db, base_value)
    except OSError as e:
        raise _fail(f"cannot write the ontology graph: {e}") from None
    total = sum(1 for _ in discover(targets))
    if jobs is None:  # worker processes pay off from a few dozen articles on
        jobs = min(os.cpu_count() or 1, 4) if total >= 24 else 1
    counts = {"stored": 0, "invalid": 0, "error": 0}
    quads = 0
    with Progress(
        TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TimeElapsedColumn(), console=err, disable=quiet or not err.is_terminal,
    ) as progress:
        task = progress.add_task("ingesting", total=total)
        for outcome in pipeline.run(targets, base_value, db, jobs=jobs):
            counts[outcome.status] += 1
            quads += outcome.quads if outcome.status == "stored" else 0
            print_outcome(outcome)
            if outcome.status == "stored" and not quiet:
                progress.console.print(
                    f"stored {outcome.article_id} ({outcome.annotation}, {outcome.quads} quads)", highlight=False
                )
            if outcome.source.suffix != ".jsonl":
                progress.advance(task)
    return counts, quads


@app.command()
def ingest(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Article files or folders (default: seeds/).")] = None,
    store: StoreOpt = None,
    base: BaseOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only errors and the summary.")] = False,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes preparing articles (default: one per core, up to 4, from 24 articles on).")] = None,
) -> None:
    """Read, annotate, link, map, validate and store articles. Re-ingesting replaces an article."""
    targets = paths or [Path("seeds")]
    for target in targets:
        if not target.exists():
            raise _fail(f"{target}: no such file or folder")
    base_value = _base(base)
    db = _open(store)
    try:
        counts, quads = _ingest_into(db, targets, base_value, quiet, jobs)
    finally:
        # Release the store's lock now: the open store sits in reference cycles that would
        # otherwise hold it until the next garbage collection.
        db.flush()
        del db
        gc.collect()
    err.print(
        f"{counts['stored']} stored ({quads} quads), {counts['invalid']} invalid, {counts['error']} errors "
        f"-> {store_path(store)}",
        highlight=False,
    )
    if counts["invalid"] or counts["error"]:
        raise typer.Exit(1)


class QueryFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    tsv = "tsv"
    xml = "xml"
    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    trig = "trig"
    jsonld = "jsonld"
    rdfxml = "rdfxml"


RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "xml": ox.QueryResultsFormat.XML,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def run_query(db: ox.Store, text: str, union: bool = True) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """A SPARQL query on the store with the project's prefixes predeclared."""
    return db.query(text, use_default_graph_as_union=union, prefixes=PREFIXES)


def _cell(term: object) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.NamedNode):
        return term.value
    return str(term)


@app.command()
def query(
    text: Annotated[Optional[str], typer.Argument(help="The SPARQL query (or use -f).")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", "-f", help="Read the query from a .rq file.")] = None,
    store: StoreOpt = None,
    format: Annotated[QueryFormat, typer.Option("--format", help="Output format.")] = QueryFormat.table,
    no_union: Annotated[bool, typer.Option("--no-union", help="Default graph = the store's default graph only.")] = False,
) -> None:
    """Run a SPARQL query on the store. The usual prefixes (nkg:, sem:, evt:, wd: ...) are predeclared."""
    if (text is None) == (file is None):
        raise _fail("give a query or --file, not both and not neither")
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise _fail(f"{file}: cannot read: {e}") from None
    assert text is not None
    db = _open(store, read_only=True)
    try:
        result = run_query(db, text, union=not no_union)
    except SyntaxError as e:
        raise _fail(f"{file or 'query'}: {e}") from None
    except OSError as e:
        raise _fail(f"query failed: {e}") from None
    fmt = format.value
    if isinstance(result, ox.QueryTriples):
        if fmt in RESULT_FORMATS:
            raise _fail(f"--format {fmt} is for SELECT and ASK; a graph result takes turtle, ntriples, nquads, trig, jsonld or rdfxml")
        sys.stdout.buffer.write(result.serialize(format=GRAPH_FORMATS.get(fmt, ox.RdfFormat.TURTLE)) or b"")
        return
    if fmt in GRAPH_FORMATS:
        raise _fail(f"--format {fmt} is for CONSTRUCT and DESCRIBE; use table, json, csv, tsv or xml")
    if fmt == "table":
        if isinstance(result, ox.QueryBoolean):
            out.print("true" if bool(result) else "false")
            return
        variables = [v.value for v in result.variables]
        table = Table(*variables, show_lines=False)
        rows = 0
        for solution in result:
            table.add_row(*(_cell(solution[v]) for v in variables))
            rows += 1
        out.print(table)
        err.print(f"{rows} rows", highlight=False)
        return
    sys.stdout.buffer.write(result.serialize(format=RESULT_FORMATS[fmt]) or b"")


class ExportFormat(str, Enum):
    trig = "trig"
    nquads = "nquads"


@app.command()
def export(
    store: StoreOpt = None,
    format: Annotated[ExportFormat, typer.Option("--format", help="trig or nquads.")] = ExportFormat.trig,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: stdout).")] = None,
) -> None:
    """Export the whole store, every named graph, as TriG or N-Quads."""
    db = _open(store, read_only=True)
    rdf_format = ox.RdfFormat.TRIG if format is ExportFormat.trig else ox.RdfFormat.N_QUADS
    prefixes = PREFIXES if format is ExportFormat.trig else None
    try:
        if output is None:
            sys.stdout.buffer.write(db.dump(format=rdf_format, prefixes=prefixes) or b"")
        else:
            tmp = output.with_name(output.name + ".part")
            db.dump(str(tmp), format=rdf_format, prefixes=prefixes)
            tmp.replace(output)
    except OSError as e:
        raise _fail(f"export failed: {e}") from None


STATS_QUERY = """
SELECT
  (COUNT(DISTINCT ?article) AS ?articles) (COUNT(DISTINCT ?statement) AS ?statements)
  (COUNT(DISTINCT ?claim) AS ?claims) (COUNT(DISTINCT ?event) AS ?events)
  (COUNT(DISTINCT ?casualty) AS ?casualties) (COUNT(DISTINCT ?entity) AS ?entities)
  (COUNT(DISTINCT ?linked) AS ?linked)
WHERE {
  { ?article a schema:NewsArticle } UNION { ?statement a nkg:Statement } UNION { ?claim a nkg:Claim }
  UNION { ?event a sem:Event } UNION { ?casualty a nkg:CasualtyFigure }
  UNION { ?entity a ?t . FILTER(?t IN (sem:Actor, sem:Place)) }
  UNION { ?linked skos:exactMatch ?wd }
}"""

UNLINKED_QUERY = """
SELECT ?label ?type (COUNT(DISTINCT ?article) AS ?articles) WHERE {
  GRAPH ?g { ?e a ?cls ; rdfs:label ?label . FILTER(?cls IN (sem:Actor, sem:Place))
             FILTER NOT EXISTS { ?e skos:exactMatch ?wd } ?g prov:wasDerivedFrom ?article .
             ?e a ?type . FILTER(STRSTARTS(STR(?type), STR(nkg:))) }
} GROUP BY ?label ?type ORDER BY DESC(?articles) ?label LIMIT 50"""


@app.command()
def stats(store: StoreOpt = None) -> None:
    """Counts of what the store holds, and the most frequent entities left without a Wikidata link."""
    db = _open(store, read_only=True)
    (row,) = list(run_query(db, STATS_QUERY))  # type: ignore[arg-type]
    table = Table("what", "count")
    for var in ("articles", "statements", "claims", "events", "casualties", "entities", "linked"):
        table.add_row(var if var != "linked" else "entities linked to Wikidata", row[var].value)
    graphs = sum(1 for _ in db.named_graphs())
    table.add_row("named graphs", str(graphs))
    out.print(table)
    unlinked = Table("unlinked entity", "type", "articles", title="Unlinked entities by frequency")
    for sol in run_query(db, UNLINKED_QUERY):  # type: ignore[union-attr]
        unlinked.add_row(sol["label"].value, sol["type"].value.rsplit("#", 1)[-1], sol["articles"].value)
    out.print(unlinked)


class ReportFormat(str, Enum):
    text = "text"
    turtle = "turtle"
    json = "json"
    junit = "junit"
    github = "github"


class Engine(str, Enum):
    fast = "fast"
    pyshacl = "pyshacl"


@app.command()
def validate(
    targets: Annotated[Optional[list[Path]], typer.Argument(help="Article files or folders (built in memory, nothing stored), or RDF exports (.trig, .nq, .ttl, .nt).")] = None,
    store: StoreOpt = None,
    base: BaseOpt = None,
    fmt: Annotated[ReportFormat, typer.Option("--format", "-f", help="Report format.")] = ReportFormat.text,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the report to this file (default: stdout).")] = None,
    shapes: Annotated[Optional[list[Path]], typer.Option("--shapes", help="A folder of your own shapes (all its .ttl files); repeatable.")] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail the run too.")] = False,
    quality: Annotated[bool, typer.Option("--quality/--no-quality", help="Also check shapes/quality.ttl and the gazetteer (warnings).")] = True,
    engine: Annotated[Engine, typer.Option("--engine", help="SHACL engine: fast (SPARQL on pyoxigraph, falls back to pySHACL for shapes it does not support) or pyshacl.")] = Engine.fast,
    jobs: Annotated[Optional[int], typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per core).")] = None,
) -> None:
    """Check articles, exports or the store against the SHACL shapes. Exit 0 valid, 1 violations, 2 usage or I/O error."""
    from . import checks
    from .report import render, summarize

    base_value = _base(base)
    try:
        spec = checks.shape_spec(shapes or [], engine.value, quality)
        options = checks.Options(base_value, spec, jobs or checks.default_jobs())
        results = checks.run(targets, store, options)
    except checks.InputError as e:
        raise _fail(str(e)) from None
    text = render(results, fmt.value, strict)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as e:
            raise _fail(f"{output}: cannot write the report: {e}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    s = summarize(results, strict)
    err.print(
        f"{s['articles']} articles checked, {s['failed']} failing, {s['violations']} violations, "
        f"{s['warnings']} warnings, {s['errors']} errors",
        highlight=False,
    )
    code = checks.exit_code(results, strict)
    if code:
        raise typer.Exit(code)


@app.command()
def remove(
    article_ids: Annotated[list[str], typer.Argument(help="Ids of the articles to remove.")],
    store: StoreOpt = None,
    base: BaseOpt = None,
) -> None:
    """Remove articles from the store: each one's document graph and claim graphs, atomically."""
    base_value = _base(base)
    db = _open(store)
    try:
        missing = []
        for article_id in article_ids:
            graphs = remove_article(db, base_value, article_id)
            if graphs:
                err.print(f"removed {article_id} ({graphs} graphs)", highlight=False)
            else:
                missing.append(article_id)
    finally:
        db.flush()
        del db
        gc.collect()
    if missing:
        raise _fail(f"not in the store: {', '.join(missing)}", code=1)


@app.command()
def serve(
    store: StoreOpt = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the store as a SPARQL 1.1 endpoint with a query page for researchers."""
    try:
        import server
    except ImportError as e:
        raise _fail(f"the server package is not installed: {e}") from None
    path = store_path(store)
    if not path.exists():
        raise _fail(f"{path}: no store here (run `newskg ingest` first)")
    server.run(path, host=host, port=port)


from .extract.cli import extract_command  # noqa: E402
from .extract.evaluate import evaluate_command  # noqa: E402
from .gazetteer.cli import gazetteer_app  # noqa: E402

app.command("extract")(extract_command)
app.command("evaluate")(evaluate_command)
app.add_typer(gazetteer_app, name="gazetteer", help="Build and query the offline gazetteer.")


if __name__ == "__main__":  # pragma: no cover
    app()
