"""Command line: ``python -m analysis corpus|prepare|report`` (also installed as ``smartcity-analysis``).

* ``corpus --corpus DIR --out DIR`` writes the document, paragraph, policy-list,
  skipped-file and audit tables as CSV (UTF-8 with BOM, so Excel shows the Chinese) and
  Parquet, one workbook ``tables.xlsx`` (a sheet per table) and ``data_dictionary.csv``.
* ``prepare --corpus DIR --out DIR`` writes the interim tables the notebooks read
  (documents, paragraphs, policy list, skipped files, the tokenizer's added terms).
* ``report --corpus DIR --out DIR --figures DIR`` prepares the interim tables, executes
  every numbered notebook on that corpus (parameters injected into each notebook's
  ``parameters`` cell) and writes executed notebooks, one HTML page per notebook and an index.

``--corpus`` defaults to the bundled seeds wherever the command runs.  A corpus path that
does not exist, a folder without files, or one from which no document could be read ends the
command with one line naming the problem and exit status 2.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
import warnings

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m analysis", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    corpus_help = "folder of .txt/.md/.html/.pdf/.docx/.ofd files (default: the bundled seeds)"
    p_corpus = sub.add_parser(
        "corpus", help="write documents, paragraphs and policy list as CSV, Parquet and one Excel workbook"
    )
    p_corpus.add_argument("--corpus", default=None, help=corpus_help)
    p_corpus.add_argument("--out", required=True, help="output folder")
    p_prepare = sub.add_parser("prepare", help="write the interim tables the notebooks read")
    p_prepare.add_argument("--corpus", default=None, help=corpus_help)
    p_prepare.add_argument("--out", default="reports/interim", help="output folder (default: reports/interim)")
    p_prepare.add_argument("--n-terms", type=int, default=50, help="discovered terms added to the tokenizer")
    p_prepare.add_argument("--terms", default=None, help="CSV with a 'term' column: a curated list instead")
    p_report = sub.add_parser(
        "report", help="execute every notebook and write HTML reports", epilog=_notebook_parameters_help()
    )
    p_report.add_argument("--corpus", default=None, help=corpus_help)
    p_report.add_argument("--out", default="reports", help="report folder (default: reports)")
    p_report.add_argument("--figures", default="figures", help="figure folder (default: figures)")
    p_report.add_argument("--notebooks", default=None, help="notebook folder (default: the project's notebooks/)")
    p_report.add_argument("--kernel", default="python3", help="Jupyter kernel name (default: python3)")
    p_report.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="notebooks run at once after the first (default: 2, or 1 on a one-core machine; 1 = one after another)",
    )
    p_report.add_argument(
        "-p",
        "--parameter",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="set a notebook parameter, e.g. -p split_year 2020 (a Python literal, else text); repeatable",
    )
    return parser


def _notebook_parameters_help() -> str:
    """The parameters ``-p`` can set, read from the notebooks' parameters cells ("" if none are found)."""
    from .notebooks import notebook_dir, parameter_names

    try:
        notebooks = sorted(notebook_dir().glob("[0-9][0-9]_*.ipynb"))
        names = sorted({n for nb in notebooks for n in parameter_names(nb)})
    except (OSError, ValueError, SyntaxError):
        return ""
    return "notebook parameters (-p NAME VALUE): " + ", ".join(names) if names else ""


class CliError(Exception):
    """A problem with the command's input, reported as one line."""


def _check_corpus(path: str | None) -> None:
    """Fail fast, before any heavy import, on a corpus path that cannot give documents."""
    if path is None:
        return
    if not os.path.exists(path):
        raise CliError(f"corpus path does not exist: {path}")
    if os.path.isdir(path) and not any(files for _root, _dirs, files in os.walk(path)):
        raise CliError(f"corpus folder has no files: {path}")
    _check_readable(path)


def _check_readable(path: str) -> None:
    """Refuse, in well under a second, a corpus with no file of a type the loader reads."""
    from ..io.files import NOT_DOCUMENTS, SUFFIXES

    if os.path.isfile(path):
        names = [path]
    else:
        names = [os.path.join(root, f) for root, _dirs, files in os.walk(path) for f in files]
    readable = [n for n in names if n.lower().endswith(SUFFIXES) and os.path.basename(n) not in NOT_DOCUMENTS]
    if any(os.path.getsize(n) > 0 for n in readable):
        return
    if readable:
        raise CliError(f"every document file in {path} is empty ({len(readable)} file(s))")
    found = sorted({os.path.splitext(n)[1].lower() or "(no suffix)" for n in names})
    raise CliError(
        f"no document file in {path}: found {len(names)} file(s) of type {', '.join(found)}; "
        f"readable types are {', '.join(SUFFIXES)}"
    )


def _check_notebooks(args: argparse.Namespace) -> None:
    """Refuse a missing notebook folder or an unknown ``-p`` name before the corpus is parsed."""
    from .notebooks import check_parameters, notebook_dir

    folder = notebook_dir(args.notebooks)
    check_parameters(sorted(folder.glob("[0-9][0-9]_*.ipynb")), _parameters(args.parameter), folder)


def _require_documents(n_documents: int, skipped, path: str | None) -> None:
    if n_documents == 0:
        reasons = "; ".join(f"{f}: {r}" for f, r in zip(skipped.file, skipped.reason))
        raise CliError(f"no document could be read from {path}" + (f" ({reasons})" if reasons else ""))


def _parameters(pairs: list[list[str]]) -> dict[str, object]:
    """Notebook parameters from ``-p NAME VALUE`` pairs; values are Python literals where they parse."""
    out: dict[str, object] = {}
    for name, value in pairs:
        try:
            out[name] = ast.literal_eval(value)
        except (ValueError, SyntaxError):
            out[name] = value
    return out


def main(argv: list[str] | None = None) -> int:
    """Run one subcommand; returns the process exit code (2 for a problem with the input)."""
    args = _parser().parse_args(argv)
    # the loader's warnings are shown after a successful run; a refused corpus gets one line
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            _check_corpus(args.corpus)
            if args.command == "report":
                _check_notebooks(args)
            _run(args)
        except CliError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        except RuntimeError as error:  # a report that failed (report.ReportError): one line, not a traceback
            from .notebooks import NotebookFailed, ReportError

            if not isinstance(error, ReportError):
                raise
            print(f"error: {error}", file=sys.stderr)
            return 1 if isinstance(error, NotebookFailed) else 2
    for warning in caught:
        print(f"warning: {warning.message}", file=sys.stderr)
    return 0


def _run(args: argparse.Namespace) -> None:
    if args.command == "corpus":
        from .export import export_tables

        export_tables(
            args.corpus, args.out, check=lambda docs, skipped: _require_documents(len(docs), skipped, args.corpus)
        )
    elif args.command == "prepare":
        from ..interim import prepare

        prepared = prepare(args.corpus, args.out, n_terms=args.n_terms, terms=args.terms)
        _require_documents(len(prepared.documents), prepared.skipped, args.corpus)
        print(
            f"{len(prepared.documents)} documents, {len(prepared.paragraphs)} paragraphs, "
            f"{len(prepared.terms)} added terms -> {prepared.folder}"
        )
    else:
        from .report import build_report

        build_report(
            args.corpus,
            args.out,
            args.figures,
            notebooks_dir=args.notebooks,
            kernel=args.kernel,
            parameters=_parameters(args.parameter),
            jobs=args.jobs,
            check=lambda prepared: _require_documents(len(prepared.documents), prepared.skipped, args.corpus),
        )
