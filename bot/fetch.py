"""Fetch one web page for tinbot without letting a link reach into the server's network.

A link pasted into the chat is fetched by the machine tinbot runs on, so a hostile link could make
it read ``http://169.254.169.254/`` (cloud credentials) or an admin page on ``127.0.0.1``
(server-side request forgery). Every hop is therefore checked the same way: http/https only, no
credentials in the URL, the host name resolved once, every address it resolves to checked, and
the connection made to that checked address, so a second DNS answer cannot swap it for a private
one (DNS rebinding). Redirects are followed by hand, at most five, each through the same checks.

Size and time are bounded too: the body is streamed and cut at the byte limit, and one deadline
covers connecting, waiting and reading, so a server that drips bytes cannot hold a worker.
The standard library's ``http.client`` is used on purpose: it never reads proxy variables and
never follows redirects on its own, so nothing happens that was not checked here.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
# Instance metadata services hand out cloud credentials; never a news page, so refused even when
# private addresses are allowed. AWS/GCP/Azure use 169.254.169.254, AWS IPv6 fd00:ec2::254.
METADATA_ADDRESSES = frozenset({ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")})
# NAT64 (RFC 6052) carries an IPv4 address in its last 32 bits; it is checked as that address.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_CHUNK = 64 * 1024
_HEADERS = {
    "User-Agent": "tinbot/0.1 (local news reader)",
    "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8",
    "Accept-Encoding": "identity",  # no gzip: the byte limit then bounds what is held in memory
}
# Characters kept as they are when a path is re-quoted; anything else (spaces, Vietnamese letters)
# is percent-encoded, as a browser does, because http.client refuses them raw.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~?"


class FetchError(Exception):
    """A link could not be fetched; ``reason`` is a short key, ``detail`` says what happened.

    Reasons: ``bad_url``, ``blocked_address``, ``unreachable``, ``timeout``, ``too_large``,
    ``http_error``, ``too_many_redirects``.
    """

    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason, self.detail = reason, detail


@dataclass(frozen=True)
class FetchPolicy:
    """What one fetch may do. ``max_bytes=None`` means no size limit (the deadline still holds)."""

    timeout_s: float = 10.0
    max_bytes: int | None = 10_000_000
    allow_private: bool = False
    max_redirects: int = MAX_REDIRECTS

    @classmethod
    def from_settings(cls, settings) -> "FetchPolicy":
        limits = settings.limits
        return cls(timeout_s=limits.fetch_timeout_s, max_bytes=limits.max_upload_bytes, allow_private=limits.allow_private_urls)


@dataclass(frozen=True)
class Target:
    """A checked URL, split into what a connection needs."""

    scheme: str
    host: str      # ASCII (IDNA) host name or IP literal, no brackets
    port: int
    path: str      # path and query, percent-encoded


@dataclass(frozen=True)
class Page:
    url: str                 # the final URL, after redirects
    content_type: str        # lower case, without parameters: "text/html"
    charset: str | None      # from the Content-Type header, if given
    body: bytes


def fetch(url: str, policy: FetchPolicy) -> Page:
    """GET ``url`` under ``policy``, following at most ``policy.max_redirects`` checked redirects."""
    deadline = time.monotonic() + policy.timeout_s
    for _ in range(policy.max_redirects + 1):
        target = check_url(url, policy.allow_private)
        addresses = checked_addresses(target.host, target.port, policy.allow_private)
        conn = _connect(target, addresses, deadline)
        sock = conn.sock  # http.client drops conn.sock once a "Connection: close" response arrives
        try:
            response = _send(conn, sock, target, deadline)
            if response.status in REDIRECT_STATUSES:
                location = response.getheader("Location")
                if not location:
                    raise FetchError("http_error", f"HTTP {response.status} without a Location header")
                url = urljoin(url, location.strip())
                continue
            if not 200 <= response.status < 300:
                raise FetchError("http_error", f"HTTP {response.status} {response.reason}")
            content_type, charset = _content_type(response.getheader("Content-Type", ""))
            return Page(url, content_type, charset, _read_body(response, sock, policy.max_bytes, deadline))
        finally:
            conn.close()
    raise FetchError("too_many_redirects", f"more than {policy.max_redirects} redirects")


def check_url(url: str, allow_private: bool = False) -> Target:
    """Refuse what is not a plain http(s) link to a named host; refuse localhost names early."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise FetchError("bad_url", f"not a valid link: {error}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError("bad_url", f"not a valid http(s) link: only http and https links are fetched, not {scheme or 'no scheme'!r}")
    if "@" in parts.netloc:
        raise FetchError("bad_url", "links with a user name or password are refused")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise FetchError("bad_url", "not a valid http(s) link: it has no host name")
    try:
        host = host.encode("idna").decode("ascii")  # báo.vn → xn--bo-... ; also rejects bad labels
    except UnicodeError:
        raise FetchError("bad_url", f"{host!r} is not a valid host name") from None
    # RFC 6761: localhost names are loopback whatever /etc/hosts says; refused before any lookup.
    if not allow_private and (host == "localhost" or host.endswith(".localhost")):
        raise FetchError("blocked_address", f"{host} is a loopback name")
    path = quote(parts.path or "/", safe=_PATH_SAFE) + (f"?{quote(parts.query, safe=_PATH_SAFE)}" if parts.query else "")
    return Target(scheme, host, port or (443 if scheme == "https" else 80), path)


def address_refusal(address: str, allow_private: bool = False) -> str | None:
    """Why a connection to ``address`` is refused (a few words), or ``None`` when it is allowed."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone id ("fe80::1%eth0")
    embedded = _embedded_ipv4(ip)
    if embedded is not None:
        return address_refusal(str(embedded), allow_private)
    if ip in METADATA_ADDRESSES:
        return "a cloud metadata address"
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_multicast:
        return "a multicast address"
    if allow_private:
        return None
    for label, flag in (("loopback", ip.is_loopback), ("link-local", ip.is_link_local),
                        ("private", ip.is_private), ("reserved", ip.is_reserved)):
        if flag:
            return f"a {label} address"
    return None if ip.is_global else "not a public address"


def _embedded_ipv4(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for (::ffff:a.b.c.d, 6to4, NAT64), if any."""
    if ip.version != 6:
        return None
    if ip.ipv4_mapped or ip.sixtofour:
        return ip.ipv4_mapped or ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to, in the resolver's order (IP literals resolve to themselves)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def checked_addresses(host: str, port: int, allow_private: bool) -> list[str]:
    """Resolve ``host`` once and check every answer: one bad address refuses the whole host."""
    addresses = _ip_literal(host) or _resolve(host, port)
    for address in addresses:
        refusal = address_refusal(address, allow_private)
        if refusal:
            raise FetchError("blocked_address", f"{host} resolves to {address}, {refusal}")
    return addresses


def _ip_literal(host: str) -> list[str]:
    """``[host]`` when it is an IP address: checked as written, never handed to a resolver."""
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        return []


def _resolve(host: str, port: int) -> list[str]:
    try:
        addresses = resolve_host(host, port)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError("unreachable", f"cannot resolve {host}: {error}") from None
    if not addresses:
        raise FetchError("unreachable", f"{host} has no address")
    return addresses


def open_socket(address: str, port: int, timeout: float) -> socket.socket:
    """Connect to one checked address (a seam: tests route it to their local server)."""
    return socket.create_connection((address, port), timeout)


def _connect(target: Target, addresses: list[str], deadline: float) -> http.client.HTTPConnection:
    """A connection to the first checked address that answers; TLS still verifies ``target.host``."""
    last: OSError | None = None
    for address in addresses:
        cls = http.client.HTTPSConnection if target.scheme == "https" else http.client.HTTPConnection
        conn = cls(target.host, target.port, timeout=_remaining(deadline))
        # http.client connects through this attribute; pinning it to the checked address keeps
        # the Host header and the TLS server name on the host name while no second lookup happens.
        conn._create_connection = lambda _addr, timeout, _source=None, a=address: open_socket(a, target.port, timeout)
        try:
            conn.connect()
            return conn
        except TimeoutError:
            conn.close()
            raise FetchError("timeout", f"connecting to {target.host} took too long") from None
        except OSError as error:
            conn.close()
            last = error
    raise FetchError("unreachable", f"cannot connect to {target.host}: {last}")


def _send(conn: http.client.HTTPConnection, sock: socket.socket, target: Target,
          deadline: float) -> http.client.HTTPResponse:
    try:
        sock.settimeout(_remaining(deadline))
        conn.request("GET", target.path, headers=_HEADERS)
        return conn.getresponse()
    except TimeoutError:
        raise FetchError("timeout", f"{target.host} did not answer in time") from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError("unreachable", f"{target.host}: {error}") from None


def _read_body(response: http.client.HTTPResponse, sock: socket.socket, max_bytes: int | None, deadline: float) -> bytes:
    """The body, streamed: stops as soon as it passes ``max_bytes`` or the deadline."""
    declared = response.getheader("Content-Length", "")
    if max_bytes is not None and declared.strip().isdigit() and int(declared) > max_bytes:
        raise FetchError("too_large", f"the page is {int(declared)} bytes, more than {max_bytes}")
    chunks, total = [], 0
    try:
        while True:
            sock.settimeout(_remaining(deadline))
            chunk = response.read1(_CHUNK)  # read1: at most one socket read, so the deadline is checked often
            if not chunk:
                return b"".join(chunks)
            total += len(chunk)
            if max_bytes is not None and total > max_bytes:
                raise FetchError("too_large", f"the page is more than {max_bytes} bytes")
            chunks.append(chunk)
    except TimeoutError:
        raise FetchError("timeout", "the page took too long to download") from None
    except (OSError, http.client.HTTPException) as error:
        raise FetchError("unreachable", f"the download broke off: {error}") from None


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError("timeout", "the time limit for this link ran out")
    return left


def _content_type(header: str) -> tuple[str, str | None]:
    kind, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"').lower()
    return kind.strip().lower(), charset
