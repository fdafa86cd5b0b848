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
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert (
        err[0].startswith(f"error: no document could be read from {junk}") and "scan.pdf: not a readable PDF" in err[0]
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


def _dictionary_covers_every_column(out):
    """Every column of every CSV written to ``out`` is described in data_dictionary.csv (none "not described")."""
    from analysis.io.schema import NOT_DESCRIBED

    dictionary = pd.read_csv(out / "data_dictionary.csv", encoding="utf-8-sig", keep_default_na=False)
    listed = set(zip(dictionary.table, dictionary.column))
    for csv in out.glob("*.csv"):
        columns = pd.read_csv(csv, encoding="utf-8-sig", nrows=0).columns
        assert {(csv.stem, c) for c in columns} <= listed, csv.name
    assert not (dictionary.meaning == NOT_DESCRIBED).any()
    assert (dictionary.type != "").all() and (dictionary.meaning != "").all()
    return dictionary


def test_corpus_on_a_folder_of_pdfs_writes_the_workbook_and_the_dictionary(policy_formats, tmp_path, capsys):
    from format_fixtures import write_image_pdf

    corpus = tmp_path / "pdfs"
    corpus.mkdir()
    (corpus / "policy.pdf").write_bytes(policy_formats[".pdf"].read_bytes())
    write_image_pdf(corpus / "scan.pdf")
    out = tmp_path / "out"
    assert main(["corpus", "--corpus", str(corpus), "--out", str(out)]) == 0
    assert "workbook" in capsys.readouterr().out
    dictionary = _dictionary_covers_every_column(out)
    sheets = pd.read_excel(out / "tables.xlsx", sheet_name=None)
    names = ["documents", "paragraphs", "policy_list", "skipped", "audit_files", "audit_removed", "data_dictionary"]
    assert list(sheets) == names
    docs = sheets["documents"]
    assert docs.title.tolist() == ["陕西省人民政府办公厅关于加快推进全省新型智慧城市建设的指导意见"]
    assert docs.source.tolist() == ["policy.pdf#page=1"]
    assert docs.text[0] == pd.read_csv(out / "documents.csv", encoding="utf-8-sig").text[0]  # Chinese intact
    assert sheets["skipped"].to_dict("records") == [
        {"file": "scan.pdf", "reason": "no text layer (scanned?): 2 pages; OCR is not done"}
    ]
    assert len(sheets["data_dictionary"]) == len(dictionary)


def test_corpus_dictionary_covers_every_column_of_the_seed_tables(tmp_path):
    assert main(["corpus", "--out", str(tmp_path)]) == 0
    dictionary = _dictionary_covers_every_column(tmp_path)
    assert len(dictionary) == 20 + 6 + 7 + 2 + 10 + 5 + 5  # documents ... audit_removed, the dictionary itself
    sheets = pd.read_excel(tmp_path / "tables.xlsx", sheet_name=None)
    assert len(sheets["documents"]) == 23
    # one removed line of the seed compilation (its run-on text outside every document) is longer than
    # an Excel cell holds: cut with a note in the cell and on the notes sheet, whole in the CSV
    removed = pd.read_csv(tmp_path / "audit_removed.csv", encoding="utf-8-sig")
    longest = removed.n_chars.idxmax()
    assert removed.n_chars.max() == 40_433 and (removed.n_chars > 32_767).sum() == 1
    assert sheets["notes"].to_dict("records") == [
        {"sheet": "audit_removed", "note": f"row {longest + 2}, column text: first 32,683 of 40,433 characters "
                                           "(Excel's cell limit)"}
    ]  # fmt: skip
    assert sheets["audit_removed"].text[longest].endswith("of 40,433 characters; the CSV holds all]")
    assert sheets["documents"].title.str.contains("智慧城市").sum() >= 10


def test_export_workbook_gathers_a_folder_of_tables(tmp_path):
    from analysis.cli.export import export_workbook
    from analysis.io.tables import write_table

    write_table(pd.DataFrame({"term": ["智慧城市"], "count": [12], "doc_freq": [3], "rate_per_10k": [4.5]}),
                tmp_path / "02_term_frequencies")  # fmt: skip
    write_table(
        pd.DataFrame({"doc_id": ["a"], "year": pd.array([pd.NA], dtype="Int64")}), tmp_path / "x", ("parquet", "csv")
    )
    # a section the corpus could not support writes an empty table (a CSV of no columns)
    write_table(pd.DataFrame(), tmp_path / "02_keyness_central_local")
    paths = export_workbook(tmp_path)
    sheets = pd.read_excel(paths["workbook"], sheet_name=None)
    assert list(sheets) == ["02_keyness_central_local", "02_term_frequencies", "x", "data_dictionary"]
    assert sheets["02_keyness_central_local"].empty
    assert sheets["02_term_frequencies"].term.tolist() == ["智慧城市"]
    dictionary = pd.read_csv(paths["data_dictionary"], encoding="utf-8-sig", keep_default_na=False)
    row = dictionary[(dictionary.table == "02_term_frequencies") & (dictionary.column == "rate_per_10k")].iloc[0]
    assert row.type == "number" and "10,000 characters" in row.unit
    assert dictionary[dictionary.table == "x"].type.tolist() == ["text", "integer"]  # types from the Parquet file


REFUSED = [
    (["report", "--corpus", "{tmp}/nowhere"], "error: corpus path does not exist: {tmp}/nowhere"),
    (["report", "--corpus", "{tmp}/empty"], "error: corpus folder has no files: {tmp}/empty"),
    (["prepare", "--corpus", "{tmp}/sheets"], "error: no document file in {tmp}/sheets: found 1 file(s) of type .xlsx"),
    (["corpus", "--corpus", "{tmp}/blank"], "error: every document file in {tmp}/blank is empty (1 file(s))"),
    (["report", "-p", "split_yeer", "2020"], "error: no notebook has the parameter(s) split_yeer; known: "),
]


@pytest.mark.parametrize(("argv", "message"), REFUSED, ids=["missing", "empty", "xlsx-only", "blank", "typo"])
def test_refused_input_is_one_line_exit_2_within_seconds(argv, message, tmp_path):
    """Measured 0.3-0.4 s on an idle machine (no pandas import); 5 s leaves room for a busy one."""
    import time

    (tmp_path / "empty").mkdir()
    (tmp_path / "sheets").mkdir()
    (tmp_path / "sheets" / "a.xlsx").write_bytes(b"PK")
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


def test_notebooks_after_the_first_run_in_consecutive_groups():
    from analysis.cli.report import _consecutive_groups

    nbs = [Path(f"0{i}_x.ipynb") for i in range(2, 6)]
    # the project's 02-05 in two groups: 04 before 05 in one group (05 reads 04's reuse pairs)
    assert _consecutive_groups(nbs, 2) == [nbs[:2], nbs[2:]]
    assert _consecutive_groups(nbs, 1) == [nbs]
    assert _consecutive_groups(nbs[:3], 2) == [nbs[:2], nbs[2:3]]
    assert _consecutive_groups(nbs[:1], 4) == [nbs[:1]]
    assert _consecutive_groups([], 2) == []
