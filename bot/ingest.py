"""Turn a pasted article into an ``Article``: drop the page clutter, keep what it tells us.

A page copied from a Vietnamese news site brings its furniture along: the site's "today" line,
the article's date and time, view counters, photo captions and credits, "Theo: ..." source
lines, a byline, share/tag/related-article lines. ``parse_article`` labels every paragraph
(``bot.clutter`` holds the rules), reads the title, date and source from the labels, and
segments the rest into sentences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.article import Article
from bot.clutter import (
    Kind,
    classify,
    document_number,
    document_type,
    is_motto,
    is_caption,
    byline_name,
    is_ad_label,
    is_comments_header,
    is_related_header,
    is_prose,
    is_trailer,
    normalize_date,
    prefix_source,
    source_of,
    strip_lead_prefix,
    trailer_source,
)
from bot.language import detect_language
from bot.legacy import decode_legacy
from bot.segment import flatten_markup, normalize_text, split_long_text, split_paragraphs, split_run_on, split_sentences
from bot.wrap import hard_wrapped, join_pdf_lines, unbroken

# A "sentence" longer than this has no usable punctuation (a transcript, a pasted list); it is
# cut at commas and spaces so no single sentence outgrows a model's input.
MAX_SENTENCE_CHARS = 1000
_TERMINAL = ".!?…:;"
_MAX_AD_WORDS = 25  # the line under a lone "QUẢNG CÁO" label is the ad up to this long
_MAX_TITLE_WORDS = 20  # another article's title, listed under "Tin liên quan"
_UNSPACED = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")


def parse_article(raw: str) -> Article:
    """Clean, segment and describe a pasted article (NFC, clutter removed, metadata found)."""
    # before normalizing: TCVN3 writes "ư" as a soft hyphen, which normalizing deletes
    raw, legacy_encoding = decode_legacy(raw or "")
    text = normalize_text(raw)
    if hard_wrapped(text):  # copied from a PDF: lines cut at a fixed width, mid-sentence
        text = join_pdf_lines(text.split("\n"))
    else:  # a word a hyphen broke at a line's end, in a paste too short to tell its width
        text = "\n".join(unbroken(text.split("\n")))
    paragraphs = flatten_markup(split_paragraphs(text))
    kinds = [classify(p) for p in paragraphs]
    _mark_trailers(paragraphs, kinds)
    document = _document_header(paragraphs, kinds)
    title_at = None if document else _title_index(paragraphs, kinds)
    _mark_captions(paragraphs, kinds)
    source = document.issuer if document and document.issuer else _first_source(paragraphs, kinds)
    removed: list[str] = []
    body: list[str] = []
    for paragraph, kind in zip(paragraphs, kinds):
        if kind is Kind.BODY and not body:
            # "(Dân trí) - Sở Giáo dục ...": the outlet's dateline prefix goes, the lead stays.
            paragraph, prefix = strip_lead_prefix(paragraph)
            if prefix:
                removed.append(prefix)
                source = source or prefix_source(prefix)
        if kind is Kind.BODY:
            body.append(paragraph)
        elif kind is not Kind.TITLE:
            removed.append(paragraph)
    sentences = [s for s in (_sentences(p) for p in body) if s]
    byline = _glued_byline(sentences)
    if byline:
        removed.append(byline)
        source = source or trailer_source(byline)
    text = " ".join(s for p in sentences for s in p)
    credited = [paragraphs[i] for i, kind in enumerate(kinds) if kind is Kind.BYLINE] + ([byline] if byline else [])
    author = next(filter(None, map(byline_name, credited)), None)
    return Article.from_paragraphs(
        sentences,
        title=document.title if document else paragraphs[title_at] if title_at is not None else None,
        date=document.date if document and document.date else _article_date(paragraphs, kinds, title_at),
        source=source,
        document=document.name if document else None,
        author=author,
        language=detect_language(text or " ".join(paragraphs)) if paragraphs else "vi",
        removed=tuple(removed),
        legacy_encoding=legacy_encoding,
    )


def _sentences(paragraph: str) -> list[str]:
    out: list[str] = []
    for sentence in (piece for s in split_sentences(paragraph) for piece in split_run_on(s)):
        out.extend(split_long_text(sentence, MAX_SENTENCE_CHARS) if len(sentence) > MAX_SENTENCE_CHARS else [sentence])
    return out


def _glued_byline(sentences: list[list[str]]) -> str | None:
    """Pop a byline glued to the last paragraph: "... truy tìm. Mộc Miên (Tổng hợp)"."""
    if sentences and len(sentences[-1]) > 1 and is_trailer(sentences[-1][-1]):
        return sentences[-1].pop()
    return None


def _mark_trailers(paragraphs: list[str], kinds: list[Kind]) -> None:
    """Bylines and leftovers at the end: short unpunctuated lines after the last prose paragraph.

    Also drops the list of article titles that follows a "Tin liên quan" / "Xem thêm" header,
    and the readers' comments from their header ("Bình luận (23)") on.
    """
    comments = next((i for i, p in enumerate(paragraphs) if i and is_comments_header(p)), None)
    if comments is not None:  # readers' comments run to the end of the page
        kinds[comments:] = [Kind.RELATED] * (len(kinds) - comments)
    related = False
    for i, (p, kind) in enumerate(zip(paragraphs, kinds)):
        if is_related_header(p):
            related = True
        elif related and kind is Kind.BODY and (not _ends_sentence(p) or _titles_at_the_end(paragraphs, kinds, i)):
            kinds[i] = Kind.RELATED
        elif kind is Kind.BODY:
            related = False
        if is_ad_label(p) and i + 1 < len(kinds) and kinds[i + 1] is Kind.BODY \
                and len(paragraphs[i + 1].split()) <= _MAX_AD_WORDS:
            kinds[i + 1] = Kind.AD  # "QUẢNG CÁO" over "Vay tiêu dùng lãi suất 0% - Đăng ký ngay!"
    for i in range(len(paragraphs) - 1, 0, -1):
        if kinds[i] is Kind.BODY:
            if not is_trailer(paragraphs[i]):
                break
            kinds[i] = Kind.BYLINE


@dataclass(frozen=True)
class DocumentHeader:
    """What an official document's header says: its name ("Nghị định 45/2025/NĐ-CP"), title
    ("Nghị định 45/2025/NĐ-CP: Quy định về ..."), issuer ("CHÍNH PHỦ") and date."""

    name: str
    title: str
    issuer: str | None
    date: str | None


_HEADER_LINES = 12  # an official document's type line stands within its first lines


def _document_header(paragraphs: list[str], kinds: list[Kind]) -> DocumentHeader | None:
    """The header of a decree, a report, a plan ...: its lines are left out of the body and
    become the title, source and date (a decree's first line, the issuer, is no headline)."""
    at = next((i for i, p in enumerate(paragraphs[:_HEADER_LINES]) if document_type(p)), None)
    if at is None:
        return None
    doc_type = paragraphs[at].strip()
    subject = paragraphs[at + 1].strip() if at + 1 < len(paragraphs) else ""
    if not subject or kinds[at + 1] is not Kind.BODY or subject.endswith((".", ";", ":")) or len(subject.split()) > 40:
        subject = ""
    issuer = number = date = None
    for i in range(at):
        line = paragraphs[i].strip()
        if is_motto(line):
            kinds[i] = Kind.RELATED
        elif found := document_number(line):
            number, kinds[i] = found, Kind.SOURCE
        elif (dated := normalize_date(line)) and len(line.split()) <= 12:
            date, kinds[i] = dated, Kind.DATE
        elif issuer is None and line and line.upper() == line:
            issuer, kinds[i] = line, Kind.SOURCE
    kinds[at] = Kind.TITLE
    if subject:
        kinds[at + 1] = Kind.TITLE
    name = doc_type.capitalize() + (f" {number}" if number else "")
    return DocumentHeader(name, f"{name}: {subject}" if subject else name, issuer, date)


def _title_index(paragraphs: list[str], kinds: list[Kind]) -> int | None:
    """The first body paragraph when it reads as a headline and body text follows it."""
    body_at = [i for i, k in enumerate(kinds) if k is Kind.BODY]
    if len(body_at) < 2:
        return None
    if len(body_at) >= 3 and len(paragraphs[body_at[0]].split()) <= 2 and _headline_shaped(paragraphs[body_at[1]]):
        kinds[body_at[0]] = Kind.RELATED  # "Thời sự" over the headline: the site's section, no title
        body_at = body_at[1:]
    first = paragraphs[body_at[0]]
    if not _headline_shaped(first):
        return None
    if len(split_sentences(first)) > 1 and not first.endswith("?"):
        return None  # several sentences without a final period: prose, not a headline
    kinds[body_at[0]] = Kind.TITLE
    return body_at[0]


def _mark_captions(paragraphs: list[str], kinds: list[Kind]) -> None:
    """Photo captions in the body: "Ảnh: ..." credits, and short unpunctuated describing lines."""
    body_at = [i for i, k in enumerate(kinds) if k is Kind.BODY]
    # A paste that lost its periods (typed, or copied from a chat) has no unpunctuated captions to tell apart.
    ended = sum(paragraphs[i].rstrip("”’»)\"'")[-1:] in _TERMINAL for i in body_at)
    punctuated = 2 * ended >= len(body_at)
    for n, i in enumerate(body_at):
        previous = paragraphs[body_at[n - 1]] if n else None
        if is_caption(paragraphs[i], first=n == 0, previous=previous, after_lead=n == 1, punctuated=punctuated):
            kinds[i] = Kind.CAPTION


def _first_source(paragraphs: list[str], kinds: list[Kind]) -> str | None:
    for p, kind in zip(paragraphs, kinds):
        if kind is Kind.SOURCE:
            return source_of(p)
    return None


def _article_date(paragraphs: list[str], kinds: list[Kind], title_at: int | None) -> str | None:
    """The article's own date: the first date line after the title, else the nearest before it.

    The site's "today" line ("Thứ 2, 25/11/2024, 14:35[GMT+7]") usually sits above the title, the
    article's date and time right below it.
    """
    dates = [i for i, k in enumerate(kinds) if k is Kind.DATE and normalize_date(paragraphs[i])]
    if not dates:
        return None
    anchor = title_at if title_at is not None else min(
        (i for i, k in enumerate(kinds) if k is Kind.BODY), default=len(kinds)
    )
    after = [i for i in dates if i > anchor]
    before = [i for i in dates if i < anchor]
    if title_at is not None and after:
        chosen = after[0]
    else:
        chosen = before[-1] if before else after[0]
    return normalize_date(paragraphs[chosen])


def _titles_at_the_end(paragraphs: list[str], kinds: list[Kind], at: int) -> bool:
    """Whether paragraph ``at``, under a "Tin liên quan" header, is the list of other articles'
    titles (a bulleted list is flattened into short sentences): all its sentences are short and
    no prose follows it on the page."""
    short = all(len(s.split()) <= _MAX_TITLE_WORDS for s in split_sentences(paragraphs[at]))
    return short and not any(k is Kind.BODY and len(p.split()) > _MAX_TITLE_WORDS
                             for p, k in zip(paragraphs[at + 1:], kinds[at + 1:]))


def _headline_shaped(paragraph: str) -> bool:
    """2-40 words with no sentence end (a headline may ask: "?")."""
    return not paragraph.endswith((".", "…", ":", ";", ",")) and 2 <= len(paragraph.split()) <= 40


def _ends_sentence(paragraph: str) -> bool:
    return paragraph.rstrip("”’»)\"'")[-1:] in _TERMINAL


def looks_like_article(text: str) -> bool:
    """True for a pasted article, false for a chat request ("tóm tắt bài này", "ai là trưởng đoàn?").

    An article is prose: several sentences and a few dozen words, or two paragraphs of
    sentences. Requests are one or two short sentences, often a question.
    """
    paragraphs = [p for p in split_paragraphs(normalize_text(text)) if is_prose(p)]
    sentences = [s for p in paragraphs for s in split_sentences(p)]
    # Chinese and Japanese write no spaces: each ideograph or kana counts as a word.
    words = sum(len(p.split()) + len(_UNSPACED.findall(p)) for p in paragraphs)
    questions = sum(s.endswith("?") for s in sentences)
    if sentences and questions == len(sentences):
        return False  # however long, a text of questions only is a question, not an article
    if words >= 120:
        return True
    full = [p for p in paragraphs if _ends_sentence(p) and len(p.split()) >= 10]
    if len(full) >= 2 and words >= 30:
        return True  # two paragraphs of prose, however short each sentence
    return words >= 40 and len(sentences) - questions >= 2
