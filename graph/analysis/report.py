"""The analysis as a readable report, in Markdown or in HTML (standalone, no dependencies)."""
from __future__ import annotations

import html
from collections import Counter

from graph.analysis import CATEGORIES, Analysis
from graph.analysis.findings import Finding

TITLES = {
    "duplication": "Duplication: where partnerships overlap",
    "gaps": "Gaps: where the holes are",
    "structure": "Structure: brokers, seats and chains",
    "changes": "Changes over time",
}
RULE_TITLES = {
    "shared-priority-themes": "Bodies in overlapping areas with the same priorities",
    "membership-interlock": "The same members on boards with the same theme",
    "several-upward-lines": "Bodies with more than one upward line",
    "parallel-bodies": "Parallel bodies doing the same job",
    "unfunded-theme": "Priority themes with no money behind them",
    "missing-area-priority": "Area-wide priorities missing from a district's list",
    "no-upward-accountability": "Bodies with no upward accountability",
    "stale-line": "Lines that point at a merged or closed body",
    "unaccountable-money": "Money with no accountable body",
    "no-chair-or-members": "Bodies with no recorded chair or members",
    "accountability-cycle": "Accountability going round in circles",
    "broker": "Brokers (betweenness)",
    "most-board-seats": "Agencies carrying the most board seats",
    "chain-depth": "The longest accountability chains",
    "body-appeared": "Bodies appearing",
    "body-disappeared": "Bodies no longer mentioned",
    "merged": "Mergers",
    "renamed": "Renames and successors",
}


def _by_rule(findings: list[Finding]) -> dict[str, list[Finding]]:
    groups: dict[str, list[Finding]] = {}
    for finding in findings:
        groups.setdefault(finding.rule, []).append(finding)
    return groups


def _summary_rows(analysis: Analysis) -> list[tuple[str, int, str]]:
    rows: list[tuple[str, int, str]] = []
    for category in CATEGORIES:
        found = analysis.findings.get(category, [])
        severities = Counter(f.severity for f in found)
        rows.append((category, len(found), ", ".join(f"{severities[s]} {s}" for s in ("high", "medium", "low", "info")
                                                      if severities[s])))
    return rows


def markdown(analysis: Analysis, max_per_rule: int = 50) -> str:
    when = analysis.as_of or "now"
    lines = ["# Partnership landscape: duplication and gap analysis", "",
             f"The landscape as at **{when}**. Every finding names its rule and severity, explains itself in one "
             "sentence, and quotes the documents it rests on.", "", "| category | findings | by severity |",
             "|---|---:|---|"]
    lines += [f"| {c} | {n} | {s} |" for c, n, s in _summary_rows(analysis)]
    for category in CATEGORIES:
        found = analysis.findings.get(category, [])
        lines += ["", f"## {TITLES[category]}", ""]
        if not found:
            lines.append("Nothing found.")
        for rule, group in _by_rule(found).items():
            lines += [f"### {RULE_TITLES.get(rule, rule)} ({len(group)})", ""]
            for finding in group[:max_per_rule]:
                lines.append(f"- **{finding.severity}** — {finding.explanation}")
                for quote in finding.evidence[:3]:
                    text = " ".join(quote.quote.split()).replace("|", "\\|")
                    lines.append(f"  > “{text}” — *{quote.doc}*")
            if len(group) > max_per_rule:
                lines.append(f"- … and {len(group) - max_per_rule} more.")
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def render_html(analysis: Analysis, max_per_rule: int = 50) -> str:
    esc = html.escape
    when = esc(analysis.as_of or "now")
    parts = ["<!doctype html>", "<html lang='en'><head><meta charset='utf-8'>",
             "<title>Partnership landscape: duplication and gap analysis</title>",
             "<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
             "line-height:1.45}blockquote{margin:.2rem 0 .2rem 1.5rem;color:#444;font-size:.9em}"
             ".high{color:#b00020}.medium{color:#b35c00}.low{color:#555}.info{color:#245}"
             "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .6rem}</style>",
             "</head><body>", "<h1>Partnership landscape: duplication and gap analysis</h1>",
             f"<p>The landscape as at <strong>{when}</strong>. Every finding names its rule and severity, explains "
             "itself in one sentence, and quotes the documents it rests on.</p>",
             "<table><tr><th>category</th><th>findings</th><th>by severity</th></tr>"]
    parts += [f"<tr><td>{esc(c)}</td><td>{n}</td><td>{esc(s)}</td></tr>" for c, n, s in _summary_rows(analysis)]
    parts.append("</table>")
    for category in CATEGORIES:
        found = analysis.findings.get(category, [])
        parts.append(f"<h2>{esc(TITLES[category])}</h2>")
        if not found:
            parts.append("<p>Nothing found.</p>")
        for rule, group in _by_rule(found).items():
            parts.append(f"<h3>{esc(RULE_TITLES.get(rule, rule))} ({len(group)})</h3><ul>")
            for finding in group[:max_per_rule]:
                parts.append(f"<li><span class='{finding.severity}'>{finding.severity}</span> — "
                             f"{esc(finding.explanation)}")
                for quote in finding.evidence[:3]:
                    parts.append(f"<blockquote>“{esc(' '.join(quote.quote.split()))}” — <em>{esc(quote.doc)}</em>"
                                 "</blockquote>")
                parts.append("</li>")
            if len(group) > max_per_rule:
                parts.append(f"<li>… and {len(group) - max_per_rule} more.</li>")
            parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
