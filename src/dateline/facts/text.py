"""One article's text as every extractor reads it.

Each paragraph is cut once into sentences and words; each sentence is known
as ordinary prose, shouted (in capitals, as wire headlines are: "SOCCER -
JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.") or headline case (every
word capitalised: "Council To Go Ahead With Plan"); a paragraph made mostly
of numbers is a table (league tables and results: "Arminia Bielefeld 16 4 4
8 18 28 16"). The article as a whole says which words it writes in lower case
and which it capitalises inside a sentence, where capitals mean a name.

From that, each paragraph has a `cased` view: the same text, of the same
length, with shouted and headline-case words written as the article writes
them elsewhere ("JAPAN" as "Japan", "WIN" as "win"), or as the lexicons know
them. Names are looked for in that view, so capitals are handled here once
and not in each extractor; every offset into `cased` is an offset into the
text, so a fact's text is still the paragraph's own slice.

Everything here is linear in the text: one pass of a few regular
expressions per paragraph, and a binary search for each question asked of a
position ("which sentence holds offset 4,210?").
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Literal


def word_set(words: str) -> frozenset[str]:
    """A frozenset of whitespace-separated words: word lists read as prose."""
    return frozenset(words.split())


# The end of a sentence: its mark, any closing quotes or brackets, then space.
SENTENCE_END = re.compile(r"[.!?…][”’\"')\]]*\s+")
WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
# Runs of ASCII letters and runs of digits (see ParagraphText.words_at), and
# the key every run of digits is listed under.
_ASCII_WORD_OR_NUMBER = re.compile(r"[A-Za-z]+|[0-9]+")
NUMBER = "#"
# Letters that case-insensitive matching takes for ASCII letters ("ſ" for
# "s", the Kelvin sign for "k", the dotted and dotless i) though lower() does
# not turn them into those: see ParagraphText.folds_into_ascii.
_FOLDED_LETTERS = re.compile("[İıſK]")
# These open with the letter and look behind it after: a pattern that opens
# with a lookbehind is tried at every offset, one that opens with a class of
# characters only where one of them is ("(?<!\w.)" after the letter is
# "(?<!\w)" before it).
_LOWERCASE_WORD = re.compile(r"[a-z](?<!\w.)(?<!\w[’'\-].)\w*(?:[’'\-]\w+)*")
_LOWER_START = re.compile(r"[a-z](?<![\w’'\-].)")
_CAPITALISED_WORD = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w’'\-].)\w*(?:[’'\-]\w+)*")

# Honorifics and titles written with a full stop ("Mr.", "Sen.", "Gov.").
HONORIFICS = word_set(
    """
    mr mrs ms miss mx dr sir dame lord lady baroness baron prof professor clr cllr coun
    councillor rev revd reverend fr judge pc dc ds di dci dsi sgt insp supt det sen gov rep
    gen col lt capt maj cmdr adm pres atty amb
    """
)
# Abbreviations written with a full stop that does not end the sentence.
ABBREVIATIONS = HONORIFICS | word_set(
    """
    st mt ft no vs jr sr inc co corp ltd jan feb mar apr jun jul aug sep sept oct nov dec
    etc approx dept est govt
    """
)

# Words that a headline-case sentence capitalises and prose never does.
_HEADLINE_FUNCTION_WORDS = word_set(
    "a an the of in on at to for with from by and or but as into over after is are was be"
)
# Words of two or more characters with a letter; those in capitals.
_LETTERED_WORD = re.compile(r"(?<![\w’'\-])(?=\w*[^\W\d_])\w[\w’'\-]*\w")
_SHOUTED_WORD = re.compile(
    r"(?<![\w’'\-])(?=[\w’'\-]*[A-ZÀ-ÖØ-Þ])[A-ZÀ-ÖØ-Þ0-9][A-ZÀ-ÖØ-Þ0-9’'\-]*[A-ZÀ-ÖØ-Þ0-9]"
    r"(?![\w’'\-])"
)
_CAPITAL_START = re.compile(r"[A-ZÀ-ÖØ-Þ](?<![\w’'\-].)")
_SMALL_WORD_CAPITALISED = re.compile(
    r"(?<![\w’'\-])(?:"
    + "|".join(sorted(word.capitalize() for word in _HEADLINE_FUNCTION_WORDS))
    + r")(?![\w’'\-])"
)
_MIN_SHOUTED_WORDS = 2
_SHOUTED_SHARE = 0.75
_MIN_HEADLINE_WORDS = 4
_HEADLINE_SHARE = 0.85
# A paragraph is a table when numbers are this share of its words or more.
_TABLE_NUMBER_SHARE = 0.4
_MIN_TABLE_NUMBERS = 3
# A line with no full stop at its end is a table line with fewer numbers.
_LINE_NUMBER_SHARE = 0.25
_MAX_SCORE_LINE_WORDS = 12
_SENTENCE_MARKS = frozenset('.!?:;"”’…')
# A number as tables write them: "16", "(19th,", "6-4", "19.32", "2-1".
_DIGITS = re.compile(r"\d+")
_NUMBER_TOKEN = re.compile(r"\(?[-+]?\d+(?:[.,:/-]\d+)*(?:st|nd|rd|th)?[),;.]*")
_MONTH_ABBREVIATION = r"(?:Jan|Feb|Mar|Apr|May|Jun|June|Jul|July|Aug|Sept?|Oct|Nov|Dec)\.?"
# A wire dateline opening a paragraph: the place in capitals ("GLASGOW",
# "AL-AIN", "NEW YORK"), perhaps a region or country after a comma ("AL-AIN,
# United Arab Emirates"), then the date ("1996-12-06", ", Oct. 26"), the agency
# in brackets ("(Reuters)") or a dash.
_CAPITALS_WORD = r"[A-Z][A-Z.'’\-]*[A-Z.]"
_TITLE_WORD = r"[A-Z][\w.'’\-]*"
_DATELINE_END = (
    rf"(?=[ \u00a0]+(?:\d{{4}}-\d{{2}}-\d{{2}}\b|\(|[-–—][ \u00a0])"
    rf"|,[ \u00a0]+{_MONTH_ABBREVIATION}[ \u00a0]+\d)"
)
_DATELINE = re.compile(
    rf"(?P<place>{_CAPITALS_WORD}(?:[ \u00a0]{_CAPITALS_WORD}){{0,3}})"
    rf"(?:,[ \u00a0]+(?P<region>{_TITLE_WORD}(?:[ \u00a0]{_TITLE_WORD}){{0,3}}){_DATELINE_END}"
    rf"|{_DATELINE_END})"
)

Style = Literal["prose", "shouted", "headline"]


def is_abbreviation(text: str, at: int) -> bool:
    """Whether the full stop at `at` closes an abbreviation ("Mr.", "Jan.") or
    an initial ("J. Smith", "U.S."), and so does not end a sentence."""
    if text[at] != ".":
        return False
    # The word ending at `at` (or before a line break there), within 12
    # characters: what r"(\w+)$" would find there, read from the end.
    floor = max(0, at - 12)
    end = at - 1 if at > floor and text[at - 1] == "\n" else at
    start = end
    while start > floor and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    if start == end:
        return False
    found = text[start:end]
    return found.casefold() in ABBREVIATIONS or (len(found) == 1 and found.isupper())


def matches_at(
    pattern: re.Pattern[str], text: str, starts: Iterable[int]
) -> Iterator[re.Match[str]]:
    """What `pattern.finditer(text)` finds, given, ascending, every offset
    where one of its matches may begin: the pattern is tried only there,
    and after each match from its end on, as finditer goes on. A pattern
    that opens with "\\b" or a lookbehind gives the regex engine no first
    character to skip to, so finditer tries it at every offset."""
    resume = 0
    for start in starts:
        if start >= resume and (match := pattern.match(text, start)):
            resume = match.end()
            yield match


def sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` ends (after its mark, closing quotes and
    the space after them), ascending; the text's end is not listed. A full
    stop after an abbreviation or an initial, or before a lower-case word,
    ends nothing."""
    ends = []
    for match in SENTENCE_END.finditer(text):
        following = text[match.end() : match.end() + 1]
        if following.islower() or is_abbreviation(text, match.start()):
            continue
        ends.append(match.end())
    return ends


class ParagraphText:
    """One paragraph: its sentences, its words, the style of each sentence,
    and the `cased` view names are looked for in."""

    __slots__ = (
        "_folds",
        "_styles",
        "_word_ends",
        "_word_starts",
        "_words_at",
        "cased",
        "dateline",
        "ends",
        "index",
        "table",
        "text",
    )

    def __init__(self, index: int, text: str) -> None:
        self.index = index
        self.text = text
        self.cased = text
        # The start of every sentence after the first, ascending.
        self.ends: list[int] = sentence_ends(text)
        self._word_starts: list[int] | None = None
        self._word_ends: list[int] | None = None
        self._words_at: dict[str, list[int]] | None = None
        self._folds: bool | None = None
        self._styles: list[Style] = [
            _style(text, start, end) for start, end in self._sentence_spans()
        ]
        self.table = _is_table(text)
        # The wire dateline opening the paragraph: the place's span, and the
        # region's after a comma (or None).
        self.dateline: tuple[tuple[int, int], tuple[int, int] | None] | None = None
        # Not "SOCCER - JAPAN GET LUCKY WIN.": a headline's rest is in capitals too.
        if (match := _DATELINE.match(text)) and _style(
            text, match.end(), self.ends[0] if self.ends else len(text)
        ) != "shouted":
            region = match.span("region") if match.group("region") else None
            self.dateline = (match.span("place"), region)

    # --- sentences ----------------------------------------------------------------

    def _sentence_spans(self) -> Iterator[tuple[int, int]]:
        start = 0
        for end in self.ends:
            yield start, end
            start = end
        yield start, len(self.text)

    def sentences(self) -> list[tuple[int, int]]:
        """Every sentence as (start, end), in order."""
        return list(self._sentence_spans())

    def sentence_index(self, at: int) -> int:
        return bisect_right(self.ends, at)

    def sentence_start(self, at: int) -> int:
        """Where the sentence holding offset `at` starts."""
        i = bisect_right(self.ends, at)
        return self.ends[i - 1] if i else 0

    def sentence_bounds(self, start: int, end: int | None = None) -> tuple[int, int]:
        """The sentence (or run of sentences) holding `text[start:end]`, as
        (first offset, offset after its closing space)."""
        end = start if end is None else end
        i = bisect_right(self.ends, start)
        begin = self.ends[i - 1] if i else 0
        j = bisect_right(self.ends, end)
        finish = self.ends[j] if j < len(self.ends) else len(self.text)
        return begin, finish

    def starts_sentence(self, at: int) -> bool:
        """Whether only opening quotes or brackets stand between the start of
        the sentence and `at`, so a capital there is forced."""
        start = self.sentence_start(at)
        return not self.text[start:at].strip(" \t\u00a0\"“‘'([")

    def style_at(self, at: int) -> Style:
        return self._styles[self.sentence_index(at)]

    @property
    def shouted(self) -> bool:
        """Whether any sentence is in capitals or headline case."""
        return any(style != "prose" for style in self._styles)

    # --- words ---------------------------------------------------------------------

    def _index_words(self) -> None:
        matches = list(WORD.finditer(self.text))
        self._word_starts = list(map(re.Match.start, matches))
        self._word_ends = list(map(re.Match.end, matches))

    @property
    def word_starts(self) -> list[int]:
        if self._word_starts is None:
            self._index_words()
        return self._word_starts  # type: ignore[return-value]

    @property
    def word_ends(self) -> list[int]:
        if self._word_ends is None:
            self._index_words()
        return self._word_ends  # type: ignore[return-value]

    @property
    def words_at(self) -> dict[str, list[int]]:
        """Where each run of ASCII letters begins, keyed by the run in lower
        case, and each run of digits, keyed by NUMBER; ascending. Patterns
        that can begin only with a few words or a number ("a", "dozen",
        "March", "27") are tried there rather than at every offset, and the
        extractors share this one pass over the paragraph."""
        if self._words_at is None:
            at: dict[str, list[int]] = {}
            for token in _ASCII_WORD_OR_NUMBER.finditer(self.text):
                word = token.group()
                key = NUMBER if word[0] <= "9" else word.lower()
                starts = at.get(key)
                if starts is None:
                    at[key] = [token.start()]
                else:
                    starts.append(token.start())
            self._words_at = at
        return self._words_at

    @property
    def folds_into_ascii(self) -> bool:
        """Whether a case-insensitive pattern may match a word here that
        `words_at` does not list under that word ("ſix" matches "six"): a
        pattern anchored at its first words must then scan the paragraph
        whole."""
        if self._folds is None:
            # An ASCII text, known without reading it, holds none of them.
            text = self.text
            self._folds = not text.isascii() and _FOLDED_LETTERS.search(text) is not None
        return self._folds

    def starts_of(self, words: frozenset[str]) -> list[int]:
        """Where any of `words` (runs of letters in lower case, and NUMBER)
        begins, ascending; see `words_at`. Not to be changed by the caller."""
        at = self.words_at
        found = [at[word] for word in words.intersection(at)]
        if len(found) == 1:
            return found[0]
        return sorted(itertools.chain.from_iterable(found))

    def words_before(self, at: int, count: int, floor: int = 0) -> list[tuple[int, int]]:
        """Up to `count` words ending at or before `at` and starting at or
        after `floor`, nearest last, as (start, end)."""
        ends = self.word_ends
        i = bisect_right(ends, at)
        first = max(0, i - count)
        starts = self.word_starts
        return [(starts[k], ends[k]) for k in range(first, i) if starts[k] >= floor]

    def words_after(self, at: int, count: int, ceiling: int | None = None) -> list[tuple[int, int]]:
        """Up to `count` words starting at or after `at` and ending by
        `ceiling`, as (start, end)."""
        starts = self.word_starts
        i = bisect_left(starts, at)
        limit = len(self.text) if ceiling is None else ceiling
        ends = self.word_ends
        return [
            (starts[k], ends[k]) for k in range(i, min(len(starts), i + count)) if ends[k] <= limit
        ]

    # --- casing --------------------------------------------------------------------

    def recase(self, case_of: Callable[[str, bool], str | None]) -> None:
        """Write the `cased` view: in each shouted or headline-case sentence,
        every capitalised word as `case_of(word, shouted)` says (None keeps it)."""
        pieces: list[str] = []
        done = 0
        text = self.text
        if self.dateline is not None:
            # A name whatever the article says of its words: "AL-AIN" is "Al-Ain".
            start, end = self.dateline[0]
            for match in WORD.finditer(text, start, end):
                word = match.group()
                cased = case_of(word, True) if word.isupper() else None
                if cased is None or cased.islower():
                    cased = word.title()
                if cased != word and len(cased) == len(word):
                    pieces += [text[done : match.start()], cased]
                    done = match.end()
        if not self.shouted:
            if pieces:
                self.cased = "".join([*pieces, text[done:]])
            return
        for (start, end), style in zip(self._sentence_spans(), self._styles, strict=True):
            if style == "prose":
                continue
            for match in WORD.finditer(text, max(start, done), end):
                word = match.group()
                if not word[:1].isupper():
                    continue
                shouted = style == "shouted"
                if shouted and not word.isupper():
                    continue  # "McDonald" in a shouted line is already as written
                cased = case_of(word, shouted)
                if cased is None or cased == word or len(cased) != len(word):
                    continue
                pieces += [text[done : match.start()], cased]
                done = match.end()
        if pieces:
            self.cased = "".join([*pieces, text[done:]])


def _style(text: str, start: int, end: int) -> Style:
    """Prose, shouted (mostly capitals) or headline case (every word capitalised,
    small words too). Counted with a few searches, not word by word: a
    sentence may be a whole paragraph of 100,000 characters."""
    # Most sentences are prose, and show it by their many lower-case words.
    lower_words = len(_LOWER_START.findall(text, start, end))
    if lower_words > 3 and lower_words * 4 > text.count(" ", start, end) + 1:
        return "prose"
    lettered = len(_LETTERED_WORD.findall(text, start, end))
    if lettered >= _MIN_SHOUTED_WORDS:
        upper = len(_SHOUTED_WORD.findall(text, start, end))
        if upper >= _SHOUTED_SHARE * lettered and upper >= _MIN_SHOUTED_WORDS:
            return "shouted"
    alphabetic = lower_words + len(_CAPITAL_START.findall(text, start, end))
    if alphabetic >= _MIN_HEADLINE_WORDS and alphabetic - lower_words >= (
        _HEADLINE_SHARE * alphabetic
    ):
        first = WORD.search(text, start, end)
        if first and _SMALL_WORD_CAPITALISED.search(text, first.end(), end):
            return "headline"
    return "prose"


def _is_table(text: str) -> bool:
    """A league table, a line of results, a scorecard: mostly numbers, or,
    with no full stop at its end, a fair share of them or a short line that
    ends in one ("K. Odhiambo c Islam b Hossain 45")."""
    tokens = text.split()
    if len(tokens) < 2:
        return False
    # Each number holds a run of digits of its own, so a paragraph without
    # digits, or prose ending a sentence with fewer runs of them than a table
    # needs, is no table: not a token need be tried.
    runs = len(_DIGITS.findall(text))
    few = runs < _MIN_TABLE_NUMBERS or runs < _TABLE_NUMBER_SHARE * len(tokens)
    if not runs or (few and text.rstrip()[-1] in _SENTENCE_MARKS):
        return False
    # Only a token opening with a digit, a bracket or a sign is tried.
    numbers = sum(
        1
        for token in tokens
        if (token[0] in "(+-" or token[0].isdigit()) and _NUMBER_TOKEN.fullmatch(token)
    )
    if numbers >= _MIN_TABLE_NUMBERS and numbers >= _TABLE_NUMBER_SHARE * len(tokens):
        return True
    if not numbers or text.rstrip()[-1] in _SENTENCE_MARKS:
        return False
    return numbers >= _LINE_NUMBER_SHARE * len(tokens) or (
        len(tokens) <= _MAX_SCORE_LINE_WORDS and bool(_NUMBER_TOKEN.fullmatch(tokens[-1]))
    )


class ArticleText:
    """An article's paragraphs as the extractors read them, with what the
    whole article says about the case of each word."""

    __slots__ = ("_capitalised", "_lowercase", "_opening", "_recased", "paragraphs")

    def __init__(self, paragraphs: Sequence[str]) -> None:
        self.paragraphs: tuple[ParagraphText, ...] = tuple(
            ParagraphText(index, text) for index, text in enumerate(paragraphs)
        )
        self._lowercase: set[str] | None = None
        self._capitalised: dict[str, str] | None = None
        self._opening: dict[str, str] | None = None
        self._recased = False

    @classmethod
    def of(cls, paragraphs: Sequence[str] | ArticleText) -> ArticleText:
        """The text layer for `paragraphs`, or `paragraphs` if it is one already."""
        return paragraphs if isinstance(paragraphs, ArticleText) else cls(paragraphs)

    @property
    def texts(self) -> tuple[str, ...]:
        return tuple(paragraph.text for paragraph in self.paragraphs)

    @property
    def cased(self) -> tuple[str, ...]:
        return tuple(paragraph.cased for paragraph in self.paragraphs)

    def __len__(self) -> int:
        return len(self.paragraphs)

    def __getitem__(self, index: int) -> ParagraphText:
        return self.paragraphs[index]

    # --- what the article says about words ------------------------------------------

    def _learn(self) -> None:
        lowercase: set[str] = set()
        capitalised: dict[str, str] = {}
        opening: dict[str, str] = {}
        for paragraph in self.paragraphs:
            text = paragraph.text
            for (start, end), style in zip(
                paragraph._sentence_spans(), paragraph._styles, strict=True
            ):
                if style != "prose":
                    continue
                lowercase.update(_LOWERCASE_WORD.findall(text, start, end))
                first = WORD.search(text, start, end)
                opens = first.start() if first else -1
                for match in _CAPITALISED_WORD.finditer(text, start, end):
                    word = match.group()
                    if not word.isupper():
                        (opening if match.start() == opens else capitalised).setdefault(
                            word.casefold(), word
                        )
        self._lowercase, self._capitalised, self._opening = lowercase, capitalised, opening

    def written_lowercase(self, word: str) -> bool:
        """Whether the article writes `word` (as given, in lower case) in lower
        case somewhere in its prose: then capitals on it mean nothing."""
        if self._lowercase is None:
            self._learn()
        return word in self._lowercase  # type: ignore[operator]

    def opening_form(self, word: str) -> str | None:
        """How the article's prose writes `word` when it opens a sentence, if it
        does and never writes it in lower case: a name, most likely."""
        if self._opening is None:
            self._learn()
        return self._opening.get(word.casefold())  # type: ignore[union-attr]

    def capitalised_form(self, word: str) -> str | None:
        """How the article's prose writes `word` inside a sentence with a
        capital ("Japan", "McDonald"), if it ever does."""
        if self._capitalised is None:
            self._learn()
        return self._capitalised.get(word.casefold())  # type: ignore[union-attr]

    def recase(self, known: Callable[[str], str | None]) -> None:
        """Write each paragraph's `cased` view. A word in capitals or headline
        case is written in lower case if it is a small word ("IN", "To"), else
        as the article's prose writes it inside a sentence, else in lower case
        if the prose writes it so, else as `known` (the lexicons) says, else as
        the prose writes it at the start of a sentence, else in lower case
        when shouted; a headline-case word nothing knows keeps its capital.
        Done once: later calls do nothing."""
        if self._recased:
            return
        self._recased = True

        def case_of(word: str, shouted: bool) -> str | None:
            lower = word.lower()
            if lower in _HEADLINE_FUNCTION_WORDS:
                return lower
            own = self.capitalised_form(word)
            if own is not None:
                return own
            if self.written_lowercase(lower):
                return lower
            lexicon = known(word)
            if lexicon is not None:
                return lexicon
            opening = self.opening_form(word)
            if opening is not None:
                return opening
            return lower if shouted else None

        for paragraph in self.paragraphs:
            paragraph.recase(case_of)
