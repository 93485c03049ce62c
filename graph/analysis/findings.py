"""What an analysis rule reports: a Finding with its rule, severity, plain-English explanation, nodes and quotes."""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any, Literal

from pydantic import BaseModel, Field

from graph.analysis.landscape import Landscape

Severity = Literal["high", "medium", "low", "info"]
Category = Literal["duplication", "gaps", "structure", "changes"]
SEVERITY_ORDER: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3}
MAX_QUOTES = 8
Detail = str | int | float | list[str] | None


class NodeRef(BaseModel):
    id: str
    name: str
    label: str


class Quote(BaseModel):
    """A verbatim quote from a source document, with where it is and how it was found."""

    doc: str
    quote: str
    start: int | None = None
    end: int | None = None
    method: str | None = None


class Finding(BaseModel):
    id: str
    rule: str
    category: Category
    severity: Severity
    explanation: str
    nodes: list[NodeRef]
    evidence: list[Quote]
    score: float | None = None
    areas: list[str] = Field(default_factory=list, description="ids of the areas the finding is about")
    themes: list[str] = Field(default_factory=list, description="ids of the themes the finding is about")
    details: dict[str, Detail] = Field(default_factory=dict)
    before: list[Quote] = Field(default_factory=list, description="changes: what the earlier documents say")
    after: list[Quote] = Field(default_factory=list, description="changes: what the later documents say")


def quotes(evidence: Iterable[dict[str, Any]], limit: int = MAX_QUOTES) -> list[Quote]:
    """Distinct quotes, in order, at most `limit`."""
    seen: set[tuple[str, str]] = set()
    result: list[Quote] = []
    for item in evidence:
        key = (str(item.get("doc")), str(item.get("quote")))
        if key in seen or not item.get("quote"):
            continue
        seen.add(key)
        # model_construct: the projection's evidence is already validated; this is the hot path at 100k nodes.
        result.append(Quote.model_construct(doc=key[0], quote=key[1], start=item.get("start"), end=item.get("end"),
                                            method=item.get("method")))
        if len(result) >= limit:
            break
    return result


def make_finding(view: Landscape, rule: str, category: Category, severity: Severity, explanation: str,
                 nodes: Iterable[str], evidence: Iterable[dict[str, Any]], *, score: float | None = None,
                 areas: Iterable[str] = (), themes: Iterable[str] = (),
                 details: dict[str, Detail] | None = None) -> Finding:
    node_ids = list(dict.fromkeys(nodes))
    digest = hashlib.sha1("|".join([rule, *node_ids]).encode()).hexdigest()[:12]
    return Finding.model_construct(
        id=f"{rule}-{digest}",
        rule=rule,
        category=category,
        severity=severity,
        explanation=explanation,
        nodes=[NodeRef.model_construct(id=n, name=view.name(n), label=view.label(n)) for n in node_ids],
        evidence=quotes(evidence),
        score=None if score is None else round(score, 4),
        areas=sorted(set(areas)),
        themes=sorted(set(themes)),
        details=details or {},
    )


def listing(names: Iterable[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    items = list(names)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def theme_name(view: Landscape, theme: str) -> str:
    return view.name(theme).lower() if view.name(theme) != theme else theme.removeprefix("theme-").replace("-", " ")


# Names ending in these words read as common nouns and take "the" ("the Safer Melton Partnership");
# others are proper names that do not ("Leicestershire Together", "Victim Support").
_COMMON_HEADS = frozenset({
    "board", "group", "partnership", "forum", "team", "unit", "network", "executive", "conference", "alliance",
    "commission", "committee", "council", "councils", "service", "services", "trust", "agency", "authority",
    "department", "court", "courts", "panel", "bureau", "association", "office", "programme", "project", "police",
    "prison", "commissioner", "government", "organisation", "jury", "force", "cluster", "centre", "fund", "stream",
    "providers", "sector", "cabinet", "inspectorate", "constabulary", "directorate", "body", "bodies",
})


def the(view: Landscape, node: str) -> str:
    """The node's name as it reads in a sentence: 'the Strategic Partnership Board', 'Leicestershire Together'."""
    name = view.name(node)
    words = name.lower().replace("'", "").split()
    if name.lower().startswith("the ") or not words or words[-1] not in _COMMON_HEADS:
        return name
    return f"the {name}"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]
