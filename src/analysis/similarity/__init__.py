"""Document similarity and clustering: which policies read alike?

Modules
-------
documents   document_similarity: cosine similarity of TF-IDF vectors (the matrix, or each document's k nearest)
cosine      cosine_matrix, cosine_blocks: all-pairs products of l2-normalised sparse rows (common terms dense)
clustering  cluster_documents (hierarchical tree), flat_clusters (cut by silhouette)

The heatmap with dendrogram is :func:`analysis.plotting.topics.plot_similarity_heatmap`.
"""

from __future__ import annotations

from .clustering import DocumentClustering, FlatClusters, cluster_documents, flat_clusters
from .documents import LARGE_SIMILARITY, NEIGHBOUR_COLUMNS, NEIGHBOURS, document_similarity

__all__ = [
    "LARGE_SIMILARITY",
    "NEIGHBOURS",
    "NEIGHBOUR_COLUMNS",
    "DocumentClustering",
    "FlatClusters",
    "cluster_documents",
    "document_similarity",
    "flat_clusters",
]
