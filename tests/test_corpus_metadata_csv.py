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
