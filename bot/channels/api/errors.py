"""Turn every failure into a clear Dutch JSON message; never a stack trace to a user.

FastAPI's defaults answer in English (``Field required``) and an unexpected exception becomes a
bare 500. Here validation errors name the field in Dutch, known HTTP errors keep their status with
a Dutch text, and anything unexpected is logged with the request id and answered politely.
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
from bot.storage.errors import StorageUnavailable

log = logging.getLogger(__name__)

DEFAULT_MESSAGES = {
    400: "Dit verzoek kan ik niet lezen. Stuur geldige JSON, gecodeerd als UTF-8.",
    401: "Geen toegang: een geldige API-sleutel (X-API-Key) of sessie is nodig.",
    403: "Geen toegang.",
    404: "Niet gevonden.",
    405: "Deze methode is hier niet toegestaan.",
    413: "Je verzoek is te groot. Stuur een korter bericht.",
    415: "Stuur de gegevens als JSON.",
    429: "Je stuurt te veel verzoeken achter elkaar. Wacht even en probeer het opnieuw.",
}
#: English texts the framework itself puts in an HTTPException (a body that is not UTF-8 or not
#: parseable, and the standard reason phrases): replaced by the Dutch text for the status
FRAMEWORK_DETAILS = frozenset({s.phrase for s in http.HTTPStatus} |
                              {"There was an error parsing the body"})
INTERNAL = ("Er ging aan onze kant iets mis. Probeer het later nog eens; noem bij vragen "
            "de code {request_id}.")


def _request_id(request: Request) -> str:
    return getattr(request.state, "request_id", "-")


def _validation_message(errors: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    for error in errors[:5]:
        loc = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path")]
        field = ".".join(loc) or "verzoek"
        kind = str(error.get("type", ""))
        if kind == "json_invalid":
            return ("De JSON in je verzoek is ongeldig. Controleer haakjes, komma's en "
                    "aanhalingstekens.")
        if kind == "missing":
            parts.append(f"'{field}' ontbreekt")
        elif "too_long" in kind:
            parts.append(f"'{field}' is te lang")
        elif kind in ("literal_error", "enum"):
            parts.append(f"'{field}' heeft geen toegestane waarde")
        elif kind.endswith("_type") or kind.endswith("_parsing"):
            parts.append(f"'{field}' heeft het verkeerde type")
        else:
            parts.append(f"'{field}' is ongeldig")
    return "Je verzoek klopt niet: " + "; ".join(parts) + "."


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
            detail = DEFAULT_MESSAGES.get(exc.status_code, "Dit verzoek kan ik niet verwerken.")
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
        return JSONResponse({"detail": INTERNAL.format(request_id=request_id)}, status_code=500,
                            headers={"X-Request-ID": request_id})
