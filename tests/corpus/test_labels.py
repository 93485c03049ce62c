"""The hand labels are sound: every quote verbatim, every end a listed body, and no reserved area anywhere."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.corpus.labels import CORPUS, LabelError, corpus_files, read_labels, reserved_names, seed_label_files

LABEL_FILES = corpus_files() + seed_label_files()


@pytest.mark.parametrize("path", LABEL_FILES, ids=[p.stem for p in LABEL_FILES])
def test_labels_read_and_quotes_are_verbatim(path: Path) -> None:
    labelled = read_labels(path)
    for fact in labelled.facts:
        assert fact.quote in labelled.text


@pytest.mark.parametrize("path", corpus_files(), ids=[p.stem for p in corpus_files()])
def test_corpus_texts_keep_out_of_the_reserved_areas(path: Path) -> None:
    labelled = read_labels(path)
    assert reserved_names(labelled.text) == []
    assert reserved_names(str(labelled.meta["source"]).replace("-", " ").title()) == []
    assert reserved_names(str(labelled.meta["title"])) == []


def test_every_corpus_text_has_its_labels() -> None:
    texts = {p.stem for p in CORPUS.glob("*.txt")}
    labels = {p.stem for p in corpus_files()}
    assert texts == labels


def test_a_quote_that_is_not_in_the_text_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("The Alpha Board reports to the Beta Partnership.", encoding="utf-8")
    (tmp_path / "x.yaml").write_text(
        "source: https://example.org\ntitle: X\narea: Nowhere\nkind: web-page\n"
        "bodies: [{name: Alpha Board}, {name: Beta Partnership}]\n"
        "facts: [{type: REPORTS_TO, from: Alpha Board, to: Beta Partnership, quote: 'The Alpha Board reports to Beta'}]\n",
        encoding="utf-8")
    with pytest.raises(LabelError, match="not verbatim"):
        read_labels(tmp_path / "x.yaml")


def test_an_end_that_is_not_a_listed_body_is_refused(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("The Alpha Board reports to the Beta Partnership.", encoding="utf-8")
    (tmp_path / "x.yaml").write_text(
        "source: https://example.org\ntitle: X\narea: Nowhere\nkind: web-page\n"
        "bodies: [{name: Alpha Board}]\n"
        "facts: [{type: REPORTS_TO, from: Alpha Board, to: Beta Partnership, quote: 'reports to the Beta'}]\n",
        encoding="utf-8")
    with pytest.raises(LabelError, match="not a listed body"):
        read_labels(tmp_path / "x.yaml")


def test_the_reserved_areas_are_recognised() -> None:
    assert reserved_names("The Safer Essex Partnership and Leeds CSP") == ["Essex", "Leeds"]
    assert reserved_names("Reading the report, the Kent Community Safety Partnership") == []


def test_the_corpus_and_the_seed_labels_are_big_enough_to_learn_from() -> None:
    corpus = [read_labels(p) for p in corpus_files()]
    seeds = [read_labels(p) for p in seed_label_files()]
    assert len(corpus) >= 30
    assert sum(len(c.facts) for c in corpus) >= 300
    assert {s.slug for s in seeds} == {p.stem for p in (CORPUS.parent.parent / "seeds").glob("*.txt")}
    assert sum(len(s.facts) for s in seeds) >= 150
