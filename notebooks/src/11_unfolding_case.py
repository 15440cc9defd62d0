# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 11 · An unfolding case: one patient, from new pain to a change of treatment
#
# **Who this is for:** nursing and medical students who have worked through the explorer, and lecturers who want a case
# to assign. No programming needed.
#
# **Read first:** [06 The explorer](06_explorer.ipynb) (how an answer holds for a whole selection) and
# [08 Self-check](08_self_check.ipynb) (how the cases are graded).
#
# **Time:** about 75 minutes (14 to read at 150 words a minute, 60 for the tasks); opening every folded box adds about 235.
#
# **By the end you will be able to:**
#
# 1. **Prioritise** what matters at each step of one patient's story, using the six steps of clinical judgement.
# 2. **Justify** each judgement from what the texts say, quoted, and from what current guidelines add, cited.
# 3. **Explain** why the texts' answer at each step holds only for the whole situation at that step, and where the
#    texts fall silent.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("11_unfolding_case")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown] mbc={"site": "## How the case works\n\nYou follow one woman, Ruth, through six steps. At each step:\n\n1. **Read what happens, and do the task.** Each task is one step of clinical judgement. Write your answer down first.\n2. **Answer the texts' question.** Which treatment categories do the texts associate with Ruth's situation *as it\n   stands at that step*? Choose, then press **Check my answer**: the feedback says whether you are right and shows the\n   explorer's own answer, with every quote (*Show what the texts say* gives it too). It says in plain words why\n   each optional category is optional there (choosing one is neither needed nor wrong): a\n   category is needed only when its texts speak to the course of Ruth's cancer and the places it has spread, as far\n   as any text speaks to them.\n3. **Open the answers.** First what the texts say, then the model answer and what current guidelines add. The model\n   answers are the editors', **not from the texts**, each with its source and the date it was checked.\n\nThis is an exercise in clinical reasoning and in reading patient information. It is not advice for Ruth or for\nanyone."}
# ## How the case works
#
# You follow one woman, Ruth, through six steps. At each step:
#
# 1. **Read what happens, and do the task.** Each task is one step of clinical judgement. Write your answer down first.
# 2. **Answer the texts' question.** Which treatment categories do the texts associate with Ruth's situation *as it
#    stands at that step*? Press **Check my answer**: the feedback shows the explorer's own answer, with every quote.
#    Some categories are *optional*: choosing one is neither needed nor wrong. What decides a step is every
#    characteristic of the course of her cancer and of the places it has spread that any text speaks to at that step.
#    A category is needed only when its texts speak to every one of those characteristics. A category whose texts fit
#    Ruth but leave out any one of them is optional: at steps 2 and 3 the hormonal-therapy texts name
#    <abbr class="mbc-term" title="hormone-receptor-positive: A cancer whose cells have estrogen receptors, progesterone receptors or both (ER-positive, PR-positive)." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">hormone-receptor-positive</abbr> cancer but not bone or pain from the cancer, and at step 6 they name cancer growing
#    despite <abbr class="mbc-term" title="hormonal therapy: Treatment that lowers the hormones reaching the cancer or blocks them from acting on it. Also called hormone therapy, anti-estrogen or endocrine therapy." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">hormonal therapy</abbr> but not the liver. So is a category that rests only on a text's
#    report of an approval, on something a text only implies, or on a text's own limiting words (such as “it's
#    difficult to do a <abbr class="mbc-term" title="biopsy: Taking a small piece of tissue so a laboratory can examine it, for example to test it for hormone receptors." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">biopsy</abbr>”) that nothing in the case sets. Each step's answers say which rule applied there,
#    and why.
# 3. **Open the answers.** First what the texts say, then the model answer and what current guidelines add. The model
#    answers are the editors', **not from the texts**, each with its source and the date it was checked.
#
# This is an exercise in clinical reasoning and in reading patient information. It is not advice for Ruth or for
# anyone. (In JupyterLab the questions need the notebook to be running: choose *Run > Run All Cells*.)

# %% [markdown]
# ## The six steps of clinical judgement

# %%
# The unfolding case
case = mbc.unfolding_case()

# %%
# The six steps of clinical judgement
case.steps_html()

# %% [markdown]
# ## Step 1

# %%
# Step 1: what happens, and your task
case.story("presentation")

# %% mbc={"offline": "step:presentation"}
# Step 1: the texts' question
case.show("presentation")

# %%
# Step 1: the answers (open them after you have written yours)
case.answers("presentation")

# %% [markdown]
# ## Step 2

# %%
# Step 2: what happens, and your task
case.story("rebiopsy")

# %% mbc={"offline": "step:rebiopsy"}
# Step 2: the texts' question
case.show("rebiopsy")

# %%
# Step 2: the answers (open them after you have written yours)
case.answers("rebiopsy")

# %% [markdown]
# ## Step 3

# %%
# Step 3: what happens, and your task
case.story("priorities")

# %%
# Step 3: the texts' question
case.show("priorities")

# %%
# Step 3: the answers (open them after you have written yours)
case.answers("priorities")

# %% [markdown]
# ## Step 4

# %%
# Step 4: what happens, and your task
case.story("first-line")

# %% mbc={"offline": "step:first-line"}
# Step 4: the texts' question
case.show("first-line")

# %%
# Step 4: the answers (open them after you have written yours)
case.answers("first-line")

# %% [markdown]
# ## Step 5

# %%
# Step 5: what happens, and your task
case.story("fever")

# %%
# Step 5: the texts' question
case.show("fever")

# %%
# Step 5: the answers (open them after you have written yours)
case.answers("fever")

# %% [markdown]
# ## Step 6

# %%
# Step 6: what happens, and your task
case.story("growth")

# %% mbc={"offline": "step:growth"}
# Step 6: the texts' question
case.show("growth")

# %%
# Step 6: the answers (open them after you have written yours)
case.answers("growth")

# %% [markdown]
# ## Your score
#
# The score updates each time you check an answer. Nothing leaves this computer.

# %% mbc={"offline": "score"}
# Your score
case.score

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("11")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    "The NCSBN model names six steps of clinical judgement: recognise cues, analyse cues, prioritise hypotheses, "
    "generate solutions, take action and evaluate outcomes. An unfolding case asks for them in turn as the story "
    "changes; in practice a nurse loops back through them whenever new cues appear.",
    "The texts' answer changes as the story does: at each step a statement counts only when every characteristic it "
    "needs is part of the situation, as in the explorer.",
    "Much of what a nurse must judge (a fever on treatment, night pain, what a patient fears) is something the texts' "
    "characteristics do not describe at all: there, the texts are silent, and current guidance and local protocol speak.",
    "Keep the two voices apart: the texts' words, quoted and sourced, and the editors' words, fenced, cited and dated.",
])

# %% [markdown]
# ## Check your understanding
#
# Try to answer each question in your own words first, then click **Show the answer**.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal(
    "In two steps (3 and 5) the texts' answer does not change, although a great deal happens to Ruth. Why?",
    mbc.prose.answer_html(
        "The texts' answer depends only on the characteristics the texts use: receptor and HER2 status, menopause, "
        "where the cancer has spread and its course. What changes in those steps (how bad her pain has become, a "
        "fever on treatment) is something those characteristics do not record: they note that the cancer causes "
        "pain, not how severe it is, and say nothing about fever, so their answer stays the same. "
        "The judgement a nurse makes there rests on assessment, current guidance and local protocol."))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal(
    "A category is optional in a step's answer, neither needed nor wrong. What does that tell you about the "
    "statements behind it?",
    mbc.prose.answer_html(
        "That its statements fit the situation, but its texts leave out at least one of the things that decide "
        "that step of Ruth's case (the course of her cancer, the places it has spread, her pain), where another "
        "category's texts do name them. Or that they rest only on a text reporting an approval, on something a text only implies, or on a "
        "text's own limiting words (such as \u201cit's difficult to do a biopsy\u201d) that no choice in the case "
        "sets. The feedback names which."))

# %% [markdown]
# Remember: the collection says what *the sources associate*; it is not advice for any patient.
#
# Back to the beginning: [00 Start here](00_start_here.ipynb).

# %%
# Where this lesson sits among the others
mbc.lesson.nav("11_unfolding_case")
