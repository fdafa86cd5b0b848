"""The command line: every subcommand documents its options and writes its tables."""

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

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
        (
            "report",
            ["--corpus", "--out", "--figures", "--notebooks", "--kernel", "--parameter", "split_year", "k_values"],
        ),
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
    assert capsys.readouterr().err.strip() == (
        f"error: no document file in {junk}: found 1 file(s) of type .pdf; readable types are .txt, .md, .html, .htm"
    )
    # a readable type that holds no Chinese text: the loader reads it and finds no document; still one line
    (junk / "notes.txt").write_text("lorem ipsum", encoding="utf-8")
    assert main(["prepare", "--corpus", str(junk), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: no document could be read from {junk} (")


def test_report_parameters_are_python_literals_else_text():
    from analysis.cli import _parameters

    assert _parameters([["split_year", "2020"], ["k_values", "[3, 4]"], ["corpus_name", "浙江"]]) == {
        "split_year": 2020,
        "k_values": [3, 4],
        "corpus_name": "浙江",
    }


REFUSED = [
    (["report", "--corpus", "{tmp}/nowhere"], "error: corpus path does not exist: {tmp}/nowhere"),
    (["report", "--corpus", "{tmp}/empty"], "error: corpus folder has no files: {tmp}/empty"),
    (["prepare", "--corpus", "{tmp}/pdfs"], "error: no document file in {tmp}/pdfs: found 1 file(s) of type .pdf"),
    (["corpus", "--corpus", "{tmp}/blank"], "error: every document file in {tmp}/blank is empty (1 file(s))"),
    (["report", "-p", "split_yeer", "2020"], "error: no notebook has the parameter(s) split_yeer; known: "),
]


@pytest.mark.parametrize(("argv", "message"), REFUSED, ids=["missing", "empty", "pdf-only", "blank", "typo"])
def test_refused_input_is_one_line_exit_2_within_seconds(argv, message, tmp_path):
    """Measured 0.3-0.4 s on an idle machine (no pandas import); 5 s leaves room for a busy one."""
    import time

    (tmp_path / "empty").mkdir()
    (tmp_path / "pdfs").mkdir()
    (tmp_path / "pdfs" / "a.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "blank").mkdir()
    (tmp_path / "blank" / "a.txt").write_bytes(b"")
    argv = [a.format(tmp=tmp_path) for a in argv] + ["--out", str(tmp_path / "out")]
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "analysis", *argv], capture_output=True, text=True, timeout=60)
    elapsed = time.perf_counter() - t0
    assert out.returncode == 2
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(message.format(tmp=tmp_path)), out.stderr
    assert elapsed < 5, f"{elapsed:.1f} s"


def test_report_defaults_to_the_bundled_seeds_from_any_folder(tmp_path, monkeypatch):
    """`report` without --corpus reads the bundled seeds even when run outside the project."""
    import analysis.cli.report as report
    from analysis.cli import CliError
    from analysis.resources import seed_dir

    seen = []

    def stop(corpus, out):
        seen.append(corpus)
        raise CliError("stopped before parsing")

    monkeypatch.setattr(report, "prepare", stop)
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--out", str(tmp_path / "r"), "--figures", str(tmp_path / "f")]) == 2
    assert [Path(p).resolve() for p in seen] == [seed_dir().resolve()]


def test_a_failing_notebook_is_one_line_naming_it(tmp_path, capsys, monkeypatch):
    import analysis.cli.report as report

    notebooks = tmp_path / "nb"
    notebooks.mkdir()
    cell = {"cell_type": "code", "metadata": {"tags": ["parameters"]}, "source": "corpus_dir = None\nx = 1"}
    (notebooks / "01_x.ipynb").write_text(
        json.dumps({"cells": [cell], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    )

    class Failed(Exception):
        exec_count, ename, evalue = 3, "ValueError", "target must select some but not all documents"

    def execute(*args, **kwargs):
        raise Failed()

    pm = pytest.importorskip("papermill")
    monkeypatch.setattr(pm, "PapermillExecutionError", Failed)
    monkeypatch.setattr(pm, "execute_notebook", execute)
    prepared = SimpleNamespace(documents=[{"doc_id": "a"}], skipped=None)  # one document: the report goes on
    monkeypatch.setattr(report, "prepare", lambda corpus, out: prepared)
    out = ["--out", str(tmp_path / "r"), "--figures", str(tmp_path / "f")]
    code = main(["report", "--notebooks", str(notebooks), *out])
    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: 01_x.ipynb failed in cell 3: ValueError: target must select some but not all")
