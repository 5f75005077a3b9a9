"""The examples run: the quickstart notebook top to bottom, and the example scripts."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_quickstart_notebook_runs() -> None:
    """examples/quickstart.ipynb executes without errors and draws its chart."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    pytest.importorskip("matplotlib")
    nb = nbformat.read(EXAMPLES / "quickstart.ipynb", as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), "commit the notebook without outputs"
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(EXAMPLES)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = " ".join(o.get("data", {}).get("text/html", "") for o in outputs if o.output_type in ("display_data", "execute_result"))
    assert "newsie-card" in html and "EVENT" in html
    assert any("image/png" in o.get("data", {}) for o in outputs if o.output_type == "display_data"), "the chart is shown"


def test_batch_archive_example(tmp_path) -> None:
    """examples/batch_archive.py turns a folder into releases.jsonl and events.csv."""
    pytest.importorskip("pandas")
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "a.txt").write_text((EXAMPLES / "release.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (archive / "b.txt").write_bytes(b"")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, str(EXAMPLES / "batch_archive.py"), str(archive), str(out)], capture_output=True, text=True, check=True)
    assert "2 releases" in run.stdout and "1 errors" in run.stdout
    lines = (out / "releases.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and json.loads(lines[0])["events"][0]["type"] == "training"
    assert (out / "events.csv").read_text(encoding="utf-8").startswith("release_id,")


def test_custom_gazetteer_example() -> None:
    """examples/custom_gazetteer.py shows a user's body, office holder and trigger at work."""
    run = subprocess.run([sys.executable, str(EXAMPLES / "custom_gazetteer.py")], capture_output=True, text=True, check=True)
    assert "Steppe Media Watch" in run.stdout and "Aigerim Testova" in run.stdout and "event: training bootcamp" in run.stdout
