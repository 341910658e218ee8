"""End to end: the installed `dateline` in a real terminal (tmux), read back
with capture-pane, driven with send-keys."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

WIDTH, HEIGHT = 120, 40
TIMEOUT = 30.0


def dateline_command() -> str:
    beside_python = Path(sys.executable).with_name("dateline")
    found = str(beside_python) if beside_python.exists() else shutil.which("dateline")
    assert found, "the dateline command is not installed: pip install -e '.[test]'"
    return found


class Terminal:
    def __init__(self, socket: str) -> None:
        self.socket = socket

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check
        )

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e").stdout

    def wait_for(self, *texts: str) -> str:
        deadline = time.monotonic() + TIMEOUT
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.1)
        pytest.fail(f"{texts!r} did not appear within {TIMEOUT:.0f}s; the screen was:\n{screen}")

    def send(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", "e2e", *keys)

    def is_running(self) -> bool:
        return self.tmux("has-session", "-t", "e2e", check=False).returncode == 0


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    assert shutil.which("tmux"), (
        "tmux is not installed: .ci/setup installs it (apt-get install tmux)"
    )
    term = Terminal(f"dateline-e2e-{uuid.uuid4().hex[:8]}")
    environment = " ".join(
        f"{name}={tmp_path / folder}"
        for name, folder in (
            ("DATELINE_DATA_DIR", "data"),
            ("DATELINE_CONFIG_DIR", "config"),
            ("DATELINE_CACHE_DIR", "cache"),
        )
    )
    # COLUMNS and LINES, if the test runner set them, would override the
    # terminal's real size in shutil.get_terminal_size.
    command = (
        "env -u COLUMNS -u LINES TERM=xterm-256color TEXTUAL_ANIMATIONS=none "
        f"{environment} {dateline_command()}"
    )
    term.tmux(
        "-f",
        "/dev/null",
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        str(WIDTH),
        "-y",
        str(HEIGHT),
        command,
    )
    try:
        yield term
    finally:
        term.tmux("kill-server", check=False)


def test_read_both_seed_articles_and_quit(terminal: Terminal) -> None:
    screen = terminal.wait_for(
        "This week’s children’s services",
        "Council has threatened to",
        "2 articles · 2 unread",
    )
    # The newest article is open, its facts in the sidebar.
    terminal.wait_for("Tue 24 Jan 2017", "Paul Holmes", "this Friday → Fri 27 Jan 2017")
    assert "Get daily updates" not in screen

    terminal.send("j")
    screen = terminal.wait_for("Wed 18 Jan 2017", "4pm yesterday")
    assert "A council has threatened to take legal action" in screen

    terminal.send("q")
    deadline = time.monotonic() + TIMEOUT
    while terminal.is_running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not terminal.is_running(), "dateline did not quit on q"
