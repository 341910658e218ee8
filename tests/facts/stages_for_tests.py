"""Extraction stages for the worker tests: real extraction, except for
articles whose title asks for a slow, crashing or failing one."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

from dateline.facts.base import ArticleFacts
from dateline.facts.extract import extract_in_stages
from dateline.model.article import Article


def stages(article: Article) -> Iterator[ArticleFacts]:
    for number, facts in enumerate(extract_in_stages(article)):
        yield facts
        if number == 0 and article.title == "slow":
            time.sleep(60)  # far past any budget a test sets
        if number == 0 and article.title == "crash":
            os._exit(3)  # the worker dies, as if killed
        if number == 0 and article.title == "fail":
            raise RuntimeError("an extractor broke")
