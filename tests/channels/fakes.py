"""Small fakes for the parts a channel uses, for tests of the channel's own behaviour
(errors, limits, access). End-to-end tests use the real services instead."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core.messages import Button, Chart, Fact, IncomingMessage, Passage, Progress, Reply


class FakeAssistant:
    """Echoes the question; 'grafiek' adds a chart, 'scan' a scale with progress, 'crash' fails."""

    def __init__(self) -> None:
        self.seen: list[IncomingMessage] = []

    def handle(self, message: IncomingMessage, *, wait: bool = True) -> Reply:
        self.seen.append(message)
        if "crash" in message.text:
            raise RuntimeError("boom")
        reply = Reply(text=f"Antwoord op: {message.text or message.choice}", intent="indicator")
        if "grafiek" in message.text:
            png = (b"\x89PNG\r\n\x1a\n" + message.text.encode())
            reply.charts.append(Chart(title="NEET 2023", png=png, alt="Staafdiagram NEET"))
            reply.facts.append(Fact("neet", "GM0363", "totaal", 2023, 4.8, "%", 7, 104416))
            reply.demo_data = True
            reply.passages.append(Passage("oogo.md", "Het OOGO", "Tekst over het OOGO."))
        if "scan" in message.text or message.choice:
            reply.buttons = [Button(str(i), f"scan:n1:{i}") for i in range(1, 6)]
            reply.progress = Progress(current=2, total=16, theme="Samenwerking")
        return reply


@dataclass
class FakeFeedback:
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, answer_id: str, conversation_id: str, rating: str,
            comment: str | None = None) -> int:
        self.rows.append({"answer_id": answer_id, "conversation_id": conversation_id,
                          "rating": rating, "comment": comment})
        return len(self.rows)


class FakeServices:
    def __init__(self, settings: Any) -> None:
        from indicators.catalog import catalog

        self.settings = settings
        self.catalog = catalog()
        self.assistant = FakeAssistant()
        self.feedback_store = FakeFeedback()

    def close(self) -> None:
        pass
