"""Worker memory must not grow with the collection: the read-only store is reopened every
``STORE_REOPEN_EVERY`` articles and freed allocator memory is returned before workers fork.
Neither may change a single result."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from ingest import checks

BASE = "https://w3id.org/newskg/id/"


def test_reopening_the_store_changes_no_result(seed_store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store_dir = str(checks.Path(checks.db_path(seed_store_path)))
    ids = checks.article_ids(ox.Store.read_only(store_dir), BASE)
    assert ids
    options = checks.Options(BASE, checks.shape_spec(), 1)
    checks._WORKER_STORE.clear()
    once = [checks.check_stored(store_dir, "s", i, options, None) for i in ids]
    monkeypatch.setattr(checks, "STORE_REOPEN_EVERY", 1)
    checks._WORKER_STORE.clear()
    seen = []
    again = []
    for _ in range(3):
        for i in ids:
            again.append(checks.check_stored(store_dir, "s", i, options, None))
            seen.append(checks._WORKER_STORE[store_dir][0])  # kept alive: distinct ids
    checks._WORKER_STORE.clear()
    assert len({id(s) for s in seen}) == len(seen)  # a fresh store for every article
    assert [r.findings for r in again] == [r.findings for r in once] * 3


def test_release_freed_memory_is_harmless() -> None:
    checks.release_freed_memory()
    checks.release_freed_memory()
