"""The collection's benchmark: notebook execution against a floor, start-up cost, kernel memory.

A section of tools/bench.py (``make bench``); medians of several runs, never a timed test.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"

FLOOR_SOURCE = "import pandas, matplotlib.pyplot, ipywidgets"
STARTUP_SOURCE = (
    "import time; t = time.perf_counter(); import mbc_atlas; mbc_atlas.load(); "
    "print(time.perf_counter() - t)"
)
MEMORY_CELLS = (
    "import mbc_atlas as mbc\napp = mbc.explorer()\napp",
    "import resource, sys\nkib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\nprint(kib)",
)


def _run(nb: nbformat.NotebookNode, cwd: Path) -> float:
    """Seconds to start a fresh kernel and execute ``nb`` in it."""
    start = time.perf_counter()
    NotebookClient(nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(cwd)}}).execute()
    return time.perf_counter() - start


def _code_notebook(*sources: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    return nb


def notebook_times(runs: int = 3) -> dict:
    """Median execution time of each notebook in a fresh kernel, as a ratio to the floor notebook's. The floor is
    run once before every notebook run, so that it is measured as often, and under the same load, as they are."""
    floors: list[float] = []
    medians = {}
    for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb")):
        times = []
        for _ in range(runs):
            floors.append(_run(_code_notebook(FLOOR_SOURCE), NOTEBOOKS))
            times.append(_run(nbformat.read(path, as_version=4), NOTEBOOKS))
        medians[path.stem] = statistics.median(times)
    floor = statistics.median(floors)
    rows = {"floor_notebook": {"median_s": round(floor, 3), "ratio_to_floor": 1.0, "runs": len(floors)}}
    for stem, median in medians.items():
        rows[stem] = {"median_s": round(median, 3), "ratio_to_floor": round(median / floor, 2), "runs": runs}
    n, total = len(medians), sum(medians.values())
    rows["whole_collection"] = {"median_s": round(total, 3), "ratio_to_floor": round(total / (floor * n), 2),
                                "runs": runs, "note": f"sum of {n} notebook medians / ({n} x floor)"}
    return rows


def startup_time(runs: int = 7) -> dict:
    """``import mbc_atlas`` plus loading and validating all data, in a fresh interpreter (seconds)."""
    times = [float(subprocess.run([sys.executable, "-c", STARTUP_SOURCE], capture_output=True, text=True,
                                  check=True, cwd=ROOT).stdout) for _ in range(runs)]
    return {"median_s": round(statistics.median(times), 4), "max_s": round(max(times), 4), "runs": runs}


def explorer_kernel_memory(runs: int = 3) -> dict:
    """Peak resident memory (MiB) of a kernel that has built the explorer."""
    peaks = []
    for _ in range(runs):
        nb = _code_notebook(*MEMORY_CELLS)
        _run(nb, NOTEBOOKS)
        peaks.append(int(nb.cells[-1].outputs[0]["text"]) / 1024)
    return {"median_peak_mib": round(statistics.median(peaks), 1), "runs": runs}


def collection_section() -> dict:
    return {"startup": startup_time(), "explorer_kernel_memory": explorer_kernel_memory(), **notebook_times()}
