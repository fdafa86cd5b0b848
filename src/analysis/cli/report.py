"""``python -m analysis report``: execute the numbered notebooks and render them to HTML."""

from __future__ import annotations

import html
import os
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..corpus import default_seed_dir
from ..interim import Prepared, prepare
from .notebooks import NotebookFailed, ReportError, check_parameters, notebook_dir

__all__ = ["NotebookFailed", "ReportError", "build_report"]


def build_report(
    corpus_dir: str | None,
    out_dir: str,
    figures_dir: str,
    notebooks_dir: str | None = None,
    kernel: str = "python3",
    parameters: Mapping[str, object] | None = None,
    check: Callable[[Prepared], None] | None = None,
    jobs: int | None = None,
) -> list[Path]:
    """Execute the numbered notebooks in order and render them to HTML.

    The first notebook runs alone (it settles the interim tables and the term list the
    others read); the rest run in ``jobs`` groups at once (default: 2, or 1 on a one-core
    machine), each group a consecutive run of notebooks executed in order, so a notebook may
    read what an earlier one of its group wrote (the project's 05 reads 04's reuse pairs;
    02-03 and 04-05 are the two groups).  ``jobs=1`` runs every notebook one after another.

    ``parameters`` are injected into each notebook that declares them (e.g.
    ``{"split_year": 2020}``); a parameter no notebook declares raises :class:`ReportError`;
    ``check`` sees the prepared interim tables before any notebook runs.  Returns
    the HTML paths.  A notebook that fails stops the build with the failing cell's
    error (papermill keeps the partly executed notebook in ``OUT/executed`` for inspection).
    """
    import nbformat
    import papermill as pm
    from nbconvert import HTMLExporter

    nb_dir = notebook_dir(notebooks_dir)
    notebooks = sorted(p for p in nb_dir.glob("[0-9][0-9]_*.ipynb"))
    declared = check_parameters(notebooks, parameters or {}, nb_dir)
    out = Path(out_dir).resolve()
    executed = out / "executed"
    executed.mkdir(parents=True, exist_ok=True)
    figures = Path(figures_dir).resolve()
    figures.mkdir(parents=True, exist_ok=True)
    corpus = str(Path(corpus_dir).resolve()) if corpus_dir else str(default_seed_dir())
    # The interim tables every notebook reads: the corpus parsed once.
    prepared = prepare(corpus, out / "interim")
    if check is not None:  # e.g. the CLI refusing a corpus that gave no document
        check(prepared)
    settings = {
        "corpus_dir": corpus,
        "figures_dir": str(figures),
        "output_dir": str(out),
        "interim_dir": str(out / "interim"),
    }

    def run(nb: Path) -> Path:
        t0 = time.time()
        target = executed / nb.name
        try:
            pm.execute_notebook(
                str(nb),
                str(target),
                kernel_name=kernel,
                cwd=str(nb_dir),
                progress_bar=False,
                # each notebook gets the parameters it declares (-p k 8 is notebook 03's only)
                parameters={**settings, **{k: v for k, v in (parameters or {}).items() if k in declared[nb]}},
            )
        except pm.PapermillExecutionError as error:
            raise NotebookFailed(
                f"{nb.name} failed in cell {error.exec_count}: {error.ename}: {error.evalue} "
                f"(the partly executed notebook is {target})"
            ) from error
        exporter = HTMLExporter(template_name="lab")  # one per notebook: groups render at the same time
        exporter.embed_images = True
        body, _ = exporter.from_notebook_node(nbformat.read(target, as_version=4))
        page = out / (nb.stem + ".html")
        page.write_text(body, encoding="utf-8")
        print(f"{nb.name}: executed in {time.time() - t0:.0f} s -> {page}", flush=True)
        return page

    def run_group(group: list[Path]) -> list[Path]:
        return [run(nb) for nb in group]

    first, rest = notebooks[:1], notebooks[1:]
    pages = run_group(first)
    groups = _consecutive_groups(rest, jobs if jobs is not None else min(2, os.cpu_count() or 1))
    # each notebook runs in its own kernel process: threads only wait for them
    with ThreadPoolExecutor(max_workers=max(len(groups), 1)) as pool:
        for group_pages in pool.map(run_group, groups):  # in notebook order; the first failure is raised
            pages.extend(group_pages)

    # every table the notebooks wrote, in one Excel workbook with the data dictionary beside it
    from .export import export_workbook

    written = export_workbook(out / "tables")
    print(f"workbook -> {written['workbook']}; data dictionary -> {written['data_dictionary']}")
    _write_index(out, pages, corpus, prepared)
    return pages


def _consecutive_groups(items: list[Path], jobs: int) -> list[list[Path]]:
    """``items`` cut into at most ``jobs`` consecutive groups of near-equal size (order kept)."""
    jobs = max(1, min(jobs, len(items)))
    size, extra = divmod(len(items), jobs)
    groups, start = [], 0
    for k in range(jobs):
        end = start + size + (1 if k < extra else 0)
        groups.append(items[start:end])
        start = end
    return [g for g in groups if g]


ABSTRACT_MARK = "**In brief.**"


def _first_paragraph(source: str) -> str:
    """The first paragraph after the heading that ends a sentence, whole (never cut), as plain text."""
    blocks = [b.strip() for b in source.split("\n\n") if b.strip()]
    for block in blocks[1:] if blocks and blocks[0].startswith("#") else blocks:
        text = " ".join(line.strip() for line in block.splitlines())
        if text.endswith((".", "。", ")")) and not text.startswith(("#", "1.", "*", "-", ">")):
            return text
    return ""


def _abstract(nb) -> str:
    """The findings of the page's computed abstract (its bullets), or "" if the page has none."""
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            text = output.get("data", {}).get("text/markdown", "")
            if isinstance(text, list):
                text = "".join(text)
            if text.startswith(ABSTRACT_MARK):
                return "\n".join(line for line in text.splitlines() if line.startswith("- "))
    return ""


def _describe(executed: Path, page: Path) -> str:
    """HTML for the index: the notebook's heading, then its computed findings (else its first whole paragraph)."""
    import mistune
    import nbformat

    nb = nbformat.read(executed / (page.stem + ".ipynb"), as_version=4)
    first = next((c.source for c in nb.cells if c.cell_type == "markdown"), "")
    lines = [ln.strip() for ln in first.splitlines() if ln.strip()]
    head = lines[0].lstrip("# ") if lines else page.stem
    findings = _abstract(nb)
    if findings:
        body = str(mistune.html(findings))
    else:
        body = f"<small>{html.escape(_first_paragraph(first))}</small>"
    return f'<a href="{html.escape(page.name)}"><b>{html.escape(head)}</b></a>{body}'


def _write_index(out: Path, pages: list[Path], corpus: str, prepared: Prepared) -> Path:
    """Write ``out/index.html``: the corpus in one sentence and, per notebook page, a link and its findings."""
    import mistune

    from ..narrative import corpus_facts, corpus_sentence

    links = "\n".join(f"<li>{_describe(out / 'executed', p)}</li>" for p in pages)
    span = corpus_facts(prepared.documents)["span"]
    summary = str(mistune.html(corpus_sentence(prepared.documents, prepared.skipped)))
    index = out / "index.html"
    index.write_text(
        "<!doctype html><meta charset='utf-8'><title>Smart-city policy language: report</title>"
        f"<h1>Smart-city policy language{', ' + span if span else ''}</h1>"
        f"<p>Corpus folder <code>{html.escape(Path(corpus).name)}</code>:</p>{summary}"
        f"<ol>{links}</ol>",
        encoding="utf-8",
    )
    print(f"index -> {index}")
    return index
