"""The explorer: choose tumour and patient characteristics and see which treatment categories the five
texts associate with them, with the quotes that say so.

``explorer()`` returns a live ipywidgets app; ``scenario(ids)`` shows the same answer as plain HTML, so a
notebook reads the same without a kernel. Both draw from :func:`mbc_atlas.answer` through one renderer.

>>> from mbc_atlas.explorer import render, visible_text
>>> parts = render(["premenopausal"])
>>> "the sources say nothing about this" in visible_text(render(["her2_negative"]).summary)
True
>>> "It would fit if you also chose hormone-receptor-positive" in visible_text(parts.answer)
True
"""
from __future__ import annotations

import sys
import types
from html import escape

import ipywidgets as widgets
from IPython.display import HTML

from . import lesson
from .load import Atlas
from .query import answer, validate_selection
from .render.answer import AnswerView, Parts, contrast, render, view, visible_text  # noqa: F401 (re-exported)

NOT_SET = ""
NOT_SET_LABEL = "not set"

# Widget text is 13px by default; a projector needs 16px (12 pt) at least. Scoped to the app's own class.
STYLE = """<style>
.mbc-explorer, .mbc-explorer .widget-label, .mbc-explorer .widget-label-basic,
.mbc-explorer .widget-toggle-button, .mbc-explorer .jupyter-button,
.mbc-explorer .widget-checkbox label, .mbc-explorer .widget-html-content { font-size: 16px; }
.mbc-explorer .widget-toggle-buttons .widget-label, .mbc-explorer .mbc-group-label { font-weight: bold; }
.mbc-explorer .widget-toggle-button, .mbc-explorer .jupyter-button { height: auto; min-height: 32px;
  white-space: normal; line-height: 1.2; padding: 4px 10px; }
.mbc-explorer .widget-label { min-width: 15em; }
.mbc-explorer .widget-checkbox { width: auto; margin-right: 18px; }
.mbc-explorer .widget-checkbox input { width: 18px; height: 18px; }
.mbc-explorer .jupyter-button:focus-visible, .mbc-explorer input:focus-visible {
  outline: 3px solid #0072B2; outline-offset: 2px; }
.mbc-explorer .widget-toggle-button.mod-active { background: #0072B2; color: #FFFFFF; }
</style>"""


def renderer(atlas: Atlas | None = None) -> AnswerView:
    """The answer view for an atlas, built once per atlas."""
    return view(atlas)


def scenario_html(ids, atlas: Atlas | None = None) -> str:
    """The explorer's answer for a fixed selection as one HTML string, readable without a kernel."""
    return render(ids, atlas).html()


def disagreements_html(ids, atlas: Atlas | None = None) -> str:
    """Only the "where the texts disagree" part of the answer, both quotes side by side ("" if none)."""
    v = view(atlas)
    return v.disagreements(answer(ids, v.atlas))


def restrictions_html(ids, atlas: Atlas | None = None) -> str:
    """Only the drugs that do not suit this selection, as the texts put it, each with the reason ("" if none)."""
    v = view(atlas)
    return v.drugs(answer(ids, v.atlas), restricted_only=True)


def silent_html(ids, atlas: Atlas | None = None) -> str:
    """Only the chosen characteristics the sources say nothing about ("" if none)."""
    v = view(atlas)
    return v.silent(answer(ids, v.atlas))


def scenario(ids, atlas: Atlas | None = None) -> HTML:
    """Show the explorer's answer for a fixed selection (a guided scenario) as plain HTML."""
    return HTML(f'<div class="mbc-scenario">{scenario_html(ids, atlas)}</div>')


class Explorer(widgets.VBox):
    """The live explorer. Its parts are attributes so a test can drive it as a learner would:

    ``controls`` maps each one-choice group (``"receptor"``, ``"her2"``, ``"menopause"``) to its
    ToggleButtons and each characteristic of an any-choice group (``"bone"``, ...) to its Checkbox;
    ``reset_button``; ``summary_html``, ``grid_html`` and ``answer_html`` show the answer; ``note_html``
    the educational-use note.
    """

    def __init__(self, atlas: Atlas | None = None, **kwargs):
        self.renderer = renderer(atlas)
        r = self.renderer
        self.controls = {}
        self.groups = {}
        self._quiet = False
        rows = []
        for group, group_label, choose, ids in r.groups:
            self.groups[group] = ids
            if choose == "one":
                what = group_label if group_label[1:2].isupper() else group_label[:1].lower() + group_label[1:]
                c = widgets.ToggleButtons(
                    options=[(NOT_SET_LABEL, NOT_SET)] + [(r.char_label[i], i) for i in ids],
                    value=NOT_SET, description=group_label,
                    tooltip=f"{group_label}: choose one, or 'not set'",
                    tooltips=[f"Not set: the explorer leaves {what} out"] + [r.char_definition[i] for i in ids],
                    style={"button_width": "auto", "description_width": "initial"},
                )
                c.add_class("mbc-control")
                c.add_class(f"mbc-group-{group}")
                self.controls[group] = c
                rows.append(c)
            else:
                boxes = []
                for i in ids:
                    c = widgets.Checkbox(value=False, description=r.char_label[i], indent=False,
                                         tooltip=r.char_definition[i],
                                         layout=widgets.Layout(width="auto"))
                    c.add_class("mbc-control")
                    c.add_class(f"mbc-ctl-{i}")
                    self.controls[i] = c
                    boxes.append(c)
                label = widgets.HTML(f'<span style="font-weight:bold">{escape(group_label)}</span> '
                                     f'<span>(tick any)</span>')
                label.add_class("mbc-group-label")
                rows.append(widgets.VBox([label, widgets.HBox(boxes, layout=widgets.Layout(flex_flow="row wrap"))]))
        for c in self.controls.values():
            c.observe(self._on_change, names="value")
        # A checkbox with a description shows the description as its title, not the tooltip (ipywidgets
        # 8.1), and no tooltip shows on keyboard focus: so every definition is also written out here.
        self.definitions_html = widgets.HTML(r.definitions())
        self.definitions_html.add_class("mbc-definitions-widget")
        self.reset_button = widgets.Button(description="Reset", tooltip="Clear every choice (set all to 'not set')",
                                           button_style="")
        self.reset_button.add_class("mbc-reset")
        self.reset_button.on_click(lambda _b: self.reset())
        self.note_html = widgets.HTML(STYLE + lesson.note_html())
        self.summary_html = widgets.HTML()
        self.grid_html = widgets.HTML()
        self.answer_html = widgets.HTML()
        for w, cls in ((self.summary_html, "mbc-summary-widget"), (self.grid_html, "mbc-grid-widget"),
                       (self.answer_html, "mbc-answer-widget")):
            w.add_class(cls)
            w.layout = widgets.Layout(width="100%")
        heading = widgets.HTML(f'<p style="margin:4px 0">Choose characteristics; the answer below updates at '
                               f'once. Hover over a button for its definition, or open “What do these choices '
                               f'mean?” under the Reset button.</p>')
        super().__init__([self.note_html, heading, *rows, self.reset_button, self.definitions_html,
                          self.summary_html, self.grid_html, self.answer_html], **kwargs)
        self.add_class("mbc-explorer")
        self.refresh()

    def __repr__(self):
        return "mbc_atlas explorer (run the cell with a live kernel to use it)"

    @property
    def selection(self) -> list:
        """The characteristic ids chosen now, in vocabulary order."""
        out = []
        for group, ids in self.groups.items():
            c = self.controls.get(group)
            if c is not None:
                if c.value != NOT_SET:
                    out.append(c.value)
            else:
                out.extend(i for i in ids if self.controls[i].value)
        return out

    def select(self, ids):
        """Set the controls to exactly these ids (others cleared), as a learner clicking would."""
        ids = validate_selection(ids, self.renderer.atlas)
        self._quiet = True
        try:
            for group, members in self.groups.items():
                c = self.controls.get(group)
                if c is not None:
                    c.value = next((i for i in members if i in ids), NOT_SET)
                else:
                    for i in members:
                        self.controls[i].value = i in ids
        finally:
            self._quiet = False
        self.refresh()

    def reset(self):
        """Clear every control: back to the empty state."""
        self.select([])

    def _on_change(self, _change):
        if not self._quiet:
            self.refresh()

    def refresh(self):
        parts = render(self.selection, self.renderer.atlas)
        self.summary_html.value = parts.summary
        self.grid_html.value = parts.grid
        self.answer_html.value = parts.answer

    def shown_html(self) -> str:
        """Everything the answer area shows now, as one HTML string."""
        return self.summary_html.value + self.grid_html.value + self.answer_html.value

    def shown_text(self) -> str:
        """The words the answer area shows now."""
        return visible_text(self.shown_html())


def explorer(atlas: Atlas | None = None) -> Explorer:
    """The live explorer: toggles for the characteristics, the answer with its quotes beneath.

    >>> app = explorer()
    >>> app.controls["receptor"].value = "hr_positive"
    >>> "hormonal therapy (5 of 5 texts)" in app.shown_text()
    True
    """
    return Explorer(atlas)


# ``mbc.explorer`` is this function when the package binds it, but this module when something imported
# ``mbc_atlas.explorer`` first. Both must work the same: ``mbc.explorer()`` builds the app and
# ``mbc.explorer.scenario([...])`` shows a fixed selection. So the function carries the helpers, and the
# module can be called.
class _CallableModule(types.ModuleType):
    def __call__(self, atlas: Atlas | None = None) -> Explorer:
        return explorer(atlas)


sys.modules[__name__].__class__ = _CallableModule
explorer.scenario = scenario
explorer.scenario_html = scenario_html
explorer.render = render
explorer.disagreements_html = disagreements_html
explorer.restrictions_html = restrictions_html
explorer.silent_html = silent_html
