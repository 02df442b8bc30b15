"""Read a question: what to search for, and what kind of answer it expects.

Question words ("ai", "bao nhiêu", "khi nào", ...) carry no topic, so they leave the query and
become an expected answer type; ``bot.answer_type.has_type`` then tells whether a sentence
holds something of that kind that the question does not already name. The nouns around the
question word make the type precise: "thành phố nào" asks for a place, "lý do ... là gì" for a
reason. Nouns that only name the kind of thing asked for ("vấn đề" in "khách phàn nàn về vấn
đề gì?", "yếu tố", "đặc điểm") leave the query too: the answer instantiates them and seldom
repeats them. Syllables are compared in one spelling (``bot.orthography``).
Used by ``bot.retrieve``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer

from bot.answer_type import has_type
from bot.orthography import words
from bot.language import detect_language
from bot.textstats import ENGLISH_STOP_WORDS, STOP_WORDS, VIETNAMESE_STOP_WORDS, ngrams, strip_diacritics

__all__ = ["Query", "about_article", "english_terms", "existence_predicate", "has_type", "parse_question", "terms"]

# Question phrase → expected answer type. Longer phrases are matched first, so "năm nào"
# wins over "nào". A question typed without diacritics is matched on the unaccented forms.
_QUESTION_WORDS = {
    "bao nhiêu": "number", "mấy": "number", "how many": "number", "how much": "number",
    "bao lâu": "number", "how long": "number",  # a duration: "3 giờ", "hai tuần"
    "khi nào": "time", "năm nào": "time", "bao giờ": "time", "lúc nào": "time", "mấy giờ": "time",
    "bao nhiêu phần trăm": "percent", "mấy phần trăm": "percent", "what percent": "percent",
    "what percentage": "percent", "by how much": "number",
    "thời gian nào": "time", "thời điểm nào": "time", "when": "time", "what year": "time",
    "ai": "person", "who": "person", "whom": "person",
    "ở đâu": "place", "nơi nào": "place", "đi đâu": "place", "where": "place",
    "từ đâu": "thing", "lấy ở đâu": "thing",  # "vốn từ đâu?" asks for a source, seldom a place
    "tại sao": "reason", "vì sao": "reason", "do đâu": "reason", "why": "reason",
    # what someone said: answered by a quotation or a reported statement ("..., ông Hải cho biết")
    "nói gì": "speech", "nói những gì": "speech", "đã nói gì": "speech", "phát biểu gì": "speech",
    "cho biết gì": "speech", "chia sẻ gì": "speech", "khẳng định gì": "speech", "nhấn mạnh gì": "speech",
    "như thế nào": "manner", "thế nào": "manner", "ra sao": "manner", "how": "manner",
    # what happened to someone: "bé bị sao?", "nhân viên đó bị làm sao?" ("bị kẹt tay", "bị bắt gặp ...")
    "bị sao": "suffered", "bị làm sao": "suffered", "bị gì": "suffered",
    "là gì": "thing", "điều gì": "thing", "gì": "thing", "nào": "thing", "what": "thing", "which": "thing",
    # typed without the apostrophe
    "whats": "thing", "whos": "person", "wheres": "place", "hows": "manner",
    # typed fast
    "wat": "thing", "wut": "thing", "wht": "thing", "wen": "time", "hw": "manner",
}
# "<noun> nào" asks for one of the noun's kind: "thành phố nào" a place, "thế kỷ nào" a time.
_HEAD_NOUNS = {
    "thành phố": "place", "nước": "place", "quốc gia": "place", "tỉnh": "place", "vùng": "place",
    "khu vực": "place", "địa điểm": "place", "châu lục": "place",
    "thế kỷ": "time", "thập niên": "time", "ngày": "time", "tháng": "time", "thời kỳ": "time",
    "người": "person", "nhà khoa học": "person", "nhân vật": "person",
}
# Nouns that say what a "gì"/"nào" question wants: "lý do ... là gì?" asks for a reason.
# A thing's role or function is what it is for: "Enzyme có vai trò gì?" is answered by "...
# enzyme để phân giải tinh bột" (a purpose; qa-dev hit@3 90.3 → 91.4, without diacritics 89.2 →
# 90.3, cross-validated 89.2 → 90.3: one question; qa-own unchanged). "Hậu quả / hệ quả ... là
# gì?" asks what something caused (``bot.answer_type``: "khiến", "dẫn đến", "góp phần"); not
# "kết quả": a match's is its score, an inspection's what it found. qa-dev and qa-own unchanged in
# sample; qa-dev cross-validated 79.6 / 90.5 → 81.9 / 90.3, as folds that weigh ``answer_type``
# more now rank the consequence first.
_ASKED_NOUNS = {
    "lý do": "reason", "nguyên nhân": "reason", "mục đích": "purpose", "mục tiêu": "purpose",
    "vai trò": "purpose", "chức năng": "purpose", "tác dụng": "purpose", "công dụng": "purpose",
    "hậu quả": "consequence", "hệ quả": "consequence", "tác hại": "consequence",
}
# Nouns that name the kind of thing asked for, not its topic: "Khách phàn nàn về vấn đề gì ở
# bến phà?" is answered by "Khách phàn nàn vì phải chờ phà quá lâu", without "vấn đề"; "Yếu tố
# nào khiến giá lúa tăng?" by a sentence naming the factors.
# They leave the query like question words (unless nothing else is left to search). Measured
# on qa-dev (`python -m bot.eval ask --folds 5`): hit@1 77.4 → 78.5, hit@3 88.2 → 90.3;
# cross-validated 76.1 → 77.2 and 88.0 → 90.1; without diacritics 69.9 → 71.0, 86.0 → 88.2.
# Thin evidence: 26 dev questions hold such a noun, the change moves 2 of them (none for the
# worse), and the list was written while reading the dev failures, so expect less elsewhere.
# "điều" is not listed: alone it would split "điều kiện", "điều hành"; "điều gì" is a question
# phrase above instead.
_CATEGORY_NOUNS = (
    "vấn đề", "yếu tố", "đặc điểm", "đặc trưng", "tính chất", "vai trò", "nội dung", "ý nghĩa",
    "nguồn gốc", "nguyên nhân", "lý do", "hậu quả", "kết quả", "tác dụng", "lợi ích", "mục đích",
    "mục tiêu", "khả năng", "phương pháp", "cách thức", "hình thức", "lĩnh vực", "bộ phận", "địa điểm",
    "tên gọi",
)
# Plural markers ask for several things when they lead the asked noun phrase: "những loại
# nào", "các nước nào", "Những ... là gì?"; "gồm" does before any question word ("bao gồm
# lĩnh vực gì"). Such a question is answered by an enumeration. Unaccented forms included.
_PLURAL = frozenset({"những", "các", "nhung", "cac"})
_INCLUDES = frozenset({"gồm", "gom"})
_PLURAL_REACH = 4  # syllables from the marker to "nào": "những loại cây ăn quả nào"
# Share of a question's syllables that must carry diacritics for it to be read as typed with
# them; else it is read wholly unaccented. The qa-dev questions, all typed with diacritics, have
# 53-100% (names carry none). Read as accented, a question typed mostly without them ("đoàn kiem
# tra yeu cau gi", 17%) would expect exact matches its bare syllables cannot give, and its "gi"
# would not be taken for "gì".
MIN_ACCENTED_SHARE = 0.4
# English is matched on word stems ("starts" finds "start", "critics" "critic"; Snowball's
# English stemmer), and its function words make no pairs: "is the mayor" must not ask for a
# sentence holding "the mayor". Reporting verbs are function words in news too, as "nói" and
# "cho biết" are in Vietnamese ("What did critics say?" is about the critics); "say" is a
# Vietnamese syllable, so this list serves English text only.
_ENGLISH_STEMMER = snowballstemmer.stemmer("english")
_ENGLISH_STOP_WORDS = STOP_WORDS | {"say", "says", "said", "tell", "tells", "told", "does", "doing", "done",
                                     # an honorific the article may leave out: "What did Mr Huy say?"
                                     "mr", "mrs", "ms", "dr", "miss", "sir"}
# A number asked about money is followed by a currency in its answer; one asked about a length,
# by a unit of length (``units_of``). Unaccented, as the question may be typed.
_MONEY_WORDS = frozenset("tien gia phi ton phat luong von".split())
_CURRENCIES = frozenset("đồng usd đô euro yên tệ won bảng".split())
_NOT_UNITS = frozenset("la thi duoc da co vao trong cua nua the nao".split())  # "là bao nhiêu?": no unit follows
_DURATIONS = ("bao lau", "how long")
# A yes/no question's frame (``_yes_no_frame``). Unaccented, a closing "a" may be a name ("Nguyen Van A").
_YES_NO_PAIRS = frozenset({("co", "phai"), ("phai", "khong"), ("dung", "khong")})
_CLOSING_PARTICLES = frozenset("không chưa à hả nhỉ chứ".split())
_BARE_CLOSING_PARTICLES = frozenset("khong chua ha nhi".split())
_OR = frozenset({"hay", "hoac"})  # "... hay không?", "... hoặc chưa?": the closing's "or"
_SCORE_WORDS = re.compile(r"\b(?:ti so|score)\b")  # "tỷ số" folds to "tỉ số"; "tỉ lệ" is a rate
_MATCH_TIMES = frozenset({"phut", "giay", "hiep", "thu", "minute"})  # "phút mấy", "phút thứ mấy": a time, not the score
_LENGTH_WORDS = frozenset("dai cao rong sau xa".split())
_LENGTH_UNITS = frozenset("km m mét cm mm kilômét cây ha dặm mi".split())
# Irregular past forms news writes and a question asks in the present ("exports rose" for
# "did exports rise?"): the stemmer leaves them apart.
_IRREGULAR = {
    past: verb for verb, forms in {
        "rise": "rose risen", "fall": "fell fallen", "grow": "grew grown", "win": "won", "lose": "lost",
        "pay": "paid", "sell": "sold", "buy": "bought", "make": "made", "take": "took taken", "give": "gave given",
        "begin": "began begun", "spend": "spent", "build": "built", "leave": "left", "meet": "met", "lead": "led",
        "go": "went gone", "come": "came", "see": "saw seen", "find": "found", "hold": "held", "keep": "kept",
        "bring": "brought", "become": "became", "strike": "struck", "fight": "fought", "run": "ran",
        "drive": "drove driven", "fly": "flew flown", "send": "sent", "set": "set", "cut": "cut", "hit": "hit",
        "shut": "shut", "sink": "sank sunk", "break": "broke broken", "choose": "chose chosen", "steal": "stole stolen",
    }.items() for past in forms.split()
}
# Typed without marks, "may" is "mấy" (how many) only where a question word stands: before what it
# counts ("may nguoi", "may gio", "gap may lan") or after an ordinal ("lan thu may", "ngay may").
# It is the "máy" / "may" of a compound after a noun it belongs to ("nha may" a factory, "tho may"
# a tailor, "khong may" unluckily; not "co": "co may mon" is "có mấy môn") or before the rest of
# one ("may bay", "may man", "may mac"), and counts nothing before a function word ("nha may o
# dau", "may nay cua ai"). ``_asks_how_many`` applies the lists.
_ORDINALS = frozenset("thu hang so tang lop phut hiep ngay thang".split())
_MAY_COMPOUNDS_BEFORE = frozenset("nha tho bo khong rui chay dam long".split())
_MAY_COMPOUNDS_AFTER = frozenset("bay moc tinh anh cay xuc chu lanh in bom phat no giat quay ui keo khoan man mac va rui "
                                 "do mu may".split())
_COUNTS_NOTHING = frozenset("o la thi duoc da co vao trong cua nua the nao nay kia ay do dau gi ai khong chua".split())
_LONGEST_PHRASE = max(len(k.split()) for k in _QUESTION_WORDS)
# A question typed without marks is searched without the unaccented forms of the stop words. Of
# English's, only in an English question: in a Vietnamese one "be" is "bé", "so" "số", "an" "ăn"
# ("be bi sao" asks what happened to the child).
BARE_STOP_WORDS = _BARE_STOP_WORDS = frozenset(strip_diacritics(w) for w in VIETNAMESE_STOP_WORDS)


def _bare_stop_words(question: str) -> frozenset:
    """The stop words of ``question`` read without marks: Vietnamese ones, and English ones too
    when it reads as English ("who is ..." on a Vietnamese article)."""
    return _BARE_STOP_WORDS | ENGLISH_STOP_WORDS if detect_language(question) == "en" else _BARE_STOP_WORDS


def _table(mapping: dict, bare: bool) -> dict:
    """``mapping`` keyed by folded syllable tuples, unaccented when ``bare``."""
    return {tuple(strip_diacritics(w) if bare else w for w in words(k)): v for k, v in mapping.items()}


_TABLES = {bare: tuple(_table(m, bare) for m in (_QUESTION_WORDS, _HEAD_NOUNS, _ASKED_NOUNS))
           for bare in (False, True)}
_CATEGORY_TABLES = {bare: _table(dict.fromkeys(_CATEGORY_NOUNS, "category"), bare) for bare in (False, True)}


@dataclass(frozen=True)
class Query:
    """A question reduced to what is searched.

    ``terms``/``stripped_terms``: content syllables and syllable pairs, plain and unaccented;
    ``answer_type``: what the question word asks for; ``words``: the kept syllables, in order
    (unaccented when the question is read as typed without diacritics); ``asked``: every
    syllable of the question, so an answer can be told from an echo of the question;
    ``accented``: whether at least ``MIN_ACCENTED_SHARE`` of its syllables carry diacritics
    (else every syllable is read unaccented); ``listing``: whether it asks for several things;
    ``units``: for a number, the words that may follow it in the answer ("bao nhiêu hộ dân" →
    "hộ"; "bao nhiêu tiền" → "đồng", "USD", ...; ``units_of``); ``optional``: terms a sentence
    may match but need not, as the question means the same without them (``_optional``).
    """

    terms: tuple
    stripped_terms: tuple
    answer_type: str | None
    words: tuple = ()
    asked: frozenset = frozenset()
    accented: bool = True
    listing: bool = False
    units: frozenset = frozenset()
    optional: frozenset = frozenset()


def terms(tokens: list[str], stop_words: frozenset = STOP_WORDS) -> list:
    """Content syllables plus syllable pairs (pairs keep stop words: "người dân", "bao giờ")."""
    return _search_terms(tokens, set(), stop_words)


@lru_cache(maxsize=1024)  # one turn reads its question several times (follow-up, checks, retrieval)
def parse_question(question: str, language: str = "vi") -> Query:
    """Drop the question words of ``question`` and note the answer type they ask for; an
    English question (``language`` "en", an English article's) is searched by word stems."""
    typed = words(question)
    bare = [strip_diacritics(t) for t in typed]
    marked = sum(t != b for t, b in zip(typed, bare))
    accented = bool(typed) and marked >= MIN_ACCENTED_SHARE * len(typed)
    tokens = typed if accented else bare
    # Unaccented matching only for unaccented questions: "máy" must not be taken for "mấy".
    phrases, heads, nouns = _TABLES[not accented]
    spans = _question_spans(tokens, phrases)
    if not accented:  # "nha may o dau": a factory, no "mấy"
        spans = [span for span in spans if tokens[span[0]] != "may" or _asks_how_many(tokens, span[0])]
    dropped = {i for start, end, _ in spans for i in range(start, end)}
    if language != "en":
        dropped |= _yes_no_frame(tokens)
        someone = _someone(tokens)
        if someone:  # "Có ai bị thương không?": a yes/no question; its "ai" asks for nobody by name
            spans = [span for span in spans if not set(range(*span[:2])) & someone]
            dropped |= someone
    # Unaccented, "nam" may be "năm" (a stop word) or a name: "ong Nam la ai" asks about Nam.
    names = {strip_diacritics(w).lower() for w in re.findall(r"\w+", question)[1:] if w[:1].isupper()}
    stop = STOP_WORDS if accented else _bare_stop_words(question) - names
    # No pair spans a dropped question word: "có bao nhiêu vận động" gives no ("có", "vận").
    if language == "en":
        exact = english_terms(tokens, dropped)
    else:
        exact = _search_terms(tokens, dropped | _category_positions(tokens, accented), stop) \
            or _search_terms(tokens, dropped, stop)  # "Có vai trò gì?": keep "vai trò"
    # Stop words are judged on the accented form: "nam" (south) is no stop word, "năm" is.
    stripped = [strip_diacritics(t) if isinstance(t, str) else tuple(map(strip_diacritics, t)) for t in exact]
    kept = tuple(t for seg in _segments(tokens, dropped) for t in seg)
    kind = _answer_type(tokens, spans, heads, nouns)
    listing = _asks_for_several(tokens, spans)
    asked = frozenset(typed) | frozenset(bare)
    units = units_of(tokens, spans) if kind == "number" else frozenset()
    optional = _optional(tokens, exact) if language != "en" else frozenset()
    return Query(tuple(exact), tuple(stripped), kind, kept, asked, accented, listing, units, optional)


# Questions about the article itself, not its story: when it was published, where it is from.
# Answered from the date and source lines the paste carried (``Article.date``, ``Article.source``).
_ABOUT_ARTICLE = {
    "date": re.compile(
        r"\b(?:bai(?:\s+(?:bao|viet|nay|do))*|tin(?:\s+nay)?)\s+(?:duoc\s+)?(?:dang|xuat\s+ban|dang\s+tai|viet|dua)"
        r"(?:\s+(?:tai|len))?\s+(?:ngay|luc|khi|vao|nam|thang|bao\s+gio|hom)\b|\bngay\s+dang\s+(?:bai|tin)\b"
        r"|\b(?:bai|tin)(?:\s+(?:bao|nay))*\s+ra\s+(?:hom|ngay|luc)\s+nao\b"
        r"|\bwhen\s+(?:was|is)\s+(?:this|the|it)\s*(?:article|story|piece|report|news)?\s*(?:published|written|posted|from)\b"
        r"|\bwhat\s+(?:date|day)\s+(?:was|is)\s+(?:this|the|it)\s*(?:article|story|piece|report|news)?\s*(?:published|written|posted)\b"
        r"|\b(?:publication|publishing)\s+date\b|\bdate\s+of\s+(?:this|the)\s+(?:article|story)\b"
        r"|^what(?:\s+is|\s+s|s)?\s+(?:the|its)\s+date$"),
    "source": re.compile(
        r"\bnguon\s+(?:cua\s+)?bai(?:\s+(?:bao|viet|nay))*\s+(?:la|o|tu)\b|^nguon\s+tin\s+(?:tu|o)\s+dau$"
        r"|\b(?:bai|tin)(?:\s+(?:bao|viet|nay))*\s+(?:cua|tren|tu|lay\s+tu)\s+(?:bao|trang|nguon)\s+(?:nao|gi)\b"
        r"|\b(?:bao|trang)\s+nao\s+(?:dang|viet|dua)\s+(?:bai|tin)\b"
        r"|\b(?:bai|tin)(?:\s+(?:bao|viet|nay|do))*\s+(?:duoc\s+)?(?:dang(?:\s+tai)?|xuat\s+ban|dua)\s+(?:o|tren|tai|len)\s+"
        r"(?:bao|trang|website|kenh)\s+(?:nao|gi)\b"
        r"|\b(?:source|origin)\s+of\s+(?:this|the)\s+(?:article|story|news)\b|\bwhere\s+(?:is|was)\s+(?:this|the)\s+(?:article|story)\s+from\b"
        r"|\bwhich\s+(?:newspaper|paper|site|website|outlet)\s+(?:is|was)\s+(?:this|the|it)\b"
        r"|^what(?:\s+is|\s+s|s)?\s+(?:the|its)\s+source$"
        r"|^nguon(?:\s+(?:bai|tin)(?:\s+(?:bao|viet|nay))*)?(?:\s+(?:la\s+)?(?:gi|dau|nao|o\s+dau|tu\s+dau))?$|^source$"),
    "author": re.compile(
        r"\b(?:ai|nguoi\s+nao|phong\s+vien\s+nao)\s+(?:da\s+)?viet\s+(?:bai|tin)\b|\bbai(?:\s+(?:bao|viet|nay))*\s+(?:cua|do)\s+ai"
        r"(?:\s+viet)?\b|^tac\s+gia(?:\s+(?:cua\s+)?(?:bai|tin)(?:\s+(?:bao|viet|nay))*)?(?:\s+la)?(?:\s+(?:ai|gi))?$"
        r"|\bwho\s+(?:wrote|is\s+the\s+author\s+of)\s+(?:this|the|it)\b|^(?:who\s+is\s+)?the\s+author$|^author$"),
}


def about_article(question: str) -> str | None:
    """"date", "source" or "author" when ``question`` asks about the article itself ("bài đăng
    ngày nào?", "nguồn bài báo là gì?", "ai viết bài này?", "When was this article published?"),
    else None."""
    return _field_asked(question, _ABOUT_ARTICLE)


# Questions about an official document's header, asked of a pasted decree or circular: when it
# was issued, by whom, its number. Only for a document (``Article.document``): of a news story,
# "nghị định ban hành ngày nào?" asks about the decree the story reports, which its sentences say.
_ABOUT_DOCUMENT = {
    "date": re.compile(
        r"\bban\s+hanh\s+(?:vao\s+)?(?:ngay|khi|luc|nam|thang|bao\s+gio|hom)\b|\bngay\s+ban\s+hanh\b"
        r"|\b(?:duoc\s+)?ky\s+(?:vao\s+)?(?:ngay|khi|luc|hom)\s+nao\b|\bngay\s+ky\b"
        r"|\bwhen\s+(?:was|is)\s+(?:it|this|the)\b.*\b(?:issued|signed|adopted)\b|\b(?:issue|issuing|signing)\s+date\b"
        r"|\bdate\s+of\s+issue\b"),
    "source": re.compile(
        r"\b(?:ai|co\s+quan\s+nao|bo\s+nao|noi\s+nao|don\s+vi\s+nao|cap\s+nao)\s+(?:da\s+)?ban\s+hanh\b"
        r"|\bban\s+hanh\s+boi\s+(?:ai|co\s+quan\s+nao|bo\s+nao)\b|\bdo\s+(?:ai|co\s+quan\s+nao|bo\s+nao)\s+ban\s+hanh\b"
        r"|\bco\s+quan\s+ban\s+hanh\b|\bwho\s+issued\b|\bissued\s+by\s+(?:whom|who)\b|\bissuing\s+(?:body|authority)\b"),
    "number": re.compile(
        r"\bso\s+hieu\b|\bso\s+(?:cua\s+)?(?:van\s+ban|thong\s+tu|nghi\s+dinh|quyet\s+dinh|cong\s+van|nghi\s+quyet"
        r"|chi\s+thi|ke\s+hoach|thong\s+bao)(?:\s+(?:nay|do))?\s+(?:la\s+)?(?:gi|bao\s+nhieu|may)\b"
        r"|\b(?:document|decree|circular|decision|its)\s+number\b|\bnumber\s+of\s+(?:the|this)\s+(?:document|decree|circular|decision)\b"),
}


def about_document(question: str) -> str | None:
    """"date", "source" or "number" when ``question`` asks what an official document's header
    says ("thông tư ban hành ngày nào?", "cơ quan nào ban hành?", "số hiệu văn bản?"), else None."""
    return _field_asked(question, _ABOUT_DOCUMENT)


def _field_asked(question: str, patterns: dict[str, re.Pattern]) -> str | None:
    """The first field whose pattern matches ``question``'s words, unmarked."""
    plain = " ".join(strip_diacritics(w) for w in words(question))
    return next((field for field, pattern in patterns.items() if pattern.search(plain)), None)


def units_of(tokens: list[str], spans: list) -> frozenset:
    """What a number asked for is counted in: the noun after "bao nhiêu" / "mấy" ("bao nhiêu hộ
    dân" → "hộ", "mấy người" → "người"); a currency when the question is about money ("bao nhiêu
    tiền", "giá bao nhiêu", "bị phạt bao nhiêu"); a length for "dài / cao / xa bao nhiêu"."""
    start, end, _ = spans[0]
    bare = [strip_diacritics(t) for t in tokens]
    if " ".join(bare[start:end]) in _DURATIONS:
        return frozenset()  # "kẹt xe bao lâu", "how long did it last": no counted noun follows
    after = [t for t in tokens[end : end + 2] if strip_diacritics(t) not in _NOT_UNITS]
    around = set(bare[max(0, start - 3) : end + 2])
    units = set(after[:1])
    if around & _MONEY_WORDS:
        units |= _CURRENCIES
    if around & _LENGTH_WORDS:
        units |= _LENGTH_UNITS
    return frozenset(units)


def english_terms(tokens: list[str], dropped: set[int] | frozenset[int] = frozenset()) -> list:
    """Stems of the content words of English ``tokens``, plus pairs of adjacent content words,
    within the runs between ``dropped`` positions."""
    stems, pairs = [], []
    for segment in _segments(tokens, dropped):
        run = [None if t in _ENGLISH_STOP_WORDS else _ENGLISH_STEMMER.stemWord(_IRREGULAR.get(t, t)) for t in segment]
        stems += [s for s in run if s]
        pairs += [(a, b) for a, b in zip(run, run[1:]) if a and b]
    return stems + pairs


def _asks_how_many(bare: list[str], i: int) -> bool:
    """Whether the unaccented "may" at ``i`` is the question word "mấy" (``_ORDINALS`` and the
    compound lists above): after an ordinal, or before a word it may count that makes no compound."""
    before = bare[i - 1] if i else ""
    after = bare[i + 1] if i + 1 < len(bare) else ""
    if after in _MAY_COMPOUNDS_AFTER:
        return False
    if before in _ORDINALS:
        return True
    return bool(after) and before not in _MAY_COMPOUNDS_BEFORE and after not in _COUNTS_NOTHING


def _category_positions(tokens: list[str], accented: bool) -> set[int]:
    """Where ``tokens`` hold a noun that only names the asked kind (``_CATEGORY_NOUNS``)."""
    spans = _question_spans(tokens, _CATEGORY_TABLES[not accented])
    return {i for start, end, _ in spans for i in range(start, end)}


def _search_terms(tokens: list[str], dropped: set[int], stop: frozenset) -> list:
    """Content syllables and syllable pairs of the runs between ``dropped`` positions."""
    segments = _segments(tokens, dropped)
    return [t for seg in segments for t in seg if t not in stop] + [p for seg in segments for p in ngrams(seg, 2)]


def _question_spans(keys: list[str], phrases: dict) -> list[tuple[int, int, str]]:
    """(start, end, kind) of each question phrase, longest match first, left to right."""
    spans, i = [], 0
    while i < len(keys):
        for size in range(min(_LONGEST_PHRASE, len(keys) - i), 0, -1):
            kind = phrases.get(tuple(keys[i : i + size]))
            if kind:
                spans.append((i, i + size, kind))
                i += size
                break
        else:
            i += 1
    return spans


def _answer_type(tokens: list[str], spans: list, heads: dict, nouns: dict) -> str | None:
    """The first question phrase's kind, made precise by the nouns around it.

    "<noun> nào" takes the noun's kind ("thành phố nào" a place) and any other "nào" asks for
    a named thing ("entity"); a "gì"/"nào" question about a "lý do" or a "mục đích" asks for a
    reason or a purpose.
    """
    if not spans:
        return None
    start, end, kind = spans[0]
    timed = start and strip_diacritics(tokens[start - 1]) in _MATCH_TIMES  # "bàn mở tỷ số ở phút mấy?"
    if kind in ("number", "manner", "thing") and not timed and _SCORE_WORDS.search(" ".join(map(strip_diacritics, tokens))):
        return "score"  # "tỷ số bao nhiêu?", "tỷ số thế nào?", "what was the score?"
    if kind != "thing":
        return kind
    which = strip_diacritics(tokens[end - 1]) == "nao"
    if which:
        for size in (3, 2, 1):
            head = heads.get(tuple(tokens[start - size : start])) if start >= size else None
            if head:
                return head
    for noun, asked in nouns.items():
        if any(tuple(tokens[i : i + len(noun)]) == noun for i in range(len(tokens))):
            return asked
    return "entity" if which else kind


def _asks_for_several(tokens: list[str], spans: list) -> bool:
    """Whether the question asks for a list: "những <noun> nào", "Những <noun> ... là gì",
    "bao gồm ... gì"."""
    if not spans:
        return False
    start, end, _ = spans[0]
    before = tokens[:start]
    if _INCLUDES & set(before):
        return True
    phrase = tuple(strip_diacritics(t) for t in tokens[start:end])
    which, copula = phrase == ("nao",), phrase == ("la", "gi")  # not "khi nào", "năm nào"
    return bool((which and _PLURAL & set(before[-_PLURAL_REACH:]))
                or ((which or copula) and before and before[0] in _PLURAL))


# Where a question asking two things joins them: "ông Lực bao nhiêu tuổi và nói gì?".
_JOINS = re.compile(r"\s*,?\s+(?:và|rồi|còn|and)\s+|\s*[,;]\s+", re.I)


def question_parts(question: str) -> list[str]:
    """A question that asks two things ("ông Lực bao nhiêu tuổi và nói gì?", "ai thắng, tỉ số bao
    nhiêu?") as its two questions, each with a question word of its own; else the question alone.
    "Hà Nội và TP.HCM có bao nhiêu ca?" asks one thing."""
    for join in _JOINS.finditer(question):
        left, right = question[: join.start()].strip(), question[join.end():].strip()
        if left and right and parse_question(left).answer_type and parse_question(right).answer_type:
            return [left.rstrip("?") + "?", right]
    return [question]


_ENGLISH_YES_NO = re.compile(r"^(?:is|was|are|were|did|does|do|has|have|had|can|could|will|would|is\s+it\s+true)\b", re.I)


def is_yes_no(question: str) -> bool:
    """Whether ``question`` asks yes or no ("có đúng là ... không?", "... phải không?", "Did ...?")
    rather than for a who, what, when or how many."""
    if _ENGLISH_YES_NO.match(question.strip()):
        return True
    tokens = [strip_diacritics(t) for t in words(question)]
    return bool(_yes_no_frame(tokens)) and parse_question(question).answer_type is None


# Words a question may hold or leave out and mean the same, whose terms count when a sentence
# matches them and never against one that does not (``Query.optional``): "phải" (must) before a
# verb, as "taxi phải trả bao nhiêu?" asks what "taxi trả bao nhiêu?" asks and the answer seldom
# repeats it ("... 30.000 đồng đối với taxi"); not "bên phải", "tay phải" (the right side), nor the
# yes/no frame ("có phải", "phải không"). On qa-dev, judged answerable 96.8% → 97.8% (qa-own 91.7%
# → 93.3%), put to the wrong article unchanged, hit@1/hit@3 unchanged. (Counting no pair of two
# stop words either, "là người" in "ai là người bị bắt?", let more questions pass on the wrong
# article: 5.1% → 5.9% answerable there without a caveat.) And the cleft "là người" after "ai":
# "ai là người bị bắt?" asks what "ai bị bắt?" asks ("ai là người" as a question phrase dropped
# the pair "người đầu tiên" a qa-dev answer holds: hit@1 80.6 → 79.6).
_MODALS = frozenset({"phai"})
_SIDES = frozenset({"ben", "tay", "phia", "chan", "mat", "trai", "co"})


def _optional(tokens: list[str], exact: list) -> frozenset:
    """The terms of ``exact`` (and their unaccented forms) a sentence need not match (``_MODALS``)."""
    bare = [strip_diacritics(t) for t in tokens]
    modals = {tokens[i] for i, b in enumerate(bare) if b in _MODALS and i + 1 < len(bare) and bare[i + 1] != "khong"
              and not (i and bare[i - 1] in _SIDES)}
    cleft = {pair for i in range(len(bare) - 2) if bare[i : i + 3] == ["ai", "la", "nguoi"]
             for pair in ((tokens[i + 1], tokens[i + 2]), tuple(tokens[i + 2 : i + 4]))}
    pointing = {tokens[i] for i in _demonstratives(tokens)}  # "nhân viên đó bị sao?": "viên đó", "đó bị"
    optional = {t for t in exact if (t in modals if isinstance(t, str) else set(t) & (modals | pointing) or t in cleft)}
    return frozenset(optional | {strip_diacritics(t) if isinstance(t, str) else tuple(map(strip_diacritics, t))
                                 for t in optional})


# An existence question: "Có ai bị thương không?", "Có người nào bị bắt không?", "Có nạn nhân nào
# tử vong không?". "có" then "ai", or a noun of one or two syllables and "nào", in a yes/no frame.
_SOMEONE_REACH = 2  # syllables of the noun before "nào": "có hành khách nào"
_PEOPLE_WORDS = frozenset({"nguoi"})  # "người nào" is "ai": no word to search for


def _someone(tokens: list[str]) -> set[int]:
    """Where an existence question's "có ai" / "có <noun> nào" stands (its question word, "có" and
    a bare "người"); empty for any other question."""
    bare = [strip_diacritics(t) for t in tokens]
    closing = len(bare) >= 3 and (tokens[-1] in _CLOSING_PARTICLES or bare[-1] in _BARE_CLOSING_PARTICLES)
    if not closing:
        return set()
    for i, word in enumerate(bare[:-2]):
        if word != "co":
            continue
        if bare[i + 1] == "ai":
            return {i, i + 1}
        which = next((k for k in range(i + 2, min(i + 2 + _SOMEONE_REACH, len(bare) - 1)) if bare[k] == "nao"), None)
        if which is not None:
            return {i, which} | {k for k in range(i + 1, which) if bare[k] in _PEOPLE_WORDS}
    return set()


def existence_predicate(question: str) -> str | None:
    """What an existence question asks anyone did or suffered: "bị thương" of "Có ai bị thương
    không?", "nạn nhân tử vong" of "Có nạn nhân nào tử vong không?"; None for any other question."""
    typed = words(question)
    someone = _someone(typed)
    if not someone:
        return None
    frame = _yes_no_frame(typed)
    rest = [t for i, t in enumerate(typed) if i > min(someone) and i not in someone | frame]
    return " ".join(rest) or None


# A demonstrative after a noun points back to what the chat named ("nhân viên đó", "cô gái ấy"): the
# article names the employee without it, so its pairs ("viên đó", "đó bị") count where a sentence
# has them and never against one that does not (``_optional``). Not "này": "loài chim này" is how
# the article itself refers back, and its pairs are evidence (made optional too: qa-own
# wrong-article plain answers 6.3% → 6.7%; left out of the query: hit@1 68.3 → 66.7).
_DEMONSTRATIVES = frozenset("đó ấy kia nọ ay".split())


def _demonstratives(tokens: list[str]) -> set[int]:
    """Where a demonstrative stands right after a word that is no stop word ("nhân viên đó")."""
    return {i for i in range(1, len(tokens)) if tokens[i] in _DEMONSTRATIVES
            and tokens[i - 1] not in STOP_WORDS and strip_diacritics(tokens[i - 1]) not in _BARE_STOP_WORDS}


def _yes_no_frame(tokens: list[str]) -> set[int]:
    """Where a yes/no question's frame stands, which no answer repeats: "có phải", "phải không",
    "đúng không", and a closing particle ("... có phải đi tù không?", "... xong chưa?")."""
    bare = [strip_diacritics(t) for t in tokens]
    frame = {i + k for i in range(len(bare) - 1) if (bare[i], bare[i + 1]) in _YES_NO_PAIRS for k in (0, 1)}
    if len(bare) >= 3 and (tokens[-1] in _CLOSING_PARTICLES or bare[-1] in _BARE_CLOSING_PARTICLES):
        frame.add(len(bare) - 1)
        if bare[-2] in _OR:  # "... hay không?"
            frame.add(len(bare) - 2)
    return frame


def _segments(tokens: list[str], dropped: set[int]) -> list[list[str]]:
    """The runs of ``tokens`` between dropped positions."""
    segments: list[list[str]] = [[]]
    for i, token in enumerate(tokens):
        if i in dropped:
            segments.append([])
        else:
            segments[-1].append(token)
    return [s for s in segments if s]
