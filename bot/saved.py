"""What the page keeps in the browser between reloads: the chat shown and the open article.

A reload (or a phone that drops the tab) would otherwise lose the conversation. The copy lives
in the browser's local storage (``gr.BrowserState``, encrypted with a key the server makes at
each start, so it is gone after a restart) and is kept small: the last ``MAX_MESSAGES``
messages, each cut at ``MAX_MESSAGE_CHARS``, since a browser holds a few megabytes per site.
What the conversation was about ("ngắn hơn", "còn gì nữa?") is not kept: after a reload the
next request starts from the article.
"""
from __future__ import annotations

from bot.chat import ChatSession, load_article
from bot.service import Tinbot

MAX_MESSAGES = 40
MAX_MESSAGE_CHARS = 4_000


def saved_conversation(history: list | None, session: ChatSession) -> dict:
    """The JSON-ready copy of the chat shown and the open article that the browser keeps."""
    messages = [{"role": m["role"], "content": _cut(m["content"])} for m in (history or [])[-MAX_MESSAGES:]
                if isinstance(m, dict) and m.get("role") in ("user", "assistant") and _text(m.get("content"))]
    return {"history": messages, "article": session.article_text if session.article is not None else ""}


def restored_conversation(saved: object, bot: Tinbot) -> tuple[list, str, ChatSession]:
    """(chat, Article box, session) from what the browser kept; an empty page for anything else
    (nothing kept, or a copy the server cannot read)."""
    if not isinstance(saved, dict):
        return [], "", ChatSession()
    history = [m for m in saved.get("history") or [] if isinstance(m, dict) and isinstance(m.get("content"), str)
               and m.get("role") in ("user", "assistant")]
    session = ChatSession()
    text = saved.get("article")
    if isinstance(text, str) and text.strip():
        session, _ = load_article(bot, session, text, "vi")
    return history, session.article_text, session


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
