"""Optional: let an LLM rephrase the points' evidence sentences, under the grounding check.

Only used when ``OOGO_LLM`` is set (``generate_points`` imports this module only then). The LLM
sees one evidence sentence at a time and may only reword it; the new sentence is kept only if
the conversation engine's grounding check (``bot.core.llm.grounding``) finds every number in
it among that evidence's facts and details. Otherwise, or on any error or timeout, the template
sentence stays. Ranking, facts and scores are never touched.
"""

from __future__ import annotations

import logging
from typing import Any

from bot.oogo.model import Evidence, PointsResult

log = logging.getLogger(__name__)

INSTRUCTION_NL = (
    "Herschrijf de volgende zin in helder, vriendelijk Nederlands voor beleidsmedewerkers die "
    "een OOGO voorbereiden. Verander geen getal, jaar of regionaam, voeg geen getallen of "
    "feiten toe, en antwoord alleen met de nieuwe zin.")
INSTRUCTION_EN = (
    "Rewrite the following sentence in clear, friendly English for policy officers preparing an "
    "OOGO. Do not change any number, year or region name, add no numbers or facts, and reply "
    "with the new sentence only.")


def _chat_model(services: Any) -> Any:
    """The injected model (tests), else the LangChain model named by ``settings.llm``."""
    injected = services.__dict__.get("oogo_chat_model")
    if injected is not None:
        return injected
    from langchain.chat_models import init_chat_model

    provider, model = services.settings.llm.split(":", 1)
    return init_chat_model(model, model_provider=provider,
                           timeout=services.settings.llm_timeout, max_retries=0)


def _extra_numbers(item: Evidence) -> list[float]:
    out: list[float] = []

    def walk(obj: Any) -> None:
        if isinstance(obj, bool):
            return
        if isinstance(obj, int | float):
            out.append(float(obj))
        elif isinstance(obj, dict):
            for value in obj.values():
                walk(value)
        elif isinstance(obj, list | tuple):
            for value in obj:
                walk(value)

    walk(item.detail)
    return out


def _content(message: Any) -> str:
    content = getattr(message, "content", message)
    if isinstance(content, list):
        return "".join(b.get("text", "") if isinstance(b, dict) else str(b) for b in content)
    return str(content or "").strip()


def rephrase_evidence(model: Any, item: Evidence, language: str) -> bool:
    """Replace ``item.text`` by the model's version if it is grounded; True when replaced."""
    try:
        from bot.core.llm.grounding import check_grounding, numbers_in
    except ImportError:  # the conversation engine's check is not there: never rephrase
        log.info("no grounding check available; evidence kept as written")
        return False
    instruction = INSTRUCTION_EN if language == "en" else INSTRUCTION_NL
    try:
        text = _content(model.invoke(f"{instruction}\n\n{item.text}"))
    except Exception as exc:  # timeouts, HTTP errors: keep the template text
        log.warning("LLM rephrasing failed: %s", exc)
        return False
    if not text or len(text) > 3 * len(item.text) + 200:
        return False
    extra = _extra_numbers(item) + numbers_in(item.text)
    if not check_grounding(text, item.facts, extra).ok:
        log.warning("LLM evidence rejected (numbers not in the facts): %s", text[:120])
        return False
    item.text = text
    return True


def rephrase_points(services: Any, result: PointsResult) -> int:
    """Rephrase every evidence sentence that passes the check; returns how many were replaced."""
    try:
        model = _chat_model(services)
    except Exception as exc:  # missing provider package or bad settings: template text
        log.warning("LLM unavailable for OOGO points: %s", exc)
        return 0
    replaced = 0
    for point in result.points:
        for item in point.evidence:
            replaced += rephrase_evidence(model, item, result.language)
    if replaced:
        result.notes.append("Enkele zinnen zijn herschreven door een taalmodel; alle getallen "
                            "zijn gecontroleerd." if result.language != "en" else
                            "Some sentences were reworded by a language model; every number "
                            "was checked.")
    return replaced
