"""A rule's form, as edited and not saved, against the rules as they are: the admin's "Preview impact".

The counting is pure (impact.py); this module only turns the bound form into the engine's rules and
the result into rows a template lists, with example permalinks. The same for the "Verdict map": how
often each verdict comes out and which rules decide the most verdicts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.texts import Text
from pagecache.version import per_version

from . import content, engine, impact
from .models import Option, Rule
from .pages import OUTCOME_NAMES, verdict_url

READING_LABELS = {"today": _("Today"), "articles": _("Per the articles")}


@dataclass(frozen=True)
class Move:
    reading: str
    before: str
    after: str
    count: int
    examples: tuple[str, ...]  # permalinks of the verdict page


def engine_rule(
    rule: Rule, options: Iterable[Option], name: engine.ReadingName
) -> engine.Rule | None:
    """The rule as one reading would see it once saved; None when it would not apply."""
    decision = rule.decision(name, options) if rule.active else None
    return engine.Rule(**decision) if decision else None


def space() -> impact.Space:
    return impact.Space({code: (q.many, q.codes) for code, q in content.wizard().questions.items()})


def moves(stored_code: str | None, rule: Rule, options: Iterable[Option]) -> tuple[int, list[Move]]:
    """(all combinations, the changes of verdict) if `rule` (stored as `stored_code`) were saved."""
    options = list(options)
    before = content.rules()
    after = impact.replaced(
        impact.without(before, stored_code) if stored_code else before,
        rule.code,
        engine_rule(rule, options, "today"),
        engine_rule(rule, options, "articles"),
    )
    answer_space, wizard = space(), content.wizard()
    found = []
    for name, shift in impact.impact(answer_space, before, after).items():
        for old, new, count, examples in shift.moves():
            found.append(
                Move(
                    reading=str(READING_LABELS[name]),
                    before=str(OUTCOME_NAMES[old]),
                    after=str(OUTCOME_NAMES[new]),
                    count=count,
                    examples=tuple(verdict_url(wizard, answers) for answers in examples),
                )
            )
    return answer_space.total, found


@dataclass(frozen=True)
class MapRow:
    outcome: str
    counts: tuple[tuple[int, float], ...]  # per reading: (combinations, share in %)


@dataclass(frozen=True)
class Decider:
    """A rule and the combinations of answers whose verdict it decides in one reading."""

    code: str
    reason: Text
    url: str  # its change form
    deciding: int
    share: float  # of every combination, in %
    applying: int


@dataclass(frozen=True)
class ReadingDeciders:
    reading: str
    top: tuple[Decider, ...]  # the rules deciding the most verdicts, most first
    idle: tuple[Decider, ...]  # the rules deciding none


@dataclass(frozen=True)
class VerdictMap:
    total: int  # combinations of answers per reading
    rows: list[MapRow]  # each verdict's count and share per reading
    deciders: list[ReadingDeciders]


TOP_DECIDERS = 10


@per_version
def tallies() -> dict[engine.ReadingName, impact.Tally]:
    """Counted once per content version: the map is opened again and again between two edits."""
    return impact.tally(space(), content.rules())


def verdict_map() -> VerdictMap:
    """How often each verdict comes out, and which rules decide the most verdicts, per reading."""
    readings, total, counts = content.rules(), space().total, tallies()
    outcomes = sorted({o for counted in counts.values() for o in counted.outcomes})
    rows = [
        MapRow(
            str(OUTCOME_NAMES[outcome]),
            tuple(
                (counts[name].outcomes[outcome], 100 * counts[name].outcomes[outcome] / total)
                for name in impact.READINGS
            ),
        )
        for outcome in outcomes
    ]
    keys = dict(Rule.objects.values_list("code", "pk"))
    deciders = []
    for name in impact.READINGS:
        counted = counts[name]
        ranked = sorted(
            (
                Decider(
                    code=rule.code,
                    reason=rule.reason,
                    url=reverse("admin:advisor_rule_change", args=[keys[rule.code]]),
                    deciding=counted.deciding[rule.code],
                    share=100 * counted.deciding[rule.code] / total,
                    applying=counted.applying[rule.code],
                )
                for rule in getattr(readings, name)
                if rule.code in keys
            ),
            key=lambda decider: (-decider.deciding, decider.code),
        )
        deciding = [decider for decider in ranked if decider.deciding]
        deciders.append(
            ReadingDeciders(
                reading=str(READING_LABELS[name]),
                top=tuple(deciding[:TOP_DECIDERS]),
                idle=tuple(decider for decider in ranked if not decider.deciding),
            )
        )
    return VerdictMap(total, rows, deciders)
