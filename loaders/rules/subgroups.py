"""Sub-groups named in a list: "The Board has two sub groups: A and B", "The sub-groups are:" followed by items,
"Sub-groups" as a heading over items ("4LSAB Quality Assurance - provides a strategic overview")."""
from __future__ import annotations

import re

from loaders import relations
from loaders.mentions import Mention
from loaders.raw import Ref
from loaders.rules.members import _pieces
from loaders.rules.registry import Context, rule
from loaders.structure import Block, Sentence

BODIES = relations.BODIES
IN_SENTENCE = re.compile(r"\b(?:has|have|is supported by|are) (?:\w+ )?(?:sub[- ]?groups?|sub-committees|delivery groups|"
                         r"working groups|theme groups|task groups)(?: (?:that|which) (?:cover|are|include))?\s*:\s*", re.I)
HEADING = re.compile(r"(?:\d+\.?\s*)?(?:our |the |board |partnership )?(?:sub[- ]?groups?|sub-committees|delivery groups|"
                     r"working groups|theme groups|task and finish groups)\s*:?", re.I)


def _group(ctx: Context, text: str, start: int, method: str) -> Ref | None:
    """A sub-group as the text names it: a known name, or a short capitalised title ("Performance and Quality
    Audit"), cut before its description ("- oversees ...")."""
    text = re.split(r"\s+[-\u2013:]\s+|\s+\(|,\s+(?:which|who)\b", text, maxsplit=1)[0].strip().rstrip(".;,")
    mentions = [m for m in ctx.mentions_in(text, start) if m.label == "Body"]
    if mentions and mentions[0].start - start < 6:
        return ctx.register(mentions[0], method)
    if not text or len(text.split()) > 8 or not text[:1].isupper() or re.search(r"\b(?:is|are|will|to)\b", text):
        return None
    ref = Ref("Body", text)
    ctx.raw.node(ref, ctx.ev(start, start + len(text), method), kind="group")
    return ref


def _owner(ctx: Context, mentions: list[Mention], before: int) -> Mention | None:
    named = [m for m in mentions if m.label in BODIES and m.start < before]
    return named[-1] if named else ctx.focus or ctx.subject


@rule("subgroups-in-a-sentence", input="sentence", output="SUBGROUP_OF")
def subgroups_in_sentence(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    match = IN_SENTENCE.search(s.text)
    if match is None or relations.negated(s.text[:match.start()]) or not s.text[match.end():].strip():
        return
    owner = _owner(ctx, mentions, s.start + match.start())
    if owner is None:
        return
    owner_ref = ctx.ref_of(owner)
    status = relations.status_of(s.text[:match.start()], s.text)
    tail = s.text[match.end():].rstrip(". ")
    inside = [m for m in mentions if m.start >= s.start + match.end()]
    for piece, begin in _pieces(tail, inside, s.start + match.end(), split_and=False):
        group = _group(ctx, piece, begin, "rule:subgroup_of")
        if group is not None and group != owner_ref:
            ctx.raw.rel("SUBGROUP_OF", group, owner_ref, ctx.ev(s.start, s.end, "rule:subgroup_of"), status=status)


@rule("subgroups-in-a-list", input="list", output="SUBGROUP_OF")
def subgroups_in_list(ctx: Context, items: list[Block], intro: Sentence | None, heading: Block | None) -> bool:
    """Items under "The sub-groups are:" (or a "Sub-groups" heading) are sub-groups of the intro's body."""
    owner: Mention | None = None
    status = "current"
    if intro is not None:
        found = relations.list_frame(intro.text)
        if found is None or found[0].type != "SUBGROUP_OF" or not intro.text.rstrip().endswith(":"):
            return False
        mentions = ctx.resolved(ctx.mentions_in(intro.text, intro.start))
        owner = _owner(ctx, mentions, intro.start + found[1].start() + 1) or next(
            (m for m in mentions if m.label in BODIES), None)
        status = relations.status_of(intro.text[:found[1].start()], intro.text)
    elif heading is not None and HEADING.fullmatch(heading.text.strip()):
        owner = ctx.focus or ctx.subject
    else:
        return False
    if owner is None:
        return False
    owner_ref = ctx.ref_of(owner)
    for item in items:
        if item.depth:
            continue
        group = _group(ctx, item.body, item.body_start, "list:subgroup_of")
        if group is not None and group != owner_ref:
            ctx.raw.rel("SUBGROUP_OF", group, owner_ref, ctx.ev(item.body_start, item.end, "list:subgroup_of"),
                        status=status)
    return True
