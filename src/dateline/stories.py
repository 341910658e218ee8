"""Stories: articles that report one event, and what they say together.

A story is a set of articles that name the same people and organisations, were
published close together and use much the same words. `group_stories` finds
them; each `Story` then merges its articles' facts for the story screen and the
export: one timeline in calendar order (the same day reported by two articles is
one entry with both sources), who's who across the articles, figures about the
same thing side by side, and quotes by speaker.

How the grouping decides (docs/stories.md says more):

1. Blocking. Only pairs of articles that share a person's or an organisation's
   name, and whose publication dates are at most `STORY_WINDOW_DAYS` apart, are
   ever compared. Candidates come from an inverted index of names; a name in more
   than `COMMON_NAME_ARTICLES` articles ("Labour", "NHS") is left out of it, so
   the work grows with the number of articles, not with its square.
2. Score. Each shared name adds its kind's weight (`PERSON_WEIGHT`,
   `ORGANIZATION_WEIGHT`) times its rarity, an inverse document frequency
   smoothed with `BACKGROUND_ARTICLES` imagined articles that share nothing, so a
   name in every article of a large corpus counts for little while the two names
   of a two-article corpus still count. Wording is the cosine of the two
   articles' content-word counts (stop words, numbers and short words left out),
   each word weighted by the same smoothed rarity.
3. Link. A pair is linked when its names score at least `MIN_NAME_SCORE`, its
   wording at least `MIN_WORDING`, and the two together
   (`names + WORDING_WEIGHT * wording`) at least `LINK_SCORE`.
4. Stories are the connected components of the links (union-find) with at least
   two articles; an article linked to nothing is in no story. Undated articles
   take no part: without a date they cannot be placed in the window, and their
   relative dates ("this Friday") are unresolved.

Nothing here imports Textual: the export and the tests never pay for the UI."""

from __future__ import annotations

import datetime as dt
import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dateline.facts.base import ArticleFacts, DateFact, Entity, Granularity, QuantityKind
from dateline.facts.text import sentence_ends, word_set
from dateline.model.article import Article

# --- Thresholds ------------------------------------------------------------------------
# Measured on the seeds, the gold articles (tests/gold, other subjects) and the
# synthetic corpus of benchmarks/make_corpus.py; docs/stories.md gives the figures.

# Follow-ups to one event rarely run more than two weeks after the report before
# them; the seeds are six days apart. A story can run longer than this, since it
# is chained through its articles (a link needs only each neighbour in reach).
STORY_WINDOW_DAYS = 14
# A name in more articles than this is a fixture of the news ("Labour", a
# national union), not a sign of one event; it would also make the candidate
# pairs grow with the square of its articles. The largest story of the
# synthetic corpus has about a dozen articles; real running stories rarely name
# one person in hundreds of articles within two weeks.
COMMON_NAME_ARTICLES = 200
# Imagined articles that name nothing in common, added to the corpus when
# weighing names and words: with only two articles every name is "in every
# article", and an unsmoothed rarity would make the two seeds share nothing.
BACKGROUND_ARTICLES = 100
# A full personal name is far stronger evidence than an organisation: councils,
# unions and companies appear in many unrelated stories.
PERSON_WEIGHT = 1.0
ORGANIZATION_WEIGHT = 0.5
# Names alone must amount to at least one rare person, or two rare organisations
# (each scores a little under its weight), so a shared council or union is not
# enough however alike the wording.
MIN_NAME_SCORE = 0.75
# Wording as alike as this: news about one event shares its vocabulary. Unrelated
# articles that share a name (a town's MP in two stories) share little else.
MIN_WORDING = 0.2
WORDING_WEIGHT = 2.0
LINK_SCORE = 1.6
# Words shorter than this carry little topic ("new", "say" are caught by the
# stop list; this drops the rest of the short glue words).
MIN_WORD_LENGTH = 3
# Content words kept for an article's wording: a news article of 300 to 600
# words has 150 to 300 distinct ones, and its most frequent hundred carry most of
# the cosine; keeping only those bounds memory on a corpus of 100,000.
TOP_WORDS = 100

# Figures: a quantity's context is the content words within this many words of
# it in its sentence: about a clause either side, where what it counts is said.
FIGURE_CONTEXT_WORDS = 6
# Two quantities of one kind and unit are about the same thing when their
# contexts share at least this many words, and that is at least this share of
# the words of both (Jaccard). One shared word ("council") is chance; without
# the share, components chain through template phrases: on the synthetic
# corpus, groups of up to 42 figures at no share, 22 at 0.4.
FIGURE_SHARED_WORDS = 2
FIGURE_OVERLAP = 0.4
# Values this close (relative) are the same figure rounded differently.
FIGURE_TOLERANCE = 1e-9
# A context word in more distinct contexts than this, among one unit's figures
# of a story, finds no candidates to compare (it still counts in the overlap
# of those compared through other words): like a common name, it says nothing
# about which figures belong together, and comparing every pair that shares it
# would grow with the square of the figures. The synthetic corpus's largest
# story has under 30 figures of one unit.
FIGURE_COMMON_WORD = 50
# A figure's context is looked for within this many characters of it: six
# content words either side fit easily, and a sentence that never ends (a
# transcript without full stops) is not read from its start for every figure.
FIGURE_CONTEXT_CHARS = 400
# A sentence shown beside a date or a figure is at most this long: a longer one
# is given as the words around the fact (still a slice of the paragraph).
MAX_SENTENCE_CHARS = 600

# A word of at least `MIN_WORD_LENGTH` letters (an apostrophe may join two).
_WORD = re.compile(rf"[^\W\d_]{{{MIN_WORD_LENGTH},}}(?:'[^\W\d_]+)?")
_STOP_WORDS = word_set(
    """
    a about above after again against all also am among an and another any are as at
    back be because been before being below between both but by can cannot could did do
    does doing done down during each either even every few for from further get gets got
    had has have having he her here hers herself him himself his how however i if in into
    is it its itself just last least less like made make many may me might more most much
    must my myself near neither next no nor not now of off on once one only or other our
    ours out over own per put said same say says she should since so some still such than
    that the their theirs them themselves then there these they this those though through
    to too told under until up upon us very via was we were what when where whether which
    while who whom whose why will with within without would yet you your yours
    mr mrs ms dr it's year years week weeks month months day days time today yesterday
    tomorrow
    """
)


# --- Data --------------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Source:
    """One article's mention of a timeline date, with the sentence that holds it
    (the reader sees the date in its context without opening the article)."""

    article_id: str
    article_date: dt.date | None
    paragraph: int
    start_char: int
    end_char: int
    text: str
    sentence: str


@dataclass(slots=True, frozen=True)
class TimelineEntry:
    """A point or period of calendar time and every mention of it in the story.
    Two articles naming one day ("27 January", "this Friday") are one entry."""

    start: dt.date
    end: dt.date
    granularity: Granularity
    value: str | None
    sources: tuple[Source, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(source.article_id for source in self.sources))


@dataclass(slots=True, frozen=True)
class EntityRole:
    """A role as the articles state it, and which articles state it."""

    role: str
    article_ids: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class StoryEntity:
    """A person or organisation of the story: who's who."""

    name: str
    kind: str  # "person" or "organization"
    roles: tuple[EntityRole, ...]
    article_ids: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class Figure:
    """One quantity in one article, for comparison with the others of its group."""

    text: str
    value: float | int
    approximate: bool
    article_id: str
    article_date: dt.date | None
    paragraph: int
    start_char: int
    end_char: int
    sentence: str


@dataclass(slots=True, frozen=True)
class FigureGroup:
    """Quantities about the same thing from at least two articles. `agree` is
    true when every value is the same."""

    kind: QuantityKind
    unit: str
    topic: tuple[str, ...]  # the context words the figures share
    figures: tuple[Figure, ...]
    agree: bool


@dataclass(slots=True, frozen=True)
class StoryQuote:
    text: str
    article_id: str
    article_date: dt.date | None
    paragraph: int
    start_char: int
    end_char: int
    partial: bool


@dataclass(slots=True, frozen=True)
class SpeakerQuotes:
    """Everything one speaker is quoted as saying across the story; `speaker` is
    None for quotes whose speaker the articles do not give."""

    speaker: str | None
    quotes: tuple[StoryQuote, ...]

    @property
    def article_ids(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(quote.article_id for quote in self.quotes))


@dataclass(slots=True, frozen=True)
class Story:
    """Articles about one event. `id` is "s:" and the id of its earliest
    article (the report that broke it), so the same articles give the same
    story id every time and a script can name a story; `number` is its place
    in this grouping, newest story first (1, 2, ...), for display."""

    id: str
    number: int
    title: str
    article_ids: tuple[str, ...]  # oldest first
    timeline: tuple[TimelineEntry, ...]
    people: tuple[StoryEntity, ...]
    organizations: tuple[StoryEntity, ...]
    figures: tuple[FigureGroup, ...]
    quotes: tuple[SpeakerQuotes, ...]


# --- Grouping --------------------------------------------------------------------------


def group_stories(items: Sequence[tuple[Article, ArticleFacts]]) -> list[Story]:
    """The stories among `items`, newest first (by each story's newest article),
    with their merged timelines, who's who, figures and quotes.

    Deterministic: the same items in any order give the same stories."""
    by_id = {article.id: (article, facts) for article, facts in items}
    return [
        build_story([by_id[article_id] for article_id in group], number)
        for number, group in enumerate(group_articles(items), start=1)
    ]


def group_articles(items: Sequence[tuple[Article, ArticleFacts]]) -> list[tuple[str, ...]]:
    """The ids of each story's articles (oldest first), newest story first: the
    grouping alone, for a caller that builds a story's view only when shown."""
    dated = sorted(
        ((article, facts) for article, facts in items if article.date is not None),
        key=_oldest_first,
    )
    if len(dated) < 2:
        return []
    articles = [article for article, _ in dated]
    names = [_names(facts) for _, facts in dated]
    candidates = [
        (pair, score)
        for pair, score in _candidate_pairs(articles, names, _name_weights(names)).items()
        if score >= MIN_NAME_SCORE
    ]
    wording = _wording_vectors(articles, {index for pair, _ in candidates for index in pair})
    links = _UnionFind(len(dated))
    for (first, second), name_score in candidates:
        if links.same(first, second):
            continue
        similarity = _cosine(wording[first], wording[second])
        if similarity >= MIN_WORDING and name_score + WORDING_WEIGHT * similarity >= LINK_SCORE:
            links.union(first, second)
    groups: dict[int, list[int]] = defaultdict(list)
    for index in range(len(dated)):
        groups[links.find(index)].append(index)
    members = [sorted(group) for group in groups.values() if len(group) >= 2]
    # Newest story first: by its newest article (date, then id); `dated` is in
    # that order already, so the last index of a group is its newest article.
    members.sort(key=lambda group: group[-1], reverse=True)
    return [tuple(articles[index].id for index in group) for group in members]


def _names(facts: ArticleFacts) -> dict[str, float]:
    """The article's people and organisations, casefolded, with their kind's weight."""
    found: dict[str, float] = {}
    for entity in facts.organizations:
        found[_name_key(entity.name)] = ORGANIZATION_WEIGHT
    for entity in facts.people:
        found[_name_key(entity.name)] = PERSON_WEIGHT  # a person outweighs a namesake org
    return found


def _name_key(name: str) -> str:
    return " ".join(name.replace("’", "'").casefold().split())


def _rarity(articles_with: int, articles: int) -> float:
    """Smoothed inverse document frequency on 0..1: near 1 for a name or word in
    one article of a large corpus, lower the more articles have it."""
    total = articles + BACKGROUND_ARTICLES
    return math.log(total / articles_with) / math.log(total)


def _name_weights(names: Sequence[dict[str, float]]) -> dict[str, float]:
    """Kind weight times rarity for every name worth blocking on (in two to
    `COMMON_NAME_ARTICLES` articles)."""
    counts = Counter(name for found in names for name in found)
    weights: dict[str, float] = {}
    for found in names:
        for name, kind_weight in found.items():
            count = counts[name]
            if 2 <= count <= COMMON_NAME_ARTICLES and name not in weights:
                weights[name] = kind_weight * _rarity(count, len(names))
    return weights


def _candidate_pairs(
    articles: Sequence[Article], names: Sequence[dict[str, float]], weight: dict[str, float]
) -> dict[tuple[int, int], float]:
    """Pairs of articles (by index, dates ascending) within the window that share
    a name, with the sum of their shared names' weights. Each name's postings are
    in date order, so a pair is found by walking forward only while in reach."""
    postings: dict[str, list[int]] = defaultdict(list)
    for index, found in enumerate(names):
        for name in found:
            if name in weight:
                postings[name].append(index)
    window = dt.timedelta(days=STORY_WINDOW_DAYS)
    scores: dict[tuple[int, int], float] = defaultdict(float)
    for name, indices in postings.items():
        name_weight = weight[name]
        for position, first in enumerate(indices):
            reach = articles[first].date + window  # type: ignore[operator]
            for second in indices[position + 1 :]:
                if articles[second].date > reach:  # type: ignore[operator]
                    break
                scores[(first, second)] += name_weight
    return scores


def _words(text: str) -> list[str]:
    """Content words of `text`, casefolded: stop words and short words left out."""
    found = _WORD.findall(text.casefold().replace("’", "'"))
    return [word for word in found if word not in _STOP_WORDS]


def _wording_vectors(articles: Sequence[Article], wanted: set[int]) -> dict[int, dict[str, float]]:
    """Unit-length vectors of content-word counts, weighted by rarity among the
    `wanted` articles (the ones in a candidate pair), for those articles only.

    Each vector keeps an article's `TOP_WORDS` most frequent content words, so
    memory stays flat however long the articles are; the words that make up
    most of the cosine are kept."""
    document_frequency: Counter[str] = Counter()
    top: dict[int, list[tuple[str, int]]] = {}
    for index in sorted(wanted):
        article = articles[index]
        counts = Counter(_words(article.title + "\n" + article.text))
        document_frequency.update(counts.keys())
        top[index] = counts.most_common(TOP_WORDS)
    rarity = {word: _rarity(count, len(wanted)) for word, count in document_frequency.items()}
    vectors: dict[int, dict[str, float]] = {}
    for index, counts in top.items():
        vector = {word: count * rarity[word] for word, count in counts}
        norm = math.sqrt(math.fsum(value * value for value in vector.values()))
        vectors[index] = {word: value / norm for word, value in vector.items()} if norm else {}
    return vectors


def _cosine(first: dict[str, float], second: dict[str, float]) -> float:
    if len(second) < len(first):
        first, second = second, first
    get = second.get
    return sum([value * get(word, 0.0) for word, value in first.items()])


class _UnionFind:
    __slots__ = ("parent",)

    def __init__(self, size: int):
        self.parent = list(range(size))

    def find(self, index: int) -> int:
        parent = self.parent
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def union(self, first: int, second: int) -> None:
        first, second = self.find(first), self.find(second)
        if first != second:
            # The smaller index is the root: components do not depend on link order.
            low, high = min(first, second), max(first, second)
            self.parent[high] = low

    def same(self, first: int, second: int) -> bool:
        return self.find(first) == self.find(second)


# --- One story's merged facts --------------------------------------------------------------


def story_id(earliest_article_id: str) -> str:
    """A story's id: stable while its earliest article stays its earliest."""
    return f"s:{earliest_article_id}"


def build_story(items: Sequence[tuple[Article, ArticleFacts]], number: int = 1) -> Story:
    """The merged view of articles already known to be one story, the
    `number`th of its grouping."""
    ordered = sorted(items, key=_oldest_first)
    return Story(
        id=story_id(ordered[0][0].id),
        number=number,
        title=ordered[0][0].title,  # the report that broke the story: stable as more join
        article_ids=tuple(article.id for article, _ in ordered),
        timeline=merge_timeline(ordered),
        people=_who(ordered, "person"),
        organizations=_who(ordered, "organization"),
        figures=side_by_side(ordered),
        quotes=_quotes_by_speaker(ordered),
    )


def _oldest_first(item: tuple[Article, ArticleFacts]) -> tuple[int, dt.date, str]:
    article = item[0]
    if article.date is None:
        return (1, dt.date.max, article.id)
    return (0, article.date, article.id)


def sentence_at(paragraph: str, start: int, end: int) -> str:
    """The whole sentence of `paragraph` that holds `paragraph[start:end]`, or
    the words around it when the sentence is over `MAX_SENTENCE_CHARS` (always
    a slice of the paragraph).

    A full stop after an abbreviation ("Mr.", "St.") or an initial does not end
    a sentence. Offsets outside the paragraph are clamped; never raises."""
    return _sentence_text(paragraph, _sentence_bounds(paragraph, start, end), start, end)


def _sentence_text(paragraph: str, bounds: tuple[int, int], start: int, end: int) -> str:
    """The sentence within `bounds`, cut to the words around `start:end` when
    it is too long to show (or to copy for every fact in it)."""
    begin, finish = bounds
    if finish - begin > MAX_SENTENCE_CHARS:
        start = max(begin, min(start, finish))
        end = max(start, min(end, finish))
        room = max(0, MAX_SENTENCE_CHARS - (end - start)) // 2
        low, high = max(begin, start - room), min(finish, end + room)
        # Cut at a space, so no word is shown in half.
        if low > begin and (space := paragraph.find(" ", low, start)) != -1:
            low = space + 1
        if high < finish and (space := paragraph.rfind(" ", end, high)) != -1:
            high = space
        begin, finish = low, high
    return paragraph[begin:finish].strip()


def _sentence_bounds(paragraph: str, start: int, end: int) -> tuple[int, int]:
    start = max(0, min(start, len(paragraph)))
    end = max(start, min(end, len(paragraph)))
    ends = _sentence_ends(paragraph)
    # The last sentence end at or before `start` (the sentence's beginning), and
    # the first one after `end` (where the sentence stops).
    before = bisect_right(ends, start) - 1
    begin = ends[before] if before >= 0 else 0
    after = bisect_right(ends, end)
    finish = ends[after] if after < len(ends) else len(paragraph)
    return begin, finish


@lru_cache(maxsize=4096)
def _sentence_ends(paragraph: str) -> tuple[int, ...]:
    """Where each sentence of the paragraph ends, as the facts' text layer
    cuts it (`dateline.facts.text.sentence_ends`). Cached: a story asks about
    the same paragraphs for many dates and figures."""
    return tuple(sentence_ends(paragraph))


def _paragraph(article: Article, index: int) -> str:
    if 0 <= index < len(article.paragraphs):
        return article.paragraphs[index]
    return ""


def _source(article: Article, fact: DateFact) -> Source:
    paragraph = _paragraph(article, fact.paragraph)
    sentence = sentence_at(paragraph, fact.start_char, fact.end_char) or fact.text
    return Source(
        article_id=article.id,
        article_date=article.date,
        paragraph=fact.paragraph,
        start_char=fact.start_char,
        end_char=fact.end_char,
        text=fact.text,
        sentence=sentence,
    )


_GRANULARITY_ORDER = {
    name: order
    for order, name in enumerate(
        ("time", "day", "week", "month", "quarter", "year", "fiscal_year", "decade", "century")
    )
}


def merge_timeline(items: Sequence[tuple[Article, ArticleFacts]]) -> tuple[TimelineEntry, ...]:
    """Every date of the articles in calendar order, one entry per period.

    Mentions with the same start, end, granularity and value are one entry (the
    value matters only for times: 4pm and 6pm of one day are two points).
    Sources are in article order (oldest first), then by place in the article.
    Durations are not on the timeline: they are lengths, not points in time."""
    merged: dict[tuple[dt.date, dt.date, str, str], list[Source]] = {}
    values: dict[tuple[dt.date, dt.date, str, str], tuple[Granularity, str | None]] = {}
    for article, facts in items:
        for fact in sorted(facts.dates, key=lambda d: (d.paragraph, d.start_char)):
            key = (fact.start, fact.end, fact.granularity, fact.value or "")
            merged.setdefault(key, []).append(_source(article, fact))
            values[key] = (fact.granularity, fact.value)
    ordered = sorted(
        merged,
        key=lambda key: (key[0], key[1], _GRANULARITY_ORDER.get(key[2], 99), key[3]),
    )
    return tuple(
        TimelineEntry(
            start=key[0],
            end=key[1],
            granularity=values[key][0],
            value=values[key][1],
            sources=tuple(merged[key]),
        )
        for key in ordered
    )


def _who(items: Sequence[tuple[Article, ArticleFacts]], kind: str) -> tuple[StoryEntity, ...]:
    """People or organisations across the articles, merged by name; roles kept
    as each article states them (distinct, with the articles that state them).
    Most-mentioned first (by number of articles), then by name."""
    names: dict[str, str] = {}
    articles: dict[str, list[str]] = defaultdict(list)
    roles: dict[str, dict[str, tuple[str, list[str]]]] = defaultdict(dict)
    for article, facts in items:
        entities: tuple[Entity, ...] = facts.people if kind == "person" else facts.organizations
        for entity in entities:
            key = _name_key(entity.name)
            # The longest spelling is the canonical one, as within an article.
            if len(entity.name) > len(names.get(key, "")):
                names[key] = entity.name
            if article.id not in articles[key]:
                articles[key].append(article.id)
            if entity.role:
                role_key = " ".join(entity.role.casefold().split())
                stated = roles[key].setdefault(role_key, (entity.role, []))
                if article.id not in stated[1]:
                    stated[1].append(article.id)
    ordered = sorted(names, key=lambda key: (-len(articles[key]), names[key].casefold()))
    return tuple(
        StoryEntity(
            name=names[key],
            kind=kind,
            roles=tuple(EntityRole(role, tuple(ids)) for role, ids in roles.get(key, {}).values()),
            article_ids=tuple(articles[key]),
        )
        for key in ordered
    )


def _quotes_by_speaker(
    items: Sequence[tuple[Article, ArticleFacts]],
) -> tuple[SpeakerQuotes, ...]:
    """Quotes grouped by speaker (names casefolded), in article order; speakers
    heard in the most articles first, unknown speakers last."""
    spoken: dict[str | None, list[StoryQuote]] = defaultdict(list)
    names: dict[str | None, str | None] = {None: None}
    for article, facts in items:
        for quote in sorted(facts.quotes, key=lambda q: (q.paragraph, q.start_char)):
            key = _name_key(quote.speaker) if quote.speaker else None
            if key is not None and len(quote.speaker or "") > len(names.get(key) or ""):
                names[key] = quote.speaker
            spoken[key].append(
                StoryQuote(
                    text=quote.text,
                    article_id=article.id,
                    article_date=article.date,
                    paragraph=quote.paragraph,
                    start_char=quote.start_char,
                    end_char=quote.end_char,
                    partial=quote.partial,
                )
            )
    groups = [SpeakerQuotes(names[key], tuple(quotes)) for key, quotes in spoken.items()]
    groups.sort(
        key=lambda group: (
            group.speaker is None,
            -len(group.article_ids),
            -len(group.quotes),
            (group.speaker or "").casefold(),
        )
    )
    return tuple(groups)


def _context(
    paragraph: str, bounds: tuple[int, int], start: int, end: int, unit: str
) -> frozenset[str]:
    """Content words within `FIGURE_CONTEXT_WORDS` words of a quantity, in its
    sentence (`bounds`) and within `FIGURE_CONTEXT_CHARS` of it; the unit's own
    words are left out (the unit is compared apart)."""
    before = _near_words(paragraph, max(bounds[0], start - FIGURE_CONTEXT_CHARS), start, -1)
    after = _near_words(paragraph, end, min(bounds[1], end + FIGURE_CONTEXT_CHARS), 1)
    unit_words = set(_words(unit))
    return frozenset(_stem(word) for word in (*before, *after) if word not in unit_words)


def _near_words(paragraph: str, low: int, high: int, direction: int) -> list[str]:
    """The `FIGURE_CONTEXT_WORDS` content words of `paragraph[low:high]`
    nearest its end (`direction` -1) or its start (1). A short stretch is read
    first, the whole only when it holds too few: six content words are seldom
    more than a hundred characters away."""
    near = FIGURE_CONTEXT_CHARS // 4
    if high - low > near:
        piece = paragraph[high - near : high] if direction < 0 else paragraph[low : low + near]
        words = _words(piece)
        # One more than needed: the word at the cut may be cut in half.
        if len(words) > FIGURE_CONTEXT_WORDS:
            return words[-FIGURE_CONTEXT_WORDS:] if direction < 0 else words[:FIGURE_CONTEXT_WORDS]
    words = _words(paragraph[low:high])
    return words[-FIGURE_CONTEXT_WORDS:] if direction < 0 else words[:FIGURE_CONTEXT_WORDS]


def _stem(word: str) -> str:
    # Plurals and singulars meet ("workers", "worker"); nothing cleverer is needed
    # to compare a few words of context.
    return word[:-1] if len(word) > 4 and word.endswith("s") else word


def _unit_key(unit: str) -> str:
    return " ".join(_stem(word) for word in unit.casefold().split())


@dataclass(slots=True, frozen=True)
class _Sighting:
    """A figure with what decides which others it is compared with."""

    figure: Figure
    kind: QuantityKind
    unit: str  # as the extractor gives it
    unit_key: str  # casefolded, plurals folded: what is compared
    context: frozenset[str]


def _same_value(first: float | int, second: float | int) -> bool:
    try:
        return math.isclose(first, second, rel_tol=FIGURE_TOLERANCE)
    except OverflowError:  # an integer too large for a float: compared exactly
        return first == second


def _link_figures(found: Sequence[_Sighting], indices: Sequence[int], links: _UnionFind) -> None:
    """Link the figures of one kind and unit that are about the same thing.

    Figures with the same context words are compared once, as one class: an
    article that repeats a sentence a thousand times makes one class, not a
    million pairs. Two similar classes link every figure of both unless all of
    them come from one article (the same article's figures are not compared);
    a class whose figures come from two articles or more is similar to itself.
    Candidate classes share a context word that is in at most
    `FIGURE_COMMON_WORD` classes; the overlap is then counted over all words.
    The work grows with the figures times that bound, never with their square."""
    classes: dict[frozenset[str], list[int]] = {}
    for index in indices:
        classes.setdefault(found[index].context, []).append(index)
    contexts = list(classes)
    members = list(classes.values())
    articles = [{found[index].figure.article_id for index in group} for group in members]
    having: dict[str, list[int]] = defaultdict(list)
    for number, context in enumerate(contexts):
        for word in context:
            having[word].append(number)
    linked = [False] * len(contexts)

    def similar(first: frozenset[str], second: frozenset[str]) -> bool:
        count = len(first & second)
        union = len(first) + len(second) - count
        return count >= FIGURE_SHARED_WORDS and count >= FIGURE_OVERLAP * union

    for number, context in enumerate(contexts):
        if len(articles[number]) >= 2 and similar(context, context):
            linked[number] = True
        candidates: set[int] = set()
        for word in context:
            sharing = having[word]
            if len(sharing) <= FIGURE_COMMON_WORD:
                candidates.update(other for other in sharing if other > number)
        for other in sorted(candidates):
            both = articles[number] | articles[other]
            if len(both) >= 2 and similar(context, contexts[other]):
                linked[number] = linked[other] = True
                links.union(members[number][0], members[other][0])
    for number, group in enumerate(members):
        if linked[number]:
            for index in group[1:]:
                links.union(group[0], index)


def side_by_side(items: Sequence[tuple[Article, ArticleFacts]]) -> tuple[FigureGroup, ...]:
    """Quantities about the same thing from different articles.

    Two quantities are about the same thing when they are of one kind and one
    unit (currency, "%", or counted noun, plurals folded) and their contexts
    share at least `FIGURE_SHARED_WORDS` content words, making up at least
    `FIGURE_OVERLAP` of the words of both. Groups are the
    connected components of that relation; only groups with figures from two
    or more articles are kept, since one article's figures are not compared
    with each other here."""
    found: list[_Sighting] = []
    for article, facts in items:
        for quantity in facts.quantities:
            paragraph = _paragraph(article, quantity.paragraph)
            bounds = _sentence_bounds(paragraph, quantity.start_char, quantity.end_char)
            figure = Figure(
                text=quantity.text,
                value=quantity.value,
                approximate=quantity.approximate,
                article_id=article.id,
                article_date=article.date,
                paragraph=quantity.paragraph,
                start_char=quantity.start_char,
                end_char=quantity.end_char,
                sentence=_sentence_text(paragraph, bounds, quantity.start_char, quantity.end_char)
                or quantity.text,
            )
            context = _context(
                paragraph, bounds, quantity.start_char, quantity.end_char, quantity.unit
            )
            found.append(
                _Sighting(figure, quantity.kind, quantity.unit, _unit_key(quantity.unit), context)
            )
    by_unit: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, sighting in enumerate(found):
        by_unit[(sighting.kind, sighting.unit_key)].append(index)
    links = _UnionFind(len(found))
    for indices in by_unit.values():
        _link_figures(found, indices, links)
    components: dict[int, list[int]] = defaultdict(list)
    for index in range(len(found)):
        components[links.find(index)].append(index)
    groups: list[FigureGroup] = []
    for indices in components.values():
        figures = [found[index].figure for index in indices]
        if len({figure.article_id for figure in figures}) < 2:
            continue
        shared = Counter(word for index in indices for word in found[index].context)
        topic = tuple(sorted(word for word, count in shared.items() if count >= 2))
        first_value = figures[0].value
        agree = all(_same_value(figure.value, first_value) for figure in figures)
        first = found[indices[0]]
        groups.append(FigureGroup(first.kind, first.unit, topic, tuple(figures), agree))
    return tuple(groups)


def story_news(
    before: Mapping[str, Story], stories: Sequence[Story]
) -> list[tuple[Story, tuple[str, ...], bool]]:
    """What a new grouping says that the one `before` (article id -> its
    story) did not: each story with the articles it gained, and whether it is
    new (none of its articles was in a story). Stories in the new grouping's
    order; for the reader's notifications while it watches the corpus."""
    news = []
    for story in stories:
        added = tuple(article_id for article_id in story.article_ids if article_id not in before)
        if added:
            new = len(added) == len(story.article_ids)
            news.append((story, added, new))
    return news
