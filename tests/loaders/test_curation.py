"""The curation file: every entry's quote is verified, and a quote not found points at where it was meant."""
from __future__ import annotations

from pathlib import Path

import pytest

from loaders.curation import CurationError
from loaders.pipeline import load_directory

TEXT = """Eastbury Community Safety

Eastbury Borough Council leads the work.

The Eastbury Partnership Board meets four times a year and reports to the Eastbury Strategic Board.
"""


def write(tmp_path: Path, quote: str) -> Path:
    (tmp_path / "eastbury.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "curation.yaml").write_text(
        "same_as:\n"
        "  - canonical: Eastbury Partnership Board\n"
        "    names: [EPB]\n"
        f"    quote: {{doc: eastbury, text: \"{quote}\"}}\n", encoding="utf-8")
    return tmp_path


def test_a_verbatim_quote_is_accepted_and_names_the_body(tmp_path: Path) -> None:
    facts = load_directory(write(tmp_path, "The Eastbury Partnership Board meets four times a year"))
    board = facts.nodes["eastbury-partnership-board"]
    assert "EPB" in board.aliases
    assert any(ev.method == "curated" for ev in board.evidence)


def test_a_quote_not_found_names_the_document_and_the_line_it_was_meant_near(tmp_path: Path) -> None:
    with pytest.raises(CurationError) as error:
        load_directory(write(tmp_path, "The Eastbury Partnership Board meets five times a year"))
    assert error.value.doc == "eastbury"
    assert error.value.line == 5  # the line where "The Eastbury Partnership Board meets" stands
    assert "curation.yaml line 4" in str(error.value)
    assert "line 0" not in str(error.value)


def test_a_quote_of_a_document_not_loaded_names_the_curation_line(tmp_path: Path) -> None:
    write(tmp_path, "anything")
    path = tmp_path / "curation.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("doc: eastbury", "doc: westbury"), encoding="utf-8")
    with pytest.raises(CurationError) as error:
        load_directory(tmp_path)
    assert (error.value.doc, error.value.line) == ("curation.yaml", 4)  # the line of the entry's quote
