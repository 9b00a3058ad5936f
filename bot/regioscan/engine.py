"""The regioscan conversation as ONE pure function: ``step(definition, state, input)``.

No I/O happens here. The caller loads the state, calls ``step``, persists the returned events
(answers first, in one transaction) and only then shows ``ScanStep.text``. Because the state is
immutable and every reply carries the state's ``nonce`` in its buttons, an old button can never
change a newer answer: it is recognised as stale and the current question is asked again.

Phases: ``asking`` (one question at a time) -> ``confirm`` (summary: bevestig / wijzig N) ->
``done`` (outcome). ``paused`` is left by starting again, which goes through ``offer``
('verder waar je was' / 'opnieuw'). Anything not understood changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.regioscan import render
from bot.regioscan.definition import ScanDefinition
from bot.regioscan.model import (
    AnswerRecorded,
    ScanButton,
    ScanEvent,
    ScanInput,
    ScanPaused,
    ScanProgress,
    ScanReset,
    ScanState,
    ScanStep,
    ScanSubmitted,
)
from bot.regioscan.outcome import compute_outcome, format_outcome
from bot.regioscan.parsing import (
    COMMANDS,
    Command,
    OutOfRange,
    ParsedAnswer,
    looks_like_question,
    normalise,
    parse_answer,
    parse_command,
)
from bot.regioscan.texts import t

__all__ = [
    "AnswerRecorded", "ScanButton", "ScanInput", "ScanProgress", "ScanReset", "ScanPaused",
    "ScanState", "ScanStep", "ScanSubmitted", "begin", "offer_resume", "reopen", "repeat", "step",
]

Explainer = Callable[[str], str | None]
_STALE = object()


def begin(definition: ScanDefinition, language: str = "nl") -> tuple[ScanState, ScanStep]:
    """A fresh scan: intro plus the first question."""
    state = ScanState(definition_version=definition.version,
                      language="en" if language == "en" else "nl", started=True, nonce=1)
    intro = t(state.language, "intro",
              title=definition.title_en if state.language == "en" and definition.title_en
              else definition.title,
              intro=definition.intro_en if state.language == "en" and definition.intro_en
              else definition.intro)
    return state, render.ask(definition, state, intro, hint=True)


def offer_resume(definition: ScanDefinition, state: ScanState) -> tuple[ScanState, ScanStep]:
    """An unfinished scan exists: offer 'verder waar je was' or 'opnieuw'."""
    new = state.with_(phase="offer", nonce=state.nonce + 1)
    return new, render.offer(definition, new)


def reopen(definition: ScanDefinition, state: ScanState) -> tuple[ScanState, ScanStep]:
    """Open a submitted scan again at the summary, so answers can be changed (open rounds)."""
    new = state.with_(phase="confirm", index=definition.total, nonce=state.nonce + 1)
    return new, render.summary(definition, new)


def repeat(definition: ScanDefinition, state: ScanState, *before: str) -> ScanStep:
    """The open statement (or the summary) again, unchanged: after the assistant answered
    something else in the middle of the scan."""
    return _reask(definition, state, *before)


def _decode(state: ScanState, definition: ScanDefinition, inp: ScanInput) -> object:
    """Turn the input into ParsedAnswer | OutOfRange | Command | str (free text) | _STALE."""
    choice = (inp.choice or "").strip()
    if choice.startswith(f"{render.PREFIX}:"):
        parts = choice.split(":", 2)
        if len(parts) != 3 or not parts[1].isdigit() or int(parts[1]) != state.nonce:
            return _STALE
        payload = parts[2]
        if "=" in payload:
            qid, _, raw = payload.partition("=")
            if state.phase != "asking" or qid != render.current_question(definition, state).id:
                return _STALE
            if raw == "x":
                return ParsedAnswer(None)
            return ParsedAnswer(int(raw)) if raw in {"1", "2", "3", "4", "5"} else ""
        return Command(payload) if payload in COMMANDS else ""
    text = (inp.text if inp.text is not None else choice).strip()
    command = parse_command(text)
    if command is not None:
        return command
    answer = parse_answer(text)
    return answer if answer is not None else text


def step(
    definition: ScanDefinition, state: ScanState, inp: ScanInput,
    explainer: Explainer | None = None,
) -> tuple[ScanState, ScanStep]:
    """Advance the scan by one user turn. Pure: same arguments, same result."""
    if not state.started:
        return begin(definition, state.language)
    action = _decode(state, definition, inp)
    lang = state.language
    if state.phase == "done":
        return state, ScanStep(text=t(lang, "done"), active=False, done=True, kind="done")
    if state.phase in ("offer", "paused"):
        return _offer_phase(definition, state, action)
    if action is _STALE:
        return state, _reask(definition, state, t(lang, "stale"))
    if isinstance(action, Command):
        return _command(definition, state, action)
    if state.phase == "confirm":
        return _confirm_phase(definition, state, action, explainer)
    if isinstance(action, ParsedAnswer):
        return _record(definition, state, action)
    if isinstance(action, OutOfRange):
        return state, render.ask(definition, state, t(lang, "out_of_range", number=action.number))
    if isinstance(action, str) and action and looks_like_question(action):
        return state, _explain(definition, state, action, explainer)
    return state, render.ask(definition, state, t(lang, "not_understood"), kind="error")


def _reask(definition: ScanDefinition, state: ScanState, *before: str) -> ScanStep:
    if state.phase == "confirm":
        return render.summary(definition, state, *before)
    return render.ask(definition, state, *before)


def _advance(definition: ScanDefinition, state: ScanState, *before: str,
             events: tuple[ScanEvent, ...] = ()) -> tuple[ScanState, ScanStep]:
    """Go to the next question not answered yet, or to the summary when there is none (or
    after a 'wijzig' from the summary). Why the next *unanswered* one: after "wijzig 1" typed at
    question 4, or "terug" to mend an answer, the scan went on with question 2 and made the user
    walk through answers given already (user10); in a scan answered in order the next question
    is the next one, as before."""
    questions = definition.questions
    later = [i for i in range(state.index + 1, len(questions))
             if questions[i].id not in state.answers]
    if state.return_to_summary or not later:
        new = state.with_(phase="confirm", index=definition.total, nonce=state.nonce + 1,
                          return_to_summary=False)
        return new, render.summary(definition, new, *before, events=events)
    new = state.with_(index=later[0], nonce=state.nonce + 1)
    return new, render.ask(definition, new, *before, events=events)


def _record(definition: ScanDefinition, state: ScanState, answer: ParsedAnswer,
            ) -> tuple[ScanState, ScanStep]:
    q = render.current_question(definition, state)
    previous = state.answers.get(q.id, {})
    explanation = answer.explanation or previous.get("explanation")
    answers = dict(state.answers)
    answers[q.id] = {"value": answer.value, "explanation": explanation}
    recorded = state.with_(answers=answers, last_answered=q.id)
    label = definition.scale_label(answer.value, state.language)
    key = "recorded_note" if answer.explanation else "recorded"
    event = AnswerRecorded(q.id, answer.value, explanation)
    return _advance(definition, recorded, t(state.language, key, label=label), events=(event,))


def _command(definition: ScanDefinition, state: ScanState, cmd: Command,
             ) -> tuple[ScanState, ScanStep]:
    lang, total = state.language, definition.total
    confirm = state.phase == "confirm"
    if cmd.name == "back":
        if confirm:
            new = state.with_(phase="asking", index=total - 1, nonce=state.nonce + 1)
            return new, render.ask(definition, new)
        if state.index == 0:
            return state, render.ask(definition, state, t(lang, "first_question"))
        new = state.with_(index=state.index - 1, nonce=state.nonce + 1)
        return new, render.ask(definition, new)
    if cmd.name == "skip":
        if confirm:
            return state, render.summary(definition, state, t(lang, "skip_in_confirm"))
        return _advance(definition, state)
    if cmd.name == "change":
        if cmd.number is None or not 1 <= cmd.number <= total:
            return state, _reask(definition, state, t(lang, "change_range", total=total))
        new = state.with_(phase="asking", index=cmd.number - 1, nonce=state.nonce + 1,
                          return_to_summary=confirm or state.return_to_summary)
        return new, render.ask(definition, new)
    if cmd.name in ("pause", "stop"):
        stopped = cmd.name == "stop"
        new = state.with_(phase="paused", nonce=state.nonce + 1)
        text = t(lang, "stopped" if stopped else "paused", answered=state.answered, total=total)
        return new, ScanStep(text=text, events=(ScanPaused(stopped=stopped),), active=False,
                             kind="paused")
    if cmd.name == "progress":
        key = "progress_confirm" if confirm else "progress"
        q = render.current_question(definition, state)
        text = t(lang, key, n=q.number, total=total, answered=state.answered,
                 dont_know=state.dont_know, open=total - state.answered,
                 theme=definition.theme(q.theme_id).name_for(lang))
        return state, _reask(definition, state, text)
    if cmd.name == "summary":
        if confirm:
            return state, render.summary(definition, state)
        return state, render.ask(definition, state, "\n".join(render.summary_lines(definition,
                                                                                   state)))
    if cmd.name == "help":
        if confirm:
            return state, render.summary(definition, state, t(lang, "help_confirm"))
        q = render.current_question(definition, state)
        return state, render.ask(definition, state, t(lang, "help", n=q.number,
                                                        help=q.help_for(lang)))
    if cmd.name == "note":
        return _note(definition, state, cmd.note)
    if cmd.name == "confirm":
        if not confirm:
            return state, render.ask(definition, state, t(lang, "confirm_too_early"))
        return _submit(definition, state)
    # resume / restart while the scan is running
    return state, _reask(definition, state, t(lang, "already_running"))


def _note(definition: ScanDefinition, state: ScanState, note: str | None,
          ) -> tuple[ScanState, ScanStep]:
    lang = state.language
    qid = state.last_answered
    if not note:
        return state, _reask(definition, state, t(lang, "note_empty"))
    if qid is None or qid not in state.answers:
        return state, _reask(definition, state, t(lang, "note_nothing"))
    answers = dict(state.answers)
    value = answers[qid].get("value")
    answers[qid] = {"value": value, "explanation": note}
    new = state.with_(answers=answers)
    text = t(lang, "note_added", n=definition.question(qid).number)
    step_ = _reask(definition, new, text)
    return new, _with_events(step_, (AnswerRecorded(qid, value, note),))


def _with_events(step_: ScanStep, events: tuple[ScanEvent, ...]) -> ScanStep:
    from dataclasses import replace

    return replace(step_, events=events)


def _submit(definition: ScanDefinition, state: ScanState) -> tuple[ScanState, ScanStep]:
    lang = state.language
    if not state.answers:
        return state, render.summary(definition, state, t(lang, "confirm_empty"))
    new = state.with_(phase="done", nonce=state.nonce + 1)
    outcome = compute_outcome(definition, new.values(), lang)
    text = t(lang, "submitted") + "\n\n" + format_outcome(outcome)
    return new, ScanStep(text=text, events=(ScanSubmitted(),), done=True, active=False,
                         outcome=outcome, kind="outcome")


def _confirm_phase(definition: ScanDefinition, state: ScanState, action: object,
                   explainer: Explainer | None) -> tuple[ScanState, ScanStep]:
    lang = state.language
    if isinstance(action, str) and action and looks_like_question(action):
        text, query = _explanation(definition, state, action, explainer)
        return state, render.summary(definition, state, text, needs_explanation=query)
    if isinstance(action, ParsedAnswer | OutOfRange):
        return state, render.summary(definition, state, t(lang, "answer_in_confirm"))
    return state, render.summary(definition, state, t(lang, "help_confirm"))


def _offer_phase(definition: ScanDefinition, state: ScanState, action: object,
                 ) -> tuple[ScanState, ScanStep]:
    lang = state.language
    if isinstance(action, Command) and action.name == "resume":
        phase = "confirm" if state.index >= definition.total else "asking"
        new = state.with_(phase=phase, nonce=state.nonce + 1)
        return new, _reask(definition, new, t(lang, "resumed"))
    if isinstance(action, Command) and action.name == "restart":
        new = ScanState(definition_version=definition.version, language=lang, started=True,
                        nonce=state.nonce + 1)
        return new, render.ask(definition, new, t(lang, "restarted"), events=(ScanReset(),),
                               hint=True)
    if isinstance(action, Command) and action.name in ("pause", "stop"):
        new = state.with_(phase="paused")
        text = t(lang, "paused", answered=state.answered, total=definition.total)
        return new, ScanStep(text=text, active=False, kind="paused")
    if isinstance(action, Command | ParsedAnswer | OutOfRange):
        # an answer or a scan command typed instead of the choice ("2", "1 want ...",
        # "samenvatting"): the user means to go on, and was caught in "kies 'verder' of
        # 'opnieuw'" over and over. Go on where they were; an answer is not recorded, since the
        # question it was meant for was not on the screen (the offer was), so it is asked again.
        phase = "confirm" if state.index >= definition.total else "asking"
        resumed = state.with_(phase=phase, nonce=state.nonce + 1)
        if isinstance(action, Command):
            return _command(definition, resumed, action)
        return resumed, _reask(definition, resumed, t(lang, "resumed_unsaved"))
    new = state.with_(phase="offer", nonce=state.nonce + 1)
    return new, render.offer(definition, new, t(lang, "offer_repeat"))


def _explanation(definition: ScanDefinition, state: ScanState, query: str,
                 explainer: Explainer | None) -> tuple[str, str]:
    """The scan's own explanation for ``query`` (glossary, theme, or the question's help)."""
    lang = state.language
    low = normalise(query)
    found = ""
    entries = sorted(((term, g) for g in definition.glossary for term in g.terms),
                     key=lambda item: -len(item[0]))
    for term, entry in entries:
        if term in low:
            found = entry.text_for(lang)
            break
    if not found:
        for theme in definition.themes:
            if any(k in low for k in (*theme.keywords, theme.name.lower())):
                found = theme.explanation_for(lang)
                break
    if not found:
        q = render.current_question(definition, state)
        found = f"{q.help_for(lang)} {definition.theme(q.theme_id).explanation_for(lang)}"
    extra = explainer(query) if explainer is not None else None
    text = t(lang, "explain", text=found) + (f"\n\n{extra}" if extra else "")
    return text, query


def _explain(definition: ScanDefinition, state: ScanState, query: str,
             explainer: Explainer | None) -> ScanStep:
    text, query = _explanation(definition, state, query, explainer)
    return render.ask(definition, state, text, t(state.language, "explain_back"),
                      needs_explanation=query, kind="explanation")
