"""A researcher's metadata.csv (analysis.corpus.metadata_csv)."""

import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.corpus import CorpusError, read_corpus

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _field_sources(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fs = read_corpus(folder).field_sources
    return dict(zip(fs.field, fs.source))


def test_metadata_csv_overrides_and_reports(tmp_path):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    pd.DataFrame({"source": ["shaanxi.txt"], "level": ["prefecture"], "topic": ["政务数据"]}).to_csv(
        tmp_path / "metadata.csv", index=False
    )
    df = analysis.load_corpus(tmp_path)
    assert df.iloc[0].level == "prefecture" and df.iloc[0].topic == "政务数据"
    assert df.iloc[0].region == "陕西"  # not in the CSV: still read from the text
    fs = _field_sources(tmp_path)
    assert fs["region"] == "text" and "metadata.csv" in fs["level"] and fs["topic"] == "metadata.csv"


def test_metadata_csv_date_override_updates_year_and_source(tmp_path):
    shutil.copy(SEEDS / "002_cfdf9cd42da11f50.txt", tmp_path / "zhengzhou.txt")
    with pytest.warns(UserWarning, match="lower bound"):
        before = analysis.load_corpus(tmp_path)
    assert before.iloc[0].year == 2020
    pd.DataFrame({"source": ["zhengzhou.txt"], "date": ["2021-05-10"]}).to_csv(tmp_path / "metadata.csv", index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "no date printed" warning once the CSV supplies the date
        df = analysis.load_corpus(tmp_path)
    r = df.iloc[0]
    assert (r.date, r.year, r.date_source) == ("2021-05-10", 2021, "metadata.csv")
    assert "metadata.csv" in _field_sources(tmp_path)["year"]


def test_metadata_csv_without_a_key_column_is_refused(tmp_path):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    pd.DataFrame({"level": ["prefecture"]}).to_csv(tmp_path / "metadata.csv", index=False)
    with pytest.raises(CorpusError, match="needs a 'doc_id' or 'source' column"):
        analysis.load_corpus(tmp_path)


def _shaanxi(tmp_path):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")


def _load_recording(tmp_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        df = analysis.load_corpus(tmp_path)
    return df, [str(w.message) for w in caught]


def test_metadata_csv_saved_by_excel_on_chinese_windows_is_gbk(tmp_path):
    _shaanxi(tmp_path)
    (tmp_path / "metadata.csv").write_bytes("source,主题,level\nshaanxi.txt,政务数据共享,provincial\n".encode("gbk"))
    df, _ = _load_recording(tmp_path)
    assert df.iloc[0]["主题"] == "政务数据共享" and df.iloc[0].level == "provincial"


def test_metadata_csv_with_utf8_bom_and_excel_header_spaces(tmp_path):
    _shaanxi(tmp_path)
    (tmp_path / "metadata.csv").write_bytes("\ufeffSource , Level\nshaanxi.txt,prefecture\n".encode("utf-8"))
    df, _ = _load_recording(tmp_path)
    assert df.iloc[0].level == "prefecture"


def test_metadata_csv_bad_values_are_named_and_ignored(tmp_path):
    _shaanxi(tmp_path)
    (tmp_path / "metadata.csv").write_text(
        "source,date,level,year,is_excerpt,\nshaanxi.txt,2021/13/45,city,20x1,maybe,note\n", encoding="utf-8"
    )
    df, messages = _load_recording(tmp_path)
    text = "\n".join(messages)
    assert "line 2, column 'date': not a possible date '2021/13/45'" in text
    assert "line 2, column 'level': unknown level" in text and "'city'" in text
    assert "line 2, column 'year': not a year '20x1'" in text
    assert "column 'is_excerpt'" in text and "'maybe'" in text
    assert "column 6 has no name" in text and "'note'" in text
    r = df.iloc[0]  # everything still as read from the text
    assert (r.date, r.year, r.level, r.date_source) == ("2018-08-25", 2018, "provincial", "signature")


def test_metadata_csv_duplicate_keys_are_named_and_the_later_row_ignored(tmp_path):
    _shaanxi(tmp_path)
    (tmp_path / "metadata.csv").write_text(
        "source,topic\nshaanxi.txt,政务数据\nshaanxi.txt,数字政府\n", encoding="utf-8"
    )
    df, messages = _load_recording(tmp_path)
    assert any("line 3: source 'shaanxi.txt' matches the same document as line 2" in m for m in messages)
    assert df.iloc[0].topic == "政务数据"


def test_metadata_csv_chinese_numeral_years_and_dates(tmp_path):
    _shaanxi(tmp_path)
    shutil.copy(SEEDS / "002_cfdf9cd42da11f50.txt", tmp_path / "zhengzhou.txt")
    doc_id = _shaanxi_id(tmp_path)
    (tmp_path / "metadata.csv").write_text(
        f"doc_id,source,date,year\n{doc_id},,二〇一八年八月三十日,\n,zhengzhou.txt,,二〇二一\n", encoding="utf-8"
    )
    df, messages = _load_recording(tmp_path)
    got = {r.source: (r.date, r.year, r.date_source) for r in df.itertuples()}
    assert got["shaanxi.txt"] == ("2018-08-30", 2018, "metadata.csv")
    assert got["zhengzhou.txt"][1:] == (2021, "metadata.csv")
    assert not any("not a" in m for m in messages)


def _shaanxi_id(folder):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = analysis.load_corpus(folder)
    return df.set_index("source").doc_id["shaanxi.txt"]


def test_unreadable_metadata_csv_is_one_clear_error(tmp_path):
    _shaanxi(tmp_path)
    (tmp_path / "metadata.csv").write_bytes(b"\x00\x01PK\x03\x04" * 20)
    with pytest.raises(CorpusError, match=r"metadata\.csv: cannot read metadata CSV: binary file"):
        analysis.load_corpus(tmp_path)


def test_researchers_own_columns_are_kept_quietly_and_misspelt_fields_are_named(tmp_path):
    _shaanxi(tmp_path)
    pd.DataFrame(
        {"source": ["shaanxi.txt"], "topic": ["政务数据"], "notes": ["checked"], "titel": ["另一个标题"]}
    ).to_csv(tmp_path / "metadata.csv", index=False)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load = read_corpus(tmp_path)
    messages = [str(w.message) for w in caught]
    # one warning, for the column one or two edits from a field; none for topic and notes
    assert [m for m in messages if "metadata.csv" in m] == [m for m in messages if "'titel'" in m]
    assert len([m for m in messages if "'titel'" in m]) == 1 and "looks like 'title'" in messages[0]
    r = load.documents.iloc[0]
    assert (r.topic, r.notes, r.titel) == ("政务数据", "checked", "另一个标题")
    assert r.title != "另一个标题"  # a misspelt column never overrides the field it resembles
    fs = dict(zip(load.field_sources.field, load.field_sources.source))
    assert fs["topic"] == fs["notes"] == "metadata.csv"


def test_evidence_and_document_sources_name_the_values_metadata_csv_set(tmp_path):
    # the seed page prints its level (provincial 陕西); the CSV sets another and a date
    _shaanxi(tmp_path)
    pd.DataFrame({"source": ["shaanxi.txt"], "level": ["prefecture"], "date": ["2021-05-10"]}).to_csv(
        tmp_path / "metadata.csv", index=False
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load = read_corpus(tmp_path)
    doc_id = load.documents.iloc[0].doc_id
    ev = load.evidence[load.evidence.doc_id == doc_id].set_index("field")
    assert (ev.loc["level", "value"], ev.loc["level", "rule"]) == ("prefecture", "metadata.csv")
    assert ev.loc["level", "evidence"] == "metadata.csv line 2; the text read 'provincial'"
    assert (ev.loc["date", "value"], ev.loc["year", "value"]) == ("2021-05-10", "2021")
    assert ev.loc["region", "rule"] != "metadata.csv"  # not in the CSV: the text's reading
    sources = load.document_sources()
    mine = dict(zip(sources[sources.doc_id == doc_id].field, sources[sources.doc_id == doc_id].source))
    assert (mine["level"], mine["date"], mine["year"], mine["region"], mine["title"]) == (
        "metadata.csv",
        "metadata.csv",
        "metadata.csv",
        "text",
        "text",
    )
