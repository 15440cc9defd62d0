"""The data is faithful to the five texts: shipped byte for byte, every quote verbatim, every drug accounted for."""
import hashlib
import re
from pathlib import Path

import pytest

import mbc_atlas as mbc
from mbc_atlas.schema import SOURCE_IDS, TABLES

from .conftest import DATA

#: The SHA-256 digest of each text as received, one ``sha256sum`` line each (``sha256sum -c`` checks it too).
DIGESTS = DATA / "sources" / "SHA256SUMS"


def recorded_digests(path: Path = DIGESTS) -> dict[str, str]:
    """File name -> digest, from a ``sha256sum`` file."""
    found = {}
    for line in path.read_text(encoding="ascii").splitlines():
        digest, name = line.split(maxsplit=1)
        found[name.lstrip("*")] = digest
    return found


def unfaithful_texts(folder: Path, digests: dict[str, str]) -> list[str]:
    """The texts in ``folder`` whose bytes are not the ones recorded, or that have no digest, or are missing."""
    names = {p.name for p in folder.glob("*.txt")} | set(digests)
    return [name for name in sorted(names) if name not in digests or not (folder / name).is_file()
            or hashlib.sha256((folder / name).read_bytes()).hexdigest() != digests[name]]


def test_every_source_text_is_byte_for_byte_as_received():
    digests = recorded_digests()
    assert {f"{sid}.txt" for sid in SOURCE_IDS} <= set(digests)
    assert unfaithful_texts(DATA / "sources", digests) == []


def test_a_changed_byte_or_an_unrecorded_text_is_caught(tmp_path):
    folder = tmp_path / "sources"
    folder.mkdir()
    digests = recorded_digests()
    for name in digests:
        (folder / name).write_bytes((DATA / "sources" / name).read_bytes())
    assert unfaithful_texts(folder, digests) == []
    text = bytearray((folder / "johnson_2010.txt").read_bytes())
    text[100] ^= 1
    (folder / "johnson_2010.txt").write_bytes(bytes(text))
    (folder / "sixth.txt").write_text("A text with no digest.")
    (folder / "faslodex_site.txt").unlink()
    assert unfaithful_texts(folder, digests) == ["faslodex_site.txt", "johnson_2010.txt", "sixth.txt"]


def test_the_five_sources_are_described(atlas):
    assert set(SOURCE_IDS) <= set(mbc.sources(atlas)["source_id"])   # a lecturer may add more


def _quotes(atlas):
    for t in TABLES:
        df = atlas[t.name]
        for col, src_col in t.quotes.items():
            for i, (q, sid) in enumerate(zip(df[col], df[src_col])):
                if q:
                    yield f"{t.file}:{i + 2}:{col}", sid, q


def test_every_quote_is_verbatim_in_its_source(atlas):
    quotes = list(_quotes(atlas))
    assert len(quotes) > 100
    missing = [(where, sid) for where, sid, q in quotes if q not in atlas.texts[sid]]
    assert missing == []


def test_every_stated_source_fact_is_verbatim(atlas):
    src = mbc.sources(atlas)
    for _, rec in src.iterrows():
        for col in [c for c in src.columns if c.endswith("_basis")]:
            fact = col[: -len("_basis")]
            if rec[col] == "stated":
                parts = rec[fact].split("; ")  # several stated facts, each verbatim
                assert rec[fact] and all(p in atlas.texts[rec["source_id"]] for p in parts), (rec["source_id"], fact)


def test_stated_and_inferred_follow_the_contract(atlas):
    src = mbc.sources(atlas).set_index("source_id")
    assert src.loc["standards_of_care", "funding"] == "This fact sheet was made possible by a grant from Celgene."
    assert src.loc["faslodex_site", "publisher_basis"] == "inferred"       # the maker is not named
    assert src.loc["frankly_speaking", "publisher_basis"] == "inferred"    # Cancer Support Community
    assert src.loc["johnson_2010", "author_basis"] == "stated"
    assert (src.loc["johnson_2010", ["year_earliest", "year_latest"]] == ["2010", "2012"]).all()
    assert src.loc["standards_of_care", "year_earliest"] == "2012"
    assert src.loc["standards_of_care", "dates_basis"] == "inferred"     # "In 2012" dates an approval, not the sheet


def test_every_drug_named_in_a_text_has_a_mention(atlas):
    """Search each text for every generic and brand name: each hit must be recorded in drug_mentions.csv."""
    d = mbc.drugs(atlas)
    recorded = set(zip(mbc.drug_mentions(atlas)["generic"], mbc.drug_mentions(atlas)["source_id"]))
    names = {g: {g, b, *filter(None, w.split(";"))} for g, b, w in zip(d["generic"], d["brand"], d["brand_as_written"])}
    found = set()
    for sid, text in atlas.texts.items():
        for generic, forms in names.items():
            if any(re.search(rf"\b{re.escape(f)}\b", text, re.I) for f in forms):
                found.add((generic, sid))
    # "paclitaxel" also matches inside "albumin-bound paclitaxel": both are named by standards_of_care.
    assert found == recorded


def test_drug_counts_per_source(atlas):
    counts = mbc.drug_mentions(atlas).groupby("source_id").size().to_dict()
    assert counts == {"breastcancer_org": 5, "faslodex_site": 2, "johnson_2010": 2, "standards_of_care": 15}


def test_statement_counts_per_source(atlas):
    counts = atlas["statements"].groupby("source_id").size().to_dict()
    assert counts == {"breastcancer_org": 9, "faslodex_site": 15, "frankly_speaking": 1,
                      "johnson_2010": 7, "standards_of_care": 10}
    assert len(mbc.claims(atlas)) == sum(len(s.conditions) for s in mbc.statements(atlas))


@pytest.mark.parametrize("statement_id,conditions,category", [
    ("bco-07", ("liver",), "chemotherapy"),                                               # list item under a heading
    ("fas-06", ("hr_positive", "postmenopausal", "progressed_on_hormonal"), "hormonal"),  # one statement, not three pairs
    ("soc-05", ("hr_positive", "postmenopausal"), "hormonal"),    # aromatase inhibitors: receptor-positive from context
    ("bco-08", ("lung", "lymphangitic_spread"), "chemotherapy"),  # lymphangitic spread, not any lung metastasis
    ("jon-09", ("many_small_spots",), "radiation"),               # many tiny dots in the organ
    ("fas-16", ("bone", "painful_metastasis"), "radiation"),      # pain due to bone metastases
    ("jon-11", ("rapid_progression",), "chemotherapy"),          # the task force, implied
    ("soc-08", ("postmenopausal", "hr_positive"), "targeted"),    # everolimus boosts hormone therapy
    ("jon-08", ("isolated_metastasis",), "surgery"),
])
def test_landmark_statements(atlas, statement_id, conditions, category):
    s = {s.statement_id: s for s in mbc.statements(atlas)}[statement_id]
    assert (s.conditions, s.category) == (conditions, category)


def test_a_list_item_is_quoted_alone_under_its_heading(atlas):
    c = mbc.claims(atlas).set_index("claim_id")
    assert (c.loc["bco-07", "quote"], c.loc["bco-07", "context"]) == (
        "in the liver", "Chemotherapy is usually recommended if the cancer is:")
    assert c.loc["bco-06", "quote"] == "hormone-receptor-negative"      # one word: allowed as an item of the list


@pytest.mark.parametrize("statement_id,quote,context", [
    ("bco-06", "hormone-receptor-negative", "hormonal therapy is often the first treatment of choice for women:"),
    ("bco-07", "liver", "Chemotherapy is usually recommended if the cancer is:"),      # part of an item only
])
def test_a_short_quote_must_be_a_whole_item_of_the_list_its_heading_heads(data_copy, edit_csv, statement_id, quote,
                                                                          context):
    from mbc_atlas.load import check

    def change(df):
        i = df.index[df["statement_id"] == statement_id][0]
        df.loc[i, ["quote", "context"]] = quote, context
        return df
    edit_csv(data_copy, "statements", change)
    found = [str(p) for p in check(data_copy)]
    assert len(found) == 1, found
    assert "column 'quote': is 1 word long and is not one of the \"- \" items right under its context" in found[0]
    assert "in sources/breastcancer_org.txt" in found[0]


def test_implied_claims_say_how(atlas):
    c = atlas["statements"]
    implied = c[c["stance"] == "implied"]
    assert len(implied) > 0 and (implied["condition_note"].str.len() > 0).all()


def test_every_glossary_term_is_used_by_a_source(atlas):
    g = mbc.glossary(atlas=atlas)
    texts_terms = g[~g["editors_term"]]
    assert (texts_terms["source_ids"] != "").all()
    assert (g.loc[g["editors_term"], "source_ids"] == "").all()     # an editors' term: no text uses it
    assert {"SERM", "SERD", "CDK4/6 inhibitor", "visceral crisis"} <= set(g.loc[g["editors_term"], "term"])
    for term in ["systemic therapy", "palliative", "lymphangitic spread", "monoclonal antibody", "biopsy",
                 "aromatase inhibitor", "antiestrogen", "single-agent therapy", "combination therapy", "HER2"]:
        assert term in set(g["term"])


def test_a_list_quoted_under_its_heading_is_verbatim_around_each_gap(atlas):
    from mbc_atlas.analysis.evidence import list_quote

    listed = 0
    for s in mbc.statements(atlas):
        shown = s.context and list_quote(atlas.texts[s.source_id], s.context, [s.quote])
        if shown:
            listed += 1
            pieces = shown.split("\n[…]\n")
            assert all(p in atlas.texts[s.source_id] for p in pieces), s.statement_id
            assert pieces[0].startswith(s.context) and s.quote in pieces[-1], s.statement_id
    assert listed >= 7
