"""The optional LLM path (LangChain), used only when ``OOGO_LLM=provider:model`` is set.

Nothing here imports LangChain at import time: ``responder.build_responder`` does, inside the
factory. The check of an LLM text (``check``, with ``binding``, ``comparisons``, ``support``,
``reading``, ``mentions``, ``textscan``) is pure Python, so it is testable and cheap.
"""
