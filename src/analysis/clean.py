"""Deprecated alias of :mod:`analysis.cleaning`, kept until ``analysis/__init__.py`` aliases the name."""

from .cleaning import *  # noqa: F403
from .cleaning import __all__  # noqa: F401
