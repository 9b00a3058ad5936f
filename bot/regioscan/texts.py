"""Every sentence the regioscan shows, in Dutch and English, in one place.

Dutch is the default; English is used only when the user wrote English. Keys are short names;
``t(language, key, **values)`` fills in the placeholders.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "intro": "{title}\n\n{intro}\n\nTussendoor kun je altijd typen: terug, overslaan, "
                 "wijzig N, voortgang, samenvatting, pauze, stop of help.",
        "question": "Vraag {n} van {total} · {theme}\n{text}",
        "question_hint": "Kies 1 (helemaal oneens) tot en met 5 (helemaal eens) of 'weet ik "
                         "niet'. Een toelichting mag erachter, bijvoorbeeld: 4, want ...",
        "current_answer": "Je antwoord tot nu toe: {label}.",
        "recorded": "Genoteerd: {label}.",
        "recorded_note": "Genoteerd: {label}, met je toelichting.",
        "note_added": "Je toelichting bij vraag {n} is bewaard.",
        "note_nothing": "Er is nog geen antwoord om een toelichting bij te zetten. Beantwoord "
                        "eerst de vraag; de toelichting mag erachter, bijvoorbeeld: 4, want ...",
        "note_empty": "Zet je toelichting achter de dubbele punt, bijvoorbeeld: "
                      "toelichting: de wachtlijst is lang.",
        "stale": "Deze knop hoort bij een eerdere vraag, dus ik heb er niets mee gedaan. "
                 "Dit is de vraag waar je nu bent:",
        "not_understood": "Dat herken ik niet als antwoord. Kies een cijfer van 1 (helemaal "
                          "oneens) tot en met 5 (helemaal eens), 'weet ik niet', of typ 'help'.",
        "out_of_range": "{number} valt buiten de schaal. Kies een heel getal van 1 tot en met 5, "
                        "of 'weet ik niet'. Er is niets veranderd.",
        "first_question": "Dit is de eerste vraag; verder terug kan niet.",
        "change_range": "Er zijn {total} vragen. Kies een nummer van 1 tot en met {total}, "
                        "bijvoorbeeld: wijzig 3.",
        "progress": "Je bent bij vraag {n} van {total} (thema {theme}). Beantwoord: {answered}, "
                    "waarvan 'weet ik niet': {dont_know}. Nog open: {open}.",
        "progress_confirm": "Je hebt alle {total} vragen doorlopen. Beantwoord: {answered}, "
                            "waarvan 'weet ik niet': {dont_know}. Nog open: {open}.",
        "paused": "De scan staat op pauze. Je antwoorden zijn bewaard ({answered} van {total} "
                  "beantwoord). Start de regioscan later opnieuw en kies 'verder waar je was'.",
        "stopped": "Je bent gestopt met de scan. Je antwoorden tot nu toe zijn bewaard ({answered} "
                   "van {total}). Als je de regioscan weer start, kun je verder waar je was of "
                   "opnieuw beginnen.",
        "help": "Hulp bij vraag {n}: {help}\n\nJe kunt antwoorden met een cijfer (1 = helemaal "
                "oneens, 5 = helemaal eens), met woorden als 'eens' of 'mee oneens', of met "
                "'weet ik niet'. Een toelichting mag erachter: '4, want ...'. Of later: "
                "'toelichting: ...'.\nCommando's: terug, overslaan, wijzig N, voortgang, "
                "samenvatting, pauze, stop.",
        "help_confirm": "Je hebt alle vragen gehad. Typ 'bevestig' om je antwoorden in te "
                        "sturen, of 'wijzig N' om antwoord N te veranderen (bijvoorbeeld wijzig "
                        "3). Met 'pauze' ga je later verder.",
        "explain": "Goede vraag. {text}",
        "explain_back": "Dan gaan we verder met de vraag:",
        "summary_head": "Je antwoorden tot nu toe:",
        "summary_confirm": "Klopt dit? Kies 'bevestig' om je antwoorden in te sturen, of typ "
                           "'wijzig N' om een antwoord te veranderen (bijvoorbeeld wijzig 3).",
        "not_answered": "nog niet beantwoord",
        "with_note": " (met toelichting)",
        "confirm_too_early": "Bevestigen kan pas als je alle vragen hebt gehad. Eerst deze vraag:",
        "confirm_empty": "Je hebt nog geen enkele stelling beantwoord, dus er is niets om in "
                         "te sturen. Typ 'wijzig 1' om bij de eerste vraag te beginnen.",
        "answer_in_confirm": "Alle vragen zijn doorlopen, dus ik weet niet bij welke vraag dit "
                             "antwoord hoort. Typ 'wijzig N' om een antwoord te veranderen, of "
                             "'bevestig'.",
        "skip_in_confirm": "Je bent al bij het overzicht; overslaan kan hier niet.",
        "already_running": "Je bent al met de scan bezig. Dit is de vraag waar je bent:",
        "offer": "Je hebt een regioscan die nog niet af is ({answered} van {total} beantwoord). "
                 "Wil je verder waar je was, of opnieuw beginnen?",
        "offer_repeat": "Kies 'verder waar je was' of 'opnieuw'.",
        "restarted": "We beginnen opnieuw; je eerdere antwoorden van deze scan zijn gewist.",
        "resumed": "Fijn, we gaan verder waar je was.",
        "done": "Deze scan is al afgerond en ingestuurd. Start de regioscan opnieuw als je een "
                "nieuwe scan wilt invullen.",
        "submitted": "Dank je wel! Je antwoorden zijn ingestuurd.",
        "btn_dont_know": "weet ik niet",
        "btn_skip": "overslaan",
        "btn_back": "terug",
        "btn_confirm": "bevestig",
        "btn_resume": "verder waar je was",
        "btn_restart": "opnieuw",
        "btn_pause": "pauze",
    },
    "en": {
        "intro": "{title}\n\n{intro}\n\nAt any time you can type: back, skip, change N, "
                 "progress, summary, pause, stop or help.",
        "question": "Question {n} of {total} · {theme}\n{text}",
        "question_hint": "Choose 1 (strongly disagree) to 5 (strongly agree) or 'don't know'. "
                         "You may add an explanation, for example: 4, because ...",
        "current_answer": "Your answer so far: {label}.",
        "recorded": "Noted: {label}.",
        "recorded_note": "Noted: {label}, with your explanation.",
        "note_added": "Your explanation for question {n} has been saved.",
        "note_nothing": "There is no answer yet to add an explanation to. Answer the question "
                        "first; you can add the explanation after it, e.g.: 4, because ...",
        "note_empty": "Put your explanation after the colon, e.g.: note: the waiting list is long.",
        "stale": "This button belongs to an earlier question, so I did nothing with it. "
                 "This is the question you are at:",
        "not_understood": "I don't recognise that as an answer. Choose a number from 1 (strongly "
                          "disagree) to 5 (strongly agree), 'don't know', or type 'help'.",
        "out_of_range": "{number} is outside the scale. Choose a whole number from 1 to 5, or "
                        "'don't know'. Nothing was changed.",
        "first_question": "This is the first question; you cannot go further back.",
        "change_range": "There are {total} questions. Choose a number from 1 to {total}, "
                        "e.g.: change 3.",
        "progress": "You are at question {n} of {total} (theme {theme}). Answered: {answered}, "
                    "of which 'don't know': {dont_know}. Still open: {open}.",
        "progress_confirm": "You have been through all {total} questions. Answered: {answered}, "
                            "of which 'don't know': {dont_know}. Still open: {open}.",
        "paused": "The scan is paused. Your answers are saved ({answered} of {total} answered). "
                  "Start the regional scan again later and choose 'resume'.",
        "stopped": "You stopped the scan. Your answers so far are saved ({answered} of {total}). "
                   "When you start the regional scan again you can resume or start over.",
        "help": "Help with question {n}: {help}\n\nAnswer with a number (1 = strongly disagree, "
                "5 = strongly agree), with words like 'agree' or 'disagree', or with 'don't "
                "know'. You may add an explanation: '4, because ...', or later 'note: ...'.\n"
                "Commands: back, skip, change N, progress, summary, pause, stop.",
        "help_confirm": "You have seen all questions. Type 'confirm' to submit your answers, or "
                        "'change N' to change answer N (e.g. change 3). 'pause' to continue later.",
        "explain": "Good question. {text}",
        "explain_back": "Let's continue with the question:",
        "summary_head": "Your answers so far:",
        "summary_confirm": "Is this correct? Choose 'confirm' to submit your answers, or type "
                           "'change N' to change an answer (e.g. change 3).",
        "not_answered": "not answered yet",
        "with_note": " (with explanation)",
        "confirm_too_early": "You can confirm once you have seen all questions. First this one:",
        "confirm_empty": "You have not answered any statement yet, so there is nothing to "
                         "submit. Type 'change 1' to start at the first question.",
        "answer_in_confirm": "You have been through all questions, so I don't know which "
                             "question this answer belongs to. Type 'change N' or 'confirm'.",
        "skip_in_confirm": "You are at the overview already; skipping is not possible here.",
        "already_running": "You are already doing the scan. This is the question you are at:",
        "offer": "You have a regional scan that is not finished ({answered} of {total} "
                 "answered). Do you want to resume where you were, or start over?",
        "offer_repeat": "Choose 'resume' or 'start over'.",
        "restarted": "Starting over; your earlier answers in this scan have been cleared.",
        "resumed": "Good, let's continue where you were.",
        "done": "This scan has been completed and submitted. Start the regional scan again to "
                "fill in a new one.",
        "submitted": "Thank you! Your answers have been submitted.",
        "btn_dont_know": "don't know",
        "btn_skip": "skip",
        "btn_back": "back",
        "btn_confirm": "confirm",
        "btn_resume": "resume",
        "btn_restart": "start over",
        "btn_pause": "pause",
    },
}


def t(language: str, key: str, **values: object) -> str:
    """The text ``key`` in ``language`` (Dutch when the language is unknown)."""
    table = TEXTS.get(language, TEXTS["nl"])
    return table.get(key, TEXTS["nl"][key]).format(**values)


def number_nl(value: float, language: str = "nl", digits: int = 1) -> str:
    """A number with a decimal comma in Dutch, a point in English."""
    text = f"{value:.{digits}f}"
    return text if language == "en" else text.replace(".", ",")
