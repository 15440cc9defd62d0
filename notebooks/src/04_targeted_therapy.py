# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Targeted therapy
#
# **Who this is for:** nursing and medical students, their lecturers, and anyone learning on their own. No programming needed.
#
# **Read first:** [03 Chemotherapy](03_chemotherapy.ipynb), and [02 Hormonal therapy](02_hormonal_therapy.ipynb) for tamoxifen.
#
# **Time:** about 85 minutes (49 to read at 150 words a minute, 36 for the tasks); opening every folded box adds about 114.
#
# **By the end you will be able to:**
#
# 1. **Explain**, in the texts' words, how <abbr class="mbc-term" title="targeted therapy: Drugs aimed at a specific feature of cancer cells, such as the HER2 protein, that helps them grow or survive." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">targeted therapy</abbr> differs from <abbr class="mbc-term" title="chemotherapy: Drugs that kill cells that divide rapidly, cancer cells among them." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">chemotherapy</abbr>.
# 2. **Identify** the drugs the texts tie to <abbr class="mbc-term" title="HER2: A protein on the surface of cells that helps them grow. Some breast cancers make too much of it (&#x27;HER2-positive&#x27;). The texts also write HER2/neu and Her2neu." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">HER2</abbr>-positive cancer.
# 3. **Explain** why one text files tamoxifen as a targeted therapy.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("04_targeted_therapy")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown]
# ## How targeted therapy works, in the texts' words
#
# The words first (the editors' plain words; the last column shows which texts use each):

# %%
# Words used here, explained
mbc.tables.glossary_table(terms=["targeted therapy", "HER2", "overexpressed", "monoclonal antibody",
                                 "tyrosine kinase inhibitor", "mTOR inhibitor", "HER2-low"])

# %% [markdown]
# Now the texts' own words:

# %%
# The texts' own words on this
mbc.lesson.cites("targeted_how-1", "targeted_how-2", "targeted_how-3", "targeted_how-4", "targeted_how-5", "targeted_how-7")

# %% [markdown]
# ## HER2 and the drugs that target it
#
# The table lists every drug the texts file under targeted therapy. Read the *Class* column: which drugs target
# HER2, and which do not? One row is a surprise that the last section explains. Check the *Brand as the texts
# write it* column for a misspelling.

# %% tags=["handout"]
# The drugs the texts name
mbc.tables.drugs_table("targeted")

# %% [markdown]
# ## When the texts turn to targeted therapy
#
# *Predict first:* which single characteristic do you expect almost every statement here to need? Write it down, then read the table.

# %%
# What each text says, in its own words
mbc.tables.claims_table("targeted")

# %% [markdown]
# ### Beside the texts: how treatment is chosen today
#
# The box below is **not from the texts**: the editors' summary of how treatment is usually chosen today for HER2-positive disease, each sentence dated and cited to a current guideline, label or trial. Read it beside the statements above: which tests and which drugs do the texts not mention, and why could they not?

# %%
# How treatment is chosen today (the editors' layer, not from the texts)
mbc.lesson.subtype("her2_positive")

# %% [markdown]
# ## Why one text files tamoxifen here
#
# In notebook 02, tamoxifen is a hormonal drug. The Standards of Care fact sheet lists it with the hormonal drugs
# too, and then calls it the first targeted therapy:

# %%
# Where the texts disagree
mbc.tables.disagreement_table("tamoxifen_category")

# %% [markdown]
# The collection files tamoxifen under <abbr class="mbc-term" title="hormonal therapy: Treatment that lowers the hormones reaching the cancer or blocks them from acting on it. Also called hormone therapy, anti-estrogen or endocrine therapy." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">hormonal therapy</abbr> and records the fact sheet's second category with its
# quote (the *Filed under* column of the table above), so you can see both rather than have one chosen for you.

# %% [markdown]
# ## What the texts tell patients about side effects
#
# One text, a fact sheet funded by a drug maker, makes a single claim about them:

# %%
# The texts' own words on this
mbc.lesson.cites("side_effects-5")

# %% [markdown]
# *Predict first:* is "fewer <abbr class="mbc-term" title="side effect: An unwanted effect of a treatment on healthy parts of the body, such as hair loss or nausea." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">side effects</abbr> than chemotherapy" the whole story for trastuzumab? Which organ would you
# monitor? Then read the box.
#
# ## What a nurse needs
#
# The box below is **not from the texts**: it is the editors' teaching notes for nursing students, from
# prescribing information and guidelines, each with its source and the date it was checked. Local protocols come
# first. For each drug class the texts name here: how it works, the common and the serious side effects, what the
# nurse monitors, what to teach the patient, and when to escalate. Lecturers can print them:
# the handout of each lesson includes its nursing notes.

# %%
# Nursing notes (the editors' layer, not from the texts)
mbc.lesson.nursing("targeted")

# %% [markdown]
# ## Since the texts were written
#
# The texts are old (see the note at the top). The box below is **not from the texts**: the editors' dated list of
# what changed since, each entry with its reference. Read the texts' statements above in its light.

# %%
# Since the texts were written (the editors' layer, not from the texts)
mbc.lesson.since_then("targeted")

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("04")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    ("How targeted drugs act", "targeted_how-5"),
    ("HER2-positive cancer", "jon-06"),
    ("Tamoxifen, in one text", "targeted_how-6"),
    "Check drug names: the texts do not always spell a brand correctly.",
])

# %% [markdown] tags=["handout"]
# ## Check your understanding
#
# Try to answer each question in your own words first, then click **Show the answer**. Each answer quotes
# the text it comes from.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which drugs do the texts tie to HER2-positive cancer?",
                  mbc.prose.claims_answer("targeted", about="her2_positive", name="drugs"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("How does the Standards of Care fact sheet write the brand of everolimus, and what is the correct spelling?",
                  mbc.prose.spelling_answer("everolimus"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Why does tamoxifen appear in both the hormonal and the targeted notebooks?",
                  mbc.prose.disagreement_answer("tamoxifen_category"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Open task. Find the sentence that says how a targeted therapy can stop HER2-positive tumor cells from growing so well, and say which text it comes from.", mbc.prose.cite("targeted_how-2"))

# %% [markdown]
# Remember: these notes say what *the sources associate*; they are not advice for any patient.

# %%
# Where this lesson sits among the others
mbc.lesson.nav("04_targeted_therapy")
