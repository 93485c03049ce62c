"""The local server's lifecycle on a temporary data folder, and the plain one-sentence errors (exit code 3) for a
server that is not running, a refused password, a port taken, a data folder held by another process, and Java or
the jars missing. Commands run as users run them (`python -m cli.main`), so a traceback would show."""
from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from cli.main import main
from graph.server import lifecycle
from graph.settings import Settings
from tests.conftest import free_port, run_cli

NOT_RUNNING = "Neo4j is not running: start it with `landscape db start` (or `make run`)."


def local_env(data_dir: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    return {**env, "LANDSCAPE_DATA_DIR": str(data_dir), **extra}


def alive(pid: int) -> bool:
    """A live process (a zombie waiting for init to reap it is not)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def plain(done: subprocess.CompletedProcess[str]) -> str:
    """What a command printed; never a Python or Java traceback."""
    printed = done.stdout + done.stderr
    assert "Traceback" not in printed and "Exception" not in printed and "\tat " not in printed, printed
    return printed


def test_start_status_restart_stop_on_a_temporary_folder(tmp_path: Path) -> None:
    bolt, http = free_port(), free_port()
    env = local_env(tmp_path, LANDSCAPE_NEO4J_BOLT_PORT=str(bolt), LANDSCAPE_NEO4J_HTTP_PORT=str(http))
    started = run_cli("db", "start", env=env)
    assert started.returncode == 0, plain(started)
    assert f"bolt://127.0.0.1:{bolt}" in started.stdout
    assert f"http://127.0.0.1:{http}/browser/?dbms=bolt://neo4j@127.0.0.1:{bolt}&db=neo4j" in started.stdout
    home = lifecycle.Home(tmp_path.resolve() / "neo4j")
    assert stat.S_IMODE(home.password_file.stat().st_mode) == 0o600
    assert str(home.password_file) in started.stdout
    secret = home.password_file.read_text(encoding="utf-8")
    pid = json.loads(home.state_file.read_text(encoding="utf-8"))["pid"]
    try:
        again = run_cli("db", "start", env=env)
        assert again.returncode == 0 and f"already running (pid {pid})" in plain(again)
        status = run_cli("db", "status", env=env)
        assert status.returncode == 0 and "is running" in status.stdout and f"bolt://127.0.0.1:{bolt}" in status.stdout
        # Neo4j Browser is served, and the discovery document advertises the chosen Bolt port, not 7687.
        with urllib.request.urlopen(f"http://127.0.0.1:{http}/browser/") as page:
            assert page.status == 200
        with urllib.request.urlopen(f"http://127.0.0.1:{http}/") as discovery:
            assert json.load(discovery)["bolt_direct"] == f"bolt://127.0.0.1:{bolt}"
        # The configuration holds what issue 13 needs from the server.
        conf = (home.conf_dir / "neo4j.conf").read_text(encoding="utf-8")
        assert "dbms.security.allow_csv_import_from_file_urls=false" in conf and "db.transaction.timeout=" in conf
        assert not any(home.plugins.iterdir())
        # A restart keeps the password (set once, before the first start) and the ports.
        assert run_cli("db", "stop", env=local_env(tmp_path)).returncode == 0
        restarted = run_cli("db", "start", env=local_env(tmp_path))
        assert restarted.returncode == 0, plain(restarted)
        assert f"bolt://127.0.0.1:{bolt}" in restarted.stdout
        assert home.password_file.read_text(encoding="utf-8") == secret
        stats = run_cli("stats", "--json", env=local_env(tmp_path))
        assert stats.returncode == 0, plain(stats)
        assert json.loads(stats.stdout)["labels"] == {}
        pid = json.loads(home.state_file.read_text(encoding="utf-8"))["pid"]
    finally:
        stopped = run_cli("db", "stop", env=local_env(tmp_path))
    assert stopped.returncode == 0 and f"Neo4j stopped (pid {pid})" in plain(stopped)
    assert not alive(pid) and not home.state_file.exists()
    status = run_cli("db", "status", env=local_env(tmp_path))
    assert status.returncode == 3 and NOT_RUNNING in plain(status)
    assert "not running" in run_cli("db", "stop", env=local_env(tmp_path)).stdout


def test_every_command_says_plainly_that_neo4j_is_not_running(tmp_path: Path) -> None:
    env = local_env(tmp_path)
    commands = [["stats"], ["export", "-o", str(tmp_path / "g.json")], ["load", "--quiet"], ["analyse"],
                ["diagram", "landscape", "-o", str(tmp_path / "l.svg")], ["serve", "--port", str(free_port())]]
    for command in commands:
        done = run_cli(*command, env=env)
        assert done.returncode == 3, (command, plain(done))
        assert NOT_RUNNING in done.stderr, command
        assert plain(done).count("\n") <= 6, (command, done.stderr)  # a sentence, not a report
    assert not any(tmp_path.iterdir())  # nothing was created or touched


def test_a_refused_password_is_one_sentence(cli_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    if not cli_env.local:
        pytest.skip("the session's Neo4j is not the local server")
    password_file = lifecycle.Home.of(cli_env).password_file
    kept = password_file.read_text(encoding="utf-8")
    try:
        password_file.write_text("not-the-password\n", encoding="utf-8")
        assert main(["stats"]) == 3
    finally:
        password_file.write_text(kept, encoding="utf-8")
    err = capsys.readouterr().err
    assert "refused the password for user 'neo4j'" in err and str(password_file) in err and "Traceback" not in err


def test_a_port_taken_by_another_program(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        port = other.getsockname()[1]
        done = run_cli("db", "start", env=local_env(tmp_path, LANDSCAPE_NEO4J_BOLT_PORT=str(port)))
        assert done.returncode == 3
        assert f"port {port} (Bolt) on 127.0.0.1 is taken by another program" in plain(done)
        # Without a port asked for, the next free one is taken.
        assert lifecycle._pick(None, port, set(), "Bolt", "X") != port
    assert not (tmp_path / "neo4j" / "run.json").exists()


def test_a_data_folder_held_by_another_process(tmp_path: Path) -> None:
    """Neo4j's store lock is a POSIX lock (Java's FileChannel.tryLock): another process holding it is named."""
    lock = tmp_path / "neo4j" / "data" / "databases" / "store_lock"
    lock.parent.mkdir(parents=True)
    lock.touch()
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, sys, time; f = open(sys.argv[1], 'r+'); "
                               "fcntl.lockf(f, fcntl.LOCK_EX); print('held', flush=True); time.sleep(120)", str(lock)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        done = run_cli("db", "start", env=local_env(tmp_path))
    finally:
        holder.kill()
        holder.wait()
    assert done.returncode == 3
    assert f"is held by another process (pid {holder.pid})" in plain(done)
    assert not (tmp_path / "neo4j" / "conf").exists()  # stopped before anything was written


def test_the_session_servers_own_lock_is_seen(cli_env: Settings, capsys: pytest.CaptureFixture[str]) -> None:
    """A running Neo4j the run state does not know (its run.json lost) holds the folder: `db start` says so."""
    if not cli_env.local:
        pytest.skip("the session's Neo4j is not the local server")
    home = lifecycle.Home.of(cli_env)
    state = lifecycle.read_state(home)
    assert state is not None
    aside = home.state_file.with_suffix(".aside")
    home.state_file.rename(aside)
    try:
        assert main(["db", "start"]) == 3
    finally:
        aside.rename(home.state_file)
    assert f"is held by another process (pid {state.pid})" in capsys.readouterr().err
    assert lifecycle.running(home) == state


def test_java_or_jars_missing_say_to_run_make_setup(tmp_path: Path) -> None:
    empty = tmp_path / "lib"
    empty.mkdir()
    done = run_cli("db", "start", env=local_env(tmp_path, LANDSCAPE_NEO4J_LIB=str(empty)))
    assert done.returncode == 3 and "the Neo4j jars are missing" in plain(done) and "run `make setup`" in done.stderr
    no_java = local_env(tmp_path, PATH=str(Path(sys.executable).parent))
    no_java.pop("JAVA_HOME", None)
    done = run_cli("db", "start", env=no_java)
    assert done.returncode == 3 and "Java 17 is not installed" in plain(done) and "run `make setup`" in done.stderr


def test_a_generated_password_never_reads_as_an_option(monkeypatch: pytest.MonkeyPatch) -> None:
    """neo4j-admin takes a password starting with '-' for an option (exit code 64); the generator skips such tokens."""
    tokens = iter(["-leading-dash", "_leading-underscore", "Good-token_1"])
    monkeypatch.setattr(lifecycle.secrets, "token_urlsafe", lambda _n: next(tokens))
    assert lifecycle.new_secret() == "Good-token_1"
    monkeypatch.undo()
    assert all(lifecycle.new_secret()[0].isalnum() for _ in range(500))
