"""Colours by kind, line styles by relationship and state, and wrapping of long names: shared by DOT and Mermaid."""
from __future__ import annotations

import textwrap
from dataclasses import dataclass

FONT = "DejaVu Sans"
WRAP = 24


@dataclass(frozen=True)
class KindStyle:
    legend: str
    fill: str
    border: str
    shape: str = "box"
    rounded: bool = True


# Body kinds fall into five families; colour tells the family at a glance, the small second line the exact kind.
FAMILIES: dict[str, KindStyle] = {
    "board": KindStyle("board", "#cfe2f3", "#1f4e79"),
    "partnership": KindStyle("partnership", "#d9ead3", "#38761d"),
    "group": KindStyle("group, forum, team, unit", "#fff2cc", "#b45f06"),
    "alliance": KindStyle("alliance, executive, network, commission", "#ead1dc", "#741b47"),
    "organisation": KindStyle("agency, council, service, trust ...", "#eeeeee", "#595959", rounded=False),
    "role": KindStyle("role (an office)", "#ffffff", "#595959", shape="ellipse", rounded=False),
    "stream": KindStyle("funding stream", "#fce5cd", "#b45f06", shape="cylinder", rounded=False),
    "allocation": KindStyle("purpose of an allocation", "#ffffff", "#7f6000", shape="note", rounded=False),
    "recipient": KindStyle("area receiving money", "#f3f3f3", "#595959", shape="folder", rounded=False),
    "programme": KindStyle("programme", "#fff2cc", "#7f6000", shape="component", rounded=False),
    "theme": KindStyle("theme", "#ffffff", "#595959", shape="tab", rounded=False),
    "area": KindStyle("area: its own page (click)", "#eef3f8", "#1f4e79", shape="folder", rounded=False),
}
FAMILY_OF_KIND = {
    "board": "board", "partnership": "partnership",
    "group": "group", "forum": "group", "team": "group", "unit": "group", "network": "alliance",
    "alliance": "alliance", "executive": "alliance", "commission": "alliance", "conference": "alliance",
}
DISSOLVED_FILL = "#f3f3f3"
DISSOLVED_TEXT = "#7f7f7f"
FOCUS_BORDER = "#000000"
FINDING_COLOURS = {"duplication": "#e69138", "gaps": "#cc0000"}


@dataclass(frozen=True)
class LineStyle:
    legend: str
    colour: str
    arrowhead: str = "normal"
    penwidth: float = 1.2


RELATIONS: dict[str, LineStyle] = {
    "REPORTS_TO": LineStyle("reports to", "#1f4e79"),
    "SUBGROUP_OF": LineStyle("sub-group of", "#38761d", arrowhead="onormal"),
    "ACCOUNTABLE_TO": LineStyle("accountable to", "#990000", arrowhead="vee"),
    "PART_OF": LineStyle("part of", "#595959", arrowhead="diamond"),
    "OVERSEES": LineStyle("oversees", "#b45f06", arrowhead="dot"),
    "MERGED_INTO": LineStyle("merged into", "#674ea7", arrowhead="empty", penwidth=2.4),
    "SUCCEEDED_BY": LineStyle("renamed / succeeded by", "#674ea7", arrowhead="empty", penwidth=2.4),
    "FUNDS": LineStyle("money (amount on the line)", "#7f6000", penwidth=1.6),
}
# Line style tells the state; colour and arrowhead tell the relationship, so both read at once.
STATES = {"current": "solid", "planned": "dashed", "proposed": "dotted", "stale": "solid"}
STATE_LEGEND = {
    "current": "current (holds at the date)",
    "planned": "planned (\"will be\")",
    "proposed": "proposed (\"it is proposed\")",
    "stale": "points at a body that has ended",
}
STALE_COLOUR = "#cc0000"


def family(category: str, kind: str) -> str:
    if category != "body":
        return category
    return FAMILY_OF_KIND.get(kind, "organisation")


def wrap(text: str, width: int = WRAP, max_lines: int = 4) -> list[str]:
    """Long names over several short lines, never cut mid-word; beyond `max_lines` the rest is elided."""
    lines = textwrap.wrap(" ".join(text.split()), width=width, break_long_words=False, break_on_hyphens=False) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = textwrap.shorten(lines[-1] + " …", width=width, placeholder=" …")
    return lines


def money(amount: object) -> str:
    if isinstance(amount, bool) or not isinstance(amount, int | float):
        return ""
    return f"£{amount:,.0f}"
