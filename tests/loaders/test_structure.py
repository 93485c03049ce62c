"""The structure stage: blocks of any bullet, nesting, tables of tabs, pipes or aligned spaces, label lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders.read import Document, read_document
from loaders.structure import Block, blocks_of, clean_view, sections_of, sentences_of


def doc_of(text: str, tmp_path: Path) -> Document:
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return read_document(path)


def blocks(text: str, tmp_path: Path) -> list[Block]:
    doc = doc_of(text, tmp_path)
    return blocks_of(doc, clean_view(doc.text))


@pytest.mark.parametrize("bullet", ["-", "*", "\u2022", "\u00b7", "o", "\uf0b7", "1.", "a)", "ii.", "(3)", "2.1"])
def test_every_bullet_makes_list_items(bullet: str, tmp_path: Path) -> None:
    found = blocks(f"Membership includes:\n{bullet} Northshire Police\n{bullet} Eastbury Council\n", tmp_path)
    items = [b for b in found if b.kind == "item"]
    assert [b.body for b in items] == ["Northshire Police", "Eastbury Council"]


def test_the_clean_view_keeps_offsets(tmp_path: Path) -> None:
    text = "* one\n\u2022 two | x | y |\n|---|---|\n"
    assert len(clean_view(text)) == len(text)


def test_an_indented_or_other_bullet_is_nested(tmp_path: Path) -> None:
    found = blocks("Groups:\n\u2022 Youth Group\no Schools Panel\n    \u2022 Parents Forum\n\u2022 Adult Group\n", tmp_path)
    assert [(b.body, b.depth) for b in found if b.kind == "item"] == [
        ("Youth Group", 0), ("Schools Panel", 1), ("Parents Forum", 1), ("Adult Group", 0)]


def test_a_paragraph_continues_across_a_page_break(tmp_path: Path) -> None:
    found = blocks("The Board reports to the\n\n\nNorthshire Justice Board each quarter.\n", tmp_path)
    assert [b.kind for b in found] == ["para"]
    assert "Justice Board" in found[0].text


@pytest.mark.parametrize("table", [
    "Area\tAmount\nEastbury\t\u00a31,000\nWestbury\t\u00a3900\n",
    "| Area | Amount |\n|---|---|\n| Eastbury | \u00a31,000 |\n| Westbury | \u00a3900 |\n",
    "Area        Amount      Period\nEastbury    \u00a31,000      2013-14\nWestbury    \u00a3900        2013-14\n",
])
def test_tables_of_tabs_pipes_or_aligned_spaces_are_rows_of_tab_cells(table: str, tmp_path: Path) -> None:
    rows = [b for b in blocks(table, tmp_path) if b.kind == "row"]
    assert len(rows) == 3
    cells = [c.strip() for c in rows[1].text.split("\t") if c.strip()]
    assert cells[:2] == ["Eastbury", "\u00a31,000"]


def test_one_line_with_gaps_is_not_a_table(tmp_path: Path) -> None:
    assert [b.kind for b in blocks("Eastbury    Council    meets\n\nA sentence here.\n", tmp_path)] != ["row", "para"]


def test_a_label_line_keeps_its_label_and_value(tmp_path: Path) -> None:
    (label,) = [b for b in blocks("Chair: Chief Constable of Northshire Police\n", tmp_path) if b.kind == "label"]
    assert label.label == "Chair"
    assert label.text[label.value_start - label.start:] == "Chief Constable of Northshire Police"


def test_sections_follow_headings_and_sentences_split(tmp_path: Path) -> None:
    found = blocks("Northshire Safer Communities Board\n\nIt meets. It reports to the Council.\n", tmp_path)
    sections = sections_of(found)
    assert sections[1].heading is not None and sections[1].heading.text == "Northshire Safer Communities Board"
    assert [s.text for s in sentences_of(sections[1].blocks[0])] == ["It meets.", "It reports to the Council."]


def test_short_lines_under_a_colon_are_list_items(tmp_path: Path) -> None:
    found = blocks("The key organisations include:\nEastbury Council\nNorthshire Police (opens new window)\n"
                   "Victim Support\n\nThe Board meets monthly.\n", tmp_path)
    assert [(b.kind, b.body) for b in found][1:4] == [("item", "Eastbury Council"),
                                                      ("item", "Northshire Police (opens new window)"),
                                                      ("item", "Victim Support")]
    assert found[-1].kind == "para"


def test_a_sub_heading_over_bullets_stays_a_heading(tmp_path: Path) -> None:
    found = blocks("The partnership is made up of:\nStatutory authorities\n- Eastbury Council\n- Northshire Police\n",
                   tmp_path)
    assert [b.kind for b in found] == ["para", "heading", "item", "item"]
