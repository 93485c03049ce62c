"""Reading a source document: its text, its lines with character offsets, and blocks of lines."""
from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Evidence, Facts

# The largest document a load reads (LANDSCAPE_MAX_DOCUMENT_BYTES): the seeds are under 200 kB, and extraction of a
# document of tens of megabytes ran for more than ten minutes.
MAX_DOCUMENT_BYTES = 5 * 1000 * 1000
# Below this share of printable characters a text is taken for binary data (tabs and line ends count as printable).
MIN_PRINTABLE = 0.95


class DocumentError(ValueError):
    """A document that cannot be parsed; names the document and, where there is one, the line (0: none)."""

    def __init__(self, doc: str, line: int, message: str) -> None:
        super().__init__(f"{doc}, line {line}: {message}" if line > 0 else f"{doc}: {message}")
        self.doc, self.line = doc, line


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the first character in the document text
    text: str  # without the newline

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class Document:
    id: str
    path: Path
    text: str
    lines: list[Line] = field(default_factory=list)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def line_at(self, offset: int) -> int:
        for line in self.lines:
            if line.start <= offset <= line.end:
                return line.number
        return len(self.lines)

    def evidence(self, start: int, end: int, method: str) -> Evidence:
        """Evidence for text[start:end], trimmed of surrounding white space; the quote is verbatim."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if start >= end:
            raise DocumentError(self.id, self.line_at(start), f"empty evidence span {start}:{end}")
        return Evidence(doc=self.id, start=start, end=end, quote=self.text[start:end], method=method)

    def find(self, quote: str, start: int = 0) -> int:
        return self.text.find(quote, start)


def _printable(char: str) -> bool:
    return char.isprintable() or char in "\t\n\r\f\v"


def check_text(name: str, raw: bytes, max_bytes: int = MAX_DOCUMENT_BYTES) -> str:
    """The document's text, or DocumentError saying why it is not one a load can read: too large, empty, not UTF-8,
    binary (a NUL byte, or mostly control characters). Checked before any extraction, so nothing is written."""
    if len(raw) > max_bytes:
        raise DocumentError(name, 0, f"the document is {len(raw):,} bytes; documents may be at most {max_bytes:,} "
                                     "bytes (LANDSCAPE_MAX_DOCUMENT_BYTES changes the limit)")
    if b"\x00" in raw:
        raise DocumentError(name, raw[: raw.index(b"\x00")].count(b"\n") + 1, "binary content (NUL byte), not text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DocumentError(name, line, f"not UTF-8 text (byte 0x{raw[error.start]:02x}: {error.reason}); save it as "
                                        "UTF-8") from error
    if not text.strip():
        raise DocumentError(name, 0, "the document is empty")
    printable = sum(1 for char in text if _printable(char))
    if printable < MIN_PRINTABLE * len(text):
        first = next(i for i, char in enumerate(text) if not _printable(char))
        raise DocumentError(name, text[:first].count("\n") + 1, "binary content (mostly control characters), not text")
    return text


def read_document(path: Path, max_bytes: int = MAX_DOCUMENT_BYTES) -> Document:
    """Read a plain-text document (UTF-8); a document a load cannot read is a DocumentError naming it and the line."""
    size = path.stat().st_size
    if size > max_bytes:  # not read at all: a huge file costs nothing
        raise DocumentError(path.stem, 0, f"the document is {size:,} bytes; documents may be at most {max_bytes:,} "
                                          "bytes (LANDSCAPE_MAX_DOCUMENT_BYTES changes the limit)")
    text = check_text(path.stem, path.read_bytes(), max_bytes)
    doc = Document(id=path.stem, path=path, text=text)
    offset = 0
    for number, raw_line in enumerate(text.split("\n"), start=1):
        doc.lines.append(Line(number=number, start=offset, text=raw_line))
        offset += len(raw_line) + 1
    return doc


INT64 = (-(2**63), 2**63 - 1)


def _number_fits(value: object) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return INT64[0] <= value <= INT64[1]
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, list | tuple):
        return all(_number_fits(item) for item in value)
    return True


def check_numbers(facts: Facts, documents: dict[str, Document]) -> None:
    """Refuse (DocumentError naming the document and line) a number no graph engine can store: an integer beyond
    64 bits (a 25-digit amount) or an infinite float. The driver would fail in the middle of the write otherwise."""
    items = [(n.id, n.properties, n.evidence) for n in facts.nodes.values()]
    items += [(r.key, r.properties, r.evidence) for r in facts.relationships.values()]
    for item_id, properties, evidence in items:
        for key, value in properties.items():
            if _number_fits(value):
                continue
            where = evidence[0] if evidence else None
            doc = documents.get(where.doc) if where is not None else None
            name = where.doc if where is not None else item_id
            line = doc.line_at(where.start) if doc is not None and where is not None else 0
            raise DocumentError(name, line, f"the number {value!r} ({key} of {item_id}) is too large to store; "
                                            "check the figure in the document")


_WS = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    return _WS.sub(" ", text).strip()
