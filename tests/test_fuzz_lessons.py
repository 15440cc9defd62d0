"""The promise of ``check`` (issue 24), fuzzed: random deletions of rows, emptied tables and edited ids in a copy
of data/. Whenever ``check`` passes, every lesson runs in a real kernel pointed at the copy ($MBC_ATLAS_DATA) and
every widget answers; whenever it fails, each problem names its file, and the row and column it sits in.

Bounded: a fixed seed and a fixed number of cases (the lessons run only where ``check`` passes, in one kernel).
"""
import csv
import random
import shutil

import jupyter_client
import nbformat
import pytest
from nbclient import NotebookClient

import mbc_atlas as mbc
from mbc_atlas.schema import TABLES

from .conftest import DATA, ROOT

CASES = 12
SEED = 24
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
#: The problems that name no row: a table with no rows, and an id no row has (the contract's or a lesson's).
ROWLESS = ("has no rows under its header", "is missing", " cites ")


def _records(folder, table):
    with open(folder / f"{table}.csv", newline="", encoding="utf-8") as f:
        return list(csv.reader(f))


def _write(folder, table, rows):
    with open(folder / f"{table}.csv", "w", newline="", encoding="utf-8") as f:
        csv.writer(f, lineterminator="\n").writerows(rows)


def _change(rng, folder):
    """One random change to the copy, and what it was, in words."""
    t = rng.choice(TABLES)
    rows = _records(folder, t.name)
    how = rng.choice(["delete", "delete", "empty", "edit", "edit"])
    if how == "empty" or len(rows) < 2:
        _write(folder, t.name, rows[:1])
        return f"emptied {t.file}"
    r = rng.randrange(1, len(rows))
    if how == "delete":
        del rows[r]
        _write(folder, t.name, rows)
        return f"deleted row {r + 1} of {t.file}"
    column = rng.choice(list(dict.fromkeys([*t.key, *t.refs])))
    c = rows[0].index(column)
    choices = [rows[r][c] + "_x", rows[rng.randrange(1, len(rows))][c]]      # a new id, or another row's
    if column in t.refs:                                                    # or another id it may refer to
        other, other_column = t.refs[column]
        theirs = _records(folder, other)
        choices += [row[theirs[0].index(other_column)] for row in theirs[1:2]]
    old, rows[r][c] = rows[r][c], rng.choice(choices)
    _write(folder, t.name, rows)
    return f"{t.file}, row {r + 1}, column {column!r}: {old!r} -> {rows[r][c]!r}"


def _emptied_subtypes(folder):
    _write(folder, "subtypes", _records(folder, "subtypes")[:1])
    return "emptied subtypes.csv"


def _quote_without_source(folder):
    rows = _records(folder, "drugs")
    rows[5][rows[0].index("restriction_source_id")] = ""
    _write(folder, "drugs", rows)
    return "drugs.csv, row 6, column 'restriction_source_id': emptied"


#: Changes the fuzzing found that check once passed and a lesson then failed on (now named by check).
FOUND = {"emptied_subtypes": _emptied_subtypes, "quote_without_source": _quote_without_source}


@pytest.fixture(scope="module")
def kernel():
    """One kernel of this environment for every case (a kernel per lesson per case would take minutes)."""
    km = jupyter_client.KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(ROOT / "notebooks"))
    yield km
    km.shutdown_kernel(now=True)


def _run_lessons(km, folder):
    """Every lesson, its cells in order, in the kernel pointed at ``folder``: (lesson, cell, what went wrong)."""
    point = nbformat.v4.new_code_cell(f"import os\nos.environ['MBC_ATLAS_DATA'] = {str(folder)!r}")
    wrong = []
    for path in NOTEBOOKS:
        nb = nbformat.read(path, as_version=4)
        nb.cells.insert(0, point)
        client = NotebookClient(nb, km=km, timeout=120, allow_errors=True)
        client.execute()
        client.kc.stop_channels()
        for i, cell in enumerate(c for c in nb.cells[1:] if c.cell_type == "code"):
            for o in cell.outputs:
                if o.output_type == "error" or (o.output_type == "stream" and o.name == "stderr"):
                    wrong.append((path.name, i, o.get("evalue") or o.get("text")))
    return wrong


def _drive_widgets(atlas):
    """Tick one characteristic of every group in the explorer and answer every self-check question."""
    app = mbc.explorer(atlas)
    for group, ids in app.groups.items():
        app.reset()
        if group in app.controls:
            app.controls[group].value = ids[0]
        else:
            app.controls[ids[0]].value = True
        assert app.selection == [ids[0]] and app.answer_html.value, group
    check = mbc.self_check(atlas)
    for item_id, question in check.widgets.items():
        first = question.item.options[0][1]
        if question.item.kind == "single":
            question.choices.value = first
        else:
            question.choices[first].value = True
        question.button.click()
        assert question.result is not None and question.feedback.value, item_id
    assert "Your score:" in check.score.value


def _assert_each_problem_has_its_place(folder, found):
    for p in found:
        assert (folder / p.file).is_file(), p
        if p.file.endswith(".csv"):
            rows = _records(folder, p.file[:-4])
            assert p.column is None or p.column in rows[0], p
            if p.row is None:
                assert any(kind in p.message for kind in ROWLESS), p
            else:
                assert 1 <= p.row <= len(rows), p


@pytest.mark.parametrize("case", [*range(CASES), *FOUND])
def test_what_check_passes_every_lesson_runs_and_what_it_fails_it_places(tmp_path, kernel, case):
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    if case in FOUND:
        changes = [FOUND[case](folder)]
    else:
        rng = random.Random(SEED * 1000 + case)
        changes = [_change(rng, folder) for _ in range(rng.choice([1, 1, 2]))]
    found = mbc.check(folder)
    if found:
        _assert_each_problem_has_its_place(folder, found)
        return
    assert _run_lessons(kernel, folder) == [], changes
    _drive_widgets(mbc.load(folder))
