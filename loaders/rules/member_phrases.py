"""Members named in phrases other than a member frame: "The partnership includes A, B and C" (a body as the
subject of 'includes' and at least two named members), "the Board's core members (A, B and C)" (members in
brackets after a possessive owner) and "the organisations making up the X, including A and B" (the owner in the
middle)."""
from __future__ import annotations

import re

from loaders import relations
from loaders.mentions import Mention
from loaders.raw import Ref
from loaders.rules import members
from loaders.rules.members import BODIES, member_refs
from loaders.rules.registry import Context, rule
from loaders.structure import Sentence

# "The partnership (also) includes A, B and C": the subject is a body, named or "the partnership".
INCLUDES = re.compile(r"^\s*(?P<subject>.{2,90}?)\s+(?:also |currently |now )?(?:includes?|included)\s+(?![:\-])", re.I)
SUBJECT_ANAPHOR = re.compile(r"(?:the|this|our|its) (?:partnership|board|group|panel|forum|committee|csp)", re.I)
# A list of groups or boards is the body's structure (PART_OF, SUBGROUP_OF), not its members.
STRUCTURE_HEAD = re.compile(r"\b(?:groups?|sub-groups?|boards?|panels?|forums?|committees?|partnerships?|"
                            r"networks?)$", re.I)
BRACKETED = re.compile(r"(?:'s|s')\s+(?:core |statutory |key |founding |main |voting |permanent )?"
                       r"(?:members|partners|member organisations|partner (?:organisations|agencies))\s*"
                       r"\((?P<list>[^()]{5,300})\)")
MAKING_UP = re.compile(r"\b(?:organisations|partners|agencies|bodies|members|authorities)\s+(?:that |which |who )?"
                       r"(?:make up|makes up|making up|form|forming|sit on|sitting on)\s+(?:the\s+)?", re.I)
AFTER_OWNER = re.compile(r",?\s*(?:are|include|includes|including|such as)\s*:?\s*", re.I)


def _write(ctx: Context, s: Sentence, owner: Mention, tail: str, tail_start: int, before: str) -> None:
    owner_ref = ctx.ref_of(owner)
    ev = ctx.ev(s.start, s.end, "rule:member_of")
    status = relations.status_of(before, s.text)
    for member in member_refs(ctx, tail, tail_start, "rule:member_of"):
        if member != owner_ref:
            ctx.raw.rel("MEMBER_OF", member, owner_ref, ev, status=status)


def _named_subject(ctx: Context, s: Sentence, mentions: list[Mention], subject: str) -> Mention | None:
    """The body the subject of the sentence is: one name spanning it, or "the partnership" for the body in focus."""
    bodies = [m for m in mentions if m.label in BODIES and m.start - s.start < len(subject) + 4]
    words = re.sub(r"^(?:the|this)\s+", "", subject.strip(), flags=re.I)
    if len(bodies) == 1 and len(bodies[0].name) >= 0.6 * len(words):
        return bodies[0]
    if not bodies and SUBJECT_ANAPHOR.fullmatch(subject.strip()):
        return ctx.focus or ctx.subject
    return None


def _continued(ctx: Context, s: Sentence, subject: str) -> Ref | None:
    """ "It also includes ...", "The partnership also includes ...": the body whose members were listed last."""
    if re.fullmatch(r"(?:it|they|" + SUBJECT_ANAPHOR.pattern + r")", subject.strip(), re.I) and re.search(
            r"\balso\s+includes?\b", s.text[:len(subject) + 16], re.I):
        return members.last_owner(ctx, s.start)
    return None


@rule("members-included", input="sentence", output="MEMBER_OF")
def members_included(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """ "The partnership includes Westbury Council, Northshire Police and the Probation Service." """
    match = INCLUDES.match(s.text)
    if match is None or relations.grammar().members.search(s.text) or relations.negated(match.group("subject")):
        return
    owner_ref = _continued(ctx, s, match.group("subject"))
    fewest = 1 if owner_ref is not None else 2  # a list that goes on may add one member
    if owner_ref is None:
        owner = _named_subject(ctx, s, mentions, match.group("subject"))
        if owner is None:
            return
        owner_ref = ctx.ref_of(owner)
    tail = s.text[match.end():]
    end = re.search(r"[.;:]\s|[.;:]$|,?\s+(?:as well as|along with|who|which|to (?:ensure|deliver|work))\b", tail)
    tail = tail[:end.start()] if end is not None else tail
    refs = [r for r in member_refs(ctx, tail, s.start + match.end(), "rule:member_of") if r != owner_ref]
    if len(refs) < fewest or all(STRUCTURE_HEAD.search(r.name) for r in refs):
        return  # one thing included, or the body's own groups: not a member list
    ev = ctx.ev(s.start, s.end, "rule:member_of")
    status = relations.status_of(match.group("subject"), s.text)
    for member in refs:
        ctx.raw.rel("MEMBER_OF", member, owner_ref, ev, status=status)


@rule("members-in-brackets", input="sentence", output="MEMBER_OF")
def members_in_brackets(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """ "the Board's core members (Westbury Council, Northshire Police and Kestrel Trust)" """
    for match in BRACKETED.finditer(s.text):
        owners = [m for m in mentions if m.label in BODIES and 0 <= match.start() - (m.end - s.start) <= 1]
        if owners:
            _write(ctx, s, owners[-1], match.group("list"), s.start + match.start("list"), s.text[:match.start()])


@rule("members-making-up", input="sentence", output="MEMBER_OF")
def members_making_up(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """ "the key organisations making up the Westbury Partnership, including Westbury Council and the police" """
    for match in MAKING_UP.finditer(s.text):
        owners = [m for m in mentions if m.label in BODIES and 0 <= m.start - s.start - match.end() <= 1]
        if not owners:
            continue
        after = AFTER_OWNER.match(s.text, owners[0].end - s.start)
        if after is None or s.text.rstrip().endswith(":"):
            continue
        tail = s.text[after.end():]
        end = re.search(r"[.;]\s|[.;]$|,?\s+(?:who|which|to (?:ensure|deliver|work))\b", tail)
        tail = tail[:end.start()] if end is not None else tail
        _write(ctx, s, owners[0], tail, s.start + after.end(), s.text[:match.start()])
