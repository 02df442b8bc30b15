"""Vietnamese typed in the legacy TCVN3 (ABC) and VNI encodings, turned into Unicode.

Before Unicode, Vietnamese documents used 8-bit fonts: text typed with ".VnTime" (TCVN3) or
"VNI-Times" and copied out of an old Word file or web page arrives as Latin-1 look-alikes:
"Hµ Néi" (TCVN3) or "Haø Noäi" (VNI) for "Hà Nội". Both are still met in archives and official
documents. ``decode_legacy`` recognises such text and converts it; anything else comes back as is.

Recognition is conservative, so French or German text is never "converted": the text must have
no Vietnamese-only letters of its own, many of its words must carry the encoding's signature
(``_SIGNATURES``), and the conversion must give many words Vietnamese-only letters.
"""
from __future__ import annotations

import re
import unicodedata

from bot.language import VI_ONLY_LETTERS

# TCVN3 (ABC), one byte per letter; capitals with tones share the lowercase codes (the capital
# forms came from a second font), so they convert to lowercase.
_TCVN3_LETTERS = (
    "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ"
)
_TCVN3_CODES = (
    "µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦"
)
_TCVN3 = str.maketrans(_TCVN3_CODES, _TCVN3_LETTERS)

# VNI: a base letter followed by a mark character. Tones after a, e, o, u, y, ơ ("ô"), ư ("ö"):
_TONE = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
# after "aâ", "eâ", "oâ" (circumflex) and "aê" (breve) the tone characters differ:
_CIRCUMFLEX_TONE = {"á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE_TONE = {"é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
# letters that are one character in VNI
_VNI_SINGLE = {"ô": "ơ", "ö": "ư", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ", "ñ": "đ"}

# Letters only Vietnamese uses (bot.language's, in either case): their share decides.
_VI_ONLY = re.compile("[" + "".join(sorted(VI_ONLY_LETTERS)) + "]", re.IGNORECASE)
MIN_CONVERTED_SHARE = 0.3  # of words that gain Vietnamese-only letters by the conversion


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(code: str, letter: str) -> None:
        letter = unicodedata.normalize("NFC", letter)
        table[code] = letter
        table[code.upper()] = letter.upper()

    for base, letter in {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ô": "ơ", "ö": "ư"}.items():
        for mark, tone in _TONE.items():
            add(base + mark, letter + tone)
    for base in "aeo":
        add(base + "â", base + "\u0302")
        for mark, tone in _CIRCUMFLEX_TONE.items():
            add(base + mark, base + "\u0302" + tone)
    add("aê", "ă")
    for mark, tone in _BREVE_TONE.items():
        add("a" + mark, "a\u0306" + tone)
    for code, letter in _VNI_SINGLE.items():
        add(code, letter)
    return table


_VNI = _vni_table()
_VNI_PATTERN = re.compile("|".join(re.escape(k) for k in sorted(_VNI, key=len, reverse=True)))


def tcvn3_to_unicode(text: str) -> str:
    return text.translate(_TCVN3)


def vni_to_unicode(text: str) -> str:
    return _VNI_PATTERN.sub(lambda m: _VNI[m.group(0)], text)


_DECODERS = {"TCVN3": tcvn3_to_unicode, "VNI": vni_to_unicode}
# What gives each encoding away inside a word: TCVN3 spells common letters (à á đ â ê ô ơ ư ă)
# with symbols that no language puts between letters; VNI puts a mark character after a vowel
# ("aø", "eä", "oá"), which French and German spell only in rare words (maïs).
_SIGNATURES = {
    "TCVN3": re.compile("[A-Za-z][µ¸¶·¹¨»¾¼½©®ª«¬\u00ad¡¢§£¤¥¦]|[µ¸¶·¹¨»¾¼½©®ª«¬\u00ad¡¢§£¤¥¦][A-Za-z]"),
    "VNI": re.compile("[aeiouyôöAEIOUYÔÖ][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]"),
}
MIN_SIGNED_SHARE = 0.3  # of words that carry the encoding's signature


def decode_legacy(text: str) -> tuple[str, str | None]:
    """(Unicode text, "TCVN3" | "VNI") for legacy-encoded Vietnamese, else (text, None)."""
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if len(words) < 5 or _vi_only_share(words) > 0.02:
        return text, None  # too short to tell, or already Unicode Vietnamese
    signed = {name: sum(bool(sig.search(w)) for w in words) / len(words) for name, sig in _SIGNATURES.items()}
    name = max(signed, key=signed.get)
    if signed[name] < MIN_SIGNED_SHARE:
        return text, None
    converted = _DECODERS[name](text)
    if _vi_only_share(converted.split()) < MIN_CONVERTED_SHARE:
        return text, None
    return converted, name


def _vi_only_share(words: list[str]) -> float:
    return sum(bool(_VI_ONLY.search(w)) for w in words) / len(words) if words else 0.0
