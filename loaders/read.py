"""Reading a source document: its text, its lines with character offsets, and blocks of lines."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Evidence


class DocumentError(ValueError):
    """A document that cannot be parsed; names the document and line."""

    def __init__(self, doc: str, line: int, message: str) -> None:
        super().__init__(f"{doc}, line {line}: {message}")
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


def read_document(path: Path) -> Document:
    """Read a plain-text document (UTF-8; a stray byte is a parse error naming the line)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DocumentError(path.stem, line, f"not UTF-8 text ({error.reason})") from error
    if "\x00" in text:
        raise DocumentError(path.stem, text[: text.index("\x00")].count("\n") + 1, "binary content (NUL byte)")
    doc = Document(id=path.stem, path=path, text=text)
    offset = 0
    for number, raw_line in enumerate(text.split("\n"), start=1):
        doc.lines.append(Line(number=number, start=offset, text=raw_line))
        offset += len(raw_line) + 1
    return doc


_WS = re.compile(r"\s+")


def normalise_space(text: str) -> str:
    return _WS.sub(" ", text).strip()
