"""Direct speech and its speakers: real values from the seed articles, the
rules for marks and attribution, and properties that hold for any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.facts.base import Entity, Mention, Quote
from dateline.facts.entities import find_entities
from dateline.facts.quotes import find_quotes
from dateline.facts.text import ArticleText
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


def test_pathological_input_is_well_formed() -> None:
    # How long these take is the benchmark's business (benchmarks/adversarial.py);
    # here, only that they give sound quotes.
    cases = [
        ["“" * 5000],
        ["He said: “a ‘b’ c” and ‘d’ “e"] * 500,
        ["“Yes,” he said. John Smith came. " * 500],
        ["‘a " * 2000],
        ["‘the workers’ rights " * 500],
        ['“a "b" c ' * 500],
        ['"Yes," Paul Holmes, the branch secretary, said, "and no," ' * 300],
        ["“Yes.” The line came from Smith’s aide, Paul Holmes. " * 300],
        ["John Smith came. “No,” she said. " * 300],
        ["According to Paul Holmes, it was “a disaster”; BBC: “ab”. " * 300],
        # Each "the statement" or "it" would look back to the one before it.
        ['"Ab," the statement said. "Cd," it said. It said so. ' * 2000],
    ]
    for paragraphs in cases:
        assert_well_formed(paragraphs)


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


# --- issue 11: speakers in election coverage ---------------------------------------------


def test_an_appositive_between_the_quote_and_its_verb() -> None:
    # The example, verbatim.
    paragraphs = [
        '"Republicans have hit the panic button," Sadie Weiner, the DSCC spokeswoman, said'
        " in a statement."
    ]

    assert summary(quotes_of(paragraphs)) == [
        (0, "Republicans have hit the panic button", "Sadie Weiner", False)
    ]


def test_an_appositive_or_a_relative_clause_before_the_verb() -> None:
    paragraphs = [
        "Caitlin Moyer, a spokeswoman for the Republican Party of Iowa, said Democrats were"
        " “banking votes”.",
        "The Harnett campaign, which has seven offices in Iowa, said it was “confident”.",
        "Its treasurer, Nathan Oyelaran, said the group was “not coordinating”.",
    ]

    assert summary(quotes_of(paragraphs)) == [
        (0, "banking votes", "Caitlin Moyer", True),  # not the party inside the appositive
        (1, "confident", "The Harnett campaign", True),
        (2, "not coordinating", "Nathan Oyelaran", True),
    ]


def test_according_to() -> None:
    paragraphs = [
        '"We are not going anywhere," according to Jane Doe, the campaign manager.',
        'The plan is "dead on arrival," according to Senator Bob Smith.',
        'According to Mary Jones, the bill was "a disaster from day one."',
    ]

    assert summary(quotes_of(paragraphs)) == [
        (0, "We are not going anywhere", "Jane Doe", False),
        (1, "dead on arrival", "Bob Smith", True),
        (2, "a disaster from day one.", "Mary Jones", True),
    ]


def test_told_reporters() -> None:
    paragraphs = [
        '"We will win this state," Mark Hamill told reporters on Tuesday.',
        'Robby Mook told reporters: "We are on track."',
        '"We have work to do," campaign manager Robby Mook told reporters.',
    ]

    assert [q.speaker for q in quotes_of(paragraphs)] == ["Mark Hamill", "Robby Mook", "Robby Mook"]


def test_the_speaker_named_in_the_sentence_after() -> None:
    came_from = [
        '"We are done here." The words came from Maria Lopez, the city\'s mayor, after the vote.'
    ]
    manager = [
        "“It was a good night.” That was the verdict of Dale Brenner’s campaign manager, Ann"
        " Rowe, after the count."
    ]
    own = [
        "Tom Whitcomb, the Republican nominee, spoke on Monday.",
        "“Jobs first.” That was Tom Whitcomb’s promise at every stop.",
    ]

    assert [q.speaker for q in quotes_of(came_from)] == ["Maria Lopez"]
    # Whose manager she is does not make Brenner the speaker; a promise is its maker's.
    assert [q.speaker for q in quotes_of(manager)] == ["Ann Rowe"]
    assert [q.speaker for q in quotes_of(own)] == ["Tom Whitcomb"]


def test_a_pronoun_is_the_subject_before_the_nearest_person() -> None:
    paragraphs = [
        "Mark Hamill debated Tom Jones in Fort Wayne on Monday. “I won that debate,” he said.",
        "Maurice Karanja said the pitch was slow.",
        "Kenya captain Kennedy Odhiambo, who made 45, said his side would not change."
        " “We have waited a long time,” he said.",
    ]

    assert [q.speaker for q in quotes_of(paragraphs)] == ["Mark Hamill", "Kennedy Odhiambo"]


def test_a_pronoun_of_the_other_sex_passes_a_subject_over() -> None:
    # Her sex is read from her role and from "said she"; his from his given name.
    spokeswoman = [
        "Kim Okafor, the party's spokeswoman, met Tom Jones.",
        "Mark Hamill spoke next. “We will win,” she said.",
    ]
    said_she = [
        "Sasha Ortiz said she would run for the seat.",
        "Mark Hamill spoke next. “I am in,” she said.",
    ]

    assert [q.speaker for q in quotes_of(spokeswoman)] == ["Kim Okafor"]
    assert [q.speaker for q in quotes_of(said_she)] == ["Sasha Ortiz"]


def test_a_sentence_starting_with_a_pronoun_gives_the_speaker() -> None:
    paragraphs = [
        "Mike Pence spoke for an hour.",
        '"We are winning," he said.',
        'He left at noon. "Thank you, Ohio."',
    ]

    assert [q.speaker for q in quotes_of(paragraphs)] == ["Mike Pence", "Mike Pence"]


def test_said_the_name_then_the_role() -> None:
    paragraphs = [
        '"We knew it would be close," said Brian Fallon, the campaign\'s spokesman.',
        "“Chrysler asked us for whole interiors,” said Carver's chief executive, Walter P. Brandt.",
        '"We want to win," said Rep. Jim Jordan, R-Ohio.',
    ]

    assert [q.speaker for q in quotes_of(paragraphs)] == [
        "Brian Fallon",
        "Walter P. Brandt",
        "Jim Jordan",
    ]


def test_organisations_and_campaigns_speak() -> None:
    paragraphs = [
        '"We will appeal," the campaign said in a statement.',
        '"That is not true," the Republican National Committee said.',
        "The Harnett campaign said in a statement on Friday that it would appeal."
        ' "We are confident," the statement said.',
        "Records show the ad was paid for by the group. “Eric Brandvold made millions,” the ad's"
        " narrator says.",
    ]

    assert [q.speaker for q in quotes_of(paragraphs)] == [
        "the campaign",
        "Republican National Committee",
        "The Harnett campaign",  # the statement speaks for whoever made it
        "the ad's narrator",
    ]


def test_x_said_after_a_quote_or_the_speaker_before_carries_over() -> None:
    named_after = ['"We will win," Ted Cruz said. "We will not stop." Marco Rubio said.']
    carried = ['"We will win," Ted Cruz said. "We will not stop."']
    paragraph_of_quotes = [
        '"We will win," Ted Cruz said in an interview.',
        '"And we are going to make sure every voter hears it."',
    ]

    assert [q.speaker for q in quotes_of(named_after)] == ["Ted Cruz", "Marco Rubio"]
    assert [q.speaker for q in quotes_of(carried)] == ["Ted Cruz", "Ted Cruz"]
    assert [q.speaker for q in quotes_of(paragraph_of_quotes)] == ["Ted Cruz", "Ted Cruz"]


def test_a_colon_after_a_name() -> None:
    paragraphs = ['Jane Doe: "We will win."', 'Unison: "We will strike."']
    people, organizations, _ = find_entities(paragraphs)

    quotes = find_quotes(paragraphs, people, organizations)

    assert summary(quotes) == [
        (0, "We will win.", "Jane Doe", False),
        (1, "We will strike.", "Unison", False),
    ]


def test_the_second_half_of_an_interrupted_quote() -> None:
    paragraphs = [
        '"It is time," said Gov. Pat McCrory, "to move on."',
        "“We are ready to help,” Sergei Kornilov told Itar-Tass, “but not like this.”",
        "“The industry is consolidating,” said Anita Rao of Merrill Lynch & Co., “and fast.”",
    ]

    assert summary(quotes_of(paragraphs)) == [
        (0, "It is time", "Pat McCrory", False),
        (0, "to move on.", "Pat McCrory", False),
        (1, "We are ready to help", "Sergei Kornilov", False),
        (1, "but not like this.", "Sergei Kornilov", False),
        (2, "The industry is consolidating", "Anita Rao", False),
        (2, "and fast.", "Anita Rao", False),
    ]


def test_a_company_suffix_ends_the_sentence_before_a_quote() -> None:
    paragraphs = [
        '"Every bank will show it," said Gregory Mills, who follows banks for Bruyette & Woods'
        ' Inc. "Calloway caught it early."'
    ]

    assert summary(quotes_of(paragraphs)) == [
        (0, "Every bank will show it", "Gregory Mills", False),
        (0, "Calloway caught it early.", "Gregory Mills", False),  # not a fragment
    ]


def test_a_name_the_entity_finder_missed_is_read_from_the_text() -> None:
    paragraphs = [
        '"People are flying again," said Kenneth A. Lindahl, the chairman.',
        '"We have to go where the buyers are," Park said.',
        "Analysts said the deal was “a stretch”.",
    ]

    assert [q.speaker for q in find_quotes(paragraphs, [], [])] == [
        "Kenneth A. Lindahl",
        "Park",
        None,  # one capitalised word opening a sentence is not read as a name
    ]


def test_a_name_read_from_the_text_is_the_canonical_name_of_its_person() -> None:
    lindahl = Entity("Lindahl", "person", (Mention(1, 0, 11),))
    paragraphs = ['"People are flying again," said Kenneth A. Lindahl.', "Mr. Lindahl left."]

    assert [q.speaker for q in find_quotes(paragraphs, [lindahl], [])] == ["Lindahl"]


def test_fragments_in_reported_speech_are_partial() -> None:
    paragraphs = [
        'Paul Ryan said that "nobody is above the law."',
        "Sen. Roger Ellison faces Marcus Tate on Tuesday.",
        "Tim Kaine, Clinton’s running mate, said Tuesday that Trump “doesn't have a clue.”",
        "Ellison has described Tate as “a career politician” and warned that a Democratic"
        " Senate would “rubber-stamp whatever Hillary Clinton wants.”",
    ]

    assert summary(quotes_of(paragraphs)) == [
        (0, "nobody is above the law.", "Paul Ryan", True),
        (2, "doesn't have a clue.", "Tim Kaine", True),
        (3, "a career politician", "Roger Ellison", True),
        (3, "rubber-stamp whatever Hillary Clinton wants.", "Roger Ellison", True),  # not Tate
    ]


def test_marks_nested_misprinted_and_unclosed() -> None:
    paragraphs = [
        '“He said "no" to me,” Carla Diaz said.',  # straight marks inside curly ones
        "”We will win,“ Carla Diaz said.",  # curly marks facing the wrong way
        "Carla Diaz said: “ We are ready.”",  # a space after the opening mark
        "Carla Diaz said: “We will never",  # never closed: runs to the end
    ]

    assert summary(quotes_of(paragraphs)) == [
        (0, 'He said "no" to me', "Carla Diaz", False),
        (1, "We will win", "Carla Diaz", False),
        (2, "We are ready.", "Carla Diaz", False),
        (3, "We will never", "Carla Diaz", False),
    ]


def test_the_shared_text_layer_is_taken_as_it_is() -> None:
    paragraphs = ['"We will win," Ted Cruz said.', '"We will not stop," he said.']
    text = ArticleText(paragraphs)
    people, organizations, _ = find_entities(text)

    assert find_quotes(text, people, organizations) == find_quotes(
        paragraphs, people, organizations
    )
    assert [q.speaker for q in find_quotes(text, people, organizations)] == [
        "Ted Cruz",
        "Ted Cruz",
    ]


def test_it_said_is_the_organisation_before() -> None:
    campaign = [
        "The Clinton campaign said Monday that it would spend $10 million in Ohio."
        ' "We are all in," it said.'
    ]
    council = ["Kirklees Council has closed the tip.", "“We had no choice,” it said."]

    assert [q.speaker for q in quotes_of(campaign)] == ["The Clinton campaign"]
    assert [q.speaker for q in find_quotes(council, *find_entities(council)[:2])] == [
        "Kirklees Council"
    ]
    assert [q.speaker for q in quotes_of(['"It is over," it said.'])] == [None]


def test_straight_marks_with_spaces_around_them() -> None:
    paragraphs = [
        'Paul Holmes said , " We will win . " Then he left .',  # tokenised text
        'He is 6 " tall.',  # no mark closes it: not a quote
    ]

    assert summary(quotes_of(paragraphs)) == [(0, "We will win .", "Paul Holmes", False)]


def test_adding_shares_the_subject_of_the_clause_before() -> None:
    # The comma before "adding" closes a clause, not an appositive.
    paragraphs = [
        "Sharon Berry, the council’s cabinet member for children’s services, said the"
        " inspection would go ahead as planned, adding: “There is a great deal of good practice.”",
        "Aisha Wood, planning director at Hart Developments, said talks were still going on,"
        " adding: “We have listened to residents.”",
    ]

    assert [q.speaker for q in quotes_of(paragraphs)] == ["Sharon Berry", "Aisha Wood"]


def test_a_title_or_description_word_is_not_read_into_a_name() -> None:
    paragraphs = ["Resident Marion Lewis described the decision as “a sensible compromise”."]

    assert [q.speaker for q in find_quotes(paragraphs, [], [])] == ["Marion Lewis"]


def test_a_possessive_opening_a_sentence_is_not_its_subject() -> None:
    paragraphs = [
        "Donald Trump's comments drew criticism from Sen. John Cornyn on Sunday."
        ' "I think it\'s a mistake," he said.'
    ]

    assert [q.speaker for q in quotes_of(paragraphs)] == ["John Cornyn"]


def test_a_subject_the_entity_finder_missed_is_read_when_a_given_name_opens_it() -> None:
    paragraphs = ["The mayor left early. Mary Walsh stayed on.", "“We agreed,” she said."]

    assert [q.speaker for q in find_quotes(paragraphs, [], [])] == ["Mary Walsh"]
