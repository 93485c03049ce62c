"""HTTP routes for the governance diagrams: the landscape, an area, a body's subtree or chain, funding flows; each as
SVG, PNG, DOT or Mermaid (the path's extension). Building and rendering live in graph.diagrams."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request, Response
from fastapi.concurrency import run_in_threadpool

from api.deps import AsOf, graph_of, node_or_404
from api.errors import ApiError
from graph.diagrams import (
    MAX_DEPTH,
    MEDIA_TYPES,
    Diagram,
    RenderError,
    area_diagram,
    body_diagram,
    funding_diagram,
    landscape_diagram,
    output,
    with_findings,
)

router = APIRouter(prefix="/diagrams", tags=["diagrams"])

Format = Literal["svg", "png", "dot", "mmd"]
Findings = Annotated[bool, Query(description="mark the duplication and gap findings of the analysis (D1, G1 ...)")]
Severity = Annotated[Literal["high", "medium", "low", "info"],
                     Query(description="with findings=true: the least severe finding marked")]
Depth = Annotated[int, Query(ge=1, description=f"steps from the body; above {MAX_DEPTH} it is capped at {MAX_DEPTH}, "
                                               "said in the title and the X-Diagram-Depth-Capped header")]
Direction = Annotated[Literal["up", "down"],
                      Query(description="down: what reports to it (its subtree); up: its chain of accountability")]
DEPTH_HEADER = "X-Diagram-Depth-Capped"
IMAGE_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"content": {media.split(";")[0]: {} for media in MEDIA_TYPES.values()},
          "description": "the diagram, in the format of the path's extension"},
}


async def _respond(request: Request, diagram: Diagram, fmt: str, findings: bool, severity: str) -> Response:
    if findings:
        diagram = with_findings(diagram, graph_of(request), severity)
    try:
        # Graphviz runs as a subprocess: off the event loop.
        body = await run_in_threadpool(output, diagram, fmt)
    except RenderError as error:
        raise ApiError(503, str(error), code="renderer_unavailable") from error
    headers = {}
    if diagram.depth_capped:
        headers[DEPTH_HEADER] = f"depth {diagram.depth_requested} asked for, capped at {diagram.depth}"
    return Response(content=body, media_type=MEDIA_TYPES[fmt], headers=headers)


@router.get("/landscape.{fmt}", responses=IMAGE_RESPONSES, response_class=Response)
async def landscape(request: Request, fmt: Format, as_of: AsOf = None, findings: Findings = False,
                    severity: Severity = "medium") -> Response:
    """Every partnership structure of the landscape and every line between them, clustered by area."""
    return await _respond(request, landscape_diagram(graph_of(request), as_of), fmt, findings, severity)


@router.get("/bodies/{body_id}.{fmt}", responses=IMAGE_RESPONSES, response_class=Response)
async def body(request: Request, body_id: str, fmt: Format, depth: Depth = 3, direction: Direction = "down",
               as_of: AsOf = None, findings: Findings = False, severity: Severity = "medium") -> Response:
    """A body's subtree (`direction=down`) or its chain of accountability upward (`direction=up`)."""
    node_or_404(request, body_id)
    diagram = body_diagram(graph_of(request), body_id, direction, depth, as_of)
    return await _respond(request, diagram, fmt, findings, severity)


@router.get("/areas/{area_id}.{fmt}", responses=IMAGE_RESPONSES, response_class=Response)
async def area(request: Request, area_id: str, fmt: Format, as_of: AsOf = None, findings: Findings = False,
               severity: Severity = "medium") -> Response:
    """The bodies of one area (and the areas inside it), with the bodies outside it they answer to."""
    diagram = area_diagram(graph_of(request), area_id, as_of)  # an unknown area: 404 by the app's handler
    return await _respond(request, diagram, fmt, findings, severity)


@router.get("/funding.{fmt}", responses=IMAGE_RESPONSES, response_class=Response)
async def funding(request: Request, fmt: Format,
                  stream: Annotated[str | None, Query(description="funding stream id or name (default: all)")] = None,
                  as_of: AsOf = None) -> Response:
    """Funding stream -> allocating body -> recipient or purpose, with the amounts the documents state."""
    diagram = funding_diagram(graph_of(request), stream, as_of)  # an unknown stream: 404 by the app's handler
    return await _respond(request, diagram, fmt, False, "medium")
