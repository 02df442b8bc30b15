"""The faithfulness guard: flag numbers, dates and names in an output that the article lacks.

A model summary or answer may invent "1.500 người" where the article says "1.050", or name
someone the article never mentions. ``check_output`` lists such spans; ``GuardReport.mark``
highlights them for Markdown display. Matching is on meaning, not spelling: "1.000", "1000"
and "1,000" are one number; "6/11", "6-11", "ngày 6 tháng 11" and "6 November" one date; names
match without diacritics and spaces, so an English "Hanoi" is found in a Vietnamese "Hà Nội",
and an acronym matches the initials of words in the article ("UBND", "Ủy ban nhân dân").

A question is checked the same way before it is answered (``unmentioned``): asked about "Cầu
Rồng" or "năm 2022", an article about another bridge or year cannot answer it, however close
its sentences look.

A translated output capitalises ordinary words ("the Ministry of Health" for "Bộ Y tế"); given
the output's language, the guard checks only the words of a name a translation keeps as they
are (``bot.lexicon``): a Vietnamese name in English output, a foreign or a person's name in
Vietnamese output. An invented name made only of English words ("World Bank") then goes
unnoticed in English output.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.article import Article
from bot.lexicon import MONTH, MONTHS, SMALL_NUMBERS, english_word, other_names, vietnamese_shaped, vietnamese_surname
from bot.orthography import words as folded_words
from bot.textstats import STOP_WORDS, is_acronym, is_shouted, normalize, strip_diacritics

# Day/month forms; each alternative captures (day, month) or (month-name, day).
_DATES = [
    re.compile(r"\b(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*\d{2,4})?\b"),
    re.compile(r"\b(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\b", re.I),
    re.compile(r"\bngày\s+(\d{1,2})\.(\d{1,2})(?:\.\d{2,4})?\b", re.I),   # "ngày 6.11"
    re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(" + MONTH + r")", re.I),
    re.compile(r"\b(" + MONTH + r")\s+(\d{1,2})(?:st|nd|rd|th)?\b", re.I),
]
# The first day of a range names its month only at the end: "từ ngày 18 đến 22 tháng 9",
# "18-22/9", "18 to 22 September" also state 18/9.
_RANGE_START = re.compile(r"\b(\d{1,2})\s*(?:đến|tới|-|–|to|and)\s*(?:ngày\s+)?(\d{1,2})(?=\s*(?:tháng\s+|/)(\d{1,2})\b)", re.I)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_SCALES = {"nghìn": 1e3, "ngàn": 1e3, "thousand": 1e3, "triệu": 1e6, "million": 1e6,
           "tỷ": 1e9, "tỉ": 1e9, "billion": 1e9}
_SCALE_AFTER = re.compile(r"\s*(" + "|".join(_SCALES) + r")\b", re.I)
_NUMBER_WORDS = {
    **SMALL_NUMBERS, "tư": 4, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "trăm": 100, "hundred": 100,
}
# English number words in English output ("thirteen people" where the article says 12). "One" is
# left out: "one of the", "one day" rarely state a count.
_EN_UNITS = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve "
                                         "thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if i >= 2}
_EN_NUMBER = re.compile(r"\b(" + "|".join(list(_EN_TENS) + [w for w in _EN_UNITS if w not in ("zero", "one")]) + r")"
                        r"(?:[\s-]+(" + "|".join(w for w in _EN_UNITS if _EN_UNITS[w] < 10) + r"))?\b", re.I)
_WORD = re.compile(r"[^\W\d_][^\W_]*")
# A currency code, also glued to its amount ("VND2.4 billion"): the amount is checked, the code is no name.
_CURRENCY = re.compile(r"(?:VND|USD|EUR|GBP|JPY|CNY)\d*", re.I)
_ACRONYM_WORDS = range(2, 7)  # an acronym stands for this many words
_CURRENCY_NAMES = re.compile(r"\bđô[\s-]*la\s+(?:Mỹ|Úc|Singapore|Hồng Kông)\b|\bUS\s*dollars?\b", re.I)
# Capitalised words that are not names: titles, month and day names, sentence openers.
_NOT_NAMES = frozenset(
    "ông bà anh chị cô chú ở mr mrs ms dr tp thứ chủ monday tuesday wednesday thursday "
    "friday saturday sunday according however meanwhile".split()
) | frozenset(MONTHS)


@dataclass(frozen=True)
class GuardReport:
    """Spans of an output not supported by the article; ``ok`` when there are none."""

    unsupported: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.unsupported

    def mark(self, output: str) -> str:
        """``output`` with each unsupported span shown as ``⚠️**span**`` (Markdown)."""
        spans = sorted(set(self.unsupported), key=len, reverse=True)
        if not spans:
            return output
        pattern = re.compile("|".join(rf"(?<!\w){re.escape(s)}(?!\w)" for s in spans))
        return pattern.sub(lambda m: f"⚠️**{m.group(0)}**", output)


@dataclass(frozen=True)
class _Facts:
    """What the article states, in comparable forms."""

    numbers: frozenset
    dates: frozenset
    words: frozenset          # unaccented lowercase words
    squashed: str             # unaccented lowercase text without spaces
    spaced: str               # its words, one space apart and at both ends
    initials: frozenset       # first letters of each run of 2-6 words, unaccented lowercase
    lone_names: frozenset     # names of one word ("Đức" in "tới Đức và Pháp"), unaccented lowercase


def check_output(output: str, article: Article, language: str | None = None, *, whole_persons: bool = True) -> GuardReport:
    """The numbers, dates and proper names of ``output`` that ``article`` does not contain.

    ``language`` is the output's language; when it is "en" or "vi" and the article is in the
    other one, the output is read as a translation (see the module text). With ``whole_persons``
    a person's name must occur whole; without, each of its words is enough ("ông Lê Hùng" asked
    about "Lê Văn Hùng").
    """
    facts = _article_facts(article)
    translation = language if language != article.language and {language, article.language} == {"en", "vi"} else None
    unsupported: list[str] = []
    text = output
    for span, value in _find_dates(text):
        if value not in facts.dates:
            unsupported.append(span)
    masked = _mask(text, [span for span, _ in _find_dates(text)] + _CURRENCY_NAMES.findall(text))
    numbers = _find_numbers(masked)
    if language == "en" or (language is None and article.language == "en"):
        numbers += _find_number_words(masked)
    for span, values in numbers:
        if not values & facts.numbers and values != {1.0}:  # "1 m2", "mỗi 1 người": a unit, no fact
            unsupported.append(span)
    for span, opener in _name_spans(masked):
        # A name that opens the sentence lost its first word to ``_clean_run`` ("Ho Chi Minh City ...").
        whole = f"{opener} {span}" if opener else span
        if not (_name_supported(span, facts, translation, whole_persons)
                or opener and _name_supported(whole, facts, translation, whole_persons)):
            unsupported.append(whole if _part_of_name(opener) else span)  # "⚠️**Quang Binh**", not "Quang ⚠️**Binh**"
    return GuardReport(tuple(dict.fromkeys(unsupported)))


def unmentioned(question: str, article: Article, accented: bool = True, topic: bool = False) -> tuple[str, ...]:
    """The names, numbers and dates ``question`` gives that ``article`` never mentions; with
    ``topic``, ``question`` is only the thing asked about ("Hanoi" from "Does it mention Hanoi?"),
    so its first word is no sentence opener.

    A question is no claim: a person may be named in part ("ông Lê Hùng"), and a question typed
    in capitals names nothing (only its numbers and dates are checked). With diacritics in the
    question (``accented``), a name's marked syllables must occur with their marks: "Cầu Rồng" is
    not found in "rộng". A word of a name one letter off a word of the article ("Kualar",
    "Phưong") is a typo, not another name.
    """
    if topic:
        question = f"… {question}"  # not at a sentence start: a capital there marks a name
    question = _CODE.sub(" ", question)  # "5G", "COVID-19", "U23": a code, no number or name to look up
    shouting = is_shouted(question)
    # Asked whether the article mentions "Nguyễn Văn Bảo", the whole name must be there, not a
    # Nguyễn and a Bảo of other people.
    found = list(check_output(question.lower() if shouting else question, article, whole_persons=topic).unsupported)
    facts, vocabulary, names = _article_facts(article), _article_vocabulary(article), _article_names(article)
    if accented and not shouting:
        for span, opener in _name_spans(question):
            marked = [w for w in re.findall(r"\w+", span) if not is_acronym(w) and strip_diacritics(w) != w]
            if any(other_names("".join(re.findall(r"\w+", strip_diacritics(normalize(name)))))
                   for name in (span, f"{opener} {span}")):
                continue  # "Sài Gòn" for "TP.HCM": another name of a place the article names
            if not all(_near(word, vocabulary, 5) for w in marked for word in folded_words(w)):
                found.append(f"{opener} {span}" if _part_of_name(opener) else span)
    # A typo's words are all in the article; a person's whole name asked about is not one
    # because its words are ("Nguyễn Văn Bảo" from a Nguyễn Văn An and a Trần Quốc Bảo).
    return tuple(dict.fromkeys(_as_typed(question, item) for item in dict.fromkeys(found)
                               if (topic and _names_person(item)) or not _typo(item, facts, names, vocabulary)))


def _as_typed(question: str, name: str) -> str:
    """``name`` with the capitalised words typed just before it that ``_clean_run`` dropped as
    ordinary words: "Sao Paulo", not "Paulo" ("sao" is a Vietnamese word); not a word that opens
    the question, nor a title ("ông", "Mr")."""
    at = question.find(name)
    if at < 0:
        return name
    end = at + len(name)
    while before := re.search(r"([^\W\d_]\w*)\s+$", question[:at]):
        opener = question[:before.start()].rstrip()
        if not before.group(1)[0].isupper() or normalize(before.group(1)) in _NOT_NAMES or not opener \
                or opener[-1] in ".!?:\"“\n":
            break
        at = before.start()
    return question[at:end]


def _typo(name: str, facts: _Facts, names: frozenset, vocabulary: frozenset) -> bool:
    """Whether every word of ``name`` is in the article, is an acronym of its words ("UBND" for
    "Ủy ban nhân dân"), or, from 5 letters, one letter off a word of it: typed without diacritics,
    off a word of the article's names ("Kualar" for "Kuala"; "China" is not "chính"); typed with
    them, off any word with its marks ("Phưong" for "Phương"; "Rồng" is not "rộng")."""
    def near(word: str) -> bool:
        if word.isdigit():
            return False
        if is_acronym(word) and normalize(strip_diacritics(word)) in facts.initials:
            return True
        if strip_diacritics(word) == word:
            plain = normalize(word)
            return plain in facts.words or (len(plain) >= 5 and any(_one_edit(plain, n) for n in names))
        return all(_near(w, vocabulary, 5) for w in folded_words(word))
    return all(near(w) for w in re.findall(r"\w+", name))


_CODE = re.compile(r"\b(?:\d+[^\W\d_]+|[^\W\d_]+-?\d+)\w*")


def _near(word: str, vocabulary: frozenset, shortest: int) -> bool:
    """Whether ``word`` is in ``vocabulary`` or, being ``shortest`` letters or longer, one letter off a word of it."""
    return word in vocabulary or (len(word) >= shortest and any(_one_edit(word, other) for other in vocabulary))


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by changing, adding or removing one letter."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _article_text(article: Article) -> str:
    return " ".join(filter(None, [article.title, article.text]))


# What the article states, computed once per article: every output and question about it is
# checked against the same facts.
@lru_cache(maxsize=16)
def _article_facts(article: Article) -> _Facts:
    return _facts(_article_text(article))


@lru_cache(maxsize=16)
def _article_vocabulary(article: Article) -> frozenset:
    """The article's syllables, with their marks, in one spelling (``bot.orthography``)."""
    return frozenset(folded_words(_article_text(article)))


@lru_cache(maxsize=16)
def _article_names(article: Article) -> frozenset:
    """The words of the article's names, unaccented lowercase (what a typo of a name is near)."""
    return frozenset(w for name in find_names(_article_text(article)) for w in re.findall(r"\w+", strip_diacritics(normalize(name))))


def _facts(written: str) -> _Facts:
    text = normalize(written)
    dates = _find_dates(text)
    # The whole range is the span: masking a bare "2" would blank the "2" of every "2017".
    dates += [(m.group(0), (int(m.group(1)), int(m.group(3)))) for m in _RANGE_START.finditer(text)]
    numbers = {v for _, values in _find_numbers(_mask(text, [s for s, _ in dates])) for v in values}
    numbers |= {float(n) for w, n in _NUMBER_WORDS.items() if re.search(rf"(?<!\w){w}(?!\w)", text)}
    # A date's year also counts as a plain number: "10/2/2019" states the year 2019 (its day and
    # month do not: "30/4" is no count of 30 fire engines).
    numbers |= {float(n) for span, _ in dates for n in re.findall(r"\d{3,}", span)}
    bare = strip_diacritics(text)
    words = re.findall(r"\w+", bare)
    return _Facts(
        numbers=frozenset(numbers),
        dates=frozenset(value for _, value in dates),
        words=frozenset(words),
        squashed=re.sub(r"\W+", "", bare),
        spaced=f" {' '.join(words)} ",
        initials=frozenset("".join(w[0] for w in words[i : i + n]) for n in _ACRONYM_WORDS for i in range(len(words) - n + 1)),
        lone_names=frozenset(strip_diacritics(normalize(name)) for name in find_names(written) if re.fullmatch(r"\w+", name)),
    )


def _find_dates(text: str) -> list[tuple[str, tuple[int, int]]]:
    found = []
    for pattern in _DATES:
        for m in pattern.finditer(text):
            a, b = m.group(1), m.group(2)
            if a.isdigit() and b.isdigit():
                day, month = int(a), int(b)
            else:
                day, month = (int(a), _month(b)) if a.isdigit() else (int(b), _month(a))
            if 1 <= day <= 31 and 1 <= month <= 12:
                found.append((m.group(0), (day, month)))
    return found


def _month(name: str) -> int:
    return MONTHS.get(name.lower().rstrip("."), 0)


def _find_numbers(text: str) -> list[tuple[str, frozenset]]:
    """Each number with every value it may stand for (separators and scale words read both ways)."""
    found = []
    for m in _NUMBER.finditer(text):
        values = number_values(m.group(0))
        scale = _SCALE_AFTER.match(text, m.end())
        if scale:
            factor = _SCALES[scale.group(1).lower()]
            values |= {round(v * factor, 6) for v in values}
        found.append((m.group(0), frozenset(values)))
    return found


def _find_number_words(text: str) -> list[tuple[str, frozenset]]:
    """English number words with their value ("twenty-five" → 25; "two million" → 2, 2e6)."""
    found = []
    for m in _EN_NUMBER.finditer(text):
        first, second = m.group(1).lower(), (m.group(2) or "").lower()
        if first in _EN_TENS:
            value = _EN_TENS[first] + _EN_UNITS.get(second, 0)
        else:
            value = _EN_UNITS[first]
        values = {float(value)}
        scale = _SCALE_AFTER.match(text, m.end())
        if scale:
            values.add(value * _SCALES[scale.group(1).lower()])
        found.append((m.group(0), frozenset(values)))
    return found


def number_values(raw: str) -> set[float]:
    """What a written number may stand for: "1.000" → {1000, 1.0}; "12,5" → {12.5, 125}
    (Vietnamese and English swap the separators)."""
    values = {float(raw.replace(".", "").replace(",", ""))}
    for decimal, thousands in ((",", "."), (".", ",")):
        head, sep, tail = raw.rpartition(decimal)
        if sep and thousands not in tail:
            try:
                values.add(float(head.replace(thousands, "").replace(decimal, "") + "." + tail))
            except ValueError:
                pass
    return values


def _mask(text: str, spans: list[str]) -> str:
    for span in spans:
        text = text.replace(span, " " * len(span))
    return text


def find_names(text: str) -> list[str]:
    """Runs of capitalised words, minus an ambiguous sentence-initial word and title words."""
    return [span for span, _ in _name_spans(text)]


def _name_spans(text: str) -> list[tuple[str, str]]:
    """Each name of ``find_names`` with the sentence-initial word it lost ("" if none)."""
    names = []
    run: list[re.Match] = []
    for m in [m for m in _WORD.finditer(text) if not _CURRENCY.fullmatch(m.group(0))] + [None]:
        if m is not None and m.group(0)[0].isupper() and (not run or _adjacent(text, run[-1], m)):
            run.append(m)
            continue
        if run:
            names.extend(_clean_run(text, run))
        run = [m] if m is not None and m.group(0)[0].isupper() else []
    return names


def _adjacent(text: str, previous: re.Match, current: re.Match) -> bool:
    return text[previous.end() : current.start()] in (" ", "-", " - ")


def _clean_run(text: str, run: list[re.Match]) -> list[tuple[str, str]]:
    words = list(run)
    before = text[: words[0].start()].rstrip()
    sentence_start = not before or before[-1] in ".!?:\"“\n"
    opener = ""
    if sentence_start and not is_acronym(words[0].group(0)):
        opener, words = words[0].group(0), words[1:]  # "Police said", "Công an": any sentence opens with a capital
    previous = ""
    while words and (normalize(words[0].group(0)) in _NOT_NAMES | STOP_WORDS
                     or previous == "chủ" and normalize(words[0].group(0)) == "nhật"):  # "Chủ nhật" is Sunday; "Nhật Bản" a name
        previous, opener, words = normalize(words[0].group(0)), "", words[1:]
    if not words:
        return []
    return [(text[words[0].start() : words[-1].end()], opener)]


def _part_of_name(opener: str) -> bool:
    """Whether a sentence's dropped first word reads as the start of the name after it."""
    word = strip_diacritics(normalize(opener))
    return vietnamese_shaped(word) and normalize(opener) not in _NOT_NAMES | STOP_WORDS


def _names_person(name: str) -> bool:
    """Whether ``name`` reads as a Vietnamese person's name: family name first, then more."""
    words = re.findall(r"\w+", strip_diacritics(normalize(name)))
    return len(words) > 1 and vietnamese_surname(words[0])


def _name_supported(span: str, facts: _Facts, translation: str | None = None, whole_persons: bool = True) -> bool:
    """Found whole (unaccented, spaces ignored), as another name of the same place, as the
    initials of words in the article, or, unless it is a person's name (opening with a family
    name), every word of it occurs in the article."""
    words = re.findall(r"\w+", strip_diacritics(normalize(span)))
    places = other_names("".join(words))  # a known place is checked even when its name is ordinary words
    if translation and not places:
        words = _checkable(words, translation)
    squashed = "".join(words)
    if not squashed or squashed in facts.squashed or any(_says(name, facts) for name in places):
        return True
    if is_acronym(span) and " " not in span.strip() and squashed in facts.initials:
        return True
    if whole_persons and len(words) > 1 and vietnamese_surname(words[0]):
        return False  # a person's name is found whole: "Nguyen Minh Hoan" is not "Lê Minh Hoan" + "Nguyễn"
    if places:
        return False  # a known place under none of its names: "Nhật Bản" is not "nhất" and "bàn"
    return all(word in facts.words or any(_says(name, facts) for name in other_names(word)) for word in words)


def _says(name: str, facts: _Facts) -> bool:
    """Whether the article names a place by ``name`` (unaccented words): a name of one syllable
    only when it stands alone as a name ("Đức" in "tới Đức và Pháp", not in "Nguyễn Hoàng Đức",
    nor "nhất" for "Nhật")."""
    if " " not in name and vietnamese_shaped(name):
        return name in facts.lone_names
    return f" {name} " in facts.spaced


def _checkable(words: list[str], language: str) -> list[str]:
    """The words of a name in a translation into ``language`` that the translator keeps as
    they are, so the article must hold them; [] when there is nothing to check.

    English output: all but ordinary English words, yet every word shaped like a Vietnamese
    syllable ("Long" in "Nguyen Van Long"). Vietnamese output: a name with a foreign word in
    it, whole, or a person's name in it (from the family name on); other names are translations
    ("Bộ Công Thương" for "the Ministry of Industry and Trade").
    """
    if language == "en":
        return [w for w in words if vietnamese_shaped(w) or not english_word(w)]
    if any(not vietnamese_shaped(w) for w in words):
        return words
    surname = next((i for i, w in enumerate(words[:-1]) if vietnamese_surname(w)), len(words))
    return words[surname:]
