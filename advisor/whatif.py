"""What would change a verdict: single answer changes and the warnings worth finding out first.

Both ask the engine (`decide()`) again with one answer changed; the verdict page shows them when
nothing tips the balance ("What would change this verdict") and near the top ("Find out first").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .engine import Answers, Outcome, Rule, decide


@dataclass(frozen=True)
class Change:
    """One answer changed, and the verdict it would give."""

    question: str
    options: frozenset[str]
    outcome: Outcome


def overturning(
    answers: Answers, rules: Sequence[Rule], options: Mapping[str, Sequence[str]]
) -> frozenset[str]:
    """The warnings whose "I don't know" answer, once known, could change the verdict.

    A warning fires on an unknown answer; if any other answer to that question gives another
    verdict, finding out matters and the page says so near the top.
    """
    current = decide(answers, rules)
    found = set()
    for warning in current.warnings:
        for question, unknown in warning.conditions.items():
            others = [o for o in options.get(question, ()) if o not in unknown]
            if any(
                decide({**answers, question: frozenset({o})}, rules).outcome != current.outcome
                for o in others
            ):
                found.add(warning.code)
    return frozenset(found)


def changes(
    answers: Answers, rules: Sequence[Rule], options: Mapping[str, Sequence[str]]
) -> tuple[Change, ...]:
    """Single answer changes that would turn a `none` verdict into another one.

    For each answered question: every other option instead of the answer, and (for a question
    with several options answered) the answer without one of them. Options that only raise a
    warning ("I don't know") are left out: not knowing a fact does not change it.
    """
    current = decide(answers, rules)
    if current.outcome != "none":
        return ()
    known = {rule.code for rule in current.warnings}
    found = []
    for question, answered in answers.items():
        candidates = [frozenset({o}) for o in options.get(question, ()) if o not in answered]
        if len(answered) > 1:
            candidates += [answered - {o} for o in sorted(answered)]
        for candidate in candidates:
            changed = {**answers, question: candidate}
            result = decide(changed, rules)
            if result.outcome != "none" and {r.code for r in result.warnings} <= known:
                found.append(Change(question, candidate, result.outcome))
    return tuple(found)
