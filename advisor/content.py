"""The wizard and the rules as the engine's dataclasses, built once per content version.

Building them takes several queries and most of a verdict's time; they change only when an editor
saves. Every view and the API take them from here.
"""

from typing import Any

from pagecache.version import per_version

from .answers import Wizard
from .models import Question, Rule
from .verdict import Rule as EngineRule


@per_version
def wizard(**options: Any) -> Wizard:
    return Question.objects.for_wizard(**options)


@per_version
def rules(**options: Any) -> tuple[EngineRule, ...]:
    return Rule.objects.for_engine(**options)
