"""The `landscape` command line: load, stats, export, analyse, diagram, serve, and db (the local Neo4j server).

Every command talks to one Neo4j over Bolt: the project's local server (`landscape db start`; its run state tells
where) or the one NEO4J_URI names. Whatever is wrong with it is one plain sentence and exit code 3."""
from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import time
from pathlib import Path
from typing import Any

from graph.settings import Settings


def _load(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from graph.engine import open_engine
    from graph.store import write_facts
    from loaders.pipeline import load_directory

    started = time.monotonic()
    if args.if_empty:
        from graph.store import graph_stats

        with open_engine(settings) as engine:
            if sum(graph_stats(engine)["labels"].values()) > 0:
                print("the graph is not empty; nothing loaded (--if-empty)")
                return 0
    from graph.store import export_graph
    from loaders.report import Before, build_report

    folder = Path(args.folder or args.seeds or settings.seeds_dir)
    facts = load_directory(folder, progress=lambda name: print(f"read {name}"),
                           max_document_bytes=settings.max_document_bytes)
    total = len(facts.nodes) + len(facts.relationships)
    with open_engine(settings) as engine, tqdm(total=total, unit="item", desc="writing", disable=args.quiet) as bar:
        before = Before() if args.reset else Before.from_export(export_graph(engine))  # what is new in this load
        write_facts(engine, facts, reset=args.reset, progress=bar.update)
        where = engine.where
    report = build_report(facts, before)
    print(report.text())
    if args.report:
        report.write(Path(args.report))
        print(f"load report written to {args.report}")
    print(
        f"loaded {len(facts.nodes)} nodes, {len(facts.relationships)} relationships, "
        f"{len(facts.findings)} data-quality findings into Neo4j at {where} "
        f"in {time.monotonic() - started:.1f}s"
    )
    return 0


def _stats(args: argparse.Namespace, settings: Settings) -> int:
    from graph.engine import open_engine
    from graph.store import graph_stats

    with open_engine(settings) as engine:
        stats = graph_stats(engine)
    if args.json:
        print(json.dumps(stats, indent=2, default=str))
        return 0
    print(f"engine: {stats['engine']}")
    print("nodes:")
    for label, count in stats["labels"].items():
        print(f"  {label:<16}{count:>7}")
    print("relationships:")
    for rel_type, count in stats["relationship_types"].items():
        print(f"  {rel_type:<16}{count:>7}")
    print(f"evidence coverage: {stats['evidence_coverage']:.1%}")
    print(f"data-quality findings: {len(stats['findings'])}")
    for finding in stats["findings"]:
        print(f"  [{finding['rule']}] {finding['doc']} line {finding['line']}: {finding['message']}")
    return 0


def _export(args: argparse.Namespace, settings: Settings) -> int:
    from graph import exports
    from graph.engine import open_engine
    from graph.store import export_graph

    if args.format == "csv" and args.output in (None, "-"):
        print("error: csv writes two files (nodes.csv, relationships.csv): name a folder with -o", file=sys.stderr)
        return 2
    with open_engine(settings) as engine:
        data = export_graph(engine)
    counts = f"{len(data['nodes'])} nodes and {len(data['relationships'])} relationships"
    if args.format == "csv":
        folder = Path(args.output)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "nodes.csv").write_text(exports.nodes_csv(data), encoding="utf-8")
        (folder / "relationships.csv").write_text(exports.relationships_csv(data), encoding="utf-8")
        print(f"wrote {counts} to {folder}/nodes.csv and {folder}/relationships.csv")
        return 0
    writer = {"json": exports.to_json, "graphml": exports.to_graphml, "jsonld": exports.to_jsonld}[args.format]
    text = writer(data)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {counts} to {args.output}")
    return 0


def _analyse(args: argparse.Namespace, settings: Settings) -> int:
    from graph.analysis import analyse
    from graph.analysis.report import markdown, render_html
    from graph.engine import open_engine
    from graph.projection import build_projection

    with open_engine(settings) as engine:
        analysis = analyse(build_projection(engine), args.as_of)
    text = markdown(analysis) if args.format == "md" else render_html(analysis)
    if args.output in (None, "-"):
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
        counts = ", ".join(f"{len(found)} {category}" for category, found in analysis.findings.items())
        print(f"wrote {counts} findings to {args.output}")
    return 0


def _diagram(args: argparse.Namespace, settings: Settings) -> int:
    from graph import diagrams
    from graph.engine import open_engine
    from graph.projection import build_projection

    if args.what in ("body", "area") and args.id is None:
        print(f"error: 'landscape diagram {args.what}' needs the {args.what}'s id", file=sys.stderr)
        return 2
    if args.what == "atlas" and args.output in (None, "-"):
        print("error: 'landscape diagram atlas' writes one file per page: name a folder with -o", file=sys.stderr)
        return 2
    suffix = None if args.output in (None, "-") else Path(args.output).suffix.lstrip(".")
    fmt = args.format or (suffix if suffix in diagrams.FORMATS else "svg")
    with open_engine(settings) as engine:
        graph = build_projection(engine)
    if args.what == "atlas":
        return _atlas(graph, args, fmt)
    dates = [_iso_date(d) for d in args.compare.split(",")] if args.compare else [args.as_of]
    try:
        built = [_build_diagram(graph, args, when) for when in dates]
    except (diagrams.UnknownNode, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if len(built) > 1:
        built = diagrams.shared_layout(built)
    for when, diagram in zip(dates, built, strict=True):
        if args.findings:
            diagrams.with_findings(diagram, graph, args.severity)
        target = args.output if len(built) == 1 or args.output in (None, "-") else \
            str(Path(args.output).with_name(f"{Path(args.output).stem}-{when}{Path(args.output).suffix}"))
        _write_diagram(diagram, diagrams.output(diagram, fmt), fmt, target)
    return 0


def _build_diagram(graph: Any, args: argparse.Namespace, as_of: str | None) -> Any:
    from graph import diagrams

    if args.what == "landscape":
        return diagrams.landscape_diagram(graph, as_of)
    if args.what == "area":
        return diagrams.area_diagram(graph, args.id, as_of)
    if args.what == "body":
        return diagrams.body_diagram(graph, args.id, args.direction, args.depth, as_of)
    return diagrams.funding_diagram(graph, args.stream or args.id, as_of)


def _write_diagram(diagram: Any, data: bytes, fmt: str, output: str | None) -> None:
    if output in (None, "-"):
        sys.stdout.buffer.write(data)
        return
    Path(output).write_bytes(data)
    capped = f" (depth capped at {diagram.depth}, asked for {diagram.depth_requested})" if diagram.depth_capped else ""
    print(f"wrote {diagram.kind} diagram ({len(diagram.nodes)} nodes, {len(diagram.edges)} lines) "
          f"as {fmt} to {output}{capped}")


def _atlas(graph: Any, args: argparse.Namespace, fmt: str) -> int:
    """The overview and one page per area, in one folder; the overview's boxes link to the pages beside it."""
    from graph import diagrams
    from graph.diagrams.atlas import atlas

    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    fmt = fmt if fmt in ("svg", "png") else "svg"
    for name, diagram in atlas(graph, args.as_of, link="{id}." + fmt).items():
        _write_diagram(diagram, diagrams.output(diagram, fmt), fmt, str(folder / f"{name}.{fmt}"))
    return 0


def _serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    from api.app import create_app
    from graph.engine import connect

    connect(settings).driver.close()  # a plain sentence now rather than a traceback from the app's start-up
    api = f"http://{args.host}:{args.port}"
    print(f"API on {api} (OpenAPI: {api}/docs); in Neo4j Browser: :play {api}/browser/guide.html", flush=True)
    if settings.local:
        from cli.db import describe
        from graph.server.lifecycle import Home, running

        state = running(Home.of(settings))
        if state is not None:
            print(describe(state, settings), flush=True)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info")
    if settings.local:
        print("The API has stopped; Neo4j keeps running, so other commands still work. "
              "Stop it with `landscape db stop`.")
    return 0


def _iso_date(text: str) -> str:
    """An --as-of value: argparse refuses any other (exit code 2, with the reason)."""
    from graph.analysis.landscape import ISO_DATE

    if not ISO_DATE.match(text):
        raise argparse.ArgumentTypeError(f"must be YYYY, YYYY-MM or YYYY-MM-DD, not {text!r}")
    return text


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="landscape", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    load = sub.add_parser("load", help="extract the seed documents and write them to the graph")
    load.add_argument("folder", nargs="?", help="folder of .txt documents (default: --seeds, else seeds/)")
    load.add_argument("--reset", action="store_true", help="empty the graph first (in the same transaction)")
    load.add_argument("--seeds", help="folder of .txt documents (default: seeds/)")
    load.add_argument("--report", metavar="FILE", help="also write the load report (per document) as JSON to FILE")
    load.add_argument("--quiet", action="store_true", help="no progress bar")
    load.add_argument("--if-empty", action="store_true", help="load only when the graph has no nodes")
    load.set_defaults(func=_load)
    stats = sub.add_parser("stats", help="counts by label and type, evidence coverage, data-quality findings")
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(func=_stats)
    export = sub.add_parser("export", help="write the whole graph with evidence: JSON, CSV, GraphML or JSON-LD (W3C ORG)")
    export.add_argument("--format", choices=["json", "csv", "graphml", "jsonld"], default="json")
    export.add_argument("--output", "-o", help="file to write (default: standard output); for csv a folder")
    export.set_defaults(func=_export)
    analyse = sub.add_parser("analyse", help="write the duplication and gap analysis as a Markdown or HTML report")
    analyse.add_argument("--format", choices=["md", "html"], default="md")
    analyse.add_argument("--output", "-o", help="file to write (default: standard output)")
    analyse.add_argument("--as-of", type=_iso_date, help="the landscape at this date (YYYY, YYYY-MM or YYYY-MM-DD; default: now)")
    analyse.set_defaults(func=_analyse)
    diagram = sub.add_parser("diagram", help="draw the landscape, an area, a body's subtree or chain, or funding flows")
    diagram.add_argument("what", choices=["landscape", "area", "body", "funding", "atlas"],
                         help="atlas: an overview of areas and one page per area, into the folder -o names")
    diagram.add_argument("id", nargs="?", help="the body or area id (for funding: a stream id, like --stream)")
    diagram.add_argument("--output", "-o", help="file to write; its extension gives the format (default: standard output)")
    diagram.add_argument("--format", choices=["svg", "png", "dot", "mmd"], help="default: from --output, else svg")
    diagram.add_argument("--direction", choices=["down", "up"], default="down", help="body: subtree (down) or chain (up)")
    diagram.add_argument("--depth", type=int, default=3, help="body: steps to draw (capped at 10)")
    diagram.add_argument("--stream", help="funding: one funding stream (id or name)")
    diagram.add_argument("--as-of", type=_iso_date, help="the landscape at this date (YYYY, YYYY-MM or YYYY-MM-DD; default: now)")
    diagram.add_argument("--findings", action="store_true", help="mark the duplication and gap findings")
    diagram.add_argument("--compare", help="dates, comma-separated (2007,2012-10): one diagram per date, one layout "
                                           "for all; -o x.png writes x-2007.png, x-2012-10.png")
    diagram.add_argument("--severity", choices=["high", "medium", "low", "info"], default="medium",
                         help="with --findings: the least severe finding marked")
    diagram.set_defaults(func=_diagram)
    serve = sub.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.set_defaults(func=_serve)
    from cli import db

    db.add_parser(sub)
    return parser


def run() -> None:
    """The console script."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:  # `landscape stats | head`: the reader left; not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        code = 0
    raise SystemExit(code)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("neo4j").setLevel(logging.WARNING)  # the driver's notes go to the server's log, not the terminal
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as stop:  # a bad argument (argparse said why) or --help: the code, not an exception
        return int(stop.code or 0)
    from neo4j.exceptions import DriverError, Neo4jError

    from graph.errors import EngineUnavailable
    from loaders.read import DocumentError

    try:
        return int(args.func(args, Settings.from_env()))
    except DocumentError as error:
        print(f"error: {error} (nothing was written)", file=sys.stderr)
        return 2
    except EngineUnavailable as error:
        print(str(error), file=sys.stderr)
        return 3
    except Neo4jError as error:  # the server refused the work (a limit, a constraint): its own words, no traceback
        print(f"Neo4j refused: {error.message} ({error.code}); nothing was changed.", file=sys.stderr)
        return 3
    except DriverError as error:
        print(f"Neo4j connection failed: {error}.", file=sys.stderr)
        return 3


if __name__ == "__main__":
    run()
