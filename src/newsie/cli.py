"""The `newsie` command line (typer, like spaCy's own).

Exit status: 0 done, 1 some documents failed (each has an error record), 2 a usage
mistake (reported once, before any work, with the fix), 141 the reader of stdout went
away (``| head``), 143 stopped by SIGTERM.
"""
from __future__ import annotations

import inspect
import io
import json
import os
import signal
import sys
import threading
import warnings
from collections.abc import Sequence
from enum import Enum
from pathlib import Path
from types import FrameType
from typing import Annotated, Any

import typer

from .about import __version__
from .exceptions import GazetteerError, NewsieError, NewsieWarning, UsageError

EXTRACT_HELP = """Extract one record per document from files, folders, globs, JSON Lines, CSV, HTML or stdin.

Text files: the first line is the title when it looks like one; scraped pages lose their menus.
.jsonl/.csv/.tsv: one document per line/row; .json: an array of objects (pandas'
orient="records") or objects one after another (one, JSON Lines, jq's pretty output). .html/.htm: main text via trafilatura
(pip install 'newsie[html]'). Folders are read recursively, only files with a known suffix
(.txt .md .html .jsonl .csv ...; .json when named or matched by a *.json glob); others, and
newsie's own output files, are skipped with a count. '-' reads stdin: JSONL (or a JSON
array, or jq's pretty objects), a CSV/TSV table (told by its header), or one release's text.
Encoding: UTF-8, UTF-16 or UTF-32 with a byte-order mark, or UTF-16 LE/BE without one; an
input that is not UTF-8 in --encoding CODEC (e.g. cp1252); HTML that is not UTF-8: its
<meta charset>, then --encoding.

Output: JSON Lines (default, to stdout), or by --output suffix .csv (the events table) or
.parquet (the releases table with whole records); --level picks another table.
"""

EXTRACT_EPILOG = """\b
Examples:
  newsie extract release.txt
  newsie extract archive/ -o releases.jsonl --n-process 2 --resume
  newsie extract dump.jsonl --text-field body --id-field key --date-field day -o events.csv
  newsie extract export.csv -o mentions.parquet --level mentions
  newsie extract pages/*.html --published 2024-03-14 --gazetteers mine.yaml
  cat releases.jsonl | newsie extract - -o out.jsonl
"""

app = typer.Typer(
    name="newsie",
    help="Typed event records from press releases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
gazetteers_app = typer.Typer(help="Work with user gazetteer files.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(gazetteers_app, name="gazetteers")


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Level(str, Enum):
    releases = "releases"
    events = "events"
    mentions = "mentions"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newsie {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Typed event records from press releases."""


GazetteerFiles = Annotated[
    list[Path] | None,
    typer.Option(
        "--gazetteers", "-g", exists=True, dir_okay=False, readable=True, metavar="FILE",
        help="A user gazetteer (JSON or YAML) merged into the defaults; repeat for several.",
    ),
]
BaseName = Annotated[str | None, typer.Option("--base", metavar="PIPELINE", help="An installed spaCy pipeline (e.g. en_core_web_sm) as base.")]
Models = Annotated[
    str | None,
    typer.Option("--models", metavar="DIR|none", help="Trained models to use: a folder from 'newsie train', or 'none' for the rules alone."),
]


def load_options(gazetteers: GazetteerFiles, base: str | None, models: str | None) -> dict[str, Any]:
    """Arguments of `newsie.load` from the command line, checked (a bad gazetteer or model is a UsageError)."""
    from .pipeline import load

    options: dict[str, Any] = {}
    if base:
        options["base"] = base
    if gazetteers:
        from .kb.user import read_user_gazetteers

        read_user_gazetteers(gazetteers)  # a bad entry is named before any work
        options["gazetteers"] = [str(g) for g in gazetteers]
    if models is not None:
        if "models" not in inspect.signature(load).parameters:
            raise UsageError("--models is not available in this version of newsie (no trained models ship with it)")
        if models.lower() in ("none", "off", "false"):
            options["models"] = False
        elif not Path(models).exists():
            raise UsageError(f"--models {models!r}: no such folder (give a folder written by 'newsie train', or 'none')")
        else:
            options["models"] = models
    return options


def _load(options: dict[str, Any]) -> Any:
    """Build the pipeline now: a missing base pipeline fails before any work (and the rate excludes loading)."""
    from .pipeline import load

    try:
        return load(**options)
    except GazetteerError:
        raise
    except NewsieError as exc:
        raise UsageError(_cli_words(str(exc))) from None


# newsie.load's messages name its arguments; on the command line the options say the same.
_CLI_WORDS = (("(call newsie.load() without base=)", "(leave out --base)"), ("models=", "--models "))


def _cli_words(message: str) -> str:
    """`message` with the Python arguments it names written as the CLI's options."""
    for api, cli in _CLI_WORDS:
        message = message.replace(api, cli)
    return message


def _encoding(value: str | None) -> str | None:
    """The --encoding codec, checked before any input is read (None for UTF-8, the default)."""
    from .archive.readers import check_encoding

    if value is None:
        return None
    try:
        return check_encoding(value)
    except LookupError:
        raise typer.BadParameter(
            f"{value!r} is no text encoding newsie reads files in (one that reads ASCII as ASCII, or UTF-16/UTF-32); "
            "e.g. cp1252 (Windows, Western Europe), cp1250 (Central Europe), cp1251 (Cyrillic), UTF-16LE"
        ) from None


@app.command(help=EXTRACT_HELP, epilog=EXTRACT_EPILOG, no_args_is_help=True)
def extract(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="Files, folders, globs, or - for stdin.", show_default=False)],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", dir_okay=False, help="Output file: .jsonl, .csv or .parquet; - for stdout (the default: JSON Lines)."),
    ] = None,
    format: Annotated[Format | None, typer.Option("--format", "-f", help="Output format (default: from the --output suffix).")] = None,
    level: Annotated[
        Level | None, typer.Option("--level", help="Table of CSV/Parquet output (default: events for CSV, releases for Parquet).")
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Skip inputs already in --output (by file, line and content) and append; an input changed since is run again and its new record takes the old one's place.")
    ] = False,
    retry_failed: Annotated[
        bool, typer.Option("--retry-failed", help="With --resume: drop failed records from --output and run their inputs again (their new records come at the end).")
    ] = False,
    timeout: Annotated[
        float,
        typer.Option("--timeout", min=0, metavar="SECONDS", help="With --n-process > 1: a batch over this long is run again item by item, and an item over it alone is stopped and recorded as an error (0: no limit)."),
    ] = 600.0,
    n_process: Annotated[int, typer.Option("--n-process", "-n", min=1, help="Worker processes.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Documents per batch.")] = 256,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary, no per-document errors.")] = False,
    text_field: Annotated[str, typer.Option("--text-field", help="JSONL key / CSV column of the text.")] = "text",
    id_field: Annotated[str, typer.Option("--id-field", help="... of the record id (else FILE:LINE).")] = "id",
    title_field: Annotated[str, typer.Option("--title-field", help="... of the title.")] = "title",
    date_field: Annotated[str, typer.Option("--date-field", help="... of the publication date.")] = "published",
    url_field: Annotated[str, typer.Option("--url-field", help="... of the URL.")] = "url",
    published: Annotated[str | None, typer.Option("--published", metavar="YYYY-MM-DD", help="Publication date for inputs that have none.")] = None,
    encoding: Annotated[
        str | None,
        typer.Option(
            "--encoding", metavar="CODEC", callback=_encoding,
            help="Encoding of input files and stdin that are not UTF-8 (default: UTF-8): a codec Python knows that reads "
            "ASCII as ASCII, or UTF-16/UTF-32; e.g. cp1252 (Western Europe), cp1250, cp1251; latin-1 and ascii are read as "
            "cp1252, as browsers read them. An input that is all valid UTF-8 is read as UTF-8 all the same, so an "
            "archive may mix both; a byte-order mark, and UTF-16 without one, still decide; "
            "HTML tries its <meta charset> before it.",
        ),
    ] = None,
    gazetteers: GazetteerFiles = None,
    base: BaseName = None,
    models: Models = None,
) -> None:
    from .archive.preflight import (
        check_fields,
        check_inputs,
        check_output,
        check_output_not_input,
        check_published,
        output_format,
    )
    from .archive.readers import Fields, peek_text, read_stream_bytes
    from .archive.run import run_extract
    from .archive.writers import written_by

    fields = Fields(text=text_field, id=id_field, title=title_field, date=date_field, url=url_field)
    if output is not None and str(output) == "-":
        output = None  # stdout, as for newsie report
    fmt = output_format(output, format.value if format else None)
    check_output_not_input(inputs, output)
    check_output(output, fmt, resume, level.value if level else None)
    published = check_published(published)
    plan = check_inputs(inputs, written_by(output) if output is not None else None)
    stdin = head = None
    if "-" in inputs:
        # Read once, as bytes (its start checked here, then extracted): decoded like a
        # file, so a stray byte is an error record, not a traceback or mojibake.
        raw = read_stream_bytes(sys.stdin)
        stdin, head = io.BytesIO(raw), peek_text(raw, encoding=encoding)
    named = [name for name, value in (("id", id_field), ("title", title_field), ("date", date_field), ("url", url_field)) if value != getattr(Fields(), name)]
    for warning in check_fields(inputs, fields, head, named, encoding):
        if not quiet:
            print(warning, file=sys.stderr)
    options = load_options(gazetteers, base, models)
    notice = plan.notice()
    if notice and not quiet:
        print(notice, file=sys.stderr)
    _load(options)
    try:
        summary = run_extract(
            inputs,
            fields=fields,
            output=output,
            fmt=fmt,
            resume=resume,
            retry_failed=retry_failed,
            n_process=n_process,
            batch_size=batch_size,
            quiet=quiet,
            published=published,
            level=level.value if level else None,
            load_options=options,
            timeout=timeout or None,
            stdin=stdin,
            encoding=encoding,
        )
    except BrokenPipeError:  # the reader of stdout went away (| head): stop quietly, like other Unix tools
        _silence_stdout()
        raise typer.Exit(BROKEN_PIPE) from None
    if not quiet:
        print(summary.line(), file=sys.stderr)
    _done(1 if summary.failed else 0)


@app.command(epilog="\b\nExample:\n  newsie schema > release.schema.json")
def schema() -> None:
    """Print the JSON Schema of the Release record."""
    from .records import Release

    # Name the dialect pydantic writes, so that validators do not fall back to an older one.
    doc = {"$schema": "https://json-schema.org/draft/2020-12/schema", **Release.model_json_schema()}
    doc["$comment"] = f"newsie {__version__}, schema {Release.model_fields['schema_version'].default}"
    sys.stdout.write(json.dumps(doc, indent=2) + "\n")


@app.command(
    name="eval",
    epilog="\b\nExamples:\n  newsie eval my_gold.jsonl\n  newsie eval my_gold.jsonl --json --errors 20 --gazetteers mine.yaml",
)
def eval_(
    gold: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True, help="Gold JSONL (format: newsie.evaluate); partial gold is scored on what it has.")],
    json_: Annotated[bool, typer.Option("--json", help="Print the summary as one JSON object.")] = False,
    errors: Annotated[int, typer.Option("--errors", min=0, metavar="N", help="Also show the misses of up to N documents.")] = 0,
    gazetteers: GazetteerFiles = None,
    base: BaseName = None,
    models: Models = None,
) -> None:
    """Score newsie against your own annotated releases (JSONL)."""
    from .evaluate import evaluate, format_summary, newsie_predictor, read_gold

    try:
        items = read_gold(gold)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    nlp = _load(load_options(gazetteers, base, models))
    predict = newsie_predictor(nlp)
    if items:
        predict(items[0])  # warm-up: building lazy indexes is not per-document time
    summary = evaluate(items, predict, check=False)  # read_gold checked every line
    if json_:
        if not errors:
            summary.pop("errors")
        else:
            summary["errors"] = summary["errors"][:errors]
        sys.stdout.write(json.dumps(summary, ensure_ascii=False) + "\n")
    else:
        for line in format_summary(summary, errors):
            sys.stdout.write(line + "\n")


@app.command(
    epilog="\b\nExamples:\n  newsie train labeled.jsonl --output my_models\n"
    "  newsie train a.jsonl b.jsonl -o my_models --folds 10 --seed 3 --event-config mine.cfg",
    no_args_is_help=True,
)
def train(
    gold: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, readable=True, metavar="GOLD", help="Labeled JSONL files (corpus format, or the gold format of newsie eval).")],
    output: Annotated[Path, typer.Option("--output", "-o", file_okay=False, help="The models folder to write (its event_type/, fields_of_work/ and report.json are replaced at the end; other files stay); use it with --models or newsie.load(models=DIR).")],
    folds: Annotated[int, typer.Option("--folds", min=2, help="k of the k-fold cross-validation.")] = 5,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same data, seed and configs give the same models.")] = 0,
    event_config: Annotated[Path | None, typer.Option("--event-config", exists=True, dir_okay=False, help="spaCy training config of the event-type classifier.")] = None,
    fields_config: Annotated[Path | None, typer.Option("--fields-config", exists=True, dir_okay=False, help="spaCy training config of the fields-of-work classifier.")] = None,
    margin: Annotated[float | None, typer.Option("--margin", min=0.0, max=1.0, help="Probability margin by which the model must beat the rules' event type to overrule it (default: the best in k-fold).")] = None,
    gazetteers: GazetteerFiles = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars (drawn only when stderr is a terminal).")] = False,
) -> None:
    """Retrain the event-type and fields-of-work models on your labeled releases.

    Lines with an event_type (top level or in gold) train the event model, lines with
    fields_of_work the fields model. Seeded k-fold cross-validation fits the blend with the
    rules and reports held-out scores (also in OUTPUT/report.json). With --gazetteers the
    rules read your gazetteers, as at run time: give the models the same files there.
    """
    from .archive.progress import on_terminal
    from .training import train as run_training

    # the blend learns from the rules' evidence: that of the rules the models will run with
    rules = _load(load_options(gazetteers, None, "none")) if gazetteers else None

    with warnings.catch_warnings():
        shown = warnings.showwarning

        def show(message: Warning | str, category: type[Warning], filename: str, lineno: int, file: Any = None, line: str | None = None) -> None:
            if issubclass(category, NewsieWarning):  # repeated releases, a model not trained: said plainly, as they come
                print(f"newsie: warning: {message}", file=sys.stderr)
            else:
                shown(message, category, filename, lineno, file, line)

        warnings.showwarning = show
        report = run_training(
            [str(g) for g in gold], output, folds=folds, seed=seed,
            event_config=event_config, fields_config=fields_config, progress=not quiet and on_terminal(sys.stderr), margin=margin,
            rules=rules,
        )
    for line in report.lines():
        sys.stdout.write(line + "\n")


@gazetteers_app.command(epilog="\b\nExample:\n  newsie gazetteers validate mine.json more.yaml")
def validate(
    files: Annotated[list[Path], typer.Argument(exists=True, dir_okay=False, help="User gazetteer files (JSON or YAML).")],
) -> None:
    """Check user gazetteer files: each bad entry is named with its problem."""
    from .kb.user import validate_user_gazetteers

    failed = 0
    for path, gaz in zip(files, validate_user_gazetteers(files), strict=True):  # each file read once
        if isinstance(gaz, GazetteerError):
            for problem in gaz.problems or [gaz]:
                print(f"newsie: {problem}", file=sys.stderr)
            failed += 1
            continue
        counts = ", ".join(f"{len(getattr(gaz, k))} {k}" for k in ("states", "organizations", "offices", "officials", "event_triggers"))
        sys.stdout.write(f"{path}: valid ({counts})\n")
    _done(1 if failed else 0)


@app.command(
    epilog="\b\nExamples:\n  newsie report releases.jsonl -o report.html\n  newsie report runs/ out.parquet -o - --top 25 > page.html",
)
def report(
    records: Annotated[
        list[Path],
        typer.Argument(exists=True, metavar="RECORDS", help="JSON Lines or Parquet files written by newsie extract, or folders of them."),
    ],
    output: Annotated[str, typer.Option("--output", "-o", help="The HTML file to write, - for stdout.")] = "report.html",
    title: Annotated[str, typer.Option("--title", help="The page's heading.")] = "newsie report",
    top: Annotated[int, typer.Option("--top", min=1, help="Organizations and officials to list.")] = 15,
    low_confidence: Annotated[float, typer.Option("--low-confidence", min=0.0, max=1.0, help="List events typed with a lower confidence.")] = 0.5,
) -> None:
    """One self-contained HTML page about records written by newsie extract.

    Counts, events per month by type, events by country, top organizations and officials,
    fields of work, participants per type and a data-quality section, with charts embedded
    in the page (pip install 'newsie[report]').

    Each release is counted once: a record that is in several files (the same id and
    content) counts once, and the page says how many repeats it left out; of records with
    the same id and different content, the last one read without an error counts and the
    data-quality section lists the id.
    """
    from .reporting import check_extras, check_output, write_report

    check_extras()  # MissingExtraError: exit 2 naming the extra, before any record is read
    if output != "-":  # before reading a large archive, not after
        try:
            check_output(output)
        except OSError as exc:
            raise UsageError(f"--output {exc}") from None
    path = write_report([str(r) for r in records], output, title=title, top=top, low_confidence=low_confidence, out=sys.stdout)
    if path is not None:
        print(f"newsie: wrote {path}", file=sys.stderr)


TERMINATED = 128 + signal.SIGTERM  # the exit status of a run stopped by SIGTERM
BROKEN_PIPE = 128 + signal.SIGPIPE  # the status of a Unix tool whose reader closed the pipe


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so that flushing it on the way out raises no second error."""
    try:
        target = sys.stdout.fileno()
        devnull = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, io.UnsupportedOperation):
        return  # stdout is not a file descriptor (captured in tests): nothing will flush to the pipe
    try:
        os.dup2(devnull, target)
    except OSError:
        pass
    finally:
        os.close(devnull)  # stdout's descriptor now points at /dev/null itself


def _terminate(signum: int, frame: FrameType | None) -> None:
    """SIGTERM (a scheduler's stop, `kill`) ends the run like Ctrl-C: outputs are closed
    (Parquet parts joined, JSON Lines synced) and workers stopped on the way out."""
    raise SystemExit(TERMINATED)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 done, 1 documents failed, 2 usage,
    141 stdout closed by its reader, 143 stopped by SIGTERM)."""
    command = typer.main.get_command(app)
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main else None
    try:
        command.main(args=list(argv) if argv is not None else None, prog_name="newsie", standalone_mode=True)
    except SystemExit as exc:  # typer/click end every run with one; its code is the status
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    except NewsieError as exc:  # UsageError, GazetteerError, MissingExtraError, ...
        print(f"newsie: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"newsie: error: {exc}", file=sys.stderr)
        return 1
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)
    return 0


def _done(status: int) -> None:
    """End a command with `status` (typer's way of setting the exit status)."""
    if status:
        raise typer.Exit(status)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
