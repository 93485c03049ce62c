"""Diagrams a board would accept: readable column labels and short purposes, one layout for two dates (the same body
in the same place), and the atlas: an overview of areas linking to one page per area, none wider than a screen."""
from __future__ import annotations

import re
import shlex

import pytest

from graph.diagrams import Diagram, landscape_diagram, render, shared_layout, to_dot, without_hidden
from graph.diagrams.atlas import MAX_WIDTH_PX, area_page, atlas, overview_diagram, width_px
from graph.diagrams.labels import column_label, short_purpose
from graph.diagrams.layout import positions
from graph.engine import Engine
from tests.diagrams.test_build import county


def laid_out(diagram: Diagram) -> dict[str, tuple[float, float]]:
    """Where Graphviz puts each box, from its `plain` output, relative to the drawing's first box (the title and
    legend, which say the date, may shift the whole drawing; they never move one box against another)."""
    plain = to_dot(diagram).pipe(format="plain").decode()
    found = {parts[1].strip('"'): (float(parts[2]), float(parts[3]))
             for parts in (shlex.split(line) for line in plain.splitlines() if line.startswith("node "))}
    x0, y0 = found[min(found)]
    return {k: (x - x0, y - y0) for k, (x, y) in found.items()}


@pytest.mark.parametrize(("header", "label"), [
    ("1 st Quarter Spend 1 st April - 30 th June 2012 (£)", "Q1 spend, Apr–Jun 2012"),
    ("3rd Quarter Spend 1st October - 31st December 2011 (£)", "Q3 spend, Oct–Dec 2011"),
    ("Amount Agreed (£)", "Amount agreed"),
    ("2012-13 Allocation", "2012-13 allocation"),
    ("BCU funding", "BCU funding"),
    ("Oct 2011 to Mar 2013", "Oct 2011 to Mar 2013"),
])
def test_column_headers_read_as_a_board_paper_would_word_them(header: str, label: str) -> None:
    assert column_label(header) == label


def test_a_table_rows_purpose_is_kept_and_a_sentence_is_cut_to_its_point() -> None:
    assert short_purpose("Integrated Offender Management") == "Integrated Offender Management"
    sentence = "The Safer Leicester Partnership (SLP) has received £184,576 from the Home Office for 2012/13."
    short = short_purpose(sentence)
    assert len(short) <= 50 and "£" not in short and "(SLP)" not in short and short.startswith("The Safer Leicester")
    intro = short_purpose("In addition to this funding, the Police receive £544,000 directly from the Home Office to "
                          "support the DIP processes within custody suites.")
    assert intro.startswith("The Police receive") and len(intro) <= 50


def test_two_dates_share_one_layout_and_hide_what_their_date_lacks() -> None:
    graph = county().graph
    before, after = landscape_diagram(graph, "2010"), landscape_diagram(graph, "2013")
    early, late = shared_layout([before, after])
    assert set(early.nodes) == set(late.nodes) == set(before.nodes) | set(after.nodes)
    merger = [e for e in late.edges if e.relation == "MERGED_INTO"]
    assert merger and not merger[0].hidden  # the merger holds from 2012-09
    assert [e.hidden for e in early.edges if e.relation == "MERGED_INTO"] == [True]
    places = [laid_out(d) for d in (early, late)]
    shown_in_both = set(before.nodes) & set(after.nodes)
    assert shown_in_both
    for node in shown_in_both:  # Graphviz prints inches to 4 places
        assert places[0][node] == pytest.approx(places[1][node], abs=0.01), node
    assert "invis" in render(early, "dot").decode()
    assert len(without_hidden(early).edges) == len(before.edges)


def test_layout_positions_are_the_same_for_the_same_set() -> None:
    nodes = [("a", "Alpha Board"), ("b", "Beta Group"), ("c", "Gamma Team")]
    edges = [("b", "a"), ("c", "a")]
    first, again = positions(nodes, edges), positions(list(reversed(nodes)), list(reversed(edges)))
    assert first == again and first["a"].y < first["b"].y  # bottom to top: the body answered to is drawn above


def test_the_overview_has_one_linked_box_per_area_and_the_pages_fold_inner_areas() -> None:
    graph = county().graph
    overview = overview_diagram(graph)
    areas = {n.id for n in overview.nodes.values() if n.link}
    assert {"area-shire", "area-dale"} <= areas
    assert overview.nodes["area-dale"].link == "area-dale.svg"
    svg = render(overview, "svg").decode()
    assert 'href="area-dale.svg"' in svg
    shire = area_page(graph, "area-shire")
    assert "area-dale" in shire.nodes and shire.nodes["area-dale"].link == "area-dale.svg"
    assert "dale-csp" not in shire.nodes  # it is on Dale's own page
    assert "dale-csp" in area_page(graph, "area-dale").nodes


def test_atlas_pages_of_the_seeds_fit_a_screen(loaded_engine: Engine) -> None:
    from graph.projection import build_projection

    pages = atlas(build_projection(loaded_engine))
    assert "overview" in pages and len(pages) > 5
    widths = {name: width_px(d) for name, d in pages.items() if name != "overview"}
    assert max(widths.values()) <= MAX_WIDTH_PX, widths
    svg = render(pages["overview"], "svg").decode()
    linked = set(re.findall(r'href="([^"]+)\.svg"', svg))
    assert linked <= set(pages) and len(linked) == len(pages) - 1
