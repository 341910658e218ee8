"""The reader pane: the cleaned article with its facts highlighted.

The text of the part on screen is one Static, its blocks a blank line apart:
a widget per paragraph made each key press restyle, lay out and render a
dozen or more widgets (and 50,000 of them took minutes to mount). Scrolling to
a fact is scrolling to the line its block starts on, from the blocks' wrapped
heights. Article text only ever enters a `rich.text.Text` as plain
characters; styles are laid over spans, never parsed from the text.

One Static holding 20 MB takes long to wrap, all on the UI thread, so the
article is shown as blocks, and the blocks in parts:

- a block is a whole paragraph, or a piece of one longer than `SPLIT_CHARS`,
  cut after a sentence or a space; the pieces of a paragraph stand with no
  gap between them, so they read as one;
- a part is at most `PART_BLOCKS` blocks and `PART_CHARS` characters. A line at
  the top of each part and at its foot says where it stands and which key
  turns to the next (`]`, or space at the foot) or the one before (`[`); `g`
  and `G` go to the article's start and end, and a fact is shown in whatever
  part holds it.

An ordinary article is one part of whole paragraphs, and shows as before."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.reactive import reactive
from textual.widgets import Static

from dateline.facts.base import ArticleFacts, Mention
from dateline.facts.display import day
from dateline.facts.refs import FactRef, highlights, mentions_of
from dateline.model.article import Article, reading_minutes
from dateline.themes import fact_style
from dateline.tui.widgets.coalesce import Coalesced

_HEADER = ("headline", "byline", "warnings", "credits")
NOTHING_TO_READ = "Nothing to read: no article is open. Pick one from the list with enter."
# A title from the file can be anything: past this, it would push the text
# off the first screen (10,000 characters fill 200 lines).
MAX_TITLE_SHOWN = 400
# A paragraph longer than this is shown in pieces (see the module's docstring).
SPLIT_CHARS = 20_000
# The most blocks, and characters, shown at once.
PART_BLOCKS = 500
PART_CHARS = 150_000
# Where a piece of a long paragraph may end: after a sentence, else after a space.
_SENTENCE_END = re.compile(r"[.!?][”\"’')\]]*\s+")


@dataclass(slots=True, frozen=True)
class Block:
    """A paragraph, or a piece of one: `paragraphs[paragraph][start:end]`."""

    paragraph: int
    start: int
    end: int
    # The paragraph goes on in the next block: no gap after this one.
    continued: bool = False


def _block_key(block: Block) -> tuple[int, int]:
    return (block.paragraph, block.start)


def display_blocks(paragraphs: Sequence[str], limit: int = SPLIT_CHARS) -> list[Block]:
    """The article's paragraphs as blocks of at most `limit` characters."""
    blocks: list[Block] = []
    for index, text in enumerate(paragraphs):
        start = 0
        while len(text) - start > limit:
            end = _piece_end(text, start, limit)
            blocks.append(Block(index, start, end, continued=True))
            start = end
        blocks.append(Block(index, start, len(text)))
    return blocks


def _piece_end(text: str, start: int, limit: int) -> int:
    """Where a piece of `text` from `start` ends: after the last sentence that
    ends in its second half, else after its last space, else at `limit`
    characters (a run of that many without a space)."""
    stop = start + limit
    ends = [m.end() for m in _SENTENCE_END.finditer(text, start + limit // 2, stop)]
    if ends:
        return ends[-1]
    space = text.rfind(" ", start + 1, stop)
    return space + 1 if space > start else stop


def plan_parts(
    blocks: Sequence[Block], max_blocks: int = PART_BLOCKS, max_chars: int = PART_CHARS
) -> list[int]:
    """The index of each part's first block: a new part begins when the next
    block would take the part past `max_blocks` blocks or `max_chars` characters."""
    starts = [0]
    count = chars = 0
    for index, block in enumerate(blocks):
        size = block.end - block.start
        if count and (count >= max_blocks or chars + size > max_chars):
            starts.append(index)
            count = chars = 0
        count += 1
        chars += size
    return starts


def search_pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """Words that begin with any search term, as the full-text index matches them."""
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\w*", re.IGNORECASE)


# Reverse video reads on every theme, and on top of a fact's own colour.
SEARCH_MATCH = Style(reverse=True, bold=True)

Highlight = tuple[str, FactRef, Mention]


class ArticleReader(VerticalScroll, can_focus=True):
    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
        Binding("space", "read_on", "Page down", show=False),
        Binding("b,shift+space", "read_back", "Page up", show=False),
        Binding("g,home", "article_start", "Top", show=False),
        Binding("G,end", "article_end", "Bottom", show=False),
        Binding("right_square_bracket", "next_part", "Next part", show=False),
        Binding("left_square_bracket", "previous_part", "Previous part", show=False),
    ]

    # The child widgets repaint what changes, not the whole pane.
    article: reactive[Article | None] = reactive(None, repaint=False)
    facts: reactive[ArticleFacts | None] = reactive(None, repaint=False)
    selected_fact: reactive[FactRef | None] = reactive(None, repaint=False)
    search_terms: reactive[tuple[str, ...]] = reactive((), repaint=False)
    marked: reactive[Mention | None] = reactive(None, repaint=False)

    def __init__(self, *, empty_message: str = NOTHING_TO_READ, id: str | None = None) -> None:
        super().__init__(id=id)
        self.empty_message = empty_message
        self._blocks: list[Block] = []
        # The part on screen's blocks as shown (styled), and where each starts
        # in the text's lines at a width: (width, first lines).
        self._shown: list[Text] = []
        self._tops: tuple[int, list[int]] | None = None
        # The first block of each part, and the part on screen.
        self._part_starts: list[int] = [0]
        self._part = 0
        # The facts' highlights by paragraph, for the facts they were made from.
        self._highlights: tuple[ArticleFacts, dict[int, list[Highlight]]] | None = None
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
        # These two show only for an article in parts.
        yield Static(classes="part-note part-top")
        yield Static(classes="article-text")
        yield Static(classes="part-note part-foot")

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._request_restyle())
        # The part notes start hidden, a line apart from the text (app.tcss).
        self._show(self.article)

    def watch_article(self, article: Article | None) -> None:
        if self.is_mounted:
            self._show(article)

    # --- Putting the article on screen ---------------------------------------

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
            self._blocks = []
            self._part_starts = [0]
            self._show_part(0)
            return
        content = {
            "headline": self._headline(article),
            "byline": self._byline(article),
            "warnings": self._warnings(article, self.facts),
            "credits": self._credits(article),
        }
        for name, widget in header.items():
            widget.update(content[name])
            widget.display = bool(content[name].plain)
        self._blocks = display_blocks(article.paragraphs)
        self._part_starts = plan_parts(self._blocks)
        self._show_part(0)
        # At once: the top is the top whatever the new layout; deferred, the
        # scroll came a frame later and painted the pane a second time.
        self.scroll_home(animate=False, immediate=True)

    @property
    def _part_range(self) -> tuple[int, int]:
        """The blocks of the part on screen: first, and one past the last."""
        starts = self._part_starts
        end = starts[self._part + 1] if self._part + 1 < len(starts) else len(self._blocks)
        return starts[self._part], end

    def _show_part(self, part: int) -> None:
        self._part = part
        self._show_part_notes()
        self._request_restyle()

    def _show_part_notes(self) -> None:
        top = self.query_one(".part-top", Static)
        foot = self.query_one(".part-foot", Static)
        parts = len(self._part_starts)
        top.display = parts > 1
        foot.display = self._part + 1 < parts
        if parts == 1:
            return
        first, end = self._part_range
        number = self._part + 1
        top.update(
            Text(
                f"Part {number:,} of {parts:,}: {self._describe(first, end)}. The article is"
                " too long to show at once. ] next part · [ part before · G end · g start",
                style="dim italic",
            )
        )
        if foot.display:
            following = self._part_starts[self._part + 2] if number + 1 < parts else None
            rest = self._describe(end, len(self._blocks) if following is None else following)
            foot.update(
                Text(
                    f"End of part {number:,} of {parts:,}. ] or space: part {number + 1:,},"
                    f" {rest}.",
                    style="dim italic",
                )
            )

    def _describe(self, first: int, end: int) -> str:
        """Where blocks `first` to `end` (exclusive) stand in the article."""
        article = self.article
        if article is None or first >= end:
            return "empty"
        start, last = self._blocks[first], self._blocks[end - 1]
        if len(article.paragraphs) == 1:
            size = len(article.paragraphs[0])
            return f"characters {start.start + 1:,}–{last.end:,} of {size:,}"
        count = len(article.paragraphs)
        if start.paragraph == last.paragraph:
            where = f"paragraph {start.paragraph + 1:,} of {count:,}"
        else:
            where = f"paragraphs {start.paragraph + 1:,}–{last.paragraph + 1:,} of {count:,}"
        if start.start > 0 or last.continued:
            where += " (in part)"
        return where

    # --- Keys -------------------------------------------------------------------

    def action_scroll_down(self) -> None:
        self._scroll_lines(1)

    def action_scroll_up(self) -> None:
        self._scroll_lines(-1)

    def _scroll_lines(self, lines: int) -> None:
        # At once: Textual's own line scroll waits for the next refresh and
        # counts from where that refresh will leave the pane, so three `j`s
        # read together scrolled one line.
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_to(y=self.scroll_y + lines, animate=False, immediate=True)

    def action_read_on(self) -> None:
        """A page down; at the foot of a part, the next part."""
        if self.scroll_y >= self.max_scroll_y and self._part + 1 < len(self._part_starts):
            self._turn_to(self._part + 1)
        else:
            self.action_page_down()

    def action_read_back(self) -> None:
        """A page up; at the top of a part, the end of the part before."""
        if self.scroll_y <= 0 and self._part > 0:
            self._turn_to(self._part - 1, at_end=True)
        else:
            self.action_page_up()

    def action_next_part(self) -> None:
        if self._part + 1 < len(self._part_starts):
            self._turn_to(self._part + 1)

    def action_previous_part(self) -> None:
        if self._part > 0:
            self._turn_to(self._part - 1)

    def action_article_start(self) -> None:
        if self._part != 0:
            self._turn_to(0)
        else:
            self.action_scroll_home()

    def action_article_end(self) -> None:
        last = len(self._part_starts) - 1
        if self._part != last:
            self._turn_to(last, at_end=True)
        else:
            self.action_scroll_end()

    def _turn_to(self, part: int, *, at_end: bool = False) -> None:
        self._show_part(part)
        if at_end:
            # Once the new part is laid out: before, its height is the old one's.
            self.call_after_refresh(self.scroll_end, animate=False)
        else:
            self.scroll_home(animate=False)

    # --- Facts, marks and search ------------------------------------------------

    def watch_facts(self, facts: ArticleFacts | None) -> None:
        if self.is_mounted and self.article is not None:
            warnings = self._warnings(self.article, facts)
            widget = self.query_one(".warnings", Static)
            widget.update(warnings)
            widget.display = bool(warnings.plain)
        self._request_restyle()

    def watch_search_terms(self) -> None:
        self._request_restyle()

    def watch_marked(self, marked: Mention | None) -> None:
        self._request_restyle()
        if marked is not None:
            self.call_after_refresh(self._reveal, marked.paragraph, marked.start_char)

    def watch_selected_fact(self, fact: FactRef | None) -> None:
        self._request_restyle()
        if fact is not None:
            self.call_after_refresh(self._scroll_to_fact, fact)

    def _scroll_to_fact(self, fact: FactRef) -> None:
        if self.facts is None:
            return
        mentions = mentions_of(self.facts, fact)
        if mentions:
            self._reveal(mentions[0].paragraph, mentions[0].start_char)

    def _reveal(self, paragraph: int, char: int = 0) -> None:
        """Bring the text at `char` of `paragraph` to the middle of the pane,
        turning to the part that holds it."""
        article = self.article
        if article is None or not self._blocks or paragraph >= len(article.paragraphs):
            return
        index = max(0, bisect_right(self._blocks, (paragraph, char), key=_block_key) - 1)
        part = bisect_right(self._part_starts, index) - 1
        if part != self._part:
            self._show_part(part)
            self.call_after_refresh(self._center, index, char)
        else:
            self._center(index, char)

    def _center(self, index: int, char: int) -> None:
        first, end = self._part_range
        if not first <= index < end or len(self._shown) != end - first:
            return
        position = index - first
        text_widget = self.query_one(".article-text", Static)
        top, height = self._block_lines(position)
        pane = self.scrollable_content_region.height
        text_top = text_widget.virtual_region.y
        if height <= pane:
            # The block with the blank line after it, as a paragraph widget
            # with its margin was centred.
            gap = 0 if self._blocks[index].continued else 1
            block = Region(0, text_top + top, text_widget.size.width, height + gap)
            self.scroll_to_region(block, center=True, animate=False, origin_visible=True)
            return
        line = 0
        if text_widget.content_size.width > 0:
            # A block taller than the pane: centre the line that holds `char`.
            lines = self._shown[position].wrap(self.app.console, text_widget.content_size.width)
            # Wrapping drops the spaces it breaks at: a line off at worst.
            offset = char - self._blocks[index].start
            for wrapped in lines[:-1]:
                offset -= len(wrapped.plain)
                if offset < 0:
                    break
                line += 1
        y = text_top + top + line - pane // 2
        self.scroll_to(y=max(0, y), animate=False)

    def _block_lines(self, position: int) -> tuple[int, int]:
        """The first line of block `position` of the part on screen, within
        the text, and its height in lines, at the text's width."""
        text_widget = self.query_one(".article-text", Static)
        width = text_widget.content_size.width
        if self._tops is None or self._tops[0] != width:
            tops, line = [], 0
            first, end = self._part_range
            for text, block in zip(self._shown, self._blocks[first:end], strict=False):
                tops.append(line)
                content = Content.from_rich_text(text)
                line += content.get_height(text_widget.styles, width) if width else 1
                line += 0 if block.continued else 1
            tops.append(line)
            self._tops = (width, tops)
        tops = self._tops[1]
        gap = 0 if self._blocks[self._part_range[0] + position].continued else 1
        return tops[position], tops[position + 1] - tops[position] - gap

    def shown_blocks(self) -> list[Text]:
        """The blocks of the part on screen, as shown: styled with the facts,
        the search and the mark."""
        return list(self._shown)

    def block_region(self, position: int) -> Region:
        """Where block `position` of the part on screen stands, on the screen."""
        region = self.query_one(".article-text", Static).content_region
        top, height = self._block_lines(position)
        return Region(region.x, region.y + top, region.width, height)

    def _highlights_by_paragraph(self, facts: ArticleFacts) -> dict[int, list[Highlight]]:
        """Every highlight, by paragraph and in drawing order; made once per facts."""
        if self._highlights is None or self._highlights[0] is not facts:
            by_paragraph: dict[int, list[Highlight]] = {}
            for highlight in highlights(facts):
                by_paragraph.setdefault(highlight[2].paragraph, []).append(highlight)
            self._highlights = (facts, by_paragraph)
        return self._highlights[1]

    def _restyle(self) -> None:
        article = self.article
        first, end = self._part_range
        text_widget = self.query_one(".article-text", Static)
        if article is None:
            self._shown = []
            self._tops = None
            text_widget.display = False
            return
        blocks = self._blocks[first:end]
        texts = [Text(article.paragraphs[b.paragraph][b.start : b.end]) for b in blocks]
        # The blocks on screen of each paragraph.
        shown: dict[int, list[int]] = {}
        for position, block in enumerate(blocks):
            shown.setdefault(block.paragraph, []).append(position)

        def stylize(style: Style, paragraph: int, start: int, stop: int) -> None:
            for position in shown.get(paragraph, ()):
                block = blocks[position]
                begin, finish = max(start, block.start), min(stop, block.end)
                if begin < finish:
                    texts[position].stylize(style, begin - block.start, finish - block.start)

        variables = self.app.theme_variables
        if self.facts is not None:
            by_paragraph = self._highlights_by_paragraph(self.facts)
            styles: dict[tuple[str, bool], Style] = {}
            for paragraph in shown:
                for kind, ref, mention in by_paragraph.get(paragraph, ()):
                    selected = ref == self.selected_fact
                    key = (kind, selected)
                    if key not in styles:
                        styles[key] = fact_style(variables, kind, selected=selected)
                    stylize(styles[key], paragraph, mention.start_char, mention.end_char)
        if self.search_terms:
            pattern = search_pattern(self.search_terms)
            for text in texts:
                text.highlight_regex(pattern, style=SEARCH_MATCH)
        if (marked := self.marked) is not None:
            selected = fact_style(variables, "quote", selected=True)
            stylize(selected, marked.paragraph, marked.start_char, marked.end_char)
        # The blocks a blank line apart; a piece of a paragraph that goes on
        # stands flush with the next piece.
        joined = Text()
        for position, text in enumerate(texts):
            if position:
                joined.append("\n" if blocks[position - 1].continued else "\n\n")
            joined.append_text(text)
        self._shown = texts
        self._tops = None
        text_widget.update(joined)
        text_widget.display = bool(texts)

    # --- The header -----------------------------------------------------------

    @staticmethod
    def _headline(article: Article) -> Text:
        title = article.title
        if len(title) > MAX_TITLE_SHOWN:
            title = title[: MAX_TITLE_SHOWN - 1] + "…"
        return Text(title, style="bold")

    @staticmethod
    def _byline(article: Article) -> Text:
        parts = [day(article.date) if article.date else "date unknown"]
        # Counted once: a count takes half a second on a 20 MB article.
        words = article.word_count
        parts.append(f"{words:,} words")
        parts.append(f"{reading_minutes(words)} min read")
        if author := article.metadata.get("author"):
            parts.append(f"by {author}")
        if source := article.metadata.get("source"):
            parts.append(source)
        return Text(" · ".join(parts), style="dim")

    @staticmethod
    def _warnings(article: Article, facts: ArticleFacts | None) -> Text:
        """The article's warnings, then the facts' (an extractor that failed,
        or facts found in part of a huge article only)."""
        problems = (*article.warnings, *(facts.problems if facts is not None else ()))
        return Text("\n".join(f"⚠ {warning}" for warning in problems))

    @staticmethod
    def _credits(article: Article) -> Text:
        lines = [*article.credits, *(f"Video: {caption}" for caption in article.captions)]
        return Text("\n".join(lines), style="italic")
