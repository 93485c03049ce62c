"""Members in sentences and in lists, owned by the intro's body or the section's."""
from __future__ import annotations

from pathlib import Path

from tests.loaders.rules.helpers import extract, lines


def test_members_in_a_sentence_split_on_commas_and_and(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safer Partnership is made up of Eastbury Borough Council, the police, "
                    "Northshire Fire and Rescue Service and housing providers.\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Eastbury Safer Partnership"}
    # "the police" is a generic name: identity by place (loaders.places) qualifies it with the document's force area.
    # "housing providers" is a kind of member, not an organisation: no body.
    assert members == {"Eastbury Borough Council", "Northshire Police", "Northshire Fire and Rescue Service"}


def test_lower_case_kinds_of_member_are_no_bodies(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safer Partnership is made up of Eastbury Borough Council, statutory and voluntary "
                    "organisations, the business sector and public, private and community sector bodies.\n", tmp_path)
    assert lines(facts, "MEMBER_OF") == {("Eastbury Borough Council", "Eastbury Safer Partnership")}
    names = {n.name.lower() for n in facts.nodes.values() if n.label == "Body"}
    assert not names & {"voluntary organisations", "business sector", "community sector bodies", "statutory"}


def test_a_singular_agency_in_lower_case_is_a_member(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safer Partnership is made up of the local authority and the police force.\n",
                    tmp_path)
    members = {start.lower() for start, _ in lines(facts, "MEMBER_OF")}
    assert "local authority" in members
    assert any(m.endswith("police force") for m in members)


def test_conjuncts_sharing_a_head_noun_are_one_member(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safer Partnership is made up of Eastbury Borough Council, Moor and Dale Fire and "
                    "Rescue and representatives from the Voluntary and Community Sector.\n", tmp_path)
    members = {start for start, _ in lines(facts, "MEMBER_OF")}
    assert members == {"Eastbury Borough Council", "Moor and Dale Fire and Rescue", "Voluntary and Community Sector"}


def test_names_without_a_head_noun_stay_apart(tmp_path: Path) -> None:
    facts = extract("The Eastbury Reform Coalition consists of the Penal Study Trust, Kestrel, Safer Streets Now and "
                    "the LGA.\n", tmp_path)
    members = {start for start, _ in lines(facts, "MEMBER_OF")}
    assert {"Penal Study Trust", "Kestrel", "Safer Streets Now"} <= members


def test_a_member_list_under_an_intro(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe membership of the partnership includes:\n\n"
                    "\u2022 Westbury Council\n\u2022 Northshire Police\n\u2022 Victim Support\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF")}
    assert members == {"Westbury Council", "Northshire Police", "Victim Support"}


def test_a_member_list_under_a_membership_heading(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe partnership meets monthly.\n\nMembership\n\n"
                    "- Westbury Council\n- Probation\n", tmp_path)
    assert ("Westbury Council", "Westbury Community Safety Partnership") in lines(facts, "MEMBER_OF")


def test_a_category_is_not_a_member(tmp_path: Path) -> None:
    facts = extract("The Eastbury Safer Partnership brings together a range of partner agencies and "
                    "Eastbury Borough Council.\n", tmp_path)
    assert {start for start, _ in lines(facts, "MEMBER_OF")} == {"Eastbury Borough Council"}


def test_a_member_list_without_an_owner_is_a_finding(tmp_path: Path) -> None:
    facts = extract("Membership includes:\n\n- Westbury Council\n- Probation\n", tmp_path)
    assert [f.rule for f in facts.findings] == ["list-without-owner"]
    assert lines(facts, "MEMBER_OF") == set()


def test_lists_under_partner_headings_including_a_sub_heading_inside_the_list(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe partnership meets monthly to agree its plan.\n\n"
                    "Our partners\n\n- Westbury Council\n- Northshire Constabulary\n\nNon-statutory partners\n\n"
                    "- Westbury Homes Association\n- Kestrel Youth Trust\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Westbury Community Safety Partnership"}
    assert members == {"Westbury Council", "Northshire Constabulary", "Westbury Homes Association",
                       "Kestrel Youth Trust"}


def test_a_heading_of_elected_members_lists_people_not_member_bodies(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe partnership meets monthly to agree its plan.\n\n"
                    "Elected members\n\n- Jane Hill\n- Tom Reed\n", tmp_path)
    assert lines(facts, "MEMBER_OF") == set()


def test_a_membership_heading_that_names_its_body(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe partnership meets monthly.\n\n"
                    "Membership of the Westbury Youth Panel\n\n- Westbury College\n- Kestrel Youth Trust\n", tmp_path)
    assert ("Westbury College", "Westbury Youth Panel") in lines(facts, "MEMBER_OF")


def test_intros_in_the_past_tense_and_with_such_as(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe CSP included four responsible authorities:\n\n"
                    "- Westbury Council\n- Northshire Constabulary\n\nAbout the Eastbury Safety Partnership\n\n"
                    "The Eastbury Safety Partnership includes statutory agencies such as:\n\n"
                    "  \u2022 Eastbury Council\n  \u2022 Southshire Constabulary\n", tmp_path)
    found = lines(facts, "MEMBER_OF")
    assert {("Westbury Council", "Westbury Community Safety Partnership"),
            ("Northshire Constabulary", "Westbury Community Safety Partnership"),
            ("Eastbury Council", "Eastbury Safety Partnership"),
            ("Southshire Constabulary", "Eastbury Safety Partnership")} <= found


def test_a_pointer_intro_after_a_membership_sentence(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe CSP is made up from five responsible authorities. "
                    "In Westbury this includes:\n\n- Westbury Borough Council\n- Northshire Constabulary\n", tmp_path)
    members = {start for start, _ in lines(facts, "MEMBER_OF")}
    assert members == {"Westbury Borough Council", "Northshire Constabulary"}


def test_members_after_a_category_and_a_colon_in_a_sentence(tmp_path: Path) -> None:
    facts = extract("The Westbury Community Safety Partnership is made up of the following organisations: Westbury "
                    "Borough Council, Northshire Constabulary and Kestrel Youth Trust.\n", tmp_path)
    members = {start for start, _ in lines(facts, "MEMBER_OF")}
    assert members == {"Westbury Borough Council", "Northshire Constabulary", "Kestrel Youth Trust"}


def test_two_names_as_the_subject_give_no_owner(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe partnership meets monthly.\n\n"
                    "The Partnership and Delivery Group is made up of the following organisations: Westbury Borough "
                    "Council and Northshire Fire Service.\n", tmp_path)
    assert lines(facts, "MEMBER_OF") == set()


def test_an_opening_participle_does_not_name_the_owner(tmp_path: Path) -> None:
    facts = extract("Westbury Safer Communities Board\n\nChaired by the Westbury County Council's Lead Member, the "
                    "Board comprises Northshire Constabulary, Kestrel Youth Trust and Westbury District Council.\n",
                    tmp_path)
    owners = {end for _, end in lines(facts, "MEMBER_OF")}
    assert owners == {"Westbury Safer Communities Board"}


def test_other_agencies_continue_the_last_member_list(tmp_path: Path) -> None:
    facts = extract("Membership of the Westbury Civic Board would include senior officers from Westbury City Council "
                    "and Northshire County Council, preferably with a brief for Young People. Northshire District "
                    "Councils would each nominate a director. Other agencies would need to include Probation and the "
                    "Kestrel Youth Trust.\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Westbury Civic Board"}
    assert {"Westbury City Council", "Northshire County Council", "Kestrel Youth Trust"} <= members
    assert "Young People" not in members
    assert not {end for _, end in lines(facts, "MEMBER_OF")} - {"Westbury Civic Board"}


def test_a_body_with_a_number_of_members(tmp_path: Path) -> None:
    facts = extract("Eastbury Safety Trust is a charity with two members, Eastbury City Council and the Southshire "
                    "Police Authority.\n", tmp_path)
    assert lines(facts, "MEMBER_OF") == {("Eastbury City Council", "Eastbury Safety Trust"),
                                         ("Southshire Police Authority", "Eastbury Safety Trust")}


def test_members_noting_priorities_is_no_member_list(tmp_path: Path) -> None:
    facts = extract("Safer Westbury Partnership\n\nMembers noted the priorities of the Safer Westbury Partnership:\n\n"
                    "- Reducing and managing anti-social behaviour\n- Protecting Vulnerable Adults\n", tmp_path)
    assert lines(facts, "MEMBER_OF") == set()


def test_a_list_item_is_one_name_even_with_and(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe membership of the partnership includes:\n\n"
                    "- Northshire Probation and Community Rehabilitation Company\n- Westbury Council\n"
                    "- Service Users\n", tmp_path)
    members = {start for start, _ in lines(facts, "MEMBER_OF")}
    assert members == {"Northshire Probation and Community Rehabilitation Company", "Westbury Council"}


def test_a_list_of_the_body_s_own_groups_is_no_member_list(tmp_path: Path) -> None:
    facts = extract("Safer Westbury Partnership\n\nThe Partnership consists of:\n\n- The Safer Westbury Strategic Board\n"
                    "- Local Problem Solving Groups\n- Themed Delivery Groups\n", tmp_path)
    assert lines(facts, "MEMBER_OF") == set()


def test_an_office_in_a_member_list_stands_for_its_organisation(tmp_path: Path) -> None:
    facts = extract("Westbury Health and Wellbeing Board\n\nMembership of the Health and Wellbeing Board comprises:\n\n"
                    "- Cabinet Member for Health and Wellbeing, Northshire County Council (Chair)\n"
                    "- Chair of Clinical Commissioning Westbury (Deputy Chair)\n"
                    "- A district council elected representative from Leadership Westbury\n", tmp_path)
    members = {start for start, _ in lines(facts, "MEMBER_OF")}
    assert members == {"Northshire County Council", "Clinical Commissioning Westbury", "Leadership Westbury"}


def test_the_group_is_the_body_in_view_with_that_head_noun(tmp_path: Path) -> None:
    # The sentence before makes the partnership the focus; "the group" is still the heading's Joint Action Group.
    facts = extract("Westbury Joint Action Group\n\nThe Westbury Community Safety Partnership set it up in 2010 to "
                    "tackle local issues.\n\nThe group includes representation from a range of stakeholders "
                    "including Kestrel Homes, Northshire Police and Moor Landlords.\n", tmp_path)
    assert {end for _, end in lines(facts, "MEMBER_OF")} == {"Westbury Joint Action Group"}


def test_a_list_whose_owner_is_named_earlier_in_the_intro_paragraph(tmp_path: Path) -> None:
    facts = extract("Community Safety\n\nCommunity Safety Partnerships were set up by an Act in 1998. Their members "
                    "have changed since then, but from next year the agencies listed in the Act will be:\n\n"
                    "- Police\n- Local Authorities\n- Health Service\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Community Safety Partnership"}
    assert {"Local Authorities", "Health Service"} <= members
    assert len(members) == 3


def test_this_meeting_is_the_section_s_body(tmp_path: Path) -> None:
    facts = extract("Westbury Justice Commissioning Group\n\nThis sub-regional meeting includes partners across the "
                    "county from Westbury Council, the police and Kestrel Trust.\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Westbury Justice Commissioning Group"}
    assert {"Westbury Council", "Kestrel Trust"} <= members


def test_an_initiative_that_brought_together_staff_from_agencies(tmp_path: Path) -> None:
    facts = extract("The day also sees the launch of the new Westbury Community Safety Team, an initiative that has "
                    "brought together staff from Westbury Borough Council, Northshire Police and Northshire Fire "
                    "Brigade under one roof.\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Westbury Community Safety Team"}
    assert members == {"Westbury Borough Council", "Northshire Police", "Northshire Fire Brigade"}


def test_a_short_note_between_the_intro_and_its_list(tmp_path: Path) -> None:
    facts = extract("Westbury Community Safety Partnership\n\nThe responsible authorities within the Westbury Community "
                    "Safety Partnership are:\n\nLocal authorities - district and county councils\n\n  \u2022 Police\n\n"
                    "  \u2022 Northshire Probation Trust\n  \u2022 Westbury Borough Council\n", tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Westbury Community Safety Partnership"}
    assert {"Northshire Probation Trust", "Westbury Borough Council"} <= members


def test_a_purpose_after_the_last_member_ends_the_list(tmp_path: Path) -> None:
    facts = extract("The Safer Northshire Partnership brings together the Northshire Drug Action Team, Kestrel Trust "
                    "and the Youth Offending Teams to enable a more joined-up approach.\n", tmp_path)
    members = {start for start, _ in lines(facts, "MEMBER_OF")}
    assert any(m.endswith("Youth Offending Team") for m in members)  # the plural is the class's name
    assert "Kestrel Trust" in members


def test_an_and_with_more_of_the_list_after_it_is_inside_a_name(tmp_path: Path) -> None:
    facts = extract("Westbury Partnership\n\nIn addition to the statutory members other key agencies included in the "
                    "Partnership are Westbury College, Human Rights and Equalities Westbury, Kestrel Trust and Moor "
                    "Homes.\n", tmp_path)
    members = {start for start, _ in lines(facts, "MEMBER_OF")}
    assert "Human Rights and Equalities Westbury" in members
    assert not members & {"Human Rights", "Equalities Westbury"}


def test_a_department_of_an_organisation_is_the_member(tmp_path: Path) -> None:
    facts = extract("The Westbury Safety Partnership is made up of Northshire Police, Kestrel Trust and a representative "
                    "from Westbury City Council's Neighbourhoods and Regeneration Services.\n", tmp_path)
    members = {start for start, _ in lines(facts, "MEMBER_OF")}
    assert members == {"Northshire Police", "Kestrel Trust", "Neighbourhoods and Regeneration Services"}


def test_there_is_representation_from_sectors_names_the_agencies_among_them(tmp_path: Path) -> None:
    facts = extract("Westbury Local Strategic Partnership\n\nThe partnership meets quarterly. There is local "
                    "representation across a range of sectors e.g. education, voluntary, health, police, and business.\n",
                    tmp_path)
    members = {start for start, end in lines(facts, "MEMBER_OF") if end == "Westbury Local Strategic Partnership"}
    assert "Health Service" in members
    assert not {m for m in members if m[:1].islower()}


def test_taking_part_as_part_of_an_alliance_is_membership(tmp_path: Path) -> None:
    facts = extract("Eastbury Borough Council, as part of the Northshire Safer Streets Alliance, funds the scheme. "
                    "Westbury Borough Council as part of the Northshire Safer Strategy funds the scheme. The Northshire "
                    "Victims Trust as part of the Coalition on Rural Youth Justice is drafting a model.\n", tmp_path)
    assert lines(facts, "MEMBER_OF") == {("Eastbury Borough Council", "Northshire Safer Streets Alliance"),
                                         ("Northshire Victims Trust", "Coalition on Rural Youth Justice")}
