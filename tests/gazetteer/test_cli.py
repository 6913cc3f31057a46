from __future__ import annotations

from typer.testing import CliRunner

from ingest.gazetteer.cli import gazetteer_app
from ingest.gazetteer.store import DEFAULT_PATH

from .conftest import MOCK_DUMP, WDTK

runner = CliRunner()


def test_lookup_cli():
    r = runner.invoke(gazetteer_app, ["lookup", "Takhar"])
    assert r.exit_code == 0
    assert "admin1/af-tak" in r.output and "Q186395" in r.output and "[Afghanistan]" in r.output
    r = runner.invoke(gazetteer_app, ["lookup", "Tajik"])
    assert r.exit_code == 0 and "demonym of country/tj" in r.output
    r = runner.invoke(gazetteer_app, ["lookup", "Tahara"])
    assert r.exit_code == 1 and "no match" in r.output
    r = runner.invoke(gazetteer_app, ["lookup", "Baharak", "--context", "admin1/af-tak"])
    assert r.output.splitlines()[0].split()[2] == "af-district/takhar/baharak"


def test_build_cli_shared_and_wikidata(tmp_path, shared):
    out = tmp_path / "g.jsonl"
    r = runner.invoke(gazetteer_app, ["build", "--shared", str(shared), "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert out.read_bytes() == DEFAULT_PATH.read_bytes()
    out2 = tmp_path / "g2.jsonl"
    r = runner.invoke(gazetteer_app, ["build", "--base", str(out), "--wikidata-dump", str(MOCK_DUMP),
                                      "--wbgetentities", str(WDTK / "wbgetentities-Q1.json"), "--out", str(out2)])
    assert r.exit_code == 0, r.output
    assert "Q1 has no English label" in r.output
    assert "7529 entries" in r.output
