"""Sentence compression for the offline summarizer: cut what a news lead (sapo) leaves out.

A journalist's lead restates the story's first sentence without its scaffolding: the outlet it
came from ("Theo báo X, ", "VOV đưa tin, "), the bare dateline ("Ngày 24/3, "), the personal
details in parentheses ("(SN 1973, trú tại ...)") and any other aside in parentheses
("(WHO)", "(tương đương 2 tỷ đồng)"), the closing attribution of a quote
("..., ông Hưng nói."), and the framing phrase a body sentence opens with ("Trao đổi với báo
chí bên lề hội nghị, ", "Tuy nhiên, "), which only made sense in its paragraph. Each rule
below removes one such piece by pattern only; none guesses at meaning, so numbers and names in
the kept part are never touched (the guard relies on it). A cut that would take a word the
caller wants kept (``keep``: the headline's words) is not made.

Deletion-based compression in the spirit of Knight & Marcu (2002) and Clarke & Lapata (2008),
with hand-written rules instead of a learned model, since tinbot runs offline.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import astuple, dataclass
from typing import Callable

from bot.lexicon import MONTH, OUTLET_NAMES
from bot.textstats import strip_diacritics, syllables

# Fewer words than this left after a cut: the cut took the substance, keep the original.
MIN_WORDS = 6

# "Theo báo X, ", "Như VOV đã đưa tin, ", "Thông tin trên báo X, ": the outlet the news came
# from. Not anyone whose view, forecast or plan the sentence gives ("Theo ông Hùng, ", "Theo các
# chuyên gia, ", "Theo Bộ Xây dựng, ", "Theo kế hoạch, "): without them a claim, advice or
# forecast would read as the paper's own, or as done.
_GENERIC_OUTLET = r"(?:báo(?!\s+cáo)|tờ|trang|đài|hãng(?:\s+tin)?|kênh|tạp\s+chí|thông\s+tấn\s+xã|cổng\s+thông\s+tin)"
_SOURCE_LEAD = re.compile(
    rf"^(?:(?:theo|thông tin (?:trên|từ))\s+(?:(?:{OUTLET_NAMES})\b|{_GENERIC_OUTLET}\s+(?P<name>\w))[^,]{{0,50}}?"
    rf"|như\s[^,]{{0,50}}?đưa tin),\s+", re.I)


def _source_lead(text: str, p: "_Patterns") -> str:
    """``text`` without a lead-in naming the outlet it came from; "báo", "trang", "kênh" count
    only before a name ("Theo báo Tuổi Trẻ, ", not "Theo trang bị mới, ")."""
    match = p.source_lead.match(text)
    if match is None or (match.group("name") and not match.group("name").isupper()):
        return text
    return text[match.end():]


# "Zing đưa tin, ", "Hãng tin Reuters đưa tin, ", "Báo X cho hay, " before the news itself.
_OUTLET_LEAD = re.compile(
    r"^[^,]{2,50}?\s(?:đưa tin|dẫn nguồn tin[^,]{0,30}|đưa tin cho biết)\s*,\s+", re.I)
# A bare dateline: "Ngày 24/3, ", "Chiều 18-5, ", "Sáng nay (10-8), ", "Tối qua, ", "Hôm 5/2, ".
_PART_OF_DAY = r"(?:rạng\s+)?(?:sáng|trưa|chiều|tối|đêm|khuya)"
_DAY = r"\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?"
_DATE_LEAD = re.compile(
    rf"^(?:vào\s+)?(?:{_PART_OF_DAY}\s+)?(?:ngày\s+|hôm\s+)?(?:{_DAY}|nay|qua|hôm qua|hôm nay)"
    rf"(?:\s*\({_DAY}\))?\s*,\s+", re.I)
# A place-and-date dateline before a dash: "Hà Nội, ngày 12/3/2024 – ", "HANOI, March 12, 2024 - ".
_PLACE_DATELINE = re.compile(
    rf"^[^\W\d][\w .]{{1,30}}?,\s*(?:(?:ngày\s+)?{_DAY}|{MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)\s*[–—-]\s+", re.I)
# Personal details in parentheses: "(SN 1973, trú tại ...)", "(32 tuổi, ngụ ...)".
_PERSON_DETAILS = re.compile(r"\s*\((?:SN|sinh năm|\d+\s+tuổi|ngụ|trú|quê)\b[^()]*\)", re.I)
# Any other aside in parentheses: an acronym ("(WHO)"), a gloss ("(tương đương 2 tỷ đồng)"), a
# locator ("(phường 22, quận Bình Thạnh)"). A lead names the thing once and moves on; the aside
# explains it for a reader already deep in the story. Up to 80 characters: a longer bracket is
# more likely a whole clause the sentence needs.
_ASIDE = re.compile(r"\s*\([^()]{1,80}\)")
# A closing attribution after a quote or a clause: ', ông Sửu nói.', ', Reuters đưa tin.'
_REPORT_VERB = (r"(?:nói(?: thêm)?|cho biết(?: thêm)?|cho hay|chia sẻ|khẳng định|nhấn mạnh|"
                r"đưa tin|tiết lộ|bày tỏ|nhận định|thông tin|kể|giải thích|lưu ý)")
_TRAILING_ATTRIBUTION = re.compile(rf"([^,]{{20,}}?)[”\"']?\s*,\s*[^,]{{2,60}}?\s{_REPORT_VERB}\s*\.?$", re.I)
# A framing phrase up to the first comma: a connective ("Tuy nhiên, ", "Trước đó, "), or a
# phrase of occasion, place, time or purpose ("Phát biểu tại lễ khánh thành, ", "Trong diễn
# biến mới nhất, ", "Liên quan đến vụ việc, ", "Để giảm ùn tắc, "). Sapos drop these. A phrase
# holding a number stays: it may scope a figure ("Trong 6 tháng đầu năm, xuất khẩu đạt ...").
_CONNECTIVE = (r"tuy nhiên|trước đó|sau đó|theo đó|ngoài ra|bên cạnh đó|đồng thời|trong khi đó|do đó|"
               r"vì vậy|vì thế|thậm chí|đặc biệt|mặt khác|cùng ngày|ngay sau đó|tiếp đó|cụ thể|như vậy|"
               r"lúc này|hiện nay|hiện tại")
# Not "Tại Đà Nẵng, ", "Trên địa bàn tỉnh, ", "Từ ngày mai, ": where and from when the news holds
# is news (on the dev summaries, cutting these changed no summary).
_FRAME_HEAD = (r"trao đổi|phát biểu|trả lời|chia sẻ với|nói với|tiếp xúc|làm việc với|bên lề|liên quan|"
               r"trong|trước|sau|khi|ngay|giữa|qua|với|để|nhằm|về|đối với|"
               r"nhân|hồi|dù|mặc dù|(?:đầu|cuối) (?:tuần|tháng|năm|giờ)")
# A phrase naming a period ("Trong năm ngoái, ", "Trong tuần qua, ") scopes the figures after it,
# as a number does. A moment ("Phát biểu tại buổi lễ sáng nay, ") is a dateline and goes.
_TIME_WORDS = r"năm|tháng|tuần|quý|mùa|giai đoạn|thời gian"
# "Khi đó, giá vàng có thể lên 155 triệu" holds only if what the sentence before says happens:
# without "khi đó" the forecast would read as a flat claim.
_FRAMING = re.compile(rf"^(?!khi (?:đó|ấy)\b)(?:(?:{_CONNECTIVE})|(?:{_FRAME_HEAD})\b(?![^,]*?\b(?:{_TIME_WORDS})\b)[^,“”\"()\d]{{0,120}}?)\s*,\s+", re.I)

# A short clause before a comma, at least half of its words capitalised: a title and an office in
# apposition ("Giám đốc Sở Y tế Hà Nội, ..."). It belongs to the name before it, so a cut that
# takes the name ("Theo ông Nguyễn Văn Bình, ") and leaves it would break the sentence.
_APPOSITION = re.compile(r"^([^,]{2,80}),\s")
APPOSITION_WORDS = 12
# A person named in a lead-in, then a short clause: "Theo ông X, phó giám đốc sở, ..." (the
# clause is his title); a longer one is the news itself ("Theo ông X, Trung Quốc kiên quyết ...").
_PERSON = re.compile(r"\b(?:ông|bà|anh|chị|TS|ThS|PGS|GS|BS|bác sĩ|luật sư|kỹ sư|nhà báo|chuyên gia)\.?\s+\w", re.I)
PERSON_APPOSITION_WORDS = 10


@dataclass(frozen=True)
class _Patterns:
    """The patterns whose words carry diacritics, as written (for Vietnamese with its marks) or
    without the marks (for an article typed without them: "Theo do, tu ngay 1/7, ...")."""

    source_lead: re.Pattern
    outlet_lead: re.Pattern
    date_lead: re.Pattern
    place_dateline: re.Pattern
    person_details: re.Pattern
    trailing_attribution: re.Pattern
    framing: re.Pattern


def _unmarked(pattern: re.Pattern) -> re.Pattern:
    return re.compile(strip_diacritics(pattern.pattern), pattern.flags)


_MARKED = _Patterns(_SOURCE_LEAD, _OUTLET_LEAD, _DATE_LEAD, _PLACE_DATELINE, _PERSON_DETAILS, _TRAILING_ATTRIBUTION, _FRAMING)
_UNMARKED = _Patterns(*(_unmarked(p) for p in astuple(_MARKED)))

Rule = Callable[[str, _Patterns], str]


def _cut(pick: Callable[[_Patterns], re.Pattern], repl: str = "", count: int = 1) -> Rule:
    """Replace the first ``count`` matches of the picked pattern (0: every match)."""
    return lambda text, p: pick(p).sub(repl, text, count=count)


def _leads(text: str, p: _Patterns) -> str:
    """Strip the source and dateline lead-ins, in whatever order they come."""
    for _ in range(3):
        before = text
        text = _source_lead(text, p)
        for pattern in (p.place_dateline, p.outlet_lead, p.date_lead):
            text = pattern.sub("", text, count=1)
        if text == before:
            break
    return text


def _aside(match: re.Match) -> str:
    """Cut an aside, unless it is a short label right after a figure ("84,5 triệu đồng/lượng (mua
    vào), 86,5 triệu đồng/lượng (bán ra)" would lose which price is which) or the figure in other
    units ("cấp 15 (150-166 km/h)", "25 USD (khoảng 600.000 đồng)": found by a user test; on
    summarization-dev R1 37.4 → 37.5, R2 21.1)."""
    before = match.string[: match.start()].rstrip()
    after_figure = re.search(r"\d[\w%/.,]*(?:\s+\S+){0,3}$", before)
    inside = match.group(0).strip(" ()")
    label = len(inside.split()) <= 3 and after_figure and not re.search(r"\d", inside)
    # "cấp 15 (150-166 km/h)", "25 USD (khoảng 600.000 đồng)": the figure in other units
    converted = after_figure and re.search(r"\d", inside) and len(inside.split()) <= 5
    return match.group(0) if label or converted else ""


def _trailing_attribution(text: str, p: _Patterns) -> str:
    if text.lstrip().startswith(("“", '"', "'")):
        return text  # a quotation keeps its speaker: without it, it reads as the paper's own claim
    match = p.trailing_attribution.match(text)
    return match.group(1).rstrip(" ,") + "." if match else text


# A sentence that introduces a list ("... các nhóm giải pháp chính:") ends a summary sentence
# without the list it announced, so it ends as a statement.
_COLON_END = re.compile(r"\s*:\s*$")

RULES: dict[str, Rule] = {
    "colon_end": lambda text, p: _COLON_END.sub(".", text, count=1),
    "leads": _leads,
    "person_details": _cut(lambda p: p.person_details),
    "asides": lambda text, p: _ASIDE.sub(_aside, text),  # every aside, not just the first
    "trailing_attribution": _trailing_attribution,
    "framing": _cut(lambda p: p.framing),
}


def compress(text: str, rules: tuple[str, ...] = tuple(RULES), keep: frozenset[str] = frozenset(),
             unmarked: bool = False) -> str:
    """``text`` with the lead-ins, personal details, other parenthetical asides, closing
    attribution and framing phrase cut (as ``rules`` says); ``unmarked``: Vietnamese typed
    without diacritics, matched so.

    A cut that would leave fewer than ``MIN_WORDS`` words, or remove one of the syllables in
    ``keep`` (lowercase, as ``bot.textstats.syllables`` gives them), is not made. The result
    starts with a capital letter like the original.
    """
    patterns = _UNMARKED if unmarked else _MARKED
    out = text
    for name in rules:
        cut = RULES[name](out, patterns).strip()
        if len(cut.split()) >= MIN_WORDS and not _loses(out, cut, keep) and not _orphans_apposition(out, cut):
            out = cut
    if out != text and out:
        out = out[0].upper() + out[1:]
    return out


def _orphans_apposition(before: str, after: str) -> bool:
    """Whether a cut of ``before``'s opening leaves ``after`` opening with an apposition: a
    capitalised title ("Giám đốc Sở Y tế Hà Nội, "), or any short clause after a person's name
    ("Theo TS Trần Thị Lan, chuyên gia dịch tễ, ...")."""
    clause = _APPOSITION.match(after)
    if clause is None or after == before or not before.endswith(after):
        return False
    words = clause.group(1).split()
    if _PERSON.search(before[: len(before) - len(after)]) and len(words) <= PERSON_APPOSITION_WORDS:
        return True
    return 0 < len(words) <= APPOSITION_WORDS and 2 * sum(w[0].isupper() for w in words) >= len(words)


def _loses(before: str, after: str, keep: frozenset[str]) -> bool:
    """Whether cutting ``before`` down to ``after`` removes a syllable of ``keep``."""
    if not keep:
        return False
    remaining = Counter(syllables(after))
    return any(n > remaining[t] for t, n in Counter(syllables(before)).items() if t in keep)
