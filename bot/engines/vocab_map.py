"""A CTranslate2 vocabulary map: each generation scores only the tokens its output can plausibly use.

mt0 (mT5) has a 250,112-token vocabulary for 101 languages; a Vietnamese or English answer uses a
tiny part of it, yet every decoding step multiplies the hidden state by all 250k output rows (two
thirds of a beam-4 decoding step of mt0-base). CTranslate2 can restrict the output layer to
candidates read from a ``vmap.txt`` beside the converted model: the tokens listed after an empty
key are always candidates, and each other line adds its targets when its key occurs in the input.

tinbot's map is: the ``common`` most frequent tokens, always, plus every input token (each token
maps to itself). That suits tasks whose output copies from the input (answers quote the
evidence); it is off (``output_vocabulary = 0``) for translation, whose output words are not in
its input. Frequency order comes from the vocabulary itself: SentencePiece sorts its pieces by
score, so low ids are the common pieces (special tokens and byte pieces come first as well).
"""
from __future__ import annotations

import json
import os
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

VMAP_FILE = "vmap.txt"          # the name CTranslate2 looks for in a converted model folder
_STAMP_FILE = "vmap.size"       # which ``common`` the present vmap.txt was written for
_BYTE_PIECE = re.compile(r"<0x[0-9A-Fa-f]{2}>")  # byte fallback: spells any character the pieces lack


def target_vocabulary(ct2_dir: Path) -> list[str]:
    """The converted model's target tokens, in id order (shared or separate vocabulary files)."""
    for name in ("shared_vocabulary", "target_vocabulary"):
        json_path, txt_path = ct2_dir / f"{name}.json", ct2_dir / f"{name}.txt"
        if json_path.is_file():
            return json.loads(json_path.read_text(encoding="utf-8"))
        if txt_path.is_file():
            return txt_path.read_text(encoding="utf-8").split("\n")[:-1]
    raise FileNotFoundError(f"no vocabulary file in {ct2_dir}")


def vocabulary_map_lines(vocabulary: list[str], common: int) -> list[str]:
    """vmap.txt lines: the always-allowed tokens after an empty key, then ``token<TAB>token`` for the rest."""
    usable = _usable(vocabulary)
    always = _always_allowed(usable, common)
    allowed = set(always)
    return ["\t" + " ".join(always)] + [f"{t}\t{t}" for t in usable if t not in allowed]


def _usable(vocabulary: list[str]) -> list[str]:
    return [t for t in vocabulary if t and not any(c in t for c in " \t\n")]  # the format splits on these


def _always_allowed(usable: list[str], common: int) -> list[str]:
    """The ``common`` first tokens, plus every byte piece after them."""
    return usable[:common] + [t for t in usable[common:] if _BYTE_PIECE.fullmatch(t)]


@dataclass(frozen=True)
class VocabularyMap:
    """The candidates CTranslate2 computes from a ``vmap.txt`` like tinbot's, computed again here.

    Needed for streaming: with a map, CTranslate2 4.8's per-step results (``generate_tokens``,
    the ``callback``) give the token's position in the sorted candidate list instead of its
    vocabulary id (the final results are right). ``CT2Engine`` checks this reading on load.
    """

    token_ids: dict[str, int]
    always: frozenset[int]

    def candidates(self, source_tokens: list[str], prefix: tuple[str, ...] = ()) -> list[int]:
        """Sorted vocabulary ids a generation from ``source_tokens`` may use."""
        found = {self.token_ids[t] for t in [*source_tokens, *prefix] if t in self.token_ids}
        return sorted(self.always | found)


def ensure_vocabulary_map(ct2_dir: Path, common: int) -> VocabularyMap | None:
    """Write ``vmap.txt`` for ``common`` into ``ct2_dir`` unless already there; None when the
    vocabulary is no larger than ``common`` (nothing to restrict: generate without a map)."""
    vocabulary = target_vocabulary(ct2_dir)
    if common <= 0 or common >= len(vocabulary):
        return None
    vmap = _reading(ct2_dir, vocabulary, common)
    stamp = ct2_dir / _STAMP_FILE
    if (ct2_dir / VMAP_FILE).is_file() and stamp.is_file() and stamp.read_text().strip() == str(common):
        return vmap
    # written beside and renamed into place: another process loading the same folder sees the
    # old map or the new one, never half a file
    scratch = ct2_dir / f".{VMAP_FILE}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
    scratch.write_text("\n".join(vocabulary_map_lines(vocabulary, common)) + "\n", encoding="utf-8")
    os.replace(scratch, ct2_dir / VMAP_FILE)
    stamp.write_text(str(common))
    return vmap


def _reading(ct2_dir: Path, vocabulary: list[str], common: int) -> VocabularyMap:
    token_ids = {t: i for i, t in enumerate(vocabulary)}
    always = _always_allowed(_usable(vocabulary), common)
    # CTranslate2 also always allows the model's unknown, start and end tokens
    config = json.loads((ct2_dir / "config.json").read_text(encoding="utf-8"))
    specials = [config.get(k) for k in ("unk_token", "bos_token", "eos_token")]
    return VocabularyMap(token_ids, frozenset(token_ids[t] for t in always + specials if t in token_ids))
