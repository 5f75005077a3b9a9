"""An archive at a glance: one self-contained HTML page about a run's records.

    >>> import newsie
    >>> html = newsie.report("releases.jsonl", output="report.html")

or ``newsie report releases.jsonl -o report.html`` on the command line.

The page states the counts (releases, events, failures, warnings), charts events over
time by type, by country (today's and, where records carry it, at the event's date),
fields of work and participants per type, lists the top organizations and officials, and
ends with a data-quality section naming the records to look at. Charts are SVG embedded
in the page: it opens offline and can be mailed as one file. Needs the optional extra:
``pip install 'newsie[report]'`` (matplotlib, jinja2).
"""
from __future__ import annotations

import datetime as dt
import os
import sys
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any, TextIO, Union

from ..about import __version__
from ..exceptions import MissingExtraError
from ..records import Release
from . import plots
from .summary import Summary, summarize

PathLike = Union[str, os.PathLike]
Records = Union[PathLike, Release, Iterable[Union[Release, Mapping[str, Any], PathLike]]]
TEMPLATE = "report.html.j2"
MAX_IDS = 200


def _releases(records: Records) -> tuple[list[Release], str]:
    """The records to report on, and how the page names their source."""
    from ..storage import read_records

    if isinstance(records, (str, os.PathLike, Release, Mapping)):
        records = [records]
    elif hasattr(records, "columns") or not isinstance(records, Iterable):
        # A DataFrame iterates over its column names, which were then read as paths.
        raise TypeError(
            f"report takes Release records, their dicts or the paths of files of them, not {type(records).__name__}"
            + (": a table from newsie.to_dataframe cannot be read back into records" if hasattr(records, "columns") else "")
        )
    rels: list[Release] = []
    paths: list[str] = []
    for r in records:
        if isinstance(r, (str, os.PathLike)):
            rels.extend(read_records(Path(r)))
            paths.append(os.fspath(r))
        else:
            rels.append(r if isinstance(r, Release) else Release.model_validate(r))
    return rels, ", ".join(paths) if paths else f"{len(rels):,} record{'s' * (len(rels) != 1)}"


def _jinja2() -> Any:
    try:
        import jinja2
    except ImportError as exc:
        raise MissingExtraError("newsie.report", "report", "jinja2") from exc
    return jinja2


def check_extras() -> None:
    """The packages of the ``newsie[report]`` extra are installed: checked before any record is read.

    Raises:
        MissingExtraError: matplotlib or jinja2 is not installed.
    """
    plots.require()
    _jinja2()


def _template() -> Any:
    jinja2 = _jinja2()
    source = (resources.files(__name__) / "templates" / TEMPLATE).read_text(encoding="utf-8")
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    return env.from_string(source)


def _charts(s: Summary) -> dict[str, Any]:
    charts: dict[str, Any] = dict.fromkeys(("time", "period", "countries", "fields", "participants"))
    if s.per_month:
        charts["time"], charts["period"] = plots.events_over_time(s.months, s.per_month, s.event_types)
    if s.countries_today:
        charts["countries"] = plots.countries(s.countries_today, s.countries_at_date)
    if s.fields_of_work:
        charts["fields"] = plots.bars(s.fields_of_work, "releases")
    if any(p.values for p in s.participants):
        charts["participants"] = plots.participants(s.participants)
    return charts


def render_html(summary: Summary, *, source: str, title: str) -> str:
    """The page for a computed `Summary`."""
    return _template().render(
        s=summary, charts=_charts(summary), title=title, source=source, version=__version__,
        generated=dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        max_ids=MAX_IDS, type_colors=plots.TYPE_COLORS,
    )


def check_output(output: str | os.PathLike) -> Path:
    """The file to write the page to, checked before any record is read.

    Raises:
        FileNotFoundError: its folder does not exist.
        IsADirectoryError: it is a folder.
    """
    target = Path(output)
    if target.is_dir():
        raise IsADirectoryError(f"{os.fspath(output)!r} is a folder: give the HTML file to write")
    if not target.parent.is_dir():
        raise FileNotFoundError(f"{os.fspath(output)!r}: the folder {str(target.parent)!r} does not exist")
    return target


def report(
    records: Records,
    output: str | os.PathLike | None = None,
    *,
    title: str = "newsie report",
    top: int = 15,
    low_confidence: float = 0.5,
) -> str:
    """One self-contained HTML page about a set of records.

    Args:
        records: `Release` records or their dicts (e.g. `newsie.extract_many(...)`), or the
            path of what `newsie extract` wrote: a JSON Lines or Parquet file, or a folder of
            them (or a list of such paths).
        output: also write the page to this file.
        title: the page's heading.
        top: how many organizations and officials to list.
        low_confidence: events whose type confidence is below this are listed for review.

    Returns:
        The HTML page. No records give a page that says so, with zero counts. Each
        release is counted once: a record read again with the same id and content (files
        that repeat or overlap) is left out, and the page says how many were; of records
        with the same id and different content (versions of one release) the last one read
        without an error is counted, and the page lists the id (see `summary.distinct`).

    Raises:
        MissingExtraError: matplotlib or jinja2 is not installed (found before any record
            is read).
        FileNotFoundError: a path that does not exist, or an `output` whose folder does not
            (found before any record is read).
        IsADirectoryError: `output` is a folder.
        RecordsFileError: a file that holds no newsie records (a ValueError).
        pydantic.ValidationError: a dict that is not a newsie record.
        TypeError: `records` is none of these (a DataFrame, None, a number).
    """
    check_extras()
    target = check_output(output) if output is not None else None
    rels, source = _releases(records)
    page = render_html(summarize(rels, top=top, low_confidence=low_confidence), source=source, title=title)
    if target is not None:
        target.write_text(page, encoding="utf-8")
    return page


def write_report(
    paths: list[str],
    output: str | None,
    *,
    title: str = "newsie report",
    top: int = 15,
    low_confidence: float = 0.5,
    out: TextIO | None = None,
) -> Path | None:
    """What `newsie report` does: one page about the records of every path.

    Raises:
        MissingExtraError: matplotlib or jinja2 is not installed (before any record is read).
        FileNotFoundError, IsADirectoryError: `output` cannot be written (before any
            record is read).

    Returns:
        The file written, or None when the page went to `out` (``output`` "-" or None).
    """
    check_extras()
    target = None if output in (None, "-") else check_output(str(output))
    page = report(list(paths), title=title, top=top, low_confidence=low_confidence)
    if target is None:
        (out or sys.stdout).write(page)
        return None
    target.write_text(page, encoding="utf-8")
    return target


__all__ = ["check_extras", "check_output", "render_html", "report", "write_report"]
