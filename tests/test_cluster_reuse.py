"""analysis.cluster.reuse.find_reuse: the same tables and params as analysis.find_reuse, computed on a LocalCluster."""

from __future__ import annotations

import random
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

pytest.importorskip("distributed")

import analysis
from analysis.cluster.reuse import find_reuse, split_documents
from analysis.cluster.reuse_index import contexts
from analysis.reuse.direction import prepare_meta
from reuse_corpora import P_CLOUD, P_OPEN, P_SERVICES, boilerplate_corpus, compose, edit

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as c,
    ):
        yield c


def assert_same(corpus: pd.DataFrame, client, npartitions: int, **options) -> analysis.reuse.ReuseResult:
    """Run both detectors; assert equal pairs, passages and params; return the cluster's result."""
    expected = analysis.find_reuse(corpus, progress=False, **options)
    got = find_reuse(corpus, client=client, npartitions=npartitions, progress=False, **options)
    assert_frame_equal(got.pairs, expected.pairs)
    assert_frame_equal(got.passages, expected.passages)
    assert got.params == expected.params
    assert got.provenance.step == "find_reuse"
    return got


def test_seeds_identical(seed_corpus, client):
    got = assert_same(seed_corpus, client, 3)
    # the seeds do reuse passages, so the comparison is not between two empty tables
    assert len(got.passages) > 0 and got.params["n_boilerplate_shingles"] > 0


def test_seeds_identical_with_short_shingles_and_many_partitions(seed_corpus, client):
    # ngram 6 < the winnowing window (8): a partition's fingerprints depend on
    # its neighbours' ranks, which the edge contexts must supply exactly
    got = assert_same(seed_corpus, client, 5, ngram=6, max_sources=2, boilerplate_df=4)
    assert len(got.passages) > 0


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    """200 synthetic policy documents (benchmarks/synthetic.py) read back with analysis.read_corpus."""
    folder = tmp_path_factory.mktemp("synthetic")
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from synthetic import seed_sentences, write_policy_corpus

        planted = write_policy_corpus(folder, 200, sentences=seed_sentences(), mean_chars=300, seed=1)
    finally:
        sys.path.remove(str(BENCHMARKS))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = analysis.read_corpus(folder).documents
    return corpus, planted["reuse"]


def test_synthetic_corpus_identical_and_planted_reuse_found(synthetic, client):
    corpus, planted = synthetic
    got = assert_same(corpus, client, 4)
    found = set(zip(got.pairs.source_doc_id, got.pairs.target_doc_id))
    # doc_ids come from the files (docNNNNN.txt), so planted pairs can be looked up
    file_of = dict(zip(corpus.doc_id, corpus.source.map(lambda s: Path(str(s)).stem)))
    found_files = {(file_of[s], file_of[t]) for s, t in found}
    hits = sum((s, t) in found_files for s, t in zip(planted.source_doc_id, planted.target_doc_id))
    assert len(planted) > 20 and hits >= 0.9 * len(planted)


def test_small_corpora_unlike_the_seeds(client):
    rng = random.Random(3)
    # three county documents of one year in another province, no dates at all
    source, _ = compose(rng, [P_SERVICES, P_OPEN])
    copy = edit(P_SERVICES, [("sub", 30, "甲"), ("del", 60, "2")])
    target, _ = compose(rng, [copy])
    other, _ = compose(rng, [P_CLOUD])
    corpus = pd.DataFrame(
        {
            "doc_id": ["伊宁县-a", "伊宁县-b", "霍城县-c"],
            "text": [source, target, other],
            "level": ["county"] * 3,
            "year": [2021] * 3,
        }
    )
    got = assert_same(corpus, client, 3)
    assert list(zip(got.pairs.source_doc_id, got.pairs.target_doc_id)) == [("伊宁县-a", "伊宁县-b")]
    # one document: nothing to pair, the same empty tables
    assert len(assert_same(corpus.iloc[:1], client, 2).pairs) == 0
    # more partitions than documents, an empty and a too-short text
    tiny = pd.concat([corpus, pd.DataFrame({"doc_id": ["空", "短"], "text": ["", "智慧城市"]})], ignore_index=True)
    assert len(assert_same(tiny, client, 9).pairs) == 1


def test_boilerplate_and_capped_sources_identical(client):
    # text shared by many documents: boilerplate above the threshold, capped links below it
    corpus = boilerplate_corpus(30)
    got = assert_same(corpus, client, 4, boilerplate_df=8, max_sources=2)
    assert got.params["n_boilerplate_shingles"] > 0 and len(got.pairs) == 0
    # below the threshold the shared sentences are seeds, each document linked to its two earliest holders
    got = assert_same(corpus, client, 4, boilerplate_df=40, max_sources=2)
    assert got.params["n_boilerplate_shingles"] == 0 and len(got.pairs) > 0


def test_empty_corpus_and_bad_arguments(client):
    empty = pd.DataFrame({"doc_id": [], "text": []})
    assert len(find_reuse(empty, client=client).pairs) == 0
    corpus = pd.DataFrame({"doc_id": ["a"], "text": ["智慧城市建设"]})
    with pytest.raises(ValueError, match="npartitions"):
        find_reuse(corpus, client=client, npartitions=0)
    with pytest.raises(ValueError, match="text"):
        find_reuse(pd.DataFrame({"doc_id": ["a"]}), client=client)


def test_split_documents_keeps_precedence_order_and_balances_characters():
    texts = ["字" * n for n in (100, 100, 100, 100, 400)]
    corpus = pd.DataFrame({"doc_id": list("abcde"), "text": texts, "date": ["2020", "2016", "2018", "2017", "2019"]})
    runs = split_documents(prepare_meta(corpus), 2)
    # earliest first: b 2016, d 2017, c 2018, a 2020 ... the 400-character e (2019) alone fills half
    assert [r.tolist() for r in runs] == [[1, 3, 2], [4, 0]]
    assert np.concatenate(runs).tolist() == [1, 3, 2, 4, 0]


def test_contexts_span_short_partitions():
    # partition 1 has two ranks only, so partition 2's left context reaches into partition 0
    edges = [
        (np.array([1, 2, 3], dtype=np.uint32), np.array([7, 8, 9], dtype=np.uint32)),
        (np.array([4, 5], dtype=np.uint32), np.array([4, 5], dtype=np.uint32)),
        (np.array([6, 7, 8], dtype=np.uint32), np.array([1, 1, 1], dtype=np.uint32)),
    ]
    left, right = zip(*contexts(edges, 3))
    assert [x.tolist() for x in left] == [[], [7, 8, 9], [9, 4, 5]]
    assert [x.tolist() for x in right] == [[4, 5, 6], [6, 7, 8], []]


def test_document_partition_reports_its_size_to_dask():
    # Dask spills by sys.getsizeof; a partition must count its arrays and texts, not ~100 bytes
    from analysis.cluster.reuse_index import encode_part

    part = encode_part(np.array([0, 1]), ["智慧城市建设" * 100, "数据共享" * 50])
    assert sys.getsizeof(part) >= 2 * 800
    assert part.doc_len.tolist() == [600, 200] and part.encoded().doc_of.tolist() == [0] * 600 + [1] * 200


def test_partitions_placed_round_robin_and_workers_stay_light(seed_corpus, client):
    from analysis.cluster.reuse import worker_places

    workers = sorted(client.scheduler_info(n_workers=-1)["workers"])
    assert worker_places(client, 5) == [workers[0], workers[1], workers[0], workers[1], workers[0]]
    assert_same(seed_corpus, client, 4)
    # the steps ran on the workers without pandas (a builtin asks: a function of this module would be
    # pickled by reference and import this module, with pandas, on the worker)
    assert set(client.run(eval, "'pandas' in __import__('sys').modules").values()) == {False}
