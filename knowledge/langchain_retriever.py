"""The knowledge base as a LangChain retriever, for the optional LLM path.

Why a separate module: langchain-core is an optional dependency; this module is imported only by
``KnowledgeBase.as_langchain_retriever``, so the rest of the library never loads it.
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict


class KnowledgeRetriever(BaseRetriever):
    """Returns the passages of ``KnowledgeBase.search`` as Documents with citation metadata."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    knowledge_base: Any
    k: int = 3
    method: str = "hybrid"

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        hits = self.knowledge_base.search(query, k=self.k, method=self.method)
        return [
            Document(
                page_content=hit.text,
                metadata={
                    "chunk_id": hit.chunk_id,
                    "source": hit.source,
                    "title": hit.title,
                    "heading": hit.heading,
                    "score": hit.score,
                },
            )
            for hit in hits
        ]


def make_langchain_retriever(knowledge_base: Any, k: int = 3, method: str = "hybrid") -> Any:
    """Build the retriever around an opened knowledge base."""
    return KnowledgeRetriever(knowledge_base=knowledge_base, k=k, method=method)
