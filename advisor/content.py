"""The wizard and the rules as the engine's dataclasses, built once per content version.

Building them takes several queries and most of a verdict's time; they change only when an editor
saves. Every view and the API take them from here.
"""

from pagecache.version import per_version

from .answers import Wizard
from .engine import Readings
from .models import Question, Rule


@per_version
def wizard() -> Wizard:
    return Question.objects.for_wizard()


@per_version
def rules() -> Readings:
    """The rules of both readings (today's and the articles')."""
    return Rule.objects.for_engine()
