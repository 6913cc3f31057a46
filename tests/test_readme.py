"""The README's worked example is real: it parses, and every triple in it is in the seed graph."""

from __future__ import annotations

import re

import pyoxigraph as ox

from .conftest import ROOT


def test_readme_trig_example_is_in_the_seed_store(seed_store: ox.Store) -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    (block,) = re.findall(r"```trig\n(.*?)```", text, flags=re.S)
    quads = list(ox.parse(block, format=ox.RdfFormat.TRIG))
    assert len(quads) > 15
    for q in quads:
        assert any(seed_store.quads_for_pattern(q.subject, q.predicate, q.object, q.graph_name)), str(q)
