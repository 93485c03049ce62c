"""Tab-flattened tables (funding tables with section, subtotal, total and balance rows; the two-column acronym
table) and sums of money stated in prose.

Money is read so that it adds up: every figure keeps its column as a readable `measure` ("2012-13",
"Oct 2011 - Mar 2013", "Q1 spend") and a period; a table's stated total row stays the document's own sum (row_kind
total), never an item; money a body received (`flow: receipt`) is kept apart from what it allocated
(`flow: allocation`); a table that breaks down a row of an earlier table ("The locality allocations to each CSP are
as follows:") is tied to that row (`BREAKDOWN_OF`), as are the rows under a section's subtotal. Totals that do not
add up become findings, never corrections."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from graph.model import Finding
from loaders import rules
from loaders.mentions import Mention, find_mentions
from loaders.read import DocumentError
from loaders.structure import Block, Sentence

if TYPE_CHECKING:
    from loaders.raw import RawNode, Ref
    from loaders.rules.registry import Walk

# "£20,938", "35,000", "10,578 (To be confirmed)", "£1.2m", "£250k", "c. £5,000", "approx. £3.3 million"
AMOUNT = re.compile(r"^\s*(?:(?:c\.|circa|approx\.?|approximately|about)\s*)?£?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?"
                    r"\s*(m|million|k|bn|billion)?\s*(?:\(.*\))?\s*$", re.I)
CELL_SCALE = {"m": 1_000_000, "million": 1_000_000, "k": 1_000, "bn": 1_000_000_000, "billion": 1_000_000_000}
TOTAL = re.compile(r"^\s*(?:grand total|total(?: allocated)?|allocation in total|sub-?total)\b", re.I)
BALANCE = re.compile(r"^\s*(?:amount to be allocated|balance|unallocated|remaining)\b", re.I)
# A column that names where its money comes from ("BCU funding", "Council revenue funding"), not a period.
SOURCE_COLUMN = re.compile(r"\b(?:funding|grant|revenue|contributions?)\b", re.I)
QUARTER = re.compile(r"\b(\d)\s*(?:st|nd|rd|th)?\s+quarter\b", re.I)
SPEND = re.compile(r"\bspend\b|\bspent\b|\bexpenditure\b", re.I)
# No public figure in these documents comes near a trillion pounds: a bigger number is a broken document.
MAX_GBP = 10**12
MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@dataclass(frozen=True)
class Cell:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Column:
    """An amount column: its verbatim header, a readable label of what it measures, and the period."""

    index: int
    header: str
    measure: str
    period: str | None
    source: bool  # the header names where the money comes from, not when


def amount_of(cell: str) -> int | None:
    """The whole pounds a table cell states, or None when it states no amount."""
    if cell.strip().lower() in {"nil", "£nil"}:
        return 0  # "Nil" in a spend column: nothing spent, which is a figure
    match = AMOUNT.match(cell.replace("\u00a3", "£"))
    if match is None:
        return None
    scale = match.group(3)
    if scale is None:
        return int(match.group(1).replace(",", ""))  # pence in a table of pounds are dropped, as the tables do
    return int(Decimal(match.group(1).replace(",", "") + (match.group(2) or "")) * CELL_SCALE[scale.lower()])


def refuse_impossible(ext: Walk, amount: int | float | Decimal, offset: int, shown: str) -> None:
    """An amount no partnership document can mean (over £10^12) is a broken document: stop the load and name
    the line, rather than overflow the engine's 64-bit integers later."""
    if amount > MAX_GBP:
        raise DocumentError(ext.doc.id, ext.doc.line_at(offset),
                            f"the amount {shown!r} is too large to store: it cannot be a real figure (more than "
                            f"£{MAX_GBP:,}); check the figure in the document")


def readable_period(period: str | None) -> str | None:
    """'2012-13' stays; '2011-10/2013-03' -> 'Oct 2011 - Mar 2013'; '2012-04/2012-06' -> 'Apr - Jun 2012'."""
    if period is None:
        return None
    match = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period)
    if match is None:
        return period
    a, b = MONTH_ABBR[int(match.group(2)) - 1], MONTH_ABBR[int(match.group(4)) - 1]
    if match.group(1) == match.group(3):
        return f"{a} - {b} {match.group(1)}"
    return f"{a} {match.group(1)} - {b} {match.group(3)}"


def _months(period: str) -> int | None:
    match = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period)
    if match is None:
        return None
    a = int(match.group(1)) * 12 + int(match.group(2))
    b = int(match.group(3)) * 12 + int(match.group(4))
    return b - a + 1


def _cells(ext: Walk, row: Block) -> list[Cell]:
    """Each tab-separated cell with its offsets in the document."""
    out = []
    pos = row.start
    for piece in ext.clean[row.start:row.end].split("\t"):
        lead = len(piece) - len(piece.lstrip())
        text = piece.strip()
        out.append(Cell(text, pos + lead, pos + lead + len(text)))
        pos += len(piece) + 1
    return out


def _day_month_span(header: str) -> str | None:
    """'1 st April - 30 th June 2012' -> '2012-04/2012-06'."""
    q = re.search(r"(\d{1,2})\s*(?:st|nd|rd|th)?\s+(\w+)\s*[-\u2013\u2014]\s*"
                  r"(\d{1,2})\s*(?:st|nd|rd|th)?\s+(\w+)\s+(\d{4})", header)
    if q is None or q.group(2).lower() not in rules.MONTHS or q.group(4).lower() not in rules.MONTHS:
        return None
    return f"{q.group(5)}-{rules.MONTHS[q.group(2).lower()]:02d}/{q.group(5)}-{rules.MONTHS[q.group(4).lower()]:02d}"


def column_of(index: int, header: str, base_period: str | None, known_periods: list[str]) -> Column:
    """What an amount column measures, from its header: a period ('2012-13 allocation', 'Oct 2011 to Mar 2013',
    '18 month Allocation' when an earlier column spans 18 months), a spend ('1 st Quarter Spend ...' is 'Q1
    spend'), a source of money ('BCU funding'), else the period the table's heading or introduction states."""
    text = re.sub(r"\s+", " ", header).strip()
    plain = re.sub(r"\s*\(£\)\s*", " ", text).strip()
    if SPEND.search(text):
        period = _day_month_span(text) or rules.period_of(text) or base_period
        quarter = QUARTER.search(text)
        label = f"Q{quarter.group(1)} spend" if quarter else " ".join(x for x in ("spend", readable_period(period)) if x)
        return Column(index, text, label, period, False)
    period = rules.period_of(text)
    months = re.search(r"(\d+)\s*-?\s*months?\b", text, re.I)
    if period is None and months is not None:
        period = next((p for p in reversed(known_periods) if _months(p) == int(months.group(1))), None)
    if period is not None:
        return Column(index, text, readable_period(period) or period, period, False)
    if SOURCE_COLUMN.search(plain):
        return Column(index, text, plain, base_period, True)
    return Column(index, text, readable_period(base_period) or plain or f"column {index + 1}", base_period, False)


@dataclass
class Row:
    number: int  # 1-based, after the header
    block: Block
    cells: list[Cell]
    values: list[int | None]  # one per amount column
    kind: str  # item | subtotal | total | balance | receipt | section | text
    purpose: str = ""
    note: str | None = None
    theme: Ref | None = None
    section: int | None = None  # the subtotal row this row is under


def _kind_of(label: str, values: list[int | None], items_seen: bool) -> str:
    has_values = any(v is not None for v in values)
    is_section = label.endswith(":") or bool(re.match(r"^Priority \d+:", label))
    if TOTAL.match(label):
        # A total before any item states what the body has to allocate ("Allocation in total"): money received.
        return "total" if items_seen else "receipt"
    if BALANCE.match(label):
        return "balance"
    if is_section:
        return "subtotal" if has_values else "section"
    return "item" if has_values else "text"


def _rows(ext: Walk, blocks: list[Block], amount_cols: list[int], label_cols: list[int]) -> list[Row]:
    """The body rows classified, each item with its purpose, note, section theme and the subtotal above it."""
    out: list[Row] = []
    last_purpose = ""
    theme: Ref | None = None
    section: int | None = None
    items_seen = False
    for number, block in enumerate(blocks, start=1):
        cells = _cells(ext, block)
        values = [_value(ext, cells[i]) if i < len(cells) else None for i in amount_cols]
        label = cells[0].text if cells else ""
        text_label = label or (cells[1].text if len(cells) > 1 and 1 not in amount_cols else "")
        kind = _kind_of(label, values, items_seen)
        row = Row(number, block, cells, values, kind, purpose=text_label)
        if kind in {"section", "subtotal"}:
            theme = _theme_ref(re.sub(r"^Priority \d+:\s*", "", label).rstrip(":"))
            section = number if kind == "subtotal" else None
        elif kind in {"total", "balance"}:
            section = None
        elif kind == "text":
            last_purpose = text_label or last_purpose
        elif kind == "item":
            items_seen = True
            if not label and len(cells) > 1:  # a continuation row: a second line of the proposal above
                row.purpose = f"{last_purpose}: {cells[1].text}" if last_purpose else cells[1].text
            elif len(label_cols) > 1 and len(cells) > 1 and cells[1].text and 1 in label_cols:
                row.note = cells[1].text
            row.theme, row.section = theme, section
        if label and kind != "text":
            last_purpose = label
        out.append(row)
    return out


def _value(ext: Walk, cell: Cell) -> int | None:
    """A cell's amount; pounds no rule can read ("£3k-£5k") are reported and left out, the row kept."""
    value = amount_of(cell.text)
    if value is not None:
        refuse_impossible(ext, value, cell.start, cell.text)
    elif re.search(r"£\s?\d", cell.text):
        _finding(ext, [cell], "unread-table", f"the amount {cell.text!r} could not be read; the row keeps its other "
                                              "figures")
    return value


def extract_table(ext: Walk, rows: list[Block], intro: tuple[Sentence, list[Mention]] | None,
                  heading: str) -> None:
    """One table: an Allocation per row (per cell when each column is a source of money), its stated totals
    checked against its items, its section subtotals and breakdowns tied to the rows they break down."""
    ext.table_count += 1
    table = Table(ext, ext.table_count, rows, intro, heading)
    if not table.columns:
        table.unread_if_money()
        return
    table.write()


class Table:
    """One money table of a document while it is read: columns, classified rows, and the node ids written."""

    def __init__(self, ext: Walk, number: int, blocks: list[Block],
                 intro: tuple[Sentence, list[Mention]] | None, heading: str) -> None:
        self.ext, self.number, self.blocks, self.intro, self.heading = ext, number, blocks, intro, heading
        self.id = f"{ext.doc.id}#table{number}"
        self.header = _cells(ext, blocks[0])
        body = [_cells(ext, r) for r in blocks[1:]]
        amount_cols = sorted({i for cells in body for i, c in enumerate(cells)
                              if i > 0 and amount_of(c.text) is not None})
        # The heading and the whole paragraph before the table ("... has received £184,576 from the Home Office
        # for 2012/13. The SLP Executive has agreed to fund the following:-").
        intro_text = "" if not intro else (getattr(intro[0].block, "text", None) or intro[0].text)
        self.context = re.sub(r"\s+", " ", " ".join([heading, intro_text]))
        base_period = rules.period_of(self.context)
        self.columns = [column_of(i, self._header_text(i), base_period, ext.column_periods) for i in amount_cols]
        ext.column_periods.extend(c.period for c in self.columns if c.period and "/" in c.period)
        label_cols = [i for i in range(len(self.header)) if i not in amount_cols]
        self.rows = _rows(ext, blocks[1:], amount_cols, label_cols) if amount_cols else []
        self.per_cell = bool(self.columns) and all(c.source for c in self.columns)
        self.ids: dict[tuple[int, int | None], str] = {}  # (row number, column index when per cell) -> node id

    def _header_text(self, col: int) -> str:
        return self.header[col].text if col < len(self.header) else f"column {col + 1}"

    def unread_if_money(self) -> None:
        """A table with pounds in it whose amounts no column gives is reported, not guessed."""
        money = [c for r in self.blocks[1:] for c in _cells(self.ext, r) if re.search(r"£\s?\d", c.text)]
        if money:
            _finding(self.ext, [money[0]], "unread-table",
                     f"table {self.number} states money ({money[0].text!r}) but no column of amounts could be read")

    def write(self) -> None:
        stream, allocator = _stream_and_allocator(self.ext, self.heading, self.intro)
        if allocator is not None:
            self.ext.table_allocators[self.heading] = allocator
        for row in self.rows:
            if row.kind in {"section", "subtotal"} and row.cells:
                self._priority_row(row, allocator)
            if row.kind in {"section", "text"}:
                continue
            if len(row.cells) > max(len(self.header), 2) and any(
                    amount_of(c.text) is not None for c in row.cells[len(self.header):]):
                _finding(self.ext, row.cells, "unread-table",
                         f"row {row.number} of table {self.number} has more cells than its header; it was skipped")
                continue
            self._write_row(row, stream, allocator)
        self._tie_sections()
        self._check_totals()
        self._tie_breakdown()

    def _priority_row(self, row: Row, allocator: Ref | None) -> None:
        """A section row "Priority 1: Anti-social behaviour" in a body's budget: a priority of that body, for the
        period the table's heading or introduction states."""
        from loaders.rules.priorities import titled_priority

        cell = row.cells[0]
        if allocator is not None and allocator.label == "Body":
            titled_priority(self.ext, Sentence(cell.start, cell.end, cell.text, row.block), allocator,
                            rules.period_of(self.context))

    def _groups(self, row: Row) -> list[list[tuple[Column, int]]]:
        specs = [(col, v) for col, v in zip(self.columns, row.values, strict=True) if v is not None]
        return [[spec] for spec in specs] if self.per_cell else ([specs] if specs else [])

    def _write_row(self, row: Row, stream: Ref | None, allocator: Ref | None) -> None:
        from loaders.raw import Ref

        ext = self.ext
        start = next(c.start for c in row.cells if c.text)
        ev = ext.ev(start, row.block.end, "table")
        flow = "receipt" if row.kind == "receipt" else "allocation"
        for group in self._groups(row):
            cols = [c for c, _ in group]
            key = (row.number, cols[0].index if self.per_cell else None)
            alloc_id = f"allocation-{ext.doc.id[:3]}-t{self.number}-r{row.number}" + (
                f"-c{cols[0].index}" if self.per_cell else "")
            self.ids[key] = alloc_id
            props: dict[str, Any] = {
                "amount_gbp": group[0][1], "period": cols[0].period, "purpose": row.purpose,
                "row_kind": "item" if row.kind == "receipt" else row.kind, "flow": flow,
                "amounts_gbp": [v for _, v in group], "periods": [c.period or "" for c in cols],
                "columns": [c.header for c in cols], "measures": [c.measure for c in cols],
                "table": self.id, "row": row.number, "note": row.note,
            }
            spend = [(c, v) for c, v in group if SPEND.search(c.header)]
            if len(group) > 1 and spend:
                props["spend_gbp"], props["spend_period"] = spend[-1][1], spend[-1][0].period
            ref = Ref("Allocation", alloc_id)
            ext.raw.node(ref, ev, **props)
            source = self._source_stream(cols[0]) if self.per_cell else None
            if source is not None or stream is not None:
                ext.raw.rel("FROM_STREAM", ref, source or stream, ev)  # type: ignore[arg-type]
            if flow == "receipt":
                self._receipt_lines(ref, cols[0], allocator, ev)
                continue
            if allocator is not None:
                ext.raw.rel("ALLOCATED_BY", ref, allocator, ev)
            if row.kind == "item":
                _targets(ext, ref, row, ev, self._recipients_are_csps())
        return None

    def _recipients_are_csps(self) -> bool:
        first = self.header[0].text if self.header else ""
        return bool(re.search(r"\b(?:CSPs?|district|partnerships?|locality)\b", first, re.I))

    def _source_stream(self, col: Column) -> Ref | None:
        """A column that names a source of money ('Council revenue funding') is the stream of its cells."""
        from loaders.raw import Ref

        if not col.source or col.index >= len(self.header):
            return None
        cell = self.header[col.index]
        ref = Ref("FundingStream", col.measure)
        self.ext.raw.node(ref, self.ext.ev(cell.start, cell.end, "table"))
        return ref

    def _receipt_lines(self, ref: Ref, col: Column, allocator: Ref | None, ev: Any) -> None:
        """Money received: the table's body receives it, from the body its column names if it names one."""
        if allocator is not None:
            self.ext.raw.rel("ALLOCATED_TO", ref, allocator, ev)
        if col.index < len(self.header):
            cell = self.header[col.index]
            for m in find_mentions(cell.text, cell.start, self.ext.areas):
                if m.label in {"Body", "Acronym"}:
                    self.ext.raw.rel("ALLOCATED_BY", ref, self.ext.ref_of(m), ev)
                    return
            council = _local_council(self.ext, allocator) if re.search(r"\bCouncil\b", cell.text) else None
            if council is not None:
                self.ext.raw.rel("ALLOCATED_BY", ref, council, ev)

    def _node(self, row_number: int, col: Column) -> str | None:
        return self.ids.get((row_number, col.index if self.per_cell else None))

    def _tie_sections(self) -> None:
        """The item rows under a section's subtotal row break it down (counted once: as items)."""
        from loaders.raw import Ref

        for row in self.rows:
            if row.kind != "item" or row.section is None:
                continue
            for col in self.columns:
                child, parent = self._node(row.number, col), self._node(row.section, col)
                if child is not None and parent is not None:
                    start = next(c.start for c in row.cells if c.text)
                    self.ext.raw.rel("BREAKDOWN_OF", Ref("Allocation", child), Ref("Allocation", parent),
                                     self.ext.ev(start, row.block.end, "table"))

    def _item_sum(self, col_no: int, rows: list[Row]) -> int:
        return sum(r.values[col_no] or 0 for r in rows if r.kind == "item")

    def _check_totals(self) -> None:
        """Stated totals (wherever they stand) and section subtotals against the items they sum, per column."""
        items = [r for r in self.rows if r.kind == "item"]
        for row in self.rows:
            for col_no, stated in enumerate(row.values):
                if stated is None:
                    continue
                col = self.columns[col_no]
                if row.kind == "total":
                    got = self._item_sum(col_no, items)
                    if got != stated:
                        _finding(self.ext, row.cells, "total-mismatch",
                                 f"'{row.cells[0].text}' states £{stated:,} in column '{col.measure}' of table "
                                 f"{self.number} but the item rows add up to £{got:,} ({_difference(got, stated)})")
                elif row.kind == "subtotal":
                    got = self._item_sum(col_no, [r for r in items if r.section == row.number])
                    if got != stated:
                        _finding(self.ext, row.cells, "subtotal-mismatch",
                                 f"subtotal '{row.cells[0].text}' states £{stated:,} in column '{col.measure}' but "
                                 f"its rows add up to £{got:,}")

    def _stated_by_period(self) -> dict[str, int]:
        """The table's stated total per period (its first total row)."""
        total = next((r for r in self.rows if r.kind == "total"), None)
        if total is None:
            return {}
        return {c.period: v for c, v in zip(self.columns, total.values, strict=True) if c.period and v is not None}

    def _tie_breakdown(self) -> None:
        """A table whose heading or introduction names an item row of an earlier table ("The locality allocations
        to each CSP are as follows:") breaks that row down: its items are tied to it and never counted twice."""
        from loaders.raw import Ref

        parent = _parent_row(self.ext, self.id, self.context, self._stated_by_period())
        items = [r for r in self.rows if r.kind == "item"]
        if parent is None or not items:
            return
        intro = self.intro[0] if self.intro else None
        for row in items:
            start = next(c.start for c in row.cells if c.text)
            ev = self.ext.ev(intro.start, intro.end, "table") if intro else self.ext.ev(start, row.block.end, "table")
            for col in self.columns:
                child = self._node(row.number, col)
                if child is not None:
                    self.ext.raw.rel("BREAKDOWN_OF", Ref("Allocation", child), parent.ref, ev)
        parent_amounts = dict(zip(parent.properties.get("periods") or [], parent.properties.get("amounts_gbp") or [],
                                  strict=False))
        where = next((r for r in self.rows if r.kind == "total"), items[-1])
        for col_no, col in enumerate(self.columns):
            stated = parent_amounts.get(col.period or "")
            got = self._item_sum(col_no, items)
            if stated is not None and got != stated:
                _finding(self.ext, where.cells, "breakdown-mismatch",
                         f"the breakdown of '{parent.properties.get('purpose')}' in table {self.number} adds up to "
                         f"£{got:,} in column '{col.measure}', but the row it breaks down states £{stated:,} "
                         f"({_difference(got, stated)})")


def _difference(got: int, stated: int) -> str:
    return f"£{abs(got - stated):,} {'more' if got > stated else 'less'} than stated"


def _parent_row(ext: Walk, table: str, context: str,
                stated: dict[str, int] | None = None) -> RawNode | None:
    """The item row of an earlier table of this document that this table breaks down: the latest whose purpose
    (two words or more) the heading or introduction names word for word; else the latest whose amounts equal this
    table's stated total in every period they share, two periods at least (one equal figure is a coincidence)."""
    named, equal = None, None
    for node in _earlier_items(ext, table):
        purpose = re.sub(r"\s+", " ", str(node.properties.get("purpose") or "")).strip()
        if len(purpose.split()) >= 2 and re.search(r"(?<!\w)" + re.escape(purpose) + r"(?!\w)", context, re.I):
            named = node
        amounts = dict(zip(node.properties.get("periods") or [], node.properties.get("amounts_gbp") or [],
                           strict=False))
        shared = [p for p in (stated or {}) if p and p in amounts]
        if len(shared) >= 2 and all(amounts[p] == (stated or {})[p] for p in shared):
            equal = node
    return named or equal


def _earlier_items(ext: Walk, table: str) -> list[RawNode]:
    """Item rows given out of the tables of this document read before `table`."""
    prefix = ext.doc.id + "#"
    return [node for node in ext.raw.nodes
            if node.ref.label == "Allocation" and str(node.properties.get("table") or "").startswith(prefix)
            and node.properties.get("table") != table and node.properties.get("row_kind") == "item"
            and node.properties.get("flow") != "receipt"]


def _stream_and_allocator(ext: Walk, heading: str,
                          intro: tuple[Sentence, list[Mention]] | None) -> tuple[Ref | None, Ref | None]:
    """The stream and allocating body a table's heading or introduction names, else the section's."""
    from loaders.raw import Ref

    stream = ext.stream_context
    allocator: Ref | None = None
    for text in (heading, intro[0].text if intro else ""):
        for m in find_mentions(text, 0, ext.areas):
            if m.label == "FundingStream":
                stream = Ref("FundingStream", m.name)
            elif m.label == "Body" and allocator is None:
                allocator = Ref("Body", m.name)
    if allocator is None:
        allocator = ext.table_allocators.get(heading)
    if allocator is None and ext.focus is not None:
        allocator = ext.ref_of(ext.focus)
    return stream, allocator


def _local_council(ext: Walk, body: Ref | None) -> Ref | None:
    """"Council revenue funding" in the budget of the Safer Northshire Partnership: the one council of the place
    the body's name carries that this document names (Northshire County Council)."""
    from loaders.raw import Ref

    if body is None:
        return None
    found = []
    for name in sorted(ext.body_names):
        council = re.fullmatch(r"(?P<place>[A-Z][\w&' -]+?) (?:County |City |District |Borough )?Council", name)
        if council is not None and re.search(r"(?<!\w)" + re.escape(council.group("place")) + r"(?!\w)", body.name):
            found.append(name)
    return Ref("Body", found[0]) if len(found) == 1 else None


def _finding(ext: Walk, cells: list[Cell], rule: str, message: str) -> None:
    start = next(c.start for c in cells if c.text)
    end = max(c.end for c in cells)
    ev = ext.ev(start, end, "table")
    ext.raw.findings.append(Finding(rule=rule, doc=ext.doc.id, line=ext.doc.line_at(start), message=message,
                                    evidence=[ev]))


def _theme_ref(text: str) -> Ref | None:
    from loaders.raw import Ref
    from loaders.resolve import themes_of

    found = themes_of(text)
    return Ref("Theme", found[0]) if found else None


def _targets(ext: Walk, ref: Ref, row: Row, ev: Any, recipients_are_csps: bool) -> None:
    """Who receives a row's money and what it is for: a body or service the row names (an acronym too: resolve
    keeps the line the schema allows), a district's partnership in a table of CSPs, programmes and themes."""
    from loaders.raw import Ref

    if recipients_are_csps:
        area = ext.area_of(row.purpose)
        if area is not None:
            ext.raw.rel("ALLOCATED_TO", ref, Ref("CSPFor", area), ev)
            ext.raw.rel("ALLOCATED_TO", ref, Ref("Area", area), ev)
            ext.raw.node(Ref("Area", area), ev)
    label_cell = row.cells[0] if row.cells[0].text else row.cells[1]
    for m in find_mentions(label_cell.text, label_cell.start, ext.areas):
        if m.label == "FundingStream":
            # "Victim Support Grant": a grant named after the organisation it goes to
            stem = re.sub(r"\s+(?:Grant|Contribution)$", "", m.name)
            named = [b for b in find_mentions(stem, m.start, ext.areas) if b.label == "Body" and b.name == stem]
            if stem != m.name and named:
                ext.raw.rel("ALLOCATED_TO", ref, ext.register(named[0], "table") or Ref("Body", stem), ev)
        elif m.label == "Programme":
            ext.register(m, "table")
            ext.raw.rel("FOR", ref, Ref("Programme", m.name), ev)
        elif m.label == "Acronym":
            ext.raw.rel("FOR", ref, Ref("Acronym", m.name), ev)
            ext.raw.rel("ALLOCATED_TO", ref, Ref("Acronym", m.name), ev)
        elif m.label == "Body":
            ext.register(m, "table")
            ext.raw.rel("ALLOCATED_TO", ref, Ref("Body", m.name), ev)
    theme = row.theme or _theme_ref(row.purpose)
    if theme is not None:
        ext.raw.rel("FOR", ref, theme, ev)
        ext.raw.node(theme, ev)


def extract_acronyms(ext: Walk, rows: list[Block]) -> None:
    """The acronym table: each row holds one or two (acronym, meaning) pairs; meanings that name a body,
    programme or stream make the acronym an alias of it, and their notes state renames and mergers."""
    from loaders.raw import Ref

    for row in rows:
        cells = _cells(ext, row)
        pairs: list[tuple[str, int, str, int]] = []
        if len(cells) >= 2 and re.fullmatch(r"[A-Z][A-Za-z&]{1,8}(?: \([A-Z]+\))?", cells[0].text):
            pairs.append((cells[0].text, cells[0].start, cells[1].text, cells[1].start))
        for text, start in [(c.text, c.start) for c in cells[2:]]:
            m = re.match(r"([A-Z][A-Z&]{1,8}(?: \([A-Z]+\))?) (.+)$", text)
            if m:
                pairs.append((m.group(1), start, m.group(2), start + m.start(2)))
        for acronym, a_start, meaning, m_start in pairs:
            name = re.split(r"\. |\s+-\s+|\s+\(", meaning, maxsplit=1)[0].strip().rstrip(".")
            found = [x for x in find_mentions(name, m_start, ext.areas) if x.label in {"Body", "Programme",
                                                                                       "FundingStream"}]
            row_ev = ext.ev(a_start, m_start + len(meaning), "acronym-table")
            if not found or found[0].name != re.sub(r"\s+", " ", name).strip():
                continue
            thing = found[0]
            thing_ref = ext.register(thing, "acronym-table")
            if thing_ref is None:
                continue
            ext.raw.aliases.append((thing_ref, acronym, row_ev))
            note = meaning[len(name):]
            replaced = re.search(r"replaced by (?:the )?([A-Z][\w ]+?) in (\w+ \d{4})", note)
            if replaced:
                target = Ref("Body", replaced.group(1).strip())
                ext.raw.rel("SUCCEEDED_BY", thing_ref, target, row_ev, status="planned",
                            valid_from=rules.date_in("in " + replaced.group(2)))
            replaced_old = rules.REPLACED.search(note)  # "(replaced the Police Complaints Authority with effect ...)"
            if replaced_old and not replaced_old.group(1):
                olds = [x for x in find_mentions(replaced_old.group(2), m_start + len(name) + replaced_old.start(2),
                                                 ext.areas) if x.label == "Body"]
                old_ref = ext.register(olds[0], "acronym-table") if olds else None
                if old_ref is not None:
                    when = rules.date_in(note[replaced_old.end():])
                    ext.raw.rel("SUCCEEDED_BY", old_ref, thing_ref, row_ev, status="current",
                                **({"valid_from": when} if when else {}))
            formerly = re.search(r"formerly known as ([A-Z]{2,})s?", note) or re.search(r"\bNow ([A-Z]{2,})s?\b", note)
            if formerly:
                other = Ref("Acronym", formerly.group(1))
                if "formerly" in formerly.group(0):
                    ext.raw.rel("SUCCEEDED_BY", other, thing_ref, row_ev, status="current")
                else:
                    ext.raw.rel("SUCCEEDED_BY", thing_ref, other, row_ev, status="current")
            law = re.search(r"under (?:S\d+ )?((?:[A-Z][a-z]+ (?:and )?)+Act \d{4})", note)
            if law:
                lref = Ref("Legislation", law.group(1))
                ext.raw.node(lref, row_ev, year=int(law.group(1)[-4:]))
                ext.raw.rel("ESTABLISHED_UNDER", thing_ref, lref, row_ev, status="current")




MONEY = re.compile(r"£\s?(\d{1,3}(?:,\s?\d{3})+|\d+(?:\.\d+)?)\s*(million|m\b|billion)?", re.I)
MONEY_WORDS = re.compile(r"\b(?:received?|receives|provided|contribut\w*|amounting|allocat\w*|budget|grant|pool|"
                         r"funding)\b", re.I)
RECEIVED = re.compile(r"\b(?:has received|have received|received|receives?)\b", re.I)
GAVE = re.compile(r"\b(?:provide[sd]?|contribute[sd]?|allocate[sd]?|gave|gives|give|fund(?:s|ed)?|award(?:s|ed)|"
                  r"grant(?:s|ed))\b", re.I)
# "the total youth justice grant of £770,067", "In total the value of the pooled budget ... was £3.3million": a
# stated whole, of which other figures are parts; it is not added to them.
STATED_WHOLE = re.compile(r"\btotal\b", re.I)
RECIPIENT = re.compile(r"^\s*(?:[a-z]+\s+){0,3}?(?:to|for) (?:the )?([A-Z][\w ,&'-]*?)(?= and £|[,.;]| \(| as | to |$)")
SCALE = {"million": 1_000_000, "m": 1_000_000, "billion": 1_000_000_000}


def prose_amount(ext: Walk, offset: int, match: re.Match[str]) -> int:
    """The pounds a money phrase states ('£3.3million' is 3,300,000), refused when no document can mean it."""
    digits = match.group(1).replace(",", "").replace(" ", "")
    try:
        amount = Decimal(digits) * SCALE.get((match.group(2) or "").lower(), 1)
    except InvalidOperation as error:  # the pattern admits only digits: a surprise is a document problem
        raise DocumentError(ext.doc.id, ext.doc.line_at(offset), f"unreadable amount {match.group(0)!r}") from error
    refuse_impossible(ext, amount, offset, match.group(0).strip())
    return int(amount)


def prose_allocations(ext: Walk, s: Sentence, mentions: list[Mention]) -> None:
    """Money stated in a sentence of the funding chapter: '£X for <area>', '<body> has received £X from <body>',
    '<body> contributes £X to <body>'; a stated whole ('the total ... of £Y') is kept as a total, not an item."""
    if not ext.in_funding:
        return
    text = s.text
    if not MONEY_WORDS.search(text):
        return
    for match in MONEY.finditer(text):
        after = text[match.end():match.end() + 80]
        before = text[:match.start()]
        if re.match(r"\s*(?:per cent|%)", after) or re.search(r"for every\s*$", before):
            continue
        _prose_allocation(ext, s, mentions, match, before, after)


def _prose_allocation(ext: Walk, s: Sentence, mentions: list[Mention], match: re.Match[str],
                      before: str, after: str) -> None:
    from loaders.raw import Ref

    text = s.text
    start = s.start + match.start()
    amount = prose_amount(ext, start, match)
    clause = re.split(r"[.;]\s", before)[-1]
    whole = bool(STATED_WHOLE.search(clause))
    received = bool(RECEIVED.search(clause))
    period = rules.period_of(text)
    measure = readable_period(period) or ("per annum" if re.match(r"\s*(?:per annum|a year|each year)", after)
                                          else None)
    ref = Ref("Allocation", f"allocation-{ext.doc.id[:3]}-p{start}")
    ev = ext.ev(s.start, s.end, "rule:money")
    ext.raw.node(ref, ev, amount_gbp=amount, period=period, purpose=re.sub(r"\s+", " ", text)[:200],
                 row_kind="total" if whole else "item", flow="receipt" if received else "allocation",
                 measures=[measure] if measure else None)
    subject = ext.sentence_subject(s, mentions)
    subject_gives = subject is not None and not received and bool(GAVE.search(clause))
    streams = [m for m in mentions if m.label == "FundingStream"]
    # A body's own contribution ("Leicestershire Police also contributes £91,687 per annum to ...") is not the
    # section's stream unless the sentence names one.
    context = ext.stream_context
    named_context = context is not None and re.search(re.escape(context.name), text, re.I) is not None
    stream = Ref("FundingStream", streams[0].name) if streams else (
        context if named_context or not subject_gives else None)
    if stream is not None:
        ext.raw.rel("FROM_STREAM", ref, stream, ev)
    if received and subject is not None:
        ext.raw.rel("ALLOCATED_TO", ref, ext.ref_of(subject), ev)
    elif subject_gives and subject is not None:
        ext.raw.rel("ALLOCATED_BY", ref, ext.ref_of(subject), ev)
    if not (subject_gives or _prose_giver(ext, ref, text[match.start():], ev)):
        _budget_owner(ext, ref, before, s.start, mentions, ev)
    if not received:
        _prose_recipient(ext, ref, after, s.start + match.end(), ev)


def _prose_giver(ext: Walk, ref: Ref, rest: str, ev: Any) -> bool:
    """'... £X from the Home Office': the body the money comes from (True when one is named)."""
    from loaders.raw import Ref

    giver = re.search(r"\bfrom the ([A-Z][\w ]+?)(?=\s(?:for|to|in|and)\b|[,.]|$)", rest)
    if giver is None:
        return False
    found = [m for m in find_mentions(giver.group(1), 0, ext.areas) if m.label == "Body"]
    if found:
        ext.raw.rel("ALLOCATED_BY", ref, Ref("Body", found[0].name), ev)
    return bool(found)


# "The Home Office DIP budget of £621,000", "the County Council's grant was £40,000": the body whose budget it is.
BUDGET_OF = re.compile(r"((?:[A-Z][\w'&-]*\s+){1,6}?)(?:'s\s+)?(?:[a-z]+\s+){0,2}?(?:budget|grant|funding|monies|"
                       r"contribution)s?\s+(?:of|was|were|is|amounting to)\s*$")


def _budget_owner(ext: Walk, ref: Ref, before: str, offset: int, mentions: list[Mention],
                  ev: Any) -> None:
    """The body named just before 'budget of £X' (the sentence's own mentions: a name glued to a stream's
    acronym, "Home Office DIP", is not one name)."""
    owner = BUDGET_OF.search(before)
    if owner is None:
        return
    low, high = offset + owner.start(1), offset + owner.end(1)
    found = [m for m in mentions if m.label == "Body" and low <= m.start and m.end <= high]
    if not found:
        name = re.sub(r"(?:\s+[A-Z]{2,}s?)+\s*$", "", owner.group(1))  # "Home Office DIP": the stream's acronym off
        found = [m for m in find_mentions(name, low, ext.areas) if m.label == "Body"]
    if found:
        ext.raw.rel("ALLOCATED_BY", ref, ext.ref_of(found[0]), ev)


def _prose_recipient(ext: Walk, ref: Ref, after: str, offset: int, ev: Any) -> None:
    """'£X to the County YOS ...' or '£X for Leicester City': a body or service where the words name one, else
    the area they name."""
    from loaders.raw import Ref

    target = RECIPIENT.match(after)
    if target is None:
        return
    named = [m for m in find_mentions(target.group(1), offset + target.start(1), ext.areas)
             if m.label in {"Body", "Acronym"}]
    if named:
        ext.raw.rel("ALLOCATED_TO", ref, ext.ref_of(named[0]), ev)
        return
    area = ext.area_of(target.group(1))
    if area is not None:
        ext.raw.rel("ALLOCATED_TO", ref, Ref("Area", area), ev)
        ext.raw.node(Ref("Area", area), ev)
