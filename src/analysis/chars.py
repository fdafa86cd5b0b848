"""Character classes of Chinese official text, shared by reading, cleaning, metadata and parsing."""

#: Han characters: CJK Extension A, the Unified Ideographs block, and compatibility ideographs.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"

#: Numerals of heading markers ("(二)", "十五、") as the cleaning steps recognise them.
HEADING_NUMERALS = "一二三四五六七八九十百零〇"
