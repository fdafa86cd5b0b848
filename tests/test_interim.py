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
    # at most 20 accepted: three documents offer fewer candidates that pass the review
    assert 0 < len(made.terms) <= 20
    assert (made.terms.status == "accepted").all()
    assert len(made.candidates) > len(made.terms)
    assert made.policy_list.empty


def test_the_audit_tables_come_from_the_load_and_read_back_identical(small_corpus, tmp_path):
    # a curated term list: this test is about the load, not term discovery
    made = analysis.prepare(small_corpus, tmp_path / "interim", terms=["智慧城市"])
    read = analysis.load_prepared(tmp_path / "interim", small_corpus, terms=["智慧城市"])
    again = analysis.audit_folder(small_corpus, warn=False)  # the second pass notebook 01 made before
    for table in ("files", "removed"):
        pd.testing.assert_frame_equal(getattr(made.audit, table), getattr(again, table))
        pd.testing.assert_frame_equal(getattr(read.audit, table), getattr(again, table), check_dtype=False)
    assert list(read.audit.files.file) == sorted(SMALL) and read.audit.lossy().empty


def test_prepared_tables_are_reused_until_the_corpus_changes(small_corpus, tmp_path):
    analysis.prepare(small_corpus, tmp_path / "interim", n_terms=5)
    stamp = (tmp_path / "interim" / "documents.parquet").stat().st_mtime_ns
    analysis.load_prepared(tmp_path / "interim", small_corpus, n_terms=5)
    assert (tmp_path / "interim" / "documents.parquet").stat().st_mtime_ns == stamp  # reused
    (small_corpus / SMALL[0]).unlink()
    again = analysis.load_prepared(tmp_path / "interim", small_corpus, n_terms=5)
    assert len(again.documents) == 2  # remade from the changed folder
    other = analysis.load_prepared(tmp_path / "interim", small_corpus, n_terms=3)
    assert len(other.terms) == 3  # other settings: remade too


def test_a_curated_terms_file_replaces_discovery(small_corpus, tmp_path):
    curated = tmp_path / "terms.csv"
    pd.DataFrame({"term": ["城市大脑", "一网统管"], "note": ["ok", "ok"]}).to_csv(
        curated, index=False, encoding="utf-8-sig"
    )
    prepared = analysis.prepare(small_corpus, tmp_path / "interim", terms=curated)
    assert list(prepared.terms.term) == ["城市大脑", "一网统管"]
    tok = prepared.tokenizer()
    assert "一网统管" in tok("推行一网统管")


def test_the_term_review_is_written_once_and_an_edit_is_read_by_every_notebook(small_corpus, tmp_path):
    interim = tmp_path / "interim"
    made = analysis.prepare(small_corpus, interim, n_terms=5)
    review = pd.read_csv(interim / "terms.csv", encoding="utf-8-sig", keep_default_na=False)
    assert list(review.columns) == ["term", "freq", "n_docs", "score", "status", "reason", "pmi", "left_entropy",
                                    "right_entropy"]  # fmt: skip
    assert list(review.loc[review.status == "accepted", "term"]) == list(made.terms.term)
    assert set(review.status) == {"accepted", "rejected"}
    assert (review.loc[review.status == "rejected", "reason"] != "").all()
    # the researcher rejects the first accepted term and accepts the first rejected one
    first_accepted = review.index[review.status == "accepted"][0]
    first_rejected = review.index[review.status == "rejected"][0]
    review.loc[first_accepted, "status"] = "rejected"
    review.loc[first_rejected, "status"] = "accepted"
    review.to_csv(interim / "terms.csv", index=False, encoding="utf-8-sig")
    stamp = (interim / "documents.parquet").stat().st_mtime_ns
    for _notebook in range(2):
        read = analysis.load_prepared(interim, small_corpus)
        assert review.loc[first_accepted, "term"] not in set(read.terms.term)
        assert review.loc[first_rejected, "term"] in set(read.terms.term)
        assert len(read.terms) == 5
    assert (interim / "documents.parquet").stat().st_mtime_ns == stamp  # the corpus was not parsed again
    tok = read.tokenizer()
    assert review.loc[first_rejected, "term"] in tok.extra_terms


def test_terms_path_takes_a_curated_list_with_status(small_corpus, tmp_path):
    curated = tmp_path / "curated.csv"
    pd.DataFrame(
        {"term": ["城市大脑", "一网统管", "推进智慧"], "status": ["accepted", "Accepted ", "rejected"]}
    ).to_csv(curated, index=False, encoding="utf-8-sig")
    prepared = analysis.prepare(small_corpus, tmp_path / "interim", terms_path=curated)
    assert list(prepared.terms.term) == ["城市大脑", "一网统管"]
    assert list(prepared.candidates.term) == ["城市大脑", "一网统管", "推进智慧"]
    again = analysis.load_prepared(tmp_path / "interim", small_corpus, terms_path=curated)
    assert list(again.terms.term) == ["城市大脑", "一网统管"]
    with pytest.raises(ValueError, match="not both"):
        analysis.prepare(small_corpus, tmp_path / "x", terms=["a"], terms_path=curated)
