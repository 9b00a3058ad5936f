"""The web chat page in a real browser (Debian's chromium, driven by Playwright) against a real
uvicorn serving the real core: question with chart and citation, options, regioscan with the
scale buttons and progress bar, keyboard-only sending, feedback, region picker and report link."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .browser import CHROMIUM, chromium_page

pytestmark = pytest.mark.browser

if not CHROMIUM.exists():  # scripts/install-system.sh installs it; say so loudly, do not skip
    pytest.fail("Debian's chromium is missing: run scripts/install-system.sh", pytrace=False)


def _last_bot(page):
    return page.locator("article.message.bot").last


def _send(page, text: str) -> None:
    """Type and press Enter (keyboard only), then wait for the finished answer."""
    before = page.locator("article.message.bot").count()
    page.focus("#question")
    page.keyboard.type(text)
    page.keyboard.press("Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('article.message.bot').length > n && "
        "document.querySelector('article.message.bot:last-of-type')"
        ".getAttribute('aria-busy') === 'false'", arg=before)


def test_chat_page_in_chromium(live_server: str, tmp_path: Path) -> None:
    with chromium_page() as page:
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(live_server + "/")
        assert page.locator("main").count() == 1 and page.locator("header").count() == 1
        assert page.get_attribute("#messages", "aria-live") == "polite"
        assert page.locator("label[for=question]").inner_text() == "Uw vraag"

        # region picker: suggestions come from /api/regions, choosing sets the report link
        page.fill("#region-input", "Amsterdam")
        page.wait_for_function(
            "() => document.querySelectorAll('#region-options option').length > 0")
        page.press("#region-input", "Enter")
        page.wait_for_function("() => document.querySelector('#region-status').textContent"
                               ".includes('GM0363')")
        assert page.get_attribute("#report-link", "href") == "/api/reports/GM0363.pdf"
        assert page.is_visible("#report-link")

        # an indicator question, typed and sent with Enter only
        _send(page, "Hoe verhoudt het NEET-percentage in Amsterdam zich tot het landelijk "
                    "gemiddelde?")
        answer = _last_bot(page)
        assert "%" in answer.inner_text()
        assert answer.locator(".demo-notice").is_visible()
        img = answer.locator("figure img")
        assert img.count() >= 1, "expected a chart in the comparison answer"
        assert img.first.get_attribute("alt")
        page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                               arg=img.first.element_handle())

        target = os.environ.get("OOGO_SCREENSHOT")  # docs/screenshots/chat.png
        if target:
            page.screenshot(path=target, full_page=True,
                            clip={"x": 0, "y": 0, "width": 1100, "height": 1450})

        # feedback on that answer
        answer.get_by_role("button", name="Ja, nuttig antwoord").click()
        page.wait_for_function("() => document.querySelector('article.message.bot:last-of-type "
                               ".feedback [role=status]').textContent.includes('Bedankt')")

        # a knowledge question shows expandable citations
        _send(page, "Wat is het OOGO?")
        answer = _last_bot(page)
        details = answer.locator("details.citations")
        assert details.count() == 1
        assert not details.locator("li").first.is_visible()
        details.locator("summary").click()
        assert details.locator("li").first.is_visible()
        assert "Het OOGO" in details.inner_text() and ".md" not in details.inner_text()

        # a clickable option (follow-up) from an indicator answer
        _send(page, "Hoeveel jongeren in Utrecht zijn NEET?")
        option = _last_bot(page).locator(".choices button").first
        option_label = option.inner_text()
        count = page.locator("article.message.bot").count()
        option.click()
        page.wait_for_function(
            "n => document.querySelectorAll('article.message.bot').length > n && "
            "document.querySelector('article.message.bot:last-of-type')"
            ".getAttribute('aria-busy') === 'false'", arg=count)
        assert page.locator("article.message.user").last.inner_text() == option_label

        # the regioscan with scale buttons and a labelled progress bar
        _send(page, "/regioscan")
        progress = _last_bot(page).locator("progress")
        assert progress.get_attribute("value") == "1"
        assert _last_bot(page).locator(".progress-wrap label").inner_text().startswith(
            "Regioscan: vraag 1 van 16")
        for step in range(2, 5):
            count = page.locator("article.message.bot").count()
            _last_bot(page).get_by_role("button", name="4 eens").click()
            page.wait_for_function(
                "n => document.querySelectorAll('article.message.bot').length > n && "
                "document.querySelector('article.message.bot:last-of-type')"
                ".getAttribute('aria-busy') === 'false'", arg=count)
            assert _last_bot(page).locator("progress").get_attribute("value") == str(step)
        # old buttons are disabled so a stale answer cannot be sent twice
        assert page.locator("article.message.bot").nth(-2).locator(".scale-group button")\
            .first.is_disabled()

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
    with chromium_page(width=390, height=844) as page:
        page.goto(live_server + "/")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, "no horizontal scrolling on a phone"
        _send(page, "Wat is de regioscan?")
        assert _last_bot(page).inner_text()
