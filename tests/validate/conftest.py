"""Fixtures for `newskg validate`: a copy of the seeds and a deliberately broken copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..conftest import SEED_ID, SEEDS

ANN = f"{SEED_ID}.ann.yaml"


@pytest.fixture()
def seeds_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def break_attribution(folder: Path) -> int:
    """Make the statement about the Taliban casualties point at another claim, so that the
    claim ``taliban_casualties`` is attributed by no statement (a core SHACL violation the
    annotation model itself allows). Returns the line of that claim in the annotation."""
    ann = folder / ANN
    lines = ann.read_text(encoding="utf-8").splitlines(keepends=True)
    changed = [i for i, line in enumerate(lines) if line.strip() == "claims: [taliban_casualties]"]
    assert len(changed) == 1
    lines[changed[0]] = lines[changed[0]].replace("[taliban_casualties]", "[incident]")
    ann.write_text("".join(lines), encoding="utf-8")
    return next(i for i, line in enumerate(lines) if line.strip() == "- id: taliban_casualties") + 1


@pytest.fixture()
def broken_seeds(seeds_copy: Path) -> tuple[Path, int]:
    return seeds_copy, break_attribution(seeds_copy)
