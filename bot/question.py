"""Read a question: what to search for, and what kind of answer it expects.

Question words ("ai", "bao nhiêu", "khi nào", ...) carry no topic, so they leave the query and
become an expected answer type; ``has_type`` then tells whether a sentence holds something of
that kind (a number, a date, a name) that the question does not already name. Used by
``bot.retrieve``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.guard import find_names
from bot.textstats import STOP_WORDS, ngrams, strip_diacritics, syllables

# Question phrase → expected answer type. Longer phrases are matched first, so "năm nào"
# wins over "nào". A question typed without diacritics is matched on the unaccented forms.
_QUESTION_WORDS = {
    "bao nhiêu": "number", "mấy": "number", "how many": "number", "how much": "number",
    "khi nào": "time", "năm nào": "time", "bao giờ": "time", "lúc nào": "time",
    "thời gian nào": "time", "thời điểm nào": "time", "when": "time", "what year": "time",
    "ai": "person", "who": "person", "whom": "person",
    "ở đâu": "place", "nơi nào": "place", "where": "place",
    "tại sao": "reason", "vì sao": "reason", "why": "reason",
    "như thế nào": "manner", "thế nào": "manner", "how": "manner",
    "là gì": "thing", "gì": "thing", "nào": "thing", "what": "thing", "which": "thing",
}
_QUESTION_PHRASES = {tuple(k.split()): v for k, v in _QUESTION_WORDS.items()}
_UNACCENTED_PHRASES = {tuple(strip_diacritics(k).split()): v for k, v in _QUESTION_WORDS.items()}
_LONGEST_PHRASE = max(len(p) for p in _QUESTION_PHRASES)

_NUMBER = re.compile(r"\d|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|ngàn|triệu|tỷ|tỉ)\b", re.I)
# Years, day/month dates, "năm 1942", "thế kỷ 19", and spans back in time: "4 tỷ năm trước",
# "7000 trước Công Nguyên", "the 1990s".
_TIME = re.compile(
    r"\b(?:1\d{3}|20\d{2})\b|\d{1,2}[/-]\d{1,2}|\b(?:năm|tháng|ngày|thế kỷ|thập niên)\s+\d"
    r"|\d\s*(?:nghìn|ngàn|triệu|tỷ|tỉ)?\s*năm\s+(?:trước|sau)|\btrước công nguyên\b|\b(?:TCN|BC|AD)\b"
    r"|\b(?:in|since|until|by)\s+\d{3,4}\b",
    re.I,
)
_REASON = re.compile(r"\b(?:vì|do|bởi|nhờ|nên|because|since|due to)\b", re.I)
_PLACE_WORD = re.compile(r"\b(?:ở|tại|từ|in|at)\s+$", re.I)
_TYPE_PATTERNS = {"number": _NUMBER, "time": _TIME, "reason": _REASON}


@dataclass(frozen=True)
class Query:
    """A question reduced to what is searched: content terms, their unaccented forms, the answer type.
    """

    terms: tuple
    stripped_terms: tuple
    answer_type: str | None


def terms(tokens: list[str]) -> list:
    """Content syllables plus syllable pairs (pairs keep stop words: "người dân", "bao giờ")."""
    return [t for t in tokens if t not in STOP_WORDS] + ngrams(tokens, 2)


def parse_question(question: str) -> Query:
    """Drop the question words of ``question`` and note the answer type they ask for."""
    tokens = syllables(question)
    bare = [strip_diacritics(t) for t in tokens]
    # Unaccented matching only for unaccented questions: "máy" must not be taken for "mấy".
    phrases, keys = (_QUESTION_PHRASES, tokens) if bare != tokens else (_UNACCENTED_PHRASES, bare)
    keep = [True] * len(tokens)
    answer_type = None
    i = 0
    while i < len(tokens):
        for size in range(_LONGEST_PHRASE, 0, -1):
            kind = phrases.get(tuple(keys[i : i + size]))
            if kind:
                answer_type = answer_type or kind
                keep[i : i + size] = [False] * size
                i += size
                break
        else:
            i += 1
    kept = [t for t, k in zip(tokens, keep) if k]
    return Query(tuple(terms(kept)), tuple(terms([strip_diacritics(t) for t in kept])), answer_type)


def has_type(text: str, query: Query) -> bool:
    """Whether ``text`` holds something of the asked kind that the question does not already name."""
    pattern = _TYPE_PATTERNS.get(query.answer_type or "")
    if pattern is not None:
        return bool(pattern.search(text))
    if query.answer_type not in ("person", "place"):
        return False
    asked = set(query.terms)
    for name in find_names(text):
        if set(syllables(name)) <= asked:
            continue  # "Việt Nam" in "ai là trưởng đoàn Việt Nam?" is not the answer
        start = text.find(name)
        if query.answer_type == "person" or _PLACE_WORD.search(text[max(0, start - 8) : start]):
            return True
    return False
