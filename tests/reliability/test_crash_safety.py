"""kill -9 of a worker and of the CLI mid-run, then --resume: the output equals an uninterrupted run."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsie.cli import main

CHILDREN = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not CHILDREN.exists(), reason="needs Linux /proc to find worker processes"),
]

SENTENCES = [
    "The OSCE Mission to Serbia organized a two-day training course for {n} police officers in Belgrade on 5 May 2021.",
    "Officials from Moldova and Ukraine met in Chisinau to discuss border co-operation and trade.",
    "The Head of the OSCE Mission to Skopje, Ambassador Kilian Wahl, welcomed the {n} participants.",
    "ODIHR deployed an election observation mission to Kazakhstan ahead of the vote on 20 March.",
]


def _items(n: int) -> str:
    lines = []
    for i in range(n):
        body = " ".join(SENTENCES[(i + k) % len(SENTENCES)].format(n=10 + i % 50) for k in range(12))
        lines.append(json.dumps({"id": f"r{i % 40}", "title": f"Release {i}", "text": body, "published": "2021-05-06"}))
    return "\n".join(lines) + "\n"


def _count(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def _wait_for(path: Path, lines: int, proc: subprocess.Popen, limit: float = 240.0) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end and proc.poll() is None:
        if _count(path) >= lines:
            return True
        time.sleep(0.05)
    return False


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _cli(src: Path, out: Path, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "newsie", "extract", str(src), "-o", str(out), "-q", "--n-process", "2", "--batch-size", "4", *extra]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_kill_a_worker_and_the_cli_then_resume(tmp_path, capsys) -> None:
    """After kill -9 of a worker and of the CLI, --resume completes an output equal to an uninterrupted run."""
    src = tmp_path / "in.jsonl"
    src.write_text(_items(240), encoding="utf-8")
    ref, out = tmp_path / "ref.jsonl", tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(ref), "-q"]) == 0
    capsys.readouterr()

    proc = _cli(src, out)
    killed_worker = killed_cli = False
    if _wait_for(out, 20, proc):
        workers = _children(proc.pid)
        if workers:
            os.kill(workers[0], signal.SIGKILL)
            killed_worker = True
        if _wait_for(out, 80, proc):
            os.kill(proc.pid, signal.SIGKILL)
            killed_cli = True
    proc.wait(timeout=300)
    cut = _count(out)

    resumed = _cli(src, out, "--resume")
    _, err = resumed.communicate(timeout=600)
    assert resumed.returncode == 0, err.decode()
    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    got = [json.loads(line) for line in raw.decode("utf-8").split("\n") if line]
    want = [json.loads(line) for line in ref.read_text(encoding="utf-8").split("\n") if line]
    assert [r["source"]["line"] for r in got] == list(range(1, 241))  # no loss, no duplicate, in order
    assert got == want
    assert killed_worker and killed_cli and 0 < cut < 240, (killed_worker, killed_cli, cut)
