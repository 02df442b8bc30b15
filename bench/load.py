"""Load and isolation run: many gradio_client clients against one tinbot server on 127.0.0.1.

The server runs in a child process with the tiny local models of ``tests/tiny_models.py`` (the
copy model from ``.pytest_cache`` when one exists, else one built into a temp folder). Each client
has its own generated article (``tests/generated.py``) and mixes /summarize, /ask, /translate and
/chat; every reply is checked for cross-talk (no other client's facts). Bounded in requests and in
time; stops by itself. Prints throughput, p50/p95 latency, the server's RSS before and after, and
one final ``RESULT ...`` line.

    python bench/load.py --quick      # 20 clients × 2 requests
    python bench/load.py              # 25 clients × 20 requests = 500 requests
"""
from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from generated import news_article  # noqa: E402

ENDPOINTS = ("/summarize", "/ask", "/translate", "/chat")
QUESTION = "Ai là trưởng đoàn?"


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    ok: int = 0
    busy: int = 0
    failures: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, error: str | None, busy: bool = False) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if busy:
                self.busy += 1
            elif error:
                self.failures.append(error)
            else:
                self.ok += 1


def model_dir() -> Path:
    """The tiny copy model: the newest one pytest cached, else a fresh build in a temp folder."""
    cached = sorted((ROOT / ".pytest_cache/d/tiny-models").glob("copy-*/config.json"), key=os.path.getmtime)
    if cached:
        return cached[-1].parent
    import tiny_models

    return tiny_models.build_copy_model(Path(tempfile.mkdtemp(prefix="tinbot-load-")) / "copy")


def serve(folder: str, port: int, concurrency: int, queue_size: int) -> None:
    """Child process: the tinbot server with the tiny models, until killed."""
    from tiny_models import tiny_settings

    from bot.service import Tinbot
    from bot.ui import build_demo

    settings = tiny_settings(folder, concurrency=concurrency, queue_size=queue_size)
    demo = build_demo(Tinbot(settings))
    demo.launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    print("READY", flush=True)
    threading.Event().wait()


def start_server(concurrency: int, queue_size: int, folder: Path | None = None) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1"}
    process = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(folder or model_dir()), str(port), str(concurrency), str(queue_size)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if "READY" not in line:
        process.kill()
        raise RuntimeError(f"the server did not start: {line!r}")
    return process, f"http://127.0.0.1:{port}/"


def rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as handle:
        kb = next(int(line.split()[1]) for line in handle if line.startswith("VmRSS:"))
    return kb / 1024


def is_busy(error: Exception) -> bool:
    text = str(error).lower()
    return "queue" in text and "full" in text


def client_run(url: str, index: int, requests: int, clients: int, tally: Tally, deadline: float) -> None:
    """One client: ``requests`` calls on its own article, checked for its own facts only."""
    from gradio_client import Client

    story = news_article(index)
    others = [news_article(i).leader for i in range(clients) if i != index]
    client = Client(url, verbose=False)
    for n in range(requests):
        if time.monotonic() > deadline:
            return
        endpoint = ENDPOINTS[(index + n) % len(ENDPOINTS)]
        started = time.monotonic()
        try:
            answer, own = call(client, endpoint, story, first_chat=n < len(ENDPOINTS))
        except Exception as error:  # a refused request is counted, not fatal
            tally.add(time.monotonic() - started, f"{endpoint}: {error}", busy=is_busy(error))
            continue
        stray = [name for name in others if name in answer]
        error = None
        if stray:
            error = f"client {index} {endpoint}: another client's fact {stray[0]!r}"
        elif own is not None and own not in answer:
            error = f"client {index} {endpoint}: its own fact {own!r} is missing"
        tally.add(time.monotonic() - started, error)


def call(client, endpoint: str, story, first_chat: bool) -> tuple[str, str | None]:
    """(reply, a fact of this client's article the reply must contain, or None)."""
    if endpoint == "/summarize":
        return client.predict(story.text, api_name="/summarize"), None
    if endpoint == "/translate":
        return client.predict(story.text, "en", api_name="/translate"), None
    if endpoint == "/ask":
        return client.predict(story.text, QUESTION, api_name="/ask"), story.leader
    # /chat: the article is given once per client session; later turns ask about it.
    if first_chat:
        client.predict(story.text, "", api_name="/chat")
    return client.predict(QUESTION, "", api_name="/chat"), story.leader


def run(clients: int, requests: int, concurrency: int, queue_size: int, time_limit: float,
        folder: Path | None = None) -> dict:
    process, url = start_server(concurrency, queue_size, folder)
    try:
        from gradio_client import Client

        Client(url, verbose=False).predict(news_article(0).text, QUESTION, api_name="/ask")  # models loaded
        before = rss_mb(process.pid)
        tally = Tally()
        deadline = time.monotonic() + time_limit
        started = time.monotonic()
        with ThreadPoolExecutor(clients) as pool:
            for future in [pool.submit(client_run, url, i, requests, clients, tally, deadline) for i in range(clients)]:
                future.result()
        wall = time.monotonic() - started
        after = rss_mb(process.pid)
    finally:
        process.kill()
        process.wait(timeout=30)
    lat = sorted(tally.latencies) or [0.0]
    return {
        "clients": clients, "requests": len(tally.latencies), "ok": tally.ok, "busy": tally.busy,
        "failed": len(tally.failures), "p50_s": round(statistics.median(lat), 2),
        "p95_s": round(lat[min(len(lat) - 1, int(0.95 * len(lat)))], 2),
        "rps": round(len(tally.latencies) / wall, 2), "rss_before_mb": round(before), "rss_after_mb": round(after),
        "failures": tally.failures[:5],
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--serve"]:
        folder, port, concurrency, queue_size = argv[1], *map(int, argv[2:5])
        serve(folder, port, concurrency, queue_size)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="20 clients × 2 requests")
    parser.add_argument("--clients", type=int, default=None)
    parser.add_argument("--requests", type=int, default=None, help="requests per client")
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--queue-size", type=int, default=64)
    parser.add_argument("--time-limit", type=float, default=None, help="stop starting requests after this many seconds")
    args = parser.parse_args(argv)
    clients = args.clients or (20 if args.quick else 25)
    requests = args.requests or (2 if args.quick else 20)
    limit = args.time_limit or (120 if args.quick else 540)
    result = run(clients, requests, args.concurrency, args.queue_size, limit)
    for failure in result.pop("failures"):
        print("FAILED", failure)
    print(f"{result['requests']} requests from {clients} clients: {result['rps']} requests/s, "
          f"p50 {result['p50_s']} s, p95 {result['p95_s']} s; server RSS {result['rss_before_mb']} → "
          f"{result['rss_after_mb']} MB")
    print("RESULT " + " ".join(f"{k}={v}" for k, v in result.items() if k != "failed"))
    return 0 if result["ok"] + result["busy"] == result["requests"] == clients * requests else 1


if __name__ == "__main__":
    sys.exit(main())
