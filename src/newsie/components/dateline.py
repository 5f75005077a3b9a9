"""`newsie_dateline`: the "VIENNA, 6 October 2020 –" opening of a release, and the release date."""

import datetime as dt
import re
from typing import Any, ClassVar, Final

from spacy.language import Language
from spacy.tokens import Doc

from ..dates.datelines import match_dateline
from ..dates.grammar import MONTHS, FoundDate, find_dates
from ..extensions import set_doc_value, text_of
from ..kb.places import PlaceKB, default_cities, place_kb
from ..kb.states import default_states
from ..payloads import DatelineCity, DatelineData, meta_of, resolve_release_date
from .base import Data, GazetteerPipe


class DatelineReader(GazetteerPipe):
    """Read the dateline at the start of the body into ``doc._.newsie_dateline`` and
    resolve the release date once for every later stage.

    `DatelineData` has ``text``, ``city`` (None for a multi-city dateline), ``cities``,
    ``country`` (ISO3 of the city), ``date`` and the character offsets. A date without a
    year takes it from ``published``; a date that names no day ("31 February 2020") gives
    none, and a ``warning`` the record carries. The dateline is looked for at the start of
    the body, else at the start of one of its next two lines (after a subtitle or a
    preamble line). ``doc._.newsie_release_date`` is ``published`` when the caller gave it, else
    the dateline's date.

    Data parts: ``cities`` (newsie's curated cities; GeoNames, a dependency, adds the
    rest) and ``countries`` (country names and demonyms to ISO3, for "TIRANA, Albania").
    """

    PARTS: ClassVar[dict[str, str]] = {"cities": "jsonl", "countries": "json"}

    def __init__(self, nlp: Language, name: str = "newsie_dateline") -> None:
        super().__init__(nlp, name)
        self._places: PlaceKB | None = None

    def default_data(self) -> Data:
        states = default_states()
        return {"cities": default_cities(), "countries": {**states.by_demonym, **states.by_name}}

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        cities: list[dict[str, Any]] | None = None,
        countries: dict[str, str] | None = None,
    ) -> None:
        """Build from the given parts; the packaged gazetteers fill the rest."""
        self._initialize_parts({"cities": cities, "countries": countries})

    def _build(self) -> None:
        self._places = None

    @property
    def places(self) -> PlaceKB:
        """The city index (built on first use: GeoNames is large)."""
        if self._places is None:
            self._places = place_kb(self.data["cities"])
        return self._places

    def __call__(self, doc: Doc) -> Doc:
        self.ensure_ready()
        meta = meta_of(doc)
        offset = meta.body_start
        body = text_of(doc)[offset : offset + DATELINE_HEAD]
        found = find_dateline(body, self.places, self.data["countries"], offset, meta.published)
        set_doc_value(doc, "newsie_dateline", found)
        set_doc_value(doc, "newsie_release_date", resolve_release_date(meta, found))
        return doc


_DATE_MEMO: Final[dict[tuple[str, dt.date | None], FoundDate | None]] = {}
_DATE_MEMO_MAX: Final = 4_096  # a few MB at most: RSS stays flat over a long stream


_MONTH_CAPS: Final = re.compile(r"\b[A-Z]{3,9}\b")  # a month in capitals: "10 MAY 2002"


def _month_title(m: re.Match[str]) -> str:
    """A month written in capitals as the date grammar reads it ("MAY" -> "May"); other words as they are."""
    word = m.group(0)
    return word.title() if word.lower() in MONTHS else word


def dateline_date(text: str, anchor: dt.date | None) -> FoundDate | None:
    """The first date of a dateline's date text ("6 October 2020", "10 MAY 2002"); None when it holds none.

    `find_dates` is a pure function of the text and the anchor; the same few dateline
    dates recur across an archive, so each pair is parsed once (bounded memo).
    """
    key = (text, anchor)
    if key in _DATE_MEMO:
        return _DATE_MEMO[key]
    dates = find_dates(_MONTH_CAPS.sub(_month_title, text), anchor)
    found = dates[0] if dates else None
    if len(_DATE_MEMO) >= _DATE_MEMO_MAX:
        _DATE_MEMO.clear()
    _DATE_MEMO[key] = found
    return found


def no_day_warning(text: str, found: FoundDate, anchor: dt.date | None) -> str | None:
    """The record's warning for a dateline date that names no day ("31 February 2020", or
    "31 April" in a dated release); None when it names one, or lacks only its year."""
    if found.start is not None or (found.year_inferred and anchor is None):
        return None
    return f"dateline date {text!r} names no such day: ignored, the release date is published= if given"


# The first character that cannot be part of a dateline's cities (letters, whitespace,
# ' ’ . - and the joins / &; "×" lies in the capitals' range À-Ý of the grammar): a
# digit, an underscore or anything outside those.
_PAST_CITIES: Final = re.compile(r"[^\w\s'’.\-/&×]|[\d_]")
_SPACED_HYPHEN: Final = re.compile(r"\s-")
_DASH_NEXT: Final = re.compile(r"\s+-+\s|\s*(?:[–—]|--)")  # how the grammar's dash after cities (and tag) begins
_WORD_BEFORE_DAY: Final = re.compile(r"(?:[A-Z][a-z]{2,8}|[A-Z]{3,9})\.?")  # "Monday", "Oct.", "MAY": the grammar's weekday and month shapes


def could_open_with_dateline(head: str) -> bool:
    """False when `head` cannot start with a dateline `match_dateline` reads (a cheap test).

    Every form opens with cities (or a weekday) written with letters, whitespace and
    ' ’ . - / &, and the first character past them is the comma before a date or a
    country, the parenthesis of an agency tag, a dash, or the digit of a date first
    (after a weekday and a month at most); or the dash is a hyphen set off by
    whitespace ("VIENNA - The ...") or "--" among them.
    Most ledes without a dateline fail this test at their first digit or bracket.
    """
    m = _PAST_CITIES.search(head)
    stop = len(head) if m is None else m.start()
    if m is not None:
        first = head[stop]
        if first in ",–—":
            return True
        if first == "(":  # an agency tag: a dash follows it
            close = head.find(")", stop + 1)
            if close > 0 and _DASH_NEXT.match(head, close + 1) is not None:
                return True
        elif first.isdecimal():  # a date first: at most a weekday and a month before its digit
            words = head[:stop].split()
            if len(words) <= 2 and all(map(_WORD_BEFORE_DAY.fullmatch, words)):
                return True
    # A hyphen dash ("VIENNA - The", "VIENNA -- (AP)") lies among the cities' characters.
    return "--" in head[:stop] or _SPACED_HYPHEN.search(head, 0, stop) is not None


DATELINE_HEAD: Final = 600  # characters of the body in which the dateline is looked for
_DATELINE_LINES: Final = 3  # the body's first line, else one of the next two
_DATELINE_WINDOW: Final = 200  # characters of a line read as a dateline


def find_dateline(
    body: str, places: PlaceKB | None, countries: dict[str, str], offset: int = 0, anchor: dt.date | None = None
) -> DatelineData | None:
    """The dateline at the start of `body`, else at the start of one of its next two
    lines (after a subtitle or a preamble line); None when there is none.

    `offset` is where `body` starts in the Doc's text; the rest is as for `read_dateline`.
    """
    head = body[:DATELINE_HEAD]
    pos = 0
    for _ in range(_DATELINE_LINES):
        found = read_dateline(head[pos : pos + _DATELINE_WINDOW], places, countries, offset + pos, anchor)
        nxt = head.find("\n", pos)
        if found is not None or nxt < 0:
            return found
        pos = nxt + 1
    return None


def read_dateline(
    head: str, places: PlaceKB | None, countries: dict[str, str], offset: int = 0, anchor: dt.date | None = None
) -> DatelineData | None:
    """Parse a dateline at the start of `head`; None when there is none.

    `countries` maps country names and demonyms to ISO3 ("TIRANA, Albania"); `anchor`
    (the publication date) gives the year of a dateline date written without one. With
    `places` None the cities are neither looked up nor checked (a quick look for the date
    alone: "OSCE –" then passes for a dateline without a date).
    """
    if not could_open_with_dateline(head):
        return None
    m = match_dateline(head)
    if m is None:
        return None
    date = warning = None
    if m.date is not None:
        found_date = dateline_date(m.date, anchor)
        if found_date is None:
            return None
        date = found_date.start
        warning = no_day_warning(m.date, found_date, anchor)
    found = [places.lookup(raw.title()) or places.lookup(raw) for raw in m.cities] if places is not None else [None] * len(m.cities)
    if m.date is None and places is not None and not all(p and (p.curated or m.agency or raw.isupper()) for p, raw in zip(found, m.cities)):
        return None  # "VIENNA –" is a dateline; "OSCE –" is not
    cities = [
        DatelineCity(city=raw.title() if raw.isupper() else raw, country=p.country if p else None, name=p.name if p else None)
        for p, raw in zip(found, m.cities)
    ]
    # "PRISHTINË/PRIŠTINA": one city in two languages, not two cities.
    same = len({(c.name, c.country) for c in cities}) == 1 and cities[0].name is not None
    single = cities[0] if len(cities) == 1 else None
    if same and len(cities) > 1:
        single = DatelineCity(city="/".join(c.city for c in cities), country=cities[0].country)
    named_code = countries.get(m.country) if m.country else None
    codes = {c.country for c in cities}
    country = named_code or (single.country if single else (codes.pop() if len(codes) == 1 else None))
    return DatelineData(
        text=m.text,
        city=single.city if single else None,
        country=country,
        cities=cities,
        date=date,
        start_char=offset + m.start,
        end_char=offset + m.end,
        warning=warning,
    )
