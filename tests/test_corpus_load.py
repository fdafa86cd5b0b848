"""load_corpus / read_corpus on the seeds, checked against a table made by hand from the seed text,
plus bad-input behaviour on small temporary folders."""

import re
import shutil
import warnings
from pathlib import Path

import pandas as pd
import pytest

import analysis
from analysis.corpus import CorpusLoad, default_seed_dir, read_corpus
from conftest import seed_row

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

EXPECTED = [
    ("发改高技〔2014〕1770号", "国家发改委等八部委", "ministry", "全国", "2014-08-27", "意见", False),
    (
        "发改办高技〔2016〕2476号",
        "国家发改委办公厅 中央网信办秘书局 国家标准委办公室",
        "ministry",
        "全国",
        "2016-11-22",
        "通知",
        False,
    ),
    ("发改办高技〔2018〕1688号", "国家发展改革委办公厅 中央网信办秘书局", "ministry", "全国", "2018", "通知", False),
    ("发改办高技〔2020〕530号", "国家发展改革委办公厅", "ministry", "全国", "2020-07-09", "通知", False),
    ("数字山东发展规划", "", "provincial", "山东", "2018", "规划", True),
    ("陕政办发〔2018〕47号", "陕西省人民政府办公厅", "provincial", "陕西", "2018-08-25", "意见", False),
    (
        "关于加快推进新型智慧城市建设的指导意见",
        "河北省人民政府办公厅",
        "provincial",
        "河北",
        "2019-02-18",
        "意见",
        False,
    ),
    (
        "《郑州市人民政府关于加快推进新型智慧城市建设的指导意见》解读",
        "郑州市发展和改革委员会",
        "prefecture",
        "河南",
        "",
        "解读",
        False,
    ),
    ("鲁政办字〔2020〕136号", "山东省人民政府办公厅", "provincial", "山东", "2020-10-11", "意见", False),
    (
        "关于加快新型智慧城市建设的指导意见",
        "四川省推进数字经济发展领导小组办公室",
        "provincial",
        "四川",
        "2020-11-27",
        "意见",
        False,
    ),
    ("国发〔2021〕29号", "国务院", "central", "全国", "2021", "规划", True),
    ("鲁政字〔2021〕128号", "山东省人民政府", "provincial", "山东", "2021", "规划", True),
    ("中华人民共和国 国民经济和社会发展第十四个五年规划", "", "central", "全国", "2021-03", "纲要", True),
    ("京大数据发〔2021〕1号", "北京市大数据工作推进小组", "provincial", "北京", "2021-03-05", "纲要", False),
    ("京教信〔2021〕1号", "北京市大数据工作推进小组办公室", "provincial", "北京", "2021-03-22", "意见", False),
    ("中共中央 国务院关于加强基层治理体系", "中共中央 国务院", "central", "全国", "2021-04", "意见", True),
    (
        "中共中央办公厅 国务院办公厅关于推动城乡建设绿色发展",
        "中共中央办公厅 国务院办公厅",
        "central",
        "全国",
        "2021-10",
        "意见",
        True,
    ),
    ("中央网络安全和信息化委员会印发", "中央网络安全和信息化委员会", "central", "全国", "2021-12", "规划", True),
    ("津政办发〔2021〕52号", "天津市人民政府办公厅", "provincial", "天津", "2021-12-28", "规划", True),
    ("国发〔2022〕14号", "国务院", "central", "全国", "2022", "意见", True),
    ("黔发改高技〔2022〕522号", "贵州省发展改革委等四部门", "provincial", "贵州", "2022", "规划", True),
    (
        "中共中央办公厅 国务院办公厅关于推进以县城为重要载体",
        "中共中央办公厅 国务院办公厅",
        "central",
        "全国",
        "2022-05",
        "意见",
        True,
    ),
    ("数字强省办发〔2022〕5号", "数字强省建设领导小组办公室", "provincial", "山东", "2022-11-18", "通知", False),
]


@pytest.fixture(scope="module")
def corpus(seed_corpus):
    return seed_corpus


_row = seed_row


def test_seed_counts(corpus):
    assert len(corpus) == 23
    assert corpus.level.value_counts().to_dict() == {"provincial": 11, "central": 7, "ministry": 4, "prefecture": 1}
    assert corpus.source.str.startswith("004_").sum() == 19
    assert corpus.doc_id.is_unique
    assert corpus.attrs == {}  # provenance travels in read_corpus(), not in attrs
    assert (corpus.year + corpus.n_chars).notna().all()
    # Hebei 2019 and Shandong 2020 share a bare title but are different policies
    assert (corpus.duplicate_of == "").all()


@pytest.mark.parametrize(
    "key, issuer, level, region, date, genre, excerpt", EXPECTED, ids=[e[0][:12] for e in EXPECTED]
)
def test_seed_fields_match_hand_table(corpus, key, issuer, level, region, date, genre, excerpt):
    r = _row(corpus, key)
    assert r.issuer == issuer
    assert r.level == level
    assert r.region == region
    assert r.date == date
    assert r.genre == genre
    assert bool(r.is_excerpt) == excerpt
    if key.endswith("号"):
        assert r.doc_number == key
    if date:
        assert r.year == int(date[:4])


def test_undated_documents_get_flagged_years(corpus):
    zz = _row(corpus, "《郑州市")
    assert zz.year == 2020 and "lower bound" in zz.date_source  # cites 豫郑办【2020】27号
    sd = _row(corpus, "数字山东发展规划")
    assert sd.year == 2018 and "plan period" in sd.date_source


def test_texts_are_clean_simplified(corpus):
    text = "\n".join(corpus.text)
    for bad in [
        "國",
        "發",
        "關",
        "(guān)",
        "(二)(二)",
        "20162016",
        "網絡安全41防護",
        "网络安全41防护",
        "扫描二维码",
        "编辑:",
        "Copyright",
        "点击下载",
        "阅读次数",
        "抄送:",
    ]:
        assert bad not in text, bad
    assert corpus.script.value_counts().to_dict() == {"traditional": 20, "simplified": 3}
    hebei = _row(corpus, "关于加快推进新型智慧城市建设的指导意见").text
    assert hebei.startswith("各市(含定州、辛集市)人民政府,雄安新区管委会,省政府有关部门:")
    assert hebei.endswith("更好地造福城市和人民。")
    assert "日前," not in hebei  # news lead above the title is not the policy
    zz = _row(corpus, "《郑州市").text
    assert zz.count("主要明确了今后一个时期我市推进新型智慧城市建设") == 1  # lead printed twice on the page
    assert "解读人" not in zz and "67185955" not in zz
    sc = _row(corpus, "关于加快新型智慧城市建设的指导意见").text
    assert sc.endswith("营造和培育新型智慧城市建设浓厚氛围。")  # signature and URL trailer cut


def test_policy_list():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        pl = analysis.load_policy_list()
    assert list(pl.no) == list(range(1, 33))
    r6 = pl[pl.no == 6].iloc[0]
    assert (r6.issuer, r6.doc_number, r6.year) == ("国务院办公厅", "国办发〔2022〕32号", 2023)
    assert r6.title == "关于加快推进“一件事一次办”打造政务服务升级版的指导意见"
    r1 = pl[pl.no == 1].iloc[0]
    assert (r1.issuer, r1.title, r1.doc_number, r1.year) == ("中共中央 国务院", "数字中国建设整体布局规划", "", 2023)
    assert pl[pl.no == 13].iloc[0].doc_number == "工信部规〔2021〕179号"
    assert pl[pl.no == 18].iloc[0].year == 2022  # row after the header repeated at a page break
    assert pl[pl.no == 32].iloc[0].doc_number == "国知办函规字〔2022〕990号"
    dup = pl[pl.duplicate_of != ""]
    assert list(dup.no) == [4]  # 国发〔2021〕29号 is also in the compilation in full


def _write(folder: Path, name: str, data: bytes | str, encoding="utf-8"):
    p = folder / name
    p.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return p


def test_bad_files_are_reported_not_fatal(tmp_path):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    _write(tmp_path, "empty.txt", b"")
    _write(tmp_path, "binary.txt", b"\x00\x01\x02PNG\x00" * 50)
    _write(tmp_path, "broken.txt", b"\xe6\x99\xba\x80\xff\xfe\x80")
    _write(tmp_path, "nodate.txt", "关于做好智慧社区建设工作的通知\n各有关单位:\n请按要求推进智慧社区建设。\n")
    _write(tmp_path, "notes.xlsx", b"PK\x03\x04")
    with pytest.warns(UserWarning, match="skipped 4 file"):
        df = analysis.load_corpus(tmp_path)
    with pytest.warns(UserWarning, match="read_corpus skipped 4 file"):
        skipped = read_corpus(tmp_path).skipped
    # the page that prints no date is kept (undated, sorted last), not skipped
    assert len(df) == 2 and df.iloc[0].doc_number == "陕政办发〔2018〕47号"
    assert df.iloc[1].source == "nodate.txt" and df.iloc[1].date_source == "none"
    reasons = dict(zip(skipped.file, skipped.reason))
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"]
    assert "undecodable" in reasons["broken.txt"]
    assert "nodate.txt" not in reasons
    assert "not a supported file type" in reasons["notes.xlsx"]


def test_every_stage_is_reachable_from_the_package():
    import subprocess
    import sys

    code = (
        "import sys, analysis\n"
        "names = ['diffusion', 'reuse', 'topics', 'plotting', 'segment', 'frequency', 'cleaning', 'metadata']\n"
        "assert 'analysis.topics' not in sys.modules  # loaded lazily\n"
        "print(all(getattr(analysis, m) is sys.modules['analysis.' + m] for m in names))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "True"
    # the verbs of the later stages are reachable from the top level too
    assert analysis.find_reuse is analysis.reuse.find_reuse
    assert analysis.event_history is analysis.diffusion.event_history
    assert analysis.fit_topics is analysis.topics.fit_topics


def test_read_corpus_returns_documents_skipped_and_field_sources():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load = read_corpus()
        docs = analysis.load_corpus()
    assert isinstance(load, CorpusLoad)
    pd.testing.assert_frame_equal(load.documents, docs)
    assert list(load.skipped.columns) == ["file", "reason"] and load.skipped.empty
    assert list(load.field_sources.columns) == ["field", "source"]
    assert set(load.field_sources.source) == {"text"}
    assert list(load.field_sources.field) == analysis.corpus.DOCUMENT_COLUMNS
    assert load.folder == default_seed_dir()


def test_seed_readme_is_not_a_document_nor_skipped():
    assert (default_seed_dir() / "README.md").exists()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load = read_corpus()
    assert "README.md" not in set(load.documents.source) and load.skipped.empty


def test_seed_dir_follows_the_environment(tmp_path, monkeypatch):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    monkeypatch.setenv("ANALYSIS_SEEDS", str(tmp_path))
    assert default_seed_dir() == tmp_path
    assert list(analysis.load_corpus().source) == ["shaanxi.txt"]


def test_unexpected_exception_in_parsing_propagates(tmp_path, monkeypatch):
    """A bug in a parser must raise, not become a "skipped file" row."""
    import analysis.corpus.load as load_module

    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")

    def broken(raw, source):
        raise AttributeError("'NoneType' object has no attribute 'group'")

    monkeypatch.setattr(load_module, "parse_text", broken)
    with pytest.raises(AttributeError, match="no attribute 'group'"):
        analysis.load_corpus(tmp_path)


def test_unreadable_file_is_a_skipped_row(tmp_path, monkeypatch):
    import analysis.corpus.load as load_module

    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    _write(tmp_path, "locked.txt", "关于智慧城市的通知")
    real = load_module.read_document_file

    def read(path):
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(load_module, "read_document_file", read)
    with pytest.warns(UserWarning, match="skipped 1 file"):
        load = read_corpus(tmp_path)
    assert load.skipped.to_dict("records") == [{"file": "locked.txt", "reason": "cannot read file: Permission denied"}]
    assert len(load.documents) == 1


# A page printing no issuer, 文号 or date: the opening of tests/devset/pages/023.txt (an
# encyclopedia copy of 浙江省促进大数据发展实施计划, traditional script).
UNDATED_PAGE = (
    "浙江省促進大數據發展實施計畫\n\n"
    "當前,運用大數據推動經濟轉型升級、完善社會治理、提升政府服務和管理能力已成為趨勢。"
    "我省把打造全國大數據產業中心作為發展信息經濟的重要目標,大力推動大數據發展和運用,"
    "信息基礎設施建設國內領先,在全國率先推出政府數據統一開放平台。\n"
)


def test_a_page_that_prints_no_date_is_kept_undated_and_sorted_last(tmp_path):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    _write(tmp_path, "zhejiang.txt", UNDATED_PAGE)
    with pytest.warns(UserWarning, match=r"kept 1 document\(s\) that print no date.*zhejiang\.txt"):
        load = read_corpus(tmp_path)
    df = load.documents
    assert len(load.skipped) == 0 and len(df) == 2
    assert str(df.year.dtype) == "Int64" and df.year.iloc[0] == 2018
    last = df.iloc[-1]
    assert last.source == "zhejiang.txt" and pd.isna(last.year)
    assert (last.date, last.date_source) == ("", "none")
    assert last.doc_id.startswith("undated-provincial-浙江-")


def test_seed_years_stay_plain_integers(seed_corpus):
    # every seed prints a date: the column keeps its int64 dtype (Int64 only when some year is missing)
    assert str(seed_corpus.year.dtype) == "int64"


def test_metadata_csv_dates_an_undated_page_by_its_path(tmp_path):
    (tmp_path / "zj").mkdir()
    _write(tmp_path / "zj", "plan.txt", UNDATED_PAGE)
    (tmp_path / "metadata.csv").write_text("path,date\nzj/plan.txt,2016-02-18\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # dated by the CSV: no "print no date" warning
        df = analysis.load_corpus(tmp_path)
    r = df.iloc[0]
    assert (r.source, r.date, r.year, r.date_source) == ("zj/plan.txt", "2016-02-18", 2016, "metadata.csv")
    assert r.doc_id.startswith("2016-provincial-浙江-") and str(df.year.dtype) == "int64"


def test_same_file_name_in_two_subfolders_stays_two_sources(tmp_path):
    for sub in ("hangzhou", "ningbo"):
        (tmp_path / sub).mkdir()
        place = "浙江省" if sub == "hangzhou" else "浙江省寧波市"
        _write(tmp_path / sub, "plan.txt", UNDATED_PAGE.replace("浙江省", place))
    (tmp_path / "metadata.csv").write_text("source,topic\nplan.txt,ambiguous\nningbo/plan.txt,数据\n", encoding="utf-8")
    with pytest.warns(UserWarning, match=r"line 2: source 'plan\.txt' names 2 files"):
        df = analysis.load_corpus(tmp_path)
    topics = dict(zip(df.source, df.topic))
    assert topics == {"hangzhou/plan.txt": "", "ningbo/plan.txt": "数据"}


def test_symlinked_and_unreadable_subfolders(tmp_path, monkeypatch):
    import os

    real = tmp_path / "real"
    real.mkdir()
    _write(real, "zhejiang.txt", UNDATED_PAGE)
    corpus = tmp_path / "corpus"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "linked").symlink_to(real, target_is_directory=True)
    (real / "loop").symlink_to(corpus, target_is_directory=True)  # corpus/linked/loop -> corpus
    scandir = os.scandir

    def denying(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", denying)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        load = read_corpus(corpus)
    assert list(load.documents.source) == ["linked/zhejiang.txt"]
    reasons = dict(zip(load.skipped.file, load.skipped.reason))
    assert "Permission denied" in reasons["locked"]
    assert "already read" in reasons["linked/loop"]


def test_gbk_file_names_survive_to_the_exports(tmp_path):
    import os

    from analysis.io.tables import write_table

    gbk_name = "智慧城市.txt".encode("gbk")  # as unzipped from an archive made on Chinese Windows
    with open(os.path.join(os.fsencode(tmp_path), gbk_name), "wb") as f:
        f.write(UNDATED_PAGE.encode("utf-8"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        df = analysis.load_corpus(tmp_path)
    assert list(df.source) == ["智慧城市.txt"]
    written = write_table(df, tmp_path / "out" / "documents", formats=("csv", "parquet"))
    back = pd.read_csv(written[0], encoding="utf-8-sig")
    assert list(back.source) == ["智慧城市.txt"] and pd.read_parquet(written[1]).source.tolist() == ["智慧城市.txt"]


def test_every_field_of_a_page_says_where_it_was_read():
    """read_corpus(...).evidence: one row per field with the text and the rule behind it (devset page 007)."""
    page = Path(__file__).resolve().parent / "devset" / "pages" / "007.txt"
    loaded = analysis.read_corpus(page)
    evidence = loaded.evidence.set_index("field")
    doc_id = loaded.documents.doc_id.iloc[0]
    assert set(evidence.doc_id) == {doc_id}
    assert evidence.loc["doc_number", "value"] == "鲁政字〔2023〕15号"
    assert evidence.loc["date", "rule"] == "signature"
    assert evidence.loc["date", "value"] == loaded.documents.date.iloc[0] == "2023-01-29"
    assert not evidence.inferred.any()


# ---- PDF, Word and OFD go through the same loader -------------------------------------------

FIELDS = ["doc_id", "title", "issuer", "doc_number", "date", "year", "level", "region", "genre", "is_excerpt"]


def _quiet_read(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_corpus(path)


def test_the_same_policy_as_txt_pdf_docx_and_ofd_gives_the_same_row_and_body(policy_formats):
    loads = {suffix: _quiet_read(path.parent) for suffix, path in policy_formats.items()}
    rows = {suffix: load.documents for suffix, load in loads.items()}
    assert all(len(df) == 1 for df in rows.values())
    txt = rows[".txt"].iloc[0]
    # checked by hand against the printed policy (and the seed's row)
    assert txt[["title", "issuer", "doc_number", "date", "level", "region", "genre"]].tolist() == [
        "陕西省人民政府办公厅关于加快推进全省新型智慧城市建设的指导意见", "陕西省人民政府办公厅",
        "陕政办发〔2018〕47号", "2018-08-25", "provincial", "陕西", "意见",
    ]  # fmt: skip
    for suffix, df in rows.items():
        row = df.iloc[0]
        assert row[FIELDS].tolist() == txt[FIELDS].tolist(), suffix
        assert re.sub(r"\s", "", row.text) == re.sub(r"\s", "", txt.text), suffix
        assert "一、总体要求一、总体要求" not in row.text and "一一、、" not in row.text  # no fake-bold doubles
        assert "陕西省人民政府办公厅文件" not in row.text and not re.search(r"-\s*\d+\s*-", row.text)
        assert loads[suffix].skipped.empty
    name = "陕西智慧城市意见"
    assert [rows[s].iloc[0].source for s in policy_formats] == [
        f"{name}.txt", f"{name}.pdf#page=1", f"{name}.docx", f"{name}.ofd#page=1",
    ]  # fmt: skip


def test_the_four_copies_in_one_folder_are_one_policy_and_three_duplicates(policy_formats, tmp_path):
    for path in policy_formats.values():
        shutil.copy(path, tmp_path / path.name)
    df = _quiet_read(tmp_path).documents
    assert len(df) == 4
    assert (df.duplicate_of == "").sum() == 1
    assert set(df.duplicate_of) - {""} == set(df.doc_id[df.duplicate_of == ""])


def test_a_scanned_pdf_is_a_skipped_row_and_a_scanned_page_is_named(policy_formats, tmp_path):
    import pypdf

    from format_fixtures import write_image_pdf

    write_image_pdf(tmp_path / "scan.pdf", n_pages=2)
    cover = write_image_pdf(tmp_path / "cover.tmp", n_pages=1)
    writer = pypdf.PdfWriter()
    for part in (cover, policy_formats[".pdf"]):
        writer.append(str(part))
    writer.write(tmp_path / "with_cover.pdf")
    cover.unlink()
    with pytest.warns(UserWarning, match="skipped 2 file"):
        load = read_corpus(tmp_path)
    assert load.documents.source.tolist() == ["with_cover.pdf#page=2"]  # the policy starts after the scanned cover
    assert load.skipped.to_dict("records") == [
        {"file": "scan.pdf", "reason": "no text layer (scanned?): 2 pages; OCR is not done"},
        {
            "file": "with_cover.pdf",
            "reason": "no text layer (scanned?) on 1 of 4 pages (page 1); OCR is not done; the other pages were read",
        },
    ]


def test_word_97_files_are_skipped_with_what_to_do(tmp_path):
    shutil.copy(SEEDS / "003_79a8ab2064712b58.txt", tmp_path / "shaanxi.txt")
    _write(tmp_path, "old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _write(tmp_path, "old.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    load = _quiet_read(tmp_path)
    assert len(load.documents) == 1
    assert set(load.skipped.file) == {"old.doc", "old.wps"}
    assert all("save as .docx or PDF" in r for r in load.skipped.reason)


def test_metadata_csv_names_a_pdf_by_its_path(policy_formats, tmp_path):
    shutil.copy(policy_formats[".pdf"], tmp_path / "policy.pdf")
    (tmp_path / "metadata.csv").write_text("path,genre\npolicy.pdf,实施意见\n", encoding="utf-8")
    df = _quiet_read(tmp_path).documents
    assert df.source.tolist() == ["policy.pdf#page=1"] and df.genre.tolist() == ["实施意见"]


def test_the_audit_lists_the_page_furniture_a_pdf_reader_dropped(policy_formats):
    from analysis.corpus import audit_folder

    audit = audit_folder(policy_formats[".pdf"].parent, warn=False)
    furniture = audit.removed[audit.removed.line == -1]
    assert furniture.text.tolist() == ["陕西省人民政府办公厅文件", "- 1 -", "陕西省人民政府办公厅文件", "- 2 -",
                                       "陕西省人民政府办公厅文件", "- 3 -"]  # fmt: skip
    assert furniture.rule.str.endswith(("(page 1)", "(page 2)", "(page 3)")).all()
    assert audit.files.body_lost_share.tolist() == [0.0]


def test_compilation_entries_of_a_paged_file_name_their_entry_and_start_page():
    """Entries are searched in order, so a salutation every entry repeats is found on the right page."""
    from analysis.corpus.load import _name_start_pages
    from analysis.parsing import ParsedDoc

    pages = [
        "目录\n一、国务院关于智慧城市的意见\n二、某省关于智慧城市的通知\n",
        "国务院关于智慧城市的意见\n各省、自治区、直辖市人民政府:\n为推进智慧城市建设,提出以下意见。\n",
        "意见正文继续。\n",
        "某省关于智慧城市的通知\n各省、自治区、直辖市人民政府:\n为落实国务院意见,现通知如下。\n",
    ]
    docs = [
        ParsedDoc(
            "国务院关于智慧城市的意见", "各省、自治区、直辖市人民政府:\n为推进智慧城市建设,提出以下意见。", "汇编.pdf#1"
        ),
        ParsedDoc(
            "某省关于智慧城市的通知", "各省、自治区、直辖市人民政府:\n为落实国务院意见,现通知如下。", "汇编.pdf#2"
        ),
    ]
    _name_start_pages(docs, pages)
    assert [d.source for d in docs] == ["汇编.pdf#1&page=2", "汇编.pdf#2&page=4"]
