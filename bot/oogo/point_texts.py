"""The neutral sentences around the points: why a point is there, the order, and the notes.

None of these makes a claim about the region beyond what the tests computed: "naar boven" only
for points whose every figure was tested higher (significant and at least a tenth), and the
notes say which comparisons could not be made (a partnership that is the gemeente alone) and
which figures the monitor does not publish at the region's level.
"""

from __future__ import annotations

from typing import Any

from indicators.vocabulary import level_name

WHY = {
    "nl": {
        "aandacht": ("Op dit punt wijken de cijfers van {region} naar boven af: statistisch "
                     "significant en minstens een tiende."),
        "sterk": ("Op dit punt wijken de cijfers van {region} naar beneden af: statistisch "
                  "significant en minstens een tiende. Dat is een sterk punt om vast te houden."),
        "vraag": ("Op dit punt zijn de cijfers van {region} lager: statistisch significant en "
                  "minstens een tiende. Of dat goed nieuws is, zeggen de cijfers niet: het is een "
                  "vraag om aan tafel te stellen."),
        "sterk:neet": ("Op dit punt wijken de cijfers van {region} naar beneden af: statistisch "
                       "significant en minstens een tiende. Minder jongeren zonder werk en "
                       "opleiding, of een kleiner risico daarop, is een sterk punt om vast te "
                       "houden."),
        "vraag:jeugdzorg": ("Op dit punt is het jeugdzorggebruik in {region} lager: statistisch "
                            "significant en minstens een tiende. Of dat goed nieuws is, zeggen "
                            "de cijfers niet: het is een vraag om aan tafel te stellen."),
    },
    "en": {
        "aandacht": ("Here the figures of {region} are higher: statistically significant and at "
                     "least a tenth."),
        "sterk": ("Here the figures of {region} are lower: statistically significant and at "
                  "least a tenth. That is a strength to keep."),
        "vraag": ("Here the figures of {region} are lower: statistically significant and at "
                  "least a tenth. Whether that is good news the figures do not say: it is a "
                  "question to ask at the table."),
        "sterk:neet": ("Here the figures of {region} are lower: statistically significant and at "
                       "least a tenth. Fewer young people without work or education, or a "
                       "smaller risk of it, is a strength to keep."),
        "vraag:jeugdzorg": ("Here the use of youth care in {region} is lower: statistically "
                            "significant and at least a tenth. Whether that is good news the "
                            "figures do not say: it is a question to ask at the table."),
    },
}
RANKING = {
    "nl": ("De punten staan op volgorde van hun onderbouwing: het grootste getoetste verschil "
           "weegt het zwaarst, en een punt dat door meer cijfers wordt gedragen, komt hoger. "
           "Alleen verschillen die statistisch significant zijn en minstens een tiende, tellen "
           "mee; een ontwikkeling alleen als die afwijkt van de landelijke. Een punt uit de "
           "regioscan weegt zwaarder naarmate het thema lager scoort of de rollen verder uit "
           "elkaar liggen. De vaste onderwerpen staan daarna, als vragen."),
    "en": ("The points are ordered by their evidence: the largest tested difference weighs "
           "most, and a point carried by more figures comes higher. Only differences that are "
           "statistically significant and at least a tenth count; a development only when it "
           "differs from the national one. A point from the regioscan weighs more the lower "
           "the theme scores or the further apart the roles are. The standing topics follow, "
           "as questions."),
}
NONE = {
    "nl": ("Geen cijfer van {region} wijkt statistisch significant en minstens een tiende af "
           "van Nederland, het eigen samenwerkingsverband, vergelijkbare gemeenten of de "
           "landelijke ontwikkeling, en er is geen regioscan met een zwakke uitkomst. Daarom "
           "staan hier alleen de vaste onderwerpen, als vragen."),
    "en": ("No figure of {region} differs, statistically significantly and by at least a tenth, "
           "from the Netherlands, its own samenwerkingsverband, comparable municipalities or the "
           "national development, and there is no regioscan with a weak result. So only the "
           "standing topics are listed, as questions."),
}


def why_text(meaning: str, region: str, language: str, wording: str = "") -> str:
    """The neutral reason a data point is on the list (``wording``: the lead indicator's
    ``wording_key``; an indicator without its own reason gets the neutral one)."""
    table = WHY["en" if language == "en" else "nl"]
    return (table.get(f"{meaning}:{wording}") or table[meaning]).format(region=region)


NATIONAL = {
    "nl": ("Voor Nederland als geheel maakt deze assistent geen punten uit de cijfers: er is geen "
           "ander cijfer om het mee te vergelijken. Kies een gemeente of samenwerkingsverband; "
           "hier staan alleen de vaste onderwerpen, als vragen."),
    "en": ("For the Netherlands as a whole this assistant makes no points from the figures: there "
           "is nothing to compare them with. Choose a municipality or samenwerkingsverband; only "
           "the standing topics are listed here, as questions."),
}


def ranking_text(region: Any, any_ranked: bool, language: str) -> str:
    """How the points are ordered (no scores), or why there are no ranked points."""
    lang = "en" if language == "en" else "nl"
    if any_ranked:
        return RANKING[lang]
    if region.level == "land":
        return NATIONAL[lang]
    return NONE[lang].format(region=region.name)


def swv_alone_note(registry: Any, region: Any, codes: list[str], language: str) -> str:
    """'Samenwerkingsverband PO 23.03 en ... bestaan alleen uit Deventer: ...'."""
    if not codes:
        return ""
    names = [registry.get(c).name for c in codes]
    joined = (" and " if language == "en" else " en ").join(names)
    if language == "en":
        verb = "consist" if len(names) > 1 else "consists"
        return (f"{joined} {verb} of {region.name} alone: the figures of the "
                f"samenwerkingsverband are those of {region.name} itself, so the points compare "
                "with the Netherlands and with comparable municipalities instead.")
    verb = "bestaan" if len(names) > 1 else "bestaat"
    return (f"{joined} {verb} alleen uit {region.name}: de cijfers van het "
            f"samenwerkingsverband zijn die van {region.name} zelf. De punten vergelijken daarom "
            "met Nederland en met vergelijkbare gemeenten.")


def levels_note(engine: Any, region: Any, language: str) -> str:
    """Which figures the monitor does not publish at this level (so no point rests on them)."""
    if region.level in ("gemeente", "land"):
        return ""
    missing: list[str] = []
    for definition in engine.catalog.values():
        cats = [c for c in definition.all_categories
                if region.level not in definition.published_levels(c)]
        if not cats:
            continue
        if len(cats) == len(definition.all_categories):
            missing.append(definition.label(language))
        else:
            words = [definition.category_label(c, language) for c in cats]
            joined = words[0] if len(words) == 1 else ", ".join(words[:-1]) + (
                " and " if language == "en" else " en ") + words[-1]
            missing.append(f"{definition.label(language)} in {joined}")
    if not missing:
        return ""
    level = level_name(region.level, language)
    if language == "en":
        return (f"Not published per {level}, so not used here: " + "; ".join(missing) + ".")
    return f"Niet gepubliceerd per {level} en daarom niet gebruikt: " + "; ".join(missing) + "."
