"""Application tasks (data/tasks.csv): every lesson sets some, each model answer is built from the rows it names and
says nothing of its own about treatment, and a broken row gets a problem naming file, row and column."""
import html
import re

import nbformat
import pytest

import mbc_atlas as mbc
from mbc_atlas.analysis.tasks import tasks
from mbc_atlas.render.tasks import METHOD, task_html
from mbc_atlas.schema import TASK_KINDS

from .conftest import ROOT

LESSONS = [name for name, _ in mbc.lesson.NOTEBOOKS]


def visible(h) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", str(h))))


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_lesson_sets_tasks_and_shows_them(lesson):
    number = lesson[:2]
    assert tasks(number), f"tasks.csv has no task for lesson {number}"
    nb = nbformat.read(ROOT / "notebooks" / f"{lesson}.ipynb", as_version=4)
    calls = [c.source for c in nb.cells if c.cell_type == "code" and f'mbc.lesson.tasks("{number}")' in c.source]
    assert len(calls) == 1, f"{lesson} must show its tasks once, with mbc.lesson.tasks(\"{number}\")"


def test_each_kind_is_set_in_several_lessons():
    by_kind = {k: {t.lesson for t in tasks() if t.kind == k} for k in TASK_KINDS}
    assert all(len(lessons) >= 3 for lessons in by_kind.values()), by_kind


@pytest.mark.parametrize("t", tasks(), ids=lambda t: t.task_id)
def test_the_model_answer_is_made_of_the_rows_the_task_names(t, atlas):
    shown = visible(task_html(t, atlas))
    answer = shown.split("Show the model answer", 1)[1]
    assert METHOD[t.kind] in answer
    notes = atlas["editor_notes"].set_index("note_id")
    for n in t.notes:
        assert visible(notes.loc[n, "note"]) in answer and visible(notes.loc[n, "citation"]) in answer
    assert answer.count("not from the") == len(t.notes) + bool(t.nursing_class) + bool(t.subtype) + 1    # every editors' part fenced
    if t.nursing_class:
        rows = atlas["nursing_notes"]
        rows = rows[(rows["drug_class"] == t.nursing_class) & rows["aspect"].isin(t.aspects)]
        assert len(rows) == len(t.aspects) and all(visible(r) in answer for r in rows["note"])
    for sid in ([t.source_id] if t.source_id else []):
        assert f"The text: {atlas.source_names[sid]}" in answer
    assert t.key_points and all(visible(k) in answer for k in t.key_points)
    question = shown.split("Show the model answer", 1)[0]
    assert "not from the" not in question, "an editors' note beside the quote would give the answer away"
    if t.disagreement_id:
        summary = atlas["disagreements"].set_index("disagreement_id").loc[t.disagreement_id, "summary"]
        assert visible(summary) not in question and visible(summary) in answer, "the summary is the answer"


def test_a_task_without_the_parts_its_kind_needs_is_named(data_copy, edit_csv):
    def change(df):
        i = df.index[df["kind"] == "out_of_date"][0]
        df.loc[i, "notes"] = ""
        j = df.index[df["kind"] == "disagreement"][0]
        df.loc[j, "disagreement_id"] = ""
        k = df.index[df["nursing_class"] != ""][0]
        df.loc[k, "aspects"] = ""
        return df
    edit_csv(data_copy, "tasks", change)
    found = [str(p) for p in mbc.check(data_copy)]
    assert any(re.match(r"tasks\.csv, row \d+, column 'notes': is empty, but a task of kind out_of_date needs", p)
               for p in found), found
    assert any("column 'disagreement_id': is empty, but a task of kind disagreement needs" in p for p in found), found
    assert any("column 'aspects': is empty, but nursing_class is set" in p for p in found), found
    atlas = mbc.load(data_copy)                 # the library still loads it, and the lessons show what is there
    assert all("Show the model answer" in mbc.lesson.tasks(n, atlas).data for n in ("02", "03", "04", "05"))


def test_a_task_quote_must_be_verbatim(data_copy, edit_csv):
    def change(df):
        df.loc[0, "quote"] = df.loc[0, "quote"].replace("participate", "take part")
        return df
    edit_csv(data_copy, "tasks", change)
    with pytest.raises(mbc.DataError) as err:
        mbc.load(data_copy)
    assert [str(p) for p in err.value.problems][0].startswith("tasks.csv, row 2, column 'quote': not found verbatim")
