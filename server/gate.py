"""A readers-writer gate for the store (asyncio, writer-preferring).

Query workers hold read-only RocksDB instances.  Oxigraph documents a read-only open that runs while
another instance writes as undefined behaviour, so every write waits until no query is reading, and
queries arriving meanwhile wait for the write.  Releasing is synchronous, so it is safe in ``finally``
blocks of cancelled tasks.
"""

from __future__ import annotations

import asyncio


class GateTimeout(Exception):
    pass


class ReadWriteGate:
    def __init__(self) -> None:
        self.readers = 0
        self.writer_active = False
        self.writers_waiting = 0
        self._waiters: list[asyncio.Future[None]] = []

    async def _changed(self, timeout: float | None) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(future)
        try:
            await asyncio.wait_for(future, timeout)
        except asyncio.TimeoutError:
            raise GateTimeout() from None
        finally:
            if future in self._waiters:
                self._waiters.remove(future)

    def _notify(self) -> None:
        waiters, self._waiters = self._waiters, []
        for future in waiters:
            if not future.done():
                future.set_result(None)

    async def acquire_read(self, timeout: float | None = None) -> None:
        deadline = None if timeout is None else asyncio.get_running_loop().time() + timeout
        while self.writer_active or self.writers_waiting:
            await self._changed(None if deadline is None else max(0.0, deadline - asyncio.get_running_loop().time()))
        self.readers += 1

    def release_read(self) -> None:
        self.readers -= 1
        self._notify()

    async def acquire_write(self, timeout: float | None = None) -> None:
        deadline = None if timeout is None else asyncio.get_running_loop().time() + timeout
        self.writers_waiting += 1
        try:
            while self.writer_active or self.readers:
                await self._changed(None if deadline is None else max(0.0, deadline - asyncio.get_running_loop().time()))
        finally:
            self.writers_waiting -= 1
            self._notify()
        self.writer_active = True

    def release_write(self) -> None:
        self.writer_active = False
        self._notify()
