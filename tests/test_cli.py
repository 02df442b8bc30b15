"""The ``tinbot`` command line: outputs, exit codes, the resumable batch, and the model store.

Every test runs the real service. In-process tests call ``bot.cli.main`` offline with an empty
cache, so summaries and answers come from the real extractive engine and a task that needs a
model (translation) reports it missing; where a model must run, the session's tiny copy model
(``tiny_hub``, loaded by path) is handed to ``Tinbot``. The last part runs every command as
``python -m bot.cli`` in a subprocess, the way a shell script calls it.
"""
from __future__ import annotations

import dataclasses
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tiny_models import TINY_MODEL_SETTINGS, VI_SENTENCES

import bot.cli as cli
from bot.article import Article
from bot.cli import Exit, main
from bot.cli_models import folder_size
from bot.cli_tasks import strip_emphasis
from bot.prompts import reply
from bot.service import Tinbot
from bot.settings import Settings

REPO = Path(__file__).resolve().parents[1]
TITLE = "Cần Thơ khánh thành cầu Rạch Miễu 3 nối hai bờ sông Hậu"
LEAD = "Sáng 20/5, UBND thành phố Cần Thơ tổ chức lễ khánh thành cầu Rạch Miễu 3 sau hơn hai năm thi công."
DIRECTOR = ("Ông Phạm Văn Sơn, Giám đốc Ban quản lý dự án, cho biết cầu giúp rút ngắn thời gian đi lại "
            "giữa hai bờ từ 40 phút xuống còn 5 phút.")
ARTICLE = "\n\n".join([
    TITLE,
    LEAD,
    "Cây cầu dài 1,2 km, rộng 16 m, có tổng vốn đầu tư khoảng 1.900 tỷ đồng từ ngân sách trung ương và địa phương.",
    DIRECTOR,
    "Người dân hai huyện Phong Điền và Cờ Đỏ phấn khởi vì không còn phải chờ phà vào mùa nước nổi.",
])
# The extractive summary quotes the lead without its bare dateline ("Sáng 20/5, ": bot/compress.py).
LEAD_SUMMARY = "UBND thành phố Cần Thơ tổ chức lễ khánh thành cầu Rạch Miễu 3 sau hơn hai năm thi công."
SUMMARY = f"{TITLE}. {LEAD_SUMMARY}"   # the headline opens a prose summary
ASK_DIRECTOR = "Ai là giám đốc ban quản lý dự án?"
ASK_STEEL = "Cầu được xây bằng thép gì?"   # the article does not say
# An article the tiny copy model was trained on (tests/tiny_models.py): its output keeps the words.
PORT_PARAGRAPHS = (" ".join(VI_SENTENCES[0:2]), " ".join(VI_SENTENCES[2:4]), VI_SENTENCES[4])
PORT_ARTICLE = "\n\n".join(["Đoàn công tác tỉnh Quảng Nam thăm cảng Kỳ Hà", *PORT_PARAGRAPHS])
PORT_WORDS = ("Lê Văn Hòa", "12%", "tháng 6 năm 2026")   # one from each body paragraph, in order
DEFAULT_MODELS = (("summarize", "VietAI/vit5-base-vietnews-summarization"), ("translate", "VietAI/envit5-translation"),
                  ("answer", "bigscience/mt0-base"))


def missing_line(task: str, name: str, model: str, lang: str = "vi") -> str:
    """The stderr line for a missing model: the notice on one line, plus the tinbot command."""
    env = f"TINBOT_{task.upper()}_MODEL"
    key = "model_missing" if task == "translate" else "model_missing_extractive"   # only translation has no fallback
    text = reply(key, lang, task=name, model=model, command=f"hf download {model}", env=env)
    lines = [line for line in strip_emphasis(text).splitlines() if line.strip()] + [reply("cli_download_hint", lang, task=task)]
    return "tinbot: " + " · ".join(" ".join(line.split()) for line in lines)


@pytest.fixture
def offline(monkeypatch, tmp_path):
    """The real ``Tinbot``, offline with an empty model cache; ``offline.made`` lists the bots built."""
    for name in [n for n in os.environ if n.startswith(("TINBOT_", "HF_"))]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("TINBOT_CACHE_DIR", str(tmp_path / "cache"))
    made = []
    real = cli._make_bot
    monkeypatch.setattr(cli, "_make_bot", lambda settings: made.append(real(settings)) or made[-1])
    return made


@pytest.fixture
def tiny_bot(offline, monkeypatch, tiny_hub):
    """The real ``Tinbot`` on the session's tiny copy model (already loaded by path: no reload)."""
    monkeypatch.setattr(cli, "_make_bot", lambda settings: Tinbot(settings, hub=tiny_hub))
    return tiny_hub


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.fixture
def port_file(tmp_path):
    path = tmp_path / "cang.txt"
    path.write_text(PORT_ARTICLE, encoding="utf-8")
    return path


# ---- one article, in process ------------------------------------------------------------------


def test_summarize_prints_the_extractive_summary_and_the_notices_on_stderr(offline, article_file, capsys):
    assert main(["summarize", str(article_file)]) == Exit.OK
    out, err = capsys.readouterr()
    assert out == f"{SUMMARY}\n"
    assert err.splitlines() == [
        f"tinbot: {reply('used_extractive_headline_trimmed', 'vi')}",  # "Sáng 20/5, " left out
        missing_line("summarize", "tóm tắt", "VietAI/vit5-base-vietnews-summarization"),
    ]
    assert offline[0].settings.offline and offline[0].hub.settings is offline[0].settings


def test_json_output_carries_task_text_engine_notices_and_evidence(offline, article_file, capsys):
    assert main(["summarize", str(article_file), "--json", "--lang", "en"]) == Exit.OK
    out, err = capsys.readouterr()
    result = json.loads(out)
    assert list(result) == ["task", "text", "engine", "notices", "evidence"] and err == ""
    assert (result["task"], result["text"], result["engine"]) == ("summarize", SUMMARY, "extractive")
    assert result["notices"][0] == reply("used_extractive_headline_trimmed", "en")   # rendered in the --lang language
    assert result["notices"][1].startswith("ℹ️ There is no summarization model on this machine, so I use the built-in sentence extraction")
    assert "`hf download VietAI/vit5-base-vietnews-summarization`" in result["notices"][1]   # the chat's notice, fold and all
    assert result["evidence"] == [{"text": LEAD_SUMMARY, "paragraph": 1, "sentence": 1}]
    quoted = Article.from_text(ARTICLE).sentences[0].text
    assert quoted == LEAD and result["evidence"][0]["text"] in quoted   # the article's own first sentence


def test_ask_answers_from_the_article_and_quotes_its_evidence(offline, article_file, capsys):
    assert main(["ask", str(article_file), ASK_DIRECTOR]) == Exit.OK
    out, err = capsys.readouterr()
    quote = reply("evidence_item", "vi", text=DIRECTOR, paragraph=3)
    assert out == strip_emphasis(f"{reply('evidence_header', 'vi')}\n{quote}\n")  # the answer is the quote: printed once
    assert err == missing_line("answer", "trả lời câu hỏi", "bigscience/mt0-base") + "\n"

    assert main(["ask", str(article_file), ASK_DIRECTOR, "--json"]) == Exit.OK
    result = json.loads(capsys.readouterr().out)
    assert (result["text"], result["engine"]) == (DIRECTOR, "extractive")
    assert result["evidence"] == [{"text": DIRECTOR, "paragraph": 3, "sentence": 3}]


def test_a_question_the_article_does_not_answer_exits_1(offline, article_file, capsys):
    assert main(["ask", str(article_file), ASK_STEEL]) == Exit.FAILED
    out, err = capsys.readouterr()
    assert out == "" and err == f"tinbot: {reply('not_in_article', 'vi')}\n"


@pytest.mark.parametrize(
    ("argv", "name", "lang", "before"),
    [
        # a translation says plainly first that it cannot be done, and what still can
        (["translate", "{file}"], "dịch", "vi", "tinbot: " + reply("translate_unavailable", "vi", language="tiếng Việt") + "\n"),
        (["translate", "{file}", "--to", "en", "--json"], "dịch", "vi", ""),
        # an English question needs the translator to read a Vietnamese article, and says so first
        (["ask", "{file}", "How long is the bridge?"], "translation", "en",
         "tinbot: " + strip_emphasis(reply("ask_in_article_language", "en", language="Vietnamese")) + "\n"),
    ],
)
def test_a_missing_model_exits_4_with_the_download_hint_as_one_line_per_notice(offline, article_file, capsys, argv, name, lang, before):
    assert main([a.replace("{file}", str(article_file)) for a in argv]) == Exit.MODEL
    out, err = capsys.readouterr()
    assert err == before + missing_line("translate", name, "VietAI/envit5-translation", lang) + "\n"
    assert "`" not in err   # Markdown dropped
    if "--json" in argv:
        assert json.loads(out)["text"] == ""
    else:
        assert out == ""


def test_translate_with_the_tiny_model_strips_the_prefix_and_keeps_paragraphs(tiny_bot, port_file, capsys):
    assert main(["translate", str(port_file), "--to", "en"]) == Exit.OK
    out, err = capsys.readouterr()
    title, *paragraphs = out.rstrip("\n").split("\n\n")
    assert title.startswith("# ") and len(paragraphs) == len(PORT_PARAGRAPHS)
    for paragraph, words in zip(paragraphs, PORT_WORDS):
        assert words in paragraph and not paragraph.startswith(("en:", "vi:"))
    assert "Traceback" not in err and "tinbot:" not in err

    assert main(["translate", str(port_file), "--to", "en", "--json"]) == Exit.OK
    result = json.loads(capsys.readouterr().out)
    assert result["text"] == out.rstrip("\n")   # nothing to strip: plain text and JSON agree
    assert result["engine"] == tiny_bot.engine("translate").name == f"{tiny_bot.settings.translate.model.rsplit('/', 1)[-1]} · transformers · cpu"
    assert (result["notices"], result["evidence"]) == ([], [])


def test_stdin_is_read_with_dash(offline, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbf" + ARTICLE.encode())))
    assert main(["summarize", "-"]) == Exit.OK
    assert capsys.readouterr().out == f"{SUMMARY}\n"


@pytest.mark.parametrize(
    ("argv", "env", "code", "message"),
    [
        (["summarize", "khong-co.txt"], {}, Exit.INPUT, "khong-co.txt: does not exist"),
        (["summarize", "{file}"], {"TINBOT_MAX_UPLOAD_BYTES": "100"}, Exit.INPUT, "bytes, more than 100"),
        (["summarize", "http://127.0.0.1:9/bai"], {}, Exit.INPUT, "a loopback address"),
        (["summarize", "http://user:pw@tin.example/bai"], {}, Exit.INPUT, "links with a user name or password are refused"),
        (["summarize", "{file}"], {"TINBOT_SUMMARIZE_NUM_BEAMS": "0"}, Exit.USAGE, "summarize.num_beams = 0 is not valid"),
        (["summarize", "{file}"], {"TINBOT_ALLOW_PRIVATE_URLS": "maybe"}, Exit.USAGE, "TINBOT_ALLOW_PRIVATE_URLS='maybe'"),
        (["summarize", "{file}"], {"TINBOT_PORT": "abc"}, Exit.USAGE, "TINBOT_PORT='abc' is not a valid int"),
        (["summarize", "{file}"], {"TINBOT_MAX_ARTICLE_CHARS": "0"}, Exit.USAGE,
         "max_article_chars = 0 is not valid: use a positive number of characters, or none for no limit (TINBOT_MAX_ARTICLE_CHARS)"),
        (["summarize", "{file}"], {"TINBOT_SUMMARIZE_COMPUTE_TYPE": "bogus"}, Exit.USAGE, "summarize.compute_type = 'bogus' is not valid: use auto, int8,"),
        (["summarize", "{file}", "--config", "khong-co.toml"], {}, Exit.USAGE, "--config khong-co.toml: "),
        (["summarize", "{file}", "--config", "{file}"], {}, Exit.USAGE, "is not valid TOML ("),   # an article is no TOML
        (["summarize", "ftp://tin.example/bai"], {}, Exit.INPUT, "ftp://tin.example/bai: not a valid http(s) link"),
        (["summarize", "https://"], {}, Exit.INPUT, "https://: not a valid http(s) link: it has no host name"),
    ],
)
def test_input_and_settings_errors_exit_with_their_code_and_one_line(offline, article_file, monkeypatch, capsys,
                                                                       argv, env, code, message):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main([a.replace("{file}", str(article_file)) for a in argv]) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("tinbot: ") and message in err
    assert offline == []   # stopped before any model was looked for


@pytest.mark.parametrize("argv", [[], ["summarize"], ["translate", "x.txt", "--to", "fr"], ["batch", "a", "b"],
                                  ["models", "import", "summarise", "x"]])
def test_usage_errors_exit_2(capsys, argv):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == Exit.USAGE
    assert "usage: tinbot" in capsys.readouterr().err


def test_an_unexpected_error_is_one_line_and_exit_1(offline, monkeypatch, article_file, capsys):
    monkeypatch.setattr(cli, "_make_bot", lambda settings: 1 / 0)
    assert main(["summarize", str(article_file)]) == Exit.FAILED
    assert capsys.readouterr().err == "tinbot: unexpected error: ZeroDivisionError: division by zero\n"


def test_a_text_file_named_pdf_a_damaged_pdf_and_binary_stdin_say_what_they_are(offline, tmp_path, monkeypatch, capsys):
    fake = tmp_path / "x.pdf"
    fake.write_text(ARTICLE, encoding="utf-8")
    assert main(["summarize", str(fake)]) == Exit.INPUT
    assert capsys.readouterr().err == f"tinbot: {fake}: is not a PDF file (it does not start with %PDF)\n"

    damaged = tmp_path / "hong.pdf"
    damaged.write_bytes(b"%PDF-1.4\nnothing after the header")
    assert main(["summarize", str(damaged)]) == Exit.INPUT
    err = capsys.readouterr().err
    assert err.startswith(f"tinbot: {damaged}: is a damaged PDF that cannot be read (") and err.count("hong.pdf") == 1

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(bytes(range(256)))))
    assert main(["summarize", "-"]) == Exit.INPUT
    assert capsys.readouterr().err == "tinbot: standard input: is binary data, not text\n"


def test_a_taken_port_names_the_variable_the_port_is_read_from(offline, monkeypatch, capsys):
    import types

    def launch(**kwargs):  # what Gradio raises when the port is in use
        raise OSError("Cannot find empty port in range: 7860-7860.")

    monkeypatch.setitem(sys.modules, "bot.ui", types.SimpleNamespace(build_demo=lambda bot: types.SimpleNamespace(launch=launch),
                                                                     launch_options=lambda settings: {}))
    assert main(["serve", "--no-preload"]) == Exit.USAGE
    env = next(f.metadata["env"] for f in dataclasses.fields(Settings) if f.name == "port")
    assert capsys.readouterr().err == (f"tinbot: port 7860 on 127.0.0.1 is taken (is tinbot already running?); "
                                       f"choose another with --port or {env}\n")


def test_interrupt_exits_130(offline, monkeypatch, capsys):
    class CtrlC(io.RawIOBase):   # the user presses Ctrl-C while tinbot waits on stdin
        def readable(self):
            return True

        def readinto(self, buffer):
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(CtrlC())))
    assert main(["summarize", "-"]) == Exit.INTERRUPTED
    assert capsys.readouterr().err == "tinbot: interrupted\n"


@pytest.mark.parametrize(
    ("markdown", "plain"),
    [
        ("**Tóm tắt:** cầu dài _1,2 km_.", "Tóm tắt: cầu dài 1,2 km."),
        ("- ý một\n- ý *hai*", "- ý một\n- ý hai"),
        ("Chạy `tinbot models download`", "Chạy tinbot models download"),
        ("tên_tệp_bai_bao.txt và 2 * 3 * 4", "tên_tệp_bai_bao.txt và 2 * 3 * 4"),
    ],
)
def test_strip_emphasis(markdown, plain):
    assert strip_emphasis(markdown) == plain


# ---- batch ------------------------------------------------------------------------------------


def write_jsonl(path: Path, lines: list) -> None:
    path.write_text("".join((line if isinstance(line, str) else json.dumps(line, ensure_ascii=False)) + "\n"
                            for line in lines), encoding="utf-8")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_batch_writes_every_record_reports_bad_ones_and_resumes(offline, tmp_path, article_file, capsys):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [
        {"id": 1, "text": ARTICLE},
        {"id": "tep", "file": "bai.txt"},                    # relative to the batch file
        {"id": "thieu"},
        "{khong phai json",
        {"id": "hai-nguon", "text": ARTICLE, "file": "bai.txt"},
        {"id": "mat-tep", "file": "khong-co.txt"},
        {"id": "rong", "text": ""},
        {"id": "1", "text": ARTICLE},                        # "1" is not the id 1
    ])
    assert main(["batch", str(source), str(out), "--task", "summarize"]) == Exit.FAILED
    rows = read_jsonl(out)
    assert [row["id"] for row in rows] == [1, "tep", "thieu", "line 4", "hai-nguon", "mat-tep", "rong", "1"]
    good = [row for row in rows if "error" not in row]
    assert [row["id"] for row in good] == [1, "tep", "1"]
    for row in good:
        assert (row["task"], row["text"], row["engine"]) == ("summarize", SUMMARY, "extractive")
        assert row["evidence"] == [{"text": LEAD_SUMMARY, "paragraph": 1, "sentence": 1}]
    errors = {row["id"]: row["error"] for row in rows if "error" in row}
    assert errors == {
        "thieu": "give exactly one of text, url, file (found none)",
        "line 4": "line 4 is not JSON: Expecting property name enclosed in double quotes",
        "hai-nguon": "give exactly one of text, url, file (found text, file)",
        "mat-tep": "khong-co.txt: does not exist",
        "rong": "text is empty",
    }
    err = capsys.readouterr().err
    assert "8/8" in err and "record/s" in err              # the progress bar, with its rate
    assert all(f"tinbot: record {json.dumps(key)}: " in err for key in errors)

    before = out.read_bytes()
    assert main(["batch", str(source), str(out), "--task", "summarize"]) == Exit.OK
    assert out.read_bytes() == before                        # nothing run twice
    assert "8 records already in" in capsys.readouterr().err


def test_batch_drops_a_half_written_last_line_and_redoes_that_record(offline, tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE, "question": ASK_DIRECTOR},
                         {"id": "c", "text": ARTICLE}])
    out.write_text(json.dumps({"id": "a", "text": "xong"}) + '\n{"id": "b", "te', encoding="utf-8")
    assert main(["batch", str(source), str(out), "--task", "ask"]) == Exit.FAILED   # ask records need a question
    rows = read_jsonl(out)
    assert [(row["id"], row.get("error")) for row in rows] == [("a", None), ("b", None), ("c", "an ask record needs a question")]
    assert (rows[1]["text"], rows[1]["evidence"]) == (DIRECTOR, [{"text": DIRECTOR, "paragraph": 3, "sentence": 3}])


def test_batch_stops_with_4_when_the_model_is_missing_and_writes_nothing_for_it(offline, tmp_path, capsys):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE}])
    assert main(["batch", str(source), str(out), "--task", "translate"]) == Exit.MODEL
    assert out.read_text() == ""   # a rerun after downloading the model does every record
    assert capsys.readouterr().err.splitlines()[-1] == missing_line("translate", "dịch", "VietAI/envit5-translation")


def test_batch_ask_goes_on_past_a_question_that_needs_the_missing_translator(offline, tmp_path, capsys):
    # Only the English question needs the translation model: the other records are answered.
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "en", "text": ARTICLE, "question": "Who is the project director?"},
                         {"id": "vi", "text": ARTICLE, "question": ASK_DIRECTOR}])
    assert main(["batch", str(source), str(out), "--task", "ask"]) == Exit.FAILED
    rows = read_jsonl(out)
    assert [row["id"] for row in rows] == ["en", "vi"] and "VietAI/envit5-translation" in rows[0]["error"]
    assert rows[1]["text"] == DIRECTOR and "error" not in rows[1]


def test_batch_reports_a_question_that_is_not_a_string_and_goes_on(offline, tmp_path, capsys):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "so", "text": ARTICLE, "question": 42}, {"id": "ds", "text": ARTICLE, "question": [ASK_DIRECTOR]},
                         {"id": "ok", "text": ARTICLE, "question": ASK_DIRECTOR}])
    assert main(["batch", str(source), str(out), "--task", "ask"]) == Exit.FAILED
    rows = read_jsonl(out)
    assert [(row["id"], row.get("error")) for row in rows] == [
        ("so", "question must be a string"), ("ds", "question must be a string"), ("ok", None)]
    assert rows[2]["text"] == DIRECTOR
    assert 'tinbot: record "so": question must be a string' in capsys.readouterr().err


def test_batch_an_unexpected_error_fails_that_record_only(offline, tmp_path, monkeypatch, capsys):
    parse = Tinbot.parse

    def buggy_parse(self, text):  # a bug that only one record's text runs into
        if "BOOM" in text:
            raise RuntimeError("a bug only this record finds")
        return parse(self, text)

    monkeypatch.setattr(Tinbot, "parse", buggy_parse)
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "a", "text": ARTICLE + "\n\nBOOM"}, {"id": "b", "text": ARTICLE}])
    assert main(["batch", str(source), str(out), "--task", "summarize"]) == Exit.FAILED
    rows = read_jsonl(out)
    assert rows[0] == {"id": "a", "task": "summarize", "error": "unexpected error: RuntimeError: a bug only this record finds"}
    assert (rows[1]["id"], rows[1]["text"]) == ("b", SUMMARY)
    assert 'tinbot: record "a": unexpected error: RuntimeError: a bug only this record finds' in capsys.readouterr().err


def test_batch_without_its_input_file_exits_3(offline, tmp_path, capsys):
    assert main(["batch", str(tmp_path / "khong-co.jsonl"), str(tmp_path / "out.jsonl"), "--task", "summarize"]) == Exit.INPUT
    assert capsys.readouterr().err == f"tinbot: {tmp_path / 'khong-co.jsonl'}: no such file\n"
    assert not (tmp_path / "out.jsonl").exists()


# ---- models, in process (the real loader, offline) ------------------------------------------


def make_model_folder(path: Path, files=("config.json", "model.safetensors", "spiece.model"), weight_bytes: int = 4096) -> Path:
    path.mkdir(parents=True)
    for name in files:
        if name.endswith((".safetensors", ".bin")):
            (path / name).write_bytes(b"\0" * weight_bytes)
        else:
            (path / name).write_text("{}" if name.endswith(".json") else "x", encoding="utf-8")
    return path


@pytest.mark.parametrize("link", [False, True])
def test_models_import_puts_the_folder_in_the_store_and_prints_the_setting(offline, tmp_path, capsys, link):
    folder = make_model_folder(tmp_path / "usb" / "envit5-translation")
    assert main(["models", "import", "translate", str(folder), *(["--link"] if link else [])]) == Exit.OK
    target = tmp_path / "cache" / "models" / "translate" / "envit5-translation"
    assert sorted(p.name for p in target.iterdir()) == ["config.json", "model.safetensors", "spiece.model"]
    assert target.is_symlink() is link
    assert f"export TINBOT_TRANSLATE_MODEL={target}" in capsys.readouterr().out
    assert main(["models", "import", "translate", str(folder)]) == Exit.INPUT   # never overwrites
    assert "already exists" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("files", "problem"),
    [(("model.safetensors", "spiece.model"), "no config.json"), (("config.json", "spiece.model"), "no weights"),
     (("config.json", "pytorch_model.bin"), "no tokenizer")],
)
def test_models_import_refuses_incomplete_folders(offline, tmp_path, capsys, files, problem):
    folder = make_model_folder(tmp_path / "mo-hinh", files)
    assert main(["models", "import", "answer", str(folder)]) == Exit.INPUT
    assert problem in capsys.readouterr().err
    assert not (tmp_path / "cache" / "models").exists()


@pytest.mark.parametrize("size", [0, 20])
def test_models_import_refuses_weights_too_small_to_be_weights(offline, tmp_path, capsys, size):
    # an interrupted copy or download leaves an empty model.safetensors (0-20 bytes)
    folder = make_model_folder(tmp_path / "mo-hinh", weight_bytes=size)
    assert main(["models", "import", "summarize", str(folder)]) == Exit.INPUT
    assert capsys.readouterr().err == (f"tinbot: {folder}: model.safetensors is only {size} bytes, too small to be "
                                       "model weights (an interrupted download or copy?); copy the model folder again\n")
    assert not (tmp_path / "cache" / "models").exists()


def test_models_list_shows_a_local_folder_present_with_its_size_and_hints_for_the_rest(offline, copy_model_dir, capsys):
    assert main(["models", "list", "--summarize-model", str(copy_model_dir)]) == Exit.OK
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in lines] == [
        ["summarize", str(copy_model_dir), "present"],
        ["translate", "VietAI/envit5-translation", "missing"],
        ["answer", "bigscience/mt0-base", "missing"],
    ]
    assert lines[0].endswith(str(copy_model_dir))
    assert lines[1].endswith("tinbot models download translate (or hf download VietAI/envit5-translation)")

    assert main(["models", "list", "--json", "--summarize-model", str(copy_model_dir)]) == Exit.OK
    listed = json.loads(capsys.readouterr().out)
    assert listed[0] == {"task": "summarize", "model": str(copy_model_dir), "revision": None, "present": True,
                         "location": str(copy_model_dir.resolve()), "size_bytes": folder_size(copy_model_dir), "hint": None}
    assert (listed[2]["present"], listed[2]["hint"]) == (False, "tinbot models download answer (or hf download bigscience/mt0-base)")


def test_models_download_finds_a_local_folder_and_fails_offline_with_4(offline, copy_model_dir, capsys):
    assert main(["models", "download", "summarize", "--summarize-model", str(copy_model_dir)]) == Exit.OK
    assert capsys.readouterr().out.startswith(f"summarize: {copy_model_dir} → {copy_model_dir.resolve()} (")
    # every task is tried and each failure reported, not only the first
    assert main(["models", "download", "--summarize-model", str(copy_model_dir)]) == Exit.MODEL
    out, err = capsys.readouterr()
    assert out.startswith(f"summarize: {copy_model_dir} → ")
    assert err.splitlines() == [f"tinbot: {task} model {model!r} could not be downloaded (not_cached): not in the Hugging Face "
                                "cache and offline" for task, model in DEFAULT_MODELS[1:]]


def test_models_download_without_network_says_so_and_points_to_import(offline, monkeypatch, capsys):
    import httpx
    from huggingface_hub import HfApi

    def no_network(self, repo_id, **kwargs):  # what huggingface_hub raises when the name does not resolve
        raise httpx.ConnectError("[Errno -2] Name or service not known")

    monkeypatch.delenv("HF_HUB_OFFLINE")
    monkeypatch.setattr(HfApi, "model_info", no_network)
    assert main(["models", "download"]) == Exit.MODEL
    assert capsys.readouterr().err.splitlines() == [
        f"tinbot: {task} model {model!r} could not be downloaded: cannot reach the Hugging Face Hub (no network?); "
        f"on a machine without network, copy the model folder over and run: tinbot models import {task} FOLDER"
        for task, model in DEFAULT_MODELS]


def test_a_missing_local_model_folder_is_named_as_missing_not_as_a_download(offline, article_file, tmp_path, capsys):
    folder = tmp_path / "khong-co-mo-hinh"
    assert main(["summarize", str(article_file), "--summarize-model", str(folder)]) == Exit.OK   # the extractive summary
    notice = reply("model_folder_missing", "vi", task=reply("task_summarize", "vi"), model=str(folder), env="TINBOT_SUMMARIZE_MODEL")
    err = capsys.readouterr().err
    assert err.splitlines()[-1] == "tinbot: " + " · ".join(strip_emphasis(notice).splitlines())
    assert f"{folder}" in err and "download" not in err

    assert main(["translate", str(article_file), "--translate-model", str(folder)]) == Exit.MODEL   # nothing to translate with
    assert "download" not in capsys.readouterr().err

    assert main(["models", "download", "summarize", "--summarize-model", str(folder)]) == Exit.MODEL
    assert capsys.readouterr().err == (f"tinbot: summarize model {str(folder)!r}: no folder at {folder}; "
                                       "set TINBOT_SUMMARIZE_MODEL to a model folder or a Hugging Face model id\n")


def test_models_convert_leaves_a_model_ctranslate2_cannot_run_on_transformers(offline, tmp_path, capsys):
    folder = make_model_folder(tmp_path / "bert")
    (folder / "config.json").write_text('{"model_type": "bert"}', encoding="utf-8")
    assert main(["models", "convert", "answer", "--answer-model", str(folder)]) == Exit.OK
    assert capsys.readouterr().out == f"answer: {folder} is not a model CTranslate2 can run; it stays on transformers\n"
    assert not (tmp_path / "cache" / "ct2").exists()


# ---- flags → settings -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["serve", "--port", "7861", "--host", "0.0.0.0", "--share"], {"port": 7861, "host": "0.0.0.0", "share": True}),
        (["serve", "--no-auto-download", "--threads", "2"], {"auto_download": False, "threads": 2, "port": 7860}),
        (["summarize", "bai.txt", "--offline", "--cache-dir", "/tmp/c"], {"offline": True, "cache_dir": "/tmp/c"}),
        (["batch", "a", "b", "--task", "ask", "--answer-model", "/models/mt0"], {"answer.model": "/models/mt0"}),
    ],
)
def test_flags_become_settings_like_app_py(offline, argv, expected):
    settings = cli.settings_from_args(cli.build_parser().parse_args(argv))
    for name, value in expected.items():
        task, _, field = name.rpartition(".")
        assert getattr(settings.model(task) if task else settings, field) == value


def test_serve_launches_the_chat_with_the_flag_settings(offline, monkeypatch):
    import types

    launched = []
    demo = types.SimpleNamespace(launch=lambda **kwargs: launched.append(kwargs))
    options = lambda settings: {"max_file_size": 2 * settings.limits.max_upload_bytes, "js": "page js"}  # noqa: E731
    monkeypatch.setitem(sys.modules, "bot.ui", types.SimpleNamespace(build_demo=lambda bot: demo if bot is offline[0] else None,
                                                                     launch_options=options))
    assert main(["serve", "--port", "7999", "--auth", "bao:matkhau"]) == Exit.OK
    assert isinstance(offline[0], Tinbot) and offline[0].settings.port == 7999
    assert launched == [{"server_name": "127.0.0.1", "server_port": 7999, "share": False, "auth": ("bao", "matkhau"),
                         "max_file_size": 20_000_000, "js": "page js"}]


def test_the_page_is_launched_with_its_script_style_and_twice_the_upload_limit():
    # Gradio's own refusal is an English toast: a file up to twice tinbot's limit reaches tinbot's reply.
    from bot.ui import PAGE_CSS, PAGE_JS, launch_options

    options = launch_options(Settings.from_env({}, limits={"max_upload_bytes": 5_000_000}))
    assert options == {"max_file_size": 10_000_000, "js": PAGE_JS, "css": PAGE_CSS}


def test_progress_bar_draws_fractions_and_says_each_message_once(capsys):
    from bot.cli_models import ProgressBar

    with ProgressBar() as bar:
        for fraction in (0.0, 0.25, 0.25, 1.0):
            bar.report("downloading tiny/model", fraction)
        bar.report("Converting tiny/model to CTranslate2")
        bar.report("Converting tiny/model to CTranslate2")
    err = capsys.readouterr().err
    assert "downloading tiny/model: 100%" in err
    assert err.count("tinbot: Converting tiny/model to CTranslate2") == 1


# ---- the real command: python -m bot.cli in a subprocess, offline -------------------------------


def tinbot(*args, cwd: Path, stdin: str | None = None, **env_extra: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TINBOT_", "HF_"))}
    env.update(HF_HUB_OFFLINE="1", HF_HOME=str(cwd / "hf"), TINBOT_CACHE_DIR=str(cwd / "cache"),
               PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(cwd / "xdg"), **env_extra)
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def tiny_config(path: Path) -> Path:
    """A --config TOML giving every task the tiny model's small limits (the model comes by flag)."""
    table = "\n".join(f"{key} = {json.dumps(value)}" for key, value in TINY_MODEL_SETTINGS.items())
    path.write_text("".join(f"[{task}]\n{table}\n\n" for task in ("summarize", "translate", "answer")), encoding="utf-8")
    return path


def test_run_summarize_plain_from_stdin_and_json_from_a_file(tmp_path, article_file):
    plain = tinbot("summarize", "-", cwd=tmp_path, stdin=ARTICLE)
    assert (plain.returncode, plain.stdout) == (Exit.OK, f"{SUMMARY}\n"), plain.stderr
    assert plain.stderr.splitlines()[0] == f"tinbot: {reply('used_extractive_headline_trimmed', 'vi')}"

    as_json = tinbot("summarize", str(article_file), "--json", cwd=tmp_path)
    assert as_json.returncode == Exit.OK and as_json.stderr == ""
    result = json.loads(as_json.stdout)
    assert (result["task"], result["text"], result["engine"]) == ("summarize", SUMMARY, "extractive")
    assert result["evidence"] == [{"text": LEAD_SUMMARY, "paragraph": 1, "sentence": 1}] and len(result["notices"]) == 2


def test_run_translate_with_the_tiny_model_and_without_any(tmp_path, port_file, copy_model_dir):
    missing = tinbot("translate", str(port_file), "--to", "en", cwd=tmp_path)
    assert (missing.returncode, missing.stdout) == (Exit.MODEL, "")
    plain = "tinbot: " + reply("translate_unavailable", "vi", language="tiếng Việt") + "\n"
    assert missing.stderr == plain + missing_line("translate", "dịch", "VietAI/envit5-translation") + "\n"   # no traceback

    done = tinbot("translate", str(port_file), "--to", "en", "--json", "--translate-model", str(copy_model_dir),
                  "--config", str(tiny_config(tmp_path / "tiny.toml")), cwd=tmp_path)
    assert done.returncode == Exit.OK, done.stderr
    result = json.loads(done.stdout)
    assert result["engine"] == f"{copy_model_dir.name} · transformers · cpu"
    title, *paragraphs = result["text"].split("\n\n")
    assert title.startswith("# ") and len(paragraphs) == len(PORT_PARAGRAPHS)
    for paragraph, words in zip(paragraphs, PORT_WORDS):
        assert words in paragraph and not paragraph.startswith(("en:", "vi:"))
    assert "tinbot:" not in done.stderr and "Traceback" not in done.stderr


def test_run_a_model_whose_weights_will_not_load_is_one_log_line_not_a_traceback(tmp_path, article_file, copy_model_dir):
    broken = tmp_path / "hong"
    broken.mkdir()
    for name in ("config.json", "spiece.model"):
        shutil.copy(copy_model_dir / name, broken / name)
    (broken / "model.safetensors").write_bytes(b"")   # an interrupted copy
    args = ("summarize", str(article_file), "--summarize-model", str(broken))
    result = tinbot(*args, cwd=tmp_path, TINBOT_SUMMARIZE_ENGINE="transformers")
    assert (result.returncode, result.stdout) == (Exit.OK, f"{SUMMARY}\n")   # the extractive summary
    assert "Traceback" not in result.stderr
    (logged,) = [line for line in result.stderr.splitlines() if "tinbot.hub" in line]
    assert logged.startswith(f"tinbot: ERROR tinbot.hub: loading {broken} from {broken} failed: SafetensorError: ")
    broken_notice = reply("model_broken", "vi", task=reply("task_summarize", "vi"), model=str(broken), env="TINBOT_SUMMARIZE_MODEL")
    assert result.stderr.splitlines()[-1] == f"tinbot: {strip_emphasis(broken_notice)}"

    verbose = tinbot("--verbose", *args, cwd=tmp_path, TINBOT_SUMMARIZE_ENGINE="transformers")
    assert verbose.returncode == Exit.OK and "Traceback" in verbose.stderr   # asked for: the details


def test_run_ask_answers_with_evidence_and_exits_1_when_the_article_does_not_say(tmp_path, article_file):
    answered = tinbot("ask", str(article_file), ASK_DIRECTOR, cwd=tmp_path)
    assert answered.returncode == Exit.OK, answered.stderr
    quote = strip_emphasis(reply("evidence_item", "vi", text=DIRECTOR, paragraph=3))
    assert answered.stdout.splitlines() == [strip_emphasis(reply("evidence_header", "vi")), quote]

    unanswered = tinbot("ask", "-", ASK_STEEL, cwd=tmp_path, stdin=ARTICLE)
    assert (unanswered.returncode, unanswered.stdout) == (Exit.FAILED, "")
    assert unanswered.stderr == f"tinbot: {reply('not_in_article', 'vi')}\n"


def test_a_batch_with_no_records_says_so(tmp_path):
    (tmp_path / "rong.jsonl").write_text("\n\n", encoding="utf-8")
    empty = tinbot("batch", "rong.jsonl", "out.jsonl", "--task", "summarize", cwd=tmp_path)
    assert (empty.returncode, empty.stderr) == (Exit.INPUT, "tinbot: rong.jsonl: no records (one JSON object a line)\n")


def test_run_batch_then_a_rerun_that_resumes_and_skips_everything(tmp_path, article_file):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "a", "text": ARTICLE}, {"id": "b", "file": "bai.txt"}, {"id": "c", "file": "mat.txt"}])
    first = tinbot("batch", str(source), str(out), "--task", "summarize", cwd=tmp_path)
    assert first.returncode == Exit.FAILED, first.stderr
    rows = read_jsonl(out)
    assert [(row["id"], row.get("text"), row.get("engine")) for row in rows] == [
        ("a", SUMMARY, "extractive"), ("b", SUMMARY, "extractive"), ("c", None, None)]
    assert rows[2]["error"] == "mat.txt: does not exist"
    assert f'tinbot: record "c": {rows[2]["error"]}' in first.stderr and "3/3" in first.stderr

    write_jsonl(source, [*map(json.loads, source.read_text().splitlines()), {"id": "d", "text": ARTICLE}])
    second = tinbot("batch", str(source), str(out), "--task", "summarize", cwd=tmp_path)
    assert second.returncode == Exit.OK, second.stderr
    assert "3 records already in" in second.stderr and "1/1" in second.stderr
    assert [(row["id"], row.get("text")) for row in read_jsonl(out)] == [
        ("a", SUMMARY), ("b", SUMMARY), ("c", None), ("d", SUMMARY)]   # only the new record ran


def test_run_models_list_import_and_list_again(tmp_path, copy_model_dir):
    before = tinbot("models", "list", "--json", cwd=tmp_path)
    assert before.returncode == Exit.OK and before.stderr == ""
    assert [(row["task"], row["present"]) for row in json.loads(before.stdout)] == [
        ("summarize", False), ("translate", False), ("answer", False)]

    imported = tinbot("models", "import", "summarize", str(copy_model_dir), cwd=tmp_path)
    assert imported.returncode == Exit.OK, imported.stderr
    target = tmp_path / "cache" / "models" / "summarize" / copy_model_dir.name
    assert sorted(p.name for p in target.iterdir()) == sorted(p.name for p in copy_model_dir.iterdir())
    assert f"export TINBOT_SUMMARIZE_MODEL={target}" in imported.stdout

    after = tinbot("models", "list", cwd=tmp_path, TINBOT_SUMMARIZE_MODEL=str(target))   # the printed setting
    assert after.returncode == Exit.OK
    summarize = after.stdout.splitlines()[0].split()
    assert summarize[:3] == ["summarize", str(target), "present"] and summarize[-1] == str(target)


def test_run_models_download_offline_exits_4_with_a_clear_line(tmp_path):
    result = tinbot("models", "download", "translate", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (Exit.MODEL, "")
    assert result.stderr == ("tinbot: translate model 'VietAI/envit5-translation' could not be downloaded "
                             "(not_cached): not in the Hugging Face cache and offline\n")


def test_run_models_convert_writes_the_ctranslate2_folder(tmp_path, copy_model_dir):
    result = tinbot("models", "convert", "translate", "--translate-model", str(copy_model_dir), cwd=tmp_path)
    assert result.returncode == Exit.OK, result.stderr
    assert result.stdout.startswith(f"translate: ready, {copy_model_dir.name} · ctranslate2 ")
    converted = list((tmp_path / "cache" / "ct2").iterdir())   # bot/engines/ct2_engine.cache_root
    assert len(converted) == 1 and copy_model_dir.name in converted[0].name
    assert (converted[0] / "model.bin").is_file()
    assert f"tinbot: Converted {copy_model_dir} to CTranslate2" in result.stderr


def test_run_serve_help_usage_errors_and_a_missing_file(tmp_path):
    served = tinbot("serve", "--help", cwd=tmp_path)
    assert served.returncode == Exit.OK and served.stdout.startswith("usage: tinbot serve")
    for flag in ("--host", "--port", "--share", "--auth", "--offline", "--cache-dir", "--concurrency", "--translate-model"):
        assert flag in served.stdout

    usage = tinbot("translate", "bai.txt", "--to", "fr", cwd=tmp_path)
    assert (usage.returncode, usage.stdout) == (Exit.USAGE, "")
    assert "usage: tinbot translate" in usage.stderr and "invalid choice: 'fr'" in usage.stderr

    absent = tinbot("summarize", "khong-co.txt", cwd=tmp_path)
    assert (absent.returncode, absent.stdout) == (Exit.INPUT, "")
    assert absent.stderr == "tinbot: khong-co.txt: does not exist\n"
    folder = tinbot("summarize", str(tmp_path), cwd=tmp_path)
    assert (folder.returncode, folder.stderr) == (Exit.INPUT, f"tinbot: {tmp_path}: is a folder, not a file\n")


@pytest.mark.parametrize("question", ["", "   ", "?"])
def test_an_empty_question_is_a_usage_error(offline, article_file, capsys, question):
    assert main(["ask", str(article_file), question]) == Exit.USAGE
    assert "the question is empty" in capsys.readouterr().err


def test_an_answer_language_after_the_question_is_not_searched(offline, article_file, capsys):
    assert main(["ask", str(article_file), ASK_DIRECTOR + " Trả lời bằng tiếng Anh", "--json"]) == Exit.OK
    result = json.loads(capsys.readouterr().out)
    assert result["evidence"][0]["text"] == DIRECTOR
    assert reply("answer_untranslated", "en") in result["notices"]  # asked for English, no translator here


@pytest.mark.parametrize("where", ["no-such-folder/out.jsonl", "."])
def test_batch_output_that_cannot_be_written_is_a_usage_error(offline, tmp_path, article_file, capsys, where):
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 1, "file": str(article_file)}), encoding="utf-8")
    assert main(["batch", str(source), str(tmp_path / where), "--task", "summarize"]) == Exit.USAGE
    assert "cannot write the results there" in capsys.readouterr().err


def test_batch_answers_a_repeated_id_once(offline, tmp_path, article_file, capsys):
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps({"id": "a", "file": str(article_file)}) for _ in range(2)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(source), str(out), "--task", "summarize"]) == Exit.OK
    rows = read_jsonl(out)
    assert [row["id"] for row in rows] == ["a"]
    assert "the id is repeated" in capsys.readouterr().err


@pytest.mark.parametrize("to", ["en", "vi"])
def test_batch_translates_into_the_target_asked_for(tiny_bot, tmp_path, port_file, to):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "p", "file": str(port_file)}])
    main(["batch", str(source), str(out), "--task", "translate", "--to", to])
    (row,) = read_jsonl(out)
    already = reply("already_in_language", "vi", language=reply("language_vi", "vi"))
    if to == "en":
        assert "error" not in row and row["text"].strip() and already not in row["notices"]
    else:  # the article is Vietnamese already
        assert already in row.get("notices", []) or already in row.get("error", "")
