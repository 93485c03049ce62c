"""Gap rules: unfunded themes, missing area-wide priorities, missing or stale accountability, unowned money,
bodies with no chair or members, and cycles."""
from __future__ import annotations

import networkx as nx

from graph.analysis.findings import Finding, capital, listing, make_finding, the, theme_name
from graph.analysis.landscape import STRUCTURAL_KINDS, SUBSTRUCTURE_KINDS, Landscape

PRIORITY_LIST_KINDS = frozenset({"partnership", "board", "group", "forum", "executive", "alliance"})
DISTRICT_LIST_KINDS = frozenset({"partnership", "board"})
HOW = {"merged": "merged into", "renamed": "was succeeded by", "closed": "closed"}


def unfunded_themes(view: Landscape) -> list[Finding]:
    """Themes that bodies or areas hold as priorities but that no recorded allocation of money is for."""
    holders: dict[str, list[str]] = {}
    for holder, themes in view.themes_of.items():
        if view.label(holder) == "Body" and not view.live(holder):
            continue
        for theme in themes:
            holders.setdefault(theme, []).append(holder)
    findings = []
    for theme, who in holders.items():
        if view.funded_themes.get(theme):
            continue
        who = sorted(who)
        evidence = [q for holder in who for q in view.priority_evidence(holder, theme)]
        findings.append(make_finding(
            view, "unfunded-theme", "gaps", "medium" if len(who) >= 3 else "low",
            f"{theme_name(view, theme).capitalize()} is a priority of {len(who)} "
            f"{'body or area' if len(who) == 1 else 'bodies or areas'}, but no recorded allocation of money is for it.",
            [theme, *who], evidence, score=float(len(who)),
            areas={a for h in who for a in (view.effective_areas(h) if view.label(h) == "Body" else {h})},
            themes={theme}, details={"holders": who},
        ))
    return findings


def missing_area_priorities(view: Landscape) -> list[Finding]:
    """Priorities held for a whole county or sub-region that a district partnership within it does not list."""
    findings = []
    for body, themes in view.themes_of.items():
        if view.label(body) != "Body" or not view.live(body) or view.kind(body) not in DISTRICT_LIST_KINDS:
            continue
        districts = [a for a in view.covers.get(body, ()) if view.attrs.get(a, {}).get("level") == "district"]
        # A sub-board of a body covering the same district takes its priorities from that body.
        districts = [d for d in districts if not any(d in view.covers.get(line.target, ()) for line in view.up.get(body, ()))]
        own_list = [q for t in sorted(themes) for q in view.priority_evidence(body, t)] if districts else []
        for district in sorted(districts):
            for wider in sorted(view.ancestors(district)):
                missing = sorted(set(view.themes_of.get(wider, {})) - set(themes))
                if not missing:
                    continue
                names = [theme_name(view, t) for t in missing]
                verb = "is a priority" if len(missing) == 1 else "are priorities"
                findings.append(make_finding(
                    view, "missing-area-priority", "gaps", "medium",
                    f"{capital(listing(names))} {verb} for {view.name(wider)} as a whole, but "
                    f"{'it is' if len(missing) == 1 else 'they are'} not among the priorities of {the(view, body)}, "
                    f"which covers {view.name(district)}.",
                    [body, wider, *missing],
                    [q for t in missing for q in view.priority_evidence(wider, t)] + own_list,
                    score=float(len(missing)), areas={district, wider}, themes=missing,
                    details={"district": district, "wider_area": wider, "missing_themes": missing,
                             "district_themes": sorted(themes)},
                ))
    return findings


def no_upward_line(view: Landscape) -> list[Finding]:
    """Partnership bodies with no line of accountability that are not the head of a structure either."""
    successors = {gone.successor for gone in view.dissolved.values()}
    findings = []
    for body in sorted(view.bodies):
        kind = view.kind(body)
        if kind not in STRUCTURAL_KINDS or not view.live(body) or view.up.get(body):
            continue
        if view.down.get(body) or any(view.label(t) == "Body" for t in view.oversees.get(body, ())):
            continue  # the head of its own structure: top-level
        if body in successors:
            continue  # it took over a merged or renamed body, and with it that body's place
        findings.append(make_finding(
            view, "no-upward-accountability", "gaps", "medium" if kind in SUBSTRUCTURE_KINDS else "low",
            f"No line of accountability from {the(view, body)} to any other body is recorded, and no body "
            f"reports to it, so it is not the head of a structure either.",
            [body], view.evidence(body)[:2], areas=view.effective_areas(body), themes=view.themes(body),
            details={"kind": kind},
        ))
    return findings


def stale_lines(view: Landscape) -> list[Finding]:
    """Upward lines that still point at a body that has merged, been renamed or closed."""
    findings = []
    for body, lines in view.up.items():
        if not view.live(body):
            continue
        for line in lines:
            gone = view.dissolved.get(line.target)
            if gone is None:
                continue
            what = HOW.get(gone.how, gone.how)
            if gone.successor is not None:
                what += f" {the(view, gone.successor)}"
            what += f" from {gone.when}" if gone.when else ""
            nodes = [body, line.target] + ([gone.successor] if gone.successor else [])
            findings.append(make_finding(
                view, "stale-line", "gaps", "high",
                f"{capital(the(view, body))} still has a line ({line.type}) to {the(view, line.target)}, "
                f"which {what}.",
                nodes, line.evidence[:2] + gone.evidence[:2], areas=view.effective_areas(body),
                themes=view.themes(body),
                details={"line_type": line.type, "target": line.target, "how": gone.how, "successor": gone.successor,
                         "since": gone.when},
            ))
    return findings


def unaccountable_money(view: Landscape) -> list[Finding]:
    """Allocations (item rows) with no body that gives, receives or oversees the money."""
    findings = []
    for allocation, links in view.allocations.items():
        attrs = view.attrs[allocation]
        if attrs.get("row_kind") in ("subtotal", "total"):
            continue
        bodies = [b for kind in ("ALLOCATED_BY", "ALLOCATED_TO") for b in links.get(kind, ()) if view.label(b) == "Body"]
        overseers = [b for s in links.get("FROM_STREAM", ()) for b in view.overseen.get(s, ())]
        if bodies or overseers:
            continue
        amount = attrs.get("amount_gbp")
        what = f"£{amount:,}" if isinstance(amount, int | float) else "Money"
        purpose = attrs.get("purpose")
        period = attrs.get("period")
        # A purpose taken from a sentence is the whole sentence: the quote shows it, the explanation stays short.
        short = purpose is not None and len(str(purpose)) <= 60
        described = what + (f" for {str(purpose).rstrip(':')}" if short else "") + (f" ({period})" if period else "")
        places = [a for a in links.get("ALLOCATED_TO", ()) if view.label(a) == "Area"]
        findings.append(make_finding(
            view, "unaccountable-money", "gaps", "medium",
            f"{described} has no recorded body that allocates it, receives it or oversees its funding stream.",
            [allocation, *links.get("FROM_STREAM", ()), *places], view.evidence(allocation),
            score=float(amount) if isinstance(amount, int | float) else None, areas=places,
            themes=[t for t in links.get("FOR", ()) if view.label(t) == "Theme"],
            details={"amount_gbp": amount if isinstance(amount, int | float) else None, "period": period},
        ))
    return findings


def no_chair_or_members(view: Landscape) -> list[Finding]:
    """Boards, partnerships and groups with neither a recorded chair nor any recorded member."""
    findings = []
    for body in sorted(view.bodies):
        if view.kind(body) not in PRIORITY_LIST_KINDS or not view.live(body):
            continue
        if view.chairs.get(body) or view.members.get(body):
            continue
        findings.append(make_finding(
            view, "no-chair-or-members", "gaps", "low",
            f"Neither a chair nor any member of {the(view, body)} is recorded in the documents.",
            [body], view.evidence(body)[:2], areas=view.effective_areas(body), themes=view.themes(body),
        ))
    return findings


def accountability_cycles(view: Landscape) -> list[Finding]:
    """Groups of bodies whose lines of accountability lead back to themselves (found in linear time)."""
    upward = nx.DiGraph()
    evidence: dict[tuple[str, str], list[dict[str, object]]] = {}
    for body, lines in view.up.items():
        for line in lines:
            upward.add_edge(body, line.target)
            evidence.setdefault((body, line.target), []).extend(line.evidence[:1])
    findings = []
    for component in nx.strongly_connected_components(upward):
        if len(component) == 1:
            (only,) = component
            if not upward.has_edge(only, only):
                continue
        cycle = [u for u, _ in nx.find_cycle(upward.subgraph(component))]
        path = [*cycle, cycle[0]]
        findings.append(make_finding(
            view, "accountability-cycle", "gaps", "high",
            "Accountability goes round in a circle: " + " → ".join(the(view, n) for n in path)
            + ", so none of them is finally accountable to anyone outside the circle.",
            sorted(component), [q for u, v in zip(path, path[1:], strict=False) for q in evidence.get((u, v), [])],
            areas={a for n in component if view.label(n) == "Body" for a in view.effective_areas(n)},
            details={"cycle": path},
        ))
    return findings
