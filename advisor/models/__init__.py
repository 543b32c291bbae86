"""The advisor's content, edited in admin in every language (see translation.py).

The verdict engine never sees these models: the QuerySet methods `Question.objects.for_wizard()`
and `Rule.objects.for_engine()` turn them into the frozen dataclasses of answers.py and engine.py.
"""

from .rules import Rule, RuleQuerySet
from .wizard import RESERVED_STEP_CODES, Option, Question, QuestionQuerySet, Step, _not_reserved

__all__ = [
    "RESERVED_STEP_CODES",
    "Option",
    "Question",
    "QuestionQuerySet",
    "Rule",
    "RuleQuerySet",
    "Step",
    "_not_reserved",
]
