"""POST /cypher: a user's read-only Cypher, behind the query gate (api.guards) and graph.readonly's layers."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from neo4j.exceptions import ClientError, DatabaseError, TransientError

from api import models
from api.deps import engine_of
from api.errors import ApiError, ErrorResponse
from api.guards import QueryGate
from graph import readonly

router = APIRouter()
REFUSALS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorResponse, "description": "a write, a query the engine rejects, or an answer over the byte cap"},
    408: {"model": ErrorResponse, "description": "the query ran past its time limit"},
    413: {"model": ErrorResponse, "description": "the query needed more memory than a transaction may have"},
    429: {"model": ErrorResponse, "description": "too many queries at once (see Retry-After)"},
}


def gate_of(request: Request) -> QueryGate:
    gate: QueryGate = request.app.state.query_gate
    return gate


def _answer(request: Request, body: models.CypherRequest) -> dict[str, Any]:
    """Run the query on this thread (one of the gate's) and map every refusal to the API's error shape."""
    settings = request.app.state.settings
    cap = min(body.limit or settings.max_rows, settings.max_rows)
    try:
        answer = readonly.run_read_only(engine_of(request), body.query, body.parameters, cap, settings.max_answer_bytes)
    except readonly.WriteRefused as error:
        raise ApiError(400, str(error), code="write_refused") from error
    except readonly.AnswerTooLarge as error:
        raise ApiError(400, str(error), code="answer_too_large") from error
    except readonly.QueryTimeout as error:
        raise ApiError(408, f"the query ran longer than {settings.query_timeout_ms} ms and was stopped",
                       code="timeout") from error
    except readonly.MemoryLimit as error:
        raise ApiError(413, str(error), code="memory_limit") from error
    except (OverflowError, ValueError, TypeError) as error:  # the driver cannot send a parameter (e.g. int > 64 bits)
        raise ApiError(422, f"a parameter cannot be sent to the engine: {error}") from error
    except (ClientError, DatabaseError, TransientError) as error:
        raise ApiError(400, f"the engine rejected the query: {getattr(error, 'message', None) or error}",
                       code="bad_query") from error
    return {"columns": answer.columns, "rows": answer.rows, "row_count": len(answer.rows),
            "truncated": answer.truncated, "limit": cap, "elapsed_ms": answer.elapsed_ms}


@router.post("/cypher", response_model=models.CypherAnswer, tags=["cypher"], responses=REFUSALS)
async def run_cypher(request: Request, body: models.CypherRequest) -> dict[str, Any]:
    """Read-only Cypher with parameters: writes, file and network reads and administration are refused (400); rows
    and bytes capped; time and memory limited by the server; a few at once (429 with Retry-After beyond)."""
    return await gate_of(request).run(lambda: _answer(request, body))
