"""What changed over time: bodies appearing and disappearing between earlier and later documents, mergers and renames."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.analysis.findings import Finding, capital, listing, make_finding, the
from graph.analysis.landscape import STRUCTURAL_KINDS, Landscape
from graph.time import first_day


def document_periods(view: Landscape, split: str | None = None) -> tuple[list[str], list[str], str | None]:
    """Documents dated before `split` and from it on; by default the split is the latest document's year."""
    # Only documents written by the view's day: the landscape of 2007 knows nothing of a 2012 paper.
    dated = {n: str(d) for n, d in view.graph.nodes(data="date")
             if view.label(n) == "Document" and d and (first_day(str(d)) or "") <= view.day}
    if not dated:
        return [], [], None
    if split is None:
        split = max(dated.values())[:4]
    earlier = sorted(n for n, d in dated.items() if d < split)
    later = sorted(n for n, d in dated.items() if d >= split)
    return earlier, later, split


def _year_span(view: Landscape, docs: list[str]) -> str:
    years = sorted({str(view.graph.nodes[d].get("date"))[:4] for d in docs})
    if not years:
        return "no"
    return years[0] if len(years) == 1 else f"{years[0]}-{years[-1][2:]}"


def body_changes(view: Landscape, split: str | None = None) -> list[Finding]:
    """Bodies that the earlier documents only, or the later ones only, say anything about (by node id: its own
    evidence, any fact about it, a mention)."""
    earlier, later, split = document_periods(view, split)
    if not earlier or not later:
        return []
    doc_key = {view.graph.nodes[d].get("file", d): d for d in earlier + later}
    doc_key.update({d.removeprefix("doc-"): d for d in earlier + later})
    mentioned: dict[str, set[str]] = defaultdict(set)
    for body in view.bodies:
        if view.kind(body) not in STRUCTURAL_KINDS:
            continue  # the landscape of partnerships, not every agency named in passing
        for item in view.evidence(body):
            doc = doc_key.get(str(item.get("doc")), doc_key.get(f"{item.get('doc')}.txt"))
            if doc is not None:
                mentioned[body].add(doc)
        for doc in view.graph.predecessors(body):
            if doc in doc_key.values():
                mentioned[body].add(doc)
        # By identity, not by name: a document speaks of the body when it states any fact about it.
        for _, _, data in [*view.graph.out_edges(body, data=True), *view.graph.in_edges(body, data=True)]:
            for item in data.get("evidence") or []:
                doc = doc_key.get(str(item.get("doc")), doc_key.get(f"{item.get('doc')}.txt"))
                if doc is not None:
                    mentioned[body].add(doc)
    early_span, late_span = _year_span(view, earlier), _year_span(view, later)
    early_set, late_set = set(earlier), set(later)
    findings = []
    for body, docs in sorted(mentioned.items()):
        if docs <= early_set:
            rule, words = "disappeared", f"is mentioned in the {early_span} documents but not in the {late_span} ones"
        elif docs <= late_set:
            rule, words = "appeared", f"appears in the {late_span} documents and not in the {early_span} ones"
        else:
            continue
        evidence = [item for item in view.evidence(body)]
        findings.append(make_finding(
            view, f"body-{rule}", "changes", "info", f"{capital(the(view, body))} {words}.", [body], evidence[:2],
            areas=view.effective_areas(body), themes=view.themes(body),
            details={"documents": sorted(docs), "split": split},
        ))
    return findings


def mergers_and_renames(view: Landscape) -> list[Finding]:
    """Every MERGED_INTO and SUCCEEDED_BY line, with its date and status (planned ones included, and said so)."""
    successors: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = defaultdict(list)
    for start, end, data in view.graph.edges(data=True):
        if data.get("type") in ("MERGED_INTO", "SUCCEEDED_BY") and view.stated(data):
            successors[(str(data["type"]), end)].append((start, data))
    findings = []
    for (kind, end), starts in sorted(successors.items()):
        names = listing([the(view, s) for s, _ in sorted(starts, key=lambda item: item[0])])
        dates = sorted({str(d["valid_from"]) for _, d in starts if d.get("valid_from")})
        statuses = sorted({str(d.get("status") or "current") for _, d in starts})
        when = f" from {listing(dates)}" if dates else ""
        verb = "merged into" if kind == "MERGED_INTO" else "were succeeded by" if len(starts) > 1 else "was succeeded by"
        if kind == "MERGED_INTO":
            verb = "merged into" if statuses != ["planned"] and statuses != ["proposed"] else "are to merge into"
        findings.append(make_finding(
            view, "merged" if kind == "MERGED_INTO" else "renamed", "changes", "info",
            f"{names[0].upper()}{names[1:]} {verb} {the(view, end)}{when}"
            + (f" (status: {listing(statuses)})" if statuses != ["current"] else "") + ".",
            [*sorted(s for s, _ in starts), end],
            [q for _, d in starts for q in (d.get("evidence") or [])[:1]],
            areas={a for s, _ in starts if s in view.bodies for a in view.effective_areas(s)},
            details={"since": dates[0] if dates else None, "statuses": statuses},
        ))
    return findings
