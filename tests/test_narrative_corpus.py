"""Sentences about the corpus: size, span, levels, per-year counts, and the seeds-only box."""

import pandas as pd

from analysis.narrative import corpus_facts, corpus_sentence, is_seed_corpus, levels_sentence, seed_note, years_sentence
from analysis.resources import seed_dir


def _docs():
    # four documents of another province: one duplicate, one undated, one of unknown level
    return pd.DataFrame(
        {
            "doc_id": ["a", "b", "c", "d"],
            "year": pd.array([2019, 2021, 2021, None], dtype="Int64"),
            "level": ["provincial", "prefecture", "provincial", ""],
            "n_chars": [1000, 2500, 1000, 300],
            "duplicate_of": ["", "", "a", ""],
            "date_source": ["signature", "plan period start (title)", "signature", "none"],
        }
    )


def test_facts_set_duplicates_aside_and_count_the_rest():
    f = corpus_facts(_docs())
    assert f["n_documents"] == 3 and f["n_duplicates"] == 1
    assert f["n_chars"] == 3800  # 1000 + 2500 + 300: the duplicate's characters are not counted
    assert f["n_undated"] == 1 and f["n_inferred"] == 1
    assert f["span"] == "2019-2021" and f["years"] == [2019, 2021]
    assert f["levels"] == {"provincial": 1, "prefecture": 1, "unknown": 1}


def test_corpus_sentence_states_what_was_set_aside():
    text = corpus_sentence(_docs(), skipped=pd.DataFrame({"file": ["x.pdf"], "reason": ["type"]}))
    assert text.startswith("**3 documents** (3,800 characters); 2 dated (2019-2021), 1 undated;")
    assert "levels: provincial 1, prefecture 1 and unknown 1." in text
    assert "1 duplicate set aside, 1 year inferred rather than printed and 1 file skipped" in text


def test_corpus_sentence_on_undated_and_empty_corpora():
    undated = _docs().assign(year=pd.array([None] * 4, dtype="Int64"))
    assert ", none of them dated;" in corpus_sentence(undated)
    assert corpus_sentence(_docs().iloc[:0]) == "**No document** could be read from this corpus."


def test_years_sentence_names_busiest_year_gaps_and_level_spans():
    text = years_sentence(_docs())
    # the duplicate c is set aside: one document in 2019, one in 2021
    assert text == (
        "Each of the 2 dated years has 1 document. No document is dated 2020. "
        "By level: provincial 2019 and prefecture 2021."
    )
    three = _docs().assign(duplicate_of="", year=pd.array([2019, 2021, 2021, 2023], dtype="Int64"))
    assert years_sentence(three).startswith(
        "The busiest year is 2021 (2 documents). No document is dated 2020 or 2022."
    )
    one_year = _docs().assign(year=pd.array([2021, 2021, 2021, None], dtype="Int64"))
    assert years_sentence(one_year).startswith("Every dated document is from 2021 (2 documents).")
    assert (
        years_sentence(_docs().assign(year=pd.NA))
        == "No document in this corpus is dated, so nothing can be placed in time."
    )


def test_levels_sentence_orders_levels_from_the_top():
    assert levels_sentence(_docs()) == "provincial 1, prefecture 1 and unknown 1"


def test_seed_note_shows_only_on_the_bundled_seeds(tmp_path):
    assert is_seed_corpus(None) and is_seed_corpus(seed_dir())
    assert not is_seed_corpus(tmp_path)
    box = seed_note("Hebei 2019 reuses the 2014 guidance.\n\nSecond line.", seed_dir())
    assert box.startswith("> **On the bundled seeds**") and "> Hebei 2019 reuses" in box and "\n>\n" in box
    assert seed_note("Hebei 2019 reuses the 2014 guidance.", tmp_path) == ""


def test_the_seed_corpus_in_one_sentence(seed_corpus):
    text = corpus_sentence(seed_corpus)
    # 23 documents (tests/test_corpus_load.py), none a duplicate; the compilation's latest full text is of 2022
    assert text.startswith("**23 documents**") and "dated 2014-2022" in text
