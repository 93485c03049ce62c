"""Extraction benchmark: the loaders (read + extract + resolve, no database) against the hand labels of the
development corpus (tests/corpus/*.yaml) and of the seeds (tests/corpus/seeds/). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_extraction.py [--docs N]

**Matching.** A labelled fact is found when the loader produced a relationship of the same type whose two ends
match the labelled ends. Names match after folding (case, punctuation, the word "the", "&" for "and", white
space, a plural last word); a node matches a labelled body when any of its names (canonical name, aliases, and the initials of its
name as an acronym) folds to any name or alias the label file gives that body. For CHAIRED_BY, VICE_CHAIRED_BY and
LED_BY the far end may also be a role as written (the folded role name equals the label's `to`), or a role whose
named `holder` is the label's `to` (a person labelled as the chair or leader). FUNDS is read
from Allocation nodes: funder = the ALLOCATED_BY body, recipient = an ALLOCATED_TO end, and the amount must equal
`amount_gbp` (or one of `amounts_gbp`); an allocation without a funder still counts as a prediction, so it can only
be a false positive. HAS_PRIORITY matches when the owner matches and the folded priority texts contain one another.
Relationships are attributed to every document in their evidence; per document, precision = predicted facts that
match a labelled fact / predicted facts of labelled types, recall = labelled facts matched / labelled facts.
Labelled kinds the loader cannot produce are misses (honest), and the loaded folder is one load, as a user would
load it, so cross-document identity errors cost precision and recall.

**Junk nodes** (Body nodes only), a node is junk when it matches no labelled body of the documents it is evidenced
in and any of these holds:
- *title*: its name starts with or contains a document-title word (Annual Review, Minutes, Agenda, Report, Update,
  Terms of Reference, Introduction, Appendix, Strategy, Plan, Meeting, Membership, Structure...);
- *fragment*: it starts with a lower-case word or a function word, ends with a function word, has unbalanced
  brackets, contains a verb of a governance sentence (reports, is, are, will, has), or is one generic head word;
- *fused*: it splits at " and ", ", " or " & " into two parts that each have two or more words and end with a body
  head noun (Board, Partnership, Group, Council, Forum, Trust, Team, Service, Agency, Authority, Panel, Committee);
- *heading*: one of its evidence quotes is a whole line of its document (numbering and markup aside) that does not
  start with a list bullet and does not end a sentence: a heading that became a body.
- a date or month, a shouted heading word ("Edinburgh MINUTE Board") or a capital "The" inside the name
  (fragment); a person's role ("Chair of", "Superintendent"), a comma, or ten words or more (fused).
A body whose own name (not an alias it gathered) is a labelled body's name or alias is never junk.

The last line: `corpus P 0.xx R 0.xx junk x.x% | seeds P 0.xx R 0.xx junk x.x% | seeds extract x.xxs`, the
extraction time being the CPU seconds of the fastest of three loads of the seeds (wall time is printed above it;
on a shared machine it measures the neighbours as much as the loader).
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from graph.model import Facts, Node
from graph.settings import REPO
from loaders.pipeline import load_directory

if str(REPO) not in sys.path:  # run as a script: the labels live in the tests package
    sys.path.insert(0, str(REPO))
from tests.corpus.labels import (  # noqa: E402, I001
    CORPUS, ROLE_ENDS, SEEDS, Fact, Labelled, corpus_files, read_labels, seed_label_files)

MATCHED_TYPES = frozenset({"REPORTS_TO", "SUBGROUP_OF", "ACCOUNTABLE_TO", "PART_OF", "OVERSEES", "CHAIRED_BY",
                           "VICE_CHAIRED_BY", "MEMBER_OF", "LED_BY", "COMMISSIONS", "MERGED_INTO", "SUCCEEDED_BY"})
SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "to", "a", "an", "&"})


def fold(name: str) -> str:
    """A name with case, punctuation, "the", "&"/"and" and a plural last word folded away."""
    text = name.lower().replace("&", " and ").replace("\u2019", "'")
    text = re.sub(r"'s?\b", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    words = [w for w in text.split() if w != "the"]
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith(("ss", "us")):
        words[-1] = words[-1][:-1]  # "Community Safety Partnerships" is the name of the class as much as the singular
    return " ".join(words)


def initials(name: str) -> str:
    """"Community Safety Partnership" -> "csp": the acronym a name would be written as."""
    words = [w for w in re.split(r"[\s\-/]+", name) if w and w.lower() not in SMALL_WORDS]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else ""


def node_names(node: Node) -> set[str]:
    names = {fold(n) for n in [node.name, *node.aliases]}
    acronym = initials(node.name)
    if acronym:
        names.add(acronym)
    return names - {""}


@dataclass(frozen=True)
class Predicted:
    """One extracted fact in the labels' terms: node ids at both ends (a priority's text for HAS_PRIORITY)."""

    type: str
    start: str
    end: str
    amount: int | None = None


@dataclass
class Score:
    predicted: int = 0
    correct: int = 0
    labelled: int = 0
    found: int = 0

    def add(self, other: Score) -> None:
        self.predicted += other.predicted
        self.correct += other.correct
        self.labelled += other.labelled
        self.found += other.found

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 0.0


@dataclass
class DocScore:
    doc: str
    total: Score = field(default_factory=Score)
    by_type: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    missed: list[Fact] = field(default_factory=list)
    wrong: list[Predicted] = field(default_factory=list)


def predictions(facts: Facts) -> dict[str, set[Predicted]]:
    """Extracted facts per document, in the labels' vocabulary (FUNDS from allocations)."""
    out: dict[str, set[Predicted]] = defaultdict(set)
    by_alloc: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for rel in facts.relationships.values():
        if rel.type in MATCHED_TYPES:
            for doc in {ev.doc for ev in rel.evidence}:
                out[doc].add(Predicted(rel.type, rel.start, rel.end))
        elif rel.type == "HAS_PRIORITY":
            text = str(facts.nodes[rel.end].properties.get("text") or facts.nodes[rel.end].name)
            for doc in {ev.doc for ev in rel.evidence}:
                out[doc].add(Predicted("HAS_PRIORITY", rel.start, text))
        elif rel.type in {"ALLOCATED_BY", "ALLOCATED_TO"}:
            by_alloc[rel.start][rel.type].append(rel.end)
    for node in facts.nodes.values():
        if node.label != "Allocation":
            continue
        ends = by_alloc.get(node.id, {})
        funders = ends.get("ALLOCATED_BY") or [""]
        recipients = ends.get("ALLOCATED_TO") or [""]
        bodies = [r for r in recipients if r in facts.nodes and facts.nodes[r].label == "Body"]
        amounts: list[int | None] = list(_amounts(node)) or [None]
        for doc in {ev.doc for ev in node.evidence}:
            for funder in funders:
                for recipient in bodies or recipients[:1]:
                    for amount in amounts:
                        out[doc].add(Predicted("FUNDS", funder, recipient, amount))
    return out


def _amounts(node: Node) -> list[int]:
    values: list[int] = []
    one = node.properties.get("amount_gbp")
    if isinstance(one, (int, float)):
        values.append(int(one))
    many = node.properties.get("amounts_gbp")
    if isinstance(many, list):
        values.extend(int(v) for v in many if isinstance(v, (int, float)))
    return values


class Matcher:
    """Does an extracted node stand for a labelled body (or a role as written) of one labelled text?"""

    def __init__(self, facts: Facts, labelled: Labelled) -> None:
        self.facts = facts
        self.bodies = {name: {fold(v) for v in [name, *aliases]} - {""}
                       for name, aliases in labelled.bodies.items()}
        self._names: dict[str, set[str]] = {}

    def names(self, node_id: str) -> set[str]:
        if node_id not in self._names:
            node = self.facts.nodes.get(node_id)
            self._names[node_id] = node_names(node) if node is not None else set()
        return self._names[node_id]

    def is_body(self, node_id: str, label_name: str) -> bool:
        return bool(self.names(node_id) & self.bodies.get(label_name, set()))

    def end_matches(self, fact: Fact, node_id: str) -> bool:
        assert fact.end is not None
        if fact.end in self.bodies and self.is_body(node_id, fact.end):
            return True
        if fact.type not in ROLE_ENDS:
            return False
        node = self.facts.nodes.get(node_id)
        holder = node.properties.get("holder") if node is not None else None
        return fold(fact.end) in self.names(node_id) or (isinstance(holder, str) and fold(holder) == fold(fact.end))

    def matches(self, fact: Fact, p: Predicted) -> bool:
        if fact.type != p.type or not self.is_body(p.start, fact.start):
            return False
        if fact.type == "HAS_PRIORITY":
            a, b = fold(fact.text or ""), fold(p.end)
            return bool(a and b) and (a in b or b in a)
        if fact.type == "FUNDS" and p.amount != fact.amount:
            return False
        return self.end_matches(fact, p.end)

    def names_a_body(self, node: Node) -> bool:
        """The node's own name (not an alias it gathered) is a labelled body's name or alias."""
        name = fold(node.name)
        return any(name in variants for variants in self.bodies.values())


def score_document(facts: Facts, labelled: Labelled, predicted: set[Predicted]) -> DocScore:
    matcher = Matcher(facts, labelled)
    out = DocScore(doc=labelled.slug)
    hits: set[Predicted] = set()
    for fact in labelled.facts:
        s = out.by_type[fact.type]
        s.labelled += 1
        matched = [p for p in predicted if matcher.matches(fact, p)]
        if matched:
            s.found += 1
            hits.update(matched)
        else:
            out.missed.append(fact)
    for p in predicted:
        s = out.by_type[p.type]
        s.predicted += 1
        if p in hits:
            s.correct += 1
        else:
            out.wrong.append(p)
    for s in out.by_type.values():
        out.total.add(s)
    return out


# --- junk nodes ---------------------------------------------------------------------------------------------

TITLE_WORDS = (r"(?:annual (?:review|report)|minutes|agenda|report|update|terms of reference|introduction|appendix|"
               r"strategy|plan|meeting|membership|structure|background|summary|purpose|overview|review|roles|"
               r"consultation|contents|scrutiny of|page \d+|item \d+|section \d+)")
# A title word opening the name, or joined to the rest by "of"/"for" ("Membership of the ... Board").
TITLE = re.compile(r"^" + TITLE_WORDS + r"\b|\b" + TITLE_WORDS + r"\s+(?:of|for|and)\b|\bpage \d+|\bcollated\b", re.I)
FUNCTION_START = re.compile(r"^(?:and|or|of|to|with|for|by|in|on|at|from|as|that|which|who|its|their|this|these|"
                            r"merging|establishing|developing|creating|tackling|supporting|improving|delivering)\b",
                            re.I)
FUNCTION_END = re.compile(r"\b(?:and|or|of|to|with|for|by|in|on|at|from|the|a|an|as)$", re.I)
VERB = re.compile(r"\b(?:reports|is|are|was|were|will|has|have|shall|should)\b", re.I)
DATE = re.compile(r"\b(?:19|20)\d\d\b|\b(?:Jan|Feb|Mar|Apr|April|May|Jun|June|Jul|July|Aug|Sep|Sept|Oct|Nov|Dec)"
                  r"(?:uary|ruary|ch|ust|tember|ober|ember)?\b")
SHOUTED = re.compile(r"\b[A-Z]{6,}\b")  # a capitalised heading word inside a mixed-case name ("Edinburgh MINUTE Board")
MID_THE = re.compile(r"\S\s+The\s")  # "Misuse The Edinburgh Partnership": a heading run into a name
ROLE = re.compile(r"\b(?:Chair|Vice[- ]Chair|Superintendent|Inspector|Councillor|Cllr|Director|Manager|Officer|"
                  r"Mr|Mrs|Ms|Dr)\b")
HEADS = r"(?:Board|Partnership|Group|Council|Forum|Trust|Team|Service|Services|Agency|Authority|Panel|Committee)"
GENERIC = re.compile(r"^(?:the\s+)?(?:" + HEADS + r"|Partnerships|Boards|Groups|Executive|Commissioner)$", re.I)
BULLET = re.compile(r"^\s*(?:[-*\u2022\u00b7o\uf0b7\u25aa\u2013]|\(?[0-9]+[.)]|\(?[a-z][.)])\s+")


def junk_reason(node: Node, text_of: dict[str, str]) -> str | None:
    """Why a body node's name is not a body (title, fragment, fused, heading), or None. A name the loader
    qualified by its place ("Rutland Joint Action Group") is judged without the place."""
    name = node.name.strip()
    place = node.properties.get("place")
    if isinstance(place, str) and place and name.startswith(place + " ") and name[len(place) + 1:][:1].isupper():
        name = name[len(place) + 1:]
    if TITLE.search(name):
        return "title"
    if (name[:1].islower() or FUNCTION_START.search(name) or FUNCTION_END.search(name) or GENERIC.match(name)
            or name.count("(") != name.count(")") or VERB.search(name) or DATE.search(name)
            or MID_THE.search(name) or (SHOUTED.search(name) and not name.isupper())):
        return "fragment"
    if _fused(name):
        return "fused"
    for ev in node.evidence:
        text = text_of.get(ev.doc)
        if text is not None and _is_heading(text, ev.start, ev.end):
            return "heading"
    return None


def _fused(name: str) -> bool:
    """Two names (or a person's role and a body) run together into one."""
    if "," in name or ROLE.search(name) or len(name.split()) >= 10:
        return True
    parts = re.split(r"\s+(?:and|&)\s+", name)
    whole = [p for p in parts if len(p.split()) >= 2 and re.search(r"\b" + HEADS + r"\b", p)]
    return len(parts) >= 2 and len(whole) >= 2


def _is_heading(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    if BULLET.match(line):
        return False
    bare = re.sub(r"^[#*\s]*(?:\d+(?:\.\d+)*\.?\s+)?|[#*:\s]+$", "", line)
    quote = text[start:end].strip().rstrip(":")
    return bare == quote and not bare.endswith((".", ";", ","))


def junk_nodes(facts: Facts, labelled: dict[str, Labelled]) -> tuple[int, list[tuple[Node, str]]]:
    """(body count, junk bodies with their reason): a body that matches a labelled body is never junk."""
    text_of = {doc: lab.text for doc, lab in labelled.items()}
    bodies = [n for n in facts.nodes.values() if n.label == "Body"]
    junk: list[tuple[Node, str]] = []
    for node in bodies:
        docs = {ev.doc for ev in node.evidence if ev.doc in labelled}
        if any(Matcher(facts, labelled[d]).names_a_body(node) for d in docs):
            continue
        reason = junk_reason(node, text_of)
        if reason is not None:
            junk.append((node, reason))
    return len(bodies), junk


# --- running -----------------------------------------------------------------------------------------------

@dataclass
class Run:
    name: str
    docs: list[DocScore]
    bodies: int
    junk: list[tuple[Node, str]]
    seconds: float  # CPU seconds of the fastest run (the machines are shared: wall time is the neighbours')
    wall: float

    def total(self) -> Score:
        out = Score()
        for d in self.docs:
            out.add(d.total)
        return out

    def by_type(self) -> dict[str, Score]:
        out: dict[str, Score] = defaultdict(Score)
        for d in self.docs:
            for t, s in d.by_type.items():
                out[t].add(s)
        return out

    @property
    def junk_share(self) -> float:
        return 100.0 * len(self.junk) / self.bodies if self.bodies else 0.0


def run(name: str, folder: Path, labels: list[Labelled], repeat: int = 1) -> Run:
    """Load the folder (`repeat` times: the fastest is the time, as these machines are shared) and score it."""
    seconds = wall = float("inf")
    for _ in range(repeat):
        started, cpu = time.perf_counter(), time.process_time()
        facts = load_directory(folder)
        seconds = min(seconds, time.process_time() - cpu)
        wall = min(wall, time.perf_counter() - started)
    by_doc = predictions(facts)
    keyed = {_doc_id(lab): lab for lab in labels}
    docs = [score_document(facts, lab, by_doc.get(doc, set())) for doc, lab in keyed.items()]
    bodies, junk = junk_nodes(facts, keyed)
    return Run(name, docs, bodies, junk, seconds, wall)


def _doc_id(lab: Labelled) -> str:
    return lab.path.stem


def print_run(r: Run, worst: int, out: list[str]) -> None:
    out.append(f"== {r.name}: {len(r.docs)} documents, extraction {r.seconds:.2f}s CPU, {r.wall:.2f}s wall (fastest run)")
    out.append(f"{'relation':<16} {'P':>5} {'R':>5} {'correct/pred':>13} {'found/labelled':>15}")
    for t, s in sorted(r.by_type().items()):
        out.append(f"{t:<16} {s.precision:5.2f} {s.recall:5.2f} {s.correct:>6}/{s.predicted:<6} "
                   f"{s.found:>7}/{s.labelled:<7}")
    total = r.total()
    out.append(f"{'all':<16} {total.precision:5.2f} {total.recall:5.2f} {total.correct:>6}/{total.predicted:<6} "
               f"{total.found:>7}/{total.labelled:<7}")
    out.append(f"-- documents, worst first (by recall, then precision); {worst} shown")
    ranked = sorted(r.docs, key=lambda d: (d.total.recall, d.total.precision, d.doc))
    for d in ranked[:worst]:
        s = d.total
        out.append(f"  P {s.precision:4.2f} R {s.recall:4.2f} ({s.found}/{s.labelled} found, "
                   f"{s.correct}/{s.predicted} right)  {d.doc}")
    reasons: dict[str, int] = defaultdict(int)
    for _node, reason in r.junk:
        reasons[reason] += 1
    out.append(f"-- junk bodies {len(r.junk)}/{r.bodies} ({r.junk_share:.1f}%): "
               + ", ".join(f"{k} {v}" for k, v in sorted(reasons.items())))
    for node, reason in r.junk[:15]:
        out.append(f"  {reason:<9} {node.name[:90]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=20, help="how many worst documents to list")
    args = parser.parse_args(argv)
    seed_labels = [read_labels(p) for p in seed_label_files()]
    corpus_labels = [read_labels(p) for p in corpus_files()]
    seeds = run("seeds", SEEDS, seed_labels, repeat=3)
    corpus = run("corpus", CORPUS, corpus_labels)
    lines: list[str] = []
    print_run(corpus, args.docs, lines)
    print_run(seeds, args.docs, lines)
    c, s = corpus.total(), seeds.total()
    lines.append(f"corpus P {c.precision:.2f} R {c.recall:.2f} junk {corpus.junk_share:.1f}% | "
                 f"seeds P {s.precision:.2f} R {s.recall:.2f} junk {seeds.junk_share:.1f}% | "
                 f"seeds extract {seeds.seconds:.2f}s")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
