"""What a follow-up question means after the last one: "ông ấy bao nhiêu tuổi?" is about the man
the last answer named, "khi nào?" about the last question's subject.

The chat keeps the last question and the people its answer named (``people_named``); a new
question is rewritten by ``follow_up`` before retrieval sees it.
"""
from __future__ import annotations

import re

from bot.guard import find_names
from bot.lexicon import vietnamese_surname
from bot.question import parse_question
from bot.textstats import is_acronym, strip_diacritics


def follow_up(question: str, last_question: str, language: str = "vi", people: tuple[str, ...] = ()) -> str:
    """The question as it is meant after the last one.

    "ông ấy bao nhiêu tuổi?" after an answer quoting "ông Trần Văn Hùng" is about him: the
    pronoun is replaced by the person of that title the answer (or the question) named first,
    ``people``, as "ông Hùng". A question that names nothing to search ("ai?", "khi nào?", "ông ấy nói gì?"
    with nobody named before) is asked about the last question's subject: after "giá xăng RON95
    bao nhiêu?", "khi nào?" is "giá xăng RON95 khi nào?". A question that names something of its
    own ("ông ấy chỉ đạo gì?", "who is funding it?") is asked as it is: adding the last question's
    words would find the last answer again."""
    resolved = _named_person(question, people)
    if resolved != question or not question.strip():
        return resolved
    own = any(isinstance(t, str) for t in parse_question(question, "en" if language == "en" else "vi").terms)
    if own:
        return question  # it names something of its own (pairs of stop words name nothing)
    subject = " ".join(parse_question(last_question).words)
    return f"{subject} {question}" if subject else question


# "ông ấy", "bà ta", "anh ấy": someone named before, by the title they were named with.
_PERSON_POINTER = re.compile(r"\b(ông|bà|anh|chị|cô)\s+(?:ấy|ta)\b", re.I)
_TITLES = ("ông", "bà", "anh", "chị", "cô")
_WOMEN = ("bà", "chị", "cô")


def people_named(texts: list[str]) -> tuple[str, ...]:
    """The people ``texts`` name with a title, as "ông Trần Văn Hùng", in order of mention; a
    person named without a title ("Chủ tịch UBND tỉnh Trần Văn Hùng") is listed bare, after them."""
    titled, bare = [], []
    for text in texts:
        for name in find_names(text):
            if is_acronym(name.split()[0]):
                continue
            before = text[: text.find(name)].split()
            title = before[-1].lower() if before else ""
            (titled if title in _TITLES else bare).append(f"{title} {name}" if title in _TITLES else name)
    return tuple(dict.fromkeys(titled + [p for p in map(_person_in, bare) if p]))


def _person_in(name: str) -> str | None:
    """The person's name a run of capitalised words ends with, from its family name: "Trần Văn
    Hùng" in "Quảng Bình Trần Văn Hùng" (a place before a title's name); None for "Sở Tài chính"."""
    words = name.split()
    starts = [i for i, w in enumerate(words[:-1]) if vietnamese_surname(strip_diacritics(w).lower())]
    return " ".join(words[starts[-1]:]) if starts else None


def _named_person(question: str, people: tuple[str, ...]) -> str:
    """``question`` with "ông ấy" replaced by the first of ``people`` titled "ông" (else the first
    named without a title), as news refers to someone after naming them: by title and given name,
    "ông Tuấn" for "Nguyễn Minh Tuấn" (the full name would only find the sentence that introduced
    him again). Unchanged when there is no such pointer or nobody to point at."""
    pointer = _PERSON_POINTER.search(question)
    if not pointer or not people:
        return question
    title = pointer.group(1).lower()
    same = [p for p in people if p.split()[0] == title]
    # Named without a title ("bị cáo Lê Thị Ngọc Hân"): a woman for "bà ấy" ("Thị" is a woman's
    # middle name), a man for "ông ấy", when the answer named both.
    untitled = [p for p in people if p.split()[0] not in _TITLES]
    fitting = [p for p in untitled if (" Thị " in f" {p} ") == (title in _WOMEN)] or untitled
    chosen = (same or fitting or [None])[0]
    if chosen is None:
        return question
    return f"{question[: pointer.start()]}{title} {chosen.split()[-1]}{question[pointer.end():]}"
