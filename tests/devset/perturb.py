"""Robustness of the loader to what a researcher's own files add to the annotated excerpts.

The annotated pages are excerpts (the opening 700-900 characters of a page). A researcher's
files are whole pages: the same opening, then the rest of the body with its numbered section
headings ("四、《意见》制定保障措施"), then the site's footer with its posting date. Each
variant below changes a page the way such a file differs from the excerpt, loads both, and
lists every field of :func:`evaluate.loaded_fields` that differs. A field should change only
where the page itself says something new: a page that prints no date gains the footer's
posting date ("date", "year") in the ``full_page_footer`` variant; nothing else may change.

Run ``python tests/devset/perturb.py [--set dev|holdout|...] [--variant NAME ...]``; it prints
one line per changed (page, variant) and a count. ``tests/test_devset_perturb.py`` asserts the
full-page variants change nothing on the development set.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import warnings
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pandas as pd

import analysis
from analysis.cleaning.script import converter

sys.path.insert(0, str(Path(__file__).resolve().parent))
import evaluate

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
# the site footer of a government portal, with the page's posting date
FOOTER = (
    "\n\n【打印本页】【关闭窗口】\n\n主办:某某市人民政府办公室 承办:某某市大数据中心\n发布时间:2024-03-05 10:21\n"
    "版权所有 © 2003-2024 网站标识码:1234567890 ICP备案号:某ICP备12345678号"
)


def _seed_passage(file: str, start: str, n_chars: int) -> str:
    """``n_chars`` of a seed page's body from the line starting with ``start`` (real body text)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        text = analysis.read_corpus(SEEDS / file).documents.iloc[0]["text"]
    at = text.index(start)
    return text[at : at + n_chars]


@cache
def body_passages() -> str:
    """Real body text with numbered section headings: Zhengzhou's interpretation (seed 002) from
    its 《意见》 tasks over "四、《意见》制定保障措施", then Hebei's opinion (seed 000) over
    "(三)主要目标。"."""
    return (
        _seed_passage("002_cfdf9cd42da11f50.txt", "《意见》明确重点任务", 900)
        + "\n"
        + _seed_passage("000_a249a4a87d6b376d.txt", "(三)主要目标。", 700)
    )


def _spaced_title(text: str, title: str) -> str:
    if not title or len(title) < 8:
        return text
    for ln in text.split("\n"):
        if ln.strip() == title:
            k = len(title) // 2
            return text.replace(ln, ln.replace(title, title[:k] + " " + title[k:]), 1)
    return text


VARIANTS: dict[str, Callable[[str, pd.Series], str]] = {
    "full_page": lambda t, r: t + "\n" + body_passages(),
    "full_page_footer": lambda t, r: t + "\n" + body_passages() + FOOTER,
    "breadcrumb": lambda t, r: "首页 > 政务公开 > 政策文件\n" + t,
    "toolbar": lambda t, r: "\n".join([t.split("\n")[0], "【字体:大 中 小】 【打印】 【关闭】", *t.split("\n")[1:]]),
    "compact": lambda t, r: "\n".join(ln for ln in t.split("\n") if ln.strip()),
    "traditional": lambda t, r: converter("s2t").convert(t),
    "title_space": lambda t, r: _spaced_title(t, r["title"]),
}


def load_fields(text: str) -> dict[str, str]:
    """The loader's fields for one page's text (as :func:`evaluate.loaded_fields`)."""
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "page.txt"
        path.write_text(text, encoding="utf-8")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            docs = analysis.read_corpus(path).documents
    return evaluate.loaded_fields(docs.iloc[0] if len(docs) else None)


def changes(folder: Path, variants: list[str]) -> pd.DataFrame:
    """One row per (page, variant, field) whose loaded value the variant changed: columns file,
    variant, field, before, after. Traditional-script variants compare in simplified form."""
    annotations = pd.read_csv(folder / "annotations.csv", dtype=str, keep_default_na=False)
    rows = []
    for _, row in annotations.iterrows():
        text = (folder / "pages" / row["file"]).read_text(encoding="utf-8")
        base = load_fields(text)
        for name in variants:
            varied = VARIANTS[name](text, row)
            if varied == text:
                continue
            got = load_fields(varied)
            for field, before in base.items():
                after = got[field]
                same = evaluate._norm_text(before) == evaluate._norm_text(after)
                if before != after and not (name == "traditional" and same):
                    rows.append(
                        {"file": row["file"], "variant": name, "field": field, "before": before, "after": after}
                    )
    return pd.DataFrame(rows, columns=["file", "variant", "field", "before", "after"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="dev", help="dev, holdout, holdout2, ... (as evaluate.py)")
    parser.add_argument("--variant", nargs="*", choices=sorted(VARIANTS), default=sorted(VARIANTS))
    args = parser.parse_args(argv)
    folder = evaluate.HERE if args.set == "dev" else evaluate.HERE / args.set
    table = changes(folder, args.variant)
    with pd.option_context("display.width", 200, "display.max_colwidth", 40, "display.max_rows", None):
        print(table.to_string(index=False) if len(table) else "no field changed")
    print(f"{table[['file', 'variant']].drop_duplicates().shape[0]} changed page-variant(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
