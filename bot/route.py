"""Routing: what the user wants from one chat message, as an ``Intent``.

Keyword tables are data (``bot.route_keywords``: the rules registry and the option tables) matched on a
lowercased copy of the message without diacritics, so "tóm tắt", "tom tat" and "tomtat" are one
keyword. Some folded words stand for several Vietnamese words ("doan": đoạn/đoàn, "dich":
dịch/đích); a pattern marks such a word as ``{doan}`` and, when the user did type diacritics,
the word must have the intended spelling (``_SENSES``). Among task keywords the earliest in the
message wins: the main verb comes first ("tóm tắt rồi dịch sang tiếng Anh" is a summary in
English, "dịch bản tóm tắt" a translation).
"""
from __future__ import annotations

import re
import unicodedata
from contextvars import ContextVar
from dataclasses import dataclass, replace
from functools import lru_cache

from bot.article import Article
from bot.ingest import looks_like_article, parse_article
from bot.intent import Intent, IntentKind, Length
from bot.language import detect_language
from bot.lexicon import english_word, vietnamese_shaped
from bot.sections import find_reference
from bot.segment import split_sentences
from bot.route_keywords import (
    K,
    _ACK_FILLERS,
    _ACK_MARKED,
    _ACK_WORDS,
    _ANSWER_LANGUAGE,
    _REPLY_LANGUAGE,
    _BULLETS,
    _EN_WORDS,
    _GOODBYE,
    _STILL_ASKS,
    _THANKS_FOR_DONE,
    _THANKS_LEAD,
    _LENGTHS,
    _MACROS,
    _MAX_ACK_WORDS,
    _MAX_INSTRUCTION_WORDS,
    _MIN_HEADLINE_WORDS,
    _ADDRESSES_BOT,
    _MAX_POINTING_INSTRUCTION_WORDS,
    _MAX_TOPIC_WORDS,
    _MAX_OPTIONS_WORDS,
    _MIN_LOOSE_ARTICLE_WORDS,
    _MIN_SUMMARY_WORDS,
    _CHAT_PHRASE,
    _CHAT_WORDS,
    _EARLIER,
    _MAX_READER_WORDS,
    _NEW_ARTICLE,
    _ASKS_LEAD,
    _BARE_LANGUAGE,
    _PRAISED,
    _THUMBS,
    _READER_FEELING,
    _READER_PRONOUNS,
    _READER_WORDS,
    _REPORTING,
    _NUMBERS,
    _ORDINALS,
    _PARAGRAPHS,
    _PRAISE,
    _POINTS_BELOW,
    _QUESTION,
    _QUESTION_LEAD,
    _REFINES,
    _RULES_TABLE,
    _SENSES,
    _SHORTHAND,
    _SENTENCES,
    _STRICT,
    _TARGET_ASK,
    _TARGET_BARE,
    _TARGET_CODES,
    _TARGET_DIRECTED,
    _TASK_KINDS,
    _CLAUSE,
    _ENGLISH_MENTION,
    _IN_ARTICLE,
    _MENTION,
    _MENTION_TAIL,
    _SUMMARY_TOPIC,
    _TOPIC,
    _UNSEEN,
    _VI_WORDS,
    _WORD_LIMIT,
    _WORD_UNITS,
    _LAUGHTER,
    _LAUGH_EMOJI,
    _BARE_QUESTION,
    _MAX_BARE_QUESTION_WORDS,
)
from bot.orthography import words as folded_words
from bot.textstats import STOP_WORDS, strip_diacritics


@dataclass(frozen=True)
class _Text:
    """A message three ways, one character for one, so a span found in ``plain`` is the same span
    in ``lower`` (to check spellings) and in ``nfc`` (to cut the user's own text)."""

    nfc: str
    lower: str
    plain: str

    @classmethod
    def of(cls, text: str) -> "_Text":
        nfc = "".join(c for c in unicodedata.normalize("NFC", text).strip() if not unicodedata.combining(c))
        lower = "".join(_one(c.lower(), c) for c in nfc)
        plain = "".join(_one(strip_diacritics(c), c) for c in lower).replace("’", "'")
        return cls(nfc, lower, plain)


def _one(mapped: str, original: str) -> str:
    return mapped if len(mapped) == 1 else original


def _compile(pattern: str) -> re.Pattern:
    for name, body in _MACROS.items():
        pattern = pattern.replace(name, body)
    count = iter(range(1000))
    # ``{word}`` becomes a named group "word_N" so the match can be checked against _SENSES.
    return re.compile(re.sub(r"\{([a-z]+)\}", lambda m: f"(?P<{m[1]}_{next(count)}>{m[1]})", pattern))


@dataclass(frozen=True)
class _Rule:
    kind: IntentKind
    language: str | None
    length: Length | None
    pattern: re.Pattern


_RULES = tuple(_Rule(kind, lang, length, _compile(p)) for kind, lang, length, ps in _RULES_TABLE for p in ps)
assert {r.kind for r in _RULES} == set(IntentKind) - {K.ASK, K.ARTICLE, K.THANKS, K.GOODBYE, K.COMMENT, K.LANGUAGE,
                                                    K.REACTION}, "every keyword kind has rules"
_SENTENCES_RE, _BULLETS_RE, _QUESTION_RE = _compile(_SENTENCES), _compile(_BULLETS), _compile(_QUESTION)
_LENGTHS_RE = tuple((length, _compile(p)) for length, p in _LENGTHS)
_ANSWER_LANGUAGE_RE = re.compile(_ANSWER_LANGUAGE)
_REPLY_LANGUAGE_RE = re.compile(_REPLY_LANGUAGE)
_TOPIC_RE = _compile(_TOPIC)
_SUMMARY_TOPIC_RE = _compile(_SUMMARY_TOPIC)
_EARLIER_RE = _compile(_EARLIER)
_BARE_LANGUAGE_RE = re.compile(_BARE_LANGUAGE)
_MENTION_RE = _compile(_MENTION)
_IN_ARTICLE_RE = _compile(_IN_ARTICLE)
_ACK_KNOWN = frozenset().union(*_ACK_WORDS.values(), _ACK_FILLERS)
_ACK_SPELLINGS: dict[str, set[str]] = {}
for _word in _ACK_MARKED:
    _ACK_SPELLINGS.setdefault(strip_diacritics(_word), set()).add(_word)
_REFINES_RE = tuple((name, _compile(p)) for name, _, p in _REFINES)
_PARAGRAPHS_RE = tuple((value, _compile(p)) for value, p in _PARAGRAPHS)
_CLAUSE_RE = re.compile(_CLAUSE)
_TARGETS_RE = tuple(_compile(p) for p in (_TARGET_ASK, _TARGET_DIRECTED, _TARGET_BARE))
_WORD_LIMIT_RE = re.compile(_WORD_LIMIT)
_LAUGHTER_RE, _LAUGH_EMOJI_RE = re.compile(_LAUGHTER), re.compile(_LAUGH_EMOJI)
_BARE_QUESTION_RE = _compile(_BARE_QUESTION)
# Kinds whose keyword decides by where it stands: the earliest in the message wins ("tải bản tóm
# tắt" asks for the download, "tóm tắt rồi dịch" for a summary).
_ORDERED_KINDS = _TASK_KINDS + (K.DOWNLOAD,)


def _find(pattern: re.Pattern, text: _Text) -> re.Match | None:
    """The first match whose ``{word}`` groups are spelled as intended (or typed without diacritics)."""
    for match in pattern.finditer(text.plain):
        if all(_spelled_right(name, match, text) for name, value in match.groupdict().items()
               if value is not None and name not in ("n", "topic")):
            return match
    return None


def _spelled_right(group: str, match: re.Match, text: _Text) -> bool:
    word = group.rsplit("_", 1)[0]
    typed = text.lower[match.start(group):match.end(group)]
    return typed in _SENSES[word] or (typed == word and word not in _STRICT)


def route(message: str, has_article: bool, usual_language: str | None = None) -> Intent:
    """What the user wants from ``message``; ``has_article`` says whether an article is loaded,
    ``usual_language`` the language the user has been writing in (it breaks a tie between the
    languages' words: "ha tinh damage?" in an English conversation)."""
    token = _USUAL_LANGUAGE.set(usual_language)
    try:
        intent = _route(message, has_article)
    finally:
        _USUAL_LANGUAGE.reset(token)
    if intent.kind in (K.ASK, K.SUMMARIZE, K.TRANSLATE) and not intent.article_text:
        intent = _about_earlier(intent, message)
    if intent.kind in (K.ASK, K.SUMMARIZE, K.TRANSLATE) and intent.paragraph is None:
        # "tóm tắt Điều 5", "khoản 2 Điều 3 nói gì?": a numbered part of the document (the request's
        # words only: an article carried by the message cites its own)
        asked = intent.question if intent.kind is K.ASK else None if intent.article_text else message
        ref = find_reference(asked) if asked else None
        if ref is not None:
            intent = replace(intent, section=ref)
    return intent


def _about_earlier(intent: Intent, message: str) -> Intent:
    """``intent`` marked as about the article before the open one when the message says so ("bài
    trước có bao nhiêu người chết?"), its question without those words."""
    text = _Text.of(message)
    if not _find(_EARLIER_RE, text):
        return intent
    question = intent.question
    if question:
        asked = _Text.of(question)
        found = _find(_EARLIER_RE, asked)
        if found:
            question = " ".join((asked.nfc[: found.start()] + " " + asked.nfc[found.end():]).split()).strip(" ,:")
    return replace(intent, earlier=True, question=question or intent.question)


# The conversation's language while ``route`` runs, for ``_guess_language``.
_USUAL_LANGUAGE: ContextVar[str | None] = ContextVar("usual_language", default=None)


def _route(message: str, has_article: bool) -> Intent:
    text = unicodedata.normalize("NFC", _UNSEEN.sub("", message or "")).strip()
    if not text:
        return Intent(IntentKind.HELP, language="vi")
    new = re.match(_NEW_ARTICLE, _Text.of(text).plain)
    if new and text[new.end():].strip():  # "bài mới: <text>": an article, whatever it says
        rest = text[new.end():].strip()
        return Intent(IntentKind.ARTICLE, language=_article_language(_Text.of(rest)), article_text=rest)
    split = _split_article(text)
    if split:
        instruction, article = split
        return replace(_route_request(instruction, has_article=True), article_text=article)
    if looks_like_article(text) or _news_item(text):
        if _from_the_reader(text, has_article):
            return _reader_message(text, has_article)
        return Intent(IntentKind.ARTICLE, language=_article_language(_Text.of(text)), article_text=text)
    return _route_request(text, has_article)


def _news_item(text: str) -> bool:
    """A short news item pasted on its own, too short for ``looks_like_article``: two full
    sentences or more, the first and the last among them (a reader's question opens or ends no
    news item, nor do thanks), at least
    ``_MIN_SUMMARY_WORDS`` words, a fact (a figure, or a name inside a sentence), no word of chat
    outside quotation marks, and no request opening it ("Tóm tắt ngắn hơn. ..."). Its words are
    then no commands: "kéo dài hơn 2 giờ" is no "dài hơn", "Vì sao giá vàng tăng?" inside it no
    question of the reader's, with an article open or not."""
    sentences = split_sentences(" ".join(text.split()))
    full = [s for s in sentences if s.rstrip(" \"'”’»)").endswith((".", "!", "…"))]
    if len(text.split()) < _MIN_SUMMARY_WORDS or len(full) < 2 or sentences[0] not in full or sentences[-1] not in full:
        return False
    if any(_only_thanks(s) for s in sentences):
        return False  # "... không. Cảm ơn.": the reader's
    if any(_find(_QUESTION_RE, _Text.of(s)) for s in full):
        return False  # "... Khi nào hoàn thành.": a question typed without its question mark
    own = _Text.of(_QUOTED.sub(" ", text))
    if re.search(_CHAT_WORDS, own.lower) or re.search(_READER_PRONOUNS, own.nfc, re.I):
        return False
    if not any(re.search(r"\d", s) or _names_someone(s) for s in sentences):
        return False
    first = _Text.of(sentences[0])
    requests = [r.pattern for r in _RULES if r.kind in _TASK_KINDS] + [_TOPIC_RE, _QUESTION_RE, _MENTION_RE]
    return not any((m := _find(pattern, first)) and len(first.plain[:m.start()].split()) < 2 for pattern in requests)


def _names_someone(sentence: str) -> bool:
    """Whether a word after the sentence's first opens with a capital: a name ("miền Bắc",
    "ông Tâm"), not the sentence's start."""
    return any(word[:1].isupper() for word in sentence.split()[1:])


_THUMBS_RE = re.compile(_THUMBS)
_QUOTED = re.compile(r'[“"«„][^“”"«»„]*[”"»]')


def _from_the_reader(text: str, has_article: bool) -> bool:
    """Whether prose long enough for an article is the reader talking: it speaks of the article
    or to the bot ("Mình đọc bài này thấy ...", "... Cảm ơn admin"), or, with an article open, it
    is a short first-person text that wishes, thanks or asks and reports no one's words ("Nhà tôi
    ở Lệ Thủy cũng bị ngập ... Xin cảm ơn ...", "Mình là người Hội An, ... đúng không?"). Words
    inside quotation marks are someone else's."""
    if len(text.split()) > _MAX_READER_WORDS:
        return False
    own = _QUOTED.sub(" ", text)
    if re.search(_READER_WORDS, own, re.I):
        return True
    lines = [line for line in text.splitlines() if line.strip()]
    wishes_or_asks = re.search(_READER_FEELING, own, re.I) or text.rstrip().endswith("?")
    return (has_article and len(lines) <= 3 and bool(re.search(_READER_PRONOUNS, own, re.I))
            and bool(wishes_or_asks) and not re.search(_REPORTING, own, re.I))


def _only_thanks(sentence: str) -> bool:
    text = _Text.of(sentence)
    return "?" not in sentence and (_acknowledgement(text) is not None or bool(re.match(_THANKS_LEAD, text.plain)))


def _reader_message(text: str, has_article: bool) -> Intent:
    """The reader's long message: the question it ends with (thanks after it aside), asked; else
    a comment, which keeps the open article (the chat says how to send a new one)."""
    sentences = split_sentences(" ".join(text.split()))
    while sentences and _only_thanks(sentences[-1]):
        sentences.pop()  # "... bao nhiêu tiền? Cảm ơn bạn nhiều nha."
    asked: list[str] = []
    while sentences and sentences[-1].rstrip().endswith("?"):
        asked.insert(0, sentences.pop())
    if not asked and sentences and re.match(_ASKS_LEAD, sentences[-1], re.I):
        asked = [sentences[-1]]  # "Bạn cho mình hỏi tỉnh đã chi bao nhiêu tiền"
    if asked:
        intent = _route_request(" ".join(asked), has_article)
        if intent.kind is K.ASK:
            return intent
        question = " ".join(asked)
        return Intent(K.ASK, language=_guess_language(_Text.of(question)), question=question)
    return Intent(K.COMMENT, language=_guess_language(_Text.of(text)))


# Lowercase and standing alone: "K+", "ko-fi", "5k", "DC Comics" are no shorthand.
_SHORTHAND_RE = re.compile(r"(?<![\w+&-])(" + "|".join(sorted(map(re.escape, _SHORTHAND), key=len, reverse=True))
                           + r")(?![\w+&-])")


def _written_out(message: str) -> str:
    """``message`` with Vietnamese chat shorthand written out ("giá bn?" → "giá bao nhiêu?"); an
    English message keeps its "k" and "dc", and a lone letter counts only at the end ("đúng k?",
    not "vitamin k")."""
    if _guess_language(_Text.of(message)) != "vi":
        return message
    def expand(match: re.Match) -> str:
        word = match.group(1)
        alone = len(word) == 1 and message[match.end():].strip(" ?!.") != ""
        return word if alone else _SHORTHAND[word]
    return _SHORTHAND_RE.sub(expand, message)


def _route_request(message: str, has_article: bool) -> Intent:
    """Route a message that carries no article: a keyword rule, a question, or help."""
    text = _Text.of(_written_out(message))
    wanted = _REPLY_LANGUAGE_RE.fullmatch(text.plain)
    if wanted:  # "please reply in English": no question, a setting
        code = "en" if wanted["lang"] in ("english", "tieng anh") else "vi"
        return Intent(K.LANGUAGE, language=_guess_language(text), target_language=code)
    thanked = _thanks_for_done(text)
    if thanked:
        language, rest = thanked
        if rest:
            return _route_request(rest, has_article)
        return Intent(K.GOODBYE if re.search(_GOODBYE, text.plain) else K.THANKS, language=language)
    topic = _find(_TOPIC_RE, text)
    if topic:  # "nói rõ hơn về đoàn kiểm tra", "bài nói gì về giá vé?": what the article says about it
        return Intent(K.ASK, language=_guess_language(text), question=text.nfc[topic.end():].strip().rstrip("?").strip(),
                      length=_length(text))
    rule = _first_rule(text)
    if rule is None and (_LAUGHTER_RE.fullmatch(text.plain) or _LAUGH_EMOJI_RE.fullmatch(text.nfc)):
        return Intent(K.REACTION, language="")  # "haha", "😂😂": no thanks to answer, nor a request
    if rule is None or rule.kind not in _TASK_KINDS:
        acknowledged = _acknowledgement(text)
        if acknowledged is not None:  # "" for "ok", "haha": the chat answers in the conversation's language
            return Intent(K.GOODBYE if re.search(_GOODBYE, text.plain) else K.THANKS, language=acknowledged)
    if rule is None and _only_summary_options(text):
        return _summarize(text, _guess_language(text), preset=None)
    if rule is None:
        language = _guess_language(text)
        inside = _IN_ARTICLE_RE.match(text.plain)
        if inside:  # "con số 312 có trong bài không?": whether the article has it
            group = "x" if inside.group("x") else "en"
            asked_in = "en" if group == "en" else language
            return Intent(K.ASK, language=asked_in, question=text.nfc[inside.start(group):inside.end(group)], mention=True)
        mention = _find(_MENTION_RE, text)
        if mention:  # "bài có nhắc đến Nhật Bản không?": what the article says about Nhật Bản
            asked_in = "en" if re.match(_ENGLISH_MENTION, text.plain) else language
            tail = re.search(_MENTION_TAIL[asked_in if asked_in == "en" else "vi"], text.plain[mention.end():])
            named = text.nfc[mention.end():mention.end() + tail.start()].strip()
            if named:
                return Intent(K.ASK, language=asked_in, question=named, mention=True)
        if _find(_QUESTION_RE, text):
            return Intent(K.ASK, language=language, question=_question(text), length=_length(text),
                          target_language=_target_language(text, K.ASK), paragraph=_paragraph(text))
        if not has_article and _loose_article(text.nfc):  # the text as pasted, shorthand and all
            return Intent(K.ARTICLE, language=language, article_text=_Text.of(message).nfc)
        if re.search(_PRAISE, text.plain) and re.search(_PRAISED, text.plain) or _THUMBS_RE.fullmatch(text.nfc):
            return Intent(K.THANKS, language=language)  # "Bài viết rất hay, cảm ơn admin", "bài hay quá", "👍"
        return Intent(K.HELP, language=language)
    language = _guess_language(text, hint=rule.language)
    if rule.kind is K.RESET and text.plain.strip(" .!") in ("reset", "clear"):
        language = ""  # Vietnamese chat borrows them: the conversation's language answers
    if rule.kind is K.SUMMARIZE:
        return _summarize(text, language, preset=rule.length)
    if rule.kind is K.TRANSLATE:
        return Intent(K.TRANSLATE, language=language, target_language=_target_language(text, K.TRANSLATE),
                      paragraph=_paragraph(text))
    return Intent(rule.kind, language=language)


def bare_name(message: str) -> str | None:
    """A message that is only a name ("Nguyễn Phú Trọng", "Elon Musk", "TP Hồ Chí Minh"): two to
    ``_MAX_TOPIC_WORDS`` words, each opening with a capital. Asked bare, it asks whether the article
    mentions it, like a name the article has (``named_topic``)."""
    phrase = _Text.of(message).nfc.strip(" .!?…")
    words = phrase.split()
    if not 2 <= len(words) <= _MAX_TOPIC_WORDS or re.fullmatch(_CHAT_PHRASE, _Text.of(phrase).plain):
        return None
    return phrase if all(w[:1].isupper() and re.fullmatch(r"[\w.\-']+", w) for w in words) else None


def named_topic(message: str, article: Article) -> str | None:
    """The thing a bare message names when the article names it too ("Hội An", "metro", "cứu
    hộ"): up to ``_MAX_TOPIC_WORDS`` words that one sentence of the article holds in a row
    (compared without marks when typed without them). A lone word must be no common word, and
    chat words ("làm lại", "sai rồi") name nothing."""
    text = _Text.of(message)
    phrase = text.nfc.strip(" .!?…")
    asked = folded_words(phrase)
    if not asked or len(asked) > _MAX_TOPIC_WORDS or re.fullmatch(_CHAT_PHRASE, text.plain.strip(" .!?…")):
        return None
    if len(asked) == 1 and asked[0] in STOP_WORDS:
        return None
    said = [folded_words(s.text) for s in article.sentences]
    plain = text.lower == text.plain or not article.written_with_marks  # typed without marks, or the article is
    run = " ".join(strip_diacritics(w) if plain else w for w in asked)
    for words in said:
        if f" {run} " in " " + " ".join(strip_diacritics(w) if plain else w for w in words) + " ":
            return phrase
    return None


def asks_for_help(message: str) -> bool:
    """Whether ``message`` asks for the help text by name ("giúp", "help", "bạn làm được gì?"),
    rather than being a message no rule understood."""
    rule = _first_rule(_Text.of(_written_out(message)))
    return rule is not None and rule.kind is K.HELP


def bare_question(message: str, article: Article) -> str | None:
    """A short question typed without its question mark ("be bi sao", "obama chuyen di dau",
    "bé bị sao"), as the message: a question word at its start or end (``_BARE_QUESTION``,
    spelled as that word when typed with marks) and a word of the article besides the
    question's function words. None for anything else: "ngôi sao" names a star, "sao" alone
    asks nothing."""
    text = _Text.of(message)
    if len(text.plain.split()) > _MAX_BARE_QUESTION_WORDS or not _find(_BARE_QUESTION_RE, text):
        return None
    known = _article_words(article)
    words = re.findall(r"\w+", text.plain)
    return message.strip() if any(w in known and w not in _FUNCTION_WORDS and not w.isdigit() for w in words) else None


# Vietnamese function words without their marks ("bị", "là", "của", "vì"), and the question words:
# no word of the article a question names. English stop words are left out: "be" is "bé".
_FUNCTION_WORDS = frozenset({strip_diacritics(w) for w in STOP_WORDS if not w.isascii()}
                            | {w for w in STOP_WORDS if w in _VI_WORDS} | _VI_WORDS)


@lru_cache(maxsize=8)
def _article_words(article: Article) -> frozenset[str]:
    return frozenset(strip_diacritics(w) for s in article.sentences for w in folded_words(s.text))


def asked(message: str) -> tuple[str, str | None]:
    """The question in ``message`` and the answer language it asks for, as the chat reads them:
    "Cảm ơn, ai là trưởng đoàn? Trả lời bằng tiếng Anh" → ("ai là trưởng đoàn?", "en")."""
    intent = route(message, has_article=True)
    if intent.kind is K.ASK and intent.question:
        return intent.question, intent.target_language
    return message, None


def _acknowledgement(text: _Text) -> str | None:
    """The language of a thanks / ok / goodbye message ("" when it reads alike in both), or None."""
    found = list(re.finditer(r"[a-z]+", text.plain))
    words = [m.group(0) for m in found]
    if not words or len(words) > _MAX_ACK_WORDS or "?" in text.plain:
        return None
    if any(text.lower[m.start():m.end()] not in {m.group(0), *_ACK_SPELLINGS.get(m.group(0), ())} for m in found):
        return None  # typed with other marks: "vàng" (gold) is no "vâng" (yes)
    heads = {language: sum(w in kind for w in words) for language, kind in _ACK_WORDS.items()}
    if not all(w in _ACK_KNOWN for w in words) or not any(heads.values()):
        return None
    return "vi" if heads["vi"] > heads["en"] else "en" if heads["en"] > heads["vi"] else ""


def _loose_article(text: str) -> bool:
    """With no article yet, unrecognised prose of ``_MIN_LOOSE_ARTICLE_WORDS`` words, or of two
    full sentences and ``_MIN_SUMMARY_WORDS`` ("Sáng 3/12, mưa lớn gây ngập ... Hơn 200 xe chết
    máy ..."), is a short article."""
    count = len(text.split())
    if count >= _MIN_LOOSE_ARTICLE_WORDS:
        return True
    full = [s for s in split_sentences(text) if s.rstrip().endswith((".", "!"))]
    # "Chào bạn. Mình là sinh viên, mình muốn thử con bot này." talks to the bot: no news.
    return count >= _MIN_SUMMARY_WORDS and len(full) >= 2 and not re.search(_CHAT_WORDS, _Text.of(text).lower)


def _thanks_for_done(text: _Text) -> tuple[str, str] | None:
    """For a message that opens with thanks for a reply already given ("cảm ơn bạn đã tóm tắt",
    "thanks for the summary, now shorter"): its language and what it asks beyond the thanks
    ("" for nothing). None for any other message."""
    lead = re.match(_THANKS_LEAD, text.plain)
    if not lead or not re.search(_THANKS_FOR_DONE, text.plain):
        return None
    rest, clauses = [], [c.group(0) for c in _CLAUSE_RE.finditer(text.nfc) if c.group(0).strip()]
    for clause in clauses:
        part = _Text.of(clause)
        praise = (re.match(_THANKS_LEAD, part.plain) or _acknowledgement(part) is not None
                  or (re.search(_THANKS_FOR_DONE, part.plain) and re.search(_PRAISE, part.plain)))
        if not praise or re.search(_STILL_ASKS, part.plain) or _refine(part):
            rest.append(clause.strip())
    if len(rest) == len(clauses):
        return None  # every clause asks for something: not thanks at all
    return _guess_language(text), ", ".join(rest)


def _only_summary_options(text: _Text) -> bool:
    """A short follow-up naming only a summary's shape ("3 câu", "ngắn gọn thôi", "as bullets")."""
    if len(text.plain.split()) > _MAX_OPTIONS_WORDS or "?" in text.plain:
        return False
    return bool(_sentences(text) or _bullets(text) or _length(text) is not Length.NORMAL or _word_limit(text))


def _summarize(text: _Text, language: str, preset: Length | None) -> Intent:
    sentences, refine = _sentences(text), _refine(text)
    # A refinement is relative to the last summary, so an absolute length would contradict it.
    length = Length.NORMAL if refine else preset or (Length.SHORT if sentences == 1 else _length(text))
    topic = _find(_SUMMARY_TOPIC_RE, text)
    return Intent(K.SUMMARIZE, language=language, target_language=_target_language(text, K.SUMMARIZE),
                  sentences=sentences, bullets=_bullets(text), length=length, refine=refine, words=_word_limit(text),
                  paragraph=_paragraph(text), topic=_topic(text, topic) if topic else None)


def _topic(text: _Text, found: re.Match) -> str | None:
    """What "tóm tắt phần nói về Cà Mau" names, as typed; not a number or a part of a document
    ("tóm tắt phần 2", "tóm tắt về Điều 5"), which ``find_reference`` reads."""
    topic = text.nfc[found.start("topic"):found.end("topic")].strip(" .?!,")
    return None if not topic or find_reference(topic) or re.fullmatch(r"[\dIVXLC]+", topic) else topic


def _first_rule(text: _Text) -> _Rule | None:
    """The task rule matching earliest (ties: table order); else the first help/greeting rule."""
    found = [(m.start(), i) for i, rule in enumerate(_RULES) if rule.kind in _ORDERED_KINDS
             for m in [_find(rule.pattern, text)] if m]
    if found:
        return _RULES[min(found)[1]]
    return next((r for r in _RULES if r.kind not in _ORDERED_KINDS and _find(r.pattern, text)), None)


def _split_article(text: str) -> tuple[str, str] | None:
    """(instruction, article) when one message holds both, as in "Tóm tắt bài sau: <bài>"."""
    if not looks_like_article(text):
        return _short_text(text)
    lines = text.split("\n")
    first, last = lines[0], lines[-1]
    # (instruction, article, kinds it may ask for, whether it may run long, whether it opens the text)
    candidates = []
    if ":" in first:
        head, _, tail = text.partition(":")
        candidates.append((head, tail, (K.SUMMARIZE, K.TRANSLATE), False, True))
    # A question may follow the article. A title before it may be a question too, so a question
    # comes first only when the article below has a title of its own.
    rest = "\n".join(lines[1:])
    titled = parse_article(rest).title is not None if "?" in first and not _headline_question(first) else False
    candidates.append((first, rest, (K.SUMMARIZE, K.TRANSLATE) + ((K.ASK,) if titled else ()), titled, True))
    candidates.append((last, "\n".join(lines[:-1]), (K.SUMMARIZE, K.TRANSLATE, K.ASK), False, False))
    for instruction, article, kinds, long, opening in candidates:
        pointing = long or re.search(_POINTS_BELOW, _Text.of(instruction).plain)
        if opening and _reads_as_headline(instruction, pointing):
            continue  # "Heatwave forces schools to shorten classes": a headline, not "shorten"
        limit = _MAX_POINTING_INSTRUCTION_WORDS if pointing else _MAX_INSTRUCTION_WORDS
        if len(instruction.split()) <= limit and article.strip():
            intent = _route_request(instruction, has_article=True)
            if intent.kind in kinds and (intent.kind is not K.ASK or "?" in instruction):
                return instruction.strip(), article.strip()
    return None


def _headline_question(line: str) -> bool:
    """Whether a first line asking something is a headline of the "topic: question?" kind ("Vụ cháy
    chợ Bến Thành: Ai chịu trách nhiệm?"): news writes them so, a reader asking above an article
    does not. The line below it is then a sub-heading, not the article's own title."""
    head, colon, question = line.partition(":")
    return (bool(colon) and line.rstrip().endswith("?") and len(head.split()) >= 3 and bool(question.strip())
            and not re.search(_ADDRESSES_BOT, _Text.of(head).lower) and not re.search(_POINTS_BELOW, _Text.of(head).plain))


def _reads_as_headline(line: str, pointing) -> bool:
    """Whether a first line is the article's headline rather than a request: five words or more,
    no colon, no final period or question mark, and it neither addresses the bot nor points at
    the article ("Rút gọn thủ tục cấp hộ chiếu từ tháng 12", not "Tóm tắt giúp mình")."""
    text = _Text.of(line)
    return (len(line.split()) >= _MIN_HEADLINE_WORDS and not pointing and not line.rstrip().endswith((".", "?", ":"))
            and not re.search(_ADDRESSES_BOT, text.lower))


def _short_text(text: str) -> tuple[str, str] | None:
    """"Dịch sang tiếng Anh: Tôi yêu Hà Nội." or "Tóm tắt: <two sentences>" carries a short text
    to translate or summarize, too short to read as an article on its own."""
    head, colon, tail = text.partition(":")
    if not colon or "\n" in head or len(head.split()) > _MAX_INSTRUCTION_WORDS or len(tail.split()) < 3:
        return None
    rest = _Text.of(tail)
    kind = _route_request(head, has_article=True).kind
    if kind not in (K.TRANSLATE, K.SUMMARIZE) or _first_rule(rest) or _paragraph(rest):
        return None
    if kind is K.TRANSLATE and tail.rstrip().endswith("?") and _BARE_LANGUAGE_RE.fullmatch(_Text.of(head).plain):
        return None  # "now in English: how strong is the storm?" asks a question, to be answered in English
    if kind is K.SUMMARIZE and not _loose_article(tail):
        return None  # "Tóm tắt: ngắn gọn thôi", "Tóm tắt: cho mình bản ngắn ..." are options, not a text
    return head.strip(), tail.strip()


def _guess_language(text: _Text, hint: str | None = None) -> str:
    """"vi" or "en": common words of each language decide, the keyword's language breaks ties;
    "" for a few words that tell neither ("metro", "OK Google"): the conversation's language."""
    if _vietnamese_frame(text):
        return "vi"  # "ai viết cuốn The art of the deal?": an English title inside a Vietnamese question
    found = list(re.finditer(r"[a-z']+", text.plain))
    words = [m.group(0) for m in found]
    # A word typed with marks is no English word: "thế à?" is not "the a".
    unmarked = [m.group(0) for m in found if text.lower[m.start():m.end()] == m.group(0)]
    # A word shaped like a Vietnamese syllable is Vietnamese when typed with marks ("tỷ số"), or
    # without them when no English dictionary has it: "may gio thong xe" ("gio", "xe"). Not a
    # name: "Who is Trần Đức Phấn?" is English.
    shaped = sum(w not in _VI_WORDS and vietnamese_shaped(w) and (w not in unmarked or not english_word(w))
                 for n, (m, w) in enumerate(zip(found, words)) if n == 0 or not text.nfc[m.start()].isupper())
    # An English dictionary word no Vietnamese syllable looks like is English: "appeal", "damage".
    english = sum(w not in _EN_WORDS and len(w) > 2 and not vietnamese_shaped(w) and english_word(w) for w in unmarked)
    usual = _USUAL_LANGUAGE.get()
    vi = sum(w in _VI_WORDS for w in words) + shaped + (3 if hint == "vi" else 0) + (0.5 if usual == "vi" else 0)
    en = sum(w in _EN_WORDS for w in unmarked) + english + (3 if hint == "en" else 0) + (0.5 if usual == "en" else 0)
    if vi != en:
        return "vi" if vi > en else "en"
    if hint:
        return hint
    if 0 < len(words) <= _FEW_WORDS:
        return ""
    # Nothing readable (emoji, digits, punctuation): tinbot's own language. Another language: English.
    code = detect_language(text.nfc)
    return "vi" if code in ("vi", "unknown") else "en"


_FEW_WORDS = 3  # too few for a language detector to tell
# A Vietnamese question's frame, as typed with or without marks: "... phải không?", "... là gì?",
# "ai ...", "cuốn ...". Read on the message's own words, outside names and quotations.
_VI_FRAME = re.compile(r"(?<!\w)(?:phải\s+không|phai\s+khong|không|chưa|là\s+gì|là\s+ai|gì|ai|nào|bao\s+nhiêu|mấy|"
                       r"sao|thế\s+nào|ở\s+đâu|đâu|khi\s+nào|cuốn|quyển|bộ\s+phim|bài\s+hát)(?!\w)")


def _vietnamese_frame(text: _Text) -> bool:
    """Whether a message is a Vietnamese question around English names or titles ("Trump tự viết
    cuốn The art of the deal phải không?", "The Power of Full Engagement là sách gì?"): outside
    quotations and capitalised words, a word typed with Vietnamese marks, and a Vietnamese
    question frame (``_VI_FRAME``). A Vietnamese name in an English question is capitalised: "who
    is Nguyễn Văn A?" stays English."""
    own = _QUOTED.sub(" ", text.nfc)
    found = re.findall(r"[^\W\d_]+", own)
    lowered = [w.lower() if n == 0 else w for n, w in enumerate(found) if n == 0 or not w[:1].isupper()]
    marked = [w for w in lowered if strip_diacritics(w) != w and vietnamese_shaped(strip_diacritics(w).lower())]
    return bool(marked) and bool(_VI_FRAME.search(" ".join(lowered)))


def _article_language(text: _Text) -> str:
    """The reply language for a bare pasted article: as a message's, but English for other languages."""
    return _guess_language(text) if detect_language(text.nfc) in ("vi", "en", "unknown") else "en"


def _number(word: str) -> int:
    word = re.sub(r"\s+", " ", word)
    if word[:1].isdigit():
        return int(re.match(r"\d+", word)[0])
    return _NUMBERS.get(word) or _ORDINALS[word]


def _sentences(text: _Text) -> int | None:
    match = _find(_SENTENCES_RE, text)
    number = _number(match["n"]) if match else 0
    return number or None


def _bullets(text: _Text) -> bool:
    return _find(_BULLETS_RE, text) is not None


def _length(text: _Text) -> Length:
    return next((length for length, pattern in _LENGTHS_RE if _find(pattern, text)), Length.NORMAL)


def _word_limit(text: _Text) -> int | None:
    """The most words a summary may have: "tóm tắt trong 30 chữ", "dưới 50 từ", "in 40 words"."""
    for match in _WORD_LIMIT_RE.finditer(text.plain):
        unit = " ".join(text.lower[match.start("unit"):match.end("unit")].split())
        if unit in _WORD_UNITS and int(match["n"]) > 0:
            return int(match["n"])
    return None


def _refine(text: _Text) -> str | None:
    return next((name for name, pattern in _REFINES_RE if _find(pattern, text)), None)


def _target_language(text: _Text, kind: IntentKind) -> str | None:
    """Output language asked for; for a translation "dịch từ tiếng Anh" alone leaves it open."""
    ask, directed, bare = _TARGETS_RE
    patterns = {K.ASK: (ask,), K.SUMMARIZE: (directed,), K.TRANSLATE: (directed, bare)}[kind]
    for pattern in patterns:
        match = _find(pattern, text)
        if match:
            return _TARGET_CODES[next(g for g in match.groups() if g)]
    return None


def _paragraph(text: _Text) -> int | None:
    for value, pattern in _PARAGRAPHS_RE:
        match = _find(pattern, text)
        if match:
            return value or _number(match["n"]) or None
    return None


def _question(text: _Text) -> str:
    """The question without what leads into it or the answer language asked for after it:
    "Chào bạn, ai là trưởng đoàn? Trả lời bằng tiếng Anh" → "ai là trưởng đoàn?"."""
    lead = re.match(_QUESTION_LEAD, text.plain)
    start = lead.end() if lead else 0
    tail = _ANSWER_LANGUAGE_RE.search(text.plain, start)
    rest = text.nfc[start:tail.start() if tail else len(text.nfc)].strip()
    return rest or text.nfc
