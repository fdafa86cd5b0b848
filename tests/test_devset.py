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

import functools
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
# 文号 prefix is not read: ambiguous); title raised in round 11 (057's title with a '?' the encoding
# lost is read), 14 wrong fields; issuer raised in round 14 (057's spam-damaged issuer left empty),
# 13 wrong fields.
HOLDOUT8_FLOORS = {
    "title": 43, "issuer": 45, "doc_number": 46, "date": 46, "year": 46, "level": 43, "region": 43, "genre": 43,
}  # fmt: skip


# Correct pages of 44 in the ninth hold-out set when its floors were set (2026-11-30, after round 9
# of issue 10, developed on it); the 7 wrong fields: 005 (an encyclopedia page: the regulation's
# name as bare lines before a 颁布单位/文号 block, 5 fields), 022 (文号 damaged past reading), 043
# (文号 only in a site headline before a cut-off title: a one-page form); raised in round 11 (005's
# regulation heading is read: a 条例 ends a title line), 3 wrong fields left (005's 颁布单位 issuer).
HOLDOUT9_FLOORS = {
    "title": 44, "issuer": 43, "doc_number": 42, "date": 44, "year": 44, "level": 44, "region": 44, "genre": 44,
}  # fmt: skip


# Correct pages of 36 in the tenth hold-out set when its floors were set (2026-11-30, round 10 of
# issue 10, developed on it); the 7 wrong fields: 004 (issuer from a news lead), 015 (title inside
# flattened sharing text, 2 fields), 019 (plan heading after the notice title), 043 (heading after its
# 文号), 049 (a three-line title's first line, the short-form issuer 市人民政府办公室: title and issuer);
# all raised to every page in round 11.
HOLDOUT10_FLOORS = {
    "title": 36, "issuer": 36, "doc_number": 36, "date": 36, "year": 36, "level": 36, "region": 36, "genre": 36,
}  # fmt: skip


# Correct pages of 39 in the eleventh hold-out set when its floors were set (2026-11-30, round 11 of
# issue 10, developed on it; blind 89.4% after rounds 9 and 10): every field of every page.
HOLDOUT11_FLOORS = {
    "title": 39, "issuer": 39, "doc_number": 39, "date": 39, "year": 39, "level": 39, "region": 39, "genre": 39,
}  # fmt: skip


# Correct pages of 42 in the twelfth hold-out set when its floors were set (2026-11-30, round 12 of
# issue 10, developed on it; blind 95.5% after round 10); the 6 wrong fields: 017 (a posting stamp
# printed year last '04.01.2016', both numbers <= 12, so only its year is read: date), 019 (a
# synonym-spun law page: title, 文号, date, year, genre).
HOLDOUT12_FLOORS = {
    "title": 41, "issuer": 42, "doc_number": 41, "date": 40, "year": 41, "level": 42, "region": 42, "genre": 41,
}  # fmt: skip

# Correct pages of 44 in the thirteenth hold-out set when its floors were set (2026-11-30, round 13 of
# issue 10, developed on it; blind 90.9% after round 10, 92.0% after rounds 11 and 12); the 10 wrong
# fields: 010 (encyclopedia page name over the short-form heading: title), 015 (English 'Promulgating
# date': date, year), 042 (flattened heading run into the addressees: title, issuer, level, region,
# genre), 048 (an undated interpretation dated by the lower bound of what it cites: year), 055 (文号
# inside a flattened body sentence: doc_number).
HOLDOUT13_FLOORS = {
    "title": 42, "issuer": 43, "doc_number": 43, "date": 43, "year": 42, "level": 43, "region": 43, "genre": 43,
}  # fmt: skip

# Correct pages of 43 in the fourteenth hold-out set when its floors were set (2026-11-30, round 14 of
# issue 10, developed on it; blind 90.7% after rounds 12 and 13, 94.2% after round 14); the 20 wrong
# fields: 003 (an issuer named only in a repost's news headline: issuer, level, region), 015 (heading
# and numbered articles only: title, issuer, level, region, genre), 023 ("“智慧东城”", a district short
# name in quotes: level, region), 024 (title, genre), 048 (spam for the place leading the heading:
# level, region), 053 (heading missing its first character: issuer, level, region), 055 (an unlabelled
# metadata date read as the signing date: date, year), 056 (the heading's "(试行" lost its bracket, so
# what it sends out is not read: genre).
HOLDOUT14_FLOORS = {
    "title": 41, "issuer": 40, "doc_number": 43, "date": 42, "year": 42, "level": 38, "region": 38, "genre": 40,
}  # fmt: skip

# Correct pages of 31 in the fifteenth hold-out set when its floors were set (2026-11-30, round 15 of
# issue 10, developed on it; blind 90.7% after rounds 13 and 14, 98.8% after round 15); the 3 wrong
# fields: 043 (a hijacked copy whose spam tag 'X:' opens both heading lines and the signing line: the
# heading is not read as one, nor the signature's date: title, date), 051 (an undated interpretation
# dated by the lower bound of what it cites: year).
HOLDOUT15_FLOORS = {
    "title": 30, "issuer": 31, "doc_number": 31, "date": 30, "year": 30, "level": 31, "region": 31, "genre": 31,
}  # fmt: skip

# Correct pages of 27 in the sixteenth hold-out set when its floors were set (2026-11-30, round 16 of
# issue 10, developed on it; blind 91.7% after rounds 14 and 15, 100% after round 16); no wrong field.
HOLDOUT16_FLOORS = {
    "title": 27, "issuer": 27, "doc_number": 27, "date": 27, "year": 27, "level": 27, "region": 27, "genre": 27,
}  # fmt: skip

# Correct pages of 41 in the seventeenth hold-out set when its floors were set (2026-11-30, round 16 of
# issue 10, developed on it; blind 89.9% after rounds 14 and 15, 97.0% after round 16); the 10 wrong
# fields: 001 (an encyclopedia's year-only 發布日期 taken as the signing date: date, year), 046 (the
# 发布时间 under the heading annotated over the metadata's 公开日期: date), 047 (an interpretation headed
# by the notice's name, issuer and 文号 only in a '政策文件:(文号)X印发…' line: issuer, doc_number, level,
# region, genre), 050 (an undated interpretation dated by the lower bound of what it cites: year), 052
# (a stray repeat '政府办公室' under the signing body joined into the issuer: issuer).
HOLDOUT17_FLOORS = {
    "title": 41, "issuer": 39, "doc_number": 40, "date": 39, "year": 39, "level": 40, "region": 40, "genre": 40,
}  # fmt: skip

# Correct pages of 33 in the eighteenth hold-out set when its floors were set (2026-11-30, round 17 of
# issue 10, developed on it; blind 92.8% after rounds 14 and 15, 94.7% after round 16, 97.3% after
# round 17); the 7 wrong fields: 043 (a page flattened onto one line with its punctuation damaged, '.'
# after the title and the signature run into the text: title, issuer, date, year, level, region, genre).
HOLDOUT18_FLOORS = {
    "title": 32, "issuer": 32, "doc_number": 33, "date": 32, "year": 32, "level": 32, "region": 32, "genre": 32,
}  # fmt: skip

# Each annotated set (folder under tests/devset; "" is the development set) and its floors.
SETS = {
    "": FLOORS,
    "holdout": HOLDOUT_FLOORS,
    "holdout2": HOLDOUT2_FLOORS,
    "holdout3": HOLDOUT3_FLOORS,
    "holdout4": HOLDOUT4_FLOORS,
    "holdout5": HOLDOUT5_FLOORS,
    "holdout6": HOLDOUT6_FLOORS,
    "holdout7": HOLDOUT7_FLOORS,
    "holdout8": HOLDOUT8_FLOORS,
    "holdout9": HOLDOUT9_FLOORS,
    "holdout10": HOLDOUT10_FLOORS,
    "holdout11": HOLDOUT11_FLOORS,
    "holdout12": HOLDOUT12_FLOORS,
    "holdout13": HOLDOUT13_FLOORS,
    "holdout14": HOLDOUT14_FLOORS,
    "holdout15": HOLDOUT15_FLOORS,
    "holdout16": HOLDOUT16_FLOORS,
    "holdout17": HOLDOUT17_FLOORS,
    "holdout18": HOLDOUT18_FLOORS,
}


@functools.cache
def _evaluate(name):
    """The evaluator's (accuracy, comparisons, lost) for one set, loaded once per test process."""
    spec = importlib.util.spec_from_file_location("devset_evaluate", HERE / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.evaluate(HERE / name if name else HERE)


@pytest.mark.parametrize("name", sorted(SETS))
def test_no_page_is_lost(name):
    _accuracy, _comparisons, lost = _evaluate(name)
    assert lost == []


@pytest.mark.parametrize(("name", "field"), [(name, field) for name in sorted(SETS) for field in sorted(SETS[name])])
def test_field_accuracy_does_not_fall(name, field):
    accuracy, comparisons, _lost = _evaluate(name)
    n_correct = int(accuracy.set_index("field").loc[field, "n_correct"])
    wrong = comparisons[(comparisons.field == field) & ~comparisons.correct]
    assert n_correct >= SETS[name][field], wrong[["file", "expected", "loaded"]].to_string()
