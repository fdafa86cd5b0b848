"""Helpers for analysing Chinese smart-city (智慧城市) policy documents.

One subpackage per pipeline stage (see ``docs/ARCHITECTURE.md``):

* :mod:`analysis.io`          bytes to text, HTML/Markdown to text, table writers
* :mod:`analysis.cleaning`    cleaning steps for scraped and PDF-extracted text
* :mod:`analysis.metadata`    metadata read from the text (文号, dates, issuer, level, genre, gazetteer)
* :mod:`analysis.parsing`     pages, compilations, the appended policy table, paragraphs
* :mod:`analysis.corpus`      ``load_corpus``, ``read_corpus``, ``load_paragraphs``, ``with_docvars`` ...
* :mod:`analysis.interim`     the interim tables every notebook reads (``prepare``)
* :mod:`analysis.segment`     ``tokenize`` / ``Tokenizer``, cached segmentation, new-word discovery
* :mod:`analysis.dtm`         the one document-term-matrix builder
* :mod:`analysis.frequency`   ``term_frequencies``, ``keyness``, ``kwic``, ``cooccurrence`` ...
* :mod:`analysis.topics`      topic models, choice of k, topic labels and prevalence
* :mod:`analysis.similarity`  document similarity and clustering
* :mod:`analysis.diffusion`   term timelines, first appearances, event-history rows, adoption curves
* :mod:`analysis.reuse`       ``find_reuse``: passages later documents copy from earlier ones
* :mod:`analysis.plotting`    Chinese-capable figures (one place for the CJK font)
* :mod:`analysis.cli`         ``python -m analysis corpus|prepare|report``

Shared concepts have one home each: :mod:`analysis.levels`, :mod:`analysis.labels`,
:mod:`analysis.provenance`, :mod:`analysis.resources`.  Everything loads on first use
(``lazy_loader``), so ``import analysis`` is fast and ``analysis.find_reuse`` works
without importing the reuse stage yourself.
"""

import lazy_loader as _lazy

__version__ = "0.2.0"

_SUBMODULES = [
    "citations",
    "cleaning",
    "cli",
    "cluster",
    "corpus",
    "diffusion",
    "dtm",
    "formulas",
    "frequency",
    "interim",
    "io",
    "labels",
    "levels",
    "metadata",
    "narrative",
    "parsing",
    "plotting",
    "provenance",
    "resources",
    "reuse",
    "segment",
    "similarity",
    "topics",
]

#: The verbs, importable from the top level (``analysis.load_corpus``); each module loads on first use.
_VERBS = {
    "cleaning": ["clean_text", "detect_script", "to_simplified", "undouble"],
    "corpus": [
        "CorpusError",
        "audit_folder",
        "load_corpus",
        "load_paragraphs",
        "load_policy_list",
        "read_corpus",
        "split_paragraphs",
        "split_year_for",
        "with_docvars",
    ],
    "interim": ["load_prepared", "prepare"],
    "io": ["read_file"],
    "io.tables": ["write_workbook"],
    "io.schema": ["data_dictionary"],
    "segment": ["Tokenizer", "adapt_tokenizer", "discover_terms", "review_terms", "tokenize", "tokenize_corpus"],
    "frequency": ["cooccurrence", "keyness", "kwic", "term_frequencies", "tfidf_top_terms", "top_keywords"],
    "topics": ["build_dtm", "choose_k", "evaluate_k", "fit_topics", "label_topics", "topic_prevalence"],
    "similarity": ["cluster_documents", "document_similarity"],
    "diffusion": [
        "adoption_curve",
        "adoption_lag",
        "count_terms",
        "emerging_terms",
        "event_history",
        "first_appearance",
        "load_watchlist",
        "term_timeline",
        "title_terms",
    ],
    "reuse": ["aggregate_network", "find_reuse", "reuse_by_level", "reuse_network"],
    "formulas": [
        "FormulaResult",
        "bottom_up_formulas",
        "describe_formulas",
        "find_formulas",
        "formula_adoption",
        "formula_paths",
    ],
    "citations": ["citation_lags", "citation_network", "citations_by_level_pair", "find_citations", "most_cited"],
    "plotting": ["use_chinese_font"],
}

__getattr__, __dir__, __all__ = _lazy.attach(__name__, submodules=_SUBMODULES, submod_attrs=_VERBS)
