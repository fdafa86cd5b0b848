"""Tokenising and counting on a Dask cluster: the document-term matrix and term frequencies.

The texts are cut into partitions and sent to the workers.  Each worker holds one copy of the
tokenizer (scattered once; a :class:`~analysis.segment.Tokenizer` pickles without its engine and
loads the dictionary on its first text there).  Pass one tokenises each partition and counts it
into a sparse matrix over its own terms (:func:`analysis.dtm.count_matrix`), kept on the worker;
only each term's document and occurrence counts come back.  They are summed into the corpus's
vocabulary, pruned as :func:`~analysis.dtm.count_matrix` prunes it (:func:`analysis.dtm.prune_terms`).
Pass two aligns each partition's matrix to that vocabulary (:func:`analysis.dtm.align_columns`) on
its worker.  Stacked, the partitions are the in-process matrix; for term frequencies each
partition is summed into its groups first, so only groups x terms counts travel.

Token lists never leave the workers.  Each worker uses its own segmentation cache (``cache=True``:
``$ANALYSIS_CACHE_DIR`` or the user cache directory on the worker's machine).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
import scipy.sparse as sp

from ..dtm import align_columns, count_matrix, prune_terms
from ..frequency.counts import frequency_frame, group_codes, group_columns, group_sums
from ..frequency.inputs import TokenizerLike, check_text_column
from ..segment import get_default_tokenizer, tokenize_corpus
from .client import get_client, partition_bounds, partition_count

if TYPE_CHECKING:
    from distributed import Client, Future

__all__ = ["count_texts", "term_frequencies"]

Part = tuple[sp.csr_matrix, np.ndarray]


def count_texts(
    texts: Sequence[str] | pd.Series,
    *,
    tokenizer: TokenizerLike | None = None,
    client: Client | str | None = None,
    cache: bool = True,
    npartitions: int | None = None,
    binary: bool = False,
    min_df: int | float = 1,
    max_df: int | float = 1.0,
    max_features: int | None = None,
    vocabulary: Sequence[str] | None = None,
) -> tuple[sp.csr_matrix, np.ndarray]:
    """Tokenise texts and count them into a unit x term matrix on a Dask cluster.

    Returns what ``analysis.dtm.count_matrix(tokenize_corpus(texts, tokenizer=tokenizer).tolist(), ...)``
    returns in-process: (csr_matrix of int64 counts, one row per text in order; ndarray of terms,
    sorted by code point unless ``vocabulary`` is given).

    Parameters
    ----------
    texts : the texts (documents, paragraphs …); a missing text has no tokens.
    tokenizer : Tokenizer or callable (default :func:`analysis.segment.get_default_tokenizer`, with
        any terms added in this process); it must pickle.
    client, npartitions : the cluster (:func:`analysis.cluster.client.get_client`) and the number of
        partitions (default :func:`~analysis.cluster.client.partition_count`).
    cache : use each worker's segmentation cache.
    binary, min_df, max_df, max_features, vocabulary : as in :func:`analysis.dtm.count_matrix`.

    Raises
    ------
    ValueError : as :func:`analysis.dtm.count_matrix` (no term survives ``min_df`` / ``max_df``).
    """
    values = list(texts)
    tokenizer = get_default_tokenizer() if tokenizer is None else tokenizer
    if not values:
        return count_matrix([], binary=binary, vocabulary=vocabulary)
    with get_client(client) as c:
        n = npartitions or partition_count(len(values), c)
        chunks, tok = _scatter(c, _split(values, n), tokenizer)
        if vocabulary is not None:
            # fixed columns: one pass, each partition counted straight into them
            columns = list(vocabulary)
            fixed = c.map(
                _fixed_counts, chunks, tokenizer=tok, cache=cache, binary=binary, vocabulary=columns, pure=False
            )
            return sp.vstack(c.gather(fixed), format="csr"), np.asarray(list(vocabulary), dtype=object)
        parts = c.map(_local_counts, chunks, tokenizer=tok, cache=cache, pure=False)
        terms, doc_freq, term_freq = _merged(c.gather(c.map(_term_counts, parts, binary=binary, pure=False)))
        if len(terms):
            keep = prune_terms(
                doc_freq, term_freq, len(values), min_df=min_df, max_df=max_df, max_features=max_features
            )
            terms = terms[keep]
        vocab = c.scatter(terms, broadcast=True, hash=False)
        aligned = c.gather(c.map(_aligned, parts, vocabulary=vocab, binary=binary, pure=False))
        return sp.vstack(aligned, format="csr"), terms


def term_frequencies(
    corpus: pd.DataFrame,
    by: str | Sequence[str] | None = None,
    tokenizer: TokenizerLike | None = None,
    *,
    client: Client | str | None = None,
    text_col: str = "text",
    min_count: int = 1,
    cache: bool = True,
    npartitions: int | None = None,
) -> pd.DataFrame:
    """:func:`analysis.frequency.term_frequencies` with tokenising and counting on a Dask cluster.

    Returns the same table (columns ``[*by, term, count, doc_freq, rate_per_10k, n_docs, n_chars,
    small_group]``, units :data:`analysis.frequency.TERM_FREQUENCY_UNITS`).  Each partition's counts
    are summed into the groups on its worker, so only groups x terms counts come back.
    ``client``, ``npartitions`` and ``cache`` as in :func:`count_texts`.
    """
    check_text_column(corpus, text_col)
    by_list = group_columns(by)
    codes, keys = group_codes(corpus, by_list)
    tokenizer = get_default_tokenizer() if tokenizer is None else tokenizer
    values = corpus[text_col].tolist()
    if not values:
        coo, doc_freq = group_sums(sp.csr_matrix((0, 0), dtype=np.int64), codes, len(keys))
        return frequency_frame(corpus, (codes, keys), coo, doc_freq, np.array([], dtype=object), text_col=text_col)
    with get_client(client) as c:
        n = npartitions or partition_count(len(values), c)
        chunks, tok = _scatter(c, _split(values, n), tokenizer)
        parts = c.map(_local_counts, chunks, tokenizer=tok, cache=cache, pure=False)
        terms = _merged(c.gather(c.map(_term_counts, parts, binary=False, pure=False)))[0]
        vocab = c.scatter(terms, broadcast=True, hash=False)
        sums = c.map(_group_part, parts, _split(list(codes), n), vocabulary=vocab, n_groups=len(keys), pure=False)
        group_counts, group_docs = _summed(c.gather(sums), (len(keys), len(terms)))
    coo = group_counts.tocoo()
    return frequency_frame(corpus, (codes, keys), coo, group_docs.data, terms, text_col=text_col, min_count=min_count)


def _scatter(c: Client, chunks: list[list[str]], tokenizer: TokenizerLike) -> tuple[list[Future], Future]:
    """The partitions' texts sent to the workers, and the tokenizer to every worker (one copy each).

    Keys are unique to this call (hash=False): a key equal to one an earlier call is releasing
    could be released under this call's feet.
    """
    return c.scatter(chunks, hash=False), c.scatter(tokenizer, broadcast=True, hash=False)


def _split(values: list[Any], n: int) -> list[list[Any]]:
    """``values`` cut into ``n`` consecutive runs of near-equal length."""
    return [values[a:b] for a, b in partition_bounds(len(values), n)]


def _local_counts(texts: list[str], tokenizer: TokenizerLike, cache: bool) -> Part:
    """(units x terms counts, the partition's own terms sorted by code point) of one partition (on a worker)."""
    tokens = tokenize_corpus(texts, tokenizer=tokenizer, cache=cache, n_jobs=1, progress=False)
    return count_matrix(tokens.tolist())


def _fixed_counts(
    texts: list[str], tokenizer: TokenizerLike, cache: bool, binary: bool, vocabulary: list[str]
) -> sp.csr_matrix:
    """One partition counted into the caller's fixed ``vocabulary`` (on a worker)."""
    tokens = tokenize_corpus(texts, tokenizer=tokenizer, cache=cache, n_jobs=1, progress=False)
    return count_matrix(tokens.tolist(), binary=binary, vocabulary=vocabulary)[0]


def _term_counts(part: Part, binary: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(terms, units holding each, its occurrences, or units when ``binary``) of one partition."""
    matrix, terms = part
    doc_freq = np.bincount(matrix.indices, minlength=len(terms)).astype(np.int64)
    term_freq = doc_freq if binary else np.asarray(matrix.sum(axis=0)).ravel().astype(np.int64)
    return terms, doc_freq, term_freq


def _merged(counts: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The corpus's terms (sorted by code point, as CountVectorizer sorts them), units and occurrences."""
    all_terms = np.concatenate([t for t, _, _ in counts]) if counts else np.array([], dtype=object)
    if not len(all_terms):
        empty = np.array([], dtype=np.int64)
        return np.array([], dtype=object), empty, empty
    terms, inverse = np.unique(all_terms.astype(object), return_inverse=True)
    doc_freq = np.zeros(len(terms), dtype=np.int64)
    term_freq = np.zeros(len(terms), dtype=np.int64)
    np.add.at(doc_freq, inverse, np.concatenate([d for _, d, _ in counts]))
    np.add.at(term_freq, inverse, np.concatenate([f for _, _, f in counts]))
    return terms.astype(object), doc_freq, term_freq


def _aligned(part: Part, vocabulary: np.ndarray, binary: bool) -> sp.csr_matrix:
    """One partition's matrix with the corpus's columns (on a worker); presence only when ``binary``."""
    matrix = align_columns(part[0], part[1], vocabulary)
    if binary:
        matrix.data = np.ones_like(matrix.data)  # after pruning, as CountVectorizer fills 1 before it
    return matrix


def _group_part(
    part: Part, codes: list[int], vocabulary: np.ndarray, n_groups: int
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """(groups x terms occurrences, groups x terms documents) of one partition (on a worker)."""
    matrix = align_columns(part[0], part[1], vocabulary)
    coo, doc_freq = group_sums(matrix, np.asarray(codes, dtype=np.int64), n_groups)
    shape = (n_groups, len(vocabulary))
    counts = sp.csr_matrix((coo.data, (coo.row, coo.col)), shape=shape)
    docs = sp.csr_matrix((doc_freq, (coo.row, coo.col)), shape=shape)
    return counts, docs


def _summed(
    parts: list[tuple[sp.csr_matrix, sp.csr_matrix]], shape: tuple[int, int]
) -> tuple[sp.csr_matrix, sp.csr_matrix]:
    """The partitions' groups x terms occurrences and documents summed, in canonical csr order."""
    counts = sp.csr_matrix(shape, dtype=np.int64)
    docs = sp.csr_matrix(shape, dtype=np.int64)
    for part_counts, part_docs in parts:
        counts = counts + part_counts
        docs = docs + part_docs
    counts.sort_indices()
    docs.sort_indices()
    # a term counts in a group exactly when some document of the group holds it: one pattern
    assert np.array_equal(counts.indices, docs.indices) and np.array_equal(counts.indptr, docs.indptr)
    return counts, docs
