"""analysis.corpus.parallel: a folder read in worker processes gives the in-process tables and warnings."""

from __future__ import annotations

import shutil
import sys
import warnings
from pathlib import Path

import pandas.testing as pdt
import pytest

import analysis
import analysis.corpus.load as load_module
from analysis.corpus import parallel, read_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
PAGES = ROOT / "tests" / "devset" / "pages"
BENCHMARKS = ROOT / "benchmarks"


def _read(folder, n_jobs, **kw):
    """read_corpus(folder, n_jobs=n_jobs) and the warnings it raised, as (category, message, file, line)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load = read_corpus(folder, n_jobs=n_jobs, **kw)
    return load, [(w.category, str(w.message), w.filename, w.lineno) for w in caught]


def _assert_same(here, there):
    for name in ("documents", "skipped", "field_sources", "evidence"):
        pdt.assert_frame_equal(getattr(here, name), getattr(there, name), obj=name)
    assert here.folder == there.folder
    assert (here.audit is None) == (there.audit is None)
    if here.audit is not None:
        pdt.assert_frame_equal(here.audit.files, there.audit.files)
        pdt.assert_frame_equal(here.audit.removed, there.audit.removed)


@pytest.fixture
def pools(monkeypatch):
    """Counts the worker pools started, so a test knows the files really went to workers."""
    started = []
    real = parallel.ProcessPoolExecutor

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            started.append(kwargs.get("max_workers"))
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Counting)
    return started


def test_the_seeds_in_two_workers_are_the_in_process_tables_and_warnings(pools):
    here, warned_here = _read(None, 1, audit=True)
    assert pools == []
    there, warned_there = _read(None, 2, audit=True)
    assert pools == [2]
    assert len(there.documents) == 23
    _assert_same(here, there)
    # the load's own warnings (the seeds' undated and inferred dates), once each, in the same order
    assert warned_there == warned_here and len(warned_here) >= 1


def test_bad_files_are_the_same_skipped_rows_in_workers(tmp_path, pools):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    (tmp_path / "broken.txt").write_bytes(b"\xe6\x99\xba\x80\xff\xfe\x80")
    (tmp_path / "nodate.txt").write_text("关于做好智慧社区建设工作的通知\n各有关单位:\n请按要求推进智慧社区建设。\n")
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    here, warned_here = _read(tmp_path, 1, audit=True)
    there, warned_there = _read(tmp_path, 2, audit=True)
    assert pools == [2]
    _assert_same(here, there)
    assert warned_there == warned_here
    reasons = dict(zip(there.skipped.file, there.skipped.reason))
    assert reasons["empty.txt"] == "empty file" and "undecodable" in reasons["broken.txt"]
    assert "binary" in reasons["binary.txt"] and "save as .docx or PDF" in reasons["old.doc"]
    assert "not a supported file type" in reasons["notes.xlsx"]
    assert list(there.documents.source) == ["shaanxi.txt", "nodate.txt"]  # the undated page last
    assert any("skipped 5 file(s)" in message for _, message, _, _ in warned_there)


def test_documents_of_other_provinces_one_undated_in_workers_chosen_above_the_threshold(tmp_path, pools, monkeypatch):
    # 上海 2020, 天津 2021, 山东 2023 and a page printing no date: nothing like the seeds
    for page in ("028.txt", "039.txt", "007.txt", "012.txt"):
        shutil.copy(PAGES / page, tmp_path / page)
    here, warned_here = _read(tmp_path, 1)
    monkeypatch.setattr(parallel, "PARALLEL_MIN_BYTES", 1_000)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 2)
    there, warned_there = _read(tmp_path, None)  # n_jobs=None: over the (lowered) threshold, two workers
    assert pools == [2]
    _assert_same(here, there)
    assert warned_there == warned_here
    assert there.documents.iloc[-1].date_source == "none"


def test_synthetic_documents_with_a_metadata_csv_in_three_workers(tmp_path, pools):
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from synthetic import seed_sentences, write_policy_corpus

        write_policy_corpus(tmp_path, 12, sentences=seed_sentences(), mean_chars=600, seed=3)
    finally:
        sys.path.remove(str(BENCHMARKS))
    first = sorted(p.name for p in tmp_path.glob("*.txt"))[0]
    (tmp_path / "metadata.csv").write_text(f"path,topic\n{first},数据\n", encoding="utf-8")
    here, warned_here = _read(tmp_path, 1, audit=True)
    there, warned_there = _read(tmp_path, 3, audit=True)
    assert pools == [3]
    _assert_same(here, there)
    assert warned_there == warned_here
    assert len(there.documents) == 12 and "topic" in there.documents.columns


def test_a_single_file_is_read_in_process():
    # one file (not a folder): nothing to share out, so no pool even with n_jobs=2
    here, _ = _read(SEEDS / "003_79a8ab2064712b58.txt", 1)
    there, _ = _read(SEEDS / "003_79a8ab2064712b58.txt", 2)
    _assert_same(here, there)
    assert list(there.documents.doc_number) == ["陕政办发〔2018〕47号"]


def _warning_parse_text(parse_text):
    """parse_text that also warns: once with the file's name, once with the same text for every file."""

    def warning(raw, source):
        warnings.warn(f"odd page {source}", UserWarning, stacklevel=1)
        warnings.warn("a page was odd", RuntimeWarning, stacklevel=1)
        return parse_text(raw, source)

    return warning


def test_warnings_raised_in_workers_reach_the_caller_once_each_as_in_process(tmp_path, monkeypatch):
    for i, page in enumerate(("028.txt", "039.txt", "007.txt")):
        shutil.copy(PAGES / page, tmp_path / f"{i}.txt")
    # forked workers inherit the patched parser
    monkeypatch.setattr(load_module, "parse_text", _warning_parse_text(load_module.parse_text))
    seen = {}
    for n_jobs in (1, 2):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("default")  # once per location and text, as Python shows them
            read_corpus(tmp_path, n_jobs=n_jobs)
        seen[n_jobs] = [(w.category, str(w.message), w.filename, w.lineno) for w in caught]
    odd = [m for c, m, _, _ in seen[2] if c is UserWarning and m.startswith("odd page")]
    assert odd == ["odd page 0.txt", "odd page 1.txt", "odd page 2.txt"]
    assert [m for c, m, _, _ in seen[2] if c is RuntimeWarning] == ["a page was odd"]  # once, not per file
    assert seen[2] == seen[1]
    assert {filename for _, message, filename, _ in seen[2] if "page" in message} == {__file__}


def test_a_warning_filter_set_to_error_raises_from_workers(tmp_path, monkeypatch):
    shutil.copy(PAGES / "028.txt", tmp_path / "a.txt")
    shutil.copy(PAGES / "039.txt", tmp_path / "b.txt")
    monkeypatch.setattr(load_module, "parse_text", _warning_parse_text(load_module.parse_text))
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        warnings.simplefilter("ignore", UserWarning)
        with pytest.raises(RuntimeWarning, match="a page was odd"):
            read_corpus(tmp_path, n_jobs=2)


def test_an_exception_in_a_worker_propagates_with_its_traceback(tmp_path, monkeypatch):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "a.txt")
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "b.txt")

    def broken(raw, source):
        raise AttributeError("'NoneType' object has no attribute 'group'")

    monkeypatch.setattr(load_module, "parse_text", broken)
    with pytest.raises(AttributeError, match="no attribute 'group'") as info:
        analysis.load_corpus(tmp_path, n_jobs=2)
    assert "in broken" in str(info.value.__cause__)  # the worker's traceback travels as the cause


def test_load_n_jobs_follows_the_tokenizer_convention(monkeypatch):
    monkeypatch.setattr(parallel, "usable_cores", lambda: 4)
    assert parallel.load_n_jobs(None, parallel.PARALLEL_MIN_BYTES) == 1  # small: in-process
    assert parallel.load_n_jobs(None, parallel.PARALLEL_MIN_BYTES + 1) == 4
    assert parallel.load_n_jobs(1, 10**9) == 1 and parallel.load_n_jobs(3, 0) == 3
    assert parallel.load_n_jobs(-1, 0) == 4 and parallel.load_n_jobs(-2, 0) == 3
    with pytest.raises(ValueError, match="n_jobs"):
        read_corpus(SEEDS, n_jobs=0)


def test_files_size_counts_bytes_and_a_vanished_file_as_zero(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"x" * 10)
    assert parallel.files_size([tmp_path / "a.txt", tmp_path / "gone.txt"]) == 10


def test_load_paragraphs_of_a_path_passes_n_jobs(pools):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        paragraphs = analysis.load_paragraphs(SEEDS, n_jobs=2)
        expected = analysis.load_paragraphs(analysis.load_corpus(SEEDS, n_jobs=1))
    assert pools == [2]
    pdt.assert_frame_equal(paragraphs, expected)


def test_prepare_reads_with_the_n_jobs_given(tmp_path, monkeypatch):
    import analysis.corpus as corpus_package

    asked = []

    class Stop(Exception):
        pass

    def spy(path=None, **kw):
        asked.append(kw.get("n_jobs"))
        raise Stop

    monkeypatch.setattr(corpus_package, "read_corpus", spy)
    with pytest.raises(Stop):
        analysis.interim.prepare(SEEDS, tmp_path, n_jobs=2)
    assert asked == [2]
