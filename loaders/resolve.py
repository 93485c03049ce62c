"""Resolution: raw facts named as the documents name them -> canonical nodes with deterministic ids and
aliases (acronyms, brackets, the acronym table, curated groups), themes for priorities, statuses from mergers and
renames, and Document nodes that mention what they evidence.

Identity is scoped by place (loaders.places): a generic name is (place, name), so two areas' "Community Safety
Partnership" are two nodes; bodies of two documents merge only by the same qualified name, an alias or acronym
defined in the same document or place, or curation. An id is a function of the canonical name and the place, never
of character positions, document order or what else is loaded."""
from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from graph.model import ID_PREFIX, Evidence, Facts, Node, Relationship, slugify
from graph.schema import load_schema
from loaders.curation import Curation, load_curation
from loaders.mentions import generic_of_acronym, national_bodies, vocab
from loaders.places import DocumentPlaces, Identity, contains, document_places, normalise
from loaders.raw import Raw, Ref

__all__ = ["core", "normalise", "resolve", "themes_of"]

MAX_EVIDENCE = 8
NATION = frozenset(name for name, spec in vocab()["areas"].items() if spec.get("level") == "nation")
ACRONYM = re.compile(r"[A-Z][A-Za-z&]{1,8}")
GLOSSARY_METHODS = frozenset({"acronym-table"})
# Lines whose start (first set) or end (second) is always a body: an acronym there that no document defines still
# names a body (the far end of "led by", a grant's recipient may be an office or a service: "IDVA", "CCTV").
BODY_LINES = frozenset({"REPORTS_TO", "SUBGROUP_OF", "ACCOUNTABLE_TO", "PART_OF", "OVERSEES", "MEMBER_OF",
                        "MERGED_INTO", "SUCCEEDED_BY"})
BODY_STARTS = BODY_LINES | {"CHAIRED_BY", "VICE_CHAIRED_BY", "LED_BY", "COMMISSIONS", "FUNDS", "HAS_PRIORITY"}
BODY_ENDS = BODY_LINES | {"ALLOCATED_BY"}  # evidence from a glossary: its generic names are classes


@lru_cache(maxsize=1)
def _area_prefixes() -> list[str]:
    names: list[str] = []
    for name, spec in vocab()["areas"].items():
        names.append(normalise(name))
        names.extend(normalise(a) for a in spec.get("aliases") or [])
    names += ["llr", "sub regional", "county", "city", "district", "borough"]
    return sorted({n for n in names if n}, key=len, reverse=True)


def core(name: str) -> str:
    """The name without a leading place ("Leicestershire Substance Misuse Partnership Board" -> "substance ...")."""
    text = normalise(name)
    changed = True
    while changed:
        changed = False
        for prefix in _area_prefixes():
            if text.startswith(prefix + " ") and len(text) > len(prefix) + 1:
                text = text[len(prefix) + 1:]
                changed = True
                break
    return text


@lru_cache(maxsize=1)
def _theme_patterns() -> list[tuple[str, re.Pattern[str]]]:
    return [(theme, re.compile("|".join(words), re.I)) for theme, words in vocab()["themes"].items()]


def themes_of(text: str) -> list[str]:
    return [theme for theme, pattern in _theme_patterns() if pattern.search(text)]


class UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def is_acronym(alias: str) -> bool:
    return alias.isupper() or ACRONYM.fullmatch(alias) is not None


@dataclass
class Identities:
    """Keys of things as written at a place in a document: (place, core) for bodies, the name for the rest."""

    places: dict[str, DocumentPlaces]
    info: dict[str, Identity] = field(default_factory=dict)  # key -> identity
    named: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # core -> places named in names

    def raw_identity(self, name: str, doc: str, offset: int | None, surface: str | None = None,
                     method: str = "") -> Identity:
        places = self.places.get(doc)
        if places is None:
            return Identity("", normalise(name))
        return places.identity(name, offset, surface, glossary=method in GLOSSARY_METHODS)

    def learn(self, ident: Identity) -> None:
        """A name that carries its place ("Charnwood Community Safety Partnership") makes that place's body known."""
        self.info.setdefault(ident.key, ident)
        if ident.placed_by_name or ident.placed_by_sentence:
            self.named[ident.core].add(ident.place)

    def alias_identity(self, owner: str, alias: str, ev: Evidence) -> Identity:
        """A curated generic alias ("Police" for Leicestershire Police) holds in its body's own place, wherever
        the entry's quote happens to stand."""
        ident = self.raw_identity(alias, ev.doc, ev.start)
        if ev.method == "curated" and ident.generic and not ident.placed_by_name:
            home = self.raw_identity(owner, ev.doc, ev.start)
            if home.placed_by_name or (home.place and not home.generic):
                ident = Identity(home.place, ident.core, generic=True)
        return ident

    def body_key(self, name: str, doc: str, offset: int | None, surface: str | None = None,
                 method: str = "") -> str:
        ident = self.raw_identity(name, doc, offset, surface, method)
        ident = self.placed(ident, doc, offset)
        self.info.setdefault(ident.key, ident)
        return ident.key

    def placed(self, ident: Identity, doc: str, offset: int | None) -> Identity:
        """A name written without its place belongs to the nearest place around it whose body is named in full:
        "Police" in Leicester's chapter is the force area's police when only "Leicestershire Police" is named."""
        if ident.placed_by_name or ident.placed_by_sentence:
            return ident
        if ident.generic:
            if ident.place in self.named.get(ident.core, set()):
                return ident
            outer = [q for q in self.named.get(ident.core, set()) if q != ident.place and contains(q, ident.place)]
            return Identity(outer[0], ident.core, generic=True) if len(outer) == 1 else ident
        places = self.places.get(doc)
        if places is None or offset is None:
            return ident
        here = places.context(offset)
        named = self.named.get(ident.core, set())
        if here and here in named:
            return Identity(here, ident.core)
        outer = [q for q in named if here and contains(q, here)]
        return Identity(outer[0], ident.core) if len(outer) == 1 else ident


def _key(label: str, name: str, ids: Identities, ev: Evidence) -> str:
    if label == "Body":
        return ids.body_key(name, ev.doc, ev.start, ev.quote, ev.method)
    return normalise(name)


@dataclass
class Occurrences:
    """Where each name was written, with its key: a relationship's end takes the key of the same name written
    inside the relationship's evidence, so a line and its nodes never disagree about a place."""

    spots: dict[tuple[str, str, str], list[tuple[int, int, str]]] = field(default_factory=lambda: defaultdict(list))

    def add(self, label: str, name: str, ev: Evidence, key: str) -> None:
        self.spots[(ev.doc, label, name)].append((ev.start, ev.end, key))

    def within(self, label: str, name: str, ev: Evidence) -> str | None:
        for start, end, key in self.spots.get((ev.doc, label, name), []):
            if ev.start <= start and end <= ev.end:
                return key
        return None


def _alias_key(label: str, owner: str, alias: str, ids_of: Identities, ev: Evidence) -> str:
    if label != "Body":
        return normalise(alias)
    ident = ids_of.alias_identity(owner, alias, ev)
    if ident.place != ids_of.raw_identity(alias, ev.doc, ev.start).place:
        ids_of.info.setdefault(ident.key, ident)
        return ident.key
    return ids_of.body_key(alias, ev.doc, ev.start)


def _is_mention(name: str, ev: Evidence) -> bool:
    """Evidence that is the name as written (not the sentence or row it was found in)."""
    return len(ev.quote) <= len(name) + 4


def document_areas(raw: Raw, curation: Curation) -> dict[str, DocumentPlaces]:
    """Each document's places, its area the curated one where curation gives it (else inferred)."""
    documents = curation.entries.get("documents") or {}
    return {doc_id: document_places(doc, (documents.get(doc_id) or {}).get("area"))
            for doc_id, doc in raw.documents.items()}


def resolve(raw: Raw, curation: Curation | None = None, places: dict[str, DocumentPlaces] | None = None) -> Facts:
    curation = load_curation(raw.documents) if curation is None else curation
    curation.apply_to(raw)
    ids_of = Identities(places if places is not None else document_areas(raw, curation))
    for node in raw.nodes:
        if node.ref.label == "Body":
            ev = node.evidence
            ids_of.learn(ids_of.raw_identity(node.ref.name, ev.doc, ev.start, ev.quote, ev.method))
    for ref, alias, ev in raw.aliases:
        if ref.label == "Body" and not is_acronym(alias):
            ident = ids_of.alias_identity(ref.name, alias, ev)
            ids_of.learn(ident)
            if ev.method == "curated" and ident.generic and ident.place:
                ids_of.named[ident.core].add(ident.place)  # curation names that place's body
    facts = Facts()
    groups: dict[str, UnionFind] = defaultdict(UnionFind)
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (label, key) -> surface counts
    placed_surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    props: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    acronyms = _Acronyms()
    seen_at = Occurrences()
    named_nodes = [n for n in raw.nodes if n.ref.label not in {"Priority", "Allocation"}]
    for node in named_nodes:  # the names as written first: a sentence's evidence then finds them inside it
        if _is_mention(node.ref.name, node.evidence):
            seen_at.add(node.ref.label, node.ref.name, node.evidence,
                        _key(node.ref.label, node.ref.name, ids_of, node.evidence))
    for node in named_nodes:
        written = None if _is_mention(node.ref.name, node.evidence) else seen_at.within(
            node.ref.label, node.ref.name, node.evidence)
        key = (node.ref.label, written or _key(node.ref.label, node.ref.name, ids_of, node.evidence))
        groups[node.ref.label].find(key[1])
        surfaces[key][node.ref.name] += 1
        if node.ref.label == "Body" and ids_of.raw_identity(node.ref.name, node.evidence.doc, node.evidence.start,
                                                             node.evidence.quote).placed_by_name:
            placed_surfaces[key][node.ref.name] += 1
        if node.ref.name.isupper() and len(node.ref.name) <= 8:
            acronyms.define(node.evidence.doc, node.ref.name, key, ids_of)
        evidence[key].append(node.evidence)
        for k, v in node.properties.items():
            if k == "status":
                votes[key][v] += 1
            else:
                props[key].setdefault(k, v)
    # Aliases: acronym definitions and the acronym table (within their document), curated groups, brackets.
    alias_surfaces: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ref, alias, ev in raw.aliases:
        label = ref.label
        owner = (label, _key(label, ref.name, ids_of, ev))
        if is_acronym(alias):
            same = acronyms.define(ev.doc, alias, owner, ids_of)
            if same is not None and same[0] == label:
                groups[label].union(same[1], owner[1])
            alias_surfaces[owner].add(alias)
            evidence[owner].append(ev)
        else:
            alias_key = (label, _alias_key(label, ref.name, alias, ids_of, ev))
            groups[label].union(owner[1], alias_key[1])
            surfaces[alias_key][alias] += 1
            evidence[alias_key].append(ev)
    _acronym_led(groups, surfaces)
    _dated_laws(groups, surfaces, evidence, ids_of)
    pinned = _curated_canonicals(curation, ids_of)
    # Canonical names and ids.
    ids: dict[tuple[str, str], str] = {}
    mentioned: dict[str, dict[str, Evidence]] = defaultdict(dict)
    members: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (label, k) in list(surfaces):
        members[(label, groups[label].find(k))].append(k)
    for (label, _root), keys in sorted(members.items()):
        counter: Counter[str] = Counter()
        placed: Counter[str] = Counter()
        for k in keys:
            counter.update(surfaces[(label, k)])
            placed.update(placed_surfaces[(label, k)])
        canonical, node_id, place = _canonical(label, keys, counter, placed, pinned, ids_of)
        names = sorted(set(counter) - {canonical})
        for k in keys:
            names.extend(sorted(alias_surfaces.get((label, k), set())))
            ids[(label, k)] = node_id
        gathered: list[Evidence] = []
        node_props: dict[str, Any] = {}
        status_votes: Counter[str] = Counter()
        # The canonical name's own properties first: "Safer Leicester Partnership" is a partnership even when
        # one document calls it the "Safer Leicester Partnership Board".
        for k in sorted(keys, key=lambda key: (normalise(canonical) not in key, key)):
            gathered.extend(evidence[(label, k)])
            for pk, pv in props[(label, k)].items():
                node_props.setdefault(pk, pv)
            status_votes.update(votes[(label, k)])
        node_props.update(curation.properties_for(label, canonical))
        if label == "Body":
            node_props.setdefault("kind", "organisation")
            if place:
                node_props["place"] = place
            if node_props.get("status") is None:
                node_props["status"] = "proposed" if status_votes and set(status_votes) <= {"proposed"} else "current"
        if label == "Area":
            spec = vocab()["areas"].get(canonical, {})
            node_props["level"] = spec.get("level") or node_props.get("level")  # a council's place: its level
            node_props["within"] = _ancestors(canonical)
        for ev in gathered:
            mentioned[node_id].setdefault(ev.doc, ev)  # every document that names it, before the cap
        facts.add_node(Node(id=node_id, label=label, name=canonical, aliases=_unique(names, canonical),
                            properties={k: v for k, v in node_props.items() if v is not None},
                            evidence=_cap(gathered)))
    allocation_ids = _allocation_ids(raw)

    def ref_id(ref: Ref, ev: Evidence, body_line: bool = False) -> str | None:
        """The id of a raw end; an acronym no document defines is named only at an end of a line between bodies
        (`body_line`): elsewhere (a table's recipient, a role) it may be a service or an office."""
        if ref.label == "Acronym":
            owner = acronyms.owner(ev.doc, ref.name, ids_of, ev.start)
            if owner is None and body_line:
                owner = _undefined_acronym(ref.name, ev, facts, ids, ids_of)
                if owner is not None:
                    acronyms.define(ev.doc, ref.name, owner, ids_of)
            if owner is None:
                return None
            rescoped = acronyms.rescoped(owner, ev, ids_of)
            return ids.get(rescoped) or ids.get(owner)
        if ref.label == "CSPFor":
            return _csp_for(facts, ref.name)
        if ref.label == "Priority":
            owner_label, owner_name, text = ref.name.split("\x1f")
            owner_id = ref_id(Ref(owner_label, owner_name), ev, body_line=True)
            return None if owner_id is None else f"priority-{owner_id}-{slugify(text)[:60].rstrip('-')}"
        if ref.label == "Allocation":
            return allocation_ids.get((ref.name, ev.doc))
        written = seen_at.within(ref.label, ref.name, ev)
        key = (ref.label, written if written is not None else _key(ref.label, ref.name, ids_of, ev))
        if key in ids:
            return ids[key]
        return ids.get((ref.label, groups[ref.label].find(key[1])))

    _owned_nodes(raw, facts, ref_id)
    # Relationships (a rule's guess between the wrong kinds of thing is dropped, not written).
    schema = load_schema()
    for rel in raw.rels:
        if rel.type == "MEMBER_OF" and rel.start.label == "Acronym" and acronyms.owner(
                rel.evidence.doc, rel.start.name, ids_of, rel.evidence.start) is None and (
                generic_of_acronym(rel.start.name) is None):
            # An organisation the documents only ever abbreviate ("DCLG", "SOLACE") is still a member.
            acronym_id = slugify(rel.start.name)
            if acronym_id not in facts.nodes:
                facts.add_node(Node(id=acronym_id, label="Body", name=rel.start.name,
                                    properties={"kind": "organisation", "status": "current"},
                                    evidence=[rel.evidence]))
            ids[("Body", f"\x1f{normalise(rel.start.name)}")] = acronym_id
            acronyms.define(rel.evidence.doc, rel.start.name, ("Body", f"\x1f{normalise(rel.start.name)}"), ids_of)
        start = ref_id(rel.start, rel.evidence, rel.type in BODY_STARTS)
        end = ref_id(rel.end, rel.evidence, rel.type in BODY_ENDS)
        if start is None or end is None or start == end:
            continue
        if start not in facts.nodes or end not in facts.nodes:
            continue
        allowed = schema.relationships[rel.type]
        if facts.nodes[start].label not in allowed.starts or facts.nodes[end].label not in allowed.ends:
            continue
        facts.add_relationship(Relationship(type=rel.type, start=start, end=end, properties=dict(rel.properties),
                                            evidence=[rel.evidence]))
    for stored in facts.relationships.values():
        stored.evidence[:] = _cap(stored.evidence)
    _parts_named_after_wholes(facts)
    _statuses(facts)
    _documents(facts, raw, ids_of, mentioned)
    return facts


@lru_cache(maxsize=1)
def _national_aliases() -> dict[str, dict[str, Any]]:
    """A national body's acronym in the gazetteer ("MoJ") -> the body."""
    return {alias: spec for spec in national_bodies()["bodies"] for alias in spec.get("aliases") or []}


def _undefined_acronym(acronym: str, ev: Evidence, facts: Facts, ids: dict[tuple[str, str], str],
                       ids_of: Identities) -> tuple[str, str] | None:
    """The body an acronym the documents never define stands for, named and written when it is not yet: a national
    body whose acronym the gazetteer gives ("MoJ"); else the generic name it abbreviates, of the place it is
    written in ("the PCC" in a Suffolk report is Suffolk's Police and Crime Commissioner); else a body of the
    document's area named by the acronym alone ("PSAB"), never another area's body of the same letters."""
    places = ids_of.places.get(ev.doc)
    spec = _national_aliases().get(acronym)
    if spec is not None:
        key = ("Body", f"\x1f{normalise(spec['name'])}")
        node = Node(id=slugify(spec["name"]), label="Body", name=spec["name"], aliases=[acronym],
                    properties={"kind": spec.get("kind") or "organisation", "status": "current"}, evidence=[ev])
    elif (core_name := generic_of_acronym(acronym)) is not None:
        if places is None:
            return None
        key = ("Body", ids_of.body_key(core_name.title(), ev.doc, ev.start))
        ident = ids_of.info[key[1]]
        if key not in ids and (not ident.place or ident.place.startswith("doc:") or ident.place in NATION):
            return None  # the class ("CSPs" in a national report), never one body
        node = Node(id=slugify(f"{ident.place} {ident.core}"), label="Body", name=f"{ident.place} {core_name.title()}",
                    aliases=[acronym], properties={"kind": "organisation", "status": "current", "place": ident.place},
                    evidence=[ev])
    else:
        area = places.area if places is not None else ""
        key = ("Body", f"{area}\x1f{normalise(acronym)}")
        node = Node(id=slugify(f"{acronym} {area}"), label="Body", name=acronym,
                    properties={"kind": "organisation", "status": "current", **({"place": area} if area else {})},
                    evidence=[ev])
    if key not in ids:
        if node.id not in facts.nodes:
            facts.add_node(node)
        ids[key] = node.id
    return key


class _Acronyms:
    """Acronyms defined in a document stand for their body in that document and in that place only, so another
    area's "SLP" never captures the Safer Leicester Partnership."""

    def __init__(self) -> None:
        self.by_doc: dict[tuple[str, str], tuple[str, str]] = {}
        self.by_place: dict[tuple[str, str], tuple[str, str]] = {}

    def define(self, doc: str, acronym: str, owner: tuple[str, str], ids_of: Identities) -> tuple[str, str] | None:
        """Record a definition; returns the earlier owner of the same acronym in the same document, if any."""
        earlier = self.by_doc.get((doc, acronym))
        ident = ids_of.info.get(owner[1])
        if earlier is None:
            self.by_doc[(doc, acronym)] = owner
        elif ident is not None and ident.generic:
            before = ids_of.info.get(earlier[1])
            if before is not None and before.generic and before.core == ident.core:
                return None  # "JAG" of two places' Joint Action Groups: the generic name, not one body
        if ident is not None and ident.place and not ident.place.startswith("doc:"):
            self.by_place.setdefault((ident.place, acronym), owner)
        return earlier if earlier != owner else None

    def owner(self, doc: str, acronym: str, ids_of: Identities, offset: int) -> tuple[str, str] | None:
        for name in (acronym, acronym.rstrip("s")):
            found = self.by_doc.get((doc, name))
            if found is not None:
                return found
        places = ids_of.places.get(doc)
        if places is None:
            return None
        here = places.context(offset)
        for name in (acronym, acronym.rstrip("s")):
            found = self.by_place.get((here, name))
            if found is not None:
                return found
            # the body of a place around this one ("CSPB", the LLR board, in a Leicestershire report)
            outer = sorted({owner for (place, acr), owner in self.by_place.items()
                            if acr == name and here and place != here and contains(place, here)})
            if len(outer) == 1:
                return outer[0]
        return self.national(doc, acronym, ids_of)

    def national(self, doc: str, acronym: str, ids_of: Identities) -> tuple[str, str] | None:
        """An acronym of a body that belongs to no place ("LGA", "NOMS"), defined in a document of a related area
        (one takes in the other: the landscape document's acronym table serves the national reports beside it):
        never another area's body."""
        area = ids_of.places[doc].area if doc in ids_of.places else ""
        for (other, name), owner in sorted(self.by_doc.items()):
            if name != acronym or other == doc or other not in ids_of.places:
                continue
            ident = ids_of.info.get(owner[1]) if owner[0] == "Body" else None
            if ident is not None and ident.place:
                continue  # a place's body (a class, "CSP", holds everywhere)
            other_places = ids_of.places[other]
            if other_places.place_within(owner[1].split("\x1f")[-1]) is not None:
                continue  # "Safer Leicester Partnership" belongs to Leicester
            there = other_places.area
            if area and there and (contains(there, area) or contains(area, there)):
                return owner
        return None

    def rescoped(self, owner: tuple[str, str], ev: Evidence, ids_of: Identities) -> tuple[str, str]:
        """"LSCB" of a generic name stands for the generic name in the place it is written ("Leicester City has
        both a LSCB and SAB" is the city's board, whatever board defined the acronym)."""
        ident = ids_of.info.get(owner[1])
        places = ids_of.places.get(ev.doc)
        if ident is None or not ident.generic or places is None:
            return owner
        here = Identity(places.context(ev.start) or ident.place, ident.core, generic=True)
        return owner[0], ids_of.placed(here, ev.doc, ev.start).key


def _acronym_led(groups: dict[str, UnionFind], surfaces: dict[tuple[str, str], Counter[str]]) -> None:
    """"LAA Champions Group" is the "Champions Group": a leading acronym qualifies a name as a place does."""
    body_keys = {k for (label, k) in surfaces if label == "Body"}
    for k in sorted(body_keys):
        led = [s for s in surfaces[("Body", k)] if re.match(r"[A-Z]{2,6} [A-Z][a-z]", s)]
        if not led:
            continue
        place = k.split("\x1f", 1)[0]
        rest = f"{place}\x1f{normalise(led[0].split(' ', 1)[1])}"
        if rest != k and len(rest.split("\x1f", 1)[1].split()) >= 2 and rest in body_keys:
            groups["Body"].union(k, rest)


def _dated_laws(groups: dict[str, UnionFind], surfaces: dict[tuple[str, str], Counter[str]],
                evidence: dict[tuple[str, str], list[Evidence]], ids_of: Identities) -> None:
    """"Civil Contingencies Act" is the "Civil Contingencies Act 2004" when only one year is seen for it in the
    documents of related areas (the same document, or one area taking in the other: a national report and a
    county's), so an unrelated area's document never moves this one's id."""
    law_keys = [k for (label, k) in surfaces if label == "Legislation"]
    areas = {k: {ids_of.places[ev.doc].area if ev.doc in ids_of.places else f"doc:{ev.doc}"
                 for ev in evidence[("Legislation", k)]} | {f"doc:{ev.doc}" for ev in evidence[("Legislation", k)]}
             for k in law_keys}

    def related(a: set[str], b: set[str]) -> bool:
        return bool(a & b) or any(x and y and not x.startswith("doc:") and not y.startswith("doc:")
                                  and (contains(x, y) or contains(y, x)) for x in a for y in b)

    for k in law_keys:
        dated = [d for d in law_keys if re.fullmatch(re.escape(k) + r" (?:19|20)\d\d", d) and related(areas[d], areas[k])]
        if len(dated) == 1:
            groups["Legislation"].union(k, dated[0])


def _curated_canonicals(curation: Curation, ids_of: Identities) -> dict[tuple[str, str], str]:
    """(label, key) -> the canonical name curation fixes for it, keys taken where the entry's quote stands."""
    out: dict[tuple[str, str], str] = {}
    for label, canonical, names, ev in curation.groups:
        out.setdefault((label, _key(label, canonical, ids_of, ev)), canonical)
        for name in [n for n in names if not is_acronym(n)]:
            out.setdefault((label, _alias_key(label, canonical, name, ids_of, ev)), canonical)
    return out


def _canonical(label: str, keys: list[str], counter: Counter[str], placed: Counter[str],
               pinned: dict[tuple[str, str], str], ids_of: Identities) -> tuple[str, str, str]:
    """(canonical name, id, place) of one group. Curation wins; else a name that carries its place; else the most
    used name, qualified by its place when it is generic ("Joint Action Group" in Rutland's chapter ->
    "Rutland Joint Action Group"); a generic name in a national document is the class ("Community Safety
    Partnership")."""
    for k in sorted(keys):
        if (label, k) in pinned:
            canonical = pinned[(label, k)]
            return canonical, ID_PREFIX[label] + slugify(canonical), _place_of(label, keys, ids_of)
    place = _place_of(label, keys, ids_of)
    idents = [ids_of.info.get(k) for k in sorted(keys)] if label == "Body" else []
    ident = idents[0] if idents else None
    generic = bool(idents) and all(i is not None and i.generic for i in idents)
    if not generic:
        best = sorted(counter.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        return best, ID_PREFIX[label] + slugify(best), place
    assert ident is not None
    pool = placed if placed else counter
    best = sorted(pool.items(), key=lambda kv: (_plural(kv[0]), _shortened(kv[0]), -kv[1], -len(kv[0]), kv[0]))[0][0]
    if placed and _shortened(best) and ident.place and not ident.place.startswith("doc:"):
        # only "Craven CSP" or "Police and Crime Commissioner for Suffolk" is written: the id is the one the name in
        # its usual order and in full ("Suffolk Police and Crime Commissioner") has, whichever is written later
        return best, slugify(f"{ident.place} {ident.core}"), place
    if placed:
        return best, slugify(best), place
    if not ident.place or ident.place in NATION:
        return best, slugify(ident.core), ""
    if ident.place.startswith("doc:"):
        return best, slugify(f"{ident.core} {ident.place[4:]}"), ""
    return f"{ident.place} {best}", slugify(f"{ident.place} {ident.core}"), ident.place


_PLACE_AFTER_NAME = re.compile(r"\s(?:for|of|at|in|covering)\s(?:the\s)?[A-Z]")


def _shortened(name: str) -> bool:
    """A generic name written with an acronym for its words ("Craven CSP") or with its place after it ("CSP for North
    Yorkshire"), not in the usual full order."""
    last = name.split()[-1] if name.split() else ""
    return (last.rstrip("s").isupper() and len(last) >= 2) or _PLACE_AFTER_NAME.search(name) is not None


def _place_of(label: str, keys: list[str], ids_of: Identities) -> str:
    if label != "Body":
        return ""
    for k in sorted(keys):
        ident = ids_of.info.get(k)
        if ident is not None and ident.place and not ident.place.startswith("doc:") and ident.place not in NATION:
            return ident.place
    return ""


def _plural(name: str) -> bool:
    last = name.split()[-1] if name.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us")) and not last.isupper()


def _allocation_ids(raw: Raw) -> dict[tuple[str, str], str]:
    """Stable allocation ids, per (raw name, document): the document and a digest of the row or sentence and its
    figures, never a character position, so an edit elsewhere in the document leaves them alone (and two
    documents whose raw names happen to agree keep two allocations)."""
    out: dict[tuple[str, str], str] = {}
    seen: Counter[str] = Counter()
    for node in raw.nodes:
        if node.ref.label != "Allocation" or (node.ref.name, node.evidence.doc) in out:
            continue
        # the row or sentence as written and its column headers: what extraction makes of them may improve,
        # the words do not
        content = "\x1f".join(str(x) for x in (node.evidence.quote, node.properties.get("columns")))
        digest = hashlib.sha1(content.encode("utf-8")).hexdigest()[:10]
        base = f"allocation-{slugify(node.evidence.doc)}-{digest}"
        seen[base] += 1
        out[(node.ref.name, node.evidence.doc)] = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return out


def _owned_nodes(raw: Raw, facts: Facts, ref_id: Any) -> None:
    """Priorities and allocations: their ids depend on their owners; themes for priorities."""
    for node in raw.nodes:
        if node.ref.label not in {"Priority", "Allocation"}:
            continue
        found_id = ref_id(node.ref, node.evidence)
        if found_id is None:
            continue
        name = node.properties.get("text") or node.properties.get("purpose") or found_id
        p = dict(node.properties)
        if node.ref.label == "Allocation":
            name = f"£{p.get('amount_gbp', 0):,} {p.get('purpose', '')}".strip()
        facts.add_node(Node(id=found_id, label=node.ref.label, name=str(name)[:200], properties=p,
                            evidence=[node.evidence]))
        if node.ref.label == "Priority":
            for theme in themes_of(str(p.get("text", ""))):
                theme_id = "theme-" + slugify(theme)
                facts.add_node(Node(id=theme_id, label="Theme", name=theme, evidence=[node.evidence]))
                facts.add_relationship(Relationship(type="ABOUT", start=found_id, end=theme_id,
                                                    evidence=[node.evidence]))
    for theme_node in [n for n in facts.nodes.values() if n.label == "Theme"]:
        theme_node.evidence[:] = _cap(theme_node.evidence)


def _ancestors(area: str) -> list[str]:
    """The areas an area lies within, nearest first ("Charnwood" -> Leicestershire, LLR, East Midlands...)."""
    areas = vocab()["areas"]
    out: list[str] = []
    parent = areas.get(area, {}).get("part_of")
    while parent and parent not in out:
        out.append(parent)
        parent = areas.get(parent, {}).get("part_of")
    return out


def _parts_named_after_wholes(facts: Facts) -> None:
    """"City Partnership Board" is part of "City Partnership": the name says so, and is the evidence."""
    bodies = {n.name: n for n in facts.nodes.values() if n.label == "Body"}
    for node in list(bodies.values()):
        match = re.fullmatch(r"(.+) (?:Executive Board|Board|Executive)", node.name)
        if match is None or match.group(1) not in bodies:
            continue
        whole = bodies[match.group(1)]
        if whole.id == node.id or whole.properties.get("kind") in {"board", "executive"}:
            continue
        facts.add_relationship(Relationship(type="PART_OF", start=node.id, end=whole.id,
                                            properties={"status": "current"}, evidence=node.evidence[:1]))


def _csp_for(facts: Facts, area: str) -> str | None:
    area_id = "area-" + slugify(area)
    covering = [r.start for r in facts.relationships.values() if r.type == "COVERS" and r.end == area_id]
    bodies = [facts.nodes[b] for b in covering if b in facts.nodes]
    csps = [b for b in bodies if re.search(r"community safety partnership|safer .*partnership", b.name, re.I)]
    csps.sort(key=lambda b: (0 if "community safety partnership" in b.name.lower() else 1, len(b.name)))
    return csps[0].id if csps else None


def _statuses(facts: Facts) -> None:
    for rel in facts.relationships.values():
        node = facts.nodes[rel.start]
        if node.label != "Body":
            continue
        if rel.type == "MERGED_INTO":
            node.properties["status"] = "merged"
            if rel.properties.get("valid_from"):
                node.properties.setdefault("valid_to", rel.properties["valid_from"])
        elif rel.type == "SUCCEEDED_BY" and node.properties.get("status") != "merged":
            node.properties["status"] = "renamed"
            if rel.properties.get("valid_from"):
                node.properties.setdefault("valid_to", rel.properties["valid_from"])


def _documents(facts: Facts, raw: Raw, ids_of: Identities, mentioned: dict[str, dict[str, Evidence]]) -> None:
    from loaders.curation import document_metadata

    for doc in raw.documents.values():
        meta, ev = document_metadata(doc, raw)
        area = ids_of.places[doc.id].area if doc.id in ids_of.places else ""
        facts.add_node(Node(id="doc-" + doc.id, label="Document", name=meta.get("title") or doc.id,
                            properties={"file": doc.path.name, "chars": len(doc.text), "sha256": doc.sha256,
                                        **({"area": area} if area else {}),
                                        **{k: v for k, v in meta.items() if k != "title"}},
                            evidence=[ev]))
    seen: Counter[str] = Counter()
    for finding in raw.findings:
        # The document, the rule and a digest of the message: not the finding's place in the load order.
        digest = hashlib.sha1(f"{finding.rule}\x1f{finding.message}".encode()).hexdigest()[:8]
        fid = f"finding-{slugify(finding.doc)}-{digest}"
        seen[fid] += 1
        fid = fid if seen[fid] == 1 else f"{fid}-{seen[fid]}"
        facts.add_node(Node(id=fid, label="Finding", name=finding.message[:120],
                            properties={"rule": finding.rule, "message": finding.message, "line": finding.line,
                                        "severity": "warning"}, evidence=list(finding.evidence)))
        facts.add_relationship(Relationship(type="HAS_FINDING", start="doc-" + finding.doc, end=fid,
                                            evidence=list(finding.evidence)))
        facts.findings.append(finding)
    for node in list(facts.nodes.values()):
        if node.label in {"Document", "Finding"}:
            continue
        first = dict(mentioned.get(node.id, {}))
        for ev in node.evidence:
            first.setdefault(ev.doc, ev)
        for ev in first.values():
            facts.add_relationship(Relationship(type="MENTIONS", start="doc-" + ev.doc, end=node.id, evidence=[ev]))


def _unique(names: list[str], canonical: str) -> list[str]:
    out: list[str] = []
    seen = {normalise(canonical)}
    for n in names:
        key = n if n.isupper() else normalise(n)
        if key not in seen and n not in out:
            out.append(n)
            seen.add(key)
    return out


def _cap(evidence: list[Evidence]) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[tuple[str, int, int]] = set()
    for ev in evidence:
        if (ev.doc, ev.start, ev.end) not in seen:
            out.append(ev)
            seen.add((ev.doc, ev.start, ev.end))
    return out[:MAX_EVIDENCE]
