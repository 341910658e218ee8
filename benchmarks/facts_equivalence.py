"""A digest of every fact the engine finds on a fixed set of texts, so that a
change meant only to make extraction faster can be shown to change no fact.

    python benchmarks/facts_equivalence.py [--save DIGESTS.json] [--against DIGESTS.json]

The texts:
- the 1,000 articles benchmarks/facts_speed.py times (make_corpus.py, seed 0),
  loaded the same way;
- every gold article, tuning and held-out (tests/gold/*.txt|md and
  tests/gold/heldout/*): the engine runs on them, nothing here reads them;
- the seed articles (seeds/);
- each of benchmarks/adversarial.py's hostile kinds at 24 KB, as one paragraph
  of an article dated 2017-01-24, as that benchmark builds it.

Each article's facts are serialised as the cache stores them
(`facts_to_dict`, problems included), as JSON with sorted keys, and hashed; the
digest of the whole run hashes those in order. --save writes every article's
hash, so that --against can name the articles whose facts changed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import adversarial
import make_corpus
from dateline.facts.extract import extract_facts
from dateline.facts.serialize import facts_to_dict
from dateline.model.article import Article
from dateline.model.loading import LoadProblem, load_file, load_paths, parse_article

ROOT = Path(__file__).resolve().parent.parent
CORPUS_COUNT = 1000
CORPUS_SEED = 0
HOSTILE_KB = 24
HOSTILE_DATE = dt.date(2017, 1, 24)


def corpus_articles() -> Iterator[tuple[str, Article]]:
    for synthetic in make_corpus.generate(CORPUS_COUNT, CORPUS_SEED, duplicates=0):
        loaded = parse_article(synthetic.seed_text().encode("utf-8"), Path(synthetic.file_name))
        if isinstance(loaded, LoadProblem):
            raise SystemExit(f"synthetic article did not load: {loaded}")
        yield f"corpus/{synthetic.file_name}", loaded


def gold_articles() -> Iterator[tuple[str, Article]]:
    gold = ROOT / "tests" / "gold"
    paths = sorted(
        path
        for folder in (gold, gold / "heldout")
        for path in folder.iterdir()
        if path.suffix in (".txt", ".md") and path.name != "README.md"
    )
    for path in paths:
        loaded = load_file(path)
        if isinstance(loaded, LoadProblem):
            raise SystemExit(f"gold article did not load: {loaded}")
        yield f"gold/{path.relative_to(gold)}", loaded


def seed_articles() -> Iterator[tuple[str, Article]]:
    for article in load_paths([ROOT / "seeds"]).articles:
        yield f"seeds/{article.path.name}", article


def hostile_articles() -> Iterator[tuple[str, Article]]:
    kinds = dict(adversarial.KINDS)
    kinds["news (baseline)"] = adversarial._seed_text()
    for name, unit in kinds.items():
        text = adversarial.build(unit, HOSTILE_KB)
        yield (
            f"hostile/{name}",
            Article("hostile", Path("hostile.txt"), HOSTILE_DATE, "t", (text,)),
        )


def article_digests() -> dict[str, str]:
    digests: dict[str, str] = {}
    for source in (corpus_articles, gold_articles, seed_articles, hostile_articles):
        for name, article in source():
            facts = facts_to_dict(extract_facts(article))
            serialised = json.dumps(facts, sort_keys=True, ensure_ascii=False, default=str)
            digests[name] = hashlib.sha256(serialised.encode("utf-8")).hexdigest()
    return digests


def whole_digest(digests: dict[str, str]) -> str:
    whole = hashlib.sha256()
    for name, digest in digests.items():
        whole.update(f"{name}\t{digest}\n".encode())
    return whole.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--save", type=Path, help="write each article's digest here (JSON)")
    parser.add_argument(
        "--against", type=Path, help="compare with digests saved earlier; exit 1 on a difference"
    )
    options = parser.parse_args(argv)
    digests = article_digests()
    print(f"{len(digests)} articles, digest {whole_digest(digests)}")
    if options.save:
        options.save.write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")
    if options.against:
        earlier: dict[str, str] = json.loads(options.against.read_text(encoding="utf-8"))
        changed = [
            name
            for name in earlier.keys() | digests.keys()
            if earlier.get(name) != digests.get(name)
        ]
        for name in sorted(changed):
            print(f"  changed: {name}")
        print("same facts" if not changed else f"{len(changed)} articles' facts changed")
        return 1 if changed else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
