"""What the article only reports, not states: a yes/no question about an accusation, a suspicion,
a rumour, a guess or someone's word is never confirmed.

"Công ty X lừa đảo phải không?" on the headline "Công ty X bị tố lừa đảo 200 khách hàng", "Trump
gian lận thuế phải không?" on "Cohen đã cáo buộc Tổng thống ... cũng như khả năng gian lận thuế",
"Vụ cháy do chập điện phải không?" on "Theo ông Bình, vụ cháy do chập điện" (``reported``). A
sentence the article follows with a denial ("Tuy nhiên, Nga đã phủ nhận cáo buộc này", ``denies``)
is contested too; ``bot.tasks.answer`` quotes both.
"""
from __future__ import annotations

import re
from typing import Sequence

from bot.claims import (_FILLERS, Judgement, Verdict, _figures, _has, _in, _pieces, _predicate, _Token,
                        _tokens)
from bot.orthography import words
from bot.question import is_yes_no

# Words that report an accusation, a suspicion, a rumour or someone's view, not a fact: "bị tố
# lừa đảo", "tố cáo", "bị cáo buộc", "nghi trộm", "tình nghi", "nghi vấn", "tin đồn", "được cho
# là", "khách hàng cho rằng công ty lừa đảo". Not "bị cáo" (a defendant), "yếu tố", "tố tụng",
# "nghi lễ", "thích nghi" (``_REPORTING_ALONE``).
_REPORTING = tuple(tuple(phrase.split()) for phrase in (
    "tố cáo", "tố giác", "cáo buộc", "nghi vấn", "nghi ngờ", "tin đồn", "lời đồn", "đồn đoán", "đồn thổi",
    "được cho là", "bị cho là", "cho rằng",
    # someone's word, a guess: "ngôi sao ... từng tuyên bố ngoại tình với ông Trump", "Các quan chức
    # từng khẳng định, Nga cố ý can thiệp ...", "tên lửa có thể là loại Hwasong-12"
    "từng tuyên bố", "tuyên bố rằng", "từng khẳng định", "khẳng định rằng", "có thể là", "có thể đã", "có lẽ",
    "dường như", "nhiều khả năng",
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
_SUBORDINATE = frozenset("khi nếu vì bởi kể".split())
_REPORTED_REACH = 2  # words after a reporting word of one syllable that say what it reports ("bị tố đã lừa đảo")
# "Theo ông X, ...", "..., theo lời bà Y": one person's word. It reports a claim with no figure
# ("Vụ cháy do chập điện phải không?"); a figure an official gives ("Theo ông A, 3 người chết") is
# the article's fact.
_PERSON = frozenset("ông bà anh chị lời cáo tố".split())


def reported(question: str, texts: Sequence[str], title: str | None = None, whole: bool = True) -> Judgement | None:
    """A yes/no question about what the article only reports as an accusation, a suspicion, a
    rumour or someone's word: "Công ty X lừa đảo phải không?" on the headline "Công ty X bị tố lừa
    đảo 200 khách hàng". The first of ``texts`` (the best evidence), then the ``title``, that says
    the question's words with such a word before them (``_reports``) decides; none does where one
    of ``texts`` says them plainly first (the article states it). With ``whole`` false, a text
    need say only half the question's words (it was chosen for binding the figure). None when the
    question asks about the accusation itself ("bị tố lừa đảo phải không?")."""
    if not is_yes_no(question):
        return None
    asked, _ = _predicate(question, negators=True)
    if len(asked) < 2 or _markers(_tokens(question)):
        return None
    person = not _figures(question)
    for i, text in enumerate(texts):
        found = _reports(asked, text, whole, person)
        if found is not None:
            return Judgement(Verdict(False, "", "", reported=True), (i,)) if found else None
    if title and _reports(asked, title, whole, person):
        return Judgement(Verdict(False, "", "", reported=True), (), headline=True)
    return None


def says(question: str, text: str, whole: bool = True) -> bool:
    """Whether ``text`` says the words a yes/no ``question`` asks about (all, or with ``whole``
    false, more than half of them and every name)."""
    if not is_yes_no(question):
        return False  # "Tướng X là ai?" claims nothing
    asked, _ = _predicate(question, negators=True)
    tokens = _tokens(text)
    present = [a for a in asked if _has(a, tokens)]
    if len(asked) < 2:
        return False
    if whole:
        return len(present) == len(asked)
    return 2 * len(present) > len(asked) and all(_has(a, tokens) for a in asked if a.upper and a.start)


# A sentence that denies what the one before says: "Tuy nhiên, Nga đã phủ nhận cáo buộc này."
_DENIAL = re.compile(r"\b(?:phủ nhận|bác bỏ|bác tin|bác thông tin|phủ định|denied|denies|rejected|dismissed)\b", re.I)
_DENIED = re.compile(r"\b(?:cáo buộc|thông tin|tin đồn|điều này|điều đó|nghi vấn|này|đó|allegations?|claims?|reports?)\b",
                     re.I)
_DENIAL_OPENS = 12  # words from a sentence's start to its denying word: its own news, no aside ("sau khi bác bỏ ...")
_UNDENIABLE = re.compile(r"\b(?:không|chẳng|chưa)(?:\s+(?:thể|hề|ai))?\s+$|\b(?:not|never|no one)\s+$", re.I)


def denies(text: str) -> bool:
    """Whether ``text`` denies what was said before it ("X đã phủ nhận cáo buộc này", "bác bỏ
    thông tin"), not something of its own ("bác bỏ đơn kháng cáo" is a ruling)."""
    m = _DENIAL.search(text)
    return bool(m) and len(words(text[:m.start()])) <= _DENIAL_OPENS and not _UNDENIABLE.search(text, 0, m.start()) \
        and bool(_DENIED.search(text, m.end(), m.end() + _DENIED_REACH))  # not "không thể phủ nhận rằng ..."


_DENIED_REACH = 40  # characters after the denying word where what it denies is named


def _reports(asked: Sequence[_Token], text: str, whole: bool, person: bool = False) -> bool | None:
    """Whether ``text`` says the ``asked`` words as reported (a reporting word of one syllable just
    before one of them, one of several syllables before them in its piece of the sentence or, where
    it ends its piece, in the next: "người ta cho rằng, ông Trump là ..."; or anywhere before them
    after "Theo ...,"; with ``person``, anywhere in a sentence one person's word: "Theo ông X, ...",
    "..., theo lời bà Y"); False where it says them plainly; None where it does not say (enough
    of) them."""
    tokens = _tokens(text)
    present = [a for a in asked if _has(a, tokens)]
    if len(present) < len(asked) if whole else 2 * len(present) < len(asked):
        return None
    pieces = _pieces(text)

    def piece(position: int) -> int:
        return next((k for k, (s, e) in enumerate(pieces) if s <= position <= e), len(pieces) - 1)

    for start, end in _markers(tokens):
        after = [t for t in tokens if t.start >= end]
        if _attributed(tokens, pieces, piece(start)):
            if any(_has(a, after) for a in present):
                return True
        elif len(words(text[start:end])) == 1:
            # what it reports follows it: "nghi trộm xe" reports the theft, not the "bị bắt" after it
            if any(_has(a, [t for t in after if piece(t.start) == piece(start) and not _in(t, _FILLERS)][:_REPORTED_REACH])
                   for a in present):
                return True
        else:
            # a verb of saying reports its piece of the sentence, or the next where it ends its own
            # ("người ta cho rằng, ông X là ..."), to a clause of time or cause ("nhiều khả năng đó sẽ là
            # thảm hoạ lớn nhất kể từ năm 1991 khi ..." guesses no more than the disaster to come): half
            # the question's words stand there, some of them nowhere before it ("tấm séc trị giá 35.000 USD
            # ..., được cho là một phần trong khoản 130.000 USD" reports no cheque)
            k = piece(start)
            rest = [t for t in after if piece(t.start) == k and not _in(t, _FILLERS)] \
                or [t for t in after if piece(t.start) == k + 1]
            rest = rest[:next((j for j, t in enumerate(rest) if t.word in _SUBORDINATE), len(rest))]
            said = [a for a in present if _has(a, rest)]
            before = [t for t in tokens if t.end <= start]
            if 2 * len(said) >= len(present) and any(not _has(a, before) for a in said):
                return True
    if person:
        for k, (start, end) in enumerate(pieces):
            opening = [t for t in tokens if start <= t.start < end][:2]
            if len(opening) == 2 and opening[0].word in _ATTRIBUTION and _in(opening[1], _PERSON) and len(pieces) > 1:
                return True  # "Theo ông X, ..." or "..., theo ông X."
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
