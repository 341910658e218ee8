"""The `dateline` command: open the reader, export the facts, or score them.

    dateline [PATH ...] [--theme NAME]
    dateline export [PATH ...] --format json|yaml|markdown [-o FILE]
    dateline eval [GOLD_DIR] [--details] [--json]

Textual is imported only when the reader opens, so `export` and `eval` never pay for it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dateline import __version__
from dateline.resources import seeds_dir

if TYPE_CHECKING:
    from dateline.model.corpus import Corpus

EXIT_BAD_INPUT = 2


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dateline",
        description="Read news articles in the terminal and see who, what, when, how much "
        "and who said what.",
        epilog="Run 'dateline export --help' for the facts export.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (read recursively); the bundled seeds when none",
    )
    parser.add_argument("--theme", metavar="NAME", help="the theme to open with")
    parser.add_argument("--version", action="version", version=f"dateline {__version__}")
    return parser


def _export_parser() -> argparse.ArgumentParser:
    from dateline.export import FORMATS

    parser = argparse.ArgumentParser(
        prog="dateline export",
        description="Write the articles and their facts in the Dateline export format.",
    )
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (read recursively); the bundled seeds when none",
    )
    parser.add_argument("--format", choices=FORMATS, default="json", help="default: json")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: stdout")
    return parser


def _eval_parser() -> argparse.ArgumentParser:
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
        help="the folder of annotations (*.yaml); default: tests/gold",
    )
    parser.add_argument("--details", action="store_true", help="list each article's errors")
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["export"]:
        return export_main(args[1:])
    if args[:1] == ["eval"]:
        return eval_main(args[1:])
    return reader_main(args)


def _load(paths: list[Path]) -> Corpus | None:
    from dateline.model.corpus import Corpus

    missing = [p for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(str(p) for p in missing)}")
        return None
    corpus = Corpus.load(paths or [seeds_dir()])
    for problem in corpus.problems:
        print(f"dateline: skipped {problem}", file=sys.stderr)
    if not corpus.articles:
        where = ", ".join(str(p) for p in paths) or str(seeds_dir())
        _fail(f"nothing readable in {where} (supported: .txt, .md files)")
        return None
    return corpus


def _fail(message: str) -> None:
    print(f"dateline: {message}", file=sys.stderr)


def reader_main(args: list[str]) -> int:
    options = _reader_parser().parse_args(args)
    corpus = _load(options.paths)
    if corpus is None:
        return EXIT_BAD_INPUT
    from dateline.tui.app import DatelineApp

    app = DatelineApp(corpus, theme=options.theme)
    app.run()
    return app.return_code or 0


def export_main(args: list[str]) -> int:
    options = _export_parser().parse_args(args)
    corpus = _load(options.paths)
    if corpus is None:
        return EXIT_BAD_INPUT
    from dateline.export import export_document, render

    root = Path.cwd() if options.paths else seeds_dir().parent
    text = render(export_document(corpus.articles, root=root), options.format)
    if options.output is None:
        sys.stdout.write(text)
        return 0
    try:
        options.output.write_text(text, encoding="utf-8")
    except OSError as error:
        _fail(f"cannot write {options.output}: {error.strerror}")
        return 1
    return 0


def eval_main(args: list[str]) -> int:
    options = _eval_parser().parse_args(args)
    gold_dir: Path = options.gold_dir or Path.cwd() / "tests" / "gold"
    if not gold_dir.is_dir():
        _fail(f"no such gold folder: {gold_dir}")
        return EXIT_BAD_INPUT
    from dateline.evaluate import annotations_in, evaluate, render_details, render_table

    if not annotations_in(gold_dir):
        _fail(f"no annotations (*.yaml) in {gold_dir}")
        return EXIT_BAD_INPUT
    report = evaluate(gold_dir)
    if options.json:
        import json

        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        if options.details:
            sys.stdout.write(render_details(report))
        sys.stdout.write(render_table(report))
    for article in report.articles:
        for problem in article.problems:
            print(f"dateline: warning: {article.article}: {problem}", file=sys.stderr)
    for error in report.errors:
        _fail(f"gold set error: {error}")
    return EXIT_BAD_INPUT if report.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
