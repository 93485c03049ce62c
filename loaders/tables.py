"""Tab-flattened tables (funding tables with section, subtotal and total rows; the two-column acronym
table) and sums of money stated in prose. Totals that do not add up become findings, never corrections."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from graph.model import Finding
from loaders import rules
from loaders.mentions import Mention, find_mentions
from loaders.text import Block, Sentence

if TYPE_CHECKING:
    from loaders.extract import DocumentExtractor
    from loaders.raw import Ref

AMOUNT = re.compile(r"^\s*£?\s?(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:\(.*\))?\s*$")
TOTAL = re.compile(r"^\s*(?:grand total|total(?: allocated)?|allocation in total|sub-?total)\b", re.I)
BALANCE = re.compile(r"^\s*(?:amount to be allocated|balance|unallocated|remaining)\b", re.I)


def amount_of(cell: str) -> int | None:
    if cell.strip().lower() in {"nil", "£nil"}:
        return 0  # "Nil" in a spend column: nothing spent, which is a figure
    match = AMOUNT.match(cell.replace("\u00a3", "£"))
    if match is None:
        return None
    return int(match.group(1).replace(",", ""))


def _months(period: str) -> int | None:
    match = re.fullmatch(r"(\d{4})-(\d{2})/(\d{4})-(\d{2})", period)
    if match is None:
        return None
    a = int(match.group(1)) * 12 + int(match.group(2))
    b = int(match.group(3)) * 12 + int(match.group(4))
    return b - a + 1


def _cells(ext: DocumentExtractor, row: Block) -> list[tuple[str, int, int]]:
    """(text, start, end) of each tab-separated cell, offsets in the document."""
    out = []
    pos = row.start
    for piece in ext.clean[row.start:row.end].split("\t"):
        lead = len(piece) - len(piece.lstrip())
        text = piece.strip()
        out.append((text, pos + lead, pos + lead + len(text)))
        pos += len(piece) + 1
    return out


def extract_table(ext: DocumentExtractor, rows: list[Block], intro: tuple[Sentence, list[Mention]] | None,
                  heading: str) -> None:
    from loaders.raw import Ref

    ext.table_count += 1
    table_no = ext.table_count
    header = _cells(ext, rows[0])
    body = [_cells(ext, r) for r in rows[1:]]
    amount_cols = sorted({i for cells in body for i, (t, _, _) in enumerate(cells) if i > 0 and amount_of(t) is not None})
    if not amount_cols:
        return  # not a money table
    label_cols = [i for i in range(len(header)) if i not in amount_cols]
    # The heading and the whole paragraph before the table ("... has received £184,576 from the Home Office for
    # 2012/13. The SLP Executive has agreed to fund the following:-").
    intro_text = "" if not intro else (getattr(intro[0].block, "text", None) or intro[0].text)
    context = " ".join([heading, intro_text])
    base_period = rules.period_of(context)
    periods: list[str | None] = []
    for i in amount_cols:
        h = header[i][0] if i < len(header) else ""
        p = rules.period_of(h)
        if p is None and re.search(r"(\d+)\s*month", h):
            months = int(re.search(r"(\d+)\s*month", h).group(1))  # type: ignore[union-attr]
            p = next((q for q in ext.column_periods if _months(q) == months), None)
        if p is None and re.search(r"spend|quarter", h, re.I):
            q = re.search(r"(\d{1,2})\s*(?:st|nd|rd|th)?\s+(\w+)\s*[-\u2013\u2014]\s*"
                          r"(\d{1,2})\s*(?:st|nd|rd|th)?\s+(\w+)\s+(\d{4})", h)
            if q and q.group(2).lower() in rules.MONTHS and q.group(4).lower() in rules.MONTHS:
                p = f"{q.group(5)}-{rules.MONTHS[q.group(2).lower()]:02d}/{q.group(5)}-{rules.MONTHS[q.group(4).lower()]:02d}"
        periods.append(p or base_period)
    ext.column_periods.extend(p for p in periods if p and "/" in p)
    by_period = any(rules.period_of(header[i][0]) or "month" in header[i][0].lower() or "spend" in header[i][0].lower()
                    for i in amount_cols if i < len(header)) or len(amount_cols) == 1
    # Who allocates, from which stream: the heading and the sentence before the table.
    stream = ext.stream_context
    allocator: Ref | None = None
    for text, start in ((heading, None), (intro[0].text if intro else "", None)):
        del start
        for m in find_mentions(text, 0, ext.areas):
            if m.label == "FundingStream":
                stream = Ref("FundingStream", m.name)
            elif m.label == "Body" and allocator is None:
                allocator = Ref("Body", m.name)
    if allocator is None:
        allocator = ext.table_allocators.get(heading)
    if allocator is None and ext.focus is not None:
        allocator = ext.ref_of(ext.focus)
    if allocator is not None:
        ext.table_allocators[heading] = allocator
    recipients_are_areas = bool(re.search(r"\b(?:CSP|district|partnership|locality)\b", header[0][0], re.I))
    section_theme: Ref | None = None
    section_rows: list[tuple[int, list[int | None]]] = []  # rows of the current section
    section_head: tuple[list[tuple[str, int, int]], list[int | None]] | None = None
    items: list[list[int | None]] = []
    totals: list[tuple[list[tuple[str, int, int]], list[int | None]]] = []
    last_purpose = ""

    def close_section() -> None:
        if section_head is not None and any(v is not None for v in section_head[1]):
            cells, stated = section_head
            for col, value in enumerate(stated):
                got = sum(r[col] or 0 for _, r in section_rows)
                if value is not None and section_rows and got != value:
                    _finding(ext, cells, "subtotal-mismatch",
                             f"subtotal '{cells[0][0]}' states £{value:,} but its rows add up to £{got:,}")

    for row_no, cells in enumerate(body, start=1):
        label = cells[0][0] if cells else ""
        values = [amount_of(cells[i][0]) if i < len(cells) else None for i in amount_cols]
        text_label = label or (cells[1][0] if len(cells) > 1 and 1 not in amount_cols else "")
        is_section = label.endswith(":") or re.match(r"^Priority \d+:", label)
        if TOTAL.match(label):
            kind = "total"
        elif BALANCE.match(label):
            kind = "balance"
        elif is_section and any(v is not None for v in values):
            kind = "subtotal"
        elif is_section:
            kind = "section"
        else:
            kind = "item"
        if kind in {"section", "subtotal"}:
            close_section()
            theme_text = re.sub(r"^Priority \d+:\s*", "", label).rstrip(":")
            section_theme = _theme_ref(theme_text)
            section_head = (cells, values) if kind == "subtotal" else None
            section_rows = []
        if kind == "total":
            close_section()
            section_head = None
            totals.append((cells, values))
        if kind == "section":
            continue
        if all(v is None for v in values) and kind == "item":
            if text_label:
                last_purpose = text_label
            continue
        if kind == "item":
            items.append(values)
            section_rows.append((row_no, values))
        purpose = text_label
        note = None
        if not label and len(cells) > 1:
            purpose = f"{last_purpose}: {cells[1][0]}" if last_purpose else cells[1][0]
        elif len(label_cols) > 1 and len(cells) > 1 and cells[1][0] and 1 in label_cols:
            note = cells[1][0]
        if label:
            last_purpose = label
        row_start = cells[0][1] if label else next(c[1] for c in cells if c[0])
        ev = ext.ev(row_start, rows[row_no].end, "table")
        cell_specs = [(amount_cols[c], v) for c, v in enumerate(values) if v is not None]
        groups: list[list[tuple[int, int]]] = [cell_specs] if by_period else [[spec] for spec in cell_specs]
        for group in groups:
            col_ids = "-".join(str(c) for c, _ in group)
            alloc_id = f"allocation-{ext.doc.id[:3]}-t{table_no}-r{row_no}" + ("" if by_period else f"-c{col_ids}")
            cols = [_header(header, c) for c, _ in group]
            pers = [periods[amount_cols.index(c)] for c, _ in group]
            props: dict[str, Any] = {
                "amount_gbp": group[0][1], "period": pers[0], "purpose": purpose, "row_kind": kind,
                "amounts_gbp": [v for _, v in group], "periods": [p or "" for p in pers], "columns": cols,
                "table": f"{ext.doc.id}#table{table_no}", "row": row_no, "note": note,
            }
            if len(group) > 1 and re.search(r"spend", cols[-1], re.I):
                props["spend_gbp"], props["spend_period"] = group[-1][1], pers[-1]
            ref = Ref("Allocation", alloc_id)
            ext.raw.node(ref, ev, **props)
            if stream is not None:
                ext.raw.rel("FROM_STREAM", ref, stream, ev)
            elif not by_period:
                source = Ref("FundingStream", cols[0])
                ext.raw.node(source, ext.ev(header[group[0][0]][1], header[group[0][0]][2], "table"))
                ext.raw.rel("FROM_STREAM", ref, source, ev)
            if allocator is not None:
                ext.raw.rel("ALLOCATED_BY", ref, allocator, ev)
            if kind == "item":
                _targets(ext, ref, purpose, cells, ev, recipients_are_areas, section_theme)
    close_section()
    # Stated totals (wherever they stand in the table) against the sum of its item rows, column by column.
    for cells, values in totals:
        for col, value in enumerate(values):
            got = sum(r[col] or 0 for r in items)
            if value is not None and got != value:
                _finding(ext, cells, "total-mismatch",
                         f"'{cells[0][0]}' states £{value:,} in column '{_header(header, amount_cols[col])}' "
                         f"but the item rows add up to £{got:,}")


def _header(header: list[tuple[str, int, int]], col: int) -> str:
    return header[col][0] if col < len(header) else f"column {col + 1}"


def _finding(ext: DocumentExtractor, cells: list[tuple[str, int, int]], rule: str, message: str) -> None:
    start = next(c[1] for c in cells if c[0])
    end = max(c[2] for c in cells)
    ev = ext.ev(start, end, "table")
    ext.raw.findings.append(Finding(rule=rule, doc=ext.doc.id, line=ext.doc.line_at(start), message=message,
                                    evidence=[ev]))


def _theme_ref(text: str) -> Ref | None:
    from loaders.raw import Ref
    from loaders.resolve import themes_of

    found = themes_of(text)
    return Ref("Theme", found[0]) if found else None


def _targets(ext: DocumentExtractor, ref: Ref, purpose: str, cells: list[tuple[str, int, int]], ev: Any,
             recipients_are_areas: bool, section_theme: Ref | None) -> None:
    from loaders.raw import Ref

    if recipients_are_areas:
        area = ext.area_of(purpose)
        if area is not None:
            ext.raw.rel("ALLOCATED_TO", ref, Ref("CSPFor", area), ev)
            ext.raw.rel("ALLOCATED_TO", ref, Ref("Area", area), ev)
            ext.raw.node(Ref("Area", area), ev)
    label_cell = cells[0] if cells[0][0] else cells[1]
    for m in find_mentions(label_cell[0], label_cell[1], ext.areas):
        if m.label == "Programme" or m.label == "Acronym":
            ext.raw.rel("FOR", ref, Ref("Programme", m.name) if m.label == "Programme" else Ref("Acronym", m.name), ev)
            if m.label == "Programme":
                ext.register(m, "table")
        elif m.label == "Body":
            ext.register(m, "table")
            ext.raw.rel("ALLOCATED_TO", ref, Ref("Body", m.name), ev)
    if section_theme is not None:
        ext.raw.rel("FOR", ref, section_theme, ev)
        ext.raw.node(section_theme, ev)
    else:
        theme = _theme_ref(purpose)
        if theme is not None:
            ext.raw.rel("FOR", ref, theme, ev)
            ext.raw.node(theme, ev)


def extract_acronyms(ext: DocumentExtractor, rows: list[Block]) -> None:
    """The acronym table: each row holds one or two (acronym, meaning) pairs; meanings that name a body,
    programme or stream make the acronym an alias of it, and their notes state renames and mergers."""
    from loaders.raw import Ref

    for row in rows:
        cells = _cells(ext, row)
        pairs: list[tuple[str, int, str, int]] = []
        if len(cells) >= 2 and re.fullmatch(r"[A-Z][A-Za-z&]{1,8}(?: \([A-Z]+\))?", cells[0][0]):
            pairs.append((cells[0][0], cells[0][1], cells[1][0], cells[1][1]))
        for text, start, _ in cells[2:] if len(cells) > 2 else []:
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


def prose_allocations(ext: DocumentExtractor, s: Sentence, mentions: list[Mention]) -> None:
    """Money stated in a sentence of the funding chapter: '£X for <area>', '<body> has received £X'."""
    from loaders.raw import Ref

    if not ext.in_funding:
        return
    text = s.text
    if not re.search(r"\b(?:received?|receives|provided|contribut\w*|amounting|allocat\w*|budget|grant|pool|"
                     r"funding)\b", text, re.I):
        return
    for match in MONEY.finditer(text):
        raw_amount = match.group(1).replace(",", "").replace(" ", "")
        amount = float(raw_amount)
        unit = (match.group(2) or "").lower()
        if unit in {"million", "m"}:
            amount *= 1_000_000
        elif unit == "billion":
            amount *= 1_000_000_000
        after = text[match.end():match.end() + 60]
        before = text[:match.start()]
        if re.match(r"\s*(?:per cent|%)", after) or re.search(r"for every\s*$", before):
            continue
        start = s.start + match.start()
        alloc_id = f"allocation-{ext.doc.id[:3]}-p{start}"
        ref = Ref("Allocation", alloc_id)
        ev = ext.ev(s.start, s.end, "rule:money")
        ext.raw.node(ref, ev, amount_gbp=int(amount), period=rules.period_of(text), purpose=re.sub(r"\s+", " ", text)[:200],
                     row_kind="item")
        streams = [m for m in mentions if m.label == "FundingStream"]
        stream = Ref("FundingStream", streams[0].name) if streams else ext.stream_context
        if stream is not None:
            ext.raw.rel("FROM_STREAM", ref, stream, ev)
        target = re.match(r"\s*(?:\w+\s+){0,3}?for (?:the )?([A-Z][\w ,&]+?)(?= and £|[,.;]| \(|$)", after)
        if target:
            area = ext.area_of(target.group(1))
            if area is not None:
                ext.raw.rel("ALLOCATED_TO", ref, Ref("Area", area), ev)
                ext.raw.node(Ref("Area", area), ev)
        receiver = re.search(r"([A-Z][\w ()]+?) (?:has received|receives?|received) $", before[-80:] + " "
                             if False else before[-80:])
        subject = ext.sentence_subject(s, mentions)
        if re.search(r"\b(?:has received|receives?|received)\b", before) and subject is not None:
            ext.raw.rel("ALLOCATED_TO", ref, ext.ref_of(subject), ev)
        del receiver
        giver = re.search(r"\bfrom the ([A-Z][\w ]+?)(?=\s(?:for|to|in|and)\b|[,.]|$)", text[match.start():])
        if giver:
            gm = [m for m in find_mentions(giver.group(1), 0, ext.areas) if m.label == "Body"]
            if gm:
                ext.raw.rel("ALLOCATED_BY", ref, Ref("Body", gm[0].name), ev)
