"""Which StatLine tables the import reads, and how their codes are recognised.

Why by title and not by key: CBS renumbers tables and codes between editions (84134NED ran to
2020, 85099NED took over from 2021), but the titles of the codes stay the same ("JZ Totaal
jeugdzorg", "JH 121 Totaal jeugdhulp zonder verblijf"). Each wanted code is found in the table's
own metadata by a title pattern; a pattern that finds nothing stops that category with a clear
message instead of a guess. The documented keys (see ``indicators/data/PROVENANCE.md``) are only
a cross-check in the provenance record.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

YEAR_PERIOD = re.compile(r"^(\d{4})JJ00$")


def norm(text: str | None) -> str:
    """Lower case, single spaces: titles as compared."""
    return re.sub(r"\s+", " ", (text or "").strip()).lower()


@dataclass(frozen=True)
class JeugdzorgTable:
    """A 'Kerncijfers over jeugdzorg' style table: count and share per vorm van jeugdzorg."""

    id: str
    years: str
    dimension: str = "VormenVanJeugdzorg"
    # category -> title patterns (regular expressions over the normalised title), first wins
    categories: dict[str, tuple[str, ...]] = field(default_factory=lambda: {
        "totaal": (r"^jz totaal jeugdzorg$",),
        "jeugdhulp_zonder_verblijf": (r"^jh( \d+)? totaal jeugdhulp zonder verblijf$",
                                      r"^jh zonder verblijf$"),
        "jeugdhulp_met_verblijf": (r"^jh( \d+)? totaal jeugdhulp met verblijf$",
                                   r"^jh met verblijf$"),
        "jeugdbescherming": (r"^jb( \d+)? totaal jeugdbescherming$",),
        "jeugdreclassering": (r"^jr( \d+)? totaal jeugdreclassering$",),
    })
    indicator: str = "jeugdzorg"
    kind: str = "jeugdzorg"


@dataclass(frozen=True)
class NeetTable:
    """'Arbeidsmarktsituatie jongeren (15 tot 27 jaar); regio': counts per situation.

    NEET = not in education and without work; the share is computed from the two counts
    (CBS publishes counts only, rounded to hundreds), so it is opt-in (``--tables``).
    """

    id: str
    years: str
    # dimension title pattern -> (pattern of the NEET code, pattern of the total code)
    dimensions: dict[str, tuple[str, str]] = field(default_factory=lambda: {
        r"onderwijs": (r"^(niet onderwijsvolgend|nee|geen onderwijs.*)$", r"^totaal"),
        r"arbeid": (r"^(niet werkzaam|geen werk.*|arb\.?pos\.?: niet werkzaam.*)$",
                    r"^totaal"),
        r"uitkering": (r"^totaal", r"^totaal"),
        r"werkzoekend|uwv": (r"^totaal", r"^totaal"),
    })
    indicator: str = "neet"
    kind: str = "neet"


TABLES: dict[str, JeugdzorgTable | NeetTable] = {
    "84134NED": JeugdzorgTable("84134NED", "2015-2020"),
    "85099NED": JeugdzorgTable("85099NED", "2021-"),
    "86087NED": NeetTable("86087NED", "2005-2023"),
}
DEFAULT_TABLES = ("84134NED", "85099NED")


def find_code(codes: list[dict], patterns: tuple[str, ...]) -> dict | None:
    """The first code (Key, Title, Description) whose normalised title matches a pattern."""
    for pattern in patterns:
        for code in codes:
            if re.search(pattern, norm(code.get("Title"))):
                return code
    return None


def topic(properties: list[dict], *, title: str, unit: str) -> dict | None:
    """The topic column whose title starts with ``title`` and whose unit contains ``unit``."""
    for prop in properties:
        if prop.get("Type") != "Topic":
            continue
        if norm(prop.get("Title")).startswith(title) and unit in norm(prop.get("Unit")):
            return prop
    return None
