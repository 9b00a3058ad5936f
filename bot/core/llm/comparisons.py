"""Comparison and trend words in an LLM text must say what the answer code computed.

The answer code records what its sentences claim in ``Reply.debug["claims"]`` (shapes in
``bot.core.llm.claims``). A sentence with a comparison word (hoger, lager, ongeveer gelijk,
boven/onder het gemiddelde, higher, about the same ...), a significance word (significant, niet
significant, niet te toetsen), a relevance phrase ("minstens een tiende", "kleiner dan een
tiende", "te klein om", a small or large difference) or a trend word (gestegen, gedaald, gelijk
gebleven ...) is accepted only when the claims for the regions it names agree:

* the same direction, seen from the subject ("Nederland ligt hoger dan Zwolle" is the same claim
  as "Zwolle ligt lager dan Nederland"), against the figure that was tested (the rest of a
  samenwerkingsverband is another reference than the partnership itself);
* the same significance, and a relevance phrase only as the test found it: "minstens een tiende"
  only for a relevant difference, "te klein om hoger of lager te noemen" only for one that is
  not; so "hoger" cannot follow a significant but small difference;
* for a trend the same years, direction (up/down only when significant and relevant, "gelijk
  gebleven" when not, nothing when it could not be tested) and significance; a sentence about a
  region's development against another's (``trends``) as the trend comparison found it.

A comparison nobody computed, or words that contradict one, reject the text. Without claims every
comparison word rejects it: the check fails closed.
"""

from __future__ import annotations

from bot.core.llm import trends
from bot.core.llm.claims import Claims
from bot.core.llm.cues import ALL, Cues, cues, standing
from bot.core.llm.matching import FLIP, fits, select, tested_as
from bot.core.llm.mentions import PEERS, Mention
from bot.core.llm.reading import Sentence
from bot.core.llm.textscan import fold_keep


def problems(sentences: list[Sentence], claims: Claims) -> list[str]:
    """Reasons the comparison and trend words of the text disagree with the claims."""
    out: list[str] = []
    previous: list[Mention] = []
    for s in sentences:
        said = cues(fold_keep(s.text))
        before = previous or s.context.regions
        if trends.is_versus(s, said, claims):
            out.extend(trends.check_versus(s, claims, said, before))
        else:
            about_change = bool(said.trend or said.change)
            if said.direction or ((said.significance or said.relevance) and not about_change):
                if said.direction in ("negated", "mixed"):
                    out.append(f"comparison words cannot be checked: '{s.text[:60]}'")
                else:
                    out.extend(_check_compare(s, claims, said, before))
            if said.trend or (about_change and (said.significance or said.relevance)):
                out.extend(trends.check_trend(s, claims, said))
        out.extend(_check_standing(s, claims))
        if s.regions:
            previous = s.regions
    return out


def _check_standing(s: Sentence, claims: Claims) -> list[str]:
    """"bij de hoogste/laagste vijf procent" as the position claim of the region says."""
    said = standing(fold_keep(s.text))
    if said is None:
        return []
    codes = {code for m in s.main_regions() for code in m.codes} or set(s.context.region or ())
    known = [claims.positions[c] for c in codes if c in claims.positions]
    if not known:
        return [f"no computed position for '{s.text[:80]}'"]
    return [f"standing '{said}' is not the computed '{p.standing}' ({p.region})"
            for p in known if p.standing != said]


def _check_compare(s: Sentence, claims: Claims, said: Cues, before: list[Mention]
                   ) -> list[str]:
    fitting = [c for c in claims.of("compare") if fits(s, c)]
    candidates, subject, reference = select(fitting, s, said.at, before)
    if not candidates:
        return [f"no computed comparison for '{s.text[:80]}'"]
    out = []
    for c in candidates:
        flipped = (c.b in subject and c.a not in subject) or (c.a in reference and not subject)
        expected = FLIP.get(c.direction, c.direction) if flipped else c.direction
        if said.direction and said.direction != expected:
            out.append(f"'{said.direction}' contradicts the computed '{expected}' "
                       f"({c.a}–{c.b}, {min(c.years)})")
        if c.b == PEERS and ALL.search(fold_keep(s.text)) and c.standing not in ("top", "bottom"):
            out.append(f"'all similar municipalities' is not computed for {c.a}")
        out.extend(tested_as(said, c))
    return out
