"""The Gradio page: chat, Article box, quick actions, and the named API endpoints.

Handlers are plain functions from ``bot.chat`` and ``bot.service``; this module only wires them
to components. Article text and model output are shown as text: the chat sanitizes HTML and
``bot.reply`` escapes tags, so nothing pasted can run in the page.
"""
from __future__ import annotations

from typing import Iterator

import gradio as gr

from bot.chat import ChatSession, load_upload, respond
from bot.prompts import reply
from bot.service import Tinbot

QUICK_ACTIONS = ("summarize", "translate_en", "summarize_en")
UPLOAD_TYPES = (".txt", ".md", ".html", ".htm", ".docx", ".pdf")


def build_demo(bot: Tinbot) -> gr.Blocks:
    with gr.Blocks(title="tinbot — đọc báo cùng trợ lý") as demo:
        session = gr.State(ChatSession())
        gr.Markdown("## 📰 tinbot\nDán một bài báo, rồi hỏi: *tóm tắt*, *dịch sang tiếng Anh*, *ai là ...?*")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="tinbot", height=520, sanitize_html=True, render_markdown=True,
                                     elem_id="chat")
                with gr.Row():
                    buttons = {key: gr.Button(reply(f"button_{key}", "vi"), size="sm", elem_id=f"btn-{key}")
                               for key in QUICK_ACTIONS}
                message = gr.Textbox(placeholder="Dán bài báo hoặc nhập yêu cầu… / Paste an article or ask…",
                                     lines=1, max_lines=12, show_label=False, elem_id="message")
                with gr.Row():
                    send = gr.Button("Gửi / Send", variant="primary", elem_id="send")
                    stop = gr.Button("Dừng / Stop", variant="stop", elem_id="stop")
                    clear = gr.Button("Xoá hội thoại / Clear", elem_id="clear")
            with gr.Column(scale=2):
                article_box = gr.Textbox(label="Bài báo / Article", lines=22, max_lines=40, elem_id="article")
                upload = gr.File(label="Tải bài lên / Upload an article", file_types=list(UPLOAD_TYPES),
                                 type="filepath", elem_id="upload")

        def turn(text: str, history: list, article: str, state: ChatSession) -> Iterator[tuple]:
            history = list(history or []) + [{"role": "user", "content": text or ""}]
            for answer, state in respond(text, state, bot, article or ""):
                yield history + [{"role": "assistant", "content": answer}], state.article_text or article, state, ""

        chat_io = dict(inputs=[message, chatbot, article_box, session], outputs=[chatbot, article_box, session, message])
        events = [
            message.submit(turn, api_visibility="undocumented", **chat_io),
            send.click(turn, api_visibility="undocumented", **chat_io),
        ]
        for key, button in buttons.items():
            fixed = reply(f"message_{key}", "vi")
            events.append(
                button.click(lambda h, a, s, fixed=fixed: (yield from turn(fixed, h, a, s)),
                             inputs=[chatbot, article_box, session], outputs=[chatbot, article_box, session, message],
                             api_visibility="undocumented")
            )
        def uploaded(path: str | None, history: list, state: ChatSession) -> tuple:
            if not path:
                return history, state.article_text, state
            answer, text, state = load_upload(path, state, bot)
            return list(history or []) + [{"role": "assistant", "content": answer}], text, state

        upload.upload(uploaded, inputs=[upload, chatbot, session], outputs=[chatbot, article_box, session],
                      api_visibility="undocumented")
        stop.click(None, cancels=events)
        clear.click(lambda: ([], ChatSession(), ""), outputs=[chatbot, session, article_box], api_visibility="undocumented")
        _add_api(bot, session)
    demo.queue(default_concurrency_limit=bot.settings.concurrency, max_size=bot.settings.queue_size)
    return demo


def _add_api(bot: Tinbot, session: gr.State) -> None:
    """Named endpoints for scripts (see the README for gradio_client examples)."""

    def summarize(article: str) -> str:
        """Summarize an article (Vietnamese or English); Markdown reply."""
        return bot.summarize(article)

    def translate(article: str, target: str = "en") -> str:
        """Translate an article paragraph by paragraph; target "en" or "vi"."""
        return bot.translate(article, target if target in ("en", "vi") else None)

    def ask(article: str, question: str) -> str:
        """Answer a question about an article, quoting the sentences it rests on."""
        return bot.ask(article, question)

    gr.api(summarize, api_name="summarize")
    gr.api(translate, api_name="translate")
    gr.api(ask, api_name="ask")

    # /chat keeps a conversation per client session (the State is not a parameter for clients).
    chat_message = gr.Textbox(visible=False)
    chat_article = gr.Textbox(visible=False)
    chat_reply = gr.Markdown(visible=False)
    trigger = gr.Button(visible=False)

    def chat(text: str, article: str, state: ChatSession) -> Iterator[tuple[str, ChatSession]]:
        for answer, state in respond(text, state, bot, article or ""):
            yield answer, state

    trigger.click(chat, inputs=[chat_message, chat_article, session], outputs=[chat_reply, session], api_name="chat")
