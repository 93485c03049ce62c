"""One meaning of time over HTTP: what `as_of` keeps, what no `as_of` means, and the window every line carries."""
from __future__ import annotations

from datetime import date

from fastapi.testclient import TestClient


def lines(answer: dict) -> set[tuple[str, str, str]]:
    return {(x["start"], x["type"], x["end"]) for x in answer["lines"]}


def test_the_landscape_of_2007_rests_only_on_the_2006_and_2007_papers(client: TestClient) -> None:
    landscape = client.get("/landscape", params={"as_of": "2007"}).json()
    assert landscape["day"] == "2007-12-31"
    # stated only in the January 2006 Local Area Agreement report
    assert ("core-performance-group", "ACCOUNTABLE_TO", "community-safety-programme-board") in lines(landscape)
    # stated only in the August 2012 landscape document
    assert ("domestic-violence-delivery-group", "REPORTS_TO", "safer-leicester-partnership") not in lines(landscape)
    assert landscape["count"] > 0
    for line in landscape["lines"]:
        assert line["holds_from"] <= "2007-12-31"
        assert any(ev["date"] is not None and ev["date"] <= "2007-12-31" for ev in line["evidence"]), line


def test_a_partial_as_of_is_its_last_day(client: TestClient) -> None:
    dvdg = ("domestic-violence-delivery-group", "REPORTS_TO", "safer-leicester-partnership")
    assert dvdg in lines(client.get("/landscape", params={"as_of": "2012-08"}).json())
    assert dvdg not in lines(client.get("/landscape", params={"as_of": "2012-07"}).json())


def test_no_as_of_is_today(client: TestClient) -> None:
    today = client.get("/landscape").json()
    assert today["day"] == date.today().isoformat()
    assert lines(today) == lines(client.get("/landscape", params={"as_of": today["day"]}).json())
    # the Community Safety Programme Board merged into the SPB in September 2012: its own lines have ended
    assert not any(start == "community-safety-programme-board" and kind not in {"MERGED_INTO", "SUCCEEDED_BY"}
                   for start, kind, _ in lines(today))


def test_planned_lines_are_shown_as_such_and_never_followed(client: TestClient) -> None:
    landscape = client.get("/landscape", params={"as_of": "2012-10-01"}).json()
    planned = [x for x in landscape["lines"] if x["status"] in {"planned", "proposed"}]
    assert planned and all(x["intention"] for x in planned)
    chain = client.get("/bodies/anti-social-behaviour-strategy-group/chain", params={"as_of": "2012-10-01"}).json()
    followed = [s["line_up"] for c in chain["chains"] for s in c["steps"] if s["line_up"]]
    assert all(not line["intention"] for line in followed)
