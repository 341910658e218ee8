"""Screens as a person sees them, at a fixed size, with no clock, cursor
blink or animation. Update with `pytest --snapshot-update` after checking
the report."""

from __future__ import annotations

from textual.pilot import Pilot

from dateline.facts.refs import FactRef
from dateline.model.corpus import Corpus
from dateline.store.state import ReadingState
from dateline.tui.widgets.facts_sidebar import FactList
from tests.tui.conftest import AppFactory, settle
from tests.tui.test_query_keys import counted

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


def test_saved_searches_above_the_list(snap_compare, make_app: AppFactory, tmp_path) -> None:
    """Three saved searches with their unread counts, the second one shown
    (its key, 2, pressed): its name in bold, its query in the box."""
    state_path = tmp_path / "saved-state.sqlite3"
    with ReadingState.open(state_path) as state:
        state.save_search("Paul Holmes", 'person:"Paul Holmes"')
        state.save_search("Big sums", "money>1m")
        state.save_search("Said “unlawful”", "quote:unlawful")

    async def show_big_sums(pilot: Pilot) -> None:
        await settle(pilot)
        for name, unread in (("Paul Holmes", 2), ("Big sums", 1), ("Said “unlawful”", 2)):
            await counted(pilot, name, unread)
        await pilot.press("2")
        await settle(pilot)

    app = make_app(state_path=state_path)
    assert snap_compare(app, terminal_size=SIZE, run_before=show_big_sums)


def test_a_query_that_cannot_be_read(snap_compare, make_app: AppFactory) -> None:
    """The message under the box; the list keeps the last good query's article."""

    async def type_a_bad_query(pilot: Pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"percent>50 money>lots")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=SIZE, run_before=type_a_bad_query)
