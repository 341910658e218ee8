"""Tests of web pages, feeds and fetching. No test reaches any address but
127.0.0.1: the HTTP server listens there, a name under `.invalid` fails as
DNS would (without asking a resolver: RFC 6761 reserves it, but the system's
resolver would still send the question out), and any other name or address
a test tries fails it. Proxies from the environment are set aside."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "sources"
LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


@pytest.fixture(scope="session")
def httpserver_listen_address() -> tuple[str, int]:
    return ("127.0.0.1", 0)


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    for variable in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY"):
        monkeypatch.delenv(variable, raising=False)
        monkeypatch.delenv(variable.lower(), raising=False)
    reached: list[str] = []
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect

    def getaddrinfo(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        name = host.decode() if isinstance(host, bytes) else str(host)
        if name.rstrip(".").endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if name not in LOOPBACK:
            reached.append(name)
            raise socket.gaierror(socket.EAI_NONAME, f"tests reach only 127.0.0.1, not {name}")
        return real_getaddrinfo(host, *args, **kwargs)

    def connect(self, address):  # type: ignore[no-untyped-def]
        if isinstance(address, tuple) and address[0] not in LOOPBACK:
            reached.append(str(address[0]))
            raise ConnectionRefusedError(f"tests reach only 127.0.0.1, not {address[0]}")
        return real_connect(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    yield reached
    assert reached == [], f"a test tried to reach {reached}"


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()
