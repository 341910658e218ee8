"""Untrusted text stays inert: control sequences and markup look-alikes in
article text, metadata and file names are shown as characters, in the list, the
reader, the sidebar, the messages and every export format, and nothing in what
Dateline sends to the terminal comes from them.

The tmux test (tests/e2e) checks the same corpus in a real terminal."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
import yaml
from rich.console import Console

from dateline.cli import main
from dateline.model.loading import load_paths
from dateline.tui.app import DatelineApp
from dateline.tui.screens.reader import ReaderScreen
from dateline.tui.widgets.article_list import ArticleList
from dateline.tui.widgets.facts_sidebar import FactList
from tests.hostile import (
    AUTHOR,
    PARAGRAPHS,
    RICH_TITLE,
    SHOWN,
    SHOWN_HEADLINE,
    SHOWN_NAME,
    TEXTUAL_ACTION,
    write_hostile_corpus,
)
from tests.tui.test_library_keys import folder_app, wait_for_index

# C0 controls but for tab and newline, DEL, and C1: none may come from the text.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_hostile_corpus(tmp_path / "corpus")


def test_every_loaded_string_is_free_of_control_characters(corpus: Path) -> None:
    loaded = load_paths([corpus])
    assert len(loaded.articles) == 2
    for article in loaded.articles:
        strings = [
            article.id,
            article.title,
            article.location,
            *article.paragraphs,
            *article.warnings,
            *article.metadata,
            *article.metadata.values(),
        ]
        assert [s for s in strings if CONTROL.search(s)] == []
    (problem,) = loaded.problems
    assert str(problem) == f"{corpus}/{SHOWN_NAME}.txt: empty file"


def test_the_reader_shows_the_text_as_written(corpus: Path) -> None:
    article = next(a for a in load_paths([corpus]).articles if a.id == "hostile")
    assert list(article.paragraphs) == SHOWN
    assert article.title == SHOWN_HEADLINE
    assert article.metadata == {"author": AUTHOR, "source": TEXTUAL_ACTION}
    assert article.warnings == ("13 control characters made visible",)


def frame(app: DatelineApp) -> tuple[str, str]:
    """The screen as text, and as the escape sequences the terminal would get."""
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        record=True,
        legacy_windows=False,
    )
    console.print(app.screen._compositor.render_update(full=True))
    sent = console.file.getvalue()  # type: ignore[attr-defined]
    return console.export_text(), sent


async def test_list_reader_sidebar_and_messages_show_it_inert(corpus: Path, tmp_path: Path) -> None:
    app = folder_app(corpus, tmp_path)
    # A terminal wide and tall enough for whole lines of the reader.
    async with app.run_test(size=(200, 60)) as pilot:
        await wait_for_index(pilot)
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        ids = [entry.id for entry in app.query_one(ArticleList).entries]
        assert ids == ["hostile#1", "hostile"]
        screen.open_article("hostile")
        await wait_for_index(pilot)
        text, sent = frame(app)

        # Shown: the markup as characters, the controls as their pictures.
        assert SHOWN_HEADLINE in text  # the reader's headline
        assert f"{RICH_TITLE} headline" in text  # the list's row
        assert AUTHOR in text and TEXTUAL_ACTION in text  # the byline
        assert "␛[2Jwill go ahead on Friday" in text
        assert "rang ␇␇ twice" in text
        # The sidebar's quote, its markup intact.
        fact_list = app.query_one(FactList)
        prompts = [
            str(fact_list.get_option_at_index(i).prompt) for i in range(fact_list.option_count)
        ]
        assert any("[@click=app.quit]Click me[/] is [$accent]accented[/]" in p for p in prompts)
        # The message about the badly named file names it inert.
        messages = [n.message for n in app._notifications]
        assert f"Skipped {corpus}/{SHOWN_NAME}.txt: empty file" in messages

        # Sent: none of the article's sequences, in any form.
        for sequence in ("\x1b]52", "\x1b]2;", "\x1b]8;;https://evil", "\x07", "\x08", "\x9b"):
            assert sequence not in sent
        assert "\x1b[2J" not in sent

        # The markup never acted: the app is still running after a click on it.
        await pilot.click(offset=(60, 1))
        await pilot.pause()
        assert app.is_running


@pytest.mark.parametrize("form", ["json", "yaml", "markdown"])
def test_every_export_format_keeps_it_inert(
    form: str, corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(corpus), "--format", form]) == 0
    captured = capsys.readouterr()
    assert CONTROL.sub("", captured.out.replace("\t", "")) == captured.out.replace("\t", "")
    assert captured.err == f"dateline: skipped {corpus}/{SHOWN_NAME}.txt: empty file\n"
    if form == "json":
        articles = {a["id"]: a for a in json.loads(captured.out)["articles"]}
    elif form == "yaml":
        articles = {a["id"]: a for a in yaml.safe_load(captured.out)["articles"]}
    else:
        # Markdown escapes what Markdown would act on; the controls stay pictures.
        assert "\\[bold red\\]Pwned\\[/\\] headline ␛\\]2;pwned-title␇" in captured.out
        return
    article = articles["hostile"]
    assert article["title"] == SHOWN_HEADLINE
    assert article["paragraphs"] == SHOWN
    assert article["warnings"] == ["13 control characters made visible"]
    assert PARAGRAPHS[0] not in captured.out
