"""The comparison's content: source articles, quoted passages, topics and criteria (rows).

Visitor-visible text fields are translated into every language in settings.LANGUAGES by
django-modeltranslation (see translation.py); the original passages of the articles are not.
"""

from .articles import Quote, QuoteManager, Source
from .table import (
    Citation,
    Criterion,
    CriterionQuerySet,
    DatedNote,
    Edge,
    Hypervisor,
    Topic,
    last_updated,
)

__all__ = [
    "Citation",
    "Criterion",
    "CriterionQuerySet",
    "DatedNote",
    "Edge",
    "Hypervisor",
    "Quote",
    "QuoteManager",
    "Source",
    "Topic",
    "last_updated",
]
