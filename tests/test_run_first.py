"""A lesson cell run before the cell it needs says, in plain words, what to run; in a real kernel of the project's
environment, with the setting set-up writes (tools/env_settings.py), and nothing else changes."""
import ast
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from mbc_atlas import lesson

from .conftest import ROOT

CONFIG = Path(sys.prefix) / "etc" / "ipython" / "ipython_kernel_config.py"

#: What a learner may run first: a later cell of a lesson, a cell that needs the self-check, then anything else.
CELLS = ["mbc.lesson.note()", "check.score", "nope + 1", "print('hello')\n1 / 0",
         "import mbc_atlas as mbc\nlen(mbc.lesson.NOTEBOOKS)", "mbc.lesson.nav('00_start_here');"]


def _run(cells, *arguments):
    """Run the cells in a fresh kernel of this environment (the errors kept): each cell's outputs."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, timeout=120, kernel_name="python3", allow_errors=True, extra_arguments=list(arguments),
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    return [c.outputs for c in nb.cells]


def _shown(outputs):
    return [{k: v for k, v in o.items() if k != "execution_count"} for o in outputs]


def test_set_up_writes_the_kernel_setting_into_the_environment():
    assert CONFIG.is_file(), f"{CONFIG} is missing: run make setup (it runs tools/env_settings.py)"
    assert 'extensions.append("mbc_atlas.lesson")' in CONFIG.read_text()
    assert "python tools/env_settings.py" in (ROOT / "postBuild").read_text()      # and so does Binder


def test_a_cell_run_before_the_first_says_what_to_run_and_nothing_else_changes():
    ours = _run(CELLS)
    first, self_check, *rest = ours
    for outputs, name in ((first, "mbc"), (self_check, "check")):
        (error,) = outputs
        assert (error.ename, error.evalue) == ("NameError", f"name '{name}' is not defined")
        assert error.traceback == lesson.run_first(name)
    said = "\n".join(first[0].traceback)
    assert 'the lesson\'s first code cell (it begins "# Set up")' in said and "Run > Run All Cells" in said
    # without the setting (the command line empties the kernel's list of extensions), all else is the same
    plain = _run(CELLS, "--InteractiveShellApp.extensions=[]")
    assert "Traceback" in "".join(plain[0][0].traceback)
    assert [_shown(o) for o in rest] == [_shown(o) for o in plain[2:]]
    assert rest[0][0].ename == "NameError" and rest[-1] == [] and rest[-2][0]["data"]["text/plain"] == str(len(lesson.NOTEBOOKS))


def _made(cell):
    """The names a cell's code makes at its top level."""
    names = set()
    for node in ast.parse(cell.source).body:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                names.add(sub.id)
            elif isinstance(sub, (ast.Import, ast.ImportFrom)):
                names.update(a.asname or a.name.split(".")[0] for a in sub.names)
    return names


def test_every_name_a_lesson_makes_is_told_with_the_cell_that_makes_it():
    made = {}
    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        code = [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
        assert "mbc" in _made(code[0]), f"{path.name}: its first code cell does not import mbc_atlas as mbc"
        for cell in code:
            for name in _made(cell):
                made.setdefault(name, cell.source.splitlines()[0])
    assert set(made) == set(lesson.MADE_BY), made
    for name, (_what, opening) in lesson.MADE_BY.items():
        assert made[name].startswith(opening), (name, made[name])
