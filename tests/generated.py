"""Articles and awkward inputs made in code, for the bad-input corpus and the load run.

Every text here is written for these tests; none of it is copied from a real article. Each
``news_article(i)`` is a distinct made-up provincial story whose leader's name and cargo figure
occur in that article only, so a reply can be checked for cross-talk between sessions.
"""
from __future__ import annotations

from dataclasses import dataclass

import bot.legacy as _legacy

_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")
_MIDDLE = ("Văn", "Thị", "Minh", "Quốc", "Thanh", "Hữu", "Ngọc", "Đức")
_GIVEN = ("Khôi", "Lâm", "Nhân", "Phúc", "Quyên", "Sơn", "Tâm", "Uyên", "Vinh", "Xuân", "Yến", "Bảo",
          "Cường", "Diệp", "Giang", "Hiền")
_PROVINCES = ("Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Nghệ An",
              "Hà Tĩnh", "Thanh Hóa", "Nam Định", "Thái Bình", "Lào Cai", "Yên Bái", "Sơn La", "Cà Mau")


@dataclass(frozen=True)
class Story:
    """One generated article and the facts that only it contains."""

    text: str
    leader: str       # "ông/bà <leader> làm trưởng đoàn"
    tonnage: str      # "<tonnage> tấn hàng"
    province: str


def leader_name(i: int) -> str:
    """A full name unique for each ``i`` below 1,280 (10 × 8 × 16)."""
    return f"{_SURNAMES[i % 10]} {_MIDDLE[(i // 10) % 8]} {_GIVEN[(i // 80) % 16]}"


def news_article(i: int) -> Story:
    """A Vietnamese article of three paragraphs (about 110 words), distinct for each ``i``."""
    leader, province = leader_name(i), _PROVINCES[i % len(_PROVINCES)]
    tonnage = f"{1000 + 37 * i}.{i % 10}00"
    text = "\n\n".join((
        f"Đoàn công tác tỉnh {province} khảo sát cảng biển số {i}",
        f"Sáng thứ Hai, đoàn công tác của tỉnh {province} do ông {leader} làm trưởng đoàn đã đến khảo sát "
        f"cảng biển số {i}. Đoàn gồm đại diện các sở giao thông, công thương và tài nguyên môi trường.",
        f"Tại buổi làm việc, ban giám đốc cảng cho biết trong quý vừa qua cảng đã bốc xếp {tonnage} tấn hàng, "
        f"tăng đáng kể so với cùng kỳ năm trước. Lãnh đạo cảng đề nghị tỉnh hỗ trợ nạo vét luồng tàu.",
        f"Ông {leader} yêu cầu các sở liên quan sớm hoàn thiện hồ sơ dự án mở rộng bến. "
        "Theo kế hoạch, dự án sẽ được khởi công trong năm tới và tạo thêm nhiều việc làm cho người dân.",
    ))
    return Story(text=text, leader=leader, tonnage=tonnage, province=province)


ENGLISH_ARTICLE = "\n\n".join((
    "River ferry service resumes after the flood season",
    "The provincial transport department said on Monday that the ferry across the Tra Khuc river "
    "has resumed its regular timetable after three weeks of closures caused by high water.",
    "Officials said the ferry now makes fourteen crossings a day and carries about 2,600 passengers "
    "daily. The department plans to build a new landing stage before the next rainy season.",
    "Local traders welcomed the news, saying the closures had doubled the cost of moving goods "
    "to the markets on the other bank.",
))

# Text in languages tinbot does not support well, written for these tests.
FRENCH_ARTICLE = "\n\n".join((
    "Le festival de musique de la ville attire des milliers de visiteurs chaque été. Cette année, "
    "les organisateurs ont ajouté une scène au bord du fleuve et prolongé les concerts jusqu'à minuit.",
    "Selon la mairie, plus de quarante groupes se produiront pendant la semaine. Les habitants du "
    "quartier demandent cependant que le bruit soit limité après vingt-deux heures.",
))
CHINESE_ARTICLE = "\n\n".join((
    "市政府今天宣布，新的公共图书馆将于明年春天开放。图书馆共有五层，可以容纳八百名读者。",
    "负责人表示，图书馆将提供儿童阅读区和免费的电脑课程。附近的居民对这个消息非常高兴。",
    "据报道，这个项目的总投资约为三亿元，其中一半来自地方财政。工程已经进行了两年。",
))
RUSSIAN_ARTICLE = "\n\n".join((
    "Городской совет утвердил план ремонта старого моста через реку. Работы начнутся весной и "
    "продлятся около восьми месяцев.",
    "На время ремонта движение автобусов будет перенесено на соседнюю улицу. Жители района просят "
    "заранее сообщить новое расписание, чтобы не опаздывать на работу.",
))


def one_sentence_without_punctuation(words: int = 5000) -> str:
    """``words`` Vietnamese words in one run: no full stop, comma or line break anywhere."""
    vocabulary = ("người", "dân", "địa", "phương", "cho", "biết", "cảng", "biển", "hàng", "hóa", "năm", "nay")
    return " ".join(vocabulary[i % len(vocabulary)] for i in range(words))


def one_line_paragraphs(count: int = 10_000) -> str:
    """``count`` paragraphs of one short sentence each, one per line."""
    return "\n".join(f"Tin {i} ngắn." for i in range(count))


# ---------------------------------------------------------------- legacy encodings
# Encoders built from bot.legacy's own tables (tests/test_legacy.py checks those tables against
# hand-written words), for whole articles typed in TCVN3 or VNI.

def to_tcvn3(text: str) -> str:
    encode = {letter: code for code, letter in zip(_legacy._TCVN3_CODES, _legacy._TCVN3_LETTERS)}
    return "".join(encode.get(ch, encode.get(ch.lower(), ch)) for ch in text)


def to_vni(text: str) -> str:
    encode: dict[str, str] = {}
    for code, letter in _legacy._VNI.items():
        encode.setdefault(letter, code)
    return "".join(encode.get(ch, ch) for ch in text)
