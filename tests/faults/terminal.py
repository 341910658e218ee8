"""The real `dateline` command in a pseudo-terminal of 120x40, for the tests
that kill it or run two at once.

A pty rather than tmux: the test needs the process itself (to SIGKILL it and
to read its exit code), and the output only has to show that the list was
painted, which a search of the raw bytes answers."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

ROWS, COLUMNS = 40, 120
_READ_CHUNK = 65536
# Control sequences, so that what is left can be searched for words.
_ESCAPES = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[@-Z\\-_])")
# Every message of the cache and the reading state starts with the file's
# path; the app shows it in a toast, which wraps long words, so the tests keep
# the path short enough for one line (see `short_home`).
STORE_MESSAGE = re.compile(r"/(library|state)\.sqlite3: .*")


def dateline_command() -> list[str]:
    """The installed `dateline` script beside this Python ([project.scripts])."""
    script = Path(sys.executable).with_name("dateline")
    assert script.exists(), "the dateline command is not installed: pip install -e '.[test]'"
    return [str(script)]


@contextlib.contextmanager
def short_home() -> Iterator[Path]:
    """A folder for Dateline's files with a path short enough that a message
    naming a file in it fits on one line of a toast (pytest's are too long)."""
    with tempfile.TemporaryDirectory(prefix="dl-") as folder:
        yield Path(folder)


def environment(home: Path) -> dict[str, str]:
    """Dateline's folders under `home` (config.py's DATELINE_*_DIR variables)."""
    env = dict(os.environ)
    # COLUMNS and LINES would override the pty's own size.
    for name in ("COLUMNS", "LINES", "NO_COLOR", "TEXTUAL"):
        env.pop(name, None)
    env.update(
        TERM="xterm-256color",
        TEXTUAL_ANIMATIONS="none",
        DATELINE_CONFIG_DIR=str(home / "config"),
        DATELINE_DATA_DIR=str(home / "data"),
        DATELINE_CACHE_DIR=str(home / "cache"),
    )
    return env


class Terminal:
    """One program running in its own pty; every byte it writes is kept."""

    def __init__(self, argv: Sequence[str], env: dict[str, str]) -> None:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
        self.master = master
        self.output = bytearray()
        self.closed = False
        self.process = subprocess.Popen(
            list(argv), stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
        )
        os.close(slave)

    def _read(self, timeout: float) -> None:
        if self.closed:
            time.sleep(max(0.0, timeout))
            return
        ready, _, _ = select.select([self.master], [], [], max(0.0, timeout))
        if not ready:
            return
        try:
            chunk = os.read(self.master, _READ_CHUNK)
        except OSError:  # EIO: the program has exited and closed its end
            chunk = b""
        if chunk:
            self.output += chunk
        else:
            self.closed = True

    def read_for(self, seconds: float) -> None:
        """Keep reading (so the program never blocks on a full pty) for `seconds`."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            self._read(remaining)

    def wait_for(self, pattern: bytes, timeout: float) -> bool:
        """Read until `pattern` (a regular expression) shows in the raw output."""
        marker = re.compile(pattern)
        deadline = time.monotonic() + timeout
        while not marker.search(self.output):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or self.closed:
                return bool(marker.search(self.output))
            self._read(remaining)
        return True

    def send(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def wait_exit(self, timeout: float) -> int | None:
        """The exit code once the program ends by itself, or None if it has
        not ended within `timeout` seconds (it is then killed)."""
        deadline = time.monotonic() + timeout
        while self.process.poll() is None and time.monotonic() < deadline:
            self._read(0.05)
        code = self.process.poll()
        self.close()
        return code

    def kill(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.close()

    def close(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()
        if self.master < 0:
            return
        # Whatever is left, then the pty itself.
        while not self.closed and select.select([self.master], [], [], 0)[0]:
            self._read(0)
        os.close(self.master)
        self.master = -1
        self.closed = True

    def text(self) -> str:
        """The output without control sequences, for searching for words."""
        return _ESCAPES.sub(b"", bytes(self.output)).decode("utf-8", "replace")

    def tail(self, characters: int = 1500) -> str:
        return self.text()[-characters:]

    def store_messages(self) -> list[str]:
        """The messages about the cache or the reading state that were shown."""
        return sorted({match.group(0).strip() for match in STORE_MESSAGE.finditer(self.text())})
