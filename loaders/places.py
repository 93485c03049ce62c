"""Places, and the identity of a body by canonical name and place.

A generic name ("Community Safety Partnership", "Joint Action Group", "Police and Crime Commissioner") names a
different body in every place, so its identity is (place, name): the place comes from the name itself
("Charnwood Community Safety Partnership"), else from the sentence ("Leicester City has both a LSCB and SAB"),
else from the section heading ("Charnwood Community Safety Partnership" above "the Joint Action Groups"), else
from the document's area (curated, or the place its title or its councils name). A distinctive name ("Home Office",
"Safer York Partnership") is its own identity wherever it is written. Everything here is a function of one
document's text and the gazetteer, never of what else is loaded, so an id never moves when documents are added.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.mentions import GENERIC, generic_acronyms, vocab
from loaders.read import Document

# Words a place name never starts with: a prefix that starts with one is not a place ("Local", "Joint").
NOT_PLACE = frozenset({"the", "this", "that", "these", "each", "all", "both", "our", "their", "its", "a", "an",
                       "local", "joint", "area", "interim", "new", "shadow", "strategic", "multi", "sub", "regional",
                       "national", "statutory", "county", "city", "district", "borough", "police", "crime",
                       "community", "safer", "safe", "integrated", "other", "every", "any", "two", "three", "four"})
# Level words that sit between a place and a generic name ("Blaby District Community Safety Partnership").
LEVELS = ("district", "borough", "city", "county", "metropolitan borough", "county borough")
# Names of a police force's bodies: their place is the force area ("Leicestershire Police" polices LLR).
FORCE_CORES = frozenset({"police", "constabulary", "police authority", "police force", "police and crime commissioner",
                         "office of police and crime commissioner", "police and crime panel",
                         "police fire and crime commissioner"})
COUNCIL_CORES = frozenset({"council", "county council", "city council", "district council", "borough council",
                           "metropolitan borough council", "county borough council", "unitary authority"})
# "Bury Council", "Stoke-on-Trent City Council", "North Wales Police", "Cumberland Community Safety Partnership":
# councils, forces and the statutory partnerships name their places; so does "Safer York Partnership".
_WORD = r"[A-Z][a-z'\u2019]+(?:-[A-Za-z]+)*"
_PLACE = r"(" + _WORD + r"(?:(?: and | & | upon | )" + _WORD + r"){0,3})"
LOCAL_PLACE = re.compile(
    r"\b" + _PLACE + r"(?:'s)? (?:(?:Metropolitan |County )?Borough |District |County |City )?"
    r"(?:Council|Police|Constabulary|Community Safety Partnership|Safeguarding (?:Children|Adults?) (?:Board|Partnership)"
    r"|Health and Wellbeing Board|Health & Wellbeing Board|Police(?:,)? (?:Fire )?and Crime Commissioner"
    r"|Youth Offending (?:Service|Team)|Clinical Commissioning Group|Fire and Rescue Service)\b"
    r"|\b(?:Safer|Safe|Keeping) " + _PLACE + r" (?:City |Safe )?Partnership\b")
NOT_IN_PLACE = NOT_PLACE | {"chief", "executive", "officer", "director", "leader", "member", "members", "mayor",
                            "head", "cabinet", "lead", "portfolio", "holder", "metropolitan", "transport", "and", "in",
                            "independent", "british", "council", "councils", "police", "service", "of", "for", "at",
                            "by", "with", "from", "to", "on", "including", "includes", "include", "plus", "full",
                            "divisional", "neighbourhood", "neighbourhoods", "youth", "enterprise", "scottish", "welsh",
                            "english", "communities", "stronger", "streets", "roads", "future", "town", "parish",
                            "rural", "urban", "as", "deputy", "former", "elected", "january", "february", "march",
                            "april", "may", "june", "july", "august", "september", "october", "november",
                            "december", "dear", "thank", "thanks"} | {
                                w.lower() for w in vocab()["generic_words"]}
HAVING = re.compile(r"^(?:in\s+)?(?P<place>[A-Z][\w&' ,-]{1,60}?)(?:\s+(?:together|also|itself|each))?\s+"
                    r"(?:has|have|had|operates?|operated|runs?|hosts?|maintains?)\b")
COUNTED = (r"\b(?i:two|three|four|five|six|seven|eight|nine|ten|both|its|their|our|several)\s+"
           r"(?:[a-z][\w-]*\s+){0,2}")
INDEFINITE = re.compile(r"\b(?i:a|an|each|every|any|all|other)\s+$")
_PLACE_AFTER_JOINT = re.compile(r" (?:for|of|at|in|covering) (?:the )?")
# "Police and Crime Commissioner for Suffolk", "CSP for North Yorkshire", "Community Safety Partnership at Blackpool":
# a generic name (or its acronym) with its place after it.
_GENERIC_HEADS = (r"(?:Community Safety Partnership|Police(?:,)? (?:Fire )?(?:and|&) Crime Commissioner|"
                  r"Safeguarding (?:Children|Adults?) (?:Board|Partnership)|Health and Wellbeing Board|"
                  r"Youth Offending (?:Service|Team)|Clinical Commissioning Group|Local Strategic Partnership|"
                  r"Crime and Disorder Reduction Partnership|(?:CSP|PCC|CDRP|LSCB|SAB|LSP|YOT|YOS|CCG)s?)")
PLACE_AFTER = re.compile(_GENERIC_HEADS + r" (?:for|at|covering) (?:the )?(" + _WORD
                         + r"(?:(?: and | & | upon | with | )" + _WORD + r"){0,3})")
PLACE_BEFORE_ACRONYM = re.compile(r"\b" + _PLACE + r" (?:CSP|PCC|CDRP|LSCB|SAB|LSP|YOT|YOS|CCG)s?\b")
_OPENING = re.compile(r"(?:\A|[\n.!?:;\u2022\u00b7*\u2013-])[ \t]*(?:o[ \t]+)?$")
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"'(])|\n\s*\n")
_NUMBERED = re.compile(r"^\s*(?:\d+(?:\.\d+)*\.?|[A-Z]\.|[IVX]+\.)\s+\S")


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """A name folded for comparison: case, "the", "&", possessives, hyphenated spellings, punctuation."""
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


def singular(core: str) -> str:
    """The last word in the singular ("joint action groups" -> "joint action group"); generic names only."""
    words = core.split()
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith(("ss", "us")):
        words[-1] = words[-1][:-1]
    text = " ".join(words)
    return re.sub(r"\bchildren s\b", "children", text)


# Spellings of one generic name.
SYNONYMS = {"safeguarding adult board": "safeguarding adults board", "adult safeguarding board": "safeguarding adults board",
            "local safeguarding adults board": "safeguarding adults board",
            "local safeguarding adult board": "safeguarding adults board",
            "safeguarding children board": "local safeguarding children board",
            "drugs and alcohol action team": "drug and alcohol action team",
            "health and well being board": "health and wellbeing board",
            "shadow health and wellbeing board": "health and wellbeing board",
            "office of police and crime commissioner": "office of police and crime commissioner"}


@lru_cache(maxsize=65536)
def generic_core(core: str, after_place: bool = False, acronym: bool = False) -> str | None:
    """The generic name a core stands for ("the Joint Action Groups" -> "joint action group"), or None. After a
    place, a level word is part of the place ("Blaby District Community Safety Partnership"), and so is the acronym
    of a generic name (`acronym` too: "CSP for North Yorkshire"); alone, an acronym is left to the acronym rules."""
    for candidate in (core, singular(core)):
        options = [candidate]
        if after_place:
            options.append(re.sub(r"^(?:" + "|".join(LEVELS) + r") ", "", candidate))
        for option in options:
            option = SYNONYMS.get(option, option)
            if option in GENERIC:
                return option
            if (after_place or acronym) and option.isalpha() and option.upper() in generic_acronyms():
                return generic_acronyms()[option.upper()]  # "Craven CSP", "CSP for North Yorkshire"
    return None


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, str]:
    """Every known spelling of a place (normalised) -> the place's canonical name."""
    out: dict[str, str] = {}
    for name, spec in vocab()["areas"].items():
        out[normalise(name)] = name
        for alias in spec.get("aliases") or []:
            if alias[:1].isupper() and len(alias) >= 4 and not alias.lower().startswith(("the ", "force area")):
                out.setdefault(normalise(alias), name)
    return out


@lru_cache(maxsize=1)
def force_areas() -> dict[str, str]:
    """"Leicestershire" (of "Leicestershire Police Force Area") -> the force area it stands for in police names."""
    out: dict[str, str] = {}
    for name, spec in vocab()["areas"].items():
        for alias in spec.get("aliases") or []:
            match = re.fullmatch(r"(.+?) (?:Police )?Force Area", alias)
            if match:
                out[normalise(match.group(1))] = name
    return out


def force_area_of(place: str) -> str:
    """The police force area a place lies in (Charnwood -> Leicester, Leicestershire and Rutland), else the place:
    a force's bodies ("Police", "Police and Crime Commissioner") belong to the force area, not to a district."""
    place = force_areas().get(normalise(place), place)
    areas = vocab()["areas"]
    if areas.get(place, {}).get("level") == "force-area":
        return place
    for outer in sorted(_within().get(place, set())):
        if areas.get(outer, {}).get("level") == "force-area":
            return outer
    return place


@lru_cache(maxsize=1)
def _within() -> dict[str, set[str]]:
    """Place -> every place it lies within (the gazetteer's part_of chain, and "A and B" contains A and B)."""
    areas = vocab()["areas"]
    out: dict[str, set[str]] = {name: set() for name in areas}
    for name in areas:
        parent = areas[name].get("part_of")
        while parent and parent not in out[name]:
            out[name].add(parent)
            parent = areas.get(parent, {}).get("part_of")
    for name in areas:
        parts = re.split(r", | and ", name)
        if len(parts) >= 2 and all(p in areas for p in parts):
            for p in parts:
                out[p].add(name)
    return out


LEVEL_COUNCILS = {"city council": "city", "county council": "county"}


def only_place_of_level(place: str, level: str) -> str:
    """"The City Council" written in Leicester, Leicestershire and Rutland is Leicester's: the one city there."""
    areas = vocab()["areas"]
    if areas.get(place, {}).get("level") == level:
        return place
    inside = sorted(a for a, spec in areas.items() if spec.get("level") == level and place in _within().get(a, set()))
    return inside[0] if len(inside) == 1 else place


def _plural(name: str) -> bool:
    words = name.split()
    last = words[-1] if words else ""
    return len(last) > 3 and last.endswith("s") and not last.endswith(("ss", "us")) and not last.isupper()


def contains(outer: str, inner: str) -> bool:
    """Does `outer` take in `inner` (the gazetteer's tree, or "A and B" taking in A and B)?"""
    if outer == inner or outer in _within().get(inner, set()):
        return True
    return bool(inner) and inner in re.split(r", | and ", outer) and outer not in vocab()["areas"]


@dataclass(frozen=True)
class Identity:
    """Who a name stands for: (place, core). Place "" is "everywhere" (a distinctive name)."""

    place: str
    core: str
    generic: bool = False
    placed_by_name: bool = False  # "Charnwood Community Safety Partnership"
    placed_by_sentence: bool = False  # "Leicestershire and Rutland together operate a ... Board"

    @property
    def key(self) -> str:
        return f"{self.place}\x1f{self.core}"


@dataclass
class DocumentPlaces:
    """The places one document names, its area, and the place of each of its sections."""

    doc: Document
    area: str = ""
    local: dict[str, str] = field(default_factory=dict)  # normalised spelling -> place, for places not gazetteered
    sections: list[tuple[int, str]] = field(default_factory=list)  # (offset, place) from headings, in order
    _starts: list[int] = field(default_factory=list)
    forces: set[str] = field(default_factory=set)  # places of the police forces the document names
    _memo: dict[tuple[str, int | None, str | None, bool], Identity] = field(default_factory=dict)

    def force_area(self, place: str) -> str:
        """The police force area of a place: the gazetteer's, else the one force this document names (a district's
        report that names "Cleveland Police" has the Cleveland Police and Crime Commissioner)."""
        area = force_area_of(place)
        if area != place or vocab()["areas"].get(place, {}).get("level") == "force-area":
            return area
        if len(self.forces) == 1 and place not in self.forces:
            return next(iter(self.forces))
        return place

    def place_named(self, text: str) -> str | None:
        """The place a whole text is ("Oadby & Wigston", "Leicester City:"), or None."""
        key = normalise(re.sub(r"\s*\(.*\)\s*$|:\s*$", "", text.strip()))
        found = gazetteer().get(key) or self.local.get(key)
        if found is None and " and " in key:  # "Westbury and Eastbury": two places together
            parts = [gazetteer().get(p) or self.local.get(p) for p in re.split(r" and ", key)]
            if all(parts):
                found = " and ".join(p for p in parts if p)
        return found

    def place_prefix(self, name: str) -> tuple[str, str] | None:
        """(place, rest) when the name starts with a place ("Blaby District Council" -> Blaby, district council):
        the shortest spelling that leaves a generic name ("Leicester" before "Leicester City" in "Leicester City
        Council"), else the longest."""
        norm = normalise(name)
        found = [(spelling, place) for spelling, place in [*gazetteer().items(), *self.local.items()]
                 if norm.startswith(spelling + " ")]
        if not found:
            return None
        found.sort(key=lambda sp: (len(sp[0]), sp[1]))
        for spelling, place in found:
            if generic_core(norm[len(spelling) + 1:], after_place=True) is not None:
                return place, norm[len(spelling) + 1:]
        spelling, place = found[-1]
        return place, norm[len(spelling) + 1:]

    def place_within(self, text: str) -> str | None:
        """The longest place named anywhere inside a heading ("Alcohol issues in Leicester City" -> Leicester)."""
        norm = f" {normalise(text)} "
        best: tuple[int, str] | None = None
        for spelling, place in [*gazetteer().items(), *self.local.items()]:
            if f" {spelling} " in norm and (best is None or len(spelling) > best[0]):
                best = (len(spelling), place)
        return best[1] if best else None

    def section_place(self, offset: int) -> str:
        i = bisect_right(self._starts, offset) - 1
        return self.sections[i][1] if i >= 0 else ""

    def sentence(self, offset: int) -> str:
        """The sentence around `offset` (a mention inside it, or a relationship's evidence starting it)."""
        text = self.doc.text
        start = 0
        for end in _SENTENCE_END.finditer(text, max(0, offset - 600), offset + 1):
            start = end.end()
        if start == 0 and offset > 600:
            start = offset
        stop = _SENTENCE_END.search(text, offset + 1, offset + 600)
        return text[start:stop.start() + 1 if stop else min(len(text), offset + 600)]

    def sentence_place(self, offset: int) -> str:
        """"Leicester City has both a LSCB and SAB": the place the sentence is about, when it opens with one."""
        having = HAVING.match(self.sentence(offset).strip())
        if having is None:
            return ""
        return self.place_named(having.group("place")) or ""

    def counted(self, offset: int) -> bool:
        """"two Joint Action Groups", "its Local Delivery Groups": a plural that counts a place's own bodies."""
        return re.search(COUNTED + r"$", self.doc.text[max(0, offset - 60):offset]) is not None

    def indefinite(self, offset: int) -> bool:
        """"has a Community Safety Partnership", "each Youth Offending Service": any one of the class."""
        return INDEFINITE.search(self.doc.text[max(0, offset - 12):offset]) is not None

    def council_place(self, place: str, level: str, core: str) -> str:
        """"The County Council" written where the section names no place belongs to the one county of the area, else
        to the county whose council the document names most often by name (two counties in one force area: the
        document means the one it is about); the area itself when it names none."""
        only = only_place_of_level(place, level)
        if vocab()["areas"].get(only, {}).get("level") == level:
            return only
        inside = sorted(a for a, spec in vocab()["areas"].items()
                        if spec.get("level") == level and place in _within().get(a, set()))
        counts = {a: len(re.findall(r"(?<![\w-])" + re.escape(a) + r" " + re.escape(core.title()) + r"\b", self.doc.text))
                  for a in inside}
        ranked = sorted(counts, key=lambda a: -counts[a])
        if ranked and counts[ranked[0]] > 0 and (len(ranked) == 1 or counts[ranked[0]] > counts[ranked[1]]):
            return ranked[0]
        return place

    def context(self, offset: int) -> str:
        """The place a generic name at `offset` belongs to when the name itself carries none."""
        return self.sentence_place(offset) or self.section_place(offset) or self.area

    def identity(self, name: str, offset: int | None, surface: str | None = None,
                 glossary: bool = False) -> Identity:
        """(place, core) of a body name written at `offset` of this document (None: no context, e.g. curation);
        `surface` is the text as written when the name was normalised ("Community Safety Partnerships"); a
        generic name in a glossary (an acronym table) is the class, not a place's body."""
        memo = (name, offset, surface, glossary)
        if memo not in self._memo:
            self._memo[memo] = self._identity(name, offset, surface, glossary)
        return self._memo[memo]

    def reordered(self, norm: str) -> Identity | None:
        """"police and crime commissioner for suffolk", "csp for north yorkshire": a generic name, then the place
        it belongs to, is that place's body as much as "Suffolk Police and Crime Commissioner"."""
        for joint in _PLACE_AFTER_JOINT.finditer(norm):
            if singular(norm[:joint.start()]) != norm[:joint.start()]:
                continue  # "LSPs in Westshire": the class in a place, not one body
            core = generic_core(norm[:joint.start()], acronym=True)
            place = self.place_named(norm[joint.end():]) if core is not None else None
            if core is not None and place:
                return Identity(self.force_area(place) if core in FORCE_CORES else place, core, generic=True,
                                placed_by_name=True)
        return None

    def _identity(self, name: str, offset: int | None, surface: str | None, glossary: bool) -> Identity:
        norm = normalise(name)
        prefixed = self.place_prefix(name)
        if prefixed is not None and prefixed[1]:
            place, rest = prefixed
            core = generic_core(rest, after_place=True)
            if core is not None and core in FORCE_CORES:
                place = self.force_area(place)
            return Identity(place, core or rest, generic=core is not None, placed_by_name=True)
        reordered = self.reordered(norm)
        if reordered is not None:
            return reordered
        core = generic_core(norm)
        if core is None:
            return Identity("", norm)
        written = surface if surface and normalise(singular(normalise(surface))) == singular(norm) else name
        stated = self.sentence_place(offset) if offset is not None and not glossary else ""
        if stated:
            place = self.force_area(stated) if core in FORCE_CORES else stated
            return Identity(place, core, generic=True, placed_by_sentence=True)
        if glossary or (offset is not None and self.indefinite(offset)) or (
                _plural(written) and (offset is None or not self.counted(offset))):
            return Identity("", core, generic=True)  # "Local Safeguarding Children Boards": the class
        place = self.context(offset) if offset is not None else self.area
        if core in FORCE_CORES and place:
            place = self.force_area(place)
        elif core in LEVEL_COUNCILS and place:
            place = self.council_place(place, LEVEL_COUNCILS[core], core)
        return Identity(place or f"doc:{self.doc.id}", core, generic=True)


def document_places(doc: Document, area: str | None = None) -> DocumentPlaces:
    """A document's places: councils and forces it names, its area (given, else inferred), its sections."""
    places = DocumentPlaces(doc=doc)
    for match in LOCAL_PLACE.finditer(doc.text):
        words: list[str] = []
        # "Chief Executive Northwest Leicestershire": the place ends the run of capitalised words
        run = (match.group(1) or match.group(2)).split()
        while run and run[-1].lower() in {"county", "borough", "district", "city", "metropolitan"}:
            run = run[:-1]
        for word in reversed(run):
            if word.lower() in NOT_IN_PLACE and word not in {"and", "&"}:
                break
            words.insert(0, word)
        while words and words[0] in {"and", "&"}:
            words = words[1:]
        while words and words[-1].lower() in {"county", "borough", "district", "city", "metropolitan"}:
            words = words[:-1]
        place = re.sub(r"['\u2019]s$", "", " ".join(words).replace(" & ", " and "))
        if len([w for w in words if w not in {"and", "&", "upon"}]) > 3 or (words and words[0].lower() in {
                "west", "east", "north", "south"} and len(words) == 1):
            continue  # a person's name run into a council's, or a compass word alone
        key = normalise(place)
        if key and key not in gazetteer() and len(key) >= 3:
            places.local.setdefault(key, place)
        if key and re.search(r"(?:Police|Constabulary|Crime Commissioner)$", match.group(0)):
            places.forces.add(gazetteer().get(key) or places.local.get(key) or place)
    for match in PLACE_AFTER.finditer(doc.text):
        words = []
        for word in match.group(1).split():  # "for Suffolk, Tim Passmore": the place starts the run
            if word.lower() in NOT_IN_PLACE and word not in {"and", "&", "upon", "with"}:
                break
            words.append(word.rstrip(","))
            if word.endswith(","):
                break
        _add_local(places, words)
    for match in PLACE_BEFORE_ACRONYM.finditer(doc.text):
        words = []
        for word in reversed(match.group(1).split()):
            if word.lower() in NOT_IN_PLACE and word not in {"and", "&", "upon", "with"}:
                break
            words.insert(0, word)
        opening = _OPENING.search(doc.text, max(0, match.start(1) - 40), match.start(1))
        if words and words[0] == match.group(1).split()[0] and opening is not None:
            continue  # "Now LSPs ...", "Attend CDRP meetings": a capital opening a sentence is no sign of a place
        _add_local(places, words)
    places.area = area or _inferred_area(places)
    _sections(places)
    return places


def _add_local(places: DocumentPlaces, words: list[str]) -> None:
    while words and words[0] in {"and", "&", "with", "upon"}:
        words = words[1:]
    while words and words[-1] in {"and", "&", "with", "upon"}:
        words = words[:-1]
    if not words or len([w for w in words if w not in {"and", "&", "upon", "with"}]) > 3:
        return
    place = re.sub(r"['\u2019]s$", "", " ".join(words).replace(" & ", " and "))
    key = normalise(place)
    if len(key) >= 3 and key not in gazetteer():
        places.local.setdefault(key, place)


def _inferred_area(places: DocumentPlaces) -> str:
    """The place the document's title names, else the place its councils and forces name most often."""
    lines = [line for line in places.doc.lines if line.stripped]
    for line in lines[:3]:
        found = places.place_within(line.stripped)
        if found:
            return found
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for match in LOCAL_PLACE.finditer(places.doc.text):
        found = places.place_within(match.group(0))
        if found:
            counts[found] = counts.get(found, 0) + 1
            first.setdefault(found, match.start())
    if not counts:
        return ""
    return sorted(counts, key=lambda p: (-counts[p], first[p]))[0]


def _sections(places: DocumentPlaces) -> None:
    """Headings set the place of what follows: a heading naming a place (or a body of a place) sets it, a numbered
    heading (or one in capitals) naming none starts a chapter of the whole document, other headings keep the place
    above them."""
    current = ""
    lines = places.doc.lines
    for i, line in enumerate(lines):
        text = line.stripped
        if not _is_heading(text, lines[i - 1].stripped if i else ""):
            continue
        found = places.place_named(text) or places.place_within(text)
        if found:
            if found != current:
                current = found
                places.sections.append((line.start, found))
        elif (_NUMBERED.match(text) or (text.isupper() and len(text) > 3)) and current:
            current = ""
            places.sections.append((line.start, ""))
    places._starts = [offset for offset, _place in places.sections]


def _is_heading(text: str, previous: str) -> bool:
    """A short line standing alone that does not end a sentence: "Charnwood Community Safety Partnership"."""
    if not text or previous or len(text.split()) > 10 or len(text) > 90:
        return False
    if "\t" in text or "|" in text or "\u00a3" in text:
        return False  # a table row
    if text.endswith((".", ",", ";")) or text[0] in "-*\u2022\u00b7o\uf0b7" and text[1:2] == " ":
        return False
    return text[0].isupper() or text[0].isdigit() or text[0] == "#"
