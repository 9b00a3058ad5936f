"""The grounding check on claims: may this LLM text replace the template answer's text?

``check_answer(text, reply, registry, ...)`` reads the LLM text once (``reading``) and applies:

1. numbers (``binding``): every number is the figure of the fact it stands next to (same region,
   year, category, indicator); definition and label numbers only in their own phrase;
2. comparisons and trends (``comparisons``, ``trends``): every comparison, significance,
   relevance and trend word agrees with what the answer code computed for the regions it names
   (``Reply.debug["claims"]``, read by ``claims``);
3. superlatives (``superlatives``): "het hoogst bij het vso" only for the highest figure;
   partnership codes (``partnerships``): "PO 27.07" is a name, of a region the answer is about;
4. support (``support``): for a knowledge answer every sentence is supported by one cited
   passage; for an indicator answer every sentence uses only the words of the computed answer
   (relevance phrases such as "van het laagste cijfer" are checked by 2 and lend no words).

Answers with facts get 1 to 4 (4 against the answer); answers with passages only get 4 against
the passages (their numbers and comparison words must then be in the passage). The verdict lists
every reason, so ``debug.llm`` can say why a text was refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.core.llm import comparisons, partnerships, superlatives
from bot.core.llm.binding import NumberCheck, group_view, label_phrases, view
from bot.core.llm.claims import claims_of
from bot.core.llm.cues import CUE_WORDS, without_relevance
from bot.core.llm.mentions import NATIONAL, PEERS, build_vocabulary
from bot.core.llm.reading import read
from bot.core.llm.support import Source, unsupported
from bot.core.llm.textscan import fold_keep, numbers, plain

NAMES = {"nl": {NATIONAL: "Nederland", PEERS: "vergelijkbare gemeenten"},
         "en": {NATIONAL: "the Netherlands", PEERS: "similar municipalities"}}


@dataclass(slots=True)
class Verdict:
    """``ok`` when the text may be shown; ``reasons`` otherwise; ``sources`` lists the passage
    indexes that supported a knowledge answer (so their citations can be kept)."""

    ok: bool
    reasons: list[str] = field(default_factory=list)
    sources: set[int] = field(default_factory=set)


def check_answer(text: str, reply: Any, registry: Any, *, extra_facts: Sequence[Any] = (),
                 extra_claims: Sequence[dict] = (),
                 extra_passages: Sequence[Any] = ()) -> Verdict:
    """Check ``text`` (the LLM's) against ``reply`` (the template answer) and what tools added."""
    text = plain(text)
    facts = [view(f) for f in list(reply.facts) + list(extra_facts)]
    passages = list(reply.passages) + list(extra_passages)
    if facts:
        return _check_figures(text, reply, registry, facts, extra_claims)
    if passages:
        return _check_passages(text, reply, passages)
    return Verdict(False, ["nothing computed to check against"])


def _check_figures(text: str, reply: Any, registry: Any, facts: list, extra_claims: Sequence[dict]
                   ) -> Verdict:
    claims = claims_of(list(reply.debug.get("claims", [])) + list(extra_claims))
    facts = facts + [group_view(g) for g in claims.groups.values()]
    codes = {f.region for f in facts} | claims.codes()
    vocab = build_vocabulary(registry, codes, claims.labels, reply.language, claims.groups,
                             _category_names(reply, facts))
    sentences = read(text, vocab)
    names = {**NAMES.get(reply.language, NAMES["nl"]), **claims.labels}
    for code in codes:
        names.setdefault(code, _name(registry, code))
    extras = [float(x) for x in reply.debug.get("grounded_extra", [])]
    computed = extras + [float(x) for p in claims.positions.values() for x in (p.rank, p.n)] \
        + [x for bounds in claims.intervals.values() for x in bounds]
    labels = label_phrases([*reply.about, _label_text(reply, facts)], reply.text, facts,
                           computed)
    years = {t.year for t in numbers(reply.text) if t.is_year}
    reasons = NumberCheck(facts, years, extras, labels, names, claims).problems(sentences)
    reasons += comparisons.problems(sentences, claims)
    reasons += superlatives.problems(sentences, facts)
    reasons += partnerships.problems(text, reply.text, registry,
                                     codes | {r.code for r in getattr(reply, "regions", [])})
    evidence = "\n".join([reply.text, *reply.about, *(n.text for n in reply.notices),
                          _label_text(reply, facts), *names.values()])
    source = Source.of(without_relevance(fold_keep(evidence)))
    for s in sentences:
        checked = CUE_WORDS | superlatives.WORDS if superlatives.about_category(s) else CUE_WORDS
        why = unsupported(without_relevance(fold_keep(_words_only(text, s))), [source],
                          extra=checked, polarity=False)
        if why:
            reasons.append(f"'{s.text[:60]}': {why}")
    return Verdict(not reasons, reasons)


def _check_passages(text: str, reply: Any, passages: list[Any]) -> Verdict:
    from bot.core.llm.textscan import sentences

    sources = [Source.of(f"{p.title}. {p.heading}. {p.text}") for p in passages]
    reasons: list[str] = []
    used: set[int] = set()
    for seg in sentences(text):
        sentence = text[seg.start:seg.end]
        found = None
        for index, source in enumerate(sources):
            if unsupported(sentence, [source]) is None:
                found = index
                break
        if found is None:
            reasons.append(f"'{sentence[:60]}': {unsupported(sentence, sources)}")
        else:
            used.add(found)
    return Verdict(not reasons, reasons, used)


def _words_only(text: str, s: Any) -> str:
    """The sentence without its region names and numbers: those are checked by binding."""
    chars = list(text[s.segment.start:s.segment.end])
    for item in [*s.regions, *s.values, *s.years]:
        a, b = item.start - s.segment.start, item.end - s.segment.start
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def _label_text(reply: Any, facts: list) -> str:
    """The labels of the facts' indicators and categories, in the reply's language."""
    from bot.core.answers import labels as lb
    from indicators.catalog import catalog

    language = reply.language if reply.language in ("nl", "en") else "nl"
    known = catalog()
    parts = []
    for f in facts:
        parts.append(lb.category_label(known, f.category, language))
        if f.indicator == "neet_rr":
            parts.append(lb.factor_label(known, f.category, language))
        definition = known.get(f.indicator)
        if definition is not None:
            parts.append(definition.label(language))
            parts.append(definition.figure_label(f.category, language))
    return "\n".join(dict.fromkeys(parts))


def _category_names(reply: Any, facts: list) -> dict[str, str]:
    """The labels the answer uses for its facts' categories (with and without the
    abbreviation in parentheses), so "mbo entry level" is mbo_entree and not mbo. The total's
    label ("alle jeugdigen van 0 tot 23 jaar") is left out: it is also the population of every
    zorgtype, and a number without a category is read as the total anyway."""
    from bot.core.answers import labels as lb
    from indicators.catalog import catalog

    known = catalog()
    language = reply.language if reply.language in ("nl", "en") else "nl"
    out: dict[str, str] = {}
    for f in facts:
        if f.category in ("totaal", "None"):
            continue
        try:
            names = [lb.category_label(known, f.category, language, f.indicator)]
            if f.indicator == "neet_rr":
                names.append(lb.factor_label(known, f.category, language))
        except Exception:  # noqa: BLE001 - an unknown category has only the lexicon's words
            continue
        for name in names:
            out[name] = f.category
            short = re.sub(r"\s*\([^)]*\)", "", name).strip()
            if short:
                out[short] = f.category
    return out


def _name(registry: Any, code: str) -> str:
    try:
        return registry.get(code).name
    except Exception:  # noqa: BLE001
        return code
