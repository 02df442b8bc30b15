"""Answer a question about the article from its best evidence sentences.

Retrieval decides whether the article answers at all (``bot.retrieve``); only then does the
answer model (mt0) read a prompt made of the question and the evidence, never the whole
article. Without the model, the best evidence sentence is the answer; so it is when a question
asks for a number or a date that none of the best evidence holds, or names something the article
never mentions ("Cầu Rồng", "năm 2022"; ``bot.guard.unmentioned``), with a notice that the
article probably does not say. A question asked in the other language is translated into the article's
language first and the answer translated back.
"""
from __future__ import annotations

import dataclasses
import re
from typing import Iterator, Sequence

from bot.age import age_sentences, asked_names, asks_age, name_words
from bot.answer_type import has_type, has_unit
from bot.article import Article, Sentence
from bot.claims import Judgement, Verdict, judge
from bot.claims_reported import denies, reported, says
from bot.engines.base import Engine
from bot.engines.hub import ModelHub, generation_config, missing_notice, wait_for_engine
from bot.extractive import MAX_QUOTE_SENTENCES
from bot.guard import check_output, unmentioned
from bot.intent import Intent
from bot.lexicon import other_names, vietnamese_shaped
from bot.prompts import render, reply
from bot.followup import follow_up
from bot.question import about_article, about_document, is_yes_no, question_parts
from bot.orthography import words
from bot.paraphrase import counted
from bot.retrieve import MIN_SCORE, Evidence, find_evidence, is_answerable, parse_question
from bot.textstats import STOP_WORDS, strip_diacritics
from bot.sections import without_reference
from bot.segment import quotation_runs
from bot.story import LEAD_SENTENCES, main_people
from bot.tasks import Notice, TaskUpdate, scoped
from bot.tasks.chunking import fit_pieces, strip_prefix
from bot.tasks.translate import translate_sentences

EVIDENCE_K = 3
# Without a model, evidence scoring at least this share of the best one is quoted with it. On
# ../shared/eval-data/qa-dev.jsonl this quotes two sentences for 37% of questions and rescues 4 of
# the 7 where only the second sentence holds the answer (0.9: 26%, 3 rescued).
CLOSE_SECOND = 0.85
LANGUAGES = ("vi", "en")
# "Bao nhiêu" wants a number and "khi nào" a date. When the sentences an answer would rest on
# hold none, the article most likely does not say: no model is asked (it would have to invent
# one) and the reply quotes the closest sentences as such. On ../shared/eval-data/qa-dev.jsonl
# this never fires for the 20 number/date questions answerable on their own article, and fires
# for 5 of the 15 put to another article that still pass ``is_answerable``.
KINDS_THAT_NEED_A_VALUE = ("number", "time", "score")
# Items of a list quoted after the sentence that announces it (``with_list``).
MAX_LIST_ITEMS = 10


def answer_question(article: Article, intent: Intent, hub: ModelHub) -> Iterator[TaskUpdate]:
    question = (intent.question or "").strip()
    header = _document_header(article, question)
    if header:  # "thông tư ban hành ngày nào?": a decree's header says, not its articles
        yield TaskUpdate("", "", done=True, notices=(header,))
        return
    field = about_article(question)
    if field:  # "bài đăng ngày nào?": the paste's date or source line says; the story's sentences do not
        known = getattr(article, field)
        notice = Notice(f"article_{field}", {field: known}) if known else Notice(f"article_no_{field}")
        yield TaskUpdate("", "", done=True, notices=(notice,))
        return
    part = scoped(article, intent)
    if isinstance(part, TaskUpdate):  # "Điều 20 quy định gì?" with Điều 1-13 only
        yield part
        return
    if part is not article and _asks_only_for_part(question, intent):
        # "đoạn 3 nói gì?", "Điều 8 quy định gì?": that part, quoted
        shown = part.sentences[:MAX_LIST_ITEMS]
        yield TaskUpdate(" ".join(s.text for s in shown), "extractive", done=True, evidence=tuple(shown))
        return
    if part is not article and intent.section is not None:
        # "Điều 5 yêu cầu vốn bao nhiêu?": answered from Điều 5, whose sentences need not say "Điều 5"
        question = without_reference(question, intent.section)
    article = part
    if not intent.mention and question and not any(isinstance(t, str) for t in parse_question(question).terms) \
            and _lead_answer(article, question) is None:
        # "khi nào?" with nothing asked before: there is nothing to look for, which is not "the article does not say"
        yield TaskUpdate("", "", done=True, notices=(Notice("question_too_vague"),))
        return
    language = article.language
    reply_in = intent.answer_language
    people = main_people(article) if not (intent.skip or intent.mention) and _asks_whom_story(question) else ()
    if people:  # "bài báo nói về ai?": the story's main people, where it introduces them
        answer_in = reply_in if reply_in in LANGUAGES else language
        named = reply("list_and", answer_in, items=", ".join(p.name for p in people[:-1]),
                      last=people[-1].name) if len(people) > 1 else people[0].name
        introduced = tuple(sorted({p.introduced.index: p.introduced for p in people}.values(), key=lambda s: s.index))
        yield TaskUpdate(reply("story_people", answer_in, people=named), "", done=True, evidence=introduced)
        return
    cross = intent.language != language and intent.language in LANGUAGES and language in LANGUAGES
    answer_across = reply_in != language and reply_in in LANGUAGES and language in LANGUAGES
    translator = None
    notices: tuple[Notice, ...] = ()
    if cross or answer_across:
        translator = yield from wait_for_engine(hub, "translate")
        if translator is None:
            notices += (Notice("answer_untranslated"),)
        elif cross:
            question = translate_sentences(translator, hub.settings.translate, [question], intent.language, language)[0]
    parts = [question] if intent.skip or intent.mention else question_parts(question)
    if len(parts) > 1:  # "ông Lực bao nhiêu tuổi và nói gì?": the best sentence for each
        evidence = _evidence_for_each(article, question, parts)
    else:
        evidence = find_evidence(article, question, k=EVIDENCE_K + len(intent.skip))
    if cross and not is_answerable(evidence) and question != intent.question:
        # Names and numbers survive in the untranslated question even when the translation misses.
        evidence = find_evidence(article, intent.question or "", k=EVIDENCE_K + len(intent.skip))
    if not intent.skip and (lead := _lead_answer(article, question)):
        # the story's when / where / who is in its lead, whatever else says "xảy ra" ("là điều hiếm xảy ra")
        top = max([MIN_SCORE] + [e.score for e in evidence])
        evidence = [Evidence(lead, top)] + [e for e in evidence if e.sentence.index != lead.index][: EVIDENCE_K - 1]
    elif not intent.skip and not cross and _about_story(question) and article.title \
            and has_type(article.title, parse_question(question)):
        # "Vụ việc xảy ra ở nước nào?" when the lead does not say where and the headline does ("... bị sát hại ở Congo")
        yield TaskUpdate("", "", done=True, notices=(Notice("headline_says", {"title": article.title}),))
        return
    if intent.skip:  # "còn gì nữa?": what was not quoted yet, if it still matches the question
        evidence = [e for e in evidence if e.sentence.index not in intent.skip][:EVIDENCE_K]
        if not is_answerable(evidence):
            yield TaskUpdate("", "", done=True, notices=(Notice("nothing_more"),))  # nothing quoted: nothing to translate
            return
    # A translated question is not checked for strangers (a translator respells names), but "Does
    # the article mention Hanoi?" with no translator is: a name reads the same in both languages.
    as_is = cross and translator is None and intent.mention
    strangers = _strangers(article, question, intent) if as_is or not cross else ()
    if intent.mention and (strangers or not is_answerable(evidence)):
        # "bài có nhắc đến cầu Rồng không?": no is the answer; and yes, for a name the article
        # writes otherwise ("Sài Gòn" for "TP.HCM") that no sentence matches word for word.
        answer_in = intent.language if intent.language in LANGUAGES else language
        key = "not_mentioned_answer" if strangers else "mentioned_answer"
        where = () if strangers else _naming(article, question)
        yield TaskUpdate(reply(key, answer_in, items=", ".join(strangers) or _as_written(article, question)), "" if where else "extractive",
                         done=True, evidence=where)
        return
    if intent.mention and not intent.skip:
        # "bài có nhắc đến Sài Gòn không?": yes, and where (the sentences, TP.HCM and all)
        answer_in = intent.language if intent.language in LANGUAGES else language
        written = _as_written(article, question)
        items = f"{question} ({written})" if _squash(written) != _squash(question) else written  # "Sài Gòn (TP.HCM)"
        yield TaskUpdate(reply("mentioned_where", answer_in, items=items), "", done=True,
                         evidence=tuple(best_sentences(evidence)))
        return
    unread = cross and translator is None  # "Did Hanoi win?" read as it is: no claim about what only the headline says
    if not strangers and not intent.skip and not unread and ((not is_answerable(evidence) or missing_value(evidence, question))
                                                             and _headline_answers(article, question)
                                                             or _only_headline_counts(article, question, evidence)) \
            and not reported(question, (), article.title) \
            and not (is_yes_no(question) and judge(question, (), title=article.title)):
        # "bao nhiêu người bị thương?" when only the headline says "12 người bị thương" (not "X lừa
        # đảo phải không?" when it says "X bị tố lừa đảo": the claim's check says it is an accusation;
        # nor "có đúng là ba tàu ...?" on "Hai tàu ...": the claim's check says whether the figure is it)
        yield TaskUpdate("", "", done=True, notices=(Notice("headline_answer", {"title": article.title}),))
        return
    if not intent.skip and not intent.mention and not cross and not is_answerable(evidence) \
            and (lead := _story_fallback(article, question)) and not _strangers(article, question, intent):
        # "tiền rơi ở đâu?" on a story whose headline and lead say where the money fell, never "rơi"
        evidence = [Evidence(lead, MIN_SCORE)] + [Evidence(e.sentence, e.score / 2) for e in evidence
                                                  if e.sentence.index != lead.index][: EVIDENCE_K - 1]
        notices += (Notice("story_lead_answer"),)
    # A figure the question claims is checked even where too few of its words match to answer it.
    checked = None if intent.skip or cross else _checked_claim(article, question, evidence,
                                                                reply_in if reply_in in LANGUAGES else language)
    if checked:  # "có đúng là Tùng bị 9 năm tù không?": the clause about Tùng says 7 năm
        text, used = checked
        yield TaskUpdate(text, "extractive", done=True, evidence=used)
        return
    aged = None
    if not intent.skip and not intent.mention and not strangers and len(parts) == 1 and not is_yes_no(question) \
            and (asks_age(question) or asks_age(intent.question or "")):
        # "Khashoggi bao nhiêu tuổi?": only a sentence giving his age answers, not one with a number
        aged = _age_evidence(article, question, intent.question or question, evidence)
        if isinstance(aged, TaskUpdate):
            yield aged
            return
        evidence = aged
    if unread and not intent.mention and not intent.skip and _figures(question) \
            and (is_yes_no(question) or not is_answerable(evidence)):
        # "is it true that 44 sailors are on board?": its words cannot be read, its number can
        yield _figure_check(article, question, intent.language, reply_in if reply_in in LANGUAGES else intent.language)
        return
    if not is_answerable(evidence):
        yield _unanswered(intent, language, strangers, notices, hub, unread and not (as_is and strangers), question)
        return
    absent = None if intent.skip or aged else missing_value(evidence, question)
    if strangers:
        notices += (Notice("not_mentioned_closest", {"items": ", ".join(strangers)}),)
    elif absent:
        notices += (Notice(f"no_{absent}_in_article"),)
    doubtful = bool(absent or strangers)  # no model: it would have to invent the answer
    engine = None if intent.extractive or doubtful else (yield from wait_for_engine(hub, "answer"))
    if engine is None:
        used = [s for s in with_list(article, with_quotation(article, best_sentences(evidence))) if s.index not in intent.skip]
        text, name, by_model = " ".join(s.text for s in used), "extractive", False
        if not (intent.extractive or doubtful):
            notices += (missing_notice(hub.settings.answer, hub.unavailable("answer")),)
    else:
        prompt, used = build_prompt(evidence, question, language, engine.count_tokens,
                                    min(hub.settings.answer.max_input_tokens, engine.max_input_tokens))
        text = yield from _generate(engine, hub, prompt, language, stream=not (translator and answer_across))
        name, by_model = engine.name, True
    translated = translator is not None and answer_across
    if translated:
        text = translate_sentences(translator, hub.settings.translate, [text], language, reply_in)[0]
        # A translated quote is the translator's text: shown as such, not as the quote itself.
        name, by_model = (translator.name if name == "extractive" else name), True
    if by_model:
        report = check_output(text, article, reply_in if translated else language)
        if not report.ok:
            text = report.mark(text)
            notices += (Notice("guard_flagged", {"items": ", ".join(report.unsupported)}),)
    yield TaskUpdate(text, name, done=True, evidence=tuple(used), notices=notices)


def _age_evidence(article: Article, question: str, asked: str, evidence: Sequence[Evidence]) -> list[Evidence] | TaskUpdate:
    """For a question asking someone's age: the best sentence that gives the age of the person
    it names (of anybody, among the sentences that answer it, when it names nobody), as the
    evidence; else the reply that only the headline gives it, or that the article does not."""
    names = list(dict.fromkeys(asked_names(asked) + asked_names(question)))
    ranked = find_evidence(article, question, k=len(article.sentences))
    if names:
        order = [e.sentence for e in ranked] + [s for s in article.sentences if s not in {e.sentence for e in ranked}]
    else:  # the sentences that answer the question, or the closest one ("Bà mất năm bao nhiêu tuổi?")
        order = [e.sentence for n, e in enumerate(ranked) if e.score >= MIN_SCORE or (n == 0 and e.score > 0)]
    found = age_sentences(order, names)
    if found:
        top = max([MIN_SCORE] + [e.score for e in evidence[:1]])
        return [Evidence(found[0], top)] + [Evidence(s, top / 2) for s in found[1:EVIDENCE_K]]
    if article.title and age_sentences([Sentence(article.title, -1, -1)], names):
        return TaskUpdate("", "", done=True, notices=(Notice("headline_answer", {"title": article.title}),))
    who = name_words(asked) or name_words(question)
    if who:
        return TaskUpdate("", "", done=True, notices=(Notice("age_not_given", {"who": " ".join(dict.fromkeys(who))}),))
    return TaskUpdate("", "", done=True, notices=(Notice("age_not_given_anyone"),))


# Words that name the story itself, not a thing in it: "Sự việc xảy ra khi nào?", "Vụ việc diễn
# ra ở đâu?", "Bài báo nói về ai?" (with and without marks).
_STORY_WORDS = frozenset("sự việc vụ chuyện kiện xảy ra diễn bài báo nói về viết đề cập này đó trên".split())
# "Vụ việc xảy ra ở nước nào / tỉnh nào?": the kind of place asked, no thing to search for.
_STORY_WORDS |= frozenset("ở tại nước quốc gia tỉnh thành phố nơi địa điểm".split())
_STORY_WORDS |= frozenset(strip_diacritics(w) for w in _STORY_WORDS)
# The same in English ("When did this happen?", "Where did it take place?", "Who is involved?",
# "Who is the article about?"): their answer is the same lead sentence, which needs no
# translation model to find, whatever the article's language.
_STORY_WORDS |= frozenset("this it that happen happened happens occur occurred take took taken place "
                          "involve involved involves people event incident story article news report piece about".split())


def _lead_answer(article: Article, question: str) -> Sentence | None:
    """For a question about the story as a whole ("Sự việc xảy ra khi nào?", "ở đâu?", "nói về
    ai?"), which names nothing to search for, the first sentence of the lead holding an answer
    of the asked kind (a time, a place, a person)."""
    if not _about_story(question):
        return None
    query = parse_question(question)
    return next((s for s in article.sentences[:LEAD_SENTENCES] if has_type(s.text, query)), None)


def _story_fallback(article: Article, question: str) -> Sentence | None:
    """For a where or when question no sentence answers ("tiền rơi ở đâu?" on a story headlined
    "Cơn 'mưa tiền' ... trút xuống đường cao tốc Đức" whose sentences never say "rơi"), the lead
    sentence ``_lead_answer`` gives "Sự việc xảy ra ở đâu?", when the question is about the story's
    main event: its first word (its subject) is in the headline, the words of it the article has
    stand in the headline or the lead, and it lacks one word at most, and no more than half its
    words. A question about something else (another article's) lacks more of its words, or shares
    them with the body only."""
    query = parse_question(question)
    if query.answer_type not in ("place", "time") or not article.title:
        return None
    accented = query.accented and article.written_with_marks  # marks count only where both have them
    bare = (lambda text: set(words(text))) if accented else (lambda text: {strip_diacritics(w) for w in words(text)})  # noqa: E731
    asked = {t if accented else strip_diacritics(t) for t in query.terms if isinstance(t, str)}
    headline = bare(article.title)
    lead = headline.union(*(bare(s.text) for s in article.sentences[:LEAD_SENTENCES]))
    said = asked & lead.union(*(bare(s.text) for s in article.sentences[LEAD_SENTENCES:]))
    subject = next((t if accented else strip_diacritics(t) for t in query.terms if isinstance(t, str)), None)
    if subject not in headline or not said <= lead or len(asked - said) > 1 or 2 * len(said) < len(asked):
        return None
    typed = [s for s in article.sentences[:LEAD_SENTENCES] if has_type(s.text, query)]
    return next((s for s in typed if asked & bare(s.text)), typed[0] if typed else None)


# "Bài báo nói về ai?", "nhân vật chính là ai?", "who is the article about?": whom the story is about.
_WHOM = re.compile(r"\b(?:noi|viet|de\s+cap|nhac|ke)\s+(?:ve|den|toi)\s+(?:nhung\s+)?(?:ai|nguoi\s+nao|nhan\s+vat\s+nao)\b"
                   r"|\bnhan\s+vat\s+chinh\b|\bwho\s+(?:is|are|'s)\s+(?:(?:this|the|it)\s+)?(?:(?:article|story|piece|news|report)\s+)?about\b"
                   r"|\bwho\s+(?:does|did)\s+(?:the|this|it)\s+(?:(?:article|story)\s+)?(?:talk|write|tell)\s+about\b")
_WHOM_WORDS = _STORY_WORDS | frozenset("nhân vật chính nhan vat chinh những nhung người nguoi main character characters "
                                        "people person does talk write tell".split())


def _asks_whom_story(question: str) -> bool:
    """Whether ``question`` asks whom the story is about, naming nobody in it."""
    if not _WHOM.search(strip_diacritics(question).lower()):
        return False
    return {t for t in parse_question(question).terms if isinstance(t, str)} <= _WHOM_WORDS


def _about_story(question: str) -> bool:
    """Whether ``question`` asks when, where or who of the story as a whole ("Sự việc xảy ra khi
    nào?", "where did it happen?", "who is involved?"), naming nothing in it."""
    query = parse_question(question)
    asked = [t for t in query.terms if isinstance(t, str)]
    return query.answer_type in ("time", "place", "person") and set(asked) <= _STORY_WORDS


# A figure as a question or an article writes it: "44", "12,000" / "12.000", "1.5" / "1,5", a
# date "21/11" (day first, as both write it here).
_FIGURE = re.compile(r"(?<![\d/])\d{1,2}/\d{1,2}(?:/\d{4})?(?![\d/])|\d+(?:[.,]\d+)*")
# Figures quoted at most for a question checked on its figures alone.
MAX_FIGURE_SENTENCES = EVIDENCE_K


def _figures(text: str, language: str = "en") -> dict[object, str]:
    """The figures ``text`` writes, by value, each as first written; read with ``language``'s
    separators (Vietnamese: "12.000" is twelve thousand and "1,5" one and a half; English the
    other way round), else with the other language's ("12.5" in a Vietnamese article). A date
    is its day and month ("21/11" and "21/11/2017" are one date)."""
    found: dict[object, str] = {}
    for raw in _FIGURE.findall(text):
        if "/" in raw:
            day, month = raw.split("/")[:2]
            found.setdefault((int(day), int(month)), raw)
            continue
        for thousands, decimal in ((".", ","), (",", ".")) if language == "vi" else ((",", "."), (".", ",")):
            t, d = re.escape(thousands), re.escape(decimal)
            if re.fullmatch(rf"\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?|\d+(?:{d}\d+)?", raw):
                found.setdefault(float(raw.replace(thousands, "").replace(decimal, ".")), raw)
                break
    return found


def _figure_check(article: Article, question: str, asked_in: str, language: str) -> TaskUpdate:
    """A question read without a translator that holds a figure ("is it true that 44 sailors are
    on board?"): only the figure can be matched, not the words around it, so the reply quotes the
    sentences that hold it and claims no verdict (or says that no sentence holds it). ``asked_in``:
    the question's language (how it writes figures); ``language``: the reply's."""
    asked = _figures(question, asked_in)
    held = [(s, asked.keys() & _figures(s.text, article.language).keys()) for s in article.sentences]
    holding = [(s, values) for s, values in held if values][:MAX_FIGURE_SENTENCES]
    found = set().union(*(values for _, values in holding))
    named = lambda values: ", ".join(asked[v] for v in asked if v in values)  # in the question's order
    if holding:
        absent = asked.keys() - found
        notices = (Notice("figure_not_in_article", {"figures": named(absent)}),) if absent else ()
        return TaskUpdate(reply("figure_in_article", language, figures=named(found)), "", done=True,
                          evidence=tuple(s for s, _ in holding), notices=notices)
    if article.title and asked.keys() & _figures(article.title, article.language).keys():
        return TaskUpdate(reply("figure_in_headline", language, figures=named(asked), title=article.title), "", done=True)
    return TaskUpdate(reply("figure_not_said", language, figures=named(asked)), "", done=True)


def _document_header(article: Article, question: str) -> Notice | None:
    """The reply from an official document's header to "ban hành ngày nào?", "ai ban hành?" or
    "số hiệu?", when the header has it (else the body may say; retrieval looks)."""
    field = about_document(question) if article.document else None
    if field == "number":  # the name holds the number ("Thông tư 12/2026/TT-BTC") when the header has one
        return Notice("document_number", {"document": article.document}) if any(c.isdigit() for c in article.document) else None
    known = {"date": article.date, "source": article.source}.get(field or "")
    return Notice(f"document_{field}", {"document": article.document, field: known}) if known else None


# Words of "đoạn 3 nói gì?" / "what does paragraph 3 say?" besides the question words.
_PART_WORDS = frozenset("đoạn doan paragraph para thứ thu nói noi viết viet đề cập de cap say says about quy định quy dinh "
                        "nội dung noi dung gồm gom những nhung article section chapter clause".split())


def _asks_only_for_part(question: str, intent: Intent) -> bool:
    """Whether ``question`` asks what the paragraph or part it names says, and nothing more
    specific ("đoạn 3 nói gì?", "Điều 8 quy định gì?", not "Điều 8 cho người dùng quyền gì?")."""
    named = {str(intent.paragraph)} if intent.paragraph is not None else set()
    if intent.section is not None:
        named |= set(words(intent.section.label)) | {strip_diacritics(w) for w in words(intent.section.label)}
        named |= {"khoản", "khoan", str(intent.section.clause)}
    asked = [t for t in parse_question(question).terms if isinstance(t, str)]
    return all(t in _PART_WORDS or t in named for t in asked)


def _strangers(article: Article, question: str, intent: Intent) -> tuple[str, ...]:
    """What the question names that the article never mentions: "Cầu Rồng dài bao nhiêu?" on an
    article about another bridge, whose closest sentences are about something else; for "bài có
    nhắc đến giá vàng không?" or "... sân bay Cần Thơ ...", the thing asked about unless one
    sentence has all its words ("giá" alone is no "giá vàng", nor "Cần Thơ" an airport). Not for
    "còn gì nữa?" (the question was answered already)."""
    if intent.skip:
        return ()
    query = parse_question(question)
    accented = query.accented and article.written_with_marks  # marks count only where both have them
    names = unmentioned(question, article, accented, topic=intent.mention)
    if names or not intent.mention:
        return names
    if all(w[:1].isupper() for w in question.split() if w[:1].isalpha() and w.lower() not in STOP_WORDS):
        return ()  # a name is checked as a name: "Sapa" is "Sa Pa", "Sài Gòn" "TP.HCM", "the United States" "Mỹ"
    # "sân bay Cần Thơ": Cần Thơ alone is no airport; one sentence must say every word of it
    # (or name it without spaces and marks: "sapa" for "Sa Pa").
    return () if _said_together(query.words, article, accented) or _naming(article, question) else (question,)


def _as_written(article: Article, thing: str) -> str:
    """``thing`` as the article writes it, when the user typed it otherwise: "long an" → "Long An",
    "hue" → "Huế", "Hồ Văn Thành" → "Hồ Văn Thạnh" (compared lowercase and without marks, which
    keeps every character in place), "Saigon" → "TP.HCM" (another name of it that the article
    uses): the answer names what the article says."""
    others = sorted(other_names(_squash(thing)), key=len, reverse=True)  # "tp hcm" over the "hcm" in it
    return next(filter(None, (_written(article, name) for name in (thing, *others))), thing)


def _written(article: Article, thing: str) -> str | None:
    """``thing`` spelled as the article has it; None when no sentence has it."""
    wanted = " ".join(strip_diacritics(thing).lower().split())
    if not wanted:
        return None
    pattern = re.compile(r"(?<!\w)" + r"\W+".join(map(re.escape, wanted.split())) + r"(?!\w)")
    for sentence in article.sentences:
        found = pattern.search(strip_diacritics(sentence.text).lower())
        if found:
            written = sentence.text[found.start():found.end()]
            # An article typed without marks: the user's marked spelling reads better ("lãi suất").
            return thing if strip_diacritics(written) == written and strip_diacritics(thing) != thing else written
    return None


def _naming(article: Article, thing: str, most: int = EVIDENCE_K - 1) -> tuple[Sentence, ...]:
    """The first sentences that name ``thing`` written another way ("Sa Pa" for "Sapa", "TP.HCM"
    for "Sài Gòn"): compared without marks, spaces and punctuation."""
    # Not a one-syllable name ("nhat" for Japan): inside squashed text it would match "nhất".
    names = {_squash(thing)} | {name.replace(" ", "") for name in other_names(_squash(thing))
                               if " " in name or not vietnamese_shaped(name)}
    return tuple(s for s in article.sentences if any(len(name) > 2 and name in _squash(s.text) for name in names))[:most]


def _squash(text: str) -> str:
    """Letters and digits only, lowercase and without marks: "TP. Hồ Chí Minh" → "tphochiminh"."""
    return re.sub(r"\W+", "", strip_diacritics(text.lower()))


def _said_together(phrase: Sequence[str], article: Article, accented: bool) -> bool:
    """Whether one sentence of the article has every syllable of ``phrase`` (compared without
    diacritics when the question was typed without them)."""
    plain = (lambda ws: set(ws)) if accented else (lambda ws: {strip_diacritics(w) for w in ws})
    wanted = plain(phrase)
    return any(wanted <= plain(words(s.text)) for s in article.sentences)


# Where and when something is, asked together ("diễn tập ở đâu, khi nào?"), is where and when it
# takes place: of the sentences giving both, one saying so ("... sẽ diễn ra tại vịnh Thái Lan ngày
# 2-6/9") over one that gives where and when it was proposed.
_TAKES_PLACE = re.compile(r"\b(?:diễn ra|xảy ra|tổ chức|khai mạc|tiến hành|take place|took place|held)\b", re.I)


def _evidence_for_each(article: Article, question: str, parts: list[str]) -> list[Evidence]:
    """Evidence for a question that asks two things: a sentence holding both kinds of answer asked
    for, when one that answers either part does ("diễn tập ở đâu, khi nào?" over "... diễn ra tại
    vịnh Thái Lan ngày 2-6/9"); else the best sentence of each part that the article answers, of
    the asked kind where one of its best is (unless one already chosen holds that kind of
    answer), first and ranked alike so both are quoted, then the rest for the whole question.
    The second part is about the first's names, or its subject, when it names nothing ("ông Lực
    bao nhiêu tuổi và nói gì?")."""
    first, second = parts
    names = " ".join(w for w in first.split()[1:] if w[:1].isupper())  # "ông Lực bao nhiêu tuổi" → "Lực"
    second = follow_up(second, names or first)
    queries = [parse_question(part) for part in (first, second)]
    holds = lambda e, query: has_type(e.sentence.text, query) and (not query.units or has_unit(e.sentence.text, query))  # noqa: E731
    found = [find_evidence(article, part, k=EVIDENCE_K + 2) for part in (first, second)]
    answered = [[e for e in f if e.score >= MIN_SCORE] for f in found]
    both: dict[int, list] = {}
    for f in answered:
        for e in f:
            if all(query.answer_type and holds(e, query) for query in queries):
                both.setdefault(e.sentence.index, [e.sentence, 0.0])[1] += e.score
    best: list[Evidence] = []
    if both:
        when_where = {q.answer_type for q in queries} == {"place", "time"} and not _TAKES_PLACE.search(question)
        sentence, score = max(both.values(), key=lambda v: (when_where and bool(_TAKES_PLACE.search(v[0].text)), v[1]))
        best.append(Evidence(sentence, score))
    for f, query in zip(answered, queries):
        if not f or best and any(holds(e, query) for e in best):
            continue  # "khi nào bão vào bờ và ở đâu?": the sentence that says when also says where
        pick = next((e for e in f if holds(e, query)), f[0]) if query.answer_type else f[0]
        if all(e.sentence.index != pick.sentence.index for e in best):
            best.append(pick)
    whole = find_evidence(article, question, k=EVIDENCE_K)
    if not best:
        return whole
    top = max(e.score for e in best)
    chosen = {e.sentence.index for e in best}
    # the rest rank below the answers to the parts: they are no second answer to quote with them
    rest = [Evidence(e.sentence, min(e.score, top) / 2) for e in whole if e.sentence.index not in chosen]
    return [Evidence(e.sentence, top) for e in best] + rest


def _checked_claim(article: Article, question: str, evidence: Sequence[Evidence],
                   language: str) -> tuple[str, tuple[Sentence, ...]] | None:
    """The verdict on a yes/no question's claim (``bot.claims.judge``) and the sentences it rests
    on: the best evidence is judged first, then the rest of the article, where the clause about
    what the question names may stand ("bà Thuý (46 tuổi" below "ông Anh (43 tuổi", then the
    headline, quoted in the reply. What the text a ✅ would rest on (or, with no verdict, the
    best evidence or the headline) only reports as an accusation is said to be one
    (``bot.claims_reported.reported``), and so is what the article's next sentences deny."""
    near = [e.sentence for e in evidence[:EVIDENCE_K]]
    order = near + [s for s in article.sentences if s not in near]
    judged = judge(question, [s.text for s in order], near=len(near), title=article.title)
    if judged is None or judged.verdict.matches:
        # no ✅, nor a bare quote, for what the article only reports as an accusation or a suspicion
        texts = near if judged is None else [order[i] for i in judged.rests_on]
        title = article.title if judged is None or judged.headline else None
        hedged = reported(question, [s.text for s in texts], title, whole=judged is None)
        if hedged:
            order, judged = texts, hedged
        contested = _contested(article, question, near if judged is None else
                               [] if judged.headline else [order[i] for i in judged.rests_on], judged is None)
        if contested:  # "Tuy nhiên, Nga đã phủ nhận cáo buộc này": no ✅, both quoted
            said, denial = contested
            order = [said, denial]
            judged = Judgement(dataclasses.replace(judged.verdict, reported=True) if judged
                               else Verdict(False, "", "", reported=True), (0, 1))
    if judged is None:
        return None
    verdict = judged.verdict
    key = verdict.key
    if judged.headline:
        key = {"claim_reported": "claim_reported_headline", "claim_matches": "claim_matches_headline"}.get(
            key, "claim_differs_headline")
    known = {"found": verdict.found, "claimed": verdict.claimed, "title": article.title,
             "number": verdict.other_number, "counted": verdict.other_counted, "context": verdict.said_else}
    text = reply(key, language, **{field: known[field] for field in _CLAIM_FIELDS[key]})
    return text, tuple(order[i] for i in judged.rests_on)


DENIAL_REACH = 2  # sentences after one that may deny it ("Tuy nhiên, Nga đã phủ nhận cáo buộc này.")


def _contested(article: Article, question: str, texts: Sequence[Sentence],
               loose: bool) -> tuple[Sentence, Sentence] | None:
    """The first of ``texts`` that says what a yes/no ``question`` asks (all its words, or where
    ``loose``, most of them and its names) and is denied by one of the sentences after it
    (``bot.claims_reported.denies``), with that denial."""
    for sentence in texts:
        if not says(question, sentence.text, whole=not loose):
            continue
        after = [s for s in article.sentences if sentence.index < s.index <= sentence.index + DENIAL_REACH]
        denial = next((s for s in after if denies(s.text)), None)
        if denial:
            return sentence, denial
    return None


# What each claim reply names: the figure found, the one claimed, the headline quoted.
_CLAIM_FIELDS = {"claim_matches": ("found",), "claim_differs": ("found", "claimed"), "claim_unsure": ("found", "claimed"),
                 "claim_differs_other": ("found", "claimed", "number", "counted"),
                 "claim_not_said_other": ("found", "claimed", "number", "counted"),
                 "claim_differs_said": ("found", "claimed", "number", "context"),
                 "claim_not_said_said": ("found", "claimed", "number", "context"),
                 "claim_reported": (), "claim_reported_headline": ("title",),
                 "claim_not_said": ("found", "claimed"), "claim_denied": (), "claim_confirmed": (),
                 "exists_yes": ("found",), "exists_no": ("found",),
                 "claim_matches_headline": ("found", "title"), "claim_differs_headline": ("found", "claimed", "title")}


def _unanswered(intent: Intent, language: str, strangers: tuple[str, ...], notices: tuple[Notice, ...],
                hub: ModelHub, unread: bool, question: str = "") -> TaskUpdate:
    """The reply when no sentence of the article answers the question."""
    if unread:  # not "the article does not say": we could not read the question in its language
        # "where did it happen?" when the lead names no place: not the article's silence either
        key = "story_not_in_lead" if _about_story(question) else "ask_in_article_language"
        return TaskUpdate("", "", done=True, notices=(Notice(key, {"language": language}),
                                                      missing_notice(hub.settings.translate, hub.unavailable("translate"))))
    why = Notice("not_mentioned", {"items": ", ".join(strangers)}) if strangers else Notice("not_in_article")
    return TaskUpdate("", "", done=True, notices=notices + (why,))


def _generate(engine: Engine, hub: ModelHub, prompt: str, language: str, stream: bool):
    """The model's answer; when ``stream``, yields the growing answer on the way."""
    ms = hub.settings.answer
    in_prefix, out_prefix = ms.prefix_for(language, language)
    answer = ""
    for answer in engine.stream(in_prefix + prompt, generation_config(ms, streamed=stream)):
        if stream:
            yield TaskUpdate(strip_prefix(answer, out_prefix), engine.name)
    return strip_prefix(answer, out_prefix)


def build_prompt(evidence: Sequence[Evidence], question: str, language: str, count, limit: int) -> tuple[str, list[Sentence]]:
    """The answer prompt and the sentences it quotes, fitted to ``limit`` tokens.

    The lowest-ranked evidence goes first; a single sentence still too long is cut to its
    first piece that fits. Quoted sentences keep article order, which reads more naturally.
    """
    ranked = [e.sentence for e in evidence]
    question = _fit_question(question, language, count, limit)
    for n in range(len(ranked), 0, -1):
        used = sorted(ranked[:n], key=lambda s: s.index)
        prompt = _render(used, question, language)
        if count(prompt) <= limit:
            return prompt, used
    best = ranked[0]
    room = max(1, limit - count(_render([], question, language)))
    first = fit_pieces(best.text, count, room)[0]
    return _render([Sentence(first, best.index, best.paragraph)], question, language), [best]


def _fit_question(question: str, language: str, count, limit: int) -> str:
    """A question so long that under a quarter of the limit is left for evidence keeps its start.

    Without this a long question pushed the evidence out and the engine then cut the prompt's
    end, so the model never saw the question at all.
    """
    room = limit - limit // 4 - count(_render([], "", language))
    if room < 1 or count(_render([], question, language)) <= limit - limit // 4:
        return question
    return fit_pieces(question, count, room)[0]


def _headline_answers(article: Article, question: str) -> bool:
    """Whether the headline answers ``question`` better than any sentence of the body: ranked among
    them, it comes first, clears the answer threshold and holds the kind of value asked for."""
    if not article.title:
        return False
    body = [[s.text for s in p.sentences] for p in article.paragraphs]
    titled = Article.from_paragraphs([[article.title], *body], language=article.language)
    found = find_evidence(titled, question, 1)
    return bool(found) and found[0].sentence.index == 0 and is_answerable(found) and not missing_value(found, question)


def _only_headline_counts(article: Article, question: str, evidence: Sequence[Evidence]) -> bool:
    """Whether only the headline gives the count a number question asks for (``counted``): "14 binh
    sĩ ... bị sát hại" headlined for "bao nhiêu binh sĩ bị giết?", while the sentences an answer
    would quote count nothing killed ("các binh sĩ bị sát hại là người Tanzania, quốc gia có hơn
    1.000 binh sĩ") and no sentence of the body says 14."""
    if not article.title or not is_answerable(evidence) or parse_question(question).answer_type != "number":
        return False
    headline = counted(article.title, question)
    if not headline or any(counted(s.text, question, one=True) for s in best_sentences(evidence)):
        return False
    return not any(headline & counted(s.text, question, one=True) for s in article.sentences)


def missing_value(evidence: Sequence[Evidence], question: str) -> str | None:
    """The kind of value the question asks for ("number", "time") when the best evidence holds none."""
    query = parse_question(question)
    if query.answer_type not in KINDS_THAT_NEED_A_VALUE:
        return None
    if any(has_type(s.text, query) or _NONE.search(s.text) for s in best_sentences(evidence)):
        return None  # a value, or none at all: "Không có người bị thương" answers "bao nhiêu người bị thương?"
    return query.answer_type


_NONE = re.compile(r"\b(?:không|chưa)\s+(?:có|ghi\s+nhận|xảy\s+ra)\b|\bkhông\s+ai\b|\b(?:no|none|nobody|no\s+one)\b", re.I)


def best_sentences(evidence: Sequence[Evidence]) -> list[Sentence]:
    """The best evidence sentence, plus a close second; in article order."""
    top = evidence[0].score
    close = [e.sentence for e in evidence[:2] if e.score >= CLOSE_SECOND * top]
    return sorted(close, key=lambda s: s.index)


def with_list(article: Article, sentences: Sequence[Sentence]) -> list[Sentence]:
    """``sentences`` with the list a sentence announces ("Kế hoạch gồm các giải pháp chính:")
    quoted after it: the next paragraph, where a pasted list or table stands (``bot.segment.flatten_markup``),
    up to ``MAX_LIST_ITEMS`` sentences."""
    out: list[Sentence] = []
    paragraphs = {p.index: p for p in article.paragraphs}  # by index: a part ("Điều 5") holds some paragraphs only
    for sentence in sentences:
        out.append(sentence)
        following = paragraphs.get(sentence.paragraph + 1)
        if sentence.text.rstrip().endswith(":") and sentence == paragraphs[sentence.paragraph].sentences[-1] and following:
            out.extend(following.sentences[:MAX_LIST_ITEMS])
    return sorted(dict.fromkeys(out), key=lambda s: s.index)


def with_quotation(article: Article, sentences: Sequence[Sentence]) -> list[Sentence]:
    """``sentences`` with the rest of each quotation one of them is a piece of, when it runs over
    at most ``MAX_QUOTE_SENTENCES`` (``bot.segment.quotation_runs``): a piece alone would open a quote
    it never closes, or close one with its speaker and no start. A longer one stays in pieces."""
    wanted = {s.paragraph for s in sentences}
    out = list(sentences)
    for paragraph in article.paragraphs:
        if paragraph.index not in wanted:
            continue
        for start, end in quotation_runs([s.text for s in paragraph.sentences]):
            run = paragraph.sentences[start : end + 1]
            if end - start < MAX_QUOTE_SENTENCES and any(s in sentences for s in run):
                out.extend(run)
    return sorted(dict.fromkeys(out), key=lambda s: s.index)


def _render(sentences: Sequence[Sentence], question: str, language: str) -> str:
    return render("answer", "question", language, evidence="\n".join(s.text for s in sentences), question=question)
