"""Validation reports a person (and a CI tool) can act on.

Every result is placed in a file: for a curated article, the line of the item in its
``NAME.ann.yaml`` that produced the focus node (the fix goes there); otherwise the line and
column, in the article text, of the span behind the node. The quoted text is kept either
way. Formats: text, the SHACL validation report as Turtle, JSON, JUnit XML and GitHub Actions
workflow commands.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .validate import TextSpan, Violation

FORMATS = ("text", "turtle", "json", "junit", "github")
SH = "http://www.w3.org/ns/shacl#"
NKGR = "https://w3id.org/newskg/report#"


@dataclass(frozen=True)
class Location:
    file: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Finding:
    """One SHACL result, placed: ``where`` is what a person should open, ``text`` the position
    of the span in the article text (the same place for an article without curated file)."""

    violation: Violation
    where: Location
    text: Location | None = None


@dataclass
class ArticleResult:
    """One article (or one input that could not be read, or the collection-wide pass)."""

    source: str
    article_id: str | None
    findings: list[Finding] = field(default_factory=list)
    errors: list[tuple[Location, str]] = field(default_factory=list)
    quads: list[ox.Quad] | None = None  # kept only when collection-wide shapes need them

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.violation.is_violation]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if not f.violation.is_violation]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors or self.violations or (strict and self.warnings))


# ----------------------------------------------------------------------------- locating

def text_position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of a code-point offset."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


class AnnotationIndex:
    """Lines of a curated annotation's items: ids per collection, QIDs, gazetteer keys and
    spans by their offsets."""

    COLLECTIONS = {
        "entity": "entities", "event": "events", "claim": "claims", "statement": "statements",
        "casualty": "casualties", "alternatives": "alternatives", "link": "entities",
    }

    def __init__(self, path: Path) -> None:
        from .curation import parse_yaml_with_lines

        self.path = path
        self.ids: dict[tuple[str, str], int] = {}
        self.qids: dict[str, int] = {}
        self.keys: dict[str, int] = {}
        self.labels: dict[str, int] = {}
        self.spans: dict[tuple[int, int], int] = {}
        try:
            data, lines = parse_yaml_with_lines(path.read_text(encoding="utf-8"))
        except Exception:  # an unreadable file has been reported by ingest already
            return
        if not isinstance(data, dict):
            return
        for collection in set(self.COLLECTIONS.values()) | {"participants", "relations"}:
            for i, item in enumerate(data.get(collection) or []):
                if not isinstance(item, dict):
                    continue
                line = lines.get((collection, i))
                if line is None:
                    continue
                if "id" in item:
                    self.ids.setdefault((collection, str(item["id"])), line)
                link = item.get("link") if isinstance(item.get("link"), dict) else {}
                if item.get("qid") or link.get("qid"):
                    self.qids.setdefault(str(item.get("qid") or link.get("qid")), line)
                if link.get("key"):
                    self.keys.setdefault(str(link["key"]), line)
                if collection == "entities" and item.get("label"):
                    self.labels.setdefault(_slug(str(item["label"])), line)
        self._collect_spans(data, (), lines)

    def _collect_spans(self, node: Any, where: tuple, lines: dict) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("start"), int) and isinstance(node.get("end"), int):
                line = lines.get(where)
                if line is not None:
                    self.spans.setdefault((node["start"], node["end"]), line)
            for k, v in node.items():
                self._collect_spans(v, (*where, k), lines)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                self._collect_spans(v, (*where, i), lines)

    def line_of(self, focus: str, base: str, article_id: str) -> int | None:
        prefix = f"{base}article/{article_id}"
        if focus.startswith(prefix + "#char="):
            start, _, end = focus[len(prefix) + 6:].partition(",")
            try:
                return self.spans.get((int(start), int(end)))
            except ValueError:
                return None
        if focus.startswith(prefix + "/"):
            kind, _, ident = focus[len(prefix) + 1:].partition("/")
            collection = self.COLLECTIONS.get(kind)
            return self.ids.get((collection, ident)) if collection else None
        if focus.startswith(f"{base}entity/"):
            return self.qids.get(focus[len(base) + 7:])
        if focus.startswith(f"{base}place/"):
            return self.keys.get(focus[len(base) + 6:])
        if focus.startswith(f"{base}outlet/"):
            return self.labels.get(focus[len(base) + 7:])
        return None


def _slug(text: str) -> str:
    from .vocab import slug

    return slug(text)


def place_article(violations: tuple[Violation, ...], base: str, article_id: str, text: str | None,
                  text_file: str, annotation: Path | None) -> list[Finding]:
    """Findings for one article read from files: curated items by their annotation line."""
    index = AnnotationIndex(annotation) if annotation is not None else None
    findings = []
    for v in violations:
        text_loc = None
        if v.span is not None and text is not None:
            line, col = text_position(text, v.span.start)
            text_loc = Location(text_file, line, col)
        where = None
        if index is not None:
            line = index.line_of(v.focus, base, article_id)
            if line is None and v.value:
                line = index.line_of(v.value, base, article_id)
            if line is not None:
                where = Location(str(annotation), line, 1)
        findings.append(Finding(v, where or text_loc or Location(str(annotation) if index else text_file), text_loc))
    return findings


def place_rdf(violations: tuple[Violation, ...], text: str | None, source: str,
              lines: "dict[str, int] | None" = None) -> list[Finding]:
    """Findings for an article read from RDF: the line in the data file where the focus node
    first appears (when the file is line-based), and the span's position in the article text
    the graph holds."""
    findings = []
    for v in violations:
        text_loc = None
        if v.span is not None and text is not None:
            line, col = text_position(text, v.span.start)
            text_loc = Location(f"{source}#text", line, col)
        line = (lines or {}).get(v.focus)
        findings.append(Finding(v, Location(source, line, 1 if line else None), text_loc))
    return findings


def first_lines(path: Path, iris: set[str]) -> dict[str, int]:
    """The first line of a data file on which each IRI occurs written out in full."""
    wanted = {f"<{i}>": i for i in iris}
    found: dict[str, int] = {}
    if not wanted:
        return found
    pattern = re.compile(r"<[^>\s]*>")
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for n, line in enumerate(fh, 1):
                for m in pattern.findall(line):
                    if m in wanted and wanted[m] not in found:
                        found[wanted[m]] = n
                if len(found) == len(wanted):
                    break
    except OSError:
        pass
    return found


# ----------------------------------------------------------------------------- formats

def _where(loc: Location) -> str:
    out = loc.file
    if loc.line:
        out += f":{loc.line}"
        if loc.column:
            out += f":{loc.column}"
    return out


def _describe(v: Violation) -> str:
    label = f" ({v.focus_label})" if v.focus_label else ""
    value = f"; value {v.value}" if v.value and v.value != v.focus else ""
    shape = f" [{_short(v.shape)}]" if v.shape else ""
    return f"{v.focus}{label}: {v.message}{value}{shape}"


def _short(iri: str) -> str:
    for prefix, ns in (("nkgsh:", "https://w3id.org/newskg/shapes#"), ("nkg:", "https://w3id.org/newskg/ontology#"),
                       ("sh:", SH)):
        iri = iri.replace(ns, prefix)
    return iri


def _quote(v: Violation, text: Location | None) -> str:
    if v.span is None:
        return ""
    where = f" at {_where(text)}" if text else ""
    return f"{where} [{v.span.start}, {v.span.end}) {v.span.text!r}"


def render_text(results: list[ArticleResult], strict: bool) -> str:
    lines = []
    for r in results:
        if not r.findings and not r.errors:
            continue
        name = f"{r.source} (article {r.article_id})" if r.article_id else r.source
        lines.append(f"{name}: {len(r.violations)} violations, {len(r.warnings)} warnings"
                     + (f", {len(r.errors)} errors" if r.errors else ""))
        for loc, message in r.errors:
            lines.append(f"  {_where(loc)}: error: {message}")
        for f in sorted(r.findings, key=lambda f: (not f.violation.is_violation, f.where.line or 0, f.violation.focus)):
            v = f.violation
            lines.append(f"  {_where(f.where)}: {v.severity.lower()}: {_describe(v)}{_quote(v, f.text)}")
    return "\n".join(lines) + ("\n" if lines else "")


def render_json(results: list[ArticleResult], strict: bool) -> str:
    def loc(l: Location | None) -> dict[str, Any] | None:
        return None if l is None else {"file": l.file, "line": l.line, "column": l.column}

    articles = []
    for r in results:
        articles.append({
            "source": r.source, "article": r.article_id, "failed": r.failed(strict),
            "errors": [{**loc(l), "message": m} for l, m in r.errors],  # type: ignore[dict-item]
            "results": [{
                "severity": f.violation.severity, "focus": f.violation.focus, "label": f.violation.focus_label,
                "shape": f.violation.shape, "component": f.violation.component, "path": f.violation.path,
                "message": f.violation.message, "value": f.violation.value,
                "location": loc(f.where), "text": None if f.violation.span is None else {
                    **(loc(f.text) or {}), "start": f.violation.span.start, "end": f.violation.span.end,
                    "quote": f.violation.span.text},
            } for f in r.findings],
        })
    summary = summarize(results, strict)
    return json.dumps({"conforms": not summary["failed"], "summary": summary, "articles": articles},
                      ensure_ascii=False, indent=2) + "\n"


def summarize(results: list[ArticleResult], strict: bool) -> dict[str, int]:
    return {
        "articles": sum(1 for r in results if r.article_id),
        "failed": sum(1 for r in results if r.failed(strict)),
        "violations": sum(len(r.violations) for r in results),
        "warnings": sum(len(r.warnings) for r in results),
        "errors": sum(len(r.errors) for r in results),
    }


def _key_term(key: str | None, fallback: str | None) -> ox.NamedNode | ox.BlankNode | ox.Literal | None:
    if key is None:
        return ox.NamedNode(fallback) if fallback and "://" in fallback else (ox.Literal(fallback) if fallback else None)
    if key.startswith("<"):
        return ox.NamedNode(key[1:-1])
    if key.startswith("_:"):
        return ox.BlankNode()
    lexical, datatype, lang = json.loads(key)
    if lang:
        return ox.Literal(lexical, language=lang)
    return ox.Literal(lexical, datatype=ox.NamedNode(datatype))


def render_turtle(results: list[ArticleResult], strict: bool) -> str:
    """The SHACL validation report (sh:ValidationReport), with the newskg locations added
    under https://w3id.org/newskg/report#."""
    def sh(t: str) -> ox.NamedNode:
        return ox.NamedNode(SH + t)

    def nr(t: str) -> ox.NamedNode:
        return ox.NamedNode(NKGR + t)

    report = ox.BlankNode()
    triples = [ox.Triple(report, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), sh("ValidationReport"))]
    conforms = not any(r.violations or r.errors for r in results)
    triples.append(ox.Triple(report, sh("conforms"), ox.Literal("true" if conforms else "false",
                                                             datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#boolean"))))
    integer = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    for r in results:
        for f in r.findings:
            v = f.violation
            res = ox.BlankNode()
            add = triples.append
            add(ox.Triple(report, sh("result"), res))
            add(ox.Triple(res, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), sh("ValidationResult")))
            focus = _key_term(v.focus_key, v.focus)
            if focus is not None:
                add(ox.Triple(res, sh("focusNode"), focus))
            if v.path and "://" in v.path and " " not in v.path and not v.path.startswith(("(", "^", "<")):
                add(ox.Triple(res, sh("resultPath"), ox.NamedNode(v.path)))
            value = _key_term(v.value_key, None) if v.value_key else None
            if value is not None:
                add(ox.Triple(res, sh("value"), value))
            add(ox.Triple(res, sh("resultSeverity"), sh(v.severity)))
            add(ox.Triple(res, sh("resultMessage"), ox.Literal(v.message)))
            if v.component:
                add(ox.Triple(res, sh("sourceConstraintComponent"), ox.NamedNode(v.component)))
            if v.shape_key and v.shape_key.startswith("<"):
                add(ox.Triple(res, sh("sourceShape"), ox.NamedNode(v.shape_key[1:-1])))
            elif v.shape:
                add(ox.Triple(res, nr("shapeDescription"), ox.Literal(v.shape)))
            if r.article_id:
                add(ox.Triple(res, nr("article"), ox.Literal(r.article_id)))
            add(ox.Triple(res, nr("file"), ox.Literal(f.where.file)))
            if f.where.line:
                add(ox.Triple(res, nr("line"), ox.Literal(str(f.where.line), datatype=integer)))
            if f.where.column:
                add(ox.Triple(res, nr("column"), ox.Literal(str(f.where.column), datatype=integer)))
            if v.span is not None:
                add(ox.Triple(res, nr("quote"), ox.Literal(v.span.text)))
                add(ox.Triple(res, nr("start"), ox.Literal(str(v.span.start), datatype=integer)))
                add(ox.Triple(res, nr("end"), ox.Literal(str(v.span.end), datatype=integer)))
    data = ox.serialize(triples, format=ox.RdfFormat.TURTLE,
                        prefixes={"sh": SH, "nkgr": NKGR, "xsd": "http://www.w3.org/2001/XMLSchema#"})
    return (data or b"").decode("utf-8")


def _gh_escape(text: str, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _relative(path: str) -> str:
    try:
        p = Path(path)
        if p.is_absolute():
            return os.path.relpath(p, Path.cwd())
    except ValueError:
        pass
    return path


def render_github(results: list[ArticleResult], strict: bool) -> str:
    """GitHub Actions workflow commands: one annotation per result, on the right file and line."""
    out = []

    def command(kind: str, loc: Location, title: str, message: str) -> None:
        props = [f"file={_gh_escape(_relative(loc.file), True)}"]
        if loc.line:
            props.append(f"line={loc.line}")
            if loc.column:
                props.append(f"col={loc.column}")
        props.append(f"title={_gh_escape(title, True)}")
        out.append(f"::{kind} {','.join(props)}::{_gh_escape(message)}")

    for r in results:
        for loc, message in r.errors:
            command("error", loc, "newskg: article or annotation error", message)
        for f in r.findings:
            v = f.violation
            kind = "error" if v.is_violation or strict else "warning"
            quote = f'\n"{v.span.text}"' + (f" ({_where(f.text)})" if f.text else "") if v.span else ""
            title = f"newskg {v.severity}: {_short(v.shape or v.component or 'shape')}"
            command(kind, f.where, title, f"{_describe(v)}{quote}")
    s = summarize(results, strict)
    out.append(f"newskg validate: {s['articles']} articles, {s['failed']} failing, "
               f"{s['violations']} violations, {s['warnings']} warnings, {s['errors']} errors")
    return "\n".join(out) + "\n"


def render_junit(results: list[ArticleResult], strict: bool) -> str:
    """JUnit XML: one test case per article; violations (and, with --strict, warnings) are
    failures, unreadable inputs errors, warnings otherwise go to system-out."""
    cases = []
    for r in results:
        name = r.article_id or Path(r.source).name
        body = []
        for loc, message in r.errors:
            body.append(f'<error message={quoteattr(message)} type="InputError">{escape(_where(loc))}: {escape(message)}</error>')
        failing = [f for f in r.findings if f.violation.is_violation or strict]
        if failing:
            detail = "\n".join(f"{_where(f.where)}: {f.violation.severity}: {_describe(f.violation)}"
                               f"{_quote(f.violation, f.text)}" for f in failing)
            first = failing[0].violation.message
            body.append(f'<failure message={quoteattr(f"{len(failing)} SHACL results; first: {first}")} '
                        f'type="SHACL">{escape(detail)}</failure>')
        quiet = [f for f in r.findings if f not in failing]
        if quiet:
            detail = "\n".join(f"{_where(f.where)}: {f.violation.severity}: {_describe(f.violation)}" for f in quiet)
            body.append(f"<system-out>{escape(detail)}</system-out>")
        file_attr = f" file={quoteattr(_relative(r.source))}" if not r.source.startswith("store:") else ""
        cases.append(f'  <testcase classname="newskg.validate" name={quoteattr(name)}{file_attr}>'
                     + "".join(body) + "</testcase>")
    s = summarize(results, strict)
    failures = sum(1 for r in results if any(f.violation.is_violation or strict for f in r.findings))
    errors = sum(1 for r in results if r.errors)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<testsuites tests="{len(results)}" failures="{failures}" errors="{errors}">\n'
            f' <testsuite name="newskg validate" tests="{len(results)}" failures="{failures}" errors="{errors}">\n'
            + "\n".join(cases) + "\n </testsuite>\n</testsuites>\n") if results else (
            '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites tests="0" failures="0" errors="0">\n'
            ' <testsuite name="newskg validate" tests="0" failures="0" errors="0"/>\n</testsuites>\n')


RENDERERS = {"text": render_text, "json": render_json, "turtle": render_turtle, "junit": render_junit,
             "github": render_github}


def render(results: list[ArticleResult], fmt: str, strict: bool = False) -> str:
    return RENDERERS[fmt](results, strict)


__all__ = ["ArticleResult", "Finding", "Location", "TextSpan", "render", "FORMATS"]
