"""What each file in ``data/`` must hold: its columns, its key, and how it refers to the others."""
from dataclasses import dataclass, field

# The contract's five sources; a lecturer may add more (each needs data/sources/<source_id>.txt).
SOURCE_IDS = ("breastcancer_org", "faslodex_site", "frankly_speaking", "standards_of_care", "johnson_2010")
CATEGORIES = ("hormonal", "chemotherapy", "targeted", "radiation", "surgery")
BASES = ("stated", "inferred", "not stated")


@dataclass(frozen=True)
class Table:
    """One CSV file of ``data/``.

    ``refs`` maps a column to the (table, column) its values must come from; a column listed in
    ``multi`` holds several values separated by ";". ``quotes`` maps a quote column to the column
    naming its source; every such quote must occur verbatim in ``data/sources/<source_id>.txt``.
    ``choices`` maps a column to the only values it may take.
    """

    name: str
    columns: tuple
    key: tuple
    required: tuple
    refs: dict = field(default_factory=dict)
    multi: tuple = ()
    quotes: dict = field(default_factory=dict)
    choices: dict = field(default_factory=dict)

    @property
    def file(self):
        return f"{self.name}.csv"


_FACTS = ("publisher_kind", "title", "author", "publisher", "funding", "review", "cites", "dates")

TABLES = (
    Table(
        "sources",
        columns=("source_id", "short_name", *[c for f in _FACTS for c in (f, f + "_basis")],
                 "year_earliest", "year_latest", "note"),
        key=("source_id",),
        required=("source_id", "short_name", "publisher_kind", *[f + "_basis" for f in _FACTS]),
        choices={f + "_basis": BASES for f in _FACTS},
    ),
    Table(
        "categories",
        columns=("category", "label", "scope", "source_id", "quote"),
        key=("category",),
        required=("category", "label", "scope", "source_id", "quote"),
        refs={"source_id": ("sources", "source_id")},
        quotes={"quote": "source_id"},
        choices={"category": CATEGORIES, "scope": ("systemic", "local")},
    ),
    Table(
        "stances",
        columns=("stance", "label", "rank", "meaning"),
        key=("stance",),
        required=("stance", "label", "rank", "meaning"),
    ),
    Table(
        "characteristics",
        columns=("characteristic", "group", "group_label", "choose", "label", "definition", "not_known"),
        key=("characteristic",),
        required=("characteristic", "group", "group_label", "choose", "label", "definition"),
        # ``not_known`` = "yes" marks a value that means "not known" (it contradicts no condition)
        choices={"choose": ("one", "any"), "not_known": ("yes",)},
    ),
    # One row per statement: one verbatim quote tied to one category, holding for every one of its
    # ``conditions`` together. A condition the quote does not show is shown by ``context`` (the sentence or
    # heading the quote sits under, verbatim); ``also_quote`` is the same statement said again elsewhere.
    Table(
        "statements",
        columns=("statement_id", "source_id", "category", "stance", "conditions", "drugs", "condition_note",
                 "attributed_to", "quote", "context", "also_quote"),
        key=("statement_id",),
        required=("statement_id", "source_id", "category", "stance", "conditions", "quote"),
        refs={"source_id": ("sources", "source_id"), "conditions": ("characteristics", "characteristic"),
              "category": ("categories", "category"), "stance": ("stances", "stance"),
              "drugs": ("drugs", "generic")},
        multi=("conditions", "drugs"),
        quotes={"quote": "source_id", "context": "source_id", "also_quote": "source_id"},
    ),
    Table(
        "drugs",
        columns=("generic", "brand", "drug_class", "class_source", "category", "second_category",
                 "second_category_source_id", "second_category_quote", "restricted_with", "restriction",
                 "restriction_source_id", "restriction_quote", "note"),
        key=("generic",),
        required=("generic", "brand", "drug_class", "class_source", "category"),
        refs={"category": ("categories", "category"), "second_category": ("categories", "category"),
              "second_category_source_id": ("sources", "source_id"),
              "restricted_with": ("characteristics", "characteristic"),
              "restriction_source_id": ("sources", "source_id")},
        multi=("restricted_with",),
        quotes={"second_category_quote": "second_category_source_id", "restriction_quote": "restriction_source_id"},
        choices={"class_source": ("text", "editor")},
    ),
    Table(
        "drug_mentions",
        columns=("generic", "source_id", "brand_as_written", "quote"),
        key=("generic", "source_id"),
        required=("generic", "source_id", "quote"),
        refs={"generic": ("drugs", "generic"), "source_id": ("sources", "source_id")},
        quotes={"quote": "source_id"},
    ),
    Table(
        "passages",
        columns=("passage_id", "topic", "source_id", "quote"),
        key=("passage_id",),
        required=("passage_id", "topic", "source_id", "quote"),
        refs={"source_id": ("sources", "source_id")},
        quotes={"quote": "source_id"},
    ),
    Table(
        "disagreements",
        columns=("disagreement_id", "characteristic", "kind", "summary", "source_a", "quote_a", "source_b", "quote_b"),
        key=("disagreement_id",),
        required=("disagreement_id", "kind", "summary", "source_a", "quote_a", "source_b", "quote_b"),
        refs={"characteristic": ("characteristics", "characteristic"), "source_a": ("sources", "source_id"),
              "source_b": ("sources", "source_id")},
        quotes={"quote_a": "source_a", "quote_b": "source_b"},
    ),
    Table(
        "glossary",
        columns=("term", "definition", "appears_as"),
        key=("term",),
        required=("term", "definition", "appears_as"),
        multi=("appears_as",),
    ),
    # Not from the five texts: dated treatment developments since them, each with its citation
    # (notebook 07's "currency" section). ``date`` is YYYY-MM, or YYYY where the month is not certain.
    Table(
        "developments",
        columns=("date", "development", "citation"),
        key=("date", "development"),
        required=("date", "development", "citation"),
    ),
)
