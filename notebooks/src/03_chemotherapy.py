# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Chemotherapy
#
# **Who this is for:** nursing and medical students, their lecturers, and anyone learning on their own. No programming needed.
#
# **Read first:** [02 Hormonal therapy](02_hormonal_therapy.ipynb), for hormone receptors and for what comes after hormonal therapy stops working.
#
# **Time:** about 80 minutes (50 to read at 150 words a minute, 30 for the tasks); opening every folded box adds about 71.
#
# **By the end you will be able to:**
#
# 1. **Identify** the situations in which the texts turn to <abbr class="mbc-term" title="chemotherapy: Drugs that kill cells that divide rapidly, cancer cells among them." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">chemotherapy</abbr>.
# 2. **Compare** <abbr class="mbc-term" title="single-agent therapy: Chemotherapy with one drug at a time." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">single-agent</abbr> and combination chemotherapy as the texts describe them.
# 3. **Explain**, in the text's words, why chemotherapy's <abbr class="mbc-term" title="side effect: An unwanted effect of a treatment on healthy parts of the body, such as hair loss or nausea." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">side effects</abbr> show up where they do.
# 4. **Identify** the chemotherapy drug classes the texts name.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("03_chemotherapy")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown]
# ## Words in this lesson
#
# The editors' plain words; the last column shows which texts use each (an editors' term is one the texts do not use):

# %%
# Words used here, explained
mbc.tables.glossary_table(terms=['chemotherapy', 'single-agent therapy', 'combination therapy', 'cycle', 'intravenous', 'bone marrow', 'taxane', 'anthracycline'])

# %% [markdown]
# ## What chemotherapy is, in the texts' words

# %%
# Quotes from the texts
mbc.lesson.quotes(mbc.passages("chemotherapy_how"))

# %% [markdown]
# ## When the texts turn to chemotherapy
#
# Each row ties a characteristic to chemotherapy, grouped by characteristic. Read the *Conditions* column too:
# some statements are only implied, and it says how; some report what another body said, and it names it.
#
# *Predict first:* which three characteristics do you expect the texts to tie to chemotherapy? Write them down, then read the table.

# %%
# What each text says, in its own words
mbc.tables.claims_table("chemotherapy")

# %% [markdown]
# ### Beside the texts: how treatment is chosen today
#
# The box below is **not from the texts**: the editors' summary of how treatment is usually chosen today for triple-negative disease, each sentence dated and cited to a current guideline, label or trial. Read it beside the statements above: which tests and which drugs do the texts not mention, and why could they not?

# %%
# How treatment is chosen today (the editors' layer, not from the texts)
mbc.lesson.subtype("triple_negative")

# %% [markdown]
# ## One drug at a time, or several together
#
# The texts describe two ways of giving chemotherapy:

# %%
# The texts' own words on this
mbc.lesson.cites("chemotherapy_schedule-1", "chemotherapy_schedule-5")

# %% [markdown]
# One text quotes a task force of European doctors that prefers one drug at a time, except in some situations,
# and a study it reports:

# %%
# The texts' own words on this
mbc.lesson.cites("chemotherapy_schedule-3", "chemotherapy_schedule-4")

# %% [markdown]
# Put side by side, the two texts differ in emphasis:

# %%
# Where the texts disagree
mbc.tables.disagreement_table("single_or_combination")

# %% [markdown]
# ## Cycles and rest
#
# One text explains <abbr class="mbc-term" title="cycle: A period of treatment followed by a rest period, repeated; chemotherapy is given in cycles." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">cycles</abbr>, and the rest periods between them:

# %%
# The texts' own words on this
mbc.lesson.cites("chemotherapy_schedule-2")

# %% [markdown]
# ## Why side effects follow rapidly dividing cells
#
# Why does chemotherapy cause side effects in some parts of the body? One text explains it. Every label in this
# diagram is a phrase of that text; the quote follows the diagram.

# %%
# Figure: side effects the texts name
mbc.figures.side_effects()

# %%
# The texts' own words on this
mbc.lesson.cites(mbc.sites.dividing_cells()["passage_id"])

# %%
# The figure above, in words
mbc.figures.side_effects_text()

# %% [markdown]
# ## The chemotherapy drugs, by class
#
# The fact sheet groups its chemotherapy drugs into **classes** (such as <abbr class="mbc-term" title="taxane: A group of chemotherapy drugs (paclitaxel, docetaxel, albumin-bound paclitaxel) that act on microtubules (promoting their assembly) so that dividing cells are arrested and die." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">taxanes</abbr>), and names each class itself,
# except in one case: read the *Class named by* and *Editors' note* columns.

# %% tags=["handout"]
# The drug classes
mbc.tables.drug_classes_table("chemotherapy")

# %% [markdown]
# ## What the texts tell patients about side effects
#
# One text explains where chemotherapy's side effects come from (the diagram above), and why rest periods
# between cycles matter:

# %%
# The texts' own words on this
mbc.lesson.cites("side_effects-4")

# %% [markdown]
# *Predict first:* a patient on docetaxel rings the ward with a temperature of 38.5 °C. What do you suspect, and how
# fast must it be acted on? Write your answer, then read the box.
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
mbc.lesson.nursing("chemotherapy")

# %% [markdown]
# ## Since the texts were written
#
# The texts are old (see the note at the top). The box below is **not from the texts**: the editors' dated list of
# what changed since, each entry with its reference. Read the texts' statements above in its light.

# %%
# Since the texts were written (the editors' layer, not from the texts)
mbc.lesson.since_then("chemotherapy")

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("03")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    ("When one text usually recommends it", "chemotherapy_when-1"),
    ("One drug or several", "chemotherapy_schedule-1"),
    ("Rest between cycles", "chemotherapy_schedule-2"),
    ("Why side effects appear where they do", "chemotherapy_how-1"),
])

# %% [markdown] tags=["handout"]
# ## Check your understanding
#
# Try to answer each question in your own words first, then click **Show the answer**. Each answer quotes
# the text it comes from.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("For which situations does Breastcancer.org say chemotherapy is usually recommended?",
                  mbc.prose.claims_answer("chemotherapy", source_id="breastcancer_org", stance="usually_recommended"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("When does the task force quoted by Johnson call single-agent therapy preferable?",
                  mbc.prose.cite("chemotherapy_schedule-3"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Do rest periods between cycles make chemotherapy less effective, according to Frankly Speaking?",
                  mbc.prose.cite("chemotherapy_schedule-2"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which chemotherapy drug's class do the texts not give, and why does it matter?",
                  mbc.prose.class_note_answer("chemotherapy"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Open task. Find the sentence in which a text says chemotherapy is sometimes used when the cancer is not expected to respond to hormonal treatment.", mbc.prose.cite("fas-12"))

# %% [markdown]
# Remember: these notes say what *the sources associate*; they are not advice for any patient.

# %%
# Where this lesson sits among the others
mbc.lesson.nav("03_chemotherapy")
