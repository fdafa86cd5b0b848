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
        ("report", ["--corpus", "--out", "--figures", "--notebooks", "--kernel", "--parameter"]),
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
    assert (terms.status == "accepted").sum() == 10  # the review lists every candidate
    assert (tmp_path / "manifest.json").exists()


@pytest.mark.parametrize("command", ["corpus", "prepare", "report"])
def test_a_missing_corpus_is_one_line_and_exit_2(command, tmp_path):
    out = subprocess.run(
        [sys.executable, "-m", "analysis", command, "--corpus", str(tmp_path / "nowhere"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert out.returncode == 2
    assert out.stderr.strip() == f"error: corpus path does not exist: {tmp_path / 'nowhere'}"


def test_an_empty_folder_and_an_unreadable_corpus_are_refused(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["prepare", "--corpus", str(empty), "--out", str(tmp_path / "o")]) == 2
    assert "corpus folder has no files" in capsys.readouterr().err
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "scan.pdf").write_bytes(b"%PDF-1.4 binary")
    assert main(["corpus", "--corpus", str(junk), "--out", str(tmp_path / "o")]) == 2
    last = capsys.readouterr().err.strip().splitlines()[-1]  # after the loader's own warning
    assert last.startswith("error: no document could be read from") and "scan.pdf: not a supported file type" in last


def test_report_parameters_are_python_literals_else_text():
    from analysis.cli import _parameters

    assert _parameters([["split_year", "2020"], ["k_values", "[3, 4]"], ["corpus_name", "浙江"]]) == {
        "split_year": 2020,
        "k_values": [3, 4],
        "corpus_name": "浙江",
    }
