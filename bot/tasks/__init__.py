"""The three things tinbot does with an article: summarize, translate, answer.

Each task is a generator of ``TaskUpdate``: the output so far, which engine made it, and any
notice for the user (a model is loading, a model is missing, a doubtful number was marked).
The chat streams the updates; the API and the command line keep the last one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bot.article import Article, Sentence


@dataclass(frozen=True)
class Notice:
    """Something the reply must tell the user; ``key`` names a text in ``prompts/``."""

    key: str
    args: dict = field(default_factory=dict)


@dataclass(frozen=True)
class TaskUpdate:
    text: str                                  # output so far (Markdown body); grows between updates
    engine: str                                # engine.name, or "extractive"
    done: bool = False
    evidence: tuple[Sentence, ...] = ()        # sentences the output rests on (answers, summaries)
    notices: tuple[Notice, ...] = ()
    # Translation only: the translated paragraphs (i translates the input's paragraph i) and title,
    # so a bilingual view pairs them without re-splitting ``text``.
    paragraphs: tuple[str, ...] = ()
    title: str | None = None


def paragraph_missing(article: Article, number: int | None) -> TaskUpdate | None:
    """The reply to "dịch đoạn 9" / "tóm tắt đoạn 9" when the article has fewer paragraphs; None
    when ``number`` names one of its paragraphs (or no paragraph was asked for)."""
    if number is None or 1 <= number <= len(article.paragraphs):
        return None
    args = {"paragraph": number, "count": len(article.paragraphs)}
    return TaskUpdate("", "", done=True, notices=(Notice("paragraph_out_of_range", args),))
