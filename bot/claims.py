"""Check the figure of a yes/no question against what the article says of the same thing.

"Có đúng là Tùng bị 9 năm tù không?" on "... tuyên phạt Nguyễn Văn Hưng 15 năm tù, Trần Thị Mai 9
năm tù và Lê Văn Tùng 7 năm tù ...": the part of the sentence about Tùng counts "7 năm", so the
article says otherwise. Only a counted figure is checked (a number and the word after it: "9
năm", "8 làn", "ba môn"; or hours of the day: "từ 6h đến 19h", "24/24").

A figure confirms a claim only when it is bound to what the question names (``_bind``): it
stands in the clause (list item) that has the question's words, and the name nearest to it is
the one asked about. "Taxi trả 50.000 đồng?" on "40.000 đồng đối với ôtô cá nhân, 30.000 đồng
đối với taxi và 50.000 đồng đối với xe tải" is a No (30.000 đồng), though 50.000 đồng is there;
"bà Thuý 43 tuổi?" is not confirmed by "ông Anh (43 tuổi)". When nothing binds the figure but
it stands in the best evidence, the reply says so rather than ✅ (``Verdict.sure``).

A question with no figure may still be denied by a sentence that negates its words: "có đúng là
thu phí chiều ra không?" on "Không thu phí đối với chiều xe ra trung tâm" (``_negation``).

"Có ai bị thương không?" asks whether anyone was hurt (``bot.question.existence_predicate``): a
clause that says so answers Yes ("khiến người phụ nữ này bị thương nặng"), one that negates it No
("không có ai bị thương", "không gây thương vong"; ``_existence``).

The claimed figure given for something else is named ("12 người khác bị thương", ``_counts_else``)
or its clause quoted ("mục tiêu tăng trưởng 3%"); where nothing binds it, what the question counts
given one other figure in the article is a No (``_subject``). Shares and units written against the
number ("58%", "120km"), a rate's period ("8.000 USD / giờ"), either of two figures ("8 hoặc 9
tiếng") and listed years ("năm 1998 và 2009") are read as such.

What the article only reports as an accusation, a suspicion or a rumour ("Công ty X bị tố lừa đảo
200 khách hàng", "nghi trộm xe", "Theo đơn tố cáo, ...") is never confirmed as fact:
``bot.claims_reported`` says so instead of ✅.
"""
from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Sequence

from bot.guard import number_values
from bot.lexicon import SMALL_NUMBERS
from bot.orthography import words
from bot.paraphrase import GROUPS
from bot.question import existence_predicate, is_yes_no
from bot.textstats import STOP_WORDS, strip_diacritics

# Vietnamese number words a count may be written with ("thi ba môn"); not "năm" (a year) nor "tư"
# or "một" ("một số"), which are mostly other words.
_NUMBER_WORDS = {w: n for w, n in SMALL_NUMBERS.items() if w not in ("một", "năm")}
# A scale word is no unit: "291 triệu bảng Anh" and "385 triệu USD" count other things.
_COUNT = re.compile(r"(?<![\w.,/-])(\d+(?:[.,]\d+)*|" + "|".join(_NUMBER_WORDS) + r")\s+"
                    r"((?:trăm|nghìn|ngàn|triệu|tỷ|tỉ|million|billion|thousand)\s+[^\W\d_]+|[^\W\d_]+)", re.I)
# "một" and "năm" count only people ("một người thiệt mạng", "năm công nhân"; ``_counts_people``):
# else they are mostly "a" ("một số", "một cách") and "year" ("năm nay").
_PEOPLE_COUNT = re.compile(r"(?<![\w.,/-])(một|năm)\s+([^\W\d_]+)", re.I)
# A unit written against its number ("20km", "60km2") or a share ("58%", "59 phần trăm"); the
# share's unit is "%".
_ATTACHED = re.compile(r"(?<![\w.,/-])(\d+(?:[.,]\d+)*)(?:\s*(%|phần\s+trăm|phan\s+tram|percent)"
                       r"|(km2|km²|m2|m²|km|cm|mm|kg|ha|m))(?!\w)", re.I)
_PERCENT = "%"
# Two figures of one unit, either or from one to the other: "8 hoặc 9 tiếng", "12-17 tuổi", "từ 50
# đến 80 người". Either confirms nothing for sure; neither is a No.
_RANGE = re.compile(r"(?<![\w.,/-])(\d+(?:[.,]\d+)*)\s*(?:hoặc|hoac|-|–|đến|den|tới|toi|or|to)\s*"
                    r"(\d+(?:[.,]\d+)*)(?:\s+|(?=%))(%|[^\W\d_]+)", re.I)
# The rest of a unit of several words: "6,2 triệu Đô la Mỹ", "bảng Anh", "nhân dân tệ".
_UNIT_REST = {"đô": re.compile(r"\s+la(?:\s+Mỹ)?\b", re.I), "bảng": re.compile(r"\s+Anh\b"),
              "nhân": re.compile(r"\s+dân\s+tệ\b", re.I), "tiếng": re.compile(r"\s+đồng\s+hồ\b", re.I)}
# A rate's period after its unit: "8.000 USD / giờ", "8.000 USD một ngày", "mỗi tháng", "800 km/h".
# A rate asked per one period is not confirmed by the same figure per another.
_PER = re.compile(r"\s*(?:/\s*|(?:một|mỗi|mot|moi|per|a|an|each)\s+)(giờ|gio|tiếng|tieng|h|ngày|ngay|đêm|dem|"
                  r"tuần|tuan|tháng|thang|năm|nam|quý|quy|phút|phut|giây|giay|km|lượt|luot|chuyến|chuyen|"
                  r"hour|day|night|week|month|year|minute|second)(?!\w)", re.I)
_PERIODS = {"gio": "hour", "tieng": "hour", "h": "hour", "ngay": "day", "dem": "night", "tuan": "week",
            "thang": "month", "nam": "year", "quy": "quarter", "phut": "minute", "giay": "second", "luot": "trip",
            "chuyen": "trip"}
# Units of one meaning: "8 tiếng" are "8 giờ", "triệu Đô" are "triệu USD".
_SAME_UNIT = {"tiếng": "giờ", "đô": "usd", "ngàn": "nghìn", "tỷ": "tỉ", "phần trăm": "%", "percent": "%"}
# Hours of the day, a span ("từ 6h đến 19h", "6 giờ - 19 giờ 30") or round the clock ("24/24", "24/7").
_HOUR = r"(\d{1,2})\s*(?:h|giờ)(?:\s*(\d{2}))?"
_SPAN = re.compile(r"(?<![\w/])(?:từ\s+)?" + _HOUR + r"\s*(?:đến|tới|-|–|to)\s*" + _HOUR + r"(?!\w)", re.I)
_ROUND_THE_CLOCK = re.compile(r"(?<![\w/.,])24\s*/\s*(?:24|7)(?![\w/])")
_HOURS_UNIT = "@hours"
# Points in time, checked like counts: a day of a month ("hôm 11/6", "ngày 11 tháng 6"), a year
# ("năm 1991"), an hour of the day ("khoảng 22h", "lúc 8 giờ 30 tối"). Each kind is a unit of its own.
_DATE_UNIT, _YEAR_UNIT, _CLOCK_UNIT = "@date", "@year", "@clock"
_DATE = re.compile(r"(?:\b(?:ngày|ngay|hôm|hom)\s+)?(?<![\w/.,-])(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*\d{2,4})?(?![\w/])"
                   r"|\b(?:ngày|ngay|hôm|hom)\s+(\d{1,2})\s+(?:tháng|thang)\s+(\d{1,2})(?!\s*/)\b", re.I)
_YEAR = re.compile(r"\b(?:năm|nam)\s+(\d{4})(?![\w/.,]\d)", re.I)
_MORE_YEARS = re.compile(r"\s*(?:,|và|hoặc|va|hoac|and|or)\s*(\d{4})(?![\w/.,]\d)", re.I)
_PARTS_OF_DAY = r"(sáng|trưa|chiều|tối|đêm|sang|trua|chieu|toi|dem)"
_DAYTIME = r"(?:\s+" + _PARTS_OF_DAY + r")?"
_CLOCK = re.compile(r"(?<![\w/.,])(\d{1,2})h(?:(\d{2})(?:p|')?)?(?!\w)" + _DAYTIME
                    + r"|\b(?:lúc|vào|luc|vao)\s+(\d{1,2})\s*(?:giờ|gio)(?:\s*(\d{2})(?:\s*(?:phút|phut))?)?" + _DAYTIME
                    + r"|(?<![\w/.,])(\d{1,2})\s*(?:giờ|gio)(?:\s*(\d{2})(?:\s*(?:phút|phut))?)?\s+" + _PARTS_OF_DAY + r"\b", re.I)
_AFTERNOON = frozenset("chiều tối đêm chieu toi dem".split())
# "hai trong 5 thuỷ thủ", "3 trong số 10 người": the count is the first number, of the whole after it.
_OF_WHOLE = re.compile(r"\s+trong\s+(?:số\s+)?", re.I)
_RESPECTIVELY = re.compile(r"\b(?:lần lượt|respectively)\b", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Clause boundaries inside a sentence that lists several people's figures. A piece after "và" with
# no figure of its own belongs to the item before it ("50.000 đồng đối với xe tải và xe buýt").
# Not "còn": "10 người còn lại", "giảm còn 10.430 người"; a "còn" that contrasts follows a comma.
_CLAUSE = re.compile(r"[,;:]\s+|\s+(?:và|trong khi|nhưng|and|while|but)\s+", re.I)
_JOINS = frozenset({"và", "and"})
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_COUNTED_REACH = 2  # words after the unit that say what is counted
_FOUND_REACH = 6    # words between a figure and what it counts ("10 người còn lại đã tử vong")
_CLOSING = frozenset("khong chua phai dung a ha nhi chu".split())
# Time words after a number: a span ("9 năm tù") unless a number follows, as in a date ("5 tháng
# 3 năm 2024") or a time ("8 giờ 30").
_TIME_UNITS = frozenset("năm tháng ngày giờ phút".split())
# The yes/no frame that opens and closes a question, and talk about the article: they say nothing
# of the subject.
_OPENING = frozenset("có đúng là phải thật sự liệu theo bài báo viết ghi nói rằng is it true that".split())
_CLOSING_FRAME = frozenset("có phải không chưa đúng chứ à hả nhỉ vậy ạ right".split())
_ABOUT_ARTICLE = frozenset("bài báo viết ghi".split())
# Not stop words for retrieval, yet they tell nothing apart here either.
_NOT_TELLING = frozenset("ở khoảng chừng gần tới đối".split())
# Stop words for retrieval that tell things apart here: titles ("ông Anh", "bà Thuý") and words
# of what is done ("làm việc 10 tiếng" beside "làm 8 tiếng", "ít hơn 433.239 người").
_TELLING = frozenset("ông bà anh chị em làm việc ra vào trước sau qua hơn ít nhiều thêm nhất lại".split())
# Words of one meaning: "20 người chết" is checked against "10 người tử vong".
_SAME_MEANING = {tuple(words(phrase)): same for phrase, same in (
    ("thiệt mạng", "chết"), ("tử vong", "chết"), ("tử nạn", "chết"), ("qua đời", "chết"), ("mất mạng", "chết"),
    ("ô tô", "ôtô"))}
# Nouns for people: a claim about "20 cầu thủ" may be answered by what happened to "10 người"
# (``_candidates`` with ``loose``).
_PEOPLE = frozenset("nguoi khach dan".split()) | frozenset(
    "cau thu|hoc sinh|sinh vien|cong nhan|benh nhan|nan nhan|hanh khach|du khach|thi sinh|cong chuc|vien chuc|"
    "can bo|chien si|nguoi dan|tre em|lao dong|ngu dan|thuyen vien|binh si|thanh vien|giao vien|bac si|nhan vien|"
    "cu dan|nguoi lao dong|hoc vien".split("|"))
# A sentence or clause that opens so counts a part of something named before ("Trong đó, có 2 cổng
# ..." after "Có 36 cổng ..."): the whole, where the article gives it, answers the claim.
_PART = re.compile(r"(?:^|(?<=\W))(?:trong\s+(?:số\s+)?(?:đó|này|ấy)|riêng|bao\s+gồm|gồm"
                   r"|of\s+which|of\s+these|among\s+them)\b", re.I)
# Negation of a verb ("không thu phí"), but not "không chỉ", "không những", "không ít" ...
_NEGATORS = frozenset("không chưa chẳng chả".split())
# ("chưa kể": besides; "không ngờ": unexpectedly; "không may": unluckily)
_NOT_NEGATING = frozenset("chỉ những ít ngừng khỏi kém lâu xa hề kể ngờ may".split())
_NEGATION_REACH = 2  # words between the negator and the question's first word ("không được thu")
# Words of a question's predicate that do not tell what it is about ("thu phí cả chiều ra").
_FILLERS = frozenset("là thì mà có được bị cả cũng đều vẫn luôn đã đang sẽ các những một này đó rằng nữa "
                     "hết tất mọi với của cho".split())
_SENTENCE_CUT = re.compile(r"[,;:]\s+|\.\s+|\s+(?:nhưng|song)\s+", re.I)


@dataclass(frozen=True)
class Count:
    """A figure and what it counts: "9 năm" → (9.0 readings, "năm")."""

    text: str
    values: frozenset
    unit: str
    start: int  # where it stands in the text it was read from
    end: int
    per: str = ""   # the period of a rate: "hour" of "8.000 USD / giờ"
    range: bool = False  # either of two figures, or from one to the other: "8 hoặc 9 tiếng"


@dataclass(frozen=True)
class Verdict:
    """What the article says beside the question's figure."""

    matches: bool
    claimed: str  # "9 năm tù"
    found: str    # "7 năm tù"
    sure: bool = True     # False: the figure is there, but not tied to what the question names
    stated: bool = True   # False: the article never gives the claimed figure; ``found`` is what it says instead
    negation: bool = False  # decided by a sentence that says the question's words with "không"
    existence: bool = False  # whether anyone did or suffered something: "Có ai bị thương không?"
    other: str = ""  # where the claimed figure counts something else: "12 người khác bị thương"
    said_else: str = ""  # or the clause that gives it for something else: "mục tiêu tăng trưởng 3%"
    other_figure: str = ""  # the claimed figure as that clause writes it: "3%"
    reported: bool = False  # the article only reports it as an accusation or a suspicion ("bị tố ...")

    @property
    def key(self) -> str:
        """The reply (prompts/replies.toml) that gives this verdict."""
        if self.reported:
            return "claim_reported"
        if self.existence:
            return "exists_yes" if self.matches else "exists_no"
        if self.negation:
            return "claim_confirmed" if self.matches else "claim_denied"
        if not self.sure:
            return "claim_unsure"
        if self.matches:
            return "claim_matches"
        elsewhere = "_other" if self.other else "_said" if self.said_else else ""
        return ("claim_not_said" if not self.stated else "claim_differs") + elsewhere

    @property
    def other_number(self) -> str:
        """The claimed figure as the article writes it where it counts something else ("12", "3%")."""
        return self.other.split(maxsplit=1)[0] if self.other else self.other_figure

    @property
    def other_counted(self) -> str:
        """What it counts there: "người khác bị thương" of "12 người khác bị thương"."""
        return self.other.split(maxsplit=1)[1] if " " in self.other else ""


@dataclass(frozen=True)
class Judgement:
    """A verdict and the texts it rests on (positions in what was judged), in the order to quote."""

    verdict: Verdict
    rests_on: tuple[int, ...]
    headline: bool = False  # the article's title decided it, no sentence of its body


@dataclass(frozen=True)
class _Token:
    word: str   # folded spelling (``bot.orthography``)
    bare: str   # without marks
    start: int
    end: int
    upper: bool


@dataclass(frozen=True)
class _Claim:
    count: Count
    text: str                      # the figure with what it counts, as the question writes it
    named: tuple[str, ...]         # the question's words after the figure
    counted: tuple[_Token, ...]    # of them, those that say what is counted
    predicate: tuple[_Token, ...]  # what happened to the people counted ("chết" of "20 cầu thủ chết")
    people: bool                   # the figure counts people
    anchors: tuple[_Token, ...]    # the question's other words: what the figure is about
    names: tuple[_Token, ...]      # of them, the capitalised ones inside the question: names
    opener: tuple[_Token, ...]     # a capitalised first word: a name where the sentence writes it so ("Tùng bị ...")
    part: bool                     # the question asks about a part itself ("trong đó có 1 cầu thủ ...")
    target: bool = False           # it asks about a goal or a forecast ("mục tiêu tăng trưởng 3%")


@dataclass(frozen=True)
class _Read:
    """A sentence taken apart for binding."""

    text: str
    tokens: tuple[_Token, ...]
    clauses: tuple[tuple[int, int], ...]
    runs: tuple[tuple[int, int, frozenset], ...]  # runs of capitalised words: names
    figures: tuple[Count, ...]
    part: bool  # the sentence counts part of something ("Trong đó, ...")


@dataclass(frozen=True)
class _Bound:
    count: Count
    matches: bool
    found: str
    strength: int  # how many of the question's words the sentence has
    part: bool
    complete: bool  # it has all of them
    sure: bool = True  # False: the article gives a range, or no period of the rate asked


def check_claim(question: str, sentence: str) -> Verdict | None:
    """Whether ``sentence`` states the figure a yes/no ``question`` claims for what it names, or
    another one for the same thing; None when the question claims no figure or the sentence ties
    none to what the question names."""
    claim = _claim(question) if is_yes_no(question) else None
    bound = _bind(claim, _read(sentence)) if claim else None
    return _verdict(claim, bound) if bound else None


def judge(question: str, texts: Sequence[str], near: int = 3, title: str | None = None) -> Judgement | None:
    """The verdict on a yes/no ``question`` from the article's sentences ``texts`` (the best
    evidence first, ``near`` of them) and its ``title``; None when nothing can be said for sure,
    and the question is left to ordinary retrieval.

    In turn: a figure bound to what the question names in a sentence, or in the title; one of
    people bound to what happened to them ("10 người tử vong" for "20 cầu thủ chết") where the
    claimed figure is nowhere in the article (as a count of people: "15 xe" is none), or stands
    only where it counts something else ("12 người khác bị thương", ``_elsewhere``, which a No
    from a sentence names too); the claimed figure standing unbound in the best evidence (no ✅
    then, only the sentence). Without a figure, a sentence that negates the question's words."""
    if not is_yes_no(question):
        return None
    claim = _claim(question)
    if claim and _moment(claim.count) and existence_predicate(question):
        return None  # "năm 1960 có chó nào trở về không?": a time, no claim, and more than whether any did
    predicate = existence_predicate(question) if claim is None else None
    if predicate:
        return _existence(predicate, texts)
    if claim is None:
        return _negation(question, texts)
    reads = [_read(t) for t in texts]
    bounds = [(i, _bind(claim, r)) for i, r in enumerate(reads)]
    decided = _decide(claim, bounds)
    headline = _bind(claim, _read(title)) if title else None
    if headline and (decided is None or not decided.verdict.matches and (
            headline.matches or len({b.count.values for _, b in bounds if b}) > 1
            or _added(reads[decided.rests_on[0]], dict(bounds)[decided.rests_on[0]]))):
        # The headline giving the claimed figure for what is asked beats a sentence with another
        # figure for another group of it ("ít nhất 5 binh sĩ Congo cũng ..." beside the headline's
        # "14 binh sĩ ... bị sát hại"); where the sentences give several, or the one that binds adds
        # a group ("cũng"), the headline's says No.
        decided = Judgement(_verdict(claim, headline), (), headline=True)
    if decided and not decided.verdict.matches:
        # No "No" while a sentence gives the claimed figure for the same kind of thing, though
        # not plainly bound to what the question names: the reader sees both.
        shadow = next(((i, c) for (i, b), r in zip(bounds, reads) if b is None for c in _candidates(claim, r)
                       if _same(claim.count, c) and _about(claim, r)), None)
        if shadow:
            i, c = shadow
            rests = (i,) + tuple(j for j in decided.rests_on if j != i)
            return Judgement(Verdict(True, claim.text, _found(reads[i], c, claim), sure=False), rests)
    if decided:
        return _elsewhere(claim, reads, decided, near) if not decided.headline else decided
    said = any(_says(claim, r) for r in [*reads, _read(title or "")])
    subject = _subject(claim, reads)
    if subject:
        i, found = subject
        return _elsewhere(claim, reads, Judgement(Verdict(False, claim.text, found, stated=said), (i,)), near)
    if claim.people:
        loose = [(i, b) for i, b in ((i, _bind(claim, r, loose=True)) for i, r in enumerate(reads)) if b]
        if loose and len({b.count.values for _, b in loose}) == 1:
            i, b = loose[0]
            if not said:
                return Judgement(Verdict(False, claim.text, b.found, stated=False), (i,))
            if not b.matches:
                # "12 người chết?" on "3 công nhân tử vong và 12 người khác bị thương": the dead have
                # a figure of their own, and the 12 are the injured. No, and what the 12 count.
                denied = _elsewhere(claim, reads, Judgement(Verdict(False, claim.text, b.found), (i,)), near)
                if denied.verdict.other or denied.verdict.said_else:
                    return denied
    unsure = [(i, f) for i, r in enumerate(reads[:near]) for f in r.figures
              if _same(claim.count, f) and _comparable(claim, f, r) and (claim.target or not _target(r, f))]
    money = [(i, f) for i, f in unsure if _currency(f) and _currency(claim.count)]
    if money and all(_currency(f) != _currency(claim.count) for _, f in money):
        # "291 triệu USD?" on "lỗ 291 triệu bảng Anh": the same number in another currency is a No.
        i, f = money[0]
        return Judgement(Verdict(False, claim.text, _found(reads[i], f, claim)), (i,))
    if claim.names and unsure and not any(_about(claim, reads[i]) for i, _ in unsure):
        return _named_elsewhere(claim, reads, unsure)
    if unsure:
        i, f = unsure[0]
        return Judgement(Verdict(True, claim.text, _found(reads[i], f, claim), sure=False), (i,))
    return None


_PLACE_REACH = 25  # words quoted after a figure given where another place is named
# "Ngoài ra, 5 binh sĩ ... cũng bị sát hại": a figure for a group besides the one the story counts.
_BESIDES = re.compile(r"^\W*(?:ngoài\s+ra|bên\s+cạnh\s+đó)\b", re.I)


def _added(read: _Read, bound: _Bound | None) -> bool:
    """Whether the figure ``bound`` in ``read`` counts a group besides another: its sentence opens
    with "Ngoài ra", or "cũng" stands after it in its clause."""
    if bound is None:
        return False
    if _BESIDES.match(read.text):
        return True
    end = read.clauses[_clause_at(read, bound.count.start)][1]
    return any(t.word == "cũng" for t in read.tokens if bound.count.end <= t.start < end)


def _named_elsewhere(claim: _Claim, reads: Sequence[_Read], others: list[tuple[int, Count]]) -> Judgement | None:
    """The claimed figure standing only in sentences that do not name what the question names
    ("70 người chết ở Irribarren?" on "gần 70 người đã bị thiệt mạng ... ở thành phố ... Valencia"):
    a No where, the names aside, the rest of the article gives its own figure ("ít nhất 11 người
    thiệt mạng"), with the sentence of the claimed one quoted; else no verdict, not a maybe."""
    where = {i for i, _ in others}
    if not all(any(r[2] - {n.word for n in claim.names} for r in reads[i].runs) for i in where):
        return None  # the sentence names nothing else either
    unnamed = dataclasses.replace(claim, names=(), opener=(), anchors=tuple(a for a in claim.anchors if a not in claim.names))
    bounds = [(i, _bind(unnamed, r) or (_bind(unnamed, r, loose=True) if unnamed.people else None))
              for i, r in enumerate(reads) if i not in where]
    bounds = [(i, b) for i, b in bounds if b]
    if not bounds or any(b.matches for _, b in bounds) or len({b.count.values for _, b in bounds}) != 1:
        return None
    (i, b), (j, f) = bounds[0], others[0]
    # the whole clause, to the place it names ("… ở thành phố miền Bắc Valencia")
    return Judgement(Verdict(False, claim.text, b.found, said_else=_context(reads[j], f, _PLACE_REACH),
                             other_figure=f.text if _measure(f) else f.text.split()[0]), (i, j))


def _subject(claim: _Claim, reads: Sequence[_Read]) -> tuple[int, str] | None:
    """Where nothing binds the claimed figure, the one figure the article gives what the question
    counts (its unit and the words after it, "thành viên Cộng hòa") in the sentences with its names
    and a word of what it is about: "60 thành viên Cộng hòa bỏ phiếu ủng hộ?" on "11 thành viên
    đảng Cộng hoà ... cung cấp 60 phiếu cần thiết". None where it gives none, several, or the
    claimed one."""
    if _moment(claim.count) or not claim.counted:
        return None
    about = [a for a in claim.anchors if a not in claim.names and a not in claim.opener]
    found: list[tuple[int, Count]] = []
    for i, read in enumerate(reads):
        if any(not _has(n, read.tokens) for n in claim.names) or (about and not any(_has(a, read.tokens) for a in about)):
            continue
        found += [(i, c) for c in _candidates(claim, read)]
    if not found or any(_same(claim.count, c) for _, c in found) or len({c.values for _, c in found}) != 1:
        return None
    i, c = found[0]
    return i, _found(reads[i], c, claim)


def _says(claim: _Claim, read: _Read) -> bool:
    """Whether ``read`` gives the claimed number, unless as a count of another kind of thing of
    which nothing asked is said: "15 xe chữa cháy" is no 15 people dead, "12 thợ mỏ thiệt mạng"
    may be."""
    for m in _NUMBER.finditer(read.text):
        if not claim.count.values & number_values(m.group(0)):
            continue
        figure = next((f for f in read.figures if f.start <= m.start() < f.end), None)
        if figure is None or not claim.people:
            return True
        if _unit_key(figure) == _unit_key(claim.count) or _people(read, figure) or _says_asked(claim, read, figure):
            return True
    return False


def _says_asked(claim: _Claim, read: _Read, figure: Count) -> bool:
    """Whether the clause of ``figure`` has a word of what the question asks happened or is counted."""
    start, end = read.clauses[_clause_at(read, figure.start)]
    clause = [t for t in read.tokens if start <= t.start < end]
    return any(_has(w, clause) for w in claim.predicate or claim.counted)


def _verdict(claim: _Claim, bound: _Bound) -> Verdict:
    return Verdict(bound.matches, claim.text, bound.found, sure=bound.sure or not bound.matches)


def _elsewhere(claim: _Claim, reads: Sequence[_Read], judged: Judgement, near: int) -> Judgement:
    """A No, with where the article gives the claimed figure for something else: "12 người chết?"
    on "Vụ cháy làm 3 người chết, 12 người bị thương" is the injured count (``_counts_else``),
    looked for in the sentences the No rests on (any figure there: "ba vùng dân cư và hai mỏ dầu"
    for "3 mỏ dầu"), then in the best evidence and the rest of the article (a figure of the same
    unit); quoted after them."""
    verdict = judged.verdict
    if verdict.matches or not verdict.sure or verdict.negation:
        return judged
    for i in dict.fromkeys([*judged.rests_on, *range(min(near, len(reads))), *range(len(reads))]):
        other, said, figure = _counts_else(claim, reads[i], any_unit=i in judged.rests_on)
        if other or said:
            rests = judged.rests_on + (() if i in judged.rests_on else (i,))
            return Judgement(dataclasses.replace(verdict, other=other, said_else=said, other_figure=figure), rests)
    return judged


def _counts_else(claim: _Claim, read: _Read, any_unit: bool = False) -> tuple[str, str, str]:
    """The claimed figure in ``read`` where its clause says it counts something other than the
    question asks: of the same unit (or people, for people; of any unit with ``any_unit``), with
    none of the question's words of what it counts, what happened ("chết") or what it is about in
    its clause, nor counting a part ("Trong đó, ..."). Either what it counts, where the words
    after it in its clause say ("12 người khác bị thương"), or else its clause, cut, for the
    reader ("mục tiêu tăng trưởng 3%", "khoản bồi hoàn 130.000 USD"), with the figure as written.
    ("", "", "") when there is none."""
    wanted = claim.predicate or claim.counted
    if _moment(claim.count):
        return "", "", ""
    about = [a for a in claim.anchors if a not in claim.names and a not in claim.opener]
    for f in read.figures:
        if not _same(claim.count, f) or _moment(f) or not _written_alike(claim.count, f):
            continue
        kind = _unit_key(f) == _unit_key(claim.count) or (claim.people and _people(read, f))
        if not kind and not (any_unit and not _measure(claim.count) and not _measure(f)):
            continue
        target = _target(read, f) and not claim.target
        start, end = read.clauses[_clause_at(read, f.start)]
        clause = [t for t in read.tokens if start <= t.start < end]
        present = [a for a in about if _has(a, clause)] if kind else []  # another unit is no figure of it
        if not target and ((wanted and all(_has(w, clause) for w in wanted)) or 2 * len(present) > len(about)
                           or (present and not wanted)):
            continue  # a figure of what was asked, not bound: binding says so, not this
        if read.part or _PART.match(read.text[start:]):
            continue  # "Trong đó, có 3 điểm đặt ở cửa ngõ": a part of what was asked, no other thing
        after = [t for t in clause if t.start >= f.end]
        # what happened to them ends what it counts: "3 người khác bị thương (được đưa vào bệnh viện)"
        outcome = next((k for k, t in enumerate(after[:_OTHER_REACH]) if t.word in _OUTCOMES), None)
        if outcome is not None and kind:
            after = after[:outcome + 1]
        if not target and not _measure(f) and 0 < len(after) <= _OTHER_REACH and not _stop(after[-1]):
            return read.text[f.start:after[-1].end], "", ""
        return "", _context(read, f), f.text if _measure(f) else f.text.split()[0]
    return "", "", ""


# Words that say what happened to people counted: "chết" (and the words read as it: "tử vong"),
# "bị thương", "mất tích", "bị bắt", "bị giữ".
_OUTCOMES = frozenset("chết thương tích bắt giữ giam".split())
_OTHER_REACH = 5  # words after a figure that say what it counts, to the end of its clause ("người khác bị thương")
_CONTEXT_BEFORE, _CONTEXT_AFTER = 6, 5  # words of a clause quoted around a figure that counts something else


def _context(read: _Read, figure: Count, after: int = 0) -> str:
    """The clause of ``figure``, cut to a few words around it (``after`` of them after it, if given)
    at word boundaries: "khoảng 58% cử tri lại đồng ý với việc Quốc hội …"."""
    clause = read.clauses[_clause_at(read, figure.start)]
    at = next((t.start for t in read.tokens if t.start >= figure.start), figure.start)
    end = next((t.end for t in reversed(read.tokens) if t.end <= figure.end), figure.end)
    if _opens_with(read, figure, names=False):  # an item of a list: "8 triệu đồng với xe tải", from its figure
        qualifier = _QUALIFIER.search(read.text, 0, figure.start)  # "gần 50 người"
        clause = (qualifier.start(1) if qualifier and qualifier.start(1) >= clause[0] else figure.start, clause[1])
        at = clause[0]
    quoted = _quoted(read.text, clause, at, end, 0 if clause[0] == at else _CONTEXT_BEFORE,
                     after or _CONTEXT_AFTER).rstrip(" .")
    if quoted.count("(") > quoted.count(")"):  # "ông Lực (51 tuổi" of "ông Lực (51 tuổi, ở huyện Đông Anh)"
        closing = read.text.find(")", figure.end)
        tail = read.text[figure.end:closing + 1] if closing > 0 else ""
        quoted = quoted.removesuffix(" …")
        quoted = quoted[:quoted.rindex(figure.text) + len(figure.text)] + tail if len(tail) <= _CLOSING_PAREN \
            and figure.text in quoted else quoted
    return quoted


_CLOSING_PAREN = 60  # characters to the ")" that closes a quote cut inside parentheses


# Units that measure (a share, a distance, a sum of money, a span of time): what such a figure
# is of stands before it ("tỷ lệ thất nghiệp 4,4%"), not after.
_MEASURES = frozenset("% km km2 m m2 cm mm kg ha tấn tan lít lit độ do tuổi tuoi năm nam tháng thang tuần tuan ngày ngay "
                      "giờ gio tiếng tieng phút phut giây giay lần lan usd đồng dong euro yen won bảng bang".split())
_SCALES = frozenset("trăm tram nghìn nghin ngàn ngan triệu trieu tỷ tỉ ty ti million billion thousand".split())


def _measure(count: Count) -> bool:
    words_ = count.unit.lower().split()
    return bool(words_) and (words_[0] in _SCALES or words_[-1] in _MEASURES or _unit_key(count).split()[-1] in _MEASURES)


# Words that make a figure a goal, a plan or a forecast, not what is: "mục tiêu tăng trưởng 3%",
# "dự kiến đạt 2 triệu lượt khách". Such a figure confirms no claim that does not say so itself.
_TARGETS = tuple(tuple(words(p)) for p in (
    "mục tiêu", "chỉ tiêu", "kế hoạch", "dự kiến", "dự báo", "kỳ vọng", "phấn đấu", "target", "forecast", "expected"))
_TARGET_REACH = 4  # words between such a word and the figure


def _target(read: _Read, count: Count) -> bool:
    """Whether the clause of ``count`` calls it a goal or a forecast just before it."""
    start = read.clauses[_clause_at(read, count.start)][0]
    before = [t for t in read.tokens if start <= t.start < count.start][-(_TARGET_REACH + 2):]
    return _has_phrase(before, _TARGETS)


def _has_phrase(tokens: Sequence[_Token], phrases) -> bool:
    bare = [t.bare for t in tokens]
    return any(tuple(bare[k:k + len(p)]) == tuple(strip_diacritics(w) for w in p)
               for p in phrases for k in range(len(bare) - len(p) + 1))


def _decide(claim: _Claim, bounds: list[tuple[int, _Bound | None]]) -> Judgement | None:
    """One verdict from the sentences that bind the figure: those with most of the question's
    words; of two that disagree, the one that counts a whole over one that counts a part of it
    (quoted after it), else one that says the claim with all the question's words ("Mỗi năm giảm
    1.800 người" beside "Mỗi năm giảm từ 260 - 693 người": the article gives both); else, unsure."""
    found = [(i, b) for i, b in bounds if b]
    if not found:
        return None
    top = max(b.strength for _, b in found)
    best = [(i, b) for i, b in found if b.strength == top]
    if len({(b.matches, b.count.values) for _, b in best}) == 1:
        i, b = best[0]
        return Judgement(_verdict(claim, b), (i,))
    whole = [(i, b) for i, b in best if not b.part]
    if whole and len({(b.matches, b.count.values) for _, b in whole}) == 1:
        i, b = whole[0]  # a No quotes the part too: "Trong đó, có 2 cổng ..." is what the reader took for all
        return Judgement(_verdict(claim, b), (i,) + (() if b.matches else tuple(j for j, p in best if p.part)))
    if not any(b.matches for _, b in best):  # none gives the claimed figure: No, with the first
        return Judgement(_verdict(claim, best[0][1]), (best[0][0],))
    said = next(((i, b) for i, b in (whole or best) if b.matches and b.complete), None)
    if said:
        return Judgement(_verdict(claim, said[1]), (said[0],))
    hit = next((i, b) for i, b in best if b.matches)
    others = tuple(i for i, _ in best if i != hit[0])
    return Judgement(Verdict(True, claim.text, hit[1].found, sure=False), (hit[0], *others))


# --- the question -------------------------------------------------------------------------

def _claim(question: str) -> _Claim | None:
    figures = _figures(question)
    # "Năm 2015, ... 5 thuỷ thủ": a time set off before the claim frames it
    figures = [f for f in figures if not (_moment(f) and question[f.end:].lstrip()[:1] == ",")] or figures
    if any(f.text[:1].isdigit() or _moment(f) for f in figures):  # "ba thuy 43 tuoi": "ba" is bà, 43 the figure
        figures = [f for f in figures if f.text[:1].isdigit() or _moment(f)]
    if len(figures) != 1:
        return None  # no figure, or several: nothing simple to check
    count = figures[0]
    named = tuple(_named_after(question, count))
    tokens = _tokens(question)
    kept = _unframed(tokens)
    after = [t for t in kept if t.start >= count.end]
    # "300 người bị thương" → "thương", "8 làn xe cơ giới" → "xe", "cơ": what the figure counts
    counted = () if _moment(count) else tuple(t for t in after if not _stop(t))[:_COUNTED_REACH]
    unit = _bare(count.unit)
    people, predicate = unit in _PEOPLE, counted
    if not people and after and f"{unit} {after[0].bare}" in _PEOPLE:  # "cầu thủ": the noun's rest is no predicate
        # (a name is no predicate: "60 thành viên Cộng hòa bỏ phiếu" → "bỏ phiếu")
        people, predicate = True, tuple(t for t in after[1:] if not _stop(t) and not t.upper)[:_COUNTED_REACH]
    elif people:
        predicate = tuple(t for t in counted if not t.upper)  # "70 người chết ở Irribarren": "chết", a place
        counted = predicate
    first = tokens[0].start if tokens else 0
    anchors = tuple(t for t in kept if not (count.start <= t.start < count.end) and t not in counted
                    and not t.word.isdigit() and not _stop(t))
    # what the question claims: "5 người bị thương", "8 làn xe cơ giới", "24/24"
    ends = [count.end, *(t.end for t in counted)]
    end = max(ends if _moment(count) else [*ends, _counted_end(question, count, named)])
    end = _phrase_end(question, count, end)
    if not _moment(count):
        end = _predicate_end(question, kept, end)
    return _Claim(count, question[count.start:end].strip(), named, counted, predicate if people else (), people,
                  anchors, tuple(t for t in anchors if t.upper and t.start != first),
                  tuple(t for t in anchors if t.upper and t.start == first), bool(_PART.search(question)),
                  _has_phrase(tokens, _TARGETS))


def _predicate_end(question: str, kept: Sequence[_Token], end: int) -> int:
    """``end`` moved past the rest of the phrase it closes in the question (``kept``: its words
    without the frame), so that the claim echoed keeps whole words: "14 binh sĩ bị sát hại", not
    "... bị sát"; "người nước ngoài", not "người nước". Up to a word that opens another phrase
    ("ở", "vào", "và"), a name, punctuation or the frame; past ``_ECHO_REACH`` words, to the last
    word before a function word within them, else not at all."""
    more: list[_Token] = []
    at = end
    for t in kept:
        if t.start < at:
            continue
        if not question[at:t.start].isspace() or t.upper or _in(t, _OPEN_ENDS) or _in(t, _CLAUSE_OPENERS):
            break
        more.append(t)
        at = t.end
    if len(more) > _ECHO_REACH:
        cut = [k for k in range(_ECHO_REACH) if not _stop(more[k]) and _stop(more[k + 1])]
        more = more[:cut[-1] + 1] if cut else []
    return more[-1].end if more else end


_ECHO_REACH = 6  # words of the question echoed after what the figure counts


def _named_after(question: str, claim: Count) -> list[str]:
    """The question's words after its figure, without stop words and its closing words ("không",
    "phải không"): what the figure counts comes first."""
    return [w for w in words(question[claim.end:]) if w not in STOP_WORDS and strip_diacritics(w) not in _CLOSING]


def _counted_end(text: str, count: Count, named: Sequence[str]) -> int:
    end = count.end
    while (m := _NEXT_WORD.match(text, end)) and set(words(m.group(1))) <= set(named):
        end = m.end()
    return end


def _in(token: _Token, vocabulary: frozenset) -> bool:
    """Whether ``token`` is a word of ``vocabulary``; typed without marks, any marks do."""
    return token.word in vocabulary or (token.word == token.bare and token.bare in _bare_set(vocabulary))


_BARE_SETS: dict[frozenset, frozenset] = {}


def _bare_set(vocabulary: frozenset) -> frozenset:
    if vocabulary not in _BARE_SETS:
        _BARE_SETS[vocabulary] = frozenset(strip_diacritics(w) for w in vocabulary)
    return _BARE_SETS[vocabulary]


def _stop(token: _Token) -> bool:
    """A word that says nothing of what a figure is about."""
    return (_in(token, STOP_WORDS) or _in(token, _NOT_TELLING)) and not _in(token, _TELLING)


def _unframed(tokens: list[_Token]) -> list[_Token]:
    """``tokens`` without the question's frame: "có đúng là", "có phải" before, "không", "phải
    không", "đúng không" after; and "bài báo viết" anywhere."""
    tokens = [t for t in tokens if not _in(t, _ABOUT_ARTICLE)]
    while tokens and _in(tokens[-1], _CLOSING_FRAME):
        tokens.pop()
    while tokens and _in(tokens[0], _OPENING):
        tokens.pop(0)
    return tokens


# --- the sentence -------------------------------------------------------------------------

def _read(text: str) -> _Read:
    tokens = tuple(_tokens(text))
    figures = tuple(_figures(text))
    return _Read(text, tokens, _clauses(text), _runs(text, tokens), figures, bool(_PART.match(text.lstrip(' "“(-'))))


def _tokens(text: str) -> list[_Token]:
    """The words of ``text`` with where they stand; words of one meaning read as one ("tử vong" as "chết")."""
    out = []
    for m in re.finditer(r"\w+", text):
        for w in words(m.group(0)):
            out.append(_Token(w, strip_diacritics(w), m.start(), m.end(), m.group(0)[:1].isupper()))
    merged: list[_Token] = []
    i = 0
    while i < len(out):
        pair = out[i:i + 2]
        same = next((same for key, same in _SAME_MEANING.items() if len(pair) == 2
                     and all(t.word == k or (t.word == t.bare and t.bare == strip_diacritics(k)) for t, k in zip(pair, key))),
                    None)
        if same:  # typed without marks, "tu vong" reads as "tử vong"
            merged.append(_Token(same, strip_diacritics(same), pair[0].start, pair[1].end, pair[0].upper))
            i += 2
        else:
            merged.append(out[i])
            i += 1
    return merged


def _figures(text: str) -> list[Count]:
    """The counts of ``text`` ("9 năm", "ba môn") and its spans of hours ("từ 6h đến 19h": 6-19; "24/24": 0-24)."""
    spans = []
    for m in _SPAN.finditer(text):
        start = float(m.group(1)) + float(m.group(2) or 0) / 60
        end = float(m.group(3)) + float(m.group(4) or 0) / 60
        spans.append(Count(m.group(0), frozenset({(start, end)}), _HOURS_UNIT, m.start(), m.end()))
    for m in _ROUND_THE_CLOCK.finditer(text):
        spans.append(Count(m.group(0), frozenset({(0.0, 24.0)}), _HOURS_UNIT, m.start(), m.end()))
    spans += _moments(text, spans)
    out = list(spans)
    for m in _RANGE.finditer(text):
        unit, low, high = m.group(3), number_values(m.group(1)), number_values(m.group(2))
        joint = text[m.end(1):m.start(2)].strip().lower()
        if unit.lower() in _TIME_UNITS and text[m.end():].lstrip()[:1].isdigit() \
                or any(s.start <= m.start() < s.end for s in out) or unit.lower() in _CLOSING_FRAME \
                or (joint not in ("hoặc", "hoac", "or") and max(low) >= max(high)):
            continue  # "28-2 không": a date, no range, which goes up
        out.append(_counted(text, m, number_values(m.group(1)) | number_values(m.group(2)), unit, range_=True))
    for m in _ATTACHED.finditer(text):
        if not any(s.start <= m.start() < s.end for s in out):
            unit = _PERCENT if m.group(2) else m.group(3).lower().replace("²", "2")
            out.append(_counted(text, m, number_values(m.group(1)), unit))
    for m in _PEOPLE_COUNT.finditer(text):
        if not any(s.start <= m.start() < s.end for s in out) and _counts_people(text, m):
            out.append(_counted(text, m, frozenset({float(SMALL_NUMBERS[m.group(1).lower()])}), m.group(2)))
    for m in _COUNT.finditer(text):
        number, unit = m.group(1), m.group(2)
        if unit.lower() in _TIME_UNITS and text[m.end():].lstrip()[:1].isdigit():
            continue  # a date or a time of day, no count
        if any(s.start <= m.start() < s.end for s in out):
            continue
        word = _NUMBER_WORDS.get(number.lower())
        values = frozenset({float(word)}) if word else frozenset(number_values(number))
        out.append(_counted(text, m, values, unit))
    return _parts_of_wholes(text, sorted(out, key=lambda c: c.start))


def _counts_people(text: str, m: re.Match) -> bool:
    """Whether "một" or "năm" (``_PEOPLE_COUNT``) counts the people named after it ("khiến một
    người thiệt mạng", "năm công nhân"): not "không một người nào", "một người nào đó", "năm học
    sinh", "là một người dân bình thường"."""
    unit = _bare(m.group(2))
    following = _NEXT_WORD.match(text, m.end())
    after = _bare(following.group(1)) if following else ""
    if unit not in _PEOPLE and f"{unit} {after}" not in _PEOPLE:
        return False
    if (m.group(1).lower() == "năm" and unit == "hoc") or after == "nao":
        return False
    before = words(text[max(0, m.start() - 12):m.start()])
    # "là một người dân bình thường" is "a", but not in the question's frame: "có đúng là một người ..."
    copula = before[-1:] == ["là"] and not (len(before) > 1 and strip_diacritics(before[-2]) in ("dung", "phai"))
    return not (before and (before[-1] in _NEGATORS or copula))


def _counted(text: str, m: re.Match, values, unit: str, range_: bool = False) -> Count:
    """The count ``m`` found, with the rest of a unit of several words ("Đô la Mỹ") and the period
    of a rate after it ("/ giờ", "một ngày")."""
    end = m.end()
    rest = _UNIT_REST.get(unit.split()[-1].lower())
    if rest and (more := rest.match(text, end)):
        end = more.end()
    per = ""
    if (period := _PER.match(text, end)) and not text[period.end():].lstrip()[:1].isdigit():
        per = _PERIODS.get(_bare(period.group(1)), _bare(period.group(1)))
        end = period.end()
    return Count(text[m.start():end], frozenset(values), unit, m.start(), end, per, range_)


def _moments(text: str, taken: Sequence[Count]) -> list[Count]:
    """The dates, years and hours of the day of ``text`` outside the spans ``taken``."""
    out: list[Count] = []

    def add(m: re.Match, value, unit: str, group: int = 0) -> None:
        start, end = m.start(group), m.end(group)
        if not any(c.start < end and start < c.end for c in [*taken, *out]):
            out.append(Count(m.group(group), frozenset({value}), unit, start, end))

    for m in _DATE.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            add(m, (int(day), int(month)), _DATE_UNIT)
    for m in _YEAR.finditer(text):
        add(m, float(m.group(1)), _YEAR_UNIT)
        more = m
        while more := _MORE_YEARS.match(text, more.end()):  # "năm 1998 và 2009"
            add(more, float(more.group(1)), _YEAR_UNIT, 1)
    for m in _CLOCK.finditer(text):
        g = m.groups()
        hour, minute, part = next((g[i], g[i + 1], g[i + 2]) for i in (0, 3, 6) if g[i])
        hour = int(hour) + (12 if part and part.lower() in _AFTERNOON and 1 <= int(hour) < 12 else 0)
        if hour <= 24:
            add(m, hour + int(minute or 0) / 60, _CLOCK_UNIT)
    return out


def _parts_of_wholes(text: str, figures: list[Count]) -> list[Count]:
    """"hai trong 5 thuỷ thủ" counts 2 thuỷ thủ, "3 người trong số 10 người" 3 người: the figure
    after "trong (số)" is the whole they are taken from, no count of what is said of them."""
    out: list[Count] = []
    i = 0
    while i < len(figures):
        c = figures[i]
        whole = figures[i + 1] if i + 1 < len(figures) else None
        joint = _OF_WHOLE.match(text, c.start + len(c.text.split()[0])) if whole and c.unit[:1] != "@" else None
        if joint and joint.end() == whole.start and whole.unit[:1] != "@":
            # "hai trong 5 thuỷ thủ": the count takes the whole's unit
            out.append(Count(text[c.start:whole.end], c.values, whole.unit, c.start, whole.end))
            i += 2
            continue
        joint = _OF_WHOLE.match(text, c.end) if whole and c.unit[:1] != "@" else None
        if joint and joint.end() == whole.start and _unit_key(whole) == _unit_key(c):
            out.append(c)  # "3 người trong số 10 người": the whole is no count of its own
            i += 2
            continue
        out.append(c)
        i += 1
    return out


def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    """Where the clauses of ``text`` stand; a piece after "và" without a figure stays with the one before."""
    pieces, start, joiner = [], 0, ""
    for m in _CLAUSE.finditer(text):
        pieces.append([start, m.start(), joiner])
        start, joiner = m.end(), m.group(0).strip().lower()
    pieces.append([start, len(text), joiner])
    # An age or a figure set off by a comma belongs to the name before it: "Paolo, 41 tuổi, Sara,
    # 38 tuổi và Sebastian, 29 tuổi" is three clauses, one per person.
    named: list[list] = []
    for piece in pieces:
        if named and piece[2] == "," and _APPOSITIVE.match(text[piece[0]:piece[1]]) \
                and not _figures(text[named[-1][0]:named[-1][1]]):
            named[-1][1] = piece[1]
        else:
            named.append(piece)
    out: list[list] = []
    for piece in named:
        if out and piece[2] in _JOINS and not _figures(text[piece[0]:piece[1]]):
            out[-1][1] = piece[1]
        else:
            out.append(piece)
    return tuple((s, e) for s, e, _ in out)


# A piece opening with a figure after a comma ("41 tuổi", "SN 1990", "29 tuổi, đều làm ..."),
# when the piece before has none of its own (a name, not "xe tải 50.000 đồng"): said of it.
_APPOSITIVE = re.compile(r"^\s*(?:SN\s+)?\d+(?:[.,]\d+)*\s+[^\W\d_]+", re.I)


def _runs(text: str, tokens: Sequence[_Token]) -> tuple[tuple[int, int, frozenset], ...]:
    """Runs of capitalised words (names), without a stop word opening the sentence ("Theo", "Có")."""
    runs: list[list] = []
    for i, t in enumerate(tokens):
        if not t.upper or (i == 0 and _stop(t)):
            continue
        if runs and runs[-1][1] <= t.start and text[runs[-1][1]:t.start] in (" ", "-", " - ", ""):
            runs[-1][1] = t.end
            runs[-1][2].add(t.word)
        else:
            runs.append([t.start, t.end, {t.word}])
    return tuple((s, e, frozenset(w)) for s, e, w in runs)


def _clause_at(read: _Read, position: int) -> int:
    return next((i for i, (s, e) in enumerate(read.clauses) if s <= position < e), len(read.clauses) - 1)


def _has(token: _Token, tokens: Sequence[_Token]) -> bool:
    """Whether ``tokens`` say ``token``'s word; typed without marks, it matches any marks."""
    plain = token.word == token.bare
    return any(t.word == token.word or (plain and t.bare == token.bare) for t in tokens)


def _moment(count: Count) -> bool:
    """Hours, a date, a year: a figure that counts nothing after it."""
    return count.unit[:1] == "@"


def _unit_key(count: Count) -> str:
    unit = count.unit.lower()
    for word, same in _SAME_UNIT.items():
        unit = re.sub(r"(?<!\w)" + word + r"(?!\w)", same, unit)
    return _bare(unit)


def _bare(word: str) -> str:
    return strip_diacritics(word.lower())


# --- binding ------------------------------------------------------------------------------

def _candidates(claim: _Claim, read: _Read, loose: bool = False) -> list[Count]:
    """The figures of ``read`` that count what the question's figure counts: the same unit, with
    the question's counted words in its clause ("7 năm tù"); with ``loose``, people of another
    noun to whom the question's predicate happened ("10 người ... tử vong" for "20 cầu thủ chết")."""
    def clause_words(c: Count) -> list[_Token]:
        start, end = read.clauses[_clause_at(read, c.start)]
        return [t for t in read.tokens if start <= t.start < end]

    figures = [c for c in read.figures if claim.target or not _target(read, c)]  # no goal for what is
    if loose:
        if not claim.predicate:
            return []
        return [c for c in figures if _people(read, c) and _unit_key(c) != _unit_key(claim.count)
                and all(_has(t, clause_words(c)) for t in claim.predicate)]
    return [c for c in figures if _unit_key(c) == _unit_key(claim.count)
            and all(_has(t, clause_words(c)) for t in claim.counted)]


def _bind(claim: _Claim, read: _Read, loose: bool = False) -> _Bound | None:
    """The figure of ``read`` that the question's figure is about, if one is bound to it.

    Of the candidates (``_candidates``), the question's words decide: one whose clause has them
    all and the claimed figure (the article says just that); else the one whose clause has most
    of them, unless some stand in another clause after it; one lone candidate also takes the
    words of the clauses before it ("Cầu dài 1,2 km, rộng 30 m với 6 làn xe"). A word in several
    clauses ("thu phí" in "thời gian thu phí" and "mức thu phí") tells none apart. Names must be
    in the sentence, and the name nearest the figure in its clause must be one asked about."""
    cands = _candidates(claim, read, loose)
    if not cands or _RESPECTIVELY.search(read.text):
        return None  # "bị phạt lần lượt 12 và 30 triệu đồng": the order of two lists binds them
    def clause_of(c: Count) -> int:
        return _clause_at(read, c.start)

    present = [a for a in claim.anchors if _has(a, read.tokens)]
    if any(not _has(n, read.tokens) for n in claim.names):
        return None  # "bà Thuý" asked, and the sentence is about ông Anh
    names = [*claim.names, *(n for n in claim.opener if _capitalised_in(n, read))]
    if not claim.anchors:  # "có đúng là 400 khách hàng không?": nothing but the figure
        hit = next((c for c in cands if _same(claim.count, c)), None)
        if hit is None and len({c.values for c in cands}) > 1:
            return None
        return _bound(claim, read, hit or cands[0], 0)
    if 2 * len(present) < len(claim.anchors):
        return None  # the sentence is about something else: "công ty bị phạt" for "kế toán bị phạt"

    # Each mention of a word asked about goes to the nearest candidate of its clause: "trong nhóm
    # 4 người" and "1 người phụ nữ" share one.
    by_clause: dict[int, list[Count]] = {}
    for c in cands:
        by_clause.setdefault(clause_of(c), []).append(c)

    def places(a: _Token) -> set:
        out: set = set()
        for t in read.tokens:
            if _has(a, [t]):
                here = by_clause.get(_clause_at(read, t.start))
                out.add(min(here, key=lambda c: _distance(t, c)) if here else _clause_at(read, t.start))
        return out

    where = {a: places(a) for a in present}

    counted = {t.word for t in claim.counted} | {t.bare for t in claim.counted}

    def runs_by(c: Count) -> list:
        """The names in the clause of ``c``, but for its own unit and counted words ("42.000 USD",
        "616 nhân lực Đề án")."""
        return [r for r in read.runs if _clause_at(read, r[0]) == clause_of(c) and not c.start <= r[0] < c.end
                and not r[2] <= counted and not {_bare(w) for w in r[2]} <= counted]

    def near_name(c: Count) -> bool:
        runs = runs_by(c)
        if not names or not runs:
            return True
        # a name before the figure first ("bà Mai Thị Minh Thuý (46 tuổi", "4 động cơ diesel MTU")
        before = [r for r in runs if r[1] <= c.start]
        nearest = max(before, key=lambda r: r[1]) if before else min(runs, key=lambda r: r[0])
        return any(n.word in nearest[2] or (n.word == n.bare and n.bare in {_bare(w) for w in nearest[2]})
                   for n in names)

    literal = [c for c in cands if _same(claim.count, c) and near_name(c)
               and len(present) == len(claim.anchors) and all(c in where[a] for a in present)]
    if literal:  # "phạt 15 triệu đồng" in "... phạt 68 triệu đồng ...; phạt 15 triệu đồng về ..."
        return _bound(claim, read, literal[0], len(present))
    telling = [a for a in present if a in names or len(where[a]) == 1]
    # Words before the first figure head a whole list ("Mức phạt là 2 triệu đồng với xe máy, 5 triệu
    # đồng với ôtô ..."): they go with every item, not the first; a name goes with its own.
    # A name before them all is the sentence's subject where no candidate's clause names anyone
    # else ("Saudi Arabia ... thừa nhận ..., đồng thời sa thải 5 quan chức"; "giải phóng Al-Hadar,
    # cách thành phố Deir ez-Zor khoảng 120km"). The head goes with every
    # item only where the others open with their figure or a name ("..., 5 triệu đồng với ôtô"),
    # not with a figure of a clause of its own ("tấm séc trị giá 35.000 USD ..., được cho là một
    # phần trong khoản bồi hoàn 130.000 USD").
    first = min(c.start for c in cands)
    carried = all(near_name(c) for c in cands)
    head = {a for a in telling if (a not in names or carried)
            and all(t.end <= first for t in read.tokens if _has(a, [t]))}
    listed = len(cands) > 1 and all(_opens_with(read, c) for c in cands if c.start > first)
    own = {c: {a for a in telling if c in where[a]} - (head if listed else set()) for c in cands}
    scored = [c for c in cands if near_name(c)]
    best = max((len(own[c]) for c in scored), default=0)
    if best:
        winners = [c for c in scored if len(own[c]) == best]
        if len({c.values for c in winners}) > 1:
            return None
        chosen = winners[0]
        if set(telling) - own[chosen] - head:
            return None  # "taxi" stands in another clause than the figure: that clause says something else
    else:
        # "Nhà máy được xây năm 1987 và mở rộng năm 2004": of times, the one whose clause says what is asked
        said = [c for c in cands if _moment(c) and telling and all(c in where[a] for a in telling)]
        if len(said) == 1 and len(cands) > 1:
            return _bound(claim, read, said[0], len(present))
        if len(cands) != 1:
            return None
        chosen = cands[0]
        if set(telling) - head or runs_by(chosen):
            return None  # a word asked about stands after the figure, or its clause names someone else
    return _bound(claim, read, chosen, len(present))


def _opens_with(read: _Read, count: Count, names: bool = True) -> bool:
    """Whether the clause of ``count`` says nothing before it but stop words and (with ``names``)
    names: an item of a list ("5 triệu đồng với ôtô", "Trần Thị Mai 9 năm tù")."""
    start = read.clauses[_clause_at(read, count.start)][0]
    return all(_stop(t) or (names and t.upper) for t in read.tokens if start <= t.start < count.start)


def _about(claim: _Claim, read: _Read) -> bool:
    """Whether ``read`` may be about what the question names, though nothing in it binds the
    figure: it has every name asked about and half the question's words, as binding asks.
    "ông Anh (43 tuổi" is not about bà Thuý."""
    present = [a for a in claim.anchors if _has(a, read.tokens)]
    return all(_has(n, read.tokens) for n in claim.names) and 2 * len(present) >= len(claim.anchors)


def _distance(token: _Token, count: Count) -> int:
    return max(count.start - token.end, token.start - count.end, 0)


def _bound(claim: _Claim, read: _Read, count: Count, strength: int) -> _Bound:
    start = read.clauses[_clause_at(read, count.start)][0]
    part = not claim.part and (read.part or bool(_PART.match(read.text[start:])))
    asked = claim.count
    group = _listed(read, count) if _moment(count) else [count]
    if len(group) > 1:  # "năm 1998 và 2009": either year answers, and the reply names both
        count = Count(read.text[group[0].start:group[-1].end], frozenset().union(*(c.values for c in group)),
                      count.unit, group[0].start, group[-1].end)
    # "8 hoặc 9 tiếng" for "9 tiếng", "8.000 USD" for "8.000 USD một ngày": the article does not say just that
    sure = not (count.range and not (asked.range and asked.values == count.values)) and not (asked.per and not count.per)
    return _Bound(count, _same(asked, count), _found(read, count, claim), strength, part,
                  strength == len(claim.anchors), sure)


_LIST_JOINT = re.compile(r"\s*(?:,|và|hoặc|va|hoac|and|or)\s*$", re.I)


def _listed(read: _Read, count: Count) -> list[Count]:
    """The times of ``count``'s unit listed with it ("năm 1998 và 2009"), in order."""
    group = [count]
    figures = [f for f in read.figures if f.unit == count.unit]
    k = figures.index(count) if count in figures else -1
    for step in (-1, 1):
        j = k + step
        while k >= 0 and 0 <= j < len(figures):
            a, b = (figures[j], group[0]) if step < 0 else (group[-1], figures[j])
            if not _LIST_JOINT.match(read.text[a.end:b.start]):
                break
            group.insert(0, a) if step < 0 else group.append(b)
            j += step
    return group


# Currencies by the last word of their unit, unaccented ("USD", "Đô la Mỹ", "bảng Anh", "nhân dân
# tệ"); "Anh" and "Mỹ" only as the rest of "bảng Anh", "đô la Mỹ".
_CURRENCIES = {"usd": "usd", "do": "usd", "dong": "vnd", "vnd": "vnd", "euro": "eur", "eur": "eur",
               "yen": "jpy", "te": "cny", "won": "krw", "bang": "gbp"}
_CURRENCY_REST = {("bang", "anh"): "gbp", ("la", "my"): "usd"}


def _currency(count: Count) -> str:
    """The currency ``count`` is a sum of ("usd", "gbp", ...), or "" when it is no sum of money."""
    words_ = _unit_key(count).split()
    if len(words_) > 1 and (words_[-2], words_[-1]) in _CURRENCY_REST:
        return _CURRENCY_REST[words_[-2], words_[-1]]
    return _CURRENCIES.get(words_[-1], "") if words_ else ""


def _same(asked: Count, found: Count) -> bool:
    """Whether ``found`` may be the figure ``asked``: a number of both, and no other period of a rate
    ("8.000 USD / giờ" is no "8.000 USD một ngày")."""
    return bool(asked.values & found.values) and not (asked.per and found.per and asked.per != found.per)


def _written_alike(asked: Count, found: Count) -> bool:
    """Whether two figures written in digits have the same digits: "3" is no "3.000" (which
    ``bot.guard.number_values`` also reads as 3), "3,5" may be "3.5"."""
    a, b = asked.text.split()[0], found.text.split()[0]
    if not (a[:1].isdigit() and b[:1].isdigit()):
        return True
    return _NUMBER.match(a).group(0).replace(".", "").replace(",", "") == \
        _NUMBER.match(b).group(0).replace(".", "").replace(",", "")


def _capitalised_in(token: _Token, read: _Read) -> bool:
    return any(t.upper and (t.word == token.word or (token.word == token.bare and t.bare == token.bare))
               for t in read.tokens)


def _people(read: _Read, count: Count) -> bool:
    unit = _unit_key(count)
    following = next((t for t in read.tokens if t.start >= count.end), None)
    return unit in _PEOPLE or bool(following and f"{unit} {following.bare}" in _PEOPLE)


def _comparable(claim: _Claim, figure: Count, read: _Read) -> bool:
    """Whether the claimed figure, standing unbound in a sentence, likely is the one meant: of the
    same unit, people for people, or a number too long to be there by chance ("1.800")."""
    if _unit_key(figure) == _unit_key(claim.count) or (claim.people and _people(read, figure)):
        return True
    return not _moment(figure) and not _moment(claim.count) and sum(ch.isdigit() for ch in figure.text.split()[0]) >= 3


def _found(read: _Read, count: Count, claim: _Claim) -> str:
    """``count`` as the sentence writes it, with what it counts: "7 năm tù", "10 cầu thủ thiệt
    mạng", "10 người còn lại đã tử vong" (up to the question's counted words, when near)."""
    qualifier = _QUALIFIER.search(read.text, 0, count.start)
    start = qualifier.start(1) if qualifier else count.start
    if _moment(count):
        return read.text[start:count.end]
    end = _counted_end(read.text, count, claim.named)
    clause_end = read.clauses[_clause_at(read, count.start)][1]
    after = [t for t in read.tokens if count.end <= t.start < clause_end]
    wanted = [w for w in claim.predicate or claim.counted if not _in(w, _OPEN_ENDS)]
    for k, t in enumerate(after[:_FOUND_REACH + 1]):
        if any(_has(w, [t]) for w in wanted):
            end = max(end, t.end)
            for more in after[k + 1:]:  # the rest of the phrase: "phản đối" of "... được hỏi phản đối"
                if more.word not in claim.named and not any(_has(w, [more]) for w in wanted):
                    break
                end = max(end, more.end)
            break
    # a name right after what it counts belongs to it: its model, its party ("bốn quả đạn Mk-45"), but
    # not the first of a list ("ba môn Toán, Ngữ văn và Ngoại ngữ")
    named = end
    for t in (t for t in read.tokens if end <= t.start < clause_end):
        gap = read.text[named:t.start]
        if not (t.upper or (t.word.isdigit() and gap.strip() == "-")) or gap.strip() not in ("", "-"):
            break
        named = t.end
    following = next((t for t in read.tokens if t.start >= named), None)
    if named > end and read.text[named:named + 1] not in (",", ";") \
            and (following is None or following.start >= clause_end or _in(following, STOP_WORDS)
                 or _in(following, _OPEN_ENDS) or not read.text[named:following.start].isspace()):
        end = named  # not "Đảng Lao" of "Đảng Lao động"
    echoed = set(words(claim.text))  # the rest of a word the question says: "người nước ngoài", not "người nước"
    for t in (t for t in read.tokens if end <= t.start < clause_end):
        if not read.text[end:t.start].isspace() or t.word not in echoed or _in(t, _OPEN_ENDS) or _in(t, _CLAUSE_OPENERS):
            break
        end = t.end
    return read.text[start:_phrase_end(read.text, count, end)]


# Words that leave a phrase open after a figure ("bốn tên lửa Hwasong-12 vào"): not where it ends.
_OPEN_ENDS = frozenset("vào ra cho với của tại ở trên dưới từ đến tới về và để trong cùng theo như là mà thì".split())


def _phrase_end(text: str, count: Count, end: int) -> int:
    """``end``, moved back over words after ``count`` that leave the phrase open ("vào", "của")."""
    opened = text.rfind("(", count.end, end)
    if opened > 0 and ")" not in text[opened:end]:
        end = opened  # "11 triệu cử tri (chiếm": no parenthesis left open
    tail = [t for t in _tokens(text[count.end:end])]
    while tail and _in(tail[-1], _OPEN_ENDS):
        tail.pop()
    return count.end + tail[-1].end if tail else count.end


# A word that says a figure is not exact ("hơn 3.000 người", "khoảng 22h"): kept in the reply, which
# would otherwise claim the article gives the figure as it is.
_QUALIFIER = re.compile(r"(?<!\w)(hơn|khoảng|gần|trên|dưới|ít nhất|tối đa|tối thiểu|chừng|xấp xỉ|ngót|"
                        r"more than|about|nearly|over|under|at least|up to|around)\s+$", re.I)


# --- negation -----------------------------------------------------------------------------

def _negation(question: str, texts: Sequence[str]) -> Judgement | None:
    """A sentence whose clause negates what a yes/no question asks ("Không thu phí đối với chiều
    xe ra" for "có thu phí cả chiều ra không?"), or says the very negation it asks about: every
    word of the question's predicate after a "không" that stands just before the first of them.
    None when some clause says those words without negating them (the article says both)."""
    asked, negated = _predicate(question)
    if len(asked) < 2:
        return None
    said, denied = [], []
    for i, text in enumerate(texts):
        every = _no_one(_tokens(text))
        for start, end in _pieces(text):
            tokens = [t for t in every if start <= t.start < end]
            if not all(_has(a, tokens) for a in asked):
                continue
            where = next((k for k, t in enumerate(tokens) if _has(asked[0], [t])), None)
            negators = [k for k, t in enumerate(tokens[:where]) if t.word in _NEGATORS
                        and (k + 1 >= len(tokens) or tokens[k + 1].word not in _NOT_NEGATING)]
            if negators and where - negators[-1] <= _NEGATION_REACH + 1 \
                    and all(_has(a, tokens[negators[-1]:]) for a in asked):
                denied.append(i)
            elif not any(t.word in _NEGATORS for t in tokens):
                said.append(i)
    if not denied or said:
        return None
    return Judgement(Verdict(negated, "", "", negation=True), (denied[0],))


def _predicate(question: str, negators: bool = False) -> tuple[list[_Token], bool]:
    """The words a yes/no question asks about, without its frame and fillers, and whether it asks
    about a negation ("có đúng là không thu phí chiều ra không?"); none where a negator stands
    inside them, unless ``negators`` ("tổng thống không được ưa chuộng nhất")."""
    tokens = _no_one(_unframed(_tokens(question)))
    negated = bool(tokens) and tokens[0].word in _NEGATORS
    if negated:
        tokens.pop(0)
    if any(t.word in _NEGATORS for t in tokens) and not negators:
        return [], False
    return [t for t in tokens if not _in(t, _FILLERS)], negated


def _no_one(tokens: list[_Token]) -> list[_Token]:
    """"ai" after "không (có)" or "có" read as "người": "không có ai bị thương" negates "có người bị
    thương"; "có ai bị thương không?" asks it."""
    out = list(tokens)
    for k, t in enumerate(out):
        if t.bare == "ai" and k and (out[k - 1].bare in _SOMEONE_BEFORE or _in(out[k - 1], _NEGATORS)):
            out[k] = _Token("người", "nguoi", t.start, t.end, t.upper)
    # "không có thương vong (về người)": no one died or was hurt
    k = 0
    while k + 1 < len(out):
        if (out[k].bare, out[k + 1].bare) == ("thuong", "vong") and k and _in(out[k - 1], _CASUALTY_VERBS):
            end = k + 2 + (2 if [t.bare for t in out[k + 2:k + 4]] == ["ve", "nguoi"] else 0)
            span = (out[k].start, out[end - 1].end)
            out[k:end] = [_Token(w, strip_diacritics(w), *span, False) for w in ("người", "chết", "thương")]
            k += 3
        else:
            k += 1
    return out


_SOMEONE_BEFORE = frozenset({"co"})
_CASUALTY_VERBS = frozenset("có gây".split())


def _pieces(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in _SENTENCE_CUT.finditer(text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return spans


# --- existence ----------------------------------------------------------------------------

# "Thương vong" (casualties) are the dead and the injured: "Vụ cháy không gây thương vong" answers
# "Có ai chết không?" and "Có ai bị thương không?" alike.
_CASUALTIES = ("thương vong",)
_CASUALTY_GROUPS = frozenset({"chết", "bị thương"})
_EXISTENCE_REACH = 5  # words from a negator to what it negates: "không ghi nhận trường hợp nào bị thương"
# A word that opens another clause between them: "không đội mũ bảo hiểm nên bị thương" was hurt.
_CLAUSE_OPENERS = frozenset("nên rồi thì mà và nhưng khi sau vì do".split())
# Negated with one of these between, it is said of everyone: "không có ai", "không một người
# nào"; else of the ones named only ("99 hành khách ... không bị thương"), which a Yes elsewhere beats.
_EVERYONE = frozenset("ai người nào".split())
# What was averted, feared, pursued or is to come did not happen, nor is it denied: "thoát chết",
# "suýt chết", "nguy cơ tử vong", "đang truy bắt", "sẽ bị bắt".
_NOT_DONE = frozenset("suýt thoát tránh nguy nếu sợ truy sẽ".split())


def _existence(predicate: str, texts: Sequence[str]) -> Judgement | None:
    """Whether anyone did or suffered ``predicate`` ("bị thương"), from the first clause of
    ``texts`` (best evidence first) that says it, or negates it for everyone; else from one that
    negates it for some ("hành khách không bị thương"). None when no clause says either."""
    cores, needs = _cores(predicate)
    if not cores:
        return None
    first: dict[str, tuple[int, str]] = {}
    for i, text in enumerate(texts):
        if text.rstrip().endswith("?"):
            continue  # the article's own question ("Liệu có ai bị thương?") says nothing
        if not all(_has(t, _tokens(text)) for t in needs):
            continue  # "phản đối việc thu phí" for "Có ai phản đối dự án không?"
        for start, end in _pieces(text):
            piece = text[start:end]
            tokens = _tokens(piece)
            for reading, (at, stop) in _readings(tokens, cores):
                first.setdefault(reading, (i, _quoted(text, (start + tokens[0].start, start + tokens[-1].end),
                                                      start + tokens[at].start, start + tokens[stop - 1].end)))
    said, everyone = first.get("said"), first.get("everyone")
    if said and (not everyone or said[0] <= everyone[0]):
        return Judgement(Verdict(True, predicate, said[1], existence=True), (said[0],))
    denied = everyone or first.get("some")
    return Judgement(Verdict(False, predicate, denied[1], existence=True), (denied[0],)) if denied else None


def _cores(predicate: str) -> tuple[list[tuple[_Token, ...]], list[_Token]]:
    """The phrases that say ``predicate`` in a clause, and the words its sentence must also have.
    The first phrase of a paraphrase group says it in any of the group's words ("bị thương":
    "trọng thương", "nhập viện", ...; and "thương vong"), else the first content words do
    ("phản đối"); the rest of the predicate's content words must be in the sentence ("dự án" of
    "phản đối dự án", "vụ cháy" of "bị thương trong vụ cháy")."""
    asked = _tokens(predicate)
    content = [t for t in asked if not (_stop(t) or _in(t, _FILLERS))]
    for k in range(len(asked)):
        members = [m for group in GROUPS for m in group if _at(asked, k, _tokens(m))
                   and not _compound(asked, k, len(_tokens(m)))]  # "có ai bắt tay không?" asks no arrest
        if members:
            longest = max(members, key=lambda m: len(_tokens(m)))
            phrases = {m for group in GROUPS if longest in group for m in group}
            if phrases & _CASUALTY_GROUPS:
                phrases |= set(_CASUALTIES)
            said = asked[k:k + len(_tokens(longest))]
            return [tuple(_tokens(m)) for m in sorted(phrases)], [t for t in content if t not in said]
    run: list[_Token] = []
    for t in asked[asked.index(content[0]):] if content else []:
        if t not in content or len(run) == _COUNTED_REACH:
            break
        run.append(t)
    return ([tuple(run)], [t for t in content if t not in run]) if run else ([], [])


# Syllables of a predicate that make another word with the syllable before or after them: "bắt
# tay" (shake hands), "bắt đầu" (begin), "nắm bắt" (grasp) are no arrest; "chết máy" (a stalled
# engine), "góc chết" no death; "giết thời gian" no killing. "bắt giữ", "bắt giam", "bắt khẩn
# cấp", "bắt quả tang" are arrests ("truy bắt", pending, is ``_NOT_DONE``).
_COMPOUNDS = {
    "bắt": (frozenset("nắm đánh săn lùng chộp tóm".split()),
            frozenset("tay đầu buộc nguồn gặp mắt chước kịp nhịp chuyện cóc nạt ép bẻ đền lửa sóng bóng chẹt mạch rễ "
                      "mối vít thăm chợt trend lỗi nọn".split())),
    "chết": (frozenset("điểm góc vùng".split()), frozenset("máy lặng điếng đứng dí tiệt mê".split())),
    # "khu tạm giam", "trại tạm giam", "nhà tạm giữ" are places, no one held
    "tạm": (frozenset("khu trại nhà buồng phòng sở".split()), frozenset()),
    "giết": (frozenset(), frozenset({"thời"})),
}


def _compound(tokens: Sequence[_Token], k: int, length: int) -> bool:
    """Whether the phrase of ``length`` tokens at ``k`` is part of another word (``_COMPOUNDS``)."""
    first, last = tokens[k], tokens[k + length - 1]
    before = _COMPOUNDS.get(first.word, _COMPOUNDS.get(_bare_word(first), (frozenset(), frozenset())))[0]
    after = _COMPOUNDS.get(last.word, _COMPOUNDS.get(_bare_word(last), (frozenset(), frozenset())))[1]
    return (k > 0 and _in(tokens[k - 1], before)) or (k + length < len(tokens) and _in(tokens[k + length], after))


_BARE_COMPOUNDS = {strip_diacritics(w): w for w in _COMPOUNDS}


def _bare_word(token: _Token) -> str:
    """The word of ``_COMPOUNDS`` that ``token``, typed without marks, may be ("bat" → "bắt")."""
    return _BARE_COMPOUNDS.get(token.bare, "") if token.word == token.bare else ""


def _at(tokens: Sequence[_Token], k: int, phrase: Sequence[_Token]) -> bool:
    """Whether ``phrase`` stands in ``tokens`` at ``k``; a word typed without marks matches any marks."""
    return bool(phrase) and len(tokens) - k >= len(phrase) and all(
        a.word == b.word or (a.word == a.bare and a.bare == b.bare) or (b.word == b.bare and a.bare == b.bare)
        for a, b in zip(tokens[k:], phrase))


def _readings(tokens: list[_Token], cores: list[tuple[_Token, ...]]) -> list[tuple[str, tuple[int, int]]]:
    """How a clause says each mention of the predicate ("said", negated for "everyone" or for
    "some"; none for one averted or pending: "thoát chết", "đang truy bắt"), with the tokens it spans."""
    out = []
    at = 0
    while at < len(tokens):
        core = max((c for c in cores if _at(tokens, at, c) and not _compound(tokens, at, len(c))), key=len, default=None)
        if core is None:
            at += 1
            continue
        before = []
        for k in range(at - 1, max(-1, at - 1 - _EXISTENCE_REACH), -1):
            if _in(tokens[k], _CLAUSE_OPENERS):
                break
            before.append(k)
        negator = next((k for k in before if _in(tokens[k], _NEGATORS)
                        and not (k + 1 < len(tokens) and _in(tokens[k + 1], _NOT_NEGATING))), None)
        end = at + len(core)
        if negator is not None:
            casualties = [t.word for t in core] in ([t.word for t in _tokens(c)] for c in _CASUALTIES)
            everyone = casualties or any(_in(t, _EVERYONE) for t in tokens[negator + 1:at])
            out.append(("everyone" if everyone else "some", (negator, end)))
        elif not any(_in(tokens[k], _NOT_DONE) for k in [*before, *range(at, end)]):
            out.append(("said", (at, end)))
        at = end
    return out


_QUOTE_BEFORE, _QUOTE_AFTER = 10, 10  # words quoted before and after what a clause says
_CLAUSE_SUBJECT = 2  # fewer words than this before it in its clause: the words before the clause say of whom


def _quoted(text: str, clause: tuple[int, int], start: int, end: int,
            before: int = _QUOTE_BEFORE, after: int = _QUOTE_AFTER) -> str:
    """What the reply quotes of ``text`` for the words from ``start`` to ``end`` (characters) in
    the ``clause`` (characters): the clause, cut to ``before`` words before them and ``after``
    after, with "…" where cut inside it; a clause that says little before them ("một bị
    thương") takes the words before it too ("khiến một người chết, một bị thương"). A cut falls
    where a word may start or end (``_cut_at``), not inside "hoàng tử"."""
    tokens = _tokens(text)
    at = next(k for k, t in enumerate(tokens) if t.start >= start)
    opening = next(k for k, t in enumerate(tokens) if t.start >= clause[0])
    last = max(k for k, t in enumerate(tokens) if t.end <= clause[1])
    stop = max(k for k, t in enumerate(tokens) if t.end <= end)
    tail = min(last, stop + after)
    first = max(0 if at - opening < _CLAUSE_SUBJECT else opening, at - before)
    if first not in (0, opening):
        first = _cut_at(text, tokens, first, range(first - 1, max(opening, first - _CUT_SHIFT) - 1, -1),
                        range(first + 1, min(at, first + _CUT_SHIFT) + 1), edge=opening)
    if tail < last:
        tail = _cut_at(text, tokens, tail, range(tail + 1, min(last, tail + _CUT_SHIFT) + 1),
                       range(tail - 1, max(stop, tail - _CUT_SHIFT) - 1, -1), edge=last)
    cut = first not in (0, opening)  # a clause quoted from its start is whole there
    close = tokens[tail].end
    close += len(text[close:]) - len(text[close:].lstrip("%²"))  # "1,4%"
    return ("… " if cut else "") + text[tokens[first].start:close] + (" …" if tail < last else "")


_CUT_SHIFT = 4  # words a cut may move to fall between words
# Function words that end a word rather than open a phrase: "năm nay", "xảy ra", "sau đó".
_ENDERS = frozenset("nay này đó ấy kia vậy nữa rồi thế ra qua theo".split())


def _cut_at(text: str, tokens: Sequence[_Token], k: int, outward, inward, edge: int) -> int:
    """Where to cut a quote near token ``k``, which opens it (``edge``, the clause's first token,
    before ``k``) or closes it (``edge``, its last, after ``k``): at ``k`` where a word may start
    or end there; else the nearest such place widening the quote (``outward``), then narrowing it
    (``inward``). A word starts after punctuation, at a function word ("đã", "của", "và"), or at
    the clause's edge; a syllable after another may be the rest of a word ("hoàng tử")."""
    opens = edge < k

    def gap(j: int) -> bool:  # punctuation (or the clause's edge) between token j and the next
        return j < 0 or j + 1 >= len(tokens) or not text[tokens[j].end:tokens[j + 1].start].isspace()

    def function(j: int) -> bool:
        return 0 <= j < len(tokens) and _in(tokens[j], STOP_WORDS) and not _in(tokens[j], _ENDERS)

    def fits(j: int, level: int) -> bool:
        if j == edge or gap(j - 1 if opens else j):
            return True
        if opens:  # a function word opens a phrase, surely after another or punctuation ("của năm nay")
            return function(j) and (level > 1 or function(j - 1) or gap(j - 2))
        return function(j + 1) and (level > 1 or function(j + 2) or gap(j + 1))
    for level in (1, 2):
        for j in [k, *outward, *inward]:
            if fits(j, level):
                return j
    return k
