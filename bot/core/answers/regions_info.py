"""Which gemeenten make up a samenwerkingsverband, and which samenwerkingsverbanden a gemeente is
in: answered from the region registry (the OCW regio-indeling), with its source.

Why an answer of its own: advisers preparing an OOGO ask it as naturally as a figure question
("Welke gemeenten vallen onder PO 27.07?", "Bij welk samenwerkingsverband hoort Zwolle?"), and
it used to get "Ik weet niet zeker wat je bedoelt" or a question about which figure was meant.
Every name in the answer comes from the registry; a gemeente that the regio-indeling splits over
more than one samenwerkingsverband says so, since the registry files it under its main one.
"""

from __future__ import annotations

from typing import Any

from bot.core.answers.evidence import region_refs
from bot.core.messages import Reply
from bot.core.understanding.model import Understanding
from indicators import formatting as fm
from prompts.loader import templates

KINDS = ("po", "vo")


def region_info_reply(u: Understanding, registry: Any) -> Reply:
    """The members of each samenwerkingsverband asked about, or each gemeente's
    samenwerkingsverbanden; one block per place named (both places of a shared name)."""
    t, lang = templates(), u.language
    blocks: list[str] = []
    shown: list[str] = []
    gemeenten = []
    for code in u.regions:
        region = registry.get(code)
        if region.level == "gemeente" and u.region_question == "swv_of":
            gemeenten.append(region)
            blocks.append(_swvs_of(registry, region, lang))
            shown += [c for c in (region.swv_po, region.swv_vo) if c]
        elif region.level == "gemeente":  # "de gemeenten van het samenwerkingsverband van X"
            for kind in KINDS:
                swv = registry.swv_of(code, kind)
                blocks.append(_members(registry, swv, lang))
                shown.append(swv.code)
        elif region.level in ("swv_po", "swv_vo"):
            blocks.append(_members(registry, region, lang))
        shown.append(code)
    if len(gemeenten) == 2:  # "Hoort Zeist bij hetzelfde samenwerkingsverband als Utrecht?"
        blocks.append(_same_or_not(gemeenten, lang))
    text = "\n\n".join(blocks) + "\n\n" + t.render("region_info_source", lang)
    return Reply(text=text, intent="explain", regions=region_refs(registry, shown),
                 language=lang)


def _members(registry: Any, swv: Any, lang: str) -> str:
    t = templates()
    names = sorted(m.name for m in registry.members(swv.code))
    key = "swv_members_one" if len(names) == 1 else "swv_members"
    return t.render(key, lang, swv=swv.name, count=len(names), names=fm.listing(names, lang))


def _swvs_of(registry: Any, gemeente: Any, lang: str) -> str:
    t = templates()
    po, vo = registry.get(gemeente.swv_po), registry.get(gemeente.swv_vo)
    lines = [t.render("gemeente_swvs", lang, gemeente=gemeente.name, po=po.name, vo=vo.name)]
    others = [registry.get(c) for c in (*gemeente.swv_po_other, *gemeente.swv_vo_other)
              if c in registry]
    if others:
        lines.append(t.render("gemeente_swvs_split", lang, gemeente=gemeente.name,
                              others=fm.listing([o.name for o in others], lang)))
    return " ".join(lines)


def _same_or_not(pair: list[Any], lang: str) -> str:
    """"Hoort Zeist bij hetzelfde samenwerkingsverband als Utrecht?": per kind, same or not."""
    t = templates()
    a, b = pair
    lines = []
    for kind in KINDS:
        same = getattr(a, f"swv_{kind}") == getattr(b, f"swv_{kind}")
        lines.append(t.render("same_swv" if same else "other_swv", lang, a=a.name, b=b.name,
                              kind=kind.upper()))
    return " ".join(lines)
