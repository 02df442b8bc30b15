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
from bot.prompts import reply
from bot.reply import render_update
from bot.route import asked
from bot.settings import Settings
from bot.sources import looks_like_html, pasted_html_to_text
from bot.tasks import TaskUpdate
from bot.tasks.answer import answer_question
from bot.tasks.summarize import summarize_article
from bot.tasks.translate import translate_article

log = logging.getLogger("tinbot")
# Fewer words than this sent to /summarize is no article (a headline is about 10-15 words).
MIN_SUMMARY_WORDS = 12

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
        """Parse an article, cut at the article limits; returns the cut point (characters) if any.

        Over ``max_article_chars`` the text is cut at a paragraph boundary before parsing; over
        ``max_article_sentences`` only the first sentences are kept, and the cut point is the
        length of the kept text (the article is longer than that, and only its beginning is used).
        """
        article, cut_at, _ = self.read(text)
        return article, cut_at

    def read(self, text: str) -> tuple[Article, int | None, str]:
        """``parse``, and the text it read: a pasted page's text rather than its HTML, only as
        far as the character limit kept it (what the Article box shows)."""
        if looks_like_html(text):  # a page's source pasted as it is: its text is the article
            text = pasted_html_to_text(text)
        limits = self.settings.limits
        cut_at = None
        if limits.max_article_chars is not None and len(text) > limits.max_article_chars:
            limit = limits.max_article_chars
            cut = text.rfind("\n", 0, limit)
            text, cut_at = text[: cut if cut > limit // 2 else limit], limit
        article = Article.from_text(text)
        most = limits.max_article_sentences
        if most is not None and len(article.sentences) > most:
            article = _first_sentences(article, most)
            cut_at = min(cut_at or len(text), len(article.text))
        return article, cut_at, text

    def run(self, article: Article, intent: Intent) -> Iterator[TaskUpdate]:
        """The updates of the task that ``intent`` asks for."""
        return TASKS[intent.kind](article, intent, self.hub)

    def reply_stream(self, article: Article, intent: Intent) -> Iterator[str]:
        """The growing Markdown reply for ``intent`` on ``article``."""
        for text, _ in self.reply_updates(article, intent):
            yield text

    def reply_updates(self, article: Article, intent: Intent,
                      seen: frozenset[str] = frozenset()) -> Iterator[tuple[str, TaskUpdate]]:
        """(Markdown reply so far, the update it shows): the chat keeps the final update for downloads.

        ``seen``: notices the chat session already showed in full (``bot.reply.ONCE_PER_SESSION``).
        """
        quote = intent.kind is IntentKind.ASK
        # An answer asked for in a language ("trả lời bằng tiếng Anh") comes framed in it too.
        language = intent.answer_language if quote else intent.language
        for update in self.run(article, intent):
            yield render_update(update, language, quote_evidence=quote, seen=seen), update

    # Stateless entry points for the API and the command line: text in, final reply out.
    # Each says why when there is nothing to work on, and says so when the article was cut.
    def summarize(self, text: str, language: str | None = None) -> str:
        article, cut_at = self.parse(text or "")
        language = language or _reply_language(article)
        intent = Intent(IntentKind.SUMMARIZE, language=language)
        return self._stateless(article, intent, cut_at)

    def translate(self, text: str, target: str | None = None) -> str:
        article, cut_at = self.parse(text or "")
        intent = Intent(IntentKind.TRANSLATE, language=_reply_language(article), target_language=target)
        return self._stateless(article, intent, cut_at)

    def ask(self, text: str, question: str) -> str:
        question = question or ""
        detected = detect_language(question)
        language = detected if detected in ("vi", "en") else "vi" if detected == "unknown" else "en"
        limit = self.settings.limits.max_message_chars
        if limit is not None and len(question) > limit:
            return reply("message_too_long", language, limit=limit)
        if not question.strip():
            return reply("empty_message", language)
        article, cut_at = self.parse(text or "")
        question, target = asked(question)  # "…? Trả lời bằng tiếng Anh", as in the chat
        intent = Intent(IntentKind.ASK, language=language, question=question, target_language=target)
        return self._stateless(article, intent, cut_at)

    def _stateless(self, article: Article, intent: Intent, cut_at: int | None) -> str:
        if article.is_empty():
            return reply("article_empty", intent.language)
        if intent.kind is IntentKind.SUMMARIZE and article.word_count < MIN_SUMMARY_WORDS:
            # "xin chào" or a few stray letters: summarizing would hand them back as "the summary".
            return reply("article_too_short", intent.language, words=article.word_count)
        text = _last(self.reply_stream(article, intent))
        if cut_at:
            text += "\n\n" + reply("article_truncated", intent.language, limit=cut_at)
        return text


def _reply_language(article: Article) -> str:
    return "en" if article.language == "en" else "vi"


def _first_sentences(article: Article, count: int) -> Article:
    """``article`` with only its first ``count`` sentences (and the paragraphs that hold them)."""
    paragraphs: list[list[str]] = []
    for sentence in article.sentences[:count]:
        if sentence.paragraph >= len(paragraphs):
            paragraphs.extend([] for _ in range(sentence.paragraph - len(paragraphs) + 1))
        paragraphs[sentence.paragraph].append(sentence.text)
    return Article.from_paragraphs([p for p in paragraphs if p], title=article.title, date=article.date,
                                   source=article.source, language=article.language, removed=article.removed,
                                   legacy_encoding=article.legacy_encoding)


def _last(replies: Iterator[str]) -> str:
    text = ""
    for text in replies:
        pass
    return text
