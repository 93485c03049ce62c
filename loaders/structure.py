"""The structure stage: a cleaned same-length view of a text, and its blocks (headings, paragraphs across page
breaks, list items of any bullet with their nesting, table rows separated by tabs, pipes or aligned spaces,
"Label: value" lines), sections and sentences. Every unit keeps character offsets into the original text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.read import Document

# Counts written as words ("the four Boards", "has three sub-groups"): the one table every reader of counts uses.
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
COUNT_WORD = r"(?:" + "|".join(NUMBER_WORDS) + r"|\d{1,2})"  # a count as a word or in figures


def count_of(word: str) -> int:
    """The number a count word or figure stands for ("four" -> 4, "12" -> 12)."""
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]

# Same-length substitutions, so offsets in the clean view are offsets in the document.
_SUBSTITUTE = {"*": " ", "#": " ", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
               "\u2014": "-", "\u2022": "-", "\u00b7": "-", "\uf0b7": "-", "\uf0a7": "-", "\u25aa": "-",
               "\u25cf": "-", "\u25e6": "-", "\u27a2": "-", "\u2043": "-", "\u25ba": "-", "\u2023": "-",
               "\t": "\t"}
_TABLE = str.maketrans(_SUBSTITUTE)
_CIRC = re.compile(r"\\circ")
# A bullet that is a letter or a star at the start of a line ("o  Item", "* Item") becomes a dash; elsewhere a
# star is emphasis and is blanked.
_LINE_BULLET = re.compile(r"(?m)^([ \t]*)([o*])(?=[ \t]+\S)")
# Pipe tables ("| a | b |") and their rules ("|---|---|"): pipes become tabs, so rows read like tab rows.
_PIPE_ROW = re.compile(r"(?m)^[ \t]*\|?(?:[^|\n]*\|){2,}[^|\n]*$")
_PIPE_RULE = re.compile(r"^[\s|:\-+]+$")
# Two or more gaps of three spaces inside a line: columns aligned with spaces.
_ALIGNED_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")


def clean_view(text: str) -> str:
    out = _LINE_BULLET.sub(lambda m: m.group(1) + "-", text)
    out = out.translate(_TABLE)
    out = _CIRC.sub(lambda m: "-" + " " * (len(m.group()) - 1), out)
    out = _PIPE_ROW.sub(_pipes_to_tabs, out)
    out = _aligned_columns_to_tabs(out)
    assert len(out) == len(text)
    return out


def _pipes_to_tabs(match: re.Match[str]) -> str:
    row = match.group()
    if _PIPE_RULE.match(row):
        return " " * len(row)  # the rule under a header is no row
    inner = row.strip()
    lead = len(row) - len(row.lstrip())
    # The outer pipes are blanks; the inner ones separate cells.
    body = inner[1:] if inner.startswith("|") else inner
    body = body[:-1] + " " if body.endswith("|") else body
    cells = body.replace("|", "\t")
    return row[:lead] + (" " if inner.startswith("|") else "") + cells


def _aligned_columns_to_tabs(text: str) -> str:
    """Lines in a run of two or more that each have two aligned gaps are table rows: each gap starts with a tab."""
    lines = text.split("\n")
    gapped = [len(_ALIGNED_GAP.findall(line)) >= 2 and "\t" not in line for line in lines]
    out = []
    for index, line in enumerate(lines):
        neighbour = (index > 0 and gapped[index - 1]) or (index + 1 < len(lines) and gapped[index + 1])
        if gapped[index] and neighbour:
            line = _ALIGNED_GAP.sub(lambda m: "\t" + m.group()[1:], line)
        out.append(line)
    return "\n".join(out)


_BULLET = re.compile(r"^\s*(?:(?:-|>|\(?[ivx]{1,4}[.)]|\(?[a-zA-Z][.)]|\d{1,2}(?:\.\d{1,2})+\.?|\d{1,2}[.)]|\(\d{1,2}\))\s+"
                     r"|-(?=[A-Z]))")
# "Chair: the Chief Constable", "Lead Officer- Jane Smith", "Membership:": a short label, then its value.
LABEL_LINE = re.compile(r"^\s*([A-Z][A-Za-z'&/() ]{1,40}?)\s*(?::|\s-|-\s)\s*(.*)$")
_NUMBERED = re.compile(r"^\s*\d{1,2}[.)]\s+")
_TERMINAL = (".", ":", ";", ",", "!", "?")
_CONNECTOR_END = re.compile(r"\b(?:and|or|of|the|a|an|to|in|for|with|by|five|four|three|two|is|are|be)$", re.I)


@dataclass
class Block:
    kind: str  # heading | para | item | row
    start: int
    end: int
    line: int
    text: str  # clean view of the block
    depth: int = 0  # list nesting for items
    marker: str = ""  # the list marker ("-", "1.", "i.")
    label: str = ""  # a "Label: value" line's label
    value_start: int = 0  # where its value starts (document offset)

    @property
    def body(self) -> str:
        """The text without its list marker."""
        return self.text[len(self.marker):].strip() if self.marker else self.text.strip()

    @property
    def body_start(self) -> int:
        offset = len(self.marker) if self.marker else 0
        stripped = self.text[offset:]
        return self.start + offset + (len(stripped) - len(stripped.lstrip()))


@dataclass
class Sentence:
    start: int
    end: int
    text: str  # clean view
    block: Block


@dataclass
class Section:
    heading: Block | None
    blocks: list[Block] = field(default_factory=list)


def blocks_of(doc: Document, clean: str) -> list[Block]:
    """Classify lines into blocks; a paragraph broken by a page break (blank lines, then a lower-case
    continuation) is one block whose span covers the break."""
    lines = doc.lines
    blocks: list[Block] = []
    i = 0
    n = len(lines)

    def next_nonblank(j: int) -> int:
        while j < n and not lines[j].stripped:
            j += 1
        return j

    while i < n:
        line = lines[i]
        raw = clean[line.start:line.end]
        text = raw.strip()
        if not text:
            i += 1
            continue
        lead = len(raw) - len(raw.lstrip())
        start = line.start + lead
        end = line.start + len(raw.rstrip())
        if "\t" in raw:
            # Leading tabs are empty cells: keep them, or the row's cells shift left.
            row_start = line.start + (len(raw) - len(raw.lstrip(" ")))
            blocks.append(Block("row", row_start, end, line.number, clean[row_start:end]))
            i += 1
            continue
        inline = _inline_items(doc.text[line.start:line.end], line.start, line.number, clean)
        if inline:
            blocks.extend(inline)
            i += 1
            continue
        marker = _BULLET.match(raw)
        is_numbered_para = bool(_NUMBERED.match(raw)) and len(text) > 160
        if marker and not is_numbered_para:
            mtext = marker.group().strip()
            depth = 1 if lead >= 1 or mtext.startswith("-") and raw.startswith(" ") else 0
            block = Block("item", start, end, line.number, clean[start:end], depth=depth,
                          marker=clean[start:line.start + marker.end()].rstrip() + " ")
            block.marker = clean[start:line.start + marker.end()]
            blocks.append(block)
            i += 1
            continue
        # A paragraph: this line, plus continuations across page breaks.
        j = i + 1
        while True:
            k = next_nonblank(j)
            if k >= n:
                break
            following = clean[lines[k].start:lines[k].end].strip()
            current = clean[start:end].rstrip()
            continues = (following[:1].islower() and not current.endswith(_TERMINAL[:1]) and not _BULLET.match(following)) or (
                k == j and following and "\t" not in following and not _BULLET.match(following)
                and not current.endswith(_TERMINAL) and following[:1].islower()) or (
                # A long paragraph cut mid-sentence ("... the Prison Reform Trust, Howard" / "League for ...")
                len(current) > 130 and re.search(r"(?:,|\s[A-Z][a-z']+)$", current)
                and following[:1].isupper() and "\t" not in following and not _BULLET.match(following)
                and not _is_heading(following)) or (
                # A sentence cut after a function word ("reports to the" / "Northshire Justice Board ...")
                _CONNECTOR_END.search(current) is not None and len(current.split()) > 3 and "\t" not in following
                and not _BULLET.match(following))
            if not continues:
                break
            end = lines[k].start + len(clean[lines[k].start:lines[k].end].rstrip())
            j = k + 1
        text = clean[start:end]
        kind = "para"
        single = "\n" not in text.strip()
        label = LABEL_LINE.match(text) if single else None
        if label is not None and label.group(2) and len(label.group(1).split()) <= 4:
            block = Block("label", start, end, line.number, text, label=label.group(1).strip(),
                          value_start=start + label.start(2))
            blocks.append(block)
            i = j
            continue
        if single and _is_heading(text.strip()):
            kind = "heading"
        blocks.append(Block(kind, start, end, line.number, text))
        i = j
    _nest(blocks, doc.text)
    _colon_lists(blocks)
    return blocks


def _colon_lists(blocks: list[Block]) -> None:
    """Short lines without bullets under a line ending with a colon are that list's items ("... include:" /
    "Gateshead Council" / "Northumbria Police" / ...), three at least; a line followed by bulleted items stays a heading."""
    index = 0
    while index < len(blocks):
        if blocks[index].kind not in {"para", "label"} or not blocks[index].text.rstrip().endswith(":"):
            index += 1
            continue
        run = []
        j = index + 1
        while j < len(blocks) and _short_line(blocks[j]) and not (j + 1 < len(blocks) and blocks[j + 1].kind in {"item", "row"}):
            run.append(blocks[j])
            j += 1
        if len(run) >= 3:  # two short lines may be headings of what follows ("Community Safety Fund")
            for block in run:
                block.kind, block.marker, block.depth = "item", "", 0
        index = max(j, index + 1)


def _short_line(block: Block) -> bool:
    text = block.text.strip()
    return (block.kind in {"heading", "para"} and "\n" not in text and 0 < len(text.split()) <= 10
            and not text.endswith((".", ":", ";", "?", "!")))


_INLINE_BULLET = re.compile(r"[\u2022\u00b7\uf0b7\uf0a7\u25aa\u25cf]")


def _inline_items(raw: str, offset: int, number: int, clean: str) -> list[Block]:
    """"Members: \u2022 Council \u2022 Police \u2022 Probation": two or more bullets inside one line are items (the
    text before the first bullet, if any, is a paragraph that introduces them)."""
    marks = [m.start() for m in _INLINE_BULLET.finditer(raw)]
    if len(marks) < 2:
        return []
    out: list[Block] = []
    head = raw[:marks[0]].strip()
    if head:
        lead = len(raw) - len(raw.lstrip())
        begin, stop = offset + lead, offset + lead + len(head)
        out.append(Block("para", begin, stop, number, clean[begin:stop]))
    for index, mark in enumerate(marks):
        stop = marks[index + 1] if index + 1 < len(marks) else len(raw)
        piece = raw[mark:stop].rstrip()
        body = piece[1:].lstrip()
        if not body:
            continue
        start, end = offset + mark, offset + mark + len(piece)
        out.append(Block("item", start, end, number, clean[start:end], marker=clean[start:end - len(body)]))
    return out


def _nest(blocks: list[Block], original: str) -> None:
    """Depth of list items in each run: deeper indentation than the run's first item, or a bullet of another
    kind after it ("•" items with "o" items under them), is one level down."""
    run: list[Block] = []
    for block in [*blocks, None]:
        if block is not None and block.kind == "item":
            run.append(block)
            continue
        if run:
            first_indent = _indent(original, run[0].start)
            first_kind = _marker_kind(original[run[0].start:run[0].start + len(run[0].marker)])
            for item in run:
                line_start = original.rfind("\n", 0, item.start) + 1
                inline = bool(original[line_start:item.start].strip())  # "\u2022 A \u2022 B" on one line
                deeper = not inline and _indent(original, item.start) > first_indent + 1
                other = _marker_kind(original[item.start:item.start + len(item.marker)]) != first_kind
                item.depth = 1 if deeper or other else 0
            run = []


def _indent(text: str, offset: int) -> int:
    line_start = text.rfind("\n", 0, offset) + 1
    return len(text[line_start:offset].expandtabs(4))


def _marker_kind(marker: str) -> str:
    """The class of a bullet: a symbol (each its own), a number, a letter or a roman numeral."""
    mark = marker.strip().strip("()")
    if re.fullmatch(r"\d+(?:\.\d+)+\.?", mark):
        return "subnumber"
    if re.fullmatch(r"\d+[.)]?", mark):
        return "number"
    if re.fullmatch(r"[ivx]+[.)]", mark):
        return "roman"
    if re.fullmatch(r"[a-zA-Z][.)]", mark):
        return "letter"
    return mark[:1]


def _is_heading(text: str) -> bool:
    if len(text) > 130 or text.endswith(_TERMINAL) or not text[:1].isalnum():
        return False
    if not (text[:1].isupper() or text[:1].isdigit()):
        return False
    if len(text.split()) > 16 or _CONNECTOR_END.search(text):
        return False
    return not re.search(r"[.!?]\s", text)


def sections_of(blocks: list[Block]) -> list[Section]:
    sections = [Section(None)]
    for block in blocks:
        if block.kind == "heading":
            sections.append(Section(block))
        else:
            sections[-1].blocks.append(block)
    return sections


_ABBREV = re.compile(r"(?:\b(?:i\.e|e\.g|eg|ie|etc|Cllr|No|St|Mr|Mrs|Dr|vs|approx)\.|\b[A-Z]\.)$")


def sentences_of(block: Block) -> list[Sentence]:
    text = block.text
    out: list[Sentence] = []
    begin = 0
    for match in re.finditer(r"[.!?][\"')\]]?\s+(?=[A-Z0-9\"'(])", text):
        cut = match.start() + 1
        if _ABBREV.search(text[begin:cut]):
            continue
        out.append(_sentence(block, begin, match.end()))
        begin = match.end()
    if begin < len(text.rstrip()):
        out.append(_sentence(block, begin, len(text)))
    return [s for s in out if s.text.strip()]


def _sentence(block: Block, begin: int, end: int) -> Sentence:
    segment = block.text[begin:end]
    lead = len(segment) - len(segment.lstrip())
    trail = len(segment) - len(segment.rstrip())
    start = block.start + begin + lead
    stop = block.start + end - trail
    return Sentence(start, stop, block.text[begin + lead:end - trail], block)
