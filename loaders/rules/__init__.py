"""Rules as small registered units (loaders.rules.registry), and the shared patterns they and the table reader
use: dates, periods, renames, establishment, priorities. Triggers of governance lines are data: loaders/grammar.yaml."""
from __future__ import annotations

import re

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}

FROM_DATE = re.compile(r"\b(?:from|with effect from|in|by|since|as of)\s+(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?"
                       r"(January|February|March|April|May|June|July|August|September|October|November|December)"
                       r"\s+(\d{4})", re.I)
# "X replaced the Y in April 2010": X succeeds Y.
REPLACED = re.compile(r"\b(?:(will|is to|are to) )?replaced? (?:the )?"
                      r"([A-Z][\w'&]*(?: (?:and |of |for |the )?[A-Z][\w'&]*){1,7})")
YEAR_ONLY = re.compile(r"\b(?:since|in|from)\s+((?:19|20)\d{2})\b")
ESTABLISHED = re.compile(r"\b(?:was |were |been |is )?(?:established|set up|created|formed)\b|duties stated in", re.I)
ESTABLISHED_UNDER = re.compile(r"\b(?:(?:set up|established|created)\b[^.]*?\b(?:by|under|in accordance with)|"
                               r"duties (?:stated|set out) in)\b", re.I)
FORMERLY = re.compile(r"\((?:formerly|previously)(?: known as)? (?:the )?([^)]+)\)|\b[Nn]ow ([A-Z]{2,}s?)\b\.?", re.I)
# "X (XP) formerly known as Safer Y", "SASH formerly YOTs": the same rename without brackets; the old name is the
# capitalised run after the phrase, and the new body must end right before it (see extract.renames).
FORMERLY_OPEN = re.compile(r"(?:,\s*|\s+)(?:formerly(?: known as| called| named)?|"
                           r"(?:formally|previously) (?:known as|called|named))"
                           r" (?:the )?([A-Z][\w&']*(?: (?:and |& |of |for |the )?[A-Z][\w&']*){0,7})")
MEMBERSHIP = re.compile(
    r"\b(?:membership (?:is made up of|includes|comprises|would include|will include)(?: representation from)?|"
    r"(?:currently )?includes?:|consists? of|comprising (?:officers from )?|(?:currently )?comprises|"
    r"(?:also )?includes (?:officers|partners|representatives|representation) from|"
    r"(?:other )?(?:key )?agencies included in the [A-Za-z]+ are|has representation from|"
    r"made up of a range of [a-z ]+? such as|include relevant senior representatives from|"
    r"(?:is|are) made up of representation from)\s*", re.I)
COMPRISED_OF = re.compile(r"\b(?:is|are) comprised of\b|\bboards include\b", re.I)
PRIORITY_INTRO = re.compile(r"\b(?:priorit|key outcomes|outcomes have been agreed|focus is on|areas of working|"
                            r"purpose of the board will be|aims? (?:is|are) to|key aims|"
                            r"aims?,[^,]{3,80},\s*(?:is|are) to|aims to achieve|"
                            r"following (?:\w+ )?(?:outcomes|objectives)|key objectives|key areas)\w*", re.I)
# One priority stated in a sentence: "<what> is a (particular) priority for <holder>", "<what> has been identified by
# <holder> as a key priority".
PRIORITY_FOR = re.compile(r"\s*(?P<what>[A-Z][^,;:()]{3,90}?) (?:is|remains) (?:a|an|the) "
                          r"(?:particular |key |main |top |high |major )?priority (?:for|of)\b")
PRIORITY_BY = re.compile(r"\s*(?P<what>[A-Z][^,;:()]{3,90}?) (?:has|have) been identified by\b(?P<holder>.*?)\bas "
                         r"(?:a|an|the) (?:particular |key |main |top |high |major )?priority\b")
# "Key outcomes and commitments included:": what a meeting produced, not a body's priorities.
MEETING_OUTCOMES = re.compile(r"\b(?:outcomes and commitments|outcomes of the meeting|commitments)\b.*\binclud(?:ed|e)\b",
                              re.I)
LIST_INTRO_REPORTING = re.compile(r"\b(?:groups?|forums?|boards?) (?:currently )?(?:that )?(?:report(?:ing)?|"
                                  r"reports?) to\b", re.I)
PERIOD = re.compile(r"\b(?:for |in |to )?((?:19|20)\d{2}(?:\s*[/-]\s*\d{2,4})?)\b")


def date_in(text: str) -> str | None:
    match = FROM_DATE.search(text)
    if match:
        return f"{int(match.group(3)):04d}-{MONTHS[match.group(2).lower()]:02d}"
    return None


def period_of(text: str) -> str | None:
    """'2012/13', '2012-13' -> '2012-13'; 'Oct 2011 to Mar 2013' -> '2011-10/2013-03'."""
    span = re.search(r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? ((?:19|20)\d{2}) to "
                     r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? ((?:19|20)\d{2})", text, re.I)
    if span:
        months = [m[:3].lower() for m in MONTHS]
        a = months.index(span.group(1)[:3].lower()) + 1
        b = months.index(span.group(3)[:3].lower()) + 1
        return f"{span.group(2)}-{a:02d}/{span.group(4)}-{b:02d}"
    fy = re.search(r"\b((?:19|20)\d{2})\s*[/-]\s*(\d{2,4})\b", text)
    if fy:
        second = fy.group(2)[-2:]
        return f"{fy.group(1)}-{second}"
    return None

