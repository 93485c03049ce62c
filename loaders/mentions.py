"""Finding names in a sentence: bodies, programmes, funding streams and legislation, acronyms defined in
brackets, and anaphors ("the Board", "This Group") that rules resolve to a body named earlier."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    return yaml.safe_load(resources.files("loaders").joinpath("vocab.yaml").read_text(encoding="utf-8"))


# Generic names (normalised, singular): the same words name a different body in each place. The brief's list,
# and the statutory and usual local bodies of UK community safety and safeguarding.
GENERIC = frozenset({
    "community safety partnership", "crime and disorder reduction partnership", "joint action group",
    "board", "partnership", "group", "executive", "forum", "committee", "panel", "team", "unit",
    "police and crime commissioner", "office of police and crime commissioner", "police and crime panel",
    "police fire and crime commissioner", "health and wellbeing board", "shadow health and wellbeing board",
    "local safeguarding children board", "safeguarding children board", "safeguarding children partnership",
    "local safeguarding adults board", "safeguarding adults board", "safeguarding adult board",
    "adult safeguarding board", "youth offending service", "youth offending team", "youth offending management board",
    "local strategic partnership", "local strategic partnership board", "criminal justice board",
    "drug and alcohol action team", "drugs and alcohol action team", "drug action team", "responsible authorities group",
    "community safety board", "community safety team", "community safety unit", "community safety partnership board",
    "children trust", "primary care trust", "clinical commissioning group", "integrated care board",
    "council", "county council", "city council", "district council", "borough council", "unitary authority",
    "police", "constabulary", "police authority", "police force", "fire and rescue service", "fire service",
    "fire and rescue authority", "fire authority", "probation", "probation service", "probation trust",
    "youth service", "public health", "domestic violence forum", "domestic abuse forum", "safer neighbourhood board",
    "neighbourhood policing team", "community partnership", "local health board", "health board",
    "public services board", "community planning partnership", "policing and community safety partnership",
    "district policing partnership", "overview and scrutiny committee", "scrutiny committee", "local resilience forum",
    "children and young people board", "safeguarding board", "community safety action group",
    "community safety delivery group", "anti social behaviour group", "tasking group", "performance group",
    "strategic assessment group", "community safety executive", "community safety forum", "community safety group",
})


@lru_cache(maxsize=1)
def generic_acronyms() -> dict[str, str]:
    """The initials of generic names of two words or more ("CSP" -> "community safety partnership"); initials two
    generic names share stand for neither."""
    found: dict[str, set[str]] = {}
    for name in GENERIC:
        if len([w for w in name.split() if w not in SMALL_WORDS]) >= 2:
            found.setdefault(initials(name), set()).add(name)
    return {letters: next(iter(names)) for letters, names in found.items() if len(names) == 1}


def generic_of_acronym(acronym: str) -> str | None:
    """The generic name an acronym abbreviates ("CSPs" -> "community safety partnership"), or None."""
    letters = acronym[:-1] if acronym.endswith("s") and acronym[:-1].isupper() else acronym
    return generic_acronyms().get(letters) if letters.isupper() else None


@lru_cache(maxsize=1)
def national_bodies() -> dict[str, Any]:
    """The gazetteer of UK national bodies and roles (loaders/data/national_bodies.yaml)."""
    data: dict[str, Any] = yaml.safe_load(
        resources.files("loaders").joinpath("data/national_bodies.yaml").read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[re.Pattern[str], dict[str, dict[str, Any]]]:
    entries = {spec["name"]: spec for spec in national_bodies()["bodies"]}
    names = sorted(entries, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    return pattern, entries


@lru_cache(maxsize=1)
def _roles() -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:" + "|".join(national_bodies()["roles"]) + r")(?![\w-])")


def find_roles(text: str, offset: int) -> list[Mention]:
    """Offices named in `text` ("Chief Constable", "Director of Public Health", "Independent Chair")."""
    return [Mention("Role", re.sub(r"\s+", " ", m.group()), offset + m.start(), offset + m.end(), head=m.group().split()[-1])
            for m in _roles().finditer(text)]


def _with_gazetteer(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """Named national bodies without a head noun ("Ministry of Justice", "Victim Support") join the mentions;
    a gazetteer name inside a longer name found by its head noun is left to that name."""
    pattern, entries = _gazetteer()
    for match in pattern.finditer(text):
        s, e = offset + match.start(), offset + match.end()
        overlapping = [m for m in mentions if m.start < e and s < m.end]
        for m in overlapping:
            joined = re.search(r"\s+(?:and|&)\s+$", text[m.start - offset:s - offset])
            if m.label == "Body" and m.start < s and m.end == e and joined is not None:
                # "Respect Task Force and Home Office": two bodies, the second a national one
                m.end = m.start + joined.start()
                m.name = re.sub(r"\s+", " ", text[m.start - offset:m.end - offset])
                m.head = m.name.split()[-1]
        overlapping = [m for m in mentions if m.start < e and s < m.end]
        if any(m.label != "Acronym" and (m.start < s or m.end > e) for m in overlapping):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        spec = entries[match.group()]
        mentions.append(Mention("Body", spec["name"], s, e, head=spec["name"].split()[-1], kind=spec.get("kind")))
    return mentions


@dataclass
class Mention:
    label: str  # Body | Programme | FundingStream | Legislation | Acronym | Anaphor
    name: str
    start: int  # document offsets
    end: int
    head: str = ""
    acronym: str | None = None
    possessive: bool = False
    kind: str | None = None  # a body's kind when a gazetteer says it (otherwise its head noun decides)


_TOKEN = re.compile(r"\([A-Z][A-Za-z&]{1,9}s?\)|[A-Za-z][A-Za-z'\-]*|&|\d{4}|,|\S")
_ACRONYM = re.compile(r"^[A-Z][A-Z&]{1,8}s?$")
_CONNECTORS = {"and", "of", "for", "&", "on", "the", "in"}
_LEGISLATION_HEADS = {"Act", "Regulations", "Bill"}
ROLE_WORDS = {"Director", "Chief", "Head", "Deputy", "Minister", "Secretary", "Leader", "Chair", "Chairman", "Member",
              "Vice-Chair", "Vice-Chairman", "Co-Chair", "Chairperson",
              "Members", "Cabinet", "Manager", "Clerk", "Officer", "Commissioner"}
MODIFIER_HEADS = {"Police"}
OFFICE_MODIFIERS = {"Independent", "Vice", "Joint", "Co", "Acting", "Interim"}
_SHOUTED = re.compile(r"^[A-Z]{6,}$")  # a heading in capitals ("MINUTES", "MEETING"), longer than acronyms (MAPPA)
# Words that title a document or section about a body: "Membership of the Board", "Minutes of the Partnership".
TITLE_WORDS = {"Membership", "Members", "Minutes", "Meeting", "Agenda", "Review", "Report", "Roles", "Role",
               "Responsibilities", "Terms", "Update", "Introduction", "Structure", "Purpose", "Priorities", "Work",
               "Annual", "Evaluation", "Governance", "Funding", "Overview", "Summary", "Appendix", "Constitution",
               "Launch", "Business", "Chair", "Chairman", "Vice-Chair", "Meetings", "Reports", "Plan"}
# Words of an activity that title a section when "of" follows ("Scrutiny of Crime and Disorder Partnerships"), and
# name a body otherwise ("Scrutiny and Audit Committee").
ACTIVITY_WORDS = {"Scrutiny", "Inspection", "Audit", "Consultation", "Assessment", "Commissioning", "Monitoring"}
# "Overview and Scrutiny Board/Committee/Panel": a council's scrutiny body, not a title ("Overview of the Board").
_SCRUTINY_NAME = re.compile(r"Overview\s+(?:and|&)\s+Scrutiny\b")
# Nouns of a relation, not of a name: "a Sub-Body of the Safer Northshire Board" names only the board.
RELATION_NOUNS = {"subbody", "subgroup", "subgroups", "subcommittee", "subboard", "subpanel", "part"}
TRAILERS = {"Chair", "Chairman", "Chairs", "Vice-Chair", "Members", "Member", "Manager", "Managers", "Coordinator",
            "Co-ordinator", "Lead", "Leads", "Budget"}


def _is_cap(token: str) -> bool:
    return token[:1].isupper() or token[:1].isdigit()


def _strip_possessive(token: str) -> tuple[str, bool]:
    if token.endswith("'s"):
        return token[:-2], True
    if token.endswith("s'"):
        return token[:-1], True
    return token, False


def find_mentions(text: str, offset: int, area_names: frozenset[str] = frozenset()) -> list[Mention]:
    """Names in `text` (a clean-view sentence starting at document offset `offset`)."""
    v = vocab()
    body_heads: dict[str, str] = v["body_heads"]
    programme_heads = set(v["programme_heads"])
    funding_heads = set(v["funding_heads"])
    generic = set(v["generic_words"])
    stop = set(v["start_stopwords"])
    tokens = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i][0]
        if not _is_cap(tok) or tok.startswith("("):
            i += 1
            continue
        if _ACRONYM.match(tok) and text[max(0, tokens[i][1] - 1):tokens[i][1]] == "/":
            i += 1  # "LGA/NOMS/SOLACE Local Delivery Alliance Board": the owners before the name are not part of it
            continue
        # A run of capitalised tokens, with connectors, bracketed acronyms and area-list commas inside.
        run = [i]
        j = i + 1
        while j < len(tokens):
            t = tokens[j][0]
            prev = tokens[j - 1][0]
            if t in {"The", "This", "These", "Those"} or (_SHOUTED.match(prev) and t[1:2].islower()) or (
                    t[1:2].islower() and prev in {"Page", "Item"}):
                break  # "MEETING The Authority", "Page 3 History": a heading or page furniture ends there
            if _is_cap(t) and not t.startswith("(") and t not in {",", "&"} and t[0].isalnum():
                run.append(j)
            elif t.startswith("(") and _ACRONYM.match(t[1:-1]) and j + 1 < len(tokens) and _is_cap(tokens[j + 1][0]):
                run.append(j)  # "Anti-Social Behaviour (ASB) Strategy Group"
            elif t in _CONNECTORS and j + 1 < len(tokens) and (_is_cap(tokens[j + 1][0]) or tokens[j + 1][0] == "the"):
                if t == "the" and prev not in {"of", "for"}:
                    break
                if t == "and" and _ACRONYM.match(prev):
                    break  # "DCLG and Department of Health": two things
                run.append(j)
            elif t == "with" and run == [i] and j + 1 < len(tokens) and tokens[j + 1][0][:1].isupper() and (
                    prev not in stop | TITLE_WORDS | ROLE_WORDS | set(body_heads)) and re.search(
                    r"[a-z,][ \t]+$", text[:tokens[i][1]]):
                run.append(j)  # "by Blackburn with Darwen Council": a place named "X with Y"
            elif t == "," and prev == "Police" and [x[0] for x in tokens[j + 1:j + 4]] == ["Fire", "and", "Crime"]:
                run.append(j)  # "Police, Fire and Crime Commissioner"
            elif t == "," and prev.rstrip("'s") in area_names and j + 1 < len(tokens) and tokens[j + 1][0] in area_names \
                    and all(tokens[x][0].rstrip("'s") in area_names or tokens[x][0] in stop | {",", "and", "&"}
                            for x in run):
                run.append(j)  # "Leicester, Leicestershire and Rutland ...", not "Wheatley Homes Westburgh, Westburgh ..."
            else:
                break
            j += 1
        found = [m for piece in _split_at_offices(tokens, run, body_heads)
                 for m in _names_in_run(text, offset, tokens, piece, body_heads, programme_heads, funding_heads,
                                        generic, stop)]
        whole = _whole_run_named_by_acronym(text, offset, tokens, run, j, stop, body_heads)
        if whole is not None and not (len(found) == 1 and (found[0].start, found[0].end) == (whole.start, whole.end)):
            found = [whole]  # "Her Majesty's Courts and Tribunals Service (HMCTS)": one name, not two
        mentions.extend(found)
        if not found and j < len(tokens) and tokens[j][0] in LOWER_HEADS:
            named = _lower_head_name(text, offset, tokens, run, j, stop)
            if named is not None:
                mentions.append(named)
                j += 1
        # A bracketed acronym right after the run defines it.
        if j < len(tokens) and tokens[j][0].startswith("(") and _ACRONYM.match(tokens[j][0][1:-1]):
            acronym = tokens[j][0][1:-1]
            if mentions and mentions[-1].end == offset + tokens[run[-1]][2]:
                last = mentions[-1]
                if abbreviates(acronym, last.name):
                    last.acronym = acronym
                else:
                    _extend_to_acronym(text, offset, last, acronym)
            j += 1
        i = max(j, i + 1)
    # Acronyms standing alone ("reports to the CSPB"), resolved later against known aliases.
    covered = [(m.start, m.end) for m in mentions]
    by_start = {m.start: m for m in mentions}
    for m in re.finditer(r"\b[A-Z][A-Z&]{1,7}s?\b", text):
        s, e = offset + m.start(), offset + m.end()
        if any(a <= s < b for a, b in covered):
            continue
        if text[max(0, m.start() - 1):m.start()] == "(":
            continue
        # "NTA (National Treatment Agency)": the acronym first, its expansion in brackets names the body.
        opening = re.match(r"\s*\(", text[m.end():])
        expansion = by_start.get(offset + m.end() + opening.end()) if opening else None
        bracket = re.match(r"\s*\(([^()]{5,120})\)", text[m.end():])
        if expansion is not None and bracket and _initials_are(m.group(), bracket.group(1)) and (
                expansion.label == "Body"):
            # "the CIPOP (Countywide Integrated Partnerships for Older People)": the whole bracket is the name
            expansion.name = re.sub(r"\s+", " ", bracket.group(1)).strip()
            expansion.end = offset + m.end() + bracket.end(1)
            expansion.acronym = m.group()
            continue
        if expansion is not None and text[expansion.end - offset:expansion.end - offset + 1] == ")" and (
                abbreviates(m.group(), expansion.name) and len(expansion.name.split()) >= 2):
            expansion.acronym = expansion.acronym or m.group()
            continue
        if m.group() in CORPORATE_SUFFIXES:
            continue  # "Women's Aid Leicestershire LTD"
        spelled = re.match(r"\s+((?:[A-Z][\w'-]*\s+){1,5}[A-Z][\w'-]*)", text[m.end():])
        if spelled and _initials_are(m.group(), spelled.group(1)):
            # "LWA Living Without Abuse": an acronym followed by the words it spells names one body
            s2 = m.end() + spelled.start(1)
            e2 = m.end() + spelled.end(1)
            mentions = [x for x in mentions if not (x.start < offset + e2 and offset + s2 < x.end)]
            covered.append((offset + s2, offset + e2))
            mentions.append(Mention("Body", spelled.group(1), offset + s2, offset + e2,
                                    head=spelled.group(1).split()[-1], acronym=m.group()))
            continue
        grouped = _ACRONYM_LED_GROUP.match(text[m.end():])
        if grouped and not text[max(0, m.start() - 2):m.start()].strip().endswith("'"):
            # "CSP delivery group", "SNB steering panel": a group of that body, named by its acronym and plain words
            e2 = m.end() + grouped.end()
            name = re.sub(r"\s+", " ", text[m.start():e2])
            mentions.append(Mention("Body", name, s, offset + e2, head=grouped.group(1).capitalize()))
            covered.append((s, offset + e2))
            continue
        mentions.append(Mention("Acronym", m.group().rstrip("s") if m.group().endswith("s") and
                                len(m.group()) > 3 else m.group(), s, e))
    for m in _LEGISLATION.finditer(text):
        name = m.group(1)
        lead = re.match(r"(?:(?:The|This|the|Under|under|By|by|Of|of)\s+)+", name)
        start = m.start(1) + (lead.end() if lead else 0)
        name = re.sub(r"\s+", " ", text[start:m.end(1)])
        if len(name.split()) < 2:
            continue
        if m.group(2):
            name = f"{name} {m.group(2)}"
        mentions = [x for x in mentions if not (x.start < offset + m.end() and offset + start < x.end)]
        mentions.append(Mention("Legislation", name, offset + start, offset + m.end(), head=name.split()[-1]))
    mentions = _with_place_after(text, offset, _with_place_before_acronym(text, offset, mentions, area_names))
    mentions = _with_nhs_bodies(text, offset, _with_gazetteer(text, offset, mentions))
    for named in mentions:
        owned = _PLACE_OWNED.match(named.name)
        if named.label == "Body" and owned is not None and owned.group(1) not in v["body_heads"] and (
                owned.group(1) not in OWNING_NOUNS):
            named.name = f"{owned.group(1)} {owned.group(2)}"  # "Bury's Community Safety Partnership": Bury's own
    mentions.sort(key=lambda m: m.start)
    return mentions


# "for Suffolk", "at Blackburn with Darwen", "for the Isle of Wight": a place after a generic name.
_PLACE_WORD = r"[A-Z][a-z'\u2019]+(?:-[A-Za-z]+)*"
_PLACE_AFTER = re.compile(r"[ \t]+(?:for|of|at|in|covering)[ \t]+(?:the[ \t]+)?(" + _PLACE_WORD
                          + r"(?:(?:[ \t]+(?:and|&|with|upon|of)[ \t]+|[ \t]+)" + _PLACE_WORD + r"){0,3})(?![\w&'-])")
_PLACE_BEFORE = re.compile(r"(?<![\w&'-])([A-Z][A-Z&]{1,6}|" + _PLACE_WORD + r"(?:(?:[ \t]+(?:and|&|with|upon)[ \t]+|[ \t]+)"
                           + _PLACE_WORD + r"){0,3})[ \t]+$")


def _generic_name(name: str) -> str | None:
    """The generic name a mention's words are ("Community Safety Partnerships" -> community safety partnership)."""
    words = re.sub(r"[^a-z ]+", " ", name.lower().replace("&", " and ")).split()
    if words and words[0] == "the":
        words = words[1:]
    if words and len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
        words[-1] = words[-1][:-1]
    joined = " ".join(words).replace("well being", "wellbeing").replace(" of the ", " of ")
    return joined if joined in GENERIC and len(words) >= 2 else None


def _placeish(words: str) -> bool:
    """Capitalised words that may be a place: none is a head noun, an office, a title or a generic word."""
    v = vocab()
    barred = set(v["body_heads"]) | set(v["generic_words"]) | set(v["programme_heads"]) | set(v["funding_heads"]) | (
        ROLE_WORDS | TITLE_WORDS | set(v["start_stopwords"]))
    return not any(w in barred or w.rstrip("s") in barred for w in re.findall(r"[A-Za-z][\w'\u2019-]*", words))


def _with_place_after(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """"Police and Crime Commissioner for Suffolk", "CSP for North Yorkshire": a generic name followed by its place
    is one name, the place's body."""
    extended: list[Mention] = []
    for m in mentions:
        if m.label not in {"Body", "Acronym"} or m.possessive:
            continue
        if (generic_of_acronym(m.name) if m.label == "Acronym" else _generic_name(m.name)) is None:
            continue
        if re.search(r"[a-z]s$|[A-Z]s$", text[m.start - offset:m.end - offset]):
            continue  # "the Community Safety Partnerships in Westshire": the class in a place
        after = _PLACE_AFTER.match(text, m.end - offset)
        if after is None or not _placeish(after.group(1)):
            continue
        end = offset + after.end()
        if any(x is not m and x.start < end and m.end <= x.start and x.label not in {"Acronym"} for x in mentions):
            continue  # "the Partnership for the Safer Northshire Board": a name follows, not a place
        m.name = re.sub(r"\s+", " ", text[m.start - offset:end - offset])
        if m.label == "Acronym":
            m.label, m.head = "Body", (generic_of_acronym(m.name.split()[0]) or "").split()[-1].capitalize()
        m.end = end
        extended.append(m)
    return [x for x in mentions if not any(y is not x and y.start <= x.start and x.end <= y.end for y in extended)]


_LEVEL_WORDS = {"County", "District", "Borough", "City", "Metropolitan", "Local", "National", "Regional", "Area", "and",
                "&", "with", "upon", "Unitary", "Town", "Parish", "Force", "Sub-Regional", "Countywide"}


def _with_place_before_acronym(text: str, offset: int, mentions: list[Mention],
                               area_names: frozenset[str]) -> list[Mention]:
    """"Craven CSP", "Hambleton and Richmondshire CSP", "B&NES CSP": a place before a generic name's acronym is
    one name."""
    dropped: list[Mention] = []
    for m in mentions:
        if m.label != "Acronym" or generic_of_acronym(m.name) is None or any(m is d for d in dropped):
            continue
        before = _PLACE_BEFORE.search(text, 0, m.start - offset)
        if before is None or not _placeish(before.group(1)) or all(
                w in _LEVEL_WORDS for w in before.group(1).split()):
            continue  # "the County and District LSPs": levels, not a place
        opening = not text[:before.start(1)].strip() or re.search(r"(?:[.!?:;\u2022\u00b7*\u2013-]|^\s*o)\s*$",
                                                                  text[:before.start(1)])
        if opening and before.group(1).split()[0] not in area_names:
            continue  # "Attend CDRP meetings": a capital that opens a sentence is no sign of a place
        start = offset + before.start(1)
        inside = [x for x in mentions if x is not m and x.end > start and x.start < m.start]
        if any(x.label != "Acronym" for x in inside):
            continue
        dropped.extend(inside)  # "B&NES CSP": the place's own acronym is part of the name
        m.label, m.head = "Body", (generic_of_acronym(m.name) or "").split()[-1].capitalize()
        m.name = re.sub(r"\s+", " ", text[start - offset:m.end - offset])
        m.start = start
    return [x for x in mentions if not any(x is d for d in dropped)]


# "Safer Westshire, which is a county-wide partnership board", "Justice Now (JN) is a charity": a name with no head
# noun that the text itself says is a body.
_SELF_DEFINED = re.compile(
    r"(?<![\w'\u2019&-])((?:[A-Z][\w'\u2019-]*|[a-z]+[A-Z][\w'\u2019-]*)(?:[ \t]+(?:of|and|&|for)?[ \t]*[A-Z][\w'\u2019-]*){1,3})"
    r"(?:[ \t]+\(([A-Z][A-Za-z&]{1,8})\))?(?:,[ \t]*which[ \t]+|[ \t]+)(?:is|was)[ \t]+(?:a|an|the)[ \t]+"
    r"(?:[\w-]+[ \t]+){0,4}?(?:partnership|board|group|charity|organisation|organization|forum|body|committee|"
    r"network|alliance|panel)\b(?![ \t]+(?:priority|priorities|plan|approach|strategy|arrangements?|meeting)\b)")


def self_defined_bodies(text: str) -> list[str]:
    """Names without a head noun that a document says are bodies ("Safer Westshire, which is a partnership board"),
    so that the document's other sentences find them too."""
    v = vocab()
    heads = set(v["body_heads"]) | set(v["programme_heads"]) | set(v["funding_heads"])
    barred = heads | set(v["start_stopwords"]) | TITLE_WORDS | ROLE_WORDS | MONTHS
    out: list[str] = []
    for match in _SELF_DEFINED.finditer(text):
        name = re.sub(r"\s+", " ", match.group(1))
        words = [w for w in name.split() if w not in SMALL_WORDS | {"&"}]
        if len(words) < 2 or words[0] in barred or any(_strip_possessive(w)[0] in heads or w.rstrip("s") in heads
                                                       for w in words):
            continue
        if name in v["areas"] or all(w in v["areas"] for w in words):
            continue  # "Westshire and Eastshire is the area of one partnership": places
        if name not in out:
            out.append(name)
    return out


# "NHS Grampian", "NHS Greater Glasgow and Clyde", "NHS Greater Manchester (Eastbury)": the NHS body of a place.
_NHS = re.compile(r"(?<![\w-])NHS[ \t]+(?:(?:Greater|North|South|East|West|Mid|Central|Upper|Lower)[ \t]+)?"
                  r"[A-Z][a-z]+(?:-[A-Za-z]+)*(?:[ \t]+(?:and|&)[ \t]+[A-Z][a-z]+)?(?:[ \t]+\([A-Z][a-z]+\))?(?![\w-])")


def _with_nhs_bodies(text: str, offset: int, mentions: list[Mention]) -> list[Mention]:
    """The NHS board or trust of a place, named by "NHS" and the place alone (no head noun)."""
    for match in _NHS.finditer(text):
        name = re.sub(r"\s+", " ", match.group())
        words = name.split()[1:]
        if not _placeish(" ".join(w.strip("()") for w in words)) or words[-1] in {"Health", "Care", "Digital"} or (
                re.match(r"[ \t]+[A-Z][a-z]", text[match.end():])):
            continue  # "NHS Trust", "NHS Health Check": a head noun, a plain word or more of a name follows
        s, e = offset + match.start(), offset + match.end()
        overlapping = [m for m in mentions if m.start < e and s < m.end]
        if any(m.label != "Acronym" for m in overlapping):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        mentions.append(Mention("Body", name, s, e, head="NHS"))
    return mentions


# Possessives that are part of a name ("Children's Trust", "Women's Aid"), not a place owning a body.
OWNING_NOUNS = {"Children", "People", "Women", "Men", "Citizens", "Victims", "Peoples", "Lady", "Ladies", "Witness",
                 "Commissioner", "Mayor", "Council", "County", "City", "Government", "Parents", "Carers", "Nation"}
_PLACE_OWNED = re.compile(r"^([A-Z][a-z]+(?:-[a-z]+-[A-Z][a-z]+)?)'s (.+)$")


_LEGISLATION = re.compile(r"((?:[A-Z][A-Za-z']+)(?:\s+(?:and|of|the|for|on|in|&|[A-Z][A-Za-z']+|\([^()]{3,80}\)))*?"
                          r"\s+(?:Act|Regulations|Bill))\b(?:\s+(?:in\s+)?((?:19|20)\d{2}))?")


# Ranks and forms of address that start a person's name inside a run of capitals ("Superintendent Jo Bloggs of ...").
RANKS = {"Superintendent", "Inspector", "Sergeant", "Constable", "Councillor", "Cllr", "Coun", "Mr", "Mrs", "Ms",
         "Miss", "Dr", "Commander", "Professor", "Sir", "Dame", "Lord", "Lady", "Baroness"}
MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"}


def _split_at_offices(tokens: list[tuple[str, int, int]], run: list[int], body_heads: dict[str, str]) -> list[list[int]]:
    """A run of capitals is cut where an office or a person starts inside it: "Westshire Council Strategic Director
    and Jo Bloggs of Westshire Police" -> "Westshire Council" and "Westshire Police"; "Chief Executive of the
    Council and Chair of the Safer Westshire Partnership" -> the office's own rules then take each part; page
    furniture ("Collated Evidence Page 4 Scrutiny Committee") is cut off before the name that follows it."""
    for x in range(len(run) - 2, -1, -1):
        if tokens[run[x]][0] in {"Page", "Item"} and tokens[run[x + 1]][0].isdigit():
            run = run[x + 2:]
            break
    pieces: list[list[int]] = []
    current: list[int] = []
    x = 0
    while x < len(run):
        word = tokens[run[x]][0]
        if word in RANKS and x + 1 < len(run):
            # "Superintendent Jo Bloggs of Westshire Police", "Cllr Jo Bloggs Westshire Council": a person, then the
            # body after "of" when it follows the name at once, else after the first name and surname
            if current:
                pieces.append(current)
            current = []
            office_of = next((y for y in range(x + 1, min(len(run), x + 4)) if tokens[run[y]][0] in {"of", "for"}),
                             None)
            x = office_of + 1 if office_of is not None else x + 3
            while x < len(run) and tokens[run[x]][0] in {"the", "and", "&"}:
                x += 1
            continue
        if word in ROLE_WORDS and word not in body_heads and current and x + 1 < len(run):
            before = [tokens[p][0] for p in current]
            # after a whole name (a head noun, with at most two modifiers before the office) or after "and"
            lead = next((y for y in range(len(before) - 1, -1, -1) if before[y].rstrip("s") in body_heads
                         or before[y] == "and"), None)
            if lead is not None and len(before) - 1 - lead <= 2 and all(
                    w[:1].isupper() for w in before[lead + 1:]):
                keep = current[:lead + 1] if before[lead] != "and" else current[:lead]
                if keep:
                    pieces.append(keep)
                if not any(tokens[run[y]][0] in {"of", "for"} for y in range(x + 1, len(run))):
                    return pieces  # "Westshire Police Chief Constable": what follows the office is no body
                current = [run[x]]  # the office's own rule reads "Chair of the ..."
                x += 1
                continue
        current.append(run[x])
        x += 1
    if current:
        pieces.append(current)
    return pieces


def _names_in_run(text: str, offset: int, tokens: list[tuple[str, int, int]], run: list[int],
                  body_heads: dict[str, str], programme_heads: set[str], funding_heads: set[str],
                  generic: set[str], stop: set[str]) -> list[Mention]:
    # Drop leading stop words ("The", "This", "Chaired", ...).
    k = 0
    while k < len(run) and (tokens[run[k]][0] in stop or tokens[run[k]][0][:1].isdigit() or (
            tokens[run[k]][0] in MONTHS and k + 1 < len(run))):
        k += 1  # "April 2015 Police and Crime Commissioner": a date opening a run is no part of a name
    lead_stop = [tokens[run[x]][0] for x in range(k) if tokens[run[x]][0] not in MONTHS]
    run = run[k:]
    if len(run) >= 3 and re.fullmatch(r"[A-Z][a-z]+ing", tokens[run[0]][0]) and _generic_name(
            text[tokens[run[1]][1]:tokens[run[-1]][2]]) is not None and _generic_name(
            text[tokens[run[0]][1]:tokens[run[-1]][2]]) is None:
        run = run[1:]  # "Merging Community Safety Partnerships": a verb before a generic name
    led_by_title = bool(run) and (tokens[run[0]][0] in TITLE_WORDS or (
        tokens[run[0]][0] in ACTIVITY_WORDS and len(run) > 1 and tokens[run[1]][0] in {"of", "for"})) and (
        not _SCRUTINY_NAME.match(text, tokens[run[0]][1]))
    # "Independent Chair of the X", "Vice Chair of the X": an office's modifier before its role word
    modified_role = len(run) > 1 and tokens[run[0]][0] in OFFICE_MODIFIERS and tokens[run[1]][0] in ROLE_WORDS
    if run and (tokens[run[0]][0] in ROLE_WORDS or led_by_title or modified_role
                or tokens[run[0]][0].lower().replace("-", "") in RELATION_NOUNS):
        # "Director of Children's Services for Leicester City Council": the body follows the office.
        cut = next((x for x, pos in enumerate(run) if tokens[pos][0] in {"of", "for"}), None)
        if cut is None:
            return []
        run = run[cut + 1:]
        while run and tokens[run[0]][0] == "the":
            run = run[1:]
    heads = set(body_heads) | programme_heads | funding_heads
    last = max((x for x, pos in enumerate(run) if _strip_possessive(tokens[pos][0])[0] in heads), default=None)
    if last is not None and 0 < len(run) - 1 - last <= 2 and all(
            tokens[pos][0] in TRAILERS for pos in run[last + 1:]):
        run = run[:last + 1]  # "Safer Communities Board Chair": the office follows the name
    out: list[Mention] = []
    seg_start = 0
    for idx, pos in enumerate(run):
        word, possessive = _strip_possessive(tokens[pos][0])
        label = None
        if word in body_heads:
            label = "Body"
        elif word in programme_heads:
            label = "Programme"
        elif word in funding_heads:
            label = "FundingStream"
        elif word.endswith("s") and word[:-1] in body_heads and idx >= 2 and (
                idx + 1 == len(run) or tokens[run[idx + 1]][0] in _CONNECTORS | {"or"}):
            label = "BodyPlural"  # "Community Safety Partnerships": the class, named in the singular
        if label is None:
            continue
        nxt = tokens[run[idx + 1]][0] if idx + 1 < len(run) else None
        if word in MODIFIER_HEADS and nxt in {"and", "&"}:
            continue  # "Police and Crime Commissioner", "Police & Crime plan"
        if word == "Office" and nxt == "of" and any(_strip_possessive(tokens[p][0])[0] in body_heads
                                                    for p in run[idx + 2:]):
            continue  # "Office of the Police and Crime Commissioner": the office of a body is one name
        if label in {"Programme", "FundingStream"} and nxt in {"and", "&"} and any(
                _strip_possessive(tokens[p][0])[0] in body_heads for p in run[idx + 2:idx + 4]):
            continue  # "Domestic Abuse Strategy and Delivery Board": the strategy names the board
        named_by_topic = _named_by_topic(tokens, run, seg_start, idx, body_heads, heads, generic) if (
            label == "Body" and not possessive and nxt in {"on", "for"}) else None
        if named_by_topic is not None:
            # "Coalition on Youth Justice", "Alliance for Safer Streets": a bare head named by the topic after it
            s, e = tokens[run[named_by_topic[0]]][1], tokens[run[-1]][2]
            out.append(Mention("Body", re.sub(r"\s+", " ", text[s:e]), offset + s, offset + e, head=word))
            seg_start = len(run)
            break
        # Keep going while the name continues with more capitalised words ("Partnership Board", "Act 1998").
        if nxt is not None and not possessive and nxt not in _CONNECTORS and not nxt.startswith("(") and not (
                nxt[0].isdigit() and label != "Legislation"):
            if label == "Legislation" and re.fullmatch(r"\d{4}", nxt):
                pass
            else:
                continue
        if nxt == "and" and label == "Body" and idx + 2 < len(run):
            # "X Council and Y Council": two names; "Crime and Disorder ... Partnership": one name.
            pass
        end_idx = idx + 1 if not (label == "Legislation" and nxt and re.fullmatch(r"\d{4}", nxt)) else idx + 2
        words = run[seg_start:end_idx]
        while words and tokens[words[0]][0] in _CONNECTORS | {","}:
            words = words[1:]
        if seg_start and words and (tokens[words[0]][0] in ROLE_WORDS or (
                len(words) > 1 and tokens[words[0]][0] in OFFICE_MODIFIERS and tokens[words[1]][0] in ROLE_WORDS)):
            # "X Council and Chair of the Y Partnership": after "and", an office names the body after its "of"
            cut = next((x for x, pos in enumerate(words) if tokens[pos][0] in {"of", "for"}), None)
            words = words[cut + 1:] if cut is not None else []
            while words and tokens[words[0]][0] in {"the", "The"}:
                words = words[1:]
        if not words:
            seg_start = end_idx
            continue
        s = tokens[words[0]][1]
        e = tokens[words[-1]][2]
        surface = text[s:e]
        acronym = None
        inner = re.search(r"\s*\(([A-Z][A-Za-z&]{1,9}s?)\)\s*", surface)
        name = surface
        if inner and abbreviates(inner.group(1), surface[:inner.start()]):
            # "Anti-Social Behaviour (ASB) Strategy Group": the bracket is not part of the name, and ASB abbreviates
            # only the words before it, so it is the group's acronym only when it spells the whole name
            if _initials_are(inner.group(1), surface):
                acronym = inner.group(1)
            name = surface[:inner.start()] + " " + surface[inner.end():]
        name, possessive_name = _strip_possessive(name.strip())
        name = re.sub(r"\s+", " ", name).strip(" ,")
        content = [w for w in re.findall(r"[A-Za-z][A-Za-z'\-]*", name) if w not in _CONNECTORS]
        tail = re.search(r"\b(?:for|of) the ([A-Za-z' -]+)$", name)
        if tail and all(w in generic for w in tail.group(1).split()):
            seg_start = end_idx
            continue  # "Parliament for the Service": the head belongs to a reference, not to a name
        head = _strip_possessive(tokens[words[-1]][0])[0] if label != "Legislation" else word
        is_generic = all(w in generic or w == head for w in content)
        definite = bool(lead_stop and lead_stop[-1] in {"The", "This", "That", "Its", "Their", "These"}) or bool(
            re.search(r"\b(?:the|this|that|its|their|these)\s+$", text[:s], re.I))
        if label == "Body" and is_generic and len(content) <= 2:
            if not definite:
                seg_start = end_idx
                continue  # "an inter-agency Steering Group": a body we cannot name
            kind = "Anaphor"
        else:
            kind = label
        if label == "BodyPlural":
            parts = re.split(r"\s+and\s+", name)
            if len(parts) > 1 and re.search(r"[a-z]s$", parts[0]):
                name = parts[-1]  # "Local Area Agreements and Local Strategic Partnerships"
                s = e - len(name)
            singular = name[:-1] if name.endswith("s") else name
            out.append(Mention("Body", singular, offset + s, offset + e, head=word[:-1]))
            seg_start = end_idx
            continue
        if kind == "Body" and len(content) < 2 and head not in {"Police", "Constabulary"}:
            seg_start = end_idx
            continue
        if kind in {"Programme", "FundingStream"} and len(content) < 2:
            seg_start = end_idx
            continue
        m = Mention(kind, name, offset + s, offset + e, head=head, possessive=possessive or possessive_name)
        if acronym:
            m.acronym = acronym
        if kind == "Anaphor":
            m.name = " ".join(lead_stop[-1:] + [name]) if lead_stop else name
        out.append(m)
        if kind in {"FundingStream", "Programme"} and len(words) > 2:
            # "Safer Rutland Partnership Board Budget": the body that owns the budget is named too.
            owner_word = _strip_possessive(tokens[words[-2]][0])[0]
            if owner_word in body_heads:
                owner_end = tokens[words[-2]][2]
                owner_name = re.sub(r"\s+", " ", text[s:owner_end]).strip()
                out.insert(len(out) - 1, Mention("Body", owner_name, offset + s, offset + owner_end, head=owner_word))
        seg_start = end_idx
    return out


def _named_by_topic(tokens: list[tuple[str, int, int]], run: list[int], seg_start: int, idx: int,
                    body_heads: dict[str, str], heads: set[str], generic: set[str]) -> tuple[int] | None:
    """Where a name starts when a head noun with no name of its own before it ("the Coalition", "an Alliance")
    is followed by "on"/"for" and a topic of two or more capitalised words, none a head noun or a place, running
    to the end of the capitalised run: "Coalition on Social and Criminal Justice", "Alliance for Safer Streets"."""
    before = [tokens[p][0] for p in run[seg_start:idx] if tokens[p][0] not in _CONNECTORS]
    if before and not all(w in generic for w in before):
        return None
    tail = [tokens[p][0] for p in run[idx + 2:]]
    content = [w for w in tail if w not in _CONNECTORS]
    if len(content) < 2 or "the" in tail or tail[-1] in _CONNECTORS or not tail[0][:1].isupper():
        return None
    if any(_strip_possessive(w)[0] in heads or w.rstrip("s") in body_heads or w in ROLE_WORDS for w in content):
        return None
    areas = {a.split()[0] for a in vocab()["areas"]}
    if content[0] in areas or any(w in MONTHS for w in content):
        return None
    first = next((x for x in range(seg_start, idx) if tokens[run[x]][0] not in _CONNECTORS), idx)
    return (first,)


LOWER_HEADS = {"group", "forum"}
CORPORATE_SUFFIXES = {"LTD", "PLC", "LLP", "CIC", "INC"}


def _whole_run_named_by_acronym(text: str, offset: int, tokens: list[tuple[str, int, int]], run: list[int], after: int,
                                stop: set[str], body_heads: dict[str, str]) -> Mention | None:
    """The whole run is one body's name when the bracketed acronym after it has exactly its initials."""
    if after >= len(tokens) or not tokens[after][0].startswith("(") or not _ACRONYM.match(tokens[after][0][1:-1]):
        return None
    words = list(run)
    while words and tokens[words[0]][0] in stop:
        words = words[1:]
    if len(words) < 3:
        return None
    heads = [h for h in (_strip_possessive(tokens[p][0])[0] for p in words)
             if h in body_heads or (h.endswith("s") and h[:-1] in body_heads)]
    if not heads:
        return None  # "Government Office for the East Midlands (GOEM)": the head need not come last
    head = heads[-1] if heads[-1] in body_heads else heads[-1][:-1]
    start, end = tokens[words[0]][1], tokens[words[-1]][2]
    name = re.sub(r"\s+", " ", text[start:end])
    acronym = tokens[after][0][1:-1]
    if not _initials_are(acronym, name):
        return None
    return Mention("Body", name, offset + start, offset + end, head=head, acronym=acronym)


def _lower_head_name(text: str, offset: int, tokens: list[tuple[str, int, int]], run: list[int], head: int,
                     stop: set[str]) -> Mention | None:
    """"the Staying Healthy group": a capitalised name with its head in lower case, after 'the' or 'a'."""
    words = [pos for pos in run if tokens[pos][0] not in stop]
    if len(words) < 2 or words[0] != run[0] or not all(tokens[p][0][:1].isupper() for p in words):
        return None
    if not re.search(r"\b(?:the|a)\s+$", text[:tokens[run[0]][1]]):
        return None
    start, end = tokens[run[0]][1], tokens[head][2]
    name = re.sub(r"\s+", " ", text[start:tokens[run[-1]][2]]) + " " + tokens[head][0].capitalize()
    return Mention("Body", name, offset + start, offset + end, head=tokens[head][0].capitalize())


def _extend_to_acronym(text: str, offset: int, mention: Mention, acronym: str) -> None:
    """"All Party Parliamentary Group (APPG)": the capitalised words dropped before the name belong to it when
    with them the acronym fits the name (at most two words back)."""
    before = text[:mention.start - offset]
    for words in (1, 2):
        match = re.search(r"((?:[A-Z][A-Za-z'\-]*\s+){" + str(words) + r"})$", before)
        if match is None:
            return
        longer = match.group(1) + mention.name
        if abbreviates(acronym, longer) and len(_letters(acronym)) > len(initials(mention.name)):
            mention.name = re.sub(r"\s+", " ", longer)
            mention.start = offset + match.start(1)
            mention.acronym = acronym
            return


SMALL_WORDS = {"and", "of", "for", "the", "on", "in"}


# Plain words after an acronym that end in a group's head noun ("CSP delivery group"); "board" and "partnership"
# are left out ("the CSP board" is mostly the partnership itself).
_ACRONYM_LED_GROUP = re.compile(r"[ \t]+(?:(?:delivery|steering|working|task|tasking|operational|strategic|officer|"
                                r"theme|thematic|executive|management|core|sub)[ \t-]+){1,2}(group|panel|forum|committee)\b")


def initials(name: str) -> str:
    """The initials of a name's words, brackets and small words left out: 'Drug and Alcohol Action Team' -> DAAT."""
    bare = re.sub(r"\([^()]*\)", " ", name).replace("-", " ")
    return "".join(w[0].upper() for w in re.findall(r"[A-Za-z][A-Za-z']*", bare) if w.lower() not in SMALL_WORDS)


def _letters(acronym: str) -> str:
    return "".join(c.upper() for c in acronym.rstrip("s") if c.isalpha())


def _initials_are(acronym: str, name: str) -> bool:
    """The acronym's letters are exactly the initials of the name's words."""
    return _letters(acronym) == initials(name)


def abbreviates(acronym: str, name: str) -> bool:
    """Whether the acronym's letters are the initials of the name's words, in order (some may be skipped):
    'ASB' for 'Anti-Social Behaviour', 'SMPB' for 'Leicestershire Substance Misuse Partnership Board'."""
    letters = _letters(acronym)
    firsts = initials(name)
    position = 0
    for letter in letters:
        while position < len(firsts) and firsts[position] != letter:
            position += 1
        if position == len(firsts):
            return False
        position += 1
    return bool(letters)
