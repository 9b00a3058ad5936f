"""The turn store on SQLite and PostgreSQL: order, scoping by conversation, retention, cleaning."""

from __future__ import annotations

from bot.storage.turn_store import TurnStore


def test_turns_round_trip_in_order_per_conversation(engine):
    store = TurnStore(engine)
    assert store.turns("web:a:1") == []
    store.append("web:a:1", "Wat is het OOGO?", {"text": "Het OOGO is…", "charts": []})
    store.append("web:b:1", "andere beller", {"text": "x"})
    store.append("web:a:1", "En landelijk?", {"text": "Nederland: 4,1%", "n": [1, "één"]})
    turns = store.turns("web:a:1")
    assert [t.user_text for t in turns] == ["Wat is het OOGO?", "En landelijk?"]
    assert turns[1].reply == {"text": "Nederland: 4,1%", "n": [1, "één"]}
    assert [t.user_text for t in store.turns("web:b:1")] == ["andere beller"]
    assert store.last_reply("web:a:1") == {"text": "Nederland: 4,1%", "n": [1, "één"]}
    assert store.last_reply("web:c:1") is None


def test_only_the_newest_turns_are_kept(engine):
    store = TurnStore(engine, max_turns=3)
    for n in range(5):
        store.append("c", f"vraag {n}", {"text": f"antwoord {n}"})
    store.append("other", "blijft", {"text": "ja"})
    assert [t.user_text for t in store.turns("c")] == ["vraag 2", "vraag 3", "vraag 4"]
    assert len(store.turns("other")) == 1


def test_a_read_shows_the_newest_turns_while_older_rows_wait_for_a_trim(engine):
    store = TurnStore(engine, max_turns=3, trim_every=10**9)  # as good as never trims
    for n in range(5):
        store.append("c", f"vraag {n}", {"text": f"antwoord {n}"})
    assert _rows(engine, "c") == 5
    assert [t.user_text for t in store.turns("c")] == ["vraag 2", "vraag 3", "vraag 4"]
    assert store.last_reply("c") == {"text": "antwoord 4"}


def test_a_trim_drops_every_turn_beyond_the_newest(engine):
    keeps = TurnStore(engine, max_turns=3, trim_every=10**9)
    for n in range(6):
        keeps.append("c", f"vraag {n}", {"text": f"antwoord {n}"})
    TurnStore(engine, max_turns=3, trim_every=1).append("c", "vraag 6", {"text": "antwoord 6"})
    assert _rows(engine, "c") == 3
    assert [t.user_text for t in keeps.turns("c")] == ["vraag 4", "vraag 5", "vraag 6"]


def _rows(engine, conversation_id):
    from sqlalchemy import text

    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM conversation_turns WHERE "
                                 "conversation_id = :c"), {"c": conversation_id}).scalar_one()


def test_characters_a_database_cannot_store_are_dropped(engine):
    store = TurnStore(engine)
    store.append("c", "a\x00b\ud800c", {"text": "x\x00y", "list": ["\udfffz"]})
    turn = store.turns("c")[0]
    assert turn.user_text == "abc"
    assert turn.reply == {"text": "xy", "list": ["z"]}
