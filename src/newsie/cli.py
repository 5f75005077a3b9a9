"""The `newsie` command line."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from .about import __version__


def cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    from .archive.readers import Fields
    from .archive.run import format_of, run_extract

    fields = Fields(text=args.text_field, id=args.id_field, title=args.title_field, date=args.date_field, url=args.url_field)
    output = Path(args.output) if args.output else None
    summary = run_extract(
        args.inputs,
        fields=fields,
        output=output,
        fmt=format_of(output, args.format),
        resume=args.resume,
        retry_failed=args.retry_failed,
        n_process=args.n_process,
        batch_size=args.batch_size,
        quiet=args.quiet,
        published=args.published,
        level=args.level,
        timeout=args.timeout or None,
    )
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    return 1 if summary.failed else 0


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from .records import Release

    schema = Release.model_json_schema()
    schema["$comment"] = f"newsie {__version__}, schema {Release.model_fields['schema_version'].default}"
    out.write(json.dumps(schema, indent=2) + "\n")
    return 0


def cmd_eval(args: argparse.Namespace, out: TextIO) -> int:
    from .evaluate import evaluate, format_summary, newsie_predictor, read_gold
    from .pipeline import load

    items = read_gold(args.gold)
    nlp = load(base=args.base, gazetteers=args.gazetteers or None)
    predict = newsie_predictor(nlp)
    if items:
        predict(items[0])  # warm-up: building lazy indexes is not per-document time
    summary = evaluate(items, predict)
    if args.json:
        if not args.errors:
            summary.pop("errors")
        else:
            summary["errors"] = summary["errors"][: args.errors]
        out.write(json.dumps(summary, ensure_ascii=False) + "\n")
    else:
        for line in format_summary(summary, args.errors):
            out.write(line + "\n")
    return 0


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    from .exceptions import GazetteerError
    from .kb.user import read_user_gazetteer

    failed = 0
    for path in args.files:
        try:
            gaz = read_user_gazetteer(path)
        except GazetteerError as exc:
            print(f"newsie: {exc}", file=sys.stderr)
            failed += 1
            continue
        counts = ", ".join(f"{len(getattr(gaz, k))} {k}" for k in ("states", "organizations", "offices", "officials", "event_triggers"))
        out.write(f"{path}: valid ({counts})\n")
    return 1 if failed else 0


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from .reporting import write_report

    path = write_report(args.records, args.output, title=args.title, top=args.top, low_confidence=args.low_confidence, out=out)
    if path is not None:
        print(f"newsie: wrote {path}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsie", description="Typed event records from press releases.")
    parser.add_argument("--version", action="version", version=f"newsie {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser(
        "extract",
        help="extract releases from files, folders, globs, JSONL, CSV, HTML or stdin",
        description="One record per input document. Text files: the first line is the title when it "
        "looks like one; scraped pages lose their menus. .jsonl/.csv: one document per line/row. "
        ".html: main text via trafilatura (pip install 'newsie[html]'). '-' reads stdin (text or JSONL).",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="files, folders, globs, or - for stdin")
    p.add_argument("-o", "--output", help="output file (default: stdout)")
    p.add_argument("-f", "--format", choices=("jsonl", "csv", "parquet"), help="output format (default: from --output's extension, else jsonl); csv has one row per event")
    p.add_argument("--level", choices=("releases", "events", "mentions"), help="table of CSV/Parquet output (default: events for CSV, releases for Parquet)")
    p.add_argument("--resume", action="store_true", help="skip inputs already in --output (by file, line and content) and append")
    p.add_argument("--retry-failed", action="store_true", help="with --resume: drop failed records from --output and run their inputs again")
    p.add_argument("--timeout", type=float, default=600.0, metavar="SECONDS", help="with --n-process > 1: stop a document after this long and record an error (0: no limit; default 600)")
    p.add_argument("--n-process", type=int, default=1, help="worker processes (default 1)")
    p.add_argument("--batch-size", type=int, default=64, help="documents per batch (default 64)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary, no per-document errors")
    p.add_argument("--text-field", default="text", help="JSONL key / CSV column of the text (default: text)")
    p.add_argument("--id-field", default="id", help="... of the record id (default: id; else FILE:LINE)")
    p.add_argument("--title-field", default="title", help="... of the title (default: title)")
    p.add_argument("--date-field", default="published", help="... of the publication date (default: published)")
    p.add_argument("--url-field", default="url", help="... of the URL (default: url)")
    p.add_argument("--published", default=None, help="publication date (ISO) for inputs that have none")
    p.set_defaults(func=cmd_extract)
    s = sub.add_parser("schema", help="print the JSON Schema of the Release record")
    s.set_defaults(func=cmd_schema)
    e = sub.add_parser("eval", help="score newsie against your own annotated releases (JSONL)")
    e.add_argument("gold", help="gold JSONL (format: newsie.evaluate)")
    e.add_argument("--json", action="store_true", help="print the summary as one JSON object")
    e.add_argument("--errors", type=int, default=0, metavar="N", help="also show the misses of up to N documents")
    e.add_argument("--base", default=None, help="an installed spaCy pipeline to use as base")
    e.add_argument("--gazetteers", nargs="*", help="user gazetteer files to merge")
    e.set_defaults(func=cmd_eval)
    r = sub.add_parser(
        "report",
        help="one self-contained HTML page about records written by newsie extract",
        description="Counts, events per month by type, events by country, top organizations and officials, "
        "fields of work, participants per type and a data-quality section, with charts embedded in the page "
        "(pip install 'newsie[report]'). Example: newsie report releases.jsonl -o report.html",
    )
    r.add_argument("records", nargs="+", metavar="RECORDS", help="JSON Lines or Parquet files written by newsie extract, or folders of them")
    r.add_argument("-o", "--output", default="report.html", help="the HTML file to write, - for stdout (default: report.html)")
    r.add_argument("--title", default="newsie report", help="the page's heading")
    r.add_argument("--top", type=int, default=15, help="organizations and officials to list (default 15)")
    r.add_argument("--low-confidence", type=float, default=0.5, help="list events typed with a lower confidence (default 0.5)")
    r.set_defaults(func=cmd_report)
    g = sub.add_parser("gazetteers", help="work with user gazetteer files")
    gsub = g.add_subparsers(dest="gaz_command", required=True)
    v = gsub.add_parser("validate", help="check user gazetteer files (JSON or YAML)")
    v.add_argument("files", nargs="+")
    v.set_defaults(func=cmd_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args, sys.stdout))
    except (TypeError, ValueError, OSError) as exc:
        print(f"newsie: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover - interactive
        print("newsie: interrupted; rerun with --resume to continue", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
