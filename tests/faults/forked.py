"""A child process made with `os.fork()` that reports to its parent through a pipe.

The fault tests fork rather than start a new interpreter: a fork costs a few
milliseconds where `python -c` costs a few hundred, and hundreds of kills are
affordable only at that price. The child inherits the parent's imported modules
(so it starts writing at once) but never its SQLite connections: each child
opens its own store after the fork, and leaves with `os._exit` so that nothing
of pytest's runs in it."""

from __future__ import annotations

import json
import os
import select
import signal
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

# A write to a pipe of at most PIPE_BUF bytes is atomic, so a child killed
# mid-message never leaves half a line; messages are cut to fit.
_MESSAGE_LIMIT = 3000


class Channel:
    """The child's end of the pipe: one JSON line a message."""

    __slots__ = ("_fd",)

    def __init__(self, fd: int) -> None:
        self._fd = fd

    def send(self, kind: str, payload: object = None) -> None:
        line = json.dumps([kind, payload], ensure_ascii=True)
        if len(line) > _MESSAGE_LIMIT:
            line = json.dumps([kind, repr(payload)[: _MESSAGE_LIMIT // 2]], ensure_ascii=True)
        os.write(self._fd, line.encode("ascii") + b"\n")


@dataclass(slots=True)
class Outcome:
    """What a child said before it ended, and how it ended."""

    messages: list[tuple[str, object]] = field(default_factory=list)
    killed: bool = False  # ended by our SIGKILL rather than on its own
    exit_code: int | None = None

    def kinds(self) -> list[str]:
        return [kind for kind, _ in self.messages]

    def payloads(self, kind: str) -> list[object]:
        return [payload for each, payload in self.messages if each == kind]

    @property
    def errors(self) -> list[str]:
        return [str(payload) for payload in self.payloads("error")]


class ForkedChild:
    """Runs `work(channel)` in a forked child; an exception in it is sent as an
    "error" message with its traceback and the child exits with 1."""

    def __init__(self, work: Callable[[Channel], None]) -> None:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: report through the pipe, never return to pytest
            os.close(read_fd)
            code = 0
            try:
                work(Channel(write_fd))
            except BaseException:
                code = 1
                try:
                    Channel(write_fd).send("error", traceback.format_exc()[-_MESSAGE_LIMIT // 2 :])
                except BaseException:
                    code = 2
            os._exit(code)
        os.close(write_fd)
        self.pid = pid
        self._read_fd = read_fd
        self._buffer = bytearray()

    def kill_after(self, delay: float) -> Outcome:
        """SIGKILL the child `delay` seconds from now (unless it ended first)."""
        time.sleep(delay)
        os.kill(self.pid, signal.SIGKILL)  # a child that already ended is a zombie: no error
        return self._finish()

    def wait(self, timeout: float) -> Outcome:
        """Wait for the child to end on its own, reading its messages meanwhile;
        kill it if it has not ended within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                os.kill(self.pid, signal.SIGKILL)
                break
            ready, _, _ = select.select([self._read_fd], [], [], remaining)
            if ready and not self._read_some():
                break  # end of the pipe: the child has gone
        return self._finish()

    def _read_some(self) -> bool:
        chunk = os.read(self._read_fd, 65536)
        self._buffer += chunk
        return bool(chunk)

    def _finish(self) -> Outcome:
        # The child is dead (or about to be) and the parent holds no write end,
        # so the pipe reaches its end once the child's writes are read.
        while self._read_some():
            pass
        os.close(self._read_fd)
        _, status = os.waitpid(self.pid, 0)
        outcome = Outcome()
        if os.WIFSIGNALED(status):
            outcome.killed = os.WTERMSIG(status) == signal.SIGKILL
        else:
            outcome.exit_code = os.waitstatus_to_exitcode(status)
        for line in self._buffer.splitlines():
            kind, payload = json.loads(line)
            outcome.messages.append((kind, payload))
        return outcome
