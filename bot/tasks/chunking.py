"""Pure pre- and post-processing around model calls: chunks, batches, prefixes (STYLE.md #7).

Nothing here loads a model: token counts come in as a ``count(text) -> int`` function, so every
rule (no chunk over the limit, no sentence dropped, batches under the token budget, order kept)
is testable with a word counter.
"""
from __future__ import annotations

from typing import Callable, Sequence

from bot.segment import split_long_text

Count = Callable[[str], int]


def fit_pieces(text: str, count: Count, limit: int) -> list[str]:
    """``text`` whole if it fits ``limit`` tokens, else cut (at ; , then spaces) into pieces that do."""
    if count(text) <= limit:
        return [text]
    # Start from the text's own characters-per-token ratio, then shrink until every piece fits.
    max_chars = max(1, int(len(text) * limit / count(text) * 0.9))
    while True:
        pieces = split_long_text(text, max_chars)
        if max_chars == 1 or all(count(p) <= limit for p in pieces):
            return pieces
        max_chars = max(1, max_chars * 2 // 3)


def pack_chunks(sentences: Sequence[str], count: Count, limit: int) -> list[str]:
    """Consecutive sentences joined into as few chunks as fit ``limit`` tokens each, in order.

    ``count`` must include whatever is added around a chunk (a task prefix) so that the check
    is on what the model will read. A sentence longer than the limit is cut by ``fit_pieces``.
    """
    chunks: list[str] = []
    current = ""
    for sentence in sentences:
        for piece in fit_pieces(sentence, count, limit):
            candidate = f"{current} {piece}" if current else piece
            if current and count(candidate) > limit:
                chunks.append(current)
                candidate = piece
            current = candidate
    if current:
        chunks.append(current)
    return chunks


def plan_batches(lengths: Sequence[int], budget: int) -> list[list[int]]:
    """Indices of the inputs grouped into batches, shortest first, each costing ≤ ``budget`` tokens.

    A padded batch costs ``size × longest``; sorting by length keeps padding small. An input
    longer than the budget gets a batch of its own. Callers put outputs back by index.
    """
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        if current and (len(current) + 1) * lengths[i] > budget:
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


def strip_prefix(text: str, prefix: str) -> str:
    """``text`` without ``prefix`` when it starts with it ("en: Hello" → "Hello"); else unchanged.

    Also accepts the prefix without its trailing space ("en:Hello"), which models sometimes emit.
    """
    text = text.lstrip()
    for candidate in dict.fromkeys((prefix, prefix.rstrip())):
        if candidate and text.startswith(candidate):
            return text[len(candidate):].lstrip()
    return text


def other_language(language: str) -> str:
    """vi ↔ en: the translation target when the user names none."""
    return "en" if language == "vi" else "vi"


def paragraph_windows(token_counts: Sequence[int], budget: int) -> list[list[int]]:
    """Paragraph indices grouped into windows that are translated (and shown) together, in order.

    The first window is the first paragraph alone, so the reader sees text soon; later windows
    gather paragraphs until about one batch budget of tokens, so batches stay full.
    """
    windows: list[list[int]] = []
    current: list[int] = []
    used = 0
    for i, tokens in enumerate(token_counts):
        current.append(i)
        used += tokens
        if len(windows) == 0 or used >= budget:
            windows.append(current)
            current, used = [], 0
    if current:
        windows.append(current)
    return windows
