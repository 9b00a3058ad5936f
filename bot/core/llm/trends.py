"""Trend words in an LLM text: a region's own change, and its development against another's.

``check_trend``: "gestegen", "gedaald", "gelijk gebleven" and what is said of the change's
significance and relevance must be the trend claim of the region the sentence is about, over the
years it names ("van 2023 tot 2019 gestegen" reads backwards). An untestable trend admits no
trend word at all.

``check_versus``: a sentence that sets one region's development against another's ("In
Zwolle is het sterker gestegen dan in Nederland", "... gestegen, terwijl het in Nederland
daalde", "De ontwikkeling in Zwolle is ongeveer gelijk aan die in Nederland") must agree with the
trend comparison the answer computed (``trend_vs`` claim): the direction (rose more or fell less
is "hoger"), the raw change it gives each region, and significance and relevance. Such a
sentence is recognised by a degree word ("sterker gestegen", "minder sterk gedaald"), by two
regions with trend words and a comparison word or "ontwikkeling", by two regions with opposite
trend words and a contrast ("terwijl") when their developments were compared, or by
"ontwikkeling"/"development" with significance words ("dat verschil in ontwikkeling is
significant"). A single region's "gedaald" is always its own judged trend, never a raw change.
"""

from __future__ import annotations

from bot.core.llm.claims import Claims
from bot.core.llm.cues import TOO_SMALL_TAIL, Cues, blank, trend_words
from bot.core.llm.matching import FLIP, fits, select, tested_as
from bot.core.llm.mentions import Mention
from bot.core.llm.reading import Sentence
from bot.core.llm.textscan import fold_keep


def is_versus(s: Sentence, said: Cues, claims: Claims) -> bool:
    """Is the sentence about one development against another (see module docstring)?"""
    if not said.trend:
        return said.development and bool(said.direction or said.significance or said.relevance)
    if said.degree:
        return True
    codes = {code for m in s.main_regions() for code in m.codes}
    if len(codes) < 2:
        return False
    if said.development or said.direction in ("hoger", "lager", "gelijk"):
        return True
    # "gedaald, terwijl het in Nederland steeg" is a comparison when one was computed for the
    # two; else each region's own trend is checked ("in Zwolle gedaald, maar in Deventer ...")
    return said.contrast and any({c.a, c.b} <= codes for c in claims.of("trend_vs"))


def check_versus(s: Sentence, claims: Claims, said: Cues, before: list[Mention]) -> list[str]:
    fitting = [c for c in claims.of("trend_vs") if fits(s, c)]
    candidates, subject, reference = select(fitting, s, said.at, before)
    if not candidates:
        return [f"no computed trend comparison for '{s.text[:80]}'"]
    direction = said.direction
    if said.degree and said.trend in ("up", "down"):  # "minder sterk gedaald": hoger
        direction = "hoger" if (said.degree == "more") == (said.trend == "up") else "lager"
    if direction in ("negated", "mixed"):
        return [f"comparison words cannot be checked: '{s.text[:60]}'"]
    out = []
    for c in candidates:
        flipped = (c.b in subject and c.a not in subject) or (c.a in reference and not subject)
        expected = FLIP.get(c.direction, c.direction) if flipped else c.direction
        if direction and direction != expected:
            out.append(f"'{direction}' contradicts the computed development '{expected}' "
                       f"({c.a}–{c.b}, {min(c.years)}–{max(c.years)})")
        for codes, word in _changes(s, subject or {code for m in before for code in m.codes}):
            for code in codes:
                if word != c.change_of(code):
                    out.append(f"change '{word}' of {code} is not the computed "
                               f"'{c.change_of(code) or 'none'}' ({min(c.years)}–"
                               f"{max(c.years)})")
        out.extend(tested_as(said, c))
    return out


def _changes(s: Sentence, subject: set[str]) -> list[tuple[set[str], str]]:
    """(regions, trend word) per clause: "In Zwolle is het gestegen, terwijl het in Nederland
    daalde" gives ({Zwolle}, up) and ({Nederland}, down); a clause without a region is about
    the subject."""
    out = []
    for clause in s.clauses:
        local = fold_keep(s.text[clause.start - s.segment.start:clause.end - s.segment.start])
        word = trend_words(blank(TOO_SMALL_TAIL, local, group=1))
        if word is None:
            continue
        codes = {code for m in s.main_regions() if clause.start <= m.start < clause.end
                 for code in m.codes}
        out.append((codes or set(subject), word))
    return out


def check_trend(s: Sentence, claims: Claims, said: Cues) -> list[str]:
    """Each trend word against the trend claim of the regions it is about: all the regions
    the sentence names (or the one before), or, when it uses different trend words, those of
    each word's own clause."""
    codes = {code for m in s.main_regions() for code in m.codes} or set(s.context.region or ())
    if said.trend == "mixed":
        words: list[tuple[set[str], str | None]] = list(_changes(s, codes))
    else:
        words = [(codes, said.trend)]
    named = [t.year for t in s.years]
    out = []
    for where, trend in words:
        candidates = [c for c in claims.of("trend") if fits(s, c)
                      and (not where or c.a in where)]
        if not candidates:
            return [f"no computed trend for '{s.text[:80]}'"]
        if trend and len(named) >= 2 and named[0] > named[-1]:  # "van 2023 tot 2019" reads back
            trend = {"up": "down", "down": "up"}.get(trend, trend)
        for c in candidates:
            if trend and trend != c.direction:
                out.append(f"trend '{trend}' contradicts the computed '{c.direction}' ({c.a})")
            out.extend(tested_as(said, c))
    return out
