"""Short fixed answers: help, empty or too long messages, out of scope, clarifying questions.

The ones that say what the assistant has figures on name the indicators of the catalog they are
given (``{indicators}``, ``indicators.catalog.listed``), so a new catalog entry is named there
with no change here. None of these carries a number from data, and none repeats what the user
typed except a place name inside quotes, so unsafe input is never echoed as if it were an
answer. Where a channel offers something of its own (the web page's region picker instead of
typing "/regio Zwolle"), the template ``<name>_<channel>`` is used when it exists.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from bot.core.answers.evidence import region_name, region_refs
from bot.core.messages import Button, Intent, Reply
from bot.core.understanding.model import Understanding
from indicators.catalog import IndicatorDef, listed
from indicators.resolve import province_named
from indicators.swv_names import names_swv
from prompts.loader import templates

if TYPE_CHECKING:  # pragma: no cover
    from indicators.registry import RegionRegistry

INTENT_CHOICE = "intent:"


Catalog = Mapping[str, IndicatorDef]


def indicator_choices(catalog: Catalog, language: str) -> list[tuple[str, str]]:
    """(button label, words to ask with) per catalog indicator, in catalog order
    ("Jeugdzorggebruik", "jeugdzorg"), so every catalog entry is offered."""
    lang = "en" if language == "en" else "nl"
    return [(d.short(lang)[:1].upper() + d.short(lang)[1:], d.keyword(lang))
            for d in catalog.values()]


def indicators_named(catalog: Catalog, language: str) -> str:
    """The ``{indicators}`` of a template: what the assistant has figures on."""
    return listed(catalog, "en" if language == "en" else "nl")


def render(name: str, language: str, channel: str = "", **values: object) -> str:
    """A template, in the channel's own variant when there is one (``help_web``)."""
    t = templates()
    variant = f"{name}_{channel}" if channel else ""
    if variant and variant in t.names():
        return t.render(variant, language, **values)
    return t.render(name, language, **values)


def help_reply(catalog: Catalog, language: str, channel: str = "") -> Reply:
    return Reply(text=render("help", language, channel,
                             indicators=indicators_named(catalog, language)),
                 intent="help", language=language)


def need_region_reply(language: str, channel: str = "",
                      intent: Literal["help", "clarify", "oogo"] = "help") -> Reply:
    return Reply(text=render("need_region", language, channel), intent=intent,
                 language=language)


def empty_reply(language: str = "nl") -> Reply:
    return Reply(text=templates().render("empty", language), intent="help", language=language)


def too_long_reply(limit: int, language: str = "nl") -> Reply:
    return Reply(text=templates().render("too_long", language, limit=limit),
                 intent="out_of_scope", language=language)


def out_of_scope_reply(catalog: Catalog, language: str) -> Reply:
    return Reply(text=templates().render("out_of_scope", language,
                                         indicators=indicators_named(catalog, language)),
                 intent="out_of_scope", language=language)


def data_unavailable_reply(catalog: Catalog, language: str) -> Reply:
    """The figures cannot be loaded now; the rest of the assistant still works."""
    return Reply(text=templates().render("data_unavailable", language,
                                         indicators=indicators_named(catalog, language)),
                 intent="help", language=language)


def _short_mention(mention: str) -> str:
    cleaned = "".join(ch for ch in mention if ch.isalnum() or ch in " -'().")
    return cleaned.strip()[:40]


def clarify_reply(u: Understanding, registry: RegionRegistry, catalog: Catalog,
                  channel: str = "") -> Reply:
    """Ask which region, which indicator or which reading was meant."""
    t, lang = templates(), u.language
    mention = _short_mention(u.clarify_mention)
    if u.clarify_kind == "intent":
        buttons = [Button(t.render(f"intent_{label}", lang), f"{INTENT_CHOICE}{label}")
                   for label in u.options]
        return Reply(text=t.render("clarify_intent", lang), intent="clarify",
                     buttons=buttons, language=lang)
    if u.clarify_kind == "need_indicator":
        name = region_name(registry, u.regions[0], lang) if u.regions else (
            "je regio" if lang == "nl" else "your region")
        buttons = [Button(label, f"{value} {name}")
                   for label, value in indicator_choices(catalog, lang)]
        return Reply(text=t.render("need_indicator", lang, region=name,
                                   indicators=indicators_named(catalog, lang)),
                     intent="clarify", buttons=buttons, language=lang)
    if u.clarify_kind == "need_region":
        return need_region_reply(lang, channel, intent="clarify")
    if u.clarify_kind == "ambiguous":
        options = list(dict.fromkeys(u.options))
        text = t.render("ambiguous", lang, mention=mention)
        buttons = [Button(_option_label(registry, c), c) for c in options]
        return Reply(text=text, intent="clarify", options=options, buttons=buttons,
                     regions=region_refs(registry, options), language=lang)
    # unknown place
    suggestions = list(dict.fromkeys(u.suggestions))
    intent: Intent = "clarify"
    if suggestions:
        qualified = province_named(registry, mention)  # "Zwolle (Gld.)": say what is unknown
        text = t.render("unknown_in_province", lang, name=qualified[0],
                        province=qualified[1]) if qualified else t.render(
            "unknown_suggest", lang, mention=mention)
        buttons = [Button(_option_label(registry, c), c) for c in suggestions]
        return Reply(text=text, intent=intent, options=suggestions, buttons=buttons,
                     language=lang)
    if names_swv(mention):  # "SWV VO Eemland": say how a partnership can be named instead
        return Reply(text=t.render("unknown_swv", lang, mention=mention), intent="out_of_scope",
                     language=lang)
    qualified = province_named(registry, mention)  # "Hengleo (Gld": not cut in the quote
    shown = f"{qualified[0]} ({qualified[1]})" if qualified else mention
    return Reply(text=t.render("unknown_place", lang, mention=shown), intent="out_of_scope",
                 language=lang)


def _option_label(registry: RegionRegistry, code: str) -> str:
    try:
        region = registry.get(code)
    except LookupError:
        return code
    if "(" in region.name:
        return region.name
    extra = region.province if region.level == "gemeente" and region.province else region.code
    return f"{region.name} ({extra})"
