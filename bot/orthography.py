"""One spelling per Vietnamese syllable, so "hóa" finds "hoá" and "quản lí" finds "quản lý".

Vietnamese has two accepted tone-mark placements for the open syllables "oa", "oe", "uy"
(old "hóa", "khỏe", "thúy"; new "hoá", "khoẻ", "thuý"), and "i"/"y" alternate after a
consonant ("lý"/"lí", "kỳ"/"kì", "Mỹ"/"Mĩ"). Wikipedia and the press use both, often in one
article, so retrieval compares syllables in one form: the tone on the last vowel of those
three rhymes, and "i" for a lone "y" after a consonant. Both placements are described in
https://vi.wikipedia.org/wiki/Quy_tắc_đặt_dấu_thanh_trong_chữ_quốc_ngữ
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.textstats import syllables

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_OPEN_RHYME = re.compile(r"(?:^|[^q])(?:oa|oe|uy)$")
_LONE_Y = re.compile(r"^(?:[bcdđghklmnprstvx]|ch|gh|kh|ng|nh|ph|th|tr)y$")


@lru_cache(maxsize=65536)
def fold(syllable: str) -> str:
    """``syllable`` (lowercase NFC) in the one form retrieval compares: "hóa" → "hoá", "lý" → "lí"."""
    decomposed = unicodedata.normalize("NFD", syllable)
    tones = [ch for ch in decomposed if ch in _TONES]
    if not tones:
        return syllable if not _LONE_Y.match(syllable) else syllable[:-1] + "i"
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))
    if _LONE_Y.match(base):
        base = base[:-1] + "i"
    elif not _OPEN_RHYME.search(base):
        return syllable
    return unicodedata.normalize("NFC", base + tones[0])


# Numbers and units in one form too: "1.200" and "1200" are one number ("1,200" in English), and
# "30m", "Cienco4" are "30 m", "Cienco 4" as the article may write them, and "06/11" is "6/11".
_THOUSANDS = re.compile(r"(?<=\d)[.,](?=\d{3}(?!\d))")
_LETTER_DIGIT = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")
# The United States as one word: "U.S." would part into "u" and "s", and "US" would read as the
# pronoun "us" (an English stop word) once lowercased.
_US = re.compile(r"\bU\.S\.(?!\w)|\bU\.S\b|\bUS\b")


def words(text: str) -> list[str]:
    """The syllables of ``text`` (``bot.textstats.syllables``), each in its folded spelling, with
    thousands separators and leading zeros dropped, digits parted from letters and "U.S." / "US"
    read as "usa"."""
    text = _US.sub("USA", text)
    return [fold(t.lstrip("0") or t if t.isdigit() else t) for t in syllables(_LETTER_DIGIT.sub(" ", _THOUSANDS.sub("", text)))]
