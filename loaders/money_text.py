"""Money stated in sentences: "£2m", "£1.5 million", "£250k", "approximately £...", "over £...", with who gives
("provided by X", "from X", "X has awarded"), who receives ("to X", "X will receive", "awarded to X", "X (£660,000)",
"X - £500") and the period ("in 2012/13", "for 2013-14"). Written as Allocation nodes, as tables are
(loaders/tables.py): amount_gbp, period, purpose, row_kind, with ALLOCATED_BY, ALLOCATED_TO and FROM_STREAM."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.model import Evidence
from loaders import relations, rules
from loaders.mentions import Mention
from loaders.raw import Ref
from loaders.structure import Block, Sentence

if TYPE_CHECKING:
    from loaders.rules.registry import Context, Walk

BODIES = relations.BODIES
SCALE = {"m": 1_000_000, "million": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "billion": 1_000_000_000,
         "k": 1_000, "thousand": 1_000}
AMOUNT = re.compile(r"(?P<qual>\b(?:approximately|approx\.?|around|about|over|more than|up to|in the region of|some|"
                    r"nearly|almost|just under|just over|at least|a total of|in excess of)\s+)?"
                    r"£\s?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<scale>million|billion|thousand|"
                    r"mn\b|bn\b|m\b|k\b)?", re.I)
MONEY_WORDS = re.compile(r"\b(?:fund\w*|grant\w*|allocat\w*|award\w*|receiv\w*|provid\w*|budget\w*|invest\w*|"
                         r"commission\w*|contribut\w*|distribut\w*|spend|spent|gives?|given|goes to|amount\w*|"
                         r"tranche|offer\w*|pot|costs?)\b|\u2013|-|\(|=", re.I)
GIVER_AFTER = re.compile(r"\b(?:provided|allocated|awarded|granted|given|funded|distributed|made available|"
                         r"contributed|committed)\b(?: [^.;:£]{0,40}?)? by (?:the )?$|\bfrom (?:the )?$", re.I)
GIVER_BEFORE = re.compile(r"\b(?:has|have|will|had|is to)? ?(?:awarded|allocated|provided|granted|distribute[ds]?|"
                          r"committed|invested|contributed|given|gave|announced)\b", re.I)
RECEIVER_BEFORE = re.compile(r"\b(?:receives?|received|receiving|will receive|is to receive|was awarded|were awarded|"
                             r"has been awarded|being awarded|is awarded|gets|got|was allocated|has been allocated|"
                             r"secured|been successful in applying for)\b[^£]{0,40}$", re.I)
RECEIVER_AFTER = re.compile(r"^[^£.;]{0,60}?\b(?:to|for|between|goes to|awarded to|allocated to|provided to|"
                            r"given to|made available to)\s+(?:the\s+)?(?:[\w'\u2019]+\s+){0,2}?$", re.I)
# "The allocation to Eastbury District for 2021/22 is £53,000": the recipient named before the amount.
ALLOCATION_TO = re.compile(r"\b(?:allocation|grant|award|contribution)\s+(?:to|for)\s+(?:the\s+)?"
                           r"(?P<who>[A-Z][\w'&-]*(?: (?:and |of |& )?[A-Z][\w'&-]*){0,6})"
                           r"(?:\s+(?:for|in)\s+[^£]{0,30}?)?\s+(?:is|was|will be|of)\s+(?:\w+\s+){0,3}$")
# "£502,992 to Lewisham (...)": a line of a grants list that begins with the amount and names who receives it.
AMOUNT_TO = re.compile(r"^\s*(?:[-*]\s*)?£[\d,.]+\s*(?:million|m|k)?\s+(?:to|for)\s+(?:the\s+)?[A-Z]")
# "Cleveland Mountain Rescue - £3,500", "MFC Kicks (MFC Foundation) - £86,000", "Birmingham (£660,000)"
LINE_ITEM = re.compile(r"^\s*(?:[-*>]\s+)?(?P<who>[A-Z][^£\n]{1,90}?)\s*(?:\((?P<inner>[^()£]*)\)\s*)?(?:[-\u2013:=]\s*£|\(£)")
# The verbs that make an amount a gift or a receipt ("has awarded £", "will receive £", "£ was given to"); an amount
# without one is a budget, a cost, a saving or a comparison ("for every £1 spent"), not an allocation.
GOVERNING = re.compile(r"\b(?:award(?:s|ed|ing)?|allocat(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|grant(?:s|ed)|gives?|"
                       r"given|gave|giving|distribut(?:e|es|ed|ing)|made available|commit(?:s|ted)|"
                       r"contribut(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|funds|funded|invest(?:s|ed)|gets|got|getting|"
                       r"secured|divided|shared|split|pays?|paid|transferr?(?:ed|s)?|passported)\b", re.I)
_NAME_WORD = r"(?:[A-Z0-9][\w'&.-]*|and|of|for|the|in|on|&)"
NAME_WORDS = re.compile(rf"^{_NAME_WORD}(?: {_NAME_WORD})*$")


@dataclass(frozen=True)
class Amount:
    value: int
    start: int  # in the sentence
    end: int
    qualifier: str | None


def amounts(text: str) -> list[Amount]:
    """Sums of money in `text`, in pounds; percentages and rates ("£5 per head") are not allocations."""
    out = []
    for match in AMOUNT.finditer(text):
        after = text[match.end():match.end() + 20]
        if re.match(r"\s*(?:per|a|an|each)\s+(?:head|person|hour|week|day|month|year|resident)\b|\s*%", after, re.I):
            continue
        value = float(match.group("num").replace(",", ""))
        scale = (match.group("scale") or "").lower()
        value *= SCALE.get(scale, 1)
        qualifier = match.group("qual").strip().lower() if match.group("qual") else None
        out.append(Amount(int(round(value)), match.start(), match.end(), qualifier))
    return out


def period_near(text: str, amount: Amount) -> str | None:
    """The period of one amount: the nearest period after it in its clause ("£272,664 in FY 2023/24"), else the
    sentence's; two periods joined ("across 2023/24 and 2024/25") span both years."""
    bracket = re.match(r"[^()£]{0,60}\(([^)]*)\)", text[amount.end:])
    if bracket is not None:  # "£502,992 to Lewisham (£272,664 in 2023/24 and £230,328 in 2024/25)": both years
        spanned = _span(re.findall(r"\b((?:19|20)\d{2})\s*[/-]\s*(\d{2,4})\b", bracket.group(1)))
        if spanned is not None:
            return spanned
    clause_end = re.search(r"[;()]|\band\b", text[amount.end:])
    near = text[amount.end:amount.end + (clause_end.start() if clause_end else 40)]
    if rules.period_of(near):
        return rules.period_of(near)
    years = re.findall(r"\b((?:19|20)\d{2})\s*[/-]\s*(\d{2,4})\b", text)
    if re.search(r"\b(?:across|over|between|from)\b", text, re.I) and _span(years) is not None:
        return _span(years)
    found = rules.period_of(text)
    if found:
        return found
    year = re.search(r"\b(?:in|for|during)\s+((?:19|20)\d{2})\b", text)
    return year.group(1) if year else None


def _span(years: list[tuple[str, str]]) -> str | None:
    """Two financial years or more ("2023/24", "2024/25") as one span from April to March."""
    if len(years) < 2:
        return None
    first, last = years[0], years[-1]
    end_year = last[1] if len(last[1]) == 4 else last[0][:2] + last[1][-2:]
    return f"{first[0]}-04/{end_year}-03"


def sentence_money(ctx: Context, s: Sentence, mentions: list[Mention]) -> None:
    """Allocations stated in one sentence (or one "Recipient - £500" line)."""
    text = s.text
    found = amounts(text)
    bodies = [m for m in mentions if m.label in BODIES]
    if not (MONEY_WORDS.search(text) or AMOUNT_TO.match(text)):
        return
    giver = _giver(text, s.start, bodies) if found or GOVERNING.search(text) else None
    if giver is not None:
        ctx.funder = giver  # "The amounts to be granted by NSPO will be:" names the giver of the lines below
    if not found:
        return
    streams = [m for m in mentions if m.label == "FundingStream"]
    governed = GOVERNING.search(text) is not None or AMOUNT_TO.match(text) is not None
    whole: tuple[Ref, Ref, bool, Amount] | None = None  # the last allocation written: ref, receiver, flow, amount
    for index, amount in enumerate(found):
        payer = giver if giver is not None else ctx.funder or ctx.default_funder
        if _is_part_of(text, whole[3] if whole is not None else None, amount):
            # "£502,992 to Lewisham (£272,664 in 2023/24 and £230,328 in 2024/25)": the parts are its periods,
            # written as its breakdown (counted once, as the whole)
            if whole is not None:
                part = _write(ctx, s, amount, period_near(text, amount), payer, whole[1], streams, whole[2])
                ctx.raw.rel("BREAKDOWN_OF", part, whole[0], ctx.ev(s.start, s.end, "rule:money-in-a-sentence"))
            continue
        before = text[:amount.start]
        receipt = RECEIVER_BEFORE.search(before) is not None
        named_before = ALLOCATION_TO.search(before)
        if not (governed or receipt or named_before or _is_list_item(text, amount)):
            whole = None
            continue  # "the annual budget is £140,000", "for every £1 spent": nobody gives or receives it
        low = found[index - 1].end if index else 0
        receiver = _receiver(ctx, text, s.start, bodies, amount, low)
        if receiver is None and named_before is not None and named_before.start("who") >= low:
            receiver = _named_or_mention(ctx, bodies, named_before.group("who"), s.start + named_before.start("who"))
        if receiver is None:
            whole = None
            continue  # a sum with no recipient is a budget or a total, not an allocation
        if receipt and payer is not None and ctx.ref_of(payer) == receiver:
            # "the Home Office confirmed that Eastshire Council had been successful in applying for £X": a body
            # does not give to itself; the other body the sentence names is the giver
            payer = next((m for m in bodies if ctx.ref_of(m) != receiver), None)
        whole = (_write(ctx, s, amount, period_near(text, amount), payer, receiver, streams, receipt), receiver,
                 receipt, amount)


def _is_list_item(text: str, amount: Amount) -> bool:
    """A line of a grants list ("Westbury Mountain Rescue - £3,500") or a bracketed share ("Birmingham (£660,000)"):
    the list's heading says what the sums are, so no verb is needed."""
    return LINE_ITEM.match(text) is not None or re.search(r"\(\s*(?:approximately\s+)?$", text[:amount.start]) is not None


def _is_part_of(text: str, whole: Amount | None, amount: Amount) -> bool:
    """An amount in brackets opened after a whole ("£502,992 to Lewisham (£272,664 in 2023/24 and £230,328 in
    2024/25)"); "Birmingham (£660,000), Coventry (£165,000)" closes each bracket, so each is its own."""
    if whole is None:
        return False
    between = text[whole.end:amount.start]
    return "(" in between and ")" not in between


def _giver(text: str, offset: int, bodies: list[Mention]) -> Mention | None:
    for m in bodies:
        before = text[:m.start - offset]
        if GIVER_AFTER.search(before):
            return m
    first_verb = GIVER_BEFORE.search(text)
    if first_verb is not None:
        agents = [m for m in bodies if m.end - offset <= first_verb.start()]
        if agents and not RECEIVER_BEFORE.search(text[:first_verb.end()]):
            return agents[0]
    return None


def _receiver(ctx: Context, text: str, offset: int, bodies: list[Mention], amount: Amount, low: int = 0) -> Ref | None:
    """Who receives one amount; `low` is where the previous amount ended, as a name before it receives that one
    ("Sefton Council being awarded £374,000, Knowsley receiving £204,000")."""
    before = text[:amount.start]
    provided_with = re.search(r"\b(?:provided|gave|awarded|granted|supplied)\s+(?:the\s+)?(?P<who>.+?)\s+with\s*$", before)
    if provided_with is not None:
        named = [m for m in bodies if m.start - offset >= provided_with.start("who") and m.end - offset <= amount.start]
        if named:
            return ctx.ref_of(named[0])  # "the Joint Committee provided the PCSP with £761,520"
    receipt = RECEIVER_BEFORE.search(before)
    if receipt:
        named = [m for m in bodies if low <= m.start - offset and m.end - offset <= amount.start]
        if named:
            return ctx.ref_of(named[-1])
        if low:  # "..., Knowsley receiving £204,000": a place or a name without a head, in this amount's clause
            headless = re.search(r"([A-Z][\w'&-]*(?: (?:and |of |& )?[A-Z][\w'&-]*){0,5})\s+$", before[:receipt.start()])
            if headless is not None and headless.start(1) >= low:
                return _named(ctx, headless.group(1), offset + headless.start(1))
            return None
    after = text[amount.end:]
    for m in bodies:
        gap_start = m.start - offset
        if gap_start >= amount.end and RECEIVER_AFTER.match(text[amount.end:gap_start]):
            return ctx.ref_of(m)
    to_place = re.match(r"\s*(?:\w+\s+){0,3}?(?:to|for) (?:the )?([A-Z][\w'&-]+(?: [A-Z][\w'&-]+){0,3})", after)
    if to_place is not None:
        return _named(ctx, to_place.group(1), offset + amount.end + to_place.start(1))
    bracketed = re.search(r"([A-Z][\w'&-]*(?: (?:and |of |& )?[A-Z][\w'&-]*){0,5})\s*\(\s*(?:approximately\s+)?$", before)
    if bracketed is not None:  # "Birmingham (£660,000), Coventry (£165,000)"
        named = [m for m in bodies if m.start - offset == bracketed.start(1)]
        return ctx.ref_of(named[0]) if named else _named(ctx, bracketed.group(1), offset + bracketed.start(1))
    line = LINE_ITEM.match(text)
    if line is not None and line.end() - 1 <= amount.start + 1 and NAME_WORDS.match(line.group("who").strip()):
        inner = line.group("inner")
        who, start = line.group("who"), line.start("who")
        if inner:  # "Diwali Festival (organised by Eastbury Arts Ltd)": the organiser receives it
            inner = re.sub(r"^(?:organised by|run by|delivered by|led by)\s+", "", inner.strip())
        if inner and re.match(r"[A-Z]", inner) and not re.fullmatch(r"[A-Z]{2,6}", inner.strip()):
            who, start = inner, line.start("inner") + line.group("inner").find(inner)
        named = [m for m in bodies if offset + start <= m.start < offset + start + len(who)]
        if named:
            return ctx.ref_of(named[0])
        return _named(ctx, who.strip().rstrip(",:"), offset + start)
    return None


def _named_or_mention(ctx: Context, bodies: list[Mention], name: str, start: int) -> Ref | None:
    """The body a name in the sentence is (a mention starting there), else the name as written."""
    named = [m for m in bodies if m.start == start]
    return ctx.ref_of(named[0]) if named else _named(ctx, name, start)


def _named(ctx: Context, name: str, start: int) -> Ref | None:
    """A receiver the mention finder does not know: a place ("to Lewisham") or an organisation without a head."""
    name = re.sub(r"\s+", " ", name).strip()
    if not name or len(name.split()) > 8 or relations.grammar().negation.search(name):
        return None
    area = ctx.area_of(name)
    ev = ctx.ev(start, start + len(name), "rule:money-in-a-sentence")
    if area is not None:
        ref = Ref("Area", area)
        ctx.raw.node(ref, ev)
        return ref
    ref = Ref("Body", name)
    ctx.raw.node(ref, ev, kind="organisation")
    return ref


def giver_ref(ctx: Context, payer: Mention, ev: Evidence) -> Ref:
    """Who gives, as a ref: "The PCC awarded" is the one body named whose initials PCC are; an acronym the
    document has not defined nor spelled out ("MOPAC has granted") is the organisation as the document names it,
    as an abbreviated member is (loaders.resolve)."""
    ref = ctx.spelled_out(payer)
    if ref.label != "Acronym":
        return ref
    if payer.name in ctx.defined or payer.name.rstrip("s") in ctx.defined:
        return ref  # defined in the document: the resolver knows whose it is
    body = Ref("Body", payer.name)
    ctx.raw.node(body, ev, kind="organisation")
    return body


def _write(ctx: Context, s: Sentence, amount: Amount, period: str | None, payer: Mention | None,
           receiver: Ref | None, streams: list[Mention], receipt: bool) -> Ref:
    start = s.start + amount.start
    ref = Ref("Allocation", f"allocation-{ctx.doc.id[:3]}-p{start}")
    ev = ctx.ev(s.start, s.end, "rule:money-in-a-sentence")
    purpose = re.sub(r"\s+", " ", s.text)[:200]
    # flow as loaders.tables writes it: "X will receive £" is a receipt of X, "£ to X" an allocation to X.
    ctx.raw.node(ref, ev, amount_gbp=amount.value, period=period, purpose=purpose, row_kind="item",
                 flow="receipt" if receipt else "allocation",
                 note=f"{amount.qualifier} the amount" if amount.qualifier else None)
    if payer is not None:
        ctx.raw.rel("ALLOCATED_BY", ref, giver_ref(ctx, payer, ev), ev)
    if receiver is not None:
        ctx.raw.rel("ALLOCATED_TO", ref, receiver, ev)
    stream = Ref("FundingStream", streams[0].name) if streams else ctx.stream_context
    if stream is not None:
        ctx.raw.rel("FROM_STREAM", ref, stream, ev)
    return ref


# A grants list written as labelled fields, one record per grant: "Recipient: Westbury Youth Club" and
# "2019/20 Allocation: £1,500", or "Amount:" / "£40,000" / "Who received the funding:" / "Eastbury Council" (the
# value on the line after its label), with an optional "Purpose:".
RECIPIENT_FIELD = re.compile(r"^\s*(?:recipient(?: organisation)?|who received the funding|awarded to|grant recipient|"
                             r"funded organisation|organisation funded)\s*:\s*(?P<value>.*?)\s*$", re.I)
AMOUNT_FIELD = re.compile(r"^\s*(?P<period>(?:19|20)\d{2}\s*[/-]\s*\d{2,4}\s+)?(?:amount(?: awarded| allocated)?|"
                          r"allocation|grant(?: awarded)?|award|funding awarded|total awarded)(?: \(£\))?\s*:\s*"
                          r"(?P<value>.*?)\s*$", re.I)
PURPOSE_FIELD = re.compile(r"^\s*(?:purpose|project|reason)\s*:\s*(?P<value>.*?)\s*$", re.I)
FIGURE = re.compile(r"^\s*£?\s?(?P<num>\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{2})?\s*$")
# A fund named as the recipient ("Domestic Homicide Review Fund") is what the money is for, not who gets it.
A_FUND = re.compile(r"\b(?:Fund|Grant|Programme|Budget|Pot)\s*$")


@dataclass
class _Field:
    value: str
    start: int
    end: int


def _field(blocks: list[Block], index: int, pattern: re.Pattern[str]) -> tuple[_Field, int] | None:
    """A field's value on its own line, or on the next block when the label line ends at its colon."""
    block = blocks[index]
    match = pattern.match(block.text)
    if match is None:
        return None
    value = match.group("value")
    if value:
        start = block.start + match.start("value")
        return _Field(value, start, start + len(value)), index
    if index + 1 < len(blocks):
        nxt = blocks[index + 1]
        text = nxt.text.strip()
        lead = len(nxt.text) - len(nxt.text.lstrip())
        if text and not text.endswith(":"):
            return _Field(text, nxt.start + lead, nxt.start + lead + len(text)), index + 1
    return None


def money_records(ext: Walk, blocks: list[Block]) -> None:
    """Grants listed as labelled records: one Allocation per record that states both an amount and a recipient,
    from the commissioner the document names (or the last giver a sentence named), for the period the amount's
    label or the latest heading before it states."""
    record: dict[str, _Field] = {}
    period: str | None = None
    heading_period: str | None = None
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.kind == "heading" and rules.period_of(block.text) and AMOUNT_FIELD.match(block.text) is None:
            heading_period = rules.period_of(block.text)
        for key, pattern in (("recipient", RECIPIENT_FIELD), ("amount", AMOUNT_FIELD), ("purpose", PURPOSE_FIELD)):
            found = _field(blocks, i, pattern)
            if found is None:
                continue
            if key in record and key != "purpose":
                record = {}  # a new record began before the last one was complete
            record[key] = found[0]
            if key == "amount":
                label = AMOUNT_FIELD.match(block.text)
                period = rules.period_of(label.group("period") or "") if label else None
            i = found[1]
            break
        if "recipient" in record and "amount" in record:
            _write_record(ext, record, period or heading_period)
            record, period = {}, None
        i += 1


def _write_record(ext: Walk, record: dict[str, _Field], period: str | None) -> None:
    amount, recipient = record["amount"], record["recipient"]
    figure = FIGURE.match(amount.value)
    if figure is None:
        return
    value = int(figure.group("num").replace(",", ""))
    start, end = min(amount.start, recipient.start), max(amount.end, recipient.end)
    ev = ext.ev(start, end, "rule:money-record")
    ref = Ref("Allocation", f"allocation-{ext.doc.id[:3]}-p{amount.start}")
    purpose = record.get("purpose")
    ext.raw.node(ref, ev, amount_gbp=value, period=period, row_kind="item", flow="allocation",
                 purpose=re.sub(r"\s+", " ", purpose.value)[:200] if purpose is not None else recipient.value[:200])
    payer = ext.funder or ext.default_funder
    if payer is not None:
        ext.raw.rel("ALLOCATED_BY", ref, giver_ref(ext, payer, ev), ev)
    if ext.stream_context is not None:
        ext.raw.rel("FROM_STREAM", ref, ext.stream_context, ev)
    if A_FUND.search(recipient.value):
        return
    named = [m for m in ext.mentions_in(recipient.value, recipient.start) if m.label in BODIES]
    receiver = ext.register(named[0], "rule:money-record") if named and named[0].start == recipient.start else None
    if receiver is None:
        receiver = _named(ext, recipient.value, recipient.start)
    if receiver is not None:
        ext.raw.rel("ALLOCATED_TO", ref, receiver, ev)
