"""The intent -> handler table: one small function per thing a user can want.

``HANDLERS`` maps the understanding's label (``figure``, ``knowledge``, ``oogo_points``, ...,
and ``clarify``) to the function that answers it. A handler gets a ``Ctx`` (the ports, the
message, the state and the understanding) and returns a ``Reply``; adding an intent is one
function and one line in the table. The regioscan handlers live in ``bot.core.scanning``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from bot.core import scanning
from bot.core.answers import simple, why
from bot.core.answers.combined import combine
from bot.core.answers.evidence import region_name, region_refs
from bot.core.answers.indicator import answer_indicator
from bot.core.answers.knowledge import answer_besides, answer_knowledge, search_passages
from bot.core.answers.oogo import fallback_oogo, points_reply, report_offer
from bot.core.answers.provenance import demo_notices
from bot.core.answers.regions_info import region_info_reply
from bot.core.answers.two_questions import two_questions
from bot.core.messages import Fact, IncomingMessage, Intent, Passage, Reply
from bot.core.ports import Figures, Knowledge, Points, Regioscan, Responder
from bot.core.state import ConversationState
from bot.core.understanding.model import Understanding
from indicators import formatting as fm
from prompts.loader import templates

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class Ctx:
    """Everything a handler may use for one turn."""

    figures: Figures
    knowledge: Knowledge | None
    regioscan: Regioscan | None
    points: Points | None
    responder: Responder | None
    charts: bool
    msg: IncomingMessage
    state: ConversationState
    u: Understanding
    text: str

    @property
    def lang(self) -> str:
        return self.u.language

    def polished(self, reply: Reply) -> Reply:
        """The optional LLM's wording of a reply with evidence (kept only when grounded)."""
        if self.responder is None or not (reply.facts or reply.passages):
            return reply
        return self.responder.rephrase(self.u, reply)


def help_turn(ctx: Ctx) -> Reply:
    lang, u = ctx.lang, ctx.u
    if u.mode == "profile" and ctx.state.profile_region:
        name = region_name(ctx.figures.registry, ctx.state.profile_region, lang)
        return Reply(text=templates().render("greeting_profile", lang, region=name),
                     intent="help", language=lang)
    if u.mode == "profile":
        return simple.need_region_reply(lang, ctx.msg.channel)
    reply = simple.help_reply(ctx.figures.catalog, lang, ctx.msg.channel)
    if u.presentation == "map":  # "kun je een kaart maken?": no map, and what there is
        reply.text = templates().render("no_map", lang) + "\n\n" + reply.text
    return reply


def figure_turn(ctx: Ctx) -> Reply:
    try:
        ctx.figures.indicators  # noqa: B018 - loads the figures once; may fail
    except Exception:  # noqa: BLE001 - data file missing or invalid: say so, keep going
        logger.exception("indicator data could not be loaded")
        return simple.data_unavailable_reply(ctx.figures.catalog, ctx.lang)
    # "jeugdzorg en NEET": each figure asked is answered, in the order asked
    replies = [answer_indicator(u, ctx.figures, charts=ctx.charts,
                                show_counts=not ctx.u.injection)
               for u in (ctx.u, *ctx.u.also)]
    return ctx.polished(combine(replies))


def knowledge_turn(ctx: Ctx) -> Reply:
    intent: Intent = "sources" if ctx.u.intent == "sources" else "explain"
    query = ctx.u.query or ctx.text
    parts = None if ctx.u.held_elsewhere else two_questions(query)
    reply = _both(ctx, parts, intent) if parts else None
    if reply is None:
        reply = answer_knowledge(query, ctx.knowledge, ctx.lang, intent=intent)
    if ctx.u.held_elsewhere and reply.intent != "out_of_scope":
        _held_elsewhere(ctx, reply, intent)
    return ctx.polished(reply)


def _both(ctx: Ctx, parts: tuple[str, str], intent: Intent) -> Reply | None:
    """Two questions in one ("Wat is het OOGO en wie zitten er aan tafel?"): each answered
    from its own section, one after the other; None (the question is answered whole) when a
    part finds nothing sure or both find the same section."""
    first = answer_knowledge(parts[0], ctx.knowledge, ctx.lang, intent=intent)
    if first.intent == "out_of_scope" or not first.citations:
        return None
    second = answer_besides(parts[1], ctx.knowledge, ctx.lang, intent, first.passages)
    if second is None:
        return None
    _append(first, second)
    first.buttons = []  # "Meer over ..." of the first part: the second part is its own answer
    return first


def _append(reply: Reply, other: Reply) -> None:
    """``other``'s answer after ``reply``'s; a line both share (the note that the documents
    are Dutch) is said once, at the end."""
    shared = {line for line in other.text.split("\n") if line.strip()}
    kept = [line for line in reply.text.split("\n") if line not in shared]
    reply.text = "\n".join(kept).strip("\n") + "\n\n" + other.text
    reply.citations += other.citations
    reply.passages += other.passages


def _held_elsewhere(ctx: Ctx, reply: Reply, intent: Intent) -> None:
    """Say first that the tables hold no figures for the measures asked; a second measure
    ("thuiszitters en verzuim") gets its own passage on where its figures live after the
    first (unless the same passage already answers it)."""
    from bot.core.understanding.elsewhere import QUERY

    t = templates()
    keys = [ctx.u.held_elsewhere or "", *ctx.u.measures_left_out]
    for key in keys[1:]:
        other = answer_knowledge(QUERY.format(measure=t.render(f"measure_{key}", "nl")),
                                 ctx.knowledge, ctx.lang, intent=intent)
        if other.intent == "out_of_scope" or not other.citations \
                or any(c in reply.citations for c in other.citations):
            continue
        _append(reply, other)
    names = fm.listing([t.render(f"measure_{key}", ctx.lang) for key in keys], ctx.lang)
    reply.text = t.render("figures_elsewhere", ctx.lang, measure=names) + "\n\n" + reply.text


def oogo_turn(ctx: Ctx) -> Reply:
    """Discussion points for the region, or typical topics plus notable figures; both with the
    offer of the preparation document."""
    lang, u = ctx.lang, ctx.u
    region = u.regions[0] if u.regions else ctx.state.profile_region
    reply = None
    if region and ctx.points is not None:
        reply = points_reply(ctx.points, ctx.figures.registry, region, lang, u.query,
                             ctx.msg.conversation_id)
    if reply is None:
        passages = search_passages(ctx.knowledge, "typische onderwerpen agenda OOGO bespreekpunten")
        reply = fallback_oogo(ctx.figures, region, lang, passages, ctx.msg.channel)
    if region:
        reply.documents.append(report_offer(ctx.figures.registry, region, lang))
    return reply


def report_turn(ctx: Ctx) -> Reply:
    """The preparation document on offer (each channel makes it a download)."""
    region = ctx.u.regions[0] if ctx.u.regions else ctx.state.profile_region
    if not region:
        return simple.need_region_reply(ctx.lang, ctx.msg.channel, intent="oogo")
    offer = report_offer(ctx.figures.registry, region, ctx.lang, ctx.u.formats or None)
    name = region_name(ctx.figures.registry, region, ctx.lang)
    return Reply(text=templates().render("report_offer", ctx.lang, region=name),
                 intent="oogo", documents=[offer],
                 regions=region_refs(ctx.figures.registry, [region]), language=ctx.lang)


def why_turn(ctx: Ctx) -> Reply:
    """Explain the previous answer from its stored evidence (facts, passages, slot origins)."""
    lang, t = ctx.lang, templates()
    evidence = ctx.state.last_evidence or {}
    facts = [Fact(**dict(f)) for f in evidence.get("facts", [])]
    passages = evidence.get("passages", [])
    if not facts and not passages:
        return Reply(text=t.render("why_none", lang), intent="explain", language=lang)
    registry = ctx.figures.registry
    engine = ctx.figures.indicators if facts else None
    lines = why.fact_lines(engine, registry, facts, lang)
    lines += why.passage_lines(passages)
    lines += why.origin_lines(evidence.get("slots", {}), lang)
    demo = any(f.demo for f in facts)
    return Reply(text=t.render("why", lang, basis="\n".join(lines)), intent="explain",
                 facts=facts, notices=demo_notices(registry, facts, lang, ctx.figures.catalog),
                 about=why.about_facts(engine, registry, facts, lang) if facts else [],
                 passages=[Passage(source=p["source"], title=p.get("title") or p["source"],
                                   text="", heading=p["heading"]) for p in passages],
                 regions=region_refs(registry, [f.region for f in facts]), demo_data=demo,
                 language=lang)


def out_of_scope_turn(ctx: Ctx) -> Reply:
    u, lang = ctx.u, ctx.lang
    if u.clarify_kind == "province":
        return Reply(text=templates().render("province", lang), intent="out_of_scope",
                     language=lang)
    if u.clarify_kind == "unknown":
        return simple.clarify_reply(u, ctx.figures.registry, ctx.figures.catalog,
                                    ctx.msg.channel)
    return simple.out_of_scope_reply(ctx.figures.catalog, lang)


def region_info_turn(ctx: Ctx) -> Reply:
    """Which gemeenten make up a samenwerkingsverband, or which ones a gemeente is in."""
    return region_info_reply(ctx.u, ctx.figures.registry)


def clarify_turn(ctx: Ctx) -> Reply:
    return simple.clarify_reply(ctx.u, ctx.figures.registry, ctx.figures.catalog,
                               ctx.msg.channel)


HANDLERS: dict[str, Callable[[Ctx], Reply]] = {
    "figure": figure_turn,
    "knowledge": knowledge_turn,
    "oogo_points": oogo_turn,
    "report": report_turn,
    "region_info": region_info_turn,
    "scan_start": scanning.start_turn,
    "scan_resume": scanning.resume_turn,
    "scan_answer": scanning.answer_turn,
    "scan_result": scanning.result_turn,
    "round_join": scanning.start_turn,
    "help": help_turn,
    "why": why_turn,
    "out_of_scope": out_of_scope_turn,
    "clarify": clarify_turn,
}


def handler_for(u: Understanding) -> Callable[[Ctx], Reply]:
    """The handler of an understood message (clarifications and refusals first)."""
    if u.intent == "clarify":
        return clarify_turn
    if u.intent == "out_of_scope" and u.label == "figure":
        return out_of_scope_turn
    return HANDLERS.get(u.label, help_turn)
