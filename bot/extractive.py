"""The offline summarizer: pick the article's most summary-like sentences, no weights needed.

Every body sentence is first trimmed of what a journalist's lead leaves out (dateline, source
lead-in, personal details and other parenthetical asides, closing attribution, opening framing
phrase; ``bot.compress``), but never of a headline word. Each then gets one score (``rate``)
from a few cheap signals: closeness to the title, centrality in the article, position, and
length/clutter penalties. ``select`` is the one selection routine (rate → best first, skipping
near-duplicates → within a syllable budget → article order), shared with ``bot.retrieve`` for
ranking (STYLE #2). A prose summary opens with the headline when it states something the chosen
sentences do not already say (``headline_statement``, ``opening``).

The weights were fitted once by ridge regression (λ = 3) against the journalist-written lead
of 100 VietNews dev articles, then rounded. The target is each sentence's ROUGE-1+2 as a share
of the best sentence's in the same article: ``select`` only ever compares sentences of one
article, and the raw score let the easy articles (every sentence overlaps the lead) dominate
the fit. Against the raw score the same signals give R1 34.6 / R2 19.1 at 38.1 syllables and,
refitted on 4/5 of the articles, 34.0 / 18.6 on the other fifth (5 folds × 5 shuffles); the
share target gives 35.1 / 19.4 at 38.8 syllables, and 34.8 / 19.1 refitted on 4/5 (34.8 / 19.2
with 2 folds, 35.0 / 19.3 with 10). ``python -m bot.eval summarize PATH --fit --folds K``
repeats that fit and refit (``bot.eval_summarize.fit_weights``); ``--folds K`` alone
cross-validates the rounded weights' scaling (34.5 / 19.0, was 33.9 / 18.6). Those figures are
for the chosen sentences alone; opened with the headline (``opening``), the summary scores 37.3 /
21.0 at 50.1 syllables (cross-validated 37.1 / 20.8).
"""
from __future__ import annotations

import dataclasses
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

from bot.article import Article, Sentence
from bot.compress import compress
from bot.intent import Length
from bot.lexicon import OUTLET_NAMES, SECTION_RANKS, SMALL_NUMBERS
from bot.segment import quotation_runs
from bot.textstats import STOP_WORDS, is_shouted, ngrams, opens_with_reference, syllables

# Signal → weight. Title closeness and centrality dominate: a news lead restates the headline
# and the story's most repeated facts; position comes next (the lead is usually early), and the
# refit left the title's syllable pairs and paragraph starts almost nothing once title words,
# title cosine and position are in (ridge 0.7 and 0.3; 88 of the 100 dev articles are one
# paragraph, so paragraph starts are barely measured there and are kept at 0, not dropped).
# Continuous length priors, idf-weighted centrality, similarity to the first three sentences,
# paragraph index, a first-sentence flag, anaphoric or first-person openings and opening quotes
# were each tried on top, refitted the same way: none raised the held-out R1+R2 by more than
# 0.1, and the length priors lowered it by 0.6-0.75.
WEIGHTS = {
    "title_words": 15.0,    # share of the title's content syllables the sentence repeats
    "title_bigrams": 1.0,   # share of the title's syllable pairs it repeats
    "title_cosine": 17.0,   # idf-weighted cosine with the title
    "centrality": 22.0,     # cosine with the rest of the article
    "position": 9.0,        # 1 / (1 + sentence index)
    "paragraph_start": 0.0, # first sentence of its paragraph
    "fragment": -5.0,       # under 10 syllables: subheadings, captions, "Ảnh: ..."
    "rambling": -1.0,       # over 50 syllables: hard to read as a summary
}
# Syllables per summary for each requested length. The dev leads average about 35 syllables
# and ROUGE F1 falls once a second sentence is added to a full first one, so NORMAL adds a
# second sentence only when both are short (chosen by 2- and 5-fold cross-validation on the
# VietNews dev set over 30/40/45; see ``bot.eval_summarize``).
BUDGETS = {Length.SHORT: 30, Length.NORMAL: 30, Length.DETAILED: 110}
MAX_SENTENCES = {Length.SHORT: 1, Length.NORMAL: 2, Length.DETAILED: 5}
# In a short or normal summary, the sentences after the first must rate at least this share of the
# best one: a short low-rated line ("Đơn vị: triệu đồng/lượng", a half-time score) would otherwise
# fill the syllables the first left over (found by a user test). Tried 0.25, 0.35 and 0.5 on
# summarization-dev (`python -m bot.eval summarize ... --folds 5 --fit`): without it R1/R2 37.3/21.0
# at 50.1 syllables, cross-validated 37.1/20.8; at 0.35 37.4/21.1 at 49.7, cross-validated
# 37.5/21.1 (0.5: 37.4/20.9, cross-validated 36.6/20.4). tests/fixtures/eval/sum-own.jsonl:
# 50.9/35.3 → 50.8/35.3.
FILLER_SHARE = 0.35
# A detailed summary may also fill this share of the article's syllables. With 110 syllables
# alone, an article written in 50-90-syllable sentences (official news such as
# ../shared/examples) got one sentence, the same as a normal summary.
DETAILED_SHARE = 0.35
# A headline shorter than this is a label ("Thời sự", "Video"), not a statement.
MIN_HEADLINE_SYLLABLES = 5
# Page furniture around a headline: "[Infographic] ", "(Video) ", " (ảnh)", "Video: ", and the
# site's name after " | " or after " - " when it is a known outlet (" - VnExpress"; "Hà Nội - Lào
# Cai" is a route).
_LEADING_TAG = re.compile(r"^[\[(][^\])]{1,25}[\])]\s*")
_MEDIA_TAG = re.compile(r"\s*\((?:ảnh|video|clip|infographic|photo|audio|podcast|trực tiếp)\)\s*$", re.I)
_LABEL = re.compile(r"^(?:video|clip|infographic|ảnh|photo|podcast|trực tiếp|nóng|tin nóng|emagazine|live|breaking)\s*:\s*", re.I)
_SITE_NAME = re.compile(r"\s+\|\s+[^|]{2,40}$|\s+[-–—]\s+(?:báo\s+)?(?:" + OUTLET_NAMES + r")\s*$", re.I)
# A headline that asks or teases: "Vì sao ...", "... là gì", "Sự thật đằng sau ...", "... cần biết".
_ASKS_OR_TEASES = re.compile(
    r"\b(?:(?:vì|tại|làm|ra)\s+sao|gì|bao\s+nhiêu|liệu\s+(?:có|rằng)|có\s+phải|sự\s+thật|cần\s+biết|nên\s+biết|"
    r"ai\s+cũng|gây\s+sốc|ngỡ\s+ngàng|không\s+thể\s+tin|bí\s+mật|bí\s+quyết|hé\s+lộ|những\s+điều)\b", re.I)
# A body sentence that repeats this share of the headline's syllable pairs and denies it ("chưa
# có kế hoạch", "là tin đồn") says the headline is wrong; a plain "không" ("không gây thương
# vong") denies nothing.
_DENIAL = re.compile(r"\b(?:(?:chưa|không)\s+có\s+kế\s+hoạch|bác\s+bỏ|tin\s+đồn|(?:sai|không\s+đúng)\s+sự\s+thật|"
                     r"phủ\s+nhận|thông\s+tin\s+sai|denied|denies|rumou?rs?|no\s+plans?)\b", re.I)
DENIED_OVERLAP = 0.4
# A candidate sharing more than this share of its syllable pairs with a chosen sentence adds
# nothing new (Carbonell & Goldstein 1998, MMR, with a hard cut instead of a trade-off).
REDUNDANCY = 0.5

Rate = Callable[[Sentence], float]


@dataclass(frozen=True)
class Budget:
    """How much ``select`` may keep: at most ``sentences`` sentences and ``syllables`` syllables.

    The syllable cap never empties a selection: the best sentence is kept even when it alone
    is longer, unless the cap is ``strict`` (a word limit the user set). ``floor``: the share of the best sentence's rating the others must reach
    (``FILLER_SHARE`` for the short and normal lengths; a detailed summary keeps what it finds).
    """

    sentences: int
    syllables: int | None = None
    floor: float | None = None
    strict: bool = False   # the syllable cap holds for the best sentence too: nothing may come back


def select(sentences: Sequence[Sentence], rate: Rate, budget: Budget) -> list[Sentence]:
    """The best sentences by ``rate`` within ``budget``, in article order; near-duplicates are
    skipped, and so is a sentence that opens by referring back ("Đây là lần tăng thứ ba ...")
    unless the one before it is chosen: alone it leaves the reader asking what "đây" is. With a
    ``budget.floor``, a sentence rated under that share of the best one is left out too."""
    chosen: list[Sentence] = []
    chosen_pairs: list[set] = []
    used = 0
    ranked = rank(sentences, rate)
    floor = budget.floor * rate(ranked[0]) if ranked and budget.floor is not None else None
    for sentence in ranked:
        if len(chosen) >= budget.sentences:
            break
        if sentence.index and _dangles(sentence) and not any(c.index == sentence.index - 1 for c in chosen):
            continue  # (the article's first sentence points back at nothing: "Tôi là giáo viên ...")
        tokens = syllables(sentence.text)
        if (chosen or budget.strict) and budget.syllables is not None and used + len(tokens) > budget.syllables:
            continue
        if chosen and floor is not None and rate(sentence) < floor:
            continue
        pairs = set(ngrams(tokens, 2))
        if any(_overlap(pairs, other) > REDUNDANCY for other in chosen_pairs):
            continue
        chosen.append(sentence)
        chosen_pairs.append(pairs)
        used += len(tokens)
    if not chosen and ranked and not budget.strict:
        chosen = [min(ranked, key=lambda s: s.index)]  # every sentence points back: the first one, where it starts
    return sorted(chosen, key=lambda s: s.index)


# An opening that refers to the sentence before: "Đây là ...", "Điều này ...", "Con số này ...",
# "Khi đó ..." (a condition the sentence before sets), "Từ đó, ..." / "Bởi vậy, ..." (a conclusion
# from it; "Vì vậy", "Sau đó" are cut off the sentence instead, ``bot.compress``), "Ông cũng ..." (not "Ông Lê Văn Hùng ...":
# a title before a name refers to no one), "Chúng tôi ..." (a speaker the sentence before names).
_REFERS_BACK = re.compile(r"^(?:đây|đó|điều này|việc này|chuyện này|khi đó|khi ấy|nó|họ|ông|bà|chúng tôi|tôi"
                          r"|từ đó|do vậy|bởi vậy"
                          r"|(?:con số|số|mức|điều|việc|vụ|trường hợp|(?:những|các) [^\W\d_]+) (?:này|đó|ấy|trên)"
                          r"|this|these|it|he|she|they|we)\b", re.I)


def _dangles(sentence: Sentence) -> bool:
    return opens_with_reference(sentence.text, _REFERS_BACK)


# A quotation the splitter cut into sentences (``bot.segment.quotation_runs``) is one summary
# candidate, its speaker and all, when it is at most this long; a longer one is left out: each
# piece alone opens a quote it never closes, or closes one with no start (found by a user test).
MAX_QUOTE_SENTENCES = 3
MAX_QUOTE_SYLLABLES = 60


def quotes_whole(article: Article) -> list[Sentence]:
    """``article``'s sentences, each quotation of several sentences joined into one (its first
    sentence's ``index``) or, past ``MAX_QUOTE_SENTENCES`` or ``MAX_QUOTE_SYLLABLES``, left out."""
    out: list[Sentence] = []
    for paragraph in article.paragraphs:
        sentences = paragraph.sentences
        runs = dict(quotation_runs([s.text for s in sentences]))
        i = 0
        while i < len(sentences):
            end = runs.get(i, i)
            text = " ".join(s.text for s in sentences[i : end + 1])
            if end == i:
                out.append(sentences[i])
            elif end - i < MAX_QUOTE_SENTENCES and len(syllables(text)) <= MAX_QUOTE_SYLLABLES:
                out.append(dataclasses.replace(sentences[i], text=text))
            i = end + 1
    return out


def rank(sentences: Sequence[Sentence], rate: Rate) -> list[Sentence]:
    """Sentences best first; ties go to the earlier sentence."""
    return sorted(sentences, key=lambda s: (-rate(s), s.index))


def summarize_extractive(
    article: Article,
    max_sentences: int | None = None,
    length: Length = Length.NORMAL,
    max_syllables: int | None = None,
    strict: bool = False,
) -> list[Sentence]:
    """The summary sentences of ``article`` in article order.

    ``length`` sets the sentence and syllable budget; ``max_sentences`` overrides the sentence
    count (and then lifts the syllable cap unless ``max_syllables`` is given). Returned sentences
    keep their ``index`` and ``paragraph`` but may be trimmed of a dateline, a source lead-in,
    asides in parentheses, a closing attribution or an opening framing phrase
    (``bot.compress``), never of a headline word. A quotation the splitter cut into sentences is
    one of them, or none (``quotes_whole``). ``strict``: ``max_syllables`` holds for every
    sentence, the best one too (none may come back), as a word limit the user set must.
    """
    size = sum(len(syllables(s.text)) for s in article.sentences)
    budget = budget_for(length, max_sentences, max_syllables, size)
    return choose(candidates(article), dataclasses.replace(budget, strict=strict and max_syllables is not None))


@dataclass(frozen=True)
class Candidates:
    """An article's trimmed body sentences and each one's summary signals, computed once so
    that several weightings can be tried on the same article (``bot.eval_summarize``), and its
    headline as a statement that may open the summary (``headline_statement``)."""

    sentences: tuple[Sentence, ...]
    signals: tuple[dict[str, float], ...]
    headline: str | None = None


def candidates(article: Article) -> Candidates:
    keep = headline_words(article)
    # Vietnamese typed without diacritics is trimmed by the same rules, read without marks.
    unmarked = article.language == "vi" and not article.written_with_marks
    sentences = tuple(trim_sentence(s, keep, unmarked) for s in _body(article, quotes_whole(article) or article.sentences))
    return Candidates(sentences, tuple(_signals(article, sentences)), article_headline(article))


def article_headline(article: Article) -> str | None:
    """``article``'s headline as a statement to open its summary with (``headline_statement``)."""
    return headline_statement(article.title, [s.text for s in article.sentences])


def headline_statement(title: str | None, body: Sequence[str] = ()) -> str | None:
    """The headline as a sentence that can open a summary, or None when it states nothing.

    A news headline is the story's gist in the fewest words, and a journalist's lead restates
    it. Left out: a label ("Video: ...", "[Infographic] ..."), the site's name ("... - VnExpress",
    "... | Báo Thanh Niên"), a question after a colon ("... : Liệu có đúng luật?"); a place or a
    speaker before a colon stays ("Hà Nội: ...", "Ông Hùng: ..."). A headline that asks ("?",
    "vì sao", "gì"), teases ("...", "cần biết"), shouts (capitals: its names cannot be told from
    its words), is under ``MIN_HEADLINE_SYLLABLES``, or that a sentence of the ``body`` denies
    ("Hà Nội chưa có kế hoạch cấm xe máy ...") states nothing to open with.
    """
    text = _LABEL.sub("", _SITE_NAME.sub("", _MEDIA_TAG.sub("", _LEADING_TAG.sub("", (title or "").strip())))).strip()
    head, colon, tail = text.partition(":")
    if colon and tail.strip().endswith("?"):
        text = head.strip()
    if (not text or text.endswith(("?", "...", "…")) or len(syllables(text)) < MIN_HEADLINE_SYLLABLES
            or _ASKS_OR_TEASES.search(text) or is_shouted(text)):
        return None
    pairs = set(ngrams(syllables(text), 2))
    if not _DENIAL.search(text) and any(_DENIAL.search(sentence) and _overlap(pairs, set(ngrams(syllables(sentence), 2))) >= DENIED_OVERLAP
           for sentence in body):
        return None
    return text if text.endswith((".", "!")) else text + "."


def opening(headline: str | None, chosen: Sequence[Sentence]) -> list[str]:
    """The summary's texts: ``headline`` first, unless the chosen sentences already say it (they
    share more than ``REDUNDANCY`` of its syllable pairs), then the chosen sentences."""
    texts = [s.text for s in chosen]
    if headline:
        pairs = set(ngrams(syllables(headline), 2))
        said = set(ngrams([t for text in texts for t in syllables(text)], 2))
        if _overlap(pairs, said) <= REDUNDANCY or leaves_out_figures(headline, texts):
            texts.insert(0, headline)
    return texts


_FIGURE = re.compile(r"(?<![\d/])\d+(?:[.,]\d+)*(?![\d/])")  # a count or an amount, not a date's "19/5"
_SPELLED = {str(n): w for w, n in SMALL_NUMBERS.items()}
# A count the headline spells out ("tấn công hai tàu dầu", "Hai binh sĩ ..."): a number word before
# a word in lower case (not "Ba Lan", "Thứ Hai"); not "một" (also "a") nor "năm" (also "year").
_SPELLED_COUNT = re.compile(r"(?<![Tt]hứ )\b(" + "|".join(w for w in SMALL_NUMBERS if w not in ("một", "năm"))
                            + r")\s+(\w)", re.I)


def leaves_out_figures(headline: str, texts: Sequence[str]) -> bool:
    """Whether the headline gives a figure the chosen sentences do not ("14 binh sĩ ... bị sát
    hại" over a sentence on where the soldiers came from): the news itself, however many words
    they share. "4" is said by "bốn"."""
    said = " ".join(texts)
    numbers = set(_FIGURE.findall(said))
    words = set(syllables(said))
    figures = _FIGURE.findall(headline) + [str(SMALL_NUMBERS[w.lower()]) for w, after in _SPELLED_COUNT.findall(headline)
                                           if after.islower()]
    return any(f not in numbers and _SPELLED.get(f) not in words for f in figures)


def ranked_candidates(article: Article) -> list[Sentence]:
    """Every summary candidate of ``article`` (trimmed, ``candidates``), best first: what "còn gì
    nữa?" goes on with once the longest summary was shown."""
    found = candidates(article)
    scores = {s.index: _score(f, WEIGHTS) for s, f in zip(found.sentences, found.signals)}
    return rank(found.sentences, lambda s: scores[s.index])


def choose(found: Candidates, budget: Budget, weights: Mapping[str, float] = WEIGHTS) -> list[Sentence]:
    """The best of ``found`` by the ``weights``-weighted signals, within ``budget``."""
    scores = {s.index: _score(f, weights) for s, f in zip(found.sentences, found.signals)}
    return select(found.sentences, lambda s: scores[s.index], budget)


def budget_for(length: Length = Length.NORMAL, max_sentences: int | None = None,
               max_syllables: int | None = None, article_syllables: int = 0) -> Budget:
    """The budget a request asks for: a sentence count, or else the ``length`` defaults (for
    ``DETAILED``, at least ``DETAILED_SHARE`` of an article of ``article_syllables``)."""
    if max_sentences is not None:
        return Budget(max(1, max_sentences), max_syllables)
    if max_syllables is None and length is Length.DETAILED:
        return Budget(MAX_SENTENCES[length], max(BUDGETS[length], round(DETAILED_SHARE * article_syllables)))
    floor = None if length is Length.DETAILED else FILLER_SHARE
    return Budget(MAX_SENTENCES[length], max_syllables or BUDGETS[length], floor)


def trim_sentence(sentence: Sentence, keep: frozenset[str] = frozenset(), unmarked: bool = False) -> Sentence:
    """``sentence`` without its list number, source lead-in, dateline, parenthetical asides,
    closing attribution and framing phrase, unless a cut would take a syllable of ``keep`` (``bot.compress``;
    ``unmarked``: typed without diacritics); index and paragraph unchanged."""
    text = compress(_undecorated(_LIST_MARKER.sub("", sentence.text)), keep=keep, unmarked=unmarked)
    return sentence if text == sentence.text else dataclasses.replace(sentence, text=text)


def _undecorated(text: str) -> str:
    """``text`` without emoji and the hashtags that close it (a social post's "... Hoàng Su Phì 😢
    #tinnong"): a summary states the news."""
    bare = _HASHTAGS_AT_END.sub(r"\1", _EMOJI.sub(" ", text))
    return " ".join(bare.split()) if bare != text else text


_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+")
_HASHTAGS_AT_END = re.compile(r"(?:\s*#\w+)+\s*([.!?…]*)\s*$")
# "1. ", "a) " before an item of a list: out of its list, a summary point's number means nothing.
_LIST_MARKER = re.compile(r"^(?:\d{1,2}|[a-zđ])[.)]\s+(?=\S)")


def headline_words(article: Article) -> frozenset[str]:
    """The title's content syllables: a phrase that names one is part of the gist, not framing."""
    return frozenset(t for t in syllables(article.title or "") if t not in STOP_WORDS)


def _body(article: Article, sentences: Sequence[Sentence]) -> list[Sentence]:
    """Of ``sentences``, those worth summarizing: not the title repeated, not empty of words, and not a
    question the article asks (an interviewer's, or a rhetorical one), a section's heading or
    the announcement of a list: what follows is the point (unless the article has nothing else)."""
    title = syllables(article.title or "")
    body = [s for s in sentences if (tokens := syllables(s.text)) and tokens != title
            and not _IN_PHOTO.search(s.text)]
    # Not ``asks``: an answer may quote an announcement ("... như sau:"), with its list after it.
    labels = _labels(article)
    return [s for s in body if not asks(s.text) and not _ANNOUNCES.search(s.text) and s.index not in labels] or body


# A line this short with no sentence end, alone in its paragraph, is a subheading or a label over
# the text ("Vũ khí Nga - Đối thủ đừng đùa với lửa", "Điện Kremlin tuyên bố sẵn sàng đáp trả"):
# it names what follows, and is no statement of the story (found by a user test).
MAX_LABEL_WORDS = 12


# A headline over several news items: "Tin nóng thế giới ngày 19/5: ...", "Điểm tin sáng 3/4", "Bản
# tin 24h", "Tin tức giải trí trong ngày", "News roundup".
ROUNDUP_HEADLINE = re.compile(
    r"^\W*(?:(?:điểm|bản|tổng hợp)\s+tin|tin\s+(?:nóng|tức|vắn|nhanh|chính|nổi bật|sáng|trưa|chiều|tối|thế giới|"
    r"quốc tế|trong nước|thể thao|kinh tế|tổng hợp|24h|mới)|thời sự\s+(?:sáng|trưa|chiều|tối)|"
    r"news\s+(?:roundup|in brief|briefing)|(?:morning|evening|daily|world)\s+(?:briefing|news))\b", re.I)


def _labels(article: Article) -> set[int]:
    """The indices of ``article``'s subheadings and labels (``MAX_LABEL_WORDS``), when it has
    other paragraphs for them to head; not in a news roundup, whose items' own headlines are its
    points."""
    if len(article.paragraphs) < 2 or ROUNDUP_HEADLINE.search(article.title or ""):
        return set()
    return {p.sentences[0].index for p in article.paragraphs
            if len(p.sentences) == 1 and is_label(p.sentences[0].text)}


def is_label(text: str) -> bool:
    """Whether a line reads as a heading, not a sentence: short, with no sentence end."""
    text = text.strip()
    return 0 < len(text.split()) <= MAX_LABEL_WORDS and not text.rstrip(" \"'”’»)").endswith((".", "!", "?", "…", ":", ";"))


# Where someone stands in a photo ("Sebastian (ngoài cùng bên phải) chụp ảnh cùng anh chị",
# "(thứ hai từ trái)", "(từ trái sang phải)"): a caption, even glued to the text it captions.
_IN_PHOTO = re.compile(r"\((?:ngoài cùng |đứng |ngồi )?(?:bên |phía )?(?:trái|phải|giữa)\)"
                       r"|\((?:người )?thứ \w+ từ (?:trái|phải)(?: sang)?\)|\(từ trái (?:sang|qua) phải\)", re.I)


def asks(text: str) -> bool:
    """Whether a sentence of an article is a question ("Ông dự báo giá vàng ra sao?"), an
    interviewer's turn, or a numbered section heading ("VII. Mục tiêu năm 2025", "4. Quyền của chủ thể dữ liệu"): it
    names what comes next, and the sentences after it are the point."""
    return text.rstrip(" \"'”’»)").endswith("?") or bool(_HEADING.match(text) or _INTERVIEWER.match(text))


# An interviewer's turn, a question or not ("PV: Xin cảm ơn ông!"): the answers are the point.
_INTERVIEWER = re.compile(r"^(?:PV|P\.V|Phóng viên|Hỏi|Q)\s*:", re.I)
# A sentence that announces what follows ("... thông báo như sau:", "Dưới đây là 5 điểm mới ...",
# "Kế hoạch gồm các giải pháp chính:"): the items after it are the point.
_ANNOUNCES = re.compile(r"(?::|\bnhư sau\s*[.:]?)\s*$|^(?:Dưới đây là|Sau đây là|Below are|Here are)\b", re.I)


# A numbered heading: a numeral (or "Điều 8", "Chương II"), a dot or bracket, a short title with
# no sentence end.
_HEADING = re.compile(r"^(?:(?:" + "|".join(SECTION_RANKS) + r")\s+)?(?:[IVXLC]{1,5}|\d{1,3})[.):]\s+[^.!?…]{1,80}$")


def _signals(article: Article, sentences: Sequence[Sentence]) -> list[dict[str, float]]:
    tokens = [syllables(s.text) for s in sentences]
    title = syllables(article.title or "")
    title_words = {t for t in title if t not in STOP_WORDS}
    title_pairs = set(ngrams(title, 2))
    idf = _idf(tokens)
    title_vector = {w: idf.get(w, 1.0) for w in title_words}
    bags = [Counter(t for t in toks if t not in STOP_WORDS) for toks in tokens]
    whole = sum(bags, Counter())
    paragraph_starts = {p.sentences[0].index for p in article.paragraphs if p.sentences}
    signals = []
    for sentence, toks, bag in zip(sentences, tokens, bags):
        weighted = {w: n * idf.get(w, 1.0) for w, n in bag.items()}
        signals.append({
            "title_words": len(title_words & bag.keys()) / len(title_words) if title_words else 0.0,
            "title_bigrams": len(title_pairs & set(ngrams(toks, 2))) / len(title_pairs) if title_pairs else 0.0,
            "title_cosine": _cosine(weighted, title_vector),
            "centrality": _cosine(bag, whole - bag),
            "position": 1.0 / (1 + sentence.index),
            "paragraph_start": float(sentence.index in paragraph_starts),
            "fragment": float(len(toks) < 10),
            "rambling": float(len(toks) > 50),
        })
    return signals


def _score(signals: dict[str, float], weights: Mapping[str, float]) -> float:
    return sum(weights[name] * value for name, value in signals.items())


def _idf(tokens: Sequence[Sequence[str]]) -> dict[str, float]:
    """Inverse sentence frequency within the article (no outside corpus is at hand offline)."""
    df = Counter(w for toks in tokens for w in set(toks))
    n = len(tokens)
    return {w: math.log((n + 1) / (count + 0.5)) for w, count in df.items()}


def _cosine(a: dict, b: dict) -> float:
    dot = sum(v * b.get(k, 0.0) for k, v in a.items())
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _overlap(pairs: set, other: set) -> float:
    return len(pairs & other) / len(pairs) if pairs else 1.0
