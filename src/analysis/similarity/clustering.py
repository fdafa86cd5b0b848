"""Hierarchical clustering of documents from a similarity matrix, and flat cuts chosen by silhouette."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import dendrogram, fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.metrics import silhouette_samples

__all__ = ["DocumentClustering", "FlatClusters", "cluster_documents", "flat_clusters"]


@dataclass
class DocumentClustering:
    """Hierarchical clustering of documents.

    Attributes
    ----------
    linkage : ndarray
        SciPy linkage matrix on distance 1 - cosine similarity (for
        ``method="ward"``: sqrt(2 (1 - cosine)), the Euclidean distance of
        unit vectors).
    order : list of str
        doc_id in dendrogram leaf order.
    method : str
    """

    linkage: np.ndarray
    order: list[str]
    method: str

    def __iter__(self) -> Iterator[Any]:
        return iter((self.linkage, self.order))


def _distances(sim: pd.DataFrame, method: str) -> np.ndarray:
    """Square distance matrix 1 - cosine (sqrt(2 (1 - cosine)) for ward), zero diagonal."""
    if sim.shape[0] != sim.shape[1] or not sim.index.equals(sim.columns):
        raise ValueError("sim must be a square DataFrame with identical index and columns")
    d = 1.0 - np.clip(sim.to_numpy(dtype=float), 0.0, 1.0)
    d = (d + d.T) / 2
    np.fill_diagonal(d, 0.0)
    if method == "ward":
        d = np.sqrt(2.0 * d)
    return d


def cluster_documents(sim: pd.DataFrame, method: str = "average") -> DocumentClustering:
    """Agglomerative clustering of documents from a similarity matrix.

    Parameters
    ----------
    sim : DataFrame
        From :func:`analysis.similarity.document_similarity`.
    method : str, default "average"
        SciPy linkage method (average, complete, single, weighted, ward ...).
        Average linkage (UPGMA) is valid for any dissimilarity.

    Returns
    -------
    DocumentClustering
        ``linkage`` and ``order`` (doc_ids in leaf order); unpacks as
        ``Z, order = cluster_documents(sim)``.  Leaf order is optimal
        (adjacent leaves most similar) up to 500 documents.
    """
    if len(sim) < 2:
        raise ValueError("need at least 2 documents to cluster")
    d = _distances(sim, method)
    z = linkage(squareform(d, checks=False), method=method, optimal_ordering=len(sim) <= 500)
    leaves = dendrogram(z, no_plot=True)["leaves"]
    return DocumentClustering(z, [str(sim.index[i]) for i in leaves], method)


@dataclass
class FlatClusters:
    """Flat clusters cut from the document tree.

    Attributes
    ----------
    table : DataFrame
        k, n_clusters (clusters actually obtained), silhouette (mean, -1..1),
        n_singletons, sizes (str).
    k : int
        Chosen k: highest silhouette, ties to the smaller k.
    assignments : DataFrame
        doc_id, cluster (1..k, numbered in dendrogram order), silhouette
        (the document's own silhouette value).
    """

    table: pd.DataFrame
    k: int
    assignments: pd.DataFrame

    def __iter__(self) -> Iterator[Any]:
        return iter((self.table, self.k, self.assignments))


def _cut(clustering: DocumentClustering, ids: list[str], k: int) -> np.ndarray:
    """Cluster number (1..) of each document at ``k`` clusters, numbered in dendrogram order."""
    raw = fcluster(clustering.linkage, t=k, criterion="maxclust")
    # Renumber clusters 1.. in dendrogram order so numbers match the figure.
    position = {doc: i for i, doc in enumerate(clustering.order)}
    first: dict[int, int] = {}
    for _doc, c in sorted(zip(ids, raw, strict=True), key=lambda x: position[x[0]]):
        first.setdefault(c, len(first) + 1)
    return np.array([first[c] for c in raw])


def flat_clusters(sim: pd.DataFrame, k_range: Iterable[int] = range(2, 8), *, method: str = "average") -> FlatClusters:
    """Cut the hierarchical tree at several k and pick k by silhouette.

    Silhouette uses the precomputed distance 1 - cosine similarity.

    Parameters
    ----------
    sim : DataFrame
        From :func:`analysis.similarity.document_similarity`.
    k_range : iterable of int, default range(2, 8)
        Candidate numbers of clusters (2..n-1 are feasible).
    method : str, default "average"
        Linkage method, as in :func:`cluster_documents`.

    Returns
    -------
    FlatClusters
        ``table`` (one row per k), chosen ``k``, ``assignments``.
    """
    n = len(sim)
    ks = sorted({int(k) for k in k_range if 2 <= int(k) <= n - 1})
    if not ks:
        raise ValueError(f"no feasible k in k_range for {n} documents (need 2 <= k <= n-1)")
    clustering = cluster_documents(sim, method)
    d = _distances(sim, "average")  # silhouette on 1 - cosine whatever the linkage
    ids = [str(x) for x in sim.index]
    rows, labels_by_k, samples_by_k = [], {}, {}
    for k in ks:
        lab = _cut(clustering, ids, k)
        n_clusters = len(np.unique(lab))
        if 2 <= n_clusters <= n - 1:
            samples = silhouette_samples(d, lab, metric="precomputed")
            score = float(samples.mean())
        else:
            samples, score = np.full(n, np.nan), np.nan
        sizes = np.bincount(lab)[1:]
        rows.append(
            {
                "k": k,
                "n_clusters": n_clusters,
                "silhouette": score,
                "n_singletons": int((sizes == 1).sum()),
                "sizes": " ".join(str(s) for s in sizes),
            }
        )
        labels_by_k[k], samples_by_k[k] = lab, samples
    table = pd.DataFrame(rows)
    valid = table.dropna(subset=["silhouette"])
    best = int(valid.sort_values(["silhouette", "k"], ascending=[False, True]).iloc[0]["k"]) if len(valid) else ks[0]
    assignments = pd.DataFrame(
        {"doc_id": ids, "cluster": labels_by_k[best].astype(np.int64), "silhouette": samples_by_k[best]}
    )
    return FlatClusters(table, best, assignments)
