"""Turn articles and task updates into the Markdown the user reads, in the user's language.

All wording comes from ``prompts/replies.toml``; this module only decides which texts to show
and in what order: body, evidence quotes, notices, then the engine that produced the answer.
"""
from __future__ import annotations

import logging
import re
import uuid

from bot.article import Article
from bot.prompts import keys, reply
from bot.tasks import EXTRACTIVE_TASKS, MODEL_NOTICES, Notice, TaskUpdate

# Markdown/HTML that could change how an article or model output is displayed. The chat also
# sanitizes HTML; escaping here keeps "<script>" visible as text instead of silently dropped.
_HTML_CHARS = {"<": "&lt;", ">": "&gt;"}


def escape_text(text: str) -> str:
    """Show ``text`` literally: no HTML tags, no raw links such as ``javascript:``, and no Markdown
    emphasis or code: an article's "*Tên nhân vật đã được thay đổi" or "giảm_nhẹ" keeps its marks."""
    text = re.sub(r"[<>]", lambda m: _HTML_CHARS[m.group()], text)
    text = re.sub(r"([\\*_`~])", r"\\\1", text)
    return re.sub(r"(?i)javascript:", "javascript&#58;", text)


def language_name(code: str, language: str) -> str:
    """"tiếng Pháp" for "fr"; a language without a name in prompts/replies.toml by its code."""
    if f"language_{code}" in keys("replies"):
        return reply(f"language_{code}", language)
    return reply("language_other", language, code=code)


def acknowledge(article: Article, language: str, *, replaced: bool = False, truncated_at: int | None = None) -> str:
    """The reply to a newly pasted article: what was found, what was left out, what next."""
    lines = []
    if replaced:
        lines.append(reply("article_replaced", language))
    if article.title:
        lines.append(reply("ack_header", language, title=escape_text(article.title)))
    else:
        lines.append(reply("ack_untitled", language))
    details = []
    if article.date:
        details.append(reply("meta_date", language, date=escape_text(article.date)))
    if article.source:
        details.append(reply("meta_source", language, source=escape_text(article.source)))
    details.append(reply("meta_language", language, language=language_name(article.language, language)))
    details.append(
        reply(
            "meta_size", language,
            words=article.word_count, paragraphs=len(article.paragraphs), sentences=len(article.sentences),
        )
    )
    lines.append(" · ".join(details))
    if article.language not in ("vi", "en", "unknown"):
        lines.append(reply("unsupported_language", language, language=language_name(article.language, language)))
    if article.legacy_encoding:
        lines.append(reply("ack_legacy_encoding", language, encoding=article.legacy_encoding))
    if article.removed:
        lines.append(reply("ack_removed", language, count=len(article.removed)))  # one line: "ack_removed_one"
    if truncated_at:
        lines.append(reply("article_truncated", language, limit=truncated_at))
    # Translation is between Vietnamese and English: offer the other one.
    target = language_name("vi" if article.language == "en" else "en", language)
    lines.append(reply("ack_next", language, target=target))
    return "\n\n".join(lines)


LABEL_WORDS = 10  # an untitled article is named by its first words


def article_label(article: Article) -> str:
    """How a reply names an article: its title, else its first words."""
    if article.title:
        return escape_text(article.title)
    words = article.text.split()
    return escape_text(" ".join(words[:LABEL_WORDS]) + ("…" if len(words) > LABEL_WORDS else ""))


def _size(limit: int | None, language: str) -> str:
    """A byte limit as a reader says it: "10 MB", "2,5 MB" (Vietnamese decimal comma), "800 KB"."""
    if limit is None:
        return "?"
    value, unit = (limit / 1_000_000, "MB") if limit >= 1_000_000 else (limit / 1_000, "KB")
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return f"{text.replace('.', ',') if language == 'vi' else text} {unit}"


def source_problem(reason: str, detail: str, language: str, limit: int | None) -> str:
    """Why no article came from a file or link (``bot.sources.SourceError``), for the user."""
    key = f"source_{reason}"
    if key == "source_too_large":
        return reply(key, language, limit=_size(limit, language))
    if key == "source_http_error":
        return reply(key, language, detail=escape_text(detail[:80]))
    try:
        return reply(key, language)
    except KeyError:  # a reason without its own text: the generic one still says what to do
        return reply("source_unreadable", language)


# Notices whose full text (how to download a model, which variable to set) is shown once per
# chat session; later replies say the same in one line (``<key>_again`` in prompts/replies.toml).
ONCE_PER_SESSION = MODEL_NOTICES
# What the one line still says, so that it stands on its own (a later reply may be read far from
# the first): the download command, or the setting to fix.
_AGAIN_FIELDS = {"model_missing": ("task", "model", "command"), "model_folder_missing": ("task", "model", "env"),
                 "model_broken": ("task", "model", "env")}


def notice_id(notice: Notice) -> str:
    """What makes two notices "the same" for ``ONCE_PER_SESSION``: the kind and the task."""
    return f"{notice.key}:{notice.args.get('task', '')}"


def render_notice(notice: Notice, language: str, *, seen: frozenset[str] = frozenset()) -> str:
    args = dict(notice.args)
    key = _notice_key(notice)
    if "task" in args:
        args["task"] = reply(f"task_{args['task']}", language)
    if "language" in args:
        args["language"] = language_name(args["language"], language)
    if notice.key in ONCE_PER_SESSION and notice_id(notice) in seen:
        key, args = notice.key + "_again", {name: args[name] for name in _AGAIN_FIELDS[notice.key]}
    return reply(key, language, **args)


def _notice_key(notice: Notice) -> str:
    """The text for ``notice``: a missing model of a task that falls back to sentence extraction
    says the reply comes from it, not that the task cannot be done."""
    if notice.key == "model_missing" and notice.args.get("task") in EXTRACTIVE_TASKS:
        return "model_missing_extractive"
    return notice.key


def render_update(update: TaskUpdate, language: str, *, quote_evidence: bool = False,
                  seen: frozenset[str] = frozenset()) -> str:
    """One streamed state of a task's reply: notices first while loading, then the body.

    ``seen``: ``notice_id``s this session was already shown in full (see ``ONCE_PER_SESSION``).
    """
    parts = []
    # An extractive answer *is* its evidence: quote it once, with where it stands in the article
    # (a verdict on the question's figure is shown above its evidence).
    quoted_answer = quote_evidence and update.engine == "extractive" and bool(update.evidence) \
        and update.text == " ".join(s.text for s in update.evidence)
    if update.text and not quoted_answer:
        parts.append(escape_text(update.text))
    if quote_evidence and update.evidence and update.done:
        quotes = [
            reply("evidence_item", language, text=escape_text(s.text), paragraph=s.paragraph + 1)
            for s in update.evidence
        ]
        # A reply of tinbot's own that ends in a colon introduces the quotes itself.
        introduced = not update.engine and update.text.rstrip().endswith(":")
        header = [] if introduced else [reply("evidence_answer" if quoted_answer else "evidence_header", language)]
        parts.append("\n".join([*header, *quotes]))
    # A reply the extractive engine wrote says so in its footer: the one-line reminder that the
    # model is still missing is for replies that came back empty (a translation).
    answered = update.engine == "extractive" and bool(update.text or update.evidence)
    parts.extend(render_notice(n, language, seen=seen) for n in update.notices
                 if not (answered and n.key in ONCE_PER_SESSION and notice_id(n) in seen))
    if update.done and update.engine:
        engine = reply("engine_extractive", language) if update.engine == "extractive" else update.engine
        parts.append(reply("engine_footer", language, engine=engine))
    return "\n\n".join(parts)


def failure_reply(logger: logging.Logger, language: str, what: str, *args) -> str:
    """Log the exception being handled under a fresh reference; the short apology that quotes it.

    ``what`` is a %-format for the log line ("turn failed (message %r)"); the reference is added.
    The chat and the API endpoints answer every unexpected error this way: no traceback reaches
    the user, and the reference finds the traceback in the log.
    """
    ref = uuid.uuid4().hex[:8]
    logger.exception(what + " [ref %s]", *args, ref)
    return reply("internal_error", language, ref=ref)
