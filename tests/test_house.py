"""The house rules of lib/mbc_atlas (docs/architecture.md), checked on the source itself: the layers import only
downwards and never in a circle, one module holds the colours, one writes the tags, nothing private crosses
a module, every module says what is public, and the quick import stays quick."""
import ast
import re
import subprocess
import sys

import nbformat
import pytest

from mbc_atlas.schema import SOURCE_IDS

from .conftest import ROOT

LIB = ROOT / "lib" / "mbc_atlas"
MODULES = {p: "mbc_atlas." + ".".join(p.relative_to(LIB).with_suffix("").parts).replace(".__init__", "")
           for p in sorted(LIB.rglob("*.py"))}
if (LIB / "__init__.py") in MODULES:
    MODULES[LIB / "__init__.py"] = "mbc_atlas"

#: The layers, lowest first; a module may import its own layer or any below it.
LAYERS = [
    ("mbc_atlas.words", "mbc_atlas.schema"),
    ("mbc_atlas.load", "mbc_atlas.guard"),
    ("mbc_atlas.query",),
    ("mbc_atlas.analysis",),
    ("mbc_atlas.render",),
    ("mbc_atlas.lesson",),
    ("mbc_atlas.widgets",),
    ("mbc_atlas.__main__",),
]


def layer(module: str) -> int:
    if module == "mbc_atlas":
        return len(LAYERS)                    # the package's face sits on top of everything
    for i, names in enumerate(LAYERS):
        if any(module == n or module.startswith(n + ".") for n in names):
            return i
    raise AssertionError(f"{module} is in no layer: add it to LAYERS and docs/architecture.md")


def _resolve(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    base = module.split(".") if is_package else module.split(".")[:-1]
    if node.level:
        base = base[: len(base) - (node.level - 1)] if node.level > 1 else base
        return ".".join(base + ([node.module] if node.module else []))
    return node.module or ""


def imports(path):
    """(imported mbc_atlas module, names, line) for every import in a module, at any depth."""
    module = MODULES[path]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            target = _resolve(module, node, path.name == "__init__.py")
            if target.startswith("mbc_atlas"):
                names = [a.name for a in node.names]
                modules = [n for n in names if f"{target}.{n}" in MODULES.values()]
                out += [(f"{target}.{n}", [], node.lineno) for n in modules]   # "from . import html"
                if len(modules) < len(names):
                    out.append((target, [n for n in names if n not in modules], node.lineno))
        elif isinstance(node, ast.Import):
            out += [(a.name, [], node.lineno) for a in node.names if a.name.startswith("mbc_atlas")]
    return out


def _strings(path):
    """Every string constant of a module that is not a docstring, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.value, node.lineno


def test_every_module_is_in_a_layer_and_imports_only_downwards():
    wrong = []
    for path, module in MODULES.items():
        for target, _names, line in imports(path):
            if target in MODULES.values() and layer(target) > layer(module):
                wrong.append(f"{module}:{line} imports {target} (a higher layer)")
    assert not wrong, "\n".join(wrong)


def test_render_is_never_imported_by_query_or_load_and_there_are_no_cycles():
    graph = {m: {t for t, _, _ in imports(p) if t in MODULES.values() and t != m} for p, m in MODULES.items()}
    for low in ("mbc_atlas.load", "mbc_atlas.query", "mbc_atlas.schema", "mbc_atlas.words"):
        assert not any(t.startswith(("mbc_atlas.render", "mbc_atlas.widgets")) for t in graph[low]), low
    for m in graph:                       # the package itself is the lazy face: it imports what it names
        graph[m].discard("mbc_atlas")
    state = {}

    def visit(m, trail):
        if state.get(m) == "done":
            return
        assert state.get(m) != "open", "import cycle: " + " -> ".join(trail + [m])
        state[m] = "open"
        for t in graph[m]:
            if t.startswith("mbc_atlas.") and t in graph:
                visit(t, trail + [m])
        state[m] = "done"

    for m in graph:
        visit(m, [])


def test_no_private_name_is_imported_across_modules():
    wrong = [f"{MODULES[p]}:{line} imports {n} from {t}" for p in MODULES for t, names, line in imports(p)
             for n in names if n.startswith("_") and not n.startswith("__")]
    assert not wrong, "\n".join(wrong)


def test_every_module_says_what_is_public_and_py_typed_ships():
    for path, module in MODULES.items():
        if path.name == "__main__.py" or (path.name == "__init__.py" and module != "mbc_atlas"):
            continue                       # (a sub-package's __init__ is its docstring only)
        assert "__all__" in path.read_text(encoding="utf-8"), f"{module} has no __all__"
    assert (LIB / "py.typed").is_file()
    assert re.search(r'mbc_atlas = \["py.typed"', (ROOT / "pyproject.toml").read_text())


def test_the_public_namespace_is_all():
    """As httpx checks its own: what ``mbc_atlas`` offers (``dir``, with the lazy names) is its ``__all__``, and
    every name in it resolves. Its sub-modules are left aside: Python binds ``mbc_atlas.query`` on
    ``from .query import ...``, and the layers (``mbc_atlas.render``) are reached by their dotted names."""
    import types

    import mbc_atlas as mbc

    public = {n for n in dir(mbc) if not n.startswith("_")}
    modules = {n for n in public - set(mbc.__all__) if isinstance(getattr(mbc, n), types.ModuleType)}
    assert sorted(public - modules) == sorted(mbc.__all__)
    assert len(set(mbc.__all__)) == len(mbc.__all__), "a name twice in __all__"
    for name in mbc.__all__:
        getattr(mbc, name)


HEX = re.compile(r"#[0-9A-Fa-f]{6}\b|#[0-9A-Fa-f]{3}\b")
TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(\s[^<>]*)?/?>")


def test_no_colour_outside_the_theme():
    wrong = [f"{MODULES[p]}:{line}: {s[:60]!r}" for p in MODULES if p.name != "theme.py"
             for s, line in _strings(p) if HEX.search(s)]
    site = [f"{f.relative_to(ROOT)}" for f in (ROOT / "tools").rglob("*") if f.suffix in (".py", ".css", ".j2")
            and "node_modules" not in f.parts and HEX.search(f.read_text(encoding="utf-8"))]
    assert not wrong + site, "\n".join(wrong + site)


def test_no_html_tag_outside_render_html():
    wrong = [f"{MODULES[p]}:{line}: {s[:60]!r}" for p in MODULES if MODULES[p] != "mbc_atlas.render.html"
             for s, line in _strings(p) if TAG.search(s)]
    assert not wrong, "\n".join(wrong)


SILENCE = re.compile(r"\bsays? nothing about\b|\b(?:are|is) silent\b|\bsilent (?:about|on)\b", re.I)


def test_silence_is_spelled_in_one_place():
    """Every way of telling a learner the texts are silent comes from ``words.say_nothing`` (and its reason from
    ``words.NOT_EVIDENCE``): never re-typed in a module, a template or the page's script."""
    wrong = [f"{MODULES[p]}:{line}: {s[:60]!r}" for p in MODULES if MODULES[p] != "mbc_atlas.words"
             for s, line in _strings(p) if SILENCE.search(s)]
    for f in [*(LIB / "render" / "templates").glob("*.j2"), LIB / "render" / "offline.js"]:
        wrong += [f"{f.name}:{i}" for i, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
                  if SILENCE.search(line) and not line.lstrip().startswith("//")]
    assert not wrong, "\n".join(wrong)


def test_no_count_of_texts_and_no_source_typed_into_what_a_learner_reads():
    """A sixth text must change nothing in the code: "five" is never written into a string a learner reads
    (lib or the notebooks' code), and no default argument names a particular source."""
    words = [f"{MODULES[p]}:{line}: {s[:60]!r}" for p in MODULES for s, line in _strings(p)
             if re.search(r"\bfive\b", s, re.I) and MODULES[p] != "mbc_atlas.words"]
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        for i, cell in enumerate(c for c in nbformat.read(nb, as_version=4).cells if c.cell_type == "code"):
            if re.search(r"\bfive\b", cell.source, re.I):
                words.append(f"{nb.name}, code cell {i}")
    defaults = []
    for path, module in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                    if isinstance(d, ast.Constant) and d.value in SOURCE_IDS:
                        defaults.append(f"{module}.{node.name} defaults to {d.value!r}")
    assert not words + defaults, "\n".join(words + defaults)


_QUICK = """
import sys
import mbc_atlas
mbc_atlas.load()
print(",".join(m for m in ("matplotlib", "ipywidgets", "IPython") if m in sys.modules))
"""


def test_import_and_load_leave_matplotlib_and_ipywidgets_alone():
    """How quickly they run is measured by ``make bench`` (collection.startup), not here."""
    run = subprocess.run([sys.executable, "-c", _QUICK], capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.strip() == "", f"import mbc_atlas + load() imported {run.stdout.strip()}"


@pytest.mark.parametrize("name,module", [("tables", "matplotlib"), ("compare", "matplotlib"),
                                         ("lesson", "matplotlib"), ("lesson", "ipywidgets")])
def test_a_part_loads_only_what_it_needs(name, module):
    code = f"import sys, mbc_atlas as mbc; mbc.{name}; print({module!r} in sys.modules)"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert run.stdout.strip() == "False", f"mbc.{name} imports {module}"
