"""Reading files into text and writing tables out.

* :mod:`.formats` ``read_file``: one file of any supported format (``SUFFIXES``) into a ``FileText``
* :mod:`.decode`  bytes -> text (``decode_bytes``, via charset-normalizer)
* :mod:`.markup`  ``html_to_text``, ``markdown_to_text``
* :mod:`.pdf`     ``read_pdf`` (pdfplumber), :mod:`.ofd` ``read_ofd`` (standard library),
  :mod:`.word` ``read_docx`` (python-docx); :mod:`.layout` the page furniture and reflow they share
* :mod:`.files`   ``corpus_files`` / ``scan_folder`` (a corpus folder's files), ``display_path``,
  ``read_document_file``
* :mod:`.errors`  ``CorpusError``
* :mod:`.tables`  ``write_table``, ``write_tables``, ``write_json``, ``write_workbook`` (the one table writer)
* :mod:`.schema`  ``TABLES`` (every exported table's columns) and ``data_dictionary``

``tables`` and ``schema`` (which need pandas) load only when imported by name.
"""

from .decode import decode_bytes
from .errors import CorpusError
from .files import NOT_DOCUMENTS, SUFFIXES, FolderScan, corpus_files, display_path, read_document_file, scan_folder
from .formats import PAGED_SUFFIXES, FileText, read_file
from .markup import html_to_text, markdown_to_text
from .ofd import read_ofd
from .pdf import read_pdf
from .word import read_docx

__all__ = [
    "NOT_DOCUMENTS",
    "PAGED_SUFFIXES",
    "SUFFIXES",
    "CorpusError",
    "FileText",
    "FolderScan",
    "corpus_files",
    "decode_bytes",
    "display_path",
    "html_to_text",
    "markdown_to_text",
    "read_document_file",
    "read_docx",
    "read_file",
    "read_ofd",
    "read_pdf",
    "scan_folder",
]
