"""Command line: ``python -m analysis corpus|report``.

* ``python -m analysis corpus --corpus DIR --out DIR`` writes the document,
  paragraph and policy-list tables as CSV (UTF-8 with BOM, so Excel shows the
  Chinese) and Parquet, plus ``skipped.csv`` listing files that could not be read.
* ``python -m analysis report --corpus DIR --out DIR --figures DIR`` executes
  every numbered notebook in ``notebooks/`` on that corpus (parameters are
  injected into each notebook's ``parameters`` cell), and writes executed
  notebooks, one self-contained HTML page per notebook and an index page.
"""
from __future__ import annotations

import argparse
import html
import sys
import time
import warnings
from pathlib import Path

__all__ = ["main", "export_tables", "build_report"]


def export_tables(corpus_dir: str | None, out_dir: str) -> dict[str, Path]:
    """Write documents / paragraphs / policy_list / skipped tables; return their CSV paths."""
    import pandas as pd

    from .corpus import load_corpus, load_paragraphs, load_policy_list

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        docs = load_corpus(corpus_dir)
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    tables = {
        "documents": docs,
        "paragraphs": load_paragraphs(docs),
        "policy_list": load_policy_list(corpus_dir, corpus=docs),
        "skipped": pd.DataFrame(docs.attrs["skipped"], columns=["file", "reason"]),
    }
    paths = {}
    for name, df in tables.items():
        df = df.copy()
        df.attrs = {}
        csv = out / f"{name}.csv"
        df.to_csv(csv, index=False, encoding="utf-8-sig")
        df.to_parquet(out / f"{name}.parquet", index=False)
        paths[name] = csv
        print(f"{name}: {len(df)} rows -> {csv} (+ .parquet)")
    return paths


def _project_root() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "notebooks").is_dir() and (parent / "pyproject.toml").exists():
            return parent
    return Path.cwd()


def build_report(corpus_dir: str, out_dir: str, figures_dir: str, notebooks_dir: str | None = None,
                 kernel: str = "python3") -> list[Path]:
    """Execute the numbered notebooks in order and render them to HTML.

    Returns the HTML paths.  A notebook that fails stops the build with the
    failing cell's error (papermill keeps the partly executed notebook in
    ``OUT/executed`` for inspection).
    """
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter

    root = _project_root()
    nb_dir = Path(notebooks_dir) if notebooks_dir else root / "notebooks"
    out = Path(out_dir).resolve()
    executed = out / "executed"
    executed.mkdir(parents=True, exist_ok=True)
    figures = Path(figures_dir).resolve()
    figures.mkdir(parents=True, exist_ok=True)
    corpus = str(Path(corpus_dir).resolve())
    notebooks = sorted(p for p in nb_dir.glob("[0-9][0-9]_*.ipynb"))
    if not notebooks:
        raise SystemExit(f"no numbered notebooks in {nb_dir}")
    exporter = HTMLExporter(template_name="lab")
    exporter.embed_images = True
    pages = []
    for nb in notebooks:
        t0 = time.time()
        target = executed / nb.name
        pm.execute_notebook(
            str(nb), str(target), kernel_name=kernel, cwd=str(nb_dir), progress_bar=False,
            parameters={"corpus_dir": corpus, "figures_dir": str(figures), "output_dir": str(out)},
        )
        body, _ = exporter.from_notebook_node(nbformat.read(target, as_version=4))
        page = out / (nb.stem + ".html")
        page.write_text(body, encoding="utf-8")
        pages.append(page)
        print(f"{nb.name}: executed in {time.time() - t0:.0f} s -> {page}")
    def describe(page: Path) -> str:
        """The notebook's first heading and first paragraph, for the index."""
        nb = nbformat.read(executed / (page.stem + ".ipynb"), as_version=4)
        first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
        lines = [ln.strip() for ln in first.splitlines() if ln.strip()]
        head = lines[0].lstrip("# ") if lines else page.stem
        body = next((ln for ln in lines[1:] if not ln.startswith(("#", "1.", "*"))), "")
        return f"<b>{html.escape(head)}</b><br><small>{html.escape(body)}</small>"

    links = "\n".join(f'<li><a href="{html.escape(p.name)}">{describe(p)}</a></li>' for p in pages)
    from .corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the loader's warnings are shown in notebook 01
        docs = load_corpus(corpus)
    summary = (f"{len(docs)} documents, {docs.year.min()}-{docs.year.max()}; levels: "
               + ", ".join(f"{k} {v}" for k, v in docs.level.value_counts().items())
               + f"; {len(docs.attrs['skipped'])} file(s) skipped")
    (out / "index.html").write_text(
        "<!doctype html><meta charset='utf-8'><title>Smart-city policy language: report</title>"
        f"<h1>Smart-city policy language, 2014-2023</h1><p>Corpus folder <code>{html.escape(Path(corpus).name)}</code>: "
        f"{html.escape(summary)}.</p>"
        f"<ol>{links}</ol>",
        encoding="utf-8",
    )
    print(f"index -> {out / 'index.html'}")
    return pages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    p_corpus = sub.add_parser("corpus", help="write documents, paragraphs and policy list as CSV and Parquet")
    p_corpus.add_argument("--corpus", default=None, help="folder of .txt/.md/.html files (default: bundled seeds)")
    p_corpus.add_argument("--out", required=True, help="output folder")
    p_report = sub.add_parser("report", help="execute every notebook and write HTML reports")
    p_report.add_argument("--corpus", default="seeds")
    p_report.add_argument("--out", default="reports")
    p_report.add_argument("--figures", default="figures")
    p_report.add_argument("--kernel", default="python3")
    args = parser.parse_args(argv)
    if args.command == "corpus":
        export_tables(args.corpus, args.out)
    else:
        build_report(args.corpus, args.out, args.figures, kernel=args.kernel)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
