"""Channels: each translates between its medium and the core (IncomingMessage -> Reply)."""
