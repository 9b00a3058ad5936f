"""Renderers: turn computed values and retrieved passages into a ``Reply`` (texts in prompts/)."""
