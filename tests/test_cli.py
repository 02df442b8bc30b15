"""The ``tinbot`` command line: outputs, exit codes, the resumable batch, and the model store.

Most tests call ``bot.cli.main`` in-process with a scripted stand-in for ``Tinbot`` (its
``parse`` is the real one), so they check the command line's own logic in milliseconds. A few
run ``python -m bot.cli`` for real, offline, against the real service: summarizing falls back
to the extractive engine, translating exits 4 with the download hint, and a batch resumes.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import bot.cli as cli
from bot.article import Article
from bot.cli import Exit, main
from bot.cli_tasks import strip_emphasis
from bot.prompts import reply
from bot.tasks import Notice, TaskUpdate

REPO = Path(__file__).resolve().parents[1]
TITLE = "Cần Thơ khánh thành cầu Rạch Miễu 3 nối hai bờ sông Hậu"
ARTICLE = "\n\n".join([
    TITLE,
    "Sáng 20/5, UBND thành phố Cần Thơ tổ chức lễ khánh thành cầu Rạch Miễu 3 sau hơn hai năm thi công.",
    "Cây cầu dài 1,2 km, rộng 16 m, có tổng vốn đầu tư khoảng 1.900 tỷ đồng từ ngân sách trung ương và địa phương.",
    "Ông Phạm Văn Sơn, Giám đốc Ban quản lý dự án, cho biết cầu giúp rút ngắn thời gian đi lại giữa hai bờ từ 40 phút xuống còn 5 phút.",
    "Người dân hai huyện Phong Điền và Cờ Đỏ phấn khởi vì không còn phải chờ phà vào mùa nước nổi.",
])
LEAD = "Sáng 20/5, UBND thành phố Cần Thơ tổ chức lễ khánh thành cầu Rạch Miễu 3 sau hơn hai năm thi công."
MISSING = Notice("model_missing", {"task": "translate", "model": "VietAI/envit5-translation",
                                   "command": "hf download VietAI/envit5-translation", "env": "TINBOT_TRANSLATE_MODEL"})


class ScriptedBot:
    """``Tinbot``'s interface: the real article parser, scripted task updates, recorded intents."""

    def __init__(self, translate_missing: bool = False, no_answer: bool = False, interrupt: bool = False):
        self.translate_missing, self.no_answer, self.interrupt = translate_missing, no_answer, interrupt
        self.intents = []

    def parse(self, text):
        return Article.from_text(text), None

    def run(self, article, intent):
        self.intents.append(intent)
        if self.interrupt:
            raise KeyboardInterrupt
        kind = intent.kind.value
        if kind == "translate" and self.translate_missing:
            yield TaskUpdate("", "", done=True, notices=(MISSING,))
            return
        if kind == "ask" and self.no_answer:
            yield TaskUpdate("", "extractive", done=True, notices=(Notice("not_in_article"),))
            return
        first = article.sentences[0]
        yield TaskUpdate(f"**{kind}:**", "extractive")
        yield TaskUpdate(f"**{kind}:** _{first.text}_", "extractive", done=True, evidence=(first,),
                         notices=(Notice("used_extractive"),) if kind == "summarize" else ())


@pytest.fixture
def scripted(monkeypatch):
    bot = ScriptedBot()
    monkeypatch.setattr(cli, "_make_bot", lambda settings: bot)
    for name in [n for n in os.environ if n.startswith("TINBOT_")]:
        monkeypatch.delenv(name)
    return bot


@pytest.fixture
def article_file(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_summarize_prints_the_plain_reply_and_the_notices_on_stderr(scripted, article_file, capsys):
    assert main(["summarize", str(article_file)]) == Exit.OK
    out, err = capsys.readouterr()
    assert out == f"summarize: {LEAD}\n"   # emphasis marks stripped, the body only
    assert err == f"tinbot: {reply('used_extractive', 'vi')}\n"
    assert scripted.intents[0].kind.value == "summarize" and scripted.intents[0].language == "vi"


def test_json_output_carries_task_text_engine_notices_and_evidence(scripted, article_file, capsys):
    assert main(["summarize", str(article_file), "--json", "--lang", "en"]) == Exit.OK
    out, err = capsys.readouterr()
    assert json.loads(out) == {
        "task": "summarize",
        "text": f"**summarize:** _{LEAD}_",
        "engine": "extractive",
        "notices": [reply("used_extractive", "en")],   # rendered in the --lang language
        "evidence": [{"text": LEAD, "paragraph": 1, "sentence": 1}],
    } and err == ""
    assert scripted.intents[0].language == "en"


def test_translate_target_and_ask_question_reach_the_intent(scripted, article_file, capsys):
    assert main(["translate", str(article_file), "--to", "en"]) == Exit.OK
    assert main(["ask", str(article_file), "Ai là giám đốc ban quản lý?"]) == Exit.OK
    assert main(["ask", str(article_file), "How long is the bridge?"]) == Exit.OK
    translate, ask_vi, ask_en = scripted.intents
    assert (translate.kind.value, translate.target_language) == ("translate", "en")
    assert (ask_vi.question, ask_vi.language, ask_en.language) == ("Ai là giám đốc ban quản lý?", "vi", "en")
    out = capsys.readouterr().out
    for language in ("vi", "en"):  # answers quote their evidence, in the question's language
        quote = reply("evidence_item", language, text=LEAD, paragraph=1)
        assert strip_emphasis(f"{reply('evidence_header', language)}\n{quote}") in out


def test_a_missing_model_exits_4_with_the_download_hint_on_one_line(monkeypatch, scripted, article_file, capsys):
    monkeypatch.setattr(cli, "_make_bot", lambda settings: ScriptedBot(translate_missing=True))
    for extra in ([], ["--json"]):
        assert main(["translate", str(article_file), *extra]) == Exit.MODEL
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("tinbot: ") and "`" not in err   # Markdown dropped
        assert "hf download VietAI/envit5-translation" in err and "TINBOT_TRANSLATE_MODEL" in err
        assert err.endswith("(or: tinbot models download translate)\n")


def test_no_answer_exits_1(monkeypatch, scripted, article_file, capsys):
    monkeypatch.setattr(cli, "_make_bot", lambda settings: ScriptedBot(no_answer=True))
    assert main(["ask", str(article_file), "Cầu được xây bằng thép gì?"]) == Exit.FAILED
    out, err = capsys.readouterr()
    assert out == "" and err == f"tinbot: {reply('not_in_article', 'vi')}\n"


def test_stdin_is_read_with_dash(scripted, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xef\xbb\xbf" + ARTICLE.encode())))
    assert main(["summarize", "-"]) == Exit.OK
    assert capsys.readouterr().out == f"summarize: {LEAD}\n"


@pytest.mark.parametrize(
    ("argv", "env", "code", "message"),
    [
        (["summarize", "khong-co.txt"], {}, Exit.INPUT, "does not exist (not_found)"),
        (["summarize", "{file}"], {"TINBOT_MAX_UPLOAD_BYTES": "100"}, Exit.INPUT, "more than 100 (too_large)"),
        (["summarize", "http://127.0.0.1:9/bai"], {}, Exit.INPUT, "loopback address (blocked_address)"),
        (["summarize", "http://user:pw@tin.example/bai"], {}, Exit.INPUT, "(bad_url)"),
        (["summarize", "{file}"], {"TINBOT_SUMMARIZE_NUM_BEAMS": "0"}, Exit.USAGE, "summarize.num_beams = 0 is not valid"),
        (["summarize", "{file}"], {"TINBOT_ALLOW_PRIVATE_URLS": "maybe"}, Exit.USAGE, "TINBOT_ALLOW_PRIVATE_URLS='maybe'"),
    ],
)
def test_input_and_settings_errors_exit_with_their_code_and_one_line(scripted, article_file, monkeypatch, capsys,
                                                                       argv, env, code, message):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert main([a.replace("{file}", str(article_file)) for a in argv]) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("tinbot: ") and message in err
    assert scripted.intents == []


@pytest.mark.parametrize("argv", [[], ["summarize"], ["translate", "x.txt", "--to", "fr"], ["batch", "a", "b"], ["models", "import", "summarise", "x"]])
def test_usage_errors_exit_2(scripted, capsys, argv):
    with pytest.raises(SystemExit) as caught:
        main(argv)
    assert caught.value.code == Exit.USAGE
    assert "usage: tinbot" in capsys.readouterr().err


def test_an_unexpected_error_is_one_line_and_exit_1(monkeypatch, scripted, article_file, capsys):
    monkeypatch.setattr(cli, "_make_bot", lambda settings: 1 / 0)
    assert main(["summarize", str(article_file)]) == Exit.FAILED
    assert capsys.readouterr().err == "tinbot: unexpected error: ZeroDivisionError: division by zero\n"


def test_interrupt_exits_130(monkeypatch, scripted, article_file, capsys):
    monkeypatch.setattr(cli, "_make_bot", lambda settings: ScriptedBot(interrupt=True))
    assert main(["summarize", str(article_file)]) == Exit.INTERRUPTED
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


def test_batch_writes_every_record_reports_bad_ones_and_resumes(scripted, tmp_path, article_file, capsys):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [
        {"id": 1, "text": ARTICLE},
        {"id": "tep", "file": "bai.txt"},                    # relative to the batch file
        {"id": "thieu"},
        "{khong phai json",
        {"id": "hai-nguon", "text": ARTICLE, "file": "bai.txt"},
        {"id": "mat-tep", "file": "khong-co.txt"},
        {"id": "1", "text": ARTICLE},                        # "1" is not the id 1
    ])
    assert main(["batch", str(source), str(out), "--task", "summarize"]) == Exit.FAILED
    rows = read_jsonl(out)
    assert [row["id"] for row in rows] == [1, "tep", "thieu", "line 4", "hai-nguon", "mat-tep", "1"]
    good = [row for row in rows if "error" not in row]
    assert [row["id"] for row in good] == [1, "tep", "1"]
    assert all(row["text"] == f"**summarize:** _{LEAD}_" and row["engine"] == "extractive" for row in good)
    errors = {row["id"]: row["error"] for row in rows if "error" in row}
    assert errors == {
        "thieu": "give exactly one of text, url, file (found none)",
        "line 4": "line 4 is not JSON: Expecting property name enclosed in double quotes",
        "hai-nguon": "give exactly one of text, url, file (found text, file)",
        "mat-tep": f"khong-co.txt: {tmp_path / 'khong-co.txt'} does not exist (not_found)",
    }
    err = capsys.readouterr().err
    assert "7/7" in err and "bài/s" in err                 # the progress bar, with its rate
    assert all(f"tinbot: record {json.dumps(key)}: " in err for key in errors)

    before = out.read_bytes()
    assert main(["batch", str(source), str(out), "--task", "summarize"]) == Exit.OK
    assert out.read_bytes() == before and len(scripted.intents) == 3   # nothing run twice
    assert "7 records already in" in capsys.readouterr().err


def test_batch_drops_a_half_written_last_line_and_redoes_that_record(scripted, tmp_path):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE}])
    out.write_text(json.dumps({"id": "a", "text": "xong"}) + '\n{"id": "b", "te', encoding="utf-8")
    assert main(["batch", str(source), str(out), "--task", "ask"]) == Exit.FAILED   # ask records need a question
    assert [(row["id"], row.get("error")) for row in read_jsonl(out)] == [("a", None), ("b", "an ask record needs a question")]


def test_batch_stops_with_4_when_the_model_is_missing_and_writes_nothing_for_it(monkeypatch, scripted, tmp_path, capsys):
    monkeypatch.setattr(cli, "_make_bot", lambda settings: ScriptedBot(translate_missing=True))
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "a", "text": ARTICLE}, {"id": "b", "text": ARTICLE}])
    assert main(["batch", str(source), str(out), "--task", "translate"]) == Exit.MODEL
    assert out.read_text() == ""   # a rerun after downloading the model does every record
    assert "tinbot models download translate" in capsys.readouterr().err.splitlines()[-1]


def test_batch_without_its_input_file_exits_3(scripted, tmp_path, capsys):
    assert main(["batch", str(tmp_path / "khong-co.jsonl"), str(tmp_path / "out.jsonl"), "--task", "summarize"]) == Exit.INPUT
    assert not (tmp_path / "out.jsonl").exists()


# ---- models import ----------------------------------------------------------------------------


def make_model_folder(path: Path, files=("config.json", "model.safetensors", "spiece.model")) -> Path:
    path.mkdir(parents=True)
    for name in files:
        (path / name).write_text("{}" if name.endswith(".json") else "x", encoding="utf-8")
    return path


@pytest.mark.parametrize("link", [False, True])
def test_models_import_puts_the_folder_in_the_store_and_prints_the_setting(scripted, tmp_path, monkeypatch, capsys, link):
    monkeypatch.setenv("TINBOT_CACHE_DIR", str(tmp_path / "cache"))
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
def test_models_import_refuses_incomplete_folders(scripted, tmp_path, monkeypatch, capsys, files, problem):
    monkeypatch.setenv("TINBOT_CACHE_DIR", str(tmp_path / "cache"))
    folder = make_model_folder(tmp_path / "mo-hinh", files)
    assert main(["models", "import", "answer", str(folder)]) == Exit.INPUT
    assert problem in capsys.readouterr().err
    assert not (tmp_path / "cache" / "models").exists()


# ---- the real command, offline ------------------------------------------------------------------


def tinbot(*args, cwd: Path, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TINBOT_", "HF_"))}
    env.update(HF_HUB_OFFLINE="1", HF_HOME=str(cwd / "hf"), TINBOT_CACHE_DIR=str(cwd / "cache"),
               PYTHONPATH=str(REPO), XDG_CACHE_HOME=str(cwd / "xdg"))
    return subprocess.run([sys.executable, "-m", "bot.cli", *args], cwd=cwd, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def test_offline_summarize_uses_the_extractive_engine_and_translate_exits_4(tmp_path, article_file):
    summary = tinbot("summarize", str(article_file), "--json", cwd=tmp_path)
    assert summary.returncode == Exit.OK, summary.stderr
    result = json.loads(summary.stdout)
    assert result["task"] == "summarize" and result["engine"] == "extractive"
    assert "khánh thành cầu Rạch Miễu 3" in result["text"]   # sentences quoted from the article
    assert result["evidence"] and all(item["text"] in ARTICLE for item in result["evidence"])

    translation = tinbot("translate", "-", "--to", "en", cwd=tmp_path, stdin=ARTICLE)
    assert translation.returncode == Exit.MODEL, translation.stderr
    assert translation.stdout == ""
    assert translation.stderr.count("\n") == 1   # one line, no log noise, no traceback
    assert "hf download VietAI/envit5-translation" in translation.stderr
    assert "tinbot models download translate" in translation.stderr


def test_a_real_batch_run_then_a_rerun_that_skips_everything(tmp_path, article_file):
    source, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "a", "text": ARTICLE}, {"id": "b", "file": "bai.txt"}, {"id": "c", "file": "mat.txt"}])
    first = tinbot("batch", str(source), str(out), "--task", "summarize", cwd=tmp_path)
    assert first.returncode == Exit.FAILED, first.stderr
    rows = read_jsonl(out)
    assert [(row["id"], row.get("engine"), "error" in row) for row in rows] == [
        ("a", "extractive", False), ("b", "extractive", False), ("c", None, True)]
    assert 'tinbot: record "c": ' in first.stderr and "3/3" in first.stderr
    before = out.read_bytes()
    second = tinbot("batch", str(source), str(out), "--task", "summarize", cwd=tmp_path)
    assert second.returncode == Exit.OK and out.read_bytes() == before
    assert "3 records already in" in second.stderr


# ---- models list / download / convert (the loader replaced by a scripted one) -------------------


@pytest.fixture
def loader(monkeypatch, tmp_path, scripted):
    """A stand-in ``bot.engines.loader``: only the summarize model is on disk (1,234 bytes)."""
    import types

    import bot.engines.ct2_engine  # noqa: F401 (imported with the real loader, before it is replaced)
    from bot.engines.base import ModelUnavailable

    folder = tmp_path / "snapshot"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    (folder / "model.safetensors").write_bytes(b"w" * 1232)
    calls = []

    def resolve_model_dir(ms, settings, progress=None):
        calls.append((ms.task, settings.offline, settings.auto_download))
        if ms.task == "summarize" or (not settings.offline and ms.task != "answer"):
            return folder
        raise ModelUnavailable(ms.task, ms.model, "not_cached", "offline")

    fake = types.SimpleNamespace(resolve_model_dir=resolve_model_dir,
                                 model_download_command=lambda ms: f"hf download {ms.model}")
    monkeypatch.setitem(sys.modules, "bot.engines.loader", fake)
    return types.SimpleNamespace(folder=folder, calls=calls)


def test_models_list_looks_offline_and_shows_presence_size_and_hint(loader, capsys):
    assert main(["models", "list"]) == Exit.OK
    lines = capsys.readouterr().out.splitlines()
    assert [line.split()[:3] for line in lines] == [
        ["summarize", "VietAI/vit5-base-vietnews-summarization", "present"],
        ["translate", "VietAI/envit5-translation", "missing"],
        ["answer", "bigscience/mt0-base", "missing"],
    ]
    assert "1.2 KB" in lines[0] and str(loader.folder) in lines[0]
    assert lines[1].endswith("tinbot models download translate (or hf download VietAI/envit5-translation)")
    assert {(offline, auto) for _, offline, auto in loader.calls} == {(True, False)}   # never downloads

    assert main(["models", "list", "--json"]) == Exit.OK
    listed = json.loads(capsys.readouterr().out)
    assert listed[0] | {"location": None} == {"task": "summarize", "model": "VietAI/vit5-base-vietnews-summarization",
                                               "revision": None, "present": True, "location": None,
                                               "size_bytes": 1234, "hint": None}
    assert (listed[2]["present"], listed[2]["hint"]) == (False, "tinbot models download answer (or hf download bigscience/mt0-base)")


def test_models_download_goes_online_and_a_failure_exits_4(loader, capsys):
    assert main(["models", "download", "translate"]) == Exit.OK
    assert loader.calls == [("translate", False, True)]
    assert f"translate: VietAI/envit5-translation → {loader.folder}" in capsys.readouterr().out
    assert main(["models", "download"]) == Exit.MODEL   # answer cannot be fetched
    assert "answer model 'bigscience/mt0-base' could not be downloaded (not_cached)" in capsys.readouterr().err


def test_models_convert_runs_the_ctranslate2_conversion(loader, monkeypatch, capsys):
    import types

    import bot.engines.ct2_engine as ct2

    loaded = []
    monkeypatch.setattr(ct2, "supports", lambda folder: True)
    monkeypatch.setattr(ct2.CT2Engine, "load", classmethod(
        lambda cls, folder, ms, settings, progress=None: loaded.append((folder, ms.task)) or types.SimpleNamespace(name="ct2 int8 (cpu)")))
    assert main(["models", "convert", "summarize"]) == Exit.OK
    assert loaded == [(loader.folder, "summarize")]
    assert capsys.readouterr().out == "summarize: ready, ct2 int8 (cpu)\n"


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
def test_flags_become_settings_like_app_py(scripted, argv, expected):
    settings = cli.settings_from_args(cli.build_parser().parse_args(argv))
    for name, value in expected.items():
        task, _, field = name.rpartition(".")
        assert getattr(settings.model(task) if task else settings, field) == value


def test_serve_launches_the_chat_with_the_flag_settings(scripted, monkeypatch):
    import types

    launched = []
    demo = types.SimpleNamespace(launch=lambda **kwargs: launched.append(kwargs))
    monkeypatch.setitem(sys.modules, "bot.ui", types.SimpleNamespace(build_demo=lambda bot: demo if bot is scripted else None))
    assert main(["serve", "--port", "7999", "--auth", "bao:matkhau"]) == Exit.OK
    assert launched == [{"server_name": "127.0.0.1", "server_port": 7999, "share": False, "auth": ("bao", "matkhau"),
                         "max_file_size": 10_000_000}]


def test_models_list_with_the_real_loader_finds_a_local_folder_and_nothing_else(scripted, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TINBOT_CACHE_DIR", str(tmp_path / "empty-cache"))
    folder = make_model_folder(tmp_path / "envit5")
    assert main(["models", "list", "--json", "--translate-model", str(folder)]) == Exit.OK
    listed = {row["task"]: row for row in json.loads(capsys.readouterr().out)}
    assert (listed["translate"]["present"], listed["translate"]["location"]) == (True, str(folder))
    assert listed["translate"]["size_bytes"] == sum(p.stat().st_size for p in folder.iterdir())
    assert [listed[t]["present"] for t in ("summarize", "answer")] == [False, False]


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
