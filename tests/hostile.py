"""A corpus written to attack the terminal and the markup: control sequences,
Rich and Textual markup look-alikes, in the text, the metadata and a file name.
Used by tests/test_hostile_text.py (Pilot, export) and the tmux test."""

from __future__ import annotations

import json
from pathlib import Path

ESC, BEL, BS, CSI_C1 = "\x1b", "\x07", "\x08", "\x9b"

# Each would change the terminal's state if it reached it: clear the screen,
# set the title, write the clipboard (OSC 52), plant a link (OSC 8), ring.
CLEAR = f"{ESC}[2J"
TITLE = f"{ESC}]2;pwned-title{BEL}"
CLIPBOARD = f"{ESC}]52;c;ZXZpbA=={BEL}"
LINK = f"{ESC}]8;;https://evil.example{ESC}\\click here{ESC}]8;;{ESC}\\"
# Markup that Rich or Textual would act on if the text were parsed as markup.
RICH_TITLE = "[bold red]Pwned[/]"
RICH_LINK = "[link=https://evil.example]Evil[/link]"
TEXTUAL_ACTION = "[@click=app.quit]Click me[/]"
TEXTUAL_VARIABLE = "[$accent]accented[/]"

HEADLINE = f"{RICH_TITLE} headline {TITLE}"
AUTHOR = f"{RICH_LINK} Mallory"
PARAGRAPHS = [
    f"Kirklees Council said the strike {CLEAR}will go ahead on Friday, {CLIPBOARD}said"
    " Paul Holmes.",
    f"Mr {RICH_LINK} said: “{TEXTUAL_ACTION} is {TEXTUAL_VARIABLE}” and rang {BEL}{BEL} twice.",
    f"Backspaces{BS}{BS}{BS} and a C1 control {CSI_C1}2J and a link {LINK} end here.",
]
# What the reader shows for each paragraph: every control character as its
# Control Pictures stand-in (ESC as ␛, BEL as ␇, BS as ␈), C1 as U+FFFD.
SHOWN = [
    "Kirklees Council said the strike ␛[2Jwill go ahead on Friday, ␛]52;c;ZXZpbA==␇said Paul"
    " Holmes.",
    f"Mr {RICH_LINK} said: “{TEXTUAL_ACTION} is {TEXTUAL_VARIABLE}” and rang ␇␇ twice.",
    "Backspaces␈␈␈ and a C1 control \ufffd2J and a link ␛]8;;https://evil.example␛\\click here"
    "␛]8;;␛\\ end here.",
]
SHOWN_HEADLINE = f"{RICH_TITLE} headline ␛]2;pwned-title␇"
# A file name is untrusted too: it turns up in messages about the file.
HOSTILE_NAME = f"[@click=app.quit]{ESC}]2;pwned-name{BEL}"
SHOWN_NAME = "[@click=app.quit]␛]2;pwned-name␇"


def write_hostile_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    front = {"title": HEADLINE, "date": "2017-01-24", "author": AUTHOR, "source": TEXTUAL_ACTION}
    # JSON is YAML: the escapes survive the front matter as they are.
    (folder / "hostile.md").write_text(
        "---\n"
        + "\n".join(f"{key}: {json.dumps(value)}" for key, value in front.items())
        + "\n---\n\n"
        + "\n\n".join(PARAGRAPHS)
        + "\n",
        encoding="utf-8",
    )
    record = {
        "date": "2017-01-25",
        "title": f"Line {RICH_TITLE} {CLIPBOARD}",
        "text": PARAGRAPHS[0],
        f"key{ESC}[2J": f"value {TEXTUAL_ACTION}",
    }
    (folder / "hostile.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    # Empty, so that it is skipped with a message that names it.
    (folder / f"{HOSTILE_NAME}.txt").write_bytes(b"")
    return folder
