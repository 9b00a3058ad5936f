"""Figure answers a policy advisor can trust: the tested figure is the one shown, levels without
figures are explained, small numbers stay hidden, breakdowns are sorted with the national value.

The answers are built from an ``Understanding`` (what the understanding layer hands over), so
these tests pin the rendering whatever wording a user chooses. Every expected number is read
from the engine, never written here.
"""

from __future__ import annotations

import re

import pytest

from bot.core.answers.indicator import answer_indicator
from bot.core.understanding.model import Understanding
from indicators import formatting as fm


def _answer(services, **slots):
    slots.setdefault("intent", "compare" if slots.get("mode") not in (None, "value")
                     else "indicator")
    return answer_indicator(Understanding(**slots), services, charts=False)


def test_amsterdam_against_its_vo_partnership_shows_the_rest(core_services):
    """The partnership's published figure is the fact; the tested rest (a derived group, no
    published figure) is named in the text with its counts, and the verdict is about the rest."""
    engine = core_services.indicators
    reply = _answer(core_services, indicator="jeugdzorg", category="totaal", mode="swv",
                    regions=["GM0363", "VO2708"])
    cmp = engine.compare("jeugdzorg", "GM0363", "VO2708")
    rest, whole = cmp.reference, cmp.b
    assert rest.excluding == "GM0363"
    text = reply.text
    assert "de rest van het samenwerkingsverband, zonder Amsterdam" in text
    assert fm.counts_text(rest).strip(" ()") in text
    assert fm.value_text(whole) in text  # the published figure of the whole partnership
    if fm.value_text(whole) != fm.value_text(rest):
        assert fm.value_text(rest) not in text  # the rest is no published figure: counts only
    facts = {(f.region, f.excluding): f for f in reply.facts}
    assert facts[("VO2708", None)].value == whole.value
    assert ("VO2708", "GM0363") not in facts
    word = {"hoger": "ligt hoger", "lager": "ligt lager"}.get(cmp.direction, "ongeveer gelijk")
    assert word in text
    assert reply.debug["tests"][0]["excluding"] == "GM0363"


def test_deventer_partnership_is_deventer_alone(core_services):
    engine = core_services.indicators
    registry = core_services.registry
    deventer = registry.get("GM0150")
    assert [m.code for m in registry.members(deventer.swv_vo)] == ["GM0150"]  # regions.csv
    reply = _answer(core_services, indicator="neet", category="totaal", mode="swv",
                    regions=["GM0150", deventer.swv_vo])
    assert "bestaat alleen uit Deventer" in reply.text
    assert "vergelijken met het samenwerkingsverband kan niet" in reply.text
    national = engine.compare("neet", "GM0150", "NL01")
    assert f"Nederland ({fm.value_text(national.b)})" in reply.text  # compared with NL instead
    assert all(t["other"] != deventer.swv_vo for t in reply.debug["tests"])


def test_staphorst_small_relative_risks_name_the_factor(core_services):
    engine = core_services.indicators
    reply = _answer(core_services, indicator="neet_rr", regions=["GM0180"], mode="value")
    values = engine.breakdown("neet_rr", "GM0180", dimension="risicofactor")
    hidden = [v for v in values if v.value is None]
    shown = [v for v in values if v.value is not None]
    assert hidden and shown
    lines = reply.text.splitlines()
    for value in hidden:
        name = engine.catalog["neet_rr"].category_label(value.category)
        line = next(line for line in lines if line.startswith(f"- {name}:"))
        assert "minder dan 10 jongeren" in line and "landelijk" in line
    numbers = [float(m.replace(",", ".")) for m in re.findall(r"- .*?: (\d+,\d) keer", reply.text)]
    assert numbers == sorted(numbers, reverse=True)  # highest first
    assert all(re.search(r"\d,\d keer", line) for line in lines if line.startswith("- ")
               and "minder dan 10" not in line)
    single = _answer(core_services, indicator="neet_rr", category=hidden[0].category,
                     regions=["GM0180"], mode="value")
    factor = engine.catalog["neet_rr"].background(hidden[0].category)
    assert f"jongeren met {factor}" in single.text and "minder dan 10 jongeren" in single.text


def test_neet_for_a_po_partnership_explains_and_answers_the_vo_partnership(core_services):
    engine = core_services.indicators
    reply = _answer(core_services, indicator="neet", category="totaal", mode="value",
                    regions=["PO2001"])
    alternatives = engine.alternatives("neet", "PO2001")
    assert "niet per samenwerkingsverband PO gepubliceerd" in reply.text
    assert {f.region for f in reply.facts} >= {alternatives[0]}
    assert not any(f.region.startswith("PO") for f in reply.facts)
    value = engine.lookup("neet", alternatives[0])
    assert fm.value_text(value) in reply.text
    assert any(b.value.endswith(alternatives[1]) for b in reply.buttons)


def test_vo_figures_are_not_given_for_a_po_partnership_in_a_breakdown(core_services):
    reply = _answer(core_services, indicator="jeugdzorg", mode="breakdown", regions=["PO2707"],
                    query="jeugdzorg per onderwijssoort")
    categories = {f.category for f in reply.facts}
    assert categories == {"po", "sbo", "so"}
    assert "Niet per samenwerkingsverband PO gepubliceerd:" in reply.text


def test_breakdown_sorted_with_national_value(core_services):
    engine = core_services.indicators
    reply = _answer(core_services, indicator="jeugdzorg", mode="breakdown", regions=["GM0193"],
                    query="welke onderwijssoort heeft de meeste jeugdzorg")
    values = sorted(engine.breakdown("jeugdzorg", "GM0193", dimension="onderwijssoort"),
                    key=lambda v: -(v.value or 0))
    lines = [line for line in reply.text.splitlines() if line.startswith("- ")]
    assert len(lines) == len(values)
    for line, value in zip(lines, values, strict=True):
        national = engine.lookup("jeugdzorg", "NL01", value.category)
        label = engine.catalog["jeugdzorg"].category_label(value.category)
        assert line == f"- {label}: {fm.value_text(value)} (landelijk {fm.value_text(national)})"
    assert "deel van de leerlingen van die onderwijssoort" in reply.text


def test_breakdown_against_the_partnership_sets_its_own_swv_beside_each_category(
        core_services):
    """"Per onderwijssoort, vergeleken met het samenwerkingsverband": each line carries the
    figure of the gemeente's own partnership for that category (PO for po, sbo and so; VO for
    the others), not Nederland's, which was shown before while the SWV was silently dropped."""
    engine = core_services.indicators
    reply = _answer(core_services, indicator="jeugdzorg", mode="breakdown", regions=["GM0193"],
                    target="swv", query="jeugdzorg per onderwijssoort vergeleken met het swv")
    lines = [line for line in reply.text.splitlines() if line.startswith("- ")]
    values = engine.breakdown("jeugdzorg", "GM0193", dimension="onderwijssoort")
    assert len(lines) == len(values)
    for value in values:
        swv = engine.swv_for("GM0193", value.category)
        other = engine.lookup("jeugdzorg", swv, value.category)
        label = engine.catalog["jeugdzorg"].category_label(value.category)
        assert f"- {label}: {fm.value_text(value)} (swv {swv[:2].lower()} " \
               f"{fm.value_text(other)})" in lines
        assert any(f.region == swv and f.category == value.category for f in reply.facts)
    assert "landelijk" not in reply.text
    assert not any("samenwerkingsverband?" in f for f in reply.followups)
    assert "En landelijk?" in reply.followups


def test_breakdown_against_a_partnership_of_the_gemeente_alone_says_so(core_services):
    """Deventer is both its partnerships on its own: Nederland stays beside each category, and
    the answer says why the partnership is not."""
    reply = _answer(core_services, indicator="jeugdzorg", mode="breakdown", regions=["GM0150"],
                    target="swv", query="jeugdzorg per onderwijssoort vergeleken met het swv")
    assert "(landelijk " in reply.text
    assert reply.text.count("bestaat alleen uit Deventer") == 2


def test_breakdown_of_two_places_sets_the_second_beside_the_first(core_services):
    engine = core_services.indicators
    reply = _answer(core_services, indicator="jeugdzorg", mode="breakdown",
                    regions=["GM0193", "GM0150"], target="region",
                    query="jeugdzorg per onderwijssoort in Zwolle en Deventer")
    for value in engine.breakdown("jeugdzorg", "GM0193", dimension="onderwijssoort"):
        other = engine.lookup("jeugdzorg", "GM0150", value.category)
        assert f"{fm.value_text(value)} (Deventer {fm.value_text(other)})" in reply.text
    assert "met het cijfer van Deventer erachter" in reply.text


def test_breakdown_of_three_places_sets_both_others_beside_the_first(core_services):
    """"jeugdzorg per onderwijssoort in Zwolle, Deventer en Kampen": Kampen was silently
    dropped; both other places now stand beside each category, each figure a fact."""
    engine = core_services.indicators
    reply = _answer(core_services, indicator="jeugdzorg", mode="breakdown",
                    regions=["GM0193", "GM0150", "GM0166"], target="region",
                    query="jeugdzorg per onderwijssoort in Zwolle, Deventer en Kampen")
    assert "met het cijfer van Deventer en Kampen erachter" in reply.text
    for value in engine.breakdown("jeugdzorg", "GM0193", dimension="onderwijssoort"):
        deventer = engine.lookup("jeugdzorg", "GM0150", value.category)
        kampen = engine.lookup("jeugdzorg", "GM0166", value.category)
        assert f"{fm.value_text(value)} (Deventer {fm.value_text(deventer)}; " \
               f"Kampen {fm.value_text(kampen)})" in reply.text
        assert any(f.region == "GM0166" and f.category == value.category for f in reply.facts)


@pytest.mark.parametrize("code", ["VO2305", "NL01"])
def test_breakdown_of_no_gemeente_against_the_partnership_says_why_none_is_beside(
        core_services, code):
    """A partnership or Nederland has no own partnership to set beside: it was silently left
    out (Nederland's figure, or nothing), as if the question had not asked for it."""
    reply = _answer(core_services, indicator="jeugdzorg", mode="breakdown", regions=[code],
                    target="swv", query="jeugdzorg per onderwijssoort vergeleken met het swv")
    name = core_services.registry.get(code).name
    assert f"kan alleen bij een gemeente; {name} is geen gemeente" in reply.text
    assert "(swv " not in reply.text


def test_breakdown_against_the_po_partnership_says_which_lines_have_none(core_services):
    """"vergeleken met het swv po": the vo, vso, pro and mbo lines have no figure beside them,
    and the answer says why instead of leaving them bare without a word."""
    engine = core_services.indicators
    reply = _answer(core_services, indicator="jeugdzorg", mode="breakdown", regions=["GM0193"],
                    target="swv_po", query="jeugdzorg per onderwijssoort vergeleken met swv po")
    definition = engine.catalog["jeugdzorg"]
    bare = [definition.category_label(c) for c in ("vo", "vso", "pro", "mbo")]
    line = next(x for x in reply.text.splitlines() if x.startswith("Bij "))
    assert all(label in line for label in bare)
    assert f"{bare[-2]} en {bare[-1]} staat" in line
    assert "primair onderwijs (po)" not in line
    assert "Samenwerkingsverband PO 23.05 (regio Zwolle-Kampen) heeft daar geen cijfer" in line


def test_breakdown_names_no_highest_category_when_some_are_hidden(core_services):
    """Schiermonnikoog's small groups are hidden: one of them may be the highest, so the
    answer does not say which category is (it named the only one with a figure)."""
    engine = core_services.indicators
    code = core_services.registry.resolve("Schiermonnikoog").region.code
    values = engine.breakdown("jeugdzorg", code, dimension="onderwijssoort")
    assert any(v.value is None for v in values) and any(v.value is not None for v in values)
    reply = _answer(core_services, indicator="jeugdzorg", mode="breakdown", regions=[code],
                    query="jeugdzorg per onderwijssoort")
    assert "Het hoogst" not in reply.text and "minder dan 10" in reply.text
    full = _answer(core_services, indicator="jeugdzorg", mode="breakdown", regions=["GM0193"],
                   query="jeugdzorg per onderwijssoort")
    assert "Het hoogst" in full.text


def test_an_answer_for_the_own_region_in_place_of_an_unnamed_one_says_so(core_services):
    reply = _answer(core_services, indicator="neet", regions=["GM0307"], profile_assumed=True,
                    origins={"regions": "profile"})
    assert reply.text.startswith("Je vraag noemt geen plaats die ik ken, dus ik laat de "
                                 "cijfers van je eigen regio zien: Amersfoort.")
    named = _answer(core_services, indicator="neet", regions=["GM0307"],
                    origins={"regions": "question"})
    assert "eigen regio" not in named.text


def test_jeugdhulp_is_answered_as_jeugdhulp(core_services):
    engine = core_services.indicators
    reply = _answer(core_services, indicator="jeugdzorg", category=None, regions=["GM0363"],
                    asked_term="jeugdhulp")
    for category in ("jeugdhulp_zonder_verblijf", "jeugdhulp_met_verblijf"):
        assert fm.value_text(engine.lookup("jeugdzorg", "GM0363", category)) in reply.text
    assert "jeugdbescherming en jeugdreclassering" in reply.text
    total = engine.lookup("jeugdzorg", "GM0363")
    assert fm.value_text(total) in reply.text
    trend = _answer(core_services, indicator="jeugdzorg", category=None, regions=["GM0363"],
                    asked_term="jeugdhulp", mode="national")
    assert "dit cijfer is jeugdzorg" in trend.text


@pytest.mark.parametrize("code", ["GM0363", "GM0193"])
def test_trend_is_judged_and_set_against_nederland(core_services, code):
    engine = core_services.indicators
    reply = _answer(core_services, intent="trend", indicator="jeugdzorg", category="totaal",
                    mode="trend", regions=[code])
    trend = engine.trend("jeugdzorg", code)
    words = {"gestegen": "is het gestegen", "gedaald": "is het gedaald",
             "stabiel": "ongeveer gelijk gebleven"}
    assert words[trend.direction] in reply.text
    national = engine.trend("jeugdzorg", "NL01")
    assert f"In Nederland ging het van {fm.value_text(national.values[0])}" in reply.text
    kinds = [t["kind"] for t in reply.debug["tests"]]
    assert kinds == ["trend", "trend_vs"]


def test_trend_chart_has_region_swv_and_nederland(core_services):
    from bot.core.answers.context import Context, Draft
    from bot.core.answers.series import trend_lines

    draft = Draft()
    ctx = Context(core_services.indicators, core_services.registry, "nl", True, draft)
    trend_lines(ctx, Understanding(intent="trend", indicator="neet", mode="trend",
                                   regions=["GM0193"]), "totaal", None)
    assert [t.region for t in draft.series] == ["GM0193", "VO2305", "NL01"]


def test_english_labels_and_numbers(core_services):
    reply = _answer(core_services, indicator="neet_rr", category="pro", regions=["GM0193"],
                    language="en")
    assert "times" in reply.text and not re.search(r"\d,\d", reply.text)


def test_named_po_partnership_in_a_comparison_is_replaced_by_its_own_alternative(core_services):
    engine = core_services.indicators
    reply = _answer(core_services, indicator="neet", category="totaal", mode="regions",
                    regions=["GM0363", "PO2001"])
    substitute = engine.alternatives("neet", "PO2001")[0]
    assert {f.region for f in reply.facts} >= {"GM0363", substitute}
    assert "VO2708" not in {f.region for f in reply.facts}  # not Amsterdam's own partnership
