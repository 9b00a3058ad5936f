"""Knowledge documents, chunking, embeddings, vector index and hybrid retrieval (a library)."""
