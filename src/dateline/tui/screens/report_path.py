"""Where to write a story's report: one line, filled in with a sensible
place, so that enter alone writes it and escape writes nothing."""

from __future__ import annotations

import re
from pathlib import Path

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

_NOT_IN_NAMES = re.compile(r"[^a-z0-9]+")


def report_file_name(title: str) -> str:
    """`story-council-has-threatened-to-take-legal-action.html` from a headline:
    only letters, digits and dashes, whatever the headline holds."""
    slug = _NOT_IN_NAMES.sub("-", title.casefold()).strip("-")[:60].rstrip("-")
    return f"story-{slug or 'report'}.html"


class ReportPathScreen(ModalScreen[Path | None]):
    """Asks for the report's file, the current folder's offered."""

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]
    AUTO_FOCUS = "#report-path"

    def __init__(self, suggested: Path) -> None:
        super().__init__()
        self.suggested = suggested

    def compose(self) -> ComposeResult:
        with Vertical(id="report-path-body") as body:
            body.border_title = "Report this story"
            body.border_subtitle = "enter writes · escape cancels"
            yield Static(
                Text("The report's file: .html for one web page, .md for Markdown."),
                id="report-path-hint",
            )
            yield Input(str(self.suggested), id="report-path")

    @on(Input.Submitted, "#report-path")
    def _chosen(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else None)
