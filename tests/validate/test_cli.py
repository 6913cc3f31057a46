"""`newskg validate` end to end: formats, locations, exit codes, layers of shapes, bad input."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox

from ..conftest import SEED_ID, run_cli
from .conftest import ANN

CLAIM = f"article/{SEED_ID}/claim/taliban_casualties"


def test_seeds_pass_with_warnings_only(seeds_copy: Path) -> None:
    result = run_cli("validate", seeds_copy, "--format", "json", "-j", "1")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["conforms"] is True and report["summary"]["articles"] == 6
    assert report["summary"]["violations"] == 0 and report["summary"]["warnings"] > 0
    shapes = {r["shape"] for a in report["articles"] for r in a["results"]}
    assert "https://w3id.org/newskg/shapes#EventDateShape" in shapes


def test_strict_makes_warnings_fail(seeds_copy: Path) -> None:
    assert run_cli("validate", seeds_copy, "--strict", "-j", "1").exit_code == 1
    assert run_cli("validate", seeds_copy, "--strict", "--no-quality", "-j", "1").exit_code == 0


def test_broken_annotation_github_points_at_the_claim(broken_seeds: tuple[Path, int]) -> None:
    folder, line = broken_seeds
    result = run_cli("validate", folder, "--format", "github", "-j", "1")
    assert result.exit_code == 1
    errors = [l for l in result.stdout.splitlines() if l.startswith("::error ")]
    assert len(errors) == 1
    props, message = errors[0][len("::error "):].split("::", 1)
    fields = dict(p.split("=", 1) for p in props.split(","))
    assert fields["file"].endswith(ANN) and fields["line"] == str(line)
    assert CLAIM in message and "no statement attributes" in message
    assert any(l.startswith("::warning ") for l in result.stdout.splitlines())


def test_broken_annotation_junit(broken_seeds: tuple[Path, int], tmp_path: Path) -> None:
    folder, line = broken_seeds
    out = tmp_path / "report.xml"
    result = run_cli("validate", folder, "--format", "junit", "-o", out, "-j", "1")
    assert result.exit_code == 1
    suite = ET.parse(out).getroot().find("testsuite")
    assert suite is not None and suite.get("tests") == "6" and suite.get("failures") == "1"
    (failing,) = [c for c in suite.iter("testcase") if c.find("failure") is not None]
    assert failing.get("name") == SEED_ID and failing.get("file", "").endswith(f"{SEED_ID}.txt")
    text = failing.find("failure").text or ""
    assert f"{ANN}:{line}:" in text and CLAIM in text


def test_text_and_turtle_reports(broken_seeds: tuple[Path, int]) -> None:
    folder, line = broken_seeds
    text = run_cli("validate", folder, "--no-quality", "-j", "1")
    assert text.exit_code == 1 and f"{ANN}:{line}:1: violation:" in text.stdout
    ttl = run_cli("validate", folder, "--no-quality", "--format", "turtle", "-j", "1")
    graph = ox.Store()
    graph.load(ttl.stdout.encode(), format=ox.RdfFormat.TURTLE)
    rows = list(graph.query("""PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?focus ?c ?line WHERE { ?r a sh:ValidationReport ; sh:conforms false ; sh:result ?x .
          ?x sh:focusNode ?focus ; sh:sourceConstraintComponent ?c ;
             <https://w3id.org/newskg/report#line> ?line }"""))
    assert len(rows) == 1 and rows[0]["focus"].value.endswith(CLAIM)
    assert rows[0]["c"].value.endswith("MinCountConstraintComponent") and int(rows[0]["line"].value) == line


def test_broken_export_points_at_the_data_file(tmp_path: Path, seed_store_path: Path) -> None:
    nq = tmp_path / "all.nq"
    assert run_cli("export", "--store", seed_store_path, "--format", "nquads", "-o", nq).exit_code == 0
    lines = [l for l in nq.read_text(encoding="utf-8").splitlines()
             if not ("speaker>" in l and "statement/asir_clash_taliban" in l)]
    nq.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("validate", nq, "--format", "github", "--no-quality")
    assert result.exit_code == 1
    (error,) = [l for l in result.stdout.splitlines() if l.startswith("::error ")]
    fields = dict(p.split("=", 1) for p in error[len("::error "):].split("::", 1)[0].split(","))
    assert fields["file"].endswith("all.nq")
    focus_line = int(fields["line"])
    assert "statement/asir_clash_taliban" in lines[focus_line - 1]
    assert "exactly one speaker" in error


def test_user_shapes_and_engines_agree(seeds_copy: Path, tmp_path: Path) -> None:
    mine = tmp_path / "myshapes"
    mine.mkdir()
    (mine / "short-labels.ttl").write_text("""
        @prefix sh: <http://www.w3.org/ns/shacl#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        @prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
        <urn:x:ShortLabels> a sh:NodeShape ; sh:targetClass sem:Place ;
            sh:property [ sh:path rdfs:label ; sh:maxLength 12 ; sh:message "a long place name" ] .
    """, encoding="utf-8")
    outputs = {}
    for engine in ("fast", "pyshacl"):
        result = run_cli("validate", seeds_copy, "--shapes", mine, "--no-quality", "--engine", engine,
                         "--format", "json", "-j", "1")
        assert result.exit_code == 1
        report = json.loads(result.stdout)
        outputs[engine] = sorted((r["focus"], r["value"], r["message"]) for a in report["articles"] for r in a["results"])
    assert outputs["fast"] == outputs["pyshacl"]
    assert ("https://w3id.org/newskg/id/entity/Q186395", "Takhar Province", "a long place name") in outputs["fast"]


def test_bad_input_is_exit_2_with_file_and_line(seeds_copy: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken-shapes"
    broken.mkdir()
    (broken / "a.ttl").write_text("@prefix sh: <http://www.w3.org/ns/shacl#> .\n<a> sh:path .\n", encoding="utf-8")
    result = run_cli("validate", seeds_copy, "--shapes", broken)
    assert result.exit_code == 2 and "a.ttl" in result.stderr and "line 2" in result.stderr
    assert "Traceback" not in result.output
    not_shacl = tmp_path / "not-shacl"
    not_shacl.mkdir()
    (not_shacl / "b.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    result = run_cli("validate", seeds_copy, "--shapes", not_shacl)
    assert result.exit_code == 2 and "b.ttl" in result.stderr and "not SHACL" in result.stderr
    bad_value = tmp_path / "bad-value"
    bad_value.mkdir()
    (bad_value / "c.ttl").write_text("""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:s> a sh:NodeShape ; sh:targetNode <urn:x> ; sh:property [ sh:path <urn:p> ; sh:minCount "many" ] .""",
                                      encoding="utf-8")
    result = run_cli("validate", seeds_copy, "--shapes", bad_value)
    assert result.exit_code == 2 and "c.ttl" in result.stderr
    (tmp_path / "data.csv").write_text("a,b\n", encoding="utf-8")
    assert run_cli("validate", tmp_path / "data.csv").exit_code == 2
    assert run_cli("validate", seeds_copy, "--shapes", tmp_path / "nowhere").exit_code == 2


def test_broken_article_file_is_reported_with_its_file(seeds_copy: Path) -> None:
    (seeds_copy / "bad.json").write_text('{"text": "x",\n "published": "2018-02-30"}', encoding="utf-8")
    result = run_cli("validate", seeds_copy, "--format", "github", "-j", "1")
    assert result.exit_code == 1
    assert any(l.startswith("::error file=") and "bad.json" in l for l in result.stdout.splitlines())
