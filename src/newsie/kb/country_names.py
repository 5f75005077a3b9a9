"""Name forms of ISO 3166 entries as pycountry and statistical tables write them.

pycountry writes "Korea, Republic of"; texts write "Republic of Korea", UN tables
"Korea (Republic of)" or "Rep. of Korea", World Bank tables "Korea, Rep.". Each form is
derived from pycountry's ``name``, ``official_name`` and ``common_name``, so no list of
them is kept by hand.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

ABBREVIATIONS = (("Republic", "Rep."), ("Democratic", "Dem."))
_ABBREVIATE = tuple((full, re.compile(rf"\b{full}\b"), short) for full, short in ABBREVIATIONS)
_OF_END = re.compile(r"\bof( the)?$")


def abbreviate(name: str) -> str:
    """'Democratic Republic of the Congo' -> 'Dem. Rep. of the Congo'."""
    for full, rx, short in _ABBREVIATE:
        if full in name:  # most names hold neither word
            name = rx.sub(short, name)
    return name


def _base_forms(name: str) -> Iterator[str]:
    yield name
    paren = re.fullmatch(r"([^()]+?) \(([^()]+)\)", name)
    if paren:  # "Holy See (Vatican City State)" -> "Holy See"
        yield paren.group(1)
        return
    if "(" in name:  # "Yugoslavia, (Socialist) Federal Republic of": no safe inversion
        return
    if ", " not in name:
        return
    head, tail = name.split(", ", 1)
    tail = re.sub(r"^The ", "", tail)
    if _OF_END.search(tail):  # "Korea, Republic of"
        yield f"{head}, {tail}"
        yield f"{tail} {head}"  # "Republic of Korea"
        yield f"{head} ({tail})"  # "Korea (Republic of)"
        short = _OF_END.sub("", tail).strip()
        if "Republic" in short:  # "Korea, Rep.", "Congo, Dem. Rep."
            yield f"{head}, {abbreviate(short)}"
    elif " " not in tail:  # "Virgin Islands, British" -> "British Virgin Islands"
        yield f"{tail} {head}"


def name_forms(*names: str | None) -> list[str]:
    """Every form of the given names (pycountry's name, official and common name), in order."""
    forms: dict[str, None] = {}
    for raw in names:
        if not raw:
            continue
        for form in _base_forms(raw.strip()):
            forms[form] = None
            forms[abbreviate(form)] = None
    return list(forms)


__all__ = ["abbreviate", "name_forms"]
