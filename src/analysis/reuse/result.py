"""ReuseResult: the pair and passage tables of :func:`analysis.reuse.find_reuse` and their provenance."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from ..provenance import Provenance


@dataclass(frozen=True, eq=False)
class ReuseResult:
    """Output of :func:`analysis.reuse.find_reuse`.

    Attributes
    ----------
    pairs : DataFrame
        One row per (source, target) document pair with at least one reused
        passage, sorted by ``score`` descending.  Columns: source_doc_id,
        target_doc_id, source_date, target_date, source_level, target_level,
        same_year (bool: same year, or a year unknown, so the direction may
        be uncertain), direction_basis ('date' | 'level' | 'doc_id': the
        rule that decided the direction),
        n_passages, aligned_chars (characters of the target text covered by
        reused passages), source_aligned_chars (same for the source),
        target_share (aligned_chars / len(target text), 0-1), source_share
        (0-1), similarity (length-weighted mean passage similarity, 0-1),
        boilerplate_share (0-1, length-weighted), score (see
        :func:`find_reuse`).
    passages : DataFrame
        One row per reused passage, ordered like ``pairs`` then by
        target_start.  source_start/source_end/target_start/target_end are
        character offsets into the corpus ``text`` column, so
        ``text[target_start:target_end] == target_text``.  aligned_chars =
        target_end - target_start (characters), similarity and
        boilerplate_share are 0-1.
    params : dict
        Parameters actually used (including the resolved boilerplate DF
        threshold) and corpus statistics.
    provenance : Provenance
        ``Provenance(step="find_reuse", params=params)`` with library
        versions; ``result.provenance.write(path)`` saves it as JSON next to
        the tables.

    The object unpacks as ``pairs, passages = result``.
    """

    pairs: pd.DataFrame
    passages: pd.DataFrame
    params: dict[str, Any] = field(default_factory=dict)
    provenance: Provenance = field(default_factory=lambda: Provenance("find_reuse"))

    def __iter__(self) -> Iterator[pd.DataFrame]:
        yield self.pairs
        yield self.passages

    def __repr__(self) -> str:
        return (
            f"ReuseResult({len(self.pairs)} pairs, {len(self.passages)} passages, "
            f"boilerplate DF > {self.params.get('boilerplate_df_threshold')})"
        )
