"""Character classes shared by the cleaning and metadata steps."""

#: Han characters: CJK Extension A, the Unified Ideographs block, and compatibility ideographs.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
