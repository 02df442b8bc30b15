"""The chat turn: one user message + this session's state → a streamed Markdown reply.

Sessions hold only their own state (the article, the last summary request); models are shared
through ``Tinbot``. Every failure ends as a short reply in the user's language, never as a
traceback in the chat: the details go to the log under a reference the user can quote.
"""
from __future__ import annotations

import dataclasses
import logging
import time
import uuid
from dataclasses import dataclass
from typing import Iterator

from bot.article import Article
from bot.intent import Intent, IntentKind, Length
from bot.prompts import reply
from bot.reply import acknowledge
from bot.route import route
from bot.service import TASKS, Tinbot

log = logging.getLogger("tinbot.chat")


@dataclass
class ChatSession:
    """What one browser session (or one API client) remembers between turns."""

    article: Article | None = None
    article_text: str = ""              # the text the article was parsed from (the Article box shows it)
    last_summary: Intent | None = None  # so "ngắn hơn nữa" knows what to shorten


def respond(message: str, session: ChatSession, bot: Tinbot, article_box: str = "") -> Iterator[tuple[str, ChatSession]]:
    """Yield (reply so far, session) pairs; the last pair is final."""
    started = time.monotonic()
    message = message or ""
    language = "vi"
    try:
        limit = bot.settings.limits.max_message_chars
        if limit is not None and len(message) > limit:
            yield reply("message_too_long", _guess_language(message), limit=limit), session
            return
        preface: list[str] = []
        if article_box.strip() and article_box.strip() != session.article_text.strip():
            # The user pasted or edited the Article box: that article is now the one to use.
            session, ack = _load_article(bot, session, article_box, _guess_language(message))
            preface.append(ack)
        if not message.strip():
            yield ("\n\n".join(preface) if preface else reply("empty_message", "vi")), session
            return
        intent = route(message, has_article=session.article is not None)
        language = intent.language
        if intent.article_text:
            session, ack = _load_article(bot, session, intent.article_text, language)
            preface.append(ack)
        for text, session in _answer(intent, session, bot, preface, started):
            yield text, session
    except Exception:  # the chat must survive anything; the log keeps the details
        ref = uuid.uuid4().hex[:8]
        log.exception("turn failed (ref %s, message %r)", ref, message[: bot.settings.log_excerpt_chars])
        yield reply("internal_error", language, ref=ref), session


def _answer(intent: Intent, session: ChatSession, bot: Tinbot, preface: list[str], started: float):
    lead = "\n\n".join(preface)
    join = (lambda text: f"{lead}\n\n---\n\n{text}") if lead else (lambda text: text)
    language = intent.language
    if intent.kind is IntentKind.ARTICLE or (intent.kind not in TASKS and lead):
        yield lead, session
        return
    if intent.kind is IntentKind.HELP:
        yield join(reply("help", language)), session
        return
    if intent.kind is IntentKind.GREETING:
        yield join(reply("greeting", language)), session
        return
    if session.article is None:
        yield reply("need_article", language), session
        return
    if session.article.is_empty():
        yield join(reply("article_empty", language)), session
        return
    if intent.kind is IntentKind.SUMMARIZE:
        intent = refine_summary(intent, session.last_summary)
        session = dataclasses.replace(session, last_summary=intent)
    timeout = bot.settings.limits.generation_timeout_s
    text = ""
    for text in bot.reply_stream(session.article, intent):
        yield join(text), session
        if timeout is not None and time.monotonic() - started > timeout:
            yield join(text + "\n\n" + reply("timeout", language, seconds=int(timeout))), session
            return


def refine_summary(intent: Intent, previous: Intent | None) -> Intent:
    """Resolve "shorter"/"longer" against the previous summary request."""
    if intent.refine is None:
        return intent
    base = previous or Intent(IntentKind.SUMMARIZE, language=intent.language)
    order = [Length.SHORT, Length.NORMAL, Length.DETAILED]
    step = -1 if intent.refine == "shorter" else 1
    sentences = base.sentences
    if sentences is not None:
        sentences = max(1, sentences + step)
    length = order[max(0, min(2, order.index(base.length) + step))]
    if intent.refine == "shorter" and base.length is Length.SHORT and sentences is None:
        sentences = 1
    return dataclasses.replace(
        base, language=intent.language, refine=None, length=length, sentences=sentences,
        target_language=intent.target_language or base.target_language,
    )


def _load_article(bot: Tinbot, session: ChatSession, text: str, language: str) -> tuple[ChatSession, str]:
    article, truncated_at = bot.parse(text)
    if article.is_empty():
        return session, reply("article_empty", language)
    replaced = session.article is not None
    session = ChatSession(article=article, article_text=text)
    return session, acknowledge(article, language, replaced=replaced, truncated_at=truncated_at)


def _guess_language(message: str) -> str:
    from bot.language import detect_language

    return "en" if detect_language(message[:500]) == "en" else "vi"
