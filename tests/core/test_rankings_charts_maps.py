"""Rankings of samenwerkingsverbanden, charts and maps asked for after a figure answer, and
knowledge questions about a partnership's bodies after a figure answer.

"welke samenwerkingsverbanden scoren het hoogst?" got the figure of one partnership; "en in een
grafiek?" went to the documents and "zet het op een kaart" was refused; "Wie zit er in de OPR
van het samenwerkingsverband?" got a clarifying question and "Wie zit er in het bestuur van het
samenwerkingsverband?" a comparison with the partnership."""

from __future__ import annotations

import pytest

from bot.core.understanding import lexicon as lx

NO_MAP = "Een kaart kan ik niet maken."


def _swvs(reply, prefix: str = "") -> set[str]:
    return {f.region for f in reply.facts if f.region[:2] in ("PO", "VO")
            and f.region.startswith(prefix)}


def test_a_ranking_of_partnerships(ask) -> None:
    ask("NEET in SWV VO 23.05", conv="u8-rank")
    reply = ask("welke samenwerkingsverbanden scoren het hoogst?", conv="u8-rank")
    assert reply.intent == "compare" and len(_swvs(reply, "VO")) == 10
    assert reply.text.startswith("De tien samenwerkingsverbanden VO met de hoogste")
    again = ask("en in 2020?", conv="u8-rank")
    assert len(_swvs(again)) == 10 and {f.year for f in again.facts} == {2020}
    back = ask("welke gemeenten?", conv="u8-rank")
    assert not _swvs(back) and len({f.region for f in back.facts}) == 11


def test_the_kind_of_partnership_follows_the_question_or_the_conversation(ask) -> None:
    typed = ask("Welke samenwerkingsverbanden po hebben de hoogste jeugdzorg in het so?")
    assert len(_swvs(typed, "PO")) == 10
    ask("Jeugdzorg in samenwerkingsverband PO 23.05", conv="u8-kind")
    reply = ask("Welke samenwerkingsverbanden hebben de hoogste jeugdzorg?", conv="u8-kind")
    assert len(_swvs(reply, "PO")) == 10
    neet = ask("Welke samenwerkingsverbanden hebben de hoogste NEET?")
    assert len(_swvs(neet, "VO")) == 10  # NEET is published for VO partnerships only


def test_lowest_first_also_for_het_laagst(ask) -> None:
    for question in ("Welk samenwerkingsverband heeft de laagste NEET?",
                     "welke swv's scoren het laagst op NEET?"):
        reply = ask(question)
        values = [f.value for f in reply.facts if f.region != "NL01"]
        assert values == sorted(values), question


def test_a_ranking_within_a_partnership_ranks_its_gemeenten(ask, core_services) -> None:
    reply = ask("welke gemeenten in SWV VO 23.05 hebben de hoogste NEET?")
    members = {r.code for r in core_services.registry.members("VO2305")}
    gemeenten = {f.region for f in reply.facts if f.region.startswith("GM")}
    assert gemeenten and gemeenten <= members
    assert "VO2305" in {f.region for f in reply.facts}


def test_a_partnership_question_without_a_superlative_is_no_ranking(ask) -> None:
    reply = ask("Welk samenwerkingsverband hoort bij Zwolle?")
    assert reply.intent != "compare" or len(_swvs(reply)) < 2


@pytest.mark.parametrize(("text", "kind"), [
    ("zet het op een kaart", "map"), ("kan ik dit op een landkaart zien", "map"),
    ("show it on a map", "map"), ("en in een grafiek?", "chart"),
    ("als staafdiagram graag", "chart"), ("can you chart that", "chart"),
    ("breng het in kaart", None), ("de menukaart van het oogo", None),
])
def test_words_for_a_chart_or_a_map(text, kind) -> None:
    found = "map" if lx.MAP_WORDS.search(text) else (
        "chart" if lx.CHART_WORDS.search(text) else None)
    assert found == kind


@pytest.fixture
def ask_with_charts(core_services):
    from bot.core.messages import IncomingMessage
    from bot.core.state import InMemoryStateStore
    from bot.services import build_assistant

    assistant = build_assistant(core_services, store=InMemoryStateStore(), charts=True)

    def _ask(text: str, conv: str):
        return assistant.handle(IncomingMessage(channel="test", conversation_id=conv,
                                                user_id="tester", text=text))

    return _ask


def test_a_chart_asked_after_a_figure_gives_the_figure_with_its_chart(ask_with_charts) -> None:
    for first, last in (("NEET in Zwolle", "en in een grafiek?"),
                        ("Jeugdzorg in Deventer", "kun je dat als grafiek laten zien?"),
                        ("What is the NEET rate in Utrecht?", "can you show that as a chart?")):
        conv = f"u8-chart-{last}"
        ask_with_charts(first, conv)
        reply = ask_with_charts(last, conv)
        assert reply.intent in ("indicator", "compare") and reply.charts, last
        assert reply.facts


def test_a_chart_for_an_answer_without_one_says_so(ask_with_charts) -> None:
    ask_with_charts("Jeugdzorg per onderwijssoort in Tilburg", "u8-nochart")
    reply = ask_with_charts("en in een grafiek?", "u8-nochart")
    assert reply.facts and not reply.charts
    assert "Bij dit soort antwoord maak ik geen grafiek" in reply.text


def test_a_map_asked_after_a_figure_says_there_is_none_and_gives_the_figure(ask) -> None:
    ask("Jeugdzorg in Zwolle", conv="u8-map")
    reply = ask("zet het op een kaart", conv="u8-map")
    assert reply.text.startswith(NO_MAP)
    assert {f.region for f in reply.facts} >= {"GM0193"}
    alone = ask("Kun je een kaart maken?")
    assert alone.intent == "help" and alone.text.startswith(NO_MAP)
    english = ask("Can you put NEET in Breda on a map?")
    assert english.text.startswith("I cannot make a map.")


def test_questions_about_charts_stay_knowledge(ask) -> None:
    ask("NEET in Zwolle", conv="u8-chartq")
    reply = ask("Hoe lees ik de grafiek van de benchmark in de Monitor AOJ?", conv="u8-chartq")
    assert reply.intent in ("explain", "sources") and not reply.facts


@pytest.mark.parametrize("question", [
    "Wie zit er in de OPR van het samenwerkingsverband?",
    "Wie zit er in het bestuur van het samenwerkingsverband?",
    "Wanneer moet het samenwerkingsverband het ondersteuningsplan vaststellen?",
])
def test_who_and_when_after_a_figure_are_knowledge_questions(ask, question) -> None:
    conv = f"u8-who-{question}"
    ask("Hoe hoog is de NEET in Zwolle?", conv=conv)
    reply = ask(question, conv=conv)
    assert reply.intent in ("explain", "sources") and not reply.facts, question


def test_a_follow_up_about_the_partnership_stays_a_figure(ask) -> None:
    ask("Hoe hoog is de NEET in Zwolle?", conv="u8-swv")
    reply = ask("en het samenwerkingsverband?", conv="u8-swv")
    assert any(f.region.startswith("VO") for f in reply.facts)
    ask("Hoe hoog is de NEET in Zwolle?", conv="u8-when")
    when = ask("wanneer was het het hoogst?", conv="u8-when")
    assert when.facts


def test_where_a_partnership_stands_among_the_others(ask) -> None:
    ask("NEET in SWV VO 23.05", conv="u8-pos")
    reply = ask("Hoe scoort dit samenwerkingsverband ten opzichte van andere "
                "samenwerkingsverbanden?", conv="u8-pos")
    assert "samenwerkingsverbanden VO" in reply.text and "plaats" in reply.text


def test_a_table_asked_after_a_figure_gives_the_figure_and_says_how(ask) -> None:
    ask("NEET in Zwolle", conv="u8-table")
    reply = ask("Kun je het in een tabel zetten?", conv="u8-table")
    assert reply.text.startswith("Een tabel maak ik hier niet")
    assert {f.region for f in reply.facts} >= {"GM0193"}
    ask("NEET in Zwolle", conv="u8-have")
    have = ask("Heb je hier een grafiek van?", conv="u8-have")
    assert have.intent in ("indicator", "compare") and have.facts


def test_a_chart_asked_where_no_chart_can_be_shown_says_so(ask) -> None:
    """The terminal and ``oogo ask`` make no charts: the figure, and a sentence that says so."""
    ask("NEET in Zwolle", conv="u8-nochart-here")
    reply = ask("en in een grafiek?", conv="u8-nochart-here")
    assert reply.text.startswith("Een grafiek kan ik hier niet laten zien")
    assert {f.region for f in reply.facts} >= {"GM0193"}


@pytest.mark.parametrize("question,size,intro", [
    ("top 5 gemeenten relatief risico neet jeugdreclassering", 5, "De vijf gemeenten"),
    ("Welke drie gemeenten hebben de hoogste NEET?", 3, "De drie gemeenten"),
    ("Which 5 municipalities have the highest NEET?", 5, "The five municipalities"),
    ("Welke gemeenten hebben de hoogste NEET?", 10, "De tien gemeenten"),
])
def test_a_ranking_shows_as_many_places_as_asked(ask, question, size, intro) -> None:
    """"top 5" gave ten rows (user10)."""
    reply = ask(question)
    gemeenten = [f for f in reply.facts if f.region.startswith("GM")]
    assert len(gemeenten) == size and reply.text.startswith(intro)


def test_a_ranking_of_relative_risks_gives_each_its_interval(ask) -> None:
    """A small gemeente's relative risk tops the list with a wide interval: the ranking shows
    it, so the reader sees how uncertain the first place is (user10: Voorst, 9,8 keer)."""
    reply = ask("top 5 gemeenten relatief risico neet jeugdreclassering")
    lines = [ln for ln in reply.text.splitlines() if ln.startswith("- ") and "Nederland" not in ln]
    assert len(lines) == 5 and all("(betrouwbaarheidsinterval " in ln for ln in lines)
    plain = ask("Welke drie gemeenten hebben de hoogste NEET?")
    assert "betrouwbaarheidsinterval" not in plain.text


def test_a_follow_up_keeps_the_size_of_the_ranking(ask) -> None:
    """"top 5 gemeenten NEET", then "en in 2020?", gave ten gemeenten: the size was read from
    each message alone, so a follow-up that did not repeat it fell back to ten. It is part of
    the ranking asked for, as the figure and what is ranked are; a new size replaces it."""
    def gemeenten(reply) -> list[str]:
        return [f.region for f in reply.facts if f.region.startswith("GM")]

    ask("top 5 gemeenten NEET", conv="rank-size")
    again = ask("en in 2020?", conv="rank-size")
    assert len(gemeenten(again)) == 5 and {f.year for f in again.facts} == {2020}
    assert again.text.startswith("De vijf gemeenten")
    assert len(gemeenten(ask("en jeugdzorg?", conv="rank-size"))) == 5
    smaller = ask("en de top 3?", conv="rank-size")
    assert len(gemeenten(smaller)) == 3 and {f.year for f in smaller.facts} == {2020}
    assert len(gemeenten(ask("en in 2021?", conv="rank-size"))) == 3
    ask("top 5 samenwerkingsverbanden NEET", conv="rank-size-swv")
    assert len(_swvs(ask("en in 2020?", conv="rank-size-swv"), "VO")) == 5
    new = ask("Welke gemeenten hebben de hoogste NEET?", conv="rank-size")
    assert len(gemeenten(new)) == 10  # a new ranking, not a follow-up: ten again


def test_a_follow_up_keeps_the_direction_of_the_ranking(ask) -> None:
    """"Welke drie gemeenten hebben de laagste NEET?", then "en in 2020?", gave the ten highest:
    the direction was read from each message alone, so a follow-up that did not repeat
    "laagste" fell back to highest-first. It is part of the ranking asked for, as its size is;
    a follow-up that names a direction ("en de hoogste?") takes it, a new ranking starts high."""
    def ranked(reply) -> list[float]:
        return [f.value for f in reply.facts if f.region[:2] in ("GM", "PO", "VO")]

    def national(reply) -> float:
        return next(f.value for f in reply.facts if f.region == "NL01")

    def lowest(reply) -> bool:  # the demonstration figures tie: Nederland tells the end
        values = ranked(reply)
        return values == sorted(values) and values[-1] < national(reply) \
            and "met de laagste" in reply.text

    def highest(reply) -> bool:
        values = ranked(reply)
        return values == sorted(values, reverse=True) and values[-1] > national(reply) \
            and "met de hoogste" in reply.text

    first = ask("Welke drie gemeenten hebben de laagste NEET?", conv="rank-low")
    assert lowest(first) and first.text.startswith("De drie gemeenten met de laagste")
    again = ask("en in 2020?", conv="rank-low")
    assert lowest(again) and len(ranked(again)) == 3 and {f.year for f in again.facts} == {2020}
    assert again.text.startswith("De drie gemeenten met de laagste")
    assert lowest(ask("en jeugdzorg?", conv="rank-low"))
    turned = ask("en de hoogste?", conv="rank-low")
    assert highest(turned) and len(ranked(turned)) == 3
    assert highest(ask("en in 2021?", conv="rank-low"))
    assert lowest(ask("en de laagste?", conv="rank-low"))
    ask("Welke samenwerkingsverbanden hebben de laagste NEET?", conv="rank-low-swv")
    swvs = ask("en in 2020?", conv="rank-low-swv")
    assert lowest(swvs) and len(_swvs(swvs, "VO")) == 10
    new = ask("top 5 gemeenten jeugdzorg", conv="rank-low")
    assert highest(new)  # a new ranking, not a follow-up: highest first again
    both = ask("Welke drie gemeenten hebben de laagste NEET en jeugdzorg?")
    assert both.text.count("met de laagste") == 2  # the second figure read no text: highest


def test_a_ranking_says_when_places_with_the_same_figure_fall_off_the_list(ask) -> None:
    """Places are sorted by figure, and equal figures by code: at the cut-off, which of several
    gemeenten with the same figure still fit in is arbitrary, and the list alone suggested that
    the ones left out had a lower figure. The answer counts them, computed from the figures."""
    from bot.core.answers.format import count_word

    def gemeenten(reply) -> list[float]:
        return [f.value for f in reply.facts if f.region.startswith("GM")]

    said = []
    for question, conv in (("Welke drie gemeenten hebben de laagste NEET in 2020?", "ties-20"),
                           ("Welke drie gemeenten hebben de laagste NEET in 2023?", "ties-23")):
        reply = ask(question, conv=conv)
        shown = gemeenten(reply)
        every = gemeenten(ask(question.replace("drie", "50"), conv=conv + "-all"))
        tied = sum(1 for v in every[3:] if v == shown[-1])
        line = next((x for x in reply.text.splitlines() if "hetzelfde cijfer" in x), None)
        if tied == 0:
            assert line is None, (question, line)
            continue
        assert line is not None and "willekeurig" in line
        assert f"({shown[-1]:.1f}%)".replace(".", ",") in line
        assert line.startswith(f"Nog {count_word(tied)} " if tied > 1 else "Nog één ")
        said.append(question)
    assert said  # the demonstration figures of 2020 have such a tie (1,9%)


def test_under_a_ranking_the_suggestion_is_its_other_end(ask) -> None:
    """The trend suggested under a ranking answered the trend of Nederland ("Je noemde geen
    regio"), which the ranking did not ask about; its other end is the question that follows."""
    highest = ask("top 3 gemeenten NEET", conv="rank-next")
    assert highest.followups == ["En de laagste?"]
    lowest = ask(highest.followups[0], conv="rank-next")
    assert "met de laagste" in lowest.text and lowest.followups == ["En de hoogste?"]
    assert ask("And the highest?", conv="rank-next").followups == ["And the lowest?"]


def _gemeenten(reply) -> list[str]:
    return [f.region for f in reply.facts if f.region.startswith("GM")]


@pytest.mark.parametrize("question,intro", [
    ("Welke drie gemeenten hebben de laagste NEET?", "De drie gemeenten met de laagste"),
    ("welke 3 gemeenten hebben de hoogste jeugdzorg in het vso?", "De drie gemeenten met de"),
    ("Which three municipalities have the lowest NEET?", "The three municipalities"),
])
def test_a_ranking_with_a_size_is_a_ranking_for_a_user_with_an_own_region(ask, question,
                                                                           intro) -> None:
    """"welke drie gemeenten" was no ranking word ("welke gemeenten" was): the superlative made
    it the position of one place, Nederland without an own region (a ranking) but the own
    gemeente with one, so a user who had set "/regio Zwolle" got Zwolle's place."""
    reply = ask(question, region="GM0193")
    assert reply.text.startswith(intro) and len(_gemeenten(reply)) == 3, reply.text


def test_a_ranking_with_a_size_within_the_own_partnership(ask, core_services) -> None:
    """"welke drie gemeenten in ons swv ..." compared the samenwerkingsverband with Nederland."""
    reply = ask("welke drie gemeenten in ons swv hebben de hoogste NEET?", region="GM0193")
    members = {r.code for r in core_services.registry.members("VO2305")}
    assert len(_gemeenten(reply)) == 3 and set(_gemeenten(reply)) <= members, reply.text


def test_the_other_end_of_a_ranking_for_a_user_with_an_own_region(ask, core_services) -> None:
    """"En de laagste?", the suggestion under a ranking, gave the place of the own gemeente
    (with an own region) or of the samenwerkingsverband a ranking was within: the superlative
    read as a position of the place the conversation was about, where the ranking was of none."""
    first = ask("top 5 gemeenten NEET", region="GM0193", conv="other-end-own")
    lowest = ask(first.followups[0], region="GM0193", conv="other-end-own")
    values = [f.value for f in lowest.facts if f.region.startswith("GM")]
    assert lowest.text.startswith("De vijf gemeenten met de laagste") and len(values) == 5
    assert values == sorted(values)
    members = {r.code for r in core_services.registry.members("VO2305")}
    ask("welke gemeenten in ons swv hebben de hoogste NEET?", region="GM0193", conv="end-in")
    within = ask("En de laagste?", region="GM0193", conv="end-in")
    assert within.text.startswith("De tien gemeenten van Samenwerkingsverband VO 23.05")
    assert "met de laagste" in within.text and set(_gemeenten(within)) <= members


@pytest.mark.parametrize("question", ["en in Zwolle?", "hoe scoort Zwolle?", "en Zwolle?"])
def test_a_place_named_after_a_ranking_gets_its_place_in_it(ask, question) -> None:
    """"en in Zwolle?" after a ranking gave the same ranking again, without Zwolle: the follow-up
    kept the ranking, which ranks every gemeente whatever place is named."""
    conv = f"place-after-{question}"
    ask("Welke drie gemeenten hebben de laagste NEET?", conv=conv)
    reply = ask(question, conv=conv)
    assert "GM0193" in {f.region for f in reply.facts} and reply.text.startswith("Zwolle"), \
        reply.text


def test_a_partnership_named_after_a_ranking_of_gemeenten_ranks_its_gemeenten(
        ask, core_services) -> None:
    ask("welke gemeenten in SWV VO 23.05 hebben de hoogste NEET?", conv="within-next")
    reply = ask("en in SWV VO 28.13?", conv="within-next")
    members = {r.code for r in core_services.registry.members("VO2813")}
    assert _gemeenten(reply) and set(_gemeenten(reply)) <= members, reply.text


def test_ties_are_counted_on_the_figure_as_shown(ask) -> None:
    """A relative risk is shown with one decimal but kept with two: Emmen (1,94) and Berkelland
    (1,94) show the 1,9 keer of Ridderkerk (1,91), the last of the five, and were not counted."""
    from bot.core.answers.format import count_word, fmt_value

    question = "welke vijf gemeenten hebben het laagste relatief risico op NEET bij pro?"
    reply = ask(question)
    shown = [f for f in reply.facts if f.region.startswith("GM")]
    every = [f for f in ask(question.replace("vijf", "50")).facts if f.region.startswith("GM")]
    last = fmt_value(shown[-1])
    tied = sum(1 for f in every[5:] if fmt_value(f) == last)
    assert tied >= 1  # the demonstration figures of 2023 have such a tie
    line = next(x for x in reply.text.splitlines() if "hetzelfde cijfer" in x)
    assert line.startswith(f"Nog {count_word(tied)} " if tied > 1 else "Nog één ")
    assert f"({last})" in line


def test_the_tie_line_counts_the_places_of_that_figure_in_the_list(ask) -> None:
    """Two of the four lowest of 2020 have 1,9% and one more is left out: "Welke van de twee in
    de lijst staat" was said of three places of which two are in the list."""
    reply = ask("Welke vier gemeenten hebben de laagste NEET in 2020?")
    line = next(x for x in reply.text.splitlines() if "hetzelfde cijfer" in x)
    assert line.startswith("Nog één gemeente") and "van de twee" not in line, line
    assert "van de drie" in line


def test_the_english_tie_line_starts_with_a_capital(ask) -> None:
    """"two more municipalities have ...": the count word began the sentence."""
    reply = ask("Which three municipalities have the lowest NEET in 2020?")
    line = next(x for x in reply.text.splitlines() if "same figure" in x)
    assert line.startswith("Another two municipalities"), line


def test_a_ranking_says_how_many_places_have_a_hidden_figure(ask) -> None:
    """Figures of small groups are hidden and so left out of a ranking without a word: "De
    negen gemeenten van Samenwerkingsverband VO 23.05" of a partnership of eleven, and the
    lowest of a list may well be among the hidden ones."""
    reply = ask("welke gemeenten in SWV VO 23.05 hebben de hoogste jeugdzorg in het vso?")
    assert len(_gemeenten(reply)) == 9
    assert "Van twee gemeenten toon ik geen cijfer" in reply.text, reply.text
    whole = ask("Welke gemeenten hebben de hoogste jeugdzorg?")
    assert "toon ik geen cijfer" in ask("welke drie gemeenten hebben de laagste jeugdzorg in "
                                        "het vso?").text
    assert "toon ik geen cijfer" not in whole.text  # every gemeente has a figure there


@pytest.mark.parametrize("question", ["en landelijk?", "en Nederland?"])
def test_nederland_asked_after_a_ranking_is_named(ask, question) -> None:
    """"en landelijk?" after a ranking gave Nederland's figure with "Je noemde geen regio":
    "landelijk" after a figure of a place sets that place against Nederland, and a ranking
    has no such place, so the question counted as naming none."""
    conv = f"national-after-{question}"
    ask("top 3 gemeenten NEET", conv=conv)
    reply = ask(question, conv=conv)
    assert {f.region for f in reply.facts} == {"NL01"}, reply.text
    assert "geen regio" not in reply.text, reply.text


@pytest.mark.parametrize("question", ["en de laagste drie?", "and the lowest three?"])
def test_a_size_after_the_superlative_is_a_size(ask, question) -> None:
    """"en de laagste drie?" after "top 5" showed five: only a number before the superlative
    ("de drie laagste") was read as a size."""
    conv = f"size-after-{question}"
    ask("top 5 gemeenten NEET", conv=conv)
    reply = ask(question, conv=conv)
    values = [f.value for f in reply.facts if f.region.startswith("GM")]
    assert len(values) == 3 and values == sorted(values), reply.text


def test_best_ranks_neet_from_the_bottom_and_leaves_jeugdzorg_as_it_was(ask) -> None:
    """For NEET lower is better, so "het best" listed the highest NEET under a question about
    the best; for jeugdzorg more or less care is neither better nor worse, and nothing changes.
    "at least" in English is no "least"; the gemeente Best is no "best"."""
    def intro(reply) -> str:
        return reply.text.splitlines()[0]

    assert "met de laagste" in intro(ask("Welke gemeenten scoren het best op NEET?", conv="b1"))
    assert "met de hoogste" in intro(ask("en het slechtst?", conv="b1"))
    assert "met de laagste" in intro(
        ask("Welke drie gemeenten hebben het beste relatief risico op NEET bij vsv?", conv="b2"))
    assert "met de hoogste" in intro(ask("welke gemeenten scoren het best op jeugdzorg?",
                                         conv="b3"))
    assert "with the highest" in intro(
        ask("Which municipalities have at least 5 percent NEET, top 3?", conv="b4"))
