"""Tests for analysis.levels: the names and order of government levels."""

from __future__ import annotations

from analysis import levels


def test_levels_run_from_the_centre_down():
    assert levels.LEVELS == ("central", "ministry", "provincial", "prefecture", "county")
    assert set(levels.CENTRAL_LEVELS) | set(levels.LOCAL_LEVELS) == set(levels.LEVELS)
    assert not set(levels.CENTRAL_LEVELS) & set(levels.LOCAL_LEVELS)


def test_level_rank_and_is_level():
    assert [levels.level_rank(lv) for lv in levels.LEVELS] == [0, 1, 2, 3, 4]
    assert levels.level_rank("unknown") == levels.level_rank(None) == levels.level_rank(3) == 5
    assert levels.is_level("county") and not levels.is_level("other") and not levels.is_level(None)


def test_order_levels_puts_known_levels_first():
    values = ["unknown", "county", "central", None, float("nan"), "central", "abroad"]
    assert levels.order_levels(values) == ["central", "county", "abroad", "unknown"]
    assert levels.order_levels([]) == []
