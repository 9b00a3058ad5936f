"""The Telegram bot end to end without internet: the real PTB client and the real core talk to
a fake Bot API server on 127.0.0.1. A question, a chart, /start with a region, a complete
regioscan by inline buttons, a stale button, and webhook mode with right and wrong secrets."""

from __future__ import annotations

import dataclasses
from typing import Any

from fastapi.testclient import TestClient

from bot.channels.api.app import create_app
from bot.channels.telegram.app import build_telegram_app

from .conftest import TOKEN


async def _say(application, api, update: dict[str, Any]) -> None:
    from telegram import Update

    await application.process_update(Update.de_json(update, application.bot))


def _texts(api) -> list[str]:
    return [str(c.params.get("text", "")) for c in api.sent("sendMessage")]


def _last_keyboard(api) -> tuple[dict[str, Any], list[dict[str, str]]]:
    """The last sent message that has an inline keyboard, and its buttons."""
    for call in reversed(api.sent("sendMessage", "sendPhoto")):
        markup = call.params.get("reply_markup")
        if isinstance(markup, dict) and markup.get("inline_keyboard"):
            buttons = [b for row in markup["inline_keyboard"] for b in row]
            message = {"message_id": call.result["message_id"], "date": 0,
                       "text": str(call.params.get("text", "")),
                       "chat": {"id": int(call.params["chat_id"]), "type": "private"}}
            return message, buttons
    raise AssertionError("no message with an inline keyboard was sent")


async def test_question_gets_a_computed_answer(botapi, real_services) -> None:
    api, url = botapi
    application = build_telegram_app(real_services, TOKEN, base_url=f"{url}/bot")
    async with application:
        await _say(application, api, api.message_update("Hoeveel jongeren in Amsterdam zijn NEET?",
                                                        chat_id=501))
    text = _texts(api)[-1]
    engine = real_services.indicators
    value = engine.lookup("neet", "GM0363", "totaal", engine.latest_year("neet")).value
    assert "Amsterdam" in text and f"{value:.1f}".replace(".", ",") in text
    assert "demonstratie" in text.lower()
    assert "**" not in text
    assert api.sent("sendChatAction")


async def test_start_region_and_oogo_command(botapi, real_services) -> None:
    api, url = botapi
    application = build_telegram_app(real_services, TOKEN, base_url=f"{url}/bot")
    async with application:
        await _say(application, api, api.message_update("/start", chat_id=502))
        assert "Welkom" in _texts(api)[-1]
        await _say(application, api, api.message_update("Utrecht", chat_id=502))
        assert "Je regio staat nu op Utrecht" in _texts(api)[-1]
        await _say(application, api, api.message_update("/oogo", chat_id=502))
        assert "Utrecht" in _texts(api)[-1]
        await _say(application, api, api.message_update("/bronnen", chat_id=502))
        assert "Bron: " in _texts(api)[-1]
        await _say(application, api, api.message_update("/regio Bergen", chat_id=502))
        message, buttons = _last_keyboard(api)
        assert [b["text"] for b in buttons] == ["Bergen (NH.)", "Bergen (L.)"]
        await _say(application, api, api.callback_update(buttons[0]["callback_data"], message,
                                                         chat_id=502))
        assert "Je regio staat nu op Bergen (NH.)" in _texts(api)[-1]


async def test_chart_arrives_as_photo(botapi, real_services) -> None:
    api, url = botapi
    application = build_telegram_app(real_services, TOKEN, base_url=f"{url}/bot")
    async with application:
        await _say(application, api, api.message_update(
            "Hoe verhoudt het NEET-percentage in Amsterdam zich tot het landelijk gemiddelde?",
            chat_id=503))
    photos = api.sent("sendPhoto")
    assert photos, "expected the comparison chart as a photo"
    assert photos[0].files["photo"].startswith(b"\x89PNG")


async def test_complete_regioscan_with_buttons_and_stale_button(botapi, real_services) -> None:
    api, url = botapi
    application = build_telegram_app(real_services, TOKEN, base_url=f"{url}/bot")
    async with application:
        await _say(application, api, api.message_update("/regioscan", chat_id=504))
        assert "Vraag 1 van 16" in _texts(api)[-1] or "vraag 1 van 16" in _texts(api)[-1]
        first_message, first_buttons = _last_keyboard(api)
        assert all(len(b["callback_data"].encode()) <= 64 for b in first_buttons)
        answered = 0
        for _ in range(25):
            message, buttons = _last_keyboard(api)
            labels = [b["text"] for b in buttons]
            if "bevestig" in labels:
                choice = buttons[labels.index("bevestig")]
            else:
                choice = next(b for b in buttons if b["text"].startswith("4"))
                answered += 1
            await _say(application, api, api.callback_update(choice["callback_data"], message,
                                                             chat_id=504))
            if answered == 2 and "bevestig" not in labels:
                # a button of the first question, pressed again now: its keyboard is gone, so
                # Telegram says "message is not modified" and the tap is passed over quietly
                stale = next(b for b in first_buttons if b["text"].startswith("2"))
                sent = len(_texts(api))
                await _say(application, api, api.callback_update(
                    stale["callback_data"], first_message, chat_id=504))
                assert len(_texts(api)) == sent
                assert "al gebruikt" in str(api.sent("answerCallbackQuery")[-1].params["text"])
                assert "Vraag 3 van 16" in _texts(api)[-1]
            if "ingestuurd" in _texts(api)[-1]:
                break
        assert answered == 16
        final = _texts(api)[-1]
        assert "Uitkomst" in final and "4,0" in final and "2,0" not in final
        # after the outcome text, the same result as a PDF file, never a pointer to the web
        result = api.sent("sendDocument")[-1]
        assert result.files["document"].startswith(b"%PDF")
        assert result.params.get("caption") == "Mijn regioscan-uitslag"
        assert api.sent("answerCallbackQuery") and api.sent("editMessageReplyMarkup")


def test_webhook_mode_checks_the_secret(botapi, real_services) -> None:
    api, url = botapi
    from bot.settings import Settings

    settings = Settings(**{**dataclasses.asdict(real_services.settings),
                           "telegram_token": TOKEN, "telegram_webhook_secret": "juist-geheim",
                           "telegram_base_url": f"{url}/bot"}, _env_file=None)
    update = api.message_update("Wat is het OOGO?", chat_id=505)
    with TestClient(create_app(real_services, settings), raise_server_exceptions=False) as client:
        wrong = client.post("/telegram/webhook", json=update,
                            headers={"X-Telegram-Bot-Api-Secret-Token": "fout"})
        missing = client.post("/telegram/webhook", json=update)
        assert wrong.status_code == missing.status_code == 403
        assert not api.sent("sendMessage")
        right = client.post("/telegram/webhook", json=update,
                            headers={"X-Telegram-Bot-Api-Secret-Token": "juist-geheim"})
        assert right.status_code == 200, right.text
    assert "OOGO" in _texts(api)[-1]
    assert api.sent("getMe")  # the PTB application was initialised against the fake server
