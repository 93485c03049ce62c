"""Acronyms defined on glossary lines."""
from __future__ import annotations

from pathlib import Path

from tests.loaders.rules.helpers import extract


def test_an_acronym_line_makes_an_alias(tmp_path: Path) -> None:
    facts = extract("Glossary\n\nNSCB - Northshire Safer Communities Board\nChair - Northshire Police\n", tmp_path)
    board = facts.nodes["northshire-safer-communities-board"]
    assert "NSCB" in board.aliases
    assert "Chair" not in facts.nodes.get("northshire-police", board).aliases


def test_a_table_no_rule_reads_is_a_finding(tmp_path: Path) -> None:
    facts = extract("Meetings\n\nDate\tVenue\tTime\n3 May\tTown Hall\tevening\n9 June\tLibrary\tmorning\n", tmp_path)
    assert "unread-table" in [f.rule for f in facts.findings]
