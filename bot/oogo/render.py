"""The text of discussion points for a conversation: the agenda, and the evidence of one point.

Plain text with light markdown (bold, bullets) that every channel can show. Every sentence is an
evidence sentence built from the engine's values, a passage quoted whole with its source, a
neutral question or a fixed template: no score, no count of hidden evidence, no claim of its own.
Figures are marked per piece of evidence when real and demonstration figures stand side by side.
"""

from __future__ import annotations

from bot.oogo.model import Evidence, Point, PointsResult
from bot.oogo.passages import citation, origin_of
from indicators import formatting as fm

DEMO_NL = ("Let op: de indicatorcijfers zijn demonstratiedata, bedoeld om de werking te laten "
           "zien; ze zijn niet de echte cijfers van deze regio.")
DEMO_EN = ("Note: the indicator figures are demonstration data, meant to show how this works; "
           "they are not the real figures of this region.")
MIXED_NL = ("Let op: de cijfers over {figures} zijn demonstratiecijfers, geen echte cijfers; "
            "onderbouwing daarmee staat gemarkeerd met '(demonstratiecijfers)'. De andere "
            "cijfers zijn echte CBS-cijfers, met hun bron erbij.")
MIXED_EN = ("Note: the figures on {figures} are demonstration data, not real figures; evidence "
            "using them is marked '(demonstration figures)'. The other figures are real CBS "
            "figures, with their source.")
WORDS = {
    "nl": {"head": "Voorstel voor OOGO-gesprekspunten voor {region}", "question": "Vraag",
           "standing": "Vaste onderwerpen om na te vragen", "background": "Achtergrond",
           "caveat": "Let op", "evidence": "Onderbouwing", "questions": "Vragen voor tafel",
           "who": "Wie kan erbij zijn", "source": "bron", "more":
           "Vraag 'waarom staat punt 2 erop?' om alle onderbouwing van een punt te zien.",
           "caveat_all": "Bij de punten over een hoger jeugdzorggebruik",
           "tested": "Getoetst", "against": "tegen", "of": "van",
           "demo": " (demonstratiecijfers)",
           "swv": "de rest van het samenwerkingsverband", "peers": "vergelijkbare gemeenten samen",
           "missing": ("Dat punt kan ik niet vinden. Kies een nummer van 1 tot en met {count} "
                       "of een deel van de titel.")},
    "en": {"head": "Proposed OOGO discussion points for {region}", "question": "Question",
           "standing": "Standing topics to ask about", "background": "Background",
           "caveat": "Note", "evidence": "Evidence", "questions": "Questions for the table",
           "who": "Who could be there", "source": "source", "more":
           "Ask 'why is point 2 on the list?' to see all evidence of a point.",
           "caveat_all": "With the points on a higher use of youth care",
           "tested": "Tested", "against": "against", "of": "of",
           "demo": " (demonstration figures)",
           "swv": "the rest of the samenwerkingsverband",
           "peers": "comparable municipalities together",
           "missing": ("I cannot find that point. Choose a number from 1 to {count} or part "
                       "of a title.")},
}


def _lang(result: PointsResult, language: str | None) -> str:
    return "en" if (language or result.language) == "en" else "nl"


def _all_facts(result: PointsResult) -> list:
    return [f for point in result.points for f in point.facts]


def _tag(result: PointsResult, evidence: Evidence, lang: str) -> str:
    """Per evidence: its source for real figures; '(demonstratiecijfers)' in a mixed list."""
    facts = evidence.facts
    if not facts or not any(not f.demo for f in _all_facts(result)):
        return ""
    if all(not f.demo for f in facts):
        return f" ({WORDS[lang]['source']}: {evidence.source})"
    return WORDS[lang]["demo"]


def _demo_lines(result: PointsResult, lang: str) -> list[str]:
    facts = _all_facts(result)
    if not any(f.demo for f in facts):
        return []
    if any(not f.demo for f in facts):
        names = result.demo_figures or [WORDS[lang]["demo"].strip(" ()")]
        joined = fm.listing(names, lang)
        return [(MIXED_EN if lang == "en" else MIXED_NL).format(figures=joined)]
    return [DEMO_EN if lang == "en" else DEMO_NL]


def _about(result: PointsResult, point: Point) -> list[str]:
    """The definition and source lines of the indicators this point's real figures belong to
    (CBS's own definition for a real figure, never the demo one)."""
    if not any(not f.demo for f in point.facts):
        return []
    return list(result.about)


def quote(passage, lang: str, origin: bool = True) -> str:
    """A passage quoted whole, with its citation and (unless left out) its own source line."""
    line = origin_of(passage) if origin else ""
    tail = f" {line}" if line else ""
    return f"«{passage.text}» ({citation(passage)}){tail}"


def render_points(result: PointsResult, language: str | None = None) -> str:
    """The agenda: per ranked point its title, first evidence and first question; then the
    standing topics with their question; the caveat once, where it applies."""
    lang = _lang(result, language)
    w = WORDS[lang]
    lines = [f"**{w['head'].format(region=result.region_name)}**", ""]
    ranked, standing = result.ranked, result.standing
    if not ranked:
        lines += [result.ranking_explanation, ""]
    for number, point in enumerate(ranked, start=1):
        lines.append(f"{number}. **{point.title}**")
        if point.evidence:
            first = point.evidence[0]
            lines.append(f"   - {first.text}{_tag(result, first, lang)}")
        if point.questions:
            lines.append(f"   - {w['question']}: {point.questions[0]}")
    caveat = next((c for p in ranked for c in p.caveats), None)
    if caveat is not None:
        lines += ["", f"{w['caveat_all']}: {quote(caveat, lang, origin=False)}"]
    if standing:
        lines += ["", f"**{w['standing']}**"]
        for point in standing:
            lines.append(f"- **{point.title}**: {point.questions[0]} "
                         f"({w['background']}: {citation(point.passages[0])})")
    if ranked:
        lines += ["", result.ranking_explanation]
    if result.notes:
        lines += [""] + result.notes
    demo = _demo_lines(result, lang)
    lines += ([""] + demo if demo else []) + [w["more"]]
    return "\n".join(lines)


def find_point(result: PointsResult, index_or_title: int | str) -> tuple[int, Point] | None:
    """A point by its 1-based number (ranked points, then standing topics), or by (part of)
    its title, case-insensitive."""
    if isinstance(index_or_title, int) or str(index_or_title).strip().isdigit():
        index = int(index_or_title)
        if 1 <= index <= len(result.points):
            return index, result.points[index - 1]
        return None
    needle = str(index_or_title).strip().lower()
    for number, point in enumerate(result.points, start=1):
        if needle and (needle in point.title.lower() or needle == point.topic):
            return number, point
    return None


def tested_groups(evidence: Evidence, lang: str) -> str:
    """The derived groups a comparison was tested against, with their counts ("" if none)."""
    w, parts = WORDS[lang], []
    for test in evidence.detail.get("tests", []):
        if test.get("kind") in ("swv", "peers") and test.get("numerator") is not None:
            parts.append(f"{w['against']} {w[test['kind']]}: {fm.integer(test['numerator'], lang)}"
                         f" {w['of']} {fm.integer(test['denominator'], lang)}")
    return f"{w['tested']} {'; '.join(parts)}." if parts else ""


def explain_point(result: PointsResult, index_or_title: int | str,
                  language: str | None = None) -> str:
    """Why a point is on the list: all its evidence with sources, the quoted passages, the
    caveat where it applies, the questions and who could be there."""
    lang = _lang(result, language)
    w = WORDS[lang]
    found = find_point(result, index_or_title)
    if found is None:
        return w["missing"].format(count=len(result.points))
    number, point = found
    lines = [f"**{number}. {point.title}**", "", point.why]
    if point.evidence:
        lines += ["", f"**{w['evidence']}:**"]
        for item in point.evidence:
            lines.append(f"- {item.text} ({w['source']}: {item.source})")
            groups = tested_groups(item, lang)
            if groups:
                lines.append(f"  {groups}")
    for passage in point.passages:
        lines += ["", f"**{w['background']}:** {quote(passage, lang)}"]
    for caveat in point.caveats:
        lines += ["", f"**{w['caveat']}:** {quote(caveat, lang)}"]
    lines += ["", f"**{w['questions']}:**"] + [f"- {q}" for q in point.questions]
    lines += ["", f"**{w['who']}:** {', '.join(point.participants)}"]
    shown = _about(result, point)
    if shown:
        lines += [""] + shown
    if point.facts and any(f.demo for f in point.facts):
        lines += [""] + _demo_lines(result, lang)
    return "\n".join(lines)
