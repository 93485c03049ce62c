"""Places of a document and the identity of a name by place (loaders.places): on made-up documents."""
from __future__ import annotations

from pathlib import Path

from loaders.places import document_places, generic_core, normalise
from loaders.read import read_document

EASTBURY = """Eastbury Community Safety Annual Report

Eastbury Borough Council works with Westbury District Council.

1. Partnerships

Eastbury Community Safety Partnership

The Community Safety Partnership is supported by two Joint Action Groups.

Westbury

The Joint Action Group meets monthly.

2. Safeguarding

Each district has a Community Safety Partnership. Westbury and Eastbury together operate a Safeguarding Adults Board.
"""


def places_of(tmp_path: Path, text: str = EASTBURY, area: str | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "eastbury.txt"
    path.write_text(text, encoding="utf-8")
    return document_places(read_document(path), area)


def at(text: str, needle: str, nth: int = 1) -> int:
    offset = -1
    for _ in range(nth):
        offset = text.index(needle, offset + 1)
    return offset


def test_generic_names_are_recognised_whatever_the_spelling() -> None:
    assert generic_core("joint action groups") == "joint action group"
    assert generic_core(normalise("Safeguarding Adult Board")) == "safeguarding adults board"
    assert generic_core(normalise("Health & Well-Being Board")) == "health and wellbeing board"
    assert generic_core("district community safety partnership", after_place=True) == "community safety partnership"
    assert generic_core("city partnership") is None  # a proper name, not a level word before "partnership"
    assert generic_core("home office") is None


def test_the_area_comes_from_the_title_and_councils(tmp_path: Path) -> None:
    places = places_of(tmp_path)
    assert places.area == "Eastbury"
    assert places.local["westbury"] == "Westbury"  # named by its council
    assert places_of(tmp_path, area="Northshire").area == "Northshire"  # a curated area wins


def test_a_name_that_carries_its_place_keeps_it(tmp_path: Path) -> None:
    places = places_of(tmp_path)
    ident = places.identity("Eastbury Community Safety Partnership", at(EASTBURY, "Eastbury Community Safety P"))
    assert (ident.place, ident.core, ident.placed_by_name) == ("Eastbury", "community safety partnership", True)
    council = places.identity("Eastbury Borough Council", at(EASTBURY, "Eastbury Borough"))
    assert (council.place, council.core) == ("Eastbury", "borough council")


def test_a_generic_name_takes_the_place_of_its_section(tmp_path: Path) -> None:
    places = places_of(tmp_path)
    under_westbury = places.identity("Joint Action Group", at(EASTBURY, "The Joint Action Group") + 4)
    assert (under_westbury.place, under_westbury.core) == ("Westbury", "joint action group")
    counted = places.identity("Joint Action Group", at(EASTBURY, "Joint Action Groups"), "Joint Action Groups")
    assert counted.place == "Eastbury"  # "two Joint Action Groups" in Eastbury's section are Eastbury's


def test_a_sentence_that_names_a_place_gives_it(tmp_path: Path) -> None:
    places = places_of(tmp_path)
    board = places.identity("Safeguarding Adults Board", at(EASTBURY, "Safeguarding Adults Board"))
    assert (board.place, board.placed_by_sentence) == ("Westbury and Eastbury", True)


def test_a_numbered_chapter_returns_to_the_document_and_a_indefinite_name_is_the_class(tmp_path: Path) -> None:
    places = places_of(tmp_path)
    assert places.section_place(at(EASTBURY, "Each district")) == ""
    each = places.identity("Community Safety Partnership", at(EASTBURY, "Community Safety Partnership. "))
    assert (each.place, each.generic) == ("", True)


def test_a_distinctive_name_is_the_same_everywhere(tmp_path: Path) -> None:
    places = places_of(tmp_path)
    ident = places.identity("Home Office", at(EASTBURY, "Westbury"))
    assert (ident.place, ident.core, ident.generic) == ("", "home office", False)


WESTSHIRE = """Westshire grants 2024

The Safer Westshire Partnership met. As Police and Crime Commissioner for Westshire, Jo Bloggs funds it.

The merger of Eastmoor CSP and the Community Safety Partnership for Fenby was agreed.
"""


def test_a_generic_name_with_its_place_after_it_is_that_places_body(tmp_path: Path) -> None:
    places = places_of(tmp_path, WESTSHIRE)
    after = places.identity("Police and Crime Commissioner for Westshire", at(WESTSHIRE, "Police and"))
    before = places.identity("Westshire Police and Crime Commissioner", None)
    assert (after.place, after.core, after.placed_by_name) == ("Westshire", "police and crime commissioner", True)
    assert after.key == before.key
    fenby = places.identity("Community Safety Partnership for Fenby", at(WESTSHIRE, "Community Safety"))
    assert (fenby.place, fenby.core) == ("Fenby", "community safety partnership")
    eastmoor = places.identity("Eastmoor CSP", at(WESTSHIRE, "Eastmoor"))
    assert (eastmoor.place, eastmoor.core) == ("Eastmoor", "community safety partnership")
    # the class in a place is not one body
    assert not places.identity("Community Safety Partnerships in Westshire", None).placed_by_name
