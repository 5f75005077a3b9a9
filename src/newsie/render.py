"""Seeing what newsie tagged: displaCy highlights with newsie's labels, and a record card."""
from __future__ import annotations

import html
from typing import Any

from spacy import displacy

from .cards import COLORS, release_card
from .records import Release


def _ents(rel: Release, field: str) -> list[dict[str, Any]]:
    text = (rel.title or "") if field == "title" else rel.text
    spans: list[tuple[int, int, str]] = []
    for state in rel.states:
        spans += [(m.start_char, m.end_char, "STATE") for m in state.mentions if m.field == field]
    for o in rel.organizations:
        spans += [(m.start_char, m.end_char, "ORG") for m in o.mentions if m.field == field]
    for p in rel.officials:
        spans += [(m.start_char, m.end_char, "PERSON") for m in p.mentions if m.field == field and not p.inferred]
    spans += [(d.start_char, d.end_char, "DATE") for d in rel.dates if d.field == field]
    for ev in rel.events[:1]:
        if ev.trigger:
            anchor = text.find(ev.evidence) if ev.evidence and field == "text" else 0
            k = text.find(ev.trigger, max(0, anchor))
            if k < 0:
                k = text.lower().find(ev.trigger.lower())
            if k >= 0:
                spans.append((k, k + len(ev.trigger), "EVENT"))
    # displaCy's entity view cannot nest: keep the longest of overlapping spans.
    spans.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, str]] = []
    for s in spans:
        if all(s[1] <= k[0] or s[0] >= k[1] for k in kept):
            kept.append(s)
    return [{"start": a, "end": b, "label": lab} for a, b, lab in sorted(kept)]


def render(
    release_or_text: Release | str,
    *,
    page: bool = False,
    jupyter: bool | None = None,
    **extract_kwargs: Any,
) -> str | None:
    """Highlight States, organizations, officials, dates and the event trigger.

    Args:
        release_or_text: a `Release`, or text to extract first (``extract_kwargs`` go to
            `newsie.extract`).
        page: return a standalone HTML page instead of a fragment.
        jupyter: display inline in a notebook (None: when running in one).

    Returns:
        The HTML (None when displayed inline in a notebook).
    """
    if isinstance(release_or_text, Release):
        rel = release_or_text
    else:
        from .api import extract

        rel = extract(release_or_text, **extract_kwargs)
    parts = []
    if rel.title:
        parts.append({"text": rel.title, "ents": _ents(rel, "title"), "title": None})
    parts.append({"text": rel.text, "ents": _ents(rel, "text"), "title": None})
    options = {"colors": COLORS, "ents": list(COLORS)}
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


def _in_notebook() -> bool:
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and shell.__class__.__name__ == "ZMQInteractiveShell"
