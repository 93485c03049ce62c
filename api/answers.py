"""The answers behind api.answer_routes, as plain data: who chairs what, and programmes (MAPPA, IOM, the LAA...).

Each runs named queries from cypher/ at one day (graph.time: a partial `as_of` is its last day, none is today), and
every fact carries its evidence in the shape api.service gives it.
"""
from __future__ import annotations

from typing import Any

from api.service import evidence, fold, line, public
from graph.engine import Engine
from graph.lookup import UnknownNode
from graph.time import as_of_day

CHAIR_WORDS = {"CHAIRED_BY": "chair", "VICE_CHAIRED_BY": "vice-chair"}
PROGRAMME_ROLES = {"DELIVERS": "delivered_by", "OVERSEES": "overseen_by", "COMMISSIONS": "commissioned_by",
                   "LED_BY": "led_by"}


def chairs(engine: Engine, *, body: str | None, as_of: str | None) -> dict[str, Any]:
    """Every chair and vice-chair line at the day, with who holds it: a role, a body, and the role's named holder."""
    day = as_of_day(as_of)
    items = []
    for row in engine.read("chairs", as_of=day, body=body):
        held = line(engine, row["type"], row["line"])
        items.append({
            "body": row["body"], "body_name": row["body_name"], "body_kind": row.get("body_kind"),
            "office": CHAIR_WORDS[row["type"]], "chair": row["id"], "chair_name": row["name"],
            "held_by": "role" if row["label"] == "Role" else "body", "holder": row.get("holder"),
            # where the text says how the chair is held ("a rotating chair", "an independent chair")
            "basis": held["properties"].get("basis"), **held,
        })
    return {"as_of": as_of, "day": day, "body": body, "count": len(items), "chairs": items}


def programmes(engine: Engine, *, q: str | None, as_of: str | None) -> dict[str, Any]:
    """Programmes by name, alias or acronym (every one when `q` is None), with who delivers, oversees or leads them."""
    folded = fold(q)
    if q is not None and q.strip() and folded is None:  # only punctuation: matches nothing rather than everything
        return {"q": q, "as_of": as_of, "count": 0, "programmes": []}
    day = as_of_day(as_of)
    items = [_programme_summary(engine, row) for row in engine.read("programmes", q=folded, as_of=day)]
    return {"q": q, "as_of": as_of, "day": day, "count": len(items), "programmes": items}


def _programme_summary(engine: Engine, row: dict[str, Any]) -> dict[str, Any]:
    roles = _roles(engine, [x for x in row["lines"] if x is not None])
    return {"id": row["id"], "name": row["name"], "aliases": list(row.get("aliases") or []), "status": row.get("status"),
            **roles, "allocations": row["allocations"], "documents": [d.removeprefix("doc-") for d in row["documents"]],
            "evidence": evidence(engine, row["props"])}


def _roles(engine: Engine, lines: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Lines between a programme and the bodies around it, by what the body does: delivers, oversees, leads..."""
    found: dict[str, list[dict[str, Any]]] = {role: [] for role in PROGRAMME_ROLES.values()}
    for item in lines:
        if _is_role(item):
            found[PROGRAMME_ROLES[item["type"]]].append(
                {"id": item["id"], "name": item["name"], "label": item["label"], **line(engine, item["type"], item["line"])})
    return found


def _is_role(item: dict[str, Any]) -> bool:
    """A body delivers, oversees or commissions the programme (lines into it), or the programme is led by someone."""
    return item["type"] in PROGRAMME_ROLES and item["outgoing"] == (item["type"] == "LED_BY")


def programme(engine: Engine, programme_id: str, as_of: str | None) -> dict[str, Any]:
    """One programme: its names, the bodies around it, the money for it, what it rests on, and the evidence."""
    day = as_of_day(as_of)
    rows = engine.read("programme", id=programme_id, as_of=day)
    if not rows:
        raise UnknownNode("programme", programme_id, "Programme")
    row = rows[0]
    lines = [x for x in row["lines"] if x is not None]
    rest = public(row["props"])
    money = [{"id": x["id"], "amount_gbp": x.get("amount_gbp"), "period": x.get("period"), "purpose": x.get("purpose"),
              "evidence": evidence(engine, x["line"])} for x in lines if x["type"] == "FOR" and not x["outgoing"]]
    others = [{"id": x["id"], "name": x["name"], "label": x["label"], "outgoing": x["outgoing"],
               **line(engine, x["type"], x["line"])}
              for x in lines if x["type"] != "FOR" and not _is_role(x)]
    return {"id": programme_id, "name": rest.pop("name", None), "aliases": list(rest.pop("aliases", None) or []),
            "status": rest.pop("status", None), "as_of": as_of, "day": day, **_roles(engine, lines),
            "allocations": money, "other_lines": others,
            "documents": [d.removeprefix("doc-") for d in row["documents"]], "evidence": evidence(engine, row["props"])}
