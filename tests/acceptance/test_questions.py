"""The analyst's questions of tests/acceptance/questions.yaml, answered through the documented HTTP routes.

Each question's quote must be in its document, verbatim; each answer is checked on the JSON a documented route gives
(never POST /cypher). A `pending` question runs as a strict xfail: the day the loaders answer it, it fails, and the
mark must go.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from fastapi.testclient import TestClient

HERE = Path(__file__).parent
SEEDS = HERE.parent.parent / "seeds"
SPEC = yaml.safe_load((HERE / "questions.yaml").read_text(encoding="utf-8"))
QUESTIONS: list[dict[str, Any]] = SPEC["questions"]
CHECKS = ("contains", "excludes", "equals", "at_least")


def document(key: str) -> str:
    doc_id = SPEC["documents"].get(key, key)
    return (SEEDS / f"{doc_id}.txt").read_text(encoding="utf-8")


def walk(value: Any, path: str) -> Any:
    """Follow `path`: keys, `*` (every item of a list, flattened), `[k=v]` (items whose k is v), a number (one item)."""
    many, current = False, value
    for part in path.split("."):
        key, _, condition = part.partition("[")
        if key == "*":
            current, many = _items(current, many), True
        elif key:
            current = [_get(c, key) for c in current] if many else _get(current, key)
        if condition:
            field, _, wanted = condition.rstrip("]").partition("=")
            current = [item for item in _items(current, many)
                       if isinstance(item, dict) and str(item.get(field)).lower() == wanted.lower()]
            many = True
    return current


def _items(current: Any, many: bool) -> list[Any]:
    if many:
        return [x for c in current for x in (c if isinstance(c, list) else [c])]
    return list(current) if isinstance(current, list) else [current]


def _get(value: Any, key: str) -> Any:
    if isinstance(value, list) and key.isdigit():
        return value[int(key)] if int(key) < len(value) else None
    if isinstance(value, dict):
        return value.get(key)
    return None


def check(answer: Any, expectation: dict[str, Any]) -> None:
    found = walk(answer, expectation["path"])
    values = found if isinstance(found, list) else [found]
    if "equals" in expectation:
        assert found == expectation["equals"], f"{expectation['path']}: {found!r}"
    for wanted in expectation.get("contains", []):
        assert wanted in values, f"{expectation['path']}: {wanted!r} not in {values!r}"
    for unwanted in expectation.get("excludes", []):
        assert unwanted not in values, f"{expectation['path']}: {unwanted!r} found"
    if "at_least" in expectation:
        assert len([v for v in values if v]) >= expectation["at_least"], f"{expectation['path']}: {values!r}"


def marks(question: dict[str, Any]) -> list[pytest.MarkDecorator]:
    if "pending" not in question:
        return []
    return [pytest.mark.xfail(strict=True, reason=f"pending: {question['pending']}")]


CASES = [pytest.param(q, id=q["id"], marks=marks(q)) for q in QUESTIONS]


def test_the_file_asks_enough_questions_with_few_pending() -> None:
    assert len(QUESTIONS) >= 30
    assert len({q["id"] for q in QUESTIONS}) == len(QUESTIONS)
    pending = [q for q in QUESTIONS if "pending" in q]
    assert len(pending) * 3 < len(QUESTIONS), "pending questions must stay a minority"
    tags = {t for q in QUESTIONS for t in q.get("tags", [])}
    assert {"time", "change"} <= tags
    for question in QUESTIONS:
        assert question["question"].endswith("?") and question["answer"] and question["expect"], question["id"]
        assert all(set(e) & set(CHECKS) and "path" in e for e in question["expect"]), question["id"]
        assert not question["get"].startswith("/cypher"), question["id"]


@pytest.mark.parametrize("question", QUESTIONS, ids=[q["id"] for q in QUESTIONS])
def test_the_quote_is_in_its_document_verbatim(question: dict[str, Any]) -> None:
    assert question["quote"] in document(question["doc"]), f"{question['id']}: quote not in {question['doc']}"


def test_the_walker_reads_paths_filters_and_indexes() -> None:
    answer = {"a": [{"k": "x", "v": [1, 2]}, {"k": "y", "v": [3]}], "n": 0}
    assert walk(answer, "a.*.k") == ["x", "y"]
    assert walk(answer, "a[k=y].v") == [[3]]
    assert walk(answer, "a.*.v.*") == [1, 2, 3]
    assert walk(answer, "a.0.k") == "x" and walk(answer, "n") == 0


def test_every_route_asked_is_documented(client: TestClient) -> None:
    paths = list(client.app.openapi()["paths"])  # type: ignore[attr-defined]
    for question in QUESTIONS:
        route = question["get"]
        assert any(_matches(template, route) for template in paths), f"{question['id']}: {route} is not documented"


def _matches(template: str, route: str) -> bool:
    want, have = template.strip("/").split("/"), route.strip("/").split("/")
    return len(want) == len(have) and all(w == h or w.startswith("{") for w, h in zip(want, have, strict=True))


@pytest.mark.parametrize("question", CASES)
def test_the_routes_answer_the_question(client: TestClient, question: dict[str, Any]) -> None:
    response = client.get(question["get"], params=question.get("params") or {})
    assert response.status_code == 200, response.text[:500]
    for expectation in question["expect"]:
        check(response.json(), expectation)
