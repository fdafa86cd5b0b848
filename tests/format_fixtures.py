"""Test files in every format a policy is published in, built in code (nothing downloaded).

:func:`layout` sets paragraphs on A4 pages as a government PDF does (title centred,
paragraphs indented two characters and wrapped at the margin, headings in fake bold:
the same glyphs drawn twice 0.4 pt apart, an optional running header and page numbers);
:func:`write_pdf` (matplotlib's PDF backend, the project's CJK font embedded as TrueType so
the text is extractable) and :func:`write_ofd` (zipped XML, GB/T 33190) print that layout;
:func:`write_docx` writes the paragraphs (and a table) with python-docx;
:func:`write_image_pdf` a scan: pages holding only an image.
"""

from __future__ import annotations

import functools
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

A4 = (595.0, 842.0)  # points
MARGIN = 72.0
TOP = 90.0
SIZE = 11.0
LEADING = 1.7
BOLD_OFFSET = 0.4  # points between the two copies of a fake-bold glyph
HEADING = re.compile(r"^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])")
SEED_POLICY = Path(__file__).resolve().parents[1] / "seeds" / "003_79a8ab2064712b58.txt"


def seed_policy_paragraphs() -> list[str]:
    """The 陕西 seed policy (陕政办发〔2018〕47号) as printed: title to date (the web page lines dropped)."""
    lines = [ln.strip() for ln in SEED_POLICY.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return lines[1:-1]


@dataclass(frozen=True)
class Item:
    """One printed line: text, left x and top y in points, font size, drawn in fake bold."""

    text: str
    x: float
    top: float
    size: float = SIZE
    bold: bool = False


@functools.cache
def _em(ch: str) -> float:
    """Advance width of one character in the project's CJK font, in ems (measured by matplotlib)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import TextToPath

    from analysis.plotting.base import cjk_font_path

    prop = FontProperties(fname=cjk_font_path(), size=100)
    width, _h, _d = TextToPath().get_text_width_height_descent(ch, prop, ismath=False)
    return width / 100 if ch.strip() else 0.3


def _units(text: str) -> float:
    """Width of ``text`` in ems."""
    return sum(_em(ch) for ch in text)


def _wrap(text: str, first: float, width: float) -> list[str]:
    """``text`` cut into lines of at most ``width`` ems, the first ``first`` ems narrower (indent)."""
    lines, cur, avail = [], "", width - first
    for ch in text:
        if _units(cur + ch) > avail:
            lines.append(cur)
            cur, avail = "", width
        cur += ch
    return [*lines, cur] if cur else lines


def layout(
    paragraphs: list[str], *, header: str | None = None, page_numbers: bool = False, lines_per_page: int = 38
) -> list[list[Item]]:
    """The paragraphs set on pages: the first centred as the title, headings in fake bold, the rest indented."""
    width = (A4[0] - 2 * MARGIN) / SIZE
    flat: list[tuple[str, float, bool]] = []
    for k, para in enumerate(paragraphs):
        if k == 0:
            flat.append((para, (A4[0] - _units(para) * SIZE) / 2, True))
            continue
        bold = bool(HEADING.match(para))
        indent = 0.0 if re.fullmatch(r"\d{4}年\d+月\d+日|.{2,20}(办公厅|政府)", para) else 2.0
        for i, line in enumerate(_wrap(para, indent, width)):
            flat.append((line, MARGIN + (indent * SIZE if i == 0 else 0.0), bold))
    pages = []
    for start in range(0, len(flat), lines_per_page):
        page = [
            Item(text, x, TOP + j * SIZE * LEADING, SIZE, bold)
            for j, (text, x, bold) in enumerate(flat[start : start + lines_per_page])
        ]
        number = len(pages) + 1
        if header:
            page.append(Item(header, MARGIN, 40.0, 9.0))
        if page_numbers:
            label = f"- {number} -"
            page.append(Item(label, (A4[0] - _units(label) * 9.0) / 2, A4[1] - 50.0, 9.0))
        pages.append(page)
    return pages


def write_pdf(path: Path, pages: list[list[Item]]) -> Path:
    """Print laid-out pages to a PDF with the CJK font embedded as TrueType (pdf.fonttype 42); returns the path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.font_manager import FontProperties

    from analysis.plotting.base import cjk_font_path

    font = cjk_font_path()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for page in pages:
            fig = plt.figure(figsize=(A4[0] / 72, A4[1] / 72))
            for item in page:
                fp = FontProperties(fname=font, size=item.size)
                y = 1 - (item.top + item.size * 0.88) / A4[1]
                for dx in (0.0, BOLD_OFFSET) if item.bold else (0.0,):
                    fig.text((item.x + dx) / A4[0], y, item.text, fontproperties=fp)
            pdf.savefig(fig)
            plt.close(fig)
    return path


def write_image_pdf(path: Path, n_pages: int = 2) -> Path:
    """A scan: a PDF whose pages hold only an image (no text layer); returns the path."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np
    from matplotlib.backends.backend_pdf import PdfPages

    rng = np.random.default_rng(0)
    with PdfPages(path) as pdf:
        for _ in range(n_pages):
            fig = plt.figure(figsize=(A4[0] / 72, A4[1] / 72))
            fig.figimage(rng.random((200, 150)), xo=50, yo=50)
            pdf.savefig(fig)
            plt.close(fig)
    return path


def write_unmapped_pdf(path: Path, n_glyphs: int = 20) -> Path:
    """A PDF whose font maps glyphs to no Unicode (Identity-H, no ToUnicode): unreadable text; returns the path.

    Written byte by byte: one page showing ``n_glyphs`` glyph ids of a CID font.
    """
    content = b"BT /F1 12 Tf 72 700 Td <" + b"".join(b"%04X" % (100 + i) for i in range(n_glyphs)) + b"> Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun"
        b" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def write_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> Path:
    """A .docx of the paragraphs, the first as a heading, and a table after them; returns the path."""
    import docx

    document = docx.Document()
    for k, para in enumerate(paragraphs):
        document.add_paragraph(para, style="Title" if k == 0 else None)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                t.cell(r, c).text = value
    section = document.sections[0]
    section.header.paragraphs[0].text = "陕西省人民政府办公厅文件"  # a running header: not body text
    document.save(str(path))
    return path


_OFD_NS = "http://www.ofdspec.org/2016"
_MM = 25.4 / 72  # millimetres per point


def write_ofd(path: Path, pages: list[list[Item]], *, images: bool = False) -> Path:
    """Print laid-out pages to an OFD package (mm); ``images`` adds an image to each page; returns the path."""

    def xml(body: str) -> str:
        return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}'

    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "OFD.xml",
            xml(
                f'<ofd:OFD xmlns:ofd="{_OFD_NS}" Version="1.0" DocType="OFD"><ofd:DocBody>'
                "<ofd:DocInfo><ofd:DocID>test</ofd:DocID></ofd:DocInfo>"
                "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
            ),
        )
        refs = "".join(f'<ofd:Page ID="{k + 1}" BaseLoc="Pages/Page_{k}/Content.xml"/>' for k in range(len(pages)))
        z.writestr(
            "Doc_0/Document.xml",
            xml(
                f'<ofd:Document xmlns:ofd="{_OFD_NS}"><ofd:CommonData><ofd:PageArea>'
                f"<ofd:PhysicalBox>0 0 {A4[0] * _MM:.2f} {A4[1] * _MM:.2f}</ofd:PhysicalBox></ofd:PageArea>"
                f"</ofd:CommonData><ofd:Pages>{refs}</ofd:Pages></ofd:Document>"
            ),
        )
        uid = 100
        for k, page in enumerate(pages):
            objects = []
            for item in page:
                size = item.size * _MM
                width = _units(item.text) * size
                for dx in (0.0, BOLD_OFFSET * _MM) if item.bold else (0.0,):
                    uid += 1
                    steps = " ".join(f"{_em(ch) * size:.3f}" for ch in item.text[:-1])
                    objects.append(
                        f'<ofd:TextObject ID="{uid}" Boundary="{item.x * _MM + dx:.3f} {item.top * _MM:.3f} '
                        f'{width:.3f} {size * 1.2:.3f}" Font="1" Size="{size:.3f}">'
                        f'<ofd:TextCode X="0" Y="{size:.3f}" DeltaX="{steps}">{_escape(item.text)}</ofd:TextCode>'
                        "</ofd:TextObject>"
                    )
            if images:
                objects.append('<ofd:ImageObject ID="9" Boundary="10 10 100 100" ResourceID="1"/>')
            z.writestr(
                f"Doc_0/Pages/Page_{k}/Content.xml",
                xml(
                    f'<ofd:Page xmlns:ofd="{_OFD_NS}"><ofd:Content><ofd:Layer ID="{k + 1}">'
                    f"{''.join(objects)}</ofd:Layer></ofd:Content></ofd:Page>"
                ),
            )
    return path


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
