"""Questions about someone's age: "ông Lực bao nhiêu tuổi?", "Hoà sinh năm nào?", "how old is Sara?".

Retrieval ranks the sentences that share the question's words, and an age question shares
little but the name: the best of them may hold some other number (a count of officials, a
fortune), which answers nothing about an age. So an age question is answered only by a sentence
that gives an age ("(36 tuổi)", ", 71 tuổi,", "SN 1980", "sinh năm 1975", "aged 40"), and one
that gives it to the person the question names when it names someone; else the article does not
say.
"""
from __future__ import annotations

import re
from typing import Sequence

from bot.article import Sentence
from bot.lexicon import vietnamese_shaped
from bot.textstats import STOP_WORDS, strip_diacritics

# Asked on the question lowercased and without marks: "bao nhiêu tuổi", "mấy tuổi", "tuổi bao
# nhiêu", "sinh năm nào", "how old", "what age", "when was X born".
_ASKS = re.compile(r"\b(?:bao\s+nhieu\s+tuoi|may\s+tuoi|tuoi\s+(?:la\s+)?(?:bao\s+nhieu|may)|"
                   r"sinh\s+(?:nam|ngay)\s+(?:nao|bao\s+nhieu|may)|how\s+old|what\s+age|"
                   r"(?:what\s+year|when)\s+(?:was|is)\s+.+\s+born|(?:was|is)\s+.+\s+born\s+when)\b")
# An age as news gives it: "36 tuổi", "ở tuổi 72", "SN 1980", "sinh năm 1975", "sinh ngày 2/9/1980",
# "a 40-year-old", "aged 40", "born in 1975"; and "Sara, 38, said" (a number alone between commas,
# right after a name: ``_owner`` checks the name). Typed without marks too: "36 tuoi", "sinh nam 1980".
_AGE = re.compile(r"(?<!\w)(?:\d{1,3}\s*tu[ổo]i|tu[ổo]i\s+\d{1,3}|(?:SN|sinh\s+n[ăa]m|n[ăa]m\s+sinh)\s*:?\s*\d{4}|sinh\s+ng[àa]y\s+\d"
                  r"|\d{1,3}[- ]years?[- ]old|aged\s+\d{1,3}|born\s+(?:in|on)\s+\w+)(?!\w)"
                  r"|,\s*\d{1,3}\s*,", re.I)
_WORD = re.compile(r"(?<![\w-])[^\W\d_][\w'-]*")
# Words between a name and its age: "Hoàng tử Harry, 33 tuổi", "ông Tâm năm nay đã 60 tuổi".
OWNER_REACH = 6
# Words after an age before the name it goes with: "Ở tuổi 72, ông Trump ...".
OWNER_AFTER = 4
# Words that open with a capital without naming anyone.
_NOT_NAMES = frozenset({"sn", "tp", "ubnd", "tuổi", "tuoi"})


def asks_age(question: str) -> bool:
    """Whether ``question`` asks how old someone is (or when they were born), not whether a
    given age is right ("bà Thuý 43 tuổi phải không?" names the age it asks about)."""
    question = (question or "").lower()
    # "năm sinh" with its marks: "nam sinh" is also a schoolboy
    return bool(_ASKS.search(strip_diacritics(question)) or re.search(r"\bnăm\s+sinh\b", question))


def asked_names(question: str) -> list[str]:
    """The names a question asks the age of: its capitalised words that are no question or title
    word ("Khashoggi", "Trump" in "Ông Trump bao nhiêu tuổi?"), unaccented and lowercase."""
    return [_fold(w) for w in name_words(question)]


def name_words(question: str) -> list[str]:
    """``asked_names`` as typed: "Macron" in "Tổng thống Macron bao nhiêu tuổi?" (a title's first
    word, "Tổng" before "thống", names nobody)."""
    found = list(re.finditer(r"[^\W\d_][\w'-]*", question or ""))
    names = []
    for n, m in enumerate(found):
        word = m.group(0)
        following = found[n + 1].group(0) if n + 1 < len(found) else ""
        if _is_name_word(word) and not (_fold(word) in _TITLE_HEADS and following[:1].islower()):
            names.append(word)
    return names


# The first word of a title written with a capital: "Tổng thống", "Thủ tướng", "Hoàng tử", "Bộ trưởng".
_TITLE_HEADS = frozenset({"tong", "thu", "chu", "bo", "thai", "hoang", "cong", "nu", "giam", "dai", "bi", "pho",
                          "thuong", "tuong", "nha", "ca", "cau", "hlv", "president", "prime", "minister"})


def age_sentences(sentences: Sequence[Sentence], names: Sequence[str]) -> list[Sentence]:
    """Of ``sentences``, those that give an age: to one of ``names`` (its owner, ``_owner``), or,
    when ``names`` is empty, to anybody."""
    wanted = set(names)
    found = []
    for sentence in sentences:
        for match in _AGE.finditer(sentence.text):
            owner = _owner(sentence.text, match)
            if match.group(0).startswith(",") and not owner:
                continue  # ", 12," with no name before it: a list, not an age
            if not wanted or wanted & set(owner):
                found.append(sentence)
                break
    return found


def _owner(text: str, match: re.Match) -> list[str]:
    """The name an age belongs to, as unaccented lowercase words: the name right before it (at
    most ``OWNER_REACH`` words before), else the one right after ("Ở tuổi 72, ông Trump")."""
    before = [(m.start(), m.group(0)) for m in _WORD.finditer(text[: match.start()])]
    comma = match.group(0).startswith(",")
    for at in range(len(before) - 1, -1, -1):
        start, word = before[at]
        if not _is_name_word(word) or (not text[:start].strip() and vietnamese_shaped(_fold(word))):
            continue  # a sentence opens with a capital: "Ở tuổi 72", "Sản lượng đạt 10, 12, 15 tấn"
        # an aside in brackets does not part a name from its age: "Xiao Fang (tên đã được thay đổi), 17 tuổi"
        between = re.sub(r"\([^()]*\)", " ", text[start + len(word): match.start()]).split()
        if len(between) > (0 if comma else OWNER_REACH):
            break
        run = [word]
        while at > 0 and _is_name_word(before[at - 1][1]) and text[before[at - 1][0] + len(before[at - 1][1]): before[at][0]] == " ":
            at -= 1
            run.insert(0, before[at][1])
        return [_fold(w) for w in run]
    after = text[match.end():].split()[:OWNER_AFTER]
    names = [w.strip(",.;:()") for w in after if _is_name_word(w.strip(",.;:()"))]
    return [_fold(w) for w in names]


def _is_name_word(word: str) -> bool:
    return bool(word) and word[:1].isupper() and word.lower() not in STOP_WORDS and _fold(word) not in _NOT_NAMES


def _fold(word: str) -> str:
    return strip_diacritics(word).lower()
