"""Each committed notebook is made from its text source (notebooks/src/NN_name.py, tools/build_notebooks.py): the
same cells, in the same order, with the same type, text and metadata (tags, the site's replacements, the folding)
and the same kernel. Outputs are nbval's business. No kernel is started."""
import sys

import nbformat
import pytest

from mbc_atlas.lesson import NOTEBOOKS

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import build_notebooks  # noqa: E402

FIX = "edit the text source, then run: make notebooks"


def test_every_lesson_has_a_source_and_every_source_a_lesson():
    names = [name for name, _ in NOTEBOOKS]
    assert sorted(p.stem for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) == names
    assert [p.stem for p in build_notebooks.sources()] == names


@pytest.mark.parametrize("name", [n for n, _ in NOTEBOOKS])
def test_the_notebook_is_in_step_with_its_source(name):
    notebook = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    source = build_notebooks.read_source(build_notebooks.SOURCES / f"{name}.py")
    made, committed = build_notebooks.cells(source), build_notebooks.cells(notebook)
    for i, (want, got) in enumerate(zip(made, committed)):
        assert got == want, f"{name}.ipynb cell {i} differs from notebooks/src/{name}.py ({FIX})"
    assert len(committed) == len(made), f"{name}.ipynb has {len(committed)} cells, its source {len(made)} ({FIX})"
    assert notebook.metadata.get("kernelspec") == source.metadata.get("kernelspec"), FIX


@pytest.mark.parametrize("name", [n for n, _ in NOTEBOOKS])
def test_the_source_is_what_the_tool_writes(name):
    """A source written by hand reads back as the tool would write it (so --from-notebooks changes nothing)."""
    path = build_notebooks.SOURCES / f"{name}.py"
    text = path.read_text(encoding="utf-8")
    assert build_notebooks.source_text(build_notebooks.read_source(path)) == text, \
        f"run: .venv/bin/python tools/build_notebooks.py --from-notebooks {name} (after: make notebooks)"


def test_tags_and_metadata_survive_the_text():
    nb = nbformat.v4.new_notebook(metadata={"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                           "language": "python"}})
    nb.cells = [nbformat.v4.new_markdown_cell("# A heading\n\nSome *text*.", metadata={"tags": ["handout"]}),
                nbformat.v4.new_code_cell("x = 1\n\n\ny = 2", metadata={"jupyter": {"source_hidden": True},
                                                                    "mbc": {"offline": "quiz:a"}}),
                nbformat.v4.new_markdown_cell("Two\n\nparagraphs", metadata={"mbc": {"site": "## Other\n\nwords"}})]
    text = build_notebooks.source_text(nb)
    assert "source_hidden" not in text and 'tags=["handout"]' in text
    back = nbformat.reads(nbformat.writes(nb), as_version=4)
    assert build_notebooks.cells(build_notebooks.read_source_text(text)) == build_notebooks.cells(back)
