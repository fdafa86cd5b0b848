"""The loader on 91 real policy pages it was not written for (tests/devset, ``make eval``), and
on the pages of each hold-out set (tests/devset/holdout, holdout2: 40 each; holdout3: 39; holdout4: 31;
holdout5: 49; holdout6: 45; holdout7, holdout8: 46; holdout9: 44).

A ratchet: no page may be lost, and no field may fall below the accuracy measured when the
floor was last raised (the goal is 97% per field; raise the floors as the parser improves).
The hold-out floors were set after the issue-10 rules, which were written against its failure
classes: its score is no longer an unseen-page figure (see holdout/README.md).  The same holds
for holdout2 since the rules of issue 10's second round (measured blind at 91.6% of fields, one page
lost, before them), for holdout3 since round 3 (blind 91.0% of fields before it), for holdout4
since round 5 (blind 87.9% of fields at commit 194c64d, before it), and for holdout5 since round 6
(blind 90.1% of fields at commit 194c64d, 91.8% after round 5 at commit bf04d4b, before it), and for
holdout6 since round 7 (blind 89.2% of fields after rounds 5 and 6, before it), and for holdout7 and
holdout8 (46 pages each) since round 8 (blind 93.5% and 91.0% of fields after round 7, before it), and
for holdout9 since round 9 (blind 93.8% of fields after round 7 and 94.3% after round 8, before it).
"""

import importlib.util
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent / "devset"

# Correct pages of 91 when the floors were set (2026-11-29).
FLOORS = {"title": 91, "issuer": 91, "doc_number": 91, "date": 91, "year": 91, "level": 91, "region": 91, "genre": 91}


# Correct pages of 40 in the hold-out set when its floors were set (2026-11-29).
HOLDOUT_FLOORS = {
    "title": 40, "issuer": 40, "doc_number": 40, "date": 40, "year": 40, "level": 40, "region": 40, "genre": 40,
}  # fmt: skip


# Correct pages of 40 in the second hold-out set when its floors were set (2026-11-29).
HOLDOUT2_FLOORS = {
    "title": 40, "issuer": 40, "doc_number": 40, "date": 40, "year": 40, "level": 40, "region": 40, "genre": 40,
}  # fmt: skip


# Correct pages of 39 in the third hold-out set when its floors were set (2026-11-29, after round 3 of issue 10).
HOLDOUT3_FLOORS = {
    "title": 39, "issuer": 39, "doc_number": 39, "date": 39, "year": 39, "level": 39, "region": 39, "genre": 39,
}  # fmt: skip


# Correct pages of 31 in the fourth hold-out set when its floors were set (2026-11-29, after round 5 of issue 10).
HOLDOUT4_FLOORS = {
    "title": 31, "issuer": 31, "doc_number": 31, "date": 31, "year": 31, "level": 31, "region": 31, "genre": 31,
}  # fmt: skip


# Correct pages of 49 in the fifth hold-out set when its floors were set (2026-11-29, after round 6 of issue 10).
HOLDOUT5_FLOORS = {
    "title": 49, "issuer": 49, "doc_number": 49, "date": 49, "year": 49, "level": 49, "region": 49, "genre": 49,
}  # fmt: skip


# Correct pages of 45 in the sixth hold-out set when its floors were set (2026-11-30, after round 7 of
# issue 10; raised in round 8, when remove_ruby_pinyin learnt single plain glosses and reading lists
# and the SEO-keyword convention was settled); the 2 wrong fields: 054's level/region, annotated
# from place names in the body.
HOLDOUT6_FLOORS = {
    "title": 45, "issuer": 45, "doc_number": 45, "date": 45, "year": 45, "level": 44, "region": 44, "genre": 45,
}  # fmt: skip


# Correct pages of 46 in the seventh hold-out set when its floors were set (2026-11-30, after round 8
# of issue 10, developed on it); the 9 wrong fields: 002 (a machine-translated metadata page: garbled
# heading and a wrong 文号 in the headline preferred, 5 fields) and 056 (a machine-damaged heading run
# into a one-line body: no title, level, region or genre).
HOLDOUT7_FLOORS = {
    "title": 44, "issuer": 46, "doc_number": 45, "date": 45, "year": 45, "level": 45, "region": 45, "genre": 44,
}  # fmt: skip


# Correct pages of 46 in the eighth hold-out set when its floors were set (2026-11-30, after round 8
# of issue 10, developed on it); the 15 wrong fields: 003 (reworded annex heading vs quoted name,
# uncertain), 045 and 057 (spam in the title, kept as printed), 046 (a 高新区 管委会's level,
# uncertain), 047 (a news lead naming the document, no heading; uncertain), 051 (a prefecture's
# 文号 prefix is not read: ambiguous).
HOLDOUT8_FLOORS = {
    "title": 42, "issuer": 44, "doc_number": 46, "date": 46, "year": 46, "level": 43, "region": 43, "genre": 43,
}  # fmt: skip


# Correct pages of 44 in the ninth hold-out set when its floors were set (2026-11-30, after round 9
# of issue 10, developed on it); the 7 wrong fields: 005 (an encyclopedia page: the regulation's
# name as bare lines before a 颁布单位/文号 block, 5 fields), 022 (文号 damaged past reading), 043
# (文号 only in a site headline before a cut-off title: a one-page form).
HOLDOUT9_FLOORS = {
    "title": 43, "issuer": 43, "doc_number": 42, "date": 44, "year": 44, "level": 43, "region": 43, "genre": 43,
}  # fmt: skip


# Correct pages of 36 in the tenth hold-out set when its floors were set (2026-11-30, round 10 of
# issue 10, developed on it); the 7 wrong fields: 004 (issuer from a news lead), 015 (title inside
# flattened sharing text, 2 fields), 019 (plan heading after the notice title), 043 (heading after its
# 文号), 049 (a three-line title's first line, the short-form issuer 市人民政府办公室: title and issuer).
HOLDOUT10_FLOORS = {
    "title": 32, "issuer": 34, "doc_number": 36, "date": 36, "year": 36, "level": 36, "region": 36, "genre": 35,
}  # fmt: skip


def _evaluate(folder):
    spec = importlib.util.spec_from_file_location("devset_evaluate", HERE / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate(folder)


@pytest.fixture(scope="module")
def evaluation():
    return _evaluate(HERE)


@pytest.fixture(scope="module")
def holdout_evaluation():
    return _evaluate(HERE / "holdout")


@pytest.fixture(scope="module")
def holdout2_evaluation():
    return _evaluate(HERE / "holdout2")


@pytest.fixture(scope="module")
def holdout3_evaluation():
    return _evaluate(HERE / "holdout3")


@pytest.fixture(scope="module")
def holdout4_evaluation():
    return _evaluate(HERE / "holdout4")


@pytest.fixture(scope="module")
def holdout5_evaluation():
    return _evaluate(HERE / "holdout5")


@pytest.fixture(scope="module")
def holdout6_evaluation():
    return _evaluate(HERE / "holdout6")


@pytest.fixture(scope="module")
def holdout7_evaluation():
    return _evaluate(HERE / "holdout7")


@pytest.fixture(scope="module")
def holdout8_evaluation():
    return _evaluate(HERE / "holdout8")


@pytest.fixture(scope="module")
def holdout9_evaluation():
    return _evaluate(HERE / "holdout9")


@pytest.fixture(scope="module")
def holdout10_evaluation():
    return _evaluate(HERE / "holdout10")


def test_no_page_is_lost(evaluation):
    _accuracy, _comparisons, lost = evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_accuracy_does_not_fall(evaluation, field):
    accuracy, comparisons, _lost = evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()


def test_no_holdout_page_is_lost(holdout_evaluation):
    _accuracy, _comparisons, lost = holdout_evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(HOLDOUT_FLOORS))
def test_holdout_field_accuracy_does_not_fall(holdout_evaluation, field):
    accuracy, comparisons, _lost = holdout_evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= HOLDOUT_FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()


def test_no_holdout2_page_is_lost(holdout2_evaluation):
    _accuracy, _comparisons, lost = holdout2_evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(HOLDOUT2_FLOORS))
def test_holdout2_field_accuracy_does_not_fall(holdout2_evaluation, field):
    accuracy, comparisons, _lost = holdout2_evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= HOLDOUT2_FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()


def test_no_holdout3_page_is_lost(holdout3_evaluation):
    _accuracy, _comparisons, lost = holdout3_evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(HOLDOUT3_FLOORS))
def test_holdout3_field_accuracy_does_not_fall(holdout3_evaluation, field):
    accuracy, comparisons, _lost = holdout3_evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= HOLDOUT3_FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()


def test_no_holdout4_page_is_lost(holdout4_evaluation):
    _accuracy, _comparisons, lost = holdout4_evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(HOLDOUT4_FLOORS))
def test_holdout4_field_accuracy_does_not_fall(holdout4_evaluation, field):
    accuracy, comparisons, _lost = holdout4_evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= HOLDOUT4_FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()


def test_no_holdout5_page_is_lost(holdout5_evaluation):
    _accuracy, _comparisons, lost = holdout5_evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(HOLDOUT5_FLOORS))
def test_holdout5_field_accuracy_does_not_fall(holdout5_evaluation, field):
    accuracy, comparisons, _lost = holdout5_evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= HOLDOUT5_FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()


def test_no_holdout6_page_is_lost(holdout6_evaluation):
    _accuracy, _comparisons, lost = holdout6_evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(HOLDOUT6_FLOORS))
def test_holdout6_field_accuracy_does_not_fall(holdout6_evaluation, field):
    accuracy, comparisons, _lost = holdout6_evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= HOLDOUT6_FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()


def test_no_holdout7_page_is_lost(holdout7_evaluation):
    _accuracy, _comparisons, lost = holdout7_evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(HOLDOUT7_FLOORS))
def test_holdout7_field_accuracy_does_not_fall(holdout7_evaluation, field):
    accuracy, comparisons, _lost = holdout7_evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= HOLDOUT7_FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()


def test_no_holdout8_page_is_lost(holdout8_evaluation):
    _accuracy, _comparisons, lost = holdout8_evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(HOLDOUT8_FLOORS))
def test_holdout8_field_accuracy_does_not_fall(holdout8_evaluation, field):
    accuracy, comparisons, _lost = holdout8_evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= HOLDOUT8_FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()


def test_no_holdout9_page_is_lost(holdout9_evaluation):
    _accuracy, _comparisons, lost = holdout9_evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(HOLDOUT9_FLOORS))
def test_holdout9_field_accuracy_does_not_fall(holdout9_evaluation, field):
    accuracy, comparisons, _lost = holdout9_evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= HOLDOUT9_FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()


def test_no_holdout10_page_is_lost(holdout10_evaluation):
    _accuracy, _comparisons, lost = holdout10_evaluation
    assert lost == []


@pytest.mark.parametrize("field", sorted(HOLDOUT10_FLOORS))
def test_holdout10_field_accuracy_does_not_fall(holdout10_evaluation, field):
    accuracy, comparisons, _lost = holdout10_evaluation
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= HOLDOUT10_FLOORS[field], wrong[["file", "expected", "loaded"]].to_string()
