"""From what a user typed to a region: codes, names, aliases, former names and typos.

Why a separate module: resolution is where the conversation meets the registry, and it must never
guess silently. The order is fixed and each step says what it did (``Resolution.method``):

1. codes: ``GM0363``, ``NL01``, ``PO2707``, ``PO 27.07``, ``vo 27.08``;
2. exact name or alias, insensitive to case, accents and punctuation ("Sudwest Fryslan",
   "s-Hertogenbosch", "Den Bosch", "Bergen (NH.)"); a name shared by several gemeenten ("Bergen")
   gives ``candidates`` and a question, never a pick;
3. a name with a province qualifier ("Hengelo (Gld.)", "Bergen in Limburg", see ``provinces``):
   the gemeente of that name in that province, else a former gemeente there (with its
   successor and year), else unknown with the same-named gemeenten elsewhere as suggestions;
   never the gemeente of another province;
4. "samenwerkingsverband/swv [po|vo] <gemeente>" and "gemeente <naam>";
5. former gemeente names (herindelingen since 2015), with a note that says where it went;
6. typos with rapidfuzz (``fuzz.ratio`` on normalised names): one clear best match of at least
   88 is used with a note; several close ones (nearly the same score, or as few typing slips
   away: "Roozendaal" is one slip from Rozendaal and from Roosendaal) become candidates, with
   ``method`` "fuzzy" so the caller says the name is unknown; 75-88 only suggestions.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from indicators.names import normalize, spelling_key, strip_accents
from indicators.provinces import Qualifier, split_qualified
from prompts.data_texts import data_text

if TYPE_CHECKING:  # pragma: no cover
    from indicators.registry import Region, RegionRegistry

logger = logging.getLogger(__name__)

ACCEPT_SCORE = 88.0
SUGGEST_SCORE = 75.0
CLOSE_GAP = 4.0

_GM = re.compile(r"^gm\s*(\d{1,4})$")
_NL = re.compile(r"^nl\s*0?1$")
_SWV = re.compile(r"^(?:(?:swv|samenwerkingsverband)\s*)?(po|vo)\s*-?\s*(\d{2})\s*[.\- ]?\s*"
                  r"(\d{2})$")
_SWV_PHRASE = re.compile(r"^(?:het\s+)?(?:swv|samenwerkingsverband)(?:\s+(po|vo))?\s+"
                         r"(?:van\s+(?:de\s+)?(?:gemeente\s+)?)?(.+)$")
_GEMEENTE_PHRASE = re.compile(r"^(?:de\s+)?gemeente\s+(.+)$")


@dataclass
class Resolution:
    """Outcome of resolving one text.

    Exactly one of three shapes: ``region`` set (resolved; ``message`` may hold a note such as
    "Ik ga ervan uit dat je Amsterdam bedoelt."), ``candidates`` (ambiguous: ask which one), or
    neither (unknown: ``suggestions`` holds close matches, possibly empty). ``message`` is Dutch,
    ``message_en`` English.
    """

    query: str
    region: Region | None = None
    candidates: list[Region] = field(default_factory=list)
    suggestions: list[Region] = field(default_factory=list)
    message: str = ""
    message_en: str = ""
    # code|exact|alias|phrase|former|fuzzy|ambiguous|unknown ("fuzzy" with ``candidates``: a
    # typo close to several names)
    method: str = "unknown"
    score: float = 100.0

    @property
    def ok(self) -> bool:
        """True when exactly one region was found."""
        return self.region is not None

    @property
    def ambiguous(self) -> bool:
        """True when the text fits several regions equally well."""
        return self.region is None and bool(self.candidates)

    def message_in(self, lang: str = "nl") -> str:
        """The message in the user's language ("nl" or "en")."""
        return self.message_en if lang == "en" and self.message_en else self.message


def _label(region: Region) -> str:
    if region.level == "gemeente":
        return f"{region.name} ({region.province})"
    return region.name


def _join(items: list[str], word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {word} " + items[-1]


def names_of(registry: RegionRegistry, codes: list[str]) -> list[str]:
    """Names of the regions with these codes, in the same order."""
    return [registry.get(c).name for c in codes]


def _ambiguous(query: str, regions: list[Region], method: str = "ambiguous") -> Resolution:
    labels = [_label(r) for r in regions]
    return Resolution(
        query=query,
        candidates=regions,
        message=data_text("resolve_ambiguous", "nl", query=query, options=_join(labels, "of")),
        message_en=data_text("resolve_ambiguous", "en", query=query,
                             options=_join(labels, "or")),
        method=method,
    )


def _typo_of_several(query: str, regions: list[Region]) -> Resolution:
    """A typo as close to several names ("Roozendaal"): candidates to ask about, with the
    message of an unknown name and its suggestions (no region is called this)."""
    unknown = _unknown(query, regions)
    return Resolution(query=query, candidates=regions, message=unknown.message,
                      message_en=unknown.message_en, method="fuzzy")


def _unknown(query: str, suggestions: list[Region]) -> Resolution:
    nl = data_text("resolve_unknown", "nl", query=query)
    en = data_text("resolve_unknown", "en", query=query)
    if suggestions:
        labels = [_label(r) for r in suggestions]
        nl += data_text("resolve_unknown_suggest", "nl", options=_join(labels, "of"))
        en += data_text("resolve_unknown_suggest", "en", options=_join(labels, "or"))
    else:
        nl += data_text("resolve_unknown_hint", "nl")
        en += data_text("resolve_unknown_hint", "en")
    return Resolution(query=query, suggestions=suggestions, message=nl, message_en=en)


def _resolved(query: str, region: Region, method: str, nl: str = "", en: str = "",
              score: float = 100.0) -> Resolution:
    return Resolution(query=query, region=region, message=nl, message_en=en, method=method,
                      score=score)


def _by_code(registry: RegionRegistry, query: str, key: str) -> Resolution | None:
    compact = strip_accents(query).strip().lower()
    if m := _GM.match(compact):
        code = f"GM{int(m.group(1)):04d}"
    elif _NL.match(compact):
        code = "NL01"
    elif m := _SWV.match(compact):
        code = f"{m.group(1).upper()}{m.group(2)}{m.group(3)}"
    elif key.isdigit() and len(key) == 4:
        code = f"GM{key}"
    else:
        return None
    if code in registry:
        return _resolved(query, registry.get(code), "code")
    return _unknown(query, [])


def _phrase(registry: RegionRegistry, query: str, key: str) -> Resolution | None:
    if m := _SWV_PHRASE.match(key):
        kind, rest = m.group(1), m.group(2)
        inner = resolve_text(registry, rest)
        if inner.region is None or inner.region.level != "gemeente":
            return None
        gemeente = inner.region
        if kind:
            return _resolved(query, registry.swv_of(gemeente.code, kind), "phrase")
        options = [registry.swv_of(gemeente.code, "po"), registry.swv_of(gemeente.code, "vo")]
        return _ambiguous(query, options)
    if m := _GEMEENTE_PHRASE.match(key):
        inner = resolve_text(registry, m.group(1))
        if inner.region is not None and inner.region.level == "gemeente":
            return inner
    return None


def _fuzzy(registry: RegionRegistry, query: str, key: str) -> Resolution:
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    names = registry.name_index()
    spelled = registry.spelling_names
    query_key = spelling_key(key)
    hits = process.extract(query_key, list(spelled), scorer=fuzz.ratio, limit=8,
                           score_cutoff=SUGGEST_SCORE)
    ranked: list[tuple[float, str]] = []
    seen: set[str] = set()
    for spelling, score, _ in hits:
        for code in (c for name in spelled[spelling] for c in names[name]):
            if code not in seen:
                seen.add(code)
                ranked.append((score, code))
    if not ranked:
        return _unknown(query, _word_suggestions(registry, key))
    best = ranked[0][0]
    # close: nearly the best score, or as few typing slips away as the best (Levenshtein):
    # "Roozendaal" is one slip from Rozendaal and one from Roosendaal, whatever the ratio says
    slips = {spelling: Levenshtein.distance(query_key, spelling) for spelling, _, _ in hits}
    fewest = min(slips.values())
    near = [spelling for spelling, score, _ in hits
            if best - score < CLOSE_GAP or slips[spelling] == fewest]
    codes = dict.fromkeys(c for spelling in near for name in spelled[spelling] for c in names[name])
    close = [registry.get(code) for code in codes]
    if best >= ACCEPT_SCORE and len(close) == 1:
        region = close[0]
        return _resolved(query, region, "fuzzy",
                         data_text("resolve_assumed", "nl", region=region.name),
                         data_text("resolve_assumed", "en", region=region.name), score=best)
    if best >= ACCEPT_SCORE:
        return _typo_of_several(query, close)
    return _unknown(query, [registry.get(code) for _, code in ranked[:3]])


def _word_suggestions(registry: RegionRegistry, key: str) -> list[Region]:
    """Regions named by one of the words of a longer text ("Amsterdam Zuidoost")."""
    words = key.split()
    if len(words) < 2:
        return []
    found: list[Region] = []
    for size in range(len(words) - 1, 0, -1):
        for start in range(len(words) - size + 1):
            part = " ".join(words[start:start + size])
            for code in registry.codes_for_name(part):
                region = registry.get(code)
                if region not in found and len(part) > 3:
                    found.append(region)
    return found[:3]


def _merged(registry: RegionRegistry, query: str, codes: list[str], year: str) -> Resolution:
    """A former gemeente: the one it went into (with a note), or a question when it was split."""
    if len(codes) > 1:
        found = _ambiguous(query, [registry.get(c) for c in codes], "former")
        names = names_of(registry, codes)
        found.message = data_text("resolve_split", "nl", query=query, year=year,
                                  options=_join(names, "en"))
        found.message_en = data_text("resolve_split", "en", query=query, year=year,
                                     options=_join(names, "and"))
        return found
    region = registry.get(codes[0])
    return _resolved(
        query, region, "former",
        data_text("resolve_merged", "nl", query=query, year=year, region=region.name),
        data_text("resolve_merged", "en", query=query, year=year, region=region.name),
    )


def resolve_text(registry: RegionRegistry, text: str) -> Resolution:
    """Resolve ``text`` against ``registry``; see the module docstring for the order."""
    query = (text or "").strip().strip("?!.,;:\"").strip()
    key = normalize(query)
    if not key:
        return Resolution(
            query=query,
            message=data_text("resolve_empty", "nl"),
            message_en=data_text("resolve_empty", "en"),
        )
    if (found := _by_code(registry, query, key)) is not None:
        return found
    codes = registry.codes_for_name(key)
    if len(codes) == 1:
        region = registry.get(codes[0])
        method = "exact" if normalize(region.name) == key else "alias"
        return _resolved(query, region, method)
    if len(codes) > 1:
        return _ambiguous(query, [registry.get(c) for c in codes])
    if (found := _qualified(registry, query)) is not None:
        return found
    if (found := _phrase(registry, query, key)) is not None:
        return found
    if key in registry.former:
        return _merged(registry, query, *registry.former[key])
    return _fuzzy(registry, query, key)


def province_named(registry: RegionRegistry, text: str) -> tuple[str, str] | None:
    """(name, province) when ``text`` ends in a province qualifier that counts ("Zwolle
    (Gld.)" -> ("Zwolle", "Gelderland"); not "Utrecht Groningen", two gemeenten)."""
    split = split_qualified(text)
    if split is None or not _counts(registry, split[1]):
        return None
    return split[0].strip(" ,"), split[1].province


def _counts(registry: RegionRegistry, qualifier: Qualifier) -> bool:
    """A bare gemeente name after a name is another place, not a province ("Utrecht,
    Groningen"); it is a qualifier only when marked as one ("(Groningen)", "provincie")."""
    return qualifier.explicit or not registry.codes_for_name(qualifier.spelled)


def _qualified(registry: RegionRegistry, query: str) -> Resolution | None:
    """``query`` as a name followed by a province qualifier, or None when it is not one."""
    split = split_qualified(query)
    if split is None:
        return None
    base, qualifier = split
    return qualify(registry, query, base, resolve_text(registry, base), qualifier)


def qualify(registry: RegionRegistry, query: str, base: str, found: Resolution,
            qualifier: Qualifier) -> Resolution | None:
    """What ``base`` (resolved as ``found``) means with the province ``qualifier`` after it
    (``query`` is the whole text). None when the qualifier does not apply: it is a bare
    gemeente name ("Utrecht, Groningen" lists two places) or the base names no gemeente."""
    if not _counts(registry, qualifier):
        return None
    named = [found.region] if found.region is not None else list(found.candidates)
    gemeenten = [r for r in named if r.level == "gemeente"]
    if named and not gemeenten:
        return None
    inside = [r for r in gemeenten if r.province == qualifier.province]
    if gemeenten and len(inside) == len(gemeenten):
        found.query = query  # the qualifier agrees with what the name already said
        return found
    if len(inside) == 1:
        return _resolved(query, inside[0], "exact")
    if inside:
        return _ambiguous(query, inside)
    older = registry.former_in_province.get((normalize(base), qualifier.province))
    if older is not None:  # named in the note as "Hengelo (Gelderland)", however it was typed
        found = _merged(registry, f"{base.strip()} ({qualifier.province})", *older)
        found.query = query
        return found
    if not gemeenten:  # an unknown name ("Hengleo (Gld.)"): what is close to it, this
        return _unknown(query, _near_in_province(registry, base, qualifier.province)
                        + found.suggestions)  # province's first; the qualifier kept in the query
    return _unknown(query, gemeenten)  # never the gemeente of another province


def _near_in_province(registry: RegionRegistry, base: str, province: str) -> list[Region]:
    """The gemeenten a former gemeente of ``province`` with a name close to ``base`` went
    into ("Hengleo (Gld.)" -> Bronckhorst): a typo must not lose the province's own answer."""
    from rapidfuzz import fuzz

    key = normalize(base)
    codes = [code for (name, where), (now, _year) in registry.former_in_province.items()
             if where == province and fuzz.ratio(key, name) >= SUGGEST_SCORE for code in now]
    return [registry.get(code) for code in dict.fromkeys(codes)]
