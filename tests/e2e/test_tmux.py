"""End to end: the installed `dateline` in a real terminal (tmux), read back
with capture-pane, driven with send-keys."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.hostile import SHOWN_HEADLINE, SHOWN_NAME, TEXTUAL_ACTION, write_hostile_corpus

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

    def quit(self) -> None:
        """Press q and wait for dateline to end (the session ends with it)."""
        self.send("q")
        deadline = time.monotonic() + TIMEOUT
        while self.is_running() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not self.is_running(), "dateline did not quit on q"


def start_terminal(tmp_path: Path, *arguments: str, go: Path | None = None) -> Terminal:
    """`dateline ARGUMENTS` in a fresh tmux server, its folders under `tmp_path`;
    with `go`, started only once that file exists (to attach pipe-pane first)."""
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
        f"{environment} {dateline_command()} {' '.join(shlex.quote(a) for a in arguments)}"
    )
    if go is not None:
        command = f"while [ ! -e {shlex.quote(str(go))} ]; do sleep 0.05; done; exec {command}"
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
    return term


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = start_terminal(tmp_path)
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

    terminal.quit()


def test_a_search_typed_as_the_list_appears_goes_into_the_search_box(
    terminal: Terminal,
) -> None:
    """Keys typed in the first moments, while Dateline is still busy, are
    handled in order: `/` opens the search box before `Holmes` is read."""
    deadline = time.monotonic() + TIMEOUT
    while "2 articles" not in terminal.screen():
        assert time.monotonic() < deadline, "the list did not appear"
        time.sleep(0.01)
    # tmux writes the keys to the terminal at once: a burst, as fast typing is.
    terminal.send("/Holmes")
    terminal.wait_for("2 of 2 articles match")
    deadline = time.monotonic() + TIMEOUT
    search_box = ""
    while "Holmes" not in search_box and time.monotonic() < deadline:
        time.sleep(0.1)
        screen = terminal.screen()
        search_box = "\n".join(line[:32] for line in screen.splitlines()[:5])
    assert "Holmes" in search_box, f"the search box did not get the keys:\n{screen}"
    assert "★" not in screen and "Starred" not in screen  # the `s` starred nothing
    terminal.send("Escape")  # out of the search box, so that q quits
    terminal.wait_for("2 articles · 2 unread")
    terminal.quit()


def test_hostile_text_leaves_the_terminal_alone(tmp_path: Path) -> None:
    """Control sequences and markup in the articles and a file name reach the
    screen as characters: the title, clipboard and screen stay Dateline's."""
    # A short path, so that the message naming the file fits on one line.
    corpus = write_hostile_corpus(Path(tempfile.mkdtemp(prefix="dl-")))
    go, raw = tmp_path / "go", tmp_path / "sent-to-the-terminal"
    terminal = start_terminal(tmp_path, str(corpus), go=go)
    try:
        # tmux acts on a clipboard write (OSC 52) by filling a paste buffer.
        terminal.tmux("set-option", "-g", "set-clipboard", "on")
        terminal.tmux("pipe-pane", "-t", "e2e", f"cat > {shlex.quote(str(raw))}")
        go.touch()
        terminal.wait_for("Line [bold red]Pwned[/] ␛]52;c;ZXZpbA==␇", "␛[2Jwill go")
        terminal.wait_for("Skipped", f"{SHOWN_NAME}.txt:")
        terminal.send("j")
        screen = terminal.wait_for(SHOWN_HEADLINE, "rang ␇␇ twice", TEXTUAL_ACTION)
        assert "Dateline" in screen  # the header: the screen was never cleared under it
        title = terminal.tmux("display-message", "-p", "-t", "e2e", "#{pane_title}").stdout
        assert "pwned" not in title
        assert terminal.tmux("list-buffers").stdout == ""
        terminal.quit()
    finally:
        terminal.tmux("kill-server", check=False)
        shutil.rmtree(corpus)
    sent = raw.read_bytes()
    assert "␛[2Jwill go".encode() in sent  # the capture did see the article
    for sequence in (b"\x1b]52", b"\x1b]2;pwned", b"\x1b]8;;https://evil", b"\x08", b"\xc2\x9b"):
        assert sequence not in sent
