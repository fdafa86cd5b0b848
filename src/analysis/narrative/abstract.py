"""The computed abstract each report page opens with: the corpus, then that page's main findings."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from .corpus import corpus_sentence

__all__ = ["page_abstract"]


def page_abstract(documents: pd.DataFrame, findings: Iterable[str] = (), skipped: pd.DataFrame | None = None) -> str:
    """Markdown: "**In brief.** <the corpus in one sentence>" and one bullet per finding.

    ``documents`` is the loaded corpus (duplicates included: they are counted
    and set aside); ``findings`` are sentences from this module's other
    functions, empty strings dropped.
    """
    lines = [f"**In brief.** This corpus: {corpus_sentence(documents, skipped)}"]
    # the same sentence twice (e.g. one reason several sections cannot be computed) is shown once
    bullets = [f"- {f}" for f in dict.fromkeys(f.strip() for f in findings if f and f.strip())]
    if bullets:
        lines += ["", *bullets]
    return "\n".join(lines)
