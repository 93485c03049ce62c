"""The questions no other route answered: who chairs what (/chairs) and programmes (/programmes, /programmes/{id}).
Each route runs named queries from cypher/ (api.answers); answers are cached until the next load (api.cache)."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from api import answers, models
from api.cache import cached_json
from api.deps import AsOf, engine_of, node_or_404

router = APIRouter()


class Chair(models.Line):
    body: str
    body_name: str | None = None
    body_kind: str | None = None
    office: str = Field(description="chair or vice-chair")
    chair: str = Field(description="id of the role or body that holds the chair")
    chair_name: str | None = None
    held_by: str = Field(description="'role' (an office such as the Chief Constable) or 'body'")
    holder: str | None = Field(None, description="the person named as holding the role, where the text names one")
    basis: str | None = Field(None, description="how the chair is held where the text says so: rotating, independent")


class Chairs(BaseModel):
    as_of: str | None = None
    day: str
    body: str | None = None
    count: int
    chairs: list[Chair]


class ProgrammeLine(models.Related):
    pass


class ProgrammeSummary(BaseModel):
    id: str
    name: str | None = None
    aliases: list[str] = Field(default_factory=list)
    status: str | None = None
    delivered_by: list[ProgrammeLine]
    overseen_by: list[ProgrammeLine]
    commissioned_by: list[ProgrammeLine]
    led_by: list[ProgrammeLine]
    allocations: int = Field(description="allocations of money for the programme")
    documents: list[str] = Field(description="documents that mention it")
    evidence: list[models.Evidence]


class Programmes(BaseModel):
    q: str | None = None
    as_of: str | None = None
    day: str | None = None
    count: int
    programmes: list[ProgrammeSummary]


class ProgrammeMoney(BaseModel):
    id: str
    amount_gbp: float | None = None
    period: str | None = None
    purpose: str | None = None
    evidence: list[models.Evidence]


class ProgrammeOther(models.Related):
    outgoing: bool


class ProgrammeDetail(BaseModel):
    id: str
    name: str | None = None
    aliases: list[str]
    status: str | None = None
    as_of: str | None = None
    day: str
    delivered_by: list[ProgrammeLine]
    overseen_by: list[ProgrammeLine]
    commissioned_by: list[ProgrammeLine]
    led_by: list[ProgrammeLine]
    allocations: list[ProgrammeMoney]
    other_lines: list[ProgrammeOther]
    documents: list[str]
    evidence: list[models.Evidence]


@router.get("/chairs", response_model=Chairs, tags=["bodies"])
async def chairs(request: Request, as_of: AsOf = None,
                 body: Annotated[str | None, Query(max_length=300, description="only this body's chair")] = None,
                 ) -> Response:
    """Who chairs what at the date (today by default): every chair and vice-chair, held by a role (the Chief
    Constable, the City Mayor) or a body, with the role's named holder and the basis (rotating, independent) where
    the text says so."""
    if body is not None:
        node_or_404(request, body)

    def build() -> dict[str, Any]:
        return answers.chairs(engine_of(request), body=body, as_of=as_of)
    return await cached_json(request, build)


@router.get("/programmes", response_model=Programmes, tags=["programmes"])
async def programmes(request: Request, as_of: AsOf = None,
                     q: Annotated[str | None, Query(max_length=200, description="name, alias or acronym: 'mappa', "
                                                                               "'IOM', 'local area agreement'")] = None,
                     ) -> Response:
    """Programmes and arrangements (MAPPA, IOM, PPO, the Local Area Agreement...), searched by name, alias or
    acronym, with the bodies that deliver, oversee, commission or lead them at the date."""
    return await cached_json(request, lambda: answers.programmes(engine_of(request), q=q, as_of=as_of))


@router.get("/programmes/{id}", response_model=ProgrammeDetail, tags=["programmes"])
async def programme(request: Request, id: Annotated[str, Path(min_length=1, max_length=300)], as_of: AsOf = None,
                    ) -> Response:
    """One programme: names, who delivers, oversees, commissions or leads it, the money for it, its other lines
    and the documents that mention it, each with evidence. An unknown id is a 404 with close matches."""
    node_or_404(request, id, "Programme", "programme")
    return await cached_json(request, lambda: answers.programme(engine_of(request), id, as_of))
