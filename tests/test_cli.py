"""The command line (analysis.__main__)."""

import warnings

import pandas as pd
import pytest

from analysis.__main__ import export_tables


@pytest.mark.xfail(
    strict=True, reason="export_tables reads corpus.attrs['skipped']; the coordinator rewires it to read_corpus()"
)
def test_export_tables_writes_bom_csv_and_parquet(tmp_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        paths = export_tables(None, str(tmp_path))
    raw = paths["documents"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    docs = pd.read_parquet(tmp_path / "documents.parquet")
    assert len(docs) == 23 and len(pd.read_parquet(tmp_path / "policy_list.parquet")) == 32
