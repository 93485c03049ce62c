"""Anaphora: what a clause's subject stands for when it names nothing. A pronoun or a definite description right
before a trigger ("Whilst it is led by ...", "The project is being led by ...") stands for the body in focus or the
section's programme; a counted plural ("All four Boards have ...", "Both Boards ...", "The two partnerships ...")
stands for the bodies of that head noun that the paragraph has named, when their number matches. Pure: text and
the walk's memory in, referents out (loaders.extract keeps the memory)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.mentions import Mention, initials
from loaders.structure import COUNT_WORD, count_of

# "the Police", "the Constabulary": with no referent, the force of the place the text is in.
PLACE_FORCES = frozenset({"Police", "Constabulary"})
BODY_NOUNS = ("group", "board", "partnership", "forum", "panel", "committee", "network", "alliance", "trust",
              "team", "service", "executive")
PROGRAMME_NOUNS = ("project", "programme", "scheme", "initiative", "pilot")
AUXILIARIES = r"(?:(?:is|are|was|were|has|have|had|will|would|shall|may|be|been|being|also|currently|now|jointly)\s+)*"
# The subject right before a trigger: at the sentence's start or after a conjunction opening a clause.
CLAUSE_SUBJECT = re.compile(
    r"(?:^\s*|\b(?:whilst|while|although|though|as|since|because|where|and|but|so|however,?)\s+|[,;]\s*)"
    rf"(?P<np>it|the (?P<noun>{'|'.join(BODY_NOUNS + PROGRAMME_NOUNS)}))\s+{AUXILIARIES}$", re.I)
# A counted plural opening a sentence: "All four Boards", "Each of the three groups", "Both Boards", "The two CSPs".
PLURAL_SUBJECT = re.compile(
    r"\s*(?:(?:all|each of the|all of the|the|these|those)\s+(?P<count>" + COUNT_WORD + r")"
    r"|(?P<both>both)(?:\s+(?:the|of the))?)\s+(?P<noun>[A-Za-z-]+s)\b", re.I)


@dataclass(frozen=True)
class Antecedent:
    """A body the paragraph named: the mention, where its sentence starts, and the head noun it stands for."""

    mention: Mention
    sentence_start: int
    head: str
    place: str = ""


@dataclass
class Memory:
    """What anaphors may point back to: the bodies of the paragraph being walked (with the place each sentence is
    about), the programmes of the section, and the head noun of each acronym's body."""

    paragraph: list[Antecedent] = field(default_factory=list)
    programmes: list[Mention] = field(default_factory=list)
    acronym_heads: dict[str, str] = field(default_factory=dict)

    def new_paragraph(self) -> None:
        self.paragraph = []

    def new_section(self) -> None:
        self.paragraph = []
        self.programmes = []

    def saw(self, mentions: list[Mention], sentence_start: int, place: str = "") -> None:
        """Remember a sentence's bodies and programmes (the mentions as written, before anaphors are resolved)."""
        for m in mentions:
            if m.label == "Body" and m.acronym:
                self.acronym_heads[m.acronym] = m.head
            if m.label == "Programme":
                self.programmes.append(m)
            head = m.head if m.label == "Body" else self.acronym_heads.get(m.name.rstrip("s")) \
                if m.label == "Acronym" else None
            if head:
                self.paragraph.append(Antecedent(m, sentence_start, head, place))


def singular(noun: str) -> str:
    """"Boards" -> "board", "Bodies" -> "body", "CSPs" -> "csp"."""
    low = noun.lower()
    if low.endswith("ies"):
        return low[:-3] + "y"
    return low[:-1] if low.endswith("s") else low


def clause_subject(text: str, trigger_start: int) -> str | None:
    """The anaphoric subject right before a trigger: "it", or the noun of "the group", "the project"; else None."""
    match = CLAUSE_SUBJECT.search(text[:trigger_start])
    if match is None:
        return None
    return (match.group("noun") or "it").lower()


def programme_for(memory: Memory, noun: str) -> Mention | None:
    """"The project": the section's last programme whose name ends with that noun, else its only programme."""
    named = [m for m in memory.programmes if m.name.split()[-1].lower() == noun]
    if named:
        return named[-1]
    distinct = {m.name for m in memory.programmes}
    return memory.programmes[-1] if len(distinct) == 1 else None


def plural_subject(text: str) -> tuple[int | None, str, int] | None:
    """(count or None, singular head noun, end of the phrase) of a counted plural opening the sentence."""
    match = PLURAL_SUBJECT.match(text)
    if match is None:
        return None
    if match.group("both"):
        count: int | None = 2
    else:
        count = count_of(match.group("count"))
    return count, singular(match.group("noun")), match.end()


def _stands_for(antecedent: Antecedent, noun: str, acronym: bool) -> bool:
    """Is the antecedent one of "the Boards" (its head noun) or of "the CSPs" (its acronym or its name's initials)?"""
    m = antecedent.mention
    if antecedent.head.lower() == noun:
        return True
    if m.label == "Acronym":
        return m.name.lower().rstrip("s") == noun
    return acronym and len(noun) >= 2 and initials(m.name).lower().endswith(noun)


def plural_referents(memory: Memory, text: str) -> list[Antecedent]:
    """The bodies a counted plural opening `text` stands for: the paragraph's distinct bodies of its head noun
    (an acronym by the head of the body it abbreviates; one per name and place), only when their number is the
    count the text gives."""
    found = plural_subject(text)
    if found is None:
        return []
    count, noun, end = found
    written = text[:end].split()[-1]
    acronym = written[:-1].isupper() and len(written) <= 9  # "The three CSPs"
    chosen: list[Antecedent] = []
    seen: set[tuple[str, str]] = set()
    for antecedent in memory.paragraph:
        if not _stands_for(antecedent, noun, acronym):
            continue
        name = antecedent.mention.name
        if antecedent.mention.label == "Acronym":
            name = next((a.mention.name for a in memory.paragraph
                         if a.mention.label == "Body" and a.mention.acronym == name.rstrip("s")), name)
        key = (name.lower(), antecedent.place)
        if key in seen:
            continue
        seen.add(key)
        chosen.append(antecedent)
    return chosen if count is not None and len(chosen) == count else []
