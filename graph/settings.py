"""Configuration from the environment: which Neo4j, where its data lives, the local server's limits and memory."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _port(value: str | None) -> int | None:
    return None if value is None or not value.strip() else int(value)


def _names(value: str | None) -> tuple[str, ...]:
    """A comma-separated list of host names from the environment."""
    return tuple(name.strip().lower() for name in (value or "").split(",") if name.strip())


@dataclass(frozen=True)
class Settings:
    # Another Neo4j 5 (docker compose, Aura, a cluster); None: the project's local server.
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: str | None = field(default=None, repr=False)
    neo4j_database: str | None = None
    # The local server: its data, logs, configuration, password and run state live in data_dir/neo4j;
    # its jars (resolved by `make` from graph/server/pom.xml) in neo4j_lib_dir.
    data_dir: Path = REPO / ".landscape"
    neo4j_lib_dir: Path = REPO / ".landscape" / "neo4j" / "lib"
    # Ports wanted for the local server: None takes 7687/7474 (or the last ones used), or the next free ones;
    # a port given here is used or the start fails.
    neo4j_bolt_port: int | None = None
    neo4j_http_port: int | None = None
    # The heap grows only as far as needed (it starts at 256 MB; the seeds need little): the cap is for large loads.
    neo4j_heap: str = "3g"
    neo4j_pagecache: str = "128m"
    # The server's backstops (issue 13): for transactions that set no timeout of their own (Neo4j Browser), and the
    # memory of one transaction and of all together. A load is one transaction: 100k synthetic nodes and 150k
    # relationships peak at ~1.3 GB of transaction state (measured; 768 MB fails, and a 2 GB heap thrashes).
    neo4j_tx_timeout: str = "120s"
    neo4j_tx_memory: str = "2g"
    # All transactions together stay at or under 70% of the heap (2150m of 3g), so the server itself keeps room.
    neo4j_total_tx_memory: str = "2150m"
    neo4j_start_timeout_s: float = 180.0
    # Where the API serves: Neo4j Browser fetches the project's guide and style from it.
    api_url: str = "http://127.0.0.1:8000"
    seeds_dir: Path = REPO / "seeds"
    # User queries (POST /cypher): the per-transaction timeout they run with, and the row cap.
    query_timeout_ms: int = 10_000
    max_rows: int = 1_000
    # ... and their other limits (issue 13): the JSON of an answer's rows, how many run at once (more are answered
    # 429 with Retry-After, never queued), and the size of a request body.
    max_answer_bytes: int = 4 * 1024 * 1024
    max_concurrent_queries: int = 2
    max_body_bytes: int = 1024 * 1024
    # The Host names the API answers (DNS rebinding: a page of another site must not reach it through its name).
    trusted_hosts: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
    # The response cache's bound, in bytes of JSON kept.
    cache_max_bytes: int = 64 * 1024 * 1024
    # The largest source document a load reads.
    max_document_bytes: int = 5 * 1000 * 1000
    # How often (at most) the API asks the graph whether another process has loaded it since.
    load_check_s: float = 1.0

    @property
    def local(self) -> bool:
        """Whether the engine is the project's own local server (no NEO4J_URI)."""
        return self.neo4j_uri is None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ) if env is None else env
        defaults = cls()
        data_dir = Path(env.get("LANDSCAPE_DATA_DIR") or defaults.data_dir)
        return cls(
            neo4j_uri=env.get("NEO4J_URI") or None,
            neo4j_user=env.get("NEO4J_USER", "neo4j"),
            neo4j_password=env.get("NEO4J_PASSWORD") or None,
            neo4j_database=env.get("NEO4J_DATABASE") or None,
            data_dir=data_dir,
            neo4j_lib_dir=Path(env.get("LANDSCAPE_NEO4J_LIB") or defaults.neo4j_lib_dir),
            neo4j_bolt_port=_port(env.get("LANDSCAPE_NEO4J_BOLT_PORT")),
            neo4j_http_port=_port(env.get("LANDSCAPE_NEO4J_HTTP_PORT")),
            neo4j_heap=env.get("LANDSCAPE_NEO4J_HEAP", defaults.neo4j_heap),
            neo4j_pagecache=env.get("LANDSCAPE_NEO4J_PAGECACHE", defaults.neo4j_pagecache),
            neo4j_tx_timeout=env.get("LANDSCAPE_NEO4J_TX_TIMEOUT", defaults.neo4j_tx_timeout),
            neo4j_tx_memory=env.get("LANDSCAPE_NEO4J_TX_MEMORY", defaults.neo4j_tx_memory),
            neo4j_total_tx_memory=env.get("LANDSCAPE_NEO4J_TOTAL_TX_MEMORY", defaults.neo4j_total_tx_memory),
            neo4j_start_timeout_s=float(env.get("LANDSCAPE_NEO4J_START_TIMEOUT_S", defaults.neo4j_start_timeout_s)),
            api_url=env.get("LANDSCAPE_API_URL", defaults.api_url).rstrip("/"),
            seeds_dir=Path(env.get("LANDSCAPE_SEEDS_DIR") or defaults.seeds_dir),
            query_timeout_ms=int(env.get("LANDSCAPE_QUERY_TIMEOUT_MS", "10000")),
            max_rows=int(env.get("LANDSCAPE_MAX_ROWS", "1000")),
            load_check_s=float(env.get("LANDSCAPE_LOAD_CHECK_S", defaults.load_check_s)),
            max_answer_bytes=int(env.get("LANDSCAPE_MAX_ANSWER_BYTES", defaults.max_answer_bytes)),
            max_concurrent_queries=int(env.get("LANDSCAPE_MAX_CONCURRENT_QUERIES", defaults.max_concurrent_queries)),
            max_body_bytes=int(env.get("LANDSCAPE_MAX_BODY_BYTES", defaults.max_body_bytes)),
            trusted_hosts=defaults.trusted_hosts + _names(env.get("LANDSCAPE_TRUSTED_HOSTS")),
            cache_max_bytes=int(env.get("LANDSCAPE_CACHE_MAX_BYTES", defaults.cache_max_bytes)),
            max_document_bytes=int(env.get("LANDSCAPE_MAX_DOCUMENT_BYTES", defaults.max_document_bytes)),
        )
