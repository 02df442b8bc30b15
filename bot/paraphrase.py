"""Other words a news story may use for what a question names: "chi phí" asked, "tổng mức đầu tư"
written; "bao nhiêu người chết" asked, "3 người thiệt mạng" written.

Lexical retrieval (``bot.retrieve``) cannot see such paraphrases. When a question finds nothing
it could rest on, it is asked again with one phrase swapped for each other member of its group
(``rewrites``). Only then: a question that already matches is never rewritten, so rankings that
work are left alone. The groups are common news vocabulary, written for tinbot from general
knowledge of the language, not from the evaluation questions.
"""
from __future__ import annotations

import re

from bot.textstats import normalize

GROUPS: tuple[tuple[str, ...], ...] = (
    # Vietnamese
    ("chết", "thiệt mạng", "tử vong", "tử nạn", "qua đời"),
    ("bị thương", "bị thương tích", "thương vong"),
    ("chi phí", "kinh phí", "tổng mức đầu tư", "vốn đầu tư", "tổng vốn", "ngân sách", "tốn"),
    ("giá", "giá bán", "giá trị"),
    ("xây", "xây dựng", "thi công"),
    ("khởi công", "động thổ", "bắt đầu xây dựng"),
    ("hoàn thành", "khánh thành", "đưa vào sử dụng", "hoàn tất", "xong"),
    ("dài", "chiều dài"),
    ("rộng", "chiều rộng"),
    ("cao", "chiều cao"),
    ("bắt", "bắt giữ", "tạm giữ", "khởi tố"),
    ("người dân", "dân cư", "cư dân", "bà con"),
    ("tăng", "gia tăng", "tăng lên"),
    ("giảm", "sụt giảm", "giảm xuống"),
    ("yêu cầu", "đề nghị", "kiến nghị", "chỉ đạo"),
    ("phản đối", "không đồng ý", "bác bỏ"),
    ("ủng hộ", "tán thành", "đồng tình"),
    ("thông qua", "phê duyệt", "chấp thuận"),
    ("ảnh hưởng", "tác động"),
    ("cảnh báo", "khuyến cáo", "khuyên", "khuyến nghị"),
    ("học sinh", "học trò"),
    ("ô tô", "xe hơi"),
    ("máy bay", "phi cơ"),
    ("bệnh viện", "cơ sở y tế"),
    ("ghi bàn", "lập công", "mở tỷ số", "nâng tỷ số", "gỡ hòa", "lập cú đúp", "nhân đôi cách biệt", "rút ngắn tỷ số"),
    ("thắng", "đánh bại", "giành chiến thắng"),
    ("năm ngoái", "năm trước", "cùng kỳ", "cùng kỳ năm trước"),
    ("vào bờ", "đổ bộ", "vào đất liền"),
    ("lãi", "có lãi", "lợi nhuận"),
    ("lỗ", "thua lỗ", "lỗ ròng"),
    ("uống", "dùng", "sử dụng"),
    # English
    ("killed", "dead", "died", "deaths"),
    ("injured", "wounded", "hurt"),
    ("cost", "costs", "budget", "investment", "price"),
    ("built", "construction", "constructed"),
    ("start", "starts", "begin", "begins", "launch"),
    ("finish", "finished", "complete", "completed"),
    ("arrested", "detained"),
    ("scored", "goal", "goals", "equaliser", "equalizer"),
    ("won", "beat", "defeated"),
    ("last year", "previous year", "a year earlier"),
    ("residents", "people", "locals"),
)
MAX_REWRITES = 12
_PATTERNS = {member: re.compile(rf"(?<!\w){re.escape(member)}(?!\w)") for group in GROUPS for member in group}


def rewrites(question: str) -> list[str]:
    """``question`` (lowercased) with one phrase replaced by each other member of its group that
    shares no syllable with it; of the members a question holds, the longest is replaced
    ("xây dựng", not the "xây" in it)."""
    text = normalize(question)
    found = []
    for group in GROUPS:
        present = [m for m in group if _PATTERNS[m].search(text)]
        if not present:
            continue
        member = max(present, key=len)
        # Only words that share no syllable: "xây" → "xây dựng" would just add a pair to match.
        found += [_PATTERNS[member].sub(other, text) for other in group
                  if not set(other.split()) & set(member.split())]
    return list(dict.fromkeys(found))[:MAX_REWRITES]
