"""Prompt and answer templates kept as files, with a small strict loader."""
