"""Periods as the documents write them ('2012-13', '2011-10/2013-03', '2012') as date ranges, to answer 'as of'."""
from __future__ import annotations

import re

FINANCIAL_YEAR = re.compile(r"^(\d{4})-(\d{2})$")
MONTH_RANGE = re.compile(r"^(\d{4}-\d{2})/(\d{4}-\d{2})$")
YEAR = re.compile(r"^\d{4}$")


def period_range(period: str | None) -> tuple[str, str] | None:
    """(first day, last day) of a period as ISO dates, or None when the text is not a period we know.

    '2012-13' is a financial year (April 2012 to March 2013); '2011-10/2013-03' runs month to month; '2012' is the
    calendar year. A 'YYYY-MM' month is told from a financial year by its second part: 01-12 after a year whose last
    two digits are not one less ('2012-09' is a month, '2012-13' a financial year).
    """
    if not period:
        return None
    text = period.strip()
    if match := MONTH_RANGE.match(text):
        return f"{match.group(1)}-01", f"{match.group(2)}-31"
    if match := FINANCIAL_YEAR.match(text):
        first, second = int(match.group(1)), int(match.group(2))
        if second == (first + 1) % 100:
            return f"{first}-04-01", f"{first + 1}-03-31"
        if 1 <= second <= 12:
            return f"{text}-01", f"{text}-31"
        return None
    if YEAR.match(text):
        return f"{text}-01-01", f"{text}-12-31"
    return None


def in_period(period: str | None, as_of: str | None) -> bool:
    """Whether `as_of` (YYYY, YYYY-MM or YYYY-MM-DD) falls in `period`; an unknown or missing period always does."""
    if as_of is None:
        return True
    span = period_range(period)
    if span is None:
        return True
    first, last = span
    # A shorter as_of ('2012') stands for its whole span: it overlaps the period when their prefixes overlap.
    return first[: len(as_of)] <= as_of <= last[: len(as_of)]
