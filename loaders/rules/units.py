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


def _as_written(s: Sentence, m: Mention) -> bool:
    """The mention is named in the sentence as it is called (not an anaphor resolved to another name)."""
    written = re.sub(r"\s+", " ", s.text[m.start - s.start:m.end - s.start]).removesuffix("'s").removesuffix("\u2019s")
    return written.removeprefix("the ").removeprefix("The ") == m.name


# "the County Council's Community Safety Team": the unit's head ends the name ("the Council's Cabinet Lead Member" is
# an office, not the Cabinet).
# "the Council's Policy, Partnerships and Communications service": capitalised words, then the unit's head (which may
# be written in lower case after them).
OWNED_UNIT = re.compile(r"\s*((?:[A-Z][\w&-]*,?\s+(?:and\s+|&\s+)?){0,5}?(?:" +
                        "|".join(sorted(UNIT_HEADS | {h.lower() for h in UNIT_HEADS if h != "Cabinet"})) +
                        r"))\b(?![ \t]+[A-Z][a-z])")
# A list item "Health (Public Health, Foundation Trusts, Mental Health Services)": a class of agencies and its parts.
ITEM_WITH_PARTS = re.compile(r"(?P<whole>[A-Z][\w&'-]*(?: (?:and |& |of )?[A-Z][\w&'-]*){0,3}) \((?P<parts>[^()]+)\)"
                             r"\s*[.;]?\s*$")
PART = re.compile(r"[A-Z][\w&'-]*(?: (?:and |& |of |for )?[A-Z][\w&'-]*){0,5}")
ORG_HEAD = re.compile(r"\b(?:Services?|Trusts?|Compan(?:y|ies)|Groups?|Boards?|Councils?|Authorit(?:y|ies)|Agency|"
                      r"Agencies|Teams?|Units?|Partnerships?|Health)$")
GENERIC_WHOLES = frozenset({"partners", "members", "agencies", "organisations", "authorities", "bodies", "including"})


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
                len(second.name.split()) >= 2) and _as_written(s, first):
            unit, parent = first, second  # "Community Safety Service at Bury Council"
        elif _head(first) in UNIT_HEADS and _head(second) in PARENT_HEADS and gap == ", " and len(
                second.name.split()) >= 2 and re.fullmatch(r"\s*[.)]?\s*", s.text[second.end - s.start:]):
            unit, parent = first, second  # "Communities Team, Glasgow City Council" (a signature or address line)
        else:
            continue
        if unit.name == parent.name:
            continue
        _part_of(ctx, s, ctx.ref_of(unit), ctx.ref_of(parent))


def _part_of(ctx: Context, s: Sentence, unit: Ref, parent: Ref) -> None:
    ctx.raw.rel("PART_OF", unit, parent, ctx.ev(s.start, s.end, "rule:unit-of-a-body"), status="current")


@rule("parts-in-brackets", input="sentence", output="PART_OF")
def parts_in_brackets(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """A list item that is a class of agencies with its parts in brackets ("Probation Services (National Probation
    Service, Community Rehabilitation Company)"): each part is part of the class."""
    if s.block.kind != "item":
        return
    lead = re.match(r"\s*(?:[-*\u2022\u00b7o\uf0b7]\s+|\d+[.)]\s+)?", s.text)
    begin = lead.end() if lead else 0
    found = ITEM_WITH_PARTS.match(s.text, begin)
    if found is None or found.group("whole").lower() in GENERIC_WHOLES:
        return
    bodies = [m for m in mentions if m.label == "Body"]
    pieces = [(p, found.start("parts") + p.start()) for p in PART.finditer(found.group("parts"))]
    gaps = re.sub(PART, "", found.group("parts"))
    if len(pieces) < 2 or not re.fullmatch(r"(?:\s*(?:,|\band\b|&)\s*)*", gaps):
        return
    named = [(text, at, next((m for m in bodies if m.start - s.start == at), None)) for text, at in
             (((p.group(), at)) for p, at in pieces)]
    if 2 * sum(1 for text, _, m in named if m is not None or ORG_HEAD.search(text)) < len(named):
        return  # "Protecting Vulnerable Children (Child Abuse, Child Exploitation)": themes, not agencies
    whole = _named_or_new(ctx, s, found.group("whole"), found.start("whole"), bodies)
    for text, at, m in named:
        part = ctx.ref_of(m) if m is not None else _named_or_new(ctx, s, text, at, bodies)
        if part != whole:
            ctx.raw.rel("PART_OF", part, whole, ctx.ev(s.start + begin, s.end, "rule:parts-in-brackets"),
                        status="current")


def _named_or_new(ctx: Context, s: Sentence, text: str, at: int, bodies: list[Mention]) -> Ref:
    m = next((b for b in bodies if b.start - s.start == at and b.end - s.start == at + len(text)), None)
    if m is not None:
        return ctx.ref_of(m)
    ref = Ref("Body", text)
    ctx.raw.node(ref, ctx.ev(s.start + at, s.start + at + len(text), "rule:parts-in-brackets"), kind="organisation")
    return ref
