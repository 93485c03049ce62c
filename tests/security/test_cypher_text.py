"""The tokeniser behind the early text check: every comment end, escapes, quoted names, and linear time."""
from __future__ import annotations

import time

import pytest

from graph.cypher_text import CypherTextError, tokens
from graph.readonly import WriteRefused, check


@pytest.mark.parametrize("end", ["\n", "\r", "\r\n", "\u2028", "\u2029", "\x85"])
def test_a_line_comment_ends_at_every_line_ending(end: str) -> None:
    words = [t.text for t in tokens(f"MATCH (n) // note{end}CREATE (m)") if t.kind == "word"]
    assert words == ["MATCH", "n", "CREATE", "m"]
    with pytest.raises(WriteRefused, match="CREATE"):
        check(f"MATCH (n) // note{end}CREATE (m)")


def test_strings_keep_their_escapes_and_hide_nothing() -> None:
    found = tokens("WITH '\\'//' AS a, \"/*\" AS b, `x``y` AS c CREATE (m)")
    assert [t.text for t in found if t.kind == "string"] == ["\\'//", "/*"]
    assert [t.text for t in found if t.kind == "name"] == ["x`y"]
    assert "CREATE" in [t.text for t in found if t.kind == "word"]


def test_unterminated_parts_are_errors_not_the_end_of_the_text() -> None:
    for text in ("RETURN 'abc", "RETURN `abc", "RETURN 1 /* CREATE (m)"):
        with pytest.raises(CypherTextError):
            tokens(text)
        with pytest.raises(WriteRefused, match="cannot be read"):
            check(text)


def test_words_of_clauses_are_fine_as_names_keys_and_text() -> None:
    check("MATCH (start:Body)-[r]->(end) WHERE start.name CONTAINS 'Create' RETURN start.set, {delete: 1} AS m")
    check("CALL db.labels() YIELD label RETURN label")
    check("SHOW INDEXES YIELD name RETURN name")
    check("MATCH (n) RETURN n;")


def test_a_procedure_in_backticks_is_named_whole() -> None:
    with pytest.raises(WriteRefused, match="db.createLabel"):
        check("CALL `db`.`createLabel`('x')")


@pytest.mark.parametrize("text", ["'\\" * 10_000, "'\\'" * 6_666, "\"'" * 10_000, "/*" * 10_000, "//\r" * 6_666])
def test_twenty_thousand_characters_take_milliseconds(text: str) -> None:
    """CPU time, not wall time: the old check spent 4 s of CPU here; a busy machine may pause any process."""
    started = time.process_time()
    try:
        check("RETURN " + text)
    except WriteRefused:
        pass  # most of these cannot be read; what matters is how long it took to say so
    assert time.process_time() - started < 0.5
