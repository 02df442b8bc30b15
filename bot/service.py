"""tinbot as a library: one object that owns the models and runs a task on an article.

The chat (``bot.chat``), the API endpoints (``bot.ui``) and the command line all go through
``Tinbot``, so a summary is made the same way wherever it is asked for.
"""
from __future__ import annotations

import logging
from typing import Iterator

from bot.article import Article
from bot.engines.hub import ModelHub
from bot.intent import Intent, IntentKind
from bot.language import detect_language
from bot.reply import render_update
from bot.settings import Settings
from bot.tasks import TaskUpdate
from bot.tasks.answer import answer_question
from bot.tasks.summarize import summarize_article
from bot.tasks.translate import translate_article

log = logging.getLogger("tinbot")

# Intent → the task that serves it. The router only picks a key (STYLE.md #5).
TASKS = {
    IntentKind.SUMMARIZE: summarize_article,
    IntentKind.TRANSLATE: translate_article,
    IntentKind.ASK: answer_question,
}


class Tinbot:
    """Process-wide: settings plus the lazily loaded models, shared by every session."""

    def __init__(self, settings: Settings, hub: ModelHub | None = None):
        self.settings = settings
        self.hub = hub or ModelHub(settings)

    def parse(self, text: str) -> tuple[Article, int | None]:
        """Parse an article, cutting it at the article limit; returns the cut point if any."""
        limit = self.settings.limits.max_article_chars
        if limit is not None and len(text) > limit:
            cut = text.rfind("\n", 0, limit)
            text = text[: cut if cut > limit // 2 else limit]
            return Article.from_text(text), limit
        return Article.from_text(text), None

    def run(self, article: Article, intent: Intent) -> Iterator[TaskUpdate]:
        """The updates of the task that ``intent`` asks for."""
        return TASKS[intent.kind](article, intent, self.hub)

    def reply_stream(self, article: Article, intent: Intent) -> Iterator[str]:
        """The growing Markdown reply for ``intent`` on ``article``."""
        for text, _ in self.reply_updates(article, intent):
            yield text

    def reply_updates(self, article: Article, intent: Intent) -> Iterator[tuple[str, TaskUpdate]]:
        """(Markdown reply so far, the update it shows): the chat keeps the final update for downloads."""
        quote = intent.kind is IntentKind.ASK
        for update in self.run(article, intent):
            yield render_update(update, intent.language, quote_evidence=quote), update

    # Stateless entry points for the API and the command line: text in, final reply out.
    def summarize(self, text: str, language: str | None = None) -> str:
        article, _ = self.parse(text)
        intent = Intent(IntentKind.SUMMARIZE, language=language or _reply_language(article))
        return _last(self.reply_stream(article, intent))

    def translate(self, text: str, target: str | None = None) -> str:
        article, _ = self.parse(text)
        language = _reply_language(article)
        intent = Intent(IntentKind.TRANSLATE, language=language, target_language=target)
        return _last(self.reply_stream(article, intent))

    def ask(self, text: str, question: str) -> str:
        article, _ = self.parse(text)
        language = detect_language(question)
        intent = Intent(IntentKind.ASK, language=language if language in ("vi", "en") else "en", question=question)
        return _last(self.reply_stream(article, intent))


def _reply_language(article: Article) -> str:
    return "en" if article.language == "en" else "vi"


def _last(replies: Iterator[str]) -> str:
    text = ""
    for text in replies:
        pass
    return text
