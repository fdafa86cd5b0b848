"""Reading files into text and writing tables out.

* :mod:`.decode`  bytes -> text (``decode_bytes``, via charset-normalizer)
* :mod:`.markup`  ``html_to_text``, ``markdown_to_text``
* :mod:`.files`   ``corpus_files`` (the files of a corpus folder), ``read_document_file``
* :mod:`.errors`  ``CorpusError``
* :mod:`.tables`  ``write_table``, ``write_tables``, ``write_json`` (the one table writer)
"""

from .decode import decode_bytes
from .errors import CorpusError
from .files import NOT_DOCUMENTS, SUFFIXES, corpus_files, read_document_file
from .markup import html_to_text, markdown_to_text

__all__ = [
    "NOT_DOCUMENTS",
    "SUFFIXES",
    "CorpusError",
    "corpus_files",
    "decode_bytes",
    "html_to_text",
    "markdown_to_text",
    "read_document_file",
]
