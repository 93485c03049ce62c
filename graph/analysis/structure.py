"""Structure measures: brokers (betweenness), agencies with the most board seats, and the depth of each chain."""
from __future__ import annotations

import networkx as nx

from graph.analysis.findings import Finding, capital, listing, make_finding, the
from graph.analysis.landscape import Landscape

TOP = 10
# Exact betweenness is O(nodes x edges): exact up to this many bodies, sampled (k pivots, fixed seed) beyond.
EXACT_BETWEENNESS_LIMIT = 1_000
SAMPLES = 48
MIN_DEPTH = 2


def governance_network(view: Landscape) -> nx.Graph:
    """Bodies and roles joined by accountability, oversight, membership and chairing (undirected, simple)."""
    network = nx.Graph()
    for body, lines in view.up.items():
        network.add_edges_from((body, line.target) for line in lines)
    for board, members in view.members.items():
        network.add_edges_from((member, board) for member in members)
    for body, chairs in view.chairs.items():
        network.add_edges_from((body, chair) for chair in chairs)
    for body, overseen in view.oversees.items():
        network.add_edges_from((body, o) for o in overseen if view.label(o) == "Body")
    return network


def brokers(view: Landscape, samples: int | None = None) -> list[Finding]:
    """Bodies on the most shortest paths between others; sampled (k pivots, fixed seed) in large networks."""
    network = governance_network(view)
    if network.number_of_nodes() < 3:
        return []
    k = samples
    if k is None and network.number_of_nodes() > EXACT_BETWEENNESS_LIMIT:
        k = SAMPLES
    scores = nx.betweenness_centrality(network, k=k, seed=0 if k is not None else None, normalized=True)
    ranked = sorted((s, n) for n, s in scores.items() if s > 0)[::-1][:TOP]
    findings = []
    for score, node in ranked:
        neighbours = sorted(network.neighbors(node), key=lambda n: -scores.get(n, 0))[:5]
        findings.append(make_finding(
            view, "broker", "structure", "info",
            f"{capital(the(view, node))} lies on {score:.1%} of the shortest paths between other bodies in the governance "
            f"network, connecting {network.degree(node)} others (such as {listing([the(view, n) for n in neighbours])}).",
            [node, *neighbours], view.evidence(node)[:2], score=score,
            areas=view.effective_areas(node) if view.label(node) == "Body" else (),
            details={"degree": network.degree(node), "sampled_pivots": k},
        ))
    return findings


def seat_holders(view: Landscape) -> list[Finding]:
    """Members (agencies, councils, roles) sitting on the most boards."""
    ranked = sorted(((len(boards), member) for member, boards in view.seats.items() if len(boards) >= 2),
                    key=lambda pair: (-pair[0], pair[1]))[:TOP]
    findings = []
    for count, member in ranked:
        boards = sorted(view.seats[member])
        findings.append(make_finding(
            view, "most-board-seats", "structure", "info",
            f"{capital(the(view, member))} sits on {count} boards or groups: "
            f"{listing([the(view, b) for b in boards[:8]])}{' and others' if count > 8 else ''}.",
            [member, *boards], [q for b in boards for q in view.seats[member][b][:1]], score=float(count),
            areas={a for b in boards for a in view.effective_areas(b)},
            details={"boards": boards},
        ))
    return findings


def chain_depths(view: Landscape) -> dict[str, tuple[int, list[str]]]:
    """For each body in a chain: the length of its longest upward chain and that chain (cycles condensed)."""
    upward = nx.DiGraph()
    for body, lines in view.up.items():
        upward.add_edges_from((body, line.target) for line in lines)
    condensed = nx.condensation(upward)
    members = condensed.graph["mapping"]
    best: dict[int, tuple[int, list[int]]] = {}
    for component in reversed(list(nx.topological_sort(condensed))):
        above = [(best[c][0], c) for c in condensed.successors(component)]
        if above:
            depth, nxt = max(above)
            best[component] = (depth + 1, [component, *best[nxt][1]])
        else:
            best[component] = (0, [component])
    representative = {c: sorted(condensed.nodes[c]["members"])[0] for c in condensed.nodes}
    return {node: (best[c][0], [node, *[representative[x] for x in best[c][1][1:]]]) for node, c in members.items()}


def deepest_chains(view: Landscape) -> list[Finding]:
    """The longest accountability chains, from a body with nothing below it to the top."""
    depths = chain_depths(view)
    leaves = [(depth, body, chain) for body, (depth, chain) in depths.items()
              if depth >= MIN_DEPTH and not view.down.get(body) and view.label(body) == "Body"]
    findings = []
    for depth, body, chain in sorted(leaves, key=lambda item: (-item[0], item[1]))[:TOP]:
        evidence = [q for line_from, line_to in zip(chain, chain[1:], strict=False)
                    for line in view.up.get(line_from, ()) if line.target == line_to for q in line.evidence[:1]]
        findings.append(make_finding(
            view, "chain-depth", "structure", "info",
            f"{capital(the(view, body))} is {depth} steps from the top of its accountability chain: "
            + " → ".join(the(view, n) for n in chain) + ".",
            chain, evidence, score=float(depth), areas=view.effective_areas(body), details={"chain": chain},
        ))
    return findings
