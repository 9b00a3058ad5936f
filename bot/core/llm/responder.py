"""Let an LLM phrase the answer (and look things up with tools), then keep it only if grounded.

The template answer is always computed first; the LLM gets its text as a draft with the facts and
passages, may call the tools, and writes a new text. That text may replace ``Reply.text`` only:
the definition and source lines, notices, citations, buttons and charts around it stay as the
answer code made them, so every channel still shows them. It is accepted only when the claim
check (``bot.core.llm.check``) passes: every number bound to its own fact, every comparison word
as computed, every sentence supported. The whole exchange (tool rounds included) has one deadline,
``settings.llm_timeout``; a timeout, an error, empty output or a failed check means the template
answer is sent, with the reason in ``Reply.debug["llm"]``.
"""

from __future__ import annotations

import json
import logging
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Protocol

from bot.core.answers.evidence import dedupe, region_refs
from bot.core.answers.provenance import demo_notices
from bot.core.llm.check import check_answer
from bot.core.llm.tools import FigureParts, ToolSink
from bot.core.messages import Reply
from bot.core.understanding.model import Understanding
from prompts.loader import load_prompt

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.ports import Knowledge

logger = logging.getLogger(__name__)
MAX_TOOL_ROUNDS = 3
MAX_CHARS = 4000
DEFAULT_TIMEOUT = 8.0


class LlmSettings(Protocol):
    """The two settings the LLM path reads (``bot.settings.Settings`` has them)."""

    @property
    def llm(self) -> str | None: ...

    @property
    def llm_timeout(self) -> float: ...


class LlmParts(FigureParts, Protocol):
    """What the LLM path uses of the application: the figures (for the tools and the claim
    check) and its settings, read on every answer so a changed deadline takes effect."""

    @property
    def settings(self) -> LlmSettings: ...


def build_responder(services: LlmParts, chat_model: Any | None = None,
                    kb: Knowledge | None = None) -> LlmResponder:
    """Create the chat model from ``settings.llm`` ('provider:model'); imports LangChain."""
    if chat_model is None:
        try:
            from langchain.chat_models import init_chat_model
        except ImportError as exc:
            raise RuntimeError(
                "OOGO_LLM is set but the LLM extra is not installed: pip install "
                "'oogo-assistent[llm]', or build the image with --build-arg "
                "OOGO_EXTRAS=postgres,llm") from exc

        spec = services.settings.llm
        if not spec:
            raise RuntimeError("OOGO_LLM is not set: no chat model to build")
        provider, model = spec.split(":", 1)
        chat_model = init_chat_model(model, model_provider=provider,
                                     timeout=_timeout(services), max_retries=0)
    return LlmResponder(services, chat_model, kb)


def _timeout(services: LlmParts) -> float:
    return float(services.settings.llm_timeout or DEFAULT_TIMEOUT)


class LlmResponder:
    """Phrases answers with a LangChain chat model under the claim check."""

    def __init__(self, services: LlmParts, chat_model: Any,
                 kb: Knowledge | None = None) -> None:
        self.services = services
        self.chat_model = chat_model
        self.kb = kb
        # calls run here so one deadline covers all tool rounds; a call that outlives it ends
        # on its own HTTP timeout, its result is dropped
        self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="llm")

    def rephrase(self, u: Understanding, reply: Reply) -> Reply:
        """The LLM's version of ``reply`` if it passes the check, else ``reply`` (reason in
        ``debug.llm``)."""
        sink = ToolSink()
        future = self._pool.submit(self._run, u, reply, sink)
        try:
            text = future.result(timeout=_timeout(self.services))
        except FutureTimeout:
            future.cancel()  # still queued behind slow calls: never started
            logger.warning("LLM took longer than %.1f s; template answer used",
                           _timeout(self.services))
            return _with_debug(reply, "error: timeout")
        except Exception as exc:  # noqa: BLE001 - HTTP errors, bad tool calls, bad output
            logger.warning("LLM failed, template answer used: %s", exc)
            return _with_debug(reply, f"error: {type(exc).__name__}")
        if not text or not text.strip():
            return _with_debug(reply, "rejected: empty output")
        text = _without_chrome(text.strip()[:MAX_CHARS], reply)
        if not text:
            return _with_debug(reply, "rejected: only the definition, source or notices")
        verdict = check_answer(text, reply, self.services.registry,
                               extra_facts=list(sink.facts), extra_claims=list(sink.claims),
                               extra_passages=list(sink.passages))
        if not verdict.ok:
            logger.warning("LLM text rejected: %s", "; ".join(verdict.reasons[:3]))
            return _with_debug(reply, "rejected: " + "; ".join(verdict.reasons[:5]))
        return self._accepted(reply, text, sink, verdict)

    def _accepted(self, reply: Reply, text: str, sink: ToolSink, verdict: Any) -> Reply:
        """The reply with the LLM's text as its body and everything around it kept; what the
        tools added (figures, passages) joins the facts, notices and citations."""
        from bot.core.answers.knowledge import citations_of

        facts = dedupe(list(reply.facts) + list(sink.facts))
        regions = region_refs(self.services.registry, [f.region for f in facts]) or reply.regions
        demo = reply.demo_data or any(f.demo for f in facts)
        # the demo notice per figure, over the reply's and the tools' figures together: it
        # names the demonstration figures when real ones stand beside them
        notices = list(reply.notices)
        if any(f.demo for f in facts):
            notices = [n for n in notices if n.kind != "demo"] + demo_notices(
                self.services.registry, facts, reply.language, self.services.indicators.catalog)
        passages = list(reply.passages)
        offset = len(reply.passages)
        passages += [p for i, p in enumerate(sink.passages) if offset + i in verdict.sources]
        citations = list(reply.citations)
        for cite in citations_of(passages[offset:]):
            if all(c.label != cite.label for c in citations):
                citations.append(cite)
        return replace(reply, text=text, facts=facts, regions=regions, demo_data=demo,
                       notices=notices, passages=passages, citations=citations,
                       debug={**reply.debug, "llm": "used"})

    # -- the conversation with the model --------------------------------------------------
    def _run(self, u: Understanding, reply: Reply, sink: ToolSink) -> str:
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


def _without_chrome(text: str, reply: Reply) -> str:
    """The LLM's text without lines that repeat what is shown around it anyway (definition,
    source, notices, citations), so every channel shows each of those once."""
    from bot.core.llm.textscan import fold_keep
    from bot.core.plaintext import citation_lines

    def key(line: str) -> str:
        return " ".join(fold_keep(line.replace("**", "")).split()).strip(" .:-")

    chrome = [key(line) for line in [*reply.about, *(n.text for n in reply.notices),
                                     *citation_lines(reply)] if key(line)]
    kept = [line for line in text.splitlines()
            if not any(key(line) and (key(line) == c or (len(key(line)) > 24
                                                         and c.startswith(key(line))))
                       for c in chrome)]
    return "\n".join(kept).strip()


def _with_debug(reply: Reply, outcome: str) -> Reply:
    return replace(reply, debug={**reply.debug, "llm": outcome})
