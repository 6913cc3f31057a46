"""A pool of query worker processes (``server.worker``), grown on demand, killed at deadlines.

A few workers are kept idle so that a cheap query never waits behind a slow one; when a query takes
the last idle worker, another is started in the background (up to ``max_workers``).
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import deque
from pathlib import Path
from typing import Any

from . import wire
from .snapshots import Snapshots

WORKER_START_TIMEOUT = 60.0


class WorkerCrashed(Exception):
    def __init__(self, returncode: int | None) -> None:
        super().__init__(returncode)
        self.returncode = returncode


class PoolExhausted(Exception):
    pass


class Worker:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.pid = process.pid

    @property
    def alive(self) -> bool:
        return self.process.returncode is None

    def send(self, job: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(job).encode() + b"\n")

    async def read_frame(self) -> tuple[bytes, bytes]:
        assert self.process.stdout is not None
        try:
            kind, length = wire.HEADER.unpack(await self.process.stdout.readexactly(wire.HEADER.size))
            payload = await self.process.stdout.readexactly(length) if length else b""
        except (asyncio.IncompleteReadError, ConnectionError):
            returncode = self.process.returncode
            if returncode is None:
                try:
                    returncode = await asyncio.wait_for(self.process.wait(), 5)
                except asyncio.TimeoutError:
                    self.kill()
            raise WorkerCrashed(returncode) from None
        return kind, payload

    def kill(self) -> None:
        if self.process.returncode is None:
            try:
                self.process.kill()
            except ProcessLookupError:
                pass


class WorkerPool:
    def __init__(self, snapshots: Snapshots, min_idle: int, max_workers: int) -> None:
        self.snapshots = snapshots  # workers open the newest snapshot; jobs name the one they need
        self.min_idle = min_idle
        self.max_workers = max_workers
        self.idle: deque[Worker] = deque()
        self.busy: set[Worker] = set()
        self.starting = 0
        self.started_total = 0
        self.killed_total = 0
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False

    @property
    def size(self) -> int:
        return len(self.idle) + len(self.busy) + self.starting

    async def start(self) -> None:
        workers = await asyncio.gather(*(self._spawn() for _ in range(self.min_idle)))
        self.idle.extend(workers)

    async def close(self) -> None:
        self._closed = True
        for task in list(self._tasks):
            task.cancel()
        workers = [*self.idle, *self.busy]
        self.idle.clear()
        self.busy.clear()
        for worker in workers:
            if worker.process.stdin is not None:
                worker.process.stdin.close()
            worker.kill()
        for worker in workers:
            try:
                await asyncio.wait_for(worker.process.wait(), 5)
            except asyncio.TimeoutError:
                pass

    async def _spawn(self) -> Worker:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "server.worker",
            str(self.snapshots.current),
            str(self.snapshots.generation),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env=env,
            limit=wire.CHUNK_SIZE * 4,
        )
        worker = Worker(process)
        try:
            kind, payload = await asyncio.wait_for(worker.read_frame(), WORKER_START_TIMEOUT)
        except BaseException:
            worker.kill()
            raise
        if kind != wire.READY:
            worker.kill()
            raise RuntimeError(f"query worker sent {kind!r} instead of READY: {payload[:200]!r}")
        self.started_total += 1
        return worker

    def _top_up(self) -> None:
        """Keep ``min_idle`` workers idle or starting, within ``max_workers``."""
        while not self._closed and len(self.idle) + self.starting < self.min_idle and self.size < self.max_workers:
            self.starting += 1
            task = asyncio.get_running_loop().create_task(self._spawn_idle())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _spawn_idle(self) -> None:
        try:
            worker = await self._spawn()
        except Exception as exc:  # noqa: BLE001 - logged, the next acquire retries
            print(f"newskg: could not start a query worker: {exc}", file=sys.stderr)
            return
        finally:
            self.starting -= 1
        if self._closed:
            worker.kill()
            return
        self.idle.append(worker)
        self._wake_one()

    def _wake_one(self) -> None:
        while self._waiters:
            future = self._waiters.popleft()
            if not future.done():
                future.set_result(None)
                return

    async def acquire(self, timeout: float) -> Worker:
        """An idle worker.  Raises ``PoolExhausted`` after ``timeout``."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            while self.idle:
                worker = self.idle.pop()
                if worker.alive:
                    self.busy.add(worker)
                    self._top_up()
                    return worker
            if self.size < self.max_workers:
                self.starting += 1
                try:
                    worker = await asyncio.wait_for(self._spawn(), max(0.001, deadline - loop.time()))
                except asyncio.TimeoutError:
                    raise PoolExhausted() from None
                finally:
                    self.starting -= 1
                self.busy.add(worker)
                self._top_up()
                return worker
            future: asyncio.Future[None] = loop.create_future()
            self._waiters.append(future)
            try:
                await asyncio.wait_for(future, max(0.001, deadline - loop.time()))
            except asyncio.TimeoutError:
                raise PoolExhausted() from None
            finally:
                if future in self._waiters:
                    self._waiters.remove(future)

    def release(self, worker: Worker) -> None:
        """Give back a worker that finished its query cleanly."""
        self.busy.discard(worker)
        if worker.alive and not self._closed:
            self.idle.append(worker)
        self._wake_one()

    def discard(self, worker: Worker) -> None:
        """Kill a worker (deadline passed, client gone, crash) and start a replacement."""
        self.busy.discard(worker)
        if worker.alive:
            self.killed_total += 1
        worker.kill()
        self._wake_one()
        if not self._closed:
            self._top_up()
