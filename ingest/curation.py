"""Curated annotations: the annotation model written as YAML beside the article.

``load_annotation`` parses the file keeping each value's line, validates it against the model,
checks every span against the article text and the text's hash, and reports every problem with
the file and line it comes from. ``dump_annotation`` writes the YAML a curator starts from.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from .model import Annotation, check_spans

Location = tuple[str | int, ...]


@dataclass(frozen=True)
class AnnotationError(Exception):
    path: Path
    problems: tuple[tuple[int | None, str], ...]

    def __str__(self) -> str:
        return "\n".join(
            f"{self.path}:{line}: {message}" if line else f"{self.path}: {message}"
            for line, message in self.problems
        )


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available


def _record_lines(node: yaml.Node, data: Any, where: Location, lines: dict[Location, int]) -> None:
    lines[where] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode) and isinstance(data, dict):
        # The constructed mapping keeps the node's key order; pair them up.
        for (_, value_node), (key, value) in zip(node.value, data.items()):
            _record_lines(value_node, value, (*where, key), lines)
    elif isinstance(node, yaml.SequenceNode) and isinstance(data, list):
        for i, (item_node, item) in enumerate(zip(node.value, data)):
            _record_lines(item_node, item, (*where, i), lines)


def parse_yaml_with_lines(text: str) -> tuple[Any, dict[Location, int]]:
    """The YAML document as Python data, and the line of every value by its key path."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, {}
        data = loader.construct_document(node)
    finally:
        loader.dispose()
    lines: dict[Location, int] = {}
    _record_lines(node, data, (), lines)
    return data, lines


def _line_for(loc: Location, lines: dict[Location, int]) -> int | None:
    # pydantic error locations may name model fields by alias or add tags; walk up to the
    # deepest path that the YAML actually has.
    loc = tuple(loc)
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return lines.get(())


def _item_line(where: str, data: Any, lines: dict[Location, int]) -> int | None:
    """The line of the item a span message names ("statement s03", "entity x mention")."""
    kind, _, rest = where.partition(" ")
    ident = rest.split(" ")[0]
    collection = {"entity": "entities", "event": "events", "casualty": "casualties",
                  "statement": "statements", "alternatives": "alternatives"}.get(kind)
    if collection and isinstance(data, dict):
        for i, item in enumerate(data.get(collection) or []):
            if isinstance(item, dict) and item.get("id") == ident:
                return lines.get((collection, i))
    return None


def load_annotation(path: Path, text: str | None = None, text_sha256: str | None = None) -> Annotation:
    """Load and check a curated annotation. Raises AnnotationError with every problem found."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise AnnotationError(path, ((None, f"cannot read: {err}"),)) from None
    try:
        data, lines = parse_yaml_with_lines(source)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        problem = getattr(err, "problem", None) or str(err)
        raise AnnotationError(path, ((line, f"YAML syntax error: {problem}"),)) from None
    if not isinstance(data, dict):
        raise AnnotationError(path, ((1, "an annotation must be a YAML mapping"),))
    try:
        annotation = Annotation.model_validate(data)
    except ValidationError as err:
        problems = []
        for e in err.errors():
            loc = tuple(p for p in e["loc"] if not (isinstance(p, str) and p.startswith("function-")))
            field = ".".join(str(p) for p in loc) or "document"
            message = e["msg"].removeprefix("Value error, ")
            problems.append((_line_for(loc, lines), f"{field}: {message}"))
        raise AnnotationError(path, tuple(problems)) from None
    problems = []
    if text is not None:
        for message in check_spans(annotation, text):
            problems.append((_item_line(message.split(":")[0], data, lines), message))
    if text_sha256 and annotation.text_sha256 and annotation.text_sha256 != text_sha256:
        problems.append(
            (lines.get(("text_sha256",)),
             "text_sha256 does not match the article text: the article changed since it was annotated")
        )
    if problems:
        raise AnnotationError(path, tuple(problems))
    return annotation


def dump_annotation(annotation: Annotation) -> str:
    """The annotation as YAML in the curated-file layout (defaults left out)."""
    data = annotation.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data = {"schema": annotation.schema_, **data}
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
