"""Hand labels of the development corpus and of the seeds: reading and checking them (tests and the benchmark)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.settings import REPO

CORPUS = Path(__file__).resolve().parent
SEED_LABELS = CORPUS / "seeds"
SEEDS = REPO / "seeds"

FACT_TYPES = frozenset({"REPORTS_TO", "SUBGROUP_OF", "ACCOUNTABLE_TO", "PART_OF", "OVERSEES", "CHAIRED_BY",
                        "VICE_CHAIRED_BY", "MEMBER_OF", "LED_BY", "COMMISSIONS", "FUNDS", "HAS_PRIORITY",
                        "MERGED_INTO", "SUCCEEDED_BY"})
# Facts whose far end may be a role as the text writes it ("Chief Constable") rather than a listed body.
ROLE_ENDS = frozenset({"CHAIRED_BY", "VICE_CHAIRED_BY", "LED_BY"})
STATUSES = frozenset({"current", "planned", "proposed"})
KINDS = frozenset({"terms-of-reference", "structure", "funding-decision", "constitution", "scrutiny-report",
                   "annual-review", "strategy", "minutes", "web-page"})
PERIOD = re.compile(r"^(?:\d{4}-\d{2}|\d{4}|\d{4}-\d{2}/\d{4}-\d{2})$")
PUBLISHED = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")

# Areas kept for the independent check, and their councils, cities and police force areas. Case-sensitive
# whole words; ambiguous English words ("Reading", "Derby" alone is a name too) are matched with their nouns.
RESERVED = re.compile(r"\b(?:" + "|".join([
    r"Nottinghamshire", r"Nottingham", r"Lincolnshire", r"Lincoln(?! Road)", r"Boston Borough", r"West Yorkshire",
    r"Leeds", r"Bradford", r"Wakefield", r"Kirklees", r"Calderdale", r"Surrey", r"Devon", r"Cornwall", r"Plymouth",
    r"Torbay", r"Exeter", r"Dorset", r"Bournemouth", r"Poole", r"Christchurch", r"Gwent", r"Caerphilly",
    r"Blaenau Gwent", r"Torfaen", r"Monmouthshire", r"Newport(?! Pagnell)", r"South Wales", r"Swansea", r"Cardiff",
    r"Bridgend", r"Neath", r"Port Talbot", r"Vale of Glamorgan", r"Rhondda", r"Merthyr", r"Thames Valley",
    r"Berkshire", r"Oxfordshire", r"Oxford", r"Buckinghamshire", r"Milton Keynes", r"Reading Borough",
    r"Reading's", r"Slough", r"Wokingham", r"Bracknell", r"Windsor", r"Maidenhead", r"Cheshire", r"Warrington",
    r"Halton", r"Chester", r"Warwickshire", r"Nuneaton", r"Rugby Borough", r"Stratford-on-Avon", r"Durham",
    r"Darlington", r"Sussex", r"Brighton", r"Hove", r"Crawley", r"Hastings", r"Eastbourne", r"Derbyshire",
    r"Derby City", r"Derby's", r"City of Derby", r"Essex", r"Southend", r"Thurrock", r"Chelmsford", r"Colchester",
    r"Basildon", r"Rochford", r"Castle Point", r"Leicester", r"Leicestershire", r"Rutland",
]) + r")\b")


@dataclass(frozen=True)
class Fact:
    type: str
    start: str
    end: str | None
    quote: str
    status: str = "current"
    text: str | None = None  # HAS_PRIORITY: the priority
    amount: int | None = None  # FUNDS
    period: str | None = None


@dataclass
class Labelled:
    """One labelled text: where it came from, its bodies (name -> aliases) and its facts."""

    slug: str
    text: str
    path: Path
    meta: dict[str, Any]
    bodies: dict[str, list[str]] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)

    def names(self) -> dict[str, str]:
        """Every name and alias of a listed body -> the body's name."""
        out: dict[str, str] = {}
        for name, aliases in self.bodies.items():
            for variant in [name, *aliases]:
                out[variant] = name
        return out


class LabelError(ValueError):
    pass


def corpus_files() -> list[Path]:
    return sorted(CORPUS.glob("*.yaml"))


def seed_label_files() -> list[Path]:
    return sorted(SEED_LABELS.glob("*.yaml"))


def read_labels(path: Path) -> Labelled:
    """Read one label file and check it against its text; LabelError says what is wrong and where."""
    path = path.resolve()
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    where = path.name
    if path.parent == SEED_LABELS:
        doc = raw.get("document") or path.stem
        text_path = SEEDS / f"{doc}.txt"
    else:
        text_path = path.with_suffix(".txt")
        for key in ("source", "title", "area", "kind"):
            if not raw.get(key):
                raise LabelError(f"{where}: '{key}' is required")
        if raw["kind"] not in KINDS:
            raise LabelError(f"{where}: kind {raw['kind']!r} is not one of {sorted(KINDS)}")
        if raw.get("published") is not None and not PUBLISHED.match(str(raw["published"])):
            raise LabelError(f"{where}: published {raw['published']!r} is not YYYY[-MM[-DD]]")
    if not text_path.is_file():
        raise LabelError(f"{where}: no text {text_path.name}")
    text = text_path.read_text(encoding="utf-8")
    labelled = Labelled(slug=path.stem, text=text, path=text_path, meta=raw)
    for index, body in enumerate(raw.get("bodies") or []):
        if not isinstance(body, dict) or not body.get("name"):
            raise LabelError(f"{where}: bodies[{index}] needs a name")
        if body["name"] in labelled.bodies:
            raise LabelError(f"{where}: body {body['name']!r} is listed twice")
        labelled.bodies[body["name"]] = [str(a) for a in body.get("aliases") or []]
    names = labelled.names()
    for index, spec in enumerate(raw.get("facts") or []):
        labelled.facts.append(_fact(spec, f"{where}: facts[{index}]", text, names))
    return labelled


def _fact(spec: dict[str, Any], where: str, text: str, names: dict[str, str]) -> Fact:
    fact_type = spec.get("type")
    if fact_type not in FACT_TYPES:
        raise LabelError(f"{where}: type {fact_type!r} is not one of {sorted(FACT_TYPES)}")
    quote = spec.get("quote")
    if not isinstance(quote, str) or not quote.strip():
        raise LabelError(f"{where}: a quote is required")
    if quote not in text:
        raise LabelError(f"{where}: the quote is not verbatim in the text: {quote[:80]!r}")
    start = spec.get("from")
    if start not in names:
        raise LabelError(f"{where}: 'from' {start!r} is not a listed body or alias")
    status = spec.get("status", "current")
    if status not in STATUSES:
        raise LabelError(f"{where}: status {status!r} is not one of {sorted(STATUSES)}")
    end = spec.get("to")
    priority = spec.get("text")
    amount = spec.get("amount")
    if fact_type == "HAS_PRIORITY":
        if not isinstance(priority, str) or priority not in quote:
            raise LabelError(f"{where}: a priority's 'text' must be verbatim inside its quote")
        end = None
    elif not isinstance(end, str) or not end:
        raise LabelError(f"{where}: 'to' is required")
    elif fact_type not in ROLE_ENDS and end not in names:
        raise LabelError(f"{where}: 'to' {end!r} is not a listed body or alias")
    if fact_type == "FUNDS":
        if not isinstance(amount, int) or amount <= 0:
            raise LabelError(f"{where}: FUNDS needs a whole positive 'amount' in pounds")
        if spec.get("period") is not None and not PERIOD.match(str(spec["period"])):
            raise LabelError(f"{where}: period {spec['period']!r} is not 2020-21, 2020 or 2020-04/2021-03")
    return Fact(type=fact_type, start=names[start], end=names.get(end, end) if end else None, quote=quote,
                status=status, text=priority, amount=amount,
                period=str(spec["period"]) if spec.get("period") is not None else None)


def reserved_names(text: str) -> list[str]:
    """Reserved areas a text names (it must name none)."""
    return sorted({m.group(0) for m in RESERVED.finditer(text)})
