"""Segment Chinese policy text into terms, with a policy-domain dictionary.

jieba's general-purpose dictionary splits the vocabulary this project is
about (智慧城市 -> 智慧/城市, 一网通办 -> 一网通/办, 物联网 -> 物/联网), so every
count built on it would be wrong.  This package wraps a *private* segmenter
loaded with the shipped user dictionary -- ``rjieba.Jieba`` (jieba's
algorithm in Rust, the default engine) or ``jieba.Tokenizer`` (the reference,
``Tokenizer(engine="jieba")``) -- and adds stopword filtering, a disk-backed
segmentation cache, worker processes for large corpora, corpus-driven
new-term discovery and provenance records.

Modules
-------
dictionary       shipped data: user dictionary, stopword lists, version, file hashes
filters          stopword, punctuation, number and length filtering of tokens
jieba_backend    the jieba engine: a private jieba instance (never the global one)
rjieba_backend   the rjieba engine: one ``rjieba.Jieba`` per tokenizer (never the module-level one)
tokenizer        ``Tokenizer``, ``tokenize``, ``add_terms``, ``get_default_tokenizer``
cache            memory LRU and on-disk cache, ``resolve_cache_dir``, ``clear_cache``
batch            ``tokenize_corpus``: a column of texts, cached, in processes above 32 MB
discovery        ``discover_terms``, ``review_terms``, ``adapt_tokenizer``
fragments        the review rules: why a discovered string is not a term to add
provenance_info  ``provenance`` (dict) and ``tokenizer_provenance`` (Provenance record)

Examples
--------
>>> from analysis.segment import tokenize, Tokenizer, discover_terms
>>> tokenize("加快推进新型智慧城市建设，推行政务服务一网通办")
['加快', '推进', '新型智慧城市', '建设', '推行', '政务服务', '一网通办']
>>> tokenize("加快推进新型智慧城市建设，推行政务服务一网通办", boilerplate=True)
['新型智慧城市', '建设', '政务服务', '一网通办']

Adapting the dictionary to a new corpus takes two lines::

    new = discover_terms(corpus.text)
    tok = Tokenizer(extra_terms=new.term[:200])
"""

from __future__ import annotations

from .batch import PARALLEL_MIN_BYTES, PROGRESS_MIN_BYTES, PROGRESS_MIN_DOCS, default_n_jobs, tokenize_corpus
from .cache import CACHE_ENV_VAR, clear_cache, default_cache_dir, resolve_cache_dir
from .dictionary import (
    BOILERPLATE_PATH,
    DICTIONARY_VERSION,
    STOPWORDS_PATH,
    USER_DICT_PATH,
    load_stopwords,
    load_user_dictionary,
)
from .discovery import EDGE_CHARS, REVIEW_COLUMNS, adapt_tokenizer, discover_terms, review_terms
from .provenance_info import provenance, tokenizer_provenance
from .tokenizer import DEFAULT_ENGINE, ENGINES, Tokenizer, add_terms, get_default_tokenizer, tokenize

__all__ = [
    "BOILERPLATE_PATH",
    "CACHE_ENV_VAR",
    "DEFAULT_ENGINE",
    "DICTIONARY_VERSION",
    "EDGE_CHARS",
    "ENGINES",
    "PARALLEL_MIN_BYTES",
    "PROGRESS_MIN_BYTES",
    "PROGRESS_MIN_DOCS",
    "REVIEW_COLUMNS",
    "STOPWORDS_PATH",
    "USER_DICT_PATH",
    "Tokenizer",
    "adapt_tokenizer",
    "add_terms",
    "clear_cache",
    "default_cache_dir",
    "default_n_jobs",
    "discover_terms",
    "get_default_tokenizer",
    "load_stopwords",
    "load_user_dictionary",
    "provenance",
    "resolve_cache_dir",
    "review_terms",
    "tokenize",
    "tokenize_corpus",
    "tokenizer_provenance",
]
