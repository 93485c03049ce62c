"""The parts of a structure listed under an intro: "The Partnership consists of:", "The groups are split into three
tiers:", "This partnership is organised in the following way:" followed by items that are groups ("Joint Action
Group (JAG)", "CSP delivery group which meets quarterly", "The Board (made up of politicians)"): each group is
part of the intro's body. Items that are agencies ("Police", "the County Council") are left to the member lists."""
from __future__ import annotations

import re

from loaders import relations
from loaders.mentions import Mention
from loaders.raw import Ref
from loaders.rules.registry import Context, rule
from loaders.structure import Block, Sentence

BODIES = relations.BODIES
GROUP_HEADS = ("Group", "Groups", "Board", "Forum", "Panel", "Committee", "Executive", "Executives", "Network",
               "Networks", "Partnership", "Partnerships", "Sub-group", "Subgroup", "Cell", "Hub")
# An intro that names a structure's parts (not its members): what it consists of, how it is organised or tiered.
STRUCTURE_INTRO = re.compile(
    r"\b(?:consists? of|comprises|(?:is|are) (?:comprised|made up) of|is organised (?:in|as)|is structured|"
    r"(?:split|divided|organised) into|(?:groups|tiers|structure)\b[^:]*\b(?:are|include|is|consists? of)|"
    r"these include|(?:following|several|a number of) (?:\w+ )?groups)\b[^:]*:\s*$", re.I)
# A group named at the start of an item as the text writes it, capitalised or not ("Domestic and sexual abuse forum").
LEADING_GROUP = re.compile(r"(?:the\s+)?((?:[A-Za-z][\w&'-]*\s+){0,6}?(?:group|board|forum|panel|committee|executive|"
                           r"network|partnership|sub-?group|cell|hub)s?)(?=\s*(?:\([A-Z][A-Za-z&]{1,9}\))?(?:[\s,.;]|$))",
                           re.I)
GENERIC_ITEM = re.compile(r"(?:the\s+)?(board|executive|forum|committee|panel)\b", re.I)
LINE_TYPES = frozenset({"REPORTS_TO", "ACCOUNTABLE_TO", "SUBGROUP_OF", "OVERSEES", "COMMISSIONS"})
VERB = re.compile(r"\b(?:is|are|was|were|will|has|have|meets?|which|who|that)\b", re.I)


def _owner(ctx: Context, intro: Sentence) -> Mention | None:
    """The intro's body; "This partnership" only stands for a body whose name has that noun."""
    mentions = [m for m in ctx.resolved(ctx.mentions_in(intro.text, intro.start)) if m.label in BODIES]
    if not mentions:
        noun = re.match(r"\s*(?:this|the|that) ([a-z]+)\b", intro.text, re.I)
        candidates = [m for m in (ctx.focus, ctx.subject) if m is not None]
        if noun is not None and noun.group(1).lower() in {h.lower() for h in GROUP_HEADS if not h.endswith("s")}:
            return next((m for m in candidates if noun.group(1).lower() in m.name.lower()), None)
        return candidates[0] if candidates else None
    first = mentions[0]
    written = intro.text[first.start - intro.start:first.end - intro.start].split()
    if written and written[0].lower() in {"this", "the", "that"} and len(written) == 2 and (
            written[1].lower() not in first.name.lower()):
        return None  # an anaphor resolved to a body of another kind
    return first


def _part(ctx: Context, item: Block, owner: Mention) -> Ref | None:
    """The group an item names: a named body with a group head at its start, a group phrase written in lower case,
    or a bare "The Board" / "The Executive", which is the owner's board or executive."""
    body = item.body
    named = [m for m in ctx.mentions_in(body, item.body_start) if m.label == "Body"]
    if named and (named[0].head or named[0].name.split()[-1]) in GROUP_HEADS:
        # "The Safer Northshire Board - made up of ...", "Area delivery through its Local Action Groups"
        return ctx.register(named[0], "list:part_of")
    generic = GENERIC_ITEM.match(body)
    if generic is not None and not re.match(r"\s*[A-Z][a-z]", body[generic.end():]):
        name = f"{owner.name} {generic.group(1).capitalize()}"
        ref = Ref("Body", name)
        ctx.raw.node(ref, ctx.ev(item.body_start + generic.start(1), item.body_start + generic.end(1), "list:part_of"),
                     kind="board" if generic.group(1).lower() == "board" else "group")
        return ref
    phrase = LEADING_GROUP.match(body)
    if phrase is None or VERB.search(phrase.group(1)) or len(phrase.group(1).split()) < 2:
        return None
    start = item.body_start + phrase.start(1)
    ref = Ref("Body", phrase.group(1))
    ctx.raw.node(ref, ctx.ev(start, start + len(phrase.group(1)), "list:part_of"), kind="group")
    return ref


@rule("groups-of-a-structure", input="list", output="PART_OF")
def groups_of_a_structure(ctx: Context, items: list[Block], intro: Sentence | None, heading: Block | None) -> bool:
    """Items under a structure intro are parts of its body when most of them name groups; otherwise the list is
    left to the other list rules (a member list of agencies)."""
    if intro is None or STRUCTURE_INTRO.search(intro.text) is None or relations.negated(intro.text):
        return False
    framed = relations.list_frame(intro.text)
    if framed is not None and framed[0].type != "MEMBER_OF" or any(
            hit.frame.type in LINE_TYPES for hit in relations.hits(intro.text)):
        return False  # "Groups currently reporting to the Partnership are:": the list states its own line
    owner = _owner(ctx, intro)
    top = [item for item in items if not item.depth]
    if owner is None or not top:
        return False
    parts = [(item, _part(ctx, item, owner)) for item in top]
    if 2 * sum(1 for _, ref in parts if ref is not None) <= len(top):
        return False
    owner_ref = ctx.ref_of(owner)
    status = relations.status_of(intro.text, intro.text)
    for item, ref in parts:
        if ref is not None and ref != owner_ref:
            ctx.raw.rel("PART_OF", ref, owner_ref, ctx.ev(item.body_start, item.end, "list:part_of"), status=status)
    return True
