# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Self-check: questions and cases
#
# **Who this is for:** nursing and medical students, their lecturers, and anyone learning on their own. No programming needed.
#
# **Read first:** the lessons [02](02_hormonal_therapy.ipynb)–[05](05_local_therapy.ipynb); the
# [explorer](06_explorer.ipynb) and [07 Comparing the sources](07_comparing_sources.ipynb) help with the cases.
#
# **Time:** about 75 minutes (9 to read at 150 words a minute, 62 for the tasks); opening every folded box adds about 10.
#
# **By the end you will be able to:**
#
# 1. **Identify** which treatment categories the texts associate with a characteristic or a combination of them.
# 2. **Justify** each answer with the quote that makes it, naming its source.
# 3. **Explain** why "the sources say nothing about this" can be the right answer.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("08_self_check")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown] mbc={"site": "## How it works\n\nChoose your answer, then press **Check my answer**. The feedback says whether you are right, what you left out or added,\nand *why*, quoting the texts. You can change your answer and check again; your score at the end counts your latest\nanswer to each question. Nothing you enter leaves your computer.\n\nNo answer key is typed in by hand: each key comes from the quotes themselves, so if a lecturer corrects or adds\na quote, the keys and the feedback follow."}
# ## How it works
#
# Choose your answer, then press **Check my answer**. The feedback says whether you are right, what you left out or added,
# and *why*, quoting the texts. You can change your answer and check again; your score at the end counts your latest
# answer to each question. Nothing you enter leaves your computer. (In JupyterLab the questions need the notebook to be running: choose
# *Run > Run All Cells*. On the collection's web pages they work as they are.)
#
# No answer key is typed in by hand: each key comes from the quotes themselves, so if a lecturer corrects or adds
# a quote, the keys and the feedback follow.

# %%
# The self-check
check = mbc.self_check()

# %% [markdown]
# ## Part 1: questions

# %% [markdown]
# ### Question 1

# %% mbc={"offline": "quiz:systemic_categories"}
# A question
check.show("systemic_categories")

# %% [markdown]
# ### Question 2

# %% mbc={"offline": "quiz:radiation_scope"}
# A question
check.show("radiation_scope")

# %% [markdown]
# ### Question 3

# %% mbc={"offline": "quiz:her2_positive_categories"}
# A question
check.show("her2_positive_categories")

# %% [markdown]
# ### Question 4

# %% mbc={"offline": "quiz:her2_negative_categories"}
# A question
check.show("her2_negative_categories")

# %% [markdown]
# ### Question 5

# %% mbc={"offline": "quiz:only_after_menopause"}
# A question
check.show("only_after_menopause")

# %% [markdown]
# ### Question 6

# %% mbc={"offline": "quiz:maker_after_antiestrogen"}
# A question
check.show("maker_after_antiestrogen")

# %% [markdown]
# ### Question 7

# %% mbc={"offline": "quiz:tamoxifen_second_category"}
# A question
check.show("tamoxifen_second_category")

# %% [markdown]
# ### Question 8

# %% mbc={"offline": "quiz:who_paid"}
# A question
check.show("who_paid")

# %% [markdown]
# ## Part 2: cases
#
# Each case describes a situation by its tumor and patient characteristics. Choose every treatment category the texts
# associate with the **whole** situation — a statement counts only when every characteristic it needs is in the case,
# as in the explorer — or "None" if no statement fits. The feedback shows the explorer's own answer: each category with
# the texts and quotes behind it, the statements that would need more or that the case rules out (each with its reason),
# any disagreement between the texts, and any drug that does not suit the case as the texts put it. A category that
# rests only on a statement the text implies is optional: the feedback names it, and it is not marked wrong either way. These are exercises in reading the texts, not patient advice.

# %% [markdown]
# ### Case 1

# %% mbc={"offline": "quiz:case_after_tamoxifen"}
# A question
check.show("case_after_tamoxifen")

# %% [markdown]
# ### Case 2

# %% mbc={"offline": "quiz:case_her2_after_trastuzumab"}
# A question
check.show("case_her2_after_trastuzumab")

# %% [markdown]
# ### Case 3

# %% mbc={"offline": "quiz:case_premenopausal_bone"}
# A question
check.show("case_premenopausal_bone")

# %% [markdown]
# ### Case 4

# %% mbc={"offline": "quiz:case_negative_liver"}
# A question
check.show("case_negative_liver")

# %% [markdown]
# ### Case 5

# %% mbc={"offline": "quiz:case_single_brain"}
# A question
check.show("case_single_brain")

# %% [markdown]
# ### Case 6

# %% mbc={"offline": "quiz:case_her2_negative"}
# A question
check.show("case_her2_negative")

# %% [markdown]
# ## Part 3: a patient brings you this leaflet
#
# Not scored: a conversation to rehearse, alone or in pairs. A woman with <abbr class="mbc-term" title="metastatic breast cancer: Breast cancer that has spread from the breast to distant parts of the body, such as the bones, liver, lungs or brain. Also called stage IV; &#x27;advanced breast cancer&#x27; usually means the same, though it can also mean cancer that is large or locally spread but not distant." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">metastatic breast cancer</abbr> brings you the
# *Standards of Care* fact sheet and a printout of the Frankly Speaking page, and asks what you think. First, the
# texts' own words: the questions the Frankly Speaking page suggests she ask her doctor, and the line at the foot of
# the fact sheet.

# %%
# The texts' own words on this
mbc.lesson.cites("talking-1", "talking-2")

# %% [markdown]
# Write your own answer to each question before you open the model answer. The model answers are the editors',
# **not from the texts**, each with the source it draws on. Take care: some of you may have lived this, as a patient
# or beside one.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal(
    "She asks: which of these questions should I take to my oncologist? What would you help her prepare?",
    mbc.lesson.editors_answer(
        "Help her write her own questions down and bring them, starting from the four on the page (where to start, "
        "when to switch, how she will know a treatment works, and whether a clinical trial suits her). Add two of "
        "yours: how old is this leaflet, and has treatment changed since? Her oncologist knows her case; the "
        "leaflet does not. Encouraging questions is one of the health-literacy tools for any patient.",
        "Brega AG, Barnard J, Mabachi NM, et al. AHRQ Health Literacy Universal Precautions Toolkit, 2nd edition. Agency for Healthcare Research and Quality, 2015: Tool 5, Use the Teach-Back Method. (Tool 14, Encourage Questions)", "2026-11-30", "2027-11-30"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal(
    "You explain that her treatment now aims to control the cancer and keep her well for as long as possible. "
    "How do you check that she understood, without quizzing her?",
    mbc.lesson.editors_answer(
        "Use teach-back: ask her to explain it back in her own words, framed as a check on your explaining, not "
        "on her (for example: 'I want to be sure I explained that clearly: how would you tell your daughter what "
        "this treatment is for?'). If anything is missed, explain again in other words and check again.",
        "Brega AG, Barnard J, Mabachi NM, et al. AHRQ Health Literacy Universal Precautions Toolkit, 2nd edition. Agency for Healthcare Research and Quality, 2015: Tool 5, Use the Teach-Back Method.", "2026-11-30", "2027-11-30"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal(
    "One text quotes a line calling treatment for metastatic disease 'palliative in intent'. How might she hear "
    "the word 'palliative', and what would you say?",
    mbc.prose.cite("goal-3") + mbc.lesson.editors_answer(
        "Many people hear 'palliative' as 'nothing more can be done' or 'the last weeks of life'. Palliative care "
        "aims at quality of life and the relief of pain and other symptoms; it can start early in the illness and "
        "go alongside treatment that controls the cancer. Ask what the word means to her before you explain.",
        "World Health Organization. WHO definition of palliative care (2002).", "2026-11-30", "2027-11-30"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal(
    "The fact sheet was paid for by a drug maker whose drug it names. How do you talk about that without "
    "telling her the leaflet is worthless?",
    mbc.lesson.editors_answer(
        "Name it plainly and without alarm: the sheet says who paid for it, which is a good sign, and the "
        "company made one of the drugs it lists. Funding does not make a leaflet wrong; it is one reason to read "
        "it beside other sources, to check its date, and to ask her oncologist. The appraisal questions in "
        "notebook 07 (who wrote it, when, who paid, what it leaves out) are ones she can use too.",
        "Charnock D, Shepperd S, Needham G, Gann R. DISCERN: an instrument for judging the quality of written consumer health information on treatment choices. J Epidemiol Community Health 1999;53:105-111; Silberg WM, Lundberg GD, Musacchio RA. Assessing, controlling, and assuring the quality of medical information on the Internet. JAMA 1997;277:1244-1245.", "2026-11-30", "2027-11-30"))

# %% [markdown]
# ## Your score
#
# The score updates each time you check an answer.

# %% mbc={"offline": "score"}
# Your score
check.score

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("08")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    "A category counts as associated only when a text makes a statement that holds for the whole situation; "
    "statements that need more, or that the situation rules out, are shown apart.",
    "Justify with the quote, not the count: a single text can be the only voice on a link.",
    mbc.quiz.silent_sentence(),
    mbc.compare.disagreement_sentence() + " Notebook 07 quotes both sides of each.",
])

# %% [markdown]
# ## Check your understanding
#
# Try to answer each question in your own words first, then click **Show the answer**.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Why is \"None: the sources say nothing about this\" sometimes the right answer, and where?",
                  mbc.prose.answer_html(mbc.quiz.silent_sentence()))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Where do the answer keys of this self-check come from?",
                  mbc.prose.answer_html("From the quotes themselves: each question is built from the collection's tables of quotes, and each case key is the explorer's answer for the case's characteristics, worked out the same way. If a lecturer corrects a quote, the key follows."))

# %% [markdown]
# Remember: the collection says what *the sources associate*; it is not advice for any patient.
#
# Next: look up any word you met in [09 Glossary](09_glossary.ipynb).

# %%
# Where this lesson sits among the others
mbc.lesson.nav("08_self_check")
