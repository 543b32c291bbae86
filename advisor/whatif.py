"""What would change a verdict: single answer changes and the warnings worth finding out first.

Both ask the engine (`decide()`) again with one answer changed; the verdict page shows them when
nothing tips the balance ("What would change this verdict") and near the top ("Find out first").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .engine import HYPERVISORS, Answers, Outcome, Rule, RuleSet, Verdict, decide, decide_outcome


@dataclass(frozen=True)
class Change:
    """One answer changed, and the verdict it would give."""

    question: str
    options: frozenset[str]
    outcome: Outcome


def overturning(
    answers: Answers,
    rules: Sequence[Rule],
    options: Mapping[str, Sequence[str]],
    current: Verdict | None = None,
) -> frozenset[str]:
    """The warnings whose "I don't know" answer, once known, could change the verdict.

    A warning fires on an unknown answer; if any other answer to that question gives another
    verdict, finding out matters and the page says so near the top. `current`: the verdict for
    `answers` under `rules`, when the caller has it.
    """
    rules = rules if isinstance(rules, RuleSet) else RuleSet(rules)
    current = current or decide(answers, rules)
    found = set()
    for warning in current.warnings:
        for question, unknown in warning.conditions.items():
            others = [o for o in options.get(question, ()) if o not in unknown]
            if any(
                decide_outcome({**answers, question: frozenset({o})}, rules)[0] != current.outcome
                for o in others
            ):
                found.add(warning.code)
    return frozenset(found)


def changes(
    answers: Answers,
    rules: Sequence[Rule],
    options: Mapping[str, Sequence[str]],
    current: Verdict | None = None,
) -> tuple[Change, ...]:
    """Single answer changes that would turn a `none` verdict into another one.

    For each answered question: every other option instead of the answer, and (for a question
    with several options answered) the answer without one of them. Options that only raise a
    warning ("I don't know") are left out: not knowing a fact does not change it.
    """
    rules = rules if isinstance(rules, RuleSet) else RuleSet(rules)
    current = current or decide(answers, rules)
    if current.outcome != "none":
        return ()
    known = {rule.code for rule in current.warnings}
    found = []
    for question, answered in answers.items():
        if _still_none(question, answers, rules, current):
            continue
        candidates = [frozenset({o}) for o in options.get(question, ()) if o not in answered]
        if len(answered) > 1:
            candidates += [answered - {o} for o in sorted(answered)]
        for candidate in candidates:
            outcome, warnings = decide_outcome({**answers, question: candidate}, rules)
            if outcome != "none" and warnings <= known:
                found.append(Change(question, candidate, outcome))
    return tuple(found)


def _still_none(question: str, answers: Answers, rules: RuleSet, current: Verdict) -> bool:
    """Whether no other answer to `question` can change a `none` verdict: each side stays ruled out
    by a rule that does not ask it, and another question's answer still counts (not `too_few`)."""
    if any(
        all(question in rule.conditions for rule in current.blocked[side]) for side in HYPERVISORS
    ):
        return False
    unknowns = rules.unknowns
    return any(
        (other, option) not in unknowns
        for other in rules.needed
        if other != question
        for option in answers.get(other, ())
    )
