"""The self-check (notebook 08): one widget per question or case, and a running score kept in memory only.

Widgets show their feedback by setting an HTML widget's ``.value`` (never by printing), so a plain test can
choose an answer, press the button and read what the learner would see::

    check = self_check()
    q = check.widgets["radiation_scope"]
    q.choices.value = "local"; q.button.click(); q.feedback.value

The questions, cases and keys are :mod:`mbc_atlas.analysis.quiz`; what is said back,
:mod:`mbc_atlas.render.feedback`.
"""
from __future__ import annotations

from collections.abc import Callable

import ipywidgets as w

from ..analysis.quiz import Item, grade, items
from ..load import Atlas, atlas_or_default
from ..render.feedback import feedback_html, prompt_html, score_html

__all__ = ["QuestionWidget", "SelfCheck", "self_check"]


class QuestionWidget:
    """One question: the choices (radio buttons, or one checkbox per option), a "Check my answer" button, and
    the feedback (an HTML widget whose ``.value`` is set on each check)."""

    def __init__(self, item: Item, on_check: Callable[[], None] | None = None, atlas: Atlas | None = None):
        self.item = item
        self.atlas = atlas
        self._on_check = on_check
        self.prompt = w.HTML(prompt_html(item))
        if item.kind == "single":
            self.choices = w.RadioButtons(options=list(item.options), value=None, layout=w.Layout(width="auto"))
            controls = [self.choices]
        else:
            self.choices = {v: w.Checkbox(value=False, description=lab, indent=False, layout=w.Layout(width="auto"))
                            for lab, v in item.options}
            controls = list(self.choices.values())
        self.button = w.Button(description="Check my answer", tooltip="Check your answer against the texts")
        self.button.on_click(self._check)
        self.feedback = w.HTML()
        self.widget = w.VBox([self.prompt, *controls, self.button, self.feedback])
        self.result: bool | None = None          # None until checked, then True/False for the latest check

    def chosen(self) -> set:
        if self.item.kind == "single":
            return {self.choices.value} if self.choices.value is not None else set()
        return {v for v, cb in self.choices.items() if cb.value}

    def _check(self, _button=None) -> None:
        chosen = self.chosen()
        self.feedback.value = feedback_html(self.item, chosen, self.atlas)
        self.result = grade(self.item, chosen) if chosen else None
        if self._on_check:
            self._on_check()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


class SelfCheck:
    """All questions and cases of notebook 08, with a running score (kept in memory only)."""

    def __init__(self, atlas: Atlas | None = None):
        self.atlas = atlas_or_default(atlas)
        self.items = items(self.atlas)
        self.widgets = {it.id: QuestionWidget(it, self._update, self.atlas) for it in self.items}
        self.score = w.HTML()
        self._update()

    def show(self, item_id: str) -> QuestionWidget:
        """The widget of one question or case, to display in a cell."""
        if item_id not in self.widgets:
            raise ValueError(f"unknown item {item_id!r}; known: {', '.join(self.widgets)}")
        return self.widgets[item_id]

    def score_html(self) -> str:
        return score_html((q.item, q.result) for q in self.widgets.values())

    def _update(self) -> None:
        self.score.value = self.score_html()


def self_check(atlas: Atlas | None = None) -> SelfCheck:
    """A new self-check: ``check.show(item_id)`` for each question or case, ``check.score`` at the end."""
    return SelfCheck(atlas)
