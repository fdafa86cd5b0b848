"""Figures with Chinese labels that render on a machine without CJK fonts.

:mod:`.base` holds the font, figure creation and saving; every other module one
family of figures: :mod:`.corpus`, :mod:`.frequency`, :mod:`.networks`,
:mod:`.reuse_network`, :mod:`.topics`, :mod:`.diffusion`, :mod:`.groups` (with :mod:`.panels` and :mod:`.labelling`
as their shared small-multiples and label-placement helpers).

A function that draws one axes takes ``ax=`` and returns the Axes; one that
draws several takes ``figure=`` and returns the Figure.  ``path=`` saves the
figure as PNG (>= 150 dpi) and SVG (glyphs as outlines), through
:func:`.base.save_figure`.  :mod:`.intervals` draws ``lo``/``hi`` intervals
and ``small_group`` flags the same way in every figure that compares groups.
"""

from ..labels import doc_label
from ..levels import LEVELS as LEVEL_ORDER
from .base import CJK_FONT_FILE, LEVEL_COLORS, MIN_DPI, cjk_font_path, new_figure, save_figure, use_chinese_font
from .citations import plot_citation_lags, plot_citation_network, plot_level_pairs
from .corpus import documents_per_year, plot_document_lengths, plot_documents_per_year
from .diffusion import plot_adoption_curves, plot_first_appearance, plot_term_timelines
from .formulas import plot_formula_adoption
from .frequency import plot_keyness, plot_rate_heatmap, plot_top_terms, plot_wordcloud
from .groups import plot_title_words, plot_wordclouds
from .networks import plot_cooccurrence_network
from .reuse_network import plot_reuse_network
from .topics import (
    plot_k_diagnostics,
    plot_prevalence_bars,
    plot_prevalence_by_level,
    plot_prevalence_by_year,
    plot_similarity_heatmap,
)

__all__ = [
    "CJK_FONT_FILE",
    "LEVEL_COLORS",
    "LEVEL_ORDER",
    "MIN_DPI",
    "cjk_font_path",
    "doc_label",
    "documents_per_year",
    "new_figure",
    "plot_adoption_curves",
    "plot_citation_lags",
    "plot_citation_network",
    "plot_cooccurrence_network",
    "plot_document_lengths",
    "plot_documents_per_year",
    "plot_first_appearance",
    "plot_formula_adoption",
    "plot_k_diagnostics",
    "plot_keyness",
    "plot_level_pairs",
    "plot_prevalence_bars",
    "plot_prevalence_by_level",
    "plot_prevalence_by_year",
    "plot_rate_heatmap",
    "plot_reuse_network",
    "plot_similarity_heatmap",
    "plot_term_timelines",
    "plot_title_words",
    "plot_top_terms",
    "plot_wordcloud",
    "plot_wordclouds",
    "save_figure",
    "use_chinese_font",
]
