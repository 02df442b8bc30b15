"""The Gradio page: chat, Article box, quick actions, and the named API endpoints.

Handlers are plain functions from ``bot.chat``, ``bot.service`` and ``bot.export``; this module
only wires them to components. The Options (summary length, reply language, models) travel with every
turn into the session; after every turn the download buttons and the bilingual view follow the
session's latest summary or translation. Article text and model output are shown as text: the
chat sanitizes HTML and ``bot.reply`` escapes tags, so nothing pasted can run in the page.
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable, Iterator

import gradio as gr

from bot.chat import (MODEL_CHOICE_TASKS, ChatSession, clears_conversation, load_upload, noting_box, reply_language_for,
                      respond, shown_message, with_options)
from bot.export import FORMATS, bilingual_markdown, cached_exports
from bot.prompts import LANGUAGES, reply
from bot.reply import escape_text, failure_reply
from bot.saved import restored_conversation, saved_conversation
from bot.segment import normalize_text
from bot.service import Tinbot
from bot.settings import Settings

log = logging.getLogger("tinbot.ui")

QUICK_ACTIONS = ("summarize", "translate_en", "summarize_en")
# Run when the page loads: the page is in Vietnamese (screen readers pick their voice by it).
PAGE_JS = "() => { document.documentElement.lang = 'vi'; }"
# On a phone the chat, the message box and Send fit the first screen: a shorter chat, the button
# rows kept on one line (Gradio stacks them full width), and a shorter Article box.
PAGE_CSS = """
@media (max-width: 640px) {
  #chat { height: 45vh !important; min-height: 240px !important; }
  #quick-actions, #send-row { flex-wrap: nowrap !important; gap: 4px !important; }
  #quick-actions > *, #send-row > * { min-width: 0 !important; flex: 1 1 0 !important; }
  #article textarea { max-height: 30vh !important; }
}
"""
# Run when a turn ends: a reply taller than the chat shows from its first line, not its last (the
# notices and the engine line close it). Only when the chat followed the reply to its bottom (a
# user who scrolled up keeps their place), and after the chat's own scroll to the bottom, which
# comes 300 ms after the last update (Gradio's Chatbot autoscroll): checked again a little later
# in case that one came late. Then the chat's top is brought into the window if it is above it
# (on a phone the page itself may have scrolled while the message box was tall with a paste).
SCROLL_TO_REPLY_JS = """async () => {
  const pause = ms => new Promise(done => setTimeout(done, ms));
  for (const wait of [450, 600]) {
    await pause(wait);
    const wrap = document.querySelector('#chat .bubble-wrap');
    const replies = wrap ? wrap.querySelectorAll('[data-testid="bot"]') : [];
    if (!replies.length) return;
    const atBottom = wrap.scrollHeight - wrap.scrollTop - wrap.clientHeight < 120;
    const above = replies[replies.length - 1].getBoundingClientRect().top - wrap.getBoundingClientRect().top;
    if (!atBottom || above >= 0) continue;
    wrap.scrollTop += above - 8;
    const top = wrap.getBoundingClientRect().top;
    if (top < 0) window.scrollBy(0, top - 8);
  }
}"""
UPLOAD_TYPES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")
LENGTH_CHOICES = [("ngắn / short", "short"), ("vừa / normal", "normal"), ("chi tiết / detailed", "detailed")]
LANGUAGE_CHOICES = [("tự động / auto", "auto"), ("tiếng Việt", "vi"), ("English", "en")]


def build_demo(bot: Tinbot) -> gr.Blocks:
    with gr.Blocks(title="tinbot — đọc báo cùng trợ lý") as demo:
        session = gr.State(ChatSession())
        gr.Markdown("## 📰 tinbot\nDán một bài báo, rồi hỏi: *tóm tắt*, *dịch sang tiếng Anh*, *ai là ...?*")
        with gr.Row():
            with gr.Column(scale=3):
                # Height in viewport units, so the message box stays on a phone's screen; no
                # "share" button (it posts the chat to Hugging Face: text would leave the machine).
                chatbot = gr.Chatbot(label="tinbot", height="60vh", min_height=320, sanitize_html=True,
                                     render_markdown=True, buttons=["copy", "copy_all"], elem_id="chat")
                with gr.Row(elem_id="quick-actions"):
                    buttons = {key: gr.Button(label, size="sm", elem_id=f"btn-{key}")
                               for key, label in zip(QUICK_ACTIONS, quick_action_labels("auto"))}
                message = gr.Textbox(placeholder="Dán bài báo hoặc nhập yêu cầu… / Paste an article or ask…",
                                     label="Tin nhắn / Message", lines=1, max_lines=12, show_label=False,
                                     elem_id="message")
                with gr.Row(elem_id="send-row"):
                    send = gr.Button("Gửi / Send", variant="primary", elem_id="send")
                    stop = gr.Button("Dừng / Stop", variant="stop", elem_id="stop")
                    clear = gr.Button("Xoá hội thoại / Clear", elem_id="clear")
            with gr.Column(scale=2):
                article_box, upload, options, downloads = _side_panel(bot)
        with gr.Accordion("Song ngữ / Bilingual", open=False):
            bilingual = gr.Markdown(reply("bilingual_empty", "vi"), elem_id="bilingual")

        def turn(text: str, history: list, article: str, state: ChatSession, summary_length: str,
                 reply_language: str, model_tasks: list[str], request: gr.Request | None = None) -> Iterator[tuple]:
            state = with_options(state, summary_length, reply_language, model_tasks)
            # An empty Send shows no empty bubble (the reply still says the message was empty); one
            # refused as too long shows as a short line, not in full.
            asked = [{"role": "user", "content": shown_message(text, state, bot)}] if normalize_text(text or "") else []
            # "xóa" clears the conversation: the page shows only that exchange from now on.
            history = ([] if clears_conversation(text) else list(history or [])) + asked
            # The message shows and the box empties at once, before a long paste is read: what the
            # user types meanwhile stays in the box.
            yield history, gr.skip(), gr.skip(), ""
            had_article = state.article is not None
            for answer, state in respond(text, state, bot, article or "", client=_client(request)):
                # The Article box shows the open article; text there that is none stays, unless "xóa"
                # just closed the article it showed (else the next turn would load it again), or
                # it was refused as no article ("abc").
                closed = had_article and state.article is None
                box = state.article_text or ("" if closed or (article or "").strip() == state.ignored_box else article)
                yield history + [{"role": "assistant", "content": answer}], box, noting_box(state, box), gr.skip()

        outputs = [chatbot, article_box, session, message]
        max_age_s = bot.settings.limits.export_max_age_s

        def export_updates_for(state: ChatSession) -> tuple:
            return export_updates(state, max_age_s)

        refresh = dict(fn=export_updates_for, inputs=[session], outputs=[*downloads, bilingual], api_visibility="undocumented")
        # A turn shows its progress on the chat only: the boxes it empties or fills stay free to
        # type in, and a turn stopped before its first update (Stop right after a long paste) puts
        # no "Error" badge over them (Gradio marks every progress target of a cancelled request so).
        turn_options = dict(outputs=outputs, show_progress_on=[chatbot], api_visibility="undocumented")
        events = []
        # One event for Enter and Send: while a reply is coming, another is not started (Gradio's
        # trigger_mode "once"), and the message typed meanwhile waits in the box.
        events.append(gr.on([message.submit, send.click], turn, inputs=[message, chatbot, article_box, session, *options],
                            **turn_options))

        def quick_action(key: str):
            def action(history: list, article: str, state: ChatSession, summary_length: str,
                       reply_language: str, model_tasks: list[str], request: gr.Request | None = None):
                # The message sent is in the language the button shows, as if typed.
                fixed = reply(f"message_{key}", page_language(reply_language))
                yield from turn(fixed, history, article, state, summary_length, reply_language, model_tasks, request)
            return action

        for key, button in buttons.items():
            events.append(button.click(quick_action(key), inputs=[chatbot, article_box, session, *options],
                                       **turn_options))
        for event in events:
            event.then(**refresh)
            event.then(None, js=SCROLL_TO_REPLY_JS)
        # The quick actions speak the language the Options chose (also when a reload restores it).
        options[1].change(quick_action_labels, inputs=[options[1]], outputs=list(buttons.values()),
                          api_visibility="undocumented", show_progress="hidden")
        saved = _remember(bot, demo, events, chatbot, article_box, session, options, refresh)

        def uploaded(path: str | None, history: list, state: ChatSession, summary_length: str,
                     reply_language: str, model_tasks: list[str]) -> tuple:
            if not path:
                return history, state.article_text, state
            state = with_options(state, summary_length, reply_language, model_tasks)  # replies in the chosen language
            answer, text, state = load_upload(path, state, bot)
            # The upload shows in the chat as the user's turn, so each reply stands under what it answers.
            sent = {"role": "user", "content": f"📎 {escape_text(Path(path).name)}"}
            return list(history or []) + [sent, {"role": "assistant", "content": answer}], text, noting_box(state, text)

        after = [upload.upload(uploaded, inputs=[upload, chatbot, session, *options], outputs=[chatbot, article_box, session],
                               api_visibility="undocumented")]
        after.append(stop.click(None, cancels=events))
        # Clear forgets the article wherever it came from, the upload box included; so does the
        # chat's own trash icon, which would otherwise hide a conversation the session still holds.
        after.append(clear.click(lambda: ([], ChatSession(), "", None), outputs=[chatbot, session, article_box, upload],
                                 api_visibility="undocumented"))
        after.append(chatbot.clear(lambda: (ChatSession(), "", None), outputs=[session, article_box, upload],
                                   api_visibility="undocumented"))
        for event in after:
            event.then(**refresh)
            if saved is not None:
                event.then(**saved)
        _add_api(bot, session)
    demo.queue(default_concurrency_limit=bot.settings.concurrency, max_size=bot.settings.queue_size)
    return demo


def _remember(bot: Tinbot, demo: gr.Blocks, events: list, chatbot: gr.Chatbot, article_box: gr.Textbox,
              session: gr.State, options: list, refresh: dict) -> dict | None:
    """With ``remember_conversation``: the chat shown, the open article, the Options and the latest
    summary or translation kept in the browser after every turn (``bot.saved``) and brought back
    when the page loads again, the downloads with them (``refresh``). Returns the saving step for
    the other events to chain, or None when nothing is kept."""
    if not bot.settings.remember_conversation:
        return None
    kept = gr.BrowserState({}, storage_key="tinbot-conversation")
    saving = dict(fn=saved_conversation, inputs=[chatbot, session, *options], outputs=[kept], api_visibility="undocumented")
    for event in events:
        event.then(**saving)
    def restore(value: object) -> tuple:
        return restored_conversation(value, bot)

    demo.load(restore, inputs=[kept], outputs=[chatbot, article_box, session, *options],
              api_visibility="undocumented").then(**refresh)
    return saving


def launch_options(settings: Settings) -> dict:
    """What ``Blocks.launch`` needs besides the address: the page's script and style, and the
    upload limit. Gradio refuses a file over its own limit with an English toast; up to twice
    tinbot's limit the file reaches tinbot, whose reply says in the user's language what the
    limit is."""
    limit = settings.limits.max_upload_bytes
    return {"max_file_size": 2 * limit if limit is not None else None, "js": PAGE_JS, "css": PAGE_CSS}


def _side_panel(bot: Tinbot) -> tuple:
    """The Article box, the upload, the Options (length, reply language, models) and the downloads."""
    article_box = gr.Textbox(label="Bài báo / Article", lines=22, max_lines=40, elem_id="article")
    # No file_types: Gradio would refuse another type with its own English toast; tinbot's reply
    # to the upload says, in the user's language, which types it reads (bot.sources).
    upload = gr.File(label=f"Tải bài lên / Upload an article ({', '.join(UPLOAD_TYPES)})", type="filepath",
                     elem_id="upload")
    with gr.Accordion("Tuỳ chọn / Options", open=False):
        length = gr.Radio(LENGTH_CHOICES, value="normal", label="Độ dài tóm tắt / Summary length", elem_id="opt-length")
        language = gr.Radio(LANGUAGE_CHOICES, value="auto", label="Ngôn ngữ trả lời / Reply language",
                            elem_id="opt-language")
        # Which configured model runs each task; unticked tasks use sentence extraction. The
        # models themselves come from settings only: a path typed in a page is never loaded.
        model_choices = [(f"{reply(f'task_{task}', 'vi')}: {bot.settings.model(task).model}", task)
                         for task in MODEL_CHOICE_TASKS]
        models = gr.CheckboxGroup(model_choices, value=list(MODEL_CHOICE_TASKS), elem_id="opt-models",
                                  label="Dùng mô hình (bỏ chọn: trích câu) / Use the model (untick: extract sentences)")
    gr.Markdown("Tải bản tóm tắt / bản dịch mới nhất · Download the latest summary / translation")
    with gr.Row():
        downloads = [gr.DownloadButton(f"⬇️ .{fmt}", size="sm", interactive=False, elem_id=f"download-{fmt}")
                     for fmt in FORMATS]
    return article_box, upload, [length, language, models], downloads


def page_language(reply_language: str | None) -> str:
    """The language of the page's own words (the quick actions): English when the Options ask for
    English replies, else Vietnamese, the page's language ("auto" follows each message)."""
    return "en" if reply_language == "en" else "vi"


def quick_action_labels(reply_language: str | None) -> tuple[str, ...]:
    """The quick-action buttons' labels (a button's value), in ``QUICK_ACTIONS`` order, in ``page_language``."""
    language = page_language(reply_language)
    return tuple(reply(f"button_{key}", language) for key in QUICK_ACTIONS)


def export_updates(state: ChatSession, max_age_s: float | None = None) -> tuple:
    """The download buttons (files in a fresh temp folder, or disabled) and the bilingual view.

    ``max_age_s``: older download folders are deleted (``Limits.export_max_age_s``)."""
    result = state.last_result
    language = result.language if result else (state.reply_language if state.reply_language in LANGUAGES else "vi")
    view = bilingual_markdown(result, language)
    if result is None:
        return (*(gr.DownloadButton(value=None, interactive=False) for _ in FORMATS), view)
    paths = cached_exports(result, max_age_s=max_age_s)
    return (*(gr.DownloadButton(value=str(paths[fmt]), interactive=True) for fmt in FORMATS), view)


def _guarded(endpoint: str, text: str, run: Callable[[], str]) -> str:
    """``run()``, or, if it raises, a short apology with an error reference (as the chat gives)
    in the language of ``text``; the log keeps the traceback under the same reference."""
    try:
        return run()
    except Exception:
        return failure_reply(log, reply_language_for(text), "API /%s failed", endpoint)


def _client(request: gr.Request | None) -> str:
    """Who is asking, for the log: Gradio's session hash (one per page load or API client)."""
    return (request.session_hash or "") if request is not None else ""


def _add_api(bot: Tinbot, session: gr.State) -> None:
    """Named endpoints for scripts (see the README for gradio_client examples)."""

    def summarize(article: str) -> str:
        """Summarize an article (Vietnamese or English); Markdown reply."""
        return _guarded("summarize", article, lambda: bot.summarize(article))

    def translate(article: str, target: str = "en") -> str:
        """Translate an article paragraph by paragraph; target "en" or "vi" ("" or "auto": the other one)."""
        if target not in ("en", "vi", "", "auto", None):
            return reply("translate_targets", reply_language_for(article), target=str(target)[:20])
        return _guarded("translate", article, lambda: bot.translate(article, target if target in ("en", "vi") else None))

    def ask(article: str, question: str) -> str:
        """Answer a question about an article, quoting the sentences it rests on."""
        return _guarded("ask", question or article, lambda: bot.ask(article, question))

    gr.api(summarize, api_name="summarize")
    gr.api(translate, api_name="translate")
    gr.api(ask, api_name="ask")

    # /chat keeps a conversation per client session (the State is not a parameter for clients).
    chat_message = gr.Textbox(visible=False)
    chat_article = gr.Textbox(visible=False)
    chat_reply = gr.Markdown(visible=False)
    trigger = gr.Button(visible=False)

    def chat(text: str, article: str, state: ChatSession,
             request: gr.Request | None = None) -> Iterator[tuple[str, ChatSession]]:
        for answer, state in respond(text, state, bot, article or "", client=_client(request)):
            yield answer, state

    trigger.click(chat, inputs=[chat_message, chat_article, session], outputs=[chat_reply, session], api_name="chat")
