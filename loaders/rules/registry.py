"""The registry of rules: each rule is one module of this package that registers a function under a name, with
the unit it reads (`sentence`, `list`, `label`) and what it writes. Adding a rule touches its file and its test."""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from graph.model import Evidence
    from loaders.anaphora import Memory
    from loaders.mentions import Mention
    from loaders.places import DocumentPlaces
    from loaders.raw import Raw, Ref
    from loaders.read import Document
    from loaders.structure import Block, Sentence

INPUTS = frozenset({"sentence", "list", "label"})


class Context(Protocol):
    """What a rule may use of the document walk: the raw facts, evidence, and the bodies in focus."""

    raw: Raw
    doc: Document
    focus: Mention | None
    subject: Mention | None
    heading: Block | None  # the heading of the section being walked
    funder: Mention | None  # the last body a sentence named as giving money
    default_funder: Mention | None  # the first commissioner the document names: who gives when no one is named
    stream_context: Ref | None
    memory: Memory  # what anaphors may point back to (loaders.anaphora)
    defined: set[str]  # acronyms the document has defined so far

    def area_of(self, text: str) -> str | None: ...

    def ev(self, start: int, end: int, method: str) -> Evidence: ...

    def ref_of(self, m: Mention) -> Ref: ...

    def undefined(self, m: Mention) -> bool: ...

    def register(self, m: Mention, method: str = "name") -> Ref | None: ...

    def mentions_in(self, text: str, offset: int) -> list[Mention]: ...

    def resolved(self, mentions: list[Mention]) -> list[Mention]: ...

    def spelled_out(self, m: Mention) -> Ref: ...


class Walk(Context, Protocol):
    """The walk's state the money and priority readers keep between blocks (tables, sentences with amounts,
    numbered priorities); loaders.extract.DocumentExtractor is one. Typing against this, not the extractor, keeps
    the readers below the walk that calls them (no import circle)."""

    clean: str  # the document's text as the structure stage reads it
    areas: frozenset[str]  # place names one word long, the gazetteer's and the document's councils'
    places: DocumentPlaces
    recent: list[Mention]
    body_names: set[str]
    in_funding: bool
    table_count: int
    table_allocators: dict[str, Ref]
    column_periods: list[str]
    numbered_priority: tuple[int, Ref] | None
    priorities_named_by: tuple[Ref, int] | None

    def sentence_subject(self, s: Sentence, mentions: list[Mention]) -> Mention | None: ...


@dataclass(frozen=True)
class Rule:
    name: str
    input: str
    output: str
    apply: Callable[..., Any]


_REGISTERED: dict[str, Rule] = {}


def rule(name: str, input: str, output: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register the decorated function as the rule `name`."""
    if input not in INPUTS:
        raise ValueError(f"rule {name} reads {input!r}, which is not one of {sorted(INPUTS)}")

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        if name in _REGISTERED and _REGISTERED[name].apply is not function:
            raise ValueError(f"two rules are named {name}")
        _REGISTERED[name] = Rule(name, input, output, function)
        return function

    return decorate


@lru_cache(maxsize=1)
def _load_all() -> tuple[Rule, ...]:
    import loaders.rules as package

    for info in pkgutil.iter_modules(package.__path__):
        if info.name != "registry":
            importlib.import_module(f"loaders.rules.{info.name}")
    return tuple(sorted(_REGISTERED.values(), key=lambda r: r.name))


def rules_for(input: str) -> list[Rule]:
    """The registered rules that read `input`, in name order."""
    return [r for r in _load_all() if r.input == input]


def all_rules() -> list[Rule]:
    return list(_load_all())
