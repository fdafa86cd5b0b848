"""Reading files into text and writing tables out.

* :mod:`.decode`  bytes -> text (``decode_bytes``, via charset-normalizer)
* :mod:`.markup`  ``html_to_text``, ``markdown_to_text``
* :mod:`.files`   ``corpus_files`` / ``scan_folder`` (a corpus folder's files), ``display_path``,
  ``read_document_file``
* :mod:`.errors`  ``CorpusError``
* :mod:`.tables`  ``write_table``, ``write_tables``, ``write_json`` (the one table writer)
"""

from .decode import decode_bytes
from .errors import CorpusError
from .files import NOT_DOCUMENTS, SUFFIXES, FolderScan, corpus_files, display_path, read_document_file, scan_folder
from .markup import html_to_text, markdown_to_text

__all__ = [
    "NOT_DOCUMENTS",
    "SUFFIXES",
    "CorpusError",
    "FolderScan",
    "corpus_files",
    "decode_bytes",
    "display_path",
    "html_to_text",
    "markdown_to_text",
    "read_document_file",
    "scan_folder",
]
