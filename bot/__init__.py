"""The OOGO-assistent application: conversation core, channels, composition root and CLI."""

__version__ = "0.1.0"
