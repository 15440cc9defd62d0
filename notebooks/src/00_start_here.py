# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Start here: what five texts say about treating metastatic breast cancer
#
# **Who this is for:** nursing and medical students, their lecturers, and anyone learning on their own. No programming needed.
#
# **Read first:** nothing; this is the first notebook.
#
# **Time:** about 30 minutes (12 to read at 150 words a minute, 14 for the tasks); opening every folded box adds about 5.
#
# **By the end you will be able to:**
#
# 1. **Identify** who wrote or published each of the five texts, when, and who paid for it.
# 2. **Identify** which of those facts a text states about itself and which the editors inferred.
# 3. **Identify** the order in which to read the notebooks, and what each one teaches.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("00_start_here")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown]
# ## Welcome
#
# This collection walks through the five kinds of treatment for <abbr class="mbc-term" title="metastatic breast cancer: Breast cancer that has spread from the breast to distant parts of the body, such as the bones, liver, lungs or brain. Also called stage IV; &#x27;advanced breast cancer&#x27; usually means the same, though it can also mean cancer that is large or locally spread but not distant." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">metastatic breast cancer</abbr> — <abbr class="mbc-term" title="hormonal therapy: Treatment that lowers the hormones reaching the cancer or blocks them from acting on it. Also called hormone therapy, anti-estrogen or endocrine therapy." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">hormonal therapy</abbr>,
# <abbr class="mbc-term" title="chemotherapy: Drugs that kill cells that divide rapidly, cancer cells among them." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">chemotherapy</abbr>, <abbr class="mbc-term" title="targeted therapy: Drugs aimed at a specific feature of cancer cells, such as the HER2 protein, that helps them grow or survive." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">targeted therapy</abbr>, <abbr class="mbc-term" title="radiation therapy: Treatment with high-energy beams or particles aimed at one area of the body to kill cancer cells or slow their growth." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">radiation</abbr> and <abbr class="mbc-term" title="surgery: An operation to remove a tumor or tissue." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">surgery</abbr> — using **only five patient-education texts**, more than a
# decade old where their dates are known (the note above gives what is known of each). Every table and diagram is drawn from those texts, and every statement about treatment
# comes with the exact words of the text it is taken from, so you can always check it.
#
# It teaches you to *read* such texts carefully. It does not tell anyone which treatment to have: it says what
# **the sources associate** with what.

# %% [markdown] mbc={"site": "## How to use it\n\n- **This page is the collection's web copy:** nothing to install and nothing to run. Questions open their answer\n  when you click **Show the answer**; the explorer (06) and the self-check (08) work in the page itself, and\n  nothing you choose leaves your computer.\n- **In JupyterLab or on Binder** the same lessons open as notebooks; your lecturer gives you the link.\n- **In a lecture.** The lecturer projects a lesson; the tables and diagrams are sized to be read from the back\n  of the room.\n- **Words.** A word with a dotted underline shows its meaning when you point at it. Every term the texts use\n  is explained in [09 Glossary](09_glossary.ipynb); keep it open beside the lesson you are reading."}
# ## How to use it
#
# - **On Binder (nothing to install).** Open the Binder link your lecturer gives you and wait a minute or two;
#   JupyterLab opens on this notebook.
# - **In JupyterLab on your own computer.** Follow the two commands in the collection's read-me
#   (`make lab` opens this notebook).
# - **In a lecture.** The lecturer projects a notebook and runs it cell by cell; the tables and diagrams are
#   sized to be read from the back of the room.
#
# A notebook is made of **cells**: prose, tables, diagrams and, in 06 and 08, things to click. The results are
# already saved, so you can simply read. To make the explorer and the self-check respond in JupyterLab, choose
# *Run › Run All Cells* once. Questions open their answer when you click **Show the answer**.
#
# - **The code is folded away.** A little Python draws each page; it is folded so that you see the lesson, not
#   the machinery. To see it, click the three dots (…) where a cell is folded, or choose *View ▸ Expand All Code*.
# - **Words.** A word with a dotted underline shows its meaning when you point at it. Every term the texts use
#   is explained in [09 Glossary](09_glossary.ipynb); keep it open beside the lesson you are reading.

# %% [markdown]
# ## The learning path
#
# Read the notebooks in number order. Notebooks 01–05 each take one part of the picture; 06 lets you explore
# on your own; 07 compares the texts; 08 checks what you have learnt; 09 is the glossary.

# %%
# Figure: the lessons in order
mbc.lesson.learning_path()

# %%
# The figure above, in words
mbc.lesson.learning_path_text()

# %% [markdown]
# ## The five sources at a glance
#
# Before trusting a text, ask who is speaking. The table shows, for each text, what kind of publisher it
# comes from, who wrote or published it, when, who paid for it, and who reviewed it.
#
# Some of these facts are **stated in the text** itself (then they are quoted); some are **inferred** by the
# editors of this collection from other clues (shown in italics with a dashed edge); some are **not stated**
# at all. Keep the three apart: it is a habit worth having with any source.

# %%
# The texts this collection quotes
mbc.tables.sources_table()

# %% [markdown]
# Look at the *Kind of publisher* and *Who paid* columns: a drug maker's page and a fact sheet paid for by a
# company are written for a purpose, just as a nonprofit site or a personal blog is. Notebook 07 takes this
# further.
#
# ## Every statement comes with its words
#
# This is how a quote looks throughout the collection: the text's own words, and its short name beneath.
# Here are the texts' own warnings about how to use them:

# %%
# Quotes from the texts
mbc.lesson.quotes(mbc.passages("texts_own_cautions"))

# %% [markdown]
# ## The educational-use note
#
# You will see this note, with its orange bar, at the top of every lesson. It matters because the texts whose dates are known
# are more than a decade old, and treatment has changed since. Use the collection to learn how the texts reason and where they
# differ, and check current clinical guidelines for today's practice.

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("00")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    mbc.compare.sources_sentence(),
    "For each fact about a text, ask whether the text states it or the editors inferred it.",
    "Every statement about treatment comes with the quote and the text it is taken from.",
    "The collection says what the sources associate; it is not medical advice.",
])

# %% [markdown]
# ## Check your understanding
#
# Try to answer each question in your own words first, then click **Show the answer**. Each answer quotes
# the text it comes from.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which texts say who checked their medical information?", mbc.prose.fact_answer("review"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which texts carry a date, and what does each say?", mbc.prose.fact_answer("dates"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which texts name their publisher themselves, and for which did the editors infer it?",
                  mbc.prose.fact_answer("publisher"))

# %% [markdown]
# Remember: these notes say what *the sources associate*; they are not advice for any patient.

# %%
# Where this lesson sits among the others
mbc.lesson.nav("00_start_here")
