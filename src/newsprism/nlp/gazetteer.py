"""Countries by every name news uses for them: names, official names, acronyms, demonyms;
and the country of a city.

Built from pycountry's ISO 3166 data, plus the short names and demonyms that
newsrooms use and ISO does not ("Russia", "Britain", "American", "North Korean"). Cities
come from GeoNames (the ~34,000 places of 15,000 people or more, CC BY 4.0), shipped as the
four fields read here in `data/cities.tsv.gz` (rebuilt by `scripts/build-places`).
"""

from __future__ import annotations

import csv
import gzip
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

import pycountry

# Names news uses that ISO 3166 lacks, and the display name when ISO's is formal.
_EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("United States", "U.S.", "US", "U.S.A.", "USA", "America", "the States"),
    "GB": ("United Kingdom", "U.K.", "UK", "Britain", "Great Britain"),
    "RU": ("Russia",),
    "KP": ("North Korea", "DPRK", "D.P.R.K."),
    "KR": ("South Korea", "ROK"),
    "CN": ("China", "PRC", "mainland China"),
    "TW": ("Taiwan",),
    "VN": ("Vietnam",),
    "CZ": ("Czech Republic",),
    "CD": ("Democratic Republic of Congo", "DR Congo", "DRC"),
    "CG": ("Republic of Congo",),
    "AE": ("UAE", "Emirates"),
    "VA": ("Vatican",),
    "NL": ("Holland",),
    "PS": ("Palestine", "Palestinian territories"),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
    "TR": ("Turkey",),
}
_DEMONYMS: dict[str, tuple[str, ...]] = {
    "US": ("American", "Americans", "U.S.-led"),
    "GB": ("British", "Briton", "Britons"),
    "KP": ("North Korean", "North Koreans"),
    "KR": ("South Korean", "South Koreans"),
    "CN": ("Chinese",),
    "RU": ("Russian", "Russians"),
    "FR": ("French",),
    "DE": ("German", "Germans"),
    "JP": ("Japanese",),
    "VN": ("Vietnamese",),
    "IR": ("Iranian", "Iranians"),
    "IQ": ("Iraqi", "Iraqis"),
    "SY": ("Syrian", "Syrians"),
    "IL": ("Israeli", "Israelis"),
    "IN": ("Indian", "Indians"),
    "PK": ("Pakistani", "Pakistanis"),
    "AF": ("Afghan", "Afghans"),
    "UA": ("Ukrainian", "Ukrainians"),
    "TR": ("Turkish", "Turks"),
    "IT": ("Italian", "Italians"),
    "ES": ("Spanish",),
    "MX": ("Mexican", "Mexicans"),
    "CA": ("Canadian", "Canadians"),
    "BR": ("Brazilian", "Brazilians"),
    "AU": ("Australian", "Australians"),
    "SA": ("Saudi", "Saudis"),
    "EG": ("Egyptian", "Egyptians"),
    "NG": ("Nigerian", "Nigerians"),
    "ZA": ("South African", "South Africans"),
    "TW": ("Taiwanese",),
    "PL": ("Polish", "Poles"),
    "NL": ("Dutch",),
    "GR": ("Greek", "Greeks"),
    "CU": ("Cuban", "Cubans"),
    "VE": ("Venezuelan", "Venezuelans"),
    "LB": ("Lebanese",),
    "PH": ("Filipino", "Filipinos", "Philippine"),
    "ID": ("Indonesian", "Indonesians"),
    "KE": ("Kenyan", "Kenyans"),
    "ET": ("Ethiopian", "Ethiopians"),
    "YE": ("Yemeni", "Yemenis"),
    "LY": ("Libyan", "Libyans"),
    "SD": ("Sudanese",),
    "SO": ("Somali", "Somalis"),
    "CO": ("Colombian", "Colombians"),
    "AR": ("Argentine", "Argentinian"),
    "CL": ("Chilean", "Chileans"),
    "PE": ("Peruvian", "Peruvians"),
    "SE": ("Swedish", "Swede", "Swedes"),
    "NO": ("Norwegian", "Norwegians"),
    "DK": ("Danish", "Dane", "Danes"),
    "FI": ("Finnish", "Finns"),
    "IE": ("Irish",),
    "PT": ("Portuguese",),
    "BE": ("Belgian", "Belgians"),
    "CH": ("Swiss",),
    "AT": ("Austrian", "Austrians"),
    "HU": ("Hungarian", "Hungarians"),
    "SG": ("Singaporean", "Singaporeans"),
    "TH": ("Thai",),
    "MY": ("Malaysian", "Malaysians"),
}


def name_key(name: str) -> str:
    """Spelling-insensitive form of a name: case, dots, hyphens, apostrophes, a leading "the"."""
    text = name.casefold().replace("\u2019", "'")
    text = re.sub(r"'s$", "", text)
    text = re.sub(r"[.\u00b7]", "", text)
    text = re.sub(r"[-\u2010-\u2015_/]", " ", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return " ".join(text.split())


def plain_key(name: str) -> str:
    """`name_key` without accents, as ISO and GeoNames spell places with them ("Québec")."""
    decomposed = unicodedata.normalize("NFKD", name_key(name))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _index() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(name key → alpha-2, demonym key → alpha-2, alpha-2 → display name)."""
    names: dict[str, str] = {}
    display: dict[str, str] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        forms = [country.name, getattr(country, "official_name", None)]
        forms.append(getattr(country, "common_name", None))
        extra = _EXTRA_NAMES.get(code, ())
        display[code] = extra[0] if extra else getattr(country, "common_name", None) or country.name
        for form in (*forms, *extra):
            if form:
                names.setdefault(name_key(form), code)
    demonyms = {name_key(d): code for code, forms in _DEMONYMS.items() for d in forms}
    return names, demonyms, display


def country_of(name: str) -> str | None:
    """ISO alpha-2 code of the country ``name`` names (or is the demonym of), else None."""
    names, demonyms, _ = _index()
    key = name_key(name)
    return names.get(key) or demonyms.get(key)


# A city name is read as its most populous namesake only when that one is this many times
# bigger than any namesake elsewhere ("Helsinki", "Paris"; not "Lincoln", which is both a US
# and an English city of similar size). Elsewhere: in another country for the country, in
# another first-level division (state, region) for that division.
CITY_DOMINANCE = 5


@dataclass(frozen=True)
class City:
    """Where the city a name most likely names lies: its country and, when as clear, its
    first-level division (GeoNames' admin1 code: "TX", "59")."""

    country: str
    division: str | None


def _dominant(namesakes: list[tuple[int, str]]) -> str | None:
    """The value of the most populous (population, value) pair, if it dominates the others."""
    biggest, value = max(namesakes)
    rivals = [people for people, other in namesakes if other != value]
    return value if not rivals or biggest >= CITY_DOMINANCE * max(rivals) else None


@cache
def _cities() -> dict[str, City]:
    """City name key → `City`, for the names a reader would take for one city."""
    found: defaultdict[str, list[tuple[int, str, str]]] = defaultdict(list)
    table = files("newsprism.nlp") / "data" / "cities.tsv.gz"
    with gzip.open(table.open("rb"), "rt", encoding="utf-8", newline="") as rows:
        next(rows)  # the source and licence line
        for city in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
            entry = (int(city["population"]), city["country"], city["division"])
            found[plain_key(city["name"])].append(entry)
    cities: dict[str, City] = {}
    for key, namesakes in found.items():
        country = _dominant([(people, country) for people, country, _ in namesakes])
        if country is not None:
            divisions = [(people, d) for people, c, d in namesakes if c == country]
            cities[key] = City(country, _dominant(divisions) or None)
    return cities


def city_of(name: str) -> City | None:
    """The city ``name`` most likely names, else None (no city of that name, or namesakes of
    similar size in several countries)."""
    return _cities().get(plain_key(name))


def is_demonym(name: str) -> bool:
    return name_key(name) in _index()[1]


def country_name(code: str) -> str:
    """The name news uses for a country: "North Korea", not "Korea, Democratic People's…"."""
    return _index()[2][code]
