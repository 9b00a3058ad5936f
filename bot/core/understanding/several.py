"""What one message names more than once: several figures, several groups, and which of them a
figure is asked *for* rather than asked *about*.

Why: the readers of ``slots`` each give one answer (the first indicator, the first category),
so "jeugdzorg en NEET in het vso" was answered for jeugdzorg alone, "NEET voor vso en havo"
for the vso alone, and "NEET onder jongeren met jeugdhulp" as the NEET of everyone, without a
word about what was left out. Two words for figures stand in one of three relations:

* joined by "en", "and", a comma ("jeugdzorg en NEET", "de NEET en het jeugdzorggebruik"):
  both are asked, each gets its answer;
* one describes the young people the other is asked for ("NEET onder jongeren *met jeugdhulp*",
  "jeugdzorg bij *NEET-jongeren*"): a group; the figure of the other is asked for that group,
  which the data does not have (the answer says so);
* neither ("neet risico jeugdhulp"): read as before, by the first indicator.

The same holds for categories: "vso en havo" names two groups, of which only the vso has
figures (the answer says that havo has none); "po en vo" names two that both have figures.
Everything here reads the folded words of the message (place names blanked), nothing else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.understanding import lexicon as lx
from bot.core.understanding import per_message
from bot.core.understanding.normalize import SPACES
from bot.core.understanding.prefix_scan import re_compile

PEOPLE = (r"(?:jongeren|jeugdigen|kinderen|leerlingen|scholieren|pupils|children|youths?|"
          r"young people|teenagers|teens)")
RELATION = r"(?:met|in|uit|na|die|with|in|from|after|who|receiving|getting)"
RESTRICT = r"(?:onder|bij|among|amongst|na|after)"
ARTICLE = r"(?:de|het|een|the|a|an)"
# "jongeren met (ambulante) ...", "jongeren die ...": the words before a figure word that make
# it a description of young people ("NEET onder jongeren met jeugdhulp"); stronger than an "en"
# before it ("NEET in Zwolle, en bij jongeren met jeugdhulp?")
PEOPLE_WITH = re_compile(rf"\b{PEOPLE}\b(?: \w+)? {RELATION}\b(?: {ARTICLE}\b)?(?: \w+)? ?$")
# "hoeveel jongeren met jeugdhulp": the young people counted, so the figure asked (the words
# before it decide whether it is a group, as for any other figure word)
COUNTED = re_compile(rf"\b(?:hoeveel|how many|aantal|number of|percentage|aandeel|share of)"
                     rf"(?: {ARTICLE})? {PEOPLE} {RELATION}\b(?: {ARTICLE}\b)?(?: \w+)? ?$")
# "onder NEET-jongeren", "in de jeugdzorg", "na jeugdhulp": weaker, only beside another figure
# "onder de", "bij": the words before a figure that make it describe the young people
RESTRICTED = re_compile(rf"\b{RESTRICT}\b(?: {ARTICLE})? ?$")
GROUP_BEFORE = re_compile(rf"\b(?:{RESTRICT}|{RELATION})\b(?: {ARTICLE}\b)? ?$")
# certain enough to stand alone in a follow-up: "en bij jongeren met jeugdzorg?", "en na
# jeugdhulp?"
GROUP_BEFORE_SURE = re_compile(
    rf"\b{RESTRICT}\b(?: {ARTICLE})? {PEOPLE} {RELATION}\b(?: {ARTICLE}\b)?(?: \w+)? ?$|"
    rf"\b(?:onder|among|amongst|na|after)\b(?: {ARTICLE})? ?$")
# "NEET-jongeren", "jeugdzorgjongeren", "NEET youth"
GROUP_AFTER = re_compile(r"^(?:-| )?(?:jongeren|jeugdigen|youths?|young people|'?ers)\b")
# what may stand between two things that are both asked: "en", "and", a comma, and the small
# words around them ("de NEET in <plaats> en het jeugdzorggebruik", "jeugdhulp én NEET")
_COORD = r"(?:en|and|plus|&|alsook|als ook|as well as|naast|of|or|,)"
_FILLER = (r"(?:de|het|een|the|a|an|in|van|voor|bij|met|over|op|of|for|about|on|from|ook|also|"
           r"zowel|both|hoe|zit|zat|staat|stond|wat|is|was|zijn|are|how|what|daar|there|dan|"
           r"hoog|hoeveel|groot|scoort|scoren|doet|doen|many|much|high|"
           r"percentage|cijfers?|gebruik|aandeel|rate|figures?|leerlingen|jongeren|studenten|"
           r"scholieren|pupils|students|young people|er)")
_SEP = r"[\s,;:.?!-]*"
COORDINATED = re_compile(rf"^{_SEP}(?:{_FILLER}\b{_SEP})*(?:{_COORD}(?:\b|(?<=[,&])){_SEP})+"
                         rf"(?:{_FILLER}\b{_SEP})*$")
# "vergelijk jeugdzorg in het po met het vo": in a comparison, "met" joins two things asked
COMPARING = re_compile(r"\bvergelijk|\bcompar|\bversus\b|\bvs\b|\btegenover\b")
COMPARED_WITH = re_compile(rf"^{_SEP}(?:met|with|versus|vs|tegenover|against|to){_SEP}"
                           rf"(?:(?:de|het|een|the|a|an|in|op|bij)\b{_SEP})*$")


# "zowel jeugdzorg als NEET": "als" joins them
BOTH_AS = re_compile(rf"^{_SEP}als{_SEP}(?:(?:de|het|een|ook)\b{_SEP})*$")


@dataclass(frozen=True, slots=True)
class Mention:
    """A word for a figure in the message: which indicator, where."""

    indicator: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Indicators:
    """The figures a message asks for, in the order typed, and the ones that only describe
    the young people it is asked for (``groups``)."""

    asked: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    # the only figure word is a description of young people ("en bij jongeren met jeugdzorg?")
    only_group: bool = False


BOTH = re_compile(r"\bzowel\b")  # "zowel ... als ...": both asked


def one_space(folded: str) -> str:
    """The words with the blanked place names gone ("jongeren in <Zwolle> met" reads as
    "jongeren in met"): the patterns here look at the words next to each other."""
    return SPACES.sub(" ", folded)


def mentions(folded: str, patterns: dict[str, list[re.Pattern[str]]],
             neet_rr_allowed: bool) -> list[Mention]:
    """Every word for a figure outside the words of a category ("jeugdbescherming" is a group
    the figures have, not the indicator jeugdzorg), the stronger reading first: "relatief risico
    op NEET" is one mention of the relative risk, not also one of NEET."""
    text = lx.CARE_AS_CATEGORY.sub(_blank, folded)
    if lx.CATEGORY_ANY.search(text):  # else no pattern below changes anything
        for _, pattern in lx.CATEGORY_RES:
            text = pattern.sub(_blank, text)
    found: list[Mention] = []
    for indicator, regexes in patterns.items():
        if indicator == "neet_rr" and not neet_rr_allowed:
            continue
        if regexes is lx.INDICATOR_PATTERNS.get(indicator) \
                and not lx.INDICATOR_ANY[indicator].search(text):
            continue  # none of the lexicon's patterns for it matches: one search, not each
        for regex in regexes:
            for match in regex.finditer(text):
                if match.end() > match.start():
                    found.append(Mention(indicator, match.start(), match.end()))
    kept: list[Mention] = []
    for mention in found:  # in the patterns' order: the first reading of a span wins
        clash = next((k for k in kept if k.start < mention.end and mention.start < k.end), None)
        if clash is None:
            kept.append(mention)
        elif clash.indicator == mention.indicator:  # one word, two patterns: one wide span
            kept[kept.index(clash)] = Mention(clash.indicator, min(clash.start, mention.start),
                                              max(clash.end, mention.end))
    care = [(start, end) for start, end, category in category_spans(folded)
            if category in lx.ZORGTYPES]
    return sorted((m for m in kept if not _next_to(folded, m, care)), key=lambda m: m.start)


def _blank(match: re.Match[str]) -> str:
    """As many spaces as the match is long (positions stay where they were)."""
    return " " * (match.end() - match.start())


def _next_to(folded: str, mention: Mention, spans: list[tuple[int, int]]) -> bool:
    """A care word right beside a kind of care ("ambulante jeugdhulp", "jeugdhulp in een
    instelling") is that kind of care, a category: no word for the indicator."""
    before = any(end <= mention.start and re.fullmatch(r"\w*\s*", folded[end:mention.start])
                 for _, end in spans)  # "ambulant|e jeugdhulp": the rest of its word
    after = any(start >= mention.end and not folded[mention.end:start].strip()
                for start, _ in spans)
    return before or after


def is_group(folded: str, mention: Mention, *, sure: bool = False) -> bool:
    """Whether the figure word describes young people ("onder jongeren met jeugdhulp",
    "NEET-jongeren") rather than naming a figure asked for. ``sure``: so clearly that it
    holds without another figure word in the message."""
    before, after = folded[:mention.start], folded[mention.end:]
    if sure:
        return bool(GROUP_BEFORE_SURE.search(before) or (
            RESTRICTED.search(before) and GROUP_AFTER.match(after)))
    return bool(PEOPLE_WITH.search(before) or GROUP_BEFORE.search(before)
                or GROUP_AFTER.match(after))


def coordinated(folded: str, first: Mention, second: Mention) -> bool:
    """Whether two mentions are joined as things asked side by side ("jeugdzorg en NEET")."""
    return joined(folded, folded[first.end:second.start])


def joined(folded: str, between: str) -> bool:
    """Whether ``between`` (the text between two things named) joins them side by side: "en",
    "and", a comma; "met" too in a comparison ("vergelijk het po met het vo")."""
    return bool(COORDINATED.match(between)
                or (COMPARING.search(folded) and COMPARED_WITH.match(between))
                or (BOTH.search(folded) and BOTH_AS.match(between)))


def read_indicators(folded: str, patterns: dict[str, list[re.Pattern[str]]],
                    neet_rr_allowed: bool) -> Indicators:
    """The figures asked and the figures that describe a group (see the module docstring)."""
    folded = one_space(folded)
    found = mentions(folded, patterns, neet_rr_allowed)
    by_indicator: dict[str, list[Mention]] = {}
    for mention in found:
        by_indicator.setdefault(mention.indicator, []).append(mention)
    if len(by_indicator) == 1:
        only = found[0]
        return Indicators(asked=(only.indicator,),
                          only_group=all(is_group(folded, m, sure=True) for m in found))
    if len(by_indicator) < 2:
        return Indicators()
    asked: list[str] = []
    groups: list[str] = []
    for index, mention in enumerate(found):
        before = folded[:mention.start]
        if PEOPLE_WITH.search(before) and not COUNTED.search(before):
            groups.append(mention.indicator)
            continue
        neighbours = [o for o in found[max(index - 1, 0):index + 2]
                      if o.indicator != mention.indicator]
        if any(coordinated(folded, *sorted((mention, o), key=lambda m: m.start))
               for o in neighbours):
            asked.append(mention.indicator)
        elif is_group(folded, mention):
            groups.append(mention.indicator)
    groups = [g for g in groups if g not in asked]
    ordered = list(dict.fromkeys(asked))
    if not ordered:
        # one figure described by the other ("NEET onder jongeren met jeugdhulp"): the figure is
        # the one that is no group; without such a word, the first reading as before
        rest = [m.indicator for m in found if m.indicator not in groups]
        ordered = list(dict.fromkeys(rest))[:1]
    return Indicators(asked=tuple(ordered), groups=tuple(dict.fromkeys(groups)))


def coordinated_categories(folded: str, categories: list[str]) -> list[str]:
    """The categories named side by side ("po en vo", "vso en pro"), in text order; [] when
    they are not joined so ("leerlingen in het po met jeugdhulp zonder verblijf": the care type
    describes the pupils)."""
    if len(set(categories)) < 2:
        return []  # what is returned holds two different categories of ``categories`` or none
    folded = one_space(folded)
    spans = category_spans(folded)
    named = [s for s in spans if s[2] in categories]
    if len(named) < 2:
        return []
    out = [named[0][2]]
    for (_, end, _), (start, _, category) in zip(named, named[1:], strict=False):
        if joined(folded, folded[end:start]) and category not in out:
            out.append(category)
    return out if len(out) > 1 else []


def category_spans(folded: str) -> tuple[tuple[int, int, str], ...]:
    """Where the words of each category stand in ``folded`` (a span taken by an earlier
    category's pattern is not taken again), in text order. Computed once per text within the
    understanding of one message (five readers ask for them, issue 18)."""
    return per_message.once(("category_spans", folded), lambda: _category_spans(folded))


def _category_spans(folded: str) -> tuple[tuple[int, int, str], ...]:
    if not lx.CATEGORY_ANY.search(folded):
        return ()
    taken: list[tuple[int, int, str]] = []
    for category, pattern in lx.CATEGORY_RES:
        for m in pattern.finditer(folded):
            if any(s <= m.start() < e or m.start() <= s < m.end() for s, e, _ in taken):
                continue
            taken.append((m.start(), m.end(), category))
    return tuple(sorted(taken))


def family(indicator: str | None) -> str | None:
    """NEET and its relative risk are one subject; a group word of the other subject is no
    word for this one."""
    return "neet" if indicator in ("neet", "neet_rr") else indicator


def groups_without_figures(folded: str, categories: list[str], valid: tuple[str, ...]
                           ) -> tuple[list[str], list[str]]:
    """The groups named that the figure has no category for, as typed, split in two: those
    named *beside* a group that has figures ("vso en havo": havo) and those that describe a
    part of it or stand alone ("meisjes in het vso", "NEET bij meisjes")."""
    folded = one_space(folded)
    spans = category_spans(folded)
    has = [(s, e) for s, e, c in spans if c in valid and c in categories and c != "totaal"]
    missing = [(s, e) for s, e, c in spans if c not in valid and c in categories
               and c != "totaal"]
    missing += [m.span() for m in lx.GROUP_NOT_IN_DATA.finditer(folded)]
    beside: list[str] = []
    within: list[str] = []
    for start, end in sorted(missing):
        word = _whole_words(folded, start, end)
        side = any(joined(folded, folded[e:start]) or joined(folded, folded[end:s])
                   for s, e in has)
        target = beside if side else within
        if word and word not in beside + within:
            target.append(word)
    return beside, within


def _whole_words(folded: str, start: int, end: int) -> str:
    """The typed words a match stands in ("havisten" for "havist", "vso-leerlingen" stays
    "vso")."""
    while start > 0 and folded[start - 1].isalnum():
        start -= 1
    while end < len(folded) and folded[end].isalnum():
        end += 1
    return folded[start:end].strip("-' ")
