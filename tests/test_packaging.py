"""The package works after a normal (non-editable) install: seeds and dictionaries are package data."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_installs_and_loads_the_bundled_seeds(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        cwd=tmp_path,
    )
    (wheel,) = wheels.glob("analysis-*.whl")
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        cwd=tmp_path,
    )
    script = textwrap.dedent("""
        import analysis
        corpus = analysis.load_corpus()
        tokens = analysis.tokenize("推进新型智慧城市建设")
        print(analysis.__file__)
        print(len(corpus), corpus.n_chars.sum())
        print("新型智慧城市" in tokens)
    """)
    # Another working directory and the installed copy first on the path: nothing
    # may be found by walking up from the source tree.
    env = {**os.environ, "PYTHONPATH": str(target), "ANALYSIS_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("ANALYSIS_SEEDS", None)
    out = subprocess.run(
        [sys.executable, "-c", script], check=True, cwd=tmp_path, env=env, capture_output=True, text=True
    ).stdout.splitlines()
    assert Path(out[0]).is_relative_to(target)
    n_docs, _n_chars = out[1].split()
    assert n_docs == "23"
    assert out[2] == "True"
