"""Builders shared by the tests: small articles made in code, and the fixture articles on disk."""
from __future__ import annotations

import json
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx

from bot.article import Article

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = FIXTURES / "articles"


def fixture_article(name: str) -> str:
    """The raw text of ``tests/fixtures/articles/<name>.txt``, byte for byte (CRLF and NFD kept)."""
    path = ARTICLES / (name if name.endswith(".txt") else f"{name}.txt")
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def fixture_names() -> list[str]:
    return sorted(p.stem for p in ARTICLES.glob("*.txt"))


def build_article(*paragraphs: str | Sequence[str], **meta) -> Article:
    """An article from paragraphs given as sentence tuples (or one string per one-sentence paragraph).

    >>> build_article(("Câu một.", "Câu hai."), "Câu ba.", title="Tiêu đề").sentences[2].paragraph
    1
    """
    segmented = [[p] if isinstance(p, str) else list(p) for p in paragraphs]
    return Article.from_paragraphs(segmented, **meta)


# ---------------------------------------------------------------- Gradio's queue protocol, by hand
# For what gradio_client hides: calling an undocumented event, or dropping the connection mid-stream.

def gradio_queue(url: str) -> tuple[dict, str]:
    """The served page's config and the base URL of its API (the queue lives under ``api_prefix``)."""
    config = httpx.get(url + "config", timeout=30).json()
    return config, url + config.get("api_prefix", "/gradio_api").strip("/") + "/"


def join_queue(api: str, fn_index: int, payload: list) -> tuple[httpx.Response, str]:
    """Queue one event for a new session: (the join response, the session hash)."""
    session = uuid.uuid4().hex
    joined = httpx.post(api + "queue/join", timeout=30, json={
        "data": payload, "fn_index": fn_index, "session_hash": session, "event_data": None, "trigger_id": None})
    return joined, session


def queue_events(api: str, session: str) -> Iterator[dict]:
    """The queue's events for ``session``, as they arrive; closing the iterator drops the connection."""
    with httpx.stream("GET", api + "queue/data", params={"session_hash": session}, timeout=60) as stream:
        for line in stream.iter_lines():
            if line.startswith("data:"):
                yield json.loads(line[5:])
