"""The one small interface every generation engine satisfies.

Tasks (``bot.tasks``) prepare inputs (prefixes, chunks, prompts) and shape outputs; an engine
only runs a seq2seq model: ``transformers`` (``bot.engines.transformers_engine``) or
CTranslate2 (``bot.engines.ct2_engine``). When no weights are at hand the tasks use the
extractive methods instead (``bot.extractive``), and the reply says so.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol


@dataclass(frozen=True)
class GenerationConfig:
    """Decoding settings for one call; built from ``ModelSettings`` and the task's needs."""

    max_new_tokens: int = 256
    min_new_tokens: int = 0
    num_beams: int = 4
    no_repeat_ngram_size: int = 3
    repetition_penalty: float = 1.0
    length_penalty: float = 1.0

    def __post_init__(self):
        if self.max_new_tokens <= 0:
            raise ValueError(f"max_new_tokens={self.max_new_tokens} must be positive")
        if not 0 <= self.min_new_tokens <= self.max_new_tokens:
            raise ValueError(f"min_new_tokens={self.min_new_tokens} must lie in 0..max_new_tokens ({self.max_new_tokens})")
        if self.num_beams < 1:
            raise ValueError(f"num_beams={self.num_beams} must be at least 1 (1 is greedy decoding)")


class Engine(Protocol):
    """A loaded seq2seq model. Implementations are thread-safe for concurrent callers."""

    name: str            # shown to the user: "VietAI/envit5-translation · transformers (cpu)"
    max_input_tokens: int

    def count_tokens(self, text: str) -> int:
        """Number of model tokens ``text`` encodes to (special tokens included)."""

    def generate(self, texts: list[str], config: GenerationConfig) -> list[str]:
        """Generate one output per input, in order. Inputs must fit ``max_input_tokens``."""

    def stream(self, text: str, config: GenerationConfig) -> Iterator[str]:
        """Generate for one input, yielding the decoded text so far (each yield grows)."""


class ModelUnavailable(RuntimeError):
    """The configured model cannot be loaded: not downloaded and offline, missing folder, ...

    ``model`` is the configured id or path; ``reason`` a short machine-readable cause
    ("not_cached", "missing_folder", "load_failed", "download_failed"); ``detail`` the
    underlying error text for logs.
    """

    def __init__(self, task: str, model: str, reason: str, detail: str = ""):
        super().__init__(f"{task} model {model!r} unavailable ({reason}): {detail}")
        self.task, self.model, self.reason, self.detail = task, model, reason, detail
