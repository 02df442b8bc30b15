"""Model loading (local folders, the HF cache, an unreachable hub), the transformers engine, the hub."""
from __future__ import annotations

import shutil
import socket
import sys
import threading
import time
import types
from pathlib import Path

import pytest
from tiny_models import tiny_settings

from bot.engines import loader
from bot.engines.base import GenerationConfig, ModelUnavailable
from bot.engines.hub import ModelHub, build_engine, wait_for_engine
from bot.engines.transformers_engine import TransformersEngine, generate_kwargs, pick_device, pick_dtype
from bot.settings import Settings

VI = "Ông Hòa đề nghị cảng ưu tiên nâng cấp bến số 3 để đón tàu trọng tải lớn."
GREEDY = GenerationConfig(max_new_tokens=24, num_beams=1, no_repeat_ngram_size=0)


def hub_settings(model: str, tmp_path: Path, **top) -> Settings:
    """Every task on ``model``, an empty cache folder, no environment."""
    per_task = {t: {"model": model, "engine": "transformers"} for t in ("summarize", "translate", "answer")}
    return Settings.from_env({}, cache_dir=str(tmp_path / "hf-cache"), **per_task, **top)


# --- loading -----------------------------------------------------------------------------------

def test_local_folder_is_used_as_is(copy_model_dir, tmp_path):
    settings = hub_settings(str(copy_model_dir), tmp_path)
    assert loader.resolve_model_dir(settings.summarize, settings) == copy_model_dir.resolve()


@pytest.mark.parametrize("model", ["/no/such/folder", "./models/khong-co", "~/nope/model", "a/b/c", "C:\\models\\vit5"])
def test_path_that_does_not_exist_is_a_missing_folder(model, tmp_path):
    settings = hub_settings(model, tmp_path)
    with pytest.raises(ModelUnavailable) as caught:
        loader.resolve_model_dir(settings.translate, settings)
    assert (caught.value.reason, caught.value.task, caught.value.model) == ("missing_folder", "translate", model)


def test_folder_without_config_is_a_missing_folder(tmp_path):
    (tmp_path / "weights").mkdir()
    settings = hub_settings(str(tmp_path / "weights"), tmp_path)
    with pytest.raises(ModelUnavailable, match="no config.json") as caught:
        loader.resolve_model_dir(settings.answer, settings)
    assert caught.value.reason == "missing_folder"


@pytest.mark.parametrize("value, hub_id", [
    ("VietAI/envit5-translation", True), ("bigscience/mt0-base", True), ("t5-small", True),
    ("/models/vit5", False), ("./vit5", False), ("a/b/c", False), ("~/vit5", False), ("owner/", False),
])
def test_hub_ids_and_paths_are_told_apart(value, hub_id):
    assert loader.looks_like_hub_id(value) is hub_id


@pytest.mark.parametrize("top", [{"offline": True}, {"auto_download": False}])
def test_uncached_hub_id_is_not_cached_when_downloads_are_off(top, tmp_path):
    settings = hub_settings("VietAI/envit5-translation", tmp_path, **top)
    with pytest.raises(ModelUnavailable) as caught:
        loader.resolve_model_dir(settings.translate, settings)
    assert caught.value.reason == "not_cached"


def test_hf_hub_offline_environment_counts_as_offline(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    settings = hub_settings("VietAI/envit5-translation", tmp_path)
    assert settings.offline is False  # built from an empty environ: only the live variable says so
    with pytest.raises(ModelUnavailable) as caught:
        loader.resolve_model_dir(settings.translate, settings)
    assert caught.value.reason == "not_cached"


def test_unreachable_hub_fails_with_download_failed(tmp_path, monkeypatch):
    import huggingface_hub.constants

    monkeypatch.setattr(huggingface_hub.constants, "ENDPOINT", f"http://127.0.0.1:{_closed_port()}")
    settings = hub_settings("VietAI/envit5-translation", tmp_path)
    with pytest.raises(ModelUnavailable) as caught:
        loader.resolve_model_dir(settings.translate, settings)
    assert caught.value.reason == "download_failed"
    assert "Connect" in caught.value.detail
    assert loader.hub_unreachable(caught.value.__cause__)   # `tinbot models download` says: no network?


@pytest.mark.timeout(60)
def test_silent_hub_times_out_with_download_failed(tmp_path, monkeypatch):
    """A hub that accepts the connection and never answers must not hang the chat."""
    import huggingface_hub.constants

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    try:
        monkeypatch.setattr(huggingface_hub.constants, "ENDPOINT", f"http://127.0.0.1:{server.getsockname()[1]}")
        monkeypatch.setattr(loader, "HUB_TIMEOUT_S", 0.3)
        settings = hub_settings("VietAI/envit5-translation", tmp_path)
        with pytest.raises(ModelUnavailable) as caught:
            loader.resolve_model_dir(settings.translate, settings)
    finally:
        server.close()
    assert caught.value.reason == "download_failed"
    assert "Timeout" in caught.value.detail
    assert loader.hub_unreachable(caught.value.__cause__)


def test_a_hub_that_answers_with_an_error_is_not_unreachable():
    import httpx
    from huggingface_hub.errors import RepositoryNotFoundError

    response = httpx.Response(404, request=httpx.Request("GET", "https://huggingface.co/api/models/VietAI/khong-co"))
    assert not loader.hub_unreachable(ValueError("bad revision"))
    assert not loader.hub_unreachable(RepositoryNotFoundError("404 Client Error: no such repository", response=response))
    assert not loader.hub_unreachable(None)


def test_cached_snapshot_is_found_offline(copy_model_dir, tmp_path):
    """A model fetched earlier (HF cache layout: refs/main → snapshots/<commit>) loads offline."""
    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = tmp_path / "hf-cache" / "models--VietAI--envit5-translation"
    shutil.copytree(copy_model_dir, repo / "snapshots" / commit)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    settings = hub_settings("VietAI/envit5-translation", tmp_path, offline=True)
    assert loader.resolve_model_dir(settings.translate, settings) == repo / "snapshots" / commit


@pytest.mark.parametrize("revision, command", [
    (None, "hf download VietAI/envit5-translation"),
    ("v1.0", "hf download VietAI/envit5-translation --revision v1.0"),
])
def test_download_command_names_the_model(revision, command, tmp_path):
    ms = hub_settings("VietAI/envit5-translation", tmp_path).with_model("translate", revision=revision).translate
    assert loader.model_download_command(ms) == command
    assert loader.model_env_var("translate") == "TINBOT_TRANSLATE_MODEL"


def test_download_progress_reaches_the_callback():
    seen = []
    bar = loader.progress_bar_class("VietAI/envit5-translation", lambda label, f: seen.append((label, f)))(total=200, unit="B")
    bar.update(50)
    bar.update(150)
    bar.close()
    assert seen == [("downloading VietAI/envit5-translation", 0.25), ("downloading VietAI/envit5-translation", 1.0)]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- the transformers engine -------------------------------------------------------------------

@pytest.fixture(scope="module")
def engine(copy_model_dir) -> TransformersEngine:
    settings = tiny_settings(copy_model_dir)
    return ModelHub(settings).engine("translate")


def test_engine_is_named_after_the_model_and_device(engine, copy_model_dir):
    assert engine.name == f"{copy_model_dir.name} · transformers · cpu"
    assert engine.max_input_tokens == 48


def test_count_tokens_includes_the_end_token(engine):
    assert engine.count_tokens("") == 1
    assert engine.count_tokens("vi: " + VI) > engine.count_tokens(VI) > 10


def test_copy_model_swaps_the_language_prefix_and_keeps_words(engine):
    out = engine.generate(["vi: " + VI], GREEDY)[0]
    assert out.startswith("en: ")
    assert {"Hòa", "cảng"} <= set(out.split())


def test_batched_generation_matches_one_by_one(engine):
    texts = ["vi: " + VI, "en: Rescue teams moved 120 households to safe places in time."]
    assert engine.generate(texts, GREEDY) == [engine.generate([t], GREEDY)[0] for t in texts]


def test_stream_grows_and_ends_with_the_full_output(engine):
    pieces = list(engine.stream("vi: " + VI, GREEDY))
    assert len(pieces) > 2
    assert all(b.startswith(a) and len(b) > len(a) for a, b in zip(pieces, pieces[1:]))
    assert pieces[-1] == engine.generate(["vi: " + VI], GREEDY)[0]


def test_beam_search_streams_once(engine):
    beams = GenerationConfig(max_new_tokens=16, num_beams=2, no_repeat_ngram_size=0)
    assert list(engine.stream("vi: " + VI, beams)) == engine.generate(["vi: " + VI], beams)


def test_cancelled_generation_stops_at_once(engine):
    cancel = threading.Event()
    cancel.set()
    full = engine.generate(["vi: " + VI], GREEDY)[0]
    cut = engine.generate(["vi: " + VI], GREEDY, cancel=cancel)[0]
    assert engine.count_tokens(cut) <= 2 < engine.count_tokens(full)


def test_closing_a_stream_early_frees_the_engine(engine):
    stream = engine.stream("vi: " + VI, GREEDY)
    next(stream)
    stream.close()  # the worker must stop and release the lock, or the next call would hang
    assert engine.generate(["vi: " + VI], GREEDY)[0].startswith("en: ")


@pytest.mark.parametrize("wanted, device, dtype", [
    ("auto", "cpu", "float32"), ("float16", "cpu", "float16"), ("bfloat16", "cuda", "bfloat16"),
])
def test_dtype_choice(wanted, device, dtype):
    import torch

    assert pick_dtype(wanted, device) is getattr(torch, dtype)
    assert pick_device("cpu") == "cpu"


@pytest.mark.parametrize("config, expected, absent", [
    (GenerationConfig(num_beams=1, no_repeat_ngram_size=0), {"num_beams": 1}, {"length_penalty", "no_repeat_ngram_size"}),
    (GenerationConfig(num_beams=4, length_penalty=1.2), {"num_beams": 4, "length_penalty": 1.2, "no_repeat_ngram_size": 3}, set()),
])
def test_generate_kwargs_pass_only_what_applies(config, expected, absent):
    kwargs = generate_kwargs(config, timeout_s=30.0)
    assert expected.items() <= kwargs.items() and kwargs["max_time"] == 30.0
    assert not absent & kwargs.keys()


# --- the hub -----------------------------------------------------------------------------------

def test_hub_loads_once_and_shares_one_engine_between_tasks(copy_model_dir, monkeypatch):
    loads = []
    real = TransformersEngine.load.__func__
    monkeypatch.setattr(TransformersEngine, "load", classmethod(lambda cls, *a: loads.append(a) or real(cls, *a)))
    hub = ModelHub(tiny_settings(copy_model_dir))
    assert hub.state("summarize") == "unloaded"
    results = []
    threads = [threading.Thread(target=lambda: results.append(hub.engine("summarize"))) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(loads) == 1 and all(e is results[0] for e in results)
    assert hub.engine("translate") is results[0]  # same folder, same engine settings
    assert len(loads) == 1
    assert hub.state("summarize") == hub.state("translate") == "ready"


def test_hub_remembers_a_missing_model_then_retries(tmp_path, monkeypatch):
    now = [0.0]
    calls = []
    real = loader.resolve_model_dir
    monkeypatch.setattr("bot.engines.hub.resolve_model_dir", lambda *a: calls.append(1) or real(*a))
    hub = ModelHub(hub_settings(str(tmp_path / "absent"), tmp_path), retry_after_s=60, clock=lambda: now[0])
    for _ in range(3):
        with pytest.raises(ModelUnavailable):
            hub.engine("answer")
    assert len(calls) == 1
    assert hub.state("answer") == "missing" and hub.unavailable("answer").reason == "missing_folder"
    now[0] = 61.0
    with pytest.raises(ModelUnavailable):
        hub.engine("answer")
    assert len(calls) == 2


def test_wait_for_engine_announces_loading_then_returns_the_engine(copy_model_dir):
    hub = ModelHub(tiny_settings(copy_model_dir))
    updates, engine = _drain(wait_for_engine(hub, "answer"))
    assert [n.key for u in updates for n in u.notices] == ["model_loading"]
    assert updates[0].notices[0].args == {"task": "answer", "model": str(copy_model_dir)}
    assert engine is hub.engine("answer")
    assert _drain(wait_for_engine(hub, "answer")) == ([], engine)  # ready: nothing to announce


def test_wait_for_engine_returns_none_for_a_missing_model(empty_hub):
    updates, engine = _drain(wait_for_engine(empty_hub, "summarize"))
    assert engine is None and empty_hub.state("summarize") == "missing"


def _drain(gen):
    updates = []
    while True:
        try:
            updates.append(next(gen))
        except StopIteration as stop:
            return updates, stop.value


class _FailingCT2:
    @classmethod
    def load(cls, *args):
        raise ValueError("unsupported architecture")


@pytest.mark.parametrize("choice, falls_back", [("auto", True), ("ctranslate2", False)])
def test_ctranslate2_failure_falls_back_only_on_auto(choice, falls_back, copy_model_dir, monkeypatch):
    monkeypatch.setitem(sys.modules, "bot.engines.ct2_engine", types.SimpleNamespace(CT2Engine=_FailingCT2))
    ms = tiny_settings(copy_model_dir).with_model("summarize", engine=choice)
    if falls_back:
        assert isinstance(build_engine(copy_model_dir, ms.summarize, ms), TransformersEngine)
    else:
        with pytest.raises(ModelUnavailable, match="unsupported architecture") as caught:
            build_engine(copy_model_dir, ms.summarize, ms)
        assert caught.value.reason == "load_failed"


def test_the_chat_sees_download_progress_while_a_model_loads(copy_model_dir, monkeypatch):
    import bot.engines.hub as hub_module
    from bot.engines.hub import wait_for_engine

    real_resolve = hub_module.resolve_model_dir

    def slow_download(ms, settings, progress=None):
        for share in (0.25, 0.75):  # what the loader's tqdm adapter reports during a download
            progress(f"downloading {ms.model}", share)
            time.sleep(0.15)
        return real_resolve(ms, settings, progress)

    monkeypatch.setattr(hub_module, "resolve_model_dir", slow_download)
    hub = ModelHub(tiny_settings(copy_model_dir))
    updates = []
    waiting = wait_for_engine(hub, "summarize", poll_s=0.05)
    try:
        while True:
            updates.append(next(waiting))
    except StopIteration as done:
        engine = done.value
    keys = [[n.key for n in u.notices] for u in updates]
    assert keys[0] == ["model_loading"]
    percents = [u.notices[1].args["percent"] for u in updates if len(u.notices) == 2]
    assert percents[:2] == ["25%", "75%"]
    assert engine is hub.engine("summarize") and hub.state("summarize") == "ready"
    assert list(wait_for_engine(hub, "summarize")) == []  # a loaded model: no waiting notice


def test_preload_loads_the_models_on_this_machine_in_the_background(copy_model_dir):
    hub = ModelHub(tiny_settings(copy_model_dir, tasks=("summarize", "answer")))
    hub.preload().join(timeout=120)
    assert hub.state("summarize") == hub.state("answer") == "ready"
    # translate points at a folder that does not exist: not tried, so no "missing" is remembered
    assert hub.state("translate") == "unloaded"


def test_preload_never_downloads(tmp_path, monkeypatch):
    monkeypatch.setattr(loader, "_download", lambda *a: pytest.fail("preload must not download"))
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    settings = Settings.from_env({}, cache_dir=str(tmp_path), auto_download=True,
                                 summarize={"model": "someone/not-cached-model"})
    hub = ModelHub(settings)
    hub.preload(("summarize",)).join(timeout=60)
    assert hub.state("summarize") == "unloaded"


def test_tasks_with_different_output_vocabularies_do_not_share_an_engine(copy_model_dir):
    settings = tiny_settings(copy_model_dir)
    settings = settings.with_model("answer", output_vocabulary=24)
    hub = ModelHub(settings)
    assert hub.engine("summarize") is hub.engine("translate")
    assert hub.engine("answer") is not hub.engine("summarize")


def _encode_while_counting(engine, rounds: int = 1500) -> list[str]:
    """Padded batches encoded in one thread while two others count tokens; the errors seen."""
    texts = ["Đoàn gồm 15 thành viên.", "Ông Hòa đề nghị cảng ưu tiên nâng cấp bến số 3 để đón tàu trọng tải lớn."]
    errors: list[str] = []

    def encode():
        for _ in range(rounds):
            try:
                batch = engine._encode(texts)
                assert batch["input_ids"].shape[0] == 2
            except Exception as error:  # noqa: BLE001 - the race shows up as several error types
                errors.append(repr(error)[:120])
                return

    def count():
        for _ in range(rounds):
            engine.count_tokens("Trường học trong vùng lũ tạm cho học sinh nghỉ hai ngày.")

    threads = [threading.Thread(target=f) for f in (encode, count, count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


def test_concurrent_requests_encode_without_mixing_tokenizer_settings(engine):
    # the load test met this: a padded batch came back unpadded while another request counted tokens
    assert _encode_while_counting(engine) == []
