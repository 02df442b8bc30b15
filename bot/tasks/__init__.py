"""The three things tinbot does with an article: summarize, translate, answer.

Each task is a generator of ``TaskUpdate``: the output so far, which engine made it, and any
notice for the user (a model is loading, a model is missing, a doubtful number was marked).
The chat streams the updates; the API and the command line keep the last one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.article import Article, Sentence
from bot.intent import Intent
from bot.lexicon import english_word, vietnamese_shaped
from bot.sections import clause_missing, numbers_of, section_of, sentences_about
from bot.textstats import STOP_WORDS, strip_diacritics


@dataclass(frozen=True)
class Notice:
    """Something the reply must tell the user; ``key`` names a text in ``prompts/``."""

    key: str
    args: dict = field(default_factory=dict)


# The notices saying a task's model cannot run (``bot.engines.hub.missing_notice``): the chat shows
# their full text once per session, and the CLI exits 4 on an empty reply with one of them.
MODEL_NOTICES = frozenset({"model_missing", "model_folder_missing", "model_broken"})
# Tasks that still reply without their model (sentence extraction); translation cannot.
EXTRACTIVE_TASKS = ("summarize", "answer")


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


def topic_in_other_language(topic: str, language: str) -> bool:
    """Whether ``topic`` is common words of the other language than the article's ``language``:
    English dictionary words no Vietnamese syllable looks like ("oxygen", "the fuel") for a
    Vietnamese article, words with Vietnamese marks ("nhiên liệu") for an English one. Not a
    name (a capital) nor a number: those read the same in both, and are truly absent."""
    found = re.findall(r"[^\W\d_]+", topic)
    if not found or any(w[:1].isupper() for w in found):
        return False
    if language == "en":
        return any(strip_diacritics(w) != w for w in found)
    content = [w for w in found if w not in STOP_WORDS]
    return language == "vi" and bool(content) and all(english_word(w) and not vietnamese_shaped(w) for w in content)


def scoped(article: Article, intent: Intent) -> Article | TaskUpdate:
    """The part of ``article`` the request names ("dịch đoạn 2", "tóm tắt Điều 5", "khoản 2 Điều
    3 nói gì?", "tóm tắt phần nói về Cà Mau"), else the whole article; the reply saying so when the article lacks that part.
    A part named in an article that numbers no such parts ("Điều 8 Luật Giao thông" cited in a
    news story) is no request to cut: the whole article answers."""
    if intent.paragraph is not None:
        if not 1 <= intent.paragraph <= len(article.paragraphs):
            args = {"paragraph": intent.paragraph, "count": len(article.paragraphs)}
            return TaskUpdate("", "", done=True, notices=(Notice("paragraph_out_of_range", args),))
        return article.paragraph_only(intent.paragraph)
    if intent.topic:  # "tóm tắt phần nói về Cà Mau": the sentences that name it
        about = sentences_about(article, intent.topic)
        if not about and topic_in_other_language(intent.topic, article.language):
            # "summarize the part about oxygen" on a Vietnamese article that says "oxy": the word
            # cannot be matched untranslated, which is no sign that the article does not say it
            args = {"topic": intent.topic, "language": article.language}
            return TaskUpdate("", "", done=True, notices=(Notice("topic_other_language", args),))
        if not about:
            return TaskUpdate("", "", done=True, notices=(Notice("topic_not_in_article", {"topic": intent.topic}),))
        return article.excerpt(about)
    ref = intent.section
    if ref is not None:
        part = section_of(article, ref)
        if part is not None:
            return part
        if clause_missing(article, ref):  # "khoản 9 Điều 4": Điều 4 is there, its clause 9 is not
            args = {"section": ref.label, "clause": ref.clause}
            return TaskUpdate("", "", done=True, notices=(Notice("clause_missing", args),))
        numbers = numbers_of(article, ref)
        if numbers:
            args = {"section": ref.label, "first": min(numbers), "last": max(numbers)}
            return TaskUpdate("", "", done=True, notices=(Notice("section_missing", args),))
    return article
