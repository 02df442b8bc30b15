"""Links: the article is read from a local news server, and every unsafe address is refused.

All traffic goes to a server these tests start on 127.0.0.1. Public host names are simulated by
replacing the resolver (``bot.fetch.resolve_host``) and the socket opener (``bot.fetch.open_socket``):
the code under test still checks the public-looking address it was given, while the bytes go to
the local server.
"""
from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import bot.fetch as fetch_module
from bot.fetch import FetchError, FetchPolicy, address_refusal, check_url, fetch
from bot.settings import Settings
from bot.sources import SourceError, text_from_url

TITLE = "Lũ sông Hương lên nhanh, Huế sơ tán hơn 2.000 hộ dân"
PARAGRAPHS = (
    "Chiều 28/10, mực nước sông Hương tại trạm Kim Long vượt báo động 3, khiến nhiều tuyến đường ở "
    "trung tâm thành phố Huế ngập sâu từ 0,5 đến 1 mét.",
    "Ban Chỉ huy phòng chống thiên tai tỉnh cho biết đã sơ tán 2.140 hộ dân ở các vùng trũng thấp "
    "đến nơi an toàn trước 17 giờ cùng ngày.",
    "Bà Trần Thị Mai, Phó Chủ tịch UBND tỉnh, yêu cầu các địa phương chuẩn bị lương thực, nước uống và "
    "thuốc men đủ dùng trong ít nhất năm ngày.",
)
PAGE = f"""<!doctype html><html lang="vi"><head><title>{TITLE} - Báo Sông Hương</title></head><body>
<nav><a href="/">Trang chủ</a> <a href="/thoi-su">Thời sự</a> <a href="/dang-ky">Đăng ký</a></nav>
<article><h1>{TITLE}</h1>{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}</article>
<aside><h3>Đọc thêm</h3><ul><li><a href="/x">Giá vàng hôm nay</a></li></ul></aside>
<footer>Bản quyền thuộc Báo Sông Hương.</footer></body></html>""".encode("utf-8")
MENU = "<html><body><nav><a href='/'>Trang chủ</a> <a href='/tt'>Thời sự</a></nav></body></html>".encode()
PUBLIC_IP = "93.184.216.34"


class NewsHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        self.server.seen.append((self.path, self.headers.get("Host")))
        path = self.path
        if path == "/bai-bao.html":
            return self._send(200, "text/html; charset=utf-8", PAGE)
        if path == "/ghi-chu.txt":
            return self._send(200, "text/plain; charset=utf-8", "\n\n".join((TITLE, *PARAGRAPHS)).encode())
        if path == "/menu.html":
            return self._send(200, "text/html; charset=utf-8", MENU)
        if path == "/anh.png":
            return self._send(200, "image/png", b"\x89PNG\r\n\x1a\n")
        redirects = {"/chuyen": "/bai-bao.html", "/noi-bo": "http://10.0.0.7/quan-tri",
                     "/metadata": "http://169.254.169.254/latest/meta-data/",
                     "/loopback": f"http://127.0.0.1:{self.server.server_port}/bai-bao.html",
                     "/tep": "file:///etc/passwd"}
        if path in redirects:
            return self._send(302, "text/html", b"", location=redirects[path])
        if path.startswith("/vong/"):
            return self._send(302, "text/html", b"", location=f"/vong/{int(path[6:]) + 1}")
        if path == "/cham":
            self.server.stop.wait(10)  # never answers in time; released at teardown
            return self._send(200, "text/html", PAGE)
        if path == "/nho-giot":
            return self._drip()
        if path == "/qua-lon":
            return self._send(200, "text/html", b"<p>" * 10, length=50_000_000)
        if path == "/luong-lon":
            return self._stream_without_length(2_000_000)
        return self._send(404, "text/plain", b"not found")

    def _send(self, status, content_type, body, location=None, length=None):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)

    def _drip(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        for _ in range(200):  # one byte every 50 ms: each read is quick, the whole page never ends
            if self.server.stop.wait(0.05):
                return
            self.wfile.write(b"<")
            self.wfile.flush()

    def _stream_without_length(self, size):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Connection", "close")
        self.end_headers()
        for _ in range(size // 65536 + 1):
            self.wfile.write(b"a" * 65536)

    def log_message(self, *args):
        pass


class NewsServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address):
        pass  # the client hangs up on purpose (size and time limits); nothing to report


@pytest.fixture(scope="module")
def server():
    httpd = NewsServer(("127.0.0.1", 0), NewsHandler)
    httpd.seen, httpd.stop = [], threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.stop.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def local(server):
    server.seen.clear()
    return f"http://127.0.0.1:{server.server_port}"


@pytest.fixture
def public_host(server, monkeypatch):
    """Pretend every host name resolves to a public address; send its connections to the local server.

    Returns the list of addresses the code asked to connect to.
    """
    server.seen.clear()
    connected: list[str] = []
    monkeypatch.setattr(fetch_module, "resolve_host", lambda host, port: [PUBLIC_IP])

    def open_socket(address, port, timeout):
        connected.append(address)
        return socket.create_connection(("127.0.0.1", server.server_port), timeout)

    monkeypatch.setattr(fetch_module, "open_socket", open_socket)
    return connected


def settings(**limits) -> Settings:
    return Settings.from_env(environ={}, limits={"fetch_timeout_s": 5.0, **limits})


def reason_of(url, config) -> str:
    with pytest.raises(SourceError) as caught:
        text_from_url(url, config)
    return caught.value.reason


def test_a_news_page_gives_title_and_paragraphs_without_the_page_clutter(local, server):
    text = text_from_url(f"{local}/bai-bao.html", settings(allow_private_urls=True))
    assert text.split("\n\n") == [TITLE, *PARAGRAPHS]
    assert server.seen == [("/bai-bao.html", f"127.0.0.1:{server.server_port}")]


def test_a_plain_text_page_is_taken_as_it_is(local):
    assert text_from_url(f"{local}/ghi-chu.txt", settings(allow_private_urls=True)).split("\n\n") == [TITLE, *PARAGRAPHS]


def test_private_addresses_are_refused_by_default_and_nothing_is_sent(local, server):
    for url in (f"{local}/bai-bao.html", f"http://[::1]:{server.server_port}/bai-bao.html",
                f"http://localhost:{server.server_port}/bai-bao.html", f"http://2130706433:{server.server_port}/"):
        assert reason_of(url, settings()) == "blocked_address", url
    assert server.seen == []


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/menu.html", "no_article"), ("/anh.png", "unsupported_type"), ("/khong-co", "http_error"),
     ("/qua-lon", "too_large"), ("/luong-lon", "too_large")],
)
def test_pages_that_are_no_article_or_too_large(local, path, reason):
    assert reason_of(local + path, settings(allow_private_urls=True, max_upload_bytes=1_000_000)) == reason


@pytest.mark.parametrize("path", ["/cham", "/nho-giot"])
def test_the_deadline_covers_waiting_and_slow_downloads(local, path):
    # /nho-giot sends a byte every 50 ms: no single read times out, only the total deadline stops it.
    assert reason_of(local + path, settings(allow_private_urls=True, fetch_timeout_s=0.5)) == "timeout"


def test_redirects_are_followed_and_the_connection_goes_to_the_checked_address(public_host, server):
    text = text_from_url("http://tin.example/chuyen", settings())
    assert text.startswith(TITLE)
    assert [path for path, _ in server.seen] == ["/chuyen", "/bai-bao.html"]
    assert {host for _, host in server.seen} == {"tin.example"}  # Host header keeps the name
    assert public_host == [PUBLIC_IP, PUBLIC_IP]


@pytest.mark.parametrize(
    ("path", "reason"),
    [("/noi-bo", "blocked_address"), ("/metadata", "blocked_address"), ("/loopback", "blocked_address"),
     ("/tep", "bad_url"), ("/vong/0", "too_many_redirects")],
)
def test_every_redirect_is_checked_again(public_host, server, path, reason):
    assert reason_of(f"http://tin.example{path}", settings()) == reason
    assert set(public_host) == {PUBLIC_IP}  # nothing but the checked public address was connected to


def test_at_most_five_redirects_are_followed(public_host, server):
    with pytest.raises(FetchError):
        fetch("http://tin.example/vong/0", FetchPolicy(timeout_s=5))
    assert [path for path, _ in server.seen] == [f"/vong/{n}" for n in range(6)]


def test_a_second_dns_answer_cannot_swap_the_checked_address(public_host, monkeypatch):
    answers = iter([[PUBLIC_IP], ["127.0.0.1"], ["127.0.0.1"]])  # DNS rebinding: public, then loopback
    calls = []
    monkeypatch.setattr(fetch_module, "resolve_host", lambda host, port: calls.append(host) or next(answers))
    assert text_from_url("http://tin.example/bai-bao.html", settings()).startswith(TITLE)
    assert calls == ["tin.example"] and public_host == [PUBLIC_IP]


@pytest.mark.parametrize(
    "answers",
    [["10.0.0.5"], [PUBLIC_IP, "192.168.1.20"], ["169.254.169.254"], ["::ffff:127.0.0.1"], ["fd00:ec2::254"]],
)
def test_a_host_name_that_resolves_to_a_private_address_is_refused_before_connecting(monkeypatch, answers):
    monkeypatch.setattr(fetch_module, "resolve_host", lambda host, port: answers)
    monkeypatch.setattr(fetch_module, "open_socket", lambda *a: pytest.fail("connected to a refused address"))
    assert reason_of("https://bao-noi-bo.example/tin", settings()) == "blocked_address"


def test_allowing_private_addresses_still_refuses_cloud_metadata(monkeypatch):
    monkeypatch.setattr(fetch_module, "resolve_host", lambda host, port: ["169.254.169.254"])
    monkeypatch.setattr(fetch_module, "open_socket", lambda *a: pytest.fail("connected to a refused address"))
    assert reason_of("http://metadata.example/", settings(allow_private_urls=True)) == "blocked_address"


@pytest.mark.parametrize(
    ("address", "refused", "refused_when_private_allowed"),
    [
        ("127.0.0.1", True, False),
        ("10.20.30.40", True, False),
        ("172.16.5.4", True, False),
        ("192.168.1.1", True, False),
        ("100.64.0.1", True, False),          # carrier-grade NAT: not public
        ("169.254.10.10", True, False),       # link-local
        ("::1", True, False),
        ("fe80::1%eth0", True, False),
        ("fc00::7", True, False),
        ("::ffff:10.0.0.1", True, False),     # IPv4-mapped
        ("2002:7f00:1::", True, False),       # 6to4 around 127.0.0.1
        ("64:ff9b::a00:1", True, False),      # NAT64 around 10.0.0.1
        ("240.0.0.1", True, False),           # reserved
        ("169.254.169.254", True, True),      # cloud metadata: always refused
        ("fd00:ec2::254", True, True),
        ("0.0.0.0", True, True),
        ("::", True, True),
        ("224.0.0.1", True, True),            # multicast
        ("93.184.216.34", False, False),
        ("14.225.7.8", False, False),
        ("2606:4700:4700::1111", False, False),
    ],
)
def test_address_refusal(address, refused, refused_when_private_allowed):
    assert (address_refusal(address) is not None) is refused
    assert (address_refusal(address, allow_private=True) is not None) is refused_when_private_allowed


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://tin.example/bai.txt", "bad_url"),
        ("file:///etc/passwd", "bad_url"),
        ("gopher://tin.example:70/", "bad_url"),
        ("tin.example/bai", "bad_url"),
        ("http://nguoi:matkhau@tin.example/", "bad_url"),
        ("http://@tin.example/", "bad_url"),
        ("http://tin.example:99999/", "bad_url"),
        ("http:///bai", "bad_url"),
        ("http://localhost/", "blocked_address"),
        ("http://LOCALHOST./", "blocked_address"),
        ("http://quan-tri.localhost/", "blocked_address"),
    ],
)
def test_check_url_refuses_before_any_lookup(url, reason):
    with pytest.raises(FetchError) as caught:
        check_url(url)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("url", "host", "port", "path"),
    [
        ("https://Tin.Example/bai viết?id=1#binh-luan", "tin.example", 443, "/bai%20vi%E1%BA%BFt?id=1"),
        ("http://tin.example:8080", "tin.example", 8080, "/"),
        ("http://báo.vn/tin", "xn--bo-mia.vn", 80, "/tin"),
        ("http://[2606:4700::1111]/a", "2606:4700::1111", 80, "/a"),
    ],
)
def test_check_url_normalizes_what_is_sent(url, host, port, path):
    target = check_url(url)
    assert (target.host, target.port, target.path) == (host, port, path)


def test_a_www_link_without_scheme_is_fetched_over_https(monkeypatch):
    seen = []
    monkeypatch.setattr(fetch_module, "resolve_host", lambda host, port: seen.append((host, port)) or ["10.9.9.9"])
    assert reason_of("www.tin.example/bai", settings()) == "blocked_address"
    assert seen == [("www.tin.example", 443)]
