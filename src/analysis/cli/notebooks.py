"""The report's notebooks, found and checked before anything heavy is imported (pandas, papermill)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

__all__ = ["NotebookFailed", "ReportError", "check_parameters", "notebook_dir", "parameter_names"]


def notebook_dir(folder: str | None = None) -> Path:
    """``folder``, or the project's ``notebooks/``."""
    return Path(folder) if folder else _project_root() / "notebooks"


class ReportError(RuntimeError):
    """A report that cannot be built as asked, said in one line (the CLI prints it without a traceback)."""


class NotebookFailed(ReportError):
    """A notebook raised while executing: one line naming the notebook, the cell and the error."""


def parameter_names(notebook: Path) -> set[str]:
    """Names assigned in the notebook's cell tagged ``parameters`` (read without starting papermill)."""
    import ast
    import json

    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    names: set[str] = set()
    for cell in cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            source = "".join(cell["source"])
            tree = ast.parse("\n".join(ln for ln in source.splitlines() if not ln.lstrip().startswith("%")))
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign):
                    names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def check_parameters(notebooks: list[Path], parameters: Mapping[str, object], folder: Path) -> dict[Path, set[str]]:
    """Each notebook's parameter names; refuses no notebooks, or a parameter that no notebook declares (a typo)."""
    if not notebooks:
        raise ReportError(f"no numbered notebooks in {folder}")
    declared = {nb: parameter_names(nb) for nb in notebooks}
    known = set().union(*declared.values()) if declared else set()
    unknown = sorted(set(parameters) - known)
    if unknown:
        raise ReportError(f"no notebook has the parameter(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    return declared


def _project_root() -> Path:
    here = Path(__file__).resolve()
    for parent in here.parents:
        if (parent / "notebooks").is_dir() and (parent / "pyproject.toml").exists():
            return parent
    return Path.cwd()
