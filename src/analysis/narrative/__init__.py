"""Findings as sentences: Markdown computed from result tables, for the notebooks and the report.

Every function takes the tables an analysis returned and gives back Markdown
with that run's numbers and document labels filled in, or one sentence saying
why a section cannot be computed for the corpus.  Notebooks show the strings
with ``IPython.display.Markdown``; method text stays static in the notebooks.
"""

from .abstract import page_abstract
from .corpus import corpus_facts, corpus_sentence, is_seed_corpus, levels_sentence, seed_note, years_sentence
from .diffusion import (
    adoption_lag_sentence,
    alignment_sentence,
    emerging_sentence,
    reuse_by_level_sentence,
    reuse_pairs_sentence,
    title_words_sentence,
)
from .format import cannot, listing, number, percent, plural, year_span
from .frequency import cooccurrence_sentence, keyness_groups_sentence, keyness_sentence, top_terms_sentence
from .topics import (
    k_choice_sentence,
    k_sample_sentence,
    lda_agreement_sentence,
    lda_sample_sentence,
    prevalence_sentence,
    topics_sentence,
)

__all__ = [
    "adoption_lag_sentence",
    "alignment_sentence",
    "cannot",
    "cooccurrence_sentence",
    "corpus_facts",
    "corpus_sentence",
    "emerging_sentence",
    "is_seed_corpus",
    "k_choice_sentence",
    "k_sample_sentence",
    "keyness_groups_sentence",
    "keyness_sentence",
    "lda_agreement_sentence",
    "lda_sample_sentence",
    "levels_sentence",
    "listing",
    "number",
    "page_abstract",
    "percent",
    "plural",
    "prevalence_sentence",
    "reuse_by_level_sentence",
    "reuse_pairs_sentence",
    "seed_note",
    "title_words_sentence",
    "top_terms_sentence",
    "topics_sentence",
    "year_span",
    "years_sentence",
]
