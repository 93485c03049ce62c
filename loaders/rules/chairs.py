"""Chairs and vice-chairs: "chaired by X", "X (Chair)", "Chair: X" / "Chair - X", "X, chair of the partnership",
"X is the Independent Chair of A and B", "X was elected Chair of A", "X and Y were elected Chair and Vice-Chair"."""
from __future__ import annotations

import re

from loaders import relations
from loaders.mentions import Mention
from loaders.raw import Ref
from loaders.rules.registry import Context, rule
from loaders.structure import Block, Sentence

BODIES = relations.BODIES
TITLE = r"(?:Cllr|Coun|Councillor|Sir|Dame|Dr|Mr|Mrs|Ms|Miss|Professor|Prof|Superintendent|Inspector|Chief Inspector)"
# A name's word may be double-barrelled or carry a capital inside ("Akers-Belcher", "McVey", "O'Neill").
NAME_WORD = r"(?:Mc|Mac|O')?[A-Z][a-z'\-]+(?:-[A-Z][a-z']+)?"
PERSON = rf"(?:{TITLE}\.? )?{NAME_WORD}(?: [A-Z]\.)?(?: {NAME_WORD}){{1,2}}(?: JP| MBE| OBE| CBE| QPM)?"
OFFICE = (r"(?:[Vv]ice[- ]?[Cc]hair(?:man|person|woman)?|[Dd]eputy [Cc]hair(?:man|person)?|[Cc]o-[Cc]hair|"
          r"[Jj]oint [Cc]hair|(?:[Ii]ndependent )?[Cc]hair(?:man|person|woman)?)")
# "Cllr Adam McVey (Chair)", "Chair of Clinical Commissioning Gloucestershire (Deputy Chair)"
IN_BRACKETS = re.compile(rf"\((?P<body>[^()]*?)\s*(?P<office>{OFFICE})\)")
# Who holds the office: a person's name right before the bracket, else the capitalised words of an office.
WHO_BEFORE = re.compile(rf"(?:(?P<person>{PERSON})|"
                        rf"(?P<office>[A-Z][\w'&-]*(?: (?:of |for |and |the )*[A-Z][\w'&-]*){{0,7}}))\s*$")
PERSON_AFTER_BODY = re.compile(rf"\b(?:Council|Police|Constabulary|Service|Trust|Board|Partnership|Authority|College|"
                               rf"University|Agency|Group) (?P<person>(?:{TITLE}\.? )?{NAME_WORD}(?: {NAME_WORD}){{1,2}})\s*$")
# "Coun Jane Smith, chair of the partnership", "I am the Independent Chair of both the A and the B"
# "Miss Jane Morgan, Chief Executive of Westbury Council and Chair of the X": another office may come first.
OF_BODY = re.compile(rf"(?P<who>{PERSON}|\bI)(?:,(?: [^.;,()]{{3,70}}? and)?|"
                     r" (?:is|am|was|has been|will be|would be)(?: appointed| elected)?(?: as)?)"
                     rf" (?:the |its |our )?(?:new |current |incoming )?(?P<office>{OFFICE}) (?:of|for) (?:both )?")
# "RESOLVED that Mr John Rivers be elected Vice-Chair of the Kent Community Safety Partnership"
ELECTED = re.compile(rf"(?P<who>{PERSON}|the [A-Z][\w ]+?) (?:be|was|were|is|would be|will be) (?:likely to be )?"
                     rf"(?:appointed|elected|re-elected|confirmed)(?: as)? (?:the )?(?P<office>{OFFICE})(?: (?:of|for))?")
# "Councillor A and B were elected as Chair and Vice-Chair respectively"
RESPECTIVELY = re.compile(rf"(?P<first>{PERSON}) and (?P<second>{PERSON}) (?:were|are|have been) (?:elected|appointed)"
                          rf" (?:as )?(?:the )?(?P<o1>{OFFICE}) and (?P<o2>{OFFICE}),? respectively")
# "The Authority has re-elected Peter Smith as the Chair and Jane Brown as the Vice Chair": the electing body's offices.
ELECTED_AS = re.compile(rf"\b(?:elected|appointed|re\s?-\s?elected|re-appointed|nominated|confirmed)\s+(?P<who>{PERSON})"
                        rf" as (?:the |its |our )?(?:new )?(?P<office>{OFFICE})\b")
AND_AS = re.compile(rf"\band (?:[^,.;]{{0,40}}? and )?(?P<who>{PERSON}) as (?:the |its |our )?(?:new )?(?P<office>{OFFICE})\b")
CHAIRED_BY = re.compile(r"\b(?:is |are |was |will be )?(?:jointly |co-)?chaired by (?:the |a |an )?"
                        r"((?:[A-Za-z][\w'\-]*\s?){1,12}?)(?=,|\.|;| and the| who|$)", re.I)


# A sentence about the body in focus: "It ...", "The partnership ...", "This board ...".
OPENS_WITH_ANAPHOR = re.compile(r"\s*(?:It|(?:The|This) (?:partnership|board|group|sub-?group|forum|panel|committee))\b")


def rel_type(office: str) -> str:
    return "VICE_CHAIRED_BY" if re.match(r"(?:vice|deputy)", office, re.I) else "CHAIRED_BY"


def _write(ctx: Context, body: Mention | Ref, who: str, start: int, ev_start: int, ev_end: int, office: str,
           method: str, status: str = "current") -> None:
    """A named person holds the office: the Role is the office of the body ("Chair of the X") with the person as
    its holder and as another name; an office as written ("the Chief Constable") is the Role itself."""
    who = re.sub(r"\s+", " ", who).strip().strip(",")
    if not who or len(who) < 3:
        return
    body_ref = body if isinstance(body, Ref) else ctx.ref_of(body)
    ev = ctx.ev(start, start + len(who), method)
    if re.fullmatch(PERSON, who) and not re.search(r"\b(?:Chief|Director|Commissioner|Constable|Council|Officer|"
                                                   r"Manager|Head|Mayor|Executive)\b", who):
        title = re.sub(r"^(?:Independent )", "", office.strip()).title()
        role = Ref("Role", f"{title} of the {body_ref.name}" if body_ref.label == "Body" else f"{body_ref.name} {title}")
        ctx.raw.node(role, ev, holder=who)
        ctx.raw.aliases.append((role, who, ev))
    else:
        role = Ref("Role", who)
        ctx.raw.node(role, ev)
    # "Jane Smith is the Independent Chair of the Board": how the chair is held (loaders.rules.chair_basis)
    basis = "independent" if rel_type(office) == "CHAIRED_BY" and re.match(r"\s*independent\b", office, re.I) else None
    ctx.raw.rel(rel_type(office), body_ref, role, ctx.ev(ev_start, ev_end, method), status=status, basis=basis)


def _owner(ctx: Context) -> Mention | None:
    """The body a chair line without a named body belongs to: the one the section is about."""
    for candidate in (ctx.focus, ctx.subject):
        if candidate is not None and candidate.label in BODIES:
            return candidate
    return None


@rule("chair-in-brackets", input="sentence", output="CHAIRED_BY, VICE_CHAIRED_BY")
def chair_in_brackets(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    if "hair" not in s.text:
        return
    for match in IN_BRACKETS.finditer(s.text):
        inside = [m for m in mentions if s.start + match.start("body") <= m.start < s.start + match.end("body")
                  and m.label in BODIES]
        holder = WHO_BEFORE.search(s.text[:match.start()])
        if holder is None:
            continue
        who = holder.group("person") or holder.group("office")
        who_start = s.start + holder.start("person" if holder.group("person") else "office")
        person = PERSON_AFTER_BODY.search(s.text[:match.start()])
        if holder.group("office") and person is not None:
            # "... City of Westbury Council Ella Simpson (Vice-Chair)": a flattened attendance list, the organisation
            # before the person is where the person works, not part of the office
            who, who_start = person.group("person"), s.start + person.start("person")
        named = [m for m in mentions if m.label in BODIES and who_start <= m.start < s.start + match.start()]
        if named and named[0].start == who_start and named[0].end >= s.start + holder.end() - 1:
            continue  # "The Board (Chair)": a body is not its own chair
        acronym = re.fullmatch(r"\s*([A-Z][A-Z&]{1,8})\s*", match.group("body"))
        if not inside and acronym is not None:  # "(LGA Deputy Chair)": a bracket's acronym is not a definition here
            begin = s.start + match.start("body") + acronym.start(1)
            inside = [Mention("Acronym", acronym.group(1), begin, begin + len(acronym.group(1)))]
        body: Mention | None = inside[0] if inside else _owner(ctx)
        if body is None or (match.group("body").strip() and not inside):
            continue
        _write(ctx, body, who, who_start, who_start, s.start + match.end(), match.group("office"),
               "rule:chair-in-brackets")


@rule("chair-of-body", input="sentence", output="CHAIRED_BY, VICE_CHAIRED_BY")
def chair_of_body(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    if "hair" not in s.text:
        return
    for match in OF_BODY.finditer(s.text):
        after = s.start + match.end()
        bodies = [m for m in mentions if m.label in BODIES and m.start >= after - 1]
        owners = relations.contiguous(bodies, s.text, s.start, match.end()) if bodies else []
        if owners and not re.fullmatch(r"\s*(?:the\s+)?", s.text[match.end():owners[0].start - s.start]):
            owners = []  # "chair of the partnership and leader of X Council": the office is of the partnership
        if not owners:
            anaphor = re.match(r"(?:the )?(partnership|board|group|panel|forum|committee)\b", s.text[match.end():], re.I)
            owner = _owner(ctx) if anaphor else None
            if owner is not None and anaphor is not None and owner.head and (
                    owner.head.lower() != anaphor.group(1).lower()):
                owner = None  # "chair of the partnership" under a team's paragraph: not the team's chair
            owners = [owner] if owner is not None else []
        who = match.group("who")
        if who == "I" or relations.negated(s.text[:match.start()]):
            continue
        for owner in owners:
            _write(ctx, owner, who, s.start + match.start("who"), s.start, s.end, match.group("office"),
                   "rule:chair-of-body", relations.status_of(s.text[:match.end()], s.text))


@rule("chair-elected", input="sentence", output="CHAIRED_BY, VICE_CHAIRED_BY")
def chair_elected(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    if "hair" not in s.text:
        return
    pair = RESPECTIVELY.search(s.text)
    if pair is not None:
        owner = _owner(ctx)
        if owner is not None:
            for who, office in (("first", "o1"), ("second", "o2")):
                _write(ctx, owner, pair.group(who), s.start + pair.start(who), s.start, s.end, pair.group(office),
                       "rule:chair-elected")
        return
    for active in ELECTED_AS.finditer(s.text):
        # the electing body: the last one named before the verb in this clause (an acronym must be one defined)
        before = [m for m in mentions if (m.label == "Body" or m.label == "Acronym" and (
                  not ctx.undefined(m) or ctx.spelled_out(m).label == "Body"))
                  and m.end - s.start <= active.start() and not re.search(r"[.;:]", s.text[m.end - s.start:active.start()])]
        owner = before[-1] if before else _owner(ctx)
        if owner is None or relations.negated(s.text[:active.start()]):
            continue
        following = AND_AS.search(s.text, active.end())
        for found in [active, *([following] if following is not None else [])]:
            _write(ctx, owner, found.group("who"), s.start + found.start("who"), s.start, s.end, found.group("office"),
                   "rule:chair-elected", relations.status_of(s.text[:active.start()], s.text))
    for match in ELECTED.finditer(s.text):
        after = [m for m in mentions if m.label in BODIES and m.start >= s.start + match.end() - 1]
        owner = after[0] if after and after[0].start - s.start - match.end() < 6 else _owner(ctx)
        if owner is None:
            continue
        status = "proposed" if re.search(r"\b(?:likely|would|be (?:appointed|elected))\b", match.group()) else "current"
        _write(ctx, owner, match.group("who"), s.start + match.start("who"), s.start, s.end, match.group("office"),
               "rule:chair-elected", status)


@rule("chaired-by", input="sentence", output="CHAIRED_BY")
def chaired_by(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """"Chaired by the Chief Constable, the Board ...", "The Board is chaired by the Director of Public Health"."""
    for match in CHAIRED_BY.finditer(s.text):
        role_text = match.group(1).strip()
        if not role_text or relations.negated(s.text[:match.start()]):
            continue
        role_start = s.start + match.start(1)
        body_mentions = [m for m in mentions if m.label in BODIES
                         and not (role_start <= m.start < role_start + len(role_text))]
        before = [m for m in body_mentions if m.start < s.start + match.start()]
        after = [m for m in body_mentions if m.start >= s.start + match.end()]
        chaired: Mention | None
        coordinated = re.search(r"\band\s*$", s.text[:match.start()]) is not None
        if match.start() < 3 and after:
            chaired = after[0]
        elif coordinated and OPENS_WITH_ANAPHOR.match(s.text) and _owner(ctx) is not None:
            chaired = _owner(ctx)  # "The partnership is supported by the X and is chaired by Y": the partnership's
        elif coordinated and before:
            chaired = before[0]  # "The A Board is supported by the B and is chaired by Y": the clause's subject, A
        elif before:
            chaired = before[-1] if re.search(r"\b(?:is|are) chaired", match.group()) else before[0]
        else:
            chaired = _owner(ctx)
        if chaired is None:
            continue
        status = relations.status_of(s.text[:match.start()], s.text)
        for who in re.split(r" and (?:the )?", role_text) if "jointly" in match.group().lower() else [role_text]:
            start = role_start + role_text.find(who)
            held = _chairing_body(mentions, who, start)
            if held is not None and held.name != chaired.name:
                # "jointly chaired by the City Council and the County Council representatives": the bodies chair it
                ctx.register(held, "rule:chaired-by")
                ctx.raw.rel("CHAIRED_BY", ctx.ref_of(chaired), ctx.ref_of(held), ctx.ev(s.start, s.end, "rule:chaired-by"),
                            status=status)
                continue
            _write(ctx, chaired, who, start, s.start, s.end, "Chair", "rule:chaired-by", status)


def _chairing_body(mentions: list[Mention], who: str, start: int) -> Mention | None:
    """The body a chair's text names as a whole ("Westbury Borough Council", "Westbury Borough Council
    representatives"), not an office of it ("the Chief Executive of Westbury Borough Council")."""
    for m in mentions:
        if m.label == "Body" and m.start == start and not m.possessive and re.fullmatch(
                r"\s*(?:representatives?|officers?|members?|nominees?)?\s*", who[m.end - start:]):
            return m
    return None


@rule("chair-label", input="label", output="CHAIRED_BY, VICE_CHAIRED_BY")
def chair_label(ctx: Context, block: Block) -> None:
    """"Chair: Chief Superintendent Jane Smith", "Vice Chair - Director of Public Health"."""
    office = re.fullmatch(OFFICE, block.label.strip(), re.I)
    owner = _owner(ctx)
    if office is None or owner is None:
        return
    value = block.text[block.value_start - block.start:].strip().rstrip(".;,")
    value = re.split(r"\s+(?:tel|telephone|email|e-mail|phone)\b|[;|]", value, maxsplit=1, flags=re.I)[0].strip()
    if not value or len(value) > 100 or "@" in value or re.search(r"\d{4,}", value):
        return
    _write(ctx, owner, value, block.value_start, block.start, block.end, block.label, "rule:chair-label")
