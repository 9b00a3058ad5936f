"""A year named by counting back: "vorig jaar", "vijf jaar geleden", "het jaar daarvoor",
"two years earlier".

Why a module of its own: the intent model reads such a wording as a year (``features``
replaces it by the same placeholder as "2019"), and the year slot turns it into a year counted
back from the year the conversation was about (``figure.year_slot``). Both must agree on which
wordings count, so the pattern lives here once. Texts are folded (lower case, no accents).
"""

from __future__ import annotations

import re

_NUMBERS = {"een": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
            "acht": 8, "negen": 9, "tien": 10, "a": 1, "one": 1, "two": 2, "three": 3,
            "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNT = r"(?P<count>\d{1,2}|" + "|".join(_NUMBERS) + ")"
RELATIVE_YEAR = re.compile(
    r"\b(?:" + _COUNT + r"\s+(?:jaar|jaren|years?)\s+(?:geleden|eerder|terug|daarvoor|ervoor|"
    r"voordien|ago|earlier|before)"
    r"|(?:het\s+)?vorige?\s+jaar|het\s+jaar\s+(?:daarvoor|ervoor)"
    r"|last\s+year|the\s+(?:previous\s+year|year\s+before))\b")


def years_back(folded: str) -> tuple[int, str] | None:
    """How many years the wording counts back, and the words that say so; None when it names
    no such year. A count of 0 or more than 10 is no year counted back ("50 jaar geleden")."""
    match = RELATIVE_YEAR.search(folded)
    if match is None:
        return None
    count = match.group("count")
    if count is None:
        return 1, match.group(0)
    number = int(count) if count.isdigit() else _NUMBERS[count]
    return (number, match.group(0)) if 0 < number <= 10 else None
