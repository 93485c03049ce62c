"""Duplication rules: shared priority themes, membership interlock, several upward lines, parallel bodies."""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

import networkx as nx

from graph.analysis.findings import Finding, Severity, capital, listing, make_finding, the, theme_name
from graph.analysis.landscape import STRUCTURAL_KINDS, Landscape

MIN_JACCARD = 0.5
MIN_SHARED_THEMES = 2
MIN_SHARED_MEMBERS = 2
MIN_JOB_SIMILARITY = 0.6
# Words that say what kind of body it is or where it is, not what job it does.
GENERIC_WORDS = frozenset({
    "a", "an", "and", "the", "of", "for", "in", "on", "to", "&", "board", "group", "partnership", "forum", "team",
    "unit", "network", "executive", "conference", "alliance", "commission", "committee", "sub", "subgroup", "steering",
    "district", "borough", "city", "county", "council", "local", "area", "shadow", "llr", "joint", "multi", "agency",
})


def shared_themes(view: Landscape) -> list[Finding]:
    """Bodies whose areas overlap and whose priority themes overlap (Jaccard), via a (theme, area) inverted index."""
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    candidates = [b for b in view.themes_of if view.live(b)]
    for body in candidates:
        for theme in view.themes_of[body]:
            for area in view.effective_areas(body):
                index[(theme, area)].append(body)
    pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for body in candidates:
        for theme in view.themes_of[body]:
            for area in view.effective_areas(body):
                for other_area in view.overlapping(area):
                    for other in index.get((theme, other_area), ()):
                        if other > body:
                            pairs[(body, other)].add(theme)
    findings = []
    for (a, b), common in pairs.items():
        if len(common) < MIN_SHARED_THEMES:
            continue
        union = view.themes(a) | view.themes(b)
        score = len(common) / len(union)
        if score < MIN_JACCARD or view.related_in_chain(a, b):
            continue
        same_area = bool(view.effective_areas(a) & view.effective_areas(b))
        severity: Severity = "high" if score >= 0.75 and same_area else "medium"
        names = sorted(theme_name(view, t) for t in common)
        where = "the same area" if same_area else "overlapping areas"
        evidence = [q for t in sorted(common) for body in (a, b) for q in view.priority_evidence(body, t)]
        findings.append(make_finding(
            view, "shared-priority-themes", "duplication", severity,
            f"{capital(the(view, a))} and {the(view, b)} cover {where} and share {len(common)} of their "
            f"{len(union)} priority themes ({listing(names)}).",
            [a, b], evidence, score=score, areas=view.effective_areas(a) | view.effective_areas(b), themes=common,
            details={"shared_themes": sorted(common), "jaccard": round(score, 4)},
        ))
    return findings


def membership_interlock(view: Landscape) -> list[Finding]:
    """The same agencies sitting on several boards that share a priority theme (counted through each agency's seats)."""
    common_members: dict[tuple[str, str], set[str]] = defaultdict(set)
    for member, boards in view.seats.items():
        live_boards = sorted(b for b in boards if view.live(b) and view.themes_of.get(b))
        for a, b in combinations(live_boards, 2):
            common_members[(a, b)].add(member)
    findings = []
    for (a, b), members in common_members.items():
        if len(members) < MIN_SHARED_MEMBERS:
            continue
        common = view.themes(a) & view.themes(b)
        if not common or view.related_in_chain(a, b):
            continue
        areas_a, areas_b = view.effective_areas(a), view.effective_areas(b)
        if areas_a and areas_b and not any(view.overlapping(x) & areas_b for x in areas_a):
            continue
        names = sorted(view.name(m) for m in members)
        evidence = [q for m in sorted(members) for board in (a, b) for q in view.members[board][m][:1]]
        findings.append(make_finding(
            view, "membership-interlock", "duplication", "medium" if len(members) >= 3 else "low",
            f"The same {len(members)} members ({listing(names)}) sit on both {the(view, a)} and "
            f"{the(view, b)}, which both have {listing(sorted(theme_name(view, t) for t in common))} among "
            f"their priorities.",
            [a, b, *sorted(members)], evidence, score=float(len(members)), areas=areas_a | areas_b, themes=common,
            details={"shared_members": sorted(members), "shared_themes": sorted(common)},
        ))
    return findings


def several_upward_lines(view: Landscape) -> list[Finding]:
    """Bodies answering to more than one body (a target that is above another target is not counted twice)."""
    findings = []
    for body, lines in view.up.items():
        if not view.live(body):
            continue
        targets = {line.target for line in lines}
        if len(targets) < 2:
            continue
        distinct = {t for t in targets if not any(t in view.upward_closure(o) for o in targets if o != t)}
        if len(distinct) < 2:
            continue
        gone = sorted(t for t in distinct if t in view.dissolved)
        severity: Severity = "high" if len(distinct) >= 3 or gone else "medium"
        explanation = (f"{capital(the(view, body))} has {len(distinct)} upward lines of accountability "
                       f"(to {listing([the(view, t) for t in sorted(distinct)])}), so more than one body "
                       f"holds it to account")
        if gone:
            explanation += "; " + ("both" if len(gone) == len(distinct) == 2 else f"{len(gone)} of them") + " have since "
            explanation += listing(sorted({_ended(view, t) for t in gone})) + "."
        else:
            explanation += "."
        evidence = [q for line in lines if line.target in distinct for q in line.evidence[:2]]
        findings.append(make_finding(
            view, "several-upward-lines", "duplication", severity, explanation, [body, *sorted(distinct)], evidence,
            score=float(len(distinct)), areas=view.effective_areas(body), themes=view.themes(body),
            details={"targets": sorted(distinct), "line_types": sorted({ln.type for ln in lines}),
                     "dissolved_targets": gone},
        ))
    return findings


def _ended(view: Landscape, body: str) -> str:
    gone = view.dissolved[body]
    verb = {"merged": "merged into", "renamed": "been succeeded by"}.get(gone.how, gone.how)
    successor = f" {the(view, gone.successor)}" if gone.successor else ""
    return f"{verb}{successor}" + (f" (from {gone.when})" if gone.when else "")


def _job_words(view: Landscape, body: str, area_words: frozenset[str]) -> frozenset[str]:
    words = re.findall(r"[a-z]+", view.name(body).lower().replace("'s", ""))
    return frozenset(w for w in words if w not in GENERIC_WORDS and w not in area_words)


def parallel_bodies(view: Landscape) -> list[Finding]:
    """Bodies of the same kind whose names say they do the same job, for the same or neighbouring areas."""
    area_words = frozenset(w for a in view.areas for w in re.findall(r"[a-z]+", view.name(a).lower()))
    jobs = {b: _job_words(view, b, area_words) for b in view.bodies
            if view.live(b) and view.kind(b) in STRUCTURAL_KINDS and view.effective_areas(b)}
    index: dict[tuple[str, str], list[str]] = defaultdict(list)
    for body, words in jobs.items():
        for word in words:
            for area in view.effective_areas(body):
                index[(word, area)].append(body)
    neighbours = {a: {a} | view.adjacent(a) for a in view.areas}
    pairs: set[tuple[str, str]] = set()
    for body, words in jobs.items():
        for word in words:
            for area in view.effective_areas(body):
                for other_area in neighbours.get(area, {area}):
                    pairs.update((body, o) for o in index.get((word, other_area), ()) if o > body)
    similar = nx.Graph()
    for a, b in pairs:
        if view.kind(a) != view.kind(b):
            continue
        score = len(jobs[a] & jobs[b]) / len(jobs[a] | jobs[b])
        if score < MIN_JOB_SIMILARITY or view.related_in_chain(a, b):
            continue
        similar.add_edge(a, b, score=score, same_area=bool(view.effective_areas(a) & view.effective_areas(b)))
    # One finding per cluster ("the 7 district Community Safety Partnerships"), not one per pair.
    findings = []
    for cluster in nx.connected_components(similar):
        members = sorted(cluster)
        edges = similar.subgraph(cluster).edges(data=True)
        same_area = any(d["same_area"] for _, _, d in edges)
        score = min(d["score"] for _, _, d in edges)
        common = frozenset.intersection(*(jobs[m] for m in members))
        job = " ".join(w for w in re.findall(r"[a-z]+", view.name(members[0]).lower()) if w in common) or "similar"
        where = "the same area" if same_area else "neighbouring areas"
        if len(members) == 2:
            who = f"{capital(the(view, members[0]))} and {the(view, members[1])}, both {view.kind(members[0])}s,"
        else:
            named = [the(view, m) for m in members[:4]] + ([f"{len(members) - 4} others"] if len(members) > 4 else [])
            who = f"{len(members)} {view.kind(members[0])}s ({listing(named)})"
        areas = {a for m in members for a in view.effective_areas(m)}
        findings.append(make_finding(
            view, "parallel-bodies", "duplication", "medium" if same_area else "low",
            f"{who} have names that say they do the same job ({job}), for {where}.",
            members, [q for m in members[:4] for q in view.evidence(m)[:1]], score=score, areas=areas,
            themes=frozenset.intersection(*(frozenset(view.themes(m)) for m in members)),
            details={"shared_job_words": sorted(common), "same_area": int(same_area), "bodies": len(members)},
        ))
    return findings
