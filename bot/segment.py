"""Clean pasted text and cut it into paragraphs and sentences, Vietnamese first.

Pasted web text is messy: NFD accents from macOS, zero-width joiners from CMS editors, CRLF,
non-breaking spaces, one paragraph per line. Vietnamese news sentences are full of periods
that do not end anything ("TP. HCM", "PGS.TS", "1.000", "25/11/2024", "v.v."), so a naive
``split(". ")`` cuts names and numbers apart. The rules here are deliberately small: a
boundary is terminal punctuation, then whitespace, then something that can start a sentence,
unless the word before is an abbreviation or an initial, or the boundary is inside a quotation.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Sequence

from bot.lexicon import SECTION_RANKS

# Invisible characters that only get in the way: zero-width space/joiners, BOM, word joiner,
# soft hyphen, and the bidi controls (LRM, RLM, embeddings, isolates) some CMSs sprinkle in.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069]")
_LINE_SEPARATORS = re.compile("\r\n|\r|[\u2028\u2029\x0b\x0c\x85]")
_SPACES = re.compile(r"[^\S\n]+")  # any whitespace but newline: tabs, NBSP, thin spaces, ...

# Words that end with a period but do not end a sentence. Compared case-sensitively on the
# last dot-separated part of the word ("PGS.TS" → "TS", "Th.S" → "S").
ABBREVIATIONS = frozenset(
    {
        "TP", "Tp", "TX", "TS", "PGS", "GS", "ThS", "Th", "BS", "KS", "CN", "LS", "NXB", "Q", "P",
        "Mr", "Mrs", "Ms", "Dr", "St", "No", "Jr", "Sr", "Prof", "Gen", "Gov", "Sen", "Rep", "Lt",
        "Col", "Capt", "Sgt", "vs", "Vol", "Fig", "tr", "Tr", "Nxb", "Ts",
        "TT", "Ths", "KTS", "NCS",  # thị trấn ("TT. Phú Mỹ"), thạc sĩ, kiến trúc sư, nghiên cứu sinh
    }
)
MAX_QUOTE_CHARS = 150
_TERMINAL = ".!?…"
_OPENERS = "“‘«([{\"'"
_CLOSERS = "”’»)]}\"'"
# A candidate boundary: terminal punctuation, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"[.!?…]+[”’»)\]}\"']*(?=\s)")
# "ông ta nói.Sau đó": a period glued to the next sentence, a typing slip common in pasted text.
_GLUED = re.compile(r"(?<=[^\W\d_]{2})[.!?]+(?=[^\W\d_]{2})")
# Words that number a document's parts: "Điều 8.", "Chương II.", "Mục 2.", "Article 5.".
_SECTION_WORDS = frozenset(SECTION_RANKS) | {"Khoản", "Phụ"}  # and "Khoản 2.", "Phụ lục I."
_LIST_MARKER = re.compile(r"^(\d{1,3}|[IVXLC]{1,6}|[a-zA-Z])$")
# A given name cut to its opening consonants, as Vietnamese news does: "chị Nguyễn Thị Ng.",
# "anh Lê Văn Kh.", "chị Ng. (SN 1992)". No Vietnamese word lacks a vowel, so the period after
# one is an abbreviation's, like the one after "TP".
_CLUSTER_INITIAL = re.compile(r"Ngh|Ng|Nh|Kh|Ph|Ch|Gh")
# English words that usually come right before a name's initial ("by J. Smith").
_BEFORE_INITIALS = frozenset({"by", "and", "of", "with", "from", "to", "said", "says", "president"})
_PAIRS = {"“": "”", "‘": "’", "«": "»", "(": ")", "[": "]"}


def normalize_text(raw: str) -> str:
    """NFC text with LF line ends, single spaces, no invisible characters, ≤ 1 blank line in a row."""
    text = _LINE_SEPARATORS.sub("\n", raw or "")
    text = _INVISIBLE.sub("", text)
    # Other control characters (NUL, escape, ...) carry nothing; tabs become spaces below.
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    # After removing joiners, so "e\u200b\u0301" composes too.
    text = unicodedata.normalize("NFC", text)
    lines = [_SPACES.sub(" ", line).strip() for line in _tab_tables(text.split("\n"))]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _tab_tables(lines: list[str]) -> list[str]:
    """A table copied from a spreadsheet or a web page comes as tab-separated lines: two or more in
    a row with the same number of cells become Markdown rows, the first the header, so
    ``flatten_markup`` labels each figure ("RON95: Giá mới: 20.510; Thay đổi: -450.")."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = lines[i].strip().split("\t")
        j = i + 1
        while len(cells) > 1 and j < len(lines) and len(lines[j].strip().split("\t")) == len(cells):
            j += 1
        if len(cells) > 1 and j - i >= 2:
            out += markdown_table([[c.strip() for c in line.strip().split("\t")] for line in lines[i:j]])
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


def markdown_table(rows: list[list[str]]) -> list[str]:
    """``rows`` of cells as Markdown table lines, the first row the header (``flatten_markup``
    reads each later row as a sentence labelled by it)."""
    lines = ["| " + " | ".join(cells) + " |" for cells in rows]
    return lines[:1] + ["|" + "---|" * len(rows[0])] + lines[1:] if len(lines) > 1 else lines


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs of ``text``: blocks between blank lines, and lines within a block.

    Pasted web pages put one paragraph per line, so a single newline is a paragraph break too,
    except where a line was hard-wrapped: the line ends without terminal punctuation and the
    next one starts in lowercase ("...của\\nngành y tế") — then the two lines are joined.
    """
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        current = ""
        for line in block.split("\n"):
            line = line.strip()
            if not line:
                continue
            if current and _continues(current, line):
                current = f"{current} {line}"
            else:
                if current:
                    paragraphs.append(current)
                current = line
        if current:
            paragraphs.append(current)
    return paragraphs


# A list item pasted from a page or Markdown: "- ", "• ", "* ", "+ " before the text.
_BULLET = re.compile(r"^[-•*+▪●◦–]\s+")
# A table row pasted from Markdown or a spreadsheet: "| Chỉ số | 2024 |", and its rule "| --- |".
_TABLE_ROW = re.compile(r"^\|.*\|$")
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-{2,}:?\s*\|)+$")


# A dashed line longer than this is a paragraph (an interview's answer), not a list's point.
MAX_LIST_ITEM_WORDS = 30


def flatten_markup(paragraphs: list[str]) -> list[str]:
    """Paragraphs with list markers and tables turned into plain sentences, a list or a table
    making one paragraph.

    A list item loses its marker and reads as a sentence ("- cấm đốt rơm rạ;" → "Cấm đốt rơm
    rạ."), so a summary of points does not read "- - cấm ...;". A table row under a header row
    reads as a labelled sentence ("Số ngày AQI tốt: 2024: 45; Mục tiêu 2030: 150."), so an answer
    quoting it says what each number is; the rule row goes. Keeping a list in one paragraph lets
    an answer quote the whole list after the sentence announcing it.
    """
    out: list[str] = []
    header: list[str] | None = None
    block = ""  # "list" or "table" while the last paragraph of ``out`` is one
    for i, paragraph in enumerate(paragraphs):
        if _TABLE_ROW.match(paragraph):
            if _TABLE_RULE.match(paragraph):
                continue
            cells = [c.strip() for c in paragraph.strip("|").split("|")]
            if header is None and i + 1 < len(paragraphs) and _TABLE_RULE.match(paragraphs[i + 1]):
                header = cells
                continue
            if header and len(header) == len(cells) and cells[0]:
                pairs = "; ".join(f"{h}: {c}" for h, c in zip(header[1:], cells[1:]) if c)
                row = f"{cells[0]}: {pairs}." if pairs else f"{cells[0]}."
            else:
                row = ", ".join(c for c in cells if c) + "."
            block = _append(out, _sentence_case(row), block, "table")
            continue
        header = None
        if _BULLET.match(paragraph):
            item = _BULLET.sub("", paragraph).rstrip(" ;,")
            if item and len(item.split()) > MAX_LIST_ITEM_WORDS:
                out.append(item)  # a turn of an interview ("- Thưa ông, ..." / "- Tôi cho rằng ..."), not a point
                block = ""
            elif item:
                block = _append(out, _sentence_case(item if item[-1] in _TERMINAL + ":" else item + "."), block, "list")
            continue
        block = ""
        out.append(paragraph)
    return [p for p in out if p.strip(". ")]


def _append(out: list[str], sentence: str, block: str, kind: str) -> str:
    """Add ``sentence`` to the open block of ``kind`` at the end of ``out``, or start one."""
    if block == kind and out:
        out[-1] = f"{out[-1]} {sentence}"
    else:
        out.append(sentence)
    return kind


def _sentence_case(text: str) -> str:
    return text[:1].upper() + text[1:]


def _continues(previous: str, line: str) -> bool:
    """True when ``line`` carries on the sentence ``previous`` broke off (a hard wrap)."""
    ending = previous.rstrip(_CLOSERS)[-1:]
    return ending not in _TERMINAL + ":" and line[0].islower()


def split_sentences(paragraph: str) -> list[str]:
    """The sentences of one paragraph: the original text, stripped, with whitespace runs as one space.

    >>> split_sentences("Ông đến TP. HCM ngày 6/11. Giá tăng 1.000 đồng.")
    ['Ông đến TP. HCM ngày 6/11.', 'Giá tăng 1.000 đồng.']
    """
    text = " ".join(paragraph.split())
    if not text:
        return []
    # A quotation is kept whole ("“Tôi sẽ làm. Ngay.” ông nói"), unless it is a whole speech:
    # a quote of several long sentences is split like any text, or QA evidence and summaries would
    # get one huge "sentence" (150 rather than 300 chars: +0.5 R1 on the summarization dev set).
    quoted = _coverage(len(text), [(a, b) for a, b in _quoted_spans(text) if b - a <= MAX_QUOTE_CHARS])
    cuts = [m.end() for m in _BOUNDARY.finditer(text) if _is_boundary(text, m.start(), m.end(), quoted)]
    cuts += [m.end() for m in _GLUED.finditer(text) if _is_glued_boundary(text, m.start(), m.end(), quoted)]
    sentences, start = [], 0
    for cut in sorted(set(cuts)):
        piece = text[start:cut].strip()
        if piece:
            sentences.append(piece)
        start = cut
    tail = text[start:].strip()
    if tail:
        sentences.append(tail)
    return sentences


def _is_glued_boundary(text: str, start: int, end: int, quoted: list[int]) -> bool:
    """ "nói.Sau đó" splits; "TP.Hồ Chí Minh", "ThS.BS", "VnExpress.net" do not."""
    following = text[end : end + 2]
    if not (following[0].isupper() and following[1].islower()) or quoted[start]:
        return False
    return text[start] != "." or not _is_abbreviation(text, start)


def _is_boundary(text: str, start: int, end: int, quoted: list[int]) -> bool:
    """Decide one candidate: punctuation ``text[start:end]`` followed by whitespace."""
    if quoted[start] and quoted[end - 1]:
        return False  # "“Tôi sẽ làm. Ngay bây giờ.”": the quotation holds its own sentences
    following = text[end:].lstrip().lstrip(_OPENERS + "-–— ")
    if not following:
        return False  # nothing after it but quotes: the paragraph's end takes care of it
    first = following[0]
    if not (first.isupper() or first.isdigit()):
        return False  # "v.v. và", "51 A-55... di chuyển": a lowercase word continues the sentence
    if text[start] == "." and not text[start:end].startswith(".."):
        if _is_abbreviation(text, start):
            return False
    return True


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation, an initial or a list marker."""
    words = _words_before(text, dot)
    if not words:
        return True
    word = words[-1].lstrip(_OPENERS)
    last = word.split(".")[-1]
    if last in ABBREVIATIONS or _CLUSTER_INITIAL.fullmatch(last):
        return True
    if len(words) == 1 and _LIST_MARKER.match(word):
        return True  # "1. Tăng cường ...", "II. Kết quả": a list marker, not a sentence
    if len(words) == 2 and words[0] in _SECTION_WORDS and _LIST_MARKER.match(word):
        return True  # "Điều 8. Quyền và nghĩa vụ", "Chương II. Quy định chung": a section's heading
    if len(last) == 1 and last.isupper():
        return _is_initial(words)
    return False


def _words_before(text: str, dot: int, window: int = 120) -> list[str]:
    """The words before ``dot``; only the last few when the paragraph is long (they are all we need)."""
    if dot <= window:
        return text[:dot].split()
    words = text[dot - window : dot].split()[1:]  # the first word may be cut in half
    return words if len(words) >= 3 else text[:dot].split()


def _is_initial(words: list[str]) -> bool:
    """Whether a lone capital before a period ("... V. A") is a name's initial.

    "Nguyễn V. A.", "U.S.", "by J. Smith" are initials; "nhóm A. Sau đó" and "Nhóm A. Sau đó"
    end a sentence: the word before is an ordinary word (lowercase, or capitalised only
    because it starts the sentence).
    """
    if "." in words[-1] or len(words) == 1:
        return True
    before = words[-2]
    if before.endswith(".") and len(before.rstrip(".")) == 1:
        return True  # a chain of initials: "V. A."
    if before.lower() in _BEFORE_INITIALS:
        return True
    starts_sentence = len(words) == 2 or words[-3][-1] in _TERMINAL + _CLOSERS
    return before[:1].isupper() and not starts_sentence


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each balanced quotation or parenthesis; unclosed ones are ignored."""
    spans, stack = [], []
    straight_open: int | None = None
    for i, ch in enumerate(text):
        if ch in _PAIRS:
            stack.append((ch, i))
        elif ch in _PAIRS.values():
            # Close the nearest matching opener; a stray closer is ignored.
            for depth in range(len(stack) - 1, -1, -1):
                if _PAIRS[stack[depth][0]] == ch:
                    spans.append((stack[depth][1], i))
                    del stack[depth:]
                    break
        elif ch == '"':
            if straight_open is None:
                straight_open = i
            else:
                spans.append((straight_open, i))
                straight_open = None
    return spans


def _coverage(length: int, spans: list[tuple[int, int]]) -> list[int]:
    """For each position, how many spans hold it strictly inside (one pass, not spans × cuts)."""
    delta = [0] * (length + 1)
    for start, end in spans:
        delta[start + 1] += 1
        delta[end] -= 1
    depth, inside = 0, []
    for step in delta[:length]:
        depth += step
        inside.append(depth)
    return inside


# Text typed or transcribed without punctuation runs on for hundreds of words. Such a "sentence"
# (over RUN_ON_WORDS words, hardly a comma) is cut before a phrase that opens a news sentence,
# so a summary or an answer quotes a clause, not the whole text. Only phrases that seldom occur
# mid-sentence: "theo" alone does ("miễn thuế theo quy định"), "theo ông" does not, nor after
# a word that needs what follows ("của đại diện các xã").
RUN_ON_WORDS = 80
RUN_ON_MIN_PIECE = 12      # words before a cut: a shorter piece is no sentence
_RUN_ON_OPENERS = re.compile(
    r"(?<!\bcủa)(?<!\bvới)(?<!\bvà)(?<!\bcho)(?<!\blà)(?<!\bcác)(?<!\bnhững)\s(?=(?:"
    r"(?:cũng\s+)?theo\s+(?:ông|bà|anh|chị|các|báo(?!\s+cáo)|ủy ban|ubnd|bộ|sở)|trước đó|sau đó|ngoài ra|tuy nhiên|"
    r"bên cạnh đó|trong khi đó|cùng ngày|mặt khác|vì vậy|do đó|như vậy|đại diện)\s)", re.I)


def split_run_on(text: str) -> list[str]:
    """``text`` cut before sentence-opening phrases when it is a run-on of ``RUN_ON_WORDS`` words
    or more with hardly any punctuation; any other text as it is."""
    words = text.split()
    if len(words) < RUN_ON_WORDS or text.count(",") * 25 > len(words):
        return [text]
    pieces, start = [], 0
    for match in _RUN_ON_OPENERS.finditer(text):
        if len(text[start : match.start()].split()) >= RUN_ON_MIN_PIECE:
            pieces.append(text[start : match.start()].strip())
            start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def split_long_text(text: str, max_chars: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``max_chars``: at semicolons, then commas, then spaces.

    A last resort for "sentences" with no terminal punctuation (transcripts, lists pasted as
    one line) that would not fit a model's input. Words longer than ``max_chars`` are cut.
    """
    if max_chars < 1:
        raise ValueError(f"max_chars = {max_chars} is not valid: use a positive number")
    text = " ".join(text.split())
    return [piece for piece in _pack(text, max_chars, (";", ",", " ")) if piece]


def _pack(text: str, max_chars: int, separators: tuple[str, ...]) -> list[str]:
    if len(text) <= max_chars:
        return [text]
    if not separators:
        return [text[i : i + max_chars].strip() for i in range(0, len(text), max_chars)]
    sep, rest = separators[0], separators[1:]
    # Keep each separator with the piece before it, so joining the pieces gives the text back.
    parts = [p for p in re.split(f"(?<={re.escape(sep)})" if sep != " " else " ", text) if p.strip()]
    pieces: list[str] = []
    current = ""
    for part in parts:
        part = part.strip()
        candidate = f"{current} {part}" if current else part
        if len(candidate) <= max_chars:
            current = candidate
            continue
        if current:
            pieces.append(current)
        if len(part) <= max_chars:
            current = part
        else:
            pieces.extend(_pack(part, max_chars, rest))
            current = ""
    if current:
        pieces.append(current)
    return pieces


# Double quotation marks, curly and straight alike ("..." typed, “...” from a CMS, mixed in one
# quote by careless editing): a straight one opens after a space or a colon, else it closes.
_QUOTE_OPENERS = "“«"
_QUOTE_CLOSERS = "”»"


def _quote_steps(text: str) -> list[int]:
    """+1 for each double quotation mark of ``text`` that opens a quote, -1 for each that closes
    one, 0 for a straight one that could do either (" sao ", spaced out as some sites write it)."""
    steps = []
    for i, ch in enumerate(text):
        if ch in _QUOTE_OPENERS:
            steps.append(1)
        elif ch in _QUOTE_CLOSERS:
            steps.append(-1)
        elif ch == '"':
            before = text[i - 1] if i else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before == ":" or (before.isspace() or before in "([{–—-/") and (after.isalnum() or after in _QUOTE_OPENERS + "'‘"):
                steps.append(1)
            elif after in ",.;:!?)]}" or not before.isspace() and (after.isspace() or after in "…-–—"):
                steps.append(-1)
            else:
                steps.append(0)
    return steps


def quotation_runs(sentences: Sequence[str]) -> list[tuple[int, int]]:
    """(first, last) sentence of each quotation that runs over several of ``sentences`` (one
    paragraph's, in order), overlapping runs joined: the splitter cuts a quotation longer than
    ``MAX_QUOTE_CHARS`` into its sentences, and each piece alone either opens a quote it never
    closes or closes one with its speaker and no start. A mark left open or closed without a
    partner in the paragraph is a typo, and links nothing; a straight mark that could open or
    close closes only a quote another one like it opened."""
    runs: list[tuple[int, int]] = []
    opened: list[tuple[int, bool]] = []  # the sentence each open quotation opened in; by an unclear mark?
    for i, text in enumerate(sentences):
        for step in _quote_steps(text):
            if step > 0 or step == 0 and not (opened and opened[-1][1]):
                opened.append((i, step == 0))
            elif opened:
                start = opened.pop()[0]
                if start < i:
                    runs.append((start, i))
    runs.sort()
    joined: list[tuple[int, int]] = []
    for start, end in runs:
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined
