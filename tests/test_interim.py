"""Interim tables: the corpus parsed once, read back identically, remade when the corpus changes."""

import shutil
from pathlib import Path

import pandas as pd
import pytest

import analysis

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SMALL = ("000_a249a4a87d6b376d.txt", "001_5316a77dd203d77d.txt", "003_79a8ab2064712b58.txt")


@pytest.fixture
def small_corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in SMALL:
        shutil.copy(SEEDS / name, folder / name)
    return folder


def test_prepared_tables_read_back_identical(small_corpus, tmp_path):
    made = analysis.prepare(small_corpus, tmp_path / "interim", n_terms=20)
    read = analysis.load_prepared(tmp_path / "interim", small_corpus, n_terms=20)
    for name in ("documents", "paragraphs", "policy_list", "terms"):
        pd.testing.assert_frame_equal(getattr(read, name), getattr(made, name), check_dtype=False)
    pd.testing.assert_frame_equal(read.documents, analysis.load_corpus(small_corpus))
    assert len(made.documents) == 3
    assert len(made.terms) == 20
    assert made.policy_list.empty


def test_prepared_tables_are_reused_until_the_corpus_changes(small_corpus, tmp_path):
    analysis.prepare(small_corpus, tmp_path / "interim", n_terms=5)
    stamp = (tmp_path / "interim" / "documents.parquet").stat().st_mtime_ns
    analysis.load_prepared(tmp_path / "interim", small_corpus, n_terms=5)
    assert (tmp_path / "interim" / "documents.parquet").stat().st_mtime_ns == stamp  # reused
    (small_corpus / SMALL[0]).unlink()
    again = analysis.load_prepared(tmp_path / "interim", small_corpus, n_terms=5)
    assert len(again.documents) == 2  # remade from the changed folder
    other = analysis.load_prepared(tmp_path / "interim", small_corpus, n_terms=7)
    assert len(other.terms) == 7  # other settings: remade too


def test_a_curated_terms_file_replaces_discovery(small_corpus, tmp_path):
    curated = tmp_path / "terms.csv"
    pd.DataFrame({"term": ["城市大脑", "一网统管"], "note": ["ok", "ok"]}).to_csv(
        curated, index=False, encoding="utf-8-sig"
    )
    prepared = analysis.prepare(small_corpus, tmp_path / "interim", terms=curated)
    assert list(prepared.terms.term) == ["城市大脑", "一网统管"]
    tok = prepared.tokenizer()
    assert "一网统管" in tok("推行一网统管")
