"""The project's local Neo4j server as its own process: configuration, password, start, stop, status, run state.

Everything lives in <data folder>/neo4j (git-ignored; LANDSCAPE_DATA_DIR moves it): `conf/neo4j.conf` (rendered from
graph/server/neo4j.conf at every start), `data/`, `logs/`, `password` (generated once, mode 0600) and `run.json`
(pid and ports of the running server), which every command reads to connect over Bolt.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from string import Template
from urllib.parse import urlsplit

from graph.errors import EngineUnavailable, FolderHeld, NotRunning, PortTaken, StartFailed, WrongPassword
from graph.server.install import SERVER_DIR, Installation, installation, pinned_version
from graph.settings import Settings

HOST = "127.0.0.1"
USER = "neo4j"
DATABASE = "neo4j"  # Community has one user database
DEFAULT_BOLT, DEFAULT_HTTP = 7687, 7474
PORT_SCAN = 100  # how far past the wanted port to look for a free one
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
START_HINT = "start it with `landscape db start` (or `make run`)"


@dataclass(frozen=True)
class Home:
    """The local server's folder and the files in it."""

    root: Path

    @classmethod
    def of(cls, settings: Settings) -> Home:
        return cls(settings.data_dir.resolve() / "neo4j")

    @property
    def conf_dir(self) -> Path:
        return self.root / "conf"

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def run_dir(self) -> Path:
        return self.root / "run"

    @property
    def plugins(self) -> Path:
        return self.root / "plugins"

    @property
    def import_dir(self) -> Path:
        return self.root / "import"

    @property
    def password_file(self) -> Path:
        return self.root / "password"

    @property
    def state_file(self) -> Path:
        return self.root / "run.json"

    @property
    def ports_file(self) -> Path:
        """The ports of the last start, kept after a stop: a restart takes them again when free."""
        return self.root / "ports.json"

    @property
    def log_file(self) -> Path:
        return self.root / "logs" / "neo4j.log"

    @property
    def console_file(self) -> Path:
        return self.root / "logs" / "console.log"

    @property
    def store_lock(self) -> Path:
        return self.root / "data" / "databases" / "store_lock"


@dataclass(frozen=True)
class RunState:
    """A running server as `run.json` records it."""

    pid: int
    bolt_port: int
    http_port: int
    version: str
    started_at: str

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{HOST}:{self.bolt_port}"

    @property
    def browser_url(self) -> str:
        """Neo4j Browser with the connect URL, user and database filled in (Browser's `dbms` and `db` parameters)."""
        return f"http://{HOST}:{self.http_port}/browser/?dbms=bolt://{USER}@{HOST}:{self.bolt_port}&db={DATABASE}"


# --- run state -------------------------------------------------------------------------------------------------------

def read_state(home: Home) -> RunState | None:
    try:
        raw = json.loads(home.state_file.read_text(encoding="utf-8"))
        return RunState(**{key: raw[key] for key in RunState.__dataclass_fields__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _is_our_server(pid: int, home: Home) -> bool:
    """Whether `pid` is a live Neo4j started on this home (a recycled pid or a zombie is not)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return ENTRY_POINT.encode() in command and f"--home-dir={home.root}".encode() in command


def running(home: Home) -> RunState | None:
    """The run state of this home's server if it is running, else None."""
    state = read_state(home)
    if state is None or not _is_our_server(state.pid, home):
        return None
    return state


def password(home: Home) -> str:
    try:
        return home.password_file.read_text(encoding="utf-8").strip()
    except FileNotFoundError as error:
        raise WrongPassword(f"the password file {home.password_file} is missing: restore it, or remove {home.data} to "
                            "start from an empty server with a new password.") from error


def connection(settings: Settings) -> tuple[str, str]:
    """The Bolt URI and password of the running local server; NotRunning (one sentence) when it is not."""
    home = Home.of(settings)
    state = running(home)
    if state is None:
        raise NotRunning(f"Neo4j is not running: {START_HINT}.")
    return state.bolt_uri, password(home)


# --- ports, password, configuration ----------------------------------------------------------------------------------

def port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as a server binds: TIME_WAIT does not count
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
    return True


def _pick(wanted: int | None, fallback: int, taken: set[int], what: str, variable: str) -> int:
    if wanted is not None:  # asked for: that port or nothing
        if wanted in taken or not port_free(wanted):
            raise PortTaken(f"port {wanted} ({what}) on {HOST} is taken by another program: stop it, or unset "
                            f"{variable} to let `landscape db start` take the next free port.")
        return wanted
    for port in range(fallback, min(fallback + PORT_SCAN, 65536)):
        if port not in taken and port_free(port):
            return port
    raise PortTaken(f"ports {fallback}-{fallback + PORT_SCAN - 1} ({what}) on {HOST} are all taken: free one, or set "
                    f"{variable} to a free port.")


def choose_ports(settings: Settings, home: Home) -> tuple[int, int]:
    """The ports asked for, else those of the last start (so Browser bookmarks keep working), else 7687/7474, or the
    next free ones."""
    try:
        last = json.loads(home.ports_file.read_text(encoding="utf-8"))
        last_bolt, last_http = int(last["bolt"]), int(last["http"])
    except (OSError, ValueError, KeyError, TypeError):
        last_bolt, last_http = DEFAULT_BOLT, DEFAULT_HTTP
    bolt = _pick(settings.neo4j_bolt_port, last_bolt, set(), "Bolt", "LANDSCAPE_NEO4J_BOLT_PORT")
    http = _pick(settings.neo4j_http_port, last_http, {bolt}, "HTTP", "LANDSCAPE_NEO4J_HTTP_PORT")
    return bolt, http


def new_secret() -> str:
    """32 URL-safe characters that never start with '-' or '_': neo4j-admin reads a password starting with '-' as an
    option and stops with a usage error (exit code 64), which a random token did about once in 32 first starts."""
    while True:
        secret = secrets.token_urlsafe(24)
        if secret[0].isalnum():
            return secret


def ensure_password(home: Home) -> str:
    """The server's password: generated once (URL-safe, no quoting needed anywhere), kept in a 0600 file."""
    if home.password_file.exists():
        return password(home)
    if (home.data / "dbms" / "auth.ini").exists():
        password(home)  # raises: the server has a password we no longer know
    secret = new_secret()
    fd = os.open(home.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(secret + "\n")
    return secret


def browser_hosts(settings: Settings) -> str:
    hosts = ["127.0.0.1", "localhost"]
    api_host = urlsplit(settings.api_url).hostname
    if api_host and api_host not in hosts:
        hosts.append(api_host)
    return ",".join(hosts)


def render_conf(settings: Settings, home: Home, bolt_port: int, http_port: int) -> str:
    template = Template((SERVER_DIR / "neo4j.conf").read_text(encoding="utf-8"))
    return template.substitute(
        data=home.data, logs=home.logs, run=home.run_dir, plugins=home.plugins, import_dir=home.import_dir,
        bolt_port=bolt_port, http_port=http_port, tx_timeout=settings.neo4j_tx_timeout,
        tx_memory=settings.neo4j_tx_memory, total_tx_memory=settings.neo4j_total_tx_memory,
        heap_initial=min_size(settings.neo4j_heap, "256m"), heap_max=settings.neo4j_heap,
        pagecache=settings.neo4j_pagecache, api_url=settings.api_url, browser_hosts=browser_hosts(settings))


def _bytes(size: str) -> int:
    match = re.fullmatch(r"\s*(\d+)\s*([kmgKMG]?)[bB]?\s*", size)
    if match is None:
        raise ValueError(f"not a memory size: {size!r} (e.g. 512m, 1g)")
    return int(match.group(1)) * 1024 ** " kmg".index(match.group(2).lower() or " ")


def min_size(a: str, b: str) -> str:
    return a if _bytes(a) <= _bytes(b) else b


def jvm_options(conf: str) -> list[str]:
    """The java options the configuration asks for: heap sizes and `server.jvm.additional` lines."""
    options = []
    for line in conf.splitlines():
        key, _, value = line.partition("=")
        key, value = key.strip(), value.strip()
        if key == "server.memory.heap.initial_size":
            options.append(f"-Xms{value}")
        elif key == "server.memory.heap.max_size":
            options.append(f"-Xmx{value}")
        elif key == "server.jvm.additional":
            options.append(value)
    return options


def _prepare(settings: Settings, home: Home, bolt_port: int, http_port: int) -> str:
    for folder in (home.root, home.conf_dir, home.data, home.logs, home.run_dir, home.plugins, home.import_dir):
        folder.mkdir(parents=True, exist_ok=True)
    home.root.chmod(0o700)
    conf = render_conf(settings, home, bolt_port, http_port)
    (home.conf_dir / "neo4j.conf").write_text(conf, encoding="utf-8")
    return conf


def _argfile_line(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def set_initial_password(inst: Installation, home: Home, secret: str) -> None:
    """neo4j-admin's `dbms set-initial-password`, before the first start; the password goes through a 0600 argument
    file (never on a command line other users can read)."""
    argfile = home.root / "set-password.args"
    fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write("\n".join(_argfile_line(v) for v in ("-cp", inst.classpath, ADMIN_TOOL, "dbms",
                                                         "set-initial-password", secret)) + "\n")
    env = {**os.environ, "NEO4J_HOME": str(home.root), "NEO4J_CONF": str(home.conf_dir)}
    try:
        with home.console_file.open("ab") as console:
            done = subprocess.run([inst.java, f"@{argfile}"], env=env, cwd=home.root, stdin=subprocess.DEVNULL,
                                  stdout=console, stderr=subprocess.STDOUT, timeout=300)
    finally:
        argfile.unlink(missing_ok=True)
    if done.returncode != 0 or not (home.data / "dbms" / "auth.ini").exists():
        raise StartFailed(f"setting Neo4j's initial password failed (exit code {done.returncode}): see "
                          f"{home.console_file}.")


# --- who holds the data folder ---------------------------------------------------------------------------------------

def store_holder(home: Home) -> int | None:
    """The pid holding Neo4j's store lock on this data folder (0 when it cannot be told), or None when it is free."""
    try:
        fd = os.open(home.store_lock, os.O_RDWR)
    except OSError:
        return None
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as error:
        if error.errno not in (errno.EAGAIN, errno.EACCES):
            return None
        return _lock_owner(os.fstat(fd).st_ino)
    else:
        fcntl.lockf(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)


def _lock_owner(inode: int) -> int:
    try:
        for line in Path("/proc/locks").read_text().splitlines():
            fields = line.split()
            if len(fields) > 5 and fields[5].split(":")[-1] == str(inode):
                return int(fields[4])
    except (OSError, ValueError):
        pass
    return 0


def folder_held(home: Home, pid: int) -> FolderHeld:
    who = f"another process (pid {pid})" if pid else "another process"
    stop = f"stop it first (`kill {pid}`)" if pid else "stop it first"
    return FolderHeld(f"the data folder {home.root} is held by {who}, a Neo4j this run state does not know: {stop}, "
                      "or set LANDSCAPE_DATA_DIR to another folder.")


# --- start, stop -----------------------------------------------------------------------------------------------------

@contextmanager
def _lifecycle_lock(home: Home) -> Iterator[None]:
    """One start or stop at a time per data folder."""
    home.root.mkdir(parents=True, exist_ok=True)
    with (home.root / "lifecycle.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


_children: dict[int, subprocess.Popen[bytes]] = {}


def start(settings: Settings) -> tuple[RunState, bool]:
    """Start the local server unless it runs; (its run state, whether it was already running)."""
    home = Home.of(settings)
    with _lifecycle_lock(home):
        state = running(home)
        if state is not None:
            return state, True
        inst = installation(settings.neo4j_lib_dir)
        holder = store_holder(home)
        if holder is not None:
            raise folder_held(home, holder)
        bolt_port, http_port = choose_ports(settings, home)
        conf = _prepare(settings, home, bolt_port, http_port)
        secret = ensure_password(home)
        if not (home.data / "dbms" / "auth.ini").exists():
            set_initial_password(inst, home, secret)
        process = _spawn(inst, home, conf)
        state = RunState(pid=process.pid, bolt_port=bolt_port, http_port=http_port, version=pinned_version(),
                         started_at=datetime.now(UTC).isoformat(timespec="seconds"))
        try:
            _wait_ready(process, state, secret, home, settings.neo4j_start_timeout_s)
        except BaseException:
            _terminate(process.pid, home, timeout_s=30)
            raise
        _write_json(home.ports_file, {"bolt": bolt_port, "http": http_port})
        _write_json(home.state_file, asdict(state))
        return state, False


def _write_json(path: Path, value: dict[str, object]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(value, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)


def _spawn(inst: Installation, home: Home, conf: str) -> subprocess.Popen[bytes]:
    command = [inst.java, *jvm_options(conf), "-cp", inst.classpath, ENTRY_POINT, f"--home-dir={home.root}",
               f"--config-dir={home.conf_dir}"]
    env = {**os.environ, "NEO4J_HOME": str(home.root), "NEO4J_CONF": str(home.conf_dir)}
    with home.console_file.open("ab") as console:
        # Its own session: Ctrl-C on `make run` (the API) does not reach it, and it outlives the command that started it.
        process = subprocess.Popen(command, env=env, cwd=home.root, stdin=subprocess.DEVNULL, stdout=console,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    _children[process.pid] = process
    return process


def _wait_ready(process: subprocess.Popen[bytes], state: RunState, secret: str, home: Home, timeout_s: float) -> None:
    from neo4j import GraphDatabase
    from neo4j.exceptions import AuthError

    deadline = time.monotonic() + timeout_s
    log_start = home.log_file.stat().st_size if home.log_file.exists() else 0
    while True:
        if process.poll() is not None:
            raise diagnose(home, state, log_start)
        try:
            with GraphDatabase.driver(state.bolt_uri, auth=(USER, secret), connection_timeout=2,
                                      max_transaction_retry_time=0) as driver, driver.session(database=DATABASE) as s:
                s.run("RETURN 1").consume()
                return
        except AuthError as error:
            raise WrongPassword(f"Neo4j refused the password in {home.password_file}: restore the password it was "
                                f"started with, or remove {home.data} to start from an empty server.") from error
        except Exception:  # not up yet: connection refused, database still starting
            pass
        if time.monotonic() > deadline:
            raise StartFailed(f"Neo4j did not answer within {timeout_s:.0f} s: see {home.log_file}.")
        time.sleep(0.25)


def _tail(path: Path, offset: int = 0) -> str:
    try:
        with path.open("rb") as handle:
            handle.seek(max(offset, handle.seek(0, os.SEEK_END) - 200_000))
            return handle.read().decode("utf-8", "replace")
    except OSError:
        return ""


def diagnose(home: Home, state: RunState, log_start: int = 0) -> EngineUnavailable:
    """Why a server that exited while starting did so, from its logs, as one sentence."""
    text = _tail(home.log_file, log_start) + _tail(home.console_file)
    if "Address already in use" in text or "BindException" in text:
        return PortTaken(f"port {state.bolt_port} (Bolt) or {state.http_port} (HTTP) on {HOST} was taken by another "
                         f"program as Neo4j started: run `landscape db start` again (it takes the next free ports); "
                         f"details in {home.log_file}.")
    if "FileLockException" in text or "store_lock" in text or "locked by another" in text:
        return folder_held(home, store_holder(home) or 0)
    if "OutOfMemoryError" in text:
        return StartFailed(f"Neo4j ran out of memory while starting: raise LANDSCAPE_NEO4J_HEAP; see {home.log_file}.")
    return StartFailed(f"Neo4j stopped while starting: see {home.log_file} and {home.console_file}.")


def _alive(pid: int, home: Home) -> bool:
    child = _children.get(pid)
    if child is not None:
        return child.poll() is None
    return _is_our_server(pid, home)


def _terminate(pid: int, home: Home, timeout_s: float) -> None:
    """SIGTERM, wait up to `timeout_s` for Neo4j to shut down cleanly, then SIGKILL."""
    for sig, wait_s in ((signal.SIGTERM, timeout_s), (signal.SIGKILL, 10.0)):
        if not _alive(pid, home):
            break
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            break
        deadline = time.monotonic() + wait_s
        while _alive(pid, home) and time.monotonic() < deadline:
            time.sleep(0.1)
    child = _children.pop(pid, None)
    if child is not None:
        child.wait(timeout=5)


def stop(settings: Settings, timeout_s: float = 60.0) -> RunState | None:
    """Stop the local server (gracefully, then by force after `timeout_s`); the state it had, or None if not running."""
    home = Home.of(settings)
    with _lifecycle_lock(home):
        state = running(home)
        if state is not None:
            _terminate(state.pid, home, timeout_s)
        home.state_file.unlink(missing_ok=True)
        return state
