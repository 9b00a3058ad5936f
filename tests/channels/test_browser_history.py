"""Item 1 of the page as a daily tool: the conversation survives a reload and shows in a new tab
of the same session, never in another session; the header shows the chosen region (also one set
by typing); an unfinished regioscan shows a banner with "Verder"."""

from __future__ import annotations

import pytest

from .browser import (
    BOT,
    DESKTOP,
    PHONE,
    ask,
    base_url,
    chromium_browser,
    conversation_id,
    fill_scan_by_api,
    new_page,
    open_chat,
    press,
)

pytestmark = pytest.mark.browser


def test_reload_and_new_tab_restore_the_conversation(live_server: str) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *PHONE)
        open_chat(page, live_server)
        ask(page, "Hoeveel jongeren in Amsterdam zijn NEET?")
        ask(page, "Wat is het OOGO?")
        before = page.locator(BOT).all_inner_texts()
        users = page.locator("article.message.user").all_inner_texts()

        page.reload()
        page.wait_for_selector("body[data-ready=true]")
        assert page.get_attribute("body", "data-restored") == "2"
        assert page.locator("article.message.user").all_inner_texts() == users
        assert page.locator(BOT).all_inner_texts() == before
        assert page.locator(BOT).first.locator("figure img").count() >= 1
        assert page.locator(BOT).last.locator("button.citation").count() >= 1

        tab = new_page(browser, *PHONE, context=page.context)  # same cookie, same storage
        open_chat(tab, live_server)
        assert tab.locator("article.message.user").all_inner_texts() == users

        stranger = new_page(browser, *PHONE)  # another session
        open_chat(stranger, live_server)
        assert stranger.locator(BOT).count() == 0
        # even with the same conversation id the other session sees nothing
        stolen = conversation_id(page)
        url = base_url(stranger)
        history = stranger.request.get(f"{url}/api/chat/history?conversation_id={stolen}")
        assert history.ok and history.json()["turns"] == []
        export = stranger.request.get(f"{url}/api/chat/export.md?conversation_id={stolen}")
        assert "Wat is het OOGO?" not in export.text()
        own = page.request.get(f"{url}/api/chat/export.md?conversation_id={stolen}")
        assert "Wat is het OOGO?" in own.text()


def test_header_shows_the_region_also_when_set_by_typing(live_server: str) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *DESKTOP)
        open_chat(page, live_server)
        assert page.is_hidden("#region-current") and page.is_visible("#region-form")
        ask(page, "/regio Zwolle")
        assert page.inner_text("#region-name") == "Zwolle (gemeente)"
        page.reload()
        page.wait_for_selector("body[data-ready=true]")
        assert page.inner_text("#region-name") == "Zwolle (gemeente)"
        assert "Je regio is Zwolle" in page.inner_text("#intro-text")
        assert "Kies eerst" not in page.inner_text("#intro-text")
        # "Wijzig" opens the picker again
        page.click("#region-change")
        assert page.is_visible("#region-input")
        assert page.get_attribute("#region-change", "aria-expanded") == "true"


def test_an_unfinished_scan_shows_a_banner_with_verder(live_server: str) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *PHONE)
        open_chat(page, live_server)
        fill_scan_by_api(page, 3)
        page.reload()
        page.wait_for_selector("body[data-ready=true]")
        banner = page.locator("#scan-banner")
        assert banner.is_visible()
        assert "vraag 4 van 16" in banner.inner_text()
        assert banner.evaluate("el => el.getBoundingClientRect().bottom <= window.innerHeight")
        # only the newest question's buttons still work after the reload
        scale = page.locator(f"{BOT} .scale-group")
        assert scale.last.locator("button").first.is_enabled()
        assert scale.first.locator("button").first.is_disabled()

        answer = press(page, page.get_by_role("button", name="Verder met de regioscan"))
        assert answer.locator("progress").get_attribute("value") == "4"
        assert banner.is_hidden()

        answer = ask(page, "pauze")
        assert banner.is_visible() and "pauze" in banner.inner_text()
        assert "3 van 16" in banner.inner_text()
        answer = press(page, page.get_by_role("button", name="Verder met de regioscan"))
        resume = answer.get_by_role("button", name="verder", exact=False).first
        answer = press(page, resume)
        assert answer.locator("progress").get_attribute("value") == "4"
        assert banner.is_hidden()
