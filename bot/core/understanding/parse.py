"""Turn one question plus the conversation state into an ``Understanding``.

The order of the checks follows how sure each signal is: commands and the regioscan first, then
unsafe input, then questions with an indicator (figures), then knowledge questions, and only then
follow-ups that borrow the previous question's slots. Every slot records its origin so that
``oogo ask --json`` can show why an answer is about, say, Zwolle in 2021.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from bot.core.state import ConversationState
from bot.core.understanding import lexicon as lx
from bot.core.understanding.language import detect_language
from bot.core.understanding.model import Understanding
from bot.core.understanding.normalize import fold
from bot.core.understanding.regions import scan_regions
from bot.core.understanding.resolve import pick_regions, profile_statement
from bot.core.understanding.slots import (
    choose_category,
    detect_categories,
    detect_indicator,
    detect_mode,
    detect_years,
    valid_categories,
)

logger = logging.getLogger(__name__)

FOLLOWUP = re.compile(
    r"^(?:en|and|maar|but|ook|also|wat dan|hoe zit (?:dat|het)|how about|what about|en hoe|"
    r"en wat|same for|hetzelfde voor|idem)\b"
)
DEICTIC = re.compile(r"\b(?:dit|dat|deze|die|hetzelfde|this|that|these|those|it)\b")
# words that make a short question a knowledge question even right after a figure
TOPIC_WORDS = re.compile(
    r"oogo|regioscan|vragenlijst|handleiding|ondersteuningsplan|jeugdplan|startgesprek|"
    r"bron|source|monitor|thuiszitter|wet\b|law\b|definitie|betekent|mean")
DEFINE_QUERY = {"nl": "Wat betekent {} precies?", "en": "What does {} mean exactly?"}
DEFINE_WORD = {"jeugdzorg": "jeugdzorggebruik", "neet": "NEET",
               "neet_rr": "het relatieve risico op NEET"}
RR_CUES = r"kans|risico|risk|likely|chance|vaker|more often|groter|hoger"
SWV_KIND = re.compile(r"\b(samenwerkingsverband|swv)\s+(?:po|vo)\b")
PROVINCE = re.compile(
    r"\bprovincie|\bprovince|\b(?:friesland|fryslan|drenthe|overijssel|gelderland|"
    r"noord-holland|zuid-holland|noord-brabant|brabant|limburg|zeeland|flevoland)\b")
SQL_ONLY = re.compile(r"^[\W\d_]*$")
KNOWLEDGE_WORDS = re.compile(
    r"oogo|ondersteuningsplan|jeugdplan|passend onderwijs|samenwerkingsverband|regioscan|"
    r"vragenlijst|handleiding|monitor|startgesprek|werkbijeenkomst|thuiszitter|verzuim|"
    r"leerplicht|leerlingenvervoer|wet\b|wettelijk|artikel|bron|cijfers|indicator|definitie|"
    r"zorgplicht|onderwijs|jeugdhulp|jeugdzorg|neet|gemeente|questionnaire|survey|law|"
    r"meeting|agenda|school|absentee|dropout|partnership|support plan|youth"
)


def understand(text: str, state: ConversationState, registry: Any,
               profile_override: str | None = None) -> Understanding:
    """Parse ``text`` in the context of ``state`` (see module docstring)."""
    language = detect_language(text, default=state.language or "nl")
    folded = fold(text)
    u = Understanding(intent="help", language=language, query=text.strip())
    profile = profile_override or state.profile_region

    # 1. commands and profile statements
    if re.match(r"^/?(?:stop|stoppen|quit|exit|annuleer|cancel)\b", folded):
        u.intent, u.scan_command = "regioscan", "stop"
        return u
    if lx.REGIOSCAN_START.search(folded):
        u.intent, u.scan_command = "regioscan", "start"
        return u
    if re.fullmatch(r"/?regio[?!. ]*|/region[?!. ]*", folded):
        u.intent, u.mode = "help", "profile"
        return u
    statement = profile_statement(text, folded, registry)
    if statement is not None:
        u.profile_region = statement.code
        if statement.clarify is not None:
            u.intent, u.clarify_kind = "clarify", statement.clarify
            u.clarify_mention, u.options = statement.mention, statement.options
            u.suggestions = statement.suggestions
            return u
        profile = statement.code or profile
        text, folded = statement.rest, fold(statement.rest)
        if len(folded) < 3 or not re.search(r"[a-z]{3}", folded):
            u.intent = "help"
            u.mode = "profile"
            return u
    if lx.HELP.search(folded) or lx.GREETING.match(folded) or lx.THANKS.match(folded):
        u.intent = "help"
        return u

    # 2. unsafe or meaningless input
    if SQL_ONLY.match(folded):
        u.intent = "out_of_scope"
        return u
    if lx.INJECTION.search(folded):
        u.injection = True
        if not detect_indicator(folded):
            u.intent = "out_of_scope"
            return u

    indicator = detect_indicator(folded)
    categories = detect_categories(SWV_KIND.sub(r"\1", folded), language)
    year, years, since = detect_years(folded)
    mode_word = detect_mode(folded)
    scan = scan_regions(text, registry)
    own_place = bool(lx.OWN_PLACE.search(lx.OWN_SWV.sub(" ", folded)))
    own_swv = bool(lx.OWN_SWV.search(folded))
    national = bool(lx.NATIONAL.search(folded))
    has_region = bool(scan.mentions or scan.unknown or own_place or own_swv or national)

    # 3. other intents that never need figures
    if lx.OUT_OF_SCOPE.search(folded) and not indicator:
        u.intent = "out_of_scope"
        return u
    if lx.OOGO_POINTS.search(folded) and not indicator:
        generic = lx.OOGO_GENERIC_TOPICS.search(folded) and not lx.OWN.search(folded)
        u.intent = "explain" if generic else "oogo"
        if u.intent == "oogo":
            u.regions = [c for m in scan.mentions for c in m.codes[:1]] or (
                [profile] if profile else [])
            u.origins["regions"] = "question" if scan.mentions else "profile"
        return u
    followup = bool(FOLLOWUP.match(folded)) or (
        not indicator and state.last_indicator is not None
        and (has_region or year or years or categories or mode_word
             or DEICTIC.search(folded))
        and len(folded.split()) <= 12 and not TOPIC_WORDS.search(folded)
    )
    if not indicator and state.last_indicator and DEICTIC.search(folded) \
            and lx.DEFINITION.search(folded) and len(folded.split()) <= 6:
        # "Wat betekent dat?" right after a figure: explain that indicator
        u.intent = "explain"
        u.query = DEFINE_QUERY[language].format(DEFINE_WORD[state.last_indicator])
        return u
    if indicator and _is_knowledge_question(folded, has_region, year, years, mode_word):
        u.intent = "sources" if lx.SOURCES.search(folded) else "explain"
        return u
    if not indicator:
        if followup and state.last_indicator:
            indicator = state.last_indicator
            u.origins["indicator"] = "context"
        elif scan.mentions and not scan.unknown and mode_word == "peers":
            # "Welke gemeenten lijken op Zeist?": show the peers on the monitor's main figure
            # (the answer names it and offers NEET as a follow-up)
            indicator = "jeugdzorg"
            u.origins["indicator"] = "default"
        elif scan.mentions and not scan.unknown and (
                mode_word in ("peers", "trend", "position", "compare")
                or not (lx.DEFINITION.search(folded) or lx.SOURCES.search(folded)
                        or KNOWLEDGE_WORDS.search(folded))):
            # "Welke gemeenten lijken op Almere?", "Hoe doet Zwolle het?": which figures?
            u.intent, u.clarify_kind = "clarify", "need_indicator"
            u.regions = [c for m in scan.mentions for c in m.codes[:1]]
            return u
        elif lx.SOURCES.search(folded) and not lx.DEFINITION.search(folded[:12]):
            u.intent = "sources"
            return u
        else:
            # the knowledge base decides: no relevant passage means out of scope
            u.intent = "explain"
            return u
    else:
        u.origins["indicator"] = "question"

    # 4. an indicator question: fill the slots
    if indicator == "neet" and any(c in lx.RISK_FACTORS and c != "totaal" for c in categories) \
            and re.search(RR_CUES, folded):
        indicator = "neet_rr"
    u.indicator = indicator
    category = choose_category(indicator, categories)
    if category:
        u.category, u.origins["category"] = category, "question"
    elif followup and state.last_category in valid_categories(indicator) \
            and state.last_indicator == indicator:
        u.category, u.origins["category"] = state.last_category, "context"
    mode = _mode(mode_word, years, since, indicator, category)
    if followup and mode is None and state.last_comparison in (
            "trend", "peers", "position", "breakdown", "swv") and not (
            state.last_comparison == "trend" and year):
        mode = state.last_comparison
        u.origins["mode"] = "context"
    u.year = year
    if year:
        u.origins["year"] = "question"
    elif followup and state.last_year and mode != "trend" and not years:
        u.year, u.origins["year"] = state.last_year, "context"
    if years:
        u.years, u.origins["years"] = years, "question"
    if since:
        u.years = [years[0]]
        u.mode = "trend"
    if re.search(r"\bprovinc", folded) or (PROVINCE.search(folded) and not scan.mentions):
        u.intent, u.clarify_kind = "out_of_scope", "province"
        return u
    ok = pick_regions(u, scan, registry, folded, profile=profile, state=state,
                      followup=followup, own_place=own_place, own_swv=own_swv,
                      national=national, mode=mode)
    if not ok:
        return u
    u.mode = _final_mode(mode, u, national)
    u.intent = {"trend": "trend", "value": "indicator", "breakdown": "indicator"}.get(
        u.mode, "compare")
    return u


def _is_knowledge_question(folded: str, has_region: bool, year: int | None,
                           years: list[int], mode_word: str | None) -> bool:
    """An indicator word in a 'what does it mean / where do I find' question without a place."""
    if has_region or year or years:
        return False
    if re.search(r"verschil tussen|difference between|onderscheid tussen", folded):
        return True
    if re.search(r"per wijk|wijkniveau|per buurt|by neighbourhood|district", folded):
        return True
    if lx.SOURCES.search(folded) and re.search(r"waar|welke bron|where|which source|bronnen",
                                               folded):
        return True
    if lx.FIGURE_CUES.search(folded) and not re.search(r"hoe wordt|how is|berekend|calculated",
                                                      folded):
        return False
    if mode_word in ("peers", "trend", "position", "compare"):
        return False
    definition = re.search(
        r"wat (?:betekent|is|zijn|houdt|verstaan|wordt bedoeld)|definitie|hoe wordt|how is|"
        r"what (?:does|is|are)|meaning|definition|berekend|calculated|gemeten|measured|"
        r"uitleg|explain|waarom|why|wat zegt", folded)
    return bool(definition) and not re.search(r"factoren|factors", folded)


def _mode(mode_word: str | None, years: list[int], since: bool, indicator: str,
          category: str | None) -> str | None:
    if since or len(years) > 1:
        return "trend"
    if mode_word == "compare":
        return "compare"
    if mode_word:
        return mode_word
    if indicator == "neet_rr" and category is None:
        return "breakdown"
    return None


def _final_mode(mode: str | None, u: Understanding, national: bool) -> str:
    if mode == "position" and u.regions == ["NL01"]:
        return "ranking"
    if mode in ("trend", "peers", "position", "breakdown"):
        return mode
    if u.mode == "swv":
        return "swv"
    if len(u.regions) > 1:
        return "regions"
    if mode == "compare" or national:
        return "national" if u.regions and u.regions[0] != "NL01" else "value"
    return "value"
