"""The document walk that runs the stages in order: structure (loaders.structure) into sections and blocks,
mentions (loaders.mentions) per sentence with the context rules need (the section's body, the body in focus,
anaphors such as "the Board" resolved to the heading's body), the grammar (loaders.relations), the registered
rules (loaders.rules) per sentence, list and label line, tables (loaders.tables) and money in sentences
(loaders.money_text). It writes raw facts that name things as the text does; loaders.resolve gives them ids.
Still here, to move into rules next: renames and establishment dates."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from graph.model import Evidence, Facts, Finding
from loaders import anaphora, relations, rules
from loaders.curation import load_curation
from loaders.mentions import ROLE_WORDS, Mention, find_mentions, find_roles, initials, self_defined_bodies, vocab
from loaders.money_text import money_records, sentence_money
from loaders.places import DocumentPlaces, document_places
from loaders.raw import Raw, Ref
from loaders.read import Document, DocumentError
from loaders.resolve import document_areas, resolve
from loaders.rules import chairs, priorities
from loaders.rules.registry import rules_for
from loaders.structure import Block, Sentence, blocks_of, clean_view, sections_of, sentences_of
from loaders.tables import extract_acronyms, extract_table, prose_allocations

COUNCIL = re.compile(r"\b((?:[A-Z][a-z]+)(?:(?: and | & | )[A-Z][a-z]+){0,3}) (District|Borough|County|City) Council\b")
COUNCIL_LEVEL = {"District": "district", "Borough": "district", "County": "county", "City": "city"}


def council_areas(text: str) -> dict[str, dict[str, Any]]:
    """Places named by councils in a text ("Eastbury Borough Council" names the district Eastbury), for areas the
    gazetteer does not know: each with its level."""
    known = {name.lower() for name in vocab()["areas"]} | {
        a.lower() for spec in vocab()["areas"].values() for a in spec.get("aliases") or []}
    stop = set(vocab()["start_stopwords"]) | {"District", "Borough", "County", "City", "Council", "Councils"}
    stop |= ROLE_WORDS | {"Executive", "Officer", "Officers"}
    squeezed = {k.replace(" ", "") for k in known}
    found: dict[str, dict[str, Any]] = {}
    for match in COUNCIL.finditer(text):
        words: list[str] = []
        for word in reversed(match.group(1).split()):  # "Chief Executive Northwest Leicestershire": the place ends it
            if word in stop:
                break
            words.insert(0, word)
        while words and words[0] in {"and", "&"}:
            words = words[1:]
        name = " ".join(words).replace(" & ", " and ")
        if not words or name.lower() in known or name.lower().replace(" ", "") in squeezed:
            continue
        found.setdefault(name, {"level": COUNCIL_LEVEL[match.group(2)], "aliases": [], "council": True})
    return found


def _area_names() -> frozenset[str]:
    """Single-word place names, the only words a comma may join inside a name ("Leicester, Leicestershire")."""
    return frozenset(name for name in vocab()["areas"] if " " not in name and "," not in name)


HEAD_KIND: dict[str, str] = {}


def body_kind(head: str) -> str:
    if not HEAD_KIND:
        HEAD_KIND.update(vocab()["body_heads"])
    return HEAD_KIND.get(head, "organisation")


class DocumentExtractor:
    """Walks one document's sections and sentences, keeping the context rules need: the section's subject,
    the body in focus (the last sentence subject) and recent mentions for anaphora."""

    def __init__(self, doc: Document, raw: Raw, known: list[tuple[str, str]] | None = None,
                 places: DocumentPlaces | None = None) -> None:
        self.known = [(re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])"), name, label)
                      for name, label in (known or [])]
        self.doc = doc
        self.raw = raw
        self.clean = clean_view(doc.text)
        # Places the gazetteer does not know, named by their councils ("Eastbury Borough Council" -> Eastbury).
        self.local_areas = council_areas(self.clean)
        self.areas = _area_names() | frozenset(n for n in self.local_areas if " " not in n)
        self.area_table: dict[str, dict[str, Any]] = {**self.local_areas, **vocab()["areas"]}
        self.subject: Mention | None = None
        self.focus: Mention | None = None
        self.recent: list[Mention] = []
        # Bodies that headed sections since the last chapter (an area or numbered heading), for anaphors whose
        # body headed an earlier section of the chapter ("The Partnership" under "Domestic Abuse", in Rutland's).
        self.section_subjects: list[Mention] = []
        # The place of each section, as resolution reads it (loaders.places): a heading naming a place opens its
        # scope, a numbered chapter heading naming none ends it.
        self.places = places if places is not None else document_places(doc)
        self.memory = anaphora.Memory()  # what "it", "the project" and "All four Boards" may point back to
        self.paragraph: Block | None = None
        self.body_names: set[str] = set()  # bodies named so far in this document
        self.in_funding = False
        self.stream_context: Ref | None = None
        self.funder: Mention | None = None
        self.default_funder: Mention | None = None
        self.blocks: list[Block] = []
        self.heading: Block | None = None  # the heading of the section being walked
        # A section that ends with "... is made up of:" hands its intro to the list under the next sub-heading.
        self.pending_intro: tuple[Sentence, list[Mention]] | None = None
        self.table_count = 0
        self.defined: set[str] = set()  # acronyms this document has defined so far
        self.table_allocators: dict[str, Ref] = {}
        self.column_periods: list[str] = []
        self.numbered_priority: tuple[int, Ref] | None = None  # the last "Priority N - ..." line and its holder
        self.priorities_named_by: tuple[Ref, int] | None = None  # the last body a sentence said has priorities
        # Grammar lines naming an acronym not yet defined: written at the end (see write_deferred).
        self.deferred: list[tuple[str, Mention, Mention, Evidence, dict[str, Any]]] = []

    # -- helpers ---------------------------------------------------------------------------------------
    def mentions_in(self, text: str, offset: int) -> list[Mention]:
        """Names found by the rules, plus names the curation file declares (which have no head noun)."""
        found = find_mentions(text, offset, self.areas)
        for pattern, name, label in self.known:
            for match in pattern.finditer(text):
                s, e = offset + match.start(), offset + match.end()
                if any(m.start < e and s < m.end for m in found):
                    continue
                found.append(Mention(label, name, s, e, head=name.split()[-1]))
        for role in find_roles(text, offset):
            if not any(m.start < role.end and role.start < m.end for m in found):
                found.append(role)
        found.sort(key=lambda m: m.start)
        return found

    def ev(self, start: int, end: int, method: str) -> Evidence:
        return self.doc.evidence(start, end, method)

    def body_ref(self, m: Mention) -> Ref:
        return Ref("Body", m.name)

    def local_council(self, m: Mention) -> Mention | None:
        """"the County Council" in Rutland's chapter is Rutland County Council, when the document names it."""
        place = self.places.section_place(m.start) if m.label == "Body" and m.name in GENERIC_COUNCILS else ""
        if not place:
            return None
        local = f"{place} {m.name}"
        if local not in self.body_names:
            return None
        return Mention("Body", local, m.start, m.end, head=m.head, possessive=m.possessive)

    def register(self, m: Mention, method: str = "name") -> Ref | None:
        """Record a named thing (with its evidence); returns its ref."""
        m = self.local_council(m) or m
        ev = self.ev(m.start, m.end, method)
        if m.label == "Body":
            ref = Ref("Body", m.name)
            self.body_names.add(m.name)
            self.raw.node(ref, ev, kind=m.kind or body_kind(m.head))
            if m.acronym:
                self.defined.add(m.acronym)
                self.raw.aliases.append((ref, m.acronym, ev))
            return ref
        if m.label in {"Programme", "FundingStream"}:
            ref = Ref(m.label, m.name)
            self.raw.node(ref, ev)
            if m.acronym:
                self.raw.aliases.append((ref, m.acronym, ev))
            return ref
        if m.label == "Legislation":
            name = re.sub(r"\s+", " ", m.name)
            year = re.search(r"(?:19|20)\d{2}", name)
            ref = Ref("Legislation", name)
            self.raw.node(ref, ev, year=int(year.group()) if year else None)
            return ref
        if m.label == "Acronym":
            return Ref("Acronym", m.name)
        return None

    def resolve_anaphor(self, m: Mention) -> Mention | None:
        head = m.head
        determiner = m.name.split()[0].lower() if m.name.split() else ""
        candidates = [self.focus, self.subject] if determiner != "this" else [self.focus, *reversed(self.recent)]
        for c in candidates:
            if c is not None and c.label == "Body" and c.head == head:
                return c
        for c in reversed(self.recent):
            if c.label == "Body" and c.head == head:
                return c
        for c in reversed(self.section_subjects):
            if c.head == head:
                return c
        return None

    def resolved(self, mentions: list[Mention]) -> list[Mention]:
        """Mentions with anaphors replaced by their referents (keeping the anaphor's span)."""
        out: list[Mention] = []
        for m in mentions:
            subject = self.subject
            local = self.local_council(m)
            if local is not None:
                out.append(local)
                continue
            if (m.label == "Body" and subject is not None and subject.name != m.name
                    and subject.name.endswith(" " + m.name)
                    and re.search(r"\b(?:the|this|joint)\s+$", self.clean[max(0, m.start - 12):m.start], re.I)):
                # "the Community Safety Partnership" in the section about "Charnwood Community Safety Partnership"
                out.append(Mention("Body", subject.name, m.start, m.end, head=subject.head, possessive=m.possessive))
                continue
            if (m.label == "Acronym" and subject is not None and initials(subject.name).endswith(m.name)
                    and len(initials(subject.name)) > len(m.name)
                    and re.search(r"\bthe\s+$", self.clean[max(0, m.start - 5):m.start], re.I)):
                # "The CSP" in the section about "Oadby & Wigston Community Safety Partnership"
                out.append(Mention("Body", subject.name, m.start, m.end, head=subject.head))
                continue
            if m.label == "Anaphor":
                target = self.resolve_anaphor(m)
                if target is None and m.head in anaphora.PLACE_FORCES:
                    # "the Police" with no police named in the section: the police of the place (loaders.resolve)
                    out.append(Mention("Body", m.head, m.start, m.end, head=m.head, possessive=m.possessive))
                    continue
                if target is None:
                    continue
                out.append(Mention("Body", target.name, m.start, m.end, head=target.head, possessive=m.possessive))
            else:
                out.append(m)
        return out

    def pronoun_subject(self, sentence: Sentence) -> Mention | None:
        this = re.match(r"\s*(This|That) ([a-z]+)\b", sentence.text)
        if this is not None and this.group(2).capitalize() in vocab()["body_heads"]:
            # "... established the new Alcohol Delivery Group in 2011/12. This group ...": resolved like "This Group"
            head = this.group(2).capitalize()
            found = self.resolve_anaphor(Mention("Anaphor", f"{this.group(1)} {head}", sentence.start, sentence.start,
                                                 head=head))
            if found is not None:
                return found
        if re.match(r"\s*(?:It|It's|Its|(?:The|This) (?:partnership|board|group|sub-?group|forum|panel|committee))\b",
                    sentence.text) and self.focus:
            return self.focus
        return None

    # -- the walk --------------------------------------------------------------------------------------
    def run(self) -> None:
        self.blocks = blocks_of(self.doc, self.clean)
        sections = sections_of(self.blocks)
        for section in sections:
            heading = section.heading
            self.heading = heading
            if heading is not None:
                self.on_heading(heading)
            self.walk_blocks(section.blocks, heading)
        money_records(self, self.blocks)
        self.write_deferred()

    def on_heading(self, heading: Block) -> None:
        text = heading.text.strip()
        if re.fullmatch(r"(?:\d+\.\s*)?Funding", text, re.I):
            self.in_funding = True
        elif re.fullmatch(r"(?:\d+\.\s*)?[A-Z][A-Za-z ]+", text) and re.match(r"\d+\.", text):
            self.in_funding = False
        mentions = [m for m in self.mentions_in(heading.text, heading.start) if m.label != "Acronym"]
        bodies = [m for m in mentions if m.label == "Body"]
        for m in mentions:
            self.register(m, "heading")
        streams = [m for m in mentions if m.label == "FundingStream"]
        if self.in_funding and streams:
            self.stream_context = Ref("FundingStream", streams[0].name)
        elif self.in_funding and re.search(r"Programme$", text) and len(text.split()) <= 5:
            ref = Ref("FundingStream", text)
            self.raw.node(ref, self.ev(heading.start, heading.end, "heading"))
            self.stream_context = ref
        self.memory.new_paragraph()
        if bodies or self.area_of(text) or re.match(r"\d+\.\s", text):
            self.memory.new_section()
            self.subject = bodies[0] if bodies else None
            self.focus = self.subject
            self.recent = []
            if not bodies:
                self.section_subjects = []  # a new chapter
            else:
                self.section_subjects.append(bodies[0])
        # else: a sub-heading ("Domestic Abuse", "Priorities") continues the section about the body above it
        self.renames(Sentence(heading.start, heading.end, heading.text, heading), mentions)
        self.memory.saw(mentions, heading.start)
        priorities.titled_priority(self, Sentence(heading.start, heading.end, heading.text, heading))
        if not self.in_funding and MONEY_LINE.search(text):
            # "Westbury Mountain Rescue - £3,500", "The allocation to Eastbury for 2021/22 is £5,000" stand alone
            # like headings: money lines all the same
            line = Sentence(heading.start, heading.end, heading.text, heading)
            sentence_money(self, line, self.resolved(self.mentions_in(line.text, line.start)))
        if bodies:
            self.recent.extend(bodies)
            self.area_for(bodies[0], heading)

    def area_of(self, text: str) -> str | None:
        t = text.strip().rstrip(":")
        t = re.sub(r"\s*\(.*\)$", "", t)
        wanted = t.lower().replace(" & ", " and ")
        for name, spec in self.area_table.items():
            if wanted == name.lower() or t.lower() in [a.lower() for a in spec.get("aliases") or []]:
                return name
        return None

    def area_for(self, m: Mention, where: Block | Sentence) -> None:
        """A body whose name carries a place covers that place (the name is the evidence)."""
        name = m.name
        best: str | None = None
        if re.search(r"\b(?:Police|Constabulary|Crime Commissioner|Crime Panel)\b", name):
            # "Leicestershire Police" polices the force area its name stands for ("Leicestershire Police Force Area")
            for area, spec in vocab()["areas"].items():
                for variant in spec.get("aliases") or []:
                    force = re.fullmatch(r"(.+?) (?:Police )?Force Area", variant)
                    if force and name.startswith(force.group(1) + " "):
                        best = (area, variant)  # type: ignore[assignment]
        for area, spec in ([] if best is not None else self.area_table.items()):
            for variant in [area, *(spec.get("aliases") or [])]:
                if len(variant) < 4 or variant.lower().startswith("the ") or variant[0].islower():
                    continue
                if re.search(r"(?<![A-Za-z])" + re.escape(variant) + r"(?![A-Za-z])", name):
                    if best is None or len(variant) > len(best[1]):
                        best = (area, variant)  # type: ignore[assignment]
        if best is not None:
            area = best[0]  # type: ignore[index]
            ev = self.ev(m.start, m.end, "rule:area-in-name")
            aref = Ref("Area", area)
            self.raw.node(aref, ev, level=self.local_areas.get(area, {}).get("level"))
            self.raw.rel("COVERS", Ref("Body", name), aref, ev, status="current")

    def walk_blocks(self, blocks: list[Block], heading: Block | None = None) -> None:
        i = 0
        intro: tuple[Sentence, list[Mention]] | None = None
        if self.pending_intro is not None and heading is not None and not [
                m for m in self.mentions_in(heading.text, heading.start) if m.label == "Body"]:
            # "... is made up of:" / "Statutory authorities" / "- Council": a sub-heading inside a list keeps its intro
            intro = self.pending_intro
        self.pending_intro = None
        if heading is not None and rules.PRIORITY_INTRO.search(heading.text):
            # "The following five priorities have been agreed for 2012/13" stands alone, like a heading
            intro = (Sentence(heading.start, heading.end, heading.text, heading),
                     self.resolved(self.mentions_in(heading.text, heading.start)))
        while i < len(blocks):
            block = blocks[i]
            if block.kind == "row":
                j = i
                while j < len(blocks) and blocks[j].kind == "row":
                    j += 1
                self.on_table(blocks[i:j], intro)
                intro = None
                i = j
                continue
            if block.kind == "item":
                j = i
                while j < len(blocks) and blocks[j].kind == "item":
                    j += 1
                self.on_list(blocks[i:j], intro)
                for item in blocks[i:j]:
                    for s in sentences_of(item):
                        self.on_sentence(s, in_list=True)
                intro = None
                i = j
                continue
            if block.kind == "label":
                for unit in rules_for("label"):
                    unit.apply(self, block)
            # a paragraph: a short "Area:" line introduces the list that follows
            sents = sentences_of(block)
            for s in sents:
                self.on_sentence(s)
            if sents:
                last = sents[-1]
                if len(sents) >= 2 and POINTER_INTRO.fullmatch(last.text) and (
                        rules.PRIORITY_INTRO.search(sents[-2].text) or relations.list_frame(sents[-2].text)
                        or relations.grammar().members.search(sents[-2].text)) and (
                        not rules.LIST_INTRO_REPORTING.search(sents[-2].text) or _subgroup_frame(sents[-2].text)):
                    # "... four key areas which the partnership considers as requiring ... effort. They are:"
                    first = sents[-2]
                    last = Sentence(first.start, last.end, self.clean[first.start:last.end], block)
                mentions = self.resolved(self.mentions_in(last.text, last.start))
                intro = (last, mentions)
                priorities.titled_paragraphs(self, blocks[i + 1:], last, mentions)
            i += 1
        if intro is not None and blocks and blocks[-1].kind in {"para", "label"} and intro[0].text.rstrip().endswith(":"):
            self.pending_intro = intro

    # -- sentences -------------------------------------------------------------------------------------
    def on_sentence(self, s: Sentence, in_list: bool = False) -> None:
        if s.block is not self.paragraph:
            self.paragraph = s.block
            self.memory.new_paragraph()
        raw_mentions = self.mentions_in(s.text, s.start)
        for m in raw_mentions:
            if m.label in {"Body", "Programme", "FundingStream", "Legislation"}:
                self.register(m)
                if m.label == "Body":
                    self.area_for(m, s)
                    if self.default_funder is None and FUNDER.search(m.name):
                        self.default_funder = m
            elif m.label == "Acronym" and self.default_funder is None and FUNDER.fullmatch(m.name):
                self.default_funder = m  # "MOPAC": a funder the document only abbreviates
        mentions = self.resolved(raw_mentions)
        bodies = [m for m in mentions if m.label in {"Body", "Acronym"}]
        if self.subject is None and not in_list:
            named = [m for m in raw_mentions if m.label == "Body"]
            if named:
                self.subject = named[0]
        self.relations(s, mentions)
        for unit in rules_for("sentence"):
            unit.apply(self, s, mentions)
        self.membership(s, mentions)
        self.renames(s, mentions)
        self.established(s, mentions)
        if self.in_funding or re.search(r"£\s?\d", s.text) or s.text.rstrip().endswith(":"):
            # an intro ending in a colon may name who gives the money of the lines below it
            self.prose_money(s, mentions)
        # focus: the subject of this sentence, if it names or refers to a body
        subject = self.sentence_subject(s, mentions)
        defined = subject is not None and (subject.label == "Body" or subject.name in self.defined)
        if subject is not None and defined and not in_list:
            self.focus = subject
        self.recent.extend(m for m in mentions if m.label == "Body")
        self.recent = self.recent[-30:]
        self.memory.saw(raw_mentions, s.start, self.places.sentence_place(s.start))
        del bodies

    def sentence_subject(self, s: Sentence, mentions: list[Mention]) -> Mention | None:
        if (re.match(r"\s*(?:It|It's|Its|This|That)\s", s.text) or DEFINITE_SUBJECT.match(s.text)) and not (
                mentions and mentions[0].start - s.start < 6) and not EXPLETIVE_IT.match(s.text):
            # "It supports Community Safety Partnerships in ...": the pronoun is the subject, not the first name
            pronoun = self.pronoun_subject(s)
            if pronoun is not None:
                return pronoun
        first_trigger = min((h.start for h in relations.hits(s.text) if h.frame.voice == "active"), default=len(s.text))
        lead = LEADING_PHRASE.match(s.text)
        skip_until = s.start + lead.end() if lead else s.start
        chaired = [(s.start + c.start(), s.start + c.end()) for c in chairs.CHAIRED_BY.finditer(s.text)]
        for m in mentions:
            if m.start < skip_until or any(a <= m.start < b for a, b in chaired):
                continue
            if m.start - s.start < first_trigger and m.label in {"Body", "Acronym"}:
                if m.label == "Acronym":
                    return m
                return m
        return self.pronoun_subject(s)

    def ref_of(self, m: Mention) -> Ref:
        return Ref("Acronym", m.name) if m.label == "Acronym" else Ref(m.label, m.name)

    def anaphoric_subject(self, s: Sentence) -> Mention | None:
        """The referent of a pronoun or definite description right before the sentence's first active trigger:
        "Whilst it is led by ..." (the body in focus), "The project is being led by ..." (the section's programme),
        ", the group reports to ..." (the body in focus or recent with that head noun)."""
        first = min((h.start for h in relations.hits(s.text) if h.frame.voice == "active"), default=None)
        noun = anaphora.clause_subject(s.text, first) if first is not None else None
        if noun is None:
            return None
        if noun in anaphora.PROGRAMME_NOUNS:
            return anaphora.programme_for(self.memory, noun)
        if noun == "it":
            return self.focus if self.focus is not None and self.focus.label in relations.BODIES else None
        head = noun.capitalize()
        return self.resolve_anaphor(Mention("Anaphor", f"The {head}", s.start, s.start, head=head))

    def subjects(self, s: Sentence, mentions: list[Mention]) -> list[tuple[Mention | None, int]]:
        """Who the sentence is about, each with where its evidence starts: the bodies a counted plural opening it
        stands for ("All four Boards ..."; the evidence runs from the sentence that named each), else its subject
        (named, or the referent of an anaphor before the trigger)."""
        plural = anaphora.plural_referents(self.memory, s.text)
        if plural:
            return [(a.mention, a.sentence_start) for a in plural]
        return [(self.sentence_subject(s, mentions) or self.anaphoric_subject(s), s.start)]

    def relations(self, s: Sentence, mentions: list[Mention]) -> None:
        """Lines the grammar reads in the sentence (loaders.relations), written as raw relationships."""
        for subject, ev_start in self.subjects(s, mentions):
            self.relations_of(s, mentions, subject, ev_start)

    def relations_of(self, s: Sentence, mentions: list[Mention], subject: Mention | None, ev_start: int) -> None:
        fallback = self.subject if self.subject is not None else self.focus
        for found in relations.sentence_candidates(s.text, s.start, mentions, subject, fallback):
            props: dict[str, Any] = {"status": found.status}
            if found.end.label == "Role":
                self.raw.node(Ref("Role", found.end.name), self.ev(found.end.start, found.end.end, "rule:role"))
            when = rules.date_in(s.text)
            if found.type in {"MERGED_INTO", "SUCCEEDED_BY"} and when:
                props["valid_from"] = when
            ev = self.ev(ev_start if found.start is subject else s.start, s.end, f"rule:{found.type.lower()}")
            if self.undefined(found.start) or self.undefined(found.end):
                self.deferred.append((found.type, found.start, found.end, ev, props))
            else:
                self.raw.rel(found.type, self.ref_of(found.start), self.ref_of(found.end), ev, **props)

    def undefined(self, m: Mention) -> bool:
        return m.label == "Acronym" and m.name not in self.defined and m.name.rstrip("s") not in self.defined

    def spelled_out(self, m: Mention) -> Ref:
        """An acronym the document never defines ("The WSCP receives ...") stands for the one body the document
        names whose initials it is (or whose name carries it in brackets); otherwise it stays an acronym for the
        resolver (a place's or a national body's)."""
        if not self.undefined(m):
            return self.ref_of(m)
        letters = m.name.rstrip("s") if m.name.endswith("s") and m.name[:-1].isupper() else m.name
        named = sorted(n for n in self.body_names
                       if initials(n) == letters or re.search(r"\(" + re.escape(letters) + r"\)", n))
        return Ref("Body", named[0]) if len(named) == 1 else self.ref_of(m)

    def write_deferred(self) -> None:
        """Lines with an acronym the document had not defined by then, written once the whole document is read."""
        for rel_type, start, end, ev, props in self.deferred:
            self.raw.rel(rel_type, self.spelled_out(start), self.spelled_out(end), ev, **props)
        self.deferred = []

    def membership(self, s: Sentence, mentions: list[Mention]) -> None:
        """Parts of a body ("is comprised of", "the Boards include"); members are the rule members-in-a-sentence."""
        match = rules.MEMBERSHIP.search(s.text)
        compr = rules.COMPRISED_OF.search(s.text)
        if compr and (match is None or compr.start() < match.start()):
            subject = self.sentence_subject(s, mentions) or self.focus
            if subject is None:
                return
            members = [m for m in mentions if m.start - s.start >= compr.end() and m.label == "Body"]
            if "boards include" in compr.group().lower():
                subject = self.subject or self.focus or subject
            ev = self.ev(s.start, s.end, "rule:part_of")
            for m in members:
                if m.name != subject.name:
                    self.raw.rel("PART_OF", self.ref_of(m), self.ref_of(subject), ev,
                                 status=relations.status_of(s.text[:compr.start()], s.text))
            return

    @staticmethod
    def former_names(text: str) -> list[tuple[re.Match[str], int]]:
        """Each rename phrase with the group holding the old name: bracketed ("X (formerly Y)", "now XYZ") or
        open ("X (XP) formerly known as Y"), the open one only right after a name (a capital word, maybe an acronym
        in brackets, before it), so "the Council, formerly the main funder" is no rename."""
        found = [(m, 1 if m.group(1) else 2) for m in rules.FORMERLY.finditer(text)]
        for m in rules.FORMERLY_OPEN.finditer(text):
            if re.search(r"[A-Z][\w&']*\s*(?:\([A-Z][A-Za-z&]{1,9}\))?\s*,?\s*$", text[:m.start() + 1]):
                found.append((m, 1))
        return sorted(found, key=lambda pair: pair[0].start())

    def named_item(self, s: Sentence, end: int) -> Mention | None:
        """"- Thirteen (formerly Tristar Homes Ltd)": a list item that is only a name before the bracket names a
        body without a head noun; a sentence never does (its opening words are a clause, not a name)."""
        if s.block.kind != "item":
            return None
        lead = re.match(r"\s*(?:[-*\u2022\u00b7o]\s+|\d+[.)]\s+)?", s.text)
        begin = lead.end() if lead else 0
        name = s.text[begin:end].strip()
        if not re.fullmatch(r"[A-Z][\w&'-]*(?: (?:and |& |of |for |the )?[A-Z][\w&'-]*){0,6}", name):
            return None
        m = Mention("Body", name, s.start + begin, s.start + begin + len(name), head=name.split()[-1])
        self.raw.node(Ref("Body", name), self.ev(m.start, m.end, "rule:formerly"), kind="organisation")
        return m

    def renames(self, s: Sentence, mentions: list[Mention]) -> None:
        for match, group in self.former_names(s.text):
            old_name = (match.group(group) or "").strip().rstrip(".")
            if not old_name:
                continue
            before = [m for m in mentions if m.start < s.start + match.start() and m.label in {"Body", "Acronym"}]
            if not before:
                named = self.named_item(s, match.start())
                if named is None:
                    continue
                before = [named]
            new = before[-1]
            old_mentions = [m for m in find_mentions(old_name, s.start + match.start(group),
                                                     self.areas) if m.label in {"Body", "Acronym"}]
            if old_mentions:
                old_ref = self.ref_of(old_mentions[0])
            elif re.fullmatch(r"[A-Z][\w']+(?: [A-Z][\w']+){0,4}", old_name):
                begin = s.start + match.start(group)
                old_ref = Ref("Body", old_name)
                self.raw.node(old_ref, self.ev(begin, begin + len(old_name), "rule:formerly"), kind="partnership")
            else:
                continue
            ev = self.ev(s.start, s.end, "rule:formerly")
            self.raw.rel("SUCCEEDED_BY", old_ref, self.ref_of(new), ev, status="current")
        for match in rules.REPLACED.finditer(s.text):
            if re.search(r"\b(?:be|been|being|was|were)\s+$", s.text[:match.start()]):
                continue  # passive ("to be replaced by X"): the by-phrase rules handle it
            before = [m for m in mentions if m.end <= s.start + match.start() and m.label in {"Body", "Acronym"}]
            old = [m for m in mentions if s.start + match.start(2) <= m.start < s.start + match.end(2)
                   and m.label in {"Body", "Acronym"}]
            if not before or not old or before[-1].name == old[0].name:
                continue
            props: dict[str, Any] = {"status": "planned" if match.group(1) else "current"}
            when = rules.date_in(s.text[match.end():match.end() + 60])
            if when:
                props["valid_from"] = when
            self.raw.rel("SUCCEEDED_BY", self.ref_of(old[0]), self.ref_of(before[-1]),
                         self.ev(s.start, s.end, "rule:replaced"), **props)

    def established(self, s: Sentence, mentions: list[Mention]) -> None:
        found = rules.ESTABLISHED.search(s.text)
        if not found:
            return
        subject = self.sentence_subject(s, mentions)
        active = re.match(r"\s*(?:established|set up|created|formed)\s+(?:the |a |an )?(?:new )?", s.text[found.start():])
        after = [m for m in mentions if m.label == "Body" and m.start - s.start >= found.end()]
        if active and not found.group().lower().startswith(("was", "were", "been", "is")) and after and (
                after[0].start - s.start <= found.start() + active.end() + 1):
            subject = after[0]  # "the SLP established the new Alcohol Delivery Group in 2011/12": the group's date
        if subject is None or subject.label != "Body":
            return
        when = rules.date_in(s.text)
        if when is None:
            year = rules.YEAR_ONLY.search(s.text)
            when = year.group(1) if year else None
        ev = self.ev(s.start, s.end, "rule:established")
        self.raw.node(Ref("Body", subject.name), ev, established=when,
                      status="proposed" if re.search(r"should be established|proposed", s.text) else None)
        under = rules.ESTABLISHED_UNDER.search(s.text)
        if under:
            laws = [m for m in mentions if m.label == "Legislation" and m.start - s.start > under.start()]
            for law in laws[:1]:
                self.raw.rel("ESTABLISHED_UNDER", Ref("Body", subject.name), Ref("Legislation", law.name), ev,
                             status="current")

    # -- lists -----------------------------------------------------------------------------------------
    def on_list(self, items: list[Block], intro: tuple[Sentence, list[Mention]] | None) -> None:
        # A list introduced as priorities is one whatever else its intro says ("Members noted the priorities
        # of ..."): read before the registered list rules, which would take it for something else.
        if intro is not None and priorities.list_priorities(self, items, *intro):
            return
        if priorities.nested_priorities(self, items):
            return
        for unit in rules_for("list"):
            if unit.apply(self, items, intro[0] if intro is not None else None, self.heading):
                return
        if intro is None:
            return
        sentence, mentions = intro
        text = sentence.text
        if rules.LIST_INTRO_REPORTING.search(text) or re.search(r"\bthese are:?\s*$", text, re.I):
            target = None
            reporting = rules.LIST_INTRO_REPORTING.search(text)
            if reporting:
                after = [m for m in mentions if m.start - sentence.start >= reporting.end()
                         and m.label in {"Body", "Acronym"}]
                target = after[0] if after else None
            if target is None and self.focus is not None:
                target = self.focus
            if target is None:
                return
            ev_method = "list:reports_to"
            for item in items:
                if item.depth:
                    continue
                name = item.body.rstrip(".;,")
                found = [m for m in self.mentions_in(item.body, item.body_start) if m.label == "Body"]
                if found:
                    ref = Ref("Body", found[0].name)
                    self.register(found[0], ev_method)
                elif 0 < len(name.split()) <= 6:
                    ref = Ref("Body", f"{name} theme group" if not name.endswith(("Group", "Forum")) else name)
                    self.raw.node(ref, self.ev(item.body_start, item.body_start + len(name), ev_method),
                                  kind="group")
                else:
                    continue
                self.raw.rel("REPORTS_TO", ref, self.ref_of(target),
                             self.ev(item.body_start, item.body_start + len(name), ev_method), status="current")
            return
        oversees = next((h for h in relations.hits(text) if h.frame.type == "OVERSEES" and h.frame.voice == "active"), None)
        if oversees is not None and text.rstrip().endswith(":"):
            overseer = self.sentence_subject(sentence, mentions) or self.focus
            if overseer is None:
                return
            for item in items:
                if item.depth:
                    continue
                found = [m for m in self.mentions_in(item.body, item.body_start) if m.label in {"Programme", "Body"}]
                name = re.split(r"\s+\(", item.body, maxsplit=1)[0].strip().rstrip(".;,")
                ev = self.ev(item.body_start, item.body_start + len(name), "list:oversees")
                if found:
                    self.register(found[0], "list:oversees")
                    overseen = Ref(found[0].label, found[0].name)
                elif 0 < len(name.split()) <= 6:
                    overseen = Ref("Programme", name[:1].upper() + name[1:])
                    self.raw.node(overseen, ev)
                else:
                    continue
                self.raw.rel("OVERSEES", self.ref_of(overseer), overseen, ev, status="current")
            return
        if rules.MEMBERSHIP.search(text) or re.search(r"\bcommissions the following\b", text, re.I):
            return  # membership lists are mostly in prose; service lists are not bodies

    # -- tables and money ------------------------------------------------------------------------------
    def on_table(self, rows: list[Block], intro: tuple[Sentence, list[Mention]] | None) -> None:
        heading_text = self.last_heading_text(rows[0].start)
        before = (len(self.raw.nodes), len(self.raw.rels), len(self.raw.aliases), len(self.raw.findings))
        if re.search(r"acronym|abbreviation|glossary", heading_text, re.I):
            extract_acronyms(self, rows)
        else:
            extract_table(self, rows, intro, heading_text)
        after = (len(self.raw.nodes), len(self.raw.rels), len(self.raw.aliases), len(self.raw.findings))
        if after == before and len(rows) >= 2:
            # Nothing came of the rows: say so, so the load report can show what was not read.
            ev = self.ev(rows[0].start, rows[-1].end, "unread-table")
            self.raw.findings.append(Finding(rule="unread-table", doc=self.doc.id, line=rows[0].line,
                                             message=f"a table of {len(rows)} rows that no rule could read",
                                             evidence=[ev]))

    def last_heading_text(self, offset: int) -> str:
        headings = [b for b in self.blocks if b.kind == "heading" and b.start < offset]
        return headings[-1].text.strip() if headings else ""

    def prose_money(self, s: Sentence, mentions: list[Mention]) -> None:
        """A funding chapter's sentences are read by loaders.tables (stated wholes, receipts, with its tables);
        money in any other sentence by loaders.money_text."""
        if self.in_funding:
            prose_allocations(self, s, mentions)
            return
        sentence_money(self, s, mentions)


MONEY_LINE = re.compile(r"£\s?\d")
LEADING_PHRASE = re.compile(r"(?:On behalf of|In addition to|As part of|In line with|Like|Unlike|Through|With|"
                            r"Within|Under|Following|Alongside)\b[^,]*,")


# Bodies that give money to partnerships: who pays when a document about funding names no giver in a sentence.
FUNDER = re.compile(r"\b(?:Commissioner|MOPAC|Mayor's Office for Policing|Home Office|Ministry of Justice|"
                    r"Youth Justice Board|Lottery)\b")
def _subgroup_frame(text: str) -> bool:
    """"The Board has four theme groups that report to the partnership. These are:": the groups are the Board's
    sub-groups (and report where the sentence says), so the sentence before the pointer is the list's intro."""
    found = relations.list_frame(text)
    return found is not None and found[0].type == "SUBGROUP_OF"


# "They are:", "In West Lancashire this includes:": the sentence before says what the list is.
POINTER_INTRO = re.compile(r"\s*(?:[A-Z][\w ]{0,30}?,?\s+)?(?:they|these|those|this|which|it|members) "
                           r"(?:are|include|includes|comprise|comprises|is)\s*:?\s*", re.I)
GENERIC_COUNCILS = {"County Council", "City Council", "District Council", "Borough Council"}
# "It is proposed that ...", "It has been agreed that ...": no one is the subject.
EXPLETIVE_IT = re.compile(r"\s*It (?:is|was|has been|had been|will be|would be|may be|might be|seems|appears) "
                          r"(?:\w+ ){0,2}?(?:that|to|whether|how)\b")
# "The partnership includes X, Y ...": a definite description of a body opening the sentence is its subject (the body
# in focus), not the first body named after it.
DEFINITE_SUBJECT = re.compile(r"\s*The (?:partnership|board|group|sub-?group|forum|panel|committee)\s+(?!of\b|for\b)")
# A subject that is a description, not a name: "The coalition", "This new group", "A working group".
UNNAMED_SUBJECT = re.compile(r"\s*(?:The|This|That|These|Its|Their|A|An)\s+(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\s*$")


def extract_documents(documents: list[Document], progress: Callable[[str], None] | None = None) -> Facts:
    """Facts for the documents: rules over each, then resolution and curation over all of them."""
    raw = Raw()
    curation = load_curation({doc.id: doc for doc in documents})
    known = curation.known_names()
    raw.documents.update((doc.id, doc) for doc in documents)
    places = document_areas(raw, curation)  # read once: the walk's section places are the ones resolution uses
    for doc in documents:
        try:
            DocumentExtractor(doc, raw, known + [(name, "Body") for name in self_defined_bodies(doc.text)],
                              places[doc.id]).run()
        except DocumentError:
            raise
        except Exception as error:  # a structural surprise: name the document and where we were
            raise DocumentError(doc.id, 0, f"extraction failed: {type(error).__name__}: {error}") from error
        if progress is not None:
            progress(doc.id)
    return resolve(raw, curation, places)
