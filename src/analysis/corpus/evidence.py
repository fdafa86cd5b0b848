"""The field-evidence table of a loaded corpus, with the values a researcher's metadata.csv set."""

from __future__ import annotations

import pandas as pd

__all__ = ["with_csv_evidence"]


def with_csv_evidence(evidence: pd.DataFrame, cells: pd.DataFrame) -> pd.DataFrame:
    """``evidence`` (doc_id, field, value, evidence, rule, inferred) with every value a metadata CSV
    set in place of the text's reading: value from the CSV, rule the CSV's name, evidence naming
    the CSV line and what the text gave ("metadata.csv line 3; the text read '2019'").

    ``cells`` has columns doc_id, field, value, previous, line, rule (see
    :func:`analysis.corpus.metadata_csv.apply_metadata_csv`).  Returns a new table, rows of
    fields the text did not give (a CSV's own columns) appended.
    """
    if not len(cells):
        return evidence
    rows = pd.DataFrame(
        {
            "doc_id": cells["doc_id"],
            "field": cells["field"],
            "value": cells["value"],
            "evidence": [
                f"{r} line {ln}; the text read {p!r}" if p else f"{r} line {ln}"
                for r, ln, p in zip(cells["rule"], cells["line"], cells["previous"])
            ],
            "rule": cells["rule"],
            "inferred": False,
        }
    )
    keys = set(zip(rows.doc_id, rows.field))
    kept = evidence[[k not in keys for k in zip(evidence.doc_id, evidence.field)]]
    return pd.concat([kept, rows], ignore_index=True)[list(evidence.columns)]
