"""The conversation the page keeps in the browser across reloads (bot.saved)."""
from __future__ import annotations

import dataclasses
import json

import gradio as gr

from bot.chat import ChatSession, respond, with_options
from bot.export import TaskResult
from bot.saved import MAX_MESSAGE_CHARS, MAX_MESSAGES, MAX_RESULT_CHARS, restored_conversation, saved_conversation
from bot.service import Tinbot
from bot.settings import Settings
from bot.ui import build_demo, export_updates
from tests.helpers import fixture_article


def talk(bot, messages):
    history, session = [], ChatSession()
    for message in messages:
        for answer, session in respond(message, session, bot):
            pass
        history += [{"role": "user", "content": message}, {"role": "assistant", "content": answer}]
    return history, session


def test_a_reload_brings_back_the_chat_and_an_article_that_answers(offline_bot):
    history, session = talk(offline_bot, [fixture_article("vi-clutter"), "Tuyến đường dài bao nhiêu km?"])
    kept = saved_conversation(history, session, "detailed", "en", ["answer"])
    chat, box, restored, length, language, tasks = restored_conversation(kept, offline_bot)
    assert (length, language, tasks) == ("detailed", "en", ["answer"])   # the Options as they were set
    assert restored.summary_length.value == "detailed" and restored.extractive_tasks == {"summarize"}
    assert [m["role"] for m in chat] == ["user", "assistant"] * 2 and chat[-1] == history[-1]
    assert box == session.article_text and restored.article == session.article
    # the page sends the Article box with each turn: it shows the restored article
    for answer, _ in respond("Tuyến đường dài bao nhiêu km?", with_options(restored, "normal", "vi", None), offline_bot, box):
        pass
    assert answer == history[-1]["content"]


def test_what_is_kept_is_small_and_plain(offline_bot):
    long_message = "Người dân địa phương cho biết nước lên rất nhanh. " * 400
    history = [{"role": "user", "content": long_message}, {"role": "assistant", "content": [{"type": "text", "text": "Đã nhận."}]}]
    history += [{"role": "user", "content": f"câu hỏi {n}"} for n in range(2 * MAX_MESSAGES)]
    kept = saved_conversation(history, ChatSession())
    assert len(kept["history"]) == MAX_MESSAGES and kept["article"] == ""
    assert all(isinstance(m["content"], str) and len(m["content"]) <= MAX_MESSAGE_CHARS + 2 for m in kept["history"])
    first = saved_conversation(history[:2], ChatSession())["history"]
    assert first[0]["content"].endswith(" …") and first[1]["content"] == "Đã nhận."   # blocks become their text


def test_nothing_or_something_unreadable_kept_gives_an_empty_page(offline_bot):
    for value in (None, {}, "rác", {"history": "x", "article": 5, "options": {"summary_length": "dài", "model_tasks": 7}},
                  {"history": [{"role": "system", "content": "x"}, 3], "options": []}):
        chat, box, session, *options = restored_conversation(value, offline_bot)
        assert chat == [] and box == "" and session == ChatSession()
        assert options == ["normal", "auto", ["summarize", "answer"]]   # the page's defaults


def test_the_page_keeps_the_conversation_only_when_the_setting_allows(tmp_path):
    def kept_states(**settings):
        demo = build_demo(Tinbot(Settings.from_env({}, offline=True, cache_dir=str(tmp_path), **settings)))
        return [b for b in demo.blocks.values() if isinstance(b, gr.BrowserState)], demo

    (kept,), demo = kept_states()
    saving = [i for i, fn in demo.fns.items() if fn.name == "saved_conversation"]
    turns = [i for i, fn in demo.fns.items() if fn.name in ("turn", "action")]
    assert turns and {demo.fns[i].trigger_after for i in saving} >= set(turns)   # every turn is saved
    (restore,) = [i for i, fn in demo.fns.items() if fn.name == "restore"]
    # the downloads follow what the reload brought back
    assert any(fn.name == "export_updates_for" and fn.trigger_after == restore for fn in demo.fns.values())
    assert kept_states(remember_conversation=False)[0] == []


def as_the_browser_keeps_it(value: dict) -> dict:
    return json.loads(json.dumps(value))


def test_a_reload_keeps_the_latest_summary_so_its_downloads_work(offline_bot):
    history, session = talk(offline_bot, [fixture_article("vi-clutter"), "tóm tắt"])
    assert session.last_result is not None
    kept = as_the_browser_keeps_it(saved_conversation(history, session))
    _, box, restored, *_ = restored_conversation(kept, offline_bot)
    assert restored.last_result == session.last_result and restored.box_shows_article
    *buttons, _ = export_updates(restored)
    assert all(button.interactive is True for button in buttons)


def test_a_translation_comes_back_with_its_paragraphs_unless_it_is_too_long(offline_bot):
    translation = TaskResult("translate", "Hello.\n\nThe bridge opens.", "en", "Xin chào", "vi", "en",
                             ("Xin chào.", "Cầu thông xe."), ("Hello.", "The bridge opens."), "Hello")
    session = dataclasses.replace(ChatSession(), last_result=translation)
    restored = restored_conversation(as_the_browser_keeps_it(saved_conversation([], session)), offline_bot)[2]
    assert restored.last_result == translation   # the bilingual view comes back too
    # a longer result is not kept rather than kept cut: a download must hold all of it
    long = TaskResult("summarize", "Câu. " * (MAX_RESULT_CHARS // 5 + 1))
    assert saved_conversation([], dataclasses.replace(session, last_result=long))["result"] is None
    for unreadable in ("rác", {"kind": "xoá", "text": "t"}, {"kind": "summarize", "text": 5}):
        kept = {"result": unreadable}
        assert restored_conversation(kept, offline_bot)[2].last_result is None
