"""Character-level normalisation: width, layout spaces, ruby pinyin, NFKC.

Each function is ``str -> str``, idempotent, and leaves clean simplified text unchanged.
"""

from __future__ import annotations

import re
import unicodedata

from ..chars import CJK

__all__ = ["count_ruby_pinyin", "nfkc", "normalize_spaces", "normalize_width", "remove_ruby_pinyin"]

_WIDTH_TABLE: dict[int, int | None] = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_WIDTH_TABLE.update(
    {
        0x3000: 0x20,  # ideographic space
        0x00A0: 0x20,  # no-break space, common in scraped HTML
        0x2002: 0x20,
        0x2003: 0x20,
        0x2009: 0x20,
        0x200B: None,  # zero-width space
        0x200C: None,
        0x200D: None,
        0xFEFF: None,  # stray BOM inside text
        0x00AD: None,  # soft hyphen
    }
)
# Keep the CJK punctuation that has no ASCII twin meaningful in Chinese text
# (、。《》“”〔〕【】) untouched: only the FF01-FF5E block and spaces are folded.


def normalize_width(text: str) -> str:
    """Fold full-width ASCII (，（１Ａ) to half-width and odd spaces to ' '.

    The seeds already use half-width ``,()::`` so folding makes a researcher's
    corpus (usually full-width) comparable with them.  Carriage returns become
    newlines; trailing spaces on each line are removed.
    """
    text = text.translate(_WIDTH_TABLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[ \t]+\n", "\n", text)
    return text.rstrip(" \t")


# --------------------------------------------------------------------------- spaces

# Three or more single characters separated by single spaces: a letter-spaced
# name ("国 土 资 源 部").  PDFs glue such runs to neighbouring words, so no
# boundary is required; genuine text never spaces out single characters.
_LETTER_SPACED = re.compile(f"((?:[{CJK}] ){{2,}}[{CJK}])")


def normalize_spaces(text: str) -> str:
    """Remove layout spaces: letter-spaced names and spaces around digits in CJK text.

    "科 学 技 术 部" -> "科学技术部"; "2014 年 8 月" -> "2014年8月";
    "国发 2021 29号" keeps the one space that separates two numbers.
    Single spaces between multi-character words ("中共中央 国务院") are kept,
    as that is how joint issuers are printed.  Runs of spaces become one.
    """
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = _LETTER_SPACED.sub(lambda m: m.group(1).replace(" ", ""), text)
    text = re.sub(f"(?<=[{CJK}]) (?=[0-9A-Za-z%])", "", text)
    text = re.sub(f"(?<=[0-9A-Za-z%]) (?=[{CJK}])", "", text)
    text = re.sub(r"(?<=[“《(（、,，。:：]) | (?=[”》)）、,，。:：])", "", text)
    text = re.sub(r"^ +| +$", "", text, flags=re.M)
    return text


# --------------------------------------------------------------------------- ruby pinyin

# one reading: lowercase letters, toned or not ("guān", "de"); a gloss may list several
# readings of its character ("纲要(yào / yāo)", "了(le/liǎo)")
# readings (a letter-spaced heading spaces its glosses too: "據(j ù)"); a space between the
# character and its bracket is the same layout ("產 (chǎn)")
_LETTER = "[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]"
_READING = f"{_LETTER}(?: ?{_LETTER}){{0,6}}"
_PINYIN_RE = re.compile(rf"(?<=[{CJK}]) ?[(（]\s*({_READING}(?:\s*/\s*{_READING})*)\s*[)）]")
_TONED = set("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
_TONE_FREE = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ", "aaaaeeeeiiiioooouuuuüüüü")


# a plain (toneless) pinyin syllable: initial and final
_SYLLABLE_RE = re.compile(
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|er|ia|ie|iu|in|ua|uo|ui|un|ue|ve|ü|a|o|e|i|u|v)"
)


def _is_reading(part: str) -> bool:
    """Whether ``part`` is one pinyin syllable: toned, or plain of at least two letters (a lone
    letter "(a)" may be a list label)."""
    toned = bool(_TONED & set(part))
    if not toned and len(part) < 2:
        return False
    return bool(_SYLLABLE_RE.fullmatch(part.translate(_TONE_FREE)))


def _gloss_matches(text: str) -> list[re.Match[str]]:
    """The pinyin glosses in ``text``: a bracket right after a Han character whose every
    ``/``-separated part is a pinyin syllable ("关(guān)", "的(de)", "要(yào / yāo)"); an
    acronym ("(AI)", "(5G)") or a word that is no syllable stays.  A gloss after a space or with
    a space inside a reading ("產 (chǎn)", "據(j ù)": a letter-spaced line) counts only with a tone
    mark: "数据 (ai)" or "(a n)" may be other text."""
    found = []
    for m in _PINYIN_RE.finditer(text):
        parts = [p.strip() for p in m.group(1).split("/")]
        spaced = m.group().startswith(" ") or any(" " in p for p in parts)
        if all(_is_reading(p.replace(" ", "")) for p in parts) and (not spaced or _TONED & set(m.group(1))):
            found.append(m)
    return found


def remove_ruby_pinyin(text: str) -> str:
    """Remove pinyin that a page printed after hard characters: "关(guān)于" -> "关于".

    A bracket right after a Han character holding lowercase pinyin syllables, toned or not,
    one reading or several separated by "/" ("的(de)", "纲要(yào / yāo)"), is removed, with
    the layout space a page puts after a plain gloss; "(NB-IoT)", "(AI)", "(5G)" or "(以下简称)"
    stay.  Returns the text without the glosses.
    """
    # a page may gloss a character twice ("委(wei)(wei)"): each pass removes one gloss
    for _ in range(3):
        stripped = _remove_glosses_once(text)
        if stripped == text:
            break
        text = stripped
    return text


def _remove_glosses_once(text: str) -> str:
    """``text`` without the glosses :func:`_gloss_matches` finds (one per character)."""
    out, pos = [], 0
    for m in _gloss_matches(text):
        out.append(text[pos : m.start()])
        pos = m.end()
        toned = bool(_TONED & set(m.group(1)))
        if not toned and text[pos : pos + 1] == " " and re.match(f"[{CJK}，,、。:：;；)）》]", text[pos + 1 : pos + 2]):
            pos += 1  # the space a page puts after a plain gloss
    out.append(text[pos:])
    return "".join(out)


def count_ruby_pinyin(text: str) -> int:
    """Number of pinyin annotations :func:`remove_ruby_pinyin` would remove from ``text``."""
    return len(_gloss_matches(text))


def nfkc(text: str) -> str:
    """Unicode NFKC normalisation (exposed for researchers who want it)."""
    return unicodedata.normalize("NFKC", text)
