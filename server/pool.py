"""A pool of long-lived query worker processes (``server.worker``), each serving many queries.

A worker runs one query at a time.  It is killed (and replaced) only when its query passes the
deadline, its client leaves, or it crashes; otherwise it goes back to the pool.  A few workers are
kept idle so that a cheap query never waits behind a slow one; when a query takes the last idle
worker, another is started in the background (up to ``max_workers``).

A query that runs longer than ``slow_after`` seconds has its worker lowered to the lowest CPU
priority (nice 19), so that on a busy machine cheap queries keep their latency while slow ones use
the spare CPU.  The worker gets its priority back afterwards if the system allows it (raising a
priority needs ``CAP_SYS_NICE``), else it is retired.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import deque
from pathlib import Path
from typing import Any, Protocol

from . import wire
from .snapshots import Snapshots

WORKER_START_TIMEOUT = 60.0
LOW_PRIORITY = 19


class WorkerCrashed(Exception):
    def __init__(self, returncode: int | None) -> None:
        super().__init__(returncode)
        self.returncode = returncode


class Waiter(Protocol):
    """What ``WorkerPool.acquire`` needs from a query: a slot for the future it waits on."""

    waiting: asyncio.Future[None] | None


class Worker:
    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process
        self.pid = process.pid
        self.killed = False
        self.lowered = False  # running at LOW_PRIORITY
        assert process.stdin is not None and process.stdout is not None
        self._stdin = process.stdin
        self._stdout = process.stdout

    @property
    def alive(self) -> bool:
        return not self.killed and self.process.returncode is None

    def send(self, job: dict[str, Any]) -> None:
        self.send_raw(json.dumps(job))

    def send_raw(self, line: str) -> None:
        """One job, as a JSON text without newlines (``json.dumps`` never emits a raw one)."""
        self._stdin.write(line.encode() + b"\n")

    async def read_frame(self) -> tuple[bytes, bytes]:
        try:
            header = await self._stdout.readexactly(wire.HEADER.size)
            kind, length = wire.HEADER.unpack(header)
            payload = await self._stdout.readexactly(length) if length else b""
        except (asyncio.IncompleteReadError, ConnectionError):
            if self.killed:
                raise WorkerCrashed(None) from None
            returncode = self.process.returncode
            if returncode is None:
                try:
                    returncode = await asyncio.wait_for(self.process.wait(), 5)
                except asyncio.TimeoutError:
                    self.kill()
            raise WorkerCrashed(returncode) from None
        return kind, payload

    def kill(self) -> None:
        self.killed = True
        if self.process.returncode is None:
            try:
                self.process.kill()
            except ProcessLookupError:
                pass

    def lower_priority(self) -> None:
        if self.lowered or not self.alive:
            return
        try:
            os.setpriority(os.PRIO_PROCESS, self.pid, LOW_PRIORITY)
            self.lowered = True
        except OSError:
            pass

    def restore_priority(self) -> bool:
        """Back to normal priority; False if the system refuses (the worker should then be retired)."""
        if not self.lowered:
            return True
        try:
            os.setpriority(os.PRIO_PROCESS, self.pid, 0)
        except OSError:
            return False
        self.lowered = False
        return True


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
        self._spawn_failures = 0

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
        for future in self._waiters:
            if not future.done():
                future.cancel()
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

    def _grow(self) -> None:
        """Start workers so that ``min_idle`` are idle or starting, plus one for each waiting query
        not yet covered, within ``max_workers``."""
        while (
            not self._closed
            and self.size < self.max_workers
            and (len(self.idle) + self.starting < self.min_idle or self.starting < len(self._waiters))
        ):
            self.starting += 1
            task = asyncio.get_running_loop().create_task(self._spawn_idle())
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _spawn_idle(self) -> None:
        try:
            worker = await self._spawn()
        except Exception as exc:  # noqa: BLE001 - logged; the next acquire or release retries
            self.starting -= 1
            self._spawn_failures += 1
            print(f"newskg: could not start a query worker: {exc}", file=sys.stderr)
            if self._spawn_failures < 5 and not self._closed:
                await asyncio.sleep(0.5)
                self._grow()
            return
        self.starting -= 1
        self._spawn_failures = 0
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

    async def acquire(self, query: Waiter) -> Worker:
        """An idle worker for ``query``.  Waits (in line) while all are busy; the caller's deadline
        or disconnect cancels ``query.waiting``, which raises ``CancelledError`` here."""
        while True:
            while self.idle:
                worker = self.idle.pop()  # the most recently used one: warm caches
                if worker.alive:
                    self.busy.add(worker)
                    if len(self.idle) + self.starting < self.min_idle:
                        self._grow()
                    return worker
            future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._waiters.append(future)
            query.waiting = future
            self._grow()
            try:
                await future
            finally:
                query.waiting = None
                if not future.done() or future.cancelled():
                    try:
                        self._waiters.remove(future)
                    except ValueError:
                        pass

    def release(self, worker: Worker) -> None:
        """Give back a worker that finished its query cleanly."""
        self.busy.discard(worker)
        if worker.alive and not self._closed and worker.restore_priority():
            self.idle.append(worker)
            self._wake_one()
        else:
            self.discard(worker)

    def kill(self, worker: Worker) -> None:
        """Stop a worker now (its query passed the deadline or its client left); ``discard`` follows."""
        if worker.alive:
            self.killed_total += 1
        worker.kill()

    def discard(self, worker: Worker) -> None:
        """Kill a worker (deadline passed, client gone, crash, retired) and start a replacement."""
        self.busy.discard(worker)
        self.kill(worker)
        if not self._closed:
            self._grow()
