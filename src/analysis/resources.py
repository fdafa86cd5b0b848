"""Files shipped with the package, found through :mod:`importlib.resources`.

They load the same way from a source checkout, an editable install and a
wheel: the dictionaries, stopword lists and watchlist in ``analysis/data/``
and the bundled seed documents (``seeds/`` at the project root, packaged as
``analysis/data/seeds``).
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

__all__ = ["SEEDS_ENV_VAR", "data_file", "seed_dir"]

#: Environment variable naming another folder to use as the default corpus.
SEEDS_ENV_VAR = "ANALYSIS_SEEDS"


def data_file(name: str) -> Path:
    """Path of a data file shipped in ``analysis/data`` (e.g. ``"policy_userdict.txt"``).

    Raises
    ------
    FileNotFoundError
        If the installed package lacks the file.
    """
    path = Path(str(resources.files("analysis").joinpath("data").joinpath(name)))
    if not path.exists():
        raise FileNotFoundError(f"package data file {name!r} not found at {path}; reinstall the package")
    return path


def seed_dir() -> Path:
    """The bundled seed folder: ``$ANALYSIS_SEEDS`` if set, else the seeds shipped with the package.

    Raises
    ------
    FileNotFoundError
        If neither exists (a broken install).
    """
    env = os.environ.get(SEEDS_ENV_VAR)
    if env:
        return Path(env)
    path = data_file("seeds")
    if not path.is_dir():
        raise FileNotFoundError(f"the bundled seeds at {path} are not a folder; reinstall the package")
    return path
