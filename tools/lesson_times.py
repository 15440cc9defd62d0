"""How long each lesson takes, from what it shows and what it asks (``python tools/lesson_times.py`` prints the
table; tests/test_lesson_times.py holds each notebook's stated time and the instructor guide's table to it).

Reading: every word a lesson shows open (its text and its outputs, figures' text alternatives aside) at
READING_WPM words a minute, the pace of careful study reading of clinical text; the folded boxes (quotes, the
editors' notes, answers) are counted apart, as the time to open and read them all. Tasks: a fixed time for each
thing a lesson asks a learner to do (TASKS).
"""
from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import nbformat
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
READING_WPM = 150
#: (what a learner is asked, minutes, a pattern that finds one in a cell's source)
TASKS = (("a check-your-understanding question", 2, r"lesson\.reveal\("),
         ("a prediction to write down", 2, r"Predict first"),
         ("a self-check case", 3, r"check\.show\(\"case_"),
         ("a self-check question", 2, r"check\.show\(\"(?!case_)"),
         ("exploring the explorer freely", 15, r"^mbc\.explorer\(\)"),
         ("rating a text with the checklist", 15, r"^mbc\.checklist\(\)"),
         ("appraising a whole text yourself", 10, r"^## Appraise it yourself"),
         ("a step of the unfolding case: a judgement to write down", 5, r"^case\.story\("),
         ("the texts' question of an unfolding-case step", 3, r"^case\.show\("))
#: An application task (mbc.lesson.tasks): a written answer, then its model answer; counted in the lesson's output,
#: since one call shows every task of the lesson.
APPLICATION_TASK = ("an application task, answered in writing", 8, 'data-task="')


@dataclass(frozen=True)
class Estimate:
    open_words: int
    folded_words: int
    task_minutes: int

    @property
    def reading(self) -> int:
        return math.ceil(self.open_words / READING_WPM)

    @property
    def folded(self) -> int:
        return math.ceil(self.folded_words / READING_WPM)

    @property
    def minutes(self) -> int:
        """Reading and tasks, to the next 5 minutes."""
        return 5 * math.ceil((self.reading + self.task_minutes) / 5)


def _words(markup: str) -> tuple[int, int]:
    """Words shown open and words inside folded boxes, in a piece of HTML."""
    tree = lxml_html.fromstring(f"<div>{markup}</div>")
    for junk in tree.xpath("//style|//script"):
        junk.drop_tree()
    folded = sum(len(" ".join(t for c in d if c.tag != "summary" for t in c.itertext()).split())
                 for d in tree.xpath("//details[not(ancestor::details)]"))
    return len(" ".join(tree.itertext()).split()) - folded, folded


def estimate(path: Path) -> Estimate:
    nb = nbformat.read(path, as_version=4)
    open_words = folded = tasks = 0
    for cell in nb.cells:
        pieces = [cell.source] if cell.cell_type == "markdown" else []
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/html" in data:
                pieces.append(data["text/html"])
            elif "text/markdown" in data:
                pieces.append(data["text/markdown"])
        for piece in pieces:
            piece = piece if isinstance(piece, str) else "".join(piece)
            o, f = _words(piece)
            open_words, folded = open_words + o, folded + f
            if cell.cell_type == "code":
                tasks += APPLICATION_TASK[1] * piece.count(APPLICATION_TASK[2])
        tasks += sum(minutes * len(re.findall(pattern, cell.source, re.M)) for _, minutes, pattern in TASKS)
    return Estimate(open_words, folded, tasks)


def stated(estimate_: Estimate) -> str:
    """The notebook header's sentence for an estimate."""
    folded = f"; opening every folded box adds about {estimate_.folded}" if estimate_.folded else ""
    return (f"**Time:** about {estimate_.minutes} minutes ({estimate_.reading} to read at {READING_WPM} words a "
            f"minute, {estimate_.task_minutes} for the tasks){folded}.")


def main() -> int:
    from mbc_atlas.lesson import NOTEBOOKS

    for name, _ in NOTEBOOKS:
        e = estimate(ROOT / "notebooks" / f"{name}.ipynb")
        print(f"{name:24} {e.open_words:6} open words, {e.folded_words:6} folded; {stated(e)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
