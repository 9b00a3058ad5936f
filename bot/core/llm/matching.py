"""Which claims a sentence is about, and whether its significance and relevance words agree.

Shared by the comparison and the trend checks: the sentence's subject and reference regions
(``roles``), the claims about them (``select``), the years, category and indicator it names
(``fits``), and its significance and relevance words against a claim's test (``tested_as``).
"""

from __future__ import annotations

from bot.core.llm.claims import Claim
from bot.core.llm.cues import REFERENCE, Cues
from bot.core.llm.mentions import Mention
from bot.core.llm.reading import Sentence
from bot.core.llm.textscan import fold_keep

FLIP = {"hoger": "lager", "lager": "hoger", "gelijk": "gelijk"}
WANT = {"yes": True, "no": False, "unknown": None}


def roles(s: Sentence, regions: list[Mention], at: int) -> tuple[set[str], set[str]]:
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


def select(candidates: list[Claim], s: Sentence, at: int, before: list[Mention]
           ) -> tuple[list[Claim], set[str], set[str]]:
    """The claims about the regions the sentence names (or the sentence before named), with
    the sentence's subject and reference."""
    if s.regions:
        subject, reference = roles(s, s.regions, at)
    else:  # "Het verschil is significant.": the regions of the sentence before
        subject, reference = {code for m in before for code in m.codes}, set()
        both = [c for c in candidates if c.a in subject and c.b in subject]
        candidates = both or candidates
    named = subject | reference
    if subject and reference:
        candidates = [c for c in candidates if {c.a, c.b} & subject and {c.a, c.b} & reference]
    elif named:
        candidates = [c for c in candidates if {c.a, c.b} & named]
    return candidates, subject, reference


def tested_as(said: Cues, c: Claim) -> list[str]:
    """The sentence's significance and relevance words against the claim's test."""
    out = []
    if said.significance and (said.significance == "mixed"
                              or c.significant is not WANT[said.significance]):
        out.append(f"significance '{said.significance}' is not what was tested "
                   f"({c.a}–{c.b or c.a}: {c.significant})")
    relevant = c.is_relevant()
    if said.relevance and (said.relevance == "mixed" or relevant is None
                           or relevant != (said.relevance == "large")):
        out.append(f"relevance '{said.relevance}' is not what was tested "
                   f"({c.a}–{c.b or c.a}: relevant {relevant})")
    return out


def fits(s: Sentence, c: Claim) -> bool:
    """The claim is about the years, categories and indicator the sentence names (if any)."""
    years = {t.year for t in s.years}
    if years and not years <= c.years:
        return False
    categories = {code for m in s.categories for code in m.codes}
    if categories and c.category not in categories:
        return False
    return not (len(s.indicators) == 1 and c.indicator and c.indicator not in s.indicators)
