"""Whether a sentence holds an answer of the asked kind: a number, a date, a name, a reason,
a consequence.

``bot.question`` turns "bao nhiêu", "khi nào", "ai", "ở đâu", "tại sao", "hậu quả ... là gì"
into an answer type; ``has_type`` then looks for something of that kind in a candidate sentence
that the question does not already name ("Việt Nam" in "ai là trưởng đoàn Việt Nam?" is not the
answer). A question that asks for several things ("những nước nào") is answered by an enumeration, which
``enumerates`` recognises. The patterns are hand-written for Vietnamese news and Wikipedia
prose, with a few English forms.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.guard import find_names
from bot.lexicon import MONTH
from bot.orthography import words
from bot.textstats import strip_diacritics, syllables

if TYPE_CHECKING:
    from bot.question import Query

_NUMBER_WORDS = (r"hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|ngàn|triệu|tỷ|tỉ|một nửa|một phần"
                 r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
                 r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
                 r"|hundreds?|thousands?|millions?|billions?|dozens?|half|a third|a quarter")
# A match's score, not a date: "thắng Thái Lan 2-1", "với tỷ số 2-1", "won 3-0".
_SCORE_PATTERN = r"\b(?:tỷ số|tỉ số|thắng|thua|hòa|hoà|score|won|beat|lost|drew)\b[^.\d]{0,25}?\d{1,2}\s*[-–]\s*\d{1,2}(?![\d/-])"
# A share of a whole: "ít nhất 2/3 nghị sĩ", "1/3 số phiếu" (a bare "2/3" is a date), "đa số", "quá bán".
_FRACTION = (r"\b(?:ít nhất|tối thiểu|khoảng|hơn|gần|chừng|trên|dưới|chiếm|at least|about|over|nearly)\s+\d{1,2}/\d{1,2}(?![\d/])"
             r"|(?<![\d/])\d{1,2}/\d{1,2}(?=\s+(?:số|tổng số|dân số)\b)|\b(?:đa số|quá bán|two[- ]thirds|majority)\b")
# A quantity, not a date: "năm 1896", "ngày 11", "15/9" are times, "1.000 người" a number.
_NUMBER = re.compile(
    r"(?<!\bnăm )(?<!\bngày )(?<!\btháng )(?<!\bkỷ )(?<![\d/.,-])(?!(?:1\d{3}|20\d{2})\b)\d+(?:[.,]\d+)*(?![\d/-])"
    # A range with its unit: "sóng cao 5-7 m", "17-19 độ C" (a bare "6-11" may be a date).
    r"|(?<!\bngày )(?<!\btháng )(?<![\d/.,-])\d+(?:[.,]\d+)?\s*[-–]\s*\d+(?:[.,]\d+)?(?=\s*[^\W\d_]|\s*[%°])"
    r"|\b(?:" + _NUMBER_WORDS + r")\b(?!\s+\d)"
    r"|" + _FRACTION +
    r"|" + _SCORE_PATTERN,
    re.I,
)
_SCORE = re.compile(_SCORE_PATTERN, re.I)
# Years, day/month dates, "năm 1942", "thế kỷ 19", and spans back in time: "4 tỷ năm trước",
# "7000 trước Công Nguyên", "the 1990s".
_TIME = re.compile(
    r"\b(?:1\d{3}|20\d{2})\b|\d{1,2}[/-]\d{1,2}|\b(?:năm|tháng|ngày|thế kỷ|thập niên)\s+(?:thứ\s+)?\d"
    r"|\d\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*năm\s+(?:trước|sau)|\btrước công nguyên\b|\b(?:TCN|BC|AD)\b"
    r"|\b(?:in|since|until|by)\s+\d{3,4}\b|\b(?:thế kỷ|thế kỉ)\s+[IVXL]+\b"
    r"|\b\d{1,2}(?:h\d{0,2}|:\d{2}|\s+giờ)\b"   # a time of day: "15h", "15h30", "7:45", "8 giờ"
    rf"|\b{MONTH}\s+\d{{1,2}}\b|\b\d{{1,2}}\s+{MONTH}(?!\w)"   # "April 22", "22 April"
    r"|\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow)\b"
    # A month or a year named by its place in time: "in October", "since June", "last year".
    rf"|\b(?:in|since|until|by|from|before|after|early|late|mid|last|next|this)[\s-]+{MONTH}\b"
    r"|\b(?:last|next|this|previous|coming)\s+(?:year|month|week|quarter|decade)\b",
    re.I,
)
# A share: "3,5%", "14.3 percent", "16 phần trăm".
_PERCENT = re.compile(r"\d\s*%|\d\s+(?:phần trăm|percent)\b", re.I)
_REASON = re.compile(r"\b(?:vì|do|bởi|nhờ|nên|nguyên nhân|lý do|lí do|because|since|due to)\b", re.I)
# A quotation or a reported statement: what someone said.
_SPEECH = re.compile(r"[“\"«]|\b(?:nói|cho biết|cho hay|chia sẻ|khẳng định|nhấn mạnh|cho rằng|bày tỏ|phát biểu|"
                     r"said|says|told)\b", re.I)
_PURPOSE = re.compile(r"\b(?:để|nhằm|mục đích|mục tiêu|in order to|so that|aims? to)\b", re.I)
# A name right after a place preposition, perhaps with place nouns between: "tại châu Phi",
# "chìm ngoài khơi thành phố Sokcho", "lật trên quốc lộ 1A đoạn qua huyện Hàm Thuận Nam", "gần bờ
# biển tỉnh Quảng Ngãi"; or right after an administrative noun, which names a place whatever
# stands before it ("UBND huyện Tuy An", "TP.HCM").
_PLACE_PREPOSITIONS = (r"ở|tại|từ|đến|tới|sang|khắp|ngoài khơi|ngoài|trên|dưới|gần|giữa|quanh|ven|thuộc|đoạn qua"
                       r"|đi qua|khu vực|địa bàn|in|at|from|to|near|off")
_ADMINISTRATIVE = r"thành phố|TP\.?|thủ đô|tỉnh|huyện|quận|thị xã|thị trấn|xã|phường|bang|vùng biển"
_PLACE_NOUNS = (_ADMINISTRATIVE + r"|nước|quốc gia|châu|vùng|miền|đảo|làng|thôn|ấp|khu vực|địa bàn|bờ biển|biển|cửa biển"
                r"|sông|đèo|núi|hồ|vịnh|quốc lộ|tỉnh lộ|cao tốc|đường|phố|cầu|khu|\w*\d\w*"
                # venues: "diễn ra tại công viên Biển Đông", "ở sân vận động Mỹ Đình", "tại sân bay Nội Bài"
                r"|công viên|sân vận động|sân bay|nhà thi đấu|bãi biển|bến|cảng|chợ|trung tâm")
_PLACE_WORD = re.compile(
    rf"(?:\b(?:{_PLACE_PREPOSITIONS})\s+(?:(?:{_PLACE_NOUNS})\s+){{0,4}}|(?<!\w)(?:{_ADMINISTRATIVE})\s*)$",
    re.I,
)
PLACE_REACH = 40  # characters before a name where its preposition may stand: "ngoài khơi thành phố "

# An enumeration: "A, B, C và D" or "gồm: A, B". Items are short runs between commas,
# semicolons or a colon; the last may join two with a coordinator ("C và D").
_ITEM_SEPARATOR = re.compile(r"[;:]|(?<!\d),|,(?!\d)")  # not a decimal comma: "11,4"
_COORDINATOR = re.compile(r"\s(?:và|hoặc|hay|cùng|and|or)\s", re.I)
UNIT_REACH = 3    # syllables from a number to its unit: "150 tỷ đồng", "35 tấn bùn thải"
MAX_ITEM = 6      # syllables: a list item is a short noun phrase, not a clause
MIN_ITEMS = 3     # two things joined by "và" are no list; three are
# "Tại sao xây cầu?" is answered by a cause ("do ...") or by a purpose ("... nhằm giảm tải"): news
# gives the reasons for a decision as its aims (qa-dev and qa-own figures unchanged; found by a user test).
_WHY = re.compile(_REASON.pattern + "|" + _PURPOSE.pattern, re.I)
# "Hậu quả ... là gì?", "kết quả gì?" are answered by what something caused: "Bão khiến 3 người
# chết", "... dẫn đến mất điện", "... góp phần giảm ca bệnh". The mirror of a reason ("do ...").
_CONSEQUENCE = re.compile(r"\b(?:khiến|dẫn đến|dẫn tới|gây|kéo theo|làm cho|góp phần|nhờ đó|nhờ vậy|vì vậy|vì thế"
                          r"|do đó|do vậy|bởi vậy|cho nên|kết quả là|hậu quả là|caus(?:e|es|ed|ing)|led to|leads? to"
                          r"|result(?:s|ed|ing)? in|as a result)\b", re.I)
# "Bé bị sao?" asks what happened to someone: what they suffered or escaped ("bị kẹt tay", "bị bắt
# gặp quăng hành lý", "may mắn không bị ...", "thoát chết").
_SUFFERED = re.compile(r"\b(?:bị|gặp nạn|tử vong|thiệt mạng|thoát|suýt)\b", re.I)
_TYPE_PATTERNS = {"suffered": _SUFFERED, "number": _NUMBER, "time": _TIME, "reason": _WHY, "purpose": _PURPOSE, "percent": _PERCENT,
                  "score": _SCORE, "speech": _SPEECH, "consequence": _CONSEQUENCE}
NAME_KINDS = ("person", "place", "entity")  # answered by a name the question does not hold


def has_type(text: str, query: "Query") -> bool:
    """Whether ``text`` holds something of the asked kind that the question does not already name."""
    kind = query.answer_type or ""
    pattern = _TYPE_PATTERNS.get(kind)
    if pattern is not None:
        return any(_new(m.group(0), query) for m in pattern.finditer(text))
    if kind not in NAME_KINDS:
        return False
    for name in find_names(text):
        folded = set(words(name))
        if folded <= query.asked or {strip_diacritics(w) for w in folded} <= query.asked:
            continue  # "Việt Nam" in "ai là trưởng đoàn Việt Nam?" is not the answer
        start = text.find(name)
        if kind != "place" or _PLACE_WORD.search(text[max(0, start - PLACE_REACH) : start]):
            return True
    return False


def has_unit(text: str, query: "Query") -> bool:
    """Whether ``text`` holds a number followed, within ``UNIT_REACH`` syllables, by one of the
    units the question counts in ("3.800 hộ dân" for "bao nhiêu hộ", "150 tỷ đồng" for "bao
    nhiêu tiền")."""
    tokens = words(text) if query.accented else [strip_diacritics(t) for t in words(text)]
    units = query.units if query.accented else {strip_diacritics(u) for u in query.units}
    return any(any(c.isdigit() for c in token) and units & set(tokens[i + 1 : i + 1 + UNIT_REACH])
               for i, token in enumerate(tokens))


def enumerates(text: str) -> bool:
    """Whether ``text`` lists at least ``MIN_ITEMS`` short items, as answers to "những ... nào" do.

    The part before the first separator also holds the lead-in ("Đoàn gồm A, B và C"), so it
    counts as one item whatever its length; so does the last part unless a coordinator splits
    it into two short ones.
    """
    parts = _ITEM_SEPARATOR.split(text)
    if len(parts) < 2:
        return False
    items = 1 + sum(1 for part in parts[1:-1] if 0 < len(syllables(part)) <= MAX_ITEM)
    last = _COORDINATOR.split(" " + parts[-1] + " ", maxsplit=1)
    if len(last) == 2 and all(0 < len(syllables(p)) <= MAX_ITEM for p in last):
        items += 2
    elif 0 < len(syllables(parts[-1])) <= MAX_ITEM:
        items += 1
    return items >= MIN_ITEMS


def _new(span: str, query: "Query") -> bool:
    """A number or date the question already names ("năm 1973, Hawking ...") is no answer."""
    digits = re.findall(r"\d+", span)
    return not digits or not set(digits) <= set(query.asked)
