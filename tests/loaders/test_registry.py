"""The rules registry: every rule module registers named units with a known input."""
from __future__ import annotations

import pytest

from loaders.rules.registry import INPUTS, all_rules, rule, rules_for


def test_every_registered_rule_has_a_name_an_input_and_an_output() -> None:
    found = all_rules()
    assert found
    assert len({r.name for r in found}) == len(found)
    for unit in found:
        assert unit.input in INPUTS and unit.output


def test_rules_for_an_input_are_only_those_that_read_it() -> None:
    assert all(r.input == "list" for r in rules_for("list"))


def test_a_rule_with_an_unknown_input_is_refused() -> None:
    with pytest.raises(ValueError, match="not one of"):
        rule("broken", "paragraph", "MEMBER_OF")
