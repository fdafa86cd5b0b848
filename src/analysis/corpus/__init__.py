"""The corpus verbs: load documents, paragraphs and the policy list; join document variables.

* :mod:`.load`          ``read_corpus`` (-> :class:`CorpusLoad`), ``load_corpus``, ``load_paragraphs``,
                        ``load_policy_list``, ``default_seed_dir``, doc id slugs
* :mod:`.parallel`      the files parsed in worker processes (``read_corpus(n_jobs=...)``)
* :mod:`.metadata_csv`  a researcher's metadata.csv overriding fields read from the text
* :mod:`.duplicates`    ``flag_duplicates``: later copies of the same policy
* :mod:`.docvars`       ``with_docvars``: year / level / region onto any derived table
* :mod:`.audit`         ``audit_folder``, ``audit_file``: what loading kept of each file, and why
* :mod:`.periods`       ``split_year_for``, ``year_range_for``: the corpus's own period split and span

Reading files is :mod:`analysis.io`, parsing text :mod:`analysis.parsing`,
metadata :mod:`analysis.metadata`.
"""

from ..io.errors import CorpusError
from ..io.files import SUFFIXES, read_document_file
from ..io.markup import html_to_text, markdown_to_text
from ..parsing import parse_text, split_paragraphs, split_run_on
from .audit import CorpusAudit, audit_file, audit_folder
from .docvars import with_docvars
from .duplicates import find_duplicates, flag_duplicates
from .load import (
    DOCUMENT_COLUMNS,
    PARAGRAPH_COLUMNS,
    POLICY_LIST_COLUMNS,
    CorpusLoad,
    default_seed_dir,
    load_corpus,
    load_paragraphs,
    load_policy_list,
    read_corpus,
)
from .periods import split_year_for, year_range_for

__all__ = [
    "DOCUMENT_COLUMNS",
    "PARAGRAPH_COLUMNS",
    "POLICY_LIST_COLUMNS",
    "SUFFIXES",
    "CorpusAudit",
    "CorpusError",
    "CorpusLoad",
    "audit_file",
    "audit_folder",
    "default_seed_dir",
    "find_duplicates",
    "flag_duplicates",
    "html_to_text",
    "load_corpus",
    "load_paragraphs",
    "load_policy_list",
    "markdown_to_text",
    "parse_text",
    "read_corpus",
    "read_document_file",
    "split_paragraphs",
    "split_run_on",
    "split_year_for",
    "with_docvars",
    "year_range_for",
]
