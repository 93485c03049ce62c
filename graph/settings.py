"""Configuration from the environment: which engine, where its data lives, how long a query may run."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str | None = None
    data_dir: Path = REPO / ".landscape"
    seeds_dir: Path = REPO / "seeds"
    query_timeout_ms: int = 10_000
    max_rows: int = 1_000
    cache_ttl_s: float = 60.0

    @property
    def engine_kind(self) -> str:
        return "embedded" if self.neo4j_uri is None else "neo4j"

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ) if env is None else env
        return cls(
            neo4j_uri=env.get("NEO4J_URI") or None,
            neo4j_user=env.get("NEO4J_USER", "neo4j"),
            neo4j_password=env.get("NEO4J_PASSWORD") or None,
            neo4j_database=env.get("NEO4J_DATABASE") or None,
            data_dir=Path(env.get("LANDSCAPE_DATA_DIR", REPO / ".landscape")),
            seeds_dir=Path(env.get("LANDSCAPE_SEEDS_DIR", REPO / "seeds")),
            query_timeout_ms=int(env.get("LANDSCAPE_QUERY_TIMEOUT_MS", "10000")),
            max_rows=int(env.get("LANDSCAPE_MAX_ROWS", "1000")),
            cache_ttl_s=float(env.get("LANDSCAPE_CACHE_TTL_S", "60")),
        )
