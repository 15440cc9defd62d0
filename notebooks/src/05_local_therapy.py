# ---
# jupyter:
#   kernelspec:
#     display_name: Python 3 (ipykernel)
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Local therapy: radiation and surgery
#
# **Who this is for:** nursing and medical students, their lecturers, and anyone learning on their own. No programming needed.
#
# **Read first:** [01 The big picture](01_the_big_picture.ipynb), for what *local* means.
#
# **Time:** about 65 minutes (26 to read at 150 words a minute, 36 for the tasks); opening every folded box adds about 35.
#
# **By the end you will be able to:**
#
# 1. **Compare** the places in the body the texts tie to <abbr class="mbc-term" title="radiation therapy: Treatment with high-energy beams or particles aimed at one area of the body to kill cancer cells or slow their growth." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">radiation</abbr> and those they tie to <abbr class="mbc-term" title="surgery: An operation to remove a tumor or tissue." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">surgery</abbr>.
# 2. **Explain**, in the texts' words, why radiation is often used when the cancer has spread as many small spots.
# 3. **Identify** what the texts say about how often surgery is used.

# %%
# Set up: load the texts' data and the lesson tools
import mbc_atlas as mbc

# %%
# Where this lesson sits among the others
mbc.lesson.nav("05_local_therapy")

# %%
# The note on educational use and the texts' dates
mbc.lesson.note()

# %% [markdown]
# ## Words in this lesson
#
# The editors' plain words; the last column shows which texts use each (an editors' term is one the texts do not use):

# %%
# Words used here, explained
mbc.tables.glossary_table(terms=['local therapy', 'radiation therapy', 'surgery', 'lymphangitic spread', 'bone-modifying agent', 'metastatic spinal cord compression', 'hypercalcaemia'])

# %% [markdown]
# ## Local treatment
#
# The texts call radiation and surgery local treatments. This is how they describe them:

# %%
# The texts' own words on this
mbc.lesson.cites("local_therapy-1", "systemic_vs_local-3")

# %% [markdown]
# ## Where the cancer has spread
#
# The diagram is a schematic, not anatomy. For each place the cancer can spread to, it shows whether the texts
# tie it to **radiation**, to **surgery**, or to **<abbr class="mbc-term" title="chemotherapy: Drugs that kill cells that divide rapidly, cancer cells among them." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">chemotherapy</abbr>** (included so you can see why the liver has no
# local-therapy link in the texts). A patterned box means at least one text ties the two (the number says how
# many texts); a dashed empty box means no text does.
#
# *Predict first:* for bone, brain and liver, write down whether you expect the texts to tie radiation, surgery or neither to each. Then compare with the diagram.

# %% tags=["handout"]
# Figure: where the cancer has spread, and what the texts tie to it
mbc.figures.body_sites()

# %%
# The figure above, in words
mbc.figures.body_sites_text()

# %% [markdown]
# The statements behind the diagram:

# %%
# What each text says, in its own words
mbc.tables.claims_table(["radiation", "surgery", "chemotherapy"], group="spread")

# %% [markdown]
# ## One tumor, many small spots, or spread throughout the lung
#
# One text sets a single tumor that surgery can reach against cancer that shows up as many tiny spots; another
# names cancer spread throughout the lung tissue (<abbr class="mbc-term" title="lymphangitic spread: Cancer spread through the small lymph vessels throughout the lung tissue, rather than as separate lumps." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">lymphangitic spread</abbr>), which is a different thing. Read how each
# is tied to a treatment, and note that they are not tied to the same one:

# %%
# What each text says, in its own words
mbc.tables.claims_table(about=["isolated_metastasis", "many_small_spots", "lymphangitic_spread"])

# %%
# The texts' own words on this
mbc.lesson.cites("local_therapy-3", "local_therapy-4")

# %% [markdown]
# ## Surgery is "not commonly used"

# %%
# The texts' own words on this
mbc.lesson.cites("local_therapy-2")

# %% [markdown]
# ## What the texts tell patients about side effects
#
# The sources say nothing about the <abbr class="mbc-term" title="side effect: An unwanted effect of a treatment on healthy parts of the body, such as hair loss or nausea." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">side effects</abbr> of radiation or surgery.
#
# *Predict first:* a patient with bone <abbr class="mbc-term" title="metastasis: A tumor that has grown somewhere else in the body from cells that broke away from the first cancer. Plural: metastases; the texts also say &#x27;mets&#x27;." style="text-decoration:underline dotted;text-underline-offset:3px;cursor:help">metastases</abbr> in the spine tells you her back pain is worse and her legs feel
# weak. What could it be, and how urgent is it? Then read the box.
#
# ## What a nurse needs
#
# The box below is **not from the texts**: it is the editors' teaching notes for nursing students, from
# prescribing information and guidelines, each with its source and the date it was checked. Local protocols come
# first. Here: bone health, spinal cord compression and high calcium, which go with cancer in the bones. Lecturers can print them:
# the handout of each lesson includes its nursing notes.

# %%
# Nursing notes (the editors' layer, not from the texts)
mbc.lesson.nursing("radiation")

# %% [markdown]
# ## Since the texts were written
#
# The texts are old (see the note at the top). The box below is **not from the texts**: the editors' dated list of
# what changed since, each entry with its reference. Read the texts' statements above in its light.

# %%
# Since the texts were written (the editors' layer, not from the texts)
mbc.lesson.since_then("radiation")

# %% [markdown]
# ## Apply it

# %%
# Application tasks: write your answer, then open the model answer
mbc.lesson.tasks("05")

# %% [markdown]
# ## Key points

# %%
# Key points
mbc.lesson.key_points([
    mbc.sites.sites_sentence(["radiation", "surgery"]),
    mbc.sites.site_sentence("liver"),
    ("Radiation, most commonly", "fas-14"),
    ("Surgery, sometimes", "jon-08"),
    ("How often surgery is used", "local_therapy-2"),
])

# %% [markdown] tags=["handout"]
# ## Check your understanding
#
# Try to answer each question in your own words first, then click **Show the answer**. Each answer quotes
# the text it comes from.

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Which places do the texts tie to both radiation and surgery?",
                  mbc.prose.sites_answer(["radiation", "surgery"]))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Why does the liver have no radiation or surgery link in the diagram?", mbc.prose.site_answer("liver"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Why, according to Johnson, is radiation often used?", mbc.prose.cite("jon-09"))

# %%
# A question: answer it yourself, then open the answer
mbc.lesson.reveal("Open task. Find the sentence that says how often surgery is used in metastatic breast cancer.", mbc.prose.cite("local_therapy-2"))

# %% [markdown]
# Remember: these notes say what *the sources associate*; they are not advice for any patient.

# %%
# Where this lesson sits among the others
mbc.lesson.nav("05_local_therapy")
