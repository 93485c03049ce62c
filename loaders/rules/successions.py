"""Successions stated without a bracket: "Previously known as the Y, the X meets ...", "the X and its predecessor,
the Y", "a new X to replace the existing Y", "the Y was dissolved and in its place a new X established": the old
body is SUCCEEDED_BY the new one. ("X (formerly Y)" and "X replaced the Y" are read by the renames of extract.)"""
from __future__ import annotations

import re

from loaders import relations, rules
from loaders.mentions import Mention, vocab
from loaders.rules.registry import Context, rule
from loaders.structure import Sentence

BODIES = relations.BODIES
FRONTED = re.compile(r"^\s*(?:Previously|Formerly|Until \w+(?: \d{4})?)(?: known as| called| named)? (?:the )?", re.I)
PREDECESSOR = re.compile(r"\b(?:and |, )?(?:its|their) (?:predecessor|forerunner)s?,?\s+(?:the\s+)?", re.I)
REPLACE = re.compile(r"\b(?P<modal>to|will|would|shall|is to|are to)?\s*replaces?\s+(?:the\s+)?(?:existing|current|"
                     r"former|old|previous|present)\s+", re.I)
IN_ITS_PLACE = re.compile(r"\b(?:dissolved|abolished|disbanded|wound up|closed|ceased)\b.*?\bin (?:its|their) place\b",
                          re.I)


def _bodies(mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.label in BODIES]


def _succeeds(ctx: Context, s: Sentence, old: Mention, new: Mention, status: str = "current") -> None:
    if old.name == new.name:
        return
    props: dict[str, str] = {"status": status}
    when = rules.date_in(s.text)
    if when is not None:
        props["valid_from"] = when
    ctx.raw.rel("SUCCEEDED_BY", ctx.ref_of(old), ctx.ref_of(new), ctx.ev(s.start, s.end, "rule:succession"), **props)


@rule("succession-fronted", input="sentence", output="SUCCEEDED_BY")
def succession_fronted(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """"Previously known as the Y, the group meets quarterly": the old name opens the sentence, the new body is its
    subject (named after the comma, or the body in focus)."""
    fronted = FRONTED.match(s.text)
    comma = s.text.find(",", fronted.end()) if fronted is not None else -1
    if fronted is None or comma == -1:
        return
    bodies = _bodies(mentions)
    old = [m for m in bodies if fronted.end() <= m.start - s.start < comma]
    new = [m for m in bodies if m.start - s.start > comma and m.start - s.start <= comma + 6]
    subject = new[0] if new else ctx.focus or ctx.subject
    if old and subject is not None:
        _succeeds(ctx, s, old[0], subject)


@rule("succession-predecessor", input="sentence", output="SUCCEEDED_BY")
def succession_predecessor(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """"the X and its predecessor, the Y": Y is succeeded by X."""
    bodies = _bodies(mentions)
    for match in PREDECESSOR.finditer(s.text):
        before = [m for m in bodies if m.end - s.start <= match.start()]
        after = [m for m in bodies if m.start - s.start == match.end()]
        if not after:
            continue
        if before and re.fullmatch(r"\s*", s.text[before[-1].end - s.start:match.start()]):
            _succeeds(ctx, s, after[0], before[-1])
        elif (named := _written_group(ctx, s, match.start())) is not None:
            _succeeds(ctx, s, after[0], named)


@rule("succession-replace", input="sentence", output="SUCCEEDED_BY")
def succession_replace(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """"a Westmere Safety Board to replace the existing Forum": the body named before the verb replaces the one
    after it (a capitalised name right after "replaced" is the renames' own reading)."""
    bodies = _bodies(mentions)
    for match in REPLACE.finditer(s.text):
        before = [m for m in bodies if m.end - s.start <= match.start()]
        after = [m for m in bodies if m.start - s.start == match.end()] or _anaphor(ctx, s, match.end())
        if not before or not after or relations.negated(s.text[:match.start()]):
            continue
        status = relations.status_of(s.text[:match.start()], s.text)
        if status == "current" and match.group("modal"):
            status = "planned"
        _succeeds(ctx, s, after[0], before[-1], status)


# "the Fair and Safe Communities group": a capitalised name whose head noun is written in lower case.
WRITTEN_GROUP = re.compile(r"((?:[A-Z][\w&'-]*\s+(?:(?:and|&|of|for)\s+)?)+(?:group|board|partnership|forum|panel|"
                           r"committee))\s*$")


def _written_group(ctx: Context, s: Sentence, end: int) -> Mention | None:
    found = WRITTEN_GROUP.search(s.text[:end])
    if found is None or found.start(1) == 0:
        return None  # a sentence's first capital is no sign of a name
    start = s.start + found.start(1)
    name = re.sub(r"\s+", " ", found.group(1))
    mention = Mention("Body", name, start, start + len(found.group(1)), head=name.split()[-1].capitalize())
    ctx.raw.node(ctx.ref_of(mention), ctx.ev(mention.start, mention.end, "rule:succession"), kind="group")
    return mention


def _anaphor(ctx: Context, s: Sentence, at: int, lower: bool = False) -> list[Mention]:
    """"the existing Forum" ("The partnership" with `lower`): a head noun alone stands for the body of that head
    named before."""
    head = re.match(r"([A-Za-z][a-z]+)\b(?!\s+[A-Z])" if lower else r"([A-Z][a-z]+)\b(?!\s+[A-Z])", s.text[at:])
    if head is None or head.group(1).capitalize() not in vocab()["body_heads"]:
        return []
    noun = head.group(1).capitalize()
    start = s.start + at
    found = ctx.resolved([Mention("Anaphor", f"the {noun}", start, start + len(noun), head=noun)])
    return [m for m in found if m.label == "Body"]


REPLACED_BY_THE = re.compile(r"^\s*The (\w+) (?:has |have )?replaced (?:the )?", re.I)


@rule("succession-replaced", input="sentence", output="SUCCEEDED_BY")
def succession_replaced(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """"The partnership replaced the Westmere Children Board in April 2019": the body the head noun stands for is
    the successor (a named subject is the renames' own reading)."""
    match = REPLACED_BY_THE.match(s.text)
    if match is None:
        return
    bodies = _bodies(mentions)
    old = [m for m in bodies if m.start - s.start == match.end()]
    if not old or [m for m in bodies if m.start - s.start < match.end()]:
        return
    new = _anaphor(ctx, s, match.start(1), lower=True)
    if new:
        _succeeds(ctx, s, old[0], new[0])


@rule("succession-in-its-place", input="sentence", output="SUCCEEDED_BY")
def succession_in_its_place(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """"the Y and the Z were dissolved in 2012 and in their place a new X established": each of them is succeeded
    by the first body named after "in their place"."""
    match = IN_ITS_PLACE.search(s.text)
    if match is None:
        return
    bodies = _bodies(mentions)
    new = [m for m in bodies if m.start - s.start >= match.end()]
    aux = re.search(r"(?:(?:was|were|has been|have been|had been)\s+)?$", s.text[:match.start()])
    old = relations.preceding_list(s.text, s.start, bodies, match.start() - (len(aux.group()) if aux else 0))
    if not new:
        return
    for body in old:
        _succeeds(ctx, s, body, new[0])
