"""Build newsie's packaged phrase tokens (run when a gazetteer, a rule file or spaCy changes).

Usage: python tools/build_phrase_tokens.py

Writes ``gazetteers/phrase_tokens.json``: every phrase the default components add to
their PhraseMatchers, split by spaCy's blank English tokenizer, with that tokenizer's
fingerprint. At load time `newsie.components.phrases` reads the tokens instead of
tokenizing the phrases (and creating a lexeme per word) in every process; a phrase that is
not in the table, or another tokenizer, is tokenized as before. A test checks the table
against a fresh build, so it cannot go stale unnoticed.
"""
from __future__ import annotations

from pathlib import Path

from newsie.components.phrases import TABLE_FILE, build_table, dumps_table
from newsie.pipeline import DEFAULT_PIPES

ROOT = Path(__file__).resolve().parents[1] / "gazetteers"


def main() -> None:
    table = build_table(DEFAULT_PIPES)
    (ROOT / TABLE_FILE).write_text(dumps_table(table), encoding="utf-8")
    print(f"{len(table['phrases']):,} phrases -> {ROOT / TABLE_FILE}")


if __name__ == "__main__":
    main()
