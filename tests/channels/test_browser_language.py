"""The page's own words follow each answer's language: an English question gets "Source" and
"Useful?" around its answer, a Dutch one "Bron" and "Nuttig?", while the page frame stays Dutch;
the words reach the page as a data block that the real Content-Security-Policy lets through.
And a message that is too long shows its warning once (announced, not printed twice)."""

from __future__ import annotations

import pytest

from .browser import DESKTOP, PHONE, ask, chromium_browser, new_page, open_chat

pytestmark = pytest.mark.browser

ENGLISH = "Who sits at the table in the OOGO?"
DUTCH = "Wie zitten er aan tafel bij het OOGO?"


def _chrome(answer) -> dict[str, str]:
    """The words the page put around one answer (not the answer text itself)."""
    return answer.evaluate("""a => {
        const text = (sel) => (a.querySelector(sel) || {}).textContent || '';
        const label = (sel) => (a.querySelector(sel) || {getAttribute: () => ''})
            .getAttribute('aria-label') || '';
        return { lang: a.getAttribute('lang'), sources: text('.citations-title'),
                 feedback: text('.feedback'), group: label('.feedback'),
                 yes: label('.feedback button[data-rating=up]'), choices: label('.choices') };
    }""")


def test_words_around_an_answer_follow_its_language(live_server: str) -> None:
    with chromium_browser() as browser:
        # the page's real CSP (no bypass): the words must still reach the scripts
        context = browser.new_context(viewport={"width": DESKTOP[0], "height": DESKTOP[1]},
                                      locale="nl-NL")
        page = new_page(browser, *DESKTOP, context=context)
        problems: list[str] = []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        open_chat(page, live_server)

        english = _chrome(ask(page, ENGLISH))
        assert english["lang"] == "en"
        assert english["sources"] in ("Source", "Sources")
        assert english["feedback"].startswith("Useful?") and "Yes" in english["feedback"]
        assert english["group"] == "Was this answer useful?"
        assert english["yes"] == "Yes, a useful answer"
        assert english["choices"] in ("", "Choose a follow-up question")

        dutch = _chrome(ask(page, DUTCH))
        assert dutch["lang"] == "nl"
        assert dutch["sources"] in ("Bron", "Bronnen")
        assert dutch["feedback"].startswith("Nuttig?") and "Ja" in dutch["feedback"]
        assert dutch["group"] == "Was dit antwoord nuttig?"

        # the frame stays Dutch whatever the answers' language
        assert page.get_attribute("html", "lang") == "nl"
        assert page.get_attribute("#question", "placeholder") == "Stel je vraag"
        assert page.locator("article.message.user").last.get_attribute("aria-label") == "Jij"
        blocked = [p for p in problems if "page text" in p or "Content Security Policy" in p]
        assert not blocked, blocked

        # an English regioscan: its progress line is English from start to end
        answer = ask(page, "Start the regioscan")
        if answer.get_attribute("lang") == "en":
            label = answer.locator(".progress-wrap label").inner_text()
            assert label.startswith("Regioscan: question 1 of 16"), label
            group = answer.locator(".scale-group")
            assert group.get_attribute("aria-label") == "Choose your answer"
        context.close()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_too_long_message_is_warned_once(live_server: str, size) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *size)
        open_chat(page, live_server)
        page.fill("#question", "x" * 4100)
        page.dispatch_event("#question", "input")
        page.press("#question", "Enter")
        warning = "het maximum is 4.000"
        shown = page.evaluate("""w => [...document.querySelectorAll('p, span, div')].filter(n =>
            n.childElementCount === 0 && n.textContent.includes(w) && n.checkVisibility() &&
            n.getBoundingClientRect().width > 2 && n.getBoundingClientRect().height > 2)
            .map(n => n.id)""", warning)
        assert shown == ["char-count"], shown
        # still said to a screen reader: the status region carries it, and the field points at it
        assert warning in page.inner_text("#form-status")
        assert page.get_attribute("#form-status", "role") == "status"
        assert page.get_attribute("#question", "aria-describedby") == "char-count"
        assert page.get_attribute("#question", "aria-invalid") == "true"
        # the warning goes away with the text; the status line is visible again for other news
        page.fill("#question", "kort")
        page.dispatch_event("#question", "input")
        page.press("#question", "Enter")
        page.wait_for_selector("article.message.bot:not(.intro)[aria-busy=false]")
        assert "visually-hidden" not in (page.get_attribute("#form-status", "class") or "")
