"""Which language a text is in: Vietnamese, English, or something else.

langdetect alone misjudges short chat messages and Vietnamese typed without diacritics
("tom tat bai nay giup minh"), so two cheap signals come first: letters that only Vietnamese
uses, and common Vietnamese syllables. langdetect (seeded, so answers are repeatable) decides
the rest.
"""
from __future__ import annotations

import re
import unicodedata

# Letters only Vietnamese uses (breve, horn, đ, hook above, dot below, tones on â/ê/ô), NFC.
# Plain acute/grave/circumflex letters are left out: French, Spanish and Portuguese use them too.
VI_ONLY_LETTERS = frozenset(
    "ăđơưảạắằẳẵặấầẩẫậẻẽẹếềểễệỉĩịỏọốồổỗộớờởỡợủũụứừửữựỳỷỹỵ"
)
# Frequent Vietnamese syllables written without diacritics that are rare as English words.
_VI_PLAIN = {
    "cua", "nhung", "duoc", "trong", "nguoi", "khong", "nay", "bai", "tom", "tat", "dich", "sang",
    "tieng", "anh", "viet", "giup", "minh", "cho", "toi", "la", "gi", "ai", "nao", "bao", "nhieu",
    "voi", "cac", "mot", "nhu", "thi", "cung", "da", "se", "dang", "ve", "doan", "y", "chinh",
    "ngan", "gon", "hon", "nua", "noi", "dau", "tai", "sao", "khi", "nam", "ngay", "thang", "va",
}
_EN_COMMON = {
    "the", "a", "an", "is", "are", "was", "of", "to", "in", "and", "what", "who", "how", "this",
    "that", "please", "summarize", "translate", "article", "into", "english", "vietnamese", "did",
}
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language: "vi", "en", another code, or "unknown"."""
    text = unicodedata.normalize("NFC", text or "")
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return "unknown"
    letters = "".join(words)
    vi_share = sum(ch in VI_ONLY_LETTERS for ch in letters) / len(letters)
    if vi_share > 0.02:
        return "vi"
    plain_vi = sum(w in _VI_PLAIN for w in words) / len(words)
    plain_en = sum(w in _EN_COMMON for w in words) / len(words)
    if len(words) <= 12 and (plain_vi or plain_en):
        return "vi" if plain_vi > plain_en else "en"
    if plain_vi >= 0.3 and plain_vi > plain_en:
        return "vi"
    return _langdetect(text)


def _langdetect(text: str) -> str:
    from langdetect import DetectorFactory, LangDetectException, detect

    DetectorFactory.seed = 0  # langdetect is random by default; a fixed seed makes answers repeatable
    try:
        return detect(text[:5000])
    except LangDetectException:
        return "unknown"
