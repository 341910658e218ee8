"""The article list: read marker, date, source and headline, newest first.

A Line API widget with rows of fixed height, so a list of 100,000 articles
costs no more to draw or scroll than a list of ten: only the rows on screen
are ever rendered, and a row's place is its index times its height. Headlines
are plain text in a `Text`, never markup."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from dateline.model.listing import Entry
from dateline.tui.messages import ArticleHighlighted, ArticleOpened

UNREAD_MARK = "●"
READ_MARK = " "
STAR_MARK = "★"
WARNING_MARK = "⚠"
ROW_HEIGHT = 3  # the date line, then up to two lines of headline
_CACHE_ROWS = 512


class ArticleList(ScrollView, can_focus=True):
    BINDINGS = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("home,g", "first", "First", show=False),
        Binding("end,G", "last", "Last", show=False),
        Binding("ctrl+d", "page(1)", "Page down", show=False),
        Binding("ctrl+u", "page(-1)", "Page up", show=False),
        Binding("enter", "open", "Open", show=False),
        # Page keys page the article being read, wherever the focus is.
        Binding("pagedown", "screen.reader_page(1)", "Scroll", show=False),
        Binding("pageup", "screen.reader_page(-1)", "Scroll up", show=False),
    ]
    COMPONENT_CLASSES = {
        "article-list--row",
        "article-list--cursor",
        "article-list--date",
        "article-list--unread",
        "article-list--mark",
    }
    DEFAULT_CSS = """
    ArticleList > .article-list--cursor { background: $block-cursor-blurred-background; }
    ArticleList:focus > .article-list--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
    }
    ArticleList > .article-list--date { color: $text-muted; }
    ArticleList > .article-list--unread { text-style: bold; }
    ArticleList > .article-list--mark { color: $text-accent; }
    """

    # No repaint of its own: watch_cursor redraws the rows that changed.
    cursor: reactive[int | None] = reactive(None, always_update=True, repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: Sequence[Entry] = ()
        # Reading keys of the articles read and starred.
        self.read: Collection[str] = frozenset()
        self.starred: Collection[str] = frozenset()
        # Article id -> the number of its story, marked on the date line (§1).
        self.stories: dict[str, str] = {}
        self._strips: dict[tuple[object, ...], list[Strip]] = {}

    # --- Content -------------------------------------------------------------

    def show(
        self, entries: Sequence[Entry], read: Collection[str], starred: Collection[str]
    ) -> None:
        """Show `entries`, keeping the cursor on the same article where it can
        (or at the same place in the list when that article is gone)."""
        current = self.current
        self.entries = entries
        self.read = read
        self.starred = starred
        self.virtual_size = Size(0, len(entries) * ROW_HEIGHT)
        if not entries:
            self.set_reactive(ArticleList.cursor, None)
            self.refresh()
            return
        index = 0
        if current is not None:
            found = self._index_of(current.id)
            if found is not None:
                index = found
            elif self.cursor is not None:
                index = min(self.cursor, len(entries) - 1)
        if current is not None and index < len(entries) and entries[index].id == current.id:
            # Same article, new place: move without announcing a new article.
            self.set_reactive(ArticleList.cursor, index)
            self._scroll_to_cursor()
        else:
            self.cursor = index
        self.refresh()

    def _index_of(self, article_id: str) -> int | None:
        cursor = self.cursor
        # Most often the article is where the cursor is: no walk of the list.
        if (
            cursor is not None
            and cursor < len(self.entries)
            and self.entries[cursor].id == article_id
        ):
            return cursor
        for index, entry in enumerate(self.entries):
            if entry.id == article_id:
                return index
        return None

    @property
    def current(self) -> Entry | None:
        if self.cursor is None or not 0 <= self.cursor < len(self.entries):
            return None
        return self.entries[self.cursor]

    @property
    def current_id(self) -> str | None:
        entry = self.current
        return None if entry is None else entry.id

    def refresh_article(self, article_id: str) -> None:
        """Redraw one article's row (its read or starred mark changed)."""
        for index in range(*self._visible_rows()):
            if self.entries[index].id == article_id:
                self._refresh_row(index)

    def _refresh_row(self, index: int) -> None:
        self.refresh_lines(index * ROW_HEIGHT - int(self.scroll_y), ROW_HEIGHT)

    def select(self, article_id: str) -> bool:
        """Put the cursor on an article, if it is in the list."""
        index = self._index_of(article_id)
        if index is not None:
            self.cursor = index
        return index is not None

    # --- Cursor --------------------------------------------------------------

    def validate_cursor(self, cursor: int | None) -> int | None:
        if cursor is None or not self.entries:
            return None
        return max(0, min(cursor, len(self.entries) - 1))

    def watch_cursor(self, old: int | None, new: int | None) -> None:
        scrolled_from = self.scroll_y
        self._scroll_to_cursor()
        if old is None or new is None or self.scroll_y != scrolled_from:
            self.refresh()
        else:
            # Only the rows the cursor left and reached: a full refresh
            # re-rendered every row on screen on each key press.
            self._refresh_row(old)
            self._refresh_row(new)
        if new is not None:
            self.post_message(ArticleHighlighted(self.entries[new].id))

    def _scroll_to_cursor(self) -> None:
        if self.cursor is None or not self.is_mounted:
            return
        region = Region(0, self.cursor * ROW_HEIGHT, 1, ROW_HEIGHT)
        self.scroll_to_region(region, animate=False, force=True, immediate=True)

    def _visible_rows(self) -> tuple[int, int]:
        first = int(self.scroll_y) // ROW_HEIGHT
        last = (int(self.scroll_y) + self.scrollable_content_region.height) // ROW_HEIGHT + 1
        return first, min(last, len(self.entries))

    def action_cursor_down(self) -> None:
        if self.entries:
            self.cursor = 0 if self.cursor is None else min(self.cursor + 1, len(self.entries) - 1)

    def action_cursor_up(self) -> None:
        if self.entries:
            self.cursor = 0 if self.cursor is None else max(self.cursor - 1, 0)

    def action_first(self) -> None:
        if self.entries:
            self.cursor = 0

    def action_last(self) -> None:
        if self.entries:
            self.cursor = len(self.entries) - 1

    def action_page(self, direction: int) -> None:
        if self.entries:
            rows = max(1, self.scrollable_content_region.height // ROW_HEIGHT)
            self.cursor = (self.cursor or 0) + direction * rows

    def action_open(self) -> None:
        if (entry := self.current) is not None:
            self.post_message(ArticleOpened(entry.id))

    def next_unread(self, direction: int) -> bool:
        """Move to the next (1) or previous (-1) unread article; False if none."""
        if not self.entries:
            return False
        start = self.cursor if self.cursor is not None else -direction
        index = start + direction
        while 0 <= index < len(self.entries):
            if self.entries[index].reading_key not in self.read:
                self.cursor = index
                return True
            index += direction
        return False

    async def _on_click(self, event: events.Click) -> None:
        row = event.style.meta.get("row")
        if row is not None and row < len(self.entries):
            self.focus()
            self.cursor = row
            if event.chain > 1:
                self.post_message(ArticleOpened(self.entries[row].id))

    # --- Rendering -----------------------------------------------------------

    def on_resize(self) -> None:
        self._strips.clear()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        line = int(self.scroll_y) + y
        index, part = divmod(line, ROW_HEIGHT)
        base = self.get_component_rich_style("article-list--row")
        if index >= len(self.entries):
            return Strip.blank(width, base)
        entry = self.entries[index]
        row_style = base
        if index == self.cursor:
            row_style = base + self.get_component_rich_style("article-list--cursor")
        strip = self._row_strips(entry, width)[part]
        return strip.apply_style(row_style).apply_meta({"row": index})

    def _row_strips(self, entry: Entry, width: int) -> list[Strip]:
        """The row's lines rendered to the list's width, kept while the row's
        marks are unchanged: scrolling redraws rows, it need not re-render them."""
        key = (
            entry.rowid,
            width,
            entry.reading_key in self.read,
            entry.reading_key in self.starred,
            self.stories.get(entry.id),
        )
        strips = self._strips.get(key)
        if strips is None:
            console = self.app.console
            lines = self.row_lines(entry, width)
            strips = [
                Strip(list(lines[part].render(console)) if part < len(lines) else []).crop_extend(
                    0, width, None
                )
                for part in range(ROW_HEIGHT)
            ]
            if len(self._strips) > _CACHE_ROWS:
                self._strips.clear()
            self._strips[key] = strips
        return strips

    def row_lines(self, entry: Entry, width: int) -> list[Text]:
        """The row's lines: marks and date, then the headline in at most two
        lines. Not cached: `_row_strips` keeps what they render to."""
        read = entry.reading_key in self.read
        starred = entry.reading_key in self.starred
        date_style = self.get_component_rich_style("article-list--date")
        mark_style = self.get_component_rich_style("article-list--mark")
        unread_style = Style() if read else self.get_component_rich_style("article-list--unread")
        first = Text(no_wrap=True, overflow="ellipsis")
        first.append(" ")
        first.append(READ_MARK if read else UNREAD_MARK, style=unread_style + mark_style)
        first.append(f" {entry.date or 'undated'}", style=date_style)
        if starred:
            first.append(f" {STAR_MARK}", style=mark_style)
        if (story := self.stories.get(entry.id)) is not None:
            first.append(f" §{story}", style=date_style)
        if entry.warned:
            first.append(f" {WARNING_MARK}", style=date_style)
        if entry.source:  # the site or feed, where the file named one, cut to fit
            source = Text(f" · {entry.source}", style=date_style)
            source.truncate(max(width - first.cell_len, 0), overflow="ellipsis")
            first.append_text(source)
        title_width = max(width - 3, 1)
        wrapped = list(Text(entry.title, style=unread_style).wrap(self.app.console, title_width))
        for line in wrapped:
            line.rstrip()
        if len(wrapped) > ROW_HEIGHT - 1:
            wrapped = [
                *wrapped[: ROW_HEIGHT - 2],
                _with_ellipsis(wrapped[ROW_HEIGHT - 2], title_width),
            ]
        return [first, *(Text("  ").append_text(line) for line in wrapped)]


def _with_ellipsis(line: Text, width: int) -> Text:
    """The last visible line of a headline that goes on: end it with an ellipsis."""
    line = line.copy()
    line.rstrip()
    line.truncate(max(width - 1, 0))
    line.append("…")
    return line
