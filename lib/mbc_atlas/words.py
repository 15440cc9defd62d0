"""Small helpers for sentences a learner reads: one of each, used everywhere."""
from __future__ import annotations


def join(items, word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' ('' for nothing).

    >>> join(["liver", "lung", "bone"])
    'liver, lung and bone'
    >>> join(["a", "b"], "or")
    'a or b'
    >>> join([])
    ''
    """
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def lower_first(label: str) -> str:
    """A label as it reads inside a sentence: 'Postmenopausal' -> 'postmenopausal', but 'HER2-positive'
    keeps its capitals.

    >>> lower_first("Hormone-receptor-negative"), lower_first("HER2-positive")
    ('hormone-receptor-negative', 'HER2-positive')
    """
    return label if label[1:2].isupper() else label[:1].lower() + label[1:]


def plural(n: int, one: str, many: str | None = None) -> str:
    """'1 text', '2 texts'.

    >>> plural(1, "text"), plural(3, "statement")
    ('1 text', '3 statements')
    """
    return f"{n} {one if n == 1 else (many or one + 's')}"


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


def number(n: int) -> str:
    """A count as a word, as prose writes small numbers.

    >>> number(5), number(13)
    ('five', '13')
    """
    return _NUMBERS[n] if 0 <= n < len(_NUMBERS) else str(n)
