"""The command line: every subcommand documents its options and writes its tables."""

import subprocess
import sys

import pandas as pd
import pytest

from analysis.cli import main


def test_help_lists_every_subcommand():
    out = subprocess.run([sys.executable, "-m", "analysis", "--help"], capture_output=True, text=True, check=True)
    for command in ("corpus", "prepare", "report"):
        assert command in out.stdout


@pytest.mark.parametrize(
    ("command", "options"),
    [
        ("corpus", ["--corpus", "--out"]),
        ("prepare", ["--corpus", "--out", "--n-terms", "--terms"]),
        ("report", ["--corpus", "--out", "--figures", "--notebooks", "--kernel"]),
    ],
)
def test_subcommand_help_lists_its_options(command, options, capsys):
    with pytest.raises(SystemExit) as stop:
        main([command, "--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    for option in options:
        assert option in text


def test_corpus_writes_csv_and_parquet_of_the_bundled_seeds(tmp_path):
    assert main(["corpus", "--out", str(tmp_path)]) == 0
    docs = pd.read_csv(tmp_path / "documents.csv", encoding="utf-8-sig")
    assert len(docs) == 23
    assert (tmp_path / "documents.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel reads UTF-8
    for name in ("documents", "paragraphs", "policy_list", "skipped", "audit_files", "audit_removed"):
        assert (tmp_path / f"{name}.parquet").exists()
    audit = pd.read_csv(tmp_path / "audit_files.csv", encoding="utf-8-sig")
    assert len(audit) == 5  # the five seed files, none losing body text
    assert (audit.body_lost_share == 0).all()
    assert len(pd.read_parquet(tmp_path / "policy_list.parquet")) == 32


def test_prepare_writes_the_interim_tables(tmp_path, capsys):
    assert main(["prepare", "--out", str(tmp_path), "--n-terms", "10"]) == 0
    assert "23 documents" in capsys.readouterr().out
    terms = pd.read_csv(tmp_path / "terms.csv", encoding="utf-8-sig")
    assert len(terms) == 10
    assert (tmp_path / "manifest.json").exists()
