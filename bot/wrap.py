"""Text whose lines were wrapped by a layout, not by its author: a PDF's lines, or a paste copied
from a PDF or a mail client, where every line stops at the same width in the middle of a sentence.
``join_pdf_lines`` rebuilds its paragraphs; ``hard_wrapped`` tells such a paste from a text whose
lines are its paragraphs (a news page, a chat post).
"""
from __future__ import annotations

import re

from bot.clutter import Kind, classify

_ENDS_PARAGRAPH = tuple(".!?…:;\"”'»)")


def join_pdf_lines(lines: list[str]) -> str:
    """Rebuild paragraphs from a PDF's layout lines (pages already concatenated).

    A PDF stores lines, not paragraphs. A line ends its paragraph when it ends a sentence or is
    clearly shorter than a full line (a title, a paragraph's last line); otherwise the next line
    continues it, also across a page break. A line that starts in lowercase continues the line
    before even when that one was short (a headline set in a large font wraps early). The
    text's first line stands alone when it stops short of the width and the next opens with a
    capital: it is the headline. Page furniture ("Ảnh: ...", a date line) stands alone: joined to
    the body, it would take the body with it when ingest drops it. A word a hyphen broke at a
    line's end is joined again.
    """
    full = _full_width(lines)  # as laid out, before words are rejoined
    lines = unbroken(lines)
    paragraphs, current = [], []
    short_end = False  # whether the last paragraph ended on a short line, not on a sentence end
    for line in lines:
        if not line:
            if current:
                paragraphs.append(" ".join(current))
                current, short_end = [], False
            continue
        alone = classify(line) is not Kind.BODY
        if alone and current:
            paragraphs.append(" ".join(current))
            current = []
        elif not current and short_end and line[:1].islower():
            current = [paragraphs.pop()]  # "Cần Thơ khởi công cầu Ô Môn mới, dự kiến" / "thông xe ..."
        current.append(line)
        # A headline stops short of the width; a wrapped first line runs to it ("... xuất khẩu gạo quý" / "I đạt ...").
        headline = not paragraphs and len(current) == 1 and len(line) < 0.9 * full and _opens_new(lines, line)
        if alone or headline or line.endswith(_ENDS_PARAGRAPH) or len(line) < 0.6 * full:
            paragraphs.append(" ".join(current))
            current, short_end = [], not alone and not line.endswith(_ENDS_PARAGRAPH)
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


def _full_width(lines: list[str]) -> int:
    """A full line's width: the upper quartile of the lengths, so one overlong line (a URL, a
    table) does not skew it."""
    lengths = sorted(len(line.strip()) for line in lines if line.strip())
    return lengths[(3 * len(lengths)) // 4] if lengths else 0


def _opens_new(lines: list[str], first: str) -> bool:
    """Whether the line after the text's ``first`` one opens something new (a capital, a digit,
    a bracket): the first line is then the headline, set on a line of its own."""
    following = next((line for line in lines[lines.index(first) + 1:] if line), "")
    return following[:1].isupper() or following[:1].isdigit() or following[:1] in "(["


# A paste is hard-wrapped when, of its ``MIN_WRAPPED_LINES`` lines or more, this share reach the
# common full width, and half of those stop mid-sentence.
MIN_WRAPPED_LINES = 6
FULL_SHARE = 0.4
_WORD_BROKEN = re.compile(r"(\w)-$")


def hard_wrapped(text: str) -> bool:
    """Whether ``text``'s lines were cut at a fixed width: many lines reach the same width (80% of
    the upper quartile's or more, at most ``MAX_WIDTH`` characters) and half of them stop without
    a sentence end. A news page's lines are paragraphs of every length, ending in periods; a chat
    post's lines are sentences."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_WRAPPED_LINES:
        return False
    full = _full_width(lines)
    if full > MAX_WIDTH:  # lines this long are paragraphs, not a page's width
        return False
    wide = [line for line in lines if len(line) >= 0.8 * full]
    cut = [line for line in wide if not line.endswith(_ENDS_PARAGRAPH)]
    return len(wide) >= FULL_SHARE * len(lines) and len(cut) >= len(wide) / 2


MAX_WIDTH = 120


def unbroken(lines: list[str]) -> list[str]:
    """``lines`` with a word broken by a hyphen at a line end joined again: "thành vi-" / "ên" is
    "thành viên", "(NH-" / "NN)" is "(NH-NN)"."""
    out: list[str] = []
    for line in (line.strip() for line in lines):
        if out and line and _WORD_BROKEN.search(out[-1]):
            previous = out.pop()
            out.append(previous[:-1] + line if line[:1].islower() else previous + line)
        else:
            out.append(line)
    return out
