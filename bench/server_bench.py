"""Benchmark of the newskg SPARQL server on loopback, against bare pyoxigraph and simpler servers.

    .venv/bin/python bench/server_bench.py            # ~100k triples, a few minutes at most
    .venv/bin/python bench/server_bench.py --triples 1000000

Targets: (0) bare pyoxigraph in-process; (a) newskg ``python -m server``; (b) a minimal FastAPI
handler calling pyoxigraph directly; (c) rdflib-endpoint if installed.  Every loop is bounded in
count and time; only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

import httpx
import pyoxigraph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from server_synth import n_quads  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PREFIXES = """PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


def cheap_query(event: str) -> str:
    return f"SELECT ?p ?o WHERE {{ <{event}> ?p ?o }}"


def medium_query(place: str) -> str:
    return PREFIXES + f"""SELECT ?event ?label ?date ?article ?title WHERE {{
  ?event sem:hasPlace <{place}> ; sem:hasBeginTimeStamp ?date ; rdfs:label ?label ; prov:wasDerivedFrom ?article .
  ?article rdfs:label ?title .
  FILTER(?date >= "2021-01-01"^^xsd:date && ?date < "2022-07-01"^^xsd:date)
}} ORDER BY ?date"""


SLOW = PREFIXES + "SELECT (COUNT(*) AS ?n) WHERE { ?a a sem:Event . ?b a sem:Event . ?c a sem:Event }"
LARGE = PREFIXES + "SELECT ?a ?b WHERE { ?a a sem:Event . ?b a sem:Event } LIMIT 1000000"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def start(cmd: list[str], url: str, env: dict | None = None, limit: float = 180) -> subprocess.Popen:
    process = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{cmd} exited")
        try:
            httpx.get(url, params={"query": "ASK {}"}, timeout=2)
            return process
        except httpx.TransportError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{cmd} did not start")


def tree_rss_mib(pid: int) -> float:
    total = 0
    pids = [pid]
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    pids.append(int(entry.name))
            except OSError:
                pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


class RawClient:
    """A lean HTTP/1.1 keep-alive client (GET only) for the load loops.

    httpx costs about half a millisecond of CPU per request, which on a 2-CPU machine competes with
    the servers under test and compresses the differences between them; this client costs a few
    microseconds.  Every server is measured with it.
    """

    def __init__(self, host: str, port: int, timeout: float = 30.0):
        self.host, self.port, self.timeout = host, port, timeout
        self.sock = None
        self.buf = b""

    def _connect(self):
        self.sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buf = b""

    def close(self):
        if self.sock:
            self.sock.close()
            self.sock = None

    def _fill(self):
        data = self.sock.recv(262144)
        if not data:
            raise ConnectionError("closed")
        self.buf += data

    def _line(self):
        while True:
            i = self.buf.find(b"\r\n")
            if i >= 0:
                line, self.buf = self.buf[:i], self.buf[i + 2:]
                return line
            self._fill()

    def _exact(self, n):
        while len(self.buf) < n:
            self._fill()
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def get(self, path_and_query: str, accept: str = "application/sparql-results+json"):
        req = f"GET {path_and_query} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: {accept}\r\n\r\n".encode()
        reused = self.sock is not None
        if not reused:
            self._connect()
        try:
            self.sock.sendall(req)
            status_line = self._line()
        except (ConnectionError, BrokenPipeError):
            if not reused:
                raise
            self.close()  # the server closed the idle keep-alive connection: once more on a new one
            self._connect()
            self.sock.sendall(req)
            status_line = self._line()
        status = int(status_line.split(b" ", 2)[1])
        length = None
        chunked = False
        close = False
        while True:
            line = self._line()
            if not line:
                break
            k, _, v = line.partition(b":")
            k = k.strip().lower()
            if k == b"content-length":
                length = int(v)
            elif k == b"transfer-encoding" and b"chunked" in v.lower():
                chunked = True
            elif k == b"connection" and b"close" in v.lower():
                close = True
        size = 0
        if chunked:
            while True:
                n = int(self._line().split(b";")[0], 16)
                if n == 0:
                    self._line()
                    break
                size += len(self._exact(n))
                self._line()
        elif length is not None:
            size = len(self._exact(length))
        if close:
            self.close()
        return status, size


def query_path(path: str, query: str, **params: str) -> str:
    out = f"{path}?query={quote(query, safe='')}"
    for key, value in params.items():
        out += f"&{key}={quote(str(value), safe='')}"
    return out


class Target:
    def __init__(self, name: str, url: str | None, process: subprocess.Popen | None = None, store: pyoxigraph.Store | None = None):
        self.name, self.url, self.process, self.store = name, url, process, store
        self.timed_out = False
        if url:
            parts = urlsplit(url)
            self.host, self.port, self.path = parts.hostname, parts.port, parts.path
        self.client = self.raw_client(30) if url else None

    def raw_client(self, timeout: float) -> RawClient:
        return RawClient(self.host, self.port, timeout)

    def run(self, query: str, timeout: float | None = None) -> int:
        if self.store is not None:
            data = self.store.query(query, use_default_graph_as_union=True).serialize(format=pyoxigraph.QueryResultsFormat.JSON)
            return len(data)
        params = {"timeout": str(timeout)} if timeout and self.name.startswith("(a)") else {}
        try:
            status, size = self.client.get(query_path(self.path, query, **params))
        except socket.timeout:
            self.client.close()
            raise httpx.TimeoutException("timed out") from None
        if status != 200:
            raise RuntimeError(f"{self.name}: HTTP {status}")
        return size

    def stop(self) -> None:
        if self.client:
            self.client.close()
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.process.kill()


def latencies(target: Target, make_query, count: int, budget: float) -> list[float]:
    """Sequential latencies; a request that times out counts as its full wait and ends the run."""
    out: list[float] = []
    deadline = time.monotonic() + budget
    for i in range(count):
        if time.monotonic() > deadline:
            break
        query = make_query(i)
        started = time.perf_counter()
        try:
            target.run(query)
        except httpx.TimeoutException:
            out.append(time.perf_counter() - started)
            target.timed_out = True
            break
        out.append(time.perf_counter() - started)
    return out


def throughput(target: Target, make_query, threads: int, seconds: float) -> float:
    done = [0] * threads
    stop_at = time.monotonic() + seconds

    def loop(index: int) -> None:
        client = target.raw_client(60)
        try:
            i = index
            while time.monotonic() < stop_at:
                status, _ = client.get(query_path(target.path, make_query(i)))
                if status != 200:
                    raise RuntimeError(f"{target.name}: HTTP {status}")
                done[index] += 1
                i += threads
        finally:
            client.close()

    workers = [threading.Thread(target=loop, args=(i,)) for i in range(threads)]
    started = time.monotonic()
    for w in workers:
        w.start()
    for w in workers:
        w.join(seconds + 120)
    return sum(done) / (time.monotonic() - started)


def with_slow_query(target: Target, make_query, count: int, budget: float) -> list[float]:
    """Cheap-query latencies while one slow query runs (started first; bounded by its own timeout)."""

    def slow() -> None:
        try:
            with httpx.Client(timeout=30) as client:
                params = {"query": SLOW}
                if target.name.startswith("(a)"):
                    params["timeout"] = "20"
                client.get(target.url, params=params)
        except httpx.HTTPError:
            pass

    thread = threading.Thread(target=slow, daemon=True)
    thread.start()
    time.sleep(0.5)
    return latencies(target, make_query, count, budget)


def streaming_memory(target: Target) -> tuple[float, float, int]:
    """(RSS before MiB, peak RSS MiB of the server and its workers, bytes) while streaming LARGE."""
    before = tree_rss_mib(target.process.pid)
    peak = before
    received = 0
    with httpx.stream("GET", target.url, params={"query": LARGE, "format": "tsv"} if target.name.startswith("(a)") else {"query": LARGE}, timeout=300) as response:
        for chunk in response.iter_bytes():
            received += len(chunk)
            if received % (1 << 20) < len(chunk):
                peak = max(peak, tree_rss_mib(target.process.pid))
    return before, max(peak, tree_rss_mib(target.process.pid)), received


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--cheap", type=int, default=300, help="cheap queries per measurement")
    parser.add_argument("--medium", type=int, default=60, help="medium queries per measurement")
    parser.add_argument("--seconds", type=float, default=5.0, help="duration of each throughput run")
    parser.add_argument("--budget", type=float, default=15.0, help="time cap for each latency measurement")
    parser.add_argument("--no-rdflib", action="store_true", help="skip rdflib-endpoint even if installed")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newskg-bench-"))
    targets: list[Target] = []
    try:
        text, events, places = n_quads(args.triples)
        nq = work / "data.nq"
        nq.write_text(text)
        rng = random.Random(1)
        cheap = lambda i: cheap_query(events[rng.randrange(len(events))])  # noqa: E731
        medium = lambda i: medium_query(places[i % len(places)])  # noqa: E731
        for name in ("a", "b"):
            store = pyoxigraph.Store(str(work / f"store-{name}"))
            store.bulk_load(path=str(nq), format=pyoxigraph.RdfFormat.N_QUADS)
            store.flush()
            store.optimize()
            del store
        gc.collect()
        bare = pyoxigraph.Store.read_only(str(work / "store-a"))
        quads = len(bare)
        print(f"data: {quads} quads, {len(events)} events, {len(places)} places", flush=True)

        targets.append(Target("(0) bare pyoxigraph", None, store=bare))
        port = free_port()
        targets.append(Target("(a) newskg server", f"http://127.0.0.1:{port}/sparql", start([sys.executable, "-m", "server", "--store", str(work / "store-a"), "--port", str(port), "--log-level", "warning"], f"http://127.0.0.1:{port}/sparql", {"NEWSKG_QUERIES_DIR": str(work / "none")})))
        port = free_port()
        targets.append(Target("(b) minimal FastAPI", f"http://127.0.0.1:{port}/sparql", start([sys.executable, "bench/server_bench_apps.py", "minimal", str(work / "store-b"), str(port)], f"http://127.0.0.1:{port}/sparql")))
        try:
            import rdflib_endpoint  # noqa: F401

            have_rdflib = not args.no_rdflib
        except ImportError:
            have_rdflib = False
        if have_rdflib:
            port = free_port()
            print("loading rdflib-endpoint (pure-Python store)…", flush=True)
            # rdflib parses about 5k quads/s on the development machine: allow for it, within a bound.
            limit = min(1200.0, max(180.0, quads / 2000))
            try:
                rdflib_process = start([sys.executable, "bench/server_bench_apps.py", "rdflib", str(nq), str(port)], f"http://127.0.0.1:{port}/sparql", limit=limit)
            except RuntimeError as exc:
                print(f"rdflib-endpoint skipped: {exc} within {limit:.0f} s", flush=True)
            else:
                targets.append(Target("(c) rdflib-endpoint", f"http://127.0.0.1:{port}/sparql", rdflib_process))

        results: dict[str, dict[str, object]] = {t.name: {} for t in targets}
        for target in targets:
            # Warm up: every place's medium query once (and some cheap ones), so no target pays for
            # cold caches that another has warmed (bare pyoxigraph and (a) read the same files).
            warm_until = time.monotonic() + args.budget
            for i in range(len(places)):
                if time.monotonic() > warm_until:
                    break
                target.run(medium(i))
            for i in range(50):
                target.run(cheap(i))
            c = latencies(target, cheap, args.cheap, args.budget)
            m = latencies(target, medium, args.medium, args.budget)
            results[target.name].update(cheap_p50=statistics.median(c), cheap_p99=pct(c, 0.99), cheap_n=len(c), medium_p50=statistics.median(m), medium_p99=pct(m, 0.99), medium_n=len(m))
            print(f"{target.name}: c1 done", flush=True)
        for target in targets[1:]:
            results[target.name]["c8_cheap_rps"] = throughput(target, cheap, 8, args.seconds)
            results[target.name]["c8_medium_rps"] = throughput(target, medium, 8, args.seconds)
            print(f"{target.name}: c8 done", flush=True)
        for target in targets[1:3]:
            before, peak, size = streaming_memory(target)
            results[target.name].update(stream_before=before, stream_peak=peak, stream_bytes=size)
            print(f"{target.name}: streaming done", flush=True)
        # Last, because (b) and (c) cannot stop a slow query: it keeps burning CPU after the client gives up.
        for target in targets[1:]:
            loaded = with_slow_query(target, cheap, min(args.cheap, 100), args.budget + 10)
            results[target.name].update(loaded_p50=statistics.median(loaded), loaded_p99=pct(loaded, 0.99), loaded_n=len(loaded), loaded_blocked=target.timed_out)
            print(f"{target.name}: loaded done", flush=True)
            if target.name.startswith("(b)") or target.name.startswith("(c)"):
                target.stop()

        bare_cheap = results[targets[0].name]["cheap_p50"]
        bare_medium = results[targets[0].name]["medium_p50"]
        ms = lambda v: f"{v * 1000:8.2f}"  # noqa: E731
        print()
        print(f"SPARQL server benchmark — {quads} quads, loopback, {os.cpu_count()} CPUs")
        print(f"{'target':24} {'cheap p50':>9} {'p99':>8} {'x bare':>7} {'medium p50':>10} {'p99':>8} {'x bare':>7} {'c8 cheap/s':>10} {'c8 med/s':>9} {'cheap p99 w/ slow':>17}")
        for target in targets:
            r = results[target.name]
            row = f"{target.name:24} {ms(r['cheap_p50'])}ms {ms(r['cheap_p99'])} {r['cheap_p50'] / bare_cheap:7.1f} {ms(r['medium_p50'])}ms {ms(r['medium_p99'])} {r['medium_p50'] / bare_medium:7.1f}"
            if "c8_cheap_rps" in r:
                blocked = " (request timed out: blocked)" if r.get("loaded_blocked") else ""
                row += f" {r['c8_cheap_rps']:10.0f} {r['c8_medium_rps']:9.1f} {ms(r['loaded_p99'])}ms (n={r['loaded_n']}){blocked}"
            print(row)
        a, b = results[targets[1].name], results[targets[2].name]
        print()
        print("goals (newskg = (a)):")
        print(f"  c=1 medium p50 vs bare pyoxigraph: {a['medium_p50'] / bare_medium:.2f}x (goal <= 1.5x); cheap {a['cheap_p50'] / bare_cheap:.1f}x")
        print(f"  c=8 throughput vs minimal FastAPI (b): cheap {a['c8_cheap_rps'] / b['c8_cheap_rps']:.2f}x, medium {a['c8_medium_rps'] / b['c8_medium_rps']:.2f}x (goal >= 0.5x)")
        if len(targets) > 3:
            c = results[targets[3].name]
            print(f"  c=8 throughput vs rdflib-endpoint (c): cheap {a['c8_cheap_rps'] / c['c8_cheap_rps']:.1f}x, medium {a['c8_medium_rps'] / c['c8_medium_rps']:.1f}x (goal >= 10x)")
        print(f"  cheap p99 with a slow query running vs unloaded: newskg {ms(a['cheap_p99'])} -> {ms(a['loaded_p99'])} ms = {a['loaded_p99'] / a['cheap_p99']:.2f}x (goal <= 2x); minimal {ms(b['cheap_p99'])} -> {ms(b['loaded_p99'])} ms")
        for name in (targets[1].name, targets[2].name):
            r = results[name]
            print(f"memory while streaming {r['stream_bytes'] / 1e6:.0f} MB of TSV/JSON (1M rows), {name}: RSS {r['stream_before']:.0f} -> peak {r['stream_peak']:.0f} MiB (server + workers)")
    finally:
        for target in targets:
            target.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
