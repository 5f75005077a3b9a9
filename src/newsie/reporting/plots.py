"""The report's charts: matplotlib figures rendered to SVG data URIs (no pyplot, no backend).

Each chart is a standalone SVG inside an ``<img>``, so charts cannot clash with one
another's element ids and the page needs nothing from the network.
"""
from __future__ import annotations

import base64
import io
import math
from collections import Counter
from typing import Any

from ..exceptions import MissingExtraError
from .summary import UNKNOWN, ParticipantStats, as_rows

# One colour per event type, fixed so a type looks the same in every chart and report.
TYPE_COLORS = {
    "training": "#4e79a7", "meeting": "#f28e2b", "visit": "#59a14f", "statement": "#e15759",
    "election_observation": "#b07aa1", "donation": "#76b7b2", "agreement": "#edc948",
    "publication": "#9c755f", "launch": "#ff9da7", "appointment": "#86bcb6", "other": "#bab0ac",
}
ACCENT = "#4e79a7"
MUTED = "#bab0ac"
RC: dict[Any, Any] = {  # matplotlib's stubs type rc keys as literals
    "svg.fonttype": "none", "svg.hashsalt": "newsie", "font.size": 9, "font.family": "sans-serif",
    "axes.spines.top": False, "axes.spines.right": False, "axes.titlesize": 10,
}


def require() -> Any:
    """matplotlib, with the modules the charts use.

    Raises:
        MissingExtraError: matplotlib is not installed (naming the ``newsie[report]`` extra).
    """
    try:
        import matplotlib
        import matplotlib.figure
        import matplotlib.ticker
    except ImportError as exc:
        raise MissingExtraError("newsie.report", "report", "matplotlib") from exc
    return matplotlib


def _style() -> Any:
    """The charts' matplotlib settings (`RC`), as a context."""
    return require().rc_context(RC)


def _figure(width: float, height: float) -> Any:
    return require().figure.Figure(figsize=(width, height), layout="constrained")


def _counts_axis(axis: Any) -> None:
    axis.set_major_locator(require().ticker.MaxNLocator(integer=True))


def to_data_uri(fig: Any) -> str:
    """The figure as an ``data:image/svg+xml;base64,...`` URI."""
    buf = io.BytesIO()
    with _style():
        fig.savefig(buf, format="svg", metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def _by_year(months: list[str], per_month: dict[str, Counter[str]]) -> tuple[list[str], dict[str, Counter[str]]]:
    years = sorted({m[:4] for m in months})
    years = [f"{y:04d}" for y in range(int(years[0]), int(years[-1]) + 1)]  # as the months write them ("0999")
    out: dict[str, Counter[str]] = {y: Counter() for y in years}
    for m, c in per_month.items():
        out[m[:4]].update(c)
    return years, out


def events_over_time(months: list[str], per_month: dict[str, Counter[str]], types: list[str]) -> tuple[str, str]:
    """Stacked bars of events by type per month (per year over more than six years).

    Returns:
        The chart's data URI and the period it counts by ("month" or "year").
    """
    period = "month"
    if len(months) > 72:
        months, per_month = _by_year(months, per_month)
        period = "year"
    with _style():
        fig = _figure(9.0, 3.4)
        ax = fig.add_subplot()
        x = list(range(len(months)))
        bottom = [0] * len(months)
        for t in types:
            h = [per_month.get(m, Counter())[t] for m in months]
            ax.bar(x, h, bottom=bottom, width=0.85, color=TYPE_COLORS.get(t, MUTED), label=t.replace("_", " "))
            bottom = [b + v for b, v in zip(bottom, h)]
        step = max(1, math.ceil(len(months) / (18 if period == "month" else 12)))
        ax.set_xticks(x[::step], months[::step], rotation=45 if period == "month" else 0, ha="right" if period == "month" else "center")
        ax.set_ylabel("events")
        _counts_axis(ax.yaxis)
        ax.set_xlim(-0.6, len(months) - 0.4)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
        return to_data_uri(fig), period


def countries(today: Counter[str], at_date: Counter[str] | None, n: int = 20) -> str:
    """Horizontal bars of events by country (today's and, when known, at the date)."""
    with _style():
        return to_data_uri(countries_figure(today, at_date, n))


def countries_figure(today: Counter[str], at_date: Counter[str] | None, n: int = 20) -> Any:
    """The figure of `countries`."""
    rows = as_rows(today + (at_date or Counter()), n)
    labels = [code for code, _ in rows][::-1]
    with _style():
        fig = _figure(9.0, 0.7 + (0.19 if at_date is None else 0.25) * max(len(labels), 3))
        ax = fig.add_subplot()
        y = list(range(len(labels)))
        if at_date is None:
            ax.barh(y, [today[c] for c in labels], color=[MUTED if c == UNKNOWN else ACCENT for c in labels])
        else:
            ax.barh([v + 0.2 for v in y], [today[c] for c in labels], height=0.4, color=ACCENT, label="country today")
            ax.barh([v - 0.2 for v in y], [at_date[c] for c in labels], height=0.4, color="#f28e2b", label="country at the date")
            # Beside the axes, as in `events_over_time`: inside, it covered the bars of the
            # bottom countries whenever they were as long as the top one's.
            ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, fontsize=8)
        ax.set_yticks(y, labels)
        ax.set_xlabel("events")
        _counts_axis(ax.xaxis)
        return fig


def bars(counter: Counter[str], xlabel: str, n: int = 20) -> str:
    """Horizontal bars of the `n` largest counts."""
    rows = as_rows(counter, n)[::-1]
    with _style():
        fig = _figure(9.0, 0.7 + 0.19 * max(len(rows), 3))
        ax = fig.add_subplot()
        ax.barh(range(len(rows)), [k for _, k in rows], color=ACCENT)
        ax.set_yticks(range(len(rows)), [name for name, _ in rows])
        ax.set_xlabel(xlabel)
        _counts_axis(ax.xaxis)
        return to_data_uri(fig)


def participants(stats: list[ParticipantStats]) -> str:
    """Box plots of participant counts per event type (log scale when counts span widely)."""
    rows = [s for s in stats if s.values][::-1]
    with _style():
        fig = _figure(9.0, 0.8 + 0.28 * max(len(rows), 3))
        ax = fig.add_subplot()
        box = ax.boxplot(
            [s.values for s in rows], orientation="horizontal", patch_artist=True, widths=0.6,
            medianprops={"color": "#1f2933", "linewidth": 1.5}, flierprops={"markersize": 4},
        )
        for patch, s in zip(box["boxes"], rows):
            patch.set_facecolor(TYPE_COLORS.get(s.type, MUTED))
        ax.set_yticks(range(1, len(rows) + 1), [f"{s.type.replace('_', ' ')} (n={s.with_count})" for s in rows])
        lo = min(min(s.values) for s in rows)
        hi = max(max(s.values) for s in rows)
        if lo > 0 and hi / lo > 50:
            ax.set_xscale("log")
        ax.set_xlabel("participants per event")
        return to_data_uri(fig)


__all__ = ["TYPE_COLORS", "bars", "countries", "countries_figure", "events_over_time", "participants", "require", "to_data_uri"]
