"""The reader pane: the cleaned article with its facts highlighted.

One Static per paragraph, so that scrolling to a fact is scrolling to its
paragraph. Article text only ever enters a `rich.text.Text` as plain
characters; styles are laid over spans, never parsed from the text."""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from dateline.facts.base import ArticleFacts, Mention
from dateline.facts.display import day
from dateline.facts.refs import FactRef, highlights, mentions_of
from dateline.model.article import Article
from dateline.themes import fact_style
from dateline.tui.widgets.coalesce import Coalesced

_HEADER = ("headline", "byline", "warnings", "credits")
# Paragraph widgets kept for reuse between articles.
POOL_KEPT = 64
NOTHING_TO_READ = "Nothing to read: no article is open. Pick one from the list with enter."


def search_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Words that begin with any search term, as the full-text index matches them."""
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


# Reverse video reads on every theme, and on top of a fact's own colour.
SEARCH_MATCH = Style(reverse=True, bold=True)


class ArticleReader(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("b,shift+space", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]

    article: reactive[Article | None] = reactive(None)
    facts: reactive[ArticleFacts | None] = reactive(None)
    selected_fact: reactive[FactRef | None] = reactive(None)
    search_terms: reactive[tuple[str, ...]] = reactive(())
    marked: reactive[Mention | None] = reactive(None)

    def __init__(self, *, empty_message: str = NOTHING_TO_READ, id: str | None = None) -> None:
        super().__init__(id=id)
        self.empty_message = empty_message
        self._paragraphs: list[Static] = []
        self._pool: list[Static] = []
        self._request_restyle = Coalesced(self, self._restyle)

    def set_empty_message(self, message: str) -> None:
        """What the pane says when no article is open."""
        if message != self.empty_message:
            self.empty_message = message
            if self.is_mounted:
                self.query_one(".reader-message", Static).update(Text(message))

    def compose(self) -> ComposeResult:
        yield Static(Text(self.empty_message), classes="reader-message")
        yield Static(classes="headline")
        yield Static(classes="byline")
        yield Static(classes="warnings")
        yield Static(classes="credits")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._request_restyle())
        self._show(self.article)

    def watch_article(self, article: Article | None) -> None:
        if self.is_mounted:
            self._show(article)

    def _show(self, article: Article | None) -> None:
        """Put `article` on screen. Synchronous, and paragraph widgets are
        reused, so a quick run of key presses can never interleave two
        articles' widgets."""
        message = self.query_one(".reader-message", Static)
        message.update(Text(self.empty_message))
        message.display = article is None
        header = {name: self.query_one(f".{name}", Static) for name in _HEADER}
        if article is None:
            for widget in header.values():
                widget.display = False
            self._resize_paragraphs(0)
            return
        warnings = "\n".join(f"⚠ {warning}" for warning in article.warnings)
        content = {
            "headline": self._headline(article),
            "byline": self._byline(article),
            "warnings": Text(warnings),
            "credits": self._credits(article),
        }
        for name, widget in header.items():
            widget.update(content[name])
            widget.display = bool(content[name].plain)
        self._resize_paragraphs(len(article.paragraphs))
        self._request_restyle()
        self.scroll_home(animate=False)

    def _resize_paragraphs(self, count: int) -> None:
        """Show `count` paragraph widgets. Spare ones are hidden, not removed:
        moving between articles of different lengths then never mounts or
        removes widgets, which costs a relayout each time."""
        pool = self._pool
        new = [Static(classes="paragraph") for _ in range(count - len(pool))]
        if new:
            self.mount_all(new)
            pool.extend(new)
        for index, widget in enumerate(pool):
            widget.display = index < count
        self._paragraphs = pool[:count]
        # Very long articles leave a large pool behind: let most of it go.
        if len(pool) > max(count, POOL_KEPT):
            for widget in pool[max(count, POOL_KEPT) :]:
                widget.remove()
            del pool[max(count, POOL_KEPT) :]

    def watch_facts(self) -> None:
        self._request_restyle()

    def watch_search_terms(self) -> None:
        self._request_restyle()

    def watch_marked(self, marked: Mention | None) -> None:
        self._request_restyle()
        if marked is not None:
            self.call_after_refresh(self._scroll_to_paragraph, marked.paragraph)

    def _scroll_to_paragraph(self, paragraph: int) -> None:
        if paragraph < len(self._paragraphs):
            self.scroll_to_center(self._paragraphs[paragraph], animate=False)

    def watch_selected_fact(self, fact: FactRef | None) -> None:
        self._request_restyle()
        if fact is not None:
            self.call_after_refresh(self._scroll_to_fact, fact)

    def _scroll_to_fact(self, fact: FactRef) -> None:
        if self.facts is None:
            return
        mentions = mentions_of(self.facts, fact)
        if mentions and mentions[0].paragraph < len(self._paragraphs):
            self.scroll_to_center(self._paragraphs[mentions[0].paragraph], animate=False)

    def _restyle(self) -> None:
        article = self.article
        if article is None or len(self._paragraphs) != len(article.paragraphs):
            return
        variables = self.app.theme_variables
        texts = [Text(paragraph) for paragraph in article.paragraphs]
        if self.facts is not None:
            styles: dict[tuple[str, bool], Style] = {}
            for kind, ref, mention in highlights(self.facts):
                if mention.paragraph >= len(texts):
                    continue
                selected = ref == self.selected_fact
                key = (kind, selected)
                if key not in styles:
                    styles[key] = fact_style(variables, kind, selected=selected)
                texts[mention.paragraph].stylize(styles[key], mention.start_char, mention.end_char)
        if self.search_terms:
            pattern = search_pattern(self.search_terms)
            for text in texts:
                text.highlight_regex(pattern, style=SEARCH_MATCH)
        if (marked := self.marked) is not None and marked.paragraph < len(texts):
            selected = fact_style(variables, "quote", selected=True)
            texts[marked.paragraph].stylize(selected, marked.start_char, marked.end_char)
        for widget, text in zip(self._paragraphs, texts, strict=True):
            widget.update(text)

    @staticmethod
    def _headline(article: Article) -> Text:
        return Text(article.title, style="bold")

    @staticmethod
    def _byline(article: Article) -> Text:
        parts = [day(article.date) if article.date else "date unknown"]
        parts.append(f"{article.word_count:,} words")
        parts.append(f"{article.reading_minutes} min read")
        if author := article.metadata.get("author"):
            parts.append(f"by {author}")
        if source := article.metadata.get("source"):
            parts.append(source)
        return Text(" · ".join(parts), style="dim")

    @staticmethod
    def _credits(article: Article) -> Text:
        lines = [*article.credits, *(f"Video: {caption}" for caption in article.captions)]
        return Text("\n".join(lines), style="italic")
