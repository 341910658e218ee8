"""Start-up: what `dateline` turns off to paint its first frame sooner is
turned back on once the list is on screen."""

from __future__ import annotations

import gc

from tests.tui.conftest import AppFactory, settle
from tests.tui.test_keys import SIZE


async def test_garbage_collection_is_back_on_once_the_list_is_painted(
    make_app: AppFactory,
) -> None:
    # As `dateline.cli.reader_main` leaves it for the app.
    gc.disable()
    try:
        app = make_app()
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()
