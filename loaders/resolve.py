"""Resolution: raw facts named as the documents name them -> canonical nodes with deterministic ids and
aliases (acronyms, brackets, the acronym table, area-prefixed variants, curated groups), themes for
priorities, statuses from mergers and renames, and Document nodes that mention what they evidence."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from graph.model import ID_PREFIX, Evidence, Facts, Node, Relationship, slugify
from graph.schema import load_schema
from loaders.curation import Curation, load_curation
from loaders.mentions import vocab
from loaders.raw import Raw, Ref

MAX_EVIDENCE = 8


def normalise(name: str) -> str:
    text = name.lower().replace("&", " and ").replace("\u2019", "'")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"^her majesty'?s\s+", "hm ", text)
    text = re.sub(r"'s?\b", "", text)
    text = re.sub(r"well[\s-]+being", "wellbeing", text)
    text = re.sub(r"re[\s-]+offend", "reoffend", text)
    text = re.sub(r"co[\s-]+ordinat", "coordinat", text)
    text = re.sub(r"sub[\s-]+group", "subgroup", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


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


def resolve(raw: Raw, curation: Curation | None = None) -> Facts:
    curation = load_curation(raw.documents) if curation is None else curation
    curation.apply_to(raw)
    facts = Facts()
    groups: dict[str, UnionFind] = defaultdict(UnionFind)
    surfaces: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)  # (label, norm) -> surface counts
    evidence: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    props: dict[tuple[str, str], dict[str, Any]] = defaultdict(dict)
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for node in raw.nodes:
        if node.ref.label in {"Priority", "Allocation"}:
            continue
        key = (node.ref.label, normalise(node.ref.name))
        groups[node.ref.label].find(key[1])
        surfaces[key][node.ref.name] += 1
        evidence[key].append(node.evidence)
        for k, v in node.properties.items():
            if k == "status":
                votes[key][v] += 1
            else:
                props[key].setdefault(k, v)
    # Aliases: acronym definitions, the acronym table and curated groups join names into one thing.
    acronyms: dict[str, tuple[str, str]] = {}
    alias_surfaces: dict[tuple[str, str], set[str]] = defaultdict(set)
    for ref, alias, ev in raw.aliases:
        label = ref.label
        name_key = normalise(ref.name)
        alias_key = normalise(alias)
        if alias.isupper() or re.fullmatch(r"[A-Z][A-Za-z&]{1,8}", alias):
            owner = acronyms.get(alias)
            if owner is None:
                acronyms[alias] = (label, name_key)
            elif owner[0] == label:
                groups[label].union(owner[1], name_key)
            alias_surfaces[(label, name_key)].add(alias)
            evidence[(label, name_key)].append(ev)
        else:
            groups[label].union(name_key, alias_key)
            surfaces[(label, alias_key)][alias] += 1
            evidence[(label, alias_key)].append(ev)
    # Area-prefixed variants of one name: joined when the bare core names exactly one prefixed body.
    by_core: dict[str, set[str]] = defaultdict(set)
    body_keys = [k for (label, k) in surfaces if label == "Body"]
    for k in body_keys:
        c = core(k)
        if c != k and len(c.split()) >= 2:
            by_core[c].add(k)
        # "LAA Champions Group" is the "Champions Group": a leading acronym qualifies the name like a place does
        acronym_led = [s for s in surfaces[("Body", k)] if re.match(r"[A-Z]{2,6} [A-Z][a-z]", s)]
        if acronym_led:
            rest = normalise(acronym_led[0].split(" ", 1)[1])
            if len(rest.split()) >= 2 and rest != k:
                by_core[rest].add(k)
    for k in body_keys:
        longer = by_core.get(k)
        if longer and len(longer) == 1:
            groups["Body"].union(k, next(iter(longer)))
    # "Civil Contingencies Act" is the "Civil Contingencies Act 2004" when only one year is seen for it.
    law_keys = [k for (label, k) in surfaces if label == "Legislation"]
    for k in law_keys:
        dated = [d for d in law_keys if re.fullmatch(re.escape(k) + r" (?:19|20)\d\d", d)]
        if len(dated) == 1:
            groups["Legislation"].union(k, dated[0])
    # Canonical names and ids.
    ids: dict[tuple[str, str], str] = {}
    members: dict[tuple[str, str], list[str]] = defaultdict(list)
    for (label, k) in list(surfaces):
        root = groups[label].find(k)
        members[(label, root)].append(k)
    for (label, _root), keys in members.items():
        counter: Counter[str] = Counter()
        for k in keys:
            counter.update(surfaces[(label, k)])
        pinned = curation.canonical_for(label, {normalise(n) for n in counter} | set(keys))
        if pinned is not None:
            canonical = pinned
        else:
            canonical = sorted(counter.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]
        node_id = ID_PREFIX[label] + slugify(canonical)
        names = sorted(set(counter) - {canonical})
        for k in keys:
            names.extend(sorted(alias_surfaces.get((label, k), set())))
            ids[(label, k)] = node_id
        gathered: list[Evidence] = []
        node_props: dict[str, Any] = {}
        status_votes: Counter[str] = Counter()
        # The canonical name's own properties first: "Safer Leicester Partnership" is a partnership even when
        # one document calls it the "Safer Leicester Partnership Board".
        for k in sorted(keys, key=lambda key: (key != normalise(canonical), key)):
            gathered.extend(evidence[(label, k)])
            for pk, pv in props[(label, k)].items():
                node_props.setdefault(pk, pv)
            status_votes.update(votes[(label, k)])
        node_props.update(curation.properties_for(label, canonical))
        if label == "Body":
            node_props.setdefault("kind", "organisation")
            if node_props.get("status") is None:
                node_props["status"] = "proposed" if status_votes and set(status_votes) <= {"proposed"} else "current"
        if label == "Area":
            spec = vocab()["areas"].get(canonical, {})
            node_props["level"] = spec.get("level") or node_props.get("level")  # a council's place: its level
            node_props["within"] = _ancestors(canonical)
        facts.add_node(Node(id=node_id, label=label, name=canonical, aliases=_unique(names, canonical),
                            properties={k: v for k, v in node_props.items() if v is not None},
                            evidence=_cap(gathered)))
        for alias in _unique(names, canonical):
            if alias.isupper():
                acronyms.setdefault(alias, (label, keys[0]))

    def ref_id(ref: Ref) -> str | None:
        if ref.label == "Acronym":
            owner = acronyms.get(ref.name) or acronyms.get(ref.name.rstrip("s"))
            return ids.get(owner) if owner else None
        if ref.label == "CSPFor":
            return _csp_for(facts, ref.name)
        if ref.label == "Priority":
            owner_label, owner_name, text = ref.name.split("\x1f")
            owner_id = ref_id(Ref(owner_label, owner_name))
            return None if owner_id is None else f"priority-{owner_id}-{slugify(text)[:60].rstrip('-')}"
        if ref.label == "Allocation":
            return ref.name
        key = (ref.label, normalise(ref.name))
        if key in ids:
            return ids[key]
        if ref.label == "Body":
            root = groups["Body"].find(key[1])
            return ids.get(("Body", root))
        return None

    # Priorities and allocations: their ids depend on their owners.
    for node in raw.nodes:
        if node.ref.label not in {"Priority", "Allocation"}:
            continue
        found_id = ref_id(node.ref)
        if found_id is None:
            continue
        node_id = found_id
        name = node.properties.get("text") or node.properties.get("purpose") or node_id
        p = dict(node.properties)
        if node.ref.label == "Allocation":
            name = f"£{p.get('amount_gbp', 0):,} {p.get('purpose', '')}".strip()
        facts.add_node(Node(id=node_id, label=node.ref.label, name=str(name)[:200], properties=p,
                            evidence=[node.evidence]))
        if node.ref.label == "Priority":
            for theme in themes_of(str(p.get("text", ""))):
                theme_id = "theme-" + slugify(theme)
                facts.add_node(Node(id=theme_id, label="Theme", name=theme, evidence=[node.evidence]))
                facts.add_relationship(Relationship(type="ABOUT", start=node_id, end=theme_id,
                                                    evidence=[node.evidence]))
    for theme_node in [n for n in facts.nodes.values() if n.label == "Theme"]:
        theme_node.evidence[:] = _cap(theme_node.evidence)
    # Relationships (a rule's guess between the wrong kinds of thing is dropped, not written).
    schema = load_schema()
    for rel in raw.rels:
        if rel.type == "MEMBER_OF" and rel.start.label == "Acronym" and ref_id(rel.start) is None:
            # An organisation the documents only ever abbreviate ("DCLG", "SOLACE") is still a member.
            acronym_id = slugify(rel.start.name)
            if acronym_id not in facts.nodes:
                facts.add_node(Node(id=acronym_id, label="Body", name=rel.start.name,
                                    properties={"kind": "organisation", "status": "current"},
                                    evidence=[rel.evidence]))
            ids[("Body", normalise(rel.start.name))] = acronym_id
            acronyms[rel.start.name] = ("Body", normalise(rel.start.name))
        start, end = ref_id(rel.start), ref_id(rel.end)
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
    _documents(facts, raw)
    return facts


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


def _documents(facts: Facts, raw: Raw) -> None:
    from loaders.curation import document_metadata

    for doc in raw.documents.values():
        meta, ev = document_metadata(doc, raw)
        facts.add_node(Node(id="doc-" + doc.id, label="Document", name=meta.get("title") or doc.id,
                            properties={"file": doc.path.name, "chars": len(doc.text), "sha256": doc.sha256,
                                        **{k: v for k, v in meta.items() if k != "title"}},
                            evidence=[ev]))
    for finding_no, finding in enumerate(raw.findings, start=1):
        fid = f"finding-{finding.doc[:3]}-{finding_no}"
        facts.add_node(Node(id=fid, label="Finding", name=finding.message[:120],
                            properties={"rule": finding.rule, "message": finding.message, "line": finding.line,
                                        "severity": "warning"}, evidence=list(finding.evidence)))
        facts.add_relationship(Relationship(type="HAS_FINDING", start="doc-" + finding.doc, end=fid,
                                            evidence=list(finding.evidence)))
        facts.findings.append(finding)
    for node in list(facts.nodes.values()):
        if node.label in {"Document", "Finding"}:
            continue
        seen: set[str] = set()
        for ev in node.evidence:
            if ev.doc in seen:
                continue
            seen.add(ev.doc)
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
