"""Mark, in every lesson's text source (notebooks/src/), the first use of each glossary term with its definition
(``make terms``, which then makes the notebooks again).

Run it after editing a lesson's text or ``data/glossary.csv``; tests/test_terms.py fails until the notebooks
are in step.
"""
import sys

from build_notebooks import ROOT, read_source, sources, write_source
from mbc_atlas.render.terms import mark_first_uses


def main() -> int:
    for path in sources():
        nb = read_source(path)
        cells = [c for c in nb.cells if c.cell_type == "markdown"]
        marked = mark_first_uses(c.source for c in cells)
        if [c.source for c in cells] != marked:
            for cell, source in zip(cells, marked):
                cell.source = source
            write_source(nb, path)
            print(f"marked first uses in {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
