"""The landscape view: which facts hold at a date, area containment, the cache and the filters, the reports."""
from __future__ import annotations

import gc

import pytest

from graph.analysis import analyse, cached_analysis
from graph.analysis.landscape import Landscape, holds
from graph.analysis.report import markdown, render_html
from graph.analysis.synthetic import synthetic_landscape
from tests.analysis.build import Landscape_


@pytest.mark.parametrize(("props", "as_of", "expected"), [
    ({}, None, True),
    ({"status": "current"}, "2007", True),
    ({"status": "planned"}, None, False),
    ({"status": "proposed"}, "2030", False),
    ({"status": "historic"}, None, False),
    ({"status": "historic", "valid_to": "2010"}, "2008", True),
    ({"valid_from": "2012-09"}, "2012-08-31", False),
    ({"valid_from": "2012-09"}, "2012-09-01", True),
    ({"valid_to": "2012-09"}, "2012-09", False),
    ({"valid_to": "2012-09"}, "2012-08", True),
])
def test_holds(props: dict[str, str], as_of: str | None, expected: bool) -> None:
    assert holds(props, as_of) is expected


def test_as_of_must_be_an_iso_date() -> None:
    with pytest.raises(ValueError, match="as_of"):
        Landscape.build(Landscape_().graph, "Sept 2012")


def test_areas_contain_by_edges_within_names_and_composite_names() -> None:
    land = (Landscape_().area("area-llr", "force-area", name="Leicester, Leicestershire and Rutland")
            .area("area-lr", "counties", name="Leicestershire and Rutland")
            .area("area-leicester", "city", name="Leicester").area("area-shire", "county", name="Leicestershire")
            .area("area-rutland", "county", name="Rutland").area("area-blaby", "district", name="Blaby")
            .area("area-hinckley", "district", name="Hinckley and Bosworth"))
    land.graph.nodes["area-blaby"]["within"] = ["Leicestershire", "Leicester"]  # 'Leicester' is a city: ignored
    land.graph.nodes["area-shire"]["within"] = ["Leicester"]
    land.edge("area-hinckley", "area-shire", "PART_OF")
    view = land.view()
    assert view.ancestors("area-blaby") == {"area-shire", "area-lr", "area-llr"}
    assert view.ancestors("area-leicester") == {"area-llr"}
    assert view.ancestors("area-lr") == {"area-llr"}
    assert "area-blaby" in view.descendants("area-llr")
    assert view.adjacent("area-blaby") == {"area-hinckley"}
    assert "area-leicester" not in view.overlapping("area-blaby")
    assert "area-lr" in view.overlapping("area-rutland")


def test_a_body_without_areas_serves_the_areas_of_the_body_it_answers_to() -> None:
    land = Landscape_().area("area-x", "county").body("top", covers="area-x").body("sub").edge("sub", "top", "REPORTS_TO")
    assert land.view().effective_areas("sub") == {"area-x"}


def test_a_body_established_later_does_not_exist_yet() -> None:
    land = Landscape_().body("new", established="2011")
    assert "new" not in land.view("2007").bodies
    assert "new" in land.view("2012").bodies


def filtered_landscape() -> Landscape_:
    land = (Landscape_().area("area-shire", "county", name="Shire").area("area-north", "district", "area-shire")
            .area("area-far", "county"))
    land.body("north-group", "group", covers="area-north").priority("north-group", "domestic-abuse")
    land.body("far-group", "group", covers="area-far").priority("far-group", "road-safety")
    return land


def test_filters_by_area_inside_theme_and_minimum_severity() -> None:
    analysis = analyse(filtered_landscape().graph)
    gaps = analysis.select("gaps")
    assert {f.rule for f in gaps} >= {"no-upward-accountability", "unfunded-theme", "no-chair-or-members"}
    in_shire = analysis.select("gaps", area="Shire")  # by name; area-north is inside it
    assert in_shire and all("area-north" in f.areas for f in in_shire)
    assert all("theme-road-safety" in f.themes for f in analysis.select("gaps", theme="road safety"))
    assert analysis.select("gaps", theme="theme-road-safety") == analysis.select("gaps", theme="road-safety")
    assert all(f.severity in ("medium", "high") for f in analysis.select("gaps", severity="medium"))
    assert analysis.select("gaps", severity="high") == []
    with pytest.raises(LookupError, match="unknown area"):
        analysis.select("gaps", area="Atlantis")
    with pytest.raises(LookupError, match="unknown theme"):
        analysis.select("gaps", theme="piracy")


def test_cached_per_projection_and_date() -> None:
    graph = filtered_landscape().graph
    first = cached_analysis(graph)
    assert cached_analysis(graph) is first
    assert cached_analysis(graph, "2007") is not first
    other = filtered_landscape().graph  # a new projection (after a load) is analysed afresh
    assert cached_analysis(other) is not first


def test_the_cache_does_not_keep_old_projections_alive() -> None:
    import weakref

    graph = filtered_landscape().graph
    cached_analysis(graph)
    ref = weakref.ref(graph)
    del graph
    gc.collect()
    assert ref() is None


def test_reports_hold_every_category_and_escape_html() -> None:
    land = filtered_landscape()
    land.graph.nodes["north-group"]["name"] = "North <Group> & Co"
    analysis = analyse(land.graph)
    text = markdown(analysis)
    assert text.startswith("# Partnership landscape")
    for heading in ("## Duplication", "## Gaps", "## Structure", "## Changes over time"):
        assert heading in text
    assert "North <Group> & Co" in text
    assert "> “quote about north-group”" in text
    page = render_html(analysis)
    assert "North &lt;Group&gt; &amp; Co" in page and "<Group>" not in page


def test_every_rule_runs_on_a_synthetic_landscape_and_finds_what_was_planted() -> None:
    analysis = analyse(synthetic_landscape(3000))
    rules = {f.rule for found in analysis.findings.values() for f in found}
    for planted in ("several-upward-lines", "stale-line", "accountability-cycle", "unfunded-theme",
                    "missing-area-priority", "unaccountable-money", "parallel-bodies", "broker", "most-board-seats",
                    "chain-depth", "merged"):
        assert planted in rules
    assert all(f.explanation and f.nodes for found in analysis.findings.values() for f in found)
