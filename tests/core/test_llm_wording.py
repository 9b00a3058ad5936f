"""The claim check against the answers' current wording: relevance, trends beside Nederland's,
the rest of a samenwerkingsverband, breakdowns with the national figure, intervals, positions.

Every case takes a real template answer, picked by what it claims (``tests/core/llm_cases``),
writes what an LLM could make of it from the answer's own facts, and expects the faithful texts
to pass and the wrong ones to be refused for the right reason.
"""

from __future__ import annotations

import pytest

from tests.core.llm_cases import answers, check, count, fact, find, name, shown


def _refused(services, reply, text: str, reason: str) -> None:
    verdict = check(services, text, reply)
    assert not verdict.ok and any(reason in r for r in verdict.reasons), (text, verdict.reasons)


def _passes(services, reply, text: str) -> None:
    verdict = check(services, text, reply)
    assert verdict.ok, (text, verdict.reasons)


def _value_pair(services, reply, claim):
    own, other = fact(reply, claim["a"]), fact(reply, claim["b"])
    return name(services, claim["a"]), shown(own.value), shown(other.value), own, other


# -- relevance: "hoger" only for a significant and relevant difference ---------------------------
def test_significant_but_small_difference(core_services) -> None:
    found = find(core_services, "national",
                 lambda c: c["kind"] == "compare" and c["significant"] and not c["relevant"])
    assert found, "no significant but small difference among the test regions"
    reply, claim = found
    region, own, national, own_fact, nl_fact = _value_pair(core_services, reply, claim)
    assert claim["direction"] == "gelijk"
    _passes(core_services, reply, reply.text)
    raw = "hoger" if own_fact.value > nl_fact.value else "lager"
    _passes(core_services, reply,
            f"Met {own}% ligt {region} ongeveer gelijk aan Nederland ({national}%): het verschil "
            "is statistisch significant, maar kleiner dan een tiende van het laagste cijfer.")
    _passes(core_services, reply, f"{region} ligt ongeveer gelijk aan Nederland; het verschil "
                                  "is statistisch significant, maar klein.")
    _refused(core_services, reply, f"{region} ligt {raw} dan Nederland ({national}%); het "
                                   "verschil is statistisch significant.", "contradicts")
    _refused(core_services, reply, f"{region} ligt ongeveer gelijk aan Nederland; het verschil "
                                   "is statistisch significant en minstens een tiende van het "
                                   "laagste cijfer.", "relevance")
    _refused(core_services, reply, f"{region} ligt ongeveer gelijk aan Nederland; het verschil "
                                   "is niet statistisch significant.", "significance")
    _refused(core_services, reply, f"{region} ligt ongeveer gelijk aan Nederland; het verschil "
                                   "is statistisch significant, maar te klein om "
                                   f"{raw} te noemen.", "cannot be checked")
    _refused(core_services, reply, f"{region} heeft het laagste cijfer.", "laagste")


def test_significant_and_relevant_difference(core_services) -> None:
    found = find(core_services, "national",
                 lambda c: c["kind"] == "compare" and c["direction"] in ("hoger", "lager"))
    assert found
    reply, claim = found
    region, own, national, *_ = _value_pair(core_services, reply, claim)
    said = claim["direction"]
    _passes(core_services, reply, f"{region} ({own}%) ligt {said} dan Nederland ({national}%); "
                                  "dat verschil is minstens een tiende van het laagste cijfer en "
                                  "statistisch significant.")
    _refused(core_services, reply, f"{region} ligt {said} dan Nederland; het verschil is "
                                   "statistisch significant, maar kleiner dan een tiende.",
             "relevance")
    _refused(core_services, reply, f"Het verschil tussen {region} en Nederland is klein.",
             "relevance")
    _refused(core_services, reply, f"{region} ligt ongeveer gelijk aan Nederland.",
             "contradicts")


def test_english_relevance_wording(core_services) -> None:
    found = find(core_services, "national", lambda c: c["kind"] == "compare"
                 and c["significant"] and not c["relevant"], lang="en")
    assert found
    reply, claim = found
    region = name(core_services, claim["a"], "en")
    _passes(core_services, reply, reply.text)
    _passes(core_services, reply, f"{region} is about the same as the Netherlands; the "
                                  "difference is statistically significant, but smaller than a "
                                  "tenth of the smaller figure.")
    _refused(core_services, reply, f"{region} is about the same as the Netherlands; the "
                                   "difference is at least a tenth of the smaller figure.",
             "relevance")


# -- trends: judged change, Nederland's two figures, the development against Nederland -----------
def test_flat_trend_is_about_the_same(core_services) -> None:
    found = find(core_services, "trend", lambda c: c["kind"] == "trend"
                 and c["direction"] == "flat")
    assert found, "no flat trend among the test regions"
    reply, claim = found
    region, first, last = name(core_services, claim["region"]), claim["from"], claim["to"]
    _passes(core_services, reply, reply.text)
    _passes(core_services, reply, f"In {region} is het jeugdzorggebruik van {first} tot en met "
                                  f"{last} ongeveer gelijk gebleven.")
    for word in ("gestegen", "gedaald"):
        _refused(core_services, reply, f"In {region} is het jeugdzorggebruik van {first} tot en "
                                       f"met {last} {word}.", "contradicts")
    wrong = "niet statistisch significant" if claim["significant"] else \
        "statistisch significant en minstens een tiende"
    _refused(core_services, reply, f"Van {first} tot en met {last} is het in {region} ongeveer "
                                   f"gelijk gebleven; de verandering is {wrong}.", "")


def test_nederland_first_and_last_figure(core_services) -> None:
    for lang, template in (("nl", "In Nederland ging het van {a}% in {y1} naar {b}% in {y2}."),
                           ("en", "In the Netherlands it went from {a}% in {y1} to {b}% "
                                  "in {y2}.")):
        reply = next(answers(core_services, "trend_neet", lang))
        claim = next(c for c in reply.debug["claims"] if c["kind"] == "trend")
        y1, y2 = claim["from"], claim["to"]
        a = shown(fact(reply, "NL01", year=y1).value, lang)
        b = shown(fact(reply, "NL01", year=y2).value, lang)
        _passes(core_services, reply, template.format(a=a, b=b, y1=y1, y2=y2))
        if a != b:
            _refused(core_services, reply, template.format(a=b, b=a, y1=y1, y2=y2),
                     "is not that fact")
        own = shown(fact(reply, claim["region"], year=y1).value, lang)
        if own != a:
            _refused(core_services, reply, template.format(a=own, b=b, y1=y1, y2=y2),
                     "is not that fact")
    _refused(core_services, next(answers(core_services, "trend_neet")),
             "In Nederland is het gedaald.", "no computed trend")


DEVELOPMENT = {("up", "up", "hoger"): "sterker gestegen dan in Nederland",
               ("up", "up", "lager"): "minder sterk gestegen dan in Nederland",
               ("down", "down", "hoger"): "minder sterk gedaald dan in Nederland",
               ("down", "down", "lager"): "sterker gedaald dan in Nederland",
               ("up", "down", "hoger"): "gestegen, terwijl het in Nederland daalde",
               ("down", "up", "lager"): "gedaald, terwijl het in Nederland steeg"}


def _development(claim: dict) -> str:
    return DEVELOPMENT[(claim["change"], claim["other_change"], claim["direction"])]


def test_development_against_nederland(core_services) -> None:
    found = find(core_services, "trend", lambda c: c["kind"] == "trend_vs"
                 and c["direction"] in ("hoger", "lager"))
    assert found, "no development that differs from Nederland's among the test regions"
    reply, claim = found
    region = name(core_services, claim["region"])
    _passes(core_services, reply, reply.text)
    _passes(core_services, reply, f"In {region} is het {_development(claim)}; dat verschil in "
                                  "ontwikkeling is statistisch significant.")
    turned = dict(claim, direction={"hoger": "lager", "lager": "hoger"}[claim["direction"]])
    if (turned["change"], turned["other_change"], turned["direction"]) in DEVELOPMENT:
        _refused(core_services, reply, f"In {region} is het {_development(turned)}.",
                 "contradicts")
    other = {"up": "down", "down": "up"}
    raw = dict(claim, other_change=other[claim["other_change"]])
    if (raw["change"], raw["other_change"], raw["direction"]) in DEVELOPMENT:
        _refused(core_services, reply, f"In {region} is het {_development(raw)}.", "change")
    _refused(core_services, reply, f"De ontwikkeling in {region} is ongeveer gelijk aan die in "
                                   "Nederland.", "contradicts")
    _refused(core_services, reply, f"De ontwikkeling in {region} is ongeveer gelijk aan die in "
                                   "Nederland. Dat verschil in ontwikkeling is niet "
                                   "statistisch significant.", "significance")


def test_raw_change_is_no_judged_trend(core_services) -> None:
    """"In Amsterdam is het gedaald, terwijl het in Nederland steeg" compares two changes; alone,
    "gedaald" is the region's own judged trend, which may be flat."""
    found = find(core_services, "trend", lambda c: c["kind"] == "trend_vs"
                 and c["direction"] in ("hoger", "lager"))
    reply, claim = found
    trend = next(c for c in reply.debug["claims"] if c["kind"] == "trend")
    region = name(core_services, claim["region"])
    word = {"up": "gestegen", "down": "gedaald"}[claim["change"]]
    text = f"In {region} is het {word}."
    assert check(core_services, text, reply).ok is (trend["direction"] == claim["change"])
    _refused(core_services, reply, f"In {region} is het {word}, net als in Nederland.",
             "" if trend["direction"] != claim["change"] else "no computed trend")


def test_development_the_same_as_nederland(core_services) -> None:
    found = find(core_services, "trend", lambda c: c["kind"] == "trend_vs"
                 and c["direction"] == "gelijk")
    assert found
    reply, claim = found
    region = name(core_services, claim["region"])
    _passes(core_services, reply, reply.text)
    _passes(core_services, reply, f"De ontwikkeling in {region} is ongeveer gelijk aan die in "
                                  "Nederland.")
    word = {"up": "gestegen", "down": "gedaald"}[claim["change"]]
    _refused(core_services, reply, f"In {region} is het sterker {word} dan in Nederland.",
             "contradicts")


# -- the rest of the samenwerkingsverband: named with its counts, tested, not a Fact ------------
def _rest(core_services, lang: str = "nl"):
    for kind in ("swv_total", "swv"):
        found = find(core_services, kind, lambda c: bool(c.get("groups")), lang=lang)
        if found:
            return found
    raise AssertionError("no gemeente with a partnership of more than itself")


def test_rest_of_the_partnership(core_services) -> None:
    reply, claim = _rest(core_services)
    code, group = next(iter(claim["groups"].items()))
    region, swv = name(core_services, claim["a"]), name(core_services, group["region"])
    own, whole = fact(reply, claim["a"]), fact(reply, group["region"])
    num, den = count(group["numerator"]), count(group["denominator"])
    said = {"hoger": "hoger dan", "lager": "lager dan", "gelijk": "ongeveer gelijk aan"}[
        claim["direction"]]
    assert not any(f.region == code for f in reply.facts)  # named, not a Fact
    _passes(core_services, reply, reply.text)
    _passes(core_services, reply, f"{region} ligt {said} de rest van het samenwerkingsverband, "
                                  f"zonder {region} ({num} van {den}).")
    _passes(core_services, reply, f"{swv}: {shown(whole.value)}%. Getoetst is tegen de rest "
                                  f"van het samenwerkingsverband ({num} van {den}).")
    # the test was against the rest, not against the partnership's published figure
    _refused(core_services, reply, f"{region} ligt {said} {swv} ({shown(whole.value)}%).",
             "no computed comparison")
    _refused(core_services, reply, f"{region} ligt {said} het samenwerkingsverband.",
             "no computed comparison")
    # the rest's counts belong to the rest
    _refused(core_services, reply, f"In {region}: {num} van {den}.", "is not that fact")
    _refused(core_services, reply, f"{swv}: {num} van {den}.", "is not that fact")
    _refused(core_services, reply, f"De rest van het samenwerkingsverband, zonder {region}: "
                                   f"{den} van {num}.", "is not that fact")
    _refused(core_services, reply, f"De rest van het samenwerkingsverband, zonder {region}: "
                                   f"{count(own.numerator)} van {count(own.denominator)}.",
             "is not that fact")
    # invented counts for the rest: one more in the numerator, another denominator
    _refused(core_services, reply, f"De rest van het samenwerkingsverband, zonder {region}: "
                                   f"{count(group['numerator'] + 1)} van {den}.",
             "is not that fact")
    _refused(core_services, reply, f"Getoetst is tegen de rest van het samenwerkingsverband "
                                   f"({num} van {count(group['denominator'] * 2)}).",
             "is not that fact")
    rest_value = shown(100 * group["numerator"] / group["denominator"])
    _refused(core_services, reply, f"De rest van het samenwerkingsverband, zonder {region}, "
                                   f"zit op {rest_value}%.", "is not that fact")


def test_rest_of_the_partnership_in_english(core_services) -> None:
    reply, claim = _rest(core_services, "en")
    group = next(iter(claim["groups"].values()))
    region = name(core_services, claim["a"], "en")
    said = {"hoger": "higher than", "lager": "lower than", "gelijk": "about the same as"}[
        claim["direction"]]
    _passes(core_services, reply, reply.text)
    _passes(core_services, reply, f"{region} is {said} the rest of the partnership, without "
                                  f"{region} ({count(group['numerator'], 'en')} of "
                                  f"{count(group['denominator'], 'en')}).")


# -- breakdowns with the national figure beside each line ---------------------------------------
@pytest.mark.parametrize("kind", ["onderwijssoort", "zorgtype", "risks"])
def test_breakdown_line_with_national_figure(core_services, kind) -> None:
    reply = next(answers(core_services, kind))
    _passes(core_services, reply, reply.text)
    lines = [line for line in reply.text.splitlines() if line.startswith("- ")]
    national = "(landelijk "
    swapped = 0
    for line in lines:
        own_text, _, rest = line.partition(national)
        head, _, own_value = own_text.rstrip().rpartition(": ")
        nl_value = rest.rstrip(")")
        if own_value.split()[0] == nl_value.split()[0]:
            continue
        text = reply.text.replace(line, f"{head}: {nl_value} {national}{own_value})")
        _refused(core_services, reply, text, "is not that fact")
        swapped += 1
    assert swapped


def test_highest_category_is_the_highest(core_services) -> None:
    reply = next(answers(core_services, "onderwijssoort"))
    region = reply.facts[0].region
    own = sorted((f for f in reply.facts if f.region == region and f.value is not None),
                 key=lambda f: f.value)
    from bot.core.answers import labels as lb

    top, bottom = (lb.category_label(core_services.catalog, f.category, "nl", f.indicator)
                   for f in (own[-1], own[0]))
    place = name(core_services, region)
    _passes(core_services, reply, f"In {place} is het het hoogst bij {top}: "
                                  f"{shown(own[-1].value)}%.")
    _passes(core_services, reply, f"In {place} is het het laagst bij {bottom}.")
    _refused(core_services, reply, f"In {place} is het het hoogst bij {bottom}.", "highest")
    _refused(core_services, reply, f"In {place} is het het laagst bij {top}.", "lowest")


# -- intervals, positions, labels ----------------------------------------------------------------
def test_interval_bounds_only_as_interval(core_services) -> None:
    reply, claim = find(core_services, "risk_pro", lambda c: c["kind"] == "interval")
    region = name(core_services, claim["region"])
    low, high = shown(claim["low"], unit="x"), shown(claim["high"], unit="x")
    value = shown(fact(reply, claim["region"]).value, unit="x")
    _passes(core_services, reply, reply.text)
    _passes(core_services, reply, f"Het relatief risico in {region} is {value} keer, met een "
                                  f"betrouwbaarheidsinterval van {low} tot {high} keer.")
    _refused(core_services, reply, f"Het relatief risico in {region} is {low} keer.",
             "is not that fact")
    _refused(core_services, reply, f"Landelijk is het betrouwbaarheidsinterval {low} tot "
                                   f"{high} keer.", "is not that fact")


def test_rank_and_standing(core_services) -> None:
    reply, claim = find(core_services, "position", lambda c: c["kind"] == "position")
    region, rank, n = name(core_services, claim["region"]), claim["rank"], claim["n"]
    _passes(core_services, reply, reply.text)
    _passes(core_services, reply, f"{region} staat op plaats {rank} van de {n} gemeenten.")
    _refused(core_services, reply, f"{region} staat op plaats {n} van de {rank} gemeenten.",
             "is not that fact")
    _refused(core_services, reply, f"{region} heeft {rank} gemeenten.", "is not that fact")
    wrong = "laagste" if claim["standing"] != "bottom" else "hoogste"
    _refused(core_services, reply, f"Daarmee hoort {region} bij de {wrong} vijf procent van de "
                                   "gemeenten.", "standing")


def test_label_numbers_keep_their_phrase(core_services) -> None:
    reply = next(answers(core_services, "national", "en"))
    label = next(line for line in reply.text.splitlines() if "aged 0 to 22" in line)
    _passes(core_services, reply, label)
    _refused(core_services, reply, label.replace("aged 0 to 22", "aged 22 to 0"), "number")
    risks = next(answers(core_services, "risk_pro"))
    assert "3 keer betekent" in " ".join(risks.about)
    region = name(core_services, risks.facts[0].region)
    if shown(risks.facts[0].value, unit="x") != "3,0":
        _refused(core_services, risks, f"In {region} is het relatief risico 3 keer.",
                 "is not that fact")


def test_quantity_words_are_no_comparison(core_services) -> None:
    reply = next(answers(core_services, "zorgtype"))
    assert "meer dan één zorgtype" in reply.text
    _passes(core_services, reply, "Een jongere kan meer dan één zorgtype hebben.")
