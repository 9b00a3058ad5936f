"""Telegram channel against the fake Bot API server with a fake core: splitting, photos,
stale buttons, rate-limit retries and the token kept out of logs."""

from __future__ import annotations

import asyncio
import logging
import time

from bot.channels.telegram.app import build_telegram_app
from bot.channels.telegram.render import MAX_TEXT, split_text
from bot.core.messages import Reply

from .conftest import TOKEN
from .fakes import FakeServices


async def _process(application, update: dict) -> None:
    from telegram import Update

    await application.process_update(Update.de_json(update, application.bot))


def test_split_text_keeps_paragraphs_and_limit() -> None:
    paragraph = ("Dit is een alinea over jeugdhulp en passend onderwijs. " * 30).strip()
    text = "\n\n".join([paragraph] * 8)
    parts = split_text(text)
    assert len(parts) > 1
    assert all(len(p) <= MAX_TEXT for p in parts)
    assert all(p.endswith(".") for p in parts[:-1])  # cut between paragraphs, not mid-word
    assert "".join(parts).replace("\n", "") == text.replace("\n", "")
    assert split_text("x" * (MAX_TEXT * 2 + 5)) == ["x" * MAX_TEXT, "x" * MAX_TEXT, "xxxxx"]


async def test_long_answer_is_split(botapi, channel_settings) -> None:
    api, url = botapi
    services = FakeServices(channel_settings)
    long_text = "\n\n".join(["Alinea over het ondersteuningsplan. " * 40] * 6)
    services.assistant.handle = lambda message: Reply(text=long_text)
    application = build_telegram_app(services, TOKEN, base_url=f"{url}/bot")
    async with application:
        await _process(application, api.message_update("vertel alles"))
    texts = [c.params["text"] for c in api.sent("sendMessage")]
    assert len(texts) >= 3
    assert all(len(str(t)) <= MAX_TEXT for t in texts)


async def test_chart_sent_as_photo_and_stale_token_rejected(botapi, channel_settings) -> None:
    api, url = botapi
    services = FakeServices(channel_settings)
    application = build_telegram_app(services, TOKEN, base_url=f"{url}/bot")
    async with application:
        await _process(application, api.message_update("grafiek van NEET"))
        photos = api.sent("sendPhoto")
        assert len(photos) == 1
        assert photos[0].files["photo"].startswith(b"\x89PNG")
        await _process(application, api.callback_update("t:cnonexistent"))
    answers = api.sent("answerCallbackQuery")
    assert answers and "verlopen" in str(answers[-1].params.get("text"))


async def test_retry_after_429_still_delivers(botapi, channel_settings) -> None:
    api, url = botapi
    api.fail_next["sendMessage"] = 1
    application = build_telegram_app(FakeServices(channel_settings), TOKEN,
                                     base_url=f"{url}/bot")
    started = time.monotonic()
    async with application:
        await _process(application, api.message_update("Wat is het OOGO?"))
    sends = api.sent("sendMessage")
    assert len(sends) == 2  # the 429 and the retry
    assert "Antwoord op: Wat is het OOGO?" in str(sends[-1].params["text"])
    assert time.monotonic() - started >= 1.0  # waited retry_after


async def test_polling_answers_a_queued_update(botapi, channel_settings) -> None:
    api, url = botapi
    application = build_telegram_app(FakeServices(channel_settings), TOKEN,
                                     base_url=f"{url}/bot")
    api.queue(api.message_update("Hoe werkt de regioscan?"))
    async with application:
        await application.start()
        await application.updater.start_polling(poll_interval=0.05, timeout=1)
        for _ in range(100):
            if api.sent("sendMessage"):
                break
            await asyncio.sleep(0.05)
        await application.updater.stop()
        await application.stop()
    assert "Hoe werkt de regioscan?" in str(api.sent("sendMessage")[0].params["text"])


async def test_token_never_logged(botapi, channel_settings, caplog) -> None:
    api, url = botapi
    handler_records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            handler_records.append(self.format(record))

    collector = Collect()
    root = logging.getLogger()
    root.addHandler(collector)
    try:
        application = build_telegram_app(FakeServices(channel_settings), TOKEN,
                                         base_url=f"{url}/bot")
        logging.getLogger("test").warning("calling %s/bot%s/getMe", url, TOKEN)
        async with application:
            await _process(application, api.message_update("crash nu"))
    finally:
        root.removeHandler(collector)
    assert handler_records
    assert all(TOKEN not in line for line in handler_records)
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING
