"""Response shapes, for the OpenAPI document and for tests: every fact carries `evidence`."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class Evidence(BaseModel):
    doc: str = Field(description="document id (file name without .txt)")
    document: str | None = Field(None, description="the document's title")
    date: str | None = None
    start: int = Field(description="character offset where the quote starts in the document")
    end: int
    quote: str = Field(description="the document's text between start and end, verbatim")
    method: str = Field(description="how the fact was found: a rule, a list, a table, or curation")


class Line(BaseModel):
    """A relationship: its type, status (current, planned, proposed, merged...), dates and evidence."""

    type: str
    status: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    holds_from: str | None = Field(None, description="first day the fact holds: its own date, else its document's")
    holds_to: str | None = Field(None, description="first day it no longer holds (null: still holds)")
    attested_by: str | None = Field(None, description="the document whose date `holds_from` is (null: the text "
                                                      "dates the fact itself)")
    intention: bool = Field(False, description="planned or proposed: shown, never followed as a current line")
    properties: dict[str, Any] = Field(default_factory=dict)
    evidence: list[Evidence]


class Related(Line):
    id: str
    name: str | None = None
    label: str | None = None


class BodySummary(BaseModel):
    id: str
    name: str | None = None
    aliases: list[str] = Field(default_factory=list)
    kind: str | None = None
    status: str | None = None
    evidence: list[Evidence] = Field(description="where the documents name the body")


class BodyPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[BodySummary]


class Priority(BaseModel):
    id: str
    text: str | None = None
    period: str | None = None
    status: str | None = None
    position: str | int | None = None
    themes: list[str]
    evidence: list[Evidence]
    holder: str | None = None
    holder_name: str | None = None
    holder_label: str | None = None


class PriorityPage(BaseModel):
    total: int
    limit: int
    offset: int
    theme: str | None = None
    as_of: str | None = None
    items: list[Priority]


class BodyDetail(BaseModel):
    id: str
    name: str | None = None
    aliases: list[str]
    kind: str | None = None
    status: str | None = None
    as_of: str | None = None
    properties: dict[str, Any]
    areas: list[Related]
    chair: list[Related]
    vice_chair: list[Related] = Field(default_factory=list)
    lead: list[Related] = Field(default_factory=list, description="who leads it (LED_BY)")
    members: list[Related]
    answers_to: list[Related] = Field(description="lines up: reports to, sub-group of, accountable to, part of")
    answered_by: list[Related] = Field(description="lines down: who reports to it, its sub-groups and parts")
    succeeded_by: list[Related] = Field(description="merged into or succeeded by")
    succeeds: list[Related] = Field(description="bodies that merged into it or that it succeeds")
    member_of: list[Related]
    other_lines: list[Related]
    priorities: list[Priority]
    evidence: list[Evidence]


class ReportNode(Line):
    id: str
    name: str | None = None
    kind: str | None = None
    body_status: str | None = None
    cycle: bool = False
    children: list[ReportNode]


class MergedIn(Related):
    also: list[dict[str, Any]] = Field(default_factory=list, description="other lines stating the same succession")


class Reports(BaseModel):
    id: str
    name: str | None = None
    depth: int
    as_of: str | None = None
    count: int = Field(description="distinct bodies in the tree")
    reports: list[ReportNode]
    merged_in: list[MergedIn] = Field(description="bodies merged into this one or succeeded by it: not reporting lines")
    intended: list[Related] = Field(default_factory=list, description="planned or proposed lines to it, shown as "
                                                                      "such and not followed")


class ChainStep(BaseModel):
    id: str
    name: str | None = None
    label: str | None = None
    kind: str | None = None
    status: str | None = None
    line_up: Line | None = Field(description="the line from this step to the next; null at the top")


class ChainPath(BaseModel):
    steps: list[ChainStep]
    top: dict[str, Any]
    length: int


class Chain(BaseModel):
    id: str
    name: str | None = None
    as_of: str | None = None
    tops: list[str]
    chains: list[ChainPath]
    note: str | None = None


class Theme(BaseModel):
    id: str
    name: str | None = None
    priorities: int
    holders: int
    allocations: int
    funded: bool


class NamedRef(BaseModel):
    id: str
    name: str | None = None


class Figure(BaseModel):
    """One amount of an allocation, with the column it stands in."""

    amount_gbp: int | float
    period: str | None = None
    measure: str | None = Field(None, description="the column as a readable label: 2012-13, Oct 2011 - Mar 2013, "
                                                  "Q1 spend, Council revenue funding")
    column: str | None = Field(None, description="the column's header verbatim")


class Allocation(BaseModel):
    id: str
    stream: str | None = None
    stream_name: str | None = None
    funder: str | None = Field(None, description="the body that allocates or gives the money")
    funder_name: str | None = None
    allocated_by: str | None = Field(None, description="the same as funder (kept for earlier clients)")
    allocated_by_name: str | None = None
    recipient: str | None = Field(None, description="the first recipient body, else the first area")
    recipient_name: str | None = None
    recipient_bodies: list[NamedRef] = Field(default_factory=list)
    recipient_areas: list[NamedRef] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list, description="every recipient: bodies, then areas")
    purpose: str | None = None
    row_kind: str = Field(description="item, subtotal, total (the document's own sum) or balance")
    flow: str = Field("allocation", description="allocation (given out) or receipt (received)")
    counted: bool = Field(False, description="added by totals: an item given out that breaks down no other item")
    amount_gbp: int | float | None = None
    period: str | None = None
    measure: str | None = None
    figures: list[Figure] = Field(default_factory=list)
    amounts_gbp: list[int | float | None]
    periods: list[str | None]
    measures: list[str | None] = Field(default_factory=list)
    breakdown_of: list[str] = Field(default_factory=list, description="the rows this one is a part of")
    table: str | None = None
    row: int | None = None
    evidence: list[Evidence]


class Total(BaseModel):
    stream: str | None = None
    stream_name: str | None = None
    measure: str | None = None
    period: str | None = None
    total_gbp: int | float
    rows: int


class FunderTotal(Total):
    funder: str | None = None
    funder_name: str | None = None


class Funding(BaseModel):
    filters: dict[str, str | None]
    count: int
    allocations: list[Allocation]
    totals: list[Total]
    funders: list[FunderTotal] = Field(default_factory=list, description="who funds a stream, what a body funds")
    note: str


class _Total(BaseModel):
    """What every money total says: which stream and funder, which column and period, the figure added from item
    rows beside the document's own stated total, and what was received."""

    stream: str | None = None
    stream_name: str | None = None
    funder: str | None = None
    funder_name: str | None = None
    measure: str
    period: str
    computed_gbp: int | float = Field(description="the item rows given out, added")
    rows: int
    stated_gbp: int | float | None = Field(None, description="the document's own total for this column")
    difference_gbp: int | float | None = Field(None, description="computed minus stated")
    received_gbp: int | float = 0


class TableTotal(_Total):
    table: str | None = Field(None, description="document#tableN; none for money stated in sentences")
    counted_gbp: int | float = Field(description="computed_gbp without rows that break down another table's row")
    stated_all_gbp: list[int | float] = Field(default_factory=list)
    breakdown_of: list[str] = Field(default_factory=list)


class RollupTotal(_Total):
    """A total per allocating body or per stream, over the tables listed."""

    tables: list[str] = Field(default_factory=list)


class MoneyFinding(BaseModel):
    id: str
    rule: str
    message: str
    doc: str
    line: int | None = None
    quotes: list[str] = Field(default_factory=list)


class FundingTotals(BaseModel):
    filters: dict[str, str | None]
    tables: list[TableTotal]
    bodies: list[RollupTotal]
    streams: list[RollupTotal]
    findings: list[MoneyFinding]
    note: str


class AreaRef(BaseModel):
    id: str
    name: str | None = None
    level: str | None = None


class Coverage(Related):
    kind: str | None = None
    area: str
    area_name: str | None = None
    covers: str = Field(description="'this area', 'a wider area' (contains it) or 'a part of it'")


class Area(BaseModel):
    id: str
    name: str | None = None
    aliases: list[str]
    level: str | None = None
    as_of: str | None = None
    within: list[AreaRef]
    inside: list[AreaRef]
    covered_by: list[Coverage]
    priorities: list[Priority]
    allocations: list[Allocation]
    evidence: list[Evidence]


class EvidenceAnswer(BaseModel):
    kind: str = Field(description="node or relationship")
    id: str
    label: str | None = None
    name: str | None = None
    type: str | None = None
    status: str | None = None
    start: str | None = None
    start_name: str | None = None
    end: str | None = None
    end_name: str | None = None
    evidence: list[Evidence]


class LandscapeLine(BaseModel):
    start: str
    start_name: str | None = None
    type: str
    status: str | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    holds_from: str | None = None
    holds_to: str | None = None
    attested_by: str | None = None
    intention: bool = False
    end: str
    end_name: str | None = None
    evidence: list[Evidence]


class Landscape(BaseModel):
    as_of: str | None = None
    day: str | None = Field(None, description="the day the answer is for: as_of's last day, or today")
    count: int
    lines: list[LandscapeLine]


class Document(BaseModel):
    id: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    file: str | None = None


class CypherRequest(BaseModel):
    query: str = Field(min_length=1, max_length=20_000, examples=["MATCH (b:Body) RETURN b.name AS name LIMIT 5"])
    parameters: dict[str, Any] = Field(default_factory=dict)
    limit: int | None = Field(None, ge=1, description="at most this many rows (capped by the server's maximum)")


class CypherAnswer(BaseModel):
    columns: list[str]
    rows: list[dict[str, Any]]
    row_count: int
    truncated: bool = Field(description="more rows existed than the cap")
    limit: int
    elapsed_ms: float


class QueryInfo(BaseModel):
    name: str
    header: str
    text: str


class Health(BaseModel):
    engine: str
    reachable: bool
    counts: dict[str, int]
