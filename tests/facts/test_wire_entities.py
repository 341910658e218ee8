"""Names in agency wire copy and business news: headlines in capitals,
dateline lines, result lines and league tables, companies named after their
first mention, and the shared text layer they are read through."""

from __future__ import annotations

from dateline.facts.base import Entity
from dateline.facts.entities import find_entities
from dateline.facts.text import NUMBER, ArticleText


def names(entities: list[Entity]) -> list[str]:
    return [entity.name for entity in entities]


def mentions(paragraphs: list[str], entity: Entity) -> list[str]:
    return [paragraphs[m.paragraph][m.start_char : m.end_char] for m in entity.mentions]


def by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {entity.name: entity for entity in entities}


# --- the text layer --------------------------------------------------------------


def test_sentences_skip_abbreviations_initials_and_lower_case_continuations() -> None:
    sentences = "Mr. J. B. Smith met Sen. Jones on Jan. 27. They left at 5 p.m. and ate. Done"
    paragraph = ArticleText([sentences])[0]
    starts = [start for start, _ in paragraph.sentences()]
    assert [paragraph.text[s : s + 4] for s in starts] == ["Mr. ", "They", "Done"]
    at = paragraph.text.index("They")
    assert paragraph.sentence_bounds(at + 5) == (at, paragraph.text.index("Done"))
    assert paragraph.starts_sentence(paragraph.text.index("They"))
    assert not paragraph.starts_sentence(paragraph.text.index("Jones"))


def test_a_shouted_headline_is_recased_from_the_article_and_the_lexicons() -> None:
    paragraphs = [
        "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.",
        "Japan won 2-1 and China lost to a surprise goal, and it was a lucky win.",
    ]
    text = ArticleText(paragraphs)
    text.recase(lambda word: None)
    # "JAPAN" is written "Japan" by the article; "SURPRISE" is written in lower case.
    assert text[0].cased == "soccer - Japan get lucky win, China in surprise defeat."
    assert len(text[0].cased) == len(paragraphs[0])
    assert text[1].cased == paragraphs[1]


def test_headline_case_words_take_the_article_s_case() -> None:
    paragraphs = [
        "Council To Go Ahead With Plan For Leeds",
        "The council said the plan would go ahead.",
    ]
    text = ArticleText(paragraphs)
    text.recase(lambda word: None)
    assert text[0].cased == "council to go ahead with plan for Leeds"


def test_dateline_lines_are_found_and_named() -> None:
    for line, place, region in [
        ("GLASGOW 1996-12-07", "GLASGOW", None),
        ("AL-AIN, United Arab Emirates 1996-12-06", "AL-AIN", "United Arab Emirates"),
        ("LONDON (Reuters) - Shares fell.", "LONDON", None),
        ("NEW YORK, Oct. 26 - Stocks rose.", "NEW YORK", None),
    ]:
        [paragraph] = ArticleText([line]).paragraphs
        assert paragraph.dateline is not None, line
        (start, end), region_span = paragraph.dateline
        assert line[start:end] == place
        assert (line[slice(*region_span)] if region_span else None) == region
    # A headline's rest is in capitals too: no dateline.
    assert ArticleText(["SOCCER - JAPAN GET LUCKY WIN."])[0].dateline is None


def test_tables_and_result_lines_are_told_from_prose() -> None:
    text = ArticleText(
        [
            "Arminia Bielefeld 16 4 4 8 18 28 16",
            "Feyenoord 2 Vitesse Arnhem 1 Ajax 0 Groningen 0",
            "K. Odhiambo c Islam b Hossain 45",
            "Twente - Kampman (19th, 38th), Slot (81st)",
            "The club has 16 players and won 4 games in 2016.",
        ]
    )
    assert [paragraph.table for paragraph in text.paragraphs] == [True, True, True, True, False]


def test_words_and_numbers_are_indexed_once_for_every_extractor() -> None:
    paragraph = ArticleText(["A dozen-odd staff left on 3 March; a further 92 in 2016/17 (ſix)."])[
        0
    ]
    at = paragraph.words_at
    assert at["a"] == [0, 35]
    # "ſ" is no ASCII letter: the word is "ix".
    assert at["dozen"] == [2] and at["march"] == [28] and at["ix"] == [61]
    assert at[NUMBER] == [26, 45, 51, 56]
    assert paragraph.starts_of(frozenset({"a", NUMBER})) == [0, 26, 35, 45, 51, 56]
    assert paragraph.starts_of(frozenset({"six"})) == []


# --- wire copy -------------------------------------------------------------------------


def test_a_shouted_headline_gives_its_places_not_surprise_defeat() -> None:
    paragraphs = [
        "SOCCER - JAPAN GET LUCKY WIN, CHINA IN SURPRISE DEFEAT.",
        "AL-AIN, United Arab Emirates 1996-12-06",
        "Japan began the defence of their Asian Cup title with a lucky 2-1 win over Syria "
        "while China suffered a surprise defeat by Uzbekistan.",
    ]
    people, organizations, places = find_entities(paragraphs)
    assert people == [] and organizations == []
    found = by_name(places)
    assert sorted(found) == [
        "Al-Ain",
        "China",
        "Japan",
        "Syria",
        "United Arab Emirates",
        "Uzbekistan",
    ]
    assert mentions(paragraphs, found["Japan"]) == ["JAPAN", "Japan"]
    assert mentions(paragraphs, found["Al-Ain"]) == ["AL-AIN"]


def test_league_tables_give_clubs_and_result_lines_merge_with_prose() -> None:
    paragraphs = [
        "Twente Enschede beat leaders PSV Eindhoven 3-0 on Saturday.",
        "Twente Enschede 3 PSV Eindhoven 0 Heerenveen 2 Utrecht 2",
        "Standings:",
        "Heerenveen 17 11 4 2 33 14 37",
        "Twente Enschede 16 11 3 2 40 12 36",
        "Utrecht were held at home by Heerenveen.",
    ]
    people, organizations, places = find_entities(paragraphs)
    assert people == []
    assert names(organizations) == ["Twente Enschede", "PSV Eindhoven", "Heerenveen", "Utrecht"]
    # Utrecht is a city and a province too; here it is the club, everywhere.
    assert places == []


def test_players_in_tables_are_people_and_countries_are_places() -> None:
    paragraphs = [
        "Kennedy Odhiambo made 45 and Kenya beat Bangladesh by 37 runs.",
        "K. Odhiambo c Islam b Hossain 45",
        "A. Shah not out 51",
        "Singles: Andrei Korolev (Russia, 3) beat Thomas Lindgren (Sweden) 6-4 3-6 7-5",
    ]
    people, organizations, places = find_entities(paragraphs)
    found = by_name(people)
    assert sorted(found) == [
        "A. Shah",
        "Andrei Korolev",
        "Hossain",
        "Islam",
        "Kennedy Odhiambo",
        "Thomas Lindgren",
    ]
    # "K. Odhiambo" is the only Odhiambo with a K: the same man.
    assert mentions(paragraphs, found["Kennedy Odhiambo"]) == ["Kennedy Odhiambo", "K. Odhiambo"]
    assert organizations == []
    assert names(places) == ["Kenya", "Bangladesh", "Russia", "Sweden"]


def test_an_adjective_before_a_name_is_not_part_of_it() -> None:
    paragraphs = [
        "Struggling Ajax were held 0-0 at home.",
        "Debt-laden Daeho Steel Co. said on Tuesday it would sell its plant.",
        "Korolev beat unseeded Swede Thomas Lindgren in the final.",
    ]
    people, organizations, _ = find_entities(paragraphs)
    assert "Thomas Lindgren" in names(people)
    assert not any(name.startswith(("Struggling", "Debt-laden", "Swede")) for name in names(people))
    assert "Daeho Steel Co" in names(organizations)


# --- business news ---------------------------------------------------------------


def test_a_company_is_named_without_its_trade_after_its_first_mention() -> None:
    paragraphs = [
        "Northland Air Group Inc. said second-quarter profit doubled.",
        "Northland will take delivery of 12 jets, and Dorrance Chemical Corp. expects the same.",
        "Shares of Dorrance rose, and Salomon Brothers raised its rating on the New York "
        "Stock Exchange.",
    ]
    _, organizations, places = find_entities(paragraphs)
    found = by_name(organizations)
    assert mentions(paragraphs, found["Northland Air Group Inc"]) == [
        "Northland Air Group Inc",
        "Northland",
    ]
    assert mentions(paragraphs, found["Dorrance Chemical Corp"]) == [
        "Dorrance Chemical Corp",
        "Dorrance",
    ]
    assert "Salomon Brothers" in found and "New York Stock Exchange" in found
    assert places == []


def test_a_place_keeps_its_name_beside_a_company_named_after_it() -> None:
    paragraphs = ["Hong Kong Telecom said profit rose.", "Shares rose in Hong Kong on Monday."]
    _, organizations, places = find_entities(paragraphs)
    assert names(organizations) == ["Hong Kong Telecom"]
    assert names(places) == ["Hong Kong"]


def test_names_joined_by_and_or_a_comma_are_one_body_when_they_name_one() -> None:
    paragraphs = [
        "The Indonesian Mines and Energy Ministry and the Korea Iron and Steel Association "
        "met the Ministry of Trade, Industry and Energy.",
        "Analysts at Kidder, Peabody & Co. said Chrysler and Ford Motor Co. would gain.",
        "Ohio Valley Savings Bank of Evansville said profit rose.",
    ]
    _, organizations, places = find_entities(paragraphs)
    found = names(organizations)
    for name in (
        "Indonesian Mines and Energy Ministry",
        "Korea Iron and Steel Association",
        "Ministry of Trade, Industry and Energy",
        "Kidder, Peabody & Co",
        "Ford Motor Co",
        "Ohio Valley Savings Bank",
    ):
        assert name in found, name
    assert "Chrysler and Ford Motor Co" not in found
    assert names(places) == ["Evansville"]


def test_letters_name_an_organisation_after_the_or_when_spelled_out() -> None:
    paragraphs = [
        "The Democratic Senatorial Campaign Committee said the DSCC would spend more.",
        "KSTP anchor Diane Holloway asked about the CEO and his IT budget.",
        "The DSCC and NRSC disagreed.",
    ]
    _, organizations, _ = find_entities(paragraphs)
    found = by_name(organizations)
    committee = found["Democratic Senatorial Campaign Committee"]
    assert mentions(paragraphs, committee) == [
        "Democratic Senatorial Campaign Committee",
        "DSCC",
        "DSCC",
    ]
    assert "KSTP" in found
    assert "CEO" not in found and "IT" not in found


def test_a_campaign_and_a_city_with_its_state() -> None:
    paragraphs = [
        "The Trump campaign opened an office in Orlando, Fla., on Monday.",
        "A plant near Lake Charles, La., will close.",
    ]
    _, organizations, places = find_entities(paragraphs)
    assert names(organizations) == ["Trump campaign"]
    found = by_name(places)
    assert sorted(found) == ["Florida", "Lake Charles", "Louisiana", "Orlando"]
    assert mentions(paragraphs, found["Florida"]) == ["Fla."]


def test_in_a_sport_story_a_team_named_after_a_town_is_a_club() -> None:
    paragraphs = [
        "SOCCER - FEYENOORD GO TOP.",
        "ROTTERDAM 1996-12-08",
        "Feyenoord beat Groningen 2-1 and the striker joined them from Rosenborg in July.",
        "The match was played in Rotterdam.",
    ]
    _, organizations, places = find_entities(paragraphs)
    assert names(organizations) == ["Feyenoord", "Groningen", "Rosenborg"]
    assert names(places) == ["Rotterdam"]


def test_east_asian_names_and_unlisted_names_that_act_like_people_are_people() -> None:
    paragraphs = [
        "The company said chairman Park Jae Sung and Kim Do Hoon would resign.",
        "In the 12th minute Alen Boksic scored after a pass by Alessandro Del Piero, who "
        "had come on as a substitute.",
        "He visited Hong Kong and the Asian Cup final, then the Guinea Gap baths.",
    ]
    people, _, places = find_entities(paragraphs)
    assert names(people) == ["Park Jae Sung", "Kim Do Hoon", "Alen Boksic", "Alessandro Del Piero"]
    assert names(places) == ["Hong Kong"]


def test_a_single_name_that_acts_like_a_company_is_one() -> None:
    paragraphs = [
        "Barrick has teamed up with a local partner, and Halvorsen Cloud Inc. agreed terms.",
        "Halvorsen's shares rose, while analysts said Smith was wrong.",
        "Analysts said the deal was fair. Paul Smith said so too.",
    ]
    people, organizations, places = find_entities(paragraphs)
    found = by_name(organizations)
    assert sorted(found) == ["Barrick", "Halvorsen Cloud Inc"]
    assert mentions(paragraphs, found["Halvorsen Cloud Inc"]) == [
        "Halvorsen Cloud Inc",
        "Halvorsen",
    ]
    # "Smith" is Paul Smith's surname, "Analysts" a plural noun: neither is a company.
    assert names(people) == ["Paul Smith"]
    assert places == []


def test_results_of_athletics_golf_tennis_cricket_and_football() -> None:
    paragraphs = [
        "ATHLETICS - JOHNSON WINS 200 METRES IN ZURICH.",
        "ZURICH 1996-08-14",
        "Results: 1. Michael Johnson (U.S.) 19.68 seconds 2. Frankie Fredericks (Namibia) "
        "19.85 3. Ato Boldon (Trinidad) 19.99",
        "65 Colin Montgomerie (Britain) 66 Ian Woosnam (Britain), Sam Torrance (Britain)",
        "Pete Sampras (U.S.) beat Greg Rusedski (Britain) 6-4 7-6 (7-4)",
        "Sachin Tendulkar c Healy b McGrath 35",
        "Bayern Munich 2 Hansa Rostock 0",
        "Halftime 1-0. Attendance 20,000",
    ]
    people, organizations, places = find_entities(paragraphs)
    assert names(people) == [
        "Michael Johnson",
        "Frankie Fredericks",
        "Ato Boldon",
        "Colin Montgomerie",
        "Ian Woosnam",
        "Sam Torrance",
        "Pete Sampras",
        "Greg Rusedski",
        "Sachin Tendulkar",
        "Healy",
        "McGrath",
    ]
    assert mentions(paragraphs, people[0]) == ["JOHNSON", "Michael Johnson"]
    assert names(organizations) == ["Bayern Munich", "Hansa Rostock"]
    assert names(places) == ["Zurich", "U.S.", "Namibia", "Trinidad", "Britain"]


def test_roles_in_campaign_and_business_copy() -> None:
    paragraphs = [
        '"We will win," said Carver\'s chief executive, Walter P. Brandt.',
        "That was the verdict of Ellison's spokeswoman, Kelsey Drummond, in an email.",
        "Third-place finisher Bill Harnett, a Republican almond grower, spent $1 million.",
        "Gregory Mills, who follows regional banks for Keefe, Bruyette & Woods Inc., agreed.",
        "At a library, retired farmer Dale Brecht, 72, said he had voted.",
    ]
    people, _, _ = find_entities(paragraphs)
    roles = {person.name: person.role for person in people}
    assert roles == {
        "Walter P. Brandt": "Carver's chief executive",
        "Kelsey Drummond": "Ellison's spokeswoman",
        "Bill Harnett": "a Republican almond grower",
        "Gregory Mills": "follows regional banks for Keefe",
        "Dale Brecht": "retired farmer",
    }
