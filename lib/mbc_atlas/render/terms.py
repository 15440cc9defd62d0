"""Glossary words explained where a lesson first uses them: the first use of each term in a notebook's running
text carries the term's definition (``glossary.csv``) as a hover, and the glossary stays one link away.

The lessons' markdown is written by hand in their text sources (``notebooks/src/``); ``tools/define_terms.py`` runs
:func:`mark_first_uses` over it, and a test checks that every notebook is in step with the glossary.

>>> mark_first_uses(["## HER2", "Some cancers are HER2-positive. HER2 again."])[1].count("<abbr")
1
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from ..load import Atlas, atlas_or_default
from ..query import SEP, glossary
from .html import MARKUP, TERM, term

__all__ = ["unmark", "mark_first_uses"]

#: What is never marked inside: links, inline code, and markup (folded answers, tags).
_KEEP_OUT = re.compile(r"\[[^\]]*\]\([^)]*\)|`[^`]*`|" + MARKUP.pattern, re.S)


def unmark(markdown: str) -> str:
    """The markdown without the marks of :func:`mark_first_uses`."""
    return TERM.sub(r"\1", markdown)


def _forms(atlas: Atlas) -> tuple[re.Pattern, dict[str, tuple[str, str]]]:
    """One pattern for every way a term is written (its name and ``appears_as``, with a plural ending), and
    each written form, lower-cased, -> (term, definition)."""
    by_form: dict[str, tuple[str, str]] = {}
    for r in glossary(atlas=atlas).to_dict("records"):
        for form in [r["term"], *r["appears_as"].split(SEP)]:
            if form.strip():
                by_form.setdefault(form.strip().lower(), (r["term"], r["definition"]))
    names = sorted(by_form, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, names)) + r")(?:s|es)?(?!\w)", re.I)
    return pattern, by_form


def mark_first_uses(markdowns: Iterable[str], atlas: Atlas | None = None) -> list[str]:
    """A notebook's markdown cells, in order, with the first use of each glossary term in running text (not in
    a heading, a link, code, or an answer folded away) marked with its definition."""
    pattern, by_form = _forms(atlas_or_default(atlas))
    done: set[str] = set()

    def mark(m: re.Match) -> str:
        name, definition = by_form[m.group(1).lower()]
        if name in done:
            return m.group(0)
        done.add(name)
        return str(term(m.group(0), f"{name}: {definition}"))

    def running_text(line: str) -> str:
        out, at = [], 0
        for keep in _KEEP_OUT.finditer(line):
            out += [pattern.sub(mark, line[at:keep.start()]), keep.group(0)]
            at = keep.end()
        return "".join(out + [pattern.sub(mark, line[at:])])

    result = []
    for md in markdowns:
        lines = unmark(md).split("\n")
        result.append("\n".join(line if line.lstrip().startswith(("#", "**Who this is for", "**Read first", "**Time"))
                                else running_text(line) for line in lines))
    return result
