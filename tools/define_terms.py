"""Mark, in every notebook, the first use of each glossary term with its definition (``make terms``).

Run it after editing a notebook's text or ``data/glossary.csv``; tests/test_terms.py fails until the notebooks
are in step.
"""
import sys
from pathlib import Path

import nbformat

from mbc_atlas.render.terms import mark_first_uses

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        cells = [c for c in nb.cells if c.cell_type == "markdown"]
        marked = mark_first_uses(c.source for c in cells)
        if [c.source for c in cells] != marked:
            for cell, source in zip(cells, marked):
                cell.source = source
            nbformat.write(nb, path)
            print(f"marked first uses in {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
