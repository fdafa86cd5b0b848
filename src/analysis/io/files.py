"""The files of a corpus folder, and reading one of them into text."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..chars import CJK
from .decode import decode_bytes
from .errors import CorpusError
from .markup import html_to_text, markdown_to_text

__all__ = ["NOT_DOCUMENTS", "SUFFIXES", "corpus_files", "read_document_file"]

#: Suffixes of the files read as documents.
SUFFIXES = (".txt", ".md", ".html", ".htm")
#: Files of a corpus folder that describe it rather than hold a document.
NOT_DOCUMENTS = ("metadata.csv", "README.md")


def corpus_files(path: str | os.PathLike) -> list[Path]:
    """Every file under ``path`` (recursively), sorted by path; hidden files are left out.

    ``path`` may also be a single file, returned alone.  Raises FileNotFoundError
    when ``path`` does not exist.
    """
    path = Path(path)
    if path.is_file():
        return [path]
    if not path.is_dir():
        raise FileNotFoundError(f"corpus path does not exist: {path}")
    return sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))


def read_document_file(path: str | os.PathLike) -> tuple[str, str]:
    """Read a text, Markdown or HTML file; returns (text, encoding).

    The encoding is found by :func:`analysis.io.decode.decode_bytes` (UTF-8,
    UTF-8 with BOM, UTF-16 with BOM, GB18030/GBK, Big5).  HTML is reduced to its
    visible text, one line per block element; Markdown to its words.

    Raises
    ------
    CorpusError
        For an empty file, binary content, bytes that decode in no supported
        encoding, or text without any Chinese characters.
    OSError
        When the file cannot be read.
    """
    p = Path(path)
    data = p.read_bytes()
    if not data.strip():
        raise CorpusError(p, "empty file")
    text, enc = decode_bytes(data, p)
    if p.suffix.lower() in (".html", ".htm"):
        text = html_to_text(text)
    elif p.suffix.lower() == ".md":
        text = markdown_to_text(text)
    han = len(re.findall(f"[{CJK}]", text))
    if han == 0:
        raise CorpusError(p, f"no Chinese text found (decoded as {enc})")
    ctrl = len(re.findall(r"[\x00-\x08\x0e-\x1f\ufffd]", text))
    if ctrl > 0.01 * len(text):
        raise CorpusError(p, f"looks binary or mis-encoded ({ctrl} control/replacement characters)")
    return text, enc
