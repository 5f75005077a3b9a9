"""Build hook: compile newsie's hottest rule modules to C extensions with mypyc.

The wheel keeps every ``.py`` file and adds, beside the modules listed under
``[tool.hatch.build.targets.wheel.hooks.custom] modules`` in pyproject.toml, their
compiled form (Python imports an extension module before the source of the same name).
The compiled modules give the same records, about a sixth fewer instructions per release
(see README, "Speed and memory").

Not compiled (pure Python, the same behaviour): editable installs (``pip install -e``,
so that edits take effect), any build with ``NEWSIE_PURE_PYTHON=1`` in the environment
(to compare the two), and a build where mypyc fails (no C compiler or Python headers: a
warning says so, and the wheel is pure Python).

Every wheel lists what it compiled in ``newsie/compiled.txt`` (empty when pure), which the
tests of an installed wheel read. Compiled classes pickle as the pure ones do (see
`GazetteerPipe.__reduce__`), so ``nlp.pipe(n_process=...)`` works under ``spawn`` too.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE_ENV = "NEWSIE_PURE_PYTHON"
REQUIRE_ENV = "NEWSIE_REQUIRE_COMPILED"  # CI: a failed compile fails the build
# mypy's settings for compiling. Third-party packages are not read (`no_site_packages`):
# spaCy, numpy and pydantic are typed Any whatever the build environment holds, so every
# build compiles the same code the same way (their values are Python objects either way).
# Errors in the modules not compiled are not reported (the project's own mypy run checks them).
MYPY_CONFIG = """[mypy]
ignore_missing_imports = True
no_site_packages = True
follow_imports = silent
check_untyped_defs = True
"""
SETUP = """
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="newsie-compiled",
    packages=[],
    ext_modules=mypycify(
        ["--config-file", {config!r}, "--cache-dir", {cache!r}, *{modules!r}],
        target_dir={target!r}, opt_level="3", group_name="newsie",
    ),
)
"""


class MypycBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the configured modules and add the extensions to the wheel."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        pure = os.environ.get(PURE_ENV, "") not in ("", "0")
        modules = [] if pure else [str(m) for m in self.config.get("modules", [])]
        # a fresh directory outside the source tree (removed in `finalize`)
        work = Path(tempfile.mkdtemp(prefix="newsie-mypyc-"))
        build_data["newsie_mypyc_work"] = str(work)
        try:
            built = self._compile(work, modules) if modules else []
        except RuntimeError as err:  # no C compiler, no Python headers: the pure-Python wheel
            if os.environ.get(REQUIRE_ENV, "") not in ("", "0"):
                shutil.rmtree(work, ignore_errors=True)
                raise
            self.app.display_warning(f"{err}\nnewsie is installed as pure Python (the same records, slower).")
            built, modules = [], []
        except BaseException:
            shutil.rmtree(work, ignore_errors=True)
            raise
        for path, name in built:
            build_data["force_include"][str(path)] = name
        # what was compiled (nothing in a pure-Python wheel), for the tests of an installed wheel
        (work / "compiled.txt").write_text("".join(f"{m}\n" for m in modules), encoding="utf-8")
        build_data["force_include"][str(work / "compiled.txt")] = "newsie/compiled.txt"
        if built:
            build_data["pure_python"] = False
            build_data["infer_tag"] = True

    def _compile(self, work: Path, modules: list[str]) -> list[tuple[Path, str]]:
        """Compile `modules` in `work`: the extension files and their paths in the wheel."""
        lib, temp, target = work / "lib", work / "temp", work / "c"
        for d in (lib, temp, target):
            d.mkdir(parents=True)
        (work / "mypy.ini").write_text(MYPY_CONFIG, encoding="utf-8")
        setup = SETUP.format(config=str(work / "mypy.ini"), cache=str(work / "cache"), modules=modules, target=str(target))
        (work / "setup.py").write_text(setup, encoding="utf-8")
        args = [sys.executable, str(work / "setup.py"), "build_ext", "--build-lib", str(lib), "--build-temp", str(temp)]
        # run from src/: the modules are named newsie.<...> as when imported
        proc = subprocess.run(args, cwd=Path(self.root) / "src", capture_output=True, text=True)
        if proc.returncode:
            raise RuntimeError(f"mypyc failed to compile newsie:\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
        built = sorted(p for p in lib.rglob("*") if p.is_file() and p.suffix in (".so", ".pyd"))
        if not built:
            raise RuntimeError(f"mypyc built no extension module:\n{proc.stdout[-2000:]}")
        return [(path, path.relative_to(lib).as_posix()) for path in built]

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        work = build_data.get("newsie_mypyc_work")
        if work:
            shutil.rmtree(work, ignore_errors=True)
