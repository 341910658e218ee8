"""Take web debris out of article text while keeping every sentence of the article.

Scraped articles carry the page around them: newsletter sign-up boxes, video
player labels, photo credits. They can stand anywhere, even inside the first
line, so each pattern is removed wherever it matches, not only as a whole
paragraph. What is metadata rather than debris (a photo credit, a video
caption) is kept apart instead of thrown away."""

from __future__ import annotations

import re
from dataclasses import dataclass

# The labels a video player leaves in the text, in the order they appear. Any
# run of two or more of them is debris; the caption, if the player had one,
# stands between "Video will play in" and "Share this video".
_VIDEO_LABELS = (
    r"Video Loading",
    r"Video Unavailable",
    r"Click to play",
    r"Tap to play",
    r"The video will start in(?:\s+\d+)?",
    r"Cancel",
    r"Play now",
    r"Watch this video again",
)
_LABEL = "(?:" + "|".join(_VIDEO_LABELS) + ")"
# A caption is a video's title: the seeds' is 71 characters. Bounding it keeps
# the search for "Share this video" near its opener: unbounded, every "Video
# will play in" without a closer scanned to the paragraph's end (time that grew
# with the square of the paragraph).
MAX_CAPTION_CHARS = 300
_VIDEO = re.compile(
    rf"{_LABEL}(?:\s+{_LABEL})+"
    rf"(?:\s+Video will play in\b(?P<caption>.{{0,{MAX_CAPTION_CHARS}}}?)\s*Share this video)?"
    r"(?:\s+Watch Next)?"
    rf"|Video will play in\b(?P<caption2>.{{0,{MAX_CAPTION_CHARS}}}?)\s*Share this video"
    r"(?:\s+Watch Next)?",
    re.DOTALL,
)

_NEWSLETTER = re.compile(
    r"Get (?:daily|weekly|the latest) (?:updates|news|headlines)[^+]{0,60}?\+\s*Subscribe"
    r"(?:\s+Thank you for subscribing!?)?"
    r"(?:\s+(?:We have more newsletters|See our privacy notice)[^!.]*[.!]?)*"
    r"(?:\s+Could not subscribe, try again later)?"
    r"(?:\s+Invalid Email)?"
    r"|Sign up (?:to|for) (?:our|the) (?:daily |weekly )?newsletters?[^.\n]{0,60}"
    r"|Thank you for subscribing!?(?:\s+Could not subscribe, try again later)?"
    r"(?:\s+Invalid Email)?",
    re.IGNORECASE,
)

# Whole paragraphs that are page furniture, never article text.
_FURNITURE = re.compile(
    r"(?:Advertisement|Read more|Related|Share this (?:article|story)|Follow us on \w+"
    r"|Comments?|Most read|Watch Next|Play video|Watch video)\s*:?",
    re.IGNORECASE,
)

# A paragraph that is only a video's title: "Video: The storm seen from the air".
_VIDEO_TITLE = re.compile(r"(?:Video|Watch)\s*:\s*(?P<caption>[^\n]{1,150}?)", re.IGNORECASE)

# "Photo: Jeffery Titcomb/REX/Shutterstock": a name, then agency segments.
_CREDIT = re.compile(
    r"\b(?:Photo(?:graph)?|Picture|Image)(?:\s+credit)?\s*:\s*"
    r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
    r"(?:\s*/\s*[A-Z][\w.&'’-]*(?:\s+(?:Images|Pictures|Photos|Press|Agency))?){1,4}"
)

_SPACES = re.compile(r"[ \t\u00a0]{2,}")


@dataclass(slots=True, frozen=True)
class CleanedText:
    paragraphs: tuple[str, ...]
    credits: tuple[str, ...]
    captions: tuple[str, ...]
    removed: int  # pieces of debris taken out, for the curious


def clean_paragraphs(raw: list[str]) -> CleanedText:
    paragraphs: list[str] = []
    credits: list[str] = []
    captions: list[str] = []
    removed = 0
    for text in raw:
        text, found = _take_credits(text)
        credits.extend(found)
        text, found, count = _take_video(text)
        captions.extend(found)
        removed += count
        text, count = _NEWSLETTER.subn(" ", text)
        removed += count
        text = _tidy(text)
        if not text:
            continue
        if _FURNITURE.fullmatch(text):
            removed += 1
            continue
        if (title := _VIDEO_TITLE.fullmatch(text)) and not text.endswith((".", "!", "?", "”", '"')):
            captions.append(title.group("caption"))
            removed += 1
            continue
        paragraphs.append(text)
    return CleanedText(tuple(paragraphs), tuple(credits), tuple(captions), removed)


def _take_credits(text: str) -> tuple[str, list[str]]:
    found = [m.group(0).strip() for m in _CREDIT.finditer(text)]
    if found:
        text = _CREDIT.sub(" ", text)
    return text, found


def _take_video(text: str) -> tuple[str, list[str], int]:
    captions: list[str] = []

    def keep_caption(match: re.Match[str]) -> str:
        caption = (match.group("caption") or match.group("caption2") or "").strip()
        if caption:
            captions.append(caption)
        return " "

    text, count = _VIDEO.subn(keep_caption, text)
    return text, captions, count


def _tidy(text: str) -> str:
    return _SPACES.sub(" ", text).strip()
