"""Prometheus metrics in the text exposition format (version 0.0.4), without a client library."""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Callable, Iterable

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0)

Labels = tuple[tuple[str, str], ...]


def _labels(labels: Labels, extra: Labels = ()) -> str:
    items = labels + extra
    if not items:
        return ""
    escaped = (f'{k}="{v.replace(chr(92), chr(92) * 2).replace(chr(10), chr(92) + "n").replace(chr(34), chr(92) + chr(34))}"' for k, v in items)
    return "{" + ",".join(escaped) + "}"


def _number(value: float) -> str:
    if math.isinf(value):
        return "+Inf" if value > 0 else "-Inf"
    return repr(float(value)) if not float(value).is_integer() else str(int(value))


class Counter:
    def __init__(self, name: str, help: str) -> None:
        self.name, self.help = name, help
        self.values: dict[Labels, float] = defaultdict(float)

    def inc(self, amount: float = 1.0, **labels: str) -> None:
        self.values[tuple(sorted(labels.items()))] += amount

    def expose(self) -> Iterable[str]:
        yield f"# HELP {self.name} {self.help}"
        yield f"# TYPE {self.name} counter"
        for labels, value in sorted(self.values.items()):
            yield f"{self.name}{_labels(labels)} {_number(value)}"


class Gauge:
    def __init__(self, name: str, help: str, read: Callable[[], dict[Labels, float]]) -> None:
        self.name, self.help, self.read = name, help, read

    def expose(self) -> Iterable[str]:
        yield f"# HELP {self.name} {self.help}"
        yield f"# TYPE {self.name} gauge"
        for labels, value in sorted(self.read().items()):
            yield f"{self.name}{_labels(labels)} {_number(value)}"


class Histogram:
    def __init__(self, name: str, help: str, buckets: tuple[float, ...] = LATENCY_BUCKETS) -> None:
        self.name, self.help, self.buckets = name, help, buckets
        self.counts: dict[Labels, list[int]] = {}
        self.sums: dict[Labels, float] = defaultdict(float)

    def observe(self, value: float, **labels: str) -> None:
        key = tuple(sorted(labels.items()))
        counts = self.counts.setdefault(key, [0] * (len(self.buckets) + 1))
        for index, bound in enumerate(self.buckets):
            if value <= bound:
                counts[index] += 1
        counts[-1] += 1
        self.sums[key] += value

    def expose(self) -> Iterable[str]:
        yield f"# HELP {self.name} {self.help}"
        yield f"# TYPE {self.name} histogram"
        for labels, counts in sorted(self.counts.items()):
            for bound, count in zip(self.buckets, counts):
                yield f"{self.name}_bucket{_labels(labels, (('le', _number(bound)),))} {count}"
            yield f"{self.name}_bucket{_labels(labels, (('le', '+Inf'),))} {counts[-1]}"
            yield f"{self.name}_sum{_labels(labels)} {_number(self.sums[labels])}"
            yield f"{self.name}_count{_labels(labels)} {counts[-1]}"


class Metrics:
    """The server's metrics.  ``outcome`` is one of ok, client_error, timeout, error, cancelled."""

    def __init__(self) -> None:
        self.queries = Counter("newskg_sparql_queries_total", "SPARQL queries answered, by result kind and outcome.")
        self.query_seconds = Histogram("newskg_sparql_query_duration_seconds", "Time from request to last result byte.")
        self.timeouts = Counter("newskg_sparql_query_timeouts_total", "Queries stopped at their deadline (worker killed).")
        self.updates = Counter("newskg_sparql_updates_total", "SPARQL updates and other writes, by route and outcome.")
        self.http = Counter("newskg_http_requests_total", "HTTP requests by route and status code.")
        self.gauges: list[Gauge] = []

    def add_gauge(self, name: str, help: str, read: Callable[[], dict[Labels, float]]) -> None:
        self.gauges.append(Gauge(name, help, read))

    def exposition(self) -> str:
        lines: list[str] = []
        for metric in (self.queries, self.query_seconds, self.timeouts, self.updates, self.http, *self.gauges):
            lines.extend(metric.expose())
        return "\n".join(lines) + "\n"
