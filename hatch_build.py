"""Build hook: compile newsie's hottest rule modules to C extensions with mypyc.

The wheel keeps every ``.py`` file and adds, beside the modules listed under
``[tool.hatch.build.targets.wheel.hooks.custom] modules`` in pyproject.toml, their
compiled form (Python imports an extension module before the source of the same name).
The compiled modules give the same records, about a sixth fewer instructions per release
(see README, "Speed and memory").

Not compiled (pure Python, the same behaviour): editable installs (``pip install -e``,
so that edits take effect), and any build with ``NEWSIE_PURE_PYTHON=1`` in the
environment (a machine without a C compiler, or to compare the two).
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

PURE_ENV = "NEWSIE_PURE_PYTHON"
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

    def _work(self) -> Path:
        return Path(self.root) / "build" / "mypyc"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable" or os.environ.get(PURE_ENV, "") not in ("", "0"):
            return
        modules = [str(m) for m in self.config.get("modules", [])]
        if not modules:
            return
        work = self._work()
        shutil.rmtree(work, ignore_errors=True)
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
            raise RuntimeError(f"mypyc failed to compile newsie (set {PURE_ENV}=1 to build without it):\n{proc.stdout}\n{proc.stderr}")
        built = sorted(p for p in lib.rglob("*") if p.is_file() and p.suffix in (".so", ".pyd"))
        if not built:
            raise RuntimeError(f"mypyc built no extension module (set {PURE_ENV}=1 to build without it):\n{proc.stdout}")
        for path in built:
            build_data["force_include"][str(path)] = path.relative_to(lib).as_posix()
        build_data["pure_python"] = False
        build_data["infer_tag"] = True

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        if build_data.get("pure_python") is False:
            shutil.rmtree(self._work(), ignore_errors=True)
