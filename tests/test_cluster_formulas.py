"""analysis.cluster.formulas: the uses of known formulas, found on a Dask LocalCluster, equal find_formulas'."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

from analysis.cluster import formulas as cluster_formulas
from analysis.formulas import OCCURRENCE_COLUMNS, find_formulas

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from synthetic import make_corpus


def _expected_counts(occurrences: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Counts per formula and group from find_formulas' own occurrence table."""
    grouped = occurrences.groupby(["formula_id", *by], sort=True, dropna=False)
    return pd.DataFrame({"n_docs": grouped["doc_id"].nunique(), "n_occurrences": grouped.size()}).reset_index()


@pytest.fixture(scope="module")
def synthetic():
    """60 synthetic documents (benchmarks/synthetic.py): regions and years unlike the seeds, planted formulas."""
    return make_corpus(60, mean_chars=1200, seed=1)[0]


@pytest.mark.parametrize("corpus_name", ["seeds", "synthetic"])
def test_the_uses_of_find_formulas_formulas_are_its_occurrences(client, seed_corpus, synthetic, corpus_name):
    corpus = seed_corpus if corpus_name == "seeds" else synthetic
    result = find_formulas(corpus)
    assert len(result.formulas) > 10
    there = cluster_formulas.formula_occurrences(corpus, result, client=client, npartitions=5)
    pdt.assert_frame_equal(result.occurrences, there)
    for by in (["year"], ["doc_id"], []):
        counted = cluster_formulas.count_formulas(corpus, result, by=by or None, client=client)
        expected = _expected_counts(result.occurrences, by)
        pdt.assert_frame_equal(counted.drop(columns="formula"), expected, check_dtype=False)
        assert counted.n_occurrences.sum() == len(result.occurrences)


def _small_corpus() -> pd.DataFrame:
    # 贵州 and 云南, one undated document: nothing like the seeds
    return pd.DataFrame(
        {
            "doc_id": ["gz-2021", "yn-undated", "gz-2022"],
            "date": ["2021-03-01", "", "2022-05-06"],
            "year": pd.array([2021, pd.NA, 2022], dtype="Int64"),
            "level": ["provincial", "prefecture", "provincial"],
            "region": ["贵州", "云南", "贵州"],
            "text": [
                "坚持“数据驱动、需求引领”。推进数据驱动、需求引领的建设，建设５Ｇ网络。",
                "要以数据驱动、需求引领为方向，数据驱动发展。",
                "加快5G网络建设。",
            ],
        }
    )


def test_counts_and_offsets_checked_by_hand(client):
    corpus = _small_corpus()
    formulas = ["数据驱动、需求引领", "数据驱动", "5G网络"]
    occ = cluster_formulas.formula_occurrences(corpus, formulas, client=client, npartitions=3)
    assert list(occ.columns) == OCCURRENCE_COLUMNS
    first = corpus.text[0]
    # the quoted use in 贵州 2021: offsets into the original text, quotation marks outside it
    f1 = occ[occ.formula_id == "F001"]
    assert list(zip(f1.doc_id, f1.start, f1.end)) == [
        ("gz-2021", 3, 12),
        ("gz-2021", first.index("推进") + 2, first.index("推进") + 11),
        ("yn-undated", 2, 11),
    ]
    assert list(f1.quoted) == [True, False, False]
    # full-width ５Ｇ folds to 5G, as the suffix array folds it
    f3 = occ[occ.formula_id == "F003"]
    at = first.index("５Ｇ")
    assert list(zip(f3.doc_id, f3.start, f3.end)) == [("gz-2021", at, at + 4), ("gz-2022", 2, 6)]
    counts = cluster_formulas.count_formulas(corpus, formulas, by="year", client=client)
    rows = {
        (r.formula, None if pd.isna(r.year) else int(r.year)): (r.n_docs, r.n_occurrences) for r in counts.itertuples()
    }
    assert rows == {
        ("数据驱动、需求引领", 2021): (1, 2),
        ("数据驱动、需求引领", None): (1, 1),
        ("数据驱动", 2021): (1, 2),
        ("数据驱动", None): (1, 2),
        ("5G网络", 2021): (1, 1),
        ("5G网络", 2022): (1, 1),
    }


def test_a_formula_no_text_can_hold_is_refused(client):
    with pytest.raises(ValueError, match="clause punctuation"):
        cluster_formulas.count_formulas(_small_corpus(), ["数据驱动，需求引领"], client=client)
    with pytest.raises(KeyError, match="can group by"):
        cluster_formulas.count_formulas(_small_corpus(), ["数据驱动"], by="issuer", client=client)


def test_no_use_and_no_documents(client):
    empty = cluster_formulas.count_formulas(_small_corpus(), ["城市大脑"], client=client)
    assert empty.empty and list(empty.columns) == ["formula_id", "formula", "year", "n_docs", "n_occurrences"]
    none = cluster_formulas.formula_occurrences(_small_corpus().iloc[:0], ["城市大脑"], client=client)
    assert none.empty and list(none.columns) == OCCURRENCE_COLUMNS


def test_find_uses_equals_a_plain_search_for_every_length():
    # a two-letter alphabet: many overlapping uses, windows of 1 to 12 letters, across two texts
    rng = random.Random(0)
    texts = ["".join(rng.choice("数据") for _ in range(300)), "数据数据，数数据"]
    formulas = ["数", "数据", "据数据", "数据数据", "数数数数数数", "数据数据数据数据数据数据"]
    occ = cluster_formulas.find_uses(texts, cluster_formulas.formula_set(cluster_formulas.formula_codes(formulas)))
    for i, f in enumerate(formulas):
        expected = [(d, s) for d, t in enumerate(texts) for s in range(len(t)) if t.startswith(f, s)]
        assert list(zip(occ[occ.cand == i].doc, occ[occ.cand == i].start)) == expected, f
    assert (occ.end - occ.start).tolist() == [len(formulas[c]) for c in occ.cand]
