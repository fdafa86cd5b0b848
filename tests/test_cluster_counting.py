"""analysis.cluster.counting: tokenising and counting on a Dask LocalCluster equals the in-process path."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pandas.testing as pdt
import pytest

pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

import analysis  # noqa: E402
from analysis.cluster import counting  # noqa: E402
from analysis.dtm import align_columns, count_matrix, prune_terms  # noqa: E402
from analysis.segment import Tokenizer, tokenize_corpus  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def synthetic():
    """About 200 documents of 1,500 characters from benchmarks/synthetic.py (not seed text, no dates repeated)."""
    return make_corpus(200, mean_chars=1500, seed=0)[0]


def _assert_same_matrix(here, there):
    (m1, t1), (m2, t2) = here, there
    assert list(t1) == list(t2)
    assert m1.shape == m2.shape and m1.dtype == m2.dtype == np.int64
    assert (m1 != m2).nnz == 0


OPTIONS = [
    {},
    {"binary": True},
    {"min_df": 2, "max_df": 0.5},
    {"max_features": 40},
    {"max_features": 40, "binary": True},
    {"vocabulary": ["智慧城市", "大数据", "没有的词"]},
]


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: ",".join(o) or "defaults")
def test_the_matrix_of_the_seeds_and_a_synthetic_corpus(client, seed_corpus, synthetic, options):
    for corpus in (seed_corpus, synthetic):
        here = count_matrix(tokenize_corpus(corpus.text).tolist(), **options)
        there = counting.count_texts(corpus.text, client=client, **options)
        _assert_same_matrix(here, there)


def test_worker_processes_tokenise_with_the_tokenizer_sent_to_them(synthetic):
    # worker processes: the tokenizer is pickled (without its engine) and rebuilt in each;
    # cache=False: they segment every text themselves; the user's term reaches them in the tokenizer
    tokenizer = Tokenizer(extra_terms=["城市治理现代化"])
    texts = synthetic.text.iloc[:30]
    here = count_matrix(tokenize_corpus(texts, tokenizer=tokenizer, cache=False).tolist())
    # the shipped dictionary cuts it in two: whole only with the user's term
    assert "城市治理现代化" in here[1] and "城市治理现代化" not in Tokenizer()("推进城市治理现代化")
    # one worker process (each costs seconds of imports): seven partitions reach it through pickling
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        distributed.Client(cluster) as processes,
    ):
        there = counting.count_texts(texts, tokenizer=tokenizer, client=processes, cache=False, npartitions=7)
    _assert_same_matrix(here, there)


@pytest.mark.parametrize("by", [None, "year", ["year", "level"]])
def test_term_frequencies_of_the_seeds_and_a_synthetic_corpus(client, seed_corpus, synthetic, by):
    for corpus in (seed_corpus, synthetic):
        pdt.assert_frame_equal(
            analysis.term_frequencies(corpus, by), counting.term_frequencies(corpus, by, client=client)
        )


def test_one_document_of_one_year_and_more_partitions_than_documents(client):
    corpus = pd.DataFrame(
        {"doc_id": ["a"], "year": [2021], "level": ["county"], "text": ["推进城市大脑建设，推行政务服务一网通办。"]}
    )
    pdt.assert_frame_equal(
        analysis.term_frequencies(corpus, "year"), counting.term_frequencies(corpus, "year", client=client)
    )
    m, terms = counting.count_texts(corpus.text, client=client, npartitions=3)
    assert m.shape == (1, len(terms)) and "城市大脑" in terms and "一网通办" in terms


def test_texts_without_tokens_and_no_texts(client):
    here = count_matrix(tokenize_corpus(["", "。，"]).tolist())
    _assert_same_matrix(here, counting.count_texts(["", "。，"], client=client))
    assert counting.count_texts([], client=client)[0].shape == (0, 0)
    with pytest.raises(ValueError, match="no terms remain"):
        counting.count_texts(["智慧城市", "大数据"], client=client, min_df=2)


def test_prune_terms_keeps_what_count_vectorizer_keeps():
    docs = [["a", "b", "b"], ["b", "c"], ["c", "d", "d", "d"]]
    full, terms = count_matrix(docs)
    doc_freq = np.bincount(full.indices, minlength=len(terms))
    term_freq = np.asarray(full.sum(axis=0)).ravel()
    # max_features=2 by occurrences: b (3) and d (3) beat a (1) and c (2)
    keep = prune_terms(doc_freq, term_freq, 3, max_features=2)
    assert list(terms[keep]) == ["b", "d"] == list(count_matrix(docs, max_features=2)[1])
    assert list(terms[prune_terms(doc_freq, term_freq, 3, min_df=2)]) == ["b", "c"]


def test_align_columns_moves_counts_to_the_whole_vocabulary():
    part, terms = count_matrix([["b", "d", "d"], ["x"]])
    aligned = align_columns(part, terms, np.array(["a", "b", "c", "d"], dtype=object))
    assert aligned.toarray().tolist() == [[0, 1, 0, 2], [0, 0, 0, 0]]
