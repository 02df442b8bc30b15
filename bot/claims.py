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

What the article only reports as an accusation, a suspicion or a rumour ("Công ty X bị tố lừa đảo
200 khách hàng", "nghi trộm xe", "Theo đơn tố cáo, ...") is never confirmed as fact: ``reported``
says so instead of ✅.
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
    "cu dan|nguoi lao dong".split("|"))
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
        if not self.stated:
            return "claim_not_said"
        if self.other and not self.matches:
            return "claim_differs_other"
        return "claim_matches" if self.matches else "claim_differs"

    @property
    def other_number(self) -> str:
        """The claimed figure as the article writes it where it counts something else ("12")."""
        return self.other.split(maxsplit=1)[0] if self.other else ""

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
    predicate = existence_predicate(question) if claim is None else None
    if predicate:
        return _existence(predicate, texts)
    if claim is None:
        return _negation(question, texts)
    reads = [_read(t) for t in texts]
    bounds = [(i, _bind(claim, r)) for i, r in enumerate(reads)]
    decided = _decide(claim, bounds)
    if decided is None and title:
        bound = _bind(claim, _read(title))
        decided = Judgement(_verdict(claim, bound), (), headline=True) if bound else None
    if decided and not decided.verdict.matches:
        # No "No" while a sentence gives the claimed figure for the same kind of thing, though
        # not plainly bound to what the question names: the reader sees both.
        shadow = next(((i, c) for (i, b), r in zip(bounds, reads) if b is None for c in _candidates(claim, r)
                       if c.values & claim.count.values and _about(claim, r)), None)
        if shadow:
            i, c = shadow
            rests = (i,) + tuple(j for j in decided.rests_on if j != i)
            return Judgement(Verdict(True, claim.text, _found(reads[i], c, claim), sure=False), rests)
    if decided:
        return _elsewhere(claim, reads, decided, near) if not decided.headline else decided
    said = any(_says(claim, r) for r in [*reads, _read(title or "")])
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
                if denied.verdict.other:
                    return denied
    for i, r in enumerate(reads[:near]):
        for f in r.figures:
            if f.values & claim.count.values and _comparable(claim, f, r):
                return Judgement(Verdict(True, claim.text, _found(r, f, claim), sure=False), (i,))
    return None


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
    return Verdict(bound.matches, claim.text, bound.found)


def _elsewhere(claim: _Claim, reads: Sequence[_Read], judged: Judgement, near: int) -> Judgement:
    """A No, with where the article gives the claimed figure for something else: "12 người chết?"
    on "Vụ cháy làm 3 người chết, 12 người bị thương" is the injured count (``_counts_else``),
    looked for in the sentences the No rests on, then in the best evidence; quoted after them."""
    verdict = judged.verdict
    if verdict.matches or not verdict.sure or verdict.negation:
        return judged
    for i in dict.fromkeys([*judged.rests_on, *range(min(near, len(reads)))]):
        other = _counts_else(claim, reads[i])
        if other:
            rests = judged.rests_on + (() if i in judged.rests_on else (i,))
            return Judgement(dataclasses.replace(verdict, other=other), rests)
    return judged


def _counts_else(claim: _Claim, read: _Read) -> str:
    """The claimed figure in ``read`` where its clause says it counts something other than the
    question asks: of the same unit (or people, for people), with none of the question's words of
    what it counts or what happened ("chết") in its clause, nor counting a part ("Trong đó, ..."),
    and words of its own after it ("12 người khác bị thương"). "" when there is none, or nothing
    tells what it counts."""
    wanted = claim.predicate or claim.counted
    if not wanted or _moment(claim.count):
        return ""
    for f in read.figures:
        if not f.values & claim.count.values or _moment(f):
            continue
        if _unit_key(f) != _unit_key(claim.count) and not (claim.people and _people(read, f)):
            continue
        if _says_asked(claim, read, f):
            continue  # a count of what was asked, not bound: binding says so, not this
        start, end = read.clauses[_clause_at(read, f.start)]
        if read.part or _PART.match(read.text[start:]):
            continue  # "Trong đó, có 3 điểm đặt ở cửa ngõ": a part of what was asked, no other thing
        after = [t for t in read.tokens if f.end <= t.start < end][:_OTHER_REACH]
        while after and _stop(after[-1]):
            after.pop()
        if any(not _stop(t) for t in after):
            return read.text[f.start:after[-1].end]
    return ""


_OTHER_REACH = 3  # words after a figure that say what it counts ("người khác bị thương")


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
        people, predicate = True, tuple(t for t in after[1:] if not _stop(t))[:_COUNTED_REACH]
    first = tokens[0].start if tokens else 0
    anchors = tuple(t for t in kept if not (count.start <= t.start < count.end) and t not in counted
                    and not t.word.isdigit() and not _stop(t))
    # what the question claims: "5 người bị thương", "8 làn xe cơ giới", "24/24"
    ends = [count.end, *(t.end for t in counted)]
    end = max(ends if _moment(count) else [*ends, _counted_end(question, count, named)])
    return _Claim(count, question[count.start:end].strip(), named, counted, predicate if people else (), people,
                  anchors, tuple(t for t in anchors if t.upper and t.start != first),
                  tuple(t for t in anchors if t.upper and t.start == first), bool(_PART.search(question)))


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
    for m in _COUNT.finditer(text):
        number, unit = m.group(1), m.group(2)
        if unit.lower() in _TIME_UNITS and text[m.end():].lstrip()[:1].isdigit():
            continue  # a date or a time of day, no count
        if any(s.start <= m.start() < s.end for s in spans):
            continue
        word = _NUMBER_WORDS.get(number.lower())
        values = frozenset({float(word)}) if word else frozenset(number_values(number))
        out.append(Count(m.group(0), values, unit, m.start(), m.end()))
    return _parts_of_wholes(text, sorted(out, key=lambda c: c.start))


def _moments(text: str, taken: Sequence[Count]) -> list[Count]:
    """The dates, years and hours of the day of ``text`` outside the spans ``taken``."""
    out: list[Count] = []

    def add(m: re.Match, value, unit: str) -> None:
        if not any(c.start < m.end() and m.start() < c.end for c in [*taken, *out]):
            out.append(Count(m.group(0), frozenset({value}), unit, m.start(), m.end()))

    for m in _DATE.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if 1 <= int(day) <= 31 and 1 <= int(month) <= 12:
            add(m, (int(day), int(month)), _DATE_UNIT)
    for m in _YEAR.finditer(text):
        add(m, float(m.group(1)), _YEAR_UNIT)
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
    return _bare(count.unit)


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

    if loose:
        if not claim.predicate:
            return []
        return [c for c in read.figures if _people(read, c) and _unit_key(c) != _unit_key(claim.count)
                and all(_has(t, clause_words(c)) for t in claim.predicate)]
    return [c for c in read.figures if _unit_key(c) == _unit_key(claim.count)
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
        hit = next((c for c in cands if c.values & claim.count.values), None)
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

    literal = [c for c in cands if c.values & claim.count.values and near_name(c)
               and len(present) == len(claim.anchors) and all(c in where[a] for a in present)]
    if literal:  # "phạt 15 triệu đồng" in "... phạt 68 triệu đồng ...; phạt 15 triệu đồng về ..."
        return _bound(claim, read, literal[0], len(present))
    telling = [a for a in present if a in names or len(where[a]) == 1]
    # Words before the first figure head a whole list ("Mức phạt là 2 triệu đồng với xe máy, 5 triệu
    # đồng với ôtô ..."): they go with every item, not the first; a name goes with its own.
    first = min(c.start for c in cands)
    head = {a for a in telling if a not in names and all(t.end <= first for t in read.tokens if _has(a, [t]))}
    own = {c: {a for a in telling if c in where[a]} - (head if len(cands) > 1 else set()) for c in cands}
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
    return _Bound(count, bool(count.values & claim.count.values), _found(read, count, claim), strength, part,
                  strength == len(claim.anchors))


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
    after = [t for t in read.tokens if count.end <= t.start < clause_end][:_FOUND_REACH + 1]
    wanted = claim.predicate or claim.counted
    for t in after:
        if any(_has(w, [t]) for w in wanted):
            end = max(end, t.end)
    return read.text[start:end]


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


def _predicate(question: str) -> tuple[list[_Token], bool]:
    """The words a yes/no question asks about, without its frame and fillers, and whether it asks
    about a negation ("có đúng là không thu phí chiều ra không?")."""
    tokens = _no_one(_unframed(_tokens(question)))
    negated = bool(tokens) and tokens[0].word in _NEGATORS
    if negated:
        tokens.pop(0)
    if any(t.word in _NEGATORS for t in tokens):
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
        members = [m for group in GROUPS for m in group if _at(asked, k, _tokens(m))]
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
        core = max((c for c in cores if _at(tokens, at, c)), key=len, default=None)
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


def _quoted(text: str, clause: tuple[int, int], start: int, end: int) -> str:
    """What the reply quotes of ``text`` for the words from ``start`` to ``end`` (characters) in
    the ``clause`` (characters): the clause, cut to ``_QUOTE_BEFORE`` words before them and
    ``_QUOTE_AFTER`` after, with "…" where cut inside it; a clause that says little before them
    ("một bị thương") takes the words before it too ("khiến một người chết, một bị thương")."""
    tokens = _tokens(text)
    at = next(k for k, t in enumerate(tokens) if t.start >= start)
    opening = next(k for k, t in enumerate(tokens) if t.start >= clause[0])
    last = max(k for k, t in enumerate(tokens) if t.end <= clause[1])
    tail = min(last, max(k for k, t in enumerate(tokens) if t.end <= end) + _QUOTE_AFTER)
    first = max(0 if at - opening < _CLAUSE_SUBJECT else opening, at - _QUOTE_BEFORE)
    cut = first not in (0, opening)  # a clause quoted from its start is whole there
    return ("… " if cut else "") + text[tokens[first].start:tokens[tail].end] + (" …" if tail < last else "")

# --- reported, not stated -----------------------------------------------------------------

# Words that report an accusation, a suspicion, a rumour or someone's view, not a fact: "bị tố
# lừa đảo", "tố cáo", "bị cáo buộc", "nghi trộm", "tình nghi", "nghi vấn", "tin đồn", "được cho
# là", "khách hàng cho rằng công ty lừa đảo". Not "bị cáo" (a defendant), "yếu tố", "tố tụng",
# "nghi lễ", "thích nghi" (``_REPORTING_ALONE``).
_REPORTING = tuple(tuple(phrase.split()) for phrase in (
    "tố cáo", "tố giác", "cáo buộc", "nghi vấn", "nghi ngờ", "tin đồn", "lời đồn", "đồn đoán", "đồn thổi",
    "được cho là", "bị cho là", "cho rằng",
    # an English article's
    "accused of", "accused", "alleged", "allegedly", "allegation", "allegations", "suspected of", "suspected",
    "reportedly", "rumoured", "rumored", "rumour", "rumor", "rumours", "rumors"))
# One syllable that reports only where no compound reads it otherwise: the syllables before and
# after that make "tố" and "nghi" other words.
_REPORTING_ALONE = {
    "tố": (frozenset("yếu nhân nguyên độc kích sắc hồng diệp vi nội hoóc men thành".split()),
           frozenset("tụng chất nữ hữu khổ lục tâm nga".split())),
    "nghi": (frozenset("thích hoài tiện uy lễ".split()),
             frozenset("thức lễ ngút vệ dung trượng binh môn".split())),
}
# Before a comma, these open a piece that says whose word the sentence gives: "Theo đơn tố cáo,
# công ty đã nhận ..." reports all that follows.
_ATTRIBUTION = frozenset({"theo", "according"})
_REPORTED_REACH = 2  # words after a reporting word that say what it reports ("bị tố đã lừa đảo")


def reported(question: str, texts: Sequence[str], title: str | None = None, whole: bool = True) -> Judgement | None:
    """A yes/no question about what the article only reports as an accusation, a suspicion or a
    rumour: "Công ty X lừa đảo phải không?" on the headline "Công ty X bị tố lừa đảo 200 khách
    hàng". The first of ``texts`` (the best evidence), then the ``title``, that says the
    question's words with such a word before them (``_reports``) decides; none does where one
    of ``texts`` says them plainly first (the article states it). With ``whole`` false, a text
    need say only half the question's words (it was chosen for binding the figure). None when the
    question asks about the accusation itself ("bị tố lừa đảo phải không?")."""
    if not is_yes_no(question):
        return None
    asked, _ = _predicate(question)
    if len(asked) < 2 or _markers(_tokens(question)):
        return None
    for i, text in enumerate(texts):
        found = _reports(asked, text, whole)
        if found is not None:
            return Judgement(Verdict(False, "", "", reported=True), (i,)) if found else None
    if title and _reports(asked, title, whole):
        return Judgement(Verdict(False, "", "", reported=True), (), headline=True)
    return None


def _reports(asked: Sequence[_Token], text: str, whole: bool) -> bool | None:
    """Whether ``text`` says the ``asked`` words as reported (a reporting word just before one of
    them, or anywhere before them after "Theo ...,"); False where it says them plainly; None where
    it does not say (enough of) them."""
    tokens = _tokens(text)
    present = [a for a in asked if _has(a, tokens)]
    if len(present) < len(asked) if whole else 2 * len(present) < len(asked):
        return None
    pieces = _pieces(text)

    def piece(position: int) -> int:
        return next((k for k, (s, e) in enumerate(pieces) if s <= position <= e), len(pieces) - 1)

    for start, end in _markers(tokens):
        after = [t for t in tokens if t.start >= end]
        if not _attributed(tokens, pieces, piece(start)):
            # what it reports follows it: "nghi trộm xe" reports the theft, not the "bị bắt" after it
            after = [t for t in after if piece(t.start) == piece(start) and not _in(t, _FILLERS)][:_REPORTED_REACH]
        if any(_has(a, after) for a in present):
            return True
    return False


def _attributed(tokens: Sequence[_Token], pieces: Sequence[tuple[int, int]], k: int) -> bool:
    """Whether piece ``k`` of a sentence opens with "Theo" and more of the sentence follows."""
    start = pieces[k][0]
    first = next((t for t in tokens if t.start >= start), None)
    return k + 1 < len(pieces) and first is not None and first.word in _ATTRIBUTION


def _markers(tokens: Sequence[_Token]) -> list[tuple[int, int]]:
    """Where ``tokens`` hold a reporting word (``_REPORTING``, ``_REPORTING_ALONE``): (start, end)."""
    low = [t.word.lower() for t in tokens]
    out = []
    for k, word in enumerate(low):
        phrase = next((p for p in _REPORTING if tuple(low[k:k + len(p)]) == p), None)
        if phrase:
            out.append((tokens[k].start, tokens[k + len(phrase) - 1].end))
        elif word in _REPORTING_ALONE:
            before, after = _REPORTING_ALONE[word]
            if (k and low[k - 1] in before) or (k + 1 < len(low) and low[k + 1] in after) or _in_name(tokens, k):
                continue
            out.append((tokens[k].start, tokens[k].end))
    return out


def _in_name(tokens: Sequence[_Token], k: int) -> bool:
    """Whether token ``k`` is part of a name ("huyện Nghi Xuân", "nhà thơ Tố Hữu"): capitalised inside
    the text, or opening it before another capitalised word."""
    return tokens[k].upper and (k > 0 or (k + 1 < len(tokens) and tokens[k + 1].upper))
