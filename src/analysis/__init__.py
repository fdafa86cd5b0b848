"""Helpers for analysing Chinese smart-city policy documents."""
__version__ = "0.1.0"
