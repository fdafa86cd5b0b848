"""The one table writer: CSV/Parquet, and the Excel workbook read back with Chinese intact."""

import pandas as pd
import pytest

from analysis.io.tables import EXCEL_CELL_LIMIT, write_table, write_workbook


@pytest.fixture
def documents():
    return pd.DataFrame(
        {
            "doc_id": ["2018-provincial-陕西-a08599", "undated-county-unknown-9f8e7d"],
            "title": ["陕西省人民政府办公厅关于加快推进全省新型智慧城市建设的指导意见", "某县数字乡村方案"],
            "year": pd.array([2018, pd.NA], dtype="Int64"),
            "is_excerpt": [False, True],
            "share": [0.25, float("nan")],
        }
    )


def test_workbook_reads_back_with_chinese_types_and_missing_values(tmp_path, documents):
    path = write_workbook({"documents": documents}, tmp_path / "tables")
    assert path.name == "tables.xlsx"
    back = pd.read_excel(path, sheet_name="documents")
    assert list(back.columns) == list(documents.columns)
    assert back.title.tolist() == documents.title.tolist()
    assert back.doc_id[0] == "2018-provincial-陕西-a08599"
    assert back.year[0] == 2018 and pd.isna(back.year[1])
    assert back.is_excerpt.tolist() == [False, True]
    assert back.share[0] == 0.25 and pd.isna(back.share[1])
    assert pd.ExcelFile(path).sheet_names == ["documents"]  # no notes sheet when nothing was changed


def test_header_frozen_and_columns_sized_to_their_content(tmp_path, documents):
    import openpyxl

    sheet = openpyxl.load_workbook(write_workbook({"documents": documents}, tmp_path / "t.xlsx"))["documents"]
    assert sheet.freeze_panes == "A2"
    widths = {c: sheet.column_dimensions[c].width for c in "ABCDE"}
    assert widths["B"] == 60  # 31 Chinese characters = 62 columns wide, capped at 60
    assert widths["D"] == len("is_excerpt") + 2
    assert widths["A"] == len("undated-county-unknown-9f8e7d") + 2


def test_long_cells_are_cut_with_a_note_never_silently(tmp_path):
    text = "智慧城市" * 10_000  # 40,000 characters
    path = write_workbook({"documents": pd.DataFrame({"doc_id": ["a"], "text": [text]})}, tmp_path / "t.xlsx")
    back = pd.read_excel(path, sheet_name=None)
    cell = back["documents"].text[0]
    assert len(cell) <= EXCEL_CELL_LIMIT
    assert cell.endswith("of 40,000 characters; the CSV holds all]")
    shown = int(cell.split("first ")[1].split(" of")[0].replace(",", ""))
    assert cell[:shown] == text[:shown]
    assert back["notes"].note.tolist() == [
        f"row 2, column text: first {shown:,} of 40,000 characters (Excel's cell limit)"
    ]


def test_sheet_names_are_cut_unique_and_long_tables_continue_on_further_sheets(tmp_path):
    long_name = "04_reuse_passages_between_central_and_local_documents"
    tables = {long_name: pd.DataFrame({"a": [1]}), long_name + "_2": pd.DataFrame({"a": [2]}),
              "rows": pd.DataFrame({"n": range(5)}), "bad:name?": pd.DataFrame({"a": ["控制\x07字符"]})}  # fmt: skip
    path = write_workbook(tables, tmp_path / "t.xlsx", max_rows=2)
    names = pd.ExcelFile(path).sheet_names
    assert all(len(n) <= 31 for n in names) and len({n.lower() for n in names}) == len(names)
    assert names[:2] == [long_name[:31], long_name[:29] + "~2"]
    assert names[2:5] == ["rows", "rows (2)", "rows (3)"]
    back = pd.read_excel(path, sheet_name=None)
    assert pd.concat([back[n] for n in names[2:5]]).n.tolist() == [0, 1, 2, 3, 4]
    assert back["bad_name_"].a[0] == "控制\ufffd字符"
    notes = back["notes"].note.tolist()
    assert "rows 5-5 of 5 of table 'rows'" in notes
    assert any("control character" in n for n in notes)
    assert any("name cut" in n for n in notes)


def test_csv_keeps_a_bom_for_excel(tmp_path, documents):
    (csv,) = write_table(documents, tmp_path / "documents")
    assert csv.read_bytes().startswith(b"\xef\xbb\xbf")


def test_a_table_over_max_table_rows_keeps_its_first_rows_with_a_note(tmp_path):
    tables = {"uses": pd.DataFrame({"n": range(7)}), "small": pd.DataFrame({"a": ["甲", "乙"]})}
    path = write_workbook(tables, tmp_path / "t.xlsx", max_table_rows=3)
    back = pd.read_excel(path, sheet_name=None)
    assert back["uses"].n.tolist() == [0, 1, 2]
    assert back["small"].a.tolist() == ["甲", "乙"]  # at or under the cap: untouched
    assert back["notes"].to_dict("records") == [
        {
            "sheet": "uses",
            "note": "first 3 of 7 rows of table 'uses' (the workbook keeps at most 3 rows per table; "
            "its CSV and Parquet files hold all)",
        }
    ]
    # without a cap every row is kept and no note is written
    assert "notes" not in pd.ExcelFile(write_workbook(tables, tmp_path / "all.xlsx")).sheet_names
