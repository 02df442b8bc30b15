"""The parsed article: an immutable tree of paragraphs and sentences.

Built once per pasted article (``Article.from_text``) and shared by every task: the summarizer
ranks its sentences, the translator walks its paragraphs, the answerer quotes its sentences by
index. Modelled on sumy's ``ObjectDocumentModel`` (paragraph → sentence, cached tuples).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Sequence

from bot.textstats import strip_diacritics


MARK_SAMPLE = 20  # sentences looked at to tell whether an article is typed with diacritics


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article body.

    ``index`` is the sentence's position in the whole article, ``paragraph`` the index of the
    paragraph it belongs to; together they let a reply quote "đoạn 3, câu 2" exactly.
    """

    text: str
    index: int
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    index: int
    sentences: tuple[Sentence, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass(frozen=True)
class Article:
    """A cleaned article: body paragraphs plus the metadata found in the page clutter.

    ``removed`` keeps the clutter lines that were dropped (date lines, view counters, captions,
    source lines) so the acknowledgement can say what was left out.
    """

    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    date: str | None = None
    source: str | None = None
    # An official document's name from its header ("Thông tư 12/2026/TT-BTC"), so that "ban hành
    # ngày nào?" is answered from the header; None for a news story.
    document: str | None = None
    author: str | None = None  # who the byline credits ("Minh Anh"), for "ai viết bài này?"
    language: str = "vi"
    removed: tuple[str, ...] = field(default=())
    legacy_encoding: str | None = None  # "TCVN3" or "VNI" when the paste was converted to Unicode

    @classmethod
    def from_text(cls, raw: str) -> "Article":
        """Clean, segment and describe a pasted article (see ``bot.ingest``)."""
        from bot.ingest import parse_article  # ingest builds articles; import late to avoid a cycle

        return parse_article(raw)

    @classmethod
    def from_paragraphs(cls, paragraphs: list[list[str]], **meta) -> "Article":
        """Build an article from already segmented text: a list of paragraphs of sentences."""
        built, n = [], 0
        for p_index, sentences in enumerate(paragraphs):
            items = []
            for text in sentences:
                items.append(Sentence(text=text, index=n, paragraph=p_index))
                n += 1
            built.append(Paragraph(index=p_index, sentences=tuple(items)))
        return cls(paragraphs=tuple(built), **meta)

    @cached_property
    def sentences(self) -> tuple[Sentence, ...]:
        return tuple(s for p in self.paragraphs for s in p.sentences)

    @property
    def text(self) -> str:
        """The body, paragraphs separated by a blank line (title not included)."""
        return "\n\n".join(p.text for p in self.paragraphs)

    @property
    def word_count(self) -> int:
        return sum(len(s.text.split()) for s in self.sentences)

    def is_empty(self) -> bool:
        return not self.sentences

    def paragraph_only(self, number: int) -> "Article":
        """Paragraph ``number`` (1-based, as the user counts: "tóm tắt đoạn 3") as an article of
        its own; its sentences keep their places, so quotes still say "đoạn 3"."""
        return self.excerpt(self.paragraphs[number - 1].sentences)

    def excerpt(self, sentences: "Sequence[Sentence]") -> "Article":
        """Some of the article's sentences (a paragraph, "Điều 8") as an article of its own,
        grouped in their paragraphs, keeping their places; no title."""
        keep = {s.index for s in sentences}
        paragraphs = tuple(replace(p, sentences=tuple(s for s in p.sentences if s.index in keep)) for p in self.paragraphs)
        return replace(self, paragraphs=tuple(p for p in paragraphs if p.sentences), title=None, removed=())

    @cached_property
    def written_with_marks(self) -> bool:
        """Whether the article is typed with diacritics (else a question's marks cannot match it,
        nor can compression look for marked words). A text copied from a chat app may have none;
        one marked letter in the first ``MARK_SAMPLE`` sentences is enough."""
        return any(strip_diacritics(s.text) != s.text for s in self.sentences[:MARK_SAMPLE])
