"""The unfolding case (notebook 11): each step's story, its graded question (the self-check's own widget, so it is
checked and scored the same way), the folded answers, and a running score kept in memory only."""
from __future__ import annotations

import ipywidgets as w
from IPython.display import HTML

from ..analysis import unfolding
from ..load import Atlas, atlas_or_default
from ..render import unfolding as view
from ..render.feedback import score_html
from .self_check import QuestionWidget

__all__ = ["UnfoldingCase", "unfolding_case"]


class UnfoldingCase:
    """Ruth's case, step by step: ``story(step)``, ``show(step)``, ``answers(step)``, and ``score``."""

    def __init__(self, atlas: Atlas | None = None):
        self.atlas = atlas_or_default(atlas)
        self.widgets = {it.id: QuestionWidget(it, self._update, self.atlas) for it in unfolding.items(self.atlas)}
        self.score = w.HTML()
        self._update()

    def story(self, step_id: str) -> HTML:
        """What happens at this step, and the task it sets."""
        return HTML(view.story_html(step_id, self.atlas))

    def show(self, step_id: str) -> QuestionWidget | HTML:
        """The step's graded question; where the step changes nothing the texts describe, a sentence saying so."""
        unfolding.step(step_id, self.atlas)           # an unknown step raises, naming the known ones
        if step_id in self.widgets:
            return self.widgets[step_id]
        return HTML(view.unchanged_html(step_id, self.atlas))

    def answers(self, step_id: str) -> HTML:
        """The texts' answer and the editors' model answer, folded until the learner opens them."""
        return HTML(view.answers_html(step_id, self.atlas))

    def steps_html(self) -> HTML:
        """The six steps of clinical judgement, in plain words, with the model's source."""
        return HTML(view.cjmm_html(self.atlas))

    def _update(self) -> None:
        self.score.value = score_html((q.item, q.result) for q in self.widgets.values())


def unfolding_case(atlas: Atlas | None = None) -> UnfoldingCase:
    """A new unfolding case, its score at zero."""
    return UnfoldingCase(atlas)
