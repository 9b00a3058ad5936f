"""The web chat page in a real browser (Debian's chromium, driven by Playwright) against a real
uvicorn serving the real core: region picker, question with chart and sources, options,
feedback, the regioscan with scale buttons and progress bar, keyboard focus.

The other test_browser_*.py files cover the items of the page as a daily tool (history, scan
result, reports, reading on every screen, notices, print and export, words, accessibility)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .browser import CHROMIUM, DESKTOP, PHONE, ask, chromium_page, open_chat, press

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():  # scripts/install-system.sh installs it; say so loudly, do not skip
    pytest.fail("Debian's chromium is missing: run scripts/install-system.sh", pytrace=False)


def test_chat_page_in_chromium(live_server: str, tmp_path: Path) -> None:
    with chromium_page(*DESKTOP) as page:
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        open_chat(page, live_server)
        assert page.locator("main").count() == 1 and page.locator("header").count() == 1
        assert page.get_attribute("#messages", "aria-live") == "polite"
        assert page.locator("label[for=question]").inner_text() == "Je vraag"

        # region picker: suggestions come from /api/regions; choosing shows it in the header
        page.fill("#region-input", "Amsterdam")
        page.wait_for_function(
            "() => document.querySelectorAll('#region-options option').length > 0")
        page.press("#region-input", "Enter")
        page.wait_for_function("() => document.querySelector('#region-status').textContent"
                               ".includes('GM0363')")
        assert page.inner_text("#region-name") == "Amsterdam (gemeente)"
        assert page.is_hidden("#region-form")
        conversation = page.evaluate("() => localStorage.getItem('oogo.conversation')")
        assert page.get_attribute("#report-link", "href") == (
            f"/api/reports/GM0363.pdf?conversation_id={conversation}")
        assert "Je regio is Amsterdam" in page.inner_text("#intro-text")
        # the first example asks about the chosen region (user10: still Amsterdam's after
        # choosing Enschede; here Amsterdam is chosen, so the wording is what changed)
        example = page.locator(".message.intro .option").first
        assert example.inner_text() == "Hoe hoog is de NEET in Amsterdam?"
        assert example.get_attribute("data-text") == "Hoe hoog is de NEET in Amsterdam?"

        # an indicator question, typed and sent with Enter only
        answer = ask(page, "Hoe verhoudt het NEET-percentage in Amsterdam zich tot het landelijk "
                           "gemiddelde?")
        assert "%" in answer.inner_text()
        img = answer.locator("figure img")
        assert img.count() >= 1, "expected a chart in the comparison answer"
        assert img.first.get_attribute("alt")
        page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                               arg=img.first.element_handle())
        assert answer.locator(".about").inner_text().startswith("Definitie")

        # feedback on that answer
        answer.get_by_role("button", name="Ja, nuttig antwoord").click()
        page.wait_for_function("() => document.querySelector('article.message.bot:last-of-type "
                               ".feedback [role=status]').textContent.includes('Bedankt')")

        # a knowledge question: each source is "title — heading" and opens its passage
        answer = ask(page, "Wat is het OOGO?")
        cite = answer.locator("button.citation").first
        assert " — " in cite.inner_text() and ".md" not in cite.inner_text()
        passage = answer.locator(".passage-text").first
        assert passage.is_hidden() and cite.get_attribute("aria-expanded") == "false"
        cite.click()
        assert passage.is_visible() and cite.get_attribute("aria-expanded") == "true"
        assert "OOGO" in passage.inner_text()

        # a clickable follow-up: the user's bubble shows its label
        answer = ask(page, "Hoeveel jongeren in Utrecht zijn NEET?")
        option = answer.locator(".choices button").first
        label = option.inner_text()
        press(page, option)
        assert page.locator("article.message.user").last.inner_text() == label

        # the regioscan with scale buttons and a labelled progress bar
        answer = ask(page, "/regioscan")
        assert answer.locator("progress").get_attribute("value") == "1"
        assert answer.locator(".progress-wrap label").inner_text().startswith(
            "Regioscan: vraag 1 van 16")
        for step in range(2, 5):
            answer = press(page, answer.get_by_role("button", name="4 eens"))
            assert answer.locator("progress").get_attribute("value") == str(step)
        # old buttons are disabled so a stale answer cannot be sent twice
        assert page.locator("article.message.bot").nth(-2).locator(".scale-group button")\
            .first.is_disabled()
        # after a button press the keyboard stays in the conversation: the next choices
        assert page.evaluate("() => document.activeElement.closest('article') === "
                             "document.querySelector('article.message.bot:last-of-type')")

        # keyboard focus is visible on the send button
        page.focus("#question")
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.id") == "send"
        outline = page.eval_on_selector("#send", "el => getComputedStyle(el).outlineStyle")
        assert outline != "none"

        shot = tmp_path / "chat.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert errors == []


def test_chat_page_on_a_phone(live_server: str) -> None:
    with chromium_page(*PHONE) as page:
        open_chat(page, live_server)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, "no horizontal scrolling on a phone"
        assert ask(page, "Wat is de regioscan?").inner_text()
