"""The one place that writes HTML tags: :func:`el` and the small pieces every page shares (a quote, a
disagreement, a question whose answer is revealed, the note, the navigation, a text alternative).

Escaping is by construction. Markup is an :class:`Html` string; anything else put into an element (a text,
a label, a quote from ``data/``) is escaped on the way in, whether it is a child of :func:`el`, an
attribute value, or added to an :class:`Html` with ``+`` or :meth:`Html.join`. So text from the data can
never become a tag.

>>> el("p", "1 < 2 ", el("strong", "& so"), cls="para")
Html('<p class="mbc-para" style="margin:4px 0">1 &lt; 2 <strong>&amp; so</strong></p>')
>>> Html("<br>") + "<img>"
Html('<br>&lt;img&gt;')
"""
from __future__ import annotations

import html as _html
import re
from collections.abc import Iterable
from functools import cache
from html.parser import HTMLParser
from typing import Any

from markupsafe import Markup

from . import theme

__all__ = ["Html", "el", "text", "join", "term", "TERM", "MARKUP", "quote", "disagreement", "reveal", "note", "nav", "details",
           "answer", "key_points", "TextAlternative", "visible_text", "without_inline_looks"]


class Html(Markup):
    """A string of markup, safe to show. Adding a plain string to it (``+``, :meth:`join`, :meth:`format`)
    escapes that string first, the standard library's way (``'`` as ``&#x27;``)."""

    __slots__ = ()

    @classmethod
    def escape(cls, s: Any) -> Html:
        if hasattr(s, "__html__"):
            return cls(s.__html__())
        return cls(_html.escape(str(s)))


Child = str | Html | None | Iterable["Child"]


def _flat(children) -> Iterable[str]:
    for c in children:
        if c is None or c is False or c == "":
            continue
        if isinstance(c, str):
            yield c if isinstance(c, Markup) else _html.escape(c)
        elif isinstance(c, (int, float)):
            yield str(c)
        else:
            yield from _flat(c)


def join(children: Iterable[Child], sep: str = "") -> Html:
    """Several pieces as one :class:`Html` (plain strings escaped), ``sep`` (plain text) between them."""
    return Html(_html.escape(sep).join(_flat(children)))


def el(tag: str, *children: Child, cls: str | tuple[str, ...] | None = None, **attrs: Any) -> Html:
    """``<tag class="mbc-CLS" ...attrs style="...">children</tag>``: the one function that writes a tag.

    ``cls`` names looks of :data:`mbc_atlas.render.theme.STYLES`; their style is written inline too (after the
    other attributes). An attribute ``data_x`` is written ``data-x``; None or False leaves it out, True
    writes it bare. Children and attribute values that are not :class:`Html` are escaped.
    """
    names = (cls,) if isinstance(cls, str) else tuple(cls or ())
    parts = [tag]
    classes, style = look(names) if names else ("", "")
    if classes:
        parts.append(classes)
    for key, value in attrs.items():
        if value is None or value is False:
            continue
        name = key.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{_html.escape(str(value))}"')
    if style:
        parts.append(style)
    opening = "<" + " ".join(parts) + ">"
    if tag in ("br", "img", "hr", "meta", "link", "input"):
        return Html(opening)
    return Html(opening + "".join(_flat(children)) + f"</{tag}>")


@cache
def look(names: tuple[str, ...]) -> tuple[str, str]:
    """The class and style attributes of some named looks (the theme does not change while running)."""
    style = theme.inline(*names)
    return f'class="{" ".join("mbc-" + n for n in names)}"', (f'style="{_html.escape(style)}"' if style else "")


#: A tag's class of named looks and, after its other attributes, the inline style :func:`el` wrote for them; also
#: as JSON writes it (``\\"``) inside a page's data. Group 3: the classes; group 4: the style.
_INLINE_LOOK = re.compile(r'(class=(\\?)"(mbc-[\w-]+(?: mbc-[\w-]+)*)\2[^<>]*?) style=\2"([^"\\]*)\2"')


def without_inline_looks(markup: str) -> str:
    """``markup`` without the inline styles :func:`el` wrote beside named looks, for a page that links the theme's
    stylesheet (the offline site's ``mbc.css``, whose rules rank as inline styles do): the same look, fewer bytes.
    A style that is not exactly its classes' look is kept.

    >>> without_inline_looks(str(el("p", "x", cls="para", title="t")))
    '<p class="mbc-para" title="t">x</p>'
    >>> without_inline_looks('<p class="mbc-para" style="color:red">x</p>')
    '<p class="mbc-para" style="color:red">x</p>'
    """
    def drop(m: re.Match) -> str:
        names = tuple(n[4:] for n in m.group(3).split())
        known = all(n in theme.STYLES for n in names)
        return m.group(1) if known and _html.unescape(m.group(4)) == theme.inline(*names) else m.group(0)
    return _INLINE_LOOK.sub(drop, markup)


def text(s: str) -> Html:
    """A text (a quote, a sentence) escaped for HTML, its line breaks kept.

    >>> text("a <b>\\nc")
    Html('a &lt;b&gt;<br>c')
    """
    return Html(_html.escape(s).replace("\n", "<br>"))


BR = Html("<br>")


# -- the shared pieces ----------------------------------------------------------------------------------------

def term(words: str, definition: str) -> Html:
    """A glossary term where a lesson first uses it: its words, with the definition shown on hover."""
    return el("abbr", words, cls="term", title=definition)


#: A :func:`term` found again in markdown (group 1: its words).
TERM = re.compile(r'<abbr class="mbc-term"[^>]*>(.*?)</abbr>', re.S)
#: Markup in markdown that a term mark never goes into: a whole <details> block (a folded answer), or any tag.
MARKUP = re.compile(r"<details.*?</details>|<[^>]+>", re.S)


def quote(words: str, source: str, kind: str = "", extra: str = "", context: str = "", also: str = "") -> Html:
    """A verbatim quote in curly marks, with its source beneath it: ``— source (kind) — extra``. The
    sentence or heading it sits under (``context``) and the same statement said again (``also``) follow it
    when there are any. The one look of a quote, wherever a text is quoted."""
    after = [el("p", "In the context of: “", text(context), "”", cls="quote-context") if context else None,
             el("p", "The same text says it again: “", text(also), "”", cls="quote-context") if also else None]
    cite = "— " + source + (f" ({kind})" if kind else "") + (f" — {extra}" if extra else "")
    return el("blockquote", "“", text(words), "”", after, BR, el("cite", cite, cls="cite"), cls="quote")


def disagreement(summary: str, kind: str, side_a: tuple[str, Html], side_b: tuple[str, Html],
                 disagreement_id: str = "", heading: str = "") -> Html:
    """A place where two texts differ: what differs, then each side (its name and its quote) side by side.
    ``heading`` (optional) numbers it in a list. The one look of a disagreement."""
    sides = [el("div", el("strong", f"{name} says:"), words, cls="side") for name, words in (side_a, side_b)]
    return el("section",
              el("h4", heading, cls="disagreement-heading") if heading else None,
              el("p", el("strong", f"The texts disagree ({kind})."), " ", summary, cls="line"),
              el("div", sides, cls="sides"),
              cls="disagreement", id=f"disagreement-{disagreement_id}" if disagreement_id else None,
              data_disagreement=disagreement_id or None)


def details(summary: str, *body: Child, cls: str | tuple[str, ...] | None = None, **attrs: Any) -> Html:
    """A block that opens on demand: ``summary`` is what the learner clicks."""
    return el("details", el("summary", summary, cls="reveal"), *body, cls=cls, **attrs)


def reveal(question: str, answer_html: Child) -> Html:
    """A check-your-understanding question whose answer opens on demand (click "Show the answer")."""
    return el("div", el("p", el("strong", "Question."), " ", question),
              details("Show the answer", el("div", answer_html, cls="reveal-body")), cls="question")


def answer(intro: str, quotes: Iterable[Html] = ()) -> Html:
    """An answer: a sentence (plain text, escaped) followed by the quotes it rests on.

    >>> answer("1 < 2.")
    Html('<p>1 &lt; 2.</p>')
    """
    return join([el("p", intro), *quotes])


def note(body: Html) -> Html:
    """The educational-use note (its words come from :mod:`mbc_atlas.lesson`)."""
    return el("div", body, cls="note", role="note")


def nav(links: Iterable[tuple[str, str]]) -> Html:
    """Links to other notebooks: (href, words) pairs, separated by bars."""
    anchors = [el("a", words, href=href) for href, words in links]
    return el("nav", join(anchors, " \u00a0|\u00a0 "), cls="nav")


def key_points(items: Iterable[Html | str]) -> Html:
    """The key points that close a notebook (plain strings are escaped)."""
    return el("div", el("strong", "Key points"), el("ul", [el("li", i) for i in items]), cls="key-points")


def lead(sentence: str) -> Html:
    """One sentence set a little larger, as the lead of a section."""
    return el("p", sentence, cls="lead")


def stylesheet(site: bool = False) -> Html:
    """The theme's stylesheet in a ``<style>`` element."""
    return Html("<style>") + Html(theme.stylesheet(site)) + Html("</style>")


class TextAlternative(str):
    """A figure's text alternative: a string (one line per point). In a notebook it shows folded, as "Describe
    this figure", under the figure whose alt text it also is."""

    title: str  # type: ignore[assignment]  # a figure's title, on purpose over str.title()
    lines: tuple[str, ...]

    def __new__(cls, title: str, lines: Iterable[str]) -> TextAlternative:
        lines = tuple(lines)
        self = super().__new__(cls, "\n".join([title, *lines]))
        self.title = title
        self.lines = lines
        return self

    def _repr_html_(self) -> str:
        return str(details("Describe this figure", el("p", self.title, cls="para"),
                           el("ul", [el("li", line) for line in self.lines], cls="list"),
                           cls="alt", aria_label="Text alternative for the figure"))


# -- reading HTML back ---------------------------------------------------------------------------------------

class _Text(HTMLParser):
    _BLOCKS = ("br", "p", "li", "tr", "h3", "h4", "blockquote", "div", "section", "summary", "caption")

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script"):
            self._skip += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("style", "script"):
            self._skip -= 1
        elif tag in ("td", "th"):
            self.parts.append(" | ")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def visible_text(markup: str) -> str:
    """The words a reader sees in a piece of HTML (tags dropped, entities decoded, spaces squeezed).

    >>> visible_text('<p>A &amp; <strong>B</strong></p><style>p{}</style>')
    'A & B'
    """
    p = _Text()
    p.feed(markup)
    p.close()
    lines = (" ".join(line.split()) for line in "".join(p.parts).split("\n"))
    return "\n".join(line for line in lines if line)
