"""Server test fixtures (defined in ``server_testlib``) and the W3C protocol summary line."""

from __future__ import annotations

import sys

from server_testlib import chromium_path, readonly_server, server_logs, start_server, writable_server  # noqa: F401


def pytest_terminal_summary(terminalreporter) -> None:
    for module in list(sys.modules.values()):
        results = getattr(module, "W3C_PROTOCOL_RESULTS", None)
        if results:
            passed = sum(1 for ok in results.values() if ok)
            total = getattr(module, "W3C_TOTAL_IN_MANIFEST", len(results))
            terminalreporter.write_line(
                f"W3C SPARQL 1.1 protocol tests: {passed} passed of {len(results)} run ({total} in the manifest), against the live server"
            )
            return
