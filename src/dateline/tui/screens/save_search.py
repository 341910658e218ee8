"""Naming a search to save it (ctrl+s in the search box): a small dialog with
one line to type the name in. Enter saves, escape goes back to the search."""

from __future__ import annotations

from collections.abc import Collection

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static


class SaveSearchScreen(ModalScreen[str | None]):
    """Asks for a name; dismissed with the name, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, query: str, names: Collection[str] = ()) -> None:
        super().__init__()
        self.query_text = query
        self.names = frozenset(names)

    def compose(self) -> ComposeResult:
        with Vertical(id="save-search-body") as body:
            body.border_title = "Save this search"
            body.border_subtitle = "enter saves · escape cancels"
            # The query is the reader's own text: shown as written, never markup.
            yield Static(
                Text(self.query_text, no_wrap=True, overflow="ellipsis"), id="save-search-query"
            )
            yield Input(placeholder="A name for it", id="save-search-name")
            yield Static(id="save-search-note")

    @on(Input.Changed, "#save-search-name")
    def _name_changed(self, event: Input.Changed) -> None:
        taken = event.value.strip() in self.names
        self._note("A saved search of this name is replaced." if taken else "")

    @on(Input.Submitted, "#save-search-name")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            self._note("Give the search a name, or escape to cancel.")
            return
        self.dismiss(name)

    def _note(self, text: str) -> None:
        self.query_one("#save-search-note", Static).update(Text(text))

    def action_cancel(self) -> None:
        self.dismiss(None)
