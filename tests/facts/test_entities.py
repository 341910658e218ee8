"""People, organisations and places: real values from the seed articles,
plus the rules they rest on and properties that must hold for any text."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.facts.base import Entity
from dateline.facts.entities import find_entities

# Body paragraphs of seeds/000_2251fc9ddb0dfb63.txt (2017-01-18), copied literally:
# the date line and the photo credit are not body text.
SEED_000 = (
    "A council has threatened to take legal action against a union over strike action social workers plan to take next week.",  # noqa: E501
    "Kirklees council wrote to its local Unison branch to warn it would take “immediate steps” to secure a court injunction unless the union called off a one-day strike planned for 27 January.",  # noqa: E501
    "The council set the union a deadline of 4pm yesterday. But the union refused to back down and today told Community Care the strike will go ahead as planned. The council has yet to set out its next move.",  # noqa: E501
    "Social workers at the council want action on a series of issues including pay, caseloads, IT systems and high dependency on agency staff.",  # noqa: E501
    "A ballot on industrial action was backed by 79% of 75 Unison members who voted. In its letter, the council claimed it was unable to find out how many staff were balloted, what level they worked it and where they worked and therefore the action was “unlawful”. But Unison replied that it had taken legal advice over the matter and would be going ahead with the strike.",  # noqa: E501
    "Ratcheted up the dispute",
    "Paul Holmes, branch secretary for Unison in Kirklees, said any move by the council to seek an injunction would be unprecedented among local authorities, adding: “I think it’s really ratcheted the dispute up”.",  # noqa: E501
    "When news of the strike emerged, councillors in Kirklees accused the union of playing politics with a vital service and demanded an assessment of the risks the walk-out would pose to children.",  # noqa: E501
    "Holmes said any suggestion the strike would play service users at extra risk was a “red herring”.",  # noqa: E501
    "“We would provide emergency cover as we would on a Bank Holiday. There’s nobody saying that people are at risk on a Bank Holiday,” he said.",  # noqa: E501
    "The dispute comes amid upheaval at Kirklees children’s services. The council’s director of children’s services quit last week after less than nine months in post. The authority has been under government intervention since being given an ‘inadequate’ Ofsted rating in November last year.",  # noqa: E501
    "Kirklees council has been contacted for comment.",
)

# Body paragraphs of seeds/001_2d0c5c05bb21721c.txt (2017-01-24), without the
# newsletter and video-player debris.
SEED_001 = (
    "This week’s children’s services strike in Kirklees is on ... even though the union says its members don’t really want to walk out.",  # noqa: E501
    "The union Unison has now served formal notice on the council for the one-day strike by children’s social work teams this Friday which will be the first ever strike by these teams since Kirklees was set up in 1974.",  # noqa: E501
    "It means the union has ignored Kirklees Council ’s threat of legal action to stop the action.",
    "The 24-hour strike is due to start at midnight.",
    "John Chapman, the council’s interim deputy head of legal services, had written a four-page letter to council union reps saying the industrial action is ‘unlawful’ – and says unless the strike was called off legal steps would be taken to prevent it in court. This would be an injunction.",  # noqa: E501
    "So far nothing has happened legally to prevent the strike.",
    "Kirklees Unison branch secretary Paul Holmes said: “Our members just want to be able to provide a decent service to the young people of Kirklees. The last thing they want to do is strike, but they feel they have no option.",  # noqa: E501
    "“Our members are at the end of their tether. They have no choice – the current situation is unsustainable.",  # noqa: E501
    "“The Government’s austerity agenda as implemented by Kirklees Council is now really biting. And 25% of social workers in Kirklees Council are now agency staff which makes consistency of service virtually impossible. Kirklees Council is spending £5m on agency social workers this year and £500,000 on a private social work team for six months. The service needs stability and consistency .”",  # noqa: E501
    "Kirklees Council claims the industrial action is unlawful as it says the council was not able to find out how many staff were balloted, what category they are and where they work.",  # noqa: E501
    "A Kirklees Council spokesman said: “Discussions between the council and the union are ongoing.”",  # noqa: E501
    "The Examiner recently revealed that children’s social workers have been rushing to the exit door in their hundreds.",  # noqa: E501
    "An astonishing 450 staff have left employment at Kirklees Council’s embattled children’s services department in fewer than four years.",  # noqa: E501
    "Figures released by the council to the Examiner show a stunning 136 members of staff left in 2013/14 – almost a dozen each week.",  # noqa: E501
    "The following year 123 moved on, while in 2015/16 99 called time on their employment with Kirklees .",  # noqa: E501
    "So far in 2016/17 a further 92 members of staff from children’s services have left.",
    "A former Kirklees children’s social worker has told the Examiner heavy workloads and poor management saw dozens leaving each month for an easier life working for agencies.",  # noqa: E501
)

# Words, sentences and marks from the seeds, for building realistic odd text.
SEED_FRAGMENTS = tuple(
    sorted(
        {part for paragraph in SEED_000 + SEED_001 for part in paragraph.split(" ")}
        | {sentence for paragraph in SEED_000 + SEED_001 for sentence in paragraph.split(". ")}
        | {"“", "”", "‘", "’", '"', "'", ",", ":", "Mr", "Clr", "\u00a0", "\n", "\x00"}
    )
)


def texts(paragraphs: tuple[str, ...] | list[str], entity: Entity) -> list[str]:
    return [paragraphs[m.paragraph][m.start_char : m.end_char] for m in entity.mentions]


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {entity.name: entity for entity in entities}


# --- seed 000 ------------------------------------------------------------------


def test_seed_000_has_paul_holmes_with_his_appositive_role() -> None:
    people, _, _ = find_entities(SEED_000)

    assert [person.name for person in people] == ["Paul Holmes"]
    holmes = people[0]
    assert holmes.kind == "person"
    assert holmes.role == "branch secretary for Unison in Kirklees"
    assert texts(SEED_000, holmes) == ["Paul Holmes", "Holmes"]
    # "Holmes said any suggestion ..." is merged in, not a person of its own.
    assert holmes.mentions[1].paragraph == 8
    assert holmes.mentions[1].start_char == 0


def test_seed_000_organisations_and_places() -> None:
    _, organizations, places = find_entities(SEED_000)

    assert [org.name for org in organizations] == [
        "Kirklees Council",
        "Unison",
        "Community Care",
        "Ofsted",
    ]
    assert [place.name for place in places] == ["Kirklees"]
    council = by_name(organizations)["Kirklees Council"]
    # Both lowercase "Kirklees council" mentions and "the council" are merged in.
    assert texts(SEED_000, council).count("Kirklees council") == 2
    assert "the council" in texts(SEED_000, council)
    assert texts(SEED_000, by_name(organizations)["Community Care"]) == ["Community Care"]
    assert texts(SEED_000, places[0]) == ["Kirklees", "Kirklees", "Kirklees"]


def test_seed_000_has_no_false_people() -> None:
    people, organizations, places = find_entities(SEED_000)

    names = {entity.name for entity in people + organizations + places}
    assert not names & {"Ratcheted", "Bank Holiday", "Social", "The", "But", "When", "IT"}


# --- seed 001 ------------------------------------------------------------------


def test_seed_001_people_and_roles() -> None:
    people, _, _ = find_entities(SEED_001)

    assert [(p.name, p.role) for p in people] == [
        ("John Chapman", "the council’s interim deputy head of legal services"),
        ("Paul Holmes", "Kirklees Unison branch secretary"),
    ]
    assert texts(SEED_001, people[1]) == ["Paul Holmes"]


def test_seed_001_organisations_and_places() -> None:
    _, organizations, places = find_entities(SEED_001)

    assert [org.name for org in organizations] == [
        "Unison",
        "Kirklees Council",
        "Government",
        "Examiner",
    ]
    assert [place.name for place in places] == ["Kirklees"]
    # "Kirklees Council ’s" (a stray space before the apostrophe) is still the council.
    council_texts = texts(SEED_001, by_name(organizations)["Kirklees Council"])
    assert council_texts.count("Kirklees Council") == 7
    assert texts(SEED_001, by_name(organizations)["Examiner"]) == ["Examiner"] * 3
    # "Kirklees Unison branch secretary": Kirklees the place, Unison the union.
    assert any(m.paragraph == 6 and m.start_char == 0 for m in places[0].mentions)
    assert any(m.paragraph == 6 for m in by_name(organizations)["Unison"].mentions)


def test_seed_001_has_no_false_people() -> None:
    people, _, _ = find_entities(SEED_001)

    assert {p.name for p in people} == {"John Chapman", "Paul Holmes"}


def test_honorific_is_kept_in_the_mention_and_out_of_the_name() -> None:
    paragraphs = ["Clr Erin Hill responds to Ofsted's report into children's services"]

    people, organizations, _ = find_entities(paragraphs)

    assert [(p.name, p.role) for p in people] == [("Erin Hill", "Clr")]
    assert texts(paragraphs, people[0]) == ["Clr Erin Hill"]
    assert [o.name for o in organizations] == ["Ofsted"]


# --- the rules -------------------------------------------------------------------


def test_sentence_initial_words_are_not_people() -> None:
    paragraphs = [
        "Ratcheted up the dispute",
        "Figures released by the council show a rise. Discussions are ongoing.",
        "Social workers at the council want action. Video of the meeting was shared.",
    ]

    people, organizations, places = find_entities(paragraphs)

    assert (people, organizations, places) == ([], [], [])


def test_weekdays_months_and_holidays_are_not_entities() -> None:
    paragraphs = ["The strike on Friday 27 January falls before the Bank Holiday at Easter."]

    assert find_entities(paragraphs) == ([], [], [])


def test_surname_and_honorific_mentions_merge_into_the_full_name() -> None:
    paragraphs = [
        "Jane Smith, a nurse at Calderdale Royal Hospital, spoke first.",
        "Mrs Smith said staff were tired. Smith added that she would stay.",
    ]

    people, organizations, _ = find_entities(paragraphs)

    assert [(p.name, p.role) for p in people] == [
        ("Jane Smith", "a nurse at Calderdale Royal Hospital")
    ]
    assert texts(paragraphs, people[0]) == ["Jane Smith", "Mrs Smith", "Smith"]
    assert [o.name for o in organizations] == ["Calderdale Royal Hospital"]


def test_shared_surname_goes_to_the_person_named_most_recently() -> None:
    paragraphs = [
        "Paul Holmes spoke.",
        "Then Jane Holmes spoke. Holmes said no.",
        "Paul Holmes replied. Holmes said yes.",
    ]

    people, _, _ = find_entities(paragraphs)

    mentions = {p.name: [(m.paragraph, m.start_char) for m in p.mentions] for p in people}
    assert mentions == {
        "Paul Holmes": [(0, 0), (2, 0), (2, 21)],
        "Jane Holmes": [(1, 5), (1, 24)],
    }


def test_appositive_role_wins_over_a_premodifier() -> None:
    paragraphs = [
        "Unison branch secretary Paul Holmes spoke first.",
        "Paul Holmes, branch secretary for Unison in Kirklees, said the strike would go on.",
    ]

    people, _, _ = find_entities(paragraphs)

    assert people[0].role == "branch secretary for Unison in Kirklees"


def test_capitalised_title_before_a_name_is_the_role() -> None:
    paragraphs = ["Home Secretary Amber Rudd said the plan was fair."]

    people, _, _ = find_entities(paragraphs)

    assert [(p.name, p.role) for p in people] == [("Amber Rudd", "Home Secretary")]


def test_leading_role_and_letters_after_a_name() -> None:
    paragraphs = [
        "The Scottish First Minister, Nicola Sturgeon, said it was a disaster.",
        "Dr Sarah Wollaston MP, chair of the Health Committee, warned of shortages.",
        "After the meeting with the minister, Paul Holmes said no.",
    ]

    people, _, _ = find_entities(paragraphs)

    assert [(p.name, p.role) for p in people] == [
        ("Nicola Sturgeon", "The Scottish First Minister"),
        ("Sarah Wollaston", "chair of the Health Committee"),
        ("Paul Holmes", None),
    ]
    assert texts(paragraphs, people[1]) == ["Dr Sarah Wollaston"]


def test_organisation_patterns() -> None:
    paragraphs = [
        "The University of Huddersfield and the Department for Education wrote to the Examiner.",
        "West Yorkshire Police and the NHS were told. Huddersfield Town were not.",
    ]

    _, organizations, _ = find_entities(paragraphs)

    assert [o.name for o in organizations] == [
        "University of Huddersfield",
        "Department for Education",
        "Examiner",
        "West Yorkshire Police",
        "NHS",
        "Huddersfield Town",
    ]


def test_place_patterns() -> None:
    paragraphs = [
        "Councillors in Kirklees met. Calderdale council disagreed.",
        "Residents of Halifax and people from West Yorkshire came.",
    ]

    _, organizations, places = find_entities(paragraphs)

    assert [p.name for p in places] == ["Kirklees", "Halifax", "West Yorkshire"]
    assert [o.name for o in organizations] == ["Calderdale Council"]


def test_a_list_of_names_is_not_a_role() -> None:
    paragraphs = ["Paul Holmes, John Chapman and the council leader met on Monday."]

    people, _, _ = find_entities(paragraphs)

    assert [(p.name, p.role) for p in people] == [("Paul Holmes", None), ("John Chapman", None)]


# --- robustness --------------------------------------------------------------------


def assert_well_formed(paragraphs: list[str]) -> None:
    people, organizations, places = find_entities(paragraphs)
    for kind, entities in (("person", people), ("organization", organizations), ("place", places)):
        for entity in entities:
            assert entity.kind == kind
            assert entity.name.strip()
            assert entity.mentions
            assert list(entity.mentions) == sorted(entity.mentions)
            for mention in entity.mentions:
                assert 0 <= mention.paragraph < len(paragraphs)
                assert 0 <= mention.start_char < mention.end_char
                assert mention.end_char <= len(paragraphs[mention.paragraph])
            if kind != "person":
                assert entity.role is None


def test_empty_and_odd_input() -> None:
    for paragraphs in ([], [""], [" "], ["\x00\x1b[31m"], ["“"], ["’s"], ["Mr"], ["Mr."]):
        assert_well_formed(paragraphs)
    assert find_entities([]) == ([], [], [])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(), max_size=6))
def test_any_text_gives_well_formed_entities(paragraphs: list[str]) -> None:
    assert_well_formed(paragraphs)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.sampled_from(SEED_FRAGMENTS), max_size=25).map(" ".join),
        max_size=8,
    )
)
def test_seed_fragments_give_well_formed_entities(paragraphs: list[str]) -> None:
    assert_well_formed(paragraphs)


def test_pathological_input_stays_linear() -> None:
    """Runs of thousands of capitalised words, honorifics or shared surnames
    once cost quadratic time."""
    cases = [
        ["Paul Holmes " * 5000],
        ["Mr " * 10000],
        ["Paul Holmes met Jane Holmes."] + ["Holmes said it."] * 5000,
        ["Paul Holmes, the secretary" * 2000],
        ["Council of " * 10000],
    ]
    for paragraphs in cases:
        started = time.perf_counter()
        assert_well_formed(paragraphs)
        assert time.perf_counter() - started < 2.0
