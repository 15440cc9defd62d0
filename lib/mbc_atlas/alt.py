"""A figure's text alternative, kept apart from matplotlib so that any module can build one cheaply."""
from html import escape


class TextAlternative(str):
    """A figure's text alternative: a string (one line per point) that shows as a boxed list in a notebook."""

    def __new__(cls, title: str, lines):
        self = super().__new__(cls, "\n".join([title, *lines]))
        self.title = title
        self.lines = tuple(lines)
        return self

    def _repr_html_(self):
        items = "".join(f"<li>{escape(line)}</li>" for line in self.lines)
        return (f'<div class="mbc-alt" role="note" aria-label="Text alternative for the figure" '
                f'style="border:1px solid #767676;padding:6px 12px;margin:6px 0;color:#222">'
                f'<strong>Text alternative.</strong> {escape(self.title)}<ul style="margin:4px 0">{items}</ul></div>')
