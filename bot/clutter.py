"""Recognise the page furniture that comes along with a pasted news article.

Each rule looks at one paragraph (pasted pages put one item per line). Rules match a folded
copy of the text (lowercase, no diacritics, đ → d) so "826 lượt xem" and "826 luot xem", and
text typed without accents, are recognised alike. ``bot.ingest`` decides with the context
(position, neighbours) what a paragraph is; this module only answers "could it be ...?".
"""
from __future__ import annotations

import re
import unicodedata
from enum import Enum

from bot.lexicon import MONTH, MONTHS
from bot.textstats import strip_diacritics


class Kind(str, Enum):
    BODY = "body"
    TITLE = "title"
    DATE = "date"          # "Thứ 2, 25/11/2024, 14:35[GMT+7]", "Chủ nhật, 07/11/2021 | 09:17:34"
    COUNTER = "counter"    # "826 lượt xem", "Lượt xem: 50"
    CAPTION = "caption"    # "Ảnh: TTXVN", "Ảnh minh họa", "Quang cảnh hội nghị"
    SOURCE = "source"      # "Theo: nhandan.vn", "Nguồn: VnExpress", "Source: Reuters"
    BYLINE = "byline"      # "PV", "Nhóm PV", "By John Smith", a name alone on the last line
    RELATED = "related"    # "Xem thêm", "Tin liên quan", "Bình luận", tags, share buttons, breadcrumbs
    AD = "ad"              # "Quảng cáo: ...", "- Quảng cáo - ...", "Advertisement", "Sponsored"


def fold(text: str) -> str:
    """Lowercase ASCII-ish form for matching: "Lượt Xem" → "luot xem", "Đà Nẵng" → "da nang"."""
    return strip_diacritics(text).lower()


_DATE_PATTERNS = (
    re.compile(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})\b"),
    re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"),
    re.compile(r"\bngay (\d{1,2}) thang (\d{1,2}),? nam (\d{4})\b"),
    re.compile(rf"\b({MONTH}) (\d{{1,2}})(?:st|nd|rd|th)?,? (\d{{4}})\b"),
    re.compile(rf"\b(\d{{1,2}}) ({MONTH}),? (\d{{4}})\b"),
)
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?(?: ?(?:am|pm|sa|ch))?"
_WEEKDAY = (r"thu (?:hai|ba|tu|nam|sau|bay|[2-7])\b|chu nhat|\bcn\b|\bt[2-7]\b"
            r"|(?:mon|tues|wednes|thurs|fri|satur|sun)day|\b(?:mon|tue|wed|thu|fri|sat|sun)\b")
_COUNTER = r"[\d.,]+ ?(?:luot (?:xem|doc|thich|chia se)|binh luan|views?|reads?|comments?|likes?|shares?)\b" \
           r"|(?:luot (?:xem|doc)|views?)\s*:?\s*[\d.,]+"
_FILLER = (r"\b(?:cap nhat|ngay dang|dang luc|dang|luc|ngay|gio|thoi gian|da xem|updated?|published|posted|"
           r"seen|last|on|at)\b|gmt ?[+-] ?\d{1,2}|utc(?: ?[+-] ?\d{1,2})?|\bict\b")
_DATE_TOKENS = re.compile("|".join(p.pattern for p in _DATE_PATTERNS) + rf"|{_TIME}|{_WEEKDAY}|{_FILLER}")
_COUNTER_RE = re.compile(_COUNTER)
_SEPARATORS = set(" ,.|-–—:/[]()•·")
_SYMBOLS = {"So", "Sk", "Mn", "Cf"}  # emoji, their modifiers and joiners

_CAPTION_START = re.compile(r"^\(?(?:anh|photo|image|nguon anh|do hoa|graphic|credit)\s*:")
_CAPTION_ONLY = re.compile(r"^\(?(?:anh|hinh) (?:minh hoa|chup man hinh|tu lieu|internet)\)?\.?$")
_CAPTION_CREDIT = re.compile(r"(?:[.!|\-–—]\s*|\()(?:anh|photo|image|nguon anh)\s*:\s*[^:]{1,60}\)?\.?$"
                             r"|\((?:anh|hinh) minh hoa\)\.?$|\b(?:getty images|ap photo[^)]*)\)?\.?$")
# "... November 7, 2024. REUTERS/Thanh Hue": a wire photo credit closing an English caption.
_AGENCY_CREDIT = re.compile(r"\b(?:REUTERS|AFP|AP|EPA|TTXVN|VNA|XINHUA)/[^\s/][^/]{0,40}$")
# Short describing sentences that caption a photo even with a final period:
# "Quang cảnh hội nghị.", "Đồng chí X phát biểu tại buổi làm việc.", "... chụp ảnh lưu niệm."
_CAPTION_PHRASE = re.compile(r"^(?:quang canh|toan canh|cac dai bieu|dai bieu du|cac dong chi lanh dao)\b"
                             r"|\bphat bieu(?: [^\s,]+){0,3} tai\b|\bchup anh (?:luu niem|chung)\b"
                             r"|\btrao (?:tang|qua|bang khen|giay khen|quyet dinh|hoa)\b|\btang qua\b")
_REPORTING = re.compile(r"\b(?:cho biet|nhan manh|khang dinh|yeu cau|de nghi|ghi nhan|bay to|neu ro|chia se|"
                        r"said|says|noi)\b|[\"“”:]")
_SOURCE = re.compile(r"^\(?(?:theo|nguon|source|via)\b\s*(:?)\s*(.+?)\)?\.?$")
_OUTLET_WORDS = {"bao", "trang", "tap", "dai", "kenh", "hang", "thong", "cong"}
_BYLINE = re.compile(r"^(?:by|(?:additional )?reporting by|writing by|editing by|(?:bai|tin|bai va anh|tin va anh|bai, anh|tin, anh"
                     r"|phong van|thuc hien|nhom thuc hien)\s*:)\s"
                     r"|^(?:nhom )?(?:pv|ctv|btv|phong vien|nhom phong vien)(?:\s*[-–/,&]\s*\S+)*$")
_REPORTER_NAMED = re.compile(r"^(?:Nhóm\s+)?(?:Phóng viên|PV|CTV|BTV)\s+(?=\S)")
_RELATED = re.compile(r"^(?:xem them|doc them|tin lien quan|bai lien quan|bai viet lien quan|tin cung chuyen muc|"
                      r"tin khac|co the ban quan tam|binh luan|gui binh luan|y kien ban doc|chia se|share|tags?|"
                      r"tu khoa|chu de|related|read more|see also|comments?|in bai|print|quay lai|tro ve|"
                      r"ve dau trang|theo doi|follow us|facebook|twitter|zalo|email|tweet|nghe bai viet|co chu|luu bai viet|"
                      r"doc nhieu(?: nhat)?|xem nhieu(?: nhat)?|tin moi nhat|tin noi bat|quan tam nhat|moi nhat|"
                      r"bai viet co huu ich khong|dang nhap|dang ky|most read|most popular|listen to this article)\b\s*(:?)")
_RELATED_HEADER = re.compile(r"^(?:xem them|doc them|tin lien quan|bai lien quan|bai viet lien quan|tin cung chuyen muc|"
                             r"tin khac|co the ban quan tam|tin noi bat|doc nhieu(?: nhat)?|xem nhieu(?: nhat)?|tin moi nhat"
                             r"|related(?: stories| articles)?|read more|see also|most read)\s*:?$")
# The page's comment section ("Bình luận (23)", "Ý kiến bạn đọc", "Comments"): everything after
# it is readers' comments and the page's own lists, punctuated or not.
_COMMENTS_HEADER = re.compile(r"^(?:binh luan|y kien|y kien ban doc|gui binh luan|viet binh luan|thao luan|comments?"
                              r"|dang nhap de binh luan)\s*(?:\(\s*[\d.,]+k?\s*\))?\s*:?$")
_CLOSING_HEADER = re.compile(r"^(?:thong tin lien he(?: bao chi)?|lien he bao chi|lien he truyen thong|media contacts?"
                             r"|press contacts?|for more information,? contact|noi nhan)\s*:?$")
# A live blog's furniture: "Cập nhật liên tục diễn biến ...", "Bài viết đang được cập nhật...".
_LIVE_NOTE = re.compile(r"^(?:bai viet |tin |noi dung |trang )?(?:dang (?:duoc )?cap nhat|tiep tuc cap nhat|cap nhat lien tuc"
                        r"|this (?:story|article|page) (?:is being|will be) updated|live updates?)\b")
_SHARE_WORDS = {"facebook", "twitter", "zalo", "email", "share", "like", "tweet", "print", "in", "chia", "se", "copy", "link"}
_LEAD_PREFIX = re.compile(r"^(?P<head>[^\s\-–—][^\-–—]{0,38}?)\s+[\-–—]+\s+(?=\S)")
# "Trang Dung (t/h)", "Bá Di (Tổng hợp)", "Vũ Anh (Theo TASS)": a compiler's credit note.
_CREDIT_NOTE = re.compile(r"\((?:t ?/ ?h|tong hop|theo [^()]+)\)$")
# An ad's label, set off by a colon or a dash, or alone: "Quảng cáo thuốc lá bị cấm" is news.
_AD = re.compile(r"^\W*(?:quang cao|advertisement|sponsored(?: content)?|noi dung tai tro|tai tro boi)\s*(?:[:\-–—|]|$)")
_AD_LABEL = re.compile(r"^\W*(?:quang cao|advertisement|sponsored(?: content)?|noi dung tai tro)\W*$")
_LONGEST_CLUTTER = 600  # characters; a caption with its credit is the longest clutter seen
_TERMINAL = ".!?…"


def classify(paragraph: str) -> Kind:
    """What ``paragraph`` is when taken alone: clutter of some kind, or body text."""
    if len(paragraph) > _LONGEST_CLUTTER:
        return Kind.BODY
    folded = fold(paragraph).strip()
    words = folded.split()
    if _is_dateline(folded):
        return Kind.DATE if any(p.search(folded) for p in _DATE_PATTERNS) or re.search(_TIME, folded) else Kind.COUNTER
    if _CAPTION_START.match(folded) or _CAPTION_ONLY.match(folded):
        return Kind.CAPTION
    if len(words) <= 60 and (_CAPTION_CREDIT.search(folded) or _AGENCY_CREDIT.search(paragraph)):
        return Kind.CAPTION
    if _is_source(paragraph, folded):
        return Kind.SOURCE
    if _AD.match(folded):
        return Kind.AD
    credits = folded.startswith(("reporting by", "writing by", "additional reporting", "editing by"))
    if (len(words) <= 8 or credits) and _BYLINE.search(folded) and paragraph[-1:] not in _TERMINAL:
        return Kind.BYLINE
    if len(words) <= 6 and _REPORTER_NAMED.match(paragraph) and all(w[:1].isupper() for w in _REPORTER_NAMED.sub("", paragraph).split()):
        return Kind.BYLINE  # "Phóng viên Đức Anh", "Nhóm PV Hà Nội"
    if _is_related(folded, words) or _is_section_menu(paragraph) or _is_breadcrumb(paragraph) or _COMMENTS_HEADER.match(folded):
        return Kind.RELATED
    return Kind.BODY


def _is_dateline(folded: str) -> bool:
    """Only dates, times, weekdays, view counters and separators ("CN, 07/11/2021 | 09:17")."""
    if len(folded) > 80:
        return False
    rest = _COUNTER_RE.sub(" ", folded)
    had_counter = rest != folded
    if had_counter:  # "👍 1,2K 💬 356 bình luận ↪️ 89 lượt chia sẻ": reactions beside the counts
        rest = re.sub(r"[\d.,]+k?\b", " ", "".join(" " if unicodedata.category(ch) in _SYMBOLS else ch for ch in rest))
    rest = _DATE_TOKENS.sub(" ", rest)
    has_date = bool(re.search(_TIME, folded)) or any(p.search(folded) for p in _DATE_PATTERNS)
    return (has_date or had_counter) and all(ch in _SEPARATORS for ch in rest)


def _is_source(paragraph: str, folded: str) -> bool:
    """ "Theo: nhandan.vn", "Nguồn: VnExpress", "(Theo TTXVN)"; not "Theo báo cáo của Bộ, ..."."""
    m = _SOURCE.match(folded)
    if not m or len(folded.split()) > 10:
        return False
    if m.group(1):  # a colon: "Theo: ...", "Nguồn: ..."
        return True
    rest = source_of(paragraph) or ""
    first = rest.split()[0] if rest.split() else ""
    named = first[:1].isupper() or "." in first or fold(first) in _OUTLET_WORDS
    # "Theo Bộ Y tế, số ca mắc tăng": a sentence that goes on after a comma in lowercase.
    goes_on = any(m.group(1).islower() for m in re.finditer(r",\s*(\w)", rest))
    return named and not goes_on and paragraph.rstrip(")")[-1:] not in "!?…,;"


def source_of(line: str) -> str | None:
    """The outlet a source line or lead prefix names: "Theo: nhandan.vn" → "nhandan.vn"."""
    text = line.strip().strip("()").strip()
    parts = text.split(None, 1)
    if parts and fold(parts[0]).rstrip(":") in ("theo", "nguon", "source", "via"):
        text = parts[1] if len(parts) > 1 else ""
    text = text.lstrip(":").strip().rstrip(".").strip("()").strip()
    return text or None


def _is_related(folded: str, words: list[str]) -> bool:
    """Share buttons, tag lists, breadcrumbs, "Xem thêm: ...", "Tin liên quan"."""
    m = _RELATED.match(folded)
    if m and (m.group(1) or (len(words) <= 8 and folded[-1:] not in _TERMINAL)):
        return True
    if len(words) <= 20 and _LIVE_NOTE.match(folded):
        return True
    if words and all(w.startswith("#") for w in words):
        return True
    if re.match(r"^\W*(?:chuyen tiep tu|forwarded (?:from|message))\b", folded):  # a chat app's forward label
        return True
    if re.match(r"^(?:trang|page)\s+\d+(?:\s*(?:/|of|tren)\s*\d+)?$", folded):  # a PDF's page number
        return True
    if words and all(w.strip(",|·") in _SHARE_WORDS for w in words if w.strip(",|·")):
        return True
    if len(words) <= 12 and folded[-1:] not in _TERMINAL and bool(re.search(r"\s[>»›]\s", folded)):
        return True
    if len(words) <= 25 and re.match(r"^\s*(?:>>|»|►|▶|▸|⇒|→)", folded) and folded[-1:] != ".":
        return True  # ">> Doanh nghiệp xăng dầu báo lỗ quý III": a link to another article
    # A menu: "Trang chủ | Thời sự | Kinh tế | Đăng nhập" (a table row holds figures).
    items = [item.split() for item in folded.split("|")]
    return len(items) >= 3 and all(1 <= len(item) <= 3 for item in items) and not re.search(r"\d", folded)


def _is_breadcrumb(paragraph: str) -> bool:
    """A site's path to the article with bars: "Thời sự | Giao thông". Two sections are enough
    (a menu has three or more, ``_is_related``); each opens with a capital, so "nhanh | gọn" in a
    line of text is not one."""
    items = [item.strip() for item in paragraph.split("|")]
    return (len(items) == 2 and all(1 <= len(item.split()) <= 3 and item[:1].isupper() for item in items)
            and not re.search(r"[\d.,:;!?]", paragraph))


def _is_section_menu(paragraph: str) -> bool:
    """A site's section menu copied without its separators: "Mới nhất Thời sự Góc nhìn Thế giới
    Kinh doanh". Each section is one or two words opening with a capital; a headline's capitals
    are its first word and names, which run together ("Bộ trưởng Nguyễn Văn Thắng thăm Lào")."""
    words = paragraph.split()
    if not 4 <= len(words) <= 16 or re.search(r"[\d.,:;!?\"“”()]", paragraph):
        return False
    sections: list[list[str]] = []
    for word in words:
        if word[:1].isupper():
            sections.append([word])
        elif sections:
            sections[-1].append(word)
        else:
            return False
    pairs = [s for s in sections if len(s) == 2 and s[1][:1].islower()]
    # A headline with names may alternate too ("Ông Trump gặp Tổng thống Putin tại Alaska"), but
    # its names stand alone: a menu's sections are nearly all two words.
    return all(len(s) <= 2 for s in sections) and len(pairs) >= 4 and len(sections) - len(pairs) <= 1


# An official document's header (the administrative layout of Nghị định 30/2020/NĐ-CP): the
# issuer in capitals, the national motto, "Số: 45/2025/NĐ-CP", "Hà Nội, ngày 14 tháng 3 năm
# 2025", then the document's type in capitals and its subject on the next line.
_DOCUMENT_TYPE = re.compile(r"^(?:nghi dinh|quyet dinh|thong tu(?: lien tich)?|luat|bao cao|ke hoach|cong van|chi thi|"
                            r"nghi quyet|to trinh|thong bao|phap lenh|de an|huong dan|chuong trinh|cong dien|thong cao(?: bao chi)?)$")
_MOTTO = re.compile(r"^(?:cong hoa xa hoi chu nghia viet nam|doc lap\s*-\s*tu do\s*-\s*hanh phuc)\W*$")
_DOCUMENT_NUMBER = re.compile(r"^so\s*:\s*\S+\s*$")


def document_type(line: str) -> bool:
    """"NGHỊ ĐỊNH", "BÁO CÁO": the type line of an official document, in capitals."""
    words = line.split()
    return bool(words) and all(w.isupper() for w in words) and bool(_DOCUMENT_TYPE.match(fold(line).strip()))


def is_motto(line: str) -> bool:
    """"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"."""
    return bool(_MOTTO.match(fold(line).strip()))


def document_number(line: str) -> str | None:
    """"Số: 45/2025/NĐ-CP" → "45/2025/NĐ-CP"."""
    return line.strip().split(":", 1)[1].strip() if _DOCUMENT_NUMBER.match(fold(line).strip()) else None


def is_ad_label(paragraph: str) -> bool:
    """An ad's label on a line of its own ("QUẢNG CÁO", "Advertisement"): the ad is the next line."""
    return bool(_AD_LABEL.match(fold(paragraph).strip()))


def is_comments_header(paragraph: str) -> bool:
    """The header of the readers' comments under an article ("Bình luận (23)", "Ý kiến (45)"), of
    a press release's contacts ("Thông tin liên hệ báo chí:") or of a document's recipients ("Nơi
    nhận:"): what follows it to the end is no part of the story."""
    folded = fold(paragraph).strip()
    return bool(_COMMENTS_HEADER.match(folded) or _CLOSING_HEADER.match(folded))


def is_related_header(paragraph: str) -> bool:
    """A header such as "Tin liên quan" after which the page lists other articles' titles."""
    return bool(_RELATED_HEADER.match(fold(paragraph).strip()))


def is_caption(paragraph: str, first: bool, previous: str | None = None, after_lead: bool = False,
               punctuated: bool = True) -> bool:
    """A body paragraph that captions a photo, judged with its place in the article.

    Two shapes: a describing line without final punctuation, either right after the lead and
    10–30 words long or worded like a caption ("Quang cảnh hội nghị"), and a short describing sentence such as "Quang cảnh hội nghị."
    or "Đồng chí X phát biểu tại buổi làm việc.". Other unpunctuated lines are subheadings
    ("HĐND TP sẽ họp để quyết chính sách") and stay. The lead (``first``), list items and
    lines after a colon are never captions: dropping a real sentence costs more than keeping
    a caption. Nor is a line that reports what someone said ("... cho biết cầu dài 400 m"), or,
    in a paste whose body is mostly not ``punctuated``, any line merely for lacking a period.
    """
    if first or paragraph[:1] in "-+•*–" or (previous or "").endswith(":"):
        return False
    folded = fold(paragraph)
    words = folded.split()
    worded = bool(_CAPTION_PHRASE.search(folded)) and not _REPORTING.search(folded) \
        and not folded.startswith("phat bieu")
    if paragraph.rstrip("”’»)\"'")[-1:] not in _TERMINAL + ":;":
        if _REPORTING.search(folded):
            return False
        if not punctuated:
            return worded and len(words) <= 12
        # "Thậm chí, ông ..." opens with a connective and a comma: prose that lost its period.
        connective = re.match(r"^[^\s,]+(?: [^\s,]+)?,", paragraph)
        # Subheadings are short ("Điện Kremlin tuyên bố sẵn sàng đáp trả", 7 words); a caption
        # under the lead photo describes a scene and runs longer.
        shaped = len(words) <= 30 and not _sentence_marks(paragraph) and not connective
        return shaped and ((after_lead and len(words) >= 10) or (worded and len(words) >= 3))
    single = not _sentence_marks(paragraph.rstrip(_TERMINAL))
    return single and len(words) <= 30 and worded


def _sentence_marks(text: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"[.!?…]\s+([^\W\d_])", text) if m.group(1).isupper()]


def is_trailer(paragraph: str) -> bool:
    """A byline-like last line: a short name ("Minh Anh", "NGUYỄN VĂN A", "Hà Linh - Tuấn Anh")."""
    words = [w for w in paragraph.replace("(", " ").replace(")", " ").split() if w not in "-–—/&,"]
    if not words or len(words) > 7 or len(paragraph) > 70 or paragraph.rstrip(".")[-1:] in _TERMINAL + ":;,":
        return False
    if classify(paragraph) is not Kind.BODY or _CREDIT_NOTE.search(fold(paragraph)):
        return True
    named = sum(w[:1].isupper() for w in words)
    # A name ends a byline; "Phở Hà Nội rất ngon." ends with what is said of one.
    return named / len(words) >= 0.6 and words[-1].rstrip(".")[:1].isupper()


# A byline's label before the name: "Bài và ảnh:", "Phóng viên", "Phỏng vấn:", "By".
_BYLINE_LABEL = re.compile(r"^(?:(?:bài|tin)(?:\s*(?:và|,)\s*ảnh)?|phóng viên|nhóm phóng viên|nhóm pv|pv|ctv|phỏng vấn|thực hiện"
                           r"|nhóm thực hiện|by|reporting by|writing by)\b\s*:?\s*", re.I)


def byline_name(byline: str) -> str | None:
    """Who a byline credits: "Bài và ảnh: Minh Anh" → "Minh Anh", "Phóng viên Đức Anh" → "Đức Anh",
    "Huyền Lê (Theo AFP)" → "Huyền Lê"; None when no name is left."""
    name = re.sub(r"\s*\([^()]*\)\s*$", "", _BYLINE_LABEL.sub("", byline.strip())).strip(" .-–—")
    named = name.split()
    return name if 1 <= len(named) <= 6 and name[:1].isupper() and not re.search(r"\d", name) else None


def trailer_source(byline: str) -> str | None:
    """The outlet credited in a byline: "Huyền Lê (Theo AFP)" → "AFP"."""
    m = re.search(r"\((?:theo|nguồn|nguon|source|via)\s*:?\s*([^()]+)\)", byline, re.IGNORECASE)
    return m.group(1).strip() if m else None


def is_prose(paragraph: str) -> bool:
    return classify(paragraph) is Kind.BODY


def strip_lead_prefix(paragraph: str) -> tuple[str, str | None]:
    """Split "(Chinhphu.vn) - Ngày 6/11, ..." / "TTO - ..." / "HÀ NỘI (Reuters) - ..." off the lead."""
    m = _LEAD_PREFIX.match(paragraph)
    if not m:
        return paragraph, None
    head = m.group("head").strip()
    outside = re.sub(r"\([^()]*\)", "", head).strip()
    if outside and (outside.upper() != outside or not any(ch.isalpha() for ch in outside)) and not _wire_dateline(outside):
        return paragraph, None  # "Ông A - Chủ tịch ...": an ordinary sentence, not a dateline
    if not outside and not head.startswith("("):
        return paragraph, None
    return paragraph[m.end():], head


def _wire_dateline(text: str) -> bool:
    """A place in capitals and a day or a country: "HANOI, Nov 6", "HÀ NỘI, 6/11", "HOI AN,
    Vietnam" (a wire story's dateline)."""
    m = re.match(rf"^([^\W\d][^\W\d .]*(?:[ .]+[^\W\d][^\W\d .]*)*)\s*,\s*(?:{MONTH}\.?\s+\d{{1,2}}|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
                 r"|ngày\s+\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?"
                 r"|(?P<country>[^\W\d_]+(?: [^\W\d_]+){0,2}))$", text, re.I)
    if not m or m.group(1).upper() != m.group(1):
        return False
    # A country is written with capitals ("Vietnam", "Hàn Quốc"): not "ăn uống" (a marked lowercase
    # letter is no capital, as a character range from À to Ỹ would have it).
    return m.group("country") is None or all(word[0].isupper() for word in m.group("country").split())


def _place_name(head: str) -> bool:
    """"HÀ NỘI", "TP.HCM", "ĐÀ NẴNG": a dateline's place, written with a space, a dot or a tone
    mark; an outlet's code is one unmarked word ("TTO", "VOV", "PLO")."""
    return bool(re.search(r"[\s.]", head)) or any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", head))


def prefix_source(head: str) -> str | None:
    """The outlet in a lead prefix: "(Chinhphu.vn)" → "Chinhphu.vn", "TTO" → "TTO"; none in a
    place's dateline alone ("HOI AN, Vietnam")."""
    inner = re.search(r"\(([^()]+)\)", head)
    if inner is None and (_wire_dateline(head.strip()) or _place_name(head.strip())):
        return None
    return (inner.group(1) if inner else head).strip() or None


def normalize_date(line: str) -> str | None:
    """The first date in ``line`` as DD/MM/YYYY ("Chủ nhật, 7/11/2021 | 09:17" → "07/11/2021")."""
    folded = fold(line)
    for n, pattern in enumerate(_DATE_PATTERNS):
        m = pattern.search(folded)
        if not m:
            continue
        a, b, c = m.groups()
        if n == 1:
            day, month, year = c, b, a
        elif n == 3:
            day, month, year = b, _month_number(a), c
        elif n == 4:
            day, month, year = a, _month_number(b), c
        else:
            day, month, year = a, b, c
        if len(year) == 2:
            year = "20" + year
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            return f"{int(day):02d}/{int(month):02d}/{year}"
    return None


def _month_number(name: str) -> int:
    return MONTHS[name.rstrip(".")]
