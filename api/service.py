"""The answers behind the HTTP routes, as plain data: each runs named queries from cypher/ and shapes the rows.

Every fact in an answer carries `evidence`: a list of {doc, document, date, start, end, quote, method}.
"""
from __future__ import annotations

import re
import threading
import weakref
from collections import defaultdict
from typing import Any

from graph.engine import Engine
from graph.lookup import UnknownNode
from graph.schema import load_schema
from graph.store import EVIDENCE_KEYS, evidence_from_properties, search_text
from graph.time import as_of_day, in_period, stated_by

HIDDEN = {"search_text", *EVIDENCE_KEYS}
UPWARD = {"REPORTS_TO", "SUBGROUP_OF", "ACCOUNTABLE_TO", "PART_OF"}
SUCCESSION = {"MERGED_INTO", "SUCCEEDED_BY"}
STATUS_RANK = {"current": 0, "renamed": 1, "merged": 1, "planned": 2, "proposed": 3, "historic": 4, "closed": 5}
MAX_DEPTH = 10

_documents_lock = threading.Lock()
_documents: weakref.WeakKeyDictionary[Engine, tuple[int, dict[str, dict[str, Any]]]] = weakref.WeakKeyDictionary()


def fold(text: str | None) -> str | None:
    """Search text as stored: lower case, '&' as 'and', punctuation dropped; None for empty text."""
    if text is None or not text.strip():
        return None
    folded = search_text(text)
    if re.fullmatch(r"(?:[a-z0-9] )+[a-z0-9]", folded):  # "C.S.P.B." is the acronym CSPB
        folded = folded.replace(" ", "")
    return folded or None


def documents(engine: Engine) -> dict[str, dict[str, Any]]:
    """Source documents by the short id evidence uses ('004_808a...'), cached per load."""
    from graph.projection import generation

    current = generation()
    with _documents_lock:
        cached = _documents.get(engine)
    if cached is not None and cached[0] == current:
        return cached[1]
    found = {}
    for row in engine.read("documents"):
        short = str(row["id"]).removeprefix("doc-")
        found[short] = {"id": row["id"], "title": row.get("title") or row.get("name"), "date": row.get("date"),
                        "publisher": row.get("publisher"), "file": row.get("file")}
    with _documents_lock:
        _documents[engine] = (current, found)
    return found


def evidence(engine: Engine, props: dict[str, Any]) -> list[dict[str, Any]]:
    """The evidence of a node or relationship, each quote with its document's title and date."""
    docs = documents(engine)
    out = []
    for item in evidence_from_properties(props):
        doc = docs.get(str(item["doc"]), {})
        out.append({"doc": item["doc"], "document": doc.get("title"), "date": doc.get("date"), "start": item["start"],
                    "end": item["end"], "quote": item["quote"], "method": item["method"]})
    return out


def public(props: dict[str, Any]) -> dict[str, Any]:
    """Properties without the storage-only keys (search text, evidence columns, relationship key)."""
    return {k: v for k, v in sorted(props.items()) if k not in HIDDEN and k != "key"}


def line(engine: Engine, rel_type: str, props: dict[str, Any]) -> dict[str, Any]:
    """A relationship as it appears in answers: type, status, dates, other properties and evidence."""
    rest = public(props)
    return {"type": rel_type, "status": rest.pop("status", None), "valid_from": rest.pop("valid_from", None),
            "valid_to": rest.pop("valid_to", None), **window(rest), "properties": rest,
            "evidence": evidence(engine, props)}


def window(rest: dict[str, Any]) -> dict[str, Any]:
    """The stamped time of a fact (graph.time), popped from its properties: when it holds, who attests it, and
    whether it is an intention (planned or proposed)."""
    return {"holds_from": rest.pop("holds_from", None), "holds_to": rest.pop("holds_to", None),
            "attested_by": rest.pop("holds_doc", None), "intention": bool(rest.pop("intention", False))}


# --- bodies -----------------------------------------------------------------------------------------------------


def search_bodies(engine: Engine, *, q: str | None, kind: str | None, area: str | None, theme: str | None,
                  as_of: str | None, limit: int, offset: int) -> dict[str, Any]:
    folded = fold(q)
    if q is not None and q.strip() and folded is None:  # only punctuation: matches nothing rather than everything
        return {"total": 0, "limit": limit, "offset": offset, "items": []}
    rows = engine.read("search_bodies", q=folded, kind=kind, area=area, theme=theme, skip=offset, limit=limit,
                       as_of=None if as_of is None else as_of_day(as_of))
    total, page = (rows[0]["total"], rows[0]["page"]) if rows else (0, [])
    return {"total": total, "limit": limit, "offset": offset,
            "items": [{"id": b["id"], "name": b["name"], "aliases": list(b.get("aliases") or []), "kind": b.get("kind"),
                       "status": b.get("status"), "evidence": evidence(engine, b)} for b in page]}


def body_props(engine: Engine, body_id: str) -> dict[str, Any]:
    rows = engine.read("body", id=body_id)
    if not rows:
        raise UnknownNode("body", body_id, "Body")
    props: dict[str, Any] = rows[0]["props"]
    return props


def body_detail(engine: Engine, body_id: str, as_of: str | None) -> dict[str, Any]:
    """The body with aliases, kind, status, areas, chair, members, its lines up and down, priorities and evidence."""
    props = body_props(engine, body_id)
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in engine.read("body_lines", id=body_id, as_of=as_of_day(as_of)):
        rel_type, outgoing = row["type"], bool(row["outgoing"])
        entry = {"id": row["id"], "name": row["name"], "label": row["label"], **line(engine, rel_type, row["line"])}
        groups[_group(rel_type, outgoing)].append(entry)
    rest = public(props)
    priorities = [p for p in holder_priorities(engine, body_id, as_of) if in_period(p["period"], as_of)]
    return {
        "id": body_id, "name": rest.pop("name", None), "aliases": list(rest.pop("aliases", None) or []),
        "kind": rest.pop("kind", None), "status": rest.pop("status", None), "as_of": as_of,
        "properties": {k: v for k, v in rest.items() if k != "id"},
        "areas": groups.pop("areas", []), "chair": groups.pop("chair", []), "members": groups.pop("members", []),
        "vice_chair": groups.pop("vice_chair", []), "lead": groups.pop("lead", []),
        "answers_to": groups.pop("answers_to", []), "answered_by": groups.pop("answered_by", []),
        "succeeded_by": groups.pop("succeeded_by", []), "succeeds": groups.pop("succeeds", []),
        "member_of": groups.pop("member_of", []), "other_lines": [e for v in groups.values() for e in v],
        "priorities": priorities, "evidence": evidence(engine, props),
    }


def _group(rel_type: str, outgoing: bool) -> str:
    if rel_type == "COVERS":
        return "areas"
    if rel_type == "CHAIRED_BY":
        return "chair" if outgoing else "chairs"
    if rel_type == "VICE_CHAIRED_BY":
        return "vice_chair" if outgoing else "vice_chairs"
    if rel_type == "LED_BY":
        return "lead" if outgoing else "leads"
    if rel_type == "MEMBER_OF":
        return "member_of" if outgoing else "members"
    if rel_type in UPWARD:
        return "answers_to" if outgoing else "answered_by"
    if rel_type in SUCCESSION:
        return "succeeded_by" if outgoing else "succeeds"
    return "other"


def holder_priorities(engine: Engine, holder_id: str, as_of: str | None = None) -> list[dict[str, Any]]:
    """The holder's priorities stated by the day `as_of` stands for (today when None)."""
    day = as_of_day(as_of)
    rows = engine.read("holder_priorities", id=holder_id)
    out = [_priority(engine, row) for row in rows if stated_by(row["props"], day)]
    return sorted(out, key=lambda p: (_position(p["position"]), p["id"]))


def _position(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 10_000


def _priority(engine: Engine, row: dict[str, Any]) -> dict[str, Any]:
    out = {"id": row["id"], "text": row["text"], "period": row.get("period"), "status": row.get("status"),
           "position": row.get("position"), "themes": sorted(row.get("themes") or []),
           "evidence": evidence(engine, row["props"])}
    if "holder" in row:
        out |= {"holder": row["holder"], "holder_name": row["holder_name"], "holder_label": row["holder_label"]}
    return out


def reports(engine: Engine, body_id: str, depth: int, as_of: str | None) -> dict[str, Any]:
    """Who reports to a body, as a tree to `depth`; bodies merged into it are listed apart (not reporting lines)."""
    props = body_props(engine, body_id)
    day = as_of_day(as_of)
    rows = engine.read("reports_to_body", id=body_id, depth=min(depth, MAX_DEPTH), as_of=day)
    children: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for row in rows:
        children[row["parent"]].setdefault(row["id"], {
            "id": row["id"], "name": row["name"], "kind": row.get("kind"), "body_status": row.get("body_status"),
            **line(engine, row["type"], row["line"])})

    def expand(node_id: str, level: int, seen: frozenset[str]) -> list[dict[str, Any]]:
        if level > depth:
            return []
        out = []
        for child_id, entry in sorted(children.get(node_id, {}).items(), key=lambda kv: str(kv[1]["name"])):
            if child_id in seen:
                out.append({**entry, "children": [], "cycle": True})
                continue
            out.append({**entry, "children": expand(child_id, level + 1, seen | {child_id})})
        return out

    # One entry per body that merged into this one or that it succeeds: a merger stated twice (MERGED_INTO and a
    # planned SUCCEEDED_BY) keeps its firmest line, the other is listed under `also`.
    by_body: dict[str, list[dict[str, Any]]] = defaultdict(list)
    intended = []
    for row in engine.read("body_lines", id=body_id, as_of=day):
        if row["type"] in UPWARD and not row["outgoing"] and row["line"].get("intention"):
            intended.append({"id": row["id"], "name": row["name"], "label": row["label"],
                             **line(engine, row["type"], row["line"])})
        if row["type"] in SUCCESSION and not row["outgoing"]:
            by_body[row["id"]].append({"id": row["id"], "name": row["name"], "label": row["label"],
                                       **line(engine, row["type"], row["line"])})
    merged_in = []
    for entries in by_body.values():
        entries.sort(key=lambda e: (STATUS_RANK.get(str(e["status"]), 9), e["type"] != "MERGED_INTO"))
        merged_in.append({**entries[0], "also": [{k: e[k] for k in ("type", "status", "valid_from", "evidence")}
                                                 for e in entries[1:]]})
    flat = {row["id"]: row["depth"] for row in rows}
    return {"id": body_id, "name": props.get("name"), "depth": depth, "as_of": as_of,
            "count": len(flat), "reports": expand(body_id, 1, frozenset({body_id})), "merged_in": merged_in,
            "intended": intended}


def chain(engine: Engine, body_id: str, as_of: str | None) -> dict[str, Any]:
    """The accountability chain(s) upward, ordered from the body to the top; each step's line has its evidence."""
    props = body_props(engine, body_id)
    day = as_of_day(as_of)
    rows = engine.read("accountability_chain", id=body_id, as_of=day)
    best: dict[tuple[str, ...], tuple[tuple[int, ...], dict[str, Any]]] = {}
    for row in rows:
        steps, types, lines = row["steps"], row["types"], row["lines"]
        ids = tuple(s["id"] for s in steps)
        rank = tuple(STATUS_RANK.get(str(p.get("status")), 9) * 2 + (t in SUCCESSION) for t, p in zip(types, lines, strict=True))
        path: dict[str, Any] = {
            "steps": [
                {"id": s["id"], "name": s["name"], "label": s["label"], "kind": s.get("kind"), "status": s.get("status"),
                 "line_up": None if i == len(types) else line(engine, types[i], lines[i])}
                for i, s in enumerate(steps)
            ],
        }
        if ids not in best or rank < best[ids][0]:
            best[ids] = (rank, path)
    chains = [path for _, path in sorted(best.values(), key=lambda rp: (len(rp[1]["steps"]), rp[0]))]
    for path in chains:
        top = path["steps"][-1]
        path["top"] = {"id": top["id"], "name": top["name"]}
        path["length"] = len(path["steps"]) - 1
    note = None
    if not chains:
        upward = [r for r in engine.read("body_lines", id=body_id, as_of=day)
                  if r["outgoing"] and (r["type"] in UPWARD or r["type"] in SUCCESSION) and not r["line"].get("intention")]
        note = ("its upward lines form a cycle: no top can be reached" if upward
                else "no upward line is recorded: the body is the top of its own chain")
    tops = sorted({p["top"]["id"] for p in chains}) or [body_id]
    return {"id": body_id, "name": props.get("name"), "as_of": as_of, "tops": tops, "chains": chains, "note": note}


# --- priorities, themes, funding, areas ---------------------------------------------------------------------------


def priorities(engine: Engine, *, theme: str | None, holder: str | None, as_of: str | None, limit: int,
               offset: int) -> dict[str, Any]:
    day = as_of_day(as_of)
    rows = [_priority(engine, r) for r in engine.read("priorities", theme=theme, holder=holder)
            if stated_by(r["props"], day)]
    rows = [p for p in rows if in_period(p["period"], as_of)]
    return {"total": len(rows), "limit": limit, "offset": offset, "theme": theme, "as_of": as_of,
            "items": rows[offset:offset + limit]}


def themes(engine: Engine) -> list[dict[str, Any]]:
    return [{**row, "funded": row["allocations"] > 0} for row in engine.read("themes")]


def funding(engine: Engine, *, stream: str | None, recipient: str | None, period: str | None,
            as_of: str | None, funder: str | None = None, flow: str | None = None,
            measure: str | None = None) -> dict[str, Any]:
    """Allocations matching the filters (ids), each figure with its column, and the totals of the figures that
    count (items given out, each part counted once): per stream and column, and per funder (who funds a stream,
    what a body funds)."""
    rows = engine.read("funding", stream=stream, recipient=recipient, funder=funder, period=period)
    items = [_allocation(engine, row) for row in rows if _holds(row, as_of)]
    items = [i for i in items if (flow is None or i["flow"] == flow)
             and (measure is None or any(f["measure"] == measure for f in i["figures"]))]
    totals: dict[tuple[Any, ...], dict[str, Any]] = {}
    funders: dict[tuple[Any, ...], dict[str, Any]] = {}
    for item in items:
        if not item["counted"]:
            continue
        for figure in item["figures"]:
            if (period is not None and figure["period"] != period) or (measure is not None and figure["measure"] != measure):
                continue
            key = (item["stream"], figure["measure"], figure["period"])
            _add(totals, key, figure["amount_gbp"], stream=item["stream"], stream_name=item["stream_name"],
                 measure=figure["measure"], period=figure["period"])
            _add(funders, (item["funder"], *key), figure["amount_gbp"], funder=item["funder"],
                 funder_name=item["funder_name"], stream=item["stream"], stream_name=item["stream_name"],
                 measure=figure["measure"], period=figure["period"])
    return {"filters": {"stream": stream, "recipient": recipient, "funder": funder, "period": period, "as_of": as_of,
                        "flow": flow, "measure": measure},
            "count": len(items), "allocations": items,
            "totals": sorted(totals.values(), key=lambda t: (str(t["stream_name"]), str(t["period"]),
                                                             str(t["measure"]))),
            "funders": sorted(funders.values(), key=lambda t: (str(t["funder_name"]), str(t["stream_name"]),
                                                               str(t["period"]), str(t["measure"]))),
            "note": "totals add the figures that count: item rows given out (flow allocation), each breakdown "
                    "counted once; stated totals, subtotals, balances and receipts are listed but never added"}


def _holds(row: dict[str, Any], as_of: str | None) -> bool:
    return as_of is None or any(in_period(p, as_of) for p in row.get("periods") or [] if p)


def _add(into: dict[tuple[Any, ...], dict[str, Any]], key: tuple[Any, ...], amount: int | float, **fields: Any) -> None:
    total = into.setdefault(key, {**fields, "total_gbp": 0, "rows": 0})
    total["total_gbp"] += amount
    total["rows"] += 1


def _allocation(engine: Engine, row: dict[str, Any]) -> dict[str, Any]:
    """One allocation as answers show it: every figure with its measure, period and column."""
    amounts, periods = list(row.get("amounts_gbp") or []), list(row.get("periods") or [])
    measures, columns = list(row.get("measures") or []), list(row.get("columns") or [])
    figures = [{"amount_gbp": amount, "period": (periods[i] if i < len(periods) else None) or None,
                "measure": measures[i] if i < len(measures) else ((periods[i] if i < len(periods) else None) or None),
                "column": columns[i] if i < len(columns) else None}
               for i, amount in enumerate(amounts) if amount is not None]
    bodies, areas = list(row.get("recipient_bodies") or []), list(row.get("recipient_areas") or [])
    first = (bodies + areas)[0] if bodies or areas else {"id": None, "name": None}
    chosen = next((f for f in figures if f["period"] == row.get("period")), figures[0] if figures else None)
    return {
        "id": row["id"], "stream": row.get("stream"), "stream_name": row.get("stream_name"),
        "funder": row.get("funder"), "funder_name": row.get("funder_name"),
        "allocated_by": row.get("funder"), "allocated_by_name": row.get("funder_name"),
        "recipient": first["id"], "recipient_name": first["name"], "recipient_bodies": bodies,
        "recipient_areas": areas, "recipients": [r["id"] for r in bodies + areas],
        "purpose": row.get("purpose"), "row_kind": row.get("row_kind") or "item", "flow": row.get("flow") or "allocation",
        "counted": bool(row.get("counted")), "amount_gbp": row.get("amount_gbp"), "period": row.get("period") or None,
        "measure": chosen["measure"] if chosen else None, "figures": figures, "amounts_gbp": amounts,
        "periods": periods, "measures": [f["measure"] for f in figures], "breakdown_of": list(row.get("breakdown_of") or []),
        "table": row.get("table"), "row": row.get("row"), "evidence": evidence(engine, row["props"]),
    }


MONEY_RULES = ("total-mismatch", "subtotal-mismatch", "breakdown-mismatch", "unread-table")


def funding_totals(engine: Engine, *, stream: str | None, funder: str | None, period: str | None) -> dict[str, Any]:
    """Totals computed per table, per allocating body and per stream, each beside the total the documents state
    (the difference is the data-quality finding listed with it)."""
    tables = [_table_total(row) for row in engine.read("funding_totals", stream=stream, funder=funder, period=period)]
    findings = [{"id": f["id"], "rule": f["rule"], "message": f["message"], "doc": f["doc"], "line": f["line"],
                 "quotes": list(f.get("quotes") or [])}
                for f in engine.read("list_findings") if f["rule"] in MONEY_RULES]
    return {"filters": {"stream": stream, "funder": funder, "period": period},
            "tables": tables, "bodies": _rollup(tables, ("funder", "funder_name", "stream", "stream_name")),
            "streams": _rollup(tables, ("stream", "stream_name")), "findings": findings,
            "note": "computed totals add item rows given out; rows that break down another table's row are counted "
                    "there only; stated totals are the documents' own total rows"}


def _table_total(row: dict[str, Any]) -> dict[str, Any]:
    stated = list(row.get("stated_gbp") or [])
    first = stated[0] if stated else None
    return {"table": row.get("table"), "stream": row.get("stream"), "stream_name": row.get("stream_name"),
            "funder": row.get("funder"), "funder_name": row.get("funder_name"), "measure": row["measure"],
            "period": row["period"], "computed_gbp": row["items_gbp"], "counted_gbp": row["counted_gbp"],
            "rows": row["rows"], "stated_gbp": first, "stated_all_gbp": stated,
            "difference_gbp": None if first is None else row["items_gbp"] - first,
            "received_gbp": row.get("received_gbp") or 0, "breakdown_of": list(row.get("breakdown_of") or [])}


def _rollup(tables: list[dict[str, Any]], keys: tuple[str, ...]) -> list[dict[str, Any]]:
    """Per body or stream and column: the counted sum, and the stated totals of the tables that are not
    breakdowns (None when one of them states no total, so the two are never compared half way)."""
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for t in tables:
        key = (*(t[k] for k in keys), t["measure"], t["period"])
        group = groups.setdefault(key, {**{k: t[k] for k in keys}, "measure": t["measure"], "period": t["period"],
                                        "computed_gbp": 0, "rows": 0, "stated_gbp": 0, "received_gbp": 0,
                                        "tables": []})
        group["computed_gbp"] += t["counted_gbp"]
        group["received_gbp"] += t["received_gbp"]
        if t["rows"] and not t["breakdown_of"]:
            group["rows"] += t["rows"]
            if t["table"] is not None:
                group["tables"].append(t["table"])
            if group["stated_gbp"] is not None:
                group["stated_gbp"] = None if t["stated_gbp"] is None else group["stated_gbp"] + t["stated_gbp"]
    out = []
    for group in groups.values():
        if not group["tables"] and not group["rows"]:
            group["stated_gbp"] = None
        group["difference_gbp"] = None if group["stated_gbp"] is None else group["computed_gbp"] - group["stated_gbp"]
        out.append(group)
    return sorted(out, key=lambda g: tuple(str(g[k]) for k in (*keys, "period", "measure")))


def area(engine: Engine, area_id: str, as_of: str | None) -> dict[str, Any]:
    rows = engine.read("area", id=area_id)
    if not rows:
        raise UnknownNode("area", area_id, "Area")
    props = rows[0]["props"]
    covered = [{"id": r["id"], "name": r["name"], "label": r["label"], "kind": r.get("kind"), "area": r["area"],
                "area_name": r["area_name"], "covers": r["covers"], **line(engine, "COVERS", r["line"])}
               for r in engine.read("area_coverage", id=area_id)]
    money = funding(engine, stream=None, recipient=area_id, period=None, as_of=as_of)
    rest = public(props)
    return {
        "id": area_id, "name": rest.pop("name", None), "aliases": list(rest.pop("aliases", None) or []),
        "level": rest.pop("level", None), "as_of": as_of,
        "within": [a for a in rows[0]["within"] if a.get("id")], "inside": [a for a in rows[0]["inside"] if a.get("id")],
        "covered_by": covered,
        "priorities": [p for p in holder_priorities(engine, area_id, as_of) if in_period(p["period"], as_of)],
        "allocations": money["allocations"], "evidence": evidence(engine, props),
    }


# --- evidence, the landscape at a date, documents -----------------------------------------------------------------


def node_evidence(engine: Engine, node_id: str, label: str | None) -> dict[str, Any]:
    rows = engine.read("node_evidence", id=node_id)
    if not rows or (label is not None and rows[0]["label"] != label):
        raise UnknownNode((label or "node").lower(), node_id, label)
    row = rows[0]
    return {"kind": "node", "id": node_id, "label": row["label"], "name": row["name"],
            "evidence": evidence(engine, row["props"])}


def relationship_evidence(engine: Engine, key: str) -> dict[str, Any]:
    """`key` is TYPE:start->end, as the export and every answer's lines spell it."""
    rel_type, _, ends = key.partition(":")
    start, _, end = ends.partition("->")
    if not (rel_type and start and end) or rel_type not in load_schema().relationships:
        raise ValueError(f"a relationship id is TYPE:start->end with a type of the schema, not {key!r}")
    rows = engine.read("relationship_evidence", type=rel_type, start=start, end=end)
    if not rows:
        raise UnknownNode("relationship", key, None)
    row = rows[0]
    return {"kind": "relationship", "id": key, **line(engine, row["type"], row["props"]),
            "start": row["start"], "start_name": row["start_name"], "end": row["end"], "end_name": row["end_name"]}


def landscape(engine: Engine, as_of: str | None) -> dict[str, Any]:
    """Every line between bodies stated by the day `as_of` stands for (today when None) and not ended then; planned
    and proposed lines are listed with `intention: true`."""
    day = as_of_day(as_of)
    rows = engine.read("landscape_as_of", as_of=day)
    lines = [{**{k: v for k, v in row.items() if k != "line"}, **window(dict(row["line"])),
              "evidence": evidence(engine, row["line"])} for row in rows]
    return {"as_of": as_of, "day": day, "count": len(lines), "lines": lines}


def document_list(engine: Engine) -> list[dict[str, Any]]:
    return list(documents(engine).values())
