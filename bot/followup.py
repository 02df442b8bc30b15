"""What a follow-up question means after the last one: "ông ấy bao nhiêu tuổi?" is about the man
the last answer named, "khi nào?" about the last question's subject.

The chat keeps the last question and the people its answer named (``people_named``); a new
question is rewritten by ``follow_up`` before retrieval sees it.
"""
from __future__ import annotations

import re
import unicodedata

from bot.guard import find_names
from bot.lexicon import vietnamese_surname
from bot.question import is_yes_no, parse_question
from bot.textstats import is_acronym, strip_diacritics


def follow_up(question: str, last_question: str, language: str = "vi", people: tuple[str, ...] = (),
              story_people: tuple[str, ...] = (), last_person: str = "") -> str:
    """The question as it is meant after the last one.

    "ông ấy bao nhiêu tuổi?" after an answer quoting "ông Trần Văn Hùng" is about him: the
    pronoun is replaced by the person of that title the answer (or the question) named first,
    ``people``, as "ông Hùng"; "hắn", "gã", "y" by a man named without a title (news names a
    suspect so), "thị" by such a woman, "người này" by the first named, "họ" by the people named
    (``_named_person``); but first by ``last_person``, whom the last answer was about (the one
    who answers "Ai quay video?", ``answering_person``), where the pronoun fits them. A pronoun
    with nobody to point at, after a question about someone ("thủ tướng nói gì?"), is that
    question's subject: "ông ấy là ai?" is "thủ tướng là ai?";
    else one of ``story_people``, the article's most named people (``people_by_mentions``), as
    a pronoun asked before any answer named anybody ("hắn lấy trộm những gì?") means.
    A question that names nothing to search ("ai?", "khi nào?", "ông ấy nói gì?"
    with nobody named before) is asked about the last question's subject: after "giá xăng RON95
    bao nhiêu?", "khi nào?" is "giá xăng RON95 khi nào?". A question that names something of its
    own ("ông ấy chỉ đạo gì?", "who is funding it?") is asked as it is: adding the last question's
    words would find the last answer again."""
    resolved = _named_person(question, people, last_person)
    if resolved != question or not question.strip():
        return resolved
    pointer = _pointer(question)
    last = parse_question(last_question) if last_question else None
    subject = " ".join(_subject_words(last_question, last.words)) if last is not None else ""
    if pointer and {"title", "anyone"} & set(pointer[2]) and subject and last.answer_type in _ABOUT_SOMEONE:
        # "ông ấy là ai?" after "thủ tướng nói gì?", whose answer named nobody: the prime minister
        start, end, _ = pointer
        question = unicodedata.normalize("NFC", question)
        return f"{question[:start]}{subject}{question[end:]}"
    resolved = _named_person(question, story_people)
    if resolved != question:
        return resolved
    own = any(isinstance(t, str) for t in parse_question(question, "en" if language == "en" else "vi").terms)
    if own or last is None:
        return question  # it names something of its own (pairs of stop words name nothing)
    return f"{subject} {question}" if subject else question


# The frame of a yes/no claim ("có đúng là ... không?"): no part of what it was about.
_CLAIM_FRAME = frozenset("có đúng là phải không chưa co dung la phai khong chua".split())


def _subject_words(last_question: str, words: tuple[str, ...]) -> list[str]:
    """What the last question was about. Of a yes/no claim ("có đúng là Hollyhand 53 tuổi
    không?"), not its frame nor its figure and unit: "anh ấy nói gì?" then asks what Hollyhand
    said, not whether the article gives 53."""
    if not is_yes_no(last_question):
        return list(words)
    kept, after_figure = [], False
    for word in words:
        if any(c.isdigit() for c in word):
            after_figure = True
            continue
        if not after_figure and word not in _CLAIM_FRAME:
            kept.append(word)
        after_figure = False
    return kept


# Someone named before: by the title they were named with ("ông ấy", "bà ta", "anh này"), as a
# suspect ("hắn", "gã", "y": a man; "thị": a woman), or as anyone ("người này"); "họ" are the
# people named. "y" and "thị" are pronouns only where no compound reads them otherwise ("y tế",
# "thị xã", "siêu thị"): at the question's start or after a word that takes a person ("vợ hắn").
_AFTER_PERSON = r"(?:^\W*|\b(?:của|vợ|chồng|con|bố|mẹ|với|cho|và|giúp|gặp|bắt|khai)\s+)"
# The words "y" and "thị" begin ("y tế", "thị trưởng", "thị phần"), after which they are no pronoun.
_Y_WORDS = "tế|khoa|học|sĩ|tá|dược|án|nguyên|như|hệt|lệnh|đức|bạ|sinh|phục|thuật|viện|văn|bác sĩ"
_THỊ_WORDS = ("xã|trấn|trường|trưởng|phần|giá|thực|sát|lực|giác|hiếu|phi|uỷ|ủy|chính|dân|tứ|thành|vệ|tộc|uy"
              "|chứng|phạm|oai|hiện")
_PERSON_POINTER = re.compile(
    r"\b(?P<title>ông|bà|anh|chị|cô)\s+(?:ấy|ta|này|đó)\b"
    r"|\b(?P<man>hắn|gã)\b(?!\s+khổng\s+lồ)"  # "gã khổng lồ công nghệ": a big company
    r"|" + _AFTER_PERSON + rf"(?:(?P<y>y)\b(?!\s+(?:{_Y_WORDS})\b)|(?P<woman>thị)\b(?!\s+(?:{_THỊ_WORDS})\b))"
    r"|\b(?P<anyone>người|nhân vật)\s+(?:này|đó|ấy)\b"
    r"|(?<!\bdòng\s)(?<!\bcùng\s)\b(?P<they>họ)\b(?!\s+(?:tên|hàng|tộc|và\s+tên))", re.I)
_TITLES = ("ông", "bà", "anh", "chị", "cô")
_WOMEN = ("bà", "chị", "cô")
_ABOUT_SOMEONE = ("person", "speech")  # "ai ...?", "... nói gì?": the subject is someone
MOST_THEY = 3  # people "họ" stands for


def _pointer(question: str) -> tuple[int, int, dict] | None:
    """Where ``question`` (NFC) points at someone, and which kind of pointer it is (the groups of
    ``_PERSON_POINTER``); "vợ y": only "y"."""
    found = _PERSON_POINTER.search(unicodedata.normalize("NFC", question))
    if not found:
        return None
    kinds = {k: v for k, v in found.groupdict().items() if v}
    bare = next((k for k in ("y", "woman") if k in kinds), None)
    return (*found.span(bare or 0), kinds)


def points_at_someone(question: str) -> bool:
    """Whether ``question`` refers to someone named before ("ông ấy", "hắn", "họ")."""
    return _pointer(question) is not None


def people_named(texts: list[str], known: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The people ``texts`` name with a title, as "ông Trần Văn Hùng", in order of mention; a
    person named without a title ("Chủ tịch UBND tỉnh Trần Văn Hùng") is listed bare, after them,
    and so is one of ``known`` (the article's people) called by the last word of their name alone
    ("Hoà" for "Nguyễn Thanh Hoà")."""
    titled, bare = [], []
    by_last = {p.split()[-1]: p for p in reversed(known) if p.split()[0] not in _TITLES}
    for text in texts:
        for name in find_names(text):
            if is_acronym(name.split()[0]):
                continue
            before = text[: text.find(name)].split()
            title = before[-1].lower() if before else ""
            (titled if title in _TITLES else bare).append(f"{title} {name}" if title in _TITLES else name)
    return tuple(dict.fromkeys(titled + [p for p in (_person_in(n) or by_last.get(n) for n in bare) if p]))


def _person_in(name: str) -> str | None:
    """The person's name a run of capitalised words ends with, from its family name: "Trần Văn
    Hùng" in "Quảng Bình Trần Văn Hùng" (a place before a title's name); None for "Sở Tài chính"."""
    words = name.split()
    starts = [i for i, w in enumerate(words[:-1]) if vietnamese_surname(strip_diacritics(w).lower())]
    return " ".join(words[starts[-1]:]) if starts else None


def people_by_mentions(texts: list[str]) -> tuple[str, ...]:
    """``people_named`` in ``texts``, the most often named first (by the last word of their name,
    as news calls someone after naming them: "Hoà" for "Nguyễn Thanh Hoà"); the story's own
    people, for a pronoun asked before any answer named anybody ("hắn lấy trộm những gì?")."""
    people = people_named(texts)
    joined = "\n".join(texts)
    count = {p: len(re.findall(rf"(?<!\w){re.escape(p.split()[-1])}(?!\w)", joined)) for p in people}
    return tuple(sorted(people, key=lambda p: -count[p]))


def _named_person(question: str, people: tuple[str, ...], last_person: str = "") -> str:
    """``question`` with its pointer (``_PERSON_POINTER``) replaced by the one of ``people`` it
    stands for: "ông ấy" by the first titled "ông" (else the first man named without a title),
    as news refers to someone after naming them: by title and given name, "ông Tuấn" for "Nguyễn
    Minh Tuấn" (the full name would only find the sentence that introduced him again); "hắn" by
    the given name of the first man named without a title ("Hoà"), "thị" of such a woman, "người
    này" of the first named, "họ" of the first ``MOST_THEY``. Unchanged when there is no pointer
    or nobody to point at. ``last_person``, whom the last answer was about, comes before them
    all where the pronoun fits (``_fits``): after "Ai quay video?" answered "Theo ông Phúc, anh
    Lộc đã quay ...", "người đó" and "hắn" are anh Lộc, not the first named."""
    pointer = _pointer(question)
    if not pointer or not (people or last_person):
        return question
    question = unicodedata.normalize("NFC", question)
    start, end, kinds = pointer
    untitled = [p for p in people if p.split()[0] not in _TITLES]
    if last_person and _fits(last_person, kinds):
        # by title and given name, as the article goes on calling them ("anh Lộc"); a suspect
        # named without a title by the given name alone
        own = last_person.split()[0]
        title = kinds.get("title", "").lower() or (own if own in _TITLES else "")
        named = f"{title} {last_person.split()[-1]}" if title else last_person.split()[-1]
    elif not people:
        return question
    elif "they" in kinds:
        chosen = list(dict.fromkeys(p.split()[-1] for p in people[:MOST_THEY]))
        named = " và ".join([", ".join(chosen[:-1]), chosen[-1]] if len(chosen) > 1 else chosen)
    elif "anyone" in kinds:
        named = people[0].split()[-1]
    else:
        title = kinds.get("title", "").lower()
        woman = title in _WOMEN or "woman" in kinds
        # Named without a title ("bị cáo Lê Thị Ngọc Hân"): a woman for "bà ấy" ("Thị" is a
        # woman's middle name), a man for "ông ấy", when the answer named both.
        fitting = [p for p in untitled if (" Thị " in f" {p} ") == woman]
        if title:
            same = [p for p in people if p.split()[0] == title]
            chosen = (same or fitting or untitled or [None])[0]
        else:  # "hắn", "thị": a suspect, whom news names without a title
            titled = [p for p in people if p.split()[0] in (_WOMEN if woman else ("ông", "anh"))]
            chosen = (fitting or titled or [None])[0]
        if chosen is None:
            return question
        named = f"{title} {chosen.split()[-1]}" if title else chosen.split()[-1]
    return f"{question[:start]}{named}{question[end:]}"


def _is_woman(person: str) -> bool:
    """Whether ``person`` ("bà Nguyễn Thị Lan", "Ngô Thị Hồng") is a woman: by title, or by "Thị",
    a woman's middle name, when named without one."""
    first = person.split()[0]
    return first in _WOMEN or (first not in _TITLES and " Thị " in f" {person} ")


def _fits(person: str, kinds: dict) -> bool:
    """Whether a pointer of ``kinds`` (``_PERSON_POINTER``'s groups) may stand for ``person``:
    "người đó" for anyone; "anh ấy" for an "anh", or a man named without a title; "hắn" for a
    man, "thị" for a woman; "họ" for nobody alone."""
    if "they" in kinds:
        return False
    if "anyone" in kinds:
        return True
    first = person.split()[0]
    title = kinds.get("title", "").lower()
    if title:
        return first == title or (first not in _TITLES and _is_woman(person) == (title in _WOMEN))
    return _is_woman(person) == ("woman" in kinds)


def answering_person(question: str, texts: list[str], people: tuple[str, ...]) -> str:
    """Who answers a "who" question in the sentences quoted for it: of ``people`` (those the
    sentences name, ``people_named``), the one standing nearest the question's words, as the one
    who did something stands by the verb: "Ai quay video?" over "Theo ông Lê Hoàng Phúc, Trưởng
    công an phường, anh Nguyễn Văn Lộc, một người dân, đã quay lại video" is anh Lộc, not the
    source named first. A sentence with more of the question's words goes first. Someone the
    question names is no answer to it ("Ai đã cứu anh Quân?"). "" when the question asks no
    "who" or the sentences name nobody else."""
    query = parse_question(question)
    if query.answer_type != "person":
        return ""
    asked = {t for t in query.stripped_terms if isinstance(t, str)}
    in_question = {strip_diacritics(w).lower() for w in re.findall(r"\w+", question) if w[:1].isupper()}
    best, nearest = "", None
    for text in texts:
        tokens = [strip_diacritics(w).lower() for w in re.findall(r"\w+", text)]
        said = [i for i, t in enumerate(tokens) if t in asked]
        for person in people:
            name = [strip_diacritics(w).lower() for w in person.split() if w not in _TITLES]
            spans = _where(name, tokens) if said and name and name[-1] not in in_question else []
            if not spans:
                continue
            gaps: dict[str, int] = {}  # each word of the question, from the nearest mention of the person
            for i in said:
                gaps[tokens[i]] = min(gaps.get(tokens[i], len(tokens)), min(_gap(i, span) for span in spans))
            rank = (-len(gaps), sum(gaps.values()))
            if nearest is None or rank < nearest:
                best, nearest = person, rank
    return best


def _where(name: list[str], tokens: list[str]) -> list[tuple[int, int]]:
    """Where ``tokens`` name the person of ``name`` (bare syllables), as (first, last) positions:
    the whole name, else its last word, as news calls someone after naming them ("Lộc")."""
    size = len(name)
    whole = [(i, i + size - 1) for i in range(len(tokens) - size + 1) if tokens[i:i + size] == name]
    return whole or [(i, i) for i, t in enumerate(tokens) if t == name[-1]]


def _gap(position: int, span: tuple[int, int]) -> int:
    """Words between ``position`` and ``span`` (0 inside it)."""
    return max(span[0] - position, position - span[1], 0)
