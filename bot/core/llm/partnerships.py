"""Partnership codes in an LLM text: "PO 27.07", "VO 27.08", "SWV VO 23.05" are names, not figures.

Why a check of its own: the number in a samenwerkingsverband's name is left out of the figure
check (it is no figure), so without this check a text could swap "27.07" and "27.08" between two
partnerships, or write a code that does not exist, and every figure would still look bound. A
code is therefore checked as the name it is:

1. it must be a partnership the registry knows ("VO 99.99" is refused);
2. a "(regio ...)" written right after it must be that partnership's own region ("PO 27.08
   (regio Amsterdam-Diemen)" is refused: PO 27.08 is Amstelveen-Aalsmeer);
3. it must be a partnership the answer is about: a region of its facts, claims or regions, or
   one the template text itself names. A code the answer never named is a claim nobody computed.

After the partnership word ("samenwerkingsverband PO ...") any number is read as a code, so
"samenwerkingsverband PO 7.264" is refused too; without that word only the code's own shape
("PO 27.07", "po2707") counts, so "het vo 12,3%" stays a figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.core.llm.textscan import fold_keep

_TAIL = r"(?:\s*\((?:regio|region) (?P<tail>[^()]*)\))?"
_CODE = re.compile(
    r"(?<!\w)(?:(?P<word>samenwerkingsverband(?:en)?|swv|partnership)\s+(?P<level>po|vo)\s*"
    r"(?P<any>\d[\d.,]*\d|\d)(?![\w%])|(?P<level2>po|vo)(?: ?(?P<a>\d{2})\.(?P<b>\d{2})|"
    r"(?P<c>\d{4}))(?![\w%]|[.,]\d))" + _TAIL)


@dataclass(frozen=True, slots=True)
class Written:
    """A partnership code as written: its text, the code it spells (None if it spells none)
    and the region tail written after it ("amsterdam-diemen"), folded."""

    text: str
    code: str | None
    tail: str | None


def written_codes(text: str) -> list[Written]:
    """Every partnership code in ``text``, left to right."""
    out = []
    for m in _CODE.finditer(fold_keep(text)):
        if m.group("word"):
            level, written = m.group("level"), m.group("any")
            digits = written.replace(".", "") if re.fullmatch(r"\d{2}\.?\d{2}", written) else ""
        else:
            level, digits = m.group("level2"), m.group("c") or m.group("a") + m.group("b")
        code = f"{level.upper()}{digits}" if re.fullmatch(r"\d{4}", digits) else None
        tail = m.group("tail")
        out.append(Written(m.group(0), code, tail.strip() if tail else None))
    return out


def _region(registry: Any, code: str | None) -> Any | None:
    if code is None:
        return None
    try:
        return registry.get(code)
    except Exception:  # noqa: BLE001 - an unknown code is refused, not an error
        return None


def _own_tail(region: Any) -> str | None:
    match = re.search(r"\((?:regio|region) ([^()]*)\)", fold_keep(region.name))
    return match.group(1).strip() if match else None


def problems(text: str, template: str, registry: Any, codes: Iterable[str]) -> list[str]:
    """Why the partnership codes of ``text`` are not the answer's (empty when they are).
    ``template`` is the answer's own text, ``codes`` the regions of its facts and claims."""
    allowed = set(codes) | {w.code for w in written_codes(template) if w.code}
    reasons = []
    for w in written_codes(text):
        region = _region(registry, w.code)
        if region is None:
            reasons.append(f"'{w.text}': no samenwerkingsverband the registry knows")
            continue
        own = _own_tail(region)
        if w.tail is not None and own is not None and w.tail != own:
            reasons.append(f"'{w.text}': {w.code} is regio {own}, not {w.tail}")
        elif w.code not in allowed:
            reasons.append(f"'{w.text}': {w.code} is not a region of this answer")
    return reasons
