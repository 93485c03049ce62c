"""`landscape db start|stop|status`: the project's local Neo4j server (graph.server.lifecycle) from the terminal."""
from __future__ import annotations

import argparse
import sys
import time

from graph.server import lifecycle
from graph.settings import Settings

NOT_RUNNING = 3  # as LSB's `status`: 3 means "not running"


def describe(state: lifecycle.RunState, settings: Settings) -> str:
    """Where Neo4j Browser, Bolt, the password and the logs are."""
    home = lifecycle.Home.of(settings)
    return "\n".join([
        f"  Neo4j Browser  {state.browser_url}",
        f"  Bolt           {state.bolt_uri}  (user {lifecycle.USER}, password in {home.password_file})",
        f"  Data and logs  {home.root}  (log: {home.log_file})",
        "  Stop it with   landscape db stop",
    ])


def _remote(settings: Settings, command: str) -> int:
    print(f"NEO4J_URI is set ({settings.neo4j_uri}): the project's local server is not used, so there is nothing to "
          f"{command}; unset NEO4J_URI to use it.", file=sys.stderr)
    return 2


def start(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.local:
        return _remote(settings, "start")
    print(f"starting Neo4j {lifecycle.pinned_version()} in {lifecycle.Home.of(settings).root} ...", flush=True)
    started = time.monotonic()
    state, already = lifecycle.start(settings)
    if already:
        print(f"Neo4j is already running (pid {state.pid}).")
    else:
        print(f"Neo4j {state.version} started (pid {state.pid}) in {time.monotonic() - started:.1f} s.")
    print(describe(state, settings))
    return 0


def stop(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.local:
        return _remote(settings, "stop")
    state = lifecycle.stop(settings, timeout_s=args.timeout)
    print("Neo4j is not running." if state is None else f"Neo4j stopped (pid {state.pid}).")
    return 0


def status(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.local:
        from graph.engine import open_engine

        with open_engine(settings) as engine:
            print(f"{engine.server_agent()} answers at {settings.neo4j_uri} (NEO4J_URI).")
        return 0
    state = lifecycle.running(lifecycle.Home.of(settings))
    if state is None:
        print(f"Neo4j is not running: {lifecycle.START_HINT}.")
        return NOT_RUNNING
    print(f"Neo4j {state.version} is running (pid {state.pid}, since {state.started_at}).")
    print(describe(state, settings))
    return 0


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    db = sub.add_parser("db", help="the project's local Neo4j server: start, stop, status")
    actions = db.add_subparsers(dest="action", required=True)
    actions.add_parser("start", help="start Neo4j (Bolt 7687 and HTTP 7474, or the next free ports)").set_defaults(
        func=start)
    stopping = actions.add_parser("stop", help="stop Neo4j (gracefully; by force after --timeout seconds)")
    stopping.add_argument("--timeout", type=float, default=60.0)
    stopping.set_defaults(func=stop)
    actions.add_parser("status", help="whether Neo4j runs; where Browser, Bolt, the password and the logs are "
                                      "(exit code 3 when not running)").set_defaults(func=status)
