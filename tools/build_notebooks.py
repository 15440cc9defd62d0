"""The lessons' text sources and the notebooks made from them (``make notebooks``).

Each lesson is written in ``notebooks/src/NN_name.py``, in jupytext's percent format: ``# %%`` starts a code cell,
``# %% [markdown]`` a text cell, and a cell's tags and other metadata sit on that line
(``# %% [markdown] tags=["handout"]``). That file is the one people edit and review; ``notebooks/NN_name.ipynb``
is made from it and run, with its outputs saved (what nbval compares and what a learner opens).

A notebook made twice from the same source is the same file, byte for byte:

- every code cell is folded (the house rule; the source does not repeat ``jupyter={"source_hidden": true}``);
- a cell keeps the id it had in the notebook made before (jupytext's own matching of cells, as ``--update``);
  a new cell's id comes from its place and its text;
- no run times are recorded (``record_timing=False``);
- the widgets' ids, random in every kernel, are numbered in the order the lesson makes its widgets.

``python tools/build_notebooks.py [NN_name ...]`` makes the notebooks (all of them by default);
``--from-notebooks`` writes the sources from the notebooks instead, for a change made in JupyterLab.
tests/test_lesson_sources.py fails while a notebook is out of step with its source.
"""
from __future__ import annotations

import argparse
import copy
import hashlib
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import jupytext
import nbformat
from jupytext.combine import map_outputs_to_inputs

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SOURCES = NOTEBOOKS / "src"
FORMAT = "py:percent"
FOLDED = {"source_hidden": True}
#: What the text source keeps of the notebook's own metadata (the rest comes from running it).
HEADER = "kernelspec"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"


def source_of(notebook: Path) -> Path:
    return SOURCES / notebook.with_suffix(".py").name


def notebook_of(source: Path) -> Path:
    return NOTEBOOKS / source.with_suffix(".ipynb").name


def sources() -> list[Path]:
    return sorted(SOURCES.glob("[0-9][0-9]_*.py"))


def read_source(path: Path) -> nbformat.NotebookNode:
    """The notebook a text source stands for, without outputs: its cells, their metadata, its kernelspec."""
    return read_source_text(path.read_text(encoding="utf-8"))


def read_source_text(text: str) -> nbformat.NotebookNode:
    nb = jupytext.reads(text, fmt=FORMAT)
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in HEADER.split(",")}
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.metadata.setdefault("jupyter", dict(FOLDED))
    return nb


def source_text(nb: nbformat.NotebookNode) -> str:
    """A notebook's text source: its cells and their metadata, without outputs, run times or the folding."""
    nb = copy.deepcopy(nb)
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in HEADER.split(",")}
    nb.metadata["jupytext"] = {"notebook_metadata_filter": HEADER + ",-all", "cell_metadata_filter": "-execution"}
    for cell in nb.cells:
        if cell.cell_type == "code" and cell.metadata.get("jupyter") == FOLDED:
            del cell.metadata["jupyter"]
    return jupytext.writes(nb, fmt=FORMAT)


def write_source(nb: nbformat.NotebookNode, path: Path) -> bool:
    """Write a notebook's text source; True if the file changed."""
    text = source_text(nb)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True


def cells(nb: nbformat.NotebookNode) -> list[tuple[str, str, str]]:
    """What a notebook and its source must agree on: each cell's type, text and metadata (run times aside)."""
    return [(c.cell_type, c.source, json.dumps({k: v for k, v in c.metadata.items() if k != "execution"},
                                              sort_keys=True)) for c in nb.cells]


def _keep_ids(nb: nbformat.NotebookNode, before: Path) -> None:
    old = nbformat.read(before, as_version=4).cells if before.is_file() else []
    matched = map_outputs_to_inputs(nb.cells, old)
    taken = {old[j].id for j in matched if j is not None}
    for i, (cell, j) in enumerate(zip(nb.cells, matched)):
        if j is not None:
            cell.id = old[j].id
            continue
        digest = hashlib.sha1(f"{before.stem}:{i}:{cell.source}".encode()).hexdigest()
        cell.id = next(digest[k:k + 8] for k in range(0, 33) if digest[k:k + 8] not in taken)
        taken.add(cell.id)


def _number_widgets(nb: nbformat.NotebookNode) -> None:
    """Each widget's id, random in the kernel, becomes its number in the order the lesson made it."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    ids = list(state)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            model = out.get("data", {}).get("application/vnd.jupyter.widget-view+json", {}).get("model_id")
            if model and model not in ids:
                ids.append(model)
    if not ids:
        return
    text = json.dumps({"cells": nb.cells, "widgets": nb.metadata.get("widgets")})
    for n, model in enumerate(ids, 1):
        text = text.replace(model, f"{n:032x}")
    numbered = json.loads(text)
    nb.cells = [nbformat.from_dict(c) for c in numbered["cells"]]
    if numbered["widgets"] is not None:
        nb.metadata["widgets"] = nbformat.from_dict(numbered["widgets"])


def build(source: Path) -> Path:
    """Make one notebook from its source and run it, with its outputs saved."""
    from nbclient import NotebookClient

    target = notebook_of(source)
    nb = read_source(source)
    nb.nbformat, nb.nbformat_minor = 4, 5
    _keep_ids(nb, target)
    NotebookClient(nb, timeout=600, kernel_name="python3", record_timing=False, store_widget_state=True,
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    _number_widgets(nb)
    nbformat.validate(nb)
    nbformat.write(nb, target)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="lessons to make, e.g. 03_chemotherapy (default: all)")
    parser.add_argument("--from-notebooks", action="store_true",
                        help="write the text sources from the notebooks (after editing a notebook in JupyterLab)")
    parser.add_argument("--jobs", type=int, default=4, help="notebooks run at once (default 4)")
    args = parser.parse_args(argv)
    if args.from_notebooks:
        paths = [NOTEBOOKS / f"{n}.ipynb" for n in args.names] or sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
        for path in paths:
            if write_source(nbformat.read(path, as_version=4), source_of(path)):
                print(f"wrote {source_of(path).relative_to(ROOT)}")
        return 0
    paths = [SOURCES / f"{n}.py" for n in args.names] or sources()
    missing = [str(p.relative_to(ROOT)) for p in paths if not p.is_file()]
    if missing:
        parser.error("no such source: " + ", ".join(missing))
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for target in pool.map(build, paths):
            print(f"made {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
