"""Vietnamese pasted in the legacy TCVN3 and VNI encodings is recognised and converted."""
from __future__ import annotations

import pytest

from bot.article import Article
from bot.chat import ChatSession, respond
from bot.legacy import decode_legacy, tcvn3_to_unicode, vni_to_unicode
from bot.service import Tinbot
from bot.settings import Settings
from generated import to_tcvn3, to_vni
from tests.helpers import fixture_article

# Words as the legacy fonts spell them, written out by hand (not derived from bot.legacy's tables).
TCVN3_WORDS = [
    ("Hµ Néi", "Hà Nội"), ("ViÖt Nam", "Việt Nam"), ("®­êng", "đường"), ("ng­êi", "người"),
    ("§µ N½ng", "Đà Nẵng"), ("th¸ng", "tháng"), ("Thõa Thiªn HuÕ", "Thừa Thiên Huế"),
    ("kh¸nh thµnh", "khánh thành"), ("tr­íc", "trước"), ("c«ng", "công"), ("®Æc biÖt", "đặc biệt"),
]
VNI_WORDS = [
    ("Haø Noäi", "Hà Nội"), ("Vieät Nam", "Việt Nam"), ("ñöôøng", "đường"), ("ngöôøi", "người"),
    ("Ñaø Naüng", "Đà Nẵng"), ("thaùng", "tháng"), ("Thöøa Thieân Hueá", "Thừa Thiên Huế"),
    ("Chí Minh", "Chí Minh"), ("ñaëc bieät", "đặc biệt"), ("hoïp", "họp"), ("ÑOØAN", "ĐÒAN"),
]

ARTICLE = fixture_article("vi-plain")


@pytest.mark.parametrize("old, new", TCVN3_WORDS)
def test_tcvn3_words_convert(old, new):
    assert tcvn3_to_unicode(old) == new


@pytest.mark.parametrize("old, new", VNI_WORDS)
def test_vni_words_convert(old, new):
    assert vni_to_unicode(old) == new


def test_every_vietnamese_letter_survives_both_encodings():
    letters = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    assert tcvn3_to_unicode(to_tcvn3(letters)) == letters
    assert vni_to_unicode(to_vni(letters)) == letters
    assert vni_to_unicode(to_vni(letters.upper())) == letters.upper()


@pytest.mark.parametrize("encode, name", [(to_tcvn3, "TCVN3"), (to_vni, "VNI")])
def test_a_legacy_article_is_recognised_and_converted(encode, name):
    pasted = encode(ARTICLE)
    assert pasted != ARTICLE
    converted, found = decode_legacy(pasted)
    assert found == name
    if name == "VNI":
        assert converted == ARTICLE
    else:  # TCVN3 has no capitals with tones: those come back in lowercase
        assert converted.lower() == ARTICLE.lower()


@pytest.mark.parametrize("text", [
    ARTICLE,
    fixture_article("vi-no-diacritics"),
    fixture_article("en-reuters"),
    "Le maire a présenté un projet très ambitieux pour l'hôtel de ville où les élèves étudient déjà.",
    "Die Häuser in München sind schön, und die Straßen für Fußgänger wurden gestern geöffnet.",
    "O governo anunciou ontem que a construção da ponte começará no próximo mês, após a aprovação.",
    "Ça coûte 5 € · prix 3·4 ¶ section ¸ naïve maïs Noël aïeul chez nous, dit-il encore une fois.",
    "Hµ Néi",  # too short to tell
])
def test_other_text_is_left_alone(text):
    assert decode_legacy(text) == (text, None)


def test_ingest_converts_before_the_soft_hyphen_is_dropped():
    # TCVN3 writes "ư" as U+00AD, a character normalization deletes as invisible
    article = Article.from_text(to_tcvn3(ARTICLE))
    assert article.legacy_encoding == "TCVN3"
    assert "chương trình" in article.text.lower()  # "ư" came through
    assert "\u00ad" not in article.text
    assert Article.from_text(ARTICLE).legacy_encoding is None


def test_chat_says_the_article_was_converted(tmp_path):
    bot = Tinbot(Settings.from_env({}, offline=True, cache_dir=str(tmp_path)))
    replies = [text for text, _ in respond(to_vni(ARTICLE), ChatSession(), bot, "")]
    assert "VNI" in replies[-1] and "Unicode" in replies[-1]
    session = ChatSession()
    for _, session in respond(to_tcvn3(ARTICLE), session, bot, ""):
        pass
    summary = [text for text, _ in respond("tóm tắt", session, bot, "")][-1]
    assert "µ" not in summary and "®" not in summary  # tasks see the converted text


def test_a_cut_legacy_article_still_says_it_was_converted(tmp_path):
    settings = Settings.from_env({"TINBOT_MAX_ARTICLE_SENTENCES": "2"}, offline=True, cache_dir=str(tmp_path))
    article, cut_at = Tinbot(settings).parse(to_vni(ARTICLE))
    assert cut_at and len(article.sentences) == 2 and article.legacy_encoding == "VNI"
