"""Citation context: whether a name in 《》 or a 文号 in running text is another document's.

A 公文 cites the documents it implements in its opening sentence ("为贯彻落实《X》(国发〔2017〕35号)
精神", "根据《X》要求", "按照…部署"): a name or number standing there is never the citing
document's own title or 文号, however much it looks like one.  Two marks tell a citation, each
within the clause (between commas) that holds the name: a citing verb before it (根据, 按照, 依据,
贯彻, 落实, 参照, 遵照, 对照, 执行), or a word after it that refers to what the cited text asks
(精神, 要求, 部署, 等文件).
"""

from __future__ import annotations

import re

__all__ = ["in_citation"]

_CITING_VERB_RE = re.compile(r"根据|按照|依据|贯彻|落实|参照|遵照|对照|执行")
# what follows a cited name, after its 文号 in brackets if printed: "《X》(…号)精神", "《X》等文件要求"
_CITED_NOUN_RE = re.compile(r"^(?:[(（][^()（）]{0,30}[)）])?\s*(?:精神|要求|部署|等文件|有关规定|的规定|的要求)")
# where a clause starts: sentence ends, commas, colons (the clause a citing verb governs)
_CLAUSE_START = "。！？!?；;，,：:\n"


def in_citation(text: str, start: int, end: int | None = None) -> bool:
    """True when the name or number at ``text[start:end]`` is cited: its clause (from the last
    comma, colon or sentence end before ``start``) holds a citing verb before it, or the name is
    followed by 精神/要求/部署/等文件 (``end`` is where the name, with its closing 》, ends;
    only the verb is checked when ``end`` is None).  False otherwise."""
    clause_start = max(text.rfind(ch, 0, start) for ch in _CLAUSE_START) + 1
    if _CITING_VERB_RE.search(text[clause_start:start]):
        return True
    return end is not None and bool(_CITED_NOUN_RE.match(text[end : end + 40]))
