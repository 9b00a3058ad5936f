"""Understanding questions without an LLM: language, intent and slots, with their provenance."""
