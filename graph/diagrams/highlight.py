"""Marks the analysis' duplication and gap findings on a diagram: numbered marks (D1, G1) on the bodies and lines
they are about, and the findings listed under the legend."""
from __future__ import annotations

from graph.analysis import Analysis
from graph.analysis.findings import SEVERITY_ORDER, Finding
from graph.diagrams.model import Diagram, FindingNote

PREFIX = {"duplication": "D", "gaps": "G"}
MAX_FINDINGS = 24
# Only the first node(s) of these findings is the one at fault; the rest are context (targets, members, themes).
SUBJECTS = {"several-upward-lines": 1, "no-upward-accountability": 1, "membership-interlock": 2,
            "no-chair-or-members": 1, "stale-line": 1, "missing-area-priority": 1}
# About themes, not about anything a structure diagram draws.
SKIPPED = frozenset({"unfunded-theme"})
LINE_RULES = ("stale-line", "accountability-cycle")


def _subjects(finding: Finding) -> list[str]:
    ids = [n.id for n in finding.nodes if n.label in ("Body", "Role")]
    limit = SUBJECTS.get(finding.rule)
    return ids if limit is None else ids[:limit]


def _lines(finding: Finding) -> list[tuple[str, str]]:
    if finding.rule == "stale-line":
        target = finding.details.get("target")
        return [(finding.nodes[0].id, str(target))] if target is not None else []
    if finding.rule == "accountability-cycle":
        cycle = finding.details.get("cycle")
        if isinstance(cycle, list):
            return list(zip(cycle, cycle[1:], strict=False))
    return []


def highlight(diagram: Diagram, analysis: Analysis, severity: str = "medium") -> Diagram:
    """Mark on `diagram` (in place) the duplication and gap findings at or above `severity` that are about
    something drawn on it; a finding only partly drawn is marked on what is drawn."""
    floor = SEVERITY_ORDER[severity]
    count = {"duplication": 0, "gaps": 0}
    edges = {(e.source, e.target): e for e in diagram.edges}
    for category in ("gaps", "duplication"):
        for finding in analysis.findings.get(category, []):
            if finding.rule in SKIPPED or SEVERITY_ORDER[finding.severity] < floor or \
                    len(diagram.findings) >= MAX_FINDINGS:
                continue
            lines = [edges[pair] for pair in _lines(finding) if pair in edges]
            nodes = [diagram.nodes[n] for n in _subjects(finding) if n in diagram.nodes]
            if finding.rule in LINE_RULES and not lines:
                continue
            if not nodes and not lines:
                continue
            count[category] += 1
            mark = f"{PREFIX[category]}{count[category]}"
            for node in nodes:
                node.marks.append(mark)
            for edge in lines:
                edge.marks.append(mark)
            diagram.findings.append(FindingNote(mark, category, finding.rule, finding.severity, finding.explanation))
    return diagram
