"""The texts side by side (notebooks 00 and 07): who ties which characteristic to which category, who is
silent, who wrote each text, for whom, when and who paid, and how far treatment has moved since.

Everything is computed from ``data/``: the claims, the disagreements, the source table and, for the
currency section only, ``data/developments.csv`` -- which is *not* drawn from the texts.

>>> m = matrix()
>>> m[(m.characteristic == "liver") & (m.status == "ties")]["source_id"].tolist()
['breastcancer_org']
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ..load import Atlas, atlas_or_default
from ..query import claims, disagreements, sources, stances
from ..words import BASIS_WORDS, agree, curly, join, lower_first, number, say_nothing
from .evidence import Finding

__all__ = ["STATUS", "SYMBOL", "DISPUTE_SYMBOL", "matrix", "cell_words", "matrix_wide",
           "agreement_counts", "agreement_sentence", "unanimous_finding", "disagreement_sentence", "fact_words",
           "source_facts", "fact_finding", "sources_sentence", "dates_sentence", "reader_address", "profiles",
           "basis_counts", "developments", "texts_dates", "currency_sentence",
           "not_from_texts", "TEXT_FACTS", "text_facts"]

#: What a cell of the comparison matrix can say about one text and one (characteristic, category) pair.
STATUS = {
    "ties": "ties them",
    "elsewhere": "ties the characteristic to another category only",
    "silent": say_nothing("the characteristic", text="it"),
}
#: Symbols shown beside the words, so the matrix never relies on colour alone.
SYMBOL = {"ties": "\u2714", "elsewhere": "\u2192", "silent": "\u25cb"}
DISPUTE_SYMBOL = "\u2260"
_SHORT = {"ties": "ties them", "elsewhere": "other category", "silent": "silent"}
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


# -- the comparison matrix ------------------------------------------------------------------------------------

def matrix(atlas: Atlas | None = None) -> pd.DataFrame:
    """One row per (characteristic, category, source) for every pair that at least one text ties.

    ``status`` is ``ties`` (the text ties the pair), ``elsewhere`` (the text ties the characteristic only to
    other categories) or ``silent`` (the text ties the characteristic to nothing). ``stance`` is the strongest
    way the text puts it, followed by "only with ..." when every statement of the text that ties the pair holds
    only together with other characteristics (an answer for the characteristic alone would not count it);
    ``disputes`` lists the disagreements (``disagreements.csv``) on this characteristic
    that name this text, where this text or the other text of the disagreement ties the pair.

    >>> m = matrix()
    >>> m[(m.characteristic == "progressed_on_hormonal") & (m.category == "chemotherapy")].set_index(
    ...     "source_id")["status"].to_dict()["faslodex_site"]
    'elsewhere'
    """
    return atlas_or_default(atlas).derive(_matrix).copy()


def _matrix(a: Atlas) -> pd.DataFrame:
    c = claims(a)
    rank = stances(a).set_index("stance")
    ch_order = {k: i for i, k in enumerate(a.labels)}
    cat_order = {k: i for i, k in enumerate(a.category_labels)}
    pairs = sorted({(r.characteristic, r.category) for r in c.itertuples()},
                   key=lambda p: (ch_order[p[0]], cat_order[p[1]]))
    ties: dict[tuple, list] = {}
    for r in c.itertuples():
        ties.setdefault((r.characteristic, r.category, r.source_id), []).append(r)
    speaks = {(r.characteristic, r.source_id) for r in c.itertuples()}
    numbered = list(enumerate(disagreements(a).itertuples(), start=1))
    rows = []
    for chid, cat in pairs:
        tying = {sid for (x, y, sid) in ties if (x, y) == (chid, cat)}
        for sid, short in a.source_names.items():
            mine = sorted(ties.get((chid, cat, sid), []), key=lambda r: rank.loc[r.stance, "rank"])
            status = "ties" if mine else "elsewhere" if (chid, sid) in speaks else "silent"
            disputes = [(n, d.disagreement_id) for n, d in numbered if chid in d.characteristic.split(";")
                        and sid in {d.source_a, d.source_b}
                        and (sid in tying or ({d.source_a, d.source_b} - {sid}) & tying)]
            needs = [set(filter(None, r.other_conditions.split(";"))) for r in mine]
            together = set.intersection(*needs) if needs and all(needs) else set()
            stance = rank.loc[mine[0].stance, "label"] if mine else ""
            if together:
                stance += "; only with " + join(lower_first(a.labels[x]) for x in a.labels if x in together)
            rows.append({
                "characteristic": chid, "characteristic_label": a.labels[chid],
                "category": cat, "category_label": a.category_labels[cat],
                "source_id": sid, "source": short, "status": status,
                "stance": stance,
                "claim_ids": [r.claim_id for r in mine], "disputes": [d for _, d in disputes],
                "dispute_numbers": [n for n, _ in disputes],
            })
    return pd.DataFrame(rows)


def cell_words(status: str, stance: str = "", disputes: Iterable[int] = ()) -> str:
    """What one cell of the matrix says, in words and symbols (never colour alone). ``disputes`` are the
    numbers of the disagreements (their order in ``disagreements.csv``, as notebook 07 numbers them).

    >>> cell_words("ties", "an option", [7])
    '✔ an option; ≠ see disagreement 7'
    >>> cell_words("silent")
    '○ silent'
    """
    disputes = list(disputes)
    words = f"{SYMBOL[status]} {stance if stance and status == 'ties' else _SHORT[status]}"
    if disputes:
        words += f"; {DISPUTE_SYMBOL} see disagreement{'s' if len(disputes) > 1 else ''} {', '.join(map(str, disputes))}"
    return words


def matrix_wide(atlas: Atlas | None = None) -> pd.DataFrame:
    """The matrix as a learner reads it: one row per (characteristic, category), one column per text.

    >>> w = matrix_wide()
    >>> w.loc[("Hormone-receptor-positive", "Hormonal therapy"), "Texts that tie them"]
    '5 of 5'
    """
    a = atlas_or_default(atlas)
    m = matrix(a)
    out = {}
    for (chl, catl), part in m.groupby(["characteristic_label", "category_label"], sort=False):
        row = {r["source"]: cell_words(r["status"], r["stance"], r["dispute_numbers"]) for r in part.to_dict("records")}
        row["Texts that tie them"] = f"{(part['status'] == 'ties').sum()} of {a.n_texts}"
        out[(chl, catl)] = row
    df = pd.DataFrame.from_dict(out, orient="index")
    df.index = pd.MultiIndex.from_tuples(df.index, names=["Characteristic", "Category"])
    return df


def agreement_counts(atlas: Atlas | None = None) -> pd.DataFrame:
    """For each pair, how many texts tie it, tie the characteristic elsewhere, or are silent.

    >>> int(agreement_counts().set_index(["characteristic", "category"]).loc[("hr_positive", "hormonal"), "ties"])
    5
    """
    m = matrix(atlas)
    counts = m.pivot_table(index=["characteristic", "category"], columns="status", values="source_id",
                           aggfunc="count", sort=False).reindex(columns=list(STATUS)).fillna(0).astype(int)
    counts.columns.name = None
    return counts.reset_index()


def agreement_sentence(atlas: Atlas | None = None) -> str:
    """How much the texts overlap, in one sentence.

    >>> agreement_sentence().split(":")[0]
    'The texts tie 29 characteristic-category pairs; 1 of them is tied by all 5 texts'
    """
    a = atlas_or_default(atlas)
    counts = agreement_counts(a)
    n = a.n_texts
    all_ = counts[counts["ties"] == n]
    one = int((counts["ties"] == 1).sum())
    pairs = join(f"{a.labels[r['characteristic']]} \u2192 {lower_first(a.category_labels[r['category']])}"
                 for r in all_.to_dict("records"))
    head = (f"The texts tie {len(counts)} characteristic-category pairs; {len(all_)} of them "
            f"{agree(len(all_), 'is', 'are')} tied by all {n} texts")
    return (f"{head}: {pairs}. {one} pairs rest on a single text." if len(all_)
            else f"{head}. {one} pairs rest on a single text.")


def unanimous_finding(atlas: Atlas | None = None) -> Finding:
    """:func:`agreement_sentence`, with one quote from each text for the pairs every text ties."""
    a = atlas_or_default(atlas)
    m = matrix(a)
    c = claims(a).set_index("claim_id")
    rows = []
    for _, part in m.groupby(["characteristic", "category"], sort=False):
        if (part["status"] == "ties").sum() == a.n_texts:
            rows += [c.loc[r["claim_ids"][0], ["quote", "source_id"]].to_dict() for r in part.to_dict("records")]
    return Finding(agreement_sentence(a), pd.DataFrame(rows, columns=["quote", "source_id"]))


def disagreement_sentence(atlas: Atlas | None = None) -> str:
    """How many disagreements there are, and of which kinds.

    >>> disagreement_sentence().startswith("The texts differ in 8 places")
    True
    """
    d = disagreements(atlas)
    kinds = d["kind"].value_counts(sort=False)
    return f"The texts differ in {len(d)} places ({', '.join(f'{k}: {v}' for k, v in kinds.items())})."


# -- what the texts say about themselves ------------------------------------------------------------------------

def fact_words(rec: dict, fact: str) -> str:
    """One fact about a source in words, with its basis: quoted where the text states it (each verbatim part
    of a stated fact, ``a; b`` in ``sources.csv``, in its own quotation marks).

    >>> fact_words({"funding": "a; b", "funding_basis": "stated"}, "funding")
    '“a” and “b” (stated in the text)'
    """
    value, basis = rec[fact], rec[fact + "_basis"]
    if basis == "stated":
        return f"{' and '.join(curly(part) for part in value.split('; '))} ({BASIS_WORDS[basis]})"
    if basis == "inferred":
        return f"{value} ({BASIS_WORDS[basis]})"
    return BASIS_WORDS["not stated"]


#: The facts about a text a careful reader checks before its words, as a learner reads them (from ``sources.csv``).
TEXT_FACTS = (("publisher", "Who published it"), ("author", "Who wrote it"), ("dates", "When"),
              ("funding", "Who paid"), ("review", "Who checked it"))


def text_facts(source_id: str, atlas: Atlas | None = None) -> list[tuple[str, str]]:
    """Each of :data:`TEXT_FACTS` about one text, in words with its basis.

    >>> [label for label, _ in text_facts("faslodex_site")][:2]
    ['Who published it', 'Who wrote it']
    """
    rec = atlas_or_default(atlas)["sources"].set_index("source_id").loc[source_id].to_dict()
    return [(label, fact_words(rec, fact)) for fact, label in TEXT_FACTS]


def source_facts(fact: str, atlas: Atlas | None = None) -> pd.DataFrame:
    """One fact about every source (``title``, ``author``, ``publisher``, ``funding``, ``review``, ``dates``...):
    ``short_name``, ``value``, ``basis``, and ``quote`` (the value where the text states it)."""
    s = sources(atlas)
    if fact + "_basis" not in s.columns:
        facts = [c[: -len("_basis")] for c in s.columns if c.endswith("_basis")]
        raise ValueError(f"unknown fact {fact!r}; valid: {', '.join(facts)}")
    return pd.DataFrame({"source_id": s["source_id"], "short_name": s["short_name"], "value": s[fact],
                         "basis": s[fact + "_basis"],
                         "quote": [v if b == "stated" else "" for v, b in zip(s[fact], s[fact + "_basis"])]})


def fact_finding(fact: str, atlas: Atlas | None = None) -> Finding:
    """Which texts state a fact about themselves (with their words), which leave it to the editors, which
    are silent."""
    f = source_facts(fact, atlas)
    stated, inferred = f[f["basis"] == "stated"], f[f["basis"] == "inferred"]
    silent = f[f["basis"] == "not stated"]
    parts = [f"{len(stated)} of the {len(f)} texts {agree(len(stated), 'states', 'state')} it: "
             f"{join(stated['short_name'])}." if len(stated) else f"None of the {len(f)} texts states it."]
    if len(inferred):
        parts.append("The editors inferred it for "
                     + join(f"{n} ({v})" for n, v in zip(inferred["short_name"], inferred["value"])) + ".")
    if len(silent):
        parts.append(f"Not stated at all: {join(silent['short_name'])}.")
    return Finding(" ".join(parts), stated[["quote", "source_id"]])


def sources_sentence(atlas: Atlas | None = None) -> str:
    """One sentence naming the texts the collection draws on.

    >>> sources_sentence().startswith("The collection draws on 5 texts: Breastcancer.org,")
    True
    """
    a = atlas_or_default(atlas)
    return f"The collection draws on {a.n_texts} texts: {join(a.source_names.values())}."


def dates_sentence(atlas: Atlas | None = None) -> str:
    """When the texts date from, in words, from ``sources.csv`` (never typed by hand).

    >>> dates_sentence()
    'Of the five texts, one is dated (Johnson (2010) blog post: first published 2010, last modified 2012); one was written in 2012 or later, as the editors infer (Standards of Care fact sheet); three are undated.'
    """
    src = atlas_or_default(atlas)["sources"]
    parts = []
    dated = src[src["dates_basis"] == "stated"]
    if len(dated):
        spans = [f"{r['short_name']}: first published {r['year_earliest']}"
                 + (f", last modified {r['year_latest']}" if r["year_latest"] not in ("", r["year_earliest"]) else "")
                 for r in dated.to_dict("records")]
        parts.append(f"{number(len(dated))} {agree(len(dated), 'is', 'are')} dated ({'; '.join(spans)})")
    for r in src[src["dates_basis"] == "inferred"].to_dict("records"):
        when = f"in {r['year_earliest']} or later" if r["year_earliest"] else "at an unknown date"
        parts.append(f"one was written {when}, as the editors infer ({r['short_name']})")
    undated = int((src["dates_basis"] == "not stated").sum())
    if undated:
        parts.append(f"{number(undated)} {agree(undated, 'is', 'are')} undated")
    return f"Of the {number(len(src))} texts, {'; '.join(parts)}."


def not_from_texts(atlas: Atlas | None = None, shout: bool = False) -> str:
    """How the editors' own voice is fenced off: 'not from the five texts' (the count from the data);
    ``shout`` writes 'NOT from ...', as a caption or a band's title does.

    >>> not_from_texts(), not_from_texts(shout=True)
    ('not from the five texts', 'NOT from the five texts')
    """
    return f"{'NOT' if shout else 'not'} from the {number(atlas_or_default(atlas).n_texts)} texts"


_YOU = re.compile(r"\b(you|your|yours|yourself)\b", re.I)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def reader_address(source_id: str, atlas: Atlas | None = None) -> dict:
    """How a text addresses its reader: how often it says "you"/"your", and the first sentence that does.

    >>> reader_address("breastcancer_org")["sentence"]
    'Which type of treatment will work best for you depends on what the tumors are like, and where they are growing.'
    """
    text = atlas_or_default(atlas).texts[source_id]
    first = next((s.strip() for s in _SENTENCE.findall(text) if _YOU.search(s)), "")
    return {"count": len(_YOU.findall(text)), "sentence": first}


def profiles(atlas: Atlas | None = None) -> pd.DataFrame:
    """Who wrote each text, who published it, for whom, when, and who paid, with each fact's basis.

    >>> profiles().set_index("Source").loc["Johnson (2010) blog post", "Who wrote it"]
    '“By Phyllis Johnson, Health Guide” (stated in the text)'
    """
    a = atlas_or_default(atlas)
    rows = []
    for rec in sources(a).to_dict("records"):
        you = reader_address(rec["source_id"], a)
        whom = (f"a reader addressed as \u201cyou\u201d ({you['count']} times), e.g. {curly(you['sentence'])} "
                f"(inferred from the wording)" if you["count"] else "no reader addressed as \u201cyou\u201d")
        rows.append({"Source": rec["short_name"], "Kind": rec["publisher_kind"],
                     "Who wrote it": fact_words(rec, "author"), "Who published it": fact_words(rec, "publisher"),
                     "For whom": whom, "When": fact_words(rec, "dates"), "Who paid": fact_words(rec, "funding")})
    return pd.DataFrame(rows)


def basis_counts(atlas: Atlas | None = None) -> pd.DataFrame:
    """For each fact (author, publisher, dates, funding, ...): how many texts state it, how many leave it to
    inference, how many say nothing.

    >>> basis_counts().set_index("fact").loc["author"].tolist()
    [1, 0, 4]
    """
    src = sources(atlas)
    facts = [c[: -len("_basis")] for c in src.columns if c.endswith("_basis")]
    return pd.DataFrame([{"fact": f, **{b: int((src[f + "_basis"] == b).sum()) for b in BASIS_WORDS}} for f in facts])


# -- currency: the texts' dates, and what has happened since (NOT from the texts) ---------------------------------

def developments(atlas: Atlas | None = None) -> pd.DataFrame:
    """The dated list of treatment developments since the texts, from ``data/developments.csv`` (its dates
    checked by :func:`mbc_atlas.load`), oldest first, with ``year``, ``when`` (in words) and ``drug`` (the
    name before the first bracket). Not drawn from the texts: each row is a fact from the reference it cites.

    >>> developments()["year"].is_monotonic_increasing
    True
    """
    df = atlas_or_default(atlas)["developments"].copy()
    df["year"] = df["date"].str[:4].astype(int)
    df["when"] = [f"{_MONTHS[int(d[5:7]) - 1]} {d[:4]}" if len(d) == 7 else d for d in df["date"]]
    df["drug"] = df["development"].str.split(" (", n=1, regex=False).str[0]
    return df.sort_values("date", kind="stable").reset_index(drop=True)


def texts_dates(atlas: Atlas | None = None) -> pd.DataFrame:
    """The dates of the texts, as the data gives them: ``earliest``/``latest`` year (or None) and what the
    date rests on (stated in the text, inferred by the editors, or not stated).

    >>> texts_dates().set_index("source_id").loc["johnson_2010", ["earliest", "latest", "basis"]].tolist()
    [2010, 2012, 'stated in the text']
    """
    rows = [{"source_id": rec["source_id"], "source": rec["short_name"],
             "earliest": int(rec["year_earliest"]) if rec["year_earliest"] else None,
             "latest": int(rec["year_latest"]) if rec["year_latest"] else None,
             "dates": rec["dates"], "basis": BASIS_WORDS[rec["dates_basis"]]}
            for rec in sources(atlas).to_dict("records")]
    return pd.DataFrame(rows, dtype=object)


def currency_sentence(atlas: Atlas | None = None) -> str:
    """The texts' dates in one sentence, from ``sources.csv``.

    >>> currency_sentence().startswith("Only 1 of the 5 texts states a date")
    True
    """
    d = texts_dates(atlas)
    stated = d[d["basis"] == BASIS_WORDS["stated"]]
    inferred = d[d["basis"] == BASIS_WORDS["inferred"]]
    undated = d[d["basis"] == BASIS_WORDS["not stated"]]
    sentence = (f"Only {len(stated)} of the {len(d)} texts states a date" if len(stated) == 1
                else f"{len(stated)} of the {len(d)} texts state a date")
    if len(stated):
        sentence += ": " + "; ".join(f"{r['source']} ({curly(r['dates'])})" for r in stated.to_dict("records"))
    sentence += "."
    if len(inferred):
        sentence += " The editors infer the date of " + "; ".join(
            f"{r['source']} ({r['dates']})" for r in inferred.to_dict("records")) + "."
    if len(undated):
        sentence += f" {join(undated['source'])} {agree(len(undated), 'gives', 'give')} no date at all."
    return sentence
