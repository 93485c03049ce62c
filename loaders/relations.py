"""The relations stage: the grammar of governance statements (loaders/grammar.yaml) applied to one sentence's
mentions. A frame is a trigger with a relationship type and a voice; modality (will, proposed, should) and
negation are features of the clause before the trigger, never of one sentence. Pure: mentions in, candidates out."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from loaders.mentions import Mention

BODIES = frozenset({"Body", "Acronym"})
THINGS = BODIES | {"Programme", "FundingStream"}


@dataclass(frozen=True)
class Frame:
    type: str
    voice: str  # active: start before the trigger; passive: start after it
    objects: frozenset[str]
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class ListFrame:
    type: str
    owner: str  # subject | object
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    frame: Frame


@dataclass(frozen=True)
class Candidate:
    """A line the grammar reads in a sentence, before it is written as a raw relationship."""

    type: str
    start: Mention
    end: Mention
    status: str
    valid_from: str | None = None


@dataclass(frozen=True)
class Grammar:
    frames: tuple[Frame, ...]
    members: re.Pattern[str]
    lists: tuple[ListFrame, ...]
    proposed: re.Pattern[str]
    planned: re.Pattern[str]
    proposed_sentence: re.Pattern[str]
    negation: re.Pattern[str]


def _words(alternatives: list[str]) -> re.Pattern[str]:
    # A trigger ends at a word's end, or after the space its last optional words leave ("comprising ").
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")(?:(?<=\s)|(?![\w-]))", re.I)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The grammar file, compiled once."""
    data: dict[str, Any] = yaml.safe_load(resources.files("loaders").joinpath("grammar.yaml").read_text("utf-8"))
    frames = []
    for spec in data["sentences"]:
        objects = THINGS if spec.get("objects") == "things" or spec["type"] in {"OVERSEES", "COMMISSIONS"} else BODIES
        if spec.get("objects") == "bodies-or-roles":
            objects = BODIES | {"Role"}
        frames.append(Frame(spec["type"], spec.get("voice", "active"), objects, _words(spec["triggers"])))
    lists = tuple(ListFrame(spec["type"], spec.get("owner", "subject"), _words(spec["triggers"]))
                  for spec in data["lists"])
    modality = data["modality"]
    negation = "|".join(re.escape(w) if w == "n't" else rf"\b{re.escape(w)}\b" for w in data["negation"])
    return Grammar(
        frames=tuple(frames), members=_words(data["members"]), lists=lists,
        proposed=_words([re.escape(w) for w in modality["proposed"]]),
        planned=_words([re.escape(w) for w in modality["planned"]]),
        proposed_sentence=_words([re.escape(w) for w in modality["proposed_sentence"]]),
        negation=re.compile(rf"(?:{negation})(?:\s+\w+){{0,3}}\s*$", re.I))


@lru_cache(maxsize=4096)
def hits(text: str) -> tuple[Hit, ...]:
    """Every trigger in `text`, in text order; where two frames could start at one place the first in the
    grammar wins. Cached: the subject finder and the relations ask for the same sentence."""
    frames = grammar().frames
    found = []
    for match in _all_triggers().finditer(text):
        index = int(match.lastgroup[1:]) if match.lastgroup else 0
        found.append(Hit(match.start(), match.end(), frames[index]))
    return tuple(found)


@lru_cache(maxsize=1)
def _all_triggers() -> re.Pattern[str]:
    """One pattern for every frame (one scan per sentence instead of one per frame)."""
    parts = [f"(?P<f{i}>{frame.pattern.pattern})" for i, frame in enumerate(grammar().frames)]
    return re.compile("|".join(parts), re.I)


def status_of(before: str, sentence: str) -> str:
    """current, planned or proposed from the modal words in the clause before a trigger."""
    g = grammar()
    window = before[-60:]
    if g.proposed_sentence.match(sentence.lstrip()) or re.search(r"\bshould be established\b", sentence, re.I):
        return "proposed"
    if g.proposed.search(window):
        return "proposed"
    if g.planned.search(window):
        return "planned"
    return "current"


def negated(before: str) -> bool:
    """"does not report to", "has no direct responsibility for": the clause denies the line."""
    return grammar().negation.search(before) is not None


def list_frame(intro: str) -> tuple[ListFrame, re.Match[str]] | None:
    """The list frame an introducing sentence opens ("Membership includes:", "The sub-groups are:")."""
    for frame in grammar().lists:
        match = frame.pattern.search(intro)
        if match is not None:
            return frame, match
    return None


CLAUSE_END = re.compile(r",?\s+(?:which|who|whose|where|that|should|will|to drive|to ensure|in order)\b|;|\s-\s(?=[a-z])")
LIST_SUBJECT = re.compile(r"\b(?:two|three|four|five|six|several|a number of)\s+(?:\w+\s+){0,2}"
                          r"(?:groups|boards|forums|sub-groups)\b", re.I)
CONTRACT_AWARDED = re.compile(r"\b(?:contract|tender)s?\b[^.;:]{0,80}?\b(?:was |were |has been |have been |is |are |will be )?"
                              r"awarded to (.+?),? by (.+)$", re.I)
# "Governance of X is provided by Y", "scrutiny of X, which is discharged by Y": Y oversees X.
GOVERNANCE_BY = re.compile(r"\b(?:[Gg]overnance|[Ss]crutiny|[Oo]versight) of (.+?),? (?:which )?(?:will be |is |are )?"
                           r"(?:provided|discharged|carried out|undertaken|exercised) by (.+)$")


def sentence_candidates(text: str, offset: int, mentions: list[Mention], subject: Mention | None,
                        anaphor_target: Mention | None = None) -> list[Candidate]:
    """Lines stated in one sentence (clean text starting at document `offset`), with `subject` the body the
    sentence is about (named or resolved). `anaphor_target` stands for "the partnership" when nothing is named."""
    out = _governance_by(text, offset, mentions) + _contract_awarded(text, offset, mentions)
    found = hits(text)
    for index, hit in enumerate(found):
        if negated(text[:hit.start]):
            continue
        stop = found[index + 1].start if index + 1 < len(found) else len(text)
        if hit.frame.voice == "passive":
            out.extend(_passive(text, offset, mentions, hit))
        else:
            out.extend(_active(text, offset, mentions, subject, hit, stop, anaphor_target))
    return out


def _contract_awarded(text: str, offset: int, mentions: list[Mention]) -> list[Candidate]:
    """"The contract was awarded to X by Y": Y commissions X."""
    awarded = CONTRACT_AWARDED.search(text)
    if awarded is None or negated(text[:awarded.start(1)]):
        return []
    holders = [m for m in mentions if awarded.start(1) <= m.start - offset < awarded.end(1) and m.label in BODIES]
    givers = [m for m in mentions if m.start - offset >= awarded.start(2) and m.label in BODIES]
    if not holders or not givers or givers[0].start - offset > awarded.start(2) + 5:
        return []
    return [Candidate("COMMISSIONS", givers[0], holders[0], status_of(text[:awarded.start()], text))]


def _governance_by(text: str, offset: int, mentions: list[Mention]) -> list[Candidate]:
    """"Governance of X is provided by Y", "scrutiny of X ... is discharged by Y": Y oversees X."""
    inverted = GOVERNANCE_BY.search(text)
    if inverted is None:
        return []
    things = [m for m in mentions if inverted.start(1) <= m.start - offset < inverted.end(1) and m.label in THINGS]
    givers = [m for m in mentions if m.start - offset >= inverted.start(2) and m.label in BODIES]
    if not things or not givers:
        return []
    return [Candidate("OVERSEES", givers[0], things[0], status_of(text[:inverted.start(2)], text))]


def _passive(text: str, offset: int, mentions: list[Mention], hit: Hit) -> list[Candidate]:
    """"Y is overseen by X", "Y receives reports from X": the doer follows the trigger, the thing precedes it."""
    doers = [m for m in mentions if m.label in BODIES and m.start - offset >= hit.end]
    things = [m for m in mentions if m.label in hit.frame.objects and m.end - offset <= hit.start]
    if not doers or not things or not re.fullmatch(r"\s*(?:the|a|an|its|their)?\s*", text[hit.end:doers[0].start - offset]):
        return []
    clause = text[things[-1].end - offset:hit.start]
    if REDUCED_RELATIVE.search(text[hit.start:hit.end]) and not ADJACENT_THING.fullmatch(clause):
        return []  # "a work stream ... with a focus on alcohol misuse overseen by X": the participle hangs on the nearest noun
    if re.search(r"[.;]|\b(?:and|but|whilst|while)\s", clause) or len(clause) > 120:
        if hit.frame.type != "MERGED_INTO" or not relations_clause(clause):
            return []  # the thing belongs to another clause
    # "a merger of the A and B": every doer in one list after the trigger
    doers = contiguous(doers, text, offset, hit.end) if hit.frame.type == "MERGED_INTO" else doers[:1]
    status = status_of(text[:hit.start], text)
    return [Candidate(hit.frame.type, doer, things[-1], status) for doer in doers if doer.name != things[-1].name]


# A participle with no auxiliary before it ("overseen by", "commissioned by") is a reduced relative clause: it says
# something of the noun right before it, so a named thing further back belongs to another clause.
REDUCED_RELATIVE = re.compile(r"^(?!(?:is|are|was|were|be|been|being|will|has|have)\b)(?:\w+ )*\w+(?:ed|en) (?:\w+ )?by$",
                              re.I)
ADJACENT_THING = re.compile(r"\s*(?:\([A-Z][A-Za-z&]{1,9}s?\))?\s*,?\s*")


def relations_clause(clause: str) -> bool:
    """", which represented a": a relative clause joins the thing to its trigger."""
    return re.fullmatch(r",?\s*(?:which|that|who)\s+", clause) is not None


def _active(text: str, offset: int, mentions: list[Mention], subject: Mention | None, hit: Hit, stop: int,
            anaphor_target: Mention | None) -> list[Candidate]:
    a, b, rel_type = hit.start, hit.end, hit.frame.type
    objects_end = stop
    colon = text.find(":", b, stop)
    after_colon: list[Mention] = []
    if colon != -1:
        objects_end = colon
        after_colon = [m for m in mentions if m.start - offset > colon and m.label in BODIES]
    boundary = CLAUSE_END.search(text, b)
    if boundary is not None and boundary.start() < objects_end:
        objects_end = boundary.start()
    objects = contiguous([m for m in mentions if b <= m.start - offset < objects_end and m.label in hit.frame.objects],
                         text, offset, b)
    if rel_type == "REPORTS_TO" and not objects and anaphor_target is not None and re.match(
            r"\s*the (?:full |whole |wider )?partnership\b", text[b:], re.I):
        objects = [Mention("Body", anaphor_target.name, offset + b, offset + b + 16, head=anaphor_target.head)]
    if not objects and re.search(r"\b(?:its|their)\b", text[a:b], re.I):
        # "The CSP oversees the JAG, which is its tactical arm": the possessive names the whole, the clause the part
        hung = relative_clause_subject(text, offset, mentions, a, right_before=True)
        if hung is None or subject is None or hung.name == subject.name:
            return []
        return [Candidate(rel_type, hung, subject, status_of(text[:a], text))]
    if not objects:
        return []
    status = status_of(text[:a], text)
    subjects: list[Mention] = []
    if after_colon and (subject is None or subject.start - offset > a or LIST_SUBJECT.search(text[:a])):
        subjects = after_colon  # "two groups that report to the SLP: The DACG ..., and the CJSCG"
    elif rel_type == "MERGED_INTO" and "merge with" in text[a:b].lower():
        before = [m for m in mentions if m.start - offset < a and m.label in BODIES]
        inside = [m for m in mentions if a <= m.start - offset < b and m.label in BODIES]
        subjects = before[-1:] + inside
        objects = objects[:1]
    elif rel_type == "MERGED_INTO" and (re.search(r"\bto (?:form|create|become)$", text[a:b], re.I) or len(
            preceding_list(text, offset, mentions, a)) >= 2):
        subjects = preceding_list(text, offset, mentions, a)  # "A and B have merged to form C", "A and B merged into C"
        objects = objects[:1]
    elif text[a:b].lower().startswith("as ") and (named := body_right_before(text, offset, mentions, a)) is not None:
        subjects = [named]  # "the Council has established the Board as a committee of the Council"
    elif (hung := relative_clause_subject(text, offset, mentions, a, right_before=True)) is not None:
        subjects = [hung]  # "... to the Staying Healthy group which is sub-group of the X Board"
    elif LIST_SUBJECT.search(text[max(0, a - 60):a]):
        return []  # "five key theme groups that report to ...": the list that follows names them
    elif subject is not None:
        subjects = [subject]
    return [Candidate(_whole_or(rel_type, text, offset, obj), subj, obj, status) for subj in subjects for obj in objects
            if obj is not subj and obj.name != subj.name]


def _whole_or(rel_type: str, text: str, offset: int, obj: Mention) -> str:
    """"provides strategic direction to the wider City Partnership": a body steering "the wider" one is a part of it,
    not its overseer."""
    if rel_type == "OVERSEES" and re.search(r"\bthe wider\s+$", text[max(0, obj.start - offset - 12):obj.start - offset],
                                            re.I):
        return "PART_OF"
    return rel_type


def relative_clause_subject(text: str, offset: int, mentions: list[Mention], before: int,
                            right_before: bool = False) -> Mention | None:
    """"... the Substance Misuse Partnership Board (SMPB) which is a partnership comprising officers from ...":
    the line belongs to the body the relative clause hangs on, not to the sentence's subject. With
    `right_before`, the clause must end at `before` ("X which is a sub-group of ...", "X which sits within Y")."""
    if right_before:
        clause = re.search(r",?\s*\b(?:which|who|that)\s+(?:(?:is|are|will be|would be)(?:\s+now)?\s*|(?:now\s+)?)$"
                           r"|,?\s*\(\s*$", text[:before])  # or a bracket in apposition: "X (a sub-group of Y)"
        if clause is None:
            return None
    else:
        clauses = list(re.finditer(r",?\s*\b(?:which|who)\b", text[:before]))
        if not clauses:
            return None
        clause = clauses[-1]
    named = [m for m in mentions if m.label in BODIES and m.end - offset <= clause.start()]
    if not named:
        return None
    gap = text[named[-1].end - offset:clause.start()]
    return named[-1] if re.fullmatch(r"\s*(?:\([A-Z][A-Za-z&]{1,9}\))?\s*", gap) else None


def body_right_before(text: str, offset: int, mentions: list[Mention], before: int) -> Mention | None:
    """The body whose name ends right before `before` (an acronym in brackets aside)."""
    named = [m for m in mentions if m.label in BODIES and m.end - offset <= before]
    if named and re.fullmatch(r"\s*(?:\([A-Z][A-Za-z&]{1,9}\))?\s*", text[named[-1].end - offset:before]):
        return named[-1]
    return None


def preceding_list(text: str, offset: int, mentions: list[Mention], before: int) -> list[Mention]:
    """The bodies of the one list that ends right before `before` ("The A, the B and the C have merged")."""
    out: list[Mention] = []
    end = before
    for m in reversed([m for m in mentions if m.label in BODIES and m.end - offset <= before]):
        gap = text[m.end - offset:end]
        if not re.fullmatch(r"\s*(?:\([A-Z][A-Za-z&]{1,9}s?\))?[\s,]*(?:(?:and|&)\s+)?(?:the\s+)?"
                            if out else r"\s*(?:\([A-Z][A-Za-z&]{1,9}s?\))?\s*(?:have|has|had|will|would)?\s*", gap, re.I):
            break
        out.insert(0, m)
        end = m.start - offset
        if not re.search(r"(?:,|\band|&)\s*(?:the\s+)?$", text[:end], re.I):
            break  # the list's first name: nothing joins it to a name before
    return out


def contiguous(objects: list[Mention], text: str, offset: int, trigger_end: int) -> list[Mention]:
    """Objects of one trigger form one list: stop at the first one separated from the last by other words."""
    out: list[Mention] = []
    previous_end = offset + trigger_end
    for m in objects:
        gap = text[previous_end - offset:m.start - offset]
        if out and not re.fullmatch(r"\s*(?:\([A-Z][A-Za-z&]{1,9}s?\))?[\s,]*(?:in (?:the )?\w+(?: \w+)?)?[\s,]*"
                                    r"(?:and|&|or|as well as)?\s*(?:the|its|their|each|both)?\s*", gap, re.I):
            break
        if not out and (len(gap) > 60 or re.search(r"\b(?:through|via)\b", gap)):
            break  # "has oversight of ... the project through the Board": the Board is the means, not the object
        out.append(m)
        previous_end = m.end
    return out
