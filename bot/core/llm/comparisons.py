"""Comparison and trend words in an LLM text must say what the answer code computed.

The answer code records what its sentences claim in ``Reply.debug["claims"]`` (see
``claims_of``). A sentence with a comparison word (hoger, lager, gelijk, boven, onder het
gemiddelde, higher, lower, same ...), a significance word (significant, niet significant, niet te
toetsen) or a trend word (gestegen, gedaald, gelijk gebleven, increased ...) is accepted only when
the claims for the regions it names agree: the same direction, seen from the region that is the
subject ("Nederland ligt hoger dan Zwolle" is the same claim as "Zwolle ligt lager dan
Nederland"), the same significance, and for a trend the same years. A comparison nobody
computed, or words that contradict one, reject the text. Without claims every comparison word
rejects it: the check fails closed.

Claim dictionaries (written by ``bot/core/answers``):

* ``{"kind": "compare", "indicator", "category", "year", "a", "b", "direction":
  "hoger"|"lager"|"gelijk", "significant": true|false|null, "labels": {code: text}}``; the
  direction is what the sentence said ("gelijk" when the difference was not significant),
  ``labels`` names groups that are no registry region (optional);
* ``{"kind": "trend", "indicator", "category", "region", "from", "to", "direction":
  "up"|"down"|"flat"}``;
* ``{"kind": "peers", "indicator", "category", "year", "region", "standing":
  "top"|"bottom"|"high"|"low"|"middle"}``: a gemeente against its most alike gemeenten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bot.core.llm.mentions import PEERS, Mention
from bot.core.llm.reading import Sentence
from bot.core.llm.textscan import fold_keep, wordset

HIGHER = re.compile(r"\b(?:hoger|hogere|groter|grotere|higher|greater|above)\b|"
                    r"\b(?:meer|more)(?:\s+[\w-]+){0,3}\s+(?:dan|than)\b(?!\s*\d)|"
                    r"\bboven (?:het|de|dat|die) (?:landelijk\w*|gemiddeld\w*|niveau|cijfer)|"
                    r"\bboven (?:dat|die) van\b")
LOWER = re.compile(r"\b(?:lager|lagere|kleiner|kleinere|lower|smaller|below)\b|"
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
SIG_UNKNOWN = re.compile(r"niet te toetsen|niet getoetst|cannot be tested|not (?:be )?tested")
SIG_YES = re.compile(r"\bsignifican\w*")
UP = re.compile(r"\b(?:gestegen|steeg|stijgt|stijging|toegenomen|toename|nam toe|neemt toe|"
                r"gegroeid|groeide|increased|increase|rose|risen|rising|grew|grown|went up)\b")
DOWN = re.compile(r"\b(?:gedaald|daalde|daalt|daling|afgenomen|afname|nam af|neemt af|"
                  r"decreased|decrease|fell|fallen|declined|decline|dropped|went down)\b")
FLAT = re.compile(r"\b(?:(?:ongeveer |vrijwel )?gelijk gebleven|stabiel\w*|onveranderd|"
                  r"stayed (?:about )?the same|remained (?:about )?(?:the same|stable)|"
                  r"unchanged)\b")
ALL = re.compile(r"\b(?:alle|al deze|allemaal|all|every)\b")
NOT_CUE = re.compile(r"\b(?:(?:municipalities|gemeenten) (?:similar|comparable) to|"
                     r"(?:similar|comparable|vergelijkbare|soortgelijke) "
                     r"(?:municipalities|gemeenten))")
REFERENCE = re.compile(r"\b(?:dan|than|aan|met|as|with|to|als|bij)\s+(?:\w+\s+){0,3}$")
# the words these patterns look at: checked here, so the vocabulary check lets them pass
CUE_WORDS = wordset("""
hoger hogere lager lagere groter grotere meer minder kleiner kleinere boven onder gelijk
vergelijkbaar even
hoog hetzelfde significant significante statistisch verschil toeval berusten getoetst toetsen
gestegen steeg stijgt stijging toegenomen toename gegroeid groeide gedaald daalde daalt daling
afgenomen afname stabiel onveranderd gebleven ongeveer vrijwel lijn
higher lower greater smaller above below more less fewer same equal similar comparable significantly
statistically difference chance tested increased increase rose risen rising grew grown decreased
decrease fell fallen declined decline dropped unchanged stable stayed remained line went
""")
FLIP = {"hoger": "lager", "lager": "hoger", "gelijk": "gelijk"}
STANDING = {"top": "hoger", "high": "hoger", "bottom": "lager", "low": "lager",
            "middle": "gelijk"}


@dataclass(slots=True)
class Claim:
    kind: str  # compare | trend
    indicator: str | None
    category: str | None
    years: frozenset[int]
    a: str
    b: str = ""
    direction: str = ""
    significant: bool | None = None
    standing: str = ""


@dataclass(slots=True)
class Claims:
    items: list[Claim] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)

    def codes(self) -> set[str]:
        return {c.a for c in self.items} | {c.b for c in self.items if c.b}


def claims_of(raw: list[Any]) -> Claims:
    """Normalise the claim dictionaries of ``Reply.debug["claims"]`` (bad entries are ignored:
    a missing claim only makes the check stricter)."""
    out = Claims()
    for item in raw or []:
        if not isinstance(item, dict):
            continue
        kind = item.get("kind")
        base = dict(indicator=item.get("indicator"), category=item.get("category"))
        try:
            if kind == "compare":
                out.items.append(Claim("compare", years=frozenset({int(item["year"])}),
                                       a=str(item["a"]), b=str(item["b"]),
                                       direction=str(item["direction"]),
                                       significant=item.get("significant"), **base))
                out.labels.update({str(k): str(v) for k, v in (item.get("labels") or {}).items()})
            elif kind == "trend":
                out.items.append(Claim("trend", years=frozenset({int(item["from"]),
                                                                  int(item["to"])}),
                                       a=str(item["region"]), direction=str(item["direction"]),
                                       significant=item.get("significant"), **base))
            elif kind == "peers":
                standing = str(item["standing"])
                out.items.append(Claim("compare", years=frozenset({int(item["year"])}),
                                       a=str(item["region"]), b=PEERS,
                                       direction=STANDING.get(standing, "?"), significant=None,
                                       standing=standing, **base))
        except (KeyError, TypeError, ValueError):
            continue
    return out


def _cues(folded: str) -> tuple[str | None, str | None, str | None, int]:
    """(direction, significance, trend, position of the direction word) named in a sentence."""
    folded = NOT_CUE.sub(lambda m: " " * len(m.group(0)), folded)
    trend = "flat" if FLAT.search(folded) else None
    flat_free = FLAT.sub(lambda m: " " * len(m.group(0)), folded)
    if trend is None:
        up, down = UP.search(flat_free), DOWN.search(flat_free)
        trend = "up" if up and not down else "down" if down and not up else \
            "mixed" if up and down else None
    significance = "no" if SIG_NO.search(flat_free) else "unknown" if \
        SIG_UNKNOWN.search(flat_free) else "yes" if SIG_YES.search(flat_free) else None
    hits = [(m.start(), name) for name, pattern in (("hoger", HIGHER), ("lager", LOWER),
                                                     ("gelijk", SAME))
            for m in pattern.finditer(flat_free)]
    names = {name for _, name in hits}
    if NEGATED.search(flat_free):
        return "negated", significance, trend, min(p for p, _ in hits) if hits else 0
    direction = names.pop() if len(names) == 1 else ("mixed" if names else None)
    return direction, significance, trend, min((p for p, _ in hits), default=0)


def problems(sentences: list[Sentence], claims: Claims) -> list[str]:
    """Reasons the comparison and trend words of the text disagree with the claims."""
    out: list[str] = []
    previous: list[Mention] = []
    for s in sentences:
        folded = fold_keep(s.text)
        direction, significance, trend, at = _cues(folded)
        regions = s.regions
        if direction or (significance and not trend):
            if direction in ("negated", "mixed"):
                out.append(f"comparison words cannot be checked: '{s.text[:60]}'")
            else:
                out.extend(_check_compare(s, claims, direction, significance, at, regions,
                                          previous or s.context.regions))
        if trend:
            out.extend(_check_trend(s, claims, trend, significance))
        if regions:
            previous = regions
    return out


def _roles(s: Sentence, regions: list[Mention], at: int) -> tuple[set[str], set[str]]:
    """(subject codes, reference codes): the reference follows 'dan/than/aan/met' after the
    comparison word; the subject is the first other region."""
    reference: set[str] = set()
    subject: set[str] = set()
    for m in regions:
        local = m.start - s.segment.start
        head = fold_keep(s.text[max(at, 0):max(local, 0)]) if local >= at else ""
        if not reference and local >= at and REFERENCE.search(head):
            reference = set(m.codes)
        elif not subject:
            subject = set(m.codes)
    return subject, reference


def _check_compare(s: Sentence, claims: Claims, direction: str | None,
                   significance: str | None, at: int, regions: list[Mention],
                   before: list[Mention]) -> list[str]:
    candidates = [c for c in claims.items if c.kind == "compare" and _fits(s, c)]
    if regions:
        subject, reference = _roles(s, regions, at)
    else:  # "Het verschil is significant.": the regions of the sentence before
        subject, reference = {code for m in before for code in m.codes}, set()
        both = [c for c in candidates if c.a in subject and c.b in subject]
        candidates = both or candidates
    named = subject | reference
    if subject and reference:
        candidates = [c for c in candidates if {c.a, c.b} & subject and {c.a, c.b} & reference]
    elif named:
        candidates = [c for c in candidates if {c.a, c.b} & named]
    if not candidates:
        return [f"no computed comparison for '{s.text[:80]}'"]
    out = []
    for c in candidates:
        flipped = (c.b in subject and c.a not in subject) or (c.a in reference and not subject)
        expected = FLIP.get(c.direction, c.direction) if flipped else c.direction
        if direction and direction != expected:
            out.append(f"'{direction}' contradicts the computed '{expected}' "
                       f"({c.a}–{c.b}, {min(c.years)})")
        if c.b == PEERS and ALL.search(fold_keep(s.text)) and c.standing not in ("top", "bottom"):
            out.append(f"'all similar municipalities' is not computed for {c.a}")
        want = {"yes": True, "no": False, "unknown": None}.get(significance or "", "any")
        if significance and c.significant is not want:
            out.append(f"significance '{significance}' is not what was tested "
                       f"({c.a}–{c.b}: {c.significant})")
    return out


def _check_trend(s: Sentence, claims: Claims, trend: str, significance: str | None) -> list[str]:
    codes = {code for m in s.regions for code in m.codes} or set(s.context.region or ())
    candidates = [c for c in claims.items if c.kind == "trend" and _fits(s, c)
                  and (not codes or c.a in codes)]
    if not candidates:
        return [f"no computed trend for '{s.text[:80]}'"]
    named = [t.year for t in s.years]
    if len(named) >= 2 and named[0] > named[-1]:  # "van 2023 tot 2019 gestegen" reads backwards
        trend = {"up": "down", "down": "up"}.get(trend, trend)
    out = []
    for c in candidates:
        if trend != c.direction:
            out.append(f"trend '{trend}' contradicts the computed '{c.direction}' ({c.a})")
        want = {"yes": True, "no": False, "unknown": None}.get(significance or "", "any")
        if significance and c.significant is not want:
            out.append(f"significance '{significance}' of the trend of {c.a} is not what was "
                       f"tested ({c.significant})")
    return out


def _fits(s: Sentence, c: Claim) -> bool:
    """The claim is about the years, categories and indicator the sentence names (if any)."""
    years = {t.year for t in s.years}
    if years and not years <= c.years:
        return False
    categories = {code for m in s.categories for code in m.codes}
    if categories and c.category not in categories:
        return False
    return not (len(s.indicators) == 1 and c.indicator and c.indicator not in s.indicators)
