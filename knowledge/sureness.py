"""How sure the search must be before an answer speaks in a sure tone.

The gate answers from a probability of 0.5 that the first section answers the question
(``knowledge.rerank``: below it the assistant says it does not know and offers headings). Between
0.5 and ``SURE_AT`` it still shows the passage, but says that it may not be what was asked and
offers the next sections (``bot.core.answers.knowledge``). Why 0.8, measured on the retrieval
question sets (dev, heldout, everyday_tune): of the questions answered from 0.5 on, 87-89% got the
right section first, and only 56% of questions in everyday words; from 0.8 on, 96-98% (and 80%).
A wrong section in a sure tone costs more trust than a hedge on a right one. A module of its own,
without numpy, so that a figure question never imports the retriever to read one number.
"""

SURE_AT = 0.8
