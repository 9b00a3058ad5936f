"""The lean load client of ``bench/bench_vs_bare.py`` reads whole responses, plain and chunked,
and counts a refused request as an error: the README's figures rest on it."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import JSONResponse, StreamingResponse

from .servers import serve_in_thread

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import bench_vs_bare  # noqa: E402


def _app(mode: str) -> FastAPI:
    app = FastAPI()

    @app.post("/api/chat")
    async def chat() -> object:
        if mode == "chunked":
            async def parts():  # no Content-Length: uvicorn sends it chunked
                for piece in (b'{"answer": ', b'"' + b"x" * 5000 + b'"', b"}"):
                    yield piece
            return StreamingResponse(parts(), media_type="application/json")
        if mode == "refused":
            return JSONResponse({"detail": "te veel"}, status_code=429)
        return JSONResponse({"answer": "NEET in Zwolle: 4,8%", "pad": "y" * 3000})

    return app


def _run(mode: str) -> tuple[list[float], int, float]:
    with serve_in_thread(_app(mode)) as url:
        return asyncio.run(bench_vs_bare._raw_slice(url, 3, 0.4, "t"))


def test_plain_and_chunked_responses_are_read_whole() -> None:
    for mode in ("plain", "chunked"):
        latencies, errors, wall = _run(mode)
        assert errors == 0 and len(latencies) > 10 and wall >= 0.4, mode


def test_a_refused_request_is_an_error_not_a_latency() -> None:
    latencies, errors, _ = _run("refused")
    assert latencies == [] and errors > 10
