"""The numbered parts of a document: "Điều 8", "Chương II", "mục 2", "khoản 2 Điều 3".

Decrees, laws and reports are pasted as well as news. A reader asks about their parts ("Điều 8
quy định gì?", "tóm tắt chương II", "mục II nói về gì?"); ``find_reference`` reads the part a
message names and ``section_of`` cuts it out of the article, from its heading to the next
heading of the same kind, so the tasks work on that part alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.article import Article, Sentence
from bot.lexicon import SECTION_RANKS
from bot.textstats import strip_diacritics

# The words that number a document's parts, folded, by rank: a part ends at the next heading of
# its own kind or of a higher rank ("Điều 9" or "Chương III" ends "Điều 8").
KINDS = {strip_diacritics(word).lower(): rank for word, rank in SECTION_RANKS.items()}  # "dieu": 3, ...
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_NUMBER = r"(\d{1,3}|[IVXLC]{1,6})"
_REFERENCE = re.compile(r"\b(" + "|".join(KINDS) + r")\s+(?:so\s+|thu\s+|no\.\s*|no\s+(?=\d))?" + _NUMBER + r"\b",
                        re.I)
_CLAUSE = re.compile(r"\b(?:khoan|clause|paragraph)\s+(\d{1,2})\b", re.I)
# A heading: "Điều 8. ...", "Chương II", "Mục 2: ...", and for parts ("mục", "phần") also a bare
# numeral before a short title: "II. TÌNH HÌNH KINH TẾ", "2. Công nghiệp".
_HEADING = re.compile(r"^(" + "|".join(KINDS) + r")\s+" + _NUMBER + r"(?=$|[\s.:)\-–])", re.I)
_BARE_HEADING = re.compile(r"^" + _NUMBER + r"[.)]\s+[^.!?…]{1,80}$")
# Parts a report numbers with a bare numeral: "mục II" is "II. ...".
_BARE_KINDS = ("muc", "section", "phan", "part")
# Items inside a part: "1. ...", "2) ...".
_ITEM = re.compile(r"^(\d{1,2})[.)]\s")
_SUBHEADING_WORDS = 8


@dataclass(frozen=True)
class SectionRef:
    """A numbered part a message names: ``kind`` a folded word of ``KINDS``, ``number`` its
    number however written ("II" is 2), ``clause`` the "khoản" inside it, ``label`` as typed."""

    kind: str
    number: int
    clause: int | None = None
    label: str = ""
    roman: bool = False  # written "II": a bare heading must be "II." too, not "2."


def find_reference(message: str) -> SectionRef | None:
    """The part ``message`` names: "Điều 8 quy định gì?" → Điều 8; "khoản 2 Điều 3" → clause 2
    of Điều 3. "điều" alone ("điều gì", "điều kiện") needs a number after it to count."""
    folded = strip_diacritics(message)
    match = _REFERENCE.search(folded)
    if not match:
        return None
    clause = _CLAUSE.search(folded)
    number = _value(match.group(2))
    if number is None:
        return None
    label = message[match.start():match.end()].strip()
    return SectionRef(match.group(1).lower(), number, int(clause.group(1)) if clause else None, label,
                      roman=not match.group(2).isdigit())


def without_reference(message: str, ref: SectionRef) -> str:
    """``message`` without the part it names: "Điều 5 yêu cầu vốn bao nhiêu?" → "yêu cầu vốn bao nhiêu?"."""
    rest = message.replace(ref.label, " ")
    if ref.clause is not None:
        rest = re.sub(rf"\b(?:khoản|khoan|clause|paragraph)\s+{ref.clause}\b", " ", rest, flags=re.I)
    return " ".join(rest.split())


def section_of(article: Article, ref: SectionRef) -> Article | None:
    """The part ``ref`` names, as an article of its own (its sentences keep their places, so
    quotes still name their paragraph); None when the article has no such part."""
    sentences = article.sentences
    start = next((i for i, s in enumerate(sentences) if _heads(s, ref)), None)
    if start is None:
        return None
    rank, opening = KINDS[ref.kind], _heading(sentences[start])
    end = next((j for j in range(start + 1, len(sentences)) if _ends(sentences[j], rank, opening)), len(sentences))
    part = sentences[start:end]
    if ref.clause is not None:
        part = _clause(part, ref.clause)
        if not part:
            return None
    return article.excerpt(part)


def numbers_of(article: Article, ref: SectionRef) -> list[int]:
    """The numbers of the parts like ``ref`` the article has headings for ("Điều 1" ... "Điều 13";
    for "mục II", also bare "I. ...", "II. ..." headings in the same style)."""
    return [h.number for h in map(_heading, article.sentences) if h is not None and _like(h, ref)]


def clause_missing(article: Article, ref: SectionRef) -> bool:
    """Whether the part ``ref`` names is there but not its clause ("khoản 9 Điều 4")."""
    return ref.clause is not None and section_of(article, replace(ref, clause=None)) is not None


@dataclass(frozen=True)
class _Heading:
    """A sentence that opens a part: its rank in ``KINDS`` (None for a bare numeral), its number,
    and whether the number is written in roman numerals."""

    rank: int | None
    number: int
    roman: bool


def _heading(sentence: Sentence) -> _Heading | None:
    """"Điều 8. ..." → rank 3, 8; "II. TÌNH HÌNH KINH TẾ" → a bare roman 2; else None."""
    text = strip_diacritics(sentence.text.strip())
    named = _HEADING.match(text)
    found = named or _BARE_HEADING.match(text)
    if not found:
        return None
    numeral = found.group(2) if named else found.group(1)
    number = _value(numeral)
    if number is None:
        return None
    return _Heading(KINDS[named.group(1).lower()] if named else None, number, not numeral.isdigit())


def _like(heading: _Heading, ref: SectionRef) -> bool:
    """Whether ``heading`` opens a part of ``ref``'s kind: the same word's rank, or for "mục" /
    "phần" a bare numeral in the style asked ("mục II" is "II. ...", not "2. ...")."""
    if heading.rank is not None:
        return heading.rank == KINDS[ref.kind]
    return ref.kind in _BARE_KINDS and heading.roman == ref.roman


def _heads(sentence: Sentence, ref: SectionRef) -> bool:
    heading = _heading(sentence)
    return heading is not None and heading.number == ref.number and _like(heading, ref)


def _ends(sentence: Sentence, rank: int, opening: _Heading) -> bool:
    """Whether ``sentence`` opens the next part of the kind ``opening`` began, or of a higher rank;
    a part opened by a bare numeral ends at the next bare numeral of the same style."""
    heading = _heading(sentence)
    if heading is None:
        return False
    if heading.rank is not None:
        return heading.rank <= rank
    return opening.rank is None and heading.roman == opening.roman


def _clause(part: list[Sentence], number: int) -> list[Sentence]:
    """Clause ``number`` of a part: from its "2." to the next numbered item."""
    start = next((i for i, s in enumerate(part) if (m := _ITEM.match(s.text)) and int(m.group(1)) == number), None)
    if start is None:
        return []
    end = next((j for j in range(start + 1, len(part)) if _ITEM.match(part[j].text)), len(part))
    return part[start:end]


def _value(numeral: str) -> int | None:
    """"8" → 8, "II" → 2, "IX" → 9."""
    if numeral.isdigit():
        return int(numeral)
    values = [_ROMAN.get(ch) for ch in numeral.upper()]
    if None in values:
        return None
    total = sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return total or None


def sentences_about(article: Article, topic: str) -> tuple[Sentence, ...]:
    """The part of ``article`` about ``topic`` ("Cà Mau", "giá lúa"): the paragraphs that name it
    (its words in a row, compared without diacritics when the topic or the article is typed
    without them), and under a subheading that names it ("Cà Mau"), the paragraphs up to the next
    subheading."""
    plain = strip_diacritics(topic) == topic or not article.written_with_marks
    fold = (lambda text: strip_diacritics(text).lower()) if plain else (lambda text: text.lower())  # noqa: E731
    wanted = fold(topic).split()
    if not wanted:
        return ()
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, wanted)) + r"(?!\w)")
    chosen: list[Sentence] = []
    paragraphs = article.paragraphs
    for at, paragraph in enumerate(paragraphs):
        if not any(pattern.search(fold(s.text)) for s in paragraph.sentences):
            continue
        if not _subheading(paragraph):
            chosen.extend(paragraph.sentences)
            continue
        for following in paragraphs[at + 1:]:
            if _subheading(following):
                break
            chosen.extend(following.sentences)
    return tuple(sorted(set(chosen), key=lambda s: s.index))


def _subheading(paragraph) -> bool:
    """A short line with no sentence end over the paragraphs of a part ("Cà Mau", "Giá lúa tăng")."""
    text = paragraph.text.strip()
    return len(paragraph.sentences) == 1 and len(text.split()) <= _SUBHEADING_WORDS and text[-1:] not in ".!?…:;"
