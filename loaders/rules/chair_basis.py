"""How a chair is held, where the text says so: a rotating chair ("the role of the Chair rotates between A, B and C",
"chaired on a rotating basis by A and B") is a CHAIRED_BY line to each of A, B and C with basis 'rotating'; an
independent chair ("X has an independent Chair", "X is independently chaired", "All four Boards have an independent
Chair") is a CHAIRED_BY line to the role of Independent Chair with basis 'independent'."""
from __future__ import annotations

import re

from loaders import anaphora, relations
from loaders.mentions import Mention
from loaders.raw import Ref
from loaders.rules import chairs
from loaders.rules.registry import Context, rule
from loaders.structure import Sentence

CHAIRS = relations.BODIES | {"Role"}
CHAIR_WORD = r"chair(?:man|person|woman)?(?:ship)?"
ROTATES = r"(?:revolved|revolves|revolving|rotated|rotates|rotating|alternates|alternated|alternating|held in rotation)"
# "the role of the Chair is revolved amongst", "the chairmanship rotates annually between", "the Chair alternates
# between": the chairs follow.
CHAIR_ROTATES = re.compile(rf"\b(?:the )?(?:role of (?:the )?)?{CHAIR_WORD}(?: role)?(?P<of> of (?:the )?[^,.;]{{3,80}}?)?"
                           rf" (?:is |will be |was |has been )?{ROTATES}(?: (?:annually|yearly|each year|every year))?"
                           r" (?:amongst|among|between|by)\s+(?:each of )?(?:the )?", re.I)
# "is chaired on a rotating basis by", "chaired in rotation by", "a rotating chair between": the chairs follow.
CHAIRED_IN_ROTATION = re.compile(rf"\b(?:(?:is |are |was |will be )?chaired (?:on a rotating basis|on a rotational basis|"
                                 rf"in rotation|on rotation|by rotation|alternately|in turn) by|"
                                 rf"(?:a |the )?(?:rotating|rotational) {CHAIR_WORD} (?:between|amongst|among|of))\s+"
                                 r"(?:each of )?(?:the )?", re.I)
# "has an independent Chair", "have an independent chairperson", "is independently chaired", "chaired by an
# independent chair".
INDEPENDENT = re.compile(rf"\b(?:(?:has|have|had|with) (?:an? )?independent {CHAIR_WORD}|"
                         r"(?:is|are|was|were|has been|have been) independently chaired|"
                         rf"chaired by an? independent (?:{CHAIR_WORD}|person))\b", re.I)
# "I am the Independent Chair of both the A and the B", "the independent chair of the Board said": the bodies follow.
INDEPENDENT_OF = re.compile(rf"\bindependent {CHAIR_WORD} (?:of|for) (?:both )?(?:the )?", re.I)
# "must have an independent chair": a requirement of a class of bodies, not a fact about one.
REQUIREMENT = re.compile(r"\b(?:must|should|shall|ought to|required to|need to|needs to)\s+(?:\w+\s+)?$", re.I)


def _chairs(s: Sentence, mentions: list[Mention], after: int) -> list[Mention]:
    """The bodies or offices named in one list right after `after` (a sentence offset)."""
    found = [m for m in mentions if m.label in CHAIRS and m.start - s.start >= after]
    return relations.contiguous(found, s.text, s.start, after)


def _chaired_body(ctx: Context, s: Sentence, mentions: list[Mention], match: re.Match[str]) -> Mention | None:
    """The body whose chair it is: one named in "the Chair of the X", else the subject before a passive "X is
    chaired on a rotating basis by", else the body the section is about."""
    if match.groupdict().get("of"):
        inside = [m for m in mentions if m.label in relations.BODIES
                  and s.start + match.start("of") <= m.start < s.start + match.end("of")]
        if inside:
            return inside[0]
    if re.match(r"(?:is |are |was |will be )?chaired", match.group(), re.I):
        before = [m for m in mentions if m.label in relations.BODIES and m.end - s.start <= match.start()]
        if before and not re.search(r"[,;]", s.text[before[-1].end - s.start:match.start()]):
            return before[-1]
    for candidate in (ctx.focus, ctx.subject):
        if candidate is not None and candidate.label in relations.BODIES:
            return candidate
    return None


@rule("rotating-chair", input="sentence", output="CHAIRED_BY")
def rotating_chair(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    if not re.search(r"rotat|revolv|alternat", s.text, re.I):
        return
    for pattern in (CHAIR_ROTATES, CHAIRED_IN_ROTATION):
        for match in pattern.finditer(s.text):
            if relations.negated(s.text[:match.start()]):
                continue
            body = _chaired_body(ctx, s, mentions, match)
            holders = _chairs(s, mentions, match.end())
            if body is None or len(holders) < 2:
                continue  # a rotation needs at least two to rotate between
            status = relations.status_of(s.text[:match.start()], s.text)
            ev = ctx.ev(s.start, s.end, "rule:rotating-chair")
            for chair in holders:
                if chair.name == body.name:
                    continue
                if chair.label == "Role":
                    ctx.raw.node(Ref("Role", chair.name), ctx.ev(chair.start, chair.end, "rule:rotating-chair"))
                else:
                    ctx.register(chair, "rule:rotating-chair")
                ctx.raw.rel("CHAIRED_BY", ctx.ref_of(body), ctx.ref_of(chair), ev, status=status, basis="rotating")


@rule("independent-chair-of", input="sentence", output="CHAIRED_BY")
def independent_chair_of(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """"I am the Independent Chair of both the A and the B": each has an independent chair. A named holder ("Jane Smith,
    Independent Chair of the A") is the rule chair-of-body's, which gives its line the same basis."""
    if "ndependent" not in s.text:
        return
    for match in INDEPENDENT_OF.finditer(s.text):
        if relations.negated(s.text[:match.start()]) or chairs.OF_BODY.search(s.text[:match.end()]) and not re.search(
                r"\bI (?:am|was|have been)\b[^,.;]*$", s.text[:match.start()]):
            continue  # a named holder: chair-of-body writes the line
        bodies = [m for m in mentions if m.label in relations.BODIES and m.start - s.start >= match.end() - 1]
        owners = relations.contiguous(bodies, s.text, s.start, match.end())
        if owners and not re.fullmatch(r"\s*(?:the\s+)?", s.text[match.end():owners[0].start - s.start]):
            continue
        _independent(ctx, s, match, [(m, s.start) for m in owners])


@rule("independent-chair", input="sentence", output="CHAIRED_BY")
def independent_chair(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    if "ndependent" not in s.text:
        return
    match = INDEPENDENT.search(s.text)
    if match is None or relations.negated(s.text[:match.start()]) or REQUIREMENT.search(s.text[:match.start()]):
        return
    plural = anaphora.plural_referents(ctx.memory, s.text)
    owners: list[tuple[Mention, int]] = [(a.mention, a.sentence_start) for a in plural]
    if not owners:
        before = [m for m in mentions if m.label in relations.BODIES and m.end - s.start <= match.start()]
        if before and re.fullmatch(r"\s*(?:\([A-Z][A-Za-z&]{1,9}\))?\s*(?:which |that |who )?(?:also |now |currently )?",
                                   s.text[before[-1].end - s.start:match.start()]):
            owners = [(before[-1], s.start)]  # "The Westbury Board has an independent Chair"
        elif re.match(r"\s*(?:It|The (?:board|partnership|group|panel|forum|committee))\b", s.text, re.I) and (
                ctx.focus is not None and ctx.focus.label in relations.BODIES):
            owners = [(ctx.focus, s.start)]  # "It has an independent chair"
    _independent(ctx, s, match, owners)


def _independent(ctx: Context, s: Sentence, match: re.Match[str], owners: list[tuple[Mention, int]]) -> None:
    """Each owner is chaired by the role Independent Chair (the evidence from where the owner was named)."""
    if any(m.label == "Acronym" and m.name.endswith("s") for m, _start in owners):
        return  # "LSCBs have an independent chair": the class, not one board
    role = Ref("Role", "Independent Chair")
    status = relations.status_of(s.text[:match.start()], s.text)
    for owner, ev_start in owners:
        ctx.raw.node(role, ctx.ev(s.start + match.start(), s.start + match.end(), "rule:independent-chair"))
        ctx.raw.rel("CHAIRED_BY", ctx.spelled_out(owner), role, ctx.ev(ev_start, s.end, "rule:independent-chair"),
                    status=status, basis="independent")
