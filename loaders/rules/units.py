"""Units of a body: "the County Council's Cabinet", "Community Safety Service at Bury Council", "the Research &
Intelligence Team of Shropshire Council", "Communities Team, Glasgow City Council": the unit is part of the body."""
from __future__ import annotations

import re

from loaders import relations
from loaders.mentions import Mention
from loaders.raw import Ref
from loaders.rules.registry import Context, rule
from loaders.structure import Sentence

UNIT_HEADS = {"Team", "Service", "Services", "Unit", "Directorate", "Division", "Department", "Cabinet", "Office",
              "Section", "Hub"}
PARENT_HEADS = {"Council", "Authority", "Police", "Constabulary", "Trust", "Commissioner", "Agency", "Ministry",
                "Government"}
LINK = re.compile(r"\s+(?:at|of|within) (?:the )?")


def _head(m: Mention) -> str:
    return m.head or m.name.split()[-1]


OWNED_UNIT = re.compile(r"\s*((?:[A-Z][\w&-]*,?\s+(?:and\s+|&\s+)?){0,5}?(?:" + "|".join(sorted(UNIT_HEADS)) + r"))\b")


@rule("unit-of-a-body", input="sentence", output="PART_OF")
def unit_of_body(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    bodies = [m for m in mentions if m.label in relations.BODIES]
    for parent in bodies:
        owned = OWNED_UNIT.match(s.text, parent.end - s.start) if parent.possessive else None
        if owned is None or any(m.start == s.start + owned.start(1) for m in bodies):
            continue
        start = s.start + owned.start(1)
        named = Ref("Body", re.sub(r"\s+", " ", owned.group(1)))
        ctx.raw.node(named, ctx.ev(start, start + len(owned.group(1)), "rule:unit-of-a-body"), kind="team")
        _part_of(ctx, s, named, ctx.ref_of(parent))
    for first, second in zip(bodies, bodies[1:], strict=False):
        gap = s.text[first.end - s.start:second.start - s.start]
        if first.possessive and _head(second) in UNIT_HEADS and re.fullmatch(r"\s*", gap):
            unit, parent = second, first  # "the County Council's Cabinet"
        elif _head(first) in UNIT_HEADS and _head(second) in PARENT_HEADS and LINK.fullmatch(gap) and (
                len(second.name.split()) >= 2):
            unit, parent = first, second  # "Community Safety Service at Bury Council"
        else:
            continue
        if unit.name == parent.name:
            continue
        _part_of(ctx, s, ctx.ref_of(unit), ctx.ref_of(parent))


def _part_of(ctx: Context, s: Sentence, unit: Ref, parent: Ref) -> None:
    ctx.raw.rel("PART_OF", unit, parent, ctx.ev(s.start, s.end, "rule:unit-of-a-body"), status="current")
