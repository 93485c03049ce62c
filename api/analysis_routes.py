"""HTTP routes for the analysis: duplication, gaps, structure and changes, filtered by area, theme, severity, date."""
from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, HTTPException, Query, Request
from pydantic import BaseModel, Field

from api.deps import AsOf
from graph.analysis import Analysis, Finding, cached_analysis, cached_changes
from graph.engine import Engine
from graph.projection import projection
from graph.time import ISO_DATE

router = APIRouter(prefix="/analysis", tags=["analysis"])

AreaFilter = Annotated[str | None, Query(description="area id or name; keeps findings about it or any area inside it")]
ThemeFilter = Annotated[str | None, Query(description="theme id or name, e.g. domestic-abuse")]
SeverityFilter = Annotated[Literal["high", "medium", "low", "info"] | None,
                           Query(description="minimum severity (high > medium > low > info)")]
Limit = Annotated[int, Query(ge=1, le=10_000, description="at most this many findings (most severe first)")]
Offset = Annotated[int, Query(ge=0, description="skip this many findings (paging)")]


class Filters(BaseModel):
    area: str | None
    theme: str | None
    severity: str | None
    as_of: str | None
    since: str | None = None
    until: str | None = None


class FindingsResponse(BaseModel):
    category: str
    filters: Filters
    count: int = Field(description="findings matching the filters (the page holds at most `limit` of them)")
    offset: int
    findings: list[Finding]


def _analysis(request: Request, as_of: str | None) -> Analysis:
    engine: Engine = request.app.state.engine
    return cached_analysis(projection(engine), as_of)


def _respond(request: Request, category: str, area: str | None, theme: str | None, severity: str | None,
             as_of: str | None, limit: int, offset: int) -> FindingsResponse:
    analysis = _analysis(request, as_of)
    try:
        found = analysis.select(category, area=area, theme=theme, severity=severity)
    except LookupError as error:  # an unknown area or theme in a filter is a bad parameter, as on every route
        raise HTTPException(status_code=422, detail=str(error.args[0])) from error
    return FindingsResponse(category=category, filters=Filters(area=area, theme=theme, severity=severity, as_of=as_of),
                            count=len(found), offset=offset, findings=found[offset:offset + limit])


@router.get("/duplication", response_model=FindingsResponse)
def duplication(request: Request, area: AreaFilter = None, theme: ThemeFilter = None,
                severity: SeverityFilter = None, as_of: AsOf = None, limit: Limit = 1000, offset: Offset = 0) -> FindingsResponse:
    """Shared priority themes, membership interlock, bodies with several upward lines, parallel bodies."""
    return _respond(request, "duplication", area, theme, severity, as_of, limit, offset)


@router.get("/gaps", response_model=FindingsResponse)
def gaps(request: Request, area: AreaFilter = None, theme: ThemeFilter = None,
         severity: SeverityFilter = None, as_of: AsOf = None, limit: Limit = 1000, offset: Offset = 0) -> FindingsResponse:
    """Unfunded themes, missing area-wide priorities, missing or stale accountability, unowned money, cycles."""
    return _respond(request, "gaps", area, theme, severity, as_of, limit, offset)


@router.get("/structure", response_model=FindingsResponse)
def structure(request: Request, area: AreaFilter = None, theme: ThemeFilter = None,
              severity: SeverityFilter = None, as_of: AsOf = None, limit: Limit = 1000, offset: Offset = 0) -> FindingsResponse:
    """Brokers (betweenness), members with the most board seats, the longest accountability chains."""
    return _respond(request, "structure", area, theme, severity, as_of, limit, offset)


@router.get("/changes", response_model=FindingsResponse)
def changes(request: Request, area: AreaFilter = None, theme: ThemeFilter = None,
            severity: SeverityFilter = None, as_of: AsOf = None, limit: Limit = 1000, offset: Offset = 0,
            since: Annotated[str | None, Query(pattern=ISO_DATE.pattern, description=(
                "compare by identity from this date (its last day) ... (default: the day before the latest document)"))
            ] = None,
            until: Annotated[str | None, Query(pattern=ISO_DATE.pattern, description=(
                "... to this date (its last day; default: today)"))] = None) -> FindingsResponse:
    """With `since` or `until`: bodies, lines, chairs and priorities added, ended, merged or renamed between the two
    dates, compared by node id and alias, each with `before` and `after` evidence. Without: bodies named only in the
    earlier or only in the latest documents (by identity), mergers and renames."""
    if since is None and until is None:
        return _respond(request, "changes", area, theme, severity, as_of, limit, offset)
    engine: Engine = request.app.state.engine
    try:
        analysis = cached_changes(projection(engine), since, until)
        found = analysis.select("changes", area=area, theme=theme, severity=severity)
    except ValueError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
    except LookupError as error:
        raise HTTPException(status_code=422, detail=str(error.args[0])) from error
    return FindingsResponse(category="changes", filters=Filters(area=area, theme=theme, severity=severity,
                                                                as_of=as_of, since=since, until=until),
                            count=len(found), offset=offset, findings=found[offset:offset + limit])
