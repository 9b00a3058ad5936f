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
from prompts.loader import templates
from prompts.oogo_data import text_data


def _words(lang: str) -> dict[str, str]:
    """The agenda's short words (``prompts/oogo/<lang>/words.yaml``)."""
    words: dict[str, str] = text_data("oogo", "words").get("agenda", language=lang)
    return words


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
        return f" ({_words(lang)['source']}: {evidence.source})"
    return _words(lang)["demo"]


def _demo_lines(result: PointsResult, lang: str) -> list[str]:
    facts = _all_facts(result)
    if not any(f.demo for f in facts):
        return []
    if any(not f.demo for f in facts):
        names = result.demo_figures or [_words(lang)["demo"].strip(" ()")]
        return [templates("oogo").render("points_demo_mixed", lang,
                                         figures=fm.listing(names, lang))]
    return [templates("oogo").render("points_demo", lang)]


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
    w = _words(lang)
    head = text_data("oogo", "words").text("agenda", "head", language=lang,
                                           region=result.region_name)
    lines = [f"**{head}**", ""]
    ranked, standing = result.ranked, result.standing
    if not ranked:
        lines.append(result.ranking_explanation)
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
    lines += [""] + demo if demo else []
    if ranked:  # the hint names a point that is there: "punt 2", or "punt 1" when it is alone
        lines.append(templates("oogo").render("points_more", lang, number=min(2, len(ranked))))
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
    w, parts = _words(lang), []
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
    w = _words(lang)
    found = find_point(result, index_or_title)
    if found is None:
        return templates("oogo").render("point_missing", lang, count=len(result.points))
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
