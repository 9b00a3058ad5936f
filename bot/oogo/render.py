"""The text of discussion points for a conversation: the agenda, and the evidence of one point.

Plain text with light markdown (bold, bullets) that every channel can show. Numbers come only
from the evidence sentences, which are built from the engine's values; nothing is added here
except the rank and the score, both computed by the generator.
"""

from __future__ import annotations

from bot.oogo.model import Point, PointsResult
from bot.oogo.sources_view import any_demo, demo_banner, kind_tag

DEMO_NL = ("Let op: de indicatorcijfers zijn demonstratiedata, bedoeld om de werking te laten "
           "zien; ze zijn niet de echte cijfers van deze regio.")
DEMO_EN = ("Note: the indicator figures are demonstration data, meant to show how this works; "
           "they are not the real figures of this region.")


def _score(value: float, language: str) -> str:
    text = f"{value:g}"
    return text if language == "en" else text.replace(".", ",")


def render_points(result: PointsResult, language: str | None = None) -> str:
    """The ranked agenda: per point its title, first evidence, and the first question."""
    lang = "en" if (language or result.language) == "en" else "nl"
    if lang == "en":
        head = f"**Proposed OOGO discussion points for {result.region_name}**"
    else:
        head = f"**Voorstel voor OOGO-gesprekspunten voor {result.region_name}**"
    lines = [head, ""]
    if not result.points:
        lines.append(result.ranking_explanation)
    for number, point in enumerate(result.points, start=1):
        lines.append(f"{number}. **{point.title}**")
        if point.evidence:
            first = point.evidence[0]
            lines.append(f"   - {first.text}{kind_tag(result, first, lang)}")
        if len(point.evidence) > 1:
            more = len(point.evidence) - 1
            lines.append(f"   - (+{more} {'more' if lang == 'en' else 'meer'} "
                         f"{'pieces of evidence' if lang == 'en' else 'onderbouwing'})")
        if point.questions:
            label = "Question" if lang == "en" else "Vraag"
            lines.append(f"   - {label}: {point.questions[0]}")
    lines += ["", result.ranking_explanation]
    if result.notes:
        lines += [""] + result.notes
    if result.demo_data:
        lines += ["", demo_banner(result, DEMO_EN if lang == "en" else DEMO_NL, lang)]
    if lang == "en":
        lines.append("Ask 'why is point 2 on the list?' to see all its evidence.")
    else:
        lines.append("Vraag 'waarom staat punt 2 erop?' om alle onderbouwing te zien.")
    return "\n".join(lines)


def find_point(result: PointsResult, index_or_title: int | str) -> tuple[int, Point] | None:
    """A point by its 1-based rank, or by (part of) its title, case-insensitive."""
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


def explain_point(result: PointsResult, index_or_title: int | str,
                  language: str | None = None) -> str:
    """Why a point is on the list: all its evidence with sources, the passage, and its score."""
    lang = "en" if (language or result.language) == "en" else "nl"
    found = find_point(result, index_or_title)
    if found is None:
        count = len(result.points)
        if lang == "en":
            return (f"I cannot find that point. Choose a number from 1 to {count} "
                    "or part of a title.")
        return (f"Dat punt kan ik niet vinden. Kies een nummer van 1 tot en met {count} "
                "of een deel van de titel.")
    number, point = found
    lines = [f"**{number}. {point.title}**", "", point.why, ""]
    lines.append("**Evidence:**" if lang == "en" else "**Onderbouwing:**")
    for item in point.evidence:
        lines.append(f"- {item.text} ({'source' if lang == 'en' else 'bron'}: {item.source})")
    for passage in point.passages:
        label = "Background" if lang == "en" else "Achtergrond"
        lines += ["", f"**{label}** ({passage.source}, {passage.heading}): {passage.text}"]
    lines += ["", "**Questions for the table:**" if lang == "en" else "**Vragen voor tafel:**"]
    lines += [f"- {q}" for q in point.questions]
    who = "Who should be there" if lang == "en" else "Wie moet erbij zijn"
    lines += ["", f"**{who}:** {', '.join(point.participants)}"]
    reasons = "; ".join(point.reasons)
    if lang == "en":
        lines += ["", f"Why this place: score {_score(point.score, lang)} ({reasons})."]
    else:
        lines += ["", f"Waarom deze plaats: score {_score(point.score, lang)} ({reasons})."]
    if result.demo_data and any_demo(point.facts):
        lines += ["", demo_banner(result, DEMO_EN if lang == "en" else DEMO_NL, lang)]
    return "\n".join(lines)
