"""Builders shared by the tests: small articles made in code, and the fixture articles on disk."""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bot.article import Article

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"


def fixture_article(name: str) -> str:
    """The raw text of ``tests/fixtures/articles/<name>.txt``, byte for byte (CRLF and NFD kept)."""
    path = ARTICLES / (name if name.endswith(".txt") else f"{name}.txt")
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def fixture_names() -> list[str]:
    return sorted(p.stem for p in ARTICLES.glob("*.txt"))


def build_article(*paragraphs: str | Sequence[str], **meta) -> Article:
    """An article from paragraphs given as sentence tuples (or one string per one-sentence paragraph).

    >>> build_article(("Câu một.", "Câu hai."), "Câu ba.", title="Tiêu đề").sentences[2].paragraph
    1
    """
    segmented = [[p] if isinstance(p, str) else list(p) for p in paragraphs]
    return Article.from_paragraphs(segmented, **meta)
