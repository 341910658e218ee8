"""Direct speech and its speakers: real values from the seed articles, the
rules for marks and attribution, and properties that hold for any text."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.facts.base import Quote
from dateline.facts.entities import find_entities
from dateline.facts.quotes import find_quotes
from tests.facts.seed_text import SEED_000, SEED_001, paragraphs_from
from tests.facts.test_entities import SEED_FRAGMENTS


def quotes_of(paragraphs: tuple[str, ...] | list[str]) -> list[Quote]:
    people, _, _ = find_entities(paragraphs)
    return find_quotes(paragraphs, people)


def summary(quotes: list[Quote]) -> list[tuple[int, str, str | None, bool]]:
    return [(q.paragraph, q.text, q.speaker, q.partial) for q in quotes]


# --- seed 000 ------------------------------------------------------------------


def test_seed_000_quotes() -> None:
    quotes = quotes_of(SEED_000)

    assert summary(quotes) == [
        # "Kirklees council wrote ... “immediate steps”", "the council claimed ... “unlawful”"
        (1, "immediate steps", "Kirklees Council", True),
        (4, "unlawful", "Kirklees Council", True),
        (6, "I think it’s really ratcheted the dispute up", "Paul Holmes", False),
        (8, "red herring", "Paul Holmes", True),
        (
            9,
            # The comma before the closing mark is left out of the text.
            "We would provide emergency cover as we would on a Bank Holiday. "
            "There’s nobody saying that people are at risk on a Bank Holiday",
            "Paul Holmes",
            False,
        ),
        (10, "inadequate", None, True),
    ]
    for quote in quotes:
        assert SEED_000[quote.paragraph][quote.start_char : quote.end_char] == quote.text


def test_seed_000_offsets() -> None:
    quotes = quotes_of(SEED_000)

    ratcheted = quotes[2]
    assert (ratcheted.start_char, ratcheted.end_char) == (162, 206)
    bank_holiday = quotes[4]
    assert bank_holiday.start_char == 1  # just after the opening “
    assert SEED_000[9][bank_holiday.end_char :] == ",” he said."


# --- seed 001 ------------------------------------------------------------------


def test_seed_001_quotes() -> None:
    quotes = quotes_of(SEED_001)

    assert [(q.paragraph, q.speaker, q.partial) for q in quotes] == [
        (4, "John Chapman", True),
        (6, "Paul Holmes", False),
        (7, "Paul Holmes", False),
        (8, "Paul Holmes", False),
        (10, "A Kirklees Council spokesman", False),
    ]
    assert quotes[0].text == "unlawful"
    assert quotes[4].text == "Discussions between the council and the union are ongoing."


def test_seed_001_quote_over_three_paragraphs() -> None:
    quotes = quotes_of(SEED_001)[1:4]

    # The first two paragraphs never close the quote: the text runs to their end.
    assert quotes[0].text.startswith("Our members just want")
    assert quotes[0].text.endswith("they feel they have no option.")
    assert quotes[0].end_char == len(SEED_001[6])
    assert quotes[1].text == (
        "Our members are at the end of their tether. "
        "They have no choice – the current situation is unsustainable."
    )
    assert quotes[1].start_char == 1
    assert quotes[2].text.startswith("The Government’s austerity")
    assert quotes[2].text.endswith("The service needs stability and consistency .")
    assert SEED_001[8][quotes[2].end_char :] == "”"


# --- the rules ---------------------------------------------------------------------


def test_straight_quotes_and_she_said_after() -> None:
    paragraphs = [
        "Jane Smith, a nurse, spoke outside the hospital.",
        '"We are exhausted and we are leaving," she said.',
        "She called the plan 'a disgrace'.",
    ]

    assert summary(quotes_of(paragraphs)) == [
        (1, "We are exhausted and we are leaving", "Jane Smith", False),
        (2, "a disgrace", "Jane Smith", True),
    ]


def test_said_name_after_the_quote() -> None:
    paragraphs = ["“We will not back down,” said Paul Holmes, branch secretary."]

    assert summary(quotes_of(paragraphs)) == [
        (0, "We will not back down", "Paul Holmes", False),
    ]


def test_description_after_the_quote() -> None:
    paragraphs = ["“It was wrong,” a council spokeswoman said."]

    assert summary(quotes_of(paragraphs)) == [(0, "It was wrong", "a council spokeswoman", False)]


def test_apostrophes_do_not_close_a_single_quote() -> None:
    paragraphs = ["Paul Holmes said: ‘It’s the children’s future we’re fighting for.’"]

    assert summary(quotes_of(paragraphs)) == [
        (0, "It’s the children’s future we’re fighting for.", "Paul Holmes", False),
    ]


def test_apostrophes_outside_quotes_are_not_quotes() -> None:
    paragraphs = ["Kirklees Council ’s plan and Ofsted's report, the '90s and rock ‘n’ roll."]

    assert quotes_of(paragraphs) == []


def test_speaker_named_on_the_paragraph_before_the_colon() -> None:
    paragraphs = ["Paul Holmes, of Unison, said:", "“We will strike on Friday.”"]

    assert summary(quotes_of(paragraphs)) == [
        (1, "We will strike on Friday.", "Paul Holmes", False)
    ]


def test_pronoun_nearest_the_verb_is_the_speaker() -> None:
    paragraphs = [
        "Dr Sarah Wollaston MP, chair of the Health Committee, warned of shortages.",
        'Asked about the timing, she said: "We\'ll see."',
    ]

    assert summary(quotes_of(paragraphs)) == [(1, "We'll see.", "Sarah Wollaston", False)]


def test_quote_over_paragraphs_attributed_at_its_end() -> None:
    paragraphs = [
        "Jane Smith spoke to the meeting.",
        "“The first thing is pay.",
        "“The second thing is staffing,” she said.",
    ]

    assert summary(quotes_of(paragraphs)) == [
        (1, "The first thing is pay.", "Jane Smith", False),
        (2, "The second thing is staffing", "Jane Smith", False),
    ]


def test_unknown_speaker_is_none() -> None:
    paragraphs = ["“Nobody knows,” the sign read."]

    assert summary(quotes_of(paragraphs)) == [(0, "Nobody knows", None, False)]


def test_without_people_a_description_still_speaks() -> None:
    paragraphs = ["A Kirklees Council spokesman said: “Talks are ongoing.”"]

    assert summary(find_quotes(paragraphs, [])) == [
        (0, "Talks are ongoing.", "A Kirklees Council spokesman", False)
    ]


# --- robustness ------------------------------------------------------------------


def assert_well_formed(paragraphs: list[str]) -> None:
    people, organizations, _ = find_entities(paragraphs)
    quotes = find_quotes(paragraphs, people)
    names = {entity.name for entity in people + organizations}
    for quote in quotes:
        assert 0 <= quote.paragraph < len(paragraphs)
        assert 0 <= quote.start_char < quote.end_char <= len(paragraphs[quote.paragraph])
        assert paragraphs[quote.paragraph][quote.start_char : quote.end_char] == quote.text
        # A speaker is the canonical name of a person or an organisation, or a
        # description as the article writes it.
        assert (
            quote.speaker is None
            or quote.speaker in names
            or any(quote.speaker in paragraph for paragraph in paragraphs)
        )
    assert quotes == sorted(quotes, key=lambda q: (q.paragraph, q.start_char))


def test_empty_and_odd_input() -> None:
    for paragraphs in ([], [""], ["“"], ["”“"], ["‘", "’"], ["'"], ['"' * 50], ["“\x00”"]):
        assert_well_formed(paragraphs)
    assert find_quotes([], []) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), max_size=6))
def test_any_text_gives_well_formed_quotes(paragraphs: list[str]) -> None:
    assert_well_formed(paragraphs)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.sampled_from("“”‘’'\" ,.:aAhH\u00a0\n"), max_size=40),
        max_size=6,
    )
)
def test_mark_soup_gives_well_formed_quotes(paragraphs: list[str]) -> None:
    assert_well_formed(paragraphs)


@settings(max_examples=200, deadline=None)
@given(paragraphs_from(SEED_FRAGMENTS, words=25, paragraphs=8))
def test_seed_fragments_give_well_formed_quotes(paragraphs: list[str]) -> None:
    assert_well_formed(paragraphs)


def test_pathological_input_stays_linear() -> None:
    cases = [
        ["“" * 50000],
        ["He said: “a ‘b’ c” and ‘d’ “e"] * 5000,
        ["“Yes,” he said. " * 5000],
        ["‘a " * 20000],
    ]
    for paragraphs in cases:
        started = time.perf_counter()
        assert_well_formed(paragraphs)
        assert time.perf_counter() - started < 2.0


def test_a_possessive_name_is_not_the_speaker() -> None:
    paragraphs = ["John Smith's lawyer said: “My client is innocent.”"]
    people, _, _ = find_entities(paragraphs)
    quotes = find_quotes(paragraphs, people)
    assert [(q.text, q.speaker) for q in quotes] == [
        ("My client is innocent.", "John Smith's lawyer")
    ]


# --- issue 3: speakers a reporter can trust ------------------------------------------


def test_both_halves_of_an_interrupted_quote_have_the_speaker() -> None:
    paragraphs = ["Jess Phillips spoke.", "'We will fight,' she said, 'and we will win.'"]

    assert summary(quotes_of(paragraphs)) == [
        (1, "We will fight", "Jess Phillips", False),
        (1, "and we will win.", "Jess Phillips", False),
    ]


def test_a_title_between_said_and_the_name() -> None:
    paragraphs = [
        "“It is a disgrace,” said Labour MP Jess Phillips.",
        "“Marcus is the reason,” said general manager Renee Whitfield.",
        "“This was our best quarter,” CEO Marisa Okafor told analysts.",
        "“It was unlawful,” said the council’s head of legal services, John Chapman.",
    ]

    assert [(q.text, q.speaker) for q in quotes_of(paragraphs)] == [
        ("It is a disgrace", "Jess Phillips"),  # not "Labour"
        ("Marcus is the reason", "Renee Whitfield"),
        ("This was our best quarter", "Marisa Okafor"),
        ("It was unlawful", "John Chapman"),
    ]


def test_a_possessive_description_after_the_quote() -> None:
    paragraphs = ["John Smith denied the charge.", "“He is innocent,” Smith’s lawyer said."]

    assert summary(quotes_of(paragraphs)) == [(1, "He is innocent", "Smith’s lawyer", False)]


def test_a_plural_possessive_does_not_end_a_single_quote() -> None:
    paragraphs = ["'The workers' rights matter,' said Paul Holmes. 'It's simple.'"]

    assert summary(quotes_of(paragraphs)) == [
        (0, "The workers' rights matter", "Paul Holmes", False),
        (0, "It's simple.", "Paul Holmes", False),
    ]


def test_a_pronoun_is_the_subject_not_the_object_before_it() -> None:
    paragraphs = [
        "Judge Richard Bamber told Gary Marsh to expect a prison term. “You abused our trust,”"
        " he said."
    ]

    assert summary(quotes_of(paragraphs)) == [(0, "You abused our trust", "Richard Bamber", False)]


def test_a_pronoun_skips_people_of_the_other_sex_and_names_inside_quotes() -> None:
    met = ["Paul Holmes met Jane Smith.", "“We will not back down,” she said. “Never,” he said."]
    told = [
        "Paul Holmes said: “I told Jane Smith we would strike.”",
        "“It is our last chance,” he added.",
    ]

    assert [q.speaker for q in quotes_of(met)] == ["Jane Smith", "Paul Holmes"]
    assert [q.speaker for q in quotes_of(told)] == ["Paul Holmes", "Paul Holmes"]


def test_organisations_speak() -> None:
    paragraphs = [
        "Kirklees council wrote to Unison to warn it would take “immediate steps”.",
        "The Warrington Athletic Supporters’ Trust, which has 2,400 members, said fans were kept"
        " “in the dark”.",
        "“We will appeal,” the council said.",
    ]

    assert summary(quotes_of(paragraphs)) == [
        (0, "immediate steps", "Kirklees Council", True),
        (1, "in the dark", "Warrington Athletic Supporters’ Trust", True),
        (2, "We will appeal", "Kirklees Council", False),
    ]


def test_organisations_are_found_when_not_given() -> None:
    paragraphs = ["In its letter, the Kirklees Council claimed the action was “unlawful”."]
    people, organizations, _ = find_entities(paragraphs)

    given = find_quotes(paragraphs, people, organizations)

    assert find_quotes(paragraphs, people) == given
    assert [q.speaker for q in given] == ["Kirklees Council"]
    assert [q.speaker for q in find_quotes(paragraphs, people, [])] == [None]


def test_descriptions_with_for_and_a_person_inside() -> None:
    paragraphs = [
        "A spokesman for the department said: “We will respond in due course.”",
        "Derek Shawcross owns the club. A spokesman for Mr Shawcross said: “No deal is close.”",
        "“It's a mess,” said one shopkeeper, who did not want to be named.",
    ]

    assert [(q.text, q.speaker) for q in quotes_of(paragraphs)] == [
        ("We will respond in due course.", "A spokesman for the department"),
        ("No deal is close.", "A spokesman for Mr Shawcross"),
        ("It's a mess", "one shopkeeper"),
    ]


def test_titles_of_works_and_nicknames_are_not_quotes() -> None:
    paragraphs = [
        "The so-called ‘Northern Powerhouse’ plan stalled.",
        "Tom “the Tank” Jones boxed. Critics called the plan a ‘disaster’.",
    ]

    assert summary(quotes_of(paragraphs)) == [(1, "disaster", None, True)]


def test_abbreviations_do_not_end_the_sentence_of_a_quote() -> None:
    paragraphs = ["Paul Holmes spoke.", "He said the deal with the U.S. was “a disaster”."]

    assert summary(quotes_of(paragraphs)) == [(1, "a disaster", "Paul Holmes", True)]
