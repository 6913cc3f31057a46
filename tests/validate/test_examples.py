"""The CI examples run: the command in the GitHub Actions workflow and in the pre-commit hook
passes on seeds/ and fails, with annotations, on a broken copy."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from ..conftest import ROOT, SEEDS
from .conftest import ANN, break_attribution

EXAMPLES = ROOT / "examples"


def commands() -> list[str]:
    workflow = yaml.safe_load((EXAMPLES / "github-actions" / "newskg-validate.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"]
            if "newskg validate" in step.get("run", "")]
    hooks = yaml.safe_load((EXAMPLES / "pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    runs += [hook["entry"] for hook in hooks]
    return runs


def execute(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    argv = shlex.split(command)
    assert argv[:2] == ["newskg", "validate"]
    exe = Path(sys.executable).with_name("newskg")
    return subprocess.run([str(exe), *argv[1:], "-j", "1"], cwd=cwd, capture_output=True, text=True, check=False)


def test_workflow_and_hook_commands(tmp_path: Path) -> None:
    found = commands()
    assert any("--format github" in c for c in found) and any("--format junit" in c for c in found)
    good, bad = tmp_path / "good", tmp_path / "bad"
    for where in (good, bad):
        shutil.copytree(SEEDS, where / "seeds")
    line = break_attribution(bad / "seeds")
    for command in found:
        ok = execute(command, good)
        assert ok.returncode == 0, ok.stderr
        failed = execute(command, bad)
        assert failed.returncode == 1, failed.stderr
        if "--format github" in command:
            assert f"::error file=seeds/{ANN},line={line}," in failed.stdout
        if "--output" in command:
            out = bad / shlex.split(command)[shlex.split(command).index("--output") + 1]
            assert "<failure" in out.read_text(encoding="utf-8")
