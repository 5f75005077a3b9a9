"""Counted members of an ethnic community: "120 Albanians and 15 Serbs returned".

The guidelines count a State for a demonym ("Serbian police") but not for words that name
an ethnic community living elsewhere. A plural demonym after a number or a quantifier, in a
release about another place, counts people of a community (Kosovo Albanians and Serbs),
not the State; these helpers tell the States tagger so.
"""
from __future__ import annotations

from collections.abc import Iterable

from ..tokens import Cols

# A matched State: start and end tokens, ISO3 code, and "name" or "demonym".
Row = tuple[int, int, str, str]

QUANTIFIERS = frozenset({"several", "many", "some", "few", "more", "hundreds", "thousands", "dozens", "all", "both", "most", "other"})


def counted_people(cols: Cols, start: int, end: int, demonyms: frozenset[str], communities: frozenset[str] = frozenset()) -> bool:
    """"120 Albanians", "hundreds of Serbs": a plural demonym (tokens ``start:end``) counting
    people; or one listed with a community that is no State's ("Bosniaks and Serbs",
    "Serbs, Roma and Ashkali": `communities`)."""
    text = cols.span_text(start, end)
    if not (text.endswith("s") and text[:-1] in demonyms):
        return False
    if communities and _listed_with(cols, start, end, communities):
        return True
    lowers = cols.lowers
    k = start - 1
    if k >= 0 and lowers[k] == "of" and k > 0 and lowers[k - 1] in QUANTIFIERS:
        return True
    while k >= 0 and lowers[k] in ("and", ",", "ethnic"):  # "120 Albanians and 15 Serbs"
        k -= 1
    return k == start - 1 and k >= 0 and (cols.like_num[k] or lowers[k] in QUANTIFIERS)


_LIST_REACH = 12  # list items looked at on each side of a demonym


def _listed_with(cols: Cols, start: int, end: int, communities: frozenset[str]) -> bool:
    """Whether a word of `communities` ("Roma", or two words: "Crimean Tatars") is in the
    list that tokens ``start:end`` are in: capitalized words joined by commas, "and" or
    "or" ("Albanians, Turks and Roma")."""
    texts, n = cols.texts, len(cols.texts)
    joins = ("and", "or", ",")

    def community_at(k: int, step: int) -> bool:
        # from the join at k, item by item (one or two words), while the list goes on, for
        # at most `_LIST_REACH` items (linear on a text that is one long list)
        for _ in range(_LIST_REACH):
            if not (0 <= k < n and texts[k] in joins):
                return False
            a = k + step
            if not (0 <= a < n and texts[a][:1].isupper()):
                return False
            b = a + step
            two = 0 <= b < n and texts[b][:1].isupper()
            if texts[a] in communities or (two and (f"{texts[a]} {texts[b]}" if step > 0 else f"{texts[b]} {texts[a]}") in communities):
                return True
            k = (b + step) if two else b
        return False

    return community_at(start - 1, -1) or community_at(end, 1)


def community_elsewhere(counted: Iterable[Row], others: Iterable[Row]) -> set[int]:
    """Start tokens of counted demonyms to drop: the release names another State or
    territory (where the community lives) and never names the demonym's own State."""
    named = [r[2] for r in others if r[3] == "name"]
    return {r[0] for r in counted if r[2] not in named and any(code != r[2] for code in named)}
