# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Glossary
#
# **Who this is for:** nursing and medical students, their lecturers, and anyone learning on their own. No programming needed.
#
# **Read first:** nothing in particular; come back here whenever a word is new.
#
# **Time:** about 30 minutes (18 to read at 150 words a minute, 12 for the tasks); opening every folded box adds about 4.
#
# **By the end you will be able to:**
#
# 1. **Identify** what a word in the texts means, in plain language.
# 2. **Identify** which of the five texts use a word, and how they write it.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("09_glossary")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown] mbc={"site": "## Search\n\nUse your browser's *Find* (Ctrl+F, or \u2318F on a Mac) to look up a word in the table below. The meanings are the editors' plain words; *As the texts write it* gives\nthe forms found in the texts, and *Used by* the texts that use them."}
# ## Search
#
# Type a word in the box (run the cell first if the box does not show). Matching terms appear below it, searched
# in both the terms and their meanings. The meanings are the editors' plain words; *As the texts write it* gives
# the forms found in the texts, and *Used by* the texts that use them.

# %% mbc={"site": ""}
# Look up a word
mbc.glossary_browser()

# %% [markdown]
# ## All terms
#
# The full glossary, so it also reads without running anything:

# %%
# Words used here, explained
mbc.tables.glossary_table()

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("09")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    "The meanings are the editors' plain words; the texts' own words are in the quotes of notebooks 01-05.",
    "The same idea can be written in several ways (HER2, HER2/neu, Her2neu): the glossary lists the forms.",
    f"The glossary has {len(mbc.glossary())} terms; the search looks in the meanings too.",
])

# %% [markdown]
# ## Check your understanding
#
# Try to answer each question in your own words first, then click **Show the answer**. Each answer quotes
# the text it comes from.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("What does \"palliative\" mean, and which text uses it?", mbc.prose.term_answer("palliative"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which texts use the word \"biopsy\", and in which sentences?", mbc.prose.term_answer("biopsy"))

# %% [markdown]
# Remember: these notes say what *the sources associate*; they are not advice for any patient.

# %%
# Where this lesson sits among the others
mbc.lesson.nav("09_glossary")
