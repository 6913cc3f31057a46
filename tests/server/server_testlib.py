"""Helpers and fixtures for the server tests: real stores on disk, real servers on 127.0.0.1, real clients.

(A uniquely named module, not ``conftest``, so test modules can import it without clashing with
other conftest files; ``conftest.py`` re-exports the fixtures.)
"""

from __future__ import annotations

import gc
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import httpx
import pyoxigraph
import pytest

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent.parent
DATA = HERE / "data"
FIXTURE = DATA / "fixture.trig"
QUERIES = DATA / "queries"
ARTIFACTS = HERE / "artifacts"
BASE = "https://w3id.org/newskg/id/"
TOKEN = "test-write-token-3f9a"
CHROMIUM = Path("/usr/bin/chromium")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def make_store(path: Path, trig: Path | None = FIXTURE, extra_nt: str = "") -> Path:
    store = pyoxigraph.Store(str(path))
    if trig is not None:
        store.load(path=str(trig))
    if extra_nt:
        store.load(input=extra_nt, format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    del store
    gc.collect()  # release RocksDB's lock before the server opens the store
    return path


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == pid:
            found.add(int(entry.name))
    return found


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS")


@dataclass
class LiveServer:
    """``python -m server`` in a subprocess on a free loopback port."""

    store: Path
    env: dict[str, str] = field(default_factory=dict)
    args: list[str] = field(default_factory=list)
    port: int = 0
    process: subprocess.Popen | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, log_dir: Path) -> "LiveServer":
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSKG_")}
        env.update({"PYTHONPATH": str(REPO_ROOT), "NEWSKG_QUERIES_DIR": str(QUERIES), **self.env})
        self.log_path = log_dir / f"server-{self.port}.log"
        log = self.log_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "server", "--store", str(self.store), "--port", str(self.port), "--log-level", "warning", *self.args],
            cwd=REPO_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited early:\n{self.log()}")
            try:
                if httpx.get(self.url + "/health", timeout=2).status_code == 200:
                    return self
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"server did not come up:\n{self.log()}")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def metric(self, name: str, **labels: str) -> float:
        text = httpx.get(self.url + "/metrics", timeout=10).text
        total = 0.0
        for line in text.splitlines():
            if line.startswith("#") or not line.startswith(name):
                continue
            metric, value = line.rsplit(" ", 1)
            if metric.split("{", 1)[0] != name:
                continue
            if all(f'{k}="{v}"' in metric for k, v in labels.items()):
                total += float(value)
        return total

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=kwargs.pop("timeout", 60), **kwargs)


@pytest.fixture(scope="session")
def server_logs(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("server-logs")


@pytest.fixture(scope="session")
def readonly_server(tmp_path_factory, server_logs) -> Iterator[LiveServer]:
    """Fixture data, default settings, no write token."""
    store = make_store(tmp_path_factory.mktemp("ro") / "store")
    server = LiveServer(store).start(server_logs)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory, server_logs) -> Iterator[LiveServer]:
    store = make_store(tmp_path_factory.mktemp("rw") / "store")
    server = LiveServer(store, env={"NEWSKG_WRITE_TOKEN": TOKEN}).start(server_logs)
    yield server
    server.stop()


@pytest.fixture
def start_server(tmp_path, server_logs) -> Iterator:
    """Factory for servers with special settings; all are stopped at the end of the test."""
    started: list[LiveServer] = []

    def start(env: dict[str, str] | None = None, args: list[str] | None = None, store: Path | None = None) -> LiveServer:
        path = store or make_store(tmp_path / f"store{len(started)}")
        server = LiveServer(path, env=env or {}, args=args or []).start(server_logs)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """Headless Chromium from Debian.  Skipped only outside CI when it is not installed."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium package (/usr/bin/chromium is missing)")
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    return CHROMIUM
