"""Filling the frame of a figure question, slot by slot, with the conversation as context.

A follow-up ("en in 2021?", "en landelijk?", "vergelijk met het samenwerkingsverband", "en met
vergelijkbare gemeenten?") changes only the slots it names; the indicator, category, region and
year of the previous figure stay. The comparison target is a slot like any other. Each step is
a small function so each rule can be tested and read on its own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.core.understanding import lexicon as lx
from bot.core.understanding import variants  # a cycle: both import the module, not a name
from bot.core.understanding.frame import NATIONAL, Frame, own_swv, plan, swv_kind
from bot.core.understanding.normalize import fold
from bot.core.understanding.places import mention_code
from bot.core.understanding.prefix_scan import re_compile
from bot.core.understanding.ranking import ranked_level, ranked_lowest, ranked_size
from bot.core.understanding.several import family, groups_without_figures
from bot.core.understanding.slots import (
    ZORGTYPE_WORDS,
    choose_category,
    indicator_outside_categories,
    valid_categories,
)
from indicators.provinces import province_of, split_qualified
from indicators.swv_names import names_swv

if TYPE_CHECKING:  # pragma: no cover
    from bot.core.understanding.model import Understanding
    from bot.core.understanding.parse import Turn
    from bot.core.understanding.reading import Reading
    from bot.core.understanding.relative_years import CountedBack
    from indicators.registry import RegionRegistry

FOLLOWUP = re_compile(
    r"^(?:en|and|maar|but|ook|also|wat dan|hoe zit (?:dat|het)|how about|what about|en hoe|"
    r"en wat|same for|hetzelfde voor|idem|vergelijk (?:met|dat|het|dit)|compare (?:with|that|it)"
    r"|per |uitgesplitst|splits|kun je dat|can you (?:split|break))\b")
RR_CUES = re_compile(r"kans|risico|risk|likely|chance|vaker|more often|groter|hoger")
_PROVINCE_NAMES = (r"\b(?:friesland|fryslan|drenthe|overijssel|gelderland|noord-holland|"
                   r"zuid-holland|noord-brabant|brabant|limburg|zeeland|flevoland)\b")
PROVINCE = re_compile(r"\bprovinc|" + _PROVINCE_NAMES)
# a province by its name (Groningen and Utrecht are gemeenten too, so never a province alone)
PROVINCE_NAME = re_compile(_PROVINCE_NAMES)
# "provincie", "prov.": a question about a province
PROVINCE_WORD = re_compile(r"\bprov(?:inc|\b)")
NO_REGION_MODES = ("ranking",)
# "en met Zwolle?" after a comparison: Zwolle is the next place set against the subject
WITH_NEXT = re_compile(r"^\W*(?:en |and )?(?:met|with|tegen|against|versus|vs\.?)\b")
# "NEET-risico na jeugdhulp": a risk factor family named without the exact factor
CARE_WORD = re_compile(r"\bjeugd(?:hulp|zorg)\b|\byouth care\b")


def fill_figure(reading: Reading, u: Understanding, turn: Turn, registry: RegionRegistry,
                ) -> None:
    """Fill ``u`` for a figure question, or turn it into a clarification; the other figures
    asked in the same message ("jeugdzorg en NEET", "po en vo") go to ``u.also``."""
    last = Frame.from_dict(turn.state.last_frame)
    fill_one(reading, u, turn, registry, last)
    if u.frame is not None and u.intent not in ("clarify", "out_of_scope"):
        variants.fill_also(reading, u, turn, registry, last)


def fill_one(reading: Reading, u: Understanding, turn: Turn, registry: RegionRegistry,
             last: Frame | None) -> None:
    """Fill ``u`` for one figure, with ``last`` (the previous figure) as the context."""
    followup = last is not None and (bool(FOLLOWUP.match(reading.words_text))
                                     or reading.indicator is None)
    context = last if followup else None
    frame = Frame()
    if not indicator_slot(reading, u, frame, context, last):
        return
    category_slot(reading, u, frame, context)
    year_slot(reading, u, frame, context, turn)
    words_mode_and_target(reading, frame)
    province = _ranked_province(reading, frame)
    if province is not None:  # "welke gemeente in Friesland ...": its gemeenten ranked
        reading = replace(reading, places=replace(reading.places, unknown=[
            m for m in reading.places.unknown if not _is_province(m.text)]))
    elif _names_a_province(reading):  # before the region: "Drenthe" is no unknown place
        u.intent, u.label, u.clarify_kind = "out_of_scope", "figure", "province"
        return
    if not region_slot(reading, u, frame, context, last, turn, registry):
        if u.intent == "out_of_scope" and u.clarify_kind == "unknown":
            # a place we do not know ("NEET in SWV VO Eemland"): the figure asked for stays,
            # so the place the reply asks for ("SWV VO 26.02") is answered with it
            frame.regions = []
            u.frame = frame
        return
    settle(reading, frame, context)
    if frame.mode == "position" and context is not None and context.mode == "ranking" \
            and u.origins.get("regions") == "context":
        frame.mode = "ranking"  # "en de laagste?" under a ranking: its other end
    if frame.mode == "ranking":
        frame.level = ranked_level(reading, frame, context, last, registry)
        frame.size = ranked_size(reading, context)
        frame.lowest = ranked_lowest(reading, context, frame.indicator)
        # the province asked, else the one of the ranking followed up on ("en de laagste?")
        frame.province = province or (context.province if context is not None
                                      and context.mode == "ranking" else None)
    u.frame = frame
    u.mode, u.regions = plan(frame, registry)
    u.indicator, u.category, u.year, u.years = (frame.indicator, frame.category, frame.year,
                                                list(frame.years))
    u.target, u.dimension = frame.target, frame.dimension
    u.asked_term = reading.asked_term if frame.indicator == "jeugdzorg" else None
    u.ranked_level, u.ranked_size, u.ranked_lowest = frame.level, frame.size, frame.lowest
    u.ranked_province = frame.province if frame.mode == "ranking" else None
    u.presentation = reading.presentation
    if reading.places.neighbours and (frame.target or "").startswith("swv"):
        u.neighbours_read = reading.places.neighbours


def _ranked_province(reading: Reading, frame: Frame) -> str | None:
    """The province a ranking of gemeenten is asked within ("welke gemeente in Friesland heeft
    de hoogste NEET?"), by its official name; None when the question is no such ranking, or
    names a place, or more than one province."""
    if frame.mode != "ranking" or reading.places.mentions:
        return None
    names = _province_names(reading)
    if len(names) != 1:
        return None
    return province_of(names[0])


def _is_province(text: str) -> bool:
    """Whether a place-like text is just a province's name ("Limburg", "noord-brabant")."""
    return PROVINCE_NAME.fullmatch(fold(text)) is not None


def _province_names(reading: Reading) -> list[str]:
    """The provinces named by name beside the places ("Noord-Brabant"), as typed or written
    out; not those in a place's qualifier ("Bergen in Limburg"), which the place took in."""
    typed = [m.text if m.text != m.text.lower() else m.text.title()
             for m in reading.places.unknown if _is_province(m.text)]
    found = [fold(t) for t in typed]
    written = [name.title() for name in PROVINCE_NAME.findall(reading.words_text)
               if name not in found]
    return list(dict.fromkeys([*typed, *written]))


def _names_a_province(reading: Reading) -> bool:
    """Whether the question asks about a province ("de provincie Utrecht", "Utrecht (prov.)",
    "NEET in Drenthe"): a province name alone is read as an unknown place, so its text is
    looked at too (the province names that are also gemeenten, Groningen and Utrecht, never
    count alone)."""
    if PROVINCE_WORD.search(reading.words_text) and not (
            reading.places.mentions and _province_names(reading)):
        return True  # "de provincie Utrecht"; not "Zwolle en de provincie Overijssel"
    if reading.places.mentions:
        return False
    unknown = " ".join(fold(m.text) for m in reading.places.unknown
                       if split_qualified(m.text) is None)  # not "Bergen, Gelderland"
    return bool(PROVINCE.search(reading.words_text) or PROVINCE.search(unknown))


def indicator_slot(reading: Reading, u: Understanding, frame: Frame, context: Frame | None,
                   last: Frame | None) -> bool:
    """The indicator: named, carried from the previous figure, or asked for."""
    indicator = reading.indicator
    if context is not None and context.indicator == "neet_rr" and indicator == "jeugdzorg" \
            and indicator_outside_categories(reading.words_text, reading.catalog) is None:
        indicator = None  # "en voor jeugdhulp met verblijf?" after a risk: another risk factor
    elif reading.only_group and context is not None and context.indicator \
            and family(context.indicator) != family(indicator):
        # "en bij jongeren met jeugdzorg?" after NEET: the NEET of a group without figures
        indicator, u.group_not_in_data = None, True
    if indicator:
        u.origins["indicator"] = "question"
    elif context is not None:
        indicator = context.indicator
        u.origins["indicator"] = "context"
        if indicator == "neet_rr" and ("totaal" in reading.categories
                                       or lx.EVERYONE.search(reading.words_text)):
            indicator = "neet"  # "en alle jongeren?" after a group's risk: the NEET of everyone
    elif reading.mode_word == "peers" and reading.places.mentions:
        # "Welke gemeenten lijken op Zeist?": the peers on the monitor's main figure
        indicator = "jeugdzorg"
        u.origins["indicator"] = "default"
    if indicator is None:
        u.intent, u.clarify_kind = "clarify", "need_indicator"
        u.regions = [c for m in reading.places.mentions for c in m.codes[:1]]
        return False
    rr = RR_CUES.search(reading.words_text)
    group = any(c in valid_categories("neet_rr", reading.catalog) for c in reading.categories)
    if indicator == "neet" and rr and (
            group or reading.mode_word == "breakdown" or CARE_WORD.search(reading.words_text)):
        indicator = "neet_rr"
    elif indicator == "neet" and group:
        # "NEET onder voortijdig schoolverlaters": there is no NEET percentage per group, only
        # the relative risk of such a group; answered with that, and the answer says so
        indicator, u.risk_for_group = "neet_rr", True
    frame.indicator = indicator
    return True


def category_slot(reading: Reading, u: Understanding, frame: Frame,
                  context: Frame | None) -> None:
    valid = valid_categories(frame.indicator, reading.catalog)
    named = choose_category(frame.indicator, reading.categories, reading.catalog)
    beside, within = groups_without_figures(reading.words_text, reading.categories, valid)
    described = bool(within or reading.indicator_groups or u.group_not_in_data)
    if named:
        frame.category = named
        u.origins["category"] = "question"
        # "NEET voor vso en havo": havo has no figures, said so; "meisjes in het vso",
        # "vso-leerlingen met jeugdhulp": a part of the group, which has none either
        u.groups_left_out = beside
        u.group_not_in_data = described
    elif "vo" in valid and within and not beside and not reading.indicator_groups \
            and all(lx.VO_PART.search(word) for word in within):
        # "jeugdhulp onder vmbo-leerlingen", "havo/vwo": no figure of their own; the figure of
        # the whole voortgezet onderwijs they are part of, and the answer says so (it used to
        # give the figure of all jeugdigen)
        frame.category = "vo"
        u.origins["category"] = "question"
        u.group_not_in_data = True
    elif "totaal" in valid and (described or beside):
        # "NEET bij meisjes", "NEET onder mbo-studenten", "NEET onder jongeren met jeugdhulp":
        # no figure for that group; the figure of everyone is given, and the answer says so
        u.group_not_in_data = True
    elif context is not None and context.indicator == frame.indicator \
            and context.category in valid:
        frame.category = context.category
        u.origins["category"] = "context"


def year_slot(reading: Reading, u: Understanding, frame: Frame, context: Frame | None,
              turn: Turn) -> None:
    if reading.since and reading.years:
        frame.years, frame.mode = _years_since(reading.years[0], turn), "trend"
        u.origins["years"] = "question"
    elif len(reading.years) > 1:
        frame.years, frame.mode = list(reading.years), "trend"
        u.origins["years"] = "question"
    elif reading.year:
        frame.year = reading.year
        u.origins["year"] = "question"
    elif reading.back and (base := _counted_from(reading.back, context, turn)):
        frame.year, frame.years = base - reading.back.years, []  # "vijf jaar geleden"
        u.origins["year"] = "question"
        u.counted_back = (reading.back.words, base)
        if re.search(r"\b(?:sinds|vanaf|since|from) " + re.escape(reading.back.words),
                     reading.words_text):  # "sinds vijf jaar geleden": a trend from that year
            frame.years, frame.mode = _years_since(frame.year, turn), "trend"
    elif context is not None and context.year and context.mode != "trend" \
            and reading.mode_word != "trend":
        frame.year = context.year
        u.origins["year"] = "context"
    elif context is not None and context.years and context.mode == "trend" \
            and reading.mode_word in (None, "trend"):
        frame.years = list(context.years)
        u.origins["years"] = "context"


def _years_since(start: int, turn: Turn) -> list[int]:
    """Every year from ``start`` to the newest with figures ("sinds 2019", "sinds vijf jaar
    geleden"); just ``start`` when that is newer."""
    return list(range(start, max(turn.latest_year() or start, start) + 1))


def _counted_from(back: CountedBack, context: Frame | None, turn: Turn) -> int | None:
    """The year a year counted back starts from: this year for "vorig jaar" and "geleden";
    else the one the conversation was about (the last of a trend), else the newest year with
    figures."""
    if back.from_today:
        return turn.this_year()
    if context is not None and context.year:
        return context.year
    if context is not None and context.years:
        return max(context.years)
    return turn.latest_year()


def words_mode_and_target(reading: Reading, frame: Frame) -> None:
    """What the wording says about the computation and the comparison target."""
    mode = reading.mode_word
    words = reading.words_text
    if frame.mode == "trend":
        mode = "trend"
    if mode in (None, "position") and (lx.RANKING.search(words) or (
            lx.RANK_SWV.search(words) and lx.SUPERLATIVE.search(words))):
        mode = "ranking"  # "welke gemeenten ...", "welke samenwerkingsverbanden scoren het hoogst"
    if mode == "position" and reading.places.swv_word and not lx.RANK_SWV.search(words):
        mode = "compare"  # "vergeleken met de andere gemeenten in het samenwerkingsverband"
    places = reading.places
    target = None
    if mode == "peers":
        target = "peers"
    elif places.swv_kind:
        target = f"swv_{places.swv_kind}"
    elif places.swv_word and not places.own_swv:
        target = "swv"
    elif places.national:
        target = "land"
    frame.mode = mode or ""
    frame.target = target


def region_slot(reading: Reading, u: Understanding, frame: Frame, context: Frame | None,
                last: Frame | None, turn: Turn, registry: RegionRegistry) -> bool:
    """The regions the question is about; False when ``u`` became a clarification."""
    codes = named_regions(reading, u, frame, registry)
    if codes is None:
        return False
    places = reading.places
    kind = swv_kind(frame.indicator, frame.category)
    own = places.own_place or places.own_swv
    # "Hof van Twente vergeleken met ons samenwerkingsverband": the SWV is the named place's
    # (see below), so no profile is needed; "onze gemeente" or a bare "ons swv" still need one
    swv_of_named = places.own_swv and not places.own_place and bool(
        codes or (context is not None and context.regions))
    if own and not turn.profile and not swv_of_named:
        u.intent, u.clarify_kind = "clarify", "need_region"
        return False
    if places.own_swv and (places.own_place or codes or places.own_swv_target):
        frame.target = frame.target if frame.target and frame.target.startswith("swv") else "swv"
        if not codes and not places.own_place and context is not None and context.regions:
            codes = [context.regions[0]]  # "en vergeleken met ons swv?": the place stays
        elif not codes:
            codes = [turn.profile] if turn.profile else []
    elif places.own_swv and (turn.profile or (context is not None and context.regions)):
        # "en hoe zit dat in ons samenwerkingsverband?": without a profile, the partnership of
        # the place the conversation is about
        home = turn.profile or (context.regions[0] if context is not None else "")
        swv = own_swv(registry, home, kind)
        codes.insert(0, swv or home)
    if places.own_place and turn.profile and turn.profile not in codes:
        codes.insert(0, turn.profile)
    origin = ("profile" if turn.profile else "context") if own and len(codes) == 1 \
        else "question"
    followed = context is not None and context.mode != "ranking"  # a ranking is of no place
    if not codes and places.national and not (frame.target == "land" and (
            followed or (turn.profile and lx.COMPARE.search(reading.words_text)))):
        # "Hoeveel jongeren in Nederland ...", "en landelijk?" after a ranking: Nederland is
        # the subject (after a figure of a place, "en landelijk?" sets that place against it)
        codes = [NATIONAL]
    if len(codes) == 1 and context is not None and context.regions and (
            lx.COMPARE.search(reading.words_text) or (
                context.mode == "compare" and WITH_NEXT.match(reading.words_text))) \
            and context.regions[0] not in codes and not own:
        # "en vergeleken met Helmond?": the subject stays, Helmond is what it is set against
        codes.insert(0, context.regions[0])
        frame.target = frame.target or "region"
    if not codes:
        codes, origin = _unnamed_subject(frame, context, last, turn)
        # the own region stands in for a place the question did not name: the answer says so
        # ("neet schoonhoven" is no gemeente here, and gave Amersfoort's figure without a word)
        u.profile_assumed = origin == "profile"
    if places.national and (frame.target or "").startswith("swv") and codes \
            and NATIONAL not in codes:
        # "vergeleken met het swv en met Nederland": Nederland is set against it too
        codes = [*codes, NATIONAL]
    frame.regions = codes
    u.origins["regions"] = origin
    return True


def named_regions(reading: Reading, u: Understanding, frame: Frame,
                  registry: RegionRegistry) -> list[str] | None:
    """Codes of the places named in the text; None when one is ambiguous or unknown."""
    kind = swv_kind(frame.indicator, frame.category)
    codes: list[str] = []
    for mention in reading.places.mentions:
        found = mention_code(registry, mention, kind)
        if len(found) > 1:
            # a typo as close to two names ("Roozendaal": Rozendaal, Roosendaal) is no name
            # of several regions: say it is unknown and offer both, as for any typo
            kind_asked = "unknown" if mention.resolution.method == "fuzzy" else "ambiguous"
            u.intent, u.clarify_kind = "clarify", kind_asked
            u.clarify_mention, u.options = mention.text, found
            if kind_asked == "unknown":
                u.suggestions = list(found)
            return None
        if found and found[0] not in codes:
            codes.append(found[0])
            if mention.resolution.method in ("fuzzy", "former"):
                u.corrections.append((mention.text, found[0]))
    if codes:  # "NEET in Noord-Brabant en Eindhoven": the province is said and left out
        u.provinces_left_out = _province_names(reading)
    for unknown in [*reading.places.unknown, *reading.places.unknown_swv]:
        if codes and _is_province(unknown.text):
            continue  # not a place we do not know ("Limburg": never "bedoel je Elburg?")
        suggestions = [r.code for r in unknown.resolution.suggestions]
        if codes and not suggestions and not names_swv(unknown.text):
            continue  # a place-like word next to known places: ignore it (not a named SWV)
        u.intent, u.clarify_kind = "clarify", "unknown"
        u.clarify_mention, u.options, u.suggestions = unknown.text, suggestions, suggestions
        if not suggestions:
            u.intent = "out_of_scope"
        return None
    return codes


def _unnamed_subject(frame: Frame, context: Frame | None, last: Frame | None,
                     turn: Turn) -> tuple[list[str], str]:
    """No place named: the previous figure's place (follow-up), the profile, or Nederland."""
    if context is not None and context.mode == "ranking" and frame.target is None \
            and frame.mode in ("", "position", *NO_REGION_MODES):
        # a follow-up on a ranking ("en in 2020?", "en de laagste?") ranks what it ranked: the
        # gemeenten of its samenwerkingsverband, or all of them; never the own gemeente's place
        return list(context.regions), "context"
    if frame.mode in NO_REGION_MODES:
        return [], "default"
    if context is not None and context.regions:
        return list(context.regions), "context"
    if turn.profile:
        return [turn.profile], "profile"
    if last is not None and last.regions:
        return list(last.regions), "context"
    return [], "default"  # the answer is about Nederland; the question named no place


def settle(reading: Reading, frame: Frame, context: Frame | None) -> None:
    """Make mode and target agree with each other, the regions and the previous figure."""
    if frame.mode == "compare" and context is not None and context.mode == "breakdown" \
            and frame.indicator == context.indicator:
        frame.mode = ""  # "en vergeleken met het swv?" under a breakdown: the same breakdown
    if not frame.mode and context is not None:
        carry_mode(reading, frame, context)
    subject = frame.regions[0] if frame.regions else NATIONAL
    if frame.target == "land" and subject == NATIONAL:
        frame.target = None
    if frame.target and frame.mode in ("", "value", "compare"):
        frame.mode = "peers" if frame.target == "peers" else "compare"
    if not frame.mode:
        frame.mode = "compare" if len(frame.regions) > 1 else "value"
    if frame.mode == "compare" and not frame.target:
        frame.target = "region" if len(frame.regions) > 1 else "land"
    if frame.mode == "position" and subject == NATIONAL:
        frame.mode, frame.regions = "ranking", []
    if frame.mode == "ranking" and frame.regions == [NATIONAL]:
        frame.regions = []  # "welke gemeenten in Nederland ...": all of them
    if frame.mode == "peers":
        frame.target = "peers"
    if frame.mode in ("value", "position", "ranking") and frame.target != "land":
        frame.target = None
    if frame.mode == "breakdown":
        frame.target = _breakdown_target(frame, context)
        kept = context is not None and context.mode == "breakdown" and context.dimension \
            and not _names_dimension(reading)
        frame.dimension = context.dimension if kept and context else dimension_of(frame, reading)
        frame.category = None
    else:
        frame.dimension = None
    if frame.mode == "compare" and frame.target == "land" and subject == NATIONAL:
        frame.mode, frame.target = "value", None


def _breakdown_target(frame: Frame, context: Frame | None) -> str | None:
    """What a breakdown sets beside each category: Nederland (None, the default), the own
    samenwerkingsverband ("per onderwijssoort, vergeleken met het samenwerkingsverband"; kept by
    a follow-up about the same subject, "en per zorgtype?"), or the other places named
    ("region")."""
    target = frame.target
    if target is None and context is not None and context.mode == "breakdown" \
            and (context.target or "").startswith("swv") \
            and frame.regions[:1] == context.regions[:1]:
        target = context.target
    if len(frame.regions) > 1 and target in (None, "land", "region"):
        return "region"
    return target if (target or "").startswith("swv") else None


def carry_mode(reading: Reading, frame: Frame, context: Frame) -> None:
    """A follow-up without words for the computation keeps the previous one, except where it
    no longer fits: a new comparison target makes it a comparison (a trend or breakdown stays
    one, now set against the target: Nederland, and for a breakdown of the same indicator also
    the samenwerkingsverband or another place), a new indicator drops a breakdown, a year ends
    a trend, a place named after a ranking asks for its position."""
    named_new_place = bool(reading.places.mentions)
    if frame.target is not None:
        keep = context.mode in ("trend", "breakdown") and frame.target == "land" or (
            context.mode == "breakdown" and frame.indicator == context.indicator
            and frame.target in ("swv", "swv_po", "swv_vo", "region"))
        frame.mode = context.mode if keep else ""
        return
    frame.mode = context.mode
    if frame.mode == "ranking" and (named_new_place or reading.places.own_place) \
            and not (context.level is None and frame.regions[0][:2] in ("PO", "VO")):
        # "en in Zwolle?" after a ranking asks where Zwolle stands in it (a ranking of every
        # gemeente has no place for Zwolle); a samenwerkingsverband after a ranking of
        # gemeenten asks for the ranking of its gemeenten
        frame.mode = "position"
    if not (named_new_place and context.target == "region"):
        frame.target = context.target
    if frame.indicator != context.indicator and frame.mode in ("breakdown", "position"):
        frame.mode, frame.target = "value", None
    if frame.mode == "trend" and frame.year:
        frame.mode = "value"
    if frame.mode == "compare" and context.target == "region" and named_new_place:
        frame.mode, frame.target = "value", None


def _names_dimension(reading: Reading) -> bool:
    return bool(ZORGTYPE_WORDS.search(reading.words_text) or re.search(
        r"onderwijssoort|schoolsoort|schooltype|type of education|school type|risicofactor|"
        r"risk factor", reading.words_text))


def dimension_of(frame: Frame, reading: Reading) -> str:
    if frame.indicator == "neet_rr":
        return "risicofactor"
    if ZORGTYPE_WORDS.search(reading.words_text) or frame.category in (
            "jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf", "jeugdbescherming",
            "jeugdreclassering"):
        return "zorgtype"
    return "onderwijssoort"
