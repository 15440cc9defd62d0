# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The big picture: goals, and systemic versus local treatment
#
# **Who this is for:** nursing and medical students, their lecturers, and anyone learning on their own. No programming needed.
#
# **Read first:** [00 Start here](00_start_here.ipynb), for who wrote the five texts.
#
# **Time:** about 40 minutes (17 to read at 150 words a minute, 22 for the tasks); opening every folded box adds about 8.
#
# **By the end you will be able to:**
#
# 1. **Explain**, in the texts' words, what the goal of treatment becomes once breast cancer has spread.
# 2. **Compare** <abbr class="mbc-term" title="systemic therapy: Treatment that travels through the bloodstream and reaches cells all over the body (whole-body treatment). Hormonal therapy, chemotherapy and targeted therapy are systemic." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">systemic</abbr> and local treatment, and name the categories in each.
# 3. **Identify** what the texts say guides the choice of treatment.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("01_the_big_picture")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown]
# ## What "metastatic" means for the goal of treatment
#
# Start with the words. The meanings are the editors' plain words; the last column shows which texts use each.

# %%
# Words used here, explained
mbc.tables.glossary_table(terms=["metastatic breast cancer", "metastasis", "curative", "palliative", "quality of life",
                                 "systemic therapy", "local therapy", "hormone receptor", "HER2"])

# %% [markdown]
# Now read how the texts describe the **goal of treatment** once the cancer has spread. Notice the words
# *control*, *<abbr class="mbc-term" title="quality of life: How well a person feels and manages day to day: physically, emotionally and socially." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">quality of life</abbr>* and *<abbr class="mbc-term" title="palliative: Aimed at controlling the disease, easing symptoms and improving quality of life rather than at cure." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">palliative</abbr>*, and notice who says what.

# %%
# Quotes from the texts
mbc.lesson.quotes(mbc.passages("goal"))

# %% [markdown]
# ## Systemic or local
#
# The texts sort treatments into two kinds. **Systemic** treatment travels through the body; **local**
# treatment acts on one area. Each row below gives a category's scope with the sentence that says so.

# %%
# The treatment categories
mbc.tables.categories_table()

# %% [markdown]
# Other texts say the same in their own ways:

# %%
# Quotes from the texts
mbc.lesson.quotes(mbc.passages("systemic_vs_local"))

# %% [markdown]
# The diagram groups the five categories the same way. Each box lists the drugs the texts file under the
# category and how many texts tie the category to a tumor or patient characteristic.

# %% tags=["handout"]
# Figure: the treatment categories
mbc.figures.category_map()

# %%
# The figure above, in words
mbc.figures.category_map_text()

# %% [markdown]
# ## What guides the choice
#
# The texts give no single rule. Read what they say the choice depends on:

# %%
# Quotes from the texts
mbc.lesson.quotes(mbc.passages("what_guides_choice"))

# %% [markdown]
# ## The evidence at a glance
#
# The rest of the collection follows the characteristics the texts mention: <abbr class="mbc-term" title="hormone receptor: A protein on or in a cell that the hormones estrogen or progesterone attach to. Cancers with these receptors can be stimulated to grow by the hormones." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">hormone receptors</abbr>, <abbr class="mbc-term" title="HER2: A protein on the surface of cells that helps them grow. Some breast cancers make too much of it (&#x27;HER2-positive&#x27;). The texts also write HER2/neu and Her2neu." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">HER2</abbr>,
# <abbr class="mbc-term" title="menopause: The time when a woman&#x27;s periods stop for good and the ovaries make much less estrogen. Premenopausal: before it; postmenopausal: after it." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">menopause</abbr>, where the cancer has spread, and the course of the disease. Each number counts **how many of the
# texts** tie that characteristic to that category (a blank means none). A count is not a strength: notebooks
# 02–05 show *how* each text puts it, with the quote.

# %%
# Overview: how many texts tie each characteristic to each category
mbc.tables.evidence_overview()

# %% [markdown]
# Where a row is empty the collection says so plainly — **the sources say nothing about this** — rather than
# guess.

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("01")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    ("The goal, once cancer has spread", "goal-1"),
    ("The goal, in the National Cancer Institute's words as one text quotes them", "goal-3"),
    mbc.evidence.scope_sentence(),
    ("What guides the choice", "what_guides_choice-2"),
])

# %% [markdown] tags=["handout"]
# ## Check your understanding
#
# Try to answer each question in your own words first, then click **Show the answer**. Each answer quotes
# the text it comes from.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("In the texts' words, how does the goal of treatment change once the cancer has spread to distant organs?",
                  mbc.prose.cite("goal-2") + mbc.prose.cite("goal-3"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which categories do the texts call local, and in which words?", mbc.prose.scope_answer("local"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which characteristic does no text tie to any treatment category?", mbc.prose.silent_answer())

# %% [markdown]
# Remember: these notes say what *the sources associate*; they are not advice for any patient.

# %%
# Where this lesson sits among the others
mbc.lesson.nav("01_the_big_picture")
