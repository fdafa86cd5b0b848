"""Citations: which documents a policy names (《title》, 文号), resolved within the corpus, and their network.

* :mod:`.extract`  references a text prints (《》 with nesting, 文号, unmarked titles)
* :mod:`.resolve`  jurisdiction and core title; matching by 文号, else title + jurisdiction
* :mod:`.find`     ``find_citations`` (one row per reference)
* :mod:`.network`  most-cited documents, level pairs, citation lags, citation and copying, the graph
* :mod:`.describe` findings as Markdown for notebook 05
"""

from .describe import (
    describe_citation_lags,
    describe_citations,
    describe_citations_and_reuse,
    describe_level_pairs,
    describe_most_cited,
)
from .find import CITATION_COLUMNS, find_citations
from .network import (
    citation_lags,
    citation_network,
    citations_and_reuse,
    citations_by_level_pair,
    lag_distribution,
    most_cited,
)

__all__ = [
    "CITATION_COLUMNS",
    "citation_lags",
    "citation_network",
    "citations_and_reuse",
    "citations_by_level_pair",
    "describe_citation_lags",
    "describe_citations",
    "describe_citations_and_reuse",
    "describe_level_pairs",
    "describe_most_cited",
    "find_citations",
    "lag_distribution",
    "most_cited",
]
