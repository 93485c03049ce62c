"""Short, readable labels for money in diagrams: a table's column header as a board paper would word it
("1 st Quarter Spend 1 st April - 30 th June 2012 (£)" -> "Q1 spend, Apr-Jun 2012"), and a purpose taken from a
sentence cut to its point. Rules over the wording of headers and sentences, never a list of one document's."""
from __future__ import annotations

import re

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
MONTH = r"(?:" + "|".join(m.capitalize() for m in MONTHS) + r"|" + "|".join(m[:3].capitalize() for m in MONTHS) + r")"
ORDINAL_SPACE = re.compile(r"\b(\d+) (st|nd|rd|th)\b")
QUARTER = re.compile(r"\b(\d)(?:st|nd|rd|th) Quarter\b", re.I)
DAY = r"(?:\d+(?:st|nd|rd|th)? )?"
DAY_RANGE = re.compile(rf"\b{DAY}({MONTH})(?: (\d{{4}}))? ?[-–] ?{DAY}({MONTH}) (\d{{4}})")
CURRENCY = re.compile(r"\s*\((?:£|GBP|£k)\)|\s*£\s*$")
PURPOSE_CHARS = 60  # a table row's name, wrapped over two or three lines
SENTENCE_CHARS = 48  # a purpose taken from a sentence, cut to its point
INTRO = re.compile(r"^(?:In|From|For|During|As|Since|In addition to)\b[^,]{0,60},\s*")
AMOUNT = re.compile(r"(?:\bof )?£\s?[\d,.]+(?:\s?(?:million|m|k)\b)?", re.I)
NOISE = re.compile(r"\s*\([^)]*\)|\bper annum\b|\bfor \d{4}/\d{2,4}\b|\bin \d{4}/\d{2,4}\b")


def _month(text: str) -> str:
    return text[:3].capitalize()


def column_label(header: str) -> str:
    """A column header, readable: ordinals joined, the currency sign dropped (the amount says £), quarters as Q1,
    day ranges as month ranges, and sentence case for words that are not acronyms or months."""
    text = ORDINAL_SPACE.sub(r"\1\2", " ".join(header.split()))
    text = CURRENCY.sub("", text).strip()
    text = QUARTER.sub(lambda m: f"Q{m.group(1)}", text)

    def months(m: re.Match[str]) -> str:
        first, first_year, last, year = m.group(1), m.group(2), m.group(3), m.group(4)
        start = f"{_month(first)} {first_year}" if first_year and first_year != year else _month(first)
        return f", {start}–{_month(last)} {year}"

    text = DAY_RANGE.sub(months, text)
    words = []
    for i, word in enumerate(text.split(" ")):
        keep = (word.isupper() or word[:1].isdigit() or "–" in word or re.fullmatch(MONTH, word.strip(","))
                or re.fullmatch(r"Q\d", word))
        words.append(word if keep or i == 0 else word.lower())
    return re.sub(r"\s+,", ",", " ".join(words)).strip(" ,")


def is_sentence(text: str) -> bool:
    return text.endswith(".") or len(text) > 2 * PURPOSE_CHARS


def short_purpose(purpose: str, limit: int = PURPOSE_CHARS) -> str:
    """A purpose as a box label: a table row's name is kept (up to `limit`); a sentence loses its opening clause,
    amounts, dates and asides, and is cut at a word (the quote keeps it whole)."""
    text = " ".join(purpose.split()).rstrip(":")
    if not is_sentence(text):
        return _cut(NOISE.sub("", text).strip() if len(text) > limit else text, limit)
    text = INTRO.sub("", text)
    text = NOISE.sub("", AMOUNT.sub("", text))
    text = re.sub(r"\s+([,.;])", r"\1", " ".join(text.split())).strip(" .,;")
    return _cut(text[:1].upper() + text[1:], SENTENCE_CHARS)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"
