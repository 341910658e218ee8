"""The saved searches, above the article list: each with its number (the key
that runs it), its name and its count of unread articles. Enter (or a click)
runs one, delete removes it; the widget only reports what was chosen."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from dateline.store.state import SavedSearch
from dateline.tui.messages import SavedSearchChosen, SavedSearchDeleted

# Saved searches with a key of their own (1 to 9).
NUMBERED = 9


class SavedSearchList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("delete,backspace", "delete_search", "Delete saved search", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._searches: list[SavedSearch] = []
        self._shown: tuple[object, ...] | None = None

    def show(
        self,
        searches: Sequence[SavedSearch],
        unread: Mapping[str, int | None],
        active: str | None = None,
    ) -> None:
        """List `searches`, each with its count of unread articles (absent
        while counting, None when its query cannot be read), `active` (a
        query's text) marked as the search in the box."""
        shown = (tuple(searches), tuple(unread.get(s.name, -1) for s in searches), active)
        if shown == self._shown:
            return  # nothing to redraw
        self._shown = shown
        self._searches = list(searches)
        self.display = bool(searches)
        highlighted = self.highlighted
        self.set_options(
            Option(self._prompt(number, search, unread, active), id=search.name)
            for number, search in enumerate(searches, start=1)
        )
        if highlighted is not None and searches:
            self.highlighted = min(highlighted, len(searches) - 1)

    @staticmethod
    def _prompt(
        number: int, search: SavedSearch, unread: Mapping[str, int | None], active: str | None
    ) -> Text:
        line = Text(no_wrap=True, overflow="ellipsis")
        line.append(f"{number if number <= NUMBERED else ' '} ", style="dim")
        line.append(search.name, style="bold" if search.query == active else "")
        count = unread.get(search.name, -1)
        if count is None:
            line.append(" · cannot be read", style="italic")
        elif count < 0:
            line.append(" · …", style="dim")
        else:
            line.append(f" · {count:,} unread", style="dim")
        return line

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        search = self._searches[event.option_index]
        self.post_message(SavedSearchChosen(search.name, search.query))

    def action_delete_search(self) -> None:
        if self.highlighted is not None and self.highlighted < len(self._searches):
            self.post_message(SavedSearchDeleted(self._searches[self.highlighted].name))
