"""The files of a corpus folder, and reading one of them into text."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .formats import SUFFIXES, FileText, read_file

__all__ = [
    "NOT_DOCUMENTS",
    "SUFFIXES",
    "FolderScan",
    "corpus_files",
    "display_path",
    "read_document_file",
    "scan_folder",
]

#: Files of a corpus folder that describe it rather than hold a document.
NOT_DOCUMENTS = ("metadata.csv", "README.md")


@dataclass
class FolderScan:
    """What :func:`scan_folder` found: the files, and the folders it could not (or would not) enter.

    ``problems`` holds (relative folder, reason) pairs: an unreadable folder, or a symbolic
    link to a folder already read (a loop, or a second way into the same folder).
    """

    root: Path
    files: list[Path] = field(default_factory=list)
    problems: list[tuple[str, str]] = field(default_factory=list)


def display_path(path: str | os.PathLike, root: str | os.PathLike | None = None) -> str:
    """``path`` relative to ``root`` (POSIX separators) as text that can be written anywhere.

    A file name that is not valid UTF-8 (GBK bytes from a Windows zip archive) reaches
    Python as lone surrogates, which no CSV or Parquet writer accepts: its bytes are
    read as GB18030 when they are valid GB18030, else the bad bytes are shown as ``\\xNN``.
    Returns the relative path (the file name when ``path`` is directly in ``root``).
    """
    p = Path(path)
    rel = p.relative_to(root) if root is not None and p != Path(root) else Path(p.name)
    text = rel.as_posix()
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        raw = os.fsencode(text)
    try:
        return raw.decode("gb18030")
    except UnicodeDecodeError:
        return raw.decode("utf-8", errors="backslashreplace")


def scan_folder(path: str | os.PathLike) -> FolderScan:
    """Every file under ``path`` (recursively, following symbolic links to folders), sorted by path.

    Hidden files are left out.  A folder reached twice (a symlink loop, or two links to
    one folder) is read once; an unreadable folder is listed in ``problems``.  ``path``
    may be a single file, returned alone.  Raises FileNotFoundError when ``path`` does not exist.
    """
    root = Path(path)
    scan = FolderScan(root)
    if root.is_file():
        scan.files = [root]
        return scan
    if not root.is_dir():
        raise FileNotFoundError(f"corpus path does not exist: {root}")
    seen: set[tuple[int, int]] = set()

    def unreadable(err: OSError) -> None:
        where = display_path(err.filename, root) if err.filename else "?"
        scan.problems.append((where, f"cannot read folder: {err.strerror or err}"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=unreadable):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:
            # a symlink back to a folder already read: reading it again would loop or double-count
            scan.problems.append((display_path(dirpath, root), "symbolic link to a folder already read (skipped)"))
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames.sort()
        scan.files.extend(Path(dirpath) / f for f in filenames if not f.startswith("."))
    scan.files.sort()
    return scan


def corpus_files(path: str | os.PathLike) -> list[Path]:
    """Every file under ``path`` (recursively), sorted by path; hidden files are left out.

    ``path`` may also be a single file, returned alone.  Raises FileNotFoundError
    when ``path`` does not exist.  :func:`scan_folder` also returns the folders it could not read.
    """
    return scan_folder(path).files


def read_document_file(path: str | os.PathLike) -> FileText:
    """Read a corpus file of any supported format; returns its FileText, which unpacks as (text, encoding).

    ``encoding`` is the text encoding of a text, Markdown or HTML file (found by
    :func:`analysis.io.decode.decode_bytes`: UTF-8, UTF-8 with BOM, UTF-16 with BOM,
    GB18030/GBK, Big5), or "pdf", "ofd", "docx" for those formats; a PDF's or OFD's
    :class:`~analysis.io.formats.FileText` also holds its pages (:func:`analysis.io.formats.read_file`).
    HTML is reduced to its visible text, one line per block element; Markdown to its words.

    Raises
    ------
    CorpusError
        For an empty file, binary content, bytes that decode in no supported
        encoding, an unreadable PDF/OFD/Word file, or text without any Chinese characters.
    OSError
        When the file cannot be read.
    """
    return read_file(path)
