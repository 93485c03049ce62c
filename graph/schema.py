"""The declared graph schema (labels, relationship types, allowed endpoints), read from schema.yaml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml


@dataclass(frozen=True)
class RelationshipRule:
    starts: frozenset[str]
    ends: frozenset[str]
    properties: frozenset[str]


@dataclass(frozen=True)
class Schema:
    labels: dict[str, frozenset[str]]
    relationships: dict[str, RelationshipRule]
    body_kinds: frozenset[str]
    statuses: frozenset[str]
    chain_types: tuple[str, ...]


@lru_cache(maxsize=1)
def load_schema() -> Schema:
    raw = yaml.safe_load(resources.files("graph").joinpath("schema.yaml").read_text(encoding="utf-8"))
    computed = frozenset(raw.get("computed") or [])
    labels = {name: frozenset(spec.get("properties") or []) | computed for name, spec in raw["labels"].items()}
    rels = {
        name: RelationshipRule(frozenset(spec["from"]), frozenset(spec["to"]),
                               frozenset(spec.get("properties") or []) | computed)
        for name, spec in raw["relationships"].items()
    }
    return Schema(
        labels=labels,
        relationships=rels,
        body_kinds=frozenset(raw["body_kinds"]),
        statuses=frozenset(raw["statuses"]),
        chain_types=tuple(raw["chain_types"]),
    )
