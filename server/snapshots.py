"""Read-only snapshots of the store for the query workers.

Workers never open the live store: Oxigraph documents reading a RocksDB directory that another
instance writes (including its background compactions, which delete files) as undefined behaviour,
and we saw exactly that ("Corruption: ... .sst: No such file").  Instead, after start-up and after
every write, the server takes a RocksDB checkpoint with ``Store.backup`` — hard links to the
immutable table files, so it is cheap — and new queries run on the newest one.  A snapshot is
deleted once no running query uses it.  Queries therefore never wait for writes, nor writes for
queries.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from pyoxigraph import Store


class Snapshots:
    def __init__(self, store_path: Path) -> None:
        store_path = Path(store_path).resolve()
        # A sibling folder: same file system (hard links), outside RocksDB's own directory.
        self.root = store_path.parent / f".{store_path.name}.server-snapshots"
        self.generation = -1
        self.paths: dict[int, Path] = {}
        self.in_use: dict[int, int] = {}

    def reset(self) -> None:
        """Remove leftovers of an earlier server (we hold the store's lock, so none is running)."""
        shutil.rmtree(self.root, ignore_errors=True)
        self.root.mkdir(parents=True, exist_ok=True)

    def take(self, store: Store) -> int:
        """Checkpoint ``store`` as the next generation (blocking: call it in a thread)."""
        generation = self.generation + 1
        path = self.root / str(generation)
        store.backup(str(path))
        self.paths[generation] = path
        self.generation = generation
        self.collect()
        return generation

    @property
    def current(self) -> Path:
        return self.paths[self.generation]

    def acquire(self) -> tuple[int, Path]:
        self.in_use[self.generation] = self.in_use.get(self.generation, 0) + 1
        return self.generation, self.paths[self.generation]

    def release(self, generation: int) -> None:
        self.in_use[generation] -= 1
        if not self.in_use[generation]:
            del self.in_use[generation]
        self.collect()

    def collect(self) -> None:
        for generation in [g for g in self.paths if g != self.generation and g not in self.in_use]:
            shutil.rmtree(self.paths.pop(generation), ignore_errors=True)

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
        self.paths.clear()
