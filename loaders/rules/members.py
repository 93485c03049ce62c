"""Members of a body: stated in a sentence ("The partnership is made up of the City Council, the Police and
Public Health") or as a list under an introducing sentence or a heading ("Membership includes:", "Members").
Each member is a name the mention finder knows, an agency word ("police", "probation"), or a short noun phrase
that names an organisation ("housing providers", "Catalyst")."""
from __future__ import annotations

import re
from functools import lru_cache

from graph.model import Finding
from loaders import relations, rules
from loaders.mentions import Mention, vocab
from loaders.raw import Ref
from loaders.rules.registry import Context, rule
from loaders.structure import Block, Sentence

BODIES = relations.BODIES
# Words that end a noun phrase naming a kind of organisation, for members without a capitalised name.
ORG_NOUNS = re.compile(
    r"\b(?:authorit(?:y|ies)|police(?: force)?|constabulary|probation|health|services?|partners?|providers?|organisations?|"
    r"sectors?|councils?|boards?|groups?|teams?|trusts?|agenc(?:y|ies)|bodies|commissioners?|representatives|"
    r"landlords?|housing|schools?|colleges?|universit(?:y|ies)|fire(?: and rescue)?|rescue|prisons?|courts?|units?|"
    r"charit(?:y|ies)|businesses|associations?|forums?|networks?|panels?|partnerships?|nhs|ccgs?|icbs?|"
    r"integrated care)\s*$", re.I)
# A lower-case member that is still one organisation: the document's own agency in the singular ("the local
# authority", "the police force", "the fire and rescue service"), unlike a kind ("housing providers").
INSTITUTION = re.compile(r"^(?:[a-z]+ ){0,3}(?:authority|force|service|constabulary|council|trust|commissioner)$")
# The plural head a run of modifiers shares ("statutory, voluntary and community organisations").
SHARED_HEAD = re.compile(r"\b(?:organisations|sectors?|bodies|agencies|groups|services|providers|partners|"
                         r"authorities|representatives|communities)\s*$", re.I)
VERBISH = re.compile(r"\b(?:is|are|was|were|will|would|should|can|has|have|had|to|which|who|that|this|these|"
                     r"meets?|aims?|works?|provides?|ensures?|includes?|including|representing|each|every|part of|"
                     r"such|one|two|three|four|five|six|seven|eight|nine|ten|twenty[\w-]*|\d+)\b", re.I)
TAIL_END = re.compile(r"[.;:]\s|[.;]$|,?\s(?:preferably|ideally|normally|usually)\b|"
                      r"\s(?:who|which|whom|where|to (?!the |a |an |all |each )(?-i:[a-z]+)|in order to)\b|"
                      r"\bamong others\b", re.I)  # "... and the Youth Offending Teams to enable ...": a purpose
LEAD = re.compile(r"^(?:the|a|an|all|each of(?: the)?|each|both|other|relevant|key|senior|also|as well as|along with|plus|"
                  r"including|include|and|or|(?:a |the )?(?:wide |broad )?(?:range|number|variety|mix) of|following|"
                  r"(?:[\w-]+ ){0,2}?(?:representatives?|officers?|partners|members|staff|colleagues) (?:from|of)|"
                  r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten) (?:[\w-]+ ){0,3}?(?:from|of))\s+", re.I)
# A category, not a member: "organisations", "partner agencies", "elected members", "other partners".
GENERIC = re.compile(r"^(?:(?:\d+|two|three|four|five|six|seven|eight|nine|ten) )?(?:(?:other|partner|key|statutory|"
                     r"non-statutory|relevant|wider|following|all|elected|lead|designated|core|service|community|"
                     r"multi-agency|various|many|several|local|external|voluntary|business|private|public|faith) )?"
                     r"(?:organisations|groups|partners|agencies|"
                     r"bodies|members|representatives|authorities|sectors|services|stakeholders|people|users|"
                     r"residents|communities|individuals|officers|colleagues|staff)$", re.I)
PERSONAL = re.compile(r"\b(?:Member|Members|Chair|Chairman|Vice-Chair|Director|Officer|Councillor|Cllr|Manager|"
                      r"Lead Member|Portfolio Holder|Mayor|Leader|Executive Officer)\b")
OFFICE = re.compile(r"\b(?:representatives?|officers?|members?|chair|lead|director|manager)\b")
HELD_IN = re.compile(r"\s(?:of|from|at|in)\s+(?:the\s+)?(?=[A-Z])")
# A prepositional phrase in lower case after a name ("... under one roof", "... in the county") is not part of it.
AFTERWORDS = re.compile(r"\s+(?:under|at|in|on|within|across|for|with|from)\s+(?=(?:the |a |an |one |each )?[a-z])")
TRAIL = re.compile(r"\s*(?:\((?:opens new window|[^()]*)\)|etc\.?|representatives?|representation|colleagues)\s*$",
                   re.I)


@lru_cache(maxsize=1)
def _agency_terms() -> dict[str, str]:
    terms: dict[str, str] = vocab()["agency_terms"]
    return terms


def _unled(text: str) -> str:
    """The phrase without its leading determiners ("representatives from the Police" -> "Police")."""
    lead = LEAD.match(text)
    while lead is not None:
        text = text[lead.end():]
        lead = LEAD.match(text)
    return text


def _phrase(text: str, start: int) -> tuple[str, int] | None:
    """A member phrase cleaned of leading determiners and trailing notes; None if it is not a noun phrase."""
    lead = LEAD.match(text)
    while lead is not None:
        text, start = text[lead.end():], start + lead.end()
        lead = LEAD.match(text)
    text = TRAIL.sub("", text).strip().rstrip(".,;:")
    text = AFTERWORDS.split(text, maxsplit=1)[0]  # "Northshire Fire Brigade under one roof": the name
    department = re.search(r"'s ([A-Z][\w&-]*(?: (?:and |& |of |for )?[A-Z][\w&-]*)+)$", text)
    if department is not None and len(department.group(1).split()) >= 2 and ORG_NOUNS.search(
            text[:department.start()]) is not None:
        start, text = start + department.start(1), department.group(1)  # "the Council's Youth Services": the service
    text = text.strip("\"' ")
    if not text or not text[:1].isalnum() or len(text.split()) > 9 or VERBISH.search(text):
        return None
    if GENERIC.match(text) and text.lower() not in _agency_terms():
        return None
    if PERSONAL.search(text) or OFFICE.search(text):
        # "Chair of Northshire Health", "an elected representative from Westbury Forum": an office stands for the
        # organisation it is held in; "Deputy Chair", "Cabinet Member for Health": an office, not an organisation
        held = list(HELD_IN.finditer(text))
        if not held:
            return None
        return _phrase(text[held[-1].end():], start + held[-1].end())
    return text, start


def member_refs(ctx: Context, text: str, offset: int, method: str, split_and: bool = True) -> list[Ref]:
    """Members named in `text` (document offset `offset`): a list of names joined by commas and 'and' (a list item
    is one name: `split_and=False` keeps "Northshire Probation and Rehabilitation Company" whole)."""
    mentions = [m for m in ctx.resolved(ctx.mentions_in(text, offset)) if m.label in BODIES]
    out: list[Ref] = []
    for piece, begin in _pieces(text, mentions, offset, split_and):
        ref = _member(ctx, piece, begin, mentions, method)
        if ref is not None and ref not in out:
            out.append(ref)
    return out


def _pieces(text: str, mentions: list[Mention], offset: int, split_and: bool = True) -> list[tuple[str, int]]:
    """Split on commas, semicolons, bullets and 'and' / '&' / 'as well as', never inside a known name or agency
    term ("Fire and Rescue Service" is one member)."""
    protected = [(m.start - offset, m.end - offset) for m in mentions]
    low = text.lower()
    for term in [*_agency_terms(), "fire and rescue", "fire & rescue"]:
        if " and " in term or " & " in term:
            for found in re.finditer(r"\b" + re.escape(term) + r"\b", low):
                protected.append((found.start(), found.end()))
    cuts: list[tuple[int, int]] = []
    joiners = r"and|as well as|along with|plus|such as|including|i\.e\.?|e\.g\.?" if split_and else r"as well as|such as"
    for sep in re.finditer(r",(?:\s+and\b)?|;|\(|\)|\s-\s|\s\u2022\s|\s\u00b7\s|\s+(?:" + joiners + r")\s+", text):
        if not any(a < sep.start() < b for a, b in protected):
            cuts.append((sep.start(), sep.end()))
    spans: list[tuple[int, int, str]] = []  # (start, end) in `text`, and the separator that follows
    begin = 0
    for a, b in [*cuts, (len(text), len(text))]:
        chunk = text[begin:a]
        lead = len(chunk) - len(chunk.lstrip())
        if chunk.strip():
            spans.append((begin + lead, begin + len(chunk.rstrip()), text[a:b]))
        begin = b
    spans = _shared_heads(text, spans, [(m.start - offset, m.end - offset) for m in mentions])
    return [(text[a:b], offset + a) for a, b, _sep in spans]


def _shared_heads(text: str, spans: list[tuple[int, int, str]],
                  named: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Conjuncts that share the head noun of the next one are one member: "statutory and voluntary organisations",
    "public, private and community sector bodies" (lower-case modifiers before a comma or 'and'), "Tyne and Wear
    Fire and Rescue", "Voluntary and Community Sector" (a capitalised word or two before 'and', then a name ending in
    a head noun). A conjunct that is a name the mention finder knows, an agency word or an acronym stands alone."""
    def alone(a: int, b: int) -> bool:
        piece = text[a:b]
        return any(x < b and a < y for x, y in named) or piece.lower() in _agency_terms() or bool(
            re.fullmatch(r"[A-Z]{2,}s?", piece)) or ORG_NOUNS.search(piece) is not None

    out: list[tuple[int, int, str]] = []
    for a, b, sep in spans:
        if out:
            pa, pb, psep = out[-1]
            first, joiner = text[pa:pb], psep.strip(" ,")
            modifier = _unled(first).islower() and joiner in {"", "and", "&"} and not alone(pa, pb) and (
                not alone(a, b) or SHARED_HEAD.search(text[a:b]) is not None)
            owned = _unled(first).split("'s ")
            # "Westbury Council's Housing and Safety Services": the department of an organisation
            own = owned[-1] if len(owned) == 2 and ORG_NOUNS.search(owned[0]) is not None else _unled(first)
            name_part = joiner in {"and", "&"} and own[:1].isupper() and len(own.split()) <= 2 and not (
                alone(pb - len(own), pb)) and ORG_NOUNS.search(text[a:b]) is not None and (
                "'s " in first or not any(x < b and a < y for x, y in named))
            # "A, Human Rights and Equalities Westbury, B": an 'and' with more of the list after it is inside a name
            inside = joiner in {"and", "&"} and sep.strip() == "," and b < len(text.rstrip(" .;")) and (
                _unled(first)[:1].isupper() and text[a:a + 1].isupper() and not alone(pa, pb) and not alone(a, b))
            if modifier and len(text[pa:b].split()) <= 9 or name_part or inside:
                out[-1] = (pa, b, sep)
                continue
        out.append((a, b, sep))
    return out


def _member(ctx: Context, piece: str, begin: int, mentions: list[Mention], method: str) -> Ref | None:
    inside = [m for m in mentions if begin <= m.start < begin + len(piece)]
    if inside:
        named = inside[0]
        rest = piece[named.end - begin:].strip(" ()")
        prefix = _unled(piece[:named.start - begin]).strip()
        qualified = bool(prefix) and named.label == "Acronym" and all(w[:1].isupper() for w in prefix.split())
        if (len(named.name) >= 0.5 * len(piece) or not rest) and not qualified:
            return ctx.ref_of(named)  # the sentence walk registers the name itself
        # else "Westbury CCG": a place before an acronym is part of the name
    cleaned = _phrase(piece, begin)
    if cleaned is None:
        return None
    name, start = cleaned
    term = _agency_terms().get(name.lower()) or _agency_terms().get(f"the {name.lower()}")
    capitalised = all(w[:1].isupper() or w.lower() in {"and", "of", "for", "the", "&", "in", "on"}
                      for w in name.split())
    if term is None and (name[:1].islower() and not INSTITUTION.search(name)
                         or not capitalised and not ORG_NOUNS.search(name)):
        return None  # "voluntary organisations", "the business sector": a kind of member, not an organisation
    if re.fullmatch(r"[\d\s.,%£-]+", name):
        return None
    if term is not None:
        term = _named_in_full(ctx.doc.text, term) or term
    ref = Ref("Body", term or name)
    ev = ctx.ev(start, start + len(name), method)
    ctx.raw.node(ref, ev, kind="agency" if term else "organisation")
    if term is not None and term.lower() != name.lower():
        ctx.raw.aliases.append((ref, name, ev))  # "probation" as written stays findable
    return ref


@lru_cache(maxsize=256)
def _named_in_full(text: str, term: str) -> str | None:
    """"fire and rescue" in a document that names the "Leicestershire Fire and Rescue Service" (and no other) is
    that service: the document's own full name for the agency."""
    found = {m.group(1) for m in re.finditer(r"\b([A-Z][\w'&-]+(?: (?:and |& )?[A-Z][\w'&-]+){0,3}) " + re.escape(term)
                                             + r"\b", text)}
    found = {f for f in found if f.split()[0] not in {"The", "This", "A", "An", "Our", "Its", "Their"}}
    return f"{found.pop()} {term}" if len(found) == 1 else None


def owner_of(ctx: Context, text: str, offset: int, mentions: list[Mention], trigger: int) -> Mention | None:
    """The body whose members these are: the one a relative clause hangs on, the sentence's subject before the
    trigger, the body named in a 'members of X' phrase, or the body in focus."""
    hung = relations.relative_clause_subject(text, offset, mentions, trigger)
    if hung is not None:
        return hung
    of_body = re.search(r"\b(?:members(?:hip)?|partners|make up|making up)\s+(?:of\s+)?(?:the\s+)?$", text[:trigger],
                        re.I)
    opening = PARTICIPLE.match(text)
    skip = opening.end() if opening is not None and opening.end() <= trigger else 0
    before = [m for m in mentions if m.label in BODIES and skip <= m.start - offset < trigger]
    after = [m for m in mentions if m.label in BODIES and m.start - offset >= trigger]
    if of_body is None and re.search(r"\b(?:members(?:hip)?|partners|authorities|make up|making up) of (?:the )?", text, re.I):
        named = re.search(r"\b(?:members(?:hip)?|partners|authorities|make up|making up) of (?:the )?", text, re.I)
        if named is not None:
            follow = [m for m in mentions if m.label in BODIES and m.start - offset >= named.end() - 1]
            if follow and follow[0].start - offset - named.end() < 3:
                return follow[0]
    if before:
        return before[0]
    if of_body is not None and after:
        return after[0]
    anaphor = re.search(r"\b(?:the|this) (?:[\w-]+ )?(partnership|board|group|panel|forum|committee|meeting)\b",
                        text[:trigger + 1], re.I)
    if anaphor is not None and anaphor.group(1).lower() == "meeting":
        return _heading_body(ctx) or ctx.focus  # "This sub-regional meeting includes ...": the section's body
    if anaphor is not None:
        noun = anaphor.group(1).lower()
        # "The group includes ..." under the heading "Joint Action Group": the body in view with that head noun
        for candidate in (ctx.focus, _heading_body(ctx), ctx.subject):
            if candidate is not None and candidate.name.lower().endswith(noun):
                return candidate
    if re.search(r"\b(?:it|its|the (?:partnership|board|group|panel|forum|committee|csp))\b", text[:trigger + 1], re.I) \
            or trigger < 3 or not text[:trigger].strip():
        return ctx.focus or ctx.subject
    return None


def _heading_body(ctx: Context) -> Mention | None:
    heading = ctx.heading
    if heading is None:
        return None
    bodies = [m for m in ctx.resolved(ctx.mentions_in(heading.text, heading.start)) if m.label == "Body"]
    return bodies[0] if bodies else None


# "Chaired by the County Council's Lead Member, the Board comprises ...": the opening phrase names no owner.
PARTICIPLE = re.compile(r"\s*(?:chaired|led|hosted|supported|funded|convened|co-?ordinated|managed|facilitated|"
                        r"serviced|established|set up|created|formed)\b[^,]{0,150},\s*", re.I)
UNNAMED_OWNER = re.compile(r"\b(?:by|with|from|to|of|in|on|through)\s+(?:a|an)\s+(?:[\w-]+\s+){0,5}?[\w-]+,?\s*"
                           r"(?:currently\s+)?$")
UNNAMED_SUBJECT = re.compile(r"\s*(?:The|This|That|These|Its|Their|A|An)\s+(?:[a-z][\w-]*\s+){0,3}?([a-z][\w-]*)\s*$")
# A category named before a colon that the members follow: "the following organisations:", "six partners:".
CATEGORY_COLON = re.compile(r"\s*(?:the |these |a number of |a range of )?(?:following |\w+ )?(?:[\w-]+ )?"
                            r"(?:organisations|partners|agencies|bodies|members|authorities|representatives)\s*:\s+")
MEMBERS_ALSO = re.compile(r"\b(?:including|along with|as well as|such as)\b", re.I)


@rule("members-in-a-sentence", input="sentence", output="MEMBER_OF")
def members_in_sentence(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    match = relations.grammar().members.search(s.text)
    if match is None or relations.negated(s.text[:match.start()]) or s.text.rstrip().endswith(":"):
        return
    parts = rules.COMPRISED_OF.search(s.text)
    if parts is not None and parts.start() <= match.start():
        return  # "The Boards include ...", "is comprised of": parts, not members
    before = s.text[:match.start()]
    if UNNAMED_OWNER.search(before) and relations.relative_clause_subject(s.text, s.start, mentions,
                                                                          match.start()) is None:
        return  # "... overseen by a local Management Board, comprising ...": members of a board the text does not name
    unnamed = UNNAMED_SUBJECT.match(before)
    if unnamed is not None and unnamed.group(1).capitalize() not in vocab()["body_heads"] and (
            unnamed.group(1).lower() != "meeting"):  # "This meeting includes ...": the section's body meeting
        return  # "The coalition consists of ...": members of something the text does not name
    if _coordinated_subject(ctx, s, match.start()):
        return  # "The Partnership and Strategy Group is made up of": whose members they are is unclear
    owner_ref: Ref | None
    if re.match(r"other \w+ (?:would|will|should|could|may)\b", match.group(), re.I):
        owner_ref = last_owner(ctx, s.start)  # "Other agencies would include ...": the list goes on
    else:
        owner = owner_of(ctx, s.text, s.start, mentions, match.start())
        owner_ref = ctx.ref_of(owner) if owner is not None else None
    if owner_ref is None:
        return
    tail = s.text[match.end():]
    category = CATEGORY_COLON.match(tail)
    lead = category.end() if category is not None else 0  # "made up of the following organisations: A, B and C"
    tail = tail[lead:]
    end = TAIL_END.search(tail)
    tail = tail[:end.start()] if end is not None else tail
    status = relations.status_of(s.text[:match.start()], s.text)
    ev = ctx.ev(s.start, s.end, "rule:member_of")
    for member in member_refs(ctx, tail, s.start + match.end() + lead, "rule:member_of"):
        if member != owner_ref:
            ctx.raw.rel("MEMBER_OF", member, owner_ref, ev, status=status)


def last_owner(ctx: Context, before: int, reach: int = 1200) -> Ref | None:
    """The body whose members the document listed last, a little before `before`."""
    for rel in reversed(ctx.raw.rels):
        if rel.type == "MEMBER_OF" and rel.evidence.doc == ctx.doc.id and 0 <= before - rel.evidence.end <= reach:
            return rel.end
    return None


def _coordinated_subject(ctx: Context, s: Sentence, trigger: int) -> bool:
    """Two names joined by 'and' right before the trigger (as written, before anaphors are resolved)."""
    named = [m for m in ctx.mentions_in(s.text, s.start) if m.start - s.start < trigger and m.label != "Role"]
    return any(re.fullmatch(r"\s+(?:and|&)\s+", s.text[a.end - s.start:b.start - s.start]) is not None
               and not s.text[b.end - s.start:trigger].strip(" ,") for a, b in zip(named, named[1:], strict=False))


def list_owner(ctx: Context, intro: Sentence | None, heading: Block | None) -> tuple[Mention | None, str] | None:
    """A member list's owner and status, if the introducing sentence or the heading opens a member list."""
    if intro is not None:
        found = relations.list_frame(intro.text)
        if found is not None and found[0].type == "MEMBER_OF":
            mentions = [m for m in ctx.resolved(ctx.mentions_in(intro.text, intro.start)) if m.label in BODIES]
            # The intro names the body whose list it is ("Partners that contribute to the CSP are:"), or the
            # section is about it ("The partnership includes:", "In Sunderland, these are:").
            written = None if mentions else _written_lower(intro)
            if written is not None:
                ctx.register(written, "list:member_of")
            owner = mentions[0] if mentions else written or ctx.focus or ctx.subject
            return owner, relations.status_of(intro.text[:found[1].start()], intro.text)
    if heading is not None and intro is None:
        named = MEMBER_HEADING.fullmatch(heading.text.strip())
        if named is not None:
            # "Membership of the Eastbury Board": the heading names the owner; "Our partners": the section's body
            bodies = [m for m in ctx.resolved(ctx.mentions_in(heading.text, heading.start)) if m.label in BODIES]
            return (bodies[0] if bodies else ctx.focus or ctx.subject), "current"
    return None


LOWER_HEAD = re.compile(r"\b(?:[Tt]he |[Oo]ur )?((?:[A-Z][\w&'-]+ (?:and |& |of |for )?){1,5})"
                        r"(partnership|board|group|forum|panel|committee|network|alliance)\b")


def _written_lower(intro: Sentence) -> Mention | None:
    """ "The Safe Eastbury partnership includes:": a capitalised name with its head noun in lower case."""
    found = LOWER_HEAD.search(intro.text)
    if found is None or found.group(1).split()[0] in {"The", "This", "Our", "Its", "A", "An", "Each", "Every"}:
        return None
    head = found.group(2).capitalize()
    return Mention("Body", f"{found.group(1)}{head}", intro.start + found.start(1), intro.start + found.end(), head=head)


# A heading that opens a member list: "Membership", "Board members", "Our partners", "Non-statutory partners",
# "Partner organisations", "Who we are", "Membership of the Eastbury Board", "CSP membership".
MEMBER_HEADING = re.compile(
    r"(?:\d+(?:\.\d+)*\.?\s*)?(?:(?:the |our |its |current |other |core |key |main |statutory |non-statutory |"
    r"strategic |voting |board |partnership |group |(?!(?:elected|independent|lay|co-opted|political|youth|"
    r"public|individual|named) )[A-Z][\w&]*(?: [A-Z][\w&]*){0,5} )*"
    r"(?:members(?:hip)?|partners|partner (?:organisations|agencies)|member (?:organisations|agencies)|"
    r"responsible authorities)(?: of (?:the )?[A-Z][\w&]*(?: (?:and |of |for |& )?[A-Z][\w&]*){0,7})?|"
    r"who (?:we are|is involved|are (?:our|the) (?:members|partners)|sits on (?:the )?[\w ]{1,60}))\s*:?", re.I)


@rule("members-in-a-list", input="list", output="MEMBER_OF")
def members_in_list(ctx: Context, items: list[Block], intro: Sentence | None, heading: Block | None) -> bool:
    """Items under "Membership includes:" (or a "Membership" heading) are members of the intro's body."""
    found = list_owner(ctx, intro, heading)
    if found is None and intro is not None:
        # "The responsible authorities are:" / "Local authorities - district and county councils" / the list:
        # a short note between the intro and its list
        earlier = _intro_before_note(ctx, intro)
        if earlier is not None:
            intro, found = earlier, list_owner(ctx, earlier, None)
    if found is None:
        return False
    owner, status = found
    if owner is None:
        ctx.raw.findings.append(_no_owner(ctx, items[0], intro))
        return True
    owner_ref = ctx.ref_of(owner)
    taken: list[tuple[Ref, Block]] = []
    for item in items:
        if item.depth:
            continue
        text = re.split(r"\s+[-\u2013:]\s+|:\s", item.body, maxsplit=1)[0]
        for member in member_refs(ctx, text, item.body_start, "list:member_of", split_and=False)[:1]:
            if member != owner_ref:
                taken.append((member, item))
    if len(taken) >= 2 and sum(bool(STRUCTURE.search(ref.name)) for ref, _ in taken) * 2 > len(taken):
        return True  # "The Partnership consists of: the Strategic Board, the delivery groups ...": its structure
    # The owner named earlier in the intro's paragraph ("Community Safety Partnerships were set up ... the agencies
    # are:"): the evidence reaches back to that name, so a generic name keeps the identity it has there.
    back = owner.start if intro is not None and intro.block.start <= owner.start < intro.start else None
    for member, item in taken:
        ev = ctx.ev(item.body_start if back is None else back, item.end, "list:member_of")
        ctx.raw.rel("MEMBER_OF", member, owner_ref, ev, status=status)
    return True


# Heads of a body's own parts: a list mostly of these is how the body is organised, not who its members are.
STRUCTURE = re.compile(r"\b(?:groups?|sub-groups?|boards?|panels?|forums?|committees?|networks?|delivery)\b", re.I)


def _intro_before_note(ctx: Context, note: Sentence) -> Sentence | None:
    """The line before a short note without a verb, when that line ends with a colon."""
    if len(note.text.split()) > 8 or VERBISH.search(note.text) or note.text.rstrip().endswith(":"):
        return None
    before = ctx.doc.text[:note.block.start].rstrip()
    line_start = before.rfind("\n") + 1
    line = before[line_start:]
    if not line.strip().endswith(":"):
        return None
    lead = len(line) - len(line.lstrip())
    text = ctx.doc.text[line_start + lead:len(before)].replace("\u2019", "'")
    return Sentence(line_start + lead, len(before), text, note.block)


def _no_owner(ctx: Context, first: Block, intro: Sentence | None) -> Finding:
    where = intro if intro is not None else first
    ev = ctx.ev(where.start, where.end, "list-without-owner")
    return Finding(rule="list-without-owner", doc=ev.doc, line=first.line,
                   message="a member list whose body the text does not name", evidence=[ev])
