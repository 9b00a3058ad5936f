"""A year named by counting back: "vorig jaar", "vijf jaar geleden", "het jaar daarvoor",
"two years earlier".

Why a module of its own: the intent model reads such a wording as a year (``features``
replaces it by the same placeholder as "2019"), and the year slot turns it into a year
(``figure.year_slot``). Both must agree on which wordings count, so the pattern lives here once.
Texts are folded (lower case, no accents).

Two kinds, as the words themselves say: "vorig jaar", "twee jaar geleden", "terug", "ago" and
"last year" count back from today (in 2026 "vorig jaar" is 2025, whatever the newest figures
are); "het jaar daarvoor", "twee jaar eerder", "earlier" and "the year before" count back from
the year the conversation was about.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.core.understanding.prefix_scan import re_compile

NUMBER_WORDS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
            "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
            "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18,
            "negentien": 19, "twintig": 20, "a": 1, "one": 1, "two": 2, "three": 3, "four": 4,
            "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
            "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20}
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + ")"
_FROM_TODAY = r"geleden|terug|ago"
_FROM_SHOWN = r"eerder|daarvoor|ervoor|voordien|earlier|before"
RELATIVE_YEAR = re_compile(
    r"\b(?:" + _COUNT + r"\s+(?:school)?(?:jaar|jaren|years?)\s+(?P<word>" + _FROM_TODAY + "|"
    + _FROM_SHOWN + r")"
    r"|(?P<shown>het\s+vorige\s+(?:school)?jaar|het\s+(?:school)?jaar\s+(?:daarvoor|ervoor)"
    r"|the\s+(?:previous\s+year|year\s+before))"
    r"|(?P<today>vorige?\s+(?:school)?jaar|last\s+(?:school\s+)?year))\b")


class CountedBack(NamedTuple):
    """``years`` back from today (``from_today``) or from the year shown; ``words`` as
    typed (folded)."""

    years: int
    words: str
    from_today: bool


def years_back(folded: str) -> CountedBack | None:
    """The year counted back that ``folded`` names, or None. A count of 0 or more than 99 is
    none ("0 jaar geleden")."""
    match = RELATIVE_YEAR.search(folded)
    if match is None:
        return None
    if match.group("shown"):
        return CountedBack(1, match.group(0), False)
    if match.group("today"):
        return CountedBack(1, match.group(0), True)
    count = match.group("count")
    number = int(count) if count.isdigit() else NUMBER_WORDS[count]
    if not 0 < number <= 99:
        return None
    return CountedBack(number, match.group(0),
                       re.fullmatch(_FROM_TODAY, match.group("word")) is not None)
