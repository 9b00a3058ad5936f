"""The claim check of LLM texts (bot/core/llm/check.py) on real template answers.

Each case of issue 20 is here as a text an LLM could write, plus paraphrases that must pass.
The current wording of the answers (relevance, trends beside Nederland's, the rest of a
samenwerkingsverband ...) is in test_llm_wording.py, the property tests over every kind of
answer in test_llm_property.py. Expected numbers come from the answers, never from here.
"""

from __future__ import annotations

import pytest

from bot.core.llm.check import check_answer

REPLIES: dict[tuple[str, str], object] = {}
QUESTIONS = [
    "Hoe hoog is de NEET in {r}?",
    "Vergelijk de NEET in {r} met Zwolle",
    "Hoe heeft de NEET in {r} zich ontwikkeld?",
    "Jeugdzorg in {r} per onderwijssoort",
    "Jeugdzorg in het vso in {r}",
    "Hoe scoort {r} op jeugdzorg vergeleken met vergelijkbare gemeenten?",
    "Relatief risico op NEET in {r}",
    "How high is youth care in {r} compared with the Netherlands?",
    "Jeugdzorg in {r} vergeleken met het samenwerkingsverband",
]
PLACES = ["Amsterdam", "Deventer", "Almere", "Utrecht", "Groningen", "Maastricht", "Tilburg",
          "Enschede", "Leeuwarden", "Middelburg", "Apeldoorn", "Hengelo"]


def _reply(services, question: str, place: str):
    from bot.core.assistant import Assistant
    from bot.core.messages import IncomingMessage
    from bot.core.state import InMemoryStateStore

    key = (question, place)
    if key not in REPLIES:
        assistant = Assistant(services, store=InMemoryStateStore(), charts=False)
        REPLIES[key] = assistant.handle(IncomingMessage("test", "claims", "u",
                                                        question.format(r=place)))
    return REPLIES[key]


def _check(services, text, reply):
    return check_answer(text, reply, services.registry)


@pytest.fixture(scope="module")
def zwolle(core_services):
    return _reply(core_services, "Hoe hoog is de NEET in {r}?", "Zwolle")


def _nl(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def test_issue_cases_are_refused(core_services, zwolle) -> None:
    own, national = (f.value for f in zwolle.facts)
    assert own != national
    swapped = (f"NEET in Zwolle is {_nl(national)}% in 2023, "
               f"{'hoger' if own < national else 'lager'} dan landelijk ({_nl(own)}%).")
    verdict = _check(core_services, swapped, zwolle)
    assert not verdict.ok and any("Zwolle 2023" in r for r in verdict.reasons), verdict.reasons
    definition = ("In Zwolle is 15% van de jongeren NEET (2023); Zwolle ligt significant "
                  f"{'hoger' if own < national else 'lager'} dan Nederland.")
    assert "15 tot 27 jaar" in " ".join(zwolle.about)
    verdict = _check(core_services, definition, zwolle)
    assert not verdict.ok and any("15%" in r for r in verdict.reasons), verdict.reasons
    reversed_words = f"Zwolle ligt {'hoger' if own < national else 'lager'} dan Nederland."
    verdict = _check(core_services, reversed_words, zwolle)
    assert not verdict.ok and any("contradicts" in r for r in verdict.reasons)


def test_issue_knowledge_invention_is_refused(core_services, ask) -> None:
    reply = ask("Wie zit er aan tafel bij het OOGO?")
    assert reply.passages and not reply.facts
    invented = ("Aan tafel zitten alleen de wethouder onderwijs en de directeur van het "
                "samenwerkingsverband.")
    verdict = _check(core_services, invented, reply)
    assert not verdict.ok and "alleen" in verdict.reasons[0], verdict.reasons
    other_party = "Bij het OOGO zitten de wethouders onderwijs en jeugd en de inspectie."
    assert "inspectie" in _check(core_services, other_party, reply).reasons[0]
    negated = "Het OOGO wordt niet voorbereid in een ambtelijk vooroverleg."
    assert not _check(core_services, negated, reply).ok
    faithful = ("Aan tafel bij het OOGO zitten bestuurders van de samenwerkingsverbanden en van "
                "de gemeenten, meestal de wethouders onderwijs en jeugd. Het OOGO wordt "
                "voorbereid in een ambtelijk vooroverleg van beleidsmedewerkers en "
                "SWV-coördinatoren.")
    verdict = _check(core_services, faithful, reply)
    assert verdict.ok, verdict.reasons
    assert verdict.sources  # the passage that supports it, so its citation is kept


@pytest.mark.parametrize("template", [
    "In 2023 was {own}% van de jongeren in Zwolle NEET ({num} van {den}). Dat is {dir} dan "
    "het landelijke cijfer van {nat}%; het verschil is statistisch significant.",
    "Met {own}% ligt Zwolle in 2023 significant {dir} dan Nederland ({nat}%).",
    "Nederland ({nat}%) ligt in 2023 significant {rev} dan Zwolle ({own}%).",
    "Zwolle: {own}% (2023), landelijk {nat}%. Het verschil is significant.",
    "In Zwolle was in 2023 {own}% van de jongeren van 15 tot 27 jaar NEET.",
])
def test_faithful_paraphrases_pass(core_services, zwolle, template) -> None:
    own, national = zwolle.facts[0], zwolle.facts[1]
    significant = zwolle.debug["claims"][0]["significant"]
    assume_direction = zwolle.debug["claims"][0]["direction"]
    if not significant:
        pytest.skip("the demo data of Zwolle is not significantly different")
    text = template.format(own=_nl(own.value), nat=_nl(national.value), num=own.numerator,
                           den=f"{own.denominator:,}".replace(",", "."), dir=assume_direction,
                           rev={"hoger": "lager", "lager": "hoger"}[assume_direction])
    verdict = _check(core_services, text, zwolle)
    assert verdict.ok, (text, verdict.reasons)


def test_other_wrong_texts_are_refused(core_services, zwolle) -> None:
    own = zwolle.facts[0]
    cases = {
        f"In Deventer was {_nl(own.value)}% NEET in 2023.": "GM0150",
        f"In Zwolle was {own.value:.0f}% NEET in 2023.": "is not that fact",
        f"In Zwolle was {_nl(own.value)}% NEET in 2022.": "2022",
        f"In Zwolle was {_nl(own.value)}% NEET in 2023. Dit is zorgwekkend.": "zorgwekkend",
        f"Zwolle had {own.denominator} van {own.numerator} jongeren NEET (2023).": "is not",
        "Zwolle ligt niet significant anders dan Nederland.": "significance",
    }
    for text, reason in cases.items():
        verdict = _check(core_services, text, zwolle)
        assert not verdict.ok and any(reason in r for r in verdict.reasons), (text, verdict)


def test_comparison_words_without_claims_fail_closed(core_services, zwolle) -> None:
    from dataclasses import replace

    without = replace(zwolle, debug={k: v for k, v in zwolle.debug.items() if k != "claims"})
    assert _check(core_services, zwolle.text, zwolle).ok
    verdict = _check(core_services, zwolle.text, without)
    assert not verdict.ok and "no computed comparison" in verdict.reasons[0]


def test_trend_words_and_years(core_services) -> None:
    reply = _reply(core_services, "Hoe heeft de NEET in {r} zich ontwikkeld?", "Zwolle")
    claim = next(c for c in reply.debug["claims"] if c["kind"] == "trend")
    said = {"up": "gestegen", "down": "gedaald"}.get(claim["direction"])
    if said is None:
        pytest.skip("flat trend in the demo data")
    other = {"gestegen": "gedaald", "gedaald": "gestegen"}[said]
    first, last = claim["from"], claim["to"]
    ok = f"De NEET in Zwolle is van {first} tot en met {last} {said}."
    assert _check(core_services, ok, reply).ok
    wrongs = [f"De NEET in Zwolle is van {first} tot en met {last} {other}.",
              f"De NEET in Zwolle is van {last} tot en met {first} {said}.",
              f"Tussen {first + 1} en {last} is de NEET in Zwolle {said}."]
    if not claim.get("significant"):
        wrongs.append(f"De NEET in Zwolle is van {first} tot en met {last} significant {said}.")
    for wrong in wrongs:
        assert not _check(core_services, wrong, reply).ok, wrong
    values = {f.year: _nl(f.value) for f in reply.facts if f.region == claim["region"]}
    listed = f"De NEET in Zwolle ging van {values[first]}% in {first} naar {values[last]}% " \
             f"in {last}."
    assert _check(core_services, listed, reply).ok
    swapped = listed.replace(values[first], "\0").replace(values[last], values[first]) \
        .replace("\0", values[last])
    assert values[first] == values[last] or not _check(core_services, swapped, reply).ok


def test_partnership_codes_are_names_of_the_answers_regions(core_services):
    """The number in "PO 27.07" is part of a name: swapped, unknown, with another partnership's
    regio, or naming a partnership the answer never named, the text is refused."""
    from tests.core.llm_cases import answer, check

    reply = answer(core_services, "value", "PO2707")
    assert "PO 27.07" in reply.text and "VO 27.08" in reply.text
    assert check(core_services, reply.text, reply).ok
    swapped = (reply.text.replace("PO 27.07", "PO @").replace("VO 27.08", "VO 27.07")
               .replace("PO @", "PO 27.08"))
    for text, why in [(swapped, "is regio"),
                      (reply.text.replace("VO 27.08", "VO 99.99"), "registry knows"),
                      (reply.text + " Het ligt in Samenwerkingsverband VO 27.07.",
                       "not a region of this answer"),
                      (reply.text + " Dat geldt ook voor samenwerkingsverband PO 7.264.",
                       "registry knows")]:
        verdict = check(core_services, text, reply)
        assert not verdict.ok and any(why in r for r in verdict.reasons), (text, verdict.reasons)


def test_a_value_on_the_rounding_boundary_is_only_the_number_shown(core_services):
    """A value of 3,45 is shown as "3,5"; "3,4" is not that value rounded another way but a
    different fact's (found by the property test: Deventer's list of relative risks, where the
    national vsv figure 3,45 was rewritten as the national vso figure 3,4 and passed)."""
    from indicators import formatting as fm

    reply = _reply(core_services, "Relatief risico op NEET in {r}", "Deventer")
    edges = [f for f in reply.facts if f.value is not None
             and abs(f.value * 10 - int(f.value * 10) - 0.5) < 1e-6]
    assert edges, "the demo figures have a value on the boundary (e.g. 3,45)"
    for fact in edges:
        shown = fm.bare(fact.value, fact.unit, "nl")
        other = fm.number(round(fact.value, 1) - 0.1, 1, "nl")
        assert shown in reply.text and _check(core_services, reply.text, reply).ok
        assert not _check(core_services, reply.text.replace(shown, other), reply).ok, other
