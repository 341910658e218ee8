"""Article text is untrusted: make control characters visible, never live.

A terminal acts on ESC, BEL, backspace and the C1 controls; shown raw they
could clear the screen, write the clipboard (OSC 52) or plant links. Each is
replaced by a visible stand-in so the reader sees that something was there."""

from __future__ import annotations

import re

# C0 controls other than tab and newline, DEL, and the C1 range.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
# Bidirectional overrides and isolates can reorder what is shown on screen.
_BIDI = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC shows as ␛
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def make_inert(text: str) -> tuple[str, int]:
    """The text with every control character made visible, and how many there were."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, controls = _CONTROL.subn(_visible, text)
    text, bidi = _BIDI.subn("", text)
    return text, controls + bidi


# Characters that take no room and mean nothing in news text, but split words
# for search and for the extractors ("Kirk\u200blees"): zero-width space, word
# joiner, a byte-order mark inside the text, soft hyphen. Zero-width joiners
# and non-joiners stay: emoji sequences and several scripts need them.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")


def strip_invisible(text: str) -> tuple[str, int]:
    """The text without invisible characters that split words, and how many there were."""
    return _INVISIBLE.subn("", text)


def inert(text: str) -> str:
    """`make_inert` for text shown once, such as a file name in a message."""
    return make_inert(text)[0]
