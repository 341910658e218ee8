"""The list with each article's source: saved pages and feeds side by side,
at a fixed size, no clock (every date is the articles' own). Update with
`pytest --snapshot-update` after checking the report."""

from __future__ import annotations

import shutil
from pathlib import Path

from dateline.model.corpus import Corpus
from tests.sources.conftest import FIXTURES
from tests.tui.conftest import AppFactory, settle

SIZE = (120, 40)


def test_list_with_sources(snap_compare, make_app: AppFactory, tmp_path: Path) -> None:
    for name in ("article_page.html", "summaries.rss", "full.atom", "feed.json"):
        shutil.copy(FIXTURES / name, tmp_path / name)
    app = make_app(Corpus.load([tmp_path]))
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)
