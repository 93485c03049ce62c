"""Sub-groups named in a list: "The Board has two sub groups: A and B", "The sub-groups are:" followed by items,
"Sub-groups" as a heading over items ("4LSAB Quality Assurance - provides a strategic overview")."""
from __future__ import annotations

import re
from functools import partial

from loaders import relations
from loaders.mentions import Mention
from loaders.raw import Ref
from loaders.rules import LIST_INTRO_REPORTING
from loaders.rules.members import _pieces
from loaders.rules.registry import Context, rule
from loaders.structure import COUNT_WORD, Block, Sentence, count_of

BODIES = relations.BODIES
GROUPS = r"(?:sub[- ]?groups?|sub-committees|delivery groups|working groups|theme groups|task groups)"
COUNT = rf"(?P<count>{COUNT_WORD})"
IN_SENTENCE = re.compile(r"\b(?:has|have|is supported by|are) (?:" + COUNT + r" )?(?:\w+ )?" + GROUPS +
                         r"(?: (?:that|which) (?:cover|are|include))?\s*:\s*", re.I)
# "The Board is supported in its work by a number of subgroups ...", "The Board has four sub-groups." with no colon:
# the paragraphs that follow, each "Name – what it does", are the sub-groups.
ANNOUNCED = re.compile(r"\b(?:has|have|is supported (?:in its work )?by|(?:is|are) delivered through) (?:a number of |"
                       r"several |the following |" + COUNT + r" )?(?:key |standing |thematic )?" + GROUPS + r"\b", re.I)
TITLED_PARAGRAPH = re.compile(r"([A-Z0-9][^\n.:;\u2013]{2,70}?)\s+[\u2013-]\s+\S")
# A name that already says it is a group ("Domestic Abuse Forum", "Joint Action Group").
GROUP_HEAD = re.compile(r"\b(?:group|forum|board|panel|committee|partnership|network|team|unit|service|"
                        r"sub-?\s?group)s?\s*$", re.I)
# The kind an intro gives its items: "four theme groups" -> "theme group"; generic "groups" give none.
KIND = re.compile(r"\b(theme|delivery|working|task) groups\b", re.I)
HEADING = re.compile(r"(?:\d+\.?\s*)?(?:our |the |board |partnership )?(?:sub[- ]?groups?|sub-committees|delivery groups|"
                     r"working groups|theme groups|task and finish groups)\s*:?", re.I)


def _group(ctx: Context, text: str, start: int, method: str, kind: str | None = None) -> Ref | None:
    """A sub-group as the text names it: a known name, or a short capitalised title ("Performance and Quality
    Audit"), cut before its description ("- oversees ..."). A bare topic ("CCTV") under an intro that says what
    the items are ("five theme groups") is named with that kind ("CCTV theme group")."""
    text = re.split(r"\s+[-\u2013:]\s+|\s+\(|,\s+(?:which|who)\b", text, maxsplit=1)[0].strip().rstrip(".;,")
    mentions = [m for m in ctx.mentions_in(text, start) if m.label == "Body"]
    if mentions and mentions[0].start - start < 6:
        return ctx.register(mentions[0], method)
    if not text or len(text.split()) > 8 or not re.match(r"[A-Z0-9]", text) or re.search(r"\b(?:is|are|will|to)\b", text):
        return None
    ref = Ref("Body", text if kind is None or GROUP_HEAD.search(text) else f"{text} {kind}")
    ctx.raw.node(ref, ctx.ev(start, start + len(text), method), kind="group")
    return ref


def _owner(ctx: Context, mentions: list[Mention], before: int) -> Mention | None:
    named = [m for m in mentions if m.label in BODIES and m.start < before]
    return named[-1] if named else ctx.focus or ctx.subject


def _opening(ctx: Context, s: Sentence, mentions: list[Mention], match: re.Match[str]) -> tuple[Ref, str] | None:
    """The body whose sub-groups a trigger announces (the last body named before it, else the one in view) and the
    status the sentence gives them (current, planned, proposed)."""
    owner = _owner(ctx, mentions, s.start + match.start())
    if owner is None:
        return None
    return ctx.ref_of(owner), relations.status_of(s.text[:match.start()], s.text)


@rule("subgroups-in-a-sentence", input="sentence", output="SUBGROUP_OF")
def subgroups_in_sentence(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    match = IN_SENTENCE.search(s.text)
    if match is None or relations.negated(s.text[:match.start()]) or not s.text[match.end():].strip():
        return
    opened = _opening(ctx, s, mentions, match)
    if opened is None:
        return
    owner_ref, status = opened
    tail = s.text[match.end():].rstrip(". ")
    inside = [m for m in mentions if m.start >= s.start + match.end()]
    pieces = _pieces(tail, inside, s.start + match.end(), split_and=False)
    for piece, begin in split_to_count(pieces, _count(match.group("count"))):
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
    kind_match = KIND.search(intro.text) if intro is not None else None
    kind = f"{kind_match.group(1).lower()} group" if kind_match else None
    reports = _reports_to(ctx, intro, owner) if intro is not None else None
    for item in items:
        if item.depth:
            continue
        group = _group(ctx, item.body, item.body_start, "list:subgroup_of", kind)
        if group is not None and group != owner_ref:
            ev = ctx.ev(item.body_start, item.end, "list:subgroup_of")
            ctx.raw.rel("SUBGROUP_OF", group, owner_ref, ev, status=status)
            if reports is not None and group != reports:
                ctx.raw.rel("REPORTS_TO", group, reports, ev, status=status)
    return True


def _reports_to(ctx: Context, intro: Sentence, owner: Mention) -> Ref | None:
    """"The Board has four theme groups that report to the partnership": where the listed groups report, the
    body named (or resolved) after "report to", else the owner itself."""
    reporting = LIST_INTRO_REPORTING.search(intro.text)
    if reporting is None or relations.negated(intro.text[:reporting.start()]):
        return None
    found = ctx.mentions_in(intro.text, intro.start)
    plain = re.match(r"\s*the (partnership|board|group|forum|executive)\b", intro.text[reporting.end():])
    if plain is not None and not any(m.start - intro.start - reporting.end() < plain.end() for m in found
                                     if m.start - intro.start >= reporting.end()):
        # "report to the partnership" in lower case: the body in view with that head
        at = intro.start + reporting.end() + plain.start(1)
        head = plain.group(1).title()
        found = [*found, Mention("Anaphor", f"the {head}", at, at + len(head), head=head)]
    mentions = ctx.resolved(sorted(found, key=lambda m: m.start))
    after = [m for m in mentions if m.start - intro.start >= reporting.end() and m.label in BODIES]
    return ctx.ref_of(after[0] if after else owner)


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    return count_of(word)


def _imbalance(text: str, cut: re.Match[str]) -> int:
    """How unequal the two names a cut at this "and" leaves are, in words."""
    return abs(len(text[:cut.start()].split()) - len(text[cut.end():].split()))


def split_to_count(pieces: list[tuple[str, int]], count: int | None) -> list[tuple[str, int]]:
    """Names of a comma list whose last one may still hold the list's "and" ("A, B and C"); with the number the
    sentence gives ("two sub groups: A and B and C and D") the pieces are cut at the "and"s that give that many
    names of the most even length (names such as "Policies and Procedures" keep their own "and")."""
    if count is None:
        if len(pieces) < 2:
            return pieces
        last, begin = pieces[-1]
        cut = re.search(r"\s+and\s+", last)
        if cut is None:
            return pieces
        return [*pieces[:-1], (last[:cut.start()], begin), (last[cut.end():], begin + cut.end())]
    out = list(pieces)
    while len(out) < count:
        widest = max(range(len(out)), key=lambda i: len(re.findall(r"\s+and\s+", out[i][0])))
        text, begin = out[widest]
        cuts = list(re.finditer(r"\s+and\s+", text))
        if not cuts:
            break
        best = min(cuts, key=partial(_imbalance, text))
        out[widest:widest + 1] = [(text[:best.start()], begin), (text[best.end():], begin + best.end())]
    return out


@rule("subgroups-in-titled-paragraphs", input="sentence", output="SUBGROUP_OF")
def subgroups_in_titled_paragraphs(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """"The Board is supported in its work by a number of subgroups." followed by paragraphs "Name – what it does":
    each such paragraph names a sub-group (up to the first paragraph of another shape)."""
    match = ANNOUNCED.search(s.text)
    if match is None or s.block.kind != "para" or s.text.rstrip().endswith(":") or relations.negated(
            s.text[:match.start()]):
        return
    opened = _opening(ctx, s, mentions, match)
    if opened is None:
        return
    owner_ref, status = opened
    text = ctx.doc.text
    at = s.block.end
    while True:
        para = re.compile(r"[ \t]*\n\s*").match(text, at)
        if para is None:
            return
        start = para.end()
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        titled = TITLED_PARAGRAPH.match(text, start)
        if titled is None or titled.start() != start:
            return
        group = _group(ctx, titled.group(1), start, "rule:subgroup_of")
        if group is None:
            return
        if group != owner_ref:
            ctx.raw.rel("SUBGROUP_OF", group, owner_ref, ctx.ev(start, end, "rule:subgroup_of"), status=status)
        at = end
