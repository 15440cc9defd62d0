# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # The texts, whole
#
# **Who this is for:** nursing and medical students, their lecturers, and anyone learning on their own. No programming needed.
#
# **Read first:** [00 Start here](00_start_here.ipynb); come back here when a lesson quotes a text and you want to see what surrounds the quote.
#
# **Time:** about 45 minutes (23 to read at 150 words a minute, 18 for the tasks); opening every folded box adds about 4.
#
# **By the end you will be able to:**
#
# 1. **Appraise** each text whole: who published it, when, who paid, and everything it says, not only what the lessons quote.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("10_the_texts")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown]
# ## Why read them whole
#
# The lessons quote the texts sentence by sentence, and every quote is exact. But a quote is chosen: what comes
# before and after it, what a text leaves out, and who stands to gain all show only in the whole text. Below is
# each text exactly as the collection received it, line breaks kept, with who published it, when, who paid and
# who checked it, each marked as stated in the text or inferred by the editors.

# %%
# Each text whole, with who published it, when and who paid
mbc.lesson.texts()

# %% [markdown]
# ## Appraise it yourself
#
# Choose one text and read it whole. Write down:
#
# 1. one thing it says about treatment that no lesson quotes;
# 2. one thing a patient would need that it leaves out;
# 3. who gains if a reader acts on it, and how you can tell from the text itself.
#
# Then rate the same text with the checklist in [07 Comparing the sources](07_comparing_sources.ipynb) and compare your notes with the rating.

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("10")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    "Every quote in the lessons is exact, but a quote is chosen: read what surrounds it before you rely on it.",
    "Who published a text, when, who paid and who checked it are part of what it says; each is marked as stated in the text or inferred by the editors.",
    "What a text leaves out matters as much as what it says: silence is not an answer either way.",
])

# %% [markdown]
# Remember: these notes say what *the sources associate*; they are not advice for any patient.

# %%
# Where this lesson sits among the others
mbc.lesson.nav("10_the_texts")
