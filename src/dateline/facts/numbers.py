"""Numbers written in words, shared by the date and quantity extractors."""

from __future__ import annotations

import re

ONES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}

# Longest first, so that "nineteen" is not read as "nine".
_ONES_PATTERN = "|".join(sorted(ONES, key=len, reverse=True))
# One to ninety-nine in words ("seven", "forty-two", "forty two").
NUMBER_WORDS = rf"(?:(?:{'|'.join(TENS)})(?:[-\s](?:{_ONES_PATTERN}))?|{_ONES_PATTERN})"
_SCALE_WORDS = r"(?:\s+(?:hundred|thousand|million|billion)){1,3}"
# Larger numbers in words: "two hundred and fifty", "two hundred fifty" (American
# usage drops the "and"), "two thousand five hundred", "a million". Only the first
# group may be "a": "two million a year" is two million. The repeats are
# bounded: the longest number anyone writes in words ("nine hundred and
# ninety-nine million nine hundred and ninety-nine thousand nine hundred and
# ninety-nine") has five groups, and an unbounded run ("one hundred one
# hundred ...") would make a number of as many digits as the run has words.
LARGE_NUMBER_WORDS = (
    rf"(?:(?:a|{NUMBER_WORDS}){_SCALE_WORDS}"
    rf"(?:\s+(?:and\s+)?{NUMBER_WORDS}{_SCALE_WORDS}){{0,5}}"
    rf"(?:\s+(?:and\s+)?{NUMBER_WORDS})?|{NUMBER_WORDS})"
)
# The most words such a number can have, "and" included.
MAX_NUMBER_WORDS = 40


def word_value(text: str) -> int | None:
    """The value of a number in words: "two hundred and fifty" is 250, "an" is
    1; None for words that are no number, or more than `MAX_NUMBER_WORDS` of
    them."""
    total = current = 0
    words = re.split(r"[\s-]+", text.lower(), maxsplit=MAX_NUMBER_WORDS)
    if len(words) > MAX_NUMBER_WORDS:
        return None
    for word in words:
        if word in ("a", "an"):
            current = 1
        elif word in ONES:
            current += ONES[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in SCALES:
            total += (current or 1) * SCALES[word]
            current = 0
        elif word != "and":
            return None
    return total + current
