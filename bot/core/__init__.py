"""The channel-agnostic conversation core."""
