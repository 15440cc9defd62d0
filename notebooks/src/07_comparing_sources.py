# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Comparing the sources: who agrees, who is silent, who differs, and how far to trust them
#
# **Who this is for:** nursing and medical students, their lecturers, and anyone learning on their own. No programming needed.
#
# **Read first:** [00 Start here](00_start_here.ipynb) (who wrote the texts) and at least one of the lessons `02`–`05`;
# the [explorer](06_explorer.ipynb) helps but is not required.
#
# **Time:** about 100 minutes (61 to read at 150 words a minute, 37 for the tasks); opening every folded box adds about 47.
#
# **By the end you will be able to:**
#
# 1. **Identify** who wrote each text, for whom, when, and who paid — and which of these the text states itself.
# 2. **Compare** the five texts: where they agree, where they are silent, and where they differ, quoting both sides.
# 3. **Justify** an appraisal of each text against the JAMA benchmarks and the DISCERN questions.
# 4. **Explain** why texts of this age (see the dates in the note below) cannot tell you about treatment today.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("07_comparing_sources")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown]
# ## 1. Who wrote each text, for whom, when, and who paid
#
# Before comparing what the texts say, look at who is speaking. Each fact below says whether the **text itself states
# it** (then it is quoted) or whether the **editors of this collection inferred it** (in italics, with a dashed edge).
# "For whom" is read from the wording: every text speaks to its reader as "you".

# %%
# Who wrote each text, and for whom
mbc.tables.profiles_table()

# %% [markdown]
# *Think:* a drug maker's page and a fact sheet paid for by a drug company are written for the same readers as a
# patient's blog post. What might each writer want the reader to do?
#
# ## 2. Who agrees, who is silent, who differs
#
# Each row is a pair — a tumor or patient characteristic and a treatment category — that **at least one** text ties
# together. Each column is a text. A cell says whether that text
#
# * **ties them** (✔, on blue),
# * ties the characteristic only to **another category** (→, on yellow), or
# * says **nothing** about the characteristic (○, on white): *the sources say nothing about this*, which is not a "no".
#
# A dashed edge with **≠** marks a place where the texts differ (section 3 quotes both sides).

# %% [markdown]
# Each ✔ cell also gives the strongest way the text puts the link:

# %%
# Who ties what: the texts side by side
mbc.tables.matrix_table()

# %% [markdown]
# *Look for:* how many rows rest on a single text, and which text is the only voice on the local treatments.
# Agreement between texts is not proof: several texts can repeat the same source.
#
# ## 3. Where the texts disagree
#
# Every place where the texts differ, as the editors recorded them, with both quotes side by side. Some are
# real contradictions; others are differences of emphasis, strength or situation — read the summary, then the quotes,
# and decide for yourself.

# %%
# Where the texts disagree
mbc.lesson.disagreements()

# %% [markdown]
# ## 4. Appraising the texts: JAMA benchmarks and DISCERN
#
# Two published instruments help a reader judge health information. The **JAMA benchmarks** (Silberg, Lundberg and
# Musacchio, 1997) ask whether a web page says who wrote it, where its content comes from, who owns and pays for it,
# and when it was written. **DISCERN** (Charnock, Shepperd, Needham and Gann, 1999) asks sixteen questions about the
# reliability of a publication and the quality of its information on treatment choices.

# %%
# Two checklists for judging a health text
mbc.lesson.instruments()

# %% [markdown] mbc={"site": "### Your checklist\n\nIn JupyterLab or on Binder this part is a checklist you fill in, with your answers compared to the collection's\nreference. On this page, rate a text on paper with the two checklists above, then compare your rating with the\nreference answers and the worked rating below."}
# ### Your checklist
#
# Choose a text, recall what the lessons quote from it, then tick the JAMA benchmarks it
# meets and rate the DISCERN questions. Your summary updates as you go; your answers are kept for each text while this
# notebook runs, and nothing leaves your computer. When you are done with a text, press **Compare with the reference**.
# (This needs a running kernel: choose *Run > Run All Cells*.)

# %% mbc={"site": ""}
# Rate a text yourself
mbc.checklist()

# %% [markdown]
# ### The collection's reference answers
#
# The reference answers only what the texts let one **check**: for each JAMA benchmark, one yes/no question, answered
# from what each text states about itself. A fact the editors had to infer does not count — the
# benchmark is about what the reader can see. A text that meets a benchmark only in part (it names an author but
# not her credentials, or whom it quotes but not where to find it) does not meet it; the reference says what is missing. DISCERN needs judgement, so there is no key:
# rate one text yourself first, then compare your scores with the editors' worked rating below.

# %% tags=["handout"]
# Figure: four marks of a trustworthy health text
mbc.figures.jama_reference()

# %%
# The figure above, in words
mbc.figures.jama_reference_text()

# %% [markdown]
# ### A worked DISCERN rating
#
# *Rate first:* use the checklist above to rate the Standards of Care fact sheet on the sixteen DISCERN questions
# before you open the editors' rating. Then compare: where your score differs by two or more, find the words in the
# text that support yours.
#
# One DISCERN rule to know before you start: if question 1 scores 1 (the text states no aims), question 2
# (does it achieve its aims?) is not rated.

# %%
# A worked rating, with its reasons
mbc.lesson.discern_worked("standards_of_care")

# %% [markdown]
# *Think:* the benchmarks measure transparency, not accuracy. A text can meet all four and still be out of date — which
# brings us to the last section.
#
# ## 5. Currency: how old are these texts?

# %%
# How old the texts are
mbc.lesson.currency()

# %% [markdown]
# ### What has happened since — NOT from the five texts
#
# <div style="border:3px double #000;background:#FFF8E5;padding:8px 12px;color:#111">
# <strong>Read this as a separate source.</strong> Everything else in this collection comes from the five texts. The list
# below does not: it is a short, dated selection of treatment developments since the texts were written, each a fact
# from the reference cited beside it (US <abbr class="mbc-term" title="FDA: The U.S. Food and Drug Administration, which approves medicines for use in the United States." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">FDA</abbr> approvals; other countries' dates differ). It was compiled in 2026 and will
# itself go out of date. It is here to show <em>that</em> the texts are old, not to teach current treatment: for that,
# read current clinical guidelines.
# </div>

# %%
# Figure: when the texts date from, and what came later
mbc.figures.currency_timeline()

# %%
# The figure above, in words
mbc.figures.currency_timeline_text()

# %%
# Developments since the texts (the editors' layer, not from the texts)
mbc.tables.developments_table()

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("07")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    mbc.compare.agreement_sentence(),
    mbc.compare.disagreement_sentence(),
    mbc.appraisal.reference_sentence(),
    mbc.compare.currency_sentence(),
    "Silence is not disagreement: where a text says nothing, the collection says so rather than guess.",
])

# %% [markdown] tags=["handout"]
# ## Check your understanding
#
# Try to answer each question in your own words first, then click **Show the answer**.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which characteristic-category pair do all the texts tie together?",
                  mbc.prose.unanimous_answer())

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which text gives its date, and which text's date can only be inferred?",
                  mbc.prose.benchmark_answer("currency"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Name one treatment development since the texts were written, and say where that fact comes from.",
                  mbc.prose.development_answer())

# %% [markdown]
# Remember: the collection says what *the sources associate*; it is not advice for any patient.
#
# Next: test yourself in [08 Self-check](08_self_check.ipynb).

# %%
# Where this lesson sits among the others
mbc.lesson.nav("07_comparing_sources")
