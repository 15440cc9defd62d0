# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Hormonal therapy
#
# **Who this is for:** nursing and medical students, their lecturers, and anyone learning on their own. No programming needed.
#
# **Read first:** [01 The big picture](01_the_big_picture.ipynb), for systemic and local treatment.
#
# **Time:** about 95 minutes (58 to read at 150 words a minute, 36 for the tasks); opening every folded box adds about 102.
#
# **By the end you will be able to:**
#
# 1. **Explain**, in the texts' words, why <abbr class="mbc-term" title="hormone receptor: A protein on or in a cell that the hormones estrogen or progesterone attach to. Cancers with these receptors can be stimulated to grow by the hormones." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">hormone receptors</abbr> matter for <abbr class="mbc-term" title="hormonal therapy: Treatment that lowers the hormones reaching the cancer or blocks them from acting on it. Also called hormone therapy, anti-estrogen or endocrine therapy." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">hormonal therapy</abbr>.
# 2. **Identify** the hormonal drugs the texts name, by generic and brand name.
# 3. **Identify** the situations in which the texts turn to hormonal therapy.
# 4. **Compare** two texts that disagree about what comes after hormonal therapy stops working.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("02_hormonal_therapy")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown]
# ## Hormone receptors
#
# The words first (the editors' plain words; the last column shows which texts use each):

# %%
# Words used here, explained
mbc.tables.glossary_table(terms=["hormone receptor", "hormone-receptor-positive", "hormone-receptor-negative", "estrogen", "progesterone"])

# %% [markdown]
# Here is how the texts put it:

# %%
# Quotes from the texts
mbc.lesson.quotes(mbc.passages("hormone_receptors"))

# %% [markdown]
# When the receptor status is not known, two texts take different approaches:

# %%
# Where the texts disagree
mbc.tables.disagreement_table("unknown_receptor_status")

# %% [markdown]
# The words first:

# %%
# Words used here, explained
mbc.tables.glossary_table(terms=['antiestrogen', 'aromatase inhibitor', 'menopause', 'SERM', 'SERD', 'ovarian function suppression'])

# %% [markdown]
# ## The hormonal drugs
#
# Every drug has a **generic name** (Breastcancer.org calls it the "chemical name") and a **brand name** given by
# its maker, written with a capital letter. The texts mix the two, and do
# not always spell brands the same way, so the table shows both. Look at the *Restriction* column: the texts
# tie some of these drugs only to women who have gone through <abbr class="mbc-term" title="menopause: The time when a woman&#x27;s periods stop for good and the ovaries make much less estrogen. Premenopausal: before it; postmenopausal: after it." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">menopause</abbr>, and the column quotes them.

# %% tags=["handout"]
# The drugs the texts name
mbc.tables.drugs_table("hormonal")

# %% [markdown]
# ## When the texts turn to hormonal therapy
#
# The next table lists every statement that ties a characteristic to hormonal therapy. The column *How the text
# puts it* matters: "first treatment of choice" is stronger than "an option". These are the words used, strongest
# first:
#
# *Predict first:* before you read the table, write down two situations in which you expect the texts to turn to hormonal therapy, and one in which you expect them not to. Then check each against the table.

# %%
# How firmly the texts put things
mbc.lesson.stance_words()

# %%
# What each text says, in its own words
mbc.tables.claims_table("hormonal")

# %% [markdown]
# ## Where the texts disagree: when hormonal therapy stops working
#
# What comes next when the cancer grows despite hormonal therapy? Two texts point in different directions. Read
# both, and look at the first row: **who is speaking**. The FASLODEX site is the drug maker's own page, and the
# hormonal drug it names is its own product.

# %%
# Where the texts disagree
mbc.tables.disagreement_table("after_hormonal_stops")

# %% [markdown]
# The collection does not pick a side: it shows both, with who wrote them. Notebook 07 compares the texts further.

# %% [markdown]
# ### Beside the texts: how treatment is chosen today
#
# The box below is **not from the texts**: the editors' summary of how treatment is usually chosen today for <abbr class="mbc-term" title="hormone-receptor-positive: A cancer whose cells have estrogen receptors, progesterone receptors or both (ER-positive, PR-positive)." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">hormone-receptor-positive</abbr>, <abbr class="mbc-term" title="HER2: A protein on the surface of cells that helps them grow. Some breast cancers make too much of it (&#x27;HER2-positive&#x27;). The texts also write HER2/neu and Her2neu." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">HER2</abbr>-negative disease, each sentence dated and cited to a current guideline, label or trial. Read it beside the statements above: which tests and which drugs do the texts not mention, and why could they not?

# %%
# How treatment is chosen today (the editors' layer, not from the texts)
mbc.lesson.subtype("hr_positive_her2_negative")

# %% [markdown]
# ## What the texts tell patients about side effects
#
# The texts say little. In their own words:

# %%
# The texts' own words on this
mbc.lesson.cites("side_effects-1", "side_effects-2")

# %% [markdown]
# *Predict first:* before you open the box below, write down two <abbr class="mbc-term" title="side effect: An unwanted effect of a treatment on healthy parts of the body, such as hair loss or nausea." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">side effects</abbr> of tamoxifen and two of the aromatase
# inhibitors that you would watch for. Then compare.
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
mbc.lesson.nursing("hormonal")

# %% [markdown]
# ## Since the texts were written
#
# The texts are old (see the note at the top). The box below is **not from the texts**: the editors' dated list of
# what changed since, each entry with its reference. Read the texts' statements above in its light.

# %%
# Since the texts were written (the editors' layer, not from the texts)
mbc.lesson.since_then("hormonal")

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("02")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    ("Why receptors matter", "hormone_receptors-1"),
    ("Hormone-receptor-positive cancer", "bco-01"),
    ("Menopause and the choice of drug", "soc-05"),
    mbc.evidence.disagreement("after_hormonal_stops").summary,
])

# %% [markdown] tags=["handout"]
# ## Check your understanding
#
# Try to answer each question in your own words first, then click **Show the answer**. Each answer quotes
# the text it comes from.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which hormonal drugs do the texts restrict for women before menopause, and in whose words?",
                  mbc.prose.restricted_answer("hormonal", "premenopausal"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("What does the FASLODEX site call the best way to predict a woman's response to hormonal treatment?",
                  mbc.prose.cite("fas-03"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Two texts disagree about what comes after hormonal therapy stops working. Who is each, and what does each say?",
                  mbc.prose.disagreement_answer("after_hormonal_stops"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Open task. Find the sentence in which a text says the choice of hormonal treatment depends on whether a woman is premenopausal or postmenopausal.", mbc.prose.cite("fas-04"))

# %% [markdown]
# Remember: these notes say what *the sources associate*; they are not advice for any patient.

# %%
# Where this lesson sits among the others
mbc.lesson.nav("02_hormonal_therapy")
