"""Figures with Chinese labels that render on a machine without CJK fonts.

:mod:`.base` holds the font, figure creation and saving; the other modules one
family of figures each.
"""
from ..labels import doc_label
from ..levels import LEVELS as LEVEL_ORDER
from .base import CJK_FONT_FILE, LEVEL_COLORS, MIN_DPI, cjk_font_path, new_figure, save_figure, use_chinese_font
from .diffusion import plot_adoption_curves, plot_first_appearance, plot_term_timelines
from .frequency import plot_keyness, plot_rate_heatmap, plot_top_terms, plot_wordcloud
from .networks import plot_cooccurrence_network, plot_reuse_network

__all__ = [
    "CJK_FONT_FILE",
    "LEVEL_COLORS",
    "LEVEL_ORDER",
    "MIN_DPI",
    "cjk_font_path",
    "doc_label",
    "new_figure",
    "plot_adoption_curves",
    "plot_cooccurrence_network",
    "plot_first_appearance",
    "plot_keyness",
    "plot_rate_heatmap",
    "plot_reuse_network",
    "plot_term_timelines",
    "plot_top_terms",
    "plot_wordcloud",
    "save_figure",
    "use_chinese_font",
]
