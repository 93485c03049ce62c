"""Priorities (HAS_PRIORITY to a Priority node with the verbatim text): items of a list whose intro names
priorities ("The Partnership's priorities for 2015-18 are:"), "Title - text" paragraphs under such an intro, and one
priority stated in a sentence ("Reducing violent crime is a particular priority for the Board"). Who holds them:
the body the intro names as their holder, else the first body it names as a subject, else the partnership or
board in focus."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders import relations, rules
from loaders.mentions import Mention, vocab
from loaders.places import force_area_of
from loaders.raw import Ref
from loaders.rules.registry import rule
from loaders.structure import Block, Sentence, count_of

if TYPE_CHECKING:
    from loaders.rules.registry import Walk

# "on behalf of Glasgow City Council", "agreed with the Home Office": a body named as the other party, not the holder.
AGENT_BEFORE = re.compile(r"\b(?:on behalf of|by|with|from|to|for|alongside|through|via)\s+(?:the\s+)?$", re.I)
# Bodies that set priorities for an area; a council, an authority, a service or a government office is an agency.
PRIORITY_HOLDER_HEAD = re.compile(r"\b(?:Partnership|Board|Group|Commissioner|Executive|Forum|Alliance|Panel|Committee)\b")
# What a list is when its intro, after naming a priority, goes on to the means: activities, actions, projects.
ACTIVITIES_INTRO = re.compile(r"\b(?:activities|actions|tasks|projects|services|initiatives)\b|"
                              r"\b(?:achieved|delivered|met|addressed) (?:through|by|via)\b", re.I)
# An item about the list itself ("... responsible for delivery against the above priorities"), not one of them.
REFERS_TO_THE_LIST = re.compile(r"\b(?:the above|these|those|the following|the listed)\s+(?:\w+\s+)?"
                                r"(?:priorities|aims|objectives|outcomes)\b", re.I)
NOT_A_PRIORITY = re.compile(r"\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d{1,2}(?:st|nd|rd|th)? (?:January|"
                            r"February|March|April|May|June|July|August|September|October|November|December)\b)")
FUNCTION_WORDS = {"the", "a", "an", "to", "with", "of", "for", "by", "and", "or", "in", "on", "from", "into", "via",
                  "through", "across", "at", "between", "within", "its", "their", "our", "his", "her"}
PRIORITIES_WORD = re.compile(r"\bpriorit(?:y|ies)\b", re.I)
SEVERAL_OWNERS = re.compile(r"\bthese (two|three|four) (groups|boards|partnerships)\b", re.I)


def _after_last_priority_word(text: str) -> str:
    """The part of an intro after its last "priority"/"priorities"/"aims" (all of it when none is named)."""
    words = list(re.finditer(r"\b(?:priorit\w*|aims?|objectives?|outcomes?|key areas)\b", text, re.I))
    return text[words[-1].end():] if words else text


def priority_holder(text: str, offset: int, bodies: list[Mention]) -> Mention | None:
    """The body whose priorities an intro names: "the SRP's priorities", "the priorities of the SRP"."""
    word = re.search(r"\bpriorit(?:y|ies)\b", text, re.I)
    if word is None:
        return None
    for m in bodies:
        gap_after = text[m.end - offset:word.start()]
        if m.possessive and len(gap_after) < 30 and not re.search(r"[,.;]", gap_after):
            return m  # "the Commissioner's policing and crime priorities"
        gap_before = text[word.end():m.start - offset]
        if m.start - offset >= word.end() and re.fullmatch(r"\s*(?:of|for)\s+(?:the\s+)?", gap_before):
            return m  # "the priorities of the Safer Rotherham Partnership"
    return None


def intro_owner(ext: Walk, intro: Sentence, mentions: list[Mention]) -> Ref | None:
    """Whose priorities a list's intro introduces (None: nobody's, or several: see `list_owners`)."""
    text = intro.text
    area = ext.area_of(text.strip())
    if area is not None and len(text.split()) <= 4:
        return Ref("Area", area)
    if re.search(r"\b(?:whole sub-region|across the sub-region|across the Force Area)\b", text, re.I) and not [
            m for m in mentions if m.label == "Body"]:
        # "priorities across the sub-region": the force area the document's own area lies in, when it has one
        force = force_area_of(ext.places.area) if ext.places.area else ""
        if force and vocab()["areas"].get(force, {}).get("level") == "force-area":
            return Ref("Area", force)
        return None
    if SEVERAL_OWNERS.search(text):
        return None
    named = [m for m in mentions if m.label in {"Body", "Acronym"}]
    if re.search(r"\b(?:of the|the) (?:project|programme|initiative|scheme)(?:'s)?\b", text, re.I) and not named:
        return None  # "The key aims of the project are to:": a project's aims, not a body's priorities
    plan = re.search(r"\b(?:of the|the|our|its) (?P<topic>(?:[A-Z][\w-]* ){0,3})(?:strategy|plan)\b", text, re.I)
    if plan is not None and not named:
        # "the Community Safety Strategy had three priorities": the strategy of the one partnership named after
        # its topic, else of the body in focus
        return strategy_owner(ext, plan.group("topic").strip()) or unnamed_list_owner(ext)
    bodies = [m for m in mentions if m.label in {"Body", "Acronym"}]
    holder = priority_holder(text, intro.start, bodies)
    if holder is not None:
        return ext.ref_of(holder)
    for m in bodies:
        if not AGENT_BEFORE.search(text[:m.start - intro.start]):
            return ext.ref_of(m)
    return unnamed_list_owner(ext)


def strategy_owner(ext: Walk, topic: str) -> Ref | None:
    """The one body this document names whose name carries a strategy's topic ("Community Safety" Strategy: the
    Westmere Community Safety Partnership) and ends with a holder's head word."""
    if len(topic.split()) < 2:
        return None
    pattern = re.compile(r"(?<!\w)" + re.escape(topic) + r" (?:Partnership|Board)$", re.I)
    found = sorted(n for n in ext.body_names if pattern.search(n))
    found = [n for n in found if not any(o != n and o.endswith(" " + n) for o in found)]  # the same, qualified
    return Ref("Body", found[0]) if len(found) == 1 else None


def unnamed_list_owner(ext: Walk) -> Ref | None:
    """The holder of priorities whose intro names nobody ("The result is a plan with six priorities:"): the body
    in focus when it is one that sets priorities (a partnership, board, commissioner), else the section's
    subject when that one is; an agency in focus ("... the Combined Authority's survey") is only a last resort."""
    candidates = [m for m in (ext.focus, ext.subject) if m is not None]
    for m in candidates:
        if PRIORITY_HOLDER_HEAD.search(m.name):
            return ext.ref_of(m)
    return ext.ref_of(candidates[0]) if candidates else None


def list_owners(ext: Walk, intro: Sentence, mentions: list[Mention]) -> list[Ref]:
    """The holders of a list of priorities: "these three groups" are the last three groups named."""
    groups = SEVERAL_OWNERS.search(intro.text)
    if groups is None:
        owner = intro_owner(ext, intro, mentions)
        return [owner] if owner is not None else []
    count = count_of(groups.group(1))
    head = groups.group(2)[:-1].capitalize()
    seen: list[str] = []
    for m in reversed(ext.recent):
        if m.head == head and m.name not in seen:
            seen.append(m.name)
        if len(seen) == count:
            break
    return [Ref("Body", n) for n in reversed(seen)]


# A body's remit, not its priorities: "The purpose of the Board will be to:", and what every body of a kind is for
# ("The key objectives of LSCBs, as set out in 'Working Together', are:").
REMIT = re.compile(r"\bpurpose of\b|\b(?:aims|objectives|functions|duties) of (?:all )?(?:[A-Z]{2,}s|[A-Z]\w+ \w+s)\b")


def is_priority_intro(text: str) -> bool:
    return bool(rules.PRIORITY_INTRO.search(text)) and not rules.LIST_INTRO_REPORTING.search(text) and not (
        rules.MEETING_OUTCOMES.search(text)) and not (REMIT.search(text) and not PRIORITIES_WORD.search(text))


def list_priorities(ext: Walk, items: list[Block], intro: Sentence, mentions: list[Mention]) -> bool:
    """The items of a list introduced as priorities ("Northshire:" alone names an area's), True when it was one."""
    text = intro.text
    area_line = ext.area_of(text.strip())
    if area_line is not None and text.strip().endswith(":") and len(text.split()) <= 4:
        write_list(ext, items, [Ref("Area", area_line)], intro)
        return True
    if not is_priority_intro(text):
        return False
    write_list(ext, items, list_owners(ext, intro, mentions), intro)
    return True


def nested_priorities(ext: Walk, items: list[Block]) -> bool:
    """An item that introduces priorities ("1.2 The Partnership has agreed the following priority areas:",
    "Priorities underpinning the strategy") with deeper items under it: those are its priorities. True when one
    was read."""
    done = False
    for index, item in enumerate(items):
        under: list[Block] = []
        for deeper in items[index + 1:]:
            if deeper.depth <= item.depth:
                break
            if deeper.depth == item.depth + 1:
                under.append(deeper)
        if not under or not PRIORITIES_WORD.search(item.body) or not is_priority_intro(item.body) or (
                REFERS_TO_THE_LIST.search(item.body)):
            continue
        intro = Sentence(item.body_start, item.end, ext.clean[item.body_start:item.end], item)
        mentions = ext.resolved(ext.mentions_in(intro.text, intro.start))
        owners = list_owners(ext, intro, mentions)
        write_list(ext, under, owners, intro)
        done = done or bool(owners)
    return done


def titled_paragraphs(ext: Walk, blocks: list[Block], intro: Sentence, mentions: list[Mention]) -> None:
    """"<Area> ... priorities:" followed by "Title - text" paragraphs (which structure may read as label lines):
    each title is a priority."""
    if not (intro.text.rstrip().endswith(":") and rules.PRIORITY_INTRO.search(intro.text)):
        return
    titled: list[Block] = []
    for block in blocks:
        if block.kind not in {"para", "label"} or not re.match(r"^[A-Z][\w' ,&-]{2,60} - ", block.text.strip()) or (
                NUMBERED.match(block.text.split("\n", 1)[0])):
            break  # "Priority 1 - ..." is a numbered line, read as one (see titled_priority)
        titled.append(block)
    if not titled:
        return
    owner = intro_owner(ext, intro, mentions)
    for pos, b in enumerate(titled, start=1):
        title = b.text.strip().split(" - ", 1)[0]
        write_priority(ext, owner, b.start, b.start + len(title), str(pos), intro)


# "It is proposed that work now continues on the following key areas:": pieces of work, not priorities.
WORK_ON = re.compile(r"\bwork (?:\w+ ){0,3}on the following\b", re.I)


def write_list(ext: Walk, items: list[Block], owners: list[Ref], intro: Sentence) -> None:
    if not owners or ACTIVITIES_INTRO.search(_after_last_priority_word(intro.text)) or WORK_ON.search(intro.text):
        return  # "Priority 1 - ... achieved through activities, such as:": the list is how, not what
    top = 0
    sub = 0
    headed = any(item.depth == 0 for item in items) and any(item.depth > 0 for item in items)
    for item in items:
        if headed and item.depth > 0 and not re.match(r"\s*\d", item.marker):
            continue  # "1. Tackling Crime" over "- Supporting CCTV ...": the bullets are how, the heads are what
        if REFERS_TO_THE_LIST.search(item.body):
            continue  # "The Partnership ... is responsible for delivery against the above priorities"
        if item.depth == 0 or re.match(r"\s*\d", item.marker):
            top += 1
            sub = 0
            position = str(top)
        else:
            sub += 1
            position = f"{top}.{sub}"
        if NOT_A_PRIORITY.match(item.body):
            continue  # "Tuesday 24 September 2019 2.00pm": a list of dates, not of aims
        for owner in owners:
            write_priority(ext, owner, item.body_start, item.end, position, intro)


def write_priority(ext: Walk, owner: Ref | None, start: int, end: int, position: str | None,
                   intro: Sentence, period: str | None = None, status: str | None = None) -> None:
    """One Priority node (verbatim text, period and status from its intro) and its HAS_PRIORITY line."""
    if owner is None:
        return
    glued = re.search(r"\b([a-z][\w-]*) ((?:[A-Z][\w'-]* ){1,5}([A-Z][\w'-]*))\s*$", ext.clean[start:end])
    if glued and glued.group(1).lower() not in FUNCTION_WORDS and glued.group(3) in vocab()["body_heads"]:
        # "Shared information sets around decision making Local Criminal Justice Board": the next heading,
        # glued to the last item when the page was flattened, is not part of the priority
        end = start + glued.start(2)
    ev = ext.ev(start, end, "list:priority")
    text = re.sub(r"\s+", " ", ext.clean[ev.start:ev.end]).strip().rstrip(";.")
    if not text:
        return
    period = period or rules.period_of(intro.text) or (re.search(r"\bto (20\d\d)\b", intro.text) or [None, None])[1]
    if status is None:
        status = relations.status_of(intro.text, intro.text) if re.search(r"will be|is proposed", intro.text) \
            else "current"
    ref = Ref("Priority", f"{owner.label}\x1f{owner.name}\x1f{text}")
    ext.raw.node(ref, ev, text=text, period=period, status=status, position=position)
    ext.raw.rel("HAS_PRIORITY", owner, ref, ev, status=status, period=period)
    if owner.label == "Area":
        ext.raw.node(owner, ext.ev(intro.start, intro.end, "list:priority"))


@rule("priority-in-a-sentence", input="sentence", output="HAS_PRIORITY")
def stated_priority(ext: Walk, s: Sentence, mentions: list[Mention]) -> None:
    """"Reducing violent crime is a particular priority for the CSPB"; "Substance misuse has been identified by
    the Safer Rutland Partnership as a key priority": one priority, stated in a sentence."""
    match = rules.PRIORITY_FOR.match(s.text)
    low, high = (match.end(), len(s.text)) if match else (0, 0)
    if match is None:
        match = rules.PRIORITY_BY.match(s.text)
        if match is not None:
            low, high = match.start("holder"), match.end("holder")
    if match is None or relations.negated(s.text):
        return
    holders = [m for m in mentions if m.label in {"Body", "Acronym"} and low <= m.start - s.start < high]
    if not holders:
        return
    write_priority(ext, ext.ref_of(holders[0]), s.start + match.start("what"), s.start + match.end("what"), None, s)


# "The Partnership had three priorities for 2012/13: A, B and C", "The priorities are focused on A, B and C",
# "The priorities of the Board are A, B and C", "the Board's programme, the main areas of which are A, B and C",
# "The CSP had 5 key priorities; A, B, ...", "The strategy will focus on key areas such as A, B and C".
LISTED = re.compile(r"\bpriorit(?:y|ies)(?: (?:areas|themes|issues))?(?: (?:for|in|during|of) [^:;,.]{2,60}?)?\s*"
                    r"(?::|;|\s(?:are|were|will be|include|included|includes|remain)(?: (?:focus(?:s)?ed|centred) on| to)?\s)"
                    r"\s*(?P<list>\S.*)$|\bfocus on (?:the )?(?:key |main )?(?:areas|issues|themes|priorities) such as\s+"
                    r"(?P<such>\S.*)$|\b(?:main|key|principal) (?:areas|priorities|themes|strands) of which "
                    r"(?:are|were|include)\s+(?P<which>\S.*)$", re.I)
# "These focused on A, B and C", "They are A, B and C": the sentence before named the priorities.
THESE = re.compile(r"^\s*(?:These|They)\s+(?:are|were|include|included|(?:are |were )?focus(?:s|es|ed|sed)? on)\s+"
                   r"(?P<list>\S.*)$")
# What follows "priorities are" when it is not a list of them: how they are set, or a pointer to a list.
NOT_A_LIST = re.compile(r"(?:set|agreed|reviewed|determined|decided|identified|based|informed|shown|listed|outlined|"
                        r"described|detailed|summarised|as follows|the following|below|above|being|not|to be|that|"
                        r"reflected|contained|included|set out)\b", re.I)
# A clause after the last item ("..., which were agreed in 2019"), not an item.
TRAILING_CLAUSE = re.compile(r"^(?:which|who|that|where|as well as|in order|with|while|whilst|but|although)\b", re.I)
MAX_ITEM_WORDS = 12


def list_items(text: str, offset: int) -> list[tuple[int, int]]:
    """Spans of the items of "A, B and C" ("A; B; C"), the last two split at their first "and"; none when a piece
    reads as a clause rather than a name of an aim."""
    body = re.sub(r"[.\s]+$", "", text)
    pieces: list[tuple[int, int]] = []
    pos = 0
    for match in re.finditer(r"\s*[,;]\s*(?:and\s+)?|$", body):
        if match.start() > pos or match.end() == len(body):
            pieces.append((pos, match.start()))
        pos = match.end()
        if match.end() == len(body):
            break
    if pieces:
        last_start, last_end = pieces[-1]
        last = body[last_start:last_end]
        joined = re.search(r"\s+(?:and|&)\s+", last)
        if joined is not None and len(pieces) >= 1:
            pieces[-1:] = [(last_start, last_start + joined.start()), (last_start + joined.end(), last_end)]
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        piece = body[a:b].strip()
        if not piece:
            continue
        if TRAILING_CLAUSE.match(piece) and out:
            break
        if len(piece.split()) > MAX_ITEM_WORDS or relations.negated(piece):
            return []
        out.append((offset + a + (len(body[a:b]) - len(body[a:b].lstrip())), offset + a + len(body[a:b].rstrip())))
    return out if len(out) >= 2 else []


def named_holder(text: str, offset: int, mentions: list[Mention]) -> Mention | None:
    """The body a sentence names as holding priorities, and only a named one: "the SRP's priorities", "CSG
    operates with four priorities" (the first body named, not after "with", "by", "for" ...)."""
    bodies = [m for m in mentions if m.label in {"Body", "Acronym"}]
    holder = priority_holder(text, offset, bodies)
    if holder is not None:
        return holder
    word = PRIORITIES_WORD.search(text)
    return next((m for m in bodies if word is not None and m.end - offset <= word.start()
                 and not AGENT_BEFORE.search(text[:m.start - offset])), None)


HINT_REACH = 600  # characters: how far a sentence naming a body's priorities reaches to the first numbered one


@rule("priorities-listed-in-a-sentence", input="sentence", output="HAS_PRIORITY")
def listed_priorities(ext: Walk, s: Sentence, mentions: list[Mention]) -> None:
    """"The Board had three priorities for 2012/13: A, B and C": each named aim is a priority of the body the
    sentence names as their holder (or of the partnership in focus when it names none). A sentence that names
    whose priorities follow is remembered for the numbered lines after it."""
    if PRIORITIES_WORD.search(s.text):
        holder = named_holder(s.text, s.start, mentions)
        if holder is not None:
            ext.priorities_named_by = (ext.ref_of(holder), s.end)
    hint = ext.priorities_named_by
    pointer = THESE.match(s.text)
    match = LISTED.search(s.text) or pointer
    if match is None or relations.negated(s.text[:match.start()]):
        return
    if match is pointer and (hint is None or not 0 <= s.start - hint[1] <= 3):
        return  # "These focused on ..." points at priorities only right after a sentence naming them
    group = next(g for g in ("list", "such", "which") if match.groupdict().get(g) is not None)
    listed = match.group(group)
    if NOT_A_LIST.match(listed) or listed.rstrip().endswith(":") or ACTIVITIES_INTRO.search(s.text[:match.start()]):
        return
    items = list_items(listed, s.start + match.start(group))
    if not items:
        return
    before = Sentence(s.start, s.start + match.start(group), s.text[:match.start(group)], s.block)
    if match is pointer and hint is not None:
        owner: Ref | None = hint[0]
    else:
        owner = intro_owner(ext, before, [m for m in mentions if m.start < before.end])
    for position, (start, end) in enumerate(items, start=1):
        write_priority(ext, owner, start, end, str(position), s)


# "Priority 1 - Improving community safety", "Local Priority 2 – Anti-social behaviour": a numbered priority written
# as its own line (a heading, a paragraph, a table's section row). "Outcome 3 - ..." is left out: outcomes are as
# often a plan's or a programme's as a body's.
NUMBERED = re.compile(r"^\s*(?:(?:Local|Strategic|Key|Our|Partnership|Main)\s+)?Priority\s+"
                      r"(?P<n>\d{1,2})\s*[-\u2013\u2014:.]\s*(?P<what>[A-Z][^.;:]{2,100}?)\s*\.?\s*$")


def numbered_line(text: str) -> re.Match[str] | None:
    return NUMBERED.match(text)


def titled_priority(ext: Walk, line: Sentence, owner: Ref | None = None,
                    period: str | None = None) -> bool:
    """A numbered priority line: a priority of `owner`, else of the holder of the priority numbered one before it
    (a series has one holder, whatever bodies the text between names), else of the partnership or board in focus."""
    match = NUMBERED.match(line.text)
    if match is None:
        return False
    number = int(match.group("n"))
    holder = owner
    previous = ext.numbered_priority
    if holder is None and previous is not None and previous[0] == number - 1:
        holder = previous[1]
    hint = ext.priorities_named_by
    if holder is None and number == 1 and hint is not None and 0 <= line.start - hint[1] < HINT_REACH:
        holder = hint[0]  # "CSG operates with four strategic priorities:" just before "Priority 1 - ..."
    if holder is None:
        holder = unnamed_list_owner(ext)
    ext.numbered_priority = (number, holder) if holder is not None else None
    write_priority(ext, holder, line.start + match.start("what"), line.start + match.end("what"), match.group("n"),
                   line, period)
    return holder is not None


@rule("priority-on-a-numbered-line", input="sentence", output="HAS_PRIORITY")
def numbered_priority(ext: Walk, s: Sentence, mentions: list[Mention]) -> None:
    """A paragraph that is, or opens with, one numbered priority line ("Priority 2 - Reducing environmental
    incivility")."""
    if s.block.kind not in {"para", "label"} or s.start != s.block.start:
        return
    first = s.block.text.split("\n", 1)[0]  # "Priority 1 - Improving safety\nachieved through ...": its first line
    if s.text.strip() == s.block.text.strip() or "\n" in s.block.text:
        titled_priority(ext, Sentence(s.block.start, s.block.start + len(first.rstrip()), first.rstrip(), s.block))


# "Reducing rural crime was also prioritised"; "... agreed that Tackling knife crime should be a partnership
# priority" (what a consultation proposes).
PRIORITISED = re.compile(r"^\s*(?P<what>[A-Z][^,;:]{3,120}?) (?:was|were|has been|have been|is|are) (?:also )?"
                         r"prioriti[sz]ed\b")
SHOULD_BE = re.compile(r"(?:^|\bthat )\s*(?P<what>[A-Z][^,;:]{3,100}?) should be (?:a|an) "
                       r"(?:partnership |key |local |strategic )?priority\b", re.I)


@rule("priority-prioritised-in-a-sentence", input="sentence", output="HAS_PRIORITY")
def prioritised(ext: Walk, s: Sentence, mentions: list[Mention]) -> None:
    """One priority with no holder in its sentence: the holder a recent sentence named, else the partnership or
    board in focus; "should be a priority" is proposed."""
    match = PRIORITISED.match(s.text) or SHOULD_BE.search(s.text)
    if match is None or relations.negated(s.text[:match.start("what")]) or not match.group("what")[:1].isupper():
        return
    hint = ext.priorities_named_by
    owner = hint[0] if hint is not None and 0 <= s.start - hint[1] < HINT_REACH else unnamed_list_owner(ext)
    start, end = s.start + match.start("what"), s.start + match.end("what")
    write_priority(ext, owner, start, end, None, s, status="proposed" if match.re is SHOULD_BE else None)


# "The Northshire Alliance aims to improve joint working between ...": the aim of the body the sentence opens with
# (named, or a definite description of the body in focus). A relative clause ("a panel which aims to ...") or a
# pronoun ("It aims to ...") opens with no named holder and is left.
AIMS_TO = re.compile(r"^(?P<subject>\s*(?:The\s+)?[A-Z][^,;:()]{1,100}?)\s+aims\s+(?P<what>to\s+[a-z][^;:]{10,300}?)"
                     r"\s*\.?\s*$")


@rule("priority-aimed-in-a-sentence", input="sentence", output="HAS_PRIORITY")
def aimed(ext: Walk, s: Sentence, mentions: list[Mention]) -> None:
    match = AIMS_TO.match(s.text)
    if match is None or relations.negated(s.text):
        return
    subject_end = s.start + match.end("subject")
    holders = [m for m in mentions if m.label in {"Body", "Acronym"} and m.end == subject_end
               and not s.text[:m.start - s.start].strip(" \t\n").removeprefix("The").strip()]
    if not holders:
        return
    write_priority(ext, ext.ref_of(holders[0]), s.start + match.start("what"), s.start + match.end("what"), None, s)
