"""The files of a corpus folder and reading one (analysis.io.files)."""

from pathlib import Path

import pytest

from analysis.corpus import CorpusError, read_document_file
from analysis.io import corpus_files


def _write(folder: Path, name: str, data: bytes | str, encoding="utf-8"):
    p = folder / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return p


def test_read_errors_name_the_file(tmp_path):
    p = _write(tmp_path, "empty.txt", b"   \n")
    with pytest.raises(CorpusError, match=r"empty\.txt: empty file"):
        read_document_file(p)


def test_corpus_files_are_sorted_and_skip_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.txt", ".hidden.txt", "c.html"):
        (tmp_path / name).write_text("智慧城市", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in corpus_files(tmp_path)] == ["a.txt", "b/2.txt", "c.html"]
    assert corpus_files(tmp_path / "a.txt") == [tmp_path / "a.txt"]
    with pytest.raises(FileNotFoundError):
        corpus_files(tmp_path / "missing")


def test_text_without_chinese_is_refused(tmp_path):
    p = _write(tmp_path, "english.txt", "only english words here")
    with pytest.raises(CorpusError, match="no Chinese text found"):
        read_document_file(p)
