"""The one schema: it names exactly the columns the corpus tables have; the dictionary lists every column."""

import pandas as pd

from analysis.corpus.audit import FILE_COLUMNS, REMOVED_COLUMNS
from analysis.corpus.load import DOCUMENT_COLUMNS, PARAGRAPH_COLUMNS, POLICY_LIST_COLUMNS
from analysis.io.schema import DICTIONARY_COLUMNS, NOT_DESCRIBED, TABLES, data_dictionary, table_schema


def test_the_corpus_tables_schema_matches_the_loader_columns_in_order():
    assert list(TABLES["documents"]) == DOCUMENT_COLUMNS
    assert list(TABLES["paragraphs"]) == PARAGRAPH_COLUMNS
    assert list(TABLES["policy_list"]) == POLICY_LIST_COLUMNS
    assert list(TABLES["audit_files"]) == FILE_COLUMNS
    assert list(TABLES["audit_removed"]) == REMOVED_COLUMNS
    assert list(TABLES["skipped"]) == ["file", "reason"]
    assert list(TABLES["data_dictionary"]) == DICTIONARY_COLUMNS


def test_every_described_column_has_a_known_type_and_a_meaning():
    for table, columns in TABLES.items():
        for name, column in columns.items():
            assert column.type in {"text", "integer", "number", "boolean"}, (table, name)
            assert column.meaning.strip(), (table, name)


def test_the_dictionary_lists_every_column_and_says_which_the_schema_does_not_know():
    documents = pd.DataFrame({"doc_id": ["a"], "n_chars": [3], "经费_万元": [1.5]})  # a metadata.csv column
    got = data_dictionary({"documents": documents, "02_unknown_table": pd.DataFrame({"flag": [True]})})
    assert list(got.columns) == DICTIONARY_COLUMNS
    assert got[["table", "column"]].values.tolist() == [
        ["documents", "doc_id"], ["documents", "n_chars"], ["documents", "经费_万元"], ["02_unknown_table", "flag"],
    ]  # fmt: skip
    assert got.set_index("column").loc["n_chars", "unit"] == "characters"
    assert got.set_index("column").loc["经费_万元", ["type", "meaning"]].tolist() == ["number", NOT_DESCRIBED]
    assert got.set_index("column").loc["flag", "type"] == "boolean"


def test_a_notebook_prefix_is_ignored_when_looking_a_table_up():
    assert table_schema("01_documents") is TABLES["documents"]
    assert table_schema("no_such_table") == {}


def test_report_table_units_are_the_units_the_stages_declare():
    from analysis.frequency.cooccurrence import COOCCURRENCE_UNITS
    from analysis.frequency.counts import TERM_FREQUENCY_UNITS
    from analysis.frequency.keyness import KEYNESS_UNITS

    for table, declared in [
        ("02_keyness_2019", KEYNESS_UNITS),
        ("02_term_frequencies_by_year", TERM_FREQUENCY_UNITS),
        ("02_cooccurrence", COOCCURRENCE_UNITS),
    ]:
        schema = table_schema(table)
        assert {c: schema[c].unit for c in declared} == declared, table


def test_tables_the_stages_make_on_the_seeds_are_fully_described(seed_corpus):
    import analysis
    from analysis.diffusion import title_terms

    tables = {
        "02_term_frequencies_by_level": analysis.term_frequencies(seed_corpus, by="level"),
        "02_keyness_central_local": analysis.keyness(seed_corpus, "level in ['central', 'ministry']"),
        "04_title_words": title_terms(seed_corpus, words=["智慧城市", "数字"]),
        "04_term_timeline": analysis.diffusion.term_timeline(seed_corpus, ["智慧城市"]),
    }
    got = data_dictionary(tables)
    assert not (got.meaning == NOT_DESCRIBED).any(), got[got.meaning == NOT_DESCRIBED]
    for name, table in tables.items():
        assert got[got.table == name].column.tolist() == list(table.columns)
