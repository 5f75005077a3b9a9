"""Tests of the report's charts."""
from __future__ import annotations

from collections import Counter

import pytest

pytest.importorskip("matplotlib")

from newsie.reporting.plots import countries_figure


def test_country_legend_covers_no_bar() -> None:
    """The legend of the countries chart stands clear of every bar, even when all bars are as long as the longest."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    today = Counter({"SRB": 1000, "AUT": 1000, "(unknown)": 1000})
    fig = countries_figure(today, Counter(today))
    renderer = FigureCanvasAgg(fig).get_renderer()
    fig.draw(renderer)
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent(renderer)
    bars = [p.get_window_extent(renderer) for p in ax.patches]
    assert len(bars) == 6
    assert not any(legend.overlaps(b) for b in bars)
