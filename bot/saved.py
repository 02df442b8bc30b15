"""What the page keeps in the browser between reloads: the chat shown, the open article, the Options
and the latest summary or translation (so its downloads work after a reload).

A reload (or a phone that drops the tab) would otherwise lose the conversation. The copy lives
in the browser's local storage (``gr.BrowserState``, encrypted with a key the server makes at
each start, so it is gone after a restart) and is kept small: the last ``MAX_MESSAGES``
messages, each cut at ``MAX_MESSAGE_CHARS``, and the latest result only up to ``MAX_RESULT_CHARS``
(a longer one is not kept rather than kept cut: a download must hold all of it), since a browser
holds a few megabytes per site.
What the conversation was about ("ngắn hơn", "còn gì nữa?") is not kept: after a reload the
next request starts from the article.
"""
from __future__ import annotations

import dataclasses

from bot.chat import MODEL_CHOICE_TASKS, ChatSession, load_article, noting_box, with_options
from bot.export import TaskResult
from bot.service import Tinbot

MAX_MESSAGES = 40
MAX_MESSAGE_CHARS = 4_000
# The latest result's text, with a translation's paragraphs and their sources: a long article's translation fits.
MAX_RESULT_CHARS = 120_000
_RESULT_TEXTS = ("kind", "text", "language", "title", "source_language", "target_language", "translated_title")
_RESULT_LISTS = ("source_paragraphs", "paragraphs")


def saved_conversation(history: list | None, session: ChatSession, summary_length: str | None = None,
                       reply_language: str | None = None, model_tasks: list[str] | None = None) -> dict:
    """The JSON-ready copy of the chat shown, the open article and the page's Options (as set
    now, which "Clear" leaves alone) that the browser keeps."""
    session = with_options(session, summary_length, reply_language, model_tasks)
    messages = [{"role": m["role"], "content": _cut(m["content"])} for m in (history or [])[-MAX_MESSAGES:]
                if isinstance(m, dict) and m.get("role") in ("user", "assistant") and _text(m.get("content"))]
    options = {"summary_length": session.summary_length.value, "reply_language": session.reply_language,
               "model_tasks": [task for task in MODEL_CHOICE_TASKS if task not in session.extractive_tasks]}
    return {"history": messages, "article": session.article_text if session.article is not None else "", "options": options,
            "result": _result_copy(session.last_result)}


def restored_conversation(saved: object, bot: Tinbot) -> tuple[list, str, ChatSession, str, str, list[str]]:
    """(chat, Article box, session, summary length, reply language, model tasks) from what the
    browser kept; an empty page with the default options for anything else (nothing kept, or a
    copy the server cannot read)."""
    saved = saved if isinstance(saved, dict) else {}
    history = [m for m in saved.get("history") or [] if isinstance(m, dict) and isinstance(m.get("content"), str)
               and m.get("role") in ("user", "assistant")]
    options = saved.get("options") if isinstance(saved.get("options"), dict) else {}
    tasks = options.get("model_tasks")
    # with_options falls back to the defaults for anything it does not know
    session = with_options(ChatSession(), options.get("summary_length"), options.get("reply_language"),
                           [t for t in tasks if isinstance(t, str)] if isinstance(tasks, list) else None)
    text = saved.get("article")
    if isinstance(text, str) and text.strip():
        session, _ = load_article(bot, session, text, "vi")
    # The Article box shows the article again: emptying it closes the article, as before the reload.
    session = dataclasses.replace(noting_box(session, session.article_text), last_result=_result_from(saved.get("result")))
    chosen = [task for task in MODEL_CHOICE_TASKS if task not in session.extractive_tasks]
    return history, session.article_text, session, session.summary_length.value, session.reply_language, chosen


def _result_copy(result: TaskResult | None) -> dict | None:
    """The JSON-ready copy of the latest summary or translation; None when there is none or it
    is over ``MAX_RESULT_CHARS``."""
    if result is None:
        return None
    copy = dataclasses.asdict(result)
    size = sum(len(copy[name] or "") for name in _RESULT_TEXTS) + sum(map(len, (*result.source_paragraphs, *result.paragraphs)))
    return {name: list(value) if name in _RESULT_LISTS else value for name, value in copy.items()} if size <= MAX_RESULT_CHARS else None


def _result_from(value: object) -> TaskResult | None:
    """The result ``_result_copy`` kept; None for anything else (nothing kept, or a copy the server cannot read)."""
    if not isinstance(value, dict) or value.get("kind") not in ("summarize", "translate") or not isinstance(value.get("text"), str):
        return None
    fields = {name: value.get(name) for name in _RESULT_TEXTS if isinstance(value.get(name), str)}
    lists = {name: tuple(value[name]) for name in _RESULT_LISTS
             if isinstance(value.get(name), list) and all(isinstance(p, str) for p in value[name])}
    return TaskResult(**fields, **lists)


def _text(content: object) -> str:
    """A message's text: Gradio 6 gives content as a string or a list of blocks."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(b.get("text", "") for b in content if isinstance(b, dict) and b.get("type") == "text")
    return ""


def _cut(content: object) -> str:
    text = _text(content)
    return text if len(text) <= MAX_MESSAGE_CHARS else text[:MAX_MESSAGE_CHARS] + " …"
