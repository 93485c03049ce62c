"""What the local Neo4j server needs on this machine: Java 17 or later, and the jars `make` resolved from the pom."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from graph.errors import NotInstalled

SERVER_DIR = Path(__file__).resolve().parent
POM = SERVER_DIR / "pom.xml"
# `make` copies the pom into the lib folder once every jar is there: the folder is complete and matches this pom.
STAMP = "pom.xml"
JAVA_MIN = 17
SETUP = "run `make setup`"


@dataclass(frozen=True)
class Installation:
    java: str
    lib_dir: Path

    @property
    def classpath(self) -> str:
        return str(self.lib_dir / "*")


def pinned_version(name: str = "neo4j.version") -> str:
    """A version pinned in graph/server/pom.xml (`neo4j.version`, `neo4j-browser.version`)."""
    found = re.search(rf"<{re.escape(name)}>([^<]+)</{re.escape(name)}>", POM.read_text(encoding="utf-8"))
    if found is None:
        raise ValueError(f"{POM} pins no {name}")
    return found.group(1).strip()


def java_command() -> str:
    """The java to run: $JAVA_HOME/bin/java when set, else the one on PATH."""
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise NotInstalled(f"Java {JAVA_MIN} is not installed (no `java` on PATH): {SETUP} to install it.")
    return found


def java_major(java: str) -> int:
    try:
        shown = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
    except (OSError, subprocess.TimeoutExpired) as error:
        raise NotInstalled(f"`{java} -version` failed ({error}): {SETUP}, or set JAVA_HOME to a Java {JAVA_MIN}.") from error
    match = re.search(r'version "(\d+)(?:\.(\d+))?', shown)
    if match is None:
        raise NotInstalled(f"cannot tell the version of {java}: {SETUP}, or set JAVA_HOME to a Java {JAVA_MIN}.")
    major = int(match.group(1))
    return int(match.group(2) or 0) if major == 1 else major


def check_jars(lib_dir: Path) -> None:
    stamp = lib_dir / STAMP
    if not stamp.is_file() or not any(lib_dir.glob("neo4j-*.jar")):
        raise NotInstalled(f"the Neo4j jars are missing ({lib_dir}): {SETUP} to resolve them from Maven Central.")
    if stamp.read_bytes() != POM.read_bytes():
        raise NotInstalled(f"the Neo4j jars in {lib_dir} are not those graph/server/pom.xml pins: {SETUP} to update them.")


def installation(lib_dir: Path) -> Installation:
    """Java and the jars, checked; NotInstalled says what is missing and to run `make setup`."""
    java = java_command()
    major = java_major(java)
    if major < JAVA_MIN:
        raise NotInstalled(f"{java} is Java {major}; Neo4j {pinned_version()} needs Java {JAVA_MIN} or later: {SETUP}, "
                           f"or set JAVA_HOME to a Java {JAVA_MIN}.")
    check_jars(lib_dir)
    return Installation(java=java, lib_dir=lib_dir)
