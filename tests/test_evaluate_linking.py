"""`newskg evaluate` reports Wikidata linking beside extraction, with the issue's targets."""

from __future__ import annotations

import json

from .conftest import ROOT, run_cli


def test_evaluate_reports_linking_precision_and_recall() -> None:
    result = run_cli("evaluate", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    linking = data["linking"]
    gold_files = sum(len(list((ROOT / d).glob("*.ann.yaml"))) for d in ("seeds", "tests/gold/wikinews"))
    assert gold_files >= 36
    assert linking["articles"] == gold_files
    assert linking["fp"] == 0 and linking["precision"] == 1.0
    assert linking["recall"] >= 0.9
    assert {"tuning", "held-out"} <= set(data["splits"])
