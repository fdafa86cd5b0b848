"""Compilations (analysis.parsing.compilation): split at the headings of their table of contents."""

from pathlib import Path

import pytest

from analysis.cleaning import clean_text
from analysis.parsing import parse_toc
from conftest import seed_row

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def corpus(seed_corpus):
    return seed_corpus


_row = seed_row


def test_compilation_bodies_are_split_at_headings(corpus):
    gz = _row(corpus, "黔发改高技〔2022〕522号").text
    assert gz.startswith("二、总体要求\n(三)主要目标")
    assert gz.endswith("城市社区网格化管理覆盖率达到100%。")
    assert "其他相关政策文件清单" not in gz and "序号发文部门" not in gz
    ndrc = _row(corpus, "发改高技〔2014〕1770号").text
    assert ndrc.startswith("各省、自治区、直辖市人民政府,国务院各部委、各直属机构:")
    assert "二、国家部委政策文件" not in _row(corpus, "国发〔2022〕14号").text


def test_table_of_contents_of_the_compilation():
    raw = (SEEDS / "004_03387e22a2c5536b.txt").read_text(encoding="utf-8")
    toc = parse_toc(clean_text(raw))
    assert len(toc) == 19
    assert (toc[0].section_no, toc[0].no) == ("一", "一")
    assert parse_toc(clean_text((SEEDS / "003_79a8ab2064712b58.txt").read_text(encoding="utf-8"))) == []
