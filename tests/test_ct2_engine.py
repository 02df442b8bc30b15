"""The CTranslate2 engine: conversion cache, device and compute-type choice, parity with transformers."""
from __future__ import annotations

import json
import os
import unicodedata
from pathlib import Path

import pytest

from bot.engines import ct2_engine
from bot.engines.base import GenerationConfig
from bot.engines.ct2_engine import CT2Engine
from bot.engines.vocab_map import vocabulary_map_lines
from bot.engines.transformers_engine import TransformersEngine
from bot.settings import Settings, SettingsError

# Inputs the copy model was trained on, with and without diacritics and with the language prefix.
INPUTS = (
    "vi: Đoàn gồm 15 thành viên, đại diện các sở nông nghiệp, giao thông và du lịch.",
    "Ông Hòa đề nghị cảng ưu tiên nâng cấp bến số 3 để đón tàu trọng tải lớn.",
    "en: Rescue teams moved 120 households to safe places in time.",
    "Doan cong tac cua tinh Quang Nam den tham cang Ky Ha.",
    "Trường học trong vùng lũ tạm cho học sinh nghỉ hai ngày.",
)
GREEDY = GenerationConfig(max_new_tokens=48, num_beams=1, no_repeat_ngram_size=0)


@pytest.fixture(scope="session")
def model_dir(copy_model_dir: Path) -> Path:
    return copy_model_dir


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_env({}, cache_dir=str(tmp_path / "cache"), threads=1)


def ms_for(settings: Settings, model_dir: Path, **changes):
    changes = {"engine": "ctranslate2", **changes}
    return settings.with_model("translate", model=str(model_dir), **changes).translate


def load(settings: Settings, model_dir: Path, **changes) -> CT2Engine:
    return CT2Engine.load(model_dir, ms_for(settings, model_dir, **changes), settings)


@pytest.fixture
def fp32(settings: Settings, model_dir: Path) -> CT2Engine:
    return load(settings, model_dir, compute_type="float32")


# ---------------------------------------------------------------- architecture support

@pytest.mark.parametrize("model_type, supported", [
    ("t5", True), ("mt5", True), ("mbart", True), ("marian", True),
    ("bart", False), ("gpt2", False), ("llama", False), (None, False),
])
def test_supports_only_checked_seq2seq_architectures(tmp_path: Path, model_type, supported):
    config = {} if model_type is None else {"model_type": model_type}
    (tmp_path / "config.json").write_text(json.dumps(config), encoding="utf-8")
    assert ct2_engine.supports(tmp_path) is supported


def test_folder_without_config_is_not_supported(tmp_path: Path):
    assert not ct2_engine.supports(tmp_path)


def test_unsupported_architecture_raises_value_error_before_converting(tmp_path: Path, settings, monkeypatch):
    (tmp_path / "config.json").write_text('{"model_type": "bart"}', encoding="utf-8")
    monkeypatch.setattr(ct2_engine, "_convert", lambda *a: pytest.fail("must not convert"))
    with pytest.raises(ValueError, match="bart"):
        load(settings, tmp_path)


# ---------------------------------------------------------------- device and compute type

@pytest.mark.parametrize("device, cuda_count, expected", [
    ("auto", 0, ("cpu", 0)), ("auto", 1, ("cuda", 0)), ("cpu", 2, ("cpu", 0)),
    ("cuda", 1, ("cuda", 0)), ("cuda:1", 2, ("cuda", 1)),
])
def test_device_auto_picks_cuda_only_when_visible(settings, monkeypatch, device, cuda_count, expected):
    import ctranslate2

    monkeypatch.setattr(ctranslate2, "get_cuda_device_count", lambda: cuda_count)
    ms = settings.with_model("answer", device=device).answer
    assert ct2_engine.resolve_device(ms) == expected


@pytest.mark.parametrize("compute_type, device, supported, expected", [
    ("auto", "cpu", {"int8", "int8_float32", "float32"}, "int8"),
    ("auto", "cpu", {"float32"}, "float32"),
    ("auto", "cuda", {"int8_float16", "float16", "int8", "float32"}, "int8_float16"),
    ("auto", "cuda", {"float16", "float32"}, "float16"),
    ("float32", "cpu", {"int8", "float32"}, "float32"),
    ("int8_float32", "cpu", {"int8", "float32"}, "int8_float32"),
])
def test_compute_type_auto_by_device_explicit_is_honoured(settings, monkeypatch, compute_type, device, supported, expected):
    import ctranslate2

    monkeypatch.setattr(ctranslate2, "get_supported_compute_types", lambda d: supported)
    ms = settings.with_model("answer", compute_type=compute_type).answer
    assert ct2_engine.resolve_compute_type(ms, device) == expected


# ---------------------------------------------------------------- the conversion cache

def test_cache_root_follows_cache_dir_then_home(tmp_path: Path, monkeypatch):
    assert ct2_engine.cache_root(Settings.from_env({}, cache_dir=str(tmp_path))) == tmp_path / "ct2"
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert ct2_engine.cache_root(Settings.from_env({})) == tmp_path / "home" / ".cache" / "tinbot" / "ct2"


def test_cache_key_separates_compute_type_revision_and_changed_weights(tmp_path: Path, settings):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "t5"}', encoding="utf-8")
    (folder / "model.safetensors").write_bytes(b"x" * 10)
    ms = ms_for(settings, folder)
    key = ct2_engine.converted_dir(folder, ms, settings, "int8")
    assert key == ct2_engine.converted_dir(folder, ms, settings, "int8")
    assert key.parent == tmp_path / "cache" / "ct2"
    assert key != ct2_engine.converted_dir(folder, ms, settings, "float32")
    assert key != ct2_engine.converted_dir(folder, ms_for(settings, folder, revision="v2"), settings, "int8")
    (folder / "model.safetensors").write_bytes(b"y" * 11)  # retrained weights: convert again
    assert key != ct2_engine.converted_dir(folder, ms, settings, "int8")


def test_second_load_reuses_the_conversion(settings, model_dir: Path, monkeypatch):
    messages: list[str] = []
    first = CT2Engine.load(model_dir, ms_for(settings, model_dir, compute_type="float32"), settings, progress=lambda message, _: messages.append(message))
    assert any("Converting" in m for m in messages)
    converted = ct2_engine.converted_dir(model_dir, ms_for(settings, model_dir), settings, "float32")
    stamp = (converted / "model.bin").stat().st_mtime_ns
    monkeypatch.setattr(ct2_engine, "_convert", lambda *a: pytest.fail("converted twice"))
    messages.clear()
    second = CT2Engine.load(model_dir, ms_for(settings, model_dir, compute_type="float32"), settings, progress=lambda message, _: messages.append(message))
    assert messages == []
    assert (converted / "model.bin").stat().st_mtime_ns == stamp
    assert second.generate(INPUTS[:1], GREEDY) == first.generate(INPUTS[:1], GREEDY)


def _fake_convert(model_dir, out_dir, compute_type):
    out_dir.mkdir()
    (out_dir / "model.bin").write_text(f"converted by this process ({compute_type})")


def test_losing_a_conversion_race_keeps_the_winners_folder(tmp_path: Path, settings, monkeypatch):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "t5"}', encoding="utf-8")
    ms = ms_for(settings, folder)
    target = ct2_engine.converted_dir(folder, ms, settings, "int8")

    def convert_while_another_process_finishes(model_dir, out_dir, compute_type):
        target.mkdir(parents=True)
        (target / "model.bin").write_text("converted by the other process")
        _fake_convert(model_dir, out_dir, compute_type)

    monkeypatch.setattr(ct2_engine, "_convert", convert_while_another_process_finishes)
    assert ct2_engine.ensure_converted(folder, ms, settings, "int8") == target
    assert (target / "model.bin").read_text() == "converted by the other process"
    assert os.listdir(target.parent) == [target.name]  # no scratch folder left behind


def test_failed_conversion_leaves_no_folder(tmp_path: Path, settings, monkeypatch):
    folder = tmp_path / "model"
    folder.mkdir()
    (folder / "config.json").write_text('{"model_type": "t5"}', encoding="utf-8")

    def broken(model_dir, out_dir, compute_type):
        out_dir.mkdir()
        raise RuntimeError("out of memory")

    monkeypatch.setattr(ct2_engine, "_convert", broken)
    with pytest.raises(RuntimeError, match="out of memory"):
        ct2_engine.ensure_converted(folder, ms_for(settings, folder), settings, "int8")
    assert os.listdir(tmp_path / "cache" / "ct2") == []


# ---------------------------------------------------------------- generation

def test_name_says_engine_compute_type_and_device(fp32: CT2Engine, model_dir: Path):
    assert fp32.name == f"{model_dir.name} · ctranslate2 float32 · cpu"


@pytest.mark.parametrize("num_beams", [1, 4])
def test_copy_model_output_keeps_the_words_of_its_input(fp32: CT2Engine, num_beams):
    config = GenerationConfig(max_new_tokens=48, num_beams=num_beams)
    vi = "Trường học trong vùng lũ tạm cho học sinh nghỉ hai ngày."
    (out,) = fp32.generate([vi], config)
    assert unicodedata.is_normalized("NFC", out)
    assert {"học", "sinh", "ngày."} <= set(out.split())


def test_float32_greedy_matches_the_transformers_engine_token_for_token(fp32: CT2Engine, settings, model_dir: Path):
    reference = TransformersEngine.load(model_dir, ms_for(settings, model_dir, engine="transformers"), settings)
    for config in (GREEDY, GenerationConfig(max_new_tokens=12, num_beams=1, no_repeat_ngram_size=3),
                   GenerationConfig(max_new_tokens=48, num_beams=1, repetition_penalty=1.3),
                   GenerationConfig(max_new_tokens=40, min_new_tokens=36, num_beams=1)):
        expected = reference.generate(list(INPUTS), config)
        assert all(expected), "the reference must emit real words, not only <pad>"
        assert fp32.generate(list(INPUTS), config) == expected


def test_int8_output_is_sane_next_to_float32(fp32: CT2Engine, settings, model_dir: Path):
    int8 = load(settings, model_dir, compute_type="int8")
    assert int8.name.endswith("ctranslate2 int8 · cpu")
    for quantized, exact in zip(int8.generate(list(INPUTS), GREEDY), fp32.generate(list(INPUTS), GREEDY)):
        shared = set(quantized.split()) & set(exact.split())
        assert len(shared) >= len(exact.split()) // 2, (quantized, exact)


def test_batched_outputs_come_back_in_input_order(settings, model_dir: Path):
    # a budget of 64 tokens forces several batches, which CTranslate2 sorts by length internally
    engine = load(settings, model_dir, compute_type="float32", max_input_tokens=64, batch_tokens=64)
    texts = sorted(INPUTS, key=len, reverse=True) + [INPUTS[3]]
    assert engine.generate(texts, GREEDY) == [engine.generate([t], GREEDY)[0] for t in texts]


def test_empty_batch_gives_no_outputs(fp32: CT2Engine):
    assert fp32.generate([], GREEDY) == []


def test_overlong_input_is_cut_to_max_input_tokens_keeping_the_end_token(settings, model_dir: Path):
    engine = load(settings, model_dir, compute_type="float32", max_input_tokens=16, batch_tokens=16)
    long_text = " ".join(INPUTS)
    assert engine.count_tokens(long_text) > 16
    source = engine._source(long_text)
    assert len(source) == 16 and source[-1] == engine.tokenizer.eos_token
    (out,) = engine.generate([long_text], GREEDY)
    assert out.split()[0] == "en:"  # the copy model turns the "vi: " prefix into "en: "


def test_count_tokens_includes_the_end_token(fp32: CT2Engine):
    assert fp32.count_tokens("Đoàn") == len(fp32.tokenizer.tokenize("Đoàn")) + 1


# ---------------------------------------------------------------- streaming

def test_greedy_stream_grows_and_ends_in_the_generate_result(fp32: CT2Engine):
    config = GenerationConfig(max_new_tokens=48, num_beams=1, no_repeat_ngram_size=0)
    parts = list(fp32.stream(INPUTS[1], config))
    assert len(parts) > 3
    assert all(later.startswith(earlier) and later != earlier for earlier, later in zip(parts, parts[1:]))
    assert parts[-1] == fp32.generate([INPUTS[1]], config)[0]


def test_beam_search_streams_in_one_piece_like_transformers(fp32: CT2Engine):
    config = GenerationConfig(max_new_tokens=48, num_beams=4, no_repeat_ngram_size=0)
    assert list(fp32.stream(INPUTS[1], config)) == fp32.generate([INPUTS[1]], config)


def test_stream_can_be_abandoned_early(fp32: CT2Engine):
    stream = fp32.stream(INPUTS[1], GREEDY)
    first = next(stream)
    stream.close()
    assert first and INPUTS[1].startswith(first.split()[0])


# ---------------------------------------------------------------- MBart-style forced target language

class _Vocab:
    def convert_ids_to_tokens(self, i):
        return {250004: "en_XX"}[i]


def test_forced_bos_token_becomes_the_target_prefix(tmp_path: Path):
    (tmp_path / "generation_config.json").write_text('{"forced_bos_token_id": 250004}', encoding="utf-8")
    assert ct2_engine._forced_prefix(tmp_path, _Vocab()) == ("en_XX",)


def test_no_generation_config_means_no_prefix(tmp_path: Path):
    assert ct2_engine._forced_prefix(tmp_path, _Vocab()) == ()


# ---------------------------------------------------------------- untied T5 v1.1 / mT5 (envit5, mt0)

@pytest.fixture(scope="session")
def untied_dir(copy_model_dir: Path, tmp_path_factory) -> Path:
    """The copy model with its own output layer, saved as the hub's untied T5 v1.1 configs are."""
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    folder = tmp_path_factory.mktemp("untied")
    model = AutoModelForSeq2SeqLM.from_pretrained(copy_model_dir)
    model.lm_head.weight = torch.nn.Parameter(model.shared.weight.detach().clone() * 0.05)
    model.save_pretrained(folder)
    AutoTokenizer.from_pretrained(copy_model_dir).save_pretrained(folder)
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config.pop("scale_decoder_outputs", None)
    (folder / "config.json").write_text(json.dumps({**config, "tie_word_embeddings": False}), encoding="utf-8")
    return folder


def test_untied_model_scores_tokens_as_transformers_does(untied_dir: Path, settings):
    # greedy output cannot show it (argmax ignores scale): compare the log-probabilities themselves
    import torch
    from transformers import AutoModelForSeq2SeqLM

    engine = load(settings, untied_dir, compute_type="float32")
    model = AutoModelForSeq2SeqLM.from_pretrained(untied_dir).eval()
    assert model.config.scale_decoder_outputs is False
    tok = engine.tokenizer
    source, target = INPUTS[4], "Trường học trong vùng lũ"
    labels = tok(target, return_tensors="pt").input_ids
    with torch.no_grad():
        logits = model(**tok(source, return_tensors="pt"), labels=labels).logits
    expected = torch.log_softmax(logits, -1)[0].gather(-1, labels[0][:, None])[:, 0].tolist()
    # CTranslate2 adds the end token to the target itself: give it the labels without theirs
    (scored,) = engine.translator.score_batch([engine._source(source)], [tok.convert_ids_to_tokens(labels[0, :-1].tolist())])
    assert scored.log_probs == pytest.approx(expected, abs=1e-3)


# ---------------------------------------------------------------- vocabulary map (output_vocabulary)

def test_vocabulary_map_lists_common_tokens_once_then_maps_the_rest_to_themselves():
    vocabulary = ["<pad>", "</s>", "<unk>", "▁đoàn", "▁cảng", "<0x41>", "▁tàu", "a b", "▁lũ"]
    lines = vocabulary_map_lines(vocabulary, common=3)
    # the always-allowed line: the 3 most common tokens plus every byte piece (spells any character)
    assert lines[0] == "\t<pad> </s> <unk> <0x41>"
    # every other token is a candidate only when the input has it; a token with a space cannot be written
    assert lines[1:] == ["▁đoàn\t▁đoàn", "▁cảng\t▁cảng", "▁tàu\t▁tàu", "▁lũ\t▁lũ"]


def _allowed_ids(engine: CT2Engine, common: int, text: str) -> set[int]:
    vocabulary = engine.tokenizer.convert_ids_to_tokens(list(range(len(engine.tokenizer))))
    always = set(vocabulary[:common]) | {t for t in vocabulary if t.startswith("<0x")}
    return {engine.tokenizer.convert_tokens_to_ids(t) for t in always | set(engine._source(text))}


def test_output_vocabulary_restricts_generation_to_input_and_common_tokens(settings, model_dir: Path):
    common = 24
    engine = load(settings, model_dir, compute_type="float32", output_vocabulary=common)
    assert engine.vmap is not None and engine.stream_vmap
    # forcing 40 tokens after a short copy makes the model pick tokens it would not copy: every one
    # must still be an input token or one of the common ones
    forced = GenerationConfig(max_new_tokens=40, min_new_tokens=40, num_beams=1, no_repeat_ngram_size=0)
    unrestricted = load(settings, model_dir, compute_type="float32")
    strays = 0
    for text in INPUTS:
        (result,) = engine.translator.translate_batch([engine._source(text)], **engine._decoding(forced))
        ids = engine.tokenizer.convert_tokens_to_ids(result.hypotheses[0])
        assert len(ids) == 40 and set(ids) <= _allowed_ids(engine, common, text)
        (free,) = unrestricted.translator.translate_batch([unrestricted._source(text)], **unrestricted._decoding(forced))
        strays += not set(unrestricted.tokenizer.convert_tokens_to_ids(free.hypotheses[0])) <= _allowed_ids(engine, common, text)
    # Without the map the model strays (for some inputs: where depends on the trained weights).
    assert strays


def test_output_vocabulary_changes_nothing_when_the_output_copies_the_input(settings, model_dir: Path):
    common = 24
    restricted = load(settings, model_dir, compute_type="float32", output_vocabulary=common)
    full = load(settings, model_dir, compute_type="float32")
    texts = []
    for text in INPUTS:  # the premise: every token the full model picks is a candidate of the map
        if text.startswith(("vi:", "en:")):
            continue  # these outputs add "en:"/"vi:"
        (result,) = full.translator.translate_batch([full._source(text)], **full._decoding(GREEDY))
        if set(full.tokenizer.convert_tokens_to_ids(result.hypotheses[0])) <= _allowed_ids(restricted, common, text):
            texts.append(text)
    # Which inputs the tiny model copies exactly depends on its trained weights (and the CPU's
    # rounding); at least two of the three, always.
    assert len(texts) >= 2
    expected = full.generate(texts, GREEDY)
    assert restricted.generate(texts, GREEDY) == expected
    # streaming reads CTranslate2's per-step ids through the map: the words must be the same
    streams = [list(restricted.stream(t, GREEDY)) for t in texts]
    assert [s[-1] for s in streams] == expected and all(len(s) > 3 for s in streams)


def test_vocabulary_map_is_written_once_per_size_and_skipped_when_it_would_restrict_nothing(settings, model_dir: Path):
    engine = load(settings, model_dir, compute_type="float32", output_vocabulary=24)
    ct2_dir = Path(engine.translator.model_path) if hasattr(engine.translator, "model_path") else None
    ct2_dir = ct2_dir or next(ct2_engine.cache_root(settings).glob("*float32"))
    vmap = ct2_dir / "vmap.txt"
    written = vmap.stat().st_mtime_ns
    load(settings, model_dir, compute_type="float32", output_vocabulary=24)
    assert vmap.stat().st_mtime_ns == written
    load(settings, model_dir, compute_type="float32", output_vocabulary=30)
    assert vmap.read_text(encoding="utf-8").split("\n", 1)[0].count(" ") >= 29
    assert load(settings, model_dir, compute_type="float32", output_vocabulary=10**6).vmap is None
    assert load(settings, model_dir, compute_type="float32").vmap is None


def test_stream_drops_the_map_when_per_step_ids_cannot_be_read(settings, model_dir: Path, monkeypatch):
    # as if a CTranslate2 release numbered per-step candidates another way: the load-time check
    # must notice, and streaming must go on without the map rather than show wrong words
    from bot.engines.vocab_map import VocabularyMap

    original = VocabularyMap.candidates
    monkeypatch.setattr(VocabularyMap, "candidates", lambda self, *a: [0] + original(self, *a))
    engine = load(settings, model_dir, compute_type="float32", output_vocabulary=24)
    assert engine.vmap is not None and not engine.stream_vmap
    text = INPUTS[1]
    assert list(engine.stream(text, GREEDY))[-1] == engine.generate([text], GREEDY)[0]


def test_inter_threads_setting_sets_parallel_generations(tmp_path: Path, model_dir: Path):
    settings = Settings.from_env({"TINBOT_INTER_THREADS": "2"}, cache_dir=str(tmp_path / "cache"), threads=1)
    assert settings.inter_threads == 2
    assert load(settings, model_dir, compute_type="float32").translator.num_translators == 2
    assert Settings.from_env({}).inter_threads == 1
    with pytest.raises(SettingsError, match="inter_threads"):
        Settings.from_env({"TINBOT_INTER_THREADS": "0"})
