"""Every numbered notebook runs headless on the seeds and writes its figures.

Executed with papermill (the same path as ``make report``), with parameters pointing the
figures and outputs at a temporary folder, so the test never touches the repository's
``figures/``.  A "Glyph ... missing from font" warning anywhere in a notebook's output
fails the test: it means Chinese rendered as boxes.
"""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# Figures each notebook must write.
EXPECTED_FIGURES = {
    "01_corpus": ["01_documents_per_year.png", "01_document_lengths.png"],
    "02_term_frequency": [
        "02_top_terms.png",
        "02_wordcloud.png",
        "02_wordcloud_by_level.png",
        "02_rate_heatmap.png",
        "02_keyness_central_local.png",
        "02_cooccurrence_network.png",
    ],
    "03_topic_clustering": [
        "03_k_diagnostics.png",
        "03_document_similarity.png",
        "03_topics_by_year.png",
        "03_topics_by_level.png",
    ],
    "04_diffusion": [
        "04_term_timelines.png",
        "04_first_appearance.png",
        "04_adoption_curves.png",
        "04_title_words.png",
        "04_reuse_network.png",
    ],
    "05_citations_and_formulas": [
        "05_citation_level_pairs.png",
        "05_citation_network.png",
        "05_citation_lags.png",
        "05_formula_adoption.png",
    ],
}


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_writes_figures(nb, tmp_path):
    papermill = pytest.importorskip("papermill")
    figures = tmp_path / "figures"
    out = tmp_path / "out"
    executed = tmp_path / nb.name
    papermill.execute_notebook(
        str(nb),
        str(executed),
        kernel_name="python3",
        cwd=str(nb.parent),
        progress_bar=False,
        parameters={"corpus_dir": str(ROOT / "seeds"), "figures_dir": str(figures), "output_dir": str(out)},
    )
    for name in EXPECTED_FIGURES.get(nb.stem, []):
        png = figures / name
        assert png.exists(), f"{nb.name} did not write {name}"
        assert png.stat().st_size > 10_000, f"{name} looks empty"
    cells = json.loads(executed.read_text(encoding="utf-8"))["cells"]
    text = json.dumps(cells, ensure_ascii=False)
    assert "missing from font" not in text, "a figure fell back to a font without Chinese glyphs"
    # every cell that saves a figure must also show it (as a PNG in the report, not "<Figure size ...>")
    for i, c in enumerate(cells):
        src = "".join(c["source"])
        if c["cell_type"] == "code" and ("savefig" in src or "path=figures" in src):
            kinds = {k for o in c.get("outputs", []) for k in o.get("data", {})}
            assert "image/png" in kinds, f"{nb.name} cell {i} saves a figure but does not display it"


def test_notebooks_are_committed_without_outputs():
    for nb in NOTEBOOKS:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        assert all(not c.get("outputs") for c in cells if c["cell_type"] == "code"), nb.name
        tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
        assert len(tagged) == 1, f"{nb.name} needs exactly one cell tagged 'parameters'"


def test_every_figure_is_introduced_by_markdown():
    """A markdown cell must come right before every cell that saves a figure."""
    for nb in NOTEBOOKS:
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        for i, c in enumerate(cells):
            src = "".join(c["source"])
            if c["cell_type"] == "code" and ("savefig" in src or "save_figure" in src):
                assert i > 0 and cells[i - 1]["cell_type"] == "markdown", f"{nb.name} cell {i}"
