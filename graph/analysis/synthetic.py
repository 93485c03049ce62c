"""A synthetic landscape of about N nodes, shaped like the real one, as a networkx graph (benchmarks and tests)."""
from __future__ import annotations

import random
from typing import Any

import networkx as nx

THEMES = ["re-offending", "anti-social-behaviour", "domestic-abuse", "substance-misuse", "alcohol", "violent-crime",
          "public-confidence", "vulnerable-victims", "road-safety", "acquisitive-crime", "overall-crime", "hate-crime",
          "youth-crime", "sexual-violence", "cohesion", "fire-safety", "mental-health", "exploitation", "fraud",
          "rural-crime"]
AGENCIES = ["Police", "Probation Trust", "Fire and Rescue Service", "Primary Care Trust", "Youth Offending Service",
            "County Council", "Victim Support", "Drug and Alcohol Team"]
GROUP_JOBS = ["Domestic Abuse Forum", "Anti-Social Behaviour Group", "Substance Misuse Group", "Joint Action Group"]
DISTRICTS_PER_COUNTY = 7
FORCE_AREAS_PER_REGION = 8


class _Builder:
    def __init__(self, seed: int) -> None:
        self.graph = nx.MultiDiGraph()
        self.random = random.Random(seed)
        self.evidence = [{"doc": "synthetic-2012", "start": 0, "end": 9, "quote": "synthetic", "method": "bench"}]

    def node(self, node_id: str, label: str, name: str, **props: Any) -> str:
        self.graph.add_node(node_id, label=label, id=node_id, name=name, aliases=[], evidence=self.evidence, **props)
        return node_id

    def edge(self, start: str, end: str, rel_type: str, **props: Any) -> None:
        self.graph.add_edge(start, end, key=rel_type, type=rel_type, evidence=self.evidence, **props)

    def priorities(self, holder: str, themes: list[str]) -> None:
        for i, theme in enumerate(themes):
            priority = self.node(f"priority-{holder}-{i}", "Priority", f"Tackle {theme}", text=f"Tackle {theme}")
            self.edge(holder, priority, "HAS_PRIORITY")
            self.edge(priority, f"theme-{theme}", "ABOUT")


def synthetic_landscape(n_nodes: int, seed: int = 0) -> nx.MultiDiGraph:
    """Regions of force areas, each a county of districts with partnerships, groups, agencies, priorities and money;
    with planted duplicates, stale lines after mergers, several upward lines, unfunded themes and a few cycles."""
    b = _Builder(seed)
    rnd = b.random
    for theme in THEMES:
        b.node(f"theme-{theme}", "Theme", theme.replace("-", " ").capitalize())
    for year, doc in (("2007-03", "doc-early"), ("2012-08", "doc-late")):
        b.node(doc, "Document", f"Report {year}", date=year, file=f"{doc}.txt")
    nation = b.node("area-nation", "Area", "Nation", level="nation")
    stream = b.node("stream-community-safety-fund", "FundingStream", "Community Safety Fund")
    funded = THEMES[:12]  # the last themes are priorities that no money is for
    region = ""
    f = 0
    while b.graph.number_of_nodes() < n_nodes:
        if f % FORCE_AREAS_PER_REGION == 0:
            region = b.node(f"area-region-{f}", "Area", f"Region {f}", level="region")
            b.edge(region, nation, "PART_OF")
        force = b.node(f"area-force-{f}", "Area", f"Force {f}", level="force-area")
        b.edge(force, region, "PART_OF")
        county = b.node(f"area-county-{f}", "Area", f"Shire {f}", level="county")
        b.edge(county, force, "PART_OF")
        b.priorities(county, rnd.sample(THEMES[:8], 4))
        top = b.node(f"strategic-board-{f}", "Body", f"Strategic Partnership Board {f}", kind="board", status="current")
        b.edge(top, force, "COVERS")
        agencies = [b.node(f"agency-{f}-{i}", "Body", f"Shire {f} {name}", kind="agency", status="current")
                    for i, name in enumerate(AGENCIES)]
        for agency in agencies:
            b.edge(agency, top, "MEMBER_OF")
        b.edge(top, f"role-chair-{f}", "CHAIRED_BY")
        b.node(f"role-chair-{f}", "Role", f"Chief Constable {f}")
        # Two county boards that merged into the strategic board in 2012; one group still reports to both.
        merged = []
        for j, job in enumerate(("Community Safety Programme Board", "Criminal Justice Board")):
            old = b.node(f"old-board-{f}-{j}", "Body", f"Shire {f} {job}", kind="board", status="merged")
            b.edge(old, top, "MERGED_INTO", status="current", valid_from="2012-09")
            b.edge(old, county, "COVERS")
            merged.append(old)
        reoffending = b.node(f"reoffending-board-{f}", "Body", f"Shire {f} Reducing Re-offending Board", kind="board",
                             status="current")
        b.priorities(reoffending, ["re-offending"])
        for old in merged:
            b.edge(reoffending, old, "REPORTS_TO", status="current")
        b.edge(reoffending, top, "SUBGROUP_OF", status="planned")
        county_board = b.node(f"county-board-{f}", "Body", f"Shire {f} Safer Communities Board", kind="board",
                              status="current")
        b.edge(county_board, county, "COVERS")
        b.edge(county_board, top, "REPORTS_TO", status="current")
        b.priorities(county_board, rnd.sample(THEMES[:10], 5))
        for agency in rnd.sample(agencies, 5):
            b.edge(agency, county_board, "MEMBER_OF")
        if f % 10 == 3:  # a cycle of accountability
            b.edge(top, county_board, "ACCOUNTABLE_TO", status="current")
        for d in range(DISTRICTS_PER_COUNTY):
            district = b.node(f"area-district-{f}-{d}", "Area", f"District {f}-{d}", level="district")
            b.edge(district, county, "PART_OF")
            csp = b.node(f"csp-{f}-{d}", "Body", f"District {f}-{d} Community Safety Partnership", kind="partnership",
                         status="current")
            b.edge(csp, district, "COVERS")
            b.edge(csp, county_board, "ACCOUNTABLE_TO", status="current")
            b.priorities(csp, rnd.sample(THEMES, rnd.randint(3, 6)))
            for agency in rnd.sample(agencies, 4):
                b.edge(agency, csp, "MEMBER_OF")
            for g, job in enumerate(rnd.sample(GROUP_JOBS, 3)):
                group = b.node(f"group-{f}-{d}-{g}", "Body", f"District {f}-{d} {job}", kind="group", status="current")
                b.edge(group, district, "COVERS")
                b.priorities(group, rnd.sample(THEMES, 2))
                if rnd.random() < 0.9:
                    b.edge(group, csp, "REPORTS_TO", status="current")
                if rnd.random() < 0.1:
                    b.edge(group, county_board, "ACCOUNTABLE_TO", status="current")
            for a in range(2):
                allocation = b.node(f"allocation-{f}-{d}-{a}", "Allocation", f"£{10_000 * (a + 1)}",
                                    amount_gbp=10_000 * (a + 1), period="2012-13", purpose="Community safety",
                                    row_kind="item")
                b.edge(allocation, stream, "FROM_STREAM")
                b.edge(allocation, f"theme-{rnd.choice(funded)}", "FOR")
                if a == 0 or rnd.random() < 0.8:
                    b.edge(allocation, csp, "ALLOCATED_TO")
                b.edge(allocation, district, "ALLOCATED_TO")
            b.edge("doc-late", csp, "MENTIONS")
            if d % 3 == 0:
                b.edge("doc-early", csp, "MENTIONS")
        f += 1
    return b.graph
