"""Tiny real seq2seq models for tests: a SentencePiece tokenizer and a small T5, built locally.

The Hugging Face Hub is out of reach in tests, and a random T5 tends to emit ``<pad>`` forever,
so an empty output would prove nothing. ``build_copy_model`` therefore trains a 2-layer T5 for
about half a minute on a copy task over the fixture text below: ``"vi: X"`` → ``"en: X"``,
``"en: X"`` → ``"vi: X"`` and a bare ``"X"`` → ``"X"``. Its output shares words with its input,
carries a real output prefix, and keeps the length of what it copies, so tests can assert on
content (prefix stripped, words kept, paragraphs aligned) instead of "something came back".

A model this small copies what it was trained on; what it writes for anything else differs from
one CPU to the next (float rounding steers the training), so a test that needs a known output
gives it a learnt input (``ANSWERS``, ``TRANSLATED_QUESTIONS``), and 400 steps make the learnt
copies hold: at 150 steps, 1 of 4 training seeds failed a test, and on some machines seed 0 did.

All fixture text is written for these tests (a made-up provincial news story and its English
rendering); none of it is taken from a real article.
"""
from __future__ import annotations

import random
import threading
from pathlib import Path
from typing import Iterator

from bot.engines.base import Engine, GenerationConfig
from bot.engines.hub import ModelHub
from bot.settings import Settings

# Small limits so that chunking, map-reduce and batching happen on fixture-sized articles;
# at least 2 new tokens, so an input the copy model never saw still yields text.
TINY_MODEL_SETTINGS = {
    "engine": "transformers", "device": "cpu", "num_beams": 1, "no_repeat_ngram_size": 0,
    "max_input_tokens": 48, "max_new_tokens": 40, "min_new_tokens": 2, "batch_tokens": 96,
}
TASKS = ("summarize", "translate", "answer")

VI_SENTENCES = (
    "Sáng 12/3, đoàn công tác của tỉnh Quảng Nam do ông Lê Văn Hòa làm trưởng đoàn đã đến thăm cảng Kỳ Hà.",
    "Đoàn gồm 15 thành viên, đại diện các sở nông nghiệp, giao thông và du lịch.",
    "Tại buổi làm việc, lãnh đạo cảng cho biết sản lượng hàng hóa năm nay tăng 12% so với năm trước.",
    "Ông Hòa đề nghị cảng ưu tiên nâng cấp bến số 3 để đón tàu trọng tải lớn.",
    "Theo kế hoạch, dự án nâng cấp sẽ hoàn thành vào tháng 6 năm 2026.",
    "Tổng vốn đầu tư của dự án khoảng 450 tỷ đồng, chủ yếu từ nguồn xã hội hóa.",
    "Người dân địa phương kỳ vọng cảng mới sẽ tạo thêm việc làm cho thanh niên.",
    "Bà Trần Thị Mai, một tiểu thương ở chợ Tam Kỳ, nói rằng hàng hóa sẽ rẻ hơn khi vận chuyển thuận lợi.",
    "Chiều cùng ngày, đoàn tiếp tục khảo sát khu công nghiệp Tam Thăng.",
    "Ban quản lý khu công nghiệp báo cáo có 42 doanh nghiệp đang hoạt động với hơn 8.000 lao động.",
    "Mưa lớn kéo dài khiến nhiều tuyến đường ở miền núi bị sạt lở.",
    "Lực lượng cứu hộ đã kịp thời sơ tán 120 hộ dân đến nơi an toàn.",
    "Trường học trong vùng lũ tạm cho học sinh nghỉ hai ngày.",
    "Giá lúa tại đồng bằng tăng nhẹ nhờ nhu cầu xuất khẩu cao.",
    "Hội chợ nông sản Đà Lạt thu hút hàng nghìn lượt khách mỗi ngày.",
    "Các nhà khoa học đang thử nghiệm giống cà phê chịu hạn mới.",
)
EN_SENTENCES = (
    "On the morning of March 12, a delegation from Quang Nam province led by Mr Le Van Hoa visited Ky Ha port.",
    "The delegation has 15 members from the departments of agriculture, transport and tourism.",
    "The port's leaders said cargo volume this year rose 12% over last year.",
    "Mr Hoa asked the port to upgrade berth 3 first so that large ships can dock.",
    "The upgrade project is planned to be finished in June 2026.",
    "The project costs about 450 billion dong, mostly from private investment.",
    "Local people hope the new port will create more jobs for young workers.",
    "Heavy rain caused landslides on many mountain roads.",
    "Rescue teams moved 120 households to safe places in time.",
    "Schools in the flooded area gave pupils two days off.",
)
# Typed without diacritics, as many users do: the tokenizer must handle both spellings.
PLAIN_SENTENCES = (
    "Doan cong tac cua tinh Quang Nam den tham cang Ky Ha.",
    "Nguoi dan dia phuong ky vong cang moi se tao them viec lam.",
)
# A question the tests translate, with its translation: learnt both ways.
TRANSLATED_QUESTIONS = (("Who is Lê Văn Hòa, trưởng đoàn Quảng Nam?", "Lê Văn Hòa, trưởng đoàn Quảng Nam, là ai?"),)
# (question, evidence, answer): the answer model's prompt (tinbot's own template) for the question
# with that evidence is learnt to give the answer. Anything else a model is asked it has never
# seen, and what a model this small writes for such input differs from one CPU to the next
# (float rounding steers it): a test that needs a known output gives a learnt input.
ANSWERS = (("Đoàn có bao nhiêu thành viên?", VI_SENTENCES[1], "Đoàn gồm 15 thành viên."),)
PREFIXES = ("vi: ", "en: ")


def corpus() -> list[str]:
    """Every fixture sentence, plus each one with each language prefix (what the tokenizer learns
    from; the prompts learnt by heart are left out, so token counts do not depend on them)."""
    plain = list(VI_SENTENCES + EN_SENTENCES + PLAIN_SENTENCES)
    return plain + [prefix + s for s in plain for prefix in PREFIXES]


def _learnt_pairs() -> list[tuple[str, str]]:
    """The answer prompts and the question translations, by heart."""
    from bot.prompts import render

    pairs = []
    for question, evidence, answer in ANSWERS:
        prompt = render("answer", "question", "vi", evidence=evidence, question=question)
        # With the prefixes only: a model this small tells the prompt from its prefixed form
        # too weakly to learn two outputs, and the prefixed one shows that prefixes are handled.
        pairs.append(("vi: " + prompt, "en: " + answer))
    for en, vi in TRANSLATED_QUESTIONS:
        pairs += [("en: " + en, "vi: " + vi), ("vi: " + vi, "en: " + en)]
    return pairs


def build_tokenizer(folder: Path, vocab_size: int = 1000) -> None:
    """Train a BPE SentencePiece model on the fixture text and save it as ``spiece.model``.

    ``byte_fallback`` makes any character outside the vocabulary encode as bytes instead of
    ``<unk>``, so Vietnamese round-trips exactly. The ids follow T5: pad 0, eos 1, unk 2. BPE
    at this size keeps most fixture syllables whole (256 of the ids are bytes), so sentences are
    ~20 tokens instead of ~40 and the copy task trains in seconds.
    """
    import io

    import sentencepiece as spm

    folder.mkdir(parents=True, exist_ok=True)
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus()),
        model_writer=model,
        vocab_size=vocab_size,
        model_type="bpe",
        byte_fallback=True,
        hard_vocab_limit=False,  # a small corpus may not fill the vocabulary: take what it has
        character_coverage=1.0,
        pad_id=0, eos_id=1, unk_id=2, bos_id=-1,
        normalization_rule_name="identity",  # keep NFC text as it is: no NFKC folding
        minloglevel=2,
    )
    (folder / "spiece.model").write_bytes(model.getvalue())


def _pairs(rng: random.Random) -> list[tuple[str, str]]:
    """Training pairs: those learnt by heart, then language-swapped prefixes and bare copies, over
    whole and partial sentences."""
    sentences = list(VI_SENTENCES + EN_SENTENCES + PLAIN_SENTENCES)
    pairs = _learnt_pairs() * 8
    for _ in range(4):
        for s in sentences:
            words = s.split()
            start = rng.randrange(0, max(1, len(words) - 3))
            span = " ".join(words[start : start + rng.randint(3, len(words))])
            for text in (s, span):
                pairs += [("vi: " + text, "en: " + text), ("en: " + text, "vi: " + text), (text, text)]
    return pairs


def build_copy_model(folder: Path, steps: int = 400, seed: int = 0) -> Path:
    """Tokenizer + a small T5 trained to copy its input (see the module docstring); returns ``folder``."""
    import torch
    from transformers import T5Config, T5ForConditionalGeneration, T5Tokenizer

    build_tokenizer(folder)
    for stale in ("tokenizer.json", "tokenizer_config.json", "special_tokens_map.json"):
        (folder / stale).unlink(missing_ok=True)  # from_pretrained would prefer an old tokenizer.json
    tokenizer = T5Tokenizer.from_pretrained(folder)  # from the folder: see ARCHITECTURE.md pitfall
    torch.manual_seed(seed)
    config = T5Config(
        vocab_size=len(tokenizer), d_model=64, d_kv=16, d_ff=128, num_layers=2, num_heads=4,
        relative_attention_num_buckets=16, dropout_rate=0.0, decoder_start_token_id=tokenizer.pad_token_id,
        pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
    )
    model = T5ForConditionalGeneration(config)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # a model this small trains fastest on one thread, busy machine or not
    try:
        _train_copy(model, tokenizer, _pairs(random.Random(seed)), steps)
    finally:
        torch.set_num_threads(threads)
    model.eval()
    model.save_pretrained(folder, safe_serialization=True)
    tokenizer.save_pretrained(folder)
    return folder


def _train_copy(model, tokenizer, pairs: list[tuple[str, str]], steps: int, batch_size: int = 32) -> None:
    import torch

    # A high one-cycle learning rate: the model only has to learn (mostly memorize) the fixture
    # text, and every step costs ~0.15 s of one CPU core.
    optimizer = torch.optim.AdamW(model.parameters(), lr=1e-2)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=1e-2, total_steps=steps, pct_start=0.1)
    rng = random.Random(1)
    model.train()
    for _ in range(steps):
        batch = rng.sample(pairs, batch_size)
        inputs = tokenizer([a for a, _ in batch], return_tensors="pt", padding=True)
        labels = tokenizer([b for _, b in batch], return_tensors="pt", padding=True).input_ids
        labels[labels == tokenizer.pad_token_id] = -100
        loss = model(**inputs, labels=labels).loss
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        schedule.step()


def tiny_settings(model_dir: Path | str | None, tasks=TASKS, **top) -> Settings:
    """Settings whose ``tasks`` use ``model_dir`` with small limits; other tasks get a missing folder."""
    missing = str(Path(__file__).parent / "no-such-model")
    per_task = {}
    for task in TASKS:
        model = str(model_dir) if model_dir is not None and task in tasks else missing
        per_task[task] = {**TINY_MODEL_SETTINGS, "model": model}
    # One thread: tiny models gain nothing from more, and on a busy machine torch's spinning
    # worker threads can make every call many times slower.
    return Settings.from_env({}, **per_task, **{"threads": 1, **top})


class RecordingEngine:
    """A spy around a real loaded engine: records what the model is asked, returns what it says.

    Every call is delegated to ``engine`` (a model loaded through ``ModelHub`` by path), so the
    outputs are the real model's. Tests read ``batches`` (one list of inputs per ``generate``
    call, a one-item list per ``stream``), ``outputs`` (the same shape: what the model returned,
    the last streamed text for a stream) and ``configs`` (the ``GenerationConfig`` of each call).
    """

    def __init__(self, engine: Engine):
        self.engine = engine
        self.name, self.max_input_tokens = engine.name, engine.max_input_tokens
        self.batches: list[list[str]] = []
        self.outputs: list[list[str]] = []
        self.configs: list[GenerationConfig] = []
        self.streamed: list[bool] = []

    @property
    def inputs(self) -> list[str]:
        return [text for batch in self.batches for text in batch]

    def output_for(self, text: str) -> str:
        """The model's output for the input ``text`` (which must have been asked exactly once)."""
        pairs = [out for batch, outs in zip(self.batches, self.outputs) for t, out in zip(batch, outs) if t == text]
        assert len(pairs) == 1, f"{text!r} was given to the model {len(pairs)} times"
        return pairs[0]

    def count_tokens(self, text: str) -> int:
        return self.engine.count_tokens(text)

    def generate(self, texts: list[str], config: GenerationConfig, cancel: threading.Event | None = None) -> list[str]:
        self._record(texts, config, streamed=False)
        outputs = self.engine.generate(texts, config, cancel)
        self.outputs[-1] = list(outputs)
        return outputs

    def stream(self, text: str, config: GenerationConfig, cancel: threading.Event | None = None) -> Iterator[str]:
        self._record([text], config, streamed=True)
        for so_far in self.engine.stream(text, config, cancel):
            self.outputs[-1] = [so_far]
            yield so_far

    def _record(self, texts: list[str], config: GenerationConfig, streamed: bool) -> None:
        self.batches.append(list(texts))
        self.outputs.append([""] * len(texts))
        self.configs.append(config)
        self.streamed.append(streamed)


def spy_on(hub: ModelHub, task: str, engine: Engine | None = None) -> RecordingEngine:
    """Install a ``RecordingEngine`` for ``task`` around ``engine`` (default: the hub's own, loaded by path)."""
    spy = RecordingEngine(engine if engine is not None else hub.engine(task))
    hub.install(task, spy)
    return spy
