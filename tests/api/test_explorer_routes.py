"""The explorer's pages in-process (no browser): search with facets, a body's facts with quotes linking to the
document view, the document's highlighted span, the graph view's data (one layout for every date, `holds` per date),
findings, the workbench's library, exports and Swagger UI from local assets."""
from __future__ import annotations

import re
from html import unescape

from fastapi.testclient import TestClient

from graph.settings import REPO

CSPB, SPB = "community-safety-programme-board", "strategic-partnership-board"


def test_search_page_finds_cspb_by_acronym_with_kind_and_area_facets(client: TestClient) -> None:
    page = client.get("/", params={"q": "CSPB"})
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    first = re.search(r'<a class="body-link" href="/explore/bodies/([^"]+)">', page.text)
    assert first is not None and first.group(1) == CSPB
    assert 'data-facet="kind" data-value="board"' in page.text
    assert 'data-facet="area"' in page.text
    boards = client.get("/", params={"kind": "group"}).text
    kinds = set(re.findall(r'<span class="kind">([^<]*)</span>', boards))
    assert kinds == {"group"}


def test_body_page_shows_every_section_with_quotes_linking_to_their_span(client: TestClient) -> None:
    page = client.get(f"/explore/bodies/{CSPB}").text
    for section in ("areas", "chair", "lines-down", "mergers"):
        assert f'<section class="{section}">' in page, section
    links = re.findall(r'<a class="quote" href="/explore/documents/([^?"]+)\?start=(\d+)&amp;end=(\d+)" title="([^"]*)"', page)
    assert len(links) >= 5
    for doc, start, end, quote in links:
        text = (REPO / "seeds" / f"{doc}.txt").read_text(encoding="utf-8")
        assert text[int(start):int(end)] == unescape(quote)


def test_body_page_of_an_allocating_body_lists_money_out(client: TestClient) -> None:
    page = client.get("/explore/bodies/leicestershire-safer-communities-strategy-board").text
    assert '<section class="money-out">' in page and "Integrated Offender Management" in page


def test_an_unknown_body_is_an_html_404_with_close_matches(client: TestClient) -> None:
    page = client.get("/explore/bodies/strategic-partnership-bord")
    assert page.status_code == 404 and f'href="/explore/bodies/{SPB}"' in page.text


def test_document_view_highlights_the_span_and_marks_the_paragraphs_other_facts(client: TestClient) -> None:
    body = client.get(f"/explore/bodies/{CSPB}").text
    doc, start, end = re.findall(r'/explore/documents/([^?"]+)\?start=(\d+)&amp;end=(\d+)', body)[0]
    text = (REPO / "seeds" / f"{doc}.txt").read_text(encoding="utf-8")
    page = client.get(f"/explore/documents/{doc}", params={"start": start, "end": end}).text
    selected = "".join(re.findall(r'<mark class="selected[^"]*"[^>]*>(.*?)</mark>', page, re.S))
    assert unescape(selected) == text[int(start):int(end)]
    plain = unescape(re.sub(r"<[^>]+>", "", page.split('<pre class="document-text">')[1].split("</pre>")[0]))
    assert plain == text  # the whole text, unchanged by the marks


def test_graph_data_has_one_layout_for_every_date_and_holds_per_date(client: TestClient) -> None:
    data = client.get("/explore/api/graph", params={"focus": CSPB, "scope": "neighbourhood"}).json()
    assert data["dates"] == sorted(data["dates"]) and "2012-09" in data["dates"]
    assert all({"x", "y", "width", "height"} <= set(n) for n in data["nodes"])
    merger = next(ln for ln in data["lines"] if ln["type"] == "MERGED_INTO" and ln["target"] == SPB)
    assert merger["holds"][data["dates"].index("2012-09")] and not merger["holds"][data["dates"].index("2012-08")]
    again = client.get("/explore/api/graph", params={"ids": ",".join(n["id"] for n in data["nodes"])}).json()
    assert {n["id"]: (n["x"], n["y"]) for n in again["nodes"]} == {n["id"]: (n["x"], n["y"]) for n in data["nodes"]}
    grown = client.get("/explore/api/graph", params={"ids": CSPB, "expand": SPB}).json()
    assert {CSPB, SPB} <= {n["id"] for n in grown["nodes"]}


def test_graph_of_a_chain_and_of_an_area(client: TestClient) -> None:
    chain = client.get("/explore/api/graph", params={"focus": "domestic-violence-delivery-group", "scope": "chain"}).json()
    assert len(chain["nodes"]) >= 2 and any(ln["type"] in ("REPORTS_TO", "SUBGROUP_OF") for ln in chain["lines"])
    area = client.get("/explore/api/graph", params={"focus": "area-rutland", "scope": "area"}).json()
    assert "safer-rutland-partnership" in {n["id"] for n in area["nodes"]}
    assert client.get("/explore/api/graph", params={"focus": "x", "scope": "galaxy"}).status_code == 422


def test_findings_page_lists_duplication_and_gaps_with_links(client: TestClient) -> None:
    page = client.get("/explore/findings").text
    assert '<section class="category-duplication">' in page and '<section class="category-gaps">' in page
    assert 'class="body-link"' in page and 'class="quote"' in page


def test_workbench_offers_every_top_level_library_query(client: TestClient) -> None:
    page = client.get("/explore/cypher").text
    names = set(re.findall(r'data-name="([^"]+)"', page))
    expected = {p.stem for p in (REPO / "cypher").glob("*.cypher")}
    assert names == expected


def test_exports_download(client: TestClient) -> None:
    for name, start in (("nodes.csv", "id,label"), ("relationships.csv", "key,type"), ("graph.graphml", "<?xml"),
                        ("graph.jsonld", "{"), ("graph.json", "{")):
        answer = client.get(f"/explore/export/{name}")
        assert answer.status_code == 200 and answer.text.startswith(start), name
        assert "attachment" in answer.headers["content-disposition"]


def test_docs_use_local_swagger_assets(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/explore/static/swagger/swagger-ui-bundle.js" in page
    assert "cdn" not in page.lower()


def test_the_atlas_overview_links_to_area_pages_that_link_on(client: TestClient) -> None:
    overview = client.get("/explore/atlas/overview.svg")
    assert overview.status_code == 200 and overview.headers["content-type"].startswith("image/svg+xml")
    links = re.findall(r'href="(/explore/atlas/[^"]+\.svg)"', overview.text)
    assert "/explore/atlas/area-leicestershire.svg" in links
    county = client.get("/explore/atlas/area-leicestershire.svg").text
    assert "/explore/atlas/area-blaby.svg" in county or "/explore/atlas/area-charnwood.svg" in county
    assert client.get("/explore/atlas/area-nowhere.svg").status_code == 404


def test_body_page_says_how_a_chair_is_held(client: TestClient) -> None:
    page = client.get("/explore/bodies/anti-social-behaviour-strategy-group").text
    chair = page[page.index('<section class="chair">'):]
    chair = chair[:chair.index("</section>")]
    assert chair.count('<span class="basis">rotating chair</span>') == 3
