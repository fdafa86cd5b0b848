"""One file into text, whatever its format: the dispatcher by suffix (and, for Word names, by content).

| suffix | read by |
|---|---|
| ``.txt`` ``.md`` ``.html`` ``.htm`` | :func:`~analysis.io.decode.decode_bytes`, then :mod:`~analysis.io.markup` |
| ``.pdf`` | :func:`~analysis.io.pdf.read_pdf` (pdfplumber; paged) |
| ``.ofd`` | :func:`~analysis.io.ofd.read_ofd` (standard library; paged) |
| ``.docx`` | :func:`~analysis.io.word.read_docx` (python-docx) |
| ``.doc`` ``.wps`` | as ``.docx`` or HTML when that is what the bytes are; a Word 97-2003/WPS binary is refused |

Every format ends in the same checks (some Chinese text, not binary) and the same
:class:`FileText`, so cleaning, parsing, metadata, duplicates and the audit treat all alike.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..chars import CJK
from .decode import decode_bytes
from .errors import CorpusError
from .markup import html_to_text, markdown_to_text
from .ofd import read_ofd
from .pdf import read_pdf
from .word import SAVE_AS, read_docx, word_kind

__all__ = ["PAGED_SUFFIXES", "SUFFIXES", "FileText", "read_file"]

#: Suffixes of the files read as documents.
SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf", ".ofd", ".docx", ".doc", ".wps")
#: Suffixes of fixed-layout formats, whose documents' ``source`` names the page they start on.
PAGED_SUFFIXES = (".pdf", ".ofd")


@dataclass(frozen=True)
class FileText:
    """The text of one file.

    ``encoding`` is the text encoding of a text file ("utf-8", "gb18030" ...) or the format
    of a binary one ("pdf", "ofd", "docx").  ``pages`` holds one text per page for PDF and
    OFD (their concatenation is ``text``), else is empty; ``no_text`` the 1-based numbers
    of pages without a text layer (scans), which gave no text; ``furniture`` the (page number,
    text) of the running headers, footers and page numbers removed by their place on the page.
    """

    text: str
    encoding: str
    pages: list[str] = field(default_factory=list)
    no_text: list[int] = field(default_factory=list)
    furniture: list[tuple[int, str]] = field(default_factory=list)

    def __iter__(self) -> Iterator[str]:
        """Unpacks as ``(text, encoding)``, what :func:`~analysis.io.files.read_document_file` always returned."""
        return iter((self.text, self.encoding))

    def __getitem__(self, index: int) -> str:
        """``[0]`` is the text and ``[1]`` the encoding, as for the (text, encoding) tuple of earlier versions."""
        return (self.text, self.encoding)[index]


def read_file(path: str | os.PathLike) -> FileText:
    """Read one corpus file of any supported format (:data:`SUFFIXES`); returns its :class:`FileText`.

    Raises
    ------
    CorpusError
        Naming the file, for an empty file, an unsupported or unreadable format (encrypted,
        corrupt, a scan without text layer, a Word 97-2003 binary), bytes that decode in no
        supported encoding, or text without any Chinese characters.
    OSError
        When the file cannot be read.
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if os.path.getsize(p) == 0:
        raise CorpusError(p, "empty file")
    if suffix in (".doc", ".wps"):
        kind = word_kind(p)
        if kind == "ole":
            raise CorpusError(p, f"Word 97-2003 / WPS binary file: {SAVE_AS} (it cannot be read as it is)")
        if kind not in ("docx", "html"):
            raise CorpusError(p, f"{suffix} file that is not a Word package ({kind}): {SAVE_AS}")
        suffix = ".docx" if kind == "docx" else ".html"
    if suffix in PAGED_SUFFIXES:
        paged = read_pdf(p) if suffix == ".pdf" else read_ofd(p)
        out = FileText(paged.text, suffix[1:], paged.pages, paged.no_text, paged.furniture)
    elif suffix == ".docx":
        out = FileText(read_docx(p), "docx")
    else:
        out = _read_text_file(p, suffix)
    _check_text(p, out)
    return out


def _read_text_file(p: Path, suffix: str) -> FileText:
    """A text, Markdown or HTML file: decoded, markup reduced to its visible text."""
    data = p.read_bytes()
    if not data.strip():
        raise CorpusError(p, "empty file")
    text, enc = decode_bytes(data, p)
    if suffix in (".html", ".htm"):
        text = html_to_text(text)
    elif suffix == ".md":
        text = markdown_to_text(text)
    return FileText(text, enc)


def _check_text(p: Path, out: FileText) -> None:
    """Raise CorpusError when the text holds no Chinese or looks binary."""
    text = out.text
    if not re.search(f"[{CJK}]", text):
        how = "read as" if out.encoding in ("pdf", "ofd", "docx") else "decoded as"
        raise CorpusError(p, f"no Chinese text found ({how} {out.encoding})")
    ctrl = len(re.findall(r"[\x00-\x08\x0e-\x1f\ufffd]", text))
    if ctrl > 0.01 * len(text):
        raise CorpusError(p, f"looks binary or mis-encoded ({ctrl} control/replacement characters)")
