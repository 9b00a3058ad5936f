"""Build the texts and buttons of the scan's replies (question, summary, offer)."""

from __future__ import annotations

from bot.regioscan.definition import Question, ScanDefinition
from bot.regioscan.model import ScanButton, ScanProgress, ScanState, ScanStep
from bot.regioscan.texts import t

PREFIX = "rs"


def button_value(state: ScanState, payload: str) -> str:
    """Callback data: ``rs:<nonce>:<payload>`` (well under Telegram's 64 bytes)."""
    return f"{PREFIX}:{state.nonce}:{payload}"


def current_question(definition: ScanDefinition, state: ScanState) -> Question:
    questions = definition.questions
    return questions[min(state.index, len(questions) - 1)]


def progress(definition: ScanDefinition, state: ScanState) -> ScanProgress:
    q = current_question(definition, state)
    theme = definition.theme(q.theme_id).name_for(state.language)
    current = q.number if state.phase == "asking" else definition.total
    return ScanProgress(current=current, total=definition.total, theme=theme)


def question_buttons(definition: ScanDefinition, state: ScanState) -> tuple[ScanButton, ...]:
    q = current_question(definition, state)
    lang = state.language
    buttons = [
        ScanButton(f"{o.value} {o.label_for(lang)}", button_value(state, f"{q.id}={o.value}"))
        for o in definition.scale
    ]
    buttons.append(ScanButton(t(lang, "btn_dont_know"), button_value(state, f"{q.id}=x")))
    buttons.append(ScanButton(t(lang, "btn_skip"), button_value(state, "skip")))
    if state.index > 0:
        buttons.append(ScanButton(t(lang, "btn_back"), button_value(state, "back")))
    return tuple(buttons)


def question_text(definition: ScanDefinition, state: ScanState, hint: bool = False) -> str:
    q = current_question(definition, state)
    lang = state.language
    lines = [t(lang, "question", n=q.number, total=definition.total,
               theme=definition.theme(q.theme_id).name_for(lang), text=q.text_for(lang))]
    answer = state.answers.get(q.id)
    if answer is not None:
        lines.append(t(lang, "current_answer",
                       label=definition.scale_label(answer.get("value"), lang)))
    if hint:
        lines.append(t(lang, "question_hint"))
    return "\n".join(lines)


def ask(
    definition: ScanDefinition, state: ScanState, *before: str, events: tuple = (),
    hint: bool = False, needs_explanation: str | None = None, kind: str = "question",
) -> ScanStep:
    """A reply that (re)asks the current question, after the lines in ``before``."""
    text = "\n\n".join([*(b for b in before if b), question_text(definition, state, hint)])
    return ScanStep(text=text, buttons=question_buttons(definition, state),
                    progress=progress(definition, state), events=events,
                    needs_explanation=needs_explanation, kind=kind)


def summary_lines(definition: ScanDefinition, state: ScanState) -> list[str]:
    lang = state.language
    lines = [t(lang, "summary_head")]
    for q in definition.questions:
        answer = state.answers.get(q.id)
        if answer is None:
            label = t(lang, "not_answered")
        else:
            label = definition.scale_label(answer.get("value"), lang)
            if answer.get("value") is not None:
                label += f" ({answer['value']})"
            if answer.get("explanation"):
                label += t(lang, "with_note")
        lines.append(f"{q.number}. {q.text_for(lang)} — {label}")
    return lines


def confirm_buttons(state: ScanState) -> tuple[ScanButton, ...]:
    lang = state.language
    return (
        ScanButton(t(lang, "btn_confirm"), button_value(state, "confirm")),
        ScanButton(t(lang, "btn_back"), button_value(state, "back")),
        ScanButton(t(lang, "btn_pause"), button_value(state, "pause")),
    )


def summary(
    definition: ScanDefinition, state: ScanState, *before: str, events: tuple = (),
    needs_explanation: str | None = None,
) -> ScanStep:
    """The overview of all answers with 'klopt dit? bevestig / wijzig N'."""
    body = "\n".join(summary_lines(definition, state))
    text = "\n\n".join([*(b for b in before if b), body, t(state.language, "summary_confirm")])
    return ScanStep(text=text, buttons=confirm_buttons(state),
                    progress=progress(definition, state), events=events,
                    needs_explanation=needs_explanation, kind="summary")


def offer(definition: ScanDefinition, state: ScanState, *before: str) -> ScanStep:
    lang = state.language
    buttons = (
        ScanButton(t(lang, "btn_resume"), button_value(state, "resume")),
        ScanButton(t(lang, "btn_restart"), button_value(state, "restart")),
    )
    text = "\n\n".join([*(b for b in before if b),
                        t(lang, "offer", answered=state.answered, total=definition.total)])
    return ScanStep(text=text, buttons=buttons, kind="offer")
