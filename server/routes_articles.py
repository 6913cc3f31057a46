"""``POST /articles``: ingest one article through the pipeline (``ingest.pipeline.ingest_text``)."""

from __future__ import annotations

import dataclasses
import importlib
import json
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field, ValidationError
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from .auth import require_writer
from .protocol import ProtocolError, media_type_of, read_body
from .state import get_state

router = APIRouter()


class ArticleIn(BaseModel):
    text: str = Field(min_length=1)
    metadata: dict[str, Any] = Field(default_factory=dict)


def _load_ingest() -> Any:
    try:
        module = importlib.import_module("ingest.pipeline")
        return module.ingest_text
    except (ImportError, AttributeError) as exc:
        raise ProtocolError(501, f"Article ingestion is not available on this server: ingest.pipeline.ingest_text could not be loaded ({exc}).") from None


def _jsonable(result: Any) -> Any:
    if result is None or isinstance(result, (str, int, float, bool, list, dict)):
        return result
    if hasattr(result, "model_dump"):
        return result.model_dump(mode="json")
    if dataclasses.is_dataclass(result) and not isinstance(result, type):
        return json.loads(json.dumps(dataclasses.asdict(result), default=str))
    return str(result)


@router.post("/articles")
async def post_article(request: Request) -> Response:
    state = get_state(request)
    require_writer(request, state.settings)
    media_type, _ = media_type_of(request.headers.get("content-type"))
    if media_type != "application/json":
        raise ProtocolError(415, "POST /articles takes application/json: {\"text\": ..., \"metadata\": {...}}.")
    body = await read_body(request, state.settings.max_upload_bytes)
    try:
        article = ArticleIn.model_validate_json(body)
    except ValidationError as exc:
        raise ProtocolError(422, f"Invalid article: {exc.errors(include_url=False)}") from None
    ingest_text = _load_ingest()

    def run() -> Any:
        try:
            return ingest_text(state.store, article.text, article.metadata)
        except ValueError as exc:
            raise ProtocolError(422, f"The pipeline refused the article: {exc}") from None

    result = await state.write(run, route="articles")
    payload = _jsonable(result)
    headers = {}
    iri = getattr(result, "article_iri", None) or getattr(result, "iri", None) or (payload.get("article_iri") if isinstance(payload, dict) else None)
    if isinstance(iri, str) and iri.startswith(state.settings.base):
        headers["Location"] = "/id/" + iri[len(state.settings.base):]
    return JSONResponse({"result": payload}, status_code=201, headers=headers)
