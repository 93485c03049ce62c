"""Every route in-process against Neo4j with the seeds loaded, including the foundation's examples."""
from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from graph.settings import REPO

SEEDS = REPO / "seeds"


def verbatim(evidence: list[dict[str, Any]]) -> bool:
    """Every quote equals the document's text at its span."""
    for item in evidence:
        text = (SEEDS / f"{item['doc']}.txt").read_text(encoding="utf-8")
        if text[item["start"]:item["end"]] != item["quote"]:
            return False
    return bool(evidence)


def test_search_finds_a_body_by_acronym_alias_case_and_punctuation(client: TestClient) -> None:
    for q in ("CSPB", "cspb", "C.S.P.B.", "Community Safety Partnership Board", "community-safety  programme board"):
        page = client.get("/bodies", params={"q": q}).json()
        assert page["items"], q
        assert page["items"][0]["id"] == "community-safety-programme-board", q
    assert all(verbatim(item["evidence"]) for item in page["items"])
    assert client.get("/bodies", params={"q": "no such body anywhere"}).json() == {
        "total": 0, "limit": 20, "offset": 0, "items": []}


def test_search_filters_and_pages(client: TestClient) -> None:
    everything = client.get("/bodies", params={"limit": 500}).json()
    assert everything["total"] == len(everything["items"]) > 100
    pages = [client.get("/bodies", params={"limit": 40, "offset": o}).json()["items"] for o in range(0, 500, 40)]
    assert [b["id"] for page in pages for b in page] == [b["id"] for b in everything["items"]]
    boards = client.get("/bodies", params={"kind": "board", "limit": 500}).json()
    assert boards["items"] and all(b["kind"] == "board" for b in boards["items"])
    assert boards["total"] < everything["total"]
    abuse = {b["id"] for b in client.get("/bodies", params={"theme": "domestic abuse", "limit": 500}).json()["items"]}
    assert "domestic-violence-delivery-group" in abuse
    assert abuse == {b["id"] for b in client.get("/bodies", params={"theme": "theme-domestic-abuse",
                                                                      "limit": 500}).json()["items"]}
    # Leicestershire's bodies include those of its districts; Charnwood's do not include Rutland's.
    county = {b["id"] for b in client.get("/bodies", params={"area": "Leicestershire", "limit": 500}).json()["items"]}
    district = {b["id"] for b in client.get("/bodies", params={"area": "area-charnwood", "limit": 500}).json()["items"]}
    assert "charnwood-community-safety-partnership" in district and district <= county
    assert "safer-rutland-partnership" not in county


def test_unknown_filters_are_bad_parameters_with_suggestions(client: TestClient) -> None:
    response = client.get("/bodies", params={"theme": "domestic abuses"})
    assert response.status_code == 422
    assert "theme-domestic-abuse" in [s["id"] for s in response.json()["error"]["suggestions"]]
    assert client.get("/bodies", params={"kind": "spaceship"}).status_code == 422
    assert client.get("/bodies", params={"limit": 0}).status_code == 422


def test_body_detail_carries_aliases_status_lines_and_evidence(client: TestClient) -> None:
    body = client.get("/bodies/community-safety-programme-board").json()
    assert "CSPB" in body["aliases"] and "Community Safety Partnership Board" in body["aliases"]
    assert body["kind"] == "board" and body["status"] == "merged"
    merged = [line for line in body["succeeded_by"] if line["type"] == "MERGED_INTO"]
    assert [(m["id"], m["valid_from"]) for m in merged] == [("strategic-partnership-board", "2012-09")]
    assert verbatim(body["evidence"]) and all(verbatim(m["evidence"]) for m in merged)
    assert all(e["document"] and e["date"] for e in body["evidence"])


def test_body_detail_lists_chair_members_and_priorities(client: TestClient) -> None:
    # the LCJB merged into the SPB in September 2012: its members are those of August 2012, not of today
    lcjb = client.get("/bodies/local-criminal-justice-board", params={"as_of": "2012-08"}).json()
    assert len(lcjb["members"]) >= 5 and all(verbatim(m["evidence"]) for m in lcjb["members"])
    slp = client.get("/bodies/safer-leicester-partnership").json()
    texts = [p["text"] for p in slp["priorities"]]
    assert "Overall crime" in texts and all(verbatim(p["evidence"]) for p in slp["priorities"])
    dvdg = client.get("/bodies/domestic-violence-delivery-group").json()
    assert [a["id"] for a in dvdg["answers_to"]] == ["safer-leicester-partnership"]


def test_strategic_partnership_board_reports_list_planned_sub_groups_apart_not_mergers(client: TestClient) -> None:
    tree = client.get("/bodies/strategic-partnership-board/reports").json()
    first = {r["id"]: r for r in tree["reports"]}
    # planned sub-groups are shown as such, never followed as current lines (graph.time)
    planned = {r["id"]: r for r in tree["intended"]}
    asb = planned["anti-social-behaviour-strategy-group"]
    assert asb["type"] == "SUBGROUP_OF" and asb["status"] in {"planned", "proposed"} and verbatim(asb["evidence"])
    assert asb["intention"] is True and "anti-social-behaviour-strategy-group" not in first
    assert "reducing-re-offending-programme-board" in planned
    assert not {"community-safety-programme-board", "local-criminal-justice-board"} & set(first)
    merged = [m["id"] for m in tree["merged_in"]]
    assert {"community-safety-programme-board", "local-criminal-justice-board"} <= set(merged)
    assert len(merged) == len(set(merged))  # one entry per body, its other lines under `also`
    cspb = next(m for m in tree["merged_in"] if m["id"] == "community-safety-programme-board")
    assert cspb["type"] == "MERGED_INTO" and cspb["valid_from"] == "2012-09"


def test_reports_go_down_to_the_depth_asked(client: TestClient) -> None:
    def ids(tree: list[dict[str, Any]]) -> set[str]:
        return {n["id"] for n in tree} | {i for n in tree for i in ids(n["children"])}

    shallow = client.get("/bodies/safer-leicester-partnership/reports", params={"depth": 1}).json()
    deep = client.get("/bodies/safer-leicester-partnership/reports", params={"depth": 4}).json()
    assert all(not n["children"] for n in shallow["reports"])
    assert ids(shallow["reports"]) <= ids(deep["reports"])
    assert "domestic-violence-delivery-group" in ids(shallow["reports"])
    assert client.get("/bodies/safer-leicester-partnership/reports", params={"depth": 11}).status_code == 422


def test_chain_of_the_domestic_violence_delivery_group_ends_at_the_safer_leicester_partnership(client: TestClient) -> None:
    answer = client.get("/bodies/domestic-violence-delivery-group/chain").json()
    assert answer["tops"] == ["safer-leicester-partnership"]
    (path,) = answer["chains"]
    assert [s["id"] for s in path["steps"]] == ["domestic-violence-delivery-group", "safer-leicester-partnership"]
    assert path["steps"][0]["line_up"]["type"] == "REPORTS_TO" and verbatim(path["steps"][0]["line_up"]["evidence"])
    assert path["steps"][-1]["line_up"] is None


def test_chain_of_a_group_accountable_to_three_partnerships(client: TestClient) -> None:
    answer = client.get("/bodies/criminal-justice-strategic-commissioning-group/chain").json()
    firsts = {c["steps"][1]["id"] for c in answer["chains"]}
    assert {"safer-leicester-partnership", "safer-rutland-partnership"} <= firsts
    assert any("substance-misuse" in f for f in firsts)
    for path in answer["chains"]:
        ups = [s["line_up"] for s in path["steps"][:-1]]
        assert all(u is not None and verbatim(u["evidence"]) for u in ups)
        assert path["length"] == len(ups) and path["top"]["id"] == path["steps"][-1]["id"]


def test_chain_follows_a_merger_to_the_successor_only_from_its_date(client: TestClient) -> None:
    now = client.get("/bodies/community-safety-programme-board/chain").json()
    assert "strategic-partnership-board" in now["tops"]
    merged = [c for c in now["chains"] if c["steps"][1]["id"] == "strategic-partnership-board"]
    assert merged[0]["steps"][0]["line_up"]["type"] == "MERGED_INTO"
    before = client.get("/bodies/community-safety-programme-board/chain", params={"as_of": "2011-06"}).json()
    assert all(c["steps"][1]["id"] != "strategic-partnership-board" for c in before["chains"])


def test_a_top_level_body_is_its_own_top(client: TestClient) -> None:
    answer = client.get("/bodies/safer-leicester-partnership/chain").json()
    if answer["chains"]:  # it may answer to someone in the documents; then its tops are not itself
        assert "safer-leicester-partnership" not in answer["tops"]
    else:
        assert answer["tops"] == ["safer-leicester-partnership"] and "top" in answer["note"]


def test_themes_say_which_have_money_behind_them(client: TestClient) -> None:
    themes = client.get("/themes").json()
    assert {t["id"] for t in themes} >= {"theme-domestic-abuse", "theme-re-offending"}
    assert all(t["funded"] == (t["allocations"] > 0) for t in themes)
    assert any(t["priorities"] > 0 and not t["funded"] for t in themes)


def test_priorities_by_theme_and_date(client: TestClient) -> None:
    abuse = client.get("/priorities", params={"theme": "domestic-abuse", "limit": 500}).json()
    assert abuse["total"] > 0 and all("theme-domestic-abuse" in p["themes"] for p in abuse["items"])
    assert all(verbatim(p["evidence"]) for p in abuse["items"])
    later = client.get("/priorities", params={"theme": "domestic-abuse", "as_of": "2020", "limit": 500}).json()
    assert later["total"] < abuse["total"]  # the 2012-13 priorities do not hold in 2020


def test_area_shows_what_covers_it(client: TestClient) -> None:
    area = client.get("/areas/area-charnwood").json()
    assert {"area-leicestershire", "area-leicester-leicestershire-and-rutland"} <= {a["id"] for a in area["within"]}
    covers = {(c["id"], c["covers"]) for c in area["covered_by"]}
    assert ("charnwood-community-safety-partnership", "this area") in covers
    assert any(how == "a wider area" for _, how in covers)
    county = client.get("/areas/leicestershire").json()
    assert "area-charnwood" in {a["id"] for a in county["inside"]}


def test_evidence_for_nodes_and_relationships(client: TestClient) -> None:
    node = client.get("/evidence/body/charnwood-community-safety-partnership").json()
    assert node["label"] == "Body" and verbatim(node["evidence"])
    key = "REPORTS_TO:domestic-violence-delivery-group->safer-leicester-partnership"
    rel = client.get(f"/evidence/relationship/{key}").json()
    assert rel["type"] == "REPORTS_TO" and "reports to the Safer Leicester Partnership" in rel["evidence"][0]["quote"]
    assert client.get("/evidence/priority/charnwood-community-safety-partnership").status_code == 404
    assert client.get("/evidence/relationship/REPORTS_TO:nobody->nowhere").status_code == 404
    assert client.get("/evidence/relationship/not-a-key").status_code == 422
    assert client.get("/evidence/spaceship/x").status_code == 422


def test_landscape_as_of_a_date_leaves_out_lines_not_yet_in_force(client: TestClient) -> None:
    every = client.get("/landscape").json()
    before = client.get("/landscape", params={"as_of": "2012-06"}).json()
    after = client.get("/landscape", params={"as_of": "2012-10-01"}).json()
    merger = ("community-safety-programme-board", "MERGED_INTO", "strategic-partnership-board")
    assert merger in {(x["start"], x["type"], x["end"]) for x in after["lines"]}
    assert merger not in {(x["start"], x["type"], x["end"]) for x in before["lines"]}
    assert before["count"] < every["count"]
    assert all(verbatim(line["evidence"]) for line in after["lines"])


def test_documents_and_queries(client: TestClient) -> None:
    docs = client.get("/documents").json()
    assert len(docs) == 5 and all(d["title"] and d["date"] for d in docs)
    library = client.get("/queries").json()
    assert {"accountability_chain", "reports_to_body", "funding"} <= {q["name"] for q in library}
    assert all("Parameters:" in q["header"] for q in library)


def test_health(client: TestClient) -> None:
    health = client.get("/health").json()
    assert health["engine"] == "neo4j" and health["reachable"] and health["counts"]["Body"] > 100


def test_answers_are_cached_until_the_next_load(client: TestClient) -> None:
    from graph.projection import invalidate

    cache = client.app.state.cache  # type: ignore[attr-defined]
    client.get("/themes")
    hits = cache.hits
    first = client.get("/themes").content
    assert cache.hits == hits + 1
    invalidate()  # what every load does
    misses = cache.misses
    assert client.get("/themes").content == first
    assert cache.misses == misses + 1
