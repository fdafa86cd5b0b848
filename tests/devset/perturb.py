"""Robustness of the loader to what a researcher's own files add to the annotated excerpts.

The annotated pages are excerpts (the opening 700-900 characters of a page). A researcher's
files are whole pages: the same opening, then the rest of the body with its numbered section
headings ("四、《意见》制定保障措施"), then the site's footer with its posting date. Each
variant below changes a page the way such a file differs from the excerpt, loads both, and
lists every field of :func:`evaluate.loaded_fields` that differs. A field should change only
where the page itself says something new: a page that prints no date gains the footer's
posting date ("date", "year") in the ``full_page_footer`` variant; nothing else may change.

The other variants change a page the way real scraped files of the same document differ: another
site's header above it (``header_swap``), the title line wrapped (``title_wrap_*``), line ends,
indents and blank lines (``crlf``, ``indent``, ``indent_nbsp``, ``blank_lines``), the 文号 in other
brackets or full-width digits (``docnumber_*``), the signing date in Chinese numerals and dotted
date stamps (``date_numerals``, ``date_stamps``); none of them says anything new, so no field may
change.  Each function's docstring says why real files differ so.

Run ``python tests/devset/perturb.py [--set dev|holdout|...] [--variant NAME ...]``; it prints
one line per changed (page, variant) and a count. ``tests/test_devset_perturb.py`` asserts which
variants change nothing on the development set.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import tempfile
import warnings
import zlib
from collections.abc import Callable
from functools import cache, partial
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


def _title_line(text: str, title: str) -> str:
    """The page's line that prints the annotated title alone ("" if the title is wrapped, run into
    other text or not printed whole)."""
    if title and len(title) >= 8:
        for ln in text.split("\n"):
            if ln.strip() == title:
                return ln
    return ""


def _wrapped_title(text: str, title: str, cuts: tuple[float, ...]) -> str:
    """The title line broken into lines at the given shares of its length.

    Real pages wrap long headings: a CMS's fixed-width title box, a PDF's centred heading and a
    text export of either print one title over two or three lines, at any character."""
    line = _title_line(text, title)
    if not line:
        return text
    at = [0, *(round(len(title) * c) for c in cuts), len(title)]
    parts = [title[a:b] for a, b in itertools.pairwise(at)]
    lines = text.split("\n")
    k = lines.index(line)  # the title's own line (a sentence may quote the title too)
    lines[k] = line.replace(title, "\n".join(parts))
    return "\n".join(lines)


def _indented(text: str, title: str, indent: str) -> str:
    """Every line after the title line opened with ``indent``.

    公文 body paragraphs open with two full-width spaces (U+3000), and an HTML page's &nbsp;
    indent survives text extraction as U+00A0: the same document's body comes indented or not
    depending on the site and the tool that saved it."""
    line = _title_line(text, title)
    if not line:
        return text
    head, _, body = text.partition(line + "\n")
    return head + line + "\n" + "\n".join(indent + ln if ln.strip() else ln for ln in body.split("\n"))


# 文号 brackets as sites and OCR print them: the same 国发〔2015〕50号 is 国发[2015]50号 on one
# portal, 国发(2015)50号 or 国发【2015】50号 on another, 国发﹝2015﹞50号 where an IME picked the
# small form; a Word export may carry full-width digits
_BRACKETS = {"square": "[]", "round": "()", "lenticular": "【】", "small": "﹝﹞"}
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _docnumber_form(text: str, doc_number: str, form: str) -> str:
    """The page's own 文号 (as annotated, printed with 〔〕) reprinted in another form."""
    if "〔" not in doc_number or doc_number not in text:
        return text
    if form == "fullwidth":
        varied = doc_number.translate(_FULL_WIDTH)
    else:
        varied = doc_number.replace("〔", _BRACKETS[form][0]).replace("〕", _BRACKETS[form][1])
    return text.replace(doc_number, varied)


def _docnumber_form_of_row(text: str, row: pd.Series, form: str) -> str:
    return _docnumber_form(text, row["doc_number"], form)


_CN_DIGIT = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    """1-31 in Chinese numerals as a 公文 prints a month or day (5 -> 五, 12 -> 十二, 25 -> 二十五)."""
    tens, ones = divmod(n, 10)
    return ("" if tens == 0 else ("十" if tens == 1 else _CN_DIGIT[tens] + "十")) + (_CN_DIGIT[ones] if ones else "")


def _date_numerals(text: str, signing_date: str) -> str:
    """The signing date on a line of its own (the signature's) reprinted in Chinese numerals
    (2021年3月5日 -> 二〇二一年三月五日).

    The 公文 format (GB/T 9704) once required the 成文日期 in Chinese numerals, and many pages
    still print it so while their metadata table uses Arabic digits: the same document's date
    comes in either form."""
    if len(signing_date) != 10:
        return text
    y, m, d = (int(x) for x in signing_date.split("-"))
    cn = "".join(_CN_DIGIT[int(c)] for c in str(y)) + f"年{_cn_number(m)}月{_cn_number(d)}日"
    # the signature's date line, not a news lead's "2015年12月29日,农业部印发…" (news prints Arabic digits)
    printed = (f"{y}年{m}月{d}日", f"{y}年{m:02d}月{d:02d}日")
    return "\n".join(ln.replace(ln.strip(), cn) if ln.strip() in printed else ln for ln in text.split("\n"))


def _date_stamps(text: str) -> str:
    """Dashed date stamps (2021-03-05) reprinted with dots (2021.03.05).

    Sites print the posting or 发布日期 stamp in either form, and so do copies of one page."""
    return re.sub(r"(?<!\d)((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?!\d)", r"\1.\2.\3", text)


# the site furniture above the title line of real annotated pages from other sets and sites,
# chosen to name no place, date or other document (fixed choice, read from the pages)
FURNITURE_PAGES = (
    ("holdout", "023.txt"),
    ("holdout7", "047.txt"),
    ("holdout10", "004.txt"),
    ("holdout11", "020.txt"),
    ("holdout11", "058.txt"),
    ("holdout12", "011.txt"),
    ("holdout13", "009.txt"),
    ("holdout14", "044.txt"),
)


@cache
def furniture() -> tuple[str, ...]:
    """The lines above the annotated title line of each page in :data:`FURNITURE_PAGES`."""
    here = Path(__file__).resolve().parent
    out = []
    for folder, file in FURNITURE_PAGES:
        title = pd.read_csv(here / folder / "annotations.csv", dtype=str).set_index("file").loc[file, "title"]
        lines = (here / folder / "pages" / file).read_text(encoding="utf-8").split("\n")
        k = next(i for i, ln in enumerate(lines) if title[:8] in ln.replace(" ", ""))
        out.append("\n".join(lines[:k]).strip("\n"))
    return tuple(out)


def _header_swap(text: str, file: str) -> str:
    """Another site's furniture (menus, breadcrumb, site name) before the page.

    The same document is reposted by many sites, each with its own header; a scraper that saves
    the whole page keeps it. Which furniture a page gets is fixed by its file name."""
    return furniture()[zlib.crc32(file.encode()) % len(FURNITURE_PAGES)] + "\n" + text


VARIANTS: dict[str, Callable[[str, pd.Series], str]] = {
    "full_page": lambda t, r: t + "\n" + body_passages(),
    "full_page_footer": lambda t, r: t + "\n" + body_passages() + FOOTER,
    "breadcrumb": lambda t, r: "首页 > 政务公开 > 政策文件\n" + t,
    "toolbar": lambda t, r: "\n".join([t.split("\n")[0], "【字体:大 中 小】 【打印】 【关闭】", *t.split("\n")[1:]]),
    "compact": lambda t, r: "\n".join(ln for ln in t.split("\n") if ln.strip()),
    "traditional": lambda t, r: converter("s2t").convert(t),
    "title_space": lambda t, r: _spaced_title(t, r["title"]),
    "title_wrap_third": lambda t, r: _wrapped_title(t, r["title"], (1 / 3,)),
    "title_wrap_half": lambda t, r: _wrapped_title(t, r["title"], (1 / 2,)),
    "title_wrap_two_thirds": lambda t, r: _wrapped_title(t, r["title"], (2 / 3,)),
    "title_wrap_three": lambda t, r: _wrapped_title(t, r["title"], (1 / 3, 2 / 3)),
    # Windows tools and some servers save \r\n line ends
    "crlf": lambda t, r: t.replace("\n", "\r\n"),
    "indent": lambda t, r: _indented(t, r["title"], "\u3000\u3000"),
    "indent_nbsp": lambda t, r: _indented(t, r["title"], "\xa0\xa0"),
    # HTML-to-text tools turn each <p> into a line and a blank line
    "blank_lines": lambda t, r: t.replace("\n", "\n\n"),
    **{f"docnumber_{form}": partial(_docnumber_form_of_row, form=form) for form in (*_BRACKETS, "fullwidth")},
    "date_numerals": lambda t, r: _date_numerals(t, r["signing_date"]),
    "date_stamps": lambda t, r: _date_stamps(t),
    "header_swap": lambda t, r: _header_swap(t, r["file"]),
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
