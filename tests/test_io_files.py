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


def test_scan_folder_follows_symlinked_folders_once(tmp_path):
    from analysis.io import scan_folder

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.txt").write_text("智慧城市", encoding="utf-8")
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "corpus" / "link2").symlink_to(tmp_path / "real", target_is_directory=True)
    (tmp_path / "real" / "up").symlink_to(tmp_path / "corpus", target_is_directory=True)  # a loop
    scan = scan_folder(tmp_path / "corpus")
    assert [p.relative_to(tmp_path / "corpus").as_posix() for p in scan.files] == ["link/a.txt"]
    assert sorted(where for where, _ in scan.problems) == ["link/up", "link2"]
    assert all("already read" in reason for _, reason in scan.problems)


def test_scan_folder_reports_unreadable_folders(tmp_path, monkeypatch):
    import os

    from analysis.io import scan_folder

    (tmp_path / "locked").mkdir()
    (tmp_path / "a.txt").write_text("智慧城市", encoding="utf-8")
    scandir = os.scandir

    def denying(path="."):
        if str(path).endswith("locked"):  # root can read anything: simulate a folder without permission
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", denying)
    scan = scan_folder(tmp_path)
    assert [p.name for p in scan.files] == ["a.txt"]
    assert scan.problems == [("locked", "cannot read folder: Permission denied")]


def test_display_path_reads_gbk_file_names_and_keeps_relative_paths(tmp_path):
    import os

    from analysis.io import display_path

    gbk = os.fsdecode("智慧城市.txt".encode("gbk"))  # lone surrogates: not writable as UTF-8
    assert display_path(tmp_path / "sub" / gbk, tmp_path) == "sub/智慧城市.txt"
    assert display_path(tmp_path / "a.txt", tmp_path) == "a.txt"
    assert display_path(tmp_path / "a.txt") == "a.txt"
    bad = os.fsdecode(b"\xff\xfe.txt")  # neither UTF-8 nor GB18030
    assert display_path(bad).encode("utf-8") and "\\xff" in display_path(bad)
