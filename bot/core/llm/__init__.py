"""The optional LLM path (LangChain), used only when ``OOGO_LLM=provider:model`` is set.

Nothing here imports LangChain at import time: ``responder.build_responder`` does, inside the
factory. ``grounding`` is pure Python so the check is testable and cheap.
"""
