"""The story as a whole: whom it is about, and whether it is one story at all.

"Bài báo nói về ai?" names nobody to search for: its answer is the story's main people, those
its headline and lead name most (``main_people``), each with the sentence that introduces them.
"Bài này nói về gì?" on a news roundup ("Tin nóng thế giới ngày 19/5: ...", several short items
one after another, each opening with its own headline) is no one story to summarize: the reply
says how many there are and how each opens (``roundup_items``).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.article import Article, Sentence
from bot.extractive import ROUNDUP_HEADLINE, is_label
from bot.guard import find_names
from bot.lexicon import other_names, vietnamese_shaped, vietnamese_surname
from bot.textstats import STOP_WORDS, is_acronym, strip_diacritics, syllables

# Words before a name that make it a person's: "ông Trump", "nhà báo Khashoggi", "Tổng thống Mỹ
# Donald Trump" (a country may stand between: the name run then starts with it).
_PERSON_TITLES = (
    "ông|bà|anh|chị|cô|cụ|chú|bác|em|cháu|bé|nhà báo|luật sư|tổng thống|phó tổng thống|thủ tướng|chủ tịch|bộ trưởng|"
    "thứ trưởng|thái tử|hoàng tử|công chúa|nữ hoàng|quốc vương|vua|giáo hoàng|đô đốc|tướng|đại tướng|trung tướng|"
    "thiếu tướng|đại tá|thượng tá|trung tá|tỷ phú|tỉ phú|ca sĩ|diễn viên|người mẫu|hoa hậu|cầu thủ|tiền đạo|tiền vệ|"
    "hậu vệ|thủ môn|hlv|huấn luyện viên|nghị sĩ|thượng nghị sĩ|hạ nghị sĩ|đại sứ|giám đốc|tổng giám đốc|ceo|"
    "người phát ngôn|phát ngôn viên|nhà văn|tác giả|bác sĩ|giáo sư|gs|pgs|ts|ths|tổng bí thư|bí thư|nghệ sĩ|nsnd|nsưt|"
    "doanh nhân|ứng viên|thẩm phán|công tố viên|điều tra viên|đạo diễn|nhạc sĩ|võ sĩ|vận động viên|vđv|"
    "mr|mrs|ms|dr|president|prime minister|minister|senator|king|queen|prince|princess|pope|judge|chancellor"
)
_TITLED = re.compile(r"(?:^|[^\w])(?:cựu\s+|former\s+)?(?P<title>" + _PERSON_TITLES + r")\s*$", re.I)
# Titles that stand before a person's name only (never before a country's): "ông Trump".
_HONORIFICS = frozenset("ông bà anh chị cô cụ chú bác em cháu bé mr mrs ms dr".split()) | {"nhà báo", "luật sư"}
# A news story's lead says when, where and who: its first sentences (with the headline, for whom it is about).
LEAD_SENTENCES = 5
# A person not in the headline is one of the story's main people when the headline and lead name
# them this often; at most ``MOST_PEOPLE`` are named.
MIN_LEAD_MENTIONS = 3
MOST_PEOPLE = 3


@dataclass(frozen=True)
class Person:
    name: str            # as the article writes it first, without a place before it: "Donald Trump"
    key: str             # the word news calls them by: "Trump"
    introduced: Sentence  # the first sentence of the body that names them


def main_people(article: Article) -> tuple[Person, ...]:
    """The people the story is about: those its headline names, and those its headline and lead
    name at least ``MIN_LEAD_MENTIONS`` times, the most named first (at most ``MOST_PEOPLE``)."""
    texts = ([article.title] if article.title else []) + [s.text for s in article.sentences]
    people = _people(texts)
    if not people:
        return ()
    lead = "\n".join(([article.title] if article.title else []) + [s.text for s in article.sentences[:LEAD_SENTENCES]])
    mentions = Counter({key: len(re.findall(rf"(?<!\w){re.escape(key)}(?!\w)", lead)) for key in people})
    headline = article.title or ""
    chosen = [key for key in people if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", headline)
              or mentions[key] >= MIN_LEAD_MENTIONS]
    chosen.sort(key=lambda key: (not re.search(rf"(?<!\w){re.escape(key)}(?!\w)", headline), -mentions[key]))
    found: list[Person] = []
    for key in chosen:
        name = people[key]
        if any(key in p.name.split() or p.key in name.split() for p in found):
            continue  # "Kim" of "Kim Jong Un", named already
        first = next((s for s in article.sentences if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", s.text)), None)
        if first is not None:
            found.append(Person(name, key, first))
    return tuple(found[:MOST_PEOPLE])


def _people(texts: list[str]) -> dict[str, str]:
    """The people ``texts`` name, by key (the last word of their name), with the fullest name
    given them: a run of capitalised words after a person's title ("nhà báo Jamal Khashoggi"), or
    a Vietnamese full name ("Nguyễn Văn Hùng"). A place standing first in the run ("Mỹ" in "Tổng
    thống Mỹ Donald Trump") is left out where the texts name it alone too, and a run that is only
    a place ("Tổng thống Mỹ") is no one: a title other than "ông", "bà", ... must be followed by
    two words or more, or by a word no Vietnamese syllable looks like ("Tổng thống Putin")."""
    alone = {tuple(name.split()) for text in texts for name in find_names(text)}
    names: dict[str, str] = {}
    for text in texts:
        for start, run in _runs(text):
            if any(is_acronym(w) for w in run):
                continue  # "UBND TP Đà Nẵng", "TP. HCM": an office or a place
            titled = _TITLED.search(text[:start])
            if titled:
                honorific = titled.group("title").lower() in _HONORIFICS
                place = lambda words: tuple(words) in alone or bool(other_names(_fold("".join(words))))  # noqa: E731
                while not honorific and len(run) > 1 and any(place(run[:n]) for n in range(1, len(run))):
                    run = run[max(n for n in range(1, len(run)) if place(run[:n])):]
                if other_names(_fold("".join(run))) or (len(run) == 1 and not honorific and vietnamese_shaped(_fold(run[0]))):
                    continue
            elif not (len(run) > 2 and vietnamese_surname(_fold(run[0]))):
                continue
            run = _from_family_name(run)
            if run[-1].lower() in STOP_WORDS or len(run[-1]) < 2:
                continue
            key = run[-1]
            if len(" ".join(run)) > len(names.get(key, "")):
                names[key] = " ".join(run)
    # "ông Cohen" is "Michael Cohen" where the texts give his full name
    for text in texts:
        for _, run in _runs(text):
            key = run[-1]
            if key not in names or not 1 < len(run) <= MAX_NAME_WORDS or len(" ".join(run)) <= len(names[key]):
                continue
            if any(is_acronym(w) for w in run) or any(tuple(run[:n]) in alone or other_names(_fold("".join(run[:n])))
                                                      for n in range(1, len(run))):
                continue
            names[key] = " ".join(_from_family_name(run))
    return names


def _from_family_name(run: list[str]) -> list[str]:
    """A run of capitalised words from the Vietnamese family name inside it: "Nguyễn Hữu Tâm" in
    "Sở Nguyễn Hữu Tâm" (an office before the name); "Dương Hoàng Thanh Lan" stays whole."""
    if vietnamese_surname(_fold(run[0])):
        return run
    at = next((i for i in range(1, len(run) - 1) if vietnamese_surname(_fold(run[i]))), None)
    return run[at:] if at is not None else run


MAX_NAME_WORDS = 4  # "Kim Jong Un", "Nguyễn Hồng Trúc Vy"


def _runs(text: str) -> list[tuple[int, list[str]]]:
    """The runs of capitalised words in ``text`` (its first word's only with the next), with
    where each starts: "Donald J. Trump" is one."""
    found, run, start, end = [], [], 0, -1
    for m in re.finditer(r"[^\W\d_][\w'-]*\.?", text):
        word = m.group(0)
        capital = word[:1].isupper()
        if capital and run and text[end:m.start()].strip() == "":
            run.append(word.rstrip("."))
        else:
            if run:
                found.append((start, run))
            run, start = ([word.rstrip(".")], m.start()) if capital else ([], 0)
        end = m.end()
    if run:
        found.append((start, run))
    # a sentence's first word is capitalised whatever it is ("Ông Trump ..."): a title or a common
    # word there is no part of the name, and alone it names nobody
    kept = []
    for at, words in found:
        first = not text[:at].strip(" \"'“”«»(")
        while first and len(words) > 1 and words[0].lower() in STOP_WORDS | _HONORIFICS:
            at, words = at + text[at:].index(words[1]), words[1:]
        if not first or len(words) > 1:
            kept.append((at, words))
    return kept


def _fold(word: str) -> str:
    return strip_diacritics(word).lower()


# --- roundups -------------------------------------------------------------------------------------

# A story's own headline inside a roundup, written as a sentence ("Tổng thống Trump đề cử Đại sứ Mỹ
# tại Hàn Quốc."): short, and the sentence after it repeats most of its words at more length.
MAX_ITEM_HEADLINE_SYLLABLES = 20
ECHOED_SHARE = 0.4
# ... while the sentence before it (the end of the last item) shares little with it.
PREVIOUS_SHARE = 0.4
# Items a roundup has at least: with a roundup's headline, or with no such headline.
MIN_ITEMS = 3
MIN_ITEMS_UNLABELLED = 4


def roundup_items(article: Article) -> tuple[Sentence, ...]:
    """The sentence each item of a news roundup opens with (its own headline), or () when the
    article is one story. A roundup has a roundup's headline, or a headline listing several items
    ("...; ...; ..."), and at least ``MIN_ITEMS`` items; with neither, ``MIN_ITEMS_UNLABELLED``
    items, each headed by a subheading line."""
    sentences = article.sentences
    if len(sentences) < 2 * MIN_ITEMS:
        return ()
    title = article.title or ""
    listed = title.partition(":")[2]
    labelled = bool(ROUNDUP_HEADLINE.search(title)) or len([p for p in re.split(r"\s*[;|]\s*", listed) if p.strip()]) >= 2
    headed = [p.sentences[0] for p in article.paragraphs if len(p.sentences) == 1 and is_label(p.sentences[0].text)]
    if not labelled:
        return tuple(headed) if len(headed) >= MIN_ITEMS_UNLABELLED and _apart(article, headed) else ()
    starts = list(headed) or [sentences[0]]
    for i in range(1, len(sentences) - 1):
        if _item_headline(sentences[i - 1], sentences[i], sentences[i + 1]):
            starts.append(sentences[i])
    starts = sorted({s.index: s for s in starts}.values(), key=lambda s: s.index)
    if starts and starts[0].index != sentences[0].index and not headed:
        starts.insert(0, sentences[0])
    return tuple(starts) if len(starts) >= MIN_ITEMS else ()


def _item_headline(before: Sentence, sentence: Sentence, after: Sentence) -> bool:
    words = _content(sentence.text)
    if not words or len(syllables(sentence.text)) > MAX_ITEM_HEADLINE_SYLLABLES:
        return False
    if len(syllables(after.text)) <= len(syllables(sentence.text)):
        return False
    echoed = len(words & _content(after.text)) / len(words)
    kept = len(words & _content(before.text)) / len(words)
    return echoed >= ECHOED_SHARE and kept < PREVIOUS_SHARE


def _apart(article: Article, headed: list[Sentence]) -> bool:
    """Whether the parts under ``headed`` are separate stories: each names somebody or something,
    and no two name the same (one story told in parts keeps naming its people and places)."""
    bounds = [h.index for h in headed] + [len(article.sentences)]
    parts = [" ".join(s.text for s in article.sentences[a:b]) for a, b in zip(bounds, bounds[1:])]
    names = [{n.split()[-1] for n in find_names(p)} for p in parts]
    return all(names) and sum(len(n) for n in names) == len(set().union(*names))


def _content(text: str) -> set[str]:
    return {t for t in syllables(text) if t not in STOP_WORDS and not t.isdigit()}

