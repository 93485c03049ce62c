"""Diagrams of hand-made landscapes with known answers: what is drawn, how, and that DOT and Mermaid parse."""
from __future__ import annotations

import re

import pytest

from graph.analysis import analyse
from graph.diagrams import (
    MAX_DEPTH,
    UnknownNode,
    area_diagram,
    body_diagram,
    dot_source,
    funding_diagram,
    highlight,
    landscape_diagram,
    render,
    to_mermaid,
)
from graph.diagrams.style import wrap
from tests.analysis.build import Landscape_
from tests.diagrams.check import parse_dot, parse_mermaid, svg_nodes


def county() -> Landscape_:
    """A county board with two groups below it, one group below a group, a proposed forum and a merged board."""
    return (
        Landscape_()
        .area("area-shire", "county", name="Shire")
        .area("area-dale", "district", within="area-shire", name="Dale")
        .body("shire-board", covers="area-shire", name="Shire Safer Communities Board")
        .body("alpha-group", kind="group", name="Alpha Delivery Group")
        .body("beta-group", kind="group", name="Beta Delivery Group")
        .body("gamma-team", kind="team", name="Gamma Team")
        .body("delta-forum", kind="forum", name="Delta Forum")
        .body("old-board", name="Old Programme Board", status="merged")
        .body("dale-csp", kind="partnership", covers="area-dale", name="Dale Community Safety Partnership")
        .edge("alpha-group", "shire-board", "REPORTS_TO", status="current")
        .edge("beta-group", "shire-board", "SUBGROUP_OF", status="planned")
        .edge("gamma-team", "alpha-group", "ACCOUNTABLE_TO", status="current")
        .edge("delta-forum", "shire-board", "REPORTS_TO", status="proposed")
        .edge("old-board", "shire-board", "MERGED_INTO", status="current", valid_from="2012-09")
        .edge("dale-csp", "old-board", "REPORTS_TO", status="current")
    )


def dot_edges(source: str) -> dict[tuple[str, str], str]:
    """(tail, head) -> the attribute text of each visible edge of a DOT source."""
    found = {}
    for tail, head, attrs in re.findall(r'^\s*"?([\w-]+)"?\s*->\s*"?([\w-]+)"?\s*\[(.*)\]\s*$', source, flags=re.M):
        if "invis" not in attrs:
            found[(tail, head)] = attrs
    return found


def test_a_subtree_holds_what_reports_to_the_body_down_to_the_depth_asked() -> None:
    graph = county().graph
    deep = body_diagram(graph, "shire-board", "down", depth=2)
    assert {"alpha-group", "beta-group", "gamma-team", "delta-forum", "old-board", "dale-csp"} <= set(deep.nodes)
    shallow = body_diagram(graph, "shire-board", "down", depth=1)
    assert "gamma-team" not in shallow.nodes and "alpha-group" in shallow.nodes
    assert "More lies beyond depth 1." in shallow.notes
    assert shallow.nodes["shire-board"].focus


def test_a_chain_lists_each_step_upward_in_order() -> None:
    graph = county().graph
    chain = body_diagram(graph, "gamma-team", "up", depth=5)
    assert chain.steps == ["gamma-team", "alpha-group", "shire-board"]
    assert {(e.source, e.target) for e in chain.edges} == {("gamma-team", "alpha-group"), ("alpha-group", "shire-board")}
    svg = svg_nodes(render(chain, "svg"))
    # Accountability points up: each step is drawn above the one before it.
    heights = [svg[step].y for step in chain.steps]
    assert heights == sorted(heights, reverse=True) and len(set(heights)) == 3


def test_a_huge_depth_is_capped_and_the_cap_is_said_in_the_title() -> None:
    diagram = body_diagram(county().graph, "shire-board", "down", depth=10_000)
    assert diagram.depth == MAX_DEPTH and diagram.depth_capped
    assert f"Depth capped at {MAX_DEPTH} (asked for 10000)." in diagram.notes
    assert f"capped at {MAX_DEPTH}; asked for 10000" in dot_source(diagram)
    assert f"capped at {MAX_DEPTH}; asked for 10000" in to_mermaid(diagram).splitlines()[1]
    with pytest.raises(ValueError):
        body_diagram(county().graph, "shire-board", "down", depth=0)
    with pytest.raises(ValueError):
        body_diagram(county().graph, "shire-board", "sideways")


def test_line_style_tells_current_planned_and_proposed_apart() -> None:
    diagram = body_diagram(county().graph, "shire-board", "down", depth=2)
    states = {(e.source, e.target): e.state for e in diagram.edges}
    assert states[("alpha-group", "shire-board")] == "current"
    assert states[("beta-group", "shire-board")] == "planned"
    assert states[("delta-forum", "shire-board")] == "proposed"
    edges = dot_edges(dot_source(diagram))
    assert "style=solid" in edges[("alpha-group", "shire-board")]
    assert "style=dashed" in edges[("beta-group", "shire-board")]
    assert "style=dotted" in edges[("delta-forum", "shire-board")]
    # and colour and arrowhead tell the relationship
    assert "arrowhead=onormal" in edges[("beta-group", "shire-board")]
    assert "arrowhead=empty" in edges[("old-board", "shire-board")]


def test_a_merged_body_is_drawn_ended_and_a_line_still_pointing_at_it_is_stale() -> None:
    diagram = body_diagram(county().graph, "shire-board", "down", depth=2)
    old = diagram.nodes["old-board"]
    assert old.dissolved and any("merged into Shire Safer Communities Board (2012-09)" in n for n in old.notes)
    merged = next(e for e in diagram.edges if e.relation == "MERGED_INTO")
    assert merged.label == "merged into 2012-09"
    stale = next(e for e in diagram.edges if e.source == "dale-csp")
    assert stale.state == "stale"


def test_as_of_leaves_out_what_did_not_hold_yet() -> None:
    graph = county().edge("alpha-group", "beta-group", "PART_OF", status="current", valid_from="2015").graph
    graph.add_node("new-board", label="Body", name="New Board", kind="board", status="current", established="2014",
                   evidence=[])
    graph.add_edge("new-board", "shire-board", key="REPORTS_TO", type="REPORTS_TO", status="current", evidence=[])
    before = landscape_diagram(graph, "2010")
    assert "new-board" not in before.nodes
    assert ("alpha-group", "beta-group") not in {(e.source, e.target) for e in before.edges}
    # before the merger the old board has not ended and the line to it is not stale
    assert not before.nodes["old-board"].dissolved
    assert all(e.relation != "MERGED_INTO" for e in before.edges)
    after = landscape_diagram(graph, "2016")
    assert "new-board" in after.nodes
    assert ("alpha-group", "beta-group") in {(e.source, e.target) for e in after.edges}


def test_bodies_are_clustered_by_area_and_clusters_nest() -> None:
    diagram = landscape_diagram(county().graph)
    assert diagram.nodes["dale-csp"].cluster == "cluster-area-dale"
    assert diagram.clusters["cluster-area-dale"].parent == "cluster-area-shire"
    # a group with no area of its own sits with the board it answers to
    assert diagram.nodes["gamma-team"].cluster == "cluster-area-shire"
    source = dot_source(diagram)
    shire, dale = source.index('subgraph "cluster_area-shire"'), source.index('subgraph "cluster_area-dale"')
    assert shire < dale and source.count("{", shire, dale) == 1 + source.count("}", shire, dale)  # dale inside shire
    area = area_diagram(county().graph, "Dale")
    assert "dale-csp" in area.nodes and "alpha-group" not in area.nodes
    # what the district partnership answers to is drawn for orientation, outside the district's cluster
    assert area.nodes["old-board"].context and area.nodes["old-board"].cluster != "cluster-area-dale"


def test_dot_and_mermaid_parse_even_with_awkward_names() -> None:
    awkward = 'The "End" <Group> & Co | subgraph'
    graph = county().body("odd", kind="group", name=awkward).edge("odd", "shire-board", "REPORTS_TO",
                                                                  status="current").graph
    diagram = landscape_diagram(graph)
    canonical = parse_dot(dot_source(diagram))
    assert '"odd"' in canonical or "odd" in canonical
    chart = parse_mermaid(to_mermaid(diagram))
    assert len(chart.edges) == len(diagram.edges)
    assert {"n_odd", "n_shire_board"} <= chart.nodes
    assert ("n_delta_forum", "n_shire_board", "-.->", "reports to (proposed)") not in chart.edges  # landscape: no relation words
    assert ("n_old_board", "n_shire_board", "==>", "merged into 2012-09") in chart.edges
    svg = svg_nodes(render(diagram, "svg"))
    assert awkward in svg["odd"].text


def test_the_mermaid_checker_refuses_what_mermaid_would() -> None:
    good = to_mermaid(landscape_diagram(county().graph))
    parse_mermaid(good)
    from tests.diagrams.check import MermaidError

    for broken in (good.replace("    end\n", "", 1), good.replace("-->", "->", 1),
                   good + '    n_x("a "quoted" name")\n', good + "    n_ghost --> n_shire_board\n"):
        with pytest.raises(MermaidError):
            parse_mermaid(broken)


def test_findings_are_marked_on_the_bodies_and_lines_they_are_about() -> None:
    graph = county().graph
    diagram = body_diagram(graph, "shire-board", "down", depth=2)
    highlight(diagram, analyse(graph), "medium")
    stale = next(f for f in diagram.findings if f.rule == "stale-line")
    assert stale.mark.startswith("G")
    assert stale.mark in diagram.nodes["dale-csp"].marks
    assert stale.mark in next(e for e in diagram.edges if e.source == "dale-csp").marks
    assert stale.mark not in diagram.nodes["shire-board"].marks  # the successor is context, not at fault
    assert f"{stale.mark} (high)" in dot_source(diagram)


def test_funding_flows_from_stream_through_the_allocating_body_with_amounts() -> None:
    built = (Landscape_().body("board", name="County Board").body("csp", kind="partnership", name="Dale CSP")
             .node("stream-fund", "FundingStream", "Safety Fund"))
    rows = [("a-total", "total", 600, None, "Total"), ("a-sub", "subtotal", 100, None, "Vulnerable people:"),
            ("a-item", "item", 40, None, "Outreach"), ("a-csp", "item", 60, "csp", "Dale")]
    for node, row_kind, amount, receiver, purpose in rows:
        built.node(node, "Allocation", purpose, amount_gbp=amount, row_kind=row_kind, purpose=purpose, period="2012-13")
        built.edge(node, "stream-fund", "FROM_STREAM").edge(node, "board", "ALLOCATED_BY")
        if receiver is not None:
            built.edge(node, receiver, "ALLOCATED_TO")
    diagram = funding_diagram(built.graph, "Safety Fund")
    labels = {(e.source, e.target): e.label for e in diagram.edges}
    assert labels[("stream-fund", "board")] == "stated total £600 (2012-13)"
    assert labels[("board", "csp")] == "£60 (2012-13)"
    assert labels[("board", "board--outreach")] == "£40 (2012-13)"
    assert not any("vulnerable" in e.target for e in diagram.edges)  # a subtotal would count its items twice
    assert diagram.rankdir == "LR"
    parse_mermaid(to_mermaid(diagram))
    with pytest.raises(UnknownNode):
        funding_diagram(built.graph, "Lottery")


def test_unknown_ids_are_refused() -> None:
    with pytest.raises(UnknownNode):
        body_diagram(county().graph, "no-such-board")
    with pytest.raises(UnknownNode):
        area_diagram(county().graph, "Atlantis")


def test_long_names_wrap_between_words() -> None:
    name = "Leicester, Leicestershire & Rutland Local Resilience Forum Multi-Agency Coordination Group"
    lines = wrap(name, 24)
    assert all(len(line) <= 24 for line in lines[:-1]) and len(lines) <= 4
    assert " ".join(lines).replace(" …", "") in name
    assert all(word in name.split() for line in lines for word in line.replace(" …", "").split())


def test_leaves_under_the_same_two_parents_stagger_like_leaves_under_one() -> None:
    from graph.diagrams.dot import _staggered
    from graph.diagrams.model import Diagram, DiagramEdge, DiagramNode

    diagram = Diagram("area", "Fenmoor", None)
    for body in ("board", "partnership", "lone"):
        diagram.add_node(DiagramNode(body, body.title(), "body"))
    groups = [f"group-{n}" for n in "abcdef"]
    for group in groups:
        diagram.add_node(DiagramNode(group, group.title(), "body"))
        diagram.add_edge(DiagramEdge(group, "board", "SUBGROUP_OF"))
        diagram.add_edge(DiagramEdge(group, "partnership", "REPORTS_TO"))
    diagram.add_edge(DiagramEdge("lone", "board", "REPORTS_TO"))  # other parents: a row of its own
    minlen = _staggered(diagram)
    levels = {diagram.edges[i].source: minlen.get(i, 1) for i in range(len(diagram.edges))}
    assert {levels[g] for g in groups} == {1, 2}
    for group in groups:  # both lines of one group put it on the same rank
        assert len({minlen.get(i, 1) for i, e in enumerate(diagram.edges) if e.source == group}) == 1
    assert levels["lone"] == 1
