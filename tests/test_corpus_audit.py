"""The per-file loading audit (analysis.corpus.audit): characters read and kept, removed spans and their rules."""

import warnings
from pathlib import Path

import pytest

from analysis.corpus.audit import FILE_COLUMNS, REMOVED_COLUMNS, audit_file, audit_folder

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
DEVSET = Path(__file__).resolve().parent / "devset" / "pages"

# a notice as a portal prints it (sentences from tests/devset/pages/035.txt), menu and footer included
_PAGE = """首页
政务公开
重庆市渝中区人民政府办公室关于印发《重庆市渝中区新型智慧城市建设“十四五”规划(2021-2025年)》的通知
【字号:大 中 小】
区级国家机关各部门,各管委会、街道办事处,有关单位:
《重庆市渝中区新型智慧城市建设十四五规划(2021-2025年)》已经区委第12次常委会区政府7次常务会同意,现印发给你们,请认真抓好贯彻落实。
群众扫描二维码即可查询规划实施进展,各部门要及时更新信息。
重庆市渝中区人民政府办公室
2022年5月17日
扫一扫在手机打开当前页
网站标识码:5001030001
"""


def test_audit_file_names_every_removed_line_and_its_rule(tmp_path):
    f = tmp_path / "page.txt"
    f.write_text(_PAGE, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing of the body is lost: no warning
        audit = audit_file(f)
    assert list(audit.files.columns) == FILE_COLUMNS and list(audit.removed.columns) == REMOVED_COLUMNS
    row = audit.files.iloc[0]
    assert row.file == "page.txt" and row.n_documents == 1 and row.error == ""
    assert row.chars_read == len(_PAGE) and 0 < row.chars_kept < row.chars_clean <= row.chars_read
    assert row.body_removed == 0 and row.body_lost_share == 0
    rules = dict(zip(audit.removed.text, audit.removed.rule))
    assert rules["【字号:大中小】"] == "print or close button"  # as cleaned: letter spacing removed
    assert rules["扫一扫在手机打开当前页"] == "share or QR prompt"
    assert "signature" in rules["2022年5月17日"]
    assert "title block" in rules["首页"]
    assert "群众扫描二维码即可查询规划实施进展,各部门要及时更新信息。" not in rules  # a body sentence stays
    assert audit.removed.n_chars.sum() + row.chars_kept <= row.chars_clean


def test_audit_warns_about_a_file_that_lost_body_text(tmp_path):
    # a share bar printed as a block between two parts of the document is removed from the body
    lines = _PAGE.split("\n")
    body = ["分享到:", "【打印本页】【关闭窗口】", "微信扫一扫分享到朋友圈", "关注我们官方微信"]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "lossy.txt").write_text("\n".join([*lines[:6], *body, *lines[6:]]), encoding="utf-8")
    (tmp_path / "page.txt").write_text(_PAGE, encoding="utf-8")
    with pytest.warns(UserWarning, match=r"1 file\(s\) lost more than 10% of their body.*sub/lossy.txt"):
        audit = audit_folder(tmp_path)
    assert list(audit.files.file) == ["page.txt", "sub/lossy.txt"]
    assert list(audit.lossy().file) == ["sub/lossy.txt"]
    lost = audit.removed[audit.removed.file == "sub/lossy.txt"]
    assert set(lost.text) >= set(body) and lost.rule.str.startswith("furniture block").sum() == len(body)


def test_audit_reports_files_that_give_no_document(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin.txt").write_text("no Chinese text at all\n", encoding="utf-8")
    audit = audit_folder(tmp_path, warn=False)
    assert set(audit.files.file) == {"empty.txt", "latin.txt"}
    assert (audit.files.error != "").all() and (audit.files.chars_kept == 0).all()


def test_audit_of_the_seeds_and_devset_loses_no_body_text():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        seeds = audit_folder(SEEDS)
        devset = audit_folder(DEVSET)
    assert len(seeds.files) == 5 and (seeds.files.error == "").all()
    assert seeds.files.n_documents.sum() == 23
    assert (devset.files.body_lost_share == 0).all()


def test_audit_keeps_a_large_file_of_repeated_paragraphs(tmp_path):
    # a 5 MB file of repeated paragraphs kept 29,032 of ~1.75 M characters
    paragraph = "一、总体要求。坚持以人民为中心,统筹推进新型智慧城市建设,提升城市治理现代化水平。"
    text = "\n".join(["关于推进新型智慧城市建设的实施方案", *[paragraph] * 2000, "某某市人民政府", "2021年3月1日"])
    (tmp_path / "big.txt").write_text(text, encoding="utf-8")
    row = audit_file(tmp_path / "big.txt").files.iloc[0]
    assert row.chars_kept == len(paragraph) * 2000 + 1999


def test_teaser_set_aside_below_a_closing_signature_counts_as_lost_body(tmp_path):
    # unlike the seeds: a portal prints the notice, signs it, and then the start of its annex cut off
    # at an ellipsis; the parser sets that teaser aside as trailer, which the audit must count
    page = (
        "首页\n某市人民政府办公室关于印发数字政府建设方案的通知\n各县(市、区)人民政府,市政府各部门:\n"
        "现将《数字政府建设方案》印发给你们,请认真贯彻落实。\n某市人民政府办公室\n2023年3月1日\n"
        "为加快推进数字政府建设,全面提升政府治理能力……\n"
    )
    (tmp_path / "teaser.txt").write_text(page, encoding="utf-8")
    with pytest.warns(UserWarning, match=r"teaser.txt"):
        audit = audit_file(tmp_path / "teaser.txt")
    teaser = "为加快推进数字政府建设,全面提升政府治理能力……"
    rules = dict(zip(audit.removed.text, audit.removed.rule))
    assert rules[teaser] == "truncated teaser" and "signature" in rules["2023年3月1日"]
    # the signature is not body text; the teaser is, though it stands below the signature
    assert audit.files.iloc[0].body_removed == len(teaser)


def test_document_cut_off_mid_sentence_is_kept_not_removed_as_a_teaser(tmp_path):
    # tests/devset/pages/007.txt ends "(一)指導思想。以習近平…全面貫徹 ……": the document itself, cut off
    tail = "(一)指导思想。以习近平新时代中国特色社会主义思想为指导,全面贯彻 ……"
    page = (
        "山东省人民政府关于印发山东省数字政府建设实施方案的通知\n各市人民政府,省政府各部门:\n"
        "现将《山东省数字政府建设实施方案》印发给你们,请认真抓好贯彻落实。\n山东省人民政府\n2023年1月29日\n"
        "山东省数字政府建设实施方案\n为深入贯彻落实国务院指导意见,全面提升政府治理能力,制定本实施方案。\n"
        f"一、总体要求\n{tail}\n"
    )
    (tmp_path / "cut.txt").write_text(page, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        audit = audit_file(tmp_path / "cut.txt")
    assert tail not in set(audit.removed.text) and audit.files.iloc[0].body_lost_share == 0


def _assert_same_audit(a, b):
    import pandas as pd

    pd.testing.assert_frame_equal(a.files, b.files)
    pd.testing.assert_frame_equal(a.removed, b.removed)


def test_the_load_gives_the_audit_of_the_seeds_and_devset_without_reading_again():
    from analysis.corpus import read_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for folder in (SEEDS, DEVSET):
            loaded = read_corpus(folder, audit=True)
            assert loaded.audit is not None
            _assert_same_audit(loaded.audit, audit_folder(folder, warn=False))
            # the documents are those of a load without the audit
            assert loaded.documents.equals(read_corpus(folder).documents)
        assert read_corpus(SEEDS).audit is None  # asked for only


def test_the_loads_audit_keeps_unreadable_files_and_warns_about_lossy_ones(tmp_path):
    from analysis.corpus import read_corpus

    lines = _PAGE.split("\n")
    body = ["分享到:", "【打印本页】【关闭窗口】", "微信扫一扫分享到朋友圈", "关注我们官方微信"]
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "lossy.txt").write_text("\n".join([*lines[:6], *body, *lines[6:]]), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin.txt").write_text("no Chinese text at all\n", encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(_PAGE.encode("gb18030"))
    (tmp_path / "notes.xyz").write_text("智慧城市", encoding="utf-8")  # not a document: no audit row
    with pytest.warns(UserWarning) as caught:
        loaded = read_corpus(tmp_path, audit=True)
    assert any("1 file(s) lost more than 10% of their body" in str(w.message) for w in caught)
    assert loaded.audit is not None
    assert list(loaded.audit.files.file) == ["empty.txt", "gbk.txt", "latin.txt", "sub/lossy.txt"]
    assert list(loaded.audit.files.error != "") == [True, False, True, False]
    _assert_same_audit(loaded.audit, audit_folder(tmp_path, warn=False))


def test_audit_lists_only_what_was_removed_when_the_parser_rewords_a_kept_line(tmp_path):
    # tests/devset/holdout2/pages/004.txt (opening): the body's first kept line is the table cell
    # "市政府文件 |" printed without its bar; the lines after it were kept and are no removal
    page = (
        "合肥市「城市大腦」建設方案(2021-2023年)\n"
        "合肥市人民政府辦公室關於印發「城市大腦」建設方案的通知 合政辦〔2021〕10號 2021年5月24日 "
        "發布機關:合肥市人民政府 |\n"
        "市政府文件 |\n"
        "各縣(市)、區人民政府,市政府各部門,各直屬機構:\n"
        "《合肥市「城市大腦」建設方案(2021-2023年)》已經市政府常務會議審議通過,現印發給你們,請認真對照實施。\n"
        "2021年5月6日\n"
        "為認真貫徹習近平總書記考察安徽重要講話指示精神,充分利用雲計算、大數據、物聯網、人工智能、區塊鏈等新一代信息技術,"
        "促進城市數據資源匯聚融合,結合我市實際,制定本方案。\n"
        "一、建設目標\n"
    )
    f = tmp_path / "page.txt"
    f.write_text(page, encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        audit = audit_file(f)
    removed = audit.removed.text.tolist()
    assert not any("審議通過" in t or "审议通过" in t for t in removed)
    assert not any(t.startswith(("为认真", "為認真", "一、")) for t in removed)
    assert len(removed) == 3  # the headline, the title block's run-on line and the signing date
    row = audit.files.iloc[0]
    assert audit.removed.n_chars.sum() + row.chars_kept <= row.chars_clean + 10
