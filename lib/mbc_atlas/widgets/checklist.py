"""The learner's appraisal checklist (notebook 07): choose a text, tick the JAMA benchmarks it meets, rate the
DISCERN questions 1-5; the summary updates at once. The reference answers and every summary come from
:mod:`mbc_atlas.analysis.appraisal`; what is shown from :mod:`mbc_atlas.render.feedback`."""
from __future__ import annotations

import ipywidgets as w

from ..analysis.appraisal import DISCERN, DISCERN_SECTIONS, JAMA, OVERALL_WORDS, RATING_WORDS
from ..load import Atlas, atlas_or_default
from ..render import feedback, html
from ..render.tables import appraisal_overview_table

__all__ = ["Checklist", "checklist"]


class Checklist:
    """The appraisal checklist. Answers are kept per text, in memory only: nothing leaves the machine.

    For tests and scripts: set ``source.value``, ``jama[id].value`` and ``discern[n].value``, press
    ``compare_button.click()``, and read ``summary.value``, ``reference.value`` and ``overview.value``.
    """

    def __init__(self, atlas: Atlas | None = None):
        self.atlas = atlas_or_default(atlas)
        names = self.atlas.source_names
        # per text: {"jama": benchmark id -> ticked, "discern": question number -> rating 1-5 or None}
        self.answers: dict[str, dict[str, dict]] = {
            sid: {"jama": {b.id: False for b in JAMA}, "discern": {q.number: None for q in DISCERN}} for sid in names}
        self._loading = False
        self._shown = False
        self.source = w.Dropdown(options=[(n, s) for s, n in names.items()], description="Text:",
                                 style={"description_width": "initial"}, layout=w.Layout(width="28em"))
        self.jama = {b.id: w.Checkbox(value=False, description=f"{b.name}: {b.question}", indent=False,
                                      layout=w.Layout(width="auto")) for b in JAMA}
        self.discern = {}
        rows: dict[str, list[w.VBox]] = {s: [] for s in DISCERN_SECTIONS}
        for q in DISCERN:
            words = OVERALL_WORDS if q.number == 16 else RATING_WORDS
            tb = w.ToggleButtons(options=[(str(v), v) for v in range(1, 6)], value=None,
                                 tooltips=[f"{v} = {words[v]}" for v in range(1, 6)],
                                 style={"button_width": "3em"})
            self.discern[q.number] = tb
            rows[q.section].append(w.VBox([w.HTML(feedback.question_html(q.number, q.text)), tb]))
        self.summary = w.HTML()
        self.reference = w.HTML()
        self.overview = w.HTML()
        self.compare_button = w.Button(description="Compare with the reference", button_style="",
                                       tooltip="Show the collection's reference answers for the JAMA benchmarks",
                                       layout=w.Layout(width="auto"))
        self.compare_button.on_click(self._compare)
        scale = w.HTML(html.el("p", "Rate each question 1 to 5: 1 = no, 2-4 = partially, 5 = yes (question 16: 1 = "
                                    "low, 3 = moderate, 5 = high quality). Hover over a number to read what it means."))
        # Plain headed sections rather than an Accordion: everything stays visible, readable by a screen reader
        # in order, and the offline site needs no icon font.
        sections = [w.VBox([w.HTML(html.el("strong", title)), *rows[s]]) for s, title in DISCERN_SECTIONS.items()]
        self.widget = w.VBox([
            self.source,
            w.HTML(html.el("h4", "JAMA benchmarks: tick those the text meets")),
            *self.jama.values(),
            w.HTML(html.el("h4", "DISCERN")), scale, *sections,
            self.summary, self.compare_button, self.reference, self.overview,
        ])
        for control in [*self.jama.values(), *self.discern.values()]:
            control.observe(self._changed, "value")
        self.source.observe(self._switch, "value")
        self._render()

    # The learner's inputs -> the answers of the chosen text -> what is shown.
    def _changed(self, _change=None) -> None:
        if self._loading:
            return
        sid = self.source.value
        self.answers[sid]["jama"] = {b: cb.value for b, cb in self.jama.items()}
        self.answers[sid]["discern"] = {n: tb.value for n, tb in self.discern.items()}
        self._render()

    def _switch(self, _change=None) -> None:
        sid = self.source.value
        self._loading = True
        try:
            for b, cb in self.jama.items():
                cb.value = self.answers[sid]["jama"][b]
            for n, tb in self.discern.items():
                tb.value = self.answers[sid]["discern"][n]
        finally:
            self._loading = False
        self._shown = False
        self._render()

    def _compare(self, _button=None) -> None:
        self._shown = True
        self._render()

    def _render(self) -> None:
        sid = self.source.value
        mine = self.answers[sid]
        self.summary.value = feedback.checklist_summary_html(sid, mine["jama"], mine["discern"], self.atlas)
        self.reference.value = (feedback.checklist_reference_html(sid, mine["jama"], self.atlas)
                                if self._shown else "")
        self.overview.value = appraisal_overview_table(self.answers, self.atlas).to_html()

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


def checklist(atlas: Atlas | None = None) -> Checklist:
    """A new appraisal checklist (see :class:`Checklist`)."""
    return Checklist(atlas)
