"""Run a seq2seq model with transformers: ``AutoModelForSeq2SeqLM.generate``, batched or streamed.

One engine object per loaded model, shared by every chat session: a lock serialises generation
(a model on 2 CPU cores gains nothing from two concurrent calls, and CUDA memory would double).
Every call is bounded by ``Limits.generation_timeout_s`` and can be cancelled (a stop button).
"""
from __future__ import annotations

import logging
import threading
import unicodedata
from pathlib import Path
from typing import Iterator

from bot.engines.base import GenerationConfig
from bot.engines.loader import has_safetensors
from bot.settings import ModelSettings, Settings

log = logging.getLogger("tinbot.engine")


def pick_device(wanted: str) -> str:
    """"auto" → "cuda" when a GPU is visible, else "cpu"; other values are kept."""
    import torch

    if wanted == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    return wanted


def pick_dtype(wanted: str, device: str):
    """"auto" → bfloat16 on GPUs that have it, else float32.

    Never float16 by default: T5-family activations overflow it and the output turns to
    garbage (https://github.com/huggingface/transformers/issues/10830). On CPU half precision
    is slower than float32 anyway.
    """
    import torch

    if wanted != "auto":
        return getattr(torch, wanted)
    if device.startswith("cuda") and torch.cuda.is_bf16_supported():
        return torch.bfloat16
    return torch.float32


def model_label(model: str) -> str:
    """The last part of a hub id or folder: "VietAI/vit5-base-vietnews-summarization" → its name."""
    return Path(model.rstrip("/\\")).name or model


def generate_kwargs(config: GenerationConfig, timeout_s: float | None) -> dict:
    """``generate`` keyword arguments for one ``GenerationConfig`` (pure; no model needed)."""
    kwargs = {
        "max_new_tokens": config.max_new_tokens,
        "min_new_tokens": config.min_new_tokens,
        "num_beams": config.num_beams,
        "do_sample": False,
        "repetition_penalty": config.repetition_penalty,
    }
    if config.no_repeat_ngram_size:
        kwargs["no_repeat_ngram_size"] = config.no_repeat_ngram_size
    if config.num_beams > 1:
        # Beam-only knobs: transformers warns about them when decoding is greedy.
        kwargs.update(length_penalty=config.length_penalty, early_stopping=True)
    if timeout_s:
        kwargs["max_time"] = timeout_s
    return kwargs


class TransformersEngine:
    """A loaded ``AutoModelForSeq2SeqLM`` and its tokenizer (implements ``bot.engines.base.Engine``)."""

    def __init__(self, model, tokenizer, name: str, max_input_tokens: int, device: str, timeout_s: float | None = None):
        self.model, self.tokenizer = model, tokenizer
        self.name, self.max_input_tokens, self.device = name, max_input_tokens, device
        self.timeout_s = timeout_s
        self._lock = threading.Lock()
        # A fast tokenizer keeps its padding and truncation settings on the shared Rust object and
        # resets them on every call: two requests encoding at once (one padded batch, one token
        # count) can get unpadded rows ("expected sequence of length 10 (got 11)"). Encode in turn.
        self._tokenizer_lock = threading.Lock()

    @classmethod
    def load(cls, model_dir: Path, ms: ModelSettings, settings: Settings) -> "TransformersEngine":
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        from transformers.utils import logging as transformers_logging

        # transformers draws a "Loading weights" bar on stderr; tinbot reports loading itself
        # (chat notices, CLI lines), and a bar would break the CLI's one-line-per-notice stderr.
        transformers_logging.disable_progress_bar()
        if settings.threads:
            torch.set_num_threads(settings.threads)
        device = pick_device(ms.device)
        dtype = pick_dtype(ms.dtype, device)
        tokenizer = AutoTokenizer.from_pretrained(model_dir)
        model = AutoModelForSeq2SeqLM.from_pretrained(
            model_dir, dtype=dtype, use_safetensors=True if has_safetensors(Path(model_dir)) else None,
        )
        model.to(device).eval()
        name = f"{model_label(ms.model)} · transformers · {device}"
        log.info("loaded %s from %s (%s)", name, model_dir, str(dtype).removeprefix("torch."))
        return cls(model, tokenizer, name, ms.max_input_tokens, device, settings.limits.generation_timeout_s)

    def count_tokens(self, text: str) -> int:
        with self._tokenizer_lock:
            return len(self.tokenizer(text).input_ids)

    def generate(self, texts: list[str], config: GenerationConfig, cancel: threading.Event | None = None) -> list[str]:
        """One output per input, in order, from one padded batch."""
        if not texts:
            return []
        import torch

        inputs = self._encode(texts)
        with self._lock, torch.inference_mode():
            output = self.model.generate(**inputs, **self._kwargs(config, cancel))
        return [_clean(t) for t in self.tokenizer.batch_decode(output, skip_special_tokens=True)]

    def stream(self, text: str, config: GenerationConfig, cancel: threading.Event | None = None) -> Iterator[str]:
        """The decoded output so far, growing token by token; beam search yields once at the end.

        transformers cannot stream beam search, so with ``num_beams > 1`` the whole output comes
        in one piece. Closing the generator early stops the model at its next step.
        """
        if config.num_beams > 1:
            yield from self.generate([text], config, cancel)
            return
        yield from self._stream_greedy(text, config, cancel)

    def _stream_greedy(self, text: str, config: GenerationConfig, cancel: threading.Event | None) -> Iterator[str]:
        import torch
        from transformers import TextIteratorStreamer

        stop = threading.Event()  # set when the consumer goes away, so the worker stops too
        streamer = TextIteratorStreamer(self.tokenizer, skip_prompt=True, skip_special_tokens=True)
        kwargs = {**self._encode([text]), **self._kwargs(config, cancel, stop), "streamer": streamer}
        failure: list[BaseException] = []

        def work():
            try:
                with self._lock, torch.inference_mode():
                    self.model.generate(**kwargs)
            except BaseException as error:  # handed to the consumer, which re-raises it
                failure.append(error)
                streamer.end()

        worker = threading.Thread(target=work, name="tinbot-generate", daemon=True)
        worker.start()
        so_far = ""
        try:
            for piece in streamer:
                if piece:
                    so_far += piece
                    yield _clean(so_far)
        finally:
            stop.set()
            worker.join()
        if failure:
            raise failure[0]

    def _encode(self, texts: list[str]) -> dict:
        # Tasks chunk inputs to fit; truncation only guards the model from an oversight.
        with self._tokenizer_lock:
            batch = self.tokenizer(texts, return_tensors="pt", padding=True, truncation=True, max_length=self.max_input_tokens)
        return {k: v.to(self.device) for k, v in batch.items()}

    def _kwargs(self, config: GenerationConfig, *events: threading.Event | None) -> dict:
        kwargs = generate_kwargs(config, self.timeout_s)
        events = tuple(e for e in events if e is not None)
        if events:
            from transformers import StoppingCriteriaList

            kwargs["stopping_criteria"] = StoppingCriteriaList([_Cancelled(events)])
        return kwargs


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text).strip()


class _Cancelled:
    """A stopping criterion: stops every sequence once any of the events is set.

    Duck-typed (``StoppingCriteriaList`` only calls it), so transformers is not imported here.
    """

    def __init__(self, events: tuple[threading.Event, ...]):
        self.events = events

    def __call__(self, input_ids, scores, **kwargs):
        import torch

        done = any(e.is_set() for e in self.events)
        return torch.full((input_ids.shape[0],), done, device=input_ids.device, dtype=torch.bool)

    def __deepcopy__(self, memo):  # events are shared on purpose; a lock cannot be copied anyway
        return self
