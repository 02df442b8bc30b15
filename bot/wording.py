"""The question put in the article's own words before it is searched (``bot.retrieve``).

A reader asks with the names and spellings they know; the article may write them otherwise. Each
function here rewrites a question, or gives terms to search besides it, from what the article
itself writes: an acronym spelled out ("CSGT" → "cảnh sát giao thông") and a phrase the article
only writes as one ("ủy ban nhân dân" → "UBND"), another name of a place or thing ("Sài Gòn" →
"TP.HCM"), a full name the article shortens ("Stephen Hawking" → "Hawking"), a foreign name one
letter off ("Kuala Lumpor"), and an unaccented stop word the article writes as a content word
("chu vi" → "chủ ví").
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.article import Article
from bot.lexicon import english_word, other_names, vietnamese_shaped
from bot.orthography import words
from bot.question import BARE_STOP_WORDS, Query
from bot.textstats import STOP_WORDS, is_acronym, ngrams, strip_diacritics


@lru_cache(maxsize=16)
def _tokens(article: Article) -> tuple[list, ...]:
    """The article's syllables, sentence by sentence: retrieval's index of them, built once."""
    from bot.retrieve import index  # bot.retrieve imports this module
    return index(article).tokens


def acronym_terms(question: str, article: Article) -> list:
    """The syllables and pairs of an acronym of ``question`` spelled out as the article writes it:
    "CSGT" finds "cảnh sát giao thông"."""
    vocabulary = _vocabulary(article)
    added: list = []
    for acronym in {strip_diacritics(w).lower() for w in re.findall(r"\w+", question) if _is_acronym(w)}:
        if acronym not in vocabulary:
            for run in _spelled_out(article).get(acronym, ()):
                added += list(run) + ngrams(list(run), 2)
    return added



def content_readings(query: Query, article: Article) -> list[str]:
    """The syllables of a question typed without marks that read as a stop word ("vi" as "vì")
    but that the article writes mostly as another word ("ví", "vị"): "chu vi la ai" on an article
    about a wallet asks about "chủ ví"."""
    readings = _readings(article)
    return [w for w in dict.fromkeys(query.words) if isinstance(w, str) and w in BARE_STOP_WORDS
            and w not in query.terms and readings.get(w, (0, 0))[0] > readings.get(w, (0, 0))[1]]


@lru_cache(maxsize=16)
def _readings(article: Article) -> dict[str, tuple[int, int]]:
    """For each unaccented spelling of a stop word, how often the article writes it as another word
    ("ví" for "vi") and as the stop word ("vì")."""
    counts: dict[str, list[int]] = {}
    for toks in _tokens(article):
        for t in toks:
            bare = strip_diacritics(t)
            if bare in BARE_STOP_WORDS:
                counts.setdefault(bare, [0, 0])[t in STOP_WORDS] += 1
    return {bare: (content, stop) for bare, (content, stop) in counts.items()}

# A foreign name spelt one way in the question and another in the article, one letter apart
# ("Kuala Lumpur" asked, "Kula Lumpur" written once; a user's "Hawkin"), is searched under the
# article's spellings too. Only names not shaped like a Vietnamese syllable (Vietnamese names one
# letter apart are different people: "Trung", "Trang"; "Hoàn", "Hoàng"), with the same first
# letter (a slip seldom hits it: "Gambia" is no "Zambia"), at least this long, and the longer
# of the two at least one letter longer ("Iran" is no "Iraq").
_RESPELT_SHORTEST = 4


def respelt(question: str, article: Article) -> tuple[str, tuple[str, ...]]:
    """``question`` with a foreign name the article never writes replaced by the article's spelling
    one edit away, and the questions that also ask it under the article's other spellings of a
    name it does write."""
    names, vocabulary = _foreign_names(article), _vocabulary(article)
    out, variants = question, []
    for m in re.finditer(r"\w+", question):
        asked = strip_diacritics(m.group(0)).lower()
        if len(asked) < _RESPELT_SHORTEST or vietnamese_shaped(asked) or asked not in names and (
                asked in vocabulary or not m.group(0)[0].isupper() and english_word(asked)):
            continue
        near = sorted((n for n in names if n != asked and n[0] == asked[0] and _one_edit(asked, n)
                       and max(len(n), len(asked)) > _RESPELT_SHORTEST), key=lambda n: -names[n][1])
        if not near:
            continue
        if asked in names:  # the article writes it both ways: search both
            variants += [question.replace(m.group(0), names[n][0]) for n in near]
        else:
            out = out.replace(m.group(0), names[near[0]][0])
    return out, tuple(variants)


@lru_cache(maxsize=16)
def _foreign_names(article: Article) -> dict[str, tuple[str, int]]:
    """Capitalised words of the article not shaped like a Vietnamese syllable, by their lowercase
    unaccented spelling: (as first written, how often)."""
    found: dict[str, tuple[str, int]] = {}
    for s in article.sentences:
        for w in re.findall(r"\w+", s.text):
            bare = strip_diacritics(w).lower()
            if w[0].isupper() and len(bare) >= _RESPELT_SHORTEST and bare.isalpha() and not vietnamese_shaped(bare):
                written, count = found.get(bare, (w, 0))
                found[bare] = (written, count + 1)
    return found


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one letter put in, left out, changed, or two swapped."""
    if abs(len(a) - len(b)) > 1:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return (a[i + 1:] == b[i + 1:] or a[i:] == b[i + 1:] or a[i + 1:] == b[i:]
            or a[i + 2:] == b[i + 2:] and a[i : i + 2] == b[i : i + 2][::-1])


def renamed(question: str, article: Article) -> str:
    """``question`` with a place or thing it calls otherwise than the article does under the
    article's name: "Sài Gòn" as "tp hcm", "Mỹ" as "hoa kì", "ADN" as "dna"
    (``bot.lexicon.other_names``). A one-syllable name counts only capitalised: "anh" is a
    brother or a pronoun, "Anh" Britain."""
    question = unicodedata.normalize("NFC", question)
    spans = list(re.finditer(r"\w+", question))
    asked = [strip_diacritics(m.group(0)).lower() for m in spans]
    runs, taken, renames = _runs(article), set(), []
    for n in range(_LONGEST_NAME, 0, -1):
        for i in range(len(asked) - n + 1):
            if taken & set(range(i, i + n)) or _bare_run(" ".join(asked[i : i + n])) in runs \
                    or n == 1 and not spans[i].group(0)[0].isupper():
                continue
            written = [w for name in other_names("".join(asked[i : i + n])) for w in runs.get(_bare_run(name), ())[:1]]
            if written:
                taken |= set(range(i, i + n))
                renames.append((spans[i].start(), spans[i + n - 1].end(), " ".join(written[0])))
    for start, end, name in sorted(renames, reverse=True):
        question = question[:start] + name + question[end:]
    return question


# A full name is searched under its last word when the article writes that word alone at least
# this many times as often as the whole name: the way it calls the person.
SHORT_NAME_SHARE = 2


def short_names(question: str, article: Article) -> str:
    """``question`` with a full name the article mostly writes by its last word alone so shortened:
    "Stephen Hawking" as "Hawking" in an article that writes "Hawking" 69 times and the full name 4,
    "Nguyễn Văn An" as "An" in one that calls him "ông An" after introducing him. Else the full
    name's rare pair and first name pull the few sentences that spell it out (a film title, the
    introduction) over those that say what the question asks about him. Only a name the article
    writes in full at least once. Measured on qa-dev (5 questions name "Stephen Hawking"): hit@1
    79.6 → 80.6, without diacritics 74.2 → 76.3 (one and two questions, none for the worse);
    cross-validated 80.9 → 81.9; qa-own has no such name and is unchanged."""
    counts = _name_counts(article)
    out = question
    for run in _capitalised_runs(question):
        full, last = counts(" ".join(run)), counts(run[-1])
        # "Người Hoa", "Đông Nam Á": a run that opens with a word the article also writes in lower
        # case ("người", "đông") is a common word before a name, not a first name.
        if full and last - full >= SHORT_NAME_SHARE * full and not counts(run[0].lower()):
            out = out.replace(" ".join(run), run[-1], 1)
    return out


def _capitalised_runs(text: str) -> list[list[str]]:
    """Runs of two or more capitalised words, separated by single spaces."""
    runs, run, end = [], [], -1
    for m in re.finditer(r"[\w'-]+", text):
        if m.group(0)[0].isupper() and (not run or text[end : m.start()] == " "):
            run.append(m.group(0))
        else:
            runs.append(run)
            run = [m.group(0)] if m.group(0)[0].isupper() else []
        end = m.end()
    return [r for r in runs + [run] if len(r) >= 2]


@lru_cache(maxsize=16)
def _name_counts(article: Article):
    """A function: how often the article writes a phrase, case and word boundaries kept."""
    text = "\n".join(s.text for s in article.sentences)
    return lru_cache(maxsize=256)(lambda phrase: len(re.findall(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)))


def _bare_run(text: str) -> str:
    """``text`` as retrieval spells syllables (``bot.orthography.words``: "Kỳ" as "kì"), unaccented."""
    return " ".join(strip_diacritics(w) for w in words(text))


_LONGEST_NAME = 4  # syllables looked up as one name: "Hồ Chí Minh" is found inside "Thành phố Hồ Chí Minh"


@lru_cache(maxsize=16)
def _runs(article: Article) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Runs of 1 to ``_LONGEST_NAME`` syllables of the article, by their unaccented spelling (``_bare_run``)."""
    found: dict[str, set] = {}
    for toks in _tokens(article):
        bare = [strip_diacritics(t) for t in toks]
        for n in range(1, _LONGEST_NAME + 1):
            for i in range(len(toks) - n + 1):
                found.setdefault(" ".join(bare[i : i + n]), set()).add(tuple(toks[i : i + n]))
    return {k: tuple(sorted(v)) for k, v in found.items()}


# An acronym read both ways is 3 to 6 letters: "TP" or "CA" would stand for too many phrases.
_ACRONYM_SHORTEST, _ACRONYM_LONGEST = 3, 6


def contracted(question: str, article: Article) -> str:
    """``question`` with a phrase the article only writes as an acronym replaced by it ("Ủy ban
    nhân dân thành phố" → "ubnd thành phố" when the article says "UBND"). Only runs of content
    words: "có ai bị" is no "CAB"."""
    written, vocabulary = _acronyms(article), _vocabulary(article)
    asked = words(question)
    bare = [strip_diacritics(w) for w in asked]
    out, i = [], 0
    while i < len(asked):
        for n in range(_ACRONYM_LONGEST, _ACRONYM_SHORTEST - 1, -1):
            run = asked[i : i + n]
            if len(run) == n and "".join(w[0] for w in bare[i : i + n]) in written \
                    and not set(bare[i : i + n]) <= vocabulary and not set(run) & STOP_WORDS:
                out.append("".join(w[0] for w in bare[i : i + n]))
                i += n
                break
        else:
            out.append(asked[i])
            i += 1
    return " ".join(out) if out != asked else question


def _is_acronym(word: str) -> bool:
    return _ACRONYM_SHORTEST <= len(word) <= _ACRONYM_LONGEST and is_acronym(word)


@lru_cache(maxsize=16)
def _vocabulary(article: Article) -> frozenset:
    """The article's syllables without diacritics (acronyms are compared so)."""
    return frozenset(strip_diacritics(t) for toks in _tokens(article) for t in toks)


@lru_cache(maxsize=16)
def _acronyms(article: Article) -> frozenset:
    """The acronyms the article writes ("UBND"), unaccented and lowercased."""
    return frozenset(strip_diacritics(w).lower() for s in article.sentences for w in re.findall(r"\w+", s.text)
                     if _is_acronym(w))


@lru_cache(maxsize=16)
def _spelled_out(article: Article) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Runs of 3-6 syllables of the article by their initials ("csgt" → ("cảnh", "sát", "giao", "thông"))."""
    found: dict[str, set] = {}
    for toks in _tokens(article):
        bare = [strip_diacritics(t) for t in toks]
        for n in range(_ACRONYM_SHORTEST, _ACRONYM_LONGEST + 1):
            for i in range(len(toks) - n + 1):
                found.setdefault("".join(w[0] for w in bare[i : i + n]), set()).add(tuple(toks[i : i + n]))
    return {k: tuple(sorted(v)) for k, v in found.items()}
