"""Who leads a body, where a person is named as its leader: "Coun Jane Smith, chair of the partnership and leader of
Westbury Borough Council", "Jane Smith is the Leader of Westbury Borough Council", "Lead Officer - Jane Smith". The
line is LED_BY to the office ("Leader of Westbury Borough Council", "Lead Officer of the X") with the person as its
holder. "led by X" in a sentence is the grammar's (loaders/grammar.yaml),
with anaphoric subjects from loaders.anaphora."""
from __future__ import annotations

import re

from loaders import relations
from loaders.mentions import Mention
from loaders.raw import Ref
from loaders.rules.chairs import PERSON
from loaders.rules.registry import Context, rule
from loaders.structure import Block, Sentence

# "..., leader of Westbury Borough Council", "is the Leader of the Council": the body follows.
LEADER_OF = re.compile(r"\b(?:the )?(?:[Ll]eader|[Dd]eputy [Ll]eader) of (?:the )?")
# The person the office belongs to: "Coun Jane Smith, chair of the partnership and leader of", "Jane Smith is leader of".
HOLDER = re.compile(rf"(?P<who>{PERSON})(?:,(?:[^.;,]{{0,60}}?\band)?| (?:is|was|has been|will be)(?: also)?)\s*$")
LEAD_LABEL = re.compile(r"(?:[Ll]ead [Oo]fficer|[Ll]ead)\s*(?:\(s\))?")


def _lead(ctx: Context, body: Mention | Ref, office: str, who: str, who_start: int, ev_start: int, ev_end: int,
          method: str, status: str = "current") -> None:
    body_ref = body if isinstance(body, Ref) else ctx.ref_of(body)
    title = f"{office} of {body_ref.name}" if office == "Leader" else f"{office} of the {body_ref.name}"
    role = Ref("Role", title)
    ev = ctx.ev(who_start, who_start + len(who), method)
    # the person is the office's holder only, not another name for it: one person's two offices stay two nodes
    ctx.raw.node(role, ev, holder=who)
    ctx.raw.rel("LED_BY", body_ref, role, ctx.ev(ev_start, ev_end, method), status=status)


@rule("leader-of-body", input="sentence", output="LED_BY")
def leader_of_body(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    if "eader of" not in s.text:
        return
    for match in LEADER_OF.finditer(s.text):
        if "eputy" in match.group():
            continue  # a deputy leads nobody
        after = [m for m in mentions if m.label in relations.BODIES and m.start - s.start >= match.end() - 1]
        if not after or not re.fullmatch(r"\s*(?:the\s+)?", s.text[match.end():after[0].start - s.start]):
            continue
        holder = HOLDER.search(s.text[:match.start()])
        if holder is None or relations.negated(s.text[:match.start()]):
            continue
        who = re.sub(r"\s+", " ", holder.group("who"))
        _lead(ctx, after[0], "Leader", who, s.start + holder.start("who"), s.start, s.end, "rule:leader-of-body",
              relations.status_of(s.text[:match.start()], s.text))


@rule("lead-officer-label", input="label", output="LED_BY")
def lead_officer_label(ctx: Context, block: Block) -> None:
    """"Lead Officer: Jane Smith" under a body's heading: a named person leads the body (an office as the value,
    "Lead member: Cabinet Member for ...", is a decision's sponsor as often as a body's lead, and is left)."""
    if LEAD_LABEL.fullmatch(block.label.strip()) is None:
        return
    owner = next((m for m in (ctx.focus, ctx.subject) if m is not None and m.label in relations.BODIES), None)
    value = block.text[block.value_start - block.start:].strip().rstrip(".;,")
    person = re.fullmatch(PERSON, value)
    if owner is None or person is None:
        return
    _lead(ctx, owner, "Lead Officer", value, block.value_start, block.start, block.end, "rule:lead-officer-label")
