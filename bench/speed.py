"""Speed benchmark: tinbot's CTranslate2 path against a naive transformers baseline.

Models have the real architectures of tinbot's three default models (sizes, vocabularies, layer
shapes) with random weights: the cost of a token does not depend on the weight values, and the
real weights cannot be downloaded here. Output lengths are forced (min = max new tokens) so both
paths generate the same number of tokens. The tokenizer is a small BPE SentencePiece trained on
the bench article and padded with never-matched pieces to each model's real vocabulary size, so
inputs tokenize to a realistic count (~1.5 tokens per word) and every output id decodes.

    python bench/speed.py [--quick] [--repeat N] [--workdir DIR]

Not a test: timings depend on the machine and its load. See bench/README.md.
"""
from __future__ import annotations

import argparse
import dataclasses
import gc
import io
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.engines.base import GenerationConfig  # noqa: E402
from bot.settings import Settings  # noqa: E402

# A made-up news story written for this benchmark: 13 sentences, ~570 words, ~900 tokens.
ARTICLE = (
    "Sáng 18/9, Ủy ban nhân dân thành phố Cần Thơ tổ chức lễ khánh thành tuyến xe buýt điện đầu tiên nối trung tâm thành phố với sân bay quốc tế, sau gần hai năm chuẩn bị và thử nghiệm trên nhiều tuyến đường khác nhau.",
    "Tuyến xe dài 24 km, đi qua 31 điểm dừng, trong đó có bến Ninh Kiều, chợ Xuân Khánh, Bệnh viện Đa khoa trung ương và Trường Đại học Cần Thơ, phục vụ khoảng 12.000 lượt khách mỗi ngày theo dự kiến của đơn vị vận hành.",
    "Phát biểu tại buổi lễ, ông Nguyễn Hoàng Phúc, Giám đốc Sở Giao thông vận tải, cho biết thành phố đã đầu tư 36 xe điện mới, mỗi xe chở được 60 hành khách và có thể chạy 250 km sau một lần sạc đầy.",
    "Theo ông Phúc, giá vé được giữ ở mức 7.000 đồng mỗi lượt trong năm đầu tiên, học sinh, sinh viên và người cao tuổi được giảm một nửa, còn trẻ em dưới sáu tuổi được miễn phí hoàn toàn.",
    "Tổng vốn đầu tư cho dự án vào khoảng 380 tỷ đồng, trong đó ngân sách thành phố chi 150 tỷ đồng để xây nhà chờ và trạm sạc, phần còn lại do doanh nghiệp vận tải tư nhân đóng góp theo hình thức hợp tác công tư.",
    "Bà Lê Thị Thu Hà, một nhân viên văn phòng sống ở quận Bình Thủy, nói rằng trước đây chị mất gần một giờ để đi xe máy đến sân bay vào giờ cao điểm, nay chỉ cần ngồi xe buýt và có thể đọc sách trên đường đi.",
    "Nhiều hành khách lớn tuổi cũng bày tỏ sự hài lòng vì xe có sàn thấp, lối lên xuống rộng rãi và chỗ ngồi ưu tiên dành cho người khuyết tật, phụ nữ mang thai và người đi cùng trẻ nhỏ.",
    "Đại diện doanh nghiệp vận hành cho biết toàn bộ xe được lắp hệ thống định vị, camera giám sát và thiết bị thanh toán không dùng tiền mặt, hành khách có thể quét mã QR hoặc dùng thẻ ngân hàng để mua vé.",
    "Để bảo đảm an toàn, các tài xế đã trải qua khóa huấn luyện kéo dài ba tháng về kỹ năng lái xe điện, xử lý tình huống khẩn cấp và giao tiếp với hành khách nước ngoài bằng tiếng Anh cơ bản.",
    "Các chuyên gia giao thông nhận định tuyến xe buýt điện sẽ giúp giảm lượng khí thải và tiếng ồn ở khu vực trung tâm, đồng thời khuyến khích người dân chuyển dần từ xe máy cá nhân sang phương tiện công cộng.",
    "Tuy vậy, một số ý kiến cho rằng thành phố cần sớm mở rộng mạng lưới trạm sạc và bố trí thêm bãi gửi xe gần các điểm dừng lớn, nếu không người dân ở ngoại thành sẽ khó tiếp cận dịch vụ mới.",
    "Trong kế hoạch giai đoạn 2026 đến 2030, Cần Thơ dự kiến mở thêm năm tuyến xe buýt điện kết nối các huyện Phong Điền, Cờ Đỏ và Thới Lai với trung tâm, nâng tổng số xe lên khoảng 200 chiếc.",
    "Lãnh đạo thành phố kêu gọi người dân ủng hộ và góp ý để dịch vụ ngày càng hoàn thiện, đồng thời cam kết công khai số liệu vận hành hằng tháng trên cổng thông tin điện tử của thành phố.",
)
QUESTION = "Ai là Giám đốc Sở Giao thông vận tải và giá vé là bao nhiêu?"
ANSWER_PROMPT = "Dựa vào đoạn văn sau, trả lời câu hỏi ngắn gọn.\nĐoạn văn: {evidence}\nCâu hỏi: {question}\nTrả lời:"
BPE_VOCAB = 1000  # trained on ARTICLE; read by transformers' T5 tokenizer: ~1.7 tokens per word


@dataclass(frozen=True)
class Arch:
    """One of tinbot's default models, by shape (random weights)."""

    task: str
    name: str
    model_type: str          # "t5" or "mt5"
    d_ff: int
    ff_proj: str             # "relu" or "gated-gelu"
    tied: bool
    vocab: int


ARCHS = (
    Arch("summarize", "vit5-base", "t5", 3072, "relu", True, 36096),
    Arch("translate", "envit5-translation", "t5", 2048, "gated-gelu", False, 50048),
    Arch("answer", "mt0-base", "mt5", 2048, "gated-gelu", False, 250112),
)


# ---------------------------------------------------------------- building the random models

def build_tokenizer(folder: Path, vocab: int) -> None:
    """A BPE SentencePiece trained on the article, padded to ``vocab`` - 100 pieces (+100 extra ids)."""
    import sentencepiece as spm
    from sentencepiece import sentencepiece_model_pb2 as pb

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(ARTICLE + (QUESTION,)), model_writer=buf, vocab_size=BPE_VOCAB,
        model_type="bpe", byte_fallback=True, character_coverage=1.0, pad_id=0, eos_id=1, unk_id=2,
        bos_id=-1, normalization_rule_name="identity", minloglevel=2,
    )
    proto = pb.ModelProto()
    proto.ParseFromString(buf.getvalue())
    for i in range(vocab - 100 - len(proto.pieces)):
        # "zzq" never occurs in the input, so padding changes no tokenization; it only gives the
        # random model's output ids something to decode to, as a real vocabulary would
        proto.pieces.add(piece=f"▁zzq{i}", score=-1000.0, type=pb.ModelProto.SentencePiece.NORMAL)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "spiece.model").write_bytes(proto.SerializeToString())


def build_model(arch: Arch, folder: Path, layers: int) -> Path:
    """Save a random-weight model of ``arch`` with its tokenizer in ``folder`` (once)."""
    if (folder / "config.json").is_file():
        return folder
    import torch
    from transformers import MT5Config, T5Config, T5ForConditionalGeneration, T5Tokenizer

    build_tokenizer(folder, arch.vocab)
    tokenizer = T5Tokenizer.from_pretrained(str(folder))
    assert len(tokenizer) == arch.vocab, (len(tokenizer), arch.vocab)
    config_class = MT5Config if arch.model_type == "mt5" else T5Config
    config = config_class(
        vocab_size=arch.vocab, d_model=768, d_kv=64, d_ff=arch.d_ff, num_layers=layers,
        num_decoder_layers=layers, num_heads=12, feed_forward_proj=arch.ff_proj,
        tie_word_embeddings=arch.tied, decoder_start_token_id=0, pad_token_id=0, eos_token_id=1,
    )
    torch.manual_seed(0)
    model = T5ForConditionalGeneration(config)
    if not arch.tied:  # transformers 5 ties T5 at init whatever the config says: untie by hand
        model.lm_head.weight = torch.nn.Parameter(torch.randn_like(model.shared.weight))
    with torch.no_grad():
        # a random model likes <pad>, bytes and <extra_id_*>, which decode to no text: streaming
        # would show nothing until the end. Zero logits for them, so every step yields a word,
        # as a trained model does (random logits of the other rows are larger by far).
        silent = [i for i, t in enumerate(tokenizer.convert_ids_to_tokens(range(arch.vocab))) if t.startswith("<")]
        model.lm_head.weight[silent] = 0.0
    model.save_pretrained(str(folder))
    tokenizer.save_pretrained(str(folder))
    saved = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    saved.pop("scale_decoder_outputs", None)  # written as the hub's untied configs are
    (folder / "config.json").write_text(json.dumps({**saved, "tie_word_embeddings": arch.tied}), encoding="utf-8")
    return folder


def bench_settings(workdir: Path, paths: dict[str, Path], cores: int) -> Settings:
    settings = Settings.from_env({}, cache_dir=str(workdir / "cache"), threads=cores)
    for task, path in paths.items():
        settings = settings.with_model(task, model=str(path), engine="ctranslate2", compute_type="auto", device="cpu")
    return settings


# ---------------------------------------------------------------- the two paths

def load_naive(path: Path):
    from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

    return AutoModelForSeq2SeqLM.from_pretrained(str(path)).eval(), AutoTokenizer.from_pretrained(str(path))


def naive_generate(model, tokenizer, text: str, new_tokens: int, beams: int) -> int:
    """The baseline: fp32 transformers, one input, forced output length; returns tokens made."""
    import torch

    inputs = tokenizer(text, return_tensors="pt")
    with torch.inference_mode():
        out = model.generate(**inputs, num_beams=beams, max_new_tokens=new_tokens,
                             min_new_tokens=new_tokens, no_repeat_ngram_size=0, do_sample=False)
    return out.shape[1] - 1  # minus the decoder start token


def forced(new_tokens: int, beams: int) -> GenerationConfig:
    return GenerationConfig(max_new_tokens=new_tokens, min_new_tokens=new_tokens, num_beams=beams,
                            no_repeat_ngram_size=0)


def best_of(repeat: int, fn):
    """Fastest of ``repeat`` runs (the least disturbed by other load) and the last result."""
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


@dataclass(frozen=True)
class Row:
    case: str
    naive_s: float
    tinbot_s: float
    naive_tokens: int
    tinbot_tokens: int
    note: str = ""

    @property
    def speedup(self) -> float:
        return self.naive_s / self.tinbot_s


# ---------------------------------------------------------------- the cases

def case_translate(naive, engine, sentences: list[str], repeat: int, beams: int) -> Row:
    """Sentence by sentence (naive) vs one batched call (tinbot); output = 1.1 × input tokens."""
    model, tok = naive
    lengths = [round(1.1 * len(tok(s).input_ids)) for s in sentences]
    naive_s, made = best_of(repeat, lambda: sum(
        naive_generate(model, tok, s, n, beams) for s, n in zip(sentences, lengths)))
    # one config for the whole batch: every sentence is forced to the longest one's length, so
    # tinbot makes more tokens than the baseline (a handicap; real outputs stop at their EOS)
    tinbot_s, outs = best_of(repeat, lambda: engine.generate(sentences, forced(max(lengths), beams)))
    return Row("translate", naive_s, tinbot_s, made, max(lengths) * len(outs),
               "tinbot forces every sentence to the longest output")


def case_generate(name: str, naive, engine, text: str, new_tokens: int, repeat: int, beams: int) -> Row:
    model, tok = naive
    naive_s, made = best_of(repeat, lambda: naive_generate(model, tok, text, new_tokens, beams))
    tinbot_s, _ = best_of(repeat, lambda: engine.generate([text], forced(new_tokens, beams)))
    note = f"{engine.count_tokens(text)} tokens in"
    if engine.vmap is not None:  # output_vocabulary (models/defaults.toml): the output layer is cut
        scored = len(engine.vmap.candidates(engine._source(text)))
        note += f"; tinbot scores {scored} of {len(engine.vmap.token_ids)} output tokens"
    return Row(name, naive_s, tinbot_s, made, new_tokens, note)


def first_token_s(engine, text: str, new_tokens: int, repeat: int) -> float:
    def first():
        start = time.perf_counter()
        stream = engine.stream(text, forced(new_tokens, 1))
        next(stream)
        elapsed = time.perf_counter() - start
        stream.close()
        return elapsed
    return min(first() for _ in range(repeat))


def vocabulary_map_effect(path: Path, settings: Settings, mapped, evidence: str, args) -> str:
    """The answer case with and without ``output_vocabulary``, beam and streamed greedy, same run."""
    from bot.engines.ct2_engine import CT2Engine

    ms = dataclasses.replace(settings.model("answer"), output_vocabulary=0)
    whole = CT2Engine.load(path, ms, settings)
    whole.generate([ARTICLE[0]], forced(2, 1))
    lines = []
    for label, beams in ((f"beam {args.beams}", args.beams), ("greedy, streamed", 1)):
        run = (lambda e: e.generate([evidence], forced(32, beams))) if beams > 1 else (lambda e: list(e.stream(evidence, forced(32, 1))))
        without, _ = best_of(args.repeat, lambda: run(whole))
        with_map, _ = best_of(args.repeat, lambda: run(mapped))
        lines.append(f"answer {label}: whole vocabulary {without:.2f} s, vocabulary map {with_map:.2f} s ({without / with_map:.1f}×)")
    return "\n".join(lines)


def int8_instructions() -> str:
    """The CPU and the instruction sets int8 matrix products gain from (Linux; else the platform)."""
    import platform

    try:
        info = Path("/proc/cpuinfo").read_text()
    except OSError:
        return platform.processor() or platform.machine()
    model = next((line.split(":", 1)[1].strip() for line in info.splitlines() if line.startswith("model name")), "?")
    flags = set(next((line.split(":", 1)[1].split() for line in info.splitlines() if line.startswith("flags")), []))
    wanted = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8")
    have = [f for f in wanted if f in flags]
    return f"{model}; {', '.join(have) or 'none'} of {'/'.join(wanted)}"


def time_spent(rows: dict[str, "Row"], summary_tokens: int, translate_steps: int, sentences: int, beams: int) -> str:
    """Where tinbot's seconds go: the first token is the encoder's pass over the whole article
    plus one step (no streamed token can come sooner), then a cost per decoding step."""
    first_s = rows["first token"].tinbot_s
    step_ms = 1000 * (rows["summarize"].tinbot_s - first_s) / (summary_tokens - 1)
    translate_ms = 1000 * rows["translate"].tinbot_s / translate_steps
    return (f"where the time goes: summarize = encoder pass + 1 step {first_s:.2f} s (the first token) "
            f"+ {summary_tokens - 1} steps of {beams} rows at {step_ms:.0f} ms; translate = {translate_steps} "
            f"steps of up to {sentences * beams} rows at {translate_ms:.0f} ms")


def evidence_text(tok, target: int = 200) -> str:
    """The answer prompt with the run of article sentences whose token count is closest to ``target``."""
    prompts = [ANSWER_PROMPT.format(evidence=" ".join(ARTICLE[2:2 + n]), question=QUESTION) for n in range(1, 6)]
    return min(prompts, key=lambda p: abs(len(tok(p).input_ids) - target))


# ---------------------------------------------------------------- memory, in a fresh process

def rss_child(settings_json: str, naive: bool) -> None:
    """Load the three models as tinbot (or the baseline) would, run each once, print peak RSS."""
    spec = json.loads(settings_json)
    paths = {k: Path(v) for k, v in spec["paths"].items()}
    settings = bench_settings(Path(spec["workdir"]), paths, spec["cores"])
    if naive:
        loaded = [load_naive(p) for p in paths.values()]
        for model, tok in loaded:
            naive_generate(model, tok, ARTICLE[0], 4, 1)
    else:
        from bot.engines.ct2_engine import CT2Engine

        loaded = [CT2Engine.load(p, settings.model(t), settings) for t, p in paths.items()]
        for engine in loaded:
            engine.generate([ARTICLE[0]], forced(4, 1))
    # VmHWM, not getrusage's ru_maxrss: Linux carries ru_maxrss over exec, so a child started
    # by the big benchmark process would report the parent's peak
    hwm_kb = next(int(line.split()[1]) for line in Path("/proc/self/status").read_text().splitlines()
                  if line.startswith("VmHWM:"))
    print(json.dumps({"peak_rss_mb": hwm_kb / 1024}))


def peak_rss_mb(workdir: Path, paths: dict[str, Path], cores: int, naive: bool) -> float:
    payload = json.dumps({"workdir": str(workdir), "paths": {k: str(v) for k, v in paths.items()}, "cores": cores})
    args = [sys.executable, __file__, "--rss-child", payload] + (["--naive"] if naive else [])
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])["peak_rss_mb"]


def converted_mb(settings: Settings, task: str) -> float:
    from bot.engines.ct2_engine import converted_dir, resolve_compute_type

    ms = settings.model(task)
    path = converted_dir(Path(ms.model), ms, settings, resolve_compute_type(ms, "cpu"))
    return (path / "model.bin").stat().st_size / 2**20


# ---------------------------------------------------------------- main

def run(args) -> list[Row]:
    import torch

    from bot.engines.ct2_engine import CT2Engine, usable_cores

    cores = usable_cores()
    torch.set_num_threads(cores)
    layers = 2 if args.quick else 12
    workdir = Path(args.workdir) / ("quick" if args.quick else "full")
    start = time.perf_counter()
    paths = {a.task: build_model(a, workdir / a.name, layers) for a in ARCHS}
    settings = bench_settings(workdir, paths, cores)
    engines = {t: CT2Engine.load(p, settings.model(t), settings, progress=lambda message, _: print(message)) for t, p in paths.items()}
    print(f"models ready in {time.perf_counter() - start:.0f} s ({layers}+{layers} layers, {cores} cores)")
    if args.prepare:
        return []
    for engine in engines.values():  # first calls allocate buffers: keep them out of the timings
        engine.generate([ARTICLE[0]], forced(2, 1))

    sentences = list(ARTICLE[:4] if args.quick else ARTICLE)
    article = " ".join(sentences)
    summary_tokens = 32 if args.quick else 128
    rows = []

    naive = load_naive(paths["translate"])
    rows.append(case_translate(naive, engines["translate"], sentences, args.repeat, args.beams))
    del naive; gc.collect()

    naive = load_naive(paths["summarize"])
    rows.append(case_generate("summarize", naive, engines["summarize"], article, summary_tokens, args.repeat, args.beams))
    first = first_token_s(engines["summarize"], article, summary_tokens, args.repeat)
    # the naive path has no streaming: its first words arrive with the whole summary
    rows.append(Row("first token", rows[-1].naive_s, first, 1, 1, "tinbot streams greedily; naive waits for the summary"))
    del naive; gc.collect()

    naive = load_naive(paths["answer"])
    evidence = evidence_text(naive[1])
    rows.append(case_generate("answer", naive, engines["answer"], evidence, 32, args.repeat, args.beams))
    del naive; gc.collect()
    if engines["answer"].vmap is not None:
        print(vocabulary_map_effect(paths["answer"], settings, engines["answer"], evidence, args))

    by = {r.case: r for r in rows}
    translate_steps = by["translate"].tinbot_tokens // len(sentences)
    print(time_spent(by, summary_tokens, translate_steps, len(sentences), args.beams))
    print(f"cpu: {int8_instructions()}")
    rss = peak_rss_mb(workdir, paths, cores, naive=False)
    naive_rss = peak_rss_mb(workdir, paths, cores, naive=True) if args.naive_rss else float("nan")
    report(rows, rss, naive_rss, {t: converted_mb(settings, t) for t in paths}, args)
    return rows


def report(rows: list[Row], rss: float, naive_rss: float, sizes: dict[str, float], args) -> None:
    print(f"\nbeam {args.beams} in both paths; best of {args.repeat}; naive = transformers fp32, batch 1, "
          "one sentence at a time; tinbot = CTranslate2 int8, batched, token budget")
    print(f"{'case':<12}{'naive s':>9}{'tinbot s':>10}{'speedup':>9}{'naive tok/s':>13}{'tinbot tok/s':>14}  note")
    for r in rows:
        print(f"{r.case:<12}{r.naive_s:>9.2f}{r.tinbot_s:>10.2f}{r.speedup:>8.1f}×"
              f"{r.naive_tokens / r.naive_s:>13.1f}{r.tinbot_tokens / r.tinbot_s:>14.1f}  {r.note}")
    print(f"peak RSS, three models loaded: tinbot {rss:.0f} MB, naive {naive_rss:.0f} MB")
    print("converted int8 model.bin: " + ", ".join(f"{t} {mb:.0f} MB" for t, mb in sizes.items()))
    by = {r.case: r for r in rows}
    print(
        f"RESULT translate_s={by['translate'].tinbot_s:.2f} translate_speedup={by['translate'].speedup:.1f} "
        f"summarize_s={by['summarize'].tinbot_s:.2f} summarize_speedup={by['summarize'].speedup:.1f} "
        f"answer_s={by['answer'].tinbot_s:.2f} first_token_s={by['first token'].tinbot_s:.2f} "
        f"peak_rss_mb={rss:.0f}"
    )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="2+2 layers, 4 sentences, 32-token summary: a smoke run")
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is kept")
    parser.add_argument("--beams", type=int, default=4, help="beam size, the same in both paths")
    parser.add_argument("--prepare", action="store_true", help="only build and convert the models, then stop")
    parser.add_argument("--naive-rss", action="store_true", help="also measure the baseline's peak RSS (~4.5 GB)")
    parser.add_argument("--workdir", default=str(Path(os.environ.get("TMPDIR", "/tmp")) / "tinbot-bench"),
                        help="where the random models and their conversions are kept between runs")
    parser.add_argument("--rss-child", help=argparse.SUPPRESS)
    parser.add_argument("--naive", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.rss_child:
        rss_child(args.rss_child, args.naive)
    else:
        run(args)


if __name__ == "__main__":
    main()
