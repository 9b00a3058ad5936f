"""The terminal conversation (``oogo chat``) and the terminal rendering of a ``Reply``."""
