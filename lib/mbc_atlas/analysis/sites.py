"""Where the cancer has spread, and which categories the texts tie to each place (notebook 05); and, read from
a text's own words, which cells chemotherapy reaches (notebook 03).

>>> sites_tied_to(["radiation", "surgery"])
['Brain', 'Breast or chest wall']
"""
from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from ..load import Atlas, atlas_or_default
from ..query import characteristics, claims, passages
from ..words import join, lower_first, say_nothing, upper_first
from .evidence import Finding

__all__ = ["SITE_CATEGORIES", "SPREAD", "site_links", "sites_tied_to", "site_id", "site_quotes", "site_finding",
           "site_sentence", "sites_finding", "sites_sentence", "dividing_cells"]

#: The characteristics' group that holds the places of spread, and the categories notebook 05 looks at.
SPREAD = "spread"
SITE_CATEGORIES = ("radiation", "surgery", "chemotherapy")


def site_links(site_categories: Iterable[str] = SITE_CATEGORIES, atlas: Atlas | None = None) -> pd.DataFrame:
    """For each place the cancer can spread to and each category: the texts that tie them, with quotes.

    One row per (site, category), including the pairs no text ties (``n_texts`` 0), in the order of
    ``characteristics.csv`` and of ``site_categories``.

    >>> links = site_links()
    >>> links[(links.site == "liver") & (links.n_texts > 0)]["category"].tolist()
    ['chemotherapy']
    """
    a = atlas_or_default(atlas)
    ch = characteristics(a)
    sites = ch[ch["group"] == SPREAD]
    cats = a["categories"].set_index("category")
    c = claims(a)
    rows = []
    for site, site_label in zip(sites["characteristic"], sites["label"]):
        for cat in site_categories:
            mine = c[(c["characteristic"] == site) & (c["category"] == cat)]
            sids = list(dict.fromkeys(mine["source_id"]))
            rows.append({"site": site, "site_label": site_label, "category": cat,
                         "category_label": cats.loc[cat, "label"], "scope": cats.loc[cat, "scope"],
                         "n_texts": len(sids), "source_ids": sids, "sources": a.names(sids),
                         "claim_ids": mine["claim_id"].tolist(), "conditions": [x for x in mine["condition"] if x]})
    return pd.DataFrame(rows, columns=["site", "site_label", "category", "category_label", "scope", "n_texts",
                                       "source_ids", "sources", "claim_ids", "conditions"])


def _with(site_categories: Iterable[str], all_of: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys([*site_categories, *all_of]))


def sites_tied_to(all_of: Iterable[str], site_categories: Iterable[str] = SITE_CATEGORIES,
                  atlas: Atlas | None = None) -> list[str]:
    """The site labels that the texts tie to every category in ``all_of``."""
    all_of = list(all_of)
    links = site_links(_with(site_categories, all_of), atlas)
    ok = links[links["category"].isin(all_of) & (links["n_texts"] > 0)]
    counts = ok.groupby("site_label", sort=False)["category"].nunique()
    return [s for s, n in counts.items() if n == len(set(all_of))]


def site_id(site: str, atlas: Atlas | None = None) -> str:
    """A site's id, given its id or its label; ValueError naming the valid ids."""
    ch = characteristics(atlas)
    sites = ch[ch["group"] == SPREAD]
    if site in set(sites["characteristic"]):
        return site
    by_label = dict(zip(sites["label"], sites["characteristic"]))
    if site in by_label:
        return by_label[site]
    raise ValueError(f"unknown site {site!r}; valid: {', '.join(sites['characteristic'])}")


def site_quotes(claim_ids: Iterable[str], atlas: Atlas | None = None) -> pd.DataFrame:
    """The distinct quotes (``quote``, ``source_id``) of some claims."""
    c = claims(atlas)
    c = c[c["claim_id"].isin(list(claim_ids))]
    return c.drop_duplicates(["source_id", "quote"])[["quote", "source_id"]]


def _category_words(categories: Iterable[str], atlas: Atlas) -> str:
    return join(lower_first(atlas.category_labels[c]) for c in categories)


def site_finding(site: str, site_categories: Iterable[str] = SITE_CATEGORIES, atlas: Atlas | None = None) -> Finding:
    """In words: which categories the texts tie to one site (with how many texts), and which they do not;
    with the quotes it rests on.

    >>> site_finding("liver").sentence.split(". ")[0]
    'The sources say nothing about radiation therapy or surgery for the liver'
    """
    a = atlas_or_default(atlas)
    sid = site_id(site, a)
    links = site_links(site_categories, a)
    part = links[links["site"] == sid]
    label = lower_first(part["site_label"].iloc[0])
    silent = part[part["n_texts"] == 0]["category_label"].map(lower_first).tolist()
    bits = [f"{upper_first(say_nothing(join(silent, 'or') + ' for the ' + label))}."] if silent else []
    tied = part[part["n_texts"] > 0]
    for r in tied.to_dict("records"):
        n = r["n_texts"]
        bits.append(f"{n} text{'s' if n != 1 else ''} tie{'s' if n == 1 else ''} it to "
                    f"{lower_first(r['category_label'])} ({'; '.join(r['sources'])}).")
    return Finding(" ".join(bits), site_quotes([i for ids in tied["claim_ids"] for i in ids], a))


def site_sentence(site: str, site_categories: Iterable[str] = SITE_CATEGORIES, atlas: Atlas | None = None) -> str:
    """:func:`site_finding` in words alone."""
    return site_finding(site, site_categories, atlas).sentence


def sites_finding(all_of: Iterable[str], site_categories: Iterable[str] = SITE_CATEGORIES,
                  atlas: Atlas | None = None) -> Finding:
    """In words: the sites the texts tie to every category in ``all_of``; with the quotes it rests on.

    >>> sites_finding(["radiation", "surgery"]).sentence
    'The texts tie the brain and the breast or chest wall to both radiation therapy and surgery.'
    """
    a = atlas_or_default(atlas)
    all_of = list(all_of)
    found = sites_tied_to(all_of, site_categories, a)
    cats = _category_words(all_of, a)
    if not found:
        return Finding(f"No place is tied to {cats} alike: {say_nothing('that')}.")
    both = "both " if len(all_of) == 2 else "all of " if len(all_of) > 2 else ""
    links = site_links(_with(site_categories, all_of), a)
    ids = [i for ids in links[links["site_label"].isin(found) & links["category"].isin(all_of)]["claim_ids"]
           for i in ids]
    return Finding(f"The texts tie {join('the ' + lower_first(f) for f in found)} to {both}{cats}.",
                   site_quotes(ids, a))


def sites_sentence(all_of: Iterable[str], site_categories: Iterable[str] = SITE_CATEGORIES,
                   atlas: Atlas | None = None) -> str:
    """:func:`sites_finding` in words alone."""
    return sites_finding(all_of, site_categories, atlas).sentence


# -- which cells chemotherapy reaches, in a text's own words ------------------------------------------------

_KILLS = re.compile(r"kills (cells in the body that are [^.]+?)\.")
_INCLUDE = re.compile(r"These include ([^.]+?) but may also include ([^.]+?)\.")
_WHY = re.compile(r"This is why (chemotherapy [^.]+?)\.")


def dividing_cells(passage_id: str | None = None, atlas: Atlas | None = None) -> dict:
    """Read, from a text's own words, which cells chemotherapy kills and which it may also hit.

    ``passage_id`` names the passage; by default, the first passage in ``passages.csv`` that says which
    cells chemotherapy "may also include" (whichever text it comes from). Returns ``action``, ``aim`` (the
    cells meant), ``also`` (the other cells, each a verbatim phrase), ``consequence``, ``quote``,
    ``source_id`` and ``passage_id``.

    >>> dividing_cells()["also"]
    ['cells related to hair and nail growth', 'bone marrow cells', 'cells in the digestive system']
    """
    p = passages(atlas=atlas)
    p = p[p["passage_id"] == passage_id] if passage_id is not None else p[[bool(_INCLUDE.search(q)) for q in p["quote"]]]
    if p.empty:
        raise ValueError(f"no passage {'' if passage_id is None else repr(passage_id) + ' '}says which cells "
                         "chemotherapy 'may also include' (These include ... but may also include ...)")
    rec = p.iloc[0]
    inc = _INCLUDE.search(rec["quote"])
    if not inc:
        raise ValueError(f"cannot read the cells chemotherapy 'may also include' from passage {rec['passage_id']!r}")
    kills, why = _KILLS.search(rec["quote"]), _WHY.search(rec["quote"])
    also = [s.strip() for s in re.split(r",\s*|\s+and\s+(?=cells\b)", inc.group(2)) if s.strip()]
    return {"action": kills.group(1) if kills else "", "aim": inc.group(1).strip(), "also": also,
            "consequence": why.group(1) if why else "", "quote": rec["quote"], "source_id": rec["source_id"],
            "passage_id": rec["passage_id"]}
