"""Items 4-7 of the page as a daily tool: reading on every screen (scroll to the start of a new
answer, charts enlarged in a dialog, layouts at 390, 768 and 1280 px, a compact input), the demo
notice once per answer and above the fold, print and export, and the words (je, a character
counter, no follow-up that repeats the question)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from .browser import (
    BOT,
    DESKTOP,
    PHONE,
    TABLET,
    ask,
    base_url,
    chromium_browser,
    new_page,
    no_horizontal_scroll,
    open_chat,
    press,
)

pytestmark = pytest.mark.browser

CHART_QUESTION = "Hoe verhoudt het NEET-percentage in Amsterdam zich tot het landelijk gemiddelde?"
POINTS_QUESTION = "Welke bespreekpunten zijn er voor het OOGO in Zwolle?"
PEERS_QUESTION = "Jeugdzorg in Zwolle vergeleken met vergelijkbare gemeenten"  # nine bars


def _top(locator) -> float:
    return locator.evaluate("el => el.getBoundingClientRect().top")


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_new_answer_starts_at_the_top_and_the_input_stays_compact(live_server: str,
                                                                    size) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *size)
        open_chat(page, live_server)
        ask(page, CHART_QUESTION)
        answer = ask(page, POINTS_QUESTION)
        height = answer.evaluate("el => el.getBoundingClientRect().height")
        assert height > size[1], "the points answer is longer than the screen"
        assert 0 <= _top(answer) <= 24, "the first line of the new answer is at the top"
        form = page.locator("#chat-form").evaluate("el => el.getBoundingClientRect()")
        assert form["bottom"] <= size[1] + 1  # the input stays on screen
        if size == PHONE:
            assert form["height"] <= 0.11 * size[1], f"input takes {form['height']} px"
        # a long paste makes the field grow, but never over a third of the screen
        page.fill("#question", "regel\n" * 40)
        page.dispatch_event("#question", "input")
        assert page.locator("#question").evaluate("el => el.offsetHeight") <= size[1] * 0.31


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_chart_opens_enlarged_in_an_accessible_dialog(live_server: str, size) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *size)
        open_chat(page, live_server)
        answer = ask(page, CHART_QUESTION)
        image = answer.locator("figure img").first
        small = image.evaluate("el => el.getBoundingClientRect().width")
        image.click()  # a tap on the chart itself
        dialog = page.locator("#chart-dialog")
        assert dialog.evaluate("d => d.open")
        assert page.get_attribute("#chart-dialog", "aria-labelledby") == "chart-dialog-title"
        assert page.inner_text("#chart-dialog-title")
        big = dialog.locator("img.zoomed")
        page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                               arg=big.element_handle())
        assert big.evaluate("el => el.getBoundingClientRect().width") > small
        assert dialog.locator(".chart-alt").inner_text() == image.get_attribute("alt")
        assert page.evaluate("() => document.activeElement.textContent") == "Sluiten"
        page.keyboard.press("Escape")
        assert not dialog.evaluate("d => d.open")
        # by keyboard: the "Vergroot" button opens it, "Sluiten" closes it, focus comes back
        zoom = answer.locator("button.chart-zoom").first
        zoom.focus()
        page.keyboard.press("Enter")
        assert dialog.evaluate("d => d.open")
        page.keyboard.press("Enter")  # on "Sluiten"
        assert not dialog.evaluate("d => d.open")
        assert zoom.evaluate("el => el === document.activeElement")


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_an_enlarged_chart_is_readable_and_says_when_it_scrolls(live_server: str, size) -> None:
    """On a phone the enlarged chart was 44rem wide whatever the chart: nine bars kept text of
    5 px, two bars had Nederland cut off, and nothing said that the chart scrolls. A chart's
    smallest text is about 11 px at the image's own size; on a phone the chart is shown at
    that size, in a box of its own that scrolls sideways, with a line that says so and a
    visible scrollbar (the system's, or a bar of the page's where a phone hides its own). On a
    wide screen it fits the width, as before."""
    with chromium_browser() as browser:
        page = new_page(browser, *size)
        open_chat(page, live_server)
        for question in (PEERS_QUESTION, CHART_QUESTION):
            answer = ask(page, question)
            answer.locator("button.chart-zoom").first.click()
            big = page.locator("#chart-dialog img.zoomed")
            page.wait_for_function("img => img.complete && img.naturalWidth > 0",
                                   arg=big.element_handle())
            box = page.locator("#chart-dialog .chart-scroll")
            hint = page.locator("#chart-dialog .chart-scroll-hint")
            scale = big.evaluate("el => el.getBoundingClientRect().width / el.naturalWidth")
            overflows = box.evaluate("el => el.scrollWidth > el.clientWidth + 1")
            # only the chart's own box says that it scrolls: the dialog's body around it, a
            # tab stop too, no longer scrolls sideways (it said "schuif om alles te zien" on a
            # wide screen where nothing scrolls, and twice on a phone)
            assert "schuif" not in page.get_attribute("#chart-dialog-body", "aria-label")
            if size == PHONE:
                assert scale >= 0.99, f"{question}: shown at {scale:.2f} of its size"
                assert overflows and hint.is_visible(), question
                assert "opzij" in hint.inner_text()
                # only the chart scrolls: the heading, the hint and the text stay on screen
                assert page.locator("#chart-dialog-body").evaluate(
                    "el => el.scrollWidth <= el.clientWidth")
                assert page.locator("#chart-dialog .chart-scroll-track").is_visible() \
                    or box.evaluate("el => el.offsetHeight > el.clientHeight")
                assert box.get_attribute("tabindex") == "0"  # scrolls with the keyboard too
                box.focus()
                page.keyboard.press("ArrowRight")
                page.wait_for_function("el => el.scrollLeft > 0", arg=box.element_handle())
                box.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
                assert big.evaluate("el => el.getBoundingClientRect().right") <= size[0]
            else:
                assert not overflows and not hint.is_visible(), question
                assert box.get_attribute("tabindex") is None
            page.keyboard.press("Escape")


@pytest.mark.parametrize("size", [PHONE, TABLET, DESKTOP], ids=["390", "768", "1280"])
def test_layouts_fit_the_screen(live_server: str, size) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *size)
        open_chat(page, live_server)
        assert page.is_visible("#demo-banner")
        banner = page.locator("#demo-banner").evaluate("el => el.getBoundingClientRect().bottom")
        assert banner <= size[1] * 0.5, "the demo notice is above the fold on a first visit"
        ask(page, CHART_QUESTION)
        ask(page, "Wat is het OOGO?")
        assert no_horizontal_scroll(page)
        right = page.evaluate("() => Math.max(...[...document.querySelectorAll("
                              "'.message, figure, .chat-form, header .wrap')].map("
                              "e => e.getBoundingClientRect().right))")
        assert right <= size[0]
        font = page.eval_on_selector(f"{BOT} .answer-text", "el => parseFloat("
                                     "getComputedStyle(el).fontSize)")
        assert font >= 16
        tagline_shown = page.is_visible(".tagline")
        assert tagline_shown == (size != PHONE)  # the phone header stays short


def test_demo_notice_once_per_answer_as_one_element(live_server: str) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *PHONE)
        open_chat(page, live_server)
        for question in (CHART_QUESTION, "En landelijk?"):
            answer = ask(page, question)
            assert answer.locator(".notices").count() == 1
            demo = answer.locator(".notice-demo")
            assert demo.count() == 1 and "demonstratie" in demo.inner_text().lower()
            text = " ".join(answer.locator(".answer-text").all_inner_texts()).lower()
            assert "demonstratie" not in text, "the notice is not repeated in the answer text"


def test_print_shows_the_conversation_with_charts_and_sources(live_server: str, tmp_path) -> None:
    import pypdfium2

    with chromium_browser() as browser:
        page = new_page(browser, *DESKTOP)
        open_chat(page, live_server)
        ask(page, CHART_QUESTION)
        answer = ask(page, "Wat is het OOGO?")
        passage = answer.locator(".passage-text").first.text_content()[:60]
        page.emulate_media(media="print")
        styles = page.evaluate("""() => {
            const s = (sel) => getComputedStyle(document.querySelector(sel));
            const user = document.querySelector('article.message.user');
            return {form: s('#chat-form').display, tools: s('.tools').display,
                    userColor: s('article.message.user').color,
                    userBg: s('article.message.user').backgroundColor,
                    userLabel: getComputedStyle(user, '::before').content,
                    header: s('.site-header').backgroundColor,
                    passage: s('.passage-text').display};
        }""")
        assert styles["form"] == "none" and styles["tools"] == "none"
        assert styles["userColor"] == "rgb(0, 0, 0)"
        assert styles["userBg"] == "rgb(255, 255, 255)" and styles["header"] == "rgb(255, 255, 255)"
        assert styles["userLabel"] == '"Jij: "'
        assert styles["passage"] == "block", "sources print with their passage text"
        pdf_path = tmp_path / "gesprek.pdf"
        page.pdf(path=str(pdf_path))
        document = pypdfium2.PdfDocument(str(pdf_path))
        text = " ".join(document[i].get_textpage().get_text_range()
                        for i in range(len(document)))
        flat = re.sub(r"\s+", " ", text)
        assert "Jij:" in flat and "Assistent:" in flat and "Wat is het OOGO?" in flat
        assert re.sub(r"\s+", " ", passage).strip()[:40] in flat
        images = sum(1 for i in range(len(document)) for obj in document[i].get_objects()
                     if obj.type == pypdfium2.raw.FPDF_PAGEOBJ_IMAGE)
        assert images >= 1, "the chart is printed"


def test_export_conversation_as_markdown(live_server: str) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *DESKTOP)
        open_chat(page, live_server)
        ask(page, CHART_QUESTION)
        ask(page, "Wat is het OOGO?")
        page.reload()  # the export comes from the server, so it is complete after a reload
        page.wait_for_selector("body[data-ready=true]")
        with page.expect_download() as download:
            page.click("#export-link")
        text = Path(download.value.path()).read_text(encoding="utf-8")
        assert download.value.suggested_filename.startswith("oogo-gesprek-")
        assert text.startswith("# Gesprek met de OOGO-assistent")
        assert "## 1. Jij" in text and "## 2. Jij" in text
        assert f"> {CHART_QUESTION}" in text and "> Wat is het OOGO?" in text
        assert "*Grafiek:" in text and "Bron:" in text
        assert "demonstratie" in text.lower()


def test_words_counter_and_followups(live_server: str) -> None:
    with chromium_browser() as browser:
        page = new_page(browser, *PHONE)
        open_chat(page, live_server)
        chrome = page.inner_text("body")
        assert not re.search(r"\b([Uu]w?)\b", chrome), "the page says 'je', not 'u'"
        assert "Je regio" in chrome or "je regio" in chrome

        # the counter appears before the limit and warns past it; nothing is cut or sent
        page.fill("#question", "a" * 3500)
        page.dispatch_event("#question", "input")
        assert page.is_visible("#char-count")
        assert page.inner_text("#char-count") == "3.500 van 4.000 tekens"
        page.fill("#question", "b" * 4200)
        page.dispatch_event("#question", "input")
        assert "maximum is 4.000" in page.inner_text("#char-count")
        assert page.get_attribute("#question", "aria-invalid") == "true"
        page.press("#question", "Enter")
        assert page.locator("article.message.user").count() == 0
        assert "maximum is 4.000" in page.inner_text("#form-status")
        assert len(page.input_value("#question")) == 4200

        # the API answers in the same words
        too_long = page.request.post(base_url(page) + "/api/chat",
                                     data={"text": "c" * 4100}, headers={})
        assert too_long.status == 422 and too_long.json()["detail"].startswith("Je bericht")

        # follow-ups never offer the question that was just asked, nor a label twice
        page.fill("#question", "")
        ask(page, "Hoeveel jongeren in Amsterdam zijn NEET?")
        answer = ask(page, "En landelijk?")
        labels = [t.strip() for t in answer.locator(".choices button").all_inner_texts()]
        assert labels and "En landelijk?" not in labels
        assert len(labels) == len({label.lower() for label in labels})


def test_a_clarification_offers_each_region_once_by_its_name(live_server: str) -> None:
    """The reply lists the candidates as buttons (name) and as options (code): one button each,
    and pressing it answers for that gemeente."""
    with chromium_browser() as browser:
        page = new_page(browser, *PHONE)
        open_chat(page, live_server)
        answer = ask(page, "Hoe hoog is de NEET in Bergen?")
        labels = [t.strip() for t in answer.locator(".choices button").all_inner_texts()]
        assert labels == ["Bergen (NH.)", "Bergen (L.)"]
        answer = ask(page, "NEET in Zwolle (Gld.)")
        labels = [t.strip() for t in answer.locator(".choices button").all_inner_texts()]
        assert labels == ["Zwolle (Overijssel)"]
        chosen = press(page, answer.locator(".choices button").first)
        assert "NEET) in Zwolle (2023)" in chosen.inner_text()
