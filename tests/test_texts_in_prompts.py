"""User-facing text lives in ``prompts/``, not in code (issue 17 part 5); the count only goes down.

``scripts/dutch_strings.py`` finds Dutch-looking string literals (three or more words, two
common Dutch words; docstrings, log calls and patterns left out). What is left in code is
vocabulary the understanding and the catalog own (synonyms, labels, region words), knowledge
headings used as keys, OpenAPI field descriptions, developer errors and maintainer tools. A new
sentence a user reads belongs in a template; if a new literal really is vocabulary, raise its
file's budget here with a reason in the commit.
"""

from __future__ import annotations

from pathlib import Path

from scripts.dutch_strings import count

BUDGET = {
    "bot/channels/api/routes_chat.py": 1,
    "bot/channels/api/routes_coordinator.py": 1,
    "bot/channels/api/routes_data.py": 1,
    "bot/channels/api/routes_history.py": 1,
    "bot/channels/api/routes_rounds.py": 1,
    "bot/core/llm/binding.py": 1,
    "bot/core/llm/matching.py": 2,
    "bot/core/llm/partnerships.py": 2,
    "bot/core/llm/responder.py": 1,
    "bot/core/llm/support.py": 3,
    "bot/core/llm/tools.py": 1,
    "bot/core/llm/trends.py": 1,
    "bot/core/understanding/elsewhere.py": 1,  # the search query, never shown to a user
    "bot/core/understanding/parse.py": 1,
    "bot/core/understanding/reading.py": 1,
    "bot/oogo/passages.py": 13,
    "bot/regioscan/definition.py": 4,
    "bot/regioscan/parsing.py": 7,
    "bot/settings.py": 1,
    "bot/storage/feedback_store.py": 1,
    "bot/storage/migrations/env.py": 1,
    "bot/storage/scan_store.py": 1,
    "bot/storage/upsert.py": 1,
    "indicators/build_regions.py": 3,
    "indicators/catalog.py": 10,
    "indicators/cbs/fetch.py": 1,
    "indicators/cbs/mapping.py": 1,
    "indicators/engine.py": 1,
    "indicators/generate_demo.py": 1,
    "indicators/names.py": 1,
    "indicators/significance.py": 1,
    "indicators/trends.py": 1,
    "indicators/vocabulary.py": 17,
    "knowledge/evaluation.py": 4,
    "knowledge/textproc.py": 1,
}


def test_no_file_holds_more_dutch_sentences_than_its_budget() -> None:
    found = count()
    over = {name: (n, BUDGET.get(name, 0)) for name, n in found.items() if n > BUDGET.get(name, 0)}
    assert not over, f"Dutch sentences in code (found, allowed): {over}; move them to prompts/"


def test_the_counter_finds_a_dutch_sentence(tmp_path: Path) -> None:
    from scripts.dutch_strings import dutch_strings

    sample = tmp_path / "sample.py"
    sample.write_text('"""Docstrings do not count."""\n'
                      'MESSAGE = "Kies een regio en typ je vraag."\n'
                      'PATTERN = r"\\b(?:van de|in het)\\b"\n', encoding="utf-8")
    assert [text for _, text in dutch_strings(sample)] == ["Kies een regio en typ je vraag."]
