"""The whole data contract in one place: the fixed ids the data, the library, the notebooks and the tests
share (``docs/contract.md`` says what each means), and what each file in ``data/`` must hold: its columns, its
key, and how it refers to the others. :mod:`mbc_atlas.load` checks a data folder against this module and nothing
else.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["SOURCE_IDS", "CATEGORIES", "SYSTEMIC", "LOCAL", "CHARACTERISTICS", "ONE_OF", "BASES", "TABLES",
           "TABLES_BY_NAME", "Table", "NURSING_ASPECTS", "TASK_KINDS",
           "SUBTYPE_PARTS", "CJMM_STEPS"]

# The contract's sources as shipped; a lecturer may add more (each needs data/sources/<source_id>.txt), so
# nothing a learner reads counts them or names them from here: counts and names come from sources.csv.
SOURCE_IDS = ("breastcancer_org", "faslodex_site", "frankly_speaking", "standards_of_care", "johnson_2010")
CATEGORIES = ("hormonal", "chemotherapy", "targeted", "radiation", "surgery")
SYSTEMIC = ("hormonal", "chemotherapy", "targeted")     # as the sources themselves say
LOCAL = ("radiation", "surgery")
# The explorer's characteristics the contract fixes; characteristics.csv may add more.
CHARACTERISTICS = (
    "hr_positive", "hr_negative", "hr_unknown", "her2_positive", "her2_negative", "premenopausal",
    "postmenopausal", "bone", "brain", "liver", "lung", "breast_chest_wall", "spine",
    "prior_response_to_hormonal", "progressed_on_hormonal", "progressed_on_trastuzumab",
    "rapid_progression", "isolated_metastasis",
)
# The contract's choose-one groups: their members must stay together in one group that takes one value.
ONE_OF = (("hr_positive", "hr_negative", "hr_unknown"), ("her2_positive", "her2_negative"),
          ("premenopausal", "postmenopausal"))
# How a fact about a source is known (sources.csv, the *_basis columns).
BASES = ("stated", "inferred", "not stated")
# Digits 0-9 only: str.isdigit() also takes '²' and other digits that int() or a plot cannot use.
WHOLE_NUMBER = (r"[0-9]{1,9}", "a whole number written with the digits 0-9 (at most nine of them)")
YEAR = (r"[0-9]{4}", "a year written with four digits (0-9)")
YEAR_MONTH = (r"[0-9]{4}(-(0[1-9]|1[0-2]))?", "a date written YYYY or YYYY-MM, with the month 01 to 12")
DAY = (r"[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])", "a date written YYYY-MM-DD")
NURSING_ASPECTS = ("common side effects", "serious side effects", "monitor", "teach", "escalate", "interactions",
                   "pregnancy and contraception", "kidney and liver", "hazardous-drug handling", "within the class")
# What every nursing class has, in the order shown: the class of a drug the texts name and one only the editors name.
# The parts of an editors' section on how treatment is chosen today for one subtype, in the order shown.
SUBTYPE_PARTS = ("usual sequence today", "tests that drive it", "what changed since the texts")
# The six steps of the NCSBN Clinical Judgment Measurement Model (layer 3), in order: each step of the unfolding case
# (case_steps.csv) is one of them.
CJMM_STEPS = ("recognise cues", "analyse cues", "prioritise hypotheses", "generate solutions", "take action",
              "evaluate outcomes")
# The kinds of application task a lesson sets (tasks.csv), in the order a lesson shows them.
TASK_KINDS = ("out_of_date", "before_acting", "disagreement")


@dataclass(frozen=True)
class Table:
    """One CSV file of ``data/``.

    ``refs`` maps a column to the (table, column) its values must come from; a column listed in
    ``multi`` holds several values separated by ";". ``quotes`` maps a quote column to the column
    naming its source; every such quote must occur verbatim in ``data/sources/<source_id>.txt``.
    ``choices`` maps a column to the only values it may take; ``formats`` maps a column to a regular
    expression a non-empty value must match in full, and the words that describe it.
    Ids, references and choices may not start or end with a space. A table needs ``min_rows`` rows, and
    each quote at least ``quote_min_words`` words, except an item of a list quoted with its list's heading:
    ``list_items`` maps a quote column to the column holding that heading, and the quote must then be one of
    the "- " items right under it in the text. ``consistent`` maps a column to the columns that must
    hold the same values on every row sharing its value (e.g. one label per characteristic group).
    """

    name: str
    columns: tuple
    key: tuple
    required: tuple
    refs: dict = field(default_factory=dict)
    multi: tuple = ()
    quotes: dict = field(default_factory=dict)
    choices: dict = field(default_factory=dict)
    formats: dict = field(default_factory=dict)
    min_rows: int = 0
    quote_min_words: int = 3
    list_items: dict = field(default_factory=dict)
    consistent: dict = field(default_factory=dict)

    @property
    def file(self):
        return f"{self.name}.csv"


_FACTS = ("publisher_kind", "title", "author", "publisher", "funding", "review", "cites", "dates")

TABLES: tuple[Table, ...] = (
    Table(
        "sources",
        columns=("source_id", "short_name", *[c for f in _FACTS for c in (f, f + "_basis")],
                 "year_earliest", "year_latest", "note"),
        key=("source_id",),
        required=("source_id", "short_name", "publisher_kind", *[f + "_basis" for f in _FACTS]),
        choices={f + "_basis": BASES for f in _FACTS},
        formats={"year_earliest": YEAR, "year_latest": YEAR},
        min_rows=1,
    ),
    Table(
        "categories",
        columns=("category", "label", "scope", "source_id", "quote"),
        key=("category",),
        required=("category", "label", "scope", "source_id", "quote"),
        refs={"source_id": ("sources", "source_id")},
        quotes={"quote": "source_id"},
        choices={"category": CATEGORIES, "scope": ("systemic", "local")},
        min_rows=1,
    ),
    Table(
        "stances",
        columns=("stance", "label", "rank", "meaning"),
        key=("stance",),
        required=("stance", "label", "rank", "meaning"),
        formats={"rank": WHOLE_NUMBER},
        min_rows=1,
    ),
    Table(
        "characteristics",
        columns=("characteristic", "group", "group_label", "choose", "label", "definition", "not_known"),
        key=("characteristic",),
        required=("characteristic", "group", "group_label", "choose", "label", "definition"),
        # ``not_known`` = "yes" marks a value that means "not known" (it contradicts no condition)
        choices={"choose": ("one", "any"), "not_known": ("yes",)},
        min_rows=1,
        # the explorer groups toggles by (group, group_label, choose): two labels would split a
        # choose-one group and let two of its values be chosen together
        consistent={"group": ("group_label", "choose")},
    ),
    # One row per statement: one verbatim quote tied to one category, holding for every one of its
    # ``conditions`` together. A condition the quote does not show is shown by ``context`` (the sentence or
    # heading the quote sits under, verbatim); ``also_quote`` is the same statement said again elsewhere.
    Table(
        "statements",
        columns=("statement_id", "source_id", "category", "stance", "conditions", "drugs", "condition_note",
                 "qualifier", "attributed_to", "quote", "context", "also_quote"),
        key=("statement_id",),
        required=("statement_id", "source_id", "category", "stance", "conditions", "quote"),
        refs={"source_id": ("sources", "source_id"), "conditions": ("characteristics", "characteristic"),
              "category": ("categories", "category"), "stance": ("stances", "stance"),
              "drugs": ("drugs", "generic")},
        multi=("conditions", "drugs"),
        quotes={"quote": "source_id", "context": "source_id", "also_quote": "source_id", "qualifier": "source_id"},
        list_items={"quote": "context"},
        min_rows=1,
    ),
    Table(
        "drugs",
        columns=("generic", "brand", "drug_class", "class_source", "category", "second_category",
                 "second_category_source_id", "second_category_quote", "restricted_with", "restriction",
                 "restriction_source_id", "restriction_quote", "note", "nursing_class"),
        key=("generic",),
        required=("generic", "brand", "drug_class", "class_source", "category"),
        refs={"category": ("categories", "category"), "second_category": ("categories", "category"),
              "second_category_source_id": ("sources", "source_id"),
              "restricted_with": ("characteristics", "characteristic"),
              "nursing_class": ("pharmacology", "drug_class"),
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
        quote_min_words=2,      # a mention may be the drug's name and brand alone: "letrozole (Femara)"
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
        multi=("characteristic",),      # a disagreement between two readings may name both ("a;b")
        quotes={"quote_a": "source_a", "quote_b": "source_b"},
    ),
    # ``appears_as`` empty: an editors' term, a word the texts do not use (shown as such)
    Table(
        "glossary",
        columns=("term", "definition", "appears_as", "checked", "review_by"),
        key=("term",),
        required=("term", "definition", "checked", "review_by"),
        multi=("appears_as",),
        formats={"checked": DAY, "review_by": DAY},
    ),
    # The editors' own vocabulary for what the texts' five categories do not cover (immunotherapy,
    # antibody-drug conjugates, supportive care, ...): the ``field`` an editors' row is filed under.
    Table(
        "editors_fields",
        columns=("field", "label", "meaning"),
        key=("field",),
        required=("field", "label", "meaning"),
        min_rows=1,
    ),
    # Everything below is the editors' voice, NOT from the five texts: each row has its citation and the date
    # it was checked, and is shown fenced as such; none of it enters claims() or answer().
    # Dated treatment developments since the texts (the since-then boxes and notebook 07's currency section).
    # ``date`` is YYYY-MM, or YYYY where the month is not certain.
    Table(
        "developments",
        columns=("date", "category", "field", "development", "citation", "checked", "review_by"),
        key=("date", "development"),
        required=("date", "category", "field", "development", "citation", "checked", "review_by"),
        refs={"category": ("categories", "category"), "field": ("editors_fields", "field")},
        multi=("category",),
        formats={"date": YEAR_MONTH, "checked": DAY, "review_by": DAY},
    ),
    # What a clinician would add today beside a quote: ``anchor`` is a verbatim fragment of the quote in
    # ``sources/<source_id>.txt``; a note for a selection names its ``characteristic`` ids instead ("a;b": shown
    # when all of them are chosen), such as a silence of the texts or triple-negative disease.
    Table(
        "editor_notes",
        columns=("note_id", "source_id", "anchor", "characteristic", "field", "note", "citation", "checked",
                 "review_by"),
        key=("note_id",),
        required=("note_id", "field", "note", "citation", "checked", "review_by"),
        refs={"source_id": ("sources", "source_id"), "characteristic": ("characteristics", "characteristic"),
              "field": ("editors_fields", "field")},
        multi=("characteristic",),     # a note for a selection: all of these chosen together
        quotes={"anchor": "source_id"},
        formats={"checked": DAY, "review_by": DAY},
        min_rows=1,
    ),
    # Per drug class (``drugs.csv`` column ``nursing_class``): what a nurse owns, one row per aspect.
    Table(
        "nursing_notes",
        columns=("drug_class", "aspect", "note", "citation", "checked", "quotes_label", "review_by"),
        key=("drug_class", "aspect"),
        required=("drug_class", "aspect", "note", "citation", "checked", "review_by"),
        choices={"aspect": NURSING_ASPECTS, "quotes_label": ("yes",)},
        formats={"checked": DAY, "review_by": DAY},
    ),
    Table(
        "pharmacology",
        columns=("drug_class", "how_it_works", "citation", "checked", "review_by"),
        key=("drug_class",),
        required=("drug_class", "how_it_works", "citation", "checked", "review_by"),
        formats={"checked": DAY, "review_by": DAY},
    ),
    # The drugs the editors name that the texts do not (CDK4/6 inhibitors, antibody-drug conjugates, ...): kept
    # apart from drugs.csv, so the explorer's and the lessons' drug lists stay the texts'. ``category`` is the
    # lesson whose nursing box shows the drug; ``status`` says where it is not (or no longer) approved.
    Table(
        "editors_drugs",
        columns=("generic", "brand", "drug_class", "category", "field", "status", "citation", "checked", "review_by"),
        key=("generic",),
        required=("generic", "drug_class", "category", "field", "citation", "checked", "review_by"),
        refs={"drug_class": ("pharmacology", "drug_class"), "category": ("categories", "category"),
              "field": ("editors_fields", "field")},
        multi=("category",),
        formats={"checked": DAY, "review_by": DAY},
    ),
    # How treatment is chosen today for one subtype (hormone-receptor-positive/HER2-negative, ...): shown in a
    # lesson beside what the texts said, and in the explorer when all of its ``characteristics`` are chosen.
    Table(
        "subtypes",
        columns=("subtype", "label", "characteristics", "part", "note", "citation", "checked", "review_by"),
        key=("subtype", "part", "note"),
        required=("subtype", "label", "characteristics", "part", "note", "citation", "checked", "review_by"),
        refs={"characteristics": ("characteristics", "characteristic")},
        multi=("characteristics",),
        choices={"part": SUBTYPE_PARTS},
        formats={"checked": DAY, "review_by": DAY},
        consistent={"subtype": ("label", "characteristics")},
    ),
    # A worked DISCERN rating of one text (notebook 07): the editors' judgement, each score with its reason and,
    # where there is one, the words of the text it rests on.
    Table(
        "discern_worked",
        columns=("source_id", "question", "score", "reason", "quote", "checked", "review_by"),
        key=("source_id", "question"),
        required=("source_id", "question", "score", "reason", "checked", "review_by"),
        refs={"source_id": ("sources", "source_id")},
        quotes={"quote": "source_id"},
        formats={"question": (r"1[0-6]|[1-9]", "a DISCERN question number, 1 to 16"),
                 "score": (r"[1-5]", "a DISCERN score, 1 to 5"), "checked": DAY,
                 "review_by": DAY},
    ),
    # Nursing topics beyond one drug class (bone health, spinal cord compression, ...), by category.
    Table(
        "nursing_topics",
        columns=("topic", "category", "field", "note", "citation", "checked", "review_by"),
        key=("topic",),
        required=("topic", "category", "field", "note", "citation", "checked", "review_by"),
        refs={"category": ("categories", "category"), "field": ("editors_fields", "field")},
        multi=("category",),
        formats={"checked": DAY, "review_by": DAY},
    ),
)
TABLES = TABLES + (
    # The unfolding case (notebook 11): one patient, step by step, each step a task of clinical judgement. The texts'
    # side is the ``selection`` (characteristic ids that all hold together at that step; its key is mbc.answer's) and
    # the ``passages`` quoted with it; everything else but the story and the task is the editors' voice (the model
    # answer and the note, cited, dated), shown fenced.
    Table(
        "case_steps",
        columns=("step", "cjmm_step", "title", "story", "selection", "passages", "prompt", "model_answer", "note",
                 "citation", "checked", "review_by"),
        key=("step",),
        required=("step", "cjmm_step", "title", "story", "selection", "prompt", "model_answer", "note", "citation",
                  "checked", "review_by"),
        refs={"selection": ("characteristics", "characteristic")},     # passages: guard.case_passages
        multi=("selection", "passages"),
        choices={"cjmm_step": CJMM_STEPS},
        formats={"step": (r"[a-z]+(-[a-z]+)*", "a short id of lower-case words joined by hyphens"),
                 "checked": DAY, "review_by": DAY},
        min_rows=1,
    ),
    # The application tasks each lesson sets: a text's words (or a disagreement between two texts) and a question;
    # the model answer is built from the rows it names: the editors' notes (``notes``), a subtype's section on how
    # treatment is chosen today (``subtype``), the nursing notes of one
    # class on some ``aspects``, the disagreement, and the texts' own facts (sources.csv). Which kind needs which
    # parts: guard.task_parts. ``key_points`` (separated by " | ") say what a good answer says, in the editors'
    # words, restating only those rows (and the texts), so a marker can grade a learner's answer.
    Table(
        "tasks",
        columns=("task_id", "lesson", "kind", "prompt", "source_id", "quote", "context", "notes", "subtype",
                 "nursing_class", "aspects", "disagreement_id", "key_points"),
        key=("task_id",),
        required=("task_id", "lesson", "kind", "prompt", "key_points"),
        refs={"source_id": ("sources", "source_id")},      # the rest: guard.task_parts, once the data loads
        multi=("notes",),
        quotes={"quote": "source_id", "context": "source_id"},
        list_items={"quote": "context"},
        choices={"kind": TASK_KINDS},
        formats={"task_id": (r"\d\d-[a-z0-9]+(-[a-z0-9]+)*", "a lesson number and a short id, such as 02-after-hormonal"),
                 "lesson": (r"\d\d", "a lesson's two-digit number, such as 02"),
                 "aspects": ("(" + "|".join(re.escape(a) for a in NURSING_ASPECTS) + ")(;(" +
                             "|".join(re.escape(a) for a in NURSING_ASPECTS) + "))*",
                             "nursing aspects separated by ';': " + ", ".join(NURSING_ASPECTS))},
    ),
)
TABLES_BY_NAME = {t.name: t for t in TABLES}
