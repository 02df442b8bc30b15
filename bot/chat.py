"""The chat turn: one user message + this session's state → a streamed Markdown reply.

Sessions hold only their own state (the article, the last summary request and result, the
options set in the page); models are shared through ``Tinbot``. Every failure ends as a short
reply in the user's language, never as a traceback in the chat: the details go to the log under
a reference the user can quote.
"""
from __future__ import annotations

import dataclasses
import logging
import re
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Generator, Iterator

from bot.article import Article
from bot.export import FORMATS, TaskResult, task_result
from bot.followup import answering_person, follow_up, people_by_mentions, people_named, points_at_someone
from bot.ingest import looks_like_article
from bot.intent import Intent, IntentKind, Length
from bot.language import detect_language
from bot.prompts import LANGUAGES, reply
from bot.reply import ONCE_PER_SESSION, acknowledge, article_label, failure_reply, language_name, notice_id, source_problem
from bot.route import asks_for_help, bare_name, bare_question, named_topic, route
from bot.segment import normalize_text, split_sentences
from bot.service import TASKS, Tinbot
from bot.tasks import EXTRACTIVE_TASKS
from bot.textstats import strip_diacritics
from bot.sources import SourceError, text_from_file, text_from_url

# Words that ask for a summary by name: "tóm tắt chi tiết hơn" is a longer summary even after an answer.
_SUMMARY_WORD = re.compile(r"\b(?:tom\s*tat|summar\w*|tl\s*;?\s*dr)\b")
# Turns about the conversation itself rather than the open article.
CONVERSATION_KINDS = (IntentKind.RESET, IntentKind.PREVIOUS, IntentKind.COMPARE)
# English courtesies this short ("ok thanks", "bye", "hi") in a Vietnamese conversation are
# answered in Vietnamese: Vietnamese readers borrow them.
COURTESY_KINDS = (IntentKind.GREETING, IntentKind.THANKS, IntentKind.GOODBYE, IntentKind.COMMENT, IntentKind.ENOUGH,
                  IntentKind.REACTION)
COURTESY_WORDS = 3
# Notices shown while a model loads; the generation time limit starts after them.
LOADING_NOTICES = {"model_loading", "model_progress"}
# An answer's notices that say the article (as kept) does not hold the answer.
NOT_FOUND_NOTICES = {"not_in_article", "not_mentioned", "not_mentioned_closest", "not_mentioned_answer",
                     "no_number_in_article", "no_time_in_article", "no_score_in_article", "age_not_given",
                     "age_not_given_anyone"}
# Tasks the Options let run without their model (sentence extraction); translation cannot.
MODEL_CHOICE_TASKS = EXTRACTIVE_TASKS
TASK_OF_INTENT = {IntentKind.SUMMARIZE: "summarize", IntentKind.ASK: "answer"}

# "tóm tắt https://..." : a link plus at most this many words of instruction is a request about
# the linked article; a longer message that merely contains a link is text.
LINK_INSTRUCTION_WORDS = 15
_LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)

log = logging.getLogger("tinbot.chat")


@dataclass
class ChatSession:
    """What one browser session (or one API client) remembers between turns."""

    article: Article | None = None
    article_text: str = ""              # the text the article was parsed from (the Article box shows it)
    last_summary: Intent | None = None  # so "ngắn hơn nữa" knows what to shorten
    last_summary_points: int = 0        # how many sentences it came back with, for "thêm 1 ý nữa"
    last_summary_shown: tuple[int, ...] = ()  # the sentences (indices) it showed, for "còn gì nữa?"
    last_question: str | None = None    # the question the last reply answered, for "còn gì nữa?"
    last_question_shown: tuple[int, ...] = ()  # the sentences (indices) quoted for it so far
    last_people: tuple[str, ...] = ()   # who the last answers named ("ông Trần Văn Hùng"), for "ông ấy ...?"
    last_person: str = ""               # whom the last answer was about (who answered "ai ...?"), for "người đó ...?"
    article_cut_at: int | None = None   # characters of the pasted text kept when it was over the length limit
    previous_article: Article | None = None  # the article the open one replaced, for "quay lại bài trước"
    previous_article_text: str = ""
    last_result: TaskResult | None = None   # the latest finished summary or translation (downloads, bilingual view)
    # Options the user set in the page; the message itself still wins ("tóm tắt chi tiết").
    summary_length: Length = Length.NORMAL  # the length of a summary when the message names none
    reply_language: str = "auto"            # "auto" (the language the user wrote in), "vi" or "en"
    page_reply_language: str = "auto"       # what the page's option last said ("please reply in English" may differ)
    last_language: str = ""                 # the language of the user's last message that showed one
    extractive_tasks: frozenset[str] = frozenset()  # tasks the user runs without their model
    shown_notices: frozenset[str] = frozenset()     # long notices already shown once (bot.reply.notice_id)
    ignored_box: str = ""                   # Article box text refused as no article ("abc"): not refused again each turn
    box_shows_article: bool = False         # the page's Article box shows the open article (noting_box): emptied, it closes it


def with_options(session: ChatSession, summary_length: str | None, reply_language: str | None,
                 model_tasks: list[str] | None = None) -> ChatSession:
    """``session`` with the page's options; unknown values fall back to the defaults.

    ``model_tasks``: the tasks (of ``MODEL_CHOICE_TASKS``) the user wants run by their model;
    the others use sentence extraction. None keeps every model on.
    """
    length = Length(summary_length) if summary_length in {m.value for m in Length} else Length.NORMAL
    language = reply_language if reply_language in LANGUAGES else "auto"
    chosen = set(MODEL_CHOICE_TASKS) if model_tasks is None else set(model_tasks)
    off = frozenset(task for task in MODEL_CHOICE_TASKS if task not in chosen)
    # The page sends its option with every turn: only a change of it overrides the reply language
    # asked for in the chat ("please reply in English"), which the option does not show.
    current = language if language != session.page_reply_language else session.reply_language
    return dataclasses.replace(session, summary_length=length, reply_language=current, page_reply_language=language,
                               extractive_tasks=off)


def apply_options(intent: Intent, session: ChatSession) -> Intent:
    """The session's options applied to a routed turn: reply language, default summary length.

    A question keeps its own language: the answerer reads ``intent.language`` as the language the
    question is written in (to translate it); the reply language becomes the answer's
    ``target_language``, and a summary's (translated when it is not the article's).
    """
    if session.reply_language in LANGUAGES and intent.kind is not IntentKind.ASK:
        intent = dataclasses.replace(intent, language=session.reply_language)
    elif session.reply_language in LANGUAGES and intent.target_language is None:
        intent = dataclasses.replace(intent, target_language=session.reply_language)  # answered in it
    if session.reply_language in LANGUAGES and intent.kind is IntentKind.SUMMARIZE and intent.target_language is None:
        intent = dataclasses.replace(intent, target_language=session.reply_language)  # summarized in it
    if TASK_OF_INTENT.get(intent.kind) in session.extractive_tasks:
        intent = dataclasses.replace(intent, extractive=True)
    said_length = intent.refine or intent.sentences is not None or intent.length is not Length.NORMAL or intent.words
    if intent.kind is IntentKind.SUMMARIZE and not said_length:
        intent = dataclasses.replace(intent, length=session.summary_length)
    return intent


def respond(message: str, session: ChatSession, bot: Tinbot, article_box: str = "",
            client: str = "") -> Iterator[tuple[str, ChatSession]]:
    """Yield (reply so far, session) pairs; the last pair is final.

    ``client`` names the caller in the log (the page passes Gradio's session hash).
    """
    started = time.monotonic()
    message = message or ""
    language = _language(session, None)
    try:
        limit = bot.settings.limits.max_message_chars
        if limit is not None and len(message) > limit:
            yield reply("message_too_long", _language(session, message), limit=limit), session
            return
        preface: list[str] = []
        box = article_box.strip()
        if box and box != session.article_text.strip() and box != session.ignored_box:
            # The user pasted or edited the Article box: that article is now the one to use; a
            # link there is the page it links to, and a word or two is no article at all.
            box_language = _language(session, message)
            box_link, rest = split_link(box)
            if box_link and not rest:
                opened = yield from _open_link(box_link, session, bot, box_language)
                if opened is None:
                    return
                session, ack = opened
            elif _too_short(box, bot.settings.limits.min_article_words):
                session = dataclasses.replace(session, ignored_box=box)
                ack = reply("article_box_too_short", box_language, words=bot.settings.limits.min_article_words)
            else:
                session, ack = load_article(bot, session, article_box, box_language)
            preface.append(ack)
        elif not box and session.box_shows_article and session.article is not None:
            # The user emptied the Article box that showed the open article: that closes it. An
            # article pasted in the chat of an API client, whose box is always empty, stays open.
            session = closed_article(session)
            preface.append(reply("article_closed", _language(session, message)))
        if not normalize_text(message):  # whitespace, zero-width and control characters only
            yield ("\n\n".join(preface) if preface else reply("empty_message", _language(session, None))), session
            return
        link, instruction = split_link(message)
        if link:
            language = _language(session, instruction or None)
            opened = yield from _open_link(link, session, bot, language)
            if opened is None:
                return
            session, ack = opened
            preface.append(ack)
            message = instruction
            if not message:
                yield "\n\n".join(preface), session
                return
        intent = apply_options(route(message, has_article=session.article is not None,
                                     usual_language=session.last_language or None), session)
        not_understood = intent.kind is IntentKind.HELP and session.article is not None and not asks_for_help(message)
        question = bare_question(message, session.article) if not_understood else None
        if question:  # "be bi sao", "obama chuyen di dau": a question without its question mark
            intent, not_understood = Intent(IntentKind.ASK, language=intent.language, question=question), False
        topic = (named_topic(message, session.article) or bare_name(message)) if not_understood else None
        if topic:  # "Hội An" on a flood story: what the article says of it (or that it does not), not the help text
            intent = Intent(IntentKind.ASK, language="", question=topic, mention=True)
        if intent.refine == "longer" and session.last_question and not intent.sentences \
                and not _SUMMARY_WORD.search(strip_diacritics(message).lower()):
            intent = dataclasses.replace(intent, refine="more")  # "chi tiết hơn" after an answer: more on it
        if intent.kind is IntentKind.ARTICLE and session.last_language:
            intent = dataclasses.replace(intent, language="")  # a bare paste is no message in a language
        if intent.kind in COURTESY_KINDS and intent.language == "en" and session.last_language == "vi" \
                and len(message.split()) <= COURTESY_WORDS:
            # "ok thanks", "bye" in a Vietnamese conversation: borrowed words, not a switch of language
            intent = dataclasses.replace(intent, language="")
        if not intent.language:  # "ok", "haha", a bare name or paste: the conversation's language, else the article's
            intent = dataclasses.replace(intent, language=_conversation_language(session))
        elif intent.kind is not IntentKind.ARTICLE:  # a paste is in the article's language, not the user's
            session = dataclasses.replace(session, last_language=intent.language)
        language = intent.language
        if intent.kind is IntentKind.LANGUAGE:  # "please reply in English": a setting, acknowledged in it
            session = dataclasses.replace(session, reply_language=intent.target_language or session.reply_language)
            yield "\n\n".join([*preface, _language_set(session, bot)]), session
            return
        if not_understood and not topic and not preface and not session.article.is_empty():
            # "tt", "😢" with an article open: what can be asked of it, in a line, not the whole help text
            yield reply("hint_with_article", language), session
            return
        if intent.kind in CONVERSATION_KINDS:
            for text, session in _conversation(intent, session, bot, preface):
                yield text, session
            return
        if intent.earlier:  # "bài trước có bao nhiêu người chết?": asked of the article before
            if session.previous_article is None:
                preface.append(reply("no_previous_article", language))
            else:
                kept, earlier = session, _switched(session)
                header = reply("from_previous_article", language, title=article_label(earlier.article))
                for text, session in _answer(dataclasses.replace(intent, earlier=False), earlier, bot, preface, started,
                                             header=header):
                    yield text, dataclasses.replace(kept, shown_notices=session.shown_notices)
                return
        if intent.article_text and _one_off(intent, session):
            # "Dịch sang tiếng Anh: Tôi yêu Hà Nội lắm" with an article open: translate the line,
            # and keep the article for the next question.
            article, _ = bot.parse(intent.article_text)
            kept = session
            for text, session in _answer(intent, dataclasses.replace(session, article=article), bot, preface, started):
                yield text, dataclasses.replace(session, article=kept.article, article_text=kept.article_text)
            return
        if intent.article_text:
            session, ack = load_article(bot, session, intent.article_text, language)
            preface.append(ack)
        for text, session in _answer(intent, session, bot, preface, started):
            yield text, session
    except GeneratorExit:
        # Closed before the reply was finished: the client went away (closed the page, dropped
        # the connection) or pressed Stop. Nobody is left to read a reply; closing the task's
        # generators stops the model at its next step, and the log says whose turn it was.
        log.info("turn stopped before its reply was finished (client %s, after %.1f s, message %r)",
                 client or "unknown", time.monotonic() - started, message[: bot.settings.log_excerpt_chars])
        raise
    except Exception:  # the chat must survive anything; the log keeps the details
        yield failure_reply(log, language, "turn failed (message %r)", message[: bot.settings.log_excerpt_chars]), session


def _conversation(intent: Intent, session: ChatSession, bot: Tinbot, preface: list[str]):
    """"xóa" / "quay lại bài trước" / "so sánh hai bài": the conversation itself, not one article."""
    language = intent.language or _conversation_language(session)
    lead = "".join(f"{p}\n\n---\n\n" for p in preface)
    if intent.kind is IntentKind.RESET:  # the page's options stay: they are the user's settings, not the talk
        fresh = ChatSession(summary_length=session.summary_length, reply_language=session.reply_language,
                            page_reply_language=session.page_reply_language, last_language=session.last_language,
                            extractive_tasks=session.extractive_tasks)
        yield lead + reply("conversation_reset", language), fresh
        return
    if session.article is None:  # "quay lại bài trước" after "xóa": no article at all
        yield lead + reply("need_article", language), session
        return
    if session.previous_article is None:
        yield lead + reply("no_previous_article", language), session
        return
    if intent.kind is IntentKind.PREVIOUS:
        switched = _switched(session)
        switched = dataclasses.replace(switched, previous_article=session.article, previous_article_text=session.article_text)
        yield lead + reply("previous_article_open", language, title=article_label(switched.article),
                           other=article_label(session.article)), switched
        return
    # COMPARE: each article's short summary under its name, the previous first
    done, seen = "", session.shown_notices
    for key, article in (("compare_previous", session.previous_article), ("compare_current", session.article)):
        head = reply(key, language, title=article_label(article))
        brief = Intent(IntentKind.SUMMARIZE, language=language, length=Length.SHORT,
                       extractive="summarize" in session.extractive_tasks)
        for text, update in bot.reply_updates(article, brief, seen=seen):
            yield f"{lead}{done}{head}\n\n{text}", session
        done += f"{head}\n\n{text}\n\n"
        seen |= {notice_id(n) for n in update.notices if n.key in ONCE_PER_SESSION}  # a missing model, explained once
    yield f"{lead}{done}{reply('compare_note', language)}", dataclasses.replace(session, shown_notices=seen)


def _switched(session: ChatSession) -> ChatSession:
    """``session`` with the previous article open and the talk about the other one forgotten."""
    return dataclasses.replace(session, article=session.previous_article, article_text=session.previous_article_text,
                               last_summary=None, last_summary_shown=(), last_result=None, last_question=None,
                               last_question_shown=(), last_people=(), last_person="", article_cut_at=None)


def _language_set(session: ChatSession, bot: Tinbot) -> str:
    """The reply to "please reply in English": the language set, and what stays untranslated when
    the translation model is missing."""
    chosen = session.reply_language
    said = reply("reply_language_set", chosen, language=language_name(chosen, chosen))
    article = session.article.language if session.article is not None else ""
    if article in LANGUAGES and article != chosen and bot.hub.state("translate") == "missing":
        said += "\n\n" + reply("reply_language_untranslated", chosen, article=language_name(article, chosen))
    return said


# Replies that refuse the question rather than answer it (it could not be read, or asks nothing):
# no header saying which article they come from.
REFUSAL_NOTICES = {"ask_in_article_language", "story_not_in_lead", "question_too_vague", "translate_unavailable"}


def _answer(intent: Intent, session: ChatSession, bot: Tinbot, preface: list[str], started: float, header: str = ""):
    """The reply to a task's turn. ``header`` goes above the reply unless the reply is a refusal
    ("📰 From the previous article" over "I can't read this question" would promise an answer)."""
    def join(text: str, refused: bool = False) -> str:
        lead = "\n\n".join([*preface, *([header] if header and not refused else [])])
        return f"{lead}\n\n---\n\n{text}" if lead else text

    lead = "\n\n".join([*preface, *([header] if header else [])])
    language = intent.language
    if intent.kind is IntentKind.ARTICLE or (intent.kind not in TASKS and lead):
        yield lead, session
        return
    if intent.kind is IntentKind.HELP:
        yield join(reply("help", language)), session
        return
    if intent.kind is IntentKind.DOWNLOAD:  # the page has buttons for it; a summary shown again is no file
        key = "download_buttons" if session.last_result is not None else "download_nothing_yet"
        yield join(reply(key, language, buttons=", ".join(f"**⬇️ .{fmt}**" for fmt in FORMATS))), session
        return
    if intent.kind in (IntentKind.GREETING, IntentKind.THANKS, IntentKind.GOODBYE, IntentKind.COMMENT, IntentKind.UNCLEAR,
                       IntentKind.ENOUGH, IntentKind.REACTION):
        # With an article open, "cảm ơn" / "chào" should not be told to paste one.
        has_article = session.article is not None and not session.article.is_empty()
        key = intent.kind.value + ("_with_article" if has_article else "")
        yield join(reply(key, language)), session
        return
    if session.article is None:
        yield join(reply("need_article", language)), session
        return
    if session.article.is_empty():
        yield join(reply("article_empty", language)), session
        return
    if intent.refine == "more" and session.last_question and session.last_question_shown:
        # "còn gì nữa?" after an answer: the next sentences for the same question, quoted. After
        # an answer that quoted nothing there is nothing to go on with: the article's next points.
        # The question keeps its own language ("more" in English after a Vietnamese question): the
        # reply is in the user's.
        asked_in = route(session.last_question, has_article=True).language or language
        intent = Intent(IntentKind.ASK, language=asked_in, question=session.last_question,
                        skip=session.last_question_shown, extractive=True,
                        target_language=language if asked_in != language else None)
    if intent.kind is IntentKind.ASK and re.search(r"\w", intent.question or "") \
            and (session.last_question or points_at_someone(intent.question or "")):
        # ("?" alone is no follow-up of the last question: it asks nothing, and is told what may be asked)
        # "hắn lấy trộm những gì?" before any answer named him: the story's most named people
        intent = dataclasses.replace(intent, question=follow_up(intent.question or "", session.last_question or "",
                                                                language, session.last_people, _story_people(session.article),
                                                                session.last_person))
    unchanged_note = None  # "ngắn hơn nữa" that gives the same summary again says why
    refine = intent.refine
    if intent.kind is IntentKind.SUMMARIZE:
        last = session.last_result
        if refine and last is not None and last.kind == "summarize":
            unchanged_note = (last.text, reply("summary_shortest" if refine == "shorter" else "summary_longest", language))
        intent = refine_summary(intent, session.last_summary, session.last_summary_points)
        session = dataclasses.replace(session, last_summary=intent)
        if refine == "more" and session.last_summary_shown:
            intent = dataclasses.replace(intent, skip=session.last_summary_shown)  # "còn gì nữa?": the new points only
    timeout = bot.settings.limits.generation_timeout_s
    loading = False
    for text, update, intent in _stepped_replies(bot, session, intent, refine, unchanged_note):
        if update.done and unchanged_note and update.text == unchanged_note[0]:
            text = f"{unchanged_note[1]}\n\n{text}"
        if update.done and session.article_cut_at and any(n.key in NOT_FOUND_NOTICES for n in update.notices):
            # the answer may be in what the length limit left out: say so, not only "not in the article"
            text += "\n\n" + reply("article_cut_unanswered", language, limit=session.article_cut_at)
        if update.done and intent.kind is IntentKind.SUMMARIZE:
            session = dataclasses.replace(session, last_summary=dataclasses.replace(intent, skip=()))
        if update.done:
            result = task_result(session.article, intent, update)
            shown = session.shown_notices | {notice_id(n) for n in update.notices if n.key in ONCE_PER_SESSION}
            session = dataclasses.replace(session, last_result=result or session.last_result, shown_notices=shown)
            if intent.kind is IntentKind.SUMMARIZE and update.text.strip():
                shown_points = tuple(sorted({*intent.skip, *(s.index for s in update.evidence)}))
                points = len(shown_points) or len(split_sentences(update.text))
                session = dataclasses.replace(session, last_summary_points=points, last_summary_shown=shown_points,
                                              last_question=None)
            elif intent.kind is IntentKind.ASK:
                quoted = [s.text for s in update.evidence]
                named = people_named(quoted + [intent.question or ""], _story_people(session.article))
                session = dataclasses.replace(session, last_question=intent.question,
                                              last_question_shown=tuple(sorted({*intent.skip, *(s.index for s in update.evidence)})),
                                              last_people=named or session.last_people,
                                              last_person=_person_of(intent.question or "", quoted, named, session))
        refused = update.done and not (update.text or update.evidence) and any(n.key in REFUSAL_NOTICES for n in update.notices)
        yield join(text, refused), session
        if any(n.key in LOADING_NOTICES for n in update.notices):
            loading = True  # a first download can take minutes: the limit is for generating
        elif loading:
            started, loading = time.monotonic(), False  # the model is there: the clock starts now
        elif timeout is not None and not update.done and time.monotonic() - started > timeout:
            yield join(text + "\n\n" + reply("timeout", language, seconds=round(timeout))), session
            return


def _person_of(question: str, quoted: list[str], named: tuple[str, ...], session: ChatSession) -> str:
    """Whom an answer was about, for a pronoun asked next: who answers a "who" question in the
    sentences quoted (``answering_person``); else the person the question itself names ("anh Lộc
    làm nghề gì?", as "anh ấy ..." was resolved); else, when the answer named nobody, the one
    before; else nobody (the pronoun then stands for one of the people the answer named)."""
    answering = answering_person(question, quoted, named)
    if answering:
        return answering
    given = {w for w in re.findall(r"\w+", question) if w[:1].isupper()}
    asked = next((p for p in (session.last_person, *named) if p and p.split()[-1] in given), "")
    return asked or ("" if named else session.last_person)


@lru_cache(maxsize=8)
def _story_people(article: Article) -> tuple[str, ...]:
    """The people ``article`` names, the most named first (``people_by_mentions``)."""
    return people_by_mentions([s.text for s in article.sentences])


def _stepped_replies(bot: Tinbot, session: ChatSession, intent: Intent, refine: str | None,
                     unchanged: tuple[str, str] | None):
    """``bot.reply_updates`` for ``intent``; a "shorter"/"longer" summary that comes out the same
    as the last one (a short and a normal summary may be the same sentence) is stepped once more
    before the reply says it is the shortest or the longest."""
    for _ in Length:  # at most one step per length
        updates = bot.reply_updates(session.article, intent, seen=session.shown_notices)
        for text, update in updates:
            if update.done and unchanged and update.text == unchanged[0] and refine and _can_step(intent, refine):
                break
            yield text, update, intent
        else:
            return
        updates.close()
        intent = refine_summary(dataclasses.replace(intent, refine=refine), intent)


def _can_step(intent: Intent, refine: str) -> bool:
    """Whether ``refine_summary`` can still make ``intent``'s length shorter or longer (a count of
    points that gave nothing new has reached the article's end)."""
    return intent.sentences is None and intent.length is not (Length.SHORT if refine == "shorter" else Length.DETAILED)


def clears_conversation(message: str) -> bool:
    """Whether ``message`` asks to clear the conversation ("xóa", "bắt đầu lại"): the page then
    clears what it shows of it too."""
    return bool(message) and route(message, has_article=True).kind is IntentKind.RESET


def split_link(message: str) -> tuple[str | None, str]:
    """(link, the instruction around it) when the message is a link with a short request."""
    links = _LINK.findall(message)
    if len(links) != 1:
        return None, message
    rest = " ".join(_LINK.sub(" ", message).split())
    if len(rest.split()) > LINK_INSTRUCTION_WORDS:
        return None, message
    return links[0].rstrip(".,;)>\"'"), rest


def _open_link(link: str, session: ChatSession, bot: Tinbot,
               language: str) -> Generator[tuple[str, ChatSession], None, tuple[ChatSession, str] | None]:
    """Fetch a linked page and open it as the article: yields "fetching…" (and the problem when
    the link is refused or fails, then returns None), returns (session, acknowledgement)."""
    yield reply("fetching", language), session
    try:
        fetched = text_from_url(link, bot.settings)
    except SourceError as error:
        log.info("link refused (%s): %s", error.reason, error.detail)
        yield source_problem(error.reason, error.detail, language, bot.settings.limits.max_upload_bytes), session
        return None
    return load_article(bot, session, fetched, language)


def _too_short(text: str, min_words: int) -> bool:
    """Whether ``text`` has fewer than ``min_words`` words of letters ("abc", "😀", "Hà Nội"):
    nothing to summarize or ask about, and too little to tell its language by."""
    return len(re.findall(r"[^\W\d_]+", text)) < min_words


def load_upload(path: str, session: ChatSession, bot: Tinbot) -> tuple[str, str, ChatSession]:
    """An uploaded file becomes the session's article: (reply, article text, session)."""
    language = _language(session, None)
    try:
        text = text_from_file(path, bot.settings.limits.max_upload_bytes)
    except SourceError as error:
        log.info("upload refused (%s): %s %s", error.reason, Path(path).name, error.detail)
        return source_problem(error.reason, error.detail, language, bot.settings.limits.max_upload_bytes), session.article_text, session
    if _too_short(text, bot.settings.limits.min_article_words):
        return reply("upload_too_short", language, words=bot.settings.limits.min_article_words), session.article_text, session
    session, ack = load_article(bot, session, text, language)
    return ack, session.article_text, session


# "dài hơn" after the detailed summary: this many sentences more than it had.
LONGER_POINTS = 2


def refine_summary(intent: Intent, previous: Intent | None, shown: int = 0) -> Intent:
    """Resolve "shorter"/"longer" against the previous summary request; "thêm 2 ý" / "bớt 1 ý"
    (a step in points) count from the ``shown`` sentences of the last summary, which may be fewer
    than were asked for."""
    if intent.refine is None:
        return intent
    base = previous or Intent(IntentKind.SUMMARIZE, language=intent.language)
    order = [Length.SHORT, Length.NORMAL, Length.DETAILED]
    step = -1 if intent.refine == "shorter" else 1
    sentences = base.sentences
    if shown and (intent.sentences is not None or sentences is not None):
        # "tóm tắt 5 ý" gave 2 (the article has no more): "ngắn hơn" is 1, not 4
        sentences = min(sentences or shown, shown)
    if sentences is not None:
        # "thêm 2 ý": two more; a bare "dài hơn" past the detailed length: LONGER_POINTS more
        more = intent.sentences or (LONGER_POINTS if step > 0 and base.length is Length.DETAILED else 1)
        sentences = max(1, sentences + step * more)
    length = order[max(0, min(2, order.index(base.length) + step))]
    if intent.refine == "shorter" and base.length is Length.SHORT and sentences is None:
        sentences = 1
    if intent.refine == "longer" and base.length is Length.DETAILED and sentences is None and shown:
        sentences = shown + LONGER_POINTS  # past the longest length: more of the article's sentences
    # A word limit still holds for a shorter summary; a longer one, or more points, go past it.
    words = base.words if intent.refine == "shorter" else None
    return dataclasses.replace(
        base, language=intent.language, refine=None, length=length, sentences=sentences, words=words,
        target_language=intent.target_language or base.target_language,
    )


def _one_off(intent: Intent, session: ChatSession) -> bool:
    """Whether the text in the message is a line to translate or summarize, not an article to
    replace the open one."""
    return (intent.kind in (IntentKind.TRANSLATE, IntentKind.SUMMARIZE) and session.article is not None
            and not session.article.is_empty()
            and not looks_like_article(intent.article_text or ""))


def load_article(bot: Tinbot, session: ChatSession, text: str, language: str) -> tuple[ChatSession, str]:
    """``text`` as the session's open article (the one it replaces kept as the previous one), and
    the reply that acknowledges it."""
    article, truncated_at, read = bot.read(text)
    if article.is_empty():
        return session, reply("article_empty", language)
    if article == session.article:  # pasted again: what was asked about it so far still holds
        return session, reply("article_same", language)
    # An edit of the open article (a sentence added or corrected in the Article box) updates it; it
    # is no new article to keep the old one for.
    revised = session.article is not None and _revision_of(article, session.article) and truncated_at is None
    replaced = session.article is not None and not revised
    if replaced:
        session = dataclasses.replace(session, previous_article=session.article, previous_article_text=session.article_text)
    # The Article box shows what was read: a text over the length limit only as far as it was kept
    # (a 4 MB upload would otherwise travel to the page and back with every turn), a page's text
    # rather than its HTML.
    session = dataclasses.replace(session, article=article, article_text=read, last_summary=None, last_summary_shown=(),
                                  last_result=None, last_question=None, last_question_shown=(), last_people=(), last_person="",
                                  article_cut_at=truncated_at,
                                  ignored_box="")
    if revised:
        return session, reply("article_updated", language)
    return session, acknowledge(article, language, replaced=replaced, truncated_at=truncated_at)


def closed_article(session: ChatSession) -> ChatSession:
    """``session`` with no open article: what was asked about it goes, the conversation's
    language and options stay, and the closed article is the previous one ("quay lại bài trước"
    after the next article); the latest summary or translation stays downloadable."""
    return dataclasses.replace(session, article=None, article_text="", previous_article=session.article,
                               previous_article_text=session.article_text, last_summary=None, last_summary_points=0,
                               last_summary_shown=(), last_question=None, last_question_shown=(), last_people=(),
                               article_cut_at=None, box_shows_article=False)


def noting_box(session: ChatSession, box: str) -> ChatSession:
    """``session`` noting whether the page's Article box now shows (``box``) the open article, so
    that emptying the box closes the article; the page calls it whenever it fills the box."""
    shows = session.article is not None and bool(box.strip()) and box.strip() == session.article_text.strip()
    return session if shows == session.box_shows_article else dataclasses.replace(session, box_shows_article=shows)


# An article sharing this share of the open one's sentences is an edit of it.
REVISION_SHARE = 0.5


def _revision_of(new: Article, old: Article) -> bool:
    """Whether ``new`` is ``old`` edited: the same headline (or none) and at least
    ``REVISION_SHARE`` of its sentences kept word for word."""
    before = {s.text for s in old.sentences}
    kept = before & {s.text for s in new.sentences}
    return new.title == old.title and bool(before) and len(kept) >= REVISION_SHARE * len(before)


def _conversation_language(session: ChatSession) -> str:
    """The language to answer a message that reads alike in both: as the session has been going."""
    if session.reply_language in LANGUAGES:
        return session.reply_language
    if session.last_language in LANGUAGES:
        return session.last_language
    article = session.article.language if session.article is not None else ""
    return article if article in LANGUAGES else "vi"


def shown_message(message: str, session: ChatSession, bot: Tinbot) -> str:
    """What the chat shows as the user's turn: the message, or, for one refused as over the length
    limit (``respond``), a short line saying how long it was, in the reply's language (a pasted
    novel would otherwise fill the chat, a phone's screen hundreds of times over)."""
    limit = bot.settings.limits.max_message_chars
    if limit is None or len(message or "") <= limit:
        return message
    return reply("message_too_long_shown", _language(session, message), chars=len(message))


def _language(session: ChatSession, message: str | None) -> str:
    """The reply language: the session's choice, else guessed from ``message`` (Vietnamese if none)."""
    if session.reply_language in LANGUAGES:
        return session.reply_language
    return reply_language_for(message) if message else "vi"


def reply_language_for(text: str) -> str:
    """The language to answer ``text`` in: English when it reads as English, else Vietnamese
    (also for what is no text at all: an API client may send a number)."""
    return "en" if isinstance(text, str) and detect_language(text[:500]) == "en" else "vi"
