"""The article list: date, headline and read marker, newest first.

An OptionList, not a ListView: it renders lines on demand and stays quick
with thousands of articles."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rich.text import Text
from textual import on
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from dateline.model.article import Article
from dateline.tui.messages import ArticleHighlighted, ArticleOpened

UNREAD_MARK = "●"
READ_MARK = " "


def article_prompt(article: Article, read: bool) -> Text:
    """Two lines: the marker and date, then the headline. Article text is
    untrusted, so it goes into a Text as plain characters, never markup."""
    date = article.date.isoformat() if article.date else "undated"
    prompt = Text(no_wrap=False, overflow="fold")
    prompt.append(READ_MARK if read else UNREAD_MARK, style="bold" if not read else "")
    prompt.append(f" {date}", style="dim")
    if article.warnings:
        prompt.append("  ⚠", style="dim")
    prompt.append("\n")
    prompt.append(article.title, style="" if read else "bold")
    return prompt


class ArticleList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
        # Page keys page the article being read, wherever the focus is.
        Binding("pagedown", "screen.reader_page(1)", "Scroll", show=False),
        Binding("pageup", "screen.reader_page(-1)", "Scroll up", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._articles: list[Article] = []
        self._read: set[str] = set()

    def show(self, articles: Sequence[Article], read: Iterable[str]) -> None:
        """Show `articles`, keeping the cursor on the same article where it can."""
        current = self.current_id
        self._articles = list(articles)
        self._read = set(read)
        self.set_options(
            Option(article_prompt(a, a.id in self._read), id=a.id) for a in self._articles
        )
        if not self._articles:
            return
        ids = [a.id for a in self._articles]
        self.highlighted = ids.index(current) if current in ids else 0

    @property
    def current_id(self) -> str | None:
        if self.highlighted is None or not self._articles:
            return None
        return self.get_option_at_index(self.highlighted).id

    def mark_read(self, article_id: str, read: bool = True) -> None:
        if read:
            self._read.add(article_id)
        else:
            self._read.discard(article_id)
        article = next((a for a in self._articles if a.id == article_id), None)
        if article is not None:
            self.replace_option_prompt(article_id, article_prompt(article, read))

    @on(OptionList.OptionHighlighted)
    def _report_highlight(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(ArticleHighlighted(event.option.id))

    @on(OptionList.OptionSelected)
    def _report_open(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(ArticleOpened(event.option.id))
