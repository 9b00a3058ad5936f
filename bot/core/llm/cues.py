"""The comparison, significance, relevance and trend words of one sentence (Dutch and English).

``cues(text)`` reads a sentence (folded: lower case, no accents) into a ``Cues``: the direction
it states (hoger/lager/gelijk), its significance (yes/no/unknown), its relevance (a difference
"minstens een tiende" or "kleiner dan een tiende" of the lowest figure, a small or large
difference), its trend word (up/down/flat), and for a development against another region's the
degree words (sterker, minder sterk). Phrases that contain such words but state no comparison
are blanked first: "gemeenten die op Zwolle lijken", "meer dan één zorgtype", and the tail of
"te klein om hoger of lager te noemen" (the words after "te klein om" name what is *not* said).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.llm.textscan import wordset

HIGHER = re.compile(r"\b(?:hoger|hogere|groter|grotere|higher|greater)\b|"
                    r"\babove (?:the|that|those|average|national|its)\b|"
                    r"\b(?:meer|more)(?:\s+[\w-]+){0,3}\s+(?:dan|than)\b(?!\s*\d)|"
                    r"\bboven (?:het|de|dat|die) (?:landelijk\w*|gemiddeld\w*|niveau|cijfer)|"
                    r"\bboven (?:dat|die) van\b")
LOWER = re.compile(r"\b(?:lager|lagere|kleiner|kleinere|lower|smaller)\b|"
                   r"\bbelow (?:the|that|those|average|national|its)\b|"
                   r"\b(?:minder|less|fewer)(?:\s+[\w-]+){0,3}\s+(?:dan|than)\b(?!\s*\d)|"
                   r"\bonder (?:het|de|dat|die) (?:landelijk\w*|gemiddeld\w*|niveau|cijfer)|"
                   r"\bonder (?:dat|die) van\b")
SAME = re.compile(r"\b(?:gelijk|vergelijkbaar|even hoog|hetzelfde|in lijn met|same|equal|"
                  r"similar|comparable|in line with)\b|"
                  r"\bgeen (?:statistisch )?(?:significant )?verschil|"
                  r"\bno (?:statistically )?(?:significant )?difference")
NEGATED = re.compile(r"\b(?:niet|not|geen|no)\s+(?:\w+\s+)?(?:hoger|lager|higher|lower|groter|"
                     r"kleiner|greater|smaller)\b")
SIG_NO = re.compile(r"\b(?:niet|geen|not|no)\s+(?:statisti\w+\s+)?significan\w*|"
                    r"op toeval berusten|may be chance|\bgeen (?:statistisch )?verschil|"
                    r"\bno (?:statistically )?(?:significant )?difference")
SIG_UNKNOWN = re.compile(r"niet te toetsen|niet getoetst|cannot be tested|not (?:be )?tested|"
                         r"\b(?:of|whether) (?:het |de |the )?(?:verschil|difference|"
                         r"verandering|change|ontwikkeling|development)\w* (?:\w+ ){0,3}?"
                         r"significan\w*")
SIG_YES = re.compile(r"\bsignifican\w*")
UP = re.compile(r"\b(?:gestegen|steeg|stegen|stijgt|stijging|toegenomen|toename|nam toe|"
                r"neemt toe|gegroeid|groeide|increased|increase|rose|risen|rising|grew|grown|"
                r"went up)\b")
DOWN = re.compile(r"\b(?:gedaald|daalde|daalden|daalt|daling|afgenomen|afname|nam af|neemt af|"
                  r"decreased|decrease|fell|fallen|declined|decline|dropped|went down)\b")
FLAT = re.compile(r"\b(?:(?:ongeveer |vrijwel )?gelijk gebleven|stabiel\w*|onveranderd|"
                  r"stayed (?:about )?the same|remained (?:about )?(?:the same|stable)|"
                  r"unchanged)\b")
# relevance: at least / less than a tenth of the lowest figure, a small or large difference
_OF_LOWEST = r"(?:\s+(?:van (?:het|de) (?:laagste|kleinste|lagere) (?:cijfer|waarde)|" \
             r"of the (?:smaller|lower|lowest) (?:figure|value)))?"
RELEVANT_SMALL = re.compile(
    r"\b(?:kleiner|minder) dan (?:een|1) tiende" + _OF_LOWEST + r"|"
    r"\b(?:smaller|less) than (?:a|one) tenth" + _OF_LOWEST + r"|"
    r"\b(?:te klein|too small)\b|"
    r"\b(?:klein|kleine|gering|geringe|small|slight|minor)\s+(?:verschil|difference)\b|"
    r"\b(?:verschil|difference)\b[^.;:]{0,60}?\b(?:is|was|blijft|remains) "
    r"(?:erg |heel |vrij |very |rather )?(?:klein|gering|small|slight|minor)\b")
RELEVANT_LARGE = re.compile(
    r"\b(?:minstens|ten minste|tenminste|meer dan|ruim) (?:een|1) tiende" + _OF_LOWEST + r"|"
    r"\b(?:at least|more than) (?:a|one) tenth" + _OF_LOWEST + r"|"
    r"\b(?:groot|grote|aanzienlijk\w*|large|big|substantial|considerable)\s+"
    r"(?:verschil|difference)\b|"
    r"\b(?:verschil|difference)\b[^.;:]{0,60}?\b(?:is|was|blijft|remains) "
    r"(?:erg |heel |vrij |very |rather )?(?:groot|aanzienlijk|large|big|substantial)\b")
# after "te klein om" / "too small to" the sentence names what it does *not* say; only these
# fixed tails are blanked ("te klein om lager of lager te noemen" still reads "lager")
TOO_SMALL_TAIL = re.compile(
    r"\b(?:te klein om|too small to)(\s+(?:(?:van )?(?:hoger of lager|lager of hoger|stijgen of "
    r"dalen|dalen of stijgen|een stijging of (?:een )?daling|een andere ontwikkeling|een "
    r"verschil)(?: te (?:noemen|spreken))?|call (?:it )?(?:higher or lower|lower or higher|"
    r"a rise or a fall|a fall or a rise|a different development|a difference))\b)")
QUANTITY = re.compile(r"\b(?:meer|minder|more|less|fewer) (?:dan|than) (?:een|1|twee|drie|vier|"
                      r"vijf|tien|one|two|three|four|five|ten|a)\b(?!\s+(?:tiende|tenth))")
NOT_CUE = re.compile(r"\b(?:(?:municipalities|gemeenten) (?:similar|comparable) to|"
                     r"(?:similar|comparable|vergelijkbare|soortgelijke) "
                     r"(?:municipalities|gemeenten))")
REFERENCE = re.compile(r"\b(?:dan|than|aan|met|as|with|to|als|bij)\s+(?:\w+\s+){0,3}$")
CHANGE = re.compile(r"\b(?:veranderd|verandert|veranderde|verandering\w*|changed?|changes)\b")
DEVELOPMENT = re.compile(r"\b(?:ontwikkeling\w*|development\w*)\b")
DEGREE_MORE = re.compile(r"\b(?:sterker|harder|sneller|meer|more strongly|faster|more)\b")
DEGREE_LESS = re.compile(r"\b(?:minder sterk|minder hard|minder snel|langzamer|less strongly|"
                         r"more slowly|slower|less)\b")
CONTRAST = re.compile(r"\b(?:terwijl|maar|tegenover|while|whereas|but)\b")
ALL = re.compile(r"\b(?:alle|al deze|allemaal|all|every)\b")
# the words these patterns look at: checked here, so the vocabulary check lets them pass
CUE_WORDS = wordset("""
hoger hogere lager lagere groter grotere meer minder kleiner kleinere boven onder gelijk
vergelijkbaar even
hoog hetzelfde significant significante statistisch verschil toeval berusten getoetst toetsen
gestegen steeg stegen stijgt stijging toegenomen toename gegroeid groeide gedaald daalde daalden
daalt daling afgenomen afname stabiel onveranderd gebleven ongeveer vrijwel lijn
tiende minstens klein kleine gering geringe groot grote aanzienlijk sterker
higher lower greater smaller above below more less fewer same equal similar comparable significantly
statistically difference chance tested increased increase rose risen rising grew grown decreased
decrease fell fallen declined decline dropped unchanged stable stayed remained line went
tenth least small slight minor large big substantial considerable strongly
""")


@dataclass(frozen=True, slots=True)
class Cues:
    """What one sentence says about a comparison or a trend (None: it says nothing)."""

    direction: str | None  # hoger | lager | gelijk | negated | mixed
    significance: str | None  # yes | no | unknown | mixed
    relevance: str | None  # small | large | mixed
    trend: str | None  # up | down | flat | mixed
    at: int  # position of the first direction word
    degree: str | None  # more | less: "sterker gestegen", "minder sterk gedaald"
    development: bool  # "ontwikkeling", "development": one change against another
    contrast: bool  # terwijl, maar, while ...
    change: bool  # "veranderd", "de verandering": about a change, not a level


def blank(pattern: re.Pattern[str], text: str, group: int = 0) -> str:
    """``text`` with the matches of ``pattern`` (or of one group) replaced by spaces."""
    def spaces(m: re.Match[str]) -> str:
        if not group or m.group(group) is None:
            return " " * len(m.group(0))
        a, b = m.start(group) - m.start(), m.end(group) - m.start()
        return m.group(0)[:a] + " " * (b - a) + m.group(0)[b:]
    return pattern.sub(spaces, text)


def cues(folded: str) -> Cues:
    """The cues of one folded sentence (see module docstring)."""
    text = blank(NOT_CUE, folded)
    text = blank(TOO_SMALL_TAIL, text, group=1)
    small, large = RELEVANT_SMALL.search(text), RELEVANT_LARGE.search(text)
    relevance = "mixed" if small and large else "small" if small else "large" if large else None
    text = blank(RELEVANT_LARGE, blank(RELEVANT_SMALL, text))
    text = blank(QUANTITY, text)
    trend = "flat" if FLAT.search(text) else None
    flat_free = blank(FLAT, text)
    up, down = UP.search(flat_free), DOWN.search(flat_free)
    if trend is None:
        trend = "up" if up and not down else "down" if down and not up else \
            "mixed" if up and down else None
    said = {name for name, pattern in (("no", SIG_NO), ("unknown", SIG_UNKNOWN))
            if pattern.search(flat_free)}
    if SIG_YES.search(blank(SIG_UNKNOWN, blank(SIG_NO, flat_free))):
        said.add("yes")  # "significant" outside "niet significant"
    significance = said.pop() if len(said) == 1 else "mixed" if said else None
    degree_less = DEGREE_LESS.search(flat_free)
    degree_free = blank(DEGREE_LESS, flat_free)
    degree = "less" if degree_less else "more" if DEGREE_MORE.search(degree_free) else None
    hits = [(m.start(), name) for name, pattern in (("hoger", HIGHER), ("lager", LOWER),
                                                     ("gelijk", SAME))
            for m in pattern.finditer(flat_free)]
    names = {name for _, name in hits}
    at = min((p for p, _ in hits), default=0)
    if NEGATED.search(flat_free):
        direction: str | None = "negated"
    else:
        direction = names.pop() if len(names) == 1 else ("mixed" if names else None)
    return Cues(direction, significance, relevance, trend, at, degree,
                bool(DEVELOPMENT.search(text)), bool(CONTRAST.search(text)),
                bool(CHANGE.search(text)))


_STANDING = re.compile(r"\b(?:hoogste|laagste|highest|lowest)\s+(?:(?:vijf|5|five)\s*"
                       r"(?:procent|percent|%)|\w*\s*(?:vijf|5|five)\s*(?:procent|percent|%))")
_MIDDLE = re.compile(r"\b(?:niet|not)\b.{0,30}\b(?:hoogste of laagste|laagste of hoogste|"
                     r"highest or lowest|lowest or highest)\b")


def standing(folded: str) -> str | None:
    """top / bottom / middle when a sentence places a region among the highest or lowest five
    percent (or among neither); None when it does not."""
    if _MIDDLE.search(folded):
        return "middle"
    found = {("top" if m.group(0).startswith(("hoogst", "highest")) else "bottom")
             for m in _STANDING.finditer(folded)}
    if len(found) == 1:
        return found.pop()
    return "mixed" if found else None


def without_relevance(folded: str) -> str:
    """The sentence with its relevance phrases blanked ("minstens een tiende van het laagste
    cijfer"): they are checked here, and their words ("laagste") must not support a claim of
    their own elsewhere."""
    text = blank(TOO_SMALL_TAIL, folded, group=1)
    return blank(RELEVANT_LARGE, blank(RELEVANT_SMALL, text))


def trend_words(folded: str) -> str | None:
    """up/down/flat/mixed named in a stretch of text (one clause), None when none."""
    text = blank(FLAT, folded)
    if FLAT.search(folded):
        return "mixed" if UP.search(text) or DOWN.search(text) else "flat"
    up, down = UP.search(text), DOWN.search(text)
    return "mixed" if up and down else "up" if up else "down" if down else None
