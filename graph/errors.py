"""The engine's domain errors, each with one plain sentence saying what is wrong and what to do.

All are EngineUnavailable: the API answers 503 (with Retry-After), the command line exits with code 3.
"""
from __future__ import annotations


class EngineUnavailable(RuntimeError):
    """The graph engine cannot be reached or used; the message says why and what to do."""


class NotRunning(EngineUnavailable):
    """The project's local Neo4j server is not running."""


class WrongPassword(EngineUnavailable):
    """Neo4j refused the password."""


class PortTaken(EngineUnavailable):
    """A port the server needs is used by another program."""


class FolderHeld(EngineUnavailable):
    """The data folder is held (Neo4j's store lock) by another process."""


class NotInstalled(EngineUnavailable):
    """Java or the Neo4j jars are missing."""


class StartFailed(EngineUnavailable):
    """Neo4j stopped while starting, or did not answer in time; the log says why."""
