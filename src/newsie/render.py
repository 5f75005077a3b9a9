"""Seeing what newsie tagged: displaCy highlights with newsie's labels, and a record card."""
from __future__ import annotations

import html
from collections.abc import Mapping
from typing import Any, Union

from spacy import displacy

from .cards import COLORS, release_card
from .customtypes import EVENT_TYPES, ORG_KINDS
from .extensions import DATE, EVENT, ORG, PERSON, STATE
from .records import Release

# displaCy's kb_url_template per kind of identifier ("{}" takes the id); "#" when absent.
KbTemplates = Union[str, Mapping[str, str], None]


def org_label(kind: str) -> str:
    """The entity label of an organization of `kind` ("ORG:FIELD_OPERATION")."""
    return f"{ORG}:{kind.upper()}"


def event_label(etype: str) -> str:
    """The entity label of an event trigger of type `etype` ("EVENT:TRAINING")."""
    return f"{EVENT}:{etype.upper()}"


def label_colors() -> dict[str, str]:
    """Every entity label newsie renders, with its colour."""
    colors = {STATE: COLORS[STATE], PERSON: COLORS[PERSON], DATE: COLORS[DATE]}
    colors.update({org_label(k): COLORS[ORG] for k in ORG_KINDS})
    colors.update({event_label(t): COLORS[EVENT] for t in EVENT_TYPES})
    return colors


def _kb(templates: KbTemplates, kind: str, kb_id: str | None) -> dict[str, str]:
    if not kb_id:
        return {}
    template = templates if isinstance(templates, str) else (templates or {}).get(kind)
    return {"kb_id": kb_id, "kb_url": template.format(kb_id) if template else "#"}


def _trigger_spans(rel: Release, text: str, field: str) -> list[dict[str, Any]]:
    """Where each event's trigger stands in `text` (near its evidence when known)."""
    spans: list[dict[str, Any]] = []
    for ev in rel.events:
        if not ev.trigger:
            continue
        anchor = text.find(ev.evidence) if ev.evidence and field == "text" else 0
        k = text.find(ev.trigger, max(0, anchor))
        if k < 0:
            k = text.find(ev.trigger)
        if k < 0:
            k = text.lower().find(ev.trigger.lower())
        if k >= 0:
            spans.append({"start": k, "end": k + len(ev.trigger), "label": event_label(ev.type)})
    return spans


def _ents(rel: Release, field: str, templates: KbTemplates = None) -> list[dict[str, Any]]:
    text = (rel.title or "") if field == "title" else rel.text
    spans: list[dict[str, Any]] = []
    for st in rel.states:
        kb = _kb(templates, STATE, st.iso3)
        spans += [{"start": m.start_char, "end": m.end_char, "label": STATE, **kb} for m in st.mentions if m.field == field]
    for o in rel.organizations:
        kb = _kb(templates, ORG, o.id)
        spans += [{"start": m.start_char, "end": m.end_char, "label": org_label(o.kind), **kb} for m in o.mentions if m.field == field]
    for p in rel.officials:
        spans += [{"start": m.start_char, "end": m.end_char, "label": PERSON} for m in p.mentions if m.field == field and not p.inferred]
    spans += [{"start": d.start_char, "end": d.end_char, "label": DATE} for d in rel.dates if d.field == field]
    spans += _trigger_spans(rel, text, field)
    # displaCy's entity view cannot nest: keep the longest of overlapping spans.
    spans.sort(key=lambda s: (-(s["end"] - s["start"]), s["start"]))
    kept: list[dict[str, Any]] = []
    for s in spans:
        if all(s["end"] <= k["start"] or s["start"] >= k["end"] for k in kept):
            kept.append(s)
    return sorted(kept, key=lambda s: s["start"])


def render(
    release_or_text: Release | str,
    *,
    page: bool = False,
    jupyter: bool | None = None,
    kb_url_template: KbTemplates = None,
    **extract_kwargs: Any,
) -> str | None:
    """Highlight States, organizations (by kind), officials, dates and every event trigger (by type).

    Each State shows its ISO3 code and each known organization its gazetteer id, linked
    through displaCy's ``kb_url_template``.

    Args:
        release_or_text: a `Release`, or text to extract first (``extract_kwargs`` go to
            `newsie.extract`).
        page: return a standalone HTML page instead of a fragment.
        jupyter: display inline in a notebook (None: when running in one).
        kb_url_template: a URL with ``{}`` for the identifier, one for all or a mapping
            ``{"STATE": ..., "ORG": ...}``; identifiers link to "#" without one. E.g.
            ``{"STATE": "https://www.iso.org/obp/ui/#iso:code:3166:{}"}``.

    Returns:
        The HTML (None when displayed inline in a notebook).

    Raises:
        TypeError: `release_or_text` is neither a `Release` nor a str (the message says
            what to pass for a record read back as a dict, or an input item).
    """
    if isinstance(release_or_text, Release):
        rel = release_or_text
    elif not isinstance(release_or_text, str):
        raise TypeError(_not_renderable(release_or_text))
    else:
        from .api import extract

        rel = extract(release_or_text, **extract_kwargs)
    parts = []
    if rel.title:
        parts.append({"text": rel.title, "ents": _ents(rel, "title", kb_url_template), "title": None})
    parts.append({"text": rel.text, "ents": _ents(rel, "text", kb_url_template), "title": None})
    colors = label_colors()
    options = {"colors": colors, "ents": list(colors)}
    body = displacy.render(parts, style="ent", manual=True, options=options, page=False, jupyter=False)
    markup = release_card(rel) + body
    if page:
        markup = (
            "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{html.escape(rel.title or rel.id)}</title></head>"
            f"<body style='font-family: sans-serif; max-width: 60em; margin: 2em auto'>{markup}</body></html>"
        )
    if jupyter is None:
        jupyter = _in_notebook()
    if jupyter:
        from IPython.display import HTML, display

        display(HTML(markup))
        return None
    return markup


def _not_renderable(value: Any) -> str:
    """What to pass instead of `value`."""
    what = f"render takes a Release (from newsie.extract) or the text of a release, not {type(value).__name__}"
    if isinstance(value, Mapping):
        return (
            f"{what}: for a record read back as a dict pass newsie.Release.model_validate(record); "
            "for an input item pass its text, render(item['text'], title=item.get('title'), published=item.get('published'))"
        )
    return what


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"
