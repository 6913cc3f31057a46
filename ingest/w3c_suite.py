"""The W3C SHACL Core test suite, run through newskg's own validation code path.

    python -m ingest.w3c_suite [SUITE_DIR] [--engine pyshacl|fast|both] [-v]

SUITE_DIR defaults to ``../shared/w3c/data-shapes/data-shapes-test-suite/tests/core`` next
to the repository. Each test's data and shapes are parsed with pyoxigraph, handed to
``ingest.validate.validate_quads`` (exactly what ingest and ``newskg validate`` call), and
the results are compared with the expected validation report on what identifies a result:
focus node, path, value, source shape, constraint component and severity (messages are free
text and not compared). ``sh:conforms`` is compared with "no results at all".
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
import rdflib
from rdflib.namespace import RDF, SH

from . import fastshacl
from .validate import ShapesError, _compiled_for, term_key, to_rdflib, validate_quads
from .vocab import ROOT

MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = rdflib.Namespace("http://www.w3.org/ns/shacl-test#")
DEFAULT_SUITE = ROOT.parent / "shared" / "w3c" / "data-shapes" / "data-shapes-test-suite" / "tests" / "core"


@dataclass
class Outcome:
    name: str
    passed: bool
    native: bool = True  # the engine ran the shapes itself (no fallback to pySHACL)
    detail: str = ""


@dataclass
class SuiteResult:
    engine: str
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(o.passed for o in self.outcomes)

    @property
    def native(self) -> int:
        return sum(o.native for o in self.outcomes)

    @property
    def native_passed(self) -> int:
        return sum(o.passed and o.native for o in self.outcomes)

    def summary(self) -> str:
        line = f"{self.engine}: {self.passed}/{len(self.outcomes)} W3C SHACL Core tests pass"
        if self.engine == "fast":
            line += (f" ({self.native} run natively, {self.native_passed} of them pass; "
                     f"{len(self.outcomes) - self.native} refused and run by the pySHACL fallback)")
        return line


class _Files:
    """Each file parsed once, so that blank nodes keep one identity across data, shapes and
    the expected report."""

    def __init__(self) -> None:
        self.quads: dict[str, list[ox.Quad]] = {}
        self.graphs: dict[str, rdflib.Graph] = {}

    def get(self, iri: str) -> tuple[list[ox.Quad], rdflib.Graph]:
        if iri not in self.quads:
            path = Path(iri.removeprefix("file://"))
            self.quads[iri] = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE, base_iri=iri))
            self.graphs[iri] = to_rdflib(self.quads[iri])
        return self.quads[iri], self.graphs[iri]


def _entries(manifest: Path, files: _Files) -> list[tuple[str, rdflib.term.Node, rdflib.Graph]]:
    iri = manifest.resolve().as_uri()
    _, g = files.get(iri)
    out = []
    for m in g.subjects(RDF.type, MF.Manifest):
        for inc in g.objects(m, MF.include):
            out.extend(_entries(Path(str(inc).removeprefix("file://")), files))
        for lst in g.objects(m, MF.entries):
            for entry in rdflib.collection.Collection(g, lst):
                out.append((iri, entry, g))
    return out


def _expected(g: rdflib.Graph, report: rdflib.term.Node) -> tuple[bool, Counter]:
    conforms = str(g.value(report, SH.conforms)).lower() == "true"
    keys: Counter = Counter()
    for r in g.objects(report, SH.result):
        sev = g.value(r, SH.resultSeverity)
        keys[(term_key(g.value(r, SH.focusNode)), fastshacl.path_text(g, g.value(r, SH.resultPath)),
              term_key(g.value(r, SH.value)), term_key(g.value(r, SH.sourceShape)),
              str(g.value(r, SH.sourceConstraintComponent)),
              str(sev).rsplit("#", 1)[-1] if sev is not None else None)] += 1
    return conforms, keys


def run_suite(suite: Path = DEFAULT_SUITE, engine: str = "pyshacl") -> SuiteResult:
    files = _Files()
    result = SuiteResult(engine)
    for manifest_iri, entry, g in _entries(suite / "manifest.ttl", files):
        name = str(entry).rsplit("/", 1)[-1]
        action = g.value(entry, MF.action)
        expected = g.value(entry, MF.result)
        data_iri, shapes_iri = str(g.value(action, SHT.dataGraph)), str(g.value(action, SHT.shapesGraph))
        data_quads, _ = files.get(data_iri)
        _, shapes = files.get(shapes_iri)
        native = engine != "fast" or _compiled_for(shapes) is not None
        if expected == SHT.Failure:
            try:
                validate_quads(data_quads, shapes, engine=engine)
            except Exception:  # the expected failure
                result.outcomes.append(Outcome(name, True, native))
            else:
                result.outcomes.append(Outcome(name, False, native, "expected a failure"))
            continue
        try:
            report = validate_quads(data_quads, shapes, engine=engine)
        except (ShapesError, Exception) as err:  # noqa: BLE001 - any crash is a failed test
            result.outcomes.append(Outcome(name, False, native, f"crashed: {err!r}"[:300]))
            continue
        conforms, want = _expected(files.graphs[manifest_iri], expected)
        got = Counter(v.key for v in report.violations)
        ok = conforms == (not report.violations) and set(got) == set(want)
        detail = "" if ok else f"missing {sorted(set(want) - set(got), key=str)} extra {sorted(set(got) - set(want), key=str)}"
        result.outcomes.append(Outcome(name, ok, native, detail))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("suite", nargs="?", type=Path, default=DEFAULT_SUITE)
    parser.add_argument("--engine", choices=("pyshacl", "fast", "both"), default="both")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    if not (args.suite / "manifest.ttl").exists():
        print(f"{args.suite}: no manifest.ttl (the W3C data-shapes test suite's tests/core)", file=sys.stderr)
        return 2
    engines = ("pyshacl", "fast") if args.engine == "both" else (args.engine,)
    for engine in engines:
        res = run_suite(args.suite, engine)
        if args.verbose:
            for o in res.outcomes:
                if not o.passed or (engine == "fast" and not o.native):
                    print(f"  {engine} {o.name}: {'pass' if o.passed else 'FAIL'}"
                          f"{'' if o.native else ' (fallback)'} {o.detail}")
        print(res.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
