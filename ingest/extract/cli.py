"""``newskg extract FILE``: a YAML draft for curation, or the JSON summary.

Register in ingest/cli.py with ``app.command("extract")(extract_command)``.
"""

from __future__ import annotations

import json
import sys
import warnings
from enum import Enum
from pathlib import Path

import typer

from ..article import ArticleError, read_json_article, read_text_article
from ..curation import dump_annotation


class Format(str, Enum):
    yaml = "yaml"
    json = "json"


def read_article(file: Path):  # noqa: ANN201
    """A plain-text article (with its .meta.json sidecar) or a JSON article with a text field."""
    if file.suffix == ".json":
        return read_json_article(file)
    return read_text_article(file)


def extract_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, readable=True,
                                help="Article: NAME.txt (with NAME.meta.json) or NAME.json with a 'text' field."),
    format: Format = typer.Option(Format.yaml, "--format", "-f",  # noqa: A002 - the option's name
                                  help="yaml: an annotation draft for curation; json: the stable summary."),
    full: bool = typer.Option(False, "--full", help="With --format json: include the whole annotation."),
) -> None:
    """Extract an annotation from one article automatically (offline)."""
    from . import ExtractionWarning, extract

    try:
        article = read_article(file)
    except ArticleError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2) from None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ExtractionWarning)
        annotation = extract(article)
    messages = [str(w.message) for w in caught if issubclass(w.category, ExtractionWarning)]
    for m in messages:
        typer.echo(f"warning: {m}", err=True)
    if format == Format.json:
        from .output import summary

        data = summary(annotation, article.meta.published, messages, include_annotation=full)
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(
            "# Draft annotation extracted automatically: check every item before saving it as\n"
            f"# {article.id}.ann.yaml (then set provenance.kind: curated).\n"
        )
        sys.stdout.write(dump_annotation(annotation))


def main() -> None:  # pragma: no cover - for `python -m ingest.extract.cli`
    app = typer.Typer(add_completion=False)
    app.command("extract")(extract_command)
    from .evaluate import evaluate_command

    app.command("evaluate")(evaluate_command)
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
