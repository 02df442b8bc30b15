"""A short profile of ``bench/load.py``: concurrent clients, each with its own article, no cross-talk.

The server runs in a child process with the tiny copy model; 20 gradio_client clients send 2
requests each, mixing /summarize, /ask, /translate and /chat. Every reply is checked for a fact of
the client's own article (/ask, /chat) and for the absence of every other client's facts.
"""
import sys
from pathlib import Path

from gradio_client import Client

from bot.settings import Settings
from generated import news_article
from tiny_models import tiny_settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import load  # noqa: E402  (bench/load.py)


def test_twenty_clients_all_complete_without_cross_talk(copy_model_dir):
    result = load.run(clients=20, requests=2, concurrency=2, queue_size=64, time_limit=60, folder=copy_model_dir)
    assert result["failures"] == [] and result["busy"] == 0
    assert result["requests"] == result["ok"] == 40
    assert result["rss_after_mb"] > 0 and result["rps"] > 0


def test_a_chat_session_never_sees_another_sessions_article(copy_model_dir):
    from test_app import serve

    demo, first = serve(tiny_settings(copy_model_dir))
    try:
        one, two = news_article(101), news_article(102)
        second = Client(first.src, verbose=False)
        first.predict(one.text, "", api_name="/chat")
        second.predict(two.text, "", api_name="/chat")
        answers = [c.predict("Ai là trưởng đoàn?", "", api_name="/chat") for c in (first, second)]
        assert one.leader in answers[0] and two.leader not in answers[0]
        assert two.leader in answers[1] and one.leader not in answers[1]
        third = Client(first.src, verbose=False)  # a new session has no article at all
        assert "dán một bài báo" in third.predict("Ai là trưởng đoàn?", "", api_name="/chat")
    finally:
        demo.close()


def test_a_full_queue_tells_the_client_it_is_busy(tmp_path):
    from test_app import serve

    demo, client = serve(Settings.from_env({}, offline=True, cache_dir=str(tmp_path), concurrency=1, queue_size=1))
    try:
        story = news_article(5)
        # The offline summary is fast; hold the only worker with a slow article so the queue fills.
        slow = "\n".join(f"Tin số {i} về cảng biển và giao thông địa phương." for i in range(400))
        jobs = [client.submit(slow, api_name="/summarize") for _ in range(8)]
        errors = []
        for job in jobs:
            try:
                job.result(timeout=60)
            except Exception as error:  # what a script calling the API sees
                errors.append(str(error))
        assert errors, "8 requests at once with a queue of 1 should refuse some"
        assert all("queue is full" in e.lower() for e in errors), errors
        assert story.leader in client.predict(story.text, "Ai là trưởng đoàn?", api_name="/ask")  # still serving
    finally:
        demo.close()
