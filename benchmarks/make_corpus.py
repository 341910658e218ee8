"""Write a synthetic news corpus shaped like the seed articles, for benchmarks and tests.

    python benchmarks/make_corpus.py OUT --count N [--format txt|jsonl] [--seed S]
                                     [--per-folder 1000] [--duplicates F] [--workers W]

The two seed articles are too few to time anything or to test a corpus of
thousands, and real news cannot be shipped, so this makes articles from
templates and word lists. Each one has what the extractors look for: people
with roles ("Paul Holmes, branch secretary for Unison in Kirklees"),
organisations and places, relative and absolute dates resolved against the
publication date ("this Friday", "27 January", "2013/14"), money in three
currencies, percentages, counts with nouns, direct quotes in several styles,
and some of the seeds' web debris (a newsletter sign-up, a video player's
labels, a photo credit), in the forms the cleaner is known to remove.

Articles come in stories of 5 to 10 about one event, sharing a town, the
organisations, the people, the key figures and the event's date, which each
article names relative to its own publication date. Stories run side by side,
so a story's articles are spread through the corpus, as in a real feed. A
town's MP and a pool of experts recur across stories.

Determinism: only `random.Random`, seeded from --seed. One generator plans the
running order (which story each article continues, which articles are copies);
each story and each article then has a generator of its own, seeded with the
seed and its number, so articles can be written in any order or in several
processes (--workers) and still come out byte for byte the same. Nothing
depends on --count, so a shorter corpus is a prefix of a longer one. Exact
duplicates (for de-duplication tests) copy a recent article: article i is a
copy when floor((i + 1) * F) > floor(i * F), which makes exactly
floor(count * F) copies, evenly spread.

Speed: about 0.2 ms of CPU an article (100,000 as JSON Lines in about 20 s on
one core); seed-format files add the file system's cost of creating a file.

Outputs:
- txt: seed-format files, " date YYYY-MM-DD " and the first paragraph on the
  first line, a blank line between paragraphs, no final newline (as the seeds),
  in OUT/0000/a00000000.txt, at most --per-folder files a folder;
- jsonl: OUT/part-0000.jsonl, at most --per-folder articles a file, one object
  a line with title, text (paragraphs joined by a blank line, debris included),
  date, source, url, author and section (a field the loader keeps as metadata).

`generate(count, seed)` yields the same articles in memory for other scripts, as
`SyntheticArticle`s that also say what a cleaner should keep (`body`), the
credit and caption it should set apart, the story, and which article a copy
duplicates.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import re
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from random import Random
from typing import BinaryIO, TypeVar

T = TypeVar("T")

DEFAULT_PER_FOLDER = 1000
DEFAULT_DUPLICATES = 0.01
# Worker processes pay off only with cores to spare: on two, one process is faster.
DEFAULT_WORKERS = max(1, min(4, (os.cpu_count() or 1) // 2))
ACTIVE_STORIES = 12  # stories running at once; each article continues one of them
CHUNK_SIZE = 200  # articles a worker process writes per task
STORY_CACHE = 400  # stories a writer keeps; a duplicate may need one from ~500 articles back
RECENT_ARTICLES = 500  # a duplicate copies one of the last this many originals
STORIES_PER_DAY = 4  # story k starts about k / 4 days after FIRST_DAY
FIRST_DAY = dt.date(2014, 1, 6)
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 8, 14
MIN_WORDS, MAX_WORDS = 300, 600
# The length is planned with a space count, which falls short of the loader's word
# count by up to about 25 words ("2013/14", "£1.2bn" and "4.30pm" are two words to
# it) and rarely exceeds it; the plan keeps inside these bounds to allow for that.
PLANNED_WORDS = (MIN_WORDS + 10, MAX_WORDS - 30)


def _pick(rng: Random, options: Sequence[T]) -> T:
    # random.choice and randint cost several Python calls each; these cost one,
    # and generation is mostly drawing. Still a function of rng alone.
    return options[int(rng.random() * len(options))]


def _int(rng: Random, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


def _below(rng: Random, stop: int) -> int:
    return int(rng.random() * stop)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


# --- Vocabulary ------------------------------------------------------------------

FEMALE_NAMES = _words(
    """
    Abigail Aisha Alice Alison Amanda Amelia Amy Angela Anita Anna Anne Bethany Beverley
    Bridget Carol Caroline Catherine Charlotte Chloe Claire Deborah Diane Donna Eleanor
    Elizabeth Ella Emily Emma Erin Fatima Fiona Frances Gemma Georgina Grace Hannah Harriet
    Hazel Heather Helen Imogen Isabel Jacqueline Jane Janet Jasmine Jennifer Jessica Joanna
    Josephine Julie Karen Kate Katherine Kelly Laura Lauren Leanne Lesley Linda Lisa Louise
    Lucy Lydia Maria Marion Martha Megan Melanie Michelle Miriam Molly Nadia Naomi Natalie
    Nicola Nina Olivia Paula Pauline Priya Rachel Rebecca Rosie Ruth Samina Sandra Sarah
    Sharon Shazia Sophie Stephanie Susan Tanya Tracey Valerie Vanessa Victoria Wendy Yasmin
    Zara Zoe
    """
)
MALE_NAMES = _words(
    """
    Aaron Adam Adrian Ahmed Alan Alex Alistair Andrew Anthony Arthur Barry Ben Bernard Brian
    Callum Carl Charles Chris Colin Connor Craig Daniel Darren David Dean Dominic Douglas
    Edward Gareth Gary Gavin George Gordon Graham Harry Henry Hugh Ian Imran Jack Jacob
    James Jamie Jason Jeremy John Jonathan Joseph Keith Kevin Kieran Lee Leon Liam Luke
    Malcolm Mark Martin Matthew Michael Mohammed Neil Nigel Oliver Owen Patrick Paul Peter
    Philip Raj Richard Robert Roger Ross Ryan Sam Scott Sean Simon Stephen Steven Stuart
    Terry Thomas Timothy Tom Tony Trevor Usman Victor Vincent Wayne William Yusuf Zak
    Declan Euan Fraser Rhys Dylan
    """
)
SURNAMES = _words(
    """
    Adams Ahmed Akhtar Allen Anderson Armstrong Atkinson Bailey Baker Banks Barker Barnes
    Bell Bennett Berry Bibi Bird Bishop Booth Bradley Brooks Brown Burton Butler Campbell
    Carter Chapman Clarke Cole Collins Cook Cooper Cox Crawford Cunningham Davies Dawson
    Dixon Dobson Doyle Duncan Edwards Elliott Ellis Evans Farrell Fisher Fleming Fletcher
    Foster Fox Francis Fraser Gardner Gibson Gill Goodwin Graham Grant Gray Green Griffiths
    Hall Hamilton Hardy Harper Harris Hart Harvey Hayes Henderson Hill Hodgson Holmes Hooper
    Howard Hudson Hughes Hunt Hussain Iqbal Jackson James Jenkins Johnson Jones Kaur Kelly
    Kennedy Khan King Knight Lamb Lane Lawrence Lawson Lee Lewis Lloyd Lord Lowe Mahmood
    Marsh Marshall Martin Mason Matthews McDonald McKenzie Mills Mitchell Moore Morgan Morris
    Murphy Murray Nelson Newton Nicholson Norris O’Brien Owen Palmer Parker Parry Patel
    Pearce Pearson Perry Phillips Pollard Porter Powell Price Pritchard Quinn Rahman Read
    Reid Reynolds Rhodes Richards Richardson Riley Roberts Robinson Rogers Rose Ross Russell
    Ryan Saunders Scott Shah Sharp Shaw Simpson Singh Slater Smith Spencer Stevens Stewart
    Stone Sutton Swift Taylor Thomas Thompson Thornton Townsend Turner Walker Wallace Walsh
    Ward Warren Watson Watts Webb Wells West Wheeler White Whitehead Wilkinson Williams
    Willis Wilson Wood Woodward Wright Yates Young Barlow Crowther Haigh Sykes Brierley
    Ackroyd Priestley Greenwood Sutcliffe Hirst Lockwood
    """
)
TOWNS = tuple(
    tuple(line.split("|"))
    for line in _lines(
        """
        Huddersfield|West Yorkshire
        Kirklees|West Yorkshire
        Dewsbury|West Yorkshire
        Halifax|West Yorkshire
        Calderdale|West Yorkshire
        Wakefield|West Yorkshire
        Bradford|West Yorkshire
        Keighley|West Yorkshire
        Barnsley|South Yorkshire
        Rotherham|South Yorkshire
        Doncaster|South Yorkshire
        Sheffield|South Yorkshire
        Harrogate|North Yorkshire
        Scarborough|North Yorkshire
        Whitby|North Yorkshire
        Selby|North Yorkshire
        Middlesbrough|North Yorkshire
        Hull|East Yorkshire
        Beverley|East Yorkshire
        Grimsby|Lincolnshire
        Lincoln|Lincolnshire
        Boston|Lincolnshire
        Grantham|Lincolnshire
        Skegness|Lincolnshire
        Oldham|Greater Manchester
        Rochdale|Greater Manchester
        Bolton|Greater Manchester
        Wigan|Greater Manchester
        Stockport|Greater Manchester
        Salford|Greater Manchester
        Bury|Greater Manchester
        Preston|Lancashire
        Blackburn|Lancashire
        Burnley|Lancashire
        Blackpool|Lancashire
        Lancaster|Lancashire
        Accrington|Lancashire
        Chorley|Lancashire
        Carlisle|Cumbria
        Kendal|Cumbria
        Barrow|Cumbria
        Workington|Cumbria
        Darlington|County Durham
        Durham|County Durham
        Hartlepool|County Durham
        Stockton|County Durham
        Sunderland|Tyne and Wear
        Gateshead|Tyne and Wear
        Hexham|Northumberland
        Morpeth|Northumberland
        Blyth|Northumberland
        Chester|Cheshire
        Crewe|Cheshire
        Macclesfield|Cheshire
        Warrington|Cheshire
        Runcorn|Cheshire
        Southport|Merseyside
        Birkenhead|Merseyside
        St Helens|Merseyside
        Wrexham|North Wales
        Bangor|North Wales
        Aberystwyth|Ceredigion
        Swansea|South Wales
        Newport|South Wales
        Cardiff|South Wales
        Llanelli|Carmarthenshire
        Carmarthen|Carmarthenshire
        Brecon|Powys
        Shrewsbury|Shropshire
        Telford|Shropshire
        Oswestry|Shropshire
        Hereford|Herefordshire
        Worcester|Worcestershire
        Kidderminster|Worcestershire
        Redditch|Worcestershire
        Stafford|Staffordshire
        Tamworth|Staffordshire
        Burton|Staffordshire
        Leek|Staffordshire
        Derby|Derbyshire
        Chesterfield|Derbyshire
        Buxton|Derbyshire
        Matlock|Derbyshire
        Nottingham|Nottinghamshire
        Mansfield|Nottinghamshire
        Newark|Nottinghamshire
        Worksop|Nottinghamshire
        Leicester|Leicestershire
        Loughborough|Leicestershire
        Hinckley|Leicestershire
        Northampton|Northamptonshire
        Kettering|Northamptonshire
        Corby|Northamptonshire
        Wellingborough|Northamptonshire
        Coventry|West Midlands
        Walsall|West Midlands
        Dudley|West Midlands
        Solihull|West Midlands
        Nuneaton|Warwickshire
        Rugby|Warwickshire
        Stratford|Warwickshire
        Banbury|Oxfordshire
        Bicester|Oxfordshire
        Witney|Oxfordshire
        Abingdon|Oxfordshire
        Swindon|Wiltshire
        Salisbury|Wiltshire
        Chippenham|Wiltshire
        Trowbridge|Wiltshire
        Gloucester|Gloucestershire
        Cheltenham|Gloucestershire
        Stroud|Gloucestershire
        Bath|Somerset
        Taunton|Somerset
        Yeovil|Somerset
        Bridgwater|Somerset
        Exeter|Devon
        Plymouth|Devon
        Torquay|Devon
        Barnstaple|Devon
        Truro|Cornwall
        Falmouth|Cornwall
        Penzance|Cornwall
        Newquay|Cornwall
        Bournemouth|Dorset
        Poole|Dorset
        Weymouth|Dorset
        Dorchester|Dorset
        Southampton|Hampshire
        Portsmouth|Hampshire
        Basingstoke|Hampshire
        Winchester|Hampshire
        Andover|Hampshire
        Reading|Berkshire
        Slough|Berkshire
        Newbury|Berkshire
        Bracknell|Berkshire
        Guildford|Surrey
        Woking|Surrey
        Crawley|West Sussex
        Horsham|West Sussex
        Worthing|West Sussex
        Chichester|West Sussex
        Brighton|East Sussex
        Eastbourne|East Sussex
        Hastings|East Sussex
        Lewes|East Sussex
        Maidstone|Kent
        Canterbury|Kent
        Ashford|Kent
        Folkestone|Kent
        Margate|Kent
        Dartford|Kent
        Chelmsford|Essex
        Colchester|Essex
        Basildon|Essex
        Harlow|Essex
        Southend|Essex
        Ipswich|Suffolk
        Lowestoft|Suffolk
        Bury St Edmunds|Suffolk
        Norwich|Norfolk
        King’s Lynn|Norfolk
        Great Yarmouth|Norfolk
        Thetford|Norfolk
        Cambridge|Cambridgeshire
        Peterborough|Cambridgeshire
        Huntingdon|Cambridgeshire
        Bedford|Bedfordshire
        Luton|Bedfordshire
        Stevenage|Hertfordshire
        Watford|Hertfordshire
        Hemel Hempstead|Hertfordshire
        Aylesbury|Buckinghamshire
        High Wycombe|Buckinghamshire
        Milton Keynes|Buckinghamshire
        Perth|Perthshire
        Stirling|Stirlingshire
        Falkirk|Stirlingshire
        Inverness|Highland
        Dumfries|Dumfries and Galloway
        Kilmarnock|Ayrshire
        Ayr|Ayrshire
        Paisley|Renfrewshire
        Kirkcaldy|Fife
        """
    )
)
_TOWNS_BY_COUNTY: dict[str, tuple[str, ...]] = {}
for _town, _county in TOWNS:
    _TOWNS_BY_COUNTY[_county] = (*_TOWNS_BY_COUNTY.get(_county, ()), _town)

COINED_HEADS = _words(
    "Ar Bel Cor Dal Fen Gar Hal Kel Lor Mer Nor Pen Quin Ros Sel Tor Val Wex Zen Cal Dun El Hav"
)
COINED_TAILS = _words("tex ora ion vex gen ford wood tech line mark ston com ita ell ara")
FIELDS = _lines(
    """
    social policy
    public health
    economics
    transport planning
    urban geography
    employment law
    education
    environmental science
    criminology
    health economics
    political science
    sport management
    hydrology
    business studies
    """
)
JOBS = _words(
    "nurse teacher retired engineer shop owner driver accountant student carer builder "
    "hairdresser cleaner pharmacist mechanic"
)
STREETS = _words(
    "Station Mill Church Manor Bradford Leeds Park Victoria Albert Green Bridge Castle Quarry"
)
AGENCIES = (
    "REX/Shutterstock",
    "PA",
    "Getty Images",
    "AFP/Getty Images",
    "Alamy",
    "Reuters",
    "SWNS",
    "EPA",
    "AP",
    "Camera Press",
)
PAPER_TITLES = _words(
    "Examiner Echo Gazette Chronicle Courier Advertiser Star Post Telegraph Herald Mercury "
    "Observer Journal"
)
TRADE_SOURCES = (
    "Public Sector Weekly",
    "The Northern Post",
    "Care Today",
    "Business Daily",
    "Transport Times",
    "The Regional Ledger",
    "Health Service Review",
)
MONTHS = _words(
    "January February March April May June July August September October November December"
)
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
FIRST_NAMES = FEMALE_NAMES + MALE_NAMES
NUMBER_WORDS = _words("zero one two three four five six seven eight nine ten eleven twelve")


# --- Organisations and people ----------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Role:
    """How an article names what a person does: after the name ("branch secretary
    for Unison in Kirklees"), before it ("Kirklees Unison branch secretary"), and
    a title honorific that goes with the job ("Cllr")."""

    appositive: str
    premodifier: str
    honorific: str = ""


@dataclass(slots=True, frozen=True)
class OrganisationKind:
    """One kind of organisation: the templates for its names, how articles refer
    back to it, the jobs of its people and, for the organisations at the centre
    of a story, whom and what it is responsible for."""

    names: tuple[str, ...]
    the: tuple[str, ...]
    roles: tuple[Role, ...]
    groups: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    facilities: tuple[str, ...] = ()
    purposes: tuple[str, ...] = ()
    count_nouns: tuple[str, ...] = ()
    unions: tuple[str, ...] = ()
    regulator: str = "Ofsted"


ACTORS: dict[str, OrganisationKind] = {
    "council": OrganisationKind(
        names=("{town} Council", "{town} Borough Council", "{county} County Council"),
        the=("the council", "the authority"),
        roles=(
            Role("leader of {name}", "Council leader", "Cllr"),
            Role("the council’s cabinet member for {service}", "Cabinet member", "Cllr"),
            Role("chief executive of {name}", "{name} chief executive"),
            Role("the council’s director of {service}", "Director of {service}"),
            Role("the council’s interim deputy head of legal services", "Council solicitor"),
        ),
        groups=(
            "social workers",
            "refuse collectors",
            "care workers",
            "librarians",
            "housing officers",
            "school cooks",
        ),
        services=(
            "children’s services",
            "adult social care",
            "waste collection",
            "libraries",
            "housing",
            "road maintenance",
        ),
        facilities=(
            "{town} Central Library",
            "the {town} leisure centre",
            "the Market Hall in {town}",
            "the {town} household waste site",
        ),
        purposes=(
            "agency social workers",
            "consultants",
            "temporary accommodation",
            "repairs to the town hall",
            "a private social work team",
        ),
        count_nouns=("staff", "jobs", "posts", "members of staff"),
        unions=("Unison", "GMB", "Unite"),
        regulator="Ofsted",
    ),
    "trust": OrganisationKind(
        names=(
            "{town} Hospitals NHS Foundation Trust",
            "{town} and {town2} NHS Trust",
            "{county} Partnership NHS Trust",
        ),
        the=("the trust",),
        roles=(
            Role("chief executive of {name}", "Trust chief executive"),
            Role("medical director at {name}", "Medical director", "Dr"),
            Role("the trust’s chief nurse", "Chief nurse"),
            Role("chair of {name}", "Trust chair"),
        ),
        groups=("nurses", "junior doctors", "porters", "midwives", "paramedics", "cleaners"),
        services=(
            "maternity services",
            "the accident and emergency department",
            "the stroke unit",
            "children’s wards",
            "mental health services",
        ),
        facilities=(
            "the maternity unit at {town} General Hospital",
            "the {town} minor injuries unit",
            "Ward 14 at {town} Royal Infirmary",
        ),
        purposes=("agency nurses", "locum doctors", "new scanners", "a car park extension"),
        count_nouns=("beds", "nurses", "staff", "operations"),
        unions=("Unison", "the Royal College of Nursing", "the BMA", "GMB"),
        regulator="the Care Quality Commission",
    ),
    "company": OrganisationKind(
        names=(
            "{coined} Group",
            "{coined} plc",
            "{coined} Foods",
            "{coined} Engineering",
            "{surname} Holdings",
            "{town} Logistics",
            "{coined} Technologies",
        ),
        the=("the company", "the firm"),
        roles=(
            Role("chief executive of {name}", "{name} boss"),
            Role("managing director of {name}", "Managing director"),
            Role("the firm’s finance director", "Finance director"),
            Role("chairman of {name}", "{name} chairman"),
        ),
        groups=(
            "factory workers",
            "warehouse staff",
            "engineers",
            "delivery drivers",
            "call centre staff",
        ),
        services=(
            "the distribution centre",
            "the {town} plant",
            "the head office",
            "the research and development team",
        ),
        facilities=(
            "the {town} factory",
            "the distribution centre in {town}",
            "the {town} call centre",
        ),
        purposes=("new machinery", "redundancy payments", "a new warehouse", "research"),
        count_nouns=("jobs", "workers", "staff", "employees"),
        unions=("Unite", "GMB", "Usdaw", "Prospect", "the CWU"),
        regulator="the Health and Safety Executive",
    ),
    "operator": OrganisationKind(
        names=("{county} Connect", "{town} Coaches", "{county} Travel", "{coined} Rail"),
        the=("the operator", "the company"),
        roles=(
            Role("managing director of {name}", "{name} boss"),
            Role("the operator’s commercial director", "Commercial director"),
            Role("head of operations at {name}", "Operations chief"),
        ),
        groups=("bus drivers", "train guards", "conductors", "ticket office staff"),
        services=(
            "evening services",
            "the {town} to {town2} route",
            "Sunday services",
            "the number {route} route",
        ),
        facilities=("the {town} bus depot", "the ticket office at {town} station"),
        purposes=("new buses", "driver training", "ticket machines", "fuel"),
        count_nouns=("routes", "drivers", "passengers", "services"),
        unions=("Unite", "the RMT", "Aslef", "GMB"),
        regulator="the Office of Rail and Road",
    ),
    "university": OrganisationKind(
        names=("University of {town}", "{town} University", "{town} College"),
        the=("the university",),
        roles=(
            Role("vice-chancellor of {name}", "Vice-chancellor", "Professor"),
            Role("pro-vice-chancellor for research at {name}", "Research chief", "Professor"),
            Role("the university’s registrar", "Registrar"),
        ),
        groups=("lecturers", "researchers", "library staff", "technicians"),
        services=(
            "the modern languages department",
            "the nursing school",
            "the music department",
            "student support",
        ),
        facilities=("the {town} campus", "the university’s music department"),
        purposes=("new laboratories", "student accommodation", "consultants", "marketing"),
        count_nouns=("students", "staff", "courses", "jobs"),
        unions=("UCU", "Unison"),
        regulator="the Office for Students",
    ),
    "school": OrganisationKind(
        names=(
            "{town} High School",
            "{surname} Park Academy",
            "{town} Learning Trust",
            "{town} Grammar School",
        ),
        the=("the school", "the academy"),
        roles=(
            Role("headteacher at {name}", "Headteacher"),
            Role("chair of governors at {name}", "Chair of governors"),
            Role("chief executive of the {town} Learning Trust", "Trust boss"),
        ),
        groups=("teachers", "teaching assistants", "parents", "pupils"),
        services=(
            "special educational needs support",
            "the sixth form",
            "the breakfast club",
            "school transport",
        ),
        facilities=("the sixth form centre", "the {town} site"),
        purposes=("supply teachers", "new classrooms", "roof repairs", "laptops"),
        count_nouns=("pupils", "teachers", "places", "staff"),
        unions=("the NEU", "NASUWT", "the NAHT"),
        regulator="Ofsted",
    ),
    "police": OrganisationKind(
        names=("{county} Police",),
        the=("the force",),
        roles=(
            Role("chief constable of {name}", "Chief constable"),
            Role("the force’s head of neighbourhood policing", "Chief Superintendent"),
            Role("police and crime commissioner for {county}", "Commissioner"),
        ),
        groups=("officers", "police community support officers", "call handlers", "detectives"),
        services=(
            "neighbourhood policing",
            "the control room",
            "the {town} police station",
            "the dog unit",
        ),
        facilities=("the {town} police station", "the custody suite in {town}"),
        purposes=("overtime", "new vehicles", "body-worn cameras", "agency staff"),
        count_nouns=("officers", "staff", "posts", "patrols"),
        unions=("the Police Federation", "Unison"),
        regulator="HM Inspectorate of Constabulary",
    ),
    "club": OrganisationKind(
        names=("{town} United", "{town} Town", "{town} Rovers", "{town} Athletic"),
        the=("the club",),
        roles=(
            Role("chairman of {name}", "{name} chairman"),
            Role("chief executive of {name}", "Club chief executive"),
            Role("{name}’s owner", "Club owner"),
        ),
        groups=("supporters", "season ticket holders", "players", "staff"),
        services=("the academy", "the women’s team", "the community trust"),
        facilities=("the club’s stadium", "the training ground in {town}"),
        purposes=("player wages", "stadium repairs", "a new pitch", "interest payments"),
        count_nouns=("fans", "supporters", "season tickets", "jobs"),
        unions=("the Professional Footballers’ Association",),
        regulator="the Football Association",
    ),
    "developer": OrganisationKind(
        names=("{surname} Homes", "{surname} Developments", "{coined} Living", "{surname} Estates"),
        the=("the developer",),
        roles=(
            Role("managing director of {name}", "{name} boss"),
            Role("planning director at {name}", "Planning director"),
        ),
        groups=("residents", "neighbours", "first-time buyers"),
        services=("the new school", "the proposed GP surgery", "the access road"),
        facilities=("the show homes", "the {town} site"),
        purposes=("road improvements", "school places", "a new roundabout"),
        count_nouns=("homes", "houses", "flats"),
        unions=("Unite",),
        regulator="the Planning Inspectorate",
    ),
}

UNION_ROLES = (
    Role("branch secretary for {name} in {town}", "{town} {name} branch secretary"),
    Role("regional organiser for {name}", "{name} regional organiser"),
    Role("{mention}’s regional secretary", "{name} regional secretary"),
    Role("convenor for {name} at {org}", "{name} convenor"),
)
OPPONENTS: dict[str, OrganisationKind] = {
    "union": OrganisationKind(names=(), the=("the union",), roles=UNION_ROLES),
    "campaign": OrganisationKind(
        names=(
            "{town} Civic Society",
            "{town} Residents’ Association",
            "Friends of {town} Park",
            "Keep {town} Green",
            "{town} Action Group",
            "{town} Bus Users Group",
        ),
        the=("the group", "the campaign group"),
        roles=(
            Role("chair of {mention}", "Campaign group chair"),
            Role("founder of {mention}", "Campaigner"),
            Role("secretary of {mention}", "{name} secretary"),
        ),
    ),
    "regulator": OrganisationKind(
        names=(),
        the=("the regulator", "the watchdog"),
        roles=(
            Role("a senior inspector at {mention}", "{name} inspector"),
            Role("{mention}’s regional director", "{name} regional director"),
            Role("deputy chief inspector at {mention}", "Deputy chief inspector"),
        ),
    ),
    "agency": OrganisationKind(
        names=("the Environment Agency",),
        the=("the agency",),
        roles=(
            Role("the Environment Agency’s area manager for {county}", "Area manager"),
            Role("a flood risk manager at the Environment Agency", "Flood risk manager"),
        ),
    ),
    "supporters": OrganisationKind(
        names=("{org} Supporters’ Trust", "{org} Fans’ Forum", "the {org} Supporters’ Club"),
        the=("the supporters’ group", "the fans’ group"),
        roles=(
            Role("chair of {mention}", "Supporters’ trust chair"),
            Role("a spokesman for {mention}", "Fans’ leader"),
        ),
    ),
    "funder": OrganisationKind(
        names=(
            "the Heritage Lottery Fund",
            "Arts Council England",
            "the European Research Council",
            "the Department for Transport",
            "Sport England",
            "Innovate UK",
            "the Wellcome Trust",
            "the European Regional Development Fund",
        ),
        the=("the funder", "the fund"),
        roles=(
            Role("chief executive of {mention}", "{name} chief executive"),
            Role("head of grants at {mention}", "Grants chief"),
            Role("director for the north at {mention}", "Regional director"),
        ),
    ),
}
# Funders that pay in euros: their grants are written "€10M" and the like.
EURO_FUNDERS = frozenset(
    {"the European Research Council", "the European Regional Development Fund"}
)

THIRD_PARTY_ROLES = {
    "resident": (
        Role("a {age}-year-old {job} from {town}", "Local resident"),
        Role("who has lived in {town} for {years} years", "Resident"),
    ),
    "councillor": (
        Role("leader of the opposition group on {town} Council", "Opposition leader", "Cllr"),
        Role("ward councillor for {town} Central", "Ward councillor", "Clr"),
    ),
}


@dataclass(slots=True, frozen=True)
class Person:
    first: str
    surname: str
    pronoun: str  # "he" or "she", for "he said"
    role: Role

    @property
    def name(self) -> str:
        return f"{self.first} {self.surname}"

    @property
    def first_mention(self) -> str:
        """The name with its honorific, as an article first names the person."""
        return f"{self.role.honorific} {self.name}" if self.role.honorific else self.name


@dataclass(slots=True, frozen=True)
class Organisation:
    plain: str  # "Environment Agency"
    mention: str  # "the Environment Agency", how a sentence names it
    the: str  # "the agency", how a sentence refers back to it


def _organisation(name: str, the: str) -> Organisation:
    plain = name[4:] if name.startswith("the ") else name
    return Organisation(plain, name, the)


def _person(rng: Random, role: Role) -> Person:
    if rng.random() < 0.5:
        return Person(_pick(rng, FEMALE_NAMES), _pick(rng, SURNAMES), "she", role)
    return Person(_pick(rng, MALE_NAMES), _pick(rng, SURNAMES), "he", role)


def _coined(rng: Random) -> str:
    return _pick(rng, COINED_HEADS) + _pick(rng, COINED_TAILS)


# --- Topics ---------------------------------------------------------------------------
#
# Template fields. Fixed for a story: town, town2 (a neighbour), county, org and
# opp (the two organisations, as a sentence names them), org_the / opp_the ("the
# council"), org_plain, event ("a one-day strike"), event_short ("the strike"),
# group, service, facility, purpose, count_noun, paper ("the Examiner"),
# paper_name, money_main, count_main, pct_main, since_year, rating, buyer, site,
# fund_purpose; p1 (the opposing side's person), p2 (the organisation's), p3 (a
# third party) with _name, _surname, _role, _premod, _he, _his. Each has a
# capitalised twin for the start of a sentence ({Org}, {Group}, {P1_he}).
# For one article: event_day ("this Friday", "on 27 January"), event_date
# ("27 January"). Drawn afresh at each use (see _DYNAMIC): money, money_small,
# money_big, price, pct, num, num_big, num_word, duration, month, year_past,
# since_ref, past_ref, future_ref, fiscal, fiscal_prev, fiscal_next, time,
# day_month, claim, and q_p1 / partial_p1 (a quote or a fragment for p1), etc.


@dataclass(slots=True, frozen=True)
class Topic:
    key: str
    section: str
    actors: tuple[str, ...]  # keys of ACTORS
    opponent: str  # key of OPPONENTS
    events: tuple[tuple[str, str], ...]  # ("a one-day strike", "the strike")
    money: str  # the style of the story's key amount, see _money_main
    titles: tuple[str, ...]
    leads_before: tuple[str, ...]  # the event is still to come
    leads_after: tuple[str, ...]  # the event has happened
    details: tuple[str, ...]
    actor_quotes: tuple[str, ...]
    opponent_quotes: tuple[str, ...]
    actor_fragments: tuple[str, ...]
    opponent_fragments: tuple[str, ...]
    subheads: tuple[str, ...]
    dispute: bool = True  # two sides at odds; False where the "opponent" is a partner


TOPICS = (
    Topic(
        key="strike",
        section="news",
        actors=("council", "trust", "operator", "university", "company", "school"),
        opponent="union",
        events=(
            ("a one-day strike", "the strike"),
            ("a 48-hour walkout", "the walkout"),
            ("a week of industrial action", "the industrial action"),
            ("a three-day strike", "the strike"),
        ),
        money="gbp",
        titles=(
            "{Org} threatens legal action over {group} strike",
            "{Group} strike in {town} to go ahead despite legal threat",
            "{Opp} defies {org_the} over {town} strike",
            "Why {group} in {town} are walking out",
        ),
        leads_before=(
            "{Org} has threatened to take legal action against {opp} over {event} {group} plan "
            "to take {event_day}.",
            "{Group} at {org} will walk out {event_day} after talks over pay and workloads "
            "broke down.",
            "{Opp} has served formal notice on {org} for {event} by {group} {event_day}.",
            "Plans for {event} by {group} in {town} {event_day} are going ahead, {opp} has "
            "confirmed.",
        ),
        leads_after=(
            "{Group} at {org} walked out {event_day} in a row over pay, workloads and the use "
            "of agency staff.",
            "{Event_short} by {group} in {town} went ahead {event_day} despite a last-minute "
            "threat of legal action from {org}.",
            "Services across {town} were disrupted {event_day} as {group} staged {event}.",
        ),
        details=(
            "A ballot on industrial action was backed by {pct_main} of {num} {opp_plain} "
            "members who voted.",
            "{Org} wrote to {opp} to warn it would take “immediate steps” to secure a court "
            "injunction unless {opp_the} called off {event_short}.",
            "{Org_the} set {opp_the} a deadline of {time} yesterday. But {opp_the} refused to "
            "back down.",
            "{Group} want action on a series of issues including pay, caseloads, IT systems and "
            "a heavy reliance on agency staff.",
            "It is the first strike by {group} in {town} since {since_year}.",
            "Emergency cover will be provided throughout, {opp_the} said.",
        ),
        actor_quotes=(
            "We are disappointed that {opp} has chosen this course of action when talks are "
            "still going on",
            "Our priority is to keep vulnerable people safe, and contingency plans are in place",
            "We believe the ballot was unlawful and we have taken legal advice",
            "Discussions between {org_the} and {opp_the} are ongoing",
            "The door remains open and we would urge {opp} to call off {event_short}",
        ),
        opponent_quotes=(
            "Our members just want to be able to provide a decent service to the people of "
            "{town}. The last thing they want to do is strike, but they feel they have no option",
            "We would provide emergency cover as we would on a Bank Holiday. Nobody is at risk",
            "Our members are at the end of their tether. They have no choice",
            "Threatening an injunction has only made our members more determined",
            "This is about safe workloads, not just pay",
        ),
        actor_fragments=("unlawful", "deeply regrettable", "premature"),
        opponent_fragments=(
            "a red herring",
            "unprecedented",
            "an attempt to bully staff",
            "a scare tactic",
        ),
        subheads=("Legal threat", "Emergency cover", "Years of cuts", "Deadline passes"),
    ),
    Topic(
        key="cuts",
        section="politics",
        actors=("council", "police", "trust", "university"),
        opponent="union",
        events=(
            ("a budget vote", "the vote"),
            ("a public consultation on the cuts", "the consultation"),
            ("a full council meeting", "the meeting"),
        ),
        money="gbp",
        titles=(
            "{Org} sets out {money_main} of cuts",
            "{Service} in line for cuts as {org} tries to close {money_main} gap",
            "Unions pledge to fight {town} cuts",
        ),
        leads_before=(
            "{Org} will decide {event_day} on plans to cut {money_main} from its budget, with "
            "{service} facing the biggest reductions.",
            "Hundreds of jobs could go at {org} under budget plans to be debated {event_day}.",
            "{Org} has warned it must find savings of {money_main} by {fiscal_next}, ahead of "
            "{event} {event_day}.",
        ),
        leads_after=(
            "{Org} approved cuts of {money_main} {event_day}, despite protests outside the "
            "town hall.",
            "Cuts of {money_main} at {org}, including reductions to {service}, were backed "
            "{event_day}.",
        ),
        details=(
            "The authority has already cut {money} from its budget since {since_year}.",
            "Council tax is set to rise by {pct} in {fiscal_next}, the maximum allowed without "
            "a referendum.",
            "Up to {num} posts could go, although {org_the} hopes most will be lost through "
            "voluntary redundancy.",
            "A report to councillors warned of a {money} gap in the budget for {fiscal_next}.",
            "Spending on {service} has risen by {pct} in {duration}.",
        ),
        actor_quotes=(
            "Nobody came into public service to make cuts like these, but we have to set a "
            "legal budget",
            "We have protected front-line services wherever we can",
            "Our funding from central government has fallen by {pct_main} since {since_year}",
            "These are difficult decisions and we have not taken them lightly",
        ),
        opponent_quotes=(
            "These cuts will hit the poorest families in {town} hardest",
            "Once {service} are gone, they will not come back",
            "{Org} has found money for consultants but not for front-line staff",
            "We will fight these proposals every step of the way",
        ),
        actor_fragments=("unavoidable", "a balanced budget"),
        opponent_fragments=("devastating", "a false economy", "short-sighted"),
        subheads=("Council tax rise", "Jobs at risk", "Difficult decisions", "Reserves"),
    ),
    Topic(
        key="closure",
        section="news",
        actors=("council", "trust", "company", "police"),
        opponent="campaign",
        events=(
            ("a final decision on {facility}", "the decision"),
            ("a consultation on the future of {facility}", "the consultation"),
            ("a public meeting on the closure", "the meeting"),
        ),
        money="gbp",
        titles=(
            "Anger over plans to close {facility}",
            "{Facility} to close with loss of {count_main} {count_noun}",
            "Campaigners fight to save {facility}",
        ),
        leads_before=(
            "{Org} is set to confirm the closure of {facility} {event_day}, putting "
            "{count_main} {count_noun} at risk.",
            "Campaigners have launched a last-ditch bid to save {facility} ahead of {event} "
            "{event_day}.",
        ),
        leads_after=(
            "{Org} confirmed {event_day} that {facility} will close {future_ref}, with the loss "
            "of {count_main} {count_noun}.",
            "Campaigners vowed to fight on after {org} decided {event_day} to close {facility}.",
        ),
        details=(
            "{Facility} has served {town} since {since_year} and handles around {num_big} "
            "visits a year.",
            "A petition against the closure has gathered more than {num_big} signatures.",
            "The nearest alternative is in {town2}, a journey of more than {num} minutes by bus.",
            "{Org} says running costs have risen by {pct} in {duration}.",
            "{Org} says the move will save {money} a year.",
        ),
        actor_quotes=(
            "We understand how much {facility} means to people, but the building is no longer "
            "fit for purpose",
            "Keeping {facility} open would cost {money} we simply do not have",
            "No final decision has been taken and we will listen to every response",
        ),
        opponent_quotes=(
            "People in {town} have been let down",
            "This is the heart of our community and we will not let it go without a fight",
            "Moving services to {town2} will put lives at risk",
            "We have shown that there is another way, if {org_the} is willing to listen",
        ),
        actor_fragments=("no longer sustainable", "the right decision for the long term"),
        opponent_fragments=("a betrayal", "a done deal", "a disgrace"),
        subheads=("Petition", "Nowhere else to go", "Running costs", "Final decision"),
    ),
    Topic(
        key="planning",
        section="news",
        actors=("developer",),
        opponent="campaign",
        events=(
            ("a planning committee meeting", "the meeting"),
            ("a public inquiry", "the inquiry"),
            ("a decision on the application", "the decision"),
        ),
        money="gbp",
        titles=(
            "{Count_main} homes plan for {site} sparks row",
            "Developer appeals after {town} housing plan rejected",
            "Residents object to {org} plans for {site}",
        ),
        leads_before=(
            "Plans for {count_main} homes on {site} in {town} will go before {event} {event_day}.",
            "Residents have lodged more than {num} objections to plans by {org} for {site} "
            "ahead of {event} {event_day}.",
        ),
        leads_after=(
            "Plans for {count_main} homes on {site} were approved {event_day}, despite {num} "
            "objections.",
            "Councillors rejected plans by {org} for {site} {event_day}, after a meeting that "
            "lasted more than {num_word} hours.",
        ),
        details=(
            "{Org} says {pct_main} of the homes would be affordable, below the {pct} the "
            "council’s policy requires.",
            "The scheme includes a primary school, a GP surgery and {num} parking spaces.",
            "{Org} has offered to pay {money} towards roads and school places.",
            "The site was first earmarked for housing in {year_past}.",
            "An ecology survey found that the land is home to a colony of bats.",
        ),
        actor_quotes=(
            "{Town} needs new homes, and this scheme will deliver them",
            "We have listened to residents and cut the number of homes by a quarter",
            "This will bring {money} of investment into the area",
        ),
        opponent_quotes=(
            "The roads simply cannot cope with another {num} cars",
            "Nobody is against new homes, but this is the wrong site",
            "Once the green belt is gone, it is gone for ever",
        ),
        actor_fragments=("sustainable", "much-needed"),
        opponent_fragments=("overbearing", "a blot on the landscape"),
        subheads=("Traffic fears", "Affordable homes", "Green belt", "Objections"),
    ),
    Topic(
        key="inspection",
        section="education",
        actors=("school", "council", "trust", "police"),
        opponent="regulator",
        events=(
            ("an inspection", "the inspection"),
            ("a follow-up inspection", "the inspection"),
            ("the publication of the inspectors’ report", "the report"),
        ),
        money="gbp",
        titles=(
            "{Org} rated ‘{rating}’ by {opp}",
            "Watchdog finds failings at {org}",
            "{Org} pledges improvements after damning report",
        ),
        leads_before=(
            "Inspectors from {opp} will return to {org} {event_day}, {duration} after rating "
            "it ‘{rating}’.",
            "{Org} is bracing itself for {event} {event_day} after a string of complaints "
            "about {service}.",
        ),
        leads_after=(
            "{Org} has been rated ‘{rating}’ by {opp} in a report published {event_day}.",
            "Inspectors found serious failings in {service} at {org}, according to a report "
            "published {event_day}.",
        ),
        details=(
            "{Org} was last inspected in {year_past}, when it was rated ‘good’.",
            "Inspectors visited over {num_word} days in {month}.",
            "The report found that {pct} of cases reviewed had not been updated within {duration}.",
            "{Org_the} has been under close scrutiny since being given an ‘inadequate’ rating "
            "in {month} last year.",
            "The director of {service} quit last week after less than {duration} in post.",
        ),
        actor_quotes=(
            "We accept the findings in full and work to address them has already begun",
            "I want to apologise to every family we have let down",
            "There is a great deal of good practice in the report which should not be overlooked",
        ),
        opponent_quotes=(
            "Leaders have not acted quickly enough on the concerns raised at the last inspection",
            "Too many people waited too long for help",
            "We will monitor progress closely",
        ),
        actor_fragments=("disappointing", "a wake-up call"),
        opponent_fragments=("inadequate", "weak", "inconsistent"),
        subheads=("Serious failings", "Improvement plan", "Apology", "Previous rating"),
    ),
    Topic(
        key="takeover",
        section="business",
        actors=("company",),
        opponent="union",
        events=(
            ("a shareholder vote", "the vote"),
            ("completion of the deal", "the deal"),
            ("a competition review", "the review"),
        ),
        money="big",
        titles=(
            "{Org} agrees {money_main} takeover",
            "{Org} deal faces competition inquiry",
            "Jobs fears as {org} is sold for {money_main}",
        ),
        leads_before=(
            "Shareholders in {org} will vote {event_day} on a {money_main} takeover by {buyer}.",
            "{Org} has agreed to be bought by {buyer} for {money_main}, with {event} expected "
            "{event_day}.",
        ),
        leads_after=(
            "Shareholders in {org} backed a {money_main} takeover by {buyer} {event_day}.",
            "The {money_main} sale of {org} to {buyer} was cleared {event_day}.",
        ),
        details=(
            "{Buyer} is paying {price} a share, a premium of {pct} to the closing price of {org}.",
            "{Org} employs {num_big} people, {num} of them in {town}.",
            "Revenue rose {pct} to {money_big} in the year to March, while profits fell by {pct}.",
            "The deal values {org} at {money_big} including debt.",
            "{Buyer} said it had no plans to close the {town} site for at least {duration}.",
            "The Competition and Markets Authority is expected to look at the deal.",
        ),
        actor_quotes=(
            "This deal recognises the value of the business we have built",
            "We have received assurances about jobs in {town}",
            "The board unanimously recommends the offer",
        ),
        opponent_quotes=(
            "Our members need cast-iron guarantees on jobs and pensions",
            "We have seen takeovers like this before and it is always the workforce that pays",
            "We will be seeking an urgent meeting with {buyer}",
        ),
        actor_fragments=("compelling", "a great fit"),
        opponent_fragments=("asset stripping", "deeply worrying"),
        subheads=("Jobs pledge", "Shareholders", "Competition review", "Pension fund"),
    ),
    Topic(
        key="routes",
        section="transport",
        actors=("operator",),
        opponent="campaign",
        events=(
            ("a timetable change", "the change"),
            ("the withdrawal of evening services", "the withdrawal"),
            ("a round of fare rises", "the rises"),
        ),
        money="gbp",
        titles=(
            "Bus users hit by route cuts",
            "{Org} to axe {count_main} routes",
            "Passengers protest at {org} timetable changes",
        ),
        leads_before=(
            "Passengers in {town} face losing evening and Sunday buses when {event} takes "
            "effect {event_day}.",
            "{Org} is to withdraw {count_main} routes in {county} {event_day}, blaming falling "
            "passenger numbers.",
        ),
        leads_after=(
            "Hundreds of passengers were left stranded {event_day} after {org} withdrew "
            "services between {town} and {town2}.",
            "{Org} cut evening services on {count_main} routes {event_day}, despite a campaign "
            "to save them.",
        ),
        details=(
            "Passenger numbers on the route have fallen by {pct} since {since_year}.",
            "Fares will rise by an average of {pct} next month.",
            "The subsidy for the service, worth {money} a year, was withdrawn by {county} "
            "County Council in {year_past}.",
            "The {town} to {town2} service carries around {num_big} passengers a week.",
            "A single fare now costs {price}, up from {price} in {year_past}.",
        ),
        actor_quotes=(
            "We have kept these services running at a loss for as long as we could",
            "Passenger numbers have simply not recovered",
            "We will keep the timetable under review",
        ),
        opponent_quotes=(
            "Elderly people will be cut off from hospital appointments",
            "Without the bus, many people here cannot get to work",
            "These routes are a lifeline for villages around {town}",
        ),
        actor_fragments=("commercially unviable", "regrettable but necessary"),
        opponent_fragments=("a lifeline", "a kick in the teeth"),
        subheads=("Lifeline", "Falling numbers", "Subsidy withdrawn", "Fares"),
    ),
    Topic(
        key="flood",
        section="environment",
        actors=("council",),
        opponent="agency",
        events=(
            ("work on a new flood defence scheme", "the work"),
            ("a public meeting on flood risk", "the meeting"),
            ("the opening of the new flood barrier", "the opening"),
        ),
        money="gbp",
        titles=(
            "{Money_main} flood defence scheme for {town}",
            "Flood-hit residents demand answers",
            "Work begins on {town} flood barrier",
        ),
        leads_before=(
            "Work on a {money_main} flood defence scheme in {town} will begin {event_day}, "
            "{num_word} years after the river burst its banks.",
            "Residents in {town} will get the chance to question {org} and {opp} about flood "
            "risk at {event} {event_day}.",
        ),
        leads_after=(
            "Residents in {town} packed {event} {event_day}, demanding to know why the defences "
            "failed.",
            "The {money_main} flood barrier in {town} was opened {event_day}.",
        ),
        details=(
            "More than {num} homes were flooded in {month} {year_past}.",
            "The scheme is being paid for by {opp} and {org}, with {money} from the European "
            "Regional Development Fund.",
            "Insurance premiums in the area have risen by {pct} since the floods.",
            "Sandbags were handed out at {time} yesterday.",
            "The river peaked at its highest level since records began in {since_year}.",
        ),
        actor_quotes=(
            "Protecting homes and businesses from flooding is our top priority",
            "The new defences will protect {num_big} properties",
            "We know how frightening the floods were for families in {town}",
        ),
        opponent_quotes=(
            "The defences are designed to withstand a one-in-100-year flood",
            "Climate change means we must plan for more frequent flooding",
            "We are working closely with {org} to reduce the risk",
        ),
        actor_fragments=("a huge step forward", "long overdue"),
        opponent_fragments=("exceptional", "unprecedented"),
        subheads=("Insurance", "Climate change", "Sandbags", "Lessons learned"),
        dispute=False,
    ),
    Topic(
        key="club",
        section="sport",
        actors=("club",),
        opponent="supporters",
        events=(
            ("the club’s annual general meeting", "the meeting"),
            ("a protest march before the home game", "the protest"),
            ("a vote on the stadium sale", "the vote"),
        ),
        money="gbp",
        titles=(
            "{Org} fans protest over stadium sale",
            "{Org} reveals losses of {money_main}",
            "Supporters demand answers from {org} owner",
        ),
        leads_before=(
            "{Org} supporters will march on the stadium {event_day} in protest at the owner’s "
            "plans to sell the ground.",
            "{Org} will face questions about losses of {money_main} at {event} {event_day}.",
        ),
        leads_after=(
            "{Org} revealed losses of {money_main} at {event} {event_day}.",
            "Thousands of {org} fans marched to the stadium {event_day} in protest at plans to "
            "sell the ground.",
        ),
        details=(
            "Average attendance has fallen to {num_big}, down {pct} on last season.",
            "The club’s wage bill rose to {money} last year.",
            "The stadium has been the club’s home since {since_year}.",
            "The club owes {money} to its former owner, according to accounts filed at "
            "Companies House.",
        ),
        actor_quotes=(
            "The club cannot keep losing {money} a year",
            "We are committed to keeping the club in {town}",
            "Any sale would only go ahead with a guarantee of a new stadium",
        ),
        opponent_quotes=(
            "This ground is our history and it is not for sale",
            "Fans have been kept in the dark for too long",
            "We want to see the books",
        ),
        actor_fragments=("the only way forward", "a fresh start"),
        opponent_fragments=("a betrayal", "shameful"),
        subheads=("Attendances", "Stadium", "Accounts", "Owner"),
    ),
    Topic(
        key="pay",
        section="business",
        actors=("company", "university", "trust", "council"),
        opponent="union",
        events=(
            ("a vote on the pay offer", "the vote"),
            ("the annual meeting", "the meeting"),
            ("fresh pay talks", "the talks"),
        ),
        money="gbp",
        titles=(
            "Anger as {org} boss gets {pct_main} pay rise",
            "{Opp} rejects pay offer at {org}",
            "Pay row at {org}",
        ),
        leads_before=(
            "{Group} at {org} will vote {event_day} on a pay offer of {pct_main}, which {opp} "
            "says falls well short of inflation.",
            "{Opp} and {org} will meet {event_day} in a last attempt to settle a dispute over pay.",
        ),
        leads_after=(
            "{Group} at {org} rejected a {pct_main} pay offer {event_day}, raising the prospect "
            "of strikes.",
            "Talks between {opp} and {org} broke down {event_day} without agreement on pay.",
        ),
        details=(
            "The chief executive’s salary rose to {money} last year, a rise of {pct}.",
            "Inflation stood at {pct} in {month}.",
            "Starting salaries for {group} are {money_small} a year.",
            "The offer would cost {org} around {money} in {fiscal_next}.",
        ),
        actor_quotes=(
            "This is a fair offer in a very difficult financial climate",
            "We value our staff and want to reward them",
            "Salaries at the top are set by an independent committee",
        ),
        opponent_quotes=(
            "Our members have seen their pay fall in real terms for {num_word} years",
            "Staff are having to use food banks while bosses award themselves bonuses",
            "It is one rule for those at the top and another for everyone else",
        ),
        actor_fragments=("fair and affordable", "generous"),
        opponent_fragments=("an insult", "obscene"),
        subheads=("Real terms", "Top pay", "Ballot", "Inflation"),
    ),
    Topic(
        key="funding",
        section="news",
        actors=("university", "council", "club", "school"),
        opponent="funder",
        events=(
            ("a funding announcement", "the announcement"),
            ("the launch of the project", "the launch"),
            ("the deadline for bids", "the deadline"),
        ),
        money="grant",
        titles=(
            "{Org} wins {money_main} grant",
            "{Money_main} boost for {town}",
            "{Org} bids for {money_main} from {opp}",
        ),
        leads_before=(
            "{Org} will find out {event_day} whether its bid for {money_main} from {opp} has "
            "been successful.",
            "{Org} is to launch a project to {fund_purpose} {event_day}, backed by {money_main} "
            "from {opp}.",
        ),
        leads_after=(
            "{Org} has been awarded {money_main} by {opp} to {fund_purpose}, it was announced "
            "{event_day}.",
            "A {money_main} project to {fund_purpose} was launched {event_day}.",
        ),
        details=(
            "The money will create {num} jobs over {duration}.",
            "{Org} will add {money} of its own.",
            "The project is expected to be finished by {fiscal_next}.",
            "It is the largest grant {opp} has made in {county} since {since_year}.",
        ),
        actor_quotes=(
            "This is fantastic news for {town}",
            "The grant will allow us to {fund_purpose}",
            "We are grateful to {opp} for its support",
        ),
        opponent_quotes=(
            "{Town} made an outstanding case",
            "This investment will create jobs and opportunities for years to come",
            "We expect to see results within {duration}",
        ),
        actor_fragments=("a game-changer", "fantastic news"),
        opponent_fragments=("outstanding", "ambitious"),
        subheads=("Jobs", "Match funding", "Regeneration", "Timetable"),
        dispute=False,
    ),
)

FUND_PURPOSES = (
    "regenerate the town centre",
    "restore the Victorian market hall",
    "build a research centre for {field}",
    "create a new cycle network",
    "train young people for jobs in engineering",
    "open a community sports hub",
)
SITES = (
    "the former {surname} mill site",
    "green belt land off {street} Road",
    "fields near {town2} Lane",
    "the old {town} gasworks",
)
RATINGS = ("inadequate", "requires improvement")

# Sentences that fit any story. Most carry a figure or a date, some only colour:
# real reports are not a fact in every sentence.
GENERIC_DETAILS = (
    "Figures released by {org} to {paper} show {num} {count_noun} were affected in {fiscal} "
    "– almost {num_word} each week.",
    "The following year the figure rose to {num}, while in {fiscal} it fell back to {num}.",
    "{Org} is spending {money} on {purpose} this year and {money_small} on {purpose} over the "
    "next {duration}.",
    "{Org_the} says it has already saved {money} since {since_year}.",
    "{Org} was set up in {since_year} and now employs around {num_big} people across {county}.",
    "The figure is up from {pct} in {year_past} and {pct} in {fiscal_prev}.",
    "{Org} will set out its next steps {future_ref}.",
    "{Paper} revealed {past_ref} that {num} {count_noun} had gone in fewer than {duration}.",
    "In {month} {year_past}, {org} agreed a {money} deal with {opp}.",
    "{Org_poss} own figures show demand for {service} has risen by {pct} over {duration}.",
    "Since {since_year}, {org_the} has lost {money} in funding, a fall of {pct}.",
    "{Num_big} people responded to a consultation, which closed on {day_month}.",
    "So far in {fiscal} a further {num} {count_noun} have been affected.",
    "A meeting is due to take place {future_ref}, {since_ref_clause}.",
    "{Org_the} has yet to set out its next move.",
    "Details are expected to be published {future_ref}.",
    "{Group} in {town2} will be watching closely.",
    "The plans were first drawn up in {year_past}.",
    "{Org} has {num} {count_noun} in {town} alone.",
    "A further update is expected {future_ref}.",
    "The figures were published {past_ref}.",
    "{Org_the} says its costs have gone up by {pct} since {since_year}.",
    "The last comparable scheme in {county} cost {money} and took {duration}.",
    "Copies of the report can be read at {town} library.",
    "{Org_the} insists that {service} will not be affected.",
)
# Only where two sides are at odds.
DISPUTE_DETAILS = (
    "{Opp} says the problems began {past_ref}, when {org_the} first cut its budget for {service}.",
    "Around {num_big} people have signed a petition calling on {org_the} to think again.",
    "The issue was first raised {past_ref}, but little has changed since.",
    "It is not the first time {org_the} has faced criticism over {service}.",
    "Both sides say they want to find a way forward.",
    "So far nothing has happened to settle the dispute.",
    "When the news emerged, councillors in {town} demanded an assessment of the risks.",
    "{Opp} said it stood by its position.",
    "Opinion in {town} is divided.",
    "The row has been simmering for months.",
    "{Group} in {town2} faced a similar dispute in {year_past}.",
)
# Lines any organisation at the centre of a story might say, and any campaigning
# opponent (not a regulator or a funder).
CAMPAIGNERS = frozenset({"union", "campaign", "supporters"})
ACTOR_LINES = (
    "We have always been open about the challenges we face",
    "Our staff have worked incredibly hard in very difficult circumstances",
    "We will continue to work with everyone involved to find a solution",
    "I understand why people are concerned, and I want to reassure them",
    "The situation is more complicated than it has been portrayed",
    "We have a duty to spend public money wisely",
    "None of this has been easy for anyone",
    "We remain committed to {town} and to the people who depend on us",
    "We will set out more detail {future_ref}",
    "I am confident we are doing the right thing",
)
OPPONENT_LINES = (
    "We have raised these concerns again and again and nobody has listened",
    "People in {town} deserve honesty about what is going on",
    "This has been coming for years and the warning signs were there",
    "We are not going away",
    "If {org_the} is serious about finding a solution, it knows where we are",
    "The people making these decisions will not be the ones who live with them",
    "It feels as though the decision was taken long ago",
    "We want a proper explanation, not another press release",
    "Our members are angry, and they have every right to be",
    "Nobody wanted it to come to this",
)
THIRD_QUOTES = (
    "This is a worrying situation for everyone in {town} and it needs to be resolved quickly",
    "I have written to {org} asking for an urgent meeting",
    "People here deserve better than this",
    "The figures speak for themselves. Something has gone badly wrong",
    "Nobody wants to see {event_short} go ahead, but the concerns raised are genuine",
    "We have seen this happen in other parts of the country and it rarely ends well",
    "It is the families who depend on {service} who will pay the price",
    "I would urge both sides to get back around the table",
)
THIRD_FRAGMENTS = ("a mess", "a scandal", "long overdue", "a sensible compromise")
THIRD_QUOTES_CALM = (
    "This is good news for {town}, but the detail matters",
    "I have asked {org} to keep residents informed at every stage",
    "People here have waited a long time for this",
    "It is a step in the right direction",
    "The test will be whether it makes a difference to families in {town}",
    "We should be proud of what has been achieved",
)
THIRD_FRAGMENTS_CALM = ("a step in the right direction", "long overdue", "welcome news")
CLAIMS = (
    "talks were still going on",
    "{event_short} would go ahead as planned",
    "{org_the} had not consulted {group} properly",
    "the figures showed the scale of the problem",
    "no decision would be taken before {future_ref}",
    "the problems had been building for years",
    "{town} deserved better",
)
CLAIMS_CALM = (
    "{event_short} would go ahead as planned",
    "no decision would be taken before {future_ref}",
    "the work would take about {duration}",
    "the money would make a real difference",
)
CLOSINGS = (
    "{Org} has been contacted for comment.",
    "{Opp} has been approached for a response.",
    "{Org_the} said it would respond in due course.",
    "A final decision is expected {future_ref}.",
    "Talks are due to resume {future_ref}.",
    "{Org} said it would publish a full response {future_ref}.",
)
CLOSINGS_BEFORE = (
    "{Event_short} is due to start at {time} {event_day}.",
    "{Org} has been contacted for comment.",
)

# Quote paragraphs, for a speaker X. A person is first named in full with a role;
# later by surname, or by pronoun straight after their own quote.
FIRST_STYLES = (
    "{X}, {X_role}, said: “{q_X}.”",
    "“{q_X},” said {X}, {X_role}.",
    "{X_premod} {X} said: “{q_X}.”",
    "{X}, {X_role}, said {claim}, adding: “{q_X}”.",
    "{X} told {paper}: “{q_X}.”",
    "{X_premod} {X} described the decision as “{partial_X}”.",
    "According to {X}, {X_role}, {claim}.",
)
LATER_STYLES = (
    "{X_surname} said the claims were “{partial_X}”.",
    "{X_surname} added: “{q_X}.”",
    "“{q_X},” {X_surname} said.",
    "{X_surname} said: “{q_X}.”",
    "{X_surname} called the decision ‘{partial_X}’.",
)
SAME_SPEAKER_STYLES = (
    "“{q_X},” {X_he} said.",
    "{X_He} added: “{q_X}.”",
    "{X_He} said {claim}.",
)
CONTINUED_OPENINGS = (
    "{X}, {X_role}, said: “{q_X}.",
    "{X_premod} {X} said: “{q_X}.",
)
SPOKESPERSON_STYLES = (
    "A spokesperson for {org} said: “{q_p2}.”",
    "A {org_plain} spokesman said: “{q_p2}.”",
    "In a statement, {org} said: “{q_p2}.”",
    "“{q_p2},” a spokeswoman for {org} said.",
)


# Weighted draws, as tuples with repeats: one uniform pick instead of random.choices.
_PARAGRAPH_KINDS = ("quote",) * 8 + ("detail",) * 11 + ("subhead",)
_SPEAKER_TURNS = ("p1",) * 4 + ("p2",) * 3 + ("p3",) * 2 + ("spokesperson",)


def _for_speaker(templates: tuple[str, ...], speaker: str) -> tuple[str, ...]:
    return tuple(t.replace("{X", "{" + speaker).replace("_X}", f"_{speaker}}}") for t in templates)


_SPEAKERS = ("p1", "p2", "p3")
_STYLES = {
    (kind, speaker): _for_speaker(templates, speaker)
    for speaker in _SPEAKERS
    for kind, templates in (
        ("first", FIRST_STYLES),
        ("later", LATER_STYLES),
        ("same", SAME_SPEAKER_STYLES),
        ("continued", CONTINUED_OPENINGS),
    )
}

# Web debris, in the forms dateline.model.cleaning removes.
NEWSLETTERS = (
    "Get daily updates directly to your inbox + Subscribe Thank you for subscribing! Could "
    "not subscribe, try again later Invalid Email",
    "Get the latest news directly to your inbox + Subscribe Thank you for subscribing! We have "
    "more newsletters Show me See our privacy notice Could not subscribe, try again later "
    "Invalid Email",
    "Get weekly headlines sent to your inbox + Subscribe Thank you for subscribing!",
)
SIGN_UPS = (
    "Sign up to our daily newsletter for the latest {town} news",
    "Sign up for the weekly newsletter",
    "Sign up to our newsletters",
)
VIDEO_PLAYER = (
    "Video Loading Video Unavailable Click to play Tap to play The video will start in {n} "
    "Cancel Play now Watch this video again Video will play in{caption} Share this video "
    "Watch Next"
)
VIDEO_SHORT = "Video Loading Video Unavailable Click to play Tap to play"
VIDEO_CAPTIONS = (
    "{P2_name} responds to {opp}’s concerns",
    "{Town}: what happens next",
    "{P1_name} on why {group} are angry",
)


# --- Dates ----------------------------------------------------------------------------


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _day_month(day: dt.date, published: dt.date) -> str:
    text = f"{day.day} {MONTHS[day.month - 1]}"
    return text if day.year == published.year else f"{text} {day.year}"


def describe_day(day: dt.date, published: dt.date, rng: Random) -> str:
    """How an article published on `published` names `day`: "tomorrow", "this
    Friday", "next week", "on 27 January" and the like. The phrase is an adverbial
    that completes "will walk out ___" or "walked out ___"."""
    delta = (day - published).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta == -1:
        return "yesterday"
    weekday = WEEKDAYS[day.weekday()]
    weeks = (_monday(day) - _monday(published)).days // 7
    if weeks == 0:
        return f"this {weekday}" if delta > 0 else f"on {weekday}"
    if weeks == 1:
        return _pick(rng, ("next week", f"next {weekday}", f"on {weekday} next week"))
    if weeks == -1:
        return _pick(rng, ("last week", f"last {weekday}"))
    date = _day_month(day, published)
    return _pick(rng, (f"on {date}", f"on {weekday} {date}"))


# --- Values drawn at each use ----------------------------------------------------------


def _money_amount(rng: Random, symbol: str = "£") -> str:
    style = rng.random()
    if style < 0.45:
        whole = _int(rng, 1, 60)
        return f"{symbol}{whole}m" if rng.random() < 0.6 else f"{symbol}{whole}.{_int(rng, 1, 9)}m"
    if style < 0.75:
        return f"{symbol}{_int(rng, 2, 95) * 10_000:,}"
    if style < 0.9:
        return f"{symbol}{_int(rng, 2, 9)}.{_int(rng, 1, 9)} million"
    return f"{symbol}{_int(rng, 1, 4)}.{_int(rng, 10, 99)}bn"


def _money_small(rng: Random) -> str:
    return f"£{_int(rng, 17, 45) * 1000 + _pick(rng, (0, 250, 500, 750)):,}"


def _money_big(rng: Random) -> str:
    symbol = _pick(rng, ("$", "$", "€", "£"))
    if rng.random() < 0.5:
        return f"{symbol}{_int(rng, 1, 9)}.{_int(rng, 10, 99)}bn"
    return f"{symbol}{_int(rng, 40, 900)}m"


def _money_grant(rng: Random, funder: str) -> str:
    if funder in EURO_FUNDERS:
        return _pick(rng, (f"€{_int(rng, 2, 25)}M", f"€{_int(rng, 2, 25)}m"))
    return _pick(rng, (f"£{_int(rng, 2, 25)}m", f"£{_int(rng, 2, 9) * 100_000:,}"))


def _price(rng: Random) -> str:
    if rng.random() < 0.3:
        return f"{_int(rng, 80, 99)}p"
    return f"£{_int(rng, 1, 6)}.{_int(rng, 0, 19) * 5:02d}"


def _percent(rng: Random) -> str:
    value = _int(rng, 2, 85)
    style = rng.random()
    if style < 0.6:
        return f"{value}%"
    if style < 0.85:
        return f"{value} per cent"
    return f"{_int(rng, 1, 9)}.{_int(rng, 1, 9)}%"


def _duration(rng: Random) -> str:
    if rng.random() < 0.2:
        return f"{_int(rng, 13, 30)} months"
    return f"{NUMBER_WORDS[_int(rng, 2, 12)]} {_pick(rng, ('months', 'years', 'weeks'))}"


def _fiscal(first: int) -> str:
    return f"{first}/{(first + 1) % 100:02d}"


def _time(rng: Random) -> str:
    hour = _int(rng, 1, 11)
    return _pick(rng, (f"{hour}pm", f"{hour}am", f"{hour}.30pm", "midnight", "noon"))


def _past_ref(rng: Random, published: dt.date) -> str:
    choice = _below(rng, 9)
    month = MONTHS[_below(rng, 12)]
    if choice == 0:
        return "last year"
    if choice == 1:
        return "last month"
    if choice == 2:
        return f"in {month} last year"
    if choice == 3 and published.month > 2:
        return f"in {MONTHS[_below(rng, published.month - 1)]}"
    if choice == 4:
        return f"{NUMBER_WORDS[_int(rng, 2, 5)]} weeks ago"
    if choice == 5:
        return "the day before yesterday"
    if choice == 6:
        return f"in {published.year - _int(rng, 2, 12)}"
    if choice == 7 and published.month > 3:
        return "earlier this year"
    return "last week"


def _future_ref(rng: Random, published: dt.date) -> str:
    choice = _below(rng, 8)
    if choice == 0:
        return "next month"
    if choice == 1:
        return "next year"
    if choice == 2:
        return "by the end of the month"
    if choice == 3:
        return f"within {NUMBER_WORDS[_int(rng, 2, 8)]} weeks"
    if choice == 4 and published.month < 12:
        return f"in {MONTHS[_int(rng, published.month, 11)]}"
    if choice == 5 and published.month < 10:
        return "later this year"
    if choice == 6:
        return f"on {WEEKDAYS[_below(rng, 5)]}"
    return "next week"


def _since_clause(rng: Random, published: dt.date) -> str:
    choice = _below(rng, 4)
    if choice == 0:
        return f"the first since {published.year - _int(rng, 2, 30)}"
    if choice == 1:
        return "the first since last year"
    if choice == 2:
        return f"the first since {MONTHS[_below(rng, 12)]} last year"
    return f"the first since the {(published.year - _int(rng, 15, 40)) // 10 * 10}s"


class _Slots(dict[str, str]):
    """The values for template fields: the story's fixed ones, and fresh random
    ones (an amount, a year, a quote) drawn each time a template asks."""

    __slots__ = ("published", "rng", "story", "used")

    def __init__(self, fixed: dict[str, str], story: _Story, published: dt.date, rng: Random):
        super().__init__(fixed)
        self.story = story
        self.published = published
        self.rng = rng
        self.used: set[str] = set()  # quote lines already in the article

    def __missing__(self, key: str) -> str:
        make = _DYNAMIC.get(key)
        if make is None:
            raise KeyError(key)
        return make(self)

    def fill(self, template: str) -> str:
        return template.format_map(self)


def _fragment(pool: Callable[[Topic], tuple[str, ...]]) -> Callable[[_Slots], str]:
    """A phrase from the pool that the article has not used yet, while there is one."""

    def make(s: _Slots) -> str:
        options = pool(s.story.topic)
        fresh = [option for option in options if option not in s.used] or options
        choice = _pick(s.rng, fresh)
        s.used.add(choice)
        return s.fill(choice)

    return make


def _quote(pool: Callable[[Topic], tuple[str, ...]]) -> Callable[[_Slots], str]:
    """What a speaker says: one of their lines, or two of them in a row."""

    def make(s: _Slots) -> str:
        fresh = [line for line in pool(s.story.topic) if line not in s.used]
        if not fresh:  # a long article has heard every line once: repeat one
            fresh = list(pool(s.story.topic))
        lines = [_pick(s.rng, fresh)]
        draw = s.rng.random()
        wanted = 1 if draw < 0.3 else 2 if draw < 0.75 else 3
        while len(lines) < wanted and len(fresh) > len(lines):
            line = _pick(s.rng, fresh)
            if line not in lines:
                lines.append(line)
        s.used.update(lines)
        return s.fill(". ".join(lines))

    return make


_DYNAMIC: dict[str, Callable[[_Slots], str]] = {
    "money": lambda s: _money_amount(s.rng),
    "money_small": lambda s: _money_small(s.rng),
    "money_big": lambda s: _money_big(s.rng),
    "price": lambda s: _price(s.rng),
    "pct": lambda s: _percent(s.rng),
    "num": lambda s: str(_int(s.rng, 12, 480)),
    "num_big": lambda s: f"{_int(s.rng, 11, 95) * 100:,}",
    "Num_big": lambda s: f"{_int(s.rng, 11, 95) * 100:,}",
    "num_word": lambda s: NUMBER_WORDS[_int(s.rng, 2, 12)],
    "duration": lambda s: _duration(s.rng),
    "month": lambda s: MONTHS[_below(s.rng, 12)],
    "year_past": lambda s: str(s.published.year - _int(s.rng, 2, 15)),
    "fiscal": lambda s: _fiscal(s.published.year - _int(s.rng, 2, 5)),
    "fiscal_prev": lambda s: _fiscal(s.published.year - _int(s.rng, 6, 9)),
    "fiscal_next": lambda s: _fiscal(s.published.year + _int(s.rng, 0, 1)),
    "time": lambda s: _time(s.rng),
    "day_month": lambda s: _day_month(
        s.published - dt.timedelta(days=_int(s.rng, 10, 200)), s.published
    ),
    "past_ref": lambda s: _past_ref(s.rng, s.published),
    "future_ref": lambda s: _future_ref(s.rng, s.published),
    "since_ref_clause": lambda s: _since_clause(s.rng, s.published),
    "claim": _fragment(lambda topic: CLAIMS if topic.dispute else CLAIMS_CALM),
    "q_p1": _quote(
        lambda topic: (
            topic.opponent_quotes + OPPONENT_LINES
            if topic.opponent in CAMPAIGNERS
            else topic.opponent_quotes
        )
    ),
    "q_p2": _quote(lambda topic: topic.actor_quotes + ACTOR_LINES),
    "q_p3": _quote(lambda topic: THIRD_QUOTES if topic.dispute else THIRD_QUOTES_CALM),
    "partial_p1": _fragment(lambda topic: topic.opponent_fragments),
    "partial_p2": _fragment(lambda topic: topic.actor_fragments),
    "partial_p3": _fragment(
        lambda topic: THIRD_FRAGMENTS if topic.dispute else THIRD_FRAGMENTS_CALM
    ),
}


# --- Stories ---------------------------------------------------------------------------


def _capitalised(fields: dict[str, str]) -> dict[str, str]:
    """Each field with a twin whose first letter is upper case ({Org} for {org}), for
    the start of a sentence."""
    twins = {
        key[:1].upper() + key[1:]: value[:1].upper() + value[1:] for key, value in fields.items()
    }
    return {**fields, **twins}


@dataclass(slots=True, frozen=True)
class _Story:
    number: int
    topic: Topic
    fields: dict[str, str]
    event_date: dt.date
    dates: list[dt.date]  # publication dates of its articles, oldest first
    people: tuple[str, ...]
    organisations: tuple[str, ...]
    paper_name: str


@dataclass(slots=True)
class _Shared:
    """People who recur across stories: each town's MP, and a pool of experts."""

    seed: int
    mps: dict[str, Person] = field(default_factory=dict)
    experts: list[Person] = field(default_factory=list)

    def mp(self, town: str) -> Person:
        if town not in self.mps:
            # Its own generator, so a town's MP is the same whenever it is first needed.
            rng = Random(f"{self.seed}/mp/{town}")
            party = _pick(rng, ("Labour", "Conservative", "Liberal Democrat"))
            self.mps[town] = _person(rng, Role(f"{party} MP for {town}", f"{town} MP"))
        return self.mps[town]

    def expert(self, rng: Random) -> Person:
        if not self.experts:
            pool = Random(f"{self.seed}/experts")
            for _ in range(60):
                subject = _pick(pool, FIELDS)
                city = _pick(pool, TOWNS)[0]
                if pool.random() < 0.5:
                    role = Role(
                        f"professor of {subject} at the University of {city}",
                        f"{subject[:1].upper()}{subject[1:]} expert",
                        "Professor",
                    )
                else:
                    role = Role(
                        f"a senior lecturer in {subject} at {city} University", "Academic", "Dr"
                    )
                self.experts.append(_person(pool, role))
        return _pick(rng, self.experts)


def _fill_role(role: Role, values: dict[str, str]) -> Role:
    return Role(
        role.appositive.format_map(values), role.premodifier.format_map(values), role.honorific
    )


def _new_story(seed: int, number: int, length: int, shared: _Shared) -> _Story:
    """Story `number` of the corpus, with `length` articles. It has its own random
    generator, so any process can make it again without the stories before it."""
    rng = Random(f"{seed}/story/{number}")
    topic = _pick(rng, TOPICS)
    kind = ACTORS[_pick(rng, topic.actors)]
    town, county = _pick(rng, TOWNS)
    neighbours = [t for t in _TOWNS_BY_COUNTY[county] if t != town]
    town2 = _pick(rng, neighbours) if neighbours else _pick(rng, TOWNS)[0]
    names = {
        "town": town,
        "town2": town2,
        "county": county,
        "surname": _pick(rng, SURNAMES),
        "coined": _coined(rng),
        "route": str(_int(rng, 2, 99)),
        "street": _pick(rng, STREETS),
        "field": _pick(rng, FIELDS),
    }
    org = _organisation(_pick(rng, kind.names).format_map(names), _pick(rng, kind.the))
    names["org"] = org.plain
    opponent_kind = OPPONENTS[topic.opponent]
    if topic.opponent == "union":
        opponent_name = _pick(rng, kind.unions)
    elif topic.opponent == "regulator":
        opponent_name = kind.regulator
    else:
        opponent_name = _pick(rng, opponent_kind.names).format_map(names)
    opp = _organisation(opponent_name, _pick(rng, opponent_kind.the))

    service = _pick(rng, kind.services).format_map(names)
    role_values = {
        **names,
        "name": org.plain,
        "mention": org.mention,
        "service": service,
        "age": str(_int(rng, 24, 88)),
        "job": _pick(rng, JOBS),
        "years": str(_int(rng, 5, 60)),
    }
    actor_person = _person(rng, _fill_role(_pick(rng, kind.roles), role_values))
    opponent_values = {**role_values, "name": opp.plain, "mention": opp.mention}
    opponent_person = _person(rng, _fill_role(_pick(rng, opponent_kind.roles), opponent_values))
    third_kind = rng.random()
    if third_kind < 0.35:
        third = shared.mp(town)
    elif third_kind < 0.6:
        third = shared.expert(rng)
    else:
        roles = THIRD_PARTY_ROLES["resident" if third_kind < 0.8 else "councillor"]
        third = _person(rng, _fill_role(_pick(rng, roles), role_values))

    paper_title = _pick(rng, PAPER_TITLES)
    fields = {
        **names,
        "org": org.mention,
        "org_plain": org.plain,
        "org_the": org.the,
        "org_poss": f"{org.the}’s",
        "opp": opp.mention,
        "opp_plain": opp.plain,
        "opp_the": opp.the,
        "group": _pick(rng, kind.groups),
        "service": service,
        "facility": _pick(rng, kind.facilities).format_map(names),
        "purpose": _pick(rng, kind.purposes),
        "count_noun": _pick(rng, kind.count_nouns),
        "paper": f"the {paper_title}",
        "rating": _pick(rng, RATINGS),
        "buyer": f"{_coined(rng)} {_pick(rng, ('Capital', 'Partners', 'Group', 'Inc'))}",
        "site": _pick(rng, SITES).format_map(names),
        "fund_purpose": _pick(rng, FUND_PURPOSES).format_map(names),
        "count_main": f"{_int(rng, 3, 60) * _pick(rng, (1, 10, 25)):,}",
        "pct_main": _percent(rng),
        "since_year": str(_int(rng, 1950, 2008)),
        "money_main": (
            _money_big(rng)
            if topic.money == "big"
            else _money_grant(rng, opp.mention)
            if topic.money == "grant"
            else _money_amount(rng)
        ),
    }
    for key, person in (("p1", opponent_person), ("p2", actor_person), ("p3", third)):
        fields[key] = person.first_mention
        fields[f"{key}_name"] = person.name
        fields[f"{key}_surname"] = person.surname
        fields[f"{key}_role"] = person.role.appositive
        fields[f"{key}_premod"] = person.role.premodifier
        fields[f"{key}_he"] = person.pronoun
        fields[f"{key}_He"] = person.pronoun.capitalize()
        fields[f"{key}_his"] = "his" if person.pronoun == "he" else "her"
    event, event_short = _pick(rng, topic.events)
    fields["event"] = event.format_map(fields)
    fields["event_short"] = event_short

    start = FIRST_DAY + dt.timedelta(days=number // STORIES_PER_DAY + _int(rng, 0, 2))
    dates = sorted(start + dt.timedelta(days=_int(rng, 0, 28)) for _ in range(length))
    return _Story(
        number=number,
        topic=topic,
        fields=_capitalised(fields),
        event_date=start + dt.timedelta(days=_int(rng, 3, 21)),
        dates=dates,
        people=(opponent_person.name, actor_person.name, third.name),
        organisations=(org.plain, opp.plain),
        paper_name=f"{town} {paper_title}",
    )


# --- Articles --------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class SyntheticArticle:
    """One generated article. `paragraphs` are as written to the file, debris
    included; `body` is what a good cleaner keeps (every other paragraph)."""

    number: int
    story: int
    date: dt.date
    title: str
    paragraphs: tuple[str, ...]
    body: tuple[str, ...]
    credit: str | None
    caption: str | None
    source: str
    url: str
    author: str
    section: str
    people: tuple[str, ...]  # the story's cast; an article may name only some
    organisations: tuple[str, ...]
    duplicate_of: int | None = None  # the number of the article this copies

    @property
    def file_name(self) -> str:
        return f"a{self.number:08d}.txt"

    def seed_text(self) -> str:
        """The article in the seed format: the date and the first paragraph on the
        first line, a blank line between paragraphs, no final newline."""
        return f" date {self.date.isoformat()} " + "\n\n".join(self.paragraphs)

    def json_record(self) -> dict[str, str]:
        return {
            "title": self.title,
            "text": "\n\n".join(self.paragraphs),
            "date": self.date.isoformat(),
            "source": self.source,
            "url": self.url,
            "author": self.author,
            "section": self.section,
        }

    def json_line(self) -> str:
        return json.dumps(self.json_record(), ensure_ascii=False) + "\n"


@dataclass(slots=True)
class _Paragraph:
    sentences: list[str]
    words: list[int]
    expandable: bool  # may take another sentence, or lose one, to meet the length
    glued: bool  # must follow the paragraph before ("he said", a quote carried over)

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def _estimate_words(sentence: str) -> int:
    # A space count is a tenth of the cost of the loader's word count, and close to
    # it: "2013/14" or "1,200" are two words to the loader, "–" none. The length
    # targets leave room for the difference (see _fit_length).
    return sentence.count(" ") + 1


def _paragraph(sentences: list[str], expandable: bool = False, glued: bool = False) -> _Paragraph:
    return _Paragraph(sentences, [_estimate_words(s) for s in sentences], expandable, glued)


class _Details:
    """Detail sentences for one article, each used once until all have been."""

    __slots__ = ("pool", "rng", "unused")

    def __init__(self, topic: Topic, rng: Random):
        self.pool = topic.details + GENERIC_DETAILS
        if topic.dispute:
            self.pool += DISPUTE_DETAILS
        self.rng = rng
        self.unused = list(self.pool)
        rng.shuffle(self.unused)

    def take(self) -> str:
        if not self.unused:
            return _pick(self.rng, self.pool)
        return self.unused.pop()


_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def _write_article(seed: int, story: _Story, place: Placement) -> SyntheticArticle:
    """The article at `place`. Its text comes from a generator of its own, seeded
    with the number of the article it copies (itself, unless a duplicate)."""
    rng = Random(f"{seed}/article/{place.text_of}")
    published = story.dates[place.index]
    topic = story.topic
    slots = _Slots(story.fields, story, published, rng)
    slots["event_day"] = describe_day(story.event_date, published, rng)
    slots["event_date"] = _day_month(story.event_date, published)
    upcoming = story.event_date >= published
    details = _Details(topic, rng)

    # The seeds run at 30 to 40 words a paragraph; so does this.
    wanted = _int(rng, MIN_PARAGRAPHS, MAX_PARAGRAPHS)
    target_words = round(wanted * (33 + 10 * rng.random()))
    target_words = max(PLANNED_WORDS[0], min(PLANNED_WORDS[1], target_words))
    lead = slots.fill(_pick(rng, topic.leads_before if upcoming else topic.leads_after))
    paragraphs = [_paragraph([lead])]
    introduced: set[str] = set()
    last_speaker = ""
    subheads = 0
    quotes = 0
    while len(paragraphs) < wanted - 1:  # the last one is the closing line
        room = wanted - 1 - len(paragraphs)
        # Quotes are most of a news story's middle; at least two of them per article.
        kind = "quote" if quotes < 2 and room <= 2 - quotes else _pick(rng, _PARAGRAPH_KINDS)
        if kind == "subhead" and (subheads or len(paragraphs) < 3 or room < 3):
            kind = "detail"
        if kind != "quote":
            last_speaker = ""  # "he said" only straight after the speaker's own quote
            if kind == "subhead":
                subheads += 1
                paragraphs.append(_paragraph([_pick(rng, topic.subheads)]))
            else:
                draw = rng.random()
                count = 2 if draw < 0.3 else 3 if draw < 0.8 else 4
                sentences = [slots.fill(details.take()) for _ in range(count)]
                paragraphs.append(_paragraph(sentences, expandable=True))
            continue
        quotes += 1
        speaker = _pick(rng, _SPEAKER_TURNS)
        if speaker == "spokesperson":
            paragraphs.append(_paragraph([slots.fill(_pick(rng, SPOKESPERSON_STYLES))]))
            last_speaker = ""
            continue
        if room >= 2 and rng.random() < 0.12:
            # A quote over two paragraphs: the first is left open, the second opens
            # with a quotation mark again (the newspaper convention).
            style = (
                f"{{{speaker}_surname}} said: “{{q_{speaker}}}."
                if speaker in introduced
                else _pick(rng, _STYLES["continued", speaker])
            )
            paragraphs.append(_paragraph([slots.fill(style)]))
            paragraphs.append(_paragraph([slots.fill(f"“{{q_{speaker}}}.”")], glued=True))
        else:
            if speaker == last_speaker and rng.random() < 0.6:
                style_kind = "same"
            elif speaker in introduced:
                style_kind = "later"
            else:
                style_kind = "first"
            sentence = slots.fill(_pick(rng, _STYLES[style_kind, speaker]))
            paragraphs.append(_paragraph([sentence], glued=style_kind == "same"))
        introduced.add(speaker)
        last_speaker = speaker
    closing = _pick(rng, CLOSINGS_BEFORE if upcoming and rng.random() < 0.3 else CLOSINGS)
    paragraphs.append(_paragraph([slots.fill(closing)]))

    _fit_length(paragraphs, target_words, details, slots, rng)
    body = tuple(p.text for p in paragraphs)
    raw, credit, caption = _with_debris(list(body), slots, rng)

    title = slots.fill(_pick(rng, topic.titles))
    source = story.paper_name if rng.random() < 0.7 else _pick(rng, TRADE_SOURCES)
    url = (
        f"https://www.{_slug(source)}.co.uk/{topic.section}/"
        f"{_slug(title)[:70].rstrip('-')}-{_int(rng, 10_000_000, 99_999_999)}"
    )
    author = f"{_pick(rng, FIRST_NAMES)} {_pick(rng, SURNAMES)}"
    return SyntheticArticle(
        number=place.number,
        story=story.number,
        date=published,
        title=title,
        paragraphs=tuple(raw),
        body=body,
        credit=credit,
        caption=caption,
        source=source,
        url=url,
        author=author,
        section=topic.section,
        people=story.people,
        organisations=story.organisations,
        duplicate_of=None if place.text_of == place.number else place.text_of,
    )


def _fit_length(
    paragraphs: list[_Paragraph], target: int, details: _Details, slots: _Slots, rng: Random
) -> None:
    """Add detail sentences until the article has about `target` words (a new
    paragraph only when the others have five sentences), then take sentences
    away while it is over the planned maximum (see PLANNED_WORDS)."""
    total = sum(sum(p.words) for p in paragraphs)
    while total < target:
        # Spread the sentences: a paragraph of seven facts reads like a list.
        roomy = [p for p in paragraphs if p.expandable and len(p.sentences) < 5]
        if roomy:
            paragraph = min(roomy, key=lambda p: sum(p.words))
        elif len(paragraphs) < MAX_PARAGRAPHS:
            paragraph = _paragraph([], expandable=True)
            places = [i for i in range(1, len(paragraphs)) if not paragraphs[i].glued]
            paragraphs.insert(_pick(rng, places), paragraph)
        else:
            expandable = [p for p in paragraphs if p.expandable] or paragraphs[:1]
            paragraph = min(expandable, key=lambda p: sum(p.words))
        sentence = slots.fill(details.take())
        paragraph.sentences.append(sentence)
        paragraph.words.append(_estimate_words(sentence))
        total += paragraph.words[-1]
    while total > PLANNED_WORDS[1]:
        longer = [p for p in paragraphs if p.expandable and len(p.sentences) > 1]
        if not longer:
            break
        paragraph = max(longer, key=lambda p: sum(p.words))
        paragraph.sentences.pop()
        total -= paragraph.words.pop()


def _with_debris(
    body: list[str], slots: _Slots, rng: Random
) -> tuple[list[str], str | None, str | None]:
    """The paragraphs with page debris put in, as scraped pages have it: a photo
    credit or a newsletter box on the first line, a sign-up line or a video
    player between paragraphs. Returns the paragraphs, the credit, the caption."""
    raw = list(body)
    credit = caption = None
    if rng.random() < 0.3:
        video = VIDEO_SHORT
        if rng.random() < 0.7:
            if rng.random() < 0.5:
                caption = slots.fill(_pick(rng, VIDEO_CAPTIONS))
            video = VIDEO_PLAYER.format(
                n=_int(rng, 5, 10), caption=f" {caption}" if caption else ""
            )
        raw.insert(_int(rng, 2, len(raw) - 1), video)
    if rng.random() < 0.15:
        raw.insert(_int(rng, 3, len(raw) - 1), slots.fill(_pick(rng, SIGN_UPS)))
    first = rng.random()
    if first < 0.3:
        credit = f"Photo: {slots.fill(_pick(rng, ('{p1_name}', '{p2_name}')))}"
        credit = f"{credit}/{_pick(rng, AGENCIES)}"
        if rng.random() < 0.3:  # some credits name a photographer, not someone in the story
            name = f"{_pick(rng, FIRST_NAMES)} {_pick(rng, SURNAMES)}"
            credit = f"{_pick(rng, ('Photo', 'Picture'))}: {name}/{_pick(rng, AGENCIES)}"
        raw.insert(0, credit)
    elif first < 0.55:
        raw.insert(0, _pick(rng, NEWSLETTERS))
    return raw, credit, caption


# --- The corpus ------------------------------------------------------------------------


@dataclass(slots=True, frozen=True)
class Placement:
    """Where an article stands: its number in the corpus, its story and its place
    in that story, and whose text it has (its own number, or for a duplicate the
    number of the article it copies)."""

    number: int
    story: int
    story_length: int
    index: int
    text_of: int


def plan(count: int, seed: int = 0, duplicates: float = DEFAULT_DUPLICATES) -> Iterator[Placement]:
    """The corpus's running order: which story each article continues, and which
    articles are copies. Cheap (no text), and the same for the same seed whatever
    `count` is, so a shorter corpus is a prefix of a longer one."""
    if not 0 <= duplicates < 1:
        raise ValueError("duplicates must be a fraction from 0 up to 1")
    rng = Random(seed)
    share = Fraction(str(duplicates))
    active: list[list[int]] = []  # [story, length, articles placed]
    stories = 0
    recent: deque[Placement] = deque(maxlen=RECENT_ARTICLES)
    for number in range(count):
        if recent and (number + 1) * share // 1 > number * share // 1:
            original = _pick(rng, recent)
            yield replace(original, number=number)
            continue
        while len(active) < ACTIVE_STORIES:
            active.append([stories, _int(rng, 5, 10), 0])
            stories += 1
        story = _pick(rng, active)
        place = Placement(number, story[0], story[1], story[2], number)
        story[2] += 1
        if story[2] == story[1]:
            active.remove(story)
        recent.append(place)
        yield place


class _Writer:
    """Turns placements into articles, remembering recent stories (a story's
    articles are spread over about a hundred places of the corpus)."""

    def __init__(self, seed: int):
        self.seed = seed
        self.shared = _Shared(seed)
        self.stories: dict[int, _Story] = {}

    def article(self, place: Placement) -> SyntheticArticle:
        story = self.stories.get(place.story)
        if story is None:
            if len(self.stories) >= STORY_CACHE:
                self.stories.clear()  # made again on demand, identically
            story = _new_story(self.seed, place.story, place.story_length, self.shared)
            self.stories[place.story] = story
        return _write_article(self.seed, story, place)


def one_story(length: int, seed: int = 0, number: int = 0) -> list[SyntheticArticle]:
    """The `length` articles of one story (the corpus's stories have 5 to 10),
    oldest placement first: for a report on a long story
    (benchmarks/report_size.py, tests/output)."""
    writer = _Writer(seed)
    story = _new_story(seed, number, length, writer.shared)
    return [
        _write_article(seed, story, Placement(index, number, length, index, index))
        for index in range(length)
    ]


_worker: _Writer | None = None


def _write_chunk(job: tuple[int, list[Placement]]) -> list[SyntheticArticle]:
    """One task of a worker process; the process keeps its _Writer between tasks."""
    global _worker
    seed, places = job
    if _worker is None or _worker.seed != seed:
        _worker = _Writer(seed)
    return [_worker.article(place) for place in places]


def _chunks(places: Iterator[Placement], size: int) -> Iterator[list[Placement]]:
    chunk: list[Placement] = []
    for place in places:
        chunk.append(place)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def generate(
    count: int, seed: int = 0, duplicates: float = DEFAULT_DUPLICATES, workers: int = 1
) -> Iterator[SyntheticArticle]:
    """`count` articles, in order, the same ones for the same arguments whatever
    `workers` is; `duplicates` is the share of them that copy an earlier one.
    With several workers, articles are written in that many processes."""
    places = plan(count, seed, duplicates)
    if workers <= 1:
        writer = _Writer(seed)
        for place in places:
            yield writer.article(place)
        return
    # Fork where there is fork: the workers then have this module however it was
    # imported (a test imports it from its path, which a spawned process cannot).
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    with context.Pool(workers) as pool:
        jobs = ((seed, chunk) for chunk in _chunks(places, CHUNK_SIZE))
        for articles in pool.imap(_write_chunk, jobs):
            yield from articles


@dataclass(slots=True)
class WriteSummary:
    articles: int
    duplicates: int
    files: int
    bytes: int


def write_txt(articles: Iterator[SyntheticArticle], out: Path, per_folder: int) -> WriteSummary:
    # Plain writes: threads creating the files were slower (the file system
    # serialises file creation in a folder, and they added contention).
    summary = WriteSummary(0, 0, 0, 0)
    folder = out
    for article in articles:
        if article.number % per_folder == 0:
            folder = out / f"{article.number // per_folder:04d}"
            folder.mkdir(parents=True)
        data = article.seed_text().encode("utf-8")
        (folder / article.file_name).write_bytes(data)
        summary.articles += 1
        summary.duplicates += article.duplicate_of is not None
        summary.files += 1
        summary.bytes += len(data)
    return summary


def write_jsonl(articles: Iterator[SyntheticArticle], out: Path, per_file: int) -> WriteSummary:
    summary = WriteSummary(0, 0, 0, 0)
    out.mkdir(parents=True, exist_ok=True)
    part: BinaryIO | None = None
    try:
        for article in articles:
            if article.number % per_file == 0:
                if part is not None:
                    part.close()
                part = (out / f"part-{article.number // per_file:04d}.jsonl").open("wb")
                summary.files += 1
            assert part is not None  # article 0 opened the first part
            data = article.json_line().encode("utf-8")
            part.write(data)
            summary.articles += 1
            summary.duplicates += article.duplicate_of is not None
            summary.bytes += len(data)
    finally:
        if part is not None:
            part.close()
    return summary


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Write a deterministic synthetic news corpus shaped like the seeds."
    )
    parser.add_argument("out", type=Path, help="folder to write into (must be new or empty)")
    parser.add_argument("--count", type=int, required=True, help="number of articles")
    parser.add_argument("--format", choices=("txt", "jsonl"), default="txt")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--per-folder",
        type=int,
        default=DEFAULT_PER_FOLDER,
        help=f"txt files per folder, or articles per JSON Lines file "
        f"(default {DEFAULT_PER_FOLDER})",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=DEFAULT_WORKERS,
        help=f"processes that write article text; the output is the same for any number "
        f"(default {DEFAULT_WORKERS})",
    )
    parser.add_argument(
        "--duplicates",
        type=float,
        default=DEFAULT_DUPLICATES,
        help=f"share of articles that are exact copies of another (default {DEFAULT_DUPLICATES})",
    )
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must not be negative")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.per_folder < 1:
        parser.error("--per-folder must be at least 1")
    if not 0 <= args.duplicates < 1:
        parser.error("--duplicates must be a fraction from 0 up to 1")
    if args.out.exists() and (not args.out.is_dir() or any(args.out.iterdir())):
        parser.error(f"{args.out} exists and is not an empty folder")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    start = time.perf_counter()
    articles = generate(args.count, args.seed, args.duplicates, args.workers)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.format == "txt":
        summary = write_txt(articles, args.out, args.per_folder)
        files = f"{summary.files} files in {-(-summary.files // args.per_folder)} folders"
    else:
        summary = write_jsonl(articles, args.out, args.per_folder)
        files = f"{summary.files} JSON Lines files"
    seconds = time.perf_counter() - start
    print(
        f"wrote {summary.articles} articles ({summary.duplicates} exact duplicates) as {files} "
        f"under {args.out}: {summary.bytes:,} bytes in {seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
