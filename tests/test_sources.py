"""Article text from uploaded files: every supported type, every encoding, and every refusal.

The fixture article (an electric bus line in Đà Nẵng) is written for these tests; the .docx and
.pdf files are generated here (python-docx, and a hand-written PDF whose font maps to Unicode).
"""
from __future__ import annotations

import random
import textwrap
import unicodedata
from pathlib import Path

import pytest

from bot.article import Article
from bot.segment import split_sentences
from bot.sources import (
    SourceError,
    decode_text,
    looks_like_html,
    looks_like_url,
    markdown_to_text,
    pasted_html_to_text,
    text_from_file,
)
from bot.wrap import join_pdf_lines

TITLE = "Đà Nẵng mở tuyến xe buýt điện ven biển"
PARAGRAPHS = (
    "Sáng 13/4, Sở Giao thông vận tải thành phố Đà Nẵng đưa vào khai thác tuyến xe buýt điện số 12 "
    "nối bán đảo Sơn Trà với khu vực Ngũ Hành Sơn.",
    "Tuyến dài 24 km, có 31 điểm dừng, chạy từ 5 giờ 30 đến 21 giờ mỗi ngày với tần suất 15 phút một chuyến.",
    "Ông Nguyễn Minh Tâm, Giám đốc Sở, cho biết thành phố dành 38 tỷ đồng để trợ giá cho tuyến trong năm "
    "đầu tiên, giá vé chỉ 8.000 đồng một lượt.",
)
PLAIN = TITLE + "\n\n" + "\n\n".join(PARAGRAPHS)
LIMIT = 1_000_000

HTML = f"""<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>{TITLE} | Báo Tin Miền Trung</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/xa-hoi">Xã hội</a> <a href="/dang-nhap">Đăng nhập</a></nav>
<article><h1>{TITLE}</h1>{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</article>
<aside><h3>Tin liên quan</h3><ul><li><a href="/a">Giá xăng giảm lần thứ ba</a></li></ul></aside>
<footer>© 2025 Báo Tin Miền Trung. Liên hệ quảng cáo.</footer></body></html>"""

MARKDOWN = f"""# {TITLE}

**{PARAGRAPHS[0]}**

- {PARAGRAPHS[1]}

> {PARAGRAPHS[2]} ![ảnh](anh.jpg)

Nguồn: [Báo Tin Miền Trung](https://example.com/xe-buyt)
"""


def write_pdf(path: Path, pages: list[list[str]]) -> None:
    """A minimal PDF whose text pypdf reads back: a Type0 font mapped to Unicode by a ToUnicode CMap.

    The standard Helvetica font cannot encode Vietnamese letters (ạ, ố, ẵ), so each distinct
    character gets a glyph id and the CMap maps it back; no font program is embedded.
    """
    chars = sorted({ch for page in pages for line in page for ch in line})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    cmap = "\n".join([
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /tinbot def",
        "1 begincodespacerange <0000> <FFFF> endcodespacerange",
        *(f"1 beginbfchar <{cid[ch]:04X}> <{ch.encode('utf-16-be').hex().upper()}> endbfchar" for ch in chars),
        "endcmap CMapName currentdict /CMap defineresource pop end end",
    ]).encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        None,  # the page tree, filled in once the pages are numbered
        b"<< /Type /Font /Subtype /Type0 /BaseFont /TinbotSans /Encoding /Identity-H "
        b"/DescendantFonts [4 0 R] /ToUnicode 5 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /TinbotSans "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(cmap), cmap),
    ]
    kids = []
    for lines in pages:
        shown = " ".join("<" + "".join(f"{cid[ch]:04X}" for ch in line) + "> Tj T*" for line in lines)
        content = f"BT /F1 11 Tf 14 TL 72 760 Td {shown} ET".encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, obj)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))


def write_docx(path: Path, paragraphs: list[str]) -> None:
    import docx

    document = docx.Document()
    document.add_heading(paragraphs[0], level=1)
    for paragraph in paragraphs[1:]:
        document.add_paragraph(paragraph)
        document.add_paragraph("")  # empty paragraphs, as Word users leave them, must not survive
    document.save(str(path))


def to_cp1258(text: str) -> bytes:
    """Encode as Windows-1258 does: letters with circumflex/breve/horn precomposed, tone marks combining."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for ch in text:
        marks = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(m for m in marks if m not in tones))
        out.append(base + "".join(m for m in marks if m in tones))
    return "".join(out).encode("cp1258")


# Lines wrapped as a typesetter would; a paragraph runs over the page break.
PDF_LINES = [TITLE, *(line for paragraph in PARAGRAPHS for line in textwrap.wrap(paragraph, 80))]
_BREAK = next(i for i in range(2, len(PDF_LINES)) if not PDF_LINES[i - 1].endswith("."))  # inside a paragraph
PDF_PAGES = [PDF_LINES[:_BREAK], PDF_LINES[_BREAK:]]


WRITERS = {
    "bai.txt": lambda path: path.write_text(PLAIN, encoding="utf-8"),
    "bai.md": lambda path: path.write_text(MARKDOWN, encoding="utf-8"),
    "bai.html": lambda path: path.write_text(HTML, encoding="utf-8"),
    "BAI.HTM": lambda path: path.write_bytes(HTML.encode("utf-8")),
    "bai.docx": lambda path: write_docx(path, [TITLE, *PARAGRAPHS]),
    "bai.pdf": lambda path: write_pdf(path, PDF_PAGES),
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_every_file_type_gives_the_title_and_whole_paragraphs(tmp_path, name):
    path = tmp_path / name
    WRITERS[name](path)
    text = text_from_file(path, LIMIT)
    blocks = [block.strip() for block in text.split("\n\n") if block.strip()]
    assert blocks[0] == TITLE
    for paragraph in PARAGRAPHS:  # each paragraph whole, in one block (not cut at PDF line or page ends)
        assert paragraph in blocks
    assert "Đăng nhập" not in text and "Tin liên quan" not in text and "**" not in text and "](" not in text
    assert text == unicodedata.normalize("NFC", text)


def test_decomposed_text_comes_back_composed(tmp_path):
    path = tmp_path / "nfd.txt"
    path.write_text(unicodedata.normalize("NFD", PLAIN), encoding="utf-8")
    assert text_from_file(path, LIMIT) == PLAIN


@pytest.mark.parametrize(
    ("label", "data"),
    [
        ("utf-8", PLAIN.encode("utf-8")),
        ("utf-8 with BOM", b"\xef\xbb\xbf" + PLAIN.encode("utf-8")),
        ("utf-16 LE with BOM", b"\xff\xfe" + PLAIN.encode("utf-16-le")),
        ("utf-16 BE with BOM", b"\xfe\xff" + PLAIN.encode("utf-16-be")),
        ("windows-1258", to_cp1258(PLAIN)),
        ("windows line ends", PLAIN.replace("\n", "\r\n").encode("utf-8")),
    ],
)
def test_vietnamese_text_decodes_whatever_the_encoding(tmp_path, label, data):
    path = tmp_path / "bai.txt"
    path.write_bytes(data)
    assert text_from_file(path, LIMIT) == PLAIN


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Cà phê sữa đá".encode("utf-8"), "Cà phê sữa đá"),
        ("Ca phe sua da, khong dau".encode("ascii"), "Ca phe sua da, khong dau"),
        ("Café déjà vu à Paris".encode("latin-1"), "Café déjà vu à Paris"),  # 8-bit text never fails
        ("Phở Hà Nội".encode("utf-16"), "Phở Hà Nội"),  # Python writes the BOM
    ],
)
def test_decode_text(data, expected):
    assert unicodedata.normalize("NFC", decode_text(data)) == expected


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("rac.txt", random.Random(7).randbytes(4096)),
        ("anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
        ("dieu-khien.txt", "Tin tức ".encode() + bytes(range(1, 9)) * 50),  # control bytes, no NUL
        ("gia.docx", b"this is not a zip archive at all"),
        ("gia.pdf", b"%PDF-1.4\nnothing after the header"),
        ("utf16-hong.txt", b"\xff\xfe" + b"\x00\xd8"),  # a lone surrogate after the BOM
    ],
)
def test_binary_or_broken_files_are_refused_as_unreadable(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        text_from_file(path, LIMIT)
    assert caught.value.reason == "unreadable"


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        ("Tin tức: một bài báo lưu nhầm đuôi .pdf".encode(), "is not a PDF file (it does not start with %PDF)"),
        (b"%PDF-1.4\nnothing after the header", "is a damaged PDF that cannot be read ("),
    ],
)
def test_a_pdf_that_is_not_one_or_is_damaged_says_which_without_repeating_its_name(tmp_path, data, detail):
    path = tmp_path / "bai.pdf"
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        text_from_file(path, LIMIT)
    assert caught.value.reason == "unreadable" and caught.value.detail.startswith(detail)
    assert "bai.pdf" not in caught.value.detail   # the caller names the file


def test_a_zip_that_is_not_a_word_document_is_unreadable(tmp_path):
    import zipfile

    path = tmp_path / "bai.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", PLAIN)
    with pytest.raises(SourceError) as caught:
        text_from_file(path, LIMIT)
    assert caught.value.reason == "unreadable"


def test_size_is_checked_before_reading(tmp_path):
    path = tmp_path / "khong-lo.txt"
    with path.open("wb") as handle:  # a sparse gigabyte: reading it would take memory and time
        handle.truncate(1 << 30)
    with pytest.raises(SourceError) as caught:
        text_from_file(path, 1000)
    assert caught.value.reason == "too_large"
    assert str(1 << 30) in caught.value.detail


@pytest.mark.parametrize(("limit", "accepted"), [(len(PLAIN.encode()), True), (len(PLAIN.encode()) - 1, False), (None, True)])
def test_the_limit_is_inclusive_and_none_means_no_limit(tmp_path, limit, accepted):
    path = tmp_path / "bai.txt"
    path.write_text(PLAIN, encoding="utf-8")
    if accepted:
        assert text_from_file(path, limit) == PLAIN
    else:
        with pytest.raises(SourceError, match="too_large"):
            text_from_file(path, limit)


def test_a_docx_that_inflates_far_past_the_limit_is_too_large(tmp_path):
    path = tmp_path / "bom.docx"
    write_docx(path, [TITLE, "a" * 2_000_000])  # compresses to a few kilobytes
    assert path.stat().st_size < 60_000
    with pytest.raises(SourceError) as caught:
        text_from_file(path, 60_000)
    assert caught.value.reason == "too_large"


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("anh.jpg", b"\xff\xd8\xff", "unsupported_type"),
        ("bai", PLAIN.encode(), "unsupported_type"),
        ("trong.txt", b"", "empty"),
        ("khoang-trang.txt", b" \n\t\r\n  ", "empty"),
        ("trong.md", b"---\n\n![](anh.png)\n", "empty"),
        ("menu.html", b"<html><body><nav><a href='/'>Trang ch\xe1\xbb\xa7</a></nav></body></html>", "no_article"),
    ],
)
def test_unsupported_empty_and_articleless_files(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(SourceError) as caught:
        text_from_file(path, LIMIT)
    assert caught.value.reason == reason


def test_missing_files_and_folders(tmp_path):
    with pytest.raises(SourceError) as missing:
        text_from_file(tmp_path / "khong-co.txt", LIMIT)
    (tmp_path / "thu-muc.txt").mkdir()
    with pytest.raises(SourceError) as folder:
        text_from_file(tmp_path / "thu-muc.txt", LIMIT)
    assert (missing.value.reason, folder.value.reason) == ("not_found", "unreadable")


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("## Tóm tắt ##", "Tóm tắt"),
        ("Giá vé **8.000 đồng** một _lượt_.", "Giá vé 8.000 đồng một lượt."),
        ("Xem [bài gốc](https://vnexpress.net/a.html).", "Xem bài gốc."),
        ("![ảnh xe buýt](xe.jpg)Tuyến số 12", "Tuyến số 12"),
        ("1. Một\n2) Hai\n* Ba", "Một\nHai\nBa"),
        ("> Trích dẫn", "Trích dẫn"),
        ("tên_biến_snake và `mã`", "tên_biến_snake và mã"),
        ("***", ""),
        ("```\nin ra\n```", "\nin ra\n"),
    ],
)
def test_markdown_to_text(markdown, text):
    assert markdown_to_text(markdown) == text


def test_pdf_lines_rejoin_into_paragraphs_across_page_breaks():
    lines = [
        "Tiêu đề ngắn",
        "Dòng đầu của đoạn một kéo dài gần hết chiều rộng của trang giấy",
        "và kết thúc ở đây.",
        "Đoạn hai bắt đầu ở cuối trang và chưa xong khi trang đã hết chỗ",
        "Trang sau viết tiếp đoạn hai cho đến khi có dấu chấm kết thúc câu.",
    ]
    assert join_pdf_lines(lines).split("\n\n") == [
        "Tiêu đề ngắn",
        f"{lines[1]} {lines[2]}",
        f"{lines[3]} {lines[4]}",
    ]


def test_pdf_lines_keep_a_caption_apart_and_a_wrapped_headline_together():
    # A caption joined to the body would take the body with it when ingest drops it; a headline
    # in a large font wraps after a few words, and its next line starts in lowercase.
    lines = [
        "Cần Thơ khởi công cầu Ô Môn mới, dự kiến",
        "thông xe cuối năm 2027",
        "Sáng 13/4, UBND thành phố Cần Thơ tổ chức lễ khởi công cầu Ô Môn mới bắc qua sông Ô Môn.",
        "Ảnh: Lãnh đạo thành phố bấm nút khởi công công trình sáng 13/4 bên bờ sông. Ảnh: Minh Khang",
        "Cầu Ô Môn mới dài 1.240 mét, rộng 24,5 mét với sáu làn xe, thay thế cây cầu cũ được xây từ",
        "năm 1998 đã xuống cấp nghiêm trọng.",
    ]
    assert join_pdf_lines(lines).split("\n\n") == [
        f"{lines[0]} {lines[1]}", lines[2], lines[3], f"{lines[4]} {lines[5]}",
    ]


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("https://vnexpress.net/da-nang-mo-tuyen-xe-buyt-4870000.html", True),
        ("  http://tuoitre.vn/bai-viet?id=12#binh-luan \n", True),
        ("www.nhandan.vn/tin-tuc", True),
        ("<https://thanhnien.vn/a>", True),
        ("http://127.0.0.1:8080/bai", True),
        ("https://[::1]/bai", True),
        ("Tóm tắt bài này https://vnexpress.net/a.html", False),
        ("https://vnexpress.net/a.html https://tuoitre.vn/b.html", False),
        ("ftp://files.example.com/bai.txt", False),
        ("javascript:alert(1)", False),
        ("vnexpress", False),
        ("tóm tắt", False),
        ("", False),
        ("https://", False),
    ],
)
def test_looks_like_url(message, expected):
    assert looks_like_url(message) is expected


PASTED_PAGE = ("<html><body><h1>Giá xăng giảm</h1><p>Từ 15h chiều nay, giá xăng RON95 giảm 500 đồng/lít, "
               "xuống còn 22.000 đồng/lít.</p><p>Liên Bộ Công Thương &amp; Tài chính cho biết giá dầu đã giảm."
               "</p><script>alert(1)</script></body></html>")


@pytest.mark.parametrize("text, expected", [
    (PASTED_PAGE, True),
    ("<!DOCTYPE html>\n<html><head><title>t</title></head><body><p>x</p></body></html>", True),
    ("<p>Một đoạn</p>", True),
    ("Bài báo bình thường có chữ <b>đậm</b>.", False),      # text with a tag in it is still text
    ("<Hà Nội> mưa lớn, nhiều tuyến phố ngập.", False),      # no block closed
])
def test_pasted_html_is_told_from_text(text, expected):
    assert looks_like_html(text) is expected


def test_pasted_html_becomes_its_text_without_tags_or_scripts():
    text = pasted_html_to_text(PASTED_PAGE)
    assert text.split("\n\n") == ["Giá xăng giảm", "Từ 15h chiều nay, giá xăng RON95 giảm 500 đồng/lít, xuống còn 22.000 đồng/lít.",
                                  "Liên Bộ Công Thương & Tài chính cho biết giá dầu đã giảm."]


def test_a_pasted_page_is_parsed_as_its_text():
    from bot.service import Tinbot
    from bot.settings import Settings

    article, _ = Tinbot(Settings.from_env({}, offline=True)).parse(PASTED_PAGE)
    assert article.title == "Giá xăng giảm" and "<" not in article.text and "alert" not in article.text


def test_a_word_tables_rows_are_read_in_place_as_labelled_sentences(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(PARAGRAPHS[0])
    table = document.add_table(rows=3, cols=2)
    for r, row in enumerate([("Tuyến", "Số chuyến mỗi ngày"), ("Sân bay - Hội An", "48"), ("Sơn Trà | Mỹ Khê", "36")]):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    document.add_paragraph(PARAGRAPHS[1])
    path = tmp_path / "bang.docx"
    document.save(str(path))
    sentences = [s.text for s in Article.from_text(text_from_file(path, LIMIT)).sentences]
    row = sentences.index("Sân bay - Hội An: Số chuyến mỗi ngày: 48.")
    assert sentences[row + 1] == "Sơn Trà / Mỹ Khê: Số chuyến mỗi ngày: 36."   # a "|" in a cell is no column
    assert sentences[row - 1] == split_sentences(PARAGRAPHS[0])[-1] and split_sentences(PARAGRAPHS[1])[0] in sentences[row + 2:]
