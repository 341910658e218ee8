"""Huge articles open in the reader and stay readable (issue 6): 50,000
paragraphs, 20 MB in 40,000 paragraphs or in one, and a 10,000-character word.

Each opens showing its first paragraph and its warnings; G reaches the end of
its last paragraph; a fact far down is shown. How long that takes is measured
in benchmarks/huge_article.py, not here."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from textual.pilot import Pilot

from dateline.facts.base import Quantity
from dateline.facts.extract import MAX_FACT_CHARS, extract_facts, within_bound
from dateline.facts.refs import FactRef
from dateline.model.article import Article
from dateline.model.corpus import Corpus
from dateline.model.headline import derive_headline
from dateline.tui.app import DatelineApp
from dateline.tui.screens.reader import ReaderScreen
from dateline.tui.widgets.article_list import ArticleList
from dateline.tui.widgets.reader import (
    PART_BLOCKS,
    SPLIT_CHARS,
    ArticleReader,
    Block,
    display_blocks,
    plan_parts,
)
from tests.conftest import SEED_001, SEEDS
from tests.tui.conftest import AppFactory, settle

SIZE = (120, 40)
HUGE = 20_000_000
LONG_WORD = "".join("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[i % 36] for i in range(10_000))
FACTS_WARNING = "⚠ facts were found in the first 500,000 characters only"


def write_article(folder: Path, name: str, paragraphs: list[str]) -> Path:
    """A seed-format file: the date header, the first paragraph on its line."""
    path = folder / f"{name}.txt"
    path.write_text(" date 2017-01-10 " + "\n\n".join(paragraphs), encoding="utf-8")
    return path


def many_paragraphs() -> list[str]:
    return [f"Paragraph {n:,} says the council met the union again." for n in range(1, 50_001)]


def big_paragraphs() -> list[str]:
    filler = (
        "The union said its members wanted to give a decent service to the young people"
        " of the town, and that the last thing they wanted was to strike. "
    ) * 3
    paragraphs = []
    size = 0
    while size < HUGE:
        paragraph = f"Paragraph {len(paragraphs) + 1:,} of the report. {filler}".strip()
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    return paragraphs


def one_paragraph() -> list[str]:
    sentences = []
    size = 0
    while size < HUGE:
        sentence = f"Sentence {len(sentences) + 1:,} says the council met the union again."
        sentences.append(sentence)
        size += len(sentence) + 1
    return [" ".join(sentences)]


def long_word() -> list[str]:
    seed = Corpus.load([SEEDS]).get(SEED_001)
    assert seed is not None
    return [f"{LONG_WORD} {seed.paragraphs[0]}", *seed.paragraphs[1:]]


CASES = {
    "many": many_paragraphs,
    "big": big_paragraphs,
    "one": one_paragraph,
    "word": long_word,
}


@pytest.fixture(scope="module")
def huge(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Article]:
    """Each case loaded from its file, as the app would read it."""
    folder = tmp_path_factory.mktemp("huge")
    articles = {}
    for name, make in CASES.items():
        loaded = Corpus.load([write_article(folder, name, make())])
        assert not loaded.problems
        articles[name] = loaded.articles[0]
    return articles


def screen_of(app: DatelineApp) -> ReaderScreen:
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def shown_text(app: DatelineApp) -> str:
    """The text of the reader's blocks on screen now, spaces folded."""
    reader = app.query_one(ArticleReader)
    window = reader.scrollable_content_region
    shown = [
        str(block)
        for position, block in enumerate(reader.shown_blocks())
        if reader.block_region(position).overlaps(window)
    ]
    return " ".join(" ".join(shown).split())


def folded(text: str) -> str:
    return " ".join(text.split())


def part_note(app: DatelineApp, which: str) -> str:
    note = app.query_one(ArticleReader).query_one(f".part-{which}")
    return str(note.render()) if note.display else ""


async def open_in_reader(pilot: Pilot, article: Article) -> None:
    """Select the article as a key press in the list would, and move to the reader."""
    await settle(pilot)
    pilot.app.query_one(ArticleList).select(article.id)
    await settle(pilot)
    pilot.app.query_one(ArticleReader).focus()
    await pilot.pause()


# --- Each case -------------------------------------------------------------------------


# The paragraph of a span shown far down (the last one for a short article).
FAR = {"many": 44_999, "big": 35_000, "one": 0, "word": -1}


@pytest.mark.parametrize("case", list(CASES))
async def test_a_huge_article_opens_reaches_its_end_and_shows_a_far_fact(
    case: str, huge: dict[str, Article], make_app: AppFactory
) -> None:
    article = huge[case]
    app = make_app(Corpus([*Corpus.load([SEEDS]).articles, article]))
    async with app.run_test(size=SIZE) as pilot:
        await open_in_reader(pilot, article)
        screen = screen_of(app)
        assert screen.article is not None and screen.article.id == article.id
        # The start of the first paragraph is on screen.
        assert folded(article.paragraphs[0][:60]) in shown_text(app)
        # The warnings: the article's own and the facts'.
        assert screen.facts is not None
        problems = (*article.warnings, *screen.facts.problems)
        warnings = app.query_one(ArticleReader).query_one(".warnings")
        assert warnings.display == bool(problems)
        assert str(warnings.render()) == "\n".join(f"⚠ {problem}" for problem in problems)
        if case != "word":
            assert str(warnings.render()).startswith(FACTS_WARNING)

        await pilot.press("G")
        await pilot.pause()
        assert folded(article.paragraphs[-1][-60:]) in shown_text(app)

        # A span far down: for one paragraph, 19,000,000 characters in.
        paragraph = FAR[case] % len(article.paragraphs)
        text = article.paragraphs[paragraph]
        start = text.index(" ", 19_000_000 if case == "one" else len(text) // 2) + 1
        screen.show_source(article.id, paragraph, start, start + 25)
        await pilot.pause()
        await pilot.pause()
        assert folded(text[start : start + 25]) in shown_text(app)


async def test_the_article_list_and_headline_cope_with_a_long_word(
    huge: dict[str, Article], make_app: AppFactory
) -> None:
    article = huge["word"]
    assert article.title == LONG_WORD[:79] + "…"
    app = make_app(Corpus([article]))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        _, *headline = articles.row_lines(articles.entries[0], 30)
        assert [line.plain for line in headline] == [
            "  " + LONG_WORD[:27],
            "  " + LONG_WORD[27:53] + "…",
        ]
        assert str(app.query_one(ArticleReader).query_one(".headline").render()) == article.title


async def test_a_long_word_as_the_files_own_title_is_cut_in_the_list(
    make_app: AppFactory, tmp_path: Path
) -> None:
    path = tmp_path / "titled.md"
    path.write_text(f"---\ntitle: {LONG_WORD}\ndate: 2017-01-10\n---\n\nThe council met.\n")
    corpus = Corpus.load([path])
    app = make_app(corpus)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = app.query_one(ArticleList)
        assert articles.entries[0].title == LONG_WORD
        _, *headline = articles.row_lines(articles.entries[0], 30)
        assert [line.plain for line in headline] == [
            "  " + LONG_WORD[:27],
            "  " + LONG_WORD[27:53] + "…",
        ]
        # The reader shows the start of it, and the text below on the first screen.
        reader = app.query_one(ArticleReader)
        assert str(reader.query_one(".headline").render()) == LONG_WORD[:399] + "…"
        assert "The council met." in shown_text(app)


def test_a_headline_is_found_in_a_huge_lead_without_reading_all_of_it() -> None:
    assert derive_headline(LONG_WORD) == LONG_WORD[:79] + "…"
    lead = "The council met the union on Friday. " + "And then more. " * 1_000_000
    assert derive_headline(lead) == "Council met the union on Friday"
    assert derive_headline("x" * HUGE) == "x" * 79 + "…"
    assert derive_headline(" \n\t ") == ""


# --- Parts --------------------------------------------------------------------------------


async def test_square_brackets_and_space_turn_the_parts(
    huge: dict[str, Article], make_app: AppFactory
) -> None:
    article = huge["many"]
    app = make_app(Corpus([article]))
    async with app.run_test(size=SIZE) as pilot:
        await open_in_reader(pilot, article)
        parts = 50_000 // PART_BLOCKS
        assert part_note(app, "top").startswith(
            f"Part 1 of {parts}: paragraphs 1–500 of 50,000. The article is too long"
        )
        assert part_note(app, "foot") == (
            f"End of part 1 of {parts}. ] or space: part 2, paragraphs 501–1,000 of 50,000."
        )
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert part_note(app, "top").startswith(f"Part 2 of {parts}: paragraphs 501–1,000")
        assert "Paragraph 501 says" in shown_text(app)
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert "Paragraph 1 says" in shown_text(app)
        # Space reads on: at the foot of a part, into the next one.
        reader = app.query_one(ArticleReader)
        reader.scroll_end(animate=False)
        await pilot.pause()
        assert "Paragraph 500 says" in shown_text(app)
        await pilot.press("space")
        await pilot.pause()
        assert part_note(app, "top").startswith(f"Part 2 of {parts}")
        assert "Paragraph 501 says" in shown_text(app)
        # b at the top of a part goes back to the end of the one before.
        await pilot.press("b")
        await pilot.pause()
        await pilot.pause()
        assert part_note(app, "top").startswith(f"Part 1 of {parts}")
        assert "Paragraph 500 says" in shown_text(app)
        await pilot.press("G")
        await pilot.pause()
        assert part_note(app, "top").startswith(f"Part {parts} of {parts}")
        assert part_note(app, "foot") == ""
        await pilot.press("g")
        await pilot.pause()
        assert part_note(app, "top").startswith(f"Part 1 of {parts}")
        assert reader.scroll_y == 0


async def test_a_fact_picked_far_down_turns_to_its_part(
    huge: dict[str, Article], make_app: AppFactory
) -> None:
    article = huge["many"]
    app = make_app(Corpus([article]))
    async with app.run_test(size=SIZE) as pilot:
        await open_in_reader(pilot, article)
        screen = screen_of(app)
        assert screen.facts is not None
        # Facts are found in the first 500,000 characters only: put one in
        # paragraph 45,000, as the sidebar would pick it.
        text = article.paragraphs[44_999]
        start = text.index("union")
        union = Quantity("union", 44_999, start, start + 5, "count", 1, "union")
        screen.facts = dataclasses.replace(screen.facts, quantities=(union,))
        screen.selected_fact = FactRef("quantities", 0)
        await pilot.pause()
        await pilot.pause()
        assert "Paragraph 45,000 says" in shown_text(app)
        assert part_note(app, "top").startswith("Part 90 of 100: paragraphs 44,501–45,000")


async def test_one_huge_paragraph_is_shown_in_pieces_without_gaps(
    huge: dict[str, Article], make_app: AppFactory
) -> None:
    article = huge["one"]
    app = make_app(Corpus([*Corpus.load([SEEDS]).articles, article]))
    async with app.run_test(size=SIZE) as pilot:
        await open_in_reader(pilot, article)
        # Seven pieces of just under 20,000 characters, each cut after a sentence.
        assert part_note(app, "top").startswith(
            "Part 1 of 144: characters 1–139,881 of 20,000,020."
        )
        reader = app.query_one(ArticleReader)
        pieces = [str(block) for block in reader.shown_blocks()]
        assert len(pieces) == 7 and sum(len(piece) for piece in pieces) == 139_881
        assert all(19_900 < len(piece) <= 20_000 for piece in pieces)
        assert all(piece.endswith("union again. ") for piece in pieces)
        # The pieces of one paragraph stand flush: no blank line between them.
        assert str(reader.query_one(".article-text").render()) == "\n".join(pieces)
        # Whole paragraphs again, with their gaps, for the next article.
        app.query_one(ArticleList).select(SEED_001)
        await settle(pilot)
        paragraphs = [str(block) for block in reader.shown_blocks()]
        assert paragraphs == list(screen_of(app).article.paragraphs)
        assert str(reader.query_one(".article-text").render()) == "\n\n".join(paragraphs)
        assert part_note(app, "top") == part_note(app, "foot") == ""


def test_long_paragraphs_are_cut_after_a_sentence_or_a_space() -> None:
    sentence = "The council met the union. "
    text = sentence * 1_000  # 27,000 characters
    blocks = display_blocks(["Short.", text, "x" * 25_000])
    # Each piece ends after the last sentence that fits.
    first_cut = (SPLIT_CHARS // len(sentence)) * len(sentence)
    assert blocks == [
        Block(0, 0, 6),
        Block(1, 0, first_cut, continued=True),
        Block(1, first_cut, len(text)),
        Block(2, 0, SPLIT_CHARS, continued=True),
        Block(2, SPLIT_CHARS, 25_000),
    ]
    spaced = "word " * 5_000  # no sentence ends: cut after a space
    assert display_blocks([spaced])[0] == Block(0, 0, SPLIT_CHARS, continued=True)


def test_parts_hold_a_bounded_number_of_blocks_and_characters() -> None:
    blocks = [Block(i, 0, 100) for i in range(1_200)]
    assert plan_parts(blocks, max_blocks=500) == [0, 500, 1_000]
    assert plan_parts(blocks, max_blocks=500, max_chars=30_000) == [0, 300, 600, 900]
    # A block bigger than the character bound still gets a part of its own.
    assert plan_parts([Block(0, 0, 10), Block(1, 0, 999), Block(2, 0, 5)], 10, 100) == [0, 1, 2]
    assert plan_parts([]) == [0]


# --- Facts ---------------------------------------------------------------------------------


def test_facts_are_found_in_the_first_half_million_characters_only() -> None:
    sentence = "The council met the union on Friday and paid £5m. "
    paragraph = sentence * 2_000  # 100,000 characters
    article = Article(
        id="long",
        path=Path("long.txt"),
        date=None,
        title="Long",
        paragraphs=(paragraph,) * 7,
    )
    facts = extract_facts(article)
    assert facts.problems == (
        "facts were found in the first 500,000 characters only (the article has 700,000)",
    )
    money = [q for q in facts.quantities if q.kind == "money"]
    # Five whole paragraphs of 2,000 mentions each, and nothing after.
    assert len(money) == 10_000
    assert {q.paragraph for q in money} == {0, 1, 2, 3, 4}
    assert all(paragraph[q.start_char : q.end_char] == "£5m" for q in money)


def test_the_bound_cuts_a_paragraph_after_a_sentence_or_a_space() -> None:
    assert within_bound(["One. Two. Three."], 12) == ("One. Two. ",)
    assert within_bound(["no sentence ends here"], 14) == ("no sentence ",)
    assert within_bound(["x" * 20], 5) == ("xxxxx",)
    assert within_bound(["abc", "defgh", "ij"], 8) == ("abc", "defgh")
    assert within_bound(["abc"], MAX_FACT_CHARS) == ("abc",)
