"""Document structure over raw text: a cleaned same-length view, blocks (headings, paragraphs, list items,
table rows), sections and sentences. Every unit keeps character offsets into the original text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.read import Document

# Same-length substitutions, so offsets in the clean view are offsets in the document.
_SUBSTITUTE = {"*": " ", "#": " ", "\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
               "\u2014": "-", "\u2022": "-", "\u00b7": "-", "\t": "\t"}
_CIRC = re.compile(r"\\circ")


def clean_view(text: str) -> str:
    out = "".join(_SUBSTITUTE.get(ch, ch) for ch in text)
    out = _CIRC.sub(lambda m: "-" + " " * (len(m.group()) - 1), out)
    assert len(out) == len(text)
    return out


_BULLET = re.compile(r"^\s*(?:-|(?:\(?[ivx]{1,4}[.)])|(?:\(?[a-h][.)])|(?:\d{1,2}[.)]))\s+")
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
            continues = (following[:1].islower() and not current.endswith(_TERMINAL[:1])) or (
                k == j and following and "\t" not in following and not _BULLET.match(following)
                and not current.endswith(_TERMINAL) and following[:1].islower()) or (
                # A long paragraph cut mid-sentence ("... the Prison Reform Trust, Howard" / "League for ...")
                len(current) > 130 and re.search(r"(?:,|\s[A-Z][a-z']+)$", current)
                and following[:1].isupper() and "\t" not in following and not _BULLET.match(following)
                and not _is_heading(following))
            if not continues:
                break
            end = lines[k].start + len(clean[lines[k].start:lines[k].end].rstrip())
            j = k + 1
        text = clean[start:end]
        kind = "para"
        single = "\n" not in text.strip()
        if single and _is_heading(text.strip()):
            kind = "heading"
        blocks.append(Block(kind, start, end, line.number, text))
        i = j
    return blocks


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
