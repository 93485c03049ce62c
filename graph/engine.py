"""Engine lifecycle: the embedded ArcadeDB Bolt server or a Neo4j 5 server, both behind the neo4j driver."""
from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, unit_of_work
from neo4j.exceptions import ServiceUnavailable, SessionExpired

from graph.queries import cypher
from graph.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")
EMBEDDED_DATABASE = "landscape"
# How long a managed transaction is retried when the server is unreachable (the driver's default, 30 s, would hold
# an API request that long before it can answer 503).
RETRY_S = 3.0


class EngineUnavailable(RuntimeError):
    """The graph engine cannot be reached."""


class Engine:
    """One driver, one database; every query by name from cypher/, managed transactions only."""

    def __init__(self, driver: Driver, database: str | None, kind: str, timeout_s: float) -> None:
        self.driver = driver
        self.database = database
        self.kind = kind
        self.timeout_s = timeout_s

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
            raise EngineUnavailable(str(error)) from error

    def execute_write(self, work: Callable[[ManagedTransaction], T]) -> T:
        try:
            with self.driver.session(database=self.database) as session:
                return session.execute_write(work)
        except (ServiceUnavailable, SessionExpired) as error:
            raise EngineUnavailable(str(error)) from error

    def server_agent(self) -> str:
        return str(self.driver.get_server_info().agent)

    def ping(self) -> bool:
        try:
            self.driver.verify_connectivity()
            return True
        except Exception:  # any failure means "not reachable" for a health check
            return False


def jvm_started() -> bool:
    """Whether this process has started the embedded engine's JVM."""
    import sys

    jpype = sys.modules.get("jpype")
    return bool(jpype is not None and jpype.isJVMStarted())


def exit_process(code: int) -> None:
    """End a process that ran the embedded engine without the interpreter's shutdown: the JVM's exit hooks can
    crash it there (seen here once in a few runs, after all work was done), which would turn success into a
    failing exit code. Output is flushed first; engines have been closed by their context managers."""
    import sys

    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Embedded:
    """The in-process ArcadeDB server; the JVM allows one per process, so it is shared and started once."""

    lock = threading.Lock()
    server: Any = None
    port: int = 0
    password: str = ""
    data_dir: Path | None = None
    users: int = 0


def boot_jvm(settings: Settings) -> None:
    """Start the JVM the embedded engine runs in, once per process, with our timeout and logging.

    Call it from the main thread when the engine will be opened from another one (an ASGI lifespan under a test
    client runs in a worker thread): a JVM started off the main thread crashes the process when Python exits.
    """
    data_dir = settings.data_dir
    data_dir.mkdir(parents=True, exist_ok=True)
    logging_file = data_dir / "jvm-logging.properties"
    if not logging_file.exists():
        logging_file.write_text(
            "handlers=java.util.logging.ConsoleHandler\n.level=SEVERE\njava.util.logging.ConsoleHandler.level=SEVERE\n"
        )
    # Must be set before the JVM starts: the engine ignores per-query timeouts, this one is server-wide.
    jvm_args = os.environ.get("ARCADEDB_JVM_ARGS", "")
    if "arcadedb.command.timeout" not in jvm_args:
        jvm_args += f" -Darcadedb.command.timeout={settings.query_timeout_ms}"
    if "java.util.logging.config.file" not in jvm_args:
        jvm_args += f" -Djava.util.logging.config.file={logging_file}"
    os.environ["ARCADEDB_JVM_ARGS"] = jvm_args.strip()
    os.environ.setdefault("ARCADEDB_JVM_ERROR_FILE", str(data_dir / "hs_err_%p.log"))
    from arcadedb_embedded.jvm import start_jvm

    start_jvm()


def _start_embedded(settings: Settings) -> tuple[int, str]:
    with _Embedded.lock:
        if _Embedded.server is not None:
            if _Embedded.data_dir != settings.data_dir:
                raise EngineUnavailable(
                    f"the embedded engine already runs on {_Embedded.data_dir}; one per process"
                )
            _Embedded.users += 1
            return _Embedded.port, _Embedded.password
        data_dir = settings.data_dir
        boot_jvm(settings)
        import arcadedb_embedded

        # A fresh password every start, never written out: the engine keeps only a hash of it, so the
        # previous start's hash is dropped first (otherwise the engine would keep the old password).
        users_file = data_dir / "server" / "config" / "server-users.jsonl"
        if users_file.exists():
            users_file.unlink()
        password = secrets.token_urlsafe(24)
        port, http_port = _free_port(), _free_port()
        started = time.monotonic()
        server = arcadedb_embedded.create_server(
            root_path=str(data_dir / "server"),
            root_password=password,
            config={
                "host": "127.0.0.1",
                "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
                "bolt_port": port,
                "http_port": http_port,
            },
        )
        server.start()
        try:
            server.get_database(EMBEDDED_DATABASE)
        except Exception:  # the wrapper raises a generic error for "not found"
            server.create_database(EMBEDDED_DATABASE)
        log.info("embedded engine started on 127.0.0.1:%s in %.1fs", port, time.monotonic() - started)
        _Embedded.server, _Embedded.port, _Embedded.password = server, port, password
        _Embedded.data_dir, _Embedded.users = data_dir, 1
        return port, password


def _release_embedded() -> None:
    with _Embedded.lock:
        _Embedded.users -= 1
        if _Embedded.users <= 0 and _Embedded.server is not None:
            _Embedded.server.stop()
            _Embedded.server = None


@contextmanager
def open_engine(settings: Settings | None = None) -> Iterator[Engine]:
    """Open the configured engine: Neo4j when NEO4J_URI is set, otherwise the embedded one."""
    settings = Settings.from_env() if settings is None else settings
    timeout_s = settings.query_timeout_ms / 1000
    if settings.neo4j_uri is not None:
        driver = GraphDatabase.driver(settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password or ""),
                                      max_transaction_retry_time=RETRY_S)
        try:
            driver.verify_connectivity()
        except Exception as error:
            driver.close()
            raise EngineUnavailable(f"cannot reach Neo4j at {settings.neo4j_uri}: {error}") from error
        try:
            yield Engine(driver, settings.neo4j_database, "neo4j", timeout_s)
        finally:
            driver.close()
        return
    port, password = _start_embedded(settings)
    driver = GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=("root", password), max_transaction_retry_time=RETRY_S)
    try:
        yield Engine(driver, EMBEDDED_DATABASE, "embedded", timeout_s)
    finally:
        driver.close()
        _release_embedded()
