"""The pure step() engine: answers, commands, stale buttons, questions, summary and outcome."""

from __future__ import annotations

import json

import pytest

from bot.regioscan.engine import (
    AnswerRecorded,
    ScanInput,
    ScanPaused,
    ScanReset,
    ScanState,
    ScanSubmitted,
    begin,
    offer_resume,
    step,
)


def typed(definition, state, text):
    return step(definition, state, ScanInput(text=text))


def pressed(definition, state, value):
    return step(definition, state, ScanInput(choice=value))


def button(reply, label_start):
    return next(b.value for b in reply.buttons if b.label.startswith(label_start))


def unchanged(definition, state, text):
    """Send ``text`` and assert nothing changed; return the reply."""
    new, reply = typed(definition, state, text)
    assert new == state
    assert reply.events == ()
    return reply


def test_begin_shows_intro_first_question_and_buttons(definition):
    state, reply = begin(definition)
    assert "Regioscan" in reply.text and "Vraag 1 van 16" in reply.text
    assert reply.progress.current == 1 and reply.progress.total == 16
    assert reply.progress.theme == "Onderwijs en jeugdhulp"
    labels = [b.label for b in reply.buttons]
    assert labels[:6] == ["1 helemaal oneens", "2 oneens", "3 neutraal", "4 eens",
                          "5 helemaal eens", "weet ik niet"]
    assert all(len(b.value.encode()) <= 64 for b in reply.buttons)  # Telegram callback limit


def test_answer_by_button_and_by_text(definition):
    state, reply = begin(definition)
    state, reply = pressed(definition, state, button(reply, "4"))
    assert reply.events == (AnswerRecorded("o1", 4, None),)
    assert "Genoteerd: eens" in reply.text and "Vraag 2 van 16" in reply.text
    state, reply = typed(definition, state, "helemaal mee eens, want we delen de cijfers")
    assert reply.events == (AnswerRecorded("o2", 5, "want we delen de cijfers"),)
    state, reply = typed(definition, state, "weet ik niet")
    assert reply.events == (AnswerRecorded("o3", None, None),)
    state, reply = pressed(definition, state, button(reply, "weet ik niet"))
    assert reply.events == (AnswerRecorded("o4", None, None),)
    assert state.values() == {"o1": 4, "o2": 5, "o3": None, "o4": None}
    assert reply.progress.current == 5 and reply.progress.theme == "Afstemming"


def test_stale_button_never_changes_another_answer(definition):
    state, first = begin(definition)
    old_four = button(first, "4")
    state, _ = pressed(definition, state, old_four)
    state, reply = typed(definition, state, "2")  # question 2 answered 2
    before = state
    new, reply = pressed(definition, state, old_four)
    assert new == before and reply.events == ()
    assert reply.text.startswith("Deze knop hoort bij een eerdere vraag")
    assert "Vraag 3 van 16" in reply.text
    # a forged button with the current nonce but another question is stale too
    forged = f"rs:{state.nonce}:o1=1"
    new, reply = pressed(definition, state, forged)
    assert new == before and "eerdere vraag" in reply.text
    assert state.values() == {"o1": 4, "o2": 2}


def test_back_skip_change_and_return_to_summary(definition):
    state, _ = begin(definition)
    reply = unchanged(definition, state, "terug")
    assert "eerste vraag" in reply.text
    state, _ = typed(definition, state, "3")
    state, reply = typed(definition, state, "terug")
    assert "Vraag 1 van 16" in reply.text and "Je antwoord tot nu toe: neutraal" in reply.text
    state, reply = typed(definition, state, "overslaan")
    assert "Vraag 2 van 16" in reply.text and reply.events == ()
    state, reply = typed(definition, state, "wijzig 7")
    assert "Vraag 7 van 16" in reply.text
    reply = unchanged(definition, state, "wijzig 17")
    assert "kies een nummer van 1 tot en met 16" in reply.text.lower()
    unchanged(definition, state, "wijzig 0")


def test_progress_summary_help_and_note(definition):
    state, _ = begin(definition)
    for answer in ["4", "3", "2", "weet ik niet"]:
        state, _ = typed(definition, state, answer)
    reply = unchanged(definition, state, "voortgang")
    assert "vraag 5 van 16" in reply.text and "Afstemming" in reply.text
    reply = unchanged(definition, state, "samenvatting")
    assert "1. Jeugdhulp is voor leerlingen" in reply.text and "— eens (4)" in reply.text
    assert "nog niet beantwoord" in reply.text
    reply = unchanged(definition, state, "help")
    assert "Hulp bij vraag 5" in reply.text and "wijzig N" in reply.text
    new, reply = typed(definition, state, "toelichting: wij weten het niet")
    assert reply.events == (AnswerRecorded("o4", None, "wij weten het niet"),)
    assert new.answers["o4"]["explanation"] == "wij weten het niet"
    fresh, _ = begin(definition)
    reply = unchanged(definition, fresh, "toelichting: te vroeg")
    assert "nog geen antwoord" in reply.text


def test_bad_input_changes_nothing(definition):
    state, _ = begin(definition)
    state, _ = typed(definition, state, "4")
    for text in ["7", "0", "3,5", "asdfgh", "", "bevestig", "verder"]:
        reply = unchanged(definition, state, text)
        assert "Vraag 2 van 16" in reply.text
    assert "7 valt buiten de schaal" in unchanged(definition, state, "7").text
    assert "herken ik niet" in unchanged(definition, state, "asdfgh").text
    assert "Bevestigen kan pas" in unchanged(definition, state, "bevestig").text
    assert "al met de scan bezig" in unchanged(definition, state, "opnieuw").text


def test_question_in_the_middle_is_answered_and_scan_continues(definition):
    state, _ = begin(definition)
    state, _ = typed(definition, state, "4")
    new, reply = typed(definition, state, "wat bedoel je met afstemming?")
    assert new == state and reply.events == ()
    assert "op elkaar laten aansluiten" in reply.text  # the glossary entry
    assert reply.text.rstrip().endswith(definition.question("o2").text) or \
        definition.question("o2").text in reply.text
    assert reply.needs_explanation == "wat bedoel je met afstemming?"
    _, reply = step(definition, state, ScanInput(text="wat is het OOGO?"),
                    explainer=lambda q: "Uit de kennisbank: het OOGO is ...")
    assert "op overeenstemming gericht overleg" in reply.text
    assert "Uit de kennisbank" in reply.text


def _answer_all(definition, state, values):
    for value in values:
        state, reply = typed(definition, state, value)
    return state, reply


def test_summary_confirm_and_outcome(definition):
    state, _ = begin(definition)
    values = ["5", "4", "2", "1", "3", "3", "3", "weet ik niet",
              "2", "2", "4", "2", "1", "2", "3", "5"]
    state, reply = _answer_all(definition, state, values)
    assert state.phase == "confirm" and reply.kind == "summary"
    assert "Klopt dit?" in reply.text and "16." in reply.text
    assert "Alle vragen zijn doorlopen" in unchanged(definition, state, "4").text
    assert "overslaan kan hier niet" in unchanged(definition, state, "overslaan").text
    state, reply = typed(definition, state, "wijzig 3")
    assert "Vraag 3 van 16" in reply.text
    state, reply = typed(definition, state, "4")  # was 2, back to the summary after the change
    assert state.phase == "confirm" and "Klopt dit?" in reply.text
    state, reply = typed(definition, state, "bevestig")
    assert reply.done and not reply.active and reply.events == (ScanSubmitted(),)
    outcome = reply.outcome
    means = {t.theme_id: t.mean for t in outcome.themes}
    assert means == {"onderwijs_jeugdhulp": 3.5, "afstemming": 3.0, "samenwerking": 2.5,
                     "effecten": 2.75}
    theme = outcome.themes[0]
    assert [s.question_id for s in theme.strongest] == ["o1"]
    assert [s.question_id for s in theme.weakest] == ["o4"]
    assert theme.discuss[0] == definition.question("o4").discuss
    assert outcome.themes[1].dont_know == 1 and outcome.themes[1].answered == 3
    assert "Onderwijs en jeugdhulp: 3,5" in reply.text
    assert outcome.chart["values"] == [3.5, 3.0, 2.5, 2.75]
    new, reply = typed(definition, state, "4")
    assert new == state and "al afgerond" in reply.text


def test_confirm_without_answers_is_refused(definition):
    state, _ = begin(definition)
    for _ in range(16):
        state, reply = typed(definition, state, "overslaan")
    assert state.phase == "confirm"
    reply = unchanged(definition, state, "bevestig")
    assert "nog geen enkele stelling" in reply.text


def test_pause_stop_and_resume_or_restart(definition):
    state, _ = begin(definition)
    state, _ = typed(definition, state, "4")
    paused, reply = typed(definition, state, "pauze")
    assert not reply.active and reply.events == (ScanPaused(stopped=False),)
    stopped, reply = typed(definition, state, "stop")
    assert reply.events == (ScanPaused(stopped=True),) and "bewaard" in reply.text
    offered, reply = offer_resume(definition, paused)
    assert [b.label for b in reply.buttons] == ["verder waar je was", "opnieuw"]
    resumed, reply = pressed(definition, offered, reply.buttons[0].value)
    assert resumed.phase == "asking" and "Vraag 2 van 16" in reply.text
    offered, reply = offer_resume(definition, paused)
    restarted, reply = pressed(definition, offered, reply.buttons[1].value)
    assert reply.events == (ScanReset(),) and restarted.answers == {}
    assert "Vraag 1 van 16" in reply.text
    _, reply = typed(definition, offered, "iets anders")
    assert "verder waar je was" in reply.text


def test_an_answer_or_command_typed_at_the_offer_goes_on_where_you_were(definition):
    """Found by the user9 walkthrough: typing "2" or "1 want er is geen overleg" at the offer
    got "Kies 'verder waar je was' of 'opnieuw'." again and again. The scan now goes on; the
    answer is asked again (its question was not on the screen), a command is carried out."""
    state, _ = begin(definition)
    state, _ = typed(definition, state, "4")
    paused, _ = typed(definition, state, "pauze")
    offered, _ = offer_resume(definition, paused)
    for text in ("2", "1 want er is geen overleg", "9"):
        resumed, reply = typed(definition, offered, text)
        assert resumed.phase == "asking" and "Vraag 2 van 16" in reply.text
        assert resumed.answers == offered.answers and reply.events == ()
        assert "nog niet bewaard" in reply.text
    summary, reply = typed(definition, offered, "samenvatting")
    assert summary.phase != "offer" and "verder waar je was" not in reply.text


def test_english_scan(definition):
    state, reply = begin(definition, "en")
    assert "Question 1 of 16" in reply.text and "Education and youth care" in reply.text
    state, reply = typed(definition, state, "strongly agree")
    assert reply.events == (AnswerRecorded("o1", 5, None),)
    assert "Noted: strongly agree" in reply.text
    assert "question 2 of 16" in typed(definition, state, "progress")[1].text


def test_state_is_serialisable_and_step_is_pure(definition):
    state, _ = begin(definition)
    state, _ = typed(definition, state, "4, want")
    data = json.loads(json.dumps(state.to_dict()))
    assert ScanState.from_dict(data) == state
    one = typed(definition, state, "3")
    two = typed(definition, state, "3")
    assert one == two
    assert state.values() == {"o1": 4}


@pytest.mark.parametrize("value", ["rs:abc", "rs:1", "rs:999:o1=4", "rs:1:o1=9", "xyz"])
def test_garbage_choices_change_nothing(definition, value):
    state, _ = begin(definition)
    new, reply = pressed(definition, state, value)
    assert new == state and reply.events == ()


def test_every_statement_has_an_english_discussion_question(definition):
    for question in definition.questions:
        assert question.discuss_en and question.discuss_en.startswith("Discuss ")
        assert question.discuss_for("en") == question.discuss_en
        assert question.discuss_for("nl") == question.discuss


def test_an_english_outcome_suggests_english_discussion_questions(definition):
    from bot.regioscan.outcome import compute_outcome

    answers = {q.id: 2 for q in definition.questions}
    english = compute_outcome(definition, answers, "en")
    dutch = compute_outcome(definition, answers, "nl")
    hints_en = [h for th in english.themes for h in th.discuss]
    hints_nl = [h for th in dutch.themes for h in th.discuss]
    assert hints_en and all(h.startswith("Discuss ") for h in hints_en)
    assert hints_nl and all(h.startswith("Bespreek ") for h in hints_nl)
