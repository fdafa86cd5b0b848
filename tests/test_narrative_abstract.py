"""The computed abstract a report page opens with."""

import pandas as pd

from analysis.narrative import page_abstract


def test_abstract_states_the_corpus_then_each_finding_once():
    docs = pd.DataFrame(
        {
            "doc_id": ["a"],
            "year": pd.array([2021], dtype="Int64"),
            "level": ["county"],
            "n_chars": [420],
            "duplicate_of": [""],
        }
    )
    text = page_abstract(docs, ["First finding.", "", "*Not computed: one document.*", "*Not computed: one document.*"])
    assert text == (
        "**In brief.** This corpus: **1 document** (420 characters), dated 2021; levels: county 1.\n\n"
        "- First finding.\n- *Not computed: one document.*"
    )
