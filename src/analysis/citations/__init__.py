"""Citations: which documents a policy names (《title》, 文号), resolved within the corpus, and their network.

* :mod:`.extract`  references a text prints (《》 with nesting, 文号, unmarked titles)
* :mod:`.resolve`  jurisdiction and core title; matching by 文号, else title + jurisdiction
* :mod:`.find`     ``find_citations`` (one row per reference)
* :mod:`.network`  most-cited documents, level pairs, citation lags, citation and copying
* :mod:`.describe` findings as Markdown for notebook 05
"""

from .find import CITATION_COLUMNS, find_citations

__all__ = ["CITATION_COLUMNS", "find_citations"]
