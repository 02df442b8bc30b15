"""The keyword tables of ``bot.route``: data only, matched on a lowercased copy of a message
without diacritics. ``{doan}``-style macros mark folded words that stand for several Vietnamese
words; ``<NUM>``, ``<PRE>``, ``<LANG>`` are expanded by ``bot.route._compile``.
"""
from __future__ import annotations

import re

from bot.intent import IntentKind, Length

K = IntentKind
# Control, zero-width and bidi-override characters: invisible, and they would split keywords ("tóm\x00 tắt").
_UNSEEN = re.compile("[\x00-\x08\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")

# Folded word → the spellings it may have when typed with diacritics ("đoàn" is no paragraph).
_SENSES = {
    "dich": ("dịch",), "doan": ("đoạn",), "ban": ("bản",), "gi": ("gì",), "nao": ("nào",), "may": ("mấy",),
    "nam": ("năm",), "tam": ("tám",), "bay": ("bảy", "bẩy"), "sau": ("sáu",), "tu": ("tư",), "toi": ("tới",),
    "ha": ("hả",), "ho": ("hở",), "nua": ("nữa",), "thoi": ("thôi",), "du": ("đủ",), "tai": ("tải",),
    "ai": ("ai",), "sao": ("sao",), "dau": ("đâu",), "khoi": ("khỏi",),
}
# Typed without diacritics these are nearly always other words ("đoạn sau" = the next paragraph).
_STRICT = frozenset({"sau", "tu"})

_NUMBERS = {
    "mot": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8,
    "chin": 9, "muoi": 10, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "nhat": 1, "dau": 1, "dau tien": 1, "mo dau": 1,
}
_MACROS = {
    # Polite lead-in before a verb: "bạn ơi, dịch giúp mình", "please translate". One word each,
    # so the repetition cannot backtrack.
    "<PRE>": r"^(?:(?:ban|bot|oi|hay|giup|gium|lam|on|vui|long|nho|minh|toi|tui|em|anh|chi|muon|"
             r"can|co|the|cho|xin|thu|please|pls|could|would|you|now|ok|okay|gio|bay|tiep|con|cam|thanks?|day|"
             r"va|roi|vay|chao|hi|hello|hey|"
             # praise before a follow-up: "hay quá, còn gì nữa?", "great, tell me more"
             r"qua|tuyet|voi|great|nice|cool|awesome|perfect|good|job|wow)\W+)*",
    "<NUM>": "|".join(f"{{{w}}}" if w in _SENSES else w for w in _NUMBERS),
    "<LANG>": r"(?:tieng\s+(?:anh|viet)|english|vietnamese)",
    "<SUBJ>": r"(?:bai(?:\s+(?:bao|viet))?|ban\s+tin|tin(?:\s+tuc)?|van\s+ban|doan\s+van|no)"
              r"(?:\s+(?:nay|do|tren|truoc|cu))?",
}
# Words after "dịch" that make it the epidemic (dịch bệnh, dịch cúm), a service or a translator.
_NOT_VERB = r"benh|vu|te|cum|ta|hach|soi|sot|chuyen|covid|sars|gia|hai|lo|tay|bach|heo|lon|ga|bung"
# Words before "dịch" that make it a noun (đại dịch, phòng dịch, giao dịch, người dịch).
_NOT_AFTER = "".join(rf"(?<!\b{w} )" for w in (
    "dai", "giao", "phong", "chong", "mien", "dap", "vung", "o", "tam", "benh", "mua", "tran", "con", "nguoi"))

# Refinements of the last summary; each also makes the message a summary request.
_REFINES = (
    ("shorter", "vi", r"\b(?:ngan|gon)\s+(?:hon|lai|nua|them)\b|\brut\s+gon\s+(?:hon|nua|them)\b|\bdai\s+qua\b|\b(?:qua|hoi)\s+dai\b"),
    ("shorter", "en", r"\bshort(?:er|en)\b|\bmore\s+(?:concise|brief)\b|\btoo\s+long\b"),
    ("longer", "vi", r"\b(?:dai|chi\s+tiet|day\s+du|k[iy])\s+(?:hon|them)\b|\bngan\s+qua\b|\b(?:qua|hoi)\s+ngan\b"),
    ("longer", "en", r"\blonger\b|\bmore\s+detail(?:s|ed)?\b|\btoo\s+short\b|\bexpand\b|\belaborate\b"),
    # By points: "thêm 1 ý nữa", "bớt 2 câu", "two more points", "fewer bullets" (the number is the step).
    # "điểm" only counted ("bớt 2 điểm"): "VN-Index giảm điểm", "tăng thêm điểm" are a market's points.
    ("longer", "vi", r"\bthem\s+(?:(?:(?:\d{1,2}|<NUM>)\s+)?(?:y|cau|gach)|(?:\d{1,2}|<NUM>)\s+diem)\b"),
    ("shorter", "vi", r"\b(?:bot|giam)\s+(?:(?:(?:\d{1,2}|<NUM>)\s+)?(?:y|cau|gach)|(?:\d{1,2}|<NUM>)\s+diem)\b"),
    ("longer", "en", r"\b(?:(?:\d{1,2}|<NUM>|a\s+few)\s+)?more\s+(?:points?|sentences?|bullets?|ideas?)\b"),
    ("shorter", "en", r"\bfewer\s+(?:points|sentences|bullets|ideas)\b"),
    # A bare "tell me more": after an answer, more on the question; after a summary, a longer one.
    # "tiếp", "tiếp đi", "nói tiếp", "còn nữa không?", "còn gì nữa không?", a bare "nữa" or "thêm nữa"
    ("more", "vi", r"^<PRE>(?:noi\s+(?:ro|ky|them)(?:\s+hon)?|giai\s+thich\s+(?:them|ro(?:\s+hon)?)"
                     r"|(?:(?:noi|ke|xem|doc|viet)\s+)?tiep(?:\s+(?:di|tuc|nao|nua))?"
                     r"|con\s+(?:(?:gi|j|(?:y|diem|chi\s+tiet|thong\s+tin)\s+(?:gi|j|nao))\s+)?(?:{nua}|khac)|them\s+{nua}|{nua})"
                     r"(?:\W+(?:di|nhe|nha|voi|nua|khong|ko|k|a|nao))*\W*$"),
    ("more", "en", r"^<PRE>(?:tell\s+me\s+more|more|go\s+on|continue|what\s+else|anything\s+else)(?:\W+(?:please|pls))*\W*$"),
)
# The registry: (kind, language of the keywords or None to guess, preset length, patterns).
_RULES_TABLE: tuple[tuple[IntentKind, str | None, Length | None, tuple[str, ...]], ...] = (
    (K.SUMMARIZE, "vi", Length.SHORT, (
        r"\b<SUBJ>\s+(?:noi|viet|de\s+cap|ban)\s+(?:ve\s+)?(?:cai\s+|chuyen\s+|dieu\s+|van\s+de\s+)?{gi}\b",
        r"^\W*(?:co\s+)?chuyen\s+{gi}\s+(?:da\s+|vua\s+)?xay\s+ra(?:\s+vay|\s+the)?\W*$",   # the whole message only
    )),
    (K.SUMMARIZE, "en", Length.SHORT, (
        r"\bwhat(?:'s|s|\s+is)\s+(?:this|the|it)(?:\s+(?:article|story|text|piece|news|post|report))?\s+(?:all\s+)?about\b",
        r"^\W*what\s+(?:has\s+|had\s+)?happened\W*$",   # "what happened to the bridge?" is a question
    )),
    (K.SUMMARIZE, "vi", None, (
        r"\btom\s*(?:ta[tc]|luoc|lai|gon)\b", r"\b(?:noi\s+dung|y|diem)\s+chinh\b",
        r"\bnoi\s+dung\s+(?:cua\s+)?<SUBJ>\s+(?:la\s+)?{gi}\b",
        r"\b(?:so\s+luoc|khai\s+quat|tong\s+quan|rut\s+gon|van\s+tat)\b",
        r"^<PRE>giai\s+thich\s+(?:<SUBJ>|(?:giup|gium|cho)\s+(?:minh|toi|em))(?:\s+(?:de\s+hieu|don\s+gian|ngan\s+gon))*(?:\W+(?:voi|nhe|nha|di))*\W*$",
    )),
    *((K.SUMMARIZE, language, None, (pattern,)) for _, language, pattern in _REFINES),
    (K.SUMMARIZE, "en", None, (
        r"\bsumm?[ae]ri[sz]e\b", r"\bsumm?[ae]ry\b", r"\bsum\s+(?:it\s+|this\s+)?up\b",
        r"\btl\s*;?\s*dr\b", r"\b(?:key|main)\s+(?:points?|ideas?|takeaways?)\b",
        r"\b(?:gist|recap|overview)\b",
        # "explain it simply", "explain like I'm new to Vietnam": the gist (extraction cannot simplify)
        r"^<PRE>explain(?:\s+(?:it|this|the\s+(?:article|story|news)))?(?:\s+(?:simply|briefly|to\s+me|in\s+simple\s+(?:terms|words)"
        r"|like\s+i\W?m\s+\w+(?:\s+\w+){0,4}))*\W*$",
    )),
    (K.TRANSLATE, "vi", None, (
        rf"<PRE>{{dich}}\b(?!\s+(?:{_NOT_VERB})\b)",
        r"\b{dich}\s+(?:sang|qua|ra|thanh)\s+(?:tieng\s+)?(?:anh|viet)\b",
        rf"{_NOT_AFTER}\b{{dich}}\s+(?:bai|{{doan}}|cau|phan|van\s+ban|noi\s+dung|toan\s+bo|giup|gium|ho|lai|cai\s+nay)\b",
        r"\b{ban}\s+(?:dich\s+)?tieng\s+(?:anh|viet)\b",
    )),
    (K.TRANSLATE, "en", None, (
        r"\b(?:translate|translation|transalte|traslate|translte|tranlate)\b",
        r"\b(?:english|vietnamese)\s+version\b",
    )),
    (K.TRANSLATE, None, None, (  # the whole message names a language: "in English please", "tiếng Anh đi"
        r"^<PRE>(?:(?:in|to|into|bang|sang|qua)\s+)?<LANG>(?:\W+(?:please|pls|plz|version|di|nhe|nha|duoc\s+khong))*\W*$",
    )),
    (K.HELP, "vi", None, (
        r"^\W*/?(?:giup|gium|tro\s+giup|huong\s+dan)(?:\W+(?:do|minh|toi|em|voi|nhe|nha|di|su\s+dung|cach\s+dung))*\W*$",
        r"\b(?:ban|bot|em)\s+(?:co\s+the\s+)?lam\s+(?:duoc\s+)?(?:nhung\s+)?(?:cai\s+)?{gi}\b",
        r"^<PRE>(?:cach\s+(?:su\s+)?dung|su\s+dung\s+(?:nhu\s+)?the\s+nao)(?:\W+(?:bot|ban|nay|the\s+nao|sao))*\W*$",
        r"^\W*ban\s+la\s+ai\W*$",
    )),
    (K.HELP, "en", None, (
        r"^\W*/?(?:help|commands?|menu)(?:\W+(?:me|please|pls))*\W*$", r"\bwhat\s+can\s+you\s+do\b",
        r"\bhow\s+(?:do\s+i|to|can\s+i)\s+use\b", r"^\W*who\s+are\s+you\W*$",
    )),
    # The conversation itself: forget the article, go back to the one before, set the two side by side.
    (K.RESET, "vi", None, (
        r"^<PRE>(?:xoa(?:\s+(?:bai|het|hoi\s+thoai|lich\s+su|tat\s+ca|cuoc\s+tro\s+chuyen|chat))*|bat\s+dau\s+lai(?:\s+tu\s+dau)?"
        r"|lam\s+lai\s+tu\s+dau|quen\s+(?:bai|het)(?:\s+(?:nay|do))?)(?:\W+(?:nay|di|nhe|nha|het|giup|gium|minh|voi))*\W*$",
    )),
    (K.RESET, "en", None, (
        r"^<PRE>(?:reset|clear(?:\s+(?:the\s+)?(?:chat|article|history|conversation|all|everything))?|start\s+over"
        r"|new\s+chat|forget\s+(?:it|this|the\s+article))(?:\W+please)?\W*$",
    )),
    (K.PREVIOUS, "vi", None, (
        r"^<PRE>(?:(?:quay|tro)\s+(?:lai|ve)|mo\s+lai|doc\s+lai|dung\s+lai|ve)\s+(?:voi\s+)?bai\s+(?:truoc|cu|luc\s+nay|ban\s+nay|kia)"
        r"(?:\W+(?:di|nhe|nha|duoc\s+khong|voi))*\W*$",
        r"^\W*bai\s+(?:truoc|cu)(?:\W+(?:di|nhe|nha))*\W*$",
    )),
    (K.PREVIOUS, "en", None, (
        r"^<PRE>(?:go\s+|switch\s+)?back\s+to\s+the\s+(?:previous|last|other|first|earlier)\s+(?:article|story|one)\W*$",
        r"^\W*(?:the\s+)?previous\s+(?:article|story)(?:\W+please)?\W*$",
    )),
    (K.COMPARE, "vi", None, (
        # the articles themselves, not "giá xăng so sánh với tháng trước" (a question about the news)
        r"\bso\s+sanh\s+(?:(?:hai|2|cac)\s+bai|(?:voi\s+)?bai\s+(?:truoc|cu|kia|nay))\b", r"^<PRE>so\s+sanh(?:\W+(?:di|giup|gium|nhe|nha))*\W*$",
        r"\b(?:hai|2)\s+bai\b[^?]*\b(?:khac|giong)\b", r"\bbai\s+nay\s+khac\s+bai\s+(?:truoc|kia)\b",
    )),
    (K.COMPARE, "en", None, (
        r"\bcompare\s+(?:the\s+)?(?:two|both)\b|\bcompare\s+(?:it\s+|this\s+)?(?:with|to)\s+the\s+(?:previous|other|last|first)\b",
        r"^<PRE>compare(?:\W+(?:them|please))*\W*$", r"\b(?:two|both)\s+(?:articles|stories)\b",
    )),
    # The reader did not follow the last reply: "hả?", "ý bạn là sao?", "mình không hiểu", "nói lại đi".
    (K.UNCLEAR, "vi", None, (
        r"^<PRE>(?:{ha}|{ho}|gi\s+co|cai\s+gi\s+co|la\s+sao|y\s+(?:ban\s+|bot\s+|cau\s+)?la\s+(?:sao|gi)|nghia\s+la\s+(?:sao|gi)"
        r"|(?:khong|chua|ko)\s+hieu(?:\s+(?:gi|lam|y|lam|cau\s+tra\s+loi))*|kho\s+hieu|noi\s+lai|nhac\s+lai|lap\s+lai"
        r"|giai\s+thich\s+lai)(?:\W+(?:di|nhe|nha|voi|duoc\s+khong|giup|gium|minh|ban|a|the|qua|ca|het|cho\s+minh|cho\s+toi))*\W*$",
    )),
    (K.UNCLEAR, "en", None, (
        r"^<PRE>(?:huh|what|what\s+do\s+you\s+mean|meaning|i\s+don'?t\s+(?:understand|get\s+it)|(?:say|repeat)\s+(?:that|it)\s+again"
        r"|come\s+again|pardon)(?:\W+(?:please|pls))*\W*$",
    )),
    # The reader is done for now: "thôi", "thôi được rồi", "đủ rồi", "không cần nữa", "that's all".
    (K.ENOUGH, "vi", None, (
        r"^\W*(?:(?:ok|oke|okay|vang|da|u|the|vay)\W+)*(?:{thoi}|{du}\s+roi|khong\s+can(?:\s+(?:nua|them|dau))?|{khoi}(?:\s+can)?)"
        r"(?:\W+(?:{thoi}|duoc\s+roi|{du}\s+roi|khong\s+can(?:\s+(?:nua|them|dau))?|{khoi}|nhe|nha|a|ban|bot|roi|nua|vay|the"
        r"|cam\s+on(?:\s+ban)?))*\W*$",
    )),
    (K.ENOUGH, "en", None, (
        r"^\W*(?:(?:ok|okay|well|no)\W+)*(?:that(?:'?s|\s+is)\s+(?:all|enough|it)|enough|never\s*mind|nothing\s+(?:else|more)"
        r"|no\s+more|i'?m\s+(?:done|good))(?:\W+(?:for\s+now|thanks?|thank\s+you|please))*\W*$",
    )),
    # The page's download buttons: "tải bản tóm tắt", "lưu bản dịch về máy", "download the summary".
    (K.DOWNLOAD, "vi", None, (
        r"\b(?:{tai}|luu)\s+(?:(?:lai|ve|xuong)\s+)?(?:(?:ban|file|tep)\s+)?(?:tom\s+tat|dich(?!\s+(?:benh|cum|covid|te))|word|docx|pdf|txt|markdown|md)\b",
        r"\bxuat\s+(?:ra\s+)?(?:file|tep|word|docx|pdf|txt)\b",
        r"\b(?:{tai}|luu|xuat)\s+(?:ve|xuong|file|tep|ra\s+file)(?:\s+(?:may|file|tep))?(?:\W+(?:duoc\s+khong|di|nhe|nha|voi|the\s+nao|sao|o\s+dau))*\W*$",
        r"^\W*(?:lam\s+sao\s+(?:de\s+)?|cach\s+)?(?:{tai}|luu)(?:\W+(?:duoc\s+khong|di|nhe|nha|voi|the\s+nao|sao|o\s+dau))*\W*$",
    )),
    (K.DOWNLOAD, "en", None, (
        r"\b(?:download|export)\s+(?:the\s+|this\s+|that\s+|my\s+|your\s+)?(?:summary|translation|file|it\b|this\b|that\b)",
        r"\bsave\s+(?:the\s+|this\s+|that\s+|my\s+|your\s+)?(?:summary|translation)\b|\bsave\s+(?:it\s+|this\s+)?as\s+(?:a\s+)?(?:file|docx|pdf|txt|word)\b",
        r"\b(?:download|export)\b(?:\W+(?:it|please|pls))*\W*$",
        r"\b(?:download|export|save)\s+(?:it\s+|this\s+)?(?:to|as|in)\s+(?:a\s+)?(?:docx|word|txt|markdown|md|pdf|file)\b",
    )),
    (K.GREETING, "vi", None, (
        r"^\W*(?:xin\s+chao|chao|alo)(?:\W+(?:ban|bot|tinbot|em|anh|chi|nhe|nha|a|oi|"
        r"buoi\s+sang|moi\s+nguoi|ca\s+nha))*\W*$",
    )),
    (K.GREETING, "en", None, (
        r"^\W*(?:hi|hello|hey|helo|hallo|good\s+(?:morning|afternoon|evening))(?:\W+(?:there|bot|tinbot|everyone|all))*\W*$",
    )),
)
_TASK_KINDS = (K.SUMMARIZE, K.TRANSLATE)

# Acknowledgements ("cảm ơn", "ok", "hay quá", "thanks, bye"): a short message made only of these
# words (unaccented), with at least one word of the first kind, is no request. Its language is the
# side with more such words; "ok", "haha" (the last set) read alike in both.
_ACK_WORDS = {
    "vi": frozenset("cam on tam biet hay tuyet tot duoc vang da u xuat".split()),
    "en": frozenset("thanks thank great cool nice awesome perfect good goodbye".split()),
    # Read alike in both (Vietnamese chat borrows them): the conversation's language answers.
    "": frozenset("ok oke okay oki okie uh uhm haha hihi hehe bye thx tks ty wow".split()),
}
_ACK_FILLERS = frozenset(
    "xin khong nhe nha nhieu lam a ban bot tinbot em anh chi minh toi qua day voi roi chao "
    "you so much lot job got it see later again no very all bai viet rat that sac".split())
# How those words are written with marks; a word typed with other marks is another word.
_ACK_MARKED = ("cảm cám ơn tạm biệt tuyệt tốt được vâng dạ ừ không nhé nhá nhiều lắm ạ à bạn chị mình tôi quá "
               "đấy đây với vời rồi chào bài viết rất thật ơi xuất sắc").split()
_MAX_ACK_WORDS = 8
_GOODBYE = r"\b(?:tam\s+biet|bye|goodbye|see\s+you)\b"  # an acknowledgement holding one of these says goodbye
# Thanks for what was done ("cảm ơn bạn đã tóm tắt", "thanks for the summary", "cảm ơn, bản dịch
# hay lắm") names a task but asks for none: it is thanks, unless it goes on to ask for something
# ("cảm ơn, giờ dịch sang tiếng Anh", "thanks, now shorter please").
# Chat shorthand for question words, written out before a message is read: "giá bn?" is "giá bao
# nhiêu?", "ntn" "như thế nào", "j" "gì", and a common slip, "bao nhiu".
_SHORTHAND = {"bn": "bao nhiêu", "bnhiu": "bao nhiêu", "bao nhiu": "bao nhiêu",
              "ntn": "như thế nào", "j": "gì", "ko": "không", "k": "không", "kh": "không", "hok": "không",
              "dc": "được", "đc": "được", "sao z": "sao vậy"}
_CLAUSE = r"[^,.;!:]+"   # "cảm ơn vì bản dịch, tóm tắt giúp mình": thanks, then a request
_THANKS_LEAD = r"^(?:(?:ok(?:ay|e)?|vang|da|u|xin)\W+)*(?:cam\s+on|thanks?|thank\s+you|thx|tks)\b"
_THANKS_FOR_DONE = (
    r"\b(?:da|vi|ve|for)\s+(?:(?:ban|cai|your|the|this|that|bot)\s+)?(?:da\s+)?"
    r"(?:tom\s+tat|dich|tra\s+loi|giai\s+thich|summar\w*|translat\w*|answer\w*|explain\w*)"
    r"|\b(?:ban|cau|loi|the|your|this|that)\s+(?:tom\s+tat|dich|tra\s+loi|summary|translation|answer)\b")
_STILL_ASKS = (r"\?|\b(?:gio|bay\s+gio|tiep|nua|lai|them|hon|please|pls|now|next|then|can\s+you|could\s+you|"
               r"hay\s+(?:tom|dich|tra|cho|giup)|giup\s+(?:minh|toi|em)\s+(?:tom|dich|tra)|sang|into|"
               # a complaint asks for a better one: "cảm ơn, bản dịch sai rồi", "... but it is wrong"
               r"nhung|but|sai|wrong|chua|not|too|kho\s+hieu|dai|ngan|thieu|long|short)\b")
# Words of praise: a clause naming the summary is thanks only with one of these ("bản tóm tắt hay lắm").
_PRAISE = r"\b(?:hay|tot|tuyet|chuan|huu\s+ich|bo\s+ich|ok|great|good|nice|perfect|helpful|useful|thanks?|cam\s+on|tks|thx)\b"

# Options: each table is matched by one small function below.
_SENTENCES = (r"\b(?P<n>\d{1,3}|<NUM>)\s+(?:more\s+)?(?:(?:key|main|chinh)\s+)?(?:y|cau|dong|gach|diem|bullet\s*points?|bullets?"
              r"|sentences?|points?|lines?|ideas?|takeaways?|highlights?)\b")
_BULLETS = (r"\bgach\s*(?:dau\s*)?dong\b|\bgach\s+y\b|\by\s+chinh\b|\bbullets?\b|\b(?:key|main)\s+points\b"
            r"|\b(?:\d{1,3}|<NUM>)\s+(?:more\s+)?(?:(?:key|main|chinh)\s+)?(?:y|diem|points?|ideas?|takeaways?|highlights?)\b"  # "3 ý" are points; "3 câu" is prose
            r"|\b(?:dang|thanh|theo)\s+danh\s+sach\b|\bliet\s+ke\b|\blist\b")
_LENGTHS = (
    (Length.SHORT, r"\bngan\b(?!\s+(?:hon|lai|nua|qua|them|nhat))|\b(?:van\s+tat|so\s+luoc)\b"
                   r"|\bbrief(?:ly)?\b|\bshort\b|\bconcise(?:ly)?\b|\btl\s*;?\s*dr\b|\bquick(?:ly)?\b"),
    (Length.DETAILED, r"\b(?:chi\s+tiet|day\s+du|cu\s+the)\b(?!\s+hon)|\bdetailed\b|\bin\s+(?:detail|depth)\b"
                      r"|\bthorough(?:ly)?\b|\bcomprehensive\b|\bk[iy]\s+(?:cang|luong)\b"),
)
_TARGET_ASK = r"\bbang\s+tieng\s+(anh|viet)\b|\bin\s+(english|vietnamese)\b"
_TARGET_DIRECTED = (_TARGET_ASK + r"|\b(?:sang|qua)\s+(?:tieng\s+)?(anh|viet)\b|\b(?:ra|thanh)\s+tieng\s+(anh|viet)\b"
                    r"|\b(?:to|into)\s+(english|vietnamese)\b")
_TARGET_BARE = r"(?<!\btu )(?<!\bfrom )\b(?:tieng\s+(anh|viet)|(english|vietnamese))\b"
_TARGET_CODES = {"anh": "en", "english": "en", "viet": "vi", "vietnamese": "vi"}
_PARAGRAPHS = (
    (None, r"\b(?:{doan}(?:\s+van)?|paragraph|para)\s+(?:thu\s+|so\s+|number\s+|no\.?\s*|#\s*)?(?P<n>\d{1,3}|<NUM>|nhat)\b"),
    (4, r"\b{doan}(?:\s+van)?\s+thu\s+tu\b"),  # "thứ tư" typed plain; plain "tu" alone is "từ" (from)
    (None, r"\b{doan}(?:\s+van)?\s+(?P<n>dau(?:\s+tien)?|mo\s+dau)\b"),
    (None, r"\b(?P<n>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))\s+(?:paragraph|para)\b"),
)
_QUESTION = (r"\?|\b(?:ai|{gi}|{nao}|bao\s+nhieu|bao\s+gio|bao\s+lau|khi\s+nao|o\s+dau|tai\s+sao|vi\s+sao|(?:nhu\s+)?the\s+nao"
             r"|ra\s+sao|{may}|co\s+phai|who|whom|whose|what|when|where|why|how|which|whats|whos|wheres|hows|wat|wut|wht)\b"
             r"|\b(?:khong|chua|a|ha|nhi)\W*$|^\W*(?:is|are|was|were|does|do|did|can|could|will|has|have)\b")
# Said after the question, not part of it: "..., trả lời bằng tiếng Anh", "... in English please".
_ANSWER_LANGUAGE = (r"\s*[,.;:!-]?\s*(?:(?:hay|vui\s+long|please)\s+)?(?:(?:tra\s+loi|answer|reply)\s+)?"
                    r"(?:bang|in)\s+(?:tieng\s+(?:anh|viet)|english|vietnamese)(?:\W+(?:nhe|nha|di|please|pls))*\W*$")
# A whole message that sets the language of the replies: "please reply in English", "can you answer
# in English please?", "trả lời bằng tiếng Việt nhé", "từ giờ nói tiếng Anh nha" (a space stands
# for any run of spaces). Not "dịch sang tiếng Anh" / "in English please" (a translation).
_REPLY_LANGUAGE = (
    r"\W*(?:(?:ok|okay|oh|thoi|vay|from now on|tu (?:bay )?gio(?: tro di)?)\W+)*"
    r"(?:(?:can|could|would|will) you (?:please )?|please |pls |(?:ban )?(?:hay|vui long|xin|lam on) |ban )?"
    r"(?:(?:answer|reply|respond|talk|speak|chat|write back)(?: (?:to|with) me)?"
    r"|(?:tra loi|noi|noi chuyen|tro chuyen|chat|phan hoi)(?: (?:voi|cho) (?:minh|toi|em|tui))?)"
    r" (?:(?:in|bang) )?(?P<lang>english|vietnamese|tieng (?:anh|viet))"
    r"(?:\W+(?:please|pls|instead|only|from now on|thanks|thank you|nhe|nha|di|duoc khong|duoc ko|dc ko|duoc chu"
    r"|tu (?:bay )?gio(?: tro di)?|thoi|ban|giup (?:minh|toi|em)|voi))*\W*"
).replace(" ", r"\s+")
# "Nói rõ hơn về X", "giải thích thêm về X", "tell me more about X": a question about X.
# A summary of what the article says about something: "tóm tắt phần nói về Cà Mau", "tóm tắt về
# giá lúa", "tóm tắt phần Cà Mau", "summarize the part about exports" (``topic`` keeps its case).
_SUMMARY_TOPIC = (r"\b(?:tom\s+tat|summari[sz]e)(?:\s+(?:giup|gium|cho)(?:\s+(?:minh|toi|em))?)?"
                  r"(?:\s+(?:\d{1,2}|<NUM>)\s+(?:y|cau|diem|gach)(?:\s+chinh)?)?"
                  r"(?:\s+(?:(?:lai\s+)?(?:phan|noi\s+dung|nhung\s+(?:gi|y|diem)|cac\s+(?:y|diem)|the\s+part|what\s+it\s+says)"
                  r"(?:\s+(?:bai\s+)?(?:noi|viet|de\s+cap))?\s+(?:ve|lien\s+quan(?:\s+den)?|about|on)|(?:bai\s+)?ve|about)"
                  r"|\s+phan)\s+(?P<topic>\S.*?)(?:\s+(?:\d+|<NUM>)\s+(?:y|cau|diem|gach)\b.*|\s+(?:ngan\s+gon|chi\s+tiet"
                  r"|bang\s+tieng|in\s+english|in\s+\d+).*)?\W*$")
_TOPIC = (r"^<PRE>(?:noi\s+(?:ro|ky|them)(?:\s+hon)?|giai\s+thich(?:\s+(?:them|ro)(?:\s+hon)?)?|cho\s+(?:minh|toi)\s+biet\s+them"
          r"|tell\s+me(?:\s+more)?|explain(?:\s+more)?|more)\s+(?:ve|about|on)\s+(?=\w)"
          # "bài nói gì về giá vé?", "What does the article say about the cost?"
          r"|^<PRE>(?:<SUBJ>\s+)?(?:noi|viet|de\s+cap|cho\s+biet)\s+(?:gi|nhung\s+gi)\s+ve\s+(?=\w)"
          r"|^<PRE>what\s+(?:does|did)\s+(?:(?:the|this|it)\s+)?(?:(?:article|story|text|report)\s+)?(?:say|tell\s+us)\s+about\s+(?=\w)")
# "Bài này có nhắc đến Nhật Bản không?", "Does the article mention China?", "Is China mentioned?":
# what the article says about the thing named, which is all that is searched.
_MENTION = (r"^<PRE>(?:<SUBJ>\s+)?(?:co\s+)?(?:nhac|noi|de\s+cap|viet|dua\s+tin)\s+(?:gi\s+)?(?:den|{toi}|ve)\s+"
            r"(?!(?:ai|gi|nao|dau|van\s+de|chu\s+de|dieu)\b)(?=\w)"   # "bài nói về ai?" asks what it is about
            r"|^<PRE>(?:does|did|do)\s+(?:(?:the|this|it)\s+)?(?:(?:article|story|text|piece|report)\s+)?"
            r"(?:mention|say\s+anything\s+about|talk\s+about|cover|discuss)\s+(?=\w)"
            r"|^<PRE>(?:is|are|was|were)\s+(?=\w[^?]*\s(?:mentioned|named)\b)")
# "Con số 312 có trong bài không?", "Hội An có trong bài này không?": the same question, the thing first.
_IN_ARTICLE = (r"^<PRE>(?:(?:con\s+so|so\s+lieu|so|ten|cum\s+tu|chu|tu\s+khoa)\s+)?(?P<x>\S.*?)\s+(?:co\s+)?(?:nam\s+|xuat\s+hien\s+|duoc\s+nhac\s+)?"
               r"(?:trong|o)\s+<SUBJ>\s+(?:hay\s+)?(?:khong|ko|k|chua)\W*$"
               r"|^<PRE>(?:is\s+)?(?:the\s+(?:number|figure|name)\s+)?(?P<en>\S.*?)\s+(?:in|mentioned\s+in)\s+(?:the|this)\s+(?:article|story)\W*$")
_ENGLISH_MENTION = r"\W*(?:is|are|was|were|does|did|do)\b"   # the English forms of ``_MENTION``
# What ends a mention question after the thing named, in each language ("... không?", "... at all?").
_MENTION_TAIL = {
    "vi": r"\s*(?:(?:hay\s+)?(?:khong|ko|k|chua))?\W*$",
    "en": r"\s*(?:at\s+all|(?:mentioned|named)(?:\s+(?:in|by)\s+(?:the|this|it)(?:\s+\w+)?)?)?\W*$",
}
# Said before the question, not part of it: "Chào bạn, ...", "Trả lời bằng tiếng Anh: ...".
_QUESTION_LEAD = (r"^\W*(?:(?:xin\s+chao|chao\s+ban|chao|hi|hello|hey|cam\s+on|thanks?|ok(?:ay)?|hay\s+(?:qua|day)|tuyet(?:\s+voi)?|great|nice|cool|good(?:\s+job)?|perfect|awesome)\b\W*"
                  r"|(?:tra\s+loi|answer)\b[^:?]*:\s*"
                  r"|(?:(?:now|gio|bay\s+gio)\s+)?(?:in|bang)\s+(?:english|vietnamese|tieng\s+(?:anh|viet))\s*:\s*)+")
_VI_WORDS = frozenset(
    "ai gi nao la cua nay bai co khong duoc nhung sao bao nhieu khi dau o tai vi nhu cho minh toi ban em "
    "giup gium hay di nhe nha va trong nguoi ve da se dang cac mot hai ong voi thi cung doan tieng sang "
    "bang roi chua oi thu nhat ra len cau y gon ngan chi tiet dang danh sach gach dong".split())
_EN_WORDS = frozenset(
    "the is are was were of to in and what who when where why how which this that please article it its "
    "does did do can you me my about into from with for on be story text".split())
_MAX_INSTRUCTION_WORDS = 15    # an instruction line is short; a longer first line is the article's own
# ... unless it points at the article ("Nhờ bạn tóm tắt bài báo dưới đây thành 3 ý chính, cảm ơn
# nhiều nhé!", "Mình vừa đọc bài này trên báo sáng nay, bạn tóm tắt giúp mình ...") or is a
# question above an article with its own headline.
_MAX_POINTING_INSTRUCTION_WORDS = 30
# A first line of this many words that does not address the bot is the article's headline, even
# with a task word in it ("Translation app helps tourists in Hanoi", "Chính phủ tóm tắt kết quả ...").
_MIN_HEADLINE_WORDS = 5
# Words that address the bot. Matched with diacritics ("Minh" in "Ho Chi Minh" is no "mình"),
# except the few that are unambiguous without them ("giup", "nhe", "please").
_ADDRESSES_BOT = (r"\b(?:bạn|giúp|giùm|hãy|nhé|nha|mình|tôi|em|xin|vui\s+lòng|sang|ra\s+tiếng|bằng\s+tiếng|giup|gium|nhe|"
                  r"please|pls|can\s+you|could\s+you|me|for\s+me|in\s+\d+|into|to\s+(?:english|vietnamese)|"
                  r"\d+\s+(?:ý|câu|dòng|điểm|y|cau|dong|diem|bullets?|points?|sentences?))\b")
_POINTS_BELOW = (r"\b(?:(?:o\s+)?(?:duoi|sau)\s+day|ben\s+duoi|nhu\s+sau|below|following|attached"
                 r"|bai\s+(?:nay|bao|viet)|giup\s+(?:minh|toi|em)|this\s+(?:article|story))\b")
_MIN_LOOSE_ARTICLE_WORDS = 25  # with no article yet, unrecognised prose this long is a (short) article
_MIN_SUMMARY_WORDS = 12        # "Tóm tắt: <text>" or two full sentences: at least this many words to summarize
# A short text holding these talks to the bot (matched with diacritics: "Ban quản lý" is news).
_CHAT_WORDS = r"\b(?:chào|mình|bạn|tớ|bot|tinbot|admin|ad|hello|hi|you|my)\b"
# A message of one paragraph that speaks of the article or to the bot is the reader's, however
# long: "Mình đọc bài này thấy ... Vậy trong bài có nói ... không?", a comment ending "Cảm ơn
# admin". Matched with diacritics outside quotation marks; the pronouns only while an article is
# open (with none, a first-person post is the text to work on).
_READER_WORDS = (r"\b(?:bài\s+(?:này|trước)(?!\s+(?:hát|thơ|văn|học|giảng|toán|thi|tập))"
                 r"|bài(?:\s+báo|\s+viết)?\s+có\s+(?:nói|nhắc|đề\s+cập|viết)"
                 r"|trong\s+bài\s+(?:này|báo\s+này|viết\s+này|có\s+nói|có\s+nhắc|có\s+đề\s+cập|nói)"
                 r"|admin|ad\s+ơi|cảm\s+ơn\s+ad|bạn\s+ơi|tinbot|this\s+article)\b")
# With an article open, a first-person text that wishes or thanks ("Nhà tôi ở Lệ Thủy cũng bị
# ngập ... Mong nhà nước ... Xin cảm ơn ...") and reports no one's words is the reader's comment;
# a story may open in the first person too ("Tôi đã mất hết tiền, anh Bình kể"), but it reports.
# Inside a sentence "mình" is often reflexive ("thành phố mình yêu quý") and "chúng tôi" someone quoted.
_READER_PRONOUNS = r"(?:^|[.!?…]\s+)(?:(?:nhà|theo|như)\s+)?(?:mình|tôi|tớ|tui|I|my)\b"
_READER_FEELING = r"\b(?:cảm\s+ơn|mong|hy\s+vọng|hi\s+vọng|ước\s+gì|khổ\s+quá|thương\s+quá|buồn\s+quá|thanks?|hope)\b"
_REPORTING = r"\b(?:kể|cho\s+biết|nói|chia\s+sẻ|khẳng\s+định|cho\s+hay|nhấn\s+mạnh|trình\s+bày|said|says|told)\b"
# A reader's question that does not end with "?": "Bạn cho mình hỏi tỉnh đã chi bao nhiêu tiền".
_ASKS_LEAD = r"^\W*(?:(?:bạn|ad|admin)\s+)?(?:cho\s+(?:mình|tôi|em)\s+hỏi|cho\s+hỏi|xin\s+hỏi|(?:mình|tôi|em)\s+muốn\s+hỏi)\b"
_MAX_READER_WORDS = 150
# What praise in a short message is about: "bài hay quá", "tin hữu ích, cảm ơn admin" thank for the article.
_PRAISED = r"\b(?:bai|bai\s+viet|bai\s+bao|tin|admin|ad|article|story)\b"
# A reaction made only of emoji: "👍", "❤️❤️".
_THUMBS = r"[\s👍👌🙏❤️♥️😊🙂😀😁😂🤣😍🥰👏💯🔥]+"
# "now in English:", "bằng tiếng Anh:": a language named before a question, not a line to translate.
_BARE_LANGUAGE = r"\W*(?:(?:now|gio|bay\s+gio)\s+)?(?:in|bang|to|sang)?\s*(?:english|vietnamese|tieng\s+(?:anh|viet))\W*"
# "Bài mới: <text>", "new article: <text>": the text is an article, whatever it says.
_NEW_ARTICLE = r"^\W*(?:bai\s+moi|new\s+article)\s*[:\n-]"
# A bare message that names a thing the article mentions asks what the article says of it
# ("Hội An", "cứu hộ"), unless it is one of these chat phrases (unaccented, whole message).
_MAX_TOPIC_WORDS = 6
_CHAT_PHRASE = (r"(?:lam\s+lai|sai\s+roi|sai|dung\s+roi|dung|khong\s+hieu|hieu\s+roi|xong|xong\s+roi|bai\s+moi|xoa\s+bai"
                r"|giai\s+thich|test|thu|again|next|start|reset|menu|help|hmm+|um+|lol|ua|ok\w*)")
_MAX_OPTIONS_WORDS = 6         # "tóm tắt" left out: "3 câu thôi", "in two sentences please"
# A question or request about the article before the open one: "bài trước có bao nhiêu người chết?",
# "in the previous article, who ...?". The words are left out of the question.
_EARLIER = (r"(?:\b(?:trong|o|cua|theo|tu|ve)\s+)?\bbai\s+(?:bao\s+|viet\s+)?(?:truoc|cu|luc\s+nay|ban\s+nay)\b"
            r"|(?:\b(?:in|from|of)\s+)?\bthe\s+(?:previous|earlier|last|other|first)\s+(?:article|story|one)\b")
# A summary's word limit: "tóm tắt trong 30 chữ", "dưới 50 từ", "in 40 words", "a 50-word summary".
# ``unit`` is checked as typed: "chữ"/"từ" (or without marks), "word(s)".
_WORD_LIMIT = (r"\b(?P<n>\d{1,4})\s*-?\s*(?P<unit>chu|tu|am\s+tiet|words?)\b")
_WORD_UNITS = frozenset({"chữ", "từ", "âm tiết", "chu", "tu", "am tiet", "word", "words"})
# Laughter on its own ("haha", "hihi", "kkk", "lol", "😂😂") is no thanks: a neutral reply.
_LAUGHTER = r"(?:\W*(?:(?:ha|hi|he|hu|ho|ke|kaka|keke)(?:ha|hi|he|hu|ho|ke)+h?|h[ae]h[ae]+|k{3,}|lol|lmao|rofl|=\)+|:\)+|:d+|x+d+)\b)+\W*"
_LAUGH_EMOJI = r"[\s😂🤣😆😅😄😁😹]+"
# A short question typed without its question mark ("be bi sao", "obama chuyen di dau", "bé bị sao"):
# a question word at its start or its end, as spelled with marks or typed without them.
_BARE_QUESTION = (r"^\W*(?:{ai}|{sao}|tai\s+{sao}|vi\s+{sao}|{gi}|bao\s+nhieu|bao\s+gio|bao\s+lau|khi\s+{nao}|{may})\b"
                  r"|\b(?:{ai}|{sao}|{gi}|{dau}|{nao}|{may}|bao\s+nhieu|bao\s+gio|bao\s+lau|bao\s+xa|the\s+{nao}|ra\s+{sao}|lam\s+{sao})"
                  r"(?:\s+(?:vay|the|ha|a|nhi|nhe|z|vay\s+ta))?\W*$")
_MAX_BARE_QUESTION_WORDS = 12
