"""A rule's form, as edited and not saved, against the rules as they are: the admin's "Preview impact".

The counting is pure (impact.py); this module only turns the bound form into the engine's rules and
the result into rows a template lists, with example permalinks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

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
    effect, points = rule.reading(name)
    if effect == Rule.Effect.OFF or not rule.active:
        return None
    conditions: dict[str, set[str]] = {}
    for option in options:
        conditions.setdefault(option.question.code, set()).add(option.code)
    return engine.Rule(
        code=rule.code,
        effect=effect,  # type: ignore[arg-type]
        hypervisor=rule.hypervisor if effect != Rule.Effect.WARN else "",  # type: ignore[arg-type]
        points=points,
        conditions={q: frozenset(codes) for q, codes in conditions.items()},
        order=rule.order,
    )


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


def verdict_map() -> tuple[int, list[MapRow], list[tuple[str, int, int]]]:
    """(combinations per reading, each verdict's count and share per reading, rules by use)."""
    answer_space, readings = space(), content.rules()
    total = answer_space.total
    counted = impact.outcomes(answer_space, readings)
    outcomes = sorted({o for counter in counted.values() for o in counter})
    rows = [
        MapRow(
            str(OUTCOME_NAMES[outcome]),
            tuple(
                (counted[name][outcome], 100 * counted[name][outcome] / total)
                for name in impact.READINGS
            ),
        )
        for outcome in outcomes
    ]
    used = impact.applying(answer_space, readings)
    rules = sorted(
        ((code, n["today"], n["articles"]) for code, n in used.items()),
        key=lambda row: (-row[1] - row[2], row[0]),
    )
    return total, rows, rules
