"""Figures the tables do not hold, asked for as figures: say so, and point to where they live.

Why: a policy adviser asks "Hoeveel thuiszitters heeft Deventer?" or "Wat is het verzuim in
Apeldoorn?" as naturally as a NEET question. The assistant's tables hold only jeugdzorggebruik and
NEET, and every reading the model made of such a question was wrong: the definition of the word
(no figures, no source), a clarifying question that offered jeugdzorg and NEET, a refusal, and for
"wachttijden voor jeugdhulp" the jeugdzorg figures, a silent wrong answer. The source overview in
the knowledge documents says per measure where its figures are published; this stage sends such a
question there, and the answer says first that the tables hold no figures for it.

A measure counts as asked for as figures when the message has a word that asks for a number
("hoeveel", "aantal", "cijfers", "percentage", "trend", "how many") or a year, or when it names a
place (or follows a figure answer: "daar") and asks for the measure's value ("wat is het verzuim
in Apeldoorn?") or is only a few words ("verzuim Zwolle"). "Wat is een thuiszitter?" stays a
question about the word, and "Wat doet Zwolle tegen thuiszitters?" one about the approach. A
message that names one of the tables' own indicators ("NEET
onder voortijdig schoolverlaters") is a figure question, except for the measures that take
jeugdhulp as their object: "wachttijden voor jeugdhulp" asks for the waiting times, not the use.

Two more cases. A measure named side by side with one of the tables' figures ("jeugdzorg en
thuiszitters in Zwolle", "wat kost het leerlingenvervoer en hoe hoog is de jeugdzorg daar?")
asks for both: the figure is answered and the answer says that the measure's figures are not in
the tables (``Understanding.measures_left_out``); before, the measure was silently dropped or
the figure was. And a follow-up that only changes the place, the year or the way of showing
("en in Zwolle?", "en in 2020?", "en in een grafiek?") after such an answer asks for the same
measure again (``ConversationState.last_elsewhere``); before, it got a clarifying question about
jeugdzorg and NEET, a refusal, or a passage about the benchmark chart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.core.understanding import lexicon as lx
from bot.core.understanding.prefix_scan import re_compile
from bot.core.understanding.several import category_spans, joined, mentions, one_space
from bot.core.understanding.slots import mentions_neet_or_risk

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.understanding.model import Understanding
    from bot.core.understanding.parse import Turn
    from bot.core.understanding.reading import Reading


@dataclass(frozen=True, slots=True)
class Measure:
    """A measure the tables do not hold. ``key`` names its templates (``measure_<key>``);
    ``over_indicator``: the measure is what is asked even beside an indicator's word;
    ``of_figures``: it counts only in a message that names a place or one of the tables'
    figures (a cost is a cost of something: "wat kost jeugdzorg in Zwolle?" asks for money the
    tables do not hold, "wat kost het invullen van de regioscan?" asks about the scan);
    ``national``: the source overview has national figures for it (the section on what heel
    Nederland counts), which a question about Nederland gets instead of where to find them."""

    key: str
    words: re.Pattern[str]
    over_indicator: bool = False
    of_figures: bool = False
    national: bool = False


MEASURES: tuple[Measure, ...] = (
    Measure("thuiszitters", re_compile(
        r"\bthuiszit\w*|\bhome ?sitters?\b|\bchildren (?:staying|who stay) (?:at )?home\b"),
        national=True),
    Measure("verzuim", re_compile(
        r"\b(?:school)?verzuim\w*|\bverzuimd\w*|\bverzuimen\b|\bspijbel\w*|"
        r"\b(?:school )?absentee\w*|"
        r"\btruan\w*"), national=True),
    Measure("vsv", re_compile(
        r"\bvsv(?:'?ers?)?\b|\bvoortijdig\w* schoolverlat\w*|\bvoortijdig\w* (?:de )?school "
        r"verl\w*|\bschooluitval\b|\bearly school leav\w*|\bdrop-?outs?\b")),
    Measure("vrijstellingen", re_compile(r"\bvrijstelling\w*|\bexemptions?\b|\b5 ?onder ?a\b"),
            national=True),
    Measure("wachttijden", re_compile(
        r"\bwacht(?:tijd|lijst)\w*|\bwaiting (?:times?|lists?)\b"), over_indicator=True),
    Measure("leerlingenvervoer", re_compile(
        r"\bleerlingenvervoer\b|\bschool ?(?:transport|bus)\b"), over_indicator=True),
    # money: last, so that "wat kost het leerlingenvervoer?" stays the measure it names; no
    # bare "kost" after "tijd" ("hoeveel tijd kost het?")
    Measure("kosten", re_compile(
        r"\b(?<!tijd )kost(?:en|te|ten)?\b|\buitgaven\b|\buitgegeven\b|\buitgeven\b|"
        r"\b(?:geeft|geven)(?: \w+){0,3} uit\b|\bbesteedt?\b|\bbesteden\b|"
        r"\bgeld\b|budget\w*|\beuro'?s?\b|\bduurder\b|\bgoedkop\w*|"
        # "is jeugdzorg in Zwolle duur?", not the length: "de (gemiddelde) duur van de hulp"
        r"(?<!de )(?<!gemiddelde )\bduur\b(?! van)|"
        r"\bcosts?\b|\bspend\w*|\bexpenditure\b|\bexpensive\b|\bcheap\w*"),
        over_indicator=True, of_figures=True),
)

ASKS_FIGURES = re_compile(
    r"\b(?:hoeveel|aantal(?:len)?|cijfers?|verzuimcijfers|percentages?|procent|hoe hoog|"
    r"hoe groot|hoe lang|how long|trend|ontwikkeling|gestegen|gedaald|stijgt|daalt|kost|kosten|"
    r"how many|how much|how high|number of|figures?|rates?|statistics|costs?|"
    # a ranking asks for the figures of every region: "welke gemeenten hebben de meeste ..."
    r"meeste|minste|hoogste|laagste|ranglijst|most|fewest|highest|lowest|ranking)\b")
# "hoe hoog is de jeugdzorg in Apeldoorn en wat kost dat?", "NEET in Zwolle, en hoeveel
# thuiszitters?": a second question after the figure's, about the measure
SECOND_QUESTION = re_compile(r"(?:^|[\s,])(?:en|and) (?:wat|hoeveel|hoe|welke|what|how)\b")
# "wat is het verzuim", "hoe was de schooluitval": the words after it must name the measure
VALUE_OF = re_compile(r"\b(?:wat|hoe|what|how) (?:is|zijn|was|waren|are|were) (?:het|de|the) "
                      r"((?:\w+ )?\w+)")
# "verzuim in onze gemeente": at most two words beside these (the place is blanked out already)
FEW_WORDS = 2
FILLER = frozenset((
    "de", "het", "een", "in", "van", "voor", "bij", "op", "en", "onze", "ons", "mijn", "gemeente",
    "samenwerkingsverband", "regio", "swv", "the", "a", "an", "of", "for", "at", "our", "my",
    "municipality", "region", "partnership", "and", "ook", "also", "nog", "dan"))
FOLLOW_UP = re_compile(r"\b(?:daar|er|die gemeente|dat samenwerkingsverband|there)\b")
# "en de thuiszitters?" after a figure; but "en na vsv?" asks for a group the figures have
FOLLOW_UP_START = re_compile(r"^(?:en|and|ook|what about)\b")
# what the search is given instead of the message: the section on where the figures live
QUERY = "Waar vind ik cijfers over {measure} per gemeente?"
# ... and for a question about Nederland as a whole, of a measure with national figures
NATIONAL_QUERY = "Hoeveel {measure} telt heel Nederland?"


def measure_in(reading: Reading) -> Measure | None:
    """The first measure the words of the message name (place names left out)."""
    for measure in MEASURES:
        if _named(measure, reading):
            return measure
    return None


def _named(measure: Measure, reading: Reading) -> bool:
    """Whether the message names the measure (see ``Measure.of_figures``)."""
    if not measure.words.search(reading.words_text):
        return False
    return not measure.of_figures or bool(
        reading.indicator or reading.places.mentions or reading.places.own_place)


def measures_beside(reading: Reading) -> list[str]:
    """The keys of the measures named side by side with one of the tables' figures
    ("jeugdzorg en thuiszitters"), in the order of ``MEASURES``. A measure's word that is a
    group the figures have ("NEET onder voortijdig schoolverlaters") is no measure here."""
    if not reading.indicator:
        return []
    words = one_space(reading.words_text)
    if not any(measure.words.search(words) for measure in MEASURES):
        return []  # most figure questions name no measure: no pass of the indicator patterns
    figures = mentions(words, lx.INDICATOR_PATTERNS, mentions_neet_or_risk(words))
    groups = category_spans(words)
    found: list[str] = []
    for measure in MEASURES:
        for match in measure.words.finditer(words):
            start, end = match.span()
            if any(s < end and start < e for s, e, _ in groups):
                continue
            if any(joined(words, words[f.end:start]) or bool(SECOND_QUESTION.search(
                       words[f.end:start])) if f.end <= start
                   else joined(words, words[end:f.start]) for f in figures
                   if f.end <= start or f.start >= end):
                found.append(measure.key)
                break
    return found


def elsewhere_stage(reading: Reading, u: Understanding, turn: Turn) -> bool:
    """A figure asked for that the tables do not hold: a question for the source overview,
    with ``u.held_elsewhere`` set so that the answer says so first. True when ``u`` is
    decided."""
    measure = measure_in(reading)
    if measure is None:
        measure = _followed_up(reading, turn)
        if measure is None:
            return False
    elif reading.indicator and (not measure.over_indicator or measures_beside(reading)):
        return False  # the figure is answered (and a measure beside it said to be elsewhere)
    elif not _asks_figures(reading, measure, turn):
        return False
    from prompts.loader import templates

    u.label, u.held_elsewhere = "knowledge", measure.key
    # "thuiszitters en verzuim in Deventer": the other measures named, answered after it
    # ("wat kost het leerlingenvervoer?": the cost is that measure's, not a second one)
    u.measures_left_out = [m.key for m in MEASURES if m is not measure
                           and not (m.of_figures and measure.over_indicator)
                           and _named(m, reading)]
    # the place asked about, kept for a figure follow-up ("en de NEET daar?")
    u.regions = [m.resolution.region.code for m in reading.places.mentions
                 if m.resolution.region is not None]
    national = measure.national and reading.places.national and not (
        reading.places.mentions or reading.places.own_place or reading.places.own_swv)
    u.query = (NATIONAL_QUERY if national else QUERY).format(
        measure=templates().render(f"measure_{measure.key}", "nl"))
    return True


def _followed_up(reading: Reading, turn: Turn) -> Measure | None:
    """The measure of the answer before, when this message only changes its place, year or
    way of showing ("en in Zwolle?", "en in 2020?", "en in een grafiek?")."""
    key = turn.state.last_elsewhere
    if not key or reading.indicator or reading.indicator_groups:
        return None
    if not (reading.places.mentions or reading.year or reading.years or reading.presentation):
        return None
    if not _few_words(reading.words_text):
        return None
    return next((m for m in MEASURES if m.key == key), None)


def _a_group(words: str, measure: Measure) -> bool:
    """Whether every word of the measure is a group the figures have ("vsv": the relative risk
    of NEET after voortijdig schoolverlaten)."""
    from bot.core.understanding.several import category_spans

    groups = category_spans(words)
    return all(any(s < m.end() and m.start() < e for s, e, _ in groups)
               for m in measure.words.finditer(words))


def _asks_figures(reading: Reading, measure: Measure, turn: Turn) -> bool:
    """Whether the message asks for the measure's figures (see the module doc)."""
    words = reading.words_text
    if measure.of_figures or ASKS_FIGURES.search(words) or reading.year or reading.years:
        return True  # a cost is an amount: named beside a place or a figure, it is asked for
    after_figure = turn.state.last_label == "figure"
    located = bool(reading.places.mentions or reading.places.own_place) or (
        after_figure and bool(FOLLOW_UP.search(reading.folded))) or (
        after_figure and bool(FOLLOW_UP_START.search(reading.folded))
        and not _a_group(words, measure))
    if not located:
        return False
    value = VALUE_OF.search(words)
    if value and measure.words.search(value.group(1)):
        return True
    return _few_words(words)


def _few_words(words: str) -> bool:
    """At most ``FEW_WORDS`` words beside the ``FILLER`` ("verzuim in onze gemeente")."""
    return len([w for w in re.findall(r"[a-z]+", words) if w not in FILLER]) <= FEW_WORDS
