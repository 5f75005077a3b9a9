"""Tests of the package's shape: modules import each other in one direction only."""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import newsie

ROOT = Path(newsie.__file__).resolve().parent


def _imports() -> dict[str, set[str]]:
    """Module -> newsie modules it imports (lazy imports included, TYPE_CHECKING blocks not)."""
    modules = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = {
            id(n) for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test)
            for b in node.body for n in ast.walk(b)
        }
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        deps = set()
        for node in ast.walk(tree):
            if id(node) in skip or not isinstance(node, ast.ImportFrom):
                continue
            base = package[: len(package) - node.level + 1] if node.level else []
            target = ".".join([*base, *([node.module] if node.module else [])])
            for alias in node.names:
                full = f"{target}.{alias.name}"
                deps.add(full if full in modules else target)
        graph[name] = {d for d in deps if d in modules and d != name}
    return graph


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                return [*stack[stack.index(dep):], dep]
            if dep not in state:
                found = visit(dep)
                if found:
                    return found
        state[node] = 2
        stack.pop()
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_no_import_cycles() -> None:
    """No module imports, directly or through others, a module that imports it back."""
    graph = _imports()
    assert "newsie.components.states" in graph
    assert _cycle(graph) is None, " -> ".join(_cycle(graph) or [])


def test_cycle_finder_finds_a_cycle() -> None:
    """The check itself reports a cycle when there is one."""
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


# A reference cycle of two objects the program made, watched by `alive`.
CYCLE = "import gc, weakref\nclass Node: pass\na, b = Node(), Node(); a.other, b.other = b, a; alive = weakref.ref(a)"


def _python(code: str) -> list[str]:
    """The words a fresh interpreter prints running `code`."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()


def test_import_leaves_the_garbage_collector_as_it_was():
    """Importing newsie pauses the cyclic collector only during the import: it is on after (off if it was off), nothing frozen."""
    code = "import gc, sys; {}; import newsie; print(gc.isenabled(), gc.get_freeze_count())"
    assert _python(code.format("pass")) == ["True", "0"]
    assert _python(code.format("gc.disable()")) == ["False", "0"]


def test_cycles_made_before_newsie_are_still_collected():
    """A reference cycle the program made before importing newsie is collected once dropped."""
    code = CYCLE + "\nimport newsie\ndel a, b; gc.collect(); print(alive() is None)"
    assert _python(code) == ["True"]


def test_load_freezes_what_is_alive():
    """`newsie.load()` leaves the objects alive after its build in the permanent generation, the collector on."""
    code = "import gc, newsie; newsie.load(models=False); print(gc.isenabled(), gc.get_freeze_count() > 0)"
    assert _python(code) == ["True", "True"]


def test_objects_the_program_froze_stay_frozen():
    """A cycle the program froze itself (`gc.freeze()`) before importing newsie and loading a pipeline stays frozen, uncollected."""
    code = CYCLE + "; gc.freeze()\nimport newsie; newsie.load(models=False)\ndel a, b; gc.collect(); print(alive() is not None)"
    assert _python(code) == ["True"]


def test_user_gazetteer_module_loads_on_first_use():
    """`import newsie` leaves newsie.kb.user (user gazetteer files) unimported until it is used."""
    code = "import sys, newsie; print('newsie.kb.user' in sys.modules, newsie.kb.user.UserGazetteer.__name__)"
    assert _python(code) == ["False", "UserGazetteer"]


def _dotted(paths: list[str]) -> list[str]:
    """Module paths as the build hook lists them (``newsie/rows.py``), as dotted names."""
    return [p.removesuffix(".py").replace("/", ".") for p in paths]


def _modules_to_compile() -> list[str]:
    """The modules pyproject.toml lists for mypyc (hatch_build.py), as dotted names."""
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    conf = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    return _dotted(conf["tool"]["hatch"]["build"]["targets"]["wheel"]["hooks"]["custom"]["modules"])


def test_the_modules_listed_for_compiling_exist() -> None:
    """Every module the build hook compiles is a module of the package (a renamed one would break the wheel's build)."""
    import importlib

    names = _modules_to_compile()
    assert names and len(set(names)) == len(names)
    for name in names:
        assert importlib.import_module(name).__name__ == name


def test_an_installed_wheel_has_the_modules_it_lists_compiled() -> None:
    """A wheel (as CI installs it) lists what its build compiled in ``newsie/compiled.txt``,
    and each of those modules is a C extension (a wheel built with NEWSIE_PURE_PYTHON=1
    lists none); a checkout or an editable install has no list and runs from the sources."""
    import importlib

    listed = ROOT / "compiled.txt"
    if not listed.exists():
        assert "site-packages" not in str(ROOT), f"an installed wheel without {listed.name}: the build hook did not run"
        pytest.skip("newsie runs from its sources")
    names = _dotted(listed.read_text(encoding="utf-8").split())
    if not names:
        pytest.skip("a pure-Python wheel (NEWSIE_PURE_PYTHON=1)")
    assert names == _modules_to_compile()
    kinds = {name: Path(importlib.import_module(name).__file__ or "").suffix for name in names}
    assert set(kinds.values()) in ({".so"}, {".pyd"}), kinds
