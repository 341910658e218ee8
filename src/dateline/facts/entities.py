"""People, organisations and places named in an article.

No language model is available, so names are found by rule: a run of
capitalised words is a candidate, and small word lists plus the words around
it (an honorific before it, "in" before it, "council" after it, an
organisation word at its end) decide what it names. Single capitalised words
are the hard part, because every sentence starts with one; a single word only
becomes an entity on evidence, which may come from elsewhere in the article
("Holmes" is a person because "Paul Holmes" is one; "Kirklees" is a place
because the article says "in Kirklees", or because it is a place a reader
knows by name).

Precision comes first (issue 3). A run of words is a person when it starts
with a known given name, follows an honorific or a title ("Sen.", "CEO", "Labour
MP"), or when the text says so: "said" next to it, an age, "who", a job, or
its surname used alone elsewhere ("Okafor said"). Without such evidence a
name like "Pennine Living" is left out rather than guessed. A sentence's
first word glued to a name ("Tragically Emily") is not part of it; a number
after a name makes it a thing ("Apollo 11"); "the" before it makes it no
person ("the Charlotte Monarchs"). Generic nouns ("the Government", "the
council", "police") are not named organisations, though "the council" is a
mention of the article's only council.

Mentions are kept exactly as the article writes them, so the slice of the
paragraph always equals the mention. A person's mention includes an honorific
("Clr Erin Hill"); the canonical name does not. Short forms join the full
name: a surname ("Holmes", "Mrs Doyle", picking the person of that sex), a
company without its trade ("Harbor Point" for "Harbor Point Capital"), an
acronym ("NUT" for the National Union of Teachers).

Roles: an appositive ("Paul Holmes, branch secretary for Unison in Kirklees,
said", "Ann Mellor, who chairs the residents' association") is preferred,
then one set off before the name ("The Scottish First Minister, Nicola
Sturgeon, said"), then a pre-modifier ("Unison branch secretary Paul Holmes",
"Labour MP for Huddersfield Barry Sheerman"), because the comma-set forms
usually give the fuller description; within each kind the first one in the
article wins. A title honorific ("Cllr", "Sen.") is the role only when the
article gives no other.

Choices: a newspaper is named without its article ("Examiner" for "the
Examiner"); "the council" and "the union" are mentions of the article's only
council or union, and of nothing when it names two.

The word lists are shared with the quote finder (quotes.py), which needs the
same knowledge of names; sentences, words and capitals come from the shared
text layer (text.py), and names are looked for in its `cased` view, where a
shouted headline is written as the article writes its words elsewhere.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from dateline.facts.base import Entity, EntityKind, Mention
from dateline.facts.gazetteer import CITY, COUNTRY, REGION, place_kind
from dateline.facts.text import HONORIFICS as _HONORIFICS
from dateline.facts.text import ArticleText, ParagraphText, matches_at, word_set

# --- word lists (all casefolded) -------------------------------------------


# Capitalised only because they start a sentence or a title; they break a run.
_STOP_WORDS = word_set(
    """
    a an the this that these those it its he she they we i you our their his her my your me
    us them him but and or so if when whenever while where what which who whom whose why how
    as at in on of for from by with to into onto after before during since until although
    though because however meanwhile also then there here now yet still some many most all
    any no not nor every each both either neither one two three four five six seven eight
    nine ten last next first second third other another such more less few several only
    even just already again instead indeed perhaps today tomorrow yesterday tonight yes
    please thank thanks let do does did is are was were be been being has have had will
    would can could should might must shall according despite without within under over
    about above below between among against across through throughout around near off out
    up down per via unless whether once twice ago whatever whoever everyone someone nobody
    nothing everything something anyone none ever never always often sometimes recently
    later earlier finally overall similarly additionally furthermore moreover nevertheless
    otherwise therefore thus hence speaking asked said says following including currently
    previously like unlike upon whilst amid amongst towards toward beyond along
    """
)

# Ordinary words that open sentences and headings: never an entity on their own,
# never part of a person's name.
_GENERIC_WORDS = word_set(
    """
    social figures figure discussions discussion video videos photo photos image picture
    read more click share watch subscribe sign advertisement related update updated
    breaking news report reports police council councils union unions members staff people
    workers parents children officials residents campaigners critics experts researchers
    statistics data results plans proposals talks negotiations elsewhere sources officers
    ministers councillors teachers nurses doctors patients pupils students year years week
    weeks month months day days government department ministry authority service services
    strike strikes action legal local national public private general official new old
    chief head senior junior deputy interim acting former fourth fifth sixth seventh eighth
    ninth tenth eleventh twelfth district circuit state states
    """
)

_DEMONYMS = word_set(
    """
    british english scottish welsh irish european american french german spanish italian
    chinese japanese russian indian pakistani african asian australian canadian dutch polish
    muslim christian jewish hindu sikh catholic protestant islamic arab israeli palestinian
    ukrainian syrian iraqi iranian afghan turkish greek brazilian mexican nigerian kenyan
    democrat democrats republican republicans
    """
)

# Given names, for telling a person ("Barry Sheerman") from a title-case phrase
# ("Yorkshire Cancer Support") and for matching "he" and "she" to a speaker.
# Common in British, American and international news; not a census.
FEMALE_NAMES = word_set(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty
    margaret sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah
    stephanie rebecca sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela
    nicole emma samantha katherine christine debra rachel catherine carolyn janet ruth maria
    heather diane dianne julie joyce victoria olivia kelly christina lauren joan
    evelyn judith megan cheryl andrea hannah martha jacqueline frances gloria ann anne teresa
    kathryn sara janice jean alice madison doris abigail julia judy grace denise amber marilyn
    beverly danielle theresa sophia marie diana brittany natalie isabella charlotte rose alexis
    kayla jane lucy sophie chloe ellie jess jessie jenny joanne louise claire clare fiona
    gillian alison kate katie kathy liz lizzie beth bethany caroline tracy tracey wendy yvonne
    yvette sally sue susie hazel pauline maureen jacqui jackie jill jan lynn lynne lesley dawn
    elaine eileen irene sheila valerie vicky vicki nicola natasha naomi holly molly polly lily
    isla ava mia ella freya poppy amelia harriet imogen rosie phoebe esther eve eva ruby daisy
    hayley kirsty lindsay lindsey leanne gemma jade stacey zoe zara yasmin aisha fatima ayesha
    priya priti anjali sunita shabana nadia leila layla maya mei yuki sakura keiko aiko elena
    sofia isabel carmen lucia rosa ana gabriela mariana ines camila valentina ngozi amina
    chiara giulia francesca ingrid astrid sigrid greta heidi natalia olga svetlana tatiana
    irina anastasia chantal celine amelie margot edith agnes mabel ethel florence iris ivy
    jasmine janine erin meredith courtney kristen kristin kirsten vanessa veronica tanya
    tamara tina nina gina dana carla paula rita sonia sonya stella tess ursula wanda whitney
    yolanda jocelyn hillary hilary penny penelope philippa pippa rekha kamala nikki jacinda
    marine giorgia rosemary josephine jo lorraine michaela miriam monica nora norma olive
    patsy peggy rhiana rhian sian cerys bronwen nia megan carys aoife niamh siobhan sinead
    roisin mairead grainne orla ciara kerry kerri keira kiera shannon sienna summer tilly
    evie maisie millie lola matilda annabel arabella beatrice eleanor georgina henrietta
    rebekah rosalind susanna suzanne suzy tabitha theodora wilhelmina lakshmi deepa anita
    geeta meena nisha pooja rani sita usha zainab maryam khadija hana noor salma samira
    """
)
MALE_NAMES = word_set(
    """
    james john robert michael william david richard joseph thomas charles christopher daniel
    matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy
    ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin
    scott brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry
    tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
    christian keith roger gerald harold sean austin carl arthur lawrence dylan jesse bryan
    joe bruce gabriel logan albert willie alan allan juan wayne elijah randy roy vincent ralph
    eugene russell bobby mason philip phil louis harry oliver alfie freddie archie leo oscar
    theo toby max jake luke callum connor liam owen rhys dafydd gareth dai ieuan huw iwan evan
    ewan euan angus hamish alistair alasdair fraser calum ross craig graham graeme gordon
    duncan malcolm neil niall nigel ian iain colin derek trevor barry clive geoffrey geoff ken
    martin simon stuart stewart tony tom tommy dave dan danny ben mike mick steve rob bob bill
    billy jim jimmy jon jonny nick pete andy rich richie ricky ed eddie ted fred freddy alfred
    ahmed mohamed mohammed muhammad mohammad ali omar hassan hussein ibrahim yusuf abdul tariq
    imran sajid sadiq rishi raj rajesh sanjay vijay amit anil sunil arjun rahul ravi narendra
    shabir kwame kofi chidi emeka tunde jomo nelson cyril thabo pierre francois jacques
    emmanuel antony luc michel pascal hans karl klaus jurgen wolfgang helmut olaf giuseppe giovanni
    marco luca matteo carlos luis miguel pedro diego javier pablo antonio manuel rafael
    fernando ricardo alejandro jorge sergio vladimir dmitry sergei ivan boris mikhail alexei
    hiroshi takeshi kenji shinzo fumio jun hyun joon raul hector jesus kieran declan seamus
    shaun padraig eamon eamonn enda brendan cormac fergus conor ciaran dermot desmond lewis
    reece jamal darnell tyrone marcus malik andre jerome dwayne lamar terrence clarence curtis
    darren warren glenn glen dean neville norman stanley howard herbert leonard bernard vernon
    wilfred harvey reginald cecil percy rupert giles hugh hugo julian crispin quentin
    sebastian tristan rory kwasi nadhim matt gavin grant keir ashok deepak manoj suresh
    ramesh vikram joel josh isaac elliot elliott felix finn harrison hayden jared jay jeff
    jenson joey kai kieron lance lee leon lloyd marc mario mathew micheal miles mitchell nathaniel
    neville noel oswald owain patrick perry ralph ray reuben rex ricardo rodney roland ronnie
    ruben russ ryder sam saul seth shane sidney spencer stan stefan terence terry theodore
    tobias travis trent troy victor wade wesley will xavier zach zak
    """
)
# Names given to anyone: no help with "he" or "she".
_SHARED_NAMES = word_set(
    """
    alex chris jamie jordan robin charlie leslie taylor morgan casey kim frankie billie drew
    pat sam jo jess jean ashley
    """
)
GIVEN_NAMES = FEMALE_NAMES | MALE_NAMES | _SHARED_NAMES

# Places a reader knows by name alone: countries, states, regions, cities. Names
# that are also given names ("Charlotte", "Austin", "Jordan") are left to
# context.
_KNOWN_PLACES = word_set(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
    bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
    botswana brazil brunei bulgaria burundi cambodia cameroon canada chile china colombia
    comoros congo croatia cuba cyprus czechia denmark djibouti ecuador egypt eritrea estonia
    eswatini ethiopia fiji finland france gabon gambia germany ghana greece grenada guatemala
    guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    jamaica japan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon
    lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia
    maldives mali malta mauritania mauritius mexico moldova monaco mongolia montenegro morocco
    mozambique myanmar burma namibia nauru nepal netherlands holland nicaragua niger nigeria
    norway oman pakistan palau palestine panama paraguay peru philippines poland portugal
    qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia slovenia
    somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania thailand
    togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan vanuatu
    venezuela vietnam yemen zambia zimbabwe england scotland wales britain gaza crimea
    greenland tibet europe asia africa america americas antarctica oceania arctic scandinavia
    caribbean balkans
    georgia alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
    yorkshire lancashire cornwall devon kent essex sussex surrey norfolk suffolk cumbria
    merseyside tyneside teesside midlands cotswolds
    london manchester birmingham leeds liverpool sheffield bristol newcastle nottingham
    leicester coventry bradford hull york wakefield huddersfield halifax dewsbury batley bolton
    oldham rochdale stockport salford wigan preston blackburn blackpool burnley lancaster
    carlisle sunderland durham middlesbrough darlington doncaster rotherham barnsley harrogate
    scarborough derby stoke wolverhampton walsall worcester hereford gloucester cheltenham
    oxford cambridge norwich ipswich colchester chelmsford southend luton swindon exeter
    plymouth truro bournemouth southampton portsmouth brighton hastings canterbury dover
    maidstone guildford crawley northampton peterborough bedford watford stevenage cardiff
    swansea newport wrexham glasgow edinburgh aberdeen dundee inverness stirling belfast derry
    londonderry dublin galway limerick kirklees calderdale keighley skipton otley ilkley
    pudsey morley pontefract castleford holmfirth brighouse todmorden mirfield heckmondwike
    cleckheaton
    paris berlin madrid rome milan naples barcelona lisbon amsterdam brussels vienna prague
    warsaw budapest athens istanbul ankara moscow kyiv kiev minsk stockholm oslo copenhagen
    helsinki reykjavik zurich geneva bern munich frankfurt hamburg cologne lyon marseille
    tokyo osaka kyoto yokohama beijing shanghai shenzhen guangzhou wuhan seoul pyongyang
    taipei manila jakarta bangkok hanoi mumbai delhi bangalore bengaluru kolkata chennai
    hyderabad karachi lahore islamabad kabul tehran baghdad damascus beirut jerusalem riyadh
    dubai doha cairo lagos nairobi johannesburg accra kinshasa khartoum melbourne brisbane
    adelaide auckland toronto montreal vancouver ottawa calgary chicago boston houston dallas
    phoenix philadelphia seattle denver atlanta miami detroit baltimore cleveland pittsburgh
    cincinnati minneapolis milwaukee nashville memphis louisville sacramento springfield
    albany anchorage honolulu tucson omaha tulsa raleigh tampa jacksonville indianapolis
    newark hartford trenton annapolis tallahassee bogota lima santiago caracas havana quito
    montevideo
    warrington widnes runcorn chester crewe macclesfield shrewsbury telford stafford lichfield
    tamworth nuneaton solihull redditch kidderminster bromsgrove banbury aylesbury basingstoke
    winchester salisbury taunton yeovil weymouth poole torquay barnstaple penzance newquay
    gateshead jarrow hartlepool stockton redcar whitby selby goole grimsby scunthorpe
    mansfield chesterfield worksop loughborough kettering corby wellingborough huntingdon
    lowestoft harlow basildon margate folkestone eastbourne worthing chichester horsham reigate
    woking epsom croydon harrow ealing hackney islington camden lambeth southwark westminster
    greenwich lewisham tottenham brixton barnet enfield bromley wembley shipley bingley ossett
    garforth wetherby tadcaster knaresborough ripon thirsk northallerton elland slaithwaite
    penistone stocksbridge accrington rossendale chorley leyland southport birkenhead
    wallasey bootle st helens warwick leamington stratford evesham malvern ledbury ludlow
    aberystwyth carmarthen llanelli merthyr pontypridd caerphilly bridgend motherwell
    paisley kilmarnock ayr dumfries falkirk livingston kirkcaldy dunfermline arbroath
    tacoma spokane boise reno fresno oakland bakersfield riverside irvine anaheim wichita
    topeka lansing dearborn akron toledo dayton knoxville chattanooga montgomery shreveport
    plano lubbock amarillo laredo provo fargo cheyenne albuquerque scottsdale tempe glendale
    savannah macon greensboro yonkers hoboken allentown scranton harrisburg wilmington
    stamford bridgeport quincy
    abuja dhaka colombo kathmandu lusaka harare kampala dakar casablanca tunis algiers
    """
)
# Places of more than one word, casefolded and single-spaced.
_KNOWN_PLACE_NAMES = frozenset(
    line.strip()
    for line in """
    united kingdom
    united states
    united arab emirates
    south africa
    south korea
    north korea
    new zealand
    saudi arabia
    sri lanka
    costa rica
    el salvador
    sierra leone
    ivory coast
    northern ireland
    great britain
    czech republic
    dominican republic
    hong kong
    puerto rico
    papua new guinea
    west bank
    south sudan
    burkina faso
    new hampshire
    new jersey
    new mexico
    new york
    new york city
    north carolina
    north dakota
    south carolina
    south dakota
    rhode island
    west virginia
    los angeles
    san francisco
    san diego
    san jose
    las vegas
    new orleans
    salt lake city
    kansas city
    oklahoma city
    mexico city
    st louis
    st. louis
    washington dc
    washington, d.c
    middle east
    latin america
    north america
    south america
    central america
    new delhi
    tel aviv
    buenos aires
    rio de janeiro
    sao paulo
    cape town
    abu dhabi
    kuala lumpur
    milton keynes
    grand rapids
    ann arbor
    san antonio
    el paso
    fort worth
    baton rouge
    little rock
    des moines
    santa fe
    green bay
    corpus christi
    new haven
    jersey city
    atlantic city
    carson city
    high wycombe
    tunbridge wells
    great yarmouth
    hebden bridge
    addis ababa
    """.splitlines()
    if line.strip()
)

_MONTHS = word_set(
    """
    january february march april may june july august september october november december
    sept
    """
)
_WEEKDAYS = word_set("monday tuesday wednesday thursday friday saturday sunday")
_MONTH_ABBREVIATIONS = word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
# Months that are also given names or surnames ("Theresa May").
_NAME_MONTHS = frozenset({"may", "june", "april", "august"})

# A run containing one of these names a holiday ("Bank Holiday", "Boxing Day").
_HOLIDAY_WORDS = word_set(
    """
    holiday holidays christmas xmas easter halloween ramadan diwali hanukkah passover eid
    lent advent whitsun hogmanay boxing
    """
)

# Honorifics that are a title as well: used as the role when nothing better exists.
_TITLE_HONORIFICS = word_set(
    """
    prof professor clr cllr coun councillor rev revd reverend judge pc dc ds di dci dsi sgt
    insp supt det sen gov rep gen col lt capt maj cmdr adm pres atty amb
    """
)

# A run ending in one of these names an organisation.
_ORG_SUFFIXES = word_set(
    """
    council union ltd limited plc inc llp llc corp corporation company group department
    ministry university college school academy party police constabulary nhs trust board
    committee commission agency authority association society foundation institute
    institution service services office court tribunal federation network partnership
    hospital clinic club church government parliament assembly executive bank fund charity
    alliance coalition league confederation congress senate cabinet treasury army navy
    brigade regiment care news times post guardian telegraph mail examiner herald echo
    gazette chronicle observer mirror express standard journal courier press tribune
    magazine weekly radio tv television airlines airways motors industries holdings
    technologies bureau directorate inspectorate secretariat fc united rovers athletic
    wanderers albion hotspur rangers infirmary administration reserve observatory laboratory
    museum library orchestra patrol guard corps command co systems robotics labs laboratories
    pharmaceuticals pharma therapeutics biosciences biotech energy logistics capital partners
    ventures solutions software electronics semiconductor semiconductors media entertainment
    studios brands stores foods insurance bancorp financial securities investments properties
    homes construction engineering aerospace automotive telecom communications healthcare
    ag gmbh nv bv spa kk pty electric utilities railroad management consulting associates
    advisers advisors ledger register bulletin inquirer enquirer dispatch globe record
    exchange exchanges commission brothers bros star sentinel advertiser argus bee
    """
)
# Words that end a company's name: "Northwind" alone is "Northwind Systems".
_COMPANY_SUFFIXES = word_set(
    """
    inc ltd limited plc llp llc corp corporation co company group holdings technologies
    systems robotics labs pharmaceuticals therapeutics energy logistics capital partners
    ventures solutions software electronics industries motors airlines airways media
    entertainment studios foods insurance financial securities investments properties homes
    construction engineering aerospace electric management consulting associates ag gmbh nv
    bv spa kk pty semiconductor semiconductors pharma biotech biosciences laboratories brands
    stores bancorp utilities brothers bros
    """
)
# What a company does, after its own name ("Daeho Steel", "Kestrel Resources",
# "Northland Air"): left off, the rest names it ("Daeho", "Kestrel").
_TRADE_WORDS = _COMPANY_SUFFIXES | word_set(
    """
    steel iron air chemical chemicals resources mining mines minerals metals oil gas petroleum
    bank banks bancorp financial stores motors airlines air cable telecom telecommunications
    pharmaceutical pharmaceuticals foods food brewing breweries paper textiles shipping
    shipbuilding airways rail railways express power electric electronics computer computers
    software semiconductor semiconductors gold silver copper coal cement tobacco insurance
    """
)
# Words inside a name that make it an organisation rather than a person
# ("Yorkshire Cancer Support", "Royal Mail", "Memorial Medical Center").
_ORG_WORDS = word_set(
    """
    cancer support medical research royal national international global federal community
    health memorial science sciences technology heritage wildlife environmental development
    relief rescue aid citizens housing water power rail transport children’s children's
    sports
    """
)
# Surnames that are also the last word of a place or an organisation
# ("Sarah Hall", "Emma Church"): with a given name first, a person.
_SURNAME_SUFFIXES = word_set(
    "court church bank banks post hall house street lane bridge park hill green wood castle"
    " bay field fields brook"
)
_PLACE_LEADS = word_set("at on in into to from near outside off along via")
# Football clubs unless the rest says place ("Huddersfield Town" but "Cape Town").
_CLUB_OR_PLACE = word_set("town city")
# Newspaper titles: "the Examiner" alone is an organisation.
_NEWS_WORDS = word_set(
    """
    examiner guardian telegraph times independent observer mirror express sun star mail
    herald echo gazette chronicle post standard journal courier press tribune economist
    spectator argus advertiser sentinel
    """
)
# Organisations that are named by one word of their own.
# Not "Government" or "Cabinet": the gold conventions count those as generic nouns.
_STANDALONE_ORGS = word_set("treasury parliament congress senate pentagon")
# An organisation head that takes "of"/"for" ("University of Leeds", "Department for Education").
_ORG_HEADS_WITH_OF = word_set(
    """
    university department ministry bank institute college school office house chamber council
    court society association academy federation commission board church museum bureau agency
    administration appeals union league alliance confederation party coalition organisation
    organization foundation committee commission center centre exchange chamber
    """
)
_UNIONS = word_set(
    """
    unison unite gmb rmt aslef usdaw bma rcn nut neu nasuwt ucu pcs tssa bectu fbu cwu
    """
)
_KNOWN_ORGS = _UNIONS | word_set(
    """
    nhs bbc itv ofsted ofcom ofgem ofwat ofqual labour conservatives tories ukip snp dup
    nspcc rspca barnardo oxfam unicef eu un nato imf oecd fifa uefa hmrc dwp dfe acas
    cqc ons cps ipcc iopc tuc cbi lga reuters fbi cia nasa fda epa sec ftc irs nsa dhs doj
    fema cdc nih noaa usda nypd lapd nyse nasdaq aclu naacp who wto opec bloomberg google
    microsoft facebook twitter tesla toyota honda sony samsung boeing airbus netflix uber
    walmart nike disney intel ibm nvidia openai spotify tiktok youtube instagram whatsapp
    vodafone tesco asda morrisons aldi lidl barclays hsbc natwest santander unilever apple
    amazon meta efl lazard jefferies citigroup blackrock deloitte kpmg pwc accenture mckinsey
    pfizer moderna astrazeneca glaxosmithkline gsk exxon chevron costco starbucks ikea primark
    greenpeace ap afp itar-tass tass xinhua kyodo interfax ansa efe dpa bernama antara yonhap
    pti anadolu
    """
)
_PLACE_ACRONYMS = word_set("uk us usa uae")
# Letters that are no organisation's name.
_COMMON_ACRONYMS = word_set(
    """
    ceo cfo coo cto gdp gnp vat tv dvd cd pc usb faq pdf html url gps atm sms ok am pm bst gmt
    est edt pst pdt utc ad bc phd mba bbq diy lgbt lgbtq hiv aids dna rna mri icu ppe suv
    usd gbp eur rpm mph kph kmh ipo ebitda rbi era mvp tba tbc asap aka etc llc plc inc ltd
    """
)
# How American papers abbreviate states after a city ("Orlando, Fla."), keyed
# without the full stop. No data package keeps these: they are a style book's.
_US_STATE_ABBREVIATIONS = {
    "ala": "Alabama", "ariz": "Arizona", "ark": "Arkansas", "calif": "California",
    "colo": "Colorado", "conn": "Connecticut", "del": "Delaware", "fla": "Florida",
    "ga": "Georgia", "ill": "Illinois", "ind": "Indiana", "kan": "Kansas", "kans": "Kansas",
    "ky": "Kentucky", "la": "Louisiana", "md": "Maryland", "mass": "Massachusetts",
    "mich": "Michigan", "minn": "Minnesota", "miss": "Mississippi", "mo": "Missouri",
    "mont": "Montana", "neb": "Nebraska", "nebr": "Nebraska", "nev": "Nevada",
    "n.h": "New Hampshire", "n.j": "New Jersey", "n.m": "New Mexico", "n.y": "New York",
    "n.c": "North Carolina", "n.d": "North Dakota", "okla": "Oklahoma", "ore": "Oregon",
    "pa": "Pennsylvania", "r.i": "Rhode Island", "s.c": "South Carolina",
    "s.d": "South Dakota", "tenn": "Tennessee", "tex": "Texas", "vt": "Vermont",
    "va": "Virginia", "wash": "Washington", "w.va": "West Virginia", "wis": "Wisconsin",
    "wyo": "Wyoming", "d.c": "District of Columbia",
}  # fmt: skip
# Places the gazetteer names that a reader knows by name alone; a minor place
# (a small town) only where the sentence says place.
_NAMED_PLACE_KINDS = frozenset({COUNTRY, REGION, CITY})
_PLACE_SUFFIXES = word_set(
    """
    street road lane avenue square drive crescent terrace bridge estate airport station centre
    stadium county borough valley river island islands sea ocean bay house palace castle abbey
    cathedral hall park gardens moor common heath building tower point heights harbor harbour
    quay wharf plaza
    """
)
_PLACE_PREFIXES = word_set(
    "north south east west greater upper lower great st saint san santa port fort mount isle"
    " cape loch lake glen"
)
# Letters after a name, not part of it ("Sarah Wollaston MP").
_POST_NOMINALS = word_set("mp mep msp mla qc kc obe mbe cbe jr jnr sr snr phd")
_BUILDING_WORDS = _PLACE_SUFFIXES | word_set(
    "hospital school college academy stadium arena centre hall house church theatre"
)
# "in X", "of X": X is a place when nothing else claims it.
_PLACE_PREPOSITIONS = word_set("in of from across throughout around near outside inside within")
# Before a name of several words, "of" and "from" say little ("the chief
# executive of Siemens Gamesa"); these still say place.
_MULTI_WORD_PLACE_PREPOSITIONS = word_set("in across throughout around near outside inside within")
# Lowercase words after a place that make it a public body ("Kirklees council").
_BODY_AFTER_PLACE = re.compile(
    r"\s+((?:(?:county|city|borough|district|metropolitan|town|parish)\s+)?council|police)\b"
)
_CAMPAIGN_AFTER = re.compile(r"[ \u00a0]+(campaign)\b")
# What only a company does: no person reports earnings or has shares.
_BUSINESS_AFTER = re.compile(
    r"(?:[’']s)?[ \u00a0]+(?:(?:has|have|had|will|would|also)[ \u00a0]+)?"
    r"(?:reported|reports|posted|posts|earned|earns|acquired|acquires|merged|shares|stock"
    r"|board|listed|subsidiary|unit|chief[ \u00a0]+executive)\b"
)
# What a company's name does as a subject, in business and wire news.
_ACTS_AFTER = re.compile(
    r"(?:[’']s)?[ \u00a0]+(?:(?:has|have|had|will|would|also)[ \u00a0]+)?"
    r"(?:said|says|say|reported|reports|report|posted|posts|announced|announces|agreed|agrees"
    r"|acquired|acquire|acquires|bought|buy|buys|merged|merge|employs|shares|stock|board"
    r"|earned|earns|teamed|signed|filed|listed|owns|owned)\b"
)
# Words after an unknown name that show it is an organisation ("Unison members").
_ORG_AFTER = re.compile(
    r"\s+(?:members|branch|spokesman|spokeswoman|spokesperson|officials|bosses|reps"
    r"|representatives|chiefs|union|employees|shareholders|executives|founder|board|shares"
    r"|chief|ceo|anchor|reporter|correspondent|poll|survey|analyst|analysts)\b"
)

# The head noun of a job or title, for roles.
ROLE_HEADS = word_set(
    """
    secretary spokesman spokeswoman spokesperson leader director chief executive minister
    chancellor chairman chairwoman chair chairperson councillor manager head officer president
    mp mep msp am mayor member coordinator co-ordinator organiser organizer official lawyer
    solicitor barrister inspector commissioner governor headteacher headmaster headmistress
    teacher professor lecturer researcher deputy adviser advisor analyst campaigner founder
    editor reporter correspondent journalist representative rep steward convenor convener
    worker nurse doctor surgeon consultant owner boss partner ceo cfo coo superintendent
    constable sergeant detective judge magistrate coroner clerk treasurer trustee
    administrator agent author economist expert scientist engineer fellow principal dean
    vice-chancellor provost captain coach presenter producer whip ambassador envoy
    secretary-general candidate activist volunteer senator congressman congresswoman
    councilman councilwoman councilmember prosecutor attorney physician paramedic firefighter
    pilot astronaut pastor bishop archbishop vicar priest rabbi imam chaplain commander
    colonel lieutenant admiral marshal sheriff strategist planner architect investor banker
    accountant auditor specialist historian psychologist psychiatrist pharmacist midwife
    dentist veterinarian epidemiologist virologist chemist physicist biologist meteorologist
    forecaster tutor academic premier king queen prince princess speaker controller
    comptroller registrar warden matron co-founder cofounder proprietor landlord chef
    supervisor general vice-president mother father grandmother grandfather prosecuting
    defending mitigating striker midfielder defender goalkeeper winger forward guard
    quarterback pitcher businessman businesswoman entrepreneur parent pediatrician
    paediatrician gp psychotherapist therapist optometrist surveyor referee umpire
    nominee host anchor moderator farmer grower rancher pollster donor aide staffer operative
    lobbyist seed substitute bowler batsman spinner off-spinner leg-spinner player champion
    winner runner-up finisher trader dealer broker assemblyman assemblywoman legislator
    lawmaker delegate governor-elect mayor-elect chief-executive shareholder
    """
)
# Words that qualify a role but are not its head ("interim deputy", "Home Secretary").
ROLE_MODIFIERS = word_set(
    """
    chief deputy assistant interim acting senior prime home foreign shadow vice general junior
    executive managing principal majority minority financial operating information technology
    marketing medical scientific creative commercial legal political economic editorial sales
    finance communications press policy research health education housing transport regional
    """
)
# Words that end a pre-modifying role when reading leftwards from the name.
_ROLE_BREAKS = _STOP_WORDS - {"of", "for"} | word_set(
    """
    said says say told tells added adds adding according wrote writes warned claimed met meet
    meets thanked joined replaced succeeded beat defeated visited called named appointed hired
    fired sacked praised criticised criticized blamed accused sued backed supported invited
    urged welcomed interviewed include includes including
    """
)
_ROLE_DETERMINERS = word_set("the a an its his her their our")
# Words that show a phrase before ", Name," is a clause, not a job.
_LEADING_ROLE_BREAKS = (
    _STOP_WORDS - _ROLE_DETERMINERS - word_set("of for first second third last next")
)
_MAX_ROLE_WORDS = 8
_MAX_NAME_WORDS = 10

# --- patterns ----------------------------------------------------------------

_TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*")
# A word as _TOKEN reads it, starting with a letter that may be a capital:
# skipping the lowercase majority in the regex engine is most of the speed.
# The letter comes first and the lookbehinds after it ("(?<!\w.)" after it is
# "(?<!\w)" before it), so the engine looks only where such a letter is.
_CAPITALISED_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ɏͰ-ϿЀ-ӿԱ-ՖḀ-ỿ](?<!\w.)(?<!\w[’'\-].)\w*(?:[’'\-]\w+)*")
_CLITIC = re.compile(r"[’'](?:s|re|ve|ll|d|m|t)$", re.IGNORECASE)
_SPACES = frozenset(" \u00a0\t")
_OPENING_QUOTES = "“‘\"'«"
_SENTENCE_ENDS = frozenset(".!?:;…")
_LOOKBACK = 24
_HONORIFIC_BEFORE = re.compile(
    r"\b(Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Revd|Sgt|Insp|Supt|Cllr|Clr|Det|Sen|Gov|Rep|Gen|Col|Lt|Capt"
    r"|Maj|Cmdr|Adm|Pres|Atty|Amb)\.\s+$"
)
_CONNECTOR = re.compile(r"[ \u00a0]+(?:of|for)(?:[ \u00a0]+the)?[ \u00a0]+$")
# What may stand between two words of one name besides spaces: the full stop
# of an initial ("J.B. Pritzker", "St. Louis"), a particle ("Ursula von der
# Leyen") or an ampersand ("Marks & Spencer").
_INITIAL_GAP = re.compile(r"\.[ \u00a0]?")
_PARTICLE_GAP = re.compile(
    r"[ \u00a0]+(?:(?:von|van|der|den|de|da|du|di|del|della|la|le|bin|ibn|dos|das|ter)"
    r"[ \u00a0]+){1,2}"
)
_AMPERSAND_GAP = re.compile(r"[ \u00a0]*&[ \u00a0]*")
_DOTTED_PREFIXES = frozenset({"st", "mt", "ft"})
_LOCATED = re.compile(r"-(?:based|born|headquartered)$", re.IGNORECASE)
# The gap after a plural possessive inside a name ("Supporters’ Trust").
_PLURAL_POSSESSIVE_GAP = re.compile(r"[’'][ \u00a0]+")
# A number after a name makes it a thing ("Apollo 11", "Falcon 9"), not a place or a person.
# Not a score: "beat Groningen 2-1".
_NUMBER_AFTER = re.compile(r"[ \u00a0]+\d(?!\d*[-–]\d)")
# Roads are places: "Route 66", "Interstate 40", "the A644", "the M62".
_ROAD = re.compile(
    r"\b(?:(?:Route|Interstate|Highway|State Route)[ \u00a0]+\d{1,4}|I-\d{1,3}|A\d{2,4}|M\d{1,3})"
    r"(?![\w%£$€])"
)
_ROAD_FIRST = frozenset({"route", "interstate", "highway", "state", "i", "a", "m"})
# Nouns for a kind of organisation: before a name, they say what it is ("the
# German club Fortuna Rheinau", "Chipmaker Arlo Semiconductor").
_ORG_NOUNS = word_set(
    """
    club firm company group charity union bank agency insurer retailer supermarket carmaker
    automaker chipmaker drugmaker startup start-up utility housebuilder newspaper broadcaster
    manufacturer airline chain conglomerate lender consultancy team
    """
)
# The ones that never begin a name themselves.
_TRADES = word_set(
    """
    automaker carmaker chipmaker drugmaker broadcaster conglomerate consultancy housebuilder
    insurer lender manufacturer retailer startup start-up supermarket airline utility
    """
)
_ORG_NOUN_LAST_LETTER = re.compile(
    "[" + "".join(sorted({noun[-1] for noun in _ORG_NOUNS})) + "]", re.IGNORECASE
)
_ORG_NOUN_BEFORE = re.compile(rf"\b(?:{'|'.join(sorted(_ORG_NOUNS))})[ \u00a0]+$", re.IGNORECASE)
# "Kirklees and Calderdale": a second place after "in".
_PLACE_LIST_BEFORE = re.compile(
    r"\b(?:in|across|throughout|around|near|from|between)[ \u00a0]+[A-Z][\w’'\-]*"
    r"(?:,?[ \u00a0]+[A-Z][\w’'\-]*)*,?[ \u00a0]+and[ \u00a0]+$"
)
# Evidence that a name with no known given name is a person.
_PERSON_AFTER = re.compile(r",[ \u00a0]*(?:who\b|aged[ \u00a0]+\d|\d{1,3}[,.])")
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|added|according[ \u00a0]+to)[ \u00a0]+$", re.IGNORECASE
)
_CAMEL_CASE = re.compile(r"[a-z][A-Z]")
_DIGIT = re.compile(r"[\d_]")
_SURNAME_PREFIX = re.compile(r"(?:Mc|Mac|O’|O'|De|Di|Da|La|Le|Van|Von|Du)[A-Z]")
# Lowercase particles of a surname ("Anke de Wit", "De Wit" alone).
_PARTICLES = word_set("von van der den de da du di del della la le bin ibn dos das ter")
_KNOWN_ORG_ENDINGS = frozenset(
    {
        ("red", "cross"),
        ("red", "crescent"),
        ("goldman", "sachs"),
        ("morgan", "stanley"),
        ("jp", "morgan"),
        ("merrill", "lynch"),
        ("credit", "suisse"),
        ("wells", "fargo"),
        ("rights", "watch"),
    }
)
# "Sport England", "Historic England", "Police Scotland": a national body.
_NATIONS = word_set("england scotland wales ireland britain")
_AND_GAP = re.compile(r"[ \u00a0]+and[ \u00a0]+")
# Joint bodies named "Calderdale and Huddersfield NHS Foundation Trust".
_JOINT_BODY_SUFFIXES = word_set("trust partnership alliance authority board")
# Sentence adverbs that open a sentence and sit before a name ("Tragically Emily").
_ADVERB_ENDINGS = (
    "ally", "ably", "ibly", "ently", "antly", "ously", "ively", "ingly", "edly", "fully",
    "lessly", "ately",
)  # fmt: skip
_OPENING_ADVERBS = word_set(
    "sadly happily luckily clearly frankly surely simply oddly only nearly finally hopefully"
    " notably earlier later instead overall"
)
_GENERIC_REFERENCE = re.compile(
    # "[Tt](?<!\w.)" is "\b[Tt]": the engine looks only where a "t" is.
    r"[Tt](?<!\w.)he[ \u00a0]+"
    r"(council|Council|union|trust|university|company|firm|charity|hospital)\b"
    r"(?![ \u00a0]+(?:[A-Z]|tax\b|house|estate|housing|elections?\b))"  # "the council tax"
)
# "the firm" is the article's only company; "the council" its only council.
_GENERIC_NOUN_HEADS = {
    "council": frozenset({"council"}),
    "union": frozenset({"union"}),
    "trust": frozenset({"trust"}),
    "university": frozenset({"university"}),
    "charity": frozenset({"charity"}),
    "hospital": frozenset({"hospital", "infirmary"}),
    "company": _COMPANY_SUFFIXES,
    "firm": _COMPANY_SUFFIXES,
}
_APPOSITIVE = re.compile(r",[ \u00a0]+([^,;:()“”\"\n]{2,160}?)(?=[,;)]|\.(?:\s|$)|$)")
_APPOSITIVE_REJECT = re.compile(
    r"^(?:who|which|whose|where|and|but|or|said|says|added|adds|\d"
    r"|(?:has|have|had|is|was|were|will|would|can|could|should|did|does|do|may|might|must)\b)",
    re.IGNORECASE,
)
# Asides between a name and its role: an age (", 45,", ", aged 45,") or a home
# town (", of Dearborn,").
_PASSING_APPOSITIVE = re.compile(
    r"^(?:(?:aged[ \u00a0]+)?\d{1,3}"
    r"|(?:of|from)[ \u00a0]+[A-Z][\w’'\-]*(?:[ \u00a0]+[A-Z][\w’'\-]*)*)$"
)
# "who chairs Beeston Residents’ Association": a job told by its verb.
_WHO_ROLE = re.compile(
    r"^who[ \u00a0]+((?:chairs|leads|heads|runs|represents|manages|directs|owns|delivers"
    r"|coaches|teaches|oversees|advises|edits|presents|captains|trains|organises|organizes"
    r"|founded|co-founded|chaired|led|headed|ran|represented|managed|owned|works|worked"
    r"|serves|served|follows|covers|tracks|speaks|studies|analyzes|analyses|moderated"
    r"|moderates|hosts|hosted|anchors)\b.*)$"
)
# After the name in "His agent, Victor Lindqvist of Summit Sports Management, said".
_OF_BODY_AFTER = re.compile(r"[ \u00a0]+(?:of|from|at)[ \u00a0]+[A-Z][^,.;:“”\"]{0,80},")
_MAX_APPOSITIVE_WORDS = 14
# The phrase between the sentence start (or a comma) and ", Name".
_LEADING_ROLE = re.compile(r"(?:^|(?<=[.!?,:;”\"]\s))([^.!?,:;“”\"]{2,100}?),[ \u00a0]+$")
_POST_NOMINALS_AFTER = re.compile(
    r"(?:[ \u00a0]+(?:MP|MEP|MSP|MLA|QC|KC|OBE|MBE|CBE|Jr|Jnr|Sr|Snr|PhD)\b\.?)*"
)
_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Z]\w*)")
_SPEECH_AFTER_NAME = re.compile(
    r"[ \u00a0]+(?:said|says|told|added|adds|insisted|warned|wrote|explained)\b"
)
# What people do in sport and wire reports, straight after their name: a club
# or a building does none of it.
_DEEDS_AFTER_NAME = re.compile(
    r"[ \u00a0]+(?:scored|scores|netted|headed|struck|shot|carded|fired|hit|hits|saved|served"
    r"|bowled|batted|took|won|wins|beat|beats|lost|loses|finished|clinched|claimed|retired"
    r"|resigned|died|was[ \u00a0]+born|replaced|joined|signed|defeated|edged|outpointed"
    r"|knocked|tested|appeared|pleaded|denied|admitted|married)\b"
)


# Not frozen, though never changed: a frozen dataclass sets each field
# through object.__setattr__, and a _Word is made for every capitalised word
# of every article (hashed as a frozen one would be).
@dataclass(slots=True, unsafe_hash=True)
class _Word:
    text: str  # without a possessive 's
    key: str  # the text casefolded, for the word lists (kept: it is asked for often)
    start: int
    end: int
    possessive: bool
    dotted: bool = False  # a full stop follows ("J." of "J.B. Pritzker", "Gov.")
    located: bool = False  # "Houston" of "Houston-based": a place, and the end of a name

    @property
    def base(self) -> str:
        """The word without a clitic ("There’s" -> "there"), for the stop list."""
        text = self.text
        if "’" not in text and "'" not in text:
            return self.key  # no clitic: most words
        return _CLITIC.sub("", text).casefold()

    @property
    def initial(self) -> bool:
        """A single capital with its full stop: part of a name, not a word."""
        return self.dotted and len(self.text) == 1


@dataclass(slots=True)
class _Candidate:
    """A name found in one place, waiting for the article-wide decision."""

    paragraph: int
    start: int  # of the mention, honorific included
    end: int
    words: tuple[str, ...]  # the name, honorific excluded
    kind: EntityKind | None  # None: a single word decided by evidence elsewhere
    initial: bool = False  # starts a sentence, so capitalisation proves nothing
    title: str | None = None  # a title honorific, as written
    honorific: str | None = None  # any honorific, as written ("Mrs", "Dr.")
    # Looks like a person but nothing here says so: one only if another
    # mention does ("Mrs Bashir", "Okafor said").
    tentative: bool = False
    tabled: bool = False  # found in a table or a line of results
    acronym: bool = False  # letters the lists do not know

    @property
    def key(self) -> str:
        return " ".join(self.words).casefold()

    @property
    def mention(self) -> Mention:
        return Mention(self.paragraph, self.start, self.end)


@dataclass(slots=True)
class _Evidence:
    """What the whole article says about single words."""

    text: ArticleText
    places: set[str]
    orgs: set[str]
    # Names placed by "in", "near", "across" ...: a place the article itself
    # says is one (not "of" or "from", which name companies as often).
    located: set[str] = field(default_factory=set)
    # Single names that act as a sentence's subject ("Barrick has teamed up",
    # "Chrysler said"): an organisation, unless a person's surname claims them.
    acting: set[str] = field(default_factory=set)

    def written_lowercase(self, word: str) -> bool:
        """Whether the article writes this word in lowercase somewhere: a
        capitalised run made only of such words is ordinary text ("Social
        workers"), not a name."""
        return self.text.written_lowercase(word)


_Found = tuple[list[Entity], list[Entity], list[Entity]]


def find_entities(paragraphs: Sequence[str] | ArticleText) -> _Found:
    """People, organisations and places, each sorted by first mention."""
    text = ArticleText.of(paragraphs)
    text.recase(known_case)
    return _find_entities(text)


def known_case(word: str) -> str | None:
    """How a word in capitals is written, if the lexicons know it as a name:
    "JAPAN" is "Japan", "NATO" stays "NATO"; None for a word they do not know."""
    key = word.casefold()
    if key in _KNOWN_ORGS or key in _PLACE_ACRONYMS:
        return word if len(word) <= 5 else word.title()
    # Not the gazetteer's cities: too many share a word's spelling ("SURPRISE"
    # is a city in Arizona); a city in a headline is nearly always in the text.
    if (
        key in GIVEN_NAMES
        or key in _KNOWN_PLACES
        or key in _DEMONYMS
        or key.endswith("shire")
        or place_kind(key) in (COUNTRY, REGION)
    ):
        return word.title()
    return None


def _find_entities(text: ArticleText) -> _Found:
    paragraphs = text.cased
    evidence = _Evidence(text, places=set(), orgs=set())
    candidates: list[_Candidate] = []
    for paragraph in text.paragraphs:
        if paragraph.table and paragraph.dateline is None:
            candidates.extend(_table_candidates(paragraph.index, paragraph.cased, evidence))
        else:
            candidates.extend(_paragraph_candidates(paragraph, evidence))
    _as_in_tables(candidates)
    if _is_sports_report(text):
        _teams(candidates, paragraphs, evidence)
    _company_short_names(candidates, evidence)
    _confirm_tentative_people(candidates, paragraphs)
    people = _people(candidates, paragraphs)
    _resolve_singles(candidates, evidence)
    organizations = _named_entities(candidates, "organization")
    organizations = _with_generic_references(organizations, paragraphs)
    places = _named_entities(candidates, "place")
    return people, organizations, places


# --- pass 1: candidates in one paragraph -------------------------------------


def _capitalised_words(paragraph: str, start: int = 0) -> list[_Word]:
    words: list[_Word] = []
    append = words.append
    for match in _CAPITALISED_WORD.finditer(paragraph, start):
        text = match.group()
        if not text[0].isupper():
            continue
        start, end = match.span()
        possessive = len(text) > 2 and text[-2] in "’'" and text[-1] in "sS"
        if possessive:
            text, end = text[:-2], end - 2
        located = False
        if "-" in text and (found := _LOCATED.search(text)):
            located = True
            text, end = text[: found.start()], start + found.start()
            if not text:
                continue
        dotted = paragraph.startswith(".", end)
        append(_Word(text, text.casefold(), start, end, possessive, dotted, located))
    return words


def _capitalised_runs(paragraph: str, start: int = 0) -> list[list[_Word]]:
    """Maximal runs of capitalised words separated only by spaces (or by
    what may stand inside one name, see _joined_by), from `start` on."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for word in _capitalised_words(paragraph, start):
        # Anything else between two capitalised words (a lowercase word, a
        # comma) ends the run.
        if current and not _joined_by(paragraph, current[-1], word):
            runs.append(current)
            current = []
        current.append(word)
    if current:
        runs.append(current)
    return runs


def _joined_by(paragraph: str, previous: _Word, word: _Word) -> bool:
    start, end = previous.end, word.start
    if previous.located:
        return False
    if previous.possessive or (
        previous.text.endswith("s") and _PLURAL_POSSESSIVE_GAP.fullmatch(paragraph, start, end)
    ):
        # "Auditor's Office", "Supporters’ Trust" name a body; "Holmes's view"
        # ends a name, and so does a place's ("Indiana's Senate race").
        return (
            word.key in _ORG_SUFFIXES
            and not _is_known_place(previous.key)
            and bool(
                _PLURAL_POSSESSIVE_GAP.fullmatch(paragraph, start + 2 * previous.possessive, end)
                or (previous.possessive and _only_spaces(paragraph, start + 2, end))
            )
        )
    if _only_spaces(paragraph, start, end):
        return True
    if end - start > 12:
        return False
    if previous.dotted and (len(previous.text) == 1 or previous.key in _DOTTED_PREFIXES):
        return bool(_INITIAL_GAP.fullmatch(paragraph, start, end))
    if paragraph.find("&", start, end) >= 0:
        return bool(_AMPERSAND_GAP.fullmatch(paragraph, start, end))
    return _is_name_word(previous) and bool(_PARTICLE_GAP.fullmatch(paragraph, start, end))


def _only_spaces(text: str, start: int, end: int) -> bool:
    return start < end and all(ch in _SPACES for ch in text[start:end])


def _starts_sentence(paragraph: str, start: int) -> bool:
    """Whether capitalisation at `start` is forced by the start of a sentence
    or of a quotation, so proves nothing about a name."""
    before = paragraph[max(0, start - _LOOKBACK) : start].rstrip()
    unquoted = before.rstrip(_OPENING_QUOTES + "([")
    if not unquoted:
        return True
    return unquoted[-1] in _SENTENCE_ENDS or len(unquoted) < len(before)


def _word_before(paragraph: str, start: int) -> str:
    """The word before the spaces before `start`, within `_LOOKBACK`
    characters, casefolded: what a search for a run of word characters, then
    spaces, then the end ("$") finds there, read from the end rather than
    tried at each of those offsets."""
    floor = max(0, start - _LOOKBACK)
    # "$" is also before a line break that ends the text.
    end = start - 1 if start > floor and paragraph[start - 1] == "\n" else start
    word_end = end
    while word_end > floor and paragraph[word_end - 1] in " \u00a0":
        word_end -= 1
    if word_end == end:
        return ""
    word_start = word_end
    while word_start > floor and _is_word_character(paragraph[word_start - 1]):
        word_start -= 1
    return paragraph[word_start:word_end].casefold()


def _is_word_character(character: str) -> bool:
    """Whether "\\w" matches the character."""
    return character.isalnum() or character == "_"


def _split_run(run: list[_Word]) -> list[list[_Word]]:
    """Break a run at words that cannot be inside a name."""
    if not _HOLIDAY_WORDS.isdisjoint([word.key for word in run]):
        return []
    pieces: list[list[_Word]] = []
    current: list[_Word] = []
    for word in run:
        key = word.key
        is_date = (
            key in _WEEKDAYS
            or (word.dotted and key in _MONTH_ABBREVIATIONS)  # "from Oct. 7"
            or (
                key in _MONTHS
                and not (key in _NAME_MONTHS and current and _is_name_word(current[-1]))
            )
        )
        # "US", "WHO": an acronym the lists know is a name, not "us" or "who".
        stop = (
            word.base in _STOP_WORDS
            and not word.initial  # "A. Shah"
            and not (word.text.isupper() and (key in _KNOWN_ORGS or key in _PLACE_ACRONYMS))
            # "Kim Do Hoon": a given name, after a family name, though "do" is a verb.
            and not (len(current) == 1 and current[0].key in _EAST_ASIAN_SURNAMES)
        )
        if stop or is_date or (len(word.text) == 1 and not word.initial):
            if current:
                pieces.append(current)
            current = []
            continue
        current.append(word)
    if current:
        pieces.append(current)
    # A longer run is a title-case heading or junk, and would cost quadratic time.
    return [piece for piece in pieces if len(piece) <= _MAX_NAME_WORDS]


def _is_name_word(word: _Word) -> bool:
    text = word.text
    if word.initial:
        return text.isupper()
    # Capitalised, not all capitals, no digits ("Holmes", not "IT" or "A644").
    return text[:1].isupper() and text != text.upper() and not _DIGIT.search(text)


def _is_acronym(word: _Word) -> bool:
    return len(word.text) >= 2 and word.text.isalpha() and word.text.isupper()


def _paragraph_candidates(text: ParagraphText, evidence: _Evidence) -> list[_Candidate]:
    index, paragraph = text.index, text.cased
    pieces: list[list[_Word]] = []
    dateline: list[_Candidate] = []
    after_dateline = 0
    if text.dateline is not None:
        dateline, after_dateline = _dateline_places(index, paragraph, text.dateline)
    for run in _capitalised_runs(paragraph, after_dateline):
        for piece in _split_run(run):
            # "Illinois Gov. J.B. Pritzker": the title belongs to the name after it.
            if len(piece) > 1 and piece[-1].dotted and piece[-1].key in _HONORIFICS:
                piece = piece[:-1]
            # "a Florida Democrat": the place, not a party member's name.
            while len(piece) > 1 and piece[-1].key in _DEMONYMS:
                piece = piece[:-1]
            # "SpaceX Falcon 9": the maker, not the product.
            if _NUMBER_AFTER.match(paragraph, piece[-1].end) and not _is_known_org(piece[-1]):
                piece = piece[:-1]
            if piece:
                pieces.append(piece)
    pieces = _join_connected(pieces, paragraph)
    candidates = dateline + _roads(text) + _us_states(index, paragraph, evidence)
    for piece in pieces:
        if all(word.initial for word in piece):
            candidates.extend(_dotted_acronym(index, paragraph, piece))
        else:
            candidates.extend(_piece_candidates(index, paragraph, piece, evidence))
    return candidates


def _dateline_places(
    index: int, paragraph: str, dateline: tuple[tuple[int, int], tuple[int, int] | None]
) -> tuple[list[_Candidate], int]:
    """ "GLASGOW 1996-12-07", "AL-AIN, United Arab Emirates 1996-12-06",
    "LONDON (Reuters) -": the place the story was filed from, and the region
    or country after it ("Orlando, Fla." gives Florida). Returns the places
    and where the rest of the paragraph starts."""
    found = []
    end = 0
    for span in dateline:
        if span is None:
            continue
        start, end = span
        words = paragraph[start:end].split()
        state = _US_STATE_ABBREVIATIONS.get(paragraph[start:end].casefold().rstrip("."))
        if state is not None:
            words = state.split()
        found.append(_Candidate(index, start, end, tuple(words), "place"))
    return found, end


# Names that stand in tables for what they count, not for anyone.
_TABLE_WORDS = word_set(
    """
    total totals extras extra fall bowling batting scorers scorer standings results result
    attendance halftime half-time played won lost drawn draw points goals pts pos team teams
    record rank ranking round group pool leg aggregate final finals semifinal semifinals
    quarterfinal quarterfinals singles doubles men women men's women's mixed division
    """
)
# Cricket: "c Islam b Hossain", "st Flower b Strang", "lbw b Rahman".
_DISMISSAL_BEFORE = re.compile(r"(?:^|[ \u00a0])(?:c|b|st|c&b|lbw[ \u00a0]+b)[ \u00a0]+$")
_DISMISSAL_AFTER = re.compile(
    r"[ \u00a0]+(?:c|b|st|c&b|lbw|run[ \u00a0]+out|not[ \u00a0]+out|retired|hit[ \u00a0]+wicket)\b"
)


def _table_candidates(index: int, paragraph: str, evidence: _Evidence) -> list[_Candidate]:
    """Names in a table or a line of results ("Arminia Bielefeld 16 4 4 8 18
    28 16", "Feyenoord 2 Vitesse Arnhem 1", "K. Odhiambo c Islam b Hossain
    45"). A number beside a name is what a table is made of, so it cuts no
    name short; what each name is follows from its shape: initials or a given
    name make a player, a country in brackets the player's country, a country
    alone a national team (a place), a surname after a dismissal a cricketer,
    and any other name a club or team."""
    candidates = []
    for run in _capitalised_runs(paragraph):
        for piece in _split_run(run):
            if all(w.key in _TABLE_WORDS or evidence.written_lowercase(w.key) for w in piece):
                continue
            if all(word.initial for word in piece):  # "(U.S.)"
                candidates.extend(_dotted_acronym(index, paragraph, piece))
                continue
            kind = _table_kind(piece, paragraph)
            if kind is None:
                continue
            words = tuple(paragraph[piece[0].start : piece[-1].end].split())
            candidate = _Candidate(index, piece[0].start, piece[-1].end, words, kind)
            candidate.tabled = True
            candidates.append(candidate)
    return candidates


def _as_in_tables(candidates: list[_Candidate]) -> None:
    """A name a table calls a club or a player is one in the prose too: in a
    report of Dutch football, "Utrecht were held at home" is the club, though
    Utrecht is also a city."""
    tabled = {c.key: c.kind for c in candidates if c.tabled and c.kind != "place"}
    if not tabled:
        return
    for candidate in candidates:
        kind = tabled.get(candidate.key)
        if kind is not None and not candidate.tabled and candidate.kind in (None, "place"):
            candidate.kind = kind
            candidate.tentative = False


def _table_kind(piece: list[_Word], paragraph: str) -> EntityKind | None:
    start, end = piece[0].start, piece[-1].end
    name = " ".join(word.key for word in piece)
    bracketed = paragraph[start - 1 : start] == "(" and paragraph[end : end + 1] == ")"
    # A country, not a region or a town: "Utrecht" in a table is the club.
    country = place_kind(name) == COUNTRY or name in _NATIONS
    if bracketed:
        # A player's country: "(Croatia)", "(Trinidad)"; not "(Reuters)".
        known_org = any(_is_known_org(word) for word in piece)
        return "place" if not known_org and len(piece) <= 3 else None
    if len(piece) > 1 and (piece[0].initial or piece[0].key in GIVEN_NAMES):
        return "person"
    if (
        _BRACKETED_AFTER.match(paragraph, end)
        or _DISMISSAL_BEFORE.search(paragraph, max(0, start - 8), start)
        or _DISMISSAL_AFTER.match(paragraph, end)
    ):
        # "Goran Ivanisevic (Croatia)", "Kampman (19th)", "c Islam b Hossain",
        # "Sachin Tendulkar c Healy"
        return "person"
    if country:
        return "place"
    if len(piece) == 1 and piece[0].initial:
        return None
    return "organization"


# A country ("(Croatia)", "(Russia, 3)") or the minutes of goals ("(19th, 38th)")
# in brackets after a name: a player's.
_BRACKETED_AFTER = re.compile(r"[ \u00a0]*\((?:[A-Z]|\d{1,3}(?:st|nd|rd|th)\b)")


_US_STATE_AFTER_CITY = re.compile(
    r",[ \u00a0]+("
    + "|".join(
        re.escape(".".join(part.capitalize() for part in abbreviation.split("."))).replace(
            r"\.", r"\.[ \u00a0]?"
        )
        for abbreviation in sorted(_US_STATE_ABBREVIATIONS, key=len, reverse=True)
    )
    + r")\.(?=[\s,;:)]|$)"
)
# The city before ", Fla.": up to three capitalised words.
_CITY_BEFORE = re.compile(r"(?<![\w.])[A-Z][\w’'\-]*(?:[ \u00a0][A-Z][\w’'\-]*){0,2}$")


def _us_states(index: int, paragraph: str, evidence: _Evidence) -> list[_Candidate]:
    """ "Orlando, Fla.", "Lake Charles, La.": the state, under its name, and
    the city before it, now known to be a place."""
    found: list[_Candidate] = []
    if "," not in paragraph:
        return found
    for match in _US_STATE_AFTER_CITY.finditer(paragraph):
        city = _CITY_BEFORE.search(paragraph, max(0, match.start() - 60), match.start())
        state = _US_STATE_ABBREVIATIONS.get(match.group(1).casefold().replace(" ", ""))
        if city is None or state is None:
            continue
        evidence.located.add(city.group().casefold())
        evidence.places.add(city.group().casefold())
        end = match.end(1) + 1  # the full stop is the abbreviation's
        found.append(_Candidate(index, match.start(1), end, tuple(state.split()), "place"))
    return found


# Wire sport headlines open with the sport: "SOCCER - ", "TENNIS - ".
_SPORT_HEADLINE = re.compile(
    r"(?:SOCCER|FOOTBALL|CRICKET|TENNIS|RUGBY(?: UNION| LEAGUE)?|BASKETBALL|BASEBALL|GOLF"
    r"|ATHLETICS|CYCLING|(?:ICE )?HOCKEY|NHL|NBA|NFL|BOXING|MOTOR RACING|MOTORCYCLING"
    r"|SKIING|SWIMMING|HANDBALL|VOLLEYBALL|SNOOKER|HORSE RACING|SPORT|SPORTS)\b[^-–—:]{0,40}[-–—:]"
)
# A team by what it does or has done to it: "Groningen held them", "lost to Utrecht".
_TEAM_BEFORE = re.compile(
    r"\b(?:beat|beats|beaten|against|over|by|v|vs|versus|drew[ \u00a0]+with|draw[ \u00a0]+with"
    r"|lost[ \u00a0]+to|loss[ \u00a0]+to|host|hosts|hosted|face|faces|faced|meet|meets|met"
    r"|visit|visits|visited|from|joined|join|joins|for|at|leaders|champions|holders)"
    r"[ \u00a0]+$",
    re.IGNORECASE,
)
_TEAM_AFTER = re.compile(
    r"[ \u00a0]+(?:beat|drew|lost|won|win|held|hold|trail|trailed|lead|led|thrashed|defeated"
    r"|routed|edged|crushed|overcame|scored|moved|climbed|slipped|stayed|remain|remained"
    r"|faced|host|hosted|visit|visited|play|played|go|went|are|were|have|had)\b"
)


def _is_sports_report(text: ArticleText) -> bool:
    """A sport story: a wire sport headline, or tables of results."""
    opening = text.paragraphs[:2]
    return any(_SPORT_HEADLINE.match(p.text) for p in opening) or (
        sum(p.table for p in text.paragraphs) >= 2
    )


def _teams(candidates: list[_Candidate], paragraphs: Sequence[str], evidence: _Evidence) -> None:
    """In a sport story, a name that beats, draws or is beaten is a team: an
    organisation ("Groningen", "Rosenborg"), even where it is also a town;
    a country's team keeps the country's name, a place. A name the story
    also places something in ("in Nairobi") is the town."""
    teams: set[str] = set()
    # Players score and win too: not a person's name, nor one waiting to be.
    named = {c.words[-1].casefold() for c in candidates if c.kind == "person" or c.tentative}
    for c in candidates:
        if (
            c.kind not in (None, "place")
            or c.tabled
            or c.tentative
            or len(c.words) > 2
            or c.key in named
            or c.key in GIVEN_NAMES
        ):
            continue
        paragraph = paragraphs[c.paragraph]
        if _TEAM_AFTER.match(paragraph, c.end) or _TEAM_BEFORE.search(
            paragraph, max(0, c.start - 20), c.start
        ):
            teams.add(c.key)
    teams -= evidence.located
    teams = {key for key in teams if place_kind(key) != COUNTRY and key not in _NATIONS}
    for c in candidates:
        if c.key in teams and c.kind in (None, "place") and not c.tabled:
            c.kind = "organization"
            c.tentative = False


def _roads(text: ParagraphText) -> list[_Candidate]:
    paragraph = text.cased
    matches: Iterable[re.Match[str]]
    if paragraph is text.text:
        # A road begins a run of ASCII letters with a capital ("Route 66",
        # "I-40", "A644"): tried only there, found in the text layer's index.
        starts = [at for at in text.starts_of(_ROAD_FIRST) if paragraph[at] <= "Z"]
        matches = matches_at(_ROAD, paragraph, starts)
    else:  # recased: its letters may not be the index's
        matches = _ROAD.finditer(paragraph)
    return [
        _Candidate(text.index, match.start(), match.end(), tuple(match.group().split()), "place")
        for match in matches
    ]


def _dotted_acronym(index: int, paragraph: str, piece: list[_Word]) -> list[_Candidate]:
    """ "U.S.", "U.K.", "U.N.": known ones only, as "US" would be."""
    key = "".join(word.text for word in piece).casefold()
    kind: EntityKind
    if key in _PLACE_ACRONYMS:
        kind = "place"
    elif key in _KNOWN_ORGS:
        kind = "organization"
    else:
        return []
    end = piece[-1].end + 1  # the last full stop is part of the name
    return [_Candidate(index, piece[0].start, end, (paragraph[piece[0].start : end],), kind)]


def _join_connected(pieces: list[list[_Word]], paragraph: str) -> list[list[_Word]]:
    """Join the pieces of one name that small words or marks keep apart:
    "University" + "of" + "Leeds"; "Calderdale" + "and" + "Huddersfield NHS
    Foundation Trust"; "Indonesian Mines" + "and" + "Energy Ministry"; "Korea
    Iron" + "and" + "Steel Association"; "Ministry of Trade" + ", Industry"
    + "and Energy"; "Kidder" + ", " + "Peabody & Co"."""
    joined: list[list[_Word]] = []
    listing = 0  # how far a "Ministry of Trade, Industry and Energy" reaches
    for piece in pieces:
        if not joined or len(joined[-1]) + len(piece) > _MAX_NAME_WORDS:
            joined.append(piece)
            continue
        head = joined[-1]
        last = head[-1]
        gap = paragraph[last.end : piece[0].start]
        if piece[-1].end <= listing:
            joined[-1] = head + piece
        elif (
            last.key in _ORG_HEADS_WITH_OF
            and not last.possessive
            and _CONNECTOR.fullmatch(gap)
            and not _body_of_a_town(head, piece)
        ):
            joined[-1] = head + piece
            remit = _REMIT_LIST.match(paragraph, piece[-1].end)
            listing = remit.end() if remit and len(piece) == 1 else 0
        elif (len(head) <= 3 and _AND_GAP.fullmatch(gap) and _joins_body(head, piece)) or (
            len(head) == 1
            and gap.strip() == ","
            and "&" in paragraph[piece[0].start : piece[-1].end]
            and piece[-1].key in _COMPANY_SUFFIXES
        ):
            joined[-1] = head + piece  # ... and "Kidder, Peabody & Co"
        else:
            joined.append(piece)
    return joined


# ", Industry and Energy" after "Ministry of Trade": one ministry's remits.
_REMIT_LIST = re.compile(r"(?:,[ \u00a0]+[A-Z][\w’'\-]*)+,?[ \u00a0]+and[ \u00a0]+[A-Z][\w’'\-]*\b")


def _body_of_a_town(head: list[_Word], piece: list[_Word]) -> bool:
    """ "Ohio Valley Savings Bank of Evansville": a long name, then the town it
    is in, which is a place of its own (not "Bank of England")."""
    return len(head) >= 3 and len(piece) == 1 and _is_town(piece[0].key)


def _joins_body(head: list[_Word], body: list[_Word]) -> bool:
    """Whether "Head and Body..." is one organisation: a joint body ("Calderdale
    and Huddersfield NHS Foundation Trust"), one named by its remits ("Homes
    and Communities Agency", "Indonesian Mines and Energy Ministry") or its
    trades ("Korea Iron and Steel Association", "Tianjin Jinhai Iron and
    Steel"); not two bodies ("Unison and Kirklees Council", "Chrysler and Ford
    Motor Co")."""
    first = head[0]
    last = body[-1].key
    if head[-1].key in _TRADE_WORDS and body[0].key in _TRADE_WORDS and len(body) <= 2:
        return not (len(body) == 2 and last in _COMPANY_SUFFIXES)
    if (
        len(body) < 2
        or last not in _ORG_SUFFIXES
        or last in _COMPANY_SUFFIXES
        or not all(_is_name_word(word) for word in head)
        or any(word.key in GIVEN_NAMES or word.key in _KNOWN_ORGS for word in head)
    ):
        return False
    if len(body) >= 3 and last in _JOINT_BODY_SUFFIXES and _plain_name_word(first):
        return True
    # Not "Tesco and Leeds City Council": neither side may be a place or a person.
    return (
        not any(word.key in _KNOWN_PLACES for word in head)
        and body[0].key not in _KNOWN_PLACES
        and body[0].key not in GIVEN_NAMES
    )


def _piece_candidates(
    index: int, paragraph: str, piece: list[_Word], evidence: _Evidence
) -> list[_Candidate]:
    """Classify one run of name words, splitting off honorifics and titles."""
    if len(piece) > 1 and (
        _is_glued_opener(piece, paragraph, evidence) or piece[0].key in _NATIONALITY_NOUNS
    ):
        piece = piece[1:]  # "Tragically Emily", "unseeded Swede Thomas Lindgren"
    elif len(piece) > 2 and _is_trade_opener(piece[0], paragraph):
        piece = piece[1:]  # "Chipmaker Arlo Semiconductor": _ORG_NOUN_BEFORE now says org
    mention_start = piece[0].start
    while len(piece) > 1 and piece[-1].key in _POST_NOMINALS:
        piece = piece[:-1]
    while len(piece) > 1 and piece[0].key in _HONORIFICS:
        piece = piece[1:]
    if piece[0].key in _HONORIFICS:
        return []  # "Clr" alone
    dotted = _honorific_before(paragraph, mention_start)
    if dotted and mention_start == piece[0].start:  # "Mr. Holmes"
        mention_start = dotted.start(1)
    # As written, for the role: "Cllr", "Det Supt", "Sen.".
    honorific = paragraph[mention_start : piece[0].start].strip() or None

    titled = _split_title(piece)
    if titled is None and honorific is None:
        titled = _split_person_tail(piece)
    if titled is not None:
        prefix, piece = titled
        candidates = _piece_candidates(index, paragraph, prefix, evidence) if prefix else []
        candidates.append(_person(index, mention_start if honorific else piece[0].start, piece))
        if honorific and _is_title(honorific):
            candidates[-1].title = honorific
        return candidates

    known_at_end = len(piece) > 1 and _is_known_org(piece[-1]) and not _has_org_suffix(piece)
    if known_at_end:  # "Kirklees Unison": a place and an organisation
        head = _piece_candidates(index, paragraph, piece[:-1], evidence)
        return [*head, *_piece_candidates(index, paragraph, piece[-1:], evidence)]

    initial = honorific is None and _starts_sentence(paragraph, piece[0].start)
    candidate = _Candidate(
        paragraph=index,
        start=mention_start if honorific else piece[0].start,
        end=piece[-1].end,
        # From the text, so "University of Leeds" keeps its "of".
        words=tuple(paragraph[piece[0].start : piece[-1].end].split()),
        kind=None,
        initial=initial,
        title=honorific if _is_title(honorific) else None,
        honorific=honorific,
    )
    if honorific:
        candidate.kind = "person"
        return [candidate]
    body = _BODY_AFTER_PLACE.match(paragraph, piece[-1].end)
    if body and not piece[-1].possessive and not _has_org_suffix(piece):
        return [_public_body(candidate, body, evidence)]
    campaign = _CAMPAIGN_AFTER.match(paragraph, piece[-1].end)
    if campaign and _word_before(paragraph, piece[0].start) == "the" and len(piece) <= 2:
        # "the Trump campaign": the organisation that runs for him.
        candidate.words = (*candidate.words, campaign.group(1))
        candidate.end = campaign.end(1)
        candidate.kind = "organization"
        return [candidate]
    if _named_after_org_noun(piece, paragraph):
        candidate.kind = "organization"  # "the German club Fortuna Rheinau"
        return [candidate]
    if len(piece) == 1:
        return _single_word(candidate, piece[0], paragraph, evidence)
    return _multi_word(candidate, piece, paragraph, evidence)


def _honorific_before(paragraph: str, start: int) -> re.Match[str] | None:
    """What _HONORIFIC_BEFORE finds in the 8 characters before `start`,
    searched for only when they end in a full stop and spaces, as it needs."""
    floor = max(0, start - 8)
    window = paragraph[floor:start]
    unspaced = window.rstrip()
    if len(unspaced) == len(window) or not unspaced.endswith("."):
        return None
    return _HONORIFIC_BEFORE.search(paragraph, floor, start)


def _is_trade_opener(word: _Word, paragraph: str) -> bool:
    """A trade opening a sentence before a company's name ("Chipmaker",
    "Insurer"); not "Union" or "Bank", which begin names ("Union Pacific")."""
    return word.key in _TRADES and _starts_sentence(paragraph, word.start)


def _named_after_org_noun(piece: list[_Word], paragraph: str) -> bool:
    start = piece[0].start
    return (
        not (len(piece) > 1 and piece[0].key in GIVEN_NAMES)
        and not (len(piece) == 1 and piece[0].key in _KNOWN_PLACES)
        and _may_end_with_org_noun(paragraph, start)
        and bool(_ORG_NOUN_BEFORE.search(paragraph, max(0, start - 40), start))
    )


def _may_end_with_org_noun(paragraph: str, start: int) -> bool:
    """Whether the text before `start` has spaces at its end (or before a
    line break there, as "$" allows) and before them a letter that ends one
    of _ORG_NOUNS: what _ORG_NOUN_BEFORE needs, found from the end, so that
    its search, tried at each of forty offsets, runs only when it may match."""
    floor = max(0, start - 40)
    end = start - 1 if start > floor and paragraph[start - 1] == "\n" else start
    letter = end
    while letter > floor and paragraph[letter - 1] in " \u00a0":
        letter -= 1
    return floor < letter < end and _ORG_NOUN_LAST_LETTER.match(paragraph, letter - 1) is not None


def _is_glued_opener(piece: list[_Word], paragraph: str, evidence: _Evidence) -> bool:
    """A sentence's first word written against a name: an adverb ("Tragically
    Emily"), or a participle or ordinary word before a given name or a title
    ("Speaking Mr Holmes", "Yesterday Jane Smith")."""
    first = piece[0]
    key = first.key
    if key in GIVEN_NAMES or not _starts_sentence(paragraph, first.start):
        return False
    if key in _OPENING_ADVERBS or (len(key) > 5 and key.endswith(_ADVERB_ENDINGS)):
        return True
    # A compound adjective or a nationality before a name: "Debt-laden Daeho",
    # "High-flying Italy", "Off-spinner Maurice Karanja", "Swede Thomas Lindgren".
    if _COMPOUND_MODIFIER.fullmatch(first.text) or key in _NATIONALITY_NOUNS:
        return True
    # "Struggling Ajax", "Leading Feyenoord": a participle, not a place
    # ("Reading", "Ealing") or a name's first word.
    if len(key) > 6 and key.endswith("ing") and not _is_known_place(key):
        return True
    second = piece[1].key
    if not (second in GIVEN_NAMES or second in _HONORIFICS):
        return False
    return (len(key) > 4 and key.endswith(("ing", "ed"))) or evidence.written_lowercase(key)


# "Debt-laden", "Cash-rich", "War-ravaged": capitalised, then lower case after a hyphen.
_COMPOUND_MODIFIER = re.compile(r"[A-Z][a-z]+-[a-z][\w\-]*")
# Family names that come first in Korean, Chinese and Vietnamese names ("Kim
# Do Hoon", "Park Jae Sung", "Lim Choon Seng"): with one or two short given
# names after them, a person, though "Park" is also a place word and "Do" a verb.
_EAST_ASIAN_SURNAMES = word_set(
    """
    kim lee park choi jung chung jeong kang cho yoon yun jang chang lim im han oh seo shin
    kwon hwang ahn song yoo ryu hong jeon ko moon yang son bae baek paik heo nam roh noh
    wang li zhang liu chen zhao huang zhou wu xu sun zhu ma hu guo he lin luo zheng liang xie
    tang deng feng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su lu
    ding ren shen yao cui tan goh ng ong teo tay chua koh wong chan leung lam cheung ho tse
    nguyen tran pham phan vu vo dang bui do ngo duong ly
    """
)
# The last word of an event's or a prize's name, which is no person ("Flanders
# Indoor Open", "Asian Cup", "Tour de France").
_EVENT_WORDS = word_set(
    """
    cup open championship championships games olympics olympiad trophy prix tour series rally
    marathon classic masters grand slam shield plate bowl final finals tournament festival
    awards award prize medal war wars treaty agreement accord act bill summit conference
    congress convention day week year
    """
)
# Nouns for a person of a nation (never adjectives: not "American", which
# begins "American Red Cross").
_NATIONALITY_NOUNS = word_set(
    """
    swede swedes briton britons dane danes finn finns pole poles scot scots turk turks serb
    serbs croat croats dutchman dutchmen frenchman frenchmen englishman englishmen irishman
    irishmen welshman welshmen scotsman scotsmen spaniard spaniards
    """
)


def _is_known_place(key: str) -> bool:
    return key in _KNOWN_PLACES or place_kind(key) is not None


def _is_town(key: str) -> bool:
    """A city, as the last word of a club's name ("Ajax Amsterdam"); not a
    word that ends a body's name ("Union", "University") though some small
    town is called so."""
    return key not in _ORG_SUFFIXES and (key in _KNOWN_PLACES or place_kind(key) == CITY)


def _is_title(honorific: str | None) -> bool:
    return bool(honorific) and any(
        word.casefold() in _TITLE_HONORIFICS for word in _TOKEN.findall(honorific or "")
    )


def _split_title(piece: list[_Word]) -> tuple[list[_Word], list[_Word]] | None:
    """ "Home Secretary Amber Rudd" -> ([], [Amber, Rudd]); the title itself is
    read back as the role later. Returns None when there is no title."""
    for i in range(len(piece) - 2, -1, -1):
        name = piece[i + 1 :]
        if piece[i].key in ROLE_HEADS and len(name) <= 3 and _is_personal_name(name):
            prefix = piece[:i]
            while prefix and (prefix[-1].key in ROLE_HEADS or prefix[-1].key in ROLE_MODIFIERS):
                prefix = prefix[:-1]
            return prefix, name
    return None


def _split_person_tail(piece: list[_Word]) -> tuple[list[_Word], list[_Word]] | None:
    """ "(MP for) Huddersfield Barry Sheerman" -> ([Huddersfield], [Barry,
    Sheerman]): a given name inside a run starts a person named after a place
    or a body."""
    if len(piece) < 3 or piece[0].key in GIVEN_NAMES or piece[0].key in _PLACE_PREFIXES:
        return None
    for i in range(1, len(piece) - 1):
        name = piece[i:]
        if piece[i].key in GIVEN_NAMES:
            if len(name) <= 3 and _is_personal_name(name):
                return piece[:i], name
            return None
    return None


def _is_personal_name(name: list[_Word]) -> bool:
    """Words that can make up a person's name; after a given name, a surname
    may be a place word ("Anna Park", "Sarah Hall")."""
    given = name[0].key in GIVEN_NAMES
    return all(
        _is_name_word(word)
        and (_plain_name_word(word) or (given and i > 0 and word.key in _SURNAME_SUFFIXES))
        for i, word in enumerate(name)
    )


def _plain_name_word(word: _Word) -> bool:
    key = word.key
    return not (
        key in _ORG_SUFFIXES
        or key in _KNOWN_ORGS
        or key in _GENERIC_WORDS
        or key in _DEMONYMS
        or key in _PLACE_SUFFIXES
        or key in ROLE_HEADS
        or key in _HONORIFICS
    )


def _person(index: int, start: int, piece: list[_Word]) -> _Candidate:
    return _Candidate(index, start, piece[-1].end, tuple(w.text for w in piece), "person")


def _is_known_org(word: _Word) -> bool:
    return word.key in _KNOWN_ORGS


def _has_org_suffix(piece: list[_Word]) -> bool:
    """Ends in an organisation word, or is a head joined by "of"/"for"."""
    return piece[-1].key in _ORG_SUFFIXES or any(
        word.key in _ORG_HEADS_WITH_OF and following.start - word.end > 1
        for word, following in pairwise(piece)
    )


def _public_body(candidate: _Candidate, body: re.Match[str], evidence: _Evidence) -> _Candidate:
    """ "Kirklees council": the organisation, named with capitals; the place
    it is named after is now known to be a place."""
    evidence.places.add(candidate.key)
    suffix = " ".join(word.capitalize() for word in body.group(1).split())
    candidate.words = (*candidate.words, suffix)
    candidate.end = body.end(1)
    candidate.kind = "organization"
    return candidate


def _single_word(
    candidate: _Candidate, word: _Word, paragraph: str, evidence: _Evidence
) -> list[_Candidate]:
    key = word.key
    before = _word_before(paragraph, word.start)
    if _is_acronym(word):
        if key in _PLACE_ACRONYMS or key in _KNOWN_PLACES:  # "US", "TOKYO - "
            candidate.kind = "place"
        elif key in _KNOWN_ORGS:
            candidate.kind = "organization"
        elif (
            len(key) >= 3
            and key not in _COMMON_ACRONYMS
            and (before == "the" or _ORG_AFTER.match(paragraph, word.end))
        ):
            # "the DSCC", "the PKK", "KSTP anchor": an organisation the
            # article names by its letters ("IT systems", "the CEO" are not).
            candidate.kind = "organization"
        else:
            candidate.kind = None  # an organisation if spelled out ("NUT") or named so again
            candidate.acronym = True
        return [candidate]
    if _is_known_org(word) or key in _STANDALONE_ORGS:
        candidate.kind = "organization"
        return [candidate]
    if word.located:
        candidate.kind = "place"  # "Houston-based"
        return [candidate]
    if _CAMEL_CASE.search(word.text) and not _SURNAME_PREFIX.match(word.text):
        candidate.kind = "organization"  # "SpaceX", "GrocerGo": a brand, not a surname
        return [candidate]
    if key in _NEWS_WORDS and before == "the":
        candidate.kind = "organization"
        return [candidate]
    if (
        key in _GENERIC_WORDS
        or key in _DEMONYMS
        or key in _ORG_SUFFIXES  # "the Bureau", "the Department": generic alone
        or key in _PLACE_SUFFIXES
        or key in ROLE_HEADS
        or not _is_name_word(word)
    ):
        return []
    if key.endswith("shire"):
        candidate.kind = "place"
        return [candidate]
    if (key in _KNOWN_PLACES or place_kind(key) in _NAMED_PLACE_KINDS) and key not in GIVEN_NAMES:
        # Left open: a person's surname ("Denzel Washington") still claims it.
        evidence.places.add(key)
    elif (before in _PLACE_PREPOSITIONS and not candidate.initial) or (
        before == "and"
        and _PLACE_LIST_BEFORE.search(paragraph, max(0, word.start - 80), word.start)
    ):
        evidence.places.add(key)  # "in Kirklees", "in Harehills and Beeston"
        if before in _MULTI_WORD_PLACE_PREPOSITIONS:
            evidence.located.add(key)
    elif _ORG_AFTER.match(paragraph, word.end):
        evidence.orgs.add(key)
    elif (
        _ACTS_AFTER.match(paragraph, word.end)
        and not (key.endswith("s") and not key.endswith(("ss", "us")))  # "Analysts said"
        and not (candidate.initial and evidence.written_lowercase(key))
    ):
        evidence.acting.add(key)  # "Barrick has teamed up with ...": settled once people are
    return [candidate]


def _multi_word(
    candidate: _Candidate, piece: list[_Word], paragraph: str, evidence: _Evidence
) -> list[_Candidate]:
    keys = [word.key for word in piece]
    given = keys[0] in GIVEN_NAMES
    before = _word_before(paragraph, piece[0].start)
    if _named_like_a_place(piece, paragraph) or _east_asian_name(piece):
        candidate.kind = "person"  # "Sarah Hall", "Emma Church", "Park Jae Sung"
    elif (
        _has_org_suffix(piece)
        or any(_is_known_org(word) for word in piece)
        or tuple(keys[-2:]) in _KNOWN_ORG_ENDINGS
        or (keys[-1] in _NATIONS and keys[0] not in _PLACE_PREFIXES and not given)
        or paragraph.find("&", piece[0].end, piece[-1].start) >= 0  # "Brenner & Lowe"
    ):
        candidate.kind = "organization"
        evidence.places.update(_place_in_body_name(piece))
    elif (
        candidate.key in _KNOWN_PLACE_NAMES
        or (not given and place_kind(candidate.key) in _NAMED_PLACE_KINDS)
        or _looks_like_place(keys)
        or piece[-1].located
        or (keys[-1] == "city" and keys[0] not in _KNOWN_PLACES)  # "Elk City"
    ):
        candidate.kind = "place"
    elif keys[-1] in _CLUB_OR_PLACE or any(key in _ORG_SUFFIXES for key in keys):
        candidate.kind = "organization"  # "Huddersfield Town", "Police Scotland"
    elif not given and any(key in _ORG_WORDS for key in keys):
        candidate.kind = "organization"  # "Yorkshire Cancer Support"
    elif _ORG_AFTER.match(paragraph, piece[-1].end) and not given:
        candidate.kind = "organization"  # "the IG Metall union"
    elif not given and before in _MULTI_WORD_PLACE_PREPOSITIONS:
        candidate.kind = "place"
    elif _names_a_building(piece[-1], paragraph):
        return []
    elif before == "at" and given:
        candidate.kind = "organization"  # "an analyst at Morgan Stanley"
    elif before == "the":
        # Nobody is "the Charlotte Monarchs": a team, a band, a party.
        if not _looks_like_person(piece, paragraph, evidence):
            return []
        if not (len(keys[-1]) > 3 and keys[-1].endswith("s") and not keys[-1].endswith("ss")):
            return []
        candidate.kind = "organization"
    elif not given and keys[-1] in _TRADE_WORDS:
        candidate.kind = "organization"  # "Daeho Steel", "Kestrel Resources"
    elif keys[-1] in _EVENT_WORDS:
        return []  # "the Asian Cup", "Flanders Indoor Open": an event, none of the three
    elif not given and _BUSINESS_AFTER.match(paragraph, piece[-1].end):
        candidate.kind = "organization"  # "Bear Stearns reported", "Arga Mulia shares"
    elif not given and len(piece) == 2 and _is_town(keys[-1]):
        # "Vitesse Arnhem", "Twente Enschede": a club or a district, left to
        # what the rest of the article (a table, a suffix) says.
        candidate.kind = None
    elif _looks_like_person(piece, paragraph, evidence):
        candidate.kind = "person"
        # Without a given name the lists know, a name is a person's only on
        # evidence: what it does ("Alen Boksic scored", "said"), an age, a
        # role, or its surname used alone elsewhere ("Kampman (19th)"). Local
        # news is full of two-word names of buildings and schemes that look
        # just like people's.
        if not given and not _person_evidence(candidate, piece, paragraph):
            candidate.kind = None
            candidate.tentative = True
    else:
        return []
    return [candidate]


def _east_asian_name(piece: list[_Word]) -> bool:
    return (
        2 <= len(piece) <= 3
        and piece[0].key in _EAST_ASIAN_SURNAMES
        and all(
            len(word.text) <= 6 and word.text[:1].isupper() and not word.text.isupper()
            for word in piece[1:]
        )
        and not any(word.key in _ORG_SUFFIXES or word.key in _KNOWN_PLACES for word in piece)
        and not _is_place_name(" ".join(word.key for word in piece))  # "Hong Kong"
    )


def _is_place_name(key: str) -> bool:
    return key in _KNOWN_PLACE_NAMES or place_kind(key) in _NAMED_PLACE_KINDS


def _person_evidence(candidate: _Candidate, piece: list[_Word], paragraph: str) -> bool:
    """Whether the text around a name with no known given name says it is a
    person: "said" before or after it, an age, "who", or a job."""
    start, end = piece[0].start, piece[-1].end
    return bool(
        _SPEECH_AFTER_NAME.match(paragraph, end)
        or _DEEDS_AFTER_NAME.match(paragraph, end)
        or _PERSON_AFTER.match(paragraph, end)
        or _SPEECH_BEFORE.search(paragraph, max(0, start - 20), start)
        or _appositive_role(paragraph, candidate, {})
        or _leading_role(paragraph, candidate)
        or _premodifier_role(paragraph, start)
    )


def _named_like_a_place(piece: list[_Word], paragraph: str) -> bool:
    """A given name and a surname that is also a place word, not after "at"
    or "on" ("Sarah Hall said" but "at George Street")."""
    return (
        len(piece) == 2
        and piece[0].key in GIVEN_NAMES
        and piece[1].key in _SURNAME_SUFFIXES
        and _word_before(paragraph, piece[0].start) not in _PLACE_LEADS
    )


def _names_a_building(last: _Word, paragraph: str) -> bool:
    """ "the John Smith's Stadium" names a place, not John Smith."""
    following = _NEXT_WORD.match(paragraph, last.end + 2) if last.possessive else None
    return bool(following) and following.group(1).casefold() in _BUILDING_WORDS


def _looks_like_place(keys: list[str]) -> bool:
    return keys[-1] in _PLACE_SUFFIXES or keys[0] in _PLACE_PREFIXES or keys[-1].endswith("shire")


def _place_in_body_name(piece: list[_Word]) -> list[str]:
    """ "Kirklees Council" names its place: Kirklees."""
    if len(piece) == 2 and piece[-1].key in {"council", "police"} and _is_name_word(piece[0]):
        return [piece[0].key]
    return []


def _looks_like_person(piece: list[_Word], paragraph: str, evidence: _Evidence) -> bool:
    given = piece[0].key in GIVEN_NAMES  # "Christian Bruch" despite "Christian"
    if len(piece) > 4 or not all(
        _is_name_word(w) and (_plain_name_word(w) or (given and i == 0))
        for i, w in enumerate(piece)
    ):
        return False
    if given:
        return True
    # Not a city of the gazetteer: a first name may be one ("Kennedy").
    if piece[0].key in _KNOWN_PLACES or place_kind(piece[0].key) in (COUNTRY, REGION):
        return False  # "Yorkshire Water", "Texas Instruments"
    ordinary = all(evidence.written_lowercase(word.key) for word in piece)
    if not ordinary:
        return True
    # "Social Workers" is ordinary text unless the sentence treats it as a speaker.
    return bool(_SPEECH_AFTER_NAME.match(paragraph, piece[-1].end))


# --- pass 2: one entity per real-world thing ---------------------------------


_PersonKey = tuple[str, str]  # (first name, surname), casefolded


def _company_short_names(candidates: list[_Candidate], evidence: _Evidence) -> None:
    """ "Corvid", "Harbor Point" and "Dorrance" alone are "Corvid Aerospace",
    "Harbor Point Capital" and "Dorrance Chemical Corp.": a company's name
    without the words that say what it is or does; "Twente" and "Ajax" are
    "Twente Enschede" and "Ajax Amsterdam", clubs without their towns. Never
    a place's name ("Hong Kong" of "Hong Kong Telecom" stays a place)."""
    short: dict[str, tuple[str, ...]] = {}
    for candidate in candidates:
        words = candidate.words
        if candidate.kind == "organization" and len(words) > 1:
            size = len(words)
            while size > 1:
                last = words[size - 1].rstrip(".").casefold()
                if not (last in _TRADE_WORDS or _is_town(last)):
                    break
                if words[size - 2].casefold() in _ACRONYM_SKIPS:
                    # "Iron and Steel" goes whole; "Bank of England" stays.
                    if size < 4 or words[size - 3].casefold() not in _TRADE_WORDS:
                        break
                    size -= 2
                size -= 1
                key = " ".join(words[:size]).casefold()
                if key in GIVEN_NAMES or key in _DEMONYMS or key in _GENERIC_WORDS:
                    break  # not "British" of "British Airways"
                short.setdefault(key, words)
            # A company's first word alone names it too ("Halvorsen" of
            # "Halvorsen Cloud Inc."), when it is a name and nothing else.
            first = words[0].casefold()
            if (
                len(words) > 2
                and words[-1].rstrip(".").casefold() in _COMPANY_SUFFIXES
                and words[1].casefold() not in _ACRONYM_SKIPS
                and first not in GIVEN_NAMES
                and first not in _DEMONYMS
                and first not in _GENERIC_WORDS
                and first not in _ORG_WORDS
                and first not in _STOP_WORDS
            ):
                short.setdefault(first, words)
    if not short:
        return
    for candidate in candidates:
        # A place the article or the lexicons know stays one: "Hong Kong" is
        # not "Hong Kong Telecom". A name only shaped like a place ("Harbor
        # Point") is the company's.
        key = candidate.key
        if (
            # A name taken for a person's with nothing personal about it
            # ("Tianjin Jinhai said") is the company's too.
            (candidate.kind != "person" or _impersonal(candidate))
            and key in short
            and not (
                key in evidence.located
                or key in _KNOWN_PLACES
                or key in _KNOWN_PLACE_NAMES
                or place_kind(key) == COUNTRY
            )
        ):
            candidate.words = short[candidate.key]
            candidate.kind = "organization"
            candidate.tentative = False


def _impersonal(candidate: _Candidate) -> bool:
    """Typed a person with nothing personal: no honorific, no given name."""
    return candidate.honorific is None and candidate.words[0].casefold() not in GIVEN_NAMES


def _confirm_tentative_people(candidates: list[_Candidate], paragraphs: Sequence[str]) -> None:
    """A name that only looked like a person's is one when the article says
    so elsewhere: the same name as a person, or its surname with an honorific
    ("Mrs Bashir") or as a speaker ("Okafor said")."""
    if not any(candidate.tentative for candidate in candidates):
        return
    people = {c.key for c in candidates if c.kind == "person"}
    # Surnames used alone: with an honorific, as a speaker, or after the full
    # name ("Anke de Wit ... De Wit described"), as a company never is; and
    # the surnames of people named with an initial ("K. Odhiambo"), by initial.
    # What each surname's lone uses say is gathered once, so that many
    # unproven names cost no more than one each.
    proven: set[str] = set()  # a lone use is a person or a speaker
    last_alone: dict[str, Mention] = {}
    initialled: set[tuple[str, str]] = set()
    for c in candidates:
        if c.kind in (None, "person") and (len(c.words) == 1 or _surname_with_particles(c.words)):
            surname = c.words[-1].casefold()
            if c.kind == "person" or _SPEECH_AFTER_NAME.match(paragraphs[c.paragraph], c.end):
                proven.add(surname)
            last_alone[surname] = max(last_alone.get(surname, c.mention), c.mention)
        elif c.kind == "person" and len(c.words) > 1 and len(c.words[0].rstrip(".")) == 1:
            initialled.add((c.words[0][0].casefold(), c.words[-1].casefold()))
    for candidate in candidates:
        if not candidate.tentative:
            continue
        surname = candidate.words[-1].casefold()
        later = last_alone.get(surname)
        if (
            candidate.key in people
            or surname in proven
            or (later is not None and later > candidate.mention)
            or (candidate.words[0][:1].casefold(), surname) in initialled
        ):
            candidate.kind = "person"


def _surname_with_particles(words: tuple[str, ...]) -> bool:
    """ "De Wit" (of Anke de Wit), "Van Dijk": a surname, not a full name."""
    return 1 < len(words) <= 3 and all(word.casefold() in _PARTICLES for word in words[:-1])


def _people(candidates: list[_Candidate], paragraphs: Sequence[str]) -> list[Entity]:
    groups: dict[_PersonKey, list[_Candidate]] = {}
    # Full-name mentions in article order, by surname and by first name.
    by_last: dict[str, list[tuple[Mention, _PersonKey]]] = {}
    by_first: dict[str, list[tuple[Mention, _PersonKey]]] = {}
    initialled: list[tuple[_PersonKey, _Candidate]] = []
    for candidate in candidates:
        if (
            candidate.kind == "person"
            and len(candidate.words) > 1
            and not _surname_with_particles(candidate.words)
        ):
            key = (candidate.words[0].rstrip(".").casefold(), candidate.words[-1].casefold())
            if len(key[0]) == 1:
                initialled.append((key, candidate))  # "K. Odhiambo": who, once all are named
                continue
            groups.setdefault(key, []).append(candidate)
            by_last.setdefault(key[1], []).append((candidate.mention, key))
            by_first.setdefault(key[0], []).append((candidate.mention, key))
    given_by_last: dict[str, set[_PersonKey]] = {}
    for first, last in groups:
        given_by_last.setdefault(last, set()).add((first, last))
    for key, candidate in initialled:
        # "K. Odhiambo" is Kennedy Odhiambo when he is the only Odhiambo with a K.
        fitting = [k for k in given_by_last.get(key[1], ()) if k[0].startswith(key[0])]
        if len(fitting) == 1:
            key = fitting[0]
        elif key not in groups:
            by_last.setdefault(key[1], []).append((candidate.mention, key))
        groups.setdefault(key, []).append(candidate)
    for index in (by_last, by_first):
        for mentions in index.values():
            mentions.sort()

    for candidate in candidates:
        if candidate.kind not in ("person", None):
            continue
        if len(candidate.words) == 1:
            word = candidate.key
        elif _surname_with_particles(candidate.words):
            word = candidate.words[-1].casefold()
        else:
            continue
        named = by_last.get(word) or by_first.get(word)
        if named:
            named = _same_sex(named, candidate.honorific) or named
            groups[_nearest_named(named, candidate.mention)].append(candidate)
            candidate.kind = "person"
        elif candidate.kind == "person":  # "Mr Smith" with no full name anywhere
            groups.setdefault(("", word), []).append(candidate)

    spans = _person_spans(groups.values())
    people = [_person_entity(members, paragraphs, spans) for members in groups.values()]
    people.sort(key=lambda entity: entity.mentions[0])
    return people


def _same_sex(
    named: list[tuple[Mention, _PersonKey]], honorific: str | None
) -> list[tuple[Mention, _PersonKey]]:
    """Of the people sharing a surname, those "Mrs Doyle" can be (not her son
    Jamie Doyle); empty when the honorific or the given names do not tell."""
    key = (honorific or "").split(" ", 1)[0].rstrip(".").casefold()
    if key in ("mrs", "ms", "miss", "dame", "lady"):
        return [n for n in named if n[1][0] in FEMALE_NAMES]
    if key in ("mr", "sir", "lord"):
        return [n for n in named if n[1][0] in MALE_NAMES]
    return []


def _nearest_named(named: list[tuple[Mention, _PersonKey]], here: Mention) -> _PersonKey:
    """A surname shared by two people goes to the one named most recently
    (or, before either is named in full, to the first one named)."""
    i = bisect_right(named, (here, ("\uffff", "\uffff")))
    return named[i - 1][1] if i > 0 else named[0][1]


def _person_spans(groups: Iterable[list[_Candidate]]) -> dict[int, list[tuple[int, int]]]:
    spans: dict[int, list[tuple[int, int]]] = {}
    for members in groups:
        for member in members:
            spans.setdefault(member.paragraph, []).append((member.start, member.end))
    for paragraph_spans in spans.values():
        paragraph_spans.sort()
    return spans


def _person_entity(
    members: list[_Candidate],
    paragraphs: Sequence[str],
    spans: dict[int, list[tuple[int, int]]],
) -> Entity:
    members.sort(key=lambda c: c.mention)
    name = max(members, key=lambda c: (len(c.words), len(" ".join(c.words)))).words
    appositive = leading = premodifier = None
    for member in members:
        paragraph = paragraphs[member.paragraph]
        appositive = appositive or _appositive_role(paragraph, member, spans)
        leading = leading or _leading_role(paragraph, member)
        premodifier = premodifier or _premodifier_role(
            paragraph, member.start, spans.get(member.paragraph, [])
        )
    title = next((m.title for m in members if m.title), None)
    return Entity(
        name=" ".join(name),
        kind="person",
        mentions=tuple(sorted({m.mention for m in members})),
        role=appositive or leading or premodifier or title,
    )


def _leading_role(paragraph: str, member: _Candidate) -> str | None:
    """ "The Scottish First Minister, Nicola Sturgeon, said": a short noun
    phrase ending in a job, set off by commas just before the name."""
    # The name closes the phrase: a comma, or the sentence's end ("said
    # Carver's chief executive, Walter P. Brandt.").
    closed = paragraph[member.end : member.end + 1] in (",", ";") or (
        paragraph.startswith(".", member.end)
        and not paragraph[member.end + 1 : member.end + 2].isalpha()
    )
    if not (closed or _OF_BODY_AFTER.match(paragraph, member.end)):
        return None
    match = _LEADING_ROLE.search(paragraph, max(0, member.start - 120), member.start)
    if not match:
        return None
    role = match.group(1)
    if _is_leading_role(role):
        return role
    # "That was the verdict of Ellison's spokeswoman, Kelsey Drummond", "said
    # Carver's chief executive, Walter P. Brandt": the noun phrase at the end.
    starts = [found.start() for found in _ROLE_PHRASE_START.finditer(role)]
    if starts and _is_leading_role(role[starts[-1] :]):
        return role[starts[-1] :]
    return None


# Where a noun phrase naming a job can begin: a possessive or a determiner.
_ROLE_PHRASE_START = re.compile(r"(?<!\S)(?:[\w\-]+[’']s|the|a|an|his|her|its|their)[ \u00a0]")


def _is_leading_role(role: str) -> bool:
    words = [w.casefold() for w in _TOKEN.findall(role)]
    return (
        len(words) <= _MAX_ROLE_WORDS
        and any(word in ROLE_HEADS for word in words)
        and not any(word in _LEADING_ROLE_BREAKS for word in words if word != "and")
    )


def _appositive_role(
    paragraph: str, member: _Candidate, spans: dict[int, list[tuple[int, int]]]
) -> str | None:
    """ "Paul Holmes, branch secretary for Unison in Kirklees, said", also
    after an age or a home town ("Karen Walsh, 45, of Dearborn, a nurse at
    ..."), or told by a verb ("Ann Mellor, who chairs the residents'
    association")."""
    after = _POST_NOMINALS_AFTER.match(paragraph, member.end)
    start = after.end() if after else member.end
    for _ in range(3):
        match = _APPOSITIVE.match(paragraph, start, start + 200)
        if not match:
            return None
        role = match.group(1).strip()
        if not _PASSING_APPOSITIVE.match(role):
            break
        start = match.end(1)
    else:
        return None
    told = _WHO_ROLE.match(role)
    if told:
        role = told.group(1)
    words = role.split()
    if (
        not role
        or len(words) > _MAX_APPOSITIVE_WORDS
        or (not told and _APPOSITIVE_REJECT.match(role))
        or not (
            told
            or any(word.casefold().strip("’'") in ROLE_HEADS for word in _TOKEN.findall(role))
            or _DESCRIBED.fullmatch(role.split(" who ", 1)[0])
        )
        or _overlaps_person(spans.get(member.paragraph, []), match.start(1), match.end(1))
    ):
        return None
    return role


# "the nominee", "a Republican almond grower": a determiner and a few words,
# the last a noun in lower case; what a reader is told the person is.
_DESCRIBED = re.compile(r"(?:the|a|an)(?:[ \u00a0][\w’'\-]+){0,4}[ \u00a0][a-z][\w’'\-]*")


def _overlaps_person(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a person is named inside [start, end): then it is a list of
    names ("Paul Holmes, John Chapman and the council leader"), not a role."""
    i = bisect_right(spans, (end, -1))
    return i > 0 and any(s < end and e > start for s, e in spans[max(0, i - 8) : i])


def _premodifier_role(
    paragraph: str, start: int, people: Sequence[tuple[int, int]] = ()
) -> str | None:
    """ "Kirklees Unison branch secretary Paul Holmes", "Labour MP for
    Huddersfield Barry Sheerman", "Batley and Spen MP Tracy Brabin": read words
    leftwards from the name while they are part of the title, and not into
    another person's name (`people`: the paragraph's person spans)."""
    chain: list[re.Match[str]] = []  # the words right before the name, nearest first
    edge = start
    for match in reversed(list(_TOKEN.finditer(paragraph, max(0, start - 160), start))):
        if (
            not _only_spaces(paragraph, match.end(), edge)
            or len(chain) > 2 * _MAX_ROLE_WORDS
            or (people and _overlaps_person(people, match.start(), match.end()))
        ):
            break
        chain.append(match)
        edge = match.start()
    head = _role_head_index(chain)
    if head is None:
        return None
    taken = chain[:head]
    for position in range(head, len(chain)):
        match = chain[position]
        if len(taken) - head >= _MAX_ROLE_WORDS:
            break
        word = match.group()
        key = _CLITIC.sub("", word).casefold()
        if key in _ROLE_DETERMINERS and position > head:
            taken.append(match)
            break
        if key == "and" and _capitalised_pair(chain, position):
            taken.append(match)  # "Batley and Spen", not "Anna Park and Chief Executive"
            continue
        if key in _ROLE_BREAKS:
            break
        taken.append(match)
    while taken and taken[-1].group().casefold() in ("of", "for", "and"):
        taken.pop()  # the title cannot start with a connector
    if not taken:
        return None
    return paragraph[taken[-1].start() : taken[0].end()]


def _role_head_index(chain: list[re.Match[str]]) -> int | None:
    """Where the title's head word is in `chain`: first, or after the place or
    body it is "for" or "of" ("MP for Huddersfield")."""
    if not chain:
        return None
    if chain[0].group().casefold() in ROLE_HEADS:
        return 0
    for position, match in enumerate(chain[:_MAX_ROLE_WORDS]):
        word = match.group()
        if word in ("for", "of"):
            following = position + 1
            if (
                position > 0
                and following < len(chain)
                and chain[following].group().casefold() in ROLE_HEADS
            ):
                return following
            return None
        if not (word[:1].isupper() or word in ("and", "the")):
            return None
    return None


def _capitalised_pair(chain: list[re.Match[str]], position: int) -> bool:
    """Whether the "and" at `position` joins two capitalised names, neither of
    them part of a title."""
    if not 0 < position < len(chain) - 1:
        return False
    nearer, further = chain[position - 1].group(), chain[position + 1].group()
    return (
        nearer[:1].isupper()
        and further[:1].isupper()
        and nearer.casefold() not in ROLE_HEADS
        and nearer.casefold() not in ROLE_MODIFIERS
    )


def _named_entities(candidates: list[_Candidate], kind: EntityKind) -> list[Entity]:
    groups: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        if candidate.kind == kind:
            groups.setdefault(candidate.key, []).append(candidate)
    if kind == "organization":
        _merge_acronyms(groups)
    entities = [
        Entity(
            name=_best_spelling(members),
            kind=kind,
            mentions=tuple(sorted({m.mention for m in members})),
        )
        for members in groups.values()
    ]
    entities.sort(key=lambda entity: entity.mentions[0])
    return entities


_ACRONYM_SKIPS = frozenset({"of", "for", "and", "the", "&"})


def _merge_acronyms(groups: dict[str, list[_Candidate]]) -> None:
    """ "NUT" is the National Union of Teachers when the article names it in
    full: one organisation, under its full name."""
    by_initials: dict[str, str] = {}
    for key in groups:
        words = [word for word in key.split() if word not in _ACRONYM_SKIPS]
        if len(words) > 1:
            by_initials.setdefault("".join(word[0] for word in words), key)
    if not by_initials:
        return
    for key in [key for key in groups if " " not in key]:
        full = by_initials.get(key)
        if full is not None and groups[key][0].words[0].isupper():
            groups[full].extend(groups.pop(key))


def _resolve_singles(candidates: list[_Candidate], evidence: _Evidence) -> None:
    """Decide the single words left open once people have claimed theirs: a
    word named as an organisation or place anywhere is one everywhere."""
    orgs = {c.key for c in candidates if c.kind == "organization"}
    places = {c.key for c in candidates if c.kind == "place"} | evidence.places
    initials = {_initials(key) for key in orgs if " " in key}
    for candidate in candidates:
        if candidate.kind is not None:
            continue
        if candidate.key in orgs:
            candidate.kind = "organization"
        elif candidate.key in places:
            candidate.kind = "place"
        elif candidate.key in evidence.orgs or (candidate.acronym and candidate.key in initials):
            candidate.kind = "organization"  # ... or "DSCC" of a committee named in full
        elif candidate.key in evidence.acting and len(candidate.words) == 1:
            # A single name acting as a subject that no person's surname and
            # no place claims: news names its people in full first, so this
            # is a company, a club, a body ("Barrick has teamed up with").
            candidate.kind = "organization"


def _initials(key: str) -> str:
    return "".join(word[0] for word in key.split() if word not in _ACRONYM_SKIPS)


def _best_spelling(members: list[_Candidate]) -> str:
    """The spelling with the most capitals ("Kirklees Council" over
    "Kirklees council"); names are compared case-blind, so all are the same words."""
    return max(
        (" ".join(m.words) for m in members),
        # Not the shouted "TOKYO" of a dateline.
        key=lambda name: (not name.isupper(), sum(map(str.isupper, name))),
    )


def _with_generic_references(
    organizations: list[Entity], paragraphs: Sequence[str]
) -> list[Entity]:
    """ "the council" is Kirklees Council when the article names only one
    council; likewise "the union", "the trust", "the company"."""
    by_noun: dict[str, list[int]] = {}
    for i, org in enumerate(organizations):
        words = org.name.casefold().split()
        last = words[-1]
        # "University of Leeds" is a university as "Leeds University" is.
        head = words[0] if len(words) > 2 and words[1] in ("of", "for") else last
        nouns = [noun for noun, heads in _GENERIC_NOUN_HEADS.items() if head in heads]
        if nouns and last in _COMPANY_SUFFIXES:
            # "the company" is a company only if every word after its first says so.
            nouns = [noun for noun in nouns if noun not in ("company", "firm")]
            if len(words) > 1 and all(word in _COMPANY_SUFFIXES for word in words[1:]):
                nouns += ["company", "firm"]
        if last in _UNIONS and "union" not in nouns:
            nouns.append("union")
        for noun in nouns:
            by_noun.setdefault(noun, []).append(i)
    extra: dict[int, list[Mention]] = {}
    if any(len(indices) == 1 for indices in by_noun.values()):
        for p, paragraph in enumerate(paragraphs):
            for match in _GENERIC_REFERENCE.finditer(paragraph):
                indices = by_noun.get(match.group(1).casefold(), [])
                if len(indices) == 1:
                    extra.setdefault(indices[0], []).append(Mention(p, match.start(), match.end()))
    if not extra:
        return organizations
    return [
        Entity(
            name=org.name,
            kind=org.kind,
            mentions=tuple(sorted({*org.mentions, *extra.get(i, [])})),
            role=org.role,
        )
        for i, org in enumerate(organizations)
    ]
