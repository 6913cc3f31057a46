"""Shared fixtures: the seed article ingested into a real on-disk pyoxigraph store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from ingest.cli import app

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ID = "000_73f83590a77fdeae"
SEED_TXT = SEEDS / f"{SEED_ID}.txt"
QUERIES = ROOT / "queries"
SHARED = ROOT.parent / "shared"


def run_cli(*args: str) -> "CliRunner.invoke":
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "store"
    result = run_cli("ingest", SEED_TXT, "--store", path, "--quiet")
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="session")
def seed_store(seed_store_path: Path) -> ox.Store:
    return ox.Store.read_only(str(seed_store_path))


@pytest.fixture()
def seed_copy(tmp_path: Path) -> Path:
    """A folder with the seed article and its sidecars, to modify freely."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for f in SEEDS.glob(f"{SEED_ID}*"):
        shutil.copy(f, folder / f.name)
    return folder


def select(store: ox.Store, query: str) -> list[dict[str, str | None]]:
    result = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in result.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in result]
