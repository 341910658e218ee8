"""The `dateline` command: open the reader, export the facts, or score them.

    dateline [PATH ...] [--feeds] [--theme NAME] [--watch]
    dateline export [PATH ...] [--feeds] --format json|yaml|markdown [--query "..."] [-o FILE]
    dateline report [PATH ...] --story ID|--query "..." [--format markdown|html] [-o FILE]
    dateline index PATH ... [--no-facts]
    dateline eval [GOLD_DIR] [--details] [--json]
    dateline feeds add|list|import|remove|pages ...   (see cli_feeds.py)
    dateline fetch [--timeout SECONDS] [--concurrency N] [--no-index]

Textual is imported only when the reader opens, so `export` and `eval` never pay for it."""

from __future__ import annotations

import contextlib
import gc
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dateline import __version__
from dateline.resources import seeds_dir

if TYPE_CHECKING:
    import argparse

    from dateline.model.listing import Entry, Listing
    from dateline.store.finding import FactsAsRead
    from dateline.store.library import Library
    from dateline.store.state import ReadingState

EXIT_BAD_INPUT = 2
FEEDS_HELP = "also the articles fetched from the feeds you follow (dateline feeds, dateline fetch)"


def _reader_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Read news articles in the terminal and see who, what, when, how much "
        "and who said what.",
        epilog="Run 'dateline export --help' for the facts export, "
        "'dateline report --help' for a story's report, "
        "'dateline eval --help' to score the facts against the gold set, "
        "'dateline feeds --help' to follow feeds and 'dateline fetch --help' to fetch them.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (read recursively); the bundled seeds when none, "
        "and the articles fetched from your feeds when there are any",
    )
    parser.add_argument("--feeds", action="store_true", help=FEEDS_HELP)
    parser.add_argument("--theme", metavar="NAME", help="the theme to open with")
    parser.add_argument(
        "--watch",
        action="store_true",
        help="show new and changed files in the folders as they come, without a restart "
        "(also 'watch: true' in config.yaml)",
    )
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    return parser


def add_corpus_arguments(parser: argparse.ArgumentParser) -> None:
    """The corpus a command reads: PATH ... (the seeds when none) and --feeds."""
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (read recursively); the bundled seeds when none",
    )
    parser.add_argument("--feeds", action="store_true", help=FEEDS_HELP)


def corpus_paths(options: argparse.Namespace) -> list[Path] | None:
    """The paths of the corpus `add_corpus_arguments` read (the seeds when
    none, the fetched articles with --feeds); None, with a message, when one
    does not exist."""
    paths = _with_fetched(options.paths or [seeds_dir()], asked=options.feeds, default=False)
    return None if _any_missing(paths) else paths


def _export_parser() -> argparse.ArgumentParser:
    import argparse

    from dateline.output.export import FORMATS

    parser = argparse.ArgumentParser(
        prog="dateline export",
        description="Write the articles and their facts in the Dateline export format.",
    )
    add_corpus_arguments(parser)
    parser.add_argument("--format", choices=FORMATS, default="json", help="default: json")
    parser.add_argument(
        "--query",
        metavar="QUERY",
        help="only the articles this search matches, in the search box's language "
        '(words, person:"Paul Holmes", said:Holmes, money>1m, on:2017-01, is:unread, ...)',
    )
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: stdout")
    return parser


def _index_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="dateline index",
        description="Read a corpus into Dateline's cache and find its facts, without opening "
        "the reader, so that the reader opens a large corpus at once.",
    )
    parser.add_argument(
        "paths",
        nargs="+",
        type=Path,
        metavar="PATH",
        help="article files or folders (read recursively)",
    )
    parser.add_argument(
        "--no-facts", action="store_true", help="only read the articles; find facts later"
    )
    parser.add_argument(
        "--jobs",
        type=_positive_int,
        metavar="N",
        help="worker processes finding facts (default: one a processor core)",
    )
    return parser


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        import argparse

        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of 1 or more")
    return value


def _eval_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="dateline eval",
        description="Score the facts engine against a hand-annotated gold set "
        "(see tests/gold/README.md): precision, recall and F1 for each kind of fact.",
    )
    parser.add_argument(
        "gold_dir",
        nargs="?",
        type=Path,
        metavar="GOLD_DIR",
        help="the folder of annotations (*.yaml), scored apart from its held-out part "
        "(heldout/) when it has one; default: tests/gold",
    )
    parser.add_argument("--details", action="store_true", help="list each article's errors")
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    parser.add_argument(
        "--check",
        action="store_true",
        help="only check that the annotations read and locate in their articles; "
        "the engine is not run (for annotators, who should not see its output)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["export"]:
        return export_main(args[1:])
    if args[:1] == ["report"]:
        from dateline.cli_report import report_main

        return report_main(args[1:])
    if args[:1] == ["eval"]:
        return eval_main(args[1:])
    if args[:1] == ["index"]:
        return index_main(args[1:])
    if args[:1] == ["feeds"]:
        from dateline.cli_feeds import feeds_main

        return feeds_main(args[1:])
    if args[:1] == ["fetch"]:
        from dateline.cli_feeds import fetch_main

        return fetch_main(args[1:], lambda paths: index_paths(paths, facts=True))
    return reader_main(args)


def _fail(message: str) -> None:
    from dateline.model.sanitize import inert

    # File names come from the user's folders: shown, never acted on.
    print(f"dateline: {inert(message)}", file=sys.stderr)


SUPPORTED = "supported: .txt, .md, .jsonl, .html files and .rss, .atom, .xml, .json feeds"


def _any_missing(paths: list[Path]) -> bool:
    """Say which paths do not exist, if any; True when some do not."""
    missing = [p for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(str(p) for p in missing)}")
    return bool(missing)


def _nothing_readable(paths: list[Path]) -> int:
    _fail(f"nothing readable in {', '.join(str(p) for p in paths)} ({SUPPORTED})")
    return EXIT_BAD_INPUT


def _has_article_files(paths: list[Path]) -> bool:
    """Whether there is at least one file to try, found without walking on
    past the first (a large corpus must open at once)."""
    from dateline.model.loading import iter_article_files

    return any(isinstance(item, Path) for item in iter_article_files(paths))


def _with_fetched(paths: list[Path], *, asked: bool, default: bool) -> list[Path]:
    """`paths` and the folder of fetched articles: when asked (`--feeds`), or
    by default (no PATH) when there is one. Made when asked, so that a first
    `dateline --feeds` opens rather than saying the folder is missing."""
    from dateline.sources import fetched_dir

    fetched = fetched_dir()
    if asked:
        fetched.mkdir(parents=True, exist_ok=True)
    if (asked or default) and fetched.is_dir() and fetched not in paths:
        return [*paths, fetched]
    return paths


def _open_stores_meanwhile() -> Callable[[], tuple[Library | None, ReadingState | None]]:
    """Open the article cache and the reading state in a thread, while this
    one imports the user interface; the returned call waits for them.

    Creating them on a first run waits on the disk (SQLite's syncs, about
    50 ms measured), which the import's work can fill; None for one that
    could not be opened there (the app then opens it itself, with its
    messages)."""
    import threading

    opened: dict[str, object] = {}

    def open_stores() -> None:
        from dateline.store.library import Library
        from dateline.store.state import ReadingState

        opened["library"] = Library.open()
        opened["state"] = ReadingState.open()

    worker = threading.Thread(target=open_stores, name="open-stores", daemon=True)
    worker.start()

    def stores() -> tuple[Library | None, ReadingState | None]:
        worker.join()
        return opened.get("library"), opened.get("state")  # type: ignore[return-value]

    return stores


def reader_main(args: list[str]) -> int:
    # No garbage collection until the first frame is on the terminal (the app
    # turns it back on then): start-up makes several hundred thousand objects
    # and frees next to none, and the collector's passes over them took about
    # 20 ms of the seeds' first paint (one full pass alone 13 ms).
    gc.disable()
    if args:
        options = _reader_parser().parse_args(args)
        asked: list[Path] = options.paths
        feeds, theme, watch = options.feeds, options.theme, options.watch
    else:
        # `dateline` alone, the usual start: nothing to parse, and argparse
        # (about 10 ms to import) is not imported before the first frame.
        asked, feeds, theme, watch = [], False, None, False
    paths = _with_fetched(asked or [seeds_dir()], asked=feeds, default=not asked)
    if _any_missing(paths):
        return EXIT_BAD_INPUT
    if not _has_article_files(paths):
        return _nothing_readable(paths)
    stores = _open_stores_meanwhile()
    from dateline.tui.app import DatelineApp

    # The files are read (or found in the cache) by the app's worker, behind
    # the first paint; files that turn out unreadable are named in the app.
    library, state = stores()
    app = DatelineApp(
        paths=paths,
        theme=theme,
        library=library,
        state=state,
        watch=True if watch else None,
    )
    app.run()
    if app.return_code:
        return app.return_code
    if not app.indexing and not app.listing.entries:
        # Every file was tried and none could be read: the app said why.
        return _nothing_readable(paths)
    return 0


def index_main(args: list[str]) -> int:
    options = _index_parser().parse_args(args)
    paths: list[Path] = options.paths
    if _any_missing(paths):
        return EXIT_BAD_INPUT
    return index_paths(paths, facts=not options.no_facts, jobs=options.jobs)


def index_paths(paths: list[Path], *, facts: bool, jobs: int | None = None) -> int:
    """Read `paths` into the cache and, with `facts`, find their facts in
    `jobs` worker processes (default: one a core), with progress bars. The
    facts are found as the files are read, batch by batch, not after."""
    import time

    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from dateline.config import load_config
    from dateline.facts.workers import FactFinder, cores
    from dateline.store.finding import FactsAsRead
    from dateline.store.library import IndexProgress, Library, ListingChange

    started = time.perf_counter()
    console = Console(stderr=True)
    library = Library.open()
    processes = jobs or cores()
    try:
        for problem in library.problems:
            _fail(problem)
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
        )
        with (
            Progress(*columns, console=console, transient=False) as bars,
            contextlib.ExitStack() as stack,
        ):
            reading = bars.add_task("Reading files", total=None, rate="")
            finding = bars.add_task("Finding facts", total=None, rate="") if facts else None
            facts_started: list[float] = []

            def facts_found(done: int, total: int, rate: float) -> None:
                assert finding is not None
                rate_text = f"{rate:,.0f} articles/s"
                bars.update(finding, total=total, completed=done, rate=rate_text)

            def workers() -> FactFinder[int]:
                facts_started.append(time.perf_counter())
                budget = load_config()[0].facts_time_budget
                return stack.enter_context(FactFinder[int](processes=processes, budget=budget))

            along = FactsAsRead(library, workers, facts_found) if facts else None

            def files_read(change: ListingChange, progress: IndexProgress) -> None:
                bars.update(
                    reading,
                    total=progress.files_total,
                    completed=progress.files_done,
                    rate=f"{progress.rate:,.0f} files/s",
                )
                if along is not None and change.added:
                    along.read(entry.rowid for entry in change.added)

            result = library.index(paths, files_read)
            read_seconds = time.perf_counter() - started
            found = along.rest() if along is not None else 0
            finished = time.perf_counter()
            facts_seconds = finished - facts_started[0] if facts_started else 0.0
        for problem in [*result.problems, *library.file_problems(paths)]:
            _fail(f"skipped {problem}")
        count = len(library.entries(paths))
        elapsed = time.perf_counter() - started
        print(
            f"{count:,} articles from {result.files_total:,} files in {elapsed:.1f} s; cache:"
            f" {library.location}\n  read anew: {result.parsed:,} articles in {read_seconds:.1f} s"
            f" ({result.parsed / max(read_seconds, 1e-9):,.0f}/s)"
            f"\n  facts found: {found:,} articles in {facts_seconds:.1f} s"
            f" ({found / max(facts_seconds, 1e-9):,.0f}/s"
            + (f", {processes} worker process{'es' if processes > 1 else ''})" if facts else ")")
        )
    finally:
        library.close()
    if not count:
        return _nothing_readable(paths)
    return 0


# Articles whose facts an export finds in worker processes rather than in its
# own: below this, starting the workers costs more than it saves. The
# indexer's first report comes at 40 articles (`FIRST_BATCH`): a corpus that
# big starts its workers then, while the rest of it is read.
WORKERS_FROM = 40


def _facts_as_read(library: Library, stack: contextlib.ExitStack) -> FactsAsRead:
    """Facts found in worker processes (started when first needed, ended with
    `stack`) as the indexer reads the files; nothing reported."""
    from dateline.config import load_config
    from dateline.facts.workers import FactFinder
    from dateline.store.finding import FactsAsRead

    def workers() -> FactFinder[int]:
        budget = load_config()[0].facts_time_budget
        return stack.enter_context(FactFinder[int](budget=budget))

    return FactsAsRead(library, workers, lambda done, total, rate: None, start_from=WORKERS_FROM)


def export_main(args: list[str]) -> int:
    options = _export_parser().parse_args(args)
    paths = corpus_paths(options)
    if paths is None:
        return EXIT_BAD_INPUT
    from dateline.model.listing import Listing, as_listed
    from dateline.output.export import export_document, render
    from dateline.store.library import IndexProgress, Library, ListingChange

    # Through the cache: files read before are not read again, facts found
    # before are not found again.
    library = Library.open()
    workers = contextlib.ExitStack()
    try:
        for problem in library.problems:
            _fail(problem)
        # Many new articles go to worker processes as they are read, so that
        # the workers start, and find facts, while the rest is read; a few
        # have their facts found here, after.
        along = _facts_as_read(library, workers)

        def files_read(change: ListingChange, progress: IndexProgress) -> None:
            if change.added:
                along.read(entry.rowid for entry in change.added)

        progress = library.index(paths, files_read)
        for problem in [*progress.problems, *library.file_problems(paths)]:
            _fail(f"skipped {problem}")
        entries = Listing(library.entries(paths)).entries
        if not entries:
            return _nothing_readable(paths)
        along.rest([entry.rowid for entry in entries])
        workers.close()
        if options.query is not None:
            # After the facts are found: the query's filters may ask about them.
            chosen = _export_matching(Listing(entries), options.query, library)
            if isinstance(chosen, int):
                return chosen
            entries = chosen
        articles, facts = [], []
        for entry in entries:
            article, article_facts = library.article(entry.rowid), library.facts(entry.rowid)
            if article is not None and article_facts is not None:
                articles.append(as_listed(article, entry))
                facts.append(article_facts)
    finally:
        workers.close()
        library.close()
    root = Path.cwd() if options.paths else seeds_dir().parent
    text = render(export_document(articles, facts, root=root), options.format)
    return _write_out(text, options.output)


def _write_out(text: str, output: Path | None) -> int:
    """Write a command's document to `output`, or to standard output; the
    exit status (1 when the file cannot be written, with a message)."""
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        _fail(f"cannot write {output}: {error.strerror}")
        return 1
    return 0


def _export_matching(listing: Listing, query: str, library: Library) -> list[Entry] | int:
    """The entries `query` matches (none is an export of no article), with
    the reading state for is:unread and is:starred; an exit status when the
    query cannot be read."""
    from dateline.output.selection import QueryError, matching_entries
    from dateline.store.state import ReadingState

    state = ReadingState.open()
    try:
        chosen = matching_entries(
            listing, query, library, read=state.read_keys(), starred=state.starred_keys()
        )
    except QueryError as error:
        _fail(f"cannot read the query {query!r}: {error}")
        return EXIT_BAD_INPUT
    finally:
        state.close()
    if not chosen:
        _fail(f"no article matches {query!r}: the export has no articles")
    return chosen


HELD_OUT = "heldout"


def eval_main(args: list[str]) -> int:
    options = _eval_parser().parse_args(args)
    gold_dir: Path = options.gold_dir or Path.cwd() / "tests" / "gold"
    if not gold_dir.is_dir():
        _fail(f"no such gold folder: {gold_dir}")
        return EXIT_BAD_INPUT
    from dateline.evaluate import (
        annotations_in,
        check_gold,
        evaluate,
        render_details,
        render_table,
    )

    if not annotations_in(gold_dir):
        _fail(f"no annotations (*.yaml) in {gold_dir}")
        return EXIT_BAD_INPUT
    # A gold set with a held-out part (tests/gold/heldout) is scored in two
    # parts, since only the held-out one says how the engine does on text
    # it was not tuned on.
    held_out = gold_dir / HELD_OUT
    parts = [("tuning set", gold_dir)]
    if held_out.is_dir() and annotations_in(held_out):
        parts.append(("held-out set", held_out))
    if options.check:
        checked, errors = 0, []
        for _, folder in parts:
            read, found = check_gold(folder)
            checked, errors = checked + read, [*errors, *found]
        for error in errors:
            _fail(f"gold set error: {error}")
        print(f"{checked} annotations read, {len(errors)} errors")
        return EXIT_BAD_INPUT if errors else 0
    reports = [(name, evaluate(folder)) for name, folder in parts]
    if options.json:
        import json

        document = (
            reports[0][1].to_dict()
            if len(reports) == 1
            else {name.replace(" ", "_"): report.to_dict() for name, report in reports}
        )
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        for name, report in reports:
            if len(reports) > 1:
                sys.stdout.write(f"{name} ({len(report.articles)} articles)\n\n")
            if options.details:
                sys.stdout.write(render_details(report))
            sys.stdout.write(render_table(report))
            if len(reports) > 1:
                sys.stdout.write("\n")
    errors = False
    for _, report in reports:
        for article in report.articles:
            for problem in article.problems:
                print(f"dateline: warning: {article.article}: {problem}", file=sys.stderr)
        for error in report.errors:
            _fail(f"gold set error: {error}")
            errors = True
    return EXIT_BAD_INPUT if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
