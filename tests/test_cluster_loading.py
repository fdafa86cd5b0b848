"""analysis.cluster.loading: a folder read on a Dask LocalCluster gives the in-process tables."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pandas.testing as pdt
import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("distributed")

import analysis
from analysis.cluster import loading

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "devset" / "pages"
SEEDS = ROOT / "seeds"


def _both(folder, client, **kw):
    """(in-process, on the cluster) CorpusLoad of ``folder``, warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return analysis.read_corpus(folder, **kw), loading.read_corpus(folder, client=client, **kw)


def _assert_same(here, there):
    for name in ("documents", "skipped", "field_sources", "evidence"):
        pdt.assert_frame_equal(getattr(here, name), getattr(there, name), obj=name)
    assert here.folder == there.folder
    if here.audit is not None:
        pdt.assert_frame_equal(here.audit.files, there.audit.files)
        pdt.assert_frame_equal(here.audit.removed, there.audit.removed)


def test_the_seeds_read_on_the_cluster_are_the_in_process_tables(client):
    here, there = _both(None, client, audit=True)
    assert len(there.documents) == 23
    _assert_same(here, there)


def test_three_documents_of_other_provinces_and_one_undated(client, tmp_path):
    # 上海 2020, 天津 2021, 山东 2023 (provincial) and a page printing no date: nothing like the seeds
    for page in ("028.txt", "039.txt", "007.txt", "012.txt"):
        shutil.copy(PAGES / page, tmp_path / page)
    here, there = _both(tmp_path, client)
    _assert_same(here, there)
    docs = there.documents
    assert len(docs) == 4 and set(docs.source) == {"028.txt", "039.txt", "007.txt", "012.txt"}
    assert docs.iloc[-1].date_source == "none"  # undated sorts last on the cluster too


def test_a_bad_file_is_the_same_skipped_row(client, tmp_path):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "broken.txt").write_bytes(b"\xe6\x99\xba\x80\xff\xfe\x80")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")
    here, there = _both(tmp_path, client, audit=True)
    _assert_same(here, there)
    reasons = dict(zip(there.skipped.file, there.skipped.reason))
    assert reasons["empty.txt"] == "empty file" and "undecodable" in reasons["broken.txt"]
    assert "not a supported file type" in reasons["notes.xlsx"]
    assert list(there.documents.doc_number) == ["陕政办发〔2018〕47号"]


def test_duplicates_are_flagged_after_gathering_across_partitions(client, tmp_path):
    # the same page twice, one file per partition: only the gathered table can see the copy
    shutil.copy(PAGES / "028.txt", tmp_path / "a.txt")
    shutil.copy(PAGES / "028.txt", tmp_path / "b.txt")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        here = analysis.read_corpus(tmp_path)
        there = loading.read_corpus(tmp_path, client=client, npartitions=2)
    _assert_same(here, there)
    assert (there.documents.duplicate_of != "").sum() == 1


def test_load_corpus_warns_as_the_in_process_one(client, tmp_path):
    shutil.copy(PAGES / "012.txt", tmp_path / "undated.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.warns(UserWarning) as record:
        docs = loading.load_corpus(tmp_path, client=client)
    messages = [str(w.message) for w in record]
    assert any(m.startswith("load_corpus skipped 1 file(s): empty.txt (empty file)") for m in messages)
    assert any(m.startswith("load_corpus kept 1 document(s) that print no date") for m in messages)
    assert list(docs.source) == ["undated.txt"]


def test_an_empty_folder_needs_no_cluster(tmp_path):
    here, there = _both(tmp_path, client=None)
    _assert_same(here, there)
    assert there.documents.empty
