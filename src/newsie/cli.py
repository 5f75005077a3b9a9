"""The `newsie` command line."""
from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Optional, TextIO

from .about import __version__


def _text_files(paths: Sequence[str]) -> Iterator[tuple[str, Optional[str]]]:
    """Yield (source name, text or None if unreadable) for files, folders and '-'."""
    for p in paths:
        if p == "-":
            yield "<stdin>", sys.stdin.read()
            continue
        path = Path(p)
        files = sorted(f for f in path.rglob("*") if f.is_file()) if path.is_dir() else [path]
        for f in files:
            try:
                yield str(f), f.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                print(f"newsie: {f}: cannot read ({exc})", file=sys.stderr)
                yield str(f), None


def cmd_extract(args: argparse.Namespace, out: TextIO) -> int:
    from .api import extract  # noqa: PLC0415 - keep `newsie --help` fast
    from .pipeline import load  # noqa: PLC0415
    from .inputs import split_title  # noqa: PLC0415
    from .records import RecordError, Release  # noqa: PLC0415

    nlp = load()
    failed = 0
    for source, text in _text_files(args.inputs):
        if text is None:
            failed += 1
            rel = Release(id=source, url=source, error=RecordError(type="ReadError", message=f"cannot read {source}"))
        else:
            title, body = split_title(text)
            rel = extract(body, title=title, url=None if source == "<stdin>" else source, published=args.published, nlp=nlp)
        out.write(rel.model_dump_json() + "\n")
    return 1 if failed else 0


def cmd_schema(args: argparse.Namespace, out: TextIO) -> int:
    from .records import Release  # noqa: PLC0415

    out.write(json.dumps(Release.model_json_schema(), indent=2) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsie", description="Typed event records from press releases.")
    parser.add_argument("--version", action="version", version=f"newsie {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="extract releases to JSON lines")
    p.add_argument("inputs", nargs="+", metavar="FILE", help="text files, folders, or - for stdin")
    p.add_argument("--published", default=None, help="publication date (ISO) for every input")
    p.set_defaults(func=cmd_extract)
    s = sub.add_parser("schema", help="print the JSON Schema of the Release record")
    s.set_defaults(func=cmd_schema)
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args, sys.stdout))
    except (TypeError, ValueError) as exc:
        print(f"newsie: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
