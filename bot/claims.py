"""Check the figure of a yes/no question against the sentence that answers it.

"Có đúng là Tùng bị 9 năm tù không?" on "... tuyên phạt Nguyễn Văn Hưng 15 năm tù, Trần Thị Mai 9
năm tù và Lê Văn Tùng 7 năm tù ...": the part of the sentence about Tùng counts "7 năm", so the
article says otherwise. Only a counted figure is checked (a number and the word after it: "9
năm", "8 làn", "ba môn"), in the clause that names what the question names; anything else is
left to the reader, who gets the sentence quoted as before.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.guard import number_values
from bot.orthography import words
from bot.question import is_yes_no
from bot.textstats import STOP_WORDS, strip_diacritics

# Vietnamese number words a count may be written with ("thi ba môn"); not "năm" (a year) nor "tư"
# or "một" ("một số"), which are mostly other words.
_NUMBER_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_COUNT = re.compile(r"(?<![\w.,/-])(\d+(?:[.,]\d+)*|" + "|".join(_NUMBER_WORDS) + r")\s+([^\W\d_]+)", re.I)
# Clause boundaries inside a sentence that lists several people's figures.
_CLAUSE = re.compile(r"[,;:]\s+|\s+(?:và|còn|trong khi|and|while)\s+", re.I)
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")
_COUNTED_REACH = 2  # words after the unit that say what is counted
_CLOSING = frozenset("khong chua phai dung a ha nhi chu".split())
# Time words after a number: a span ("9 năm tù") unless a number follows, as in a date ("5 tháng
# 3 năm 2024") or a time ("8 giờ 30").
_TIME_UNITS = frozenset("năm tháng ngày giờ phút".split())


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
    """What the article's clause says beside the question's figure."""

    matches: bool
    claimed: str  # "9 năm"
    found: str    # "7 năm"


def check_claim(question: str, sentence: str) -> Verdict | None:
    """Whether ``sentence`` states the figure a yes/no ``question`` claims, or another one for the
    same thing; None when the question claims no figure or the sentence counts no such thing."""
    if not is_yes_no(question):
        return None
    figures = _counts(question)
    if len(figures) != 1:
        return None  # no figure, or several: nothing simple to check
    claim = figures[0]
    clause = _clause_about(question, sentence)
    named = _named_after(question, claim)
    counted = set(named[:_COUNTED_REACH])  # "9 năm tù" → {"tù"}, "8 làn xe cơ giới" → {"xe", "cơ"}
    if not counted <= set(words(clause)):
        return None  # "300 người chết" checked against "300 người bị thương": another count
    same_unit = [c for c in _counts(clause) if _unit(c) == _unit(claim)]
    if len(same_unit) > 1:  # "6 làn xe cơ giới và hai làn đường đi bộ": the one counting the same thing
        same_unit = [c for c in same_unit if counted <= set(words(_with_counted(clause, c, named)))]
    if not same_unit:
        return None
    claimed = _with_counted(question, claim, named)
    hit = next((c for c in same_unit if c.values & claim.values), None)
    if hit is not None:
        return Verdict(True, claimed, _with_counted(clause, hit, named))
    return Verdict(False, claimed, _with_counted(clause, same_unit[0], named)) if len(same_unit) == 1 else None


def _with_counted(text: str, count: Count, named: list[str]) -> str:
    """``count`` with the words after it in ``text`` that the question names: "7 năm tù",
    "6 làn xe cơ giới"."""
    end = count.end
    while (m := _NEXT_WORD.match(text, end)) and set(words(m.group(1))) <= set(named):
        end = m.end()
    return text[count.start:end]


def _counts(text: str) -> list[Count]:
    out = []
    for m in _COUNT.finditer(text):
        number, unit = m.group(1), m.group(2)
        if unit.lower() in _TIME_UNITS and text[m.end():].lstrip()[:1].isdigit():
            continue  # a date or a time of day, no count
        word = _NUMBER_WORDS.get(number.lower())
        values = frozenset({float(word)}) if word else frozenset(number_values(number))
        out.append(Count(m.group(0), values, unit, m.start(), m.end()))
    return out


def _named_after(question: str, claim: Count) -> list[str]:
    """The question's words after its figure, without stop words and its closing words ("không",
    "phải không"): what the figure counts comes first."""
    return [w for w in words(question[claim.end:]) if w not in STOP_WORDS and strip_diacritics(w) not in _CLOSING]


def _unit(count: Count) -> str:
    return strip_diacritics(count.unit.lower())


def _clause_about(question: str, sentence: str) -> str:
    """The clause of ``sentence`` that names what the question names (a capitalised word of the
    question that the sentence writes capitalised too: "Tùng", not a question's opening "Có"),
    else the whole sentence."""
    capitalised = {w.strip(".,;:?!\"'") for w in sentence.split() if w[:1].isupper()}
    names = set(words(" ".join(w for w in (w.strip(".,;:?!\"'") for w in question.split())
                                if w[:1].isupper() and w in capitalised)))
    if not names:
        return sentence
    clauses = [c for c in _CLAUSE.split(sentence) if c.strip()]
    about = [c for c in clauses if names & set(words(c))]
    return about[0] if len(about) == 1 else sentence
