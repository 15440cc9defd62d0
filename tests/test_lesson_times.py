"""Each lesson's stated time comes from what it shows and asks (tools/lesson_times.py): its header and the
instructor guide's table stay within a tenth (at least 5 minutes) of the estimate, so a lesson that grows says so,
and a small data edit does not fail the suite."""
import re
import sys

import nbformat
import pytest

from mbc_atlas.lesson import NOTEBOOKS

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import lesson_times  # noqa: E402


@pytest.mark.parametrize("name", [n for n, _ in NOTEBOOKS])
def test_the_header_states_the_estimate(name):
    path = ROOT / "notebooks" / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    header = [line for c in nb.cells if c.cell_type == "markdown" for line in c.source.splitlines()
              if line.startswith("**Time:**")]
    e = lesson_times.estimate(path)
    want = lesson_times.stated(e)
    assert len(header) == 1 and _close(int(re.search(r"about (\d+) minutes", header[0])[1]), e.minutes), \
        f"{name}: write this line in its header (tools/lesson_times.py):\n{want}"


def test_the_guide_lists_the_same_minutes():
    guide = (ROOT / "docs" / "instructor_guide.md").read_text(encoding="utf-8")
    total = 0
    for name, _ in NOTEBOOKS:
        minutes = lesson_times.estimate(ROOT / "notebooks" / f"{name}.ipynb").minutes
        row = re.search(rf"\| `{name}` \|[^\n]*\| (\d+) \|", guide)
        assert row and _close(int(row[1]), minutes), f"{name}: {minutes} minutes"
        total += int(row[1])
    assert f"**about {total} ({total // 60} h {total % 60} min)**" in guide


def _close(stated: int, estimate: int) -> bool:
    return abs(stated - estimate) <= max(5, estimate // 10)


def test_more_words_or_tasks_take_longer():
    e = lesson_times.Estimate(open_words=1500, folded_words=300, task_minutes=6)
    assert (e.reading, e.folded, e.minutes) == (10, 2, 20)
    assert lesson_times.Estimate(1501, 300, 6).reading == 11
    assert lesson_times._words("<p>one two</p><details><summary>Show</summary><p>three four five</p></details>") == (3, 3)
