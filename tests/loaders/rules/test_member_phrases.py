"""Members in phrases other than a member frame: 'includes' with a body as subject, members in brackets after a
possessive owner, 'the organisations making up X, including ...'."""
from __future__ import annotations

from pathlib import Path

from tests.loaders.rules.helpers import extract, lines


def test_a_body_that_includes_named_members(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe partnership includes Westbury Borough Council, "
                    "Northshire Fire & Rescue Service, Northshire Constabulary and Kestrel Youth Trust, as well as "
                    "representatives from the voluntary sector.\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Westbury Community Safety Partnership"}
    assert members == {"Westbury Borough Council", "Northshire Fire & Rescue Service", "Northshire Constabulary",
                       "Kestrel Youth Trust"}


def test_what_a_plan_includes_or_a_body_s_own_groups_are_no_members(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe partnership includes the Westbury Delivery Group "
                    "and the Westbury Action Group.\n\nThe plan includes Westbury Council and Kestrel Youth Trust.\n",
                    tmp_path)
    assert lines(facts, "MEMBER_OF") == set()


def test_members_in_brackets_after_a_possessive_owner(tmp_path: Path) -> None:
    facts = extract("The Westbury Safeguarding Adults Board (WSAB) meets quarterly.\n\nThe WSAB's core members "
                    "(Westbury Council, Westbury CCG and Northshire Constabulary) form its executive.\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Westbury Safeguarding Adults Board"}
    assert members == {"Westbury Council", "Westbury CCG", "Northshire Constabulary"}


def test_the_organisations_making_up_a_body(tmp_path: Path) -> None:
    facts = extract("The award was welcomed by the key organisations making up the Eastbury Safety Partnership, "
                    "including Eastbury Police, Eastbury Borough Council and Kestrel Youth Trust.\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Eastbury Safety Partnership"}
    assert members == {"Eastbury Police", "Eastbury Borough Council", "Kestrel Youth Trust"}


def test_a_list_that_goes_on_in_the_next_sentence(tmp_path: Path) -> None:
    facts = extract("About Safe Eastbury\nThe Safe Eastbury partnership includes statutory agencies such as:\n"
                    "  \u2022 Southshire Police\n  \u2022 Eastbury City Council\n\n"
                    "It also includes non-statutory agencies such as Eastbury Homes and representatives from the "
                    "Community and Voluntary Sector.\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Safe Eastbury Partnership"}
    assert members == {"Southshire Police", "Eastbury City Council", "Eastbury Homes",
                       "Community and Voluntary Sector"}
