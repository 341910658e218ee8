"""The help screen: every key, grouped by where it works."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Everywhere",
        (
            ("tab / shift+tab", "Move to the next / previous pane"),
            ("space / pagedown", "Scroll the reader down a page"),
            ("b / pageup", "Scroll the reader up a page"),
            ("f", "Show or hide the facts sidebar"),
            ("/", "Search the articles (see Search below)"),
            ("n / N", "Next / previous unread article"),
            ("s", "Star or unstar the open article"),
            ("S", "The open article's story: timeline, who's who, figures, quotes"),
            ("v", "Group the list by story, or back to newest first"),
            ("o", "Open the article's link in the web browser"),
            ("y", "Copy the article's link"),
            ("r", "Fetch the feeds you follow, in the background"),
            ("t", "Next theme"),
            ("1 … 9", "Show saved search 1 … 9 (above the list)"),
            ("ctrl+p", "Palette: commands, saved searches, themes"),
            ("?", "This help"),
            ("q", "Quit"),
        ),
    ),
    (
        "Article list",
        (
            ("j / k, ↓ / ↑", "Next / previous article (shown in the reader)"),
            ("g / G, home / end", "First / last article"),
            ("ctrl+d / ctrl+u", "Down / up a page of articles"),
            ("enter", "Open the article: mark it read and move into the reader"),
        ),
    ),
    (
        "Reader",
        (
            ("j / k, ↓ / ↑", "Scroll a line"),
            ("g / G", "Top / bottom of the article"),
            ("] / [", "Next / previous part of a very long article"),
            ("escape", "Back to the article list"),
        ),
    ),
    (
        "Facts sidebar",
        (
            ("j / k, ↓ / ↑", "Next / previous fact: its mentions light up in the reader"),
            ("enter", "Go to the fact in the reader"),
            ("m", "List every article that mentions this person, organisation or place"),
            ("escape", "Clear the highlighted fact"),
        ),
    ),
    (
        "Story screen",
        (
            ("1 2 3 4, ← / →", "Timeline, who's who, figures, quotes"),
            ("j / k, ↓ / ↑", "Next / previous line"),
            ("enter", "Open the article at that sentence, highlighted"),
            ("escape", "Back to the reader"),
        ),
    ),
    (
        "Saved searches (above the list)",
        (
            ("enter", "Show the saved search's articles"),
            ("delete", "Delete the saved search"),
        ),
    ),
    (
        "Search",
        (
            ("words", "Articles with every word in the headline or text (word starts match)"),
            ("is:unread / is:starred", "Only unread / starred articles"),
            ("date:2017-01", "Published in a year, month or day; also FROM..TO"),
            ("after: / before:", "Published on or after / on or before a date"),
            ('who:"Paul Holmes"', "Articles whose facts name this person or body"),
            ('person:"Paul Holmes"', "Facts name a person with these words in the name"),
            ("org: / place:", "The same for organisations and places"),
            ("said:Holmes", "A quote by a speaker with this in the name"),
            ("quote:unlawful", "A quote with these words (with said: the same quote)"),
            ("money>1m", "A sum over £/$/€1m; money:>£500k in pounds; < >= <= ="),
            ("percent>20, count>100", "A percentage, a count; k, m, bn for thousands…"),
            ("on:2017-01-27", "Facts name a date in that day, month or year"),
            ("source:Gazette", "Articles from a site or feed whose name has this in it"),
            (
                'feed:"Calder Valley"',
                "Articles fetched from a feed with this in its title or address",
            ),
            ("enter", "Keep the search and go to the list"),
            ("ctrl+s", "Save the search under a name"),
            ("escape", "Clear the search"),
        ),
    ),
)


def keys_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", no_wrap=True)
    table.add_column()
    for index, (area, keys) in enumerate(KEYS):
        if index:
            table.add_row("", "")
        table.add_row("", Text(area, style="bold underline"))
        for key, meaning in keys:
            table.add_row(Text(key), Text(meaning))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body") as body:
            body.border_title = "Dateline keys"
            body.border_subtitle = "escape, q or ? closes"
            yield Static(keys_table())
