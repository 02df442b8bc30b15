"""Which capitalised words of a translation the guard can check."""
import pytest

from bot.lexicon import english_word, other_names, vietnamese_shaped, vietnamese_surname


@pytest.mark.parametrize("word", ["nguyen", "thuan", "long", "van", "chinh", "ha", "khoa", "nghiem"])
def test_unaccented_vietnamese_syllables_fit_the_shape(word):
    assert vietnamese_shaped(word)


@pytest.mark.parametrize("word", ["health", "ministry", "delta", "mekong", "samsung", "street", "hanoi"])
def test_english_and_foreign_words_do_not(word):
    assert not vietnamese_shaped(word)


@pytest.mark.parametrize("word", ["ministry", "committees", "diseases", "roads", "people", "organization"])
def test_ordinary_english_words_and_their_plurals(word):
    assert english_word(word)


@pytest.mark.parametrize("word", ["samsung", "mekong", "hcmc", "nguyen"])
def test_names_are_not_ordinary_english_words(word):
    assert not english_word(word)


def test_places_known_by_other_names():
    assert "tp hcm" in other_names("hochiminhcity") and "cuu long" in other_names("mekong")
    assert "an do" in other_names("india") and "ha noi" in other_names("hn") and other_names("danang") == ()
    assert "dna" in other_names("adn")   # a thing Vietnamese writes by its French initials


def test_family_names():
    assert vietnamese_surname("nguyen") and vietnamese_surname("pham") and not vietnamese_surname("ministry")
