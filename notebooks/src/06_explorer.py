# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 06 · The explorer: which categories do the texts associate with a set of characteristics?
#
# **Who this is for:** nursing and medical students, self-learners, and lecturers who want to project the explorer
# in class (a lecturer can serve it alone, without code: see the instructor guide).
# **Read first:** [01 The big picture](01_the_big_picture.ipynb) (systemic and local therapy) and at least one of the lessons 02–05.
# **Time:** about 60 minutes (10 to read at 150 words a minute, 47 for the tasks); opening every folded box adds about 81.
#
# [Jump to the live explorer](#The-live-explorer)

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc
mbc.lesson.nav("06_explorer")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown]
# ## What you will be able to do
#
# 1. **Identify** which of the five treatment categories the five texts associate with a set of tumor and
#    patient characteristics, and how many texts do.
# 2. **Justify** each association with the verbatim quote that makes it, naming its source.
# 3. **Compare** what two texts say where they disagree.
# 4. **Explain** why "the sources say nothing about this" is not evidence for or against any treatment.
#
# ## How to read the explorer
#
# You choose characteristics: one value (or *not set*) for <abbr class="mbc-term" title="hormone receptor: A protein on or in a cell that the hormones estrogen or progesterone attach to. Cancers with these receptors can be stimulated to grow by the hormones." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">hormone-receptor</abbr> status, <abbr class="mbc-term" title="HER2: A protein on the surface of cells that helps them grow. Some breast cancers make too much of it (&#x27;HER2-positive&#x27;). The texts also write HER2/neu and Her2neu." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">HER2</abbr> status and menopausal
# status, and any number of places the cancer has spread and points in its course. Each statement in the
# texts holds for a set of characteristics *together*: the FASLODEX sentence, for example, is about
# <abbr class="mbc-term" title="hormone-receptor-positive: A cancer whose cells have estrogen receptors, progesterone receptors or both (ER-positive, PR-positive)." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">hormone-receptor-positive</abbr> cancer, after <abbr class="mbc-term" title="menopause: The time when a woman&#x27;s periods stop for good and the ovaries make much less estrogen. Premenopausal: before it; postmenopausal: after it." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">menopause</abbr>, after <abbr class="mbc-term" title="antiestrogen: A drug that stops estrogen from acting on cancer cells; tamoxifen is one. Also written anti-estrogen." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">antiestrogen</abbr> therapy. So for each statement that names
# something you chose, the explorer asks whether it holds for your **whole** selection:
#
# - **fits**: every characteristic the statement needs is one you chose. Only these statements count: the
#   headline, the "N of 5 texts" and the **evidence grid** are built from them alone.
# - **would fit if you also chose more**: nothing you chose contradicts it, but it needs something you have
#   not set ("it would fit if you also chose hormone-receptor-positive"). Shown apart, never counted.
# - **does not fit**: one of your choices rules it out (it is about receptor-positive cancer, you chose
#   receptor-negative). Shown apart, with the reason, so you can see why it is no evidence for your selection.
#
# "Receptor status unknown" rules nothing out: it leaves the statement waiting on the receptor status.
# For each category that fits, the explorer shows how many texts, the words they use (from "first treatment of
# choice" to "implied, not stated outright"), and every quote behind it.
#
# ## Guided scenario 1: hormone-receptor-positive, postmenopausal, spread to bone, grew despite hormonal therapy
#
# The answer below is exactly what the live explorer shows for these four choices. Open it with **Show the explorer's answer**, then a category's quotes
# with **Show the quotes**.
#
# *What to look for:* which row of the grid contributes each category; any box that says where the texts
# disagree, and who wrote each side (the kind of publisher follows each source's name).
#
# *Predict first:* before you open the answer, write down which categories you expect the texts to associate with these four choices together, and why.

# %%
# A worked example: predict first, then open the answer
mbc.scenario(["hr_positive", "postmenopausal", "bone", "progressed_on_hormonal"], folded=True)

# %% [markdown]
# ## Guided scenario 2: HER2-positive, spread to the brain
#
# *What to look for:* which categories come from the place of spread and which from the HER2 status? Compare
# the two rows of the grid. Then read the stance words: which quotes say "approved" or "implied" rather than
# "recommended", and who reports each approval?
#
# *Predict first:* before you open the answer, write down which categories you expect the texts to associate with these choices together, and why.

# %%
# A worked example: predict first, then open the answer
mbc.scenario(["her2_positive", "brain"], folded=True)

# %% [markdown]
# ## Guided scenario 3: premenopausal, hormone-receptor-positive
#
# *What to look for:* the drug list at the end. Is any drug of an associated category marked as restricted
# by a text for this selection? Each mark carries the quote that restricts it.
#
# *Predict first:* before you open the answer, write down which categories you expect the texts to associate with these choices together, and why.

# %%
# A worked example: predict first, then open the answer
mbc.scenario(["premenopausal", "hr_positive"], folded=True)

# %% [markdown]
# ## Guided scenario 4: hormone-receptor-negative, postmenopausal
#
# *Predict first:* which categories do you expect the texts to associate with receptor-negative cancer after
# menopause? Write them down, then read on.
#
# *What to look for:* the headline names only the categories with a statement that fits **both** choices.
# Several texts speak about women after menopause, but read what each of those statements is about: find them
# under *Does not fit your selection*, each with its reason. Then look at the drugs set aside at the end.

# %%
# A worked example: predict first, then open the answer
mbc.scenario(["hr_negative", "postmenopausal"], folded=True)

# %% [markdown] mbc={"site": "## The live explorer\n\nChoose characteristics below; the answer updates at once. Hover over a button to read its definition, or\nopen *What do these choices mean?* under the controls. The keyboard works too: **Tab** moves between\ncontrols, **Space** or **Enter** chooses. **Reset** clears everything.\n\nTry: change only the menopausal status in scenario 3 and watch the restricted drugs; choose *HER2-negative*\nalone; choose two places of spread and compare the last row of the grid with the rows above it."}
# ## The live explorer
#
# Choose characteristics below; the answer updates at once. Hover over a button to read its definition, or
# open *What do these choices mean?* under the controls. The keyboard works too: **Tab** moves between
# controls, **Space** or **Enter** chooses. **Reset** clears everything.
# (This needs a running kernel: in JupyterLab choose *Run > Run All Cells*; in Voila it runs by itself.)
#
# Try: change only the menopausal status in scenario 3 and watch the restricted drugs; choose *HER2-negative*
# alone; choose two places of spread and compare the last row of the grid with the rows above it.

# %% mbc={"offline": "explorer"}
# The explorer: choose characteristics, read what the texts say
mbc.explorer()

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("06")

# %% [markdown]
# ## Key points
#
# - A category counts as *associated* only when a text makes a statement that holds for your whole selection;
#   statements that would need more, or that your selection contradicts, are shown apart and never counted.
# - Every association the explorer shows rests on a verbatim quote with its source named: justify with the
#   quote, not with the count.
# - The stance words matter: "first treatment of choice", "an option" and "implied, not stated outright" are
#   not the same strength of statement.
# - Where the texts disagree the explorer shows both quotes; who wrote each text (a nonprofit, a drug maker's
#   page, a blog) is part of reading them.
# - "The sources say nothing about this" means these five texts are silent; it is not evidence for or against
#   any treatment.
#
# ## Check your understanding

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal(
    "Choose hormone-receptor-positive and premenopausal. "
    "Which drugs does the explorer mark as restricted, and which text restricts each?",
    mbc.prose.explorer_restrictions(["hr_positive", "premenopausal"]),
)

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal(
    "Choose 'Grew despite hormonal therapy'. "
    "Where do the texts disagree, and what does each side say?",
    mbc.prose.explorer_disagreements(["progressed_on_hormonal"]),
)

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal(
    "Choose HER2-negative alone. What does the explorer say, and why is that not the same "
    "as 'no treatment is associated with HER2-negative cancer'?",
    mbc.prose.silence_answer(["her2_negative"]),
)

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal(
    "You choose bone and brain. Why can the last row of the evidence grid show a smaller "
    "number than the two rows above it added together?",
    mbc.prose.answer_html("The last row counts texts with a statement that fits your whole selection. "
                          "A text whose statements name both characteristics is counted once there but once in "
                          "each row above."),
)

# %%
# Where this lesson sits among the others
mbc.lesson.nav("06_explorer")
