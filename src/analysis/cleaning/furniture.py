"""Web-page furniture: boilerplate lines, trailer starts and repeated lead paragraphs."""

from __future__ import annotations

import re

from .script import converter, detect_script

__all__ = ["TRAILER_START_PATTERN", "is_boilerplate_line", "strip_page_furniture"]


#: Lines that end an article's page (editor note, share prompt, reading
#: suggestions); also used by the page parser to cut the trailer.
TRAILER_START_PATTERN = r"^[(（]?责编[:：]|^分享[:：]|分享让更多人看到|^推荐阅读"

_BOILERPLATE_PATTERNS = [
    r"^[•·●▪◆■□\-\*]\s*\S{0,8}$",  # navigation bullets: "• 官方微信", "• 手机版"
    r"扫描?二维码|扫一扫|关注我们|关注.{0,12}(微信|微博|公众号)|分享到|转发到|一键分享",
    r"copyright|©|版权所有|all rights reserved|icp[备證证]|[京津沪冀豫川陕鲁][bB]\d-|公网安备",
    r"^(责任)?编辑[:：]|^审核[:：]|^校对[:：]|^作者[:：]|^来源[:：]\S{0,20}$|^责任编辑",
    r"^(联系)?电话[:：]|^传真[:：]|^(电子)?邮箱[:：]|^e-?mail[:：]|^地址[:：]|^邮编[:：]",
    r"^https?://\S+$|^www\.\S+$",
    r"点击(下载|查看|排行)|^[【\[(（]?\s*(返回顶部|上一篇|下一篇|我要纠错)",
    # short only: 关闭 also starts sentences (关闭落后产能…)
    r"^[【\[(（]?\s*(打印|关闭|收藏)(?=.{0,24}$)|^.{0,30}(打印本页|关闭窗口|打印此页)\S{0,4}$|^【\s*字号",
    r"^(标签|相关阅读|相关链接|推荐|专题|更多|热点|评论|新浪微博评论)[:：]?$",
    r"已有\d+条(微评|评论)|还可以输入\s*\d+\s*个字",
    r"(阅读|浏览|访问|点击)次数|选择阅读字号|字号[:：]?\s*\[|【\s*(大|中|小)\s*】|【?\s*字体[:：]\s*大\s*中\s*小",
    r"^[•·]?\s*(索\s*引\s*号|公文种类|发布机构|发文机关|发文字号|成文日期|发布日期|文\s*号|有\s*效\s*性|主题分类|主\s*题\s*词|标\s*题)\s*[:：]",
    r"网站运营|技术支持[:：]|主办单位[:：]|承办单位[:：]|^主办[:：]|承办[:：]|协办[:：]|网站标识码|网站地图|免责声明|隐私(声明|政策)",
    r"^(关于我们|联系我们|版权声明|网站声明)\s*([|｜·]|$)",
    r"^\(?信息来源[:：].*\)?$",
    TRAILER_START_PATTERN,
    r"(\.\.\.|…)$",  # truncated teaser headlines in "related articles" lists
]
_BOILERPLATE_RE = [re.compile(p, re.I) for p in _BOILERPLATE_PATTERNS]


def is_boilerplate_line(line: str) -> bool:
    """True for a line of web-page furniture: navigation, share/QR prompts,
    copyright, editor and contact lines, download links, truncated teasers.

    Works on simplified or traditional text (patterns are matched on the
    simplified form).
    """
    s = line.strip()
    if not s:
        return False
    s = converter("t2s").convert(s) if detect_script(s, threshold=0.0) == "traditional" else s
    return any(p.search(s) for p in _BOILERPLATE_RE)


def strip_page_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split page lines into (kept, removed) by :func:`is_boilerplate_line`,
    and drop lead paragraphs the page prints twice.

    A line is a duplicate if the same line (>= 8 characters) appeared before,
    or if it is a truncated prefix (>= 8 characters) of a later line among the
    first 15 lines, which is how scraped pages repeat their lead.  Returns the
    kept lines and the removed ones (for the loader's report).
    """
    kept: list[str] = []
    removed: list[str] = []
    seen: set[str] = set()
    stripped = [ln.strip() for ln in lines]
    for idx, s in enumerate(stripped):
        if not s:
            continue
        if is_boilerplate_line(s):
            removed.append(s)
            continue
        if len(s) >= 8 and s in seen:
            removed.append(s)
            continue
        if len(s) >= 8 and idx < 15 and any(o != s and o.startswith(s) for o in stripped[idx + 1 : idx + 6]):
            removed.append(s)
            continue
        seen.add(s)
        kept.append(s)
    return kept, removed
