"""README.md's Python snippets run, and its `newsie` commands use only options the CLI has.

Each ```python block runs in a fresh namespace, in a temporary working directory. A block
that needs names or files it does not make (`items`, `page_text`, "out.jsonl") gets them
from its entry in `SETUP`, written before it runs; a block that cannot run here is in
`SKIP`, with the reason. Both are keyed by the block's first line, and a key that matches
no block fails the test, so the lists follow the README. Where the README shows what a
block prints (a "prints" block right after it, or a ``# [...]`` comment after its last
expression), the output is compared too.
"""
from __future__ import annotations

import ast
import contextlib
import io
import json
import re
import shlex
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsie.cli import main

README = Path(__file__).resolve().parents[1] / "README.md"
_FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.S | re.M)


@dataclass(frozen=True)
class Block:
    """One fenced code block of the README."""

    lang: str
    code: str
    line: int  # 1-based line of the opening fence
    before: str  # the README text between the previous block and this one

    @property
    def first(self) -> str:
        return self.code.splitlines()[0]


def readme_blocks(text: str) -> list[Block]:
    """Every fenced block of `text`, in order."""
    blocks, end = [], 0
    for m in _FENCE.finditer(text):
        blocks.append(Block(m.group(1), m.group(2), text.count("\n", 0, m.start()) + 1, text[end : m.start()]))
        end = m.end()
    return blocks


BLOCKS = readme_blocks(README.read_text(encoding="utf-8"))
PYTHON = [b for b in BLOCKS if b.lang == "python"]

# Blocks that are not run here, by first line, with the reason.
SKIP = {
    "import dask.bag as db": "Dask: needs a scheduler and the dask extra (newsie.dask is tested in tests/test_dask.py)",
    "import newsie.spark": "Spark: starts a JVM (tens of seconds; newsie.spark is tested in tests/test_spark.py)",
    'spark = newsie.spark.session("yarn", config={"spark.pyspark.python": "/opt/newsie/bin/python"})': "needs a YARN cluster",
}

LISTING_PAGE = """News and press releases
OSCE Presence in Albania donates computers to police in Shkodra
Publishing date:
3 June 2022
Content type:
Press release
Where we are:
OSCE Presence in Albania
What we do:
Policing, Cyber/ICT Security
SHKODRA, 3 June 2022 – The OSCE Presence in Albania today handed over 15 computers to the Shkodra Regional Police Directorate.
Mission to Moldova holds roundtable on media law
Publishing date:
4 June 2022
Where we are:
OSCE Mission to Moldova
What we do:
Media freedom and development
CHISINAU – A roundtable on the draft media law was held today in Chisinau.
"""

ITEMS = [
    {"id": "r1", "title": "OSCE trains Kyrgyz border guards", "published": "2023-01-20",
     "text": "Twenty border guards from Kyrgyzstan completed a training course in Osh today."},
    {"id": "r2", "title": "OSCE Chair condemns attack on journalists", "published": "2023-01-27",
     "text": "The OSCE Chairperson-in-Office condemned today's attack on journalists in Kyiv, Ukraine."},
]


def _labeled(tmp: Path) -> None:
    """labeled.jsonl: six labeled releases of each of three event types, with fields of work."""
    kinds = {
        "training": ("OSCE trains police officers in {c}", "A three-day training course for police officers opened today in {c}.", "Policing"),
        "meeting": ("Conference on border security held in {c}", "A two-day conference on border security was held today in {c}.", "Border management"),
        "statement": ("OSCE Chair condemns attack in {c}", "The OSCE Chairperson-in-Office condemned today's attack on journalists in {c}.", "Media freedom and development"),
    }
    cities = ["Skopje", "Bishkek", "Dushanbe", "Tirana", "Belgrade", "Chisinau"]
    rows = [
        {"id": f"{kind}-{i}", "title": title.format(c=c), "text": text.format(c=c), "event_type": kind, "fields_of_work": [field]}
        for kind, (title, text, field) in kinds.items() for i, c in enumerate(cities)
    ]
    (tmp / "labeled.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _outputs(tmp: Path) -> None:
    """out.jsonl, out.parquet, runs/ and events.csv, as `newsie extract` writes them."""
    (tmp / "in.jsonl").write_text("".join(json.dumps(i) + "\n" for i in ITEMS), encoding="utf-8")
    (tmp / "runs").mkdir()
    for out in ("out.jsonl", "out.parquet", "events.csv", "runs/a.jsonl", "runs/b.parquet"):
        assert main(["extract", "in.jsonl", "-o", out, "--quiet"]) == 0


def _models(tmp: Path) -> None:
    """my_models: a copy of the shipped models, a folder as `newsie train` writes one."""
    from newsie.resources import model_path

    src = Path(str(model_path(".")))
    shutil.copytree(src, tmp / "my_models", ignore=shutil.ignore_patterns("README.md"))


# What a block needs before it runs, by first line: names for its namespace, files in its
# working directory, and the extras it imports.
SETUP: dict[str, dict] = {
    'for rel in newsie.extract_page(page_text, url="https://www.osce.org/newsroom"):': {
        "names": {"page_text": LISTING_PAGE},
    },
    "for rel in newsie.extract_many(items, batch_size=64, n_process=2):   # a generator": {
        "names": {"items": ITEMS},
    },
    'newsie.report(records, output="report.html")      # Releases, their dicts, or a path; returns the HTML': {
        "extras": ["matplotlib", "jinja2"], "make": lambda ns: ns.update(
            records=list(ns["newsie"].extract_many(ITEMS))),
        "files": ["report.html"],
    },
    'df = newsie.to_dataframe(newsie.extract_many(items), level="events")   # or "releases", "mentions"': {
        "names": {"items": ITEMS}, "extras": ["pandas"], "make": lambda ns: ns.update(
            release=ns["newsie"].extract(ITEMS[0]["text"], title=ITEMS[0]["title"])),
    },
    'records = newsie.read_records("out.jsonl")                      # list of Release (also .parquet)': {
        "extras": ["pandas", "pyarrow"], "write": _outputs,
    },
    "nlp = newsie.load()                       # rules + the shipped models (default)": {
        "imports": ["spacy"], "write": _models, "files": ["pipe/config.cfg"],
    },
    'report = newsie.train("labeled.jsonl", "my_models", folds=5, seed=0)': {
        "write": _labeled, "files": ["my_models/report.json"],
    },
}


def _label(block: Block) -> str:
    return f"README.md:{block.line}"


def test_readme_lists_name_blocks_that_exist() -> None:
    """Every SKIP and SETUP entry names a ```python block of the README (the lists are not stale)."""
    firsts = {b.first for b in PYTHON}
    assert not [k for k in (*SKIP, *SETUP) if k not in firsts]
    assert len(PYTHON) >= 10, "the README's python blocks were not found"


def _expected_output(block: Block) -> str | None:
    """The text of a "prints" block right after `block`, if the README shows one."""
    i = BLOCKS.index(block)
    if i + 1 < len(BLOCKS) and BLOCKS[i + 1].lang == "" and BLOCKS[i + 1].before.strip() == "prints":
        return BLOCKS[i + 1].code
    return None


def _expected_value(code: str) -> tuple[str, object] | None:
    """(expression, value) when the block ends in an expression followed by a ``# <literal>`` comment."""
    lines = code.rstrip().splitlines()
    if len(lines) < 2 or not lines[-1].startswith("# "):
        return None
    try:
        value = ast.literal_eval(lines[-1][2:])
    except (ValueError, SyntaxError):
        return None
    return lines[-2].split("  #")[0], value


def _run(block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run one block as a user would, after its SETUP; returns what it printed."""
    setup = SETUP.get(block.first, {})
    for extra in setup.get("extras", []):
        pytest.importorskip(extra)
    monkeypatch.chdir(tmp_path)
    if "write" in setup:
        setup["write"](tmp_path)
    import newsie

    ns: dict = {"__name__": "__readme__", "newsie": newsie, **setup.get("names", {})}
    for module in setup.get("imports", []):
        ns[module] = __import__(module)
    if "make" in setup:
        setup["make"](ns)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(block.code, _label(block), "exec"), ns)
    expected = _expected_value(block.code)
    if expected is not None:
        expr, value = expected
        assert eval(expr, ns) == value, f"{_label(block)}: {expr} is not the {value!r} the README shows"
    for name in setup.get("files", []):
        assert (tmp_path / name).exists(), f"{_label(block)} did not write {name}"
    return out.getvalue()


@pytest.mark.parametrize("block", PYTHON, ids=_label)
def test_readme_python_block_runs(block: Block, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A ```python block of the README runs as written (and prints what the README says it prints)."""
    if block.first in SKIP:
        pytest.skip(SKIP[block.first])
    printed = _run(block, tmp_path, monkeypatch)
    expected = _expected_output(block)
    if expected is not None:
        assert printed == expected


def test_a_broken_snippet_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness catches a snippet that no longer runs or prints something else."""
    ten = next(b for b in PYTHON if _expected_output(b) is not None)
    broken = Block("python", ten.code.replace("release.states", "release.countries"), ten.line, ten.before)
    with pytest.raises(AttributeError):
        _run(broken, tmp_path, monkeypatch)
    states = Block("python", "x = [1, 2]\nx\n# [1, 3]\n", 1, "")
    with pytest.raises(AssertionError, match=r"is not the \[1, 3\]"):
        _run(states, tmp_path, monkeypatch)


def _commands() -> list[tuple[str, list[str]]]:
    """(subcommand, options) of every `newsie ...` line in the README's ```bash blocks."""
    found = []
    for block in (b for b in BLOCKS if b.lang == "bash"):
        for line in block.code.splitlines():
            for part in line.split("&&"):
                words = shlex.split(part.split(" # ")[0].split("|")[-1].replace("[", " ").replace("]", " "))
                while words and not words[0].endswith("newsie"):
                    words.pop(0)
                if len(words) > 1 and not words[1].startswith("-"):
                    found.append((words[1], [w.split("=")[0] for w in words[2:] if w.startswith("-") and w != "-"]))
    return found


def test_readme_commands_use_options_the_cli_has(capsys: pytest.CaptureFixture[str]) -> None:
    """Every option of a `newsie` command in the README's shell blocks is in that command's --help."""
    commands = _commands()
    assert {c for c, _ in commands} >= {"extract", "report", "schema", "eval", "train", "gazetteers"}
    helps: dict[str, str] = {}
    unknown = []
    for command, options in commands:
        if command not in helps:
            assert main([command, "--help"]) == 0, f"newsie {command} does not exist"
            helps[command] = capsys.readouterr().out
        unknown += [f"newsie {command} {o}" for o in options if not re.search(rf"(?<![\w-]){re.escape(o)}(?![\w-])", helps[command])]
    assert not unknown
