"""One meaning of time: when a fact holds, from its own dates or its documents', stamped on every fact at load.

A fact holds from its own `valid_from` (or a body's `established`) where the text gives one, otherwise from the date
of the earliest document that states it (attested), until its `valid_to` (a body's `dissolved`) or until a later
document ends or replaces it (a merger, a rename, a closure of the body it belongs to). Planned and proposed facts
("will be", "it is proposed") are intentions: they are shown as such and never followed as current lines.

Dates are ISO text. A document's or fact's partial date stands for its FIRST day ('2007-03' is 2007-03-01); an
`as_of` that users give stands for its LAST day ('2007' is 2007-12-31, '2012-08' is 2012-08-31); no `as_of` is today.
So every comparison is between full days, as text: `holds_from <= day < holds_to`.

`stamp` writes the window on every node and relationship of a `Facts` before the store writes it:
`holds_from`, `holds_to` (absent: open), `holds_doc` (the document whose date `holds_from` is, when attested) and
`intention` (planned or proposed). Cypher then needs one short predicate (cypher/README.md).
"""
from __future__ import annotations

import calendar
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from graph.model import Evidence, Facts, Node, Relationship

# A date as users give it: YYYY, YYYY-MM or YYYY-MM-DD (months 01-12, days 01-31). The API, the CLI and the
# analysis all check dates with this one pattern.
ISO_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
# Intentions are not facts: "it is proposed that ..." and "will be a sub-group of ..." never hold as current lines.
INTENTIONS = frozenset({"proposed", "planned"})
# A body with one of these statuses has ended, at the date the text gives or else the date of the document saying so.
ENDED_STATUSES = frozenset({"merged", "renamed", "closed", "historic"})
SUCCESSION_TYPES = frozenset({"MERGED_INTO", "SUCCEEDED_BY"})
# Lines into a body that has ended stay (a chain follows the merger to the successor; the analysis reports the stale
# line); lines out of it end with it. Lines that describe the body itself (members, chair, lead) end with either end.
UPWARD_TYPES = frozenset({"REPORTS_TO", "SUBGROUP_OF", "ACCOUNTABLE_TO", "PART_OF"})
STAMPS = ("holds_from", "holds_to", "holds_doc", "intention")

FINANCIAL_YEAR = re.compile(r"^(\d{4})-(\d{2})$")
MONTH_RANGE = re.compile(r"^(\d{4}-\d{2})/(\d{4}-\d{2})$")
YEAR = re.compile(r"^\d{4}$")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


# --- days -------------------------------------------------------------------------------------------------------


def first_day(text: str | None) -> str | None:
    """The first day of a partial date ('2007' -> '2007-01-01', '2012-08' -> '2012-08-01'); None if not a date."""
    if text is None:
        return None
    match = PARTIAL.match(str(text).strip())
    if match is None:
        return None
    year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
    return f"{year}-{month}-{day}"


def last_day(text: str) -> str:
    """The last day of a partial date ('2007' -> '2007-12-31', '2012-02' -> '2012-02-29')."""
    match = PARTIAL.match(text.strip())
    if match is None:
        raise ValueError(f"not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    year = int(match.group(1))
    if match.group(3) is not None:
        return f"{match.group(1)}-{match.group(2)}-{match.group(3)}"
    month = int(match.group(2) or 12)
    return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1]:02d}"


def as_of_day(as_of: str | None) -> str:
    """The day an `as_of` stands for: its last day, or today when there is none."""
    if as_of is None:
        return date.today().isoformat()
    if not ISO_DATE.match(as_of):
        raise ValueError(f"as_of must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not {as_of!r}")
    return last_day(as_of)


# --- holding ----------------------------------------------------------------------------------------------------


def is_intention(props: Mapping[str, Any]) -> bool:
    """Planned or proposed: shown as such, never followed as a current line."""
    stamped = props.get("intention")
    if stamped is not None:
        return bool(stamped)
    return props.get("status") in INTENTIONS


def window(props: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """(holds_from, holds_to) of a fact; unstamped facts (a graph built by hand) fall back on their own dates."""
    if "holds_from" in props or "holds_to" in props:
        return _text(props.get("holds_from")), _text(props.get("holds_to"))
    start = first_day(_text(props.get("valid_from")) or _text(props.get("established")))
    end = first_day(_text(props.get("valid_to")) or _text(props.get("dissolved")))
    return start, end


def stated_by(props: Mapping[str, Any], day: str) -> bool:
    """The fact is stated by `day` and not yet ended, whether it is a fact or an intention."""
    start, end = window(props)
    return (start is None or start <= day) and (end is None or end > day)


def holds(props: Mapping[str, Any], day: str) -> bool:
    """A fact holds on `day` (a full ISO day, see `as_of_day`) when it is not an intention and its window has it."""
    return not is_intention(props) and stated_by(props, day)


def started_by(props: Mapping[str, Any], day: str) -> bool:
    """The fact (a body, say) is attested by `day`, ended or not: the analysis keeps ended bodies to report them."""
    start, _ = window(props)
    return start is None or start <= day


# --- periods ----------------------------------------------------------------------------------------------------


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
        return f"{match.group(1)}-01", last_day(match.group(2))
    if match := FINANCIAL_YEAR.match(text):
        first, second = int(match.group(1)), int(match.group(2))
        if second == (first + 1) % 100:
            return f"{first}-04-01", f"{first + 1}-03-31"
        if 1 <= second <= 12:
            return f"{text}-01", last_day(text)
        return None
    if YEAR.match(text):
        return f"{text}-01-01", f"{text}-12-31"
    return None


def in_period(period: str | None, as_of: str | None) -> bool:
    """Whether the day `as_of` stands for (its last day; None: every date) falls in `period`; an unknown or missing
    period always does."""
    if as_of is None:
        return True
    span = period_range(period)
    if span is None:
        return True
    day = as_of_day(as_of)
    return span[0] <= day <= span[1]


# --- stamping at load -------------------------------------------------------------------------------------------


def stamp(facts: Facts) -> None:
    """Write `holds_from`, `holds_to`, `holds_doc` and `intention` on every node and relationship (idempotent)."""
    dates = document_dates(facts)
    attested = _node_attestations(facts)
    successions = _successions(facts, dates)
    node_windows: dict[str, tuple[str | None, str | None, str | None]] = {}
    for node in facts.nodes.values():
        node_windows[node.id] = _node_window(node, attested[node.id], dates, successions.get(node.id, []))
    for node in facts.nodes.values():
        start, end, doc = node_windows[node.id]
        _write(node.properties, start, end, doc, node.properties.get("status") in INTENTIONS)
    for rel in facts.relationships.values():
        start, end, doc = _relationship_window(rel, dates, node_windows)
        _write(rel.properties, start, end, doc, rel.properties.get("status") in INTENTIONS)


def document_dates(facts: Facts) -> dict[str, str]:
    """First day of each document's date, keyed by the short id evidence uses ('004_808a...')."""
    found = {}
    for node in facts.nodes.values():
        if node.label == "Document" and node.properties.get("date"):
            day = first_day(str(node.properties["date"]))
            if day is not None:
                found[node.id.removeprefix("doc-")] = day
    return found


def earliest(docs: Iterable[str], dates: Mapping[str, str]) -> tuple[str | None, str | None]:
    """(day, document) of the earliest dated document among `docs`."""
    dated = sorted((dates[d], d) for d in set(docs) if d in dates)
    return (dated[0][0], dated[0][1]) if dated else (None, None)


def _docs(evidence: Iterable[Evidence]) -> set[str]:
    return {ev.doc for ev in evidence}


def _node_attestations(facts: Facts) -> dict[str, set[str]]:
    """Documents that attest a node: its own evidence, that of every fact about it, and documents mentioning it."""
    found: dict[str, set[str]] = defaultdict(set)
    for node in facts.nodes.values():
        found[node.id] |= _docs(node.evidence)
    for rel in facts.relationships.values():
        docs = _docs(rel.evidence)
        if rel.type == "MENTIONS":
            docs.add(rel.start.removeprefix("doc-"))
        found[rel.start] |= docs
        found[rel.end] |= docs
    return found


def _successions(facts: Facts, dates: Mapping[str, str]) -> dict[str, list[str]]:
    """The day each stated (not intended) merger or rename out of a node takes effect: its date, else its document's."""
    found: dict[str, list[str]] = defaultdict(list)
    for rel in facts.relationships.values():
        if rel.type in SUCCESSION_TYPES and rel.properties.get("status") not in INTENTIONS:
            day = first_day(_text(rel.properties.get("valid_from"))) or earliest(_docs(rel.evidence), dates)[0]
            if day is not None:
                found[rel.start].append(day)
    return found


def _node_window(node: Node, docs: set[str], dates: Mapping[str, str],
                 successions: list[str]) -> tuple[str | None, str | None, str | None]:
    own_start = first_day(_text(node.properties.get("valid_from")) or _text(node.properties.get("established")))
    attested_day, doc = earliest(docs, dates)
    start = own_start if own_start is not None else attested_day
    return start, _node_end(node, dates, successions), None if own_start is not None else doc


def _node_end(node: Node, dates: Mapping[str, str], successions: list[str]) -> str | None:
    """When a node stops holding: its own end date, a merger or rename out of it, or an ended status."""
    own = first_day(_text(node.properties.get("valid_to")) or _text(node.properties.get("dissolved")))
    if own is not None:
        return own
    if successions:
        return min(successions)
    if node.properties.get("status") in ENDED_STATUSES:
        # The status was read from the text, so the latest document about the node is the one that says it ended.
        dated = sorted(dates[d] for d in _docs(node.evidence) if d in dates)
        return dated[-1] if dated else None
    return None


Window = tuple[str | None, str | None, str | None]


def _relationship_window(rel: Relationship, dates: Mapping[str, str], node_windows: Mapping[str, Window]) -> Window:
    # An intention is stated from its document's date; its own `valid_from` is when it is meant to take effect.
    intended = rel.properties.get("status") in INTENTIONS
    own_start = None if intended else first_day(_text(rel.properties.get("valid_from")))
    attested_day, doc = earliest(_docs(rel.evidence), dates)
    start = own_start if own_start is not None else attested_day
    end = first_day(_text(rel.properties.get("valid_to")))
    if rel.type not in SUCCESSION_TYPES and rel.type != "MENTIONS":
        ends = [node_windows[rel.start][1]]
        if rel.type not in UPWARD_TYPES:
            ends.append(node_windows[rel.end][1])
        ends.append(end)
        found = [e for e in ends if e is not None]
        end = min(found) if found else None
    return start, end, None if own_start is not None else doc


def _write(props: dict[str, Any], start: str | None, end: str | None, doc: str | None, intention: bool) -> None:
    for key in STAMPS:
        props.pop(key, None)
    if start is not None:
        props["holds_from"] = start
    if end is not None:
        props["holds_to"] = end
    if doc is not None:
        props["holds_doc"] = doc
    props["intention"] = intention


def _text(value: object) -> str | None:
    return None if value is None or value == "" else str(value)
