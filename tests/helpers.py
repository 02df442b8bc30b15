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

# A quotation too long for the splitter to keep whole (``bot.segment.MAX_QUOTE_CHARS``) comes out
# as pieces: "“Tuyến buýt ... ùn tắc." opens a quote it never closes, "Thành phố sẽ mở ...”, ông
# Minh ... nói." closes one with no start. A four-sentence one is longer still.
RIVER_BUS = (
    "Đà Nẵng mở tuyến buýt đường sông đầu tiên\n\n"
    "Sáng 5/4, Đà Nẵng khai trương tuyến buýt đường sông đầu tiên chạy dọc sông Hàn, nối cầu Rồng với chợ Hàn. "
    "“Tuyến buýt đường sông giúp người dân và du khách đi lại nhanh hơn vào giờ cao điểm, khi các cây cầu qua sông "
    "Hàn thường xuyên ùn tắc. Thành phố sẽ mở thêm ba tuyến buýt đường sông nữa trước cuối năm nay”, ông Trần Văn "
    "Minh, giám đốc Sở Giao thông vận tải, nói. Giá vé mỗi lượt là 15.000 đồng, trẻ em dưới 6 tuổi được miễn phí. "
    "Ông Minh cho biết thêm: “Mỗi ngày tàu chạy 20 chuyến, từ 6h đến 22h. Nếu lượng khách tăng, chúng tôi sẽ tăng "
    "lên 30 chuyến. Thành phố cũng tính mở bến tàu mới ở bán đảo Sơn Trà. Người dân có thể mua vé tàu qua ứng dụng "
    "trên điện thoại”. Trong ngày đầu, hơn 2.000 lượt khách đã đi thử tuyến buýt đường sông.")


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
