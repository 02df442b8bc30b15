"""The running app, called as a client would: gradio_client against a server on a free port.

Two servers: one offline with no weights at all (the state of every machine here), one with
the tiny real models of tests/tiny_models.py configured by path.
"""
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from gradio_client import Client

from bot.chat import ChatSession
from bot.prompts import reply
from bot.service import Tinbot
from bot.settings import Settings
from bot.ui import QUICK_ACTIONS, build_demo, export_updates
from tests.helpers import fixture_article, gradio_queue, join_queue, queue_events
from tiny_models import tiny_settings

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening_addresses(port: int) -> set[str]:
    """Hex local addresses of the sockets listening on ``port`` (Linux /proc/net/tcp{,6})."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as handle:
            for line in list(handle)[1:]:
                local, state = line.split()[1], line.split()[3]
                address, _, hex_port = local.partition(":")
                if state == "0A" and int(hex_port, 16) == port:
                    found.add(address)
    return found


def serve(settings: Settings):
    demo = build_demo(Tinbot(settings))
    demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True)
    return demo, Client(demo.local_url, verbose=False)


@pytest.fixture(scope="module")
def offline_client(tmp_path_factory):
    cache = tmp_path_factory.mktemp("hf-cache")
    demo, client = serve(Settings.from_env({}, offline=True, cache_dir=str(cache)))
    yield client
    demo.close()


@pytest.fixture(scope="module")
def tiny_client(copy_model_dir):
    demo, client = serve(tiny_settings(copy_model_dir))
    yield client
    demo.close()


def test_named_endpoints_are_exposed(offline_client):
    endpoints = offline_client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert {"/summarize", "/translate", "/ask", "/chat"} <= set(endpoints)


def test_offline_api_summarize_translate_ask(offline_client):
    article = fixture_article("vi-clutter")
    summary = offline_client.predict(article, api_name="/summarize")
    assert "UBND TP. Đà Nẵng tổ chức lễ khởi công" in summary and "lượt xem" not in summary
    translation = offline_client.predict(article, "en", api_name="/translate")
    assert "hf download VietAI/envit5-translation" in translation
    answer = offline_client.predict(article, "Ai là Giám đốc Sở Giao thông vận tải?", api_name="/ask")
    assert "Lê Văn Hòa" in answer and "Bài báo viết:" in answer
    # an unknown target is named, not mistaken for a missing model
    assert offline_client.predict(article, "fr", api_name="/translate") == reply("translate_targets", "vi", target="fr")


def test_an_api_failure_on_input_of_the_wrong_type_still_gets_an_apology():
    from bot.ui import _guarded

    answer = _guarded("summarize", 12345, lambda: 12345[0])
    assert answer.startswith(reply("internal_error", "vi", ref="REF").split("REF")[0])


def test_offline_chat_keeps_the_article_between_turns(offline_client):
    ack = offline_client.predict(fixture_article("vi-clutter"), "", api_name="/chat")
    assert "Đà Nẵng khởi công tuyến đường ven biển nối Hội An" in ack
    answer = offline_client.predict("Tổng vốn đầu tư bao nhiêu?", "", api_name="/chat")
    assert "2.300 tỷ đồng" in answer


def test_chat_sessions_do_not_share_articles(offline_client):
    other = Client(offline_client.src, verbose=False)
    reply = other.predict("tóm tắt", "", api_name="/chat")
    assert "dán một bài báo" in reply  # a new client has no article, whatever others pasted


def test_tiny_models_serve_every_task_through_the_api(tiny_client):
    article = fixture_article("vi-plain")
    for endpoint, args in (("/summarize", (article,)), ("/translate", (article, "en")),
                           ("/ask", (article, "Hội viên đã hỗ trợ vốn cho bao nhiêu phụ nữ khởi nghiệp?"))):
        reply = tiny_client.predict(*args, api_name=endpoint)
        assert "transformers" in reply, endpoint  # the engine footer names the seq2seq engine
        assert "hf download" not in reply, endpoint


def test_tiny_chat_streams_a_model_summary(tiny_client):
    tiny_client.predict(fixture_article("vi-plain"), "", api_name="/chat")
    job = tiny_client.submit("tóm tắt", "", api_name="/chat")
    final = job.result(timeout=120)
    streamed = job.outputs()
    assert len(streamed) >= 2 and streamed[-1] == final
    assert "transformers" in final


def test_an_exception_in_an_api_call_gets_a_reference_and_the_next_call_works(tmp_path, caplog):
    class Exploding(Tinbot):
        def summarize(self, text, language=None):
            raise RuntimeError("boom inside summarize")

    demo = build_demo(Exploding(Settings.from_env({}, offline=True, cache_dir=str(tmp_path))))
    demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True)
    try:
        client = Client(demo.local_url, verbose=False)
        with caplog.at_level("ERROR", logger="tinbot.ui"):
            answer = client.predict(fixture_article("vi-clutter"), api_name="/summarize")
        ref = answer.split("`")[1]
        assert answer == reply("internal_error", "vi", ref=ref)
        assert any(ref in r.getMessage() and r.exc_info for r in caplog.records)  # traceback in the log only
        assert "UBND TP. Đà Nẵng" in client.predict(fixture_article("vi-clutter"), "Ai khởi công?", api_name="/ask")
    finally:
        demo.close()


def test_app_py_binds_localhost_by_default(tmp_path):
    port = free_port()
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TINBOT_CACHE_DIR": str(tmp_path), "GRADIO_ANALYTICS_ENABLED": "False"}
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(port)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None, process.stdout.read()
                time.sleep(0.5)
        else:
            pytest.fail("app.py did not start listening within 90 s")
        client = Client(f"http://127.0.0.1:{port}/", verbose=False)
        assert "UBND TP. Đà Nẵng" in client.predict(fixture_article("vi-clutter"), api_name="/summarize")
        assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1 only, not 0.0.0.0 or ::
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_app_py_preloads_the_models_on_this_machine_at_start(tmp_path, copy_model_dir):
    import threading

    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TINBOT_CACHE_DIR": str(tmp_path), "GRADIO_ANALYTICS_ENABLED": "False",
           "TINBOT_SUMMARIZE_MODEL": str(copy_model_dir), "TINBOT_SUMMARIZE_ENGINE": "transformers"}
    process = subprocess.Popen([sys.executable, "app.py", "--port", str(free_port())], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(process.stdout), daemon=True)
    reader.start()
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline and not any("preloaded the summarize model" in line for line in lines):
            assert process.poll() is None, "".join(lines)
            time.sleep(0.5)
        assert any("preloaded the summarize model" in line for line in lines), "".join(lines)[-2000:]
        # translate and answer are hub ids not in this empty cache: never tried, never downloaded
        assert not any("preloaded the translate" in line or "download" in line.lower() for line in lines)
    finally:
        process.terminate()
        process.wait(timeout=30)


# --- the page itself: options, downloads, bilingual view (built, not served) -------------------

@pytest.fixture(scope="module")
def page(tmp_path_factory):
    cache = tmp_path_factory.mktemp("hf-cache")
    return build_demo(Tinbot(Settings.from_env({}, offline=True, cache_dir=str(cache))))


def component(demo, elem_id):
    return next(b for b in demo.blocks.values() if getattr(b, "elem_id", None) == elem_id)


def test_page_has_options_disabled_downloads_and_a_bilingual_view(page):
    import gradio as gr

    assert [c[1] for c in component(page, "opt-length").choices] == ["short", "normal", "detailed"]
    assert [c[1] for c in component(page, "opt-language").choices] == ["auto", "vi", "en"]
    for fmt in ("md", "txt", "docx"):
        button = component(page, f"download-{fmt}")
        assert isinstance(button, gr.DownloadButton) and button.interactive is False
    assert component(page, "bilingual").value.startswith("Chưa có bản dịch nào.")
    public = {fn.api_name for fn in page.fns.values() if fn.api_visibility == "public"}
    assert public == {"summarize", "translate", "ask", "chat"}
    # Every chat turn is followed by a refresh of the downloads and the bilingual view.
    turns = [i for i, fn in page.fns.items() if "chat" in [b.elem_id for b in fn.outputs] and fn.name not in ("uploaded", "restore")]
    refreshed = {fn.trigger_after for fn in page.fns.values() if fn.name == "export_updates_for"}
    assert turns and set(turns) <= refreshed


def test_a_turn_with_options_fills_the_download_buttons(page):
    from docx import Document

    turn = next(fn.fn for fn in page.fns.values() if fn.name == "turn")
    history, box, state = [], "", ChatSession()
    for message in (fixture_article("vi-clutter"), "tóm tắt"):
        for history, box, state, _ in turn(message, history, box, state, "detailed", "en", ["answer"]):
            pass   # the Article box as the page shows it goes with the next turn
    assert state.reply_language == "en" and state.last_summary.length.value == "detailed"
    assert state.extractive_tasks == {"summarize"}
    assert "_Engine: sentence extraction (no model needed)_" in history[-1]["content"]
    # extraction was chosen: no hint for the summarization model; English replies ask for the
    # summary in English, so the missing translation model is named
    content = history[-1]["content"]
    assert "vit5-base" not in content and "hf download VietAI/envit5-translation" in content
    *buttons, bilingual = export_updates(state)
    assert bilingual.startswith("No translation yet.")
    names = []
    for button in buttons:
        assert button.interactive is True
        names.append(button.value["orig_name"])
        assert Path(button.value["path"]).is_file()
    assert names == [f"da-nang-khoi-cong-tuyen-duong-ven-bien-noi-hoi-an-summary.{ext}" for ext in ("md", "txt", "docx")]
    docx = Document(buttons[2].value["path"]).paragraphs
    assert docx[0].text == "Đà Nẵng khởi công tuyến đường ven biển nối Hội An — Summary"
    assert docx[1].text.startswith("UBND TP. Đà Nẵng tổ chức lễ khởi công")
    *buttons, bilingual = export_updates(ChatSession())
    assert all(b.interactive is False and b.value is None for b in buttons)


def test_login_is_required_when_auth_is_set(tmp_path):
    settings = Settings.from_env({}, offline=True, cache_dir=str(tmp_path), auth="bao:mat-khau-9")
    demo = build_demo(Tinbot(settings))
    demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True,
                auth=settings.login())
    try:
        with pytest.raises(Exception):
            Client(demo.local_url, verbose=False)  # no credentials: the page refuses the client
        with pytest.raises(Exception):
            Client(demo.local_url, auth=("bao", "sai"), verbose=False)
        client = Client(demo.local_url, auth=("bao", "mat-khau-9"), verbose=False)
        assert "UBND TP. Đà Nẵng" in client.predict(fixture_article("vi-clutter"), api_name="/summarize")
    finally:
        demo.close()


def _run_upload_event(url: str, path: str) -> tuple[int, str, list[dict]]:
    """Call the page's upload handler over Gradio's queue protocol with ``path`` as the file."""
    config, api = gradio_queue(url)
    kinds = {c["id"]: c for c in config["components"]}
    upload = next(d for d in config["dependencies"]
                  if any(kinds.get(t[0], {}).get("props", {}).get("elem_id") == "upload" and t[1] == "upload"
                         for t in d["targets"]))
    file_data = {"path": path, "orig_name": "secret.txt", "meta": {"_type": "gradio.FileData"}}
    given = {"file": file_data, "chatbot": [], "checkboxgroup": []}  # the options at their empty values
    payload = [given.get(kinds[i]["type"]) for i in upload["inputs"]]
    joined, session = join_queue(api, upload["id"], payload)
    events = []
    if joined.status_code == 200:
        for event in queue_events(api, session):
            events.append(event)
            if event["msg"] in ("process_completed", "close_stream"):
                break
    return joined.status_code, joined.text, events


def test_the_upload_handler_cannot_be_pointed_at_a_file_on_the_server(offline_client, tmp_path):
    # a client that skips the upload and names a server path itself must not get the file read
    secret = tmp_path / "secret.txt"
    marker = "Bí mật nội bộ số 4711 không được lộ ra ngoài"
    secret.write_text(". ".join([marker] * 30) + ".", encoding="utf-8")
    url = offline_client.src.rstrip("/") + "/"
    status, text, events = _run_upload_event(url, str(secret))
    seen = json.dumps(events, ensure_ascii=False) + text
    assert marker not in seen
    assert status != 200 or any(e["msg"] == "process_completed" and not e.get("success", True) for e in events)
    # the control: the same call with the file really uploaded does read it, so the refusal
    # above is Gradio's path check, not a malformed request
    _, api = gradio_queue(url)
    with open(secret, "rb") as handle:
        uploaded = httpx.post(api + "upload", files={"files": ("secret.txt", handle, "text/plain")}, timeout=30).json()[0]
    status, text, events = _run_upload_event(url, uploaded)
    assert status == 200 and marker in json.dumps(events, ensure_ascii=False)


def test_clear_empties_the_chat_the_article_and_the_upload_box(page):
    demo = page
    blocks = {block._id: block for block in demo.blocks.values()}
    (clear,) = [dep for dep in demo.config["dependencies"]
                if any(getattr(blocks.get(target[0]), "elem_id", None) == "clear" for target in dep["targets"])]
    cleared = dict(zip((getattr(blocks[o], "elem_id", None) for o in clear["outputs"]), demo.fns[clear["id"]].fn()))
    assert cleared["chat"] == [] and cleared["article"] == "" and cleared["upload"] is None


def test_the_chat_trash_icon_forgets_the_conversation_too(page):
    # Otherwise "thêm 1 ý nữa" after it would go on with a summary no longer on screen.
    blocks = {block._id: block for block in page.blocks.values()}
    (trash,) = [dep for dep in page.config["dependencies"]
                if any(getattr(blocks.get(t[0]), "elem_id", None) == "chat" and t[1] == "clear" for t in dep["targets"])]
    cleared = dict(zip((getattr(blocks[o], "elem_id", None) or type(blocks[o]).__name__ for o in trash["outputs"]),
                       page.fns[trash["id"]].fn()))
    assert cleared == {"State": ChatSession(), "article": "", "upload": None}
    assert "share" not in component(page, "chat").buttons   # sharing would post the chat off this machine


def test_a_turn_empties_the_message_box_once_and_then_leaves_it_alone(page):
    # What the user types while a reply streams must not be wiped by the next streamed step.
    turn = next(fn.fn for fn in page.fns.values() if fn.name == "turn")
    state = list(turn(fixture_article("vi-clutter"), [], "", ChatSession(), "normal", "auto", []))[-1][2]
    steps = list(turn("tóm tắt", [], state.article_text, state, "normal", "auto", ["summarize"]))  # "loading", then the summary
    assert len(steps) > 1 and steps[0][3] == "" and all(step[3] != "" for step in steps[1:])


def test_a_pasted_article_shows_and_empties_the_box_before_it_is_read(page):
    # A long paste takes a while to read: the box is emptied first, not after, so a question typed
    # meanwhile stays.
    turn = next(fn.fn for fn in page.fns.values() if fn.name == "turn")
    steps = turn(fixture_article("vi-clutter"), [], "", ChatSession(), "normal", "auto", [])
    history, box, state, message = next(steps)
    assert message == "" and history == [{"role": "user", "content": fixture_article("vi-clutter")}]
    assert box == state == {"__type__": "update"}   # not read yet: the article box and the session wait
    *_, (history, box, state, message) = steps
    assert state.article is not None and "Đà Nẵng" in box and message == {"__type__": "update"}


def test_clearing_by_message_clears_the_chat_shown_too(page):
    turn = next(fn.fn for fn in page.fns.values() if fn.name == "turn")
    history, _, state, _ = list(turn(fixture_article("vi-clutter"), [], "", ChatSession(), "normal", "auto", []))[-1]
    history, _, state, _ = list(turn("tóm tắt", history, state.article_text, state, "normal", "auto", []))[-1]
    assert len(history) == 4
    history, box, state, _ = list(turn("xóa hết", history, state.article_text, state, "normal", "auto", []))[-1]
    assert history == [{"role": "user", "content": "xóa hết"},
                       {"role": "assistant", "content": reply("conversation_reset", "vi")}]
    assert box == "" and state.article is None


def test_an_upload_is_acknowledged_in_the_reply_language_chosen(page, tmp_path):
    uploaded = next(fn.fn for fn in page.fns.values() if fn.name == "uploaded")
    path = tmp_path / "bai.txt"
    path.write_text(fixture_article("vi-clutter"), encoding="utf-8")
    history, box, state = uploaded(str(path), [], ChatSession(), "normal", "en", [])
    assert "Language: Vietnamese" in history[-1]["content"] and state.reply_language == "en" and "Đà Nẵng" in box
    assert state.box_shows_article   # the box shows the upload: emptying it closes the article
    assert history[0] == {"role": "user", "content": "📎 bai.txt"}   # the upload is the user's turn in the chat


def test_an_empty_send_shows_no_empty_bubble(page):
    turn = next(fn.fn for fn in page.fns.values() if fn.name == "turn")
    history, *_ = list(turn("  ", [], "", ChatSession(), "normal", "auto", []))[-1]
    assert history == [{"role": "assistant", "content": reply("empty_message", "vi")}]


def handler(demo, elem_id: str, event: str):
    """The function the page runs on ``event`` of the component ``elem_id``, and its output ids."""
    blocks = {block._id: block for block in demo.blocks.values()}
    (dep,) = [d for d in demo.config["dependencies"]
              if any(getattr(blocks.get(t[0]), "elem_id", None) == elem_id and t[1] == event for t in d["targets"])]
    return demo.fns[dep["id"]].fn, [getattr(blocks[o], "elem_id", None) for o in dep["outputs"]]


def test_the_quick_actions_speak_the_reply_language_chosen_in_the_options(page):
    labels, outputs = handler(page, "opt-language", "change")   # also when a reload restores the Options
    assert outputs == [f"btn-{key}" for key in QUICK_ACTIONS]
    assert labels("en") == ("Summarize", "Translate to English", "Summarize in English")
    assert labels("vi") == labels("auto") == tuple(reply(f"button_{key}", "vi") for key in QUICK_ACTIONS)
    assert [component(page, f"btn-{key}").value for key in QUICK_ACTIONS] == list(labels("auto"))
    # the message a button sends is in the language it shows
    summarize, _ = handler(page, "btn-summarize", "click")
    history, *_ = list(summarize([], fixture_article("vi-clutter"), ChatSession(), "normal", "en", []))[-1]
    assert history[0] == {"role": "user", "content": "Summarize this article"} and "Engine" in history[-1]["content"]
    history, *_ = list(summarize([], fixture_article("vi-clutter"), ChatSession(), "normal", "auto", []))[-1]
    assert history[0] == {"role": "user", "content": reply("message_summarize", "vi")}


def test_emptying_the_article_box_closes_the_article_it_showed(page):
    turn = next(fn.fn for fn in page.fns.values() if fn.name == "turn")
    history, box, state, _ = list(turn(fixture_article("vi-clutter"), [], "", ChatSession(), "normal", "auto", []))[-1]
    assert box == state.article_text and state.box_shows_article   # pasted in the chat, shown in the box
    history, box, state, _ = list(turn("tóm tắt", history, "", state, "normal", "auto", []))[-1]
    assert history[-1]["content"].startswith(reply("article_closed", "vi")) and box == "" and state.article is None
    assert not state.box_shows_article


def test_a_file_of_another_type_gets_tinbots_reply_not_gradios_english_toast(page, tmp_path):
    assert component(page, "upload").file_types is None   # Gradio would refuse it itself, in English
    uploaded = next(fn.fn for fn in page.fns.values() if fn.name == "uploaded")
    path = tmp_path / "anh.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0 not an article")
    for language in ("vi", "en"):
        history, box, state = uploaded(str(path), [], ChatSession(), "normal", language, [])
        assert history == [{"role": "user", "content": "📎 anh.jpg"},
                           {"role": "assistant", "content": reply("source_unsupported_type", language)}]
        assert box == "" and state.article is None


def test_a_message_refused_as_too_long_shows_as_a_short_line_not_in_full(page):
    turn = next(fn.fn for fn in page.fns.values() if fn.name == "turn")
    limit = 120_000   # the default limit (README "Limits")
    pasted = ("Hà Nội mưa lớn kéo dài suốt đêm qua. " * 4200)[:149_000]
    assert len(pasted) > limit
    history, *_ = list(turn(pasted, [], "", ChatSession(), "normal", "auto", []))[-1]
    assert history == [{"role": "user", "content": reply("message_too_long_shown", "vi", chars=149_000)},
                       {"role": "assistant", "content": reply("message_too_long", "vi", limit=limit)}]
    assert "149.000 ký tự" in history[0]["content"] and len(history[0]["content"]) < 80
    history, *_ = list(turn(pasted, [], "", ChatSession(), "normal", "en", []))[-1]   # the reply language chosen
    assert "149,000 characters" in history[0]["content"] and history[1]["content"].startswith("The message is longer")
    fitting = pasted[:limit]
    history, *_ = list(turn(fitting, [], "", ChatSession(), "normal", "auto", []))[-1]
    assert history[0] == {"role": "user", "content": fitting}   # up to the limit, shown as sent


def test_a_turn_shows_its_progress_on_the_chat_only_and_ends_scrolled_to_its_reply(page):
    # A stop before the turn's first update marks the turn's progress targets "Error": the
    # message and Article boxes must not be among them.
    from bot.ui import SCROLL_TO_REPLY_JS

    blocks = {block._id: block for block in page.blocks.values()}
    chat_id = component(page, "chat")._id
    turns = [d for d in page.config["dependencies"]
             if page.fns[d["id"]].name in ("turn", "action")]
    assert len(turns) == 1 + len(QUICK_ACTIONS)
    for dep in turns:
        assert {getattr(blocks[o], "elem_id", None) for o in dep["outputs"]} >= {"chat", "message", "article"}
        assert dep["show_progress_on"] == [chat_id]
        followers = [d for d in page.config["dependencies"] if d.get("trigger_after") == dep["id"]]
        assert any(d["js"] == SCROLL_TO_REPLY_JS and not d["backend_fn"] for d in followers)
    cancelled = {i for d in page.config["dependencies"] for i in d["cancels"]
                 if any(getattr(blocks.get(t[0]), "elem_id", None) == "stop" for t in d["targets"])}
    assert cancelled == {d["id"] for d in turns}
