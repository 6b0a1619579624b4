"""Connections that hostile or old clients leave open: the API, Cognito and Lambda Invoke listeners close them (idle and read
timeouts, HTTP/1.0 without keep-alive), and a broken body is a 400, not a 413."""
import os
import socket
import time
import urllib.parse

import pytest

from emulator import Emulator, ROOT

IDLE = 1.5


@pytest.fixture(scope="module")
def short_idle():
    emulator = Emulator(os.path.join(ROOT, "serverless.yml"), extra_args=["--idle-timeout", str(IDLE)]).start()
    yield emulator
    emulator.stop()


def endpoints(emulator):
    api = urllib.parse.urlparse(emulator.api_url)
    cognito = urllib.parse.urlparse(emulator.cognito_url)
    invoke = urllib.parse.urlparse(emulator.ready["lambda"])
    return [(api.hostname, api.port, "/dev/user/nope"), (cognito.hostname, cognito.port, "/_emulate/health"),
            (invoke.hostname, invoke.port, "/2015-03-31/functions")]


def closed_within(host, port, data, seconds):
    """Sends `data`, then reads until the server closes; answers what was read, or fails after `seconds`."""
    with socket.create_connection((host, port), timeout=seconds) as connection:
        if data:
            connection.sendall(data)
        started = time.time()
        received = b""
        while True:
            try:
                chunk = connection.recv(65536)
            except socket.timeout:
                pytest.fail(f"still open after {time.time() - started:.1f}s (sent {data[:40]!r})")
            if not chunk:
                return received
            received += chunk


@pytest.mark.parametrize("data", [b"", b"GET /dev/user/lo", b"POST /dev/user/login HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"half\":"])
def test_silent_and_half_sent_requests_are_closed(short_idle, data):
    for host, port, _ in endpoints(short_idle):
        closed_within(host, port, data, IDLE * 4)


def test_an_idle_keep_alive_connection_is_closed_after_its_answer(short_idle):
    for host, port, path in endpoints(short_idle):
        answer = closed_within(host, port, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode(), IDLE * 4)
        assert answer.startswith(b"HTTP/1.1 "), answer


def test_http_1_0_without_keep_alive_is_closed_after_the_answer(short_idle):
    for host, port, path in endpoints(short_idle):
        started = time.time()
        answer = closed_within(host, port, f"GET {path} HTTP/1.0\r\nHost: x\r\n\r\n".encode(), IDLE * 4)
        assert answer.startswith(b"HTTP/1.") and time.time() - started < IDLE, answer


def test_broken_chunked_bodies_are_bad_requests(short_idle):
    for host, port, path in endpoints(short_idle):
        post_path = "/dev/user/login" if "/dev/" in path else "/2015-03-31/functions/signup/invocations" if "2015" in path else "/"
        data = f"POST {post_path} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nnot hex\r\n".encode()
        answer = closed_within(host, port, data, IDLE * 4)
        assert answer.startswith(b"HTTP/1.1 400"), answer
