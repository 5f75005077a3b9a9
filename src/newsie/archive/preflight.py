"""Checks before a run: a usage mistake fails once, up front, with the fix named.

A mistyped path, a records file without the text key, a ``--published`` that is not
YYYY-MM-DD or an unknown output type would otherwise become one error record per document.
"""
from __future__ import annotations

import csv
import difflib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..dates.published import iso_day
from ..exceptions import UsageError
from .readers import (
    CSV_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    MAX_CSV_FIELD,
    READ_SUFFIXES,
    Failure,
    Fields,
    Skipped,
    expand,
    first_keys,
    is_glob,
    json_keys,
    open_text,
    table_header,
)
from .writers import same_file

OUTPUT_SUFFIXES = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
PEEK_LINES = 50


@dataclass
class InputPlan:
    """What the inputs hold: the files skipped in folders and globs (by suffix, and hidden entries)."""

    skipped: Skipped = field(default_factory=Skipped)

    def notice(self) -> str | None:
        """A one-line notice of the skipped files, if any."""
        said = []
        suffixes, hidden = self.skipped.suffixes, self.skipped.hidden
        if suffixes:
            n = sum(suffixes.values())
            kinds = ", ".join(f"{k or 'no suffix'}: {v}" for k, v in suffixes.most_common())
            what = "files that are not releases" if n != 1 else "file that is not a release"
            json_hint = " (.json: name them, or a glob such as 'DIR/*.json')" if ".json" in suffixes else ""
            said.append(f"skipped {n} {what} ({kinds}); read: {_known()}{json_hint}")
        if hidden:
            kinds = " and ".join(f"{v} hidden {k}{'s' if v != 1 else ''}" for k, v in sorted(hidden.items(), key=lambda kv: kv[0] != "file"))
            said.append(f"skipped {kinds} (names starting with '.'; name them to read them)")
        if outputs := self.skipped.outputs:
            what = f"{len(outputs)} files" if len(outputs) != 1 else "1 file"
            said.append(f"skipped {what} of newsie's own output ({', '.join(outputs[:3])}{', ...' if len(outputs) > 3 else ''}: records of an earlier run; name a file to read it)")
        return f"newsie: {'; '.join(said)}" if said else None


def _known() -> str:
    return " ".join(sorted(READ_SUFFIXES))


def _suggest(path: Path) -> str:
    parent = path.parent if str(path.parent) else Path(".")
    try:
        names = [p.name for p in parent.iterdir()] if parent.is_dir() else []
    except OSError:
        names = []
    close = difflib.get_close_matches(path.name, names, n=1, cutoff=0.6)
    if close:
        return f"; did you mean {str(parent / close[0])!r}?"
    if not parent.is_dir():
        return f"; the folder {str(parent)!r} does not exist either"
    return ""


def check_inputs(paths: Sequence[str], exclude: Callable[[str], bool] | None = None) -> InputPlan:
    """Every input exists, every glob matches and every folder holds something to read
    (files for which `exclude` is true, the run's own output, are not counted).

    Raises:
        UsageError: naming the input and the fix.
    """
    plan = InputPlan()
    left_out: list[str] = []  # output files found in folders and globs

    def leave_out(f: str) -> bool:
        if exclude is None or not exclude(f):
            return False
        left_out.append(f)
        return True

    if not paths:
        raise UsageError("no input: give files, folders, globs, or - for stdin")
    for p in paths:
        if p == "-":
            continue
        path = Path(p)
        glob = is_glob(p)
        if glob or path.is_dir():
            # The files the run will read, found the way it finds them (no link loop followed).
            before, outputs = len(left_out), len(plan.skipped.outputs)
            found = sum(isinstance(f, str) and f != p for f in expand([p], plan.skipped, leave_out))
            besides = " but the --output file" if len(left_out) > before else ""
            if len(plan.skipped.outputs) > outputs:
                earlier = plan.skipped.outputs[outputs:]
                besides += f" {'and' if besides else 'but'} newsie's own output of earlier runs ({', '.join(earlier[:3])}{', ...' if len(earlier) > 3 else ''}; name a file to read it)"
            if not found and glob:
                raise UsageError(f"{p}: no release file{besides} matches this pattern (read: {_known()})")
            if not found:
                raise UsageError(f"{p}: no release files{besides} in this folder (read: {_known()})")
        elif not path.exists() and not path.is_symlink():  # a dangling link is an error record of the run
            raise UsageError(f"{p}: no such file or folder{_suggest(path)}")
    return plan


def _keys(source: str, stdin_text: str | None, fields: Fields, encoding: str | None = None) -> tuple[list[str], str, bool] | None:
    """The keys of a records input's first records (JSON Lines, .json) or its header (CSV),
    read in `encoding` as the run reads them, what they are called, and whether they are
    all its keys (a header; a file of at most `PEEK_LINES` records); None for other
    inputs, or when they cannot be told."""
    if source == "-":
        if stdin_text is None:
            return None
        if stdin_text.lstrip().startswith(("{", "[")):  # (a peek at stdin's start: more may follow)
            got = json_keys(stdin_text, PEEK_LINES)  # (JSON Lines too: see `readers._documents`)
            return (got[0], "key", False) if got is not None else None
        table = table_header(stdin_text.lstrip("\ufeff").split("\n", 1)[0].rstrip("\r"), fields)
        return (table[1], "column", True) if table is not None else None  # else one release's text
    suffix = Path(source).suffix.lower()
    try:
        if suffix in CSV_SUFFIXES:
            csv.field_size_limit(MAX_CSV_FIELD)
            with open_text(Path(source), encoding=encoding) as fh:  # a UTF-16 CSV shows its real header
                header = next(csv.reader(fh, delimiter="\t" if suffix == ".tsv" else ","), None)
            return (header, "column", True) if header is not None else None
        if suffix in JSONL_SUFFIXES:
            with open_text(Path(source), encoding=encoding) as fh:
                got = first_keys(fh, PEEK_LINES)
        elif suffix in JSON_SUFFIXES:
            with open_text(Path(source), encoding=encoding) as fh:
                got = json_keys(fh.read(), PEEK_LINES)
        else:
            return None
    except (OSError, UnicodeError, csv.Error):
        return None  # reported per record by the run
    return (got[0], "key", got[1]) if got is not None else None


def check_fields(
    paths: Sequence[str], fields: Fields, stdin_text: str | None = None, named: Sequence[str] = (), encoding: str | None = None
) -> list[str]:
    """Records inputs (JSON Lines, .json, CSV) hold the text key, and the other fields the
    user named do exist: judged on each file's header or first `PEEK_LINES` records, read
    in `encoding` (stdin's: `stdin_text`, decoded alike).

    Every records input must have the text key. A field in `named` (an option the user set:
    ``"id"``, ``"title"``, ``"date"``, ``"url"``) must be found in at least one of them: a
    name no input has is a typo, whose field would silently be empty in every record. When
    the records read are not all of the inputs', the name may come later: a warning then.
    Names that do not decode (U+FFFD: a header that is not UTF-8, or not in `encoding`)
    are no name to suggest: the hint is then to give, or check, ``--encoding``.

    Returns:
        Warnings to show (a named field not among the first records' keys).

    Raises:
        UsageError: naming the file, the keys it has and the option to set.
    """
    found: list[tuple[str, list[str], str, bool]] = []
    for source in expand(paths):
        if isinstance(source, Failure):
            continue  # an odd entry (link loop, FIFO, ...): an error record of the run
        got = _keys(source, stdin_text, fields, encoding)
        if got is None:
            continue
        keys, kind, whole = got
        where = "stdin" if source == "-" else source
        if fields.text not in keys:
            guess = next((k for k in keys if k.lower() in ("body", "content", "text", "article", "full_text", "lede")), None)
            fix = f"name the right one with --text-field {guess or 'NAME'}"
            if guess is None and (garbled := _garbled(keys, kind, encoding)):
                fix = f"{garbled}, or {fix}"
            raise UsageError(f"{where}: no {kind} {fields.text!r} holds the text (its {kind}s: {', '.join(keys) or 'none'}); {fix}")
        found.append((where, keys, kind, whole))
    said = []
    for name in named:
        value = getattr(fields, name)
        if not found or not value or any(value in keys for _, keys, _, _ in found):
            continue
        where, keys, kind, _ = found[0]
        close = difflib.get_close_matches(value, keys, n=1, cutoff=0.5)
        if close and _NOT_DECODED not in close[0]:
            hint = f"; did you mean --{name}-field {close[0]}?"
        else:  # a name that does not decode is no name to give: the header's encoding is the fix
            garbled = _garbled(keys, kind, encoding) if close else next(filter(None, (_garbled(k, kd, encoding) for _, k, kd, _ in found)), "")
            hint = f"; {garbled}" if garbled else ""
        if all(whole for *_, whole in found):
            raise UsageError(f"--{name}-field {value!r}: no input has this {kind} ({where} has: {', '.join(keys)}){hint}")
        said.append(
            f"newsie: warning: --{name}-field {value!r} is not among the {kind}s of the first {PEEK_LINES} records "
            f"of any input ({where}: {', '.join(keys)}){hint}; records without it have no {name}"
        )
    return said


_NOT_DECODED = "\ufffd"  # what a look at a file (`open_text`, `peek_text`) makes of bytes that do not decode


def _garbled(keys: Sequence[str], kind: str, encoding: str | None) -> str:
    """A hint to give (or check) ``--encoding`` when some of `keys` did not decode (they hold
    U+FFFD), else ""."""
    if not any(_NOT_DECODED in k for k in keys):
        return ""
    if encoding is None:
        return f"its {kind}s are not UTF-8: give the file's encoding with --encoding (e.g. --encoding cp1252 or cp1251)"
    return f"its {kind}s are not {encoding} text: check the file's encoding (--encoding)"


def check_published(value: str | None) -> str | None:
    """The ``--published`` date, checked once for the whole run: a day written YYYY-MM-DD.

    Other forms are refused rather than guessed ("03/05/2020": March or May?), so one
    reading holds for every input.

    Raises:
        UsageError: the value is not YYYY-MM-DD, or names no such day.
    """
    if value is None:
        return None
    try:
        day = iso_day(value.strip())
    except ValueError:
        raise UsageError(f"--published {value!r}: there is no such day; write the day as YYYY-MM-DD, e.g. 2024-03-14") from None
    if day is None:
        raise UsageError(f"--published {value!r} is not written YYYY-MM-DD; write the day as YYYY-MM-DD, e.g. 2024-03-14")
    return day.isoformat()


def output_format(output: Path | None, fmt: str | None) -> str:
    """The output format: as asked, else from the output's suffix, else JSON Lines.

    Raises:
        UsageError: an output suffix newsie does not write.
    """
    if fmt:
        return fmt
    if output is None or not output.suffix:
        return "jsonl"
    try:
        return OUTPUT_SUFFIXES[output.suffix.lower()]
    except KeyError:
        raise UsageError(
            f"--output {str(output)!r}: newsie does not write {output.suffix!r} files; "
            "use .jsonl, .csv or .parquet (or --format jsonl|csv|parquet)"
        ) from None


def check_output(output: Path | None, fmt: str, resume: bool, level: str | None = None) -> None:
    """The output can be written as asked.

    Raises:
        UsageError: --resume without --output; Parquet to stdout; a missing
            folder; --level with JSON Lines (which holds whole records); --resume onto a
            file that is not newsie's own records at that level.
    """
    if level is not None and fmt == "jsonl":
        raise UsageError(f"--level {level} picks the table of CSV or Parquet output; JSON Lines holds whole records (use -o FILE.csv, -o FILE.parquet or --format)")
    if resume and output is None:
        raise UsageError("--resume needs --output FILE (the file to append to)")
    if fmt == "parquet" and output is None:
        raise UsageError("Parquet output needs --output FILE.parquet")
    if fmt == "parquet" and resume and output is not None:
        _check_parquet_resume(output, level or "releases")
    if fmt != "parquet" and resume and output is not None:
        _check_lines_resume(output, fmt, level or "events")
    if output is not None and not output.parent.is_dir():
        raise UsageError(f"--output {str(output)!r}: the folder {str(output.parent)!r} does not exist")
    if output is not None and output.is_dir():
        raise UsageError(f"--output {str(output)!r} is a folder: give a file name such as {str(output / 'releases.jsonl')!r}")


def _check_parquet_resume(output: Path, level: str) -> None:
    """A Parquet output to resume (and the parts a killed run left) holds the table of `level`."""
    from ..tables import column_names
    from .writers import parquet_pieces

    try:
        import pyarrow.parquet as pq
    except ImportError:
        return  # the writer names the missing extra
    want = column_names(level)
    for piece in parquet_pieces(output):
        try:
            names = pq.read_schema(piece).names
        except Exception as exc:  # pyarrow's errors for a file that is not Parquet
            raise UsageError(f"--resume: {str(piece)!r} is not a Parquet file newsie can read ({type(exc).__name__})") from exc
        if names[: len(want)] != want:
            raise UsageError(f"--resume: {str(piece)!r} holds another table than --level {level}; resume with the level it was written at")


def _first_line(path: Path) -> str | None:
    """The first whole line of a file (None when it is empty or its one line was cut short)."""
    with open_text(path, newline="\n") as fh:
        line = fh.readline(1 << 24)
    if not line.endswith("\n"):
        return None  # a line cut by a killed run: the run trims it
    return line


def _check_lines_resume(output: Path, fmt: str, level: str) -> None:
    """A JSON Lines or CSV output to resume holds newsie's records (CSV: the table of `level`).

    Appending to anything else would leave a file that cannot be read back.
    """
    from ..tables import column_names

    if not output.exists():
        return
    if not output.is_file():
        raise UsageError(f"--resume: {str(output)!r} is not a regular file; resume into a file written by newsie extract")
    try:
        first = _first_line(output)
    except OSError as exc:
        raise UsageError(f"--resume: cannot read {str(output)!r} ({exc.strerror or exc})") from None
    if first is None or not first.strip():
        return
    fix = "give another --output, or leave out --resume to write it anew"
    if fmt == "csv":
        header = next(csv.reader([first]), [])
        if header == column_names(level):
            return
        other = next((lv for lv in ("releases", "events", "mentions") if header == column_names(lv)), None)
        if other is not None:
            raise UsageError(f"--resume: {str(output)!r} holds the {other} table, not the {level} table; resume with --level {other}")
        raise UsageError(f"--resume: {str(output)!r} is not a CSV table written by newsie extract (its header: {', '.join(header[:6])}); {fix}")
    try:
        obj = json.loads(first)
    except ValueError:
        obj = None
    if not (isinstance(obj, dict) and "schema_version" in obj and "id" in obj):
        raise UsageError(f"--resume: {str(output)!r} does not hold records written by newsie extract (its first line is not one); {fix}")


def check_output_not_input(paths: Sequence[str], output: Path | None) -> None:
    """The output file is not an input named on the command line (it would be written over
    before it is read). A folder or glob holding the output is fine: the run leaves it out.

    Raises:
        UsageError: naming the input.
    """
    if output is None:
        return
    for p in paths:
        path = Path(p)
        if p == "-" or is_glob(p) or path.is_dir():
            continue
        if same_file(path, output):
            raise UsageError(f"{p}: this input is also the --output file, which newsie would write over before reading it; give another --output")
