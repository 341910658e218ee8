"""Screens as a person sees them, at a fixed size, with no clock, cursor
blink or animation. Update with `pytest --snapshot-update` after checking
the report."""

from __future__ import annotations

from textual.pilot import Pilot

from dateline.facts.refs import FactRef
from dateline.model.corpus import Corpus
from dateline.tui.widgets.facts_sidebar import FactList
from tests.tui.conftest import AppFactory, settle

SIZE = (120, 40)


def test_main_screen_dark(snap_compare, make_app: AppFactory) -> None:
    assert snap_compare(make_app(theme="dateline-dark"), terminal_size=SIZE, run_before=settle)


def test_main_screen_light(snap_compare, make_app: AppFactory) -> None:
    assert snap_compare(make_app(theme="dateline-light"), terminal_size=SIZE, run_before=settle)


def test_main_screen_high_contrast(snap_compare, make_app: AppFactory) -> None:
    app = make_app(theme="dateline-high-contrast")
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


def test_fact_selected(snap_compare, make_app: AppFactory) -> None:
    async def select_paul_holmes(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("j")  # the older article, where Paul Holmes has his role
        await settle(pilot)
        fact_list = pilot.app.query_one(FactList)
        fact_list.focus()
        people = pilot.app.screen.facts.people
        index = next(i for i, p in enumerate(people) if p.name == "Paul Holmes")
        key = FactRef("people", index).key
        fact_list.highlighted = next(
            i for i in range(fact_list.option_count) if fact_list.get_option_at_index(i).id == key
        )
        await pilot.pause()

    app = make_app(theme="dateline-dark")
    assert snap_compare(app, terminal_size=SIZE, run_before=select_paul_holmes)


def test_help_screen(snap_compare, make_app: AppFactory) -> None:
    async def open_help(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=open_help)


def test_narrow_layout(snap_compare, make_app: AppFactory) -> None:
    # Below 100 columns the sidebar waits for `f`.
    assert snap_compare(make_app(), terminal_size=(90, 40), run_before=settle)


def test_tiny_layout_reading(snap_compare, make_app: AppFactory) -> None:
    # Below 60 columns the panes take turns: here the reader, after enter.
    async def open_article(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(56, 40), run_before=open_article)


def test_empty_corpus(snap_compare, make_app: AppFactory) -> None:
    assert snap_compare(make_app(Corpus([])), terminal_size=SIZE, run_before=settle)


async def open_story(pilot: Pilot) -> None:
    await settle(pilot)
    await pilot.press("S")
    await pilot.pause()
    await pilot.pause()


def test_story_screen_dark(snap_compare, make_app: AppFactory) -> None:
    app = make_app(theme="dateline-dark")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_story)


def test_story_screen_light(snap_compare, make_app: AppFactory) -> None:
    app = make_app(theme="dateline-light")
    assert snap_compare(app, terminal_size=SIZE, run_before=open_story)
