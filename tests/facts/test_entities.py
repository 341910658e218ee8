"""People, organisations and places: real values from the seed articles,
plus the rules they rest on and properties that must hold for any text."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.facts.base import Entity
from dateline.facts.entities import find_entities
from tests.facts.seed_text import SEED_000, SEED_001, paragraphs_from, seed_phrases

# Body paragraphs of seeds/000_2251fc9ddb0dfb63.txt (2017-01-18), copied literally:
# the date line and the photo credit are not body text.

# Words, sentences and marks from the seeds, for building realistic odd text.
SEED_FRAGMENTS = tuple(
    sorted(
        seed_phrases()
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

    # "The Government’s austerity agenda": a generic noun, not a named organisation.
    assert [org.name for org in organizations] == ["Unison", "Kirklees Council", "Examiner"]
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
@given(paragraphs_from(SEED_FRAGMENTS, words=25, paragraphs=8))
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


def test_words_beginning_with_of_are_not_regulators() -> None:
    people, organizations, places = find_entities(
        ["Officials said the Offices would close.", "Ofsted said the school was good."]
    )
    assert [o.name for o in organizations] == ["Ofsted"]
    assert people == [] and places == []


# --- issue 3: precision --------------------------------------------------------------


def names(entities: list[Entity]) -> list[str]:
    return [entity.name for entity in entities]


def test_generic_nouns_are_not_named_organisations() -> None:
    paragraphs = [
        "The Government said police and the council would act.",
        "The Bureau said it would look again. The Department agreed.",
    ]

    assert find_entities(paragraphs) == ([], [], [])


def test_sentence_adverbs_are_not_glued_to_a_name() -> None:
    people, _, _ = find_entities(["Tragically Emily Jones died in 2015."])
    assert [(p.name, texts(["Tragically Emily Jones died in 2015."], p)) for p in people] == [
        ("Emily Jones", ["Emily Jones"])
    ]
    # Alone, a given name with no surname anywhere is nobody in particular.
    assert find_entities(["Tragically Emily was only four."]) == ([], [], [])
    people, _, _ = find_entities(["Sadly Mr Holmes could not attend."])
    assert [(p.name, p.role) for p in people] == [("Holmes", None)]


def test_titles_before_names_are_roles_not_names() -> None:
    paragraphs = [
        "Sen. Maria Lopez and Gov. Tom Reed met CEO Anna Park and Chief Executive Owen Williams.",
        "Labour MP Jess Phillips was there.",
    ]

    people, organizations, _ = find_entities(paragraphs)

    assert [(p.name, p.role) for p in people] == [
        ("Maria Lopez", "Sen."),
        ("Tom Reed", "Gov."),
        ("Anna Park", "CEO"),  # "Park" is a place word, but not after a given name
        ("Owen Williams", "Chief Executive"),
        ("Jess Phillips", "Labour MP"),
    ]
    assert texts(paragraphs, people[0]) == ["Sen. Maria Lopez"]
    assert names(organizations) == ["Labour"]


def test_initials_and_a_dotted_title_after_a_place() -> None:
    paragraphs = ["Illinois Gov. J.B. Pritzker signed the bill. Pritzker said it was fair."]

    people, _, places = find_entities(paragraphs)

    assert [(p.name, p.role) for p in people] == [("J.B. Pritzker", "Gov.")]
    assert texts(paragraphs, people[0]) == ["Gov. J.B. Pritzker", "Pritzker"]
    assert names(places) == ["Illinois"]


def test_member_of_parliament_roles() -> None:
    paragraphs = [
        "Tracy Brabin, the MP for Batley and Spen, spoke.",
        "Batley and Spen MP Jo Cox spoke.",
        "Labour MP for Huddersfield Barry Sheerman spoke.",
    ]

    people, _, places = find_entities(paragraphs)

    assert [(p.name, p.role) for p in people] == [
        ("Tracy Brabin", "the MP for Batley and Spen"),
        ("Jo Cox", "Batley and Spen MP"),
        ("Barry Sheerman", "Labour MP for Huddersfield"),
    ]
    assert names(places) == ["Batley", "Huddersfield"]


def test_roles_after_an_age_a_home_town_or_who() -> None:
    paragraphs = [
        "Karen Walsh, 45, of Dearborn, a nurse at the hospital, spoke.",
        "Ann Mellor, who chairs Beeston Residents’ Association, spoke.",
        "His agent, Victor Lindqvist of Summit Sports Management, said no.",
        "Simon Oates, prosecuting, spoke.",
        "Northwind's chief executive, Tom Alvarado, has been under pressure from investor Greyhound"
        " Capital.",
    ]

    people, organizations, places = find_entities(paragraphs)

    assert [(p.name, p.role) for p in people] == [
        ("Karen Walsh", "a nurse at the hospital"),
        ("Ann Mellor", "chairs Beeston Residents’ Association"),
        ("Victor Lindqvist", "His agent"),
        ("Simon Oates", "prosecuting"),
        # Not "has been under pressure from investor Greyhound Capital": a clause.
        ("Tom Alvarado", "Northwind's chief executive"),
    ]
    assert names(organizations) == [
        "Beeston Residents’ Association",
        "Summit Sports Management",
        "Greyhound Capital",
    ]
    assert names(places) == ["Dearborn"]


def test_organisation_names_with_of_and_and_possessives() -> None:
    paragraphs = [
        "Agents from the Federal Bureau of Investigation and the U.S. Department of Justice came.",
        "The National Union of Teachers voted. The NUT said the vote was clear.",
        "Sport England and the Homes and Communities Agency paid.",
        "The Warrington Athletic Supporters’ Trust and the Washington State Auditor's Office met.",
        "Calderdale and Huddersfield NHS Foundation Trust and Unison and Kirklees Council met.",
    ]

    _, organizations, _ = find_entities(paragraphs)

    assert names(organizations) == [
        "Federal Bureau of Investigation",
        "U.S. Department of Justice",
        "National Union of Teachers",
        "Sport England",
        "Homes and Communities Agency",
        "Warrington Athletic Supporters’ Trust",
        "Washington State Auditor's Office",
        "Calderdale and Huddersfield NHS Foundation Trust",
        "Unison",
        "Kirklees Council",
    ]
    # "The NUT" is the union named in full before it.
    assert texts(paragraphs, organizations[2]) == ["National Union of Teachers", "NUT"]


def test_places_from_the_gazetteer_and_from_context() -> None:
    paragraphs = [
        "The firm is based in Springfield, Illinois, and has offices in Paris, France and Tokyo.",
        "The Houston-based firm will fly on the anniversary of Apollo 11.",
        "Traffic on Route 66 and the A644 stopped. A tornado hit Elk City. Manchester City lost.",
        "Residents in Harehills and Beeston complained.",
        "TOKYO - Sales rose in Tokyo.",
    ]

    _, organizations, places = find_entities(paragraphs)

    assert names(places) == [
        "Springfield",
        "Illinois",
        "Paris",
        "France",
        "Tokyo",  # the dateline's "TOKYO" too, named as the text writes it
        "Houston",
        "Route 66",
        "A644",
        "Elk City",
        "Harehills",
        "Beeston",
    ]
    assert texts(paragraphs, places[4]) == ["Tokyo", "TOKYO", "Tokyo"]
    # "Apollo" of "Apollo 11" is a mission, not a place; "Manchester City" a club.
    assert names(organizations) == ["Manchester City"]


def test_organisations_from_context() -> None:
    paragraphs = [
        "He joined the German club Fortuna Rheinau. SpaceX and GrocerGo bid.",
        "Marcus Bell signed with the Charlotte Monarchs.",
        "Harbor Point Capital made an offer. Harbor Point said it would wait.",
        "Chipmaker Arlo Semiconductor fell. Arlo said sales fell.",
        "Priyanka Rao, an analyst at Morgan Stanley, said so.",
        "Analysts at Brenner & Lowe were surprised. The IG Metall union objected.",
    ]

    people, organizations, _ = find_entities(paragraphs)

    assert [(p.name, p.role) for p in people] == [
        ("Marcus Bell", None),
        ("Priyanka Rao", "an analyst at Morgan Stanley"),
    ]
    assert names(organizations) == [
        "Fortuna Rheinau",
        "SpaceX",
        "GrocerGo",
        "Charlotte Monarchs",  # nobody is "the Charlotte Monarchs"
        "Harbor Point Capital",
        "Arlo Semiconductor",
        "Morgan Stanley",
        "Brenner & Lowe",
        "IG Metall",
    ]
    assert texts(paragraphs, organizations[4]) == ["Harbor Point Capital", "Harbor Point"]
    assert texts(paragraphs, organizations[5]) == ["Arlo Semiconductor", "Arlo"]


def test_a_party_after_a_place_leaves_the_place() -> None:
    people, _, places = find_entities(["Sen. Maria Alvarez, a Florida Democrat, agreed."])

    assert [(p.name, p.role) for p in people] == [("Maria Alvarez", "Sen.")]
    assert names(places) == ["Florida"]


def test_a_name_without_a_known_given_name_needs_evidence() -> None:
    assert find_entities(["Pennine Living submitted plans on Friday."]) == ([], [], [])
    for paragraphs in (
        ["Okafor Nwosu, 52, said no."],
        ["“No,” said Okafor Nwosu."],
        ["Okafor Nwosu arrived. Mr Nwosu left early."],
        ["Anke de Wit spoke first. De Wit described the offer as poor."],
    ):
        people, _, _ = find_entities(paragraphs)
        assert len(people) == 1, paragraphs
        assert people[0].name in ("Okafor Nwosu", "Anke de Wit")
    # A surname with its particle, used alone, is the same person.
    assert texts(paragraphs, people[0]) == ["Anke de Wit", "De Wit"]


def test_an_honorific_picks_the_person_of_that_sex() -> None:
    paragraphs = [
        "Karen Doyle spoke.",
        "Her son Jamie Doyle died.",
        "Mrs Doyle has started a petition.",
        "Mr Doyle was not there.",
    ]

    people, _, _ = find_entities(paragraphs)

    assert {p.name: texts(paragraphs, p) for p in people} == {
        "Karen Doyle": ["Karen Doyle", "Mrs Doyle"],
        "Jamie Doyle": ["Jamie Doyle", "Mr Doyle"],
    }


def test_results_are_fresh_lists_each_time() -> None:
    """The last answer is kept for the quote finder; callers may still change
    what they get without changing the next caller's answer."""
    people, organizations, places = find_entities(SEED_000)
    people.clear()
    organizations.clear()

    again = find_entities(SEED_000)

    assert [p.name for p in again[0]] == ["Paul Holmes"]
    assert [o.name for o in again[1]] == ["Kirklees Council", "Unison", "Community Care", "Ofsted"]
    assert again[2] == places
