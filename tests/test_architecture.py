"""The package keeps its shape: module and function sizes, import layers, a resolvable public API."""

import ast
import importlib
from pathlib import Path

import pytest

import analysis

SRC = Path(analysis.__file__).resolve().parent
MODULES = sorted(p for p in SRC.rglob("*.py"))
MAX_MODULE_LINES = 800
MAX_FUNCTION_CODE_LINES = 100

# Lower layers never import higher ones (docs/ARCHITECTURE.md).
LAYERS = {
    "chars": 1,
    "shingles": 1,
    "levels": 1,
    "resources": 1,
    "io": 1,
    "provenance": 1,
    "cleaning": 2,
    "metadata": 2,
    "labels": 2,
    "parsing": 3,
    "corpus": 4,
    "segment": 4,
    "dtm": 4,
    "interim": 5,
    "frequency": 5,
    "topics": 5,
    "similarity": 5,
    "diffusion": 5,
    "reuse": 5,
    "citations": 5,
    "formulas": 5,
    "plotting": 6,
    "narrative": 6,
    # runs the stages on a Dask cluster: imports them, no stage imports it
    "cluster": 6,
    "cli": 7,
    "__init__": 7,
    "__main__": 7,
}


def _stage(path: Path) -> str:
    return path.relative_to(SRC).parts[0].removesuffix(".py")


def _code_lines(node: ast.AST, source_lines: list[str]) -> int:
    """Lines of a function that hold code: no blank lines, comments or the docstring."""
    body = getattr(node, "body", [])
    doc = set()
    if (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(getattr(body[0], "value", None), ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        doc = set(range(body[0].lineno, body[0].end_lineno + 1))
    lines = range(node.lineno, node.end_lineno + 1)
    return sum(
        1
        for i in lines
        if i not in doc and source_lines[i - 1].strip() and not source_lines[i - 1].strip().startswith("#")
    )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_module_size(path):
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_MODULE_LINES, f"{path.relative_to(SRC)} has {n} lines"


def test_function_size():
    too_long = []
    for path in MODULES:
        source = path.read_text(encoding="utf-8")
        lines = source.splitlines()
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = _code_lines(node, lines)
                if n > MAX_FUNCTION_CODE_LINES:
                    too_long.append(f"{path.relative_to(SRC)}:{node.lineno} {node.name} ({n} lines)")
    assert not too_long, too_long


def _imported_stages(path: Path) -> set[str]:
    """Stages of the package a module imports at module level or inside functions."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(SRC).parts[:-1]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's package
                base = list(package[: len(package) - node.level + 1])
                parts = base + (node.module.split(".") if node.module else [])
                names = [parts[0]] if parts else [alias.name for alias in node.names]
            elif node.module and node.module.split(".")[0] == "analysis":
                parts = node.module.split(".")[1:]
                names = [parts[0]] if parts else [alias.name for alias in node.names]
            else:
                continue
            found.update(names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "analysis" and len(parts) > 1:
                    found.add(parts[1])
    return {n for n in found if n in LAYERS}


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(SRC)))
def test_imports_point_down_the_layers(path):
    stage = _stage(path)
    own = LAYERS.get(stage)
    assert own is not None, f"{stage} is not placed in a layer (docs/ARCHITECTURE.md, LAYERS)"
    upward = {s for s in _imported_stages(path) if s != stage and LAYERS[s] > own}
    assert not upward, f"{path.relative_to(SRC)} (layer {own}) imports higher stages {upward}"


def test_every_public_name_resolves():
    for name in analysis.__all__:
        assert getattr(analysis, name) is not None, name


@pytest.mark.parametrize("stage", sorted(s for s in LAYERS if not s.startswith("__")))
def test_every_stage_imports(stage):
    module = importlib.import_module(f"analysis.{stage}")
    for name in getattr(module, "__all__", []):
        assert hasattr(module, name), f"analysis.{stage}.__all__ names missing {name}"
