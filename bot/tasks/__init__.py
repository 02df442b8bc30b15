"""The three things tinbot does with an article: summarize, translate, answer.

Each task is a generator of ``TaskUpdate``: the output so far, which engine made it, and any
notice for the user (a model is loading, a model is missing, a doubtful number was marked).
The chat streams the updates; the API and the command line keep the last one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from bot.article import Sentence


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
