"""Turn every failure into a clear Dutch JSON message; never a stack trace to a user.

FastAPI's defaults answer in English (``Field required``) and an unexpected exception becomes a
bare 500. Here validation errors name the field in Dutch, known HTTP errors keep their status with
a Dutch text, and anything unexpected is logged with the request id and answered politely. The
texts are templates in ``prompts/api`` (``texts.text``).
"""

from __future__ import annotations

import http
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from bot.channels.api.normalize import path_for_log
from bot.channels.api.texts import text
from bot.storage.errors import StorageUnavailable

log = logging.getLogger(__name__)

#: statuses with their own Dutch text (template ``http_<status>``); others get ``http_other``
OWN_TEXT_STATUSES = frozenset({400, 401, 403, 404, 405, 413, 415, 429})
#: English texts the framework itself puts in an HTTPException (a body that is not UTF-8 or not
#: parseable, and the standard reason phrases): replaced by the Dutch text for the status
FRAMEWORK_DETAILS = frozenset({s.phrase for s in http.HTTPStatus} |
                              {"There was an error parsing the body"})


def _request_id(request: Request) -> str:
    return getattr(request.state, "request_id", "-")


def default_message(status: int) -> str:
    """The Dutch text for an HTTP status whose exception brought none of its own."""
    return text(f"http_{status}" if status in OWN_TEXT_STATUSES else "http_other")


def _problem(kind: str) -> str:
    """The template that names what is wrong with one field, by pydantic's error type."""
    if kind == "missing":
        return "field_missing"
    if "too_long" in kind:
        return "field_too_long"
    if kind in ("literal_error", "enum"):
        return "field_not_allowed"
    if kind.endswith("_type") or kind.endswith("_parsing"):
        return "field_wrong_type"
    return "field_invalid"


def _validation_message(errors: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    for error in errors[:5]:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path")]
        field = ".".join(loc) or text("field_whole_request")
        kind = str(error.get("type", ""))
        if kind == "json_invalid":
            return text("invalid_json")
        parts.append(text(_problem(kind), field=field))
    return text("invalid_request", problems="; ".join(parts))


def install_error_handlers(app: FastAPI) -> None:
    """Register the Dutch handlers on ``app``."""

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = list(exc.errors())
        status = 400 if any(e.get("type") == "json_invalid" for e in errors) else 422
        return JSONResponse({"detail": _validation_message(errors)}, status_code=status)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) and exc.detail else None
        if detail is None or detail in FRAMEWORK_DETAILS:
            detail = default_message(exc.status_code)
        return JSONResponse({"detail": detail}, status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    @app.exception_handler(StorageUnavailable)
    async def _storage(request: Request, exc: StorageUnavailable) -> JSONResponse:
        # the cause names the statement; its parameters are hidden by the engine
        log.warning("storage unavailable on %s", path_for_log(request.url.path),
                    exc_info=exc.__cause__)
        return JSONResponse({"detail": exc.message}, status_code=503,
                            headers={"Retry-After": "30"})

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        request_id = _request_id(request)
        log.exception("unexpected error on %s %s", request.method,
                      path_for_log(request.url.path), extra={"request_id": request_id})
        return JSONResponse({"detail": text("internal_error", request_id=request_id)},
                            status_code=500,
                            headers={"X-Request-ID": request_id})
