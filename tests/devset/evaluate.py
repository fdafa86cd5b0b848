"""Per-field accuracy of the loader on the annotated development set (``make eval``).

Each page in ``pages/`` is loaded on its own with :func:`analysis.read_corpus`; its first
document is compared with what the page prints, as annotated in ``annotations.csv``
(see README.md). The expected value of each loader field follows the documented precedence:

* ``title``, ``issuer``: as printed, compared in simplified characters, half-width, without spaces;
* ``doc_number``: the page's own 文号 (normalised);
* ``date``: the signing date if printed; else the page date, unless the document's own 文号
  names another year (then that year); else the 文号 year; else missing;
* ``year``: the year of that date (missing when undated);
* ``level``, ``region``, ``genre``: as annotated ("" = the page does not tell).

A page that gives no document is *lost*: every field counts as wrong.

Run ``python tests/devset/evaluate.py`` (or ``make eval``); ``--failures`` lists every wrong field;
``--set holdout`` ... ``--set holdout20`` score the hold-out sets in ``holdout/`` ... ``holdout20/``
instead (see their README.md: holdout to holdout10 were each scored blind once, then used for
development (holdout4: blind 87.9% at commit 194c64d, developed on from round 5; holdout5: blind 90.1%
at commit 194c64d, 91.8% after round 5, developed on from round 6; holdout6: blind 89.2% after rounds 5
and 6, developed on from round 7; holdout7: blind 93.5% at 8b34fb2 and after round 7, holdout8: blind
89.4% at 8b34fb2, 91.0% after round 7, both developed on from round 8; holdout9: blind 93.8% after
round 7, 94.3% after round 8, developed on from round 9; holdout10: blind 95.5% after round 8, 96.2%
after round 9, developed on from round 10; holdout11: blind 89.4% after rounds 9 and 10, developed on
from round 11; holdout12: blind 95.5% after rounds 10 and 11, developed on from round 12; holdout13:
blind 90.9% after round 10, 92.0% after rounds 11 and 12, developed on from round 13; holdout14: blind
90.7% after rounds 12 and 13, developed on from round 14; holdout15: blind 90.7% after rounds 13 and
14, developed on from round 15; holdout16: blind 91.7% after rounds 14 and 15, developed on from round
16; holdout17: blind 89.9% after rounds 14 and 15, developed on from round 16; holdout18: blind 92.8% after
rounds 14 and 15, 94.7% after round 16, developed on from round 17), so they are regression sets now;
holdout19 (blind 93.8% after rounds 15, 16 and 17) and holdout20 (blind 97.3% after rounds 16 and 17),
collected blind, measure generalisation).
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from pathlib import Path

import pandas as pd

import analysis
from analysis.cleaning import normalize_width, remove_ruby_pinyin, to_simplified
from analysis.metadata import normalize_doc_number

HERE = Path(__file__).resolve().parent
FIELDS = ("title", "issuer", "doc_number", "date", "year", "level", "region", "genre")


def _norm_text(value: object) -> str:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    # The annotations keep what the page prints (traditional characters, pinyin glosses such as
    # 關(guān)於); the loader's fields are simplified and cleaned, so compare in that form.
    text = to_simplified(remove_ruby_pinyin(normalize_width(text)))
    return re.sub(r"\s+", "", text).replace("“", '"').replace("”", '"')


def _year_of_doc_number(doc_number: str) -> str:
    m = re.search(r"〔(\d{4})〕", doc_number)
    return m.group(1) if m else ""


def expected_fields(row: pd.Series) -> dict[str, str]:
    """The loader's expected output for one annotated page (all values as text, "" = missing)."""
    doc_number = normalize_doc_number(row["doc_number"]) if row["doc_number"] else ""
    number_year = _year_of_doc_number(doc_number)
    if row["signing_date"]:
        date = row["signing_date"]
    elif row["page_date"] and (not number_year or row["page_date"][:4] == number_year):
        date = row["page_date"]
    elif number_year:
        date = number_year
    else:
        date = row["page_date"]
    return {
        "title": _norm_text(row["title"]),
        "issuer": _norm_text(row["issuer"]),
        "doc_number": doc_number,
        "date": date,
        "year": date[:4],
        "level": row["level"],
        "region": row["region"],
        "genre": row["genre"],
    }


def loaded_fields(document: pd.Series | None) -> dict[str, str]:
    """The loader's output for one page in the same form ("" = missing)."""
    if document is None:
        return {}
    year = document.get("year")
    return {
        "title": _norm_text(document.get("title")),
        "issuer": _norm_text(document.get("issuer")),
        "doc_number": str(document.get("doc_number") or ""),
        "date": str(document.get("date") or ""),
        "year": "" if year is None or pd.isna(year) else str(int(year)),
        "level": str(document.get("level") or ""),
        "region": str(document.get("region") or ""),
        "genre": str(document.get("genre") or ""),
    }


def evaluate(folder: Path = HERE) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    """Load every page and compare.

    Returns
    -------
    (accuracy, comparisons, lost)
        ``accuracy``: per field, ``n_pages``, ``n_correct``, ``accuracy`` (share, 0-1);
        ``comparisons``: one row per page and field (``file, field, expected, loaded, correct``);
        ``lost``: files that gave no document, with the loader's reason.
    """
    annotations = pd.read_csv(folder / "annotations.csv", dtype=str, keep_default_na=False)
    rows, lost = [], []
    for _, row in annotations.iterrows():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            loaded = analysis.read_corpus(folder / "pages" / row["file"])
        document = loaded.documents.iloc[0] if len(loaded.documents) else None
        if document is None:
            reasons = "; ".join(loaded.skipped.reason) if len(loaded.skipped) else "no document"
            lost.append(f"{row['file']}: {reasons}")
        expected, got = expected_fields(row), loaded_fields(document)
        for field in FIELDS:
            value = got.get(field)
            rows.append(
                {
                    "file": row["file"],
                    "field": field,
                    "expected": expected[field],
                    "loaded": "<lost>" if value is None else value,
                    "correct": value is not None and value == expected[field],
                }
            )
    comparisons = pd.DataFrame(rows)
    accuracy = (
        comparisons.groupby("field", sort=False)
        .correct.agg(n_pages="size", n_correct="sum")
        .reindex(list(FIELDS))
        .reset_index()
    )
    accuracy["accuracy"] = accuracy.n_correct / accuracy.n_pages
    return accuracy, comparisons, lost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--failures", action="store_true", help="list every wrong field")
    parser.add_argument(
        "--set",
        choices=(
            "dev",
            "holdout",
            "holdout2",
            "holdout3",
            "holdout4",
            "holdout5",
            "holdout6",
            "holdout7",
            "holdout8",
            "holdout9",
            "holdout10",
            "holdout11",
            "holdout12",
            "holdout13",
            "holdout14",
            "holdout15",
            "holdout16",
            "holdout17",
            "holdout18",
            "holdout19",
            "holdout20",
        ),
        default="dev",
        help=(
            "dev: pages/ and annotations.csv next to this script; holdout ... holdout20: that folder "
            "(holdout-holdout18 scored blind once, then used for development: regression sets now; "
            "holdout19 and holdout20 blind)"
        ),
    )
    args = parser.parse_args(argv)
    accuracy, comparisons, lost = evaluate(HERE if args.set == "dev" else HERE / args.set)
    pd.set_option("display.width", 200)
    pd.set_option("display.max_colwidth", 70)
    pd.set_option("display.max_rows", 1000)
    print(accuracy.to_string(index=False, formatters={"accuracy": "{:.1%}".format}))
    overall = comparisons.correct.mean()
    print(
        f"\noverall: {overall:.1%} of {len(comparisons)} fields on {comparisons.file.nunique()} pages; "
        f"{len(lost)} page(s) lost"
    )
    for line in lost:
        print("lost:", line)
    if args.failures:
        wrong = comparisons[~comparisons.correct]
        print(f"\n{len(wrong)} wrong fields:")
        for _, w in wrong.iterrows():
            print(f"{w.file} {w.field:<10} expected {w.expected!r}\n{'':19}loaded   {w.loaded!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
