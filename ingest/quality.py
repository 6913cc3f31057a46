"""Quality checks SHACL cannot express, reported as SHACL results of a named pseudo-shape.

``nkgsh:UnlinkedWithGazetteerCandidate`` (declared and documented in shapes/quality.ttl,
where it has no target so SHACL engines skip it): an actor or place of the article that is
linked neither to Wikidata nor to a gazetteer place although the offline gazetteer has an
exact candidate for its label (``Gazetteer.load().lookup(label, fuzzy=False)``). A warning:
the linker may have had good reasons (an ambiguous name), but a curator should look.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from .vocab import GAF, NKGNS, RDF, RDFS, SEM, SKOS

NKGSH = "https://w3id.org/newskg/shapes#"
GAZETTEER_SHAPE = NKGSH + "UnlinkedWithGazetteerCandidate"
PYTHON_COMPONENT = NKGSH + "PythonCheckComponent"
CHECKS = ("gazetteer",)


def python_checks(quads: Sequence[ox.Quad], names: Iterable[str]) -> list:
    found = []
    for name in names:
        if name == "gazetteer":
            found.extend(gazetteer_candidates(quads))
        else:
            raise ValueError(f"unknown Python-side check {name!r} (known: {', '.join(CHECKS)})")
    return found


def gazetteer_candidates(quads: Sequence[ox.Quad]) -> list:
    from .gazetteer import Gazetteer
    from .validate import TextSpan, Violation, term_key

    types: dict[ox.NamedNode, set[str]] = {}
    labels: dict[ox.NamedNode, list[str]] = {}
    linked: set[ox.NamedNode] = set()
    mentions: dict[ox.NamedNode, list[ox.NamedNode]] = {}
    spans: dict[ox.NamedNode, dict[str, str]] = {}
    for q in quads:
        s, p, o = q.subject, q.predicate, q.object
        if not isinstance(s, ox.NamedNode):
            continue
        if p == RDF.type and isinstance(o, ox.NamedNode):
            types.setdefault(s, set()).add(o.value)
        elif p == RDFS.label and isinstance(o, ox.Literal):
            labels.setdefault(s, []).append(o.value)
        elif p == SKOS.exactMatch or (p == NKGNS.linkSubject and isinstance(o, ox.NamedNode)):
            linked.add(o if p == NKGNS.linkSubject else s)  # type: ignore[arg-type]
        elif p == GAF.denotedBy and isinstance(o, ox.NamedNode):
            mentions.setdefault(s, []).append(o)
        if p.value.startswith("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"):
            spans.setdefault(s, {})[p.value.rsplit("#", 1)[-1]] = getattr(o, "value", "")
    gazetteer = None
    results = []
    for node, kinds in sorted(types.items(), key=lambda kv: kv[0].value):
        if not kinds & {SEM.Place.value, SEM.Actor.value} or node in linked or node not in mentions:
            continue
        if not labels.get(node):
            continue
        label = min(labels[node])
        gazetteer = gazetteer or Gazetteer.load()
        matches = gazetteer.lookup(label, fuzzy=False)
        if not matches:
            continue
        best = matches[0]
        first = min(mentions[node], key=lambda n: n.value)
        sp = spans.get(first, {})
        span = None
        if "beginIndex" in sp and "endIndex" in sp:
            span = TextSpan(int(sp["beginIndex"]), int(sp["endIndex"]), sp.get("anchorOf", ""))
        candidate = f"{best.entry.label} ({best.qid or best.key})"
        results.append(Violation(
            focus=node.value, focus_label=label, shape=GAZETTEER_SHAPE, path=None,
            message=f"left unlinked although the gazetteer has a candidate: {candidate}",
            severity="Warning", value=best.qid and f"http://www.wikidata.org/entity/{best.qid}" or best.key,
            span=span, component=PYTHON_COMPONENT, focus_key=term_key(node), value_key=None,
            shape_key=f"<{GAZETTEER_SHAPE}>",
        ))
    return results
