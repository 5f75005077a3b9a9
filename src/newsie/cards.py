"""A compact HTML card of a record (``Release._repr_html_`` in notebooks)."""
from __future__ import annotations

import html
from typing import TYPE_CHECKING

from .extensions import DATE, EVENT, ORG, PERSON, STATE

if TYPE_CHECKING:
    from .records import Release

COLORS = {STATE: "#9fd3c7", ORG: "#f7d794", PERSON: "#f8a5c2", DATE: "#c3aed6", EVENT: "#ff9f68"}


def release_card(rel: Release) -> str:
    """A compact HTML card of a record (used by ``Release._repr_html_``)."""
    e = html.escape
    ev = rel.events[0] if rel.events else None
    where = ", ".join(x for x in ((ev.location.city, ev.location.country) if ev else ()) if x)
    when = ""
    if ev and ev.start:
        when = ev.start.isoformat() + (f" – {ev.end.isoformat()}" if ev.end and ev.end != ev.start else "")

    def chips(items: list[str], color: str) -> str:
        return " ".join(f"<span style='background:{color};border-radius:4px;padding:0 4px;margin:1px'>{e(i)}</span>" for i in items)

    rows = [
        ("Published", e(rel.published.isoformat()) if rel.published else "—"),
        ("Event", e(f"{ev.type} ({ev.confidence:.2f})") if ev else "—"),
        ("When", e(when) or "—"),
        ("Where", e(where) or "—"),
        ("Participants", e(str(ev.participants)) if ev and ev.participants is not None else "—"),
        ("States", chips([s.iso3 for s in rel.states], COLORS[STATE]) or "—"),
        ("Organizations", chips([o.name for o in rel.organizations], COLORS[ORG]) or "—"),
        ("Officials", chips([p.name + (" (inferred)" if p.inferred else "") for p in rel.officials], COLORS[PERSON]) or "—"),
        ("Fields of work", e(", ".join(rel.fields_of_work)) or "—"),
    ]
    if rel.error:
        rows.insert(0, ("Error", f"<b>{e(rel.error.type)}</b>: {e(rel.error.message)}"))
    table = "".join(f"<tr><th style='text-align:left;padding-right:1em'>{k}</th><td>{v}</td></tr>" for k, v in rows)
    return (
        "<div class='newsie-card' style='border:1px solid #ccc;border-radius:6px;padding:8px;margin:4px 0'>"
        f"<div style='font-weight:bold'>{e(rel.title or rel.id)}</div><table>{table}</table></div>"
    )
