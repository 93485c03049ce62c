"""The connection to Neo4j: the project's local server (graph.server) or the one NEO4J_URI names, one driver."""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.exceptions import AuthError, ServiceUnavailable, SessionExpired

from graph.errors import EngineUnavailable, NotRunning, WrongPassword
from graph.queries import cypher
from graph.settings import Settings

__all__ = ["Engine", "EngineUnavailable", "open_engine", "connect"]

log = logging.getLogger(__name__)
T = TypeVar("T")
# How long a managed transaction is retried when the server is unreachable (the driver's default, 30 s, would hold
# an API request that long before it can answer 503).
RETRY_S = 3.0


class Engine:
    """One driver, one database; every query by name from cypher/, managed transactions only."""

    kind = "neo4j"

    def __init__(self, driver: Driver, database: str | None, timeout_s: float, where: str = "") -> None:
        self.driver = driver
        self.database = database
        self.timeout_s = timeout_s
        self.where = where

    def read(self, name: str, **params: Any) -> list[dict[str, Any]]:
        return self.read_text(cypher(name), **params)

    def read_text(self, text: str, **params: Any) -> list[dict[str, Any]]:
        @unit_of_work(timeout=self.timeout_s)
        def work(tx: ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(text, params)]

        return self.execute_read(work)

    def execute_read(self, work: Callable[[ManagedTransaction], T]) -> T:
        try:
            with self.driver.session(database=self.database) as session:
                return session.execute_read(work)
        except (ServiceUnavailable, SessionExpired) as error:
            raise EngineUnavailable(f"Neo4j at {self.where} stopped answering: {error}") from error

    def execute_write(self, work: Callable[[ManagedTransaction], T]) -> T:
        try:
            with self.driver.session(database=self.database) as session:
                return session.execute_write(work)
        except (ServiceUnavailable, SessionExpired) as error:
            raise EngineUnavailable(f"Neo4j at {self.where} stopped answering: {error}") from error

    def server_agent(self) -> str:
        return str(self.driver.get_server_info().agent)

    def ping(self) -> bool:
        try:
            self.driver.verify_connectivity()
            return True
        except Exception:  # any failure means "not reachable" for a health check
            return False


def _target(settings: Settings) -> tuple[str, tuple[str, str], str | None, str]:
    """(uri, auth, database, how to fix a refused password) for the configured server."""
    if settings.neo4j_uri is not None:
        return (settings.neo4j_uri, (settings.neo4j_user, settings.neo4j_password or ""), settings.neo4j_database,
                "check NEO4J_USER and NEO4J_PASSWORD")
    from graph.server.lifecycle import DATABASE, USER, Home, connection

    uri, secret = connection(settings)
    return (uri, (USER, secret), DATABASE,
            f"the password in {Home.of(settings).password_file} is not the server's (was it changed in Neo4j Browser?); "
            "put the current one in that file")


def connect(settings: Settings) -> Engine:
    """An open Engine on the configured server (close its driver when done); the errors say what to do in one
    sentence: not running, wrong password, unreachable."""
    uri, auth, database, fix = _target(settings)
    # Only warnings from the server: `IF NOT EXISTS` schema statements would log an "already exists" note each load.
    driver = GraphDatabase.driver(uri, auth=auth, max_transaction_retry_time=RETRY_S, connection_timeout=5,
                                  notifications_min_severity="WARNING")
    try:
        driver.verify_connectivity()
    except AuthError as error:
        driver.close()
        raise WrongPassword(f"Neo4j at {uri} refused the password for user {auth[0]!r}: {fix}.") from error
    except Exception as error:
        driver.close()
        if settings.neo4j_uri is None:
            from graph.server.lifecycle import START_HINT

            raise NotRunning(f"Neo4j does not answer at {uri} (still starting, or another program holds the port): "
                             f"{START_HINT}, or see `landscape db status`.") from error
        raise EngineUnavailable(f"cannot reach Neo4j at {uri}: {error}") from error
    return Engine(driver, database, settings.query_timeout_ms / 1000, where=uri)


@contextmanager
def open_engine(settings: Settings | None = None) -> Iterator[Engine]:
    """The configured server for the duration of a block: NEO4J_URI when set, else the project's local server."""
    engine = connect(Settings.from_env() if settings is None else settings)
    try:
        yield engine
    finally:
        engine.driver.close()
