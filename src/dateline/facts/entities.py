"""People, organisations and places named in an article.

No language model is available, so names are found by rule: a run of
capitalised words is a candidate, and small word lists plus the words around
it (an honorific before it, "in" before it, "council" after it, an
organisation word at its end) decide what it names. Single capitalised words
are the hard part, because every sentence starts with one; a single word only
becomes an entity on evidence, which may come from elsewhere in the article
("Holmes" is a person because "Paul Holmes" is one; "Kirklees" is a place
because the article says "in Kirklees").

Mentions are kept exactly as the article writes them, so the slice of the
paragraph always equals the mention. A person's mention includes an honorific
("Clr Erin Hill"); the canonical name does not.

Roles: an appositive ("Paul Holmes, branch secretary for Unison in Kirklees,
said") is preferred, then one set off before the name ("The Scottish First
Minister, Nicola Sturgeon, said"), then a pre-modifier ("Unison branch
secretary Paul Holmes"), because the comma-set forms usually give the fuller
description; within each kind the first one in the article wins. A title
honorific ("Cllr") is the role only when the article gives no other.

Choices: a newspaper is named without its article ("Examiner" for "the
Examiner"); "the council" and "the union" are mentions of the article's only
council or union, and of nothing when it names two.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from dateline.facts.base import Entity, EntityKind, Mention

# --- word lists (all casefolded) -------------------------------------------


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Capitalised only because they start a sentence or a title; they break a run.
_STOP_WORDS = _word_set(
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
_GENERIC_WORDS = _word_set(
    """
    social figures figure discussions discussion video videos photo photos image picture
    read more click share watch subscribe sign advertisement related update updated
    breaking news report reports police council councils union unions members staff people
    workers parents children officials residents campaigners critics experts researchers
    statistics data results plans proposals talks negotiations elsewhere sources officers
    ministers councillors teachers nurses doctors patients pupils students year years week
    weeks month months day days government department ministry authority service services
    strike strikes action legal local national public private general official new old
    chief head senior junior deputy interim acting former
    """
)

_DEMONYMS = _word_set(
    """
    british english scottish welsh irish european american french german spanish italian
    chinese japanese russian indian pakistani african asian australian canadian dutch polish
    muslim christian jewish hindu sikh catholic protestant islamic arab israeli palestinian
    ukrainian syrian iraqi iranian afghan turkish greek brazilian mexican nigerian kenyan
    """
)

_MONTHS = _word_set(
    """
    january february march april may june july august september october november december
    sept
    """
)
_WEEKDAYS = _word_set("monday tuesday wednesday thursday friday saturday sunday")
# Months that are also given names or surnames ("Theresa May").
_NAME_MONTHS = frozenset({"may", "june", "april", "august"})

# A run containing one of these names a holiday ("Bank Holiday", "Boxing Day").
_HOLIDAY_WORDS = _word_set(
    """
    holiday holidays christmas xmas easter halloween ramadan diwali hanukkah passover eid
    lent advent whitsun hogmanay boxing
    """
)

_HONORIFICS = _word_set(
    """
    mr mrs ms miss mx dr sir dame lord lady baroness baron prof professor clr cllr coun
    councillor rev revd reverend fr judge pc dc ds di dci dsi sgt insp supt det
    """
)
# Honorifics that are a title as well: used as the role when nothing better exists.
_TITLE_HONORIFICS = _word_set(
    """
    prof professor clr cllr coun councillor rev revd reverend judge pc dc ds di dci dsi sgt
    insp supt det
    """
)

# A run ending in one of these names an organisation.
_ORG_SUFFIXES = _word_set(
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
    wanderers albion hotspur rangers
    """
)
# Football clubs unless the rest says place ("Huddersfield Town" but "Cape Town").
_CLUB_OR_PLACE = _word_set("town city")
# Newspaper titles: "the Examiner" alone is an organisation.
_NEWS_WORDS = _word_set(
    """
    examiner guardian telegraph times independent observer mirror express sun star mail
    herald echo gazette chronicle post standard journal courier press tribune economist
    spectator argus advertiser sentinel
    """
)
# Organisations that are named by one word of their own.
_STANDALONE_ORGS = _word_set("government treasury parliament cabinet whitehall")
# An organisation head that takes "of"/"for" ("University of Leeds", "Department for Education").
_ORG_HEADS_WITH_OF = _word_set(
    """
    university department ministry bank institute college school office house chamber council
    court society association academy federation commission board church museum
    """
)
_UNIONS = _word_set(
    """
    unison unite gmb rmt aslef usdaw bma rcn nut neu nasuwt ucu pcs tssa bectu fbu cwu
    """
)
_KNOWN_ORGS = _UNIONS | _word_set(
    """
    nhs bbc itv ofsted ofcom ofgem ofwat ofqual labour conservatives tories ukip snp dup
    nspcc rspca barnardo oxfam unicef eu un nato imf oecd fifa uefa hmrc dwp dfe
    cqc ons cps ipcc iopc tuc cbi lga reuters
    """
)
_PLACE_ACRONYMS = _word_set("uk us usa uae")
_PLACE_SUFFIXES = _word_set(
    """
    street road lane avenue square drive crescent terrace bridge estate airport station centre
    stadium county borough valley river island islands sea ocean bay house palace castle abbey
    cathedral
    """
)
_PLACE_PREFIXES = _word_set(
    "north south east west greater upper lower great st saint san santa port fort mount isle"
    " cape loch lake glen"
)
# Letters after a name, not part of it ("Sarah Wollaston MP").
_POST_NOMINALS = _word_set("mp mep msp mla qc kc obe mbe cbe jr jnr sr snr phd")
_BUILDING_WORDS = _PLACE_SUFFIXES | _word_set(
    "hospital school college academy stadium arena centre hall house church theatre"
)
# "in X", "of X": X is a place when nothing else claims it.
_PLACE_PREPOSITIONS = _word_set("in of from across throughout around near outside inside within")
# Lowercase words after a place that make it a public body ("Kirklees council").
_BODY_AFTER_PLACE = re.compile(
    r"\s+((?:(?:county|city|borough|district|metropolitan|town|parish)\s+)?council|police)\b"
)
# Words after an unknown name that show it is an organisation ("Unison members").
_ORG_AFTER = re.compile(
    r"\s+(?:members|branch|spokesman|spokeswoman|spokesperson|officials|bosses|reps"
    r"|representatives|chiefs)\b"
)

# The head noun of a job or title, for roles.
ROLE_HEADS = _word_set(
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
    secretary-general candidate activist volunteer
    """
)
# Words that qualify a role but are not its head ("interim deputy", "Home Secretary").
_ROLE_MODIFIERS = _word_set(
    "chief deputy assistant interim acting senior prime home foreign shadow vice general junior"
    " executive managing principal"
)
# Words that end a pre-modifying role when reading leftwards from the name.
_ROLE_BREAKS = _STOP_WORDS - {"of", "for"} | _word_set(
    "said says say told tells added adds adding according wrote writes warned claimed"
)
_ROLE_DETERMINERS = _word_set("the a an its his her their our")
# Words that show a phrase before ", Name," is a clause, not a job.
_LEADING_ROLE_BREAKS = (
    _STOP_WORDS - _ROLE_DETERMINERS - _word_set("of for first second third last next")
)
_MAX_ROLE_WORDS = 8
_MAX_NAME_WORDS = 10

# --- patterns ----------------------------------------------------------------

_TOKEN = re.compile(r"\w+(?:[’'\-]\w+)*")
# A word as _TOKEN reads it, starting with a letter that may be a capital:
# skipping the lowercase majority in the regex engine is most of the speed.
_CAPITALISED_WORD = re.compile(
    r"(?<!\w)(?<!\w[’'\-])(?=[A-ZÀ-ÖØ-ÞĀ-ɏͰ-ϿЀ-ӿԱ-ՖḀ-ỿ])\w+(?:[’'\-]\w+)*"
)
_LOWERCASE_WORD = re.compile(r"(?<!\w)(?<!\w[’'\-])[a-z]\w*(?:[’'\-]\w+)*")
_CLITIC = re.compile(r"[’'](?:s|re|ve|ll|d|m|t)$", re.IGNORECASE)
_SPACES = frozenset(" \u00a0\t")
_OPENING_QUOTES = "“‘\"'«"
_SENTENCE_ENDS = frozenset(".!?:;…")
_LOOKBACK = 24
_HONORIFIC_BEFORE = re.compile(
    r"\b(Mr|Mrs|Ms|Mx|Dr|Prof|Rev|Revd|Sgt|Insp|Supt|Cllr|Clr|Det)\.\s+$"
)
_WORD_BEFORE = re.compile(r"(\w+)[ \u00a0]+$")
_CONNECTOR = re.compile(r"[ \u00a0]+(?:of|for)(?:[ \u00a0]+the)?[ \u00a0]+$")
_GENERIC_REFERENCE = re.compile(
    r"\b[Tt]he[ \u00a0]+(council|Council|union)\b"
    r"(?![ \u00a0]+(?:[A-Z]|tax\b|house|estate|housing|elections?\b))"  # "the council tax"
)
_APPOSITIVE = re.compile(r",[ \u00a0]+([^,;:()“”\"\n]{2,160}?)(?=[,;)]|\.(?:\s|$)|$)")
_APPOSITIVE_REJECT = re.compile(
    r"^(?:who|which|whose|where|and|but|or|said|says|added|adds|\d)", re.IGNORECASE
)
_MAX_APPOSITIVE_WORDS = 14
# The phrase between the sentence start (or a comma) and ", Name".
_LEADING_ROLE = re.compile(r"(?:^|(?<=[.!?,:;]\s))([^.!?,:;“”\"]{2,100}?),[ \u00a0]+$")
_POST_NOMINALS_AFTER = re.compile(
    r"(?:[ \u00a0]+(?:MP|MEP|MSP|MLA|QC|KC|OBE|MBE|CBE|Jr|Jnr|Sr|Snr|PhD)\b\.?)*"
)
_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Z]\w*)")
_SPEECH_AFTER_NAME = re.compile(r"[ \u00a0]+(?:said|says|told|added|adds|insisted|warned)\b")


@dataclass(slots=True, frozen=True)
class _Word:
    text: str  # without a possessive 's
    start: int
    end: int
    possessive: bool

    @property
    def key(self) -> str:
        return self.text.casefold()

    @property
    def base(self) -> str:
        """The word without a clitic ("There’s" -> "there"), for the stop list."""
        return _CLITIC.sub("", self.text).casefold()


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

    @property
    def key(self) -> str:
        return " ".join(self.words).casefold()

    @property
    def mention(self) -> Mention:
        return Mention(self.paragraph, self.start, self.end)


@dataclass(slots=True)
class _Evidence:
    """What the whole article says about single words."""

    lowercase: set[str]
    places: set[str]
    orgs: set[str]


def find_entities(
    paragraphs: Sequence[str],
) -> tuple[list[Entity], list[Entity], list[Entity]]:
    """People, organisations and places, each sorted by first mention."""
    evidence = _Evidence(lowercase=_lowercase_words(paragraphs), places=set(), orgs=set())
    candidates: list[_Candidate] = []
    for index, paragraph in enumerate(paragraphs):
        candidates.extend(_paragraph_candidates(index, paragraph, evidence))
    people = _people(candidates, paragraphs)
    _resolve_singles(candidates, evidence)
    organizations = _named_entities(candidates, "organization")
    organizations = _with_generic_references(organizations, paragraphs)
    places = _named_entities(candidates, "place")
    return people, organizations, places


# --- pass 1: candidates in one paragraph -------------------------------------


def _lowercase_words(paragraphs: Iterable[str]) -> set[str]:
    """Words the article writes in lowercase: a capitalised run made only of
    these is ordinary text ("Social workers"), not a name."""
    words: set[str] = set()
    for paragraph in paragraphs:
        words.update(_LOWERCASE_WORD.findall(paragraph))
    return words


def _capitalised_words(paragraph: str) -> list[_Word]:
    words = []
    for match in _CAPITALISED_WORD.finditer(paragraph):
        text, start, end = match.group(), match.start(), match.end()
        if not text[0].isupper():
            continue
        possessive = len(text) > 2 and text[-2] in "’'" and text[-1] in "sS"
        if possessive:
            text, end = text[:-2], end - 2
        words.append(_Word(text, start, end, possessive))
    return words


def _capitalised_runs(paragraph: str) -> list[list[_Word]]:
    """Maximal runs of capitalised words separated only by spaces."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for word in _capitalised_words(paragraph):
        # Anything but spaces between two capitalised words (a lowercase word,
        # a comma) ends the run.
        if current and (
            current[-1].possessive or not _only_spaces(paragraph, current[-1].end, word.start)
        ):
            runs.append(current)
            current = []
        current.append(word)
    if current:
        runs.append(current)
    return runs


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
    match = _WORD_BEFORE.search(paragraph, max(0, start - _LOOKBACK), start)
    return match.group(1).casefold() if match else ""


def _split_run(run: list[_Word]) -> list[list[_Word]]:
    """Break a run at words that cannot be inside a name."""
    if any(word.key in _HOLIDAY_WORDS for word in run):
        return []
    pieces: list[list[_Word]] = []
    current: list[_Word] = []
    for word in run:
        key = word.key
        is_date = key in _WEEKDAYS or (
            key in _MONTHS and not (key in _NAME_MONTHS and current and _is_name_word(current[-1]))
        )
        if word.base in _STOP_WORDS or is_date or len(word.text) == 1:
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
    return (
        text[:1].isupper()
        and any(ch.islower() for ch in text)
        and not any(ch.isdigit() or ch == "_" for ch in text)
    )


def _is_acronym(word: _Word) -> bool:
    return len(word.text) >= 2 and word.text.isalpha() and word.text.isupper()


def _paragraph_candidates(index: int, paragraph: str, evidence: _Evidence) -> list[_Candidate]:
    pieces: list[list[_Word]] = []
    for run in _capitalised_runs(paragraph):
        pieces.extend(_split_run(run))
    pieces = _join_connected(pieces, paragraph)
    candidates: list[_Candidate] = []
    for piece in pieces:
        candidates.extend(_piece_candidates(index, paragraph, piece, evidence))
    return candidates


def _join_connected(pieces: list[list[_Word]], paragraph: str) -> list[list[_Word]]:
    """Join "University" + "of" + "Leeds" into one name."""
    joined: list[list[_Word]] = []
    for piece in pieces:
        if (
            joined
            and joined[-1][-1].key in _ORG_HEADS_WITH_OF
            and not joined[-1][-1].possessive
            and len(joined[-1]) + len(piece) <= _MAX_NAME_WORDS
            and _CONNECTOR.match(paragraph, joined[-1][-1].end, piece[0].start)
        ):
            joined[-1] = joined[-1] + piece
        else:
            joined.append(piece)
    return joined


def _piece_candidates(
    index: int, paragraph: str, piece: list[_Word], evidence: _Evidence
) -> list[_Candidate]:
    """Classify one run of name words, splitting off honorifics and titles."""
    mention_start = piece[0].start
    while len(piece) > 1 and piece[-1].key in _POST_NOMINALS:
        piece = piece[:-1]
    while len(piece) > 1 and piece[0].key in _HONORIFICS:
        piece = piece[1:]
    if piece[0].key in _HONORIFICS:
        return []  # "Clr" alone
    dotted = _HONORIFIC_BEFORE.search(paragraph, max(0, mention_start - 8), mention_start)
    if dotted and mention_start == piece[0].start:  # "Mr. Holmes"
        mention_start = dotted.start(1)
    # As written, for the role: "Cllr", "Det Supt".
    honorific = paragraph[mention_start : piece[0].start].strip() or None

    titled = _split_title(piece)
    if titled is not None:
        prefix, piece = titled
        candidates = _piece_candidates(index, paragraph, prefix, evidence) if prefix else []
        candidates.append(_person(index, mention_start if honorific else piece[0].start, piece))
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
    )
    if honorific:
        candidate.kind = "person"
        return [candidate]
    body = _BODY_AFTER_PLACE.match(paragraph, piece[-1].end)
    if body and not piece[-1].possessive and not _has_org_suffix(piece):
        return [_public_body(candidate, body, evidence)]
    if len(piece) == 1:
        return _single_word(candidate, piece[0], paragraph, evidence)
    return _multi_word(candidate, piece, paragraph, evidence)


def _is_title(honorific: str | None) -> bool:
    return bool(honorific) and any(
        word.casefold() in _TITLE_HONORIFICS for word in _TOKEN.findall(honorific or "")
    )


def _split_title(piece: list[_Word]) -> tuple[list[_Word], list[_Word]] | None:
    """ "Home Secretary Amber Rudd" -> ([], [Amber, Rudd]); the title itself is
    read back as the role later. Returns None when there is no title."""
    for i in range(len(piece) - 2, -1, -1):
        name = piece[i + 1 :]
        if (
            piece[i].key in ROLE_HEADS
            and len(name) <= 3
            and all(_is_name_word(w) and _plain_name_word(w) for w in name)
        ):
            prefix = piece[:i]
            while prefix and (prefix[-1].key in ROLE_HEADS or prefix[-1].key in _ROLE_MODIFIERS):
                prefix = prefix[:-1]
            return prefix, name
    return None


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
        if key in _PLACE_ACRONYMS:
            candidate.kind = "place"
        elif key in _KNOWN_ORGS:
            candidate.kind = "organization"
        else:
            return []  # "IT systems", "TV": not worth the risk
        return [candidate]
    if _is_known_org(word) or key in _STANDALONE_ORGS:
        candidate.kind = "organization"
        return [candidate]
    if key in _NEWS_WORDS and before == "the":
        candidate.kind = "organization"
        return [candidate]
    if key in _GENERIC_WORDS or key in _DEMONYMS or not _is_name_word(word):
        return []
    if key.endswith("shire"):
        candidate.kind = "place"
        return [candidate]
    if before in _PLACE_PREPOSITIONS and not candidate.initial:
        evidence.places.add(key)
    elif _ORG_AFTER.match(paragraph, word.end):
        evidence.orgs.add(key)
    return [candidate]


def _multi_word(
    candidate: _Candidate, piece: list[_Word], paragraph: str, evidence: _Evidence
) -> list[_Candidate]:
    keys = [word.key for word in piece]
    if _has_org_suffix(piece) or any(_is_known_org(word) for word in piece):
        candidate.kind = "organization"
        evidence.places.update(_place_in_body_name(piece))
    elif _looks_like_place(keys):
        candidate.kind = "place"
    elif keys[-1] in _CLUB_OR_PLACE or any(key in _ORG_SUFFIXES for key in keys):
        candidate.kind = "organization"  # "Huddersfield Town", "Police Scotland"
    elif _word_before(paragraph, piece[0].start) in _PLACE_PREPOSITIONS:
        candidate.kind = "place"
    elif _names_a_building(piece[-1], paragraph):
        return []
    elif _looks_like_person(piece, paragraph, evidence):
        candidate.kind = "person"
    else:
        return []
    return [candidate]


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
    if len(piece) > 4 or not all(_is_name_word(w) and _plain_name_word(w) for w in piece):
        return False
    ordinary = all(word.text.casefold() in evidence.lowercase for word in piece)
    if not ordinary:
        return True
    # "Social Workers" is ordinary text unless the sentence treats it as a speaker.
    return bool(_SPEECH_AFTER_NAME.match(paragraph, piece[-1].end))


# --- pass 2: one entity per real-world thing ---------------------------------


_PersonKey = tuple[str, str]  # (first name, surname), casefolded


def _people(candidates: list[_Candidate], paragraphs: Sequence[str]) -> list[Entity]:
    groups: dict[_PersonKey, list[_Candidate]] = {}
    # Full-name mentions in article order, by surname and by first name.
    by_last: dict[str, list[tuple[Mention, _PersonKey]]] = {}
    by_first: dict[str, list[tuple[Mention, _PersonKey]]] = {}
    for candidate in candidates:
        if candidate.kind == "person" and len(candidate.words) > 1:
            key = (candidate.words[0].casefold(), candidate.words[-1].casefold())
            groups.setdefault(key, []).append(candidate)
            by_last.setdefault(key[1], []).append((candidate.mention, key))
            by_first.setdefault(key[0], []).append((candidate.mention, key))
    for index in (by_last, by_first):
        for mentions in index.values():
            mentions.sort()

    for candidate in candidates:
        if len(candidate.words) != 1 or candidate.kind not in ("person", None):
            continue
        word = candidate.key
        named = by_last.get(word) or by_first.get(word)
        if named:
            groups[_nearest_named(named, candidate.mention)].append(candidate)
            candidate.kind = "person"
        elif candidate.kind == "person":  # "Mr Smith" with no full name anywhere
            groups.setdefault(("", word), []).append(candidate)

    spans = _person_spans(groups.values())
    people = [_person_entity(members, paragraphs, spans) for members in groups.values()]
    people.sort(key=lambda entity: entity.mentions[0])
    return people


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
        premodifier = premodifier or _premodifier_role(paragraph, member.start)
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
    if not paragraph.startswith(",", member.end):
        return None
    match = _LEADING_ROLE.search(paragraph, max(0, member.start - 120), member.start)
    if not match:
        return None
    role = match.group(1)
    words = [w.casefold() for w in _TOKEN.findall(role)]
    if (
        len(words) > _MAX_ROLE_WORDS
        or not any(word in ROLE_HEADS for word in words)
        or any(word in _LEADING_ROLE_BREAKS for word in words)
    ):
        return None
    return role


def _appositive_role(
    paragraph: str, member: _Candidate, spans: dict[int, list[tuple[int, int]]]
) -> str | None:
    """ "Paul Holmes, branch secretary for Unison in Kirklees, said"."""
    after = _POST_NOMINALS_AFTER.match(paragraph, member.end)
    start = after.end() if after else member.end
    match = _APPOSITIVE.match(paragraph, start, start + 200)
    if not match:
        return None
    role = match.group(1).strip()
    words = role.split()
    if (
        not role
        or len(words) > _MAX_APPOSITIVE_WORDS
        or _APPOSITIVE_REJECT.match(role)
        or not any(word.casefold().strip("’'") in ROLE_HEADS for word in _TOKEN.findall(role))
        or _overlaps_person(spans.get(member.paragraph, []), match.start(1), match.end(1))
    ):
        return None
    return role


def _overlaps_person(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a person is named inside [start, end): then it is a list of
    names ("Paul Holmes, John Chapman and the council leader"), not a role."""
    i = bisect_right(spans, (end, -1))
    return i > 0 and any(s < end and e > start for s, e in spans[max(0, i - 8) : i])


def _premodifier_role(paragraph: str, start: int) -> str | None:
    """ "Kirklees Unison branch secretary Paul Holmes": read words leftwards
    from the name while they are part of the title."""
    words = [m for m in _TOKEN.finditer(paragraph, max(0, start - 160), start)]
    taken: list[re.Match[str]] = []
    edge = start
    for match in reversed(words):
        if not _only_spaces(paragraph, match.end(), edge) or len(taken) >= _MAX_ROLE_WORDS:
            break
        key = _CLITIC.sub("", match.group()).casefold()
        if not taken and match.group().casefold() not in ROLE_HEADS:
            return None
        if key in _ROLE_DETERMINERS and taken:
            taken.append(match)
            break
        if key in _ROLE_BREAKS:
            break
        taken.append(match)
        edge = match.start()
    while taken and taken[-1].group().casefold() in ("of", "for"):
        taken.pop()  # the title cannot start with a connector
    if not taken:
        return None
    return paragraph[taken[-1].start() : taken[0].end()]


def _named_entities(candidates: list[_Candidate], kind: EntityKind) -> list[Entity]:
    groups: dict[str, list[_Candidate]] = {}
    for candidate in candidates:
        if candidate.kind == kind:
            groups.setdefault(candidate.key, []).append(candidate)
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


def _resolve_singles(candidates: list[_Candidate], evidence: _Evidence) -> None:
    """Decide the single words left open once people have claimed theirs: a
    word named as an organisation or place anywhere is one everywhere."""
    orgs = {c.key for c in candidates if c.kind == "organization"}
    places = {c.key for c in candidates if c.kind == "place"} | evidence.places
    for candidate in candidates:
        if candidate.kind is not None:
            continue
        if candidate.key in orgs:
            candidate.kind = "organization"
        elif candidate.key in places:
            candidate.kind = "place"
        elif candidate.key in evidence.orgs:
            candidate.kind = "organization"


def _best_spelling(members: list[_Candidate]) -> str:
    """The spelling with the most capitals ("Kirklees Council" over
    "Kirklees council"); names are compared case-blind, so all are the same words."""
    return max(
        (" ".join(m.words) for m in members),
        key=lambda name: sum(ch.isupper() for ch in name),
    )


def _with_generic_references(
    organizations: list[Entity], paragraphs: Sequence[str]
) -> list[Entity]:
    """ "the council" is Kirklees Council when the article names only one council."""
    by_kind: dict[str, list[int]] = {"council": [], "union": []}
    for i, org in enumerate(organizations):
        last = org.name.rsplit(" ", 1)[-1].casefold()
        if last == "council":
            by_kind["council"].append(i)
        elif last == "union" or org.name.casefold() in _UNIONS:
            by_kind["union"].append(i)
    extra: dict[int, list[Mention]] = {}
    for noun, indices in by_kind.items():
        if len(indices) != 1:
            continue
        for p, paragraph in enumerate(paragraphs):
            for match in _GENERIC_REFERENCE.finditer(paragraph):
                if match.group(1).casefold() == noun:
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
