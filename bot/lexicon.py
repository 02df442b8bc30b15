"""What kind of word a capitalised word is, for the guard to check translated output.

A translation capitalises ordinary words: "Bộ Y tế" becomes "the Ministry of Health", and
"the United Nations Development Programme" becomes "Chương trình Phát triển Liên Hợp Quốc".
Such words are not in the source article, yet nothing was invented. The guard (``bot.guard``)
asks this module which capitalised words it can check against the article:

* ``english_word``: an ordinary English word (English Words' copy of Webster's Second and
  GCIDE, lowercase entries only, so "Ministry" is one and "Samsung" or "Mekong" is not);
* ``vietnamese_shaped``: a word that could be one Vietnamese syllable written without marks
  ("Long", "Van", "Thuan"; not "Health", "Delta"). A name in an English translation is kept
  in this shape, so such words are always checked, even when they are English words too;
* ``vietnamese_surname``: the common family names, which open a Vietnamese person's name;
* ``other_names``: other names of one place, country or thing that differ in more than marks
  ("Ho Chi Minh City" and "TP.HCM", "Mekong" and "Cửu Long", "India" and "Ấn Độ", "ADN" and
  "DNA"); retrieval (``bot.retrieve``) searches them too, so "Mỹ" finds "Hoa Kỳ".

Words are compared lowercase and without diacritics (``bot.textstats.strip_diacritics``).
"""
from __future__ import annotations

import re
from functools import lru_cache

# Onset, one to three vowels, final consonant: the shape of a Vietnamese syllable once its
# marks are stripped ("nguyen", "thuan", "long"); "health", "delta" and "mekong" do not fit.
_SYLLABLE = re.compile(r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")

# The family names of most Vietnamese people, unaccented (Nguyễn, Trần, Lê, Phạm, ...).
_SURNAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly dinh trinh doan "
    "lam mai luong cao ha quach to tang truong luu chu thai kieu ta lai khuc giang".split()
)

# Places whose English and Vietnamese names differ in more than marks and spaces: each group as
# lowercase unaccented words. A name in the output is looked up by its letters alone.
_PLACES = (
    ("ho chi minh city", "ho chi minh", "hcmc", "hcm", "tp hcm", "tphcm", "thanh pho ho chi minh", "sai gon"),
    ("mekong", "mekong delta", "mekong river", "cuu long", "song cuu long"),
    ("red river", "song hong"),
    ("east sea", "bien dong"),
    ("ha long bay", "ha long", "vinh ha long"),
    ("central highlands", "tay nguyen"),
    # Countries and regions: English name and adjective, then the Vietnamese names.
    ("china", "chinese", "trung quoc"), ("india", "indian", "an do"), ("japan", "japanese", "nhat ban", "nhat"),
    ("south korea", "korea", "korean", "han quoc"), ("north korea", "trieu tien"),
    ("united states", "us", "usa", "america", "american", "my", "hoa ky"), ("russia", "russian", "nga"),
    ("france", "french", "phap"), ("germany", "german", "duc"), ("britain", "uk", "united kingdom", "british", "anh"),
    ("australia", "australian", "uc"), ("thailand", "thai", "thai lan"), ("laos", "lao"),
    ("cambodia", "cambodian", "campuchia"), ("singapore", "singaporean"), ("taiwan", "taiwanese", "dai loan"),
    ("netherlands", "dutch", "ha lan"), ("italy", "italian", "y"), ("spain", "spanish", "tay ban nha"),
    ("europe", "european", "chau au"), ("asia", "asian", "chau a"), ("africa", "african", "chau phi"),
    ("philippines", "philippine", "filipino", "phi lip pin"), ("indonesia", "indonesian", "in do ne xi a"),
    ("vietnam", "vietnamese", "viet nam", "vn"), ("hanoi", "ha noi", "hn"),
)
# Things Vietnamese writes by their French initials, English by its own (school books say "ADN",
# Wikipedia and the press often "DNA").
_THINGS = (("adn", "dna"), ("arn", "rna"), ("sida", "aids"))
_GROUP = {name.replace(" ", ""): group for group in _PLACES + _THINGS for name in group}


def vietnamese_shaped(word: str) -> bool:
    """Whether ``word`` (lowercase, unaccented) could be one Vietnamese syllable."""
    return bool(_SYLLABLE.fullmatch(word))


def vietnamese_surname(word: str) -> bool:
    return word in _SURNAMES


def english_word(word: str) -> bool:
    """Whether ``word`` (lowercase) or its singular is an ordinary English dictionary word."""
    words = _english_words()
    forms = [word]
    if word.endswith("ies"):
        forms.append(word[:-3] + "y")
    if word.endswith("es"):
        forms.append(word[:-2])
    if word.endswith("s"):
        forms.append(word[:-1])
    return any(form in words for form in forms)


def other_names(squashed: str) -> tuple[str, ...]:
    """All names (as words) of the place or thing ``squashed`` names (letters only, lowercase,
    unaccented), itself included; () when none are known."""
    return _GROUP.get(squashed, ())


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    # Loaded on first use only (about 0.1 s): only translated output needs it.
    from english_words import get_english_words_set

    words = get_english_words_set(["web2", "gcide"], lower=False, alpha=True)
    return frozenset(w for w in words if w.islower())  # capitalised entries are names


# News outlets a headline's site suffix or a source lead-in names ("... - VnExpress", "Theo Tuổi
# Trẻ, "): a regex alternation, matched case-insensitively.
OUTLET_NAMES = (r"VnExpress|Tuổi\s+Trẻ|Thanh\s+Niên|Dân\s+trí|VietNamNet|Vietnamnet|Zing(?:\s*News)?|Znews|Lao\s+Động|"
                r"Tiền\s+Phong|Người\s+Lao\s+Động|Nhân\s+Dân|Quân\s+đội\s+Nhân\s+dân|Sài\s+Gòn\s+Giải\s+Phóng|"
                r"VOV|VTV|VTC|TTXVN|Vietnam\s*Plus|Reuters|AFP|AP|Bloomberg|CNN|BBC|Xinhua|Kyodo|Yonhap|Nikkei|Guardian|"
                r"Kenh14|Kênh\s+14|Soha|Cafef|CafeF|24h|Báo\s+Mới|Baomoi")


# The parts a law, decree or report is divided into, as its headings write them ("Chương II",
# "Điều 8. ...", "Article 3"), by rank: a part holds chapters, a chapter sections, a section articles.
# Sentence splitting, the summarizer's heading test and "Điều 8 quy định gì?" all read this table.
# Vietnamese number words from one to ten, as counts are spelled out ("bốn nữ đại sứ"): the summary's
# headline check, the claim check, paraphrase counts and the guard read them from here.
SMALL_NUMBERS = {w: n for n, w in enumerate("một hai ba bốn năm sáu bảy tám chín mười".split(), start=1)}
SECTION_RANKS = {"Phần": 0, "Part": 0, "Chương": 1, "Chapter": 1, "Mục": 2, "Section": 2, "Điều": 3, "Article": 3}


# English month names and their abbreviations, by number: the dates of news written in English.
MONTHS = {
    name: i
    for i, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
# A month as a regex (lowercase, or matched with re.I). A full stop after an abbreviation
# ("Sept.") is part of it; after a full name it ends the sentence.
MONTH = (r"(?:" + "|".join(sorted((m for m in MONTHS if len(m) > 4), key=len, reverse=True)) + r"|(?:"
         + "|".join(sorted((m for m in MONTHS if len(m) <= 4), key=len, reverse=True)) + r")\.?)")
