"""Let an LLM phrase the answer (and look things up with tools), then keep it only if grounded.

The template answer is always computed first; the LLM gets it as a draft with the facts and
passages, may call the tools, and writes the final text. The text is accepted only when the
grounding check finds every number in the facts (those of the draft plus those the tools
returned). A timeout, an error or empty output means the template answer is sent, with the
reason in ``Reply.debug["llm"]``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from typing import Any

from bot.core.answers.evidence import dedupe, region_refs
from bot.core.llm.grounding import check_grounding, numbers_in
from bot.core.messages import Fact, Reply
from bot.core.understanding.model import Understanding
from prompts.loader import load_prompt

logger = logging.getLogger(__name__)
MAX_TOOL_ROUNDS = 3
MAX_CHARS = 4000


def build_responder(services: Any, chat_model: Any | None = None, kb: Any | None = None) -> \
        LlmResponder:
    """Create the chat model from ``settings.llm`` ('provider:model'); imports LangChain."""
    if chat_model is None:
        from langchain.chat_models import init_chat_model

        provider, model = services.settings.llm.split(":", 1)
        chat_model = init_chat_model(model, model_provider=provider,
                                     timeout=services.settings.llm_timeout, max_retries=0)
    return LlmResponder(services, chat_model, kb)


class LlmResponder:
    """Phrases answers with a LangChain chat model under the grounding check."""

    def __init__(self, services: Any, chat_model: Any, kb: Any | None = None) -> None:
        self.services = services
        self.chat_model = chat_model
        self.kb = kb

    def rephrase(self, u: Understanding, reply: Reply) -> Reply:
        """The LLM's version of ``reply`` if grounded, else ``reply`` (reason in debug)."""
        sink: list[Fact] = []
        try:
            text = self._run(u, reply, sink)
        except Exception as exc:  # noqa: BLE001 - timeouts, HTTP errors, bad tool calls
            logger.warning("LLM failed, template answer used: %s", exc)
            return _with_debug(reply, f"error: {type(exc).__name__}")
        if not text or not text.strip():
            return _with_debug(reply, "rejected: empty output")
        text = text.strip()[:MAX_CHARS]
        facts = dedupe(list(reply.facts) + sink)
        extra = numbers_in(reply.text) + list(reply.debug.get("grounded_extra", []))
        result = check_grounding(text, facts, extra)
        if not result.ok:
            logger.warning("LLM text rejected, numbers not in facts: %s", result.unknown)
            return _with_debug(reply, "rejected: numbers not in facts: "
                               + ", ".join(result.unknown[:10]))
        regions = region_refs(self.services.registry, [f.region for f in facts]) or reply.regions
        demo = reply.demo_data or any(f.demo for f in sink)  # per figure, not per engine
        return replace(reply, text=text, facts=facts, regions=regions, demo_data=demo,
                       debug={**reply.debug, "llm": "used"})

    # -- the conversation with the model --------------------------------------------------
    def _run(self, u: Understanding, reply: Reply, sink: list[Fact]) -> str:
        from langchain_core.messages import HumanMessage, SystemMessage, ToolMessage

        from bot.core.llm.tools import make_tools

        language_name = "Engels" if u.language == "en" else "Nederlands"
        messages: list[Any] = [
            SystemMessage(load_prompt("llm_system.md", language_name=language_name)),
            HumanMessage(load_prompt(
                "llm_user.md", question=u.query, draft=reply.text,
                facts=json.dumps([f.to_contract() for f in reply.facts], ensure_ascii=False),
                passages="\n\n".join(f"[{p.source} — {p.heading}] {p.text[:800]}"
                                     for p in reply.passages[:3]) or "(geen)")),
        ]
        tools = make_tools(self.services, sink, self.kb)
        by_name = {t.name: t for t in tools}
        try:
            model = self.chat_model.bind_tools(tools)
        except (NotImplementedError, AttributeError):
            model = self.chat_model
        for _ in range(MAX_TOOL_ROUNDS + 1):
            answer = model.invoke(messages)
            calls = getattr(answer, "tool_calls", None) or []
            if not calls:
                return _content_text(answer)
            messages.append(answer)
            for call in calls:
                tool = by_name.get(call.get("name"))
                output = tool.invoke(call.get("args") or {}) if tool else \
                    json.dumps({"error": "onbekend hulpmiddel"})
                messages.append(ToolMessage(content=str(output),
                                            tool_call_id=call.get("id") or call.get("name")))
        raise RuntimeError("too many tool rounds")


def _content_text(message: Any) -> str:
    content = getattr(message, "content", message)
    if isinstance(content, list):  # content blocks
        return "".join(block.get("text", "") if isinstance(block, dict) else str(block)
                       for block in content)
    return str(content or "")


def _with_debug(reply: Reply, outcome: str) -> Reply:
    return replace(reply, debug={**reply.debug, "llm": outcome})
