"""Only the bodies with a form that is a person's office are checked as offices; the others are kept as before."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsie.components.organizations import GAZ, _filter
from newsie.tokens import cols


def _reference(tagger, T, spans):
    """The check as it was: every match's text compared with the offices."""
    out = []
    offices = tagger._person_offices
    for span in spans:
        start = span[0]
        text = T.span_text(start, span[1])
        if text not in offices and "OSCE" not in text:
            out.append(span)
            continue
        words = text.split(maxsplit=1)
        core = words[1] if words[0] == "OSCE" and len(words) > 1 else text
        if core in offices and not (start > 1 and T.texts[start - 2] == "Office"):
            if words[0] == "OSCE" and tagger._osce_id:
                out.append((start, start + 1, tagger.kb.by_id[tagger._osce_id].kind, tagger._osce_id, GAZ))
            continue
        out.append(span)
    return out


PIECES = [
    "OSCE Representative on Freedom of the Media", "Representative on Freedom of the Media", "High Commissioner on National Minorities",
    "OSCE High Commissioner on National Minorities", "Chairperson-in-Office", "OSCE Chairperson-in-Office", "OSCE Chairmanship",
    "OSCE Mission to Serbia", "Office", "of the", "OSCE", "ODIHR", "said", ",", "the",
]
SEPARATORS = [" ", "  ", "\n", " the "]


@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), min_size=1, max_size=8))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_office_check_keeps_what_the_full_check_keeps(nlp, parts) -> None:
    """On texts of bodies, offices and "OSCE <office>" with any spacing, the result equals the full check's."""
    tagger = nlp.get_pipe("newsie_organizations")
    tagger.ensure_ready()
    text = "".join(p + sep for p, sep in parts).replace("Representative on", "Representative  on", 1)
    doc = nlp.make_doc(text)
    T = cols(doc)
    info = tagger._match_info
    gaz = _filter([(s, e) + info[m] for m, s, e in tagger.matcher(doc) if m != tagger._rule_word_id])  # the gazetteer's matches, not the rule words'
    assert tagger._without_person_offices(T, gaz) == _reference(tagger, T, gaz)
