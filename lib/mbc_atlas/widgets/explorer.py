"""The explorer: choose tumor and patient characteristics and see which treatment categories the texts
associate with them, with the quotes that say so.

:func:`explorer` (the learner's ``mbc.explorer()``) returns the live ipywidgets app; the same answer as plain
HTML, for a notebook read without a kernel, is ``mbc.scenario(ids)``. Both draw from :func:`mbc_atlas.answer`
through one renderer, :mod:`mbc_atlas.render.answer`.

>>> app = explorer()
>>> app.controls["receptor"].value = "hr_positive"
>>> "Hormonal therapy \u2014 5 texts, about hormone-receptor-positive." in app.shown_text()
True
"""
from __future__ import annotations

from collections.abc import Iterable

import ipywidgets as widgets
from ipywidgets.widgets.widget_bool import CheckboxStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from .. import lesson
from ..load import Atlas, DataError, listing
from ..query import validate_selection
from ..render import html
from ..render.answer import AnswerView, render, view, visible_text
from ..words import lower_first

__all__ = ["NOT_SET", "NOT_SET_LABEL", "Explorer", "explorer"]

NOT_SET = ""
NOT_SET_LABEL = "not set"


class Explorer(widgets.VBox):
    """The live explorer. Its parts are attributes so a test can drive it as a learner would:

    ``controls`` maps each one-choice group (``"receptor"``, ``"her2"``, ``"menopause"``) to its
    ToggleButtons and each characteristic of an any-choice group (``"bone"``, ...) to its Checkbox;
    ``reset_button``; ``summary_html``, ``grid_html`` and ``answer_html`` show the answer; ``note_html``
    the educational-use note (with the theme's stylesheet).

    A one-choice control set to None in code (ipywidgets allows it: "no button pressed") is read as
    "not set", and put back to "not set".
    """

    def __init__(self, atlas: Atlas | None = None, **kwargs):
        self.renderer: AnswerView = view(atlas)
        r = self.renderer
        # One layout and one style model per kind, shared by every widget of that kind: each is a model the page
        # must create before it can draw the explorer (88 models with one of each per widget, 38 shared).
        self._layout = widgets.Layout()
        self._auto = widgets.Layout(width="auto")
        self._wrap = widgets.Layout(flex_flow="row wrap")
        self._full = widgets.Layout(width="100%")
        self._html_style = HTMLStyle()
        self._checkbox_style = CheckboxStyle()
        self._toggle_style = widgets.ToggleButtonsStyle(button_width="auto", description_width="initial")
        self.controls: dict[str, widgets.ValueWidget] = {}
        self.groups: dict[str, list[str]] = {}
        self._quiet = False
        rows = [self._group_row(group, group_label, choose, ids) for group, group_label, choose, ids in r.groups]
        for c in self.controls.values():
            c.observe(self._on_change, names="value")
        # A checkbox with a description shows the description as its title, not the tooltip (ipywidgets
        # 8.1), and no tooltip shows on keyboard focus: so every definition is also written out here.
        self.definitions_html = self._html(r.definitions())
        self.definitions_html.add_class("mbc-definitions-widget")
        self.reset_button = widgets.Button(description="Reset", tooltip="Clear every choice (set all to 'not set')",
                                           button_style="", layout=self._layout)
        self.reset_button.add_class("mbc-reset")
        self.reset_button.on_click(lambda _b: self.reset())
        self.note_html = self._html(html.stylesheet() + lesson.note_html(r.atlas))
        self.summary_html = self._html(layout=self._full)
        self.grid_html = self._html(layout=self._full)
        self.answer_html = self._html(layout=self._full)
        for w, cls in ((self.summary_html, "mbc-summary-widget"), (self.grid_html, "mbc-grid-widget"),
                       (self.answer_html, "mbc-answer-widget")):
            w.add_class(cls)
        heading = self._html(html.el("p", "Choose characteristics; the answer below updates at once. Hover over a "
                                            "button for its definition, or open “What do these choices mean?” under "
                                            "the Reset button.", cls="para"))
        super().__init__([self.note_html, heading, *rows, self.reset_button, self.definitions_html,
                          self.summary_html, self.grid_html, self.answer_html], **{"layout": self._layout, **kwargs})
        self.add_class("mbc-explorer")
        self.refresh()

    def _group_row(self, group: str, group_label: str, choose: str, ids: list[str]) -> widgets.Widget:
        """The controls of one group: ToggleButtons for a one-choice group (with "not set"), a row of
        checkboxes for an any-choice group."""
        r = self.renderer
        self.groups[group] = ids
        if choose == "one":
            c = widgets.ToggleButtons(
                options=[(NOT_SET_LABEL, NOT_SET)] + [(r.char_label[i], i) for i in ids],
                value=NOT_SET, description=group_label,
                tooltip=f"{group_label}: choose one, or 'not set'",
                tooltips=[f"Not set: the explorer leaves {lower_first(group_label)} out"]
                + [r.char_definition[i] for i in ids],
                style=self._toggle_style, layout=self._layout,
            )
            c.add_class("mbc-control")
            c.add_class(f"mbc-group-{group}")
            self.controls[group] = c
            return c
        boxes = []
        for i in ids:
            c = widgets.Checkbox(value=False, description=r.char_label[i], indent=False,
                                 tooltip=r.char_definition[i], layout=self._auto, style=self._checkbox_style)
            c.add_class("mbc-control")
            c.add_class(f"mbc-ctl-{i}")
            self.controls[i] = c
            boxes.append(c)
        label = self._html(html.join([html.el("strong", group_label), " (tick any)"]))
        label.add_class("mbc-group-label")
        return widgets.VBox([label, widgets.HBox(boxes, layout=self._wrap)], layout=self._layout)

    def _html(self, value: str = "", layout: widgets.Layout | None = None) -> widgets.HTML:
        """An HTML widget with the explorer's shared style and layout."""
        return widgets.HTML(value, layout=layout or self._layout, style=self._html_style)

    def __repr__(self) -> str:
        return "mbc_atlas explorer (run the cell with a live kernel to use it)"

    @property
    def selection(self) -> list[str]:
        """The characteristic ids chosen now, in vocabulary order (a control set to None counts as not set)."""
        out = []
        for group, ids in self.groups.items():
            c = self.controls.get(group)
            if c is not None:
                if c.value not in (NOT_SET, None):
                    out.append(c.value)
            else:
                out.extend(i for i in ids if self.controls[i].value)
        return out

    def select(self, ids: Iterable[str] | str) -> None:
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

    def reset(self) -> None:
        """Clear every control: back to the empty state."""
        self.select([])

    def _on_change(self, change) -> None:
        if change["new"] is None and isinstance(change["owner"], widgets.ToggleButtons):
            change["owner"].value = NOT_SET         # "no button pressed" is "not set": show it so
            return                                  # (that change calls back here and refreshes)
        if not self._quiet:
            self.refresh()

    def refresh(self) -> None:
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
    """The live explorer: toggles for the characteristics, the answer with its quotes beneath (the learner's
    ``mbc.explorer()``).

    When the data is broken, it shows what ``make check`` lists (where a served page shows no traceback), then
    raises the :class:`~mbc_atlas.DataError`."""
    try:
        return Explorer(atlas)
    except DataError as err:
        from IPython import get_ipython
        from IPython.display import HTML, display

        if get_ipython() is not None:
            display(HTML(problems_html(err)))
        raise


def problems_html(err: DataError) -> str:
    """What a learner sees instead of the explorer when the data is broken: why, whom to tell, and the check's
    list of problems (for the lecturer).

    >>> from mbc_atlas import Problem
    >>> "statements.csv, row 3: x" in problems_html(DataError([Problem("statements.csv", 3, None, "x")]))
    True
    """
    n = len(err.problems)
    lines = [line.strip().removeprefix("- ") for line in listing(err.problems)]
    return html.stylesheet() + html.el(
        "div",
        html.el("p", html.el("strong", "The explorer cannot open: the collection\u2019s data has "
                                       f"{n} problem{'' if n == 1 else 's'}."), cls="para"),
        html.el("p", "Please tell your lecturer. For the lecturer: mend each problem below in the data folder, "
                     "run make check, then reload this page.", cls="para"),
        html.el("ul", [html.el("li", line) for line in lines], cls="list"),
        cls="note", role="alert", data_problems=n)
