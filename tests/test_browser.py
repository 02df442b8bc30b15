"""The page in a real browser: Playwright drives Debian's Chromium against the running app.

The app runs in this process on a free loopback port with the tiny copy model of
``tests/tiny_models.py`` for every task, paced (``test_faults.PacedEngine``) so that a streamed
reply takes a second or two and the page can be seen growing it. The browser reaches nothing but
127.0.0.1 (``--host-resolver-rules``), as on a machine with no network.

Chromium comes from ``$TINBOT_CHROMIUM``, else ``/usr/bin/chromium`` or ``/usr/bin/chromium-browser``
(Debian's package, which ``.ci/run`` installs), else ``chromium`` on PATH; Playwright never downloads
one. Without it the tests are skipped, unless ``TINBOT_BROWSER_TESTS=required`` (CI): then they fail.
The screenshot of a whole conversation goes to ``$TINBOT_TEST_ARTIFACTS`` (default ``tests/artifacts/``).
"""
from __future__ import annotations

import logging
import os
import shutil
import struct
from pathlib import Path

import pytest
from test_faults import paced_hub, serve_hub

from bot.prompts import reply
from bot.ui import QUICK_ACTIONS
from tests.helpers import fixture_article

pytestmark = pytest.mark.browser

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",  # no network but the app's
]
# Playwright's launch() gives every browser a fresh temporary profile (--user-data-dir) of its own.
WAIT_MS = 60_000  # the longest any single step may take on a busy 2-core machine
PACE_S = 0.05     # per streamed token (up to 40 per reply) and per translated batch
ARTIFACTS = Path(os.environ.get("TINBOT_TEST_ARTIFACTS") or Path(__file__).parent / "artifacts")
# The engine line that ends every finished task reply, in either reply language.
FOOTERS = tuple(reply("engine_footer", lang, engine="").strip("_ ") for lang in ("vi", "en"))

# Written for this test (not from a real article): every way a pasted text could try to run code.
HOSTILE_ARTICLE = """Lễ hội mùa thu <script>window.__pwned=1</script> ở Ninh Bình

Sáng 5/11, Sở Văn hoá tỉnh Ninh Bình công bố lịch lễ hội mùa thu tại cố đô Hoa Lư.
Ban tổ chức dự kiến đón 20.000 lượt khách <img src=x onerror="window.__pwned=1;alert('img')"> trong ba ngày.
Chương trình chi tiết xem tại <a href="javascript:window.__pwned=1;alert('a')">trang này</a> hoặc [x](javascript:window.__pwned=1).

Bà Phạm Thu Hà, phó giám đốc sở, cho biết vé vào cửa được miễn phí cho học sinh <svg onload="alert('svg')"></svg>.
"""

# Records every state of the chat's last reply as (number of replies, characters in the last one).
WATCH_CHAT = """() => {
    const chat = document.querySelector('#chat');
    window.__tinbotSeen = [];
    const record = () => {
        const replies = chat.querySelectorAll('[data-testid="bot"]');
        const last = replies[replies.length - 1];
        window.__tinbotSeen.push([replies.length, last ? Array.from(last.textContent.trim()).length : 0]);
    };
    new MutationObserver(record).observe(chat, {subtree: true, childList: true, characterData: true});
}"""
REPLY_DONE = """([n, marks]) => {
    const replies = document.querySelectorAll('#chat [data-testid="bot"]');
    return replies.length >= n && marks.some(m => replies[n - 1].textContent.includes(m));
}"""

# The state of the ``n``-th reply to "summarize this: <article>": the acknowledgement, a rule,
# then the summary ("streaming" once the summary has begun, "done" once the engine line shows).
SUMMARY_STATE = """([n, marks]) => {
    const replies = document.querySelectorAll('#chat [data-testid="bot"]');
    if (replies.length < n) return false;
    const reply = replies[n - 1];
    if (marks.some(m => reply.textContent.includes(m))) return "done";
    const rule = reply.querySelector('hr');
    return rule && rule.nextElementSibling && rule.nextElementSibling.textContent.trim() ? "streaming" : false;
}"""


def find_chromium() -> str | None:
    """``$TINBOT_CHROMIUM`` when set (and nothing else), else Debian's paths, else ``chromium`` on PATH."""
    explicit = os.environ.get("TINBOT_CHROMIUM")
    if explicit:
        candidates = [explicit]
    else:
        candidates = [*CHROMIUM_CANDIDATES, *filter(None, map(shutil.which, ("chromium", "chromium-browser")))]
    return next((c for c in candidates if os.path.isfile(c) and os.access(c, os.X_OK)), None)


def unavailable(reason: str) -> None:
    """Skip, or fail where the browser tests are required (CI sets TINBOT_BROWSER_TESTS=required)."""
    if os.environ.get("TINBOT_BROWSER_TESTS") == "required":
        pytest.fail(f"browser tests are required (TINBOT_BROWSER_TESTS=required) but {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    path = find_chromium()
    if path is None:
        where = f"TINBOT_CHROMIUM={os.environ['TINBOT_CHROMIUM']}" if os.environ.get("TINBOT_CHROMIUM") \
            else " or ".join(CHROMIUM_CANDIDATES) + " or on PATH"
        unavailable(f"no Chromium at {where} (Debian: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the playwright package is missing (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS, timeout=WAIT_MS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def app(tiny_hub):
    hub, _ = paced_hub(tiny_hub, delay=PACE_S)
    demo = serve_hub(hub)
    yield demo.local_url
    demo.close()


class ChatPage:
    """One browser tab on the app, with the steps a person takes and what they would see."""

    def __init__(self, browser, url: str, viewport: dict | None = None):
        self.context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, locale="vi-VN")
        self.page = self.context.new_page()
        self.page.set_default_timeout(WAIT_MS)
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.goto(url, wait_until="domcontentloaded")
        self.page.wait_for_selector("#message textarea", state="visible")
        self.page.evaluate(WATCH_CHAT)

    def replies(self) -> list[str]:
        return self.page.locator('#chat [data-testid="bot"]').all_text_contents()

    def send(self, text: str) -> None:
        self.page.fill("#message textarea", text)
        self.page.click("#send")

    def ask(self, text: str) -> None:
        self.page.fill("#message textarea", text)
        self.page.press("#message textarea", "Enter")

    def wait_for_reply(self, n: int, *marks: str) -> str:
        """The ``n``-th reply once it shows one of ``marks`` (default: the engine line of a finished task)."""
        self.page.wait_for_function(REPLY_DONE, arg=[n, list(marks or FOOTERS)], timeout=WAIT_MS)
        return self.replies()[n - 1]

    def growth(self, n: int) -> list[int]:
        """The lengths the ``n``-th reply was seen to have, in order, without repeats."""
        lengths = [length for count, length in self.page.evaluate("window.__tinbotSeen") if count == n]
        return [length for i, length in enumerate(lengths) if i == 0 or length != lengths[i - 1]]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def chat(browser, app):
    page = ChatPage(browser, app)
    yield page
    page.close()


def assert_streamed(chat: ChatPage, n: int, final: str) -> None:
    """The reply was seen growing: shown, then longer at least twice, up to its final length."""
    seen = [length for length in chat.growth(n) if length]  # not the empty bubble before the first piece
    increases = sum(1 for before, after in zip(seen, seen[1:]) if after > before)
    assert increases >= 2 and seen[-1] == len(final.strip()), f"reply {n} did not stream: lengths seen {seen}"


def test_the_page_opens_with_the_chat_and_the_quick_actions(chat):
    assert chat.page.title().startswith("tinbot")
    for key in QUICK_ACTIONS:
        button = chat.page.locator(f"#btn-{key}")
        assert button.is_visible() and button.inner_text().strip() == reply(f"button_{key}", "vi")
    assert chat.page.locator("#send").is_visible() and chat.page.locator("#stop").is_visible()
    assert chat.replies() == [] and chat.errors == []


def test_a_pasted_article_then_every_quick_action_and_a_question_stream_their_replies(chat):
    chat.send(fixture_article("vi-plain"))
    ack = chat.wait_for_reply(1, reply("ack_untitled", "vi"))
    assert "115 từ, 3 đoạn, 6 câu" in ack
    for n, key in enumerate(QUICK_ACTIONS, start=2):
        chat.page.click(f"#btn-{key}")
        final = chat.wait_for_reply(n)
        assert "transformers" in final, (key, final)  # written by the (tiny) model, not extracted
        assert_streamed(chat, n, final)
    n = len(QUICK_ACTIONS) + 2
    chat.ask("Hội viên đã hỗ trợ vốn cho bao nhiêu phụ nữ khởi nghiệp?")
    answer = chat.wait_for_reply(n)
    assert "1.250 phụ nữ khởi nghiệp" in answer  # the evidence sentence is quoted
    assert_streamed(chat, n, answer)
    assert chat.errors == [] and chat.dialogs == []

    # The whole conversation on one image: let the chat grow to its content, then shoot the page.
    chat.page.add_style_tag(content="#chat, #chat .bubble-wrap { height: auto !important; max-height: none !important;"
                                    " overflow: visible !important; }")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "browser-conversation.png"
    shot.unlink(missing_ok=True)
    chat.page.screenshot(path=str(shot), full_page=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 50_000
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk
    assert width >= 1280 and height > 900, (width, height)  # taller than the window: the whole chat


def test_a_hostile_article_runs_nothing_in_the_page(chat):
    # Control: the same text, rendered as raw HTML in this browser, does run (so the check can fail).
    control = chat.context.new_page()
    control.on("dialog", lambda dialog: dialog.dismiss())
    control.set_content(f"<div>{HOSTILE_ARTICLE}</div>")
    control.wait_for_function("window.__pwned === 1", timeout=10_000)
    control.close()

    chat.send(HOSTILE_ARTICLE)
    chat.wait_for_reply(1, reply("ack_header", "vi", title="").split("*")[0].strip())
    chat.page.click("#btn-summarize")
    chat.wait_for_reply(2)
    chat.ask("Ban tổ chức dự kiến đón bao nhiêu lượt khách?")
    answer = chat.wait_for_reply(3)
    assert "20.000 lượt khách" in answer and "onerror=" in answer  # quoted, and shown as text
    chat.page.wait_for_timeout(500)  # let any late handler (an image error, a timer) fire

    assert chat.page.evaluate("typeof window.__pwned") == "undefined"
    assert chat.dialogs == []
    found = chat.page.evaluate("""() => {
        const chat = document.querySelector('#chat');
        return {
            scripts: chat.querySelectorAll('script').length,
            handlers: [...chat.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            links: [...chat.querySelectorAll('a[href]')].filter(a => /^\\s*javascript:/i.test(a.getAttribute('href'))).length,
        };
    }""")
    assert found == {"scripts": 0, "handlers": 0, "links": 0}
    assert chat.errors == []


def test_a_closed_tab_mid_reply_leaves_the_app_serving_the_next_tab(browser, app, caplog):
    request = "Tóm tắt bài sau:\n" + fixture_article("vi-plain")
    with caplog.at_level(logging.INFO, logger="tinbot"):
        first = ChatPage(browser, app)
        first.send(request)
        state = first.page.wait_for_function(SUMMARY_STATE, arg=[1, list(FOOTERS)]).json_value()
        first.close()  # the tab goes away while the summary is still streaming
        assert state == "streaming"
        second = ChatPage(browser, app)
        second.send(request)
        assert "transformers" in second.wait_for_reply(1)
        assert_streamed(second, 1, second.replies()[0])
        second.close()
    stopped = [r.getMessage() for r in caplog.records if "stopped before its reply was finished" in r.getMessage()]
    assert len(stopped) == 1 and "Tóm tắt bài sau" in stopped[0], caplog.text


def test_clearing_in_the_chat_empties_the_article_box_so_the_article_stays_gone(chat):
    chat.send(fixture_article("vi-plain"))
    chat.wait_for_reply(1, reply("ack_untitled", "vi"))
    box = chat.page.locator("#article textarea")
    assert "phụ nữ khởi nghiệp" in box.input_value()
    chat.send("xóa hết")
    # The chat shown is cleared as well: the reset is the only reply left.
    assert chat.wait_for_reply(1, reply("conversation_reset", "vi")).strip() == reply("conversation_reset", "vi")
    assert len(chat.replies()) == 1
    chat.page.wait_for_function("() => document.querySelector('#article textarea').value === ''")
    chat.send("tóm tắt")   # the box, now empty, loads nothing back
    assert chat.wait_for_reply(2, reply("need_article", "vi").split(" (")[0]).strip() == reply("need_article", "vi").replace("**", "")
    assert chat.errors == []


# Counts the page's writes of its kept conversation (each turn's copy is written after its reply).
COUNT_SAVES = """() => {
    window.__tinbotSaves = 0;
    const write = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
        if (key === 'tinbot-conversation') window.__tinbotSaves += 1;
        return write.call(this, key, value);
    };
}"""


def count_saves(chat: ChatPage) -> None:
    """Count the page's writes of its kept conversation from now on (``window.__tinbotSaves``).

    The kept state writes its empty default once when it mounts, which on a busy machine can come
    after the page looks ready; counting starts after that write, so only turns are counted."""
    chat.page.wait_for_function("() => localStorage.getItem('tinbot-conversation') !== null")
    chat.page.evaluate(COUNT_SAVES)


def test_a_reload_brings_back_the_conversation_and_the_article(chat):
    count_saves(chat)
    chat.page.wait_for_timeout(1000)
    assert chat.page.evaluate("window.__tinbotSaves") == 0   # nothing is written before a turn
    chat.page.get_by_text("Tuỳ chọn / Options").click()
    chat.page.locator("#opt-length").get_by_text("chi tiết / detailed").click()
    chat.send(fixture_article("vi-plain"))
    chat.wait_for_reply(1, reply("ack_untitled", "vi"))
    chat.ask("Hội viên đã hỗ trợ vốn cho bao nhiêu phụ nữ khởi nghiệp?")
    answer = chat.wait_for_reply(2)
    chat.page.wait_for_function("() => window.__tinbotSaves >= 2")   # both turns' copies written
    chat.page.reload(wait_until="domcontentloaded")
    chat.page.wait_for_function("() => document.querySelectorAll('#chat [data-testid=\"bot\"]').length === 2")
    assert chat.replies()[1].strip() == answer.strip()
    assert "phụ nữ khởi nghiệp" in chat.page.locator("#article textarea").input_value()
    chat.page.get_by_text("Tuỳ chọn / Options").click()
    assert chat.page.locator('#opt-length input[value="detailed"]').is_checked()   # the Options as they were
    chat.page.evaluate(WATCH_CHAT)
    chat.ask("Hội viên đã hỗ trợ vốn cho bao nhiêu phụ nữ khởi nghiệp?")   # the article is open again
    assert "1.250 phụ nữ khởi nghiệp" in chat.wait_for_reply(3)
    assert chat.errors == []


def test_on_a_phone_the_chat_the_message_box_and_send_fit_the_first_screen(browser, app):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    try:
        page = context.new_page()
        page.goto(app, wait_until="domcontentloaded")
        page.wait_for_selector("#message textarea", state="visible")
        send, chat = page.locator("#send").bounding_box(), page.locator("#chat").bounding_box()
        assert send["y"] + send["height"] <= 844 and chat["height"] >= 240
        rows = {round(page.locator(f"#{key}").bounding_box()["y"]) for key in ("send", "stop", "clear")}
        assert len(rows) == 1   # the three buttons side by side, not stacked
    finally:
        context.close()


def test_the_quick_actions_follow_the_reply_language_and_a_reload_keeps_it(chat):
    count_saves(chat)
    chat.page.get_by_text("Tuỳ chọn / Options").click()
    chat.page.locator("#opt-language").get_by_text("English").click()
    english = "() => document.querySelector('#btn-summarize')?.textContent.trim() === %r" % reply("button_summarize", "en")
    chat.page.wait_for_function(english)
    for key in QUICK_ACTIONS:
        assert chat.page.locator(f"#btn-{key}").inner_text().strip() == reply(f"button_{key}", "en")
    chat.send(fixture_article("vi-plain"))   # a turn keeps the Options in the browser
    chat.wait_for_reply(1, reply("ack_untitled", "en"))
    chat.page.wait_for_function("() => window.__tinbotSaves >= 1")
    chat.page.reload(wait_until="domcontentloaded")
    chat.page.wait_for_function(english)   # the restored Options relabel the buttons
    assert chat.errors == []


def test_emptying_the_article_box_closes_the_article(chat):
    chat.send(fixture_article("vi-plain"))
    chat.wait_for_reply(1, reply("ack_untitled", "vi"))
    box = chat.page.locator("#article textarea")
    assert "phụ nữ khởi nghiệp" in box.input_value()
    box.fill("")   # select all, delete
    chat.send("tóm tắt")
    closed = chat.wait_for_reply(2, reply("article_closed", "vi").split(" (")[0])
    assert reply("need_article", "vi").split(" (")[0].replace("**", "") in closed   # nothing left to summarize
    assert box.input_value() == "" and chat.errors == []


def test_a_summary_can_still_be_downloaded_after_a_reload(chat):
    count_saves(chat)
    chat.send(fixture_article("vi-plain"))
    chat.wait_for_reply(1, reply("ack_untitled", "vi"))
    chat.page.click("#btn-summarize")
    chat.wait_for_reply(2)
    enabled = "() => document.querySelector('#download-md')?.disabled === false"
    chat.page.wait_for_function(enabled)
    chat.page.wait_for_function("() => window.__tinbotSaves >= 2")
    chat.page.reload(wait_until="domcontentloaded")
    chat.page.wait_for_function("() => document.querySelectorAll('#chat [data-testid=\"bot\"]').length === 2")
    chat.page.wait_for_function(enabled)
    with chat.page.expect_download() as download:
        chat.page.click("#download-md")
    assert download.value.suggested_filename.endswith("-summary.md")
    assert chat.errors == []


def test_a_file_of_another_type_is_answered_by_tinbot_in_vietnamese(chat, tmp_path):
    picture = tmp_path / "anh.jpg"
    picture.write_bytes(b"\xff\xd8\xff\xe0 not an article")
    chat.page.set_input_files("#upload input[type=file]", str(picture))
    assert chat.wait_for_reply(1, reply("source_unsupported_type", "vi")).strip() == reply("source_unsupported_type", "vi")
    assert chat.errors == []


@pytest.fixture(scope="module")
def offline_app(tmp_path_factory):
    """The app as on a machine without any model: extraction, and the missing-model notices."""
    from test_app import free_port

    from bot.service import Tinbot
    from bot.settings import Settings
    from bot.ui import build_demo, launch_options

    settings = Settings.from_env({}, offline=True, cache_dir=str(tmp_path_factory.mktemp("hf-cache")))
    demo = build_demo(Tinbot(settings))
    demo.launch(server_name="127.0.0.1", server_port=free_port(), prevent_thread_lock=True, quiet=True,
                **launch_options(settings))
    yield demo.local_url
    demo.close()


def test_a_missing_model_shows_one_line_and_folds_the_commands(browser, offline_app):
    chat = ChatPage(browser, offline_app)
    try:
        chat.send(fixture_article("vi-plain"))
        chat.wait_for_reply(1, reply("ack_untitled", "vi"))
        chat.page.click("#btn-summarize")
        chat.wait_for_reply(2)
        summary = chat.page.locator('#chat [data-testid="bot"]').nth(1)
        command = summary.get_by_text("hf download VietAI/vit5-base-vietnews-summarization")
        assert "chế độ trích câu có sẵn" in summary.inner_text() and not command.is_visible()
        summary.locator("summary", has_text="Cách tải mô hình").click()   # the chat keeps <details> through its sanitizer
        assert command.is_visible()
        assert chat.errors == []
    finally:
        chat.close()


# Where the last reply's first line is: inside the chat's visible area, and inside the window.
LAST_REPLY_TOP_SHOWN = """() => {
    const wrap = document.querySelector('#chat .bubble-wrap');
    const replies = wrap.querySelectorAll('[data-testid="bot"]');
    const top = replies[replies.length - 1].getBoundingClientRect().top, area = wrap.getBoundingClientRect();
    return top >= area.top - 1 && top + 20 <= area.bottom && area.top >= 0;
}"""


def test_on_a_phone_a_long_reply_shows_from_its_first_line(browser, offline_app):
    # The summary with its notices (a missing model, the folded commands, the engine line) is far
    # taller than the chat on a phone: the chat follows it to the bottom, then shows its start.
    chat = ChatPage(browser, offline_app, viewport={"width": 390, "height": 844})
    try:
        chat.send(fixture_article("vi-plain"))
        chat.wait_for_reply(1, reply("ack_untitled", "vi"))
        chat.page.click("#btn-summarize")
        chat.wait_for_reply(2)
        tall = chat.page.evaluate("() => { const w = document.querySelector('#chat .bubble-wrap');"
                                  " const r = w.querySelectorAll('[data-testid=\"bot\"]');"
                                  " return r[r.length - 1].getBoundingClientRect().height > w.clientHeight; }")
        assert tall   # else the check below would hold without any scrolling
        chat.page.wait_for_function(LAST_REPLY_TOP_SHOWN, timeout=10_000)
        chat.page.wait_for_timeout(1500)   # and it stays there (the chat's own autoscroll has come and gone)
        assert chat.page.evaluate(LAST_REPLY_TOP_SHOWN) and chat.errors == []
    finally:
        chat.close()


def test_stopping_right_after_a_long_paste_shows_no_error_badges(chat):
    # Stopped before its first update, a turn's request fails in the page: Gradio marks the event's
    # progress targets "Error"; the message and Article boxes are none of them.
    chat.send(fixture_article("vi-plain"))
    chat.wait_for_reply(1, reply("ack_untitled", "vi"))
    chat.page.fill("#message textarea", (fixture_article("vi-plain") + "\n\n") * 150)
    chat.page.click("#send")
    chat.page.click("#stop")
    chat.page.wait_for_timeout(3000)
    badges = chat.page.evaluate("""() => [...document.querySelectorAll('[data-testid="status-tracker"]')]
        .filter(e => e.innerText.trim()).map(e => (e.closest('[id]') || {}).id + ': ' + e.innerText.trim())""")
    assert badges == [] and chat.errors == []
