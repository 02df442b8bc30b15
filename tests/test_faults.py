"""Faults: corrupt weights and a model of the wrong kind are reported clearly, the reply falls back
where it can, and the next request still works; a client that disconnects in the middle of a
streamed reply stops its generation, is logged with its session, and leaves the server serving."""
import contextlib
import json
import logging
import shutil
import threading
import time
from typing import Iterator

import pytest
from gradio_client import Client
from tiny_models import TASKS, tiny_settings

from bot.chat import ChatSession, respond
from bot.engines.base import Engine, GenerationConfig, ModelUnavailable
from bot.engines.hub import ModelHub
from bot.service import Tinbot
from bot.ui import build_demo, launch_options
from tests.helpers import fixture_article, gradio_queue, join_queue, queue_events


@pytest.fixture
def corrupt_model(copy_model_dir, tmp_path):
    folder = tmp_path / "corrupt"
    shutil.copytree(copy_model_dir, folder)
    (folder / "model.safetensors").write_bytes(b"\x00not a safetensors file" * 100)
    return folder


@pytest.fixture
def wrong_kind_model(tmp_path):
    from transformers import BertConfig, BertModel

    folder = tmp_path / "bert"
    config = BertConfig(vocab_size=64, hidden_size=16, num_hidden_layers=1, num_attention_heads=2, intermediate_size=32)
    BertModel(config).save_pretrained(folder)  # an encoder only: no seq2seq head to generate with
    return folder


@pytest.mark.parametrize("broken", ["corrupt_model", "wrong_kind_model"])
def test_a_model_that_will_not_load_is_reported_as_broken(broken, request, caplog):
    folder = request.getfixturevalue(broken)
    hub = ModelHub(tiny_settings(folder, tasks=("summarize",)))
    with pytest.raises(ModelUnavailable) as error:
        hub.engine("summarize")
    assert error.value.reason == "load_failed"
    assert hub.state("summarize") == "missing"
    assert str(folder) in caplog.text  # the log says which folder failed

    bot = Tinbot(hub.settings, hub=hub)
    session = ChatSession()
    for _, session in respond(fixture_article("vi-clutter"), session, bot):
        pass
    for text, session in respond("tóm tắt", session, bot):
        pass
    assert "Không nạp được mô hình tóm tắt" in text and "TINBOT_SUMMARIZE_MODEL" in text
    assert "UBND TP. Đà Nẵng tổ chức lễ khởi công" in text  # the extractive summary still answers
    for text, session in respond("Tổng vốn đầu tư bao nhiêu?", session, bot):
        pass
    assert "2.300 tỷ đồng" in text  # the next request works


# --- a client that disconnects mid-stream --------------------------------------------------------

class PacedEngine:
    """A real loaded engine, slowed down: every streamed piece and every batch waits ``delay`` first.

    The outputs are the real model's; the pace makes a streamed reply last long enough to watch
    it grow (or to walk away from it). ``streams`` records how each ``stream`` call ended:
    "running", "finished" (the model was done) or "closed" (the consumer went away first).
    """

    def __init__(self, engine: Engine, delay: float):
        self.engine, self.delay = engine, delay
        self.name, self.max_input_tokens = engine.name, engine.max_input_tokens
        self.streams: list[str] = []

    def count_tokens(self, text: str) -> int:
        return self.engine.count_tokens(text)

    def generate(self, texts: list[str], config: GenerationConfig, cancel: threading.Event | None = None) -> list[str]:
        time.sleep(self.delay)
        return self.engine.generate(texts, config, cancel)

    def stream(self, text: str, config: GenerationConfig, cancel: threading.Event | None = None) -> Iterator[str]:
        index = len(self.streams)
        self.streams.append("running")
        try:
            for so_far in self.engine.stream(text, config, cancel):
                time.sleep(self.delay)
                yield so_far
        except GeneratorExit:
            self.streams[index] = "closed"
            raise
        self.streams[index] = "finished"


def paced_hub(tiny_hub: ModelHub, delay: float) -> tuple[ModelHub, PacedEngine]:
    """A hub of its own whose every task runs the session's tiny copy model at ``delay`` per step."""
    hub = ModelHub(tiny_hub.settings)
    paced = PacedEngine(tiny_hub.engine("summarize"), delay)  # loaded once per session, by path
    for task in TASKS:
        hub.install(task, paced)
    return hub, paced


def serve_hub(hub: ModelHub):
    """The app on a free loopback port, in this process (as ``test_app.serve``); returns the Blocks."""
    from test_app import free_port

    demo = build_demo(Tinbot(hub.settings, hub=hub))
    demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True,
                **launch_options(hub.settings))
    return demo


def start_chat_and_hang_up(url: str, message: str, article: str, updates: int) -> tuple[str, list[str]]:
    """Send one /chat turn over Gradio's own queue protocol, read ``updates`` streamed states, then
    drop the connection without a word (a closed tab, a lost network). Returns (session hash, states)."""
    config, api = gradio_queue(url)
    chat = next(d for d in config["dependencies"] if d.get("api_name") == "chat")
    kinds = {c["id"]: c["type"] for c in config["components"]}
    data = iter([message, article])
    payload = [None if kinds[i] == "state" else next(data) for i in chat["inputs"]]
    joined, session = join_queue(api, chat["id"], payload)
    joined.raise_for_status()
    states = []
    with contextlib.closing(queue_events(api, session)) as events:
        for event in events:
            assert event["msg"] not in ("process_completed", "close_stream"), f"the reply ended early: {event}"
            if event["msg"] == "process_generating":
                states.append(json.dumps(event["output"].get("data"), ensure_ascii=False))
                if len(states) >= updates:
                    break  # leaving the with-block closes the connection mid-stream
    return session, states


def test_a_client_that_disconnects_mid_stream_stops_its_reply_and_the_next_client_is_served(
        tiny_hub, caplog, capfd):
    hub, paced = paced_hub(tiny_hub, delay=0.1)  # up to 40 tokens: a reply of a few seconds
    article = fixture_article("vi-plain")
    demo = serve_hub(hub)
    try:
        with caplog.at_level(logging.INFO, logger="tinbot"):
            session, states = start_chat_and_hang_up(demo.local_url, "tóm tắt", article, updates=3)
            assert len(states) == 3 and paced.streams == ["running"]

            deadline = time.monotonic() + 30
            while paced.streams[-1] == "running" and time.monotonic() < deadline:
                time.sleep(0.1)
            assert paced.streams == ["closed"]  # the model stopped: nobody was reading any more

            stopped = [r for r in caplog.records if r.name == "tinbot.chat" and "stopped before" in r.getMessage()]
            assert len(stopped) == 1, caplog.text
            assert session in stopped[0].getMessage() and "'tóm tắt'" in stopped[0].getMessage()
            assert not [r for r in caplog.records if r.name.startswith("tinbot") and r.levelno >= logging.WARNING], caplog.text

            # The server is still up, and a new client gets a whole streamed reply.
            client = Client(demo.local_url, verbose=False)
            client.predict(article, "", api_name="/chat")
            job = client.submit("tóm tắt", "", api_name="/chat")
            final = job.result(timeout=120)
            assert "transformers" in final and len(job.outputs()) >= 2
            assert paced.streams == ["closed", "finished"]
    finally:
        demo.close()
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err, out + err  # a client leaving is not an error: no stack traces
