"""Every file of the Cypher library runs on Neo4j, and its header says what it answers."""
from __future__ import annotations

import re

import pytest

from api.browser import example
from api.routes import LIBRARY
from graph.engine import Engine
from graph.queries import CYPHER_DIR, cypher, header, query_names

TOP_LEVEL = [name for name in query_names() if "/" not in name]
# Files run elsewhere: the loader's writes, constraints and indexes by every load (tests/graph/test_store.py loads
# with both reset and merge), and the load marker's lookup by graph.loads.
RUN_BY_THE_STORE = {name for name in query_names() if name.startswith(("load/", "schema/"))}


def test_every_file_is_accounted_for() -> None:
    assert set(query_names()) == set(TOP_LEVEL) | RUN_BY_THE_STORE
    assert set(LIBRARY) <= set(TOP_LEVEL)
    code = "".join((CYPHER_DIR.parent / "graph" / name).read_text(encoding="utf-8") for name in ("store.py", "loads.py"))
    for name in RUN_BY_THE_STORE - {n for n in RUN_BY_THE_STORE if n.startswith("schema/")}:
        assert f'"{name}"' in code, name


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_header_says_what_it_answers_and_its_parameters(name: str) -> None:
    text = header(name)
    assert text and "Parameters:" in text, name
    used = set(re.findall(r"\$([A-Za-z_]\w*)", "\n".join(x for x in cypher(name).splitlines() if not x.startswith("//"))))
    assert used <= set(example(name)), f"{name}: parameters {used - set(example(name))} have no example"
    for parameter in used:
        assert f"${parameter}" in text, f"{name}: header does not name ${parameter}"


@pytest.mark.parametrize("name", TOP_LEVEL)
def test_file_runs_with_its_example_and_answers(loaded_engine: Engine, name: str) -> None:
    rows = loaded_engine.read(name, **example(name))
    assert rows, f"{name} returned nothing for its own example"


def test_as_of_changes_what_the_chain_follows(loaded_engine: Engine) -> None:
    # as_of is a day (the API turns a partial date into its last day, and no date into today)
    every = loaded_engine.read("accountability_chain", id="community-safety-programme-board", as_of="2012-10-01")
    before = loaded_engine.read("accountability_chain", id="community-safety-programme-board", as_of="2012-01-31")
    assert any("MERGED_INTO" in row["types"] for row in every)
    assert not any("MERGED_INTO" in row["types"] for row in before)
