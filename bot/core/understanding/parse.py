"""Understanding one message: named stages, in the order of how sure each signal is.

1. ``read``      what the words say (places, indicator, categories, years), no context;
2. ``commands``  "/regio Zwolle", "/help", "/oogo", "/regioscan", "/stop", input without letters;
3. ``profile``   "ik werk bij de gemeente Zwolle" sets the profile, the rest of the message goes on;
4. ``guards``    rules that are certain: an answer to the open regioscan statement, an
                 invitation code, "waarom?", unsafe input;
5. ``classify``  the trained intent model (``intent_model``) decides what the user wants; when it
                 is unsure between two readings the user gets both as buttons;
6. ``fill``      the figure frame (``figure``) or the few slots of the other intents.

Every slot records its origin so ``oogo ask --json`` can show why an answer is about, say, Zwolle
in 2021.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from bot.core.state import ConversationState
from bot.core.understanding import lexicon as lx
from bot.core.understanding.elsewhere import elsewhere_stage, measures_beside
from bot.core.understanding.figure import PROVINCE, fill_figure
from bot.core.understanding.intent_model import shipped_model
from bot.core.understanding.language import detect_language, explicit_language, word_signal
from bot.core.understanding.model import CONTRACT_INTENT, Understanding
from bot.core.understanding.normalize import fold
from bot.core.understanding.per_message import one_message
from bot.core.understanding.places import profile_statement
from bot.core.understanding.prefix_scan import re_compile
from bot.core.understanding.reading import Reading, model_flags, read
from bot.core.understanding.topic_words import knowledge_only_words
from bot.regioscan.parsing import parse_answer, parse_command

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.understanding.intent_model import IntentModel
    from bot.core.understanding.slots import Catalog
    from indicators.registry import RegionRegistry

SQL_ONLY = re_compile(r"^[\W\d_]*$")
# "bij ons in het swv", "in ons samenwerkingsverband": the own partnership, in the words a
# membership question uses
OUR_SWV = re_compile(r"\b(?:bij|in) (?:ons|onze)\b")
WHY = re_compile(r"^(?:en )?(?:waarom|why|hoezo|hoe kom je (?:daar|hierop|daaraan|daarbij)|"
                 r"waar komt (?:dat|dit)(?: getal)? vandaan|onderbouwing|how do you know|"
                 r"where does (?:that|this) come from)[?!. ]*$")
ASKS_ABOUT = re_compile(r"^(?:waarom|wie|voor wie|wat|hoe|welke|wanneer|waar|why|who|what|how|"
                        r"which|when|where)\b")
QUESTION_START = re_compile(r"^(?:hoe|wat|waar|wie|welke|kan|kun|mag|how|what|where|who|can)\b")
ROLE_WORDS = re_compile(r"\b(gemeente|swv|samenwerkingsverband|school|onderwijs|jeugdhulp|"
                        r"youth care|anders|other|municipality)\b")
POINT_NUMBER = re_compile(r"\b(?:punt|point)\s*(\d{1,2})\b|\b(" + "|".join(lx.POINT_ORDINALS)
                          + r") (?:punt|point)\b")
# the slash commands (and "regio", "stop" without one), in the order ``command_stage`` tries them
CMD_REGION = re_compile(r"/?regio[?!. ]*|/region[?!. ]*")
CMD_HELP = re_compile(r"^/(?:help|hulp|start|menu)\b")
CMD_SOURCES = re_compile(r"^/(?:bronnen|sources)\b")
CMD_OOGO = re_compile(r"^/oogo\b")
CMD_SCAN = re_compile(r"^/regio ?scan\b")
CMD_STOP = re_compile(r"^/?(?:stop|stoppen|quit|exit|annuleer|cancel)[!. ]*$")
FORMATS = {"pdf": "pdf", "html": "html", "markdown": "md", "md": "md", "web": "html"}
CLARIFY_BELOW = 0.35
ASKABLE = ("figure", "knowledge", "oogo_points", "report", "scan_start", "scan_result",
           "scan_resume", "help")
_DEFAULT_MODEL = object()
SOURCES_QUERY = {"nl": "Welke bron voor welke vraag? Bronnenoverzicht",
                 "en": "Which source for which question? Overview of sources"}
# answers with evidence a "waar komt dat vandaan?" can be about
ANSWERED = ("figure", "knowledge", "oogo_points")


@dataclass(slots=True)
class Turn:
    """What understanding may know about the conversation (it never changes it)."""

    state: ConversationState
    scan_active: bool = False
    profile: str | None = None
    forced_label: str | None = None
    model: IntentModel | None = None
    latest_year: Callable[[], int | None] = field(default=lambda: None)
    # the calendar year, for "vorig jaar" and "twee jaar geleden"
    this_year: Callable[[], int] = field(default=lambda: date.today().year)


def understand(text: str, state: ConversationState, registry: RegionRegistry, *,
               scan_active: bool = False, profile_override: str | None = None,
               forced_label: str | None = None, model: object = _DEFAULT_MODEL,
               latest_year: Callable[[], int | None] | None = None,
               catalog: Catalog | None = None) -> Understanding:
    """Understand ``text`` in the context of ``state`` (see the module docstring).

    ``catalog`` is the indicator catalog the composition root chose (the assistant passes
    ``Figures.catalog``); without one, the shipped catalog (training, evaluation, tests)."""
    with one_message():  # the readers share what they compute from this message's words
        return _understand(text, state, registry, scan_active=scan_active,
                           profile_override=profile_override, forced_label=forced_label,
                           model=model, latest_year=latest_year, catalog=catalog)


def _understand(text: str, state: ConversationState, registry: RegionRegistry, *,
                scan_active: bool, profile_override: str | None, forced_label: str | None,
                model: object, latest_year: Callable[[], int | None] | None,
                catalog: Catalog | None) -> Understanding:
    if catalog is None:
        from indicators.catalog import catalog as shipped

        catalog = shipped()
    turn = Turn(state, scan_active, profile_override or state.profile_region, forced_label,
                _model(model), latest_year or (lambda: None))
    reading = read(text, registry, catalog)
    u = Understanding(intent="help", query=text.strip(),
                      language=detect_language(text, default=state.language or "nl"))
    if command_stage(reading, u, turn):
        if u.label == "oogo_points":  # "/oogo [region]": the points of the region it names
            _fill_region(reading, u, turn, registry)
        return finish(u)
    rest = profile_stage(reading, u, turn, registry)
    if rest is None:
        return finish(u)
    reading = rest
    if not guard_stage(reading, u, turn):
        if elsewhere_stage(reading, u, turn):  # a figure the tables do not hold
            return finish(u)
        classify_stage(reading, u, turn)
    if u.intent != "clarify":
        FILL.get(u.label, _fill_nothing)(reading, u, turn, registry)
    if u.label == "figure" and u.intent != "clarify":  # "jeugdzorg en thuiszitters"
        u.measures_left_out = measures_beside(reading)
    return finish(u)


def _model(model: object) -> IntentModel | None:
    if model is _DEFAULT_MODEL:
        return shipped_model()
    return model  # type: ignore[return-value]


# -- stages -------------------------------------------------------------------------------------
def command_stage(reading: Reading, u: Understanding, turn: Turn) -> bool:
    """Slash commands and messages without a letter. True when ``u`` is decided."""
    folded = reading.folded
    if CMD_REGION.fullmatch(folded):
        u.label, u.mode = "help", "profile"
    elif CMD_HELP.match(folded):
        u.label = "help"
    elif CMD_SOURCES.match(folded):
        u.label, u.query = "knowledge", SOURCES_QUERY[u.language]
    elif CMD_OOGO.match(folded):
        u.label = "oogo_points"
    elif CMD_SCAN.match(folded):
        u.label, u.scan_command = "scan_start", "start"
        _invitation(reading, u)
    elif CMD_STOP.match(folded):
        u.label, u.scan_command = "scan_answer", "stop"
    elif SQL_ONLY.match(folded) and not (turn.scan_active and folded.strip()):
        u.label = "out_of_scope"
    else:
        return False
    return True


def profile_stage(reading: Reading, u: Understanding, turn: Turn,
                  registry: RegionRegistry) -> Reading | None:
    """'Ik werk bij de gemeente Zwolle': set the profile. Returns the reading of the rest of the
    message, or None when the message was only that statement (or needs a clarification)."""
    statement = profile_statement(reading.text, reading.folded, registry)
    if statement is None:
        return reading
    u.label = "help"
    if statement.clarify is not None:
        u.intent, u.clarify_kind = "clarify", statement.clarify
        u.clarify_mention, u.options = statement.mention, statement.options
        u.suggestions = list(statement.options) if statement.clarify == "unknown" else []
        return None
    u.profile_region = statement.code
    turn.profile = statement.code or turn.profile
    if len(statement.rest) < 3 or not re.search(r"[a-z]{3}", fold(statement.rest)):
        u.mode = "profile"
        return None
    u.query = statement.rest
    return read(statement.rest, registry, reading.catalog)


def guard_stage(reading: Reading, u: Understanding, turn: Turn) -> bool:
    """Rules that are certain, before the model. True when ``u`` is decided."""
    sure = sure_wording(reading)
    if lx.INJECTION.search(reading.folded):
        u.injection = True
        if reading.indicator:
            return False
        u.label = "out_of_scope"
    elif turn.scan_active and is_scan_input(reading.text):
        u.label = "scan_answer"
    elif reading.invite_code and reading.words <= 8 and sure != "scan_result" \
            and not QUESTION_START.match(reading.folded):
        u.label = "round_join"
    elif WHY.match(reading.folded) or (lx.WHY_SOURCE.match(reading.words_text)
                                        and turn.state.last_label in ANSWERED):
        u.label = "why"
    elif asks_to_show(reading) and turn.state.last_frame and turn.state.last_label == "figure":
        u.label = "figure"  # "en in een grafiek?", "zet het op een kaart": the same figure
    elif asks_to_show(reading) and reading.presentation == "map" and not reading.indicator:
        u.label, u.presentation = "help", "map"  # "kun je een kaart maken?": no; what there is
    elif sure is not None:
        u.label = sure
    else:
        return False
    return True


def asks_to_show(reading: Reading) -> bool:
    """A request to see a figure in a way ("kun je dat als grafiek laten zien?", "zet het op
    een kaart", "show it on a map"): not a question about charts or maps ("hoe lees ik de
    grafiek van de benchmark?"), and nothing in it that only the documents speak of."""
    if not reading.presentation or ASKS_ABOUT.match(reading.folded):
        return False
    rest = reading.words_text
    for words in (lx.MAP_WORDS, lx.CHART_WORDS, lx.TABLE_WORDS, lx.SHOW_VERBS):
        rest = words.sub(" ", rest)
    return not knowledge_only_words(rest)


def sure_wording(reading: Reading) -> str | None:
    """What some wordings ask for beyond doubt: small talk and questions about the assistant
    (help), going on with the scan, the own outcome, the report, "waarom staat punt 2 erop?",
    and what an indicator means (knowledge, when no place is named)."""
    words = reading.words_text
    plain = not reading.indicator and not reading.places.mentions
    if plain and ((lx.SMALL_TALK.match(words) and not lx.TOPIC.search(words))
                  or lx.ABOUT_YOU.search(words)):
        return "help"
    if plain and lx.RESUME.match(words) and reading.words <= 8:
        return "scan_resume"
    if plain and lx.RESULT.search(words) and not lx.HOW_IT_WORKS.search(words) \
            and "oogo" not in words:
        return "scan_result"
    if plain and lx.REPORT.search(words) and not lx.HOW_IT_WORKS.search(words):
        return "report"
    if lx.POINT_QUESTION.search(words):
        return "oogo_points"
    if region_question(reading):
        return "region_info"
    if reading.indicator and _asks_what_it_means(reading):
        return "knowledge"
    return None


def region_question(reading: Reading) -> str:
    """"members" or "swv_of" for a question about the regio-indeling of a named place (no
    figure named: "welke gemeenten hebben de hoogste NEET?" is a ranking); else ""."""
    if reading.indicator:
        return ""
    words = reading.words_text
    members, swv_of = lx.MEMBERS.search(words), lx.SWV_OF.search(words)
    if not (members or swv_of):  # every other message: no list of its places built
        return ""
    places = reading.places
    codes = [c for m in places.mentions for c in m.codes]
    swv_named = any(c[:2] in ("PO", "VO") for c in codes) or places.swv_word
    own = places.own_place or places.own_swv or bool(OUR_SWV.search(words))
    if members and swv_named and (codes or own):
        return "members"  # "welke gemeenten zitten bij ons in het swv?": the own region's
    if swv_of and any(c.startswith("GM") for c in codes):
        return "swv_of"
    return ""


def _asks_what_it_means(reading: Reading) -> bool:
    places = reading.places
    if places.mentions or places.own_place or places.own_swv or reading.year or reading.years:
        return False
    words = reading.words_text
    if lx.FIGURE_CUE.search(words):
        return False
    return bool(lx.DEFINE.search(words) or (lx.DEFINE_SHORT.match(words) and reading.words <= 6))


def is_scan_input(text: str) -> bool:
    """An answer or a command for the open regioscan statement ("4", "eens, want ...", "terug",
    "wijzig 3", "pauze"). "help" is not: it gets the assistant's help and then the statement."""
    command = parse_command(text)
    if command is not None:
        return command.name != "help" or fold(text).strip(" ?!.") == "uitleg"
    return parse_answer(text) is not None


def classify_stage(reading: Reading, u: Understanding, turn: Turn) -> None:
    """The model's reading of what the user wants; a clarifying question when unsure."""
    if turn.forced_label:
        u.label, u.confidence = turn.forced_label, 1.0
        return
    ranked = _ranked(reading, u, turn)
    allowed = [(label, p) for label, p in ranked if _allowed(label, reading, turn)]
    # how sure the model is among the readings that can be right: a reading ruled out (a
    # figure follow-up for "Wie zit er in de OPR?") takes its share with it
    mass = sum(p for _, p in allowed)
    if 0 < mass < 1:
        allowed = [(label, p / mass) for label, p in allowed]
    label, confidence = allowed[0]
    u.label, u.confidence, u.alternatives = label, confidence, allowed[:3]
    second = allowed[1] if len(allowed) > 1 else None
    if confidence < CLARIFY_BELOW and second is not None and label in ASKABLE \
            and second[0] in ASKABLE:
        u.intent, u.clarify_kind = "clarify", "intent"
        u.options = [label, second[0]]


def _ranked(reading: Reading, u: Understanding, turn: Turn) -> list[tuple[str, float]]:
    model = turn.model
    if model is None:  # no trained model shipped: the words decide, roughly
        return [("figure", 0.6), ("knowledge", 0.4)] if reading.indicator else [
            ("knowledge", 0.6), ("out_of_scope", 0.4)]
    flags = model_flags(reading, scan_active=turn.scan_active,
                        has_context=turn.state.turns > 0,
                        after_figure=turn.state.last_label == "figure",
                        vocabulary=model.vocabulary)
    if not explicit_language(reading.text) and word_signal(reading.text) == 0:
        english = model.predict(reading.clean, flags, head="lang").probability("en")
        u.language = detect_language(reading.text, turn.state.language or "nl", english)
    return list(model.predict(reading.clean, flags).ranked)


def _allowed(label: str, reading: Reading, turn: Turn) -> bool:
    """Readings that cannot be right for this message whatever the model says."""
    if label == "scan_answer":
        return turn.scan_active
    if label == "round_join":
        return reading.invite_code is not None
    if label == "figure":
        if reading.indicator or reading.places.any:
            return True
        # a follow-up on the last figure, unless it uses words only the documents use or asks
        # what a figure never answers ("wie zit er in het bestuur van het swv?")
        return bool(turn.state.last_frame) and not (
            _names_nothing_of_a_figure(reading) and (
                knowledge_only_words(reading.words_text)
                or lx.NOT_A_FIGURE_QUESTION.match(reading.words_text)))
    if label == "knowledge" and reading.indicator and lx.RANKING.search(reading.words_text) \
            and lx.SUPERLATIVE.search(reading.words_text) and not reading.places.mentions \
            and not _asks_what_it_means(reading):
        return False  # "welke gemeente heeft de meeste NEET onder vsv'ers?" wants the figures
    if label == "scan_start":  # "waarom zou ik de regioscan invullen?" asks about the scan
        return not ASKS_ABOUT.match(reading.folded)
    return True


def _names_nothing_of_a_figure(reading: Reading) -> bool:
    """No indicator, place (a province is one: "en in de provincie?"), year, category or kind
    of computation in the message itself."""
    return not (reading.indicator or reading.places.any or reading.year or reading.years
                or reading.back or reading.categories or reading.mode_word
                or reading.presentation  # "en in een grafiek?"
                or PROVINCE.search(reading.words_text)
                or lx.GROUP_NOT_IN_DATA.search(reading.words_text))  # "en bij havo en vwo?"


# -- filling the other intents ------------------------------------------------------------------
def _fill_nothing(reading: Reading, u: Understanding, turn: Turn,
                  registry: RegionRegistry) -> None:
    return None


def _fill_knowledge(reading: Reading, u: Understanding, turn: Turn,
                    registry: RegionRegistry) -> None:
    u.query = without_places(reading)


def _fill_region(reading: Reading, u: Understanding, turn: Turn,
                 registry: RegionRegistry) -> None:
    """OOGO points and the report: about the named region, else the profile, else the last."""
    named = [m.codes[0] for m in reading.places.mentions if len(m.codes) == 1]
    last = turn.state.last_regions[:1]
    region = (named or ([turn.profile] if turn.profile else []) or last)
    u.regions = region[:1]
    u.origins["regions"] = "question" if named else ("profile" if turn.profile else "context")
    number = POINT_NUMBER.search(reading.folded)
    if number:
        u.query = f"punt {number.group(1) or lx.POINT_ORDINALS[number.group(2)]}"
    u.formats = sorted({FORMATS[w] for w in re.findall(r"[a-z]+", reading.folded)
                        if w in FORMATS})


def _fill_region_info(reading: Reading, u: Understanding, turn: Turn,
                      registry: RegionRegistry) -> None:
    """Every place named, each candidate of a name several places share ("Bergen": both)."""
    u.region_question = region_question(reading)
    u.regions = list(dict.fromkeys(c for m in reading.places.mentions for c in m.codes))
    u.origins["regions"] = "question"
    if not u.regions:  # "bij ons": the profile region, else the place of the conversation
        u.regions = [turn.profile] if turn.profile else turn.state.last_regions[:1]
        u.origins["regions"] = "profile" if turn.profile else "context"
    if not u.regions:
        u.intent, u.clarify_kind = "clarify", "need_region"


def _fill_scan(reading: Reading, u: Understanding, turn: Turn,
               registry: RegionRegistry) -> None:
    u.scan_command = {"scan_start": "start", "scan_resume": "resume",
                      "scan_result": "result", "round_join": "join"}.get(u.label)
    _invitation(reading, u)


def _invitation(reading: Reading, u: Understanding) -> None:
    """The invitation code and role typed with a message ("4C8A4CKD school")."""
    # imported here: the rounds module loads the scan definition (YAML), which a question
    # without an invitation code never needs
    from bot.regioscan.rounds import parse_role

    if reading.invite_code:
        u.round_code = reading.invite_code
        rest = reading.folded.replace(reading.invite_code.lower(), " ")
        role = ROLE_WORDS.search(rest)
        u.role = parse_role(role.group(1)) if role else None


def without_places(reading: Reading) -> str:
    """The question without its place names: the documents are about how things work, not about
    one place, so "thuiszitters in Utrecht" searches for "thuiszitters"."""
    text = reading.text
    spans = sorted((m.span for m in reading.places.mentions), reverse=True)
    for start, end in spans:
        text = text[:start] + " " + text[end:]
    return re.sub(r"\s+", " ", text).strip() or reading.text


FILL: dict[str, Callable[[Reading, Understanding, Turn, RegionRegistry], None]] = {
    "figure": fill_figure,
    "knowledge": _fill_knowledge,
    "oogo_points": _fill_region,
    "report": _fill_region,
    "region_info": _fill_region_info,
    "scan_start": _fill_scan,
    "scan_resume": _fill_scan,
    "scan_result": _fill_scan,
    "round_join": _fill_scan,
}


def finish(u: Understanding) -> Understanding:
    """Set the contract intent from the label and the answer plan."""
    if u.intent == "clarify" or (u.intent == "out_of_scope" and u.clarify_kind):
        return u
    if u.label == "figure":
        u.intent = {"trend": "trend", "value": "indicator", "breakdown": "indicator"}.get(
            u.mode, "compare")
        for other in u.also:
            finish(other)
    elif u.label == "knowledge":
        u.intent = "sources" if lx.SOURCES.search(fold(u.query)) else "explain"
    else:
        u.intent = CONTRACT_INTENT.get(u.label, "help")
    return u
