"""A linear-time tokeniser for Cypher text, for the friendly early check of user queries (graph.readonly).

It is not the guard: Neo4j's READ transaction and the plan check are (graph.readonly). It only has to see at least
what Neo4j sees, so where the two might differ it errs towards seeing more: a `//` comment ends at the first line
terminator of any kind (`\\n`, `\\r`, `\\r\\n`, `\\u0085`, `\\u2028`, `\\u2029`), a word is any run of letters, digits
and `_` (so a Unicode space or a look-alike letter splits words rather than hiding one), and an unterminated
string, quoted name or block comment is an error rather than the end of the text. One pass, no backtracking: a
20,000-character query of quotes and backslashes costs microseconds, not seconds.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["word", "string", "name", "number", "param", "symbol"]
LINE_ENDS = frozenset("\n\r\x85\u2028\u2029")
QUOTES = frozenset("'\"")


class CypherTextError(ValueError):
    """The text cannot be tokenised (an unterminated string, quoted name or comment); the message says where."""


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str  # a word or symbol as written; a string's or quoted name's content, escapes kept as written
    start: int  # offset in the query

    def is_word(self, *words: str) -> bool:
        return self.kind == "word" and self.text.upper() in words


def _word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _skip_line_comment(text: str, at: int) -> int:
    end = len(text)
    while at < end and text[at] not in LINE_ENDS:
        at += 1
    return at


def _skip_block_comment(text: str, at: int) -> int:
    close = text.find("*/", at + 2)
    if close < 0:
        raise CypherTextError(f"a /* comment opened at character {at} is never closed")
    return close + 2


def _string(text: str, at: int) -> tuple[str, int]:
    """The content of the string literal opening at `at` and the offset after it; a backslash escapes one
    character, so `'\\''` and `'\\\\'` are whole strings."""
    quote, i, end = text[at], at + 1, len(text)
    while i < end:
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == quote:
            return text[at + 1 : i], i + 1
        i += 1
    raise CypherTextError(f"a string opened at character {at} is never closed")


def _quoted_name(text: str, at: int) -> tuple[str, int]:
    """A `quoted` name: two backticks stand for one inside it."""
    parts, i = [], at + 1
    while True:
        close = text.find("`", i)
        if close < 0:
            raise CypherTextError(f"a `quoted name` opened at character {at} is never closed")
        parts.append(text[i:close])
        if text.startswith("`", close + 1):
            parts.append("`")
            i = close + 2
            continue
        return "".join(parts), close + 1


def _run(text: str, at: int) -> int:
    end = len(text)
    while at < end and _word_char(text[at]):
        at += 1
    return at


def tokens(text: str) -> list[Token]:
    """The tokens of `text`, comments and white space dropped; raises CypherTextError on an unterminated part."""
    found: list[Token] = []
    i, end = 0, len(text)
    while i < end:
        char = text[i]
        if char.isspace():
            i += 1
        elif text.startswith("//", i):
            i = _skip_line_comment(text, i)
        elif text.startswith("/*", i):
            i = _skip_block_comment(text, i)
        elif char in QUOTES:
            content, after = _string(text, i)
            found.append(Token("string", content, i))
            i = after
        elif char == "`":
            content, after = _quoted_name(text, i)
            found.append(Token("name", content, i))
            i = after
        elif char == "$":
            after = _run(text, i + 1)
            if after == i + 1 and text.startswith("`", after):
                content, after = _quoted_name(text, after)
                found.append(Token("param", content, i))
            else:
                found.append(Token("param", text[i + 1 : after], i))
            i = max(after, i + 1)
        elif _word_char(char):
            after = _run(text, i)
            found.append(Token("number" if char.isdigit() else "word", text[i:after], i))
            i = after
        else:
            found.append(Token("symbol", char, i))
            i += 1
    return found
