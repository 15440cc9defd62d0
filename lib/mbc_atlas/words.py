"""Small helpers for sentences a learner reads: one of each, used everywhere (never re-typed per module)."""
from __future__ import annotations

from collections.abc import Iterable

__all__ = ["BASIS_WORDS", "NOT_EVIDENCE", "agree", "curly", "join", "lower_first", "number", "plural", "say_nothing", "upper_first"]

#: How a fact about a source is known (``sources.csv``, the ``*_basis`` columns), in the words a learner reads.
BASIS_WORDS = {"stated": "stated in the text", "inferred": "inferred by the editors",
               "not stated": "not stated in the text"}

#: Why a silence is no answer: said after :func:`say_nothing` wherever a learner could read silence as a "no".
NOT_EVIDENCE = ("Silence in these patient-education texts is not evidence either way: other sources, or current "
                "guidelines, may say more.")


def say_nothing(about: str = "this", text: str = "") -> str:
    """The one spelling of silence: no statement, in any tier, and no disagreement names it. ``text``: one
    text's silence instead of all the sources'.

    >>> say_nothing(), say_nothing("surgery for it")
    ('the sources say nothing about this', 'the sources say nothing about surgery for it')
    >>> say_nothing("the characteristic", text="it")
    'it says nothing about the characteristic'
    """
    return f"{text} says nothing about {about}" if text else f"the sources say nothing about {about}"


def join(items: Iterable[object], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' ('' for nothing).

    >>> join(["liver", "lung", "bone"])
    'liver, lung and bone'
    >>> join(["a", "b"], "or")
    'a or b'
    >>> join([])
    ''
    """
    words = [str(i) for i in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {word} {words[-1]}"


def lower_first(label: str) -> str:
    """A label as it reads inside a sentence: 'Postmenopausal' -> 'postmenopausal', but 'HER2-positive'
    keeps its capitals. The one rule for lower-casing a label (characteristics, categories, sites).

    >>> lower_first("Hormone-receptor-negative"), lower_first("HER2-positive"), lower_first("A single, reachable")
    ('hormone-receptor-negative', 'HER2-positive', 'a single, reachable')
    """
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def upper_first(text: str) -> str:
    """A sentence's first letter as a capital, the rest as it is.

    >>> upper_first("hER2 and more")
    'HER2 and more'
    """
    return text[:1].upper() + text[1:]


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 text', '2 texts'.

    >>> plural(1, "text"), plural(3, "statement")
    ('1 text', '3 statements')
    """
    return f"{n} {one if n == 1 else (many or one + 's')}"


def agree(n: int, one: str, many: str) -> str:
    """The word that agrees with a count: ``agree(1, "states", "state")`` -> 'states'.

    >>> f"2 texts {agree(2, 'states', 'state')} it"
    '2 texts state it'
    """
    return one if n == 1 else many


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number(n: int) -> str:
    """A count as a word, as prose writes small numbers.

    >>> number(5), number(13)
    ('five', '13')
    """
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)


def curly(quote: str) -> str:
    """A quote in curly quotation marks.

    >>> curly("as written")
    '“as written”'
    """
    return f"\u201c{quote}\u201d"
