"""Article text from where users already keep it: an uploaded file or a link to a news page.

Each function returns plain text only; ``Article.from_text`` then cleans it exactly like a pasted
article, so an upload and a paste of the same story give the same article. Every failure is a
``SourceError`` whose ``reason`` is a short key the chat and the command line turn into a message.
"""
from __future__ import annotations

import html as html_lib
import re
import unicodedata
import zipfile
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

from bot.fetch import FetchError, FetchPolicy, fetch
from bot.segment import markdown_table
from bot.wrap import join_pdf_lines

# A .docx is a zip: refuse one that inflates past this many times the upload limit (a zip bomb).
DOCX_MAX_INFLATION = 20
# Decoded text with more control characters than this share is binary, not an article.
MAX_CONTROL_SHARE = 0.01
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"),
)
# A page whose extracted text has fewer words than this in prose lines (8+ words) is a listing,
# a login wall or a menu, not an article: trafilatura returns menu text rather than nothing.
MIN_ARTICLE_WORDS = 25
# Windows-1258 is what Vietnamese text saved by older Windows tools is in; latin-1 decodes anything.
_FALLBACK_ENCODINGS = ("utf-8", "cp1258", "latin-1")


class SourceError(ValueError):
    """No article text could be taken from a file or link.

    ``reason``: ``not_found``, ``too_large``, ``unsupported_type``, ``unreadable``, ``empty``,
    ``no_article`` (a page or HTML file without an article), or a ``bot.fetch.FetchError`` reason
    for links (``bad_url``, ``blocked_address``, ``unreachable``, ``timeout``, ``http_error``,
    ``too_many_redirects``).
    """

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail = reason, detail


def text_from_file(path: str | Path, max_bytes: int | None) -> str:
    """The article text of a .txt, .md, .html/.htm, .docx or .pdf file, NFC."""
    path = Path(path)
    # The details say what is wrong, not which file: the caller names it ("bai.txt: does not exist").
    if not path.exists():
        raise SourceError("not_found", "does not exist")
    if path.is_dir():
        raise SourceError("unreadable", "is a folder, not a file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kind = f"{path.suffix} files are" if path.suffix else "a file without an extension is"
        raise SourceError("unsupported_type", f"{kind} not read; use {', '.join(READERS)}")
    if not path.is_file():
        raise SourceError("unreadable", "is not a regular file")
    size = path.stat().st_size
    if max_bytes is not None and size > max_bytes:  # checked before a single byte is read
        raise SourceError("too_large", f"is {size} bytes, more than {max_bytes}")
    text = _clean(reader(path, max_bytes))
    if not text:
        raise SourceError("empty", "has no text")
    return text


def text_from_url(url: str, settings) -> str:
    """The title and paragraphs of the news article at ``url`` (fetched under ``bot.fetch``'s checks)."""
    try:
        page = fetch(_with_scheme(url), FetchPolicy.from_settings(settings))
    except FetchError as error:
        raise SourceError(error.reason, error.detail) from None
    if page.content_type in ("text/html", "application/xhtml+xml", ""):
        text = html_to_text(page.body if page.charset is None else _decode_charset(page.body, page.charset), page.url)
    elif page.content_type == "text/plain":
        text = decode_text(page.body) if page.charset is None else _decode_charset(page.body, page.charset)
    else:
        raise SourceError("unsupported_type", f"the link is {page.content_type}, not a web page")
    text = _clean(text)
    if not text:
        raise SourceError("no_article", f"no article text found at {page.url}")
    return text


def looks_like_url(message: str) -> bool:
    """True when the whole message is one web link ("https://..." or "www....")."""
    message = (message or "").strip().strip("<>")
    if not message or any(ch.isspace() for ch in message):
        return False
    parts = urlsplit(_with_scheme(message))
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and ("." in host or host == "localhost" or ":" in host)


def _with_scheme(url: str) -> str:
    url = url.strip().strip("<>")
    return f"https://{url}" if url.lower().startswith("www.") else url


def decode_text(data: bytes) -> str:
    """Text from bytes: a BOM decides, else UTF-8, then Windows-1258, then latin-1; binary is refused."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _refuse_binary(data.decode(encoding))
            except UnicodeDecodeError as error:
                raise SourceError("unreadable", f"broken {encoding} text: {error.reason}") from None
    if b"\x00" in data:  # NUL never occurs in 8-bit text; UTF-16 without a BOM is not guessed
        raise SourceError("unreadable", "is binary data, not text")
    for encoding in _FALLBACK_ENCODINGS:
        try:
            return _refuse_binary(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes every byte")  # pragma: no cover


def _decode_charset(data: bytes, charset: str) -> str:
    """Decode with a server-declared charset, falling back to guessing when it is wrong or unknown."""
    try:
        return _refuse_binary(data.decode(charset))
    except (LookupError, UnicodeDecodeError):
        return decode_text(data)


def _refuse_binary(text: str) -> str:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if text and controls / len(text) > MAX_CONTROL_SHARE:
        raise SourceError("unreadable", "is binary data, not text")
    return text


def _read_limited(path: Path, max_bytes: int | None) -> bytes:
    """Read at most ``max_bytes`` (+1 to notice more): a file may grow after ``stat``."""
    with path.open("rb") as handle:
        data = handle.read(-1 if max_bytes is None else max_bytes + 1)
    if max_bytes is not None and len(data) > max_bytes:
        raise SourceError("too_large", f"is more than {max_bytes} bytes")
    return data


def _read_txt(path: Path, max_bytes: int | None) -> str:
    return decode_text(_read_limited(path, max_bytes))


_MD_RULES = (  # (pattern, replacement), applied in order; just enough to leave readable prose
    (re.compile(r"^[ \t]*(```|~~~).*$", re.M), ""),                # code fences (their content stays)
    (re.compile(r"<!--.*?-->", re.S), ""),                          # comments
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), ""),                    # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),                  # links → their text
    (re.compile(r"^[ ]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$", re.M), r"\1"),  # headings
    (re.compile(r"^[ ]{0,3}>[ ]?", re.M), ""),                      # block quotes
    (re.compile(r"^[ \t]*([-*+]|\d+[.)])[ \t]+", re.M), ""),         # list markers
    (re.compile(r"^[ \t]*([-*_][ \t]*){3,}$", re.M), ""),          # horizontal rules
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),          # bold
    (re.compile(r"(?<![\w*])([*_])(?=\S)(.+?)(?<=\S)\1(?![\w*])"), r"\2"),  # italics, not snake_case
    (re.compile(r"`([^`]*)`"), r"\1"),                              # inline code
)


def markdown_to_text(markdown: str) -> str:
    """Markdown with its markup dropped: headings, emphasis, links, lists and quotes become plain text."""
    for pattern, replacement in _MD_RULES:
        markdown = pattern.sub(replacement, markdown)
    return markdown


def _read_md(path: Path, max_bytes: int | None) -> str:
    return markdown_to_text(_read_txt(path, max_bytes))


def html_to_text(html: str | bytes, url: str | None = None) -> str:
    """The title and article paragraphs of a news page, one blank line between paragraphs."""
    import trafilatura  # heavy (lxml, dateparser); only loaded when a page is read

    try:
        document = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                               include_tables=False)
    except ValueError:
        document = None
    body = (getattr(document, "text", None) or "").strip()
    lines = [line.strip() for line in body.split("\n") if line.strip()]
    if sum(len(line.split()) for line in lines if len(line.split()) >= 8) < MIN_ARTICLE_WORDS:
        raise SourceError("no_article", "the page has no article paragraphs")
    title = (getattr(document, "title", None) or "").strip()
    if title and (not lines or lines[0] != title):
        lines.insert(0, title)
    return "\n\n".join(lines)  # trafilatura puts one paragraph per line; blank lines keep them apart


# Pasted page source: opens with a tag of a page or a block, and closes a block somewhere.
_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|main|section|div|p|h[1-6])\b", re.I | re.S)
_HTML_BLOCK_END = re.compile(r"</(?:html|body|article|main|section|div|p|h[1-6])\s*>", re.I)
_HTML_DROP = re.compile(r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_HTML_BREAK = re.compile(r"</(?:p|div|h[1-6]|li|section|article|header|footer|blockquote|tr)\s*>|<br\s*/?>", re.I)
_HTML_TAG = re.compile(r"<[^>]*>")


def looks_like_html(text: str) -> bool:
    """Whether a pasted text is a page's HTML source rather than its text."""
    return bool(_HTML_START.match(text) and _HTML_BLOCK_END.search(text))


def pasted_html_to_text(html: str) -> str:
    """The text of pasted HTML: the article as ``html_to_text`` finds it, or, for a fragment too
    short to be taken for a page's article, every block's text with the tags left out."""
    try:
        return html_to_text(html)
    except SourceError:
        text = _HTML_TAG.sub(" ", _HTML_BREAK.sub("\n\n", _HTML_DROP.sub(" ", html)))
        paragraphs = (" ".join(html_lib.unescape(block).split()) for block in text.split("\n\n"))
        return "\n\n".join(p for p in paragraphs if p)


def _read_html(path: Path, max_bytes: int | None) -> str:
    data = _read_limited(path, max_bytes)
    if data.startswith(_BOMS[2][0]) or data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return html_to_text(decode_text(data))
    return html_to_text(data)  # bytes: trafilatura honours <meta charset> and guesses otherwise


def _read_docx(path: Path, max_bytes: int | None) -> str:
    import docx  # python-docx

    try:
        with zipfile.ZipFile(path) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError) as error:
        raise SourceError("unreadable", f"is not a readable .docx file: {error}") from None
    if max_bytes is not None and inflated > DOCX_MAX_INFLATION * max_bytes:
        raise SourceError("too_large", f"unpacks to {inflated} bytes")
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:  # a zip that is not a Word document
        raise SourceError("unreadable", f"is not a Word document: {error}") from None
    blocks = []
    for block in document.iter_inner_content():  # paragraphs and tables, in the document's order
        text = _docx_table(block) if isinstance(block, docx.table.Table) else block.text.strip()
        if text:
            blocks.append(text)
    return "\n\n".join(blocks)


def _docx_table(table) -> str:
    """A Word table as Markdown rows (the first row the header), which ingest reads as labelled
    sentences ("Hạ Long: Lượt khách: 320.000."). Merged cells repeat in python-docx: kept once."""
    rows = []
    for row in table.rows:
        cells = [" ".join(cell.text.split()).replace("|", "/") for cell in row.cells]
        cells = [c for i, c in enumerate(cells) if i == 0 or row.cells[i]._tc is not row.cells[i - 1]._tc]
        if any(cells):
            rows.append(cells)
    return "\n".join(markdown_table(rows)) if rows else ""


def _read_pdf(path: Path, max_bytes: int | None) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    with path.open("rb") as handle:
        head = handle.read(1024)
    if b"%PDF-" not in head:  # the header may follow some junk, within the first 1024 bytes (as readers allow)
        raise SourceError("unreadable", "is not a PDF file (it does not start with %PDF)")
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("unreadable", "is password-protected")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, KeyError, TypeError, ValueError) as error:  # pypdf raises these on broken files
        if isinstance(error, SourceError):  # SourceError is a ValueError: let ours through unchanged
            raise
        raise SourceError("unreadable", f"is a damaged PDF that cannot be read ({error})") from None
    return join_pdf_lines([line for page in pages for line in page.splitlines()])


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n")).strip()


READERS: dict[str, Callable[[Path, int | None], str]] = {
    ".txt": _read_txt,
    ".md": _read_md,
    ".html": _read_html,
    ".htm": _read_html,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
}
