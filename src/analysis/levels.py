"""Levels of government: the one home of their names and order.

Every module that groups, orders or colours documents by level imports from
here, so the hierarchy is defined once.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["CENTRAL_LEVELS", "LEVELS", "LOCAL_LEVELS", "is_level", "level_rank", "order_levels"]

#: From the top down: State Council / Party centre, ministries and commissions,
#: provinces (incl. municipalities), prefecture-level cities, counties and districts.
#: National bodies outside the government hierarchy (最高人民法院, 最高人民检察院) are
#: ``ministry``: national, below the centre (as the development set annotates them).
LEVELS: tuple[str, ...] = ("central", "ministry", "provincial", "prefecture", "county")
#: National issuers (the centre and its ministries).
CENTRAL_LEVELS: tuple[str, ...] = ("central", "ministry")
#: Sub-national issuers.
LOCAL_LEVELS: tuple[str, ...] = ("provincial", "prefecture", "county")

_RANK = {level: i for i, level in enumerate(LEVELS)}


def is_level(value: object) -> bool:
    """True if ``value`` is one of :data:`LEVELS`."""
    return value in _RANK


def level_rank(value: object) -> int:
    """Position of a level from the top (0 = central); ``len(LEVELS)`` for anything else."""
    return _RANK.get(value, len(LEVELS)) if isinstance(value, str) else len(LEVELS)


def order_levels(values: Iterable[object]) -> list[str]:
    """The distinct values, known levels first in hierarchical order, then others sorted.

    Returns
    -------
    list of str
        e.g. ``["central", "provincial", "unknown"]``.
    """
    present = {str(v) for v in values if v is not None and v == v}
    return [lv for lv in LEVELS if lv in present] + sorted(present - set(LEVELS))
